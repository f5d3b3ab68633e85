"""Page styles of issue 14's second held-out set, as classes: menus and section trails of
three items or with a cart count or a phone number, rows of buttons (a forum post's
"Reply   Like (3)", a pharmacy's "Print   Email   Refill this prescription", a clinic's
"Book a knee assessment | Call ..."), a forum thread's post headers, and a drug monograph
printing its sections as capitals labels at the start of their paragraphs ("USES: ...").

Every page here is written for these tests, each class in more than one writer's manner.
Each test says what the importer must read and, where it matters, that every word comes
back on export."""

from __future__ import annotations

import pytest

from medlint.exporter import export_article, words
from medlint.importer.decompose import DOSING_KINDS, _default_dose_parser, decompose
from medlint.records.store import load_article
from support import article_from_text


def read(text: str, markdown: bool = False):
    return decompose(text, slug="page", markdown=markdown, parse_doses=_default_dose_parser())


def headings(sections) -> list[str]:
    return [s["heading"] for s in sections if s["heading"]]


def chrome_lines(meta, sections) -> list[str]:
    lines = [e["text"] for key in ("preamble", "header", "footer") for e in meta.get(key, []) if e["role"] == "chrome"]
    return lines + [b["chrome"] for s in sections for b in s["blocks"] if "chrome" in b]


def roundtrip_words(text: str, tmp_path) -> tuple[list[str], list[str]]:
    folder = article_from_text(text, tmp_path)
    loaded = load_article(folder)
    assert not loaded.violations
    return words(export_article(loaded.article)), words(text)


# ---------------------------------------------------------------- menus and section trails

MENU_PAGES = [
    # a shop's menu with a cart count
    ("Greenleaf  |  Vitamins  |  Minerals  |  Offers  |  Basket (2)\n"
     "Iron Bisglycinate 14 mg, 90 Tablets\n"
     "Iron helps make red blood cells. Take one tablet a day with food.\n",
     "Iron Bisglycinate 14 mg, 90 Tablets"),
    # a clinic's menu ending in its phone number
    ("Harbourside Travel Clinic\n"
     "Jabs | Travel Advice | Prices | Contact Us | 0161 496 0022\n"
     "Yellow fever: who needs the vaccine\n"
     "The vaccine is needed for travel to parts of Africa and South America.\n",
     "Yellow fever: who needs the vaccine"),
    # a pharmacy's section trail of three parts joined by bars
    ("Health Topics | Medicines A to Z | Ibuprofen - Famotidine\n"
     "Duexis (ibuprofen and famotidine)\n"
     "This tablet combines a painkiller with a medicine that lowers stomach acid.\n",
     "Duexis (ibuprofen and famotidine)"),
    # a US menu with a toll-free number
    ("Rx Corner · Refills · Store Locator · 1-800-555-0147\n"
     "Metformin ER 500 mg tablets\n"
     "Metformin lowers blood sugar in type 2 diabetes.\n",
     "Metformin ER 500 mg tablets"),
]


@pytest.mark.parametrize("text, title", MENU_PAGES)
def test_a_menu_or_trail_over_the_title_is_chrome_not_the_title(text, title):
    meta, sections = read(text)
    assert meta["title"] == title
    assert text.splitlines()[0] in chrome_lines(meta, sections)


def test_a_short_title_with_a_bar_is_still_the_title():
    # two parts are a title and its site, not a menu
    meta, _ = read("Ibuprofen | Medicines Guide\n\nIbuprofen is a painkiller.\n\nHow to take it\nTake it with food.\n")
    assert meta["title"] == "Ibuprofen | Medicines Guide"


def test_a_menu_item_with_other_digits_makes_no_menu():
    # "Top 10 Tips" is a title's words, not a menu item
    meta, _ = read("Top 10 Tips | Sleep | Stress | Diet\n\nA short page about rest.\n")
    assert meta["title"] == "Top 10 Tips | Sleep | Stress | Diet"


# ---------------------------------------------------------------- rows of buttons

BUTTON_ROWS = [
    "Print this page   Email   Refill this prescription",
    "Reply   Like (3)",
    "Quote | Report this post",
    "Write a review   |   Questions? Chat with us",
    "Book a knee assessment | Call 0113 496 0871",
    "Add to basket   Quantity: 2",
    "Share this page   Print",
]


@pytest.mark.parametrize("row", BUTTON_ROWS)
def test_a_row_of_buttons_is_chrome_never_a_heading(row):
    text = ("Knee pain after running\n\nWhy it happens\nThe kneecap rubs on the thigh bone.\n"
            f"{row}\nWhat helps\nRest for a few days, then build up slowly.\n")
    meta, sections = read(text)
    assert headings(sections) == ["Why it happens", "What helps"]
    assert row in chrome_lines(meta, sections)


def test_a_sentence_that_names_a_button_is_text():
    text = ("Knee pain after running\n\nWhat helps\nBook a follow-up appointment with your physio in two weeks "
            "if the pain is no better.\nRest for a few days.\n")
    _, sections = read(text)
    assert "Book a follow-up appointment" in sections[0]["blocks"][0]["paragraph"]


# ---------------------------------------------------------------- forum threads

