"""Sig wordings the dose reader now reads (set 9's round), each in writers' styles of my own,
none from the corpus sig table: a dose-to-text rendering whose parts a dash joins, a count in
words before a meal time, a bare count of the form a product line names, and a strength list
or a numeric date's year that is no amount."""

from __future__ import annotations

import pytest

from medlint.doses import parse_doses


def first(text: str):
    doses = parse_doses(text)
    assert doses, text
    return doses[0]


@pytest.mark.parametrize("text, per_day", [
    ("1 capsule - twice a day - for 7 days", (2, 2)),                       # dose-to-text rendering
    ("2 puff - every 6 hours - when required", (4, 4)),
    ("Naproxen 250 mg - three times a day with food", (3, 3)),              # a formulary line
])
def test_a_dash_joins_a_doses_parts(text, per_day):
    assert first(text).frequency.per_day_range == pytest.approx(per_day)


@pytest.mark.parametrize("text", [
    "Doxycycline 100 mg capsules - an antibiotic for acne",
    "Ibuprofen 200 mg - Nurofen, Advil",
])
def test_a_dash_before_no_dose_part_still_ends_the_clause(text):
    assert all(d.frequency is None for d in parse_doses(text))


@pytest.mark.parametrize("text, count, unit, per_day", [
    ("Gliclazide 80 mg tablets: two with breakfast", 2, "tablet", (1, 1)),         # UK label
    ("Atorvastatin 20 mg tablets - take one with the evening meal", 1, "tablet", (1, 1)),
])
def test_a_count_in_words_before_a_meal_time_is_a_daily_dose(text, count, unit, per_day):
    d = first(text)
    env = d.envelope()
    assert (env.low, env.unit) == (count, unit)
    assert d.frequency.per_day_range == pytest.approx(per_day)


@pytest.mark.parametrize("text, unit", [
    ("Econazole 150 mg pessary: insert one at bedtime for 3 nights", "pessary"),     # leaflet
    ("Co-dydramol 10/500 tablets. 2 qds prn", "tablet"),                             # UK prescription
    ("Co-careldopa 25/100 tablets: 1 tds", "tablet"),
])
def test_a_bare_count_counts_the_form_its_line_names(text, unit):
    assert first(text).count_unit == unit
    assert first(text).envelope().unit == unit


@pytest.mark.parametrize("text", [
    "Seen in clinic on 02/09/2026 at 10:15 AM.",
    "Letter printed 9.2.2026 at 08:30.",
])
def test_the_year_of_a_numeric_date_is_no_amount(text):
    assert not parse_doses(text)


@pytest.mark.parametrize("text, unit, per_day", [
    ("Tab Glycomet 500 mg 1-0-1 tab after meals", "tablet", 2),        # Indian prescription
    ("Amoxicillin 250 mg 1-1-1 caps x 5 days", "capsule", 3),
    ("1-0-1 tab x 7 days", "tablet", 2),                                 # a grid with no strength before it
])
def test_a_form_after_a_dose_grid_is_its_unit(text, unit, per_day):
    d = first(text)
    assert d.count_unit == unit
    assert d.frequency.per_day_range == pytest.approx((per_day, per_day))


@pytest.mark.parametrize("text", ["Follow-up on 1-1-2026 at the clinic", "The child scored 1-0-1 on the test"])
def test_a_date_or_a_score_is_no_grid(text):
    assert not parse_doses(text)


@pytest.mark.parametrize("text", [
    "Lansoprazole 15 mg: 1 cap od ac",                  # UK prescription: before food
    "Esomeprazole 20 mg 1 tab od ac for 4/52",
])
def test_a_frequency_after_an_amount_may_be_followed_by_a_meal_abbreviation(text):
    f = first(text).frequency
    assert f is not None and f.per_day_range == pytest.approx((1, 1))


@pytest.mark.parametrize("text", ["Turn the light on 20 times an hour", "Come on, 2 of us can go"])
def test_a_word_that_is_a_frequency_only_after_an_amount_stays_a_word(text):
    assert all(d.frequency is None for d in parse_doses(text))


@pytest.mark.parametrize("text, unit", [
    ("Glycopyrronium 44 microgram inhalation powder: inhale the contents of one capsule once a day", "capsule"),
    ("Movicol 13.7 g powder: one sachet in water twice a day", "sachet"),
])
def test_a_strength_heading_its_line_after_its_form_is_not_the_dose(text, unit):
    d = first(text)
    assert d.count_unit == unit and d.frequency is not None
