"""Page styles the importer had not met (issue 14): a discharge sheet in capitals, an
emergency department advice sheet, Australian consumer medicine information (a full
leaflet and a summary), paediatric weight-band charts with tab-separated tables, a
telehealth blog and a pharmacy shop blog with marketing chrome, a personal asthma action
plan, an insulin-starting guide and an NHS trust leaflet. Every page is written for these
tests. Each asserts the title, the headings (never a unit line, a call to action, an
author card, a sponsor line, a form field or a table row), the dates read and that the
import keeps every word."""

from __future__ import annotations

import pytest

from medlint.exporter import export_article, words
from medlint.importer.decompose import DOSING_KINDS
from medlint.records.store import load_article
from support import article_from_text, headings, read


DISCHARGE_CAPS = """\
DISCHARGE INSTRUCTIONS AFTER KNEE ARTHROSCOPY
Riverside Day Surgery Unit
You have had keyhole surgery on your knee. These instructions explain how to look after yourself at home over the next two weeks.
PAIN RELIEF
Take paracetamol 1 g every 6 hours for the first 3 days, no more than 4 g in 24 hours.
You may also take ibuprofen 400 mg three times a day with food if your doctor has said it is safe.
WOUND CARE
Keep the dressing clean and dry for 5 days. Do not soak the knee in a bath until the stitches are out.
ACTIVITY
Walk short distances several times a day. Use the crutches for as long as the physiotherapist advised.
WHEN TO GET HELP
Call the ward or go to A&E if your calf becomes swollen or painful, you feel short of breath, or the wound leaks pus.
FOLLOW-UP
Your stitches will be removed at your GP practice in 10 to 14 days.
"""

ED_HEAD_INJURY = """\
ST MARY'S HOSPITAL EMERGENCY DEPARTMENT
HEAD INJURY ADVICE FOR ADULTS
You have been seen in the Emergency Department with a head injury. We have checked you and think it is safe for you to go home.
WHAT TO EXPECT
You may have a mild headache, feel sick or feel dizzy for a few days.
MEDICINES FOR PAIN
Paracetamol: take 2 x 500 mg tablets every 4 to 6 hours if needed. Do not take more than 8 tablets in 24 hours.
Avoid aspirin and ibuprofen for 48 hours unless a doctor tells you otherwise.
THINGS YOU SHOULD NOT DO
Do not drink alcohol for 48 hours.
Do not drive until you feel completely well.
RETURN TO THE EMERGENCY DEPARTMENT IF
You have a headache that gets worse, you vomit more than once, or you become confused or very sleepy.
Leaflet ED/041 Version 3 Review date March 2027
"""

CMI_FULL = """\
NEXIUM® esomeprazole 20 mg and 40 mg tablets
Consumer Medicine Information
What is in this leaflet
This leaflet answers some common questions about Nexium. It does not contain all the available information. It does not take the place of talking to your doctor or pharmacist.
What Nexium is used for
Nexium is used to treat reflux oesophagitis and to help heal and prevent stomach ulcers.
Before you take Nexium
Do not take Nexium if you are allergic to esomeprazole or any of the ingredients listed at the end of this leaflet.
Tell your doctor if you have liver problems.
How to take Nexium
The usual dose for reflux oesophagitis is 40 mg once a day for 4 weeks. To prevent the reflux coming back, the dose is 20 mg once a day.
Swallow the tablets whole with a glass of water.
If you take too much (overdose)
Immediately telephone your doctor or the Poisons Information Centre (13 11 26) for advice.
While you are taking Nexium
Tell your doctor if your symptoms come back.
Side effects
Tell your doctor if you notice headache, diarrhoea or stomach pain.
Product description
Nexium 20 mg tablets are light pink, oblong and film-coated, marked 20 mG on one side.
Nexium 40 mg tablets are pink, oblong and film-coated, marked 40 mG on one side.
Sponsor
AstraZeneca Pty Ltd
ABN 54 009 682 311
66 Talavera Road, Macquarie Park NSW 2113
This leaflet was prepared in June 2024.
"""

