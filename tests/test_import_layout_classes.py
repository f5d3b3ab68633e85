"""Layouts of the fifth held-out set's pages, as classes: question sub-headings under a
section's title, lettered sub-headings under a numbered one, lists a sentence announces
and prints without markers (on pages printed without blank lines), a page's tabs set out
with runs of spaces, contents lists that run straight into the text, a two-part trail
over the title, a drug reference's lower-case title, a leaflet's type label, a Q&A column
answering several readers, a mail's own masthead under its headers, a site's shop box, an
amount named as the usual dose, and a review by someone the page does not name.

Every page here is written for these tests, each class in more than one writer's manner,
with the page that must stay as it was beside it."""

from __future__ import annotations

import pytest

from medlint.exporter import export_article, words
from medlint.importer.decompose import DOSING_KINDS
from medlint.records.store import load_article
from support import article_from_text, headings, read


def faq_count(sections) -> int:
    return sum(len(b.get("faq", [])) for s in sections for b in s["blocks"])


def kind_of(sections, heading: str) -> str:
    return next(s["kind"] for s in sections if s["heading"] == heading)


def same_words(text: str, tmp_path, markdown: bool = False) -> None:
    loaded = load_article(article_from_text(text, tmp_path, markdown=markdown))
    assert not loaded.violations
    assert words(export_article(loaded.article)) == words(text)


# ---------------------------------------------------------------- question sub-headings

QUESTION_PAGES = [
    # a US health system's condition page, no blank lines
    ("Gallstones\nGallstones are small stones that form in the gallbladder.\n"
     "Symptoms and Causes\nWhat are the symptoms of gallstones?\n"
     "Pain in the upper right belly\nPain after fatty meals\n"
     "Most people with gallstones never have symptoms at all, and need no treatment for them.\n",
     "What are the symptoms of gallstones?"),
    # a charity's page with a question under its section's title
    ("Shingles explained\nShingles is a painful rash caused by the chickenpox virus waking up again.\n"
     "Getting treated\nDo I need antiviral tablets?\n"
     "Antiviral tablets help most when they are started within three days of the rash appearing.\n",
     "Do I need antiviral tablets?"),
    # a pharmacy chain's guide whose sub-headings are its readers' questions
    ("Hay fever guide\nHay fever affects one person in five at some point.\n"
     "Treatments\nWhich antihistamine is least drowsy?\n"
     "Cetirizine, loratadine and fexofenadine cause less drowsiness than the older ones.\n",
     "Which antihistamine is least drowsy?"),
]


@pytest.mark.parametrize("text, question", QUESTION_PAGES)
def test_a_question_under_a_sections_title_is_its_sub_heading(text, question, tmp_path):
    meta, sections = read(text)
    assert question in headings(sections)
    assert faq_count(sections) == 0
    same_words(text, tmp_path)


def test_the_lines_under_a_question_heading_stay_its_text():
    _, sections = read(QUESTION_PAGES[0][0])
    assert "Pain in the upper right belly" not in headings(sections)
    assert "Pain after fatty meals" not in headings(sections)


# ---------------------------------------------------------------- lettered sub-headings

LETTERED_PAGES = [
    ("Frozen shoulder\nFrozen shoulder makes the shoulder stiff and painful for months.\n"
     "4. How is it treated?\n"
     "a) Medicines\nIbuprofen 400 mg three times a day with food can ease the pain for a few weeks.\n"
     "b) Physiotherapy\nGentle stretching every day keeps the joint moving.\n"
     "c) Injections\nA steroid injection into the joint can ease pain in the early stage.\n",
     ["a) Medicines", "b) Physiotherapy", "c) Injections"], "a) Medicines"),
    ("Plantar fasciitis: treatment options\nHeel pain that is worst with the first steps of the morning.\n\n"
     "3. Treatment\n\n"
     "A. Pain relief\n\nNaproxen 250 mg twice a day after food for up to 10 days.\n\n"
     "B. Insoles and footwear\n\nCushioned heels and arch supports take the strain off the fascia.\n",
     ["A. Pain relief", "B. Insoles and footwear"], "A. Pain relief"),
    ("Acne: a clinic handout\nAcne is very common in teenagers and young adults.\n"
     "2. Options\n"
     "a) Creams and gels\nApply benzoyl peroxide 5% gel once a day to the whole area.\n"
     "b) Tablets\nYour GP may suggest lymecycline 408 mg once a day for three months.\n",
     ["a) Creams and gels", "b) Tablets"], "b) Tablets"),
]


