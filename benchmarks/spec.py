"""One synthetic report before it is printed: who, when, which numbers, which prose."""

from __future__ import annotations

from dataclasses import dataclass

from nianbao.model import T3_ROWS

from .agencies import Agency
from .layout import T3_LABELS_2019, T3_LABELS_2021, Style
from .narrative import Prose
from .values import Numbers


@dataclass(slots=True)
class Spec:
    """Everything a shape renderer needs."""

    agency: Agency
    year: int
    numbers: Numbers
    prose: Prose
    style: Style
    headings: list[str]
    title_form: str
    """"one_line", "two_lines", "region_first" or "quoted" (see shapes' title())."""

    @property
    def template(self) -> str:
        return self.numbers.template

    def t3_rows(self) -> list[tuple[str, tuple[str, str, str], list[int | None]]]:
        """(row key, (top, category, item) labels, printed values) in print order."""
        labels = T3_LABELS_2021 if self.template == "2021" else T3_LABELS_2019
        width, cut = self.numbers.t3_width, self.numbers.t3_cut
        return [(k, labels[k], self.numbers.table3[k][: cut.get(k, width)]) for k in T3_ROWS if k in labels]


def title_lines(spec: Spec) -> list[str]:
    """The title as printed (empty for "quoted": the preamble names the report)."""
    name, year = spec.agency.name, spec.year
    if spec.title_form == "one_line":
        return [f"{name} {year} 年政府信息公开工作年度报告"]
    if spec.title_form == "two_lines":
        return [name, f"{year} 年政府信息公开工作年度报告"]
    if spec.title_form == "region_first":
        # "2020 年金林区政府信息公开工作年度报告": a government names only its region.
        who = spec.agency.region if spec.agency.level in ("city", "district") else name
        return [f"{year} 年{who}政府信息公开工作年度报告"]
    return []


def quoted_preamble(spec: Spec) -> str:
    """002-style opening that names the report in 《》 instead of a title line."""
    notice = "国办公开办函〔2021〕30号" if spec.template == "2021" else "国办公开办函〔2019〕60号"
    return (
        "按照《中华人民共和国政府信息公开条例》（以下简称《条例》）规定和《国务院办公厅政府信息与政务公开办公室关于政府信息公开工作年度报告格式的通知》"
        f"（{notice}）要求，现发布《{spec.agency.name} {spec.year} 年政府信息公开工作年度报告》。"
    )
