"""CON003 on a reference list that lists nothing: a "References" or "Sources" heading whose first
line is the site's furniture (an advertisement slot, a related-articles rail) or that has none,
and under which no text reads as a source (a year, a DOI, a web address, a PMID). The scraped
page kept the heading and lost the list. A list whose sources carry no year but stand first
("Kidney Health Australia (Kidney stones)") is read, and so is a list under a stacked heading.
Every page here is written for this test, in the manner of a US academic centre's health library,
a blog and a national health information site."""

from __future__ import annotations

import pytest

from support import findings_for

LOST = [
    # an academic centre's health library: the ad slot and the care rail follow the heading
    ("Frozen shoulder\nTreatment\nMost people get better with gentle stretching over a year or two.\n"
     "Last reviewed by a Ridgeway Health professional on 03/02/2025.\nReferences\nAdvertisement\n"
     "Ridgeway Health is a non-profit medical centre. Advertising on our site helps support our mission.\n"
     "Care at Ridgeway Health\nShoulder Clinic\nMake an Appointment\n", "References"),
    # a blog whose sources heading is the page's last line
    ("Why my knees ache in winter\nWhat helped me\nWarm baths, a short walk every morning and a knee sleeve "
     "made the difference for me.\nSources\n", "Sources"),
]


@pytest.mark.parametrize("text, heading", LOST)
def test_a_reference_list_that_lists_nothing_is_empty(text, heading, tmp_path):
    found = [f for f in findings_for(text, "CON003", tmp_path) if f.excerpt == heading]
    assert found and "lists no source" in found[0].message


LISTED = [
    # a national health information site: sources named without a year
    ("Kidney stones\nTreatment\nMost small stones pass on their own.\nSources\n"
     "Kidney Health Australia (Kidney stones); Therapeutic Guidelines (Renal colic)\n"
     "Learn more about how we write our information.\n"),
    # a list under a stacked heading, as a plain-text import reads it
    ("Amitriptyline\nDose\nThe usual starting dose is 10 mg at night.\nReferences\nNational formulary entry\n"
     "Tricyclic antidepressants for nerve pain, Best Practice Journal, 2023\n"),
]


@pytest.mark.parametrize("text", LISTED)
def test_a_reference_list_with_its_sources_is_not_empty(text, tmp_path):
    assert [f.excerpt for f in findings_for(text, "CON003", tmp_path)] == []
