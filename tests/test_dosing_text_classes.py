"""Dose checks on classes of text the fourth held-out set found (corpus articles 85-96), each
written here in writers' styles the corpus lacks: a marketplace listing, a repeat-prescription
email, a pharmacy text message, a forum post, an app's help page, a care-home MAR note, a
school trip letter, a parent's blog, a charity's seizure plan. Each silent class has a twin
that is still flagged, and each missed class one that stays silent."""

import pytest

from support import findings_for

PAGE = "{heading}\n\n{body}\n\nThis is general information. Ask your pharmacist; doses are for adults.\n"


def page(body: str, heading: str = "How much to take") -> str:
    return PAGE.format(heading=heading, body=body)


def excerpts(body, check, tmp_path, heading="How much to take"):
    return [f.excerpt for f in findings_for(page(body, heading), check, tmp_path)]


# ------------------------------------------------------------------ DOS002: not doses to follow

SILENT_DOS002 = [
    # a product's name with its pack count (marketplace listing, price comparison, shop basket)
    "Loratadine 10 mg Tablets [14 Tablets] - Add to basket",
    "Omeprazole 20 mg gastro-resistant capsules x 28 | £4.99 | Compare",
    "Fexofenadine 120 mg film-coated tablets (30 tablets) - In stock",
    "Simvastatin 40 mg tablets x 28 - £1.20",
    # a quantity dispensed or sent (repeat prescription email, dispensing label, pharmacy text)
    "Amoxicillin 500 mg capsules: take one capsule three times a day for 5 days. Qty: 15 capsules.",
    "Your order has been posted. Supplied: 56 tablets.",
    "Hi Sam, we have dispensed 28 tablets for you, ready from 2pm.",
    "Disp: #30 tablets, Refills: 2",
    "Qty 28 tablets",
    # a dose whose schedule a named clinic or prescriber sets (app list, clinic letter, MAR note)
    "Lithium carbonate 400 mg tablets - as your psychiatry team tells you",
    "Levothyroxine 50 microgram tablets - as agreed with your GP practice",
    "Prednisolone 5 mg tablets, as directed by the hospital",
    # someone else's dose, told in a post (forum, comment thread, group chat)
    "My husband takes 20 mg and it made him dizzy.",
    "A friend of mine takes 50mg and swears by it.",
    "Others on here take 100 mg with no problems, so I'm not sure what to think.",
    # ... and a change of dose told as a story (a carer's blog, a case history, a forum reply)
    "My mum's GP upped her to 40mg last month.",
    "He was started on 5 mg in hospital.",
    "I was switched to 10mg after a month.",
    # a dose a surgery, clinic or nurse gives (app help page, practice newsletter, clinic letter)
    "Goserelin 3.6 mg implant, given at your GP surgery.",
    "Zoledronic acid 5 mg given in the day unit.",
    "Medroxyprogesterone 150 mg is given by a nurse at the clinic.",
    # a single dose before travel (school trip letter, travel clinic, cruise blog)
    "Cinnarizine 15 mg: 2 tablets two hours before travelling.",
    "Promethazine 25 mg the night before the trip.",
    "Scopolamine 1 mg: one patch behind the ear at least 4 hours before the sea crossing.",
    # a single rescue dose, its repeat governed by the next sentence (seizure plan, anaphylaxis card)
    "The usual dose for a child of 5 to 9 years is 7.5 mg. A second dose can only be given if the plan says so.",
    "Buccal midazolam 10 mg. Only give a second dose if the emergency plan says so.",
    "Adrenaline 300 micrograms into the outer thigh. A second dose may be given after 5 minutes.",
    # ... the same with the plan's lines kept apart (a factsheet's text taken from its PDF)
    "For a child the usual dose is 5 mg, into the cheek.\n\nOnly give a second dose if the plan says so.",
    # what one unit does (shop listing, patient blog, chemist's leaflet)
    "One capsule lasts 24 hours.",
    "One spray works for up to 12 hours.",
    "One lozenge gives relief for up to 3 hours.",
    # making up a sachet and drinking water (travel kit list, parent's blog, GP handout)
    "Rehydration salts - 1 sachet in 250 ml of cooled boiled water after each runny poo",
    "Electrolade: one sachet after each bout of diarrhoea.",
]


@pytest.mark.parametrize("body", SILENT_DOS002)
def test_an_amount_that_is_not_a_dose_to_follow_is_not_incomplete(tmp_path, body):
    assert not excerpts(body, "DOS002", tmp_path), body


STILL_FLAGGED_DOS002 = [
    ("Give loratadine 10 mg.", "10 mg"),
    ("Take 28 tablets.", "28 tablets"),
    ("I take 5 mg.", "5 mg"),
    ("Goserelin 3.6 mg implant.", "3.6 mg"),
    ("Cinnarizine 15 mg: 2 tablets.", "2 tablets"),
    ("Midazolam 10 mg. Call the nurse.", "10 mg"),
    ("Take one tablet.", "one tablet"),
]


