"""Helpers for the site tests and the golden regeneration command (not a test module)."""

from __future__ import annotations

import os
import re
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
CONTENT = ROOT / "content"
GOLDEN = Path(__file__).resolve().parent / "golden"
#: A fixed date so golden pages show one (2026-01-01).
EPOCH = "1767225600"
#: Files compared with tests/golden/: the data contract and two representative pages.
GOLDEN_FILES = (
    "data/reports.json",
    "data/reports.csv",
    "index.html",
    "reports/jinlin-district-government-2025.html",
)
_SVG = re.compile(r'(<div class="chart-svg">)<svg.*?</svg>(</div>)', re.DOTALL)


@contextmanager
def source_date_epoch(value: str = EPOCH):
    old = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = value
    try:
        yield
    finally:
        if old is None:
            os.environ.pop("SOURCE_DATE_EPOCH", None)
        else:
            os.environ["SOURCE_DATE_EPOCH"] = old


def build(out: Path, seeds: Path = SEEDS, strict: bool = False) -> int:
    from nianbao.site.build import build_site

    with source_date_epoch():
        return build_site(seeds=seeds, out=out, content=CONTENT, strict=strict)


def golden_text(site: Path, path: str) -> str:
    """A built file as compared with the golden copy.

    Chart SVG is replaced by nothing (long and opaque in a diff); the chart itself is pinned
    by data-spec (the hash of its Vega-Lite spec).
    """
    text = (site / path).read_bytes().decode("utf-8")
    return _SVG.sub(r"\1<svg/>\2", text) if path.endswith(".html") else text
