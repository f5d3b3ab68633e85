"""Reader safety (SAF001-SAF003) on classes of text the ninth held-out set met: a dose under a
heading that names two medicines, a worked example that opens with a hypothetical premise ("Say you
take ..."), a plan's quantity limit printed with a strength, the paracetamol other-products warning
in a carer's or a discharge note's words, two NSAIDs a prescriber chooses between, a gel offered
in place of tablets, a steroid taper the reader is told they may stop at will, and one warning
printed for a pair of class-mates under the second one's heading. Each class in
the manner of at least two kinds of site (an interaction checker's Q&A, a pharmacy's FAQ, an
insurer's member page, a benefits booklet, a portal summary, a community job aid, a hospital
portal, a clinic page, a GP practice's leaflet); every sentence is written for this test, with the
cases that must still be flagged."""

from __future__ import annotations

import datetime as _dt

import pytest

from medlint.engine import Options, check_article
from support import article_from_text

TODAY = _dt.date(2026, 12, 1)


def found(text, tmp_path, select=("SAF001", "SAF002", "SAF003")):
    result = check_article(article_from_text(text, tmp_path), Options(today=TODAY, select=frozenset(select)))
    assert result.error is None, result.error
    return [(f.check, f.message) for f in result.findings]


def about(got, check, word):
    return [m for c, m in got if c == check and word in m.lower()]


# -- a heading naming two medicines does not say which one a dose under it is of

PAIRED_HEADINGS = [
    # an interaction checker's Q&A: the opioid's paragraph, then its dose in a sentence of its own
    ("Can I take codeine while I'm on citalopram?\nMost people can take them together.\n"
     "Codeine is an opioid painkiller. It can be habit-forming and can slow your breathing, so never "
     "drink alcohol or take sleeping tablets with it.\n"
     "Adults usually take 30 mg to 60 mg every 4 hours, no more than 240 mg in 24 hours.\n", "citalopram"),
    # a pharmacy's FAQ page
    ("Tramadol and sertraline together\nTramadol is a strong painkiller; it is habit-forming and can slow "
     "your breathing, so avoid alcohol and sedatives with it.\n"
     "The usual dose is 50 mg every 6 hours, with no more than 400 mg a day.\n", "sertraline"),
    # a drug-interaction site's page: the pair as a section heading under the site's own title
    ("Interaction answers from our pharmacists\nIntro\nOur pharmacists answer readers' questions.\n"
     "Is it safe to take tramadol with fluoxetine?\nTramadol is an opioid. It is habit-forming and can slow "
     "your breathing; do not drink alcohol with it.\n"
     "Adults take 50 mg to 100 mg every 4 to 6 hours, no more than 400 mg in a day.\n", "fluoxetine"),
]


@pytest.mark.parametrize("text, other", PAIRED_HEADINGS)
def test_a_dose_under_a_paired_heading_is_the_medicine_the_paragraph_before_names(text, other, tmp_path):
    got = found(text, tmp_path, ("SAF001",))
    assert not about(got, "SAF001", other), got


def test_a_dose_under_a_paired_heading_is_still_judged_for_its_own_medicine(tmp_path):
    # the opioid's paragraph gives no warning: the finding is the opioid's
    text = ("Can I take codeine while I'm on citalopram?\nCodeine is a painkiller for moderate pain.\n"
            "Adults usually take 30 mg to 60 mg every 4 hours, no more than 240 mg in 24 hours.\n")
    got = found(text, tmp_path, ("SAF001",))
    assert about(got, "SAF001", "codeine") and not about(got, "SAF001", "citalopram"), got


# -- a worked example that opens with a hypothetical premise

@pytest.mark.parametrize("text", [
    # an insurer's member page
    ("How your costs add up\nSay you take alendronate 70 mg once a week. A 90-day supply costs $0 at a "
     "preferred pharmacy.\n"),
    # a benefits booklet
    ("Mail order savings\nSuppose you are prescribed zolpidem 10 mg at bedtime: ordering three months at "
     "once saves one copay.\n"),
])
def test_a_worked_example_opening_with_a_premise_is_not_the_page_dosing(text, tmp_path):
    assert found(text, tmp_path, ("SAF001",)) == []


