"""Review and attribution (REV001-REV006) of correspondence and journalism: a letter or an
email is attributed by its signature and dated by its dateline, a news story by its
journalist's byline and publication date, a podcast episode by its hosts and the date it
went out; none is asked for a medical reviewer or an annual review cycle
(checks/review.yaml ``page_kind_rules``). A newsletter is dated by its issue and still
asked for its reviewer, and an article that prints a bare date in its body is asked for
its review date as any article is. Every line here is written for this test, in the
manner of real pages of each kind.

The articles are built as records (not imported), so the tests pin the checks and their
data, not the importer's reading of a page."""

from __future__ import annotations

import datetime as dt

import pytest

from medlint.engine import Options, check_article
from support import article_from_records

TODAY = dt.date(2026, 12, 1)
IDS = frozenset({"REV001", "REV002", "REV003", "REV004", "REV005", "REV006"})


def _block(block) -> dict:
    if isinstance(block, tuple):
        return {"chrome": block[0], **({"role": block[1]} if block[1] else {})}
    return {"paragraph": block}


def codes(root, sections, meta=None) -> list[str]:
    folder = article_from_records(root, meta or {}, [
        {"heading": head, "level": 1, "kind": "other", "blocks": [_block(b) for b in blocks]}
        for head, blocks in sections])
    result = check_article(folder, Options(today=TODAY, select=IDS))
    assert result.error is None, result.error
    return sorted(f.check for f in result.findings)


def letter(date_line: str | None, signature: list[str]) -> list:
    opening = ([date_line] if date_line else []) + ["Dear Parents and Carers,", "Re: Medicines in school",
                                                     "Please return the form enclosed with this letter."]
    return [(None, opening),
            ("Asthma", ["Staff will give 2 puffs of the reliever through the spacer."]),
            ("Questions", ["If you have any questions, please ring the office.", *signature])]


@pytest.mark.parametrize("date_line", ["12th September 2024", "Tuesday 3 March 2026", "March 3rd, 2026"])
def test_a_signed_dated_letter_is_asked_for_nothing_more(tmp_path, date_line):
    # a letter of 2024 is a letter of 2024: no review overdue, no reviewer
    page = letter(date_line, ["Yours faithfully,", "Mrs J. Whitfield", "School Nurse, RGN"])
    assert codes(tmp_path, page) == []


def test_an_email_signed_and_dated_in_its_header(tmp_path):
    page = [(None, ["From: Harbour Clinic <care@harbour.example>", "To: Maria Lopes <maria@mail.example>",
                    "Date: Tue, 17 Nov 2026 16:42:10 +0000", "Subject: Your plan", "Dear Maria,"]),
            ("Your medicines", ["Take doxycycline 100 mg once a day for 5 days."]),
            ("Follow-up", ["Best wishes,", "Dr. Sunil Patel", "GP, Harbour Clinic"])]
    assert codes(tmp_path, page) == []


def test_an_undated_letter_is_asked_for_its_date(tmp_path):
    page = letter(None, ["Yours sincerely,", "Dr Anna Reyes"])
    assert codes(tmp_path, page) == ["REV001"]


def test_a_letter_signed_by_a_team_names_no_writer(tmp_path):
    page = letter("12th September 2025", ["Kind regards,", "The Harbour Clinic Team"])
    assert codes(tmp_path, page) == ["REV005"]


def test_a_letter_whose_writer_the_byline_names_needs_no_signature(tmp_path):
    page = letter("12th September 2025", ["Yours faithfully,"])
    assert codes(tmp_path, page, {"authors": [{"name": "Jo Whitfield"}]}) == []


NEWS = [(None, [("By Tom Reilly, Health Correspondent", "byline"),
                ("Published 6 June 2024, 14:05 BST", "published"),
                "Users of weight-loss jabs have been told to use reliable contraception.",
                "Image caption: A pre-filled pen"]),
        ("More", ["Related topics: Health | Medicines"])]


