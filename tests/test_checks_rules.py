"""Each consistency rule, on a clean report with one number changed."""

from __future__ import annotations

import copy

import pytest

from nianbao.checks import check_report, structure
from nianbao.checks.across import check_across
from nianbao.parse import parse_file

from .conftest import SEEDS


@pytest.fixture(scope="module")
def clean():
    (path,) = SEEDS.glob("002_*.txt")
    return parse_file(path)


def rules(report) -> list[str]:
    return sorted(f.rule for f in check_report(report))


def test_clean_report_has_no_findings(clean):
    assert rules(clean) == []


def test_balance_rule_compares_received_with_handled(clean):
    r = copy.deepcopy(clean)
    r.table3.rows["carried_over"][0] = 3  # 2 + 3 != 2 + 0 in the 自然人 column
    r.table3.rows["carried_over"][6] = 3
    found = [f for f in check_report(r) if f.rule == "table3.balance"]
    assert len(found) == 2
    assert "table3.carried_over.natural_person" in found[0].cells
    assert found[0].lines, "a finding points at its source lines"


def test_total_rule_sums_outcome_rows(clean):
    r = copy.deepcopy(clean)
    r.table3.rows["unable_not_held"][1] = 4
    r.table3.rows["unable_not_held"][6] = 4
    assert rules(r) == ["table3.total", "table3.total"]  # the 商业企业 and 总计 columns


def test_row_total_rule(clean):
    r = copy.deepcopy(clean)
    r.table3.rows["granted"][6] = 9
    found = [f for f in check_report(r) if f.rule == "table3.row_total"]
    assert len(found) == 1 and "予以公开" in found[0].message


def test_table4_block_total(clean):
    r = copy.deepcopy(clean)
    r.table4.blocks["litigation_direct"]["pending"] = 2
    found = [f for f in check_report(r) if f.rule == "table4.total"]
    assert len(found) == 1 and "直接起诉" in found[0].message


def test_null_cells_are_not_checked_as_zero(clean):
    r = copy.deepcopy(clean)
    r.table3.rows["granted"][6] = None
    r.table3.printed["granted"] = 6
    assert "table3.row_total" not in rules(r) and "table3.total" not in rules(r)


def test_narrative_application_count(clean):
    r = copy.deepcopy(clean)
    r.sections[0].text += "\n本年度共接收政府信息公开申请9件。"
    assert "narrative.applications" in rules(r)


def test_narrative_review_count(clean):
    r = copy.deepcopy(clean)
    r.sections[0].text += "\n发生行政复议3件。"
    assert "narrative.review" in rules(r)


def test_period_in_another_year(clean):
    r = copy.deepcopy(clean)
    r.period = "2023 年 1 月 1 日至 12 月 31 日"
    assert "structure.period_year" in rules(r)


def test_2021_report_in_2019_layout(clean):
    r = copy.deepcopy(clean)
    r.template = "2019"
    assert "structure.template_mismatch" in [f.rule for f in structure.check(r)]


def test_missing_sections_and_tables(clean):
    r = copy.deepcopy(clean)
    r.sections = r.sections[:2]
    r.table4 = None
    found = rules(r)
    assert "structure.missing_section" in found and "structure.missing_table" in found


def test_missing_agency_and_year(clean):
    r = copy.deepcopy(clean)
    r.agency, r.year = None, None
    assert {"structure.missing_agency", "structure.missing_year"} <= set(rules(r))


def test_carryover_across_years(clean):
    before, after = copy.deepcopy(clean), copy.deepcopy(clean)
    before.id, before.year = "a", 2023
    before.table3.rows["carried_forward"][6] = 4
    after.id = "b"
    found = check_across([before, after])
    assert [f.rule for f in found["b"]] == ["across.carryover"]


def test_in_force_continuity_is_information(clean):
    before, after = copy.deepcopy(clean), copy.deepcopy(clean)
    before.id, before.year = "a", 2023
    # 7 in force last year, 0 issued, 0 repealed -> 7 expected; print 9 this year.
    item = next(i for i in after.table2.items if i.item == "行政规范性文件")
    item.values["现行有效件数"] = 9
    after.id = "b"
    (finding,) = check_across([before, after])["b"]
    assert finding.rule == "across.in_force" and finding.severity == "info"


def test_unreadable_input_gets_only_its_input_finding(clean):
    r = copy.deepcopy(clean)
    r.lines, r.sections, r.table2, r.table3, r.table4, r.agency, r.year = [], [], None, None, None, None, None
    assert [f for f in structure.check(r)] == []
