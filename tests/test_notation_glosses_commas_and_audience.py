"""Notation on text as other writers write it: an IU figure glossing a metric dose, "OD" for once
daily, a decimal comma, and the audience read from a page's own evidence (a professional-use
notice naming who may use it, a monograph's dosing lines). Each class in several writers' styles
(a supplement label, a nutrient table, a pharmacy Q&A, an Indian hospital blog, a UK discharge
letter, a translated leaflet, a drug index, a formulary extract, a patient handout), each with the
text that must stay quiet. The traps a drug reference sets (tablet sizes, imprint and product
codes, prices, pharmacokinetic percentages, dates) stay silent. Every line is written for this test.
"""

from __future__ import annotations

import pytest

from medlint.engine import Options, check_article
from medlint.registry import EXAMPLE_TODAY
from support import article_from_records

NOTATION = frozenset(f"NOT0{i:02d}" for i in range(1, 11))


def page(root, sections, title="Medicine page", select=NOTATION):
    """sections: (heading, kind, [paragraphs])."""
    folder = article_from_records(root, {"title": title}, [
        {"heading": h, "level": 1, "kind": kind, "blocks": [{"paragraph": p} for p in paras]}
        for h, kind, paras in sections])
    result = check_article(folder, Options(today=EXAMPLE_TODAY, select=frozenset(select)))
    assert result.error is None, result.error
    return sorted((f.check, f.excerpt) for f in result.findings)


def one(root, text, kind="supplements", select=NOTATION):
    return page(root, [("How much to take", kind, [text])], select=select)


# ------------------------------------------------------------------ IU glossing a metric dose

@pytest.mark.parametrize("text", [
    # a supplement label
    "Vitamin D3 25 mcg (1,000 IU): take one softgel a day with food.",
    # a pharmacy Q&A
    "For most adults, 25 micrograms (1,000 IU) a day is enough; don't take more than 100 micrograms (4,000 IU) a day.",
    # a nutrient table row, read as a row's text
    "Adults 19 to 70 years: 15 mcg (600 IU) a day, upper limit 100 mcg (4,000 IU).",
    # the IU first, the micrograms in brackets
    "Take 1,000 IU (25 micrograms) of vitamin D a day in winter.",
    # a GP newsletter's "or"
    "Everyone over 5 should take 10 micrograms, or 400 IU, of vitamin D a day.",
])
def test_an_iu_figure_beside_its_metric_equivalent_is_a_gloss(tmp_path, text):
    assert [f for f in one(tmp_path, text) if f[0] == "NOT001"] == []


@pytest.mark.parametrize("text,excerpt", [
    ("Your doctor may prescribe 50,000 IU once a week for 8 weeks.", "IU"),
    ("Take 1000 IU daily with your largest meal.", "IU"),
    ("Vitamin D3 60,000 IU sachet once a week for 8 weeks if your level is low.", "IU"),
    # a gloss does not excuse "U": "10 U" is still read as 100
    ("Inject 10 U (0.1 mL) at bedtime.", "U"),
])
def test_iu_alone_and_u_with_a_gloss_are_flagged(tmp_path, text, excerpt):
    assert ("NOT001", excerpt) in one(tmp_path, text, kind="drug-therapy")


# ------------------------------------------------------------------ OD for once daily

@pytest.mark.parametrize("text", [
    "Tab. Pantoprazole 40 mg OD before breakfast for 4 weeks.",        # an Indian hospital blog
    "Amlodipine 5 mg od, continue as before.",                          # a UK discharge letter
    "Etoricoxib 90 mg OD for 2 weeks, with food.",                      # an orthopaedic clinic page
])
def test_od_in_a_dose_is_flagged(tmp_path, text):
    got = one(tmp_path, text, kind="drug-therapy")
    assert [c for c, e in got if e.lower() == "od"] == ["NOT003"]


@pytest.mark.parametrize("text", [
    "An OD of paracetamol can damage the liver even if you feel well at first.",
    "Take 500 mg of paracetamol; if you think someone has taken an OD, call 111.",
    "The OD clinic runs on Tuesdays; bring your tablets with you.",
])
def test_od_outside_a_dose_is_an_overdose_or_a_name(tmp_path, text):
    assert [f for f in one(tmp_path, text, kind="drug-therapy") if f[0] == "NOT003"] == []


def test_od_is_flagged_on_a_page_for_prescribers_too(tmp_path):
    got = page(tmp_path, [("About", "other", ["For use by registered medical practitioners and pharmacists only."]),
                          ("Dosage", "drug-therapy", ["Adult: Initially, 20 mg PO OD; max 40 mg OD."])])
    assert ("NOT003", "OD") in got and not [f for f in got if f[0] == "NOT008"]


# ------------------------------------------------------------------ decimal commas

@pytest.mark.parametrize("text,number,fix", [
    ("For the syrup of 160 mg/5 ml, a child of 12 kilos takes 5,6 ml each time.", "5,6", "5.6"),   # translated
    ("Bisoprolol 2,5 mg once a day in the morning.", "2,5", "2.5"),
    ("Give 0,5 ml of the drops under the tongue.", "0,5", "0.5"),
    ("Warfarin 1,25 mg on Mondays and Thursdays.", "1,25", "1.25"),
])
def test_a_decimal_comma_in_a_dose_is_flagged(tmp_path, text, number, fix):
    folder = article_from_records(tmp_path, {"title": "Medicine page"}, [
        {"heading": "Dose", "level": 1, "kind": "drug-therapy", "blocks": [{"paragraph": text}]}])
    result = check_article(folder, Options(today=EXAMPLE_TODAY, select=frozenset({"NOT010"})))
    assert [(f.excerpt, f.replacement) for f in result.findings] == [(number, fix)]


