"""Property tests for the dose parser (hypothesis)."""

from __future__ import annotations

import math

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from medlint.doses import find_quantities, parse_doses

FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# fragments that poke at every part of the grammar
FRAGMENTS = [
    "500", "1,000", "0.5", ".5", "5.0", "1 × 10⁶", "10^6", "2x10", "-", "–", "—", " to ", "mg", "mcg",
    "µg", "μg", "g", "mL", "cc", "IU", "units", "U", "%", "°", "mm", "mgs", "tablets", "caps", "/day",
    "/kg", "/kg/day", "/mL", " per day", " a day", "every", "6 h", "q6h", "q4–6h", "TID", "b.i.d.",
    "QHS", "HS", "PRN", "as needed", "at night", "weekly", "once", "single shot", "twice daily",
    "max", "maximum", "not to exceed", "no more than", "up to", "doses", "in 24 hours", "days",
    "for 5 days", "over 7 days", "(6-day)", "taper", "⇧", "→", "->", "increase to", "then",
    "start at", "oral", "IV", "subcut", "epidural", "patch", "cream", "Dose-Pack", "(", ")", ";",
    ", ", ". ", " ", "\u00a0", "\n", "BPC-157", "Omega-3", "5-LOX", "L3–L4", "~12°", ">90 %",
    "12 h on / 12 h off", "e", "x", "×", "⁶", "^", "0", "00", "9999999999999999999999",
]

fragment_text = st.lists(st.sampled_from(FRAGMENTS), max_size=14).map("".join)
any_text = st.one_of(st.text(max_size=80), fragment_text)


def _check_spans(text, doses):
    for d in doses:
        for name, raw, (s, e) in d.pieces():
            assert 0 <= s <= e <= len(text), (name, s, e)
            assert text[s:e] == raw, (name, raw, text[s:e])


@FAST
@given(any_text)
def test_never_crashes_and_spans_hold(text):
    doses = parse_doses(text)
    _check_spans(text, doses)
    for d in doses:
        rec = d.to_record()
        assert rec["text"] == d.text
        d.daily_maximum()  # must not raise
    for q in find_quantities(text):
        assert text[q.span[0]:q.span[1]] == q.raw
        assert text[q.low.span[0]:q.low.span[1]] == q.low.raw


UNITS = [
    ("mg", "milligram"), ("g", "gram"), ("mcg", "microgram"), ("µg", "microgram"), ("μg", "microgram"),
    ("mL", "milliliter"), ("IU", "international_unit"), ("units", "enzyme_unit"),
    ("tablets", "tablet"), ("capsules", "capsule"), ("drops", "drop"),
]
FREQS = [
    ("every 6 h", 4), ("every 8 hours", 3), ("q8h", 3), ("q4–6h", 6), ("every 4-6 hours", 6),
    ("twice daily", 2), ("three times a day", 3), ("four times daily", 4), ("TID", 3), ("BID", 2),
    ("b.i.d.", 2), ("QID", 4), ("daily", 1), ("once daily", 1), ("at night", 1), ("at bedtime", 1),
    ("QHS", 1), ("weekly", 1 / 7), ("every other day", 0.5), (None, None),
]
NAMES = ["Ibuprofen", "Omega-3 Fish Oil", "BPC-157 Peptide", "Vitamin D3", "Recombinant BMP-7 (OP-1)"]
SEPS = ["-", "–", " to ", " – "]


def _fmt(value: float, thousands: bool) -> str:
    if float(value).is_integer():
        v = int(value)
        return f"{v:,}" if thousands else str(v)
    return f"{value:g}"


amounts = st.one_of(
    st.integers(min_value=1, max_value=50_000).map(float),
    st.integers(min_value=1, max_value=999).map(lambda n: n / 100),
)


@st.composite
def dose_expr(draw):
    low = draw(amounts)
    high = draw(st.one_of(st.none(), amounts.filter(lambda h: h > low)))
    unit_raw, unit = draw(st.sampled_from(UNITS))
    freq, apd = draw(st.sampled_from(FREQS))
    thousands = draw(st.booleans())
    name = draw(st.sampled_from(NAMES))
    max_day = draw(st.one_of(st.none(), st.integers(min_value=1, max_value=9000).map(float)))
    parts = [name, " ", _fmt(low, thousands)]
    if high is not None:
        parts += [draw(st.sampled_from(SEPS)), _fmt(high, thousands)]
    parts += [" ", unit_raw]
    if freq:
        parts += [" ", freq]
    if max_day is not None:
        parts += [draw(st.sampled_from([", ", "; "])),
                  draw(st.sampled_from(["max ", "maximum ", "not to exceed ", "do not exceed "])),
                  _fmt(max_day, False), " ", unit_raw,
                  draw(st.sampled_from(["/day", " per day", " a day", " in 24 hours"]))]
    parts.append(draw(st.sampled_from(["", " – Description; nausea in week 1.", ".", " with food"])))
    return "".join(parts), dict(low=low, high=high, unit=unit, unit_raw=unit_raw, apd=apd, max_day=max_day)


@FAST
@given(dose_expr())
def test_generated_expressions_round_trip(case):
    text, want = case
    doses = parse_doses(text)
    assert len(doses) == 1, (text, [d.text for d in doses])
    d = doses[0]
    _check_spans(text, doses)
    a = d.amount
    assert a is not None, text
    assert math.isclose(a.low.value, want["low"]), text
    if want["high"] is None:
        assert a.high is None, text
    else:
        assert a.high is not None and math.isclose(a.high.value, want["high"]), text
    assert a.unit.unit == want["unit"] and a.unit.raw == want["unit_raw"], text
    if want["apd"] is None:
        assert d.frequency is None, text
    else:
        assert math.isclose(d.frequency.administrations_per_day, want["apd"]), text
    if want["max_day"] is None:
        assert d.max_per_day is None, text
    else:
        assert d.max_per_day is not None and math.isclose(d.max_per_day.value, want["max_day"]), text
    rec = d.to_record()
    assert math.isclose(rec["amount"]["low"], want["low"])
    assert rec["text"] == text[d.span[0]:d.span[1]]


@FAST
@given(dose_expr())
def test_daily_maximum_matches_arithmetic(case):
    text, want = case
    d = parse_doses(text)[0]
    q = d.max_daily_amount()
    if want["apd"] is None:
        if want["max_day"] is None:
            assert q is None
        return
    upper = want["high"] if want["high"] is not None else want["low"]
    n = max(1, math.ceil(want["apd"] - 1e-9))
    expected = upper * n
    if want["max_day"] is not None:
        expected = min(expected, want["max_day"])
    assert math.isclose(q.magnitude, expected, rel_tol=1e-9), (text, q)
