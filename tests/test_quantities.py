"""Dose arithmetic without pint (medlint/doses/quantities.py) against pint itself.

The ceiling checks compare a page's daily total with a sourced maximum; a conversion
factor that is off is a wrong "above the maximum". So the fast path is held to give
pint's own float, unit for unit, for every pair of the units it covers, and every
unit it does not cover must reach pint."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from medlint.doses import quantities as Q
from medlint.doses import units as U

FAST = sorted(Q.DEFINITIONS)
DOSE_UNITS = ["kilogram", "gram", "milligram", "microgram", "nanogram", "liter", "deciliter",
              "milliliter", "microliter", "cubic_centimeter", "international_unit", "enzyme_unit",
              *Q.COUNT_FORMS]
PER = ["day", "hour", "week", "kilogram", "liter"]

magnitudes = st.one_of(
    st.floats(min_value=1e-6, max_value=1e7, allow_nan=False),
    st.integers(min_value=0, max_value=100_000),
    st.sampled_from([0.5, 2.5, 1e-3, 4000.0, 0.1, 3]),
)


def pint_q(value, units: str):
    return U.pint_registry().Quantity(value, units)


def fast_q(value, units: str):
    q = U.get_registry().Quantity(value, units)
    assert isinstance(q, Q.Quantity), units
    return q


def same_float(a, b) -> bool:
    return a == b or (math.isnan(a) and math.isnan(b))


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(FAST), st.sampled_from(FAST), magnitudes)
def test_every_pair_converts_as_pint_does(src, dst, x):
    fast, slow = fast_q(x, src), pint_q(x, src)
    assert str(fast.dimensionality) == str(slow.dimensionality)
    try:
        expected = slow.to(dst).magnitude
    except Exception as e:  # pint's DimensionalityError
        assert type(e).__name__ == "DimensionalityError"
        with pytest.raises(Q.DimensionalityError):
            fast.to(dst)
        assert fast.dimensionality != fast_q(1, dst).dimensionality
        return
    got = fast.to(dst)
    assert same_float(got.magnitude, expected), (src, dst, x)
    assert type(got.magnitude) is type(expected)
    assert got.dimensionality == fast_q(1, dst).dimensionality


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(DOSE_UNITS), st.sampled_from(PER), st.sampled_from(DOSE_UNITS),
       st.sampled_from(PER), magnitudes, st.integers(min_value=1, max_value=8))
def test_per_day_and_per_kg_arithmetic_as_pint(a, per_a, b, per_b, x, n):
    """What the ceiling checks do: amount × doses / day, then compare with a cap."""
    fast = fast_q(x, a) * n / fast_q(1, per_a)
    slow = pint_q(x, a) * n / pint_q(1, per_a)
    assert same_float(fast.magnitude, slow.magnitude)
    assert format(fast.units, "~") == format(slow.units, "~")
    assert str(fast.dimensionality) == str(slow.dimensionality)
    cap_fast, cap_slow = fast_q(4000, b) / fast_q(1, per_b), pint_q(4000, b) / pint_q(1, per_b)
    same = slow.dimensionality == cap_slow.dimensionality
    assert (fast.dimensionality == cap_fast.dimensionality) is same
    if same:
        assert same_float(fast.to(cap_fast.units).magnitude, slow.to(cap_slow.units).magnitude)
        assert (fast > cap_fast) is (slow > cap_slow)
        assert (fast < cap_fast) is (slow < cap_slow)
        assert same_float(fast.to_base_units().magnitude, slow.to_base_units().magnitude)
    else:
        with pytest.raises(Q.DimensionalityError):
            fast.to(cap_fast.units)


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(DOSE_UNITS), magnitudes, st.sampled_from(["", "day", "kilogram", "kilogram/day"]))
def test_format_quantity_as_with_pint(unit, x, per):
    fast, slow = fast_q(x, unit), pint_q(x, unit)
    if per:
        fast, slow = fast / fast_q(1, per), slow / pint_q(1, per)
    assert U.format_quantity(fast) == U.format_quantity(slow)


@pytest.mark.parametrize("spelling", ["mg", "g", "mcg", "µg", "μg", "ug", "ng", "kg", "mL", "ml", "L",
                                      "IU", "units", "U", "mEq", "tablets", "caps", "drops", "%"])
def test_every_lexicon_dose_spelling_is_fast_and_means_what_pint_reads(spelling):
    q = U.quantity(2, spelling)
    assert isinstance(q, Q.Quantity)
    slow = pint_q(2, U.lookup_spelling(spelling).unit)
    assert str(q.dimensionality) == str(slow.dimensionality)
    assert U.format_quantity(q) == U.format_quantity(slow)


def test_every_unit_of_the_lexicon_is_built_without_pint():
    """So no lexicon quantity can meet a pint one in the checks' arithmetic."""
    exact, folded = U._lexicon_tables()  # the unit spellings of checks/dose-lexicon.yaml
    names = {sp.unit for sp in [*exact.values(), *folded.values()]}
    assert names <= set(Q.DEFINITIONS), names - set(Q.DEFINITIONS)
    for name in names:
        assert isinstance(U.get_registry().Quantity(1, name), Q.Quantity)
        assert U.dimension_of(name) == str(pint_q(1, name).dimensionality) or \
            (U.dimension_of(name) == "dimensionless" and not str(pint_q(1, name).dimensionality))


