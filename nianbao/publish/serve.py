"""``python build.py serve``: the developer loop.

Serves the built site on 127.0.0.1 with the standard library's http.server (in a thread)
and rebuilds whenever a file under seeds/, content/, templates/ or site_assets/ changes.
Changes are found by polling modification times and sizes: no watcher dependency, and it
behaves the same on every OS. The build swaps the output folder atomically, so the server
(which resolves every request against the folder's path) serves the old site until the new
one is complete.

``SiteHandler`` also serves the site under a sub-path (``--prefix /repo/``) and answers
missing pages with the site's ``404.html``, as GitHub Pages does; the browser tests use it.
"""

from __future__ import annotations

import sys
import threading
import time
import traceback
from functools import partial
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

Snapshot = dict[str, tuple[int, int]]


class SiteHandler(SimpleHTTPRequestHandler):
    """Static files from ``directory``, mounted at ``prefix``; 404.html for missing pages."""

    prefix = "/"
    quiet = True

    def translate_path(self, path: str) -> str:
        if not path.startswith(self.prefix):
            return str(Path(self.directory) / ".outside-prefix" / "missing")  # outside the mount point: 404
        return super().translate_path("/" + path[len(self.prefix) :])

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        page = Path(self.directory) / "404.html"
        if code != HTTPStatus.NOT_FOUND or not page.is_file():
            super().send_error(code, message, explain)
            return
        body = page.read_bytes()
        self.send_response(code)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "no-store")  # a rebuilt page must show on reload
        super().end_headers()

    def log_message(self, format: str, *args) -> None:  # noqa: A002 - the base class's name
        if not self.quiet:
            super().log_message(format, *args)


def start_server(directory: Path, port: int = 0, prefix: str = "/") -> ThreadingHTTPServer:
    """Serve ``directory`` at http://127.0.0.1:PORT{prefix} in a daemon thread."""
    prefix = "/" + prefix.strip("/") + "/" if prefix.strip("/") else "/"
    handler = type("Handler", (SiteHandler,), {"prefix": prefix})
    server = ThreadingHTTPServer(("127.0.0.1", port), partial(handler, directory=str(directory)))
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, name="site-server", daemon=True).start()
    return server


def snapshot(folders: list[Path]) -> Snapshot:
    """(mtime, size) of every file under ``folders``; a missing folder counts as empty."""
    state: Snapshot = {}
    for folder in folders:
        if not folder.is_dir():
            continue
        for path in folder.rglob("*"):
            try:
                st = path.stat()
            except OSError:  # removed between listing and stat: the next poll sees it
                continue
            if path.is_file():
                state[path.as_posix()] = (st.st_mtime_ns, st.st_size)
    return state


class DevServer:
    """The server plus the rebuild loop; ``builds`` counts finished builds (for tests)."""

    def __init__(self, seeds: Path, out: Path, content: Path, port: int = 8000, prefix: str = "/",
                 interval: float = 1.0, watch: list[Path] | None = None) -> None:  # fmt: skip
        from ..site.render import ASSETS, TEMPLATES

        self.seeds, self.out, self.content = seeds, out, content
        self.port, self.prefix, self.interval = port, prefix, interval
        self.watch = watch if watch is not None else [seeds, content, TEMPLATES, ASSETS]
        self.builds = 0
        self.stopped = threading.Event()
        self.server: ThreadingHTTPServer | None = None

    @property
    def url(self) -> str:
        assert self.server is not None, "start() first"
        path = "/" + self.prefix.strip("/") + "/" if self.prefix.strip("/") else "/"
        return f"http://127.0.0.1:{self.server.server_address[1]}{path}"

    def build(self) -> int:
        """One build; a crash is printed, not raised, so the loop survives a broken edit."""
        from ..site.build import build_site

        try:
            code = build_site(seeds=self.seeds, out=self.out, content=self.content, strict=False)
        except Exception:  # noqa: BLE001 - keep serving the last good site
            traceback.print_exc()
            code = 1
        self.builds += 1
        return code

    def start(self) -> DevServer:
        """First build, then serve; returns self."""
        if self.build() == 2 or not self.out.is_dir():
            raise RuntimeError("the first build failed; nothing to serve")
        self.server = start_server(self.out, self.port, self.prefix)
        return self

    def loop(self) -> None:
        """Rebuild on every change until ``stop()``."""
        before = snapshot(self.watch)
        while not self.stopped.wait(self.interval):
            now = snapshot(self.watch)
            if now != before:
                changed = sorted(set(now.items()) ^ set(before.items()))
                print(f"changed: {changed[0][0]}{' …' if len(changed) > 1 else ''}; rebuilding", file=sys.stderr)
                self.build()
                before = snapshot(self.watch)  # edits made during the build trigger one more

    def stop(self) -> None:
        self.stopped.set()
        if self.server is not None:
            self.server.shutdown()
            self.server.server_close()


def serve(seeds: Path, out: Path, content: Path, port: int = 8000, interval: float = 1.0, prefix: str = "/") -> int:
    """The ``serve`` command: build, serve, rebuild on change until Ctrl-C."""
    try:
        dev = DevServer(seeds, out, content, port=port, prefix=prefix, interval=interval).start()
    except (RuntimeError, OSError) as exc:
        print(f"build.py serve: {exc}", file=sys.stderr)
        return 2
    print(f"serving {out} at {dev.url} (Ctrl-C stops); watching {', '.join(p.as_posix() for p in dev.watch)}", file=sys.stderr)
    try:
        dev.loop()
    except KeyboardInterrupt:
        pass
    finally:
        dev.stop()
    return 0


def wait_for(predicate, timeout: float = 60.0, step: float = 0.1) -> bool:
    """Poll ``predicate`` until it is true or ``timeout`` seconds pass (used by tests)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(step)
    return bool(predicate())