CMI_SUMMARY = """\
Panadol Osteo
paracetamol 665 mg modified release tablets
Consumer Medicine Information (CMI) summary
What is Panadol Osteo used for?
Panadol Osteo is used for the relief of persistent pain associated with osteoarthritis.
What should I know before I use Panadol Osteo?
Do not use if you have ever had an allergic reaction to paracetamol. Talk to your doctor if you drink a lot of alcohol.
What if I am taking other medicines?
Some medicines may interfere with Panadol Osteo. Do not take it with other medicines containing paracetamol.
How do I use Panadol Osteo?
Adults: take 2 tablets every 6 to 8 hours, swallowed whole with water. Do not take more than 6 tablets in 24 hours.
What should I know while using Panadol Osteo?
Tell your doctor if your pain does not get better.
What does Panadol Osteo look like?
White, capsule-shaped, film-coated tablets marked "8" on one side. Available in packs of 96 tablets.
Who distributes Panadol Osteo?
Haleon Australia Pty Ltd, Sydney NSW 2000
This leaflet was prepared on 12 March 2025.
"""

WEIGHT_CHART = """\
Paracetamol dosing chart for children
Children's Pharmacy Service
Give the dose for your child's weight, not their age. Use the oral syringe that comes with the medicine.
Paracetamol oral suspension 120 mg/5 mL
Weight	Dose	How often	Maximum in 24 hours
5 to 6.9 kg	2.5 mL	every 4 to 6 hours	4 doses
7 to 9.9 kg	3.5 mL	every 4 to 6 hours	4 doses
10 to 14.9 kg	5 mL	every 4 to 6 hours	4 doses
15 to 19.9 kg	7.5 mL	every 4 to 6 hours	4 doses
Ibuprofen oral suspension 100 mg/5 mL
Weight	Dose	How often
5 to 7.9 kg	2.5 mL	every 6 to 8 hours
8 to 9.9 kg	3 mL	every 6 to 8 hours
10 to 15.9 kg	5 mL	every 6 to 8 hours
When to get help
Call 111 if your child has a fever for more than 5 days.
"""

WARD_CHART = """\
Weight-based dosing: amoxicillin for children
Ward 4 Children's Unit
Amoxicillin is an antibiotic used for chest and ear infections.
Dose by weight
Body weight (kg)	Amoxicillin 125 mg/5 mL	Amoxicillin 250 mg/5 mL
Under 10	5 mL three times a day	2.5 mL three times a day
10 to 19	10 mL three times a day	5 mL three times a day
20 and over	-	10 mL three times a day
Giving the medicine
Shake the bottle well. Finish the whole course even if your child seems better.
"""

TELEHEALTH_BLOG = """\
How to Treat a UTI at Home (and When You Need Antibiotics)
6 min read
By Dr. Hannah Price, MBBS | Medically reviewed by Dr. Omar Said, MD | Updated 3 October 2026
Share this article
Facebook · Twitter · Copy link
Book a consultation with a GP today
Talk to a doctor in minutes. No waiting rooms.
Urinary tract infections are common, especially in women. Most are caused by bacteria that enter the bladder through the urethra.
Symptoms of a UTI
A burning feeling when you pee, needing to pee often, and cloudy or smelly urine are the classic signs.
Treatment
Nitrofurantoin 100 mg modified-release twice a day for 3 days is a common first choice for women.
Get treated online
Start your consultation
Get a prescription sent to your local pharmacy.
When to see a doctor urgently
Go to A&E if you have a high temperature, pain in your side or back, or you are being sick.
About the author
Dr. Hannah Price is a GP with 12 years of experience in women's health.
Related articles
Cystitis in men
Kidney infections
"""

