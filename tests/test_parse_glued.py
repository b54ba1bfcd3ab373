"""Glued web text: digit runs cut back into cells by the table's own arithmetic."""

from __future__ import annotations

from pathlib import Path

import pytest

from nianbao.ingest import Document
from nianbao.parse import glued, parse_document
from nianbao.parse.glued import _COUNT, _row_total, splits
from nianbao.serialize import to_json

from .formats_util import fixture_for, mismatches, parsed, truth_for

HEAD = ["某某县人民政府2024年政府信息公开工作年度报告", "一、总体情况"]
T3_HEAD = [
    "三、收到和处理政府信息公开申请情况",
    "(本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和)申请人情况",
    "自然人法人或其他组织总计",
    "商业企业科研机构社会公益组织法律服务机构其他",
]


def _parse(lines: list[str]) -> dict:
    return to_json(parse_document(Document(path=Path("glued.txt"), kind="text", lines=lines)))


def _rules(report: dict) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {}
    for f in report["findings"]:
        out.setdefault(f["rule"], []).append(f)
    return out


@pytest.mark.parametrize("n", ["000", "002"])
def test_glued_seed_decodes_to_truth(n):
    seed = next(p for p in fixture_for(Path(n), "x").parent.parent.parent.parent.joinpath("seeds").glob(f"{n}_*.txt"))
    got = parsed(fixture_for(seed, "glued.txt"))
    assert got["format"] == "glued"
    assert mismatches(got, truth_for(seed)) == {}
    assert "parse.glued_reconstructed" in _rules(got)
    assert "parse.glued_ambiguous" not in _rules(got)


def test_every_glued_value_is_the_truth_or_null_with_a_warning(seed):
    got = parsed(fixture_for(seed, "glued.txt"))
    truth = truth_for(seed)
    warnings = _rules(got).get("parse.glued_ambiguous", [])
    short = _rules(got).get("parse.glued_short", [])
    wrong = [key for key, values in got["table3"]["rows"].items() if values != truth["table3"]["rows"][key]]
    for key in wrong:
        values, want = got["table3"]["rows"][key], truth["table3"]["rows"][key]
        if set(values) <= {0, None} and set(want) <= {0, None}:
            continue  # a run of zeros shorter than the row: where its blank was is unknowable
        assert values == [None] * 7, key  # never a guessed number
    assert len(wrong) <= len(warnings) + len(short)
    assert got["table4"] == truth["table4"]
    assert {f: got[f] for f in ("agency", "year", "template")} == {f: truth[f] for f in ("agency", "year", "template")}


def test_text_seeds_are_not_taken_for_glued(seed):
    got = parsed(seed)
    assert got["format"] in ("text", "markdown")
    assert not [f for f in got["findings"] if f["rule"].startswith("parse.glued")]


def test_issue_example_needs_the_narrative():
    body = [
        "第二十条第（一）项",
        "信息内容本年制发件数本年废止件数现行有效件数",
        "行政规范性文件77132470",
        "三、收到和处理政府信息公开申请情况",
    ]
    told = HEAD + ["本年制发行政规范性文件77件，废止132件，现行有效470件。", "二、主动公开政府信息情况"] + body
    got = _parse(told)
    assert got["table2"]["normative_documents"] == {"issued": 77, "repealed": 132, "in_force": 470}
    assert got["format"] == "glued" and "parse.glued_reconstructed" in _rules(got)
    silent = _parse(HEAD + ["工作情况良好。", "二、主动公开政府信息情况"] + body)
    assert silent["table2"]["normative_documents"] == {"issued": None, "repealed": None, "in_force": None}
    (warning,) = _rules(silent)["parse.glued_ambiguous"]
    assert warning["severity"] == "warning" and warning["lines"] == [7]


def test_row_total_decides_a_row():
    got = _parse(HEAD + ["无。"] + T3_HEAD + ["一、本年新收政府信息公开申请数量1110000021"])
    assert got["table3"]["rows"]["new_received"] == [11, 10, 0, 0, 0, 0, 21]
    assert got["provenance"]["table3"]["rows"]["new_received"] == [8] * 7


def test_column_sums_and_balance_decide_rows_the_row_total_leaves_open():
    assert len(splits("1210100023", 7, _COUNT, _row_total, closing=sum)) == 3
    rows = [
        "一、本年新收政府信息公开申请数量1210100023",
        "二、上年结转政府信息公开申请数量0000000",
        "三、本年度办理结果（一）予以公开99100019",
        "（二）部分公开（区分处理的，只计这一情形，不计其他情形）3100004",
        "（七）总计1210100023",
        "四、结转下年度继续办理0000000",
    ]
    got = _parse(HEAD + ["无。"] + T3_HEAD + rows)
    table = got["table3"]["rows"]
    assert table["granted"] == [9, 9, 1, 0, 0, 0, 19]
    assert table["total"] == [12, 10, 1, 0, 0, 0, 23]
    assert table["new_received"] == [12, 10, 1, 0, 0, 0, 23]
    assert "parse.glued_ambiguous" not in _rules(got)


def test_unresolved_row_is_left_null_with_a_warning():
    got = _parse(HEAD + ["无。"] + T3_HEAD + ["一、本年新收政府信息公开申请数量1210100023"])
    # 1|2|10|10|0|0|23, 12|1|0|10|0|0|23 and 12|10|1|0|0|0|23 all add up: only the cells
    # every one of them reads alike are known
    assert got["table3"]["rows"]["new_received"] == [None, None, None, None, 0, 0, 23]
    (warning,) = _rules(got)["parse.glued_ambiguous"]
    assert "1210100023" in warning["message"]


