"""What stands before a page's title, and what runs through a printed page, by what it IS.

Each class here met the importer in the fourth held-out set (articles 85-96) in one
style; the pages below are written for these tests in other writers' styles, none in
the corpus:

- a row of the site's controls over the title (a shop's delivery offer, account and
  basket; a help centre's search box and request button; a portal's sign-in and cart);
- a section menu printed one link a line under its heading ('In this section');
- a trail of where the page sits in a portal, two parts only ('Messages > Results'),
  and a form's fields along one line: never the title;
- a slide deck's markers ('--- Slide 1 ---', '[Slide 1 of 6]', '=== SLIDE 1 ==='): the
  first slide's first line is the title, each later slide's first line its heading;
- a printed document's running header and footer, repeated on every page;
- a shop's review furniture: each reviewer's 'Name, date' line, the sort control, the
  pager.

Every test asserts what a reader would name the title or the headings, and every page
goes back word for word on export.
"""

from __future__ import annotations

import pytest

from medlint.exporter import export_article, words
from medlint.records.store import load_article
from support import article_from_text, headings, names, read


def round_trip(text: str, tmp_path, markdown: bool = False) -> None:
    loaded = load_article(article_from_text(text, tmp_path, slug="page", markdown=markdown))
    assert not loaded.violations, loaded.violations[:3]
    assert words(export_article(loaded.article, "md" if markdown else "text")) == words(text)


# ---------------------------------------------------------------- a row of controls over the title

CHEMIST_SHOP = """\
Order by 2pm for next-day delivery | Track my order | My account | Bag (2)

Hayfree Loratadine 10 mg Tablets, 30 pack

Loratadine is a once-a-day antihistamine that is unlikely to make you drowsy.

How to take

Adults and children over 12: one tablet a day.
"""

HELP_CENTRE = """\
Dosewise Support      Search our help articles…      Submit a ticket

Why did my refill reminder come a day early?

Refill reminders are worked out from the number of doses left in your supply.

Changing the reminder

Open the medicine, tap Supply and enter how many tablets you have left.
"""

PORTAL_BAR = """\
Same-day dispatch before 1pm · Store finder · Sign in · Basket (1)

Your repeat prescription order

We have sent your request to Oakfield Surgery. Most requests take two working days.

What happens next

The surgery checks the request and sends it to your nominated pharmacy.
"""


@pytest.mark.parametrize("text, title, first", [
    (CHEMIST_SHOP, "Hayfree Loratadine 10 mg Tablets, 30 pack", "How to take"),
    (HELP_CENTRE, "Why did my refill reminder come a day early?", "Changing the reminder"),
    (PORTAL_BAR, "Your repeat prescription order", "What happens next"),
])
def test_a_row_of_controls_over_the_title_is_chrome(text, title, first, tmp_path):
    meta, sections = read(text)
    assert meta["title"] == title
    assert headings(sections) == [first]
    assert len(meta["preamble"]) == 1
    round_trip(text, tmp_path)


# ---------------------------------------------------------------- a section menu over the title

COLLEGE_MENU = """\
Harbourside College Wellbeing

In this section
Counselling
Disability support
Medicines and prescriptions
Sexual health clinic

Getting your prescriptions while you study

You can register with a GP near campus and keep getting your repeat medicines.

Repeat prescriptions

Order them through the practice's online service two weeks before you run out.
"""

COUNCIL_MENU = """\
Also in this guide
Staying well in winter
Keeping warm at home
Flu vaccines for carers

Looking after someone who takes several medicines

A weekly pill organiser can help, but ask the pharmacist before filling one.

Keeping a list

Write down every medicine, its strength and when it is taken.
"""

CHARITY_MENU = """\
Pages in this section
Living with arthritis
Exercise and arthritis
Pain relief and arthritis
Diet and arthritis

Pain relief and arthritis: what to try first

Many people find that regular, simple painkillers work better than waiting for bad days.

Creams and gels

A gel rubbed into a sore knee can work as well as tablets for some people.
"""


@pytest.mark.parametrize("text, title, first", [
    (COLLEGE_MENU, "Getting your prescriptions while you study", "Repeat prescriptions"),
    (COUNCIL_MENU, "Looking after someone who takes several medicines", "Keeping a list"),
    (CHARITY_MENU, "Pain relief and arthritis: what to try first", "Creams and gels"),
])
def test_a_menu_under_its_heading_before_the_title_is_chrome(text, title, first, tmp_path):
    meta, sections = read(text)
    assert meta["title"] == title
    assert headings(sections) == [first]
    round_trip(text, tmp_path)


