"""Page styles of issue 14's thirteenth held-out round, as classes: English pages of sites
that print their byline and dates in their own language ("Skrevet av", "Geprüft von",
"Actualizado el 14 de febrero de 2026", "Mis à jour le 4 mars 2026"), dates written year
first ("2026/2/3"), titles before a name and credentials after it that are no part of the
name ("QFB", "Op. Dr.", "B.Pharm.(Hons)", "MD MMCFD"), and an opening block of a site's
furniture closed by a banner row offering its services (a phone line, opening hours, a
delivery promise, a leaflet's office code) with the title set apart under it.

Every page here is written for these tests, each class in more than one writer's manner.
Each test says what the importer must read and, where it matters, that every word comes
back on export."""

from __future__ import annotations

import datetime as _dt

import pytest

from medlint.importer.decompose import DOSING_KINDS
from support import headings, names, read, roundtrip_words



# ---------------------------------------------------------------- bylines and dates in the site's language

LANGUAGE_PAGES = [
    # a German pharmacy's English page for visitors
    ("Apotheke am Rathaus · Freiburg\n\n"
     "Hay fever tablets for visitors\n\n"
     "Geschrieben von: Jonas Keller, Apotheker\n"
     "Geprüft von: Lena Vogt, Fachapothekerin\n"
     "Aktualisiert am 4. März 2026\n\n"
     "Antihistamines\n"
     "Cetirizine 10 mg is taken once a day. It can make some people sleepy.\n\n"
     "Eye drops\n"
     "Drops with cromoglicate can be used four times a day.\n",
     "Hay fever tablets for visitors", ["Jonas Keller"], ["Lena Vogt"], _dt.date(2026, 3, 4)),
    # a Spanish clinic's English blog, the byline on one line
    ("Clínica Mar Menor\n\n"
     "Sunburn on holiday: what helps\n\n"
     "Escrito por Marta Gil Ortega, farmacéutica · Verificado por Pablo Ruiz Sanz, dermatólogo\n"
     "Actualizado el 14 de febrero de 2026\n\n"
     "Cool the skin\n"
     "Take a cool shower and put on an after-sun gel.\n\n"
     "When to see us\n"
     "Come in if there are large blisters or a fever.\n",
     "Sunburn on holiday: what helps", ["Marta Gil Ortega"], ["Pablo Ruiz Sanz"], _dt.date(2026, 2, 14)),
    # a Norwegian chain's English page, the update date day-first with dots
    ("Apotek Fjord  |  Nettbutikk  |  Råd og tips  |  Min side\n\n"
     "Head lice: how to treat them\n\n"
     "Skrevet av: Sigrid Berg, farmasøyt\n"
     "Oppdatert 03.02.2026\n\n"
     "Check the whole family\n"
     "Comb wet hair with a fine lice comb over a white towel.\n\n"
     "Treatment\n"
     "Use a lotion with dimeticone and repeat it after 7 days.\n",
     "Head lice: how to treat them", ["Sigrid Berg"], [], _dt.date(2026, 2, 3)),
]


@pytest.mark.parametrize("text, title, authors, reviewers, date", LANGUAGE_PAGES)
def test_bylines_and_dates_in_the_sites_language_are_read(text, title, authors, reviewers, date):
    meta, sections = read(text)
    assert meta["title"] == title
    assert names(meta.get("authors")) == authors
    assert names(meta.get("reviewers")) == reviewers
    assert (meta.get("last_reviewed") or meta.get("updated")) == date.isoformat()
    assert not any(date.strftime("%Y") in h for h in headings(sections))  # the date line is no heading


@pytest.mark.parametrize("text, title, authors, reviewers, date", LANGUAGE_PAGES[:2])
def test_pages_with_foreign_bylines_read_back_word_for_word(text, title, authors, reviewers, date, tmp_path):
    got, want = roundtrip_words(text, tmp_path)
    assert got == want


