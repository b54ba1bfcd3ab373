"""Every input's form is detected from its content, whatever its name says."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from nianbao.ingest import detect_kind, read

from .conftest import ROOT, SEED_FILES
from .formats_util import FIELDS, FORMATS, fixture_for, parsed, truth_for

KINDS = {"page.html": "html", "fragment.html": "html", "docx": "docx", "pdf": "pdf", "glued.txt": "text"}


@pytest.mark.parametrize("suffix", sorted(KINDS))
@pytest.mark.parametrize("name", ["report.txt", "report.bin", "report"])
def test_kind_comes_from_the_bytes_not_the_name(suffix, name):
    data = fixture_for(SEED_FILES[0], suffix).read_bytes()
    assert detect_kind(name, data) == KINDS[suffix]


@pytest.mark.parametrize("suffix", ["fragment.html", "docx", "pdf"])
def test_misnamed_file_still_parses_to_truth(tmp_path, suffix):
    seed = SEED_FILES[3]
    target = tmp_path / "downloaded.txt"
    target.write_bytes(fixture_for(seed, suffix).read_bytes())
    got = parsed(target)
    assert got["format"] == KINDS[suffix]
    assert {f: got[f] for f in FIELDS} == {f: truth_for(seed)[f] for f in FIELDS}


def test_text_seed_with_html_looking_url_stays_text():
    assert detect_kind("a.txt", SEED_FILES[0].read_bytes()) == "text"
    assert detect_kind("a.html", "金林区 <https://www.ycjl.gov.cn/> 报告".encode()) == "text"


def test_utf16_html_is_html():
    data = "\ufeff<html><body><p>金林区人民政府</p></body></html>".encode("utf-16-le")
    assert detect_kind("a.txt", data) == "html"
    assert read(Path("a.txt"), data).lines == ["金林区人民政府"]


def test_zip_that_is_not_word_is_binary():
    import io
    import zipfile

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("data.csv", "a,b")
    assert detect_kind("a.docx", buf.getvalue()) == "binary"


@pytest.mark.parametrize("suffix", ["page.html", "docx", "pdf"])
def test_parse_command_reads_every_form(suffix):
    path = fixture_for(SEED_FILES[0], suffix)
    out = subprocess.run(
        [sys.executable, "build.py", "parse", str(path.relative_to(ROOT))], cwd=ROOT, capture_output=True, check=True
    ).stdout
    data = json.loads(out)
    assert data["format"] == KINDS[suffix]
    assert data["source"].endswith(path.name)
    assert {f: data[f] for f in FIELDS} == {f: truth_for(SEED_FILES[0])[f] for f in FIELDS}


def test_scanned_pdf_is_pdf():
    assert detect_kind("scan.txt", (FORMATS / "scanned.pdf").read_bytes()) == "pdf"
