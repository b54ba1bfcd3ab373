"""values.*: negative counts, fractional counts and absurd sizes are findings; real values are not."""

from __future__ import annotations

from pathlib import Path

import pytest

from nianbao.checks import values
from nianbao.load import load_report
from nianbao.model import T3_ROWS, T4_BLOCKS, T4_FIELDS, Report, Table2, Table2Item, Table3, Table4

from .conftest import SEED_FILES, SEEDS


def _report(t3: dict | None = None, t4: dict | None = None, t2: list | None = None, template: str = "2021") -> Report:
    rows = {k: [0] * 7 for k in T3_ROWS}
    rows.update(t3 or {})
    blocks = {b: dict.fromkeys(T4_FIELDS, 0) for b in T4_BLOCKS}
    for (b, f), v in (t4 or {}).items():
        blocks[b][f] = v
    items = [Table2Item(item, vals, dict.fromkeys(vals, 7)) for item, vals in (t2 or [])]
    return Report(
        id="x",
        source="x.txt",
        template=template,
        table2=Table2(items),
        table3=Table3(rows, {k: [10 + i] * 7 for i, k in enumerate(T3_ROWS)}, found=list(T3_ROWS)),
        table4=Table4(blocks, {b: dict.fromkeys(T4_FIELDS, 90) for b in T4_BLOCKS}),
    )


def _rules(report: Report) -> list[tuple[str, list[str]]]:
    return [(f.rule, f.cells) for f in values.check(report)]


def test_clean_report_has_no_value_findings():
    assert values.check(_report()) == []


def test_negative_table3_count_is_an_error_with_cell_and_line():
    (f,) = values.check(_report(t3={"granted": [0, -2, 0, 0, 0, 0, 0]}))
    assert (f.rule, f.severity, f.cells, f.lines) == ("values.negative", "error", ["table3.granted.commercial"], [12])
    assert "-2" in f.message and "负数" in f.message


def test_decimal_count_in_table4():
    (f,) = values.check(_report(t4={("review", "upheld"): 1.5}))
    assert (f.rule, f.cells, f.lines) == ("values.decimal_count", ["table4.review.upheld"], [90])


def test_whole_number_printed_with_decimals_is_not_flagged():
    assert values.check(_report(t3={"granted": [2.0, 0, 0, 0, 0, 0, 2]})) == []


@pytest.mark.parametrize("value", [1_000_001, 10**30, 123456789012])
def test_absurdly_large_case_count(value):
    assert _rules(_report(t3={"new_received": [value, 0, 0, 0, 0, 0, 0]})) == [
        ("values.implausible", ["table3.new_received.natural_person"])
    ]


def test_large_but_real_table2_counts_are_fine():
    t2 = [("行政处罚", {"本年处理决定数量": 3_500_000}), ("行政事业性收费", {"本年收费金额（单位：万元）": 41_234_567.89})]
    assert values.check(_report(t2=t2)) == []


def test_table2_change_column_may_be_negative_but_not_fractional():
    t2 = [("行政许可", {"上一年项目数量": 451, "本年增/减": -256, "处理决定数量": 620})]
    assert values.check(_report(t2=t2, template="2019")) == []
    t2 = [("行政许可", {"上一年项目数量": 451, "本年增/减": -2.5, "处理决定数量": 620})]
    assert _rules(_report(t2=t2, template="2019")) == [("values.decimal_count", [])]


def test_money_may_have_decimals_but_not_be_negative():
    t2 = [("行政事业性收费", {"本年收费金额（单位：万元）": 5.6}), ("政府集中采购", {"采购项目数量": 3, "采购总金额": 6_239_795.00})]
    assert values.check(_report(t2=t2)) == []
    t2 = [("行政事业性收费", {"本年收费金额（单位：万元）": -5.6})]
    assert _rules(_report(t2=t2)) == [("values.negative", [])]


def test_table2_count_cells_use_contract_ids():
    t2 = [("行政规范性文件", {"本年制发件数": -1, "本年废止件数": 0, "现行有效件数": 8.5})]
    assert _rules(_report(t2=t2)) == [
        ("values.negative", ["table2.normative_documents.issued"]),
        ("values.decimal_count", ["table2.normative_documents.in_force"]),
    ]


def test_null_values_are_skipped():
    assert values.check(_report(t3={"granted": [None] * 7}, t4={("review", "total"): None})) == []


def test_registered_and_idempotent():
    from nianbao.checks import RULES, apply_checks

    assert values.check in RULES
    report = apply_checks(apply_checks(_report(t3={"granted": [0, -2, 0, 0, 0, 0, 0]})))
    assert [f.rule for f in report.findings].count("values.negative") == 1


@pytest.mark.parametrize(
    "token, rule",
    [("-4", "values.negative"), ("4.5", "values.decimal_count"), ("40000000000", "values.implausible")],
)
def test_printed_in_a_real_report(token, rule):
    """A seed with one table-3 cell replaced: the finding names the cell and its line."""
    path = next(SEEDS.glob("000_*.txt"))
    lines = path.read_text(encoding="utf-8").split("\n")
    i = next(n for n, line in enumerate(lines) if line.startswith("一、本年新收"))
    cells = lines[i].split("\t")
    cells[2] = token  # 自然人
    lines[i] = "\t".join(cells)
    report = load_report(Path("bad.txt"), data="\n".join(lines).encode("utf-8"))
    found = [f for f in report.findings if f.rule == rule]
    assert found and found[0].cells == ["table3.new_received.natural_person"] and found[0].lines == [i + 1]


def test_no_value_findings_on_the_seeds():
    for path in SEED_FILES:
        assert not [f for f in load_report(path).findings if f.rule.startswith("values.")], path.name
