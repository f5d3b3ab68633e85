"""Letterheads, letters, plain-text mail, news chrome, accordions and transcripts (issue 14).

Every page here is written for these tests, in the manner of a layout the corpus lacked
before articles 73-84 and of its neighbours: a clinic's, surgery's, council's and
school's letterhead over the title (address with a UK postcode or a US ZIP code, phone,
web and opening hours, a service line "Name - what it is", a capitals label over the
title); a plain-text mail with its headers in more than one order and a signature
under a valediction, a "--" delimiter and a confidentiality notice; a letter with its
date line, salutation and "Re:" line; a local paper's chrome; an accordion's markers
("+", "▸", "[+]"); a podcast's chapter list and transcript turns with timestamps in
three formats. Each asserts the title, the headings, the writer and the date, that no
heading is made of a byline, date, widget, timestamp or mail header, and that export
gives back every word.
"""

from __future__ import annotations

import pytest

from medlint.exporter import export_article, words
from medlint.records.store import load_article
from support import article_from_text, headings, names, read


def preamble(meta) -> list[str]:
    return [e["text"].strip() for e in meta.get("preamble", [])]


def assert_round_trip(text: str, tmp_path) -> str:
    loaded = load_article(article_from_text(text, tmp_path, slug="page"))
    assert not loaded.violations, loaded.violations[:3]
    out = export_article(loaded.article)
    assert words(out) == words(text)
    return out


SURGERY_LETTERHEAD = """\
PINE VALE MEDICAL PRACTICE
22 Station Road, Ashford TN23 1AB | 01632 960 111 | www.pinevale.example

Your blood pressure tablets: a guide from the practice

Written by Dr Nadia Shah, MRCGP
Last updated: 4 February 2026

Amlodipine lowers blood pressure by relaxing the walls of your blood vessels. Most people take it for years.

Taking amlodipine

Take 5 mg once a day, at the same time each day. Your GP may raise it to 10 mg once a day.

Side effects

Swollen ankles are common in the first weeks and often settle.
"""

US_CLINIC_LETTERHEAD = """\
Lakeview Family Clinic
1200 Oak Street, Springfield, IL 62704  ·  (217) 555-0142  ·  Mon-Fri 8am-6pm

PATIENT INSTRUCTIONS
Caring for your child's ear infection at home

Your child's doctor thinks the ear infection will get better on its own in two or three days. These notes explain how to keep your child comfortable.

Pain and fever

Give children's acetaminophen every 4 to 6 hours if needed, no more than 5 doses in 24 hours.

When to call us

Call if the fever lasts more than 2 days or your child seems very unwell.
"""

COUNCIL_SERVICE = """\
Eastmoor Borough Council
Live Well Eastmoor - free weight management support
Call 01632 960 222 | Email livewell@eastmoor.example | Self-refer online

Weight loss medicines: what the service can offer

Our advisors can talk you through the medicines a GP or specialist service may offer and what the programme involves.

Orlistat

Orlistat is taken as one 120 mg capsule three times a day with each main meal that contains fat.

Getting support

You can refer yourself online or ask your GP to refer you.
"""

TRANSLATED_SHEET = """\
Centro Médico San Rafael
San Rafael Medical Centre - English version
[Español] [English]

Hand, foot and mouth disease in children

Written by: Lic. Marta Gómez, Nurse
Last update: 21/05/2025

Hand, foot and mouth disease is a common illness of small children caused by a virus. It gets better by itself in 7 to 10 days.

Care at home

Give plenty of liquids, little and often, and soft food that does not need much chewing.
"""


@pytest.mark.parametrize("text, title, first_heading", [
    (SURGERY_LETTERHEAD, "Your blood pressure tablets: a guide from the practice", "Taking amlodipine"),
    (US_CLINIC_LETTERHEAD, "Caring for your child's ear infection at home", "Pain and fever"),
    (COUNCIL_SERVICE, "Weight loss medicines: what the service can offer", "Orlistat"),
    (TRANSLATED_SHEET, "Hand, foot and mouth disease in children", "Care at home"),
], ids=["uk-surgery", "us-clinic", "council-service", "translated-sheet"])
def test_letterhead_lines_are_furniture_not_title_or_heading(text, title, first_heading, tmp_path):
    meta, sections = read(text)
    assert meta["title"] == title
    assert headings(sections)[0] == first_heading
    # every line before the title is kept verbatim as furniture
    lines = text.splitlines()
    assert preamble(meta) == [ln.strip() for ln in lines[:lines.index(title)] if ln.strip()]
    assert_round_trip(text, tmp_path)


