"""Reader safety on positive evidence of dosing: a sentence that lists treatments with a usual dose
in brackets after each name, and tells no one to take anything, lists; it does not dose the
reader (SAF001 and SAF002 do not judge it). A dose that names its own medicine, known or not,
is that medicine's and does not borrow the medicine of an earlier sentence. NSAIDs sold outside
the US (aceclofenac, etoricoxib) carry the class warnings of their own labels, and "another
anti-inflammatory" is a two-NSAID warning. Every sentence is written for this test, in the
manner of a charity's condition page, a hospital's patient leaflet, a magazine's explainer and
an Indian clinic's blog."""

from __future__ import annotations

import pytest

from tests.support import findings_for


def saf(tmp_path, text, check="SAF001"):
    return [f.message for f in findings_for(text, check, tmp_path)]


# ------------------------------------------------------------ lists of options: not dosing

@pytest.mark.parametrize("text", [
    # a charity's condition page
    "Preventing attacks\nIf you have several attacks a month, ask your GP about prevention. Choices include "
    "propranolol (often 80 mg to 160 mg a day), nortriptyline (from 10 mg at night, raised slowly), "
    "topiramate and candesartan.\n",
    # a hospital's leaflet on nerve pain
    "Medicines for nerve pain\nYour pain team may suggest one of several medicines: duloxetine (30 mg to "
    "60 mg once a day), pregabalin (75 mg twice a day to begin with) or capsaicin cream.\n",
    # a magazine explainer
    "What doctors prescribe\nThe usual choices are sertraline (50 mg a day), citalopram (20 mg a day) and "
    "venlafaxine (75 mg a day), and most people try more than one before one suits them.\n",
])
def test_a_sentence_listing_options_with_bracketed_doses_is_not_judged(tmp_path, text):
    assert saf(tmp_path, text) == []


@pytest.mark.parametrize("text", [
    # the same list, but the sentence tells the reader to take one
    "Preventing attacks\nYou can take nortriptyline (from 10 mg at night, raised slowly), propranolol or "
    "candesartan.\n",
    # a bracketed dose of one medicine, no list
    "Medicines for nerve pain\nYour pain team may suggest duloxetine (30 mg to 60 mg once a day).\n",
    # a list whose doses stand outside brackets
    "What doctors prescribe\nThe usual choices are sertraline 50 mg a day, citalopram 20 mg a day and "
    "venlafaxine 75 mg a day.\n",
])
def test_a_list_that_doses_the_reader_is_still_judged(tmp_path, text):
    assert any("antidepressant" in m for m in saf(tmp_path, text))


# ------------------------------------------------------------ a dose names its own medicine

@pytest.mark.parametrize("text", [
    "Prevention\nAmitriptyline is one option your GP may discuss. The monthly injection erenumab (70 mg or "
    "140 mg) is given by specialists.\n",
    "Other treatments\nSome people are offered sertraline. Galcanezumab 120 mg once a month is prescribed by "
    "the headache clinic.\n",
])
def test_a_dose_of_an_unknown_medicine_does_not_borrow_an_earlier_sentences_medicine(tmp_path, text):
    assert saf(tmp_path, text) == []


def test_a_dose_with_no_name_of_its_own_still_reads_the_sentence_before(tmp_path):
    text = "Pain relief\nParacetamol is the first thing to try. Adults can take 1 g up to four times a day.\n"
    assert any("liver" in m for m in saf(tmp_path, text))


# ------------------------------------------------------------ NSAIDs sold outside the US

@pytest.mark.parametrize("line", [
    "Aceclofenac 100 mg twice daily after food for up to a week.",
    "Etoricoxib 60 mg once a day during a flare.",
])
def test_aceclofenac_and_etoricoxib_carry_the_nsaid_warnings(tmp_path, line):
    got = saf(tmp_path, f"Medicines\n{line}\n")
    assert len(got) == 1 and "NSAID" in got[0] and "stomach bleeding" in got[0], got


@pytest.mark.parametrize("line", [
    "Etoricoxib 60 mg once a day during a flare. Like other anti-inflammatories it can cause stomach ulcers "
    "and bleeding, and raises the risk of heart attack and stroke.",
    "Aceclofenac 100 mg twice daily after food. Not for people with heart disease; it can cause a bleeding "
    "ulcer.",
])
def test_their_warnings_in_the_pages_words(tmp_path, line):
    assert saf(tmp_path, f"Medicines\n{line}\n") == []


# ------------------------------------------------------------ two NSAIDs

TWO = ("Pain relief\nIbuprofen 200 mg to 400 mg every 6 hours with food; it can cause stomach bleeding and "
       "heart attack or stroke.\nNaproxen 250 mg twice a day with food; it can cause stomach bleeding and heart "
       "attack or stroke.{extra}\n")


@pytest.mark.parametrize("extra", [
    " Don't take it with ibuprofen or with another anti-inflammatory.",
    " Never add a second NSAID.",
    " Never take a second anti-inflammatory painkiller alongside it.",
])
def test_another_anti_inflammatory_is_a_two_nsaid_warning(tmp_path, extra):
    assert saf(tmp_path, TWO.format(extra=extra), "SAF002") == []


def test_two_nsaids_without_it_are_flagged(tmp_path):
    assert len(saf(tmp_path, TWO.format(extra=""), "SAF002")) == 1