PHARMACY_SHOP_BLOG = """\
Hay fever tablets: which one is right for you?
Written by Sam Okoro, MPharm
Reviewed by Dr. Lisa Chen, MRCGP
Last updated: 14 May 2026
4 minute read
Get 20% off your first order
Shop hay fever treatments
Hay fever affects one in five people in the UK.
Non-drowsy antihistamines
Cetirizine 10 mg once a day and loratadine 10 mg once a day are the usual choices for adults.
Nasal sprays
Use 2 sprays in each nostril once a day.
Not sure what to choose? Chat to our pharmacists
Start a free consultation
Share: Facebook | Twitter | Email
"""

ACTION_PLAN = """\
My asthma action plan
Name: ____________
My reliever inhaler is ____________ (usually blue)
My preventer inhaler is ____________
Green zone: I feel well
I take my preventer inhaler ____ puffs in the morning and ____ puffs at night, every day, even when I feel well.
I use my reliever inhaler if I wheeze or cough.
Yellow zone: my asthma is getting worse
I take my reliever inhaler 2 to 4 puffs every 4 hours.
I make an appointment to see my GP or asthma nurse within 24 hours.
Red zone: asthma attack
Sit up straight and take 1 puff of my reliever inhaler every 30 to 60 seconds, up to 10 puffs.
Call 999 if I do not feel better after 10 puffs.
"""

INSULIN_GUIDE = """\
Starting insulin: a guide for people with type 2 diabetes
Diabetes Specialist Nursing Team
Your diabetes team has suggested you start insulin. This guide explains how to start and how to change your dose.
Your starting dose
Most people start with 10 units of long-acting insulin (such as insulin glargine) once a day, at the same time each day.
Adjusting your dose
Check your fasting blood glucose every morning. If it is above 7 mmol/L for 3 days in a row, increase your dose by 2 units.
Hypos
If your blood glucose is below 4 mmol/L, have 15 to 20 g of fast-acting sugar, such as 150 ml of fruit juice.
Storing your insulin
Keep spare pens in the fridge. The pen you are using can stay at room temperature for 28 days.
"""

TRUST_LEAFLET = """\
Northgate Hospitals NHS Foundation Trust
Patient information
Taking warfarin
Leaflet number: PI-0342
Version: 4
Review date: August 2027
This leaflet is for patients starting warfarin.
What is warfarin?
Warfarin is an anticoagulant: it makes your blood take longer to clot.
How to take warfarin
Take your warfarin once a day at the same time, usually 6 pm. Your dose in milligrams is written in your yellow book.
Missed doses
If you forget a dose, take it as soon as you remember on the same day. Do not take a double dose.
Contact us
Anticoagulation clinic: 01632 960 123
"""

CAPS_DISCHARGE_WITH_FIELDS = """\
LAKESIDE GENERAL HOSPITAL
DISCHARGE INSTRUCTIONS: PNEUMONIA
Patient name: ______________________   Date: ____________
YOUR DIAGNOSIS
You were treated for pneumonia, an infection of the lungs.
YOUR MEDICINES
Amoxicillin 500 mg: take 1 capsule three times a day for 5 more days.
Acetaminophen 650 mg every 6 hours as needed for fever. Do not take more than 3,000 mg in 24 hours.
DO:
Drink plenty of fluids.
Rest as much as you need.
DON'T:
Smoke or be around smoke.
CALL YOUR DOCTOR IF:
Your fever returns or you are more short of breath.
IF YOU HAVE QUESTIONS, CALL THE NURSE LINE AT (555) 014-2200.
Nurse signature: ______________
"""

TRUST_LEAFLET_FOOT = """\
Harbour View Hospitals NHS Foundation Trust
Patient Information Leaflet
Pharmacy Department
Starting Lansoprazole
What is lansoprazole?
Lansoprazole reduces the amount of acid your stomach makes.
How should I take it?
Take one 30 mg capsule once a day, in the morning, 30 minutes before breakfast.
Side effects
Headache and diarrhoea are the most common.
If you need this information in another language or format, please ask a member of staff.
Author: Lead Pharmacist, Medicines Information
Date of publication: 12 February 2025
Review date: February 2028
Leaflet No: PHA-118 Version 1
© Harbour View Hospitals NHS Foundation Trust
"""

