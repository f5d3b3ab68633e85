"""The importer reads a page's structure from what its text is (issue 14).

Every article here is written for these tests, in the manner of a page style:
titles, bylines, dates, site chrome, FAQs, label lines and dose sections. Each
test names the class of text it covers.
"""

from __future__ import annotations

import datetime as _dt

import pytest

from medlint.dates import find_date
from medlint.exporter import export_article, words
from medlint.records.store import load_article
from support import article_from_text, headings, names, read


def section(sections, heading: str) -> dict:
    return next(s for s in sections if s["heading"] == heading)


BODY = ("What it is\nGrommet ear is a made-up condition of the middle ear used in these tests. It clears "
        "up on its own in most people within a fortnight.\n")


# ---------------------------------------------------------------- titles

def test_title_followed_by_a_blank_line():
    meta, sections = read("Grommet ear in adults\n\n" + BODY)
    assert meta["title"] == "Grommet ear in adults"
    assert headings(sections) == ["What it is"]


def test_title_that_looks_like_a_heading():
    meta, sections = read("MEDICATIONS\n\n" + BODY)
    assert meta["title"] == "MEDICATIONS"
    assert "MEDICATIONS" not in headings(sections)


def test_title_whose_words_name_a_section_kind():
    meta, _ = read("Wobbly knee: treatment without surgery\n" + BODY)
    assert meta["title"] == "Wobbly knee: treatment without surgery"


def test_short_kind_heading_over_its_text_is_still_a_section():
    meta, sections = read("Causes\nSmoking weakens the discs over many years of use.\n")
    assert meta["title"] == "Page"
    assert headings(sections) == ["Causes"]


def test_title_after_site_chrome_and_a_kicker():
    text = ("Skip to main content\nHome > Health topics > Ears > Grommet ear\nAsk the pharmacist\n"
            "Can I fly with grommet ear?\n" + BODY)
    meta, sections = read(text)
    assert meta["title"] == "Can I fly with grommet ear?"
    assert [ln["text"] for ln in meta["preamble"]][:2] == ["Skip to main content",
                                                           "Home > Health topics > Ears > Grommet ear"]
    assert headings(sections) == ["What it is"]


def test_markdown_setext_title_and_headings():
    text = ("Grommet ear explained\n=====================\n\nIt clears up on its own in most people.\n\n"
            "Looking after your ear\n----------------------\n\nKeep water out of the ear for a week.\n")
    meta, sections = read(text, markdown=True)
    assert meta["title"] == "Grommet ear explained"
    assert headings(sections) == ["Looking after your ear"]
    assert section(sections, "Looking after your ear")["level"] == 1  # --- is a main section, like ##


def test_subtitle_under_the_title_is_not_a_heading():
    text = ("Zindomol 5 mg Capsules\nPatient leaflet: information for the user\nZindomol\n"
            "Read this leaflet before you start taking the capsules, because it matters to you.\n"
            + BODY)
    meta, sections = read(text)
    assert [h["role"] for h in meta["header"]] == ["subtitle", "subtitle"]
    assert headings(sections) == ["What it is"]


# ---------------------------------------------------------------- bylines and people

@pytest.mark.parametrize("line, authors, reviewers", [
    ("Medically reviewed by Dr. Nia Holt, MD — Written by Sam Reyes — Updated on June 2, 2025",
     ["Sam Reyes"], ["Dr. Nia Holt"]),
    ("By Omar Quist, PharmD | Reviewed by Dr. Lena Sato, MBBS, MRCGP | Last updated: 4 May 2025",
     ["Omar Quist"], ["Dr. Lena Sato"]),
    ("Words by Ivy Marsh · Clinical review: Dr. T. Obi, FRCS (Tr & Orth) · Published 2025-01-09",
     ["Ivy Marsh"], ["Dr. T. Obi"]),
    ("Written by Pia Lund, RPh. Checked by Ezra Cole, MRPharmS. Last reviewed 3 March 2025.",
     ["Pia Lund"], ["Ezra Cole"]),
    ("Answered by Rosa VinterPharm.D. | Reviewed by Dr. Abe Kline, MD", ["Rosa Vinter"], ["Dr. Abe Kline"]),
])
def test_joined_byline_is_split_at_its_separators(line, authors, reviewers):
    meta, sections = read("Grommet ear in adults\n" + line + "\n" + BODY)
    assert names(meta.get("authors")) == authors
    assert names(meta.get("reviewers")) == reviewers
    assert headings(sections) == ["What it is"]


