"""Disclaimers (DSC001-DSC003) by what a page is: a letter or an email to its addressees, a
news story, a care provider's page for its own patients, the aftercare of an operation
already done, and the wordings such pages use ("This page is general advice for our
patients", "not a substitute for the advice of the team looking after you"). Affiliate and
sponsor notices are no disclaimer, and a page that only looks a little like one of these
kinds is asked as any page is. Every sentence here is written for this test, in the
manner of real pages of each kind.

The articles are built as records (not imported), so the tests pin the checks and their
data (checks/disclaimers.yaml ``page_kinds``), not the importer's reading of a page."""

from __future__ import annotations

import pytest

from medlint.engine import Options, check_article
from medlint.registry import EXAMPLE_TODAY
from support import article_from_records
from tests.disclaimer_support import surgery_asked

IDS = frozenset({"DSC001", "DSC002", "DSC003"})
DOSES = ("Your medicines", "drug-therapy",
         ["Take amoxicillin 500 mg three times a day for 5 days.",
          "Take paracetamol 1 g up to four times in 24 hours."])
SUPPLEMENTS = ("Supplements", "supplements", ["Take vitamin D 10 micrograms a day through the winter."])
GENERAL_GP = ("Looking after yourself", "other",
              ["Nothing here is personal medical advice. Your own GP can explain your results."])


def _block(block) -> dict:
    if isinstance(block, str):
        return {"paragraph": block}
    if isinstance(block, tuple):  # a line of chrome: (text, role)
        return {"chrome": block[0], **({"role": block[1]} if block[1] else {})}
    return {"style": "bullet", "list": [{"text": t} for t in block]}


def found(root, sections, title="Example", meta=None) -> list[tuple[str, str]]:
    folder = article_from_records(root, {"title": title, **(meta or {})}, [
        {"heading": head, "level": 1, "kind": kind, "blocks": [_block(b) for b in blocks]}
        for head, kind, blocks in sections])
    result = check_article(folder, Options(today=EXAMPLE_TODAY, select=IDS))
    assert result.error is None, result.error
    return sorted((f.check, f.excerpt) for f in result.findings)


def codes(root, sections, title="Example", meta=None) -> list[str]:
    return [c for c, _ in found(root, sections, title, meta)]


# ------------------------------------------------------------------ letters and emails

CLINIC_LETTER = [
    (None, "overview", ["Dear Mr Okafor,", "Thank you for coming to clinic today. As we discussed, here is your plan."]),
    DOSES,
    ("Next steps", "other", ["We will see you again in six weeks.", "Yours sincerely,", "Dr Anna Reyes"]),
]
EMAIL = [
    (None, "overview", ["From: Riverside Practice <team@riverside.example>",
                        "To: Jo Bright <jo.bright@mail.example>", "Subject: Your results and next steps",
                        "Hi Jo,"]),
    DOSES,
    ("Follow-up", "other", ["Kind regards,", "Nurse Priya Shah",
                            "This email and any attachments are confidential and intended only for the "
                            "person named above."]),
]
SCHOOL_LETTER = [
    (None, "overview", ["Dear Parents and Carers,", "Re: Hay fever medicines in school",
                        "Please complete the form enclosed with this letter and return it by Friday."]),
    ("Antihistamines", "drug-therapy", ["We give one 5 ml spoonful of cetirizine syrup at lunchtime."]),
    ("Questions", "other", ["Yours faithfully,", "Mrs K. Adeyemi", "School Nurse"]),
]


@pytest.mark.parametrize("page", [CLINIC_LETTER, EMAIL, SCHOOL_LETTER], ids=["clinic-letter", "email", "school-letter"])
def test_a_letter_or_an_email_is_not_asked_for_disclaimers(tmp_path, page):
    assert found(tmp_path, page) == []


def test_a_page_that_only_greets_its_readers_is_asked_as_any_page(tmp_path):
    # one letter line ("Dear readers,") does not make a blog post a letter
    page = [(None, "overview", ["Dear readers,", "Here is what we take for a cold."]), DOSES]
    # no caution at all: one defect, named once (the disclaimer ruling of 2026-12-04, (d))
    assert codes(tmp_path, page) == ["DSC003"]


def test_a_newsletter_that_opens_like_a_letter_is_a_newsletter(tmp_path):
    page = [(None, "overview", ["Riverside Practice Patient Newsletter", "Issue 9 - Spring 2026",
                                "Dear patients,", "Welcome to our spring issue."]),
            SUPPLEMENTS,
            ("From the manager", "other", ["Best wishes,", "Karen Doyle"])]
    # no disclaimer and no referral: the newsletter is asked for it, named once
    assert codes(tmp_path, page) == ["DSC003"]


# ------------------------------------------------------------------ news stories

