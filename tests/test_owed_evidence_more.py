"""Who owes what, read from more kinds of evidence a page shows about itself (checks/owed.yaml,
checks/review.yaml `printed_reviewer`, checks/disclaimers.yaml wordings).

The fixtures under tests/fixtures/owed-evidence/ are pages written for this test (every
line), in styles the corpus lacks, each class in at least three writers' styles with a page
that must stay asked beside them: a pharmacy's printout stapled to the bag (a US chain's
capitals, a UK dispensing label, a Canadian medication sheet; a consumer article that only
explains labels), references for prescribers (a hospital formulary entry, a nursing drug
handbook in markdown, an interaction database's professional monograph; a consumer medicine
page with one monograph heading), screens the reader uses (an AI assistant's chat export, a
symptom chatbot's transcript, a medicine price search; an article about chatbots), a care
provider's own health library (a children's hospital, a community hospital, an academic
medical center; a health media site with a doctor finder) and reviewers printed where the
importer keeps no reviewer (a byline of several parts, a reviewer line at the foot; a
reviewer with no credential). What a medical editor asks of each was decided before medlint
was run on it."""

from __future__ import annotations

import datetime as dt
import os

import pytest

from support import (HERE, article_from_fixture_page, article_from_records, article_from_text, checks_and_severities,
                     fixture_page_names)

TODAY = dt.date(2026, 12, 1)
IDS = frozenset({"REV001", "REV002", "REV003", "REV004", "REV005", "REV006",
                 "DSC001", "DSC002", "DSC003", "DSC004"})
PAGES = os.path.join(HERE, "fixtures", "owed-evidence")

W, E, I = "warning", "error", "info"
EXPECTED = {
    # one person's dispensing printout: no byline, reviewer, cycle or disclaimers asked
    "us-chain-pharmacy-bag-printout": [],
    "uk-dispensing-label-with-leaflet": [],
    "canadian-pharmacy-receipt-and-sheet": [],
    # an article that explains labels in prose is an article for the public: it owes all
    "consumer-article-on-reading-labels": [("DSC003", E), ("REV001", W), ("REV005", W), ("REV006", W)],
    # a reference for prescribers: no writer, consumer disclaimers or red-flag section asked;
    # its reviewer and date still are
    "hospital-formulary-monograph": [],
    "nursing-drug-handbook-entry": [("REV001", W), ("REV006", W)],
    "interaction-database-professional-page": [],
    # one monograph heading on a consumer page leaves it owing everything, at full severity
    # (DSC003 alone: a page with no caution at all is one defect, disclaimer ruling of 2026-12-04)
    "consumer-medicine-page-with-contraindications": [("DSC003", E), ("REV001", W),
                                                      ("REV005", W), ("REV006", W)],
    # a conversation with an assistant, a search tool: no writer, reviewer or date; its own
    # disclaimer is still asked
    "assistant-chat-export": [],
    "symptom-chatbot-transcript": [("DSC003", E)],
    "medicine-search-tool-results": [],
    "article-about-health-chatbots": [],
    # a care provider's library naming no writer: no author asked, its reviewer still is
    "childrens-hospital-health-library": [],
    "community-hospital-condition-page": [("REV006", W)],
    "academic-medical-center-page": [],
    # one sign of a provider alone (a doctor finder, a booking bar: clinics' blogs print them
    # too) leaves the page owing its byline at full severity
    "health-media-site-with-doctor-finder": [("REV005", W), ("REV006", W)],
    # a reviewer printed with a credential in a line the importer does not keep as one
    "pharmacy-blog-multi-part-byline": [],
    "supplement-guide-reviewer-at-the-foot": [],
    "wellness-site-reviewer-without-credentials": [("REV006", W)],
}


def _found(folder) -> list[tuple[str, str]]:
    return checks_and_severities(folder, TODAY, IDS)


def test_every_fixture_has_an_expectation():
    assert fixture_page_names(PAGES) == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_owed_evidence_fixture(name, tmp_path):
    assert _found(article_from_fixture_page(PAGES, name, tmp_path)) == EXPECTED[name]


# ---------------------------------------------------------------- wordings, from records

PEOPLE = {"authors": [{"name": "Jo Bright"}], "reviewers": [{"name": "Dr Sam Lee", "credentials": ["MD"]}],
          "last_reviewed": "2026-10-01"}
DOSE = ("Treatment", "drug-therapy", ["For adults: ibuprofen 400 mg three times a day with food. "
                                      "Ask a pharmacist before taking it if you have asthma."])


def found(root, lines, meta=None, body=DOSE) -> list[tuple[str, str]]:
    sections = [{"heading": None, "level": 1, "kind": "overview", "blocks": [{"paragraph": t} for t in lines]},
                {"heading": body[0], "level": 1, "kind": body[1], "blocks": [{"paragraph": t} for t in body[2]]}]
    return _found(article_from_records(root, dict(PEOPLE, **(meta or {})), sections))


