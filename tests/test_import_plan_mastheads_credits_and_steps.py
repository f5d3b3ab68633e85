"""Structure of pages nobody tuned on, as classes (sentences written for this test, two page
styles or more each):

- a clinic's masthead ("<parent body> - <its clinic>") and its address and phone lines over a
  personal plan's own heading: the heading is the title (a US clinic printout, an Indian clinic
  printout with the doctor's line under the letterhead, an Australian pharmacy sheet);
- a PDF's running head with a department or service line glued under it: the band says who
  publishes, the line set apart under it is the title (a UK trust leaflet, an Australian
  hospital leaflet whose service line is in no vocabulary);
- a paragraph's first line broken at the wrap width is no heading;
- the numbered steps of how to put in drops or use an inhaler give no dose;
- a heading naming a case after a colon ("Combined pill: one pill missed") is a heading; a
  label and its dose value is not;
- a missed or late pill's section is no dose section, and "Emergency contraception" no red flag;
- a post after a comma, finished after an "and" ("Oral and Maxillofacial Surgeon"), is one
  person's; a college's country in brackets stays on its credential ("FRCS(Ed)");
- a bilingual byline label ("Reviewed by / Revisado por:") names the reviewer;
- a video's or podcast's channel line names its presenter as the author;
- a label over several stacked names at the foot gives each its role;
- a version and its issue date joined by a dash date the page;
- a title printed in two languages across a slash is no trail.
"""

from __future__ import annotations

from support import headings, names, read


def _kinds(sections) -> dict:
    return {s["heading"]: s["kind"] for s in sections if s["heading"]}


# ---------------------------------------------------------------- titles under mastheads

US_PLAN = """Brookfield Medical Group - Heart Rhythm Clinic
880 Lakeside Avenue, Suite 4, Dayton, OH 45402 | Nurse line: (937) 555-0148

APIXABAN STARTER PLAN

Patient: T. Okafor          DOB: 07/19/1958

YOUR DOSE
Take apixaban 5 mg twice a day, about 12 hours apart.

QUESTIONS
Call the nurse line on weekdays if anything about this plan is unclear.
"""

IN_PLAN = """NEELAM HEART & DIABETES CLINIC
No. 7, 3rd Cross Road, Jayanagar, Bengaluru 560041 | Ph: 080-5555 0192

Dr. R. Menon, MBBS, MD | Reg. No. 33412 (KMC)

Metformin Plan

Patient: Mrs. L. Pillai, 61 y / F     Date: 02/10/2026

MEDICINES
1. Tab. Metformin 500 mg 1-0-1 after food

DIET
Eat your meals at fixed times and keep sweets for special days.
"""

AU_SHEET = """Harbourside Community Pharmacy
27 Wattle St, Geelong VIC 3220 | Appointments: (03) 5555 0110

Your Preventer Inhaler Plan

Your preventer inhaler calms the airways over weeks. Keep the inhaler by your toothbrush.

Each day
Use the preventer inhaler morning and night, even when you feel well.
"""


def test_a_plans_own_heading_under_a_clinic_masthead_is_the_title():
    us, _ = read(US_PLAN)
    assert us["title"] == "APIXABAN STARTER PLAN"
    assert [e["text"] for e in us["preamble"]][:2] == US_PLAN.splitlines()[:2]
    india, _ = read(IN_PLAN)
    assert india["title"] == "Metformin Plan"
    assert names(india["authors"]) == ["Dr. R. Menon"]
    au, _ = read(AU_SHEET)
    assert au["title"] == "Your Preventer Inhaler Plan"


def test_a_masthead_joined_by_a_dash_is_no_title_but_a_title_with_one_stays():
    page = "St Brigid's Hospital - Visiting Times\n\nVisiting is open every afternoon for family and friends.\n"
    meta, _ = read(page)
    assert meta["title"] == "St Brigid's Hospital - Visiting Times"
    listicle, _ = read("10 Tips for Staying Safe on the Road\n\nTake breaks on long drives, and never drive when drowsy.\n")
    assert listicle["title"] == "10 Tips for Staying Safe on the Road"


UK_PDF = """Northmoor Hospitals NHS Foundation Trust              Patient Information
Trauma and Orthopaedic Outpatients

Looking after your plaster cast

Your plaster cast holds the broken bone still while it heals. This
leaflet explains how to keep the plaster cast dry, what is normal and
when to contact the fracture clinic about your plaster cast.

Keeping the cast dry
Cover the plaster cast with a plastic bag when you wash and keep it out
of the bath. A wet plaster cast goes soft and stops holding the bone.

Northmoor Hospitals NHS Foundation Trust              Patient Information

Swelling and itching
Raise the arm or leg with the plaster cast on a pillow for the first
two days. Never push anything down the plaster cast to scratch.

This leaflet is general advice for patients of the Northmoor Hospitals
Trust. It does not replace what your own fracture clinic tells you.

Northmoor Hospitals NHS Foundation Trust              Patient Information
"""