def test_a_menu_printed_without_its_heading_set_apart_is_chrome():
    text = ("Northgate Pharmacy\n\nHome\nServices\nPrescriptions\nTravel clinic\nContact\n\n"
            "Travel vaccines: what you need and when\n\nBook six weeks before you travel.\n\n"
            "Which vaccines\n\nIt depends where you are going.\n")
    meta, sections = read(text)
    assert meta["title"] == "Travel vaccines: what you need and when"
    assert headings(sections) == ["Which vaccines"]


def test_a_title_run_into_its_text_with_no_blank_lines_stays_the_title():
    text = "Aspirin\nDrug class: Salicylate\nBrand names: Caprin\nUses\nPain and fever.\n"
    meta, _ = read(text)
    assert meta["title"] == "Aspirin"


# ---------------------------------------------------------------- a portal's trail, a form's fields

PORTAL_RESULTS = """\
Wellfield Online
Messages > Test results

Patient discharge letter

Name: Ola Nowak        NHS number: 943 476 5919
Ward: Cedar Ward

Why you were in hospital
You were admitted with a chest infection and treated with antibiotics.
"""

CLINIC_APP = """\
CarePath
My account › Letters

After-visit summary

Patient: Lee Ho        Date of birth: 02/11/1975

Plan
Rest and drink plenty of fluids for the next few days.
"""

DENTAL_PORTAL = """\
Brightsmile Dental
Patient area » Treatment notes

Patient information leaflet

Patient: R. Adeyemi    Appointment: 3 June 2026

After your extraction
Do not rinse your mouth for 24 hours.
"""


@pytest.mark.parametrize("text, title", [
    (PORTAL_RESULTS, "Patient discharge letter"),
    (CLINIC_APP, "After-visit summary"),
    (DENTAL_PORTAL, "Patient information leaflet"),
])
def test_a_portal_trail_and_a_form_row_are_never_the_title(text, title, tmp_path):
    meta, sections = read(text)
    assert meta["title"] == title
    assert not any(">" in h or "›" in h or "»" in h for h in headings(sections))
    round_trip(text, tmp_path)


# ---------------------------------------------------------------- slides

DASHES = """\
--- Slide 1 ---
Inhaler technique refresher
Priya Shah MPharm, Respiratory Pharmacist

--- Slide 2 ---
Why technique matters
• Up to 9 in 10 people make at least one mistake with their inhaler

--- Slide 3 ---
Using a spacer
• Shake the inhaler and fit it to the spacer
• One puff into the spacer, then five slow breaths
"""

BRACKETS = """\
[Slide 1 of 3]
Falls and medicines: a talk for carers

[Slide 2 of 3]
Medicines that raise the risk
- Sleeping tablets and some antidepressants
- Blood pressure tablets taken at a new dose

[Slide 3 of 3]
What you can do
- Ask for a medicines review once a year
"""

EQUALS = """\
=== SLIDE 1 ===
Safe use of opioid patches
Ward 7 teaching, 12 March 2026

=== SLIDE 2 ===
Changing a patch
Remove the old patch before putting on the new one.
Fold it in half, sticky sides together.

=== SLIDE 3 ===
Heat and patches
Hot baths and heat pads make the patch release more medicine.
"""


@pytest.mark.parametrize("text, title, heads", [
    (DASHES, "Inhaler technique refresher", ["Why technique matters", "Using a spacer"]),
    (BRACKETS, "Falls and medicines: a talk for carers", ["Medicines that raise the risk", "What you can do"]),
    (EQUALS, "Safe use of opioid patches", ["Changing a patch", "Heat and patches"]),
])
def test_slide_markers_are_chrome_and_each_slide_opens_with_its_title(text, title, heads, tmp_path):
    meta, sections = read(text)
    assert meta["title"] == title
    assert headings(sections) == heads
    round_trip(text, tmp_path)


def test_the_title_slide_names_its_presenter():
    meta, _ = read(DASHES)
    assert names(meta.get("authors")) == ["Priya Shah"]


# ---------------------------------------------------------------- running headers and footers

