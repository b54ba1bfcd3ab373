#!/usr/bin/env python3
"""The scale benchmark: parse throughput, builds, memory, output size, and Hugo for comparison.

    python benchmarks/run.py                 # N = 100, 1000, 10000
    python benchmarks/run.py -n 2000 -n 10000   # issue 11's sizes, each figure beside its target
    python benchmarks/run.py -n 1000 --write-results

For each N it generates the corpus (benchmarks/out/corpus-N, reused when present), checks
that parsing stayed exact, then times in fresh processes: parse (one process, then the
build's parallel loader), a cold build (empty cache and output), a rebuild with nothing
changed, a rebuild after one report changed, and Hugo building N Markdown pages that carry
the same text. Wall time and CPU time are both printed: on a shared machine wall time
includes waiting for the CPU. Results go to stdout and, with --write-results, to RESULTS.md.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "benchmarks" / "out"
PY = sys.executable
sys.path.insert(0, str(ROOT))

from benchmarks.hugo import hugo_site, hugo_version, install_hugo  # noqa: E402
from benchmarks.measure import Run, du, measure  # noqa: E402

# Build in a child process, exactly as `python build.py` does (altair's 5,000-row limit is no
# longer lifted: since the site's charts aggregate, no chart has a bar per report).
BUILD = "import sys; from nianbao.cli import main; sys.exit(main(['build', '--seeds', sys.argv[1], '--out', sys.argv[2]]))"
PARSE = (
    "import sys, time; from pathlib import Path; from nianbao.load import discover, load_reports; "
    "s = Path(sys.argv[1]); p = discover(s); load_reports(p, root=s)"
)


def corpus(n: int) -> Path:
    path = OUT / f"corpus-{n}"
    if not (path / "manifest.json").is_file():
        subprocess.run([PY, str(ROOT / "benchmarks" / "make_corpus.py"), str(n), "--out", str(path)], check=True)
    return path


def exactness(path: Path) -> str:
    res = subprocess.run([PY, str(ROOT / "benchmarks" / "verify.py"), str(path)], capture_output=True, text=True, env=_env(None, "off"))
    lines = res.stdout.strip().splitlines()
    for line in lines[:-1][:20]:
        print("   ", line)
    return lines[-1] if lines else res.stderr.strip()[-300:]


def _env(cache: Path | None, jobs: str | None = None) -> dict:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    env["NIANBAO_CACHE"] = str(cache) if cache else "off"
    if jobs:
        env["NIANBAO_JOBS"] = jobs
    return env


def bench(n: int, timeout: float) -> dict:
    """Every measurement for one N."""
    path = corpus(n)
    seeds, work = path / "seeds", OUT / f"work-{n}"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    cache, site = work / "cache", work / "_site"
    r: dict = {"n": n, "exact": exactness(path)}
    print(f"N={n}: {r['exact']}", flush=True)
    one = measure([PY, "-c", PARSE, str(seeds)], _env(None, "1"), timeout)
    par = measure([PY, "-c", PARSE, str(seeds)], _env(None), timeout)
    r["parse_1"], r["parse_par"] = one, par
    cold = measure([PY, "-c", BUILD, str(seeds), str(site)], _env(cache), timeout)
    r["cold"] = cold
    r["unchanged"] = measure([PY, "-c", BUILD, str(seeds), str(site)], _env(cache), timeout) if cold.ok else None
    r["one_changed"] = _one_changed(seeds, site, cache, timeout) if cold.ok else None
    r["out_bytes"], r["out_files"] = du(site)
    sizes = sorted(p.stat().st_size for p in (site / "reports").glob("*.html")) if (site / "reports").is_dir() else []
    r["page_median"], r["page_max"] = (sizes[len(sizes) // 2], sizes[-1]) if sizes else (0, 0)
    r["hugo"] = hugo_site(seeds, work / "hugo", timeout)
    return r


def _one_changed(seeds: Path, site: Path, cache: Path, timeout: float) -> Run:
    """Edit one report (a sentence added to its last section), rebuild, restore it."""
    victim = sorted(seeds.iterdir())[len(list(seeds.iterdir())) // 2]
    original = victim.read_bytes()
    try:
        victim.write_bytes(original + "本报告已于发布后更正一处文字。\n".encode(_encoding(original)))
        return measure([PY, "-c", BUILD, str(seeds), str(site)], _env(cache), timeout)
    finally:
        victim.write_bytes(original)


def _encoding(data: bytes) -> str:
    try:
        data.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        return "gb18030"


def machine() -> dict:
    cpu = next(
        (line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines() if line.startswith("model name")), "?"
    )
    mem = next((line.split()[1] for line in Path("/proc/meminfo").read_text().splitlines() if line.startswith("MemTotal")), "0")
    return {
        "nproc": os.cpu_count(),
        "cpu": cpu,
        "memory_gb": round(int(mem) / 1024 / 1024, 1),
        "python": platform.python_version(),
        "hugo": hugo_version(),
        "kernel": platform.release(),
        "load_at_start": os.getloadavg(),
        "date": time.strftime("%Y-%m-%d %H:%M"),
    }


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description="nianbao scale benchmark (see benchmarks/README.md)")
    p.add_argument("-n", type=int, action="append", help="corpus size (repeatable; default 100, 1000, 10000)")
    p.add_argument("--timeout", type=float, default=3600, help="seconds allowed per timed command")
    p.add_argument("--write-results", action="store_true", help="write benchmarks/RESULTS.md")
    args = p.parse_args(argv)
    install_hugo()
    info = machine()
    print(json.dumps(info, ensure_ascii=False))
    results = []
    for n in args.n or [100, 1000, 10000]:
        results.append(bench(n, args.timeout))
        from benchmarks.report import table

        print(table(results))
    if args.write_results:
        from benchmarks.report import write_results

        write_results(ROOT / "benchmarks" / "RESULTS.md", info, results)
    return 0


if __name__ == "__main__":
    sys.exit(main())
