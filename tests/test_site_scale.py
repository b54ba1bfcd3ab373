"""The site at scale: pages stay bounded (pagination), and incremental rebuilds are exact.

A generated corpus (benchmarks/make_corpus.py) is built with small page sizes, so that
every paginated list really paginates at a size a test can afford. No timings here: the
benchmark (benchmarks/run.py) measures speed; these tests pin behaviour.
"""

from __future__ import annotations

import math
import posixpath
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from nianbao.site import output
from nianbao.site.pages import paging
from tests.site_support import ROOT, SEEDS, build

N = 150
SIZES = {"LIST_SIZE": 10, "TABLE_SIZE": 8, "PREVIEW": 3}
#: No page but a report page (which shows one report's full text) may exceed this.
MAX_PAGE_BYTES = 150_000


def make_corpus(n: int, folder: Path) -> Path:
    cmd = [sys.executable, str(ROOT / "benchmarks" / "make_corpus.py"), str(n), "--out", str(folder)]
    subprocess.run(cmd, check=True, capture_output=True, cwd=ROOT)
    return folder / "seeds"


@pytest.fixture(scope="module")
def small_pages():
    with pytest.MonkeyPatch.context() as mp:
        for name, value in SIZES.items():
            mp.setattr(paging, name, value)
        yield


@pytest.fixture(scope="module")
def big(tmp_path_factory, small_pages) -> tuple[Path, dict[str, BeautifulSoup]]:
    base = tmp_path_factory.mktemp("scale")
    out = base / "_site"
    assert build(out, seeds=make_corpus(N, base / "corpus")) == 0
    pages = {p.relative_to(out).as_posix(): BeautifulSoup(p.read_text("utf-8"), "html.parser") for p in sorted(out.rglob("*.html"))}
    return out, pages


def test_every_report_is_listed_once_across_the_list_pages(big):
    out, pages = big
    reports = sorted(p.name for p in (out / "reports").glob("*.html"))
    lists = sorted((p for p in pages if p.startswith("lists/reports-")), key=lambda p: int(re.findall(r"\d+", p)[0]))
    assert len(lists) == math.ceil(len(reports) / SIZES["LIST_SIZE"]) > 1
    listed = []
    for path in lists:
        rows = pages[path].select("table.reports tbody tr")
        assert 1 <= len(rows) <= SIZES["LIST_SIZE"], path
        listed += [posixpath.basename(r.th.a["href"]) for r in rows]
        assert pages[path].select_one("nav.pager [aria-current=page]").get_text() == re.findall(r"\d+", path)[0]
    assert sorted(listed) == reports


def test_summary_pages_show_a_bounded_preview_and_link_the_lists(big):
    _out, pages = big
    index = pages["index.html"]
    assert len(index.select("table.reports tbody tr")) == SIZES["PREVIEW"]
    assert index.select_one("p.more a")["href"] == "lists/reports-1.html"
    assert len(index.select("figure.chart")) >= 4
    for section in pages["indicators.html"].select("section.indicator"):
        assert len(section.select("tbody tr")) <= SIZES["PREVIEW"]
        assert section.select_one("p.more a")["href"].startswith("lists/rank-")
    assert not pages["data.html"].select("ul.downloads li a[href^='data/reports/']")


def test_year_comparison_is_paginated(big):
    out, pages = big
    years = sorted(p for p in pages if re.fullmatch(r"years/\d{4}\.html", p))
    assert years
    paginated = 0
    for first in years:
        year = first[6:10]
        parts = [first] + sorted((p for p in pages if p.startswith(f"years/{year}-")), key=lambda p: int(p[11:-5]))
        rows = [len(pages[p].select("#compare tbody tr")) for p in parts]
        assert all(1 <= r <= SIZES["TABLE_SIZE"] for r in rows), (first, rows)
        assert pages[first].select("figure.chart") and not any(pages[p].select("figure.chart") for p in parts[1:])
        paginated += len(parts) > 1
    assert paginated


def test_links_resolve_and_pages_are_bounded(big):
    out, pages = big
    ids = {path: {t["id"] for t in soup.find_all(id=True)} for path, soup in pages.items()}
    for path, soup in pages.items():
        if not path.startswith("reports/"):
            assert (out / path).stat().st_size < MAX_PAGE_BYTES, path
        for tag in soup.find_all(href=True):
            link = tag["href"]
            assert not link.startswith("/") and "://" not in link, (path, link)
            target, _, fragment = link.partition("#")
            resolved = posixpath.normpath(posixpath.join(posixpath.dirname(path), target)) if target else path
            assert (out / resolved).is_file(), (path, link)
            if fragment and resolved.endswith(".html"):
                assert fragment in ids[resolved], (path, link)


