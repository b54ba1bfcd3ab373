"""Benchmark results as a text table and as benchmarks/RESULTS.md."""

from __future__ import annotations

from pathlib import Path

from benchmarks.measure import Run


def _t(run: Run | None) -> str:
    if run is None:
        return "—"
    if not run.ok:
        return "FAILED"
    return f"{run.wall:.1f} s ({run.cpu:.1f} cpu)"


def _mb(n: int) -> str:
    return f"{n / 1e6:.0f} MB" if n >= 1e6 else f"{n / 1e3:.0f} kB"


def _ratio(a: Run | None, b: Run | None, cpu: bool = False) -> str:
    if not a or not b or not a.ok or not b.ok:
        return "—"
    x, y = (a.cpu, b.cpu) if cpu else (a.wall, b.wall)
    return f"{x / y:.2f}×" if y else "—"


def _rate(n: int, run: Run | None) -> str:
    if not run or not run.ok:
        return "FAILED" if run else "—"
    return f"{n / run.wall:.0f}/s wall, {n / run.cpu:.0f}/s per cpu-s"


#: Issue 11's targets (benchmarks only, never timed tests).
COLD_VS_HUGO = {2000: 4.0, 10000: 5.0}
"""Cold build ÷ Hugo's cold build on the same page count, at most (wall time)."""
ONE_CHANGED = 0.10
UNCHANGED = 0.05
PARSE_PER_CPU = 1000
"""Reports parsed per CPU-second per core (one process, every check included)."""
PEAK_BYTES = {10000: 1e9}
PAGE_BYTES = 50_000
"""The median report page's HTML."""


def _verdict(ok: bool | None) -> str:
    return "" if ok is None else (" — **met**" if ok else " — **not met**")


def _share(a: Run | None, b: Run | None, target: float) -> str:
    if not a or not b or not a.ok or not b.ok or not b.wall:
        return f"{_t(a)} = — of cold"
    return f"{_t(a)} = {a.wall / b.wall:.2f}× of cold (target ≤ {target:.2f}×){_verdict(a.wall / b.wall <= target)}"


def _vs_hugo(n: int, cold: Run | None, h: Run | None) -> str:
    text = f"{_ratio(cold, h)} wall, {_ratio(cold, h, cpu=True)} cpu"
    target = COLD_VS_HUGO.get(n)
    if target is None or not cold or not h or not cold.ok or not h.ok or not h.wall:
        return text
    return f"{text} (target ≤ {target:.0f}× wall){_verdict(cold.wall / h.wall <= target)}"


def _parse_rate(n: int, run: Run | None) -> str:
    text = _rate(n, run)
    if not run or not run.ok or not run.cpu:
        return text
    return f"{text} (target ≥ {PARSE_PER_CPU:,} per cpu-s){_verdict(n / run.cpu >= PARSE_PER_CPU)}"


def _peak(n: int, peak: int) -> str:
    target = PEAK_BYTES.get(n)
    return _mb(peak) + ("" if target is None else f" (target ≤ {target / 1e9:.0f} GB){_verdict(peak <= target)}")


def _page(r: dict) -> str:
    size = r.get("page_median")
    if not size:
        return "—"
    return f"{size / 1e3:.1f} kB median, {r['page_max'] / 1e3:.0f} kB largest (target ≤ {PAGE_BYTES / 1e3:.0f} kB){_verdict(size <= PAGE_BYTES)}"


def rows(r: dict) -> list[tuple[str, str]]:
    n, hugo = r["n"], r.get("hugo")
    h = hugo["run"] if hugo else None
    cold = r["cold"]
    peak = max((x.peak_rss for x in (cold, r.get("unchanged"), r.get("one_changed")) if x), default=0)
    return [
        ("parse exactness", r["exact"]),
        ("parse, 1 process", _parse_rate(n, r["parse_1"])),
        ("parse, all cores", _rate(n, r["parse_par"])),
        ("cold build", _t(cold)),
        ("unchanged rebuild", _share(r.get("unchanged"), cold, UNCHANGED)),
        ("one report changed", _share(r.get("one_changed"), cold, ONE_CHANGED)),
        ("peak memory (process tree)", _peak(n, peak)),
        ("output", f"{_mb(r['out_bytes'])}, {r['out_files']} files"),
        ("report page HTML", _page(r)),
        ("hugo cold build", _t(h) + (f"; {_mb(hugo['out_bytes'])}, {hugo['out_files']} files" if hugo else " (hugo missing)")),
        ("ours ÷ hugo (cold)", _vs_hugo(n, cold, h)),
    ]


def table(results: list[dict]) -> str:
    names = [name for name, _ in rows(results[0])]
    cols = [dict(rows(r)) for r in results]
    head = "| | " + " | ".join(f"N = {r['n']:,}" for r in results) + " |"
    sep = "|---" * (len(results) + 1) + "|"
    body = ["| " + name + " | " + " | ".join(c[name] for c in cols) + " |" for name in names]
    fails = [f"- N={r['n']} {k}: {v.tail}" for r in results for k, v in r.items() if isinstance(v, Run) and not v.ok]
    return "\n".join([head, sep, *body, *(["", "Failures:", *fails] if fails else [])])


def write_results(path: Path, info: dict, results: list[dict]) -> None:
    machine = "\n".join(f"- {k}: {v}" for k, v in info.items())
    intro = path.read_text(encoding="utf-8").split("<!-- run -->")[0] if path.exists() else "# Benchmark results\n\n"
    sizes = " ".join(f"-n {r['n']}" for r in results)
    text = f"{intro}<!-- run -->\n## Last full run\n\nCommand: `python benchmarks/run.py {sizes} --write-results`\n\n{machine}\n\n{table(results)}\n"
    path.write_text(text, encoding="utf-8")
