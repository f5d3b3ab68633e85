"""What a page owes, read from positive evidence on the page itself (REV003-REV006,
DSC001-DSC004): who wrote it and in what post, what its own cautions say, what its own
dates are for.

Every page here was written for this test, each rule in at least two site styles: one page
that owes the thing and lacks it (the finding fires) and one that does not owe it, or says
it in its own words (silent).
"""

from __future__ import annotations

import datetime as dt

from support import findings_for, read

TODAY = dt.date(2026, 12, 1)


def _ids(text: str, check: str, root, markdown: bool = False) -> list[str]:
    return [f.check for f in findings_for(text, check, root, today=TODAY, markdown=markdown)]


_BODY = ("Shin splints are pain along the inner edge of the shin bone.\n"
         "Rest from running for two weeks and ice the sore area for 15 minutes at a time.\n"
         "This page is general information only and is not a substitute for professional medical advice.\n")

# ---------------------------------------------------------------- REV006: the writer's post

# a hospital's health library, written by the consultant who treats the condition
CONSULTANT_PAGE = ("Shin splints: easing the pain\n"
                   "Article by Dr Ines Varga, Senior Consultant, Department of Sports Medicine, Harbourview Hospital\n"
                   "Last updated on 02 Nov 2026\n" + _BODY)
# a clinic's blog, by a physician naming their specialty
PHYSICIAN_PAGE = ("Shin splints: your first month back\n"
                  "By Dr. Sam Oduya, MD, sports medicine physician\n"
                  "Updated October 14, 2026\n" + _BODY)
# a pharmacy's Q&A by a named pharmacist: the site still owes a reviewer
PHARMACIST_PAGE = ("Shin splints: which painkiller?\n"
                   "By Maya Chen, PharmD, clinical pharmacist\n"
                   "Updated October 14, 2026\n" + _BODY)
# a doctor named by letters alone, with no post: the reviewer is still asked
LETTERS_ONLY_PAGE = ("Shin splints explained\n"
                     "By Dr Leo Park, MBBS\n"
                     "Last updated: 14 October 2026\n" + _BODY)
# a consultant pharmacist's post is no medical one
CONSULTANT_PHARMACIST_PAGE = ("Shin splints and your medicines\n"
                              "By Ana Ruiz, MPharm, consultant pharmacist\n"
                              "Last updated: 14 October 2026\n" + _BODY)


def test_a_consultant_writing_under_their_post_answers_for_the_page(tmp_path):
    assert _ids(CONSULTANT_PAGE, "REV006", tmp_path) == []


def test_a_physician_naming_their_specialty_answers_for_the_page(tmp_path):
    assert _ids(PHYSICIAN_PAGE, "REV006", tmp_path) == []


def test_a_pharmacist_writer_still_owes_a_reviewer(tmp_path):
    assert _ids(PHARMACIST_PAGE, "REV006", tmp_path) == ["REV006"]


def test_a_doctor_named_by_letters_alone_still_owes_a_reviewer(tmp_path):
    assert _ids(LETTERS_ONLY_PAGE, "REV006", tmp_path) == ["REV006"]


def test_a_consultant_pharmacist_is_no_medical_post(tmp_path):
    assert _ids(CONSULTANT_PHARMACIST_PAGE, "REV006", tmp_path) == ["REV006"]


# ---------------------------------------------------------------- REV005: an organisation's page

# a university service's page in Markdown front matter: a named reviewer is no writer, and
# the service's own furniture (its nurse line, its name) says whose page it is
SERVICE_PAGE = ("# Hay fever in exam season\n\n"
                "*Reviewed by Dr Hana Obi, MD, Clinical Lead* · Last reviewed 3 September 2026\n\n"
                "Pollen counts peak in June. If you are worried, call the nurse line on 555-0100.\n\n"
                "Loratadine 10 mg once a day eases sneezing. It does not replace advice from your own GP.\n\n"
                "This page is general information from the Riverton University Student Health Service.\n")
