"""Long fuzz run of the loader: ``python -m nianbao.fuzz --count 100000 --seed 1``.

Every input is made from (seed, index) alone, so any one can be regenerated: most are the
seeds mutated (lines deleted, duplicated or swapped, cells swapped, numbers replaced by
noise, random bytes, truncation, other encodings, other formats, hostile strings), some are
random text built from the seeds' own words, some random bytes. Each goes through
``load_report`` as a maintainer's file would; an input fails when

- an exception escapes ``load_report`` (``raise``),
- the parser or a check crashed inside it (``parse.crash``/``check.crash``, ``crash``),
- the report is malformed: bad finding fields, lines out of range, NaN, not JSON (``malformed``),
- it takes longer than ``--timeout`` seconds (``timeout``).

Failing inputs are saved to ``--out`` (``<status>-<index>.bin`` and a ``.txt`` with the
recipe and traceback) and the summary is printed, with the throughput. Runs on all cores.
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
from collections.abc import Callable
from pathlib import Path

from .load import load_report
from .model import SEVERITIES, T3_ROWS, Report
from .serialize import to_json

Mutator = Callable[[bytes, random.Random], bytes]

_RULE = re.compile(r"^[a-z0-9_]+(\.[a-z0-9_]+)+$")
_NUMBER = re.compile(rb"(?<![0-9.])[0-9]+(?:\.[0-9]+)?(?![0-9.])")
_NOISE = (
    b"-1",
    b"-999",
    b"2.5",
    b"0.001",
    b"99999999999",
    b"1" * 40,
    b"9" * 5000,
    b"1e5",
    b"NaN",
    b"inf",
    "３２".encode(),
    "增 18".encode(),
    "减3".encode(),
    "—".encode(),
    b"/",
    b"",
    b"1,234,567.89",
    b"00",
    b"+7",
)
_HOSTILE = (
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "javascript:alert(1)",
    "<!--",
    "-->",
    "{{ 7*7 }}",
    "{% raw %}",
    "[a](javascript:alert(1))",
    "\u202e",
    "\x00",
    "\ufeff",
    "\r",
    "\t\t\t",
    "|",
    "#",
)


def _lines(data: bytes) -> list[bytes]:
    return data.split(b"\n")


def delete_lines(data: bytes, rng: random.Random) -> bytes:
    lines = _lines(data)
    for _ in range(rng.randint(1, max(1, len(lines) // 8))):
        if lines:
            del lines[rng.randrange(len(lines))]
    return b"\n".join(lines)


def duplicate_lines(data: bytes, rng: random.Random) -> bytes:
    lines = _lines(data)
    i = rng.randrange(len(lines))
    j = min(len(lines), i + rng.randint(1, 30))
    return b"\n".join(lines[:j] + lines[i:j] + lines[j:])


def swap_lines(data: bytes, rng: random.Random) -> bytes:
    lines = _lines(data)
    for _ in range(rng.randint(1, 5)):
        i, j = rng.randrange(len(lines)), rng.randrange(len(lines))
        lines[i], lines[j] = lines[j], lines[i]
    return b"\n".join(lines)


def swap_cells(data: bytes, rng: random.Random) -> bytes:
    lines = _lines(data)
    rows = [i for i, line in enumerate(lines) if b"\t" in line] or [0]
    for _ in range(rng.randint(1, 6)):
        i = rng.choice(rows)
        cells = lines[i].split(b"\t")
        a, b = rng.randrange(len(cells)), rng.randrange(len(cells))
        cells[a], cells[b] = cells[b], cells[a]
        if rng.random() < 0.3:
            del cells[rng.randrange(len(cells))]
        lines[i] = b"\t".join(cells)
    return b"\n".join(lines)


def number_noise(data: bytes, rng: random.Random) -> bytes:
    spans = [m.span() for m in _NUMBER.finditer(data)]
    for a, b in sorted(rng.sample(spans, min(len(spans), rng.randint(1, 8))), reverse=True):
        data = data[:a] + rng.choice(_NOISE) + data[b:]
    return data


def random_bytes(data: bytes, rng: random.Random) -> bytes:
    out = bytearray(data)
    for _ in range(rng.randint(1, 20)):
        at = rng.randrange(len(out) + 1)
        out[at:at] = rng.randbytes(rng.randint(1, 16))
    return bytes(out)


def flip_bytes(data: bytes, rng: random.Random) -> bytes:
    out = bytearray(data)
    for _ in range(rng.randint(1, 32)):
        if out:
            out[rng.randrange(len(out))] = rng.randrange(256)
    return bytes(out)


def truncate(data: bytes, rng: random.Random) -> bytes:
    return data[: rng.randrange(len(data) + 1)]  # may cut a UTF-8 character in half


def reencode(data: bytes, rng: random.Random) -> bytes:
    text = data.decode("utf-8", errors="replace")
    enc = rng.choice(("gb18030", "utf-16", "utf-16-le", "utf-16-be", "utf-8-sig", "big5"))
    return text.encode(enc, errors="replace")


def splice(data: bytes, rng: random.Random) -> bytes:
    lines = _lines(data)
    cut = rng.randrange(len(lines) + 1)
    other = list(reversed(lines)) if rng.random() < 0.5 else lines[rng.randrange(len(lines)) :]
    return b"\n".join(lines[:cut] + other)


def hostile(data: bytes, rng: random.Random) -> bytes:
    lines = _lines(data)
    for _ in range(rng.randint(1, 6)):
        i = rng.randrange(len(lines))
        at = rng.randrange(len(lines[i]) + 1)
        lines[i] = lines[i][:at] + rng.choice(_HOSTILE).encode() + lines[i][at:]
    return b"\n".join(lines)


def reformat(data: bytes, rng: random.Random) -> bytes:
    """The same text as another form: markdown pipes, spaces (PDF-like), an HTML table."""
    choice = rng.randrange(4)
    if choice == 0:
        return b"\n".join(b"| " + line.replace(b"\t", b" | ") + b" |" if b"\t" in line else line for line in _lines(data))
    if choice == 1:
        return data.replace(b"\t", b" " * rng.randint(1, 3))
    if choice == 2:
        return data.replace(b"\n", b"\r\n" if rng.random() < 0.5 else b"\r")
    rows = b"".join(b"<tr><td>" + line.replace(b"\t", b"</td><td>") + b"</td></tr>\n" for line in _lines(data))
    return b"<html><body><table>\n" + rows + b"</table></body></html>"


def wrap_magic(data: bytes, rng: random.Random) -> bytes:
    """A magic number in front: the other readers (PDF, DOCX, HTML) get garbage too."""
    return rng.choice((b"%PDF-1.4\n", b"PK\x03\x04", b"<!DOCTYPE html>", b"\xef\xbb\xbf", b"\xff\xfe", b"\x89PNG\r\n\x1a\n")) + data


MUTATORS: dict[str, Mutator] = {
    f.__name__: f
    for f in (
        delete_lines,
        duplicate_lines,
        swap_lines,
        swap_cells,
        number_noise,
        random_bytes,
        flip_bytes,
        truncate,
        reencode,
        splice,
        hostile,
        reformat,
        wrap_magic,
    )
}


def mutate(data: bytes, recipe: list[tuple[str, int]]) -> bytes:
    """Apply mutators by name, each with its own seeded generator (the recipe replays it)."""
    for name, seed in recipe:
        if data:
            data = MUTATORS[name](data, random.Random(seed))
    return data


def random_text(rng: random.Random, words: list[str]) -> bytes:
    """Text made of the seeds' own words, numbers and separators: near-misses of a report."""
    parts = []
    for _ in range(rng.randint(0, 400)):
        r = rng.random()
        if r < 0.6 and words:
            parts.append(rng.choice(words))
        elif r < 0.75:
            parts.append(str(rng.choice((0, 1, 7, 2025, -3, 10 ** rng.randint(1, 30)))))
        elif r < 0.95:
            parts.append(rng.choice(("\t", "\n", " ", "\n\n", "|", "、", "（", "）", "#", "：")))
        else:
            parts.append(chr(rng.randint(0x20, 0x10FFFF)) if rng.random() < 0.5 else rng.choice(_HOSTILE))
    return "".join(parts).encode("utf-8", errors="surrogatepass")


