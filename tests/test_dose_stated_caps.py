"""DOS006 reads a page's own daily cap against the count its interval asks for (issue 15): an
interval whose longest gap still gives more doses a day than the cap allows, beyond the third
more that labels write ("2 caplets every 6 hours; do not take more than 6 caplets in 24
hours"), is a schedule the reader cannot follow with the cap. The pages below are written
for this test in several site styles (a patient leaflet's paragraph, a pharmacy list item, a
dose table row, an FAQ answer); none is copied from a real page."""

import pytest

from support import findings_for

DRUGS = "Mainstream Drug Therapies\n-\n"


@pytest.mark.parametrize("text", [
    # patient leaflet: strength heading the line, the cap in the next sentence
    "How to take it\n\nNaproxen sodium 550 mg: take 1 tablet every 6 to 8 hours as needed for pain. "
    "Do not take more than 2 tablets a day.\n",
    # pharmacy list item, the cap in brackets, "in 24 hours"
    DRUGS + "Hyoscine 300 micrograms: 1 tablet every 6 hours as required (no more than 2 tablets in 24 hours) – Travel sickness.",
    # the cap written in words
    "Dosage\n\nTake one 10 mg capsule every 8 hours when required. Don't take more than two capsules in any 24-hour period.\n",
    # the cap restated in brackets before its period
    "Usual dose\n\nPeriod pain (Naproxen sodium 550 mg): take 1 tablet every 6 to 8 hours as needed. "
    "Do not take more than 2 tablets (1,100 mg) in a day.\n",
    "Directions\n\n- Hyoscine 300 micrograms: 1 tablet every 6 hours as required, never more than 2 tablets "
    "(600 micrograms) in 24 hours\n",
    # the cap in milligrams against a count of a strength
    "Dosage\n\nNaproxen 250 mg tablets: 1 tablet every 6 hours if needed; maximum 500 mg a day.\n",
])
def test_an_interval_beyond_its_own_cap_fires(tmp_path, text):
    found = findings_for(text, "DOS006", tmp_path)
    assert len(found) == 1 and "more than the limit" in found[0].message


@pytest.mark.parametrize("text", [
    # the labels' own wording: the interval is the shortest spacing under a cap a third lower
    "Dosage\n\nParacetamol 500 mg: take 2 caplets every 6 hours; do not take more than 6 caplets in 24 hours.\n",
    "Dosage\n\nIbuprofen 400 mg every 6 hours as needed; do not exceed 1,200 mg a day.\n",
    # a cap the longest gap keeps to
    "How to take it\n\nNaproxen sodium 220 mg: take 1 tablet every 8 to 12 hours. Do not take more than 3 tablets a day.\n",
    DRUGS + "Hyoscine 300 micrograms: 1 tablet every 6 hours as required (no more than 3 tablets in 24 hours) – Travel sickness.",
    # a cap and no interval
    "Dosage\n\nTake 1 tablet when needed. Do not take more than 2 tablets a day.\n",
])
def test_an_interval_within_its_own_cap_is_silent(tmp_path, text):
    assert not findings_for(text, "DOS006", tmp_path)
