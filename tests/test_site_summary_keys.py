"""keys.summary_digest covers everything the summary pages and small downloads read of a report.

The summary pages (and findings.csv, indicators.csv, agencies.json) are reused whole while
no entry's summary digest changed, so a field they read but the digest leaves out would
leave them stale. Here every field the digest leaves
out is changed on every report, and the summary pages must come out the same; a number the
digest covers changes the digest.
"""

from __future__ import annotations

import copy
import io

from nianbao.load import discover, load_reports
from nianbao.model import Contact, Section
from nianbao.site.context import site_data
from nianbao.site.corpus import assemble
from nianbao.site.downloads import site_files
from nianbao.site.keys import summary_digest
from nianbao.site.output import summary_pages
from tests.site_support import CONTENT, SEEDS, source_date_epoch


def _data(reports):
    from nianbao.agencies import load_registry

    registry = load_registry(CONTENT / "agencies.toml")
    with source_date_epoch():
        return site_data(assemble(reports, registry), CONTENT)


def _rewrite_unread_fields(report) -> None:
    report.title = "另一个标题"
    report.contact = Contact(phone="000", address="别处", postcode="000000", website="example.invalid")
    report.period = "另一个统计期"
    report.sections = [Section(s.key, s.title + "（改）", s.text + "另加一句。", s.line + 1) for s in report.sections]
    report.lines = [*report.lines, "另加一行"]
    report.sha256 = "0" * 64
    report.format = "html"
    if report.table2 is not None:
        for item in report.table2.items:
            item.values = {k: (v or 0) + 1 for k, v in item.values.items()}


def test_fields_the_digest_leaves_out_do_not_change_the_summary_pages():
    reports = load_reports(discover(SEEDS), root=SEEDS.parent)
    before = _data(copy.deepcopy(reports))
    changed = copy.deepcopy(reports)
    for report in changed:
        _rewrite_unread_fields(report)
    after = _data(changed)
    assert [summary_digest(e) for e in after.corpus.entries] == [summary_digest(e) for e in before.corpus.entries]
    assert repr(summary_pages(after)) == repr(summary_pages(before))
    assert _small_downloads(after) == _small_downloads(before)


def _small_downloads(data) -> dict[str, bytes]:
    out = {}
    for path, fill in site_files(data).items():
        buf = io.BytesIO()
        fill(buf)
        out[path] = buf.getvalue()
    return out


def test_a_table3_number_changes_the_digest():
    reports = load_reports(discover(SEEDS), root=SEEDS.parent)
    before = [summary_digest(e) for e in _data(copy.deepcopy(reports)).corpus.entries]
    row = next(iter(reports[0].table3.rows))
    reports[0].table3.rows[row][0] = (reports[0].table3.rows[row][0] or 0) + 1
    after = [summary_digest(e) for e in _data(reports).corpus.entries]
    assert sum(a != b for a, b in zip(after, before, strict=True)) == 1
