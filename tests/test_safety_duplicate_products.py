"""SAF002, the same ingredient twice: a sentence that advises a medicine together with a product
named by what it is that already contains it, or a medicine of its class (checks/safety.yaml
``duplicate_products``). Two site styles: a pharmacy product page with Q&A, a blog post. Every
sentence here is written for this test."""

from __future__ import annotations

import pytest

from tests.support import findings_for

SHOP = ("Feverex 500 Tablet\nComposition: Paracetamol 500 mg\n"
        "Dosage\nAdults: paracetamol 500 mg to 1 g every 6 hours, no more than 4 g in 24 hours.\n"
        "Frequently asked questions\nQ. Can I use Feverex with my flu tablets?\nA. {answer}\n")
BLOG = ("# Getting through a bad cold\n\nPosted by the Riverside Pharmacy team\n\n"
        "## Sleeping when you are stuffed up\n\n{answer}\n")


def _saf002(tmp_path, text):
    return findings_for(text, "SAF002", tmp_path)


@pytest.mark.parametrize("page, answer, shared", [
    (SHOP, "Yes, many people take Feverex alongside a cold and flu combination tablet for a runny nose.",
     "acetaminophen"),
    (SHOP, "Sure: Feverex works well at the same time as a multi-symptom cold capsule.", "acetaminophen"),
    (BLOG, "When the cough keeps you up, an extra paracetamol on top of your night-time cold remedy "
           "will settle the aches.", "acetaminophen"),
    (BLOG, "Some readers find that doxylamine together with a nighttime cold and flu syrup knocks them out.",
     "doxylamine"),
    (BLOG, "If you still lie awake, diphenhydramine tablets along with your nighttime cold medicine should "
           "do the trick.", "doxylamine"),
])
def test_advice_to_double_up_is_found(tmp_path, page, answer, shared):
    got = _saf002(tmp_path, page.format(answer=answer))
    assert len(got) == 1 and f"already contains {shared}" in got[0].message, [f.message for f in got]


@pytest.mark.parametrize("page, answer", [
    (SHOP, "No. Do not take Feverex on top of a cold and flu combination tablet: most already hold paracetamol."),
    (SHOP, "Only if you check the label first; never take it together with a multi-symptom cold product."),
    (BLOG, "Avoid taking a diphenhydramine sleep aid on top of your nighttime cold medicine."),
    (BLOG, "Is it safe to take ibuprofen alongside a nighttime cold medicine?"),
    (BLOG, "Ibuprofen alongside a nighttime cold medicine is an option some doctors suggest."),
    (BLOG, "Honey and lemon along with plenty of fluids will soothe a sore throat."),
])
def test_warnings_questions_and_other_medicines_stay_silent(tmp_path, page, answer):
    assert _saf002(tmp_path, page.format(answer=answer)) == []


# SAF001: the acetaminophen "other products" warning in a page's own words (where else it is)
PARA = "{head}Paracetamol: 1 g every 4 to 6 hours, no more than 4 g in 24 hours. Too much harms the liver.{extra}\n"
HEADS = ["Pain relief\n", "## What to take\n\n"]


@pytest.mark.parametrize("head", HEADS)
@pytest.mark.parametrize("extra", [
    " It is also in many sinus and sleep products, so add them up.",
    " You will find it in many cold remedies as well; count every source.",
    " Keep to 4 g a day from all sources combined.",
])
def test_where_else_acetaminophen_is_counts_as_the_warning(tmp_path, head, extra):
    got = findings_for(PARA.format(head=head, extra=extra), "SAF001", tmp_path)
    assert not any("other products" in f.message for f in got), [f.message for f in got]


@pytest.mark.parametrize("head", HEADS)
def test_without_it_the_other_products_warning_is_asked_for(tmp_path, head):
    got = findings_for(PARA.format(head=head, extra=" Take it with water."), "SAF001", tmp_path)
    assert any("other products" in f.message for f in got), [f.message for f in got]


def test_a_decimal_strength_does_not_end_the_sentence(tmp_path):
    # the medicine named before "0.5 g" and the product after it are one sentence
    answer = "Many people take paracetamol 0.5 g alongside a cold and flu combination tablet when it starts."
    got = _saf002(tmp_path, BLOG.format(answer=answer))
    assert len(got) == 1 and "paracetamol 0.5 g" in got[0].excerpt, [f.excerpt for f in got]