def test_letterhead_people_and_dates_are_read():
    meta, _ = read(SURGERY_LETTERHEAD)
    assert names(meta["authors"]) == ["Dr Nadia Shah"]
    assert meta["updated"] == "2026-02-04"
    meta, _ = read(TRANSLATED_SHEET)
    assert names(meta["authors"]) == ["Lic. Marta Gómez"]  # 'Lic.' does not end the name
    assert meta["updated"] == "2025-05-21"  # "Last update:", day-first


def test_an_organisation_with_its_title_straight_under_it_keeps_the_title():
    """The block rule takes only a 'name - what it is' line: a title printed straight
    under the organisation's name over a label line stays the title."""
    text = ("Northfield Hospitals NHS Trust\nGrommets: going home after the operation\n"
            "Information for parents and carers\n\nPain relief\nGive paracetamol if your child is sore.\n\n"
            "Swimming\nYour child can swim after two weeks.\n")
    meta, sections = read(text)
    assert meta["title"] == "Grommets: going home after the operation"
    assert headings(sections) == ["Pain relief", "Swimming"]


def test_contact_line_is_not_read_from_prose():
    """A sentence that mentions a phone number is text, not a contact line."""
    text = ("Asthma in adults\n\nAsthma is a common condition of the airways.\n\nGetting help\n\n"
            "If your inhaler is not helping, ring 01632 960 000 or call 999.\n")
    meta, sections = read(text)
    assert meta["title"] == "Asthma in adults"
    assert headings(sections) == ["Getting help"]
    assert sections[-1]["blocks"][0]["paragraph"].startswith("If your inhaler")


OUTLOOK_MAIL = """\
Subject: RE: your inhaler review
From: Dr Amir Khan <a.khan@northside.example>
Sent: Monday, 3 March 2025 09:12
To: Jo Bloggs <jo.bloggs@mail.example>

Hi Jo,

Thanks for coming in this morning. Here is the plan we talked about.

Your inhalers

Use your brown preventer inhaler, 2 puffs twice a day, every day even when you feel well.

When to get help

Call 999 if you are too breathless to speak.

Kind regards,

Dr Amir Khan
GP Partner, Northside Surgery
GMC 7012345

--
This message is confidential and intended only for the person it is addressed to.
"""

HEADERS_FIRST_MAIL = """\
From: Riverside Pharmacy <team@riverside.example>
Date: Thu, 9 Jan 2025 14:03:55 +0000
To: Sam Lee <sam@mail.example>
Cc: Dr P. Grant
Subject: Your new blood thinner

Dear Sam,

Here is a summary of how to take your new medicine.

How to take it

Take one 5 mg tablet twice a day, about 12 hours apart.

Best wishes,
Priya Natarajan, MRPharmS
Pharmacist
"""


@pytest.mark.parametrize("text, title, writer, when, heads", [
    (OUTLOOK_MAIL, "RE: your inhaler review", "Dr Amir Khan", "2025-03-03", ["Your inhalers", "When to get help"]),
    (HEADERS_FIRST_MAIL, "Your new blood thinner", "Priya Natarajan", "2025-01-09", ["How to take it"]),
], ids=["subject-first", "subject-last"])
def test_plain_text_mail_headers_signature_and_footer(text, title, writer, when, heads, tmp_path):
    meta, sections = read(text)
    assert meta["title"] == title
    assert meta["source"]["title_line"] is False  # the subject line is printed, not the title again
    assert [e["role"] for e in meta.get("preamble", []) + meta.get("header", []) if e["text"].startswith("Subject")] == ["subject"]
    assert names(meta["authors"]) == [writer]
    assert meta["updated"] == when
    assert headings(sections) == heads  # no heading of a header, a signature line or the notice
    footer = [e["text"] for e in meta["footer"]]
    assert any(ln.startswith(("Kind regards", "Best wishes")) for ln in footer)
    out = assert_round_trip(text, tmp_path)
    assert out.count("Subject:") == 1


