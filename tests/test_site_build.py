"""The built site from the five seeds: pages, links, hosts, charts, downloads, findings,
determinism, atomic writing and the golden files. One build per module (~5 s)."""

from __future__ import annotations

import csv
import io
import json
import posixpath
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from nianbao.agencies import load_registry
from nianbao.load import discover, load_reports
from nianbao.serialize import to_json
from nianbao.site import staged, writer
from tests.site_support import CONTENT, GOLDEN, GOLDEN_FILES, SEEDS, build, golden_text

REPORT_000 = "reports/jinlin-district-government-2025.html"


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("site") / "_site"
    assert build(out) == 0
    return out


@pytest.fixture(scope="module")
def pages(site) -> dict[str, BeautifulSoup]:
    return {p.relative_to(site).as_posix(): BeautifulSoup(p.read_text("utf-8"), "html.parser") for p in sorted(site.rglob("*.html"))}


@pytest.fixture(scope="module")
def reports():
    registry = load_registry(CONTENT / "agencies.toml")
    return load_reports(discover(SEEDS), root=SEEDS.parent, agency_of=lambda r: registry.resolve(r.agency).slug)


def test_page_counts(site):
    assert len(list((site / "reports").glob("*.html"))) == 5
    assert len(list((site / "agencies").glob("*.html"))) == 4
    assert sorted(p.stem for p in (site / "years").glob("*.html")) == ["2020", "2023", "2024", "2025"]
    for name in ("index", "indicators", "quality", "data", "about", "methodology", "search", "404"):
        assert (site / f"{name}.html").is_file(), name


def test_every_page_is_chinese_with_csp(pages):
    for path, soup in pages.items():
        assert soup.html["lang"] == "zh-CN", path
        csp = soup.find("meta", attrs={"http-equiv": "Content-Security-Policy"})["content"]
        assert "default-src 'none'" in csp and "'unsafe-inline'" not in csp and "'unsafe-eval'" not in csp, path


def _links(soup: BeautifulSoup):
    for tag in soup.find_all(True):
        for attr in ("href", "src", "action"):
            if tag.has_attr(attr):
                yield attr, tag[attr]


def test_every_internal_link_resolves(site, pages):
    ids = {path: {t["id"] for t in soup.find_all(id=True)} for path, soup in pages.items()}
    for path, soup in pages.items():
        for _attr, link in _links(soup):
            assert not link.startswith(("/", "//")) and "://" not in link, (path, link)
            target, _, fragment = link.partition("#")
            resolved = posixpath.normpath(posixpath.join(posixpath.dirname(path), target)) if target else path
            assert (site / resolved).is_file(), (path, link)
            if fragment and resolved.endswith(".html"):
                assert fragment in ids[resolved], (path, link)


def test_ids_are_unique_per_page(pages):
    for path, soup in pages.items():
        found = [t["id"] for t in soup.find_all(id=True)]
        assert len(found) == len(set(found)), (path, sorted({i for i in found if found.count(i) > 1}))


def test_no_page_references_another_host(site, pages):
    # Decision: the agency's own website is shown as plain text, never as a link, so no
    # attribute anywhere may hold a URL with a scheme (SVG namespaces are stripped too).
    for path, soup in pages.items():
        for tag in soup.find_all(True):
            for attr, value in tag.attrs.items():
                text = " ".join(value) if isinstance(value, list) else value
                assert "://" not in text, (path, tag.name, attr, text)
    css = (site / "assets/site.css").read_text("utf-8") + (site / "assets/site.js").read_text("utf-8")
    assert "://" not in css and "@import" not in css
    assert "https://www.ycjl.gov.cn/" in pages[REPORT_000].get_text()  # shown as text


def test_charts_are_inline_svg_with_title_description_and_table(pages):
    index = pages["index.html"]
    figures = index.select("figure.chart")
    assert len(figures) >= 4
    for fig in figures:
        assert fig.select_one(".chart-svg > svg[role=img]") is not None
        assert fig.figcaption.strong.get_text() and fig.figcaption.select_one(".desc").get_text()
        assert fig.select_one("details table tbody tr") is not None
    for soup in pages.values():
        assert not soup.find_all(["img", "iframe", "object", "embed"])
    assert pages["agencies/jinlin-district-government.html"].select("figure.chart svg")


def test_reports_json_is_the_contract(site, reports):
    published = json.loads((site / "data/reports.json").read_text("utf-8"))
    expected = {r.id: to_json(r) for r in reports}
    assert {r["id"]: r for r in published} == expected
    agencies = json.loads((site / "data/agencies.json").read_text("utf-8"))
    for agency in agencies:
        for rep in agency["reports"]:
            one = json.loads((site / rep["data"]).read_text("utf-8"))
            assert one == to_json(next(r for r in reports if r.id == rep["id"]), include_lines=True)


