"""Grid shapes: tab-separated tables (seeds 000, 003, 004) and markdown pipe tables.

A tab grid is what copying a Word or web table gives: one line per table row, merged cells
left as empty cells, and the same merged cell not always in the same column (seed 003 puts
"(四) 无法提供" in the first column, seed 000 in the second). Pipe tables are the markdown
form of the same grid, with a fixed number of columns.
"""

from __future__ import annotations

import random

from nianbao.model import T4_BLOCKS, T4_FIELDS

from .layout import T3_APPLICANTS, T3_NOTE, T4_FIELDS_CN, label, num, table2_cells
from .spec import Spec, quoted_preamble, title_lines


def render_tab(spec: Spec, rng: random.Random) -> str:
    """Seed-000/003/004 style: markdown-ish or plain headings, tab grids."""
    md = rng.random() < 0.6
    return _document(spec, rng, md, _tab_table)


def render_markdown(spec: Spec, rng: random.Random) -> str:
    """Markdown with '#' headings and pipe tables."""
    return _document(spec, rng, True, _pipe_table)


def _document(spec: Spec, rng: random.Random, md: bool, table) -> str:
    h1, h2, h3 = ("# ", "## ", "### ") if md else ("", "", "")
    out: list[str] = ["", ""] if rng.random() < 0.5 else []
    titles = title_lines(spec) or [f"{spec.agency.name} {spec.year} 年政府信息公开工作年度报告"]
    if len(titles) == 2:
        out += [h1 + titles[0], "", h2 + titles[1], ""]
    else:
        out += [h1 + titles[0], ""]
    preamble = spec.prose.preamble
    if spec.title_form == "quoted":
        preamble = quoted_preamble(spec) + preamble
    out += [preamble, ""]
    heads = spec.headings
    bold = md and rng.random() < 0.2
    heading = (lambda level, text: f"{level}**{text}**") if bold else (lambda level, text: level + text)
    out += [heading(h2, heads[0]), ""]
    for sub, para in spec.prose.overview:
        if sub:
            out += [h3 + sub, ""]
        out += [para, ""]
    out += [heading(h2, heads[1]), ""] + table(_table2_grid(spec, rng), rng) + [""]
    out += [heading(h3 if md else "", heads[2]), ""] + table(_table3_grid(spec, rng, aligned=table is _pipe_table), rng) + [""]
    out += [heading(h3 if md else "", heads[3]), ""] + table(_table4_grid(spec), rng) + [""]
    out += [heading(h3 if md else "", heads[4]), ""]
    for para in spec.prose.problems:
        out += [para, ""]
    out += [heading(h2, heads[5]), "", spec.prose.other]
    return "\n".join(out) + ("\n" if rng.random() < 0.7 else "")


def _table2_grid(spec: Spec, rng: random.Random) -> list[list[str]]:
    rows: list[list[str]] = []
    for block in spec.numbers.table2:
        rows.append([block.section, "", "", ""])
        rows.append(["信息内容", *block.columns])
        for item, values in block.items:
            rows.append([item, *table2_cells(spec.style, block.columns, values, rng)])
    return rows


def _table3_grid(spec: Spec, rng: random.Random, aligned: bool) -> list[list[str]]:
    """Table 3 rows as cells; unless ``aligned``, merged label cells wander between columns."""
    style = spec.style
    total = ["总计"] if spec.numbers.t3_width == 7 else []
    pad = [""] if total else []
    rows = [
        [T3_NOTE, "", "", "申请人情况", "", "", "", "", "", *total],
        ["", "", "", "自然人", "法人或其他组织", "", "", "", "", *pad],
        ["", "", "", "", *T3_APPLICANTS, *pad],
    ]
    for _key, labels, values in spec.t3_rows():
        top, cat, item = (label(t, style) for t in labels)
        # A short row (ragged cut-off) gets no padding cell after its label: "label→→0→0"
        # with fewer cells than the header could be a padding cell or a blank value.
        short = len(values) < spec.numbers.t3_width
        lead = [top, cat, item] if aligned else _wandering(top, cat, item, rng, short)
        rows.append(lead + [num(v, style) for v in values])
    return rows


def _wandering(top: str, cat: str, item: str, rng: random.Random, short: bool) -> list[str]:
    """Label cells as seeds 000 and 003 print them (merged cells collapse to the left)."""
    if short:
        return ["", cat, item] if item else ["", top or cat]
    if top and not cat:
        return rng.choice(([top, ""], [top, ""], [top, ""], [top, "", ""]))  # seed 003: "四、…→→→0"
    if top:
        return [top, cat]
    if item and cat:
        return rng.choice((["", cat, item], ["", cat, item], [cat, item], [cat, "", item]))
    if item:
        return ["", "", item] if rng.random() < 0.9 else [item, ""]
    return ["", cat] if rng.random() < 0.7 else [cat, ""]


def _table4_grid(spec: Spec) -> list[list[str]]:
    t4 = spec.numbers.table4
    values = [str(t4[b][f]) for b in T4_BLOCKS for f in T4_FIELDS]
    if spec.numbers.t4_extra:
        values.append("0")
    return [
        ["行政复议", "", "", "", "", "行政诉讼", *[""] * 9],
        [*T4_FIELDS_CN, "未经复议直接起诉", "", "", "", "", "复议后起诉", "", "", "", ""],
        ["", "", "", "", "", *T4_FIELDS_CN, *T4_FIELDS_CN],
        values,
    ]


def _tab_table(grid: list[list[str]], rng: random.Random) -> list[str]:
    """Tab lines; some rows end with an empty cell, a few blank lines sit between rows."""
    out = []
    for cells in grid:
        line = "\t".join(cells)
        if cells[-1] and rng.random() < 0.3:
            line += "\t"
        out.append(line)
        if rng.random() < 0.04:
            out.append("")
    return out


def _pipe_table(grid: list[list[str]], rng: random.Random) -> list[str]:
    """A pipe table padded to its widest row, separator after the first row."""
    width = max(len(r) for r in grid)
    lines = []
    for i, cells in enumerate(grid):
        padded = cells + [""] * (width - len(cells))
        lines.append("| " + " | ".join(padded) + " |")
        if i == 0:
            lines.append("|" + "|".join(["---"] * width) + "|")
    return lines
