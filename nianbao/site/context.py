"""Everything the page builders share, computed once per build (phase one)."""

from __future__ import annotations

import os
import time
from dataclasses import dataclass, field
from pathlib import Path

from markdown_it import MarkdownIt

from ..dataset import IndicatorValue, indicators_for
from .corpus import Corpus, Entry


class Indicators(dict):
    """Entry key -> the report's indicator values, each computed when first asked for: a
    rebuild that reuses the summary pages asks only for those of the pages it builds
    (10,000 reports: ~0.6 s of every rebuild otherwise)."""

    def __init__(self, entries: list[Entry]):
        super().__init__()
        self._reports = {e.key: e.report for e in entries}

    def __missing__(self, key: str) -> list[IndicatorValue]:
        values = self[key] = indicators_for(self._reports[key])
        return values


@dataclass(frozen=True, slots=True)
class ContentDoc:
    """A page written in content/*.md."""

    stem: str
    title: str
    html: str
    """Rendered by markdown-it with raw HTML disabled, so the Markdown cannot inject markup."""


@dataclass(slots=True)
class SiteData:
    corpus: Corpus
    build_date: str
    docs: list[ContentDoc] = field(default_factory=list)
    indicators: dict[str, list[IndicatorValue]] = field(default_factory=dict)
    """Entry key -> indicator values."""


def build_date() -> str:
    """The date shown on pages: SOURCE_DATE_EPOCH only, so builds are reproducible."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not epoch.isdigit():
        return ""
    return time.strftime("%Y-%m-%d", time.gmtime(int(epoch)))


def markdown() -> MarkdownIt:
    # "js-default" = CommonMark with html disabled and safe link validation.
    return MarkdownIt("js-default", {"typographer": False}).enable("table")


class ContentError(ValueError):
    """A content/*.md page cannot be read (a maintainer error: the build stops early)."""


def load_docs(content: Path) -> list[ContentDoc]:
    """content/*.md, sorted by name; the first "# " heading is the title."""
    md = markdown()
    docs = []
    for path in sorted(content.glob("*.md")) if content.is_dir() else []:
        text = _read_doc(path)
        title = next((ln[2:].strip() for ln in text.splitlines() if ln.startswith("# ")), path.stem)
        docs.append(ContentDoc(path.stem, title, md.render(text)))
    return docs


def _read_doc(path: Path) -> str:
    """The page's text; an error naming file and line when it is not UTF-8 text."""
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise ContentError(f"{path}:{line}: 不是 UTF-8 编码的文本（第 {exc.start + 1} 个字节），请另存为 UTF-8") from exc
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        raise ContentError(f"{path}:{line}: 含有 NUL 字节，不是 Markdown 文本")
    return text


def site_data(corpus: Corpus, content: Path) -> SiteData:
    # No tidy frame here: at 10,000 reports it is millions of rows, and the pages need only
    # a few sums (dataset.total_over); data/reports.csv is streamed report by report.
    data = SiteData(corpus, build_date(), load_docs(content))
    data.indicators = Indicators(corpus.entries)
    return data
