"""Report page: tables as in the template, narrative, indicators, findings, source text."""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from ...confidence import confidence, confirmed_cells
from ...dataset import KEY_FIGURES, MIN_DENOMINATOR, IndicatorValue, figure, format_number, format_rate
from ...model import Finding, Report
from ..context import SiteData
from ..corpus import Entry
from ..fragments import source_lines
from ..labels import FORM_LABELS, SECTION_LABELS, SEVERITY_LABELS, cell_label
from ..urls import agency_page, cell_anchor, line_anchor, original_file, rel, report_json, report_page, year_page
from .common import Cell, Grid, HeadCell, Link, Page, Prose, Row, make_meta
from .region import region_crumbs
from .report_tables import FindingIndex, table2_grid, table3_grid, table4_grid

#: Which table is printed under which section.
_TABLE_OF_SECTION = {"active_disclosure": "table2", "applications": "table3", "review_litigation": "table4"}

STATUS_TEXT = {
    "small": f"样本过少（分母不足 {MIN_DENOMINATOR}），不参与排名",
    "zero": "分母为 0，无法计算",
    "missing": "所需数值原文未印出，不作推算",
    "ok": "",
}


@dataclass(frozen=True, slots=True)
class Fact:
    label: str
    value: str


@dataclass(frozen=True, slots=True)
class FindingItem:
    number: int
    anchor: str
    severity: str
    severity_label: str
    rule: str
    message: str
    where: str
    cells: tuple[Link, ...]
    lines: tuple[Link, ...]


@dataclass(frozen=True, slots=True)
class SectionBlock:
    prose: Prose
    grid: Grid | None


@dataclass(frozen=True, slots=True)
class ReportContext:
    heading: str
    agency: Link
    year: Link | None
    facts: tuple[Fact, ...]
    notice: str
    """Shown prominently, e.g. for a duplicate that is not used in comparisons."""
    findings: tuple[FindingItem, ...]
    indicators: Grid
    comparison: Grid | None
    comparison_title: str
    sections: tuple[SectionBlock, ...]
    source: Markup
    """The numbered source text, one escaped ``<li id="L<n>">`` per line (fragments.py)."""
    downloads: tuple[Link, ...]


def build_report_pages(data: SiteData) -> list[Page]:
    return [report_page_for(data, e) for e in data.corpus.entries]


def report_page_for(data: SiteData, entry: Entry) -> Page:
    path = report_page(entry)
    report = entry.report
    confirmed = confirmed_cells(report)
    index = FindingIndex(list(report.findings), confirmed=confirmed, counts=confidence(report, confirmed))
    crumbs = (*region_crumbs(data.corpus, entry.agency.region), (agency_page(entry.agency.slug), entry.agency.name))
    meta = make_meta(path, f"{entry.label} 政府信息公开工作年度报告", data.build_date, crumbs)
    ctx = ReportContext(
        heading=report.title or f"{entry.agency.name}{entry.year_label}政府信息公开工作年度报告",
        agency=Link(entry.agency.name, rel(path, agency_page(entry.agency.slug))),
        year=Link(entry.year_label, rel(path, year_page(entry.year))) if entry.year is not None and entry.primary else None,
        facts=_facts(entry),
        notice="" if entry.primary else "本机关本年度另有一份报告被采用；此份单独列出，不参与比较和排名。",
        findings=tuple(_finding_item(n, f) for n, f in enumerate(report.findings, 1)),
        indicators=indicator_grid(data.indicators[entry.key]),
        comparison=_comparison(entry),
        comparison_title=f"与上一份报告（{entry.previous.year} 年）比较" if entry.previous else "",
        sections=_sections(report, index),
        source=_source(report),
        downloads=(
            Link("本报告数据（JSON，含原文）", rel(path, report_json(entry))),
            Link(f"原始文件（{FORM_LABELS.get(report.format, report.format)}）", rel(path, original_file(entry))),
        ),
    )
    return Page(path, "report.html", meta, ctx)


