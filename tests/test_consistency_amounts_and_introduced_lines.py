"""CON001 (a stated count that does not match what follows) on two classes of text: a number that
is an amount or a length ("raise the dose in 30 mg steps", "two 5 minute stretches"), which counts
nothing, and a count whose paragraph ends in a colon and introduces the lines after it in its own
section ("two medicines that work well together:" then one line per medicine), which is not compared
with the subsections after that section. Written in the manner of a drug-discount site's guide, a
physiotherapy handout, a children's hospital fact sheet and a pharmacy leaflet; every sentence is
written for this test, with the mismatches that must still be flagged."""

from __future__ import annotations

import pytest

from support import findings_for


def _counts(text, root):
    return [f.excerpt for f in findings_for(text, "CON001", root)]


# level-1 sections ("##" under the page title) with level-2 subsections ("###") after them, so the count is compared with them
@pytest.mark.parametrize("text", [
    # a drug-discount site's guide
    ("# Page\n\n## Duloxetine dosage\n\nIf 60 mg is not enough, your prescriber may raise the dose in 30 mg steps.\n\n"
     "### How long does it take to work?\n\n- Sleep may improve within 2 weeks.\n\n### Side effects\n\n- Nausea\n- Dry mouth\n"),
    # a physiotherapy handout
    ("# Page\n\n## Your home programme\n\nDo the stretches in 10 minute steps through the day.\n\n"
     "### Morning\n\n- Calf stretch\n\n### Evening\n\n- Hamstring stretch\n"),
])
def test_a_number_that_is_an_amount_counts_nothing(text, tmp_path):
    assert findings_for(text, "CON001", tmp_path, markdown=True) == []


def test_a_count_of_steps_is_still_compared(tmp_path):
    text = ("# Page\n\n## Your home programme\n\nThere are three steps to follow.\n\n"
            "### Morning\n\n- Calf stretch\n\n### Evening\n\n- Hamstring stretch\n")
    assert [f.excerpt for f in findings_for(text, "CON001", tmp_path, markdown=True)] == ["three steps"]


@pytest.mark.parametrize("text", [
    # a children's hospital fact sheet: the medicines as lines of their own, then the subsections
    ("# Page\n\n## Which medicines will my child have?\n\nYour child will go home on two medicines that work well together:\n\n"
     "Paracetamol liquid 120 mg/5 mL\n\nIbuprofen liquid 100 mg/5 mL\n\nGive them with a drink.\n\n"
     "### How much do I give?\n\nGo by the chart.\n\n### When to get help\n\nCall us.\n\n### Key points\n\nGive by the clock.\n"),
    # a pharmacy leaflet
    ("# Page\n\n## What to pack\n\nBring these four things to your appointment:\n\nYour repeat slip\n\nYour inhalers\n\n"
     "Your blood pressure diary\n\nA list of questions\n\n### Parking\n\nUse the rear car park.\n"),
])
def test_a_count_introducing_the_lines_of_its_own_section_is_not_compared_with_subsections(text, tmp_path):
    assert findings_for(text, "CON001", tmp_path, markdown=True) == []


def test_a_count_ending_its_section_is_still_compared_with_the_subsections(tmp_path):
    text = ("# Page\n\n## Treatment options\n\nThere are three treatments to consider.\n\n"
            "### Physiotherapy\n\nExercises.\n\n### Injections\n\nSteroid.\n")
    assert [f.excerpt for f in findings_for(text, "CON001", tmp_path, markdown=True)] == ["three treatments"]
