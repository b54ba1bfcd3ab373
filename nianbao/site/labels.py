"""Chinese display labels for every key of the JSON contract (docs/report-model.md).

The site and the data dictionary read these; the keys themselves stay English.
"""

from __future__ import annotations

# Column and field names are shared with the checks' messages: one spelling for both.
from ..checks.labels import T3_COLUMN_LABELS, T4_FIELD_LABELS  # noqa: F401 - re-exported

#: Row key -> (group label or "", short label as printed in the template).
T3_ROW_LABELS = {
    "new_received": "一、本年新收政府信息公开申请数量",
    "carried_over": "二、上年结转政府信息公开申请数量",
    "granted": "（一）予以公开",
    "partially_granted": "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
    "denied_state_secret": "1.属于国家秘密",
    "denied_law_prohibited": "2.其他法律行政法规禁止公开",
    "denied_three_safeties": "3.危及“三安全一稳定”",
    "denied_third_party": "4.保护第三方合法权益",
    "denied_internal_affairs": "5.属于三类内部事务信息",
    "denied_process_info": "6.属于四类过程性信息",
    "denied_enforcement_files": "7.属于行政执法案卷",
    "denied_administrative_query": "8.属于行政查询事项",
    "unable_not_held": "1.本机关不掌握相关政府信息",
    "unable_needs_creation": "2.没有现成信息需要另行制作",
    "unable_unclear": "3.补正后申请内容仍不明确",
    "not_processed_petition": "1.信访举报投诉类申请",
    "not_processed_duplicate": "2.重复申请",
    "not_processed_publications": "3.要求提供公开出版物",
    "not_processed_mass_repetitive": "4.无正当理由大量反复申请",
    "not_processed_confirmation": "5.要求行政机关确认或重新出具已获取信息",
    "other_no_correction": "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
    "other_no_fee": "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
    "other_other": "3.其他",
    "total": "（七）总计",
    "carried_forward": "四、结转下年度继续办理",
}

#: Short names used in charts and compact tables.
T3_ROW_SHORT = {
    "new_received": "本年新收",
    "carried_over": "上年结转",
    "granted": "予以公开",
    "partially_granted": "部分公开",
    "denied_state_secret": "国家秘密",
    "denied_law_prohibited": "法律行政法规禁止",
    "denied_three_safeties": "危及“三安全一稳定”",
    "denied_third_party": "保护第三方合法权益",
    "denied_internal_affairs": "三类内部事务信息",
    "denied_process_info": "四类过程性信息",
    "denied_enforcement_files": "行政执法案卷",
    "denied_administrative_query": "行政查询事项",
    "unable_not_held": "本机关不掌握",
    "unable_needs_creation": "需另行制作",
    "unable_unclear": "补正后仍不明确",
    "not_processed_petition": "信访举报投诉类",
    "not_processed_duplicate": "重复申请",
    "not_processed_publications": "要求提供公开出版物",
    "not_processed_mass_repetitive": "大量反复申请",
    "not_processed_confirmation": "要求确认或重新出具",
    "other_no_correction": "逾期不补正",
    "other_no_fee": "逾期未缴费",
    "other_other": "其他处理",
    "total": "办理总计",
    "carried_forward": "结转下年度",
}

#: The outcome groups of table 3 (（一）…（六）), as used in the outcome-mix charts.
T3_OUTCOME_GROUPS = (
    ("granted", "予以公开", ("granted",)),
    ("partially_granted", "部分公开", ("partially_granted",)),
    ("denied", "不予公开", tuple(k for k in T3_ROW_LABELS if k.startswith("denied_"))),
    ("unable", "无法提供", ("unable_not_held", "unable_needs_creation", "unable_unclear")),
    ("not_processed", "不予处理", tuple(k for k in T3_ROW_LABELS if k.startswith("not_processed_"))),
    ("other", "其他处理", ("other_no_correction", "other_no_fee", "other_other")),
)

T4_BLOCK_LABELS = {
    "review": "行政复议",
    "litigation_direct": "行政诉讼·未经复议直接起诉",
    "litigation_after_review": "行政诉讼·复议后起诉",
}


T2_KEY_LABELS = {
    "regulations": "规章",
    "normative_documents": "行政规范性文件",
    "issued": "本年制发件数",
    "repealed": "本年废止件数",
    "in_force": "现行有效件数",
    "licensing": "行政许可 本年处理决定数量",
    "punishment": "行政处罚 本年处理决定数量",
    "coercion": "行政强制 本年处理决定数量",
    "fees_10k_yuan": "行政事业性收费 本年收费金额（万元）",
    "items": "2019 年模板的表二各行（按原样）",
}

