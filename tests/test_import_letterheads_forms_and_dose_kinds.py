"""Which line is the title on pages that print a letterhead, a banner, a dispensing label or a
document number over it, and which sections dose: a section is a dose section when it gives
an amount to take or use (one unit named with an instruction is one), not when it says only
when or how often. Pages written for these tests in several styles: a community pharmacy's
consultation leaflet, a hospital leaflet, a chain pharmacy's bag printout, medicine pages,
a cream leaflet and a clinic handout."""

from __future__ import annotations

from medlint.importer.decompose import DOSING_KINDS, _default_dose_parser, decompose
from support import headings, roundtrip_words


def read(text: str, markdown: bool = False):
    return decompose(text, slug="page", markdown=markdown, parse_doses=_default_dose_parser())


def dosing(text: str, markdown: bool = False) -> set[str]:
    _, sections = read(text, markdown)
    return {s["heading"] for s in sections if s["heading"] and s["kind"] in DOSING_KINDS}



# ---------------------------------------------------------------- banners and document numbers

CONSULTATION_LEAFLET = """\
Mill Street Chemists  ·  NHS Pharmacy First
Patient information after your consultation

Earache in children aged 1 to 17

Leaflet MSC-PF-11  ·  Version 2.0
Written by: Tomasz Nowak MRPharmS, pharmacist
Approved: 3 March 2026  ·  Next review: March 2027

What the pharmacist found
Most earaches get better within 3 days without antibiotics. Earache is often caused by a cold.

Looking after your child
Give them plenty to drink and let them rest. A warm flannel held against the ear can help.
"""

HOSPITAL_LEAFLET = """\
Eastfield Hospitals NHS Foundation Trust
Information for patients following your appointment

Using a spacer with your inhaler

Reference PIL-RES-112  ·  Version 4
Respiratory Nursing Team

Why use a spacer?
A spacer helps more of the medicine from your inhaler reach your lungs, and less stay in your mouth.

Cleaning your spacer
Wash the spacer once a month in warm soapy water and leave it to dry in the air.
"""


def test_a_banner_naming_the_occasion_is_not_the_title_and_the_leaflet_number_is_no_heading():
    meta, sections = read(CONSULTATION_LEAFLET)
    assert meta["title"] == "Earache in children aged 1 to 17"
    assert headings(sections) == ["What the pharmacist found", "Looking after your child"]
    assert [p["text"].strip() for p in meta["preamble"]][-1] == "Patient information after your consultation"
    meta, sections = read(HOSPITAL_LEAFLET)
    assert meta["title"] == "Using a spacer with your inhaler"
    assert "Reference PIL-RES-112  ·  Version 4" not in headings(sections)
    assert headings(sections)[-2:] == ["Why use a spacer?", "Cleaning your spacer"]


def test_a_banner_that_names_the_subject_stays_the_title():
    # a trap: the line names what the leaflet is about, not the occasion it is given on
    text = ("Patient information after knee replacement surgery\n\nThe first weeks at home\n"
            "Most people walk with crutches for 2 to 6 weeks after the operation. Knee surgery recovery takes time.\n"
            "Exercises\nDo the exercises your physiotherapist showed you three times a day after your knee surgery.\n")
    meta, _ = read(text)
    assert meta["title"] == "Patient information after knee replacement surgery"


def test_banner_pages_read_back_word_for_word(tmp_path):
    for n, text in enumerate((CONSULTATION_LEAFLET, HOSPITAL_LEAFLET)):
        got, want = roundtrip_words(text, tmp_path / str(n))
        assert got == want


# ---------------------------------------------------------------- a dispensing label over a leaflet

BAG_PRINTOUT = """\
NORTHGATE PHARMACY STORE 118
88 ELM ST, SPRINGFIELD IL 62701    PH (217) 555-0100
PHARMACIST: M. ALVAREZ, RPH
PATIENT: DENNIS R PARKER        DOB: 07/22/1949
RX# 5521908        DATE FILLED: 10/02/2026
OMEPRAZOLE 20 MG CAPSULE        QTY: 30        REFILLS: 2
DIRECTIONS: TAKE 1 CAPSULE BY MOUTH ONCE DAILY BEFORE BREAKFAST
-----------------------------------------------------------
IMPORTANT NOTE: This sheet is a summary and does not replace the advice of your doctor or pharmacist.
OMEPRAZOLE - ORAL (oh-MEP-ra-zole)
COMMON BRAND NAME(S): Prilosec
USES
Omeprazole lowers the amount of acid your stomach makes. Omeprazole treats heartburn and ulcers.
HOW TO USE
Take this medication by mouth before a meal, usually once a day. Swallow the capsule whole.
SIDE EFFECTS
Headache, stomach pain or diarrhoea may occur with omeprazole.
STORAGE
Store at room temperature away from moisture.
"""


