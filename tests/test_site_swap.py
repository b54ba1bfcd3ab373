"""The published folder is replaced in one step: old site or new site, never none."""

from __future__ import annotations

import os

from nianbao.site import swap


def _tree(path):
    return sorted((p.relative_to(path).as_posix(), p.read_text()) for p in path.rglob("*") if p.is_file())


def test_exchange_swaps_two_folders(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir(), b.mkdir()
    (a / "x.html").write_text("new")
    (b / "y.html").write_text("old")
    if not swap.exchange(a, b):
        return  # no renameat2 here; swap_in's fallback is tested below
    assert _tree(b) == [("x.html", "new")] and _tree(a) == [("y.html", "old")]


def test_swap_in_keeps_the_previous_site_aside(tmp_path):
    new, out, old = tmp_path / "new", tmp_path / "out", tmp_path / "old"
    new.mkdir(), out.mkdir()
    (new / "index.html").write_text("2")
    (out / "index.html").write_text("1")
    swap.swap_in(new, out, old)
    previous = new if new.exists() else old  # exchanged, or renamed aside
    assert _tree(out) == [("index.html", "2")] and _tree(previous) == [("index.html", "1")]


def test_swap_in_falls_back_to_renames(tmp_path, monkeypatch):
    monkeypatch.setattr(swap, "exchange", lambda a, b: False)
    new, out, old = tmp_path / "new", tmp_path / "out", tmp_path / "old"
    new.mkdir(), out.mkdir()
    (new / "index.html").write_text("2")
    swap.swap_in(new, out, old)
    assert _tree(out) == [("index.html", "2")] and old.is_dir()


def test_first_build_has_nothing_to_swap(tmp_path):
    new, out, old = tmp_path / "new", tmp_path / "out", tmp_path / "old"
    new.mkdir()
    swap.swap_in(new, out, old)
    assert out.is_dir() and not old.exists()


def test_a_rebuild_removes_the_previous_site_in_the_background(tmp_path):
    from nianbao.site import writer

    out = tmp_path / "_site"
    writer.write_site({"index.html": b"old", "a/b.html": b"old"}, out)
    removals: list = []
    with writer.staging(out, removals) as tmp:
        writer.start(tmp)
        (tmp / "index.html").write_bytes(b"new")
    assert (out / "index.html").read_bytes() == b"new"
    assert [path.name for path, _proc in removals] in ([f"_site.tmp-{os.getpid()}"], [f"_site.old-{os.getpid()}"])
    writer.finish_removals(removals)
    assert removals == []
    assert sorted(p.name for p in tmp_path.iterdir()) == ["_site"]
