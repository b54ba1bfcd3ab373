"""Table 2's vocabulary: its column names (2021 and 2019 templates), the 第二十条 section
marker and how item labels begin. Shared by the readers of table 2 (table2.py,
table2_dump.py) and of glued web text (glued.py, reline.py)."""

from __future__ import annotations

import re

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
