#!/usr/bin/env python3
"""Write N synthetic annual reports whose every number is known.

    python benchmarks/make_corpus.py 1000 --out benchmarks/out/corpus-1000

writes ``DIR/seeds/`` (the reports: tab grids, PDF-extracted text, markdown), ``DIR/truth/``
(one ``<stem>.truth.json`` per report, the shape of tests/fixtures/truth) and
``DIR/manifest.json`` (shape, encoding and injected defects of every report). The same N
always gives byte-identical files, and report ``i`` is the same for every N >= i.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make the repository importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.agencies import Agency, plan  # noqa: E402
from benchmarks.layout import draw_style, headings  # noqa: E402
from benchmarks.narrative import make_prose, short_name  # noqa: E402
from benchmarks.shape_grid import render_markdown, render_tab  # noqa: E402
from benchmarks.shape_pdf import render_pdf  # noqa: E402
from benchmarks.spec import Spec  # noqa: E402
from benchmarks.values import DEFECT_RULES, Numbers, inject_defect, make_numbers  # noqa: E402
from nianbao.model import T3_COLUMNS  # noqa: E402

GENERATOR_VERSION = "1"
SEED = "nianbao-corpus-v1"
DEFECT_RATE = 0.05
SHAPES = {"tab": (render_tab, ".txt"), "pdf": (render_pdf, ".txt"), "markdown": (render_markdown, ".md")}
TITLE_FORMS = {
    "tab": (("one_line", 5), ("two_lines", 3), ("region_first", 1), ("quoted", 1)),
    "markdown": (("one_line", 5), ("two_lines", 3), ("region_first", 1), ("quoted", 1)),
    "pdf": (("one_line", 3), ("two_lines", 1.5), ("region_first", 3.5), ("quoted", 2)),
}


def build_report(i: int, agency: Agency, year: int, carried: list[int] | None) -> tuple[Numbers, str, str, random.Random]:
    """The spec and shape of report ``i`` (its own random stream: independent of N)."""
    rng = random.Random(f"{SEED}:{i}")
    numbers = make_numbers(agency, year, carried, rng)
    shape = rng.choices(("tab", "pdf", "markdown"), weights=(4, 4, 2))[0]
    forms, weights = zip(*TITLE_FORMS[shape], strict=True)
    title_form = rng.choices(forms, weights=weights)[0]
    return numbers, shape, title_form, rng


def _clean_forward(numbers: Numbers) -> list[int]:
    return list(numbers.table3["carried_forward"][:6])


def generate(n: int, out: Path) -> dict:
    """Write the corpus; returns the manifest."""
    seeds, truths = out / "seeds", out / "truth"
    seeds.mkdir(parents=True, exist_ok=True)
    truths.mkdir(parents=True, exist_ok=True)
    for old in [*seeds.glob("??????_*.*"), *truths.glob("??????_*.truth.json")]:
        old.unlink()  # a previous, larger corpus: only our own file names are removed
    forward: dict[tuple[str, int], list[int]] = {}
    entries = []
    for i, (agency, year) in enumerate(plan(n)):
        numbers, shape, title_form, rng = build_report(i, agency, year, forward.get((agency.name, year - 1)))
        forward[(agency.name, year)] = _clean_forward(numbers)
        if rng.random() < DEFECT_RATE:
            inject_defect(numbers, rng.choice(sorted(DEFECT_RULES)), rng, grid=shape != "pdf")
        applications = numbers.table3["new_received"][6]
        prose = make_prose(
            agency.name, short_name(agency.level), year, numbers.template, applications, numbers.table4["review"]["total"], rng
        )
        spec = Spec(agency, year, numbers, prose, draw_style(rng), headings(numbers.template, rng), title_form)
        render, ext = SHAPES[shape]
        text = render(spec, rng)
        stem = f"{i:06d}_{hashlib.sha1(f'{agency.name}{year}'.encode()).hexdigest()[:12]}"
        data, encoding = _encode(text, shape, rng)
        (seeds / (stem + ext)).write_bytes(data)
        truth = truth_json(spec, stem + ext, shape)
        (truths / (stem + ".truth.json")).write_text(json.dumps(truth, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        entries.append({"file": stem + ext, "shape": shape, "encoding": encoding, "title": title_form, "defects": numbers.defects})
    manifest = {"generator": GENERATOR_VERSION, "seed": SEED, "n": n, "reports": entries, "counts": _counts(entries)}
    (out / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return manifest


def _encode(text: str, shape: str, rng: random.Random) -> tuple[bytes, str]:
    """UTF-8 mostly; some GB18030, some with a BOM, some with Windows line ends."""
    roll = rng.random()
    if roll < 0.10:
        text = text.replace("\n", "\r\n")
    roll = rng.random()
    if shape == "tab" and roll < 0.08:
        return text.encode("gb18030"), "gb18030"
    if roll > 0.97:
        return b"\xef\xbb\xbf" + text.encode("utf-8"), "utf-8-sig"
    return text.encode("utf-8"), "utf-8"


def truth_json(spec: Spec, source: str, shape: str) -> dict:
    """The values the parser must read, in the shape of tests/fixtures/truth."""
    numbers = spec.numbers
    return {
        "source": source,
        "synthetic": True,
        "agency": spec.agency.name,
        "year": spec.year,
        "template": numbers.template,
        "table2": _table2_truth(numbers),
        "table3": {"columns": list(T3_COLUMNS), "rows": {k: list(v) for k, v in numbers.table3.items()}},
        "table4": {b: dict(f) for b, f in numbers.table4.items()},
        "shape": shape,
        "defects": numbers.defects,
        "expected_rules": sorted({d["rule"] for d in numbers.defects}),
    }


def _table2_truth(numbers: Numbers) -> dict:
    items = {item: dict(zip(block.columns, values, strict=True)) for block in numbers.table2 for item, values in block.items}
    if numbers.template == "2019":
        return {
            "items": [{"item": item, "values": values} for item, values in items.items()],
            "licensing": items["行政许可"]["处理决定数量"],
            "punishment": items["行政处罚"]["处理决定数量"],
            "coercion": items["行政强制"]["处理决定数量"],
        }
    doc_keys = {"本年制发件数": "issued", "本年废止件数": "repealed", "现行有效件数": "in_force"}
    return {
        "regulations": {doc_keys[c]: v for c, v in items["规章"].items()},
        "normative_documents": {doc_keys[c]: v for c, v in items["行政规范性文件"].items()},
        "licensing": items["行政许可"]["本年处理决定数量"],
        "punishment": items["行政处罚"]["本年处理决定数量"],
        "coercion": items["行政强制"]["本年处理决定数量"],
        "fees_10k_yuan": items["行政事业性收费"]["本年收费金额（单位：万元）"],
    }


def _counts(entries: list[dict]) -> dict:
    counts: dict[str, int] = {}
    for e in entries:
        for key in (
            f"shape.{e['shape']}",
            f"encoding.{e['encoding']}",
            f"title.{e['title']}",
            *(f"defect.{d['kind']}" for d in e["defects"]),
        ):
            counts[key] = counts.get(key, 0) + 1
    return dict(sorted(counts.items()))


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("n", type=int, help="how many reports")
    p.add_argument("--out", type=Path, required=True, help="output folder (seeds/, truth/, manifest.json)")
    args = p.parse_args(argv)
    manifest = generate(args.n, args.out)
    print(f"{args.n} reports in {args.out / 'seeds'}; {json.dumps(manifest['counts'], ensure_ascii=False)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
