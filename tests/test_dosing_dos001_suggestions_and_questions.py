"""DOS001's suggested maximum, and a question that is no open dose. For a dose a reader takes
from a page the suggestion is the over-the-counter limit where the ceiling's source gives one and
one dose is within it (a shop page's ibuprofen: 1200 mg, not the prescriber's 3200 mg); a dose
above it gets the prescription ceiling. A reader's question ("Can you take 1 paracetamol every
2 hours?") is not a dose; its answer is read. Every sentence is written for this test, in the
styles of a US shop page, a UK pharmacy leaflet, a pharmacy Q&A and a forum post."""

from __future__ import annotations

import pytest

from support import findings_for

DRUGS = "Mainstream Drug Therapies\n-\n"

CASES = [
    ("Ibuprofen tablets: adults take 200 mg to 400 mg every 4 to 6 hours, as needed.", "no more than 1200 mg in 24 hours"),
    ("Naproxen: take 250 mg every 8 hours when required for period pain.", "no more than 660 mg in 24 hours"),
    # one dose above the over-the-counter limit: the prescription ceiling, never a limit below one dose
    ("Naproxen: take 750 mg every 12 hours when required.", "no more than 1500 mg in 24 hours"),
]


@pytest.mark.parametrize("text,suggested", CASES)
def test_the_suggested_maximum_is_the_label_the_reader_buys(text, suggested, tmp_path):
    got = findings_for(DRUGS + text, "DOS001", tmp_path)
    assert len(got) == 1 and suggested in got[0].suggestion, [f.suggestion for f in got]


QUESTIONS = [
    # a pharmacy Q&A's question line, answered below it
    ("Can you take 1 paracetamol every 2 hours?\nNo: adults take one or two 500 mg tablets up to 4 times "
     "in 24 hours, at least 4 hours apart."),
    # a forum asker's question inside a paragraph
    ("My back is killing me. Is it OK to take 400 mg ibuprofen every 3 hours as needed? The pharmacist said "
     "no: 400 mg up to three times a day, no more than 1200 mg in 24 hours."),
]


@pytest.mark.parametrize("text", QUESTIONS)
def test_a_readers_question_is_no_open_dose(text, tmp_path):
    assert findings_for(DRUGS + text, "DOS001", tmp_path) == []


def test_the_answer_to_a_question_is_still_read(tmp_path):
    text = "Can I take paracetamol for a headache?\nYes: take 1 g every 4 to 6 hours as needed."
    assert len(findings_for(DRUGS + text, "DOS001", tmp_path)) == 1
