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
