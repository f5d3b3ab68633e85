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


@pytest.mark.parametrize("text, amount", [
    ("6 to 8 years    10 ml", 10),                 # an age band: the band's dose, checked by its ceiling
    ("Over 40 kg ......... 1 g", 1),
    ("Children aged 2-4   2.5 ml", 2.5),
])
def test_a_population_band_row_is_a_dose(text, amount):
    assert first(text).amount.low.value == amount


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


# -- a product line with its strength, then the count of its units in the next sentence

@pytest.mark.parametrize("text, count, strength", [
    ("Doxycycline 100 mg capsules - an antibiotic. Take 2 capsules (200 mg) today, then 1 capsule once a day", 2, 100),
    ("Prednisolone 5 mg tablets – a steroid. Take 8 tablets each morning for 5 days.", 8, 5),
    ("2. Clarithromycin 500 mg tablets: for the chest infection. One tablet twice a day for 7 days.", 1, 500),
])
def test_product_line_then_its_count(text, count, strength):
    doses = parse_doses(text)
    assert len(doses) == 1
    assert doses[0].amount.low.value == count
    assert doses[0].strength.value == strength


# -- a limit said with "up to" after the dose it caps

@pytest.mark.parametrize("text, cap", [
    ("Days 1 to 3      1 tablet every 2 hours, up to 6 a day", 6),
    ("1 lozenge every 1 to 2 hours, up to 15 a day", 15),
])
def test_up_to_a_count_a_day_after_a_dose_is_a_limit(text, cap):
    dose = first(text)
    assert dose.max_per_day is not None and dose.max_per_day.value == cap


def test_up_to_a_count_a_day_alone_is_the_dose():
    dose = first("Take up to 2 a day")
    assert dose.max_per_day is None


@pytest.mark.parametrize("text", [
    "If you smoke more than 10 cigarettes a day, a typical plan is:",
    "An adult needs 2 to 3 litres in the day.",
])
def test_more_not_doses(text):
    assert parse_doses(text) == []


# -- a frequency with no amount after a dose is that dose again

def test_then_a_frequency_is_the_next_step_with_the_same_amount():
    dose = first("Put one drop in the operated eye four times a day for two weeks, then twice a day for a further two weeks")
    assert len(dose.titration) == 1
    step = dose.titration[0]
    assert step.amount.low.value == 1 and step.frequency.administrations_per_day == 2


@pytest.mark.parametrize("text, per_day", [
    ("Adults: 500 mg to 1 g every 6 hours. If the fever is very high, you can take it every 4 hours.", 6),
    ("Give 5 ml every 6 hours. If the pain is bad you may give it every 4 hours.", 6),
])
def test_take_it_with_a_frequency_is_the_dose_again(text, per_day):
    doses = parse_doses(text)
    assert len(doses) == 2
    assert doses[1].amount == doses[0].amount
    assert doses[1].frequency.administrations_per_day == per_day


@pytest.mark.parametrize("text", [
    "Take 2 tablets. Exercise daily.",
    "Take 400 mg with food. Most people feel better within a day.",
])
def test_a_lone_frequency_without_then_or_take_it_stays_unread(text):
    assert len(parse_doses(text)) <= 1
    assert parse_doses(text)[0].frequency is None


def test_use_it_after_a_strength_is_not_that_strength_again():
    text = ("My inhaler is Fostair 100/6 (beclometasone 100 micrograms and formoterol 6 micrograms per puff). "
            "I use it every day and whenever I need relief.")
    assert all(d.frequency is None for d in parse_doses(text))


def test_an_interval_capped_lower_with_up_to_is_a_least_gap():
    dose = first("Days 1 to 3      1 tablet every 2 hours, up to 6 a day")
    assert dose.frequency.per_day_range[0] == 1
    # a limit word other than "up to" leaves the rate as written: DOS006 may compare them
    assert first("2 tablets every 4 hours, max 8 a day").frequency.per_day_range == (6, 6)


def test_take_it_at_a_time_of_day_is_not_the_dose_again():
    text = "Fosamax 70 mg, one tablet once a week. Take it first thing in the morning on an empty stomach."
    assert len(parse_doses(text)) == 1


def test_a_product_line_whose_count_is_no_dose_stays_the_dose():
    text = ("Sumatriptan 50 mg tablets can be bought from a pharmacist after a short consultation: "
            "take one tablet when the headache starts.")
    assert [d.amount.raw for d in parse_doses(text)] == ["50 mg"]


def _strength_taken(text: str, strength: str) -> bool:
    """Is ``strength`` read as an amount taken, or as the strength of a count taken?"""
    return any(d.amount is not None and (d.amount.raw == strength or d.strength is not None
                                         and d.strength.raw == strength) for d in parse_doses(text))


@pytest.mark.parametrize("text, strength", [
    # a shop's product line, the instruction after a semicolon and "you can"
    ("Naratriptan 2.5 mg tablets are available without a prescription in some countries; "
     "you can take one tablet at the first sign of a migraine.", "2.5 mg"),
    # a forum post, the instruction after "so just"
    ("Loratadine 10mg tablets are sold in most supermarkets, so just swallow one tablet each morning.", "10mg"),
    # a leaflet, the product in one sentence and the count of its units in the next
    ("Zolmitriptan 2.5 mg tablets are sold by most pharmacies. Take one tablet when the migraine starts.", "2.5 mg"),
    # a chat reply, the instruction after a dash
    ("Cetirizine 10 mg tablets can be had from any chemist - take one tablet a day.", "10 mg"),
])
def test_a_product_the_sentence_then_tells_you_to_take_keeps_its_strength(text, strength):
    assert _strength_taken(text, strength)


@pytest.mark.parametrize("text", [
    "Pyrexol 650mg Tablet is taken with food, as your doctor advises.",
    "Prochlorperazine 3 mg buccal tablets dissolve between the lip and gum; they work within an hour.",
    # "and take effect" is the product's verb, not an instruction
    "Sumatriptan 50 mg tablets can be bought from a pharmacist and take effect within 30 minutes.",
    "Allerfex 120 Tablets are to be used as the label says, and they are sold in packs of 10.",
])
def test_a_product_its_sentence_describes_is_no_dose_taken(text):
    assert all(d.amount is None for d in parse_doses(text))
