"""Indicators page: each indicator's definition and formula, and a ranking.

Rates from fewer than MIN_DENOMINATOR cases are listed as 样本过少 below the ranked ones,
never given a rank: one application granted out of one is not "100 % open".
"""

from __future__ import annotations

from dataclasses import dataclass

from ...dataset import INDICATORS, MIN_DENOMINATOR, IndicatorValue, format_number, format_rate
from ..context import SiteData
from ..corpus import Entry
from ..urls import INDEX, rel, report_page
from ..urls import INDICATORS as PATH
from .common import Cell, Grid, HeadCell, Page, Row, make_meta
from .report import STATUS_TEXT


@dataclass(frozen=True, slots=True)
class IndicatorSection:
    key: str
    label: str
    definition: str
    formula: str
    ranking: Grid


@dataclass(frozen=True, slots=True)
class IndicatorsContext:
    min_denominator: int
    sections: tuple[IndicatorSection, ...]


def build_indicators(data: SiteData) -> Page:
    sections = []
    for i, ind in enumerate(INDICATORS):
        values = [(e, data.indicators[e.key][i]) for e in data.corpus.primary]
        sections.append(IndicatorSection(ind.key, ind.label, ind.definition, ind.formula, _ranking(ind.key, values)))
    ctx = IndicatorsContext(MIN_DENOMINATOR, tuple(sections))
    return Page(PATH, "indicators.html", make_meta(PATH, "指标与排名", data.build_date, ((INDEX, "总览"),)), ctx)


def _ranking(key: str, values: list[tuple[Entry, IndicatorValue]]) -> Grid:
    ranked = sorted((p for p in values if p[1].rankable), key=lambda p: (-p[1].value, p[0].key))
    rest = sorted((p for p in values if not p[1].rankable), key=lambda p: p[0].key)
    head = ((HeadCell("排名"), HeadCell("报告"), HeadCell("数值"), HeadCell("分子"), HeadCell("分母"), HeadCell("说明")),)
    rows = []
    rank, previous = 0, None
    for n, (e, v) in enumerate(ranked, 1):
        rank = rank if v.value == previous else n  # ties share a rank
        previous = v.value
        rows.append(_row(str(rank), e, v))
    rows += [_row("样本过少" if v.status == "small" else "—", e, v) for e, v in rest]
    return Grid(f"rank-{key}", "从高到低排名（点击表头可排序）", head, tuple(rows), sortable=True, css="plain")


def _row(rank: str, e: Entry, v: IndicatorValue) -> Row:
    value = "" if v.value is None else f"{v.value:.6f}"
    cells = (
        Cell(e.label, href=rel(PATH, report_page(e))),
        Cell(format_rate(v.value), css=f"num status-{v.status}", sort_key=value),
        Cell(format_number(v.numerator), css="num"),
        Cell(format_number(v.denominator), css="num"),
        Cell(STATUS_TEXT[v.status]),
    )
    return Row((HeadCell(rank, css="rank"),), cells)
