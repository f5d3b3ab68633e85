"""Who owes an author, a reviewer and a disclaimer, read from the evidence a page prints of
its ownership and audience; claims that are a cited estimate's interval, advice's target, a
programme's own count or a market figure; an "IU" gloss on a "µg" dose.

Every page here is written for this test, in site styles and wordings the corpus does not
have; what a medical editor asks of each was decided before medlint was run on it."""

from __future__ import annotations

import datetime as dt

import pytest

from support import article_from_text, checks_and_severities, findings_for

TODAY = dt.date(2026, 12, 1)
ATTRIBUTION = frozenset({"REV005", "REV006"})
W, I, E = "warning", "info", "error"


def owed(text: str, root, select=ATTRIBUTION, markdown: bool = False) -> list[tuple[str, str]]:
    return checks_and_severities(article_from_text(text, root, markdown=markdown), TODAY, select)


BODY = ("Iron tablets\n"
        "What are iron tablets for?\n"
        "Iron tablets treat iron-deficiency anaemia, when blood tests show your iron stores are low.\n"
        "Side effects\n"
        "They can cause constipation and dark stools.\n"
        "This page is general information only.\n")

# ---------------------------------------------------------------- an institution's ownership


@pytest.mark.parametrize("head", [
    "HealthGate Tarnland  |  Your national health portal\nContent provided by: Renal Unit, Harwick Infirmary\n",
    "The official health website of the Republic of Osmara\n"
    "Information supplied by the Dietetics Department, St Aldric Hospital\n",
])
def test_a_portal_page_whose_content_an_institution_provides_owes_no_names(tmp_path, head):
    assert owed(head + BODY, tmp_path) == []


def test_one_sign_of_ownership_alone_leaves_the_names_asked_at_info(tmp_path):
    assert owed("HealthGate Tarnland  |  Your national health portal\n" + BODY, tmp_path) == [
        ("REV005", I), ("REV006", I)]


def test_a_care_institution_named_in_the_masthead_answers_for_the_writer_alone(tmp_path):
    # the infirmary that provides the content answers for its writer (checks/owed.yaml
    # care-institution); one sign of a public body leaves the reviewer asked at info
    assert owed("Content provided by: Renal Unit, Harwick Infirmary\n" + BODY, tmp_path) == [("REV006", I)]


def test_a_company_s_credit_line_is_no_institution_s(tmp_path):
    assert owed("Content provided by: GlowWell Media Ltd\n" + BODY, tmp_path) == [("REV005", W), ("REV006", W)]


INSURER = ("Your recovery  >  Knee injuries\n"
           "Knee sprains: getting back on your feet\n"
           "Last updated: 2 October 2026\n"
           "Most knee sprains settle with rest and gentle movement.\n"
           "{claim}\n"
           "This guide is general information, not advice for your injury.\n"
           "Was this page useful?  Yes  No\n"
           "{footer}\n")


@pytest.mark.parametrize("claim", [
    "Your physiotherapist can lodge a claim for you at the first visit.",
    "Once your claim is accepted we help with the cost of treatment.",
])
def test_a_public_injury_service_s_own_guide_owes_no_names(tmp_path, claim):
    page = INSURER.format(claim=claim, footer="Accessibility  |  Privacy  |  Contact us  |  Government of Tarnland")
    assert owed(page, tmp_path) == []


def test_a_claim_line_without_a_public_body_leaves_the_names_asked_at_info(tmp_path):
    page = INSURER.format(claim="Your physiotherapist can lodge a claim for you.", footer="Accessibility  |  Privacy  |  Contact us")
    assert owed(page, tmp_path) == [("REV005", I), ("REV006", I)]


# ---------------------------------------------------------------- regulated labelling


