"""Cell-by-cell comparison of a parsed report with its truth, for the input-form tests.

``score(got, truth)`` flattens tables 2, 3 and 4 of both (the JSON contract's shape) into
``cell id -> value`` and counts every truth cell as right, missing (parsed as null) or
wrong (a number that differs from the truth). A wrong number is a defect; a null is
acceptable when a finding says why. Run as a script to print the score of files:

    python -m tests.cellscore FILE TRUTH.json [FILE TRUTH.json ...]
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(slots=True)
class Score:
    right: int = 0
    missing: list[str] = field(default_factory=list)
    wrong: list[tuple[str, object, object]] = field(default_factory=list)
    """(cell, got, truth) for every number that differs from the truth."""

    @property
    def total(self) -> int:
        return self.right + len(self.missing) + len(self.wrong)

    def __str__(self) -> str:
        return f"{self.right}/{self.total} right, {len(self.missing)} null, {len(self.wrong)} wrong"


def flatten(report: dict) -> dict[str, object]:
    """Cell id -> value over tables 2, 3 and 4 (truth files and parse output alike)."""
    cells: dict[str, object] = {}
    for key, value in (report.get("table2") or {}).items():
        if key == "items":  # 2019 template: items with their own column names
            for item in value or []:
                for col, v in (item.get("values") or {}).items():
                    cells[f"t2.{item.get('item')}.{col}"] = v
        elif isinstance(value, dict):
            for col, v in value.items():
                cells[f"t2.{key}.{col}"] = v
        else:
            cells[f"t2.{key}"] = value
    t3 = report.get("table3") or {}
    columns = t3.get("columns") or []
    for row, values in (t3.get("rows") or {}).items():
        for col, v in zip(columns, values or [], strict=False):
            cells[f"t3.{row}.{col}"] = v
    for block, fields in (report.get("table4") or {}).items():
        for name, v in (fields or {}).items():
            cells[f"t4.{block}.{name}"] = v
    return cells


def score(got: dict, truth: dict) -> Score:
    """Every truth cell that has a value, checked against ``got``."""
    mine = flatten(got)
    result = Score()
    for cell, want in sorted(flatten(truth).items()):
        if want is None:
            continue
        have = mine.get(cell)
        if have is None:
            result.missing.append(cell)
        elif float(have) == float(want):
            result.right += 1
        else:
            result.wrong.append((cell, have, want))
    return result


def main(argv: list[str]) -> int:
    from nianbao.parse import parse_file
    from nianbao.serialize import to_json

    for path, truth in zip(argv[::2], argv[1::2], strict=True):
        got = to_json(parse_file(path))
        want = json.loads(Path(truth).read_text(encoding="utf-8"))
        s = score(got, want)
        meta = "" if (got["agency"], got["year"]) == (want["agency"], want["year"]) else f"  META {got['agency']!r} {got['year']} != {want['agency']!r} {want['year']}"
        print(f"{path}: {s}{meta}")
        for cell, have, want_v in s.wrong[:10]:
            print(f"   wrong {cell}: {have} != {want_v}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
