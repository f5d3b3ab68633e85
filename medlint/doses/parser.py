"""Dose-expression parser: the facade over the reader's stages.

``parse_doses(text)`` reads an item sentence ("Ibuprofen 400-600 mg every 6 h
with food - NSAID; ...") the way a pharmacist would and returns structured
:class:`Dose` objects.  It is a pure function of the text and does not need
pint: quantities are only built (lazily, via :mod:`medlint.doses.units`) when a
caller asks for them.

Every parsed piece keeps its ``raw`` text and its ``span`` ``(start, end)``
into the ORIGINAL text, so ``text[start:end] == raw`` always holds.  The
reader works on a length-preserving normalisation of the text so that offsets
never drift.

The stages, each a module of small pure functions:

- :mod:`.text` normalise (the length-preserving fold, spans);
- :mod:`.numbers` numbers as written and their values;
- :mod:`.amounts` numbers with their units, counts written as words;
- :mod:`.modifiers` frequencies, as needed, routes, forms, durations, titration markers;
- :mod:`.limits` stated maxima;
- :mod:`.clauses` (with :mod:`.tables`) where clauses begin and end;
- :mod:`.anchors` the quantities that are doses; :mod:`.assemble` the Doses built from them;
- :mod:`.substance` the medicine a clause names;
- :mod:`.arithmetic` the daily maximum a dose allows; :mod:`.records` its plain-data form.
"""

from __future__ import annotations

from .arithmetic import DailyMax
from .assemble import column_row, may_hold_dose, parse_doses
from .model import (Amount, AmountEnd, Dose, Duration, Form, Frequency, Limit, Piece, Route, Strength,
                    UnitToken)
from .amounts import find_quantities
from .text import normalize
from .values import Span

__all__ = [
    "Span", "Piece", "UnitToken", "AmountEnd", "Amount", "Strength", "Frequency",
    "Route", "Form", "Duration", "Limit", "Dose", "DailyMax",
    "parse_doses", "may_hold_dose", "column_row", "find_quantities", "normalize",
]
