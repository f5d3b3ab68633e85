"""Page styles of issue 14's second held-out set, as classes: menus and section trails of
three items or with a cart count or a phone number, rows of buttons (a forum post's
"Reply   Like (3)", a pharmacy's "Print   Email   Refill this prescription", a clinic's
"Book a knee assessment | Call ..."), a forum thread's post headers, and a drug monograph
printing its sections as capitals labels at the start of their paragraphs ("USES: ...").

Every page here is written for these tests, each class in more than one writer's manner.
Each test says what the importer must read and, where it matters, that every word comes
back on export."""

from __future__ import annotations

import pytest

from medlint.exporter import export_article, words
from medlint.importer.decompose import DOSING_KINDS
from medlint.records.store import load_article
from support import article_from_text, headings, names, read, roundtrip_words


def chrome_lines(meta, sections) -> list[str]:
    lines = [e["text"] for key in ("preamble", "header", "footer") for e in meta.get(key, []) if e["role"] == "chrome"]
    return lines + [b["chrome"] for s in sections for b in s["blocks"] if "chrome" in b]



# ---------------------------------------------------------------- menus and section trails

MENU_PAGES = [
    # a shop's menu with a cart count
    ("Greenleaf  |  Vitamins  |  Minerals  |  Offers  |  Basket (2)\n"
     "Iron Bisglycinate 14 mg, 90 Tablets\n"
     "Iron helps make red blood cells. Take one tablet a day with food.\n",
     "Iron Bisglycinate 14 mg, 90 Tablets"),
    # a clinic's menu ending in its phone number
    ("Harbourside Travel Clinic\n"
     "Jabs | Travel Advice | Prices | Contact Us | 0161 496 0022\n"
     "Yellow fever: who needs the vaccine\n"
     "The vaccine is needed for travel to parts of Africa and South America.\n",
     "Yellow fever: who needs the vaccine"),
    # a pharmacy's section trail of three parts joined by bars
    ("Health Topics | Medicines A to Z | Ibuprofen - Famotidine\n"
     "Duexis (ibuprofen and famotidine)\n"
     "This tablet combines a painkiller with a medicine that lowers stomach acid.\n",
     "Duexis (ibuprofen and famotidine)"),
    # a US menu with a toll-free number
    ("Rx Corner · Refills · Store Locator · 1-800-555-0147\n"
     "Metformin ER 500 mg tablets\n"
     "Metformin lowers blood sugar in type 2 diabetes.\n",
     "Metformin ER 500 mg tablets"),
]


@pytest.mark.parametrize("text, title", MENU_PAGES)
def test_a_menu_or_trail_over_the_title_is_chrome_not_the_title(text, title):
    meta, sections = read(text)
    assert meta["title"] == title
    assert text.splitlines()[0] in chrome_lines(meta, sections)


def test_a_short_title_with_a_bar_is_still_the_title():
    # two parts are a title and its site, not a menu
    meta, _ = read("Ibuprofen | Medicines Guide\n\nIbuprofen is a painkiller.\n\nHow to take it\nTake it with food.\n")
    assert meta["title"] == "Ibuprofen | Medicines Guide"


def test_a_menu_item_with_other_digits_makes_no_menu():
    # "Top 10 Tips" is a title's words, not a menu item
    meta, _ = read("Top 10 Tips | Sleep | Stress | Diet\n\nA short page about rest.\n")
    assert meta["title"] == "Top 10 Tips | Sleep | Stress | Diet"


# ---------------------------------------------------------------- rows of buttons

BUTTON_ROWS = [
    "Print this page   Email   Refill this prescription",
    "Reply   Like (3)",
    "Quote | Report this post",
    "Write a review   |   Questions? Chat with us",
    "Book a knee assessment | Call 0113 496 0871",
    "Add to basket   Quantity: 2",
    "Share this page   Print",
    "Community guidelines | Privacy | Cookie settings",
    "About us · Contact · Accessibility statement · Terms of use",
    "Custom Search",
]