def test_reports_csv_matches_the_model(site, reports):
    rows = list(csv.DictReader(io.StringIO((site / "data/reports.csv").read_text("utf-8-sig"))))
    assert list(rows[0]) == ["agency", "year", "report_id", "table", "row", "column", "value", "source_line"]
    by_id = {r.id: r for r in reports}
    t3 = [r for r in rows if r["table"] == "table3"]
    assert len(t3) == 5 * 25 * 7
    for row in t3:
        report = by_id[row["report_id"]]
        i = report.table3.rows[row["row"]]
        col = ["natural_person", "commercial", "research", "social_welfare", "legal_services", "other", "total"].index(row["column"])
        value, line = i[col], report.table3.lines[row["row"]][col]
        assert row["value"] == ("" if value is None else str(value)), row
        assert row["source_line"] == ("" if line is None else str(line)), row
    assert {r["agency"] for r in rows} == {"金林区人民政府", "金林区人民政府办公室", "伊美区人民政府办公室", "伊美区民政局"}
    findings = list(csv.DictReader(io.StringIO((site / "data/findings.csv").read_text("utf-8-sig"))))
    assert len(findings) == sum(len(r.findings) for r in reports)


def test_seed_000_findings_sit_next_to_their_cells(pages, reports):
    soup = pages[REPORT_000]
    report = next(r for r in reports if r.id.startswith("000_"))
    flagged = [f for f in report.findings if f.cells]
    assert flagged
    for finding in flagged:
        for cell in finding.cells:
            td = soup.find(id="c-" + cell.replace(".", "-"))
            assert td is not None and td.select("a.mark"), cell
            assert any(c.startswith("flag-") for c in td["class"]), cell
        first = soup.find(id="c-" + finding.cells[0].replace(".", "-"))
        assert finding.message in first.find_parent("tr").select_one("td.notes").get_text()
    # Every number links to the source line it was read from, and that line exists.
    td = soup.find(id="c-table3-total-natural_person")
    assert td.a["href"] == f"#L{report.table3.lines['total'][0]}"
    assert soup.find(id=f"L{report.table3.lines['total'][0]}") is not None


def test_small_denominators_are_not_ranked(pages):
    section = pages["indicators.html"].find(id="open_rate")
    ranks = [th.get_text() for th in section.select("tbody th.rank")]
    assert ranks[0] == "1" and ranks.count("样本过少") == 3
    assert "公开率 = (予以公开 + 部分公开) / 办理总计" in section.get_text()


def test_registry_variants_and_missing_totals(pages):
    assert "伊美区人民政府办公室" in pages["agencies/yimei-district-government-office.html"].h1.get_text()
    stats = pages["index.html"].select_one("dl.stats").get_text()
    assert "11 件" in stats and "1 份报告未印出此数" in stats  # seed 004's truncated total


def test_two_builds_are_byte_identical(site, tmp_path):
    again = tmp_path / "again"
    build(again)
    first = {p.relative_to(site): p.read_bytes() for p in site.rglob("*") if p.is_file()}
    second = {p.relative_to(again): p.read_bytes() for p in again.rglob("*") if p.is_file()}
    assert first == second


def test_a_crash_while_writing_leaves_the_previous_site(site, tmp_path, monkeypatch):
    out = tmp_path / "_site"
    build(out)
    before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    real_write = staged.StagedSite.write

    def crash_after_a_few(self, path, data, key):
        if self.written >= 3:
            raise OSError("disk full")
        real_write(self, path, data, key)

    monkeypatch.setattr(staged.StagedSite, "write", crash_after_a_few)
    with pytest.raises(OSError):
        build(out)
    assert {p: p.read_bytes() for p in out.rglob("*") if p.is_file()} == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["_site"]


def test_refuses_to_replace_a_foreign_folder(tmp_path):
    out = tmp_path / "mine"
    out.mkdir()
    (out / "thesis.docx").write_bytes(b"precious")
    assert build(out) == 2
    assert (out / "thesis.docx").read_bytes() == b"precious"
    with pytest.raises(writer.UnsafeOutput):
        writer.check_site_path("../escape.html")


def test_strict_writes_the_site_and_exits_1(tmp_path):
    out = tmp_path / "_site"
    assert build(out, strict=True) == 1  # seed 000 has error findings
    assert (out / "index.html").is_file()


@pytest.mark.parametrize("path", GOLDEN_FILES)
def test_golden(site, path):
    expected = (GOLDEN / path).read_bytes().decode("utf-8")
    assert golden_text(site, path) == expected, f"{path} changed; if intended, run: python -m tests.regen_golden"
