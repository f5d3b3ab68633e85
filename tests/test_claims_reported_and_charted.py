"""Claims (CLM001-CLM005) on the kinds of page the third held-out set brought: a drop chart's
strengths, a clinician's email quoting the reader's own reading, a podcast where a listener's
figure is asked about and refuted, a treatment threshold, a lozenge that dissolves, a
supplement's pharmacology, and the figures a news story or a school letter gives without a
source. Each class is written in more than one writer's style; every sentence here is written
for this test."""

from __future__ import annotations

import pytest

from medlint.engine import Options, check_article
from medlint.registry import EXAMPLE_TODAY
from support import article_from_records


def _claims(tmp_path, text, kind="overview", check="CLM001"):
    folder = article_from_records(tmp_path, {}, [{"heading": "Section", "level": 1, "kind": kind,
                                                  "blocks": [{"paragraph": p} for p in text.split("\n")]}])
    result = check_article(folder, Options(today=EXAMPLE_TODAY, select=frozenset({check})))
    assert result.error is None
    return [f for f in result.findings if f.check == check]


@pytest.mark.parametrize("text", [
    "Chloramphenicol 0.5%      1 drop 4 times a day   stop",
    "Ketorolac 0.5% (if given) 1 drop 3 times a day   1 drop 3 times a day in week 3, then stop",
    "Sodium chloride 5%  2 drops four times a day for a month",
    "Dexamethasone 0.1%: 1 drop every 2 hours for the first day",
])
def test_a_chart_rows_strength_is_no_statistic(tmp_path, text):
    assert _claims(tmp_path, text, "drug-therapy", "CLM001") == []


@pytest.mark.parametrize("text", [
    "Your oxygen reading of 97% on your home monitor is reassuring.",
    "When we spoke your oxygen level was 95%, which is fine.",
    "Your peak flow reading of 80% of your best puts you in the amber zone.",
    "In the UK, for someone whose ten-year risk is 10% or more, the starting dose is atorvastatin 20 mg.",
    "A statin is offered when your QRISK3 score is 10% or higher.",
    "But it isn't anything like nine in ten.",
    "The real figure is nowhere near 50%.",
])
def test_readings_thresholds_and_refutations_are_no_statistics(tmp_path, text):
    assert _claims(tmp_path, text, check="CLM001") == []


@pytest.mark.parametrize("text", [
    "SARAH: And Tariq asks: I read that 9 out of 10 people who stop their statin have a heart attack within five years. Is that true?",
    "My neighbour was told that 70% of people get muscle pain on statins. Is that right?",
    "I've heard that one in three people can't tolerate it. Could that be true?",
])
def test_a_figure_asked_about_is_the_questions_premise(tmp_path, text):
    assert _claims(tmp_path, text, check="CLM001") == []


@pytest.mark.parametrize("text", [
    # the same figures as the page's own claims are still flagged
    "9 out of 10 people who stop their statin have a heart attack within five years.",
    "I read that 9 out of 10 people who stop their statin have a heart attack within five years.",
    "Statins cut heart attacks by 30%. Is that worth it? Ask your GP.",
    "Oxygen therapy cut deaths by 30% in the trial.",
])
def test_the_same_figures_as_claims_are_flagged(tmp_path, text):
    assert _claims(tmp_path, text, check="CLM001")


@pytest.mark.parametrize("text, excerpt", [
    ("Asthma attacks kill three people a day in the UK, and many of those deaths could be prevented.", "kill three people a day"),
    ("Sepsis claims around 48,000 lives a year in this country.", "claims around 48,000 lives a year"),
    ("Around 1.5 million people in the UK are now using weight-loss jabs.", "1.5 million people"),
    ("An estimated 2 million adults take a statin they no longer need.", "2 million adults"),
])
def test_counts_of_deaths_and_people_are_statistics(tmp_path, text, excerpt):
    got = _claims(tmp_path, text, check="CLM001")
    assert [f.excerpt for f in got] == [excerpt]


@pytest.mark.parametrize("text", [
    "Experts estimate that most people who buy the jabs online never see a doctor.",
    "Scientists now believe that the jabs may protect the kidneys.",
])
def test_unnamed_experts_are_an_appeal_to_authority(tmp_path, text):
    assert _claims(tmp_path, text, check="CLM003")


def test_unnamed_experts_behind_a_figure_are_the_figures_claim(tmp_path):
    text = "Experts estimate that around 1.5 million people in the UK are now using weight-loss jabs."
    assert _claims(tmp_path / "a", text, check="CLM003") == []
    assert [f.excerpt for f in _claims(tmp_path / "b", text, check="CLM001")] == ["1.5 million people"]


