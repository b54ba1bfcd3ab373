"""Place names in an agency's name, checked against China's administrative divisions.

OCR misreads a character of a place as one that looks like it (全林区 for 金林区, 沐阳县
for 沭阳县, 黑河巿 for 黑河市). An agency's name starts with its places ("伊春市金林区…"),
so a leading place that is no division's name, but becomes exactly one when a single
character is swapped for a look-alike, is read as that division.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

_PLACES = Path(__file__).with_name("places.txt")

#: Characters OCR confuses with each other (each group: glyphs that look alike).
_LOOK_ALIKE = (
    "全金", "沐沭", "巿市", "入人八", "日曰", "己已巳", "未末", "土士", "千干于", "大太犬", "王玉主",
    "白自", "田由甲申", "刀力", "儿几", "天夭", "木本术", "戊戌戍", "拆折", "候侯", "汩汨", "崇祟",
    "晴睛", "辩辨", "准淮", "淅浙", "洲州", "宁守", "县具", "义又", "宜宣", "容客", "邹邬", "乌鸟",
    "兰三", "汉汊", "阳阴", "江汪", "沙抄", "溪漠", "城域", "峰锋", "岭龄", "宝室", "西酉", "东车",
)  # fmt: skip
_LONGEST = 12


@lru_cache(maxsize=1)
def _places() -> frozenset[str]:
    lines = _PLACES.read_text(encoding="utf-8").splitlines()
    return frozenset(line for line in lines if line and not line.startswith("#"))


@lru_cache(maxsize=1)
def _alike() -> dict[str, str]:
    return {c: group.replace(c, "") for group in _LOOK_ALIKE for c in group}


def correct_places(agency: str) -> str:
    """The agency with each leading place that OCR misread put right; unchanged when
    its places are all known or a misreading is not certain (no or several fixes)."""
    places, i, out = _places(), 0, []
    while i < len(agency):
        exact = next((agency[i : i + n] for n in range(_LONGEST, 1, -1) if agency[i : i + n] in places), None)
        found = exact or _one_fix(agency, i, places)
        if found is None:
            break
        out.append(found)
        i += len(found)
    return "".join(out) + agency[i:]


def _one_fix(agency: str, start: int, places: frozenset[str]) -> str | None:
    alike, fixes = _alike(), set()
    for n in range(2, _LONGEST + 1):
        window = agency[start : start + n]
        if len(window) < n:
            break
        for j, c in enumerate(window):
            for other in alike.get(c, ""):
                candidate = window[:j] + other + window[j + 1 :]
                if candidate in places:
                    fixes.add(candidate)
    return fixes.pop() if len(fixes) == 1 else None
