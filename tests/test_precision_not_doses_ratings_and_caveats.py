"""Precision of the dosing, notation, units and claims checks on text that is not what they look for:
quantities that are not doses to follow (a device's strength in its name, what one unit of a product
gives, a prescription status, a whole course's cumulative target, a first dose the next sentence
repeats on an interval), doses bounded by a shortest interval or by a call-us limit, prescription
Latin that is part of a brand's name, ratings on a named scale, a limit after a dose written in
words, the item numbers of a dispensing sheet, a supposition in finish-the-course advice, the course
of a self-limiting illness - and the claims that must still be read (a share of visitors in words, a
figure before a caveat). Each fixture is written for this test in two or more page styles (none is
copied from a real page); beside each silence stands the finding that must stay."""

import datetime as _dt

import pytest

from support import article_from_text
from medlint.engine import Options, check_article


def _found(text, tmp_path, check_id, markdown=False):
    folder = article_from_text(text, tmp_path, markdown=markdown)
    result = check_article(folder, Options(today=_dt.date(2026, 12, 1)))
    assert result.error is None, result.error
    return [f.excerpt for f in result.findings if f.check == check_id]


# --- DOS002: amounts that are not doses to follow

@pytest.mark.parametrize("text", [
    # a device's strength in its name: a US specialty-pharmacy welcome card, a UK allergy leaflet
    "Welcome to your injection programme\n\nYOUR PLAN\nProduct: semaglutide 1 mg pen\nWhen: once a week on Mondays\n"
    "Vitamin D: 1000 units by mouth once a day\n",
    "Living with a severe allergy\n\nHow to use your pen\nUse your adrenaline 300 microgram auto-injector in the outer "
    "thigh.\n",
    # what one unit of a product gives: a pharmacy blog, a health-service page
    "Vitamin D in winter\n\nWhich vitamin D should I take?\nSprays are quick: one spray of most oral sprays delivers "
    "1000 units, so read the label before you choose.\n",
    "Iron for anaemia\n\nHow to take your iron\nOne scoop of the powder gives 14 mg of iron.\n",
    # a prescription status: an Irish pharmacy list, a US pharmacy Q&A
    "Hay fever tablets\n\nAntihistamines\n- Cetirizine 10 mg: one tablet once a day.\n- Fexofenadine 180 mg is "
    "prescription-only here; ask your GP if the others do not help.\n",
    "Ibuprofen questions answered\n\nHow much to take\nThe 800 mg tablets need a prescription; the 200 mg tablets "
    "are sold in any drugstore.\n",
    # a cumulative target for the whole course: an acne clinic, a rheumatology unit
    "Your acne treatment\n\nHow your dose is set\nTreatment carries on until you reach a cumulative dose of 120 mg/kg.\n",
    "Your infusion course\n\nYour dose\nWe plan a total of 3 g across the whole treatment, spread over your visits.\n",
    # a first dose the next sentence repeats on an interval: an expat pharmacy blog, a pharmacy Q&A, a
    # migraine page
    "Ibuprofen in Portugal\n\nThe 400 mg tablets\nWith a 400 mg tablet, take one tablet and rest. If the ache returns "
    "you can take another 400 mg tablet every 8 hours.\n",
    "Ask our pharmacist\n\nHow do I use the 5 mg tablets?\nFor the 5 mg tablets, swallow one tablet first. If you are "
    "still sick you may take another 5 mg tablet after 2 hours.\n",
    "Migraine help\n\nSumatriptan\nTake one 50 mg tablet. If the migraine comes back, you can take a second tablet "
    "after 2 hours.\n",
])
def test_amounts_that_are_not_doses_to_follow_are_not_asked_how_often(text, tmp_path):
    assert _found(text, tmp_path, "DOS002") == []


