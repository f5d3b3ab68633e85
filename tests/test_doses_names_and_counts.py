"""A brand's "Max" is part of its name, not a limit; a combination's two strengths before a
form ("30/500 tablets") are no count of tablets; "several times a day" gives no count. Each in
more than one writer's style; none of these sentences is in the corpus sig table."""

from __future__ import annotations

import pytest

from medlint.doses import parse_doses


@pytest.mark.parametrize("text, count, limit", [
    ("Anadin Max: 2 caplets up to 3 times a day, max 6 in 24 hours", 2, 6),            # UK pack
    ("Nurofen Max Strength 400 mg: take 1 tablet up to 3 times a day", 1, None),       # consumer page
    ("Panadol Max: take two tablets every 4 hours; do not exceed 8 tablets in 24 hours", 2, 8),
])
def test_a_brands_max_is_its_name(text, count, limit):
    d = parse_doses(text)[0]
    assert d.amount is not None and d.amount.upper.value == count
    assert (d.max_per_day.value if d.max_per_day else None) == limit
    assert "Max" in d.substance.raw


@pytest.mark.parametrize("text", [
    "Paracetamol 500 mg: 2 tablets four times a day. Max 8 tablets in 24 hours",       # a sentence's "Max"
    "Ibuprofen 200 mg: 1-2 tablets three times a day, Max 6 a day",
])
def test_a_sentences_max_is_still_a_limit(text):
    d = parse_doses(text)[0]
    assert d.max_per_day is not None


@pytest.mark.parametrize("text", [
    "Co-codamol 30/500 tablets: 2 qds prn",            # UK GP
    "Co-codamol 8/500 caplets, take 2 every 4-6 hours",  # OTC pack
    "Zapain 30/500 capsules. 1-2 four times a day",
])
def test_a_combinations_strengths_are_no_count(text):
    doses = parse_doses(text)
    assert all(d.amount is None or d.amount.upper.value != 500 for d in doses)
    assert any(d.frequency is not None for d in doses)


@pytest.mark.parametrize("text", [
    "Take 1-2 tablets when needed, several times a day",     # leaflet
    "Apply the gel a few times a day as required",            # consumer page
    "Use 1 lozenge many times a day if needed",
])
def test_several_times_a_day_gives_no_count(text):
    d = parse_doses(text)[0]
    assert d.frequency is not None and d.frequency.kind == "uncounted"
    assert d.frequency.per_day_range is None and d.daily_maximum() is None


@pytest.mark.parametrize("text, name", [
    ("Many of our patients take metformin 500 mg twice a day with meals", "metformin"),   # clinic page
    ("When my back flares I take naproxen 250mg twice a day", "naproxen"),                # forum post
    ("Most adults taking sertraline 50 mg once daily feel better within weeks", "sertraline"),  # consumer page
])
def test_the_medicine_is_named_after_the_verb_of_taking(text, name):
    assert parse_doses(text)[0].substance.raw == name


@pytest.mark.parametrize("text", [
    "You should take it 500 mg daily",
    "Take 2 tablets twice daily",
])
def test_a_pronoun_or_a_count_after_take_is_no_name(text):
    assert parse_doses(text)[0].substance is None