@pytest.mark.parametrize("row", BUTTON_ROWS)
def test_a_row_of_buttons_is_chrome_never_a_heading(row):
    text = ("Knee pain after running\n\nWhy it happens\nThe kneecap rubs on the thigh bone.\n"
            f"{row}\nWhat helps\nRest for a few days, then build up slowly.\n")
    meta, sections = read(text)
    assert headings(sections) == ["Why it happens", "What helps"]
    assert row in chrome_lines(meta, sections)


def test_a_sentence_that_names_a_button_is_text():
    text = ("Knee pain after running\n\nWhat helps\nBook a follow-up appointment with your physio in two weeks "
            "if the pain is no better.\nRest for a few days.\n")
    _, sections = read(text)
    assert "Book a follow-up appointment" in sections[0]["blocks"][0]["paragraph"]


# ---------------------------------------------------------------- forum threads

FORUM = """\
Sore Back Support Forum
Home > Forums > Medicines > Thread
Is it safe to take ibuprofen with my blood pressure tablets?
keith_r · 5 days ago
I take ramipril 5 mg once a day and my back has flared up. Can I take ibuprofen as well?
Reply   Like (1)
SallyM · 4 days ago
I was told to stick to paracetamol because of my tablets, but ask your pharmacist.
Reply   Like (3)
PharmacistTom · Verified pharmacist (MPharm) · 4 days ago
Good question, Keith. Ibuprofen can make ramipril work less well and strain the kidneys, so paracetamol is the better choice: two 500 mg tablets up to four times a day, no more than 8 in 24 hours.
Reply   Like (9)
keith_r · yesterday at 18:40
Thanks, I'll stick to paracetamol.
Reply   Like
Posts are members' own views and are not medical advice.
"""


def test_a_forum_thread_has_no_headings_only_posts(tmp_path):
    meta, sections = read(FORUM)
    assert meta["title"] == "Is it safe to take ibuprofen with my blood pressure tablets?"
    assert headings(sections) == []
    chrome = chrome_lines(meta, sections)
    for line in ("keith_r · 5 days ago", "SallyM · 4 days ago", "PharmacistTom · Verified pharmacist (MPharm) · 4 days ago",
                 "keith_r · yesterday at 18:40", "Reply   Like (9)", "Reply   Like"):
        assert line in chrome, line
    got, want = roundtrip_words(FORUM, tmp_path)
    assert got == want


def test_a_line_naming_a_person_and_a_time_in_a_sentence_is_text():
    text = ("Knee pain after running\n\nWhat helps\nAsk Dr Patel · she runs the clinic on Mondays.\n"
            "Rest for a few days.\n")
    _, sections = read(text)
    assert [b for b in sections[0]["blocks"] if "chrome" in b] == []


# ---------------------------------------------------------------- run-in capitals headings

MONOGRAPH = """\
Naproxen 250 MG Tablet
USES: Naproxen relieves pain and swelling from arthritis, sprains and period pain. It is a nonsteroidal anti-inflammatory drug.
HOW TO USE: Take this medication by mouth with a full glass of water. The usual adult dose is 250 mg to 500 mg twice a day; do not take more than 1,000 mg in a day.
Take it with food or milk to avoid an upset stomach.
SIDE EFFECTS: Upset stomach, heartburn and headache may occur. Tell your doctor promptly if they last.
MISSED DOSE: If you miss a dose, take it as soon as you remember. Do not double the dose to catch up.
STORAGE: Store at room temperature away from light and moisture.
IMPORTANT: This summary does not list every side effect. It is not a substitute for advice from your doctor.
"""

SHEET = """\
WARFARIN: YOUR QUESTIONS ANSWERED
Anticoagulation Clinic
WHAT IT DOES: Warfarin slows down how fast your blood clots, so clots are less likely to form.
HOW TO TAKE IT: Take your dose at the same time each evening. Your dose is written in your yellow book.
FOOD AND DRINK: Keep the amount of green leafy vegetables you eat about the same from week to week.
PLEASE NOTE: Bring your yellow book to every appointment.
"""


