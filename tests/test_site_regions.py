"""Region pages: one per region at every level, linked from breadcrumbs, agency pages and
the overview, bounded like the other summaries."""

from __future__ import annotations

import posixpath
import shutil

import pytest
from bs4 import BeautifulSoup

from nianbao.agencies import Registry, RegistryError, load_registry
from nianbao.load import load_reports
from nianbao.site.context import site_data
from nianbao.site.corpus import assemble
from nianbao.site.pages import paging
from nianbao.site.pages.region import build_region_pages
from nianbao.site.render import environment, render_page
from tests.site_support import CONTENT, SEEDS, build

JINLIN = "regions/yichun-jinlin.html"


@pytest.fixture(scope="module")
def pages(tmp_path_factory) -> dict[str, BeautifulSoup]:
    out = tmp_path_factory.mktemp("regions") / "_site"
    assert build(out) == 0
    return {p.relative_to(out).as_posix(): BeautifulSoup(p.read_text("utf-8"), "html.parser") for p in sorted(out.rglob("*.html"))}


def _href(page: str, a) -> str:
    return posixpath.normpath(posixpath.join(posixpath.dirname(page), a["href"]))


def test_one_page_per_region_at_every_level(pages):
    assert sorted(p for p in pages if p.startswith("regions/")) == ["regions/yichun-jinlin.html", "regions/yichun-yimei.html", "regions/yichun.html"]
    city = pages["regions/yichun.html"]
    assert city.h1.get_text() == "伊春市"
    sub = {a.get_text(): _href("regions/yichun.html", a) for a in city.select("#subregions a")}
    assert sub == {"金林区": JINLIN, "伊美区": "regions/yichun-yimei.html"}
    agencies = [a.get_text() for a in city.select("#region-agencies tbody tr > td:first-child a")]
    assert len(agencies) == 4  # every registered agency of 伊春市, from both districts


def test_region_page_has_the_overview_figures_charts_agencies_reports_and_findings(pages):
    page = pages[JINLIN]
    assert page.h1.get_text() == "伊春市金林区"
    assert [a.get_text() for a in page.select("nav.crumbs a")] == ["总览", "伊春市"]
    stats = {s.dt.get_text(): s.select_one(".value").get_text() for s in page.select("dl.stats .stat")}
    assert stats["年度报告"] == "3 份" and stats["机关"] == "2 个"
    assert {f["id"] for f in page.select("figure.chart")} >= {"ch-apps", "ch-outcomes", "ch-reasons", "ch-review"}
    # Reports by year: each cell links to that agency's report of that year.
    head = [th.get_text(strip=True).rstrip("⇅↑↓ ") for th in page.select("#region-agencies thead th")]
    assert head[2:-1] == ["2020 年", "2024 年", "2025 年"]
    links = {_href(JINLIN, a) for a in page.select("#region-agencies td.num a")}
    assert "reports/jinlin-district-government-2025.html" in links and "reports/jinlin-district-government-2020.html" in links
    assert not any("yimei" in link for link in links)
    # Findings of its reports (seed 000's two table3.total errors), linked to the report.
    assert "table3.total" in page.select_one("#region-rules").get_text()
    assert any(_href(JINLIN, a).startswith("reports/jinlin-district-government-2025.html") for a in page.select(".finding-list a"))


def test_agency_pages_and_the_overview_link_their_regions(pages):
    agency = "agencies/jinlin-district-government.html"
    crumbs = [(a.get_text(), _href(agency, a)) for a in pages[agency].select("nav.crumbs a")]
    assert crumbs == [("总览", "index.html"), ("伊春市", "regions/yichun.html"), ("金林区", JINLIN)]
    facts = [_href(agency, a) for a in pages[agency].select("dl.facts a")]
    assert facts == ["regions/yichun.html", JINLIN]
    assert [_href("index.html", a) for a in pages["index.html"].select("#by-region a")] == ["regions/yichun.html"]


