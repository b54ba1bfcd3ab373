"""Property: whatever the numbers, a report re-rendered into a lossy form never decodes
to a wrong number. Table 3 of seed 000 gets random consistent values (every row's 总计
is its columns' sum, the outcome rows add up to （七）总计, 一 + 二 = （七） + 四), then is
printed as web-page text run together on one line, or with its labels apart from its
numbers and the numbers in blocks of rows printed row by row or column by column (as
pdftotext's default mode does); and a sparse table (most rows 0, as district reports are)
apart from its labels in blocks with grouped narrow columns and a bare page number among
them (about 97 % of its cells decode). Every value decoded must be the truth; a null is
allowed (the parser says why in a finding)."""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nianbao.ingest import Document
from nianbao.model import T3_OUTCOME_ROWS, T3_ROWS
from nianbao.parse import parse_document

GLUED = Path(__file__).parent / "fixtures" / "formats" / "000.glued.txt"
_LINES = GLUED.read_text(encoding="utf-8").split("\n")
_FIRST = next(i for i, line in enumerate(_LINES) if line.startswith("一、本年新收"))
_LAST = next(i for i, line in enumerate(_LINES) if line.startswith("四、结转下年度"))
_LABELS = [re.sub(r"\d+$", "", line) for line in _LINES[_FIRST : _LAST + 1]]
assert len(_LABELS) == len(T3_ROWS)
_HEADER = "标题: 金林区人民政府2025年政府信息公开工作年度报告\n发布时间: 2026-01-20 10:31\n发布机构: 金林区人民政府办公室\n==== 正文 ===="

_cell = st.integers(0, 40) | st.just(0)


@st.composite
def tables(draw) -> dict[str, list[int]]:
    def row() -> list[int]:
        cols = [draw(_cell) for _ in range(6)]
        return cols + [sum(cols)]

    rows = {k: row() for k in T3_OUTCOME_ROWS}
    rows["total"] = [sum(rows[k][c] for k in T3_OUTCOME_ROWS) for c in range(7)]
    rows["carried_over"] = [draw(st.integers(0, v)) for v in rows["total"][:6]]
    rows["carried_over"].append(sum(rows["carried_over"]))
    rows["carried_forward"] = row()
    rows["new_received"] = [rows["total"][c] + rows["carried_forward"][c] - rows["carried_over"][c] for c in range(7)]
    return rows


def _parse(lines: list[str]) -> dict[str, list]:
    report = parse_document(Document(path=Path("form.txt"), kind="text", lines=lines))
    return report.table3.rows if report.table3 else {}


def _assert_no_wrong(got: dict[str, list], want: dict[str, list[int]]) -> None:
    for key in T3_ROWS:
        for c, value in enumerate(got.get(key, [None] * 7)):
            assert value is None or value == want[key][c], (key, c, value, want[key][c])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(tables())
def test_web_text_on_one_line_never_decodes_a_wrong_number(rows):
    table = [label + "".join(str(v) for v in rows[key]) for label, key in zip(_LABELS, T3_ROWS, strict=True)]
    body = _LINES[:_FIRST] + table + _LINES[_LAST + 1 :]
    _assert_no_wrong(_parse(_HEADER.split("\n") + ["".join(body)]), rows)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(tables(), st.lists(st.tuples(st.integers(1, 12), st.booleans()), min_size=1, max_size=25))
def test_labels_apart_from_numbers_in_blocks_never_decode_a_wrong_number(rows, blocks):
    numbers: list[int] = []
    i = 0
    for size, by_column in blocks + [(25, False)]:
        part = [rows[k] for k in T3_ROWS[i : i + size]]
        numbers += [r[c] for c in range(7) for r in part] if by_column else [v for r in part for v in r]
        i += len(part)
    table = _LABELS + [str(n) for n in numbers]
    _assert_no_wrong(_parse(_LINES[:_FIRST] + table + _LINES[_LAST + 1 :]), rows)


@st.composite
def sparse_tables(draw) -> dict[str, list[int]]:
    """As a district report's table 3 mostly is: most rows all 0, many with one column only."""

    def row() -> list[int]:
        kind = draw(st.sampled_from(["zero", "zero", "one", "any"]))
        cols = [0] * 6
        if kind == "one":
            cols[0] = draw(st.integers(1, 9))
        elif kind == "any":
            cols = [draw(st.integers(0, 3)) for _ in range(6)]
        return cols + [sum(cols)]

    rows = {k: row() for k in T3_OUTCOME_ROWS}
    rows["total"] = [sum(rows[k][c] for k in T3_OUTCOME_ROWS) for c in range(7)]
    rows["carried_over"] = [0] * 7
    rows["carried_forward"] = row()
    rows["new_received"] = [rows["total"][c] + rows["carried_forward"][c] for c in range(7)]
    return rows


_LAYOUT = st.sampled_from([(0, 7), (0, 0), (2, 5), (1, 4)])


def _print_block(part: list[list[int]], layout: tuple[int, int]) -> list[int]:
    a, b = layout
    out = [r[c] for c in range(a) for r in part]
    out += [r[c] for r in part for c in range(a, b)]
    return out + [r[c] for c in range(b, 7) for r in part]


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(sparse_tables(), st.lists(st.tuples(st.integers(1, 14), _LAYOUT), min_size=1, max_size=25), st.booleans())
def test_sparse_tables_apart_in_blocks_with_page_numbers_never_decode_a_wrong_number(rows, blocks, page_number):
    lines: list[str] = []
    i = 0
    for size, layout in blocks + [(25, (0, 7))]:
        part = [rows[k] for k in T3_ROWS[i : i + size]]
        lines += [str(n) for n in _print_block(part, layout)] + ([""] if part else [])
        i += len(part)
    if page_number and len(lines) > 40:  # a bare page number between blank lines, then text
        lines[40:40] = ["", "3", "", "总计"]
    _assert_no_wrong(_parse(_LINES[:_FIRST] + _LABELS + lines + _LINES[_LAST + 1 :]), rows)
