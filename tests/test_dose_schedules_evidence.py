"""The dose checks read the schedule as written before they ask for a maximum (DOS001), a
frequency (DOS002) or a unit (UNT002, UNT004): a regimen with a first dose and then a fixed
interval, a titration that names its target, an interval with its count of doses a day, a
shop's priced listing, opening hours and an exercise's repetitions. Each class is written in
the styles of a few kinds of page (a leaflet, a Q&A, a formulary line, a shop page, a physio
sheet); none is copied from a real page."""

import datetime as _dt

import pytest

from support import article_from_records, article_from_text
from medlint.doses import parse_doses
from medlint.engine import Options, check_article


def _found(text, tmp_path, categories=("dosing", "units")):
    folder = article_from_text(text, tmp_path)
    result = check_article(folder, Options(today=_dt.date(2026, 12, 1)))
    return {(f.check, f.excerpt) for f in result.findings if f.category in categories}


def _checks(text, tmp_path):
    return {check for check, _ in _found(text, tmp_path)}


# --- a first dose, then a regular interval: a prescriber's regimen, bounded by its interval

@pytest.mark.parametrize("text", [
    "Naproxen\n\nHow much to take\nFor gout the usual dose is 750 mg to start, then 250 mg every 8 hours until the "
    "attack settles.\n",
    "Paracetamol in hospital\n\nDosing\nParacetamol 20 mg/kg as a first dose, then 15 mg/kg every 6 hours.\n",
    "Antibiotics\n\nYour course\nTake 2 tablets now, then 1 tablet every 12 hours.\n",
])
def test_a_first_dose_then_a_regular_interval_needs_no_maximum(text, tmp_path):
    assert "DOS001" not in _checks(text, tmp_path)


@pytest.mark.parametrize("text", [
    "Naproxen\n\nHow much to take\nFor period pain take 500 mg to start, then 250 mg every 6 to 8 hours as needed.\n",
    "Pain relief after your operation\n\nPainkillers\nIbuprofen 400 mg first, then 200 mg every 4 hours if the pain "
    "comes back.\n",
])
def test_a_first_dose_then_an_as_needed_interval_of_a_painkiller_still_needs_one(text, tmp_path):
    assert "DOS001" in _checks(text, tmp_path)


def test_a_regular_interval_of_a_painkiller_still_asks_for_the_daily_maximum(tmp_path):
    # the corpus gold (24, 26, 30, 37, 41, 42, 59, 108) asks a painkiller's interval for its ceiling
    assert "DOS001" in _checks("Back pain\n\nPain relief\nAcetaminophen 650 mg every 4 hours.\n", tmp_path)


def test_followed_by_joins_the_steps_of_a_schedule_and_is_no_increment(tmp_path):
    text = "Prescribing notes\n\nDosing\nInitially 500 mg, followed by 250 mg every 6 to 8 hours.\n"
    assert "DOS001" not in _checks(text, tmp_path)


# --- a titration by steps that names where it stops

@pytest.mark.parametrize("text", [
    "Rheumatoid arthritis\n\nDMARDs\nSulfasalazine is started at 500 mg a day and increased by 500 mg each week to "
    "1 g twice a day.\n",
    "Nerve pain\n\nAmitriptyline\nStart 10 mg at night and increase by 10 mg every week to 30 mg at night.\n",
    "Methotrexate\n\nYour dose\nMethotrexate 7.5 mg once a week, increase by 2.5 mg every 4 weeks to 15 mg weekly.\n",
])
def test_a_titration_by_steps_to_a_named_target_is_bounded(text, tmp_path):
    assert "DOS001" not in _checks(text, tmp_path)


def test_a_titration_by_steps_with_no_target_is_open(tmp_path):
    text = "Nerve pain\n\nGabapentin\nGabapentin 300 mg at night, increasing by 300 mg every few days.\n"
    assert "DOS001" in _checks(text, tmp_path)


# --- an interval with its count of doses a day, in words

@pytest.mark.parametrize("text", [
    "Colds and flu\n\nHow much paracetamol can I take?\nAdults can take two 500 mg paracetamol tablets every "
    "six hours, up to four times a day.\n",
    "Sore throat\n\nAsk our pharmacist\nYou can take one 200 mg ibuprofen tablet every six hours, up to three "
    "times a day, with food.\n",
])
def test_an_interval_with_up_to_a_count_in_words_is_bounded(text, tmp_path):
    assert "DOS001" not in _checks(text, tmp_path)


# --- as needed in the second person

@pytest.mark.parametrize("wording", ["as you need it", "when you need them", "if you need it"])
def test_as_you_need_it_makes_a_dose_as_needed(wording):
    dose = parse_doses(f"Take 1 or 2 tablets every four to six hours {wording}.")[0]
    assert dose.as_needed is not None


# --- a lozenge sucked at an interval

