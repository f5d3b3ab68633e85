"""Classes of sig the dose reader reads as a pharmacist does (issue #15), each in several
writers' styles: UK prescriptions, US pharmacy labels, OTC packs, consumer pages. None of
these sentences is in the corpus sig table."""

from __future__ import annotations

import pytest

from medlint.doses import parse_doses


def first(text: str):
    doses = parse_doses(text)
    assert doses, text
    return doses[0]


# -- ranged frequencies: the fewest to the most administrations a day

@pytest.mark.parametrize("text, want", [
    ("Hyoscine 10mg 1 bd-tds", (2, 3)),                                  # UK prescription
    ("Senna 7.5mg ii od-bd", (1, 2)),
    ("Take one or two capsules two to three times a day", (2, 3)),       # leaflet
    ("Apply 1 g of the gel 2 or 3 times daily", (2, 3)),                # consumer page
    ("Adults: 10 ml three to four times daily after food", (3, 4)),     # OTC pack
    ("Use 1 spray in each nostril once or twice daily", (1, 2)),
    ("Take 1 tablet every 8 hours", (3, 3)),
    ("1 cap qid", (4, 4)),
])
def test_ranged_frequency(text, want):
    assert first(text).frequency.per_day_range == pytest.approx(want)


@pytest.mark.parametrize("text", [
    "Take 2 tablets up to four times a day",          # OTC pack
    "1 sachet up to 4 times in 24 hours",
    "Chew 1 tablet up to qds",                         # UK abbreviation after the ceiling
    "You can take 400 mg up to three times daily",     # consumer page
])
def test_up_to_a_frequency_is_a_ceiling(text):
    lo, hi = first(text).frequency.per_day_range
    assert lo == 1 and hi > 1


# -- as-needed wordings of packs and leaflets

@pytest.mark.parametrize("text", [
    "Adults: take 2 tablets every 4 hours while symptoms last",
    "Take 1 capsule every 6 hours while symptoms persist. Max 4 capsules in 24 hours",
    "Chew 1-2 tablets as symptoms occur",
    "Child 6-11 years: 5 ml every 4-6 hours when necessary",
    "Give 2.5 ml if necessary, every 4-6 hours",
])
def test_as_needed_wordings(text):
    assert first(text).as_needed is not None


@pytest.mark.parametrize("text", [
    "Take 1 tablet three times a day for 7 days",
    "Apply 1 g of the cream twice daily until the rash clears",
    "Take 2 tablets in the morning",
])
def test_not_as_needed(text):
    assert first(text).as_needed is None
