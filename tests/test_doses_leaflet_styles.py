"""Dose wordings of the styles articles 73-84 brought (clinic aftercare sheets, eye-unit
leaflets, sports-nutrition blogs, stop-smoking services, clinic emails, maternity pages,
school letters, podcast transcripts), each class in several writers' words: what the reader
reads as a dose, and what it must not. None of these sentences is in the corpus."""

from __future__ import annotations

import pytest

from medlint.doses import column_row, parse_doses


def first(text: str):
    doses = parse_doses(text)
    assert doses, text
    return doses[0]


# -- the fingertip unit is a count of its own

@pytest.mark.parametrize("text, count", [
    ("Use 4 fingertip units on the backs of both legs once a day", 4),       # aftercare sheet
    ("Eumovate ointment: 1 FTU to the face at night", 1),                    # clinic shorthand
    ("Apply 2.5 finger-tip units to the trunk twice daily", 2.5),            # leaflet
    ("Rub in 3 FTUs over each arm once a day for a week", 3),
])
def test_fingertip_units_are_counted(text, count):
    dose = first(text)
    assert dose.amount.unit.unit == "fingertip_unit"
    assert dose.amount.low.value == count
    assert dose.frequency is not None
    assert dose.to_record()["amount"]["unit"] == "fingertip_unit"


# -- a topical instruction with no number is still a dose

@pytest.mark.parametrize("text, per_day", [
    ("Apply a thin layer to the rash twice a day for up to 7 days", 2),
    ("Smooth a thin film over the patches once daily, for no more than two weeks", 1),
    ("Apply sparingly to the affected area twice daily", 2),
    ("Use thinly on the eczema once a day for 5 days", 1),
])
def test_topical_amount_in_words_is_a_dose_without_amount(text, per_day):
    dose = first(text)
    assert dose.amount is None
    assert dose.frequency.administrations_per_day == per_day


@pytest.mark.parametrize("text", [
    "Creams rub in more easily and a thin layer of emollient feels nicer in summer than a thick one.",
    "Ointments are greasy, so many people use them thinly and only where the skin is driest and cracked.",
])
def test_topical_wording_in_prose_is_no_dose(text):
    assert parse_doses(text) == []


# -- aligned columns: a row read on its own is what its list's lead-in gives

@pytest.mark.parametrize("text", [
    "Folic acid   400 micrograms",                 # a tablet's contents
    "Vitamin C    70 mg",
    "Mug of filter coffee   140 mg",              # caffeine of drinks
    "Can of cola             40 mg",
    "  Face and neck ............ 2.5 FTU",        # a fingertip-unit chart
    "Iodine ........ 150 mcg",
    "6 to 8 years     5 ml",                       # an age band under its lead-in
])
def test_a_row_of_aligned_columns_is_no_dose_and_no_heading(text):
    assert parse_doses(text) == []
    assert column_row(text)


@pytest.mark.parametrize("text", [
    "Chloramphenicol 0.5%      1 drop 4 times a day   stop",   # a drop chart row with its schedule
    "Take   2 tablets",                                         # a verb: a dose as any other
    "Paracetamol 500 mg",                                       # no column gap
])
def test_a_row_with_its_own_schedule_or_verb_is_read(text):
    assert parse_doses(text)
    assert not column_row(text) or parse_doses(text)[0].frequency is not None


def test_column_row_is_false_for_text_without_a_trailing_amount():
    assert not column_row("Folic acid   tablets")
    assert not column_row("Vitamin C    70 mg with food, once a day")
    assert not column_row("")


# -- what is not a dose in these styles

@pytest.mark.parametrize("text", [
    "A 500 g tub should last an adult about two weeks if you use it as often as you need",   # pack size
    "Each 100 ml bottle lasts about a month",
    "Wait at least 5 minutes between two different drops",                    # a count of kinds
    "If you miss a drop, put it in when you remember; do not put in two drops to make up.",
    "Never take 2 tablets to catch up on a missed one.",
    "One fingertip unit (about 0.5 g) covers an area the size of two adult palms.",   # a measure defined
    "One FTU is a line of cream squeezed from the tube along an adult's index finger.",
    "80 milligrams of simvastatin is a dose we very rarely use now",           # talked about, not taken
    "For a 70 kg lifter that is 210–420 mg.",                                  # a worked example
    "A 60 kg runner works out at 180 mg.",
    "| Filter coffee, 250 ml mug | 90–140 mg |",                               # drinks' caffeine
    "An espresso has about 60 mg of caffeine",
])
def test_not_doses_of_these_styles(text):
    assert parse_doses(text) == []


# -- nicotine replacement: intervals of an hour or two, taken when the urge comes

@pytest.mark.parametrize("text", [
    "Use one piece every hour or two when you get a craving.",
    "chew one piece every 1–2 hours when you get an urge to smoke, no more than 15 pieces a day",
    "One lozenge every hour or two whenever you have a craving",
])
def test_nicotine_gum_interval_and_as_needed(text):
    dose = first(text)
    assert dose.frequency.interval_hours == pytest.approx((1, 2))
    assert dose.as_needed is not None


def test_every_hour_alone_is_still_hourly():
    assert first("Take 1 tablet every hour").frequency.interval_hours == pytest.approx((1, 1))


# -- doses said aloud in a transcript

@pytest.mark.parametrize("text, mg", [
    ("I take 20 milligrams of atorvastatin at night", 20),
    ("He was put on forty milligrams of pravastatin at night", 40),
    ("She takes ten milligrams of rosuvastatin every evening", 10),
])
def test_spoken_statin_doses(text, mg):
    dose = first(text)
    assert dose.amount.low.value == mg
    assert dose.frequency.administrations_per_day == 1


# -- painkillers taken in turn: the second medicine is named after "alternate with"

@pytest.mark.parametrize("text, second", [
    ("Take paracetamol 1 g four times a day and alternate with ibuprofen 400 mg three times a day", "ibuprofen"),
    ("Give paracetamol 240 mg every 6 hours and alternate with ibuprofen 100 mg every 8 hours", "ibuprofen"),
])
def test_alternate_with_names_the_second_medicine(text, second):
    from types import SimpleNamespace

    from medlint import policy
    from medlint.checks.schedule import medicine_of, names
    from medlint.doses.schedule import describe

    n = names(SimpleNamespace(data=policy.load))
    doc = describe(text, lambda sentence, dose: medicine_of(sentence, dose, n))
    assert len(doc["doses"]) == 2
    assert second in str(doc["doses"][1]["medicine"]).lower()


# -- a weekly injection stepped up is a schedule of steps, not a maximum

@pytest.mark.parametrize("text", [
    "Semaglutide 0.25 mg injected once a week, going up to 0.5 mg after 4 weeks",
    "Tirzepatide 2.5 mg once weekly, stepping up to 5 mg after a month",
    "Start with 0.6 mg a day, rising to 1.2 mg after a week",
])
def test_going_up_to_is_a_step_not_a_maximum(text):
    dose = first(text)
    assert dose.max_per_dose is None and dose.max_per_day is None
    assert len(dose.titration) >= 1
