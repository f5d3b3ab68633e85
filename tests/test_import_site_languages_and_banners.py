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

from medlint.exporter import export_article, words
from medlint.records.store import load_article
from support import article_from_text, headings, names, read


def roundtrip_words(text: str, tmp_path) -> tuple[list[str], list[str]]:
    folder = article_from_text(text, tmp_path)
    loaded = load_article(folder)
    assert not loaded.violations
    return words(export_article(loaded.article)), words(text)


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
