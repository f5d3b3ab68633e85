"""DOS002 asks how often only of an amount the page presents as a dose to take: a line of a
dose list or table, or a sentence that tells or offers the reader to take, give or use it,
names it as a dose, or says whom it is for, when or with what it is taken
(``instruction_wordings`` in checks/dosing.yaml). Amounts in running text that nothing
presents as a dose stay silent, whatever kind of text they are: the silent cases below are
kinds of text the check's other rules were never written for. Every sentence is written for
this test."""

import pytest

from support import findings_for

PAGE = "{heading}\n\n{body}\n\nThis is general information. Ask your pharmacist; doses are for adults.\n"


def excerpts(body, tmp_path, heading="About this medicine"):
    return [f.excerpt for f in findings_for(PAGE.format(heading=heading, body=body), "DOS002", tmp_path)]


@pytest.mark.parametrize("body", [
    # a pill identifier's result line
    "This is a white, round tablet marked M 30, identified as Meloxicam 15 mg.",
    # a recall notice
    "The recall covers three batches of Valsartan 160 mg made in 2025.",
    # a news item about a shortage
    "Pharmacies say Estradiol 2 mg has been hard to find since the spring.",
    # a museum's caption
    "A 1950s bottle of Aspirin 300 mg from the hospital's old dispensary.",
    # a shop's delivery note
    "Your Naproxen 250 mg arrived in a plain box, as you asked.",
])
def test_an_amount_nothing_presents_as_a_dose_is_not_asked_how_often(tmp_path, body):
    assert excerpts(body, tmp_path) == []


@pytest.mark.parametrize("body, excerpt", [
    # told to take it
    ("Take meloxicam 15 mg with your breakfast.", "15 mg"),
    # named as a dose
    ("The usual dose of valsartan is 160 mg.", "160 mg"),
    # offered by the prescriber
    ("Your GP may prescribe estradiol 2 mg.", "2 mg"),
    # whom it is for
    ("Adults: naproxen 250 mg.", "250 mg"),
])
def test_an_amount_presented_as_a_dose_is_still_asked_how_often(tmp_path, body, excerpt):
    assert excerpts(body, tmp_path) == [excerpt]


def test_a_line_of_a_dose_list_is_a_dose_by_its_place(tmp_path):
    body = "- Meloxicam 15 mg – for arthritis pain\n- Naproxen 250 mg – for period pain"
    assert excerpts(body, tmp_path, heading="Medicines for pain") == ["15 mg", "250 mg"]
