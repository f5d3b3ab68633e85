"""Who answers for a page, and which of its sections dose, read from classes of text seen on
clinic, hospital, pharmacy and newsletter pages:

- A job line under a byline ("Consultant Physician, <hospital>") is the writer's post: a
  doctor writing under their medical post answers for the page (no separate reviewer).
- A title qualifier before "Dr" ("Op. Dr.", "Uzm. Dr.") is part of the medical title, and a
  royal college's fellowship (FRCS, FRCP) marks a medical practitioner ("Mr" for a surgeon).
- A pharmacy's bar saying it is open today is its own practice's furniture: its pharmacist
  writer answers for the page.
- A writer's own subscription newsletter (numbered issue, paid tier, subscribe bar) is a
  periodical: not asked for a medical reviewer.
- A heading naming procedures or interventions is no dose section, even with the amounts a
  clinician injects; a causes or risk-factors section naming a medicine's amount is none.
- A bare heading whose subsections all dose is a dose section (one over a mix is not, nor a
  treatment overview that describes); a heading over an aside in brackets is the parent of
  the headings under it.

Every page is written for these tests, in at least two page styles per class, and each keeps
its words on a round trip.
"""

from __future__ import annotations

import datetime as dt

import pytest

from medlint.importer.decompose import DOSING_KINDS
from support import findings_for, read, roundtrip_words

TODAY = dt.date(2026, 12, 1)


def _ids(text: str, check: str, root, markdown: bool = False) -> list[str]:
    return [f.check for f in findings_for(text, check, root, today=TODAY, markdown=markdown)]


def _dosing(text: str, markdown: bool = False) -> list[str]:
    _meta, sections = read(text, markdown=markdown)
    return [s["heading"] for s in sections if s["heading"] and s["kind"] in DOSING_KINDS]


_FOOT = "This article is general information and does not replace advice from your own doctor.\n"

# ---------------------------------------------------------------- the byline's job line

HOSPITAL_BLOG = ("Harbourline Private Hospital | Find a Specialist | Health Articles | Careers\n\n"
                 "Heat exhaustion: what to do at home\n\n"
                 "Dr. Niroshan Perera, MBBS (Kandy), MD (Medicine)\n"
                 "Consultant Physician, Harbourline Private Hospital\n"
                 "Posted on 14 August 2026\n\n"
                 "Move to a cool place and sip water or an oral rehydration drink.\n" + _FOOT)

CLINIC_PAGE = ("Westgate Kidney Clinic\n\n"
               "Kidney stones and pain relief\n\n"
               "Dr Amara Okonkwo, MBChB, MD\n"
               "Consultant Nephrologist, Westgate Kidney Clinic\n"
               "Last updated 2 October 2026\n\n"
               "Drink enough to keep your urine pale through the day.\n" + _FOOT)


@pytest.mark.parametrize("page", [HOSPITAL_BLOG, CLINIC_PAGE])
def test_a_job_line_under_the_byline_is_the_writers_post(page, tmp_path):
    meta, _ = read(page)
    assert len(meta["authors"]) == 1
    assert meta["authors"][0]["role"].split(",")[0] in ("Consultant Physician", "Consultant Nephrologist")
    assert _ids(page, "REV006", tmp_path) == []


def test_a_job_line_of_a_post_that_is_not_medical_still_owes_the_reviewer(tmp_path):
    page = CLINIC_PAGE.replace("Dr Amara Okonkwo, MBChB, MD", "Amara Okonkwo, BPharm") \
        .replace("Consultant Nephrologist", "Consultant Pharmacist")
    assert _ids(page, "REV006", tmp_path) == ["REV006"]


# ---------------------------------------------------------------- medical titles and fellowships

TURKISH_CLINIC = ("ANATOLIA DENTAL & FACE · Kadıköy / İstanbul\nHome | Treatments | Prices | Contact\n\n"
                  "After your jaw surgery: your medicines\n\n"
                  "Uzm. Dr. Selin Aydın, Oral and Maxillofacial Surgeon\n"
                  "Updated: 04.05.2026\n\n"
                  "Keep your head raised on two pillows for the first two nights.\n" + _FOOT)

UK_SURGEON = ("# Bunions\n\n"
              "**Author:** Mr Daniel Mensah, FRCS (Orth), Consultant Foot and Ankle Surgeon\n"
              "**Page last reviewed:** 3 March 2026\n\n"
              "A bunion is a bony bump at the base of the big toe.\n\n" + _FOOT)


def test_a_qualifier_before_dr_is_part_of_a_surgeons_medical_title(tmp_path):
    assert _ids(TURKISH_CLINIC, "REV006", tmp_path) == []


