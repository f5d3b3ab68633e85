"""The top and the foot of a page, as classes (issue 14, items 1 and 3).

Mastheads: a site's name, a publication's name, a service tagline, a row of the site's
links or a sub-page menu printed over the title. The title is the line the page is about:
its words recur in the page's text, it stands after the site's furniture (a breadcrumb, a
search box, a row of links), and a sub-page menu's current item is printed again under
the menu as the page's own title. A masthead shares nothing with the text.

Credits: a byline under a label ('Credits: Written by ...'), a byline whose opening names
what was checked ('Images and data reviewed by ...'), spaced separators ('A  |  Reviewed
by B'), a reviewer's department after the name ('..., MD, Physical Medicine and
Rehabilitation'), an editor who is no writer, a labelled date inside a copyright line,
and a newspaper's byline (the columnist's bare name over the dated issue line).

Every page here is written for these tests, each class in more than one site's manner.
"""

from __future__ import annotations

import pytest

from support import headings, names, read, roundtrip_words



def preamble(meta) -> list[str]:
    return [e["text"].strip() for e in meta.get("preamble", [])]


# ---------------------------------------------------------------- mastheads over the title

MASTHEADS = [
    # a national service: its name, its tagline with its services, a breadcrumb
    ("CareLine Cymru\n"
     "Free health advice, day and night   |   Find a pharmacy   |   Check your symptoms\n"
     "Home > Conditions > Skin\n"
     "Shingles\n"
     "Shingles is a painful rash caused by the chickenpox virus waking up again.\n"
     "Symptoms of shingles\n"
     "Shingles often starts with tingling skin, then a band of blisters on one side of the body.\n"
     "Treating shingles\n"
     "Antiviral tablets work best if shingles is treated within 3 days of the rash appearing.\n",
     "Shingles", "CareLine Cymru"),
    # a drug guide for students: its name, a search box, its sections, the drug in lower case
    ("MedStudy Pocket Pharmacology\n"
     "Type a drug name or class...\n"
     "Drugs A-Z  |  Dose calculators  |  Quizzes  |  Flashcards\n"
     "metformin\n"
     "(met for' min)\n"
     "Therapeutic actions\n"
     "Metformin lowers the glucose made by the liver and helps the body respond to insulin.\n"
     "Adverse effects\n"
     "Metformin commonly upsets the stomach; taking metformin with meals helps.\n",
     "metformin", "MedStudy Pocket Pharmacology"),
    # a local formulary: its name, a chapter trail set out with pipes, the medicine in capitals
    ("Eastvale Area Prescribing Committee Formulary\n"
     "For prescribers  |  Chapter 4: Central nervous system  |  4.7.1 Non-opioid analgesics\n"
     "PARACETAMOL\n"
     "Formulary status: first line\n"
     "INDICATIONS AND DOSE\n"
     "Mild to moderate pain and fever. Paracetamol is given by mouth or rectally.\n"
     "CAUTIONS\n"
     "Paracetamol needs care in people with low body weight or liver disease.\n",
     "PARACETAMOL", "Eastvale Area Prescribing Committee Formulary"),
    # a regional newspaper: its name, its section menu, the section, the headline, the standfirst
    ("The Lakeland Courier\n"
     "News  Sport  Farming  Opinion  Health  Motoring\n"
     "Health\n"
     "Ask the GP: why do my knees ache more when it rains?\n"
     "Our doctor answers your questions on knee pain, cold weather and keeping active\n"
     "Martin Quayle\n"
     "Tue 3 Mar 2026 at 06:30\n"
     "Many readers tell me their knees ache more in wet weather. Knee pain from arthritis can\n"
     "feel worse in the cold, and staying active keeps the knees supple.\n"
     "Why rain makes a knee ache is not settled; changes in air pressure may play a part.\n"
     "A warm bath and gentle exercise ease the ache for most people.\n",
     "Ask the GP: why do my knees ache more when it rains?", "The Lakeland Courier"),
]


