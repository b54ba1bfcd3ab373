"""The prose of one synthetic report: preamble, overview, problems, other matters.

Sentences are drawn from phrases real reports use. Figures the checks read from the text
(申请 N 件, 行政复议 N 件) agree with the tables, so the prose adds no findings of its own.
Nothing here starts a line with "一、" and the like, which would read as a section heading.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field


@dataclass(slots=True)
class Prose:
    """The narrative parts of one report."""

    preamble: str
    overview: list[tuple[str | None, str]] = field(default_factory=list)
    """(sub-heading or None, paragraph)."""
    problems: list[str] = field(default_factory=list)
    other: str = "无。"


_LEAD = (
    "坚持以人民为中心的发展思想，认真贯彻落实《中华人民共和国政府信息公开条例》",
    "紧紧围绕中心工作，准确执行《中华人民共和国政府信息公开条例》",
    "在上级政务公开办的大力指导下，持续深化政务公开",
)
_ACTIVE = (
    "聚焦法律法规规定内容及民众关切热点，持续推动政府信息公开工作向纵深推进",
    "着重深化重点民生领域信息公开，及时更新就业、教育、医疗、养老等领域的信息",
    "围绕优化营商环境加强政务信息公开，及时发布惠企利民政策",
)
_MANAGE = (
    "严格落实政府信息公开属性源头认定机制，加强政府信息源头管理。",
    "完善政府信息公开发布保密审查机制，对所有信息落实先审后发、发后读网。",
    "会同司法部门全面做好规范性文件清理公开工作，并将清理结果通过政府网站进行公示。",
)
_PLATFORM = (
    "强化政府网站建设管理，进一步优化完善政府网站功能，做好日常巡检和监测，确保安全平稳运行。",
    "强化政务新媒体平台管理，每周对新媒体账号更新和互动交流栏目进行统计。",
    "按照政府信息公开的考核标准，不断改进政府信息公开栏目和载体，门户网站运行正常。",
)
_SUPERVISE = (
    "通过人工读网巡网、第三方技术力量监测等方式，扎实推进政务公开工作，确保各项工作任务落实到位。",
    "全面加强对政府信息公开情况的监督检查，发现问题及时提醒和纠正，加强跟踪落实和责任追究。",
    "严格按照政府网站管理实施细则，所有需要通过网站发布的信息一律按照程序审批后上传。",
)
_PROBLEMS = (
    "政府信息公开工作虽取得一定成效，但与公众的期盼相比还有一定差距，公开内容需要进一步充实，形式需要更加多样。",
    "政策解读的通俗化、易懂化程度不足，未能充分满足不同群体的信息获取需求。",
    "信息公开渠道的统筹协同性不强，线上线下平台联动不够紧密，长效化工作机制仍需进一步完善。",
    "部分工作人员业务能力有待提升，对政府信息公开工作的重要性认识不足。",
)
_IMPROVE = (
    "下一步，我们将坚持以群众需求为导向，深化民生领域信息公开，加大政策解读力度，创新解读形式。",
    "我们将加强业务培训，健全完善工作机制，推动信息公开与业务工作同部署、同落实、同考核。",
    "进一步强化公开渠道整合优化，推动线上线下平台深度融合，构建更加便捷高效的信息公开体系。",
)


def make_prose(
    agency: str, short: str, year: int, template: str, applications: int | None, review: int | None, rng: random.Random
) -> Prose:
    """Prose for one report; ``short`` is how the agency calls itself ("我办", "我局", "我区")."""
    notice = "国办公开办函〔2021〕30号" if template == "2021" else "国办公开办函〔2019〕60号"
    phone = f"0458-{rng.randint(3600000, 3799999)}"
    preamble = (
        f"本年度报告依据《中华人民共和国政府信息公开条例》（以下简称《条例》）和《国务院办公厅政府信息与政务公开办公室关于政府信息公开工作年度报告格式的通知》（{notice}）的要求编制，"
        f"全面总结了{agency} {year} 年政府信息公开工作。本年度报告由总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议和行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项六部分组成。"
        f"本年度报告所列数据统计期限自 {year} 年 1 月 1 日起至 12 月 31 日止。"
        f"（联系地址：{agency[:3]}新兴中路 {rng.randint(1, 200)} 号，邮编：{rng.randint(150000, 169999)}，电话：{phone}）"
    )
    published = rng.randint(20, 3000)
    apply = (
        f"{year} 年，{short}共收到政府信息公开申请 {applications} 件，均在法定期限内答复。"
        if applications is not None
        else f"{short}严格按照依申请公开办理时限，确保按时办结。"
    )
    if review:
        apply += f"全年被申请行政复议 {review} 件，均已依法答复。"
    overview = [
        (None, f"{year} 年，{agency}{rng.choice(_LEAD)}，更好发挥以公开促落实、强监管功能。"),
        (
            "（一）主动公开情况",
            f"{short}{rng.choice(_ACTIVE)}。全年在门户网站发布信息 {published} 条，其中政策文件 {rng.randint(0, published // 4)} 条。",
        ),
        ("（二）依申请公开情况", f"{short}认真做好依申请公开办理工作，统一答复文书格式。{apply}"),
        ("（三）政府信息管理情况", rng.choice(_MANAGE)),
        ("（四）平台建设情况", rng.choice(_PLATFORM)),
        ("（五）监督保障情况", rng.choice(_SUPERVISE)),
    ]
    problems = [f"{year} 年，{short}" + rng.choice(_PROBLEMS), rng.choice(_IMPROVE)]
    other = rng.choice(("无。", "无。", f"{year} 年度，{short}未收取信息处理费。"))
    return Prose(preamble, overview, problems, other)


def short_name(level: str) -> str:
    """How an agency refers to itself."""
    return {"city": "我市", "district": "我区", "city_office": "我办", "district_office": "我办"}.get(level, "我局")
