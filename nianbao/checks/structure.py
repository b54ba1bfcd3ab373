"""structure.*: what is missing, blank, cut off or extra in the report's layout."""

from __future__ import annotations

import re

from ..model import SECTION_KEYS, T3_COLUMNS, T3_ROWS, T3_ROWS_2021_ONLY, Finding, Report
from .labels import T3_COLUMN_LABELS, T3_ROW_LABELS, t3_cell

_SECTION_NAMES = dict(zip(SECTION_KEYS, ("一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况", "四、行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项"), strict=True))


def check(report: Report) -> list[Finding]:
    if not report.lines:
        return []  # nothing readable (empty, binary, scanned): the input.* finding says why
    out: list[Finding] = []
    out += _identity(report)
    out += _sections(report)
    out += _tables(report)
    if report.table3 is not None:
        out += _t3_rows(report)
        out += _t3_cells(report)
    if report.table4 is not None:
        out += _t4_cells(report)
    return out


def _identity(report: Report) -> list[Finding]:
    out = []
    if not report.agency:
        out.append(Finding("structure.missing_agency", "error", "未能从标题或前言中识别发布机关。", "标题"))
    if report.year is None:
        out.append(Finding("structure.missing_year", "error", "未能从标题或前言中识别报告年度。", "标题"))
    years = sorted({int(y) for y in re.findall(r"20\d{2}", report.period or "")})
    if report.year is not None and years and years != [report.year]:
        out.append(
            Finding("structure.period_year", "warning", f"统计期限“{report.period}”与报告年度 {report.year} 年不一致。", "前言")
        )
    if report.year is not None and report.year >= 2021 and report.template == "2019":
        out.append(
            Finding(
                "structure.template_mismatch",
                "warning",
                f"这是 {report.year} 年度的报告，但表格仍按 2019 年旧模板（国办公开办函〔2019〕60号）填写，"
                "应使用 2021 年新模板（国办公开办函〔2021〕30号）。",
                "表格",
            )
        )
    return out


def _sections(report: Report) -> list[Finding]:
    present = {s.key for s in report.sections}
    missing = [_SECTION_NAMES[k] for k in SECTION_KEYS if k not in present]
    if not missing or not report.lines:
        return []
    return [Finding("structure.missing_section", "warning", f"未找到以下部分：{'、'.join(missing)}。", "结构")]


def _tables(report: Report) -> list[Finding]:
    out = []
    for name, label, severity in (("table2", "表2（主动公开）", "warning"), ("table3", "表3（收到和处理申请）", "error"), ("table4", "表4（行政复议、行政诉讼）", "error")):
        table = getattr(report, name)
        empty = table is None or (name == "table3" and not table.found) or (name == "table4" and table.printed == 0) or (name == "table2" and not table.items)
        if empty:
            out.append(Finding("structure.missing_table", severity, f"未找到{label}或其中没有可读的数字。", label))
    return out


def _t3_rows(report: Report) -> list[Finding]:
    t = report.table3
    if not t.found:
        return []
    skip = set(T3_ROWS_2021_ONLY) if report.template == "2019" else set()
    missing = [k for k in T3_ROWS if k not in t.found and k not in skip]
    if not missing:
        return []
    names = "；".join(T3_ROW_LABELS[k] for k in missing)
    return [Finding("structure.missing_row", "warning", f"表3缺少以下行（数值记为空）：{names}。", "表3", cells=[t3_cell(k, "total") for k in missing])]


def _t3_cells(report: Report) -> list[Finding]:
    t = report.table3
    out = []
    truncated: list[tuple[int, list[str]]] = []
    for key in T3_ROWS:
        if key not in t.found:
            continue
        printed = t.printed.get(key, len(T3_COLUMNS))
        blanks = [c for i, c in enumerate(T3_COLUMNS) if i < printed and t.rows[key][i] is None]
        if blanks:
            cols = "、".join(T3_COLUMN_LABELS[c] for c in blanks)
            out.append(
                Finding("structure.blank_cell", "warning", f"表3“{T3_ROW_LABELS[key]}”一行的“{cols}”单元格为空，记为空值而非 0。", "表3", cells=[t3_cell(key, c) for c in blanks], lines=sorted({ln for ln in t.lines[key] if ln}))
            )
        if printed > len(T3_COLUMNS):
            out.append(Finding("structure.extra_cells", "warning", f"表3“{T3_ROW_LABELS[key]}”一行印有 {printed} 个数字，多于 7 列，多出的未计入。", "表3", lines=sorted({ln for ln in t.lines[key] if ln})))
        if printed < len(T3_COLUMNS):
            truncated.append((printed, [key]))
    return out + _truncated_groups(t, truncated)


def _truncated_groups(t, truncated: list[tuple[int, list[str]]]) -> list[Finding]:
    """One finding per run of rows cut off at the same column."""
    groups: list[tuple[int, list[str]]] = []
    for printed, keys in truncated:
        if groups and groups[-1][0] == printed and T3_ROWS.index(keys[0]) == T3_ROWS.index(groups[-1][1][-1]) + 1:
            groups[-1][1].extend(keys)
        else:
            groups.append((printed, list(keys)))
    out = []
    for printed, keys in groups:
        lost = T3_COLUMNS[printed:]
        cols = "、".join(T3_COLUMN_LABELS[c] for c in lost)
        rows = T3_ROW_LABELS[keys[0]] if len(keys) == 1 else f"从“{T3_ROW_LABELS[keys[0]]}”到“{T3_ROW_LABELS[keys[-1]]}”的 {len(keys)} 行"
        out.append(
            Finding(
                "structure.truncated",
                "warning",
                f"表3{rows}只印出 {printed} 列，右侧的“{cols}”列缺失（表格被截断），这些单元格记为空值，不作推算。",
                "表3",
                cells=[t3_cell(k, c) for k in keys for c in lost],
                lines=sorted({ln for k in keys for ln in t.lines[k] if ln}),
            )
        )
    return out


def _t4_cells(report: Report) -> list[Finding]:
    t = report.table4
    lines = sorted({ln for b in t.lines.values() for ln in b.values() if ln})
    if t.printed > 15:
        return [Finding("structure.extra_cells", "warning", f"表4的数值行有 {t.printed} 个数字，比表头的 15 列多 {t.printed - 15} 个，多出的没有对应表头，未计入。", "表4", lines=lines)]
    if 0 < t.printed < 15:
        return [Finding("structure.truncated", "warning", f"表4只读到 {t.printed} 个数字，少于 15 列，缺少的单元格记为空值。", "表4", lines=lines)]
    blanks = [f"table4.{b}.{f}" for b, fields in t.blocks.items() for f, v in fields.items() if v is None]
    if t.printed and blanks:
        return [Finding("structure.blank_cell", "warning", f"表4有 {len(blanks)} 个单元格为空，记为空值而非 0。", "表4", cells=blanks, lines=lines)]
    return []
