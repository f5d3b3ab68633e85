"""Dose-expression parser.

``parse_doses(text)`` reads an item sentence ("Ibuprofen 400-600 mg every 6 h
with food - NSAID; ...") the way a pharmacist would and returns structured
:class:`Dose` objects.  It is a pure function of the text and does not need
pint: quantities are only built (lazily, via :mod:`medlint.doses.units`) when a
caller asks for them.

Every parsed piece keeps its ``raw`` text and its ``span`` ``(start, end)``
into the ORIGINAL text, so ``text[start:end] == raw`` always holds.  The
parser works on a length-preserving normalisation of the text (dashes,
micro signs, multiplication signs and odd spaces folded to one form) so that
offsets never drift.
"""

from __future__ import annotations

import bisect
import math
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Iterator

from . import lexicon as _lexicon
from . import units as _units

Span = tuple[int, int]

__all__ = [
    "Span", "Piece", "UnitToken", "AmountEnd", "Amount", "Strength", "Frequency",
    "Route", "Form", "Duration", "Limit", "Dose", "DailyMax",
    "parse_doses", "find_quantities", "normalize",
]

# ---------------------------------------------------------------------------
# normalisation (length preserving: one character in, one character out)

_FOLD = str.maketrans({
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-",
    "\u2015": "-", "\u2212": "-", "\ufe63": "-", "\uff0d": "-",
    "\u00a0": " ", "\u2007": " ", "\u2009": " ", "\u200a": " ", "\u202f": " ",
    "\t": " ", "\u3000": " ",
    "\u03bc": "\u00b5",  # Greek mu -> micro sign
    "\u00d7": "x", "\u2715": "x", "\u2a2f": "x",
    "\u2019": "'",
})


def normalize(text: str) -> str:
    """Length-preserving fold used internally; exposed for tests and checks."""
    out = text.translate(_FOLD)
    assert len(out) == len(text)
    return out


# ---------------------------------------------------------------------------
# data model
#
# The parser's results are small immutable values. They are plain classes with
# ``__slots__`` and a written-out ``__init__`` rather than frozen dataclasses:
# a frozen dataclass ``exec``s six generated methods when its module is
# imported (~0.45 ms each class, ~7 ms for this module, ~2.5% of the
# pre-commit hook on a long article), while these come from byte code.
# :class:`_Value` gives them what ``@dataclass(frozen=True)`` gave: equality
# and hashing by field values, a readable repr, assignment refused, pickling.

_set = object.__setattr__


class _Value:
    """Base of the parser's value types: the fields are the class's ``__slots__``,
    in the order of its ``__init__`` parameters."""

    __slots__ = ()

    def _values(self) -> tuple:
        return tuple([getattr(self, name) for name in self.__slots__])

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self._values() == other._values()  # type: ignore[attr-defined]

    def __hash__(self) -> int:
        return hash(self._values())

    def __repr__(self) -> str:
        args = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.__slots__)
        return f"{self.__class__.__qualname__}({args})"

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"{self.__class__.__name__} is immutable: cannot assign to field {name!r}")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"{self.__class__.__name__} is immutable: cannot delete field {name!r}")

    def __reduce__(self):
        return (self.__class__, self._values())


class Piece(_Value):
    """A verbatim slice of the text."""

    __slots__ = ("raw", "span")

    def __init__(self, raw: str, span: Span) -> None:
        _set(self, "raw", raw)
        _set(self, "span", span)


class UnitToken(_Value):
    """A unit word as written after a number.

    ``unit`` is the canonical pint unit name when the lexicon accepts the
    spelling (None otherwise, e.g. ``"mgs"``); ``kind`` is one of mass,
    volume, activity, count, percent, length, angle, time, or ``unknown``.
    """

    __slots__ = ("raw", "span", "unit", "kind")

    def __init__(self, raw: str, span: Span, unit: str | None, kind: str) -> None:
        _set(self, "raw", raw)
        _set(self, "span", span)
        _set(self, "unit", unit)
        _set(self, "kind", kind)

    @property
    def is_dose_unit(self) -> bool:
        return self.kind in _units.DOSE_KINDS

    def pint_known(self) -> bool:
        """Can pint read the unit exactly as written? (builds the registry)"""
        return _units.pint_knows(self.raw)

    def dimension(self) -> str | None:
        """pint dimensionality, e.g. ``"[mass]"``; None if unreadable."""
        if self.unit is not None:
            return _units.dimension_of(self.unit)
        return _units.dimension_of(self.raw)


class AmountEnd(_Value):
    """One end of an amount: the number as written plus any unit right after it.

    ``raw`` covers number and unit together ("750mg", ".5 mg", "5.0 mg") so a
    notation check can see spacing, naked and trailing-zero decimals.
    """

    __slots__ = ("value", "number", "unit", "raw", "span")

    def __init__(self, value: float, number: Piece, unit: UnitToken | None, raw: str, span: Span) -> None:
        _set(self, "value", value)
        _set(self, "number", number)
        _set(self, "unit", unit)
        _set(self, "raw", raw)
        _set(self, "span", span)


class Amount(_Value):
    """A number or range with its unit ("500-1000 mg", "400 mg-0.6 g").

    ``implied`` marks an amount the text implies, e.g. the "1 patch" of "5 % Patch".
    """

    __slots__ = ("low", "high", "separator", "raw", "span", "implied")

    def __init__(self, low: AmountEnd, high: AmountEnd | None, separator: Piece | None, raw: str, span: Span,
                 implied: bool = False) -> None:
        _set(self, "low", low)
        _set(self, "high", high)
        _set(self, "separator", separator)
        _set(self, "raw", raw)
        _set(self, "span", span)
        _set(self, "implied", implied)

    @property
    def unit(self) -> UnitToken | None:
        """The effective unit (the high end's, else the low end's)."""
        if self.high is not None and self.high.unit is not None:
            return self.high.unit
        return self.low.unit

    @property
    def is_range(self) -> bool:
        return self.high is not None

    @property
    def upper(self) -> AmountEnd:
        return self.high if self.high is not None else self.low

    @property
    def mixed_units(self) -> bool:
        """True when both ends carry differently written units (400 mg-0.6 g)."""
        return (
            self.high is not None and self.low.unit is not None
            and self.high.unit is not None
            and self.low.unit.raw.replace("μ", "µ") != self.high.unit.raw.replace("μ", "µ")
        )

    def quantity(self, end: str = "upper"):
        """pint Quantity of ``"low"``, ``"high"`` or ``"upper"`` (default)."""
        e = {"low": self.low, "high": self.high, "upper": self.upper}[end]
        if e is None:
            return None
        u = e.unit if e.unit is not None else self.unit
        if u is None or u.unit is None:
            return None
        return _units.get_registry().Quantity(e.value, u.unit)


class Strength(_Value):
    """Product strength: ``5 %`` or a concentration such as ``10 mg/mL``.

    ``unit`` is "%" or e.g. "mg/mL" as written; ``kind`` is "percent" or "concentration".
    """

    __slots__ = ("value", "unit", "kind", "raw", "span")

    def __init__(self, value: float, unit: str, kind: str, raw: str, span: Span) -> None:
        _set(self, "value", value)
        _set(self, "unit", unit)
        _set(self, "kind", kind)
        _set(self, "raw", raw)
        _set(self, "span", span)


class Frequency(_Value):
    """How often.  ``administrations_per_day`` is the average rate at the
    most frequent end (every 4-6 h -> 6; weekly -> 1/7);
    ``max_administrations_per_24h`` is the most doses that can fall into one
    24-hour window (every 5 h -> 5, weekly -> 1)."""

    __slots__ = ("kind", "raw", "span", "administrations_per_day", "interval_hours")

    def __init__(self, kind: str, raw: str, span: Span, administrations_per_day: float | None,
                 interval_hours: tuple[float, float] | None = None) -> None:
        _set(self, "kind", kind)
        _set(self, "raw", raw)
        _set(self, "span", span)
        _set(self, "administrations_per_day", administrations_per_day)
        _set(self, "interval_hours", interval_hours)

    @property
    def max_administrations_per_24h(self) -> int | None:
        apd = self.administrations_per_day
        if apd is None:
            return None
        if self.interval_hours is not None:
            return max(1, math.ceil(24 / min(self.interval_hours) - 1e-9))
        return max(1, math.ceil(apd - 1e-9))


class Route(_Value):
    """A route of administration as written, with its canonical name
    (oral, intravenous, intramuscular, subcutaneous, ...)."""

    __slots__ = ("name", "raw", "span")

    def __init__(self, name: str, raw: str, span: Span) -> None:
        _set(self, "name", name)
        _set(self, "raw", raw)
        _set(self, "span", span)


class Form(_Value):
    """A product form as written, with its canonical name
    (patch, cream, gel, tablet, dose-pack, injection, ...)."""

    __slots__ = ("name", "raw", "span")

    def __init__(self, name: str, raw: str, span: Span) -> None:
        _set(self, "name", name)
        _set(self, "raw", raw)
        _set(self, "span", span)


class Duration(_Value):
    """How long a course lasts, in days (a range when days_high is set)."""

    __slots__ = ("days", "days_high", "raw", "span")

    def __init__(self, days: float, days_high: float | None, raw: str, span: Span) -> None:
        _set(self, "days", days)
        _set(self, "days_high", days_high)
        _set(self, "raw", raw)
        _set(self, "span", span)


class Limit(_Value):
    """A stated maximum.  ``kind`` is per_dose, per_day, doses_per_day or
    duration.  ``value`` is in ``amount``'s unit, in doses, or in days.
    ``assumed`` is True when the text did not say per what ("max 1200 mg" is
    read as per day); ``per_weight`` is the "/kg" of a weight-based limit."""

    __slots__ = ("kind", "value", "raw", "span", "amount", "assumed", "per_weight")

    def __init__(self, kind: str, value: float, raw: str, span: Span, amount: Amount | None = None,
                 assumed: bool = False, per_weight: Piece | None = None) -> None:
        _set(self, "kind", kind)
        _set(self, "value", value)
        _set(self, "raw", raw)
        _set(self, "span", span)
        _set(self, "amount", amount)
        _set(self, "assumed", assumed)
        _set(self, "per_weight", per_weight)


class DailyMax(_Value):
    """The largest amount a dose allows per day, and the arithmetic that gives it:
    ``quantity`` is a pint Quantity per day (e.g. milligram / day), ``explanation``
    the working (e.g. "1000 mg × 4/day = 4 g/day")."""

    __slots__ = ("quantity", "explanation")

    def __init__(self, quantity: Any, explanation: str) -> None:
        _set(self, "quantity", quantity)
        _set(self, "explanation", explanation)


_UNSET = object()


class _Worked(_Value):
    """A value that keeps what is worked out from it once (not one of its fields, so not
    part of its equality): doses are shared, frozen objects (the checks' parse memo hands
    the same Dose to every check), so each works its daily maximum out once."""

    __slots__ = ("_daily",)


