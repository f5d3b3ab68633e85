"""Disclaimers (DSC001-DSC003) on pages of other kinds and as their writers word them: a
shop's product page of a supplement with its label warning and the dietary-supplement
statement, a clinic's sheet that sends the reader to its own team or nurse, a
pre-operative sheet whose operation is already booked, a leaflet's "contact us if you
are worried" line. Every sentence here is written for this test, in the manner of real
pages of each kind.

The articles are built as records (not imported), so the tests pin the checks and their
data, not the importer's reading of a page."""

from __future__ import annotations


import pytest

from medlint.engine import Options, check_article
from medlint.registry import EXAMPLE_TODAY
from support import article_from_records
from tests.disclaimer_support import surgery_asked

IDS = frozenset({"DSC001", "DSC002", "DSC003"})
GENERAL = ("About this page", "other", ["This page is general information, not a plan of care."])
CART = ("Calm Magnesium 200 mg, 120 capsules", "overview", ["Quantity: 1   Add to Cart", "Subscribe & Save 15%"])
DSHEA = ("*These statements have not been evaluated by the Food and Drug Administration. "
         "This product is not intended to diagnose, treat, cure, or prevent any disease.")
LABEL_WARNING = ("Consult your healthcare practitioner before use if you are pregnant or nursing, take any "
                 "medication, or have kidney disease. Keep out of reach of children.")


def _block(block) -> dict:
    if isinstance(block, str):
        return {"paragraph": block}
    return {"style": "bullet", "list": [{"text": t} for t in block]}


def found(root, sections, levels=None, select=IDS) -> list[tuple[str, str]]:
    folder = article_from_records(root, {}, [
        {"heading": head, "level": levels[n] if levels else 1, "kind": kind, "blocks": [_block(b) for b in blocks]}
        for n, (head, kind, blocks) in enumerate(sections)])
    result = check_article(folder, Options(today=EXAMPLE_TODAY, select=select))
    assert result.error is None, result.error
    return sorted((f.check, f.excerpt) for f in result.findings)


def codes(root, sections, levels=None) -> list[str]:
    return [c for c, _ in found(root, sections, levels)]


# ------------------------------------------------------------------ a shop's supplement page

def test_a_product_pages_label_warning_and_supplement_statement_are_its_cautions(tmp_path):
    page = [CART,
            ("Directions", "supplements", ["Adults: take 2 capsules daily with food."]),
            ("Warnings", "other", [LABEL_WARNING]),
            ("Other ingredients", "other", ["Rice flour, vegetable capsule.", DSHEA])]
    assert found(tmp_path / "a", page) == []
    # another shop's words: "Individuals taking medication should discuss potential interactions"
    page = [CART,
            ("Suggested use", "supplements", ["Take 1 capsule twice daily with meals."]),
            ("Precautions", "other", ["Individuals taking medication should discuss potential interactions "
                                      "with their healthcare professional before using this supplement.",
                                      "*This product is not intended to treat, mitigate, diagnose or cure any disease."])]
    assert found(tmp_path / "b", page) == []


def test_the_supplement_statement_is_the_disclaimer_of_a_product_page_only(tmp_path):
    product = [CART, ("Warnings", "other", [LABEL_WARNING, DSHEA])]
    assert codes(tmp_path / "a", product) == []
    # an article about supplements still needs to say it is general information
    article = [("Magnesium and sleep", "overview", ["Magnesium is a mineral found in nuts and greens.", DSHEA])]
    assert codes(tmp_path / "b", article) == ["DSC003"]


def test_a_warning_to_one_group_or_a_medicine_sections_caution_is_no_supplement_caution(tmp_path):
    page = [GENERAL,
            ("Calcium supplements", "supplements", ["Most people take 500 mg twice a day with food."]),
            ("Side effects and risks", "other", ["Talk to your doctor before taking calcium if you have "
                                                 "kidney disease or a history of kidney stones."])]
    assert found(tmp_path / "a", page) == [("DSC001", "Calcium supplements")]
    page = [GENERAL,
            ("Tablets", "drug-therapy", ["Ibuprofen 400 mg three times a day with food, for adults. It can interact "
                                         "with warfarin. Your pharmacist can advise you."]),
            ("Supplements", "supplements", ["Glucosamine 1,500 mg daily."])]
    assert found(tmp_path / "b", page) == [("DSC001", "Supplements")]
    # the supplement statement anywhere outside a medicine section is said for every supplement
    # section; the part owed, asking before starting, is not
    page[1:1] = [("Notes", "other", [DSHEA])]
    assert found(tmp_path / "c", page) == [("DSC002", "Supplements")]
    # a medicine section that asks the reader to check before starting cautions the whole page
    # (one caution for medicines and supplements, the disclaimer ruling of 2026-12-04)
    page[2] = ("Tablets", "drug-therapy", ["Ibuprofen 400 mg three times a day with food, for adults. Speak to "
                                           "your GP or pharmacist before starting any of these."])
    assert found(tmp_path / "d", page) == []
    # ... but one that asks before one named medicine ("before starting one") cautions that one
    page[2] = ("Tablets", "drug-therapy", ["Ibuprofen 400 mg three times a day with food, for adults. Speak to "
                                           "your GP or pharmacist before starting one."])
    assert found(tmp_path / "e", page) == [("DSC002", "Supplements")]


