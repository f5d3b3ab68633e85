"""Products named by joining their substances' names ("Hydrocodone-acetaminophen 5-500 mg",
"codeine/paracetamol 30/500", "oxycodone and acetaminophen tablets, 5 mg/325 mg"): the
reader reads each substance with its own strength (in the order of the names, not a range),
DOS003 judges each substance's daily total against its own ceiling and SAF001 asks for each
substance's class warnings. Every sentence is written for this test, in the styles of a US
pharmacy label, a UK leaflet and a drug handbook entry."""

from __future__ import annotations

import pytest

from medlint.doses import parse_doses
from support import findings_for

DRUGS = "Mainstream Drug Therapies\n-\n"


def one(text):
    doses = parse_doses(text)
    assert len(doses) == 1, [d.text for d in doses]
    return doses[0]


def strengths(dose):
    return [(i.substance, i.strength.value if i.strength else None, i.strength.unit if i.strength else None)
            for i in dose.ingredients]


# (text, the ingredients read: (substance, strength, unit), the count read)
COMBINATIONS = [
    # US pharmacy labels
    ("Hydrocodone-acetaminophen 5-500 mg: take 2 tablets every 4 hours as needed for pain, up to 12 tablets a day",
     [("hydrocodone", 5, "mg"), ("acetaminophen", 500, "mg")], 2),
    ("HYDROCODONE BITARTRATE/ACETAMINOPHEN 10/325 MG TABLETS. TAKE 1 TABLET BY MOUTH EVERY 6 HOURS AS NEEDED",
     [("hydrocodone", 10, "mg"), ("acetaminophen", 325, "mg")], 1),
    ("Oxycodone/APAP 7.5/500: take 1-2 tablets every 4 hours as needed for pain",
     [("oxycodone", 7.5, "mg"), ("acetaminophen", 500, "mg")], 2),
    # UK leaflets
    ("Codeine/paracetamol 30/500 tablets - adults: take two tablets every four hours, up to 8 tablets in 24 hours",
     [("codeine", 30, "mg"), ("acetaminophen", 500, "mg")], 2),
    ("Codeine and paracetamol 30 mg/500 mg tablets: take 2 tablets every 3 hours when needed",
     [("codeine", 30, "mg"), ("acetaminophen", 500, "mg")], 2),
    # a drug handbook entry
    ("Hydrocodone/ibuprofen (7.5 mg/200 mg): 1 tablet every 4-6 hours, not to exceed 5 tablets per day",
     [("hydrocodone", 7.5, "mg"), ("ibuprofen", 200, "mg")], 1),
    # brand names as the parts
    ("Tylenol-codeine 300/30 mg: 1 tablet every 4 hours as needed",
     [("acetaminophen", 300, "mg"), ("codeine", 30, "mg")], 1),
    # each name with its own strength (a UK pharmacy label, a US handbook)
    ("Paracetamol 500mg/codeine 30mg: 2 tablets four times a day",
     [("acetaminophen", 500, "mg"), ("codeine", 30, "mg")], 2),
    ("Codeine 8 mg + paracetamol 500 mg tablets: take 2 tablets every 4 hours",
     [("codeine", 8, "mg"), ("acetaminophen", 500, "mg")], 2),
    # no strengths written: the substances still are both
    ("Hydrocodone-acetaminophen: take 1 tablet every 6 hours as needed",
     [("hydrocodone", None, None), ("acetaminophen", None, None)], 1),
]


@pytest.mark.parametrize("text, want, count", COMBINATIONS)
def test_each_substance_is_read_with_its_strength(text, want, count):
    d = one(text)
    assert strengths(d) == want
    assert d.amount is not None and d.amount.upper.value == count and d.amount.unit.kind == "count"
    assert d.strength is None  # the product's strength is its ingredients', not one of them
    for i in d.ingredients:
        assert text[i.name.span[0]:i.name.span[1]] == i.name.raw
        if i.strength is not None:
            assert text[i.strength.span[0]:i.strength.span[1]] == i.strength.raw


def test_the_sig_table_row_reads_the_count_not_a_range():
    d = one("Hydrocodone-acetaminophen 5-325 mg: 1 tab PO q4-6h PRN pain, max 6 tabs/day")
    assert (d.amount.low.value, d.amount.high) == (1, None)
    assert strengths(d) == [("hydrocodone", 5, "mg"), ("acetaminophen", 325, "mg")]
    assert d.to_record()["ingredients"][1] == {"substance": "acetaminophen", "name": "acetaminophen",
                                               "strength": {"raw": "325 mg", "value": 325, "unit": "mg"}}