def test_a_french_and_english_date_line_is_the_update_date_not_a_heading():
    text = ("Pharmacie des Halles · Lyon\n\n"
            "Travel sickness: a pharmacist's tips\n\n"
            "By Claire Morel, pharmacienne\n"
            "Mis à jour le 9 avril 2026 / Updated 9 April 2026\n\n"
            "Tablets\n"
            "Take a travel sickness tablet an hour before you set off.\n\n"
            "Children\n"
            "Ask us before giving any tablet to a child under 2.\n")
    meta, sections = read(text)
    assert meta.get("updated") == "2026-04-09"
    assert headings(sections) == ["Tablets", "Children"]


@pytest.mark.parametrize("line, date", [
    ("Issue date: 2025/9/14", _dt.date(2025, 9, 14)),        # a university hospital's leaflet
    ("Published 2026/11/3 · Pharmacy team", _dt.date(2026, 11, 3)),  # a dispensing pharmacy's sheet
])
def test_a_date_written_year_first_with_slashes_is_read_year_month_day(line, date):
    text = ("Sakura Clinic\n\n"
            "Taking your antibiotic course\n\n"
            f"{line}\n\n"
            "How to take it\n"
            "Take one capsule three times a day until the course is finished.\n")
    meta, _ = read(text)
    assert (meta.get("updated") or meta.get("last_reviewed")) == date.isoformat()


# ---------------------------------------------------------------- titles before and credentials after a name

@pytest.mark.parametrize("line, role, name, credentials", [
    ("Prepared by: Pharm. Joseph Borg B.Pharm.(Hons) M.Sc. (Lond.), Pharmacist in charge",
     "authors", "Pharm. Joseph Borg", ["B.Pharm.(Hons)", "M.Sc."]),
    ("Checked by: Dr Maria Zammit MD MMCFD, family doctor", "reviewers", "Dr Maria Zammit", ["MD", "MMCFD"]),
])
def test_credentials_after_a_name_are_no_part_of_it(line, role, name, credentials):
    text = ("Triq il-Knisja Pharmacy · Qormi\n\n"
            "Your cholesterol tablets\n\n"
            f"{line}\n\n"
            "Statins\n"
            "Take atorvastatin once a day at the same time.\n")
    meta, _ = read(text)
    person = meta[role][0]
    assert person["name"] == name
    assert person["credentials"][:len(credentials)] == credentials


@pytest.mark.parametrize("byline, name", [
    ("**By QFB Rosa Elena Díaz · Updated 2 May 2026**", "QFB Rosa Elena Díaz"),  # a Mexican chain's guide
    ("Op. Dr. Kerem Aydın, Orthopaedic Surgeon", "Op. Dr. Kerem Aydın"),          # a Turkish clinic's page
])
def test_a_title_before_the_name_starts_the_byline(byline, name):
    text = ("# Knee pain after a long flight\n\n"
            f"{byline}\n\n"
            "## Moving on the plane\n\n"
            "Walk the aisle every hour and flex your ankles.\n")
    meta, _ = read(text, markdown=True)
    assert names(meta.get("authors")) == [name]


# ---------------------------------------------------------------- banner rows closing the opening block

BANNER_PAGES = [
    # a district hospital unit's leaflet: the unit's ward and its on-call line
    ("Lakeside District Hospital\n"
     "Diabetes Outpatient Unit\n"
     "Ward 7, Kisumu  |  Diabetes nurse on call: 0711 000 111 (24 hours)\n\n"
     "Starting Insulin at Home: A Guide for You and Your Family\n\n"
     "Reviewed: 02/02/2026\n\n"
     "Your insulin\n"
     "Inject your insulin under the skin of your tummy before breakfast.\n"
     "Keep insulin you are not using in the fridge. Your family can help you with it.\n",
     "Starting Insulin at Home: A Guide for You and Your Family"),
    # an online pharmacy's product page: a delivery promise over the product's name
    ("Harbour Online Chemist\n"
     "Home > Skin care > Sun\n"
     "Free next-day delivery on orders over £30 | Order by 4 pm\n\n"
     "SunGuard Kids Lotion SPF 50+, 200 ml\n"
     "Rated 4.6 out of 5 (212 reviews)\n\n"
     "Description\n"
     "A water-resistant lotion for children's skin.\n",
     "SunGuard Kids Lotion SPF 50+, 200 ml"),
    # a village pharmacy's page: its opening hours under its menu
    ("Farmacia San Marco · Bardolino\n"
     "Home | Servizi | Orari | English | Contatti\n"
     "Open Monday-Friday 8:30-19:30 · Saturday 9:00-12:30\n\n"
     "Lake Garda Summer Tips from Your Pharmacist\n\n"
     "Mosquito bites\n"
     "Use a repellent in the evening and a cooling gel on the bites.\n",
     "Lake Garda Summer Tips from Your Pharmacist"),
    # a university hospital's leaflet: the office line with the leaflet's code
    ("RIVERBEND UNIVERSITY HOSPITALS\n"
     "Department of Paediatrics\n"
     "Patient Education Office · Leaflet PD-12 (English edition)\n\n"
     "Your Child's Asthma Plan: Inhalers and Spacers\n\n"
     "The blue inhaler\n"
     "Give 2 puffs through the spacer when your child is wheezy.\n",
     "Your Child's Asthma Plan: Inhalers and Spacers"),
]


