"""Review and attribution (REV001-REV006) on pages of other kinds and other writers: a
reviewer whose credential is printed in words, a team that writes a page under a named
clinician or a department under its leaflet's document control, a next review printed as
a month, a forum thread and a shop's product page. Every line here is written for this
test, in the manner of real pages of each kind.

The articles are built as records (not imported), so the tests pin the checks and their
data, not the importer's reading of a page."""

from __future__ import annotations

import datetime as dt

import pytest

from medlint.engine import Options, check_article
from support import article_from_records

TODAY = dt.date(2026, 12, 1)
IDS = frozenset({"REV001", "REV002", "REV003", "REV004", "REV005", "REV006"})
BODY = {"heading": "About this medicine", "level": 1, "kind": "overview",
        "blocks": [{"paragraph": "It eases pain and brings down a temperature."}]}


def found(root, meta: dict, sections=(BODY,), today=TODAY) -> list[tuple[str, str]]:
    result = check_article(article_from_records(root, meta, sections), Options(today=today, select=IDS))
    assert result.error is None, result.error
    return sorted((f.check, f.excerpt) for f in result.findings)


def codes(root, meta: dict, sections=(BODY,), today=TODAY) -> list[str]:
    return [c for c, _ in found(root, meta, sections, today)]


def lines(*pairs):
    return [{"role": role, "text": text} for role, text in pairs]


def section(heading, *paragraphs, kind="other", level=1):
    return {"heading": heading, "level": level, "kind": kind, "blocks": [{"paragraph": p} for p in paragraphs]}


# ------------------------------------------------------------------ credentials in words

@pytest.mark.parametrize("role", [
    "consultant neurologist",                 # a charity page's reviewer
    "Consultant in Pain Medicine",            # an NHS pain service's sign-off
    "FRCA, Consultant Anaesthetist",          # letters the importer did not know, and the post
    "Specialist Pharmacist, Rheumatology",
    "GP partner",
    "Clinical Nurse Specialist",
    "registered dietitian",
    "paediatrician",
    "FRCEM",                                  # a Royal College's letters the importer lacks
    "MRCPsych",
])
def test_a_reviewer_whose_credential_is_printed_in_words_is_credentialed(tmp_path, role):
    meta = {"authors": [{"name": "Sam Okafor"}], "reviewers": [{"name": "Dr Alison Kerr", "role": role}],
            "last_reviewed": "2026-10-01"}
    assert codes(tmp_path, meta) == []


@pytest.mark.parametrize("role", ["patient information officer", "wellness coach", "reflexologist",
                                  "nutrition consultant", "founder and editor", "FAQ editor", ""])
def test_a_role_that_names_no_regulated_profession_is_no_credential(tmp_path, role):
    meta = {"authors": [{"name": "Sam Okafor"}], "reviewers": [{"name": "Dr Alison Kerr", "role": role}],
            "last_reviewed": "2026-10-01"}
    assert codes(tmp_path, meta) == ["REV006"]


def test_a_title_alone_or_a_team_with_a_role_is_no_credentialed_reviewer(tmp_path):
    meta = {"authors": [{"name": "Sam Okafor"}], "reviewers": [{"name": "Dr Sam Lee"}], "last_reviewed": "2026-10-01"}
    assert codes(tmp_path / "a", meta) == ["REV006"]
    meta = {"authors": [{"name": "Sam Okafor"}], "last_reviewed": "2026-10-01",
            "reviewers": [{"name": "Pharmacy Editorial Board", "role": "pharmacists"}]}
    assert codes(tmp_path / "b", meta) == ["REV006"]


# ------------------------------------------------------------------ teams that write the page

@pytest.mark.parametrize("team,byline", [
    ("Health Information Team", "Written by the Health Information Team | Medically reviewed by Marc Tremblay, RPh"),
    ("Information and Support Team", "Written by our Information and Support Team. Reviewed by Dr Alison Kerr, consultant neurologist."),
    ("Patient Information Service", "Produced by the Patient Information Service; checked by Dr Alison Kerr"),
    ("Pre-operative Assessment Pharmacy Team", "Prepared by the Pre-operative Assessment Pharmacy Team."),
    # the team under its charity's or trust's own name
    ("the Brightwell Trust information team", "Written by the Brightwell Trust information team. Medically reviewed by Dr Alison Kerr."),
    ("our information team", "Produced by our information team and checked by Dr Alison Kerr"),
    ("the LupusLink Information Service", "Prepared by the LupusLink Information Service | Reviewed by Dr Alison Kerr"),
])
def test_an_information_or_clinical_team_with_a_credentialed_reviewer_is_the_author(tmp_path, team, byline):
    meta = {"authors": [{"name": team}], "reviewers": [{"name": "Dr Alison Kerr", "role": "consultant neurologist"}],
            "last_reviewed": "2026-10-01", "header": lines(("byline", byline))}
    assert codes(tmp_path, meta) == []


