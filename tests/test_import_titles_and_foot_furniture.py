"""The title and the site's furniture around the article, on pages of sites the importer
was never tuned on: a title the site prints twice (straight under itself, or as the last
part of its breadcrumb), a title under the site's library section ('Health library',
'Medicines A-Z') after the site's name, and a promotional block at the foot after the
last real section ('Care at <Clinic>', '<Department> care' over links, 'Make an
appointment', 'Find a doctor', 'Get the app'). The furniture is kept as chrome (the
preamble, the header, the footer), never the title or a heading; real short headings and
a real last section stay. Every page is written for these tests, each in the manner of
one kind of site, and each keeps its words on a round trip.
"""

from __future__ import annotations

import pytest

from medlint.exporter import export_article, words
from medlint.records.store import load_article
from support import article_from_text, headings, read

# -- the title printed twice --------------------------------------------------------

CHEMIST_REPEAT = """\
Hollybank Chemists
Loratadine tablets
Loratadine tablets
Uses   Dosage   Warnings   Storage
Loratadine is an antihistamine that eases hay fever and itchy rashes.

How to take it
Adults take one 10 mg tablet once a day, with or without food.

Storage
Keep the pack below 25C and out of the sight of children.
"""

CLINIC_CRUMB = """\
Home > Health topics > Plantar fasciitis
Plantar fasciitis
Plantar fasciitis is pain under the heel, worst with the first steps of the morning.

Causes
Long hours standing and sudden increases in running load strain the band under the foot.

Treatment
Stretching the calf, cushioned shoes and rest settle most cases within a year.
"""

HOSPITAL_SLASH_CRUMB = """\
Patients / Conditions / Tennis elbow
Tennis elbow
Overview | Symptoms | Treatment
Tennis elbow is soreness on the outside of the elbow after repeated gripping.

Symptoms
The pain is worse when lifting a kettle or turning a door handle.
"""

LABELLED_CRUMB = """\
You are here: Home > Living well > Keeping your medicines safe
Keeping your medicines safe
Medicines can lose their strength if they are kept somewhere warm or damp.

Where to keep them
A high cupboard in a cool room suits most tablets and liquids.
"""

# -- the title under the site's library section --------------------------------------

HEALTH_LIBRARY = """\
Westmoor Health
Health library
Hives

Overview
Hives are raised itchy welts that come and go over hours.

When to get help
Get urgent help if your lips or tongue swell or you find it hard to breathe.
"""

MEDICINES_A_Z = """\
Parkside Pharmacy Group
Medicines A-Z
Omeprazole capsules
Omeprazole lowers the amount of acid the stomach makes.

How and when to take it
Take one capsule each morning before breakfast, swallowed whole.
"""

CONDITIONS_A_TO_Z = """\
Lindenfield Children's Hospital
Conditions A to Z
Croup in children
Croup is a viral infection that gives young children a barking cough.

Looking after your child
Keep your child calm and upright, and offer plenty of drinks.
"""

# -- the promotional block at the foot ------------------------------------------------

CARE_AT_CLINIC = """\
Shingles
Shingles is a painful band of rash caused by the chickenpox virus waking up again.

When to see a doctor
See a doctor within three days of the rash starting.

Care at Ashcombe Clinic
Our skin specialists see hundreds of people with shingles every year.
Make an appointment
Find a doctor
Related articles
Cold sores
Chickenpox
"""

DEPARTMENT_CARE = """\
Gout
Gout is a sudden, very painful swelling of a joint, often the big toe.

Treatment
Anti-inflammatory painkillers and rest ease a flare within days.

Rheumatology care
Find a rheumatologist
Get the app
Download our app to book visits on the go.
Stay informed
Sign up for health tips delivered to your inbox.
"""

PHARMACY_FOOT = """\
Thrush
Thrush is a common yeast infection that causes itching and a white discharge.

Treatment
A pharmacist can recommend an antifungal cream or a single capsule.

Need help with your medicines?
Ask a pharmacist
Book a medicines review
Find your nearest pharmacy
"""

