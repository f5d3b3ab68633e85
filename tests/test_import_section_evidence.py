"""Headings, dose sections and FAQ entries read from what the text shows.

A heading introduces text: a run of bare heading-shaped lines with nothing under any of
them is a menu, a promotional block or a credits block. A dose section doses a medicine:
exercise repetitions, what a diet holds, or a treatment overview that only describes are
not dose sections. A Q&A page's questions are FAQ entries, however its letters are
marked. Every page is written for these tests, each in the manner of one kind of site,
and each keeps its words on a round trip.
"""

from __future__ import annotations

import pytest

from medlint.exporter import export_article, words
from medlint.importer.decompose import DOSING_KINDS
from medlint.records.store import load_article
from support import article_from_text, headings, read

# ---------------------------------------------------------------- runs of bare headings

HOSPITAL_PROMO = """\
Plantar fasciitis
Overview
Plantar fasciitis is pain under the heel, worst with the first steps of the morning.
Treatment
Stretching the calf and the sole twice a day helps most people within a few months.
Orthopaedics at Fernhill General
Foot and Ankle Service
Sports Injuries Clinic
Book a Visit
Related Articles
Heel spurs  |  Flat feet  |  Bunions
"""

MAGAZINE_CREDITS = """\
Dry eye: causes and relief
By Nora Quill | Updated 4 April 2025
Dry eye happens when the tears do not keep the surface of the eye wet enough.
Causes
Screens, central heating and some medicines make it worse.
History
Apr 4, 2025
Written By
Nora Quill
Fact Checked By
Imran Sethi
Edited By
Pia Lund
"""

SISTER_PAGES = """\
Member Health Guides
Guide to Gout
Guide to Asthma
Guide to Psoriasis
Guide to Migraine
What is gout?
Gout is a painful arthritis caused by crystals of uric acid in a joint.
Flares
A flare usually settles within a week or two.
"""

RUNS = {
    "hospital-promo": (HOSPITAL_PROMO, ["Overview", "Treatment"]),
    "magazine-credits": (MAGAZINE_CREDITS, ["Causes"]),
    "sister-pages": (SISTER_PAGES, ["What is gout?", "Flares"]),
}


@pytest.mark.parametrize("name", sorted(RUNS))
def test_a_run_of_bare_heading_lines_is_no_heading(name):
    text, heads = RUNS[name]
    _, sections = read(text)
    assert headings(sections) == heads


def test_a_main_heading_over_its_subheading_stays_two_headings():
    page = ("Shin splints\nShin splints are pain along the inner edge of the shin bone.\n"
            "Management and Treatment\nHow are shin splints treated?\nRest from running for two to three weeks.\n")
    _, sections = read(page)
    assert headings(sections) == ["Management and Treatment", "How are shin splints treated?"]


# ---------------------------------------------------------------- dose sections


def dose_sections(text: str) -> set[str]:
    _, sections = read(text)
    return {s["heading"] for s in sections if s["heading"] and s["kind"] in DOSING_KINDS}


def test_exercise_repetitions_with_how_often_are_no_dose():
    page = ("Achilles tendinopathy\nThe Achilles tendon joins the calf to the heel.\n"
            "Home exercises\nStand on a step and lower your heels slowly.\n"
            "Do 3 sets of 12, twice a day, for 12 weeks.\n"
            "Pain relief\nIbuprofen 400 mg three times a day with food can ease a flare for a few days.\n")
    assert dose_sections(page) == {"Pain relief"}


def test_what_a_diet_holds_is_no_dose_in_a_prevention_section():
    page = ("Gallstones\nGallstones are small stones that form in the gallbladder.\n"
            "Preventing gallstones\nKeeping your salt intake below 6 g a day is good for your heart too.\n"
            "Choose a diet with less than 2,000 milligrams of sodium a day.\n"
            "Adults need about 700 mg of calcium a day, from foods such as milk and tofu.\n"
            "Medicines\nUrsodeoxycholic acid 300 mg twice a day may dissolve small stones over months.\n")
    assert dose_sections(page) == {"Medicines"}


