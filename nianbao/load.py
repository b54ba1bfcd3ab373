"""Load stage: find the input files, parse and check every one, never die on one file."""

from __future__ import annotations

import os
import traceback
from pathlib import Path

from .checks import apply_checks, check_corpus
from .checks.across import AgencyOf
from .ingest import read
from .model import Finding, Report
from .parse import parse_document, report_id

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
            if name.startswith(".") or name in _SKIP_NAMES:
                continue
            if path.is_symlink() and not _inside(path.resolve(), root):
                continue
            found.append(seeds / path.relative_to(root))
    return sorted(found, key=lambda p: p.relative_to(seeds).as_posix())


def _inside(path: Path, root: Path) -> bool:
    try:
        path.relative_to(root)
        return True
    except ValueError:
        return False


def load_report(path: Path, source: str | None = None) -> Report:
    """Parse and check one file; a crash in the parser becomes a finding, not an exit."""
    path = Path(path)
    source = source or path.as_posix()
    try:
        report = parse_document(read(path), source=source)
    except Exception as exc:  # noqa: BLE001 - one bad file must not stop the build
        report = Report(id=report_id(path), source=source)
        report.findings.append(
            Finding("parse.crash", "error", f"解析此文件时出错：{type(exc).__name__}: {exc}", "原文", lines=[])
        )
        report.findings[-1].where = traceback.format_exception_only(type(exc), exc)[-1].strip()[:200]
        try:
            report.lines = read(path).lines
        except Exception:  # noqa: BLE001
            report.lines = []
    return apply_checks(report)


def load_reports(paths: list[Path], root: Path | None = None, agency_of: AgencyOf | None = None) -> list[Report]:
    """Every file parsed and checked, plus the checks across one agency's years."""
    reports = []
    for path in paths:
        source = path.relative_to(root).as_posix() if root and _inside(path.resolve(), root.resolve()) else path.name
        reports.append(load_report(path, source=source))
    across = check_corpus(reports) if agency_of is None else _across(reports, agency_of)
    for report in reports:
        report.findings.extend(across.get(report.id, []))
    return reports


def _across(reports: list[Report], agency_of: AgencyOf):
    from .checks.across import check_across

    return check_across(reports, agency_of)
