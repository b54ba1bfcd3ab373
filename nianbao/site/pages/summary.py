"""Aggregate tables for the overview (by year, agency level, region, top agencies) and region pages.

Each has one row per year, level, region or (at most PREVIEW) agency, so the overview's
size does not grow with the number of reports.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable

from ...dataset import figure, format_number, t3
from ..corpus import Entry
from ..urls import INDEX, agency_page, region_page, rel, year_page
from . import paging
from .common import Cell, Grid, HeadCell, Row
from .figures import UNLISTED_LEVEL, level_of

_HEAD = ("报告数", "机关数", "本年新收合计（件）", "未印出本年新收的报告", "有“错误”的报告")


def _numbers(entries: list[Entry]) -> tuple[Cell, ...]:
    received = [figure(e.report, (t3("new_received"),)) for e in entries]
    errors = sum(any(f.severity == "error" for f in e.report.findings) for e in entries)
    values = (len(entries), len({e.agency.slug for e in entries}), sum(v for v in received if v is not None))
    cells = [Cell(format_number(v), css="num", sort_key=str(v)) for v in values]
    cells += [Cell(format_number(n), css="num", sort_key=str(n)) for n in (sum(v is None for v in received), errors)]
    return tuple(cells)


def _grid(key: str, caption: str, first: str, groups: list[tuple[HeadCell, list[Entry]]]) -> Grid:
    head = ((HeadCell(first), *(HeadCell(h) for h in _HEAD)),)
    rows = tuple(Row((label,), _numbers(entries)) for label, entries in groups)
    return Grid(key, caption, head, rows, sortable=True, css="plain")


def _group(entries: list[Entry], key: Callable[[Entry], str]) -> list[tuple[str, list[Entry]]]:
    groups: dict[str, list[Entry]] = defaultdict(list)
    for e in entries:
        groups[key(e)].append(e)
    return sorted(groups.items(), key=lambda kv: (kv[0] == UNLISTED_LEVEL, kv[0]))


def by_year(years: list[tuple[int, list[Entry]]]) -> Grid:
    head = ((HeadCell("年度"), *(HeadCell(h) for h in _HEAD)),)
    rows = tuple(Row((), (Cell(f"{y} 年", href=rel(INDEX, year_page(y))), *_numbers(entries))) for y, entries in years)
    return Grid("by-year", "各年度（点击年度看各机关比较）", head, rows, sortable=True, css="plain")


def by_level(entries: list[Entry]) -> Grid:
    groups = [(HeadCell(label), group) for label, group in _group(entries, level_of)]
    return _grid("by-level", "按机关层级", "层级", groups)


def by_region(entries: list[Entry], slug_of: Callable[[tuple[str, ...]], str]) -> Grid:
    """One row per top-level region (linked to its page), and one for agencies without a region."""
    groups = [
        (label, "" if label == UNLISTED_LEVEL else region_page(slug_of((label,))), group)
        for label, group in _group(entries, lambda e: e.agency.region[0] if e.agency.region else UNLISTED_LEVEL)
    ]
    return linked_groups(INDEX, "by-region", "按地区（点击地区看其下各级地区和机关）", "地区", groups)


def linked_groups(here: str, key: str, caption: str, first: str, groups: list[tuple[str, str, list[Entry]]]) -> Grid:
    """Like the other summary tables, with each group's label linked to ``target`` when given."""
    head = ((HeadCell(first), *(HeadCell(h) for h in _HEAD)),)
    rows = tuple(Row((), (Cell(label, href=rel(here, target) if target else ""), *_numbers(group))) for label, target, group in groups)
    return Grid(key, caption, head, rows, sortable=True, css="plain")


def top_agencies(entries: list[Entry]) -> Grid:
    """The agencies that received the most applications over all their reports."""
    totals: dict[str, list] = {}
    for e in entries:
        v = figure(e.report, (t3("new_received"),))
        item = totals.setdefault(e.agency.slug, [e.agency, 0, 0])
        item[1] += v or 0
        item[2] += 1
    ranked = sorted(totals.values(), key=lambda t: (-t[1], t[0].slug))[: paging.PREVIEW]
    head = ((HeadCell("机关"), HeadCell("报告数"), HeadCell("本年新收合计（件，各年度）")),)
    rows = tuple(
        Row((), (Cell(a.name, href=rel(INDEX, agency_page(a.slug))), Cell(format_number(n), css="num"), Cell(format_number(v), css="num")))
        for a, v, n in ranked
    )
    caption = f"收到申请最多的 {len(rows)} 个机关" if len(totals) > len(rows) else "各机关收到的申请"
    return Grid("top-agencies", caption, head, rows, css="plain")
