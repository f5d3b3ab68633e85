"""Units for dose expressions: a spelling lexicon (no pint needed), the dose
registry that builds quantities of the common dose units without pint
(:mod:`medlint.doses.quantities`), and the one shared pint registry behind it
for any other unit, built lazily on first use.

The registry is loaded from the small definitions file ``units.txt`` next to
this module rather than pint's default registry: building it takes ~5-10 ms
against ~130 ms for ``pint.UnitRegistry()`` (measured with pint 0.25 on
Python 3.11), which matters for the editors' pre-commit hook.

Design decisions encoded in ``units.txt``:

* ``IU`` / ``unit`` / ``U`` share a dimension of their own, ``[activity]``;
  they never convert to mass.
* every count form (cell, tablet, capsule, patch, puff, drop, ...) is its own
  dimension, so "2 tablets" is never comparable with "2 capsules" or "2 mg".
* ``mcg``, ``µg`` (micro sign), ``μg`` (Greek mu) and ``ug`` are one unit.
"""

from __future__ import annotations

import math
import os
import re
import threading
from dataclasses import dataclass
from typing import Any

from medlint import policy

from . import quantities as _q
from .quantities import DimensionalityError

__all__ = [
    "UnitSpelling",
    "DOSE_KINDS",
    "COUNT_UNITS",
    "lookup_spelling",
    "get_registry",
    "pint_registry",
    "DoseRegistry",
    "DimensionalityError",
    "quantity",
    "parse_unit",
    "pint_knows",
    "same_dimension",
    "convertible",
    "dimension_of",
    "convert",
    "format_quantity",
    "format_number",
    "DEFINITIONS_PATH",
]

DEFINITIONS_PATH = os.path.join(os.path.dirname(os.path.abspath(__file__)), "units.txt")

#: unit kinds that can carry a dose amount
DOSE_KINDS = frozenset({"mass", "volume", "activity", "count"})
# forms counted in units of their own ("2 tablets"): a bare count of one counts them
COUNT_FORMS = frozenset({"tablet", "capsule", "suppository", "lozenge", "sachet", "patch", "pessary"})

COUNT_UNITS = (
    "cell", "tablet", "capsule", "patch", "puff", "drop", "spray", "sachet",
    "suppository", "lozenge", "vial", "ampoule", "softgel", "piece", "pen", "nebule", "gummy", "pessary",
    "fingertip_unit",
)


@dataclass(frozen=True)
class UnitSpelling:
    """What a written unit token means.

    ``unit`` is the canonical pint unit name (valid in :func:`get_registry`),
    ``kind`` one of mass, volume, activity, count, percent, length, angle, time.
    """

    unit: str
    kind: str


def _build_lexicon(data: dict) -> tuple[dict[str, UnitSpelling], dict[str, UnitSpelling]]:
    """Return (case-sensitive table, lower-case table) of the unit spellings of
    checks/dose-lexicon.yaml (``unit_spellings``)."""
    exact: dict[str, UnitSpelling] = {}
    folded: dict[str, UnitSpelling] = {}
    for entry in data["unit_spellings"]:
        sp = UnitSpelling(entry["unit"], entry["kind"])
        for s in entry.get("spellings", ()):
            folded[s.lower()] = sp
        for s in entry.get("exact_spellings", ()):
            exact[s] = sp
    return exact, folded


def _lexicon_tables() -> tuple[dict[str, UnitSpelling], dict[str, UnitSpelling]]:
    return policy.derived(_build_lexicon, policy.load("dose-lexicon"))


def lookup_spelling(raw: str) -> UnitSpelling | None:
    """Meaning of a unit as written, from the lexicon (never touches pint).

    Micro sign and Greek mu are treated alike.  Returns None for spellings the
    lexicon does not accept (e.g. ``"mgs"``), even where pint might read them.
    """
    s = " ".join(raw.replace("μ", "µ").split())
    exact, folded = _lexicon_tables()
    if s in exact:
        return exact[s]
    return folded.get(s.lower())


def spelling_of(unit: str) -> str | None:
    """A spelling the lexicon reads for the canonical ``unit`` ("international_unit": "iu")."""
    exact, folded = _lexicon_tables()
    return next((s for table in (folded, exact) for s, spl in table.items() if spl.unit == unit), None)


