"""Amounts the dosing and units checks misread, by class of text, each in two page styles with a
twin that is still flagged: a strength list run into one line with semicolons, a day-by-day
titration, an amount put into a joint or other body site (a clinician's procedure), a counted
daily limit of a dose that states what its units hold, a time-limited vitamin D course followed
by a daily dose, vitamin D written in "units" with its mass, and the sessions of a clinic's
treatment course."""

import pytest

from medlint.doses import parse_doses
from support import findings_for


def page(heading: str, body: str) -> str:
    return f"{heading}\n\n{body}\n\nThis is general information; ask your pharmacist.\n"


def flagged(text: str, check: str, tmp_path) -> list[str]:
    return [f.excerpt for f in findings_for(text, check, tmp_path)]


# --- a strength list run into one line (DOS002) ----------------------------------------------

STRENGTH_LISTS = [
    # a drug handbook's monograph
    page("Dosage", "This page covers these strengths: 5 mg; 10 mg; 20 mg; 40 mg\n\nUsual adult dose: 10 mg once a day."),
    # a pharmacy chain's leaflet
    page("How much to take", "Strengths sold in the UK: 2 mg; 4 mg; and 8 mg\n\n"
                             "Most adults take one tablet twice a day."),
]


@pytest.mark.parametrize("text", STRENGTH_LISTS)
def test_a_strength_list_with_semicolons_is_not_a_dose(tmp_path, text):
    assert flagged(text, "DOS002", tmp_path) == []


def test_the_untimed_dose_beside_a_strength_list_is_still_asked_how_often(tmp_path):
    text = page("Dosage", "This page covers these strengths: 5 mg; 10 mg; 20 mg\n\nTake 10 mg.")
    assert flagged(text, "DOS002", tmp_path) == ["10 mg"]


def test_a_run_of_doses_with_no_description_before_it_is_still_asked(tmp_path):
    text = page("How much to take", "Take 200 mg; 400 mg; 600 mg")
    assert flagged(text, "DOS002", tmp_path) != []


# --- a day-by-day titration (DOS002) ---------------------------------------------------------

DAY_STEPS = [
    # a prescribers' monograph
    page("Usual adult dose", "Day 1: 100 mg orally once\n\nDay 2: 200 mg; Days 3 to 5: 300 mg; Days 6 to 9: 400 mg"),
    # a pharmacy's course chart
    page("How to take your course", "Prednisolone course: Days 1-3: 40 mg; Days 4-6: 20 mg; Days 7-9: 10 mg. "
                                    "Take it with breakfast."),
]


@pytest.mark.parametrize("text", DAY_STEPS)
def test_the_steps_of_a_day_by_day_schedule_are_complete(tmp_path, text):
    assert flagged(text, "DOS002", tmp_path) == []


def test_an_untimed_amount_under_a_week_label_is_still_asked(tmp_path):
    text = page("Usual adult dose", "Day 1: 100 mg orally once\n\nWeek 2: 200 mg")
    assert flagged(text, "DOS002", tmp_path) == ["200 mg"]


# --- an amount put into a body site (DOS002) -------------------------------------------------

PROCEDURES = [
    # a private clinic's treatments list
    page("Injection treatments", "Hyaluronic acid gel (2 mL into each knee) – cushions the joint."),
    # a spine centre's long-form page, Markdown-like list
    page("Injections we offer", "- Steroid with local anaesthetic: 40 mg into the subacromial space\n"
                             "- Knee gel injection (3 mL into the knee joint), repeated if it helps"),
]


@pytest.mark.parametrize("text", PROCEDURES)
def test_an_amount_put_into_a_joint_is_a_procedure(tmp_path, text):
    assert flagged(text, "DOS002", tmp_path) == []


def test_an_amount_taken_by_the_reader_beside_a_procedure_is_still_asked(tmp_path):
    text = page("Injection treatments", "Hyaluronic acid gel (2 mL into each knee) – cushions the joint.\n\n"
                                        "Afterwards take paracetamol 1 g.")
    assert flagged(text, "DOS002", tmp_path) == ["1 g"]


# --- a counted daily limit of a dose that states what its units hold (DOS003) ----------------

def test_a_count_cap_bounds_the_mass_its_units_hold():
    dose = parse_doses("Take 1 or 2 tablets (250 mg to 500 mg) every 4 hours, no more than 6 tablets in 24 hours.")[0]
    assert dose.max_daily_amount().to("mg/day").magnitude == pytest.approx(1500)


