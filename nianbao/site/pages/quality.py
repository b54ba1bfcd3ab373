"""Data quality page: every finding of every report, grouped by rule, linked to cells."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from ...checks import SEVERITY_ORDER
from ...model import Finding
from ..context import SiteData
from ..corpus import Entry
from ..labels import SEVERITY_LABELS, cell_label
from ..urls import INDEX, cell_anchor, line_anchor, rel, report_page
from ..urls import QUALITY as PATH
from .common import Link, Page, make_meta


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


@dataclass(frozen=True, slots=True)
class QualityContext:
    total: int
    reports_with_errors: int
    groups: tuple[RuleGroup, ...]


def build_quality(data: SiteData) -> Page:
    by_rule: dict[str, list[tuple[Entry, Finding]]] = defaultdict(list)
    for e in data.corpus.entries:
        for f in e.report.findings:
            by_rule[f.rule].append((e, f))
    groups = tuple(_group(rule, pairs) for rule, pairs in sorted(by_rule.items()))
    errors = sum(any(f.severity == "error" for f in e.report.findings) for e in data.corpus.entries)
    ctx = QualityContext(sum(g.count for g in groups), errors, groups)
    return Page(PATH, "quality.html", make_meta(PATH, "数据质量", data.build_date, ((INDEX, "总览"),)), ctx)


def _group(rule: str, pairs: list[tuple[Entry, Finding]]) -> RuleGroup:
    pairs = sorted(pairs, key=lambda p: (SEVERITY_ORDER.get(p[1].severity, 9), p[0].key, p[1].lines[:1]))
    return RuleGroup(rule, "r-" + rule.replace(".", "-"), len(pairs), tuple(_item(e, f) for e, f in pairs))


def _item(e: Entry, f: Finding) -> QualityItem:
    page = report_page(e)
    cells = tuple(Link(cell_label(c), rel(PATH, f"{page}#{cell_anchor(c)}")) for c in f.cells)
    lines = tuple(Link(f"第 {n} 行", rel(PATH, f"{page}#{line_anchor(n)}")) for n in f.lines)
    label = SEVERITY_LABELS.get(f.severity, f.severity)
    return QualityItem(Link(e.label, rel(PATH, page)), f.severity, label, f.message, f.where, cells, lines)