# ------------------------------------------------------------------ a clinic's own team and consultation

@pytest.mark.parametrize("caution", [
    "If you weigh less than 50 kg, ask the pharmacy team for a lower dose.",
    "Our nurse will go through this with you at your appointment.",
    "If you are not sure, ring the clinic before you take it.",
    "This page is not a substitute for a consultation with a travel health professional.",
    "Contact us straight away if you are worried about your child.",
    "If you are worried about a dose, call the Children's Assessment Unit.",
])
def test_a_clinics_own_team_or_consultation_is_the_consult_caution(tmp_path, caution):
    page = [GENERAL, ("Pain relief", "drug-therapy", ["Paracetamol 1 g up to four times in 24 hours, for adults.", caution])]
    assert codes(tmp_path, page) == []


@pytest.mark.parametrize("line", [
    "Contact our customer service team about your order.",
    "Call the sales team for a bulk discount.",
    "Contact us if you have questions about delivery.",
])
def test_a_shops_or_sites_service_team_is_no_clinician(tmp_path, line):
    # the section's own note says whom the doses are for; the service line sends no one to a
    # clinician, so the caution of its own is half said
    page = [GENERAL, ("Pain relief", "drug-therapy", ["Paracetamol 1 g up to four times in 24 hours.",
                                                      "These doses are for adults.", line])]
    assert found(tmp_path, page) == [("DSC002", "Pain relief")]


def test_the_guidance_for_adults_said_once_for_the_page(tmp_path):
    page = [GENERAL,
            ("Why this matters", "other", ["The general guidance below is for adults; if you are not sure, "
                                           "ring the pharmacy team before you stop anything."]),
            ("Pain relief you can take", "drug-therapy", ["Paracetamol 1 g up to four times in 24 hours. "
                                                          "Ask the pharmacy team if you weigh under 50 kg."])]
    assert codes(tmp_path / "a", page) == []
    # advice for children only says whom it suits, not adults
    page[1] = ("Why this matters", "other", ["The advice in this leaflet is about your medicines."])
    assert found(tmp_path / "b", page) == [("DSC002", "Pain relief you can take")]


# ------------------------------------------------------------------ an operation already booked

@pytest.mark.parametrize("heading", ["On the day of your operation", "Before your surgery",
                                     "After your procedure", "Preparing for your operation"])
def test_the_instructions_for_a_booked_operation_weigh_no_surgery(tmp_path, heading):
    page = [GENERAL, (heading, "surgery", ["Do not eat for 6 hours before your admission time; 9 in 10 "
                                           "people go home the same day pain-free."])]
    with surgery_asked(tmp_path):
        assert codes(tmp_path, page) == []


def test_a_section_that_sells_an_operation_by_its_results_is_still_asked(tmp_path):
    page = [GENERAL, ("When surgery is considered", "surgery",
                      ["A microdiscectomy removes the part of the disc pressing on the nerve; "
                       "over 85% of people have less leg pain afterwards."])]
    assert found(tmp_path / "default", page) == []  # off by default (ruling of 2026-12-04, (b))
    with surgery_asked(tmp_path):
        assert found(tmp_path, page) == [("DSC001", "When surgery is considered")]
        # one that says what the operation does, and promises nothing, is not (asked_when_outcome)
        page[1] = ("When surgery is considered", "surgery",
                   ["A microdiscectomy removes the part of the disc pressing on the nerve."])
        assert found(tmp_path / "b", page) == []


# ------------------------------------------------------------------ a forum thread

POST = ("Rob1968  |  posted 3 hours ago", "drug-therapy",
        ["I split my methotrexate 15 mg weekly over the day and take folic acid 5 mg the day after."])
STAMP = ("JennyW  |  posted 5 hours ago", "other", ["Is it normal to feel sick after the weekly dose?"])