WEIGHT_LOSS_CLINIC_BLOG = """\
Can You Get Ozempic Online? What to Know Before You Start
Written by Jordan Blake · Medically reviewed by Dr. Amy Ford, MD · 7 min read
Key takeaways
Semaglutide is a weekly injection for type 2 diabetes and weight management.
Ready to get started?
Take our free assessment
How semaglutide is started
The usual starting dose is 0.25 mg injected once a week for 4 weeks, then 0.5 mg once a week.
Side effects
Nausea is common in the first weeks.
Trusted by over 500,000 patients
Get started today
Sources
1. Wegovy prescribing information.
Related posts
Metformin vs semaglutide
"""


def dose_headings(sections) -> set[str]:
    return {s["heading"] for s in sections if s["heading"] and s["kind"] in DOSING_KINDS}


def chrome(meta, sections) -> list[str]:
    lines = [e["text"] for key in ("preamble", "header", "footer") for e in meta.get(key, [])]
    return lines + [b["chrome"] for s in sections for b in s["blocks"] if "chrome" in b]


@pytest.mark.parametrize("text, title, heads", [
    (DISCHARGE_CAPS, "DISCHARGE INSTRUCTIONS AFTER KNEE ARTHROSCOPY",
     ["PAIN RELIEF", "WOUND CARE", "ACTIVITY", "WHEN TO GET HELP", "FOLLOW-UP"]),
    (ED_HEAD_INJURY, "HEAD INJURY ADVICE FOR ADULTS",
     ["WHAT TO EXPECT", "MEDICINES FOR PAIN", "THINGS YOU SHOULD NOT DO", "RETURN TO THE EMERGENCY DEPARTMENT IF"]),
])
def test_a_discharge_sheet_in_capitals(text, title, heads):
    meta, sections = read(text)
    assert meta["title"] == title and headings(sections) == heads
    assert {"PAIN RELIEF", "MEDICINES FOR PAIN"} & dose_headings(sections)


def test_a_unit_service_or_team_line_under_the_title_is_furniture():
    for text, line in ((DISCHARGE_CAPS, "Riverside Day Surgery Unit"), (WEIGHT_CHART, "Children's Pharmacy Service"),
                       (WARD_CHART, "Ward 4 Children's Unit"), (INSULIN_GUIDE, "Diabetes Specialist Nursing Team")):
        meta, sections = read(text)
        assert line in [e["text"] for e in meta.get("header", [])] and line not in headings(sections)


def test_consumer_medicine_information_leaflets():
    meta, sections = read(CMI_FULL)
    assert meta["title"] == "NEXIUM® esomeprazole 20 mg and 40 mg tablets"
    # the leaflet's own "Sponsor" heading is its last section (as a CMI prints it under
    # "Product description"); the sponsor's lines are its text, the date is the foot
    assert headings(sections)[-2:] == ["Product description", "Sponsor"]
    assert [b["paragraph"] for b in sections[-1]["blocks"]][:2] == ["AstraZeneca Pty Ltd", "ABN 54 009 682 311"]
    assert [e["text"] for e in meta["footer"]] == ["This leaflet was prepared in June 2024."]
    assert meta["updated"] == "2024-06-01" and dose_headings(sections) == {"How to take Nexium"}
    meta, sections = read(CMI_SUMMARY)
    assert meta["title"] == "Panadol Osteo"
    assert meta["header"][0] == {"role": "subtitle", "text": "paracetamol 665 mg modified release tablets"}
    assert headings(sections) == ["What is Panadol Osteo used for?", "What should I know before I use Panadol Osteo?",
                                  "What if I am taking other medicines?", "How do I use Panadol Osteo?",
                                  "What should I know while using Panadol Osteo?", "What does Panadol Osteo look like?",
                                  "Who distributes Panadol Osteo?"]
    assert meta["updated"] == "2025-03-12" and dose_headings(sections) == {"How do I use Panadol Osteo?"}