LOCAL_PAPER = [
    (None, "overview", [("By Tom Reilly, Health Correspondent", "byline"),
                        ("Published 3 March 2026, 07:15 GMT", "published"),
                        "Patients have been warned about buying weight-loss jabs online.",
                        "Image caption: A pre-filled injection pen"]),
    ("What are the jabs?", "drug-therapy", ["The dose starts at 2.5 mg once a week and goes up monthly."]),
    ("Related", "other", ["Related topics: Health | Medicines", "Most read"]),
]
BROADCAST = [
    (None, "overview", ["News | Sport | Weather | Health | Science",
                        ("By Aisha Khan, Health reporter", "byline"),
                        "Doctors say a new guideline will change how antibiotics are given."]),
    ("The new advice", "drug-therapy", ["Adults will take amoxicillin 500 mg three times a day for 5 days."]),
    ("Footer", "other", ["(c) Westmere Evening Post 2026"]),
]


@pytest.mark.parametrize("page", [LOCAL_PAPER, BROADCAST], ids=["local-paper", "broadcaster"])
def test_a_news_story_is_not_asked_for_disclaimers(tmp_path, page):
    assert found(tmp_path, page) == []


def test_a_health_page_with_one_newsroom_line_is_asked_as_any_page(tmp_path):
    page = [(None, "overview", ["Related topics: Colds | Flu"]), DOSES]
    assert codes(tmp_path, page) == ["DSC003"]


# ------------------------------------------------------------------ a care provider's own patients

@pytest.mark.parametrize("closing", [
    "This leaflet is general information for patients of the Eye Unit. It is not a substitute for the advice "
    "of the team looking after you.",
    "This page is general information for women under the care of Westbrook Maternity Services. Your midwife "
    "or GP will advise on what is right for you.",
    "This newsletter is general information for our patients. If you are worried about your health, contact "
    "the surgery.",
])
def test_a_care_providers_page_that_sends_the_reader_to_their_team_covers_its_supplements(tmp_path, closing):
    page = [SUPPLEMENTS, ("About this page", "other", [closing])]
    assert found(tmp_path, page) == []


def test_the_same_referral_on_a_general_page_is_no_supplement_caution(tmp_path):
    # "your own GP can explain your results" on a magazine page: its supplements are still asked
    page = [SUPPLEMENTS, GENERAL_GP]
    assert codes(tmp_path, page) == ["DSC001"]


def test_a_care_providers_page_that_sends_no_one_anywhere_is_still_asked(tmp_path):
    page = [SUPPLEMENTS, ("About this page", "other", ["This page is general information for our patients."])]
    assert codes(tmp_path, page) == ["DSC001"]


# ------------------------------------------------------------------ surgery sections

def test_the_aftercare_of_an_operation_is_not_asked_for_the_surgery_disclaimer(tmp_path):
    page = [("Your eye drops after cataract surgery", "surgery",
             ["This leaflet explains which drops to use after your operation; 9 in 10 people see better within "
              "a week. You will go home with two bottles."]),
            ("About this leaflet", "other", ["This leaflet is general information."])]
    with surgery_asked(tmp_path):
        assert found(tmp_path, page) == []


def test_a_page_that_weighs_an_operation_is_asked_though_it_mentions_recovery(tmp_path):
    page = [("Is surgery right for you?", "surgery",
             ["Surgery may be offered if the pain lasts more than six months; 8 in 10 people are pain-free a "
              "year later. After your operation you will need physiotherapy."]),
            ("About this page", "other", ["This page is general information."])]
    with surgery_asked(tmp_path):
        assert codes(tmp_path, page) == ["DSC001"]
    # off by default (the disclaimer ruling of 2026-12-04, (b))
    assert codes(tmp_path / "default", page) == []


def test_a_section_named_after_a_gp_surgery_weighs_no_operation(tmp_path):
    page = [("THE ORCHARD SURGERY", "surgery", ["Orchard Road, Kelbury | 01632 960 330 | www.orchardsurgery.example"]),
            ("Opening hours", "other", ["We are open 8am to 6.30pm. This page is general information."])]
    with surgery_asked(tmp_path):
        assert found(tmp_path, page) == []


def test_a_surgery_section_that_speaks_of_surgery_is_asked(tmp_path):
    page = [("Surgery", "surgery", ["Surgery may be offered if splints and injections have not helped. "
                                    "It has a success rate we are proud of."]),
            ("About this page", "other", ["This page is general information."])]
    with surgery_asked(tmp_path):
        assert codes(tmp_path, page) == ["DSC001"]
        # when it is offered, and no result promised: the surgeon's consent gives the risks
        page[0] = ("Surgery", "surgery", ["Surgery may be offered if splints and injections have not helped."])
        assert codes(tmp_path / "b", page) == []


# ------------------------------------------------------------------ wordings

@pytest.mark.parametrize("closing", [
    "This page is general advice for our patients. Always follow the instructions your dentist gave you.",
    "These sheets give general guidance only.",
])
def test_a_page_that_calls_itself_general_advice_has_its_disclaimer(tmp_path, closing):
    assert codes(tmp_path, [("Looking after your mouth", "other", [closing])]) == []


def test_general_advice_the_page_does_not_say_of_itself_is_no_disclaimer(tmp_path):
    page = [("Clinic", "other", ["Our dietitian gives general advice on eating well at every visit."])]
    assert codes(tmp_path, page) == ["DSC003"]