class Dose(_Worked):
    """One dose as a pharmacist reads it.  See module docs for the fields.

    ``per`` is "dose" or "day" (mg/day, per day, a day, daily total);
    ``per_weight`` is the "/kg" of mg/kg; ``titration_marker`` the marker that
    led to this step; ``unit_problem`` one of unknown_unit, not_dose_unit,
    mixed_units, missing_unit.
    """

    __slots__ = ("text", "span", "substance", "substance_key", "amount", "per", "per_piece", "per_weight",
                 "strength", "frequency", "as_needed", "route", "form", "duration", "taper", "max_per_dose",
                 "max_per_day", "max_doses_per_day", "max_duration_days", "titration", "titration_marker",
                 "unit_problem")

    def __init__(self, text: str, span: Span, substance: Piece | None = None, substance_key: str | None = None,
                 amount: Amount | None = None, per: str = "dose", per_piece: Piece | None = None,
                 per_weight: Piece | None = None, strength: Strength | None = None,
                 frequency: Frequency | None = None, as_needed: Piece | None = None, route: Route | None = None,
                 form: Form | None = None, duration: Duration | None = None, taper: Piece | None = None,
                 max_per_dose: Limit | None = None, max_per_day: Limit | None = None,
                 max_doses_per_day: Limit | None = None, max_duration_days: Limit | None = None,
                 titration: tuple[Dose, ...] = (), titration_marker: Piece | None = None,
                 unit_problem: str | None = None) -> None:
        _set(self, "text", text)
        _set(self, "span", span)
        _set(self, "substance", substance)
        _set(self, "substance_key", substance_key)
        _set(self, "amount", amount)
        _set(self, "per", per)
        _set(self, "per_piece", per_piece)
        _set(self, "per_weight", per_weight)
        _set(self, "strength", strength)
        _set(self, "frequency", frequency)
        _set(self, "as_needed", as_needed)
        _set(self, "route", route)
        _set(self, "form", form)
        _set(self, "duration", duration)
        _set(self, "taper", taper)
        _set(self, "max_per_dose", max_per_dose)
        _set(self, "max_per_day", max_per_day)
        _set(self, "max_doses_per_day", max_doses_per_day)
        _set(self, "max_duration_days", max_duration_days)
        _set(self, "titration", titration)
        _set(self, "titration_marker", titration_marker)
        _set(self, "unit_problem", unit_problem)
        _set(self, "_daily", _UNSET)

    # -- conveniences -----------------------------------------------------
    @property
    def weight_based(self) -> bool:
        return self.per_weight is not None

    @property
    def single(self) -> bool:
        return self.frequency is not None and self.frequency.kind == "single"

    @property
    def steps(self) -> tuple["Dose", ...]:
        """All titration steps including this (starting) dose."""
        return (self,) + self.titration

    def pieces(self) -> Iterator[tuple[str, str, Span]]:
        """Every (name, raw, span) stored in this dose, recursively."""
        yield from _walk_pieces("dose", self)

    # -- arithmetic -------------------------------------------------------
    def daily_maximum(self) -> DailyMax | None:
        """Largest amount a day this dose allows, with the arithmetic spelled
        out; honours stated maxima.  None when not computable."""
        if self._daily is _UNSET:
            _set(self, "_daily", _daily_maximum(self))
        return self._daily

    def max_daily_amount(self):
        """pint Quantity (amount / day) or None.  See :meth:`daily_maximum`."""
        dm = self.daily_maximum()
        return None if dm is None else dm.quantity

    def to_record(self) -> dict:
        """Plain-data form for YAML; validated by schema/dose.schema.json."""
        return _dose_record(self)


def _walk_pieces(prefix: str, obj: Any) -> Iterator[tuple[str, str, Span]]:
    if obj is None:
        return
    if isinstance(obj, tuple) and obj and isinstance(obj[0], Dose):
        for i, d in enumerate(obj):
            yield from _walk_pieces(f"{prefix}[{i}]", d)
        return
    if not isinstance(obj, _Value):
        return
    if hasattr(obj, "raw") and hasattr(obj, "span"):
        yield prefix, obj.raw, obj.span
    if isinstance(obj, Dose):
        yield prefix, obj.text, obj.span
    for name in obj.__slots__:
        v = getattr(obj, name)
        if name in ("span", "raw", "text"):
            continue
        if isinstance(v, (_Value, tuple)):
            yield from _walk_pieces(f"{prefix}.{name}", v)


# ---------------------------------------------------------------------------
# lexical patterns


class _lazy:
    """A regex compiled on first use, so importing this module stays cheap
    (compiling all patterns up front costs ~20 ms)."""

    __slots__ = ("_args", "_rx")

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self._args = (pattern, flags)
        self._rx = None

    def _get(self) -> re.Pattern:
        if self._rx is None:
            self._rx = re.compile(*self._args)
        return self._rx

    def match(self, *a):
        return self._get().match(*a)

    def search(self, *a):
        return self._get().search(*a)

    def finditer(self, *a):
        return self._get().finditer(*a)

    def sub(self, *a):
        return self._get().sub(*a)


_SUP = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_SUP_MAP = {c: str(i) for i, c in enumerate(_SUP)}
_SUP_MAP["⁻"] = "-"

_NUM = r"(?:\d{1,3}(?:,\d{3})+(?![\d])|\d{1,3}(?:[ ]\d{3})+(?![\d.,])|\d+)(?:\.\d+)?|\.\d+"
# "1 1/2", "1/2", "½", "1½": halves, thirds and quarters (never "8/500", a combination's strengths)
_FRACTION = r"(?:\d{1,2}[ ])?[1-3]/[2-4](?![\d/])|(?:\d{1,2}[ ]?)?[½¼¾⅓⅔]"
_VULGAR = {"½": 0.5, "¼": 0.25, "¾": 0.75, "⅓": 1 / 3, "⅔": 2 / 3}
_VALUE = (
    rf"(?:{_FRACTION}|(?:{_NUM})[ ]?x[ ]?10(?:\^[ ]?-?\d+|\*\*-?\d+|⁻?[{_SUP}]+)"
    rf"|10(?:\^-?\d+|⁻?[{_SUP}]+)"
    rf"|(?:\d+(?:\.\d+)?)e[-+]?\d+(?![\w])"
    rf"|{_NUM})"
)
# a number may not be glued to a preceding word ("BPC-157", "L3", "Omega-3")
_VALUE_RE = _lazy(rf"(?<![\w.,^])(?<![A-Za-z]-)(?<!\d-)(?:{_VALUE})", re.I)
_VALUE_AT = _lazy(rf"(?:{_VALUE})", re.I)
_UNIT_RE = _lazy(
    r"(?P<sp>[ ]{0,2}|-)(?P<u>international units?|per cent|%|°"
    r"|[A-Za-zµ]+)(?![A-Za-zµ])"
)
_PLAIN_NUM_AT = _lazy(r"\d+(?:\.\d+)?(?![\d.,])")
_SEP_RE = _lazy(r"(?<![ ])(?P<pre>[ ]*)(?P<sep>-|to|or)(?P<post>[ ]*)(?=[\d.])", re.I)

# words that can follow a number without being its unit
_STOP_WORDS = frozenset("""
every each times time twice thrice daily a an at to and or with without for in of on off per
the than then as by from up max maximum not no do dose doses tid bid qid qd qod qhs hs prn
iv im sc sq po od bd tds qds nightly weekly monthly yearly annually once single stat orally
oral x is are was be day-old mg/kg after before until over under about approximately
""".split())

_PER_DAY_RE = _lazy(
    r"(?<![ ])(?P<q>[ ]+(?:elemental|total|base|daily))?"
    r"(?P<per>[ ]?/[ ]?(?:day|d|24[ ]?h(?:ours?|rs?)?)(?![A-Za-z])"
    r"|[ ]+(?:per|a|each|every)[ ]+day(?![A-Za-z])"
    r"|[ ]+daily[ ]+total(?![A-Za-z])"
    r"|[ ]+(?:per|in|every)[ ]+24[ ]?h(?:ours?|rs?)?(?![A-Za-z]))",
    re.I,
)
_PER_KG_RE = _lazy(r"(?<![ ])(?:[ ]?/[ ]?kg(?![A-Za-z])|[ ]+per[ ]+kg(?![A-Za-z]))", re.I)
_PER_DOSE_RE = _lazy(r"(?<![ ])(?:[ ]?/[ ]?dose(?![A-Za-z])|[ ]+per[ ]+dose(?![A-Za-z]))", re.I)
# "10 mg/mL", "125 mg/5 mL", "120mg/5ml", "160 mg/800 mg" (a combination's two strengths)
_CONC_RE = _lazy(r"[ ]?/[ ]?(?:\d{1,4}(?:\.\d{1,3})?[ ]?)?(?P<d>mL|ml|cc|L|g|mg|mcg|µg"
                 r"|tab(?:let)?|cap(?:sule)?|actuation|puff|spray|drop)(?![A-Za-z])")
# between an amount and the same amount in other units: "10 mcg (400 IU)", "220 mg (naproxen 200 mg)"
_EQUIVALENT_GAP = _lazy(r"[ ]{0,2}\([ ]{0,2}(?:[A-Za-z-]{1,20}[ ]){0,3}$")

_WORD_NUM = {
    "once": 1, "one": 1, "twice": 2, "two": 2, "thrice": 3, "three": 3, "four": 4,
    "five": 5, "six": 6, "seven": 7, "eight": 8,
}
_N = r"(?:\d{1,6}(?:\.\d{1,6})?|one|two|three|four|five|six|seven|eight)"
_H = r"h(?:ours?|rs?|r)?(?![A-Za-z])"


def _num_word(s: str) -> float:
    s = s.strip().lower()
    if s in _WORD_NUM:
        return float(_WORD_NUM[s])
    return float(s)


def _parse_value(raw: str) -> float:
    """Numeric value of a number as written ("1,000", ".5", "1 × 10⁶", "1 1/2", "½")."""
    frac = re.fullmatch(r"(?:(\d{1,2})[ ]?)?(?:([1-3])/([2-4])|([½¼¾⅓⅔]))", raw.strip())
    if frac:
        whole = float(frac.group(1) or 0)
        part = _VULGAR[frac.group(4)] if frac.group(4) else int(frac.group(2)) / int(frac.group(3))
        return whole + part
    s = normalize(raw).replace(" ", "").replace(",", "").lower()
    s = "".join(_SUP_MAP.get(c, c) for c in s)
    m = re.fullmatch(r"(?:(?P<m>[\d.]+)x)?10(?:\^|\*\*)?(?P<e>-?\d+)", s)
    if m and ("x" in s or "^" in s or "**" in s or any(c in raw for c in _SUP)):
        mant = float(m.group("m")) if m.group("m") else 1.0
        return mant * 10 ** int(m.group("e"))
    return float(s)


# frequency ------------------------------------------------------------------

_FREQ_PATTERNS: list[tuple[str, _lazy, Any]] = []


def _freq(kind: str, pattern: str, value: Any, flags: int = re.I) -> None:
    _FREQ_PATTERNS.append((kind, _lazy(pattern, flags), value))


def _every_hours(m: re.Match) -> tuple[float, tuple[float, float]]:
    lo = _num_word(m.group("a"))
    hi = _num_word(m.group("b")) if m.group("b") else lo
    lo, hi = min(lo, hi), max(lo, hi)
    if lo <= 0:
        return (None, None)  # type: ignore[return-value]
    return 24.0 / lo, (lo, hi)


_freq("interval", rf"\b(?:every|each)[ ]+(?P<a>{_N})(?:[ ]?(?:-|to)[ ]?(?P<b>{_N}))?[ ]?{_H}", _every_hours)
_freq("interval", rf"\bq\.?[ ]?(?P<a>\d+)(?:[ ]?(?:-|to)[ ]?(?P<b>\d+))?[ ]?{_H}", _every_hours)
_freq("interval", r"\b(?:every|each)[ ]+hour\b|\bhourly\b", lambda m: (24.0, (1.0, 1.0)))
_freq("interval", rf"\b(?:every|each)[ ]+(?P<a>{_N})(?:[ ]?(?:-|to)[ ]?(?P<b>{_N}))?[ ]?(?:min(?:utes?|s)?)(?![A-Za-z])",
      lambda m: (1440.0 / _num_word(m.group("a")), None) if _num_word(m.group("a")) > 0 else (None, None))
_freq("every_n_days", rf"\b(?:every|each)[ ]+(?P<a>{_N})(?:[ ]?(?:-|to)[ ]?(?P<b>{_N}))?[ ]?days?\b",
      lambda m: (1.0 / _num_word(m.group("a")), None) if _num_word(m.group("a")) > 0 else (None, None))
_freq("every_n_weeks", rf"\b(?:every|each)[ ]+(?P<a>{_N})(?:[ ]?(?:-|to)[ ]?(?P<b>{_N}))?[ ]?(?:weeks?|wks?)\b",
      lambda m: (1.0 / (7 * _num_word(m.group("a"))), None) if _num_word(m.group("a")) > 0 else (None, None))
_freq("every_n_months", rf"\b(?:every|each)[ ]+(?P<a>{_N})(?:[ ]?(?:-|to)[ ]?(?P<b>{_N}))?[ ]?months?\b",
      lambda m: (1.0 / (30 * _num_word(m.group("a"))), None) if _num_word(m.group("a")) > 0 else (None, None))
