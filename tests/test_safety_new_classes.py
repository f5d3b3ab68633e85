"""Reader safety (SAF001) for the classes added with sources after the shared reference: GLP-1
medicines (the thyroid C-cell boxed warning), benzodiazepines and Z-drug sleeping tablets
(dependence, short use). Each with a page that omits the warning and pages that give it in
their own words. Every sentence here is written for this test."""

from __future__ import annotations

import pytest

from tests.support import findings_for


def _one(tmp_path, text, risk):
    got = findings_for(text, "SAF001", tmp_path)
    assert len(got) == 1 and risk in got[0].message, [f.message for f in got]


GLP1 = "Starting your injections\nWeeks 1 to 4: {drug} 0.25 mg once a week, then 0.5 mg once a week.\n{extra}"


@pytest.mark.parametrize("drug", ["semaglutide", "Ozempic"])
def test_a_glp1_dose_needs_the_thyroid_warning(tmp_path, drug):
    _one(tmp_path, GLP1.format(drug=drug, extra=""), "thyroid C-cell tumours")


@pytest.mark.parametrize("extra", [
    "Who should not use it\nNot if you or a close relative has had medullary thyroid cancer or MEN 2.\n",
    "Side effects\nTell your doctor about a lump in your neck: in animal tests it caused thyroid tumours.\n",
])
def test_the_thyroid_warning_in_the_pages_words(tmp_path, extra):
    assert findings_for(GLP1.format(drug="semaglutide", extra=extra), "SAF001", tmp_path) == []


SLEEP = "Sleeping tablets\n{drug} {dose} at bedtime.{extra}\n"


@pytest.mark.parametrize("drug, dose, risk", [
    ("Zopiclone", "3.75 mg to 7.5 mg", "dependence and short use"),
    ("Temazepam", "10 mg", "dependence and short use"),
    ("Diazepam", "2 mg three times a day and", "dependence and short use"),
])
def test_a_hypnotic_or_benzodiazepine_needs_the_dependence_warning(tmp_path, drug, dose, risk):
    _one(tmp_path, SLEEP.format(drug=drug, dose=dose, extra=""), risk)


@pytest.mark.parametrize("extra", [
    " Use it for 2 to 4 weeks at most, because your body gets used to it.",
    " It is habit-forming, so your GP will prescribe it for a short time only.",
    " Do not stop suddenly after taking it every night: withdrawal can make sleep worse.",
])
def test_the_dependence_warning_in_the_pages_words(tmp_path, extra):
    assert findings_for(SLEEP.format(drug="Zopiclone", dose="7.5 mg", extra=extra), "SAF001", tmp_path) == []


def test_a_supplements_few_days_is_not_the_hypnotics_short_use(tmp_path):
    text = ("Sleep aids\nMelatonin 1 mg at bedtime for a few days after a long flight.\n"
            "Zopiclone 7.5 mg at bedtime on prescription.\n")
    _one(tmp_path, text, "dependence and short use")
