"""PDF reader: tables from the page geometry, narrative from the text outside them.

pdfplumber finds ruled tables on each page (their cells, merged ones included); the text
lines outside those tables are the narrative. Both are put back in reading order by their
position on the page, so a table that runs over a page break simply continues with the
next page's rows. Lines repeated in the top or bottom margin of many pages (running
headers, footers) and bare page numbers are dropped. A PDF without a text layer (a scan)
gets a clear error finding instead of garbage: no OCR is attempted.
"""

from __future__ import annotations

import io
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from ..model import Finding
from .document import Document
from .grid import clean_text, grid_lines, join_wrapped

#: Share of the page height that counts as top or bottom margin.
_MARGIN = 0.09
_PAGE_NUMBER = re.compile(r"^[-—–\s]*(第\s*)?\d{1,4}(\s*页)?(\s*[/／共]\s*\d{1,4}\s*页?)?[-—–\s]*$")


@dataclass(slots=True)
class _Item:
    """One thing on a page, in reading order: a text line or a whole table."""

    page: int
    top: float
    lines: list[str]
    margin: bool = False


def read_pdf(path: Path, data: bytes) -> Document:
    try:
        import pdfplumber

        with pdfplumber.open(io.BytesIO(data)) as pdf:
            pages = [_page_items(n, page) for n, page in enumerate(pdf.pages)]
            scanned = [n + 1 for n, page in enumerate(pdf.pages) if not page.chars and page.images]
    except Exception as exc:  # noqa: BLE001 - pdfminer raises many kinds on broken files
        finding = Finding("input.pdf_unreadable", "error", f"PDF 文件无法读取（{type(exc).__name__}），无法解析。", "原文")
        return Document(path=path, kind="pdf", lines=[], findings=[finding])
    items = [item for page in pages for item in page]
    if not any(item.lines for item in items):
        return Document(path=path, kind="pdf", lines=[], findings=[_no_text_layer(len(pages))])
    items = _drop_running_lines(items, len(pages))
    lines = [line for item in items for line in item.lines]
    findings = _scanned_pages(scanned)
    return Document(path=path, kind="pdf", lines=lines, findings=findings)


def _page_items(number: int, page) -> list[_Item]:
    page = page.dedupe_chars()  # fake bold prints each character twice
    tables = page.find_tables()
    boxes = [t.bbox for t in tables]
    items = [_Item(number, t.bbox[1], grid_lines(_table_grid(t))) for t in tables]
    outside = page.filter(lambda obj: obj.get("object_type") != "char" or not _inside(obj, boxes))
    height = float(page.height) or 1.0
    for line in outside.extract_text_lines(strip=True, return_chars=False):
        text = clean_text(line["text"])
        if text:
            margin = line["top"] < height * _MARGIN or line["bottom"] > height * (1 - _MARGIN)
            items.append(_Item(number, line["top"], [text], margin))
    return sorted(items, key=lambda item: item.top)


def _inside(char: dict, boxes: list[tuple[float, float, float, float]]) -> bool:
    x = (char["x0"] + char["x1"]) / 2
    y = (char["top"] + char["bottom"]) / 2
    return any(x0 <= x <= x1 and top <= y <= bottom for x0, top, x1, bottom in boxes)


def _table_grid(table) -> list[list[str]]:
    """pdfplumber gives None at positions a merged cell covers: those stay ""."""
    rows = table.extract()
    return [[join_wrapped((cell or "").split("\n")) for cell in row] for row in rows]


def _drop_running_lines(items: list[_Item], n_pages: int) -> list[_Item]:
    """Running headers/footers: margin lines whose text (digits aside) recurs on at least
    half the pages; and bare page numbers in the margins."""
    key = lambda text: re.sub(r"\d+", "#", text)  # noqa: E731 - "第 3 页" and "第 4 页" match
    counts: Counter[str] = Counter()
    for page in range(n_pages):
        counts.update({key(i.lines[0]) for i in items if i.margin and i.page == page})
    keep = []
    for item in items:
        if item.margin and item.lines:
            text = item.lines[0]
            if _PAGE_NUMBER.match(text) or (n_pages >= 2 and counts[key(text)] >= max(2, n_pages / 2)):
                continue
        keep.append(item)
    return keep


def _no_text_layer(n_pages: int) -> Finding:
    return Finding(
        "input.no_text_layer",
        "error",
        f"PDF 共 {n_pages} 页，没有文字层（可能是扫描件或图片），无法读取其中的文字和表格；本项目不做文字识别（OCR）。",
        "原文",
    )


def _scanned_pages(scanned: list[int]) -> list[Finding]:
    """Some pages are pictures among text pages: their content is missing, say which."""
    if not scanned:
        return []
    listed = "、".join(str(n) for n in scanned[:10])
    return [Finding("input.no_text_layer", "warning", f"PDF 第 {listed} 页没有文字层（可能是扫描图片），这些页的内容未能读取。", "原文")]