def test_an_old_news_story_by_a_journalist_is_asked_for_no_reviewer_and_no_review(tmp_path):
    meta = {"authors": [{"name": "Tom Reilly", "role": "Health Correspondent"}], "updated": "2024-06-06"}
    assert codes(tmp_path, NEWS, meta) == []


def test_a_news_story_is_still_asked_for_its_journalist(tmp_path):
    sections = [(None, [("Published 6 June 2024, 14:05 BST", "published"),
                        "Users of weight-loss jabs have been told to use reliable contraception.",
                        "Image caption: A pre-filled pen"])]
    assert codes(tmp_path, sections, {"updated": "2024-06-06"}) == ["REV005"]


def test_a_podcast_episode_is_asked_for_no_medical_reviewer(tmp_path):
    sections = [(None, ["Episode 12: Hay fever, your questions answered", "Hosted by Sarah Finch",
                        "2 October 2026 | 38 min", "Listen on: Apple Podcasts | Spotify"]),
                ("Transcript", ["SARAH: So what should people take first?"])]
    assert codes(tmp_path, sections, {"authors": [{"name": "Sarah Finch"}]}) == []


def test_a_newsletter_is_dated_by_its_issue_and_asked_for_its_reviewer(tmp_path):
    sections = [(None, ["Orchard Surgery Patient Newsletter", "Issue 14 - January 2026", "In this issue"]),
                ("Vitamin D this winter", ["Take 10 micrograms a day from October to March."])]
    meta = {"authors": [{"name": "Karen Doyle", "role": "Practice Manager"}]}
    assert codes(tmp_path, sections, meta) == ["REV006"]


def test_an_article_that_prints_a_bare_date_is_still_held_to_its_review_cycle(tmp_path):
    # the date at its head dates the page (checks/owed.yaml datelines), but an article is
    # no letter: it is judged by the annual review cycle, not waived as correspondence
    sections = [(None, ["12th September 2025", "Hay fever is an allergy to pollen."])]
    meta = {"authors": [{"name": "Jo Bright"}], "reviewers": [{"name": "Dr Sam Lee", "credentials": ["MD"]}]}
    assert codes(tmp_path, sections, meta) == ["REV003"]


def test_an_article_signed_off_like_a_letter_is_still_asked_for_its_author(tmp_path):
    # one letter line does not make a page a letter, and its sign-off names no author
    sections = [(None, ["Hay fever is an allergy to pollen.", "Best wishes,", "Dr Sam Lee"])]
    meta = {"last_reviewed": "2026-10-01", "reviewers": [{"name": "Dr Sam Lee", "credentials": ["MD"]}]}
    assert codes(tmp_path, sections, meta) == ["REV005"]


def test_a_signature_the_importer_kept_as_footer_lines_names_the_writer(tmp_path):
    sections = [(None, ["12th September 2025", "Dear Mrs Patel,", "Re: Your appointment",
                        "Please bring your inhalers with you."])]
    meta = {"footer": [{"role": "chrome", "text": "With kind regards,"},
                       {"role": "chrome", "text": "Sister Ann Morris, Respiratory Nurse Specialist"}]}
    assert codes(tmp_path, sections, meta) == []


def test_a_letter_whose_lines_the_importer_ran_together_is_still_read(tmp_path):
    # the salutation opens the first paragraph and the name follows the sign-off's comma
    page = [(None, ["Date: 3 March 2026", "Dear Mr Okafor, thank you for coming to clinic today.",
                    "Re: your blood pressure"]),
            ("Your medicines", ["Take amlodipine 5 mg once a day."]),
            ("Next steps", ["Kind regards, Dr Anna Reyes"])]
    assert codes(tmp_path, page) == []


def test_a_team_after_the_sign_offs_comma_is_no_writer(tmp_path):
    page = [(None, ["Date: 3 March 2026", "Dear Mr Okafor,", "Re: your blood pressure"]),
            ("Next steps", ["Kind regards, The Riverside Practice Team"])]
    assert codes(tmp_path, page) == ["REV005"]