@pytest.mark.parametrize("head", [
    "PART III: PATIENT MEDICATION INFORMATION\nREAD THIS FOR SAFE AND EFFECTIVE USE OF YOUR MEDICINE\n",
    "Patient Medication Information\nRead this for safe and effective use of your medicine.\n",
])
def test_a_canadian_product_monograph_s_patient_part_owes_no_names_or_disclaimer(tmp_path, head):
    page = "Pr TARN-LOSARTAN\n" + head + "What is TARN-LOSARTAN used for?\nIt lowers blood pressure.\n" \
        "How to take it:\nTake 50 mg once a day.\nLast revised: March 3, 2026\n"
    assert owed(page, tmp_path, ATTRIBUTION | {"DSC003"}) == []


def test_a_medication_guide_s_approval_statement_is_regulated_labelling(tmp_path):
    page = ("Medication Guide\nOSMAVIR (osmavir) tablets\nWhat is OSMAVIR?\nIt treats shingles.\n"
            "This Medication Guide has been approved by the U.S. Food and Drug Administration.\n"
            "Revised: 5/2026\n")
    assert owed(page, tmp_path, ATTRIBUTION | {"DSC003"}) == []


# ---------------------------------------------------------------- a clinical answer for professionals

ANSWER = ("AnswerDesk  |  Evidence in brief\n"
          "What helps acute gout in primary care?\n"
          "Clinical Review Group: answers are checked against guidelines\n"
          "Last updated: 1 October 2026\n"
          "Summary\n"
          "Start an NSAID or colchicine as soon as possible.\n"
          "{a}\n"
          "Naproxen 500 mg twice a day with food for 5 days.\n"
          "{b}\n"
          "Refer urgently if a hot swollen joint comes with fever: septic arthritis and sepsis must be excluded.\n"
          "{c}\n")


def test_a_clinical_answer_for_professionals_owes_no_author_disclaimers_or_red_flag_section(tmp_path):
    page = ANSWER.format(a="Doses assume normal renal function unless stated.", b="When to refer",
                         c="This summary does not replace clinical judgement.")
    assert owed(page, tmp_path, ATTRIBUTION | {"DSC001", "DSC002", "DSC003", "DSC004"}) == [("REV006", W)]


def test_a_consumer_page_with_one_professional_phrase_still_owes_everything(tmp_path):
    page = ANSWER.format(a="Your doctor will choose the dose.", b="When to see a doctor",
                         c="Ask your pharmacist if you have kidney disease.")
    got = owed(page, tmp_path, ATTRIBUTION | {"DSC004"})
    assert ("REV005", W) in got and ("REV006", W) in got


# ---------------------------------------------------------------- a workplace bulletin

BULLETIN = ("From: StaffWell <staffwell@harbour-rail.example>\n"
            "Subject: StaffWell Bulletin | Issue 12 | March 2026\n"
            "Harbour Rail Staff Wellbeing Bulletin\n"
            "In this issue: Hay fever tablets  •  Flu jab dates\n"
            "Hay fever tablets\n"
            "By {writer}\n"
            "Cetirizine 10 mg once a day eases sneezing and itchy eyes.\n"
            "Book your flu jab at the depot clinic.\n"
            "You are receiving this bulletin because you work for Harbour Rail.\n")


def test_a_workplace_bulletin_is_a_newsletter_asked_for_its_disclaimer(tmp_path):
    page = BULLETIN.format(writer="Grace Mwangi, Occupational Health Nurse Practitioner")
    assert owed(page, tmp_path, ATTRIBUTION | {"DSC003"}) == [("DSC003", E)]


def test_a_bulletin_item_compiled_by_a_non_clinician_is_asked_for_its_reviewer(tmp_path):
    page = BULLETIN.format(writer="Tom Reyes, HR Business Partner")
    assert ("REV006", W) in owed(page, tmp_path, ATTRIBUTION)


# ---------------------------------------------------------------- red flags and section cautions


