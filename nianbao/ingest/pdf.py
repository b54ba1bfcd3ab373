"""PDF reader: tables from the page geometry, narrative from the text outside them.

pdfplumber finds ruled tables on each page (their cells, merged ones included); the text
lines outside those tables are the narrative. Both are put back in reading order by their
position on the page, so a table that runs over a page break simply continues with the
next page's rows. Lines repeated in the top or bottom margin of many pages (running
headers, footers) and bare page numbers are dropped. A PDF without a text layer (a scan)
gets a clear error finding instead of garbage: no OCR is attempted.

Cost is bounded before it is paid: the pages are counted before any is read, each page's
content stream is measured (inflating at most the limit) before it is interpreted, and a
page with more characters or drawn lines than a report page can hold is left out, each
with a finding; every page's objects are released once its lines are taken.
"""

from __future__ import annotations

import io
import itertools
import logging
import re
import zlib
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from ..model import Finding
from .document import Document
from .grid import clean_text, grid_lines, join_wrapped

#: Share of the page height that counts as top or bottom margin.
_MARGIN = 0.09
#: Reports run to 10-60 pages; a file with more is not one report.
MAX_PAGES = 500
#: A dense A4 page of Chinese text holds 2,000-4,000 characters.
MAX_PAGE_CHARS = 20_000
#: Lines, rectangles and curves on one page: a ruled table has a few hundred.
MAX_PAGE_GRAPHICS = 20_000
#: One page's content streams (the operators that draw its text and lines), inflated:
#: a report page needs 10-200 kB; interpreting megabytes takes pdfminer seconds.
MAX_PAGE_STREAM = 2 * 1024 * 1024
log = logging.getLogger(__name__)
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
            n_pages = _count_pages(pdf)
            if n_pages > MAX_PAGES:
                pdf._pages = []  # else closing the file makes every page object (seconds for thousands)
                msg = f"PDF 超过 {MAX_PAGES} 页的上限（不像是一份年度报告），未解析。"
                return Document(path=path, kind="pdf", lines=[], findings=[Finding("input.too_large", "error", msg, "原文")])
            pages, scanned, skipped = _read_pages(pdf)
    except MemoryError:
        raise  # the input's budget ran out (load.py says so), not a damaged file
    except Exception as exc:  # noqa: BLE001 - pdfminer raises many kinds on broken files
        log.warning("%s: PDF not read: %s: %.300s", path, type(exc).__name__, exc)  # the detail, for the log
        finding = Finding("input.pdf_unreadable", "error", "PDF 文件无法读取（文件已损坏、已加密或格式不受支持），无法解析。", "原文")
        return Document(path=path, kind="pdf", lines=[], findings=[finding])
    items = [item for page in pages for item in page]
    if not any(item.lines for item in items) and not skipped:
        return Document(path=path, kind="pdf", lines=[], findings=[_no_text_layer(len(pages))])
    items = _drop_running_lines(items, len(pages))
    lines = [line for item in items for line in item.lines]
    findings = _skipped_pages(skipped) + _scanned_pages(scanned)
    return Document(path=path, kind="pdf", lines=lines, findings=findings)


def _count_pages(pdf) -> int:
    """Pages in the file, counting at most MAX_PAGES + 1 (pdf.pages makes them all)."""
    from pdfminer.pdfpage import PDFPage

    return sum(1 for _ in itertools.islice(PDFPage.create_pages(pdf.doc), MAX_PAGES + 1))


def _read_pages(pdf) -> tuple[list[list[_Item]], list[int], list[tuple[int, str]]]:
    """Items of every page within the bounds; numbers of picture-only pages; (number, why)
    of pages left out."""
    pages, scanned, skipped = [], [], []
    for n, page in enumerate(pdf.pages):
        why = _stream_too_big(page.page_obj) or _too_many_objects(page)
        if why:
            skipped.append((n + 1, why))
            pages.append([])
        else:
            pages.append(_page_items(n, page))
            if not page.chars and page.images:
                scanned.append(n + 1)
        page.close()  # its characters, lines and layout: memory stays one page's worth
    return pages, scanned, skipped


def _stream_too_big(page_obj) -> str | None:
    """Why the page's content is too big to interpret, measured before it is."""
    from pdfminer.pdftypes import LITERALS_FLATE_DECODE, PDFStream, resolve1

    total = 0
    for ref in page_obj.contents:
        stream = resolve1(ref)
        if not isinstance(stream, PDFStream) or stream.rawdata is None:
            continue  # already decoded or not a stream: pdfminer handles it
        filters = [f for f, _params in stream.get_filters()]
        raw = stream.rawdata
        if filters and filters[0] in LITERALS_FLATE_DECODE and not stream.decipher:
            inflater = zlib.decompressobj()
            try:
                total += len(inflater.decompress(raw, MAX_PAGE_STREAM + 1 - total))
            except zlib.error:
                total += len(raw)  # broken: pdfminer salvages what it can, at most about this
        else:
            total += len(raw)
        if total > MAX_PAGE_STREAM:
            return f"内容流解压后超过 {MAX_PAGE_STREAM // 1024 // 1024} MB"
    return None


def _too_many_objects(page) -> str | None:
    if len(page.chars) > MAX_PAGE_CHARS:
        return f"有 {len(page.chars)} 个字符，超过每页 {MAX_PAGE_CHARS} 个"
    graphics = len(page.lines) + len(page.rects) + len(page.curves)
    if graphics > MAX_PAGE_GRAPHICS:
        return f"有 {graphics} 条线和图形，超过每页 {MAX_PAGE_GRAPHICS} 个"
    return None


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


def _skipped_pages(skipped: list[tuple[int, str]]) -> list[Finding]:
    """Pages over a bound: left out, and said so, with what was too much."""
    if not skipped:
        return []
    listed = "；".join(f"第 {n} 页{why}" for n, why in skipped[:5]) + ("……" if len(skipped) > 5 else "")
    msg = f"PDF 有 {len(skipped)} 页超出单页上限，未读取：{listed}。"
    return [Finding("input.too_large", "error", msg, "原文")]


def _scanned_pages(scanned: list[int]) -> list[Finding]:
    """Some pages are pictures among text pages: their content is missing, say which."""
    if not scanned:
        return []
    listed = "、".join(str(n) for n in scanned[:10])
    return [Finding("input.no_text_layer", "warning", f"PDF 第 {listed} 页没有文字层（可能是扫描图片），这些页的内容未能读取。", "原文")]
