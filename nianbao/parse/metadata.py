"""Agency, year, title, contact and statistics period, from the preamble."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..model import Contact
from .normalize import compact
from .places import correct_places

_YEAR = r"(?P<year>20\d{2})\s*年\s*度?"
#: "金林区人民政府 2025 年政府信息公开工作年度报告" / "2020 年金林区政府信息公开…"
_TITLE = re.compile(rf"^(?P<before>.*?)\s*{_YEAR}\s*(?P<after>.*?)\s*政(?:府信息|务)公开(?:工作)?(?:年度)?(?:工作)?(?:报告|年报)")
#: "政府信息公开工作年度报告（2022年）"
_TITLE_YEAR_AFTER = re.compile(
    r"^(?P<before>.*?)(?P<after>)\s*政府信息公开(?:工作)?(?:年度)?报告\s*[(（]\s*(?P<year>20\d{2})\s*年?度?\s*[)）]"
)
#: "现将金林区人民政府 2025 年政府信息公开工作年度报告予以公布"
_ANNOUNCED = re.compile(
    r"(?:现将|现发布|特发布|现予公布)([^，。,《》]{2,40}?20\d{2}\s*年\s*度?[^，。,《》]{0,20}?政府信息公开(?:工作)?(?:年度)?报告)"
)
_QUOTED_TITLE = re.compile(r"《([^《》]{0,40}?20\d{2}\s*年\s*度?[^《》]{0,20}?政府信息公开(?:工作)?(?:年度)?报告)》")
_AGENCY_END = re.compile(r"(政府|办公室|局|委员会|委|厅|部|院|署|会|中心|办|所|站|队|馆|公司|镇|乡|街道|区|县|市|省|州|旗|盟)$")
_REGION_ONLY = re.compile(r"^.{1,12}?(省|自治区|市|州|盟|区|县|旗|镇|乡)$")
_PHONE = re.compile(r"(?:联系)?电话\s*[:：]?\s*(\(?\d{3,4}\)?[-—－\s]?\d{7,8}(?:[-—－]\d{1,4})?)")
_ADDRESS = re.compile(r"(?:联系|通讯|办公)?地址\s*[:：]\s*([^，,。；;）)]{4,60})")
_POSTCODE = re.compile(r"邮编\s*[:：]?\s*(\d{6})")
_URL = re.compile(r"https?://[A-Za-z0-9.\-_/~%?=&#:]+[A-Za-z0-9/]")
_PERIOD = re.compile(
    r"(?:统计(?:期限|时限|周期|时间|区间)|数据统计)[^0-9]{0,12}?"
    r"(?P<text>(?P<y1>20\d{2})\s*年\s*1\s*月\s*1\s*日\s*(?:起)?\s*(?:至|到|—|-)\s*(?:(?P<y2>20\d{2})\s*年\s*)?12\s*月\s*31\s*日)"
)


#: A year misread by OCR ("2O25 年", "2Ol9年"): letters that look like digits.
_OCR_YEAR = re.compile(r"2[0-9OoDlI]{3}(?=\s*年)")
_OCR_DIGITS = str.maketrans("OoDlI", "00011")
#: A year in Chinese numerals ("二〇二四年度…报告").
_HAN_YEAR = re.compile(r"二[〇零○O0][〇零○O0一二三四五六七八九]{2}(?=\s*年)")
_HAN_DIGITS = str.maketrans("〇零○O一二三四五六七八九", "000012345678" + "9")


@dataclass(slots=True)
class Metadata:
    agency: str | None = None
    year: int | None = None
    title: str | None = None
    title_line: int | None = None
    period: str | None = None
    period_years: list[int] = field(default_factory=list)
    period_line: int | None = None
    contact: Contact = field(default_factory=Contact)


#: Page metadata a copied web page carries above the report ("发布机构: …", "==== 正文 ====").
_PAGE_FIELD = re.compile(
    r"^\s*(?P<name>标\s*题|题\s*目|文章标题|名\s*称|发布机构|发文机关|发布单位|来\s*源|信息来源|发布时间|发布日期|成文日期"
    r"|索\s*引\s*号|文\s*号|发文字号|主题分类|主题词|浏览次数|点击数|访问量|字号|字体|分\s*类|有效性|时\s*间"
    r"|生成日期|发文日期|公开日期|公开时间|公开方式|公开范围|所属机构|组配分类|体裁分类|服务对象|文件编号|关键词)\s*[:：]\s*(?P<value>.*)$"
)
_BODY_MARK = re.compile(r"^[=\-*#【\[]*(?:正文|全文|内容)[=\-*#】\]]*[:：]?$")
#: A breadcrumb above the title: "首页 > 政务公开 > … > 政府信息公开年报".
#: Matched against the line without white space, so no pattern backtracks over a long
#: run of it (``\s*`` next to ``\s*`` was cubic on a line of spaces).
_BREADCRUMB = re.compile(r"^(?:当前位置|您的位置|你的位置|位置)?[:：]?首页|^(?:[>›»/][^>›»/]{1,16}){2,}$|^[^>›»]*[>›»][^>›»]*[>›»]")
#: A page's own buttons above the title: "【字体：大 中 小】【打印】【关闭】", "打印本页 关闭窗口".
_CHROME = re.compile(r"^[【\[(（]?(字体|字号|打印|关闭|分享|收藏|浏览次数|返回|扫一扫|无障碍|长者模式|默认|繁體|简体)")
_TITLE_FIELDS = {"标题", "题目", "文章标题", "名称"}
_AGENCY_FIELDS = {"发布机构", "发文机关", "发布单位", "来源", "信息来源"}


def read_metadata(norm: list[str], preamble_end: int) -> Metadata:
    meta = Metadata()
    preamble, publisher = _page_fields(norm[: max(preamble_end, 1)])
    _read_title(preamble, meta)
    publisher = publisher or _compiled_by(norm[:80]) or _signed(norm)
    if meta.agency is None and publisher:
        meta.agency = publisher  # no agency in the title: the page's 发布机构, or who compiled it
        meta.title = meta.title if meta.year is None else _title(publisher, str(meta.year))
    if meta.agency:
        meta.agency = correct_places(_as_the_text_spells_it(meta.agency, norm))
        # NFKC made the brackets of "人力资源和社会保障局（公务员局）" half-width; names print them full-width
        meta.agency = meta.agency.replace("(", "（").replace(")", "）")
        meta.title = _title(meta.agency, str(meta.year)) if meta.year else meta.title
    _read_period(norm, meta)
    _read_contact(norm[: max(preamble_end, 1)] or norm, meta)
    return meta


def _as_the_text_spells_it(agency: str, norm: list[str]) -> str:
    """An OCR'd title may misspell the agency (沐阳 for 沭阳, 入民 for 人民): when the text
    names an agency differing from the title's in one or two characters more often than
    the title's spelling appears, that spelling is the agency's."""
    agency = _unconfused(agency)
    n = len(agency)
    if n < 4:
        return agency
    text = _unconfused("".join(line.strip() for line in norm[:400]))
    counts: dict[str, int] = {}
    for i in _window_starts(text, agency):
        window = text[i : i + n]
        if window[-1] == agency[-1] and window[0] == agency[0] or window[-2:] == agency[-2:]:
            if sum(a != b for a, b in zip(window, agency, strict=True)) <= 2:
                counts[window] = counts.get(window, 0) + 1
    own = counts.get(agency, 0)
    best = max(sorted(counts), key=lambda w: counts[w], default=agency)
    return best if counts.get(best, 0) > max(own, 1) and _AGENCY_END.search(best) else agency


#: "本报告由金林区人民政府办公室编制" / "…由伊美区民政局负责编制而成"
_COMPILED_BY = re.compile(r"(?:本(?:年度)?报告|本年报)[^。]{0,40}?由([^，,。由]{2,30}?)(?:负责|组织|牵头)?(?:编制|编写|汇总|起草)")


def _compiled_by(lines: list[str]) -> str | None:
    """The agency the preamble says compiled the report, when it names one."""
    m = _COMPILED_BY.search("".join(line.strip() for line in lines))
    name = _clean(m.group(1)) if m else ""
    return name if name and _AGENCY_END.search(name) else None


def _window_starts(text: str, agency: str) -> list[int]:
    """Where a window as long as ``agency`` may start and share its first character or
    its last two (found with str.find, not by trying every position)."""
    n, starts = len(agency), set()
    for needle, back in ((agency[0], 0), (agency[-2:], n - 2)):
        j = text.find(needle)
        while j != -1:
            if 0 <= j - back <= len(text) - n:
                starts.add(j - back)
            j = text.find(needle, j + 1)
    return sorted(starts)


_DATE_LINE = re.compile(r"^\s*20\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*$")


def _signed(norm: list[str]) -> str | None:
    """The agency that signs the report: a short name line just above its date, at the end."""
    lines = [line.strip() for line in norm[-12:] if line.strip()]
    for above, line in zip(lines, lines[1:], strict=False):
        name = _clean(above)
        if _DATE_LINE.match(line) and 2 < len(name) <= 30 and _AGENCY_END.search(name) and not re.search(r"[，。；]", name):
            return name
    return None


def _unconfused(text: str) -> str:
    return text.replace("巿", "市").replace("入民", "人民")  # look-alikes no agency is named with


def _page_fields(lines: list[str]) -> tuple[list[str], str | None]:
    """The preamble with page-metadata lines blanked (a 标题 field keeps its value), and
    the publishing agency the page names, if any. Line numbers stay as they were."""
    out: list[str] = []
    publisher = None
    for line in lines:
        field = _PAGE_FIELD.match(line)
        if field:
            name = re.sub(r"\s+", "", field.group("name"))
            # "来源：某局　　索引号：…　　发布日期：…": one field's value ends at a wide gap
            value = re.split(r"\u3000|\s{2,}", field.group("value").strip())[0]
            if name in _AGENCY_FIELDS and publisher is None and _AGENCY_END.search(_clean(value)):
                publisher = _clean(value)
            out.append(value if name in _TITLE_FIELDS else "")
        else:
            bare = compact(line)  # no white space: no pattern backtracks over a run of it
            chrome = _BODY_MARK.match(bare) or _BREADCRUMB.match(bare) or len(bare) < 40 and _CHROME.match(bare)
            out.append("" if chrome else line)
    return out, publisher


def _read_title(lines: list[str], meta: Metadata) -> None:
    filled = [(i, line.strip()) for i, line in enumerate(lines) if line.strip()]
    for n, (i, _text) in enumerate(filled):
        for width in (1, 2, 3):
            # A title may wrap: "…2025 年政府信息公开工作" + "年度报告".
            parts = [t for _i, t in filled[n : n + width]]
            joined = "".join(parts)
            year_below = _YEAR_IN_BRACKETS.match(parts[-1])  # "…年度报告" over "（2023年度）"
            if len(parts) < width or len(joined) > 70 or any("报告" in p for p in parts[:-1]) and not year_below:
                break  # a running header "政府信息公开工作年度报告" is not the start of a title
            if width > 1 and not re.search(r"20\d{2}", parts[0]) and not _AGENCY_END.search(_clean(parts[0])):
                break  # a title wraps after the agency or the year, not after "附件1" or an image
            if _match_title(joined, [t for _i, t in filled[:n]], meta):
                meta.title_line = i + 1
                if meta.agency is None and n + width < len(filled):
                    meta.agency = _agency_below(filled[n + width][1])
                    meta.title = _title(meta.agency, str(meta.year))
                return
        pair = "".join(t for _i, t in filled[n : n + 2])
        quoted = _QUOTED_TITLE.search(pair) or _ANNOUNCED.search(pair)
        if quoted and _match_title(quoted.group(1), [], meta):
            meta.title_line = i + 1
            return
    _fallback_year(lines, meta)


def _match_title(text: str, previous: list[str], meta: Metadata) -> bool:
    text = re.sub(r"\s+", "", text)  # PDFs space out words: "工作 年度报告"
    text = _OCR_YEAR.sub(lambda m: m.group(0).translate(_OCR_DIGITS), text)  # "2O25年"
    text = _HAN_YEAR.sub(lambda m: m.group(0).translate(_HAN_DIGITS), text)  # "二〇二四年"
    m = _TITLE.match(text) or _TITLE_YEAR_AFTER.match(text)
    if not m:
        return False
    agency = _agency(m.group("before"), m.group("after"), previous)
    if agency and _NOT_A_NAME.search(agency):
        return False  # page lines run into the title ("生成日期:2024-01-18【打印】…"): not its start
    meta.agency, meta.year = agency, int(m.group("year"))
    meta.title = _title(agency, m.group("year"))
    return True


_YEAR_IN_BRACKETS = re.compile(r"^[(（]\s*20\d{2}\s*年?度?\s*[)）]$")
_BELOW = re.compile(r"^\s*[(（]?([^()（），。；、,;]{2,30}?)[)）]?\s*$")


def _agency_below(line: str) -> str | None:
    """The agency on the line below a title naming none: "（金林区人民政府）", or the name
    alone on its line."""
    m = _BELOW.match(line)
    name = _clean(m.group(1)) if m else ""
    return name if name and _AGENCY_END.search(name) and not _NOT_A_NAME.search(name) else None


#: What no agency name holds: a field's colon, a date or a year.
_NOT_A_NAME = re.compile(r"[:：]|\d{3}")


def _fallback_year(lines: list[str], meta: Metadata) -> None:
    """No title: the year most often named in the preamble ("2024 年，我局…")."""
    years = re.findall(r"(20\d{2})\s*年", "".join(lines[:60]))
    if years and meta.year is None:
        meta.year = int(max(sorted(set(years)), key=years.count))


def _agency(before: str, after: str, previous: list[str]) -> str | None:
    name = _clean(before) or _clean(after)
    if not name:
        # "伊美区民政局" on its own line above "2025 年政府信息公开工作年度报告"
        for line in reversed(previous):
            candidate = _clean(line)
            if candidate:
                name = candidate if _AGENCY_END.search(candidate) and len(candidate) <= 30 else None
                break
    if name and name.endswith("政府") and not name.endswith("人民政府") and _REGION_ONLY.match(name[:-2]):
        name = name[:-2] + "人民政府"
    elif name and _REGION_ONLY.match(name):
        name += "人民政府"  # "2020 年金林区政府信息公开…": the region's people's government
    return name or None


def _clean(text: str) -> str:
    text = re.sub(r"[\s#*《》“”\"【】\[\]〔〕]", "", text).strip("：:，,。")
    text = re.sub(r"^.*?(现将|现发布|特发布|现予公布|现公布)", "", text)
    # "关于公布X…的公告", "X关于发布…的通知", "A办公室关于X…": the report is X's
    about = re.match(r"^(.*?)关于(?:公布|发布|印发|公开)?(.*)$", text)
    if about:
        text = about.group(2) or about.group(1)
    return re.sub(r"的$", "", text)


def _title(agency: str | None, year: str) -> str:
    return f"{agency or ''}{year}年政府信息公开工作年度报告"


def _read_period(norm: list[str], meta: Metadata) -> None:
    filled = [(i, line.strip()) for i, line in enumerate(norm[:300]) if line.strip()]
    for n, (i, text) in enumerate(filled):
        joined = "".join(t for _i, t in filled[n : n + 2])
        m = _PERIOD.search(joined)
        if m and m.start() < len(text):
            meta.period = re.sub(r"\s+", " ", m.group("text"))
            meta.period_years = sorted({int(y) for y in (m.group("y1"), m.group("y2")) if y})
            meta.period_line = i + 1
            return


def _read_contact(lines: list[str], meta: Metadata) -> None:
    text = "".join(line.strip() for line in lines)
    c = meta.contact
    if m := _PHONE.search(text):
        c.phone = m.group(1).replace("—", "-").replace("－", "-")
    if m := _ADDRESS.search(text):
        c.address = m.group(1).strip()
    if m := _POSTCODE.search(text):
        c.postcode = m.group(1)
    if m := _URL.search(text):
        c.website = m.group(0)
