"""The disclaimer ruling of 2026-12-04 (owner; tests/corpus/README.md), on pages written for
this test in several site styles (a long consumer guide in plain text, a Markdown wellness
blog, a clinic leaflet, a drug handbook, a student health page):

(a) medicines and supplements share one caution for the page: a line anywhere that asks
    the reader to check with a doctor or pharmacist before trying the treatments, or leaves
    the choice or the dose to their clinician, cautions every medicine and supplement
    section; a sentence that asks one group only does not;
(b) surgery sections are not asked (the rule is off in the data);
(c) investigational sections still need their own caution;
(d) a page with no caution at all is one defect, DSC003, not also DSC001; a page whose
    general disclaimer sends the reader nowhere gets DSC001 once.

Also the classes found beside it: a professional-use notice in other words ("written for
healthcare professionals", "not intended to replace the expertise and judgment of a
healthcare professional"), a third-person "follow the directions on their prescription
label", one regulator line read as two signs of a booking service, and a service for one
institution's students or staff that sends them to its own nurses."""

from __future__ import annotations

import pytest

from support import findings_for
from tests.test_disclaimers_other_writers import GENERAL, found

DSC = frozenset({"DSC001", "DSC002", "DSC003"})
PAINKILLERS = ("Pain relief", "drug-therapy", [("bullet", ["Naproxen 250 mg twice a day with food",
                                                             "Paracetamol 1 g up to four times in 24 hours"])])
SUPPLEMENTS = ("Supplements", "supplements", [("bullet", ["Magnesium citrate 200 mg at night",
                                                            "Vitamin D3 25 micrograms a day"])])
REGENERATIVE = ("Regenerative options", "investigational", [("bullet", ["Platelet-rich plasma, 3 injections"])])


# ------------------------------------------------------------------ (a) one caution for the page

PAGE_CAUTIONS = [
    # a closing disclaimer in the seed's house style
    "Every body is different. So always seek the advice of a qualified health professional before trying "
    "any of the remedies on this page. This guide is for general education only.",
    # a pronoun after the clinician it stands for
    "This leaflet is general information and no substitute for a talk with a pharmacist or GP, so please "
    "ask one before starting any treatment listed here.",
    "It does not replace a visit to your physiotherapist or doctor; please seek their advice before you "
    "start anything new.",
    # the prescriber sets the dose
    "This page is general information. Your doctor or pharmacist will tell you how much to take.",
    # the reader's own clinician, by their advice
    "This article is general information and does not replace the judgement of your own care team.",
]


@pytest.mark.parametrize("closing", PAGE_CAUTIONS)
def test_a_page_caution_in_its_own_words_cautions_medicines_and_supplements(tmp_path, closing):
    page = [PAINKILLERS, SUPPLEMENTS, ("A note from us", "other", [closing])]
    assert found(tmp_path, page) == []


def test_a_parenthetical_line_under_the_medicines_speaks_for_the_supplements(tmp_path):
    page = [("Pain relief", "drug-therapy", ["(Check with your pharmacist before using any of these; the amounts "
                                             "are for adults.)", PAINKILLERS[2][0]]),
            SUPPLEMENTS, GENERAL]
    assert found(tmp_path, page) == []


@pytest.mark.parametrize("line", [
    "Speak to your doctor before taking magnesium if you have kidney disease.",
    "If you are on blood thinners, check with your pharmacist before starting vitamin K.",
    "People who take lithium should ask their doctor before using ibuprofen.",
])
def test_a_sentence_for_one_group_is_no_page_caution(tmp_path, line):
    page = [PAINKILLERS, SUPPLEMENTS, ("Who should be careful", "other", [line]), GENERAL]
    got = found(tmp_path, page)
    # not the page's caution: the supplements still lack theirs (the medicines may count it as
    # their "consult" part, a warning that names a clinician, and lack the rest)
    assert ("DSC001", "Supplements") in got or ("DSC001", "Pain relief") in got, got
    assert {c for c, _ in got} <= {"DSC001", "DSC002"}


@pytest.mark.parametrize("words", [
    "NSAIDs can upset the stomach. Speak to your GP or pharmacist before starting one.",
    "Ask your pharmacist before taking naproxen with other painkillers.",
    "Doses are adult doses; your doctor decides which medicine suits you.",
])
def test_a_caution_about_one_medicine_is_not_the_supplements(tmp_path, words):
    page = [("Pain relief", "drug-therapy", [words, PAINKILLERS[2][0]]), SUPPLEMENTS, GENERAL]
    assert ("DSC001", "Supplements") in found(tmp_path, page)


def test_especially_if_is_still_every_readers_caution(tmp_path):
    line = "Ask your pharmacist before trying these, especially if you take other medicines."
    page = [PAINKILLERS, SUPPLEMENTS, ("Before you start", "other", [line]), GENERAL]
    assert found(tmp_path, page) == []


def test_the_supplement_statement_is_good_practice_not_owed(tmp_path):
    # asking before starting is the caution; the statement and interactions are not raised
    page = [("Supplements", "supplements", ["Talk to a pharmacist before adding any of these.",
                                            SUPPLEMENTS[2][0]]), GENERAL]
    assert found(tmp_path, page) == []


