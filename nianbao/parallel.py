"""Load many files fast: the parse cache first, then the misses across all cores.

Results come back in input order whatever order the workers finish in, and each report
is exactly what ``load_file.load_report`` gives for its file (a worker runs that function;
its lines come back as one string, ``SourceLines``), so
the build's output does not depend on the number of cores or on the cache. Every file is
read under the per-input budget (``budget.py``): one that runs out of time or memory gets
an ``input.too_costly`` report and the others go on.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Iterator, Sequence
from pathlib import Path

from . import budget, cache, load_file
from .load_file import load_report, over_budget, spent
from .model import Report
from .parse import report_id
from .progress import Progress


class SourceLines(Sequence):
    """A loaded report's source lines as one string joined by newlines, read like the list
    (iteration, ``len``, index, ``==``). A list holds ~200 str objects a report, most of
    its bytes object headers: at 10,000 reports ~185 MB of the build's memory, and twice
    that in the tree once the page renderer is forked."""

    __slots__ = ("text", "count")

    def __init__(self, text: str, count: int):
        self.text, self.count = text, count

    def __len__(self) -> int:
        return self.count

    def __iter__(self) -> Iterator[str]:
        return iter(self.text.split("\n") if self.count else ())

    def __getitem__(self, index):
        return (self.text.split("\n") if self.count else [])[index]

    def __eq__(self, other: object) -> bool:
        return isinstance(other, (list, tuple, SourceLines)) and list(self) == list(other)

    def __repr__(self) -> str:
        return repr(list(self))


def compact(report: Report) -> Report:
    """``report`` with its lines as SourceLines, unless a line holds a newline itself."""
    lines = report.lines
    if isinstance(lines, list):
        text = "\n".join(lines)
        if text.count("\n") == max(len(lines) - 1, 0):
            report.lines = SourceLines(text, len(lines))  # type: ignore[assignment]
    return report


def _load_compact(path: Path, source: str) -> Report:
    return compact(load_report(path, source))  # in the worker: only the joined text is sent


#: Below this many files to parse, one worker process does them all (starting more costs
#: more than it saves); the budget needs that one in any case.
MIN_PARALLEL = 64


def workers() -> int:
    """Worker processes: NIANBAO_JOBS, else every core this process may use."""
    value = os.environ.get("NIANBAO_JOBS", "")
    if value.isdigit() and int(value) > 0:
        return int(value)
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def load_many(paths: list[Path], sources: list[str]) -> list[Report]:
    """``load_report(path, source)`` for every pair, in order; cached files are not parsed."""
    reports: list[Report | None] = [None] * len(paths)
    keys: list[str | None] = [None] * len(paths)
    todo: list[int] = []
    with Progress(len(paths), "读取报告") as bar:
        # The cached reports are millions of small objects that all live on: the cyclic
        # garbage collector would rescan them again and again while they are read (10,000
        # reports: ~35 % of the reading), and again in the first collections after.
        # It is back on before the workers are forked.
        enabled = gc.isenabled()
        many = len(paths) >= MIN_PARALLEL
        if many:
            gc.collect()  # so that no garbage is frozen below
        gc.disable()
        try:
            for i, (path, source) in enumerate(zip(paths, sources, strict=True)):
                keys[i], reports[i] = _cached(path, source)
                if reports[i] is None:
                    todo.append(i)
                else:
                    bar.update()
        finally:
            if many:
                gc.freeze()  # out of the collector's sight for good (2,000 reports: ~0.4 cpu-s)
            if enabled:
                gc.enable()
        for i, report in _parse(todo, paths, sources, bar):
            reports[i] = report
            if keys[i] is not None and not spent(report):  # the budget depends on the machine's load
                cache.put(keys[i], report)
    return reports  # type: ignore[return-value]


def _cached(path: Path, source: str) -> tuple[str | None, Report | None]:
    """The cache key of the file's bytes (None when unreadable or too large) and its cached report."""
    try:
        data = path.read_bytes() if path.stat().st_size <= load_file.MAX_INPUT_BYTES else None
    except OSError:
        return None, None  # load_report explains the problem as a finding
    if data is None:
        return None, None
    key = cache.cache_key(data)
    report = cache.get(key, report_id(path), source)
    return key, compact(report) if report is not None else None


def _parse(todo: list[int], paths: list[Path], sources: list[str], bar: Progress):
    """(index, report) for every index in ``todo``, in the order they finish."""
    jobs = workers() if len(todo) >= MIN_PARALLEL else 1
    results = budget.bounded_map(_load_compact, [(paths[i], sources[i]) for i in todo], jobs, spent)
    for k, result in results:
        i = todo[k]
        yield i, over_budget(paths[i], sources[i], result) if isinstance(result, budget.Over) else result
        bar.update()
