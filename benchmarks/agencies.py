"""Who publishes the synthetic reports, and which years: a fixed plan of (agency, year).

Agencies exist at three levels, as in a real prefecture: the city government and its
office, district/county governments and their offices, and the departments of both. The
plan walks a fixed shuffle of agencies and gives each a run of consecutive years, so report
``i`` is the same whatever N is (a corpus of 100 is a prefix of a corpus of 10,000).
"""

from __future__ import annotations

import random
from dataclasses import dataclass

#: City -> its districts and counties. Names are unique across cities so that one name
#: always means one agency (the checks across years group reports by agency name).
CITIES = {
    "伊春市": ("伊美区", "乌翠区", "友好区", "金林区", "汤旺县", "丰林县", "大箐山县", "南岔县", "嘉荫县", "铁力市"),
    "鹤岗市": ("向阳区", "工农区", "南山区", "兴安区", "东山区", "兴山区", "萝北县", "绥滨县"),
    "佳木斯市": ("前进区", "东风区", "郊区", "桦南县", "桦川县", "汤原县", "同江市", "富锦市", "抚远市"),
    "牡丹江市": ("东安区", "阳明区", "爱民区", "西安区", "林口县", "绥芬河市", "海林市", "宁安市", "穆棱市", "东宁市"),
    "双鸭山市": ("尖山区", "岭东区", "四方台区", "宝山区", "集贤县", "友谊县", "宝清县", "饶河县"),
    "七台河市": ("新兴区", "桃山区", "茄子河区", "勃利县"),
    "黑河市": ("爱辉区", "逊克县", "孙吴县", "北安市", "五大连池市", "嫩江市"),
    "绥化市": ("北林区", "望奎县", "兰西县", "青冈县", "庆安县", "明水县", "绥棱县", "安达市", "肇东市", "海伦市"),
    "鸡西市": ("鸡冠区", "恒山区", "滴道区", "梨树区", "城子河区", "麻山区", "鸡东县", "虎林市", "密山市"),
}

#: Departments found at both city and district level.
DEPARTMENTS = (
    "发展和改革委员会",
    "教育局",
    "工业和信息化局",
    "公安局",
    "民政局",
    "司法局",
    "财政局",
    "人力资源和社会保障局",
    "自然资源局",
    "生态环境局",
    "住房和城乡建设局",
    "交通运输局",
    "水务局",
    "农业农村局",
    "商务局",
    "文化广电和旅游局",
    "卫生健康委员会",
    "退役军人事务局",
    "应急管理局",
    "审计局",
    "市场监督管理局",
    "统计局",
    "医疗保障局",
    "林业和草原局",
)

#: Departments that handle many applications (land, housing, police): the heavy tail.
BUSY = ("自然资源局", "住房和城乡建设局", "公安局", "人力资源和社会保障局", "市场监督管理局")

YEARS = tuple(range(2019, 2026))
PLAN_SEED = "nianbao-corpus-plan-v1"


@dataclass(frozen=True, slots=True)
class Agency:
    """One publishing agency."""

    name: str
    """As printed in the title, e.g. "伊美区民政局"."""
    level: str
    """"city", "city_office", "city_department", "district", "district_office", "district_department"."""
    region: str
    """The city or district the agency belongs to, e.g. "伊美区"."""
    city: str
    """The prefecture-level city, e.g. "伊春市"."""
    busy: bool
    """A department that typically receives many applications."""


def all_agencies() -> list[Agency]:
    """Every agency, in a fixed order."""
    out = []
    for city, districts in CITIES.items():
        out.append(Agency(f"{city}人民政府", "city", city, city, True))
        out.append(Agency(f"{city}人民政府办公室", "city_office", city, city, False))
        out.extend(Agency(f"{city}{d}", "city_department", city, city, d in BUSY) for d in DEPARTMENTS)
        for district in districts:
            out.append(Agency(f"{district}人民政府", "district", district, city, False))
            out.append(Agency(f"{district}人民政府办公室", "district_office", district, city, False))
            out.extend(Agency(f"{district}{d}", "district_department", district, city, d in BUSY) for d in DEPARTMENTS)
    return out


def plan(n: int) -> list[tuple[Agency, int]]:
    """The first ``n`` (agency, year) pairs; each agency gets a run of consecutive years.

    Past the last agency the walk starts again with a fresh shuffle and the years no run
    used yet, so any n is possible without repeating an (agency, year) pair while pairs last.
    """
    agencies = all_agencies()
    rng = random.Random(PLAN_SEED)
    used: set[tuple[str, int]] = set()
    out: list[tuple[Agency, int]] = []
    while len(out) < n:
        order = agencies[:]
        rng.shuffle(order)
        added = 0
        for agency in order:
            free = [y for y in YEARS if (agency.name, y) not in used]
            if not free:
                continue
            run = _run(rng, free)
            for year in run:
                used.add((agency.name, year))
                out.append((agency, year))
                added += 1
            if len(out) >= n:
                break
        if not added:
            raise ValueError(f"the agency list allows at most {len(out)} reports")
    return out[:n]


def _run(rng: random.Random, free: list[int]) -> list[int]:
    """A run of 2-5 consecutive free years (or what is left)."""
    start = rng.choice(free)
    length = rng.randint(2, 5)
    return [y for y in range(start, start + length) if y in free][: max(1, length)]