FORUM = """\
Sore Back Support Forum
Home > Forums > Medicines > Thread
Is it safe to take ibuprofen with my blood pressure tablets?
keith_r · 5 days ago
I take ramipril 5 mg once a day and my back has flared up. Can I take ibuprofen as well?
Reply   Like (1)
SallyM · 4 days ago
I was told to stick to paracetamol because of my tablets, but ask your pharmacist.
Reply   Like (3)
PharmacistTom · Verified pharmacist (MPharm) · 4 days ago
Good question, Keith. Ibuprofen can make ramipril work less well and strain the kidneys, so paracetamol is the better choice: two 500 mg tablets up to four times a day, no more than 8 in 24 hours.
Reply   Like (9)
keith_r · yesterday at 18:40
Thanks, I'll stick to paracetamol.
Reply   Like
Posts are members' own views and are not medical advice.
"""


def test_a_forum_thread_has_no_headings_only_posts(tmp_path):
    meta, sections = read(FORUM)
    assert meta["title"] == "Is it safe to take ibuprofen with my blood pressure tablets?"
    assert headings(sections) == []
    chrome = chrome_lines(meta, sections)
    for line in ("keith_r · 5 days ago", "SallyM · 4 days ago", "PharmacistTom · Verified pharmacist (MPharm) · 4 days ago",
                 "keith_r · yesterday at 18:40", "Reply   Like (9)", "Reply   Like"):
        assert line in chrome, line
    got, want = roundtrip_words(FORUM, tmp_path)
    assert got == want


def test_a_line_naming_a_person_and_a_time_in_a_sentence_is_text():
    text = ("Knee pain after running\n\nWhat helps\nAsk Dr Patel · she runs the clinic on Mondays.\n"
            "Rest for a few days.\n")
    _, sections = read(text)
    assert [b for b in sections[0]["blocks"] if "chrome" in b] == []


# ---------------------------------------------------------------- run-in capitals headings

MONOGRAPH = """\
Naproxen 250 MG Tablet
USES: Naproxen relieves pain and swelling from arthritis, sprains and period pain. It is a nonsteroidal anti-inflammatory drug.
HOW TO USE: Take this medication by mouth with a full glass of water. The usual adult dose is 250 mg to 500 mg twice a day; do not take more than 1,000 mg in a day.
Take it with food or milk to avoid an upset stomach.
SIDE EFFECTS: Upset stomach, heartburn and headache may occur. Tell your doctor promptly if they last.
MISSED DOSE: If you miss a dose, take it as soon as you remember. Do not double the dose to catch up.
STORAGE: Store at room temperature away from light and moisture.
IMPORTANT: This summary does not list every side effect. It is not a substitute for advice from your doctor.
"""

SHEET = """\
WARFARIN: YOUR QUESTIONS ANSWERED
Anticoagulation Clinic
WHAT IT DOES: Warfarin slows down how fast your blood clots, so clots are less likely to form.
HOW TO TAKE IT: Take your dose at the same time each evening. Your dose is written in your yellow book.
FOOD AND DRINK: Keep the amount of green leafy vegetables you eat about the same from week to week.
PLEASE NOTE: Bring your yellow book to every appointment.
"""


def test_capitals_labels_over_their_paragraphs_are_the_sections(tmp_path):
    meta, sections = read(MONOGRAPH)
    assert meta["title"] == "Naproxen 250 MG Tablet"
    assert headings(sections) == ["USES", "HOW TO USE", "SIDE EFFECTS", "MISSED DOSE", "STORAGE"]
    how = next(s for s in sections if s["heading"] == "HOW TO USE")
    assert how["kind"] in DOSING_KINDS and how["run_in"] == ": "
    assert how["blocks"][0]["paragraph"].startswith("Take this medication by mouth")
    assert len(how["blocks"]) == 2  # the paragraph under the label's line belongs to it
    # the emphasis label stays in the text of the section it closes
    assert any("IMPORTANT:" in (b.get("paragraph") or b.get("disclaimer") or "") for b in sections[-1]["blocks"])
    got, want = roundtrip_words(MONOGRAPH, tmp_path / "a")
    assert got == want
    folder = article_from_text(MONOGRAPH, tmp_path / "b")
    assert "USES: Naproxen relieves" in export_article(load_article(folder).article)


def test_a_leaflet_in_capitals_labels_reads_the_same_way(tmp_path):
    meta, sections = read(SHEET)
    assert headings(sections) == ["WHAT IT DOES", "HOW TO TAKE IT", "FOOD AND DRINK"]
    got, want = roundtrip_words(SHEET, tmp_path)
    assert got == want


@pytest.mark.parametrize("text", [
    # one or two labels are a page's emphasis, not its sections
    "Ibuprofen for back pain\n\nHow to take it\nNOTE: Take ibuprofen with food, and never on an empty stomach.\n"
    "TIP: A heat pack helps the muscles relax while the tablets work.\n",
    # labels over values are a data sheet's lines
    "Amoxicillin 500 mg capsules\n\nDOSE: 500 mg\nFREQUENCY: three times a day\nDURATION: 5 days\nSTRENGTH: 500 mg\n",
])
def test_a_few_labels_or_labels_over_values_are_not_headings(text):
    _, sections = read(text)
    assert all(not s.get("run_in") for s in sections)
    assert not any(h.isupper() for h in headings(sections))