AU_PDF = """Bayview Health                                   Consumer Information
Hand Therapy

Splint care after finger surgery

Your splint protects the finger while the repair heals. Wear the splint
day and night until the clinic says you can take the splint off.

Cleaning the splint
Wipe the splint with a damp cloth once a day. Keep the finger and the
splint dry in the shower by covering them with a plastic bag.

Bayview Health                                   Consumer Information

When to call
Call the clinic if the finger turns pale or blue, or the splint
rubs and makes the skin sore or broken.

Bayview Health                                   Consumer Information
"""


def test_a_department_line_under_a_running_head_is_the_band_not_the_title():
    uk, uk_sections = read(UK_PDF)
    assert uk["title"] == "Looking after your plaster cast"
    assert "Trauma and Orthopaedic Outpatients" in [e["text"] for e in uk["preamble"]]
    au, _ = read(AU_PDF)  # 'Hand Therapy' is in no vocabulary: the text never names it
    assert au["title"] == "Splint care after finger surgery"
    assert "Hand Therapy" in [e["text"] for e in au["preamble"]]


def test_a_line_broken_at_the_wrap_width_is_no_heading():
    _, uk_sections = read(UK_PDF)
    assert headings(uk_sections) == ["Keeping the cast dry", "Swelling and itching"]
    _, au_sections = read(AU_PDF)
    assert headings(au_sections) == ["Cleaning the splint", "When to call"]


# ---------------------------------------------------------------- section kinds

UK_DROPS = """Using your eye drops

Your drop chart
Use dexamethasone drops 4 times a day for 2 weeks.

How to put your drops in
1. Wash your hands and sit with your head tipped back.
2. Pull the lower lid down gently.
3. Squeeze one drop into the gap behind the lid.
4. Close the eye for a minute.

Looking after the bottle
Keep it in the fridge once opened.
"""

US_INHALER = """Using your inhaler

Your dose
Take 2 puffs twice a day, morning and evening.

How to use the inhaler
1. Remove the cap and shake the inhaler.
2. Breathe out all the way.
3. Press down once to release one puff as you breathe in slowly.
4. Hold your breath for 10 seconds, then breathe out.
"""


def test_the_steps_of_putting_in_drops_or_using_an_inhaler_give_no_dose():
    _, drops = read(UK_DROPS)
    assert _kinds(drops)["Your drop chart"] == "drug-therapy"
    assert _kinds(drops)["How to put your drops in"] != "drug-therapy"
    _, inhaler = read(US_INHALER)
    assert _kinds(inhaler)["Your dose"] == "drug-therapy"
    assert _kinds(inhaler)["How to use the inhaler"] != "drug-therapy"


def test_numbered_steps_that_dose_still_dose():
    page = ("Starting prednisolone\n\nYour course\n1. Take 2 tablets on the first morning.\n"
            "2. Then take 1 tablet each morning with breakfast.\n3. Stop after 5 days.\n")
    _, sections = read(page)
    assert _kinds(sections)["Your course"] == "drug-therapy"


ZA_PILL = """Missed Your Pill?

Your pill packet tells you which kind of pill you take. Read it first.

Combined pill: one pill missed
Take the missed pill as soon as you remember and take the next one at the usual time.

Mini pill: more than 3 hours late
Take a pill now and go back to your usual time, and use condoms for the next 2 days.

Emergency contraception
Ask the pharmacist about a morning-after pill if you had sex without protection.
"""

UK_PATCH = """Your contraceptive patch

Changing the patch
Put a new patch on the same day each week.

Patch: more than 48 hours late
Put a new patch on straight away and use condoms for the next 7 days.

Patch: came off for less than a day
Stick it back on as soon as you can if it is still sticky.
"""


def test_a_heading_naming_a_case_after_a_colon_is_a_heading():
    _, za = read(ZA_PILL)
    assert headings(za) == ["Combined pill: one pill missed", "Mini pill: more than 3 hours late", "Emergency contraception"]
    _, uk = read(UK_PATCH)
    assert headings(uk) == ["Changing the patch", "Patch: more than 48 hours late", "Patch: came off for less than a day"]


def test_a_label_and_its_dose_is_no_case_heading():
    page = "Hay fever tablets\n\nWho can take them\n\nAdults: 1 tablet\nTake it with water at the same time each day.\n"
    _, sections = read(page)
    assert "Adults: 1 tablet" not in headings(sections)


def test_missed_and_late_pill_sections_are_no_dose_sections_nor_emergency_contraception_a_red_flag():
    page = ("Missed pills\n\nWhat to do depends on the pill you take and how late you are.\n\nCombined pill: two pills missed\n"
            "Take the last pill you missed now, even if that means two pills in one day.\n\n"
            "Mini pill: more than 3 hours late\nTake two pills today and then one a day.\n\n"
            "Emergency contraception\nThe pharmacist can give you a morning-after pill.\n")
    _, sections = read(page)
    kinds = _kinds(sections)
    assert kinds["Combined pill: two pills missed"] == "other"
    assert kinds["Mini pill: more than 3 hours late"] == "other"
    assert kinds["Emergency contraception"] != "red-flags"
    _, emergencies = read("Chest pain\n\nIn an emergency\nCall 911 straight away.\n")
    assert _kinds(emergencies)["In an emergency"] == "red-flags"