# a lifestyle blog with the same reviewer line and no organisation of its own: the writer is owed
BLOG_PAGE = ("# Hay fever in exam season\n\n"
             "*Reviewed by Dr Hana Obi, MD* · Last reviewed 3 September 2026\n\n"
             "Pollen counts peak in June, so plan ahead.\n\n"
             "Loratadine 10 mg once a day eases sneezing. It does not replace advice from your own GP.\n\n"
             "This page is general information only.\n")
# a county health department's job aid prepared by one of its units
COUNTY_AID = ("Brookvale County Department of Health\n"
              "Community Health Worker Job Aid No. 3\n\n"
              "TREATING HEAD LICE AT HOME\n\n"
              "Version 1 - issued 4 March 2026\n"
              "Prepared by the County Community Health Services Unit\n\n"
              "Comb wet hair with a fine-toothed comb every 3 days for 2 weeks.\n"
              "This card supports, and does not replace, the advice of the nurse at your health centre.\n")


def test_an_organisations_page_with_a_named_reviewer_is_not_asked_for_a_personal_author(tmp_path):
    assert _ids(SERVICE_PAGE, "REV005", tmp_path, markdown=True) == []


def test_a_blog_with_only_a_reviewer_still_owes_its_writer(tmp_path):
    assert _ids(BLOG_PAGE, "REV005", tmp_path, markdown=True) == ["REV005"]


def test_a_health_services_unit_is_no_person_and_its_department_answers_for_the_page(tmp_path):
    assert _ids(COUNTY_AID, "REV005", tmp_path) == []
    assert _ids(COUNTY_AID, "REV006", tmp_path) == []


# ---------------------------------------------------------------- REV003/REV004: what a date is for

_CMI = ("Consumer Medicine Information\n\nFEXOLAN TABLETS\nfexofenadine 120 mg tablets\n\n"
        "1. Why am I using FEXOLAN?\nFEXOLAN relieves the symptoms of hay fever.\n\n"
        "2. How do I use FEXOLAN?\nTake one tablet once a day. Ask your pharmacist if you are unsure.\n\n")
# a regulated leaflet's own preparation date dates the text, not a review to renew
CMI_PREPARED = _CMI + "This leaflet was prepared on 10 January 2024.\n"
# a package leaflet's "last revised" is its review date, revised under the regulator's
# variation process: not judged by the yearly rule (the corpus gold's ruling on 162, after
# 17 and 18)
PIL_REVISED = ("Package leaflet: Information for the user\n\nHayzol 10 mg tablets\ncetirizine\n\n"
               "Read all of this leaflet carefully before you start taking this medicine.\n\n"
               "How to take Hayzol\nTake one tablet once a day.\n\n"
               "This leaflet was last revised in March 2023.\n")


def test_a_regulated_leaflets_preparation_date_is_not_judged_stale(tmp_path):
    assert _ids(CMI_PREPARED, "REV003", tmp_path) == []
    assert _ids(CMI_PREPARED, "REV001", tmp_path) == []


def test_a_regulated_leaflets_last_revised_date_dates_it_without_a_yearly_review(tmp_path):
    assert _ids(PIL_REVISED, "REV003", tmp_path) == []
    assert _ids(PIL_REVISED, "REV001", tmp_path) == []


_TRUST = ("Riverside Hospitals NHS Foundation Trust\nPatient Information\n\nMethotrexate injections\n"
          "Leaflet reference: RHE-201   Version 2\nDate of publication: June 2024\n")


def test_a_passed_date_for_review_is_the_pages_own_overdue_review(tmp_path):
    page = _TRUST + "Date for review: June 2025\n\nInject once a week on the same day.\n"
    assert _ids(page, "REV004", tmp_path) == ["REV004"]


def test_a_date_for_review_still_ahead_is_not_overdue(tmp_path):
    page = _TRUST + "Date for review: June 2027\n\nInject once a week on the same day.\n"
    assert _ids(page, "REV004", tmp_path) == []


