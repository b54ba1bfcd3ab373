"""HTML reader: a saved government web page (or an article fragment) -> text lines.

Site chrome (menus, headers, footers, breadcrumbs, share bars) is dropped, the article is
found by where the text is, narrative comes from block elements one line each, and every
data table becomes tab-separated grid rows with merged cells expanded (grid.py).
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from bs4 import BeautifulSoup, Comment, NavigableString, Tag

from .document import Document
from .grid import Span, clean_text, expand, grid_lines, join_wrapped
from .text import decode

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.IGNORECASE)
#: Legacy Chinese charsets are all subsets of GB18030; decoding with it loses nothing.
_GB_FAMILY = {"gb2312", "gbk", "gb_2312-80", "x-gbk", "gb18030", "cp936", "euc-cn"}
_DROP_TAGS = ("script", "style", "noscript", "template", "iframe", "svg", "select", "button", "input", "nav", "footer", "object")
#: class/id words of site chrome: an element so named is dropped unless it holds a table.
_CHROME = re.compile(
    r"(^|[\s_\-])(nav|navbar|menu|footer|foot|breadcrumb|crumbs?|sidebar|share|copyright|toolbar|topbar"
    r"|search|login|banner|friend|fontsize|wza)([\s_\-\d]|$)",
    re.IGNORECASE,
)
#: Weaker words ("article-head" may hold the title): dropped only when no heading is inside.
_WEAK_CHROME = re.compile(r"(^|[\s_\-])(header|head|top|bottom|side|links?|position|location|print)([\s_\-\d]|$)", re.I)
_WHERE_AM_I = re.compile(r"^\s*(当前位置|您的位置|您现在的位置|所在位置)")
#: The report's title: a box holding it is never left behind as chrome.
_TITLE = re.compile(r"20\d{2}\s*年.{0,40}报告")
_BLOCK = {
    "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "section", "article", "main",
    "blockquote", "pre", "dl", "dt", "dd", "center", "form", "body", "header", "tr", "caption", "figure",
}  # fmt: skip


def decode_html(data: bytes) -> str:
    """BOM first, then the page's <meta charset>, then UTF-8, then GB18030."""
    if data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return decode(data)[0]
    m = _META_CHARSET.search(data[:8192])
    if m:
        name = m.group(1).decode("ascii", "ignore").lower()
        enc = "gb18030" if name in _GB_FAMILY else name
        try:
            return data.decode(enc)
        except (LookupError, UnicodeDecodeError):
            pass  # the page lied about its charset: fall through to guessing
    return decode(data)[0]


def read_html(path: Path, data: bytes) -> Document:
    soup = BeautifulSoup(decode_html(data), "lxml")
    _strip_chrome(soup)
    root = _content_root(soup.body or soup)
    lines: list[str] = []
    _emit_all(root, lines)
    return Document(path=path, kind="html", lines=[ln for ln in lines if ln.strip()])


def _strip_chrome(soup: BeautifulSoup) -> None:
    for node in soup.find_all(string=lambda s: isinstance(s, Comment)):
        node.extract()
    for tag in soup.find_all(_DROP_TAGS):
        tag.decompose()
    for tag in soup.find_all("head"):
        tag.decompose()
    for tag in list(soup.find_all(True)):
        if tag.decomposed or tag.name in ("html", "body") or tag.find("table"):
            continue
        if _is_chrome(tag):
            tag.decompose()


def _is_chrome(tag: Tag) -> bool:
    names = (" ".join(tag.get("class") or []) + " " + str(tag.get("id") or "")).strip()
    text = tag.get_text("", strip=True)
    if _CHROME.search(names) or _link_list(tag) or (len(text) < 200 and _WHERE_AM_I.match(text)):
        return True
    if tag.name == "header" or _WEAK_CHROME.search(names):
        return not tag.find(("h1", "h2", "h3")) and not _TITLE.search(text)
    return False


def _link_list(tag: Tag) -> bool:
    """A menu: a list or box whose text is nearly all links, with no sentence in it."""
    if tag.name not in ("ul", "ol", "div", "dl", "span", "td", "p"):
        return False
    text = tag.get_text("", strip=True)
    if not text or "。" in text:
        return False
    linked = sum(len(a.get_text("", strip=True)) for a in tag.find_all("a"))
    return linked >= 0.8 * len(text) and len(tag.find_all("a")) >= 2


def _content_root(node: Tag) -> Tag:
    """Descend while one child holds nearly all the text: outer wrappers and the boxes
    beside the article (related links, counters) are left behind."""
    while True:
        total = len(node.get_text("", strip=True))
        children = [c for c in node.children if isinstance(c, Tag)]
        best = max(children, key=lambda c: len(c.get_text("", strip=True)), default=None)
        if best is None or total == 0 or best.name in ("table", "tr", "td", "th", "tbody"):
            return node
        if len(best.get_text("", strip=True)) < 0.9 * total or any(_holds_title(c) for c in children if c is not best):
            return node
        node = best


def _holds_title(tag: Tag) -> bool:
    return tag.name in ("h1", "h2", "h3") or bool(tag.find(("h1", "h2", "h3"))) or bool(_TITLE.search(tag.get_text("", strip=True)))


def _emit(node: Tag, lines: list[str], buf: list[str]) -> None:
    """Walk in document order: inline text gathers into buf, blocks flush it as a line."""
    for child in node.children:
        if isinstance(child, NavigableString):
            buf.append(str(child))
        elif not isinstance(child, Tag):
            continue
        elif child.name == "br":
            _flush(lines, buf)
        elif child.name == "table":
            _flush(lines, buf)
            _emit_table(child, lines)
        elif child.name in _BLOCK or child.name in ("td", "th"):
            _flush(lines, buf)
            _emit(child, lines, buf)
            _flush(lines, buf)
        else:
            _emit(child, lines, buf)


def _emit_all(node: Tag, lines: list[str]) -> None:
    buf: list[str] = []
    _emit(node, lines, buf)
    _flush(lines, buf)


def _flush(lines: list[str], buf: list[str]) -> None:
    text = clean_text("".join(buf))
    buf.clear()
    if text:
        lines.append(text)


def _emit_table(table: Tag, lines: list[str]) -> None:
    """A data table becomes grid rows; a layout table (nested tables, one column) is
    read as blocks, cell by cell."""
    rows = _own_rows(table)
    if table.find("table") or max((len(r) for r in rows), default=0) < 2:
        for row in rows:
            for cell in row:
                _emit_all(cell, lines)
        return
    spans = [[Span(_cell_text(c), _int(c.get("rowspan")), _int(c.get("colspan"))) for c in row] for row in rows]
    lines.extend(grid_lines(expand(spans)))


def _own_rows(table: Tag) -> list[list[Tag]]:
    """The table's own rows and cells (not those of tables nested inside it)."""
    rows = []
    for tr in table.find_all("tr"):
        if tr.find_parent("table") is table:
            rows.append([c for c in tr.find_all(("td", "th"), recursive=False)])
    return [r for r in rows if r]


def _cell_text(cell: Tag) -> str:
    parts: list[str] = []
    _emit_all(cell, parts)
    return join_wrapped(parts)


def _int(value) -> int:
    try:
        return int(str(value).strip())
    except (TypeError, ValueError):
        return 1


def table_lines(markup: str) -> list[str]:
    """Grid lines of every <table> in a piece of markup (tables inside Markdown text)."""
    soup = BeautifulSoup(markup, "html.parser")
    lines: list[str] = []
    for table in soup.find_all("table"):
        if table.find_parent("table") is None:
            _emit_table(table, lines)
    return lines
