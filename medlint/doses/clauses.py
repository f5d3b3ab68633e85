"""Stage 6, clauses: where a text's clauses begin and end."""

from __future__ import annotations

import re

from .text import _lazy, _Spans


_CLAUSE_BREAK_RE = _lazy(r";|\n|\.(?=[ ]+[A-Z(]|[ ]*$)|[ ]-[ ]+(?![\d.])|[ ]-(?=[ ]?[A-Z])")


def _clauses(norm: str, inside: list[tuple[int, int]] = (), breaks: list[tuple[int, int]] = (),
             parts_at: frozenset = frozenset()) -> list[tuple[int, int]]:
    """The clauses of a text: cut at sentence ends, semicolons, lines, dashes and table rows
    (``breaks``), never inside a recognised phrase (``inside``), nor at a dash right before a
    part of a dose (``parts_at``: where a frequency, duration, as-needed wording or limit starts),
    as a dose-to-text rendering joins them ("1 tablet - three times a day - for 5 days")."""
    bounds = [0]
    inside = _Spans(inside)
    found = [(m.start(), m.end(), m.group(0)) for m in _CLAUSE_BREAK_RE.finditer(norm)]
    found = sorted(found + [(a, b, " ") for a, b in breaks])
    for start, end, what in found:
        if bounds[-1] > start:
            continue
        if inside.holds(start, end):
            continue  # a "." or "-" that belongs to a recognised phrase
        if what.strip() == "-" and end in parts_at:
            continue  # "2 tablet - every 4 hours - when required": the dash joins the dose's parts
        # a "." inside "q.d. " or "b.i.d. " is an abbreviation, not a sentence end
        if what == "." and re.search(r"(?:\b[a-z]\.[a-z]|\bh\.s|\bp\.o|\bi\.v|\bi\.m|\bmax|\bapprox)$",
                                     norm[max(0, start - 6):start], re.I):
            continue
        bounds.append(start)
        bounds.append(end)
    bounds.append(len(norm))
    out = []
    for i in range(0, len(bounds), 2):
        a, b = bounds[i], bounds[i + 1]
        if b > a:
            out.append((a, b))
    return out