@pytest.mark.parametrize("text", [
    "Metformin leaflet\n\nHow should I take this medicine?\nTake 500 mg. Swallow the tablet whole.\n",
    "Naproxen: monograph summary\n\nDosage\nAdults: 250 mg.\n",
])
def test_an_instruction_with_no_frequency_is_still_flagged(text, tmp_path):
    assert _found(text, tmp_path, "DOS002")


# --- DOS001: bounded by a shortest interval or by a call-us limit

@pytest.mark.parametrize("text", [
    # a hospital blog's child dose, a US pharmacy Q&A
    "Fever in children\n\nParacetamol\nChildren: 15 mg per kg of body weight, no more often than every 6 hours, "
    "measured with the syringe in the pack.\n",
    "Ask the pharmacist\n\nHow often can I take it?\nIbuprofen 200 mg: one tablet when needed, not more frequently "
    "than every 8 hours.\n",
    # a hospice family guide (the limit in the same paragraph), a community palliative sheet (its own line)
    "Caring at home\n\nExtra doses\nIf the pain breaks through, give 5 mg of the oxycodone liquid. If you find you "
    "need more than 4 extra doses in 24 hours, ring the hospice team.\n",
    "Syringe driver at home\n\nWhen pain breaks through\nGive morphine 2.5 mg by mouth when needed.\n\n"
    "If you need to give more than 3 doses a day, call the district nurse.\n",
])
def test_a_shortest_interval_or_a_call_us_limit_bounds_the_dose(text, tmp_path):
    assert _found(text, tmp_path, "DOS001") == []


@pytest.mark.parametrize("text", [
    "Caring at home\n\nExtra doses\nIf the pain breaks through, give 5 mg of the oxycodone liquid.\n",
    "Pain relief\n\nParacetamol\nAdults: 1 g every 4 hours when needed.\n",
])
def test_an_open_dose_is_still_flagged(text, tmp_path):
    assert _found(text, tmp_path, "DOS001")


# --- NOT008: prescription Latin in a brand's name

@pytest.mark.parametrize("text", [
    # a Turkish clinic's aftercare page, a travel pharmacy's list
    "After your operation\n\nAntibiotic\nYou will take Augmentin BID 625 mg, one tablet every 12 hours with food, "
    "for 5 days.\n",
    "Medicines bought abroad\n\nAntibiotics\n- Klamoks BID 1000 mg tablets: one tablet every 12 hours after a meal.\n",
])
def test_a_brand_name_holding_prescription_latin_is_not_raised(text, tmp_path):
    assert _found(text, tmp_path, "NOT008") == []


@pytest.mark.parametrize("text", [
    "After your operation\n\nAntibiotic\nTake Augmentin 625 mg BID for 5 days.\n",
    "Medicines bought abroad\n\nAntibiotics\n- Amoxicillin 500 mg capsules: one capsule TID.\n",
])
def test_prescription_latin_as_the_schedule_is_still_raised(text, tmp_path):
    assert _found(text, tmp_path, "NOT008")


# --- UNT004: a rating on a named scale; a limit after a dose in words

@pytest.mark.parametrize("text", [
    # a dermatology clinic page, a sun-safety leaflet
    "While you are on treatment\n\nSkin care\nYour skin burns easily, so apply SPF 30 every morning.\n",
    "Outdoor work\n\nProtect your skin\nWear UPF 50 clothing and use SPF 30 every 2 hours.\n",
    # podcast transcripts of two shows
    "Episode 12: cold season\n\nTranscript\nso two of the regular ones, that's a thousand milligrams, every six hours, "
    "and don't go over 4,000 a day, ever\n",
    "The Pharmacy Hour, episode 40\n\nTranscript\nfor a grown-up that's two caplets, so a thousand milligrams, every "
    "six hours, and never more than 3,000 a day\n",
])
def test_ratings_and_limits_after_a_dose_in_words_are_not_missing_units(text, tmp_path):
    assert _found(text, tmp_path, "UNT004") == []


def test_a_bare_dose_number_is_still_missing_its_unit(tmp_path):
    assert _found("Pain\n\nWhat to take\nAspirin 300 every 6 hours, max 4 doses a day.\n", tmp_path, "UNT004")