def test_a_long_guide_in_plain_text_is_cautioned_by_its_closing_line(tmp_path):
    text = ("Managing a Stiff Neck\n"
            "Medicines That May Help\n"
            "(Doses below are for adults.)\n-\n"
            "Ibuprofen 400 mg three times daily with food – Eases pain and swelling.\n"
            "Helpful Supplements\n-\n"
            "Magnesium glycinate 300 mg at night – May ease muscle spasm.\n"
            "Turmeric extract 500 mg twice daily – Anti-inflammatory.\n"
            "Disclaimer: This guide is for general information only; please consult a qualified doctor or "
            "pharmacist before trying any treatment described here.\n")
    assert not findings_for(text, "DSC001", tmp_path / "a")
    assert not findings_for(text, "DSC002", tmp_path / "b")
    # the same guide whose closing line sends the reader nowhere: told once, at the first dose section
    bare = text.replace("; please consult a qualified doctor or pharmacist before trying any treatment described "
                        "here.", ".").replace("(Doses below are for adults.)\n", "")
    hits = findings_for(bare, "DSC001", tmp_path / "c")
    assert [h.section for h in hits] == ["Medicines That May Help"]


def test_a_markdown_blog_is_cautioned_by_its_italic_footer(tmp_path):
    text = ("# Sleeping better in winter\n\n"
            "## What I take\n\n"
            "- Magnesium glycinate: 200 mg an hour before bed\n"
            "- Melatonin: 0.5 mg at 10 pm\n\n"
            "## Painkillers for the odd bad night\n\n"
            "- Paracetamol 1 g, no more than 4 g in 24 hours\n\n"
            "*This post is general information. Please talk to your GP or pharmacist before starting any "
            "supplement or medicine.*\n")
    assert not findings_for(text, "DSC001", tmp_path / "a", markdown=True)
    assert not findings_for(text, "DSC002", tmp_path / "b", markdown=True)


# ------------------------------------------------------------------ (b) surgery, (c) investigational

def test_surgery_is_not_asked_and_investigational_still_is(tmp_path):
    surgery = ("Surgery", "surgery", ["Keyhole release works for 9 in 10 people within a month."])
    page = [PAINKILLERS, REGENERATIVE, surgery,
            ("Disclaimer", "other", ["This page is general information. Always ask your doctor before starting "
                                     "any treatment."])]
    assert found(tmp_path, page) == [("DSC001", "Regenerative options")]


# ------------------------------------------------------------------ (d) named once

def test_a_page_with_no_caution_at_all_is_named_once(tmp_path):
    page = [PAINKILLERS, SUPPLEMENTS, REGENERATIVE]
    # the investigational caution is its own; the medicine and supplement one is DSC003's
    assert found(tmp_path, page) == [("DSC001", "Regenerative options"), ("DSC003", "Example")]


def test_the_article_disclaimer_message_says_what_a_dosing_page_must_say(tmp_path):
    text = ("Heel pain at home\nWhat to take\n-\nIbuprofen 400 mg three times a day with food – Eases pain.\n")
    hits = findings_for(text, "DSC003", tmp_path / "a")
    assert len(hits) == 1 and "ask a doctor or pharmacist before taking" in hits[0].message
    assert "ask a doctor or pharmacist before taking" in hits[0].suggestion
    plain = "Heel pain at home\nWhy it happens\nThe tissue under the heel gets sore with overuse.\n"
    hits = findings_for(plain, "DSC003", tmp_path / "b")
    assert len(hits) == 1 and "pharmacist" not in hits[0].message


# ------------------------------------------------------------------ classes found beside the ruling

@pytest.mark.parametrize("notice", [
    "This dosing information is written for healthcare professionals.",
    "The content of this monograph is prepared for medical practitioners.",
    "Disclaimer: Every care is taken, but this reference is not intended to replace the expertise and judgment "
    "of a healthcare professional.",
])
def test_a_professional_use_notice_in_other_words_is_the_article_disclaimer(tmp_path, notice):
    page = [("Usual Adult Dose for Gout", "drug-therapy", ["Allopurinol 100 mg PO once a day"]),
            ("About", "other", [notice])]
    assert [c for c, _ in found(tmp_path, page, select={"DSC003"})] == []


def test_a_handbook_that_sends_patients_to_their_label_leaves_the_dose_to_the_prescriber(tmp_path):
    page = [("Usual Adult Dose for Angina", "drug-therapy", ["Initial dose: 5 mg PO once a day"]),
            ("Notes", "other", ["Patients should follow the directions on their prescription label. This "
                                "reference is general information."])]
    assert found(tmp_path, page, select={"DSC001", "DSC002"}) == []


@pytest.mark.parametrize("footer", [
    "Northbank Skin Clinic Ltd is registered with the Care Quality Commission.",
    "Our pharmacy is regulated by the GPhC.",
])
def test_one_regulator_line_does_not_make_an_article_a_booking_page(tmp_path, footer):
    page = [("Treating acne", "drug-therapy", ["Lymecycline 408 mg once a day for 12 weeks."]),
            ("About us", "other", [footer])]
    assert found(tmp_path, page) == [("DSC003", "Example")]


@pytest.mark.parametrize("note", [
    "This page is general health information for Eastfield University students. If you are worried, book "
    "online or call the nurse line.",
    "These notes are general information for Harbour Ferries staff. If you have any questions, contact the "
    "occupational health nurses.",
])
def test_a_service_page_for_its_own_students_or_staff_that_sends_them_to_its_nurses(tmp_path, note):
    page = [("Medicines from the shop", "drug-therapy", [PAINKILLERS[2][0]]), ("About", "other", [note])]
    assert found(tmp_path, page) == []
    # the same page that sends no one anywhere is still asked
    quiet = note.split(". ")[0] + ". It is general information."
    page = [("Medicines from the shop", "drug-therapy", [PAINKILLERS[2][0]]), ("About", "other", [quiet])]
    assert found(tmp_path / "quiet", page) == [("DSC001", "Medicines from the shop")]
