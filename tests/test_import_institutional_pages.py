"""Pages of hospitals, trusts, clinics and practices: the furniture before and around
the title, their byline labels and their dates (issue 14).

Every page here is written for these tests, each in the manner of one kind of
institutional page (US hospital discharge sheet, NHS trust leaflet, paediatric
practice dosing chart, Australian consumer medicine leaflet, Irish hospital
leaflet, clinic blog, telehealth blog, pharmacy handout). Each asserts the title,
the headings, the people and the dates the importer reads. The classes covered:
an organisation/department/breadcrumb/print line before the real title; site
chrome at the foot and inside (newsletter sign-ups, "Related ...:" link lines,
share, tags, back links); byline labels ("Written with:", "Checked by:", "Content
by", "Reviewed <date> by"); "Review date" beside a published date; numeric dates
read in the order the page's own signals give, recorded with their basis.
"""

from __future__ import annotations

import datetime as _dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from medlint.exporter import export_article, words
from medlint.importer.decompose import _default_dose_parser, decompose
from medlint.records.store import load_article
from support import article_from_text, findings_for, headings, names, read


def chrome_lines(meta, sections) -> list[str]:
    lines = [x["text"] for part in ("preamble", "header", "footer") for x in meta.get(part, []) if x["role"] == "chrome"]
    return lines + [b["chrome"] for s in sections for b in s["blocks"] if "chrome" in b]


US_DISCHARGE = """\
Lakeshore Community Hospital
Department of General Surgery
Going home after gallbladder surgery: your discharge instructions
Print this page
Reviewed 02/06/2025 by Dr. Priya Natarajan, MD, FACS

Pain medicine
Take acetaminophen 1,000 mg every 8 hours for the first three days. Do not take more than 3,000 mg in 24 hours.

When to call us
Call (555) 010-4477 if your temperature is above 101 °F, or if the wound turns red or leaks.

Sign up for our Healthy Living e-newsletter
"""

NHS_LEAFLET = """\
Fenwick Teaching Hospitals NHS Foundation Trust
Rheumatology department
Hydroxychloroquine: information for patients
Written with: Dr Helen Okafor, FRCP
Checked by: Ravi Desai, MRPharmS

Why have I been given hydroxychloroquine?
It calms the immune system in conditions such as lupus and rheumatoid arthritis.

Eye checks
You will be offered a yearly eye test after five years of treatment.

Published: 3 October 2022
Review date: 3 October 2025
Leaflet reference: RH-117
"""

PEDIATRIC_CHART = """\
Birchwood Pediatrics | Caring for kids since 1987
Parent resources › Dosing charts
Print this chart
Fever and pain medicines for children: dosing by weight
Content by Alicia Moreno, RN, CPN

Before you give a dose
Check the strength on the box every time and use the syringe that came with it.

Children's ibuprofen (100 mg per 5 mL)
Children who weigh 24 to 35 lbs: 5 mL every 6 to 8 hours.

Related charts: Acetaminophen · Cetirizine · Diphenhydramine
Last updated 04/03/2025
"""

AU_CMI = """\
Harbourside Community Pharmacy
Consumer medicine information
Sleeplessness relief tablets: what you should know
Prepared by: Grace Whitfield, BPharm

What this medicine is used for
It helps with short-term trouble falling asleep. Ask your pharmacist if you already take paracetamol combinations.

Before you take it
Do not take it for more than ten nights in a row. Ring the Poisons Information Centre on 13 11 26 if too much is taken.

Date of revision: 05/07/2024
"""

IRISH_LEAFLET = """\
St Brigid's University Hospital
Department of Paediatrics
Paracetamol for your child after day surgery
Reviewed by: Dr Ciara Byrne, MRCPCH

How much to give
Follow the dose on the label for your child's age. Call your GP if the fever is above 38.5 °C after 48 hours.

Published: June 2024
Review due: June 2027
"""

