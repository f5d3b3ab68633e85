"""DOS001: a counted dose that names no medicine ("Adults: 2 tablets every 4 hours as needed") on a
page whose title names a combination product with its strengths is a count of that product,
whose part with a sourced ceiling (paracetamol, acetaminophen) needs the most in 24 hours, as
DOS003 already counts the tablets. Every line is written for this test, in the manner of a
Singapore e-pharmacy's product page and a US pharmacy's drug page."""

from __future__ import annotations

import pytest

from support import findings_for

SG = ("Paingo Tablets (Paracetamol 500 mg / Caffeine 65 mg) 20s\nPharmacy medicine: our pharmacist checks every order.\n\n"
      "Directions\n"
      "Adults: 2 tablets every 4 hours when needed.{cap}\n")
US = ("Hydrocodone-Acetaminophen 5-325 mg Tablets\n\nHow to take it\n"
      "Take 1 tablet by mouth every 4 to 6 hours as needed for pain.{cap}\n")


@pytest.mark.parametrize("page", [SG, US])
def test_an_open_count_of_a_titled_combination_needs_its_maximum(tmp_path, page):
    found = findings_for(page.format(cap=""), "DOS001", tmp_path)
    assert len(found) == 1 and "24 hours" in found[0].suggestion


@pytest.mark.parametrize("page", [SG, US])
def test_a_capped_count_is_bounded(tmp_path, page):
    assert findings_for(page.format(cap=" Do not take more than 8 tablets in 24 hours."), "DOS001", tmp_path) == []