def _tree(out: Path) -> dict[str, bytes]:
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}


@pytest.fixture
def corpus(tmp_path) -> Path:
    seeds = make_corpus(24, tmp_path / "corpus")
    for seed in sorted(SEEDS.iterdir()):
        shutil.copy(seed, seeds / seed.name)
    return seeds


def _edit(seeds: Path) -> None:
    """One report changes: a sentence added, and a printed number changed."""
    path = next(p for p in sorted(seeds.iterdir()) if p.name.startswith("000000"))
    text = path.read_text("utf-8")
    text, count = re.subn(r"(本年新收政府信息公开申请数量[^\n\d]*)(\d+)", lambda m: m[1] + str(int(m[2]) + 7), text, count=1)
    path.write_text(text + "\n本报告已于发布后更正一处文字。\n", "utf-8")


def test_incremental_rebuilds_equal_a_cold_build(corpus, tmp_path, monkeypatch, capsys):
    """Cached, incremental and parallel (forked workers) against uncached and serial."""
    monkeypatch.setenv("NIANBAO_CACHE", str(tmp_path / "cache"))
    monkeypatch.setattr(output, "MIN_PARALLEL", 1)
    monkeypatch.setattr(output, "CHUNK", 4)
    out = tmp_path / "_site"
    assert build(out, seeds=corpus) == 0
    first = _tree(out)
    capsys.readouterr()
    assert build(out, seeds=corpus) == 0
    assert re.search(r"\b0 files written, \d+ unchanged", capsys.readouterr().err)  # nothing produced again
    assert _tree(out) == first
    _edit(corpus)
    assert build(out, seeds=corpus) == 0
    written, unchanged = map(int, re.search(r"(\d+) files written, (\d+) unchanged", capsys.readouterr().err).groups())
    assert 0 < written < unchanged
    monkeypatch.setenv("NIANBAO_CACHE", "off")
    monkeypatch.setattr(output, "MIN_PARALLEL", 10**9)
    cold = tmp_path / "cold"
    assert build(cold, seeds=corpus) == 0
    incremental, expected = _tree(out), _tree(cold)
    assert sorted(incremental) == sorted(expected)
    assert [p for p in expected if incremental[p] != expected[p]] == []
    assert incremental != first


def test_a_hand_edited_output_file_is_replaced(corpus, tmp_path, monkeypatch):
    monkeypatch.setenv("NIANBAO_CACHE", str(tmp_path / "cache"))
    out = tmp_path / "_site"
    assert build(out, seeds=corpus) == 0
    original = (out / "index.html").read_bytes()
    (out / "index.html").write_bytes(b"defaced")
    assert build(out, seeds=corpus) == 0
    assert (out / "index.html").read_bytes() == original


def test_a_spliced_file_copies_the_pieces_it_already_holds(tmp_path, monkeypatch):
    """data/reports.json and .csv are spliced: a piece whose key the previous file holds is
    copied from it, never produced again; a previous file edited by hand is not used."""
    from nianbao.site.staged import Spliced, StagedSite, load_manifest, save_manifest
    from nianbao.site.writer import staging

    monkeypatch.setenv("NIANBAO_CACHE", str(tmp_path / "cache"))
    out = tmp_path / "_site"

    def write(pieces: list[tuple[str, str]], old: set[str] = frozenset()) -> bytes:
        def produce(key: str, text: str):
            def make() -> bytes:
                assert key not in old, f"piece {key} produced again"
                return text.encode()

            return make

        with staging(out) as tmp:
            site = StagedSite(tmp, out, load_manifest(out))
            spliced = Spliced(b"[", b",", b"]\n", [(k, produce(k, t)) for k, t in pieces])
            site.put_spliced("data/x.json", repr(pieces), spliced)
        save_manifest(out, site)
        return (out / "data/x.json").read_bytes()

    assert write([("a", "1"), ("b", "22")]) == b"[1,22]\n"
    assert write([("a", "1"), ("c", "333"), ("b", "22")], old={"a", "b"}) == b"[1,333,22]\n"
    (out / "data/x.json").write_bytes(b"[9,999,99]\n")
    assert write([("b", "22"), ("a", "1")]) == b"[22,1]\n"
