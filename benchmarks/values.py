"""The numbers of one synthetic report: tables 2, 3 and 4, consistent unless a defect says not.

Sizes follow what real reports show: most agencies receive a handful of applications or
none, governments and a few busy departments receive hundreds or thousands, and only those
see administrative reviews and lawsuits. Table 3 balances per column (一 + 二 = 七 + 四),
every row's 总计 is the sum of its six applicant columns, and table 4's totals add up.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from nianbao.model import T3_OUTCOME_ROWS, T3_ROWS, T3_ROWS_2021_ONLY, T4_BLOCKS, T4_FIELDS

from .agencies import Agency

#: Share of outcomes per row (2021 rows; the 2019 template folds （六） into other_other).
OUTCOME_WEIGHTS = {
    "granted": 40,
    "partially_granted": 9,
    "denied_state_secret": 0.3,
    "denied_law_prohibited": 1.5,
    "denied_three_safeties": 0.3,
    "denied_third_party": 1.2,
    "denied_internal_affairs": 1,
    "denied_process_info": 1.5,
    "denied_enforcement_files": 0.5,
    "denied_administrative_query": 1,
    "unable_not_held": 22,
    "unable_needs_creation": 3,
    "unable_unclear": 2,
    "not_processed_petition": 3,
    "not_processed_duplicate": 2,
    "not_processed_publications": 0.5,
    "not_processed_mass_repetitive": 0.5,
    "not_processed_confirmation": 0.7,
    "other_no_correction": 2,
    "other_no_fee": 0.2,
    "other_other": 3,
}
#: Applicant columns: natural person dominates, then companies.
COLUMN_WEIGHTS = (85, 9, 0.6, 0.8, 2.5, 2.1)


@dataclass(slots=True)
class Table2Block:
    """One 第二十条 block of table 2: a header of columns and its item rows."""

    section: str
    """"第二十条第（一）项"."""
    columns: list[str]
    """Column labels in print order (without 信息内容)."""
    items: list[tuple[str, list[int | float | None]]]
    """(item label, one value per column)."""


@dataclass(slots=True)
class Numbers:
    """Everything numeric one report prints."""

    template: str
    table2: list[Table2Block]
    table3: dict[str, list[int | None]]
    """Row key -> 7 values (None: printed blank or not printed)."""
    table4: dict[str, dict[str, int]]
    t3_width: int = 7
    """7, or 6 when the total column was cut off (the header then has no 总计)."""
    t3_cut: dict[str, int] = field(default_factory=dict)
    """Row key -> cells printed when fewer than t3_width (seed 004's ragged right edge)."""
    t4_extra: bool = False
    """A 16th value cell printed after table 4's 15 (as in seed 000)."""
    defects: list[dict] = field(default_factory=list)
    """What was made inconsistent: {"kind", "cell", "rules"}."""


def scale(agency: Agency, rng: random.Random) -> int:
    """Expected applications per year for this agency."""
    base = {
        "city": 120,
        "city_office": 25,
        "city_department": 8,
        "district": 30,
        "district_office": 6,
        "district_department": 2,
    }[agency.level]
    if agency.busy:
        base *= 12
    if rng.random() < 0.02:
        base *= 40  # the rare agency flooded with applications
    return base


def make_numbers(agency: Agency, year: int, carried: list[int] | None, rng: random.Random) -> Numbers:
    """Consistent tables for one report; ``carried`` is last year's carried_forward row."""
    template = "2021" if year >= 2021 else "2019"
    mean = scale(agency, rng)
    table3 = _table3(mean, template, carried, rng)
    return Numbers(template, _table2(agency, template, rng), table3, _table4(table3, rng))


def _count(rng: random.Random, mean: float) -> int:
    """A skewed count: many zeros and small numbers, a long tail."""
    if mean <= 0 or rng.random() < 0.35 / (1 + mean / 5):
        return 0
    return int(rng.expovariate(1 / mean))


def _split(rng: random.Random, n: int, weights) -> list[int]:
    """n items spread over len(weights) bins (a multinomial draw, fast for large n)."""
    out = [0] * len(weights)
    if n <= 0:
        return out
    if n > 200:
        # Large n: jittered proportions, floored, remainder to the biggest bin.
        shares = [w * rng.uniform(0.7, 1.3) for w in weights]
        total = sum(shares)
        out = [int(n * s / total) for s in shares]
        out[shares.index(max(shares))] += n - sum(out)
        return out
    for i in rng.choices(range(len(weights)), weights=weights, k=n):
        out[i] += 1
    return out


def _table3(mean: float, template: str, carried: list[int] | None, rng: random.Random) -> dict[str, list[int | None]]:
    new = _split(rng, _count(rng, mean), COLUMN_WEIGHTS)
    over = list(carried) if carried is not None else [rng.choice((0, 0, 0, 1)) * (n > 0) for n in new]
    rows: dict[str, list[int | None]] = {k: [0] * 7 for k in T3_ROWS}
    outcome_rows = [r for r in T3_OUTCOME_ROWS if template == "2021" or r not in T3_ROWS_2021_ONLY]
    weights = [OUTCOME_WEIGHTS[r] for r in outcome_rows]
    if template == "2019":
        weights[-1] += OUTCOME_WEIGHTS["other_no_correction"] + OUTCOME_WEIGHTS["other_no_fee"]
    for col in range(6):
        load = new[col] + over[col]
        forward = min(load, int(load * rng.choice((0, 0, 0.02, 0.05)) + rng.choice((0, 0, 0, 1))))
        parts = _split(rng, load - forward, weights)
        rows["new_received"][col] = new[col]
        rows["carried_over"][col] = over[col]
        rows["carried_forward"][col] = forward
        rows["total"][col] = load - forward
        for key, value in zip(outcome_rows, parts, strict=True):
            rows[key][col] = value
    for key in T3_ROWS:
        rows[key][6] = sum(rows[key][:6])
    if template == "2019":
        for key in T3_ROWS_2021_ONLY:
            rows[key] = [None] * 7
    return rows


def _table4(table3: dict[str, list[int | None]], rng: random.Random) -> dict[str, dict[str, int]]:
    handled = table3["total"][6] or 0
    out = {}
    for block, rate in zip(T4_BLOCKS, (0.03, 0.012, 0.008), strict=True):
        n = int(handled * rate * rng.uniform(0, 2)) if handled >= 20 else int(rng.random() < 0.03 * (handled > 0))
        parts = _split(rng, n, (55, 15, 10, 20))
        out[block] = dict(zip(T4_FIELDS, [*parts, n], strict=True))
    return out


def _table2(agency: Agency, template: str, rng: random.Random) -> list[Table2Block]:
    gov = agency.level in ("city", "district")
    city = agency.level == "city"
    regs = (rng.randint(0, 4), rng.randint(0, 2), rng.randint(8, 60)) if city else (0, 0, 0)
    norms = (rng.randint(0, 25), rng.randint(0, 8), rng.randint(0, 180)) if gov or rng.random() < 0.3 else (0, 0, 0)
    busy = 30 if agency.busy else 1
    licensing = _count(rng, 40 * busy * (3 if gov else 1))
    punishment = _count(rng, 15 * busy)
    coercion = _count(rng, 2 * busy)
    if template == "2021":
        fees = round(rng.uniform(0, 3000), rng.choice((1, 2))) if rng.random() < 0.3 else 0
        return [
            Table2Block(
                "第二十条第（一）项",
                ["本年制发件数", "本年废止件数", "现行有效件数"],
                [("规章", list(regs)), ("行政规范性文件", list(norms))],
            ),
            Table2Block("第二十条第（五）项", ["本年处理决定数量"], [("行政许可", [licensing])]),
            Table2Block("第二十条第（六）项", ["本年处理决定数量"], [("行政处罚", [punishment]), ("行政强制", [coercion])]),
            Table2Block("第二十条第（八）项", ["本年收费金额（单位：万元）"], [("行政事业性收费", [fees])]),
        ]
    cols = ["上一年项目数量", "本年增/减", "处理决定数量"]

    def item(decisions: int) -> list[int | float | None]:
        before = rng.randint(0, 900)
        return [before, rng.randint(-before, 60), decisions]

    fee_before = rng.randint(0, 40)
    return [
        Table2Block(
            "第二十条第（一）项",
            ["本年新制作数量", "本年新公开数量", "对外公开总数量"],
            [("规章", [regs[0], regs[0], regs[2]]), ("规范性文件", [norms[0], norms[0], norms[2]])],
        ),
        Table2Block("第二十条第（五）项", cols, [("行政许可", item(licensing)), ("其他对外管理服务事项", item(rng.randint(0, 50)))]),
        Table2Block("第二十条第（六）项", cols, [("行政处罚", item(punishment)), ("行政强制", item(coercion))]),
        Table2Block("第二十条第（八）项", cols[:2], [("行政事业性收费", [fee_before, rng.randint(-fee_before, 5)])]),
        Table2Block(
            "第二十条第（九）项", ["采购项目数量", "采购总金额"], [("政府集中采购", [rng.randint(0, 40), round(rng.uniform(0, 9e6), 2)])]
        ),
    ]


#: Defect kind -> the check rule that must report it.
DEFECT_RULES = {
    "t3_row_total": "table3.row_total",
    "t3_outcome_total": "table3.total",
    "t3_balance": "table3.balance",
    "t3_blank": "structure.blank_cell",
    "t3_cutoff": "structure.truncated",
    "t4_total": "table4.total",
    "t4_extra": "structure.extra_cells",
}


def inject_defect(numbers: Numbers, kind: str, rng: random.Random, grid: bool = True) -> None:
    """Make the printed tables inconsistent in one known way (recorded in numbers.defects)."""
    t3 = numbers.table3
    rows = [k for k in T3_ROWS if t3[k][0] is not None]
    if kind == "t3_row_total":
        key = rng.choice(rows)
        t3[key][6] += rng.choice((1, 2, 3))
        cell = f"table3.{key}.total"
    elif kind == "t3_outcome_total":
        delta = rng.choice((1, 2))
        t3["total"][0] += delta
        if rng.random() < 0.5:
            t3["total"][6] += delta  # the row still adds up; only the column sum is wrong
        cell = "table3.total.natural_person"
    elif kind == "t3_balance":
        t3["carried_forward"][0] += 1
        t3["carried_forward"][6] += 1
        cell = "table3.carried_forward.natural_person"
    elif kind == "t3_blank":
        # Not the first column: in a tab grid a blank there reads the same as the padding
        # cell some rows carry after their label (ambiguous even to a human reader).
        key, col = rng.choice(rows[2:-2]), rng.randrange(1, 6)
        t3[key][col] = None
        cell = f"table3.{key}.{col}"
    elif kind == "t3_cutoff":
        numbers.t3_width = 6
        # Ragged edges only in grids: in space text a short row cannot say which cell is gone.
        ragged = rng.random() < 0.5 and numbers.template == "2021" and grid
        for n, key in enumerate(rows):
            # Seed 004: rows 一..(二) lose the total, (三)..(六)1 also "other", the rest print all 7.
            width = 6 if not ragged or n < 4 else 5 if n < 21 else 7
            numbers.t3_cut[key] = width
            t3[key][width:] = [None] * (7 - width)
        cell = "table3.*.total"
    elif kind == "t4_total":
        block = rng.choice(T4_BLOCKS)
        numbers.table4[block]["total"] += 1
        cell = f"table4.{block}.total"
    elif kind == "t4_extra":
        numbers.t4_extra = True
        cell = "table4.extra"
    else:
        raise ValueError(kind)
    numbers.defects.append({"kind": kind, "cell": cell, "rule": DEFECT_RULES[kind]})
