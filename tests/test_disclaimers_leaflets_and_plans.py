"""Section disclaimers (DSC001, DSC002) on pages whose doses are not the page's own: regulated
leaflets in their regulators' formats (a UK/EU package leaflet printed without the words
"package leaflet", an Australian consumer medicine information leaflet), pages that leave
the dose to the prescriber (an NHS trust leaflet, a clinic's guide, a handbook's closing
line, in several writers' words), and personal plans whose doses the reader's clinician
writes in (asthma and COPD action plans). And the pages that only look like them: a
magazine page that mentions a leaflet or a plan, a dose page where the prescriber only
"may" change the dose. Every sentence here is written for this test.

The articles are built as records (not imported), so the tests pin the checks and their
data, not the importer's reading of a page."""

from __future__ import annotations

import pytest

from tests.test_disclaimers_other_writers import GENERAL, found

SECTION_IDS = frozenset({"DSC001", "DSC002"})
DOSE = ("bullet", ["Naproxen 250 mg to 500 mg twice a day with food"])
# GENERAL (a general disclaimer that sends the reader nowhere) is added where a test asks for
# DSC001: on a page with no disclaimer at all the one defect is DSC003 (ruling of 2026-12-04, (d))


def _checks(root, sections, select=SECTION_IDS):
    return [c for c, _ in found(root, sections, select=select)]


# ------------------------------------------------------------------ regulated leaflets

LEAFLET_OPENINGS = [
    # the QRD heading without "Package leaflet:"
    ("Information for the user", "other", ["Naproxen 250 mg tablets"]),
    ("What is in this leaflet", "other", ["1. What this medicine is  2. How to take it  3. Side effects"]),
    ("About this medicine", "overview", ["This medicine has been prescribed for you only. Do not pass it on."]),
    ("Other information", "other", ["This leaflet was last revised in 03/2026."]),
    # the Australian CMI
    ("Consumer Medicine Information", "other", ["Naprosyn-type tablets"]),
    ("Introduction", "overview", ["This leaflet answers some common questions about your tablets. It does not "
                                  "contain all the available information."]),
    ("CMI summary", "other", ["Read this before you start."]),
    ("6. Contents of the pack and other information", "other", ["Each tablet contains 250 mg."]),
    ("2. What you need to know before you take Naproxen", "other", ["Do not take it if you are allergic."]),
    ("Licence", "other", ["Made under PL 04569/0123 by Examplepharma Ltd."]),
    ("Product details", "other", ["Lorvexa 10 mg tablets: AUST R 123456."]),
    ("1. Why am I using Lorvexa?", "other", ["It lowers blood pressure."]),
]


@pytest.mark.parametrize("opening", LEAFLET_OPENINGS)
def test_a_regulated_leaflet_in_its_own_words_is_not_asked(tmp_path, opening):
    sections = [opening, ("How to take it", "drug-therapy", [DOSE])]
    assert found(tmp_path, sections) == []


def test_a_page_that_talks_about_leaflets_is_asked(tmp_path):
    sections = [("Reading the leaflet", "overview", ["The leaflet in the pack lists what is in the medicine and "
                                                      "who should not take it."]),
                ("How to take it", "drug-therapy", [DOSE]), GENERAL]
    assert _checks(tmp_path, sections) == ["DSC001"]


# ------------------------------------------------------------------ the prescriber sets the dose

PRESCRIBER_SETS_IT = [
    "Your doctor will tell you how much to take.",
    "Always take this medicine exactly as your doctor or pharmacist has told you.",
    "The clinic will tell you how many milligrams to take each day.",
    "Your rheumatology team will tell you what dose to take, and when to change it.",
    "Your dose will be set by your consultant after your blood tests.",
    "Your specialist nurse will work out the right dose with you.",
    "Use your inhaler exactly as your asthma nurse has told you.",
    "It is not a substitute for the advice of the prescriber, who sets the dose.",
]


