"""Claims on pages in styles the seed never met: a physiotherapy blog's recovery promises, a
supplement shop's marketing and its Supplement Facts panel, a travel clinic's repellent
advice, a charity's buccal tablet, a fever leaflet's "twice as fast". Each class is tried
in more than one writer's words, with the near-misses that must stay silent. Every
sentence here is written for this test.

The articles are built as records (not imported), so the tests pin the checks and their
data, not the importer's reading of a page."""

from __future__ import annotations

import pytest

from tests.test_claims_other_writers import found


def claims(root, *paragraphs, kind="overview", select=("CLM001", "CLM002", "CLM004")):
    return found(root, [("About it", kind, list(paragraphs))], set(select))


# ------------------------------------------------------------------ recovery promises (CLM002)

@pytest.mark.parametrize("text, excerpt", [
    ("Most sprains are fully healed in two weeks if you follow the plan above.",
     "Most sprains are fully healed in two weeks"),
    ("With our programme most hamstring tears heal completely within three weeks.",
     "most hamstring tears heal completely within three weeks"),
    ("Footballers I treat are usually back training in ten days.", "are usually back training in ten days"),
    ("Do the exercises every morning and you'll be back at work within a fortnight.",
     "you'll be back at work within a fortnight"),
    ("Feel calmer from your very first dose.", "Feel calmer from your very first dose"),
    ("Customers see results in just 3 days.", "see results in just 3 days"),
])
def test_recovery_and_benefit_promises_are_outcome_timelines(tmp_path, text, excerpt):
    assert claims(tmp_path, text) == [("CLM002", excerpt)]


@pytest.mark.parametrize("text", [
    "Most fevers get better on their own within three to four days.",   # a leaflet's safety-netting
    "These symptoms are uncomfortable, and they usually settle within a week.",
    "Most colds clear up within 7 to 10 days without treatment.",
    "You can go back to work when you can walk without limping.",
    "Some people feel dizzy or sick after the first dose; it passes.",    # a side effect, not a promise
    "You may feel drowsy from the first dose, so do not drive.",
    "Attacks last from 4 hours to 3 days.",
    "You may feel better after the first week, but finish the course.",   # a leaflet's hedged onset
    "You should start to feel better from the first day of treatment.",
])
def test_natural_course_and_side_effects_are_not_promises(tmp_path, text):
    assert claims(tmp_path, text) == []


# ------------------------------------------------------------------ figures (CLM001)

@pytest.mark.parametrize("text, excerpt", [
    ("Giving paracetamol and ibuprofen together brings a fever down twice as fast.", "twice as fast"),
    ("Nicotine patches make you three times more likely to quit.", "three times more likely"),
    ("Clinically proven to improve sleep quality by 47%.", "47%"),
])
def test_multiples_and_trial_figures_are_statistics(tmp_path, text, excerpt):
    assert claims(tmp_path, text, select=("CLM001",)) == [("CLM001", excerpt)]


@pytest.mark.parametrize("text", [
    "$24.99   Subscribe & Save 15%: $21.24 every 60 days",
    "Get 20% off your first order with code CALM.",
    "Amount Per Serving: Magnesium 200 mg, 48% Daily Value",
    "Vitamin C 80 mg (100% NRV) per tablet.",
    "Zinc 10 mg, 91% DV.",
    "Use an insect repellent containing 50% DEET after dusk.",
    "Choose a mineral sunscreen with at least 20% zinc oxide.",
    "Take it twice a day with food.",
    "Do not take twice as much to make up for a missed dose.",
    "Migraine is two to three times more common in women than in men.",
])
def test_discounts_label_values_and_concentrations_are_not_statistics(tmp_path, text):
    assert claims(tmp_path, text, select=("CLM001",)) == []


def test_a_share_of_people_in_a_sentence_with_a_repellent_strength_is_still_read(tmp_path):
    text = "About 40% of travellers forget their tablets; use a spray containing 50% DEET."
    assert claims(tmp_path, text, select=("CLM001",)) == [("CLM001", "40%")]


# ------------------------------------------------------------------ superlatives and absolutes (CLM004)

@pytest.mark.parametrize("text, excerpt", [
    ("Gentle on the stomach: no laxative effect, unlike magnesium oxide.", "no laxative effect"),
    ("Our formula has no side effects, even at high doses.", "has no side effects"),
    ("It is the most absorbable form of magnesium on the market.", "the most absorbable form"),
    ("This herbal tea dissolves kidney stones naturally.", "dissolves"),
])
def test_absolute_claims_are_flagged(tmp_path, text, excerpt):
    assert claims(tmp_path, text, select=("CLM004",)) == [("CLM004", excerpt)]


@pytest.mark.parametrize("text", [
    "Prochlorperazine 3 mg to 6 mg twice a day, a tablet that dissolves between your upper lip and gum.",
    "Put the tablet on your tongue and let it dissolve; it dissolves in your mouth within a minute.",
    "Stir the powder until it dissolves in water, then drink it straight away.",
    "Most people have no side effects, and those who do find they pass in a few days.",
    "Many patients have no side effects at all.",
    "Patients who have no side effects can carry on as normal.",
    "Those who still have no side effects after a month rarely get them later.",
])
def test_dosage_forms_and_people_without_side_effects_are_not_superlatives(tmp_path, text):
    assert claims(tmp_path, text, select=("CLM004",)) == []


def test_a_superlative_made_of_the_figure_is_one_finding(tmp_path):
    text = "Malarone is 100% effective, which is why most travellers choose it."
    assert claims(tmp_path, text) == [("CLM001", "100%")]


def test_a_superlative_beside_a_separate_figure_is_its_own_finding(tmp_path):
    text = "It is the most effective weight-loss medicine ever developed, and patients lose an average of 15% of their body weight."
    assert claims(tmp_path, text) == [("CLM001", "15%"), ("CLM004", "the most effective weight-loss medicine")]


def test_a_footnote_mark_ends_a_sentence(tmp_path):
    # the claim after "energy.*" is its own sentence: a citation of the first sentence does not cover it
    text = ("Magnesium helps the body turn food into energy (NHS).* Clinically proven to improve "
            "sleep quality by 47%.")
    assert claims(tmp_path, text, select=("CLM001",)) == [("CLM001", "47%")]
