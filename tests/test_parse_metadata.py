"""Agency, year, title, contact and statistics period from the preamble."""

from __future__ import annotations

import pytest

from nianbao.parse import parse_file
from nianbao.parse.metadata import read_metadata
from nianbao.parse.normalize import normalize_lines

from .conftest import SEEDS

TITLES = [
    (["# 金林区人民政府 2025 年政府信息公开工作年度报告"], "金林区人民政府", 2025),
    ([" 2020 年金林区政府信息公开工作年度报告"], "金林区人民政府", 2020),
    (["伊美区民政局", "2025 年政府信息公开工作年度报告"], "伊美区民政局", 2025),
    (["# 伊美区人民政府办公室", "## 2023 年政府信息公开工作年度报告"], "伊美区人民政府办公室", 2023),
    (["现发布《金林区人民政府办公室 2024 年政府信息", "公开工作年度报告》。"], "金林区人民政府办公室", 2024),
    (["伊春市人民政府办公室关于2022年政府信息公开工作年度报告"], "伊春市人民政府办公室", 2022),
    (["伊春市生态环境局政府信息公开工作年度报告（2022年）"], "伊春市生态环境局", 2022),
    (["上甘岭区人民政府", "2023年政府信息公开工作", "年度报告"], "上甘岭区人民政府", 2023),
    (["现将金林区教育局 2025 年政府信息公开工作年度报告予以公布，请查阅。"], "金林区教育局", 2025),
    (["２０２１年度伊春市财政局政府信息公开工作年度报告"], "伊春市财政局", 2021),
    (["金林区人民政府二〇二四年度政府信息公开工作年度报告"], "金林区人民政府", 2024),
    (["二○二三年伊春市财政局政府信息公开工作年度报告"], "伊春市财政局", 2023),
    (["【金林区人民政府】2025年政府信息公开工作年度报告"], "金林区人民政府", 2025),
    (["关于公布金林区人民政府2025年政府信息公开工作年度报告的公告"], "金林区人民政府", 2025),
    (["金林区人民政府关于发布2025年政府信息公开工作年度报告的通知"], "金林区人民政府", 2025),
    (["金林区人民政府办公室关于金林区人民政府2025年政府信息公开工作年度报告"], "金林区人民政府", 2025),
    (["2025年政府信息公开工作年度报告", "（金林区人民政府）"], "金林区人民政府", 2025),
    (["伊美区民政局", "政府信息公开工作年度报告", "（2023年度）"], "伊美区民政局", 2023),
    (["伊春市人力资源和社会保障局（伊春市公务员局）2022年政府信息公开工作年度报告"], "伊春市人力资源和社会保障局（伊春市公务员局）", 2022),
    (["伊美区民政局2023年政务公开工作年度报告"], "伊美区民政局", 2023),
    (["伊美区民政局2023年度政府信息公开年报"], "伊美区民政局", 2023),
    (["金林区人民政府2025年政府信息公开工作年度报告_金林区人民政府门户网站"], "金林区人民政府", 2025),
    # a web page's own lines just above the title
    (
        ["生成日期：2024-01-18", "【字体：大 中 小】 【打印】 【关闭】", "标题：金林区人民政府2025年政府信息公开工作年度报告"],
        "金林区人民政府",
        2025,
    ),
    (["【打印本页】 【关闭窗口】", "金林区人民政府2025年政府信息公开工作年度报告"], "金林区人民政府", 2025),
    (["发布日期 2026-01-18", "金林区人民政府2025年政府信息公开工作年度报告"], "金林区人民政府", 2025),
    # what PDF-to-Markdown tools leave above it
    (["![](_page_0_Picture_1.jpeg)", "# 金林区人民政府2025年政府信息公开工作年度报告"], "金林区人民政府", 2025),
    (["附件1", "金林区人民政府2025年政府信息公开工作年度报告"], "金林区人民政府", 2025),
    (["2025", "金林区人民政府2025年政府信息公开工作年度报告"], "金林区人民政府", 2025),
    (["2025年政府信息公开工作年度报告", "金林区人民政府办公室", "（2026年1月）"], "金林区人民政府办公室", 2025),
]


@pytest.mark.parametrize("lines,agency,year", TITLES)
def test_agency_and_year_from_title(lines, agency, year):
    meta = read_metadata(normalize_lines(lines), len(lines))
    assert (meta.agency, meta.year) == (agency, year)


def test_year_without_title_comes_from_the_preamble():
    lines = ["2024 年，我局认真贯彻条例。", "本报告统计期限为2024年1月1日至2024年12月31日。"]
    meta = read_metadata(normalize_lines(lines), len(lines))
    assert meta.agency is None and meta.year == 2024 and meta.period_years == [2024]


def test_contact_details_are_read():
    (path,) = SEEDS.glob("003_*.txt")
    report = parse_file(path)
    assert report.contact.phone == "0458-3608911"
    assert report.contact.postcode == "153000"
    assert report.contact.address == "伊春市伊美区新兴中路 20 号"
    assert report.period.startswith("2023 年 1 月 1 日")


def test_website_is_read():
    (path,) = SEEDS.glob("000_*.txt")
    assert parse_file(path).contact.website == "https://www.ycjl.gov.cn/"


#: A title naming no agency: who compiled it, a 来源 field, who signs it (or nobody).
NO_AGENCY_IN_TITLE = [
    (["2024年政府信息公开工作年度报告", "本报告根据《中华人民共和国政府信息公开条例》规定，由某某县统计局编制而成。", "一、总体情况"], 2, "某某县统计局", 2024),
    (["2024年政府信息公开工作年度报告", "本报告由本机关编制。", "一、总体情况"], 2, None, 2024),
    (["来源：伊美区民政局　　索引号：11230700MB/2026-00012　　发布日期：2026-01-15", "2025年政府信息公开工作年度报告", "一、总体情况"], 2, "伊美区民政局", 2025),
    (["2024年政府信息公开工作年度报告", "一、总体情况", "无。", "六、其他需要报告的事项", "无。", "某某县统计局", "2025年1月20日"], 1, "某某县统计局", 2024),
]  # fmt: skip


@pytest.mark.parametrize("lines,preamble_end,agency,year", NO_AGENCY_IN_TITLE)
def test_a_title_naming_no_agency_takes_it_from_elsewhere_in_the_report(lines, preamble_end, agency, year):
    meta = read_metadata(normalize_lines(lines), preamble_end)
    assert (meta.agency, meta.year) == (agency, year)
