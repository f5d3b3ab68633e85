"""Who owes a byline, a reviewer, a review date and the disclaimers, read from positive
evidence of what the page is (REV001, REV003-REV006, DSC001-DSC003).

The fixtures under tests/fixtures/owed-positive/ are written for this test (every line), two
page styles or more per class, with pages that DO owe each finding beside the ones that do
not. What a medical editor asks of each was decided before medlint was run on it:

- a clinician of a medicines profession (a pharmacist, a GP) writing a page through which
  their own practice offers its care in its furniture ("Book a BP check", "Questions? Call us
  on ...", "Book an appointment") answers for it: no separate reviewer, and its dose
  sections are the practice's own instructions (no section caution asked); a pharmacist
  writing for a drug guide, or for a chain whose answer only mentions a service in passing,
  still owes a reviewer; a lay writer's magazine article owes everything;
- a care institution's handout that names no writer and prints no byline ("Harbor Point
  Community Health Center", "Northgate Infirmary  Renal Outpatients") owes no personal
  author; a clinic page with a team's byline, or a chain's article that names a clinic only
  in its foot menu, is held to its writer (REV005);
- a controlled document ("Leaflet ref", "Document no.", "Printed copies are uncontrolled")
  is judged by its own review-by date (REV004, read day-first when only that order reads
  it), not by the yearly rule on its approval date; a web page's long "Next review due"
  does not move the yearly rule (REV003);
- a plan for one patient names them with initials or a title ("Patient: J. Okoro",
  "Patient: Mrs. A. Fernandes, 64 y / F") and its record number or blank signature line:
  nothing of the consumer checks is asked;
- a Q&A community that says what it is ("a community of parents and verified health
  professionals", "Answers are the views of the people who write them") is a forum;
- a package leaflet's "last revised" date is the licence holder's, not a yearly review;
- a handout that says it is for the patients of the practice ("for patients of the
  Lakeside Foot Clinic", "for our orthodontic patients") and sends them back to their own
  clinician in its own words ("the advice of your podiatrist", "what your orthodontist has
  told you") has its section cautions (a page that sends no one anywhere is still asked:
  tests/test_disclaimers_correspondence_and_news.py);
- a reviewer printed under a bilingual label ("Reviewed by / Révisé par :", "Checked by /
  Geprüft von:") is a credentialed reviewer."""

from __future__ import annotations

import datetime as dt
import os

import pytest

from support import HERE, article_from_fixture_page, checks_and_severities, fixture_page_names

TODAY = dt.date(2026, 12, 1)
IDS = frozenset({"REV001", "REV003", "REV004", "REV005", "REV006", "DSC001", "DSC002", "DSC003"})
PAGES = os.path.join(HERE, "fixtures", "owed-positive")
W, E = "warning", "error"

EXPECTED = {
    # a clinician's own practice page
    "ke-pharmacy-own-blog": [],
    "uk-gp-surgery-page": [],
    # pages that owe
    # a lay writer's article for a publisher owes its reviewer, its disclaimers and a current date
    # (DSC003 alone: no caution at all is one defect, disclaimer ruling of 2026-12-04)
    "lay-writer-wellness-magazine": [("DSC003", E), ("REV003", W), ("REV006", W)],
    # a pharmacist writing for a drug guide, and one whose answer only mentions a booking
    "pharmd-medicine-guide-monograph": [("REV006", W)],
    "pharmacist-chain-answer-mentions-booking": [("REV006", W)],
    # a care institution's handout naming no writer
    "us-community-health-center-handout": [],
    "uk-infirmary-controlled-leaflet": [],
    # a chain's article naming a clinic only in its foot menu names no institution as its owner
    "chain-article-clinic-in-footer-menu": [("REV005", W)],
    # a clinic page with a team's byline is held to it: no named writer, no named reviewer
    # (two roles, the corpus ruling of 2026-12-04)
    "clinic-team-byline": [("REV005", W), ("REV006", W)],
    # document control
    # its review-by date (day-first) has passed: named once, as REV004
    "nz-clinic-controlled-leaflet-passed": [("REV004", W)],
    # a web page's own three-year schedule does not move the yearly rule
    "web-page-with-long-schedule": [("REV003", W)],
    # one patient's plan
    "us-anticoagulation-plan-initials": [],
    "in-prescription-plan-honorific": [],
    # a Q&A community
    "qa-community-thread": [],
    "parents-forum-thread": [],
    # a licence holder's leaflet
    "uk-pil-last-revised": [],
    "eu-pil-date-of-revision": [],
    # a handout for the practice's own patients
    # undated, and no reviewer named: still owed; no section caution, no personal author
    "foot-clinic-own-patients-sheet": [("REV001", W), ("REV006", W)],
    # a practice whose masthead names no care institution still owes its writer
    "orthodontic-own-patients-instructions": [("REV001", W), ("REV005", W), ("REV006", W)],
    # a bilingual reviewer label
    "ca-bilingual-reviewer-label": [],
    "ch-pharmacy-bilingual-checked-by": [],
}


def test_every_fixture_has_an_expectation():
    assert fixture_page_names(PAGES) == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_positive_evidence_fixture(name, tmp_path):
    got = checks_and_severities(article_from_fixture_page(PAGES, name, tmp_path), TODAY, IDS)
    assert got == EXPECTED[name]
