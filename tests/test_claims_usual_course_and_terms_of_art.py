"""Claims that are not claims, and their near neighbours that are: the usual course of an
illness told as what to expect (ruled 2026-12-04), "gold standard" naming the reference test
of diagnosis, a supplement said to support the body's own repair, and a licensed medicine a
prescriber uses off-label with its status stated. Each class is tried on two kinds of page
(a condition page's overview or FAQ, an advice or aftercare section, a supplement shop, a clinic's
medicines table). Every sentence here is written for this test.

The articles are built as records (not imported), so the tests pin the checks and their
data, not the importer's reading of a page."""

from __future__ import annotations

import pytest

from tests.test_claims_other_writers import found


def claims(root, text, kind="overview", select=("CLM002", "CLM004", "CLM005", "CLM007"), bullet=False):
    return found(root, [("About it", kind, [("bullet", [text]) if bullet else text])], set(select))


# ------------------------------------------------------------------ the usual course (CLM002)

@pytest.mark.parametrize("kind, text", [
    ("overview", "Most people start to feel a lot better within a fortnight, although a few need longer."),
    ("overview", "The majority of patients with a frozen shoulder get better in 18 to 30 months."),
    ("faq", "How long will it hurt? Most adults feel much better in 2 to 3 weeks, and some sooner."),
    ("advice", "Most patients feel better within four or five days of the extraction."),
    ("faq", "Many people with this kind of heel pain get gradually better within 9 to 12 months, with calf stretches."),
])
def test_the_usual_course_told_as_what_to_expect_is_no_claim(tmp_path, kind, text):
    assert claims(tmp_path, text, kind=kind) == []


@pytest.mark.parametrize("kind, text, excerpt", [
    ("overview", "Most people feel better within 2 weeks of starting the capsules.",
     "Most people feel better within 2 weeks"),
    ("faq", "Most clients feel much better in 3 weeks if you follow our 10-step plan.",
     "Most clients feel much better in 3 weeks"),
    ("overview", "Most patients feel better within 6 weeks on our shockwave programme.",
     "Most patients feel better within 6 weeks"),
    ("faq", "Most people get much better within 8 weeks of twice-daily stretching.",
     "Most people get much better within 8 weeks"),
    ("advice", "Most patients are walking without a stick within 2 weeks.",
     "Most patients are walking without a stick within 2 weeks"),
])
def test_a_course_tied_to_a_treatment_or_a_named_result_stays_a_timeline(tmp_path, kind, text, excerpt):
    assert claims(tmp_path, text, kind=kind) == [("CLM002", excerpt)]


# ------------------------------------------------------------------ the reference test (CLM004)

@pytest.mark.parametrize("kind, text", [
    ("diagnosis", "Ultrasound of the Heel - The gold-standard scan; it shows the thickened fascia."),
    ("diagnosis", "Nerve conduction studies are the gold standard for confirming carpal tunnel syndrome."),
    ("overview", "An MRI scan is the gold standard if your doctor suspects a torn meniscus."),
])
def test_gold_standard_naming_the_reference_test_is_a_term_of_art(tmp_path, kind, text):
    assert claims(tmp_path, text, kind=kind, select=("CLM004",)) == []


@pytest.mark.parametrize("text", [
    "Shockwave is the gold-standard treatment for stubborn heel pain.",
    "Our knee serum is the gold standard of natural joint care.",
])
def test_gold_standard_said_of_a_treatment_is_still_a_superlative(tmp_path, text):
    assert claims(tmp_path, text, select=("CLM004",)) == [("CLM004", "gold-standard" if "-" in text else "gold standard")]


# ------------------------------------------------------------------ the body's own repair (CLM005)

@pytest.mark.parametrize("text", [
    ("Zinc (15 mg/day) - Supports normal tendon healing after a sprain."),
    ("Whey protein (20 g after training) - Aids muscle repair."),
    ("Turmeric (500 mg/day) - Supports joint healing after a strain."),
    ("Vitamin C (200 mg/day) - Helps the body's own collagen repair."),
])
def test_a_supplement_supporting_the_bodys_own_repair_is_no_mechanism_claim(tmp_path, text):
    assert claims(tmp_path, text, kind="supplements", select=("CLM005",)) == []


@pytest.mark.parametrize("text, cue", [
    ("Hyaluronic capsules (200 mg/day) - Rebuild the worn joint lining.", "Rebuild"),
    ("Marine collagen (10 g/day) - Repairs damaged cartilage within weeks.", "Repairs"),
    ("Copper (2 mg/day) - Supports enzyme-driven repair of the disc wall.", "repair"),
])
def test_a_supplement_said_to_mend_the_tissue_itself_stays_a_claim(tmp_path, text, cue):
    assert claims(tmp_path, text, kind="supplements", select=("CLM005",)) == [("CLM005", cue)]


