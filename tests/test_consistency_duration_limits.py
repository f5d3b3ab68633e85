"""CON006: a duration the page offers for a medicine longer than every limit the page itself sets
on how long that medicine is taken ("may be continued for up to 7 days" on a page that says the
course "must not exceed 5 days"). The medicine of a sentence is the one it names, else its
heading's, else the title's. Every line is written for this test, in the manner of a drug
reference, a pharmacy's leaflet, a clinic's aftercare sheet and a parenting magazine."""

from __future__ import annotations

import pytest

from tests.support import findings_for


def con(tmp_path, text):
    return [f.excerpt for f in findings_for(text, "CON006", tmp_path)]


@pytest.mark.parametrize("text, said", [
    # a drug reference: the limit lower on the page
    ("Ketorolac tablets\nAfter the injection, ketorolac tablets may be continued for up to 7 days.\n"
     "Cautions\nThe total course of ketorolac, all routes together, must not exceed 5 days.\n", "for up to 7 days"),
    # a pharmacy leaflet: the limit first, in the reader's words
    ("Ibuprofen for back pain\nDo not take ibuprofen for more than 3 days without asking us.\n"
     "How to take it\nTake ibuprofen 200 mg to 400 mg three times a day with food for 5 days.\n", "for 5 days"),
    # an aftercare sheet, weeks against days
    ("Your ankle\nDon't use the diclofenac gel for longer than 7 days unless the physio says so.\n"
     "At home\nKeep using diclofenac gel three times a day for 3 weeks after the sprain.\n", "for 3 weeks"),
])
def test_a_duration_beyond_the_pages_own_limit_is_flagged(tmp_path, text, said):
    assert con(tmp_path, text) == [said]


@pytest.mark.parametrize("text", [
    # within the limit
    "Ketorolac tablets\nKetorolac tablets may be continued for up to 3 days.\nCautions\nThe whole course must not "
    "exceed 5 days.\n",
    # two medicines, each its own limit
    "Cold remedies\nDo not use oxymetazoline for more than 3 days.\nParacetamol can be taken for 5 days while the "
    "fever lasts.\n",
    # how long symptoms last, not how long the medicine is taken
    "Ibuprofen for back pain\nDo not take ibuprofen for more than 3 days without advice. If the pain carries on "
    "for 5 days, see your GP.\n",
    # a label's pair of limits: the longer one for pain
    "Paracetamol for children\nDo not give paracetamol for more than 3 days for fever or 5 days for pain. For a "
    "sore ear you can give it for up to 5 days.\n",
    # no limit on the page at all
    "Antibiotic course\nTake amoxicillin 500 mg three times a day for 7 days.\n",
])
def test_durations_within_the_pages_limits_are_silent(tmp_path, text):
    assert con(tmp_path, text) == []


@pytest.mark.parametrize("text", [
    # a weekly injection's missed-dose window, then a duration of something else
    "Semaglutide pens\nIf it has been 5 days or less since your usual injection day, inject as soon as you "
    "remember. Keep using a barrier method for 4 weeks after each dose increase.\n",
    # a US pharmacy's answer on a weekly tablet: the window past the usual day, then a course length
    "Q: I forgot my weekly alendronate. What now?\nA: If it is 2 days or less past your usual day, take "
    "alendronate the next morning. Then keep taking alendronate once a week for 6 weeks until your bone scan.\n",
])
def test_a_window_of_time_elapsed_is_no_limit_on_how_long_a_medicine_is_taken(tmp_path, text):
    assert con(tmp_path, text) == []


def test_a_limit_followed_by_a_course_length_still_fires(tmp_path):
    text = ("Ibuprofen for a sprain\nTake ibuprofen for 3 days or less unless your GP says otherwise.\n"
            "Dosing\nTake ibuprofen 400 mg three times a day for 2 weeks.\n")
    assert con(tmp_path, text) == ["for 2 weeks"]