CLINIC_BLOG = """\
Northside Family Medicine
Blog › Medication safety
Five questions to ask before you start a new blood pressure pill
Posted on March 3, 2025 by Dana Kessler, PharmD

Why it is for you
Ask what the medicine is meant to do and how you will know it is working.

What to do about side effects
Dizziness in the first week is common. Stand up slowly and tell us if it lasts.

Tags: hypertension, medicines
Share this post
Subscribe to our newsletter for monthly health tips
"""

TELEHEALTH_BLOG = """\
Written by Sam Ortiz, NP | Medically reviewed 2026-02-18 by Dr. Lee Chan, MD
Refilling your asthma inhaler through a video visit

What the clinician will ask
Expect questions on how often you use your reliever inhaler and whether you wake at night.

After the visit
Your prescription goes to the pharmacy you chose.

« Back to all posts
Join our mailing list for new posts
"""

TRUST_DEPARTMENT_FIRST = """\
Maternity Services
Harlow Vale Hospitals NHS Trust
Iron tablets in pregnancy: a guide for women

Why iron matters
Low iron makes you tired and breathless. Your midwife checks your blood at booking.

Published: May 2023 Review date: May 2026
"""

WELLNESS_BLOG = """\
Skip to the navigation
Blog › Virtual care
What a video visit can and cannot do for a sore throat
Medically reviewed on October 25, 2022 by Jordan Blake, M.S., RDN. Our articles are checked by credentialed professionals before we publish them.
4 min read

When a video visit is enough
A clinician can look at your throat on camera and ask about fever and cough.

When you need to be seen in person
Go to urgent care if you cannot swallow your saliva or your neck is swollen.

Print Friendly, PDF & Email
"""

ENT_LEAFLET = """\
Northfield Hospitals NHS Trust
Grommets: going home after the operation
Information for parents and carers
Ear, Nose and Throat (ENT) Department

Pain relief
Give paracetamol for the first day or two if your child is sore.

Swimming
Your child can swim after two weeks, without diving.

Date of issue: 10 March 2023
Next review due: 01/03/2026
"""

PAGES = {
    "wellness-blog": (WELLNESS_BLOG, "What a video visit can and cannot do for a sore throat",
                      ["When a video visit is enough", "When you need to be seen in person"], [], ["Jordan Blake"],
                      {"last_reviewed": "2022-10-25"}),
    "ent-leaflet": (ENT_LEAFLET, "Grommets: going home after the operation", ["Pain relief", "Swimming"], [], [],
                    {"updated": "2023-03-10", "next_review": "2026-03-01"}),
    "us-discharge": (US_DISCHARGE, "Going home after gallbladder surgery: your discharge instructions",
                     ["Pain medicine", "When to call us"], [], ["Dr. Priya Natarajan"],
                     {"last_reviewed": "2025-02-06"}),
    "nhs-leaflet": (NHS_LEAFLET, "Hydroxychloroquine: information for patients",
                    ["Why have I been given hydroxychloroquine?", "Eye checks"], ["Dr Helen Okafor"], ["Ravi Desai"],
                    {"updated": "2022-10-03", "next_review": "2025-10-03"}),
    "pediatric-chart": (PEDIATRIC_CHART, "Fever and pain medicines for children: dosing by weight",
                        ["Before you give a dose", "Children's ibuprofen (100 mg per 5 mL)"], ["Alicia Moreno"], [],
                        {"updated": "2025-04-03"}),
    "au-cmi": (AU_CMI, "Sleeplessness relief tablets: what you should know",
               ["What this medicine is used for", "Before you take it"], ["Grace Whitfield"], [],
               {"updated": "2024-07-05"}),
    "irish-leaflet": (IRISH_LEAFLET, "Paracetamol for your child after day surgery", ["How much to give"], [],
                      ["Dr Ciara Byrne"], {"updated": "2024-06-01", "next_review": "2027-06-01"}),
    "clinic-blog": (CLINIC_BLOG, "Five questions to ask before you start a new blood pressure pill",
                    ["Why it is for you", "What to do about side effects"], ["Dana Kessler"], [],
                    {"updated": "2025-03-03"}),
    "telehealth-blog": (TELEHEALTH_BLOG, "Refilling your asthma inhaler through a video visit",
                        ["What the clinician will ask", "After the visit"], ["Sam Ortiz"], ["Dr. Lee Chan"],
                        {"last_reviewed": "2026-02-18"}),
    "department-first": (TRUST_DEPARTMENT_FIRST, "Iron tablets in pregnancy: a guide for women", ["Why iron matters"],
                         [], [], {"updated": "2023-05-01", "next_review": "2026-05-01"}),
}


