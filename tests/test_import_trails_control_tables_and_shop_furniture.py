"""Titles, headings and section kinds on page layouts the importer misread, in styles of
its own (pages written for these tests; none is in the corpus).

- a Markdown page's breadcrumb trail of links over its level-1 title (MkDocs, Hugo);
- a table of document control under the title ('| Written by | ... |'): the header's;
- a leaflet series' name, a numbered job aid, two departments or a county's health
  department over the title: furniture;
- a shop's banners and badges (shipping, prescription status, delivery promise, a
  labelled price), a portal's 'Content provided by:' credit, a 'Tailor this answer'
  widget and a forum's answer headers: chrome, never headings;
- a product listed with its price: a row of a price list, never a heading, and the
  amount before the price is the pack sold, not a dose (no drug section);
- a forum thread of members' answers: the asker's post is no FAQ entry (a column
  answering one reader's letter still holds it);
- a product database's name over the record it shows: furniture, the record the title;
- a page's status banner ('This answer is awaiting clinician sign-off'): chrome.
"""

from __future__ import annotations

import pytest

from medlint.exporter import export_article, words
from medlint.importer.decompose import DOSING_KINDS
from medlint.records.store import load_article
from support import article_from_text, headings, names, read


def dosing(sections) -> list[str]:
    return [s["heading"] for s in sections if s["heading"] and s["kind"] in DOSING_KINDS]


def round_trips(text, tmp_path, markdown=False) -> bool:
    loaded = load_article(article_from_text(text, tmp_path, slug="page", markdown=markdown))
    assert not loaded.violations, loaded.violations[:3]
    return words(export_article(loaded.article, "md" if markdown else "text")) == words(text)


# ---------------------------------------------------------------- a trail of links over the title

MKDOCS_TRAIL = """\
[Harbour View University Hospital · Patient Guides](../index.md) › [Respiratory](index.md) › Spacers

# Using a spacer with your inhaler

A spacer is a plastic tube that makes an inhaler easier to use and helps more of the medicine reach your lungs.

## Cleaning your spacer

Wash it once a month in warm soapy water and let it dry in the air.
"""
HUGO_TRAIL = """\
[Home](/ "Back to the front page") / [Health topics](/topics/) / [Skin](/topics/skin/ "Everything we publish about skin, hair and nails")

# Sunburn: soothing the sting

Most sunburn settles in a few days. Cool the skin and drink plenty of water.

## When to get help

Call your GP if you have blisters over a large area or feel unwell.
"""


@pytest.mark.parametrize("text, title, first", [
    (MKDOCS_TRAIL, "Using a spacer with your inhaler", "Cleaning your spacer"),
    (HUGO_TRAIL, "Sunburn: soothing the sting", "When to get help"),
])
def test_a_markdown_trail_of_links_over_the_title_is_furniture(text, title, first, tmp_path):
    meta, sections = read(text, markdown=True)
    assert meta["title"] == title
    assert headings(sections) == [first]  # the title is no section heading
    assert round_trips(text, tmp_path, markdown=True)


def test_a_markdown_paragraph_with_links_before_the_title_is_not_taken_for_a_trail():
    text = "See [our guide](guide.md) and [the leaflet](leaflet.md) before your appointment.\n\n" \
        "# Preparing for your scan\n\nYou can eat and drink as normal.\n"
    meta, _ = read(text, markdown=True)
    assert meta["title"] != "Preparing for your scan"


# ---------------------------------------------------------------- document control in a table

HANDBOOK_TABLE = """\
# Warfarin: your anticoagulant booklet

| | |
|---|---|
| **Written by** | Nadia Pereira, Anticoagulation Pharmacist |
| **Reviewed by** | Dr Tomas Lindqvist, Consultant Haematologist |
| **Leaflet number** | HAEM-112 |
| **Last reviewed** | 3 February 2025 |

## Why you take warfarin

Warfarin slows down how quickly your blood clots.
"""
WIKI_TABLE = """\
# Hay fever in children

| Author | Priya Chaudhry, Paediatric Nurse |
|---|---|
| Reviewer | Dr Ewan Falconer |
| Published | 12 April 2024 |

## Signs to look for

Sneezing, an itchy runny nose and watery eyes in spring and summer.
"""


