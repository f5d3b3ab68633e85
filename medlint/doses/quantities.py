"""Quantities in the units doses are written in, without pint.

A pre-commit hook checks one article; importing pint and building its registry
was a third of its time. The ceiling and comparison arithmetic only ever meets
a few units (mass, volume, biological activity, counts of forms, and time for
"per day"), so :mod:`medlint.doses.units` builds those quantities here and
hands anything else to pint.

The definitions below are the ones ``units.txt`` gives pint, unit for unit, and
a conversion factor is worked out the way pint works it out (every scale on the
way to the base units, equal scales cancelled, the rest multiplied in order),
so both give the same float for the same conversion; tests/test_quantities.py
holds them to that.

Sources of the factors:

* SI prefixes nano (1e-9), micro (1e-6), milli (1e-3), centi (1e-2), deci (1e-1)
  and kilo (1e3), and the gram and metre as units of mass and length: BIPM, *The
  International System of Units* (SI Brochure, 9th edition, 2019), section 3 and
  Table 7.
* litre = 1 dm³ (so mL = cm³ = cc); minute = 60 s, hour = 60 min, day = 24 h;
  degree = π/180 rad: the same brochure, Table 8 (non-SI units accepted for use
  with the SI).
* week = 7 days; month = 30 days and year = 365 days are medlint's counting
  conventions for courses, as in ``units.txt``.
* IU and "unit" share a dimension of their own (an international unit is
  defined per substance by a WHO reference preparation, never as a mass); every
  count form (tablet, capsule, drop, ...) is a dimension of its own; percent is
  a pure number, 0.01.
"""

from __future__ import annotations

import operator
import re

__all__ = ["DimensionalityError", "Units", "Quantity", "parse_units", "DEFINITIONS", "SYMBOLS"]

COUNT_FORMS = ("cell", "tablet", "capsule", "patch", "puff", "drop", "spray", "sachet",
               "suppository", "lozenge", "vial", "ampoule", "softgel", "piece", "pen", "nebule", "gummy",
               "pessary", "fingertip_unit", "teaspoon")

#: name -> (scale, reference): a base unit has the dimension it stands for as a
#: string and no scale; any other unit is ``scale`` times its reference units.
#: Scales keep the number type ``units.txt`` gives pint (int 24, float 1e-3).
DEFINITIONS: dict[str, tuple] = {
    "gram": (None, "[mass]"),
    "kilogram": (1e3, {"gram": 1}),
    "milligram": (1e-3, {"gram": 1}),
    "microgram": (1e-6, {"gram": 1}),
    "nanogram": (1e-9, {"gram": 1}),
    "meter": (None, "[length]"),
    "decimeter": (1e-1, {"meter": 1}),
    "centimeter": (1e-2, {"meter": 1}),
    "millimeter": (1e-3, {"meter": 1}),
    "micrometer": (1e-6, {"meter": 1}),
    "liter": (1, {"decimeter": 3}),
    "deciliter": (1e-1, {"liter": 1}),
    "milliliter": (1e-3, {"liter": 1}),
    "microliter": (1e-6, {"liter": 1}),
    "cubic_centimeter": (1, {"centimeter": 3}),
    "second": (None, "[time]"),
    "minute": (60, {"second": 1}),
    "hour": (60, {"minute": 1}),
    "day": (24, {"hour": 1}),
    "week": (7, {"day": 1}),
    "month": (30, {"day": 1}),
    "year": (365, {"day": 1}),
    "international_unit": (None, "[activity]"),
    "enzyme_unit": (1, {"international_unit": 1}),
    "equivalent": (None, "[equivalent]"),
    "milliequivalent": (1e-3, {"equivalent": 1}),
    "percent": (0.01, {}),
    "pi": (3.1415926535897932, {}),
    "radian": (None, "[angle]"),
    "degree": (1 / 180, {"pi": 1, "radian": 1}),
    **{form: (None, f"[{form}]") for form in COUNT_FORMS},
}

