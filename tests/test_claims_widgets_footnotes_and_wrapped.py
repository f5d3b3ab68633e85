"""Claims (CLM001, CLM006, CLM010) on classes of text the fourth held-out set met: a page's
feedback and poll counts, a medicine's strength after its WHO stem, a medical gas by its
concentration, Markdown footnotes, a sentence hard-wrapped across imported lines with its
citation on the last line, and the headlines of a site's lists of links. Each class in the
words of several writers (none of them from the corpus), with the cases that must still be
flagged. Every sentence here is written for this test."""

from __future__ import annotations

import pytest

from support import findings_for
from test_claims_other_writers import found, stats


# ------------------------------------------------------------------ feedback and poll counts

@pytest.mark.parametrize("widget", [
    "Was this answer useful? 12 out of 15 people found this answer useful.",   # a knowledge base
    "31 out of 40 found this helpful",                                     # a help centre's footer
    "87% found this article helpful. Tell us how we can improve it.",      # a pharmacy chain's FAQ
    "Poll: which reminder works best for you? Phone alarm 64% (212 votes), pill box 36% (118 votes).",
    "1,204 out of 1,390 readers found this guide helpful",
])
def test_a_page_feedback_or_poll_count_is_no_statistic(tmp_path, widget):
    assert stats(tmp_path, "Take the tablet at the same time each day.", widget) == []


@pytest.mark.parametrize("claim, excerpt", [
    ("9 out of 10 customers saw results within a week.", "9 out of 10"),
    ("8 out of 10 patients found the cream helpful for their eczema.", "8 out of 10"),
    ("In a survey, 87% of users said their pain eased.", "87%"),
])
def test_a_share_of_people_helped_is_still_a_statistic(tmp_path, claim, excerpt):
    assert stats(tmp_path, claim) == [("CLM001", excerpt)]


# ------------------------------------------------------------------ strengths and gases

@pytest.mark.parametrize("sentence", [
    "Your optician may suggest timolol 0.5% to lower the pressure in the eye.",        # an eye clinic
    "For a blocked nose on a flight, oxymetazoline 0.05% can be used for up to 3 days.",  # a travel blog
    "Cold sores: start aciclovir 5% at the first tingle and use it five times a day.",  # a pharmacy counter card
    "Tacrolimus 0.1% is kept for eczema that steroid creams have not controlled.",      # a dermatology clinic
    "A mouth rinse of chlorhexidine 0.2% twice a day helps while the gum heals.",       # a dental practice
])
def test_a_medicine_named_by_its_stem_before_its_strength_is_no_statistic(tmp_path, sentence):
    assert stats(tmp_path, sentence, kind="drug-therapy") == []


@pytest.mark.parametrize("sentence", [
    "The crew gave her 100% oxygen through a mask on the way to hospital.",       # an ambulance service
    "Gas and air is 50% nitrous oxide and 50% oxygen, breathed through a mouthpiece.",  # a maternity unit
    "He was started on 28% oxygen through a Venturi mask.",                         # a COPD ward leaflet
])
def test_a_medical_gas_by_its_concentration_is_no_statistic(tmp_path, sentence):
    assert stats(tmp_path, sentence, kind="drug-therapy") == []


def test_a_figure_about_people_is_still_a_statistic_near_a_medicine(tmp_path):
    assert stats(tmp_path, "Timolol lowers eye pressure in 0.1% more people than placebo.") == [("CLM001", "0.1%")]
    assert stats(tmp_path, "Oxygen helps 70% of people with cluster headache.") == [("CLM001", "70%")]


# ------------------------------------------------------------------ Markdown footnotes

FOOTNOTES = ("Notes", "other", ["[^nice]: National Institute for Health and Care Excellence. Guideline NG99, 2023.",
                                "[^1]: Marsh T, Oduya K. Night-time cough in children. Arch Dis Child. 2020;105(3):210-215."])


def test_a_figure_with_its_markdown_footnote_is_cited(tmp_path):
    sections = [("What helps", "overview", ["Honey eases night-time cough in about 60% of children.[^1]",
                                            "Around 1 in 4 adults get it each winter[^nice]."]), FOOTNOTES]
    assert found(tmp_path, sections, {"CLM001", "CLM006", "CLM010"}) == []