_freq("every_other_day", r"\bevery[ ]+other[ ]+day\b|\b(?:on[ ]+)?alternate[ ]+days\b|\bq\.?o\.?d\.?(?![A-Za-z])", 0.5)
_freq("times_daily",
      rf"\b(?P<a>{_N}|once|twice|thrice)(?:[ ]?(?:-|to)[ ]?(?P<b>{_N}))?[ ]?(?:times|x)?[ ]*"
      r"(?:daily|a[ ]+day|per[ ]+day|/[ ]?day|each[ ]+day|every[ ]+day|in[ ]+24[ ]?h(?:ours?)?)\b",
      lambda m: (max(_num_word(m.group("a")), _num_word(m.group("b") or m.group("a"))), None))
_freq("times_weekly",
      rf"\b(?P<a>{_N}|once|twice|thrice)(?:[ ]?(?:-|to)[ ]?(?P<b>{_N}))?[ ]?(?:times|x)?[ ]*"
      r"(?:weekly|a[ ]+week|per[ ]+week|/[ ]?week|each[ ]+week|every[ ]+week)\b",
      lambda m: (max(_num_word(m.group("a")), _num_word(m.group("b") or m.group("a"))) / 7.0, None))
_freq("daily", r"\b(?:daily|every[ ]+day|each[ ]+day|a[ ]+day|per[ ]+day|q\.?d\.?(?![A-Za-z]))", 1.0)
_freq("daily", r"\b(?:QD|QAM|QPM|qAM|qPM)\b", 1.0, 0)  # od, o.d.: checks/dose-lexicon.yaml
_freq("nightly",
      r"\b(?:at[ ]+(?:night|bedtime|bed[ ]?time)|nightly|every[ ]+(?:night|evening)|each[ ]+night"
      r"|before[ ]+bed(?:time)?|in[ ]+the[ ]+(?:evening|morning)|every[ ]+morning|nocte|mane"
      r"|q\.?h\.?s\.?|h\.s\.)(?![A-Za-z])", 1.0)
_freq("nightly", r"\b(?:HS|QHS)\b", 1.0, 0)
_freq("weekly", r"\b(?:weekly|every[ ]+week|once[ ]+(?:a|per)[ ]+week)\b", 1.0 / 7)
# "250 g to 500 g a week" (an amount a week), never "for a week" or "in a week" (a duration)
_freq("weekly", r"(?<!for[ ])(?<!in[ ])(?<!after[ ])(?<!within[ ])\b(?:a|per)[ ]+week\b", 1.0 / 7)
_freq("monthly", r"\b(?:monthly|every[ ]+month|once[ ]+(?:a|per)[ ]+month)\b", 1.0 / 30)
_freq("yearly", r"\b(?:yearly|annually|every[ ]+year|once[ ]+(?:a|per)[ ]+year)\b", 1.0 / 365)
_freq("times_daily", r"\b(?:t\.i\.d\.?|tid|t\.d\.s\.?|tds)(?![A-Za-z])", 3.0)
_freq("times_daily", r"\b(?:b\.i\.d\.?|bid|b\.d\.)(?![A-Za-z])", 2.0)
_freq("times_daily", r"\bBD\b", 2.0, 0)
_freq("times_daily", r"\b(?:q\.i\.d\.?|qid|q\.d\.s\.?|qds)(?![A-Za-z])", 4.0)
_freq("single",
      r"\b(?:single[ ]+(?:shot|dose|injection|infusion|application)|one[- ]time(?:[ ]+dose)?|once[ ]+only"
      r"|(?:for[ ]+the|as[ ]+a|the)[ ]+(?:first|loading|initial)[ ]+dose|on[ ]+day[ ]+\d{1,2}(?![\d-])"
      r"|stat|once)\b", 1.0)
_freq("on_off",
      rf"\b(?P<a>\d+(?:\.\d+)?)[ ]?{_H}[ ]+on[ ]*[/,;]?[ ]*(?:and[ ]+)?(?P<b>\d+(?:\.\d+)?)[ ]?{_H}[ ]+off\b",
      lambda m: (24.0 / (float(m.group("a")) + float(m.group("b")))
                 if float(m.group("a")) + float(m.group("b")) > 0 else None, None))

_PRN_RE = _lazy(
    r"\b(?:p\.r\.n\.?|prn|as[ ]+needed|as[ ]+required|when[ ]+required|when[ ]+needed|if[ ]+needed"
    r"|as[ ]+necessary|on[ ]+demand)(?![A-Za-z])", re.I)

_ROUTES: list[tuple[str, _lazy]] = []


def _route(name: str, pattern: str, flags: int = re.I) -> None:
    _ROUTES.append((name, _lazy(pattern, flags)))


_route("oral", r"\b(?:oral(?:ly)?|by[ ]+mouth|per[ ]+os)\b")
_route("oral", r"\bPO\b|\bp\.o\.(?![A-Za-z])", 0)
_route("intravenous", r"\bintravenous(?:ly)?\b|\bi\.v\.(?![A-Za-z])")
_route("intravenous", r"\bIV\b", 0)
_route("intramuscular", r"\bintramuscular(?:ly)?\b|\bi\.m\.(?![A-Za-z])")
_route("intramuscular", r"\bIM\b", 0)
_route("subcutaneous", r"\bsub-?cut(?:aneous(?:ly)?)?\b|\bsub-?q\b|\bs\.c\.(?![A-Za-z])")
_route("subcutaneous", r"\b(?:SC|SQ)\b", 0)
_route("epidural", r"\bepidural(?:ly)?\b")
_route("intradiscal", r"\bintra-?discal(?:ly)?\b")
_route("intra-articular", r"\bintra-?articular(?:ly)?\b")
_route("intrathecal", r"\bintrathecal(?:ly)?\b")
_route("intra-articular", r"\binto[ ]+the[ ]+(?:knee|joint|shoulder|hip|elbow)\b")
_route("topical", r"\btopical(?:ly)?\b|\b(?:cream|gel|ointment|lotion|foam)s?\b")
_route("transdermal", r"\btransdermal(?:ly)?\b|\bpatch(?:es)?\b")
_route("inhaled", r"\binhaled\b|\bby[ ]+inhalation\b|\binhaler\b|\bnebuli[sz]ed\b")
_route("rectal", r"\brectal(?:ly)?\b|\bper[ ]+rectum\b")
_route("rectal", r"\bPR\b", 0)
_route("sublingual", r"\bsublingual(?:ly)?\b")
_route("sublingual", r"\bSL\b", 0)
_route("nasal", r"\b(?:intra)?nasal(?:ly)?\b")

_FORM_RE = _lazy(
    r"\b(?P<f>dose[- ]?pack|dosepak|blister[ ]+pack|patch(?:es)?|cream|gel|ointment|lotion|foam|spray"
    r"|solution|drops|tablets?|caplets?|capsules?|injection|infusion|suppositor(?:y|ies)|lozenges?|inhaler"
    r"|sachets?)\b", re.I)
_FORM_CANON = {
    "dose-pack": "dose-pack", "dosepack": "dose-pack", "dose pack": "dose-pack", "dosepak": "dose-pack",
    "blister pack": "dose-pack", "patches": "patch", "tablets": "tablet", "caplet": "tablet", "caplets": "tablet", "capsules": "capsule",
    "suppositories": "suppository", "lozenges": "lozenge", "sachets": "sachet",
}
_COUNT_FORMS = {"patch", "tablet", "capsule", "suppository", "lozenge", "sachet"}
_STRENGTH_FORMS = {"patch", "cream", "gel", "ointment", "lotion", "foam", "spray", "solution",
                   "drops", "injection", "infusion", "suppository"}

_DUR_UNIT = r"(?P<u>days?|d|weeks?|wks?|months?)(?![A-Za-z])"
_DUR_RE = _lazy(
    rf"\b(?:for|over|x|during)[ ]+(?:(?:up[ ]+to|about|approximately)[ ]+)?"
    rf"(?P<a>{_N})(?:[ ]?(?:-|to)[ ]?(?P<b>{_N}))?[ ]?{_DUR_UNIT}"
    rf"|\b(?P<a2>\d+)-(?P<u2>day|week|month)(?![A-Za-z])", re.I)
_TAPER_RE = _lazy(r"\btaper(?:ed|ing)?\b", re.I)

_MAX_PREFIX = (
    r"(?:never[ ]+more[ ]+than|max(?:imum)?\.?(?P<daily>[ ]+daily)?(?:[ ]+(?:dose|total))?(?:[ ]+of)?"
    r"|(?:do[ ]+)?not[ ]+(?:to[ ]+)?exceed(?:ing)?|don't[ ]+exceed|never[ ]+exceed"
    r"|(?:do[ ]+)?not[ ]+(?:take|use|give)[ ]+more[ ]+than|take[ ]+no[ ]+more[ ]+than"
    r"|no[ ]+more[ ]+than|not[ ]+more[ ]+than|up[ ]+to|at[ ]+most|limit(?:ed)?[ ]+to|≤|<=)"
)
_MAX_HEAD_RE = _lazy(rf"(?<![A-Za-z])(?P<pre>{_MAX_PREFIX})[ ]*:?[ ]*", re.I)
_MAX_PERDAY_RE = _lazy(
    r"(?<![ ])[ ]*(?:/[ ]?(?:day|d|24[ ]?h(?:ours?|rs?)?)|(?:per|a|each)[ ]+day|daily"
    r"|(?:in|per|every)[ ]+(?:(?:any|a|one)[ ]+)?(?:24|twenty[ -]?four)[ -]?h(?:ours?|rs?|our[ ]+period)?(?:[ ]+period)?"
    r"|in[ ]+(?:a|one)[ ]+day)(?![A-Za-z])", re.I)
_OTHER_PERIOD_RE = _lazy(r"[ ]{1,3}(?:in|within|per)[ ]{1,3}(?:any[ ]{1,3}|a[ ]{1,3}|the[ ]{1,3}first[ ]{1,3})?"
                         r"(?:\d{1,3}|hour|one)", re.I)
_MAX_PERDOSE_RE = _lazy(r"(?<![ ])[ ]*(?:/[ ]?dose|per[ ]+dose|at[ ]+(?:a[ ]+time|once))(?![A-Za-z])", re.I)
_MAX_DOSES_RE = _lazy(
    rf"(?P<n>{_N})[ ]+(?:doses|dose|times|applications|administrations|injections)"
    r"(?P<per>[ ]*(?:/[ ]?day|(?:per|a|each)[ ]+day|daily|in[ ]+24[ ]?h(?:ours?)?|per[ ]+24[ ]?h(?:ours?)?))?(?![A-Za-z])",
    re.I)
_MAX_DAYS_RE = _lazy(rf"(?P<a>{_N})[ ]?(?P<u>days?|weeks?|months?)(?![A-Za-z])", re.I)

_TITRATE_RE = _lazy(
    r"(?:[⇧↑→⟶➔➜⇨⇒]|->|=>)(?:[ ]*(?:up[ ]+)?to\b)?"
    r"|\b(?:then[ ]+)?(?:increas(?:e|ed|ing)|rais(?:e|ed|ing)|titrat(?:e|ing)|escalat(?:e|ing)|up-?titrat(?:e|ing)"
    r"|reduc(?:e|ing)|decreas(?:e|ing)|taper(?:ing)?|step(?:ping)?[ ]+(?:up|down))"
    r"(?:[ ]+(?:up|down|gradually|slowly|weekly|as[ ]+tolerated|the[ ]+dose))*[ ]+(?:up[ ]+)?to\b"
    r"|\b(?:then[ ]+)?(?:increas(?:e|ed|ing)|rais(?:e|ed|ing))[ ]+(?:the[ ]+dose[ ]+)?by\b"
    r"|\bthen\b", re.I)
_FROM_TITRATION_RE = _lazy(
    r"\b(?:increas|titrat|escalat|reduc|decreas|taper)\w*(?:[ ]+\w+)?[ ]+from[ ]*$", re.I)

