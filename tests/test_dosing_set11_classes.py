"""Dose-check classes that set 11 of the corpus exposed, each as a class of text in site styles of
my own (none copied from a page): a missed dose made up with a doubled one in other words ("a
double dose the next night", "twice the dose", "make up for it by doubling"), extra doses on top
of a plan's own daily maximum, amounts that are no dose to complete (a missed pill's labelled
advice, a plan's capsule strength, a weight chart's rows under their stated caps, a caffeine or
glucose amount), and supplement upper limits."""

import pytest

from support import findings_for


def _md(text):
    return text.startswith("#")


# -- a missed dose made up with a doubled one, in the words pages use ------------------------

@pytest.mark.parametrize("text", [
    "Your insulin plan\n\nIf you miss your evening injection\nIf you only remember the next day, inject a double "
    "dose the next night to cover the missed day.\n",
    "# Ask the pharmacist\n\n## I forgot my blood pressure tablet yesterday\n\nNo problem: just take twice the "
    "dose tomorrow morning to make up for it.\n",
    "Clinic handout\n\nMissed doses\nIf you skip a tablet, make up for the missed day by taking two the next "
    "morning.\n",
    "# Thyroid tablets FAQ\n\n## What if I forget one?\n\nIf you forget a tablet, make up for it by doubling "
    "the next one.\n",
])
def test_a_doubled_dose_in_other_words_fires(tmp_path, text):
    assert findings_for(text, "DOS012", tmp_path, markdown=_md(text))


@pytest.mark.parametrize("text", [
    "Your insulin plan\n\nIf you miss your evening injection\nTake it as soon as you remember that night. Do "
    "not inject a double dose the next night to cover the missed day.\n",
    "# The combined pill\n\n## One pill late\n\nTake the missed pill as soon as you remember, even if it means "
    "taking two tablets in one day, then carry on as normal.\n",
    "Pharmacy blog\n\nForgot a pill?\nIf you miss one pill, take it when you remember, even if that means "
    "taking two pills at the same time.\n",
])
def test_a_refused_or_labelled_double_is_silent(tmp_path, text):
    assert not findings_for(text, "DOS012", tmp_path, markdown=_md(text))


# -- extra doses on top of a schedule the page itself caps -----------------------------------

@pytest.mark.parametrize("text", [
    "# Going home after your operation\n\n## Pain relief\n\n| Week | Dose | Most in 24 hours |\n|---|---|---|\n"
    "| Week 1 | 1 to 2 tablets every 4 to 6 hours when needed | 8 tablets |\n\n"
    "If the pain keeps you awake, you can take 2 extra tablets at bedtime as well as your daytime doses.\n",
    "Hospital discharge sheet\n\nTramadol 50 mg capsules\nTake 1 capsule every 6 hours when needed. Do not take "
    "more than 4 capsules in 24 hours.\nOn a bad night you may take one more capsule on top of these doses.\n",
])
def test_an_extra_on_top_of_a_capped_schedule_fires(tmp_path, text):
    found = findings_for(text, "DOS006", tmp_path, markdown=_md(text))
    assert found and "own limit" in found[0].message


@pytest.mark.parametrize("text", [
    # the schedule's most leaves room for the extra under the cap
    "Hospital discharge sheet\n\nCodeine 30 mg tablets\nTake 1 tablet twice a day. Do not take more than 4 "
    "tablets in 24 hours.\nIf pain wakes you, you may take one extra tablet at night.\n",
    # the extra refused, or counted within the cap
    "# Going home after your operation\n\n## Pain relief\n\nTake 1 to 2 capsules every 4 to 6 hours when needed, "
    "no more than 8 capsules in 24 hours.\n\nDo not take 2 more capsules on top of these, even at night.\n",
    "# Going home after your operation\n\n## Pain relief\n\nTake 1 to 2 capsules every 4 to 6 hours when needed, "
    "no more than 8 capsules in 24 hours.\n\nYou may take 2 extra capsules at night as long as the day's total "
    "stays no more than 8.\n",
])
def test_an_extra_within_the_cap_or_refused_is_silent(tmp_path, text):
    assert not findings_for(text, "DOS006", tmp_path, markdown=_md(text))


# -- a chart the page points to: its rows by weight, and the strength line that sends there ----