def test_a_sentence_telling_the_reader_to_take_it_is_still_dosing(tmp_path):
    text = "How to take it\nTake alendronate 70 mg once a week, on the same day each week.\n"
    assert about(found(text, tmp_path, ("SAF001",)), "SAF001", "alendronate")


# -- a plan's quantity limit printed with a strength

@pytest.mark.parametrize("text", [
    # a Part D plan's drug list
    ("Limits on some drugs\nSome drugs have a quantity limit. Examples:\n"
     "- zolpidem 10 mg: QL 30 tablets per 30 days\n- alendronate 70 mg: QL 4 tablets per 28 days\n"),
    # an employer plan's benefits summary, written as a sentence
    ("Pharmacy benefits\nThe quantity limit for eszopiclone 3 mg is 30 tablets per fill.\n"),
])
def test_a_quantity_limit_is_no_dose(text, tmp_path):
    assert found(text, tmp_path, ("SAF001",)) == []


# -- the paracetamol other-products warning in the page's own words

@pytest.mark.parametrize("text", [
    # a portal's after-visit summary
    ("Your visit summary\nPain relief\nTake acetaminophen 500 mg, 2 tablets by mouth every 8 hours as needed. "
     "Do not take more than 6 tablets in 24 hours. Too much can damage your liver. Check cough and allergy "
     "medicines for acetaminophen before you take them.\n"),
    # a community health worker's job aid
    ("Fever\nGive paracetamol syrup 120 mg/5 mL, 5 mL every 6 hours, no more than 4 doses in 24 hours. Too "
     "much harms the liver; ask the mother not to give other fever medicines at the same time.\n"),
])
def test_the_other_products_warning_in_a_carers_words(text, tmp_path):
    assert found(text, tmp_path, ("SAF001",)) == []


def test_the_liver_warning_alone_still_misses_the_other_products(tmp_path):
    text = ("Fever\nGive paracetamol syrup 120 mg/5 mL, 5 mL every 6 hours, no more than 4 doses in 24 hours. "
            "Too much harms the liver.\n")
    assert about(found(text, tmp_path, ("SAF001",)), "SAF001", "other products")


# -- two NSAIDs a prescriber chooses between; a gel in place of tablets

@pytest.mark.parametrize("text", [
    # a hospital portal's condition page
    ("Medicines\nYour doctor may prescribe celecoxib 200 mg once a day, or naproxen 500 mg twice a day, "
     "for short periods. These can cause stomach ulcers and bleeding and raise the risk of heart attack "
     "and stroke.\n"),
    # a GP practice's leaflet
    ("Anti-inflammatory tablets\nYour GP might offer ibuprofen 400 mg three times a day or diclofenac 50 mg "
     "twice a day. Both can cause stomach bleeding and raise the risk of heart attack and stroke.\n"),
])
def test_two_nsaids_a_prescriber_chooses_between_are_no_combination(text, tmp_path):
    assert found(text, tmp_path, ("SAF002",)) == []


def test_two_nsaids_on_a_shelf_are_still_a_combination(tmp_path):
    # no prescriber's choice: the reader may buy and take both
    text = ("Painkillers you can buy\nTry ibuprofen 400 mg three times a day or naproxen 250 mg twice a day. "
            "Both can cause stomach bleeding and raise the risk of heart attack and stroke.\n")
    assert about(found(text, tmp_path, ("SAF002",)), "SAF002", "two nsaids")


def test_a_prescribers_nsaid_or_steroid_is_still_a_combination(tmp_path):
    text = ("Flares\nYour rheumatologist may prescribe naproxen 500 mg twice a day, or prednisolone 5 mg a day "
            "for a few weeks.\n")
    assert about(found(text, tmp_path, ("SAF002",)), "SAF002", "bleeding")


