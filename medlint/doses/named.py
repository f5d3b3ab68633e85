"""Stage 7a', a count of a medicine named after it: "Take 2 co-codamol tablets every 4 hours",
"Take 3 paracetamol 500 mg tablets", "I take 3 of the 30/500 co-codamol", "Take 2 Tylenol Extra
Strength caplets", "Take 2 tablets of co-codamol 30/500", "one or two 500 mg paracetamol tablets".

The count is the dose's amount; a strength in mass ("500 mg") is the strength of each unit
counted; a combination strength ("30/500") is the product's and neither a dose nor a count.
The names are those of checks/medicine-names.yaml and of the ceilings of checks/dosing.yaml;
the words between them (``named_counts`` of checks/dose-lexicon.yaml) are data. A schedule
must follow, so "a pack of 32 paracetamol 500 mg tablets" stays a mention."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from medlint import policy
from medlint.prefilter import LazyPattern

from . import lexicon as _lexicon
from . import units as _units
from .combinations import CombinationNames
from .lexicon import _words_rx
from .model import Amount, AmountEnd, Form, Piece, Strength

if TYPE_CHECKING:
    from .reading import Reading

# "30/500", "8/500": two strengths of a combination, never followed by a unit of its own
_COMBINATION = (r"[ ]{1,2}\d{1,4}(?:\.\d{1,2})?[ ]?/[ ]?\d{1,4}(?:\.\d{1,2})?(?![\d./])"
                r"(?![ ]?(?:mg|mcg|µg|g|ml|micrograms?|milligrams?|%)(?![A-Za-z]))")
_WORD = re.compile(r"[ ]{1,2}(?P<w>[A-Za-z]{2,14})(?![A-Za-z])")
_SPACES = re.compile(r"[ ]{1,2}")


class NamedCounts:
    """The compiled names and joining words."""

    def __init__(self, lex: dict, names: dict, dosing: dict) -> None:
        words = set()
        for med in names["medicines"]:
            words.add(med["substance"])
            words.update(n["name"] for n in med["names"])
        words.update(c["name"] for c in names["combinations"])
        for c in dosing["ceilings"]:
            words.add(c["name"])
            words.update(c.get("synonyms", []))
        nc = lex["named_counts"]
        self.name = LazyPattern(rf"[ ]{{1,2}}(?P<n>{_words_rx(words)})s?(?![A-Za-z\d-])", re.I)
        # "Take 2 hydrocodone-acetaminophen 5/325 tablets": a product named by its substances
        joined = CombinationNames(lex, names, dosing).source
        self.joined = LazyPattern(rf"[ ]{{1,2}}(?P<n>{joined})", re.I) if joined else None
        self.join = LazyPattern(rf"[ ]{{1,2}}{_words_rx(nc['joins'])}(?![A-Za-z])", re.I)
        self.qualifier = LazyPattern(rf"[ ]{{1,2}}{_words_rx(nc['qualifiers'])}(?![A-Za-z])", re.I)
        self.combination = LazyPattern(_COMBINATION, re.I)
        # "one or two 500 mg paracetamol tablets up to four times a day": a ceiling before the frequency
        self.ceiling = LazyPattern(rf"[ ,]{{0,2}}{_words_rx(lex['frequency_ceiling_words'])}(?![A-Za-z])", re.I)


def named_counts() -> NamedCounts:
    return policy.derived(NamedCounts, policy.load("dose-lexicon"), policy.load("medicine-names"),
                          policy.load("dosing"))


@dataclass
class Named:
    """What a count of a named medicine reads: the count (without the name read as its unit),
    the medicine, the strength of each unit, the form counted and where it ends."""

    amount: Amount
    substance: Piece
    strength: Strength | None
    form: Form | None
    end: int
    scheduled: bool


def count_of_named(r: "Reading", am: Amount, starts_of: dict) -> Named | None:
    """The count ``am`` of a medicine named after it, or None. ``Named.scheduled`` says
    whether a schedule follows all of it."""
    u = am.unit
    if u is not None and u.kind not in ("unknown", "count"):
        return None
    nc, norm = named_counts(), r.norm
    last = am.high if am.high is not None else am.low
    counted = u is not None and u.kind == "count" and nc.name.match(norm, last.number.span[1]) is None
    p = am.span[1] if counted else last.number.span[1]  # counted: "2 tablets of co-codamol 30/500"
    m = nc.join.match(norm, p)
    if m is None and counted:
        return None
    p = m.end() if m else p
    p, strength = _strength_at(r, p, starts_of, None)  # "of the 30/500 co-codamol", "two 500 mg paracetamol"
    nm = (nc.joined.match(norm, p) if nc.joined is not None else None) or nc.name.match(norm, p)
    if nm is None or _lexicon.lexicon().not_doses.content_cue(norm[max(0, am.span[0] - 60):am.span[0]]):
        return None
    p, strength = _strength_at(r, nm.end(), starts_of, strength)
    for _ in range(3):
        q = nc.qualifier.match(norm, p)
        if q is None:
            break
        p = q.end()
    form = None if counted else _form_at(r.text, norm, p)
    if form is not None:
        p = form.span[1]
    substance = Piece(r.text[nm.start("n"):nm.end("n")], nm.span("n"))
    return Named(am if counted else _bare(r.text, am), substance, strength, form, p, _schedule_after(r, p))


def _schedule_after(r: "Reading", p: int) -> bool:
    """Does a schedule follow ``p``, right after it or after "up to"?"""
    m = named_counts().ceiling.match(r.norm, p)
    return r.context_after(p) or (m is not None and r.context_after(m.end()))


def taken(norm: str, start: int) -> bool:
    """Does a verb of taking stand before ``start`` in its sentence ("You can take 2 paracetamol
    tablets"), unlike "2 paracetamol tablets were found in the bag"?"""
    a = max(norm.rfind(c, 0, start) for c in ".;!?\n")
    return _lexicon.lexicon().not_doses.dose_verb.search(norm, a + 1, start) is not None


def _strength_at(r: "Reading", p: int, starts_of: dict, strength: Strength | None):
    """Past a combination strength ("30/500") or a mass strength ("500 mg") at ``p``:
    (its end, the strength of each unit, if one in mass was read)."""
    nc = named_counts()
    c = nc.combination.match(r.norm, p)
    if c is not None:
        return c.end(), strength
    s = _SPACES.match(r.norm, p)
    pair = next((c.strengths_span[1] for c in r.combinations if s and c.strengths_span
                 and c.strengths_span[0] == s.end()), None)
    if pair is not None:
        return pair, strength  # "hydrocodone/acetaminophen 5 mg/325 mg": each substance's (combinations)
    a = starts_of.get(s.end()) if s else None
    if a is None or a.unit is None or a.unit.kind not in ("mass", "activity") or a.is_range:
        return p, strength
    if r.norm[a.span[1]:a.span[1] + 1] == "/":
        return p, strength  # a concentration is no strength of a counted unit
    return a.span[1], Strength(a.upper.value, a.unit.written, "unit", a.raw, a.span)


def _form_at(text: str, norm: str, p: int) -> Form | None:
    m = _WORD.match(norm, p)
    spl = _units.lookup_spelling(m.group("w")) if m else None
    if spl is None or spl.kind != "count" or not spl.unit:
        return None
    return Form(spl.unit, text[m.start("w"):m.end("w")], m.span("w"))


def _bare(text: str, am: Amount) -> Amount:
    """The count without the word read as its unit ("2 co" of "2 co-codamol")."""
    low = _end(text, am.low)
    high = _end(text, am.high) if am.high is not None else None
    s, e = am.span[0], (high or low).span[1]
    return Amount(low, high, am.separator, text[s:e], (s, e))


def _end(text: str, end: AmountEnd) -> AmountEnd:
    n = end.number
    return AmountEnd(end.value, n, None, text[n.span[0]:n.span[1]], n.span)