@pytest.mark.parametrize("text", [
    "Suck a lozenge slowly, moving it from side to side, until it dissolves (about 20 to 30 minutes).",
    "Put the tablet under your tongue and keep still while it dissolves.",
    "Hold it in your cheek; when the lozenge dissolves completely you can take another if you need it.",
])
def test_a_lozenge_that_dissolves_is_no_superlative(tmp_path, text):
    assert _claims(tmp_path, text, check="CLM004") == []


def test_a_remedy_that_dissolves_the_disc_is_still_flagged(tmp_path):
    assert _claims(tmp_path, "This tea dissolves kidney stones in a week.", check="CLM004")


@pytest.mark.parametrize("text, flagged", [
    ("Creatine helps your muscles regenerate ATP during short, hard efforts.", False),
    ("Phosphocreatine lets the muscle regenerate energy between sprints.", False),
    ("Collagen peptides regenerate the cartilage of your knee.", True),
])
def test_regenerating_an_energy_molecule_is_no_tissue_claim(tmp_path, text, flagged):
    assert bool(_claims(tmp_path, text, "supplements", "CLM005")) is flagged


# -- reference numbers marked as blogs and scraped pages mark them

REFS = {"heading": "References", "level": 1, "kind": "references", "blocks": [{"style": "numbered", "list": [
    {"text": "Kreider RB, et al. Creatine supplementation in exercise. J Int Soc Sports Nutr. 2017;14:18."},
    {"text": "Grgic J, et al. Caffeine and endurance. Br J Sports Med. 2019;53:681-688."}]}]}


def _cited(tmp_path, text, refs=True):
    sections = [{"heading": "What it does", "level": 1, "kind": "supplements", "blocks": [{"paragraph": text}]}]
    folder = article_from_records(tmp_path, {}, sections + ([REFS] if refs else []))
    result = check_article(folder, Options(today=EXAMPLE_TODAY, select=frozenset({"CLM001"})))
    return [f.excerpt for f in result.findings]


@pytest.mark.parametrize("text", [
    "Supplementing tops up muscle stores by around 20–40% (1).",
    "Caffeine improves time-trial performance by 2–4% (refs 1, 2).",
    "Supplementing tops up muscle stores by around 20–40%^1",
    "Supplementing tops up muscle stores by around 20–40%.1 A loading phase is optional.",
    "Caffeine improves time-trial performance by 2–4% (see 2) in trained cyclists.",
])
def test_a_marked_number_that_resolves_cites(tmp_path, text):
    assert _cited(tmp_path, text) == []


@pytest.mark.parametrize("text, refs", [
    ("Supplementing tops up muscle stores by around 20–40% (3).", True),   # no source 3
    ("Supplementing tops up muscle stores by around 20–40% (1).", False),  # no reference list
    ("Version 2.1 of the app cut missed doses by 30%.", True),             # a decimal, not a mark
])
def test_a_number_that_resolves_to_nothing_does_not_cite(tmp_path, text, refs):
    assert _cited(tmp_path, text, refs)


# -- a news report attributes what a named expert is reported as saying

def _news(tmp_path, text, role="Health Correspondent"):
    meta = {"authors": [{"name": "Tom Reilly", "credentials": [], "role": role}]}
    folder = article_from_records(tmp_path, meta, [{"heading": "The story", "level": 1, "kind": "overview",
                                                    "blocks": [{"paragraph": text}]}])
    result = check_article(folder, Options(today=EXAMPLE_TODAY, select=frozenset({"CLM001", "CLM002", "CLM004"})))
    return [(f.check, f.excerpt) for f in result.findings]


@pytest.mark.parametrize("text", [
    '"Statins cut the risk of a second heart attack by about 30%," said Dr Jane Okafor, a cardiologist at Kelbury General.',
    "Leyla Ahmadi, a community pharmacist in Kelbury, said 1 in 5 of her customers had bought the jabs online.",
    "According to Professor Alan Reid, 1 in 5 users stop within a year.",
    "A spokesperson for the regulator said 40% of the reports came from private prescriptions.",
])
def test_a_named_expert_on_a_news_page_is_the_source(tmp_path, text):
    assert _news(tmp_path, text) == []


@pytest.mark.parametrize("text, role", [
    # the same words on a clinic's page: its own staff's figure still needs its study
    ('"Statins cut the risk of a second heart attack by about 30%," said Dr Jane Okafor, a cardiologist at Kelbury General.',
     "Practice nurse"),
    # unnamed experts, a member of the public, the reporter's own figure
    ("Experts said that 1 in 5 users stop within a year.", "Health Correspondent"),
    ('"It cured my migraines in a week," said Sarah, 34, from Leeds.', "Health Correspondent"),
    ("Users typically lose 20% of their body weight within a year.", "Health Correspondent"),
])
def test_unnamed_lay_and_unreported_figures_are_still_claims(tmp_path, text, role):
    assert _news(tmp_path, text, role)