def test_the_leaflets_title_under_a_dispensing_label_is_the_title():
    meta, sections = read(BAG_PRINTOUT)
    assert meta["title"] == "OMEPRAZOLE - ORAL (oh-MEP-ra-zole)"
    assert headings(sections) == ["USES", "HOW TO USE", "SIDE EFFECTS", "STORAGE"]
    assert [p["text"] for p in meta["preamble"]] == ["NORTHGATE PHARMACY STORE 118"]
    # the label's date of birth is the patient's, not the page's date; its pharmacist no byline
    assert "updated" not in meta and "published" not in meta and "last_reviewed" not in meta
    assert not meta.get("authors") and not meta.get("reviewers")
    # the label's directions stay in the body, where the dose checks read them
    label = sections[0]
    assert label["heading"] is None
    texts = [b.get("paragraph", "") for b in label["blocks"]] + [r["text"] for b in label["blocks"] for r in b.get("table", [])]
    assert any("TAKE 1 CAPSULE BY MOUTH ONCE DAILY" in t for t in texts)


def test_a_dispensing_label_page_reads_back_word_for_word(tmp_path):
    got, want = roundtrip_words(BAG_PRINTOUT, tmp_path)
    assert got == want


def test_a_capitals_title_with_a_colon_over_form_fields_stays_the_title():
    # a trap: a discharge sheet's own title reads like a label ('DISCHARGE ADVICE: ...')
    text = ("HARBOUR VIEW HOSPITAL\nDISCHARGE ADVICE: CELLULITIS\nPatient name: ____________   Date: ________\n"
            "YOUR INFECTION\nCellulitis is an infection of the skin.\nYOUR MEDICINES\n"
            "Flucloxacillin 500 mg: take 1 capsule four times a day for 5 more days.\n")
    meta, _ = read(text)
    assert meta["title"] == "DISCHARGE ADVICE: CELLULITIS"


def test_an_organisation_with_only_its_name_over_its_text_is_still_the_title():
    # a trap: a branch number on a line that is the page's only title
    text = ("Oakley Pharmacy #27\nWe are open seven days a week and offer free blood pressure checks.\n"
            "Flu vaccinations\nBook your flu vaccination online or ask at the counter.\n")
    meta, _ = read(text)
    assert meta["title"] == "Oakley Pharmacy #27"


# ---------------------------------------------------------------- dose sections follow their text

def test_when_or_how_often_alone_is_no_dose_section_on_medicine_pages():
    nhs_style = ("Citalopram\nCitalopram is an antidepressant.\nHow and when to take it\n"
                 "Take citalopram once a day. You can take it in the morning or the evening. Swallow the tablets whole.\n"
                 "How much to take\nThe usual dose for adults is 20 mg once a day.\n")
    assert dosing(nhs_style) == {"How much to take"}
    charity = ("Living with epilepsy\nAn information sheet from a support charity.\nTaking your medicine every day\n"
               "- Take your medicine at the same times each day.\n- Use a phone alarm so you do not forget.\n")
    assert dosing(charity) == set()


def test_one_unit_named_with_an_instruction_is_the_amount():
    thyroid = ("Levothyroxine\nLevothyroxine replaces thyroid hormone.\nHow to take it\n"
               "Take your tablet once a day with a glass of water, 30 minutes before breakfast.\n")
    assert dosing(thyroid) == {"How to take it"}
    leaflet = ("# Adapalene gel\n\nA gel for spots.\n\n## How to use the gel\n\n"
               "Apply a pea-sized amount once a day at night to the whole face, not just the spots.\n")
    assert dosing(leaflet, markdown=True) == {"How to use the gel"}
    patch = ("Nicotine patches\nA guide from the stop smoking clinic.\nHow to use it\n"
             "Put on a new patch each morning on clean, hairless skin, and take the old one off.\n")
    assert dosing(patch) == {"How to use it"}


def test_a_plural_or_a_dose_without_a_unit_gives_no_amount():
    # traps: 'the tablets' are the medicine in general, 'your dose' says no amount
    text = ("Metformin\nMetformin lowers blood sugar.\nHow to take metformin\n"
            "Take metformin twice a day with meals. Swallow the tablets whole. If you miss your dose, skip it.\n")
    assert dosing(text) == set()


# ---------------------------------------------------------------- a letterhead's phone line, a dek

PHARMACY_DEPARTMENT_LEAFLET = """\
Kingsmead General Hospital
Pharmacy Department
Tel: 01632 960 555

Your insulin treatment
A guide for adults starting insulin

What is insulin?
Insulin is a hormone that lowers the amount of sugar in your blood.

Storing your insulin
Keep spare pens in the fridge. The pen you are using can stay at room temperature for 4 weeks.
"""


