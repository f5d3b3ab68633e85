"""Review and attribution (REV003, REV005, REV006) as other publishers print them: a
health-service page under its own review cycle that names no one, a package leaflet or
a Drug Facts label, a clinic leaflet prepared by its pharmacy team and signed off by a
named consultant, and a "Last updated" line kept among a page's widgets. Every line here
is written for this test.

The articles are built as records (not imported), so the tests pin the checks and their
data, not the importer's reading of a page."""

from __future__ import annotations

import datetime as dt

from medlint.engine import Options, check_article
from support import article_from_records

TODAY = dt.date(2026, 12, 1)
IDS = frozenset({"REV001", "REV002", "REV003", "REV004", "REV005", "REV006"})
BODY = {"heading": "About this medicine", "level": 1, "kind": "overview",
        "blocks": [{"paragraph": "It eases pain and brings down a temperature."}]}


def found(root, meta: dict, sections=(BODY,)) -> list[tuple[str, str]]:
    result = check_article(article_from_records(root, meta, sections), Options(today=TODAY, select=IDS))
    assert result.error is None, result.error
    return sorted((f.check, f.excerpt) for f in result.findings)


def _footer(*lines):
    return [{"role": role, "text": text} for role, text in lines]


# ------------------------------------------------------------------ an organisation's review cycle

def test_a_page_under_its_organisations_review_cycle_is_not_asked_for_names(tmp_path):
    meta = {"last_reviewed": "2026-08-04", "next_review": "2029-08-04",
            "footer": _footer(("reviewed", "Page last reviewed: 4 August 2026"),
                              ("next-review", "Next review due: 4 August 2029"))}
    assert found(tmp_path / "a", meta) == []
    # its review date is still held to the site's limit
    meta = {"last_reviewed": "2024-03-12", "next_review": "2027-03-12",
            "footer": _footer(("reviewed", "Page last reviewed: 12 March 2024"),
                              ("next-review", "Next review due: 12 March 2027"))}
    assert found(tmp_path / "b", meta) == [("REV003", "12 March 2024")]


def test_without_the_next_review_or_with_a_name_the_names_are_asked(tmp_path):
    # a date alone is no review cycle
    meta = {"last_reviewed": "2026-08-04", "footer": _footer(("reviewed", "Last reviewed: 4 August 2026"))}
    assert [c for c, _ in found(tmp_path / "a", meta)] == ["REV005", "REV006"]
    # a page that names a reviewer answers for itself: it needs its author too
    meta = {"reviewers": [{"name": "Dr Helen Marsh", "credentials": ["MRCGP"]}], "last_reviewed": "2026-03-03",
            "next_review": "2029-03-03", "header": _footer(("byline", "Reviewed by Dr Helen Marsh, MRCGP"))}
    assert [c for c, _ in found(tmp_path / "b", meta)] == ["REV005"]


# ------------------------------------------------------------------ regulated leaflets and labels

def test_package_leaflets_and_drug_facts_labels_name_no_writer(tmp_path):
    leaflet = {"heading": "Package leaflet: Information for the user", "level": 1, "kind": "other",
               "blocks": [{"paragraph": "Read all of this leaflet carefully before you start taking this medicine."}]}
    meta = {"last_reviewed": "2026-06-01", "footer": _footer(("reviewed", "This leaflet was last revised in June 2026."))}
    assert found(tmp_path / "a", meta, [leaflet, BODY]) == []
    label = {"heading": "Drug Facts", "level": 1, "kind": "other",
             "blocks": [{"paragraph": "Active ingredient (in each caplet): Acetaminophen 500 mg"}]}
    assert found(tmp_path / "b", {}, [label]) == [("REV001", "Example")]
    # a page that only talks about a leaflet is asked as any other
    talk = {"heading": "Reading the label", "level": 1, "kind": "overview",
            "blocks": [{"paragraph": "The pack tells you the strength and the most you can take."}]}
    assert [c for c, _ in found(tmp_path / "c", {"updated": "2026-10-01"}, [talk])] == ["REV005", "REV006"]


