"""Regenerate tests/golden/ from the seeds: ``python -m tests.regen_golden``.

Review the diff (git diff tests/golden) before committing: it is the site's visible change.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from tests.site_support import GOLDEN, GOLDEN_FILES, build, golden_text


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "_site"
        build(site)
        for path in GOLDEN_FILES:
            target = GOLDEN / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(golden_text(site, path), encoding="utf-8", newline="")
            print(f"wrote {target.relative_to(GOLDEN.parent.parent)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
