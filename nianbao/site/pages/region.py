"""Region pages: one per region at every level (伊春市, 伊春市 › 金林区 …).

A region page is the overview for the agencies in that region and below it: the same
headline figures and charts, its sub-regions, its agencies with their reports by year, and
its findings. Like every summary it stays bounded: the agency table is cut into pages of
paging.LIST_SIZE agencies (regions/<slug>.html, then regions/<slug>--<n>.html), and the
findings are listed while they fit one list, else the PREVIEW most severe plus a count per
rule linking to the data-quality page.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from ...checks import SEVERITY_ORDER
from ...dataset import figure, format_number, t3
from ..context import SiteData
from ..corpus import UNKNOWN_YEAR, Corpus, Entry, Region
from ..labels import SEVERITY_LABELS
from ..urls import INDEX, QUALITY, agency_page, region_page, rel, report_page
from . import paging
from .common import Cell, ChartBlock, Grid, HeadCell, Link, Page, Row, Stat, make_meta
from .figures import applications_by_year, level_of, outcomes_by, refusal_chart, review_chart
from .listing import headline
from .paging import Pager, chunked, pager
from .quality import QualityItem, quality_item
from .summary import linked_groups


@dataclass(frozen=True, slots=True)
class RegionContext:
    name: str
    path: str
    """The region's place in the hierarchy, e.g. "伊春市 › 金林区"."""
    lede: str
    stats: tuple[Stat, ...]
    """First page only, like the charts, sub-regions and findings."""
    charts: tuple[ChartBlock, ...]
    subregions: Grid | None
    agencies: Grid
    pager: Pager | None
    findings_title: str
    rules: Grid | None
    findings: tuple[QualityItem, ...]
    findings_more: Link | None


def build_region_pages(data: SiteData) -> list[Page]:
    corpus = data.corpus
    regions = corpus.regions()
    children: dict[tuple[str, ...], list[tuple[Region, list[Entry]]]] = {}
    for region, entries in regions:
        children.setdefault(region.path[:-1], []).append((region, entries))
    return [page for region, entries in regions for page in _pages(data, region, entries, children.get(region.path, []))]