def test_glued_and_uk_credentials_are_read_and_roles_kept_apart():
    text = "Grommet ear in adults\nWritten by Tove AshbyPharmD, community pharmacist\n" + BODY
    meta, _ = read(text)
    assert meta["authors"] == [{"name": "Tove Ashby", "credentials": ["PharmD"], "role": "community pharmacist"}]
    meta, _ = read("Grommet ear in adults\nDr. Kit Marr MBChB MRCGP\n14/02/2025\n" + BODY)
    assert meta["authors"] == [{"name": "Dr. Kit Marr", "credentials": ["MBChB", "MRCGP"]}]
    assert meta["updated"] == "2025-02-14"


def test_byline_inside_the_body_and_at_the_bottom():
    text = ("Grommet ear in adults\n" + BODY + "Answer\nAnswered by Bo Lindh, MPharm | Updated 9 July 2025\n"
            "Most people need no treatment at all for this condition.\n"
            "Reviewed by Dr. Ada Finn, MRCP on 1 August 2025.\n"
            "This page is general information and not a substitute for medical advice.\n")
    meta, sections = read(text)
    assert names(meta["authors"]) == ["Bo Lindh"] and names(meta["reviewers"]) == ["Dr. Ada Finn"]
    assert meta["last_reviewed"] == "2025-08-01" and meta["updated"] == "2025-07-09"
    assert headings(sections) == ["What it is", "Answer"]
    roles = [b.get("role") for s in sections for b in s["blocks"] if "chrome" in b]
    assert roles == ["byline", "byline"]


# ---------------------------------------------------------------- dates

@pytest.mark.parametrize("line, key, value", [
    ("Updated Sep. 13, 2021", "updated", "2021-09-13"),
    ("Page last reviewed: 13 September 2021", "last_reviewed", "2021-09-13"),
    ("Last updated: 2021-09-13", "updated", "2021-09-13"),
    ("Published 13/09/2021", "updated", "2021-09-13"),
    ("Submitted by web team on Mon, 06/04/2021 - 10:15", "updated", "2021-04-06"),
    ("This leaflet was last revised in June 2021.", "updated", "2021-06-01"),
])
def test_dates_in_their_wordings_and_formats(line, key, value):
    meta, sections = read("Grommet ear in adults\n" + BODY + line + "\n")
    assert meta[key] == value
    assert headings(sections) == ["What it is"]


def test_next_review_is_not_the_review_date():
    meta, _ = read("Grommet ear in adults\n" + BODY + "Page last reviewed: 2 March 2025\nNext review due: 2 March 2028\n")
    assert meta["last_reviewed"] == "2025-03-02" and meta["next_review"] == "2028-03-02"


def test_published_fills_updated_only_when_no_update_is_printed():
    meta, _ = read("Grommet ear in adults\nPublished 2020-01-05 · Updated 2025-03-07\n" + BODY)
    assert meta["updated"] == "2025-03-07"


def test_numeric_dates_are_opt_in_and_read_either_way():
    assert find_date("on 06/04/2021") is None
    assert find_date("on 06/04/2021", "day-first")[0] == _dt.date(2021, 4, 6)
    assert find_date("on 06/04/2021", "month-first")[0] == _dt.date(2021, 6, 4)
    assert find_date("on 25/04/2021", "month-first")[0] == _dt.date(2021, 4, 25)


# ---------------------------------------------------------------- site chrome

CHROME_PAGE = ("Grommet ear in adults\nShare | Print | Email\n" + BODY +
               "Get our weekly health newsletter in your inbox\nSign up\n"
               "Looking after your ear\nKeep water out of the ear for a week after it starts.\n"
               "Was this page helpful? Yes No\nRelated articles\nGlue ear\nSwimmer's ear\n"
               "We use cookies to improve this site. Accept all cookies\n")


def test_site_chrome_is_never_a_heading():
    meta, sections = read(CHROME_PAGE)
    assert headings(sections) == ["What it is", "Looking after your ear"]
    chrome = [b["chrome"] for s in sections for b in s["blocks"] if "chrome" in b]
    assert chrome == ["Get our weekly health newsletter in your inbox", "Sign up", "Was this page helpful? Yes No",
                      "Related articles", "Glue ear", "Swimmer's ear"]
    assert meta["header"][0]["role"] == "chrome"


def test_chrome_is_kept_but_never_checked_text(tmp_path):
    folder = article_from_text("Grommet ear in adults\n" + BODY + "Stay in touch\nNewsletter\nSign up\n"
                               "More text about grommet ear follows here for the reader.\n", tmp_path)
    loaded = load_article(folder)
    assert not loaded.violations
    article = loaded.article
    assert [b.text for b in article.blocks() if b.type == "chrome"] == ["Newsletter", "Sign up"]
    assert all(r.text not in ("Newsletter", "Sign up") for r in article.texts())
    only_chrome = next(s for s in article.sections if s.heading == "Stay in touch")
    assert only_chrome.blocks[0].type == "chrome"


