"""Ingest: any input file -> a Document of text lines (tables as tab-separated rows).

One reader per input form behind one signature, ``read(path, data) -> Document``; the form
is detected from the bytes, not only the file name (see detect.py).
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from ..model import Finding
from .detect import detect_kind
from .document import Document
from .docx import read_docx
from .html import read_html
from .pdf import read_pdf
from .text import read_binary, read_text

#: kind -> reader. Readers for other forms register here (see the module of each form).
READERS = {
    "text": read_text,
    "binary": read_binary,
    "html": read_html,
    "pdf": read_pdf,
    "docx": read_docx,
}


def read(path: Path, data: bytes | None = None) -> Document:
    """Read one input file into a Document; never raises on bad content."""
    if data is None:
        data = Path(path).read_bytes()
    kind = detect_kind(Path(path).name, data)
    reader = READERS.get(kind, read_text)
    doc = reader(Path(path), data)
    if not doc.lines and not doc.findings:  # markup or a package with no text in it
        doc.findings.append(Finding("input.empty", "error", "文件中没有可读的文字，无法解析。", "原文"))
    doc.sha256 = hashlib.sha256(data).hexdigest()
    return doc


__all__ = ["Document", "read", "detect_kind", "READERS"]
