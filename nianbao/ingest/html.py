"""HTML reader: a saved government web page (or an article fragment) -> text lines.

Site chrome (menus, headers, footers, breadcrumbs, share bars) is dropped, the article is
found by where the text is, narrative comes from block elements one line each, and every
data table becomes tab-separated grid rows with merged cells expanded (grid.py).
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from pathlib import Path

from bs4 import BeautifulSoup, CData, Comment, NavigableString, Tag

from ..model import Finding
from .decoding import decode
from .document import Document
from .grid import Span, clean_text, expand, grid_lines, join_wrapped

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
_REPORT_TITLE = re.compile(r"(20\d{2}\s*年.{0,30}政府信息公开.{0,8}报告|政府信息公开.{0,8}报告\s*[(（]\s*20\d{2}\s*年?度?\s*[)）])")
_BLOCK = {
    "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "section", "article", "main",
    "blockquote", "pre", "dl", "dt", "dd", "center", "form", "body", "header", "tr", "caption", "figure",
}  # fmt: skip
#: Elements nested deeper than this are not made into tags (see _Shallow). Real report
#: pages nest 10-40 levels; every walk below costs at most this much per element.
MAX_DEPTH = 100


class _Shallow(BeautifulSoup):
    """A soup at most MAX_DEPTH levels deep, whatever the markup's nesting.

    Both tree builders (lxml, html.parser) hand every tag to these methods while parsing;
    a tag opened at the limit is not made: its text joins the ancestor at the limit, a
    block among them still ends a line, and the text of a script or style among them is
    dropped as it would be higher up. So parsing stays linear, the tree walks below
    (text lengths, chrome tests, the recursive emit) cost at most MAX_DEPTH steps per
    element, and no recursion limit is ever reached. ``deepest`` records how deep the
    markup went.
    """

    def reset(self) -> None:
        super().reset()
        self.dropped: dict[str, int] = {}  # name -> open elements not made into tags
        self.n_dropped = 0
        self.silent = 0  # open dropped elements whose text is not shown (script, style)
        self.deepest = 0
        self.broke = False  # a line break was the last thing added: another adds nothing

    def handle_starttag(self, name, namespace, nsprefix, attrs, *args, **kwargs):
        self.deepest = max(self.deepest, len(self.tagStack) + self.n_dropped)  # tagStack[0] is the soup
        if len(self.tagStack) <= MAX_DEPTH:
            self.broke = False
            return super().handle_starttag(name, namespace, nsprefix, attrs, *args, **kwargs)
        self.dropped[name] = self.dropped.get(name, 0) + 1
        self.n_dropped += 1
        self.silent += name in _DROP_TAGS or name == "head"
        self._break(name)
        return None

    def handle_endtag(self, name, nsprefix=None) -> None:
        if not self.dropped.get(name):
            return super().handle_endtag(name, nsprefix)
        self.dropped[name] -= 1
        self.n_dropped -= 1
        self.silent -= name in _DROP_TAGS or name == "head"
        self._break(name)
        return None

    def handle_data(self, data: str) -> None:
        if not self.silent:
            self.broke = self.broke and not data.strip()
            super().handle_data(data)

    def _break(self, name: str) -> None:
        if not self.broke and (name in _BLOCK or name in ("td", "th", "table", "br")):
            self.broke = True
            super().handle_starttag("br", None, None, {})
            super().handle_endtag("br")


def _too_deep(deepest: int) -> list[Finding]:
    if deepest <= MAX_DEPTH:
        return []
    msg = f"网页的标签嵌套深达 {deepest} 层，超过 {MAX_DEPTH} 层的部分按普通文字读取（表格和段落结构可能丢失）。"
    return [Finding("input.too_deep", "warning", msg, "原文")]


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
    soup = _Shallow(decode_html(data), "lxml")
    page_title = _page_title(soup)
    _strip_chrome(soup)
    root = _content_root(soup.body or soup)
    lines: list[str] = []
    _emit_all(root, lines)
    lines = [ln for ln in lines if ln.strip()]
    if page_title and not any(len(ln) < 80 and _REPORT_TITLE.search(ln) for ln in lines[:20]):
        lines.insert(0, page_title)  # the report's title is only in <title>
    return Document(path=path, kind="html", lines=lines, findings=_too_deep(soup.deepest))


def _page_title(soup: BeautifulSoup) -> str | None:
    """The <title> when it names a report ("2020年金林区…年度报告-金林区人民政府办公室"),
    the site's name after it cut off."""
    tag = soup.find("title")
    text = " ".join(tag.get_text(" ").split())[:300] if tag else ""
    # "站名 - 2020年…年度报告 - 发布机构": the part that names the report
    parts = [p.strip() for p in re.split(r"\s[-_|—–]+\s|[_|—–]+|(?<=[\u4e00-\u9fff）)])-(?=[\u4e00-\u9fff\d])", text)]
    return next((p for p in parts if _REPORT_TITLE.search(p)), None)