MASTHEADS += [
    # a drug information site: its name, its motto on a line of its own, a trail
    ("PillFacts\n"
     "Independent medicines information since 1998\n"
     "Drugs > Antihistamines > Cetirizine\n"
     "Cetirizine tablets\n"
     "Cetirizine is an antihistamine for hay fever and itchy skin rashes such as hives.\n"
     "How to take cetirizine\n"
     "Adults usually take one 10 mg cetirizine tablet a day. Cetirizine tablets can be taken with or without food.\n",
     "Cetirizine tablets", "Independent medicines information since 1998"),
    # a hospital trust: its name, its patient-information series, the leaflet's own title
    ("Moorland Valley NHS Trust\n"
     "Patient information  |  Leaflets A-Z  |  Contact us\n"
     "Caring for your plaster cast\n"
     "Your plaster cast needs a few days to dry fully. Keep the cast dry and raise it on a pillow.\n"
     "When to get help\n"
     "Call the fracture clinic if the cast feels too tight, cracks or rubs.\n",
     "Caring for your plaster cast", "Moorland Valley NHS Trust"),
]
_MASTHEAD_IDS = ["tagline", "drug-guide", "formulary", "newspaper", "motto", "trust"]


@pytest.mark.parametrize("page,title,masthead", MASTHEADS, ids=_MASTHEAD_IDS)
def test_a_masthead_over_the_title_is_the_sites_furniture(page, title, masthead):
    meta, sections = read(page)
    assert meta["title"] == title
    assert masthead in preamble(meta)
    assert masthead not in headings(sections)


def test_a_title_that_names_its_topic_only_once_still_stands(tmp_path):
    # a short page whose title is a question the text answers in other words
    page = ("Which painkiller for a hangover?\n"
            "Paracetamol is gentler on the stomach than ibuprofen after drinking alcohol.\n"
            "Drink water and rest as well.\n")
    meta, _ = read(page)
    assert meta["title"] == "Which painkiller for a hangover?"


MENU_ECHOES = [
    # a health service's medicine page: the medicine, its sub-pages, the current one printed again
    ("National Health Online\n"
     "Medicines A to Z > Omeprazole\n"
     "Omeprazole\n"
     "About omeprazole\n"
     "Who can take omeprazole\n"
     "How and when to take omeprazole\n"
     "Side effects of omeprazole\n"
     "How and when to take omeprazole\n"
     "Take omeprazole once a day before breakfast. Swallow the capsule whole with water.\n"
     "If you forget to take it\n"
     "Take it as soon as you remember, unless it is nearly time for the next dose.\n",
     "How and when to take omeprazole"),
    # a help centre: the list of its section's articles, then the current article again
    ("Harbour Health Plan Help Centre\n"
     "Submit a request   Sign in\n"
     "Help Centre > Your health > Long-term conditions\n"
     "Articles in this section\n"
     "Living with asthma\n"
     "Living with COPD\n"
     "Living with heart failure\n"
     "Living with COPD\n"
     "Member Wellbeing Team\n"
     "Updated 2 months ago\n"
     "What is COPD?\n"
     "COPD is a lung disease that makes it hard to breathe out. Most people with COPD smoked.\n",
     "Living with COPD"),
]


@pytest.mark.parametrize("page,title", MENU_ECHOES, ids=["sub-pages", "help-centre"])
def test_the_menu_item_printed_again_under_the_menu_is_the_title(page, title, tmp_path):
    meta, sections = read(page)
    assert meta["title"] == title
    assert title not in headings(sections)
    got, want = roundtrip_words(page, tmp_path)
    assert got == want


def test_a_contents_list_whose_first_heading_follows_keeps_the_title():
    page = ("Gout\n"
            "Symptoms\n"
            "Causes\n"
            "Treatment\n"
            "Symptoms\n"
            "Gout causes sudden, severe pain in a joint, often the big toe.\n"
            "Causes\n"
            "Gout happens when uric acid builds up and forms crystals in a joint.\n")
    meta, _ = read(page)
    assert meta["title"] == "Gout"