# ---------------------------------------------------------------- DSC002: an incomplete caution of the section's own

_HEAD = "Hay fever tablets compared\nBy Jo Reyes, MPharm | Reviewed by Dr Ian Moss, MRCGP | 3 May 2026\n"
_CLOSE = "This guide is general information only and is not a substitute for professional medical advice.\n"

# the section's own note says whom the doses are for, and never sends the reader to ask first
NOTE_WITHOUT_ASKING = (_HEAD + "Which tablet?\n"
                       "Cetirizine 10 mg once a day or loratadine 10 mg once a day.\n"
                       "These amounts are the label limits for adults and children aged 12 and over.\n" + _CLOSE)
# the same gap on a Markdown site with a dose table
TABLE_NOTE_WITHOUT_ASKING = ("# Hay fever tablets compared\n\n"
                             "By Jo Reyes, MPharm | Reviewed by Dr Ian Moss, MRCGP | 3 May 2026\n\n"
                             "## Which tablet?\n\n"
                             "| Medicine | Dose |\n|---|---|\n| Cetirizine 10 mg | 1 tablet once a day |\n"
                             "| Loratadine 10 mg | 1 tablet once a day |\n\n"
                             "The doses in this table are for adults and children over 12.\n\n" + _CLOSE)
# a shop's product page: "Adults: take ..." labels the dose, it is no caution to extend
SHOP_DOSE_LABEL = ("Hayzol One-a-Day 10 mg Tablets\nPack of 30 tablets\n\nWritten by Jo Reyes, MPharm\n"
                   "Reviewed by Dr Ian Moss, MRCGP\nLast updated on 3 May 2026\n\n"
                   "Product introduction\nHayzol relieves sneezing and itchy eyes in hay fever.\n\n"
                   "How to take Hayzol\nAdults and children over 12 years: take 1 tablet once a day with water.\n"
                   "Swallow it whole.\n\n" + _CLOSE)
# a softgel's label line on a supplement brand's page
SOFTGEL_LABEL = ("OMEGA BOTANICS\nShop All   Joints   Sleep\n\nOmega Joint Softgels\n$24.99 · 60 softgels\n\n"
                 "Why Omega Joint?\nFish oil supports normal joints.\n\n"
                 "Suggested use\nAdults: take 2 softgels daily with a meal. For best results, take for 8 weeks.\n"
                 "Each softgel provides 500 mg of fish oil.\n\n" + _CLOSE)
# a clinic's own caution sends the reader to ask first: the clinician fits the dose to them
CLINIC_ASKS_FIRST = (_HEAD + "Which tablet?\n"
                     "Cetirizine 10 mg once a day is our usual choice. Ask us before you use it if you are "
                     "pregnant or take other medicines.\n" + _CLOSE)
# a physio practice's: "call us if ..." on the medicine's harm
PHYSIO_CALL_US = ("Calf strain: the first week\nBy Dr. Kay Lund, DO, sports medicine physician | 3 May 2026\n"
                  "Painkillers\nTake naproxen 250 mg twice a day with food for up to 5 days. It can upset the stomach, "
                  "so stop and call us if you notice black stools.\n" + _CLOSE)


def test_a_sections_own_note_on_ages_without_asking_first_is_incomplete(tmp_path):
    assert _ids(NOTE_WITHOUT_ASKING, "DSC002", tmp_path) == ["DSC002"]


def test_a_tables_own_note_on_ages_without_asking_first_is_incomplete(tmp_path):
    assert _ids(TABLE_NOTE_WITHOUT_ASKING, "DSC002", tmp_path, markdown=True) == ["DSC002"]


def test_an_age_label_on_the_dose_is_no_caution_to_call_incomplete(tmp_path):
    assert _ids(SHOP_DOSE_LABEL, "DSC002", tmp_path) == []