def test_a_forum_threads_posts_are_not_asked_for_section_disclaimers(tmp_path):
    terms = ("Reply  Quote", "other", ["The views expressed in this forum are those of individual members."])
    assert found(tmp_path / "a", [STAMP, POST, terms]) == []
    # the terms line is the thread's disclaimer; a thread without one is asked for it
    assert found(tmp_path / "b", [STAMP, POST]) == [("DSC003", "Example")]
    # an article with a reader's comment is still asked for its dose sections
    article = [GENERAL, ("Methotrexate", "drug-therapy", ["Methotrexate 15 mg once a week."]),
               ("Comments", "other", ["Our members often share their experience below."])]
    assert found(tmp_path / "c", article) == [("DSC001", "Methotrexate")]


# ------------------------------------------------------------------ a UK shop's food supplement

def test_a_uk_product_pages_food_supplement_statement_is_its_disclaimer_not_an_articles(tmp_path):
    statement = "Food supplements should not be used as a substitute for a varied, balanced diet."
    shop = [("Vitamin D3 4000 IU, 180 softgels", "overview", ["£12.99   In stock   Add to basket"]),
            ("Warnings", "other", [statement, "If you are taking any medication, consult your doctor before use."])]
    assert codes(tmp_path / "a", shop) == []
    article = [("Vitamin D in winter", "overview", ["Most adults in the UK are advised to take 10 micrograms "
                                                    "a day from October to March.", statement])]
    assert codes(tmp_path / "b", article) == ["DSC003"]


# ------------------------------------------------------------------ a hospital's handout

def test_a_handout_for_general_education_that_sends_the_reader_to_their_team(tmp_path):
    doses = ("After surgery", "drug-therapy", ["Take acetaminophen 650 mg every 6 hours as needed, no more than "
                                               "3,000 mg in 24 hours."])
    closing = ("Questions", "other", ["This handout is for general education. Follow the instructions your care "
                                      "team gave you."])
    assert found(tmp_path / "a", [doses, closing]) == []
    # "education" that is not what the page is for says nothing
    closing = ("Questions", "other", ["Our nurses run education sessions for new patients."])
    # (no caution at all: named once, as DSC003, ruling of 2026-12-04)
    assert [c for c, _ in found(tmp_path / "b", [doses, closing])] == ["DSC003"]


# ------------------------------------------------------------------ the article disclaimer, in more words

@pytest.mark.parametrize("words", [
    "This page is not intended as medical advice.",
    "The content of this blog should not be taken as medical advice.",
    "We do not provide medical advice; talk to your own GP.",
    "Nothing on this website constitutes medical advice.",
    "For educational use only.",
    "The information here is general in nature and does not take your circumstances into account.",
])
def test_the_article_disclaimer_in_more_writers_words(tmp_path, words):
    page = [("About shingles", "overview", ["Shingles is a painful rash caused by the chickenpox virus.", words])]
    assert codes(tmp_path, page) == []


@pytest.mark.parametrize("words", [
    "Do not take your medicine with food.",
    "We give advice on travel vaccines at our clinic.",
    "Our education team runs courses for carers.",
])
def test_look_alikes_are_no_article_disclaimer(tmp_path, words):
    page = [("About shingles", "overview", ["Shingles is a painful rash caused by the chickenpox virus.", words])]
    assert codes(tmp_path, page) == ["DSC003"]


@pytest.mark.parametrize("caution", [
    "Seek medical advice before taking it if you are pregnant.",
    "Ask a member of the pharmacy team if you are unsure.",
    "Your pharmacist can help you choose.",
])
def test_more_consult_wordings(tmp_path, caution):
    page = [GENERAL, ("Pain relief", "drug-therapy", ["Paracetamol 1 g up to four times in 24 hours, for adults.", caution])]
    assert codes(tmp_path, page) == []


@pytest.mark.parametrize("ages", ["Not suitable for children under 12.", "For over-18s only."])
def test_whom_the_doses_do_not_suit_says_whom_they_suit(tmp_path, ages):
    page = [GENERAL, ("Pain relief", "drug-therapy", ["Aspirin 300 mg every 4 hours, at most 12 tablets a day.",
                                                      ages, "Check with your pharmacist first."])]
    assert codes(tmp_path, page) == []
    page = [GENERAL, ("Pain relief", "drug-therapy", ["Aspirin 300 mg every 4 hours, at most 12 tablets a day.",
                                                      "Ask a member of our sales team about multibuy offers."])]
    assert found(tmp_path / "x", page) == [("DSC001", "Pain relief")]
