"""Sigs a pharmacist reads as open: the dose is left to directions given elsewhere ("as
directed", "mdu", "per sliding scale"), or taken as needed with no digit in the text ("Take
one when needed"), and the cheap test the checks ask before reading a text. None of these
sentences is in the corpus sig table."""

from __future__ import annotations

import pytest

from medlint.doses import may_hold_dose, parse_doses


@pytest.mark.parametrize("text, wording", [
    ("Use as directed by your doctor", "as directed"),                    # consumer page
    ("Apply the cream as instructed", "as instructed"),                    # leaflet
    ("ONE TO BE TAKEN AS DIRECTED", "AS DIRECTED"),                        # UK pharmacy label
    ("2 mdu", "mdu"),                                                      # UK prescription shorthand
    ("Novorapid: give per sliding scale with meals", "per sliding scale"),  # hospital chart
    ("Inject according to the sliding scale", "according to the sliding scale"),
])
def test_directions_given_elsewhere(text, wording):
    doses = parse_doses(text)
    assert doses and doses[0].directions is not None
    assert doses[0].directions.raw.lower() == wording.lower()
    assert doses[0].to_record()["directions"] == {"raw": doses[0].directions.raw}


def test_a_dose_with_its_own_schedule_has_no_directions():
    assert parse_doses("Take 1 tablet twice a day")[0].directions is None


@pytest.mark.parametrize("text", [
    "Take one when needed for anxiety attacks",       # US label
    "Give one at bedtime if required",                # UK discharge sheet
    "two puffs when required",                        # inhaler label
    "Take as needed for pain",                        # pharmacy label
    "Use your reliever inhaler whenever you are wheezy",
    "Take as directed",
    "Methylprednisolone Dose-Pack (6-day)",
    "Take 2 tablets twice a day",
])
def test_may_hold_a_dose(text):
    assert may_hold_dose(text)


@pytest.mark.parametrize("text", [
    "",
    "Exercise keeps the discs healthy.",
    "Ask your pharmacist before taking any medicine.",
    "Rest, then return to light activity.",
])
def test_may_not_hold_a_dose(text):
    assert not may_hold_dose(text)
    assert parse_doses(text) == []


@pytest.mark.parametrize("text", [
    "Saline drops: 2 drops in each nostril before each feed",   # health visitor's sheet
    "Infant gaviscon: 1 sachet mixed with feeds",               # UK formulary style
    "Simethicone drops 0.5 mL after each feed",                 # US infant label
])
def test_a_babys_feeds_are_as_often_as_the_baby_feeds(text):
    d = parse_doses(text)[0]
    assert d.as_needed is not None and d.frequency is None


LIST = "Medicines\n(Doses are for adults; ask your pharmacist before taking any medicine.)\n-\n"


@pytest.mark.parametrize("sig", [
    "Lorazepam: take one when needed for anxiety",
    "Salbutamol inhaler: use as needed",
    "Hydrocortisone 1% cream: apply as directed",
    "Actrapid: inject per sliding scale",
])
def test_open_sigs_state_no_maximum(sig, tmp_path):
    from support import findings_for

    assert findings_for(LIST + sig, "DOS001", tmp_path)


@pytest.mark.parametrize("sig", [
    "Lorazepam 1 mg: take one when needed, no more than 4 in 24 hours",
    "Take as needed, maximum 4 doses a day",
    "Methylprednisolone Dose-Pack (6-day)",
])
def test_bounded_or_regimen_only_sigs_are_no_open_dose(sig, tmp_path):
    from support import findings_for

    assert not findings_for(LIST + sig, "DOS001", tmp_path)


def test_a_later_sentences_as_needed_reaches_a_dose_not_a_product_named_without_amount():
    mention = parse_doses("Estradiol 0.01% cream is another choice. Vaginal oestrogen can be used as long as "
                          "you need it.")
    assert all(d.as_needed is None for d in mention)
    dose = parse_doses("Naproxen 500 mg at the start of a period. You can repeat it after 12 hours if the "
                       "pain goes on.")[0]
    assert dose.as_needed is not None
