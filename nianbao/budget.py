"""A budget per input: every file is read in a worker process that is stopped when it
runs out of time or memory, so no small hostile file can stall the build or exhaust the
machine's memory.

``bounded_map(fn, items, jobs, spent)`` runs ``fn(*item)`` for every item in forked workers (a
chunk of items at a time, so the normal case pays one pipe message per file, not a process
per file). Each input gets ``SECONDS`` of wall time, counted from the moment its worker
starts it, and ``MEMORY_MB`` of address space above what the worker holds before it
(``RLIMIT_AS``, reset before every input). A worker past its time is killed and replaced by
a fresh one; one that runs out of memory gets a MemoryError (``fn`` turns it into a result
that ``spent(result)`` recognises, or it becomes an ``Over``) and is replaced after
answering, its memory possibly fragmented; one that dies on its own is replaced too. The inputs of
its chunk it had not started are handed to the other workers, so one bad file costs only
its own result. The result for an input that did not finish is an ``Over`` naming what ran
out.

Without ``os.fork`` (not Linux) the items run in this process, unbounded.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import signal
import time
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait

log = logging.getLogger(__name__)


def _setting(name: str, default: float) -> float:
    try:
        value = float(os.environ.get(name, ""))
    except ValueError:
        return default
    return value if value > 0 else default


#: Wall time one input may take (NIANBAO_BUDGET_SECONDS). A report takes 2-50 ms, a
#: 20 MB scanned PDF a few seconds.
SECONDS = _setting("NIANBAO_BUDGET_SECONDS", 20.0)
#: Memory one input may take above the worker's own, in MB (NIANBAO_BUDGET_MB).
MEMORY_MB = _setting("NIANBAO_BUDGET_MB", 1024.0)


@dataclass(slots=True, frozen=True)
class Over:
    """An input that did not finish: ``what`` ran out ("time", "memory"), or the worker
    died of ``signal`` ("crash")."""

    what: str
    seconds: float = 0.0
    signal: int = 0


def limit_memory(megabytes: float | None = None) -> None:
    """Let this process grow by at most ``megabytes`` from now on (Linux: RLIMIT_AS).

    Allocations past it raise MemoryError (in C libraries too: lxml, zlib), where the
    kernel's out-of-memory killer would otherwise stop the whole build.
    """
    import resource

    try:
        with open("/proc/self/statm", "rb") as fh:
            current = int(fh.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
        _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        want = current + int((megabytes or MEMORY_MB) * 1024 * 1024)
        resource.setrlimit(resource.RLIMIT_AS, (want if hard == resource.RLIM_INFINITY else min(want, hard), hard))
    except (OSError, ValueError):
        pass  # no /proc or not allowed: the wall time still bounds the input


def reset_peak() -> None:
    """Start measuring this process's peak resident memory afresh (Linux 4.0+: VmHWM)."""
    try:
        with open("/proc/self/clear_refs", "w") as fh:
            fh.write("5")
    except OSError:
        pass  # peak_mb() then reports the peak since the process started


def peak_mb() -> float:
    """This process's peak resident memory in MB since it started or since ``reset_peak``."""
    try:
        with open("/proc/self/status", "rb") as fh:
            for line in fh:
                if line.startswith(b"VmHWM:"):
                    return int(line.split()[1]) / 1024
    except (OSError, ValueError, IndexError):
        pass
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def bounded_map(
    fn: Callable,
    items: list[tuple],
    jobs: int,
    spent: Callable[[object], bool] = lambda _result: False,
    seconds: float | None = None,
    memory_mb: float | None = None,
) -> Iterator[tuple[int, object]]:
    """(index, fn(*items[index]) or Over) for every item, in the order they finish."""
    if not items:
        return
    if not hasattr(os, "fork"):
        for i, item in enumerate(items):
            yield i, fn(*item)
        return
    pool = _Pool(fn, items, max(1, min(jobs, len(items))), spent, seconds or SECONDS, memory_mb or MEMORY_MB)
    try:
        yield from pool.run()
    finally:
        pool.close()