def test_a_softgel_label_line_is_a_dose_not_a_caution(tmp_path):
    assert _ids(SOFTGEL_LABEL, "DSC002", tmp_path) == []


def test_a_clinic_that_asks_its_patient_to_ask_it_first_gives_its_own_caution(tmp_path):
    assert _ids(CLINIC_ASKS_FIRST, "DSC001", tmp_path) == []
    assert _ids(CLINIC_ASKS_FIRST, "DSC002", tmp_path) == []


def test_a_clinics_call_us_caution_is_its_own_words(tmp_path):
    assert _ids(PHYSIO_CALL_US, "DSC001", tmp_path) == []
    assert _ids(PHYSIO_CALL_US, "DSC002", tmp_path) == []


def test_a_general_page_that_sends_the_reader_to_any_pharmacist_still_says_whom_the_doses_suit(tmp_path):
    page = (_HEAD + "Which tablet?\nCetirizine 10 mg once a day. Ask your pharmacist first if you take other "
            "medicines.\n" + _CLOSE)
    assert _ids(page, "DSC002", tmp_path) == ["DSC002"]


def test_labelled_doses_on_a_page_that_cautions_no_one_have_no_disclaimer(tmp_path):
    page = ("Hayzol One-a-Day 10 mg Tablets\nPack of 30 tablets\n\nProduct introduction\n"
            "Hayzol relieves sneezing and itchy eyes in hay fever.\n\n"
            "How to take Hayzol\nAdults and children over 12 years: take 1 tablet once a day with water.\n")
    # no caution at all: one defect, named once as DSC003 (disclaimer ruling of 2026-12-04)
    assert _ids(page, "DSC003", tmp_path) == ["DSC003"]
    assert _ids(page, "DSC001", tmp_path) == []
    assert _ids(page, "DSC002", tmp_path) == []


# ---------------------------------------------------------------- DSC004: a sign answered where it is named

_THYROID = ("Carbimazole\nBy Ana Ruiz, MPharm | Reviewed by Dr Ian Moss, MRCGP | 3 May 2026\n"
            "How to take it\nTake 20 mg once a day.\n")


def test_a_sign_with_no_advice_anywhere_needs_a_red_flag_section(tmp_path):
    page = _THYROID + "Side effects\nChest pain and a racing heartbeat can happen at high doses.\n" + _CLOSE
    assert _ids(page, "DSC004", tmp_path) == ["DSC004"]


def test_a_sign_whose_sentence_says_whom_to_see_is_answered(tmp_path):
    page = _THYROID + "Side effects\nSee your doctor if you get chest pain or a racing heartbeat.\n" + _CLOSE
    assert _ids(page, "DSC004", tmp_path) == []


def test_a_leaflet_telling_the_reader_to_tell_their_gp_when_a_sign_appears_is_answered(tmp_path):
    page = ("Warfarin: a guide for patients\nBy Ana Ruiz, MPharm | Reviewed by Dr Ian Moss, MRCGP | 3 May 2026\n"
            "Your dose\nTake the dose in your yellow book at the same time each day.\n"
            "Bleeding\nTell your GP when you notice chest pain or blood in your urine.\n" + _CLOSE)
    assert _ids(page, "DSC004", tmp_path) == []


# ---------------------------------------------------------------- a Q&A forum's terms line

_FORUM = ("PillTalk Community › Ask a Pharmacist\n\nCan I take cetirizine with my asthma inhaler?\n"
          "Asked by bluefinch · 2 days ago\n\nAnswer from ravi_m · 7 votes\n"
          "I do and it's fine, one tablet a day.\n\n")


def test_a_qa_forums_answers_are_its_members_views(tmp_path):
    page = _FORUM + "PillTalk answers are the personal views of members. They are not medical advice.\n"
    assert _ids(page, "REV005", tmp_path) == []
    assert _ids(page, "REV006", tmp_path) == []


# ---------------------------------------------------------------- a team byline: writer_team, no author

