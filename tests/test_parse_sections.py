"""Finding the six sections in any heading style, and repairing PDF line breaks."""

from __future__ import annotations

import pytest

from nianbao.parse.normalize import normalize_lines
from nianbao.parse.sections import find_headings, repair_paragraphs

STYLES = {
    "markdown": ["## 一、总体情况", "### 二、主动公开政府信息情况", "#### 三、收到和处理政府信息公开申请情况", "# 四、政府信息公开行政复议、行政诉讼情况", "## 五、存在的主要问题及改进情况", "## **六、其他需要报告的事项**"],
    "bold": ["**一、总体情况**", "**二、主动公开政府信息情况**", "**三、收到和处理政府信息公开申请情况**", "**四、政府信息公开行政复议、行政诉讼情况**", "**五、存在的主要问题及改进情况**", "**六、其他需要报告的事项**"],
    "plain_variants": [" 一、总体情况", "二. 主动公开政府信息情况", "三．收到和处理政府信息公开申请情况", "四、因政府信息公开工作被申请行政复议、行政诉讼情况", "五、政府信息公开工作存在的主要问题及改进情况", "六、其他需要报告的事项"],
    "parts": ["第一部分 总体情况", "第二部分 主动公开政府信息情况", "第三部分 收到和处理政府信息公开申请情况", "第四部分 政府信息公开行政复议、行政诉讼情况", "第五部分 存在的主要问题及改进情况", "第六部分 其他需要报告的事项"],
}


@pytest.mark.parametrize("style", sorted(STYLES))
def test_six_headings_found(style):
    lines = []
    for heading in STYLES[style]:
        lines += [heading, "正文内容。"]
    found = find_headings(normalize_lines(lines), lines)
    assert [h.line for h in found] == [0, 2, 4, 6, 8, 10]


def test_table_rows_that_look_like_headings_are_not_headings():
    lines = ["一、总体情况", "x", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况", "三、本年度办理结果", "四、结转下年度继续办理 0 0 0 0 0 0 0", "四、因政府信息公开工作被申请行政复议、行政诉讼情况"]
    found = {h.key: h.line for h in find_headings(normalize_lines(lines), lines)}
    assert found["applications"] == 3 and found["review_litigation"] == 6


def test_heading_broken_across_lines_is_joined():
    lines = ["四、因政府信息公开工作被申", "请行政复议、行政诉讼情况", "0 0 0"]
    (heading,) = find_headings(normalize_lines(["一、总体情况", "二、主动公开", "三、收到和处理申请情况"] + lines), [])[3:]
    assert heading.title == "四、因政府信息公开工作被申请行政复议、行政诉讼情况"


def test_heading_tail_on_next_line_is_kept():
    lines = ["一、总体情况", "二、主动公开", "三、收到和处理申请情况", "四、因政府信息公开工作被申请行政复议、提起行政诉", "讼情况。"]
    assert find_headings(normalize_lines(lines), lines)[3].title.endswith("提起行政诉讼情况")


def test_pdf_line_breaks_inside_a_sentence_are_repaired():
    text = repair_paragraphs(["我区深入贯彻落实政府网站建设管理有关要求，完善重点领域子栏目设置", "", "及内容呈现。", "（二）平台建设", "网站运行正常。"])
    assert text.split("\n") == ["我区深入贯彻落实政府网站建设管理有关要求，完善重点领域子栏目设置及内容呈现。", "（二）平台建设", "网站运行正常。"]
