"""Unit reading and dose arithmetic check their conditions instead of catching every error:
garbage is None, another dimension is "not comparable", and nothing else is swallowed."""

from hypothesis import given, settings, strategies as st

from medlint.doses import parse_doses
from medlint.doses import units as U


def test_garbage_units_are_none():
    for text in ["((", "mg**", "1/0", "5mg", "kg-1", "mg/", "__init__", "nan", "inf", "mgs", "x"]:
        assert U.parse_unit(text) is None, text
        assert not U.pint_knows(text), text


def test_units_pint_reads_are_read():
    assert str(U.dimension_of("mg/kg")) == "dimensionless"
    assert U.parse_unit("millisecond") is not None  # a prefixed unit only pint builds
    assert U.pint_knows("hrs") and U.pint_knows("%") and U.pint_knows("per cent")


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="mgkLl/*_ µ%()1.-2hIUdaysx", max_size=12))
def test_parse_unit_never_raises(text):
    got = U.parse_unit(text)  # the lexicon's spellings ("gm") or what pint reads, else None
    assert got is None or U.lookup_spelling(text) is not None or U.pint_knows(text)
    U.pint_knows(text)


def test_same_dimension_and_convertible():
    reg = U.get_registry()
    assert U.same_dimension(reg.Quantity(1, "milligram"), U.pint_registry().Quantity(2, "g"))
    assert not U.same_dimension(reg.Quantity(1, "milligram"), reg.Quantity(1, "tablet"))
    assert U.convertible("gram", "milligram") and not U.convertible("tablet", "milligram")


def test_limit_in_another_dimension_does_not_cap():
    # a count cap beside a mass dose, a mass cap beside a count: not comparable, no cap
    d = parse_doses("Paracetamol 500 mg every 6 hours, max 8 tablets a day")[0]
    assert d.daily_maximum() is not None and "capped" not in d.daily_maximum().explanation
    d = parse_doses("2 tablets every 6 hours, no more than 4 g in 24 hours")[0]
    assert d.envelope().high == 2
