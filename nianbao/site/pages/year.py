"""Year pages: the agencies of one year compared on the same figures and indicators."""

from __future__ import annotations

from dataclasses import dataclass

from ...dataset import KEY_FIGURES, figure, format_number, format_rate
from ..context import SiteData
from ..corpus import Entry
from ..urls import INDEX, year_page
from .common import Cell, ChartBlock, Grid, HeadCell, Page, Row, Stat, make_meta
from .figures import applications_chart, outcomes_chart
from .listing import ReportItem, headline, report_items


@dataclass(frozen=True, slots=True)
class YearContext:
    year: str
    stats: tuple[Stat, ...]
    comparison: Grid
    charts: tuple[ChartBlock, ...]
    reports: tuple[ReportItem, ...]


def build_year_pages(data: SiteData) -> list[Page]:
    return [_page(data, year, entries) for year, entries in data.corpus.years()]


def _page(data: SiteData, year: int, entries: list[Entry]) -> Page:
    path = year_page(year)
    charts = (applications_chart("ch-apps", entries, f"{year} 年各机关收到的申请"), outcomes_chart("ch-outcomes", entries))
    ctx = YearContext(
        year=f"{year} 年",
        stats=headline(data, entries)[3:],
        comparison=_compare(data, entries),
        charts=tuple(ChartBlock(c) for c in charts if c is not None),
        reports=report_items(path, data, entries),
    )
    return Page(path, "year.html", make_meta(path, f"{year} 年度", data.build_date, ((INDEX, "总览"),)), ctx)


def _compare(data: SiteData, entries: list[Entry]) -> Grid:
    """One row per agency, one column per figure and indicator (sortable)."""
    indicators = data.indicators[entries[0].key]
    head = ((HeadCell("机关"), *(HeadCell(label) for label, _ in KEY_FIGURES), *(HeadCell(v.indicator.label) for v in indicators)),)
    rows = []
    for e in entries:
        figures = [figure(e.report, refs) for _, refs in KEY_FIGURES]
        cells = [Cell(format_number(v), css="num", sort_key="" if v is None else str(v)) for v in figures]
        for v in data.indicators[e.key]:
            text = format_rate(v.value) + ("*" if v.status == "small" else "")
            cells.append(Cell(text, css="num", sort_key="" if v.value is None else f"{v.value:.6f}"))
        rows.append(Row((HeadCell(e.agency.name),), tuple(cells)))
    caption = "各机关比较（“—”表示原文未印出；* 表示样本过少，不宜比较）"
    return Grid("compare", caption, head, tuple(rows), sortable=True, css="plain wide")
