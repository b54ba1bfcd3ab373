"""Full-text search: a Pagefind index built with the site.

Pagefind (the ``pagefind[extended]`` pip package, pinned in requirements.txt) ships its
binary inside the wheel; the *extended* build segments Chinese text into words, so a query
such as 不予公开 or 行政复议 finds the pages that contain it. The index and Pagefind's UI go
to ``pagefind/`` in the site: static files only, loaded relative to the page, so search
works at a domain root and under any sub-path. Browsers refuse ``fetch()`` from file://,
so there the search page says so and every other page works as before.

``search_files`` is called once by the site build on the rendered pages, before the atomic
write, so the index is part of the same swap as the pages it describes.
"""

from __future__ import annotations

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
    """Run Pagefind over the HTML in ``site``; writes ``site/pagefind/``."""
    cmd = [str(pagefind_executable()), "--site", str(site), "--output-subdir", BUNDLE, "--force-language", LANGUAGE]
    done = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if done.returncode != 0 or not (site / BUNDLE / "pagefind.js").is_file():
        raise SearchIndexError(f"pagefind failed ({done.returncode}): {(done.stderr or done.stdout).strip()[-2000:]}")
    shutil.copyfile(_HERE / "search_page.js", site / BUNDLE / PAGE_SCRIPT)


def search_files(files: dict[str, bytes]) -> dict[str, bytes]:
    """The search bundle (site path -> bytes) for the rendered ``files`` of a site.

    Pagefind reads a folder, so the HTML pages are written to a private temporary folder
    and the bundle is read back; the caller writes it with the rest of the site.
    """
    with tempfile.TemporaryDirectory(prefix="nianbao-search-") as tmp:
        root = Path(tmp)
        for path, data in files.items():
            if path.endswith(".html") and path not in EXCLUDE:
                (root / path).parent.mkdir(parents=True, exist_ok=True)
                (root / path).write_bytes(data)
        index_folder(root)
        bundle = root / BUNDLE
        return {f"{BUNDLE}/{p.relative_to(bundle).as_posix()}": p.read_bytes() for p in sorted(bundle.rglob("*")) if p.is_file()}


def index_site(site: Path) -> list[str]:
    """Index the pages of a site folder as it is being written; returns the bundle's site paths.

    The incremental site build (nianbao/site/staged.py) writes pages straight into its
    temporary folder and calls this only when some page changed. Pagefind sees hard links
    to the pages (never EXCLUDE) in a private folder beside the site, so nothing is copied.
    """
    shutil.rmtree(site / BUNDLE, ignore_errors=True)
    with tempfile.TemporaryDirectory(prefix=".nianbao-search-", dir=site.parent) as tmp:
        root = Path(tmp)
        for page in sorted(site.rglob("*.html")):
            path = page.relative_to(site).as_posix()
            if path in EXCLUDE:
                continue
            (root / path).parent.mkdir(parents=True, exist_ok=True)
            try:
                os.link(page, root / path)
            except OSError:
                shutil.copyfile(page, root / path)
        index_folder(root)
        (root / BUNDLE).rename(site / BUNDLE)
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
