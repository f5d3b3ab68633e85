"""Dose classes that set 10 of the corpus exposed, each as a class of text in site styles of my
own (none copied from a page): an as-needed condition the reader judges ("when the itch is
troublesome"), a medicine line over a chart's directions, a missed dose made up with a count
"to catch up", a fixed course counted by its days, a once-a-day dose at a time of the day, a
weekly medicine written daily listed once, a pill-organizer table's weekly row, and quantities
that are no new dose (a restated course, reference intakes, a quoted threshold, a subtitle, a
toxicity statement, a choice of capsule strength)."""

import pytest

from medlint.doses import parse_doses
from support import findings_for


# -- an as-needed condition the reader judges: an at-will medicine must state its maximum -----

@pytest.mark.parametrize("text", [
    "Chlorphenamine 4 mg Tablets\n\nDirections\nAdults: take one tablet every 4 to 6 hours when the "
    "itching is bad.\n",
    "# Codeine phosphate tablets\n\n## Using them\n\nTake 1 or 2 tablets every 4 hours if the pain comes back.\n",
])
def test_an_at_will_interval_dose_with_a_judged_condition_fires(tmp_path, text):
    found = findings_for(text, "DOS001", tmp_path, markdown=text.startswith("#"))
    assert found and "as needed" in found[0].message


@pytest.mark.parametrize("text", [
    "Chlorphenamine 4 mg Tablets\n\nDirections\nAdults: take one tablet every 4 to 6 hours when the "
    "itching is bad. Do not take more than 6 tablets in 24 hours.\n",
    "# Codeine phosphate tablets\n\n## Using them\n\nTake 1 or 2 tablets every 4 hours if the pain comes back, "
    "no more than 8 tablets in 24 hours.\n",
])
def test_the_same_doses_with_their_maximum_are_silent(tmp_path, text):
    assert not findings_for(text, "DOS001", tmp_path, markdown=text.startswith("#"))


def test_a_reason_to_see_a_doctor_is_no_as_needed_condition(tmp_path):
    text = ("Amoxicillin capsules\n\nHow to take them\nTake one 500 mg capsule three times a day for 5 days. "
            "If symptoms persist, see your doctor.\n")
    assert not findings_for(text, "DOS001", tmp_path)


# -- a medicine line over its directions: a chart or a dispensing label -----------------------

@pytest.mark.parametrize("text", [
    "Resident medicines\n\nAS REQUIRED\nCodeine phosphate 15 mg tablets\nTWO tablets every FOUR hours when "
    "needed for pain.\n",
    "Discharge label\n\nChlorpheniramine 4 mg tablets\nOne tablet every six hours as required for hay fever.\n",
])
def test_directions_under_an_at_will_medicine_line_fire(tmp_path, text):
    assert findings_for(text, "DOS001", tmp_path)


@pytest.mark.parametrize("text", [
    "Resident medicines\n\nAS REQUIRED\nCodeine phosphate 15 mg tablets\nTWO tablets every FOUR hours when "
    "needed for pain. Maximum 8 tablets in 24 hours.\n",
    "Discharge label\n\nAmoxicillin 500 mg capsules\nOne capsule every eight hours until finished.\n",
])
def test_bounded_directions_or_a_regular_interval_under_a_medicine_line_are_silent(tmp_path, text):
    assert not findings_for(text, "DOS001", tmp_path)


# -- a missed dose made up with a count "to catch up" ----------------------------------------

@pytest.mark.parametrize("text", [
    "Clinic page\n\nQuestions from patients\nIf you forgot your Friday dose, just take 8 tablets on Saturday "
    "to catch up.\n",
    "# Weekly tablets\n\n## Missed a week?\n\nIf you missed your weekly tablet yesterday, have 2 today to make up "
    "for the missed one.\n",
    "Ward leaflet\n\nForgotten doses\nIf you forget this morning's tablet, take both tonight.\n",
    "Forum\n\nReplies\nIf you missed your tablets last week, take 4 this week to compensate.\n",
])
def test_a_count_taken_to_make_up_a_missed_dose_fires(tmp_path, text):
    assert findings_for(text, "DOS012", tmp_path, markdown=text.startswith("#"))


