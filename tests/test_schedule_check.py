"""DOS010: weekly, monthly and yearly medicines written with a daily schedule, on pages in
several writers' styles (NHS-like medicine pages, a US drug handbook, a pharmacy Q&A, a
patient leaflet), and the wordings that must stay silent."""

import datetime

import pytest

from medlint.checks.schedule import names, schedule_hits
from medlint.registry import Context
from support import findings_for


def hits(text: str, heading=None):
    n = names(Context(today=datetime.date(2026, 11, 24)))
    return [h[2] for h in schedule_hits(text, heading, n)]


@pytest.mark.parametrize("text,excerpt", [
    ("Methotrexate 10 mg daily", "Methotrexate 10 mg daily"),
    ("Take alendronate 70 mg every day", "alendronate 70 mg every day"),
    ("Zoledronic acid 5 mg infusion every month", "Zoledronic acid 5 mg infusion every month"),
    ("take methotrexate 10mg od", "methotrexate 10mg od"),
    ("Methotrexate 2.5 mg tablets: take 4 tablets every morning", "Methotrexate 2.5 mg tablets: take 4 tablets every morning"),
    ("Fosamax 70 mg tablets – take one tablet every morning", "Fosamax 70 mg tablets – take one tablet every morning"),
    ("Alendronic acid 70 mg: one tablet twice a week", "Alendronic acid 70 mg: one tablet twice a week"),
    ("Methotrexate 10 mg every other day", "Methotrexate 10 mg every other day"),
    ("Prolia 60 mg once a month", "Prolia 60 mg once a month"),
    ("Reclast 5 mg IV every 3 months", "Reclast 5 mg IV every 3 months"),
    ("Methotrexate 7.5 mg PO qd", "Methotrexate 7.5 mg PO qd"),
    ("Methotrexate 2.5 mg tablets. Take 4 tablets every day.", "every day"),
    ("Methotrexate tablets. Take 10 mg every day.", "10 mg every day"),
    ("Methotrexate 2.5 mg three times a day", "Methotrexate 2.5 mg three times a day"),
    ("Reclast 5 mg IV infused over no less than 15 minutes every month",
     "Reclast 5 mg IV infused over no less than 15 minutes every month"),   # "no less than" warns against nothing
    ("Methotrexate 10 mg daily, no more than 4 tablets", "Methotrexate 10 mg daily"),
])
def test_flagged(text, excerpt):
    assert hits(text) == [excerpt]


@pytest.mark.parametrize("text", [
    "Methotrexate 15 mg once a week",
    "Alendronate 70 mg once weekly on the same day",
    "Methotrexate 7.5 mg every 7 days",
    "Zoledronic acid 5 mg once a year",
    "Zoledronic acid 5 mg every 12 months",
    "Prolia 60 mg every 6 months",
    "Denosumab 60 mg every 26 weeks",
    "Zoledronic acid 4 mg every 3 to 4 weeks",                # Zometa's oncology interval
    "Zoledronic acid 4 mg every month",                       # the oncology interval: 21 days at the least
    "Alendronate 10 mg daily",                                # the labelled daily strength
    "Alendronate 70 mg weekly or 10 mg daily",
    "Methotrexate 2.5 mg tablets: take 4 tablets once a week",
    "Methotrexate 2.5 mg every 12 hours for 3 doses, once a week",   # the label's divided weekly course
    "Methotrexate 15 mg every Monday",
    "Do not take methotrexate 10 mg every day.",
    "Never take your methotrexate tablets daily.",
    "Taking methotrexate 10 mg daily by mistake can be fatal.",
    "Methotrexate 15 mg weekly plus folic acid 5 mg daily",
    "Methotrexate plus folic acid 5 mg daily",
    "Methotrexate injection 10 mg daily",                     # a route the reference gives no interval for
    "Methotrexate helps you get on with daily activities.",
    "Can I take my methotrexate every day?",                  # no dose written
    "Take alendronate 70 mg in the morning, before breakfast", # a time of day, not a frequency
    "Daily methotrexate 10 mg can kill.",
    "Calcium 1,000 mg and vitamin D 800 units daily; take it at a different time of day from your alendronic acid tablet.",
])
def test_silent(text):
    assert hits(text) == []


def test_a_heading_names_the_medicine():
    n = names(Context(today=datetime.date(2026, 11, 24)))
    entry = n.entries["methotrexate"]
    assert [h[2] for h in schedule_hits("Take 4 tablets (10 mg) every day.", entry, n)] == ["every day"]
    assert [h[2] for h in schedule_hits("Take 4 tablets (10 mg) once a week.", entry, n)] == []


def test_the_message_shows_the_arithmetic_and_the_source():
    n = names(Context(today=datetime.date(2026, 11, 24)))
    ((_, _, excerpt, message, suggestion),) = schedule_hits("Zoledronic acid 5 mg infusion every month", None, n)
    assert "at most one dose every year" in message and "12 times the doses" in message
    assert "Reclast US prescribing information" in message
    assert suggestion == 'Write "once a year" instead of "every month" (e.g. "Zoledronic acid 5 mg once a year").'


