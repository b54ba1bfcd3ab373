"""One input file read, parsed and checked, never raising on bad input: an unreadable,
empty, binary or oversized file gets a report that says so (``input.*`` findings), a
parser crash a ``parse.crash`` finding, an input over its budget ``input.too_costly``.
``load.py`` finds the files and loads them all (``parallel.py``: cache and cores)."""

from __future__ import annotations

import hashlib
import logging
import traceback
from pathlib import Path

from . import budget
from .checks import RULES, apply_checks
from .ingest import Document, read
from .ingest.detect import detect_kind
from .model import Finding, Report
from .parse import parse_document, report_id

log = logging.getLogger("nianbao.load")

#: Inputs larger than this are refused with an ``input.too_large`` finding, not parsed.
#: Real reports are 5 kB-2 MB of text or 20 MB of scanned PDF at most; a bigger file is a
#: mistake (a video, an archive of every report) and parsing it would stall the build.
MAX_INPUT_BYTES = 20 * 1024 * 1024


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
