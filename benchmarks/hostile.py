#!/usr/bin/env python3
"""Issue 13's acceptance check: the seeds plus two hostile files, built in a fresh process.

    python benchmarks/hostile.py                      # 20,000-deep HTML + a 1.5 GB zip-bomb .docx
    python benchmarks/hostile.py --depth 200000 --bomb-mb 4000 --linearity

Copies ``seeds/`` into a temporary folder, adds ``deep.html`` (a report title inside <div>
nested --depth levels), ``bomb.docx`` (word/document.xml inflating to --bomb-mb MB) and
``bomb-lying.docx`` (the same, declaring 0 bytes), runs
``build.py -v`` on it with the cache off and prints the wall time, the CPU time, the peak memory
of the whole process tree (the sum of every process's RSS, sampled every 50 ms) and the
build's lines that name the two files. ``--linearity`` also times reading nested HTML at
2,000, 20,000 and 200,000 levels (time should grow with the size, not its square): timings
belong here, not in the unit tests.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.measure import _sample  # noqa: E402
from nianbao.fuzz_hostile import bomb_docx  # noqa: E402

TITLE = "<h1>某某区人民政府2024年政府信息公开工作年度报告</h1><p>一、总体情况</p>"


def nested_html(depth: int) -> bytes:
    return ("<html><body>" + "<div>" * depth + TITLE + "</div>" * depth + "</body></html>").encode()


def build(seeds: Path, site: Path, timeout: float) -> tuple[float, float, int, int, str]:
    """(wall s, cpu s, peak tree RSS bytes, exit code, output) of one build."""
    env = dict(os.environ, NIANBAO_CACHE="off", PYTHONPATH=str(ROOT))
    before = os.times()
    start = time.monotonic()
    cmd = [sys.executable, str(ROOT / "build.py"), "--seeds", str(seeds), "--out", str(site), "-v"]
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    peak, done = [0], threading.Event()
    sampler = threading.Thread(target=_sample, args=(proc.pid, peak, done), daemon=True)
    sampler.start()
    out, _err = proc.communicate(timeout=timeout)
    wall = time.monotonic() - start
    done.set()
    sampler.join()
    after = os.times()
    cpu = after.children_user - before.children_user + after.children_system - before.children_system
    return wall, cpu, peak[0], proc.returncode, out.decode("utf-8", "replace")


def linearity() -> None:
    from nianbao.ingest.html import read_html

    for depth in (2_000, 20_000, 200_000):
        data = nested_html(depth)
        start = time.perf_counter()
        doc = read_html(Path("deep.html"), data)
        took = time.perf_counter() - start
        print(f"read_html, {depth:>7,} deep ({len(data) / 1e6:.1f} MB): {took:.2f} s, {[f.rule for f in doc.findings]}")
    _text_linearity()


def _text_linearity() -> None:
    """The parser on text shapes that were superlinear: a line of spaces (the breadcrumb
    test), thousands of lines with no sentence end (paragraph joining)."""
    from nianbao.ingest import Document
    from nianbao.parse import parse_document

    title = "某某县人民政府2024年政府信息公开工作年度报告"
    for n in (4_000, 40_000):
        shapes = {"a line of spaces": [title, " " * n], "lines without 。": [title, "一、总体情况"] + [f"第{i}行" for i in range(n)]}
        for name, lines in shapes.items():
            start = time.perf_counter()
            parse_document(Document(Path("t.txt"), "text", lines))
            print(f"parse_document, {name}, n = {n:>6,}: {time.perf_counter() - start:.2f} s")


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--depth", type=int, default=20_000, help="nesting of deep.html (default 20,000)")
    p.add_argument("--bomb-mb", type=int, default=1500, help="MB word/document.xml inflates to (default 1500)")
    p.add_argument("--timeout", type=float, default=600)
    p.add_argument("--linearity", action="store_true", help="also time reading nested HTML at three depths")
    args = p.parse_args()
    with tempfile.TemporaryDirectory(prefix="nianbao-hostile-") as tmp:
        seeds = Path(tmp) / "seeds"
        shutil.copytree(ROOT / "seeds", seeds)
        (seeds / "deep.html").write_bytes(nested_html(args.depth))
        (seeds / "bomb.docx").write_bytes(bomb_docx(args.bomb_mb))
        (seeds / "bomb-lying.docx").write_bytes(bomb_docx(args.bomb_mb, declared=0))  # says 0 bytes
        sizes = {name: (seeds / name).stat().st_size for name in ("deep.html", "bomb.docx")}
        wall, cpu, peak, code, out = build(seeds, Path(tmp) / "_site", args.timeout)
    print(
        f"inputs: seeds/ + deep.html ({args.depth:,} deep, {sizes['deep.html'] / 1e6:.2f} MB) "
        f"+ bomb.docx and bomb-lying.docx ({sizes['bomb.docx'] / 1e6:.2f} MB, inflating to {args.bomb_mb:,} MB, "
        f"the second declaring 0 bytes); {os.cpu_count()} cores"
    )
    print(f"build: exit {code}, {wall:.1f} s wall, {cpu:.1f} s CPU, peak memory of the process tree {peak / 2**20:.0f} MB")
    for line in out.splitlines():
        if any(name in line for name in ("deep.html", "bomb.docx", "bomb-lying.docx")):
            print("  " + line.strip()[:300])
    if args.linearity:
        linearity()
    return code


if __name__ == "__main__":
    sys.exit(main())
