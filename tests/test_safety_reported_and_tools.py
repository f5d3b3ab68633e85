"""Reader safety: whether a dose is the page dosing its reader.

A dose someone reports taking (a first-person account, a relative's medicine), a dose on an
app's or a tool's page (the reader's own entries, examples of entering one) is not the page
telling its reader to take it: SAF001 does not ask its class warnings. Two medicines one person
reports taking together are still a combination the page shows a reader (SAF002), warned only
where the report is read. A section that answers a reader who states an age of 25 or more is
not asked the antidepressant warning about young people. Every fixture here is invented, in
styles the corpus lacks (a radio phone-in, a patient's blog, a letter to a column, a repeat
prescription portal, a dose-diary app's help, a caregiver's notebook, ...)."""

import datetime as _dt

import pytest

from medlint.engine import Options, check_article
from support import article_from_text

IDS = frozenset({"SAF001", "SAF002", "SAF003"})


def found(text, tmp_path):
    result = check_article(article_from_text(text, tmp_path), Options(today=_dt.date(2026, 12, 1), select=IDS))
    assert result.error is None
    return [(f.check, f.excerpt) for f in result.findings]


# -- reported doses: SAF001 does not judge them

REPORTED = [
    # a radio phone-in transcript
    ("Drivetime Health Hour\nTranscript\nPRESENTER: Next caller, Denise from Leeds.\n"
     "DENISE: Hello. My mum's on amitriptyline 10 mg at night for her shingles pain and she's very groggy.\n"
     "PRESENTER: Thank you, Denise. Let's ask our doctor."),
    # a patient's blog
    ("Six months with sciatica\nWeek one\nThe GP had me on gabapentin 300 mg three times a day, and the first "
     "fortnight was a fog. I kept a diary of every dose.\nWhere I am now\nWalking 5 km again."),
    # a letter to a newspaper's health column
    ("Your letters\nBack pain at sixty\nI take tramadol 50 mg every six hours when the pain is bad, which my doctor "
     "prescribed after the fall. Is there anything else I could try? - Ron, Margate\nOur columnist replies\n"
     "Gentle walking and heat help most people; ask your physiotherapist about exercises."),
]

INSTRUCTED = [
    ("Drivetime Health Hour\nTranscript\nDOCTOR: For shingles pain, amitriptyline 10 mg at night is a usual start.\n"
     "PRESENTER: Thank you."),
    ("Six months with sciatica\nWhat helps\nTake gabapentin 300 mg three times a day for the nerve pain.\n"
     "Where I am now\nWalking 5 km again."),
    ("Your letters\nBack pain at sixty\nOur columnist replies\nTake tramadol 50 mg every six hours when the pain "
     "is bad.\nGentle walking and heat help most people."),
]


@pytest.mark.parametrize("text", REPORTED)
def test_a_dose_someone_reports_taking_is_not_asked_its_class_warning(text, tmp_path):
    assert found(text, tmp_path) == []


@pytest.mark.parametrize("text", INSTRUCTED)
def test_the_same_dose_given_to_the_reader_is(text, tmp_path):
    assert [check for check, _ in found(text, tmp_path)] == ["SAF001"]


def test_the_readers_question_is_not_a_report(tmp_path):
    text = ("Ask the pharmacist\nPeriod pain\nQ. Can I take naproxen 250 mg twice a day for my period pain? "
            "A. Yes, with food, for up to three days.")
    assert [check for check, _ in found(text, tmp_path)] == ["SAF001"]


# -- a combination one person reports taking: SAF002

PAIRS = [
    # a patient's blog
    ("Living with AF\nMy knee\nSince the spring I take ibuprofen 400 mg three times a day with my warfarin 3 mg, "
     "and my knee has never been better.\nMy bike\nBack on the road."),
    # a caregiver's notebook shared online
    ("Dad's notebook\nMonday\nDad is on fluoxetine 20 mg every morning, and I take him through his naproxen "
     "500 mg twice a day at lunch and supper.\nTuesday\nA good walk."),
    # a community newsletter's reader story
    ("Members write\nA reader's week\nI've been taking tramadol 50 mg four times a day alongside my sertraline "
     "100 mg since the operation; no problems so far.\nDates for your diary\nCoffee morning on Friday."),
]