# ------------------------------------------------------------------ a team as the writer

def test_a_clinical_team_with_a_named_credentialed_reviewer_is_attributed(tmp_path):
    for i, line in enumerate([
            "Prepared by the Bone Health Clinic pharmacy team. Reviewed by Dr. Aisha Rahman, FRCP.",
            "Written by the Northfield Orthopaedic Department | Reviewed by Dr. Aisha Rahman, FRCP",
            "By the Respiratory Nursing Team · Clinical review: Dr. Aisha Rahman, FRCP"]):
        meta = {"reviewers": [{"name": "Dr. Aisha Rahman", "credentials": ["FRCP"]}],
                "last_reviewed": "2026-11-03", "header": _footer(("byline", line))}
        assert found(tmp_path / str(i), meta) == [], line


def test_a_sites_own_team_is_no_author_even_with_a_credentialed_reviewer(tmp_path):
    meta = {"authors": [{"name": "Team Rxharun", "credentials": []}],
            "reviewers": [{"name": "Dr. Sam Lee", "credentials": ["MD"]}], "updated": "2026-06-02",
            "footer": _footer(("byline", "The article is written by Team Rxharun and reviewed by Dr. Sam Lee, MD"))}
    assert found(tmp_path / "a", meta) == [("REV005", "Team Rxharun")]
    meta = {"reviewers": [{"name": "Dr. Sam Lee", "credentials": ["MD"]}], "updated": "2026-06-02",
            "header": _footer(("byline", "By the Wellness Team · Reviewed by Dr. Sam Lee, MD"))}
    assert [c for c, _ in found(tmp_path / "b", meta)] == ["REV005"]


def test_a_team_without_a_named_credentialed_reviewer_is_no_author(tmp_path):
    meta = {"updated": "2026-01-15", "header": _footer(("updated", "By the Wellness Team at VitaPath | "
                                                                   "Last updated: January 15, 2026"))}
    assert [c for c, _ in found(tmp_path / "a", meta)] == ["REV005", "REV006"]
    meta = {"authors": [{"name": "Team Rxharun", "credentials": []}],
            "reviewers": [{"name": "Rx Editorial Board Members", "credentials": []}], "updated": "2026-06-02",
            "footer": _footer(("byline", "The article is written by Team Rxharun and reviewed by the Rx "
                                         "Editorial Board Members"))}
    assert found(tmp_path / "b", meta) == [("REV005", "Team Rxharun"), ("REV006", "Rx Editorial Board Members")]
    # a named reviewer with no one said to have written it
    meta = {"reviewers": [{"name": "Dr. Nikhil Rao", "credentials": ["MD"]}], "last_reviewed": "2026-11-02",
            "header": _footer(("byline", "Reviewed by Dr. Nikhil Rao, MD · Last reviewed November 2, 2026"))}
    assert [c for c, _ in found(tmp_path / "c", meta)] == ["REV005"]


# ------------------------------------------------------------------ where the date is printed

def test_a_date_printed_among_the_widgets_is_where_the_finding_points(tmp_path):
    widgets = {"heading": None, "level": 1, "kind": "overview",
               "blocks": [{"chrome": "Article Review Status"}, {"chrome": "Approved"},
                          {"chrome": "Last updated: April 8, 2025", "role": "updated"},
                          {"chrome": "Personalize"}]}
    meta = {"authors": [{"name": "Jo Patel"}], "reviewers": [{"name": "Dr. Sam Lee", "credentials": ["MD"]}],
            "updated": "2025-04-08"}
    assert found(tmp_path / "a", meta, [widgets, BODY]) == [("REV003", "April 8, 2025")]
    # with no printed line the article.yaml key is quoted
    assert found(tmp_path / "b", meta, [BODY]) == [("REV003", "2025-04-08")]