def test_capitals_labels_over_their_paragraphs_are_the_sections(tmp_path):
    meta, sections = read(MONOGRAPH)
    assert meta["title"] == "Naproxen 250 MG Tablet"
    assert headings(sections) == ["USES", "HOW TO USE", "SIDE EFFECTS", "MISSED DOSE", "STORAGE"]
    how = next(s for s in sections if s["heading"] == "HOW TO USE")
    assert how["kind"] in DOSING_KINDS and how["run_in"] == ": "
    assert how["blocks"][0]["paragraph"].startswith("Take this medication by mouth")
    assert len(how["blocks"]) == 2  # the paragraph under the label's line belongs to it
    # the emphasis label stays in the text of the section it closes
    assert any("IMPORTANT:" in (b.get("paragraph") or b.get("disclaimer") or "") for b in sections[-1]["blocks"])
    got, want = roundtrip_words(MONOGRAPH, tmp_path / "a")
    assert got == want
    folder = article_from_text(MONOGRAPH, tmp_path / "b")
    assert "USES: Naproxen relieves" in export_article(load_article(folder).article)


def test_a_leaflet_in_capitals_labels_reads_the_same_way(tmp_path):
    meta, sections = read(SHEET)
    assert headings(sections) == ["WHAT IT DOES", "HOW TO TAKE IT", "FOOD AND DRINK"]
    got, want = roundtrip_words(SHEET, tmp_path)
    assert got == want


@pytest.mark.parametrize("text", [
    # one or two labels are a page's emphasis, not its sections
    "Ibuprofen for back pain\n\nHow to take it\nNOTE: Take ibuprofen with food, and never on an empty stomach.\n"
    "TIP: A heat pack helps the muscles relax while the tablets work.\n",
    # labels over values are a data sheet's lines
    "Amoxicillin 500 mg capsules\n\nDOSE: 500 mg\nFREQUENCY: three times a day\nDURATION: 5 days\nSTRENGTH: 500 mg\n",
])
def test_a_few_labels_or_labels_over_values_are_not_headings(text):
    _, sections = read(text)
    assert all(not s.get("run_in") for s in sections)
    assert not any(h.isupper() for h in headings(sections))


# ---------------------------------------------------------------- bylines: teams, posts, advisers


BODY = "\nWhat it is\nA made-up condition of the middle ear, used in these tests.\nWhat helps\nRest and fluids.\n"


@pytest.mark.parametrize("byline, authors, team", [
    ("Written by our Information and Support Team.", [], "Information and Support Team"),
    ("Content by the Patient Advice and Liaison Service", [], "Patient Advice and Liaison Service"),
    ("By Jane Roe and Sam Lee, Pharmacy Team", ["Jane Roe", "Sam Lee"], None),
    ("Written by Dr A Patel and the Pharmacy Team", ["Dr A Patel"], "Pharmacy Team"),
])
def test_the_and_of_a_teams_name_does_not_split_it(byline, authors, team):
    # a team the byline credits is kept whole, as the page's writer_team: no named author
    meta, _ = read("Grommet ear in adults\n" + byline + BODY)
    assert names(meta.get("authors")) == authors
    assert meta.get("writer_team") == team


@pytest.mark.parametrize("byline, author, date", [
    ("Posted by Callum Reid, Chartered Physiotherapist (MCSP, HCPC) on 14 September 2026", "Callum Reid", "2026-09-14"),
    ("Shared by Priya Nair, pharmacist, on 3 March 2026", "Priya Nair", "2026-03-03"),
    ("Posted on 3 March 2026 by Priya Nair", "Priya Nair", "2026-03-03"),
])
def test_a_blog_post_names_its_writer_and_date(byline, author, date):
    meta, sections = read("Grommet ear in adults\n" + byline + BODY)
    assert names(meta.get("authors")) == [author]
    assert meta["updated"] == date
    assert headings(sections) == ["What it is", "What helps"]


