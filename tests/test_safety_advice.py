"""Advice that tells the reader something unsafe is fine (SAF004, SAF005): a labelled interaction
played down, and a leftover or someone else's antibiotic the page permits taking. Each class is
written in several sites' styles (a chat export, a forum answer, a podcast transcript, a
pharmacy Q&A), with warnings in the same words that must stay silent. Every sentence here is
written for this test."""

from __future__ import annotations

import pytest

from tests.support import findings_for


def _hits(tmp_path, text, check):
    return findings_for(text, check, tmp_path)


# -- SAF004: reassurance against a sourced interaction

@pytest.mark.parametrize("text, pair", [
    # an assistant's chat answer
    ("Chat with HealthBot\nYou: Can I take Advil for my back? I'm on ramipril.\n"
     "HealthBot: Yes, Advil is usually fine alongside ramipril for a few days.\n", ("Advil", "ramipril")),
    # a forum answer
    ("Re: painkillers and BP meds\nposted by kettle_girl\nNaproxen won't interact with losartan, I've taken both for years.\n",
     ("Naproxen", "losartan")),
    # a podcast transcript
    ("Transcript\n[00:12:01] HOST: And grapefruit? [00:12:04] GUEST: On atorvastatin you can drink as much grapefruit "
     "juice as you want, really.\n", ("atorvastatin", "grapefruit juice")),
    # a pharmacy Q&A, with an existing combination (SAF002's)
    ("Ask our pharmacist\nQ. My mother takes warfarin. A. It's perfectly safe to take ibuprofen with warfarin for "
     "a sore knee.\n", ("ibuprofen", "warfarin")),
    # red yeast rice sold beside a statin
    ("Shop\nOur red yeast rice capsules are safe to take with simvastatin, so there is no need to choose.\n",
     ("red yeast rice", "simvastatin")),
])
def test_reassurance_against_an_interaction_is_flagged(tmp_path, text, pair):
    got = _hits(tmp_path, text, "SAF004")
    assert len(got) == 1
    a, b = pair
    assert a in got[0].message and b in got[0].message
    assert "prescribing information" in got[0].message or "NCCIH" in got[0].message


@pytest.mark.parametrize("text", [
    "Pain relief\nIbuprofen can interact with lisinopril: ask a pharmacist before taking them together.\n",
    "Pain relief\nIbuprofen is not fine with lisinopril if you have kidney problems.\n",
    "Pain relief\nIt is usually fine to take ibuprofen with ramipril for a day or two, but check with your pharmacist first.\n",
    "Your questions\nIs naproxen safe to take with losartan?\n",
    "Grapefruit\nWith atorvastatin, avoid drinking large amounts of grapefruit juice (more than 1.2 litres a day).\n",
    "Grapefruit\nWith atorvastatin you can have a glass of grapefruit juice, but no more than that.\n",
    # a pair that is not listed: no finding
    "Pain relief\nParacetamol is fine with lisinopril.\n",
    # reassurance about something else in a sentence that names the pair
    "Pain relief\nIbuprofen is fine with food; keep it away from lisinopril unless your doctor says so.\n",
])
def test_warnings_and_questions_pass(tmp_path, text):
    assert _hits(tmp_path, text, "SAF004") == []


# -- SAF005: leftover or someone else's antibiotic

@pytest.mark.parametrize("text", [
    # a chat export: the question, then the answer that permits it
    ("Chat export\n**Me:** I still have amoxicillin left over from my chest infection in March. Worth taking for "
     "this sore throat?\n**Assistant:** Good thinking. You could take it for five days and see how you feel.\n"),
    # a forum answer
    ("Re: UTI on a Sunday\nreply from nightowl\nIf you've got some nitrofurantoin left from last time, just take it "
     "until the GP opens.\n"),
    # a podcast transcript
    ("Transcript\n[00:31:10] CO-HOST: My partner's doxycycline is in the cupboard. [00:31:14] GUEST: Honestly, "
     "you can take that for a couple of days.\n"),
    # a pharmacy Q&A in one sentence
    ("Quick answers\nGo ahead and start the spare co-amoxiclav you kept from your last dental abscess.\n"),
])
def test_permission_to_take_a_leftover_antibiotic_is_flagged(tmp_path, text):
    got = _hits(tmp_path, text, "SAF005")
    assert len(got) == 1 and "Be Antibiotics Aware" in got[0].message


@pytest.mark.parametrize("text", [
    "Antibiotics\nDo not take leftover antibiotics, and never take antibiotics prescribed for someone else.\n",
    ("Ask the pharmacist\nI have amoxicillin left over from last year. Should I take it?\n"
     "No. Leftover antibiotics may be the wrong medicine or too few tablets; book an appointment instead.\n"),
    ("Chat export\nYou: Can I use my husband's penicillin?\nAssistant: Please don't. You can take paracetamol for "
     "the pain while you wait for the dentist.\n"),
    # a current course, not a leftover one
    "Your course\nAmoxicillin 500 mg three times a day for 5 days. You can take it with or without food.\n",
    # a leftover mention with advice about something else far after it
    ("Clear-out\nTake old prescription antibiotics back to the pharmacy rather than keeping them.\n"
     "Bins\nPut the empty boxes in recycling.\nPain\nFor a headache, you can take paracetamol.\n"),
])
def test_refusals_and_current_courses_pass(tmp_path, text):
    assert _hits(tmp_path, text, "SAF005") == []


# -- SAF002: red yeast rice dosed on a page that doses a statin

def test_red_yeast_rice_beside_a_statin_is_flagged(tmp_path):
    text = ("Cholesterol questions\nThe usual starting dose is simvastatin 20 mg once a day at night.\n"
            "Supplements\nFor a natural boost, try red yeast rice: 600 mg twice a day with food.\n")
    got = _hits(tmp_path, text, "SAF002")
    assert len(got) == 1 and "NCCIH" in got[0].message and "red yeast rice" in got[0].message.lower()


def test_red_yeast_rice_with_its_warning_passes(tmp_path):
    text = ("Cholesterol questions\nThe usual starting dose is simvastatin 20 mg once a day at night.\n"
            "Supplements\nRed yeast rice 600 mg twice a day with food. It works like a statin, so never take red "
            "yeast rice with simvastatin or any other statin.\n")
    assert _hits(tmp_path, text, "SAF002") == []
