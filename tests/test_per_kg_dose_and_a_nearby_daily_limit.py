"""DOS011 reads a per-kg dose with the most a day its neighbouring line states, as DOS001-DOS003
do: "10-15 mg per kg every 4 to 6 hours as needed" with the next bullet's "no more than 60 mg per
kg in 24 hours" is within the ceilings, while a dose above the per-dose ceiling, or a limit that
is another population's, still fires. Every sentence is written for this test, in the styles of
an answer site's bullets and a UK leaflet's paragraphs."""

from __future__ import annotations

import pytest

from support import findings_for

BOUNDED = [
    ("Paracetamol for children\n\nChildren's dosage\n\n"
     "- A common guideline for children is 10-15 mg per kg of body weight, every 4 to 6 hours as needed.\n"
     "- The maximum daily dose for children should not exceed 60 mg per kg of body weight in divided doses "
     "over a 24-hour period.\n"),
    ("Giving paracetamol to your child\n\nHow much to give\n\n"
     "Give 15 mg/kg every 4 to 6 hours when needed for pain or fever.\n\n"
     "Do not give more than 60 mg/kg in 24 hours.\n"),
]

OVER = [
    # the per-dose ceiling is 15 mg/kg: a daily limit beside it does not make 20 mg/kg a dose right
    ("Giving paracetamol to your child\n\nHow much to give\n\n"
     "Give 20 mg/kg every 6 hours when needed.\n\nDo not give more than 60 mg/kg in 24 hours.\n"),
    # no limit beside it: 15 mg/kg up to six times a day is 90 mg/kg
    ("Paracetamol for children\n\nChildren's dosage\n\n"
     "- A common guideline is 10-15 mg per kg of body weight, every 4 to 6 hours as needed.\n"
     "- Ask your pharmacist if you are unsure.\n"),
]


@pytest.mark.parametrize("text", BOUNDED)
def test_a_per_kg_dose_bounded_by_the_next_line_passes(text, tmp_path):
    assert findings_for(text, "DOS011", tmp_path) == []


@pytest.mark.parametrize("text", OVER)
def test_a_per_kg_dose_above_its_ceilings_still_fires(text, tmp_path):
    assert len(findings_for(text, "DOS011", tmp_path)) == 1