@pytest.mark.parametrize("text, amount", [
    ("Oxycodone 5-10 mg every 4 hours as needed for pain", (5, 10)),  # one substance: a range
    ("Paracetamol/acetaminophen 500 mg: 2 tablets every 4-6 hours", None),  # one substance, two names
])
def test_one_substance_is_no_combination(text, amount):
    d = one(text)
    assert d.ingredients == ()
    if amount:
        assert (d.amount.low.value, d.amount.high.value) == amount


@pytest.mark.parametrize("text", [
    "Paracetamol 250 mg/5 mL oral suspension: 10 mL every 4-6 hours, no more than 4 doses in 24 hours",
    "Diclofenac extended-release 100 mg once daily with food",
    "Co-amoxiclav 500/125 mg three times a day for 7 days",
    "Ibuprofen and paracetamol: take one of each every 6 hours",  # "and" with no strengths: two medicines
    "Omega-3 1000 mg twice daily",
    "Ibuprofen 400 mg and paracetamol 500 mg every 6 hours",  # two medicines taken together
])
def test_no_combination_is_read(text):
    for d in parse_doses(text):
        assert d.ingredients == ()


def test_a_concentration_keeps_its_reading():
    d = one("Paracetamol 250 mg/5 mL oral suspension: 10 mL every 4-6 hours, no more than 4 doses in 24 hours")
    assert d.amount.upper.value == 10 and d.strength.kind == "concentration"


# DOS003: each substance against its own ceiling
@pytest.mark.parametrize("text, total", [
    ("Hydrocodone-acetaminophen 5-500 mg: take 2 tablets every 4 hours as needed for pain, up to 12 tablets a day.",
     "6 g/day"),
    ("Oxycodone/APAP 7.5/500: take 1-2 tablets every 4 hours as needed for pain.", "6 g/day"),
    ("Codeine and paracetamol 30 mg/500 mg tablets: take 2 tablets every 3 hours when needed.", "8 g/day"),
    ("Codeine 8 mg + paracetamol 500 mg tablets: take 2 tablets every 4 hours.", "6 g/day"),
])
def test_a_substance_above_its_ceiling_is_flagged(tmp_path, text, total):
    got = findings_for(DRUGS + text, "DOS003", tmp_path)
    assert len(got) == 1 and total in got[0].message and "acetaminophen" in got[0].suggestion, \
        [f.message for f in got]


@pytest.mark.parametrize("text", [
    "HYDROCODONE BITARTRATE/ACETAMINOPHEN 10/325 MG TABLETS. TAKE 1 TABLET BY MOUTH EVERY 4 HOURS AS NEEDED FOR PAIN. "
    "DO NOT EXCEED 12 TABLETS IN 24 HOURS.",
    "Codeine/paracetamol 30/500 tablets - adults: take two tablets every four hours, up to 8 tablets in 24 hours.",
    "Hydrocodone/ibuprofen (7.5 mg/200 mg): 1 tablet every 4-6 hours, not to exceed 5 tablets per day.",
])
def test_a_combination_within_its_ceilings_is_silent(tmp_path, text):
    assert findings_for(DRUGS + text, "DOS003", tmp_path) == []


# SAF001: each substance's class warnings
def test_each_substance_needs_its_class_warning(tmp_path):
    text = "How to take it\nHydrocodone-acetaminophen 5-325 mg: take 1 tablet every 6 hours as needed for pain.\n"
    got = findings_for(text, "SAF001", tmp_path)
    said = " ".join(f.message for f in got)
    assert "opioid" in said and "liver" in said, said


def test_the_warnings_in_the_pages_words_count(tmp_path):
    text = ("How to take it\nHydrocodone-acetaminophen 5-325 mg: take 1 tablet every 6 hours as needed for pain.\n"
            "Warnings\nHydrocodone-acetaminophen can cause addiction and can slow or stop your breathing; never "
            "take it with alcohol, sleeping tablets or other sedatives. Acetaminophen in high doses can cause "
            "severe liver damage, and other products that contain acetaminophen count towards the total.\n")
    assert findings_for(text, "SAF001", tmp_path) == []
