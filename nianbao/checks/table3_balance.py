"""table3.balance: 一 + 二 = （七）总计 + 四, per column (the template's own 勾稽关系)."""

from __future__ import annotations

from ..model import T3_COLUMNS, Finding, Report
from .labels import T3_COLUMN_LABELS, fmt, t3_cell

RULE = "table3.balance"
_ROWS = ("new_received", "carried_over", "total", "carried_forward")


def check(report: Report) -> list[Finding]:
    t = report.table3
    if t is None:
        return []
    out = []
    for col, name in enumerate(T3_COLUMNS):
        new, carried, total, forward = (t.rows[r][col] for r in _ROWS)
        if None in (new, carried, total, forward):
            continue
        if new + carried != total + forward:
            label = T3_COLUMN_LABELS[name]
            out.append(
                Finding(
                    RULE,
                    "error",
                    f"表3“{label}”列：本年新收 {fmt(new)} + 上年结转 {fmt(carried)} = {fmt(new + carried)}，"
                    f"但办理总计 {fmt(total)} + 结转下年度 {fmt(forward)} = {fmt(total + forward)}，两者应相等。",
                    f"表3 {label}列",
                    cells=[t3_cell(r, name) for r in _ROWS],
                    lines=sorted({ln for r in _ROWS if (ln := t.lines[r][col])}),
                )
            )
    return out