@pytest.mark.parametrize("text", [
    "Clinic page\n\nQuestions from patients\nIf you forgot your Friday dose, take it on Saturday and go back "
    "to Friday next week. Never take 8 tablets to catch up.\n",
    "# Weekly tablets\n\n## Missed a week?\n\nIf you missed your weekly tablet yesterday, take one today, then "
    "carry on as usual.\n",
])
def test_a_missed_dose_taken_late_or_a_refusal_is_silent(tmp_path, text):
    assert not findings_for(text, "DOS012", tmp_path, markdown=text.startswith("#"))


# -- a fixed course of single doses, counted by its days --------------------------------------

@pytest.mark.parametrize("text", [
    "Treating malaria\n\nThe course\n- Day 1: 4 tablets straight away, then 4 tablets 8 hours later\n"
    "- Day 2: 4 tablets morning and evening\n- Day 3: 4 tablets morning and evening\n",
    "# Travel clinic notes\n\n## Single-dose plan\n\nTake 2 tablets immediately, then 1 tablet 12 hours after the first.\n",
])
def test_a_course_of_single_timed_doses_is_silent(tmp_path, text):
    assert not findings_for(text, "DOS001", tmp_path, markdown=text.startswith("#"))


def test_a_first_dose_then_an_open_repeat_still_fires(tmp_path):
    text = ("Pain relief\n\nFor the pain\nCodeine phosphate: 2 tablets immediately, then 1 tablet every 4 hours "
            "when needed.\n")
    assert findings_for(text, "DOS001", tmp_path)


# -- a once-a-day dose at a time of the day (a meal, a fast's meals) says how often ------------

@pytest.mark.parametrize("text", [
    "Medicines in Ramadan\n\nHeart tablets\nLisinopril 10 mg: take one tablet at suhoor.\n",
    "# Your evening routine\n\n## Cholesterol\n\nSimvastatin 20 mg: one tablet with supper.\n",
    "Clinic sheet\n\nBlood pressure\nRamipril 5 mg: take one capsule after breakfast.\n",
    "Fasting month\n\nThyroid\nLevothyroxine 50 micrograms: take one tablet at the predawn meal.\n",
])
def test_a_dose_at_a_time_of_the_day_is_complete(tmp_path, text):
    assert not findings_for(text, "DOS002", tmp_path, markdown=text.startswith("#"))


def test_a_dose_with_no_time_or_frequency_still_fires(tmp_path):
    text = "Medicines in Ramadan\n\nHeart tablets\nLisinopril 10 mg: take one tablet.\n"
    assert findings_for(text, "DOS002", tmp_path)


# -- a weekly medicine written daily is listed once, as DOS010 ---------------------------------

@pytest.mark.parametrize("text", [
    "Bone health in Ramadan\n\nBone tablets\nAlendronic acid 70 mg: take one tablet at suhoor every day.\n",
    "# Osteoporosis clinic\n\n## Your tablet\n\nFosamax 70 mg tablets: swallow 1 tablet each morning before breakfast.\n",
])
def test_a_weekly_tablet_written_daily_is_dos010_not_dos003(tmp_path, text):
    md = text.startswith("#")
    assert findings_for(text, "DOS010", tmp_path / "a", markdown=md)
    assert not findings_for(text, "DOS003", tmp_path / "b", markdown=md)


# -- a named day that is the only one of the week ---------------------------------------------

@pytest.mark.parametrize("text", [
    "# Pill box chart\n\n| Medicine | Dose | Time | Day |\n|---|---|---|---|\n"
    "| Alendronate 70 mg | 1 tablet | 30 minutes before breakfast | Saturday only |\n",
    "Care plan\n\nWeekly tablet\nRisedronate 35 mg tablets\n1 tablet before breakfast, Thursdays only.\n",
])
def test_a_weekly_tablet_on_its_only_day_is_silent(tmp_path, text):
    md = text.startswith("#")
    assert not findings_for(text, "DOS003", tmp_path / "a", markdown=md)
    assert not findings_for(text, "DOS010", tmp_path / "b", markdown=md)


@pytest.mark.parametrize("text, kind", [
    ("Alendronate 70 mg: 1 tablet before breakfast, Sunday only.", "weekly"),
    ("| Risedronate | 35 mg | 1 tablet | with breakfast | MON only |", "weekly"),
    ("Folic acid 5 mg: 1 tablet with breakfast, except on Mondays.", "daily"),
    ("Adcal-D3: 1 tablet at lunchtime, not on Sundays.", "daily"),
])
def test_the_day_of_the_week_after_a_time_of_the_day_says_how_often(text, kind):
    (dose,) = parse_doses(text)
    assert dose.frequency.kind == kind


