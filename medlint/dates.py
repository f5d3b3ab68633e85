"""Reading written dates ("May 19, 2025", "19 May 2025", "2025-05-19") and the one clock."""

from __future__ import annotations

import datetime as _dt
import re

_MONTHS = {
    m: i
    for i, names in enumerate(
        [("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",),
         ("jun", "june"), ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"),
         ("oct", "october"), ("nov", "november"), ("dec", "december")], start=1)
    for m in names
}
_MONTH = r"(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_PATTERNS = [
    re.compile(r"\b(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})\b"),
    re.compile(_MONTH + r"\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y>\d{4})\b", re.I),
    re.compile(r"\b(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH + r",?\s+(?P<y>\d{4})\b", re.I),
]


def find_date(text: str) -> tuple[_dt.date, tuple[int, int]] | None:
    """The first date written in ``text`` and its span, or None."""
    best = None
    for pattern in _PATTERNS:
        m = pattern.search(text)
        if not m:
            continue
        try:
            month = int(m.group("m")) if "m" in m.groupdict() else _MONTHS[m.group("mon").lower().rstrip(".")]
            value = _dt.date(int(m.group("y")), month, int(m.group("d")))
        except (ValueError, KeyError):
            continue
        if best is None or m.start() < best[1][0]:
            best = (value, m.span())
    return best


def today(override: str | None = None) -> _dt.date:
    """The single clock: ``--today`` when given, else the system date."""
    if override:
        try:
            return _dt.date.fromisoformat(override)
        except ValueError:
            raise ValueError(f"--today expects YYYY-MM-DD, got {override!r}") from None
    return _dt.date.today()
