"""Review and attribution (REV001-REV006) on pages that print their review wording in other
ways: document-controlled leaflets of hospital trusts and clinics (a leaflet number or
reference, a version, "Date of publication", "Review date: March 2028", "Information
correct at time of publication"), health-service pages that print "Page last reviewed" with
a named clinical reviewer, and the pages that only look like them. Every line here is
written for this test.

The articles are built as records (not imported), so the tests pin the checks and their
data, not the importer's reading of a page."""

from __future__ import annotations

import pytest

from tests.test_review_other_writers import BODY, _footer, found


def _codes(root, meta, sections=(BODY,)):
    return [c for c, _ in found(root, meta, sections)]


# ------------------------------------------------------------------ "Review date" is the next review

def test_a_review_date_after_today_is_the_next_review_not_a_future_review(tmp_path):
    # the importer may read a lone "Review date: March 2028" as the last review
    meta = {"last_reviewed": "2028-03-01", "footer": _footer(("reviewed", "Review date: March 2028"),
                                                               ("chrome", "Leaflet number: RHE-045 | Version 3"))}
    assert found(tmp_path / "a", meta) == []
    for i, line in enumerate(["Date for review: 1 June 2029", "Document review date: June 2029",
                              "To be reviewed by June 2029"]):
        meta = {"last_reviewed": "2029-06-01", "footer": _footer(("reviewed", line), ("chrome", "Ref: PHA/0231 v2"))}
        assert "REV002" not in _codes(tmp_path / f"b{i}", meta), line


def test_a_review_date_before_today_is_still_read_as_written(tmp_path):
    # a past "Review date" is the page's own schedule, missed
    meta = {"last_reviewed": "2025-03-01", "footer": _footer(("reviewed", "Review date: March 2025"))}
    assert "REV003" in _codes(tmp_path / "a", meta)
    # a future "Last reviewed" is a typo, whatever the page is
    meta = {"last_reviewed": "2027-05-19", "footer": _footer(("reviewed", "Last reviewed: 19 May 2027"))}
    assert "REV002" in _codes(tmp_path / "b", meta)


def test_a_scheduled_review_ahead_is_a_dated_page(tmp_path):
    meta = {"footer": _footer(("next-review", "Review date: March 2028"))}
    assert "REV001" not in _codes(tmp_path / "a", meta)
    # a scheduled review already passed is reported as such
    meta = {"next_review": "2025-01-01", "footer": _footer(("next-review", "Next review due: 1 January 2025"))}
    assert "REV004" in _codes(tmp_path / "b", meta)


# ------------------------------------------------------------------ document control

CONTROLLED = [
    ("Leaflet number: RHE-045", "Date of publication: March 2026"),
    ("Reference: DERM/PIL/112 | Version 2.1", "Published: 12 January 2026"),
    ("PIL code ACC-09", "Issue date: 4 May 2026"),
    ("Version 4", "Information correct at time of publication"),
    ("Patient information leaflet no. 318", "Produced: June 2026"),
]


@pytest.mark.parametrize("lines", CONTROLLED)
def test_a_document_controlled_leaflet_that_names_no_one_is_the_organisations(tmp_path, lines):
    control, dated = lines
    meta = {"updated": "2026-06-01", "footer": _footer(("chrome", control), ("updated", dated))}
    codes = _codes(tmp_path, meta)
    assert "REV005" not in codes and "REV006" not in codes, lines


def test_document_control_in_the_body_counts_too(tmp_path):
    body = {"heading": "Contact us", "level": 1, "kind": "other",
            "blocks": [{"paragraph": "Pharmacy helpline 01632 960 321."},
                       {"chrome": "Leaflet ref. PH/118, version 3"}]}
    meta = {"updated": "2026-06-01", "footer": _footer(("updated", "Published: 1 June 2026"))}
    assert found(tmp_path, meta, [BODY, body]) == []


