"""Load many files fast: the parse cache first, then the misses across all cores.

Results come back in input order whatever order the workers finish in, and each report
is exactly what ``load.load_report`` gives for its file (a worker runs that function), so
the build's output does not depend on the number of cores or on the cache.
"""

from __future__ import annotations

import os
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from . import cache
from .model import Report
from .parse import report_id
from .progress import Progress

#: Below this many files to parse, starting worker processes costs more than it saves.
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
    from .load import MAX_INPUT_BYTES

    reports: list[Report | None] = [None] * len(paths)
    keys: list[str | None] = [None] * len(paths)
    todo: list[int] = []
    with Progress(len(paths), "读取报告") as bar:
        for i, (path, source) in enumerate(zip(paths, sources, strict=True)):
            try:
                data = path.read_bytes() if path.stat().st_size <= MAX_INPUT_BYTES else None
            except OSError:
                data = None  # load_report explains the problem as a finding
            if data is not None:
                keys[i] = cache.cache_key(data)
                reports[i] = cache.get(keys[i], report_id(path), source)
            if reports[i] is None:
                todo.append(i)
            else:
                bar.update()
        for i, report in _parse(todo, paths, sources, bar):
            reports[i] = report
            if keys[i] is not None:
                cache.put(keys[i], report)
    return reports  # type: ignore[return-value]


def _parse(todo: list[int], paths: list[Path], sources: list[str], bar: Progress):
    """(index, report) for every index in ``todo``, in order."""
    from .load import load_report

    jobs = min(workers(), len(todo))
    if jobs < 2 or len(todo) < MIN_PARALLEL:
        for i in todo:
            yield i, load_report(paths[i], source=sources[i])
            bar.update()
        return
    chunk = max(1, min(32, len(todo) // (jobs * 8)))
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        results = pool.map(_load_one, [(paths[i], sources[i]) for i in todo], chunksize=chunk)
        for i, report in zip(todo, results, strict=True):
            yield i, report
            bar.update()


def _load_one(args: tuple[Path, str]) -> Report:
    from .load import load_report

    path, source = args
    return load_report(path, source=source)
