"""A page that declares no kind, matches no source profile, shows no kind's evidence and
prints no byline is ``unsigned`` (checks/owed.yaml): a page of a publisher medlint does not
know. It is judged by what it shows (a stale printed date, the general-information
disclaimer of a page that doses, the class warnings beside what it doses), not by a
publisher's own policy (a named writer and reviewer, a review date, a caution under each
section, a "see a doctor immediately" section). Declared editorial, or signed, it owes
everything again.

Every page here is written for this test, in two styles: a US community hospital's web
handout and a UK high-street pharmacy's advice page."""

from __future__ import annotations

import datetime as dt

import pytest

from medlint.engine import Options, check_article
from medlint.importer import import_file

pytestmark = pytest.mark.unsigned_pages

TODAY = dt.date(2026, 12, 1)
POLICY = frozenset({"REV001", "REV005", "REV006", "DSC001", "DSC002", "DSC004"})
SHOWN = frozenset({"REV003", "DSC003", "SAF001"})

HOSPITAL = """Caring for a Sprained Ankle at Home

Rest and ice
Keep the ankle raised on a pillow for the first two days and put ice wrapped in a towel on it for
15 minutes every 2 to 3 hours while you are awake.

Medicines for pain
Take ibuprofen 400 mg every 8 hours with food if you need it for pain.

When to call
If you cannot put any weight on the foot after three days, call the clinic that saw you.
"""

PHARMACY = """Hay fever: getting through the pollen season

Last reviewed: 3 March 2023

Tablets
Cetirizine 10 mg once a day is enough for most adults. Naproxen 250 mg twice a day eases the
sinus pain some people get, taken with food.

Sprays
A steroid nasal spray works best used every day from the start of the season.
"""


def _import(tmp_path, text, name, **kw):
    path = tmp_path / f"{name}.txt"
    path.write_text(text, encoding="utf-8")
    return import_file(str(path), out_dir=str(tmp_path / name), **kw)


def _ids(folder) -> set[str]:
    result = check_article(folder, Options(today=TODAY, select=POLICY | SHOWN))
    assert result.error is None
    return {f.check for f in result.findings}


@pytest.mark.parametrize("text", [HOSPITAL, PHARMACY])
def test_an_unsigned_page_is_not_asked_for_a_publishers_own_policy(tmp_path, text):
    ids = _ids(_import(tmp_path, text, "page"))
    assert not ids & POLICY
    assert {"DSC003", "SAF001"} <= ids  # what it shows: it doses, with no disclaimer and no NSAID warning


def test_a_stale_date_an_unsigned_page_prints_is_still_judged(tmp_path):
    assert "REV003" in _ids(_import(tmp_path, PHARMACY, "page"))


@pytest.mark.parametrize("text", [HOSPITAL, PHARMACY])
def test_declared_editorial_an_unsigned_page_owes_everything(tmp_path, text):
    ids = _ids(_import(tmp_path, text, "page", page_kind="editorial"))
    assert {"REV005", "REV006"} <= ids


@pytest.mark.parametrize("text, byline", [
    (HOSPITAL, "By Jenna Moore, health writer"),
    (PHARMACY, "Written by Tom Ashby"),
])
def test_a_page_signed_by_a_lay_writer_still_owes_its_reviewer(tmp_path, text, byline):
    title, rest = text.split("\n", 1)
    ids = _ids(_import(tmp_path, f"{title}\n{byline}\n{rest}", "page"))
    assert "REV006" in ids