def _strip_chrome(soup: BeautifulSoup) -> None:
    for node in soup.find_all(string=lambda s: isinstance(s, Comment)):
        node.extract()
    for tag in soup.find_all(_DROP_TAGS):
        tag.decompose()
    for tag in soup.find_all("head"):
        tag.decompose()
    # A tag is tested before any of its descendants is removed (document order), so the
    # stats of the tree as it is now hold for every test.
    stats = _stats(soup)
    for tag in list(soup.find_all(True)):
        if _decomposed(tag) or tag.name in ("html", "body") or stats[id(tag)].table:
            continue
        if _is_chrome(tag, stats[id(tag)]):
            tag.decompose()


def _decomposed(tag: Tag) -> bool:
    # Not tag.decomposed: on a live tag that reads tag._decomposed, which bs4 turns into
    # tag.find("_decomposed"), a search of the whole subtree.
    return vars(tag).get("_decomposed", False)


@dataclass(slots=True)
class _Stats:
    """What the tests below read from a tag's text and descendants."""

    length: int = 0  # len(tag.get_text("", strip=True))
    head: str = ""  # the first _HEAD characters of that text
    period: bool = False  # a 。 in it
    links: int = 0  # <a> elements inside
    linked: int = 0  # the length of their text, summed
    table: bool = False  # a <table> inside
    heading: bool = False  # an h1-h3 inside


_HEAD = 16
_HEADINGS = ("h1", "h2", "h3")
_TEXT_TYPES = (NavigableString, CData)  # the strings get_text() counts (not script, style, rt)
_TEXT_SET = set(_TEXT_TYPES)


def _stats(root: Tag) -> dict[int, _Stats]:
    """_Stats of every tag under ``root`` (by id), in one pass from the last tag to the
    first, so every child is done before its parent: linear, where asking each tag for
    its text would cost its whole subtree, at every level."""
    out: dict[int, _Stats] = {}
    odd: dict[int, Tag] = {}
    for tag in reversed([root, *root.find_all(True)]):
        st = _Stats()
        for child in tag.contents:
            if isinstance(child, Tag):
                c = out[id(child)]
                is_a = child.name == "a"
                st.length += c.length
                st.head = (st.head + c.head)[:_HEAD] if len(st.head) < _HEAD else st.head
                st.period |= c.period
                st.links += c.links + is_a
                st.linked += c.linked + (c.length if is_a else 0)
                st.table |= c.table or child.name == "table"
                st.heading |= c.heading or child.name in _HEADINGS
            elif type(child) in _TEXT_TYPES:
                text = child.strip()
                st.length += len(text)
                st.head = (st.head + text[:_HEAD])[:_HEAD] if len(st.head) < _HEAD else st.head
                st.period |= "。" in text
        out[id(tag)] = st
        if tag.interesting_string_types != _TEXT_SET:
            odd[id(tag)] = tag  # <rt>, <rp>: their own text is of another kind
    out.update((key, _direct(tag)) for key, tag in odd.items())
    return out


def _direct(tag: Tag) -> _Stats:
    """_Stats of one tag asked directly (for the few kinds _stats cannot add up)."""
    text = tag.get_text("", strip=True)
    links = tag.find_all("a")
    linked = sum(len(a.get_text("", strip=True)) for a in links)
    table, heading = tag.find("table") is not None, tag.find(_HEADINGS) is not None
    return _Stats(len(text), text[:_HEAD], "。" in text, len(links), linked, table, heading)


def _is_chrome(tag: Tag, st: _Stats) -> bool:
    names = (" ".join(tag.get("class") or []) + " " + str(tag.get("id") or "")).strip()
    if _CHROME.search(names) or _link_list(tag, st) or (st.length < 200 and _WHERE_AM_I.match(st.head)):
        return True
    if tag.name == "header" or _WEAK_CHROME.search(names):
        return not st.heading and not _TITLE.search(tag.get_text("", strip=True))
    return False


def _link_list(tag: Tag, st: _Stats) -> bool:
    """A menu: a list or box whose text is nearly all links, with no sentence in it."""
    if tag.name not in ("ul", "ol", "div", "dl", "span", "td", "p"):
        return False
    if not st.length or st.period:
        return False
    return st.linked >= 0.8 * st.length and st.links >= 2


def _content_root(node: Tag) -> Tag:
    """Descend while one child holds nearly all the text: outer wrappers and the boxes
    beside the article (related links, counters) are left behind."""
    stats = _stats(node)
    while True:
        total = stats[id(node)].length
        children = [c for c in node.children if isinstance(c, Tag)]
        best = max(children, key=lambda c: stats[id(c)].length, default=None)
        if best is None or total == 0 or best.name in ("table", "tr", "td", "th", "tbody"):
            return node
        if stats[id(best)].length < 0.9 * total or any(_holds_title(c) for c in children if c is not best):
            return node
        node = best


def _holds_title(tag: Tag) -> bool:
    return tag.name in _HEADINGS or bool(tag.find(_HEADINGS)) or bool(_TITLE.search(tag.get_text("", strip=True)))


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
    soup = _Shallow(markup, "html.parser")
    lines: list[str] = []
    for table in soup.find_all("table"):
        if table.find_parent("table") is None:
            _emit_table(table, lines)
    return lines
