"""Full-text search: a Pagefind index built with the site.

Pagefind (the ``pagefind[extended]`` pip package, pinned in requirements.txt) ships its
binary inside the wheel; the *extended* build segments Chinese text into words, so a query
such as 不予公开 or 行政复议 finds the pages that contain it. Browsers refuse ``fetch()``
from file://, so there the search page says so and every other page works as before.

The index is split into bundles of about ``BUNDLE_PAGES`` pages (``plan_bundles``), each
indexed by its own Pagefind process into ``pagefind/<bundle>/``, one after the other: one
Pagefind over 10,000 reports took ~4.7 GB. The search page loads the first bundle and merges
the others in the browser (Pagefind UI's ``mergeIndex``); ``pagefind/`` holds Pagefind's UI,
search-page.js (with the bundle list) and bundles.json. Static files only, loaded relative
to the page, so search works at a domain root and under any sub-path.

``write_index`` is called by the site build on the staged pages, before the atomic swap,
so the index is part of the same swap as the pages it describes; a bundle whose pages did
not change is hard-linked from the previous build instead of being indexed again.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

BUNDLE = "pagefind"
#: The search page's own script, kept beside Pagefind's bundle (see search_page.js).
PAGE_SCRIPT = "search-page.js"
_HERE = Path(__file__).resolve().parent
#: Reports are Chinese; forcing the language keeps one index even if a page lacks lang=.
LANGUAGE = "zh-cn"
#: Pages that are not content: the search page itself and the not-found page.
EXCLUDE = ("search.html", "404.html")


class SearchIndexError(RuntimeError):
    """Pagefind could not be found or failed."""


def pagefind_executable() -> Path:
    """The extended Pagefind binary from the pip package (Chinese word segmentation)."""
    try:
        from pagefind_bin_extended import get_executable
    except ImportError as exc:  # the non-extended build would index Chinese as whole phrases
        raise SearchIndexError("pagefind[extended] is not installed (pip install -r requirements.txt)") from exc
    return get_executable()


def index_folder(site: Path) -> None:
    """Run Pagefind over the HTML in ``site``; writes ``site/pagefind/`` (one bundle)."""
    cmd = [str(pagefind_executable()), "--site", str(site), "--output-subdir", BUNDLE, "--force-language", LANGUAGE]
    done = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if done.returncode != 0 or not (site / BUNDLE / "pagefind.js").is_file():
        raise SearchIndexError(f"pagefind failed ({done.returncode}): {(done.stderr or done.stdout).strip()[-2000:]}")


#: Pages per search bundle (about): each bundle is indexed by its own Pagefind process, one
#: after the other, so Pagefind's memory is bounded by one bundle, and a bundle whose pages
#: are unchanged is reused. ``NIANBAO_SEARCH_BUNDLE_PAGES`` overrides it (tests).
BUNDLE_PAGES = 500
#: The bundle list, read by ``search_query.mjs`` (node) and written into ``search-page.js``.
BUNDLES_JSON = "bundles.json"
#: Pagefind's UI, copied from the first bundle to ``pagefind/`` where search.html loads it.
UI_FILES = ("pagefind-ui.js", "pagefind-ui.css")
#: Pagefind's other UIs, which the search page does not load: not kept in every bundle.
UNUSED = (
    "pagefind-component-ui.css",
    "pagefind-component-ui.js",
    "pagefind-modular-ui.css",
    "pagefind-modular-ui.js",
    "pagefind-highlight.js",
)
#: Report and agency pages: one family of bundles; every other page the other. One changed
#: report changes its report and agency page and a few summary pages (overview, lists), so
#: the summary pages re-index together instead of touching a bundle of every family.
_ENTRY_DIRS = ("reports/", "agencies/")


def bundle_pages() -> int:
    try:
        return max(1, int(os.environ.get("NIANBAO_SEARCH_BUNDLE_PAGES", "")))
    except ValueError:
        return BUNDLE_PAGES


def plan_bundles(paths: list[str], per_bundle: int | None = None) -> dict[str, list[str]]:
    """Bundle name -> its pages (sorted), for the indexed site ``paths``.

    A site of at most ``per_bundle`` pages is one bundle "0". A larger one is split into
    two families, report/agency pages ("r<i>") and the rest ("s<i>"), each into
    ceil(pages / per_bundle) bundles; a page goes to bundle sha256(path) mod K of its family,
    so it stays in its bundle from build to build while K is unchanged.
    """
    per_bundle = per_bundle or bundle_pages()
    paths = sorted(paths)
    if len(paths) <= per_bundle:
        return {"0": paths}
    plan: dict[str, list[str]] = {}
    for family, members in (
        ("r", [p for p in paths if p.startswith(_ENTRY_DIRS)]),
        ("s", [p for p in paths if not p.startswith(_ENTRY_DIRS)]),
    ):
        k = -(-len(members) // per_bundle)
        for i in range(k):
            plan[f"{family}{i}"] = []
        for path in members:
            plan[f"{family}{int(hashlib.sha256(path.encode()).hexdigest()[:12], 16) % k}"].append(path)
    return {name: pages for name, pages in plan.items() if pages}


def _index_bundle(site: Path, name: str, pages: list[str]) -> None:
    """Pagefind over ``pages`` of ``site`` (hard links in a private folder) -> ``site/pagefind/<name>/``."""
    target = site / BUNDLE / name
    shutil.rmtree(target, ignore_errors=True)
    with tempfile.TemporaryDirectory(prefix=".nianbao-search-", dir=site.parent) as tmp:
        root = Path(tmp)
        for path in pages:
            (root / path).parent.mkdir(parents=True, exist_ok=True)
            try:
                os.link(site / path, root / path)
            except OSError:
                shutil.copyfile(site / path, root / path)
        index_folder(root)
        for name in UNUSED:
            (root / BUNDLE / name).unlink(missing_ok=True)
        target.parent.mkdir(parents=True, exist_ok=True)
        (root / BUNDLE).rename(target)


def page_script(bundles: list[str]) -> bytes:
    """search_page.js with the bundle list filled in (the first is the primary index)."""
    text = (_HERE / "search_page.js").read_text(encoding="utf-8")
    marker = 'var BUNDLES = ["0"];'
    if marker not in text:
        raise SearchIndexError("search_page.js: bundle list marker missing")
    return text.replace(marker, f"var BUNDLES = {json.dumps(bundles)};").encode()


def write_index(site) -> None:
    """The search index of a site being written (nianbao/site/staged.StagedSite), by bundle.

    A bundle is keyed by its pages' keys: unchanged, its previous files are hard-linked;
    otherwise Pagefind indexes it (and only it). Bundles are indexed one after another, so
    Pagefind's memory is that of one bundle. ``pagefind/`` then gets Pagefind's UI (from the
    first bundle), search-page.js with the bundle list, and bundles.json.
    """
    keys = {p: v[0] for p, v in site.files.items() if p.endswith(".html") and p not in EXCLUDE}
    plan = plan_bundles(list(keys))
    for name, pages in plan.items():
        prefix = f"{BUNDLE}/{name}/"
        entries = [(p, keys[p]) for p in pages]
        key = None if any(k is None for _, k in entries) else hashlib.sha256(json.dumps([name, len(plan), entries]).encode()).hexdigest()
        before = sorted(p for p in site.previous if p.startswith(prefix))
        if before and all(site.reuse(p, key) for p in before):
            continue
        for path in [p for p in site.files if p.startswith(prefix)]:
            del site.files[path]  # a partly reused bundle: indexed afresh
        _index_bundle(site.tmp, name, pages)
        for page in sorted((site.tmp / prefix).rglob("*")):
            if page.is_file():
                st = page.stat()
                site.files[page.relative_to(site.tmp).as_posix()] = [key, st.st_size, st.st_mtime_ns, st.st_ino]
                site.written += 1
    names = list(plan)
    shared = {f"{BUNDLE}/{f}": (site.tmp / BUNDLE / names[0] / f).read_bytes() for f in UI_FILES}
    shared[f"{BUNDLE}/{PAGE_SCRIPT}"] = page_script(names)
    shared[f"{BUNDLE}/{BUNDLES_JSON}"] = json.dumps({"bundles": names}).encode()
    for path, data in shared.items():
        site.put(path, hashlib.sha256(data).hexdigest(), lambda d=data: d)


def index_site(site: Path) -> list[str]:
    """Index every page of a site folder as one bundle (no reuse); returns the index's site paths."""
    pages = sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))
    pages = [p for p in pages if p not in EXCLUDE and not p.startswith(f"{BUNDLE}/")]
    shutil.rmtree(site / BUNDLE, ignore_errors=True)
    plan = plan_bundles(pages)
    for name, members in plan.items():
        _index_bundle(site, name, members)
    names = list(plan)
    for f in UI_FILES:
        shutil.copyfile(site / BUNDLE / names[0] / f, site / BUNDLE / f)
    (site / BUNDLE / PAGE_SCRIPT).write_bytes(page_script(names))
    (site / BUNDLE / BUNDLES_JSON).write_bytes(json.dumps({"bundles": names}).encode())
    return sorted(p.relative_to(site).as_posix() for p in (site / BUNDLE).rglob("*") if p.is_file())


def query(site: Path, *terms: str) -> dict[str, list[dict]]:
    """Search a built site with Pagefind's own JavaScript and WebAssembly, in node.

    For tests and for checking a build from the command line: the same code path as the
    browser (pagefind.js, the wasm, the index chunks), with file reads in place of fetch.
    Returns term -> [{"url", "title", "excerpt"}] in Pagefind's ranking order.
    """
    node = shutil.which("node")
    if node is None:
        raise SearchIndexError("node is needed to query the index outside a browser")
    script = _HERE / "search_query.mjs"
    done = subprocess.run([node, str(script), str(site), *terms], capture_output=True, text=True, check=False, timeout=120)
    if done.returncode != 0:
        raise SearchIndexError(f"query failed: {done.stderr.strip()[-2000:]}")
    return json.loads(done.stdout)
