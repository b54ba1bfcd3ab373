"""Search: the Pagefind index built with the site finds Chinese queries on the right pages.

Queries run through Pagefind's own pagefind.js and WebAssembly in node (the browser's code
path, with file reads in place of fetch); tests/test_browser.py runs one in chromium too.
"""

from __future__ import annotations

import json
import re
import shutil
from html import unescape
from pathlib import Path

import pytest

from nianbao.cli import main
from nianbao.publish.search import BUNDLE, BUNDLES_JSON, PAGE_SCRIPT, indexed_html, pagefind_executable, plan_bundles, query

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.skipif(shutil.which("node") is None, reason="node is needed to run Pagefind's JavaScript")


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("search") / "site"
    assert main(["build", "--seeds", str(ROOT / "seeds"), "--content", str(ROOT / "content"), "--out", str(out)]) == 0
    return out


@pytest.fixture(scope="module")
def results(site) -> dict[str, list[str]]:
    found = query(site, "金林区", "行政复议", "不予公开", "伊美区民政局", "xqzvjw")
    return {term: [r["url"] for r in rows] for term, rows in found.items()}


def report_pages(site: Path) -> set[str]:
    return {f"/reports/{p.name}" for p in (site / "reports").glob("*.html")}


def test_extended_binary_and_bundle(site):
    assert "extended" in pagefind_executable().name  # Chinese word segmentation
    folder = site / BUNDLE
    for name in ("pagefind-ui.js", "pagefind-ui.css", PAGE_SCRIPT, BUNDLES_JSON):
        assert (folder / name).is_file(), name
    assert json.loads((folder / BUNDLES_JSON).read_bytes()) == {"bundles": ["0"]}  # a small site: one bundle
    assert (folder / "0" / "pagefind.js").is_file()
    assert list((folder / "0").glob("pagefind.zh-cn_*.pf_meta")), "one Chinese index"
    assert 'var BUNDLES = ["0"];' in (folder / PAGE_SCRIPT).read_text(encoding="utf-8")


def test_jinlin_finds_only_jinlin_pages(site, results):
    urls = results["金林区"]
    jinlin = {u for u in report_pages(site) if "jinlin" in u}
    assert jinlin and jinlin <= set(urls)
    assert not [u for u in urls if "yimei" in u], urls  # no 伊美区 page mentions 金林区
    assert "jinlin" in urls[0]
    assert "/agencies/jinlin-district-government.html" in urls


def test_review_and_denied_find_every_report(site, results):
    for term in ("行政复议", "不予公开"):
        assert report_pages(site) <= set(results[term]), term


def test_unique_agency_and_no_match(results):
    assert set(results["伊美区民政局"]) == {
        "/agencies/yimei-district-civil-affairs-bureau.html",
        "/reports/yimei-district-civil-affairs-bureau-2025.html",
    }
    assert results["xqzvjw"] == []


def test_search_page_is_relative_and_csp_allows_wasm(site):
    """Under any sub-path: the page loads the bundle relative to itself; CSP allows wasm."""
    html = (site / "search.html").read_text(encoding="utf-8")
    assert 'src="pagefind/pagefind-ui.js"' in html and f'src="{BUNDLE}/{PAGE_SCRIPT}"' in html
    assert "'wasm-unsafe-eval'" in unescape(re.search(r'Content-Security-Policy" content="([^"]*)"', html)[1])
    deep = next((site / "reports").glob("*.html")).read_text(encoding="utf-8")
    assert 'action="../search.html"' in deep  # the header box on a page one level down
    assert "wasm-unsafe-eval" not in deep  # only the search page may compile wasm
    assert not re.search(r'(src|href)="/(?!/)', html + deep), "no root-absolute links"


def test_not_found_and_search_pages_are_not_indexed(site, results):
    everything = {u for urls in results.values() for u in urls}
    assert "/404.html" not in everything and "/search.html" not in everything


def _build(seeds: Path, out: Path) -> None:
    assert main(["build", "--seeds", str(seeds), "--content", str(ROOT / "content"), "--out", str(out)]) == 0


def _pages(site: Path) -> list[str]:
    """The indexed pages: every page but search.html, 404.html and the lists/ pages."""
    pages = (p.relative_to(site).as_posix() for p in site.rglob("*.html"))
    return sorted(p for p in pages if indexed_html(p) and not p.startswith(f"{BUNDLE}/"))


def _bundle_of(plan: dict[str, list[str]]) -> dict[str, str]:
    """Search URL (/reports/x.html, / for index.html) -> bundle name."""
    return {("/" + p).removesuffix("index.html"): name for name, pages in plan.items() for p in pages}