@pytest.mark.parametrize("text, title", BANNER_PAGES)
def test_a_banner_row_closing_the_opening_block_is_furniture_not_the_title(text, title):
    meta, sections = read(text)
    assert meta["title"] == title
    assert title not in headings(sections)


@pytest.mark.parametrize("text, title", BANNER_PAGES[:2])
def test_pages_under_a_banner_row_read_back_word_for_word(text, title, tmp_path):
    got, want = roundtrip_words(text, tmp_path)
    assert got == want


@pytest.mark.parametrize("text, title", [
    # the title closes the opening block, a sentence under it: the title stands
    ("Riverside Physio Clinic\n"
     "Knee pain after running\n\n"
     "A physiotherapist explains what helps and when to rest.\n\n"
     "Rest and ice\n"
     "Rest the knee for two days and put ice on it.\n", "Knee pain after running"),
    # a title printed with a pipe, no service in it, over its first section
    ("Northfield Surgery\n"
     "Asthma inhalers | A guide for parents\n\n"
     "Using a spacer\n"
     "Shake the inhaler and fit it to the spacer. Asthma inhalers work best this way.\n", "Asthma inhalers | A guide for parents"),
])
def test_a_title_closing_the_opening_block_stays_the_title(text, title):
    meta, _ = read(text)
    assert meta["title"] == title


# ---------------------------------------------------------------- a clinician's byline, its job line, a signature

CLINICIAN_PAGES = [
    # a private hospital's health blog: credentials on the name line, the post and hospital under it
    ("Harbour View Hospitals | Find a Doctor | Health Blog | Careers\n\n"
     "Health Blog » Children\n\n"
     "Chickenpox at Home: Advice for Parents\n\n"
     "Dr. Anjali Perera, MBBS, MD (Paediatrics)\n"
     "Consultant Paediatrician, Harbour View Hospitals\n"
     "Posted on 4th of March 2026\n\n"
     "Itching\n"
     "Keep nails short and use a cooling lotion on the spots.\n",
     ["Dr. Anjali Perera"]),
    # a clinic's page: the doctor's name and post with no 'By', the clinic's post on the line under it
    ("Aegean Smile Clinic · Bodrum\n"
     "Home | Implants | Prices | Contact\n\n"
     "After Your Wisdom Tooth Removal\n\n"
     "Dr. Deniz Arslan, Oral and Maxillofacial Surgeon\n"
     "Clinical Director, Aegean Smile Clinic\n\n"
     "The first day\n"
     "Bite on the gauze for 30 minutes and do not rinse today.\n",
     ["Dr. Deniz Arslan"]),
]


@pytest.mark.parametrize("text, authors", CLINICIAN_PAGES)
def test_a_clinicians_byline_and_its_job_line_name_one_writer(text, authors):
    meta, sections = read(text)
    assert names(meta.get("authors")) == authors
    assert not any("," in h for h in headings(sections))  # the job line is no heading


