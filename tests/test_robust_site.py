"""The whole site builds from a seeds folder full of bad input, and builds the same way
every time: each bad file gets its page and findings, nothing is written outside the
output folder, links out of seeds/ are not followed, and the output is deterministic.

The load-level view of the same cases is in test_robust_input.py.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from nianbao.agencies import UNKNOWN_AGENCY
from nianbao.site import writer
from tests.site_support import EPOCH, ROOT, SEEDS, build

SEED_000 = next(SEEDS.glob("000_*.txt")).read_text(encoding="utf-8")
LINES = SEED_000.split("\n")
SECRET = "绝密测试局"  # the agency of a report outside seeds/, reachable only through a symlink


def as_year(year: int, text: str = SEED_000) -> str:
    """Seed 000 (金林区人民政府 2025) as another year, so variants are not duplicates."""
    return text.replace("2025", str(year))


def without(text: str, start: str, stop: str) -> str:
    lines = text.split("\n")
    a = next(i for i, line in enumerate(lines) if line.startswith(start))
    b = next(i for i, line in enumerate(lines) if i > a and line.startswith(stop))
    return "\n".join(lines[:a] + lines[b:])


def absurd(text: str) -> str:
    return text.replace("二、上年结转政府信息公开申请数量\t\t0\t0\t0", "二、上年结转政府信息公开申请数量\t\t-3\t0.5\t99999999999", 1)


#: File name -> bytes: one per kind of bad input (each a distinct agency+year unless meant to clash).
BAD_INPUTS = {
    "empty.txt": b"",
    "image.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(300),
    "pdf-renamed.txt": b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nstream\n\x00\x01",
    "bad-utf8.txt": as_year(2013).replace("金林区严格依据", "\udcff\udcfe", 1).encode("utf-8", "surrogateescape"),
    "gbk.txt": as_year(2011).encode("gbk"),
    "utf16.txt": as_year(2012).encode("utf-16"),
    "cut.txt": as_year(2014).encode("utf-8")[: len(SEED_000.encode("utf-8")) // 2 + 1],
    "no-table3.txt": without(as_year(2015), "### 三、", "#### 四、").encode("utf-8"),
    "no-table4.txt": without(as_year(2016), "#### 四、", "#### 五、").encode("utf-8"),
    "absurd.txt": absurd(as_year(2017)).encode("utf-8"),
    "untitled.txt": "\n".join(LINES[6:]).replace("2025", "本").encode("utf-8"),
    "甲.txt": "没有标题的文字。\n".encode(),
    "乙.txt": "另一份没有标题的文字。\n".encode(),
    "丙.txt": "第三份没有标题的文字。\n".encode(),
    "dup-a.txt": as_year(2008).encode("utf-8"),
    "dup-b.txt": as_year(2008).encode("utf-8"),
    "with space.txt": as_year(2001).encode("utf-8"),
    "中文 报告（2025）.txt": as_year(2002).encode("utf-8"),
    "report..txt": as_year(2003).encode("utf-8"),
    "x" * 200 + ".txt": as_year(2004).encode("utf-8"),
    "-rf.txt": as_year(2005).encode("utf-8"),
}
#: Expected finding (rule) on each bad file's own page.
EXPECTED_RULE = {
    "empty.txt": "input.empty",
    "image.txt": "input.binary",
    "bad-utf8.txt": "input.encoding",
    "gbk.txt": "input.not_utf8",
    "utf16.txt": "input.not_utf8",
    "cut.txt": "structure.missing_table",
    "no-table3.txt": "structure.missing_table",
    "no-table4.txt": "structure.missing_table",
    "absurd.txt": "values.negative",
    "untitled.txt": "structure.missing_agency",
    "huge.txt": "input.too_large",
    "dup-a.txt": "structure.duplicate_report",
    "dup-b.txt": "structure.duplicate_report",
}


def make_seeds(folder: Path, order: list[str] | None = None) -> Path:
    """The bad-input seeds folder (plus one real seed), files created in ``order``
    (by default all of them, sorted)."""
    seeds = folder / "seeds"
    seeds.mkdir(parents=True)
    files = dict(BAD_INPUTS, **{"000_real.txt": SEED_000.encode("utf-8")})
    for name in order or sorted(files):
        (seeds / name).write_bytes(files[name])
    with open(seeds / "huge.txt", "wb") as fh:
        fh.truncate(50 * 1024 * 1024)  # sparse
    (seeds / ".hidden.txt").write_bytes(as_year(2006).encode("utf-8"))
    outside = folder / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text(f"{SECRET} 2007 年政府信息公开工作年度报告\n", encoding="utf-8")
    (seeds / "link.txt").symlink_to(outside / "secret.txt")
    (seeds / "linkdir").symlink_to(outside, target_is_directory=True)
    return seeds


@pytest.fixture(scope="module")
def bad_site(tmp_path_factory):
    """(out folder, exit code, the parent folder's entries before the build)."""
    base = tmp_path_factory.mktemp("bad")
    seeds = make_seeds(base)
    before = sorted(p.name for p in base.iterdir())
    out = base / "_site"
    code = build(out, seeds=seeds, strict=True)
    return out, code, before


@pytest.fixture(scope="module")
def by_source(bad_site):
    """Source file name -> (page path, report JSON) for every report of the bad site."""
    out = bad_site[0]
    found = {}
    for path in sorted((out / "data/reports").glob("*.json")):
        report = json.loads(path.read_text("utf-8"))
        found[report["source"].removeprefix("seeds/")] = (out / "reports" / (path.stem + ".html"), report)
    return found


def test_strict_build_of_bad_input_writes_the_site_and_exits_1(bad_site):
    out, code, _before = bad_site
    assert code == 1
    assert (out / "index.html").is_file() and (out / "reports/jinlin-district-government-2025.html").is_file()


def test_every_bad_file_gets_its_own_page_with_its_finding(by_source):
    expected = set(BAD_INPUTS) | {"000_real.txt", "huge.txt"}
    assert set(by_source) == expected  # hidden file and links out of seeds/ are not there
    for name, rule in EXPECTED_RULE.items():
        page, report = by_source[name]
        rules = {f["rule"] for f in report["findings"]}
        assert rule in rules, (name, rules)
        assert f'<code class="rule">{rule}</code>' in page.read_text("utf-8"), name


def test_pages_are_unique_per_file(by_source):
    pages = [page for page, _r in by_source.values()]
    assert len(set(pages)) == len(pages) and all(p.is_file() for p in pages)


def test_missing_agency_and_year_get_placeholders(by_source):
    for name in ("untitled.txt", "empty.txt", "甲.txt", "乙.txt", "丙.txt"):
        page, report = by_source[name]
        assert report["agency"] is None and report["year"] is None
        html = page.read_text("utf-8")
        assert UNKNOWN_AGENCY in html and "未知年度" in html, name


def test_files_without_agency_are_not_duplicates_of_each_other(by_source):
    for name in ("甲.txt", "乙.txt", "丙.txt", "empty.txt"):
        assert "structure.duplicate_report" not in {f["rule"] for f in by_source[name][1]["findings"]}, name


def test_duplicate_agency_and_year_names_both_and_picks_the_first(by_source):
    (a_page, a), (b_page, b) = by_source["dup-a.txt"], by_source["dup-b.txt"]
    for report in (a, b):
        (f,) = [f for f in report["findings"] if f["rule"] == "structure.duplicate_report"]
        assert "seeds/dup-a.txt" in f["message"] and "seeds/dup-b.txt" in f["message"]
    assert a_page.name == "jinlin-district-government-2008.html" and b_page.name != a_page.name


def test_nothing_is_written_outside_the_output_folder(bad_site):
    out, _code, before = bad_site
    assert sorted(p.name for p in out.parent.iterdir()) == sorted(before + ["_site"])
    root = out.resolve()
    for dirpath, dirnames, filenames in os.walk(out):
        for name in dirnames + filenames:
            path = Path(dirpath) / name
            assert not path.is_symlink() and path.resolve().is_relative_to(root), path


def test_symlink_out_of_seeds_is_not_followed(bad_site):
    out = bad_site[0]
    for path in out.rglob("*"):
        if path.is_file() and path.suffix in (".html", ".json", ".csv"):
            assert SECRET not in path.read_text("utf-8", errors="replace"), path


def test_writer_refuses_paths_that_leave_the_site(tmp_path):
    for bad in ("../x.html", "/etc/x", "a/../../x", "a\\..\\x", ""):
        with pytest.raises(writer.UnsafeOutput):
            writer.write_site({bad: b"x"}, tmp_path / "out")
    assert not (tmp_path / "x.html").exists() and not (tmp_path / "out").exists()


def test_a_crash_mid_write_keeps_the_old_site(tmp_path, monkeypatch):
    out = tmp_path / "_site"
    writer.write_site({"index.html": b"old", "a/b.html": b"old"}, out)
    real = writer._write_all

    def crash_half_way(tmp, files):
        real(tmp, dict(list(files.items())[:1]))
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(writer, "_write_all", crash_half_way)
    with pytest.raises(OSError):
        writer.write_site({"index.html": b"new", "a/b.html": b"new"}, out)
    assert (out / "index.html").read_bytes() == b"old" and (out / "a/b.html").read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["_site"]  # no temporary folder left


@pytest.mark.parametrize("exchange", ["fails", "unsupported"])
def test_a_crash_while_swapping_keeps_the_old_site(tmp_path, monkeypatch, exchange):
    from nianbao.site import swap

    out = tmp_path / "_site"
    writer.write_site({"index.html": b"old"}, out)
    if exchange == "fails":
        monkeypatch.setattr(swap, "exchange", lambda a, b: (_ for _ in ()).throw(OSError(5, "Input/output error")))
    else:
        monkeypatch.setattr(swap, "exchange", lambda a, b: False)  # the two-rename path
    real_rename = Path.rename

    def failing_rename(self, target):
        if ".tmp-" in self.name:
            raise OSError(18, "Invalid cross-device link")
        return real_rename(self, target)

    monkeypatch.setattr(Path, "rename", failing_rename)
    with pytest.raises(OSError):
        writer.write_site({"index.html": b"new"}, out)
    assert (out / "index.html").read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["_site"]


def _build_in_subprocess(base: Path, env: dict[str, str]) -> None:
    full = {k: v for k, v in os.environ.items() if k not in ("TZ", "LANG", "LC_ALL", "PYTHONHASHSEED")}
    full.update(env, SOURCE_DATE_EPOCH=EPOCH, NIANBAO_CACHE="off")  # each build parses for itself
    cmd = [sys.executable, str(ROOT / "build.py"), "--seeds", "seeds", "--out", "_site", "--content", str(ROOT / "content")]
    run = subprocess.run(cmd, cwd=base, env=full, capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr


def _tree(out: Path) -> dict[str, bytes]:
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}


#: A smaller folder for the two subprocess builds: duplicates, placeholders, encodings.
DETERMINISM_INPUTS = ["000_real.txt", "dup-a.txt", "dup-b.txt", "甲.txt", "乙.txt", "untitled.txt", "gbk.txt", "empty.txt", "image.txt"]


def test_builds_are_byte_identical_across_file_order_locale_time_zone_and_hash_seed(tmp_path):
    names = list(DETERMINISM_INPUTS)
    first, second = tmp_path / "a", tmp_path / "b"
    make_seeds(first, order=names)
    make_seeds(second, order=list(reversed(names)))
    for i, path in enumerate(sorted((second / "seeds").iterdir())):
        if not path.is_symlink():
            os.utime(path, (1_000_000 + i * 7919, 1_000_000 + i * 7919))  # different time stamps too
    _build_in_subprocess(first, {"TZ": "UTC", "LANG": "C", "LC_ALL": "C", "PYTHONHASHSEED": "1"})
    _build_in_subprocess(second, {"TZ": "Asia/Shanghai", "LANG": "zh_CN.UTF-8", "LC_ALL": "zh_CN.UTF-8", "PYTHONHASHSEED": "987"})
    a, b = _tree(first / "_site"), _tree(second / "_site")
    assert sorted(a) == sorted(b)
    assert [p for p in a if a[p] != b[p]] == []


def _content_with(tmp_path: Path, name: str, data: bytes) -> Path:
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    (content / name).write_bytes(data)
    return content


REGISTRY = (ROOT / "content/agencies.toml").read_bytes()
_LAST = REGISTRY.count(b"\n")  # lines in the real registry; the broken entry starts after it


@pytest.mark.parametrize(
    "data, message",
    [
        (
            REGISTRY + b'\n[[agency]]\nname = "x"\nslug = "x"\n[[agency\n',
            f"agencies.toml: Expected ']]' at the end of an array declaration (at line {_LAST + 5}",
        ),
        (REGISTRY + b'\n[[agency]]\nname = "\xe4\xb9\x99"\nslug = "Bad Slug"\n', f"agencies.toml:{_LAST + 2}: "),
        (REGISTRY + b'\n[[agency]]\nname = "\xe4\xb9\x99"\n', f"agencies.toml:{_LAST + 2}: 机关条目缺少 'slug'"),
        (REGISTRY + b'\n[[agency]]\nname = "\xe4\xb9\x99"\nslug = "yi"\nregion = "x"\n', f"agencies.toml:{_LAST + 2}: 机关条目的 region"),
        (b'agency = "oops"\n', "agencies.toml:1: agency 应写成 [[agency]] 条目"),
        (REGISTRY + b"\n# \xff\n", f"agencies.toml:{_LAST + 2}: 不是 UTF-8"),
    ],
    ids=["toml-syntax", "bad-slug", "missing-key", "wrong-type", "not-a-table", "not-utf8"],
)
def test_broken_registry_is_a_clear_error_naming_file_and_line(tmp_path, capsys, data, message):
    from nianbao.site.build import build_site

    seeds = tmp_path / "seeds"
    seeds.mkdir()
    out = tmp_path / "_site"
    code = build_site(seeds=seeds, out=out, content=_content_with(tmp_path, "agencies.toml", data), strict=False)
    err = capsys.readouterr().err
    assert code == 2 and message in err and "Traceback" not in err, err
    assert not out.exists()


@pytest.mark.parametrize(
    "data, message",
    [(b"# \xe5\x85\xb3\xe4\xba\x8e\n\nline two\n\xff\xfe broken\n", "bad.md:4: 不是 UTF-8"), (b"# t\n\x00\n", "bad.md:2: 含有 NUL")],
    ids=["not-utf8", "nul"],
)
def test_broken_content_page_is_a_clear_error_naming_file_and_line(tmp_path, capsys, data, message):
    from nianbao.site.build import build_site

    seeds = tmp_path / "seeds"
    seeds.mkdir()
    out = tmp_path / "_site"
    writer.write_site({"index.html": b"old"}, out)
    code = build_site(seeds=seeds, out=out, content=_content_with(tmp_path, "bad.md", data), strict=False)
    err = capsys.readouterr().err
    assert code == 2 and message in err and "Traceback" not in err, err
    assert (out / "index.html").read_bytes() == b"old"  # the previous site stays


def test_strict_build_names_each_error(tmp_path, capsys):
    from .site_support import SEEDS

    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "empty.txt").write_bytes(b"")
    (seeds / "ok.txt").write_bytes(next(SEEDS.glob("002_*.txt")).read_bytes())
    assert build(tmp_path / "out", seeds=seeds, strict=True) == 1
    err = capsys.readouterr().err
    assert "seeds/empty.txt:1: error input.empty:" in err
