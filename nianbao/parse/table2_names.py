"""Table 2's vocabulary: its column names (2021 and 2019 templates), the 第二十条 section
marker and how item labels begin. Shared by the readers of table 2 (table2.py,
table2_dump.py) and of glued web text (glued.py, reline.py), with what a row under those columns can hold."""

from __future__ import annotations

import re
from collections.abc import Callable

#: Known column names (2021 and 2019 templates), longest spelling first.
COLUMNS = re.compile(
    r"本年制发件数|本年废止件数|现行有效件数|本年处理决定数量|处理决定数量|本年收费金额"
    r"|本年新制作数量|本年新公开数量|对外公开总数量|上一年项目数量|本年增/减|本年增减|采购项目数量|采购总金额"
)
_CANONICAL = {"本年增减": "本年增/减"}
SECTION = re.compile(r"第二十条")
#: How item labels begin, so a wrapped item is not mistaken for a wrapped header.
ITEM = re.compile(r"^(规章|行政规范性文件|规范性文件|行政许可|行政处罚|行政强制|行政事业性收费|行政事业|其他对外|政府集中采购|集中采购)")


def column_names(header: str) -> list[str]:
    return [_CANONICAL.get(m, m) for m in COLUMNS.findall(header)]


_CUMULATIVE = (("本年制发件数", "现行有效件数"), ("本年新公开数量", "对外公开总数量"))


def row_is_possible(names: list[str]) -> Callable[[tuple[float, ...]], bool]:
    """What a row under these columns can hold: only a 本年增/减 column is signed, and
    (2019 template) 上一年项目数量 + 本年增/减 is this year's count, never below zero."""
    names = [re.sub(r"\s+", "", n) for n in names]
    signed = {i for i, n in enumerate(names) if "增" in n or "减" in n}
    after = [i for i, n in enumerate(names) if n == "上一年项目数量" and i + 1 in signed]
    # What is in force (or published in all) at the year's end includes what this year made
    # (or published): 现行有效件数 >= 本年制发件数, 对外公开总数量 >= 本年新公开数量.
    within = [(names.index(a), names.index(b)) for a, b in _CUMULATIVE if a in names and b in names]

    def accept(v: tuple[float, ...]) -> bool:
        return (
            all(v[i] >= 0 for i in range(len(v)) if i not in signed)
            and all(v[i] + v[i + 1] >= 0 for i in after)
            and all(v[part] <= v[whole] for part, whole in within)
        )

    return accept
