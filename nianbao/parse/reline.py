"""Text that lost its line breaks (a web page's innerText): cut it back into lines.

A copied web page may hold the whole report on one line, or a table per line, with the
cells run together (``规章000行政规范性文件77132470…``). Before anything else reads it,
such a line is cut where the national template says a new line starts: before each of
the six section headings, before a table's first anchor (prose stays apart), and after
each row's run of digits (``…77132470`` | ``行政许可8``). The digits themselves are not
split here: ``glued.py`` does that with the tables' arithmetic. Lines that are already
short, or tab grids, are left as they are, so every other form passes through unchanged.
"""

from __future__ import annotations

import re

from ..model import SECTION_KEYS
from .normalize import canonical
from .sections import TOPIC
from .table2_names import COLUMNS

#: Only lines at least this long are considered (a glued table row alone is shorter).
MIN_LENGTH = 120

#: A section heading run into its text: numeral, a short title ending in 情况/事项. Its
#: topic is then checked like any heading's (sections.TOPIC), so "三、本年度办理结果" is not one.
_HEADING = re.compile(
    r"(?:第(?P<n1>[一二三四五六])部分|(?<![(（一二三四五六七八九十第])(?P<n2>[一二三四五六])[、.])\s*(?P<title>[^。，,;；:：\d]{2,40}?(?:情况|事项))"
)
_TITLE = re.compile(r"^[^。，,]{0,60}?20\d{2}\s*年\s*度?[^。，,]{0,30}?政府信息公开(?:工作)?(?:年度)?(?:工作)?报告")
#: Where a table begins inside a section: prose before it stays on its own line.
_TABLE_START = re.compile(r"第二十条|信息内容|\(本列数据|本列数据|申请人情况|行政复议\s*行政诉讼|行政复议\s*结果维持")
#: A row's digits followed by the next label: cut after the digits. A single digit
#: right before "." or "、" is the next row's numbering ("…0000000" + "2.重复申请").
_ROW_END = re.compile(
    r"(?P<run>(?:[+\-]|增|减)?\d(?:[\d.,\s]|(?:[+\-]|增|减)(?=\d))*?)"
    r"(?P<next>\d[.、](?=\D)|(?=[^\d\s.,、)%+\-])|$)"
)
#: The end of a table's header: a column name, or 总计 before the first row.
_HEADER_END = re.compile(rf"(?:{COLUMNS.pattern})(?:\((?:单位:)?万?元\))?|(?=一、\s*本年)")
_LONG_RUN = re.compile(r"\d{10,}")
#: A table's labels and a long digit run on one shorter line (table 4 with its heading).
_GLUED_TABLE = re.compile(r"[\u4e00-\u9fff]\d{10,}")
_LABEL_CHAR = re.compile(r"[\u4e00-\u9fff(（]")
_GLUED_ROWS = re.compile(r"[\u4e00-\u9fff)）\]】]\s?\d")


def reline(lines: list[str]) -> tuple[list[str], bool]:
    """The lines, with run-together ones cut; and whether anything was cut."""
    out: list[str] = []
    changed = False
    for line in lines:
        long = len(line) >= MIN_LENGTH or _GLUED_TABLE.search(line)
        parts = _cut(line) if long and "\t" not in line else None
        if parts is None:
            out.append(line)
        else:
            out.extend(parts)
            changed = True
    return out, changed


def _cut(line: str) -> list[str] | None:
    text = canonical(line)
    result: list[str] = []
    pos = 0
    title = _TITLE.match(text)
    if title and len(text) > title.end() + 10:
        result.append(title.group(0))  # the title, then the preamble
        pos = title.end()
    for m in _headings(text, pos):  # each heading on a line of its own
        result.extend(_cut_tables(text[pos : m.start()]) if text[pos : m.start()].strip() else [])
        result.append(m.group(0))
        pos = m.end()
    result.extend(_cut_tables(text[pos:]) if text[pos:].strip() else [])
    if len(result) < 2:
        return None
    return [p.strip() for p in result]


def _headings(text: str, pos: int):
    for m in _HEADING.finditer(text, pos):
        key = SECTION_KEYS["一二三四五六".index(m.group("n1") or m.group("n2"))]
        if TOPIC[key].search(m.group("title")):
            yield m


def _cut_tables(text: str) -> list[str]:
    """A section's text: prose, then its table cut into one line per row."""
    m = _TABLE_START.search(text)
    if m is None or (len(_GLUED_ROWS.findall(text[m.start() :])) < 3 and not _LONG_RUN.search(text)):
        return [text]
    out = [text[: m.start()]] if text[: m.start()].strip() else []
    out.extend(_rows(text[m.start() :]))
    return out


def _rows(table: str) -> list[str]:
    rows: list[str] = []
    pos = 0
    label_start = 0
    for m in _ROW_END.finditer(table):
        if m.start() < pos or not _LABEL_CHAR.search(table[label_start : m.start()] or "x"):
            continue
        label = table[label_start : m.start()]
        run = re.sub(r"\s+", " ", m.group("run").strip())  # a space stays: it is a cell boundary
        if not run or not label.strip() or run[-1] in ".、":
            continue  # "1." is the numbering of the row label that follows
        header, label = _split_header(label)
        if header:
            rows.append(header)
        if len(run) >= 10 and ("结果维持" in label or "尚未审结" in label) and label.rstrip().endswith(("总计", "合计")):
            rows.extend([label.strip(), run])  # table 4's header, then its value row
        else:
            rows.append(label.strip() + run)
        pos = label_start = m.start("next")
    tail = table[label_start:]
    if tail.strip():
        rows.append(tail)
    return rows


def _split_header(label: str) -> tuple[str, str]:
    """ "信息内容本年制发件数…现行有效件数规章" -> the header, and the row label "规章"."""
    ends = [m.end() for m in _HEADER_END.finditer(label)]
    if not ends:
        return "", label
    return label[: ends[-1]].strip(), label[ends[-1] :]
