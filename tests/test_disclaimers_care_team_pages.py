"""Section disclaimers (DSC001, DSC002) on pages a care team writes for its own patient: a
hospital's discharge sheet, a clinic's after-visit sheet, a children's practice's dosing
chart, a diabetes centre's starting guide. Their doses are the patient's own (set by the
team, printed on the label) or the page sends the reader back to the team that treats them
("does not replace the advice of your care team"). A general page that says "a doctor" is
still asked. Every sentence here is written for this test, in several writers' styles.

The articles are built as records (not imported), so the tests pin the checks and their
data, not the importer's reading of a page."""

from __future__ import annotations

import pytest

from tests.test_disclaimers_other_writers import found

SECTION_IDS = frozenset({"DSC001", "DSC002"})
DOSE = ("bullet", ["Naproxen 250 mg to 500 mg twice a day with food"])
# a general disclaimer that sends the reader nowhere: on a page without one the missing
# caution is named once, as DSC003 (the disclaimer ruling of 2026-12-04, (d)), and the
# section rules are seen only beside one
SENDS_NOWHERE = ("About this page", "other", ["This page is general information, not a plan of care."])


def _checks(root, sections, select=SECTION_IDS, title=None):
    return [c for c, _ in found(root, sections, select=select, title=title)]


# ------------------------------------------------------------------ the team sets the dose

TEAM_SETS_IT = [
    "Your clinician sets and adjusts your dose at each check-in.",
    "Your consultant chooses the starting dose after your scan.",
    "The pain team adjusts your dose each morning on the ward.",
    "Your diabetes team will give you your own doses and targets.",
    "The clinic will write your dose on your treatment card.",
    "Your label shows the name, the strength, how much to take and for how long.",
    "Your pharmacy label tells you the dose and when to stop.",
]


@pytest.mark.parametrize("words", TEAM_SETS_IT)
def test_a_page_whose_team_sets_the_dose_is_not_asked_for_more(tmp_path, words):
    sections = [("Your medicine", "drug-therapy", [words, DOSE])]
    assert _checks(tmp_path, sections) == []


NOT_THE_TEAMS = [
    # the reader adjusts the dose
    "You can adjust the dose yourself once you know how it affects you.",
    # a label in general, not the reader's own
    "The label on a pack of tablets shows the strength.",
    # a clinician who may see the reader, not one who sets the dose
    "Your clinician checks in with you every month.",
]


@pytest.mark.parametrize("words", NOT_THE_TEAMS)
def test_words_that_do_not_leave_the_dose_to_the_team_are_not_the_caution(tmp_path, words):
    sections = [("How much to take", "drug-therapy", [words, DOSE]), SENDS_NOWHERE]
    assert _checks(tmp_path, sections) in (["DSC001"], ["DSC002"])


# ------------------------------------------------------------------ the reader's own team

OWN_TEAM_CLOSINGS = [
    "This sheet gives general guidance. It does not replace the advice of your care team.",
    "This chart is for our patients. It does not replace advice from your child's provider.",
    "This leaflet is for general information and does not replace the advice of your rheumatology team.",
    "It is no substitute for talking to your baby's doctor.",
]


@pytest.mark.parametrize("closing", OWN_TEAM_CLOSINGS)
def test_a_closing_line_that_sends_the_reader_to_their_own_team_speaks_for_the_doses(tmp_path, closing):
    sections = [("How much to give", "drug-therapy", [DOSE]), ("About this sheet", "other", [closing])]
    assert _checks(tmp_path, sections) == []


GENERAL_CLOSINGS = [
    "This page does not replace the advice of a doctor.",
    "It is no substitute for a healthcare professional.",
    "This guide does not replace advice from your support team.",
]


@pytest.mark.parametrize("closing", GENERAL_CLOSINGS)
def test_a_closing_line_to_any_clinician_leaves_the_section_caution_asked(tmp_path, closing):
    sections = [("How much to give", "drug-therapy", [DOSE]), ("About this page", "other", [closing])]
    assert _checks(tmp_path, sections) in (["DSC001"], ["DSC002"])


# ------------------------------------------------------------------ discharge sheets and forms

SURGERY = ("About your surgery", "surgery", ["Your surgeon fixed the broken bone with a plate and screws."])


@pytest.mark.parametrize("title", ["DISCHARGE INSTRUCTIONS: ANKLE FRACTURE REPAIR",
                                   "Discharge information - hip replacement",
                                   "Your discharge advice after a caesarean section",
                                   "Post-operative instructions: knee arthroscopy"])
def test_a_discharge_sheet_is_not_asked_for_section_disclaimers(tmp_path, title):
    sections = [SURGERY, ("Your medicines", "drug-therapy", [DOSE])]
    assert _checks(tmp_path, sections, title=title) == []
    assert _checks(tmp_path / "dsc003", sections, select={"DSC003"}, title=title) == []


def test_a_form_for_one_patient_is_not_asked(tmp_path):
    for i, line in enumerate(["Patient name: ______________   Date of surgery: ________",
                              "Name of patient: ..........", "Patient's name: \\_\\_\\_\\_\\_"]):
        sections = [("About this sheet", "other", [line]), SURGERY, ("Your medicines", "drug-therapy", [DOSE])]
        assert _checks(tmp_path / str(i), sections) == [], line


def test_a_page_about_discharge_is_asked(tmp_path):
    sections = [SURGERY, ("Your medicines", "drug-therapy", [DOSE]), SENDS_NOWHERE]
    for i, title in enumerate(["What to expect at discharge after hip surgery",
                               "Hip replacement: recovery and discharge instructions explained"]):
        # the medicine section is asked (the surgery section sells no operation by its results)
        assert sorted(_checks(tmp_path / str(i), sections, title=title)) == ["DSC001"], title
    # a blank line that is no patient's name
    sections = [("Notes", "other", ["Write your questions here: ________"]), ("Your medicines", "drug-therapy", [DOSE]),
                SENDS_NOWHERE]
    assert _checks(tmp_path / "notes", sections) == ["DSC001"]
