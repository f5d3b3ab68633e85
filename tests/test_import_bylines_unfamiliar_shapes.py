"""Bylines of shapes set 8 (articles 133-144) met, in other writers' styles.

- a contributor's credit ('Article contributed by Dr A, Consultant ...', 'Content
  contributed by: B');
- a pharmacy page's 'Text: A' over 'Checked by: B', with a German-speaking degree after
  the title ('Dr. pharm.', 'Dr. med.') and a 'Stand: DD.MM.YYYY' date.
Pages written for these tests; none is in the corpus.
"""

from __future__ import annotations

import pytest

from support import names, read

BODY = "\nMost sprains settle within two weeks with rest, ice and gentle movement.\n\nWhen to see a doctor\nIf you cannot put weight on the ankle.\n"


@pytest.mark.parametrize("byline, author", [
    ("Article contributed by Dr Lim Hui Min, Associate Consultant, Department of Sports Medicine", "Dr Lim Hui Min"),
    ("Content contributed by: Priya Raman, physiotherapist", "Priya Raman"),
])
def test_a_contributors_credit_names_the_author(byline, author):
    meta, _ = read("Ankle sprains: what to do\n\n" + byline + "\nLast updated on 14 Aug 2026\n" + BODY)
    assert names(meta.get("authors")) == [author]
    assert meta["updated"] == "2026-08-14"


@pytest.mark.parametrize("writer, checker, author, reviewer", [
    ("Text: Marco Keller, pharmacist", "Checked by: Dr. med. Anna Huber", "Marco Keller", "Dr. med. Anna Huber"),
    ("Text: Sofia Meier", "Checked by: Dr. pharm. Urs Frei, FPH", "Sofia Meier", "Dr. pharm. Urs Frei"),
])
def test_a_pharmacy_pages_text_and_checked_by_lines_name_writer_and_checker(writer, checker, author, reviewer):
    meta, _ = read("Ankle sprains: what to do\n\n" + writer + "\n" + checker + "\nStand: 03.07.2026\n" + BODY)
    assert names(meta.get("authors")) == [author]
    assert names(meta.get("reviewers")) == [reviewer]
    assert meta["updated"] == "2026-07-03"


def test_text_in_the_body_with_a_colon_is_no_byline():
    meta, _ = read("Ankle sprains: what to do\n\nAnkle sprains are common.\n\nText: messages from the clinic may remind you of your appointment.\n")
    assert not meta.get("authors")
