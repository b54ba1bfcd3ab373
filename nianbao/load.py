"""Load stage: find the input files, parse and check every one, never die on one file
(one file: ``load_file.py``; many, through the cache and every core: ``parallel.py``).

Whatever a maintainer drops into ``seeds/`` becomes a report with findings: an unreadable,
empty, binary or oversized file gets a report that says so (``input.*`` findings), a parser
crash becomes a ``parse.crash`` finding, and files that are skipped (hidden files, links out
of the folder, devices) are named on stderr. Only the files themselves are read: a symlink
pointing out of the seeds folder is never followed.
"""

from __future__ import annotations

import hashlib
import logging
import os
import stat
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

from .checks import check_corpus
from .checks.across import AgencyOf
from .load_file import MAX_INPUT_BYTES, load_bounded, load_report
from .model import Report
from .parallel import load_many

__all__ = ["MAX_INPUT_BYTES", "discover", "load_bounded", "load_report", "load_reports", "unique_ids"]

log = logging.getLogger(__name__)

#: Files never treated as reports.
_SKIP_NAMES = {"README", "README.md", "readme.md", ".gitkeep", "Thumbs.db", ".DS_Store"}


def discover(seeds: Path) -> list[Path]:
    """Input files under ``seeds``, sorted; hidden files and links out of it are skipped."""
    root = seeds.resolve()
    found = []
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            path = Path(dirpath) / name
            if name in _SKIP_NAMES:
                continue
            reason = _skip_reason(path, name, root)
            if reason:
                # Named on stderr (logging's last-resort handler) so a maintainer sees why.
                log.warning("%s: skipped: %s", (seeds / path.relative_to(root)).as_posix(), reason)
                continue
            found.append(seeds / path.relative_to(root))
    return sorted(found, key=lambda p: p.relative_to(seeds).as_posix())


def _skip_reason(path: Path, name: str, root: Path) -> str | None:
    """Why ``path`` is not an input, or None when it is one."""
    if name.startswith("."):
        return "hidden file (name starts with a dot)"
    if path.is_symlink():
        try:
            target = path.resolve(strict=True)
        except (OSError, RuntimeError):  # dangling link or a link loop
            return "broken symbolic link"
        if not _inside(target, root):
            return "symbolic link pointing outside the seeds folder (not followed)"
    try:
        mode = path.stat().st_mode
    except OSError as exc:
        return f"cannot be read ({exc.strerror or exc})"
    if not stat.S_ISREG(mode):
        return "not a regular file"  # a FIFO or device would block or never end
    return None


def _resolver() -> Callable[[Path], Path]:
    """``path.resolve()`` that resolves each folder once (for one call of load_reports):
    10,000 files in one folder were 60,000 lstat calls otherwise. A link is resolved whole."""
    folders: dict[Path, Path] = {}

    def resolved(path: Path) -> Path:
        if path.is_symlink():
            return path.resolve()
        folder = folders.get(path.parent)
        if folder is None:
            folder = folders[path.parent] = path.parent.resolve()
        return folder / path.name

    return resolved


def _inside(path: Path, root: Path) -> bool:
    try:
        path.relative_to(root)
        return True
    except ValueError:
        return False


def load_reports(paths: list[Path], root: Path | None = None, agency_of: AgencyOf | None = None) -> list[Report]:
    """Every file parsed and checked, plus the checks across one agency's years."""
    base = root.resolve() if root else None
    resolved = _resolver()
    sources = [path.relative_to(root).as_posix() if base and _inside(resolved(path), base) else path.name for path in paths]
    reports = load_many(paths, sources)
    unique_ids(reports)
    across = check_corpus(reports, agency_of)
    for report in reports:
        report.findings.extend(across.get(report.id, []))
    return reports


def unique_ids(reports: list[Report]) -> None:
    """Make report ids unique: names that differ only in punctuation, or share their first
    80 characters, would otherwise get one page between them. Each colliding id gets a
    suffix from a hash of its source path, so it does not depend on the other files."""
    by_id: dict[str, list[Report]] = defaultdict(list)
    for report in reports:
        by_id[report.id].append(report)
    for same in by_id.values():
        if len(same) > 1:
            for report in same:
                report.id = f"{report.id}-{hashlib.sha1(report.source.encode('utf-8', 'surrogatepass')).hexdigest()[:8]}"
