"""How far each table's numbers are vouched for by the table's own arithmetic.

A cell is *confirmed* when it takes part in an identity of the template that holds with
every member printed: a table-3 row's 总计 equals the sum of its six applicant columns;
the outcome rows of a column sum to （七）总计; 一 + 二 = （七） + 四 in a column; a table-4
block's 总计 equals its four results. A printed cell in no holding identity is known *by
position* only (where it stood in its row and column). Table 2 has no identities, so its
cells are all by position. The report page and ``build.py parse`` show these counts.
"""

from __future__ import annotations

from .model import T3_COLUMNS, T3_OUTCOME_ROWS, T4_BLOCKS, T4_FIELDS, Report

_WIDTH = len(T3_COLUMNS)


def confidence(report: Report) -> dict[str, dict[str, int] | None]:
    """Per table: cells ``confirmed`` by an identity, known by ``position`` only, ``null``."""
    return {"table2": _table2(report), "table3": _table3(report), "table4": _table4(report)}


def confirmed_cells(report: Report) -> set[str]:
    """Cell ids (``table3.<row>.<column>``, ``table4.<block>.<field>``) an identity vouches for."""
    return _t3_confirmed(report) | _t4_confirmed(report)


def _counts(values: list, confirmed: int) -> dict[str, int]:
    printed = sum(v is not None for v in values)
    return {"confirmed": confirmed, "position": printed - confirmed, "null": len(values) - printed}


def _table2(report: Report) -> dict[str, int] | None:
    if report.table2 is None:
        return None
    values = [v for item in report.table2.items for v in item.values.values()]
    return _counts(values, 0)


def _table3(report: Report) -> dict[str, int] | None:
    t = report.table3
    if t is None:
        return None
    values = [v for key in t.rows for v in t.rows[key]]
    return _counts(values, len(_t3_confirmed(report)))


def _table4(report: Report) -> dict[str, int] | None:
    t = report.table4
    if t is None:
        return None
    values = [t.blocks[b][f] for b in T4_BLOCKS for f in T4_FIELDS]
    return _counts(values, len(_t4_confirmed(report)))


def _holds(cells: list[tuple[str, int]], left: list, right: list, rows: dict) -> bool:
    vals = [rows[k][c] for k, c in cells]
    if None in vals:
        return False
    return sum(rows[k][c] for k, c in left) == sum(rows[k][c] for k, c in right)


def _t3_confirmed(report: Report) -> set[str]:
    t = report.table3
    if t is None:
        return set()
    rows, found = t.rows, set(t.found)
    out: set[tuple[str, int]] = set()
    for key in found:  # row totals
        cells = [(key, c) for c in range(_WIDTH)]
        if _holds(cells, cells[:-1], cells[-1:], rows):
            out.update(cells)
    outcome = [k for k in T3_OUTCOME_ROWS if k in found]
    for c in range(_WIDTH):
        if "total" in found and outcome:
            left = [(k, c) for k in outcome]
            if _holds(left + [("total", c)], left, [("total", c)], rows):
                out.update(left + [("total", c)])
        keys = ("new_received", "carried_over", "total", "carried_forward")
        if all(k in found for k in keys):
            cells = [(k, c) for k in keys]
            if _holds(cells, cells[:2], cells[2:], rows):
                out.update(cells)
    return {f"table3.{k}.{T3_COLUMNS[c]}" for k, c in out}


def _t4_confirmed(report: Report) -> set[str]:
    t = report.table4
    if t is None:
        return set()
    out: set[str] = set()
    for block in T4_BLOCKS:
        vals = [t.blocks[block][f] for f in T4_FIELDS]
        if None not in vals and sum(vals[:-1]) == vals[-1]:
            out.update(f"table4.{block}.{f}" for f in T4_FIELDS)
    return out