_CLAUSE_BREAK_RE = _lazy(r";|\n|\.(?=[ ]+[A-Z(]|[ ]*$)|[ ]-[ ]+(?![\d.])|[ ]-(?=[ ]?[A-Z])")

_SUBSTANCE_STRIP_LEAD = _lazy(
    r"^(?:(?:oral|epidural|intravenous|iv|topical|intradiscal|subcutaneous|transdermal|inhaled"
    r"|intramuscular|im)\b[ ]*)+", re.I)
_SUBSTANCE_STRIP_TAIL = _lazy(
    r"(?<![ ])(?:[ ]+(?:burst|taper|sr|er|xr|xl|cr|dr|ir|la|mr|cream|gel|patch|ointment|injection|infusion"
    r"|dose[- ]?pack|tablets?|capsules?|extended-release|sustained-release|oral|iv)){1,8}$", re.I)
_SUBSTANCE_STRIP_VERB = _lazy(
    r"(?<![ ])[ ]+(?:start(?:ing)?(?:[ ]+(?:at|with))?|begin(?:ning)?[ ]+(?:at|with)|initially|take)[ ]*$", re.I)
_SUBSTANCE_VERBS = {"take", "give", "use", "apply", "inject", "start", "begin", "try", "consider",
                    "add", "then", "increase", "titrate", "max", "maximum", "up", "do", "not", "at", "the"}


# ---------------------------------------------------------------------------
# scanning helpers


@dataclass
class _Mod:
    """A modifier found in the text (frequency, route, form, limit...) with its span."""

    cat: str
    start: int
    end: int
    obj: Any
    prio: int = 0


def _piece(text: str, a: int, b: int) -> Piece:
    return Piece(text[a:b], (a, b))


def _classify_unit(word: str, sp: str) -> tuple[str | None, str] | None:
    """(canonical, kind) for a unit word, or None if the word is no unit."""
    spl = _units.lookup_spelling(word)
    if spl is not None:
        return spl.unit, spl.kind
    if sp == "-":
        return None  # "5-LOX": a name, not a unit
    low = word.lower()
    if low in _STOP_WORDS or len(word) > 14 or low in _lexicon.lexicon().stop_words:
        return None
    return None, "unknown"


def _unit_at(text: str, norm: str, pos: int) -> UnitToken | None:
    m = _UNIT_RE.match(norm, pos)
    if not m:
        return None
    word = m.group("u")
    sp = m.group("sp")
    # "1,000 mg" ok; reject a unit after "-" unless lexicon knows it (8-mm)
    cls = _classify_unit(word, sp)
    if cls is None:
        # two-word spellings ("international units", "per cent") already in regex
        return None
    canon, kind = cls
    a, b = m.start("u"), m.end("u")
    if kind == "unknown":
        nm = _UNIT_RE.match(norm, b)
        spl = _units.lookup_spelling(nm.group("u")) if nm and nm.group("sp") == " " else None
        if spl is not None and spl.kind == "count":
            a, b = nm.start("u"), nm.end("u")  # "1 or 2 extra tablets": the unit is "tablets"
            canon, kind = spl.unit, spl.kind
    return UnitToken(text[a:b], (a, b), canon, kind)


def _end(text: str, norm: str, m: re.Match, unit: UnitToken | None) -> AmountEnd:
    a, b = m.start(), m.end()
    e = unit.span[1] if unit is not None else b
    try:
        value = _parse_value(text[a:b])
    except (ValueError, OverflowError):
        value = float("nan")
    if not math.isfinite(value):
        value = float("nan")
    return AmountEnd(value, Piece(text[a:b], (a, b)), unit, text[a:e], (a, e))


def _scan_amounts(text: str, norm: str) -> list[Amount]:
    """Every number (or range) with the unit that follows it, if any."""
    out: list[Amount] = []
    pos = 0
    for m in _VALUE_RE.finditer(norm):
        if m.start() < pos:
            # a number cut by the previous range ("1 or 2 500 mg": "2 500" read as 2, then 500 mg)
            m = _VALUE_RE.search(norm, pos) if m.end() > pos else None
            if m is None or m.start() < pos:
                continue
        # "5-LOX", "10-day" handled by unit classification; skip name-glued numbers
        nxt = norm[m.end():m.end() + 1]
        if nxt.isalpha() and _unit_at(text, norm, m.end()) is None and norm[m.end():m.end() + 1].lower() != "x":
            pos = m.end()
            # number glued to an unknown word: "3D", "2nd" -> not a quantity
            continue
        if norm[m.end():m.end() + 1] == "-" and norm[m.end() + 1:m.end() + 2].isalpha() \
                and _unit_at(text, norm, m.end()) is None:
            continue  # "5-LOX"
        lo_unit = _unit_at(text, norm, m.end())
        lo = _end(text, norm, m, lo_unit)
        k = lo.span[1]
        high = None
        sep_piece = None
        sm = _SEP_RE.match(norm, k)
        if sm:
            spaced = bool(sm.group("pre") or sm.group("post"))
            is_to = sm.group("sep").lower() in ("to", "or")
            ok = not (lo_unit is not None and spaced and not is_to)
            if lo_unit is not None and lo_unit.kind == "time":
                ok = False
            if is_to and _FROM_TITRATION_RE.search(norm[max(0, m.start() - 40):m.start()]):
                ok = False
            if ok:
                hm = _VALUE_AT.match(norm, sm.end())
                if hm and " " in hm.group(0):
                    hm = _PLAIN_NUM_AT.match(norm, sm.end())  # "1 or 2 500 mg tablets": 2, then 500 mg
                if hm and not (hm.end() < len(norm) and (norm[hm.end()].isdigit()
                               or (norm[hm.end()] == "-" and norm[hm.end() + 1:hm.end() + 2].isalpha()
                                   and _unit_at(text, norm, hm.end()) is None))):
                    hi_unit = _unit_at(text, norm, hm.end())
                    if lo_unit is not None and hi_unit is None:
                        pass  # "5 mg - 10": not a range
                    else:
                        high = _end(text, norm, hm, hi_unit)
                        sa, sb = sm.start("sep"), sm.end("sep")
                        sep_piece = Piece(text[sa:sb], (sa, sb))
        end = high.span[1] if high is not None else lo.span[1]
        a = m.start()
        out.append(Amount(lo, high, sep_piece, text[a:end], (a, end)))
        pos = end
    return out


@lru_cache(maxsize=None)
def _compiled_mod_patterns() -> tuple[tuple, tuple]:
    """The frequency and route patterns, compiled (once, on first parse)."""
    return (tuple((kind, rx._get(), val) for kind, rx, val in _FREQ_PATTERNS),
            tuple((name, rx._get()) for name, rx in _ROUTES))


def _form_mods(text: str, norm: str) -> list[_Mod]:
    out = []
    for m in _FORM_RE.finditer(norm):
        raw = text[m.start():m.end()]
        key = " ".join(normalize(raw).lower().split())
        canon = _FORM_CANON.get(key, _FORM_CANON.get(key.replace(" ", ""), key))
        out.append(_Mod("form", m.start(), m.end(), Form(canon, raw, (m.start(), m.end()))))
    return out


def _scan_mods(text: str, norm: str, forms: list[_Mod]) -> list[_Mod]:
    mods: list[_Mod] = []
    freq_patterns, route_patterns = _compiled_mod_patterns()
    for kind, rx, val in freq_patterns:
        for m in rx.finditer(norm):
            interval = None
            if callable(val):
                apd, interval = val(m)
            else:
                apd = val
            fr = Frequency(kind, text[m.start():m.end()], (m.start(), m.end()), apd, interval)
            mods.append(_Mod("freq", m.start(), m.end(), fr))
    lex = _lexicon.lexicon()
    for kind, m, apd in lex.frequency_matches(norm):
        fr = Frequency(kind, text[m.start():m.end()], (m.start(), m.end()), apd)
        mods.append(_Mod("freq", m.start(), m.end(), fr))
    for m in lex.hourly.finditer(norm):
        apd, interval = _every_hours(m)
        fr = Frequency("interval", text[m.start():m.end()], (m.start(), m.end()), apd, interval)
        mods.append(_Mod("freq", m.start(), m.end(), fr))
    for rx in (_PRN_RE, lex.as_needed):
        for m in rx.finditer(norm):
            mods.append(_Mod("prn", m.start(), m.end(), _piece(text, m.start(), m.end())))
    for name, rx in route_patterns:
        for m in rx.finditer(norm):
            mods.append(_Mod("route", m.start(), m.end(), Route(name, text[m.start():m.end()], (m.start(), m.end()))))
    mods.extend(forms)
    for m in _DUR_RE.finditer(norm):
        if m.group("a2"):
            n = float(m.group("a2"))
            u = m.group("u2").lower()
            hi = None
        else:
            n = _num_word(m.group("a"))
            hi = _num_word(m.group("b")) if m.group("b") else None
            u = m.group("u").lower()
        mult = 7 if u.startswith("w") else 30 if u.startswith("mo") else 1
        mods.append(_Mod("dur", m.start(), m.end(), Duration(
            n * mult, hi * mult if hi is not None else None, text[m.start():m.end()], (m.start(), m.end()))))
    for m in _TAPER_RE.finditer(norm):
        mods.append(_Mod("taper", m.start(), m.end(), _piece(text, m.start(), m.end())))
    for m in _TITRATE_RE.finditer(norm):
        mods.append(_Mod("titrate", m.start(), m.end(), _piece(text, m.start(), m.end()), prio=1))
    return mods


def _scan_limits(text: str, norm: str, amounts: list[Amount], tables: "_Tables") -> list[_Mod]:
    by_start = {a.span[0]: a for a in amounts}
    out: list[_Mod] = []
    for hm in _MAX_HEAD_RE.finditer(norm):
        pre = hm.group("pre").lower()
        up_to = pre.startswith("up")
        daily_prefix = bool(hm.group("daily"))
        p = hm.end()
        lim = None
        md = _MAX_DOSES_RE.match(norm, p)
        if md and not (up_to and not md.group("per")):
            if up_to and re.search(r"times|x", md.group(0), re.I):
                continue  # "up to 4 times daily" is a frequency
            end = md.end()
            lim = Limit("doses_per_day", _num_word(md.group("n")), text[hm.start():end], (hm.start(), end))
        elif p in by_start and by_start[p].unit is not None and by_start[p].unit.kind in _units.DOSE_KINDS:
            am = by_start[p]
            end = am.span[1]
            value = am.upper.value
            if not math.isfinite(value):
                continue
            km = _PER_KG_RE.match(norm, end)
            per_kg = None
            if km:
                per_kg = _piece(text, km.start() + (len(km.group(0)) - len(km.group(0).lstrip(" "))), km.end())
                end = km.end()
            pd = _MAX_PERDAY_RE.match(norm, end)
            pdo = _MAX_PERDOSE_RE.match(norm, end)
            if not pd and _OTHER_PERIOD_RE.match(norm, end):
                continue  # "2 tablets in any 8- to 12-hour period", "within the first hour": not per day
            if pd:
                kind, assumed, end = "per_day", False, pd.end()
            elif pdo:
                kind, assumed, end = "per_dose", False, pdo.end()
            elif daily_prefix:
                kind, assumed = "per_day", False
            elif up_to:
                kind, assumed = "per_dose", True
            else:
                kind, assumed = "per_day", True
            lim = Limit(kind, value, text[hm.start():end], (hm.start(), end), am, assumed, per_kg)
        elif not up_to and p in by_start and _count_or_bare(by_start[p]) and _MAX_PERDAY_RE.match(norm, by_start[p].span[1]):
            # "max 8/24h", "(max 8 daily)", "not more than 8 tablets in 24 hours": a count of units a day
            am = by_start[p]
            end = _MAX_PERDAY_RE.match(norm, am.span[1]).end()
            if not math.isfinite(am.upper.value):
                continue
            lim = Limit("per_day", am.upper.value, text[hm.start():end], (hm.start(), end), am)
        else:
            mdays = _MAX_DAYS_RE.match(norm, p)
            if mdays and not (p in by_start and by_start[p].unit is not None
                              and by_start[p].unit.kind != "time"):
                u = mdays.group("u").lower()
                mult = 7 if u.startswith("w") else 30 if u.startswith("mo") else 1
                end = mdays.end()
                lim = Limit("duration", _num_word(mdays.group("a")) * mult,
                            text[hm.start():end], (hm.start(), end))
        if lim is not None:
            out.append(_Mod("max", lim.span[0], lim.span[1], lim, prio=2))
    out.extend(_table_limits(text, norm, by_start, tables))
    return out


