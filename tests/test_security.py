"""Hostile report text is shown, never run: every OWASP filter-evasion payload, template
syntax and Markdown trick in a report (agency, title, narrative, table labels, file name)
or a content page comes out as text; every page carries a CSP that allows only the site's
own scripts and styles; and one real browser opens the pages without a dialog or a request
to any other host.
"""

from __future__ import annotations

import functools
import re
import shutil
import threading
from html.parser import HTMLParser
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlparse

import pytest

from nianbao.site.build import build_site
from nianbao.site.pages.content import NOT_FOUND_JS
from nianbao.site.render import csp_hash
from tests.site_support import CONTENT, SEEDS, source_date_epoch

PAYLOADS = [
    line
    for line in (Path(__file__).parent / "payloads/xss.txt").read_text(encoding="utf-8").split("\n")
    if line and not line.startswith("## ")
]
SEED = next(SEEDS.glob("000_*.txt")).read_text(encoding="utf-8")
AGENCY = "<script>alert(1)</script>局"
AGENCY_2 = "<img/src=x/onerror=alert(2)>局"
FILE_NAMES = ["<svg onload=alert(4)>.txt", "javascript:alert(5).txt"]
#: Payloads that must appear verbatim in the visible text of the report page.
SHOWN = [
    "<script>alert('XSS')</script>",
    "<img src=x onerror=alert(1)>",
    "<!--<img src=x onerror=alert(1)>-->",
    "{{ 7*7 }}",
    "{% for x in range(3) %}loop{% endfor %}",
    "[点我](javascript:alert(1))",
    "<IMG SRC=JaVaScRiPt:alert('XSS')>",
    "<IMG SRC=&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A&#x61&#x6C&#x65&#x72&#x74&#x28&#x27&#x58&#x53&#x53&#x27&#x29>",
    '"><script>alert(1)</script>',
]
_URL_ATTRS = {"href", "src", "action", "formaction", "background", "poster", "data", "xlink:href", "srcset", "lowsrc", "dynsrc"}
_FORBIDDEN_TAGS = {"iframe", "frame", "frameset", "object", "embed", "applet", "base", "bgsound", "xss"}
_BAD_SCHEME = re.compile(r"^(javascript|vbscript|data|livescript|mocha):", re.IGNORECASE)


def hostile_report(agency: str, year: int) -> str:
    """Seed 000 with the agency replaced and every payload added to the narrative."""
    lines = SEED.replace("金林区人民政府", agency).replace("2025", str(year)).split("\n")
    at = next(i for i, line in enumerate(lines) if "一、总体情况" in line) + 1
    lines[at:at] = ["", *PAYLOADS, ""]
    text = "\n".join(lines)
    return text.replace("行政许可\t", "行政许可<svg/onload=alert(3)>\t", 1)


def hostile_html() -> str:
    """A saved web page of a report with live script in it (an input the HTML reader takes)."""
    body = "".join(f"<p>{line}</p>\n" for line in SEED.replace("2025", "2022").split("\n") if line and "\t" not in line)
    return f"<!DOCTYPE html><html><head><script>alert(9)</script></head><body onload=alert(10)>\n{body}<img src=x onerror=alert(11)></body></html>"


@pytest.fixture(scope="module")
def xss_site(tmp_path_factory):
    base = tmp_path_factory.mktemp("xss")
    seeds, content = base / "seeds", base / "content"
    seeds.mkdir()
    shutil.copytree(CONTENT, content)
    (seeds / "xss.txt").write_text(hostile_report(AGENCY, 2024), encoding="utf-8")
    (seeds / "xss2.txt").write_text(hostile_report(AGENCY_2, 2023), encoding="utf-8")
    for i, name in enumerate(FILE_NAMES):
        (seeds / name).write_text(SEED.replace("2025", str(2010 + i)), encoding="utf-8")
    (seeds / "xss3.html").write_text(hostile_html(), encoding="utf-8")
    (content / "evil.md").write_text("# 恶意页面\n\n" + "\n\n".join(PAYLOADS) + "\n", encoding="utf-8")
    out = base / "_site"
    with source_date_epoch():
        assert build_site(seeds=seeds, out=out, content=content, strict=False) == 0
    return out