@pytest.mark.parametrize("closing", [
    "IMPORTANT NOTE: This information is intended to supplement, not substitute for, the judgment of your pharmacist.",
    "Information for healthcare professionals only. Check doses against the product labelling.",
    "This information is for use by registered medical practitioners and pharmacists.",
    "For professional use only.",
    "Guidance for prescribers: confirm renal function before the first dose.",
])
def test_a_professional_notice_or_a_supplement_not_substitute_line_is_the_article_disclaimer(tmp_path, closing):
    assert found(tmp_path, ["Heartburn is common.", closing]) == []


@pytest.mark.parametrize("closing", [
    "Do not substitute one brand for another without asking.",
    "Some professionals recommend a lower dose.",
])
def test_lines_that_only_look_like_it_are_no_disclaimer(tmp_path, closing):
    assert found(tmp_path, ["Heartburn is common.", closing]) == [("DSC003", E)]


NO_CAUTION = ("How to take it", "drug-therapy", ["Take amitriptyline 10 mg each evening, two hours before bed."])


@pytest.mark.parametrize("line", [
    "Never take more than the prescribed dose.",
    "Keep to the dose you have been prescribed, even if the pain comes back.",
])
def test_a_dose_called_the_prescribed_one_is_left_to_the_prescriber(tmp_path, line):
    assert found(tmp_path, ["This page is general information only.", line], body=NO_CAUTION) == []


@pytest.mark.parametrize("line", [
    "Never take more than the recommended dose.",
    "Your doctor may change this.",
])
def test_a_dose_not_called_prescribed_still_needs_its_caution(tmp_path, line):
    assert found(tmp_path, ["This page is general information only.", line], body=NO_CAUTION) == [("DSC001", E)]


SIGN = ("Neck pain", "symptoms", ["Clumsy hands and unsteady walking can mean cervical myelopathy."])


@pytest.mark.parametrize("line", [
    "Warning signs - see a spine specialist urgently if you notice them.",
    "Contact the renal team immediately if you stop passing urine.",
    "Visit your GP practice the same day if your hands become clumsy.",
])
def test_urgent_advice_naming_any_clinician_is_the_red_flag_advice(tmp_path, line):
    assert found(tmp_path, ["This page is general information only.", line], body=SIGN) == []


def test_advice_that_is_not_urgent_leaves_the_red_flag_section_asked(tmp_path):
    got = found(tmp_path, ["This page is general information only.", "See a specialist if it does not settle."],
                body=SIGN)
    assert got == [("DSC004", W)]


@pytest.mark.parametrize("line, asked", [
    ("By Tom Hale  |  Reviewed by Dr Nisha Rao, MRCGP  |  3 November 2026", []),
    ("Clinical content checked by Priya Shah, PharmD.", []),
    ("Reviewed by: Alan Moss, consultant rheumatologist", []),
    ("Medically reviewed by Dr Aaron Whitely (FRACGP) on 2 May 2026", []),
    ("Last reviewed by Ana Lopez MD, 2 May 2026", []),
    ("Reviewed by Ana Lopez Hernandez and the team", [("REV006", W)]),
    ("Reviewed by Dr Nisha Rao", [("REV006", W)]),
    ("Reviewed by Sam Lee, Head of Content", [("REV006", W)]),
    ("Reviewed by Editorial Team, Wellness", [("REV006", W)]),
])
def test_a_reviewer_printed_on_the_page_is_read_with_its_credential(tmp_path, line, asked):
    meta = {"reviewers": []}
    assert found(tmp_path, [line, "This page is general information only."], meta) == asked


# ---------------------------------------------------------------- the closing disclaimer in other words

@pytest.mark.parametrize("closing", [
    "Always seek the advice of your physician or other qualified health provider with any questions you may have.",
    "Never disregard professional medical advice or delay in seeking it because of something you have read here.",
    "Please consult a qualified healthcare professional for advice about your individual situation.",
    "This content does not constitute a medical diagnosis.",
    "The information on this site should not be used to diagnose or treat a health problem.",
    "This article is meant to inform, not to diagnose.",
    "We are pharmacists, but we have not examined you: what we write here cannot take your own health into account.",
    "I'm not a doctor, so please check with yours before changing anything.",
    "Content on this page is educational.",
])
def test_a_closing_disclaimer_in_any_of_its_usual_wordings_is_said(tmp_path, closing):
    assert found(tmp_path, ["Heartburn is common.", closing]) == []


@pytest.mark.parametrize("line", [
    "Sciatica is not a diagnosis but a description of where the pain goes.",
    "Antibiotics should not be used to treat colds or flu.",
    "Never delay treatment of a pressure sore that is getting bigger.",
    "Consult your doctor before starting any new treatment.",
    "A raised temperature does not constitute an emergency on its own.",
])
def test_running_text_that_shares_a_disclaimer_s_words_is_no_disclaimer(tmp_path, line):
    assert found(tmp_path, ["Heartburn is common.", line]) == [("DSC003", E)]


# ---------------------------------------------------------------- a writer printed at the head or foot

