"""Notation on a percentage strength written without its leading zero, and on a pack's
concentration quoted in brackets with the substance's name, in several writers' styles.
Every sentence here is written for this test."""

from __future__ import annotations

import pytest

from tests.support import findings_for


@pytest.mark.parametrize("text, excerpt", [
    ("Your prescription\nClobetasol propionate .05% cream: apply thinly once a day for 2 weeks.\n", ".05"),
    ("Treatment\nUse hydrocortisone .5% ointment twice a day on the face.\n", ".5"),
    ("Eye drops\nPut one drop of ketorolac .5% solution in the eye four times a day.\n", ".5"),
])
def test_a_naked_decimal_in_a_percentage_strength(tmp_path, text, excerpt):
    got = findings_for(text, "NOT005", tmp_path)
    assert [f.excerpt for f in got] == [excerpt]


@pytest.mark.parametrize("text", [
    "Your prescription\nClobetasol propionate 0.05% cream: apply thinly once a day for 2 weeks.\n",
    "Results\nYour HbA1c was 7.0% last month.\n",
])
def test_a_leading_zero_and_a_trailing_zero_in_a_percentage_pass(tmp_path, text):
    assert findings_for(text, "NOT005", tmp_path) == []
    assert findings_for(text, "NOT004", tmp_path) == []


@pytest.mark.parametrize("text", [
    "Fever\nYou can give Calpol (paracetamol 120mg/5ml) every 4 to 6 hours, up to 4 doses in 24 hours.\n",
    "Fever\nWe suggest Calpol Six Plus (paracetamol 250mg/5ml) for older children.\n",
    "Fever\nNurofen for Children (ibuprofen 100mg/5ml) is the one we stock.\n",
])
def test_the_packs_concentration_with_its_substance_is_left_alone(tmp_path, text):
    assert findings_for(text, "NOT007", tmp_path) == []


def test_the_pages_own_dose_beside_it_is_still_flagged(tmp_path):
    got = findings_for("Fever\nGive 5ml of Calpol (paracetamol 120mg/5ml) every 4 hours, up to 4 doses in 24 hours.\n",
                       "NOT007", tmp_path)
    assert [f.excerpt for f in got] == ["5ml"]


@pytest.mark.parametrize("text", [
    "Fever\nThe bottle says 'Calpol Infant Suspension 120mg/5ml'. Give 5 ml up to 4 times in 24 hours.\n",
    "Fever\nYour pack reads \"Ibuprofen 100mg/5ml oral suspension\"; use the syringe that comes with it.\n",
])
def test_a_label_quoted_as_it_reads_is_left_alone(tmp_path, text):
    assert findings_for(text, "NOT007", tmp_path) == []


def test_the_same_strength_unquoted_is_still_flagged(tmp_path):
    got = findings_for("Fever\nGive Calpol Infant Suspension 120mg/5ml: 5 ml up to 4 times in 24 hours.\n", "NOT007", tmp_path)
    assert [f.excerpt for f in got] == ["120mg", "5ml"]
