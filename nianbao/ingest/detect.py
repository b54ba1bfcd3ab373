"""Detect an input's form from its bytes (the extension is only a tie-breaker)."""

from __future__ import annotations

import io
import re
import zipfile

_HTML = re.compile(rb"<\s*(!doctype\s+html|html|head|body|table|div|p|meta)\b", re.IGNORECASE)


def detect_kind(name: str, data: bytes) -> str:
    """Return "pdf", "docx", "html", "binary" or "text"."""
    head = data[:4096]
    if head.startswith(b"%PDF-") or b"%PDF-" in head[:1024]:
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return "docx" if _is_docx(data) else "binary"
    if binary_signature(head):
        return "binary"  # an image or archive, whatever its extension says
    if _looks_utf16(head):
        return "html" if _utf16_html(head) else "text"
    if _looks_binary(head):
        return "binary"
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if stripped.startswith(b"<") and _HTML.search(head):
        return "html"
    if name.lower().endswith((".html", ".htm")) and _HTML.search(head):
        return "html"
    return "text"


#: Magic numbers of files that are certainly not a report's text: (prefix, what it is).
_SIGNATURES = (
    (b"%PDF-", "PDF 文件"),
    (b"\x89PNG\r\n\x1a\n", "PNG 图片"),
    (b"\xff\xd8\xff", "JPEG 图片"),
    (b"GIF87a", "GIF 图片"),
    (b"GIF89a", "GIF 图片"),
    (b"II*\x00", "TIFF 图片"),
    (b"MM\x00*", "TIFF 图片"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "旧版 Office 文件（.doc/.xls，需另存为 .docx 或文本）"),
    (b"PK\x03\x04", "ZIP 压缩包"),
    (b"Rar!\x1a\x07", "RAR 压缩包"),
    (b"7z\xbc\xaf\x27\x1c", "7z 压缩包"),
    (b"\x1f\x8b", "gzip 压缩文件"),
    (b"{\\rtf", "RTF 文件"),
)


def binary_signature(data: bytes) -> str | None:
    """What a non-text file is, from its magic number ("PNG 图片"), or None."""
    if data.startswith(b"RIFF") and data[8:12] == b"WEBP":
        return "WebP 图片"
    for prefix, what in _SIGNATURES:
        if data.startswith(prefix):
            return what
    return None


def _is_docx(data: bytes) -> bool:
    """A Word document is a zip with word/document.xml (read the directory, not a guess)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return "word/document.xml" in archive.namelist()
    except (zipfile.BadZipFile, ValueError, OSError):
        return b"word/" in data[:65536]  # a damaged archive: its local headers still tell


def _utf16_html(head: bytes) -> bool:
    enc = "utf-16" if head.startswith((b"\xff\xfe", b"\xfe\xff")) else utf16_without_bom(head)
    text = head[: len(head) // 2 * 2].decode(enc or "utf-16-le", errors="replace").lstrip("\ufeff \t\r\n")
    return text.startswith("<") and bool(_HTML.search(text.encode("ascii", "ignore")))


def _looks_utf16(head: bytes) -> bool:
    return head.startswith((b"\xff\xfe", b"\xfe\xff")) or utf16_without_bom(head) is not None


def utf16_without_bom(data: bytes) -> str | None:
    """ "utf-16-le"/"utf-16-be" when BOM-less bytes read as UTF-16 text, else None.

    Chinese UTF-16 has few NUL bytes (only its ASCII does), so count on what the
    decoded text looks like rather than on NULs alone.
    """
    head = data[:4096]
    if len(head) < 8 or b"\x00" not in head:
        return None
    best, best_score = None, 0.0
    for enc in ("utf-16-le", "utf-16-be"):
        text = head[: len(head) // 2 * 2].decode(enc, errors="replace")
        score = sum(_texty(ch) for ch in text) / max(len(text), 1)
        if score > best_score:
            best, best_score = enc, score
    return best if best_score > 0.9 else None


def _texty(ch: str) -> bool:
    return ch.isprintable() or ch in "\r\n\t\f" or "\u4e00" <= ch <= "\u9fff"


#: Control bytes no text file holds (tab, line breaks, form feed and ESC excepted).
_CONTROLS = bytes(b for b in range(32) if b < 9 or (13 < b < 32 and b != 27))


def _looks_binary(head: bytes) -> bool:
    if b"\x00" in head:
        return True
    controls = len(head) - len(head.translate(None, _CONTROLS))  # counted in C, not per byte
    return len(head) > 0 and controls / len(head) > 0.05
