"""Notation, units and empty headings on classes of text the fourth held-out set met: a
person's own words quoted on the page (a member's post under its "posted by" header, a
reader's letter, a testimonial), an error-prone abbreviation offered beside its frequency
wording as an app's or form's label, distances, heart rates and other measurements that are
no doses, and headings that are a page's controls or a label stacked over the next heading.
Each class in several writers' words (none from the corpus), with the cases that must still
be flagged. Every sentence here is written for this test."""

from __future__ import annotations

import pytest

from support import article_from_records, findings_for
from medlint.engine import Options, check_article
from medlint.registry import EXAMPLE_TODAY


def _records(root, sections, fmt="text"):
    """An article as records: sections are (heading, level, [paragraph text])."""
    folder = article_from_records(root, {"source": {"format": fmt, "title_line": False, "file": "page.txt"}}, [
        {"heading": heading, "level": level, "kind": "other", "blocks": [{"paragraph": p} for p in paragraphs]}
        for heading, level, paragraphs in sections])
    return folder


def _found(folder, check_id):
    result = check_article(folder, Options(today=EXAMPLE_TODAY, select=frozenset({check_id})))
    assert result.error is None, result.error
    return [f.excerpt for f in result.findings]


# ------------------------------------------------------------------ a person's own words

@pytest.mark.parametrize("heading, words", [
    # a parents' forum digest: the post's title and poster in the heading, the post quoted
    ('1. "Calpol or Nurofen first?" - posted by twinmum_Leeds in Little ones',
     '"The GP said 7.5ml of Calpol every 6 hours for my 2 year old but the bottle says 5ml. Which is right?"'),
    # a magazine's letters page: the letter in quotation marks, the reader named after it
    ("Your letters", '"I have been on 75mcg of levothyroxine for ten years and feel tired again." - Brenda, 67, Stockport'),
    # a clinic's testimonials
    ("What our patients say", 'One patient wrote: "After two weeks on 20mg I could sleep through the night."'),
])
def test_a_persons_quoted_words_are_not_respaced(tmp_path, heading, words):
    folder = _records(tmp_path, [("About your medicine", 1, ["Ask us before you change a dose."]),
                                 (heading, 1, [words])])
    assert _found(folder, "NOT007") == []


@pytest.mark.parametrize("text, excerpt", [
    ("Give 7.5ml of Calpol every 6 hours for a 2 year old.", "7.5ml"),               # the page's own instruction
    ('Write it on the chart as "7.5ml every 6 hours" so the next carer can see it.', "7.5ml"),  # quoted, nobody's words
])
def test_the_pages_own_dose_is_still_flagged(tmp_path, text, excerpt):
    folder = _records(tmp_path, [("How much to give", 1, [text])])
    assert _found(folder, "NOT007") == [excerpt]


def test_a_member_quoting_a_label_in_a_post_header_section_is_left_as_written(tmp_path):
    folder = _records(tmp_path, [('"Dose for my dad?" - asked by carer_kim', 1,
                                  ['"His tablets say 2.5mg QD. What does QD mean?"'])])
    assert _found(folder, "NOT003") == [] and _found(folder, "NOT007") == []


# ------------------------------------------------------------------ abbreviations offered as labels

@pytest.mark.parametrize("label, check_id, excerpt", [
    # a reminder app's settings screen
    ("Repeat: Every other day (QOD) | Weekly | Monthly", "NOT003", "QOD"),
    # an online pharmacy's repeat-prescription form
    ("How often do you take it? Choose one: Once a day (QD), Three times a day (TID), When needed (PRN)", "NOT003", "QD"),
    ("How often do you take it? Choose one: Once a day (QD), Three times a day (TID), When needed (PRN)", "NOT008", "TID"),
    # a care home's medicines chart key
    ("Key to the chart: at bedtime (HS); twice a day (bd)", "NOT008", "HS"),
])
def test_an_abbreviation_offered_beside_its_frequency_is_flagged_without_a_dose(tmp_path, label, check_id, excerpt):
    folder = _records(tmp_path, [("Settings", 1, [label])])
    assert excerpt in _found(folder, check_id)


def test_an_abbreviation_in_prose_without_a_dose_is_left_alone(tmp_path):
    # no dose and no frequency wording beside it: "HS" here is a school, "PO" a post office
    folder = _records(tmp_path, [("Getting here", 1, ["Park behind Ridgeway HS and walk past the PO box."])])
    assert _found(folder, "NOT008") == []


# ------------------------------------------------------------------ measurements, not doses

@pytest.mark.parametrize("text", [
    "Back to running after my knee op: I did 40 km on Sunday and 10 km every weekday.",  # a running club's blog
    "On the bike, hold a heart rate of 120 bpm twice a day for the first two weeks.",  # cardiac rehab
    "Swim 30 lengths twice a week and walk 2 miles every day.",                             # a hydrotherapy sheet
    "Aim for a systolic reading under 135 mmHg each morning.",                               # a blood pressure diary
])
def test_a_distance_heart_rate_or_pressure_is_no_unreadable_unit(tmp_path, text):
    assert findings_for("Keeping active\n" + text + "\n", "UNT001", tmp_path) == []


