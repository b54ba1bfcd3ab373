"""Data page (downloads + dictionary), content/*.md pages, the search page and 404."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ...dataset import INDICATORS, MIN_DENOMINATOR
from ..context import ContentDoc, SiteData
from ..labels import (
    AGENCY_KEY_LABELS,
    CSV_COLUMN_LABELS,
    FINDINGS_CSV_LABELS,
    REPORT_KEY_LABELS,
    SECTION_LABELS,
    T2_KEY_LABELS,
    T3_COLUMN_LABELS,
    T3_ROW_LABELS,
    T4_BLOCK_LABELS,
    T4_FIELD_LABELS,
)
from ..urls import DATA, FINDINGS_CSV, INDEX, INDICATORS_CSV, NOT_FOUND, REPORTS_CSV, REPORTS_JSON, SEARCH, content_page, rel, report_json
from . import paging
from .common import Link, Page, make_meta


@dataclass(frozen=True, slots=True)
class Download:
    link: Link
    description: str


@dataclass(frozen=True, slots=True)
class Term:
    key: str
    label: str


@dataclass(frozen=True, slots=True)
class Dictionary:
    title: str
    terms: tuple[Term, ...]


@dataclass(frozen=True, slots=True)
class DataContext:
    downloads: tuple[Download, ...]
    per_report: tuple[Link, ...]
    """Every report's JSON while they fit on one list page; else empty (see per_report_note)."""
    per_report_note: str
    dictionaries: tuple[Dictionary, ...]


_DOWNLOADS = (
    (REPORTS_JSON, "全部报告（JSON）", "所有报告，格式见数据字典（与 docs/report-model.md 的约定一致）。"),
    (REPORTS_CSV, "全部数值（CSV，长表）", "每个数值一行：机关、年度、表格、行、列、数值、原文行号。UTF-8（带 BOM，便于 Excel 打开）。"),
    (FINDINGS_CSV, "检查发现（CSV）", "所有报告的所有检查发现。"),
    (INDICATORS_CSV, "衍生指标（CSV）", f"每份报告的各项指标、分子、分母与状态（分母不足 {MIN_DENOMINATOR} 记为 small）。"),
    ("data/agencies.json", "机关名录（JSON）", "规范机关名称、网址标识、地区、层级、名称变体及其报告页面。"),
)


def build_data(data: SiteData) -> Page:
    downloads = tuple(Download(Link(text, rel(DATA, path)), desc) for path, text, desc in _DOWNLOADS)
    entries = data.corpus.entries
    if len(entries) <= paging.LIST_SIZE:
        per_report, note = tuple(Link(e.label, rel(DATA, report_json(e))) for e in entries), ""
    else:  # a link per report would make this page grow with the site
        per_report, note = (
            (),
            f"共 {len(entries)} 份：每份报告页面的“下载”处有其 JSON 链接；data/agencies.json 列出每份报告的 JSON 路径（data 字段）。",
        )
    ctx = DataContext(downloads, per_report, note, dictionaries())
    return Page(DATA, "data.html", make_meta(DATA, "数据下载与数据字典", data.build_date, ((INDEX, "总览"),)), ctx)


def dictionaries() -> tuple[Dictionary, ...]:
    def terms(labels: dict[str, str], prefix: str = "") -> tuple[Term, ...]:
        return tuple(Term(prefix + k, v) for k, v in labels.items())

    return (
        Dictionary("报告（data/reports.json 中的每一项）", terms(REPORT_KEY_LABELS)),
        Dictionary("正文各部分 sections[].key", terms(SECTION_LABELS)),
        Dictionary("表二 table2", terms(T2_KEY_LABELS)),
        Dictionary("表三的列 table3.columns", terms(T3_COLUMN_LABELS)),
        Dictionary("表三的行 table3.rows", terms(T3_ROW_LABELS)),
        Dictionary("表四的块 table4", terms(T4_BLOCK_LABELS)),
        Dictionary("表四每块的字段", terms(T4_FIELD_LABELS)),
        Dictionary("机关名录 data/agencies.json", terms(AGENCY_KEY_LABELS)),
        Dictionary("data/reports.csv 的列", terms(CSV_COLUMN_LABELS)),
        Dictionary("data/findings.csv 的列", terms(FINDINGS_CSV_LABELS)),
        Dictionary("衍生指标 data/indicators.csv", tuple(Term(i.key, f"{i.label}：{i.formula}") for i in INDICATORS)),
    )


@dataclass(frozen=True, slots=True)
class DocContext:
    title: str
    html: str
    """Markdown from content/ rendered with raw HTML disabled (maintainer-written, trusted)."""


def build_docs(data: SiteData) -> list[Page]:
    return [_doc(data, d) for d in data.docs]


def _doc(data: SiteData, doc: ContentDoc) -> Page:
    path = content_page(doc.stem)
    return Page(path, "doc.html", make_meta(path, doc.title, data.build_date, ((INDEX, "总览"),)), DocContext(doc.title, doc.html))


@dataclass(frozen=True, slots=True)
class SimpleContext:
    title: str


def build_search(data: SiteData) -> Page:
    return Page(SEARCH, "search.html", make_meta(SEARCH, "搜索", data.build_date, ((INDEX, "总览"),)), SimpleContext("搜索"))


#: The 404 page is served for missing URLs at any depth, where relative links break. So it
#: carries its CSS inline (allowed by hash in its CSP), its links are written for the site
#: root (right at the root and from file://), and this script, when served over HTTP,
#: finds the site root by probing for assets/site.css upwards and rewrites the links.
NOT_FOUND_JS = """(function () {
  if (location.protocol === "file:" || !window.fetch) return;
  var parts = location.pathname.split("/"); parts.pop();
  var tries = [];
  for (var i = parts.length; i >= 1; i--) tries.push(parts.slice(0, i).join("/") + "/");
  function fix(root) {
    var links = document.querySelectorAll("a[data-root]");
    for (var j = 0; j < links.length; j++) links[j].href = root + links[j].getAttribute("data-root");
  }
  function next() {
    var root = tries.shift();
    if (root === undefined) return;
    fetch(root + "assets/site.css", {method: "HEAD"}).then(function (r) { if (r.ok) fix(root); else next(); }, next);
  }
  next();
})();"""


@dataclass(frozen=True, slots=True)
class NotFoundContext:
    title: str
    inline_css: str
    inline_js: str
    links: tuple[Link, ...]


def build_not_found(data: SiteData) -> Page:
    css = (Path(__file__).resolve().parents[3] / "site_assets" / "site.css").read_text(encoding="utf-8")
    links = tuple(Link(text, target) for target, text in ((INDEX, "总览"), ("data.html", "数据下载"), (SEARCH, "搜索")))
    ctx = NotFoundContext("页面不存在", css, NOT_FOUND_JS, links)
    return Page(NOT_FOUND, "404.html", make_meta(NOT_FOUND, "页面不存在", data.build_date), ctx)
