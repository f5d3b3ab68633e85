"""SAF001 where the reader is dosed, and the wordings that meet a class warning.

A product line that gives only a strength ("Infants' ibuprofen drops – 50 mg in 1.25 mL"),
followed by directions with no amount ("Give a dose every 6 to 8 hours if needed"): the finding
goes at the directions, not at the strength. A page saying other products have paracetamol "in
them" names the other-products risk; raised blood pressure is not the NSAID heart attack and
stroke warning (FDA Drug Safety Communication 2015-07-09). Styles: a US clinic handout, a UK
leaflet, a video transcript. Every sentence here is written for this test."""

from __future__ import annotations

import pytest

from tests.support import findings_for


def _saf001(tmp_path, text):
    return findings_for(text, "SAF001", tmp_path)


@pytest.mark.parametrize("text, directions", [
    # a US clinic handout
    ("Fever care for babies\nWhat to give\nInfants' ibuprofen (Motrin) drops - 50 mg in 1.25 mL\n"
     "For babies 6 months and older. Give a dose every 6 to 8 hours if needed. No more than 4 doses in 24 hours.\n",
     "Give a dose every 6 to 8 hours if needed."),
    # a UK leaflet
    ("Your knee pain medicine\nNaproxen\nNaproxen 250 mg gastro-resistant tablets\n"
     "Use them twice a day, after breakfast and after your evening meal.\n",
     "Use them twice a day, after breakfast and after your evening meal."),
])
def test_a_strength_then_its_directions_is_flagged_at_the_directions(tmp_path, text, directions):
    got = _saf001(tmp_path, text)
    assert len(got) == 1
    assert got[0].excerpt == directions


def test_directions_that_name_another_medicine_do_not_take_the_finding(tmp_path):
    text = ("Fever care for babies\nWhat to give\nInfants' ibuprofen (Motrin) drops - 50 mg in 1.25 mL\n"
            "Acetaminophen can be given every 4 to 6 hours instead; too much harms the liver, and it is in "
            "many other products that contain it.\n")
    got = _saf001(tmp_path, text)
    assert [f.excerpt for f in got if "NSAID" in f.message] == ["50 mg"]


def test_the_class_warnings_written_beside_the_directions_pass(tmp_path):
    text = ("Fever care for babies\nWhat to give\nInfants' ibuprofen (Motrin) drops - 50 mg in 1.25 mL\n"
            "Give a dose every 6 to 8 hours if needed. It can cause stomach bleeding and, rarely, raise the risk of "
            "a heart attack or stroke.\n")
    assert _saf001(tmp_path, text) == []


@pytest.mark.parametrize("text", [
    ("Race day pain relief\nTranscript\nacetaminophen is gentler on the kidneys, 1,000 mg every six hours, no more "
     "than 3,000 mg a day. it's hard on the liver with alcohol, and plenty of flu powders have acetaminophen in them too.\n"),
    ("Colds at home\nParacetamol\nAdults can take 1 g every 6 hours, no more than 4 g a day. Too much damages the "
     "liver, and most cold and flu sachets have paracetamol in them as well.\n"),
])
def test_other_products_said_to_have_it_in_them_meet_the_warning(tmp_path, text):
    assert _saf001(tmp_path, text) == []


def test_raised_blood_pressure_is_not_the_heart_attack_and_stroke_warning(tmp_path):
    text = ("Naproxen tablets\nHow to take it\nThe usual dose is 500 mg twice a day with food.\n"
            "Side effects\nIt can irritate the stomach and cause bleeding. It can also raise your blood pressure.\n")
    got = _saf001(tmp_path, text)
    assert len(got) == 1 and "'heart attack and stroke'" in got[0].message
    assert "'stomach bleeding'" not in got[0].message