TRUST_LEAFLET = """\
Eastmoor Hospitals NHS Trust  |  Patient leaflet PL-114
Taking warfarin at home

Why you take warfarin
Warfarin stops clots forming in your blood.
Take it at the same time every evening.

Eastmoor Hospitals NHS Trust | www.eastmoor.example | Page 1 of 3

Eastmoor Hospitals NHS Trust  |  Patient leaflet PL-114
Taking warfarin at home

Your INR test
Your dose depends on your INR blood test.

Eastmoor Hospitals NHS Trust | www.eastmoor.example | Page 2 of 3

Eastmoor Hospitals NHS Trust  |  Patient leaflet PL-114
Taking warfarin at home

Bleeding
Get help at once if you are bleeding and it will not stop.

Eastmoor Hospitals NHS Trust | www.eastmoor.example | Page 3 of 3
"""

COUNCIL_GUIDE = """\
Shaping Healthy Homes: medicines and heat
Published by Lowfield Council

Storing medicines
Keep medicines below 25C, away from windows.

Lowfield Council - Public Health            Page 1

Drinking enough
Older people may not feel thirsty.

Lowfield Council - Public Health            Page 2

Who to call
Your pharmacist can tell you which of your medicines heat affects.

Lowfield Council - Public Health            Page 3
"""

CHARITY_SHEET = """\
KIDNEY FRIENDS               Information sheet 12
Painkillers and your kidneys

Which painkillers are safer
Paracetamol is usually the safest painkiller for people with kidney disease.

kidneyfriends.example       Helpline 0800 000 1111

KIDNEY FRIENDS               Information sheet 12
Painkillers and your kidneys

Painkillers to avoid
Ibuprofen and naproxen can harm your kidneys.

kidneyfriends.example       Helpline 0800 000 1111

KIDNEY FRIENDS               Information sheet 12
Painkillers and your kidneys

Asking for help
Ask your kidney team before you buy a painkiller.

kidneyfriends.example       Helpline 0800 000 1111
"""


@pytest.mark.parametrize("text, title, heads", [
    (TRUST_LEAFLET, "Taking warfarin at home", ["Why you take warfarin", "Your INR test", "Bleeding"]),
    (COUNCIL_GUIDE, "Shaping Healthy Homes: medicines and heat", ["Storing medicines", "Drinking enough", "Who to call"]),
    (CHARITY_SHEET, "Painkillers and your kidneys", ["Which painkillers are safer", "Painkillers to avoid", "Asking for help"]),
])
def test_running_headers_and_footers_are_chrome(text, title, heads, tmp_path):
    meta, sections = read(text)
    assert meta["title"] == title
    assert headings(sections) == heads
    round_trip(text, tmp_path)


def test_a_heading_printed_under_each_medicine_stays_a_heading():
    text = ("Pain relief for children\n\nParacetamol\n\nHow much to give\nGive 5 ml every 6 hours.\n\n"
            "Ibuprofen\n\nHow much to give\nGive 2.5 ml every 8 hours.\n\n"
            "Antihistamine\n\nHow much to give\nGive 5 ml once a day.\n")
    _, sections = read(text)
    assert headings(sections).count("How much to give") == 3


# ---------------------------------------------------------------- review furniture

SHOP_REVIEWS = """\
Soothe Plus Throat Lozenges

Directions

Adults: dissolve one lozenge slowly in the mouth every 3 hours.

Reviews

Sort by: Newest first | Most helpful
★★★★☆ Tastes fine
Dev P., 2 January 2026
Helped my sore throat within a day.
★★☆☆☆ Too sweet
Ann, 29 December 2025
Not for me.
Showing 2 of 48 reviews
[ See more reviews ]
"""

US_STORE_REVIEWS = """\
Hydra Daily Moisturizing Nasal Spray

Customer reviews

Sorted by: Most recent
★★★★★ Works for dry air
Marcus T., March 3, 2026
Good for the office.
★★★★☆ Fine
Kim, February 21, 2026
Does what it says.
Showing 1-2 of 31 reviews
"""

PHARMACY_REVIEWS = """\
Calmskin Emollient Cream 500 g

How to use

Apply to dry skin as often as you need.

What customers say

Sort by: Highest rated
Jo W., 11/04/2026
Lovely on my son's eczema.
Rafael, 02/04/2026
Big tub, lasts ages.
[ Load more ]
"""