_CLINIC_CHART = (
    "Children's fever medicine\n\nWhen to treat\nA fever is 38C or more.\n\n"
    "Paracetamol for children - liquid, 120 mg in 5 mL\n{lead}\n\n"
    "Dose chart (by weight)\n| Weight | Paracetamol 120 mg/5 mL | Ibuprofen 100 mg/5 mL |\n"
    "| 6-8 kg (13-17 lb) | 2.5 mL | 2.5 mL |\n| 8-12 kg (18-26 lb) | 5 mL | 5 mL |\n")
_BLOG_CHART = (
    "Pharmacy Q&A\n\nHow much ibuprofen for my toddler?\nChildren's ibuprofen (100 mg in 5 mL). {lead}\n\n"
    "Doses by weight\n| Child's weight | Ibuprofen liquid |\n| 18-23 lb | 3.75 mL |\n| 24-35 lb | 5 mL |\n"
    "| 36-47 lb | 7.5 mL |\n")
_TIMED = {
    _CLINIC_CHART: "Find your child's weight in the table below. Give a dose every 4 to 6 hours if needed, "
                   "no more than 4 doses in 24 hours.",
    _BLOG_CHART: "Use the dosing chart below. Give one dose every 6 to 8 hours when needed and no more than "
                 "3 doses in 24 hours.",
}


@pytest.mark.parametrize("page", [_CLINIC_CHART, _BLOG_CHART])
def test_rows_of_a_chart_the_timed_paragraph_points_to_are_silent(tmp_path, page):
    text = page.format(lead=_TIMED[page])
    assert not findings_for(text, "DOS002", tmp_path, markdown=_md(text))


@pytest.mark.parametrize("page", [_CLINIC_CHART, _BLOG_CHART])
def test_rows_of_a_chart_nobody_times_still_fire(tmp_path, page):
    text = page.format(lead="Use the chart.")
    assert findings_for(text, "DOS002", tmp_path, markdown=_md(text))


@pytest.mark.parametrize("text", [
    "# After your hip operation\n\n## Your medicines\n\n- **Morphine 10 mg tablets:** follow the weaning "
    "table below.\n\n## Weaning\n\n| Days | Dose | Most in 24 hours |\n|---|---|---|\n"
    "| Days 1 to 4 | 1 tablet every 6 hours when needed | 4 tablets |\n",
    "Discharge letter\n\nMedicines to take home\nTramadol 50 mg capsules - see the step-down chart overleaf.\n",
])
def test_a_strength_line_sent_to_its_table_is_silent(tmp_path, text):
    assert not findings_for(text, "DOS002", tmp_path, markdown=_md(text))


# -- amounts of a food or fuel: sugar for a low, caffeine or carbohydrate for a race ----------

@pytest.mark.parametrize("text", [
    "Diabetes clinic sheet\n\nIf your sugar is low\nHave 15 to 20 g of fast-acting glucose at once, then check "
    "again after 15 minutes and repeat if you are still below 4.\n",
    "# Hypos: what to do\n\n## Treat it\n\nTake 15 g of sugar straight away (for example 5 sugar cubes) and "
    "repeat if needed after 15 minutes.\n",
])
def test_sugar_for_a_low_is_no_open_dose(tmp_path, text):
    assert not findings_for(text, "DOS001", tmp_path, markdown=_md(text))


@pytest.mark.parametrize("text", [
    "# Race-day fuelling\n\n## Caffeine\n\nFor caffeine, roughly 3 mg per kg an hour before the gun suits most "
    "people, so about 210 mg for a 70 kg runner.\n",
    "Coach's notes\n\nOn the bike\nTake 60 g of carbohydrate an hour from gels and drink, and have a strong "
    "coffee beforehand.\n",
])
def test_caffeine_or_carbohydrate_for_a_race_is_no_dose(tmp_path, text):
    assert not findings_for(text, "DOS002", tmp_path, markdown=_md(text))


def test_a_medicine_amount_beside_the_word_glucose_is_still_read(tmp_path):
    text = ("# Hospital at home\n\n## Pain\n\nCheck your glucose, then take morphine 10 mg as needed for the "
            "pain.\n")
    assert findings_for(text, "DOS001", tmp_path, markdown=True)


# -- open-looking doses that are bounded: an event's dose, a clinician's check, a writer's own use

@pytest.mark.parametrize("text", [
    "Asthma clinic leaflet\n\nUsing your blue inhaler\nBefore exercise: 1 or 2 puffs about 10 minutes before you "
    "begin.\n",
    "# Your reliever\n\n## Exercise\n\n- Before exercise: 2 puffs, 15 minutes before the warm-up\n",
])
def test_a_dose_labelled_by_its_event_is_bounded(tmp_path, text):
    assert not findings_for(text, "DOS001", tmp_path, markdown=_md(text))