def test_a_sites_own_team_is_still_no_author(tmp_path):
    for i, team in enumerate(["Team Rxharun", "the Wellness Team", "Editorial Team", "Content Marketing Team"]):
        meta = {"authors": [{"name": team}], "reviewers": [{"name": "Dr. Sam Lee", "credentials": ["MD"]}],
                "last_reviewed": "2026-10-01"}
        assert codes(tmp_path / str(i), meta) == ["REV005"], team
    # an information team with no credentialed reviewer is no author either
    meta = {"authors": [{"name": "Health Information Team"}], "last_reviewed": "2026-10-01"}
    assert codes(tmp_path / "x", meta) == ["REV005", "REV006"]


def test_a_department_named_as_the_writer_of_a_controlled_leaflet_is_the_organisation(tmp_path):
    # a children's hospital leaflet: the department writes it under the trust's document control
    meta = {"authors": [{"name": "Children's Emergency Department"}], "updated": "2026-04-01",
            "next_review": "2028-04-01",
            "header": lines(("byline", "Children's Emergency Department"),
                            ("next-review", "Leaflet reference: CED-017  Version 4  Published: April 2026  "
                                            "Review due: April 2028"))}
    assert codes(tmp_path / "a", meta) == []
    # the same department on a page with no document control and no review cycle is asked
    meta = {"authors": [{"name": "Children's Emergency Department"}], "updated": "2026-04-01",
            "header": lines(("byline", "Children's Emergency Department"))}
    assert codes(tmp_path / "b", meta) == ["REV005", "REV006"]
    # a page that names a person answers for itself
    meta = {"authors": [{"name": "Jo Patel"}], "updated": "2026-04-01", "next_review": "2028-04-01",
            "header": lines(("updated", "Leaflet reference: CED-017  Version 4  Published: April 2026"))}
    assert codes(tmp_path / "c", meta) == ["REV006"]


# ------------------------------------------------------------------ a next review printed as a month

def test_a_next_review_printed_as_a_month_is_due_by_its_last_day(tmp_path):
    meta = {"authors": [{"name": "Jo Patel"}], "reviewers": [{"name": "Dr Ann Lee", "credentials": ["MRCGP"]}],
            "last_reviewed": "2025-12-01", "header": lines(("reviewed", "Last reviewed: December 2025 | Next review: March 2026"))}
    assert found(tmp_path / "a", meta) == [("REV004", "March 2026")]
    # due within its month: not overdue on the month's last day, overdue the day after
    meta["header"] = lines(("reviewed", "Last reviewed: December 2025 | Next review: November 2026"))
    assert codes(tmp_path / "b", meta, today=dt.date(2026, 11, 30)) == []
    assert codes(tmp_path / "c", meta, today=dt.date(2026, 12, 1)) == ["REV004"]
    # a full date is due on the day
    meta["header"] = lines(("reviewed", "Last reviewed: 1 December 2025 | Next review due: 30 November 2026"))
    assert codes(tmp_path / "d", meta, today=dt.date(2026, 11, 30)) == []
    assert codes(tmp_path / "e", meta, today=dt.date(2026, 12, 1)) == ["REV004"]


# ------------------------------------------------------------------ a forum thread

POSTS = [
    section(None, "backpain_bex · 3 days ago", "Can I take both together?", kind="overview"),
    section("Dave_T62 · 3 days ago", "I take three of them every four hours and I have never had a problem."),
    section("Pharmacist_Amira · Verified pharmacist (MPharm, GPhC registered) · 2 days ago",
            "Please stick to what your GP prescribed."),
]


def test_a_forum_thread_is_not_asked_for_a_byline_or_a_review_date(tmp_path):
    terms = section("Reply   Like (1)", "Posts are the personal views of our members and are not medical advice.")
    assert codes(tmp_path / "a", {}, POSTS + [terms]) == []
    # told by its posts' headers alone
    assert codes(tmp_path / "b", {}, POSTS) == []
    # or by its terms alone, in another forum's words
    other = section("Terms", "Views expressed in this forum are those of individual members and not of the charity.")
    assert codes(tmp_path / "c", {}, [BODY, other]) == []


def test_a_discussion_site_in_another_style_is_a_forum(tmp_path):
    posts = [section(None, "Posted by u/knee_pain 5 hours ago", "Does glucosamine do anything?", kind="overview"),
             section("u/sore_back_sam · 3 days ago", "Nothing for me after three months.")]
    assert codes(tmp_path, {}, posts) == []


def test_an_article_that_mentions_members_or_one_post_stamp_is_no_forum(tmp_path):
    texts = [section("Our community", "Our members often ask about painkillers; here is what our pharmacist says."),
             section("Comments", "jo_smith · 2 days ago"),
             section("Latest", "Jane Roe · Updated 3 days ago"),
             section("Join us", "Read our community guidelines before you post.")]
    assert codes(tmp_path, {}, texts) == ["REV001", "REV005", "REV006"]


# ------------------------------------------------------------------ a shop's product page