@pytest.mark.parametrize("text, heads", [
    (SHOP_REVIEWS, ["Directions", "Reviews"]),
    (US_STORE_REVIEWS, ["Customer reviews"]),
    (PHARMACY_REVIEWS, ["How to use", "What customers say"]),
])
def test_review_signatures_sorters_and_pagers_are_no_headings(text, heads, tmp_path):
    _, sections = read(text)
    assert headings(sections) == heads
    round_trip(text, tmp_path)


# ---------------------------------------------------------------- a document type over the title

@pytest.mark.parametrize("label, title", [
    ("Guidance", "Hot weather and medicines: advice for people who take regular medicines"),
    ("Factsheet", "Travelling abroad with controlled medicines: what to carry"),
    ("Policy", "Giving medicines in schools: how our staff keep pupils safe"),
])
def test_a_one_word_document_type_over_the_title_is_a_kicker(label, title, tmp_path):
    text = f"{label}\n{title}\n\nA short summary of what this page says, for readers in a hurry.\n\nWhat to do\n\nFollow the steps below.\n"
    meta, sections = read(text)
    assert meta["title"] == title
    assert headings(sections) == ["What to do"]
    round_trip(text, tmp_path)


# ---------------------------------------------------------------- numbered entries with indented text

DIGEST = """\
Your weekly digest

Top threads

1. "Sertraline and alcohol?" - started by Jen_K in Medicines
   "Is one glass of wine at a wedding going to undo six months of progress?"
   12 replies | Read more

2. "Pregabalin withdrawal" - started by Tomasz in Coming off
   "Tapering by 25 mg every fortnight and the dizziness is awful."
   30 replies | Read more

3. "Best pill organiser?" - started by Gran_Pat in Tips
   "Mine has four slots a day and a beeper."
   5 replies | Read more
"""

MINUTES = """\
Patient group meeting notes

Actions

1) Chair to write to the practice about repeat prescription delays
   Owner: Chair. Due: next meeting.
2) Secretary to add the pharmacy opening hours to the newsletter
   Owner: Secretary. Due: June.
3) Treasurer to cost a blood pressure machine for the waiting room
   Owner: Treasurer. Due: June.
"""

RELEASE_NOTES = """\
What's new in MedTrack 4.2

Changes

1. Reminders for weekly medicines
   You can now set a reminder for one day a week.

2. Refill alerts
   We tell you when a supply is about to run out.

3. Dark mode
   Easier on the eyes at night.
"""


@pytest.mark.parametrize("text, heads", [
    (DIGEST, ["Top threads"]),
    (MINUTES, ["Actions"]),
    (RELEASE_NOTES, ["Changes"]),
])
def test_numbered_entries_with_indented_text_are_one_list(text, heads, tmp_path):
    _, sections = read(text)
    assert headings(sections) == heads
    round_trip(text, tmp_path)


def test_a_numbered_heading_after_a_paragraph_stays_a_heading():
    text = ("Hot weather\n\nAdvice for a heatwave.\n\n1. Why heat matters\n\nHeat strains the heart.\n\n"
            "2. Storing medicines\n\nKeep them cool.\n")
    _, sections = read(text)
    assert headings(sections) == ["1. Why heat matters", "2. Storing medicines"]


# ---------------------------------------------------------------- a dek between a heading and its byline

@pytest.mark.parametrize("heading, dek, byline", [
    ("Nurse's corner", "This month: missed doses of your anticoagulant", "by Joanne Pike, Arrhythmia Nurse Specialist, RGN"),
    ("Pharmacist's page", "Spring: getting ahead of hay fever", "by Omar Farouk, MRPharmS"),
    ("Food matters", "This week: iron tablets without the constipation", "by Lucy Tam, RD, NHS dietitian"),
])
def test_a_dek_between_a_heading_and_its_byline_is_no_heading(heading, dek, byline, tmp_path):
    text = (f"Heart Support Group: spring bulletin\n\nNews\n\nOur AGM is in May.\n\n{heading}\n{dek}\n{byline}\n\n"
            "Some advice for this month that runs to a full sentence.\n")
    _, sections = read(text)
    assert headings(sections) == ["News", heading]
    round_trip(text, tmp_path)


# ---------------------------------------------------------------- a label and a when-needed dose

