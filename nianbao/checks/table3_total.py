"""table3.total: （七）总计 = the sum of every outcome row (三（一）…（六）), per column."""

from __future__ import annotations

from ..model import T3_COLUMNS, T3_OUTCOME_ROWS, Finding, Report
from .labels import T3_COLUMN_LABELS, fmt, t3_cell

RULE = "table3.total"


def check(report: Report) -> list[Finding]:
    t = report.table3
    if t is None or "total" not in t.found:
        return []
    rows = [r for r in T3_OUTCOME_ROWS if r in t.found]
    out = []
    for col, name in enumerate(T3_COLUMNS):
        total = t.rows["total"][col]
        parts = [(r, t.rows[r][col]) for r in rows]
        if total is None or any(v is None for _r, v in parts):
            continue
        nonzero = [(r, v) for r, v in parts if v]
        computed = sum(v for _r, v in parts)
        if computed != total:
            label = T3_COLUMN_LABELS[name]
            terms = "+".join(fmt(v) for _r, v in nonzero) or "0"
            out.append(
                Finding(
                    RULE,
                    "error",
                    f"表3“{label}”列：各项办理结果相加为 {fmt(computed)}（{terms}），但印出的（七）总计为 {fmt(total)}。",
                    f"表3 {label}列 （七）总计",
                    cells=[t3_cell("total", name)] + [t3_cell(r, name) for r, _v in nonzero],
                    lines=sorted({ln for r in ["total"] + [r for r, _v in nonzero] if (ln := t.lines[r][col])}),
                )
            )
    return out
