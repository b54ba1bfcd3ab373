"""Line normalisation: one canonical spelling of what PDFs, OCR and web pages vary.

The parser reads normalised lines; the site shows the original ones. Both lists have the
same length, so a line number means the same line in each.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\f\v\x00"), None)
_MD_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s*")
_MD_QUOTE = re.compile(r"^\s*>\s?")
_PIPE_SEPARATOR = re.compile(r"^:?-{2,}:?$")
_FOOTER = re.compile(
    r"^(?:[-—–]+\s*\d{1,3}\s*[-—–]+"
    r"|第\s*\d{1,3}\s*页(?:\s*[/,，]?\s*共\s*\d{1,3}\s*页)?"
    r"|\d{1,3}\s*/\s*\d{1,3}"
    r"|-{3,}(?:\t+-{2,})*)$"
)


@lru_cache(maxsize=65536)  # table rows and boilerplate lines recur across reports
def normalize_line(line: str) -> str:
    """NFKC (full-width digits, brackets, spaces), no markdown decoration, pipes -> tabs."""
    text = unicodedata.normalize("NFKC", line.translate(_ZERO_WIDTH))
    text = text.replace("\u00a0", " ")
    if text.lstrip()[:1] in (">", "#"):
        text = _MD_HEADING.sub("", _MD_QUOTE.sub("", text))
    if "**" in text or "__" in text:
        text = text.replace("**", "").replace("__", "")
    stripped = text.strip()
    if stripped.startswith("|") and stripped.count("|") >= 2:
        text = _pipe_to_tabs(stripped)
    if (len(stripped) <= 30 or stripped[:1] == "-") and is_footer(text):
        return ""
    # Trailing tabs stay: they are a grid row's blank last cells (see cells.Row.span).
    # Leading spaces stay too: in pdftotext -layout text they are the column a cell is in.
    return text.rstrip(" ") if text.strip() else ""


def _pipe_to_tabs(text: str) -> str:
    cells = [c.strip() for c in text.strip("|").split("|")]
    if all(_PIPE_SEPARATOR.match(c) or not c for c in cells):
        return ""
    return "\t".join(cells)


def is_footer(text: str) -> bool:
    """Page footers and rules ("- 1 -", "第 3 页", "2/10", "-----")."""
    return bool(_FOOTER.match(text.strip()))


_SPACE = re.compile(r"\s+")


def compact(text: str) -> str:
    """Text with all white space removed, for matching labels."""
    return _SPACE.sub("", text)


def normalize_lines(lines: list[str]) -> list[str]:
    """Normalised lines; a running page header repeated atop pages is blanked."""
    norm = [normalize_line(line) for line in lines]
    for index in _page_headers(lines, norm):
        norm[index] = ""
    return norm


def _page_headers(raw: list[str], norm: list[str]) -> list[int]:
    """Lines that open two or more pages (after a form feed) with the same text."""
    firsts: dict[str, list[int]] = {}
    page_start = True
    for i, line in enumerate(raw):
        if "\f" in line:
            page_start = True
        if page_start and norm[i].strip():
            firsts.setdefault(compact(norm[i]), []).append(i)
            page_start = False
    return sorted(i for text, where in firsts.items() if len(where) >= 2 and len(text) <= 40 for i in where)
