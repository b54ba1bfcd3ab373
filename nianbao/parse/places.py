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
    "民氏", "局届", "厅斤", "委季", "务条", "财材", "政故", "督昝",
)  # fmt: skip
#: How local government bodies' names end: a name ending in one of these but for one
#: look-alike character (绥棱县氏政局) is read as ending in it.
_BODIES = (
    "人民政府", "人民政府办公室", "人民政府办公厅", "办公室", "办公厅", "街道办事处", "发展和改革委员会", "教育局",
    "教育和体育局", "科学技术局", "工业和信息化局", "公安局", "民政局", "司法局", "财政局", "人力资源和社会保障局",
    "自然资源局", "自然资源和规划局", "生态环境局", "住房和城乡建设局", "交通运输局", "水务局", "水利局",
    "农业农村局", "商务局", "文化广电和旅游局", "文化和旅游局", "卫生健康委员会", "卫生健康局", "退役军人事务局",
    "应急管理局", "审计局", "市场监督管理局", "统计局", "医疗保障局", "林业和草原局", "林业局", "城市管理局",
    "城市管理综合行政执法局", "行政审批局", "政务服务管理局", "信访局", "体育局", "档案局", "税务局", "气象局",
    "粮食和物资储备局", "民族宗教事务局", "机关事务管理局", "乡村振兴局", "人民防空办公室", "住房公积金管理中心",
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
    """The agency with each leading place that OCR misread put right, and the body its
    name ends with; unchanged when they are all known or a misreading is not certain (no
    or several fixes)."""
    return _correct_body(_correct_leading_places(agency))


def _correct_body(agency: str) -> str:
    if agency.endswith(_BODIES):
        return agency
    alike = _alike()
    fixes = set()
    for body in _BODIES:
        tail = agency[-len(body) :]
        if len(agency) > len(body) and sum(a != b for a, b in zip(tail, body, strict=True)) == 1:
            if all(a == b or b in alike.get(a, "") for a, b in zip(tail, body, strict=True)):
                fixes.add(agency[: -len(body)] + body)
    return fixes.pop() if len(fixes) == 1 else agency


def _correct_leading_places(agency: str) -> str:
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
