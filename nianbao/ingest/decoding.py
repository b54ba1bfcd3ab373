"""Bytes to text: BOMs, UTF-16 without one, UTF-8, GB18030; what could not be decoded
is reported. Used by every reader of text (plain, markdown, HTML)."""

from __future__ import annotations

import codecs

from ..model import Finding
from .detect import utf16_without_bom

#: Tried in order after any BOM; GB18030 is a superset of GBK and GB2312.
_ENCODINGS = ("utf-8", "gb18030")


def decode(data: bytes) -> tuple[str, str, list[Finding]]:
    """Decode bytes to text; returns (text, encoding used, findings)."""
    for bom, enc in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            text = data.decode(enc, errors="replace")
            return text, enc, _replacement_findings(text, enc)
    enc = utf16_without_bom(data)
    if enc is not None:
        text = data.decode(enc, errors="replace")
        return text, enc, _replacement_findings(text, enc)
    for enc in _ENCODINGS:
        try:
            return data.decode(enc), enc, []
        except UnicodeDecodeError:
            continue
    text = data.decode("utf-8", errors="replace")
    return text, "utf-8", _replacement_findings(text, "utf-8")


def _replacement_findings(text: str, enc: str) -> list[Finding]:
    count = text.count("\ufffd")
    if not count:
        return []
    lines = sorted({i + 1 for i, line in enumerate(split_lines(text)) if "\ufffd" in line})
    return [
        Finding(
            rule="input.encoding",
            severity="warning",
            message=f"文件中有 {count} 处字节无法按 {enc} 解码，已用替换符号 � 显示。",
            where="原文",
            lines=lines[:20],
        )
    ]


def split_lines(text: str) -> list[str]:
    """Split on line ends only (str.splitlines would also split on form feeds)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return lines