@pytest.mark.parametrize("page,_t,_m", MASTHEADS, ids=_MASTHEAD_IDS)
def test_the_masthead_pages_round_trip(page, _t, _m, tmp_path):
    got, want = roundtrip_words(page, tmp_path)
    assert got == want


# ---------------------------------------------------------------- credits and bylines

def test_a_labelled_credits_line_names_writer_and_reviewer():
    for label in ("Credits", "About this page", "Article information"):
        page = ("Hay fever tablets\n"
                "Antihistamine tablets ease sneezing and itchy eyes.\n"
                "Take one a day when pollen counts are high.\n"
                f"{label}: Written by Mereana Holt, Pharmacist. Reviewed by Dr Ian Pryce, GP. Last reviewed: 3 Feb 2026\n")
        meta, _ = read(page)
        assert names(meta.get("authors")) == ["Mereana Holt"], label
        assert names(meta.get("reviewers")) == ["Dr Ian Pryce"], label
        assert meta["last_reviewed"] == "2026-02-03"


@pytest.mark.parametrize("line,who", [
    ("Pill images and data reviewed by Lena Brandt, PharmD. Last updated on Mar 2, 2026.", "Lena Brandt"),
    ("Drug facts and photos checked by Omar Haddad, RPh. Last updated on Mar 2, 2026.", "Omar Haddad"),
])
def test_a_reviewer_opening_that_names_what_was_checked(line, who):
    page = ("White round pill 54 543\n"
            "This pill is identified as a prescription tablet. Ask your pharmacist if unsure.\n"
            f"{line}\n")
    meta, _ = read(page)
    assert names(meta.get("reviewers")) == [who]
    assert meta["updated"] == "2026-03-02"


@pytest.mark.parametrize("line", [
    "By Kim Tran, BPharm, pharmacist  |  Reviewed by Dr Rhys Okoro, FRACGP  |  4 May 2026",
    "By Kim Tran, BPharm, pharmacist  ·  Reviewed by Dr Rhys Okoro, FRACGP  ·  4 May 2026",
])
def test_spaced_separators_between_statements(line):
    page = ("Ask the Pharmacist: Is magnesium worth taking for cramps?\n"
            f"{line}\n"
            "Night cramps are common, and the evidence for magnesium is weak for most people.\n")
    meta, _ = read(page)
    assert names(meta.get("authors")) == ["Kim Tran"]
    assert names(meta.get("reviewers")) == ["Dr Rhys Okoro"]


@pytest.mark.parametrize("line,role", [
    ("Reviewed by Dr. Priya Nandakumar, MD, Physical Medicine and Rehabilitation.", "Physical Medicine and Rehabilitation"),
    ("Reviewed by Tom Ellery, PharmD, Drug Information and Safety.", "Drug Information and Safety"),
])
def test_a_department_with_and_after_the_reviewer_is_their_role(line, role):
    page = ("Tizanidine\n"
            "Written by Ana Sousa, PharmD, Outpatient Pharmacy. " + line + "\n"
            "Tizanidine relaxes tight muscles. It can make you sleepy.\n")
    meta, _ = read(page)
    assert len(meta["reviewers"]) == 1
    assert meta["reviewers"][0]["role"].endswith(role)


def test_two_reviewers_joined_by_and_stay_two():
    page = ("Tizanidine\n"
            "Reviewed by Dr Ana Sousa, MD and Dr Tom Ellery, PharmD.\n"
            "Tizanidine relaxes tight muscles. It can make you sleepy.\n")
    meta, _ = read(page)
    assert names(meta["reviewers"]) == ["Dr Ana Sousa", "Dr Tom Ellery"]


@pytest.mark.parametrize("foot", [
    "Written by Hana Ito\nEdited by Rob Vance\nMedically reviewed by Dr Sam Oyelaran, MD\n",
    "Written By Hana Ito | Edited By Rob Vance | Medically Reviewed By Dr Sam Oyelaran, MD\n",
])
def test_an_editor_is_no_author_when_the_page_names_its_writer(foot):
    page = ("Shin splints\n"
            "Shin splints cause pain along the inside of the shin bone after running.\n"
            "Rest and ice usually help within a few weeks.\n" + foot)
    meta, _ = read(page)
    assert names(meta.get("authors")) == ["Hana Ito"]
    assert names(meta.get("reviewers")) == ["Dr Sam Oyelaran"]