def _table_limits(text: str, norm: str, by_start: dict, tables: "_Tables") -> list[_Mod]:
    """The daily maximum a cell under a limit heading states ("| Max per day |" over
    "| 10 tablets (3,250 mg) |"): its first amount, for the doses of its row."""
    out = []
    starts = sorted(by_start)
    for a, b, _heading in tables.limit_cells():
        i = bisect.bisect_left(starts, a)
        if i == len(starts) or starts[i] >= b:
            continue
        am = by_start[starts[i]]
        if am.unit is not None and am.unit.kind not in _units.DOSE_KINDS or not math.isfinite(am.upper.value):
            continue
        s0 = a + len(norm[a:b]) - len(norm[a:b].lstrip())
        s1 = b - (len(norm[a:b]) - len(norm[a:b].rstrip()))
        lim = Limit("per_day", am.upper.value, text[s0:s1], (s0, s1), am)
        out.append(_Mod("max", s0, s1, lim, prio=2))
    return out


def _count_or_bare(am: Amount) -> bool:
    """A number with no unit, or a count of units (tablets, capsules)."""
    return am.unit is None or am.unit.kind == "count"


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


class _Spans:
    """Spans asked "does any of you overlap (or hold) this one?" in logarithmic time, so
    a text with thousands of doses is not compared pair by pair."""

    __slots__ = ("starts", "reach")

    def __init__(self, spans) -> None:
        spans = sorted(spans)
        self.starts = [a for a, _ in spans]
        self.reach = []  # reach[i]: the largest end among spans[:i + 1]
        top = -1
        for _, b in spans:
            top = max(top, b)
            self.reach.append(top)

    def overlaps(self, span: tuple[int, int]) -> bool:
        i = bisect.bisect_left(self.starts, span[1])  # spans starting before this one ends
        return i > 0 and self.reach[i - 1] > span[0]

    def holds(self, a: int, b: int) -> bool:
        i = bisect.bisect_right(self.starts, a)  # spans starting at or before a
        return i > 0 and self.reach[i - 1] >= b


def _dedupe(mods: list[_Mod]) -> list[_Mod]:
    """Within each category keep the longest non-overlapping matches."""
    out: list[_Mod] = []
    by_cat: dict[str, list[_Mod]] = {}
    for m in mods:
        by_cat.setdefault(m.cat, []).append(m)
    for cat, ms in by_cat.items():
        ms.sort(key=lambda m: (-(m.end - m.start), m.start))
        kept: list[_Mod] = []
        starts: list[int] = []  # of the kept matches, which never overlap: sorted, and so are their ends
        ends: list[int] = []
        for m in ms:
            i = bisect.bisect_left(starts, m.end)  # the kept match starting last before m ends
            if i and ends[i - 1] > m.start:
                continue
            starts.insert(i, m.start)
            ends.insert(i, m.end)
            kept.append(m)
        out.extend(kept)
    return sorted(out, key=lambda m: (m.start, m.end))


def _clauses(norm: str, inside: list[tuple[int, int]] = (), breaks: list[tuple[int, int]] = ()) -> list[tuple[int, int]]:
    """The clauses of a text: cut at sentence ends, semicolons, lines, dashes and table rows
    (``breaks``), never inside a recognised phrase (``inside``)."""
    bounds = [0]
    inside = _Spans(inside)
    found = [(m.start(), m.end(), m.group(0)) for m in _CLAUSE_BREAK_RE.finditer(norm)]
    found = sorted(found + [(a, b, " ") for a, b in breaks])
    for start, end, what in found:
        if bounds[-1] > start:
            continue
        if inside.holds(start, end):
            continue  # a "." or "-" that belongs to a recognised phrase
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


def _substance(text: str, norm: str, clause: tuple[int, int], anchor_start: int,
               cut_starts: list[int] = ()) -> Piece | None:
    a = clause[0]
    seg = norm[a:anchor_start]
    # cut at the first "(" that is still open before the anchor
    colon = seg.find(":")
    if colon >= 0 and seg[:colon].strip()[:1].isdigit() and "(" not in seg[:colon]:
        a, seg = a + colon + 1, seg[colon + 1:]  # "300 mg: Gabapentin 300mg 1 tds": the name follows the strength
    for ch in "(:":
        cut = seg.find(ch)
        if cut >= 0:
            seg = seg[:cut]
    i = bisect.bisect_right(cut_starts, a)  # the first modifier starting after the clause does (sorted)
    if i < len(cut_starts) and cut_starts[i] < a + len(seg):
        seg = seg[:cut_starts[i] - a]
    seg = _SUBSTANCE_STRIP_VERB.sub("", seg)
    # leading route words
    lead = _SUBSTANCE_STRIP_LEAD.match(seg)
    off = lead.end() if lead else 0
    body = seg[off:]
    body = body.rstrip(" ,:-")
    tail = _SUBSTANCE_STRIP_TAIL.search(body)
    if tail and tail.start() > 0:
        body = body[:tail.start()]
    body = body.rstrip(" ,:-")
    if "|" in body:  # a table row: the medicine is the first cell's text
        cells = body.split("|")
        lead = next((c for c in cells if c.strip()), "")
        off += body.find(lead) if lead else 0
        body = lead
    stripped_left = len(body) - len(body.lstrip())
    body = body.strip()
    if not body:
        return None
    words = body.split()
    if len(words) > 6 or words[0].lower().strip(",") in _SUBSTANCE_VERBS or not _names_a_medicine(body):
        return None
    if not re.search(r"[A-Za-z]", body):
        return None
    s = a + off + stripped_left
    return Piece(text[s:s + len(body)], (s, s + len(body)))


def _names_a_medicine(body: str) -> bool:
    """False for a clause opening that names a population, a measure or a schedule
    ("Adults and teenagers can", "CrCl 30 mL/min", "0 to 12 months"): ``not_substances``."""
    if body[0].isdigit() or any(w.replace(",", "").replace(".", "").isdigit() for w in body.split()):
        return False  # "0 to 12 months", "under 30 kg"
    low = body.lower()
    stop = _lexicon.lexicon().not_substances
    first = low.split()[0].strip(",:")
    return first not in stop and " ".join(low.split()[:2]) not in stop


def _substance_key(raw: str) -> str:
    s = normalize(raw).lower()
    s = re.sub(r"[®™©]", "", s)
    return " ".join(s.split())


# ---------------------------------------------------------------------------
# public entry points


def find_quantities(text: str) -> list[Amount]:
    """Every number(+range)+unit token in ``text`` (units may be None for a
    bare number, or carry ``kind == "unknown"`` for an unreadable word).

    This does not decide what is a dose; a units check can inspect each
    token's ``unit.kind``, ``unit.pint_known()`` and ``unit.dimension()``.
    """
    if not isinstance(text, str):
        raise TypeError("text must be str")
    return _scan_amounts(text, normalize(text))


def _with_word_counts(text: str, norm: str, amounts: list[Amount]) -> list[Amount]:
    """``amounts`` plus the counts written as words ("take two", "ONE tablet",
    "half a tablet"), in text order.  A word count becomes a dose only where a
    number would: with a dose unit or form after it, or a frequency."""
    lex = _lexicon.lexicon()
    taken = _Spans([a.span for a in amounts])
    extra: list[Amount] = []
    for m in lex.number_rx.finditer(norm):
        if taken.overlaps(m.span()):
            continue
        a, b = m.span()
        unit_at = b
        art = _ARTICLE_RE.match(norm, b)  # "half a tablet"
        if art and m.group(0).lower() == "half":
            unit_at = art.end()
        unit = _unit_at(text, norm, unit_at)
        if unit is not None and unit.kind != "count":
            unit = None if unit.kind == "unknown" else unit
        end = unit.span[1] if unit is not None else b
        low = AmountEnd(lex.numbers[m.group(0).lower()], Piece(text[a:b], (a, b)), unit, text[a:end], (a, end))
        extra.append(Amount(low, None, None, text[a:end], (a, end)))
    if not extra:
        return amounts
    return sorted(amounts + extra, key=lambda am: am.span[0])


_ARTICLE_RE = _lazy(r"(?<![ ])[ ]{1,3}an?(?=[ ]{1,3}[A-Za-z])", re.I)


@dataclass
class _Anchor:
    """A dose being assembled around an amount, strength or dose pack."""

    start: int
    end: int
    amount: Amount | None = None
    strength: Strength | None = None
    form: Form | None = None
    unit_problem: str | None = None
    per: str = "dose"
    per_piece: Piece | None = None
    per_weight: Piece | None = None
    extra_end: int = 0
    mods: dict = field(default_factory=dict)


