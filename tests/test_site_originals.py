"""Each report page says what form its input came in and links the original file."""

from __future__ import annotations

import shutil

import pytest

from .conftest import FIXTURES, SEEDS
from .site_support import build

FORMS = FIXTURES / "formats"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    base = tmp_path_factory.mktemp("originals")
    seeds = base / "seeds"
    seeds.mkdir()
    shutil.copy(next(SEEDS.glob("000_*.txt")), seeds / "a.txt")
    shutil.copy(FORMS / "001.pdf", seeds / "b.pdf")
    shutil.copy(FORMS / "002.page.html", seeds / "c.html")
    shutil.copy(FORMS / "003.docx", seeds / "d.docx")
    out = base / "out"
    assert build(out, seeds=seeds) == 0
    return seeds, out


@pytest.mark.parametrize(
    "source,page,form,original",
    [
        ("a.txt", "jinlin-district-government-2025", "Markdown 文本", "jinlin-district-government-2025.txt"),
        ("b.pdf", "jinlin-district-government-2020", "PDF", "jinlin-district-government-2020.pdf"),
        ("c.html", "jinlin-district-government-office-2024", "网页 HTML，以文本显示", "jinlin-district-government-office-2024.html.txt"),
        ("d.docx", "yimei-district-government-office-2023", "Word 文档", "yimei-district-government-office-2023.docx"),
    ],
)
def test_original_is_published_and_linked(site, source, page, form, original):
    seeds, out = site
    html = (out / "reports" / f"{page}.html").read_text(encoding="utf-8")
    assert "来源形式" in html and form in html
    assert f'href="../originals/{original}"' in html
    assert (out / "originals" / original).read_bytes() == (seeds / source).read_bytes()


def test_saved_web_page_is_never_served_as_html(site):
    _seeds, out = site
    assert not list((out / "originals").glob("*.html"))
