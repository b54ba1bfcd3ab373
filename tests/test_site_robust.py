"""The build survives bad input: unreadable reports, unknown agency/year, duplicates."""

from __future__ import annotations

import json
import shutil

import pytest

from nianbao.agencies import Agency, Registry, RegistryError, fallback_slug, load_registry
from nianbao.model import Report
from nianbao.site.corpus import DUPLICATE_RULE, assemble
from tests.site_support import CONTENT, SEEDS, build


@pytest.fixture(scope="module")
def odd_site(tmp_path_factory):
    seeds = tmp_path_factory.mktemp("odd") / "seeds"
    seeds.mkdir()
    shutil.copy(next(SEEDS.glob("000_*.txt")), seeds / "000_a.txt")
    shutil.copy(next(SEEDS.glob("000_*.txt")), seeds / "001_b.txt")  # same agency and year
    (seeds / "002_junk.txt").write_text("这不是年报。\n<script>alert(1)</script>\n", encoding="utf-8")
    (seeds / "003_empty.txt").write_bytes(b"")
    out = seeds.parent / "_site"
    assert build(out, seeds=seeds) == 0
    return out


def test_unknown_agency_and_year_get_placeholder_pages(odd_site):
    pages = sorted(p.name for p in (odd_site / "reports").glob("*.html"))
    assert "unknown-agency-unknown-year-002_junk.html" in pages
    assert "unknown-agency-unknown-year-003_empty.html" in pages
    html = (odd_site / "reports/unknown-agency-unknown-year-002_junk.html").read_text("utf-8")
    assert "未识别机关" in html and "未知年度" in html
    assert "<script>alert" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html  # report text is escaped
    assert (odd_site / "agencies/unknown-agency.html").is_file()


def test_duplicates_pick_by_source_path_and_name_both(odd_site):
    reports = json.loads((odd_site / "data/reports.json").read_text("utf-8"))
    dup = {r["source"]: [f for f in r["findings"] if f["rule"] == DUPLICATE_RULE] for r in reports}
    assert len(dup["seeds/000_a.txt"]) == 1 and len(dup["seeds/001_b.txt"]) == 1
    assert "seeds/000_a.txt、seeds/001_b.txt" in dup["seeds/001_b.txt"][0]["message"]
    assert (odd_site / "reports/jinlin-district-government-2025.html").is_file()
    assert (odd_site / "reports/jinlin-district-government-2025-001_b.html").is_file()
    year = (odd_site / "years/2025.html").read_text("utf-8")
    assert year.count("金林区人民政府 2025 年报告") == 1  # only the chosen one is compared


def test_registry_resolves_variants_and_unlisted_names():
    registry = load_registry(CONTENT / "agencies.toml")
    assert registry.resolve("伊美区政府办").name == "伊美区人民政府办公室"
    assert registry.resolve(" 伊美区 政府办 ").slug == "yimei-district-government-office"
    other = registry.resolve("某某县交通运输局")
    assert not other.listed and other.slug == fallback_slug("某某县交通运输局") and other.slug.startswith("agency-")
    assert registry.resolve(None).name == "未识别机关"


def test_registry_rejects_bad_slugs_and_clashes():
    registry = Registry()
    with pytest.raises(RegistryError):
        registry.add(Agency("甲", "Not A Slug"))
    registry.add(Agency("甲", "jia", variants=("甲局",)))
    with pytest.raises(RegistryError):
        registry.add(Agency("乙", "yi", variants=("甲局",)))


def test_previous_report_is_linked_across_variants():
    registry = load_registry(CONTENT / "agencies.toml")
    old = Report(id="a", source="seeds/a.txt", agency="伊美区政府办", year=2022)
    new = Report(id="b", source="seeds/b.txt", agency="伊美区人民政府办公室", year=2023)
    corpus = assemble([new, old], registry)
    latest = next(e for e in corpus.entries if e.report.id == "b")
    assert latest.previous is not None and latest.previous.report.id == "a"