def test_a_shops_product_page_is_not_asked_for_a_byline_or_a_review_date(tmp_path):
    meta = {"preamble": lines(("chrome", "VitaHaven  |  Shop All  |  Deals  |  Cart (0)"))}
    listing = [section("Overview", "Quantity: 1   Add to Cart", "Gentle magnesium for a calm evening."),
               section("Directions", "Adults: take 2 capsules daily with food.", kind="supplements")]
    assert codes(tmp_path / "a", meta, listing) == []
    # a shop in another's words: basket and stock
    listing = [section("Omega-3 1000 mg, 90 softgels", "In stock. Add to basket",
                       "Subscribe and save 10% on every delivery.")]
    assert codes(tmp_path / "b", {}, listing) == []
    # a printed date is still checked
    meta = {"updated": "2024-01-10", "footer": lines(("updated", "Page updated 10 January 2024"))}
    assert codes(tmp_path / "c", meta, listing) == ["REV003"]


def test_one_shop_word_on_an_article_is_no_product_page(tmp_path):
    texts = [section("Buying it", "Ask for it at the counter; most pharmacies have it in stock.")]
    assert codes(tmp_path, {}, texts) == ["REV001", "REV005", "REV006"]


# ------------------------------------------------------------------ where a missing person is flagged

def test_a_missing_reviewer_is_not_flagged_at_the_authors_byline(tmp_path):
    meta = {"authors": [{"name": "Callum Reid", "credentials": ["MCSP"]}], "updated": "2026-09-14",
            "header": lines(("byline", "Posted by Callum Reid, Chartered Physiotherapist (MCSP) on 14 September 2026"))}
    assert found(tmp_path / "a", meta) == [("REV006", "Example")]
    # a byline naming only a team is where the author is missing
    meta = {"updated": "2026-01-15", "header": lines(("byline", "By the Wellness Team at VitaPath"))}
    assert found(tmp_path / "b", meta) == [("REV005", "By the Wellness Team at VitaPath"),
                                           ("REV006", "By the Wellness Team at VitaPath")]


# ------------------------------------------------------------------ a committee's approval

def test_a_controlled_leaflet_approved_by_its_clinical_committee_is_reviewed(tmp_path):
    author = [{"name": "Sarah Jones", "role": "Lead Anticoagulation Pharmacist"}]
    header = lines(("byline", "Author: Sarah Jones, Lead Anticoagulation Pharmacist"),
                   ("byline", "Approved by: Drugs and Therapeutics Committee"),
                   ("updated", "Date of issue: May 2026   Review date: May 2028   Leaflet no: PH-221"))
    meta = {"authors": author, "reviewers": [{"name": "Drugs and Therapeutics Committee"}],
            "updated": "2026-05-01", "header": header}
    assert codes(tmp_path / "a", meta) == []
    # without document control the committee is a team, no reviewer
    meta = {"authors": author, "reviewers": [{"name": "Drugs and Therapeutics Committee"}], "updated": "2026-05-01",
            "header": lines(("byline", "Approved by: Drugs and Therapeutics Committee"))}
    assert codes(tmp_path / "b", meta) == ["REV006"]
    # a site's editorial board on a versioned page is no clinical committee
    meta = {"authors": author, "reviewers": [{"name": "Editorial Board"}], "updated": "2026-05-01",
            "header": lines(("byline", "Reviewed by our Editorial Board"), ("updated", "Version 3, published 1 May 2026"))}
    assert codes(tmp_path / "c", meta) == ["REV006"]


# ------------------------------------------------------------------ numeric dates on the page's lines

def test_a_numeric_next_review_is_read_in_the_pages_own_order(tmp_path):
    reviewer = [{"name": "Dr Hamish Ross", "role": "Consultant Nephrologist"}]
    meta = {"authors": [{"name": "Jo Patel"}], "reviewers": reviewer, "updated": "2026-03-14",
            "header": lines(("published", "Published: 14/03/2026 | Next review date: 10/03/2026"))}
    # 14/03 reads only day first, so 10/03/2026 is 10 March: passed
    assert found(tmp_path / "a", meta) == [("REV004", "10/03/2026")]
    meta["header"] = lines(("published", "Published: 03/14/2026 | Next review date: 03/10/2027"))
    meta["updated"] = "2026-03-14"
    assert found(tmp_path / "b", meta) == []
    # a page whose numeric dates all read both ways gives no order: its next review is not guessed
    meta["header"] = lines(("published", "Published: 03/04/2026 | Next review date: 03/04/2026"))
    meta["updated"] = "2026-04-03"
    assert found(tmp_path / "c", meta) == []


def test_a_review_date_is_flagged_where_the_page_prints_it(tmp_path):
    meta = {"authors": [{"name": "Jo Patel"}], "reviewers": [{"name": "Dr Ann Lee", "credentials": ["MRCGP"]}]}
    for i, (line, value, shown) in enumerate([("Last reviewed: 06/2025", "2025-06-01", "06/2025"),
                                              ("This leaflet was revised in March 2023", "2023-03-01", "March 2023"),
                                              ("Published: 14/03/2023", "2023-03-14", "14/03/2023")]):
        record = {**meta, "updated": value, "footer": lines(("updated", line))}
        assert found(tmp_path / str(i), record) == [("REV003", shown)], line
