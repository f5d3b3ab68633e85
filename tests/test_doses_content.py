"""A mass in brackets after a measured or counted dose is what that dose holds ("10 mL (10 mg)
twice a day" is 20 mg a day), not an equivalent to drop; a restated equivalent of a mass and
a strength of each unit stay as they were. None of these sentences is in the corpus sig table."""

from __future__ import annotations

import pytest

from medlint.doses import parse_doses


def first(text: str):
    doses = parse_doses(text)
    assert doses, text
    return doses[0]


@pytest.mark.parametrize("text, per_day_mg", [
    ("Cetirizine liquid: 10 mL (10 mg) twice a day", 20),                 # US paediatric office chart
    ("Give 7.5 ml (180 mg) every 6 hours", 720),                          # UK parent leaflet
    ("Loratadine: 1 chewable tablet (5 mg) once daily", 5),               # US label
    ("Paracetamol: 2 tablets (1 g) four times a day", 4000),              # UK consumer page
    ("Oramorph 2.5 mL (5 mg) 4 hourly", 30),                              # hospital discharge sheet
    ("Take 1-2 tablets (2.5-5 mg total) by mouth every 8 hours as needed", 15),  # US e-prescription
])
def test_bracketed_mass_is_what_the_dose_holds(text, per_day_mg):
    d = first(text)
    assert d.content is not None and d.content.kind == "content"
    assert d.daily_maximum().quantity.to("milligram / day").magnitude == pytest.approx(per_day_mg)
    assert d.to_record()["content"]["value"] == d.content.value


@pytest.mark.parametrize("text", [
    "Vitamin D 10 micrograms (400 IU) daily",               # an equivalent of a mass
    "Eat 4 glucose tablets (4 g each)",                     # the strength of each unit
    "Ibuprofen suspension 5 mL (10 mg/kg) three times a day",  # a child's dose by weight
])
def test_equivalents_and_unit_strengths_are_no_content(text):
    assert all(d.content is None for d in parse_doses(text))


def test_a_label_strength_still_counts_the_tablets():
    d = first("Sertraline 100 mg tab: take 1 tablet (100 mg total) by mouth at bedtime")
    assert d.strength is not None and d.strength.kind == "unit"
    assert d.daily_maximum().quantity.to("milligram / day").magnitude == pytest.approx(100)