def test_a_phone_line_is_never_the_title_and_a_guide_line_under_the_title_is_its_dek():
    meta, sections = read(PHARMACY_DEPARTMENT_LEAFLET)
    assert meta["title"] == "Your insulin treatment"
    assert [h["text"] for h in meta["header"]] == ["A guide for adults starting insulin"]
    assert headings(sections) == ["What is insulin?", "Storing your insulin"]


def test_a_heading_word_title_over_its_paragraph_is_still_a_section():
    # a trap: 'Side effects' straight over a sentence opens the text, it is no title with a dek
    text = ("Atenolol\n\nSide effects\nMost people have no side effects, but some feel tired or have cold hands.\n"
            "How much to take\nThe usual dose is 50 mg once a day.\n")
    meta, sections = read(text)
    assert meta["title"] == "Atenolol"
    assert headings(sections)[0] == "Side effects"


def test_a_letterhead_leaflet_reads_back_word_for_word(tmp_path):
    got, want = roundtrip_words(PHARMACY_DEPARTMENT_LEAFLET, tmp_path)
    assert got == want


def test_a_dose_a_risk_rises_above_is_no_dose_to_take():
    medicine_page = ("Naproxen\nNaproxen eases joint pain.\nSide effects\n"
                     "Indigestion is more common at doses above 1,000 mg a day. Tell your doctor about black stools.\n"
                     "Who can take it\nMost adults can take naproxen 250 mg twice a day with food.\n")
    assert dosing(medicine_page) == {"Who can take it"}
    magazine = ("# Is paracetamol safe every day?\n\nA look at the evidence.\n\n## The liver risk\n\n"
                "Liver damage has been reported with doses of more than 4 g a day taken for several days.\n\n"
                "## What to take\n\nAdults can take 1 g up to four times in 24 hours.\n")
    assert dosing(magazine, markdown=True) == {"What to take"}
    # a trap: 'doses of 500 mg' with how often is an amount to take
    leaflet = ("Amoxicillin\nAn antibiotic.\nYour course\nTake doses of 500 mg three times a day for 5 days.\n")
    assert dosing(leaflet) == {"Your course"}


# ---------------------------------------------------------------- logos and service names over the title

def test_a_logo_placeholder_and_a_banner_over_the_trusts_name_are_furniture():
    text = ("[Hospital logo]\nPatient Information\n\nNorthmoor Hospitals NHS Trust\n\n"
            "Going home with a urinary catheter\n\nThis leaflet explains how to look after your catheter at home.\n\n"
            "Emptying the bag\nEmpty the leg bag when it is two-thirds full.\n")
    meta, sections = read(text)
    assert meta["title"] == "Going home with a urinary catheter"
    assert headings(sections) == ["Emptying the bag"]


def test_a_service_name_in_the_letterhead_is_not_the_title():
    text = ("NHS\nBrookside Community Pharmacy\nNew Medicine Service\n\nStarting a blood pressure tablet\n\n"
            "Why blood pressure matters\nHigh blood pressure rarely causes symptoms, so a tablet can feel pointless.\n\n"
            "Your first weeks on the tablet\nSome people feel dizzy when they first take a blood pressure tablet.\n")
    meta, sections = read(text)
    assert meta["title"] == "Starting a blood pressure tablet"
    assert "New Medicine Service" in [p["text"] for p in meta["preamble"]]


def test_a_line_under_the_letterhead_that_the_text_is_about_stays_the_title():
    # a trap: straight under the pharmacy's name, the line the text goes on about is the title
    text = ("Brookside Community Pharmacy\nHay Fever Relief\n\nHay fever relief starts with an antihistamine.\n"
            "Choosing a hay fever tablet\nCetirizine and loratadine are non-drowsy hay fever tablets.\n")
    meta, _ = read(text)
    assert meta["title"] == "Hay Fever Relief"


def test_a_count_of_a_household_measure_is_an_amount():
    parenting = ("Coughs in toddlers\nMost coughs clear in three weeks.\nCough syrup doses\n"
                 "Give two teaspoons three times a day with a drink.\n")
    assert dosing(parenting) == {"Cough syrup doses"}
    label = ("Fibre powder\nA bulk-forming laxative.\nHow to take it\nTake 1 scoop stirred into water once a day and drink it straight away.\n")
    assert dosing(label) == {"How to take it"}


def test_a_discharge_sheets_record_lines_leave_its_dates_to_be_read():
    # the patient's record under the title is kept; the discharge date under it is still read
    text = ("Ashgrove Hospital NHS Trust\n\nDISCHARGE SUMMARY\n\nName: Ms Freya Lund\n"
            "Date of birth: 02/03/1961     Hospital number: 7730021\nAdmitted: 10/11/2026     Discharged: 14/11/2026\n\n"
            "Diagnosis\nCellulitis of the left leg.\n")
    meta, _ = read(text)
    assert meta["title"] == "DISCHARGE SUMMARY"
    assert "1961" not in str({k: v for k, v in meta.items() if k in ("updated", "published", "last_reviewed")})
