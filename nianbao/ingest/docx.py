"""Word (.docx) reader: paragraphs and tables in body order -> text lines.

The body XML is walked directly so a table stays between the paragraphs it stands
between. python-docx repeats a merged cell at every grid position it covers; only its
first occurrence keeps the text (grid.py's convention), the others are "".
"""

from __future__ import annotations

import io
import logging
from pathlib import Path

from ..model import Finding
from .archive import zip_problem
from .document import Document
from .grid import MAX_COLUMNS, MAX_SPAN, clean_text, grid_lines, join_wrapped

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
log = logging.getLogger(__name__)


def read_docx(path: Path, data: bytes) -> Document:
    try:
        from docx import Document as open_docx

        problem = zip_problem(data, "Word 文件")  # sizes first: python-docx inflates every part
        if problem is not None:
            return Document(path=path, kind="docx", lines=[], findings=[problem])
        body = open_docx(io.BytesIO(data)).element.body
    except MemoryError:
        raise  # the input's budget ran out (load.py says so), not a damaged file
    except Exception as exc:  # noqa: BLE001 - zipfile, python-docx and lxml raise many kinds
        log.warning("%s: Word file not opened: %s: %.300s", path, type(exc).__name__, exc)  # the detail, for the log
        finding = Finding("input.docx_unreadable", "error", f"Word 文件无法打开（{_why(exc)}），无法解析。", "原文")
        return Document(path=path, kind="docx", lines=[], findings=[finding])
    lines: list[str] = []
    _walk(body, lines)
    return Document(path=path, kind="docx", lines=[ln for ln in lines if ln.strip()])


def _why(exc: Exception) -> str:
    """Why a Word file did not open, in words (the library's message is for the log)."""
    import zipfile

    if isinstance(exc, zipfile.BadZipFile):
        return "不是完整的 Word 文件，压缩包已损坏"
    if isinstance(exc, NotImplementedError):
        return "使用了不支持的压缩方式"
    if isinstance(exc, RuntimeError) and "encrypt" in str(exc).lower():
        return "文件已加密"
    if isinstance(exc, KeyError):
        return "缺少 Word 文件必需的部分"
    if type(exc).__module__.startswith("lxml"):
        return "其中的 XML 内容已损坏"
    return "文件已损坏或不是 Word 格式"


def _walk(element, lines: list[str]) -> None:
    for child in element.iterchildren():
        if child.tag == _W + "p":
            lines.extend(_paragraph_lines(child))
        elif child.tag == _W + "tbl":
            lines.extend(grid_lines(_table_grid(child)))
        elif child.tag == _W + "sdt":
            content = child.find(_W + "sdtContent")  # content controls wrap real blocks
            if content is not None:
                _walk(content, lines)


def _paragraph_lines(p) -> list[str]:
    """A paragraph's text; a manual line break starts a new line, a tab is a space
    (a tab in narrative would look like a table row to the parser)."""
    out: list[str] = [""]
    for node in p.iter(_W + "t", _W + "br", _W + "cr", _W + "tab"):
        if node.tag == _W + "t":
            out[-1] += node.text or ""
        elif node.tag == _W + "tab":
            out[-1] += " "
        else:
            out.append("")
    return [clean_text(t) for t in out if t.strip()]


def _table_grid(tbl) -> list[list[str]]:
    """The table laid out on its grid: gridSpan spreads a cell right, vMerge="continue"
    marks a position covered by the cell above."""
    grid: list[list[str]] = []
    for tr in tbl.iterchildren(_W + "tr"):
        row: list[str] = []
        for tc in tr.iterchildren(_W + "tc"):
            if len(row) >= MAX_COLUMNS:
                break  # markup gone wrong (grid.MAX_COLUMNS): the rest of the row is dropped
            props = tc.find(_W + "tcPr")
            span = max(1, min(_int_val(props, "gridSpan", 1), MAX_SPAN, MAX_COLUMNS - len(row)))
            merged = props is not None and props.find(_W + "vMerge") is not None
            continues = merged and (props.find(_W + "vMerge").get(_W + "val") in (None, "continue"))
            text = "" if continues else _cell_text(tc)
            row.extend([text] + [""] * (span - 1))
        grid.append(row)
    width = max((len(r) for r in grid), default=0)
    return [r + [""] * (width - len(r)) for r in grid]


def _cell_text(tc) -> str:
    parts: list[str] = []
    for child in tc.iterchildren():
        if child.tag == _W + "p":
            parts.extend(_paragraph_lines(child))
        elif child.tag == _W + "tbl":
            parts.extend(" ".join(r) for r in _table_grid(child))  # a nested table: keep its words
    return join_wrapped(parts)


def _int_val(props, name: str, default: int) -> int:
    node = props.find(_W + name) if props is not None else None
    try:
        return int(node.get(_W + "val")) if node is not None else default
    except (TypeError, ValueError):
        return default