def _facts(entry: Entry) -> tuple[Fact, ...]:
    r, a = entry.report, entry.agency
    facts = [
        ("机关", a.name + ("" if not r.agency or r.agency == a.name else f"（原文作“{r.agency}”）")),
        ("所属地区", " › ".join(a.region)),
        ("机关层级", a.level),
        ("统计期限", r.period or ""),
        ("表格模板", f"{r.template} 年版" if r.template else "未识别"),
        ("来源形式", FORM_LABELS.get(r.format, r.format)),
        ("联系电话", r.contact.phone or ""),
        ("联系地址", r.contact.address or ""),
        # The agency's website stays plain text: the site links to no other host.
        ("机关网站", r.contact.website or ""),
        ("源文件", f"{r.source}（SHA-256 {r.sha256[:12]}…）" if r.sha256 else r.source),
    ]
    return tuple(Fact(k, v) for k, v in facts if v)


def _finding_item(number: int, f: Finding) -> FindingItem:
    cells = tuple(Link(cell_label(c), f"#{cell_anchor(c)}") for c in f.cells)
    lines = tuple(Link(f"第 {n} 行", f"#{line_anchor(n)}") for n in f.lines)
    label = SEVERITY_LABELS.get(f.severity, f.severity)
    return FindingItem(number, f"f{number}", f.severity, label, f.rule, f.message, f.where, cells, lines)


def indicator_grid(values: list[IndicatorValue]) -> Grid:
    head = ((HeadCell("指标"), HeadCell("数值"), HeadCell("分子 / 分母"), HeadCell("计算公式"), HeadCell("说明")),)
    rows = []
    for v in values:
        parts = f"{format_number(v.numerator)} / {format_number(v.denominator)}"
        cells = (
            Cell(format_rate(v.value), css=f"num status-{v.status}"),
            Cell(parts, css="num"),
            Cell(v.indicator.formula),
            Cell(STATUS_TEXT[v.status]),
        )
        rows.append(Row((HeadCell(v.indicator.label),), cells))
    return Grid("indicators", "衍生指标", head, tuple(rows), css="plain")


def _comparison(entry: Entry) -> Grid | None:
    prev = entry.previous
    if prev is None:
        return None
    head = ((HeadCell("项目"), HeadCell(prev.year_label), HeadCell(entry.year_label), HeadCell("变化")),)
    rows = []
    for label, refs in KEY_FIGURES:
        before, now = figure(prev.report, refs), figure(entry.report, refs)
        change = "—" if before is None or now is None else _signed(now - before)
        cells = (Cell(format_number(before), css="num"), Cell(format_number(now), css="num"), Cell(change, css="num change"))
        rows.append(Row((HeadCell(label),), cells))
    return Grid("comparison", "主要数字的变化（“—”表示原文未印出）", head, tuple(rows), css="plain")


def _signed(delta: float | int) -> str:
    return "0" if delta == 0 else ("+" if delta > 0 else "−") + format_number(abs(delta))


def _sections(report: Report, index: FindingIndex) -> tuple[SectionBlock, ...]:
    grids = {"table2": table2_grid(report, index), "table3": table3_grid(report, index), "table4": table4_grid(report, index)}
    blocks = []
    for s in report.sections:
        paragraphs = [p.strip() for p in s.text.split("\n") if p.strip()]
        prose = Prose(s.title or SECTION_LABELS.get(s.key, s.key), paragraphs, f"s-{s.key}", f"#{line_anchor(s.line)}")
        blocks.append(SectionBlock(prose, grids.pop(_TABLE_OF_SECTION.get(s.key, ""), None)))
    for key, grid in grids.items():  # a table whose section heading was not found
        if grid is not None:
            blocks.append(SectionBlock(Prose(grid.caption, [], f"s-{key}"), grid))
    return tuple(blocks)


def _source(report: Report) -> Markup:
    cited = set()
    for f in report.findings:
        cited.update(f.lines)
    if report.table3:
        cited.update(n for lines in report.table3.lines.values() for n in lines if n)
    if report.table4:
        cited.update(n for lines in report.table4.lines.values() for n in lines.values() if n)
    if report.table2:
        cited.update(n for it in report.table2.items for n in it.lines.values() if n)
    return source_lines(report.lines, cited)