@pytest.mark.parametrize("words", PRESCRIBER_SETS_IT)
def test_a_page_that_leaves_the_dose_to_the_prescriber_is_not_asked_for_more(tmp_path, words):
    sections = [("How much to take", "drug-therapy", [words, DOSE])]
    assert _checks(tmp_path / "in-section", sections) == []
    # said in a closing line that is the page's disclaimer as well
    closing = ("About this leaflet", "other", ["This leaflet is general information. " + words])
    assert _checks(tmp_path / "closing", [("How much to take", "drug-therapy", [DOSE]), closing]) == []


NOT_THE_PRESCRIBERS = [
    # a doctor who may change the dose: the printed dose is still the page's
    "Your doctor may change this.",
    # a warning to one group
    "If you have kidney disease, your doctor will check your blood first.",
    # a dose taken exactly as the page says
    "Take it exactly as described below.",
]


@pytest.mark.parametrize("words", NOT_THE_PRESCRIBERS)
def test_words_that_do_not_leave_the_dose_to_the_prescriber_are_not_the_caution(tmp_path, words):
    sections = [("How much to take", "drug-therapy", [words, DOSE]), GENERAL]
    assert _checks(tmp_path, sections) in (["DSC001"], ["DSC002"])


def test_the_prescriber_anywhere_on_the_page_speaks_for_its_doses(tmp_path):
    # a closing "About your treatment" section, after the doses
    sections = [("How much to take", "drug-therapy", [DOSE]),
                ("About your treatment", "other", ["Your doctor will tell you how much to take."])]
    assert _checks(tmp_path, sections) == []
    # a prescribed supplement beside the medicine
    sections = [("Methotrexate", "drug-therapy", ["Methotrexate 10 mg once a week"]),
                ("Folic acid", "supplements", ["Folic acid 5 mg once a week"]),
                ("Your treatment", "other", ["Your rheumatology team will tell you how much to take."])]
    assert _checks(tmp_path / "b", sections) == []


# ------------------------------------------------------------------ personal plans

PLANS = [
    [("My asthma action plan", "other", ["Name: ____________"]),
     ("My daily medicines", "drug-therapy", ["My preventer inhaler is ____, take __ puffs morning and night."]),
     ("In an asthma attack", "drug-therapy", ["Take 1 puff of your reliever every 30 to 60 seconds, up to 10 puffs."])],
    [("Personal asthma action plan", "other", ["Fill this in with your GP or asthma nurse."]),
     ("Every day", "drug-therapy", ["Brown inhaler: 2 puffs twice a day", "Blue inhaler: 2 puffs when needed"])],
    [("My COPD self-management plan", "other", ["Keep this with your inhalers."]),
     ("If I have a flare-up", "drug-therapy", ["Start my rescue pack: prednisolone 30 mg once a day for 5 days."])],
    [("Your discharge medicines", "other", ["Ward 7, Northfield General"]),
     ("Medicines to take at home", "drug-therapy", ["Amoxicillin 500 mg three times a day for 5 more days"])],
    [("Reliever", "drug-therapy", ["My reliever inhaler is \\_\\_\\_\\_, take \\_\\_ puffs when I need it."])],
    [("Preventer", "drug-therapy", ["Take [   ] puffs of my brown inhaler twice a day."])],
    # no title naming the plan, but the doses are left blank for the clinician
    [("When I am well", "drug-therapy", ["Use my preventer, take ___ puffs twice a day, every day."]),
     ("When I am getting worse", "drug-therapy", ["Use my reliever, ....... puffs up to every 4 hours."])],
]


@pytest.mark.parametrize("plan", PLANS)
def test_a_personal_plan_is_not_asked_for_section_disclaimers(tmp_path, plan):
    assert _checks(tmp_path, plan) == []


def test_a_page_that_mentions_a_plan_is_asked(tmp_path):
    sections = [("Using your inhaler", "drug-therapy",
                 ["Salbutamol 100 micrograms, 1 or 2 puffs when needed.",
                  "This page does not replace your personal asthma action plan."]), GENERAL]
    assert _checks(tmp_path, sections) == ["DSC001"]
    # a heading that names a plan as a topic
    sections = [("Why you need an asthma action plan", "overview", ["A plan helps you act early."]),
                ("Reliever inhalers", "drug-therapy", ["Salbutamol 100 micrograms, 1 or 2 puffs when needed."]),
                GENERAL]
    assert _checks(tmp_path / "b", sections) == ["DSC001"]


