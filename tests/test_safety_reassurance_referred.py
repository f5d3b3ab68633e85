"""SAF004 reads a reassurance that names one medicine of a pair and refers to the other with
"they", "it", "them", "both" (checks/safety.yaml ``reassurance.anaphors``) together with the
sentences just before it in the same text or FAQ entry: "you can take ibuprofen as usual; they
are fine with warfarin". It also reads the pair set side by side ("OK alongside", "compatible
with") and told to carry on as before. Hedged sentences, questions and pairs that are not
listed stay silent. Every sentence here is written for this test, in several sites' styles (an
anticoagulation clinic handout, a US pharmacy Q&A, a UK leaflet, a chat export)."""

from __future__ import annotations

import pytest

from tests.support import findings_for


def _hits(tmp_path, text):
    return findings_for(text, "SAF004", tmp_path)


@pytest.mark.parametrize("text, pair", [
    # a UK anticoagulation clinic handout: the pronoun's medicines in the clause before
    ("Your blood thinner and other medicines\nIf your back aches you may use naproxen or ibuprofen gels and tablets; "
     "they are fine with apixaban.\n", ("apixaban",)),
    # a US pharmacy Q&A: the question names both, the answer says "them"
    ("Ask the Pharmacist\nQ: Can I take Aleve for my knee while I'm on Eliquis? "
     "A: Yes. It is safe to take them together for a week or so.\n", ("Aleve",)),
    # a chat export: the earlier sentence names the pair's first group, the next refers to it
    ("Chat transcript\nAssistant: Ibuprofen works well for period pain. It won't interact with your sertraline.\n",
     ("Ibuprofen", "sertraline")),
    # a UK leaflet's bullet with no verb before the wording
    ("Painkillers\n- Naproxen: OK alongside warfarin for short spells.\n", ("Naproxen", "warfarin")),
    # a US clinic handout: compatible with
    ("Pain relief while on blood thinners\nCelecoxib is compatible with rivaroxaban.\n", ("Celecoxib", "rivaroxaban")),
    # told to carry on as before with the other named in the same sentence
    ("Before your procedure\nYou can keep taking your ibuprofen as usual with clopidogrel.\n", ("ibuprofen", "clopidogrel")),
])
def test_a_reassurance_about_a_pair_named_across_its_sentences_is_flagged(tmp_path, text, pair):
    got = _hits(tmp_path, text)
    assert len(got) == 1
    assert all(name in got[0].message for name in pair)
    assert "bleeding" in got[0].message


def test_the_excerpt_reaches_back_over_the_clause_it_refers_to(tmp_path):
    text = ("Medicines and your anticoagulant\nFor a headache you can take ibuprofen as usual; they are fine with "
            "warfarin at normal doses.\n")
    got = _hits(tmp_path, text)
    assert len(got) == 1
    assert got[0].excerpt.startswith("For a headache you can take ibuprofen")


@pytest.mark.parametrize("text", [
    # the sentence before warns: the pronoun's reassurance is about something else
    ("Your blood thinner and other medicines\nDo not take ibuprofen or naproxen with warfarin. "
     "Paracetamol is fine with it at normal doses.\n"),
    # the reassurance is hedged
    ("Ask the Pharmacist\nQ: Can I take Aleve while I'm on Eliquis? A: They are fine together only if your doctor "
     "has said so; ask your pharmacist first.\n"),
    # a question is not advice
    ("Ask the Pharmacist\nQ: I take naproxen for my hip. Is it safe to take with warfarin?\n"),
    # a pronoun with no pair before it
    ("Medicines and your anticoagulant\nParacetamol is the usual choice for pain. It is fine with warfarin at "
     "normal doses.\n"),
    # food, not a medicine of the pair
    ("Painkillers\nTake ibuprofen after a meal. It is fine with food and milk.\n"),
    # the pair told apart, not together
    ("Painkillers\nStop ibuprofen two days before the test; you can take your warfarin as usual.\n"),
])
def test_warnings_and_other_referents_pass(tmp_path, text):
    assert _hits(tmp_path, text) == []
