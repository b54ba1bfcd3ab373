"""Overview page (index.html): headline figures, the aggregate charts, every report."""

from __future__ import annotations

from dataclasses import dataclass

from ..context import SiteData
from ..urls import INDEX
from .common import SITE_NAME, ChartBlock, Page, Stat, make_meta
from .figures import applications_chart, outcomes_chart, refusal_chart, review_chart
from .listing import ReportItem, headline, report_items


@dataclass(frozen=True, slots=True)
class OverviewContext:
    stats: tuple[Stat, ...]
    charts: tuple[ChartBlock, ...]
    reports: tuple[ReportItem, ...]


def build_overview(data: SiteData) -> Page:
    primary = data.corpus.primary
    charts = (
        applications_chart("ch-apps", primary),
        outcomes_chart("ch-outcomes", primary),
        refusal_chart("ch-reasons", primary),
        review_chart("ch-review", primary),
    )
    ctx = OverviewContext(
        stats=headline(data, primary),
        charts=tuple(ChartBlock(c) for c in charts if c is not None),
        reports=report_items(INDEX, data, data.corpus.entries),
    )
    return Page(INDEX, "index.html", make_meta(INDEX, SITE_NAME, data.build_date), ctx)
