"""Chinese names of rows, columns and cells, for messages a reader understands."""

from __future__ import annotations

from ..model import T3_COLUMNS

T3_COLUMN_LABELS = {
    "natural_person": "自然人",
    "commercial": "商业企业",
    "research": "科研机构",
    "social_welfare": "社会公益组织",
    "legal_services": "法律服务机构",
    "other": "其他",
    "total": "总计",
}

T3_ROW_LABELS = {
    "new_received": "一、本年新收政府信息公开申请数量",
    "carried_over": "二、上年结转政府信息公开申请数量",
    "granted": "（一）予以公开",
    "partially_granted": "（二）部分公开",
    "denied_state_secret": "（三）不予公开 1.属于国家秘密",
    "denied_law_prohibited": "（三）不予公开 2.其他法律行政法规禁止公开",
    "denied_three_safeties": "（三）不予公开 3.危及“三安全一稳定”",
    "denied_third_party": "（三）不予公开 4.保护第三方合法权益",
    "denied_internal_affairs": "（三）不予公开 5.属于三类内部事务信息",
    "denied_process_info": "（三）不予公开 6.属于四类过程性信息",
    "denied_enforcement_files": "（三）不予公开 7.属于行政执法案卷",
    "denied_administrative_query": "（三）不予公开 8.属于行政查询事项",
    "unable_not_held": "（四）无法提供 1.本机关不掌握相关政府信息",
    "unable_needs_creation": "（四）无法提供 2.没有现成信息需要另行制作",
    "unable_unclear": "（四）无法提供 3.补正后申请内容仍不明确",
    "not_processed_petition": "（五）不予处理 1.信访举报投诉类申请",
    "not_processed_duplicate": "（五）不予处理 2.重复申请",
    "not_processed_publications": "（五）不予处理 3.要求提供公开出版物",
    "not_processed_mass_repetitive": "（五）不予处理 4.无正当理由大量反复申请",
    "not_processed_confirmation": "（五）不予处理 5.要求行政机关确认或重新出具已获取信息",
    "other_no_correction": "（六）其他处理 1.申请人无正当理由逾期不补正",
    "other_no_fee": "（六）其他处理 2.申请人逾期未按收费通知要求缴纳费用",
    "other_other": "（六）其他处理 3.其他",
    "total": "（七）总计",
    "carried_forward": "四、结转下年度继续办理",
}

T4_BLOCK_LABELS = {
    "review": "行政复议",
    "litigation_direct": "行政诉讼（未经复议直接起诉）",
    "litigation_after_review": "行政诉讼（复议后起诉）",
}
T4_FIELD_LABELS = {"upheld": "结果维持", "corrected": "结果纠正", "other": "其他结果", "pending": "尚未审结", "total": "总计"}


def t3_cell(row: str, col: str) -> str:
    return f"table3.{row}.{col}"


def t3_col_index(col: str) -> int:
    return T3_COLUMNS.index(col)


def fmt(value) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return "空" if value is None else str(value)