def test_a_treatment_overview_that_describes_is_not_the_dose_section():
    page = ("Psoriatic arthritis\nPsoriatic arthritis affects some people with psoriasis.\n"
            "Treatment\nTreatment aims to calm the inflammation and keep the joints working.\n"
            "Anti-inflammatory painkillers\nNaproxen 500 mg twice a day with food eases the pain.\n"
            "Disease-modifying medicines\nMethotrexate 15 mg once a week is a common first choice.\n"
            "Exercise\nSwimming and cycling keep the joints moving.\n")
    assert dose_sections(page) == {"Anti-inflammatory painkillers", "Disease-modifying medicines"}


def test_a_treatment_heading_that_tells_you_to_take_them_is_a_dose_section():
    page = ("Cluster headache\nCluster headaches come in bouts of weeks.\n"
            "Treating a bout\nTake the treatment as soon as an attack starts.\n"
            "Zolmitriptan nasal spray\nOne 5 mg spray into one nostril at the start of an attack, up to 2 sprays a day.\n"
            "Sumatriptan injection\nSumatriptan 6 mg injected under the skin, no more than 2 injections in 24 hours.\n"
            "Living with it\nKeep a diary of your bouts.\n")
    assert "Treating a bout" in dose_sections(page)


# ---------------------------------------------------------------- FAQ entries

NEWSPAPER_LETTERS = """\
Ask the Pharmacist: 'Is it safe to take antihistamines every day?'
Our pharmacist answers your questions on hay fever and travel sickness
Aoife Brennan
Sat 3 May 2025 at 08:00
Q My son is 14 and has hay fever from April to August. He takes cetirizine every morning. Is it all right to take it for months?
A Thanks for writing, Sinead. Yes: cetirizine can be taken every day for the whole season.
If it stops working, a steroid nasal spray can be added.
Q We are going on a ferry in June. What can I give my eight-year-old for sea sickness?
A Hyoscine tablets made for children work well if taken 30 minutes before the crossing.
The advice in this column is general and does not replace your own GP.
"""

CHAIN_QA = """\
Ask the Pharmacist
Summer skin: your questions answered
Our pharmacists hear these questions every summer.
Which sunscreen should I buy?
Choose SPF 30 or higher with a high UVA rating, and use plenty of it.
How do I treat sunburn at home?
Cool the skin with a damp towel and take paracetamol for the pain.
Can I use hydrocortisone cream on my face?
Only for a few days, and not near the eyes unless a doctor has said so.
"""


def faq_entries(sections) -> list[str]:
    return [e["question"] for s in sections for b in s["blocks"] for e in b.get("faq", [])]


def test_reader_letters_marked_with_a_bare_q_and_a_are_faq_entries():
    _, sections = read(NEWSPAPER_LETTERS)
    assert len(faq_entries(sections)) == 2
    assert not {"Aoife Brennan", "Sat 3 May 2025 at 08:00"} & set(headings(sections))  # a byline, a date


def test_a_qa_page_of_question_headings_gives_faq_entries():
    _, sections = read(CHAIN_QA)
    assert faq_entries(sections) == ["Which sunscreen should I buy?", "How do I treat sunburn at home?",
                                     "Can I use hydrocortisone cream on my face?"]


def test_a_leaflet_of_question_headings_keeps_its_sections():
    page = ("Omeprazole capsules\nWhat is omeprazole used for?\nIt lowers the acid the stomach makes.\n"
            "How do I take it?\nTake one 20 mg capsule once a day before breakfast.\n"
            "What if I forget a dose?\nTake it when you remember, unless it is nearly time for the next.\n")
    _, sections = read(page)
    assert headings(sections) == ["What is omeprazole used for?", "How do I take it?", "What if I forget a dose?"]
    assert faq_entries(sections) == []


@pytest.mark.parametrize("text", [HOSPITAL_PROMO, MAGAZINE_CREDITS, SISTER_PAGES, NEWSPAPER_LETTERS, CHAIN_QA])
def test_these_pages_round_trip_word_for_word(text, tmp_path):
    loaded = load_article(article_from_text(text, tmp_path))
    assert not loaded.violations, loaded.violations[:2]
    assert words(export_article(loaded.article, "text")) == words(text)


