"""Headings, section kinds and FAQ entries of an article's body, read from what the text is.

- A product's name with its strength number and a form in the singular ("Dolofen 500
  Tablet") is a name, not a count of 500 tablets: a heading that names it is a heading, a
  list of such products with their prices doses nothing.
- A Q&A page whose questions stand over their answers, introduced as the questions readers
  ask, holds FAQ entries, with a closing tips list under a heading of its own.
- A site's promotional foot ("Need more information?" over a pointer to partner sites), a
  feedback widget, an entry of a reference list, a drug guide's classification line or a
  database's tab label is no heading; a leaflet label printed as the body's headings are is
  one.
- An amount a clinician gives in a procedure (an injection into a joint) is not a dose for
  the reader: it does not make a section a dose section; an instruction to inject does.
- A shop's price table (pack and price columns) doses nothing.

Every page is written for these tests, in the manner of several kinds of site, and each
keeps its words on a round trip.
"""

from __future__ import annotations

import pytest

from medlint.exporter import export_article, words
from medlint.importer.decompose import DOSING_KINDS
from medlint.records.store import load_article
from support import article_from_text, headings, read


def kinds(sections) -> dict[str, str]:
    return {s["heading"]: s["kind"] for s in sections if s["heading"]}


def dosing(sections) -> list[str]:
    return [s["heading"] for s in sections if s["heading"] and s["kind"] in DOSING_KINDS]


def faq_questions(sections) -> list[str]:
    return [e["question"] for s in sections for b in s["blocks"] for e in b.get("faq", [])]


# ---------------------------------------------------------------- product names with a strength number

E_PHARMACY = """\
Dolofen 500 Tablet
Overview
Dolofen 500 Tablet eases mild to moderate pain and brings down a fever.
Uses of Dolofen 500 Tablet
- Headache
- Fever
Side effects of Dolofen 500 Tablet
Most people have none; a few feel sick.
How to use Dolofen 500 Tablet
Adults: take 1 or 2 tablets every 4 to 6 hours, no more than 8 tablets in 24 hours.
How Dolofen 500 Tablet works
It blocks the signals of pain in the brain.
Alternatives
Paranil 500 Tablet  Rs 21.00 per strip
Febrex 500 Tablet  Rs 24.50 per strip
"""

CAPSULE_SHOP = """\
Zyrocin 250 Capsule
About Zyrocin 250 Capsule
Zyrocin 250 Capsule is an antibiotic for chest and ear infections.
Directions for Zyrocin 250 Capsule
Take one capsule twice a day for 5 days, with or without food.
Similar products
Azimax 250 Capsule
Zithron 250 Capsule
Brand sales
Over 120 crore capsules of the brand were sold last year.
"""


def test_a_product_name_with_its_strength_number_heads_its_sections():
    _, sections = read(E_PHARMACY)
    assert headings(sections) == ["Overview", "Uses of Dolofen 500 Tablet", "Side effects of Dolofen 500 Tablet",
                                  "How to use Dolofen 500 Tablet", "How Dolofen 500 Tablet works", "Alternatives"]
    assert dosing(sections) == ["How to use Dolofen 500 Tablet"]


def test_a_capsule_shop_page_doses_only_in_its_directions():
    _, sections = read(CAPSULE_SHOP)
    assert "Directions for Zyrocin 250 Capsule" in headings(sections)
    assert dosing(sections) == ["Directions for Zyrocin 250 Capsule"]  # the sales count and the product list dose nothing


def test_a_count_of_tablets_with_how_often_is_still_a_dose_line():
    page = "Pain relief\nFor a headache:\nTake 2 Tablet twice daily\nSee a doctor if it lasts.\n"
    _, sections = read(page)
    assert "Take 2 Tablet twice daily" not in headings(sections)


# ---------------------------------------------------------------- a Q&A page's questions

POISON_LINE_BLOG = """\
Ask the Travel Nurse: medicines on the move
Every summer we get the same worries from travellers. Here are the questions we hear most, with answers from our nurses.
Can I take my insulin on the plane?
Yes. Keep it in your hand luggage with a letter from your clinic, because the hold gets too cold.
What if I cross time zones with a twice-daily tablet?
Keep the gap between doses as near to twelve hours as you can, and move back to your usual times over a day or two.
I packed my inhaler in my suitcase. Will I need a letter?
Usually not, but carry it in its box with the pharmacy label on it.
Three things to pack
- A copy of your prescription.
- Enough medicine for two extra days.
- A list of your allergies.
"""

