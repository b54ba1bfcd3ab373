"""Line normalisation: one canonical spelling of what PDFs, OCR and web pages vary.

The parser reads normalised lines; the site shows the original ones. Both lists have the
same length, so a line number means the same line in each.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

#: Invisible in a browser, but they would break a run of digits or a label apart.
_ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u200e\u200f\u2060\u00ad\ufeff\f\v\x00"), None)
#: A minus sign and hyphens NFKC leaves alone, in a 本年增/减 cell ("−18").
_MINUS = dict.fromkeys(map(ord, "\u2212\u2010\u2011"), "-")
#: "①属于国家秘密": NFKC would make ① a bare 1 that runs into the numbers before it.
_CIRCLED = {0x2460 + k: f"{k + 1}." for k in range(20)}
_MD_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s*")
_MD_QUOTE = re.compile(r"^\s*>\s?")
_PIPE_SEPARATOR = re.compile(r"^:?-{2,}:?$")
_FOOTER = re.compile(
    r"^(?:[-—–]+\s*\d{1,3}\s*[-—–]+"
    r"|第\s*\d{1,3}\s*页(?:\s*[/,，]?\s*共\s*\d{1,3}\s*页)?"
    r"|\d{1,3}\s*/\s*\d{1,3}"
    r"|-{3,}(?:\t+-{2,})*)$"
)


def canonical(text: str) -> str:
    """NFKC (full-width digits, brackets, spaces), no invisible characters, plain spaces."""
    text = text.translate(_ZERO_WIDTH).translate(_CIRCLED)
    return unicodedata.normalize("NFKC", text).translate(_MINUS).replace("\u00a0", " ")


@lru_cache(maxsize=65536)  # table rows and boilerplate lines recur across reports
def normalize_line(line: str) -> str:
    """Canonical spelling, no markdown decoration, pipes -> tabs."""
    text = canonical(line)
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
    _drop_spacer_columns(norm, _pipe_tables(lines))
    return norm


_NUMBER_CELL = re.compile(r"^[+\-]?\d[\d,.]*$")


def _pipe_tables(raw: list[str]) -> list[list[int]]:
    """Runs of pipe-table lines; a number torn out of a row onto a line of its own does
    not end one, any other line does."""
    blocks: list[list[int]] = []
    current: list[int] = []
    for i, line in enumerate(raw):
        if line.lstrip().startswith("|"):
            current.append(i)
        elif current and not _NUMBER_CELL.match(line.strip()):
            blocks.append(current)
            current = []
    return blocks + ([current] if current else [])


def _drop_spacer_columns(norm: list[str], blocks: list[list[int]]) -> None:
    """PDF-to-Markdown tools put empty spacer cells into data rows, which then have more
    cells than the header above them (12 over 15). Where they do, and the columns that
    hold a number in some data row of such tables (a table split over pages is one
    table) are exactly as many as the header names (7 in table 3, 15 in table 4), the
    other cells of those data rows are spacers and are dropped."""
    groups: dict[tuple[int, int], list[list[str]]] = {}
    where: dict[tuple[int, int], list[int]] = {}
    for block in blocks:
        rows = {i: norm[i].split("\t") for i in block if norm[i]}
        data = {i: cells for i, cells in rows.items() if any(_NUMBER_CELL.match(c) for c in cells)}
        header = [cells for i, cells in rows.items() if i not in data]
        if not data or not header or min(map(len, data.values())) <= max(map(len, header)):
            continue
        named = sum(compact(c).replace("<br>", "") in _LEAF_COLUMNS for cells in header for c in cells)
        key = (max(map(len, data.values())), named)
        groups.setdefault(key, []).extend(data.values())
        where.setdefault(key, []).extend(data)
    for (width, named), data_rows in groups.items():
        first = min(next(k for k, c in enumerate(cells) if _NUMBER_CELL.match(c)) for cells in data_rows)
        used = [k for k in range(first, width) if any(k < len(c) and c[k] for c in data_rows)]
        if len(used) != named:
            continue  # a column blank in every row, or a header not read: nothing is certain
        for i in where[(width, named)]:
            cells = norm[i].split("\t")
            norm[i] = "\t".join(cells[:first] + [cells[k] if k < len(cells) else "" for k in used])


#: The leaf column names of tables 3 and 4, as their headers print them.
_LEAF_COLUMNS = {
    "自然人",
    "商业企业",
    "科研机构",
    "社会公益组织",
    "法律服务机构",
    "其他",
    "总计",
    "结果维持",
    "结果纠正",
    "其他结果",
    "尚未审结",
}


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
