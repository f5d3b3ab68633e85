"""One text as the dose reader's stages see it: the normalised text, its quantities,
modifiers, limits, tables and clauses, each found once and asked by the later stages."""

from __future__ import annotations

import bisect

from . import lexicon as _lexicon
from .clauses import _clauses
from .combinations import find_combinations
from .limits import _scan_limits
from .modifiers import _dedupe, _form_mods, _joined_frequencies, _Mod, _scan_mods, _Titrations
from .amounts import _scan_amounts, _with_word_counts
from .grids import with_grids
from .model import Amount, AmountEnd
from .tables import _Tables
from .text import normalize, _Spans


_DOSE_PARTS = ("freq", "dur", "prn")  # what a dash may join to the amount before it


class Reading:
    """The stages' findings over one text (``text``, its fold ``norm``): ``amounts``,
    ``mods`` (frequencies, as needed, routes, forms, durations, titration markers) and
    ``limits`` in text order, the ``tables``, the ``combinations`` (products named by joining
    their substances' names) and, once :meth:`cut` has run, the clauses."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.norm = norm = normalize(text)
        self.combinations = find_combinations(text, norm)
        amounts = _with_word_counts(text, norm, with_grids(text, norm, _scan_amounts(text, norm)))
        # the strengths of a combination ("5-500 mg" of hydrocodone-acetaminophen) are no range:
        # they are one unit of the product
        if any(c.strengths_span for c in self.combinations):
            held = _Spans([c.strengths_span for c in self.combinations if c.strengths_span])
            units = [u for u in (c.one_unit(text, norm) for c in self.combinations if not _counted_before(norm, c))
                     if u is not None]
            amounts = sorted([a for a in amounts if not held.overlaps(a.span)] + units, key=lambda a: a.span)
        self.amounts = amounts
        self.forms = _form_mods(text, norm)
        self.mods: list[_Mod] = []
        self.limits: list[_Mod] = []
        self.clauses: list[tuple[int, int]] = []
        self._clause_starts: list[int] = []

    def has_anchor(self) -> bool:
        """Every dose is anchored on an amount, or on a dose pack when there is none."""
        return bool(self.amounts) or any(f.obj.name == "dose-pack" for f in self.forms)

    def scan(self) -> None:
        """Modifiers and limits: a titration marker wins over an "up to" maximum it overlaps
        ("increase up to"), and a frequency inside a limit belongs to it ("no more than 4
        times a day")."""
        text, norm = self.text, self.norm
        mods = _joined_frequencies(text, norm, _dedupe(_scan_mods(text, norm, self.forms)))
        self._context_starts = {m.start for m in mods if m.cat in ("freq", "prn", "route", "directions")}
        self.amounts = [self._elliptical(i, am) for i, am in enumerate(self.amounts)]
        self.tables = _Tables(norm)
        limits = _dedupe(_scan_limits(text, norm, self.amounts, self.tables))
        titr = _Spans([(m.start, m.end) for m in mods if m.cat == "titrate" and m.obj.raw.lower() != "then"])
        self.limits = [l for l in limits if not titr.overlaps((l.start, l.end))]
        in_limits = _Spans(self.limit_spans())
        self.mods = [m for m in mods if not (m.cat == "freq" and in_limits.overlaps((m.start, m.end)))]
        self.forms = [m for m in self.mods if m.cat == "form"]
        self.titrations = _Titrations(self.mods)
        self._context_starts = {m.start for m in self.mods if m.cat in ("freq", "prn", "route", "form", "directions")}

    def _elliptical(self, i: int, am):
        """``am`` with the unit of the amount before it when it is a bare number said after it
        ("400 milligrams before the start, and then 400 every two hours"): right after an
        ``elliptical_joins`` wording, the nearest amount before it in its sentence has a unit of
        mass, volume or activity, and a frequency, as-needed wording or route follows it."""
        if am.unit is not None or am.is_range or i == 0 or am.implied:
            return am
        prev = self.amounts[i - 1]
        u = prev.unit
        if u is None or u.kind not in ("mass", "volume", "activity") or prev.mixed_units:
            return am
        norm = self.norm
        between = norm[prev.span[1]:am.span[0]]
        if any(ch in between for ch in ".;!?\n") or not self.context_after(am.span[1]):
            return am
        lead = norm[max(prev.span[1], am.span[0] - 24):am.span[0]]
        if _lexicon.lexicon().elliptical_join.search(lead) is None:
            return am
        low = am.low
        return Amount(AmountEnd(low.value, low.number, u, low.raw, low.span), None, None, am.raw, am.span)

    def limit_spans(self) -> list[tuple[int, int]]:
        return [(l.start, l.end) for l in self.limits]

    def spans_of(self, *cats: str, limits: bool = True) -> _Spans:
        """The spans of the modifiers of ``cats`` (and of the limits)."""
        spans = [(m.start, m.end) for m in self.mods if m.cat in cats]
        return _Spans(spans + (self.limit_spans() if limits else []))

    def context_after(self, pos: int) -> bool:
        """Does a frequency, as-needed wording, route or form follow ``pos`` (after blanks,
        commas and a "to be taken")?  Then the bare number before it is a dose."""
        norm = self.norm
        p = _skip_blanks(norm, pos)
        m = _lexicon.lexicon().not_doses.taken.match(norm, p)  # "One to be taken each day"
        if m:
            p = _skip_blanks(norm, m.end())
        return p in self._context_starts

    def cut(self) -> None:
        """The clauses, never cut inside a recognised phrase."""
        inside = [(m.start, m.end) for m in self.mods if m.cat != "titrate"] + self.limit_spans()
        parts_at = frozenset([m.start for m in self.mods if m.cat in _DOSE_PARTS] + [l.start for l in self.limits])
        self.clauses = _clauses(self.norm, inside, self.tables.breaks, parts_at)
        self._clause_starts = [c[0] for c in self.clauses]  # clauses are sorted and apart

    def clause_of(self, pos: int) -> tuple[int, int]:
        i = bisect.bisect_right(self._clause_starts, pos) - 1
        if i >= 0 and pos < self.clauses[i][1]:
            return self.clauses[i]
        return (pos, pos)


def _skip_blanks(norm: str, p: int) -> int:
    while p < len(norm) and norm[p] in " ,":
        p += 1
    return p


_COUNT_REACH = 30  # characters before a combination's name where a count of it stands


def _counted_before(norm: str, c) -> bool:
    """Does a count stand just before the product's name in its sentence ("Take 2 tablets of
    hydrocodone/acetaminophen 5/325")? Then its strengths are no unit of their own."""
    a = c.name.span[0]
    lead = norm[max(0, a - _COUNT_REACH):a]
    lead = lead[max(lead.rfind(ch) for ch in ".;:!?\n") + 1:]
    return any(ch.isdigit() for ch in lead) or _lexicon.lexicon().number_rx.search(lead) is not None
