"""What a page owes (checks/owed.yaml), read from positive evidence of what the page is: a
record of one patient's care in a hospital system's or a pharmacy's layout (a surname-first
patient line, an unlabelled date of birth, the days supplied, a message to one patient by
name); a pharmacist's own page for the premises the reader walks into (its opening hours,
its duty-pharmacy turn, "ask us at the counter"); an organisation's own guide (a department
named with the organisation's acronym, a unit line after a dash, a leaflet code, the
organisation named as publisher in the masthead); a dateline of effect ("Effective: ..."),
numeric dates written year first ("2025/9/14", "2026.11.20"); credentials in the words of
the page's country ("médica de familia", "pharmacien"); and an unsigned page laid out as a
regulator's labelling (Drug Facts), which owes its date. And the pages that only look like
them stay asked. Every sentence here is written for this test."""

from __future__ import annotations

import datetime as dt

import pytest

from support import article_from_text, checks_and_severities

TODAY = dt.date(2026, 12, 1)
IDS = frozenset({"REV001", "REV003", "REV004", "REV005", "REV006", "DSC001", "DSC002", "DSC003", "DSC004"})


def checks(text: str, root, markdown: bool = False) -> list[str]:
    return [c for c, _ in checks_and_severities(article_from_text(text, root, markdown=markdown), TODAY, IDS)]


# ---------------------------------------------------------------- one patient's record

DISCHARGE_SHEET = """\
TAKAMINE CITY GENERAL HOSPITAL
Discharge Medication Guide
Printed: 2026.10.02 09:15   Ward 5 East   Page 1/1

Patient: TANAKA, Hiro M.   ID 0031-55821   DOB 1985.04.12
Attending: Dr. Mori Kei, Orthopaedics
Days supplied: 7

YOUR MEDICINES
Naproxen 250 mg: 1 tablet twice a day after meals, for 7 days. Stop and contact us if you have chest pain \
or black stools.
Lansoprazole 15 mg: 1 capsule every morning while you take naproxen.

FOLLOW-UP
Fracture clinic, 2026.10.09 at 10:00.
"""

PHARMACY_TEXTS = """\
Text messages - Brookside Pharmacy
-- Mon 9 Nov 2026 --
Brookside Pharmacy 09:40
Dear Mr Okonkwo, your prescription Rx 55120 is ready to collect. Reply 1 for delivery.
Brookside Pharmacy 09:41
Your new tablets: amlodipine 5 mg, take 1 tablet once a day in the morning. If your ankles swell, \
tell us at your next visit.
"""


@pytest.mark.parametrize("text", [DISCHARGE_SHEET, PHARMACY_TEXTS], ids=["discharge-sheet", "pharmacy-texts"])
def test_a_record_of_one_patients_care_is_asked_for_nothing_of_a_public_page(text, tmp_path):
    assert checks(text, tmp_path) == []


def test_a_hospital_leaflet_about_discharge_medicines_for_everyone_is_still_asked(tmp_path):
    text = ("Going home with your medicines\n\nWhat happens before you leave\nThe ward pharmacist checks your "
            "discharge medicines with you. Take paracetamol 1 g up to four times a day if you need it.\n")
    assert "DSC003" in checks(text, tmp_path)


# ---------------------------------------------------------------- a pharmacist's own premises

PORTUGUESE_PHARMACY = """\
Farmácia do Largo · Tavira
Opening hours: Mon-Sat 9:00-20:00 · Farmácia de serviço: see the rota on our door

Sun and stomach bugs on holiday

By Rita Sousa, pharmacist and owner

Tummy upsets
Loperamide 2 mg: take 2 capsules after the first loose stool, then 1 after each loose stool, no more \
than 6 capsules in 24 hours.

This page gives general information for our visitors and does not replace a consultation.
"""

TORONTO_PHARMACY = """\
Queen Street Independent Pharmacy
Hours: Monday to Friday 9-6, Saturday 10-4

Choosing a cold remedy

By Daniel Cho, RPh, pharmacist-owner

Blocked nose
Pseudoephedrine 60 mg: 1 tablet every 4 to 6 hours, no more than 4 tablets in 24 hours.

This article is general information, not a substitute for advice about your own health. Ask us at the \
counter before you buy.
"""


