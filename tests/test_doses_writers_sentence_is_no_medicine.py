"""The dose reader: a clause with a personal pronoun in it ("Bro I did exactly this.", "My doctor
said that was fine.") is a sentence of the writer's, not the name of the medicine a dose after it
is of (``not_substance_words`` in checks/dose-lexicon.yaml). The medicine is then read as for any
dose that names none (the thread's question, the section, the title). Every line is written for
this test, in the manner of an Indian Q&A site's answer and a UK parenting forum's post."""

from __future__ import annotations

import pytest

from medlint.doses import parse_doses
from support import findings_for


@pytest.mark.parametrize("text", [
    "Bro I did exactly this. Just take one 60K sachet daily and you're done.",
    "Honestly we tried everything. Give one 5 ml spoonful every 4 hours.",
])
def test_a_writers_own_sentence_is_not_the_doses_medicine(text):
    (dose,) = parse_doses(text)
    assert dose.substance is None


def test_a_medicine_named_after_a_pronoun_is_still_read():
    (dose,) = parse_doses("My GP put me on naproxen 500 mg twice daily.")
    assert dose.substance is not None and "naproxen" in dose.substance.raw.lower()


def test_the_threads_question_then_names_the_medicine(tmp_path):
    text = ("Doctor gave vitamin D 60,000 IU once a week for 8 weeks. Can I take it daily instead?\n\n"
            "Answer 1\nBro I did exactly this. Just take one 60K sachet daily for 8 days, done.\n")
    found = findings_for(text, "DOS003", tmp_path)
    assert [f.check for f in found] == ["DOS003"]
