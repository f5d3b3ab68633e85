"""CON006 (the page contradicts itself) in the words of a fever leaflet, a travel clinic and a
pharmacy page, with the near-misses that must stay silent. Every sentence here is written for
this test."""

from __future__ import annotations

import pytest

from tests.support import findings_for


def _said(tmp_path, text):
    return [f.excerpt for f in findings_for(text, "CON006", tmp_path)]


@pytest.mark.parametrize("text, said", [
    ("Can I give both?\nDo not give paracetamol and ibuprofen at the same time. Start with one.\n"
     "Fever tips\nGiving paracetamol and ibuprofen together brings a fever down twice as fast.\n",
     "Giving paracetamol and ibuprofen together"),
    ("Mixing painkillers\nNever take naproxen and ibuprofen together.\n"
     "Bad days\nOn a bad day, take naproxen with ibuprofen at the same time for extra relief.\n",
     "take naproxen with ibuprofen at the same time"),
    ("Malaria tablets\nNo tablet gives complete protection, so cover up after dusk.\n"
     "Which is best?\nMalarone is 100% effective for most trips.\n", "100% effective"),
    ("Side effects\nThe most common side effects are headache and feeling sick.\n"
     "Why we like it\nIt has no side effects, so you can take it every day.\n", "has no side effects"),
])
def test_a_saying_the_page_denies_elsewhere(tmp_path, text, said):
    assert _said(tmp_path, text) == [said]


@pytest.mark.parametrize("text", [
    # the denial alone
    "Can I give both?\nDo not give paracetamol and ibuprofen at the same time. Try the other one instead.\n",
    # together, but about another pair than the page forbids
    ("Mixing painkillers\nNever take naproxen and ibuprofen together.\n"
     "Pain plan\nTaking paracetamol and ibuprofen together is fine for adults for a few days.\n"),
    # "complete protection" denied, never claimed
    "Malaria tablets\nNo tablet gives complete protection, so cover up after dusk and use a net.\n",
    # a claim with nothing on the page against it (CLM004 and CLM001 have it)
    "Which is best?\nMalarone is 100% effective for most trips.\n",
    # people without side effects do not deny the list
    ("Side effects\nThe most common side effects are headache and feeling sick.\n"
     "After a week\nMost people have no side effects after the first week.\n"),
])
def test_no_contradiction(tmp_path, text):
    assert _said(tmp_path, text) == []
