"""The readings behind the must-level dose misses of the fifth held-out set, each as a class of
text in several writers' styles, with the text that must stay quiet beside it: a dose "up to"
an amount on a count a day, a per-dose maximum given with its doses a day ("Max: 600 mg tid"),
a stated maximum above the ceiling, a mass restated as tablets of a strength bought over the
counter, a first dose at the first sign of an attack repeated on an interval, the medicine a
drug reference's title names, a course longer than the label's limit, a dispensing label's
product line above its directions, a vitamin D treatment course, and the amounts that are not
doses to follow (the writer's own medicines, drops on a cotton ball, what the body absorbs).
Every sentence is written for this test."""

import pytest

from medlint.doses import parse_doses
from support import findings_for


def found(text, check, tmp_path, markdown=False):
    return [f.excerpt for f in findings_for(text, check, tmp_path, markdown=markdown)]


# ---------------------------------------------------------------- "up to" an amount on a schedule

@pytest.mark.parametrize("text", [
    "Pain relief\n\nParacetamol: up to 1.5 g four times a day.\n",                 # a leaflet's line
    "Fever\n\nAdults can take paracetamol, up to 1g every 4 hours.\n",              # a blog's sentence
    "Headache\n\n- Paracetamol – up to 2 g three times daily\n",                    # a dose list
])
def test_up_to_an_amount_on_a_schedule_is_the_dose_at_its_most(tmp_path, text):
    assert found(text, "DOS003", tmp_path), text


@pytest.mark.parametrize("text", [
    "Pain relief\n\nParacetamol: up to 1 g four times a day.\n",
    "Fever\n\nAdults can take paracetamol, up to 1g every 6 hours.\n",
])
def test_up_to_an_amount_within_the_ceiling_stays_quiet(tmp_path, text):
    assert found(text, "DOS003", tmp_path) == []


def test_up_to_after_a_dose_is_still_its_limit():
    dose = parse_doses("1 tablet every 4 hours, up to 4 g a day")[0]
    assert dose.amount.raw == "1 tablet" and dose.max_per_day is not None


# ---------------------------------------------------------------- a per-dose maximum with its doses a day

@pytest.mark.parametrize("text, excerpt", [
    ("Pregabalin\n\nOral\n\nAdult: Initially, 150 mg daily in 2-3 divided doses. Max: 600 mg tid.\n",
     "Max: 600 mg tid"),
    ("Pain relief\n\nPregabalin 75 mg twice daily; maximum 300 mg three times a day.\n",
     "maximum 300 mg three times a day"),
    ("Fever\n\nParacetamol 500 mg every 6 hours. Do not take more than 6 g in 24 hours.\n",
     "Do not take more than 6 g in 24 hours"),
])
def test_a_stated_maximum_above_the_ceiling_is_flagged(tmp_path, text, excerpt):
    assert excerpt in found(text, "DOS003", tmp_path)


@pytest.mark.parametrize("text", [
    "Pregabalin\n\nOral\n\nAdult: Initially, 150 mg daily in 2-3 divided doses. Max: 300 mg bd.\n",
    "Fever\n\nParacetamol 500 mg every 6 hours, maximum 1 g four times daily.\n",
    "Period pain\n\nNaproxen 250 mg as needed; no more than 500 mg twice a day.\n",
])
def test_a_stated_maximum_within_the_ceiling_stays_quiet(tmp_path, text):
    assert found(text, "DOS003", tmp_path) == []


def test_a_per_dose_maximum_with_a_count_is_a_maximum_a_day():
    lim = parse_doses("Adult: 150 mg daily. Max: 600 mg tid.")[0].max_per_day
    assert lim.raw == "Max: 600 mg tid" and lim.value == 1800 and not lim.assumed


# ---------------------------------------------------------------- a mass restated as tablets of a strength

@pytest.mark.parametrize("text", [
    "Toothache\n\nIbuprofen: you can take 600 mg (three 200 mg tablets) every 6 hours with food.\n",
    "Back pain\n\nIbuprofen 400mg (2 x 200mg tablets) every 4 hours until it settles.\n",
    "Sprains\n\nAdvil: 3 tablets (200 mg each) every 6 hours.\n",
])
def test_tablets_of_an_over_the_counter_strength_are_judged_by_the_label_bought(tmp_path, text):
    assert any("without a prescription" in f.message for f in findings_for(text, "DOS003", tmp_path)), text


@pytest.mark.parametrize("text", [
    "Toothache\n\nIbuprofen: 400 mg (two 200 mg tablets) up to three times a day with food.\n",
    "Arthritis\n\nIbuprofen 600 mg (one 600 mg tablet) three times a day, as your doctor prescribed.\n",
])
def test_tablets_within_the_label_bought_stay_quiet(tmp_path, text):
    assert found(text, "DOS003", tmp_path) == []


