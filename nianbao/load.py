"""Load stage: find the input files, parse and check every one, never die on one file.

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
import traceback
from collections import defaultdict
from pathlib import Path

from . import budget
from .checks import RULES, apply_checks, check_corpus
from .checks.across import AgencyOf
from .ingest import Document, read
from .ingest.detect import detect_kind
from .model import Finding, Report
from .parse import parse_document, report_id

log = logging.getLogger(__name__)

#: Files never treated as reports.
_SKIP_NAMES = {"README", "README.md", "readme.md", ".gitkeep", "Thumbs.db", ".DS_Store"}

#: Inputs larger than this are refused with an ``input.too_large`` finding, not parsed.
#: Real reports are 5 kB-2 MB of text or 20 MB of scanned PDF at most; a bigger file is a
#: mistake (a video, an archive of every report) and parsing it would stall the build.
MAX_INPUT_BYTES = 20 * 1024 * 1024


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


def _inside(path: Path, root: Path) -> bool:
    try:
        path.relative_to(root)
        return True
    except ValueError:
        return False


def load_report(path: Path, source: str | None = None, data: bytes | None = None) -> Report:
    """Parse and check one file (or ``data`` read from it); never raises on bad input."""
    path = Path(path)
    source = source or path.as_posix()
    if data is None:
        data, problem = _read_bytes(path)
        if problem is not None:
            return _checked(_placeholder(path, source, problem))
    doc = None
    try:
        doc = read(path, data)
        report = parse_document(doc, source=source)
    except MemoryError:
        report = None  # built below, once the half-read input is no longer referenced
    except Exception as exc:  # noqa: BLE001 - one bad file must not stop the build
        report = _crashed(path, source, data, exc, doc)
    if report is None:
        doc = None
        return over_budget(path, source, budget.Over("memory"), data)
    return _checked(report)


def load_bounded(path: Path, source: str | None = None) -> Report:
    """``load_report`` in a worker process under the per-input budget (nianbao/budget.py)."""
    source = source or Path(path).as_posix()
    ((_i, result),) = budget.bounded_map(load_report, [(Path(path), source)], 1, spent)
    return over_budget(Path(path), source, result) if isinstance(result, budget.Over) else result


def spent(report: object) -> bool:
    """Whether ``report`` is the finding of an input that ran out of its budget."""
    return isinstance(report, Report) and any(f.rule == "input.too_costly" for f in report.findings)


def over_budget(path: Path, source: str, over: budget.Over, data: bytes | None = None) -> Report:
    """The report of an input stopped by its budget: kind and hash, the finding, nothing parsed."""
    if data is None:
        data, _problem = _read_bytes(path)
    report = Report(id=report_id(path), source=source, format=detect_kind(path.name, data[:4096]), sha256=hashlib.sha256(data).hexdigest())
    if over.what == "time":
        msg = f"读取此文件超过了每个文件 {budget.SECONDS:g} 秒的时间上限，已中止，未解析。"
    elif over.what == "memory":
        msg = f"读取此文件所需内存超过了每个文件 {budget.MEMORY_MB:g} MB 的上限，已中止，未解析。"
    else:
        msg = "读取此文件时解析进程意外终止，未解析。"
    rule = "parse.crash" if over.what == "crash" else "input.too_costly"
    why = f"the reading process died (signal {over.signal})" if over.what == "crash" else f"over its {over.what} budget"
    log.warning("%s: %s: %s", source, rule, why)
    report.findings.append(Finding(rule, "error", msg, "原文"))
    return _checked(report)


def _checked(report: Report) -> Report:
    """``apply_checks``, but a rule that crashes on odd values costs only its own findings."""
    try:
        return apply_checks(report)
    except Exception:  # noqa: BLE001 - rerun rule by rule to keep the others' findings
        pass
    for rule in RULES:
        try:
            report.findings.extend(rule(report))
        except Exception as exc:  # noqa: BLE001
            name = f"{rule.__module__.rsplit('.', 1)[-1]}"
            msg = f"检查规则 {name} 处理此文件时出错（{type(exc).__name__}），其结果缺失。"
            report.findings.append(Finding("check.crash", "error", msg, "检查"))
    return report


def _read_bytes(path: Path) -> tuple[bytes, Report | Finding | None]:
    """The file's bytes, or a Report/Finding explaining why it was not read."""
    try:
        size = path.stat().st_size
        if size > MAX_INPUT_BYTES:
            return b"", _too_large(path, size)
        return path.read_bytes(), None
    except OSError as exc:
        msg = f"无法读取此文件：{exc.strerror or type(exc).__name__}。"
        return b"", Finding("input.unreadable", "error", msg, "原文")


def _too_large(path: Path, size: int) -> Report:
    """A report for a refused oversized file: kind and hash from its bytes, nothing parsed."""
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        head = fh.read(4096)
        digest.update(head)
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    report = Report(id=report_id(path), source="", format=detect_kind(path.name, head), sha256=digest.hexdigest())
    limit = MAX_INPUT_BYTES / 1024 / 1024
    report.findings.append(
        Finding("input.too_large", "error", f"文件大小 {size / 1024 / 1024:.1f} MB，超过 {limit:g} MB 的上限，未解析。", "原文")
    )
    return report


def _placeholder(path: Path, source: str, problem: Report | Finding) -> Report:
    if isinstance(problem, Report):
        problem.source = source
        return problem
    report = Report(id=report_id(path), source=source)
    report.findings.append(problem)
    return report


def _crashed(path: Path, source: str, data: bytes, exc: Exception, doc: Document | None) -> Report:
    """The report for a file the parser crashed on: its text (when the reader got that far)
    and the crash as a finding. The finding says what happened in words; the library's
    message and the traceback go to the log (stderr), for whoever fixes the bug."""
    report = Report(id=report_id(path), source=source, sha256=hashlib.sha256(data).hexdigest())
    log.warning("%s: parse.crash: %.5000s", source, "".join(traceback.format_exception(exc)).rstrip())
    stage = "解析" if doc is not None else "读取"
    msg = f"{stage}此文件时程序出错，这是本项目的缺陷，不是文件的问题；详情见构建日志。"
    report.findings.append(Finding("parse.crash", "error", msg, "解析" if doc is not None else "原文"))
    report.lines = doc.lines if doc is not None else []  # None: the reader itself failed
    return report


def load_reports(paths: list[Path], root: Path | None = None, agency_of: AgencyOf | None = None) -> list[Report]:
    """Every file parsed and checked, plus the checks across one agency's years."""
    from .parallel import load_many  # parse cache + every core; same reports, same order

    base = root.resolve() if root else None
    sources = [path.relative_to(root).as_posix() if base and _inside(path.resolve(), base) else path.name for path in paths]
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

