"""Pagefind's Python API, driven for the site build: one bundle at a time, each in its own service.

``index_bundles`` writes each bundle's index into the staged site, from records (report
and agency pages, site/search_records.py) or from a page's HTML (every other searched
page), and returns the manifest entries of the files written (staged.StagedSite.files).
"""

from __future__ import annotations

import asyncio
import base64
import json
import shutil
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from pagefind.service import PagefindService

#: Reports are Chinese; forcing the language keeps one index even if a page lacks lang=.
LANGUAGE = "zh-cn"
#: Pagefind's other UIs, which the search page does not load: not kept in every bundle.
UNUSED = (
    "pagefind-component-ui.css",
    "pagefind-component-ui.js",
    "pagefind-modular-ui.css",
    "pagefind-modular-ui.js",
    "pagefind-highlight.js",
)
BUNDLE = "pagefind"


class SearchIndexError(RuntimeError):
    """Pagefind could not be found or failed."""


def pagefind_executable() -> Path:
    """The extended Pagefind binary from the pip package (Chinese word segmentation)."""
    try:
        from pagefind_bin_extended import get_executable
    except ImportError as exc:  # the non-extended build would index Chinese as whole phrases
        raise SearchIndexError("pagefind[extended] is not installed (pip install -r requirements.txt)") from exc
    return get_executable()


def search_url(path: str) -> str:
    """The URL Pagefind reports for a site path, as for a page it read itself."""
    return "/" + path.removesuffix("index.html")


def index_bundles(tmp: Path, todo: dict[str, tuple]) -> dict[str, list]:
    """Each bundle of ``todo`` (name -> (key, its records or HTML site paths)) into
    ``pagefind/<name>/`` of the staged folder ``tmp``; site path -> [key, size, mtime, inode]."""
    files: dict[str, list] = {}
    _run(_index_bundles(tmp, todo, files))
    return files


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


async def _index_bundles(tmp: Path, todo: dict[str, tuple], files: dict[str, list]) -> None:
    # A Pagefind service per bundle: one service keeps the memory of its largest index
    # after the index is deleted (~480 MB after two bundles of 500 records, against
    # ~140 MB for one), and starting one takes a few milliseconds.
    for name, (key, members) in todo.items():
        target = tmp / BUNDLE / name
        shutil.rmtree(target, ignore_errors=True)
        async with _Service() as service:
            index = await service.create_index({"force_language": LANGUAGE})
            await asyncio.gather(*(_add(index, tmp, m) for m in members))
            await index.write_files(str(target))
            await index.delete_index()
        for unused in UNUSED:
            (target / unused).unlink(missing_ok=True)
        for page in sorted(target.rglob("*")):
            if page.is_file():
                st = page.stat()
                files[page.relative_to(tmp).as_posix()] = [key, st.st_size, st.st_mtime_ns, st.st_ino]


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
