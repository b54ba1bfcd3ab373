"""Data quality page: every finding of every report, grouped by rule, linked to cells."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import partial

from ...checks import SEVERITY_ORDER
from ...model import Finding
from ..context import SiteData
from ..corpus import Entry
from ..labels import SEVERITY_LABELS, cell_label
from ..urls import INDEX, cell_anchor, findings_list, line_anchor, rel, report_page
from ..urls import QUALITY as PATH
from . import paging
from .common import Link, Page, make_meta
from .lists import list_pages, more_link


@dataclass(frozen=True, slots=True)
class QualityItem:
    report: Link
    severity: str
    severity_label: str
    message: str
    where: str
    cells: tuple[Link, ...]
    lines: tuple[Link, ...]


@dataclass(frozen=True, slots=True)
class RuleGroup:
    rule: str
    anchor: str
    count: int
    items: tuple[QualityItem, ...]
    """All of the rule's findings, or the first PREVIEW when they are paginated."""
    more: Link | None = None
    """The rule's list pages, when there are more than LIST_SIZE findings."""


@dataclass(frozen=True, slots=True)
class QualityContext:
    total: int
    reports_with_errors: int
    groups: tuple[RuleGroup, ...]


def _by_rule(data: SiteData) -> list[tuple[str, list[tuple[Entry, Finding]]]]:
    by_rule: dict[str, list[tuple[Entry, Finding]]] = defaultdict(list)
    for e in data.corpus.entries:
        for f in e.report.findings:
            by_rule[f.rule].append((e, f))
    return [(rule, sorted(pairs, key=_order)) for rule, pairs in sorted(by_rule.items())]


def _order(pair: tuple[Entry, Finding]) -> tuple:
    return (SEVERITY_ORDER.get(pair[1].severity, 9), pair[0].key, pair[1].lines[:1])


def build_quality(data: SiteData) -> list[Page]:
    """quality.html, and lists/r-<rule>-<n>.html for rules with more than LIST_SIZE findings."""
    groups, pages = [], []
    for rule, pairs in _by_rule(data):
        anchor = "r-" + rule.replace(".", "-")
        if len(pairs) <= paging.LIST_SIZE:
            groups.append(RuleGroup(rule, anchor, len(pairs), tuple(quality_item(PATH, e, f) for e, f in pairs)))
            continue
        path_of = partial(findings_list, anchor)
        preview = tuple(quality_item(PATH, e, f) for e, f in pairs[: paging.PREVIEW])
        groups.append(RuleGroup(rule, anchor, len(pairs), preview, more_link(PATH, path_of, len(pairs))))
        crumbs = ((INDEX, "总览"), (f"{PATH}#{anchor}", "数据质量"))
        pages += list_pages(data, f"检查发现：{rule}", f"规则 {rule} 的全部 {len(pairs)} 条发现。", path_of, pairs, _fill, crumbs)
    errors = sum(any(f.severity == "error" for f in e.report.findings) for e in data.corpus.entries)
    ctx = QualityContext(sum(g.count for g in groups), errors, tuple(groups))
    return [Page(PATH, "quality.html", make_meta(PATH, "数据质量", data.build_date, ((INDEX, "总览"),)), ctx), *pages]


def _fill(here: str, pairs: list[tuple[Entry, Finding]]) -> dict:
    return {"findings": tuple(quality_item(here, e, f) for e, f in pairs)}


def quality_item(here: str, e: Entry, f: Finding) -> QualityItem:
    page = report_page(e)
    cells = tuple(Link(cell_label(c), rel(here, f"{page}#{cell_anchor(c)}")) for c in f.cells)
    lines = tuple(Link(f"第 {n} 行", rel(here, f"{page}#{line_anchor(n)}")) for n in f.lines)
    label = SEVERITY_LABELS.get(f.severity, f.severity)
    return QualityItem(Link(e.label, rel(here, page)), f.severity, label, f.message, f.where, cells, lines)
