"""Types shared by every page context: page metadata, links, tables, finding markers.

Templates receive these dataclasses and only loop over them; every decision (text,
classes, links, ordering) is taken here, in Python.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ...charts import Chart
from ...model import Finding
from ..labels import SEVERITY_LABELS
from ..urls import CSS, DATA, INDEX, INDICATORS, JS, QUALITY, SEARCH, rel, root_of

SITE_NAME = "政府信息公开年报透明度看板"

#: (site path, label) of the main navigation, in order.
NAV = (
    (INDEX, "总览"),
    (INDICATORS, "指标与排名"),
    (QUALITY, "数据质量"),
    (DATA, "数据下载"),
    ("methodology.html", "方法说明"),
    ("about.html", "关于"),
)


@dataclass(frozen=True, slots=True)
class Link:
    text: str
    href: str
    """Relative to the page the link is on."""


@dataclass(frozen=True, slots=True)
class NavItem:
    text: str
    href: str
    current: bool


@dataclass(frozen=True, slots=True)
class Meta:
    """What the base layout needs for any page."""

    path: str
    """Site path of the page, e.g. "reports/x-2025.html"."""
    title: str
    root: str
    """"" or "../": prefix back to the site root."""
    nav: tuple[NavItem, ...]
    css: str
    js: str
    search: str
    build_date: str
    """From SOURCE_DATE_EPOCH, or "" when it is not set."""
    crumbs: tuple[Link, ...] = ()


@dataclass(frozen=True, slots=True)
class Page:
    """One page to render: the template and its typed context."""

    path: str
    template: str
    meta: Meta
    ctx: Any


def make_meta(path: str, title: str, build_date: str, crumbs: tuple[tuple[str, str], ...] = ()) -> Meta:
    """Page metadata with every link already relative to ``path``."""
    nav = tuple(NavItem(label, rel(path, target), target == path) for target, label in NAV)
    return Meta(
        path=path,
        title=title,
        root=root_of(path),
        nav=nav,
        css=rel(path, CSS),
        js=rel(path, JS),
        search=rel(path, SEARCH),
        build_date=build_date,
        crumbs=tuple(Link(text, rel(path, target)) for target, text in crumbs),
    )


@dataclass(frozen=True, slots=True)
class Badge:
    """Count of findings of one severity, for report lists."""

    severity: str
    label: str
    count: int


def badges(findings: list[Finding]) -> tuple[Badge, ...]:
    counts = {s: sum(f.severity == s for f in findings) for s in SEVERITY_LABELS}
    return tuple(Badge(s, SEVERITY_LABELS[s], n) for s, n in counts.items() if n)


@dataclass(frozen=True, slots=True)
class HeadCell:
    text: str
    rowspan: int = 1
    colspan: int = 1
    css: str = ""


@dataclass(frozen=True, slots=True)
class Mark:
    """A finding marker in a cell: links to the note and the finding."""

    number: int
    severity: str
    href: str


@dataclass(frozen=True, slots=True)
class Cell:
    text: str
    anchor: str = ""
    """HTML id (cells named by findings and every value cell of a report table)."""
    href: str = ""
    """Link to the source line the value was read from."""
    css: str = ""
    title: str = ""
    marks: tuple[Mark, ...] = ()
    sort_key: str = ""
    """Value for client-side sorting (data-sort), when it differs from the text."""


@dataclass(frozen=True, slots=True)
class Note:
    """A finding in plain words, shown in the row of the cells it concerns."""

    number: int
    severity: str
    severity_label: str
    text: str
    anchor: str


@dataclass(frozen=True, slots=True)
class Row:
    heads: tuple[HeadCell, ...]
    cells: tuple[Cell, ...]
    notes: tuple[Note, ...] = ()
    header: bool = False
    """A sub-header row (table 2's groups): cells are rendered as <th>."""


@dataclass(frozen=True, slots=True)
class Grid:
    """A table laid out like the official template (merged headers), or a plain one."""

    key: str
    caption: str
    head_rows: tuple[tuple[HeadCell, ...], ...]
    rows: tuple[Row, ...]
    notes_column: bool = False
    sortable: bool = False
    css: str = ""
    summary: str = ""
    """One sentence under the table (report tables: how many cells the arithmetic confirmed)."""


@dataclass(frozen=True, slots=True)
class ChartBlock:
    """A chart and whether to show its data table open (small tables) or folded."""

    chart: Chart
    table_open: bool = False


@dataclass(slots=True)
class Stat:
    """A headline figure with an optional caveat."""

    label: str
    value: str
    note: str = ""


@dataclass(slots=True)
class Prose:
    """A narrative section: title and paragraphs, plain text (never marked safe)."""

    title: str
    paragraphs: list[str] = field(default_factory=list)
    anchor: str = ""
    line_href: str = ""