def make_input(seed: int, index: int, corpus: list[bytes], words: list[str]) -> tuple[bytes, str]:
    """Input number ``index`` of run ``seed``, and a description that reproduces it."""
    rng = random.Random(f"{seed}:{index}")
    r = rng.random()
    if r < 0.1:
        return random_text(rng, words), "random_text"
    if r < 0.13:
        return rng.randbytes(rng.randint(0, 4096)), "random_bytes"
    which = rng.randrange(len(corpus))
    recipe = [(rng.choice(sorted(MUTATORS)), rng.getrandbits(32)) for _ in range(rng.randint(1, 4))]
    return mutate(corpus[which], recipe), f"seed #{which} mutated by {recipe}"


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
    """(status, detail) for one input: "ok", "raise", "crash", "malformed" or "timeout"."""
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
    return ("malformed", "\n".join(found)) if found else ("ok", "")


_STATE: dict = {}


def _init(seeds: list[Path], seed: int, timeout: float, out: Path) -> None:
    signal.signal(signal.SIGALRM, _alarm)
    corpus = [p.read_bytes() for p in seeds]
    words = sorted({w for data in corpus for w in re.split(r"[\s\t]+", data.decode("utf-8", "replace")) if w})
    _STATE.update(corpus=corpus, words=words, seed=seed, timeout=timeout, out=out)


