"""The memos of the dose arithmetic (medlint.doses.quantities, medlint.doses.units): a
conversion factor, a unit product's dimensions and a formatted quantity are worked out once
and then read back; what is read back is what working them out again gives, and the memos
stay bounded however many amounts a long run (a language server's edits) meets."""

from __future__ import annotations

from hypothesis import given, strategies as st

from medlint.doses import quantities as q
from medlint.doses import units as u

UNITS = ["milligram", "gram", "microgram", "kilogram", "milliliter", "liter", "microliter",
         "milligram / day", "gram / day", "milligram / kilogram", "milligram / kilogram / day",
         "international_unit", "tablet", "puff / day", "milligram / milliliter", "day", "hour / week"]
magnitudes = st.one_of(st.integers(-10**7, 10**7), st.floats(-1e9, 1e9, allow_nan=False))


@given(magnitudes, st.sampled_from(UNITS))
def test_a_formatted_quantity_read_back_is_the_one_worked_out(magnitude, unit):
    quantity = q.Quantity(magnitude, q.parse_units(unit))
    fresh = u._format_quantity(quantity)
    assert u.format_quantity(quantity) == fresh
    assert u.format_quantity(q.Quantity(magnitude, q.parse_units(unit))) == fresh  # from the memo


@given(st.sampled_from(UNITS), st.sampled_from(UNITS))
def test_a_conversion_factor_read_back_is_the_one_worked_out(a, b):
    src, dst = q.parse_units(a), q.parse_units(b)
    if q.Dimensions(_dims(src)) != q.Dimensions(_dims(dst)):
        for _ in range(2):  # refused every time, not remembered as a factor
            try:
                q.conversion_factor(src, dst)
            except q.DimensionalityError:
                continue
            raise AssertionError(f"{a} -> {b} converted")
        return
    fresh = q._root(q._combine(src._d, dst._d, -1))[0]
    assert q.conversion_factor(src, dst) == fresh
    assert q.conversion_factor(q.parse_units(a), q.parse_units(b)) == fresh
    assert src.dimensionality == q.Dimensions(_dims(src))


def _dims(units) -> dict:
    out: dict = {}
    for name, exp in units.items():
        out = q._combine(out, q._base_dimensions(name), exp)
    return out


def test_the_memos_stay_bounded():
    mg = q.parse_units("milligram")
    for i in range(10_000):
        u.format_quantity(q.Quantity(i + 0.5, mg))
    assert 0 < len(u._FORMATTED) <= u._FORMATTED_LIMIT
    assert len(q._FACTORS) <= q._KEPT and len(q._DIMENSIONS) <= q._KEPT