@pytest.mark.parametrize("text", [
    # a sports clinic's page
    ("Pain and swelling\nWe usually recommend naproxen 500 mg twice a day with food; it can cause stomach "
     "bleeding and raise the risk of heart attack and stroke.\nIbuprofen 5% gel is a good option if tablets "
     "upset your stomach: rub in 4 g three times a day.\n"),
    # a pharmacy's counter card
    ("Sore joints\nIbuprofen 200 mg, 1 or 2 tablets every 8 hours, no more than 6 in 24 hours. NSAIDs can "
     "cause stomach bleeding, heart attack and stroke.\nIf the tablets upset your stomach, use diclofenac "
     "1% gel instead: 4 g four times a day.\n"),
])
def test_a_gel_offered_in_place_of_tablets_is_no_combination(text, tmp_path):
    assert found(text, tmp_path, ("SAF002",)) == []


# -- a steroid taper the reader may stop at will

@pytest.mark.parametrize("text", [
    # a portal's after-visit summary
    ("Your medication list\nprednisone 10 mg tablet\nTake 4 tablets daily for 3 days, then 2 tablets daily "
     "for 3 days, then stop.\nAbout your prednisone\nIf your joints feel better, you can stop the prednisone "
     "whenever you like.\n"),
    # a respiratory clinic's discharge note
    ("Your steroid tablets\nPrednisolone 30 mg each morning, reducing by 5 mg every 3 days.\nThere is no need "
     "to finish the taper once your breathing is back to normal.\n"),
])
def test_stopping_a_steroid_taper_at_will_is_flagged(text, tmp_path):
    got = found(text, tmp_path, ("SAF003",))
    assert len(got) == 1 and "gradually" in got[0][1], got


@pytest.mark.parametrize("text", [
    ("Your steroid\nPrednisolone 40 mg each morning for 5 days, then stop. There is no need to taper after a "
     "short course like this.\n"),
    ("Asthma flare\nPrednisone 40 mg once a day. After a course of 5 days you can stop it straight away.\n"),
])
def test_a_short_steroid_course_stopped_at_once_passes(text, tmp_path):
    assert found(text, tmp_path, ("SAF003",)) == []


# -- one warning for a pair of class-mates printed under the second one's heading

@pytest.mark.parametrize("text", [
    # a clinical answer site: paired entries, the warning for both under the second
    ("Nerve pain medicines\nIntro\nTwo medicines are used for nerve pain.\nGabapentin\n"
     "- Day 1: 300 mg at bedtime; day 2: 300 mg twice daily\nPregabalin\n"
     "- 75 mg twice daily, up to 300 mg twice daily\nBoth cause dizziness and drowsiness, and taken with "
     "opioids or alcohol they can slow your breathing.\n"),
    # a drug handbook's monograph pair
    ("Sleeping tablets\nIntro\nShort courses only.\nZopiclone\nAdults: 7.5 mg at bedtime for up to 2 weeks.\n"
     "Zolpidem\nAdults: 10 mg at bedtime for up to 2 weeks. Either drug can cause dependence, so keep to the "
     "shortest course, and avoid alcohol and other sedatives with them.\n"),
])
def test_a_warning_for_both_under_the_second_heading_counts_for_the_first(text, tmp_path):
    got = found(text, tmp_path, ("SAF001",))
    assert not about(got, "SAF001", "gabapentin") and not about(got, "SAF001", "zopiclone"), got


def test_a_class_mates_own_warning_does_not_count_for_the_first(tmp_path):
    text = ("Nerve pain medicines\nIntro\nTwo medicines are used for nerve pain.\nGabapentin\n"
            "- Day 1: 300 mg at bedtime; day 2: 300 mg twice daily\nPregabalin\n"
            "- 75 mg twice daily. Pregabalin can cause dizziness; taken with opioids it can slow your breathing.\n")
    assert about(found(text, tmp_path, ("SAF001",)), "SAF001", "gabapentin")

