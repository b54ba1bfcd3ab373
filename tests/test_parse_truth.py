"""Every seed parses to every hand-checked value in tests/fixtures/truth (null where null)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from nianbao.parse import parse_file
from nianbao.serialize import to_json

from .conftest import ROOT, SEED_FILES, truth_for

FIELDS = ("agency", "year", "template", "table2", "table3", "table4")


@pytest.mark.parametrize("field", FIELDS)
def test_seed_field_matches_truth(seed, field):
    got = to_json(parse_file(seed))
    assert got[field] == truth_for(seed)[field]


def test_truth_covers_every_seed():
    assert len(SEED_FILES) == 5
    for seed in SEED_FILES:
        assert truth_for(seed)["source"] == seed.name


def test_parse_command_prints_the_contract():
    seed = SEED_FILES[0]
    out = subprocess.run(
        [sys.executable, "build.py", "parse", str(seed.relative_to(ROOT))], cwd=ROOT, capture_output=True, check=True
    ).stdout
    data = json.loads(out)
    truth = truth_for(seed)
    assert {k: data[k] for k in FIELDS} == {k: truth[k] for k in FIELDS}
    assert data["provenance"]["table3"]["rows"]["new_received"][0] > 0


def test_every_number_has_a_source_line(seed):
    report = to_json(parse_file(seed))
    lines = report["provenance"]["table3"]["rows"]
    for key, values in report["table3"]["rows"].items():
        for value, line in zip(values, lines[key], strict=True):
            if value is not None:
                assert isinstance(line, int) and line > 0, (key, value, line)