def test_a_pharmacy_blogs_team_byline_is_its_writer_team_and_names_no_author(tmp_path):
    page = ("Greenway Pharmacy  |  Shop  |  Blog\n\nSunscreen and your medicines\n\n"
            "By the Greenway Pharmacy Health Team\nPosted 2 September 2026\n\n"
            "Some medicines make your skin burn more easily.\n"
            "This blog is general information only and is not a substitute for advice from your pharmacist.\n")
    meta, _ = read(page)
    assert not meta.get("authors") and meta.get("writer_team") == "Greenway Pharmacy Health Team"
    found = findings_for(page, "REV005", tmp_path, today=TODAY)
    assert [f.check for f in found] == ["REV005"]
    assert "Greenway Pharmacy Health Team" in found[0].message and "team" in found[0].message


def test_a_charitys_information_team_with_a_credentialed_reviewer_owes_no_personal_author(tmp_path):
    page = ("Living with gout\n"
            "Written by our Information and Support Team. Reviewed by Dr Hana Obi, FRCP, consultant rheumatologist.\n"
            "Last reviewed: 3 September 2026 | Next review: September 2027\n\n"
            "Gout is a painful swelling of a joint.\n"
            "This page is general information only and is not a substitute for professional medical advice.\n")
    assert _ids(page, "REV005", tmp_path) == []


_TEAM_BLOG = ("Greenway Pharmacy  |  Shop  |  Blog\n\nSunscreen and your medicines\n\n"
              "By the Greenway Pharmacy Health Team\n{reviewer}Posted 2 September 2026\n\n"
              "Some medicines make your skin burn more easily.\n"
              "This blog is general information only and is not a substitute for advice from your pharmacist.\n")


def test_a_team_byline_alone_owes_both_a_named_writer_and_a_named_reviewer(tmp_path):
    # two roles, two findings (the corpus ruling of 2026-12-04: 143 and 160 list both)
    page = _TEAM_BLOG.format(reviewer="")
    assert _ids(page, "REV005", tmp_path / "a") == ["REV005"]
    assert _ids(page, "REV006", tmp_path / "b") == ["REV006"]


def test_a_clinic_blogs_staff_byline_alone_owes_a_reviewer_too(tmp_path):
    page = ("Harbourside Family Dental  |  Our Dentists  |  Blog\n\nWisdom teeth: the first few days\n\n"
            "Written by the Harbourside Patient Care Team\n14 August 2026\n\n"
            "Most swelling settles in three days. Paracetamol 1 g every 6 hours helps, no more than 4 g a day.\n"
            "This post is general information and is not a substitute for advice from your dentist.\n")
    assert _ids(page, "REV006", tmp_path) == ["REV006"]


def test_a_team_byline_with_a_reviewer_named_without_credentials_still_owes_them(tmp_path):
    page = _TEAM_BLOG.format(reviewer="Reviewed by Sam Lee\n")
    assert _ids(page, "REV006", tmp_path) == ["REV006"]


def test_a_health_systems_staff_byline_is_not_asked_for_a_writer_but_still_for_a_reviewer(tmp_path):
    page = ("Find a Doctor | Locations | MyChart | Donate\nA non-profit academic medical center\n\n"
            "Gallstones\n\nBy Northgate Clinic Staff\nLast reviewed: 3 September 2026\n\n"
            "Gallstones are small stones in the gallbladder.\n"
            "This page is general information only and is not a substitute for professional medical advice.\n")
    assert _ids(page, "REV005", tmp_path / "a") == []
    assert _ids(page, "REV006", tmp_path / "b") == ["REV006"]


# ---------------------------------------------------------------- a worked example supposes a dose, gives none

_PLAN = ("Harbor Senior Health Plans\nPart D | Find a pharmacy | Member login\n\nYour drug costs, explained\n\n"
         "Reviewed by Li Wei, PharmD\nLast updated: October 1, 2026\n\n"
         "Drugs are grouped into cost tiers.\n\n{body}\n"
         "This information is not medical advice. Talk with your doctor or pharmacist before you change any medicine.\n")


