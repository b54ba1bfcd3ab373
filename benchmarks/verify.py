#!/usr/bin/env python3
"""Compare parsed reports with a synthetic corpus's truth: exact-match rate and every mismatch.

    python benchmarks/verify.py benchmarks/out/corpus-1000

A mismatch names the file, the field, the expected and the parsed value, and the source
line the parser read it from, so a parser bug can be found from the message alone. The
injected defects are also checked: each must be reported by its rule (recall).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from nianbao.serialize import to_json  # noqa: E402

FIELDS = ("agency", "year", "template", "table2", "table3", "table4")


def diff(expected, got, path: str = "") -> list[tuple[str, object, object]]:
    """(path, expected, got) for every leaf that differs."""
    if isinstance(expected, dict) and isinstance(got, dict):
        out = []
        for key in expected.keys() | got.keys():
            out += diff(expected.get(key), got.get(key), f"{path}.{key}" if path else str(key))
        return sorted(out, key=lambda d: d[0])
    if isinstance(expected, list) and isinstance(got, list) and len(expected) == len(got):
        out = []
        for i, (e, g) in enumerate(zip(expected, got, strict=True)):
            out += diff(e, g, f"{path}[{i}]")
        return out
    if expected != got or type(expected) is bool or (expected is None) != (got is None):
        return [(path, expected, got)]
    return []


def provenance_line(report: dict, path: str) -> int | None:
    """The source line the parser read the value at ``path`` from (None when unknown)."""
    node = report.get("provenance") or {}
    for part in path.replace("]", "").replace("[", ".").split("."):
        if isinstance(node, dict):
            node = node.get("rows", node).get(part) if "rows" in node and part not in node else node.get(part)
        elif isinstance(node, list) and part.isdigit() and int(part) < len(node):
            node = node[int(part)]
        else:
            return None
    return node if isinstance(node, int) else None


def compare(report: dict, truth: dict) -> list[str]:
    """Human-readable mismatches of one report (empty when exact)."""
    out = []
    for field in FIELDS:
        for path, expected, got in diff(truth.get(field), report.get(field), field):
            line = provenance_line(report, path)
            at = f" (parsed from line {line})" if line else ""
            out.append(f"{truth['source']}: {path}: expected {expected!r}, got {got!r}{at}")
    return out


def missed_rules(report: dict, truth: dict) -> list[str]:
    """Injected defects whose rule the checks did not report."""
    rules = {f["rule"] for f in report.get("findings", [])}
    return [
        f"{truth['source']}: defect {d['kind']} at {d['cell']} not reported as {d['rule']}"
        for d in truth.get("defects", [])
        if d["rule"] not in rules
    ]


def verify_reports(reports: list, corpus: Path) -> dict:
    """Exactness of parsed Report objects (or their JSON) against ``corpus/truth``."""
    exact = 0
    mismatches: list[str] = []
    missed: list[str] = []
    for report in reports:
        data = report if isinstance(report, dict) else to_json(report)
        name = Path(data["source"]).name
        stem = name.rsplit(".", 1)[0]
        truth = json.loads((corpus / "truth" / f"{stem}.truth.json").read_text(encoding="utf-8"))
        found = compare(data, truth)
        exact += not found
        mismatches += found
        missed += missed_rules(data, truth)
    n = len(reports)
    return {"reports": n, "exact": exact, "exact_rate": exact / n if n else 1.0, "mismatches": mismatches, "missed_defects": missed}


def main(argv: list[str] | None = None) -> int:
    from nianbao.load import discover, load_reports

    corpus = Path((argv or sys.argv[1:])[0])
    seeds = corpus / "seeds"
    result = verify_reports(load_reports(discover(seeds), root=seeds), corpus)
    for line in result["mismatches"] + result["missed_defects"]:
        print(line)
    print(
        f"{result['exact']}/{result['reports']} reports exact ({result['exact_rate']:.1%}); {len(result['missed_defects'])} injected defects not reported"
    )
    return 0 if not result["mismatches"] and not result["missed_defects"] else 1


if __name__ == "__main__":
    sys.exit(main())