def test_weight_band_charts_keep_tab_rows_as_table_rows():
    meta, sections = read(WEIGHT_CHART)
    assert headings(sections) == ["Paracetamol oral suspension 120 mg/5 mL", "Ibuprofen oral suspension 100 mg/5 mL",
                                  "When to get help"]
    tables = [b for s in sections for b in s["blocks"] if "table" in b]
    assert [b["style"] for b in tables] == ["tab", "tab"] and [len(b["table"]) for b in tables] == [5, 4]
    assert dose_headings(sections) == {"Paracetamol oral suspension 120 mg/5 mL", "Ibuprofen oral suspension 100 mg/5 mL"}
    meta, sections = read(WARD_CHART)
    assert headings(sections) == ["Dose by weight", "Giving the medicine"]
    assert [len(b["table"]) for s in sections for b in s["blocks"] if "table" in b] == [4]


def test_marketing_chrome_and_the_author_card_are_not_headings():
    meta, sections = read(TELEHEALTH_BLOG)
    assert meta["title"] == "How to Treat a UTI at Home (and When You Need Antibiotics)"
    assert headings(sections) == ["Symptoms of a UTI", "Treatment", "When to see a doctor urgently"]
    assert {"6 min read", "Book a consultation with a GP today", "Get treated online", "Start your consultation",
            "About the author"} <= set(chrome(meta, sections))
    meta, sections = read(PHARMACY_SHOP_BLOG)
    assert meta["title"] == "Hay fever tablets: which one is right for you?"
    assert headings(sections) == ["Non-drowsy antihistamines", "Nasal sprays"]
    assert {"Get 20% off your first order", "Shop hay fever treatments", "Start a free consultation",
            "Not sure what to choose? Chat to our pharmacists"} <= set(chrome(meta, sections))


def test_an_action_plans_fields_are_not_headings():
    meta, sections = read(ACTION_PLAN)
    assert meta["title"] == "My asthma action plan"
    assert headings(sections) == ["Green zone: I feel well", "Yellow zone: my asthma is getting worse",
                                  "Red zone: asthma attack"]
    assert "header" not in meta  # 'Name: ____' is a field, not a subtitle


def test_an_insulin_guide_and_a_trust_leaflet():
    meta, sections = read(INSULIN_GUIDE)
    assert headings(sections) == ["Your starting dose", "Adjusting your dose", "Hypos", "Storing your insulin"]
    assert dose_headings(sections) == {"Your starting dose", "Adjusting your dose"}
    meta, sections = read(TRUST_LEAFLET)
    assert meta["title"] == "Taking warfarin"
    assert headings(sections) == ["What is warfarin?", "How to take warfarin", "Missed doses", "Contact us"]


PAGES = [DISCHARGE_CAPS, ED_HEAD_INJURY, CMI_FULL, CMI_SUMMARY, WEIGHT_CHART, WARD_CHART, TELEHEALTH_BLOG,
         PHARMACY_SHOP_BLOG, ACTION_PLAN, INSULIN_GUIDE, TRUST_LEAFLET, CAPS_DISCHARGE_WITH_FIELDS, TRUST_LEAFLET_FOOT,
         WEIGHT_LOSS_CLINIC_BLOG]


@pytest.mark.parametrize("text", PAGES, ids=range(len(PAGES)))
def test_every_word_survives_import_and_export(text, tmp_path):
    loaded = load_article(article_from_text(text, tmp_path))
    assert not loaded.violations
    assert words(export_article(loaded.article, "text")) == words(text)


# ---------------------------------------------------------------- Q&A columns: one reader's letter

GP_COLUMN = """\
Ask the GP
Is it safe to take hay fever tablets every day all summer?
Asked by Priya, 34, Bristol
Question
I get hay fever from May to August. Is it all right to take cetirizine every single day for four months, or should I take breaks?
Dr Tom Reilly answers
Yes, for most adults it is. Cetirizine 10 mg once a day can be taken throughout the pollen season.
When to see your GP
See your GP if the tablets do not control your symptoms.
"""