@pytest.mark.parametrize("text", PAIRS)
def test_a_combination_one_person_reports_taking_is_flagged(text, tmp_path):
    got = found(text, tmp_path)
    assert "SAF002" in [check for check, _ in got]
    assert "SAF001" not in [check for check, _ in got]


def test_a_warning_elsewhere_on_the_page_does_not_reach_the_report(tmp_path):
    text = PAIRS[0] + "\nOur nurse says\nPainkillers such as ibuprofen raise the risk of bleeding with warfarin."
    assert "SAF002" in [check for check, _ in found(text, tmp_path)]


def test_a_warning_beside_the_report_answers_it(tmp_path):
    text = PAIRS[0].replace("never been better.", "never been better. The pharmacist warned me about bleeding.")
    assert found(text, tmp_path) == []


def test_the_medicine_of_a_dose_is_the_one_named_just_before_it(tmp_path):
    # "... ibuprofen 400 mg ... with my warfarin 3 mg": the 3 mg is warfarin's

    text = PAIRS[0]
    got = found(text, tmp_path)
    assert ("SAF002", "400 mg three times a day") in got


# -- an app's or a tool's page

TOOLS = [
    # a medicine-reminder app's help page
    ("Remindly Help Centre\nSetting a weekly reminder\n1. Tap Add and type the medicine's name.\n"
     "2. Choose Weekly and the day.\nFor example, alendronic acid 70 mg every Sunday: pick Sunday and 8 am.\n"
     "Was this page helpful? Yes No"),
    # a pharmacy's repeat-prescription portal
    ("Repeat prescriptions\nYour repeat medicines\nEdit list | Print\nTramadol 50 mg capsules - 1 every 6 hours when "
     "needed\nSertraline 50 mg tablets - 1 each morning\nAbout this service\nThis portal does not give medical advice: "
     "ask your pharmacist."),
    # a dose-diary tool's results
    ("Pain diary\nResults for your list\nNaproxen 500 mg - twice a day\nSave results | Share results\n"
     "Talk to your GP about what the diary shows."),
]


@pytest.mark.parametrize("text", TOOLS)
def test_a_tools_doses_are_the_readers_own_entries(text, tmp_path):
    assert [check for check, _ in found(text, tmp_path) if check == "SAF001"] == []


def test_an_example_on_a_page_that_is_no_tool_is_still_judged(tmp_path):
    text = ("Osteoporosis treatments\nTablets\nFor example, alendronic acid 70 mg every Sunday morning is usual.\n"
            "Was this page helpful? Yes No")
    assert [check for check, _ in found(text, tmp_path)] == ["SAF001"]


def test_one_users_list_on_a_tool_is_one_taker(tmp_path):
    # the portal lists tramadol and sertraline for one reader: a combination they take
    assert [check for check, _ in found(TOOLS[1], tmp_path)] == ["SAF002", "SAF002"]


# -- a reader who states their age

AGED = [
    # an agony column
    ("Ask Dr Lee\nQ. I'm 38 and my GP wants me to try something for my IBS.\n"
     "A. A low dose of amitriptyline 10 mg at night often helps the gut's nerves."),
    # a pharmacy's email answer
    ("Your question answered\nDear pharmacist, I am 61 and cannot sleep for nerve pain.\n"
     "Our reply: your doctor may suggest duloxetine 30 mg once a day, increased after a week."),
    # a men's health magazine's reader clinic
    ("Reader clinic\nI'm 45, fit, and my back has been bad since a fall.\n"
     "The doctor answers: amitriptyline 10 mg at night can ease the night pain."),
]


@pytest.mark.parametrize("text", AGED)
def test_a_reader_over_24_is_not_asked_the_young_peoples_warning(text, tmp_path):
    assert found(text, tmp_path) == []


