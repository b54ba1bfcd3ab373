"""Long fuzz run of the loader: ``python -m nianbao.fuzz --count 100000 --seed 1``.

Every input is made from (seed, index) alone, so any one can be regenerated: most are the
seeds mutated (lines deleted, duplicated or swapped, cells swapped, numbers replaced by
noise, random bytes, truncation, other encodings, other formats, hostile strings), some are
random text built from the seeds' own words, some random bytes. With ``--structure`` every
input is instead a hostile container built around a seed's text (``fuzz_hostile.py``: deep
or wide HTML, zip bombs and odd zips as .docx, PDFs with many pages or huge streams).
Each goes through ``load_report`` as a maintainer's file would, under the build's memory
budget (``budget.limit_memory``); an input fails when

- an exception escapes ``load_report`` (``raise``),
- the parser or a check crashed inside it (``parse.crash``/``check.crash``, ``crash``),
- the report is malformed: bad finding fields, lines out of range, NaN, not JSON (``malformed``),
- it takes longer than ``--timeout`` seconds, by default the build's budget (``timeout``),
- it ran out of the memory budget (``input.too_costly``, ``over_budget``): a reader is
  meant to refuse a costly input by its own bounds before the budget has to stop it.

Failing inputs are saved to ``--out`` (``<status>-<index>.bin`` and a ``.txt`` with the
recipe and traceback) and the summary is printed, with the throughput, the slowest input
and the highest peak memory (resident set) of a worker while it read one input. Runs on
all cores.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import random
import re
import signal
import sys
import time
import traceback
from dataclasses import dataclass, field
from pathlib import Path

from . import budget
from .fuzz_hostile import make_hostile
from .fuzz_text import MUTATORS, mutate, random_text
from .load import load_report
from .model import SEVERITIES, T3_ROWS, Report
from .serialize import to_json

__all__ = ["MUTATORS", "main", "make_input", "mutate", "problems", "run"]

_RULE = re.compile(r"^[a-z0-9_]+(\.[a-z0-9_]+)+$")


def make_input(seed: int, index: int, corpus: list[bytes], words: list[str], structure: bool = False) -> tuple[bytes, str, str]:
    """Input number ``index`` of run ``seed``: (data, file name, a description that reproduces it)."""
    rng = random.Random(f"{seed}:{index}")
    if structure:
        texts = [data.decode("utf-8", "replace") for data in corpus]
        return make_hostile(rng, texts)
    name = ("fuzz.txt", "fuzz.md", "fuzz.html", "fuzz.pdf", "fuzz.docx", "../弱 名.txt")[index % 6]
    r = rng.random()
    if r < 0.1:
        return random_text(rng, words), name, "random_text"
    if r < 0.13:
        return rng.randbytes(rng.randint(0, 4096)), name, "random_bytes"
    which = rng.randrange(len(corpus))
    recipe = [(rng.choice(sorted(MUTATORS)), rng.getrandbits(32)) for _ in range(rng.randint(1, 4))]
    return mutate(corpus[which], recipe), name, f"seed #{which} mutated by {recipe}"


def problems(report: object) -> list[str]:
    """What is wrong with a loaded report's shape (empty when it is well-formed)."""
    if not isinstance(report, Report):
        return [f"not a Report: {type(report).__name__}"]
    out = []
    if not re.fullmatch(r"[\w\-]{1,100}", report.id):
        out.append(f"unsafe id {report.id!r}")
    if not report.findings and not report.lines:
        out.append("no text and no finding")
    top = max(len(report.lines), 1)
    for f in report.findings:
        if not (_RULE.match(f.rule) and f.severity in SEVERITIES and isinstance(f.message, str) and f.message.strip()):
            out.append(f"bad finding {f.rule!r} {f.severity!r} {f.message!r}")
        if not all(isinstance(n, int) and 1 <= n <= top for n in f.lines):
            out.append(f"finding {f.rule} has lines {f.lines} outside 1..{top}")
        if f.rule in ("parse.crash", "check.crash"):
            out.append(f"parser crashed: {f.rule}: {f.message}")
        if f.rule == "input.too_costly":
            out.append(f"over budget: {f.message}")
    if report.table3 is not None and any(len(report.table3.rows[k]) != 7 for k in T3_ROWS):
        out.append("table 3 row without 7 cells")
    try:
        json.dumps(to_json(report, include_lines=True), allow_nan=False, ensure_ascii=False)
    except (TypeError, ValueError) as exc:
        out.append(f"not valid JSON: {exc}")
    return out