@pytest.mark.parametrize("text, lettered, dosing", LETTERED_PAGES)
def test_lettered_sub_headings_under_a_numbered_heading(text, lettered, dosing, tmp_path):
    _, sections = read(text)
    got = headings(sections)
    assert all(h in got for h in lettered)
    assert kind_of(sections, dosing) in DOSING_KINDS
    assert all(s["level"] == 2 for s in sections if s["heading"] in lettered)
    same_words(text, tmp_path)


def test_a_lettered_list_stays_a_list():
    # lettered steps with no text between them, and a list that does not start at a
    text = ("How to use a spacer\nA spacer helps more of the medicine reach the lungs.\n"
            "Steps\nb) Shake the inhaler\nc) Fit it into the spacer\nd) Breathe in slowly\n"
            "Wash the spacer once a month in warm soapy water.\n")
    _, sections = read(text)
    assert not any(h.startswith(("b)", "c)", "d)")) for h in headings(sections))


# ---------------------------------------------------------------- lists announced by a colon

ANNOUNCED_PAGES = [
    ("Kidney stones\nA stone usually causes no symptoms until it moves. At that point you might have:\n"
     "Severe, sharp pain in the side and back, below the ribs\nPain that spreads to the groin\n"
     "Nausea and vomiting\nWhen to see a doctor\nGet medical care right away if the pain is so bad you cannot sit still.\n",
     ["Severe, sharp pain in the side and back, below the ribs", "Pain that spreads to the groin", "Nausea and vomiting"],
     "When to see a doctor"),
    ("Neck pain from arthritis\nYour doctor will examine your neck. Tests may include:\n"
     "X-ray of the neck (front and side views)\nMRI, if there are nerve symptoms\n"
     "Treatment\nMost people get better with exercises and simple painkillers over a few weeks.\n",
     ["X-ray of the neck (front and side views)", "MRI, if there are nerve symptoms"], "Treatment"),
    ("Restless legs\nRestless legs can run in families. Secondary restless legs can be linked to:\n"
     "Iron deficiency\nPregnancy, especially the last three months\nKidney disease\nPeripheral neuropathy\n"
     "Some medicines, including sedating antihistamines and some antidepressants\n"
     "Diagnosis\nA blood test for ferritin is the first test most people have.\n",
     ["Iron deficiency", "Kidney disease", "Peripheral neuropathy"], "Diagnosis"),
]


@pytest.mark.parametrize("text, lines, heading", ANNOUNCED_PAGES)
def test_the_lines_a_sentence_announces_are_no_headings(text, lines, heading, tmp_path):
    _, sections = read(text)
    got = headings(sections)
    assert not any(line in got for line in lines)
    assert heading in got
    same_words(text, tmp_path)


def test_a_heading_after_an_announced_list_of_lower_case_lines_stays():
    text = ("Paracetamol for adults\nMost adults can take paracetamol.\n"
            "Check with a pharmacist first if you:\nhave liver problems\ndrink more than 14 units a week\n"
            "How and when to take it\nSwallow the tablets whole with a drink of water.\n")
    _, sections = read(text)
    assert "How and when to take it" in headings(sections)


def test_a_heading_set_apart_after_an_announced_list_stays():
    text = ("After cataract surgery\n\nYou will go home with two bottles. Your surgeon may add a third:\n\n"
            "  Ketorolac 0.5% eye drops - an anti-inflammatory drop\n\n"
            "Your drop chart\n\nUse each drop four times a day for two weeks.\n")
    _, sections = read(text)
    assert "Your drop chart" in headings(sections)