def _run_chunk(indices: range) -> list[tuple[int, str, float, int]]:
    """Check a chunk of inputs in a worker; failing inputs are saved there and then."""
    s = _STATE
    results = []
    for index in indices:
        data, recipe = make_input(s["seed"], index, s["corpus"], s["words"])
        name = ("fuzz.txt", "fuzz.md", "fuzz.html", "fuzz.pdf", "fuzz.docx", "../弱 名.txt")[index % 6]
        start = time.perf_counter()
        status, detail = _check(data, name, s["timeout"])
        elapsed = time.perf_counter() - start
        if status != "ok":
            s["out"].mkdir(parents=True, exist_ok=True)
            (s["out"] / f"{status}-{index}.bin").write_bytes(data)
            (s["out"] / f"{status}-{index}.txt").write_text(
                f"seed {s['seed']} index {index} name {name}\n{recipe}\n\n{detail}\n", encoding="utf-8"
            )
        results.append((index, status, elapsed, len(data)))
    return results


def run(count: int, seed: int, jobs: int, seeds: list[Path], out: Path, timeout: float = 10.0, start: int = 0) -> dict:
    """Fuzz ``count`` inputs on ``jobs`` processes; returns the summary."""
    chunks = [range(i, min(i + 200, start + count)) for i in range(start, start + count, 200)]
    counts: dict[str, int] = {}
    slowest = (0.0, -1)
    total_bytes = 0
    began = time.perf_counter()
    with multiprocessing.get_context("fork").Pool(jobs, _init, (seeds, seed, timeout, out)) as pool:
        done = 0
        for results in pool.imap_unordered(_run_chunk, chunks):
            for index, status, elapsed, size in results:
                counts[status] = counts.get(status, 0) + 1
                slowest = max(slowest, (elapsed, index))
                total_bytes += size
            done += len(results)
            if done % max(count // 20, 200) < len(results):  # about every 5 %
                rate = done / (time.perf_counter() - began)
                print(f"{done}/{count} inputs, {rate:.0f}/s, failures {done - counts.get('ok', 0)}", file=sys.stderr, flush=True)
    wall = time.perf_counter() - began
    return {
        "inputs": count,
        "seed": seed,
        "first_index": start,
        "jobs": jobs,
        "counts": dict(sorted(counts.items())),
        "failures": count - counts.get("ok", 0),
        "seconds": round(wall, 1),
        "inputs_per_second": round(count / wall, 1),
        "mean_input_bytes": round(total_bytes / max(count, 1)),
        "slowest_seconds": round(slowest[0], 3),
        "slowest_index": slowest[1],
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
    p.add_argument("--timeout", type=float, default=10.0, help="seconds one input may take")
    args = p.parse_args(argv)
    seeds = sorted(q for q in args.seeds.iterdir() if q.is_file() and not q.name.startswith("."))
    if not seeds:
        print(f"no seed files in {args.seeds}", file=sys.stderr)
        return 2
    summary = run(args.count, args.seed, args.jobs, seeds, args.out, args.timeout, args.start)
    print(json.dumps(summary, ensure_ascii=False, indent=1))
    return 1 if summary["failures"] else 0


if __name__ == "__main__":
    sys.exit(main())
