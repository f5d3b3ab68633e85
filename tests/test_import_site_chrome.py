"""A site's navigation bar, a clinic's name over it, a star-rating banner and a related
links list that names a kind: all chrome, never the title or a heading.

Every page is written for these tests, each in the manner of one kind of site (a
family practice's chart, a telehealth blog, an urgent-care handout, a pharmacy chain's
article); each keeps its words on a round trip.
"""

from __future__ import annotations

import pytest

from medlint.exporter import export_article, words
from medlint.importer.cues import ImportCues
from medlint.records.store import load_article
from support import article_from_text, headings, read


PRACTICE_PIPES = """\
Cedar Hollow Family Practice
Home | Meet the Team | Walk-In Hours | Online Booking | Contact
Patient Resources › Leaflets
Treating Head Lice at Home
Reviewed by Dr Hannah Ito, MD · Updated: 2025-04-02
Head lice are common in school-age children and are not a sign of poor hygiene.
Using a lotion
Apply dimeticone 4% lotion to dry hair, leave it for 8 hours and wash it out. Repeat after 7 days.
When to call us
Call us if the scalp is red, weeping or the lice are still there after two treatments.
"""

TELEHEALTH_SPACES = """\
Skip to main content
Bramblewell
Hair Loss   Skin Care   Weight   Sleep   Sign in
★★★★☆ 4.6 out of 5 from 3,400+ patient reviews
Blog / Hair Loss
Finasteride for Hair Loss: What the First Year Looks Like
By Priya Lal · Updated June 2, 2025
Hair loss in men often follows a family pattern, and it usually starts at the temples.
How to take it
Finasteride 1 mg is taken once a day, with or without food.
Side effects
A small number of men notice a lower sex drive.
Related reading
Minoxidil or finasteride: which first?
Treatment options for thinning hair
"""

URGENT_CARE_NAME = """\
Northgate Walk-In Care
Check in online   Find a clinic   Today's wait times   Billing
Health Library › Discharge Advice
Going home after a sprained wrist: what to do next
Reviewed 2025-09-01 by Sam Ortiz, PA-C
Most wrist sprains heal in two to six weeks.
Pain relief
Adults may take ibuprofen 400 mg every 8 hours with food, for up to 5 days.
"""

SINGLE_SPACED_MENU = """\
Larkfield Online Pharmacy
Allergy Pain relief Skin care Travel health Log in
Rated 4.8/5 from 9,000+ customer reviews
Hay fever tablets: choosing between them
Written by Tom Reed, MPharm · Published 4 May 2025
Most hay fever tablets are antihistamines.
Cetirizine
Adults take cetirizine 10 mg once a day.
"""

PAGES = {
    "practice-pipes": (PRACTICE_PIPES, "Treating Head Lice at Home", ["Using a lotion", "When to call us"]),
    "telehealth-spaces": (TELEHEALTH_SPACES, "Finasteride for Hair Loss: What the First Year Looks Like",
                          ["How to take it", "Side effects"]),
    "urgent-care-name": (URGENT_CARE_NAME, "Going home after a sprained wrist: what to do next", ["Pain relief"]),
    "single-spaced-menu": (SINGLE_SPACED_MENU, "Hay fever tablets: choosing between them", ["Cetirizine"]),
}


@pytest.mark.parametrize("name", sorted(PAGES))
def test_site_chrome_is_neither_the_title_nor_a_heading(name):
    text, title, heads = PAGES[name]
    meta, sections = read(text)
    assert meta["title"] == title
    assert headings(sections) == heads


@pytest.mark.parametrize("name", sorted(PAGES))
def test_site_chrome_pages_round_trip_word_for_word(name, tmp_path):
    text = PAGES[name][0]
    loaded = load_article(article_from_text(text, tmp_path))
    assert not loaded.violations, loaded.violations[:2]
    assert words(export_article(loaded.article, "text")) == words(text)


@pytest.mark.parametrize("line", [
    "Home | Our Providers | Same-Day Sick Visits | Patient Portal | After-Hours Advice",
    "Weight loss Hair Skin Sexual health Mental health Log in",
    "Check in online   Find a location   Current wait times   Pay my bill",
    "Shop\tPrescriptions\tHealth Advice\tStore Finder",
])
def test_navigation_bars_are_recognised(line):
    assert ImportCues.load().nav_bar(line)


@pytest.mark.parametrize("line", [
    "Child's weight\tUsual age\tLiquid 1 mg/mL\tChewable 5 mg",  # a table's header row
    "By Jo Hart | Reviewed by Dr Kim | Updated 2025",  # a byline
    "How to sign in to the patient portal and log in",  # a sentence about logging in
    "Treating Head Lice at Home",
    "Side effects | Storage",
    "Semaglutide for Weight Loss: What to Expect Month by Month",
])
def test_lines_that_are_not_navigation_bars(line):
    assert not ImportCues.load().nav_bar(line)


@pytest.mark.parametrize("line", ["★★★★★ 4.8 from 12,000+ member reviews", "★★★★☆ 4.6 out of 5 from 3,400+ patient reviews",
                                  "Rated 4.9/5 by 3,200 patients", "4.7 out of 5 stars (860 reviews)",
                                  "4.5 stars from 2,100 verified reviews"])
def test_rating_banners_are_chrome(line):
    assert ImportCues.load().chrome(line)


def test_a_rating_sentence_in_the_text_is_not_chrome():
    assert not ImportCues.load().chrome("In one survey, 4.8 out of 5 patients said the leaflet helped.")


def test_a_real_heading_after_a_link_list_stays_a_heading():
    page = ("Eczema in babies\nBy Ana Ruiz, RN · Updated 3 March 2025\nEczema is common in babies.\n"
            "Related pages\nCradle cap\nNappy rash\nTreatment\nUse an emollient at least twice a day, all over the body.\n")
    _, sections = read(page)
    assert headings(sections) == ["Treatment"]


def test_a_byline_above_the_title_shaped_like_a_menu_is_still_a_byline():
    page = ("Written by Ana Ruiz · Reviewed by Tom Kim · Pharmacy Team · Editorial Desk\n"
            "Managing Gout Flares at Home\nA gout flare usually settles within a week.\n"
            "Medicines\nTake naproxen 500 mg twice a day with food for up to 5 days.\n")
    meta, sections = read(page)
    assert meta["title"] == "Managing Gout Flares at Home"
    assert [p["name"] for p in meta.get("authors") or []] == ["Ana Ruiz"]