def test_a_surgeon_titled_mr_with_a_royal_college_fellowship_answers_for_the_page(tmp_path):
    assert _ids(UK_SURGEON, "REV006", tmp_path, markdown=True) == []


def test_mr_without_a_medical_fellowship_still_owes_the_reviewer(tmp_path):
    page = UK_SURGEON.replace("FRCS (Orth), Consultant Foot and Ankle Surgeon", "MCSP, Clinical Lead Physiotherapist")
    assert _ids(page, "REV006", tmp_path, markdown=True) == ["REV006"]


# ---------------------------------------------------------------- a pharmacy open today

PHARMACY_BAR = ("Riverbend Pharmacy\nHome | Services | Flu Jabs | Blog | Open today 9am - 6pm\n\n"
                "Hay fever tablets: which one?\n\n"
                "Posted 3 May 2026 by Tomasz Nowak (MPharm), Pharmacist\n\n"
                "Cetirizine and loratadine cause less drowsiness than older antihistamines.\n" + _FOOT)

PHARMACY_FOOT = ("Cedar Street Chemist\n\n"
                 "Cold sores: getting in early\n\n"
                 "By Leila Haddad, BPharm, Pharmacist\n3 June 2026\n\n"
                 "Start an antiviral cream at the first tingle.\n" + _FOOT +
                 "Open now until 8 pm | 12 Cedar Street\n")


@pytest.mark.parametrize("page", [PHARMACY_BAR, PHARMACY_FOOT])
def test_a_pharmacists_post_on_a_pharmacy_open_today_is_answered_for_by_them(page, tmp_path):
    assert _ids(page, "REV006", tmp_path) == []


def test_an_opening_time_in_a_sentence_is_no_practice_furniture(tmp_path):
    page = PHARMACY_FOOT.replace("Open now until 8 pm | 12 Cedar Street\n", "") \
        .replace("Start an antiviral cream", "Most chemists are open until 8 pm. Start an antiviral cream")
    assert _ids(page, "REV006", tmp_path) == ["REV006"]


# ---------------------------------------------------------------- a writer's own newsletter

SUBSCRIPTION_MD = ("# Field Notes · Issue #12\n\n"
                   "## What I take on long runs\n\n"
                   "*Rafael Duarte · 2 October 2026*\n\n"
                   "[Subscribe] · [Share] · 💬 21\n\n"
                   "Hello again, runners. Here is what is in my vest this season.\n\n"
                   "Paid subscribers get my race-day checklist next week.\n\n"
                   "*This newsletter is general information, not medical advice.*\n")

SUBSCRIPTION_TXT = ("The Quiet Kitchen, issue #48\n\n"
                    "Sleep, tea and a magnesium question\n\n"
                    "By Hanna Berg, 9 November 2026\n\n"
                    "Several of you wrote in about evening routines, so here is mine.\n"
                    "Upgrade to paid to read the full reader Q&A.\n"
                    "This letter is general information, not medical advice.\n")


@pytest.mark.parametrize("page,markdown", [(SUBSCRIPTION_MD, True), (SUBSCRIPTION_TXT, False)])
def test_a_writers_subscription_newsletter_is_not_asked_for_a_reviewer(page, markdown, tmp_path):
    assert _ids(page, "REV006", tmp_path, markdown=markdown) == []


def test_an_organisations_numbered_newsletter_is_still_asked_for_its_reviewer(tmp_path):
    page = ("Orchard Lane Surgery Newsletter\nIssue 9 - October 2026\n\n"
            "Flu season is here\n\nCompiled by Janet Rowe, Practice Manager\n\n"
            "Book your flu jab at reception.\nThis newsletter is general information, not medical advice.\n")
    assert _ids(page, "REV006", tmp_path) == ["REV006"]


# ---------------------------------------------------------------- procedures and causes

PROCEDURES_TXT = ("Trigger finger\n\n"
                  "Medicines\n"
                  "Ibuprofen 400 mg three times a day with food, for up to 10 days.\n"
                  "Injections and other procedures\n"
                  "A steroid injection of triamcinolone 10 mg into the tendon sheath often settles it.\n"
                  "Surgery\nA small cut releases the tight pulley.\n")

PROCEDURES_MD = ("# Knee osteoarthritis\n\n"
                 "## Pain relief\n\nParacetamol 1 g up to four times a day, no more than 4 g in 24 hours.\n\n"
                 "## Interventional treatments\n\n"
                 "Hyaluronic acid, 2 mL into the knee once a week for 3 weeks, is given in clinic.\n")


@pytest.mark.parametrize("page,markdown,dose,procedure", [
    (PROCEDURES_TXT, False, "Medicines", "Injections and other procedures"),
    (PROCEDURES_MD, True, "Pain relief", "Interventional treatments")])