SCHOOL_LETTER = """\
Hollins Park Academy
Brook Lane, Dalebury DB4 7XY  |  01632 960 707  |  office@hollinspark.example
Principal: Mrs A. Okoro

3rd March 2025

Dear Parent/Guardian,

Re: Head lice in Year 2

We have been told of a few cases of head lice in Year 2. Please check your child's hair this week.

Treating head lice

Wet combing every 4 days for two weeks works for most children. A pharmacist can advise on lotions.

Yours sincerely,

Mr P. Singh
School Nurse, RGN
"""


def test_school_letter_date_salutation_subject_and_signature(tmp_path):
    meta, sections = read(SCHOOL_LETTER)
    assert meta["title"] == "Head lice in Year 2"
    assert meta["updated"] == "2025-03-03"  # the letter's ordinal date line
    assert names(meta["authors"]) == ["Mr P. Singh"]
    assert headings(sections) == ["Treating head lice"]
    assert "Dear Parent/Guardian," in preamble(meta)
    assert_round_trip(SCHOOL_LETTER, tmp_path)


def test_a_closing_sentence_with_a_valediction_word_is_not_a_signature():
    """'Thanks' opening a sentence of the body, or a valediction with paragraphs under it,
    leaves the body alone."""
    text = ("Flu jabs this autumn\n\nThe clinic runs on Saturdays.\n\nBooking\n\n"
            "Thanks to everyone who booked early. Ring reception to book your jab.\n")
    meta, sections = read(text)
    assert "footer" not in meta
    assert headings(sections) == ["Booking"]


NEWS_STORY = """\
The Dalebury Courier
Home | News | Health | Sport | What's on
Advertisement

HEALTH

Parents urged to book children's flu spray before half term

By Jane Doe, Health Reporter
Published 3 October 2025 | Updated 4 October 2025, 08:10

Share: Facebook | X | Email

Parents of children aged two and three are being urged to book the nasal flu vaccine before half term.

Image caption: A nurse gives the nasal spray at a school clinic

The spray is given as one dose up each nostril and is free for eligible children.

What the doctors say

A local GP said the spray is quick and painless.

Related topics: Flu | Children | Vaccines

Most read
  1. Bypass roadworks to start in spring
  2. Market hall reopens

(c) The Dalebury Courier 2025
"""


def test_news_chrome_section_label_and_caption(tmp_path):
    meta, sections = read(NEWS_STORY)
    assert meta["title"] == "Parents urged to book children's flu spray before half term"
    assert "HEALTH" in preamble(meta)
    assert names(meta["authors"]) == ["Jane Doe"]
    assert meta["updated"] == "2025-10-04"
    assert headings(sections) == ["What the doctors say"]
    chrome = [b["chrome"] for s in sections for b in s["blocks"] if "chrome" in b]
    assert "Image caption: A nurse gives the nasal spray at a school clinic" in chrome
    assert_round_trip(NEWS_STORY, tmp_path)


@pytest.mark.parametrize("marker", ["+", "▸", "[+]", "►"])
def test_accordion_markers_make_headings_that_keep_their_marker(marker, tmp_path):
    text = (f"Iron in pregnancy\n\nTap a heading to open it.\n\n{marker} Why iron matters\n\n"
            "Iron helps carry oxygen to your baby.\n\n"
            f"{marker} How to take iron tablets\n\nTake one 200 mg ferrous sulfate tablet once a day.\n\n"
            f"{marker} Side effects\n\nIron can darken your stools.\n")
    meta, sections = read(text)
    assert headings(sections) == ["Why iron matters", "How to take iron tablets", "Side effects"]
    assert [s.get("marker") for s in sections if s["heading"]] == [f"{marker} "] * 3
    out = assert_round_trip(text, tmp_path)
    assert f"{marker} Side effects" in out.splitlines()


def test_a_plus_marked_list_stays_a_list():
    """'+' items one under another (no text under each) are a list, not an accordion."""
    text = ("Vitamins in pregnancy\n\nWhat to take.\n\n+ Folic acid 400 micrograms a day\n"
            "+ Vitamin D 10 micrograms a day\n\nAsk your midwife.\n")
    _, sections = read(text)
    assert headings(sections) == []
    assert [b["style"] for s in sections for b in s["blocks"] if "list" in b] == ["plus"]


