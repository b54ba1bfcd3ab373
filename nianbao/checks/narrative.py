"""narrative.*: figures the text states (申请 N 件, 行政复议 N 件) against the tables."""

from __future__ import annotations

import re

from ..model import Finding, Report

# At most 18 digits: int() refuses over 4300 (a fuzzer-found crash), and no count is longer.
_APPLICATIONS = re.compile(r"(接收|收到|受理|新收|办理)了?[^，。；,;：:]{0,15}?申请?\D{0,4}?(\d{1,18})\s*件")
_REVIEW = re.compile(r"行政复议(?:案件)?\s*(\d{1,18})\s*(?:件|起)")
_LITIGATION = re.compile(r"行政诉讼(?:案件)?\s*(\d{1,18})\s*(?:件|起)")


def check(report: Report) -> list[Finding]:
    text = "\n".join(s.text for s in report.sections)
    out = []
    out += _applications(report, text)
    out += _table4(report, text)
    return out


def _t3(report: Report, row: str):
    if report.table3 is None or row not in report.table3.found:
        return None
    return report.table3.rows[row][6]


def _applications(report: Report, text: str) -> list[Finding]:
    new, carried, total = _t3(report, "new_received"), _t3(report, "carried_over"), _t3(report, "total")
    for m in _APPLICATIONS.finditer(text):
        verb, stated = m.group(1), int(m.group(2))
        accepted = {new}
        if new is not None and carried is not None:
            accepted.add(new + carried)
        if verb == "办理":
            accepted.add(total)
        accepted.discard(None)
        if accepted and stated not in accepted:
            return _applications_finding(m, new, total)
    return []


def _applications_finding(m: re.Match, new, total) -> list[Finding]:
    return [
        Finding(
            "narrative.applications",
            "warning",
            f"正文称“{m.group(0)}”，但表3的本年新收申请总计为 {new if new is not None else '空'}"
            + (f"、办理结果总计为 {total}" if total is not None else "")
            + "，两者不一致。",
            "正文与表3",
            cells=["table3.new_received.total"],
        )
    ]


def _table4(report: Report, text: str) -> list[Finding]:
    if report.table4 is None:
        return []
    out = []
    b = report.table4.blocks
    litigation = None
    if b["litigation_direct"]["total"] is not None and b["litigation_after_review"]["total"] is not None:
        litigation = b["litigation_direct"]["total"] + b["litigation_after_review"]["total"]
    for rule, pattern, value, name, cells in (
        ("narrative.review", _REVIEW, b["review"]["total"], "行政复议总计", ["table4.review.total"]),
        ("narrative.litigation", _LITIGATION, litigation, "行政诉讼总计", ["table4.litigation_direct.total", "table4.litigation_after_review.total"]),
    ):
        m = pattern.search(text)
        if m and value is not None and int(m.group(1)) != value:
            out.append(Finding(rule, "warning", f"正文称“{m.group(0)}”，但表4的{name}为 {value}。", "正文与表4", cells=cells))
    return out