def test_a_long_last_line_of_an_unmarked_list_is_no_heading():
    text = ("Restless legs\nWhat are the symptoms?\nAn urge to move the legs, usually with odd feelings\n"
            "Symptoms that get worse when you rest\nSymptoms that are worse in the evening or at night\n"
            "Many people also have jerking movements of the legs through the night, every 20 to 40 seconds.\n")
    _, sections = read(text)
    assert "Symptoms that are worse in the evening or at night" not in headings(sections)


def test_a_short_heading_after_an_unmarked_list_stays():
    text = ("Opioid taper plan\nYour medicines now\n"
            "Morphine modified-release 30 mg twice a day\nPregabalin 150 mg twice a day (not changing)\n"
            "Your reducing plan\nEvery two weeks we will lower the morning dose by 10 mg.\n")
    _, sections = read(text)
    assert "Your reducing plan" in headings(sections)


# ---------------------------------------------------------------- tabs set out with spaces

TAB_ROWS = [
    "Symptoms & causes   Diagnosis & treatment   Doctors & departments",
    "Dosing & Uses   Interactions   Adverse Effects   Warnings",
    "Overview    Side Effects    Dosage    Reviews",
]


@pytest.mark.parametrize("lead", ["", "Gout is common, and treatable.\n"])
@pytest.mark.parametrize("row", TAB_ROWS)
def test_a_row_of_tabs_set_out_with_spaces_is_chrome(row, lead, tmp_path):
    # under the title, or in the body under the page's opening line
    text = f"Gout\n{lead}{row}\nOverview\nGout is a painful arthritis caused by uric acid crystals in a joint.\n"
    meta, sections = read(text)
    assert row not in headings(sections)
    chrome = [e["text"] for e in meta.get("header", []) if e["role"] == "chrome"]
    assert row in chrome + [b.get("chrome") for s in sections for b in s["blocks"]]
    same_words(text, tmp_path)


def test_a_charts_header_row_set_out_with_spaces_stays_a_table():
    text = ("Eye drops after surgery\nYour drop chart\n"
            "Drop                Weeks One   Weeks Two   Weeks Three\n"
            "Chloramphenicol     1 drop 4 times a day   stop   stop\n"
            "Dexamethasone       1 drop 4 times a day   1 drop twice a day   stop\n")
    _, sections = read(text)
    tables = [b for s in sections for b in s["blocks"] if "table" in b]
    assert tables and tables[0]["table"][0]["text"].startswith("Drop")


# ---------------------------------------------------------------- contents lists

def test_a_contents_list_printed_straight_into_the_text_is_chrome(tmp_path):
    text = ("Amitriptyline for pain\nIn this article\nWhat is amitriptyline?\nHow to take it\n"
            "Side effects\nWhat is amitriptyline?\nAmitriptyline is an old antidepressant now used in small doses for pain.\n"
            "How to take it\nTake 10 mg at night, one to two hours before bed.\n"
            "Side effects\nA dry mouth and feeling sleepy are the most common ones.\n")
    _, sections = read(text)
    assert headings(sections) == ["What is amitriptyline?", "How to take it", "Side effects"]
    same_words(text, tmp_path)


@pytest.mark.parametrize("heading, row", [
    ("Contents", "Overview | Symptoms | Treatment | Outlook"),
    ("On this page", "Causes · Symptoms · Treatment"),
])
def test_a_contents_heading_over_its_links_along_one_line_is_chrome(heading, row):
    text = f"Sciatica\nSciatica is pain that runs down the leg from the back.\n{heading}\n{row}\nOverview\nIt usually gets better within six weeks.\n"
    _, sections = read(text)
    assert heading not in headings(sections)
    assert "Overview" in headings(sections)


# ---------------------------------------------------------------- over and at the title