# --------------------------------------------------------------------------
# the shared registries

_pint_registry: Any = None
_lock = threading.Lock()
build_seconds: float | None = None  #: time the pint registry build took (for diagnostics)


def pint_registry():
    """Return the one shared pint ``UnitRegistry`` (imported and built on first call)."""
    global _pint_registry, build_seconds
    if _pint_registry is None:
        with _lock:
            if _pint_registry is None:
                import time

                import pint

                t0 = time.perf_counter()
                reg = pint.UnitRegistry(DEFINITIONS_PATH)
                reg.formatter.default_format = "~"  # short symbols when printed
                # pint hands an operation with one of medlint's own quantities back to it (which
                # converts itself to pint), instead of taking it for a plain number
                from pint import compat

                from medlint.doses.quantities import Quantity as _Fast

                compat.upcast_type_map[f"{_Fast.__module__}.{_Fast.__qualname__}"] = _Fast
                build_seconds = time.perf_counter() - t0
                _pint_registry = reg
    return _pint_registry


class DoseRegistry:
    """What dose code asks a unit registry for (``Quantity``, ``Unit``, ``parse_units``,
    ``in``). Units written with the names of :mod:`medlint.doses.quantities` (mass,
    volume, IU and units, count forms, time, percent, angle: every unit of the lexicon)
    are built there, without pint; anything else (an alias such as "mg", a prefixed unit
    such as "millisecond", a pint Unit object) goes to :func:`pint_registry`, which
    imports pint the first time it is needed."""

    def Quantity(self, value, unit):  # noqa: N802 - pint's spelling, so callers need not know which
        units = _fast_units(unit)
        if units is None:
            return pint_registry().Quantity(value, unit)
        return _q.Quantity(value, units)

    def Unit(self, unit):  # noqa: N802
        units = _fast_units(unit)
        return pint_registry().Unit(unit) if units is None else units

    def parse_units(self, text: str):
        units = _fast_units(text)
        return pint_registry().parse_units(text) if units is None else units

    def __contains__(self, name: str) -> bool:
        return name in _q.DEFINITIONS or name in pint_registry()


def _fast_units(unit):
    if isinstance(unit, _q.Units):
        return unit
    return _q.parse_units(unit) if isinstance(unit, str) else None


_REGISTRY = DoseRegistry()


def get_registry() -> DoseRegistry:
    """Return the one shared dose registry (pint behind it only for units it alone reads)."""
    return _REGISTRY


def parse_unit(raw: str):
    """Units of a written unit: lexicon first, then pint itself.

    Returns None if neither understands it.
    """
    sp = lookup_spelling(raw)
    reg = get_registry()
    if sp is not None:
        return reg.Unit(sp.unit)
    text = raw.replace("μ", "µ").strip()
    fast = _q.parse_units(text) if text else None
    if fast is not None:
        return fast
    return pint_registry().parse_units(text) if _pint_can_read(text) else None


# a unit expression pint reads: names joined by "*", "/" or a blank, each maybe "** N"
_UNIT_NAME = r"[A-Za-zµ][A-Za-zµ_]{0,40}(?:[ ]{0,4}\*\*[ ]{0,4}\d{1,2})?"
_UNIT_EXPR = re.compile(rf"(?:1[ ]{{0,4}}/[ ]{{0,4}})?{_UNIT_NAME}(?:(?:[ ]{{0,4}}[*/][ ]{{0,4}}|[ ]{{1,4}}){_UNIT_NAME}){{0,8}}")
_NAMES = re.compile(r"[A-Za-zµ][A-Za-zµ_]{0,40}")


def _pint_can_read(text: str) -> bool:
    """Is ``text`` a unit expression whose every name pint defines (checked before asking
    pint, which raises a different error for each kind of garbage)?"""
    if not text or _UNIT_EXPR.fullmatch(text) is None:
        return False
    reg = pint_registry()
    return all(reg.parse_unit_name(name) for name in _NAMES.findall(text))


def pint_knows(raw: str) -> bool:
    """True if pint (our registry) can read this unit as written."""
    text = raw.replace("μ", "µ").strip()
    if not text:
        return False
    if text == "%" or _q.parse_units(text) is not None or _pint_can_read(text):
        return True
    return lookup_spelling(raw) is not None and raw.strip().lower() in {
        "international unit", "international units", "per cent", "fingertip unit", "fingertip units",
        "finger-tip unit", "finger-tip units"
    }