@pytest.mark.parametrize("text", [PORTUGUESE_PHARMACY, TORONTO_PHARMACY], ids=["tavira", "toronto"])
def test_a_pharmacists_own_page_for_the_premises_owes_no_separate_reviewer_or_section_cautions(text, tmp_path):
    found = checks(text, tmp_path)
    assert not {"REV006", "DSC001", "DSC002"} & set(found)


def test_a_pharmacists_magazine_piece_with_no_premises_still_owes_a_reviewer(tmp_path):
    text = ("Choosing a cold remedy\n\nBy Daniel Cho, RPh, pharmacist\n\nBlocked nose\nPseudoephedrine 60 mg: "
            "1 tablet every 4 to 6 hours, no more than 4 tablets in 24 hours.\n\nThis article is general "
            "information, not a substitute for advice about your own health.\n")
    assert "REV006" in checks(text, tmp_path)


# ---------------------------------------------------------------- an organisation's own guide

FEDERATION_GUIDE = """\
KRSF · Kestrel Rowing and Sculling Federation
Athletes | Coaches | Clean Sport | Events

Painkillers and regattas: a guide for crews

Issued by the KRSF Clean Sport Department
Reviewed by: Dr. Amal Haddad, MBBS, Federation Medical Officer
Effective: 1 March 2026

Pain
Ibuprofen 200 mg: 1 to 2 tablets every 6 to 8 hours with food, no more than 6 tablets in 24 hours.

This guide gives general information and does not replace the advice of your own doctor.
"""

HOSPITAL_UNIT_LEAFLET = """\
Harbourview District Hospital
Department of Surgery - Day Case Unit

After your hernia repair

Prepared by the Day Surgery Nursing Team
Reviewed: 03/09/2026      Leaflet DSU-12

Pain relief
Paracetamol 500 mg: 2 tablets four times a day, no more than 8 tablets in 24 hours.

This leaflet gives general information. It does not replace the advice of the team caring for you.
"""


@pytest.mark.parametrize("text", [FEDERATION_GUIDE, HOSPITAL_UNIT_LEAFLET], ids=["federation", "hospital-unit"])
def test_an_organisations_own_guide_owes_no_personal_author(text, tmp_path):
    found = checks(text, tmp_path)
    assert not {"REV001", "REV005", "REV006"} & set(found)


def test_a_blog_by_a_marketing_team_still_owes_its_author(tmp_path):
    text = ("Your winter glow plan\n\nBy the Radiance Studio Team\nUpdated 3 November 2026\n\nThe plan\n"
            "Vitamin D3 1,000 IU once a day with a meal.\n\nThis post is general information, not medical advice.\n")
    assert "REV005" in checks(text, tmp_path)


# ---------------------------------------------------------------- datelines

@pytest.mark.parametrize("line, expected", [
    ("Issue date: 2025/9/14", ["REV003"]),       # year first with slashes: more than 12 months ago
    ("Updated 2026.10.05", []),                  # year first with dots: recent
    ("Valid from 1 February 2026", []),          # a date of effect dates the page
])
def test_a_dateline_in_other_forms_dates_the_page(line, expected, tmp_path):
    text = (f"Pine Hollow Health Centre\nDepartment of Rheumatology\n\nLiving with gout\n\n{line}\n"
            "Prepared by the Rheumatology Unit\nLeaflet RH-21\n\nYour daily tablet\nColchicine 500 micrograms: "
            "1 tablet twice a day.\n\nThis leaflet gives general information. It does not replace your doctor's "
            "advice.\n")
    assert [c for c in checks(text, tmp_path) if c.startswith("REV")] == expected


# ---------------------------------------------------------------- credentials in other languages

@pytest.mark.parametrize("reviewer", ["Dra. Ana Ruiz Beltrán, médica de familia",
                                      "Pierre Lemaire, pharmacien d'officine"])
def test_a_reviewer_credentialed_in_the_pages_own_language_is_a_credentialed_reviewer(reviewer, tmp_path):
    text = (f"Heartburn on holiday\n\nBy Marta Gil\nReviewed by {reviewer}\nUpdated 2 November 2026\n\n"
            "What to take\nAlmagate 1.5 g: 1 sachet after meals, no more than 6 sachets a day.\n\n"
            "This page is general information and does not replace your doctor's advice.\n")
    assert "REV006" not in checks(text, tmp_path)


# ---------------------------------------------------------------- an unsigned label

