"""Dose grids of South Asian prescriptions: "Tab. Metformin 500 mg 1-0-1" is one tablet in the
morning, none at noon and one at night (the slots and their wordings are the lexicon's
``dose_grids``). A grid is read only right after a strength ("500 mg 1-0-1"), on a line
opened by a form ("Tab. Dolo 650 1-0-1") after a number, or with a form right after it ("1-0-1
tab x 5 days"): "scored 1-0-1" or a date is none. The form before or after it is its unit."""

from __future__ import annotations

from dataclasses import dataclass

from . import lexicon as _lexicon
from . import units as _units
from .model import Amount, AmountEnd, Frequency, Piece, UnitToken
from .text import _lazy

# the token before a grid: a number and its unit, if any ("500 mg ", "650 ")
_LEAD = _lazy(r"(?<![\w.,])\d[\d.,]*(?:[ ]?(?P<u>[A-Za-zµ]+))?[ ]{1,3}$")
_GRID_KINDS = ("mass", "activity")


@dataclass(frozen=True)
class Grid:
    """One grid: its span, the counts of its slots and the form opening its line, if any."""

    span: tuple[int, int]
    first_end: int  # the end of the first slot
    counts: tuple[float, ...]
    unit: UnitToken | None

    @property
    def taken(self) -> tuple[float, ...]:
        return tuple(c for c in self.counts if c > 0)


def find_grids(text: str, norm: str) -> list[Grid]:
    """The dose grids of ``norm`` that follow a strength (or a number on a form's line)."""
    lex = _lexicon.lexicon()
    out = []
    for m in lex.grid_rx.finditer(norm):
        lead = norm[max(0, m.start() - 40):m.start()]
        prefix = _form_prefix(text, norm, m.start(), lex)
        suffix = _form_suffix(text, norm, m.end(), lex)
        if suffix is None and not _after_strength(lead, prefix is not None):
            continue  # a grid with its form after it ("1-0-1 tab x 5 days") needs no strength before
        slots = m.group(0).split("-")
        counts = tuple(lex.grid_slots[s] for s in slots)
        if not any(c > 0 for c in counts):
            continue
        out.append(Grid(m.span(), m.start() + len(slots[0]), counts, prefix or suffix))
    return out


def _after_strength(lead: str, on_form_line: bool) -> bool:
    lm = _LEAD.search(lead)
    if lm is None:
        return False
    if lm.group("u") is None:
        return on_form_line
    spl = _units.lookup_spelling(lm.group("u"))
    return spl is not None and spl.kind in _GRID_KINDS


def _form_prefix(text: str, norm: str, pos: int, lex) -> UnitToken | None:
    """The form opening the grid's line ("Tab.", "Cap"), as the unit of its counts."""
    line = max(norm.rfind(c, 0, pos) for c in "\n;") + 1
    m = lex.grid_prefix_rx.match(norm, line)
    if m is None:
        return None
    a, b = m.span("f")
    return UnitToken(text[a:b], (a, b), lex.grid_prefixes[m.group("f").lower()], "count")


def _form_suffix(text: str, norm: str, end: int, lex) -> UnitToken | None:
    """The form right after a grid ("500 mg 1-0-1 tab after food", "1-1-1 caps"), as the unit of
    its counts."""
    m = lex.grid_suffix_rx.match(norm, end)
    if m is None:
        return None
    a, b = m.span("f")
    return UnitToken(text[a:b], (a, b), lex.grid_prefixes[m.group("f").lower()], "count")


def grid_amount(text: str, g: Grid) -> Amount:
    """The amount of one administration, the fewest to the most units a slot gives, written at
    the grid's first slot (the rest of the grid is its frequency, :func:`grid_frequency`)."""
    a, b = g.span[0], g.first_end
    lo, hi = min(g.taken), max(g.taken)
    low = AmountEnd(lo, Piece(text[a:b], (a, b)), None if hi != lo else g.unit, text[a:b], (a, b))
    high = AmountEnd(hi, Piece(text[a:b], (a, b)), g.unit, text[a:b], (a, b)) if hi != lo else None
    return Amount(low, high, None, text[a:b], (a, b))


def grid_frequency(text: str, g: Grid) -> Frequency:
    """As many administrations a day as slots give a count: the grid after its first slot."""
    n = float(len(g.taken))
    a, b = g.first_end, g.span[1]
    return Frequency("times_daily" if n > 1 else "daily", text[a:b], (a, b), n)


def with_grids(text: str, norm: str, amounts: list[Amount]) -> list[Amount]:
    """``amounts`` with each grid's numbers replaced by the grid's amount."""
    grids = find_grids(text, norm)
    if not grids:
        return amounts
    kept = [am for am in amounts if not any(am.span[0] < g.span[1] and g.span[0] < am.span[1] for g in grids)]
    return sorted(kept + [grid_amount(text, g) for g in grids], key=lambda am: am.span[0])
