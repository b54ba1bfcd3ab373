"""Place names OCR misread in an agency's name are put right against the divisions list
(nianbao/parse/places.py); a name that is known, or not certainly a misreading, stays."""

from __future__ import annotations

import pytest

from nianbao.parse.places import correct_places


@pytest.mark.parametrize(
    ("printed", "meant"),
    [
        ("全林区人民政府", "金林区人民政府"),  # 全 for 金
        ("沐阳县统计局", "沭阳县统计局"),  # 沐 for 沭
        ("黑河巿人民政府办公室", "黑河市人民政府办公室"),  # 巿 (fu) for 市
        ("伊春市全林区人民政府", "伊春市金林区人民政府"),  # the second place of two
        ("沭阳具教育局", "沭阳县教育局"),  # the suffix itself misread
        ("绥棱县氏政局", "绥棱县民政局"),  # the body's name: 氏 for 民
        ("金林区公安届", "金林区公安局"),  # 届 for 局
    ],
)
def test_a_misread_place_becomes_the_division_it_looks_like(printed, meant):
    assert correct_places(printed) == meant


@pytest.mark.parametrize(
    "name",
    [
        "金林区人民政府",
        "东城区人民政府",  # one look-alike away from no other division, and known
        "国家税务总局黑河市税务局",  # no place first: nothing is changed
        "市统计局",
        "某某区人民政府",  # unknown, and no single look-alike swap makes it known
        "金林区水利局",  # a body on the list (not 水务局, one look-alike away from none)
        "金林区政务服务数据管理局",
        "",
    ],
)
def test_a_known_or_unknowable_name_is_left_as_printed(name):
    assert correct_places(name) == name
