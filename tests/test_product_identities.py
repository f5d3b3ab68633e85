"""DOS002 (an amount with no frequency) does not read a product's identity as a dose: a brand
name with its strength and form ("Dolo 650 Tablet": the strength label, not 650 tablets), a
product database's row of strength, form and route, a price or pack line, a product described
in prose, or a chart line left to fill in. An instruction with no frequency is still flagged.
The pages below are written for this test in four sites' styles (none copied from a real
page): an Indian e-pharmacy product page, a national drug product database page, a US
discount-card price guide and a Canadian leaflet."""

import datetime as _dt

import pytest

from support import article_from_text
from medlint.engine import Options, check_article


def _findings(text, tmp_path, check):
    folder = article_from_text(text, tmp_path)
    result = check_article(folder, Options(today=_dt.date(2026, 12, 1)))
    return [f.excerpt for f in result.findings if f.check == check]


# --- silent: the number names the product

@pytest.mark.parametrize("text", [
    # Indian e-pharmacy product pages: brand, strength label, form
    "Dolo 650 Tablet - Uses, Side Effects, Price\n\nHow to use\nDolo 650 Tablet is taken with or "
    "after food. Your doctor will decide the dose.\n",
    "Febrinil 500 Tablet\n\nUses of Febrinil 500 Tablet\nFebrinil 500 Tablet is used to relieve mild "
    "pain and fever.\n",
    "Gastrozol 40 Tablet\n\nHow to take\nTake Gastrozol 40 Tablet before breakfast.\n",
    "Allerfex 120 Tablets\n\nDirections for use\nAllerfex 120 Tablets are to be used as your doctor "
    "tells you.\n",
    # a national drug product database page: strength | form | route rows
    "Naproxen - Drug Product Database\n\nProduct information\n| Strength | Dosage form | Route |\n"
    "| --- | --- | --- |\n| 250 MG | TABLET | ORAL |\n| 500 MG | TABLET | ORAL |\n",
    "Metformin - product register\n\nDosage\n| Product | Strength | Form | Route |\n| --- | --- | --- | --- |\n"
    "| GLUCOMET | 850 MG | TABLET | ORAL |\n",
    "Naproxen - Drug Product Database\n\nProduct information\nStrength: 500 MG  Dosage form: TABLET\n",
    # a US discount-card price guide
    "Duloxetine dosage and cost\n\nDosage and price\n- 60 mg, 30 capsules: about $15 with a discount card\n"
    "- 30 mg, 30 capsules: about $12\n",
    "Duloxetine dosage\n\nHow much to take\nThe cost of 60 mg, 30 capsules is about $15 at most pharmacies.\n",
    # a Canadian leaflet: the product described in prose; a chart to fill in
    "MW-Naproxen leaflet\n\nHow to take MW-Naproxen\nMW-Naproxen contains a 550 mg naproxen sodium "
    "tablet. Take it with food.\n",
    "Prednisone taper chart\n\nYour dosing chart\nDay 1: 15.0 mg (____ tablets)\nDay 2: 12.5 mg (____ tablets)\n",
])
def test_a_product_identity_is_not_a_dose(text, tmp_path):
    assert _findings(text, tmp_path, "DOS002") == []


# --- still flagged: the reader is told to take an amount and never how often

@pytest.mark.parametrize("text", [
    # Indian e-pharmacy page: a count with a verb
    "Febrinil 500 Tablet\n\nHow to take\nTake 2 tablets.\n",
    "Febrinil 500 Tablet\n\nHow to take\nAdults: take 2 Tablets.\n",
    # drug product database page with an instruction row
    "Naproxen - Drug Product Database\n\nDosage\nTake 500 mg.\n",
    # US price guide's dosing section
    "Duloxetine dosage and cost\n\nHow much to take\nThe usual dose is 60 mg.\n",
    # Canadian leaflet: a dosing list with no frequency
    "MW-Naproxen leaflet\n\nHow much to take\n- Adults: 550 mg\n- Children 6-12: 5 ml\n",
])
def test_an_instruction_with_no_frequency_still_fires(text, tmp_path):
    assert _findings(text, tmp_path, "DOS002")


def test_trailing_zero_on_a_fill_in_chart_still_fires(tmp_path):
    text = "Prednisone taper chart\n\nYour dosing chart\nDay 1: 15.0 mg (____ tablets)\n"
    assert _findings(text, tmp_path, "NOT004")


def test_a_medicine_name_before_a_plain_count_is_still_a_dose(tmp_path):
    text = "Pain relief for adults\n\nHow much to take\n- Adults: Paracetamol 2 Tablets\n"
    assert _findings(text, tmp_path, "DOS002")


@pytest.mark.parametrize("text", [
    "Dolo-650 Tablet\n\nHow to use\nDolo-650 Tablet is taken with food.\n",
    "Pyrexol 650mg Tablet\n\nHow to use\nPyrexol 650mg Tablet is taken with food.\n",
])
def test_the_titles_product_as_a_sentences_subject_is_not_a_dose(text, tmp_path):
    assert _findings(text, tmp_path, "DOS002") == []


def test_the_titles_product_in_an_instruction_is_still_a_dose(tmp_path):
    text = "Ibuprofen 400 mg Tablets\n\nHow to take\nAdults: take Ibuprofen 400 mg tablet.\n"
    assert _findings(text, tmp_path, "DOS002")