# ---------------------------------------------------------------- headings that are not headings

def test_label_dose_table_and_list_lines_are_not_headings():
    text = ("Zindomol\n\nForms and strengths\nCapsules: 5 mg, 10 mg\nDrug type: Antivertigo agent\n"
            "Legal status: Prescription only\nHow much to take\nZindomol 5 mg\n"
            "Adults 18 to 64: 5 mg twice a day\n| Age | Dose |\nWhen to stop\n"
            "A rash that spreads quickly\nSwelling of the lips or tongue\nTrouble breathing or swallowing\n"
            "If any of these happen, stop taking it and get help at once.\n"
            "Wren A, Holt B. Zindomol in vertigo. Ear J. 2020;4:1-9\n")
    _, sections = read(text)
    assert headings(sections) == ["Forms and strengths", "How much to take", "When to stop"]


def test_numbered_leaflet_headings_but_not_a_numbered_contents_list():
    text = ("Zindomol 5 mg Capsules\n\nIn this leaflet\n1. What Zindomol is for\n2. How to take Zindomol\n"
            "1. What Zindomol is for\nZindomol calms the balance nerve in the inner ear.\n"
            "2. How to take Zindomol\nTake one capsule twice a day with water.\n")
    _, sections = read(text)
    assert headings(sections) == ["In this leaflet", "1. What Zindomol is for", "2. How to take Zindomol"]


# ---------------------------------------------------------------- FAQs

def test_question_headings_under_an_faq_heading_are_entries():
    text = ("# Grommet ear: your questions\n\n## Frequently asked questions\n\n### Can I swim?\n\n"
            "Not for two weeks. Wear an ear plug after that.\n\n### Can I fly?\n\nYes, flying is safe.\n\n"
            "## When to get help\n\nSee a GP if the ear discharges for more than three days.\n")
    _, sections = read(text, markdown=True)
    faq = section(sections, "Frequently asked questions")
    entries = [e for b in faq["blocks"] for e in b.get("faq", [])]
    assert [e["question"] for e in entries] == ["Can I swim?", "Can I fly?"]
    assert entries[0]["answer"] == "Not for two weeks. Wear an ear plug after that."
    assert headings(sections) == ["Frequently asked questions", "When to get help"]


def test_q_and_a_pairs_keep_the_askers_line():
    text = ("Your ear questions answered\n\nQ: Can I put oil in my ear?\nSent in by Kim, Hull\n"
            "A: Yes, two drops of olive oil at night can soften wax.\nQ: Do ear candles work?\n"
            "A: No. They do not remove wax and can burn the ear.\n")
    _, sections = read(text)
    entries = [e for s in sections for b in s["blocks"] for e in b.get("faq", [])]
    assert len(entries) == 2 and headings(sections) == []
    assert entries[0]["note"] == "Sent in by Kim, Hull" and entries[1].get("note") is None
    assert entries[0]["answer"].startswith("A: Yes, two drops")


def test_faq_titled_page_keeps_its_sections_and_kinds():
    text = ("Grommet ear FAQ: swimming, flying and drops\n\nShould I keep it dry?\n"
            "Yes, for the first week, as water can carry germs into the ear.\nCan I fly?\n"
            "Yes, the grommet lets the pressure even out on its own.\nDrops at a glance\n"
            "- Ciprofloxacin ear drops 4 drops twice a day for 7 days\n")
    meta, sections = read(text)
    assert meta["title"].startswith("Grommet ear FAQ")
    entries = [e for s in sections for b in s["blocks"] for e in b.get("faq", [])]
    assert len(entries) == 2
    assert headings(sections) == ["Drops at a glance"]
    assert section(sections, "Drops at a glance")["kind"] == "drug-therapy"


# ---------------------------------------------------------------- kinds from content

def test_section_that_doses_is_a_drug_section_whatever_its_heading():
    text = ("Grommet ear in adults\n\n" + BODY + "First steps\nUse ofloxacin drops, 5 drops twice a day for 7 days.\n"
            "Medicines to avoid\nCotton buds and home remedies can push wax deeper into the canal.\n"
            "Forms and strengths\nDrops: 0.3%, 0.5%\n")
    _, sections = read(text)
    assert section(sections, "First steps")["kind"] == "drug-therapy"
    assert section(sections, "Medicines to avoid")["kind"] not in ("drug-therapy", "supplements")
    assert section(sections, "Forms and strengths")["kind"] == "other"


