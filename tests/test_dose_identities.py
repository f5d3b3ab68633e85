"""The dose reader reads a quantity that names a product as its strength (or its pack), not
as an amount to take (medlint/doses/identities.py, issue 15). The sentences are written for
this test in several site styles (a drug database row, a leaflet's prose, an online
doctor's product line, an e-pharmacy label, a discount-card price line); none is copied
from a real page."""

import pytest

from medlint.doses import parse_doses


def _amounts(text):
    return [d.amount.raw for d in parse_doses(text) if d.amount is not None]


def _strengths(text):
    return [d.strength.raw for d in parse_doses(text) if d.amount is None and d.strength is not None]


@pytest.mark.parametrize("text,strength", [
    # a drug product register's row: number, name, strength, form, route
    ("00612345 | CO-AMLO | AMLODIPINE | 10 MG | TABLET | ORAL", "10 MG"),
    ("| LEVOTHYR | 50 MCG | Tablet | Oral |", "50 MCG"),
    # one product spoken of in a leaflet's prose
    ("The 200 mg extended-release tablet is meant for people who need an all-day effect.", "200 mg"),
    ("A 40 mg esomeprazole tablet (the blue one) is also sold over the counter.", "40 mg"),
    # a product line that the sentence describes
    ("Sumatriptan 50 mg film-coated tablets work best when taken early in an attack.", "50 mg"),
    ("Ondansetron 4 mg orodispersible tablets melt on the tongue without water.", "4 mg"),
    # the title's product as its sentence's subject
    ("Febrinil 500mg Tablet is a paracetamol product sold without prescription.", "500mg"),
    # priced
    ("Generic sertraline 100 mg costs around $9 for a month's supply with a coupon.", "100 mg"),
    ("Amoxyclan 625 mg strip of 10: Rs 180 at most chemists.", "625 mg"),
])
def test_a_product_named_by_its_strength_is_a_strength(text, strength):
    assert _amounts(text) == []
    assert _strengths(text) == [strength]


@pytest.mark.parametrize("text", [
    # a brand's strength label: no count of 650
    "Dolo 650 Tablet is used for fever.",
    "Keep Crocin-500 Tablet away from children.",
    # a pack priced
    "A box of 28 capsules is about £6 at the pharmacy counter.",
])
def test_a_label_or_a_pack_is_no_dose(text):
    assert _amounts(text) == []


@pytest.mark.parametrize("text,amount", [
    # an instruction keeps its amount, with or without how often
    ("Take a 500 mg tablet twice a day.", "500 mg"),
    ("Take a 500 mg tablet.", "500 mg"),
    ("Adults: take Ibuprofen 400 mg tablet.", "400 mg"),
    ("Adults: Paracetamol 2 Tablets", "2 Tablets"),
    # a part of one product is the dose
    ("Rub in about a tenth of a 50 mg sachet.", "50 mg"),
    ("Children take half of the 10 mg tablet.", "10 mg"),
    # a schedule of its own: a dose, whatever names it
    ("Sumatriptan 50 mg tablets twice a day at most.", None),
    # a table row with a dose cell
    ("| Naproxen | 500 mg | twice a day | 1 g |", "500 mg"),
    # a product line's count, taken
    ("Prochlorperazine 3 mg buccal tablets dissolve in the mouth. Place 1 tablet between lip and gum twice a day.",
     "1 tablet"),
])
def test_a_dose_to_take_keeps_its_amount(text, amount):
    found = _amounts(text)
    assert found and (amount is None or amount in found)
