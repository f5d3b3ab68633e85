"""Dose-section kinds from what a section's text does (issue 14): dosing a medicine (an
amount with how often, how or in what form, or an instruction of how often to use it)
makes a dosing section; naming products, a class of medicines, a procedure's volumes or a
medicine page's facts box does not. Pages in several writers' styles."""

from __future__ import annotations

from medlint.importer.decompose import DOSING_KINDS, _default_dose_parser, decompose


def dosing(text: str, markdown: bool = False) -> set[str]:
    _, sections = decompose(text, slug="page", markdown=markdown, parse_doses=_default_dose_parser())
    return {s["heading"] for s in sections if s["heading"] and s["kind"] in DOSING_KINDS}


def test_a_procedures_saline_volume_doses_nothing():
    physio = ("Frozen shoulder\nA guide for patients with a stiff, painful shoulder.\n"
              "Steroid injection\nAn injection of triamcinolone 40 mg eases pain; most people can have up to three a year.\n"
              "Hydrodilatation\nA radiologist injects a large volume of saline (about 30 mL) into the joint to stretch it.\n")
    assert dosing(physio) == {"Steroid injection"}
    clinic = ("# Your cystoscopy\n\nWhat happens on the day of your test.\n\n## Medicines\n\n"
              "Keep taking amlodipine 5 mg once a day as usual.\n\n### During the test\n\n"
              "The nurse fills your bladder with 200 ml of sterile water through the scope.\n")
    assert dosing(clinic, markdown=True) == {"Medicines"}


def test_a_list_of_medicine_classes_is_not_a_dosing_section():
    magazine = ("# High blood pressure medicines\n\nMost people need more than one medicine.\n\n"
                "## Other medicines for blood pressure\n\n"
                "- **ACE inhibitors** (ramipril, lisinopril): one tablet a day; can cause a dry cough.\n"
                "- **Calcium channel blockers** (amlodipine): can cause ankle swelling.\n"
                "- **Diuretics**: make you pass more urine.\n")
    assert dosing(magazine, markdown=True) == set()
    pharmacy = ("Blood pressure tablets\nThis sheet is for people starting treatment.\nYour medicines\n"
                "Ramipril: one tablet a day, at the same time each day.\nAmlodipine 5 mg once a day.\n")
    assert dosing(pharmacy) == {"Your medicines"}


def test_an_instruction_of_how_often_with_how_much_keeps_a_medicine_heading_a_dosing_section():
    nurse = ("Eczema in children\nEczema is dry, itchy skin that comes and goes.\nSteroid creams\n"
             "Your GP will say which strength to use.\nApply a thin layer twice a day to the red patches only.\n"
             "Protecting the skin\nApply sunscreen every 2 hours on sunny days.\n")
    assert dosing(nurse) == {"Steroid creams"}
    # how often with no amount says only when: no dose section (the corpus ruling of 2026-12-03)
    leaflet = ("# Hydrocortisone cream\n\nA mild steroid for itchy skin.\n\n## How to use it\n\n"
               "1. Wash your hands.\n2. Smooth it gently into the itchy skin once or twice a day.\n")
    assert dosing(leaflet, markdown=True) == set()


def test_a_strength_in_brackets_does_not_hide_the_regimen_after_it():
    text = ("Indigestion\nIndigestion is pain or discomfort in the upper tummy after eating.\nAntacids\n"
            "Calcium carbonate (Rennie, 680 mg): chew 2 tablets when symptoms occur; do not take more than "
            "11 tablets in 24 hours.\nWhen to see a GP\nSee a GP if it keeps coming back.\n")
    assert dosing(text) == {"Antacids"}


def test_a_medicine_pages_key_facts_box_is_not_its_dose_section():
    text = ("Alendronic acid\nAlendronic acid strengthens bones.\nKey facts\n"
            "You take alendronic acid once a week. Calcium 500 mg is usually taken twice a day too.\n"
            "How much to take\nThe usual dose is 70 mg once a week, on the same day each week.\n")
    assert dosing(text) == {"How much to take"}


def kinds(text: str, markdown: bool = False) -> dict[str, str]:
    _, sections = decompose(text, slug="page", markdown=markdown, parse_doses=_default_dose_parser())
    return {s["heading"]: s["kind"] for s in sections if s["heading"]}


def test_consumer_medicine_information_question_headings():
    summary = ("Panadol Osteo\nWhat is Panadol Osteo used for?\nIt relieves the persistent pain of osteoarthritis.\n"
               "What should I know before I use Panadol Osteo?\nDo not use it if you are allergic to paracetamol.\n"
               "What if I am taking other medicines?\nDo not take it with other medicines that contain paracetamol.\n"
               "How do I use Panadol Osteo?\nAdults: take 2 tablets every 6 to 8 hours. Do not take more than 6 tablets in 24 hours.\n"
               "What does Panadol Osteo look like?\nWhite, capsule-shaped tablets in packs of 96 tablets.\n")
    found = kinds(summary)
    assert {h for h, k in found.items() if k in DOSING_KINDS} == {"How do I use Panadol Osteo?"}
    full = ("Somac pantoprazole 20 mg and 40 mg tablets\nWhat Somac is used for\nSomac treats reflux.\n"
            "Before you take Somac\nTell your doctor if you take other medicines, such as warfarin 5 mg daily.\n"
            "Taking other medicines\nWarfarin 5 mg daily may need closer checks.\n"
            "How to take Somac\nThe usual dose is 40 mg once a day for 4 weeks.\n"
            "While you are using Somac\nIf you forget a 40 mg dose, take it when you remember.\n")
    assert dosing(full) == {"How to take Somac"}


def test_an_action_plans_zone_that_doses_a_reliever_is_a_dosing_section():
    text = ("My asthma action plan\nThis plan tells you what to do when your asthma changes.\n"
            "Yellow zone: getting worse\nI take my reliever inhaler 2 to 4 puffs every 4 hours.\n"
            "Red zone: asthma attack\nSit up and take 1 puff of my reliever inhaler every 30 to 60 seconds, up to 10 puffs.\n"
            "My triggers\nPollen, colds and cold air.\n")
    assert dosing(text) == {"Yellow zone: getting worse", "Red zone: asthma attack"}


def test_a_dose_adjusting_heading_over_a_titration_step_doses():
    text = ("# Starting insulin\n\nThis guide is for adults with type 2 diabetes starting insulin.\n\n"
            "## Adjusting your dose\n\nIf your morning reading is above 7 mmol/L for 3 days in a row, increase your dose by 2 units.\n\n"
            "## Storing insulin\n\nKeep spare pens in the fridge.\n")
    assert dosing(text, markdown=True) == {"Adjusting your dose"}