@pytest.mark.parametrize("text, author, reviewer, heading", [
    (HANDBOOK_TABLE, "Nadia Pereira", "Dr Tomas Lindqvist", "Why you take warfarin"),
    (WIKI_TABLE, "Priya Chaudhry", "Dr Ewan Falconer", "Signs to look for"),
])
def test_a_document_control_table_under_the_title_is_the_header(text, author, reviewer, heading, tmp_path):
    meta, sections = read(text, markdown=True)
    assert names(meta.get("authors")) == [author]
    assert names(meta.get("reviewers")) == [reviewer]
    assert headings(sections) == [heading]
    assert not any("table" in b for s in sections for b in s["blocks"])
    assert [e["text"] for e in meta["header"]] == [line for line in text.splitlines() if line.startswith("|")]
    assert round_trips(text, tmp_path, markdown=True)


def test_a_dose_table_under_the_title_stays_a_table():
    text = "# Paracetamol doses for adults\n\n| Medicine | Dose |\n|---|---|\n" \
        "| Paracetamol 500 mg | 1 or 2 tablets every 4 to 6 hours, up to 8 in 24 hours |\n" \
        "| Written by | the pharmacy team |\n\n## Taking too much\n\nGet help straight away.\n"
    meta, sections = read(text, markdown=True)
    assert "header" not in meta
    assert any("table" in b for s in sections for b in s["blocks"])


# ---------------------------------------------------------------- a leaflet's furniture over its title

SERIES_AND_DEPARTMENTS = """\
Hollins Children's Hospital
Family Health Info Fact Sheet
Cardiology Department and Pharmacy Department

Giving your child aspirin after heart surgery

Your child's heart doctor has asked you to give a small daily dose of aspirin to stop clots forming.

What dose do I give?
Give the dose on the label once a day with food.
"""
NUMBERED_JOB_AID = """\
Mwanza Region Ministry of Health
Village Health Worker Job Aid No. 4

TREATING MALARIA AT HOME: WHO TO TEST AND WHEN TO REFER

Use this card when you visit a household with a sick child.

1. Test first
Always do a rapid test before you give any malaria medicine.
"""


@pytest.mark.parametrize("text, title, first", [
    (SERIES_AND_DEPARTMENTS, "Giving your child aspirin after heart surgery", "What dose do I give?"),
    (NUMBERED_JOB_AID, "TREATING MALARIA AT HOME: WHO TO TEST AND WHEN TO REFER", "1. Test first"),
])
def test_a_leaflet_series_and_its_issuers_over_the_title_are_furniture(text, title, first, tmp_path):
    meta, sections = read(text)
    assert meta["title"] == title
    assert headings(sections) == [first]
    assert round_trips(text, tmp_path)


# ---------------------------------------------------------------- shop banners, badges and price lines

SUPPLEMENT_SHOP = """\
NORTHWIND NUTRITION
Shop All   Vitamins   Sleep   Immunity   About Us   Rewards
Free US shipping on orders over $40

Magnesium Glycinate Capsules
★★★★★ 4.7 (512 reviews)
$21.99 · 90 capsules · 45-day supply

Suggested use
Adults: take 2 capsules daily with food.
"""
E_PHARMACY = """\
Aushadh Mart | Medicines delivered fast
Home > Medicines > Allergy > Lorafast 10 Tablet
Lorafast 10 Tablet
Strip of 10 tablets
MRP ₹45.00   (₹4.50 per tablet)   Inclusive of all taxes
Add to cart     Get by tomorrow, 8 pm
Prescription not required
Written by Dr. Meera Iyer, MBBS

About Lorafast 10 Tablet
Lorafast 10 Tablet contains loratadine, an antihistamine for hay fever and hives.

How to take it
Take 1 tablet once a day.
"""