def test_an_insurers_worked_example_supposes_a_dose_and_gives_none(tmp_path):
    body = ("A worked example\nSay you take atorvastatin 20 mg once daily. On Tier 1 a 90-day supply costs you "
            "nothing.\n")
    for check in ("DSC001", "DSC002"):
        assert _ids(_PLAN.format(body=body), check, tmp_path / check) == []


def test_a_price_guides_imagined_dose_is_none_but_its_instruction_is_one(tmp_path):
    guide = ("Cheaper repeat prescriptions\nBy Jo Reyes, MPharm | Reviewed by Dr Ian Moss, MRCGP | 3 May 2026\n"
             "Prepayment certificates\nImagine you take ramipril 5 mg a day and two other medicines: a "
             "certificate saves you money.\n")
    assert _ids(guide, "DSC001", tmp_path / "a") == []
    told = guide.replace("Imagine you take ramipril 5 mg a day and two other medicines: a certificate saves you "
                         "money.", "Take ramipril 5 mg once a day.") + "This guide is general information.\n"
    assert _ids(told, "DSC001", tmp_path / "b") == ["DSC001"]


# ---------------------------------------------------------------- a numbered file series is document control

_LINK = ("NorthCoast Health Link\nHealth Topics   Find Services   Call 8-1-1\n\nUsing Ibuprofen Safely\n\n"
         "{number}Last updated: 3 June 2026\n\n"
         "Ibuprofen eases pain and swelling. Take it with food.\n"
         "This file is for information only. It is not a substitute for advice from your health care provider.\n")


def test_a_provincial_health_file_with_its_file_number_is_the_organisations_document(tmp_path):
    page = _LINK.format(number="Health Link File Number: 27c\n")
    assert _ids(page, "REV005", tmp_path / "a") == []
    assert _ids(page, "REV006", tmp_path / "b") == []


def test_a_charitys_numbered_fact_sheet_is_the_organisations_document(tmp_path):
    page = ("Living with lupus\nLupus Support UK | Fact sheet no. 14\nPublished: 3 June 2026\n\n"
            "What is lupus?\nLupus can cause tiredness and joint pain.\n"
            "This fact sheet is general information only and is not a substitute for professional medical advice.\n")
    assert _ids(page, "REV005", tmp_path / "a") == []
    assert _ids(page, "REV006", tmp_path / "b") == []


def test_the_same_page_without_its_number_still_owes_names(tmp_path):
    assert _ids(_LINK.format(number=""), "REV005", tmp_path) == ["REV005"]


# ---------------------------------------------------------------- a household measure is a dose, not a caution

def test_one_teaspoon_for_children_aged_two_to_five_is_a_dose_not_a_caution(tmp_path):
    # a parenting magazine's page
    page = ("Soothing a toddler's cough\nWords: Amy Doyle | Checked by Dr Ian Moss, MRCGP | 3 May 2026\n"
            "Cough medicine doses\nGive one teaspoon of honey-and-lemon linctus twice a day for children aged "
            "2 to 5 years.\n" + _CLOSE)
    assert _ids(page, "DSC002", tmp_path) == []


def test_two_teaspoons_for_children_aged_over_six_is_a_dose_not_a_caution(tmp_path):
    page = (_HEAD + "Cough medicine doses\nGive two teaspoons three times a day for children aged 6 years and over.\n"
            + _CLOSE)
    assert _ids(page, "DSC002", tmp_path) == []


def test_a_sections_own_note_on_ages_beside_a_spoon_dose_is_still_incomplete(tmp_path):
    page = (_HEAD + "Cough medicine doses\nGive two teaspoons three times a day.\n"
            "These amounts are for children aged 6 years and over.\n" + _CLOSE)
    assert _ids(page, "DSC002", tmp_path) == ["DSC002"]
