"""Report lists and headline figures shared by the overview, agency and year pages."""

from __future__ import annotations

from dataclasses import dataclass

from ...dataset import figure, format_number, format_rate, t3, t4, total_over
from ..context import SiteData
from ..corpus import Entry
from ..urls import agency_page, rel, report_page
from .common import Badge, Link, Stat, badges


@dataclass(frozen=True, slots=True)
class ReportItem:
    report: Link
    agency: Link
    year: str
    template: str
    applications: str
    open_rate: str
    open_rate_sort: str
    badges: tuple[Badge, ...]
    note: str


def report_items(page: str, data: SiteData, entries: list[Entry]) -> tuple[ReportItem, ...]:
    return tuple(_item(page, data, e) for e in entries)


def _item(page: str, data: SiteData, e: Entry) -> ReportItem:
    rate = next(v for v in data.indicators[e.key] if v.indicator.key == "open_rate")
    return ReportItem(
        report=Link(f"{e.agency.name} {e.year_label}报告", rel(page, report_page(e))),
        agency=Link(e.agency.name, rel(page, agency_page(e.agency.slug))),
        year=e.year_label,
        template=f"{e.report.template} 版" if e.report.template else "未识别",
        applications=format_number(figure(e.report, (t3("new_received"),))),
        open_rate=format_rate(rate.value) + ("（样本过少）" if rate.status == "small" else ""),
        open_rate_sort="" if rate.value is None else f"{rate.value:.6f}",
        badges=badges(e.report.findings),
        note="" if e.primary else "重复报告，未采用",
    )


def _incomplete(missing: int) -> str:
    return f"{missing} 份报告未印出此数，未计入" if missing else ""


def headline(data: SiteData, entries: list[Entry]) -> tuple[Stat, ...]:
    """Headline figures over ``entries`` (primary reports); sums of printed values only."""
    reports = [e.report for e in entries]
    years = sorted({e.year for e in entries if e.year is not None})
    received = total_over(reports, t3("new_received"))
    stats = [
        Stat("年度报告", f"{len(entries)} 份"),
        Stat("机关", f"{len({e.agency.slug for e in entries})} 个"),
        Stat("年度", f"{len(years)} 个", "、".join(str(y) for y in years)),
        Stat("收到的申请（本年新收）", f"{format_number(received.value)} 件", _incomplete(received.missing)),
        _granted_share(entries),
        _disputes(reports),
        _findings(data, entries),
    ]
    return tuple(stats)


def _granted_share(entries: list[Entry]) -> Stat:
    """(予以公开 + 部分公开) / 办理总计 over the reports that print all three."""
    num = den = 0
    skipped = 0
    for e in entries:
        parts = [figure(e.report, (t3(r),)) for r in ("granted", "partially_granted", "total")]
        if any(p is None for p in parts):
            skipped += 1
            continue
        num, den = num + parts[0] + parts[1], den + parts[2]
    value = format_rate(num / den) if den else "—"
    note = f"{format_number(num)} / {format_number(den)} 件" + (f"；{skipped} 份报告未印出所需数值，未计入" if skipped else "")
    return Stat("予以公开和部分公开的比例", value, note)


def _disputes(reports) -> Stat:
    review = total_over(reports, t4("review", "total"))
    direct = total_over(reports, t4("litigation_direct", "total"))
    after = total_over(reports, t4("litigation_after_review", "total"))
    missing = max(review.missing, direct.missing, after.missing)
    value = f"复议 {format_number(review.value)} 件 · 诉讼 {format_number(direct.value + after.value)} 件"
    return Stat("行政复议和行政诉讼", value, _incomplete(missing))


def _findings(data: SiteData, entries: list[Entry]) -> Stat:
    found = [f for e in entries for f in e.report.findings]
    parts = "，".join(f"{b.label} {b.count}" for b in badges(found))
    return Stat("检查发现", f"{len(found)} 条", parts)
