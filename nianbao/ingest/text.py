"""Plain text (and markdown) reader: decoding is the whole job."""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from ..model import Finding
from .decoding import decode, split_lines
from .detect import binary_signature
from .document import Document
from .html import table_lines

#: Encodings worth a note: the file reads fine, but a maintainer may want to know.
_LEGACY = {"gb18030": "GBK/GB18030", "utf-16": "UTF-16", "utf-16-le": "UTF-16LE", "utf-16-be": "UTF-16BE"}


#: An innermost, closed table: no other "<table" between its start and its end, so an
#: unclosed or nested opening tag never swallows the prose that follows it.
_HTML_TABLE = re.compile(r"<table\b(?:(?!<table\b).)*?</table\s*>", re.IGNORECASE | re.DOTALL)


def expand_html_tables(text: str) -> str:
    """Markdown from PDF-to-Markdown tools carries tables as HTML: make them grid lines."""
    if "<table" not in text.lower():
        return text
    return _HTML_TABLE.sub(lambda m: "\n".join(table_lines(m.group(0))) or m.group(0), text)  # unreadable: keep as is


def read_text(path: Path, data: bytes) -> Document:
    """Decode a text file; also the fallback for forms no reader is registered for."""
    if binary_signature(data):
        # e.g. a PDF when no PDF reader is installed: decoding it would show garbage.
        return read_binary(path, data)
    if _blank(data):
        finding = Finding("input.empty", "error", "文件是空的（没有任何文字），无法解析。", "原文")
        return Document(path=path, kind="text", lines=[], findings=[finding])
    text, enc, findings = decode(data)
    if enc in _LEGACY and not findings:
        findings.append(Finding("input.not_utf8", "info", f"文件编码为 {_LEGACY[enc]}（不是 UTF-8），已按该编码读取。", "原文"))
    lines = split_lines(expand_html_tables(text))
    for f in findings:
        if f.rule == "input.encoding":  # count lines after the table expansion, as Report.lines does
            f.lines = [i + 1 for i, line in enumerate(lines) if "\ufffd" in line][:20]
    return Document(path=path, kind="text", lines=lines, findings=findings)


def _blank(data: bytes) -> bool:
    """True for a file with no text at all: nothing, or only a BOM and white space."""
    for bom in (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):
        if data.startswith(bom):
            data = data[len(bom) :]
            break
    return not data.strip(b" \t\r\n\x00")


def read_binary(path: Path, data: bytes) -> Document:
    """A file that is not text in any form we read: keep it, say so, parse nothing."""
    what = binary_signature(data)
    kind = f"文件类型：{what}" if what else "可能是图片或其他二进制文件"
    finding = Finding(
        rule="input.binary",
        severity="error",
        message=f"文件不是可读的文本（{kind}），无法解析。",
        where="原文",
    )
    return Document(path=path, kind="binary", lines=[], findings=[finding])
