"""DOS011: children's per-kg doses against the sourced per-kg ceilings (checks/schedule.yaml)."""

import datetime as _dt
import math

import pytest
from hypothesis import given, settings, strategies as st

from medlint import policy
from medlint.engine import Options, check_article
from support import article_from_text

TODAY = _dt.date(2026, 12, 1)


def _ceiling(substance):
    """(mg/kg a dose, mg/kg a day) of ``substance`` in checks/schedule.yaml per_kg_ceilings."""
    (entry,) = [e for e in policy.load("schedule")["per_kg_ceilings"] if e["substance"] == substance]
    return tuple(float(entry[k].split(" ")[0]) for k in ("per_dose", "per_day"))


PARACETAMOL = _ceiling("acetaminophen")
IBUPROFEN = _ceiling("ibuprofen")


def dos011(text, tmp_path, slug="a"):
    folder = article_from_text(text, tmp_path, slug=slug)
    result = check_article(folder, Options(today=TODAY, select=frozenset({"DOS011"})))
    return [f for f in result.findings if f.check == "DOS011"]


FLAGGED = [
    # leaflet prose, a prescription line, a table row, a brand name, a heading that names the medicine
    "Fever in children\n-\nGive paracetamol 20 mg/kg four times a day.",
    "Dosing\n-\nParacetamol oral suspension 120 mg/5 mL: 20 mg/kg/dose qds.",
    "Doses by weight\n\n| Medicine | Dose |\n|---|---|\n| Ibuprofen | 15 mg/kg three times a day |\n",
    "Fever\n-\nCalpol – 90 mg/kg/day.",
    "Ibuprofen for children\n-\nThe dose is 10 mg/kg every 4 hours.",
    "Fever\n-\nParacetamol – 15 g/kg every 6 hours.",  # grams for milligrams: a thousandfold slip
]

SILENT = [
    "Fever in children\n-\nParacetamol 15 mg/kg every 4 to 6 hours. Do not give more than 4 doses in 24 hours.",
    "Fever\n-\nIbuprofen 5 mg/kg to 10 mg/kg up to three times a day, no more than 30 mg/kg a day.",
    "Fever\n-\nIbuprofen – 10 mg/kg every 6 to 8 hours (maximum 40 mg/kg in 24 hours).",
    "Fever\n-\nParacetamol 60 mg/kg a day in four divided doses.",
    "Overdose\n-\nParacetamol: single ingestions of more than 150 mg/kg are potentially toxic.",
    "Antibiotics\n-\nAmoxicillin 30 mg/kg three times a day.",  # no per-kg ceiling in the data: not judged
    "Post-operative pain\n-\nParacetamol 20 mg/kg loading dose, then 15 mg/kg every 6 hours, max 4 doses a day.",
    "Fever\n-\nAcetaminophen 15 mg/kg q6h prn fever, max 75 mg/kg/day.",  # a prescriber's limit: not judged alone
    "Fever\n-\nA child weighing 12 kg may have 180 mg of paracetamol every 6 hours, up to 4 times a day.",
]


@pytest.mark.parametrize("text", FLAGGED)
def test_a_dose_above_the_per_kg_ceiling_is_flagged(text, tmp_path):
    [f] = dos011(text, tmp_path)
    assert f.severity == "error" and "mg/kg" in f.message and "most for a child" in f.message
    assert f.excerpt in text and "mg/kg" in f.suggestion


@pytest.mark.parametrize("text", SILENT)
def test_a_dose_within_the_ceiling_or_not_a_dose_is_silent(text, tmp_path):
    assert dos011(text, tmp_path) == []


def test_the_message_gives_the_arithmetic_and_the_source(tmp_path):
    [f] = dos011("Fever\n-\nGive paracetamol 20 mg/kg every 4 hours.", tmp_path)
    assert "20 mg/kg a dose is above the 15 mg/kg a dose" in f.message
    assert "allows 120 mg/kg a day, above the 60 mg/kg a day" in f.message
    assert "NPS MedicineWise" in f.message
    assert f.suggestion.endswith('(e.g. "15 mg/kg up to 4 times in 24 hours").')


@settings(max_examples=40, deadline=None)
@given(per_dose=st.sampled_from([5, 7.5, 10, 12.5, 15, 16, 20, 25, 30]),
       hours=st.sampled_from([4, 6, 8, 12, 24]),
       medicine=st.sampled_from([("paracetamol", PARACETAMOL), ("ibuprofen", IBUPROFEN)]))
def test_flagged_exactly_when_a_dose_or_the_day_is_above_the_ceiling(tmp_path_factory, per_dose, hours, medicine):
    name, (most_a_dose, most_a_day) = medicine
    text = f"Fever in children\n-\nGive {name} {per_dose:g} mg/kg every {hours} hours."
    day = per_dose * math.ceil(24 / hours)
    expected = per_dose > most_a_dose * 1.05 or day > most_a_day * 1.05
    found = dos011(text, tmp_path_factory.mktemp("pk"))
    assert bool(found) == expected, (text, found)


def test_dos001_never_suggests_an_adult_total_for_a_per_kg_dose(tmp_path):
    folder = article_from_text("Fever in children\n-\nParacetamol 15 mg/kg every 4 to 6 hours.", tmp_path)
    result = check_article(folder, Options(today=TODAY, select=frozenset({"DOS001"})))
    [f] = [f for f in result.findings if f.check == "DOS001"]
    assert "4000 mg" not in f.suggestion and "4 g" not in f.suggestion
    assert "most doses in 24 hours" in f.suggestion
