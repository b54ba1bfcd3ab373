"""Agency pages: every year side by side, trend charts, links to each report."""

from __future__ import annotations

from dataclasses import dataclass

from ...agencies import Agency
from ...dataset import KEY_FIGURES, figure, format_number, format_rate
from ..context import SiteData
from ..corpus import Entry
from ..urls import agency_page, rel, report_page
from .common import Cell, ChartBlock, Grid, HeadCell, Link, Page, Row, make_meta
from .figures import agency_outcomes_chart, trend_chart
from .listing import ReportItem, report_items
from .region import region_crumbs, region_links


@dataclass(frozen=True, slots=True)
class AgencyContext:
    name: str
    region: tuple[Link, ...]
    """A link to the page of each level of the agency's region, largest first."""
    level: str
    variants: str
    listed: bool
    years: Grid
    charts: tuple[ChartBlock, ...]
    reports: tuple[ReportItem, ...]


def build_agency_pages(data: SiteData) -> list[Page]:
    return [agency_page_for(data, agency, entries) for agency, entries in data.corpus.agencies()]


def agency_page_for(data: SiteData, agency: Agency, entries: list[Entry]) -> Page:
    path = agency_page(agency.slug)
    primary = [e for e in entries if e.primary and e.year is not None]
    charts = (trend_chart("ch-trend", primary), agency_outcomes_chart("ch-outcomes", primary))
    ctx = AgencyContext(
        name=agency.name,
        region=region_links(path, data.corpus, agency.region),
        level=agency.level,
        variants="、".join(agency.variants),
        listed=agency.listed,
        years=years_grid(path, data, primary),
        charts=tuple(ChartBlock(c) for c in charts if c is not None),
        reports=report_items(path, data, entries),
    )
    meta = make_meta(path, agency.name, data.build_date, region_crumbs(data.corpus, agency.region))
    return Page(path, "agency.html", meta, ctx)


def years_grid(path: str, data: SiteData, entries: list[Entry]) -> Grid:
    """Key figures and indicators, one column per year."""
    head = ((HeadCell("项目"), *(HeadCell(e.year_label) for e in entries)),)
    rows = [Row((HeadCell("报告"),), tuple(Cell("查看", href=rel(path, report_page(e))) for e in entries))]
    for label, refs in KEY_FIGURES:
        rows.append(Row((HeadCell(label),), tuple(Cell(format_number(figure(e.report, refs)), css="num") for e in entries)))
    for i, ind in enumerate(data.indicators[entries[0].key] if entries else []):
        values = [data.indicators[e.key][i] for e in entries]
        cells = tuple(Cell(format_rate(v.value) + ("*" if v.status == "small" else ""), css="num") for v in values)
        rows.append(Row((HeadCell(ind.indicator.label),), cells))
    return Grid("years", "历年数字（“—”表示原文未印出；* 表示样本过少）", head, tuple(rows), css="plain")
