"""Search: the Pagefind index built with the site finds Chinese queries on the right pages.

Queries run through Pagefind's own pagefind.js and WebAssembly in node (the browser's code
path, with file reads in place of fetch); tests/test_browser.py runs one in chromium too.
"""

from __future__ import annotations

import re
import shutil
from html import unescape
from pathlib import Path

import pytest

from nianbao.cli import main
from nianbao.publish.search import BUNDLE, PAGE_SCRIPT, pagefind_executable, query

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
    bundle = site / BUNDLE
    for name in ("pagefind.js", "pagefind-ui.js", "pagefind-ui.css", PAGE_SCRIPT):
        assert (bundle / name).is_file(), name
    assert list(bundle.glob("pagefind.zh-cn_*.pf_meta")), "one Chinese index"


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
