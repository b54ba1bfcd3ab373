"""Glued table 3: the column equations narrow the cuts the row totals left open.

A row's digit run may be cut several ways that each add up along the row. Down the
columns the template has two more identities: the outcome rows sum to （七）总计, and
一 + 二 = （七） + 四. Each is checked for all seven columns at once over every choice of
the rows' cuts (a set of partial column sums, the totals first so that the sums only
grow, and bounded by what the remaining rows can still add), and a cut no choice of the
others completes is dropped.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from ..model import T3_OUTCOME_ROWS

Values = tuple[float, ...]


@dataclass(frozen=True, slots=True)
class Cut:
    """One way to cut a digit run: the numbers, and the text of each piece."""

    values: Values
    texts: tuple[str, ...]


class Narrowable(Protocol):
    """A glued row as the equations see it (glued.GluedRow)."""

    key: str | None
    width: int
    candidates: list[Cut]


def resolve_columns(rows: list[Narrowable]) -> None:
    """Column sums narrow what the row totals left open: a cut is dropped when no choice
    of the other rows' cuts lets its column equation hold. Repeated while anything
    narrows; an equation no choice satisfies (the source does not add up) is left out."""
    by_key = {r.key: r for r in rows if r.key}
    outcome = [k for k in T3_OUTCOME_ROWS if k in by_key]
    equations = [(["total"], outcome), (["new_received", "carried_over"], ["total", "carried_forward"])]
    changed = True
    while changed:
        changed = False
        for left, right in equations:
            members = [(by_key.get(k), sign) for keys, sign in ((left, 1), (right, -1)) for k in keys]
            if any(m is None or not m.candidates or m.width != 7 for m, _s in members):
                continue  # a row not printed, or printed short: its columns are unknown
            kept = _feasible([(m.candidates, sign) for m, sign in members])
            if kept is None:
                continue
            for (m, _s), keep in zip(members, kept, strict=True):
                if keep and len(keep) < len(m.candidates):
                    m.candidates, changed = keep, True


#: Partial column sums tracked before an equation is judged too open to narrow anything.
_MAX_STATES = 50_000


def _feasible(terms: list[tuple[list[Cut], int]]) -> list[list[Cut]] | None:
    """Per term, the cuts that some choice of the other terms' cuts completes to a zero
    signed sum in every column; None when no choice does, or the search is too wide."""
    if any(not cands for cands, _s in terms):
        return None
    order = sorted(range(len(terms)), key=lambda i: terms[i][1])  # totals first: the sums then only grow
    kept = _feasible_in_order([terms[i] for i in order])
    if kept is None:
        return None
    out: list[list[Cut]] = [[] for _ in terms]
    for j, i in enumerate(order):
        out[i] = kept[j]
    return out


def _feasible_in_order(terms: list[tuple[list[Cut], int]]) -> list[list[Cut]] | None:
    lo, hi = _bounds(terms)
    forward = [{(0.0,) * 7}]
    for i, (cands, sign) in enumerate(terms):
        nxt = {tuple(a + sign * b for a, b in zip(acc, c.values, strict=True)) for acc in forward[-1] for c in cands}
        # a partial sum the remaining terms cannot bring back to zero goes no further
        nxt = {acc for acc in nxt if all(a + low <= 0 <= a + high for a, low, high in zip(acc, lo[i + 1], hi[i + 1], strict=True))}
        if len(nxt) > _MAX_STATES:
            return None
        forward.append(nxt)
    if (0.0,) * 7 not in forward[-1]:
        return None
    need = {(0.0,) * 7}  # what the partial sum must be after term i, for the rest to close it
    kept: list[list[Cut]] = [[] for _ in terms]
    for i in range(len(terms) - 1, -1, -1):
        cands, sign = terms[i]
        before = forward[i]
        prev_need: set = set()
        for c in cands:
            for target in need:
                acc = tuple(t - sign * v for t, v in zip(target, c.values, strict=True))
                if acc in before:
                    prev_need.add(acc)
                    if not kept[i] or kept[i][-1] is not c:
                        kept[i].append(c)
        need = prev_need
    return kept


def _bounds(terms: list[tuple[list[Cut], int]]) -> tuple[list[tuple[float, ...]], list[tuple[float, ...]]]:
    """Per suffix of the terms, the least and the most each column can still change by."""
    lo, hi = [(0.0,) * 7], [(0.0,) * 7]
    for cands, sign in reversed(terms):
        signed = [[sign * v for v in c.values] for c in cands]
        lo.append(tuple(a + min(col) for a, col in zip(lo[-1], zip(*signed, strict=True), strict=True)))
        hi.append(tuple(a + max(col) for a, col in zip(hi[-1], zip(*signed, strict=True), strict=True)))
    return lo[::-1], hi[::-1]