#: pint's short symbol of each unit (the first alias in ``units.txt``), for ``format(units, "~")``
SYMBOLS = {
    "gram": "g", "kilogram": "kg", "milligram": "mg", "microgram": "µg", "nanogram": "ng",
    "meter": "m", "decimeter": "dm", "centimeter": "cm", "millimeter": "mm", "micrometer": "µm",
    "liter": "L", "deciliter": "dL", "milliliter": "mL", "microliter": "µL", "cubic_centimeter": "cc",
    "second": "s", "minute": "min", "hour": "h", "day": "d", "week": "wk", "month": "mo", "year": "yr",
    "international_unit": "IU", "enzyme_unit": "U", "equivalent": "Eq", "milliequivalent": "mEq", "percent": "%", "radian": "rad", "degree": "deg",
    "tablet": "tab", "capsule": "cap", "drop": "gtt", "teaspoon": "tsp",
}


class DimensionalityError(TypeError):
    """Two quantities of different dimensions (mass and IU, mg and tablets) were converted
    or compared. A TypeError, as pint's own DimensionalityError is."""


# --------------------------------------------------------------------------
# units: exponents by unit name, in the order they were met (pint keeps that order too)


def _combine(a: dict, b: dict, sign: int) -> dict:
    out = dict(a)
    for name, exp in b.items():
        out[name] = out.get(name, 0) + sign * exp
        if out[name] == 0:
            del out[name]
    return out


def _power_text(names: list[tuple[str, int]]) -> str:
    return " * ".join(n if e == 1 else f"{n} ** {e}" for n, e in names)


def _fraction_text(items: list[tuple[str, int]]) -> str:
    """"a * b / c / d ** 2", as pint writes units and dimensions; "" for none."""
    num = [(n, e) for n, e in items if e > 0]
    den = [(n, -e) for n, e in items if e < 0]
    if not num and not den:
        return ""
    return (_power_text(num) if num else "1") + "".join(f" / {_power_text([d])}" for d in den)


class Dimensions:
    """A quantity's dimensions ("[mass]", "[length] ** 3 / [time]"): equal, and hash
    alike, whatever the order; read like a mapping (``dict(dims)``)."""

    __slots__ = ("_d",)

    def __init__(self, d: dict) -> None:
        self._d = d

    def __eq__(self, other) -> bool:
        return isinstance(other, Dimensions) and self._d == other._d

    def __hash__(self) -> int:
        return hash(frozenset(self._d.items()))

    def keys(self):
        return self._d.keys()

    def items(self):
        return self._d.items()

    def get(self, key, default=None):
        return self._d.get(key, default)

    def __getitem__(self, key):
        return self._d[key]

    def __iter__(self):
        return iter(self._d)

    def __str__(self) -> str:
        return _fraction_text(list(self._d.items())) or "dimensionless"

    def __repr__(self) -> str:
        return f"<Dimensions({self})>"


class Units:
    """A product of units with exponents ("milligram / kilogram / day")."""

    __slots__ = ("_d",)

    def __init__(self, d: dict) -> None:
        self._d = d

    def __eq__(self, other) -> bool:
        return isinstance(other, Units) and self._d == other._d

    def __hash__(self) -> int:
        return hash(frozenset(self._d.items()))

    def items(self):
        return self._d.items()

    @property
    def dimensionality(self) -> Dimensions:
        key = tuple(self._d.items())
        found = _DIMENSIONS.get(key)
        if found is None:
            dims: dict = {}
            for name, exp in self._d.items():
                dims = _combine(dims, _base_dimensions(name), exp)
            found = _keep(_DIMENSIONS, key, Dimensions(dims))
        return found

    def __mul__(self, other: "Units") -> "Units":
        return Units(_combine(self._d, other._d, 1))

    def __truediv__(self, other: "Units") -> "Units":
        return Units(_combine(self._d, other._d, -1))

    def __format__(self, spec: str) -> str:
        """Names sorted, numerator then each denominator, as pint writes them; ``~``: symbols."""
        items = sorted(self._d.items())
        if "~" in spec:
            items = [(SYMBOLS.get(n, n), e) for n, e in items]
        return _fraction_text(items)

    def __str__(self) -> str:
        return format(self, "~")  # medlint's pint registry prints short symbols too

    def __repr__(self) -> str:
        return f"<Units({format(self, '')})>"