@pytest.mark.parametrize("text", [
    "Sore throats\n\nWhich lozenges help?\nSuck one lozenge slowly every two to three hours.\n",
    "Winter ailments\n\nThroat pain\nDissolve 1 lozenge in the mouth every 2 hours.\n",
])
def test_a_lozenge_at_an_interval_needs_its_daily_number(text, tmp_path):
    assert "DOS001" in _checks(text, tmp_path)


# --- a shop's listing with its price

@pytest.mark.parametrize("text", [
    "Winter health\n\nRelated products\nParacetamol 500 mg 16 tablets   R19.99\nIbuprofen Syrup 100 mg/5 ml 100 ml   "
    "R44.50\n",
    "Hay fever\n\nShop the range\nCetirizine 10 mg 30 tablets - £3.49\nLoratadine 10 mg 14 tablets - £2.25\n",
])
def test_a_priced_product_listing_is_not_an_incomplete_dose(text, tmp_path):
    assert "DOS002" not in _checks(text, tmp_path)


# --- opening hours and exercise repetitions

@pytest.mark.parametrize("sentence", [
    "Call the poisons line on 01 234 5678 (8am to 10pm every day).",
    "The pharmacy is open 9 am to 6 pm daily.",
    "Lines are open 8:00 to 20:00 every day.",
])
def test_opening_hours_are_not_doses(sentence):
    assert parse_doses(sentence) == [] or all(d.amount is None for d in parse_doses(sentence))


@pytest.mark.parametrize("sentence", [
    "Do 3 sets of 15, once or twice a day.",
    "Repeat 2 rounds of 10 twice a day.",
    "Do 10 repetitions three times a day.",
])
def test_exercise_repetitions_are_not_doses(sentence):
    assert all(d.amount is None for d in parse_doses(sentence))


def test_opening_hours_and_repetitions_raise_no_unit_finding(tmp_path):
    text = ("Tennis elbow\n\nExercises\nDo 3 sets of 15, once or twice a day.\n\nIf you take too much\n"
            "Call the poisons line on 01 234 5678 (8am to 10pm every day).\n")
    assert not _found(text, tmp_path)


# --- a dose's clause that names what it is for

def test_a_clause_ending_in_is_names_no_medicine():
    dose = parse_doses("period pain is 500 mg to start, then 250 mg every 6 to 8 hours as needed")[0]
    assert dose.substance is None


def test_a_use_label_takes_the_page_medicine(tmp_path):
    text = ("Gabapentin\n\nDosages\nEpilepsy: Initially, 300 mg PO tid. Usual maintenance, 900-1,800 mg/day PO in "
            "three divided doses. Maximum, 4,800 mg/day.\n")
    assert ("DOS003", "4,800 mg/day") in _found(text, tmp_path)


# --- the page's medicine under a site's banner

def _records_found(tmp_path, title, sections):
    folder = article_from_records(tmp_path, {"title": title}, sections)
    result = check_article(folder, Options(today=_dt.date(2026, 12, 1)))
    return {(f.check, f.excerpt) for f in result.findings if f.category == "dosing"}


def _section(heading, *paragraphs, kind="drug-therapy"):
    return {"heading": heading, "level": 2 if heading else 1, "kind": kind,
            "blocks": [{"paragraph": p} for p in paragraphs]}


def test_a_drug_guide_names_its_medicine_under_the_search_box(tmp_path):
    found = _records_found(tmp_path, "Drug Guide Online", [
        _section(None, "Search drugs, classes, calculators...", "gabapentin", "(brand names vary)", kind="overview"),
        _section("Dosages", "Epilepsy: Initially, 300 mg PO tid. Maximum, 4,800 mg/day.")])
    assert ("DOS003", "4,800 mg/day") in found


def test_a_formulary_names_its_medicine_in_its_first_heading(tmp_path):
    found = _records_found(tmp_path, "Riverside Area Prescribing Formulary", [
        _section(None, "For healthcare professionals | Chapter 10", kind="overview"),
        _section("IBUPROFEN", "Formulary status: green.", kind="overview"),
        _section("By mouth", "Child 3 months to 11 years: 15 mg/kg 3 to 4 times a day.")])
    assert any(check == "DOS011" for check, _ in found)


@pytest.mark.parametrize("sentence", [
    "Hemodialysis: supplemental dose of 125-350 mg PO after each 4 hr of dialysis.",
    "On dialysis days give a supplemental 200 mg after each haemodialysis session.",
])
def test_a_dose_after_each_dialysis_session_is_complete(sentence, tmp_path):
    text = f"Gabapentin\n\nRenal impairment\n{sentence}\n"
    assert not {c for c in _checks(text, tmp_path) if c in ("DOS001", "DOS002")}


# --- the page's medicine from a sub-page title that opens with its task

@pytest.mark.parametrize("title", ["How and when to take ibuprofen", "Taking ibuprofen", "How to use ibuprofen"])
def test_a_sub_page_title_names_the_page_medicine_after_its_task(title, tmp_path):
    text = (f"{title}\n\nHow much to take\nUsually, the adult dose for:\n\n"
            "toothache is 400 mg every 4 to 6 hours as needed\n")
    assert "DOS001" in _checks(text, tmp_path)