@pytest.mark.parametrize("text, title, heads", [
    (SUPPLEMENT_SHOP, "Magnesium Glycinate Capsules", ["Suggested use"]),
    (E_PHARMACY, "Lorafast 10 Tablet", ["About Lorafast 10 Tablet", "How to take it"]),
])
def test_a_shops_banners_and_badges_are_chrome(text, title, heads, tmp_path):
    meta, sections = read(text)
    assert meta["title"] == title
    assert headings(sections) == heads
    assert dosing(sections) == heads[-1:]
    assert round_trips(text, tmp_path)


PORTAL_CREDIT = """\
CareLink Portal
Home > Nutrition > Iron
Iron-rich eating in pregnancy
Anaemia | Pregnancy | Healthy eating
Content provided by: Dietetics Department, Westmere General Hospital
Last updated on 4 Jun 2025

Why iron matters
Your body needs more iron while you are pregnant.
"""
ANSWER_WIDGET = """\
AskRx  |  Plain answers about medicines
Topics   Ask a question   How we answer   Sign in
How long does a cold sore cream take to work?
Information supplied by the AskRx pharmacist panel
Tailor this answer
I am a:  Patient  |  Pharmacist  |  Student

Short answer
Most people notice the tingling ease within a day or two.
"""


@pytest.mark.parametrize("text, title, heads", [
    (PORTAL_CREDIT, "Iron-rich eating in pregnancy", ["Why iron matters"]),
    (ANSWER_WIDGET, "How long does a cold sore cream take to work?", ["Short answer"]),
])
def test_a_portals_credit_line_and_a_tailoring_widget_are_no_headings(text, title, heads, tmp_path):
    meta, sections = read(text)
    assert meta["title"] == title
    assert headings(sections) == heads
    assert not meta.get("authors")  # a department or a panel is no author named
    assert round_trips(text, tmp_path)


FORUM_VOTES = """\
PillTalk Forum › Pain relief
Can I take ibuprofen with my blood pressure tablets?
Asked by margo_b · 2 days ago

My GP put me on ramipril last month. My knee is sore. Is ibuprofen OK?

Answer from kev_1970 · 6 votes
I take them together all the time, never had a problem.

✔ Verified pharmacist answer
Answer from Sunita Rao, MPharm · 22 votes · Best answer
Ibuprofen can raise blood pressure and, with ramipril, strain the kidneys. Try paracetamol first and ask your pharmacist.
"""
FORUM_LIKES = """\
Mums Talk Health › Baby health › Teething
Teething gel for a 4 month old?
Asked by new_mum_jo · 5 hours ago

My daughter is 4 months old and chewing everything. Is it safe to use teething gel on a baby this young?

Reply from nurse_kim | 14 likes
Most teething gels are not for babies under 4 months; check the box and ask your pharmacist.

Reply from daddy_dave | 2 likes
We used a cold teething ring instead.
"""


@pytest.mark.parametrize("text", [FORUM_VOTES, FORUM_LIKES])
def test_a_forums_answer_headers_are_no_headings(text, tmp_path):
    _, sections = read(text)
    assert headings(sections) == []
    assert round_trips(text, tmp_path)


BRAND_INDEX = """\
Cetirizine
Indications and dosage
Allergic rhinitis, urticaria: adults 10 mg once daily.
Available brands
Alercet 10 mg tab 10's (Cipla) Rs 32.00
Okacet 10 mg tab 10's (Cipla) Rs 18.50
Zyrtec 10 mg tab 10's (UCB) Rs 64.00
Last updated: 2 March 2026
"""
SWISS_PACKS = """\
Apotheke am Markt, Zug
Hay fever tablets: which to choose

Cetirizine
Adults take 10 mg once a day.

Our packs
Cetirizine 10 mg, 10 tablets — CHF 6.90
Loratadine 10 mg, 20 tablets — CHF 9.80 (Pharmacode 1234567)
Fexofenadine 120 mg, 10 tablets — CHF 14.50

When to see a doctor
See a doctor if your eyes are very painful or your sight changes.
"""