def test_a_footnote_with_no_definition_is_reported(tmp_path):
    sections = [("What helps", "overview", ["Honey eases night-time cough in about 60% of children.[^1] "
                                            "Most coughs clear in three weeks.[^4]"]), FOOTNOTES]
    assert found(tmp_path, sections, {"CLM001", "CLM006"}) == [("CLM006", "[^4]")]


def test_footnote_definitions_run_together_by_the_importer_still_define(tmp_path):
    # the definitions as one paragraph, as a Markdown list of "[^n]:" lines may be imported
    notes = ("References", "references", ["[^1]: Bell A. Topical antifungals compared. Br J Derm. 2018. "
                                          "[^2]: Quinn R, et al. Antiviral timing. J Infect. 2019."])
    sections = [("Evidence", "overview", ["Terbinafine clears the rash in 80% of people.[^2]"]), notes]
    assert found(tmp_path, sections, {"CLM001", "CLM006"}) == []


def test_a_markdown_page_with_footnotes_as_a_writer_publishes_it(tmp_path):
    page = ("# Chilblains\n\n## Outlook\n\nAbout 9 in 10 people see chilblains clear in two weeks.[^2] "
            "Keep your feet warm.[^3]\n\n## Sources\n\n[^2]: Example Society. Chilblains audit, 2022.\n")
    assert [f.excerpt for f in findings_for(page, "CLM001", tmp_path, markdown=True)] == []
    assert [f.excerpt for f in findings_for(page, "CLM006", tmp_path / "b", markdown=True)] == ["[^3]"]


# ------------------------------------------------------------------ a sentence wrapped across lines

def test_a_citation_on_the_last_line_of_a_wrapped_sentence_covers_it(tmp_path):
    # a factsheet's text extracted from a PDF, every line its own paragraph
    sections = [("About this leaflet", "overview", [
        "This leaflet is for parents of children with asthma. About 1 in 11",
        "children in the UK are treated for asthma, and most",
        "attacks can be prevented (Asthma Example Trust, 2024).",
        "Keep the inhaler with you."])]
    assert found(tmp_path, sections, {"CLM001"}) == []


def test_a_citation_on_the_first_line_of_a_wrapped_sentence_covers_it(tmp_path):
    # a plain-text e-newsletter wrapped at 72 columns
    sections = [("This month", "overview", [
        "Flu jabs are free for over-65s. According to NICE, around",
        "two thirds of adults who are eligible take up the offer; 70% of",
        "them before the end of November."])]
    assert found(tmp_path, sections, {"CLM001"}) == []


def test_a_wrapped_sentence_without_a_citation_is_still_flagged(tmp_path):
    sections = [("About this leaflet", "overview", [
        "Our clinic has helped hundreds of runners. About 80% of",
        "them are back running within six weeks.",
        "Book online (NICE-style, 2024 edition of our price list)."])]
    assert found(tmp_path, sections, {"CLM001"}) == [("CLM001", "80%")]


def test_unpunctuated_points_are_not_one_sentence(tmp_path):
    # a slide handout's points, one a line and none ending in a full stop
    sections = [("Constipation in care homes", "overview", [
        "Up to half of all adults in care homes are affected",
        "30 to 40% respond to fluids and fibre alone (NICE CKS, 2023)"])]
    assert found(tmp_path, sections, {"CLM001"}) == [("CLM001", "half of all adults")]


# ------------------------------------------------------------------ lists of links

@pytest.mark.parametrize("title", ["Trending now", "Related posts", "You may also like", "Most popular this week"])
def test_the_headlines_of_a_list_of_links_are_not_claims(tmp_path, title):
    sections = [("Hay fever", "overview", [
        "Antihistamine tablets ease sneezing and itchy eyes.",
        title,
        ("numbered", ["Rail fares to rise by 3.8% in March", "Half of all adults plan a staycation"])])]
    assert found(tmp_path, sections, {"CLM001"}) == []


def test_a_list_under_a_heading_of_its_own_is_still_read(tmp_path):
    sections = [("Key facts", "overview", [
        "The facts in brief",
        ("bullet", ["Half of all adults get hay fever at some point", "Symptoms peak in June"])])]
    assert found(tmp_path, sections, {"CLM001"}) == [("CLM001", "Half of all adults")]
