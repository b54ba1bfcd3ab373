"""Overview page (index.html): headline figures, aggregate charts and tables, the reports.

Everything here is a summary whose size does not depend on the number of reports: charts
and tables by year, level and region, the agencies with most applications. The reports
themselves are listed here while they fit on one list page (paging.LIST_SIZE); beyond
that the overview shows the reports with the most findings and links to lists/.
"""

from __future__ import annotations

from dataclasses import dataclass

from ...dataset import format_number
from ..context import SiteData
from ..corpus import Entry
from ..urls import INDEX, report_list
from . import paging
from .common import SITE_NAME, ChartBlock, Grid, Link, Page, Stat, make_meta
from .figures import applications_by_year, outcomes_by, refusal_chart, review_chart
from .listing import ReportItem, headline, report_items
from .lists import more_link
from .summary import by_level, by_region, by_year, top_agencies


@dataclass(frozen=True, slots=True)
class OverviewContext:
    stats: tuple[Stat, ...]
    charts: tuple[ChartBlock, ...]
    summaries: tuple[Grid, ...]
    reports_title: str
    reports: tuple[ReportItem, ...]
    all_reports: Link


def build_overview(data: SiteData) -> Page:
    primary = data.corpus.primary
    years = data.corpus.years()
    charts = (
        applications_by_year("ch-apps", primary),
        outcomes_by("ch-outcomes", [(f"{y} 年", entries) for y, entries in years], "按年度合计"),
        refusal_chart("ch-reasons", primary),
        review_chart("ch-review", primary),
    )
    entries = data.corpus.entries
    title, shown = _reports(entries)
    ctx = OverviewContext(
        stats=headline(data, primary),
        charts=tuple(ChartBlock(c) for c in charts if c is not None),
        summaries=(
            by_year(years),
            by_level(primary),
            by_region(primary, lambda path: data.corpus.region(path).slug),
            top_agencies(primary),
        ),
        reports_title=title,
        reports=report_items(INDEX, data, shown),
        all_reports=more_link(INDEX, report_list, len(entries)),
    )
    return Page(INDEX, "index.html", make_meta(INDEX, SITE_NAME, data.build_date), ctx)


def _reports(entries: list[Entry]) -> tuple[str, list[Entry]]:
    """Every report while they fit on one page, else those with the most findings."""
    if len(entries) <= paging.LIST_SIZE:
        return "全部报告", entries

    def weight(e: Entry) -> tuple:
        errors = sum(f.severity == "error" for f in e.report.findings)
        return (-errors, -len(e.report.findings), e.key)

    top = sorted(entries, key=weight)[: paging.PREVIEW]
    return f"检查发现最多的 {len(top)} 份报告（共 {format_number(len(entries))} 份）", top
