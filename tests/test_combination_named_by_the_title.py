"""A page titled by a combination product ("Hydrocodone-Acetaminophen 5-500mg") whose directions
count its tablets without naming it ("Take 2 tablets every 4 hours as needed"): each tablet holds
each substance at the strength the title gives, so DOS003 judges the count against the ceiling of
the substance that has one, and SAF001 asks for each substance's class warnings. Every sentence
is written for this test, in the styles of a US pharmacy label printout and a UK leaflet."""

from __future__ import annotations

import pytest

from support import findings_for

OVER = [
    # a US label printout: 2 tablets up to 6 times a day, 12 x 500 mg of acetaminophen = 6 g
    "Hydrocodone-Acetaminophen 5-500mg\n\nDirections\n\nTake 2 tablets by mouth every 4 hours as needed for pain.\n",
    # a UK leaflet: two tablets every four hours, 12 x 500 mg of paracetamol = 6 g
    "Codeine-Paracetamol 30/500 Tablets\n\nHow to take them\n\nAdults: two tablets every four hours when needed.\n",
]

WITHIN = [
    # 2 tablets every 6 hours: 8 x 325 mg = 2.6 g
    "Oxycodone-Acetaminophen 5/325 mg Tablets\n\nDirections\n\nTake 2 tablets every 6 hours as needed for pain.\n",
    # "5-10 mg" of one substance is a range, not a combination: no substance of the title to count
    "Oxycodone 5-10 mg\n\nDirections\n\nTake 1 tablet every 4 hours as needed.\n",
]


@pytest.mark.parametrize("text", OVER)
def test_a_count_of_the_titled_combination_is_judged_by_its_substance_ceiling(text, tmp_path):
    got = findings_for(text, "DOS003", tmp_path)
    assert len(got) == 1 and "6 g a day" in got[0].message, [f.message for f in got]


@pytest.mark.parametrize("text", WITHIN)
def test_a_count_within_the_ceiling_or_of_one_substance_passes(text, tmp_path):
    assert findings_for(text, "DOS003", tmp_path) == []


def test_each_substance_of_the_titled_combination_is_asked_for_its_warnings(tmp_path):
    got = findings_for(OVER[0], "SAF001", tmp_path)
    named = sorted(f.message.split(" ", 1)[0] for f in got)
    assert named == ["Acetaminophen", "Hydrocodone"], [f.message for f in got]