def test_a_clinicians_byline_reads_back_word_for_word(tmp_path):
    got, want = roundtrip_words(CLINICIAN_PAGES[1][0], tmp_path)
    assert got == want


@pytest.mark.parametrize("closing, writer", [
    # a support programme's mail, its notice after the signature
    ("Warmly,\nPriya Nair, RN\nNurse Educator, JointCare Programme\n\n"
     "JointCare is funded by the maker of your medicine. You received this because you enrolled.\n",
     "Priya Nair"),
    # a clinic's newsletter mail signed by its pharmacist
    ("With care,\nTom Okafor, PharmD\nClinical Pharmacist\n\n"
     "You can unsubscribe from these emails at any time.\n", "Tom Okafor"),
])
def test_the_signature_under_a_valediction_names_the_writer(closing, writer):
    text = ("From: JointCare <hello@jointcare.example>\n"
            "Subject: Your second week on your injections\n\n"
            "Hi Sam,\n\n"
            "Keep your pens in the fridge and take one out 30 minutes before you inject.\n\n"
            + closing)
    meta, _ = read(text)
    assert names(meta.get("authors")) == [writer]


@pytest.mark.parametrize("dateline, writer", [
    ("*Inês Moura · 3 March 2026 · Porto*", "Inês Moura"),
    ("_Kemi Adeyemi · 12 May 2026 · Lagos_", "Kemi Adeyemi"),
])
def test_a_newsletters_emphasised_dateline_under_the_issue_heading_names_the_writer(dateline, writer):
    text = ("# The Quiet Kitchen · Issue #12\n\n"
            "## What I eat when I cannot sleep\n\n"
            f"{dateline}\n\n"
            "A warm drink an hour before bed helps me more than anything else.\n\n"
            "### The routine\n\n"
            "Chamomile tea, no screens, and the same bedtime every night.\n")
    meta, sections = read(text, markdown=True)
    assert names(meta.get("authors")) == [writer]


def test_a_name_with_a_date_and_no_place_is_no_writer():
    text = ("# The Quiet Kitchen\n\n"
            "## Winter soups\n\n"
            "*Spring Newsletter · March 2026*\n\n"
            "Soups keep well in the freezer for three months.\n")
    meta, _ = read(text, markdown=True)
    assert not meta.get("authors")


# ---------------------------------------------------------------- a regulator's kind of notice over its title

@pytest.mark.parametrize("kind, title", [
    ("PUBLIC SAFETY ALERT", "Children under 6 must not be given cough syrups with dextromethorphan"),
    ("Drug Safety Communication", "Reports of liver injury with a weight-loss herbal product"),
])
def test_a_notices_kind_over_its_title_is_furniture(kind, title):
    text = ("National Medicines Authority\n"
            "Home › News › Safety Alerts\n\n"
            f"{kind}\n"
            f"{title}\n\n"
            "Alert No. NMA-2026-12   |   Published: 2026-09-30   |   Audience: Public\n\n"
            "Summary\n"
            "The Authority has received reports of harm and reminds the public of the advice below.\n\n"
            "What to do\n"
            "Stop using the product and speak to a pharmacist.\n")
    meta, sections = read(text)
    assert meta["title"] == title
    assert meta.get("updated") == "2026-09-30"
    assert headings(sections) == ["Summary", "What to do"]


def test_a_long_menu_row_over_the_trail_leaves_the_title_under_it():
    text = ("NORTHSHORE LASER & SKIN · Kadıköy / İstanbul · partner hospital\n"
            "Home | Laser | Fillers | Prices | Before/After | Aftercare | Contact · WhatsApp +90 532 000 11 22 · EN | DE | TR\n\n"
            "Aftercare › After your laser session\n\n"
            "Looking after your skin after laser treatment\n\n"
            "Cooling\n"
            "Use a cool compress for 10 minutes at a time on the first day.\n")
    meta, _ = read(text)
    assert meta["title"] == "Looking after your skin after laser treatment"


# ---------------------------------------------------------------- headings and dose sections