def test_without_a_date_or_with_a_name_document_control_is_not_attribution(tmp_path):
    # document control with no date at all
    meta = {"footer": _footer(("chrome", "Leaflet number: RHE-045"))}
    assert _codes(tmp_path / "a", meta) == ["REV001", "REV005", "REV006"]
    # a page that names its writer answers for itself
    meta = {"authors": [{"name": "Jo Patel"}], "updated": "2026-06-01",
            "footer": _footer(("chrome", "Version 3"), ("updated", "Published: 1 June 2026"))}
    assert _codes(tmp_path / "b", meta) == ["REV006"]


def test_look_alike_lines_are_not_document_control(tmp_path):
    for i, line in enumerate(["Download the new version of our app", "Discount code: SPRING10 for 10% off",
                              "Our information is written by people who care"]):
        meta = {"updated": "2026-06-01", "footer": _footer(("chrome", line), ("updated", "Updated 1 June 2026"))}
        assert _codes(tmp_path / str(i), meta) == ["REV005", "REV006"], line


# ------------------------------------------------------------------ the organisation's review line

def test_a_page_last_reviewed_line_with_a_credentialed_reviewer_needs_no_author(tmp_path):
    reviewer = [{"name": "Dr. Imogen Hart", "credentials": ["FRCP"]}]
    for i, line in enumerate(["Page last reviewed: 14 September 2026 | Reviewed by Dr. Imogen Hart, FRCP",
                              "Content last reviewed 14/09/2026 by Dr. Imogen Hart, FRCP",
                              "This page was reviewed on 14 September 2026 by Dr. Imogen Hart, FRCP"]):
        meta = {"reviewers": reviewer, "last_reviewed": "2026-09-14", "header": _footer(("byline", line))}
        assert found(tmp_path / str(i), meta) == [], line
    # the same line without credentials is no reviewer, and a byline is no organisation's line
    meta = {"reviewers": [{"name": "Imogen Hart"}], "last_reviewed": "2026-09-14",
            "header": _footer(("byline", "Page last reviewed: 14 September 2026 | Reviewed by Imogen Hart"))}
    assert _codes(tmp_path / "x", meta) == ["REV005", "REV006"]
    meta = {"reviewers": reviewer, "last_reviewed": "2026-09-14",
            "header": _footer(("byline", "Reviewed by Dr. Imogen Hart, FRCP on 14 September 2026"))}
    assert _codes(tmp_path / "y", meta) == ["REV005"]


def test_a_hospital_patient_form_is_the_organisations_document(tmp_path):
    for i, line in enumerate(["Form ORTH-114 · Revised 03/14/2023 · Patient Education Committee",
                              "Form PI2031 · Revised 2025-01-09",
                              "Approved by the Patient Information Group · Revised 9 January 2025"]):
        meta = {"updated": "2025-01-09", "footer": _footer(("updated", line))}
        codes = _codes(tmp_path / str(i), meta)
        assert "REV005" not in codes and "REV006" not in codes, line
    # a page that only talks about forms is asked
    meta = {"updated": "2025-01-09", "footer": _footer(("updated", "Updated 9 January 2025: fill in form 20 first"))}
    assert "REV005" in _codes(tmp_path / "x", meta)


def _section(text):
    return {"heading": "About this chart", "level": 1, "kind": "overview", "blocks": [{"paragraph": text}]}


def test_a_practices_handout_for_its_own_patients_with_a_named_reviewer_needs_no_author(tmp_path):
    reviewer = [{"name": "Maria Lopez", "credentials": ["MD", "FAAP"]}]
    for i, text in enumerate(["This chart is for our patients and their families.",
                              "These instructions are written for our own patients after a visit.",
                              "This sheet is for patients of the Lakeside Clinic only."]):
        meta = {"reviewers": reviewer, "last_reviewed": "2026-06-01"}
        assert "REV005" not in _codes(tmp_path / str(i), meta, [_section(text)]), text
    # without a credentialed reviewer, or on a page for everyone, the author is asked
    meta = {"reviewers": [{"name": "Maria Lopez"}], "last_reviewed": "2026-06-01"}
    assert "REV005" in _codes(tmp_path / "a", meta, [_section("This chart is for our patients.")])
    meta = {"reviewers": reviewer, "last_reviewed": "2026-06-01"}
    assert "REV005" in _codes(tmp_path / "b", meta, [_section("Our patients often ask about hay fever.")])