COLUMN_WITHOUT_HEADINGS = """\
Pharmacy Q&A: Can I give my son ibuprofen and paracetamol together?
By Ana Ruiz MPharm | 4 April 2026
"My son is 4 and has a temperature. Can I give him both medicines at the same time?"
You can use either one, but it is best to start with one medicine. Paracetamol can be given every 4 to 6 hours.
Getting help
Call 111 if he is no better after 48 hours.
"""

MAGAZINE_WITH_A_QUESTION = """\
Why do I get heartburn at night?
Heartburn at night is common. Why does lying down make it worse? The valve at the top of the stomach works less well when you are flat.
What helps
Raise the head of your bed and eat earlier in the evening.
"""


def faq_entries(sections) -> list[dict]:
    return [e for s in sections for b in s["blocks"] for e in b.get("faq", [])]


@pytest.mark.parametrize("text, opening", [
    (GP_COLUMN, "I get hay fever from May to August."),
    (COLUMN_WITHOUT_HEADINGS, '"My son is 4 and has a temperature.'),
])
def test_a_q_and_a_columns_reader_letter_is_its_one_faq_entry(text, opening, tmp_path):
    meta, sections = read(text)
    entries = faq_entries(sections)
    assert len(entries) == 1 and entries[0]["question"].startswith(opening) and entries[0]["answer"] == ""
    loaded = load_article(article_from_text(text, tmp_path))
    assert not loaded.violations and words(export_article(loaded.article, "text")) == words(text)


def test_a_page_that_answers_no_letter_has_no_faq_entry():
    _, sections = read(MAGAZINE_WITH_A_QUESTION)
    assert faq_entries(sections) == []


def test_more_discharge_trust_and_clinic_pages():
    meta, sections = read(CAPS_DISCHARGE_WITH_FIELDS)
    assert meta["title"] == "DISCHARGE INSTRUCTIONS: PNEUMONIA"
    assert headings(sections) == ["YOUR DIAGNOSIS", "YOUR MEDICINES", "DO:", "DON'T:", "CALL YOUR DOCTOR IF:"]
    assert {s["heading"]: s["kind"] for s in sections}["CALL YOUR DOCTOR IF:"] == "red-flags"
    meta, sections = read(TRUST_LEAFLET_FOOT)
    assert meta["title"] == "Starting Lansoprazole"
    assert headings(sections) == ["What is lansoprazole?", "How should I take it?", "Side effects"]
    assert meta["updated"] == "2025-02-12" and meta["next_review"] == "2028-02-01"
    assert any(e["text"].startswith("If you need this information") for e in meta["footer"])
    meta, sections = read(WEIGHT_LOSS_CLINIC_BLOG)
    assert headings(sections) == ["Key takeaways", "How semaglutide is started", "Side effects", "Sources"]
    assert {"Ready to get started?", "Take our free assessment", "Get started today", "Related posts"} <= set(chrome(meta, sections))


# ---------------------------------------------------------------- a blog's furniture around the title

CATEGORY_OVER_TITLE = """\
Sexual health
How to Treat a UTI at Home (and When You Need Antibiotics)
Reading time: 6 minutes
Home / Blog / Sexual health
Urinary tract infections are common, especially in women.
Treatment
Nitrofurantoin 100 mg twice a day for 3 days is a common first choice.
Was this article helpful?
Yes No
Comments (3)
Leave a comment
Share: Facebook | LinkedIn | Email
"""

SHORT_TITLE_OVER_ITS_DEK = """\
Sciatica
Symptoms, causes and the treatments that help with leg pain
By Dr. Jane Roe, MD | Updated 2 May 2026
Sciatica is pain along the sciatic nerve. Sciatica often settles in weeks.
Treatment
Most sciatica gets better with exercise and time.
"""


