"""The arithmetic of doses (issue 15): strength × count, fractions, "1 or 2", count before
strength, and the page's own stated limit against its schedule (DOS006)."""

import pytest

from medlint.doses import parse_doses
from support import findings_for

DRUGS = "Mainstream Drug Therapies\n-\n"


def daily_mg(text):
    found = [d for d in parse_doses(text) if d.daily_maximum() is not None]
    assert found, [d.text for d in parse_doses(text)]
    return found[0].daily_maximum().quantity.to("mg / day").magnitude


@pytest.mark.parametrize("text,mg", [
    ("Take two 500 mg tablets four times a day", 4000),
    ("two 1 g tablets up to four times a day", 8000),
    ("2 x 500mg caps qds", 4000),
    ("The usual dose for adults is 1 or 2 tablets of 500 mg up to 4 times in 24 hours.", 4000),
    ("Paracetamol 500 mg tablets – take 2 twice daily", 2000),
    ("Gabapentin 300mg 1 tds", 900),
    ("300 mg: Gabapentin 300mg 1 tds", 900),
    ("Metformin 500mg one tablet three times a day with meals", 1500),
    ("Paracetamol 500mg tablets: 2 qds prn, max 6 tablets in 24 hours", 3000),
])
def test_strength_times_count(text, mg):
    assert daily_mg(text) == pytest.approx(mg)


@pytest.mark.parametrize("text,low,high", [
    ("Take 1 1/2 tablets twice a day", 1.5, None),
    ("½ tablet at night", 0.5, None),
    ("Take 1½ tablets twice daily", 1.5, None),
    ("Take 1/2 tablet daily", 0.5, None),
    ("1 or 2 tablets every 4 to 6 hours", 1, 2),
])
def test_fractions_and_or_ranges(text, low, high):
    d = parse_doses(text)[0]
    assert d.amount.low.value == low
    assert (d.amount.high.value if d.amount.high else None) == high


def test_a_combination_strength_is_not_a_fraction():
    found = parse_doses("Co-codamol 8/500: 2 tablets every 4 hours")
    assert [d.amount.upper.value for d in found if d.amount is not None] == [2]


def test_counted_dose_above_its_ceiling_is_an_error(tmp_path):
    found = findings_for(DRUGS + "Paracetamol: take two 1 g tablets up to four times a day – Pain.", "DOS003", tmp_path)
    assert found and "8 g/day" in found[0].message


def test_counted_dose_at_its_ceiling_passes(tmp_path):
    assert not findings_for(DRUGS + "Paracetamol: take two 500 mg tablets four times a day – Pain.", "DOS003", tmp_path)


# ---------------------------------------------------------------- DOS006

@pytest.mark.parametrize("text", [
    "Ibuprofen 400 mg every 4 hours as needed; do not exceed 1,200 mg a day – NSAID.",
    "Ibuprofen: 400 mg every 4 hours as needed. Do not exceed 1,200 mg in 24 hours. – NSAID.",
    "Paracetamol 500 mg tablets: 2 tablets four times a day, max 6 tablets in 24 hours – Pain.",
    "Naproxen 500 mg three times a day (no more than 1,000 mg daily) – NSAID.",
])
def test_schedule_above_its_own_limit(tmp_path, text):
    found = findings_for(DRUGS + text, "DOS006", tmp_path)
    assert len(found) == 1 and "a day, more than the limit" in found[0].message


@pytest.mark.parametrize("text", [
    # the label's own wording: the interval is the shortest spacing under the cap
    "Acetaminophen 500 mg: take 2 caplets every 6 hours; do not take more than 6 caplets in 24 hours – Pain.",
    "Paracetamol 500 mg tablets: 1 or 2 tablets every 4 to 6 hours, max 8 tablets in 24 hours – Pain.",
    "Ibuprofen 200 to 400 mg every 6 to 8 hours as needed; do not exceed 1,200 mg a day – NSAID.",
    "Ibuprofen 200 mg as needed, no more than 1,200 mg a day – NSAID.",
])
def test_schedule_within_its_own_limit(tmp_path, text):
    assert not findings_for(DRUGS + text, "DOS006", tmp_path)


# ---------------------------------------------------------------- suggestions safe to follow

@pytest.mark.parametrize("text,bad,good", [
    (DRUGS + "Melatonin 5.0 mg as needed – Sleep.", "5.0 mg", "5 mg as needed"),
    (DRUGS + "Clonidine .1 mg when needed – Blood pressure.", " .1 mg", "0.1 mg when needed"),
    (DRUGS + "Vitamin B12 500 µg as needed – Supplement.", "µg", "500 mcg"),
])
def test_dos001_suggestion_never_repeats_the_defect(tmp_path, text, bad, good):
    found = findings_for(text, "DOS001", tmp_path)
    assert found and bad not in found[0].suggestion and good in found[0].suggestion
    assert "…" not in found[0].suggestion


def test_dos001_says_in_words_when_no_ceiling_is_known(tmp_path):
    found = findings_for(DRUGS + "Zolmitriptan 2.5 mg as needed – Migraine.", "DOS001", tmp_path)
    assert found and "…" not in found[0].suggestion and "knows no sourced ceiling" in found[0].suggestion


def test_dos001_never_proposes_a_daily_maximum_below_one_dose(tmp_path):
    found = findings_for(DRUGS + "Acetaminophen 5000 mg every 4 h – Pain.", "DOS001", tmp_path)
    assert found and "no more than 4000 mg in 24 hours" not in found[0].suggestion
    assert "already more than" in found[0].suggestion and "lower the dose" in found[0].suggestion


def test_dos002_suggestion_repeats_no_trailing_zero(tmp_path):
    found = findings_for(DRUGS + "Valerian root 600.0 mg – Sleep.", "DOS002", tmp_path)
    assert found and "600.0" not in found[0].suggestion and "600 mg" in found[0].suggestion


# ---------------------------------------------------------------- DOS004: like with like

@pytest.mark.parametrize("text", [
    # a daily total and a product strength, tablets and mg, per kg and absolute: never compared
    "Paracetamol 1 g four times a day – Pain.\n-\nParacetamol 500 mg tablets: 2 tablets four times a day – Pain.",
    "Paracetamol 1 g four times a day – Pain.\n-\nParacetamol (Excedrin) 2 caplets at onset; no more than 2 caplets in 24 hours – Pain.",
    "Ibuprofen 10 mg/kg three times a day – Children.\n-\nIbuprofen 400 mg three times a day – Adults.",
    "Adults: amoxicillin 500 mg every 8 hours – Infection.\n-\nCrCl 10–30 mL/min: 250 mg every 12 hours – Kidneys.",
])
def test_dos004_compares_like_with_like(tmp_path, text):
    assert not findings_for(DRUGS + text, "DOS004", tmp_path)


def test_dos004_still_finds_a_thousandfold_slip_in_one_medicine(tmp_path):
    found = findings_for(DRUGS + "Melatonin 3 mg at night – Sleep.\n-\nMelatonin 3 g at night – Sleep.", "DOS004", tmp_path)
    assert found and "1000×" in found[0].message
