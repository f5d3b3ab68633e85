"""CON003 on structural evidence: an empty heading is reported where the page shows content is
missing (a heading of the same or a higher rank follows it, or it is the last line after a
sentence cut off), and stricter on plain text, whose headings the importer guessed (the heading
must be a content heading, and a heading printed straight over another is their parent unless
the writer's own numbering makes the next one its sibling). The pages are in styles the corpus does not have: a physio clinic's
Markdown handout, an editor's YAML drug page, a scraped council wellbeing page, a hospice's
plain-text leaflet, a blog post with a tag line. Every line is written for this test."""

from __future__ import annotations

import pytest

from medlint.engine import Options, check_article
from medlint.registry import EXAMPLE_TODAY
from support import article_from_records


def page(root, sections, fmt="text"):
    """sections: (heading, level, kind, [paragraphs])."""
    meta = {"source": {"format": fmt, "title_line": False, "file": "page.txt"}} if fmt else {}
    return article_from_records(root, meta, [
        {"heading": h, "level": lv, "kind": kind, "blocks": [{"paragraph": p} for p in paras]}
        for h, lv, kind, paras in sections])


def empty(folder):
    result = check_article(folder, Options(today=EXAMPLE_TODAY, select=frozenset({"CON003"})))
    assert result.error is None, result.error
    return [f.excerpt for f in result.findings]


# ------------------------------------------------------------------ content missing: reported

def test_an_editors_markdown_heading_left_empty_before_its_sibling(tmp_path):
    # a physio clinic's Markdown handout
    folder = page(tmp_path, [("Exercises", 2, "non-drug-treatment", ["Do ten heel raises twice a day."]),
                             ("Pain relief", 2, "drug-therapy", []),
                             ("When to call us", 2, "red-flags", ["Call if the calf swells."])], fmt="markdown")
    assert empty(folder) == ["Pain relief"]


def test_an_editors_yaml_section_left_empty_before_a_higher_heading(tmp_path):
    # a drug page written as records by an editor (no import)
    folder = page(tmp_path, [("Side effects", 1, "other", ["Nausea is common at first."]),
                             ("Serious side effects", 2, "other", []),
                             ("Storage", 1, "other", ["Keep below 25 °C."])], fmt=None)
    assert empty(folder) == ["Serious side effects"]


def test_a_plain_text_page_cut_off_before_its_last_heading(tmp_path):
    # a hospice's plain-text leaflet, copied short
    folder = page(tmp_path, [("Mouth care", 1, "advice", ["Sip water often and use a soft brush, a gel and"]),
                             ("When to ask for help", 1, "red-flags", [])])
    assert empty(folder) == ["When to ask for help"]


@pytest.mark.parametrize("first, second", [
    ("2. Causes", "3. Getting support"),       # a scraped council wellbeing page, numbered
    ("b) Medicines", "c) Physiotherapy"),      # an Indian clinic's blog, lettered
    ("Step 2: Pack your bag", "Step 3: On the day"),  # a day-surgery checklist
])
def test_a_plain_text_heading_left_empty_before_its_numbered_sibling(tmp_path, first, second):
    # the writer's own numbering shows the two are siblings: the first lost its content
    folder = page(tmp_path, [("Loneliness", 1, "overview", ["Loneliness can affect anyone."]),
                             (first, 1, "other", []),
                             (second, 1, "other", ["Call the friendship line."])])
    assert empty(folder) == [first]


@pytest.mark.parametrize("first, second", [
    ("Causes", "Getting support"),                        # the importer ranked both 1: a guess
    ("Treatment", "Small stones that pass on their own"),  # a clinic page's heading over its subheading
    ("Dosing & Uses", "Adult"),                            # a drug reference's tab over its first panel
    ("Generic Medicine Info", "Indications and Dosage"),   # a drug index's label over its monograph
    ("2. Causes", "4. Getting support"),                   # numbers that are not the next
])
def test_a_plain_text_heading_printed_straight_over_another_is_their_parent(tmp_path, first, second):
    folder = page(tmp_path, [("Loneliness", 1, "overview", ["Loneliness can affect anyone."]),
                             (first, 1, "treatment", []),
                             (second, 1, "treatment", ["Call the friendship line."])])
    assert empty(folder) == []


def test_the_same_stack_in_markdown_is_reported_by_its_written_ranks(tmp_path):
    folder = page(tmp_path, [("Loneliness", 2, "overview", ["Loneliness can affect anyone."]),
                             ("Causes", 2, "causes", []),
                             ("Getting support", 2, "other", ["Call the friendship line."])], fmt="markdown")
    assert empty(folder) == ["Causes"]


# ------------------------------------------------------------------ no evidence: silent

@pytest.mark.parametrize("fmt", ["markdown", "text", None])
def test_the_last_line_of_a_complete_page_is_a_footer_not_a_lost_section(tmp_path, fmt):
    # a blog post's tag line and "Related articles" under a finished page
    folder = page(tmp_path, [("Sleep and shifts", 1, "overview", ["Keep the bedroom dark after a night shift."]),
                             ("Related articles", 2, "other", [])], fmt=fmt)
    assert empty(folder) == []


def test_a_markdown_heading_over_its_subsections_is_their_parent(tmp_path):
    folder = page(tmp_path, [("Overview", 2, "overview", ["Gout is a painful joint swelling."]),
                             ("Treatment", 2, "treatment", []),
                             ("Medicines", 3, "drug-therapy", ["Colchicine eases an attack."]),
                             ("Diet", 3, "advice", ["Cut down on beer."])], fmt="markdown")
    assert empty(folder) == []


@pytest.mark.parametrize("line", [
    "Posted in Wellbeing, Older people",      # a blog's category line
    "Written by the community team",          # a council page's byline
    "Photo: a walking group in the park",     # a caption the importer took for a heading
])
def test_a_scraped_short_line_the_importer_took_for_a_heading_is_not_a_lost_section(tmp_path, line):
    folder = page(tmp_path, [("Walking groups", 1, "overview", ["Our groups meet every Tuesday."]),
                             (line, 1, "other", []),
                             ("How to join", 1, "other", ["Ring the library to book a place."])])
    assert empty(folder) == []