def test_a_bracketed_count_of_a_strength_is_the_same_dose_again():
    doses = parse_doses("Ibuprofen 400mg (2 x 200mg tablets) every 4 hours")
    assert [d.text for d in doses] == ["400mg (2 x 200mg tablets) every 4 hours"]


def test_a_count_in_brackets_after_a_limit_restates_the_limit(tmp_path):
    text = ("Ketorolac nasal spray\n\nIntranasal\n\n"
            "Patients under 65 years: 1 spray in each nostril q6-8hr; not to exceed 126 mg/day (8 sprays)\n")
    assert found(text, "DOS002", tmp_path) == []


# ---------------------------------------------------------------- a first dose repeated on an interval

@pytest.mark.parametrize("text", [
    "Gout\n\n- Colchicine. Take 1.2 mg at the first sign of a flare, then 0.6 mg every hour until the pain eases.\n",
    "Gout flares\n\nColchicine 1 mg at the first sign of an attack, then 500 micrograms every 2 hours.\n",
])
def test_a_first_dose_repeated_on_an_interval_needs_a_maximum(tmp_path, text):
    assert found(text, "DOS001", tmp_path, markdown=True), text


def test_a_first_dose_with_one_more_an_hour_later_stays_quiet(tmp_path):
    text = "Gout\n\n- Colchicine 1.2 mg at the first sign of a flare, then 0.6 mg one hour later.\n"
    assert found(text, "DOS001", tmp_path, markdown=True) == []


# ---------------------------------------------------------------- the medicine a drug reference is about

def test_a_title_naming_one_medicine_gives_the_doses_under_plain_headings(tmp_path):
    text = "Ketorolac (Rx)\n\nPO\n\nPatients 17-64 years: 20 mg PO once, then 10 mg PO q4-6hr PRN\n"
    assert found(text, "DOS003", tmp_path)


def test_a_title_naming_two_things_gives_no_medicine(tmp_path):
    text = ("Gout: allopurinol and colchicine\n\nRenal impairment\n\n"
            "CrCl 10-20 mL/min: 100 mg daily; below 10 mL/min: 50 mg daily or 50 mg every other day.\n")
    assert found(text, "DOS003", tmp_path) == []


def test_a_dose_naming_its_own_substance_is_not_the_titles(tmp_path):
    text = ("Vitamin D for bones\n\nHow much you need\n\n"
            "Adults need about 1,000 mg of calcium a day, rising to 1,300 mg for women over 50.\n")
    assert found(text, "DOS003", tmp_path) == []


def test_a_nasal_dose_is_not_judged_by_the_oral_ceiling(tmp_path):
    text = "Ketorolac (Rx)\n\nIntranasal\n\nAdults: 1 spray (15.75 mg) in each nostril q6-8hr.\n"
    assert found(text, "DOS003", tmp_path) == []


# ---------------------------------------------------------------- a course longer than the label allows

@pytest.mark.parametrize("text", [
    "Ketorolac (Rx)\n\nPO\n\nOral therapy may be continued for up to 7 days after transition from IV/IM.\n",
    "Ketorolac tablets\n\nAfter the operation\n\nThe tablets can be taken for up to 10 days once the injections stop.\n",
    "Pain after surgery\n\nKetorolac\n\nA course of ketorolac tablets can last 2 weeks.\n",
])
def test_a_course_longer_than_the_label_allows_is_flagged(tmp_path, text):
    assert any("longer than the labelled 5 days" in f.message for f in findings_for(text, "DOS003", tmp_path)), text


@pytest.mark.parametrize("text", [
    "Ketorolac (Rx)\n\nPO\n\nOral therapy may be continued for up to 5 days in all.\n",
    "Ketorolac (Rx)\n\nWarnings\n\nDo not use ketorolac for more than 5 days.\n",
    "Ketorolac (Rx)\n\nStudies\n\nIn early trials, patients were given ketorolac for 14 days.\n",
])
def test_a_course_within_the_limit_or_a_warning_stays_quiet(tmp_path, text):
    assert found(text, "DOS003", tmp_path) == []


# ---------------------------------------------------------------- a dispensing label's product line

LABEL = ("GREENWAY PHARMACY\n\nRX# 1234567        DATE FILLED: 11/18/2026\n"
         "{product}        QTY: 4        REFILLS: 5\nPRESCRIBER: DR. A. JONES\n"
         "DIRECTIONS: {directions}\nGENERIC FOR: FOSAMAX\n")


