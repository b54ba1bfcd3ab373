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

``write_index`` is called by the site build on the staged pages, before the atomic swap,
so the index is part of the same swap as the pages it describes; a bundle whose pages did
not change is hard-linked from the previous build instead of being indexed again.
"""

from __future__ import annotations

import asyncio
import base64
import hashlib
import json
import os
import shutil
import subprocess
from concurrent.futures import ThreadPoolExecutor
from importlib import metadata
from pathlib import Path

from pagefind.service import PagefindService

BUNDLE = "pagefind"
#: The search page's own script, kept beside Pagefind's bundle (see search_page.js).
PAGE_SCRIPT = "search-page.js"
_HERE = Path(__file__).resolve().parent
#: Reports are Chinese; forcing the language keeps one index even if a page lacks lang=.
LANGUAGE = "zh-cn"
#: Pages that are not content: the search page itself and the not-found page.
EXCLUDE = ("search.html", "404.html")
#: Folders whose pages are not indexed (see ``indexed_html``).
_UNINDEXED_DIRS = ("lists/",)
#: Part of every record's key: another Pagefind writes another index.
_VERSION = metadata.version("pagefind")


class SearchIndexError(RuntimeError):
    """Pagefind could not be found or failed."""


def pagefind_executable() -> Path:
    """The extended Pagefind binary from the pip package (Chinese word segmentation)."""
    try:
        from pagefind_bin_extended import get_executable
    except ImportError as exc:  # the non-extended build would index Chinese as whole phrases
        raise SearchIndexError("pagefind[extended] is not installed (pip install -r requirements.txt)") from exc
    return get_executable()


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


def page_script(bundles: list[str]) -> bytes:
    """search_page.js with the bundle list filled in (the first is the primary index)."""
    text = (_HERE / "search_page.js").read_text(encoding="utf-8")
    marker = 'var BUNDLES = ["0"];'
    if marker not in text:
        raise SearchIndexError("search_page.js: bundle list marker missing")
    return text.replace(marker, f"var BUNDLES = {json.dumps(bundles)};").encode()


def write_index(site, records: list) -> None:
    """The search index of a site being written (nianbao/site/staged.StagedSite), by bundle.

    ``records`` (site/search_records.Record: path, title, content) stand for the report and
    agency pages; every other page that is searched (``indexed_html``) is read from its
    staged HTML. A bundle is keyed by its records' text and its pages' keys: unchanged, its
    previous files are hard-linked; otherwise Pagefind indexes it (and only it), one bundle
    at a time in one Pagefind service, so Pagefind's memory is that of one bundle.
    ``pagefind/`` then gets Pagefind's UI (from the first bundle), search-page.js with the
    bundle list, and bundles.json.
    """
    by_path = {r.path: r for r in records}
    keys = {r.path: _record_key(r) for r in records}
    keys.update({p: v[0] for p, v in site.files.items() if indexed_html(p) and p not in by_path})
    plan = plan_bundles(list(keys))
    todo = {}
    for name, pages in plan.items():
        entries = [(p, keys[p]) for p in pages]
        key = None if any(k is None for _, k in entries) else _hash(json.dumps([name, len(plan), entries]))
        before = sorted(p for p in site.previous if p.startswith(f"{BUNDLE}/{name}/"))
        if not (before and all(site.reuse(p, key) for p in before)):
            todo[name] = (key, [by_path.get(p, p) for p in pages])
    if todo:
        _run(_index_bundles(site, todo))
    names = list(plan)
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


def search_url(path: str) -> str:
    """The URL Pagefind reports for a site path, as for a page it read itself."""
    return "/" + path.removesuffix("index.html")


def _run(coro) -> None:
    """``asyncio.run``, in a thread of its own when this thread already runs an event loop
    (a caller inside async code, such as the browser tests' Playwright)."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        asyncio.run(coro)
        return
    with ThreadPoolExecutor(1) as pool:
        pool.submit(asyncio.run, coro).result()


async def _index_bundles(site, todo: dict[str, tuple]) -> None:
    """Each bundle of ``todo`` (name -> (key, its records or HTML site paths)) into
    ``pagefind/<name>/`` of the staged site, one index at a time."""
    async with _Service() as service:
        for name, (key, members) in todo.items():
            prefix = f"{BUNDLE}/{name}/"
            for path in [p for p in site.files if p.startswith(prefix)]:
                del site.files[path]  # a partly reused bundle: indexed afresh
            target = site.tmp / BUNDLE / name
            shutil.rmtree(target, ignore_errors=True)
            index = await service.create_index({"force_language": LANGUAGE})
            await asyncio.gather(*(_add(index, site.tmp, m) for m in members))
            await index.write_files(str(target))
            await index.delete_index()
            for unused in UNUSED:
                (target / unused).unlink(missing_ok=True)
            for page in sorted(target.rglob("*")):
                if page.is_file():
                    st = page.stat()
                    site.files[page.relative_to(site.tmp).as_posix()] = [key, st.st_size, st.st_mtime_ns, st.st_ino]
                    site.written += 1


async def _add(index, root: Path, member) -> None:
    if isinstance(member, str):  # a page read from its HTML, as the Pagefind CLI would
        html = (root / member).read_text(encoding="utf-8")
        await index.add_html_file(content=html, url=search_url(member))
    else:
        meta = {"title": member.title}
        await index.add_custom_record(url=search_url(member.path), content=member.content, language=LANGUAGE, meta=meta)


class _Service(PagefindService):
    """Pagefind's Python service, answering as fast as Pagefind does.

    The package's reader sleeps 0.1 s before reading each reply: 1,000 records would take
    100 s. This reader is the same loop without the sleep (pinned pagefind==1.5.2)."""

    def __init__(self) -> None:
        super().__init__()
        self._bin = pagefind_executable()

    async def _wait_for_responses(self) -> None:
        assert self._backend.stdout is not None
        while True:
            output = await self._backend.stdout.readuntil(b",")
            resp = json.loads(base64.b64decode(output[:-1]))
            if resp is None:
                continue
            message_id = resp.get("message_id")
            if message_id is None and (original := resp["payload"].get("original_message")) is not None:
                message_id = (json.loads(original) or {}).get("message_id")
            future = self._responses.get(message_id) if message_id is not None else None
            if future is None or future.done():
                continue
            payload = resp["payload"]
            if payload["type"] == "Error":
                future.set_exception(SearchIndexError(f"pagefind: {payload.get('message')}"))
            else:
                future.set_result(payload)


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