PODCAST = """\
The Pharmacy Hour
Home | Episodes | About

Episode 12: Getting the most from your inhaler

Hosted by Tom Baird | Guest: Dr. Lena Fox, PharmD
12 May 2026 | 35 min
Listen on: Apple Podcasts | Spotify | RSS

Chapters

00:00 Welcome
03:10 Why technique matters?
12:45 - Spacers

Transcript

[00:03:10] TOM: So why does technique matter so much?

(00:03:20) Lena: Because most of the medicine ends up in your mouth if you rush it.

Tom [00:04:02]: And a spacer helps with that?

00:04:10 LENA: It does. Breathe in slowly and hold for ten seconds.

Links mentioned

  - Asthma + Lung UK: inhaler videos
"""


def test_podcast_timestamps_and_platform_rows_are_never_headings(tmp_path):
    meta, sections = read(PODCAST)
    assert meta["title"] == "Episode 12: Getting the most from your inhaler"
    assert names(meta["authors"]) == ["Tom Baird"]  # the guest is not the writer
    assert headings(sections) == ["Chapters", "Transcript", "Links mentioned"]
    assert_round_trip(PODCAST, tmp_path)


@pytest.mark.parametrize("line", ["01:45 Why statins?", "[00:01:45] SARAH: So what is a statin", "(12:03) Sarah: Hello",
                                  "Sarah [01:45]: Welcome back", "00:12:30 - 00:14:00 Side effects"])
def test_timestamp_lines_are_not_headings(line):
    text = f"Statins explained\n\nAn episode about statins.\n\nTranscript\n\n{line}\n\nThe rest of the conversation.\n"
    _, sections = read(text)
    assert headings(sections) == ["Transcript"]


# --- aligned plain-text columns -------------------------------------------------------

EYE_CHART = """\
Your eye drops after surgery

Use the drops in the operated eye only.

Your drop chart

  Drop                      Weeks 1 and 2          Weeks 3 and 4
  Chloramphenicol 0.5%      1 drop 4 times a day   stop
  Dexamethasone 0.1%        1 drop 4 times a day   1 drop twice a day, then stop

Spread the drops through your waking hours.
"""

LEADER_ROWS = """\
Using your steroid cream

How much to apply

Typical amounts for one application in an adult:
  Face and neck ............ 2.5 FTU
  One arm .................. 3 FTU
  One leg .................. 6 FTU

Apply a thin layer once a day.
"""

UNINDENTED_COLUMNS = """\
Caffeine in pregnancy

Limits

Keep caffeine below 200 mg a day. As a rough guide:
Mug of filter coffee   140 mg
Mug of tea              75 mg
Can of cola             40 mg

Decaffeinated drinks are fine.
"""


@pytest.mark.parametrize("text, first_row, cells", [
    (EYE_CHART, "Drop                      Weeks 1 and 2          Weeks 3 and 4", ["Drop", "Weeks 1 and 2", "Weeks 3 and 4"]),
    (LEADER_ROWS, "Face and neck ............ 2.5 FTU", ["Face and neck", "2.5 FTU"]),
    (UNINDENTED_COLUMNS, "Mug of filter coffee   140 mg", ["Mug of filter coffee", "140 mg"]),
], ids=["spaced-columns", "dot-leader", "unindented"])
def test_aligned_columns_are_a_table_never_headings(text, first_row, cells, tmp_path):
    _, sections = read(text)
    tables = [b for s in sections for b in s["blocks"] if "table" in b]
    assert [t["style"] for t in tables] == ["aligned"]
    assert tables[0]["table"][0]["text"] == first_row
    assert tables[0]["table"][0]["cells"] == cells
    assert len(headings(sections)) == 1  # the section's own heading, no row
    out = assert_round_trip(text, tmp_path)
    assert first_row in out.splitlines()


def test_two_spaces_after_a_full_stop_are_prose_not_columns():
    text = ("Asthma at school\n\nInhalers\n\nKeep the inhaler in the classroom.  Label it clearly.\n"
            "Send a spacer with it.  Check the date each term.\n")
    _, sections = read(text)
    assert not [b for s in sections for b in s["blocks"] if "table" in b]