@pytest.mark.parametrize("notice", [
    "Heads up: some links on this page are affiliate links. If you buy through them we may earn a small "
    "commission, at no extra cost to you.",
    "Disclosure: this post contains affiliate links; as an Amazon Associate we earn from qualifying purchases.",
    "Sponsored: this article was paid for by Nutrilab Ltd, who had no say in what we wrote.",
    "In partnership with FitFuel. Our opinions are our own.",
])
def test_an_affiliate_or_sponsor_notice_is_no_disclaimer(tmp_path, notice):
    page = [("Creatine", "other", [notice, "Creatine is one of the most studied supplements."])]
    assert codes(tmp_path, page) == ["DSC003"]


@pytest.mark.parametrize("line", [
    "Your advisor will go through which products and doses suit you.",
    "Our nurse will agree the strength with you at your first visit and check the doses each week.",
])
def test_an_adviser_who_chooses_the_dose_with_the_reader_covers_the_medicine_caution(tmp_path, line):
    page = [("Nicotine patches", "drug-therapy", ["One 21 mg patch a day for 6 weeks.", line]),
            ("About us", "other", ["This page is general information."])]
    assert found(tmp_path, page) == []


def test_an_adviser_who_chooses_nothing_is_no_medicine_caution(tmp_path):
    page = [("Nicotine patches", "drug-therapy", ["One 21 mg patch a day for 6 weeks.",
                                                  "Our advisors are friendly and will see you every week."]),
            ("About us", "other", ["This page is general information."])]
    assert codes(tmp_path, page) == ["DSC001"]


def test_a_midwife_asked_first_is_an_ask_before_starting_caution(tmp_path):
    page = [("Herbal remedies", "supplements",
             ["Raspberry leaf capsules are often taken as 1.2 g a day. Herbal remedies are not tested like medicines "
              "and can interact with them. Talk to your midwife before taking any."]),
            ("About this page", "other", ["This page is general information."])]
    assert found(tmp_path, page) == []


@pytest.mark.parametrize("line", [
    "If you have any questions about your drops, ring the Eye Unit on 01632 960 255.",
    "Please call the ward if you are worried or not sure which dose to give.",
    "If you are unsure about anything in this leaflet, ask us at your next visit.",
])
def test_a_care_providers_line_sending_the_reader_back_to_their_team_covers_its_doses(tmp_path, line):
    page = [("About this leaflet", "other", ["This leaflet is for patients attending the Fracture Clinic."]),
            DOSES, SUPPLEMENTS, ("Questions", "other", [line]),
            ("Disclaimer", "other", ["This leaflet is general information."])]
    assert found(tmp_path, page) == []


def test_the_same_line_on_a_general_page_covers_neither_caution(tmp_path):
    # "contact the team if you have questions" on a page for no one in particular: both asked,
    # one caution for the page, named once at its first dose section (ruling of 2026-12-04)
    page = [DOSES, SUPPLEMENTS,
            ("Questions", "other", ["If you have any questions, contact the pharmacy team."]),
            ("Disclaimer", "other", ["This page is general information."])]
    assert found(tmp_path, page) == [("DSC001", "Your medicines")]


@pytest.mark.parametrize("lines", [
    ["Published 2 hours ago", "Image caption: Pharmacists say supplies are short"],
    ["Reporting by Jane Doe; Editing by John Roe", "Related topics: Health | Medicines"],
], ids=["relative-time", "wire-story"])
def test_other_newsrooms_lines_tell_a_news_story(tmp_path, lines):
    page = [(None, "overview", lines + ["Shortages of HRT patches are expected to last until spring."]),
            ("The shortage", "drug-therapy", ["Most women use one 50 microgram patch twice a week."])]
    assert found(tmp_path, page) == []


def test_a_clinic_that_sells_to_its_patients_is_no_page_for_them(tmp_path):
    # the page must say whom it is for: "we offer ... for our patients" is a sales line
    page = [("Our vitamin drips", "supplements",
             ["We offer high-dose vitamin C drips for our patients: 25 g twice a week."]),
            ("Questions", "other", ["If you have any questions, call the clinic."]),
            ("Disclaimer", "other", ["This page is general information."])]
    assert codes(tmp_path, page) == ["DSC001"]


@pytest.mark.parametrize("heading, text", [
    ("After your tooth extraction", "Bite on the gauze for 30 minutes. After your extraction, do not rinse today."),
    ("Going home after your knee arthroscopy",
     "When you go home, keep the dressing dry. The operation was done through two small cuts."),
    ("Caring for your wound", "This is your aftercare sheet. Following your operation, keep the wound dry."),
])
def test_aftercare_in_other_units_words_is_not_asked_for_the_surgery_disclaimer(tmp_path, heading, text):
    page = [(heading, "surgery", [text]), ("About this sheet", "other", ["This sheet is general information."])]
    assert found(tmp_path, page) == []


def test_a_podcast_episode_is_still_asked_for_its_disclaimer(tmp_path):
    page = [(None, "overview", ["Episode 12: Hay fever", "Hosted by Sarah Finch",
                                "Listen on: Apple Podcasts | Spotify"]),
            ("Transcript", "other", ["SARAH: So what should people take first?"])]
    assert codes(tmp_path, page) == ["DSC003"]
