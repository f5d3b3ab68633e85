"""Section kinds from the content (issue 14, deliverable 5): a section whose text doses
medicines is a drug section whatever its heading, a section about something else that
names amounts in passing is not, and checks/section-kinds.yaml stays the override.
Pages in several writers' styles (NHS-like, drug handbook, leaflet, magazine, blog)."""

from __future__ import annotations

import pytest

from medlint.importer.decompose import DOSING_KINDS, _default_dose_parser, decompose


def kinds(text: str, markdown: bool = False) -> dict[str, str]:
    _, sections = decompose(text, slug="page", markdown=markdown, parse_doses=_default_dose_parser())
    return {s["heading"]: s["kind"] for s in sections if s["heading"]}


def dosing(text: str, markdown: bool = False) -> set[str]:
    return {h for h, k in kinds(text, markdown).items() if k in DOSING_KINDS}


INTRO = "Heartburn relief\nHeartburn is a burning feeling in the chest that comes after meals in many adults.\n"


def test_heading_straight_over_medicine_subsections_is_a_drug_section():
    text = INTRO + ("Medicines you can buy\nAntacids\nCalcium carbonate 500 mg: chew 2 tablets when symptoms occur, "
                    "no more than 15 in 24 hours.\nAlginates\nSodium alginate liquid: 10 ml after meals and at bedtime.\n"
                    "When to see a doctor\nSee a doctor if it lasts more than 3 weeks.\n")
    assert dosing(text) == {"Medicines you can buy", "Antacids", "Alginates"}


def test_treating_section_over_medicine_subsections_is_a_drug_section():
    text = ("Migraine\nA migraine is a headache with other symptoms that can last for hours.\n"
            "Treating an attack\nTake treatment early in the attack. The doses here are for adults.\n"
            "Painkillers\nIbuprofen 400 mg, repeated after 8 hours if needed, no more than 1,200 mg in 24 hours.\n"
            "Triptans\nSumatriptan 50 mg at the start of the headache; a second dose after 2 hours at the most.\n")
    assert {"Treating an attack", "Painkillers", "Triptans"} <= dosing(text)


def test_treatment_section_over_one_medicine_subsection_keeps_its_kind():
    text = ("# Sciatica\n\n## Treatment\n\nTreatment combines exercise and pain relief.\n\n### Pain relievers\n\n"
            "- Naproxen 500 mg twice daily – NSAID.\n")
    assert kinds(text, markdown=True)["Treatment"] == "treatment"
    assert dosing(text, markdown=True) == {"Pain relievers"}


def test_monograph_dosing_headings_without_an_amount_are_drug_sections():
    text = ("Colchicine\nDrug class: Anti-gout agent\nBrand names: Colcrys\nAdult dosing\n"
            "Gout flare: 1.2 mg at the first sign, then 0.6 mg one hour later.\nPediatric dosing\n"
            "Not established for gout in children.\nMissed dose\nTake it as soon as you remember.\n")
    assert dosing(text) == {"Adult dosing", "Pediatric dosing"}


def test_any_heading_over_a_regimen_is_a_drug_section():
    text = ("# Living with back pain\n\nBack pain is common and usually gets better.\n\n## Key Points\n\n"
            "- Ibuprofen 400 mg three times a day with food, for up to 10 days.\n- Keep moving.\n\n"
            "## Initial Dosing Strategy\n\nStart at a regular dose for a few days.\n\n### Over-the-Counter NSAIDs\n\n"
            "Naproxen sodium 220 mg every 8 to 12 hours, no more than 660 mg in 24 hours.\n")
    assert dosing(text, markdown=True) == {"Key Points", "Initial Dosing Strategy", "Over-the-Counter NSAIDs"}


@pytest.mark.parametrize("heading, line", [
    ("If you take too much", "Taking 1 or 2 extra tablets by accident is unlikely to harm you."),
    ("If you take more Ibuprofen Tablets than you should", "If you have taken more than 6 tablets in 24 hours, go to A&E."),
    ("Warnings", "more than 6 caplets in 24 hours, which is the maximum daily amount"),
    ("2. What you need to know before you take Ibuprofen Tablets", "Do not take them with aspirin at more than 75 mg a day."),
    ("Drug interactions", "Ketoconazole: reduce the dose by 50% in patients taking 5 mg twice daily."),
    ("6. Contents of the pack and other information", "Each tablet contains 70 mg alendronic acid. Packs of 4 tablets."),
    ("Before you give any medicine", "Do not give ibuprofen to a baby who weighs less than 5 kg."),
])
def test_sections_about_something_else_are_not_drug_sections(heading, line):
    text = ("Ibuprofen tablets\nIbuprofen is a painkiller that also brings down a high temperature.\n"
            "How to take it\nTake 1 tablet 3 times a day with food, no more than 3 tablets in 24 hours.\n"
            f"{heading}\n{line}\n")
    found = kinds(text)
    assert found["How to take it"] in DOSING_KINDS
    assert found[heading] not in DOSING_KINDS, (heading, found[heading])


@pytest.mark.parametrize("heading, line", [
    ("Exercise and weight", "Losing 5 to 10 kg over six months helps; eat 500 kcal a day less."),
    ("Eating well", "Adults need about 30 g of fibre a day and no more than 3 portions of fruit a day."),
])
def test_amounts_of_food_and_body_weight_are_not_doses(heading, line):
    text = INTRO + f"{heading}\n{line}\nMedicines\nOmeprazole 20 mg once a day before breakfast for 14 days.\n"
    assert dosing(text) == {"Medicines"}


def test_medicine_class_heading_needs_a_dose_under_it():
    text = ("# Eczema\n\nEczema makes the skin dry and itchy.\n\n## Emollients\n\n"
            "- Adults with widespread eczema often need 250 g to 500 g a week.\n\n"
            "## Antibiotics\n\nInfected eczema sometimes needs an antibiotic from your GP.\n")
    found = kinds(text, markdown=True)
    assert found["Emollients"] in DOSING_KINDS
    assert found["Antibiotics"] not in DOSING_KINDS


def test_a_table_of_doses_makes_a_drug_section():
    text = ("# Hay fever\n\nHay fever is an allergy to pollen.\n\n## At a glance\n\n| Medicine | Dose |\n|---|---|\n"
            "| Cetirizine 10 mg tablets | 1 tablet once a day |\n")
    assert dosing(text, markdown=True) == {"At a glance"}


def test_kind_table_is_the_editors_override():
    """'Dosage forms' is fixed as 'other' in checks/section-kinds.yaml: a strength line
    under it never makes it a drug section."""
    text = ("Amoxicillin\nDrug class: Penicillin antibiotic\nBrand names: Amoxil\nDosage forms\n"
            "Capsules: 250 mg, 500 mg\nOral suspension: 125 mg/5 mL, 250 mg/5 mL, taken three times a day\n"
            "Adult dosing\n500 mg every 8 hours for 5 days.\n")
    assert dosing(text) == {"Adult dosing"}
