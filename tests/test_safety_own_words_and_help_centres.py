"""Reader safety: a dose whose own words name its medicine, and help-centre furniture.

A sentence that opens with its condition ("If the pain is severe, your doctor may give you ...
oxycodone 5 mg every 4 to 6 hours") is read by the dose reader as one dose from its first word;
the medicine it names before its amount is that dose's medicine, not one an earlier paragraph of
the section dosed. A knowledge-base platform's furniture ("Help Centre", "Submit a request",
"Was this article helpful?") is printed on a medical scheme's or a pharmacy's condition articles
as on an app's help pages: it does not make the page a tool whose doses are the reader's own
entries; a tool's own controls or statements (numbered steps, "Edit list", "Results for your
list") do. Every sentence here is written for this test, in the manner of a national health
information site, an NHS trust's discharge leaflet, a US urgent-care page, a medical scheme's
help centre and a pharmacy chain's knowledge base."""

import datetime as _dt

import pytest

from medlint.engine import Options, check_article
from support import article_from_text

IDS = frozenset({"SAF001", "SAF002"})


def found(text, tmp_path):
    result = check_article(article_from_text(text, tmp_path), Options(today=_dt.date(2026, 12, 1), select=IDS))
    assert result.error is None
    return [(f.check, f.message) for f in result.findings]


# -- the medicine a dose names in its own words

OWN_WORDS = [
    # a national health information site: a warned NSAID, then an opioid in a sentence that opens
    # with its condition
    ("Easing the pain\nFor adults, naproxen 250 mg twice a day can help. Anti-inflammatories can cause "
     "stomach bleeding and raise the risk of heart attack and stroke.\n"
     "If the pain is severe, your doctor may give you a short supply of a stronger pain reliever such as "
     "oxycodone 5 mg every 4 to 6 hours if needed, for no more than 3 days.\n"),
    # an NHS trust's discharge leaflet
    ("Going home after your operation\nPain relief\nTake ibuprofen 400 mg three times a day with food; it can "
     "irritate the stomach and is not for people with heart failure.\n"
     "If the pain is bad at night, your GP may prescribe a few days of codeine 30 mg every 6 hours.\n"),
    # a US urgent-care page
    ("After your visit\nMedicines\nCelecoxib 200 mg once a day eases swelling; like all NSAIDs it can cause "
     "stomach ulcers and heart attack or stroke.\n"
     "If needed, take tramadol 50 mg every 6 hours for the first two days.\n"),
]


@pytest.mark.parametrize("text", OWN_WORDS)
def test_the_medicine_a_dose_names_before_its_amount_is_its_own(text, tmp_path):
    got = found(text, tmp_path)
    assert [m for c, m in got if c == "SAF001" and "opioid" in m], got
    assert not [m for c, m in got if c == "SAF001" and "NSAID" in m], got


def test_a_dose_opening_with_its_condition_and_warned_is_quiet(tmp_path):
    text = ("Easing the pain\nIf the pain is severe, your doctor may give you oxycodone 5 mg every 4 to 6 hours "
            "if needed. It is addictive, it can slow your breathing, and you must not drink alcohol with it.\n")
    assert [c for c, _ in found(text, tmp_path) if c == "SAF001"] == []


def test_a_readers_own_medicine_in_a_conditional_sentence_is_not_judged(tmp_path):
    # "If you take ..." opening the dose: the reader's own medicine mentioned in passing
    text = "Bone health\nIf you take alendronate 70 mg once a week, take your calcium at a different time of day.\n"
    assert found(text, tmp_path) == []


# -- a help centre's furniture is no tool

HELP_CENTRE_ARTICLES = [
    # a medical scheme's help centre: a condition article under the platform's furniture
    ("Crestline Health Cover Help Centre\nSubmit a request   Sign in\n"
     "Living with gout\nTreating a flare\nYour doctor may prescribe naproxen 500 mg twice a day for a few days.\n"
     "Was this article helpful?\n"),
    # a pharmacy chain's knowledge base
    ("MediMart Help Center\nHealth A-Z\nHay fever and headaches\nFor a headache, adults can take ibuprofen "
     "400 mg up to three times a day.\nWas this article helpful? Yes No\nSubmit a request\n"),
]


@pytest.mark.parametrize("text", HELP_CENTRE_ARTICLES)
def test_a_condition_article_in_a_help_centre_is_judged(text, tmp_path):
    assert [m for c, m in found(text, tmp_path) if c == "SAF001" and "NSAID" in m]


def test_a_help_centre_article_on_a_tools_controls_is_a_tool(tmp_path):
    # the same furniture, with the tool's own steps: the doses are examples of an entry
    text = ("Crestline Health Cover Help Centre\nSubmit a request\nAdding a medicine to your reminders\n"
            "1. Tap the + button and choose Add medicine.\n2. Type the name and the dose, for example naproxen "
            "500 mg twice a day.\nWas this article helpful?\n")
    assert [c for c, _ in found(text, tmp_path) if c == "SAF001"] == []


def test_a_celecoxib_and_steroid_in_one_sentence_are_a_combination(tmp_path):
    # a help-centre condition article doses an NSAID and a steroid together with no bleeding word
    text = ("Crestline Health Cover Help Centre\nSubmit a request\nRheumatoid arthritis\nPain relief\n"
            "Your doctor may prescribe celecoxib 200 mg twice a day, or prednisone 5 mg a day for a few weeks.\n"
            "Was this article helpful?\n")
    got = found(text, tmp_path)
    assert [m for c, m in got if c == "SAF002" and "prednisone" in m], got


# -- a bracketed dose beside a dose given outright is no list of options

OUTRIGHT_AND_BRACKETED = [
    # a medical scheme's condition article: an NSAID outright, a steroid in brackets
    ("Flares\nYour doctor may prescribe an anti-inflammatory such as naproxen 250 mg twice a day, or a short "
     "course of prednisolone (5 mg a day) while the flare settles.\n", "prednisolone"),
    # a GP practice's page: an antidepressant outright, an opioid in brackets
    ("Pain and low mood\nYour GP may suggest sertraline 50 mg once a day, and for a few days tramadol (50 mg up "
     "to four times a day) or paracetamol.\n", "tramadol"),
]


@pytest.mark.parametrize("text, partner", OUTRIGHT_AND_BRACKETED)
def test_a_bracketed_dose_in_a_sentence_dosing_outright_is_judged(text, partner, tmp_path):
    got = found(text, tmp_path)
    assert [m for c, m in got if c == "SAF002" and partner in m.lower()], got
