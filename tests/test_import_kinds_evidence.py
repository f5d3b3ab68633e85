"""Dose-section kinds from evidence (issue 14 item 5), more classes: a dose the text reports
others taking ("Some cyclists take 600 mg of ibuprofen before a sportive. Don't."), a dose
named in a statement of risk ("doses of 3 g daily are linked with liver harm"), a pack
size and a tablet as the subject of what it does ("One capsule lasts all day") tell the
reader to take nothing; a section of them is not a drug section. Pages in several styles."""

from __future__ import annotations

from medlint.importer.decompose import DOSING_KINDS, _default_dose_parser, decompose


def dosing(text: str, markdown: bool = False) -> set[str]:
    _, sections = decompose(text, slug="page", markdown=markdown, parse_doses=_default_dose_parser())
    return {s["heading"] for s in sections if s["heading"] and s["kind"] in DOSING_KINDS}


def test_a_dose_others_take_reported_and_advised_against_is_no_dose_section():
    blog = ("# Fuelling a long ride\n\nWhat to eat and drink on a century ride.\n\n"
            "## Gels\n\nAim for 60 g of carbohydrate an hour from gels or bars.\n\n"
            "## Painkillers on the bike\n\nMany cyclists take 600 mg of ibuprofen at the start of a sportive. "
            "Please don't: it strains the kidneys when you are dehydrated.\n\n"
            "## Recovery\n\nEat a proper meal within two hours.\n")
    assert dosing(blog, markdown=True) == set()
    club = ("Marathon week checklist\nA note from the club's medical volunteers.\nPain relief on race day\n"
            "Some runners swallow 1,000 mg of paracetamol before the gun. There is no need; see the medical tent if you hurt.\n"
            "Kit\nPin your number on the front of your vest.\n")
    assert dosing(club) == set()


def test_a_dose_named_in_a_statement_of_risk_is_no_dose_section():
    formulary = ("NAPROXEN\nFormulary entry for prescribers.\nDOSE\nAdult: 250-500 mg twice daily.\n"
                 "SAFETY NOTES\nHigh-dose naproxen (1 g daily) is associated with a raised risk of stomach bleeding; "
                 "doses of 500 mg daily or less have been linked with a lower risk.\n"
                 "STORAGE\nKeep below 25 degrees.\n")
    assert dosing(formulary) == {"DOSE"}
    review = ("# Paracetamol and the liver\n\nA short evidence summary.\n\n## What the studies found\n\n"
              "Regular use of 4 g daily was associated with raised liver enzymes in a small trial.\n\n"
              "## How to take it\n\nTake 500 mg to 1 g every 4 to 6 hours, no more than 4 g in 24 hours.\n")
    assert dosing(review, markdown=True) == {"How to take it"}


def test_a_pack_size_and_what_a_tablet_does_dose_nothing():
    shop = ("Loratadine 10 mg tablets\nIn stock. Free delivery over £20.\nAbout this product\n"
            "Eases hay fever symptoms for a whole day. One tablet lasts 24 hours and rarely makes you sleepy.\n"
            "Pack size: 30 tablets.\nHow to use\nAdults: take one tablet once a day.\n")
    assert dosing(shop) == {"How to use"}
    listing = ("# Fexofenadine 120 mg\n\nNon-drowsy allergy relief.\n\n## Overview\n\n"
               "Each box of 30 tablets is a month's supply. One tablet works for up to 24 hours.\n\n"
               "## Dosage\n\nAdults and children over 12: one tablet a day.\n")
    assert dosing(listing, markdown=True) == {"Dosage"}


def headings(text: str) -> list[str]:
    _, sections = decompose(text, slug="page", parse_doses=_default_dose_parser())
    return [s["heading"] for s in sections if s["heading"]]


def test_an_indication_line_over_doses_for_each_population_is_part_of_the_dose_section():
    index = ("Gabapentin\nA guide for prescribers in primary care.\nDosage\nPostherpetic neuralgia\n"
             "Adult: 300 mg on day 1, 300 mg twice daily on day 2, then 300 mg three times daily.\n"
             "Restless legs\nAdults: 600 mg once daily in the evening.\n"
             "Dose in kidney disease\nReduce the dose according to kidney function, as in the table below.\n"
             "Side Effects\nDizziness, drowsiness and swollen ankles.\n")
    assert headings(index) == ["Dosage", "Dose in kidney disease", "Side Effects"]
    assert dosing(index) == {"Dosage"}
    formulary = ("CODEINE PHOSPHATE\nThis entry is for prescribers in the county.\nINDICATIONS AND DOSE\nDiarrhoea\n"
                 "• BY MOUTH\n• Adult: 30 mg 3-4 times a day; max. 240 mg per day.\n"
                 "Cough\n• BY MOUTH\n• Child 12-17 years: 15 mg up to 4 times a day.\n"
                 "SIDE-EFFECTS\nConstipation; drowsiness; nausea.\n")
    assert headings(formulary) == ["INDICATIONS AND DOSE", "SIDE-EFFECTS"]
    assert dosing(formulary) == {"INDICATIONS AND DOSE"}


def test_a_heading_under_a_dose_heading_over_prose_stays_a_heading():
    leaflet = ("Taking ibuprofen\nWhat you need to know.\nHow much to take\n"
               "Adults: take 1 or 2 tablets up to 3 times a day.\nIf you are over 65\n"
               "Talk to your pharmacist first, as you may be more likely to get side effects.\n")
    assert "If you are over 65" in headings(leaflet)


def test_a_known_heading_under_a_dose_heading_stays_a_heading():
    shop = ("Zinc 15 mg\nA daily zinc supplement.\nSupplement facts\nServing size: 1 tablet. Zinc (as citrate) 15 mg.\n"
            "Directions\nAdults: take 1 tablet a day with food.\nWarnings\nKeep out of reach of children.\n")
    assert headings(shop) == ["Supplement facts", "Directions", "Warnings"]


def test_making_up_a_solution_is_no_dose():
    leaflet = ("Diarrhoea in adults\nWhat to do at home.\nDrinks\n"
               "Drink plenty. To make rehydration solution, dissolve 1 sachet in 1 litre of drinking water; "
               "keep it in the fridge and use it within a day.\nFood\nEat small, plain meals when you feel like it.\n")
    assert dosing(leaflet) == set()
    clinic = ("# Getting ready for your colonoscopy\n\nRead this a week before.\n\n## The day before\n\n"
              "Mix two tablets of the flavour sachet into a jug of water for the morning.\n\n"
              "## Your bowel prep\n\nDissolve each sachet in 250 ml of water. Drink 1 sachet every 2 hours from 4 pm, 3 sachets in all.\n")
    assert dosing(clinic, markdown=True) == {"Your bowel prep"}
