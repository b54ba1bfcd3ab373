"""HTML input: saved pages and article fragments parse to the seeds' truth exactly."""

from __future__ import annotations

from pathlib import Path

import pytest

from nianbao.ingest import read
from nianbao.ingest.grid import Span, expand
from nianbao.ingest.html import decode_html

from .fixtures.render_tables import T3_HEADER, Cell, table4_blocks
from .formats_util import fixture_for, mismatches, parsed, truth_for


@pytest.mark.parametrize("suffix", ["page.html", "fragment.html"])
def test_html_renderings_parse_to_truth(seed, suffix):
    got = parsed(fixture_for(seed, suffix))
    assert got["format"] == "html"
    assert mismatches(got, truth_for(seed)) == {}


def test_site_chrome_is_dropped(seed):
    lines = read(fixture_for(seed, "page.html")).lines
    text = "\n".join(lines)
    for chrome in ("首页", "当前位置", "网站标识码", "分享到", "相关链接", "浏览次数", "siteId"):
        assert chrome not in text
    assert "金林区" in text or "伊美区" in text


def test_gbk_page_is_decoded_by_its_meta_charset():
    data = fixture_for(Path("000"), "page.html").read_bytes()
    assert b"charset=gb2312" in data[:400]
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    assert "金林区人民政府" in decode_html(data)


def test_expand_puts_merged_text_in_first_position_only():
    rows = [[Span("a", rowspan=2), Span("b", colspan=2)], [Span("c"), Span("d")]]
    assert expand(rows) == [["a", "b", ""], ["", "c", "d"]]


def _page(table_html: str, heading: str = "三、收到和处理政府信息公开申请情况") -> bytes:
    return (
        "<html><head><meta charset='utf-8'></head><body><h1>某某县人民政府2024年政府信息公开工作年度报告</h1>"
        f"<p>一、总体情况</p><p>全年共收到申请 12 件。</p><p>{heading}</p>{table_html}"
        "<p>五、存在的主要问题及改进情况</p><p>无。</p></body></html>"
    ).encode()


def _table(rows: list[list[Cell]]) -> str:
    out = []
    for row in rows:
        cells = "".join(f"<td rowspan='{c.rowspan}' colspan='{c.colspan}'>{c.text or '&nbsp;'}</td>" for c in row)
        out.append(f"<tr>{cells}</tr>")
    return "<table>" + "".join(out) + "</table>"


def test_total_column_printed_first_is_put_back():
    header = [
        [
            Cell("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", rowspan=3, colspan=2),
            Cell("总计", rowspan=3),
            Cell("申请人情况", colspan=6),
        ],
        [Cell("自然人", rowspan=2), Cell("法人或其他组织", colspan=5)],
        [Cell("商业企业"), Cell("科研机构"), Cell("社会公益组织"), Cell("法律服务机构"), Cell("其他")],
    ]
    rows = header + [
        [Cell("一、本年新收政府信息公开申请数量", colspan=2)] + [Cell(v) for v in "12 10 1 0 0 1 0".split()],
        [Cell("二、上年结转政府信息公开申请数量", colspan=2)] + [Cell(v) for v in "2 2 0 0 0 0 0".split()],
    ]
    got = parsed(Path("t.html"), _page(_table(rows)))
    assert got["table3"]["rows"]["new_received"] == [10, 1, 0, 0, 1, 0, 12]
    assert got["table3"]["rows"]["carried_over"] == [2, 0, 0, 0, 0, 0, 2]


def test_header_split_differently_and_blank_cells():
    """法人或其他组织 over its own row, &nbsp; value cells: blanks are null, not 0."""
    header = [
        [Cell("申请情况", rowspan=2, colspan=3), Cell("自然人", rowspan=2), Cell("法人或其他组织", colspan=5), Cell("总计", rowspan=2)],
        [Cell("商业企业"), Cell("科研机构"), Cell("社会公益组织"), Cell("法律服务机构"), Cell("其他")],
    ]
    rows = header + [[Cell("一、本年新收政府信息公开申请数量", colspan=3)] + [Cell(v) for v in ["3", "", "0", "0", "", "0", "3"]]]
    got = parsed(Path("t.html"), _page(_table(rows)))
    assert got["table3"]["rows"]["new_received"] == [3, None, 0, 0, None, 0, 3]
    assert T3_HEADER  # the template header is also exercised by the seed renderings


