"""Findings: what a check hit, located and ready to render.

Checks yield :class:`Hit` objects (a record, the exact excerpt, a message and
a suggestion). The engine turns each into a :class:`Finding` carrying the
JSON contract's fields, with file, line and column worked out from the
record's position on disk.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

SEVERITIES = ("error", "warning", "info")
SEVERITY_RANK = {"error": 0, "warning": 1, "info": 2}
CATEGORIES = ("schema", "units", "notation", "dosing", "disclaimer", "claims", "review", "consistency", "safety")


@dataclass(frozen=True)
class Hit:
    """A problem a check found in one record.

    ``excerpt`` is the exact flagged text as it appears in the record's
    ``field`` ("text" for items and paragraphs; "question"/"answer" for FAQ
    entries; "heading" for sections; "title" or a metadata key for articles).
    ``start`` is the excerpt's offset in that field when the check knows it.
    """

    record: object
    excerpt: str
    message: str
    suggestion: str = ""
    field: str = "text"
    start: int | None = None
    severity: str | None = None
    #: for mechanical fixes (`medlint check --fix`): the exact text to put in place of ``excerpt``
    replacement: str | None = None


@dataclass(frozen=True)
class Finding:
    """One located problem as the engine reports it (a check's Hit placed at file:line:col)."""

    check: str
    category: str
    severity: str
    path: str
    line: int
    column: int
    article: str
    record: str
    section: str | None
    excerpt: str
    context: str
    message: str
    suggestion: str
    replacement: str | None = None

    def sort_key(self) -> tuple:
        return (self.path, self.line, self.column, self.check, self.excerpt, self.message)

    def to_json(self) -> dict:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict) -> "Finding":
        return cls(**{k: data.get(k) for k in cls.__dataclass_fields__})