@pytest.mark.parametrize("heading, line", [
    ("Giving PRN medicines", "• Sodium picosulfate elixir: 5 to 10 ml when needed"),
    ("Pain relief at home", "- Oramorph oral solution: 2.5 ml as required"),
    ("If the itch is bad", "- Chlorphenamine syrup: 5 ml if needed"),
])
def test_a_label_over_a_when_needed_dose_makes_a_dose_section(heading, line):
    text = f"Care plan notes\n\nAbout this plan\n\nWritten for the night staff.\n\n{heading}\n{line}\n• Record the time it was given\n"
    _, sections = read(text)
    kinds = {s["heading"]: s["kind"] for s in sections if s["heading"]}
    assert kinds[heading] == "drug-therapy"


# ---------------------------------------------------------------- hard-wrapped text

PDF_SHEET = """\
Methotrexate: your weekly tablets

How to take it
Methotrexate is taken once a week, on the same day each week. The usual starting
dose for arthritis is 7.5 mg once a week, and your specialist may raise it slowly
to 15 mg once a week or more. Take folic acid 5 mg once a week on a different day
to the methotrexate, as your specialist has told you, to lower the side effects.

Blood tests
You will need regular blood tests while you take methotrexate. At first these are
every two weeks, then every two to three months once your dose is settled and your
results are steady.
"""

MAIL_72 = """\
Subject: Your new inhaler

Dear Mr Okoro,

Thank you for coming to the asthma clinic today. As we discussed, your new
preventer inhaler is beclometasone 100 micrograms, and the dose is two puffs
twice a day, morning and evening, every day even when you feel well. Rinse
your mouth after each dose to stop a sore throat or hoarse voice.

Your reliever is salbutamol 100 micrograms: one or two puffs when you are
wheezy, up to four times a day. If you need it more than three times a week,
please book a review with the practice nurse so we can look at your asthma.

Best wishes,
Nurse Fola Adams
"""

TERMINAL_NOTE = """\
DISCHARGE NOTE - PLEASE KEEP

Your medicines
Take the antibiotic amoxicillin 500 mg three times a day for another five days,
then stop. Paracetamol 1 g up to four times a day can be taken for the pain,
leaving at least four hours between doses and no more than 4 g in 24 hours.
Do not drive until you can do an emergency stop without pain, usually about a
week after the operation.

Follow-up
The ward will phone you about your outpatient appointment within two weeks of
going home.
"""


@pytest.mark.parametrize("text, sentence", [
    (PDF_SHEET, "your specialist may raise it slowly to 15 mg once a week or more."),
    (MAIL_72, "the dose is two puffs twice a day, morning and evening,"),
    (TERMINAL_NOTE, "for another five days, then stop."),
])
def test_a_hard_wrapped_paragraph_is_read_whole(text, sentence, tmp_path):
    _, sections = read(text)
    texts = [b.get("paragraph") or "" for s in sections for b in s["blocks"]]
    assert any(sentence in t for t in texts), texts
    round_trip(text, tmp_path)


def test_a_page_of_one_line_paragraphs_is_not_joined():
    text = ("Kidney stones\n\nGet help if you have:\n"
            "pain so bad that you cannot sit still or find a comfortable position at all\n"
            "a high temperature and shivering with the pain in your side or your back\n"
            "blood in your pee that you can see, or you are being sick over and over\n\n"
            "These can be signs of an infection.\n")
    _, sections = read(text)
    texts = [b.get("paragraph") for s in sections for b in s["blocks"] if b.get("paragraph")]
    assert not any("position at all a high" in t for t in texts)


def test_a_row_a_chart_repeats_under_each_time_of_day_is_no_running_line():
    text = ("Mum's medicines chart\n\nMorning\nMetformin          500 mg\nAmlodipine         5 mg\n\n"
            "Lunchtime\nMetformin          500 mg\nParacetamol        1 g\n\n"
            "Evening\nMetformin          500 mg\nAtorvastatin       20 mg\n")
    _, sections = read(text)
    rows = [r["text"].strip() for s in sections for b in s["blocks"] for r in b.get("table", [])]
    assert rows.count("Metformin          500 mg") == 3


def test_a_title_with_a_slash_is_still_the_title():
    meta, _ = read("Hay fever / allergic rhinitis\n\nPollen makes the nose run.\n\nTreatment\n\nAntihistamines help.\n")
    assert meta["title"] == "Hay fever / allergic rhinitis"