@pytest.mark.parametrize("trail, title", [
    ("Health Library / Diseases & Conditions", "Restless Legs Syndrome (RLS)"),
    ("Patient Guides / Medicines", "Taking Warfarin Safely"),
])
def test_a_two_part_slash_trail_over_the_title_is_furniture(trail, title, tmp_path):
    text = f"{trail}\n{title}\nThis guide explains what you need to know and when to get help quickly.\n"
    meta, _ = read(text)
    assert meta["title"] == title
    assert trail in [e["text"] for e in meta.get("preamble", [])]
    same_words(text, tmp_path)


def test_a_title_joining_two_names_with_a_slash_stays_the_title():
    meta, _ = read("Hay fever / allergic rhinitis\nHay fever is an allergy to pollen that makes you sneeze.\n")
    assert meta["title"] == "Hay fever / allergic rhinitis"


@pytest.mark.parametrize("title", ["ketorolac (Rx)", "amoxicillin and clavulanate", "metformin (OTC/Rx)"])
def test_a_drug_references_lower_case_title(title, tmp_path):
    text = f"Drugs > Monographs > Analgesics\n{title}\nBrand names: Example\nDosing\nAdult: 10 mg by mouth every 6 hours.\n"
    meta, _ = read(text)
    assert meta["title"] == title
    same_words(text, tmp_path)


def test_a_lower_case_sentence_is_no_title():
    meta, _ = read("tablet: 10 mg\nThis is the product's strength, printed on the box.\n")
    assert meta["title"] != "tablet: 10 mg"


@pytest.mark.parametrize("menu", [
    "Find a Doctor | Locations | MyChart Login | Need Help?",
    "Shop | Pharmacy | Offers | Questions?",
])
def test_a_site_menu_with_a_help_link_is_furniture(menu):
    meta, _ = read(f"Brookline Health\n{menu}\nAsthma in Adults\nAsthma is a long-term condition of the airways.\n")
    assert meta["title"] == "Asthma in Adults"


def test_a_question_line_is_no_menu():
    _, sections = read("Asthma in Adults\nAsthma is a long-term condition.\nCan I exercise with asthma | and sport?\nYes, most people can.\n")
    assert not any("|" in (b.get("chrome") or "") for s in sections for b in s["blocks"])


@pytest.mark.parametrize("label", ["Medicine leaflet", "Drug information leaflet", "Medication factsheet"])
def test_a_leaflets_type_label_under_its_byline_is_chrome(label):
    text = (f"Amitriptyline for pain\nWritten by A. Writer, MRPharmS\n{label}\n"
            "Type of medicine: A tricyclic antidepressant\nUsed for: Nerve pain\n"
            "What is amitriptyline?\nAn old antidepressant used in small doses for pain.\n")
    meta, sections = read(text)
    assert label not in headings(sections)
    assert label in [e["text"] for e in meta.get("header", [])]


# ---------------------------------------------------------------- Q&A columns of several letters

COLUMNS = [
    ("Ask Our Pharmacist: pain relief and travel\nPosted November 3, 2026\n"
     "Every month we answer the questions we hear most. Have a question? Ask at the counter.\n"
     "Can I take ibuprofen and paracetamol together?\nYes, most healthy adults can, as they work in different ways.\n"
     "My back hurts after gardening. How much naproxen can I take?\nFollow the label: one 250 mg tablet twice a day.\n"
     "Is it safe to take a cold remedy with paracetamol?\nCheck the box first, as many already contain it.\n"
     "Do you have a question for our pharmacists?\nAsk in any branch or through the app.\n", 3),
    ("Pharmacist Q&A: your winter questions\n\n"
     "Should I get the flu jab if I had flu last year?\n\nYes. Each year's jab covers the strains expected this winter.\n\n"
     "Can children have decongestant sprays?\n\nNot under six; use saline drops instead.\n\n"
     "What helps a sore throat most?\n\nHoney and lemon, paracetamol and time.\n", 3),
    ("Your questions: hay fever season\n"
     "Is it too late to start a steroid nasal spray?\nNo. It takes a few days to work, so start now.\n"
     "Can I drive on antihistamines?\nChoose a non-drowsy one such as loratadine, and see how it affects you.\n"
     "Do eye drops help?\nYes, sodium cromoglicate drops ease itchy eyes.\n"
     "Have a question for our pharmacist? Email us at any time.\n", 3),
]