def test_colspan_on_data_cells_of_table2_keeps_every_column():
    rows = [
        [Cell("第二十条第（一）项", colspan=5)],
        [Cell("信息内容"), Cell("本年制发件数"), Cell("本年废止件数", colspan=2), Cell("现行有效件数")],
        [Cell("规章"), Cell("0"), Cell("0", colspan=2), Cell("3")],
        [Cell("行政规范性文件"), Cell("1"), Cell("", colspan=2), Cell("8")],  # a blank merged cell
    ]
    got = parsed(Path("t.html"), _page(_table(rows), "二、主动公开政府信息情况"))
    assert got["table2"]["regulations"] == {"issued": 0, "repealed": 0, "in_force": 3}
    assert got["table2"]["normative_documents"] == {"issued": 1, "repealed": None, "in_force": 8}
    assert not [f for f in got["findings"] if f["rule"] == "parse.table2_extra_cells"]


def test_table4_with_one_row_per_block():
    t4 = {
        "review": {"upheld": 3, "corrected": 1, "other": 0, "pending": 2, "total": 6},
        "litigation_direct": {"upheld": 1, "corrected": 0, "other": 0, "pending": 0, "total": 1},
        "litigation_after_review": {"upheld": 0, "corrected": 0, "other": 1, "pending": 0, "total": 1},
    }
    got = parsed(Path("t.html"), _page(_table(table4_blocks(t4)), "四、政府信息公开行政复议、行政诉讼情况"))
    assert got["table4"] == t4


def test_layout_table_around_the_article_is_read_as_blocks():
    inner = _table([[Cell("信息内容"), Cell("本年处理决定数量")], [Cell("行政许可"), Cell("17")]])
    page = (
        "<html><body><table><tr><td><a href='/'>首页</a> <a href='/x'>政务公开</a></td></tr><tr><td>"
        "<h1>某某县人民政府2024年政府信息公开工作年度报告</h1><p>一、总体情况</p><p>情况良好。</p>"
        f"<p>二、主动公开政府信息情况</p><p>第二十条第（五）项</p>{inner}<p>三、收到和处理政府信息公开申请情况</p>"
        "</td></tr></table></body></html>"
    ).encode()
    got = parsed(Path("t.html"), page)
    assert got["agency"] == "某某县人民政府" and got["year"] == 2024
    assert got["table2"]["licensing"] == 17


def _titled_page(title: str, body: str) -> bytes:
    return f"<html><head><title>{title}</title></head><body>{body}</body></html>".encode()


BODY = "<p>本报告中所列数据的统计时限自2020年1月1日至12月31日。本年度报告内容可以在门户网站查阅。</p><p>一、总体情况</p>"


@pytest.mark.parametrize(
    "title",
    [
        "2020年金林区政府信息公开工作年度报告-金林区人民政府办公室",
        "金林区人民政府门户网站 - 2020年金林区政府信息公开工作年度报告",  # the site's name first
        "政务公开_2020年金林区政府信息公开工作年度报告_金林区人民政府",
    ],
)
def test_a_title_only_in_the_page_title_is_read_with_the_site_name_cut_off(tmp_path, title):
    path = tmp_path / "a.html"
    path.write_bytes(_titled_page(title, BODY))
    assert read(path).lines[0] == "2020年金林区政府信息公开工作年度报告"
    assert parsed(path)["agency"] == "金林区人民政府" and parsed(path)["year"] == 2020


@pytest.mark.parametrize(
    ("title", "body"),
    [
        ("金林区人民政府门户网站", BODY),  # the page title names no report
        ("2020年金林区政府信息公开工作年度报告", "<h1>金林区人民政府2020年政府信息公开工作年度报告</h1>" + BODY),
    ],
)
def test_the_page_title_is_not_added_when_it_names_no_report_or_the_body_has_one(tmp_path, title, body):
    path = tmp_path / "a.html"
    path.write_bytes(_titled_page(title, body))
    assert title not in read(path).lines
