"""A list led by a sentence that describes the product ("They come in different strengths:",
"It is available as:") lists the strengths and forms sold, not doses: DOS002 does not ask how
often; a list led by a dosing line is still judged. Every sentence is written for this test, in
the styles of a national health service medicine page and a US drug handbook entry."""

from __future__ import annotations

import pytest

from support import findings_for

DESCRIBED = [
    ("Naproxen\n\nDosage and strength\n\nNaproxen comes as tablets and a liquid. They come in different "
     "strengths:\n\n- tablet – 250mg or 500mg\n- liquid – 125mg in 5ml\n"),
    ("GABAPENTIN\n\nHow to take it\n\nIt is available as:\n\n- Capsules: 100 mg, 300 mg\n- Oral solution: 250 mg\n"),
]

DOSED = [
    ("Naproxen\n\nHow to take it\n\nThe usual doses are:\n\n- adults – 250mg\n- older children – 125mg\n"),
]


@pytest.mark.parametrize("text", DESCRIBED)
def test_a_list_of_strengths_sold_is_no_dose(text, tmp_path):
    assert findings_for(text, "DOS002", tmp_path) == []


@pytest.mark.parametrize("text", DOSED)
def test_a_list_led_by_a_dosing_line_is_still_asked_how_often(text, tmp_path):
    assert len(findings_for(text, "DOS002", tmp_path)) >= 1
