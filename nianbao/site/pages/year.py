"""Year pages: the agencies of one year compared on the same figures and indicators.

The comparison is cut into pages of paging.TABLE_SIZE agencies: years/<year>.html carries
the year's figures, its charts (aggregates: the top agencies, outcomes by level) and the
first rows; years/<year>-<n>.html the rest, each with its part of the report list.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import partial

from ...dataset import KEY_FIGURES, figure, format_number, format_rate
from ..context import SiteData
from ..corpus import Entry
from ..urls import INDEX, year_page, year_part
from . import paging
from .common import Cell, ChartBlock, Grid, HeadCell, Page, Row, Stat, make_meta
from .figures import level_of, outcomes_by, top_agencies_chart
from .listing import ReportItem, headline, report_items
from .paging import Pager, chunked, pager


@dataclass(frozen=True, slots=True)
class YearContext:
    year: str
    stats: tuple[Stat, ...]
    """The year's figures (first page only)."""
    comparison: Grid
    charts: tuple[ChartBlock, ...]
    """First page only."""
    reports: tuple[ReportItem, ...]
    pager: Pager | None = None


def build_year_pages(data: SiteData) -> list[Page]:
    return [page for year, entries in data.corpus.years() for page in _pages(data, year, entries)]


def _pages(data: SiteData, year: int, entries: list[Entry]) -> list[Page]:
    parts = chunked(entries, paging.TABLE_SIZE)
    pages = []
    for n, part in enumerate(parts, 1):
        path = year_part(year, n)
        first = n == 1
        ctx = YearContext(
            year=f"{year} 年" if first else f"{year} 年（第 {n} 页）",
            stats=headline(data, entries)[3:] if first else (),
            comparison=_compare(data, list(part)),
            charts=_charts(year, entries) if first else (),
            reports=report_items(path, data, list(part)),
            pager=pager(path, partial(year_part, year), n, len(parts), len(entries)),
        )
        crumbs = ((INDEX, "总览"),) if first else ((INDEX, "总览"), (year_page(year), f"{year} 年度"))
        pages.append(Page(path, "year.html", make_meta(path, ctx.year.replace(" 年", " 年度", 1), data.build_date, crumbs), ctx))
    return pages


def _charts(year: int, entries: list[Entry]) -> tuple[ChartBlock, ...]:
    levels: dict[str, list[Entry]] = defaultdict(list)
    for e in entries:
        levels[level_of(e)].append(e)
    charts = (
        top_agencies_chart("ch-apps", entries, f"{year} 年各机关收到的申请"),
        outcomes_by("ch-outcomes", sorted(levels.items()), "按机关层级合计"),
    )
    return tuple(ChartBlock(c) for c in charts if c is not None)


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