@pytest.mark.parametrize("byline, reviewer", [
    ("Author: Gwen Pike, information officer. Medical adviser: Prof. David Okafor, FRCP, endocrinologist.", "Prof. David Okafor"),
    ("Written by Gwen Pike | Clinical reviewer: Dr. Tom Wren, MRCP", "Dr. Tom Wren"),
    ("Written by Gwen Pike · Specialist editor: Ruth Ade, RGN", "Ruth Ade"),
])
def test_an_adviser_or_clinical_reviewer_is_a_reviewer(byline, reviewer):
    meta, _ = read("Grommet ear in adults\n" + byline + BODY)
    assert names(meta.get("reviewers")) == [reviewer]
    assert names(meta.get("authors")) == ["Gwen Pike"]


MD_KB = """\
# Ear drops: how to use them

> **KB article** EN-114 · **Audience:** patients · **Owner:** Clinical Content (ENT)
> **Author:** Sana Malik, MPharm · **Clinical reviewer:** Dr. Ian Forde, FRCS
> **Last updated:** 2026-09-30 · **Status:** Published

## Using the drops

Lie on your side and put 3 drops into the ear twice a day.
"""


def test_a_markdown_block_quote_of_metadata_is_read(tmp_path):
    meta, sections = read(MD_KB, markdown=True)
    assert names(meta.get("authors")) == ["Sana Malik"] and names(meta.get("reviewers")) == ["Dr. Ian Forde"]
    assert meta["updated"] == "2026-09-30"
    assert headings(sections) == ["Using the drops"]


# ---------------------------------------------------------------- document control, departments, labels

LEAFLET = """\
Eastfield Hospitals NHS Foundation Trust
Parent and carer information
Croup: looking after your child
Paediatric Assessment Unit Department
Leaflet ref: PAU-022  Version 2  Published: May 2026  Review due: May 2028
What croup is
Croup is a viral infection that makes the windpipe swell, giving a barking cough.
When to get help
Call 999 if your child is struggling to breathe.
"""


def test_a_department_under_the_title_writes_the_leaflet(tmp_path):
    meta, sections = read(LEAFLET)
    assert meta["title"] == "Croup: looking after your child"
    assert names(meta.get("authors")) == ["Paediatric Assessment Unit Department"]
    # published, and due for review (REV004 reads the due date from the line itself)
    assert meta["updated"] == "2026-05-01" and "last_reviewed" not in meta
    assert [e["role"] for e in meta["header"]] == ["byline", "published"]
    assert headings(sections) == ["What croup is", "When to get help"]
    got, want = roundtrip_words(LEAFLET, tmp_path)
    assert got == want


def test_a_department_is_not_the_writer_before_the_title_or_beside_a_byline():
    before = LEAFLET.replace("Paediatric Assessment Unit Department\n", "").replace(
        "Parent and carer information\n", "Parent and carer information\nChildren's Pharmacy Department\n")
    meta, _ = read(before)
    assert meta["title"] == "Croup: looking after your child" and "authors" not in meta
    named = LEAFLET.replace("Leaflet ref:", "Written by Dr Ola Reid, consultant paediatrician\nLeaflet ref:")
    meta, _ = read(named)
    assert names(meta.get("authors")) == ["Dr Ola Reid"]


@pytest.mark.parametrize("line", ["Information last revised March 2024. Copyright(c) 2024 Drug Data Ltd.",
                                  "Content last updated: June 2025"])
def test_a_month_only_revision_line_dates_the_page(line):
    meta, _ = read("Grommet ear in adults\n" + BODY + line + "\n")
    assert meta["updated"][:7] in ("2024-03", "2025-06")


@pytest.mark.parametrize("control", ["Leaflet number: ENT-014", "Version 3", "© 2025 Northfield Hospital"])
def test_a_review_date_under_document_control_is_the_next_review(control):
    meta, _ = read("Grommet ear in adults\n" + BODY + control + "\nReview date: March 2028\n")
    assert meta.get("next_review") == "2028-03-01" and "last_reviewed" not in meta


def test_a_review_date_with_no_control_is_still_the_last_review():
    meta, _ = read("Grommet ear in adults\n" + BODY + "Review date: 3 March 2024\n")
    assert meta.get("last_reviewed") == "2024-03-03" and "next_review" not in meta


# ---------------------------------------------------------------- kinds