# ---------------------------------------------------------------- people and dates

def test_a_post_finished_after_an_and_is_one_persons():
    ca = read("Wisdom teeth\nWritten by Dr. Anika Bose, DDS, FRCD(C), Oral and Maxillofacial Surgeon\n\n"
              "Rest\nRest today.\n")[0]
    assert names(ca["authors"]) == ["Dr. Anika Bose"]
    assert ca["authors"][0]["credentials"] == ["DDS", "FRCD(C)"]
    uk = read("Tonsils\nBy Mr Owen Price, FRCS(Ed), Consultant Ear, Nose and Throat Surgeon\n\nPain\nIt eases.\n")[0]
    assert names(uk["authors"]) == ["Mr Owen Price"]
    two = read("Asthma\nBy Dr Mia Ross, MD and Tom Hale, RN\n\nTriggers\nSmoke is one.\n")[0]
    assert names(two["authors"]) == ["Dr Mia Ross", "Tom Hale"]


def test_a_bilingual_byline_label_names_the_reviewer():
    us = read("Coughs in Children / La tos en los niños\n\nReviewed by / Revisado por: Ana Ruiz Beltrán, MD\n\n"
              "Honey\nHoney helps over age one.\n")[0]
    assert names(us["reviewers"]) == ["Ana Ruiz Beltrán"]
    ca = read("Head lice\nWritten by / Rédigé par: Luc Martin, pharmacist\n\nCombing\nComb wet hair.\n")[0]
    assert names(ca["authors"]) == ["Luc Martin"]


def test_a_channel_line_names_the_presenter():
    video = read("Is Creatine Safe? A Doctor Answers\nDr. Sam Achebe, Sports Medicine · 52K subscribers\n"
                 "9K views · 3 months ago\n\nTranscript\nhi everyone, today we talk about creatine.\n")[0]
    assert names(video["authors"]) == ["Dr. Sam Achebe"]
    podcast = read("Sleep and Your Medicines\nJane Ito, PharmD · 3,400 followers\n\nEpisode notes\n"
                   "We talk about sleeping tablets.\n")[0]
    assert names(podcast["authors"]) == ["Jane Ito"]
    brand = read("Knee Pain Explained\nWestfield Clinic · 1.1M subscribers\n\nTranscript\nhello and welcome.\n")[0]
    assert not brand.get("authors")


def test_a_label_over_stacked_names_gives_each_its_role():
    us = read("Shin Splints\n\nRest\nRest the leg for a week.\n\nMedical Reviewers:\nAlan Brooks MD\nNina Perez RN BSN\n"
              "Date Last Reviewed: 3/4/2025\n")[0]
    assert names(us["reviewers"]) == ["Alan Brooks", "Nina Perez"]
    assert not us.get("authors")
    uk = read("Gout\n\nDiet\nDrink plenty of water.\n\nWritten by:\nDr Hannah Cole MRCGP\nPriya Shah MRPharmS\n")[0]
    assert names(uk["authors"]) == ["Dr Hannah Cole", "Priya Shah"]


def test_a_version_and_its_issue_date_joined_by_a_dash_date_the_page():
    ke = read("Kwale County Department of Health\n\nMALARIA IN CHILDREN: WHAT TO GIVE\n\nVersion 3 - issued 12/06/2024\n\n"
              "Fever\nTest every child with fever.\n")[0]
    assert ke.get("updated") == "2024-06-12"
    uk = read("Your knee injection\n\nLeaflet 22 – reviewed 4 March 2025\n\nAfterwards\nRest the knee for a day.\n")[0]
    assert uk.get("last_reviewed") == "2025-03-04"


def test_a_title_in_two_languages_across_a_slash_is_no_trail():
    page = ("Riverside Family Health Center\n\nCaring for a Cold at Home / Cuidar un resfriado en casa\n\n"
            "Reviewed by / Revisado por: Omar Lenz, MD\n\nENGLISH\n\nRest\nRest helps.\n")
    meta, _ = read(page)
    assert meta["title"] == "Caring for a Cold at Home / Cuidar un resfriado en casa"
    trail, _ = read("Health A-Z / Colds\n\nCaring for a cold\n\nRest and drink fluids when you can.\n")
    assert trail["title"] == "Caring for a cold"


def test_a_page_is_read_without_a_dose_reader():
    from medlint.importer.decompose import decompose

    page = ("Pregabalin\n\nDosage\n\nNerve pain\nAdult: Initially, 75 mg twice daily.\n"
            "Child: Not recommended.\n\nSide effects\nDizziness is common.\n")
    meta, sections = decompose(page, slug="page")
    assert meta["title"] == "Pregabalin" and sections