def parse_doses(text: str) -> list[Dose]:
    """Parse every dose in ``text``.  Never raises on str input."""
    if not isinstance(text, str):
        raise TypeError("text must be str")
    if not text.strip():
        return []
    norm = normalize(text)
    amounts = _with_word_counts(text, norm, _scan_amounts(text, norm))
    forms = _form_mods(text, norm)
    if not amounts and not any(f.obj.name == "dose-pack" for f in forms):
        # Every dose is anchored on an amount, or on a dose pack when there is
        # none (below): without either there is nothing to find.
        return []
    mods = _dedupe(_scan_mods(text, norm, forms))
    tables = _Tables(norm)
    limits = _dedupe(_scan_limits(text, norm, amounts, tables))
    # titration markers win over "up to" maxima they overlap ("increase up to")
    titr_spans = [(m.start, m.end) for m in mods if m.cat == "titrate" and m.obj.raw.lower() != "then"]
    titr = _Spans(titr_spans)
    limits = [l for l in limits if not titr.overlaps((l.start, l.end))]
    limit_spans = [(l.start, l.end) for l in limits]
    # frequencies fully inside a limit belong to it ("no more than 4 times a day")
    in_limits = _Spans(limit_spans)
    mods = [m for m in mods if not (m.cat == "freq" and in_limits.overlaps((m.start, m.end)))]
    blocking = _Spans([(m.start, m.end) for m in mods if m.cat in ("freq", "dur")] + limit_spans)

    forms = [m for m in mods if m.cat == "form"]
    forms_from: dict[int, _Mod] = {}  # the first form starting / ending at each position
    forms_to: dict[int, _Mod] = {}
    for f in forms:
        forms_from.setdefault(f.start, f)
        forms_to.setdefault(f.end, f)
    context_cats = ("freq", "prn", "route", "form")
    context_starts = {m.start for m in mods if m.cat in context_cats}

    taken = _lexicon.lexicon().not_doses.taken

    def context_after(pos: int) -> bool:
        p = pos
        while p < len(norm) and norm[p] in " ,":
            p += 1
        m = taken.match(norm, p)  # "One to be taken each day"
        if m:
            p = m.end()
            while p < len(norm) and norm[p] in " ,":
                p += 1
        return p in context_starts

    # -- anchors: dose amounts, strengths, regimen forms
    anchors: list[_Anchor] = []
    starts_of = {a.span[0]: a for a in amounts}
    consumed = 0  # the end of the last concentration: its denominator is no amount
    for am in amounts:
        if blocking.overlaps(am.span) or am.span[0] < consumed:
            continue
        if _not_a_dose_quantity(norm, am, tables) or _equivalent_of(norm, anchors, am):
            continue
        if not all(math.isfinite(e.value) for e in (am.low, am.high) if e is not None):
            continue  # "10^6500": no usable number
        u = am.unit
        end = am.span[1]
        problem = None
        if am.mixed_units:
            problem = "mixed_units"
        if u is None:
            if _count_of_strength_at(norm, end, starts_of):
                problem = None  # "2 x 500mg caps", "two 500 mg tablets": a count of the product
            elif not context_after(end):
                continue
            else:
                problem = "missing_unit"
        elif u.kind == "percent":
            # strength only when attached to a product form
            fm = next((forms_from[p] for p in range(end, end + 3)
                       if p in forms_from and norm[end:p].strip() == ""), None)
            before = next((forms_to[p] for p in range(am.span[0] - 2, am.span[0] + 1) if p in forms_to), None)
            fm = fm or before
            if fm is None:
                continue
            st = Strength(am.upper.value, am.unit.raw, "percent", am.raw, am.span)
            implied = None
            if fm.obj.name in _COUNT_FORMS:
                fa, fb = fm.start, fm.end
                ut = UnitToken(text[fa:fb], (fa, fb), fm.obj.name, "count")
                e = AmountEnd(1.0, Piece(text[fa:fb], (fa, fb)), ut, text[fa:fb], (fa, fb))
                implied = Amount(e, None, None, text[fa:fb], (fa, fb), implied=True)
            anchors.append(_Anchor(am.span[0], max(end, fm.end), implied, st, fm.obj))
            continue
        elif u.kind in ("length", "angle"):
            if not context_after(end):
                continue
            problem = "not_dose_unit"
        elif u.kind == "time":
            continue
        elif u.kind == "unknown":
            if not (context_after(end) or _PER_DAY_RE.match(norm, end)):
                continue
            problem = problem or "unknown_unit"
        anc = _Anchor(am.span[0], end, am, unit_problem=problem)
        # concentration "10 mg/mL" is a strength, not an amount
        cm = _CONC_RE.match(norm, end)
        if cm and u is not None and u.kind in ("mass", "activity"):
            raw = text[am.span[0]:cm.end()]
            anc.amount = None
            anc.strength = Strength(am.upper.value, text[u.span[0]:cm.end()], "concentration", raw,
                                    (am.span[0], cm.end()))
            anc.end = consumed = cm.end()
            anchors.append(anc)
            continue
        km = _PER_KG_RE.match(norm, end)
        if km:
            anc.per_weight = _piece(text, km.start() + (len(km.group(0)) - len(km.group(0).lstrip(" "))), km.end())
            end = km.end()
        pm = _PER_DAY_RE.match(norm, end)
        if pm:
            ps = pm.start("per") + (len(pm.group("per")) - len(pm.group("per").lstrip(" ")))
            if pm.group("q"):
                ps = pm.start("q") + (len(pm.group("q")) - len(pm.group("q").lstrip(" ")))
            anc.per = "day"
            anc.per_piece = _piece(text, ps, pm.end())
            end = pm.end()
        else:
            dm = _PER_DOSE_RE.match(norm, end)
            if dm:
                ps = dm.start() + (len(dm.group(0)) - len(dm.group(0).lstrip(" ")))
                anc.per_piece = _piece(text, ps, dm.end())
                end = dm.end()
        if anc.per == "dose" and tables.per_day(am.span[0]):
            anc.per = "day"  # a cell under "RDA per day"
        anc.end = end
        anchors.append(anc)

    # merge a strength anchor with an amount anchor of the same clause
    clauses = _clauses(norm, [(m.start, m.end) for m in mods if m.cat != "titrate"]
                       + [(l.start, l.end) for l in limits], tables.breaks)

    clause_starts = [c[0] for c in clauses]  # clauses are sorted and apart

    def clause_of(pos: int) -> tuple[int, int]:
        i = bisect.bisect_right(clause_starts, pos) - 1
        if i >= 0 and pos < clauses[i][1]:
            return clauses[i]
        return (pos, pos)

    titrations = _Titrations(mods)

    sched = _Spans([(m.start, m.end) for m in mods if m.cat in ("freq", "dur", "prn")] + limit_spans)
    anchors = _merge_anchors(norm, anchors, clause_of, titrations, sched)

    # regimen-only item: "Methylprednisolone Dose-Pack (6-day)"
    if not anchors:
        for fm in forms:
            if fm.obj.name == "dose-pack":
                anchors.append(_Anchor(fm.start, fm.end, None, None, fm.obj))
                break
    if not anchors:
        return []

    # -- attach modifiers by clause
    by_clause: dict[tuple[int, int], list[_Anchor]] = {}
    for anc in anchors:
        by_clause.setdefault(clause_of(anc.start), []).append(anc)

    chains: list[list[_Anchor]] = []
    chain_markers: dict[int, Piece] = {}
    mod_starts = [m.start for m in mods]  # mods are sorted by start
    for clause, ancs in sorted(by_clause.items()):
        ancs.sort(key=lambda a: a.start)
        for i, anc in enumerate(ancs):
            lo = clause[0] if i == 0 else anc.start
            # the last anchor reads to its clause's end, or to the end of the clause it reaches
            # into ("Paracetamol 500 mg tablets – take 2 twice daily")
            hi = ancs[i + 1].start if i + 1 < len(ancs) else max(clause[1], clause_of(anc.end - 1)[1])
            pre: dict[str, _Mod] = {}
            for k in range(bisect.bisect_left(mod_starts, lo), bisect.bisect_left(mod_starts, hi)):
                m = mods[k]
                if m.cat == "titrate":
                    continue
                if m.end <= hi:
                    if m.cat == "form" and anc.form is not None:
                        continue
                    if m.start < anc.start and m.cat not in ("route", "form", "prn", "taper"):
                        pre.setdefault(m.cat, m)  # fallback only
                        continue
                    anc.mods.setdefault(m.cat, m)
            for cat, m in pre.items():
                if cat not in anc.mods:
                    anc.mods[cat] = m
        # chains: an amount followed by a titration marker and another amount
        current: list[_Anchor] = [ancs[0]]
        chains.append(current)
        for prev, anc in zip(ancs, ancs[1:]):
            mk = titrations.between(prev.end, anc.start)
            if mk is not None:
                chain_markers[id(anc)] = mk.obj
                current.append(anc)
            else:
                current = [anc]
                chains.append(current)

    chains = _without_mentions(norm, chains, anchors, clause_of, {clause_of(l.start) for l in limits})
    if not chains:
        return []

    # -- maxima: same clause -> that chain; else nearest preceding chain
    chain_limits: dict[int, dict[str, Limit]] = {}
    standalone: list[tuple[int, Limit]] = []  # (chain index, limit) of limits in a clause of their own
    chain_starts = [ch[0].start for ch in chains]  # sorted: clauses in order, anchors in order
    for lm in limits:
        cl = clause_of(lm.start)
        target = None
        k = bisect.bisect_right(chain_starts, lm.end) - 1  # the last chain starting by the limit's end
        while k >= 0 and chain_starts[k] >= cl[0] and target is None:
            if clause_of(chain_starts[k]) == cl:
                target = chains[k]
            k -= 1
        if target is None:
            k = bisect.bisect_right(chain_starts, lm.start) - 1
            target = chains[k] if k >= 0 else chains[0]
            if k >= 0:
                standalone.append((k, lm.obj))
        slot = chain_limits.setdefault(id(target), {})
        slot.setdefault(lm.obj.kind, lm.obj)

    doses: list[Dose] = []
    cut_starts = sorted(m.start for m in mods + limits if m.cat in ("freq", "dur", "prn", "titrate", "max"))
    named: dict[tuple, Piece | None] = {}  # the substance before each clause's first anchor, read once

    def substance_of(clause: tuple[int, int], anchor_start: int) -> Piece | None:
        if (clause, anchor_start) not in named:
            named[clause, anchor_start] = _substance(text, norm, clause, anchor_start, cut_starts)
        return named[clause, anchor_start]

    first_chain: dict[tuple[int, int], int] = {}
    for ch in chains:
        cl = clause_of(ch[0].start)
        first_in_clause = first_chain.setdefault(cl, ch[0].start)  # chains are in order; mentions left out
        substance = substance_of(cl, first_in_clause)
        if substance is None and doses:
            substance = doses[-1].substance  # the medicine of the dose before ("...; you may take 440 mg")
        if substance is None:
            # fall back to the item's leading name (first clause)
            first = clauses[0] if clauses else (0, 0)
            if first != cl and first[1] <= ch[0].start:
                substance = substance_of(first, first[1])
        key = _substance_key(substance.raw) if substance else None
        built = [_build(text, anc, substance, key, chain_markers.get(id(anc)), {}) for anc in ch]
        lims = chain_limits.get(id(ch), {})
        head = built[0]
        steps = tuple(built[1:])
        # limits in the same clause extend the span
        extra = [l.span for l in lims.values() if clause_of(l.span[0]) == cl]
        s0 = min([head.span[0]] + [s.span[0] for s in steps] + [e[0] for e in extra])
        s1 = max([head.span[1]] + [s.span[1] for s in steps] + [e[1] for e in extra])
        head = _replace(head, text=text[s0:s1], span=(s0, s1), titration=steps,
                        max_per_dose=lims.get("per_dose"), max_per_day=lims.get("per_day"),
                        max_doses_per_day=lims.get("doses_per_day"),
                        max_duration_days=lims.get("duration"))
        doses.append(head)
    doses = _share_standalone_limits(doses, standalone)
    return _share_standalone_as_needed(doses, [m for m in mods if m.cat == "prn" and clause_of(m.start) not in by_clause])


def _share_standalone_as_needed(doses: list[Dose], prns: list[_Mod]) -> list[Dose]:
    """"Take 1 tablet at the onset of a headache; repeat if needed": an as-needed wording in a
    clause with no dose of its own makes the dose before it as needed."""
    if not prns or not doses:
        return doses
    starts = [d.span[0] for d in doses]
    for m in prns:
        k = bisect.bisect_right(starts, m.start) - 1
        if k >= 0 and doses[k].as_needed is None:
            doses[k] = _replace(doses[k], as_needed=m.obj)
    return doses


_LIMIT_FIELD = {"per_dose": "max_per_dose", "per_day": "max_per_day", "doses_per_day": "max_doses_per_day",
                "duration": "max_duration_days"}


def _share_standalone_limits(doses: list[Dose], standalone: list[tuple[int, Limit]]) -> list[Dose]:
    """A limit in a sentence of its own ("220 mg every 8 to 12 hours; you may take 440 mg
    for the first dose. Do not exceed 660 mg in 24 hours.") bounds every earlier dose of
    the same medicine as the dose right before it, not that dose alone."""
    for k, lim in standalone:
        key = doses[k].substance_key
        name = _LIMIT_FIELD[lim.kind]
        for i in range(k - 1, -1, -1):
            d = doses[i]
            if d.substance_key != key or getattr(d, name) is not None:
                break  # another medicine, or a dose with a limit of its own: the limit's reach ends
            doses[i] = _replace(d, **{name: lim})
    return doses


def _not_a_dose_quantity(norm: str, am: Amount, tables: "_Tables") -> bool:
    """A quantity that is never a dose, whatever stands beside it: a rate or laboratory value
    ("30 mL/min", "126 mg/dL"), a body weight ("11 kg"), an everyday measure ("500 kcal",
    "6 glasses"), units of alcohol, or a cell of a table column that holds no doses."""
    nd = _lexicon.lexicon().not_doses
    u = am.unit
    if u is not None:
        word = u.raw.lower()
        if word in nd.body_weight_units or word in nd.measure_words:
            return True
        if nd.rate.match(norm, am.span[1]):
            return True
        if u.unit == "enzyme_unit" and nd.alcohol.search(norm, *_sentence(norm, am.span[0])):
            return True
    if nd.excess.match(norm, am.low.number.span[1]) or (am.high and nd.excess.match(norm, am.high.number.span[1])):
        return True  # "1 or 2 extra tablets"
    return tables.not_dose(am.span[0])


def _sentence(norm: str, pos: int) -> tuple[int, int]:
    """Bounds of the sentence around ``pos`` (at most 300 characters either way)."""
    lo = max(0, pos - 300)
    cut = max(norm.rfind(c, lo, pos) for c in ".!?\n")
    a = cut + 1 if cut >= 0 else lo
    ends = [i for i in (norm.find(c, pos, pos + 300) for c in ".!?\n") if i >= 0]
    return a, min(ends) if ends else min(len(norm), pos + 300)