def test_a_category_label_over_the_title_is_furniture_and_widgets_are_chrome(tmp_path):
    meta, sections = read(CATEGORY_OVER_TITLE)
    assert meta["title"] == "How to Treat a UTI at Home (and When You Need Antibiotics)"
    assert meta["preamble"] == [{"role": "chrome", "text": "Sexual health"}]
    assert headings(sections) == ["Treatment"]
    assert {"Reading time: 6 minutes", "Home / Blog / Sexual health", "Yes No", "Comments (3)", "Leave a comment",
            "Share: Facebook | LinkedIn | Email"} <= set(chrome(meta, sections))
    loaded = load_article(article_from_text(CATEGORY_OVER_TITLE, tmp_path))
    assert words(export_article(loaded.article, "text")) == words(CATEGORY_OVER_TITLE)


def test_a_short_title_whose_words_recur_below_stays_the_title():
    meta, sections = read(SHORT_TITLE_OVER_ITS_DEK)
    assert meta["title"] == "Sciatica" and headings(sections) == ["Treatment"]


def test_a_lone_tab_separated_row_is_never_a_heading():
    text = ("Fever in children\nA fever is a temperature of 38C or more.\nAge\tDose\n"
            "Paracetamol 120 mg/5 mL: 5 mL every 4 to 6 hours for children aged 1 to 2.\nWhen to get help\nCall 111.\n")
    _, sections = read(text)
    assert headings(sections) == ["When to get help"]


CMI_CAPITALS = """\
Consumer Medicine Information
VENTOLIN® INHALER
salbutamol sulfate 100 micrograms per actuation
What is in this leaflet
This leaflet answers some common questions about Ventolin Inhaler.
What Ventolin is used for
Ventolin opens the airways in asthma.
Before you use Ventolin
Tell your doctor if you have heart problems.
How to use Ventolin
Adults: 1 or 2 puffs when needed for wheezing, up to 4 times a day.
Storage
Keep it below 30°C.
Supplier
GlaxoSmithKline Australia Pty Ltd
Level 3, 436 Johnston Street, Abbotsford VIC 3067
AUST R 11111
This leaflet was revised in May 2025.
"""

CLINIC_AFTER_VISIT = """\
GREENFIELD MEDICAL CENTER
AFTER YOUR VISIT: ANKLE SPRAIN
MEDICATIONS
Ibuprofen 400 mg every 8 hours with food for up to 5 days.
ICE AND REST
Put ice on the ankle for 20 minutes every 2 to 3 hours for the first 2 days.
FOLLOW-UP APPOINTMENT
Follow-up appointment: 12/03/2026 with Dr Lee
RETURN PRECAUTIONS
Come back if you cannot put weight on the foot.
Discharging nurse: ______________
Date printed: 05/03/2026
"""


def test_a_capitalised_cmi_title_with_its_strength_line_and_a_clinic_after_visit_sheet(tmp_path):
    meta, sections = read(CMI_CAPITALS)
    assert meta["title"] == "VENTOLIN® INHALER"
    assert meta["header"][0] == {"role": "subtitle", "text": "salbutamol sulfate 100 micrograms per actuation"}
    assert headings(sections) == ["What is in this leaflet", "What Ventolin is used for", "Before you use Ventolin",
                                  "How to use Ventolin", "Storage", "Supplier"]
    assert meta["updated"] == "2025-05-01" and "AUST R 11111" in [b.get("paragraph") for b in sections[-1]["blocks"]]
    meta, sections = read(CLINIC_AFTER_VISIT)
    assert meta["title"] == "AFTER YOUR VISIT: ANKLE SPRAIN"
    assert headings(sections) == ["MEDICATIONS", "ICE AND REST", "FOLLOW-UP APPOINTMENT", "RETURN PRECAUTIONS"]
    assert {s["heading"]: s["kind"] for s in sections}["RETURN PRECAUTIONS"] == "red-flags"
    for text in (CMI_CAPITALS, CLINIC_AFTER_VISIT):
        loaded = load_article(article_from_text(text, tmp_path))
        assert words(export_article(loaded.article, "text")) == words(text)
