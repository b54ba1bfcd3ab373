"""PDF-extracted text (seeds 001 and 002): space-separated cells, labels wrapped in narrow cells.

What a text layer of a printed table gives: every visual line becomes a line, mostly with a
blank line after it; a long row label breaks over several lines and its numbers land on the
last fragment, on a line of their own, or on the first fragment; category cells ("（三）不予
公开") break every two or three characters; table 4's headers stand one character per line.
"""

from __future__ import annotations

import random
import re

from nianbao.model import T4_BLOCKS, T4_FIELDS

from .layout import T3_APPLICANTS, T3_NOTE, T4_FIELDS_CN, label, num, table2_cells
from .spec import Spec, quoted_preamble, title_lines

_UNBREAKABLE = re.compile(r"[0-9A-Za-z.,:/%\-]+")


class Page:
    """Collects physical lines and prints them the way a PDF text layer does."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.lines: list[str] = []
        self.number = 1

    def add(self, text: str, blank_after: float = 0.85) -> None:
        """One line; usually a blank line after it, sometimes a stray leading space."""
        lead = " " if self.rng.random() < 0.05 else ""
        self.lines.append(lead + text)
        if self.rng.random() < blank_after:
            self.lines.append("")

    def paragraph(self, text: str, width: int) -> None:
        for line in wrap(text, width):
            self.add(line)
        if self.rng.random() < 0.08:
            self.number += 1
            self.add(self.rng.choice((f"- {self.number} -", f"第 {self.number} 页")))

    def page_number(self) -> None:
        """A bare page number between two full rows (seed 001 line 313)."""
        self.number += 1
        self.lines += ["", "", str(self.number), ""]


def wrap(text: str, width: int) -> list[str]:
    """Cut text into lines of ``width`` characters, never inside a number or latin word."""
    out: list[str] = []
    line = ""
    for token in _tokens(text):
        if line and len(line) + len(token) > width:
            out.append(line)
            line = token.lstrip()
        else:
            line += token
    if line:
        out.append(line)
    return out


def _tokens(text: str) -> list[str]:
    tokens: list[str] = []
    pos = 0
    for m in _UNBREAKABLE.finditer(text):
        tokens.extend(text[pos : m.start()])
        tokens.append(m.group(0))
        pos = m.end()
    tokens.extend(text[pos:])
    return tokens


def render_pdf(spec: Spec, rng: random.Random) -> str:
    page = Page(rng)
    width = rng.randint(24, 32)
    for title in title_lines(spec) if spec.title_form != "quoted" else []:
        page.add(title)
    if spec.title_form == "quoted":
        page.paragraph(quoted_preamble(spec).split("现发布")[0], width)
        page.paragraph("现发布" + quoted_preamble(spec).split("现发布")[1], width)
    page.paragraph(spec.prose.preamble, width)
    heads = spec.headings
    page.add(heads[0])
    for sub, para in spec.prose.overview:
        if sub:
            page.add(sub)
        page.paragraph(para, width)
    page.add(heads[1])
    _table2(page, spec)
    page.add(heads[2])
    _table3(page, spec)
    _heading(page, heads[3])
    _table4(page, spec)
    page.add(heads[4] + rng.choice(("", "。")))
    for para in spec.prose.problems:
        page.paragraph(para, width)
    page.add(heads[5])
    page.add(spec.prose.other)
    return "\n".join(page.lines) + "\n"


def _heading(page: Page, text: str) -> None:
    """Long headings break before their last characters ("…提起行政诉" / "讼情况。")."""
    if text.endswith("诉讼情况") and len(text) > 24 and page.rng.random() < 0.5:
        page.add(text[:-3])
        page.add(text[-3:] + "。")
    else:
        page.add(text)


def _table2(page: Page, spec: Spec) -> None:
    rng = page.rng
    for block in spec.numbers.table2:
        page.add(block.section)
        if rng.random() < 0.6:
            page.add(" ".join(["信息内容", *block.columns]))
        else:  # a wrapped header: "本年新" / "制作数量"
            page.add("信息内容", blank_after=0)
            for column in block.columns:
                for chunk in _chunks(column, rng.choice((3, 4))):
                    page.add(chunk, blank_after=0.6)
        for item, values in block.items:
            page.add(" ".join([item, *table2_cells(spec.style, block.columns, values, rng)]))


def _chunks(text: str, size: int) -> list[str]:
    return [text[i : i + size] for i in range(0, len(text), size)]


def _table3(page: Page, spec: Spec) -> None:
    rng = page.rng
    style = spec.style
    for line in wrap(T3_NOTE, rng.randint(14, 18)):
        page.add(line)
    page.add("申请人情况")
    total = " 总计" if spec.numbers.t3_width == 7 else ""
    if rng.random() < 0.5:
        page.add("自然人 法人或其他组织" + total)
    else:  # seed 002: "自然 法人或其他组织 总计" / " 人"
        page.add("自然 法人或其他组织" + total, blank_after=0)
        page.add(" 人", blank_after=0)
    if rng.random() < 0.5:
        page.add("商业 科研 社会公 法律服 其他", blank_after=0)
        page.add(" 企业 机构 益组织 务机构")
    else:
        for name in T3_APPLICANTS:
            for chunk in _chunks(name, 2):
                page.add(chunk)
    width = rng.randint(9, 14)
    for key, (top, cat, item), values in spec.t3_rows():
        own = item or cat or top
        for merged in (top if own != top else "", cat if own != cat else ""):
            if merged:
                _narrow(page, label(merged, style))
        cells = " ".join(num(v, style, blank=rng.choice(("/", "—"))) for v in values)
        _row(page, label(own, style), cells, width if own != top else 20)
        if key in ("partially_granted", "denied_administrative_query", "carried_forward") and len(values) == 7 and rng.random() < 0.1:
            page.page_number()


def _narrow(page: Page, text: str) -> None:
    """A merged category cell: "（三）" / "不予公" / "开" or "三、本" / "年度" / …"""
    m = re.match(r"^(\(.\) ?|（.）|.、)", text)
    head, rest = (m.group(0).strip(), text[m.end() :]) if m else ("", text)
    size = page.rng.choice((2, 3))
    if head and page.rng.random() < 0.5 and rest:
        page.add(head + rest[: size - 1])
        rest = rest[size - 1 :]
    elif head:
        page.add(head)
    for chunk in _chunks(rest.strip(), size):
        page.add(chunk)


def _row(page: Page, text: str, cells: str, width: int) -> None:
    """A row label wrapped at ``width`` with its numbers on the last, own or first line."""
    parts = wrap(text, width)
    if len(parts) == 1:
        page.add(f"{parts[0]} {cells}")
        return
    where = page.rng.choice(("last", "last", "own", "own", "first"))
    if where == "first":
        parts[0] += " " + cells
    elif where == "last":
        parts[-1] += " " + cells
    for part in parts:
        page.add(part, blank_after=0.7)
    if where == "own":
        page.add(cells)


def _table4(page: Page, spec: Spec) -> None:
    rng = page.rng
    t4 = spec.numbers.table4
    page.add("行政复议 行政诉讼")
    for block in range(3):
        if block == 1:
            page.add("未经复议直接起诉 复议后起诉")
        for name in T4_FIELDS_CN:
            size = 1 if name != "总计" or rng.random() < 0.5 else 2
            for chunk in _chunks(name, size):
                page.add(chunk)
    values = [str(t4[b][f]) for b in T4_BLOCKS for f in T4_FIELDS]
    if spec.numbers.t4_extra:
        values.append("0")
    page.add(" ".join(values))
