"""What a page owes when nothing is declared, from classes of structural evidence.

The fixtures under tests/fixtures/owed-structural/ are written for this test, two page
styles per class: a messaging app's broadcast export (the iOS bracketed timestamps, the
Android dash-separated ones), an administration record (a care home's MAR printout with its
codes legend, a ward chart with its key and Morn/Lunch/Tea/Bed columns), a marketplace's
product page (ratings and a sold count with a discount, stars and "Was ... Now" with a
quantity), a hospital department's publication (a leaflet under "Pharmacy Department" with
its number, a guide "Prepared by the Department of Pharmacy"), and a clinic's social post
signed by a clinician (a dash and a tilde sign-off, the role under it). What a medical editor
asks of each was decided before medlint was run on it (tests/corpus/README.md conventions:
158, 164, 167, 157, 166, 161):

- a broadcast is attributed to the clinician who signs it and dated by its timestamps; it is
  asked for its general-information disclaimer, not a reviewer or a review cycle;
- an administration record owes no byline, reviewer, date, disclaimer or class warning;
- a marketplace listing owes no byline, reviewer or review date; its disclaimers and the
  class warnings of what it doses are asked;
- a department's publication owes no personal author or reviewer;
- a signed clinician's post is attributed to the clinician, a medical post under the name
  answers for the review, and it has no yearly review cycle."""

from __future__ import annotations

import datetime as dt
import os

import pytest
import yaml

from support import HERE, article_from_fixture_page, checks_and_severities, fixture_page_names

TODAY = dt.date(2026, 12, 1)
IDS = frozenset({"REV001", "REV003", "REV004", "REV005", "REV006", "DSC001", "DSC002", "DSC003", "DSC004", "SAF001"})
PAGES = os.path.join(HERE, "fixtures", "owed-structural")
W, E = "warning", "error"

EXPECTED = {
    "chat-ios-clinic-broadcast": [("DSC003", E)],
    "chat-android-pharmacy-broadcast": [("DSC003", E)],
    "mar-care-home-codes": [],
    "mar-ward-chart-key": [],
    # (DSC003 alone: no caution at all is one defect, disclaimer ruling of 2026-12-04)
    "marketplace-ratings-sold": [("DSC003", E), ("SAF001", W)],
    "marketplace-stars-was-now": [("DSC003", E), ("SAF001", W)],
    "dept-leaflet-pharmacy-department": [],
    "dept-guide-prepared-by": [],
    "clinic-post-dash-signed": [],
    # no date it was posted ("2h"): its date is owed
    "clinic-post-tilde-signed": [("REV001", W)],
}

AUTHORS = {
    "chat-ios-clinic-broadcast": ["Dr. Imran Baig"],
    "chat-android-pharmacy-broadcast": ["Dr. Helen Mwangi"],
    "clinic-post-dash-signed": ["Dra. Carmela Santos"],
    "clinic-post-tilde-signed": ["Dr. Marcus Lowe"],
    "dept-guide-prepared-by": [],
    "dept-leaflet-pharmacy-department": [],
}


def test_every_fixture_has_an_expectation():
    assert fixture_page_names(PAGES) == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_structural_evidence_fixture(name, tmp_path):
    got = checks_and_severities(article_from_fixture_page(PAGES, name, tmp_path), TODAY, IDS)
    assert got == EXPECTED[name]


@pytest.mark.parametrize("name", sorted(AUTHORS))
def test_the_signer_is_the_author(name, tmp_path):
    folder = article_from_fixture_page(PAGES, name, tmp_path)
    with open(os.path.join(folder, "article.yaml"), encoding="utf-8") as fh:
        meta = yaml.safe_load(fh)
    assert [p["name"] for p in meta.get("authors") or []] == AUTHORS[name]


def test_a_signed_role_is_kept_for_the_medical_post(tmp_path):
    folder = article_from_fixture_page(PAGES, "clinic-post-dash-signed", tmp_path)
    with open(os.path.join(folder, "article.yaml"), encoding="utf-8") as fh:
        author = yaml.safe_load(fh)["authors"][0]
    assert author["credentials"] == ["FPDS"] and author["role"] == "Board-certified dermatologist"


def test_one_sign_of_a_kind_leaves_the_page_owing_everything(tmp_path):
    # a pharmacy article with a cart button alone is still its editor's (three signs asked)
    text = ("Hay fever tablets compared\nBy the Corner Chemist team\n\nWhich tablet?\n"
            "Cetirizine 10 mg once a day suits most adults.\n\n[ Add to cart ]\n")
    from support import article_from_text
    got = {c for c, _ in checks_and_severities(article_from_text(text, tmp_path), TODAY, IDS)}
    assert {"REV001", "REV005"} <= got
