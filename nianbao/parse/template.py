"""Which national template a report follows, read from its tables' layout."""

from __future__ import annotations

from ..model import Report

_COLUMNS_2021 = {"本年制发件数", "本年废止件数", "现行有效件数", "本年收费金额"}
_COLUMNS_2019 = {"本年新制作数量", "本年新公开数量", "对外公开总数量", "上一年项目数量", "本年增/减", "采购项目数量"}


def detect_template(report: Report) -> str | None:
    """"2021" or "2019" from the layout; the year only breaks a tie."""
    votes_2021 = votes_2019 = 0
    if report.table2:
        columns = {c for item in report.table2.items for c in item.values}
        votes_2021 += len(columns & _COLUMNS_2021)
        votes_2019 += len(columns & _COLUMNS_2019)
    if report.table3:
        found = set(report.table3.found)
        if found & {"other_no_correction", "other_no_fee"}:
            votes_2021 += 2
        elif "other_other" in found and "total" in found:
            votes_2019 += 1
    if votes_2021 > votes_2019:
        return "2021"
    if votes_2019 > votes_2021:
        return "2019"
    if report.year is not None:
        return "2021" if report.year >= 2021 else "2019"
    return None
