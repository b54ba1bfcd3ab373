"""Numbered list pages: every report, an indicator's full ranking, a rule's findings.

They carry what summary pages leave out once a list is longer than paging.LIST_SIZE, so
every page stays bounded in size however many reports the site has.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import partial
from typing import Any

from ..context import SiteData
from ..urls import INDEX, rel, report_list
from . import paging
from .common import Grid, Link, Page, make_meta
from .listing import ReportItem, report_items
from .paging import Pager, chunked, pager


@dataclass(frozen=True, slots=True)
class ListContext:
    title: str
    lede: str
    pager: Pager | None
    reports: tuple[ReportItem, ...] = ()
    grid: Grid | None = None
    findings: tuple[Any, ...] = ()
    """quality.QualityItem rows (typed there; quality imports this module)."""


def list_pages(
    data: SiteData,
    title: str,
    lede: str,
    path_of: Callable[[int], str],
    items: Sequence[Any],
    fill: Callable[[str, Sequence[Any]], dict[str, Any]],
    crumbs: tuple[tuple[str, str], ...],
) -> list[Page]:
    """One page per LIST_SIZE items; ``fill(path, part)`` gives the context fields of a page."""
    return list(iter_list_pages(data, title, lede, path_of, items, fill, crumbs))


def iter_list_pages(
    data: SiteData,
    title: str,
    lede: str,
    path_of: Callable[[int], str],
    items: Sequence[Any],
    fill: Callable[[str, Sequence[Any]], dict[str, Any]],
    crumbs: tuple[tuple[str, str], ...],
) -> Iterator[Page]:
    """``list_pages``, each page built when it is asked for (the build writes it and lets it go)."""
    parts = chunked(items, paging.LIST_SIZE)
    for n, part in enumerate(parts, 1):
        path = path_of(n)
        heading = title if len(parts) == 1 else f"{title}（第 {n} 页）"
        ctx = ListContext(heading, lede, pager(path, path_of, n, len(parts), len(items)), **fill(path, part))
        yield Page(path, "list.html", make_meta(path, heading, data.build_date, crumbs), ctx)


def build_report_lists(data: SiteData) -> list[Page]:
    """lists/reports-<n>.html: every report (duplicates included), in agency and year order."""
    entries = data.corpus.entries
    lede = f"共 {len(entries)} 份报告，按机关和年度排列。点击表头可在本页内排序。"
    return list_pages(data, "全部报告", lede, report_list, entries, partial(_reports, data), ((INDEX, "总览"),))


def _reports(data: SiteData, here: str, part: Sequence[Any]) -> dict[str, Any]:
    return {"reports": report_items(here, data, list(part))}


def more_link(here: str, path_of: Callable[[int], str], count: int) -> Link:
    """The "查看全部 N 条" link to the first list page."""
    pages = len(chunked(range(count), paging.LIST_SIZE))
    return Link(f"查看全部 {count} 条（共 {pages} 页）", rel(here, path_of(1)))