@pytest.mark.parametrize("heading, composition", [
    ("What form(s) does this medication come in?", "Round pink tablets with 200 mg ibuprofen and 12.8 mg codeine phosphate in each."),
    ("What does it come in?", "It comes as 5 mg and 10 mg tablets, and as a liquid with 5 mg in 5 ml."),
    ("What strengths are available?", "It comes as 5 mg and 10 mg tablets, and as a liquid with 5 mg in 5 ml."),
])
def test_what_a_medicine_comes_as_is_not_its_dose_section(heading, composition):
    text = (f"Co-codamol 8/500 (codeine and paracetamol)\n\n{heading}\n{composition}\n"
            "How should I use this medication?\nTake 1 or 2 tablets every 4 to 6 hours, no more than 8 in 24 hours.\n")
    _, sections = read(text)
    kinds = {s["heading"]: s["kind"] for s in sections if s["heading"]}
    assert kinds[heading] not in DOSING_KINDS
    assert kinds["How should I use this medication?"] in DOSING_KINDS


@pytest.mark.parametrize("heading", ["Breakthrough pain", "Rescue medicines", "For breakthrough pain"])
def test_a_plans_breakthrough_or_rescue_section_is_a_dose_section(heading):
    text = (f"Your morphine plan\n\nYour plan\nTake Zomorph 30 mg twice a day.\n{heading}\n"
            "You can still use Oramorph on bad days, but try to use it less each week.\n")
    _, sections = read(text)
    assert {s["heading"]: s["kind"] for s in sections if s["heading"]}[heading] in DOSING_KINDS


@pytest.mark.parametrize("heading", ["Contact us", "Accessibility", "Privacy"])
def test_a_footer_links_word_alone_can_head_a_section(heading):
    text = ("Knee pain after running\n\nWhy it happens\nThe kneecap rubs on the thigh bone.\n"
            f"{heading}\nRing the clinic on weekdays between 9 and 5 to talk to a physiotherapist.\n")
    _, sections = read(text)
    assert headings(sections) == ["Why it happens", heading]


# ---------------------------------------------------------------- a drug reference's tabs, a health portal's badges

DRUG_REFERENCE = """\
Home  ›  Medicines A to Z  ›  Famotidine
Famotidine
Generic name: famotidine
Brand names: Pepcid
Clinically reviewed by Sara Oduya, PharmD. Last updated on Jan 9, 2026.
Uses | Warnings | Dosage | Side effects | Interactions | FAQ
What is famotidine?
Famotidine lowers the amount of acid the stomach makes.
Warnings
Tell your doctor if you have kidney disease.
Famotidine dosing information
Usual Adult Dose for Heartburn: 10 mg to 20 mg up to twice a day. Do not take more than 40 mg in 24 hours.
Related medical questions
Printable version | Email page | Feedback
"""

HEALTH_PORTAL = """\
Wellbeing Hub  Conditions  Medicines  Symptom checker  Log in
Chilblains
Peer reviewed by Dr Ruth Okon, FRCGP | Last updated by Dr Ben Aldous, MRCGP | Last updated 9 Feb 2026
Meets the Hub's editorial guidelines
In this series: Cold hands   Raynaud's phenomenon   Frostbite
Chilblains are small, itchy swellings on the toes or fingers after cold.
What helps
Keep your feet warm and dry, and avoid heating them up quickly.
Read next
Continue reading below
Next review due: 8 Feb 2029
"""


def test_a_drug_references_tab_bar_is_chrome_and_its_questions_stay_sections(tmp_path):
    meta, sections = read(DRUG_REFERENCE)
    assert meta["title"] == "Famotidine"
    assert names(meta.get("reviewers")) == ["Sara Oduya"] and meta["updated"] == "2026-01-09"
    assert headings(sections)[:3] == ["What is famotidine?", "Warnings", "Famotidine dosing information"]
    assert "Uses | Warnings | Dosage | Side effects | Interactions | FAQ" in chrome_lines(meta, sections)
    assert all(s["kind"] != "faq" for s in sections)
    got, want = roundtrip_words(DRUG_REFERENCE, tmp_path)
    assert got == want


