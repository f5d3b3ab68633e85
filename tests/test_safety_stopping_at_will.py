"""SAF003: advice that lets the reader stop, at will, an antidepressant or a benzodiazepine whose label
says to reduce the dose gradually, in the wordings pages use ("if you feel better you can simply stop",
"no need to finish the pack", "you can just stop"), and the caveats that make it the doctor's plan
instead ("talk to your doctor first", "reduce the dose gradually"). Every sentence here is written for
this test, in several sites' styles."""

from __future__ import annotations

import pytest

from tests.support import findings_for


def _stop(tmp_path, text):
    return findings_for(text, "SAF003", tmp_path)


@pytest.mark.parametrize("text", [
    # a price-comparison site's guide
    ("Escitalopram guide\nHow to take it\nThe usual dose is escitalopram 10 mg once a day.\n"
     "How long will I take it?\nIf you feel better after a month or two, you can simply stop taking it.\n"),
    # a wellness blog, stop-when order reversed
    ("Our take on sertraline\nMost people start on sertraline 50 mg once daily.\nYou can stop taking it once your "
     "mood lifts, usually within a few months.\n"),
    # a pharmacy chain's FAQ
    ("Venlafaxine FAQs\nDosage\nVenlafaxine 75 mg once a day with food.\nDo I have to finish the pack?\n"
     "No, there is no need to finish the pack if the tablets have done their job.\n"),
    # a forum-style answer by the site's own pharmacist
    ("Ask the pharmacist\nThe usual starting dose is citalopram 20 mg once a day.\nCitalopram is not addictive, "
     "so you can just stop.\n"),
    # a benzodiazepine, "don't have to keep taking"
    ("Anxiety medicines\nLorazepam 1 mg twice a day.\nYou don't have to keep taking it once you feel calmer.\n"),
])
def test_stop_at_will_wordings_are_flagged(tmp_path, text):
    got = _stop(tmp_path, text)
    assert len(got) == 1, [f.message for f in got]
    assert "gradually" in got[0].message


@pytest.mark.parametrize("text", [
    # the caveat in the same sentence
    ("Escitalopram guide\nThe usual dose is escitalopram 10 mg once a day.\nIf you feel better after six months, "
     "you can stop taking it, but talk to your doctor first so the dose can be reduced gradually.\n"),
    # the caveat in the next sentence
    ("Our take on sertraline\nMost people start on sertraline 50 mg once daily.\nYou can stop taking it once your "
     "mood has lifted for six months or so. Ask your doctor before you stop: coming off is done slowly.\n"),
    # a taper named as the way to stop
    ("Venlafaxine FAQs\nVenlafaxine 75 mg once a day with food.\nWhen you feel better you can come off it, "
     "tapering the dose over several weeks with your prescriber.\n"),
    # side-effect advice: stop and call
    ("Citalopram\nCitalopram 20 mg once a day.\nIf your face or throat swells, you can simply stop it and call "
     "your doctor at once.\n"),
    # an antibiotic: its class is not one that tapers
    ("Chest infections\nAmoxicillin 500 mg three times a day.\nIf you feel better after two days you can simply "
     "stop taking it.\n"),
    # "don't stop suddenly"
    ("Sertraline\nSertraline 50 mg once a day.\nEven when you feel better, do not stop suddenly; your doctor will "
     "help you come off it.\n"),
])
def test_caveats_and_other_classes_pass(tmp_path, text):
    assert _stop(tmp_path, text) == []