@pytest.mark.parametrize("text, heads, doses", [
    (BRAND_INDEX, ["Indications and dosage", "Available brands"], ["Indications and dosage"]),
    (SWISS_PACKS, ["Cetirizine", "Our packs", "When to see a doctor"], ["Cetirizine"]),
])
def test_a_products_price_line_is_a_price_list_row_not_a_heading_or_a_dose(text, heads, doses, tmp_path):
    _, sections = read(text)
    assert headings(sections) == heads
    assert dosing(sections) == doses
    assert round_trips(text, tmp_path)


def test_a_dose_with_a_price_elsewhere_in_its_section_still_doses():
    text = "Travel sickness tablets\n\nHow to take them\nTake 1 tablet 30 minutes before you travel, " \
        "then every 8 hours if needed.\nA pack of 12 costs £3.50 in our shop.\n\nSide effects\nYou may feel sleepy.\n"
    _, sections = read(text)
    assert dosing(sections) == ["How to take them"]


def faq_entries(sections) -> int:
    return sum(len(b.get("faq", [])) for s in sections for b in s["blocks"])


@pytest.mark.parametrize("text", [FORUM_VOTES, FORUM_LIKES])
def test_a_forum_thread_of_members_answers_holds_no_faq_entry(text):
    _, sections = read(text)
    assert faq_entries(sections) == 0  # the asker's post is the thread's question, not a reader's letter


def test_a_column_answering_one_readers_letter_still_holds_it_as_an_faq_entry():
    text = "Ask the Pharmacist\nCan I take hay fever tablets while breastfeeding?\nAsked by Hollie, Leeds\n\n" \
        "My baby is 3 months old and the pollen is awful this year. Which tablets are safe for me?\n\n" \
        "Loratadine is the usual choice while breastfeeding; ask your pharmacist to check it suits you.\n"
    _, sections = read(text)
    assert faq_entries(sections) == 1


# ---------------------------------------------------------------- a database's name over its record; status banners

REGULATOR_DATABASE = """\
Skip to main content
Medicines Authority of Westland  |  Search
Home  >  Medicines  >  Medicines Database
Medicines database: search results
Details for: LORATAB 10
Holder: Westland Generics Ltd   Status: Authorised
Loratab 10 contains loratadine 10 mg, an antihistamine.

Consumer information
Read this leaflet before you start taking the medicine.
"""
PRODUCT_REGISTER = """\
National Health Products Agency
Language: English | Français
Menu > Products > Register
Health product register online search
Product: CALMIDOL 500 TABLETS
Registered 2019. Prescription status: pharmacy medicine.

How to take Calmidol
Adults take 1 or 2 tablets every 4 to 6 hours, no more than 8 in 24 hours.
"""


@pytest.mark.parametrize("text, title", [
    (REGULATOR_DATABASE, "Details for: LORATAB 10"),
    (PRODUCT_REGISTER, "Product: CALMIDOL 500 TABLETS"),
])
def test_a_product_databases_name_over_its_record_is_furniture(text, title, tmp_path):
    meta, _ = read(text)
    assert meta["title"] == title
    assert round_trips(text, tmp_path)


CLINICAL_ANSWER = """\
EvidenceNow  |  Short answers for busy clinicians
Home > Answers > Kidney disease
Which painkillers are safe in kidney disease?
Renal Answers Panel: every answer is checked against the drug labels
For educational use • This answer is awaiting clinician sign-off
Last updated: 2 May 2026

Short answer
Paracetamol is the first choice; avoid NSAIDs.
"""
HEALTH_GUIDE_DRAFT = """\
Lakeside Health Guides
Home > Guides > Children
Fever in babies under 6 months
Updated 9 September 2026
Draft: this guide is pending medical review

When to call 111
Call if your baby is under 3 months and has a temperature of 38C or more.
"""


@pytest.mark.parametrize("text, heads", [
    (CLINICAL_ANSWER, ["Short answer"]),
    (HEALTH_GUIDE_DRAFT, ["When to call 111"]),
])
def test_a_pages_status_banner_is_no_heading(text, heads, tmp_path):
    _, sections = read(text)
    assert headings(sections) == heads
    assert round_trips(text, tmp_path)