def test_a_bare_pipe_table_is_not_a_tab_bar():
    text = ("Pain relief doses\n\nAdults\nMedicine | Dose | How often | Most in 24 hours\n"
            "Paracetamol | 1 g | every 4 to 6 hours | 4 g\nIbuprofen | 400 mg | every 8 hours | 1.2 g\n")
    meta, sections = read(text)
    assert "Medicine | Dose | How often | Most in 24 hours" not in chrome_lines(meta, sections)


def test_a_health_portals_badges_and_series_links_are_chrome(tmp_path):
    meta, sections = read(HEALTH_PORTAL)
    assert meta["title"] == "Chilblains"
    assert names(meta.get("reviewers")) == ["Dr Ruth Okon"] and names(meta.get("authors")) == ["Dr Ben Aldous"]
    assert meta["updated"] == "2026-02-09"
    assert headings(sections) == ["What helps"]
    chrome = chrome_lines(meta, sections)
    for line in ("Meets the Hub's editorial guidelines", "In this series: Cold hands   Raynaud's phenomenon   Frostbite",
                 "Read next", "Continue reading below"):
        assert line in chrome, line
    got, want = roundtrip_words(HEALTH_PORTAL, tmp_path)
    assert got == want


# ---------------------------------------------------------------- Markdown front matter, staff bylines, foot dates

FRONT_MATTER = """\
---
title: "Looking after a cold sore"
authors:
  - Imogen Hale, MPharm
reviewed_by: Dr Ravi Shah, MRCGP
last_updated: 2026-05-14
next_review: 2028-05-14
tags: [skin, antivirals]
---

# Looking after a cold sore

Cold sores are small blisters caused by a virus.

## Treatment

- Aciclovir 5% cream: apply 5 times a day for 5 days.
"""


def test_markdown_front_matter_is_read_and_kept(tmp_path):
    meta, sections = read(FRONT_MATTER, markdown=True)
    assert meta["title"] == "Looking after a cold sore"
    assert names(meta.get("authors")) == ["Imogen Hale"] and names(meta.get("reviewers")) == ["Dr Ravi Shah"]
    assert meta["updated"] == "2026-05-14"
    assert headings(sections) == ["Treatment"]
    assert [e["text"] for e in meta["preamble"]][0] == "---" and len(meta["preamble"]) == 9
    folder = article_from_text(FRONT_MATTER, tmp_path, markdown=True)
    loaded = load_article(folder)
    assert not loaded.violations
    assert words(export_article(loaded.article, "md"), markup=True) == words(FRONT_MATTER, markup=True)


def test_front_matter_names_the_title_when_no_heading_does():
    text = FRONT_MATTER.replace("# Looking after a cold sore\n\n", "")
    meta, sections = read(text, markdown=True)
    assert meta["title"] == "Looking after a cold sore" and headings(sections) == ["Treatment"]


def test_a_rule_that_is_not_front_matter_stays_a_rule():
    text = "---\n\nSome text that opens the page, with no keys at all.\n\n---\n\n## Treatment\n\nRest.\n"
    meta, sections = read(text, markdown=True)
    assert "preamble" not in meta and headings(sections) == ["Treatment"]


STAFF_PAGE = """\
Advertisement
Sinusitis
By Riverbend Clinic Staff
Request an appointment
Overview
Sinusitis is swelling of the lining of the sinuses, often after a cold.
Treatment
Paracetamol 1 g up to four times a day eases the pain; no more than 4 g in 24 hours.
By Riverbend Clinic Staff
Jan. 22, 2026
Show references
Print
"""


def test_a_short_title_over_a_byline_is_the_title_and_the_foot_date_dates_it():
    meta, sections = read(STAFF_PAGE)
    assert meta["title"] == "Sinusitis"
    assert meta["updated"] == "2026-01-22"
    assert headings(sections) == ["Overview", "Treatment"]