# --- CLM006: the item numbers of a dispensing sheet

@pytest.mark.parametrize("text,markdown", [
    ("DRUG INFORMATION SHEET\n\nPatient: SMITH, Jane\n\n[1] Amlodipine Tablets 5 mg (white, round)\nWhat it is for: "
     "lowers blood pressure.\nHow to take: 1 tablet once a day after breakfast.\n\n[2] Metformin Tablets 500 mg "
     "(white, oval)\nWhat it is for: lowers blood sugar.\nHow to take: 1 tablet twice a day after meals.\n", False),
    ("# Your medicines today\n\n**[1] Omeprazole Capsules 20 mg**\n\nTake one capsule before breakfast.\n\n"
     "**[2] Loratadine Tablets 10 mg**\n\nTake one tablet once a day.\n\n**[3] Senna Tablets 7.5 mg**\n\n"
     "Take two tablets at night.\n", True),
])
def test_numbered_items_of_a_sheet_are_not_citations(text, markdown, tmp_path):
    assert _found(text, tmp_path, "CLM006", markdown=markdown) == []


def test_a_dangling_citation_is_still_raised(tmp_path):
    text = ("Knee pain\n\nSurgery\nArthroscopy gives lasting relief in 9 of 10 people [2].\n\nReferences\n"
            "1. Smith J. Knee surgery outcomes. BMJ. 2019;12:34.\n")
    assert _found(text, tmp_path, "CLM006") == ["[2]"]


# --- CLM002: a supposition in finish-the-course advice; the course of a self-limiting illness

@pytest.mark.parametrize("text,markdown", [
    # a telehealth app article, a clinic leaflet
    ("## Your antibiotic\n\nKeep going with the course even if you feel better from the first dose.\n", True),
    ("Your antidepressant\n\nStarting treatment\nCarry on taking it even when you feel calmer after the first week.\n",
     False),
    # a pharmacy chain's travel guide, a school nurse's letter
    ("## Tummy bugs abroad\n\nMost cases of travellers' diarrhoea clear up within 2 to 3 days.\n", True),
    ("Dear parents\n\nSickness bug\nMost cases are short-lived and pass in 1 to 2 days; keep your child home for "
     "48 hours after the last episode.\n", False),
])
def test_suppositions_and_the_course_of_an_illness_promise_nothing(text, markdown, tmp_path):
    assert _found(text, tmp_path, "CLM002", markdown=markdown) == []


@pytest.mark.parametrize("text", [
    "Acid reflux\n\nTreatment\nMost people feel completely better within 2 weeks of starting a PPI.\n",
    "Ankle sprain\n\nRecovery\nMost sprains are fully healed in two weeks if you follow the plan.\n",
])
def test_a_recovery_promise_is_still_raised(text, tmp_path):
    assert _found(text, tmp_path, "CLM002")


# --- CLM001: claims that must still be read

@pytest.mark.parametrize("text,markdown", [
    # a travel pharmacy's Markdown guide, a travel clinic page
    ("## Before you fly\n\nUp to half of visitors who stay a fortnight get a stomach upset.\n", True),
    ("Malaria tablets\n\nWho needs them\nAbout a third of travellers to the region stop their tablets too soon.\n",
     False),
    # a figure before a caveat clause: a hospital blog, a wellness shop
    ("Dengue at home\n\nPapaya leaf\nPapaya leaf extract lifts the platelet count by 40% in two days, so try it, but "
     "it is not a substitute for a blood test.\n", False),
    ("Our immune tonic\n\nWhy it works\nElderberry syrup raises the white cell count by 25% in a week, but this is "
     "not a substitute for medical advice.\n", False),
])
def test_shares_in_words_and_figures_before_a_caveat_are_read(text, markdown, tmp_path):
    assert _found(text, tmp_path, "CLM001", markdown=markdown)
