"""``build.py serve``: serves the site and rebuilds when a watched file changes."""

from __future__ import annotations

import json
import shutil
import threading
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from nianbao.publish.serve import DevServer, start_server, wait_for

ROOT = Path(__file__).resolve().parent.parent


def fetch(url: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=10) as resp:
            return resp.status, resp.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read()


@pytest.fixture
def dev(tmp_path):
    """A dev server on a free port over a copy of the seeds, rebuilding every 0.1 s poll."""
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    shutil.copytree(ROOT / "content", tmp_path / "content")
    server = DevServer(tmp_path / "seeds", tmp_path / "site", tmp_path / "content", port=0, prefix="/repo/", interval=0.1,
                       watch=[tmp_path / "seeds", tmp_path / "content"])  # fmt: skip
    server.start()
    loop = threading.Thread(target=server.loop, daemon=True)
    loop.start()
    yield server
    server.stop()
    loop.join(timeout=30)


def test_serves_and_rebuilds_on_change(dev):
    status, body = fetch(dev.url + "index.html")
    assert status == 200 and b"<html" in body
    reports = json.loads(fetch(dev.url + "data/reports.json")[1])
    builds = dev.builds
    # Drop one seed: after the rebuild the published data has one report fewer.
    victim = sorted(dev.seeds.iterdir())[-1]
    victim.unlink()
    assert wait_for(lambda: dev.builds > builds, timeout=120), "no rebuild after a seed was removed"
    after = json.loads(fetch(dev.url + "data/reports.json")[1])
    assert len(after) == len(reports) - 1


def test_sub_path_and_404_page(tmp_path):
    (tmp_path / "index.html").write_text("<p>home</p>", encoding="utf-8")
    (tmp_path / "404.html").write_text("<p>not here</p>", encoding="utf-8")
    server = start_server(tmp_path, prefix="/repo/")
    try:
        base = f"http://127.0.0.1:{server.server_address[1]}"
        assert fetch(base + "/repo/index.html") == (200, b"<p>home</p>")
        assert fetch(base + "/repo/a/b/missing.html") == (404, b"<p>not here</p>")
        assert fetch(base + "/index.html")[0] == 404  # outside the sub-path
    finally:
        server.shutdown()
        server.server_close()