@pytest.mark.parametrize("body,excerpt", STILL_FLAGGED_DOS002)
def test_the_same_shapes_left_incomplete_are_still_flagged(tmp_path, body, excerpt):
    found = excerpts(body, "DOS002", tmp_path)
    assert any(excerpt in e for e in found), found


# ------------------------------------------------------------------ DOS001: fluids and caps

@pytest.mark.parametrize("body", [
    "Oral rehydration sachets: 1 sachet in 200 ml of safe drinking water after each loose stool",
    "Dioralyte: one sachet after each loose stool.",
])
def test_a_fluid_replacement_needs_no_daily_maximum(tmp_path, body):
    assert not excerpts(body, "DOS001", tmp_path), body


def test_a_medicine_under_a_rehydration_heading_is_still_asked_for_its_maximum(tmp_path):
    body = "Keep these in your kit.\n\nLoperamide and oral rehydration salts (ORS)\n\nGive 2 capsules after each loose stool."
    found = excerpts(body, "DOS001", tmp_path)
    assert any("2 capsules" in e for e in found), found


@pytest.mark.parametrize("body,excerpt", [
    ("Sore throat lozenges: suck one lozenge every 2 hours while your throat is painful.", "every 2 hours"),
    ("For a sore throat, Strepsils: one every 2 hours.", "every 2 hours"),
    ("Nicotine gum: chew one piece of nicotine gum every hour when you get a craving.", "every hour"),
])
def test_a_lozenge_or_gum_on_an_interval_needs_its_cap(tmp_path, body, excerpt):
    found = excerpts(body, "DOS001", tmp_path)
    assert any(excerpt in e for e in found), found


@pytest.mark.parametrize("body", [
    "Sore throat lozenges: suck one lozenge every 2 hours, no more than 12 in 24 hours.",
    "Loperamide: 2 capsules after the first loose stool, then 1 after each loose stool, no more than 8 in 24 hours.",
])
def test_a_capped_interval_passes(tmp_path, body):
    assert not excerpts(body, "DOS001", tmp_path), body


# ------------------------------------------------------------------ DOS003: averaged and counted

@pytest.mark.parametrize("body", [
    "Vitamin D is often prescribed as 20,000 IU once a week.",
    "Colecalciferol 20,000 IU every week, as your GP prescribed.",
    "Take vitamin D 50,000 IU once a month.",
])
def test_a_weekly_or_monthly_vitamin_d_dose_is_compared_at_its_average_a_day(tmp_path, body):
    assert not excerpts(body, "DOS003", tmp_path), body


@pytest.mark.parametrize("body,excerpt", [
    ("Take vitamin D 50,000 IU once a week.", "50,000 IU once a week"),
    ("Vitamin D 10,000 IU daily.", "10,000 IU daily"),
    ("Colecalciferol 10,000 IU daily.", "10,000 IU daily"),
])
def test_a_vitamin_d_dose_over_the_average_limit_is_still_flagged(tmp_path, body, excerpt):
    assert excerpt in excerpts(body, "DOS003", tmp_path)


PRODUCT_PAGES = [
    # a marketplace's questions and answers
    "Product details\n\nEach film-coated tablet contains cetirizine dihydrochloride 10 mg.\n\n"
    "Questions\n\nQ: Is it stronger than the one I had?\nA: Many buyers say two a day works better in June.",
    # a chemist's blog
    "About this product\n\nEach tablet contains cetirizine 10 mg.\n\nOur tip\n\n"
    "If one is not enough, so two a day is fine in peak season.",
    # a chat transcript with a pharmacy assistant (timestamped lines)
    "Pack information\n\nEach tablet contains 10 mg of cetirizine hydrochloride.\n\nLive chat\n\n"
    "[14:02] Yes, you can take three a day while the pollen count is high.",
]


TITLED_PAGES = [
    # a shop's page titled by the product (its answer, a reply in a review thread, an assistant's tip)
    "Cetirizine 10 mg Tablets\n\nDirections\n\nAdults: one tablet once a day.\n\nAsk the pharmacist\n\n"
    "Yes, so two a day is fine in June.",
    "Allergy Relief Cetirizine 10 mg Tablets (14 Tablets)\n\nReviews\n\nIn June two a day works for me and "
    "the shop said that was fine.",
    "Cetirizine Hydrochloride 10 mg Film-Coated Tablets\n\nOur tip\n\nI take two a day in the pollen season.",
]


@pytest.mark.parametrize("body", TITLED_PAGES)
def test_a_bare_count_is_a_count_of_the_product_the_title_names(tmp_path, body):
    found = findings_for(body + "\n", "DOS003", tmp_path)
    assert len(found) == 1 and "10 mg product the title names" in found[0].message, [f.message for f in found]