def test_bundles_are_merged_in_the_query(tmp_path, monkeypatch):
    """Split into several bundles, a query finds pages of several bundles (mergeIndex)."""
    monkeypatch.setenv("NIANBAO_SEARCH_BUNDLE_PAGES", "4")
    site = tmp_path / "site"
    _build(ROOT / "seeds", site)
    plan = plan_bundles(_pages(site))
    assert len(plan) >= 2 and sum(map(len, plan.values())) == len(_pages(site))
    names = json.loads((site / BUNDLE / BUNDLES_JSON).read_bytes())["bundles"]
    assert names == list(plan)
    for name in names:
        assert (site / BUNDLE / name / "pagefind.js").is_file(), name
    assert f"var BUNDLES = {json.dumps(names)};" in (site / BUNDLE / PAGE_SCRIPT).read_text(encoding="utf-8")
    found = {term: [r["url"] for r in rows] for term, rows in query(site, "行政复议", "伊美区民政局", "xqzvjw").items()}
    bundle_of = _bundle_of(plan)
    assert len({bundle_of[u] for u in found["行政复议"]}) >= 2, found["行政复议"]
    assert report_pages(site) <= set(found["行政复议"])  # as with one index: every report
    assert {
        "/agencies/yimei-district-civil-affairs-bureau.html",
        "/reports/yimei-district-civil-affairs-bureau-2025.html",
    } <= set(found["伊美区民政局"])
    assert found["xqzvjw"] == []


def _inodes(folder: Path) -> dict[str, int]:
    return {p.relative_to(folder).as_posix(): p.stat().st_ino for p in folder.rglob("*") if p.is_file()}


def test_one_changed_report_reindexes_only_its_bundles(tmp_path, monkeypatch):
    """Rebuilt after one report changed, only bundles holding a changed page are indexed
    again; the others are the previous build's files (hard links: same inodes)."""
    monkeypatch.setenv("NIANBAO_CACHE", str(tmp_path / "cache"))
    monkeypatch.setenv("NIANBAO_SEARCH_BUNDLE_PAGES", "4")
    seeds = tmp_path / "seeds"
    shutil.copytree(ROOT / "seeds", seeds)
    site = tmp_path / "site"
    _build(seeds, site)
    plan = plan_bundles(_pages(site))
    before = {name: _inodes(site / BUNDLE / name) for name in plan}
    pages_before = {p: (site / p).stat().st_ino for p in _pages(site)}
    victim = next(p for p in sorted(seeds.iterdir()) if "金林区人民政府" in p.read_text("utf-8", "replace") and p.suffix == ".txt")
    victim.write_bytes(victim.read_bytes() + "\n本报告已于发布后更正一处文字。\n".encode())
    _build(seeds, site)
    assert plan_bundles(_pages(site)) == plan
    changed_pages = {p for p in _pages(site) if (site / p).stat().st_ino != pages_before[p]}
    assert changed_pages and any(p.startswith("reports/") for p in changed_pages)
    reindexed = {name for name in plan if _inodes(site / BUNDLE / name) != before[name]}
    expected = {name for name, pages in plan.items() if set(pages) & changed_pages}
    assert reindexed == expected
    assert len(reindexed) < len(plan)  # some bundles were reused as they were
    found = query(site, "更正一处文字")["更正一处文字"]
    assert [r["url"] for r in found] and all(r["url"].startswith("/reports/") for r in found)


def test_report_record_holds_text_not_digits():
    """A report page is indexed from its report: narrative, findings, table and row names,
    never the tables' numbers (site/search_records.py)."""
    from nianbao.agencies import load_registry
    from nianbao.load import discover, load_reports
    from nianbao.site.corpus import assemble
    from nianbao.site.search_records import report_record

    registry = load_registry(ROOT / "content" / "agencies.toml")
    reports = load_reports(discover(ROOT / "seeds"), root=ROOT, agency_of=lambda r: registry.resolve(r.agency).slug)
    entry = next(e for e in assemble(reports, registry).entries if e.report.table3 and e.report.findings)
    record = report_record(entry)
    assert record.path == f"reports/{entry.key}.html"
    assert entry.agency.name in record.content and entry.report.sections[0].text.strip()[:20] in record.content
    assert entry.report.findings[0].message in record.content
    assert "（一）予以公开" in record.content and "不予公开" in record.content
    granted = entry.report.table3.rows["granted"][0]
    assert f"\t{granted}\t" not in record.content.replace("\n", "\t")
