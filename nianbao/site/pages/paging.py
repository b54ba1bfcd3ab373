"""Pagination: long lists split into pages of bounded size, with a pager between them.

Every page's size must not grow with the number of reports (issue 7): a page that would
list every report (the overview, a year, an indicator's ranking, a rule's findings) shows
a bounded summary and links to numbered list pages. With few reports nothing changes:
everything fits on the first page and no pager is shown.

The sizes are module attributes read at call time, so a test can make them small.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from ..urls import rel
from .common import Link

T = TypeVar("T")

#: Rows of a report list, a ranking or a rule's findings per page.
LIST_SIZE = 100
#: Rows of a year's agency comparison per page.
TABLE_SIZE = 200
#: Rows shown on a summary page (overview, indicators, quality) when the full list is paginated.
PREVIEW = 20
#: Page numbers shown on each side of the current one (first and last are always shown).
WINDOW = 2


@dataclass(frozen=True, slots=True)
class PageLink:
    text: str
    href: str
    """"" for the current page and for a gap ("…")."""
    current: bool = False


@dataclass(frozen=True, slots=True)
class Pager:
    """Links between the pages of one list: previous, a window of numbers, next."""

    label: str
    """E.g. "第 2 / 7 页（共 650 条）"."""
    prev: Link | None
    next: Link | None
    pages: tuple[PageLink, ...]


def chunked(items: Sequence[T], size: int) -> list[Sequence[T]]:
    """``items`` in pages of ``size`` (at least one page, maybe empty)."""
    return [items[i : i + size] for i in range(0, len(items), size)] or [items[:0]]


def pager(here: str, path_of: Callable[[int], str], n: int, pages: int, count: int) -> Pager | None:
    """The pager on page ``n`` of ``pages`` (None when there is only one page)."""
    if pages <= 1:
        return None
    shown = sorted({1, pages, *range(max(1, n - WINDOW), min(pages, n + WINDOW) + 1)})
    links: list[PageLink] = []
    for i, number in enumerate(shown):
        if i and number != shown[i - 1] + 1:
            links.append(PageLink("…", ""))
        links.append(PageLink(str(number), "" if number == n else rel(here, path_of(number)), number == n))
    prev = Link("上一页", rel(here, path_of(n - 1))) if n > 1 else None
    nxt = Link("下一页", rel(here, path_of(n + 1))) if n < pages else None
    return Pager(f"第 {n} / {pages} 页（共 {count} 条）", prev, nxt, tuple(links))