def test_supplement_page_doses_are_supplement_sections():
    text = ("Zinc supplements for grommet ear\n\nHow much to take\nAdults can take 15 mg of zinc once a day with food.\n")
    _, sections = read(text)
    assert section(sections, "How much to take")["kind"] == "supplements"


# ---------------------------------------------------------------- the round trip

@pytest.mark.parametrize("text, markdown", [(CHROME_PAGE, False),
                                            ("Q: Can I fly?\nSubmitted by Jo, Leeds\nA: Yes.\n" + BODY, False),
                                            ("Grommet ear\n===========\n\n## FAQ\n\n### Can I fly?\n\nYes.\n", True)])
def test_new_records_round_trip_word_for_word(text, markdown, tmp_path):
    loaded = load_article(article_from_text(text, tmp_path, markdown=markdown))
    assert not loaded.violations, loaded.violations[:2]
    out = export_article(loaded.article, "md" if markdown else "text")
    assert words(out, markup=markdown) == words(text, markup=markdown)


# ---------------------------------------------------------------- more page furniture

def test_site_name_over_its_breadcrumb_is_not_the_title():
    text = ("Riverside Ear Clinic\nHome > Patient leaflets > Grommet ear\nBook an appointment\n"
            "Grommet Ear – A Guide for Parents\n" + BODY)
    meta, sections = read(text)
    assert meta["title"] == "Grommet Ear – A Guide for Parents"
    assert len(meta["preamble"]) == 3 and headings(sections) == ["What it is"]


def test_label_panel_headings_over_dose_and_one_line_content():
    text = ("Calmzine Travel Tablets 25 mg\nTravel sickness remedy/antiemetic\nProduct Facts\n"
            "Active substance (in each tablet)\nCalmzine hydrochloride 25 mg\nPurpose\n"
            "Travel sickness remedy/antiemetic\nDirections\nadults: take 1 tablet an hour before you travel\n"
            "Inactive ingredients\nlactose, maize starch and magnesium stearate in a film coat\n")
    meta, sections = read(text)
    assert meta["header"][0]["role"] == "subtitle"
    assert headings(sections) == ["Product Facts", "Active substance (in each tablet)", "Purpose", "Directions",
                                  "Inactive ingredients"]


def test_numbered_heading_over_a_subheading():
    text = ("Zindomol 5 mg Capsules\n\n1. What Zindomol is for\nIt calms the balance nerve in the ear.\n"
            "2. Before you take Zindomol\nDo not take Zindomol\nif you are allergic to it or to lactose.\n")
    _, sections = read(text)
    assert headings(sections) == ["1. What Zindomol is for", "2. Before you take Zindomol", "Do not take Zindomol"]


def test_dosing_words_in_a_heading_need_a_dose_under_them():
    text = ("Zindomol\n\nChild dosing\nChildren over 6 may take 2.5 mg once a day.\n"
            "Dosing tips\nKeep a note of when you took each capsule so that nothing is missed.\n"
            "Knee injection\nInject 40 mg under the skin of the thigh once a week on the same day.\n")
    _, sections = read(text)
    assert section(sections, "Child dosing")["kind"] == "drug-therapy"
    assert section(sections, "Dosing tips")["kind"] not in ("drug-therapy", "supplements")
    assert section(sections, "Knee injection")["kind"] == "drug-therapy"


def test_markdown_nested_list_and_wrapped_item_lines():
    text = ("# Sleep\n\n## Habits\n\n1. **Wind down**\n   - Dim the lights an hour before bed and put the\n"
            "     phone in another room.\n   - Keep the same getting-up time.\n2. **Keep a diary**\n")
    _, sections = read(text, markdown=True)
    items = [it["text"] for b in section(sections, "Habits")["blocks"] for it in b.get("list", [])]
    assert items == ["**Wind down**", "Dim the lights an hour before bed and put the phone in another room.",
                     "Keep the same getting-up time.", "**Keep a diary**"]


def test_heading_straight_over_a_heading_is_their_main_section(tmp_path):
    from medlint.engine import Options, check_article

    text = ("Grommet ear in adults\n\n" + BODY + "Looking after it\nKeeping it dry\n"
            "Wear a plug when you wash your hair for the first week.\nSwimming\n"
            "Wait two weeks before you swim, then use a plug.\n")
    _, sections = read(text)
    assert [s["level"] for s in sections if s["heading"] in ("Looking after it", "Keeping it dry")] == [1, 2]
    result = check_article(article_from_text(text, tmp_path), Options(today=_dt.date(2026, 12, 1),
                                                                      select=frozenset({"CON003"})))
    assert [f for f in result.findings if f.check == "CON003"] == []