@pytest.mark.parametrize("text", [
    "Care home training notes\n\nWhen-required medicines\n- Bisacodyl suppositories 10 mg: one when needed, after "
    "checking with the nurse in charge\n",
    "# Residential care: PRN guide\n\n## Suppositories\n\nGive one glycerol suppository when needed, only once "
    "the GP has agreed.\n",
])
def test_an_as_needed_dose_each_checked_by_a_clinician_is_bounded(tmp_path, text):
    assert not findings_for(text, "DOS001", tmp_path, markdown=_md(text))


@pytest.mark.parametrize("text", [
    "Forum\n\nRe: bad back\nWhen my back goes I take 2 of the 500 mg naproxen every 4 hours and it settles.\n",
    "# Comments\n\n**sam_r** wrote:\n\nHonestly I just take 2 of the co-codamol 30/500 every 4 hours on a bad day.\n",
])
def test_a_writers_own_routine_owes_no_maximum_but_is_still_added_up(tmp_path, text):
    assert not findings_for(text, "DOS001", tmp_path, markdown=_md(text))
    assert findings_for(text, "DOS003", tmp_path, markdown=_md(text))


@pytest.mark.parametrize("text", [
    "Forum\n\nRe: bad back\nYou should take 2 of the 500 mg paracetamol every 4 hours when needed.\n",
    "Care home training notes\n\nWhen-required medicines\n- Sodium picosulfate elixir: 5 to 10 ml when needed\n",
])
def test_advice_to_the_reader_still_owes_its_maximum(tmp_path, text):
    assert findings_for(text, "DOS001", tmp_path)


# -- supplement upper limits: the medicine named in a list that runs on, or asked about -----

@pytest.mark.parametrize("text", [
    "Forum\n\nRe: sleep\nFor sleep take zinc 15 mg and magnesium glycinate 500 mg daily with dinner.\n",
    "# Wellness blog\n\n## My stack\n\nI recommend vitamin K2 100 mcg and magnesium citrate 600 mg daily.\n",
])
def test_a_supplement_named_second_in_a_list_is_judged_by_its_upper_limit(tmp_path, text):
    found = findings_for(text, "DOS003", tmp_path, markdown=_md(text))
    assert found and "350 mg" in found[0].message


@pytest.mark.parametrize("text", [
    "# Vitamin D questions\n\n## Can I speed it up?\n\nTo top up quickly, take 60,000 IU of vitamin D daily for "
    "a week.\n",
    "Can I take my weekly sachet every day instead?\n\nAnswers\nYes, just take one vitamin D3 60,000 IU "
    "sachet daily for 8 days.\n",
])
def test_a_weekly_vitamin_d_strength_taken_daily_passes_the_upper_limit(tmp_path, text):
    found = findings_for(text, "DOS003", tmp_path, markdown=_md(text))
    assert found and "4000 IU" in found[0].message


def test_the_weekly_course_itself_is_silent(tmp_path):
    text = ("Can I take my weekly vitamin D 60,000 IU sachet with food?\n\nAnswers\nYes: take one 60,000 IU sachet "
            "once a week for 8 weeks, with a meal.\n")
    assert not findings_for(text, "DOS003", tmp_path)


# -- a dose that names nothing, under a title that asks about one medicine ------------------

@pytest.mark.parametrize("text", [
    "Is Ibuprofen OK Before a Long Ride? Our Club Doctor Answers\n\nTranscript\n0:45\nif you want some anyway, "
    "take 400 mg every two hours during the ride\n",
    "Can I take naproxen for a whole week of hiking?\n\nBest answer\nSure, 500 mg every 4 hours as needed and "
    "you'll be fine.\n",
])
def test_an_unnamed_dose_under_a_question_title_takes_its_medicine(tmp_path, text):
    assert findings_for(text, "DOS001", tmp_path)


def test_a_dose_led_by_another_name_keeps_its_own(tmp_path):
    text = ("Can I take vitamin D every day?\n\nBest answer\nMany doctors add calcium carbonate 500 mg twice daily "
            "with it.\n")
    assert not findings_for(text, "DOS003", tmp_path)


def test_a_dose_whose_text_named_its_medicine_is_not_the_titles(tmp_path):
    text = ("Ask the Pharmacist: Can I take my tramadol at night?\n\nThe answer\nFor the day, naproxen suits back "
            "pain. The usual adult dose is 250 mg three times a day with food.\n")
    assert not findings_for(text, "DOS003", tmp_path)