def test_the_factors_are_the_si_ones():
    assert U.quantity(1, "g").to("milligram").magnitude == 1000
    assert U.quantity(1, "mcg").to("milligram").magnitude == pytest.approx(1e-3, rel=1e-15)
    assert U.quantity(1, "kg").to("gram").magnitude == 1000
    assert U.quantity(1, "ng").to("microgram").magnitude == pytest.approx(1e-3, rel=1e-15)
    assert U.quantity(1, "L").to("milliliter").magnitude == pytest.approx(1000, rel=1e-15)
    assert U.quantity(1, "cc").to("milliliter").magnitude == pytest.approx(1, rel=1e-15)
    assert U.quantity(1, "week").to("day").magnitude == 7
    assert U.quantity(1, "day").to("hour").magnitude == 24
    assert U.quantity(1, "units").to("IU").magnitude == 1


@pytest.mark.parametrize("a,b", [("IU", "mg"), ("tablets", "capsules"), ("tablets", "mg"), ("mL", "mg"),
                                 ("drops", "mL")])
def test_no_conversion_across_dimensions(a, b):
    with pytest.raises(Q.DimensionalityError):
        U.quantity(1, a).to(U.lookup_spelling(b).unit)
    with pytest.raises(TypeError):  # a DimensionalityError is a TypeError, as pint's is
        U.quantity(1, a) < U.quantity(1, b)
    assert U.quantity(1, a) != U.quantity(1, b)


@pytest.mark.parametrize("unit", ["millisecond", "centigram / day", "furlong / day", "mg/mL", "milligram / mL"])
def test_units_it_does_not_define_fall_through_to_pint(unit):
    pint = pytest.importorskip("pint")
    reg = U.get_registry()
    try:
        q = reg.Quantity(1, unit)
    except pint.errors.UndefinedUnitError:
        return  # pint's own answer, not the fast path's
    assert not isinstance(q, Q.Quantity)
    assert isinstance(q, pint.Quantity)


def test_a_pint_alias_as_target_is_converted_by_pint():
    q = U.quantity(2, "g") / U.get_registry().Quantity(1, "day")
    assert q.to("mg / d").magnitude == 2000


def test_parse_units_takes_only_its_own_names():
    assert Q.parse_units("milligram / kilogram / day") == Q.Units({"milligram": 1, "kilogram": -1, "day": -1})
    assert Q.parse_units("kilogram * milligram / day ** 2") == Q.Units({"kilogram": 1, "milligram": 1, "day": -2})
    assert Q.parse_units("milligram / day * tablet") == Q.Units({"milligram": 1, "day": -1, "tablet": 1})
    assert Q.parse_units("1 / day") == Q.Units({"day": -1})
    for text in ("mg", "milligram / mL", "", "1", "day ** x", "** 2"):
        assert Q.parse_units(text) is None


def test_quantities_hash_and_compare_like_values():
    a, b = U.quantity(1, "g"), U.quantity(1000, "mg")
    assert a == b and hash(a) == hash(b)
    assert U.quantity(1, "mcg") == U.quantity(1, "µg")
    assert U.quantity(2, "g") > U.quantity(1500, "mg")
    assert not U.quantity(0, "mg")


def test_a_pint_quantity_on_the_left_of_a_fast_one_gives_pints_answer():
    """pint takes a foreign object for a plain number unless told otherwise: 3 mg × (5 mg) must be
    15 mg², not "15 mg mg"; the fast quantity converts itself whichever side it is on."""
    from medlint.doses.units import get_registry, pint_registry

    fast = get_registry().Quantity(5, "milligram")
    slow = pint_registry().Quantity(3, "milligram")
    for got in (slow * fast, fast * slow):
        assert type(got).__module__.startswith("pint") and got.magnitude == 15
        assert str(got.units) in ("mg ** 2", "milligram ** 2")
    assert (slow / fast).to("").magnitude == pytest.approx(0.6)
    assert (fast / slow).to("").magnitude == pytest.approx(5 / 3)
    assert slow < fast and fast > slow and not slow == fast


@settings(max_examples=60, deadline=None)
@given(a=st.floats(min_value=0.001, max_value=1e5), b=st.floats(min_value=0.001, max_value=1e5),
       units=st.sampled_from([("milligram", "gram"), ("gram", "microgram"), ("milliliter", "liter"),
                              ("milligram / day", "gram / day")]))
def test_sums_and_differences_agree_with_pint(a, b, units):
    from medlint.doses.units import get_registry, pint_registry

    left, right = units
    fast = get_registry().Quantity(a, left) + get_registry().Quantity(b, right)
    slow = pint_registry().Quantity(a, left) + pint_registry().Quantity(b, right)
    assert format(fast.units, "") == format(slow.units, "") or str(fast.units) == str(slow.units)
    assert fast.magnitude == pytest.approx(slow.magnitude, rel=1e-12)
    diff_fast = get_registry().Quantity(a, left) - get_registry().Quantity(b, right)
    diff_slow = pint_registry().Quantity(a, left) - pint_registry().Quantity(b, right)
    assert diff_fast.magnitude == pytest.approx(diff_slow.magnitude, rel=1e-9, abs=1e-9)


def test_a_sum_across_dimensions_is_refused():
    from medlint.doses.units import get_registry

    with pytest.raises(TypeError):
        get_registry().Quantity(5, "milligram") + get_registry().Quantity(5, "milliliter")