@pytest.mark.parametrize("text, entries", COLUMNS)
def test_a_column_answering_several_readers_holds_an_entry_each(text, entries, tmp_path):
    _, sections = read(text)
    assert faq_count(sections) == entries
    assert not any(h.endswith("?") for h in headings(sections))
    same_words(text, tmp_path)


def test_a_column_answering_one_letter_keeps_one_entry():
    text = ("Ask the Pharmacist\nCan I take ibuprofen with my blood thinner?\n"
            "I take apixaban after a clot last year, and my knee is sore after a fall. Can I take ibuprofen?\n"
            "It is best not to. Ibuprofen adds to the bleeding risk of apixaban. Paracetamol is the safer choice.\n")
    _, sections = read(text)
    assert faq_count(sections) == 1


def test_questions_on_a_page_that_is_no_column_stay_headings():
    text = ("Gallstones\nGallstones are small stones in the gallbladder.\n"
            "What are gallstones?\nHard lumps of cholesterol or bile pigment.\n"
            "Who gets them?\nThey are more common in women and after 40.\n"
            "How are they treated?\nSurgery to remove the gallbladder is the usual treatment.\n")
    _, sections = read(text)
    assert faq_count(sections) == 0
    assert "Who gets them?" in headings(sections)


# ---------------------------------------------------------------- a mail's masthead

MAILS = [
    ("From: HeartRhythm Community <digest@example.org>\nTo: you\nDate: Monday 9 November 2026\n"
     "Subject: Your weekly digest: 4 popular discussions\n\nView this email in your browser\n\n"
     "HeartRhythm Community - weekly digest\n\nHello from the community team. Here is what members talked about this week.\n\n"
     "Top discussions this week\n\nMembers compared notes on travelling with anticoagulants.\n",
     "HeartRhythm Community - weekly digest"),
    ("From: Coeliac Friends <news@example.org>\nDate: 2 March 2026\nSubject: March newsletter from Coeliac Friends\n\n"
     "Coeliac Friends Newsletter - March\n\nWelcome to our spring issue, with news of the gluten-free prescription changes.\n\n"
     "Prescriptions\n\nGluten-free bread is still on prescription in most of Wales.\n",
     "Coeliac Friends Newsletter - March"),
]


@pytest.mark.parametrize("text, title", MAILS)
def test_a_mails_masthead_under_its_headers_is_the_title(text, title, tmp_path):
    meta, sections = read(text)
    assert meta["title"] == title
    assert title not in headings(sections)
    assert any(e["role"] == "subject" for e in meta["preamble"])
    same_words(text, tmp_path)


def test_a_mail_without_a_masthead_keeps_its_subject_as_the_title():
    text = ("From: Harbour Clinic <care@example.org>\nDate: 17 Nov 2026\nSubject: Your treatment plan from today's appointment\n\n"
            "Dear Maria,\n\nThank you for speaking with me this afternoon. Here is what we agreed.\n\n"
            "Your medicines\n\nTake amoxicillin 500 mg three times a day for five days.\n")
    meta, _ = read(text)
    assert meta["title"] == "Your treatment plan from today's appointment"


# ---------------------------------------------------------------- a shop box

@pytest.mark.parametrize("box", [
    ["Products & Services", "Book: The Lakeshore Clinic Guide to Kidney Health"],
    ["Shop and services", "eBook: Living Well With Arthritis"],
])
def test_a_sites_shop_box_is_chrome(box):
    text = ("Kidney stones\nOverview\nKidney stones are hard lumps of minerals that form in the kidneys.\n"
            + "\n".join(box) + "\nSymptoms\nA stone causes no symptoms until it moves.\n")
    _, sections = read(text)
    assert headings(sections) == ["Overview", "Symptoms"]


def test_a_book_named_in_a_sentence_stays_text():
    _, sections = read("Reading list\nBooks\nBook: ask your library for large-print copies of our leaflets.\n")
    assert "Book: ask your library for large-print copies of our leaflets." not in [
        b.get("chrome") for s in sections for b in s["blocks"]]