def _text_page(root, lines) -> list[tuple[str, str]]:
    body = ["Knee pain is common in runners.", "This article is general information only.",
            "Medically reviewed by Dr Tom Reilly, FRCP. Last updated 3 May 2026."]
    return [f for f in _found(article_from_text("\n".join(["Knee pain after running", *lines[:1], *body, *lines[1:]]),
                                                root, slug="knee")) if f[0] == "REV005"]


@pytest.mark.parametrize("head, foot", [
    ("Words: Jane Doe, physiotherapist", None),
    ("Posted by Dr. Alan Moss on 3 May 2026 in Sports injuries", None),
    (None, "Submitted by Ruth Owusu"),
    (None, "Author - Ana Ruiz"),
])
def test_a_writer_printed_in_a_labelled_byline_at_the_head_or_foot_is_the_author(tmp_path, head, foot):
    lines = [head or "Updated for spring.", *([foot] if foot else [])]
    assert _text_page(tmp_path, lines) == []


@pytest.mark.parametrize("head, foot", [
    ("Posted by admin on 3 May 2026", None),
    ("Author: Team Wellness", None),
    (None, "Words: 1,200. Reading time: 5 minutes."),
])
def test_a_handle_a_team_or_a_word_count_names_no_writer(tmp_path, head, foot):
    lines = [head or "Updated for spring.", *([foot] if foot else [])]
    assert _text_page(tmp_path, lines) == [("REV005", W)]


# ---------------------------------------------------------------- an emergency named, not a sign

def _red_flag(root, line) -> list[tuple[str, str]]:
    return [f for f in found(root, [line, "This page is general information only."]) if f[0] == "DSC004"]


@pytest.mark.parametrize("line", [
    "Warfarin is used to prevent a stroke in people with atrial fibrillation.",
    "Blood pressure tablets help to prevent stroke and kidney disease.",
    "Apixaban protects against stroke.",
    "This medicine is not suitable after a recent stroke.",
    "Physiotherapy after a stroke helps people walk again.",
    "Giving adrenaline quickly is the treatment for anaphylaxis.",
    "People who carry an adrenaline pen because of anaphylaxis should keep two with them.",
])
def test_an_emergency_a_medicine_prevents_or_one_already_over_is_no_sign(tmp_path, line):
    assert _red_flag(tmp_path, line) == []


@pytest.mark.parametrize("line", [
    "Sudden chest pain that spreads to your arm may be a heart attack.",
    "Numbness in the saddle area can mean cauda equina syndrome.",
    "A stroke can start with a drooping face and a weak arm.",
])
def test_an_emergency_sign_with_no_urgent_advice_still_asks_for_the_section(tmp_path, line):
    assert _red_flag(tmp_path, line) == [("DSC004", W)]


# ---------------------------------------------------------------- a dose reported, not given

def _section_findings(root, kind, heading, text) -> list[tuple[str, str]]:
    body = (heading, kind, [text])
    return [f for f in found(root, ["This page is general information only."], body=body)
            if f[0] in ("DSC001", "DSC002")]


@pytest.mark.parametrize("kind, heading, text", [
    ("supplements", "What the research found",
     "In the trial, 2,000 people took 1,000 IU of vitamin D a day for five years, and fractures did not fall."),
    ("supplements", "The evidence", "Participants who took 3 g of fish oil a day had slightly lower blood pressure."),
    ("drug-therapy", "What the study showed", "Patients given 75 mg of aspirin daily had fewer heart attacks."),
    ("drug-therapy", "A little history", "Aspirin was first sold in 1899 as 500 mg powders."),
])
def test_a_section_that_only_reports_doses_owes_no_caution(tmp_path, kind, heading, text):
    assert _section_findings(tmp_path, kind, heading, text) == []


@pytest.mark.parametrize("kind, heading, text", [
    ("supplements", "Taking vitamin D", "Take 10 micrograms (400 units) of vitamin D a day from October to March."),
    ("supplements", "Fish oil", "Studies of fish oil are mixed. If you try it, 1 g a day with food is usual."),
])
def test_a_section_that_gives_the_reader_a_dose_still_owes_its_caution(tmp_path, kind, heading, text):
    assert [c for c, _ in _section_findings(tmp_path, kind, heading, text)] == ["DSC001"]


# ---------------------------------------------------------------- the disclaimer wherever it is printed

BADGE = "Educational content only - not medical advice"


@pytest.mark.parametrize("meta", [
    {"preamble": [{"role": "chrome", "text": BADGE}]},
    {"title": "Heartburn (for information only)"},
    {"footer": [{"role": "footer", "text": BADGE}]},
    {"header": [{"role": "byline", "text": "By Jo Bright | " + BADGE}]},
])
def test_a_disclaimer_above_the_title_in_it_or_in_the_page_s_furniture_is_said(tmp_path, meta):
    sections = [{"heading": None, "level": 1, "kind": "overview", "blocks": [{"paragraph": "Heartburn is common."}]}]
    assert _found(article_from_records(tmp_path, dict(PEOPLE, **meta), sections)) == []