@pytest.fixture(scope="module")
def pages(xss_site):
    return {p.relative_to(xss_site).as_posix(): p.read_text("utf-8") for p in sorted(xss_site.rglob("*.html"))}


class Scan(HTMLParser):
    """Everything on a page that could run: tags, attributes, URLs, inline blocks, comments."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []
        self.text: list[str] = []
        self.csp: list[str] = []
        self.inline: dict[str, list[str]] = {"script": [], "style": []}
        self._open: str | None = None
        self._head_done = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"<{tag} {name}=…>")
            if name in _URL_ATTRS and value and _BAD_SCHEME.match(re.sub(r"[\x00-\x20]", "", value)):
                self.problems.append(f"<{tag} {name}={value!r}>")
        if tag in _FORBIDDEN_TAGS or (tag == "meta" and (a.get("http-equiv") or "").lower() == "refresh"):
            self.problems.append(f"<{tag}>")
        if tag == "meta" and (a.get("http-equiv") or "").lower() == "content-security-policy":
            if self._head_done:
                self.problems.append("CSP meta after a script or style")
            self.csp.append(a.get("content") or "")
        if tag in ("script", "style", "link"):
            self._head_done = True
            self._open = tag if tag != "link" and not a.get("src") else None
            src = a.get("src") or a.get("href") or ""
            if re.match(r"^([a-z]+:|//)", src, re.IGNORECASE):
                self.problems.append(f"<{tag}> from another origin: {src}")
            if tag == "link" and a.get("rel") != "stylesheet":
                self.problems.append(f"<link rel={a.get('rel')!r}>")
            if tag == "script" and (a.get("type") or "text/javascript") not in ("text/javascript", "module"):
                self.problems.append(f"<script type={a.get('type')!r}>")

    def handle_endtag(self, tag):
        self._open = None

    def handle_data(self, data):
        if self._open:
            self.inline[self._open].append(data)
        else:
            self.text.append(data)

    def handle_comment(self, data):
        if re.search(r"alert|script|onerror", data, re.IGNORECASE):
            self.problems.append(f"comment from report text: {data[:40]!r}")


def scan(html: str) -> Scan:
    s = Scan()
    s.feed(html)
    s.close()
    return s


def test_payload_list_is_the_owasp_set():
    assert len(PAYLOADS) >= 100 and len(set(PAYLOADS)) == len(PAYLOADS)
    assert "<IMG SRC=JaVaScRiPt:alert('XSS')>" in PAYLOADS and "{{ 7*7 }}" in PAYLOADS


def test_no_page_has_active_content_from_reports(pages):
    assert len(pages) > 10
    for path, html in pages.items():
        s = scan(html)
        assert s.problems == [], (path, s.problems[:5])
        for block in s.inline["script"]:
            assert path == "404.html" and block == NOT_FOUND_JS, path
        assert not s.inline["style"] or path == "404.html", path


def test_no_raw_payload_fragments_in_any_page(pages):
    """Belt and braces on the raw bytes, whatever the parser above thinks of them."""
    for path, html in pages.items():
        lowered = html.lower()
        assert "<script>alert" not in lowered and "<img src=x" not in lowered and "<svg/onload" not in lowered, path
        assert not re.search(r"<[a-z][^>]*\son[a-z]+\s*=", lowered), path
        assert not re.search(r"""<[a-z][^>]*\s(href|src|action)\s*=\s*["']?\s*(javascript|vbscript):""", lowered), path


def _report_page(pages: dict[str, str], marker: str) -> str:
    return next(html for path, html in pages.items() if path.startswith("reports/") and marker in "".join(scan(html).text))


def test_payloads_are_shown_as_text(pages):
    text = "".join(scan(_report_page(pages, AGENCY)).text)
    for payload in SHOWN:
        assert payload in text, payload
    assert AGENCY in text and "行政许可<svg/onload=alert(3)>" in text
    assert "49" not in re.findall(r"\d+", text[: text.find("{{ 7*7 }}")])[-1:]  # not evaluated


def test_agency_names_are_text_on_every_listing(pages):
    for path in ("index.html", *[p for p in pages if p.startswith(("agencies/", "years/"))]):
        html = pages[path]
        if "alert(2)" in html:
            assert AGENCY_2 in "".join(scan(html).text), path