@pytest.mark.parametrize("name", sorted(PAGES))
def test_institutional_page_title_headings_people_and_dates(name):
    text, title, heads, authors, reviewers, dates = PAGES[name]
    meta, sections = read(text)
    assert meta["title"] == title
    assert headings(sections) == heads
    assert names(meta.get("authors")) == authors
    assert names(meta.get("reviewers")) == reviewers
    for key, value in dates.items():
        assert meta.get(key) == value, key
    for key in {"updated", "last_reviewed", "next_review"} - set(dates):
        assert key not in meta or key == "updated" and "last_reviewed" in dates, key


@pytest.mark.parametrize("name", sorted(PAGES))
def test_institutional_pages_round_trip_word_for_word(name, tmp_path):
    text = PAGES[name][0]
    loaded = load_article(article_from_text(text, tmp_path))
    assert not loaded.violations, loaded.violations[:2]
    assert words(export_article(loaded.article, "text")) == words(text)


def test_furniture_before_the_title_is_kept_as_chrome():
    meta, _ = read(PEDIATRIC_CHART)
    assert [x["text"] for x in meta["preamble"]] == ["Birchwood Pediatrics | Caring for kids since 1987",
                                                     "Parent resources › Dosing charts", "Print this chart"]
    meta, _ = read(NHS_LEAFLET)
    assert [x["text"] for x in meta["preamble"]] == ["Fenwick Teaching Hospitals NHS Foundation Trust",
                                                     "Rheumatology department"]


@pytest.mark.parametrize("name, lines", [
    ("us-discharge", ["Print this page", "Sign up for our Healthy Living e-newsletter"]),
    ("pediatric-chart", ["Related charts: Acetaminophen · Cetirizine · Diphenhydramine"]),
    ("clinic-blog", ["Tags: hypertension, medicines", "Share this post", "Subscribe to our newsletter for monthly health tips"]),
    ("telehealth-blog", ["« Back to all posts", "Join our mailing list for new posts"]),
    ("nhs-leaflet", ["Leaflet reference: RH-117"]),
])
def test_site_chrome_at_the_foot_is_chrome_not_a_heading(name, lines):
    meta, sections = read(PAGES[name][0])
    found = chrome_lines(meta, sections)
    assert all(line in found for line in lines), found
    assert not set(lines) & set(headings(sections))


def test_chrome_inside_the_body_is_not_a_heading():
    text = ("Ear drops for children: how to give them\n\nWarming the bottle\nHold it in your hand for a few minutes.\n"
            "Sign up to our monthly parenting newsletter\nRelated leaflets: Glue ear · Grommets\n"
            "Lying still\nAsk your child to lie on one side for a minute after the drops.\n")
    meta, sections = read(text)
    assert headings(sections) == ["Warming the bottle", "Lying still"]
    assert chrome_lines(meta, sections) == ["Sign up to our monthly parenting newsletter",
                                            "Related leaflets: Glue ear · Grommets"]