def test_an_editor_is_the_author_when_no_writer_is_named():
    page = ("Shin splints\n"
            "Last updated by Dr Ben Arlott, MRCGP | Last updated 9 Feb 2026\n"
            "Shin splints cause pain along the inside of the shin bone after running.\n")
    meta, _ = read(page)
    assert names(meta.get("authors")) == ["Dr Ben Arlott"]


@pytest.mark.parametrize("foot,date", [
    ("© PharmaNotes Online. For registered nurses and students; it does not replace clinical judgment. Last updated: 11/04/2023", "2023-11-04"),
    ("© 2025 Wellside Clinics Ltd. All rights reserved. This content does not replace advice from your own doctor. Page last reviewed: 12 March 2025", "2025-03-12"),
])
def test_a_labelled_date_inside_a_copyright_line_dates_the_page(foot, date):
    page = ("Lisinopril\n"
            "Lisinopril lowers blood pressure. Check your kidney function and potassium after starting.\n"
            "Adverse effects\n"
            "Lisinopril can cause a dry cough in some people; tell your prescriber.\n"
            "Take it at the same time each day. Ask your pharmacist about FDA safety alerts.\n"
            + foot + "\n")
    meta, _ = read(page)
    assert (meta.get("last_reviewed") or meta.get("updated")) == date


NEWS_BYLINES = [
    (MASTHEADS[3][0],
     "Martin Quayle", "2026-03-03"),
    ("Ask the pharmacist: can I give my toddler antihistamine for a cold?\n"
     "Siobhan Kerrigan\n"
     "Saturday 14 February 2026, 08:00\n"
     "Antihistamines do not help a cold in children, and some make toddlers drowsy.\n"
     "Saline drops and fluids are the safest help for a blocked nose.\n",
     "Siobhan Kerrigan", "2026-02-14"),
]


@pytest.mark.parametrize("page,author,date", NEWS_BYLINES, ids=["under-standfirst", "under-headline"])
def test_a_columnists_name_over_the_issue_date_is_the_byline(page, author, date, tmp_path):
    meta, sections = read(page)
    assert names(meta.get("authors")) == [author]
    assert meta["updated"] == date
    assert author not in headings(sections)
    got, want = roundtrip_words(page, tmp_path)
    assert got == want


STACKED_CREDITS = [
    # a wellness publisher's revision history: each role alone over its name
    ("Current Version\nApr 9, 2026\nWritten By\nNadia Farrow\nEdited By\nPiet de Wit\n"
     "Medically Reviewed By\nDr Lucy Amadi, MD\nCopy Edited By\nTom Breck\n"),
    # a magazine's credits, the role with a colon over the name
    ("Written by:\nNadia Farrow\nReviewed by:\nDr Lucy Amadi, MD\n"),
]


@pytest.mark.parametrize("foot", STACKED_CREDITS, ids=["revision-history", "colon-labels"])
def test_a_credit_stacked_over_its_name_at_the_foot(foot, tmp_path):
    page = ("Tennis elbow\n"
            "Tennis elbow is pain on the outside of the elbow from overusing the forearm muscles.\n"
            "Rest\n"
            "Most tennis elbow settles with rest from the activity that caused it.\n" + foot)
    meta, sections = read(page)
    assert names(meta.get("authors")) == ["Nadia Farrow"]
    assert names(meta.get("reviewers")) == ["Dr Lucy Amadi"]
    assert headings(sections) == ["Rest"]
    got, want = roundtrip_words(page, tmp_path)
    assert got == want


def test_an_image_credit_is_no_heading():
    page = ("Frozen shoulder\n"
            "Frozen shoulder makes the shoulder stiff and painful for months.\n"
            "Photography by Jo Mendes/Stocksy United\n"
            "Causes\n"
            "The capsule around the shoulder joint thickens and tightens.\n")
    _, sections = read(page)
    assert headings(sections) == ["Causes"]
