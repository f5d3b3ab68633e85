"""Safety findings on wordings the pages give in their own words: one NSAID at a time said
without the vocabulary's phrases (SAF002 stays quiet), a two-NSAID reassurance whose "them"
follows its wording (SAF004 fires), and a dose opened by "It is usually started at" after a
sentence that names its medicine (not the page title's NSAID). Each class in two page
styles (a medicines list, an FAQ or a Q&A column). Every sentence here is written for this test."""

from __future__ import annotations

import datetime as _dt

import pytest

from medlint.engine import Options, check_article
from support import article_from_text


def found(text, tmp_path, ids):
    result = check_article(article_from_text(text, tmp_path), Options(today=_dt.date(2026, 11, 24), select=frozenset(ids)))
    assert result.error is None
    return [(f.check, f.excerpt) for f in result.findings]


WARNED = ("NSAIDs can cause stomach ulcers and bleeding and raise the risk of heart attack and stroke. ")


@pytest.mark.parametrize("text", [
    "Pain relief\n-\nIbuprofen 400 mg three times a day with food.\nNaproxen 250 mg twice a day with food.\n"
    + WARNED + "Use only one NSAID, never the two on the same day.",
    "Pain relief\n-\nIbuprofen 400 mg three times a day with food.\nNaproxen 250 mg twice a day with food.\n"
    + WARNED + "Take just one anti-inflammatory tablet, whichever suits you.",
    "Your questions\nWhich painkiller should I use?\nIbuprofen 400 mg three times a day or naproxen 250 mg twice a day, "
    "with food. " + WARNED + "Do not take ibuprofen and naproxen on the same day; choose one.",
])
def test_one_nsaid_at_a_time_in_the_pages_own_words_satisfies_the_pair(text, tmp_path):
    assert [c for c, _ in found(text, tmp_path, {"SAF002"})] == []


def test_two_nsaids_with_no_such_words_are_still_raised(tmp_path):
    text = ("Pain relief\n-\nIbuprofen 400 mg three times a day with food.\nNaproxen 250 mg twice a day with food.\n"
            + WARNED + "Pick a time that suits you.")
    assert [c for c, _ in found(text, tmp_path, {"SAF002"})] == ["SAF002"]


@pytest.mark.parametrize("text", [
    "Common questions\nCan I have diclofenac and ibuprofen on the same day?\n"
    "Yes, it is fine to take both. Add ibuprofen 200 mg if the diclofenac is not enough.",
    "Ask the pharmacist\nMy knee is bad: can I use naproxen with my ibuprofen? "
    "There is no problem having them together for a few days.",
])
def test_a_two_nsaid_reassurance_whose_pronoun_follows_the_wording_is_raised(text, tmp_path):
    assert "SAF004" in [c for c, _ in found(text, tmp_path, {"SAF004"})]


def test_a_hedged_two_nsaid_answer_is_not_a_reassurance(tmp_path):
    text = ("Common questions\nCan I have diclofenac and ibuprofen on the same day?\n"
            "No, it is not fine to take both: use one at a time.")
    assert found(text, tmp_path, {"SAF004"}) == []


@pytest.mark.parametrize("text", [
    "Gout\nIbuprofen 400 mg three times a day with food, for up to 5 days. " + WARNED
    + "\nAfterwards your GP may suggest allopurinol to prevent flares. It is usually started at 100 mg a day.",
    "Your questions\nCan I keep taking naproxen for gout?\nNaproxen 500 mg twice a day for 3 days. " + WARNED
    + "\nBetween flares ask about febuxostat. They are usually started at 80 mg once a day.",
])
def test_a_pronoun_dose_after_a_named_medicine_is_not_the_nsaids(tmp_path, text):
    assert found(text, tmp_path, {"SAF001"}) == []


@pytest.mark.parametrize("text", [
    "Pain relief\nFor a headache you can take ibuprofen (Nurofen) or naproxen as usual; keep to the leaflet dose.",
    "Your questions\nWhich one should I buy?\nYou can take naproxen or ibuprofen as usual, with food.",
])
def test_two_nsaids_offered_as_a_choice_are_no_pair_reassurance(text, tmp_path):
    assert found(text, tmp_path, {"SAF004"}) == []


@pytest.mark.parametrize("text", [
    "What about medicines?\nAdvil (ibuprofen 200 mg): 2 tablets every 6 hours with food, no more than 6 tablets in 24 hours, "
    "for a few days. It can upset the stomach and cause ulcers, so avoid it if you have had one.",
    "Pain relief you can buy\n-\nMortrin tablets (naproxen 250 mg): 1 tablet twice a day, no more than 2 in 24 hours, for up to "
    "a week; it can cause stomach bleeding.",
])
def test_a_product_label_whose_directions_run_out_of_the_brackets_doses_the_reader(text, tmp_path):
    missing = [e for c, e in found(text, tmp_path, {"SAF001"}) if c == "SAF001"]
    assert missing, "the heart attack and stroke warning is asked of the labelled NSAID"


def test_options_described_in_brackets_still_dose_no_one(tmp_path):
    text = ("Preventing migraine\nOptions include propranolol (usually 80 mg to 160 mg a day), naproxen (250 mg twice a day "
            "around a period), topiramate and candesartan.")
    assert found(text, tmp_path, {"SAF001"}) == []
