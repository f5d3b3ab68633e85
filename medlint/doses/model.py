"""The dose reader's results: pieces of text, quantities, modifiers, limits and the Dose."""

from __future__ import annotations

import math
from typing import Any, Iterator

from . import units as _units
from .arithmetic import _daily_maximum, DailyMax, Envelope, envelope
from .records import _dose_record
from .values import _set, Span, _UNSET, _Value


# forms counted in units: a bare count after a product line counts these
_COUNT_FORM_NAMES = _units.COUNT_FORMS


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
    def written(self) -> str:
        """The unit as a spelling the lexicon reads: as written, or, for a unit the text gives by
        another mark (the "K" of "60K sachet", 60,000 IU), its canonical name."""
        if self.unit is None or _units.lookup_spelling(self.raw) is not None:
            return self.raw
        return _units.spelling_of(self.unit) or self.raw

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

    ``unit`` is "%" or e.g. "mg/mL" as written; ``kind`` is "percent", "concentration",
    "unit" (one unit of the product) or "rate" (what a patch delivers: "25 micrograms/hour").
    """

    __slots__ = ("value", "unit", "kind", "raw", "span")

    def __init__(self, value: float, unit: str, kind: str, raw: str, span: Span) -> None:
        _set(self, "value", value)
        _set(self, "unit", unit)
        _set(self, "kind", kind)
        _set(self, "raw", raw)
        _set(self, "span", span)


class Ingredient(_Value):
    """One substance of a product named by joining its substances' names ("Hydrocodone-acetaminophen
    5-500 mg": hydrocodone 5 mg, acetaminophen 500 mg): the substance, its name as written and
    the strength of it in each unit of the product (None when the text gives none)."""

    __slots__ = ("substance", "name", "strength")

    def __init__(self, substance: str, name: Piece, strength: Strength | None) -> None:
        _set(self, "substance", substance)
        _set(self, "name", name)
        _set(self, "strength", strength)


class Frequency(_Value):
    """How often.  ``administrations_per_day`` is the average rate at the
    most frequent end (every 4-6 h -> 6; weekly -> 1/7);
    ``max_administrations_per_24h`` is the most doses that can fall into one
    24-hour window (every 5 h -> 5, weekly -> 1); ``fewest_per_day`` the rate at
    the least frequent end when the text gives a range of counts ("3 to 4 times a
    day" -> 3, "bd-tds" -> 2, "up to four times a day" -> 1), None otherwise."""

    __slots__ = ("kind", "raw", "span", "administrations_per_day", "interval_hours", "fewest_per_day")

    def __init__(self, kind: str, raw: str, span: Span, administrations_per_day: float | None,
                 interval_hours: tuple[float, float] | None = None, fewest_per_day: float | None = None) -> None:
        _set(self, "kind", kind)
        _set(self, "raw", raw)
        _set(self, "span", span)
        _set(self, "administrations_per_day", administrations_per_day)
        _set(self, "interval_hours", interval_hours)
        _set(self, "fewest_per_day", fewest_per_day)

    @property
    def per_day_range(self) -> tuple[float, float] | None:
        """(fewest, most) administrations a day: every 4-6 hours -> (4, 6), "3 to 4 times a
        day" -> (3, 4), qds -> (4, 4); None when the frequency gives no rate."""
        apd = self.administrations_per_day
        if apd is None:
            return None
        if self.fewest_per_day is not None:
            return (min(self.fewest_per_day, apd), apd)
        if self.interval_hours is not None and self.interval_hours[1] > 0:
            return (min(24 / self.interval_hours[1], apd), apd)
        return (apd, apd)

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


class _Worked(_Value):
    """A value that keeps what is worked out from it once (not one of its fields, so not
    part of its equality): doses are shared, frozen objects (the checks' parse memo hands
    the same Dose to every check), so each works its daily maximum out once."""

    __slots__ = ("_daily",)


class Dose(_Worked):
    """One dose as a pharmacist reads it.  See module docs for the fields.

    ``per`` is "dose" or "day" (mg/day, per day, a day, daily total);
    ``per_weight`` is the "/kg" of mg/kg; ``titration_marker`` the marker that
    led to this step; ``parts`` the other doses of the same day the text joins to
    this one ("2 tablets in the morning and 1 at lunchtime": the 1 at lunchtime);
    ``unit_problem`` one of unknown_unit, not_dose_unit, mixed_units, missing_unit;
    ``directions`` a wording that leaves the dose to directions given elsewhere ("as
    directed", "mdu", "per sliding scale"); ``content`` the mass one measured or counted
    dose holds, written in brackets after it ("10 mL (10 mg)", "1 chewable tablet (5 mg)").
    """

    __slots__ = ("text", "span", "substance", "substance_key", "amount", "per", "per_piece", "per_weight",
                 "strength", "frequency", "as_needed", "route", "form", "duration", "taper", "max_per_dose",
                 "max_per_day", "max_doses_per_day", "max_duration_days", "titration", "titration_marker", "parts",
                 "unit_problem", "directions", "content", "ingredients")

    def __init__(self, text: str, span: Span, substance: Piece | None = None, substance_key: str | None = None,
                 amount: Amount | None = None, per: str = "dose", per_piece: Piece | None = None,
                 per_weight: Piece | None = None, strength: Strength | None = None,
                 frequency: Frequency | None = None, as_needed: Piece | None = None, route: Route | None = None,
                 form: Form | None = None, duration: Duration | None = None, taper: Piece | None = None,
                 max_per_dose: Limit | None = None, max_per_day: Limit | None = None,
                 max_doses_per_day: Limit | None = None, max_duration_days: Limit | None = None,
                 titration: tuple[Dose, ...] = (), titration_marker: Piece | None = None,
                 parts: tuple[Dose, ...] = (),
                 unit_problem: str | None = None, directions: Piece | None = None,
                 content: Strength | None = None, ingredients: tuple[Ingredient, ...] = ()) -> None:
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
        _set(self, "parts", parts)
        _set(self, "unit_problem", unit_problem)
        _set(self, "directions", directions)
        _set(self, "content", content)
        _set(self, "ingredients", ingredients)
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

    @property
    def count_unit(self) -> str | None:
        """The canonical name of what a count counts: the amount's own count unit ("2
        tablets"), else, for a bare count of a product ("Paracetamol 500 mg tablets: 2
        qds", "Co-codamol 30/500 tablets. 1-2 qds"), the form the product line names; None
        otherwise."""
        a = self.amount
        if a is None:
            return None
        if a.unit is not None:
            return a.unit.unit if a.unit.kind == "count" else None
        if (self.strength is None or self.strength.kind == "unit") and self.form is not None \
                and self.form.name in _COUNT_FORM_NAMES:
            return self.form.name  # "Co-codamol 30/500 tablets. 1-2 qds": the tablets the line names
        return None

    def limit_unit(self, limit: "Limit") -> tuple[str | None, bool]:
        """(canonical unit, inherited?) of a limit on this dose: its own unit, else, for a
        bare count ("1-2 tabs 4 hourly, max 8/24h"), the unit the dose's count counts."""
        if limit.amount is not None and limit.amount.unit is not None:
            return limit.amount.unit.unit, False
        if limit.kind in ("per_day", "per_dose") and limit.amount is not None and self.count_unit is not None:
            return self.count_unit, True
        return None, False

    def by_ingredient(self) -> tuple["Dose", ...]:
        """The dose of each substance of a combination product, each unit counted holding that
        substance's strength (2 tablets of hydrocodone-acetaminophen 5-500 mg: 2 of
        acetaminophen 500 mg and 2 of hydrocodone 5 mg); the dose itself when it is of one."""
        if not self.ingredients:
            return (self,)
        u = self.amount.unit if self.amount is not None else None
        amount = self.amount if u is None or u.kind in ("count", "unknown") else None  # "10 mg": of which?
        return tuple(_replace(self, substance=i.name, substance_key=i.substance, ingredients=(), amount=amount,
                              strength=i.strength if i.strength is not None else self.strength)
                     for i in self.ingredients)

    def envelope(self) -> Envelope | None:
        """What the dose spans over all its steps (smallest to largest amount, the fewest
        to the most administrations a day of its regular phases): see :class:`Envelope`.
        The checks read the first step; the envelope is the whole schedule."""
        return envelope(self)

    def to_record(self) -> dict:
        """Plain-data form for YAML; validated by schema/dose.schema.json."""
        return _dose_record(self)


def _walk_pieces(prefix: str, obj: Any) -> Iterator[tuple[str, str, Span]]:
    if obj is None:
        return
    if isinstance(obj, tuple) and obj and isinstance(obj[0], (Dose, Ingredient)):
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


def _piece(text: str, a: int, b: int) -> Piece:
    return Piece(text[a:b], (a, b))


def _replace(d: Dose, **kw: Any) -> Dose:
    vals = {name: getattr(d, name) for name in d.__slots__}
    vals.update(kw)
    return Dose(**vals)