class _Timeout(BaseException):
    """Raised by the alarm; a BaseException so the loader's ``except Exception`` lets it out."""


def _alarm(_signum, _frame):
    raise _Timeout


def _check(data: bytes, name: str, timeout: float) -> tuple[str, str]:
    """(status, detail) for one input: "ok", "raise", "crash", "malformed", "over_budget" or "timeout"."""
    budget.limit_memory()
    signal.setitimer(signal.ITIMER_REAL, timeout)
    try:
        report = load_report(Path(name), data=data)
    except _Timeout:
        return "timeout", f"longer than {timeout} s"
    except Exception:  # noqa: BLE001 - this is what the fuzzer looks for
        return "raise", traceback.format_exc()
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
    found = problems(report)
    if any(p.startswith("parser crashed") for p in found):
        return "crash", "\n".join(found)
    if any(p.startswith("over budget") for p in found):
        return "over_budget", "\n".join(found)
    return ("malformed", "\n".join(found)) if found else ("ok", "")


_STATE: dict = {}


def _materials(seeds: list[Path]) -> tuple[list[bytes], list[str]]:
    """The seeds' bytes and their words, which inputs are made of."""
    corpus = [p.read_bytes() for p in seeds]
    return corpus, sorted({w for data in corpus for w in re.split(r"[\s\t]+", data.decode("utf-8", "replace")) if w})


def _init(seeds: list[Path], seed: int, timeout: float, out: Path, structure: bool) -> None:
    signal.signal(signal.SIGALRM, _alarm)
    corpus, words = _materials(seeds)
    _STATE.update(corpus=corpus, words=words, seed=seed, timeout=timeout, out=out, structure=structure)


def _run_chunk(indices: range) -> list[tuple[int, str, float, int, float]]:
    """Check a chunk of inputs in a worker: (index, status, seconds, bytes, peak MB) each;
    failing inputs are saved there and then."""
    s = _STATE
    results = []
    for index in indices:
        data, name, recipe = make_input(s["seed"], index, s["corpus"], s["words"], s["structure"])
        budget.reset_peak()
        start = time.perf_counter()
        status, detail = _check(data, name, s["timeout"])
        elapsed = time.perf_counter() - start
        if status != "ok":
            s["out"].mkdir(parents=True, exist_ok=True)
            (s["out"] / f"{status}-{index}.bin").write_bytes(data)
            (s["out"] / f"{status}-{index}.txt").write_text(
                f"seed {s['seed']} index {index} name {name}\n{recipe}\n\n{detail}\n", encoding="utf-8"
            )
        results.append((index, status, elapsed, len(data), budget.peak_mb()))
    return results


@dataclass
class _Tally:
    """What a run found so far: statuses, bytes, the slowest input and the highest peak
    memory, each as (value, index)."""

    counts: dict[str, int] = field(default_factory=dict)
    slowest: tuple[float, int] = (0.0, -1)
    peak: tuple[float, int] = (0.0, -1)
    total_bytes: int = 0
    done: int = 0

    def add(self, results: list[tuple[int, str, float, int, float]]) -> None:
        for index, status, elapsed, size, peak_mb in results:
            self.counts[status] = self.counts.get(status, 0) + 1
            self.slowest, self.peak = max(self.slowest, (elapsed, index)), max(self.peak, (peak_mb, index))
            self.total_bytes += size
        self.done += len(results)

    def line(self, count: int, seconds: float) -> str:
        return (
            f"{self.done}/{count} inputs, {self.done / seconds:.0f}/s, failures {self.done - self.counts.get('ok', 0)}, "
            f"slowest {self.slowest[0]:.2f} s (#{self.slowest[1]}), peak {self.peak[0]:.0f} MB (#{self.peak[1]})"
        )


