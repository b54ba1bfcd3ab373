"""The report model: what one annual report says, with where each number came from.

The keys and the JSON shape are fixed in docs/report-model.md (the contract). Values are
what the source prints; ``None`` means the source has no value there (blank, "/", cut off).
Every number keeps the 1-based line of ``Report.lines`` it was read from.
"""

from __future__ import annotations

from dataclasses import dataclass, field

Number = int | float

SECTION_KEYS = (
    "overview",
    "active_disclosure",
    "applications",
    "review_litigation",
    "problems",
    "other_matters",
)

T3_COLUMNS = (
    "natural_person",
    "commercial",
    "research",
    "social_welfare",
    "legal_services",
    "other",
    "total",
)

T3_ROWS = (
    "new_received",
    "carried_over",
    "granted",
    "partially_granted",
    "denied_state_secret",
    "denied_law_prohibited",
    "denied_three_safeties",
    "denied_third_party",
    "denied_internal_affairs",
    "denied_process_info",
    "denied_enforcement_files",
    "denied_administrative_query",
    "unable_not_held",
    "unable_needs_creation",
    "unable_unclear",
    "not_processed_petition",
    "not_processed_duplicate",
    "not_processed_publications",
    "not_processed_mass_repetitive",
    "not_processed_confirmation",
    "other_no_correction",
    "other_no_fee",
    "other_other",
    "total",
    "carried_forward",
)

#: The rows whose sum is （七）总计: every outcome of the year's handling.
T3_OUTCOME_ROWS = T3_ROWS[2:23]

#: Each row's sign in table 3's two column identities, per column: the outcome rows minus
#: （七）总计 is 0, and 一 + 二 − （七） − 四 is 0 (rows in neither have (0, 0)).
_BALANCE_SIGNS = {"new_received": 1, "carried_over": 1, "total": -1, "carried_forward": -1}
T3_IDENTITY_SIGNS = {k: (1 if k in T3_OUTCOME_ROWS else -1 if k == "total" else 0, _BALANCE_SIGNS.get(k, 0)) for k in T3_ROWS}

#: Rows the 2019 template does not have (its （六）其他处理 is one row: other_other).
T3_ROWS_2021_ONLY = ("other_no_correction", "other_no_fee")

T4_BLOCKS = ("review", "litigation_direct", "litigation_after_review")
T4_FIELDS = ("upheld", "corrected", "other", "pending", "total")

#: 2021 table 2: (item key, Chinese item label, column keys in print order).
T2_2021_DOCUMENT_COLUMNS = ("issued", "repealed", "in_force")

SEVERITIES = ("error", "warning", "info")


@dataclass(slots=True)
class Contact:
    """Contact details printed in the report's preamble."""

    phone: str | None = None
    """Telephone number as printed, e.g. "0458-3739096"."""
    address: str | None = None
    """Postal address (联系地址)."""
    postcode: str | None = None
    """Six-digit postcode (邮编)."""
    website: str | None = None
    """The agency website named in the preamble."""


@dataclass(slots=True)
class Section:
    """One of the six numbered sections (一 … 六)."""

    key: str
    """One of SECTION_KEYS."""
    title: str
    """The heading as printed, without markdown decoration."""
    text: str
    """Narrative text; paragraphs separated by a newline, PDF line breaks repaired."""
    line: int
    """Line of the heading in Report.lines (1-based)."""


@dataclass(slots=True)
class Table2Item:
    """One row of table 2 (主动公开), kept as printed so both templates fit."""

    item: str
    """Item label as printed, e.g. "行政规范性文件"."""
    values: dict[str, Number | None]
    """Column label (Chinese, as in the template) -> value."""
    lines: dict[str, int | None]
    """Column label -> source line of the value."""


@dataclass(slots=True)
class Table2:
    """Table 2: 主动公开政府信息情况."""

    items: list[Table2Item] = field(default_factory=list)
    """Every row read, in print order."""


@dataclass(slots=True)
class Table3:
    """Table 3: 收到和处理政府信息公开申请情况, 25 rows x 7 columns."""

    rows: dict[str, list[Number | None]]
    """Row key (T3_ROWS) -> 7 values in T3_COLUMNS order."""
    lines: dict[str, list[int | None]]
    """Row key -> 7 source lines, parallel to rows."""
    printed: dict[str, int] = field(default_factory=dict)
    """Row key -> how many cells the source printed for it (7 when complete)."""
    found: list[str] = field(default_factory=list)
    """Row keys actually found in the source, in print order."""


@dataclass(slots=True)
class Table4:
    """Table 4: 行政复议、行政诉讼, three blocks of five values."""

    blocks: dict[str, dict[str, Number | None]]
    """Block key (T4_BLOCKS) -> field key (T4_FIELDS) -> value."""
    lines: dict[str, dict[str, int | None]]
    """Block key -> field key -> source line."""
    printed: int = 15
    """How many value cells the source printed (15 when complete)."""


@dataclass(slots=True)
class Finding:
    """Something a check says about a report: data, published with it."""

    rule: str
    """Stable rule id, e.g. "table3.balance"."""
    severity: str
    """"error", "warning" or "info"."""
    message: str
    """Plain Chinese a reader understands."""
    where: str = ""
    """Short location, e.g. "表3 自然人列"."""
    cells: list[str] = field(default_factory=list)
    """Cell ids involved, e.g. "table3.total.natural_person" or "table4.review.total"."""
    lines: list[int] = field(default_factory=list)
    """Source lines involved (1-based)."""


@dataclass(slots=True)
class Report:
    """One annual report as read from one source file."""

    id: str
    """Stable id derived from the source file name."""
    source: str
    """Path of the source file, relative to the seeds folder's parent where possible."""
    format: str = "text"
    """Input form: "text", "markdown", "html", "pdf", "docx" or "glued"."""
    agency: str | None = None
    """Issuing agency as printed (before the registry maps variants)."""
    year: int | None = None
    """The year the report covers."""
    template: str | None = None
    """"2021" or "2019": which national template the tables follow (from the layout)."""
    title: str | None = None
    """The report's title as printed or reconstructed."""
    contact: Contact = field(default_factory=Contact)
    """Phone, address, website where printed."""
    period: str | None = None
    """Statistics period as printed, e.g. "2025 年 1 月 1 日至 2025 年 12 月 31 日"."""
    sections: list[Section] = field(default_factory=list)
    """The sections found, in print order."""
    table2: Table2 | None = None
    """Table 2, or None when not found."""
    table3: Table3 | None = None
    """Table 3, or None when not found."""
    table4: Table4 | None = None
    """Table 4, or None when not found."""
    findings: list[Finding] = field(default_factory=list)
    """What the checks (and the reader) say about this report."""
    lines: list[str] = field(default_factory=list)
    """The source text, one entry per line, as decoded (provenance points here)."""
    sha256: str = ""
    """Hash of the source file's bytes."""
