"""SAF003 whatever the medicine's class: advice that lets the reader stop or leave out a prescribed
medicine on their own decision, until a date or an event, or because of its cost, in the wordings
an insurer's FAQ, a hospital's fasting leaflet, a pharmacy blog and a forum answer use; and the
traps that stay silent (stopping for a side effect and seeing a doctor, finishing a course, a
surgeon's instruction to pause, a pause until the reader has spoken to a clinician, a caveat that
sends the reader to the doctor first). Every sentence here is written for this test."""

from __future__ import annotations

import pytest

from tests.support import findings_for


def _stop(tmp_path, text, markdown=False):
    return findings_for(text, "SAF003", tmp_path, markdown=markdown)


@pytest.mark.parametrize("text, excerpt", [
    # a hospital's fasting leaflet: until an event
    ("Medicines during the fast\nHeart medicines\nBisoprolol 5 mg: take one tablet at the evening meal.\n"
     "If you feel light-headed while fasting, you can just skip your heart tablets until the fast is over.\n",
     "you can just skip your heart tablets until"),
    # an insurer's FAQ: until a date, on cost
    ("Your drug plan explained\nWhat if my drug moves to a higher tier?\nIf the new price is too steep, you can "
     "stop filling the prescription until your plan year starts again in January.\n",
     "If the new price is too steep, you can stop"),
    # a pharmacy blog: the cost as the reason
    ("Five ways to save on your monthly medicines\nAsk for the generic.\nIf you can't afford the refill this "
     "month, just go without and restart when you are paid.\n",
     "If you can't afford the refill this month, just go without"),
    # a forum answer: stretching a supply
    ("Re: statin running out\nPosted by Marek\nI had the same. You can skip a dose now and then to make the "
     "box last until the pharmacy reopens.\n",
     "You can skip a dose now and then to make the box last"),
])
def test_stopping_on_the_readers_own_decision_is_flagged(tmp_path, text, excerpt):
    got = _stop(tmp_path, text)
    assert [f.excerpt for f in got] == [excerpt]
    assert "own decision" in got[0].message and "MedlinePlus" in got[0].message


def test_a_markdown_help_page_is_read_the_same_way(tmp_path):
    text = ("# Travelling over the holidays\n\n## Your regular tablets\n\nIf your luggage is heavy, you may "
            "simply leave out your water tablets until you get home.\n")
    got = _stop(tmp_path, text, markdown=True)
    assert [f.excerpt for f in got] == ["you may simply leave out your water tablets until"]


@pytest.mark.parametrize("text", [
    # stopping for a side effect, and seeing the doctor
    "Amlodipine 5 mg once a day.\nStop taking it if you get a rash and see your doctor the same day.\n",
    # finishing a course
    "Amoxicillin 500 mg three times a day for 5 days.\nFinish the course even if you feel better.\n",
    # a prescriber's instruction to pause
    "Aspirin 75 mg once a day.\nYour surgeon may ask you to stop aspirin 7 days before the operation.\n",
    # a pause until the reader has spoken to a clinician
    "Metformin 500 mg twice a day.\nIf you are being sick, you can stop taking the tablets until you have spoken "
    "to your doctor or pharmacist.\n",
    "Ramipril 5 mg once a day.\nWith vomiting or diarrhoea you may pause your ramipril tablets until a pharmacist "
    "has checked them; this is called a sick day rule.\n",
    # a caveat sends the reader to the doctor first
    "Losartan 50 mg once a day.\nIf the copay is too high, do not simply stop: talk to your doctor first about a "
    "cheaper generic.\n",
    "Amlodipine 5 mg once a day.\nYou can leave out your blood pressure tablets until the evening meal only if "
    "your doctor agrees first.\n",
    # how to save money without stopping
    "Ways to save\nAsk your prescriber for a 90-day supply; it often costs less than three monthly refills.\n",
])
def test_doctors_plans_side_effects_and_courses_pass(tmp_path, text):
    assert _stop(tmp_path, "Your medicines\nHow to take them\n" + text) == []
