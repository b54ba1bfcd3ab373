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
README_SHOTS = ("overview", "report", "search", "charts")

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

    def shot(self, name: str, element=None) -> None:
        """The viewport, or just ``element`` (a locator)."""
        path = self.shots / f"browser-{name}.png"
        (element or self.page).screenshot(path=str(path), **({} if element else {"full_page": False}))
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


#: Every chart's text boxes, in page JS: each one inside its SVG, no two overlapping, and
#: every shortened label ("…") carrying its full text in a <title>.
FIT_JS = """() => {
  const problems = [];
  const own = t => [...t.childNodes].filter(n => n.nodeType === 3).map(n => n.data).join("");
  document.querySelectorAll("figure.chart .chart-svg svg").forEach(svg => {
    const chart = svg.closest("figure").id, box = svg.getBoundingClientRect();
    const texts = [...svg.querySelectorAll("text")].filter(t =>
      own(t).trim() && getComputedStyle(t).visibility !== "hidden" && t.getAttribute("opacity") !== "0");
    const boxes = texts.map(t => [own(t), t.getBoundingClientRect(), t]);
    if (!boxes.length) problems.push(`${chart}: no text`);
    for (const [s, r, t] of boxes) {
      if (r.left < box.left - 0.5 || r.right > box.right + 0.5 || r.top < box.top - 0.5 || r.bottom > box.bottom + 0.5)
        problems.push(`${chart}: "${s}" leaves the SVG`);
      if (s.includes("\u2026") && !t.querySelector("title")) problems.push(`${chart}: "${s}" is cut without a <title>`);
    }
    for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
      const [a, p] = [boxes[i][1], boxes[j][1]];
      const w = Math.min(a.right, p.right) - Math.max(a.left, p.left), h = Math.min(a.bottom, p.bottom) - Math.max(a.top, p.top);
      if (w > 0.5 && h > 0.5) problems.push(`${chart}: "${boxes[i][0]}" overlaps "${boxes[j][0]}"`);
    }
  });
  return problems;
}"""
#: Agencies not in the registry whose names are much longer than any chart label's room.
LONG_NAMES = (
    "黑龙江省伊春市金林区人民政府办公室政府信息公开工作领导小组办公室",
    "黑龙江省伊春市金林区人民政府办公室法制工作领导小组办公室",
    "伊春市金林区自然资源和规划局（林业和草原局）西林分局",
)


@pytest.fixture(scope="module")
def crowded_site(tmp_path_factory) -> Path:
    """The seeds plus reports of agencies with very long names, in two years."""
    base = tmp_path_factory.mktemp("crowded")
    seeds = base / "seeds"
    shutil.copytree(ROOT / "seeds", seeds)
    text = next((ROOT / "seeds").glob("000_*.txt")).read_text(encoding="utf-8")
    for i, name in enumerate(LONG_NAMES):
        for year in (2024, 2025):
            (seeds / f"long-{i}-{year}.txt").write_text(text.replace("金林区人民政府", name).replace("2025", str(year)), encoding="utf-8")
    assert main(["build", "--seeds", str(seeds), "--content", str(ROOT / "content"), "--out", str(base / "site")]) == 0
    return base / "site"


def _fit_problems(tab, url: str) -> list[str]:
    assert tab.page.goto(url)
    assert tab.page.locator("figure.chart svg").count() > 0, url
    return tab.page.evaluate(FIT_JS)


@pytest.mark.parametrize(
    "path", ["index.html", "years/2025.html", "agencies/jinlin-district-government.html", "regions/yichun.html", "regions/yichun-jinlin.html"]
)
def test_chart_text_fits_on_the_seed_site(tab, base_url, path):
    """With a CJK font in the browser, no chart text overlaps other text or leaves its SVG."""
    assert _fit_problems(tab, base_url + path) == []
    if path == "index.html":
        tab.shot("charts", tab.page.locator("#h-charts + .charts"))  # the README's chart screenshot
    tab.assert_clean()


def test_chart_text_fits_with_long_agency_names(tab, crowded_site):
    agency = next(p for p in (crowded_site / "agencies").glob("agency-*.html"))
    problems = {}
    for path in ("index.html", "years/2025.html", "years/2024.html", f"agencies/{agency.name}"):
        problems[path] = _fit_problems(tab, (crowded_site / path).as_uri())
    assert problems == dict.fromkeys(problems, []), problems
    tab.page.goto((crowded_site / "years/2025.html").as_uri())
    titles = tab.page.locator("#ch-apps svg text title").all_text_contents()
    # Shortened on the axis, whole in the tooltip (as printed, full-width brackets included).
    assert set(LONG_NAMES) <= set(titles), titles