def test_an_organisation_name_over_its_text_is_still_the_title():
    meta, sections = read("Riverside Travel Clinic\n\nWe give travel vaccines and malaria tablets on weekdays, "
                          "without an appointment.\n\nOpening hours\nMonday to Friday, 9 to 5.\n")
    assert meta["title"] == "Riverside Travel Clinic"
    assert headings(sections) == ["Opening hours"]


def test_a_review_date_alone_is_the_last_review():
    meta, _ = read("Grommet ear in adults\n\nWhat it is\nA made-up condition of the middle ear.\n\nReview date: 3 March 2024\n")
    assert meta["last_reviewed"] == "2024-03-03" and "next_review" not in meta


def test_the_next_review_from_a_review_date_line_is_seen_to_have_passed(tmp_path):
    found = findings_for(NHS_LEAFLET, "REV004", tmp_path, today=_dt.date(2026, 11, 24))
    assert len(found) == 1 and "2025-10-03" in found[0].message


# ---------------------------------------------------------------- numeric dates: whose order?

def test_a_us_page_reads_its_numeric_dates_month_first_and_says_why():
    meta, _ = read(US_DISCHARGE)
    note = meta["source"]["numeric_dates"]
    assert note["order"] == "month-first" and note["assumed"] is False
    assert note["dates"] == ["02/06/2025"] and "acetaminophen" in note["basis"]


def test_an_australian_page_reads_its_numeric_dates_day_first():
    meta, _ = read(AU_CMI)
    assert meta["source"]["numeric_dates"]["order"] == "day-first"
    assert meta["updated"] == "2024-07-05"


def test_an_unambiguous_numeric_date_on_the_page_settles_the_order():
    text = ("Grommet ear in adults\nUpdated 03/04/2025\n\nWhat it is\nA made-up condition, first described on "
            "04/23/2019 in a clinic letter, treated with acetaminophen... or paracetamol.\n")
    meta, _ = read(text)
    assert meta["updated"] == "2025-03-04"
    assert meta["source"]["numeric_dates"]["basis"].endswith("04/23/2019")


def test_with_no_signal_the_default_is_assumed_and_recorded():
    meta, _ = read("Grommet ear in adults\nUpdated 03/04/2025\n\nWhat it is\nA made-up condition of the middle ear.\n")
    note = meta["source"]["numeric_dates"]
    assert note == {"order": "day-first", "dates": ["03/04/2025"], "assumed": True, "basis": note["basis"]}
    assert "no signal" in note["basis"]
    assert meta["updated"] == "2025-04-03"


def test_a_page_without_an_ambiguous_numeric_date_records_nothing():
    meta, _ = read("Grommet ear in adults\nUpdated 23/04/2025\n\nWhat it is\nA made-up condition of the middle ear.\n")
    assert "numeric_dates" not in meta["source"] and meta["updated"] == "2025-04-23"


def test_the_recorded_order_loads_back_valid(tmp_path):
    loaded = load_article(article_from_text(US_DISCHARGE, tmp_path))
    assert not loaded.violations
    assert loaded.article.meta["source"]["numeric_dates"]["order"] == "month-first"


def test_markdown_page_with_furniture_over_its_title():
    text = ("Maple Grove Pediatrics\n\nParent resources › Dosing charts\n\n# Ibuprofen for children: dosing by weight\n\n"
            "Content by Alicia Moreno, RN\n\n## Before you give a dose\n\nShake the bottle well.\n")
    meta, sections = decompose(text, slug="page", markdown=True, parse_doses=_default_dose_parser())
    assert meta["title"] == "Ibuprofen for children: dosing by weight"
    assert headings(sections) == ["Before you give a dose"] and names(meta["authors"]) == ["Alicia Moreno"]
    assert [x["text"] for x in meta["preamble"]] == ["Maple Grove Pediatrics", "Parent resources › Dosing charts"]