# -- quantities that are no new dose ------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Naproxen guide\n\nDosage\nAdults: 250 to 500 mg twice a day, with food.\nPut simply, two doses of 250 to 500 mg "
    "in a day.\n",
    "# Ibuprofen 200 mg tablets\n\n## How much to take\n\nAdults: one or two 200 mg tablets up to three times a day.\n\n"
    "## In short\n\nThat is at most three doses of one to two 200 mg tablets a day.\n",
])
def test_a_dose_restated_without_its_frequency_is_silent(tmp_path, text):
    assert not findings_for(text, "DOS002", tmp_path, markdown=text.startswith("#"))


@pytest.mark.parametrize("text", [
    "Vitamin D\n\nDosage\nAdults 19 to 70 years: 600 IU (15 mcg)\nAdults over 70 years: 800 IU (20 mcg)\n"
    "These recommended dietary allowances are what most healthy people need each day.\n",
    "# Calcium\n\n## How much should you have?\n\n- Women 19 to 50: 1,000 mg\n- Women over 50: 1,200 mg\n\n"
    "Both figures are reference nutrient intakes from food and supplements together.\n",
])
def test_amounts_named_as_reference_intakes_by_the_note_under_them_are_silent(tmp_path, text):
    assert not findings_for(text, "DOS002", tmp_path, markdown=text.startswith("#"))


def test_amounts_with_a_note_that_is_no_reference_intake_still_fire(tmp_path):
    text = ("Vitamin D\n\nDosage\nAdults 19 to 70 years: 600 IU (15 mcg)\nAdults over 70 years: 800 IU (20 mcg)\n"
            "Ask your pharmacist which strength to buy.\n")
    assert findings_for(text, "DOS002", tmp_path)


@pytest.mark.parametrize("text", [
    "Melatonin and sleep\n\nWhat the experts say\n\"Most adults do well on doses of 0.5 mg or less,\" says a sleep "
    "specialist.\n",
    "# Low-dose aspirin\n\n## The evidence\n\nA cardiologist we spoke to said that amounts of 75 mg or lower protect "
    "the heart with less bleeding.\n",
])
def test_a_bound_after_an_amount_is_a_threshold_not_a_dose(tmp_path, text):
    assert not findings_for(text, "DOS002", tmp_path, markdown=text.startswith("#"))


@pytest.mark.parametrize("text", [
    "# Lansoprazole 30 mg: uses and dose\n\n*Lansoprazole 30 mg: a guide for patients*\n\n## Dose\n\n"
    "Take one 30 mg capsule once a day.\n",
    "Cetirizine 10 mg: what it is for\n\nCetirizine 10 mg: your questions answered\n\nHow to take it\n"
    "Take one 10 mg tablet once a day.\n",
])
def test_a_subtitle_repeating_the_title_is_no_dose(tmp_path, text):
    assert not findings_for(text, "DOS002", tmp_path, markdown=text.startswith("#"))


@pytest.mark.parametrize("text", [
    "Vitamin D supplements\n\nSafety considerations\nVitamin D toxicity has been reported at 40,000 IU daily taken "
    "for months.\n",
    "# Too much vitamin D?\n\n## Risks\n\n- Intakes of 20,000 IU a day for months can cause high calcium levels and "
    "kidney stones.\n",
])
def test_a_statement_that_an_amount_harms_is_no_dose_above_its_ceiling(tmp_path, text):
    assert not findings_for(text, "DOS003", tmp_path, markdown=text.startswith("#"))


def test_a_dose_to_take_with_a_harm_in_its_sentence_is_still_judged(tmp_path):
    text = ("Vitamin D supplements\n\nHow to take\nTake 20,000 IU daily for a month, although this can cause high "
            "calcium levels.\n")
    assert findings_for(text, "DOS003", tmp_path)


@pytest.mark.parametrize("text", [
    "Naproxen\n\nDose\nTake 500 mg twice a day. If you only have 250 mg tablets, take two each time.\n",
    "# Prednisolone\n\n## Your dose\n\nTake 10 mg once a day in the morning. When the pharmacy gives you 5 mg tablets, "
    "take two.\n",
])
def test_the_strength_of_the_tablets_in_hand_is_no_dose(tmp_path, text):
    md = text.startswith("#")
    assert not findings_for(text, "DOS002", tmp_path / "a", markdown=md)
    assert not findings_for(text, "DOS001", tmp_path / "b", markdown=md)
