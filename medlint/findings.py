"""Findings: what a check hit, located and ready to render.

Checks yield :class:`Hit` objects (a record, the exact excerpt, a message and
a suggestion). The engine turns each into a :class:`Finding` carrying the
JSON contract's fields, with file, line and column worked out from the
record's position on disk.
"""

from __future__ import annotations

import re
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


#: A finding's ``context`` is at most this long (plus the "…" marks of a cut): the
#: record's text when it is no longer, else the sentence around the excerpt.
CONTEXT_LIMIT = 300
_SENTENCE_BREAK = re.compile(r"[.!?](?=\s)|\n")


def context_around(text: str, start: int | None, length: int, limit: int = CONTEXT_LIMIT) -> str:
    """The sentence of ``text`` that holds ``text[start:start + length]``, cut to ``limit``
    characters around it with "…" where something was left out. The work is bounded by
    ``limit``, not by the length of ``text``."""
    if len(text) <= limit:
        return text
    if start is None or not 0 <= start <= len(text):
        start, length = 0, 0
    end = min(len(text), start + length)
    lo, hi = max(0, start - limit), min(len(text), end + limit)
    breaks = [m.end() for m in _SENTENCE_BREAK.finditer(text, lo, start)]
    after = _SENTENCE_BREAK.search(text, end, hi)
    first = breaks[-1] if breaks else 0 if lo == 0 else -1            # the sentence's bounds, when
    last = after.end() if after else len(text) if hi == len(text) else -1  # within reach
    s0, s1 = max(first, lo), last if last >= 0 else hi
    width = max(limit, end - start)
    if s1 - s0 > width:  # a long sentence: the excerpt with what is nearest on either side
        s0 = max(s0, start - (width - (end - start)) // 2)
        s1 = min(s1, s0 + width)
        s0 = max(s0 if s0 == first else lo, s1 - width)
    head = "…" if s0 > 0 and s0 != first else ""
    tail = "…" if s1 < len(text) and s1 != last else ""
    return head + text[s0:s1].strip() + tail