@pytest.mark.parametrize("text", [
    "Do not take more than 4,000 mg of paracetamol in 24 hours.",
    "Surgery costs Rs. 2,50,000 to Rs. 4,50,000 depending on the hospital.",
    "Take 1, 2 or 3 tablets as your doctor says, up to 8 tablets a day.",
    "A box of 12 costs €4,50 at most pharmacies.",
    "Children aged 5,6 and 7 years can use the junior strength.",
])
def test_thousands_lists_and_prices_are_no_decimal_comma(tmp_path, text):
    assert one(tmp_path, text, kind="drug-therapy", select={"NOT010"}) == []


# ------------------------------------------------------------------ audience

PRESCRIBER_PAGES = [
    # a drug index with a professional-use notice naming who may use it
    [("Indications and dosage", "drug-therapy", ["Neuropathic pain: Adult: 75 mg PO bid, may increase to 150 mg bid."]),
     ("Disclaimer", "other", ["This information is for use by registered medical practitioners and pharmacists."])],
    # a formulary extract: a population label with the prescriber's register, a dose by creatinine
    # clearance and a labelled maximum, with no notice
    [("Dose", "drug-therapy", ["Adult: Initially 500 mg PO tds, then adjust to response. Max: 3 g daily."]),
     ("Renal", "other", ["CrCl 10-30 mL/min: 500 mg PO bd."])],
    # a hospital pharmacy handbook: route lines and creatinine clearance
    [("Dosing", "drug-therapy", ["IV: 1 g q8h for 5 days.", "Child (1 month-12 years): Usual dose 25 mg/kg PO tds."]),
     ("Kidney function", "other", ["Reduce the dose if creatinine clearance below 30 mL/min."])],
]


@pytest.mark.parametrize("sections", PRESCRIBER_PAGES)
def test_prescription_latin_on_a_page_for_prescribers_is_their_convention(tmp_path, sections):
    assert [f for f in page(tmp_path, sections) if f[0] == "NOT008"] == []


@pytest.mark.parametrize("sections", PRESCRIBER_PAGES)
def test_do_not_use_forms_are_flagged_on_a_page_for_prescribers(tmp_path, sections):
    sections = sections + [("Strengths", "other", ["Tablets 5.0 mg and .5 mg; oral solution 10mg/5ml."])]
    got = {c for c, _ in page(tmp_path, sections)}
    assert {"NOT004", "NOT005", "NOT007"} <= got


@pytest.mark.parametrize("sections", [
    # a patient handout with the same shorthand and no professional evidence
    [("Your tablets", "drug-therapy", ["Adults: take 500 mg tds with food for 5 days."])],
    # one convention alone is not enough
    [("Dose", "drug-therapy", ["Adult: Initially 500 mg PO tds."])],
    # a notice for patients wins over the monograph's lines
    [("About this leaflet", "other", ["This leaflet is information for patients and carers."]),
     ("Dose", "drug-therapy", ["Adult: Initially 500 mg PO tds. Max: 3 g daily."]),
     ("Renal", "other", ["CrCl 10-30 mL/min: 500 mg PO bd."])],
])
def test_prescription_latin_on_a_patient_page_is_flagged(tmp_path, sections):
    assert [f for f in page(tmp_path, sections) if f[0] == "NOT008"]


# ------------------------------------------------------------------ a drug reference's traps

@pytest.mark.parametrize("text", [
    "Round white tablet, 13.00 mm, imprint \"TV 5.0\" on one side.",
    "Product code 10.0-30; pack of 28 tablets.",
    "Pregalin 150 mg cap 10's (Torrent) Rs 238.50",
    "Absorption: bioavailability ≥90%. Excretion: approx. 98% as unchanged drug.",
    "Last revised 12.10.2026; version 2.0.",
    "Price: £4.00 for 16 tablets; 2.50 per strip.",
])
def test_a_drug_references_traps_stay_silent(tmp_path, text):
    got = page(tmp_path, [("Description", "other", [text])], select=NOTATION | {"CLM001"})
    assert got == []


@pytest.mark.parametrize("text,flagged", [
    ("In 2 U.K. studies, 500 mg twice daily worked as well as the higher dose.", False),
    ("Around 10 U.S. states allow pharmacists to prescribe it; the dose is 200 mg once a day.", False),
    ("Take 500 mg of vitamin C; 1 U of insulin covers about 10 g of carbohydrate.", True),
    ("Inject 10 U. Check your sugar two hours later.", True),
])
def test_a_dotted_country_abbreviation_is_no_unit(tmp_path, text, flagged):
    assert bool([f for f in one(tmp_path, text, kind="drug-therapy") if f[0] == "NOT001"]) is flagged


@pytest.mark.parametrize("opening,flagged", [
    ("Dear Dr Okafor, thank you for referring Mr Hale, whom we saw in clinic today.", False),   # a clinic letter to the GP
    ("Dear Colleague, please review the following changes at the next visit.", False),
    ("Dear Mrs Hale, here is a summary of the plan we agreed today.", True),                      # a letter to the patient
])
def test_a_letter_addressed_to_a_doctor_is_for_prescribers(tmp_path, opening, flagged):
    got = page(tmp_path, [("Letter", "other", [opening]),
                          ("Medicines", "drug-therapy", ["Ramipril 2.5 mg bd, increase to 5 mg bd after two weeks."])])
    assert bool([f for f in got if f[0] == "NOT008"]) is flagged