def test_table4_blocks_add_up():
    lines = HEAD + ["无。", "四、政府信息公开行政复议、行政诉讼情况", "行政复议行政诉讼", "结果维持结果纠正其他结果尚未审结总计未经复议直接起诉复议后起诉",
                    "结果维持结果纠正其他结果尚未审结总计结果维持结果纠正其他结果尚未审结总计", "12001131000100000", "五、存在的主要问题及改进情况"]  # fmt: skip
    got = _parse(lines)
    assert got["table4"]["review"] == {"upheld": 12, "corrected": 0, "other": 0, "pending": 1, "total": 13}
    assert got["table4"]["litigation_direct"]["total"] == 1


def test_table4_values_on_a_line_of_their_own_may_have_stray_spaces():
    # web text: the 15 values, cut from the header onto a line of their own, with a space
    lines = HEAD + ["无。", "四、政府信息公开行政复议、行政诉讼情况", "行政复议行政诉讼结果维持结果纠正其他结果尚未审结总计",
                    "未经复议直接起诉复议后起诉结果维持结果纠正其他结果尚未审结总计结果维持结果纠正其他结果尚未审结总计",
                    "2000200000 0 000 0", "五、存在的主要问题及改进情况"]  # fmt: skip
    got = _parse(lines)
    assert got["table4"]["review"] == {"upheld": 2, "corrected": 0, "other": 0, "pending": 0, "total": 2}
    assert set(got["table4"]["litigation_after_review"].values()) == {0}


def test_search_is_bounded(monkeypatch):
    steps = []
    real = glued.parse_number
    monkeypatch.setattr(glued, "parse_number", lambda text: steps.append(1) or real(text))
    got = _parse(HEAD + ["无。"] + T3_HEAD + ["一、本年新收政府信息公开申请数量" + "123456789" * 8])
    assert len(steps) <= 16 * (glued.BUDGET + 1)  # at most one piece per length per step
    assert got["table3"]["rows"]["new_received"] == [None] * 7
    assert "parse.glued_ambiguous" in _rules(got)


T2_2019 = [
    "二、主动公开政府信息情况",
    "第二十条第（五）项",
    "信息内容上一年项目数量本年增/减处理决定数量",
    "行政许可451-256620",
    "第二十条第（九）项",
    "信息内容采购项目数量采购总金额",
    "政府集中采购106,239,795.00",
    "三、收到和处理政府信息公开申请情况",
]


def _item(got: dict, name: str) -> dict:
    return next(i["values"] for i in got["table2"]["items"] if i["item"] == name)


def test_only_the_change_column_is_signed_and_what_every_cut_agrees_on_is_kept():
    got = _parse(HEAD + ["无。"] + T2_2019)
    # 451|-2|56620, 451|-25|6620, 451|-256|620: a count is never negative, and the
    # previous year's 451 is read alike by all
    assert _item(got, "行政许可") == {"上一年项目数量": 451, "本年增/减": None, "处理决定数量": None}
    assert "parse.glued_ambiguous" in _rules(got)


def test_an_amount_is_not_cut_inside_its_decimals():
    got = _parse(HEAD + ["无。"] + T2_2019)
    assert _item(got, "政府集中采购") == {"采购项目数量": 10, "采购总金额": 6239795.0}


def test_a_run_of_fewer_zeros_than_cells_is_a_short_row_with_a_warning():
    got = _parse(HEAD + ["无。"] + T3_HEAD + ["一、本年新收政府信息公开申请数量000000"])
    assert got["table3"]["rows"]["new_received"] == [0, 0, 0, 0, 0, 0, None]
    (warning,) = _rules(got)["parse.glued_short"]
    assert "6 个 0" in warning["message"]


def test_a_table_of_thousands_of_hard_rows_stops_searching(monkeypatch):
    steps = []
    real = glued.parse_number
    monkeypatch.setattr(glued, "parse_number", lambda text: steps.append(1) or real(text))
    rows = ["1.属于国家秘密123456789012345"] * 6000  # each row: thousands of cuts to try
    got = _parse(HEAD + ["无。"] + T3_HEAD + rows)
    assert "parse.glued_ambiguous" in _rules(got)
    # the whole table's search is bounded, not each row's: at most one piece per length per step
    assert len(steps) <= 16 * (glued.TABLE_BUDGET + 2 * glued.BUDGET)


def test_what_is_in_force_includes_what_the_year_made():
    body = [
        "第二十条第（一）项",
        "信息内容本年制发件数本年废止件数现行有效件数",
        "规章4140",
        "行政规范性文件5238",
        "三、收到和处理政府信息公开申请情况",
    ]
    got = _parse(HEAD + ["工作情况良好。", "二、主动公开政府信息情况"] + body)
    # 4|1|40 only: 4|14|0 and 41|4|0 would have fewer in force than were made this year
    assert got["table2"]["regulations"] == {"issued": 4, "repealed": 1, "in_force": 40}
    # 5|2|38 and 5|23|8 both keep it: only the 5 made this year is certain
    assert got["table2"]["normative_documents"] == {"issued": 5, "repealed": None, "in_force": None}