COUNT_CAPS = [
    # an ask-the-pharmacist answer
    page("Ask our pharmacist", "Q: What can I take for a sore throat?\n\nA: You can buy Advil: take 1 or 2 tablets "
                               "(200 mg to 400 mg) every 4 to 6 hours, and no more than 6 tablets in 24 hours."),
    # a pharmacy pack leaflet
    page("How to take paracetamol", "Adults: paracetamol 2 caplets (1,000 mg) every 4 to 6 hours. "
                                    "Do not take more than 8 caplets in 24 hours."),
]


@pytest.mark.parametrize("text", COUNT_CAPS)
def test_a_count_cap_keeps_the_dose_within_the_ceiling(tmp_path, text):
    assert flagged(text, "DOS003", tmp_path) == []


def test_a_count_cap_above_the_ceiling_is_still_flagged(tmp_path):
    text = page("How to take paracetamol", "Adults: paracetamol 2 caplets (1,000 mg) every 4 hours. "
                                           "Do not take more than 10 caplets in 24 hours.")
    assert flagged(text, "DOS003", tmp_path) != []


# --- a vitamin D treatment course, then a daily dose (DOS003) --------------------------------

COURSES = [
    # a GP practice's letter
    page("Your vitamin D result", "Your level was low. Take colecalciferol 40,000 units once a week for 7 weeks, "
                                  "then 1,000 units a day."),
    # a supplement blog's list
    page("Vitamin D", "- Vitamin D3: 50,000 IU weekly for 8 weeks, then 2,000 IU daily"),
]


@pytest.mark.parametrize("text", COURSES)
def test_a_treatment_course_then_a_daily_dose_within_the_level(tmp_path, text):
    assert flagged(text, "DOS003", tmp_path) == []


@pytest.mark.parametrize("body", [
    "Take colecalciferol 40,000 units once a week for 7 weeks, then 10,000 units a day.",  # the daily dose too high
    "Take colecalciferol 50,000 units once a week, then 1,000 units a day.",  # the weekly dose with no end
])
def test_the_daily_dose_after_a_course_or_an_endless_weekly_dose_is_still_judged(tmp_path, body):
    assert flagged(page("Your vitamin D result", body), "DOS003", tmp_path) != []


# --- vitamin D written in "units" with its mass (UNT003) -------------------------------------

IU_AS_UNITS = [
    # a national fact sheet
    page("How much vitamin D do I need?", "Adults need vitamin D 400 units (10 micrograms) a day in autumn and winter."),
    # a pharmacy leaflet
    page("How to take it", "Take colecalciferol 800 units (20 micrograms) once a day with food."),
]


@pytest.mark.parametrize("text", IU_AS_UNITS)
def test_vitamin_d_in_units_with_its_mass_is_not_syringe_marks(tmp_path, text):
    assert flagged(text, "UNT003", tmp_path) == []


@pytest.mark.parametrize("body", [
    "Semaglutide: draw up 20 units on your syringe (0.5 mg) once a week.",  # a medicine dosed by mass
    "Vitamin D: 400 units (1 microgram) a day.",  # a mass that is not vitamin D's equivalence
])
def test_units_with_a_mass_that_is_no_international_unit_are_still_flagged(tmp_path, body):
    assert flagged(page("How to take it", body), "UNT003", tmp_path) != []


# --- the sessions of a clinic's treatment course (UNT001) ------------------------------------

SESSIONS = [
    # a sports clinic's treatment page
    page("Shockwave therapy", "Most people have 5 sessions, once a week."),
    # a physiotherapy leaflet
    page("What to expect", "Most people need 6 to 8 appointments, once a week."),
]


@pytest.mark.parametrize("text", SESSIONS)
def test_the_sessions_of_a_course_of_treatment_are_not_a_dose_unit(tmp_path, text):
    assert flagged(text, "UNT001", tmp_path) == []


def test_an_unreadable_dose_unit_is_still_flagged_beside_sessions(tmp_path):
    text = page("Shockwave therapy", "Most people have 5 sessions, once a week. "
                                     "Take ibuprofen 400 mgs three times a day.")
    assert flagged(text, "UNT001", tmp_path) == ["400 mgs"]