SECTION_LABELS = {
    "overview": "一、总体情况",
    "active_disclosure": "二、主动公开政府信息情况",
    "applications": "三、收到和处理政府信息公开申请情况",
    "review_litigation": "四、政府信息公开行政复议、行政诉讼情况",
    "problems": "五、存在的主要问题及改进情况",
    "other_matters": "六、其他需要报告的事项",
}

SEVERITY_LABELS = {"error": "错误", "warning": "警告", "info": "提示"}

#: How the input came: shown on the page and in the original file's link.
FORM_LABELS = {
    "text": "纯文本",
    "markdown": "Markdown 文本",
    "html": "网页 HTML，以文本显示",
    "pdf": "PDF",
    "docx": "Word 文档",
    "glued": "网页复制文本（单元格粘连，已按表内勾稽关系拆分）",
    "binary": "无法读取的文件",
}

TABLE_LABELS = {"table2": "表二 主动公开", "table3": "表三 申请办理", "table4": "表四 复议诉讼"}

#: Top-level keys of one report in data/reports.json -> Chinese label.
REPORT_KEY_LABELS = {
    "id": "报告编号（由源文件名得出，稳定）",
    "agency": "机关名称（原文所印）",
    "year": "报告年度",
    "template": "表格模板（2021 或 2019 版）",
    "source": "源文件路径",
    "format": "源文件格式",
    "sha256": "源文件 SHA-256 校验值",
    "title": "报告标题",
    "period": "统计期限（原文所印）",
    "contact": "联系方式（phone 电话、address 地址、postcode 邮编、website 网站）",
    "sections": "正文各部分（key 键、title 标题、text 正文、line 标题所在行）",
    "table2": "表二 主动公开政府信息情况",
    "table3": "表三 收到和处理政府信息公开申请情况（columns 列、rows 行）",
    "table4": "表四 行政复议、行政诉讼情况",
    "findings": "检查发现（rule 规则、severity 严重程度、message 说明、where 位置、cells 单元格、lines 行号）",
    "provenance": "出处：与表二、三、四同形，值为该数字所在的原文行号",
    "structure": "原文结构：表二各行、表三每行印出的单元格数、找到的行、表四印出的单元格数",
}

#: data/agencies.json: one entry per agency.
AGENCY_KEY_LABELS = {
    "name": "规范机关名称",
    "slug": "网址标识（小写 ASCII，稳定）",
    "region": "所属地区（由大到小）",
    "level": "机关层级",
    "variants": "报告中出现的其他写法",
    "listed": "是否列入机关名录（false 时网址标识由名称散列得出）",
    "page": "机关页面相对路径",
    "reports": "该机关的报告（id、year、printed_agency 原文所印名称、page 页面、data 数据文件、primary 是否采用）",
}

CSV_COLUMN_LABELS = {
    "agency": "规范机关名称",
    "year": "报告年度",
    "report_id": "报告编号",
    "table": "表格（table2 / table3 / table4）",
    "row": "行键（表三行、表四块、表二项）",
    "column": "列键（表三列、表四字段、表二列）",
    "value": "数值；空表示原文无值",
    "source_line": "该数值所在原文行号",
}

FINDINGS_CSV_LABELS = {
    "agency": "规范机关名称",
    "year": "报告年度",
    "report_id": "报告编号",
    "rule": "规则编号",
    "severity": "严重程度（error / warning / info）",
    "message": "说明",
    "where": "位置",
    "cells": "涉及单元格（以空格分隔）",
    "lines": "涉及原文行号（以空格分隔）",
}


def cell_label(cell_id: str) -> str:
    """Readable Chinese name of a contract cell id, e.g. "表三 办理总计 · 自然人"."""
    parts = cell_id.split(".")
    if len(parts) == 3 and parts[0] == "table3" and parts[1] in T3_ROW_SHORT:
        return f"表三 {T3_ROW_SHORT[parts[1]]} · {T3_COLUMN_LABELS.get(parts[2], parts[2])}"
    if len(parts) == 3 and parts[0] == "table4" and parts[1] in T4_BLOCK_LABELS:
        return f"表四 {T4_BLOCK_LABELS[parts[1]]} · {T4_FIELD_LABELS.get(parts[2], parts[2])}"
    if parts[0] == "table2" and len(parts) >= 2 and parts[1] in T2_KEY_LABELS:
        return "表二 " + " · ".join(T2_KEY_LABELS.get(p, p) for p in parts[1:])
    return cell_id