def test_a_procedures_section_is_no_dose_section(page, markdown, dose, procedure):
    got = _dosing(page, markdown)
    assert dose in got and procedure not in got


def test_a_section_after_a_procedure_is_read_by_its_text():
    page = ("After your tooth extraction\n\nAfter your procedure\n"
            "Take paracetamol 1 g every 6 hours if needed, no more than 4 g in 24 hours.\n"
            "Keeping the socket clean\nRinse gently with warm salt water from the next day.\n")
    assert "After your procedure" in _dosing(page)


@pytest.mark.parametrize("heading", ["Risk factors", "What causes it?"])
def test_a_causes_section_naming_a_medicines_amount_is_no_dose_section(heading):
    page = (f"Osteoporosis in men\n\n{heading}\n"
            "Steroid tablets such as prednisolone 5 mg a day or more for three months thin the bones.\n"
            "Treatment\nAlendronate 70 mg once a week, on the same day each week.\n")
    got = _dosing(page)
    assert heading not in got and "Treatment" in got


# ---------------------------------------------------------------- parent headings

PARENT_TXT = ("Gout\n\n"
              "Treatment\n"
              "During an attack\n"
              "Naproxen 500 mg twice a day with food until the attack settles, for up to 7 days.\n"
              "Long term\n"
              "Allopurinol 100 mg once a day, raised by your doctor every few weeks.\n")

PARENT_MD = ("# Eczema\n\n"
             "## Treatment\n\n"
             "### Steroid creams\n\nApply hydrocortisone 1% cream thinly once or twice a day for up to 7 days.\n\n"
             "### Antihistamines\n\nCetirizine 10 mg once a day can help you sleep when you itch.\n")

MIXED_TXT = ("Gout\n\n"
             "Treatment\n"
             "Resting the joint\n"
             "Keep the foot raised and uncovered, with an ice pack for 20 minutes at a time.\n"
             "During an attack\n"
             "Naproxen 500 mg twice a day with food until the attack settles, for up to 7 days.\n")

DESCRIBED_TXT = ("Gout\n\n"
                 "Treatment\n"
                 "Treatment has two aims: to settle the attack and to stop the next one.\n"
                 "Resting the joint\n"
                 "Keep the foot raised and uncovered, with an ice pack for 20 minutes at a time.\n"
                 "During an attack\n"
                 "Naproxen 500 mg twice a day with food until the attack settles, for up to 7 days.\n")

ASIDE_TXT = ("Migraine\n\n"
             "Drug Treatments\n"
             "(Your doctor will choose among these; the doses are for adults.)\n"
             "Treating the Attack\n"
             "Sumatriptan 50 mg at the start of the headache; no more than 300 mg in 24 hours.\n"
             "Preventing Attacks\n"
             "Propranolol 80 mg a day in divided doses.\n")


@pytest.mark.parametrize("page,markdown", [(PARENT_TXT, False), (PARENT_MD, True)])
def test_a_bare_heading_whose_subsections_all_dose_is_a_dose_section(page, markdown):
    assert "Treatment" in _dosing(page, markdown)


def test_a_heading_over_dosing_and_other_subsections_is_not_a_dose_section():
    got = _dosing(MIXED_TXT)
    assert "Treatment" not in got and "During an attack" in got


def test_a_treatment_overview_that_describes_is_not_the_dose_section_its_subsection_is():
    got = _dosing(DESCRIBED_TXT)
    assert "Treatment" not in got and "During an attack" in got


def test_a_heading_over_an_aside_is_the_parent_of_the_headings_under_it():
    _meta, sections = read(ASIDE_TXT)
    levels = {s["heading"]: s["level"] for s in sections if s["heading"]}
    assert levels["Drug Treatments"] == 1 and levels["Treating the Attack"] == 2
    assert "Drug Treatments" in _dosing(ASIDE_TXT)


# ---------------------------------------------------------------- masthead offers and share lines

LOYALTY_TXT = ("Maple Leaf Drugs\nShop | Pharmacy | Health Centre | Flyer\n"
               "Collect double points on cold and flu remedies until Sunday. Conditions apply.\n"
               "Health Centre > Colds\n"
               "Sore throat: what helps and when to see someone\n"
               "By Aiko Tanaka, PharmD | Updated March 3, 2026\n"
               "Most sore throats get better by themselves within a week.\n"
               "Lozenges and warm drinks ease the pain\n"
               "Sucking a lozenge keeps the throat moist.\n")

