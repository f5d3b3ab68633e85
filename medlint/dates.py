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
    # the year first with slashes ("2025/9/14", as pages from East Asia and the Middle East write
    # it): year, month, day, whatever the page's order of day and month
    re.compile(r"(?<![\d/.])(?P<y>(?:19|20)\d{2})/(?P<m>\d{1,2})/(?P<d>\d{1,2})(?![\d/])"),
]


_NUMERIC = re.compile(r"(?<![\d/.])(?P<a>\d{1,2})[/.](?P<b>\d{1,2})[/.](?P<y>\d{4})\b")
_MONTH_YEAR = [
    re.compile(r"\b" + _MONTH + r",?\s+(?P<y>\d{4})\b", re.I),
    re.compile(r"(?<![\d/.])(?P<m>\d{1,2})/(?P<y>\d{4})\b"),
    # ISO 8601's year and month ("Revised: 2026-04"), not a year range ("2024-2026") or a full date
    re.compile(r"(?<![\d/.-])(?P<y>(19|20)\d{2})-(?P<m>0[1-9]|1[0-2])(?![\d-])"),
]


def find_date(text: str, numeric: str | None = None, month_year: bool = False) -> tuple[_dt.date, tuple[int, int]] | None:
    """The first date written in ``text`` and its span, or None.

    ``numeric`` ('day-first' or 'month-first') also reads 13/09/2021-style dates;
    ``month_year`` also reads "June 2026", "11/2024" and "2026-04" as the first of that month
    (a page that prints only a month). Both are off unless asked for."""
    best = _find_full(text)
    if numeric:
        found = _find_numeric(text, numeric)
        if found and (best is None or found[1][0] < best[1][0]):
            best = found
    if best is None and month_year:
        best = _find_month_year(text)
    return best


def _find_numeric(text: str, order: str) -> tuple[_dt.date, tuple[int, int]] | None:
    for m in _NUMERIC.finditer(text):
        a, b, y = int(m.group("a")), int(m.group("b")), int(m.group("y"))
        day, month = (a, b) if order == "day-first" else (b, a)
        if month > 12 >= day:  # the other order is the only one that reads
            day, month = month, day
        try:
            return _dt.date(y, month, day), m.span()
        except ValueError:
            continue
    return None


def numeric_order(text: str) -> tuple[str, list[str]] | None:
    """('day-first' | 'month-first', [the dates that say so]) when ``text`` prints a
    numeric date only one order reads (13/08/2024, 08/13/2024); None when it prints
    none, or some of each."""
    day_first, month_first = [], []
    for m in _NUMERIC.finditer(text):
        a, b = int(m.group("a")), int(m.group("b"))
        if 31 >= a > 12 >= b >= 1:
            day_first.append(m.group(0))
        elif b > 12 >= a >= 1 and b <= 31:
            month_first.append(m.group(0))
    if day_first and not month_first:
        return "day-first", day_first[:3]
    if month_first and not day_first:
        return "month-first", month_first[:3]
    return None


def ambiguous_numeric_dates(text: str) -> list[str]:
    """The numeric dates in ``text`` that read both ways (01/08/2024: both parts 12 or less, not equal)."""
    return [m.group(0) for m in _NUMERIC.finditer(text)
            if 1 <= int(m.group("a")) <= 12 and 1 <= int(m.group("b")) <= 12 and int(m.group("a")) != int(m.group("b"))]


def _find_month_year(text: str) -> tuple[_dt.date, tuple[int, int]] | None:
    best = None
    for pattern in _MONTH_YEAR:
        for m in pattern.finditer(text):
            month = int(m.group("m")) if "m" in m.groupdict() else _MONTHS[m.group("mon").lower().rstrip(".")]
            if 1 <= month <= 12 and (best is None or m.start() < best[1][0]):
                best = (_dt.date(int(m.group("y")), month, 1), m.span())
            break
    return best


def _find_full(text: str) -> tuple[_dt.date, tuple[int, int]] | None:
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
