"""``python build.py diff OLD [NEW]``: what a change does to the published data.

Each side is one of
- a built site folder (its ``data/reports.json``, exactly what was published),
- a source folder holding ``seeds/`` (and optionally ``content/``), loaded with this code,
- a git ref (its ``seeds/`` and ``content/`` extracted with ``git archive``, no network),
  loaded with this code, so only the data differs, not the parser.

Reports are matched by their stable ``id`` (derived from the source file name). The result
lists reports added and removed, every number that changed (agency · year · table/row/column
with the template's Chinese labels, old → new) and findings added and resolved. The output
is Markdown for a pull-request comment, or JSON with ``--json``; both are deterministic.
"""

from __future__ import annotations

import io
import json
import subprocess
import tarfile
import tempfile
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from ..checks.labels import T3_COLUMN_LABELS, T3_ROW_LABELS, T4_BLOCK_LABELS, T4_FIELD_LABELS
from ..serialize import T2_COUNTS_2021, T2_DOCUMENT_COLUMNS, T2_DOCUMENTS

TABLE_NAMES = {"table2": "表二 主动公开", "table3": "表三 申请办理", "table4": "表四 复议诉讼"}
T2_COLUMN_LABELS = {key: label for label, key in T2_DOCUMENT_COLUMNS.items()}
#: A PR comment may hold 65536 characters: each list is cut after MAX_ROWS rows, and the
#: whole text after MAX_CHARS characters, with a note pointing to the full JSON.
MAX_ROWS = 200
MAX_CHARS = 60000


class DiffError(ValueError):
    """A side could not be read (no such folder, not a site, unknown git ref)."""


@dataclass(slots=True)
class Side:
    """One side of the comparison: a label for humans and the reports as published."""

    label: str
    reports: list[dict[str, Any]]


@dataclass(slots=True)
class Diff:
    """Everything that differs between two sides, sorted."""

    old: str
    new: str
    old_count: int
    new_count: int
    added: list[dict[str, Any]] = field(default_factory=list)
    removed: list[dict[str, Any]] = field(default_factory=list)
    changed: list[dict[str, Any]] = field(default_factory=list)
    findings_added: list[dict[str, Any]] = field(default_factory=list)
    findings_resolved: list[dict[str, Any]] = field(default_factory=list)
    findings_changed: list[dict[str, Any]] = field(default_factory=list)
    """Same rule and place, new message (it usually quotes a number that changed)."""

    @property
    def empty(self) -> bool:
        return not (self.added or self.removed or self.changed or self.findings_added or self.findings_resolved or self.findings_changed)


# --- reading a side -------------------------------------------------------------------


def read_side(spec: str, repo: Path | None = None) -> Side:
    """The reports of a site folder, a source folder or a git ref (in that order)."""
    path = Path(spec)
    if path.is_dir():
        if (path / "data" / "reports.json").is_file():
            return Side(spec, _read_json(path / "data" / "reports.json"))
        if (path / "seeds").is_dir():
            return Side(spec, load_sources(path / "seeds", path / "content"))
        raise DiffError(f"{spec}: neither a built site (data/reports.json) nor a folder with seeds/")
    return Side(spec, _load_ref(spec, repo or Path.cwd()))


def _read_json(path: Path) -> list[dict[str, Any]]:
    data = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(data, list):
        raise DiffError(f"{path}: expected a list of reports")
    return data


def load_sources(seeds: Path, content: Path) -> list[dict[str, Any]]:
    """Load seeds the way the build does (registry, checks, corpus) and serialize them."""
    from ..agencies import load_registry
    from ..load import discover, load_reports
    from ..serialize import to_json
    from ..site.corpus import assemble

    registry = load_registry(content / "agencies.toml")
    reports = load_reports(discover(seeds), root=seeds.parent, agency_of=lambda r: registry.resolve(r.agency).slug)
    return [to_json(e.report) for e in assemble(reports, registry).entries]


def _git(repo: Path, *args: str) -> bytes:
    done = subprocess.run(["git", "-C", str(repo), *args], capture_output=True, check=False)
    if done.returncode != 0:
        raise DiffError(f"git {' '.join(args)}: {done.stderr.decode('utf-8', 'replace').strip()}")
    return done.stdout


