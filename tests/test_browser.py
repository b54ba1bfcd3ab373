"""The built site in a real browser: Debian's chromium driven by Playwright.

The site is served on 127.0.0.1 under a sub-path (/nianbao/, as on GitHub Pages), and a
reader's walk is replayed: overview, a chart's data table, a report, a number to its source
line, a search, the 404 page at depth. Every page must load without console errors and
without a request to any other host. Screenshots go to $NIANBAO_SCREENSHOTS (default: a
temporary folder); with NIANBAO_UPDATE_SCREENSHOTS=1 the README's copies in
docs/screenshots/browser-*.png are refreshed too.
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from nianbao.cli import main
from nianbao.publish.serve import start_server

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = Path("/usr/bin/chromium")
PREFIX = "/nianbao/"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-dev-shm-usage"]  # fmt: skip
README_SHOTS = ("overview", "report", "search")

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="no /usr/bin/chromium (apt-get install chromium; .ci/run does it)"),
]


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    site = tmp_path_factory.mktemp("browser") / "site"
    assert main(["build", "--seeds", str(ROOT / "seeds"), "--content", str(ROOT / "content"), "--out", str(site)]) == 0
    return site


@pytest.fixture(scope="module")
def base_url(site):
    """The seeds site served at http://127.0.0.1:PORT/nianbao/."""
    server = start_server(site, port=0, prefix=PREFIX)
    yield f"http://127.0.0.1:{server.server_address[1]}{PREFIX}"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def shots(tmp_path_factory) -> Path:
    folder = Path(os.environ.get("NIANBAO_SCREENSHOTS") or tmp_path_factory.mktemp("screenshots"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


class Tab:
    """A page plus everything it logged and requested."""

    def __init__(self, page, shots: Path) -> None:
        self.page, self.shots = page, shots
        self.errors: list[str] = []
        self.foreign: list[str] = []
        page.on("console", lambda m: m.type == "error" and self.errors.append(f"{m.text} @ {m.location.get('url')}"))
        page.on("pageerror", lambda exc: self.errors.append(f"uncaught: {exc}"))
        page.on("request", self._request)

    def _request(self, request) -> None:
        url = urlsplit(request.url)
        if url.scheme not in ("data", "blob", "file") and url.hostname != "127.0.0.1":
            self.foreign.append(request.url)

    def shot(self, name: str) -> None:
        path = self.shots / f"browser-{name}.png"
        self.page.screenshot(path=str(path), full_page=False)
        if name in README_SHOTS and os.environ.get("NIANBAO_UPDATE_SCREENSHOTS") == "1":
            shutil.copyfile(path, ROOT / "docs" / "screenshots" / path.name)

    def assert_clean(self, allowed: tuple[str, ...] = ()) -> None:
        # Chromium asks the host root for /favicon.ico when a page names no icon; under a
        # sub-path that is outside the site, so its 404 says nothing about the site.
        errors = [e for e in self.errors if not any(a in e for a in allowed) and not e.endswith("/favicon.ico")]
        assert not errors, errors
        assert not self.foreign, f"requests to other hosts: {self.foreign}"


@pytest.fixture
def tab(browser, shots):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN")
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield Tab(page, shots)
    context.close()


def test_overview_chart_table_report_and_source_line(tab, base_url):
    page = tab.page
    assert page.goto(base_url + "index.html").status == 200
    assert page.locator("h1").first.is_visible()
    tab.shot("overview")
    # A chart's data table: closed under the chart, opened by its summary.
    chart = page.locator("figure.chart").first
    table = chart.locator("details table")
    assert not table.is_visible()
    chart.locator("details summary").click()
    assert table.is_visible() and table.locator("tbody tr").count() > 0
    # Open a report from the overview's list.
    page.locator('a[href^="reports/"]').first.click()
    page.wait_for_load_state()
    assert "/nianbao/reports/" in page.url
    tab.shot("report")
    # Click a number: the browser lands on the source line it was read from.
    number = page.locator('td.num a[href^="#L"]').first
    target = number.get_attribute("href")
    number.click()
    assert page.url.endswith(target)
    line = page.locator(target)
    assert line.is_visible() and line.evaluate("el => el.matches(':target')")
    assert line.evaluate("el => { const r = el.getBoundingClientRect(); return r.bottom > 0 && r.top < innerHeight; }")
    tab.shot("source-line")
    tab.assert_clean()


def test_search_from_the_header_box(tab, base_url):
    page = tab.page
    page.goto(base_url + "reports/jinlin-district-government-2025.html")
    page.locator("header form[role=search] input[name=q]").fill("金林区")
    page.locator("header form[role=search] input[name=q]").press("Enter")
    page.wait_for_url("**/search.html?q=*")
    links = page.locator(".pagefind-ui__result-link")
    links.first.wait_for()
    hrefs = [links.nth(i).get_attribute("href") for i in range(links.count())]
    assert hrefs and all(h.startswith(PREFIX) for h in hrefs), hrefs  # links work under the sub-path
    assert "jinlin" in hrefs[0] and not [h for h in hrefs if "yimei" in h], hrefs
    tab.shot("search")
    links.first.click()
    page.wait_for_load_state()
    assert "金林区" in page.title()
    # Every report prints table 3 (不予公开 rows) and table 4 (行政复议): at least one result each.
    reports = sum(1 for p in (ROOT / "seeds").iterdir() if p.is_file())
    for term in ("行政复议", "不予公开"):
        page.goto(base_url + f"search.html?q={term}")
        page.locator(".pagefind-ui__result-link").first.wait_for()
        message = page.locator(".pagefind-ui__message").inner_text()
        assert int(re.search(r"\d+", message)[0]) >= reports, message
    tab.assert_clean()


def test_not_found_page_at_depth(tab, base_url):
    page = tab.page
    missing = base_url + "no/such/deep/page.html"
    assert page.goto(missing).status == 404
    assert page.locator("h1").first.is_visible()
    tab.shot("404")
    page.locator('a[data-root="index.html"]').first.click()
    page.wait_for_load_state()
    assert page.url == base_url + "index.html"
    # The only error allowed is the browser's note that the missing page itself was a 404.
    tab.assert_clean(allowed=("404 (Not Found)",))


def test_file_url_search_degrades(tab, site):
    """Opened from disk, pages work and the search page explains why it cannot search."""
    page = tab.page
    page.goto(site.joinpath("index.html").as_uri())
    page.locator("header form[role=search] input[name=q]").fill("金林区")
    page.locator("header form[role=search] input[name=q]").press("Enter")
    page.wait_for_url("**/search.html?q=*")
    assert "file://" in page.locator("#search .search-note").inner_text()
    tab.assert_clean()