@settings(max_examples=40, deadline=None)
@given(day=st.integers(1, 12), month=st.integers(1, 12), year=st.integers(2000, 2030),
       signal=st.sampled_from([("Take acetaminophen for the fever.", "month-first"),
                               ("Call 911 if the child is floppy.", "month-first"),
                               ("Give paracetamol for the fever.", "day-first"),
                               ("Ring your GP or NHS 111.", "day-first"),
                               ("Nothing here says where the page is from.", None)]))
def test_an_ambiguous_numeric_date_follows_the_pages_signal(day, month, year, signal):
    sentence, order = signal
    printed = f"{day:02d}/{month:02d}/{year}"
    meta, _ = read(f"Grommet ear in adults\nUpdated {printed}\n\nWhat it is\n{sentence}\n")
    first, second = (month, day) if order == "month-first" else (day, month)
    assert meta["updated"] == f"{year}-{second:02d}-{first:02d}"
    note = meta["source"].get("numeric_dates")
    if day == month:
        assert note is None  # reads the same either way: nothing to record
    else:
        assert note["order"] == (order or "day-first") and note["assumed"] is (order is None)


def test_furniture_at_the_foot_and_labelled_bylines():
    text = ("Grommet ear: what to expect\nReviewed: 18 Feb 2026 by Dr Sam Lee, FRCS\nLeaflet author: Kay Moss, RGN\n\n"
            "What it is\nA made-up condition of the middle ear.\n\nLooking after it\nKeep water out of the ear.\n\n"
            "St Anne's Hospital NHS Foundation Trust\nSwitchboard: 0161 276 1234\nRheumatology department\n")
    meta, sections = read(text)
    assert headings(sections) == ["What it is", "Looking after it"]
    assert names(meta["authors"]) == ["Kay Moss"] and names(meta["reviewers"]) == ["Dr Sam Lee"]
    assert meta["last_reviewed"] == "2026-02-18"
    assert [x["role"] for x in meta["footer"]] == ["chrome"] * 3


@pytest.mark.parametrize("heading", ["Finding Your Way Around the Hospital", "When to go to the Emergency Department",
                                     "Visiting Our Clinic"])
def test_a_heading_about_a_place_is_not_furniture(heading):
    text = (f"Coming in for your day surgery: a guide\n{heading}\nThe main entrance is on Park Road, by the bus stop.\n\n"
            "On the day\nBring your medicines in their boxes.\n")
    meta, sections = read(text)
    assert meta["title"] == "Coming in for your day surgery: a guide"
    assert headings(sections) == [heading, "On the day"]


@pytest.mark.parametrize("line", ["Sign up now to receive our weekly parenting tips", "Printable version",
                                  "Download this chart (PDF, 120 KB)", "Email this page", "Print chart",
                                  "Subscribe to the Lakeside Health newsletter", "Related topics: Fever · Teething"])
def test_chrome_wordings_between_sections(line):
    text = (f"Teething: a guide for parents\n\nSigns of teething\nDribbling and red cheeks are common.\n{line}\n"
            "Soothing sore gums\nLet your baby chew on a cool teething ring.\n")
    meta, sections = read(text)
    assert headings(sections) == ["Signs of teething", "Soothing sore gums"]
    assert chrome_lines(meta, sections) == [line]


def test_a_byline_above_the_title_keeps_its_role_in_the_preamble():
    meta, _ = read(TELEHEALTH_BLOG)
    assert meta["preamble"] == [{"role": "byline", "text": TELEHEALTH_BLOG.splitlines()[0]}]


@pytest.mark.parametrize("line", ["Content by the Maple Grove Pediatrics nursing team",
                                  "Checked by: Pharmacy Medicines Information service"])
def test_a_byline_naming_a_team_is_a_byline_but_names_no_person(line):
    meta, sections = read(f"Teething: a guide for parents\n{line}\n\nSigns of teething\nDribbling and red cheeks are common.\n")
    assert meta["header"] == [{"role": "byline", "text": line}]
    assert headings(sections) == ["Signs of teething"]
    assert "authors" not in meta and "reviewers" not in meta