def run(
    count: int, seed: int, jobs: int, seeds: list[Path], out: Path, timeout: float = budget.SECONDS, start: int = 0, structure: bool = False
) -> dict:
    """Fuzz ``count`` inputs on ``jobs`` processes; returns the summary."""
    size = 20 if structure else 200  # hostile inputs take longer: smaller chunks keep the cores busy
    chunks = [range(i, min(i + size, start + count)) for i in range(start, start + count, size)]
    tally = _Tally()
    began = time.perf_counter()
    with multiprocessing.get_context("fork").Pool(jobs, _init, (seeds, seed, timeout, out, structure)) as pool:
        for results in pool.imap_unordered(_run_chunk, chunks):
            tally.add(results)
            if tally.done % max(count // 20, 200) < len(results):  # about every 5 %
                print(tally.line(count, time.perf_counter() - began), file=sys.stderr, flush=True)
    wall = time.perf_counter() - began
    corpus, words = _materials(seeds)

    def describe(index: int) -> str:
        return make_input(seed, index, corpus, words, structure)[2][:300] if index >= 0 else ""

    return {
        "inputs": count,
        "seed": seed,
        "first_index": start,
        "structure": structure,
        "jobs": jobs,
        "counts": dict(sorted(tally.counts.items())),
        "failures": count - tally.counts.get("ok", 0),
        "seconds": round(wall, 1),
        "inputs_per_second": round(count / wall, 1),
        "mean_input_bytes": round(tally.total_bytes / max(count, 1)),
        "slowest_seconds": round(tally.slowest[0], 3),
        "slowest_index": tally.slowest[1],
        "slowest_input": describe(tally.slowest[1]),
        "peak_memory_mb": round(tally.peak[0], 1),
        "peak_memory_index": tally.peak[1],
        "peak_memory_input": describe(tally.peak[1]),
        "budget": {"seconds": budget.SECONDS, "memory_mb": budget.MEMORY_MB, "timeout": timeout},
        "reproducers": out.as_posix(),
    }


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m nianbao.fuzz", description="Fuzz the loader with mutated seeds and random input.")
    p.add_argument("--count", type=int, default=10000, help="number of inputs (default 10000)")
    p.add_argument("--seed", type=int, default=1, help="run seed: the same seed makes the same inputs")
    p.add_argument("--start", type=int, default=0, help="first input index (to replay one: --start N --count 1)")
    p.add_argument("--jobs", type=int, default=multiprocessing.cpu_count(), help="worker processes (default: all cores)")
    p.add_argument("--seeds", type=Path, default=Path("seeds"), help="folder of seed reports to mutate")
    p.add_argument("--out", type=Path, default=Path("fuzz-failures"), help="folder for failing inputs")
    p.add_argument("--timeout", type=float, default=budget.SECONDS, help="seconds one input may take (default: the build's budget)")
    p.add_argument("--structure", action="store_true", help="hostile containers (HTML, zip/.docx, PDF) instead of mutated text")
    args = p.parse_args(argv)
    seeds = sorted(q for q in args.seeds.iterdir() if q.is_file() and not q.name.startswith("."))
    if not seeds:
        print(f"no seed files in {args.seeds}", file=sys.stderr)
        return 2
    summary = run(args.count, args.seed, args.jobs, seeds, args.out, args.timeout, args.start, args.structure)
    print(json.dumps(summary, ensure_ascii=False, indent=1))
    return 1 if summary["failures"] else 0


if __name__ == "__main__":
    sys.exit(main())