# ---------------------------------------------------------------- an amount named as the dose

@pytest.mark.parametrize("sentence", [
    "For adults the usual dose is 10 mg, given into the side of the mouth.",
    "The starting dose is 25 mg, and your specialist may raise it later.",
    "A single dose of 2 g is given at the clinic.",
])
def test_an_amount_named_as_the_usual_dose_makes_a_drug_section(sentence):
    text = f"Seizures: a factsheet\nAbout this factsheet\nIt explains your medicines.\nEmergency medicine\n{sentence}\n"
    _, sections = read(text)
    assert kind_of(sections, "Emergency medicine") in DOSING_KINDS


def test_an_amount_that_is_no_named_dose_leaves_the_section_as_it_was():
    text = ("Seizures: a factsheet\nAbout this factsheet\nIt explains your medicines.\n"
            "Emergency medicine\nThe pen holds 10 mg, and a spare should go with you on trips.\n")
    _, sections = read(text)
    assert kind_of(sections, "Emergency medicine") not in DOSING_KINDS


# ---------------------------------------------------------------- an unnamed reviewer's date

@pytest.mark.parametrize("line, date", [
    ("Last reviewed by a Brookline Health medical professional on 10/02/2026.", "2026-02-10"),
    ("Reviewed by one of our clinical pharmacists on 3 March 2026", "2026-03-03"),
    ("Medically reviewed by an NHS GP on 14 January 2026.", "2026-01-14"),
])
def test_a_review_by_someone_unnamed_dates_the_page(line, date):
    text = f"Restless legs\nIntroduction\nRestless legs make you want to move your legs at night.\n{line}\nReferences\nAllen RP. Restless legs. 2005.\n"
    meta, _ = read(text)
    assert meta.get("last_reviewed") == date
    assert not meta.get("reviewers")


# ---------------------------------------------------------------- a long line straight under a heading

@pytest.mark.parametrize("line", [
    "Indicated only as continuation of IV or IM therapy",
    "Use only when the first-line treatments have not worked",
    "Reserved for adults who cannot swallow tablets at all",
])
def test_a_long_sentence_case_line_under_a_heading_is_its_text(line):
    text = f"ketorolac (Rx)\nDosing\nIV/IM\nSingle dose: 30 mg IV once\nPO\n{line}\nPatients 17-64 years: 20 mg PO once, then 10 mg PO q6hr PRN\nPediatric\nNot established.\n"
    _, sections = read(text)
    assert line not in headings(sections)
    assert "PO" in headings(sections)


def test_a_short_sub_heading_under_a_heading_stays():
    text = ("Ibuprofen tablets\n2. Before you take it\nDo not take it\nif you are allergic to ibuprofen or aspirin.\n"
            "3. How to take it\nTake 1 or 2 tablets every 4 hours.\n")
    _, sections = read(text)
    assert "Do not take it" in headings(sections)


# ---------------------------------------------------------------- one product of a strength used as the dose

@pytest.mark.parametrize("sentence", [
    "Children weighing 15 to 30 kg usually use a 150 microgram pen, and heavier children a 300 microgram pen.",
    "Most adults take a 500 mg tablet with breakfast.",
    "The nurse will give a 0.5 mL injection into the thigh.",
])
def test_one_product_of_a_strength_used_as_the_dose_makes_a_drug_section(sentence):
    text = f"Medicines in school\nAbout this letter\nPlease read it with your child.\nSevere allergies\n{sentence}\n"
    _, sections = read(text)
    assert kind_of(sections, "Severe allergies") in DOSING_KINDS


def test_a_pack_named_with_its_strength_is_no_dose():
    text = ("Medicines in school\nAbout this letter\nPlease read it with your child.\n"
            "Severe allergies\nThe 150 microgram pens are kept in the office, in a labelled box.\n")
    _, sections = read(text)
    assert kind_of(sections, "Severe allergies") not in DOSING_KINDS
