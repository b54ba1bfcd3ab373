"""A progress line on stderr for long stages: count, total and rate.

Shown on a terminal once a stage has run for ``delay`` seconds (so quick builds stay
quiet); when stderr is not a terminal, a stage that takes longer than ``delay`` prints a
plain line every ~10 % instead of redrawing.
"""

from __future__ import annotations

import sys
import time


class Progress:
    """``with Progress(total, "parse") as bar: bar.update()`` — prints nothing when quick."""

    def __init__(self, total: int, label: str, delay: float = 2.0, stream=None):
        self.total, self.label, self.delay = total, label, delay
        self.stream = stream or sys.stderr
        self.tty = bool(getattr(self.stream, "isatty", lambda: False)())
        self.done = 0
        self.start = time.monotonic()
        self._last_draw = 0.0
        self._last_step = -1
        self._shown = False

    def __enter__(self) -> Progress:
        return self

    def update(self, n: int = 1) -> None:
        self.done += n
        now = time.monotonic()
        if now - self.start < self.delay:
            return
        if self.tty:
            if now - self._last_draw >= 0.1 or self.done >= self.total:
                self._draw(now, "\r")
        else:
            step = self.done * 10 // max(self.total, 1)
            if step != self._last_step:
                self._last_step = step
                self._draw(now, "")
                self.stream.write("\n")

    def _draw(self, now: float, prefix: str) -> None:
        rate = self.done / max(now - self.start, 1e-9)
        width = 24
        filled = width * self.done // max(self.total, 1)
        bar = "#" * filled + "-" * (width - filled)
        self.stream.write(f"{prefix}{self.label} [{bar}] {self.done}/{self.total} ({rate:,.0f}/s)")
        self.stream.flush()
        self._last_draw = now
        self._shown = True

    def __exit__(self, *exc) -> None:
        if self._shown and self.tty:
            self._draw(time.monotonic(), "\r")
            self.stream.write("\n")
            self.stream.flush()
