"""Quantities that are mentions, not doses: strengths a product comes in when a strength has a
decimal point ("come in 12.5, 25 and 50 microgram"), strengths said to be available or sold,
a supplement's serving size; and "per kilogram" written out is a dose by weight. Several
writers' styles; none of these sentences is in the corpus."""

from __future__ import annotations

import pytest

from medlint.doses import parse_doses


@pytest.mark.parametrize("text", [
    "Tablets come in 2.5, 5 and 10 mg strengths.",                                   # charity page
    "Capsules are supplied as 0.5, 1 and 2 mg.",                                     # leaflet
    "Eletriptan 40 mg and almotriptan 12.5 mg are available on prescription.",       # consumer page
    "A 75 mg tablet is available over the counter from pharmacies.",                 # UK pharmacy page
    "Serving Size: 3 Gummies",                                                       # US supplement label
    "Servings per container: 60 capsules",
    "Your capsules are 25 mg.",                                                      # NHS trust leaflet
    "We only stock the 5 mg strength.",
    "Each tablet contains 325 mg acetaminophen, 30 mg caffeine and 15 mg codeine.",  # Canadian monograph
])
def test_mentions_are_no_doses(text):
    assert parse_doses(text) == []


@pytest.mark.parametrize("text", [
    "Take 12.5 mg once a day; 25 mg tablets are also available.",    # the dose before the mention stays
    "Give 2.5 ml three times a day",
])
def test_a_dose_with_a_schedule_stays_a_dose(text):
    doses = parse_doses(text)
    assert doses and doses[0].frequency is not None


@pytest.mark.parametrize("text", [
    "Give 15 milligrams per kilogram every 6 hours",                  # hospital protocol
    "Dose: 10 mg per kilo twice daily",                               # vet-style shorthand in a human leaflet
    "Amoxicillin 25 mg a kilogram three times a day",
])
def test_per_kilogram_written_out_is_by_weight(text):
    assert parse_doses(text)[0].weight_based