# ------------------------------------------------------------------ off-label, prescribed (CLM007)

@pytest.mark.parametrize("kind, text", [
    ("drug-therapy", "Amitriptyline 10 mg at night - Prescribed off-label for nerve pain; it can make you drowsy."),
    ("drug-therapy", "Clonidine 25 micrograms twice a day - an off-label choice that some pain specialists offer."),
    ("investigational", "Melatonin 2 mg before bed - sleep clinics prescribe it off-label for shift workers."),
])
def test_an_off_label_medicine_with_its_status_stated_needs_no_evidence_statement(tmp_path, kind, text):
    assert claims(tmp_path, text, kind=kind, select=("CLM007",), bullet=True) == []


@pytest.mark.parametrize("kind, text", [
    ("drug-therapy", "Ketamine lozenges 25 mg twice a day - an off-label trick for stubborn pain."),
    ("drug-therapy", "Recombinant growth factor 0.2 mg into the disc - used off-label."),
    ("investigational", "Peptide TB-500, 2 mg twice a week, speeds tendon healing."),
])
def test_an_off_label_or_experimental_dose_without_a_status_stays_a_finding(tmp_path, kind, text):
    assert [c for c, _ in claims(tmp_path, text, kind=kind, select=("CLM007",), bullet=True)] == ["CLM007"]


# ------------------------------------------------------------------ proportions (CLM001)

@pytest.mark.parametrize("kind, text, excerpt", [
    ("overview", "Untreated, the infection kills 1 of every 8 persons who catch it.", "1 of every 8"),
    ("faq", "Does it work? The injection restores full grip in 7 out of 10 wrists.", "7 out of 10"),
    ("overview", "Surgery restores normal walking in 4 in every 5 hips.", "4 in every 5"),
])
def test_a_proportion_of_every_or_a_restoring_treatment_is_a_statistic(tmp_path, kind, text, excerpt):
    assert claims(tmp_path, text, kind=kind, select=("CLM001",)) == [("CLM001", excerpt)]


@pytest.mark.parametrize("text", [
    "Take 1 of every 2 tablets with food.",
    "The clinic opens on 2 in every 5 Saturdays.",
])
def test_a_proportion_with_no_health_subject_or_outcome_stays_silent(tmp_path, text):
    assert claims(tmp_path, text, select=("CLM001",)) == []


# ------------------------------------------------------------------ ranks (CLM004)

@pytest.mark.parametrize("kind, text, excerpt", [
    ("supplements", "Ginger is the #1 most potent natural painkiller you can grow.", "#1 most potent"),
    ("overview", "Our magnesium spray is the number one joint remedy in Australia.", "number one joint remedy"),
])
def test_a_rank_said_of_a_remedy_is_a_superlative(tmp_path, kind, text, excerpt):
    assert claims(tmp_path, text, kind=kind, select=("CLM004",)) == [("CLM004", excerpt)]


@pytest.mark.parametrize("text", [
    "Low back pain is the number one cause of time off work.",
    "Falls are the No. 1 reason older adults go to hospital after an injury.",
])
def test_a_rank_of_a_cause_is_no_superlative(tmp_path, text):
    assert claims(tmp_path, text, select=("CLM004",)) == []


# ------------------------------------------------------------------ what is no reference (CLM010)

APPEALS = ["Studies show that walking eases the ache.", "Research shows stretching helps within weeks, and trials suggest ginger works too."]


@pytest.mark.parametrize("kind, extra", [
    ("overview", "Follow us: [Instagram](https://instagram.com/wellnesshub) · [Facebook](https://www.facebook.com/wellnesshub)"),
    ("diagnosis", "The 2010 classification criteria count tender joints and blood markers."),
    ("faq", "A 2021 review found mixed results for copper bracelets."),
])
def test_social_links_and_a_year_after_a_determiner_are_no_references(tmp_path, kind, extra):
    sections = [("About it", "overview", APPEALS), ("More", kind, [extra])]
    assert [c for c, _ in found(tmp_path, sections, {"CLM010"})] == ["CLM010"]


@pytest.mark.parametrize("extra", [
    "Source: https://www.nhs.uk/conditions/back-pain/",
    "Walking helped most people in one trial (Hartley 2019).",
])
def test_a_real_link_or_an_author_year_is_a_reference(tmp_path, extra):
    sections = [("About it", "overview", APPEALS), ("More", "overview", [extra])]
    assert found(tmp_path, sections, {"CLM010"}) == []
