"""Indicators page: each indicator's definition and formula, and a ranking.

Rates from fewer than MIN_DENOMINATOR cases are listed as 样本过少 below the ranked ones,
never given a rank: one application granted out of one is not "100 % open".
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import partial

from ...dataset import INDICATORS, MIN_DENOMINATOR, IndicatorValue, format_number, format_rate
from ..context import SiteData
from ..corpus import Entry
from ..urls import INDEX, ranking_list, rel, report_page
from ..urls import INDICATORS as PATH
from . import paging
from .common import Cell, Grid, HeadCell, Link, Page, Row, make_meta
from .lists import iter_list_pages, more_link
from .report import STATUS_TEXT


@dataclass(frozen=True, slots=True)
class IndicatorSection:
    key: str
    label: str
    definition: str
    formula: str
    ranking: Grid
    """The whole ranking, or its first PREVIEW rows when it is paginated."""
    more: Link | None = None


@dataclass(frozen=True, slots=True)
class IndicatorsContext:
    min_denominator: int
    sections: tuple[IndicatorSection, ...]


def build_indicators(data: SiteData) -> list[Page]:
    """indicators.html, and lists/rank-<key>-<n>.html when a ranking is longer than LIST_SIZE."""
    return list(iter_indicator_pages(data))


def iter_indicator_pages(data: SiteData) -> Iterator[Page]:
    """``build_indicators``, the ranking list pages each built when asked for: at 10,000
    reports they are ~700 pages of 100 rows, too many to hold at once."""
    sections, lists = [], []
    for i, ind in enumerate(INDICATORS):
        rows = _ranking([(e, data.indicators[e.key][i]) for e in data.corpus.primary])
        if len(rows) <= paging.LIST_SIZE:
            sections.append(IndicatorSection(ind.key, ind.label, ind.definition, ind.formula, _grid(ind.key, PATH, rows)))
            continue
        path_of = partial(ranking_list, ind.key)
        preview = _grid(ind.key, PATH, rows[: paging.PREVIEW])
        sections.append(IndicatorSection(ind.key, ind.label, ind.definition, ind.formula, preview, more_link(PATH, path_of, len(rows))))
        crumbs = ((INDEX, "总览"), (f"{PATH}#{ind.key}", "指标与排名"))
        lede = f"{ind.label}：{ind.formula}。分母少于 {MIN_DENOMINATOR} 件的标为“样本过少”，列在最后。"
        lists.append((f"{ind.label}排名", lede, path_of, rows, partial(_fill, ind.key), crumbs))
    ctx = IndicatorsContext(MIN_DENOMINATOR, tuple(sections))
    yield Page(PATH, "indicators.html", make_meta(PATH, "指标与排名", data.build_date, ((INDEX, "总览"),)), ctx)
    for title, lede, path_of, rows, fill, crumbs in lists:
        yield from iter_list_pages(data, title, lede, path_of, rows, fill, crumbs)


_HEAD = ((HeadCell("排名"), HeadCell("报告"), HeadCell("数值"), HeadCell("分子"), HeadCell("分母"), HeadCell("说明")),)


def _grid(key: str, here: str, rows: list[tuple[str, Entry, IndicatorValue]]) -> Grid:
    body = tuple(_row(here, rank, e, v) for rank, e, v in rows)
    return Grid(f"rank-{key}", "从高到低排名（点击表头可排序）", _HEAD, body, sortable=True, css="plain")


def _fill(key: str, here: str, rows: list[tuple[str, Entry, IndicatorValue]]) -> dict:
    return {"grid": _grid(key, here, list(rows))}


def _ranking(values: list[tuple[Entry, IndicatorValue]]) -> list[tuple[str, Entry, IndicatorValue]]:
    """(rank, entry, value): ranked values first (ties share a rank), then the unrankable."""
    ranked = sorted((p for p in values if p[1].rankable), key=lambda p: (-p[1].value, p[0].key))
    rest = sorted((p for p in values if not p[1].rankable), key=lambda p: p[0].key)
    rows = []
    rank, previous = 0, None
    for n, (e, v) in enumerate(ranked, 1):
        rank = rank if v.value == previous else n  # ties share a rank
        previous = v.value
        rows.append((str(rank), e, v))
    rows += [("样本过少" if v.status == "small" else "—", e, v) for e, v in rest]
    return rows


def _row(here: str, rank: str, e: Entry, v: IndicatorValue) -> Row:
    value = "" if v.value is None else f"{v.value:.6f}"
    cells = (
        Cell(e.label, href=rel(here, report_page(e))),
        Cell(format_rate(v.value), css=f"num status-{v.status}", sort_key=value),
        Cell(format_number(v.numerator), css="num"),
        Cell(format_number(v.denominator), css="num"),
        Cell(STATUS_TEXT[v.status]),
    )
    return Row((HeadCell(rank, css="rank"),), cells)