# ------------------------------------------------------------------ where a gap is reported

def test_a_supplement_gap_under_a_medicines_heading_is_reported_at_the_supplements(tmp_path):
    # "Treating a flare" (medicines, heading only) groups "Tablets" and "Supplements":
    # the medicine caution belongs under it, the supplement caution under "Supplements"
    sections = [("Treating a flare", "drug-therapy", []),
                ("Tablets", "drug-therapy", [("bullet", ["Cetirizine 10 mg once a day"])]),
                ("Supplements", "supplements", ["Evening primrose oil 1,000 mg a day is popular."]), GENERAL]
    got = found(tmp_path, sections, select=SECTION_IDS, levels=[1, 2, 2, 1])
    # one caution for the page, named once, at its first dose section (ruling of 2026-12-04)
    assert got == [("DSC001", "Treating a flare")]
    # the tablets cautioned in words that are no page caution: the supplements' gap is theirs
    sections[1] = ("Tablets", "drug-therapy", ["For adults; your pharmacist can help you.",
                                               ("bullet", ["Cetirizine 10 mg once a day"])])
    got = found(tmp_path / "a", sections, select=SECTION_IDS, levels=[1, 2, 2, 1])
    assert got == [("DSC001", "Supplements")]
    # under a plain grouping heading the gap is reported at the heading
    sections[0] = ("Treatment", "treatment", [])
    got = found(tmp_path / "b", sections, select=SECTION_IDS, levels=[1, 2, 2, 1])
    assert got == [("DSC001", "Treatment")]


def test_a_personal_plan_is_not_asked_to_call_itself_general_information(tmp_path):
    for i, plan in enumerate(PLANS):
        assert found(tmp_path / str(i), plan, select={"DSC003"}) == [], plan[0][0]
    # a page about plans is
    sections = [("Why you need an asthma action plan", "overview", ["A written plan helps you act early."])]
    assert found(tmp_path / "page", sections, select={"DSC003"}) == [("DSC003", "Example")]


def test_the_prescriber_in_the_pages_opening_or_a_bullet_speaks_for_its_doses(tmp_path):
    opening = ("About this leaflet", "overview", ["This leaflet explains how to take hydroxychloroquine. "
                                                  "Your doctor will tell you how much to take."])
    assert _checks(tmp_path / "a", [opening, ("How much to take", "drug-therapy", [DOSE])]) == []
    bullets = ("How to take it", "drug-therapy", [("bullet", ["Take it with food.",
                                                                "Always take it exactly as your doctor has told you.",
                                                                "Hydroxychloroquine 200 mg once or twice a day"])])
    assert _checks(tmp_path / "b", [bullets]) == []


def test_a_leaflets_banner_read_as_a_header_line_marks_it(tmp_path):
    for i, banner in enumerate(["Consumer Medicine Information", "PACKAGE LEAFLET: INFORMATION FOR THE USER"]):
        sections = [("How to take it", "drug-therapy", [DOSE])]
        assert found(tmp_path / str(i), sections, footer=banner) == [], banner
    plan = [("Every day", "drug-therapy", ["Brown inhaler: 2 puffs twice a day"])]
    assert found(tmp_path / "plan", plan, footer="My asthma plan") == []


def test_a_title_that_names_the_page_a_plan_marks_it(tmp_path):
    doses = ("Every day", "drug-therapy", ["Brown inhaler: 2 puffs twice a day"])
    for i, title in enumerate(["Asthma action plan", "COPD self-management plan - adults",
                               "Asthma Action Plan for Children"]):
        assert found(tmp_path / str(i), [doses], footer=None, select=SECTION_IDS, title=title) == [], title
    for i, title in enumerate(["Your asthma action plan explained", "Asthma action plans: what goes in them"]):
        assert found(tmp_path / f"x{i}", [doses, GENERAL], select=SECTION_IDS, title=title) == [
            ("DSC001", "Every day")], title