PHARMACY_BLOG = """\
Winter sniffles: what our counter staff are asked
Our pharmacists answer the questions people ask us most at this time of year.
Is a blocked nose a reason to see the GP?
Rarely. Most colds clear in a week to ten days without any treatment.
Can children use decongestant sprays?
Not under six years old. Saline drops are a gentler choice for little ones.
Do vitamin C tablets stop a cold?
The evidence says they do not prevent colds for most people, though they may shorten one slightly.
"""

LEAFLET_QUESTIONS = """\
Lisinopril
What is lisinopril used for?
It lowers blood pressure and protects the heart after a heart attack.
How should I take lisinopril?
Take one tablet once a day, at the same time each day.
What if I miss a dose?
Take it when you remember, unless the next dose is nearly due.
Storage
Keep it below 25 degrees, in its box.
"""


def test_question_lines_of_a_qa_page_are_faq_entries():
    _, sections = read(POISON_LINE_BLOG)
    assert faq_questions(sections) == ["Can I take my insulin on the plane?",
                                       "What if I cross time zones with a twice-daily tablet?",
                                       "I packed my inhaler in my suitcase. Will I need a letter?"]
    assert headings(sections) == ["Three things to pack"]


def test_an_introduction_saying_it_answers_questions_makes_a_qa_page():
    _, sections = read(PHARMACY_BLOG)
    assert len(faq_questions(sections)) == 3
    assert headings(sections) == []


def test_a_leaflet_with_question_headings_and_a_text_section_keeps_its_sections():
    _, sections = read(LEAFLET_QUESTIONS)
    assert faq_questions(sections) == []
    assert headings(sections)[-1] == "Storage"
    page = LEAFLET_QUESTIONS.replace("Lisinopril\n", "Lisinopril\nHere are the questions we hear most about it.\n")
    _, sections = read(page)
    assert faq_questions(sections) == []  # 'Storage' heads text, not a closing list: its sections


# ---------------------------------------------------------------- the site's foot, references, labels

HEALTH_PORTAL_FOOT = """\
Shingles
What is shingles?
Shingles is a painful rash caused by the chickenpox virus waking up again.
Treatment
Antiviral tablets work best when started within 3 days of the rash.
This information is general and is no substitute for advice from your doctor.
Was this page useful?  Yes  No
Need more information?
These partner organisations have more on this topic.
"""

CHARITY_FOOT = """\
Gout
Managing a flare
Rest the joint, keep it cool and raise it.
Want to know more?
Our partner sites have more information about this condition.
"""

MEDICINE_HUB_REFERENCES = """\
Naproxen
About naproxen
Naproxen is an anti-inflammatory painkiller.
Side effects
Indigestion is the most common.
References
Naproxen British National Formulary
Anti-Inflammatory Medicines Clinical Knowledge Summaries
"""

NURSING_GUIDE = """\
baclofen
(bak' loe fen)
Pregnancy Category C
Drug class
Centrally acting skeletal muscle relaxant
Indications
Spasticity from multiple sclerosis or spinal cord injury
"""

DRUG_DATABASE = """\
Tramadol
Generic Medicine Info
Indications and Dosage
Adult: 50-100 mg every 4-6 hours. Max: 400 mg daily.
Contraindications
Uncontrolled epilepsy.
"""

FORMULARY_CAPITALS = """\
Naproxen
INDICATIONS AND DOSE
Adult: 500 mg twice daily.
SIDE-EFFECTS
Indigestion and headache are common.
PATIENT AND CARER ADVICE
Advise patients to take the tablets with food and to report black stools.
MEDICINAL FORMS
Tablet: 250 mg, 500 mg.
"""

CLINIC_SENTENCE_CASE = """\
Wound care after minor surgery
Keeping the wound dry
Keep the dressing dry for two days.
Patient advice
Ask us before you swim, and tell us at once if the wound weeps or smells.
Stitches
They come out after 7 to 10 days.
"""


def test_a_promotional_foot_and_a_feedback_widget_are_no_headings():
    _, sections = read(HEALTH_PORTAL_FOOT)
    assert headings(sections) == ["What is shingles?", "Treatment"]
    _, sections = read(CHARITY_FOOT)
    assert headings(sections) == ["Managing a flare"]