@pytest.mark.parametrize("product, directions", [
    ("ALENDRONATE SODIUM 70 MG TABLET", "TAKE 1 TABLET BY MOUTH EVERY DAY IN THE MORNING BEFORE FOOD."),
    ("ALENDRONIC ACID 70MG TABS", "TAKE ONE TABLET DAILY WITH A FULL GLASS OF WATER."),
])
def test_directions_below_a_weekly_product_line_are_judged(tmp_path, product, directions):
    assert found(LABEL.format(product=product, directions=directions), "DOS010", tmp_path)


@pytest.mark.parametrize("product, directions", [
    ("ALENDRONATE SODIUM 70 MG TABLET", "TAKE 1 TABLET BY MOUTH ONCE A WEEK IN THE MORNING BEFORE FOOD."),
    ("ALENDRONATE SODIUM 10 MG TABLET", "TAKE 1 TABLET BY MOUTH EVERY DAY IN THE MORNING BEFORE FOOD."),
])
def test_a_weekly_schedule_or_a_daily_strength_stays_quiet(tmp_path, product, directions):
    assert found(LABEL.format(product=product, directions=directions), "DOS010", tmp_path) == []


@pytest.mark.parametrize("above", [
    ["Folic acid 5 mg once weekly, not on the same day as methotrexate"],
    ["Methotrexate 2.5mg tablets: take SIX tablets ONCE a WEEK", "Folic acid 5 mg once weekly, not with methotrexate"],
    ["Methotrexate 2.5mg tablets: take SIX tablets ONCE a WEEK"],
])
def test_a_line_of_another_medicine_or_a_sig_is_no_product_line(tmp_path, above):
    lines = "".join(f"- {line}\n" for line in above)
    text = f"Medicines\n\n{lines}- Take 1 tablet every other day\n"
    assert found(text, "DOS010", tmp_path, markdown=True) == []


def test_a_sentence_above_is_no_product_line(tmp_path):
    text = ("Setting up weekly medicines\n\n"
            "- Weekly injections: for example semaglutide 0.25 mg once a week for 4 weeks, then 0.5 mg once a week.\n"
            "- HRT patches changed twice a week: choose Twice a week and pick both days.\n")
    assert found(text, "DOS010", tmp_path, markdown=True) == []


# ---------------------------------------------------------------- a vitamin D treatment course

def test_a_weekly_vitamin_d_course_for_a_stated_time_is_a_treatment(tmp_path):
    text = "Vitamin D deficiency\n\nVitamin D3 60,000 IU sachet once a week for 8 weeks, then review.\n"
    assert found(text, "DOS003", tmp_path) == []


def test_a_weekly_vitamin_d_dose_with_no_end_is_still_judged_on_average(tmp_path):
    text = "Vitamin D deficiency\n\nVitamin D3 60,000 IU sachet once a week.\n"
    assert found(text, "DOS003", tmp_path)


# ---------------------------------------------------------------- amounts that are no dose to follow

@pytest.mark.parametrize("body", [
    "**You:** I'm 54 and I take lisinopril 20 mg for blood pressure, nothing else.",
    "Hi all, I'm on sertraline 50mg and wondered about the side effects.",
    "I have been taking amlodipine 5 mg for years with no trouble.",
    "Put 1 or 2 drops on a cotton ball and hold it against the sore tooth for a few minutes.",
    "Add 3 drops of eucalyptus oil onto a tissue and breathe it in.",
    "If you need more, split it into two doses, because the body absorbs about 500 mg at a time best.",
])
def test_amounts_the_page_does_not_give_as_doses_are_not_asked_how_often(tmp_path, body):
    assert found(f"Questions\n\n{body}\n", "DOS002", tmp_path, markdown=True) == []


@pytest.mark.parametrize("body", [
    "Take lisinopril 20 mg for blood pressure.",
    "Put 2 drops in the affected ear.",
])
def test_a_dose_given_to_the_reader_is_still_asked_how_often(tmp_path, body):
    assert found(f"Questions\n\n{body}\n", "DOS002", tmp_path, markdown=True)


def test_a_starting_dose_changed_in_the_next_sentence_is_complete(tmp_path):
    text = ("How to take it\n\nThe usual starting dose for pain is 10 mg. Your doctor may increase this by 10 mg "
            "each week, until you are taking 25 mg to 75 mg each evening.\n")
    assert found(text, "DOS002", tmp_path) == []


@pytest.mark.parametrize("text, kind", [
    ("10 mg each week", "weekly"), ("25 mg each evening", "nightly"), ("5 mg each month", "monthly"),
    ("20 mg each morning", "nightly"),
])
def test_each_week_evening_month_are_frequencies(text, kind):
    assert parse_doses(text)[0].frequency.kind == kind