def _base_dimensions(name: str) -> dict:
    scale, ref = DEFINITIONS[name]
    if scale is None:
        return {ref: 1}
    dims: dict = {}
    for sub, exp in ref.items():
        dims = _combine(dims, _base_dimensions(sub), exp)
    return dims


def _collect(units: dict, exp, base: dict, num: dict, den: dict) -> None:
    """Every scale met on the way from ``units`` to base units, by value, with its
    exponent (numerator or denominator); the base units' exponents in ``base``."""
    for name, e in units.items():
        e2 = exp * e
        scale, ref = DEFINITIONS[name]
        if scale is None:
            base[name] = base.get(name, 0) + e2
            continue
        side = den if e2 < 0 else num
        side[scale] = side.get(scale, 0) + abs(e2)
        _collect(ref, e2, base, num, den)


def _cancel(num: dict, den: dict) -> None:
    """Cancel a scale that is both above and below the line (milligram / milligram)."""
    while any(f in den for f in num):
        for f, e in num.items():
            if f in den and e >= den[f]:
                num[f] = e - den.pop(f)
        for f, e in den.items():
            if f in num and e >= num[f]:
                den[f] = e - num.pop(f)


def _root(units: dict) -> tuple:
    """(factor, base units): ``units`` = factor × base units."""
    base: dict = {}
    num: dict = {}
    den: dict = {}
    _collect(units, 1, base, num, den)
    _cancel(num, den)
    factor = 1
    for f, e in num.items():
        if e:
            factor *= f ** e
    for f, e in den.items():
        if e:
            factor *= f ** -e
    return factor, {k: v for k, v in base.items() if v}


def conversion_factor(src: Units, dst: Units):
    """The number a magnitude in ``src`` is multiplied by to be in ``dst``."""
    key = (tuple(src._d.items()), tuple(dst._d.items()))
    found = _FACTORS.get(key)
    if found is None:
        if src.dimensionality != dst.dimensionality:
            raise DimensionalityError(f"cannot convert from '{src}' ({src.dimensionality}) "
                                      f"to '{dst}' ({dst.dimensionality})")
        found = _keep(_FACTORS, key, _root(_combine(src._d, dst._d, -1))[0])
    return found


# Worked out once per unit product (by its units in order, so the float is the one the
# arithmetic above gives for it): a text meets a few dozen, a corpus a few hundred.
_DIMENSIONS: dict[tuple, Dimensions] = {}
_FACTORS: dict[tuple, object] = {}
_KEPT = 4096  # bounded: memory must not grow with the units a long run meets


def _keep(memo: dict, key, value):
    if len(memo) >= _KEPT:
        memo.clear()
    memo[key] = value
    return value


_OPERATOR = re.compile(r"\s{0,8}(\*\*|\*|/)\s{0,8}")  # bounded: linear on a long run of spaces


def parse_units(text: str) -> Units | None:
    """Units written with this module's unit names ("milligram / day", "liter ** 2");
    None for anything else (an alias, a prefix, a name it does not define)."""
    pieces = _OPERATOR.split(text.strip())
    terms: list[list] = []
    for i, piece in enumerate(pieces[0::2]):
        op = pieces[2 * i - 1] if i else "*"
        if op == "**":
            if not terms or not piece.isdigit():
                return None
            terms[-1][1] *= int(piece)
        elif piece == "1" and i == 0:
            continue
        elif piece in DEFINITIONS:
            terms.append([piece, 1 if op == "*" else -1])
        else:
            return None
    if not terms:
        return None
    out: dict = {}
    for name, exp in terms:
        out = _combine(out, {name: exp}, 1)
    return Units(out)


# --------------------------------------------------------------------------
# quantities


