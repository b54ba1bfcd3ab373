"""table3.row_total: each row's 总计 = 自然人 + the five 法人或其他组织 columns."""

from __future__ import annotations

from ..model import T3_ROWS, Finding, Report
from .labels import T3_ROW_LABELS, fmt, t3_cell

RULE = "table3.row_total"


def check(report: Report) -> list[Finding]:
    t = report.table3
    if t is None:
        return []
    out = []
    for row in T3_ROWS:
        if row not in t.found:
            continue
        values = t.rows[row]
        parts, total = values[:6], values[6]
        if total is None or any(v is None for v in parts):
            continue
        computed = sum(parts)
        if computed != total:
            out.append(
                Finding(
                    RULE,
                    "error",
                    f"表3“{T3_ROW_LABELS[row]}”一行：自然人与法人或其他组织各列相加为 {fmt(computed)}，但总计列为 {fmt(total)}。",
                    f"表3 {T3_ROW_LABELS[row]}",
                    cells=[t3_cell(row, "total")],
                    lines=sorted({ln for ln in t.lines[row] if ln}),
                )
            )
    return out