def test_hostile_file_names_are_text(pages):
    text = "".join("".join(scan(html).text) for path, html in pages.items() if path.startswith("reports/"))
    for name in FILE_NAMES:
        assert f"seeds/{name}" in text, name


def test_original_files_are_never_served_as_markup(xss_site):
    """Originals are published for checking; an HTML original must not become a live page."""
    originals = sorted(p.name for p in (xss_site / "originals").iterdir())
    assert originals and any(name.endswith(".html.txt") for name in originals)
    live = {".html", ".htm", ".xhtml", ".svg", ".xml", ".shtml", ".js", ".mjs"}
    assert [n for n in originals if Path(n).suffix.lower() in live] == []


def test_content_markdown_cannot_inject_markup(pages):
    html = pages["evil.html"]
    text = "".join(scan(html).text)
    assert "<script>alert('XSS')</script>" in text and "{{ 7*7 }}" in text
    assert 'href="javascript' not in html.lower() and "<img" not in html.lower()


def test_every_page_has_a_csp_allowing_only_its_own_scripts_and_styles(pages):
    for path, html in pages.items():
        s = scan(html)
        assert len(s.csp) == 1, path
        policy = {d.split()[0]: d.split()[1:] for d in (part.strip() for part in s.csp[0].split(";")) if d}
        assert policy["default-src"] == ["'none'"] and policy["base-uri"] == ["'none'"], path
        hashes = {csp_hash(block) for block in s.inline["script"] + s.inline["style"]}
        for directive in ("script-src", "style-src"):
            # 'wasm-unsafe-eval' lets the search (pagefind) compile its own .wasm; it allows no JS eval.
            extra = [src for src in policy[directive] if src not in ("'self'", "'wasm-unsafe-eval'")]
            assert set(extra) <= hashes, (path, directive, extra)
        for sources in policy.values():
            assert not {"*", "'unsafe-inline'", "'unsafe-eval'", "http:", "https:"} & set(sources), path


@pytest.mark.browser
def test_real_browser_opens_hostile_pages_without_dialog_or_foreign_request(xss_site, pages):
    """Headless chromium over http://127.0.0.1: no alert/confirm/prompt, nothing fetched elsewhere."""
    chromium = Path("/usr/bin/chromium")
    if not chromium.exists():
        pytest.skip("chromium is not installed (apt-get install chromium)")
    sync_api = pytest.importorskip("playwright.sync_api")
    handler = functools.partial(_QuietHandler, directory=str(xss_site))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_port}/"
    targets = [
        "index.html",
        "evil.html",
        "search.html?q=alert",
        *[p for p, html in pages.items() if p.startswith(("reports/", "agencies/")) and "alert(" in html],
    ]
    dialogs, requests, csp = [], [], []
    try:
        with sync_api.sync_playwright() as p:
            browser = p.chromium.launch(executable_path=str(chromium), args=_CHROMIUM_ARGS)
            page = browser.new_page()
            page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
            page.on("request", lambda r: requests.append(r.url))
            page.on("console", lambda m: csp.append(m.text) if "Content Security Policy" in m.text else None)
            for target in targets:
                page.goto(base + target, wait_until="load")
                page.mouse.move(200, 300)
                if target.startswith("search"):  # Pagefind shows excerpts of the hostile text
                    page.wait_for_selector(".pagefind-ui__result", timeout=10000)
                page.wait_for_timeout(150)  # let onerror/onload handlers fire, if any existed
            browser.close()
    finally:
        server.shutdown()
    assert dialogs == []
    assert {urlparse(u).hostname for u in requests if not u.startswith("data:")} == {"127.0.0.1"}
    assert csp == []  # nothing even tried to run inline


_CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *_args):
        pass


@pytest.mark.parametrize(
    "html",
    ["<img src=x onerror=alert(1)>", "<a href=' javascript:alert(1)'>x</a>", "<iframe src=x></iframe>", "<svg/onload=alert(1)>",
     "<meta http-equiv=refresh content='0;url=x'>", "<!-- <script>alert(1)</script> -->", "<script src=https://xss.example/x.js></script>",
     "<link rel=import href=x.html>", "<a href='jav&#x09;ascript:alert(1)'>x</a>"],
)  # fmt: skip
def test_the_scanner_would_catch_an_injection(html):
    """The page scan above is only worth something if it fails on real markup."""
    assert scan(html).problems
