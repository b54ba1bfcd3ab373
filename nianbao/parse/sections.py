"""Find the six numbered sections, whatever the heading style, and repair their text."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import SECTION_KEYS, Section
from .normalize import compact

_NUMERALS = "一二三四五六"
_HEADING = re.compile(r"^(?:第([一二三四五六])(?:部分|章)[、.,:]?|([一二三四五六])\s*[、.,:])\s*(.*)$")
#: Each section's heading must say one of these (table rows "三、本年度办理结果" and
#: "四、结转下年度继续办理" start like headings but do not).
TOPIC = {
    "overview": re.compile(r"总体情况|概述|总体|基本情况"),
    "active_disclosure": re.compile(r"主动公开"),
    "applications": re.compile(r"收到和处理|依申请|申请情况|公开申请"),
    "review_litigation": re.compile(r"行政复议|行政诉讼|复议|诉讼"),
    "problems": re.compile(r"存在的?主要问题|改进情况|存在问题|问题及"),
    "other_matters": re.compile(r"其他需要报告|其他事项|需要报告|其他"),
}
_MAX_HEADING = 60
#: A short last line of a heading broken across lines.
_TAIL = re.compile(r"^.{0,8}情况[。.]?$")


@dataclass(slots=True)
class Heading:
    key: str
    line: int  # 0-based index into the line lists
    title: str


def find_headings(norm: list[str], raw: list[str]) -> list[Heading]:
    """Headings found, in order; a heading broken across two lines is joined."""
    found: list[Heading] = []
    start = 0
    for index, key in enumerate(SECTION_KEYS):
        hit = _find_one(norm, raw, _NUMERALS[index], key, start)
        if hit is not None:
            found.append(hit)
            start = hit.line + 1
    return found


def _find_one(norm: list[str], raw: list[str], numeral: str, key: str, start: int) -> Heading | None:
    for i in range(start, len(norm)):
        if norm[i].lstrip()[:1] not in (numeral, "第"):
            continue  # cheap test first: most lines are not headings
        text = compact(norm[i])
        m = _HEADING.match(text)
        if not m or (m.group(1) or m.group(2)) != numeral or len(text) > _MAX_HEADING:
            continue
        title = text
        nxt = _next_nonempty(norm, i)
        tail = compact(norm[nxt]) if nxt is not None else ""
        joinable = bool(tail) and "\t" not in norm[nxt] and not _HEADING.match(tail) and not re.search(r"\d", tail)
        if not TOPIC[key].search(title):
            if not joinable or len(title + tail) > _MAX_HEADING + 20 or not TOPIC[key].search(title + tail):
                continue
            title += tail
        elif joinable and _TAIL.match(tail):
            title += tail  # "…提起行政诉" + "讼情况。"
        return Heading(key, i, clean_title(title))
    return None


def _next_nonempty(norm: list[str], i: int) -> int | None:
    for j in range(i + 1, min(i + 3, len(norm))):
        if norm[j].strip():
            return j
    return None


def clean_title(title: str) -> str:
    return title.rstrip("。.:：")


def section_spans(headings: list[Heading], n_lines: int) -> dict[str, tuple[int, int]]:
    """Section key -> (first line after the heading, end) as 0-based half-open spans."""
    spans: dict[str, tuple[int, int]] = {}
    for i, h in enumerate(headings):
        end = headings[i + 1].line if i + 1 < len(headings) else n_lines
        spans[h.key] = (h.line + 1, end)
    return spans


_BREAK_AFTER = re.compile(r"[。！？!?；;:：]$|[。！？]”$")  # searched in the last 2 characters only
_PARA_START = re.compile(
    r"^(?:#|\(?[一二三四五六七八九十]+[)、.]|（[一二三四五六七八九十]+）|\d+[.、)]\D|[一二三四五六七八九十]是|存在问题|整改措施|改进措施)"
)


def repair_paragraphs(lines: list[str]) -> str:
    """Join lines that a PDF broke inside a sentence; keep real paragraph breaks."""
    paragraphs: list[str] = []
    parts: list[str] = []  # the paragraph so far, joined once it ends (linear in its length)
    for raw in lines:
        line = raw.strip()
        if not line:
            continue
        if parts and (_BREAK_AFTER.search(parts[-1][-2:]) or _PARA_START.match(line) or _is_subheading(parts)):
            paragraphs.append("".join(parts))
            parts = []
        if parts and _spaced(parts[-1], line):
            parts.append(" ")
        parts.append(line)
    if parts:
        paragraphs.append("".join(parts))
    return "\n".join(paragraphs)


def _is_subheading(parts: list[str]) -> bool:
    """ "（一）主动公开情况": a short numbered line without sentence punctuation."""
    if sum(map(len, parts[:31])) > 30:
        return False
    text = "".join(parts)
    return bool(_PARA_START.match(text)) and not re.search(r"[，。；,;]", text)


def _spaced(left: str, right: str) -> bool:
    """Two words of Latin letters or digits broken over lines keep a space between them."""
    return left[-1].isascii() and right[0].isascii() and left[-1].isalnum() and right[0].isalnum()


def build_sections(headings: list[Heading], spans: dict[str, tuple[int, int]], text_lines) -> list[Section]:
    """Sections with their narrative text (text_lines(key, start, end) picks the lines)."""
    out = []
    for h in headings:
        start, end = spans[h.key]
        out.append(Section(h.key, h.title, repair_paragraphs(text_lines(h.key, start, end)), h.line + 1))
    return out
