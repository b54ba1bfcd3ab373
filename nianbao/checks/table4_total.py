"""table4.total: in each block 维持 + 纠正 + 其他 + 尚未审结 = 总计."""

from __future__ import annotations

from ..model import T4_BLOCKS, Finding, Report
from .labels import T4_BLOCK_LABELS, fmt

RULE = "table4.total"
_PARTS = ("upheld", "corrected", "other", "pending")


def check(report: Report) -> list[Finding]:
    t = report.table4
    if t is None:
        return []
    out = []
    for block in T4_BLOCKS:
        values = t.blocks[block]
        parts = [values[p] for p in _PARTS]
        if values["total"] is None or any(v is None for v in parts):
            continue
        if sum(parts) != values["total"]:
            name = T4_BLOCK_LABELS[block]
            out.append(
                Finding(
                    RULE,
                    "error",
                    f"表4“{name}”：维持、纠正、其他、尚未审结相加为 {fmt(sum(parts))}，但总计为 {fmt(values['total'])}。",
                    f"表4 {name}",
                    cells=[f"table4.{block}.{f}" for f in (*_PARTS, "total")],
                    lines=sorted({ln for ln in t.lines[block].values() if ln}),
                )
            )
    return out
