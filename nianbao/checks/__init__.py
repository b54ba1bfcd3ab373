"""Checks: every rule looks at a report and returns findings; nothing is ever dropped.

Per-report rules live one per module (RULES); rules across one agency's reports live in
across.py. ``check_report`` and ``check_corpus`` collect every finding they return.
"""

from __future__ import annotations

from ..model import Finding, Report
from . import narrative, structure, table3_balance, table3_row_total, table3_total, table4_total, values
from .across import AgencyOf, check_across

#: Per-report rules, in the order their findings are listed.
RULES = (
    structure.check,
    table3_balance.check,
    table3_total.check,
    table3_row_total.check,
    table4_total.check,
    narrative.check,
    values.check,
)


def check_report(report: Report) -> list[Finding]:
    """All per-report findings (the parser's own notes are already on the report)."""
    found: list[Finding] = []
    for rule in RULES:
        found.extend(rule(report))
    return found


def check_corpus(reports: list[Report], agency_of: AgencyOf | None = None) -> dict[str, list[Finding]]:
    """Findings that compare reports of one agency across years, keyed by report id
    (``agency_of`` names each report's agency, e.g. through the registry)."""
    return check_across(reports, agency_of)


def apply_checks(report: Report) -> Report:
    """Add the per-report findings to the report (idempotent)."""
    keep = [f for f in report.findings if not _is_check_rule(f.rule)]
    report.findings = keep + check_report(report)
    return report


def _is_check_rule(rule: str) -> bool:
    return rule.split(".")[0] in {"table3", "table4", "narrative", "structure", "across", "values"}


__all__ = ["check_report", "check_corpus", "apply_checks", "RULES", "SEVERITY_ORDER"]

SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}