@pytest.mark.parametrize("share", ["Compartir: WhatsApp · Facebook · Email", "Partager : Facebook | WhatsApp | E-mail"])
def test_a_share_line_in_the_sites_language_is_chrome_not_a_heading(share):
    text = ("Sore throats in winter\n\n"
            "Lozenges\n"
            "Suck one lozenge every 3 hours, no more than 8 in a day.\n\n"
            "When to see a doctor\n"
            "See a doctor if you cannot swallow or the fever lasts more than 3 days.\n\n"
            f"{share}\n")
    _, sections = read(text)
    assert headings(sections) == ["Lozenges", "When to see a doctor"]


@pytest.mark.parametrize("heading, under", [
    ("Ibuprofen: 400 mg over the counter", "Ibuprofen 400 mg is sold without a prescription here."),
    ("Naproxen: 250 mg on prescription only", "Naproxen is kept behind the counter and needs a prescription."),
])
def test_a_medicine_and_the_strength_it_is_sold_in_is_a_heading(heading, under):
    text = ("Painkillers abroad: what to know\n\n"
            "Paracetamol\n"
            "Paracetamol comes as 500 mg tablets.\n\n"
            f"{heading}\n"
            f"{under} Take it with food.\n")
    _, sections = read(text)
    assert heading in headings(sections)


def test_a_label_of_a_dose_form_or_of_who_takes_it_stays_a_label():
    text = ("Amoxicillin\n\n"
            "Strengths\n"
            "The capsules are sold in two strengths.\n\n"
            "Adults: 500 mg three times a day\n"
            "Adults take one capsule three times a day for 5 days.\n")
    _, sections = read(text)
    assert "Adults: 500 mg three times a day" not in headings(sections)


@pytest.mark.parametrize("credit", [
    "Prepared by the Rheumatology Unit in cooperation with the Hospital Pharmacy Department",
    "Written by the Stroke Team together with the Dietetics Service",
])
def test_a_byline_crediting_two_bodies_is_no_heading(credit):
    text = ("CITY GENERAL HOSPITAL\n\n"
            "Your Anticoagulant Guide: Living Well on Warfarin\n\n"
            "Issue date: 2026/1/20\n"
            f"{credit}\n\n"
            "What is warfarin?\n"
            "Warfarin is a medicine that stops harmful blood clots forming.\n")
    meta, sections = read(text)
    assert headings(sections) == ["What is warfarin?"]
    assert not meta.get("authors")


def test_a_shops_pack_and_price_columns_are_no_dose():
    text = ("# Travel kit: what to pack\n\n"
            "## When to see a doctor\n\n"
            "- the fever is above 38.5 °C\n"
            "- there is blood in the stool\n\n"
            "| Product | Pack | Price |\n|---|---|---|\n"
            "| Imodium 2 mg | 12 capsules | MXN $149 |\n"
            "| Dioralyte sachets | 6 sachets | £4.20 |\n")
    _, sections = read(text, markdown=True)
    section = next(s for s in sections if s["heading"] == "When to see a doctor")
    assert section["kind"] not in DOSING_KINDS


@pytest.mark.parametrize("heading, text", [
    ("Extra doses for breakthrough pain", "If pain comes back, give an extra 2.5 mg of the morphine solution. Repeat after 1 hour if needed."),
    ("Extra doses when the pain flares", "Give one extra 5 mg tablet, no more than 3 extra tablets in 24 hours."),
])
def test_extra_doses_given_for_a_symptom_are_a_dose_section(heading, text):
    page = ("Comfort medicines at home\n\n"
            "Regular pain medicine\n"
            "Give morphine solution 5 mg every 4 hours.\n\n"
            f"{heading}\n{text}\n")
    _, sections = read(page)
    assert next(s for s in sections if s["heading"] == heading)["kind"] in DOSING_KINDS


def test_extra_doses_taken_by_mistake_stay_an_other_section():
    page = ("Your blood pressure tablets\n\n"
            "How to take them\n"
            "Take one 5 mg tablet once a day.\n\n"
            "Extra doses\n"
            "If you take 2 tablets by mistake, call us; do not take the next dose.\n")
    _, sections = read(page)
    assert next(s for s in sections if s["heading"] == "Extra doses")["kind"] not in DOSING_KINDS