NHS_WRONG = """Methotrexate tablets
About methotrexate
Methotrexate calms an overactive immune system in rheumatoid arthritis and psoriasis.
How and when to take it
The usual dose is 10 mg daily, taken as 2.5 mg tablets.
Take folic acid 5 mg once a week, on a different day.
"""
NHS_RIGHT = NHS_WRONG.replace("The usual dose is 10 mg daily, taken as 2.5 mg tablets.",
                              "You take methotrexate once a week, on the same day each week. The usual dose is "
                              "7.5 mg to 25 mg a week, taken as 2.5 mg tablets.")
HANDBOOK_WRONG = """Alendronate sodium (Fosamax)
Indications
Treatment of postmenopausal osteoporosis.
Dosage
Adults: PO 70 mg qd, 30 min before the first food of the day, or 10 mg qd.
"""
HANDBOOK_RIGHT = HANDBOOK_WRONG.replace("PO 70 mg qd", "PO 70 mg once weekly")
QA_WRONG = """Ask the Pharmacist: my bone injection
Q: How often will I have my Prolia?
A: Prolia 60 mg is injected under the skin once a month, usually by the practice nurse.
"""
QA_RIGHT = QA_WRONG.replace("once a month", "once every 6 months")
LEAFLET_WRONG = """Zoledronic acid 5 mg solution for infusion
Package leaflet: Information for the patient
3. How you are given this medicine
The usual dose is 5 mg, given as one infusion into a vein every month by your doctor or nurse.
Drink at least two glasses of fluid before and after the infusion.
"""
LEAFLET_RIGHT = LEAFLET_WRONG.replace("every month", "once a year")


@pytest.mark.parametrize("wrong,right,excerpt", [
    (NHS_WRONG, NHS_RIGHT, "daily"),
    (HANDBOOK_WRONG, HANDBOOK_RIGHT, "70 mg qd"),
    (QA_WRONG, QA_RIGHT, "Prolia 60 mg is injected under the skin once a month"),
    (LEAFLET_WRONG, LEAFLET_RIGHT, "every month"),
], ids=["nhs-like", "us-handbook", "pharmacy-qa", "patient-leaflet"])
def test_pages_in_several_styles(wrong, right, excerpt, tmp_path):
    found = findings_for(wrong, "DOS010", tmp_path / "wrong")
    assert len(found) == 1 and excerpt in found[0].excerpt and found[0].severity == "error", found
    assert findings_for(right, "DOS010", tmp_path / "right") == []


from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

RIGHT = ["once a week", "once weekly", "every week", "every 7 days", "once every 7 days", "weekly", "every Monday",
         "on Sundays", "one day a week", "every 2 weeks", "once a month"]
WRONG = ["daily", "every day", "once a day", "once daily", "twice a day", "bd", "od", "every morning", "each night",
         "every other day", "3 times a week", "every 4 hours", "q12h", "every 3 days", "twice weekly", "mane"]


@given(st.sampled_from(["Methotrexate", "methotrexate", "Take methotrexate"]), st.sampled_from([2.5, 7.5, 10, 15, 25]),
       st.sampled_from(RIGHT + WRONG), st.sampled_from(["", " with food", " – for arthritis."]))
@settings(max_examples=200, deadline=None)
def test_methotrexate_is_flagged_exactly_when_more_often_than_weekly(name, mg, schedule, tail):
    text = f"{name} {mg:g} mg {schedule}{tail}"
    assert bool(hits(text)) == (schedule in WRONG), text


# -- a row of a table written with pipes: another cell's schedule is not the dose's

@pytest.mark.parametrize("text", [
    "Methotrexate | 15 mg every day | liver tests every 3 months",              # clinic quick guide
    "| Alendronate 70 mg | one tablet each morning | review yearly |",           # markdown-style row
    "Prolia 60 mg | monthly injection | dental check every 6 months",
])
def test_a_pipe_row_is_flagged_past_another_cells_schedule(text):
    assert len(hits(text)) == 1


@pytest.mark.parametrize("text", [
    "Methotrexate | 15 mg once a week | liver tests every 3 months",
    "| Alendronate 70 mg | one tablet each morning, once a week | review yearly |",
])
def test_a_pipe_row_with_the_right_schedule_in_its_cell_is_silent(text):
    assert hits(text) == []


def test_a_pipe_row_on_a_page_is_flagged(tmp_path):
    page = ("Your bone and joint medicines\n\nAt a glance\nDrug | Dose | Checks\n"
            "Methotrexate | 12.5 mg daily | blood count every 8 weeks\n"
            "Folic acid | 5 mg once a week | not on the methotrexate day\n\n"
            "Last Updated: May 19, 2026.\n")
    found = findings_for(page, "DOS010", tmp_path)
    assert [f.excerpt for f in found] and "12.5 mg daily" in found[0].excerpt
