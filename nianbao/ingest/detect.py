"""Detect an input's form from its bytes (the extension is only a tie-breaker)."""

from __future__ import annotations

import re

_HTML = re.compile(rb"<\s*(!doctype\s+html|html|head|body|table|div|p|meta)\b", re.IGNORECASE)


def detect_kind(name: str, data: bytes) -> str:
    """Return "pdf", "docx", "html", "binary" or "text"."""
    head = data[:4096]
    if head.startswith(b"%PDF-") or b"%PDF-" in head[:1024]:
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return "docx" if b"word/" in data[:65536] or name.lower().endswith(".docx") else "binary"
    if _looks_utf16(head):
        return "text"
    if _looks_binary(head):
        return "binary"
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if stripped.startswith(b"<") and _HTML.search(head):
        return "html"
    if name.lower().endswith((".html", ".htm")) and _HTML.search(head):
        return "html"
    return "text"


def _looks_utf16(head: bytes) -> bool:
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return True
    if len(head) < 8:
        return False
    # ASCII/CJK text in UTF-16 without BOM: many NULs on one parity only.
    even = head[0::2].count(0)
    odd = head[1::2].count(0)
    half = len(head) // 2
    return (odd > half * 0.3 and even == 0) or (even > half * 0.3 and odd == 0)


def _looks_binary(head: bytes) -> bool:
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 9 or 13 < b < 32 and b not in (27,))
    return len(head) > 0 and controls / len(head) > 0.05
