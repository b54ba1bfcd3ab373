"""across.*: one agency's consecutive reports should agree with each other."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable

from ..model import Finding, Report
from ..serialize import table2_json

AgencyOf = Callable[[Report], "str | None"]


def check_across(reports: list[Report], agency_of: AgencyOf | None = None) -> dict[str, list[Finding]]:
    """Report id -> findings comparing it with the same agency's previous year."""
    agency_of = agency_of or (lambda r: r.agency)
    by_agency: dict[str, dict[int, Report]] = defaultdict(dict)
    for r in sorted(reports, key=lambda r: r.source):  # the site's duplicate choice, too
        name = agency_of(r)
        if name and r.year is not None:
            by_agency[name].setdefault(r.year, r)
    out: dict[str, list[Finding]] = {}
    for years in by_agency.values():
        for year, report in sorted(years.items()):
            prev = years.get(year - 1)
            if prev is None:
                continue
            found = _carryover(prev, report) + _in_force(prev, report)
            if found:
                out.setdefault(report.id, []).extend(found)
    return out


def _carryover(prev: Report, cur: Report) -> list[Finding]:
    if prev.table3 is None or cur.table3 is None:
        return []
    forward = prev.table3.rows["carried_forward"][6]
    over = cur.table3.rows["carried_over"][6]
    if forward is None or over is None or forward == over:
        return []
    return [
        Finding(
            "across.carryover",
            "warning",
            f"上一年度（{prev.year} 年）报告的“结转下年度继续办理”为 {forward} 件，但本年度报告的“上年结转”为 {over} 件。",
            "表3 上年结转",
            cells=["table3.carried_over.total"],
            lines=[ln for ln in [cur.table3.lines["carried_over"][6]] if ln],
        )
    ]


def _in_force(prev: Report, cur: Report) -> list[Finding]:
    if prev.table2 is None or cur.table2 is None or "2019" in (prev.template, cur.template):
        return []
    out = []
    a, b = table2_json(prev.table2, "2021"), table2_json(cur.table2, "2021")
    for key, name in (("regulations", "规章"), ("normative_documents", "行政规范性文件")):
        before, issued, repealed, now = a[key]["in_force"], b[key]["issued"], b[key]["repealed"], b[key]["in_force"]
        if None in (before, issued, repealed, now):
            continue
        expected = before + issued - repealed
        if expected != now:
            out.append(
                Finding(
                    "across.in_force",
                    "info",
                    f"{name}：上一年现行有效 {before} 件 + 本年制发 {issued} 件 − 本年废止 {repealed} 件 = {expected} 件，"
                    f"本年报告的现行有效为 {now} 件（清理、修订等也会造成差异，仅供参考）。",
                    f"表2 {name}",
                    cells=[f"table2.{key}.in_force"],
                )
            )
    return out