@pytest.mark.parametrize("text, asked", [
    ("The Heart and Stroke Foundation says one in three adults has high blood pressure.", []),
    ("The Stroke Association runs a helpline for carers.", []),
    ("Sudden weakness of one arm can be a stroke.", [("DSC004", W)]),
])
def test_an_emergency_word_in_an_organisation_s_name_is_no_sign(tmp_path, text, asked):
    page = "Blood pressure\nAbout blood pressure\n" + text + "\nThis page is general information only.\n"
    assert owed(page, tmp_path, frozenset({"DSC004"})) == asked


@pytest.mark.parametrize("dose, asked", [
    ("For mild pain your doctor may suggest naproxen 250 mg twice a day with food.", []),
    ("If the pain stays, the doctor can go up to 500 mg twice a day.", []),
    ("Take naproxen 250 mg twice a day with food.", [("DSC002", W)]),
])
def test_a_dose_given_as_the_reader_s_own_clinician_s_choice_says_whom_it_suits(tmp_path, dose, asked):
    page = ("Period pain\nPainkillers\n" + dose + " Ask a pharmacist if you have asthma.\n"
            "Disclaimer\nThis page is general information only, not a substitute for medical advice.\n")
    assert owed(page, tmp_path, frozenset({"DSC001", "DSC002"})) == asked


# ---------------------------------------------------------------- a document-control table in the body

CONTROLLED = ("# Warfarin: your first weeks\n\n"
              "| | |\n|---|---|\n"
              "| **Document ID** | HAEM-PIL-007, version 2 |\n"
              "| **Approved** | 4 June 2025 |\n"
              "| **Next review** | {due} |\n\n"
              "## Your dose\n\nYour anticoagulation clinic sets your dose from your INR.\n\n"
              "This leaflet is general information for patients of our clinic.\n")


@pytest.mark.parametrize("due, asked", [
    ("October 2026", [("REV004", W)]),
    ("June 2027", []),
])
def test_a_next_review_in_a_document_control_table_is_read(tmp_path, due, asked):
    got = owed(CONTROLLED.format(due=due), tmp_path, ATTRIBUTION | {"REV004"}, markdown=True)
    assert got == asked


# ---------------------------------------------------------------- claims


@pytest.mark.parametrize("text", [
    "Against placebo, the risk ratio for a second fracture was 0.82 (95% CI 0.71–0.94).",
    "Losing 5% to 10% of your body weight often eases knee pain.",
    "Aim to lose 5 percent of your weight over six months; it eases back pain.",
    "Last spring our nurses checked 900 of you: one in five of the people we screened had a high cholesterol.",
    "Across the region, the Northern Lung Health survey found that 12% of adults smoke.",
])
def test_figures_that_are_no_unsourced_statistic(tmp_path, text):
    assert findings_for("Facts\n" + text + "\n", "CLM001", tmp_path, today=TODAY) == []


@pytest.mark.parametrize("text", [
    "Most people who start the injection lose 10% of their body weight.",
    "Nine in ten of the patients we treated were pain-free in a week.",
    "More than 200 crore tablets of the leading brand were sold last year.",
    "About 30 million packs of it are sold every year.",
    "A Danish study found that 12% of adults smoke.",
])
def test_figures_that_are_statistics_needing_a_source(tmp_path, text):
    assert [f.check for f in findings_for("Facts\n" + text + "\n", "CLM001", tmp_path, today=TODAY)] == ["CLM001"]


# ---------------------------------------------------------------- an IU gloss


@pytest.mark.parametrize("text, flagged", [
    ("Give the baby 10 micrograms (400 units) a day.", []),
    ("Take 25 micrograms (1,000 IU) a day.", []),
    ("The dose for a toddler is 10 µg (400 IU) a day.", ["NOT001"]),
    ("We suggest vitamin D3 800 IU (20 µg) daily.", ["NOT001"]),
])
def test_an_iu_gloss_on_a_microsymbol_dose_is_flagged(tmp_path, text, flagged):
    got = [f.check for f in findings_for("Vitamin D\n" + text + "\n", "NOT001", tmp_path, today=TODAY)]
    assert got == flagged