def test_increased_further_if_needed_is_no_as_needed_dose():
    text = ("Levetiracetam: usually started at 250 mg twice a day, then raised to 500 mg twice a day after "
            "two weeks. The dose can be increased further if needed, up to 1,500 mg twice a day.")
    assert parse_doses(text)[0].as_needed is None
    assert parse_doses("Take 1 tablet at the onset of a headache; repeat if needed.")[0].as_needed is not None


def test_milliequivalents_are_a_unit_read(tmp_path):
    text = "Kidney stones\n\nPotassium citrate 10 mEq three times a day with meals.\n"
    assert found(text, "UNT001", tmp_path) == []
    dose = parse_doses("Potassium chloride ER 20 mEq: 1 tab PO daily")[0]
    assert dose.strength.raw == "20 mEq" and dose.amount.raw == "1 tab"


# ---------------------------------------------------------------- a ceiling that differs by country

@pytest.mark.parametrize("signals", [
    "Call 911 for a severe low. Keep pens below 86 °F. Questions? (555) 018-7730.",
    "Our diabetes center is open weekdays; in an emergency call 911.",
])
def test_metformin_on_an_american_page_is_judged_by_the_us_label(tmp_path, signals):
    text = f"Type 2 diabetes\n\nMany of our patients take metformin 1,000 mg three times a day with meals.\n\n{signals}\n"
    assert any("2.55 g/day" in f.message for f in findings_for(text, "DOS003", tmp_path))


@pytest.mark.parametrize("signals", [
    "See your GP, or call 111 if you feel unwell; store below 25 °C.",
    "",
])
def test_metformin_elsewhere_is_judged_by_the_highest_label(tmp_path, signals):
    text = f"Type 2 diabetes\n\nMany people take metformin 1,000 mg three times a day with meals.\n\n{signals}\n"
    assert found(text, "DOS003", tmp_path) == []


# ---------------------------------------------------------------- a speaker's label is no medicine

@pytest.mark.parametrize("line", [
    "Pharmacist: take 1 g every 4 hours when the fever is high.",
    "**Nurse Kelly:** give her 1 g every 4 hours.",
    "Dr Patel: 1 g every 4 hours is fine.",
])
def test_a_speakers_label_leaves_the_dose_to_the_medicine_the_page_names(tmp_path, line):
    text = f"Paracetamol for a high temperature\n\nAsk the team\n\n{line}\n"
    assert found(text, "DOS003", tmp_path, markdown=True), line


def test_a_medicine_before_a_colon_still_names_the_dose():
    assert parse_doses("Paracetamol: take 2 tablets every 4 hours")[0].substance.raw == "Paracetamol"


# ---------------------------------------------------------------- one repeat bounds a dose

@pytest.mark.parametrize("item", [
    "Mebendazole 100 mg single dose, repeat after 2 weeks if needed",
    "Ivermectin 3 mg tablets: 4 tablets as a single dose; repeat in 7 days if needed",
    "Adrenaline 300 micrograms auto-injector: inject into the outer thigh; may repeat after 5 minutes with a "
    "second pen if no improvement",
])
def test_one_stated_repeat_bounds_the_dose(tmp_path, item):
    assert found(f"Medicines\n\n- {item}\n", "DOS001", tmp_path, markdown=True) == []


@pytest.mark.parametrize("item", [
    "Mebendazole 100 mg, repeat every 2 weeks if needed",
    "Adrenaline 300 micrograms: inject into the thigh; may repeat every 5 minutes if needed",
])
def test_a_repeat_without_end_is_still_open(tmp_path, item):
    assert found(f"Medicines\n\n- {item}\n", "DOS001", tmp_path, markdown=True)


@pytest.mark.parametrize("text, wording", [
    ("Ketorolac (Rx)\n\nPO\n\nAdults: 20 mg PO once, then 10 mg PO q4-6hr PRN\n", 'repeated on an interval ("q4-6hr")'),
    ("Apixaban\n\nAdult dosing\n\nDVT: 10 mg orally twice daily, then 5 mg twice daily.\n",
     "stepped down with no end to the higher phase"),
    ("Metformin\n\nHow to take it\n\nStart with 500 mg once a day, increasing by 500 mg a week.\n",
     "titrating (increased step by step)"),
])
def test_the_no_maximum_message_says_how_the_dose_goes_on(tmp_path, text, wording):
    assert any(wording in f.message for f in findings_for(text, "DOS001", tmp_path)), wording