class Quantity:
    """A magnitude in some :class:`Units`, with the arithmetic dose checks use: ``*`` and
    ``/`` by numbers and quantities (units multiply, nothing is converted), ``to``,
    ``to_base_units`` and comparisons (in base units when the units differ)."""

    __slots__ = ("magnitude", "units")

    def __init__(self, magnitude, units: Units) -> None:
        self.magnitude = magnitude
        self.units = units

    @property
    def dimensionality(self) -> Dimensions:
        return self.units.dimensionality

    def unit_items(self) -> list[tuple[str, int]]:
        return list(self.units.items())

    def to(self, units):
        dst = _units_of(units)
        if dst is None:  # a unit of pint's (an alias, a prefix): pint converts
            return self.as_pint().to(units)
        return Quantity(self.magnitude * conversion_factor(self.units, dst), dst)

    def as_pint(self):
        """The same quantity in medlint's pint registry (builds it)."""
        from medlint.doses.units import pint_registry

        return pint_registry().Quantity(self.magnitude, format(self.units, ""))

    def to_base_units(self) -> "Quantity":
        factor, base = _root(self.units._d)
        return Quantity(self.magnitude * factor, Units(base))

    to_root_units = to_base_units

    def __mul__(self, other):
        if _is_pint(other):
            return self.as_pint() * other
        if isinstance(other, Quantity):
            return Quantity(self.magnitude * other.magnitude, self.units * other.units)
        if isinstance(other, (int, float)):
            return Quantity(self.magnitude * other, self.units)
        return NotImplemented

    __rmul__ = __mul__

    def __add__(self, other):
        """A sum in the left operand's unit, as pint gives it; across dimensions, DimensionalityError."""
        if _is_pint(other):
            return self.as_pint() + other
        if not isinstance(other, Quantity):
            return NotImplemented
        if self.dimensionality != other.dimensionality:
            raise DimensionalityError(f"cannot add '{other.units}' to '{self.units}'")
        return Quantity(self.magnitude + other.to(self.units).magnitude, self.units)

    def __radd__(self, other):
        if _is_pint(other):
            return other + self.as_pint()
        return NotImplemented

    def __sub__(self, other):
        if _is_pint(other):
            return self.as_pint() - other
        if not isinstance(other, Quantity):
            return NotImplemented
        return self + Quantity(-other.magnitude, other.units)

    def __rsub__(self, other):
        if _is_pint(other):
            return other - self.as_pint()
        return NotImplemented

    def __truediv__(self, other):
        if _is_pint(other):
            return self.as_pint() / other
        if isinstance(other, Quantity):
            return Quantity(self.magnitude / other.magnitude, self.units / other.units)
        if isinstance(other, (int, float)):
            return Quantity(self.magnitude / other, self.units)
        return NotImplemented

    def __rtruediv__(self, other):
        if _is_pint(other):
            return other / self.as_pint()
        if isinstance(other, (int, float)):
            return Quantity(other / self.magnitude, Units({}) / self.units)
        return NotImplemented

    def _compare(self, other, op):
        if _is_pint(other):
            return op(self.as_pint(), other)
        if not isinstance(other, Quantity):
            return NotImplemented
        if self.units == other.units:
            return op(self.magnitude, other.magnitude)
        if self.dimensionality != other.dimensionality:
            raise DimensionalityError(f"cannot compare '{self.units}' with '{other.units}'")
        return op(self.to_base_units().magnitude, other.to_base_units().magnitude)

    def __lt__(self, other):
        return self._compare(other, operator.lt)

    def __le__(self, other):
        return self._compare(other, operator.le)

    def __gt__(self, other):
        return self._compare(other, operator.gt)

    def __ge__(self, other):
        return self._compare(other, operator.ge)

    def __eq__(self, other) -> bool:
        if not isinstance(other, Quantity):
            return NotImplemented
        if self.units == other.units:
            return self.magnitude == other.magnitude
        if self.dimensionality != other.dimensionality:
            return False
        return self.to_base_units().magnitude == other.to_base_units().magnitude

    def __hash__(self) -> int:
        base = self.to_base_units()
        return hash((base.magnitude, base.units))

    def __bool__(self) -> bool:
        return bool(self.magnitude)

    def __str__(self) -> str:
        return f"{self.magnitude} {self.units:~}".rstrip()  # short symbols, as medlint's pint registry prints

    def __repr__(self) -> str:
        return f"<Quantity({self.magnitude}, '{format(self.units, '')}')>"


def _units_of(units) -> Units | None:
    """The :class:`Units` of a target unit (Units, Quantity or unit names); None when only
    pint can read it."""
    if isinstance(units, Units):
        return units
    if isinstance(units, Quantity):
        return units.units
    return parse_units(units) if isinstance(units, str) else None


def _is_pint(value) -> bool:
    return hasattr(value, "_REGISTRY")