def test_a_bare_date_in_the_body_is_never_a_heading():
    text = ("Sinusitis\n\nOverview\nSinusitis is swelling of the sinuses.\nBy the Riverbend Clinic Staff\n"
            "3 March 2026\nTreatment\nRest and fluids.\n")
    meta, sections = read(text)
    assert headings(sections) == ["Overview", "Treatment"]
    assert "3 March 2026" in [b["chrome"] for s in sections for b in s["blocks"] if "chrome" in b]


def test_a_review_label_with_a_date_after_a_dated_line_is_the_next_review():
    text = ("Starting apixaban\nAuthor: Anticoagulation Pharmacist | Approved by: Medicines Safety Committee | "
            "Date: 05/2024 | Review: 05/2027\nWhat is apixaban?\nAn anticoagulant.\n")
    meta, _ = read(text)
    assert meta["updated"] == "2024-05-01" and meta.get("next_review") == "2027-05-01" and "last_reviewed" not in meta


# ---------------------------------------------------------------- more byline and date wordings

@pytest.mark.parametrize("line, role, name, credentials", [
    ("Reviewed by our Superintendent Pharmacist, Jo Bell (GPhC 2054321)", "reviewers", "Jo Bell", []),
    ("Posted by Callum Reid (MCSP, HCPC) on 14 September 2026", "authors", "Callum Reid", ["MCSP", "HCPC"]),
    ("Written by Dr. Maria Lopez, DO, FACOFP on September 9, 2024", "authors", "Dr. Maria Lopez", ["DO", "FACOFP"]),
    ("Reviewed by Pharmacist Jane Roe, MPharm", "reviewers", "Jane Roe", ["MPharm"]),
])
def test_a_name_with_its_role_registration_or_bracketed_credentials(line, role, name, credentials):
    meta, _ = read("Grommet ear in adults\n" + line + BODY)
    person = meta[role][0]
    assert person["name"] == name and person["credentials"] == credentials


@pytest.mark.parametrize("line, key, date", [
    ("Written by Dr. Maria Lopez, DO on September 9, 2024", "updated", "2024-09-09"),
    ("Content reviewed: August 2025", "last_reviewed", "2025-08-01"),
    ("Date last reviewed: 4 June 2025", "last_reviewed", "2025-06-04"),
    ("This page was last reviewed on 4 June 2025", "last_reviewed", "2025-06-04"),
    ("This article was last updated on 2 May 2025", "updated", "2025-05-02"),
    ("Date last updated: 12 January 2026", "updated", "2026-01-12"),
])
def test_more_date_wordings_date_the_page(line, key, date):
    meta, sections = read("Grommet ear in adults\n" + BODY + line + "\n")
    assert meta.get(key) == date
    assert headings(sections) == ["What it is", "What helps"]


MD_BOLD_FAQ = """\
Colchicine for gout
===================

*By Dana Kim, PharmD · Reviewed by Luis Ortega, MD · Updated Sep. 13, 2025*

Colchicine treats gout flares.

FAQ
---

**Can I take it with grapefruit juice?**
No. Grapefruit raises colchicine levels.

**How soon does it work?**

Within 24 hours for most people.

**Worth knowing**

Keep the tablets out of reach of children.
"""


def test_bold_questions_under_a_markdown_faq_heading_are_entries(tmp_path):
    meta, sections = read(MD_BOLD_FAQ, markdown=True)
    faq = [e for s in sections for b in s["blocks"] for e in b.get("faq", [])]
    assert [e["question"] for e in faq] == ["**Can I take it with grapefruit juice?**", "**How soon does it work?**"]
    assert faq[1]["answer"] == "Within 24 hours for most people."
    folder = article_from_text(MD_BOLD_FAQ, tmp_path, markdown=True)
    loaded = load_article(folder)
    assert words(export_article(loaded.article, "md"), markup=True) == words(MD_BOLD_FAQ, markup=True)


def test_a_bold_question_outside_an_faq_section_is_text():
    text = "# Colchicine\n\n## How to take it\n\n**What if I miss a dose?**\nTake it when you remember.\n"
    _, sections = read(text, markdown=True)
    assert not any("faq" in b for s in sections for b in s["blocks"])