def test_rows_under_a_contents_line_are_product_data_not_doses():
    text = ("Vitamins in pregnancy\n\nHealthy Start vitamins\n\nYou can get free vitamins. Each tablet contains:\n"
            "  Folic acid   400 micrograms\n  Vitamin C    70 mg\n  Vitamin D    10 micrograms\n\n"
            "Ask your midwife.\n")
    _, sections = read(text)
    table = next(b for s in sections for b in s["blocks"] if "table" in b)
    assert [r.get("role") for r in table["table"]] == ["strengths"] * 3
    assert sections[-1]["kind"] not in ("drug-therapy", "supplements")


# --- section kinds: amounts that dose nothing -----------------------------------------

@pytest.mark.parametrize("sentence", [
    "A 500 g tub should last an adult about two weeks if you use it every day.",
    "Your body makes about 1 g a day and you get another 1 g from meat and fish.",
    "Keep your salt below 6 g a day.",
    "Wait 5 minutes between two different drops.",
])
def test_amounts_that_dose_nothing_do_not_make_a_drug_section(sentence):
    text = f"Looking after your skin\n\nDay to day\n\n{sentence}\n"
    _, sections = read(text)
    assert sections[-1]["heading"] == "Day to day"
    assert sections[-1]["kind"] not in ("drug-therapy", "supplements")


def test_a_dose_beside_them_still_makes_a_drug_section():
    text = ("Looking after your skin\n\nDay to day\n\nA 500 g tub should last about two weeks. "
            "Take chlorphenamine 4 mg every 4 to 6 hours, no more than 24 mg in 24 hours.\n")
    _, sections = read(text)
    assert sections[-1]["kind"] == "drug-therapy"


NEWSLETTER = """\
Hillside Surgery Newsletter
Spring 2026

In this issue:
Hay fever season
New phone system

Hay fever season

Antihistamines such as cetirizine 10 mg once a day can be bought from a pharmacy.

New phone system

From April our phone lines open at 8am.
"""


def test_newsletter_title_over_its_issue_line_and_an_unmarked_contents_list(tmp_path):
    """A title naming a surgery straight over its issue line is the title; the headings an
    'In this issue:' list repeats, printed without markers, are its chrome, not sections."""
    meta, sections = read(NEWSLETTER)
    assert meta["title"] == "Hillside Surgery Newsletter"
    assert [e["text"] for e in meta["header"]] == ["Spring 2026"]
    assert headings(sections) == ["Hay fever season", "New phone system"]
    chrome = [b["chrome"] for s in sections for b in s["blocks"] if "chrome" in b]
    assert chrome == ["In this issue:", "Hay fever season", "New phone system"]
    assert_round_trip(NEWSLETTER, tmp_path)


STACKED_BYLINE_NEWS = """\
Skip to content
THE NORTHERN ECHO
Subscribe | Sign in

News > Health

Hospital pharmacy warns over fake weight-loss pens sold online

Sam Jones
Health reporter
Updated 3 March 2025, 10:00 GMT

Share this article

Fake weight-loss pens bought online have left two people in hospital, pharmacists said.

Story continues below advertisement

The pens were sold as semaglutide but contained insulin.

What should I do?

Only buy from a registered pharmacy and check the GPhC register.

Topics: Health, NHS, Medicines
Comments (12)
"""


def test_news_page_with_a_stacked_byline_topics_and_share_lines(tmp_path):
    """Another paper's chrome: the writer's name alone over their job line, a 'Share this
    article' line, a 'Topics:' line at the foot; none is a heading."""
    meta, sections = read(STACKED_BYLINE_NEWS)
    assert meta["title"] == "Hospital pharmacy warns over fake weight-loss pens sold online"
    assert names(meta["authors"]) == ["Sam Jones"]
    assert meta["updated"] == "2025-03-03"
    assert headings(sections) == ["What should I do?"]
    assert "Topics: Health, NHS, Medicines" in [e["text"] for e in meta["footer"]]
    assert_round_trip(STACKED_BYLINE_NEWS, tmp_path)


def test_a_rule_line_on_a_page_that_is_no_mail_keeps_the_text_under_it():
    """'--' closes a mail's body; on a leaflet the disclaimer under such a line is still the
    page's text (the disclaimer checks read it)."""
    text = ("Hay fever\n\nAntihistamines help.\n\nTreatment\n\nTake cetirizine 10 mg once a day.\n\n--\n"
            "This information is general and not a substitute for advice from your pharmacist.\n")
    meta, sections = read(text)
    assert "footer" not in meta
    assert sections[-1]["blocks"][-1].get("disclaimer", "").startswith("This information is general")
