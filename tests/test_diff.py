"""``build.py diff``: two builds of the seeds that differ by one edited number."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from nianbao.cli import main
from nianbao.publish.diff import Side, _cell, cell_labels, compare, read_side, to_markdown

ROOT = Path(__file__).resolve().parent.parent
SEED = "000_7d507269e35c4efa.txt"  # 金林区人民政府 2025; its 予以公开 row is all zeros
ROW, OLD_VALUE, NEW_VALUE = "granted", 0, 7


def edit_granted(seeds: Path) -> None:
    """Change the 自然人 cell of the 予以公开 row from 0 to 7, nothing else."""
    from nianbao.load import load_report

    path = seeds / SEED
    report = load_report(path)
    line_no = report.table3.lines[ROW][0]
    lines = path.read_text(encoding="utf-8").split("\n")
    cells = lines[line_no - 1].split("\t")
    first = next(i for i, c in enumerate(cells) if c.strip().isdigit())  # labels first, then values
    assert cells[first] == str(OLD_VALUE)
    cells[first] = str(NEW_VALUE)
    lines[line_no - 1] = "\t".join(cells)
    path.write_text("\n".join(lines), encoding="utf-8")


@pytest.fixture(scope="module")
def sources(tmp_path_factory) -> tuple[Path, Path]:
    """Two source folders (seeds/ + content/): the repo's, and one with the edited cell."""
    base = tmp_path_factory.mktemp("diff")
    old, new = base / "old", base / "new"
    for side in (old, new):
        shutil.copytree(ROOT / "seeds", side / "seeds")
        shutil.copytree(ROOT / "content", side / "content")
    edit_granted(new / "seeds")
    return old, new


@pytest.fixture(scope="module")
def sites(sources, tmp_path_factory) -> tuple[Path, Path]:
    """The two source folders built into sites with the real build command."""
    base = tmp_path_factory.mktemp("sites")
    out = []
    for side in sources:
        site = base / side.name
        assert main(["build", "--seeds", str(side / "seeds"), "--content", str(side / "content"), "--out", str(site)]) == 0
        out.append(site)
    return out[0], out[1]


def _only_change(diff) -> dict:
    assert not diff.added and not diff.removed
    assert len(diff.changed) == 1, diff.changed
    return diff.changed[0]


def test_one_edited_number_between_two_builds(sites):
    old, new = sites
    diff = compare(read_side(str(old)), read_side(str(new)))
    change = _only_change(diff)
    assert (change["agency"], change["year"], change["cell"]) == ("金林区人民政府", 2025, "table3.granted.natural_person")
    assert (change["old"], change["new"]) == (OLD_VALUE, NEW_VALUE)
    assert (change["table"], change["row"], change["column"]) == ("表三 申请办理", "（一）予以公开", "自然人")
    # The row total no longer adds up: the check says so, and the diff shows it as a new finding.
    assert any(f["rule"] == "table3.row_total" for f in diff.findings_added)
    assert not diff.findings_resolved
    assert [f["rule"] for f in diff.findings_changed] == ["table3.total"]  # its message quotes the new sum


def test_sources_and_sites_agree(sources, sites):
    from_sources = compare(read_side(str(sources[0])), read_side(str(sources[1])))
    from_sites = compare(read_side(str(sites[0])), read_side(str(sites[1])))
    assert from_sources.changed == from_sites.changed
    assert from_sources.findings_added == from_sites.findings_added


def test_markdown_names_the_cell_and_is_deterministic(sites):
    old, new = (read_side(str(p)) for p in sites)
    text = to_markdown(compare(old, new))
    assert text == to_markdown(compare(old, new))
    assert "| 金林区人民政府 · 2025 年 | 表三 申请办理 | （一）予以公开 | 自然人 | 0 | 7 |" in text
    assert "数字变化 1 处" in text and "#### 新增问题" in text and "table3.row_total" in text


def test_reverse_diff_resolves_the_finding(sites):
    diff = compare(read_side(str(sites[1])), read_side(str(sites[0])))
    change = _only_change(diff)
    assert (change["old"], change["new"]) == (NEW_VALUE, OLD_VALUE)
    assert any(f["rule"] == "table3.row_total" for f in diff.findings_resolved)


def test_no_change_says_so(sites):
    site = read_side(str(sites[0]))
    diff = compare(site, site)
    assert diff.empty and "已发布的数据没有变化" in to_markdown(diff)


def test_added_and_removed_reports():
    report = {
        "id": "r1",
        "agency": "甲局",
        "year": 2024,
        "source": "seeds/a.txt",
        "findings": [{"rule": "x.y", "severity": "error", "where": "w", "message": "m"}],
    }
    diff = compare(Side("old", []), Side("new", [report]))
    assert [r["id"] for r in diff.added] == ["r1"] and len(diff.findings_added) == 1
    back = compare(Side("new", [report]), Side("old", []))
    assert [r["id"] for r in back.removed] == ["r1"] and not back.findings_resolved
    assert "#### 移除的报告" in to_markdown(back)


def test_git_ref_side(sources, tmp_path):
    """A git ref is read with git archive: commit the old seeds, edit, diff against the ref."""
    repo = tmp_path / "repo"
    shutil.copytree(sources[0], repo)
    git = ["git", "-C", str(repo), "-c", "user.name=t", "-c", "user.email=t@example.invalid", "-c", "commit.gpgsign=false"]
    subprocess.run([*git, "init", "-q"], check=True)
    subprocess.run([*git, "add", "seeds", "content"], check=True)
    subprocess.run([*git, "commit", "-q", "-m", "seeds"], check=True)
    edit_granted(repo / "seeds")
    diff = compare(read_side("HEAD", repo=repo), read_side(str(repo)))
    assert _only_change(diff)["cell"] == "table3.granted.natural_person"


def test_cli_json_and_errors(sites, capsys, tmp_path):
    assert main(["diff", str(sites[0]), str(sites[1]), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [c["cell"] for c in data["changed"]] == ["table3.granted.natural_person"]
    assert main(["diff", str(tmp_path)]) == 2  # an empty folder is neither a site nor sources
    assert "neither a built site" in capsys.readouterr().err


def test_labels_and_escaping():
    assert cell_labels("table4.review.pending") == ("表四 复议诉讼", "行政复议", "尚未审结")
    assert cell_labels("table2.regulations.in_force") == ("表二 主动公开", "规章", "现行有效件数")
    assert cell_labels("table2.licensing") == ("表二 主动公开", "行政许可", "本年处理决定数量")
    assert cell_labels("table2.items.行政许可.处理决定数量") == ("表二 主动公开", "行政许可", "处理决定数量")
    assert _cell("a|b\nc") == "a\\|b c" and _cell(None) == "空" and _cell(3.0) == "3"


def test_labels_from_the_command_line_and_long_output_is_cut(sites, capsys):
    assert main(["diff", str(sites[0]), str(sites[1]), "--old-label", "main", "--new-label", "PR #7"]) == 0
    assert capsys.readouterr().out.startswith("### 数据变化：`main` → `PR #7`")
    many = [{"id": f"r{i}", "agency": "甲" * 300, "year": 2024, "source": "s", "findings": []} for i in range(250)]
    text = to_markdown(compare(Side("a", []), Side("b", many)))
    assert len(text) <= 60100 and "已截断" in text