PAGES = {
    "chemist repeat": (CHEMIST_REPEAT, "Loratadine tablets", ["How to take it", "Storage"]),
    "clinic crumb": (CLINIC_CRUMB, "Plantar fasciitis", ["Causes", "Treatment"]),
    "hospital slash crumb": (HOSPITAL_SLASH_CRUMB, "Tennis elbow", ["Symptoms"]),
    "labelled crumb": (LABELLED_CRUMB, "Keeping your medicines safe", ["Where to keep them"]),
    "health library": (HEALTH_LIBRARY, "Hives", ["Overview", "When to get help"]),
    "medicines a-z": (MEDICINES_A_Z, "Omeprazole capsules", ["How and when to take it"]),
    "conditions a to z": (CONDITIONS_A_TO_Z, "Croup in children", ["Looking after your child"]),
    "care at clinic": (CARE_AT_CLINIC, "Shingles", ["When to see a doctor"]),
    "department care": (DEPARTMENT_CARE, "Gout", ["Treatment"]),
    "pharmacy foot": (PHARMACY_FOOT, "Thrush", ["Treatment"]),
}


@pytest.mark.parametrize("name", sorted(PAGES))
def test_title_and_headings_leave_the_furniture_out(name):
    text, title, heads = PAGES[name]
    meta, sections = read(text)
    assert meta["title"] == title
    assert meta["source"]["title_line"] is True
    assert headings(sections) == heads


@pytest.mark.parametrize("name", sorted(PAGES))
def test_the_furniture_is_kept_as_chrome_and_round_trips(name, tmp_path):
    text = PAGES[name][0]
    meta, _ = read(text)
    kept = [e["text"] for part in ("preamble", "header", "footer") for e in meta.get(part) or []]
    assert kept and all(e["role"] == "chrome" for part in ("preamble", "header", "footer") for e in meta.get(part) or [])
    loaded = load_article(article_from_text(text, tmp_path))
    assert not loaded.violations, loaded.violations[:2]
    assert words(export_article(loaded.article, "text")) == words(text)


def test_the_foot_block_starts_at_its_first_heading():
    meta, sections = read(CARE_AT_CLINIC)
    assert [e["text"] for e in meta["footer"]][:2] == ["Care at Ashcombe Clinic",
                                                       "Our skin specialists see hundreds of people with shingles every year."]
    assert sections[-1]["heading"] == "When to see a doctor"
    assert [b.get("paragraph") for b in sections[-1]["blocks"]] == ["See a doctor within three days of the rash starting."]


# -- silent counterparts: real short headings and a real last section stay -----------

REAL_LAST_SECTIONS = {
    # a real "Make an appointment" section: its sentence is advice, not the site speaking of itself
    "appointment advice": ("""\
Conjunctivitis
Conjunctivitis makes the eye red, gritty and sticky.

Make an appointment
Ring your GP surgery if the redness lasts longer than a week.
""", ["Make an appointment"]),
    # "Self care" over a sentence: a section, not a department's box
    "self care": ("""\
Common cold
A cold is a mild viral infection of the nose and throat.

Self care
Rest, drink plenty of fluids and take paracetamol if you need to.
""", ["Self care"]),
    # a last section of short lines with no foot heading over them
    "short symptom lines": ("""\
Measles
Measles is a highly infectious viral illness.

Symptoms
High temperature
Runny nose
Sore red eyes
""", ["Symptoms"]),
    # a breadcrumb whose last part is not the next line: the title is found as before
    "title after a different crumb": ("""\
Home > Medicines > Painkillers
Ibuprofen
Ibuprofen eases pain and swelling.

Dosage
Adults take 200 mg to 400 mg up to three times a day.
""", ["Dosage"]),
}


@pytest.mark.parametrize("name", sorted(REAL_LAST_SECTIONS))
def test_real_short_headings_and_last_sections_stay(name):
    text, heads = REAL_LAST_SECTIONS[name]
    meta, sections = read(text)
    assert headings(sections) == heads
    assert meta["source"]["title_line"] is True
    assert not meta.get("footer")


def test_a_heading_that_repeats_later_is_not_an_echoed_title():
    text = "Eczema\nEczema makes the skin dry and itchy.\n\nTreatment\nUse an emollient every day.\n\nTreatment\nSteroid creams calm flares.\n"
    meta, sections = read(text)
    assert meta["title"] == "Eczema"
    assert headings(sections) == ["Treatment", "Treatment"]
