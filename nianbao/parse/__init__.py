"""Parse: a Document's lines -> a Report (metadata, sections, tables 2/3/4).

The steps, top to bottom: normalise lines, find the six sections, read the preamble's
metadata, read each table from its section (or from anchors when a heading is missing),
then decide the template from the tables' layout.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..ingest import Document, read
from ..model import Finding, Report
from .cells import Row, split_row
from .glued import decode_glued
from .metadata import read_metadata
from .normalize import normalize_lines
from .regions import reclaim_table2_columns, reclaim_table4_fragments, table_regions
from .reline import reline
from .sections import build_sections, find_headings, section_spans
from .table2 import parse_table2
from .table3 import parse_table3
from .table4 import parse_table4
from .template import detect_template

PARSER_VERSION = "1"

_DECORATION = re.compile(r"^\s{0,3}#{1,6}\s*|\*\*|__|[\u200b\ufeff\f\v]")
_TABLE_START = re.compile(r"第二十条|信息内容|申请人情况|本列数据|勾稽关系|结果维持|^行政复议")


def parse_file(path: str | Path, source: str | None = None) -> Report:
    """Read and parse one file (any supported form)."""
    return parse_document(read(Path(path)), source=source)


def parse_document(doc: Document, source: str | None = None) -> Report:
    raw, _relined = reline(doc.lines)  # a web page's text that lost its line breaks
    norm = normalize_lines(raw)
    headings = find_headings(norm, raw)
    spans = section_spans(headings, len(norm))
    preamble_end = headings[0].line if headings else min(len(norm), 40)
    meta = read_metadata(norm, preamble_end)
    report = Report(
        id=report_id(doc.path),
        source=source or str(doc.path),
        format=_format(doc, norm),
        agency=meta.agency,
        year=meta.year,
        title=meta.title,
        contact=meta.contact,
        period=meta.period,
        lines=list(raw),
        sha256=doc.sha256,
    )
    report.findings.extend(doc.findings)
    report.sections = build_sections(headings, spans, lambda k, a, b: _narrative(raw, norm, k, a, b))
    regions = table_regions(norm, spans)
    norm, glued = decode_glued(norm, regions)  # cells that ran together: cut by arithmetic
    report.findings, report.format = report.findings + glued, "glued" if glued else report.format
    rows = {name: _rows(norm, *span) for name, span in regions.items()}
    if "table2" in rows and "table3" in rows:
        rows["table2"], rows["table3"], moved = reclaim_table2_columns(rows["table2"], rows["table3"])
        report.findings.extend(moved)
    if "table3" in rows and "table4" in rows:
        rows["table3"], rows["table4"], moved = reclaim_table4_fragments(rows["table3"], rows["table4"])
        report.findings.extend(moved)
    for name, parser in (("table2", parse_table2), ("table3", parse_table3), ("table4", parse_table4)):
        if name in rows:
            table, notes = parser(rows[name])
            setattr(report, name, table)
            report.findings.extend(notes)
    report.template = detect_template(report)
    return report


def _rows(norm: list[str], start: int, end: int) -> list[Row]:
    return [split_row(norm[i], i + 1) for i in range(start, end) if norm[i].strip()]


def _narrative(raw: list[str], norm: list[str], key: str, start: int, end: int) -> list[str]:
    """The section's text lines; for table sections only the prose before the table."""
    out = []
    for i in range(start, end):
        if not norm[i].strip():
            continue  # blank, or a page footer
        if key in ("active_disclosure", "applications", "review_litigation"):
            if "\t" in norm[i] or _TABLE_START.search(norm[i]) or split_row(norm[i], i).values:
                break
        out.append(_DECORATION.sub("", raw[i]).strip())
    return out


def _format(doc: Document, norm: list[str]) -> str:
    if doc.kind != "text":
        return doc.kind
    markdown = any(line.lstrip().startswith(("#", "|")) for line in doc.lines[:400])
    return "markdown" if markdown else "text"


def report_id(path: Path) -> str:
    """A file-name-safe id from the source file's name."""
    stem = Path(path).name
    stem = re.sub(r"\.(txt|md|markdown|html?|pdf|docx)$", "", stem, flags=re.IGNORECASE)
    return re.sub(r"[^\w\-]+", "-", stem).strip("-._")[:80] or "report"


__all__ = ["parse_file", "parse_document", "PARSER_VERSION", "Finding"]
