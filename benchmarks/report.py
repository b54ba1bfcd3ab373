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


def rows(r: dict) -> list[tuple[str, str]]:
    n, hugo = r["n"], r.get("hugo")
    h = hugo["run"] if hugo else None
    cold = r["cold"]
    peak = max((x.peak_rss for x in (cold, r.get("unchanged"), r.get("one_changed")) if x), default=0)
    return [
        ("parse exactness", r["exact"]),
        ("parse, 1 process", _rate(n, r["parse_1"])),
        ("parse, all cores", _rate(n, r["parse_par"])),
        ("cold build", _t(cold)),
        ("unchanged rebuild", f"{_t(r.get('unchanged'))} = {_ratio(r.get('unchanged'), cold)} of cold"),
        ("one report changed", f"{_t(r.get('one_changed'))} = {_ratio(r.get('one_changed'), cold)} of cold"),
        ("peak memory (process tree)", _mb(peak)),
        ("output", f"{_mb(r['out_bytes'])}, {r['out_files']} files"),
        ("hugo cold build", _t(h) + (f"; {_mb(hugo['out_bytes'])}, {hugo['out_files']} files" if hugo else " (hugo missing)")),
        ("ours ÷ hugo (cold)", f"{_ratio(cold, h)} wall, {_ratio(cold, h, cpu=True)} cpu"),
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
