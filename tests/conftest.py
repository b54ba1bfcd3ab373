"""Shared fixtures: where the seeds and the hand-checked truth files are."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
TRUTH = FIXTURES / "truth"

SEED_FILES = sorted(SEEDS.glob("*.txt"))


def truth_for(seed: Path) -> dict:
    return json.loads((TRUTH / (seed.stem + ".truth.json")).read_text(encoding="utf-8"))


@pytest.fixture(params=SEED_FILES, ids=lambda p: p.stem[:3])
def seed(request) -> Path:
    return request.param