LOYALTY_BAR = ("Harbour Chemist\nEarn 5x points on vitamins this weekend\n"
               "Hay fever in spring\n"
               "Posted 2 April 2026 by Ravi Patel, Pharmacist\n"
               "Pollen counts peak on warm, windy days.\n"
               "Antihistamine tablets\n"
               "Take one tablet a day when the pollen count is high.\n")


@pytest.mark.parametrize("page,title", [(LOYALTY_TXT, "Sore throat: what helps and when to see someone"),
                                        (LOYALTY_BAR, "Hay fever in spring")])
def test_a_loyalty_offer_in_the_masthead_is_furniture_not_the_title(page, title):
    meta, sections = read(page)
    assert meta["title"] == title
    assert title not in [s["heading"] for s in sections]


@pytest.mark.parametrize("line", ["Share this post: Facebook | LinkedIn | Email",
                                  "Share this article: WhatsApp · Twitter · Copy link"])
def test_a_share_this_post_line_is_no_heading(line):
    page = ("Shin splints: easing back into running\n"
            "Posted by Sam Reid, Physiotherapist | 3 May 2026\n"
            f"{line}\n"
            "Shin splints are pain along the inner edge of the shin.\n"
            "Why does it happen?\n"
            "Running more, too soon, on hard ground.\n")
    _meta, sections = read(page)
    assert line not in [s["heading"] for s in sections]


# ---------------------------------------------------------------- a medicines heading over a lead-in line

LEAD_IN_MD = ("# Shingles\n\n"
              "## Medicines your doctor may prescribe\n\n"
              "If the rash started in the last three days, your doctor may offer one of these:\n\n"
              "### Aciclovir\n\nAciclovir 800 mg five times a day for 7 days.\n\n"
              "### Nerve pain medicines\n\nThese help if the pain lasts after the rash has gone.\n")

LEAD_IN_TXT = ("Chest infections\n\n"
               "Medicines\n"
               "(Your GP will choose one from your symptoms and your other medicines.)\n"
               "Amoxicillin\n"
               "Amoxicillin 500 mg three times a day for 5 days.\n"
               "Cough medicines\n"
               "There is little evidence that they help.\n")


@pytest.mark.parametrize("page,markdown,heading", [(LEAD_IN_MD, True, "Medicines your doctor may prescribe"),
                                                   (LEAD_IN_TXT, False, "Medicines")])
def test_a_medicines_heading_over_a_lead_in_and_a_dosing_subsection_is_a_dose_section(page, markdown, heading):
    assert heading in _dosing(page, markdown)


def test_a_medicines_heading_with_text_of_its_own_is_read_by_that_text():
    page = LEAD_IN_MD.replace("your doctor may offer one of these:",
                              "your doctor may offer an antiviral, which shortens the illness.")
    assert "Medicines your doctor may prescribe" not in _dosing(page, markdown=True)


# ---------------------------------------------------------------- amounts named as harm or as the reader's own

HARM_MD = ("# Choosing a painkiller\n\n"
           "## At a glance\n\n| Medicine | Adult dose |\n|---|---|\n"
           "| Paracetamol | 1 g every 6 hours, no more than 4 g in 24 hours |\n\n"
           "## Paracetamol\n\nIt is gentle on the stomach. Taking more than 4 g in 24 hours can harm your liver.\n\n"
           "## Aspirin\n\nWe rarely suggest it for pain now. If you take a low-dose aspirin (75 mg) every day "
           "for your heart, keep taking it.\n")

HARM_TXT = ("Fever medicines for adults\n\n"
            "How much to take\n"
            "Ibuprofen 400 mg every 8 hours with food, no more than 1,200 mg in a day.\n"
            "Paracetamol and your liver\n"
            "Read the label. Using more than 4,000 mg in a day can cause liver failure.\n"
            "If you are on other medicines\n"
            "If you are on a blood thinner (warfarin 5 mg, for example), ask us before you buy.\n")


@pytest.mark.parametrize("page,markdown,dose,other", [
    (HARM_MD, True, "At a glance", ("Paracetamol", "Aspirin")),
    (HARM_TXT, False, "How much to take", ("Paracetamol and your liver",))])
def test_an_amount_named_as_harm_or_as_the_readers_own_medicine_is_no_dose_section(page, markdown, dose, other):
    got = _dosing(page, markdown)
    assert dose in got and not set(other) & set(got)


@pytest.mark.parametrize("page", [HOSPITAL_BLOG, CLINIC_PAGE, PROCEDURES_TXT, PARENT_TXT, ASIDE_TXT,
                                  LOYALTY_TXT, LOYALTY_BAR])
def test_every_page_of_these_classes_keeps_its_words(page, tmp_path):
    got, want = roundtrip_words(page, tmp_path)
    assert got == want
