"""What the build tells the maintainer on stderr: each error by name, a count of the rest.

Like a compiler (or mkdocs), a build names what went wrong as ``path:line: error rule:
message`` before its summary line, so a report that could not be read is seen without
opening the site. A warning that a file could not be read in full (``input.*``: bytes
that did not decode, markup nested too deep, a page left out) is about the build's inputs
and is listed too. The other warnings and infos are many and about the reports themselves:
one line counts them, and ``--verbose`` lists them in the same form.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from pathlib import Path
from typing import TextIO

from ..checks import SEVERITY_ORDER
from ..model import Finding, Report


def finding_line(path: str, f: Finding) -> str:
    """One finding as ``path:line: severity rule: message`` (the form editors jump to)."""
    return f"{path}:{f.lines[0] if f.lines else 1}: {f.severity} {f.rule}: {f.message}"


def sorted_findings(report: Report) -> list[Finding]:
    """Errors first, then by line and rule."""
    return sorted(report.findings, key=lambda f: (SEVERITY_ORDER.get(f.severity, 9), f.lines[:1], f.rule))


def print_findings(reports: Iterable[Report], root: Path, verbose: bool, stream: TextIO | None = None) -> None:
    """Every error and input warning (every finding with ``verbose``), then the count of
    what was not listed."""
    stream = stream or sys.stderr
    hidden = {"warning": 0, "info": 0}
    for report in sorted(reports, key=lambda r: r.source):
        path = (root / report.source).as_posix()
        for f in sorted_findings(report):
            if verbose or _listed(f):
                print(finding_line(path, f), file=stream)
            elif f.severity in hidden:
                hidden[f.severity] += 1
    if any(hidden.values()):
        print(f"{_count(hidden['warning'], 'warning')}, {_count(hidden['info'], 'info')} not listed (-v lists them)", file=stream)


def _listed(f: Finding) -> bool:
    return f.severity == "error" or (f.severity == "warning" and f.rule.startswith("input."))


def _count(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")