def test_a_last_reviewed_date_then_by_names_the_reviewer():
    meta, _ = read("Ibuprofen gel for sprains\nLast reviewed: 02/03/2026 by Ana Ruiz, MRPharmS" + BODY)
    assert names(meta.get("reviewers")) == ["Ana Ruiz"] and meta["last_reviewed"] == "2026-03-02"


PHARMACY_MONOGRAPH = """\
Pharmacy  |  Prescriptions  |  Health Advice  |  Stores
Health Advice > Medicines > Antibiotics
Amoxicillin 500 mg capsules
Print this page   Email
Reviewed by our pharmacist team on 4 May 2026
USES: Amoxicillin is a penicillin antibiotic used to treat chest, ear and urinary infections caused by bacteria.
HOW TO TAKE: Take one capsule three times a day, about 8 hours apart, for the number of days on your label.
Finish the course even if you feel better.
WARNINGS: Do not take amoxicillin if you have ever had a reaction to penicillin.
NOTE: This leaflet does not replace the one in your pack.
STORAGE: Keep below 25 °C in the original pack.
Related: Antibiotics | Penicillin allergy
"""


def test_an_emphasis_label_among_run_in_headings_is_text_not_a_table_row(tmp_path):
    meta, sections = read(PHARMACY_MONOGRAPH)
    assert headings(sections) == ["USES", "HOW TO TAKE", "WARNINGS", "STORAGE"]
    assert not any("table" in b for s in sections for b in s["blocks"])
    warnings = next(s for s in sections if s["heading"] == "WARNINGS")
    assert warnings["blocks"][-1] == {"paragraph": "NOTE: This leaflet does not replace the one in your pack."}
    assert meta["last_reviewed"] == "2026-05-04"  # a team reviewed it, on a date
    assert "Related: Antibiotics | Penicillin allergy" in chrome_lines(meta, sections)
    got, want = roundtrip_words(PHARMACY_MONOGRAPH, tmp_path)
    assert got == want


def test_a_run_of_spaces_before_a_credential_does_not_split_the_name():
    meta, _ = read("Grommet ear in adults\nBy Dr Jane Roe  MRCGP" + BODY)
    assert meta["authors"][0] == {"name": "Dr Jane Roe", "credentials": ["MRCGP"]}


@pytest.mark.parametrize("widget", [
    "Updated 3 days ago", "Listen", "Save for later", "Sponsored", "Rate this article", "Listen to this article (4:12)",
    "Save article", "Text size A A A", "Report a problem with this page", "Helpful? Yes | No", "Add to favourites",
    "Follow", "Watch video", "Play video (2:31)", "Continue below", "Find a pharmacy near you",
    "Order repeat prescription", "Sign up for free", "Last edited 2 days ago", "Page 1 of 2", "Next page",
    "Photo: iStock", "Image credit: Getty Images", "(Photo by Kim Ode)", "Illustration by Sam Lee",
    "Image: A pharmacist checks a prescription.", "Jump to: Causes | Treatment | Outlook",
    "Story continues below advertisement", "Most read", "Cookie settings", "Reject all", "✓ Medically reviewed · Fact checked",
])
def test_a_pages_reading_tools_ads_and_pagers_are_never_headings(widget):
    text = f"Knee pain\n\nWhy it happens\nThe kneecap rubs on the bone.\n{widget}\nWhat helps\nRest for a few days.\n"
    meta, sections = read(text)
    assert headings(sections) == ["Why it happens", "What helps"]
    assert widget in chrome_lines(meta, sections)


@pytest.mark.parametrize("heading", ["Follow-up", "Sponsorship", "Listening to your body", "Saving money on prescriptions",
                                     "Next steps", "Finding a pharmacy", "Text messages from the clinic", "Key takeaways",
                                     "Accepting the diagnosis", "Image-guided injections", "Most people recover"])
def test_headings_that_share_a_widgets_words_stay_headings(heading):
    text = f"Knee pain\n\nWhy it happens\nThe kneecap rubs on the bone.\n{heading}\nWe explain what happens next at the clinic.\n"
    _, sections = read(text)
    assert headings(sections) == ["Why it happens", heading]