def _equivalent_of(norm: str, anchors: list, am: Amount) -> bool:
    """``am`` restates the amount just before it in brackets ("10 mcg (400 IU)")."""
    if not anchors or anchors[-1].amount is None:
        return False
    gap_start = anchors[-1].end
    return 0 <= am.span[0] - gap_start <= 40 and bool(_EQUIVALENT_GAP.match(norm[gap_start:am.span[0]]))


def _rule_cell(cell: str) -> bool:
    """A cell of the |---| rule under a table's headings."""
    bare = cell.strip()
    return bare.count("-") >= 3 and not bare.strip(":-")


class _Tables:
    """The pipe tables of a text ("| Medicine | Dose | Max per day |"): each data cell with
    the heading of its column, read with the lexicon's ``table_headers``."""

    __slots__ = ("cells", "starts", "food", "breaks")

    def __init__(self, norm: str) -> None:
        self.cells: list[tuple[int, int, str]] = []  # (start, end, heading), in text order
        self.food: list[tuple[int, int]] = []
        self.breaks: list[tuple[int, int]] = []  # the blanks between rows: clause breaks
        if "|" in norm:
            self._read(norm)
        self.starts = [c[0] for c in self.cells]

    def _read(self, norm: str) -> None:
        """Cells between pipes, whether rows stand on lines of their own or were joined
        into one paragraph ("| a | b | | c | d |"): the |---| rule gives the number of
        columns, and the blank between two pipes after a full row is a row break."""
        nd = _lexicon.lexicon().not_doses
        pipes = [i for i, c in enumerate(norm) if c == "|"]
        segs = [(a + 1, b) for a, b in zip(pipes, pipes[1:])]
        k = 0
        while k < len(segs):
            rule = k
            while rule < len(segs) and _rule_cell(norm[segs[rule][0]:segs[rule][1]]):
                rule += 1
            n = rule - k
            if n == 0:
                k += 1
                continue
            header = [norm[a:b].strip() for a, b in segs[max(0, k - n - 1):k] if norm[a:b].strip()][-n:]
            k = self._rows(norm, segs, rule, header, nd)

    def _rows(self, norm: str, segs: list, k: int, header: list, nd) -> int:
        """Read the rows after a |---| rule ending at segment ``k``; the index where the table ends."""
        n = len(header)
        food = any(nd.serving.search(h) for h in header)
        first = segs[k][0] if k < len(segs) else len(norm)
        col = n  # at a row boundary
        while k < len(segs):
            a, b = segs[k]
            blank = not norm[a:b].strip()
            if col == n:
                if blank and "\n\n" not in norm[a:b]:
                    self.breaks.append((a, b))
                    col = 0
                    k += 1
                    continue
                break
            self.cells.append((a, b, header[col] if col < len(header) else ""))
            col += 1
            k += 1
        if food:
            self.food.append((first, segs[k - 1][1] if k else first))
        return k + 1

    def heading(self, pos: int) -> str | None:
        k = bisect.bisect_right(self.starts, pos) - 1
        if k >= 0 and pos < self.cells[k][1]:
            return self.cells[k][2]
        return None

    def not_dose(self, pos: int) -> bool:
        if any(a <= pos < b for a, b in self.food):
            return True
        h = self.heading(pos)
        return h is not None and bool(_lexicon.lexicon().not_doses.header_not_dose.search(h))

    def per_day(self, pos: int) -> bool:
        h = self.heading(pos)
        nd = _lexicon.lexicon().not_doses
        return h is not None and bool(nd.header_per_day.search(h)) and not nd.header_limit.search(h)

    def limit_cells(self):
        """(start, end, heading) of every cell under a limit heading."""
        nd = _lexicon.lexicon().not_doses
        return [c for c in self.cells if nd.header_limit.search(c[2])]


# amounts of one list of strengths: "250 mg, 500 mg", "50mg and 100mg", "10 mg, and 20 mg"
_RUN_GAP = _lazy(r"[ ]{0,2}(?:,|/|&|and|,[ ]?and)[ ]{0,2}$", re.I)


def _scheduled(anc: "_Anchor") -> bool:
    """Does the anchor carry a schedule of its own (frequency, as needed, duration, per day)?"""
    return anc.per == "day" or any(c in anc.mods for c in ("freq", "prn", "dur", "taper"))


def _strength_runs(norm: str, anchors: list) -> set[int]:
    """ids of the amount anchors that stand in a list of two or more amounts of one
    kind, none of them scheduled ("Tablets: 250 mg, 500 mg", "come in 50mg and 100mg")."""
    out: set[int] = set()
    run: list = []
    for anc in list(anchors) + [None]:
        joined = (anc is not None and run and anc.amount is not None and run[-1].amount is not None
                  and anc.amount.unit is not None and run[-1].amount.unit is not None
                  and anc.amount.unit.kind == run[-1].amount.unit.kind
                  and _RUN_GAP.match(norm[run[-1].end:anc.start]) is not None)
        if joined:
            run.append(anc)
            continue
        if len(run) > 1 and not any(_scheduled(a) for a in run):
            out.update(id(a) for a in run)
        run = [anc] if anc is not None else []
    return out


_BRAND_STRENGTH = _lazy(r"\([ ]?[A-Z][^()]{1,40},[ ]{1,2}$")


def _mention(norm: str, anc: "_Anchor", clause: tuple[int, int], runs: set[int], servings) -> bool:
    """Is this unscheduled amount a mention of a quantity rather than a dose taken: one of
    a list of strengths, a label line ("Capsules: 250 mg"), a content ("Each tablet
    contains 500 mg", "packs of 16 tablets") or what a food gives ("Milk, 1 cup: 300 mg")?"""
    nd = _lexicon.lexicon().not_doses
    if id(anc) in runs:
        return True
    lead = norm[max(clause[0], anc.start - 80):anc.start]
    if nd.content_cue(lead[-60:]) or nd.content_after.match(norm[anc.end:min(clause[1], anc.end + 60)]):
        return True
    if _BRAND_STRENGTH.search(lead) and norm[anc.end:anc.end + 2].lstrip(" ").startswith(")"):
        return True  # "Omeprazole (Prilosec OTC, 20 mg)": the strength of the product named
    u = anc.amount.unit
    strength = u is not None and u.kind in ("mass", "activity") or anc.strength is not None
    if strength and anc.per_weight is None and nd.label_line(lead[-80:]):
        return True  # "Tablets: 0.6 mg" is a strength; "Difflam spray: 4 sprays" is a dose
    return u is not None and u.kind != "count" and servings(clause)


def _without_mentions(norm: str, chains: list, anchors: list, clause_of, limited: set) -> list:
    """The chains that are doses: a single unscheduled amount that is a mention of a
    quantity (:func:`_mention`) is dropped, unless a limit shares its clause."""
    runs = _strength_runs(norm, anchors)
    nd = _lexicon.lexicon().not_doses
    seen: dict[tuple[int, int], bool] = {}

    def servings(clause: tuple[int, int]) -> bool:  # read once per clause
        if clause not in seen:
            seen[clause] = bool(nd.serving.search(norm, *clause))
        return seen[clause]

    out = []
    starts = [a.start for a in anchors]
    for ch in chains:
        anc = ch[0]
        if len(ch) == 1 and anc.amount is not None and not _scheduled(anc) and (
                anc.strength is None or anc.strength.kind == "unit"):
            cl = clause_of(anc.start)
            if cl not in limited and (_mention(norm, anc, cl, runs, servings) or _label_strength(norm, anc, cl, starts)):
                continue
        out.append(ch)
    return out


def _label_strength(norm: str, anc: "_Anchor", clause: tuple[int, int], starts: list[int]) -> bool:
    """"300 mg: Gabapentin 300mg 1 tds", "Ibuprofen 400 mg: take 1 tablet ...": a strength
    heading a line with a colon, before the dose of its clause, is the product's strength."""
    u = anc.amount.unit
    if u is None or u.kind not in ("mass", "activity") or anc.per_weight is not None:
        return False
    if not norm[anc.end:anc.end + 3].lstrip(" ").startswith(":"):
        return False
    i = bisect.bisect_right(starts, anc.start)
    return i < len(starts) and starts[i] < clause[1]


def _merge_anchors(norm: str, anchors: list[_Anchor], clause_of, titrations: "_Titrations",
                   sched: _Spans) -> list[_Anchor]:
    """Join the anchors that make one dose, in text order: a strength with the amount of its
    clause ("Capsaicin 0.025 % Cream 1 application"), a product strength with the count taken
    of it, in its clause or the next ("Paracetamol 500 mg tablets – take 2"), a count with
    the strength of each unit after it ("2 x 500mg caps")."""
    merged: list[_Anchor] = []
    for anc in sorted(anchors, key=lambda a: a.start):
        if merged:
            prev = merged[-1]
            same = clause_of(prev.start) == clause_of(anc.start)
            if same and prev.strength is not None and prev.amount is None or (
                    same and prev.strength is not None and prev.amount is not None and prev.amount.implied):
                if anc.amount is not None and anc.strength is None and not titrations.between(prev.end, anc.start):
                    prev.amount = anc.amount
                    prev.end = anc.end
                    prev.per, prev.per_piece, prev.per_weight = anc.per, anc.per_piece, anc.per_weight
                    prev.unit_problem = anc.unit_problem
                    continue
            across = not same and _STRENGTH_THEN_TAKE.match(norm[prev.end:anc.start]) is not None
            if (same or across) and _strength_then_count(norm, prev, anc, sched) \
                    and not titrations.between(prev.end, anc.start):
                _take_count(prev, anc)
                continue
            if same and _count_then_strength(norm, prev, anc):
                _take_strength(prev, anc)
                continue
        merged.append(anc)
    return merged


_STRENGTH_GAP = 40  # characters between a product strength and the count taken
# a product named in a clause of its own, the count in the next: "Paracetamol 500 mg tablets –
# take 2 twice daily", "Amlodipine 5mg tablets. One to be taken each day"
_STRENGTH_THEN_TAKE = _lazy(r"(?:[ ]{1,2}[A-Za-z]{2,14}){0,2}[ ]{0,2}[-.:][ ]{1,3}(?:[A-Za-z]{2,10}[ ]{1,3}){0,2}$")


def _strength_then_count(norm: str, prev: _Anchor, anc: _Anchor, sched: _Spans) -> bool:
    """Is ``prev`` a product strength ("Paracetamol 500 mg tablets") and ``anc``
    the count taken of it ("take 2 qds")?  The strength is a mass or activity with
    nothing of its own (no per day, no /kg, no schedule) before the count; the count
    has no unit or counts units (tablets, capsules) and no strength."""
    pa, aa = prev.amount, anc.amount
    if pa is None or aa is None or prev.strength is not None or anc.strength is not None or pa.implied:
        return False
    pu, au = pa.unit, aa.unit
    if pu is None or pu.kind not in ("mass", "activity") or prev.per != "dose" or prev.per_weight is not None:
        return False
    if prev.unit_problem is not None or pa.is_range:
        return False
    if au is not None and au.kind != "count":
        return False
    if anc.start - prev.end > _STRENGTH_GAP or anc.start <= prev.end:
        return False
    if any(c.isdigit() for c in norm[prev.end:anc.start]):
        return False
    return not sched.overlaps((prev.end, anc.start))


# between a count and the strength of what is counted: "2 x 500mg", "1 or 2 tablets of 500 mg", "two 500 mg"
_COUNT_OF = _lazy(r"[ ]{1,2}(?:x[ ]{0,2}|of[ ]{1,2})?")


def _count_of_strength_at(norm: str, end: int, starts_of: dict) -> bool:
    """Does a mass or activity amount follow the bare number ending at ``end``?"""
    m = _COUNT_OF.match(norm, end)
    nxt = starts_of.get(m.end()) if m else None
    return nxt is not None and nxt.unit is not None and nxt.unit.kind in ("mass", "activity") and not nxt.is_range