def region_crumbs(corpus: Corpus, path: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    """总览 › each region from the largest down to ``path`` (for breadcrumbs)."""
    return ((INDEX, "总览"), *((region_page(corpus.region(path[:d]).slug), path[d - 1]) for d in range(1, len(path) + 1)))


def region_links(here: str, corpus: Corpus, path: tuple[str, ...]) -> tuple[Link, ...]:
    """A link to the page of every level of ``path``, largest first."""
    return tuple(Link(path[d - 1], rel(here, region_page(corpus.region(path[:d]).slug))) for d in range(1, len(path) + 1))


def _pages(data: SiteData, region: Region, entries: list[Entry], children: list[tuple[Region, list[Entry]]]) -> list[Page]:
    primary = [e for e in entries if e.primary]
    agencies = _agencies(primary)
    parts = chunked(agencies, paging.LIST_SIZE)
    title = "".join(region.path)
    pages = []
    for n, part in enumerate(parts, 1):
        path = region_page(region.slug, n)
        first = n == 1
        heading = title if len(parts) == 1 else f"{title}（第 {n} 页）"
        ctx = RegionContext(
            name=heading,
            path=" › ".join(region.path),
            lede=_lede(region, primary, len(agencies), len(children)),
            stats=headline(data, primary) if first else (),
            charts=_charts(primary) if first else (),
            subregions=_subregions(path, children) if first and children else None,
            agencies=_agency_grid(path, part, sorted({e.year for e in primary}, key=_year_order)),
            pager=pager(path, lambda k, slug=region.slug: region_page(slug, k), n, len(parts), len(agencies)),
            **(_findings(path, entries) if first else _no_findings()),
        )
        crumbs = region_crumbs(data.corpus, region.path[:-1]) if first else region_crumbs(data.corpus, region.path)
        pages.append(Page(path, "region.html", make_meta(path, heading, data.build_date, crumbs), ctx))
    return pages


def _year_order(year: int | None) -> int:
    return 9999 if year is None else year


def _lede(region: Region, primary: list[Entry], agencies: int, children: int) -> str:
    below = f"及其下 {children} 个地区" if children else ""
    return f"{region.name}{below}的 {agencies} 个机关发布的 {len(primary)} 份年度报告。数字均按原文照录，未印出的不作推算。"


def _charts(primary: list[Entry]) -> tuple[ChartBlock, ...]:
    years: dict[int, list[Entry]] = {}
    for e in primary:
        if e.year is not None:
            years.setdefault(e.year, []).append(e)
    charts = (
        applications_by_year("ch-apps", primary),
        outcomes_by("ch-outcomes", [(f"{y} 年", group) for y, group in sorted(years.items())], "按年度合计"),
        refusal_chart("ch-reasons", primary),
        review_chart("ch-review", primary),
    )
    return tuple(ChartBlock(c) for c in charts if c is not None)


def _subregions(here: str, children: list[tuple[Region, list[Entry]]]) -> Grid:
    groups = [(r.name, region_page(r.slug), [e for e in entries if e.primary]) for r, entries in children]
    return linked_groups(here, "subregions", "下级地区", "地区", groups)


def _agencies(primary: list[Entry]) -> list[list[Entry]]:
    """The region's agencies, each with its primary entries, by name then slug."""
    by_slug: dict[str, list[Entry]] = {}
    for e in primary:
        by_slug.setdefault(e.agency.slug, []).append(e)
    return sorted(by_slug.values(), key=lambda es: (es[0].agency.name, es[0].agency.slug))


def _agency_grid(here: str, agencies: list[list[Entry]], years: list[int | None]) -> Grid:
    """One row per agency, one column per year: each cell links to that year's report."""
    labels = [f"{y} 年" if y is not None else UNKNOWN_YEAR for y in years]
    head = ((HeadCell("机关"), HeadCell("层级"), *(HeadCell(label) for label in labels), HeadCell("检查发现")),)
    rows = []
    for entries in agencies:
        agency = entries[0].agency
        cells = [Cell(level_of(entries[0]))]
        for year in years:
            e = next((e for e in entries if e.year == year), None)
            cells.append(_report_cell(here, e))
        cells.append(Cell(_finding_counts([f for e in entries for f in e.report.findings])))
        rows.append(Row((), (Cell(agency.name, href=rel(here, agency_page(agency.slug))), *cells)))
    caption = "各机关历年报告（数字为本年新收申请件数，点击可看报告；“—”表示原文未印出）"
    return Grid("region-agencies", caption, head, tuple(rows), sortable=True, css="plain wide")


def _report_cell(here: str, e: Entry | None) -> Cell:
    if e is None:
        return Cell("", css="num")
    value = figure(e.report, (t3("new_received"),))
    return Cell(
        format_number(value),
        href=rel(here, report_page(e)),
        css="num",
        title=f"{e.label} 报告",
        sort_key="" if value is None else str(value),
    )


def _finding_counts(findings) -> str:
    counts = Counter(f.severity for f in findings)
    return "，".join(f"{SEVERITY_LABELS[s]} {counts[s]}" for s in SEVERITY_LABELS if counts[s]) or "无"


def _no_findings() -> dict:
    return {"findings_title": "", "rules": None, "findings": (), "findings_more": None}


def _findings(here: str, entries: list[Entry]) -> dict:
    """The region's findings: all while they fit one list, else the most severe PREVIEW."""
    pairs = sorted(((e, f) for e in entries for f in e.report.findings), key=_severity_first)
    if not pairs:
        return {**_no_findings(), "findings_title": "检查发现（无）"}
    shown = pairs if len(pairs) <= paging.LIST_SIZE else pairs[: paging.PREVIEW]
    title = f"检查发现（{len(pairs)} 条）" if shown is pairs else f"检查发现（共 {len(pairs)} 条，这里列出最严重的 {len(shown)} 条）"
    return {
        "findings_title": title,
        "rules": _rules(here, pairs),
        "findings": tuple(quality_item(here, e, f) for e, f in shown),
        "findings_more": None if shown is pairs else Link("各规则的全部发现见“数据质量”", rel(here, QUALITY)),
    }


def _severity_first(pair) -> tuple:
    e, f = pair
    return (SEVERITY_ORDER.get(f.severity, 9), e.key, f.lines[:1], f.rule)


def _rules(here: str, pairs) -> Grid:
    counts = Counter((f.rule, f.severity) for _e, f in pairs)
    ordered = sorted(counts.items(), key=lambda kv: (SEVERITY_ORDER.get(kv[0][1], 9), kv[0][0]))
    head = ((HeadCell("规则"), HeadCell("严重程度"), HeadCell("条数")),)
    rows = tuple(
        Row(
            (),
            (
                Cell(rule, href=rel(here, f"{QUALITY}#r-{rule.replace('.', '-')}")),
                Cell(SEVERITY_LABELS.get(severity, severity)),
                Cell(format_number(n), css="num"),
            ),
        )
        for (rule, severity), n in ordered
    )
    return Grid("region-rules", "按规则", head, rows, css="plain")