class _Worker:
    def __init__(self, ctx, fn: Callable, spent: Callable, memory_mb: float):
        parent, child = ctx.Pipe()
        self.process = ctx.Process(target=_serve, args=(child, fn, spent, memory_mb), daemon=True)
        self.process.start()
        child.close()
        self.conn: Connection = parent
        self.inflight: deque[int] = deque()
        self.deadline = 0.0
        self.started = 0.0

    def stop(self) -> None:
        if self.process.is_alive():
            os.kill(self.process.pid, signal.SIGKILL)
        self.process.join()
        self.conn.close()


class _Pool:
    def __init__(self, fn: Callable, items: list[tuple], jobs: int, spent: Callable, seconds: float, memory_mb: float):
        self.fn, self.items, self.spent, self.seconds, self.memory_mb = fn, items, spent, seconds, memory_mb
        self.ctx = multiprocessing.get_context("fork")
        self.todo: deque[int] = deque(range(len(items)))
        self.chunk = max(1, min(32, len(items) // (jobs * 8)))
        self.workers = [self._new() for _ in range(jobs)]

    def _new(self) -> _Worker:
        return _Worker(self.ctx, self.fn, self.spent, self.memory_mb)

    def run(self) -> Iterator[tuple[int, object]]:
        while self.todo or any(w.inflight for w in self.workers):
            for w in self.workers:
                if not w.inflight and self.todo:
                    self._send(w)
            busy = [w for w in self.workers if w.inflight]
            timeout = max(0.0, min(w.deadline for w in busy) - time.monotonic())
            ready = wait([w.conn for w in busy], timeout=timeout)
            for w in busy:
                if w.conn in ready:
                    yield from self._receive(w)
                elif time.monotonic() >= w.deadline:
                    yield self._over(w, Over("time", self.seconds))

    def _send(self, w: _Worker) -> None:
        chunk = [self.todo.popleft() for _ in range(min(self.chunk, len(self.todo)))]
        w.conn.send([(i, self.items[i]) for i in chunk])
        w.inflight.extend(chunk)
        w.started = time.monotonic()
        w.deadline = w.started + self.seconds

    def _receive(self, w: _Worker) -> Iterator[tuple[int, object]]:
        try:
            index, result = w.conn.recv()
        except (EOFError, OSError, ValueError):  # the worker is gone (or garbled its answer)
            w.process.join()
            code = w.process.exitcode or 0
            # Killed by a signal: the kernel's OOM killer sends SIGKILL; else a C library crashed.
            what = "memory" if code == -signal.SIGKILL else "crash"
            yield self._over(w, Over(what, time.monotonic() - w.started, -code if code < 0 else 0))
            return
        w.inflight.remove(index)
        w.started = time.monotonic()
        w.deadline = w.started + self.seconds
        if isinstance(result, Over) or self.spent(result):  # the worker exits after this answer
            self.todo.extendleft(reversed(w.inflight))
            w.inflight.clear()
            self._replace(w)
        yield index, result

    def _over(self, w: _Worker, over: Over) -> tuple[int, Over]:
        """Stop ``w``, whose first input in flight is the one that ran over; the rest of
        its chunk goes back in line and a fresh worker takes its place."""
        culprit = w.inflight.popleft()
        self.todo.extendleft(reversed(w.inflight))
        w.inflight.clear()
        self._replace(w)
        return culprit, over

    def _replace(self, w: _Worker) -> None:
        w.stop()
        self.workers[self.workers.index(w)] = self._new()

    def close(self) -> None:
        for w in self.workers:
            try:
                w.conn.send(None)
            except OSError:
                pass
        for w in self.workers:
            w.process.join(timeout=1)
            w.stop()


def _serve(conn: Connection, fn: Callable, spent: Callable, memory_mb: float) -> None:
    """A worker: chunks of (index, item) in, one (index, result) out per item."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    while True:
        try:
            chunk = conn.recv()
        except (EOFError, OSError):
            return
        if chunk is None:
            return
        for index, item in chunk:
            limit_memory(memory_mb)
            try:
                result = fn(*item)
            except MemoryError:
                result = Over("memory")
            except Exception:  # noqa: BLE001 - fn should not raise; if it does, one input is lost, not the build
                log.exception("input %d: worker failed", index)
                result = Over("crash")
            conn.send((index, result))
            if isinstance(result, Over) or spent(result):
                os._exit(0)  # memory may be fragmented or half-freed: a fresh worker goes on
