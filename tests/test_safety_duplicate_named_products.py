"""SAF002, the same ingredient twice across names: a sentence that advises two products named
by brand, generic or combination name (checks/medicine-names.yaml), or a product the page names
with its ingredients ("Musclex Tablets (Paracetamol 500 mg / Methocarbamol 400 mg)"), together,
when both contain the same ingredient of ``duplicate_products.named.ingredients`` (paracetamol,
21 CFR 201.326(a)(1); an NSAID, 21 CFR 201.326(a)(2)). Styles: an online shop's product page
with customer answers, a US pharmacy Q&A, a UK clinic handout. Every sentence here is written
for this test."""

from __future__ import annotations

import pytest

from tests.support import findings_for

SHOP = ("Musclex Tablets (Paracetamol 500 mg / Methocarbamol 400 mg) 30s\nS$15.20\n"
        "How to use\nAdults: 2 tablets three times a day, no more than 6 tablets in 24 hours.\n"
        "Customer answers\nQ: Is it okay with other painkillers?\nA: {answer}\n")
QA = ("Ask Our Pharmacist\nQ: My husband was given Percocet after his knee surgery and he's still sore. "
      "What can he add?\nA: {answer}\n")
HANDOUT = ("After your tooth extraction\nPain relief at home\n{answer}\n"
           "Call the clinic if the bleeding has not stopped after an hour of pressure.\n")


def _saf002(tmp_path, text):
    return findings_for(text, "SAF002", tmp_path)


@pytest.mark.parametrize("page, answer, names", [
    # the shop's own product, named only by brand, with its ingredients in its title
    (SHOP, "Yes, you may take Panadol as well as your Musclex when the pain is bad.", ("Panadol", "Musclex")),
    (SHOP, "Sure, one Tylenol in between your Musclex doses is fine.", ("Tylenol", "Musclex")),
    # a combination's name from checks/medicine-names.yaml and a brand of the same ingredient
    (QA, "He can take Tylenol Extra Strength with his Percocet for the worst of the pain.", ("Tylenol", "Percocet")),
    # a generic name and a combination's name, in a UK handout
    (HANDOUT, "If the pain keeps you awake, take co-codamol on top of your paracetamol.",
     ("paracetamol", "co-codamol")),
    # two brands of one NSAID
    (HANDOUT, "Take Nurofen 400 mg three times a day with food, and Advil in between your Nurofen doses if you need more.",
     ("Advil", "Nurofen")),
])
def test_two_named_products_with_one_ingredient_advised_together_are_found(tmp_path, page, answer, names):
    got = _saf002(tmp_path, page.format(answer=answer))
    duplicate = [f for f in got if "both contain" in f.message]
    assert len(duplicate) == 1, [f.message for f in got]
    assert all(n in duplicate[0].message for n in names)
    assert "21 CFR 201.326" in duplicate[0].message


@pytest.mark.parametrize("page, answer", [
    # told not to
    (SHOP, "No. Do not take Panadol with Musclex: it already has paracetamol in it."),
    # one or the other
    (SHOP, "You can take Panadol or Musclex, but not both on the same day."),
    # a different ingredient alternated with it
    (SHOP, "Yes, you may take Nurofen in between your Musclex doses if your stomach is fine."),
    # the name glossed in brackets is one product
    (HANDOUT, "Take Panadol (paracetamol) with a glass of water, 2 tablets four times a day at most."),
    # a question is not advice
    (QA, "Can he take Tylenol with his Percocet? Ask his surgeon first; Percocet already holds acetaminophen."),
])
def test_warnings_alternatives_and_glosses_pass(tmp_path, page, answer):
    got = _saf002(tmp_path, page.format(answer=answer))
    assert [f for f in got if "both contain" in f.message] == [], [f.message for f in got]


def test_a_product_defined_in_a_sentence_is_read_too(tmp_path):
    text = ("Relaxon 20s\nAbout this product\nRelaxon combines paracetamol with chlorzoxazone for muscle aches.\n"
            "Customer answers\nQ: Can I add something?\nA: Yes, 2 Panadol on top of your Relaxon is fine.\n")
    got = [f for f in _saf002(tmp_path, text) if "both contain" in f.message]
    assert len(got) == 1 and "Relaxon" in got[0].message


def test_a_bracket_that_does_not_open_with_ingredients_defines_no_product(tmp_path):
    text = ("Pain relief after a sprain\nWhat to take\nRelief (for adults, paracetamol or ibuprofen) comes first.\n"
            "Take paracetamol 1 g every 6 hours, no more than 4 g a day. Too much harms the liver; do not take "
            "other products that contain it.\nAsk us\nYes, paracetamol as well as your relief plan of rest and ice is fine.\n")
    assert [f for f in _saf002(tmp_path, text) if "both contain" in f.message] == []