def _count_then_strength(norm: str, prev: _Anchor, anc: _Anchor) -> bool:
    """Is ``prev`` a count ("2", "1 or 2 tablets") and ``anc`` the strength of each unit
    counted ("x 500mg caps", "of 500 mg")?"""
    pa, aa = prev.amount, anc.amount
    if pa is None or aa is None or prev.strength is not None or anc.strength is not None or pa.implied:
        return False
    if pa.unit is not None and pa.unit.kind != "count" or prev.per != "dose" or prev.per_weight is not None:
        return False
    if aa.unit is None or aa.unit.kind not in ("mass", "activity") or aa.is_range or anc.per != "dose" \
            or anc.per_weight is not None or anc.unit_problem is not None:
        return False
    m = _COUNT_OF.match(norm, prev.end)
    return m is not None and m.end() == anc.start


def _take_strength(prev: _Anchor, anc: _Anchor) -> None:
    """Make ``prev`` (the count) the dose, with ``anc``'s amount as the strength of each unit."""
    aa = anc.amount
    prev.strength = Strength(aa.upper.value, aa.unit.raw, "unit", aa.raw, aa.span)
    prev.end = anc.end
    prev.unit_problem = None


def _take_count(prev: _Anchor, anc: _Anchor) -> None:
    """Make ``prev`` the dose: its amount becomes the strength, ``anc``'s count the amount."""
    pa = prev.amount
    prev.strength = Strength(pa.low.value, pa.unit.raw, "unit", pa.raw, pa.span)
    prev.amount = anc.amount
    prev.end = anc.end
    prev.per, prev.per_piece, prev.per_weight = anc.per, anc.per_piece, anc.per_weight
    # a bare count after a strength counts the product's units: not a missing unit
    prev.unit_problem = None if anc.unit_problem == "missing_unit" else anc.unit_problem


class _Titrations:
    """The titration markers of a text (they never overlap: sorted by start, so by end too)."""

    __slots__ = ("mods", "starts")

    def __init__(self, mods: list[_Mod]) -> None:
        self.mods = [m for m in mods if m.cat == "titrate"]
        self.starts = [m.start for m in self.mods]

    def between(self, a: int, b: int) -> _Mod | None:
        """The first marker inside ``a``..``b``, if any."""
        i = bisect.bisect_left(self.starts, a)
        if i < len(self.mods) and self.mods[i].end <= b:
            return self.mods[i]
        return None


def _replace(d: Dose, **kw: Any) -> Dose:
    vals = {name: getattr(d, name) for name in d.__slots__}
    vals.update(kw)
    return Dose(**vals)


def _build(text: str, anc: _Anchor, substance: Piece | None, key: str | None,
           marker: Piece | None, _unused: dict) -> Dose:
    md = anc.mods
    freq = md["freq"].obj if "freq" in md else None
    prn = md["prn"].obj if "prn" in md else None
    route = md["route"].obj if "route" in md else None
    form = anc.form or (md["form"].obj if "form" in md else None)
    dur = md["dur"].obj if "dur" in md else None
    taper = md["taper"].obj if "taper" in md else None
    # the expression starts at the amount; name-borne pieces before it (route
    # "Oral", form "Injection") keep their own spans outside the slice
    spans = [(anc.start, anc.end)] + [(m.start, m.end) for m in md.values()
                                      if m.start >= anc.start or m.cat not in ("route", "form")]
    s0 = min(s[0] for s in spans)
    s1 = max(s[1] for s in spans)
    # close a parenthesis opened inside the slice: "(6-day)"
    if text[s0:s1].count("(") > text[s0:s1].count(")") and text[s1:s1 + 1] == ")":
        s1 += 1
    return Dose(
        text=text[s0:s1], span=(s0, s1), substance=substance, substance_key=key,
        amount=anc.amount, per=anc.per, per_piece=anc.per_piece, per_weight=anc.per_weight,
        strength=anc.strength, frequency=freq, as_needed=prn, route=route, form=form,
        duration=dur, taper=taper, titration_marker=marker, unit_problem=anc.unit_problem,
    )


# ---------------------------------------------------------------------------
# daily maximum


def _step_daily(d: Dose, freq: Frequency | None, lims: Dose) -> tuple[Any, str] | None:
    if d.amount is None:
        return None
    if d.strength is not None and d.strength.kind == "unit":
        return _count_daily(d, freq, lims)
    u = d.amount.unit
    if u is None or u.unit is None or u.kind not in _units.DOSE_KINDS or d.amount.mixed_units and False:
        return None
    reg = _units.get_registry()
    q = d.amount.quantity("upper")
    if q is None or q.magnitude != q.magnitude:
        return None
    weight = ""
    if d.per_weight is not None:
        q = q / reg.Quantity(1, "kilogram")
        weight = "/kg"
    fq = _units.format_quantity
    if d.amount.mixed_units:
        # compare ends in one unit so the "upper" really is the larger
        lq = d.amount.quantity("low")
        if lq is not None and lq.dimensionality == q.dimensionality and lq > q:
            q = lq
    amount_txt = f"{_units.format_number(d.amount.upper.value)} {u.raw}{weight}"
    if lims.max_per_dose is not None and lims.max_per_dose.amount is not None:
        cap = lims.max_per_dose.amount.quantity("upper")
        if cap is not None and cap.dimensionality == (q * (reg.Quantity(1, "kilogram") if weight else 1)).dimensionality and not weight:
            if cap < q:
                q = cap.to(q.units)
                amount_txt = f"{fq(cap)} (stated max per dose)"
    day = reg.Quantity(1, "day")
    if d.per == "day":
        return q / day, f"{amount_txt}/day"
    n = None
    how = ""
    if freq is not None and freq.max_administrations_per_24h is not None:
        n = freq.max_administrations_per_24h
        how = f" × {n}/day"
        apd = freq.administrations_per_day or 0
        if abs(apd - n) > 1e-9:
            how += f" (at most {n} in any 24 h: {freq.raw})"
    n, how = _capped_by_stated_doses(n, how, lims)
    if n is None:
        return None
    return q * n / day, f"{amount_txt}{how}"


def _capped_by_stated_doses(n, how: str, lims: Dose) -> tuple:
    """Doses a day ``n`` (and how it was read), lowered to a stated maximum number of doses."""
    if lims.max_doses_per_day is not None:
        m = int(lims.max_doses_per_day.value)
        if n is None or m < n:
            return m, f" × {m}/day (stated max doses)"
    return n, how


def _count_daily(d: Dose, freq: Frequency | None, lims: Dose) -> tuple[Any, str] | None:
    """Strength × count × doses a day ("2 × 500 mg × 4/day"), capped by a stated
    count of doses; a stated per-day limit in the product's units caps the count."""
    spl = _units.lookup_spelling(d.strength.unit)
    if spl is None or spl.unit is None:
        return None
    reg = _units.get_registry()
    per_unit = reg.Quantity(d.strength.value, spl.unit)
    count = d.amount.upper.value
    n, how = None, ""
    if d.per == "day":
        n, how = 1, "/day"
    elif freq is not None and freq.max_administrations_per_24h is not None:
        n = freq.max_administrations_per_24h
        how = f" × {n}/day"
    n, how = _capped_by_stated_doses(n, how, lims)
    if n is None:
        return None
    total = count * n
    cap = lims.max_per_day
    if cap is not None and cap.amount is not None and (cap.amount.unit is None or cap.amount.unit.kind == "count"):
        if cap.value < total:
            total = cap.value
            return per_unit * total / reg.Quantity(1, "day"), \
                f"{_units.format_number(total)} × {d.strength.raw} (stated max a day)"
    txt = f"{_units.format_number(count)} × {d.strength.raw}{how}"
    return per_unit * total / reg.Quantity(1, "day"), txt


def _daily_maximum(d: Dose) -> DailyMax | None:
    best = None
    prev_freq = None
    for step in d.steps:
        freq = step.frequency or prev_freq
        prev_freq = freq
        r = _step_daily(step, freq, d)
        if r is None:
            continue
        q, expl = r
        if best is None:
            best = (q, expl)
        else:
            try:
                if q.to(best[0].units).magnitude > best[0].magnitude:
                    best = (q, expl)
            except Exception:
                best = (q, expl)
    reg = _units.get_registry()
    fq = _units.format_quantity
    lim = d.max_per_day
    cap = None
    if lim is not None and lim.amount is not None:
        cq = lim.amount.quantity("upper")
        du = d.amount.unit if d.amount is not None else None
        if cq is None and lim.amount.unit is None and du is not None and du.kind == "count" and du.unit:
            cq = reg.Quantity(lim.value, du.unit)  # "1-2 tabs ... max 8/24h": 8 tablets
        if cq is not None:
            cap = cq / reg.Quantity(1, "day")
            if lim.per_weight is not None:
                cap = cap / reg.Quantity(1, "kilogram")
    if best is None:
        if cap is None:
            return None
        return DailyMax(cap, f"stated max {fq(cap)}")
    q, expl = best
    text = f"{expl} = {fq(q)}"
    if cap is not None:
        try:
            if cap.to(q.units).magnitude < q.magnitude:
                return DailyMax(cap.to(q.units), f"{text}, capped by stated max {fq(cap)}")
        except Exception:
            pass
    return DailyMax(q, text)


# ---------------------------------------------------------------------------
# records


def _num(x: float) -> int | float:
    if isinstance(x, float) and x.is_integer() and abs(x) < 1e15:
        return int(x)
    return x


def _amount_record(a: Amount) -> dict:
    # Only what is not in the dose's own text: the values and the canonical unit.
    r: dict[str, Any] = {"low": _num(a.low.value)}
    if a.high is not None:
        r["high"] = _num(a.high.value)
    u = a.unit
    if u is not None:
        if u.unit is not None:
            r["unit"] = u.unit
        else:
            r["unit_raw"] = u.raw  # a unit the lexicon cannot read: keep the spelling
    if a.implied:
        r["implied"] = True
    return r


def _limit_record(l: Limit) -> dict:
    r: dict[str, Any] = {"raw": l.raw, "value": _num(l.value)}
    if l.amount is not None and l.amount.unit is not None:
        r["unit_raw"] = l.amount.unit.raw
        if l.amount.unit.unit:
            r["unit"] = l.amount.unit.unit
    if l.per_weight is not None:
        r["weight_based"] = True
    if l.assumed:
        r["assumed"] = True
    return r


def _dose_record(d: Dose) -> dict:
    r: dict[str, Any] = {"text": d.text}
    if d.substance is not None:
        r["substance"] = d.substance.raw
    if d.amount is not None:
        r["amount"] = _amount_record(d.amount)
    r["per"] = d.per
    if d.per_weight is not None:
        r["weight_based"] = True
    if d.strength is not None:
        r["strength"] = {"raw": d.strength.raw, "value": _num(d.strength.value),
                         "unit": d.strength.unit, "kind": d.strength.kind}
    if d.frequency is not None:
        f = d.frequency
        fr: dict[str, Any] = {"raw": f.raw, "kind": f.kind}
        if f.administrations_per_day is not None:
            fr["administrations_per_day"] = _num(round(f.administrations_per_day, 6))
        if f.interval_hours is not None:
            fr["interval_hours"] = [_num(f.interval_hours[0]), _num(f.interval_hours[1])]
        r["frequency"] = fr
    if d.as_needed is not None:
        r["as_needed"] = {"raw": d.as_needed.raw}
    if d.route is not None:
        r["route"] = {"name": d.route.name, "raw": d.route.raw}
    if d.form is not None:
        r["form"] = {"name": d.form.name, "raw": d.form.raw}
    if d.duration is not None:
        du: dict[str, Any] = {"raw": d.duration.raw, "days": _num(d.duration.days)}
        if d.duration.days_high is not None:
            du["days_high"] = _num(d.duration.days_high)
        r["duration"] = du
    if d.taper is not None:
        r["taper"] = True
    for name in ("max_per_dose", "max_per_day", "max_doses_per_day", "max_duration_days"):
        lim = getattr(d, name)
        if lim is not None:
            r[name] = _limit_record(lim)
    if d.titration:
        r["titration"] = [_dose_record(s) for s in d.titration]
    if d.titration_marker is not None:
        r["titration_marker"] = d.titration_marker.raw
    if d.unit_problem is not None:
        r["unit_problem"] = d.unit_problem
    return r