DRUG_FACTS = """\
Cetirizine Hydrochloride Tablets 10 mg

Drug Facts
Active ingredient (in each tablet)
Cetirizine HCl 10 mg ... Antihistamine
Uses
temporarily relieves runny nose and sneezing due to hay fever
Directions
adults and children 6 years and over: 1 tablet once daily; do not take more than 1 tablet in 24 hours
Inactive ingredients
lactose, magnesium stearate
"""


@pytest.mark.unsigned_pages
def test_an_unsigned_drug_facts_page_owes_the_date_of_its_label(tmp_path):
    assert checks(DRUG_FACTS, tmp_path) == ["REV001"]


@pytest.mark.unsigned_pages
def test_an_unsigned_page_that_only_mentions_the_package_leaflet_stays_unsigned(tmp_path):
    text = ("Hay fever tablets\n\nWhich one to choose\nCetirizine 10 mg: 1 tablet once a day. Read the package "
            "leaflet before you start.\n\nThis page is general information, not medical advice.\n")
    assert "REV001" not in checks(text, tmp_path)


# ---------------------------------------------------------------- the page's own service as the contact

@pytest.mark.parametrize("sentence", [
    "Stop walking and contact us if you get chest pain or feel faint on the trek.",   # a travel clinic
    "Put the inhaler down and call us when chest pain comes on with it.",             # a pharmacy's page
])
def test_a_sign_answered_by_the_pages_own_service_needs_no_separate_section(sentence, tmp_path):
    text = (f"Altitude and your medicines\n\nBy Nadia Farouk\nUpdated 4 November 2026\n\nOn the trip\n{sentence}\n\n"
            "This page is general information and does not replace your own doctor's advice.\n")
    assert "DSC004" not in checks(text, tmp_path)


def test_a_sign_nobody_is_sent_about_still_asks_for_the_section(tmp_path):
    text = ("Altitude and your medicines\n\nBy Nadia Farouk\nUpdated 4 November 2026\n\nOn the trip\nSome trekkers "
            "get chest pain high up; we have written about it before.\n\nThis page is general information and does "
            "not replace your own doctor's advice.\n")
    assert "DSC004" in checks(text, tmp_path)


# ---------------------------------------------------------------- a specialist named by their field

@pytest.mark.parametrize("byline", ["By Dr. Lior Amsel, Specialist in Internal Medicine",
                                    "By Dr. Mireille Haddad, Rheumatology Specialist"])
def test_a_doctor_writing_under_a_specialist_post_answers_for_the_page(byline, tmp_path):
    text = (f"Gout flares\n\n{byline}\nUpdated 4 November 2026\n\nDuring a flare\nNaproxen 500 mg twice a day with "
            "food for up to 5 days.\n\nThis page is general information and does not replace your own doctor's "
            "advice.\n")
    assert "REV006" not in checks(text, tmp_path)


def test_a_writer_named_as_a_specialist_in_no_medical_field_still_owes_a_reviewer(tmp_path):
    text = ("Gout flares\n\nBy Dr. Tom Price, Specialist in Sports Nutrition\nUpdated 4 November 2026\n\nDuring a "
            "flare\nNaproxen 500 mg twice a day with food for up to 5 days.\n\nThis page is general information and "
            "does not replace your own doctor's advice.\n")
    assert "REV006" in checks(text, tmp_path)


# ---------------------------------------------------------------- the reader's own treatment left to the consultation

@pytest.mark.parametrize("closing", [
    # a fertility clinic's page
    "This page describes how our clinic usually plans a cycle. Your own dose and scan schedule are set at your "
    "consultation.",
    # a hospital rheumatology service's page
    "Methotrexate is started slowly. Your own treatment will be agreed with your specialist at the clinic.",
])
def test_a_page_that_leaves_the_readers_own_dose_to_the_consultation_says_what_a_disclaimer_says(closing, tmp_path):
    text = (f"Starting treatment\n\nBy Dr. Yael Cohen, MD\nUpdated 4 November 2026\n\nThe medicine\nMost people "
            f"start on 7.5 mg once a week.\n\n{closing}\n")
    assert "DSC003" not in checks(text, tmp_path)


def test_a_page_that_only_stresses_the_readers_own_dose_still_owes_its_disclaimer(tmp_path):
    text = ("Starting treatment\n\nBy Dr. Yael Cohen, MD\nUpdated 4 November 2026\n\nThe medicine\nMost people "
            "start on 7.5 mg once a week. Your own dose matters: take it on the same day each week.\n")
    assert "DSC003" in checks(text, tmp_path)
