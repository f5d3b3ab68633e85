"""DOS001's suggested maximum for a dose the reader takes as needed is the over-the-counter
limit where the ceiling's source gives one and one dose is within it (a shop page's ibuprofen:
1200 mg, not the prescriber's 3200 mg); a dose above the over-the-counter limit gets the
prescription ceiling. Every sentence is written for this test, in the styles of a US shop page
and a UK pharmacy leaflet."""

from __future__ import annotations

import pytest

from support import findings_for

DRUGS = "Mainstream Drug Therapies\n-\n"

CASES = [
    ("Ibuprofen tablets: adults take 200 mg to 400 mg every 4 to 6 hours, as needed.", "no more than 1200 mg in 24 hours"),
    ("Naproxen: take 250 mg every 8 hours when required for period pain.", "no more than 660 mg in 24 hours"),
    # one dose above the over-the-counter limit: the prescription ceiling, never a limit below one dose
    ("Naproxen: take 750 mg every 12 hours when required.", "no more than 1500 mg in 24 hours"),
]


@pytest.mark.parametrize("text,suggested", CASES)
def test_the_suggested_maximum_is_the_label_the_reader_buys(text, suggested, tmp_path):
    got = findings_for(DRUGS + text, "DOS001", tmp_path)
    assert len(got) == 1 and suggested in got[0].suggestion, [f.suggestion for f in got]