def _load_ref(ref: str, repo: Path) -> list[dict[str, Any]]:
    """Extract ``ref``'s seeds/ and content/ into a temporary folder and load them."""
    if ref.startswith("-"):
        raise DiffError(f"{ref}: not a folder or git ref")  # never let a ref pass as an option
    commit = _git(repo, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}").decode().strip()
    top = set(_git(repo, "ls-tree", "--name-only", commit).decode().split())
    wanted = [p for p in ("seeds", "content") if p in top]
    if "seeds" not in wanted:
        raise DiffError(f"{ref}: has no seeds/ folder")
    archive = _git(repo, "archive", "--format=tar", commit, "--", *wanted)
    with tempfile.TemporaryDirectory(prefix="nianbao-diff-") as tmp:
        with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
            tar.extractall(tmp, filter="data")  # the data filter refuses links out and odd members
        return load_sources(Path(tmp) / "seeds", Path(tmp) / "content")


# --- flattening a report --------------------------------------------------------------


def cells(report: dict[str, Any]) -> dict[str, Any]:
    """Cell id (``table3.granted.total``, ``table4.review.pending``, …) -> value."""
    out: dict[str, Any] = {}
    t3 = report.get("table3") or {}
    for row, values in (t3.get("rows") or {}).items():
        for col, value in zip(t3.get("columns") or [], values, strict=False):
            out[f"table3.{row}.{col}"] = value
    for block, fields in (report.get("table4") or {}).items():
        for name, value in (fields or {}).items():
            out[f"table4.{block}.{name}"] = value
    for key, value in (report.get("table2") or {}).items():
        if key == "items":
            for item in value or []:
                for col, v in (item.get("values") or {}).items():
                    out[f"table2.items.{item.get('item')}.{col}"] = v
        elif isinstance(value, dict):
            for col, v in value.items():
                out[f"table2.{key}.{col}"] = v
        else:
            out[f"table2.{key}"] = value
    return out


def cell_labels(cell: str) -> tuple[str, str, str]:
    """(table, row, column) in the template's Chinese wording for a cell id."""
    table, _, rest = cell.partition(".")
    name = TABLE_NAMES.get(table, table)
    if table == "table3":
        row, _, col = rest.rpartition(".")
        return name, T3_ROW_LABELS.get(row, row), T3_COLUMN_LABELS.get(col, col)
    if table == "table4":
        block, _, fld = rest.partition(".")
        return name, T4_BLOCK_LABELS.get(block, block), T4_FIELD_LABELS.get(fld, fld)
    if rest.startswith("items."):
        item, _, col = rest[len("items.") :].rpartition(".")
        return name, item, col
    key, _, col = rest.partition(".")
    if key in T2_DOCUMENTS:
        return name, T2_DOCUMENTS[key][0], T2_COLUMN_LABELS.get(col, col)
    if key in T2_COUNTS_2021:
        labels, column = T2_COUNTS_2021[key]
        return name, labels[0], column
    return name, key, col


def _keyed_findings(report: dict[str, Any]) -> dict[tuple, dict[str, Any]]:
    """Findings by identity: rule and place (plus a counter for repeats). Not the message
    or the cells: they quote the numbers, so a changed number would look like a new finding."""
    out: dict[tuple, dict[str, Any]] = {}
    for f in report.get("findings") or []:
        base = (str(f.get("rule")), str(f.get("where")))
        n = sum(1 for k in out if k[:2] == base)
        out[(*base, n)] = f
    return out


# --- comparing ------------------------------------------------------------------------


def _brief(report: dict[str, Any]) -> dict[str, Any]:
    return {"id": report.get("id"), "agency": report.get("agency"), "year": report.get("year"), "source": report.get("source")}


def _order(report: dict[str, Any]) -> tuple:
    return (str(report.get("agency") or ""), report.get("year") or 0, str(report.get("id")))


def compare(old: Side, new: Side) -> Diff:
    """Reports added/removed, numbers changed and findings added/resolved, old → new."""
    before = {r["id"]: r for r in old.reports}
    after = {r["id"]: r for r in new.reports}
    diff = Diff(old.label, new.label, len(before), len(after))
    for rid in sorted(after.keys() - before.keys(), key=lambda i: _order(after[i])):
        diff.added.append(_brief(after[rid]) | {"findings": len(after[rid].get("findings") or [])})
        diff.findings_added.extend(_finding(after[rid], f) for f in after[rid].get("findings") or [])
    for rid in sorted(before.keys() - after.keys(), key=lambda i: _order(before[i])):
        diff.removed.append(_brief(before[rid]))
    for rid in sorted(before.keys() & after.keys(), key=lambda i: _order(after[i])):
        _compare_report(before[rid], after[rid], diff)
    return diff