@pytest.mark.parametrize("body", PRODUCT_PAGES)
def test_a_bare_count_is_a_count_of_the_page_product(tmp_path, body):
    found = findings_for(body + "\n", "DOS003", tmp_path)
    assert len(found) == 1 and "cetirizine" in found[0].message, [f.message for f in found]


@pytest.mark.parametrize("body", [
    # the question alone asks; the page's own answer keeps to the label
    "Product details\n\nEach tablet contains cetirizine 10 mg.\n\nQuestions\n\nQ: Can I take two a day?\n"
    "A: No. One a day is the most.",
    # no product the page describes: the count is of nothing known
    "Our tip\n\nMany buyers say two a day works better in June.",
    # two products on the page: the count is of neither
    "Details\n\nEach tablet contains cetirizine 10 mg. Each capsule contains loratadine 10 mg.\n\nTip\n\n"
    "Two a day works better.",
])
def test_a_bare_count_without_one_product_or_in_a_question_is_not_judged(tmp_path, body):
    assert not findings_for(body + "\n", "DOS003", tmp_path)


# ------------------------------------------------------------------ DOS010: an app's setting

@pytest.mark.parametrize("body,excerpt", [
    ("Tip: for methotrexate, choose Daily and set the time.", "Daily"),
    ("Setting up a dosette for methotrexate? Tick every morning.", "every morning"),
    ("Methotrexate on the MAR chart: set the frequency to every day.", "every day"),
    ("With methotrexate, take them every morning with breakfast.", "every morning"),
])
def test_a_weekly_medicine_set_to_daily_with_no_amount_is_flagged(tmp_path, body, excerpt):
    found = excerpts(body, "DOS010", tmp_path)
    assert any(e.endswith(excerpt) for e in found), found


@pytest.mark.parametrize("body", [
    "For methotrexate, pick Every week and the day you take it.",
    "Daily life with methotrexate can be busy; pick a routine that suits you.",
    "Methotrexate: take it once a week. Do not take it every day.",
])
def test_a_weekly_medicine_set_right_is_silent(tmp_path, body):
    assert not excerpts(body, "DOS010", tmp_path), body


# ------------------------------------------------------------------ DOS012: missed doses doubled

DOUBLED = [
    ("If you miss a dose of your medicine, take two doses next time to catch up.", "take two doses next time"),
    ("Forgot your tablet yesterday? Just take two today to catch up.", "take two today to catch up"),
    ("Missed your evening dose? Double the next dose.", "Double the next dose"),
    ("If you skip a dose, don't worry, take both together in the morning.", "take both together"),
    ("If you forget an injection, make up for it by taking two the next week.", "make up for it by taking two"),
    ("If you miss a dose, take the missed dose together with the next one.",
     "take the missed dose together with the next one"),
]


@pytest.mark.parametrize("body,excerpt", DOUBLED)
def test_a_missed_dose_made_up_with_a_double_one_is_flagged(tmp_path, body, excerpt):
    found = findings_for(page(body, "If you forget"), "DOS012", tmp_path)
    assert [f.excerpt for f in found] == [excerpt]
    assert found[0].severity == "error"


@pytest.mark.parametrize("body", [
    "If you miss a dose, take it when you remember. Do not take two doses together to make up for a missed one.",
    "If you forget a dose, never double up.",
    "If you miss one pill, take it as soon as you remember, even if this means taking two pills at the same time.",
    "Missed pill: take the missed pill with the next one, even if this means taking two pills in one day.",
    "If you miss a dose, do not take the missed dose with the next one.",
    "If you forgot a dose of apixaban, do not take two doses at the same time.",
    # no missed dose: two tablets together are the dose
    "Take two tablets together at bedtime.",
    # a reader's question, answered below it
    "Q: I forgot my morning dose. Can I take two at lunch to catch up?\nA: No, never take a double dose.",
])
def test_missed_dose_advice_that_refuses_the_double_is_silent(tmp_path, body):
    assert not findings_for(page(body, "If you forget"), "DOS012", tmp_path), body


# ------------------------------------------------------------------ the reader: no medicine's name

@pytest.mark.parametrize("sig", [
    "so two a day is fine for a few weeks",
    "A: take 2 tablets every 6 hours",
    "and then 500 mg twice a day",
    "Q: 1 tab bd?",
    "Yes, so two a day is fine in June.",
    "In June two a day is fine.",
    "I take two a day",
])
def test_a_conjunction_or_a_label_opening_the_clause_is_no_substance(sig):
    from medlint.doses import parse_doses
    doses = parse_doses(sig)
    assert doses and all(d.substance is None for d in doses), [(d.text, d.substance) for d in doses]


@pytest.mark.parametrize("sig,name", [
    ("Paracetamol: take 2 tablets every 6 hours", "Paracetamol"),
    ("Amoxicillin 500 mg three times a day", "Amoxicillin"),
])
def test_a_medicine_opening_the_clause_is_still_its_substance(sig, name):
    from medlint.doses import parse_doses
    assert parse_doses(sig)[0].substance.raw == name