@pytest.mark.parametrize("age", ["19", "22"])
def test_a_younger_reader_is(age, tmp_path):
    text = AGED[0].replace("I'm 38", f"I'm {age}")
    assert [check for check, _ in found(text, tmp_path)] == ["SAF001"]


def test_a_page_with_no_stated_age_is_asked(tmp_path):
    text = "IBS treatments\nTablets\nA low dose of amitriptyline 10 mg at night often helps the gut's nerves."
    assert [check for check, _ in found(text, tmp_path)] == ["SAF001"]


# -- a product that contains the medicine too, offered beside it

TWICE = [
    # a students' union wellbeing page
    ("Freshers' flu survival\nWhat to buy\nParacetamol: two 500 mg tablets up to four times in 24 hours.\n"
     "Before bed, a hot cold and flu drink on top of your paracetamol helps you drift off."),
    # a care home's winter leaflet for families
    ("Keeping well this winter\nIf your relative has a cold\nWe give paracetamol 1 g up to four times a day for "
     "aches.\nA cold & flu sachet at night can also soothe a sore throat."),
    # a pharmacy chain's listicle
    ("5 things to have in your cupboard this winter\n1. Pain relief\nAcetaminophen 650 mg every 6 hours, up to "
     "3,250 mg a day.\n2. A cold and flu remedy\nA nighttime cold and flu remedy helps you sleep through it."),
]


@pytest.mark.parametrize("text", TWICE)
def test_the_finding_goes_where_a_product_containing_it_is_offered(text, tmp_path):
    got = found(text, tmp_path)
    assert [check for check, _ in got] == ["SAF001"]
    assert "flu" in got[0][1].lower()


@pytest.mark.parametrize("warning", [
    "Many cold and flu remedies already contain paracetamol, so do not take both.",
    "Check combination cold and flu products for hidden paracetamol.",
    "Do not combine it with other products that contain it; too much can damage the liver.",
])
def test_any_wording_of_the_other_products_warning_answers_it(warning, tmp_path):
    text = TWICE[0] + f" {warning} Too much harms the liver."
    assert found(text, tmp_path) == []


def test_naming_the_product_is_no_warning(tmp_path):
    # "cold and flu" names the product; it does not say it contains paracetamol
    text = ("Colds\nMedicines\nParacetamol 1 g up to four times a day; too much harms the liver.\n"
            "Cold and flu drinks are fine for a sore throat.")
    assert [check for check, _ in found(text, tmp_path)] == ["SAF001"]


# -- a checklist's items: products to pack or to tick

CHECKLISTS = [
    # a maternity unit's hospital-bag list
    ("Your hospital bag\nFor you\n[ ] Paracetamol 500 mg tablets: 2 tablets up to 4 times in 24 hours\n"
     "[ ] Maternity pads and comfortable pants"),
    # a festival's first-aid kit list
    ("Festival first-aid kit\nPainkillers\n☐ Ibuprofen 200 mg tablets - 1 or 2 up to 3 times a day with food\n"
     "☐ Blister plasters"),
    # a scout group's camp kit list in Markdown
    ("Camp kit list\nMedicines\n- [ ] Naproxen 250 mg tablets, one twice a day if a leader agrees\n"
     "- [ ] Suncream SPF 30"),
]


@pytest.mark.parametrize("text", CHECKLISTS)
def test_a_checklists_item_is_not_asked_the_class_warning(text, tmp_path):
    assert found(text, tmp_path) == []


@pytest.mark.parametrize("text", CHECKLISTS)
def test_the_same_line_as_a_direction_is(text, tmp_path):
    plain = text.replace("[ ] ", "").replace("☐ ", "").replace("- ", "")
    assert [check for check, _ in found(plain, tmp_path)] == ["SAF001"]


def test_two_nsaids_on_one_checklist_are_a_combination(tmp_path):
    text = CHECKLISTS[1].replace("☐ Blister plasters", "☐ Naproxen 250 mg tablets - one twice a day")
    assert [check for check, _ in found(text, tmp_path)] == ["SAF002"]