def test_entries_of_a_reference_list_are_no_headings():
    _, sections = read(MEDICINE_HUB_REFERENCES)
    assert headings(sections) == ["About naproxen", "Side effects", "References"]


def test_a_classification_line_and_a_tab_label_under_the_title_are_no_headings():
    _, sections = read(NURSING_GUIDE)
    assert headings(sections) == ["Drug class", "Indications"]
    _, sections = read(DRUG_DATABASE)
    assert headings(sections) == ["Indications and Dosage", "Contraindications"]


def test_a_leaflet_label_printed_as_the_body_headings_are_is_a_heading():
    _, sections = read(FORMULARY_CAPITALS)
    assert headings(sections) == ["INDICATIONS AND DOSE", "SIDE-EFFECTS", "PATIENT AND CARER ADVICE", "MEDICINAL FORMS"]
    _, sections = read(CLINIC_SENTENCE_CASE)
    assert headings(sections) == ["Keeping the wound dry", "Patient advice", "Stitches"]


def test_a_leaflet_label_under_the_title_stays_furniture():
    page = "Knee replacement\nPatient advice\nThis leaflet explains what to expect after the operation.\nPain relief\nTake paracetamol 1 g every 6 hours, no more than 4 g a day.\n"
    _, sections = read(page)
    assert "Patient advice" not in headings(sections)


# ---------------------------------------------------------------- what a clinician gives, and price tables

SPORTS_CLINIC = """\
Hip bursitis
Painkillers
Ibuprofen 400 mg three times a day with food, for up to 10 days, can ease the pain.
Steroid injections
An injection of a steroid such as methylprednisolone 40 mg into the bursa can settle the pain for a few months.
Physiotherapy
Strengthening the hip muscles stops it coming back.
"""

ARTHRITIS_MAGAZINE = """\
Living with hand arthritis
Injections
A corticosteroid injection into the thumb joint (usually triamcinolone 10 mg) can help for several weeks. Most doctors allow no more than three a year.
Splints
A night splint rests the joint.
"""

SELF_INJECTION = """\
Adalimumab pen guide
Injections
Inject 40 mg under the skin of your tummy or thigh every 2 weeks, on the same day.
Storage
Keep the pens in the fridge.
"""

ONLINE_CLINIC_PRICES = """\
Hay fever treatment online
Treatments we offer
Treatment                        Pack           Price
Cetirizine 10 mg tablets         30 tablets     £3.99
Fexofenadine 120 mg tablets      30 tablets     £8.49
Mometasone nasal spray           1 bottle       £11.99
Cetirizine
Take one 10 mg tablet once a day.
"""


def test_an_injection_a_clinician_gives_into_a_joint_is_no_dose_section():
    _, sections = read(SPORTS_CLINIC)
    assert dosing(sections) == ["Painkillers"]
    _, sections = read(ARTHRITIS_MAGAZINE)
    assert dosing(sections) == []


def test_an_instruction_to_inject_is_a_dose_section():
    _, sections = read(SELF_INJECTION)
    assert dosing(sections) == ["Injections"]


def test_a_price_table_doses_nothing():
    # the row still reads with its pack cell (the dose checks see "6 tablets | £9.99"), but the
    # price after the amount says it is the pack a shop sells (checks/section-kinds.yaml,
    # not_doses_after): the table makes no section a drug section
    _, sections = read(ONLINE_CLINIC_PRICES)
    assert kinds(sections)["Treatments we offer"] not in DOSING_KINDS
    assert dosing(sections) == ["Cetirizine"]
    table = next(b for s in sections for b in s["blocks"] if "table" in b)
    assert table["columns"][1:] == ["pack", "pack"]


@pytest.mark.parametrize("text", [E_PHARMACY, CAPSULE_SHOP, POISON_LINE_BLOG, PHARMACY_BLOG, HEALTH_PORTAL_FOOT,
                                  CHARITY_FOOT, MEDICINE_HUB_REFERENCES, NURSING_GUIDE, DRUG_DATABASE,
                                  FORMULARY_CAPITALS, CLINIC_SENTENCE_CASE, SPORTS_CLINIC, ONLINE_CLINIC_PRICES])
def test_these_pages_round_trip_word_for_word(text, tmp_path):
    loaded = load_article(article_from_text(text, tmp_path))
    assert not loaded.violations, loaded.violations[:2]
    assert words(export_article(loaded.article, "text")) == words(text)
