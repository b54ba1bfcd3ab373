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


def confidence(report: Report, confirmed: set[str] | None = None) -> dict[str, dict[str, int] | None]:
    """Per table: cells ``confirmed`` by an identity, known by ``position`` only, ``null``.

    ``confirmed``: the report's ``confirmed_cells`` when the caller already has them."""
    if confirmed is None:
        t3, t4 = len(_t3_pairs(report)), len(_t4_blocks(report)) * len(T4_FIELDS)
    else:
        t3 = sum(c.startswith("table3.") for c in confirmed)
        t4 = len(confirmed) - t3
    return {"table2": _table2(report), "table3": _table3(report, t3), "table4": _table4(report, t4)}


def confirmed_cells(report: Report) -> set[str]:
    """Cell ids (``table3.<row>.<column>``, ``table4.<block>.<field>``) an identity vouches for."""
    out = {f"table3.{k}.{T3_COLUMNS[c]}" for k, c in _t3_pairs(report)}
    out.update(f"table4.{b}.{f}" for b in _t4_blocks(report) for f in T4_FIELDS)
    return out


def _counts(values: list, confirmed: int) -> dict[str, int]:
    printed = sum(v is not None for v in values)
    return {"confirmed": confirmed, "position": printed - confirmed, "null": len(values) - printed}


def _table2(report: Report) -> dict[str, int] | None:
    if report.table2 is None:
        return None
    values = [v for item in report.table2.items for v in item.values.values()]
    return _counts(values, 0)


def _table3(report: Report, confirmed: int) -> dict[str, int] | None:
    t = report.table3
    if t is None:
        return None
    values = [v for key in t.rows for v in t.rows[key]]
    return _counts(values, confirmed)


def _table4(report: Report, confirmed: int) -> dict[str, int] | None:
    t = report.table4
    if t is None:
        return None
    values = [t.blocks[b][f] for b in T4_BLOCKS for f in T4_FIELDS]
    return _counts(values, confirmed)


def _sums_to(parts: list, whole) -> bool:
    return whole is not None and None not in parts and sum(parts) == whole


def _t3_pairs(report: Report) -> set[tuple[str, int]]:
    """(row, column index) of every table-3 cell in an identity that holds."""
    t = report.table3
    if t is None:
        return set()
    rows, found = t.rows, set(t.found)
    out: set[tuple[str, int]] = set()
    for key in found:  # row totals
        row = rows[key][:_WIDTH]
        if _sums_to(row[:-1], row[-1]):
            out.update((key, c) for c in range(_WIDTH))
    outcome = [k for k in T3_OUTCOME_ROWS if k in found]
    balance = ("new_received", "carried_over", "total", "carried_forward")
    with_balance = all(k in found for k in balance)
    total = rows["total"] if "total" in found else None
    for c in range(_WIDTH):
        if total is not None and outcome and _sums_to([rows[k][c] for k in outcome], total[c]):
            out.update((k, c) for k in outcome)
            out.add(("total", c))
        if with_balance:
            new, carried, done, forward = (rows[k][c] for k in balance)
            if None not in (new, carried, done, forward) and new + carried == done + forward:
                out.update((k, c) for k in balance)
    return out


def _t4_blocks(report: Report) -> list[str]:
    """The table-4 blocks whose 总计 equals the sum of their four results."""
    t = report.table4
    if t is None:
        return []
    out = []
    for block in T4_BLOCKS:
        vals = [t.blocks[block][f] for f in T4_FIELDS]
        if _sums_to(vals[:-1], vals[-1]):
            out.append(block)
    return out
