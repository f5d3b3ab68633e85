"""Prescription notations the dose reader reads as a pharmacist does: South Asian dose grids
("1-0-1": morning, noon, night), Latin numeral ranges ("i-ii tabs"), counts in words repeated
in digits ("two (2) capsules"), and SOS (as needed). Each in several writers' styles: an
Indian prescription, a pharmacy label, a consumer page's sentence. None of these sentences
is in the corpus sig table."""

from __future__ import annotations

import pytest

from medlint.doses import parse_doses


def first(text: str):
    doses = parse_doses(text)
    assert doses, text
    return doses[0]


def amount_of(d):
    a = d.amount
    return (a.low.value, a.upper.value, a.unit.unit if a.unit is not None else None)


# -- dose grids: the count of each slot, as many administrations as slots give a count

@pytest.mark.parametrize("text, amount, per_day", [
    ("Tab. Glimepiride 1 mg 1-0-0 before breakfast", (1, 1, "tablet"), 1),       # prescription
    ("Tab Amlodipine 5mg 0-0-1 x 1 month", (1, 1, "tablet"), 1),
    ("Cap. Omeprazole 20 mg 1-0-1 before meals", (1, 1, "capsule"), 2),
    ("Tab. Telmisartan 40 mg ½-0-½", (0.5, 0.5, "tablet"), 2),
    ("Tab. Crocin 650 1-1-1 after food x 3 days", (1, 1, "tablet"), 3),           # brand strength, no unit
    ("Tab. Levocetirizine 5 mg 1-1-1-1", (1, 1, "tablet"), 4),
    ("TAB ATENOLOL 50 MG 1–0–0 (morning)", (1, 1, "tablet"), 1),                # printed label, en dashes
    ("Your chit may say metformin 500 mg 1-0-1, one tablet after breakfast and one after dinner",
     (1, 1, None), 2),                                                            # page sentence
])
def test_dose_grid(text, amount, per_day):
    d = first(text)
    assert amount_of(d) == amount
    assert d.frequency.administrations_per_day == per_day


def test_grid_with_unequal_slots_ranges_the_amount():
    d = first("Tab. Gabapentin 100 mg 1-0-2")
    assert (d.amount.low.value, d.amount.upper.value) == (1, 2)
    assert d.frequency.administrations_per_day == 2


@pytest.mark.parametrize("text", [
    "Our team drew 1-0-1 over the three games, after 40 mg of caffeine each",  # a score
    "Born 1-1-2019; she now takes 5 mg daily",                                  # a date
    "Scored 1-0-1 on the pain scale at rest",
    "The 1-0-1 pattern means morning and night",                               # no strength before it
])
def test_a_score_or_date_is_no_grid(text):
    for d in parse_doses(text):
        f = d.frequency
        assert f is None or "1-0-1" not in f.raw and "0-1" not in f.raw, text


# -- Latin numerals: a range with its count form

@pytest.mark.parametrize("text, amount", [
    ("i-ii tabs po q6h prn pain", (1, 2, "tablet")),          # US prescriber
    ("Sig: i to ii caps q8h prn", (1, 2, "capsule")),
    ("ii-iii tabs stat", (2, 3, "tablet")),
    ("ii caps po bid", (2, 2, "capsule")),
])
def test_latin_numeral_counts(text, amount):
    assert amount_of(first(text)) == amount


def test_latin_numerals_without_a_form_are_no_range():
    assert not [d for d in parse_doses("Stage i-ii disease is followed up every 6 months")
                if d.amount is not None and d.amount.is_range]


# -- a count in words repeated in digits (electronic prescriptions, pharmacy labels)

@pytest.mark.parametrize("text, amount, per_day", [
    ("Take two (2) tablets by mouth three (3) times daily", (2, 2, "tablet"), 3),   # pharmacy label
    ("TAKE ONE (1) CAPSULE BY MOUTH TWO (2) TIMES A DAY", (1, 1, "capsule"), 2),
    ("Give one (1) tablet once daily with breakfast", (1, 1, "tablet"), 1),
    ("Inhale two (2) puffs four (4) times a day", (2, 2, "puff"), 4),
])
def test_count_echoed_in_digits(text, amount, per_day):
    d = first(text)
    assert amount_of(d) == amount
    assert d.frequency.administrations_per_day == per_day


# -- SOS: as needed

@pytest.mark.parametrize("text", [
    "Tab. Paracetamol 500 mg 1 tab SOS for pain",      # prescription
    "Syp. Ibuprofen 100 mg/5 mL 5 mL SOS for fever",
    "Cap. Tramadol 50 mg 1 s.o.s. for severe pain",
    "Take 1 tablet SOS if the headache returns",        # page sentence
])
def test_sos_is_as_needed(text):
    assert first(text).as_needed is not None


def test_without_sos_the_dose_is_not_as_needed():
    assert first("Tab. Paracetamol 500 mg 1 tab tds for pain").as_needed is None


@pytest.mark.parametrize("text, hours", [
    ("Take 1 tablet by mouth every 6 (six) hours as needed for pain.", (6.0, 6.0)),   # an EHR label
    ("Give 5 mL every 4 (four) to 6 (six) hours when needed.", (4.0, 6.0)),           # a printed sheet
])
def test_an_interval_echoed_in_words_is_read(text, hours):
    assert parse_doses(text)[0].frequency.interval_hours == hours


def test_an_echo_that_names_another_number_is_no_interval():
    assert parse_doses("Take 1 tablet every 6 (eight) hours.")[0].frequency.interval_hours is None