def test_an_unreadable_dose_unit_is_still_flagged(tmp_path):
    text = "Mainstream Drug Therapies\n-\nIbuprofen 400 mgs every 6 h, max 1200 mg/day – NSAID.\n"
    assert [f.excerpt for f in findings_for(text, "UNT001", tmp_path)] == ["400 mgs"]


# ------------------------------------------------------------------ headings that are the page's furniture

@pytest.mark.parametrize("heading", [
    "Filter answers by: Newest | Most votes",          # a community Q&A
    "Search results for 'hay fever tablets'",          # a pharmacy search page
    "Showing 1-10 of 48 questions",                    # a help centre
    "Overview | Dosage | Side effects | Reviews",       # a drug page's tab bar
    "Sort reviews by",
])
def test_an_empty_heading_that_is_a_page_control_is_not_reported(tmp_path, heading):
    folder = _records(tmp_path, [("Hay fever", 1, ["Antihistamines ease sneezing."]), (heading, 1, []),
                                 ("Loratadine 10 mg", 1, ["One tablet a day."])])
    assert _found(folder, "CON003") == []


@pytest.mark.parametrize("label, title", [
    ("From the pharmacist", "This month: storing insulin in hot weather"),   # a diabetes group's newsletter
    ("Ask the expert", "Can I drink alcohol with metronidazole?"),            # a magazine's column
    ("Your results", "3 interactions found in your list"),                    # a tool's results page
])
def test_a_label_stacked_over_a_higher_ranked_heading_is_not_empty(tmp_path, label, title):
    folder = _records(tmp_path, [("Welcome", 1, ["Hello from the team."]), (label, 2, []),
                                 (title, 1, ["Keep it in the fridge, not the freezer."])])
    assert _found(folder, "CON003") == []


def test_an_empty_heading_is_still_reported_where_the_writer_set_the_levels(tmp_path):
    # Markdown: "## Diagnosis" empty above "# Treatment" is a subsection whose content is missing
    folder = _records(tmp_path, [("Symptoms", 1, ["Knee pain after walking."]), ("Diagnosis", 2, []),
                                 ("Treatment", 1, ["Rest and ice."])], fmt="markdown")
    assert _found(folder, "CON003") == ["Diagnosis"]


def test_an_empty_heading_of_the_same_rank_is_still_reported(tmp_path):
    # where the writer set the levels (Markdown), and on plain text where the writer numbered the two
    # as siblings; a plain-text stack without numbers is the importer's guess: a parent over its part
    folder = _records(tmp_path, [("Symptoms", 1, ["Knee pain after walking."]), ("Diagnosis", 1, []),
                                 ("Treatment", 1, ["Rest and ice."])], fmt="markdown")
    assert _found(folder, "CON003") == ["Diagnosis"]
    numbered = _records(tmp_path / "numbered", [("1. Symptoms", 1, ["Knee pain after walking."]),
                                                ("2. Diagnosis", 1, []), ("3. Treatment", 1, ["Rest and ice."])])
    assert _found(numbered, "CON003") == ["2. Diagnosis"]


# ------------------------------------------- a post's header on the line above its words

def _blocks(root, heading, blocks):
    return article_from_records(root, {"source": {"format": "text", "title_line": False, "file": "page.txt"}}, [
        {"heading": "About your medicine", "level": 1, "kind": "other",
         "blocks": [{"paragraph": "Ask us before you change a dose."}]},
        {"heading": heading, "level": 1, "kind": "other", "blocks": blocks}])


@pytest.mark.parametrize("heading, header, words", [
    # a support group's weekly digest: a numbered teaser line, the post quoted below it
    ("This week on the board", {"style": "numbered", "list": [{"text": '"Is 2.5mg enough?" - posted by Wren_77 in Tablets'}]},
     '"My consultant has me on 2.5mg of bisoprolol and I still get palpitations."'),
    # a radio phone-in's write-up: the caller named on the line above the quote
    ("From the phone-in", {"paragraph": "Caller Des, from Wigan, asked:"},
     '"I was told 500mg of metformin with breakfast. Can I take it with tea instead?"'),
    # a newsletter's readers' corner: the sender's line, then the letter
    ("Readers' corner", {"paragraph": "Sent in by Priya, a carer:"},
     '"Mum takes 10mg of amlodipine and her ankles swell. Is that normal?"'),
])
def test_a_quote_under_its_posters_line_is_left_as_written(tmp_path, heading, header, words):
    folder = _blocks(tmp_path, heading, [header, {"paragraph": words}])
    assert _found(folder, "NOT007") == []


def test_a_quote_under_a_line_that_names_nobody_is_still_flagged(tmp_path):
    folder = _blocks(tmp_path, "Labels we see", [
        {"paragraph": "Some pharmacy labels still print the dose like this:"},
        {"paragraph": '"Take 2.5mg once a day."'}])
    assert _found(folder, "NOT007") == ["2.5mg"]
