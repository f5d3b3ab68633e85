"""Real prescription and label wordings, read as a pharmacist reads them (issue 15).

Each table is a CLASS of wordings (UK Latin abbreviations, hourly intervals, counts
written as words...), with sentences written for these tests, not taken from the
accuracy corpus (tests/corpus/sigs.yaml)."""

import pytest

from medlint.doses.parser import parse_doses


def _first(text):
    doses = parse_doses(text)
    assert doses, f"no dose read in {text!r}"
    return doses[0]


def _per_day(d):
    return d.frequency.administrations_per_day if d.frequency is not None else None


# -- 1. frequency abbreviations and words ------------------------------------

FREQUENCIES = [
    ("Prednisolone 10mg bd for 5 days", 2),
    ("Lansoprazole 30 mg BD", 2),
    ("Quinine 200mg b.d.", 2),
    ("Flucloxacillin 500mg tds", 3),
    ("Take 1 tab TDS after meals", 3),
    ("Doxycycline 100mg qds", 4),
    ("Levothyroxine 50 micrograms om", 1),
    ("Citalopram 20mg OM", 1),
    ("Bisoprolol 5mg mane", 1),
    ("Simvastatin 40mg on", 1),
    ("Melatonin 2mg ON", 1),
    ("Temazepam 10mg nocte", 1),
    ("Losartan 50mg qAM", 1),
    ("Pravastatin 20mg qHS", 1),
    ("Loratadine 10mg OD", 1),
    ("1 od", 1),
    ("2 morning and evening", 2),
    ("Warfarin 3mg once daily", 1),
    ("Metformin 850 mg TWICE a day", 2),
    ("Nifedipine 10mg THREE TIMES DAILY", 3),
]


@pytest.mark.parametrize("text,per_day", FREQUENCIES)
def test_frequency_words_are_read(text, per_day):
    assert _per_day(_first(text)) == per_day


HOURLY = [
    ("Oxycodone liquid 5mg 4 hourly", (4, 4)),
    ("Ibuprofen 200mg 6-8 hourly with food", (6, 8)),
    ("Salbutamol 2 puffs 4-6 hrly", (4, 6)),
    ("Paracetamol 1g q 8 hours", (8, 8)),
]


@pytest.mark.parametrize("text,interval", HOURLY)
def test_hourly_is_an_interval_not_every_hour(text, interval):
    f = _first(text).frequency
    assert f is not None and f.interval_hours == interval
    assert f.administrations_per_day == 24 / interval[0]


# "on" and "od" are English words too: only a frequency right after an amount
PLAIN_ENGLISH = [
    "Take 2 tablets on Monday and Thursday",
    "Ibuprofen 400 mg on an empty stomach is unwise",
    "Apply 1 patch on the upper arm",
]


@pytest.mark.parametrize("text", PLAIN_ENGLISH)
def test_on_as_a_word_is_no_frequency(text):
    for d in parse_doses(text):
        assert d.frequency is None or d.frequency.raw.lower() != "on"


# -- 2. counts written as words, ranges with "or", halves ---------------------

COUNTS = [
    ("take three qds", 3, None, None),
    ("TAKE TWO TWICE DAILY", 2, None, None),
    ("One capsule at night", 1, None, "capsule"),
    ("Take FOUR tablets each morning", 4, None, "tablet"),
    ("half a tablet bd", 0.5, None, "tablet"),
    ("take 2 or 3 tablets at night", 2, 3, "tablet"),
    ("1 or 2 caps qds when required", 1, 2, "capsule"),
    ("3 tabs tds", 3, None, "tablet"),
]


@pytest.mark.parametrize("text,low,high,unit", COUNTS)
def test_word_counts_and_or_ranges(text, low, high, unit):
    d = _first(text)
    assert d.amount is not None
    assert d.amount.low.value == low
    assert (d.amount.high.value if d.amount.high is not None else None) == high
    assert (d.amount.unit.unit if d.amount.unit is not None else None) == unit
    assert d.frequency is not None


def test_number_words_in_prose_are_no_doses():
    assert parse_doses("One of the oldest remedies is willow bark, two of them say") == []
