"""Full-text search: a Pagefind index built with the site.

Pagefind (the ``pagefind[extended]`` pip package, pinned in requirements.txt) ships its
binary inside the wheel; the *extended* build segments Chinese text into words, so a query
such as 不予公开 or 行政复议 finds the pages that contain it. Browsers refuse ``fetch()``
from file://, so there the search page says so and every other page works as before.

Report and agency pages reach the index as records built from the loaded reports
(site/search_records.py: title, agency, region, year, narrative, findings, table and row
names, no digits), through Pagefind's Python API; the other pages searched are read from
their HTML by the same Pagefind service (``indexed_html``). The index is split into bundles
of about ``BUNDLE_PAGES`` pages (``plan_bundles``), each written into ``pagefind/<bundle>/``,
one after the other: one index over 10,000 reports took ~4.7 GB. The search page loads the first bundle and merges
the others in the browser (Pagefind UI's ``mergeIndex``); ``pagefind/`` holds Pagefind's UI,
search-page.js (with the bundle list) and bundles.json. Static files only, loaded relative
to the page, so search works at a domain root and under any sub-path.

``SearchIndex`` is run by the site build on the staged pages, before the atomic swap,
so the index is part of the same swap as the pages it describes; a bundle whose pages did
not change is hard-linked from the previous build instead of being indexed again.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import threading
from importlib import metadata
from pathlib import Path

from .pagefind_index import BUNDLE, LANGUAGE, SearchIndexError, index_bundles, pagefind_executable  # noqa: F401 - re-exported

#: The search page's own script, kept beside Pagefind's bundle (see search_page.js).
PAGE_SCRIPT = "search-page.js"
_HERE = Path(__file__).resolve().parent
#: Pages that are not content: the search page itself and the not-found page.
EXCLUDE = ("search.html", "404.html")
#: Folders whose pages are not indexed (see ``indexed_html``).
_UNINDEXED_DIRS = ("lists/",)
#: Part of every record's key: another Pagefind writes another index.
_VERSION = metadata.version("pagefind")


#: Pages per search bundle (about): each bundle is indexed by its own Pagefind process, one
#: after the other, so Pagefind's memory is bounded by one bundle, and a bundle whose pages
#: are unchanged is reused. ``NIANBAO_SEARCH_BUNDLE_PAGES`` overrides it (tests).
BUNDLE_PAGES = 500
#: The bundle list, read by ``search_query.mjs`` (node) and written into ``search-page.js``.
BUNDLES_JSON = "bundles.json"
#: Pagefind's UI, copied from the first bundle to ``pagefind/`` where search.html loads it.
UI_FILES = ("pagefind-ui.js", "pagefind-ui.css")
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
    entries = [p for p in paths if p.startswith(_ENTRY_DIRS)]
    return {**family_plan("r", entries, per_bundle), **family_plan("s", [p for p in paths if p not in set(entries)], per_bundle)}


def family_plan(family: str, paths: list[str], per_bundle: int) -> dict[str, list[str]]:
    """``paths`` (one family) into ceil(len / per_bundle) bundles "<family><i>" by hash."""
    k = -(-len(paths) // per_bundle)
    plan: dict[str, list[str]] = {f"{family}{i}": [] for i in range(k)}
    for path in sorted(paths):
        plan[f"{family}{int(hashlib.sha256(path.encode()).hexdigest()[:12], 16) % k}"].append(path)
    return {name: pages for name, pages in plan.items() if pages}


def page_script(bundles: list[str]) -> bytes:
    """search_page.js with the bundle list filled in (the first is the primary index)."""
    text = (_HERE / "search_page.js").read_text(encoding="utf-8")
    marker = 'var BUNDLES = ["0"];'
    if marker not in text:
        raise SearchIndexError("search_page.js: bundle list marker missing")
    return text.replace(marker, f"var BUNDLES = {json.dumps(bundles)};").encode()


class SearchIndex:
    """The search index of a site being written (nianbao/site/staged.StagedSite), by bundle.

    ``records`` (site/search_records.Record: path, title, content) stand for the report and
    agency pages; every other page that is searched (``indexed_html``) is read from its
    staged HTML. A bundle is keyed by its records' text and its pages' keys: unchanged, its
    previous files are hard-linked; otherwise Pagefind indexes it (and only it), one bundle
    at a time, each in a Pagefind service of its own, so Pagefind's memory is that of one bundle.

    ``start`` (before the summary pages are written) indexes the report/agency bundles in a
    background thread: the summary pages are rendered by this process alone, so Pagefind
    gets the other core. ``finish`` indexes the other pages' bundles, then writes into
    ``pagefind/`` Pagefind's UI (from the first bundle), search-page.js with the bundle
    list, and bundles.json. A site of at most ``bundle_pages()`` pages is one bundle, all
    indexed in ``finish``.
    """

    def __init__(self, site, records: list):
        self.site, self.records = site, {r.path: r for r in records}
        self.keys = {r.path: _record_key(r) for r in records}
        self.plan: dict[str, list[str]] = {}
        self._thread: threading.Thread | None = None
        self._done: list = []

    def start(self) -> None:
        if len(self.records) <= bundle_pages():
            return  # maybe one bundle with the other pages: all in finish
        plan = family_plan("r", list(self.keys), bundle_pages())
        self.plan.update(plan)
        todo = self._todo(plan)
        if todo:
            self._thread = threading.Thread(target=self._background, args=(todo,), name="pagefind", daemon=True)
            self._thread.start()

    def _background(self, todo: dict[str, tuple]) -> None:
        try:
            self._done.append(index_bundles(self.site.tmp, todo))
        except BaseException as exc:  # re-raised in finish, in the build's thread
            self._done.append(exc)

    def finish(self) -> None:
        site = self.site
        pages = {p: v[0] for p, v in site.files.items() if indexed_html(p) and p not in self.records}
        self.keys.update(pages)
        if self.plan:
            rest = family_plan("s", list(pages), bundle_pages())
        else:
            self.plan = rest = plan_bundles(list(self.keys))
        self.plan.update(rest)
        files = {}
        if self._thread is not None:
            # Joined before the other bundles are indexed: two Pagefind processes at once
            # were the build's peak memory (~150 MB each beside the build's ~900 MB at 10,000).
            self._thread.join()
            done = self._done.pop()
            if isinstance(done, BaseException):
                raise done
            files.update(done)
        todo = self._todo(rest)
        files.update(index_bundles(site.tmp, todo) if todo else {})
        site.files.update(files)
        site.written += len(files)
        self._shared(list(self.plan))

    def _todo(self, plan: dict[str, list[str]]) -> dict[str, tuple]:
        """The bundles of ``plan`` to index (name -> (key, members)); the others are linked."""
        todo = {}
        family = {name[0] for name in plan}
        for name, pages in plan.items():
            entries = [(p, self.keys[p]) for p in pages]
            size = sum(n[0] in family for n in plan)
            key = None if any(k is None for _, k in entries) else _hash(json.dumps([name, size, entries]))
            prefix = f"{BUNDLE}/{name}/"
            before = sorted(p for p in self.site.previous if p.startswith(prefix))
            if not (before and all(self.site.reuse(p, key) for p in before)):
                for path in [p for p in self.site.files if p.startswith(prefix)]:
                    del self.site.files[path]  # a partly reused bundle: indexed afresh
                todo[name] = (key, [self.records.get(p, p) for p in pages])
        return todo

    def _shared(self, names: list[str]) -> None:
        site = self.site
        shared = {f"{BUNDLE}/{f}": (site.tmp / BUNDLE / names[0] / f).read_bytes() for f in UI_FILES}
        shared[f"{BUNDLE}/{PAGE_SCRIPT}"] = page_script(names)
        shared[f"{BUNDLE}/{BUNDLES_JSON}"] = json.dumps({"bundles": names}).encode()
        for path, data in shared.items():
            site.put(path, _hash(data.decode()), lambda d=data: d)


def indexed_html(path: str) -> bool:
    """A page read from its HTML into the index: not the search and not-found pages, and
    not the paginated lists (lists/), which only repeat the names of the pages they list."""
    return path.endswith(".html") and path not in EXCLUDE and not path.startswith(_UNINDEXED_DIRS)


def _hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def _record_key(record) -> str:
    return _hash(json.dumps([_VERSION, record.path, record.title, record.content], ensure_ascii=False))


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
