"""Table 3 from its number stream alone (nianbao/parse/align.py)."""

from __future__ import annotations

from nianbao.model import T3_ROWS
from nianbao.parse.align import align

KEYS = list(T3_ROWS)[:4]
ROWS = [[35, 2, 0, 0, 1, 3, 41], [0, 1, 0, 2, 0, 0, 3], [17, 1, 0, 0, 1, 2, 21], [4, 0, 0, 0, 0, 1, 5]]


def _stream(values: list[int]) -> list[tuple[int, int]]:
    return [(v, 100 + i) for i, v in enumerate(values)]


def _values(found) -> list[list[int | None]]:
    return [[c[0] if c else None for c in found.rows[k]] for k in KEYS]


def test_rows_printed_one_after_another_are_read_as_printed():
    found = align(_stream([v for row in ROWS for v in row]), KEYS)
    assert _values(found) == ROWS and found.agreed == 4


def test_a_block_printed_column_by_column_is_read_back():
    found = align(_stream([row[c] for c in range(7) for row in ROWS]), KEYS)
    assert _values(found) == ROWS


def test_narrow_columns_merged_into_one_text_block_are_read_back():
    # 自然人 and 商业企业 column by column, then 科研/社会公益/法律服务 row by row (their
    # headers merged into one block), then 其他 and 总计 column by column
    stream = [r[0] for r in ROWS] + [r[1] for r in ROWS] + [v for r in ROWS for v in r[2:5]]
    stream += [r[5] for r in ROWS] + [r[6] for r in ROWS]
    found = align(_stream(stream), KEYS)
    assert _values(found) == ROWS and found.agreed == 4


def test_in_a_stream_no_cutting_explains_a_sparse_row_is_not_kept():
    # the third row cannot add up however the numbers are cut: the stream is in an order
    # the model does not know, and "1 0 0 0 0 0 1" would add up wherever it landed
    rows = [[0, 0, 0, 0, 0, 0, 0], [1, 0, 0, 0, 0, 0, 1], [7, 5, 3, 0, 0, 0, 9], [0, 0, 0, 0, 0, 0, 0]]
    found = align(_stream([v for row in rows for v in row]), KEYS)
    assert found.agreed < 4
    values = _values(found)
    assert values[1] == [None] * 7 and values[2] == [None] * 7
    assert all(v is None or v == want for got, row in zip(values, rows, strict=True) for v, want in zip(got, row, strict=True))