def same_dimension(a, b) -> bool:
    """Are two quantities (medlint's own or pint's) of one dimension, so that one converts
    to the other's units?"""
    return dict(a.dimensionality) == dict(b.dimensionality)


def convertible(unit: str, other: str) -> bool:
    """Can an amount in ``unit`` be written in ``other`` (canonical unit names)?"""
    reg = get_registry()
    return same_dimension(reg.Quantity(1, unit), reg.Quantity(1, other))


def dimension_of(raw: str) -> str | None:
    """Dimensionality string of a written unit (e.g. ``"[mass]"``), as pint writes it."""
    u = parse_unit(raw)
    if u is None:
        return None
    dim = str(u.dimensionality)
    return dim if dim else "dimensionless"


def quantity(value: float, unit: str):
    """A Quantity in the shared registry; ``unit`` may be any spelling."""
    reg = get_registry()
    sp = lookup_spelling(unit)
    return reg.Quantity(value, sp.unit if sp else unit)


def convert(q, unit: str):
    """Convert a Quantity to ``unit`` (any spelling the lexicon knows)."""
    sp = lookup_spelling(unit)
    return q.to(sp.unit if sp else unit)


def format_number(x: float) -> str:
    """Short human form: 4000.0 -> '4000', 0.25 -> '0.25', 1e6 -> '1000000'."""
    if isinstance(x, float) and not math.isfinite(x):
        return str(x)
    if float(x).is_integer():
        return str(int(x))
    return f"{x:.6g}"


_MASS_STEPS = ("kilogram", "gram", "milligram", "microgram", "nanogram")
_VOLUME_STEPS = ("liter", "milliliter", "microliter")


def format_quantity(q) -> str:
    """Format a Quantity compactly with short symbols: 4000 mg -> '4 g'.

    Mass and volume are rescaled to the largest unit giving a value >= 1;
    a trailing ``/ day`` is written ``/day``. Worked out once per magnitude and
    units (in order) for medlint's own quantities: the checks format the same
    doses and ceilings again at every check of an article.
    """
    if not isinstance(q, _q.Quantity):
        return _format_quantity(q)
    key = (q.magnitude, tuple(q.units.items()))
    found = _FORMATTED.get(key)
    if found is None:
        if len(_FORMATTED) >= _FORMATTED_LIMIT:  # bounded: a long run (an editor typing) meets ever new amounts
            _FORMATTED.clear()
        found = _FORMATTED[key] = _format_quantity(q)
    return found


_FORMATTED: dict[tuple, str] = {}
_FORMATTED_LIMIT = 1024  # an article formats a few dozen; ~250 bytes an entry


def _format_quantity(q) -> str:
    reg = get_registry() if isinstance(q, _q.Quantity) else pint_registry()
    per_day = False
    base = q
    if dict(q.dimensionality).get("[time]") == -1:
        per_day = True
        base = q * reg.Quantity(1, "day")
        base = base.to(base.units)  # cancels day/day
    steps: tuple[str, ...] = ()
    if base.dimensionality == reg.Quantity(1, "gram").dimensionality:
        steps = _MASS_STEPS
    elif base.dimensionality == reg.Quantity(1, "liter").dimensionality:
        steps = _VOLUME_STEPS
    out = base
    for name in steps:
        cand = base.to(name)
        if abs(cand.magnitude) >= 1 or name == steps[-1]:
            out = cand
            break
    names = list(out.unit_items())
    if len(names) == 1 and names[0][1] == 1 and names[0][0] in _DISPLAY:
        sym = _DISPLAY[names[0][0]]
    else:
        sym = f"{out.units:~}".replace(" ", "")
    if per_day:
        sym = f"{sym}/day" if sym else "/day"
    num = format_number(round(float(out.magnitude), 9))
    return f"{num} {sym}".strip()


_DISPLAY = {c: c for c in COUNT_UNITS}
_DISPLAY.update({
    "international_unit": "IU", "enzyme_unit": "units", "percent": "%",
    "milliliter": "mL", "liter": "L", "microliter": "µL", "cubic_centimeter": "mL",
})
