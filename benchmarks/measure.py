"""Run one command and measure it: wall time, CPU time, peak memory of its whole process tree."""

from __future__ import annotations

import os
import subprocess
import threading
import time
from dataclasses import dataclass
from pathlib import Path


@dataclass(slots=True)
class Run:
    """What one timed command took."""

    wall: float
    cpu: float
    """User + system seconds of the command and all its children."""
    peak_rss: int
    """Bytes: the largest sum of RSS over the process tree, sampled every 50 ms."""
    ok: bool
    tail: str = ""
    """Last lines of stderr when the command failed."""


def measure(cmd: list[str], env: dict, timeout: float) -> Run:
    before = os.times()
    start = time.monotonic()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak = [0]
    done = threading.Event()
    sampler = threading.Thread(target=_sample, args=(proc.pid, peak, done), daemon=True)
    sampler.start()
    try:
        _out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        _out, err = proc.communicate()
        err = (err or b"") + f"\ntimed out after {timeout:.0f} s".encode()
    wall = time.monotonic() - start
    done.set()
    sampler.join()
    after = os.times()
    cpu = (after.children_user - before.children_user) + (after.children_system - before.children_system)
    tail = "" if proc.returncode == 0 else err.decode("utf-8", "replace").strip()[-600:]
    return Run(wall, cpu, peak[0], proc.returncode == 0, tail)


def _sample(pid: int, peak: list[int], done: threading.Event) -> None:
    page = os.sysconf("SC_PAGE_SIZE")
    while not done.is_set():
        total = sum(_rss_pages(p) for p in _tree(pid)) * page
        peak[0] = max(peak[0], total)
        done.wait(0.05)


def _tree(root: int) -> list[int]:
    """``root`` and all its descendants, from /proc."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            ppid = int(stat.rsplit(")", 1)[1].split()[1])
            children.setdefault(ppid, []).append(int(entry))
    out, stack = [], [root]
    while stack:
        pid = stack.pop()
        out.append(pid)
        stack.extend(children.get(pid, []))
    return out


def _rss_pages(pid: int) -> int:
    try:
        return int(Path(f"/proc/{pid}/statm").read_text().split()[1])
    except (OSError, IndexError, ValueError):
        return 0


def du(path: Path) -> tuple[int, int]:
    """(bytes, files) under ``path``."""
    if not path.exists():
        return 0, 0
    files = [p for p in path.rglob("*") if p.is_file()]
    return sum(p.stat().st_size for p in files), len(files)
