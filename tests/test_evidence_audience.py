"""NOT008 by audience: prescription Latin ("500 mg PO q8h", "bd", "prn") is a fault in an
instruction to a consumer and the professional convention on a page addressed to prescribers.
The audience is read from the page: what it says of itself ("for healthcare professionals",
prescribing information, "for patients and caregivers"), a professional monograph's headings,
and, on a professional page, a text that speaks to the patient. The ISMP do-not-use notations
(QD: NOT003) are flagged on every page. The writers are ones the corpus does not have: a
hospital antimicrobial guideline, a US prescribing-information extract, a clinicians' drug
reference, a monograph with professional headings, a nursing dosage-calculation worksheet, a GP's patient handout and a
community pharmacy's patient monograph. Every line is written for this test."""

from __future__ import annotations

import pytest

from medlint.engine import Options, check_article
from medlint.registry import EXAMPLE_TODAY
from support import article_from_records


def page(root, title, sections):
    """sections: (heading, [paragraphs])."""
    return article_from_records(root, {"title": title}, [
        {"heading": h, "level": 1, "kind": "other", "blocks": [{"paragraph": p} for p in paras]}
        for h, paras in sections])


def found(folder, checks=("NOT008", "NOT003")):
    result = check_article(folder, Options(today=EXAMPLE_TODAY, select=frozenset(checks)))
    assert result.error is None, result.error
    return [(f.check, f.excerpt) for f in result.findings]


PROFESSIONAL_PAGES = [
    ("Empirical antibiotic guideline", [
        ("About this guideline", ["Information for healthcare professionals working in the trust."]),
        ("Community-acquired pneumonia", ["Amoxicillin 500 mg PO tds for 5 days; if allergic, clarithromycin 500 mg bd."])]),
    ("Exampletinib tablets", [
        ("Highlights of prescribing information", ["These highlights do not include all the information needed."]),
        ("Dosage", ["Adults: 250 mg PO BID with or without food; reduce to 250 mg daily in hepatic impairment."])]),
    ("Cefalexin: clinician's drug reference", [
        ("Adults", ["500 mg PO q8h, up to 1 g q6h in severe infection."])]),
    ("Gabapentin monograph", [
        ("Pharmacokinetics", ["Absorption is saturable; bioavailability falls as the dose rises."]),
        ("Contraindications", ["Hypersensitivity to the drug."]),
        ("Renal impairment", ["CrCl 30-59 mL/min: 200-700 mg PO bid."])]),
    ("Dosage calculations: practice set 3", [
        ("Oral medicines", ["1. The prescriber orders cefalexin 250 mg PO q6h. Tablets are 500 mg. How many tablets a dose?"])]),
]


@pytest.mark.parametrize("title, sections", PROFESSIONAL_PAGES, ids=["guideline", "prescribing-info", "drug-reference", "monograph", "nursing-worksheet"])
def test_prescription_latin_on_a_page_addressed_to_prescribers_is_their_convention(tmp_path, title, sections):
    assert found(page(tmp_path, title, sections)) == []


def test_the_do_not_use_notations_are_still_flagged_on_a_professional_page(tmp_path):
    folder = page(tmp_path, "Cefalexin: clinician's drug reference", [("Adults", ["500 mg PO QD for 7 days."])])
    assert found(folder) == [("NOT003", "QD")]


def test_a_counselling_line_that_speaks_to_the_patient_is_still_a_consumer_instruction(tmp_path):
    folder = page(tmp_path, "Empirical antibiotic guideline", [
        ("About this guideline", ["Information for healthcare professionals working in the trust."]),
        ("What to tell the patient", ["Take 1 capsule 500 mg tds with food and ask your pharmacist if you feel sick."])])
    assert found(folder) == [("NOT008", "tds")]


@pytest.mark.parametrize("title, sections, excerpt", [
    # a GP's patient handout, with the usual "talk to a health professional"
    ("Your new blood pressure tablets", [
        ("How to take them", ["Amlodipine 5 mg daily and ramipril 2.5 mg BID."]),
        ("Disclaimer", ["If in doubt, talk to a qualified health professional."])], "BID"),
    # a community pharmacy's patient monograph that uses the professional headings
    ("Naproxen monograph", [
        ("Pharmacology", ["An anti-inflammatory painkiller."]),
        ("Contraindications", ["Stomach ulcers."]),
        ("Renal impairment", ["Avoid if your kidneys are badly affected."]),
        ("Dose", ["250 mg TID after food."]),
        ("About this page", ["This monograph is reference information for patients and caregivers."])], "TID"),
])
def test_prescription_latin_on_a_consumer_page_is_flagged(tmp_path, title, sections, excerpt):
    assert found(page(tmp_path, title, sections)) == [("NOT008", excerpt)]