def test_report_pages_link_their_regions_in_the_breadcrumbs(pages):
    report = "reports/jinlin-district-government-2025.html"
    crumbs = [(a.get_text(), _href(report, a)) for a in pages[report].select("nav.crumbs a")]
    assert crumbs == [
        ("总览", "index.html"),
        ("伊春市", "regions/yichun.html"),
        ("金林区", JINLIN),
        ("金林区人民政府", "agencies/jinlin-district-government.html"),
    ]


def test_regions_without_an_entry_get_a_stable_hashed_slug():
    registry = Registry()
    slug = registry.region_slug(("甲市", "乙区"))
    assert slug.startswith("region-") and slug == Registry().region_slug(("甲市", "乙区")) != registry.region_slug(("甲市",))
    registry.add_region(("甲市",), "jia")
    assert registry.region_slug(("甲市",)) == "jia"
    with pytest.raises(RegistryError):
        registry.add_region(("丙市",), "jia")  # slug taken


def test_a_bad_region_entry_names_its_line(tmp_path):
    path = tmp_path / "agencies.toml"
    path.write_text('[[region]]\npath = ["甲市"]\nslug = "ok"\n\n[[region]]\npath = ["乙市"]\nslug = "Not OK"\n', encoding="utf-8")
    with pytest.raises(RegistryError, match=r"agencies.toml:5: 地区"):
        load_registry(path)


#: Agencies of one district, each with a copy of seed 000 as its report (2 years each).
MANY = 7


@pytest.fixture
def crowded(tmp_path, monkeypatch):
    """A region with MANY agencies, and page sizes small enough to paginate it."""
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    text = next(SEEDS.glob("000_*.txt")).read_text(encoding="utf-8")
    toml = (content / "agencies.toml").read_text(encoding="utf-8")
    for i in range(MANY):
        name = f"金林区第{'一二三四五六七八九'[i]}局"
        toml += f'\n[[agency]]\nname = "{name}"\nslug = "bureau-{i}"\nregion = ["伊春市", "金林区"]\nlevel = "区县政府部门"\n'
        for year in (2024, 2025):
            (seeds / f"b{i}-{year}.txt").write_text(text.replace("金林区人民政府", name).replace("2025", str(year)), encoding="utf-8")
    (content / "agencies.toml").write_text(toml, encoding="utf-8")
    for name, value in {"LIST_SIZE": 3, "PREVIEW": 2}.items():
        monkeypatch.setattr(paging, name, value)
    registry = load_registry(content / "agencies.toml")
    reports = load_reports(sorted(seeds.iterdir()), root=tmp_path, agency_of=lambda r: registry.resolve(r.agency).slug)
    return site_data(assemble(reports, registry), content)


def test_a_large_region_is_paginated_and_its_findings_previewed(crowded):
    pages = [p for p in build_region_pages(crowded) if p.path.startswith("regions/yichun-jinlin")]
    assert [p.path for p in pages] == [JINLIN, "regions/yichun-jinlin--2.html", "regions/yichun-jinlin--3.html"]
    names = [row.cells[0].text for p in pages for row in p.ctx.agencies.rows]
    assert sorted(names) == sorted(f"金林区第{c}局" for c in "一二三四五六七") and all(len(p.ctx.agencies.rows) <= 3 for p in pages)
    first, *rest = pages
    assert first.ctx.charts and first.ctx.stats and all(not p.ctx.charts and not p.ctx.stats and not p.ctx.findings for p in rest)
    assert len(first.ctx.findings) == 2 and first.ctx.findings_more is not None  # 28 errors: the 2 most severe shown
    assert first.ctx.pager.label == "第 1 / 3 页（共 7 条）"
    html = BeautifulSoup(render_page(environment(), rest[0]).decode("utf-8"), "html.parser")
    assert [a.get_text() for a in html.select("nav.crumbs a")] == ["总览", "伊春市", "金林区"]
    assert html.select_one("nav.pager [aria-current=page]").get_text() == "2"
