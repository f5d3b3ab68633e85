"""Prescription abbreviations the reader reads as a pharmacist does: "MDD 100 mg" (maximum daily
dose, only after a dose: it is also major depressive disorder), "PR" (per rectum, never the unit
of a count), "tsp" (a teaspoonful, its own measure) and a single repeat ("may repeat once": one
or two doses). Every sentence is written for this test, in the styles of a US prescription, a
UK leaflet and a clinic handout."""

from __future__ import annotations

import pytest

from medlint.doses import parse_doses


def first(text):
    doses = parse_doses(text)
    assert doses, text
    return doses[0]


@pytest.mark.parametrize("text, value", [
    ("Hydroxyzine 25 mg: 1-2 tabs PO QHS PRN itch, MDD 100 mg", 100),  # a US prescription
    ("Buspirone 5 mg PO TID, MDD 60 mg/day", 60),
    ("Escitalopram 10 mg every morning (MDD 20 mg)", 20),  # a clinic handout
])
def test_mdd_after_a_dose_is_the_most_a_day(text, value):
    d = first(text)
    assert d.max_per_day is not None and d.max_per_day.value == value


@pytest.mark.parametrize("text", [
    "Sertraline for MDD 50 mg daily",
    "For MDD: sertraline 50 mg once daily",
    "Sertraline 50 mg for MDD: 50 mg once daily",
])
def test_mdd_as_the_condition_is_no_maximum(text):
    for d in parse_doses(text):
        assert d.max_per_day is None, d.text


@pytest.mark.parametrize("text, form", [
    ("Promethazine 25 mg supp: 1 PR q6h prn N/V", "suppository"),
    ("Paracetamol 500 mg suppositories: 1 PR every 6 hours when required", "suppository"),
])
def test_a_route_abbreviation_is_no_unit(text, form):
    d = first(text)
    assert d.amount.upper.value == 1 and d.amount.unit is None
    assert d.route.name == "rectal" and d.count_unit == form


def test_a_teaspoon_is_its_own_measure_and_caps_the_day():
    d = first("Guaifenesin 100 mg/5 mL: 2 tsp PO q4h prn cough, max 12 tsp/24 h")
    assert d.amount.unit.unit == "teaspoon" and d.max_per_day.value == 12
    assert d.amount.unit.unit == d.max_per_day.amount.unit.unit


@pytest.mark.parametrize("text", [
    "Sumatriptan 20 mg nasal spray: 1 spray into one nostril at onset, may repeat once after 2 hours",
    "Sumatriptan 50 mg: take 1 tab at onset of migraine; may repeat once in 2 hrs; max 200 mg/24 hrs",
    "Take 1 tablet when the migraine starts. If it comes back, you may repeat the dose once after 2 hours.",
])
def test_one_repeat_is_one_or_two_doses(text):
    d = first(text)
    assert d.frequency is not None and d.frequency.per_day_range == (1.0, 2.0), d.frequency


def test_once_alone_stays_a_single_dose():
    d = first("Fosfomycin 3 g sachet: take once, dissolved in water")
    assert d.frequency is None or d.frequency.per_day_range == (1.0, 1.0)