def _compare_report(old: dict[str, Any], new: dict[str, Any], diff: Diff) -> None:
    a, b = cells(old), cells(new)
    for cell in sorted(a.keys() | b.keys()):
        if a.get(cell) != b.get(cell):
            table, row, col = cell_labels(cell)
            diff.changed.append(
                _brief(new) | {"cell": cell, "table": table, "row": row, "column": col, "old": a.get(cell), "new": b.get(cell)}
            )
    fa, fb = _keyed_findings(old), _keyed_findings(new)
    diff.findings_added.extend(_finding(new, fb[k]) for k in sorted(fb.keys() - fa.keys()))
    diff.findings_resolved.extend(_finding(old, fa[k]) for k in sorted(fa.keys() - fb.keys()))
    for k in sorted(fa.keys() & fb.keys()):
        if (fa[k].get("message"), fa[k].get("severity")) != (fb[k].get("message"), fb[k].get("severity")):
            diff.findings_changed.append(_finding(new, fb[k]) | {"old_message": fa[k].get("message")})


def _finding(report: dict[str, Any], f: dict[str, Any]) -> dict[str, Any]:
    return _brief(report) | {k: f.get(k) for k in ("rule", "severity", "where", "message")}


# --- output ---------------------------------------------------------------------------


def to_json(diff: Diff) -> str:
    return json.dumps(asdict(diff), ensure_ascii=False, indent=1) + "\n"


def _cell(value: Any) -> str:
    """A value for a Markdown table cell: pipes and newlines would break the row."""
    if value is None:
        return "空"
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).replace("|", "\\|").replace("\n", " ")


def _who(item: dict[str, Any]) -> str:
    year = f"{item['year']} 年" if item.get("year") is not None else "未知年度"
    return f"{_cell(item.get('agency') or '未知机关')} · {year}"


def _limited(rows: list[str], total: int) -> list[str]:
    if total > MAX_ROWS:
        rows = rows[:MAX_ROWS] + [f"\n…另有 {total - MAX_ROWS} 项未列出（完整结果见 `--json`）。"]
    return rows


def to_markdown(diff: Diff) -> str:
    """The diff as a pull-request comment."""
    out = [f"### 数据变化：`{diff.old}` → `{diff.new}`", ""]
    out.append(
        f"报告 {diff.old_count} → {diff.new_count} 份；新增 {len(diff.added)}，移除 {len(diff.removed)}；"
        f"数字变化 {len(diff.changed)} 处；新增问题 {len(diff.findings_added)} 条，已解决 {len(diff.findings_resolved)} 条，"
        f"说明有变化 {len(diff.findings_changed)} 条。"
    )
    if diff.empty:
        return "\n".join(out + ["", "已发布的数据没有变化。", ""])
    if diff.added:
        out += ["", "#### 新增报告", ""] + [f"- {_who(r)}（`{_cell(r['source'])}`，{r['findings']} 条检查发现）" for r in diff.added]
    if diff.removed:
        out += ["", "#### 移除的报告", ""] + [f"- {_who(r)}（`{_cell(r['source'])}`）" for r in diff.removed]
    if diff.changed:
        out += ["", "#### 数字变化", "", "| 机关 · 年度 | 表格 | 行 | 列 | 原值 | 新值 |", "|---|---|---|---|---:|---:|"]
        rows = [
            f"| {_who(c)} | {c['table']} | {_cell(c['row'])} | {_cell(c['column'])} | {_cell(c['old'])} | {_cell(c['new'])} |"
            for c in diff.changed
        ]
        out += _limited(rows, len(rows))
    for title, items in (("新增问题", diff.findings_added), ("已解决的问题", diff.findings_resolved)):
        if items:
            rows = [f"- {_who(f)}：`{f['rule']}`（{f['severity']}）{_cell(f['message'])}" for f in items]
            out += ["", f"#### {title}", ""] + _limited(rows, len(rows))
    if diff.findings_changed:
        rows = [f"- {_who(f)}：`{f['rule']}` {_cell(f['old_message'])} → {_cell(f['message'])}" for f in diff.findings_changed]
        out += ["", "#### 说明有变化的问题", ""] + _limited(rows, len(rows))
    text = "\n".join(out) + "\n"
    if len(text) > MAX_CHARS:
        text = text[: text.rfind("\n", 0, MAX_CHARS)] + "\n\n…（内容过长，已截断；完整结果见 `--json`）\n"
    return text
