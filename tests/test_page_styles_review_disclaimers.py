"""Review (REV001-REV006) and disclaimer (DSC001-DSC003) findings on page styles the corpus
does not have: a university's press release, a regulator's recall notice, a research
study's participant information sheet, a journal's abstract, a professional guideline
summary, a pharmacy's service page, a charity's patient story, a newspaper's "Ask the GP"
column and a wellness site's supplement guide whose disclaimer sits in a box at the top.

Each page is told by its own signals (two cues of its kind in checks/disclaimers.yaml
``page_kinds``), and what is asked of it is in data (checks/review.yaml ``page_kind_rules``,
``not_reviewed_page_kinds``). A page with only one such signal is still asked everything an
article is: those true findings are kept. Every line here is written for this test.

The fixtures under tests/fixtures/page-styles/ are imported as scraped text (the whole
pipeline); the other tests build records, so they pin the checks and their data."""

from __future__ import annotations

import datetime as dt
import os

import pytest

from medlint.engine import Options, check_article
from support import HERE, article_from_records, article_from_text

TODAY = dt.date(2026, 12, 1)
IDS = frozenset({"REV001", "REV002", "REV003", "REV004", "REV005", "REV006", "DSC001", "DSC002", "DSC003"})
STYLES = os.path.join(HERE, "fixtures", "page-styles")

# What a medical editor asks of each page (decided before medlint was run on it).
EXPECTED = {
    "press-release-university": [],
    "regulator-recall-notice": [],
    "research-participant-information-sheet": [],
    "journal-abstract": [],
    "professional-guideline-summary": [],
    "pharmacy-service-page": [],
    "charity-patient-story": [],
    "newspaper-ask-the-gp-column": [],
    # a consumer guide: its boxed disclaimer at the top is said in other words ("general
    # background", "no stand-in for a chat with a pharmacist"), but it names no reviewer
    # and its date is over a year old
    "wellness-supplement-guide-boxed-disclaimer": ["REV003", "REV006"],
    # written after the data above, as a check of it: a product's SmPC (a regulated text),
    # a maker's letter to prescribers, an online clinic's treatment page
    "smpc-section-excerpt": [],
    "pharma-dear-hcp-letter": [],
    "online-clinic-treatment-page": [],
}


def _codes(folder) -> list[str]:
    result = check_article(folder, Options(today=TODAY, select=IDS))
    assert result.error is None, result.error
    return sorted(f.check for f in result.findings)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_page_style_fixture(name, tmp_path):
    with open(os.path.join(STYLES, name + ".txt"), encoding="utf-8") as fh:
        folder = article_from_text(fh.read(), tmp_path, slug=name)
    assert _codes(folder) == EXPECTED[name]


def codes(root, sections, meta=None) -> list[str]:
    folder = article_from_records(root, meta or {}, [
        {"heading": head, "level": 1, "kind": kind, "blocks": [{"paragraph": b} for b in blocks]}
        for head, kind, blocks in sections])
    return _codes(folder)


BODY = ("Treatment", "drug-therapy", ["Take ibuprofen 400 mg three times a day with food."])
# a page with no caution at all is asked for its general disclaimer once (DSC003), not also at
# its dose section (the disclaimer ruling of 2026-12-04, (d))
ASKED = ["DSC003", "REV001", "REV005", "REV006"]

# Two signals of each kind, as different sites print them.
KINDS = {
    "press-release": ["NEWS RELEASE", "For media enquiries, contact the press office on 020 7946 0000."],
    "safety-notice": ["Patient safety alert: ibuprofen suspension, batch recall",
                      "Recipients of this notice should check their stock today."],
    "research-information": ["Thank you for reading this participant information leaflet.",
                             "Principal investigator: Dr Ana Ruiz, Hillside Hospital."],
    "professional": ["This bulletin is written for GPs and community pharmacists.",
                     "It is not intended for patients or the public."],
    "service": ["Book online or call in most mornings.",
                "Our superintendent pharmacist oversees every consultation."],
}


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_two_signals_tell_the_kind(kind, tmp_path):
    found = codes(tmp_path, [("About", "other", KINDS[kind]), BODY])
    assert "DSC003" not in found and "DSC001" not in found and "REV006" not in found
    assert "REV005" not in found
    # ... and its dose section is not asked either (a general page that sends no one is)
    general = ("Note", "other", ["This page is general information only."])
    assert "DSC001" not in codes(tmp_path / "g", [("About", "other", KINDS[kind]), BODY, general])


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_one_signal_is_still_an_article(kind, tmp_path):
    # one line of a press release or a service page on a consumer article tells nothing
    assert codes(tmp_path, [("About", "other", KINDS[kind][:1]), BODY]) == ASKED


def test_a_dated_press_release_is_dated_by_its_embargo(tmp_path):
    found = codes(tmp_path, [("About", "other", ["PRESS RELEASE", "Embargoed until 00:01 BST, 3 June 2026",
                                                 "Notes to editors"]), BODY])
    assert found == []
    undated = codes(tmp_path / "b", [("About", "other", ["PRESS RELEASE", "Notes to editors"]), BODY])
    assert undated == ["REV001"]


def test_a_personal_story_says_its_own_disclaimer(tmp_path):
    story = ["Ravi's story", "He tells how the first months went.", "Posted 2 May 2026"]
    said = codes(tmp_path, [("Story", "other", story + ["This account is his own experience."]), BODY])
    assert said == []
    # a story that never says it is one person's experience is asked for the disclaimer
    bare = codes(tmp_path / "b", [("Story", "other", story + ["Share your story with us."]), BODY])
    assert bare == ["DSC003"]


@pytest.mark.parametrize("line", [
    "This guide is general background only.",
    "It is no stand-in for a conversation with your pharmacist.",
    "(Her answers are general and she cannot reply personally.)",
    "This service is not for emergencies: in an emergency call 999.",
    "Do not use this symptom checker in an emergency.",
])
def test_disclaimer_wordings(line, tmp_path):
    found = codes(tmp_path, [("Intro", "other", [line]), ("More", "other", ["Rest helps most people."])])
    assert "DSC003" not in found


@pytest.mark.parametrize("line", [
    "Ask your general practitioner about it.",
    "The information is general practice guidance from 2019.",
    "Emergencies happen; stay calm.",
])
def test_near_misses_are_no_disclaimer(line, tmp_path):
    found = codes(tmp_path, [("Intro", "other", [line]), ("More", "other", ["Rest helps most people."])])
    assert "DSC003" in found


def test_a_dose_for_named_ages_chosen_by_the_doctor_needs_no_more(tmp_path):
    # on an ordinary article (no page kind): the dose names whom it is for and the
    # prescriber who sees the reader chooses
    dose = "The usual choice for women aged 16 to 64 is nitrofurantoin 100 mg twice a day for 3 days."
    said = codes(tmp_path, [("Treatment", "drug-therapy", [
        dose, "Our doctor will check your answers and choose the treatment that suits you."])])
    assert "DSC001" not in said and "DSC002" not in said
    # the ages on the dose are no caution: on a page that cautions its reader nowhere, the
    # section has no disclaimer at all (the reader is still to be sent to a clinician)
    bare = codes(tmp_path / "b", [("Treatment", "drug-therapy", [dose])])
    assert "DSC003" in bare and "DSC001" not in bare and "DSC002" not in bare  # named once