# ---------------------------------------------------------------- lists and data lines that are no headings

LEAFLET_CONTENTS_NO_BLANKS = """\
Frozen shoulder
Written by Dr Lina Marsh, MRCGP | Last updated 2 May 2025
On this page
What is frozen shoulder?
How long does it last?
Treatment
Frozen shoulder makes the shoulder stiff and painful for months, and then it slowly eases.
What is frozen shoulder?
The capsule around the shoulder joint thickens and tightens.
How long does it last?
Most people recover within one to three years.
Treatment
Painkillers, gentle exercise and sometimes a steroid injection help.
"""


def test_a_contents_list_printed_without_blank_lines_is_no_heading():
    _, sections = read(LEAFLET_CONTENTS_NO_BLANKS)
    assert headings(sections) == ["What is frozen shoulder?", "How long does it last?", "Treatment"]


MEDICINE_PAGE_LABELS = """\
Metoclopramide (oral)
Brand names: Maxolon, Reglan
What is this medicine for?
It stops nausea and vomiting and helps the stomach empty.
How should I take it?
Take one 10 mg tablet up to three times a day, for no more than 5 days.
"""

PRONUNCIATION_LINE = """\
Nortriptyline
Say it like 'nor-TRIP-ti-leen'
Key facts
Nortriptyline is an older antidepressant also used for nerve pain.
Dose
The usual starting dose is 10 mg once a day at night.
"""


@pytest.mark.parametrize("text, heads", [
    (MEDICINE_PAGE_LABELS, ["What is this medicine for?", "How should I take it?"]),
    (PRONUNCIATION_LINE, ["Key facts", "Dose"]),
])
def test_a_label_and_its_value_over_a_heading_is_no_heading(text, heads):
    _, sections = read(text)
    assert headings(sections) == heads


FORMULARY_ROUTES = """\
NAPROXEN
INDICATIONS AND DOSE
Rheumatoid arthritis | Acute gout
▶ BY MOUTH
▶ Adult: 500 mg to 1 g daily in 1 to 2 divided doses
▶ BY RECTUM
▶ Adult: 500 mg once daily, at night
CAUTIONS
Elderly; asthma; heart failure.
"""


def test_a_route_line_marked_like_the_doses_under_it_is_no_heading():
    _, sections = read(FORMULARY_ROUTES)
    assert headings(sections) == ["INDICATIONS AND DOSE", "CAUTIONS"]


NURSING_GUIDE = """\
Tramadol
Available forms
Capsules 50 mg; tablets 100 mg; ER tablets 100, 200 mg
Dosages
ADULTS
50-100 mg PO every 4-6 hr; max 400 mg/day.
OLDER THAN 75 YR
50 mg PO every 6 hr; max 300 mg/day.
Adverse effects
Dizziness, nausea, constipation.
"""


def test_a_dosages_heading_over_its_patient_groups_is_the_dose_section_and_forms_are_not():
    assert dose_sections(NURSING_GUIDE) == {"Dosages", "ADULTS", "OLDER THAN 75 YR"}


@pytest.mark.parametrize("text", [LEAFLET_CONTENTS_NO_BLANKS, MEDICINE_PAGE_LABELS, PRONUNCIATION_LINE,
                                  FORMULARY_ROUTES, NURSING_GUIDE])
def test_these_pages_also_round_trip_word_for_word(text, tmp_path):
    loaded = load_article(article_from_text(text, tmp_path))
    assert not loaded.violations, loaded.violations[:2]
    assert words(export_article(loaded.article, "text")) == words(text)


@pytest.mark.parametrize("page, heads", [
    ("Knee replacement\nThis guide takes you through your stay.\nPart 1: Before your operation\nWhat to bring\nBring your medicines in their boxes.\n",
     ["Part 1: Before your operation", "What to bring"]),
    ("Diabetes at school\nThis page is for school staff.\nLow blood sugar: what to do\nSigns to look for\nShaking, sweating and going pale.\n",
     ["Low blood sugar: what to do", "Signs to look for"]),
])
def test_a_numbered_or_lower_case_label_over_its_subheading_stays_a_heading(page, heads):
    _, sections = read(page)
    assert headings(sections) == heads
