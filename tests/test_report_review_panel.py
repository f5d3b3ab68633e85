"""The report's review panel comes from the review checks' own rules
(medlint.checks.review.review_summary, carried in the article's info): a letter, an email,
a news story or a podcast episode is not held to an annual review cycle in the report any
more than by REV003, a forum thread or a shop's product page without a date is not asked
for one, and a health page with a stale date is still overdue. Every page here is written
for this test, in the manner of real pages of each kind, as records (not imported)."""

from __future__ import annotations

import datetime as dt

import pytest

from medlint.engine import Options, RunResult, check_article
from medlint.registry import all_checks
from medlint.render import html, markdown
from medlint.report import build_report, dumps, infos_from_run
from support import article_from_records

TODAY = dt.date(2026, 12, 1)
REV = frozenset({"REV001", "REV002", "REV003", "REV004", "REV005", "REV006"})
TEXT = {"heading": "About this medicine", "level": 1, "kind": "overview",
        "blocks": [{"paragraph": "It eases pain and brings down a temperature."}]}


def _section(heading, *blocks, kind="other"):
    return {"heading": heading, "level": 1, "kind": kind,
            "blocks": [{"chrome": b[0], "role": b[1]} if isinstance(b, tuple) else {"paragraph": b} for b in blocks]}


LETTER = ([_section(None, "12th September 2024", "Dear Parents and Carers,", "Re: Medicines in school",
                    "Please return the form enclosed with this letter."),
           _section("Questions", "If you have any questions, please ring the office.", "Yours faithfully,",
                    "Mrs J. Whitfield", "School Nurse, RGN")], {})
EMAIL = ([_section(None, "From: Harbour Clinic <care@harbour.example>", "To: Maria Lopes <maria@mail.example>",
                   "Date: Tue, 17 Nov 2024 16:42:10 +0000", "Subject: Your plan", "Dear Maria,"),
          _section("Your medicines", "Take doxycycline 100 mg once a day for 5 days.", "Best wishes,",
                   "Dr. Sunil Patel")], {})
NEWS = ([_section(None, ("By Tom Reilly, Health Correspondent", "byline"), ("Published 6 June 2024, 14:05 BST", "published"),
                  "Users of weight-loss jabs have been told to use reliable contraception.",
                  "Image caption: A pre-filled pen"),
         _section("More", "Related topics: Health | Medicines")],
        {"authors": [{"name": "Tom Reilly", "role": "Health Correspondent"}], "updated": "2024-06-06"})
PODCAST = ([_section(None, "Episode 12: Hay fever, your questions answered", "Hosted by Sarah Finch",
                     "2 October 2024 | 38 min", "Listen on: Apple Podcasts | Spotify"),
            _section("Transcript", "SARAH: So what should people take first?")],
           {"authors": [{"name": "Sarah Finch"}]})
HEALTH_STALE = ([TEXT], {"authors": [{"name": "Jo Patel"}], "updated": "2024-06-06",
                         "footer": [{"role": "updated", "text": "Last Updated: June 6, 2024."}]})
HEALTH_CURRENT = ([TEXT], {"authors": [{"name": "Jo Patel"}], "last_reviewed": "2026-09-01"})
HEALTH_UNDATED = ([TEXT], {"authors": [{"name": "Jo Patel"}]})
HEALTH_FUTURE = ([TEXT], {"authors": [{"name": "Jo Patel"}], "last_reviewed": "2027-03-01"})
FORUM = ([_section(None, "backpain_bex · 3 days ago", "Can I take both together?", kind="overview"),
          _section("Dave_T62 · 3 days ago", "I take three of them and have never had a problem."),
          _section("Terms", "Posts are the personal views of our members and are not medical advice.")], {})
SHOP_STALE = ([_section("Omega-3 1000 mg, 90 softgels", "In stock. Add to basket",
                        "Subscribe and save 10% on every delivery.")],
              {"updated": "2024-01-10", "footer": [{"role": "updated", "text": "Page updated 10 January 2024"}]})
NEWSLETTER = ([_section(None, "Orchard Surgery Patient Newsletter", "Issue 14 - January 2026", "In this issue"),
               _section("Vitamin D this winter", "Take 10 micrograms a day from October to March.")],
              {"authors": [{"name": "Karen Doyle", "role": "Practice Manager"}]})
LEAFLET = ([TEXT], {"authors": [{"name": "Jo Patel"}],
                    "footer": [{"role": "chrome", "text": "Review date: March 2028"}]})

PAGES = {"letter": LETTER, "email": EMAIL, "news": NEWS, "podcast": PODCAST, "health-stale": HEALTH_STALE,
         "health-current": HEALTH_CURRENT, "health-undated": HEALTH_UNDATED, "health-future": HEALTH_FUTURE,
         "forum": FORUM, "shop-stale": SHOP_STALE, "newsletter": NEWSLETTER, "leaflet": LEAFLET}


def _run(root, names, today=TODAY, select=REV):
    results = []
    for name in names:
        sections, meta = PAGES[name]
        folder = article_from_records(root, meta, sections, slug=name)
        result = check_article(folder, Options(today=today, select=select))
        assert result.error is None, result.error
        results.append(result)
    return RunResult(results)


def _report(run, today=TODAY):
    return build_report(infos_from_run(run), run.findings, run.waived, all_checks(), today)


def _panels(report) -> dict:
    return {a["slug"]: a["scorecard"]["review"] for a in report["articles"]}


@pytest.mark.parametrize("name", ["letter", "email", "news", "podcast"])
def test_correspondence_and_journalism_are_not_overdue_in_the_report(tmp_path, name):
    run = _run(tmp_path, [name])
    review = _panels(_report(run))[name]
    assert review["status"] == "no review cycle"
    assert review["due"] is None and review["max_age_months"] is None
    assert review["reviewed"] is not None  # the date it was written or went out
    assert "REV003" not in {f.check for f in run.findings}
    text = markdown.render(_report(run))
    assert "overdue" not in text and "status **no review cycle**" in text
    assert "overdue" not in html.render(_report(run))


def test_a_health_page_with_a_stale_date_is_still_overdue(tmp_path):
    run = _run(tmp_path, ["health-stale"])
    review = _panels(_report(run))["health-stale"]
    assert review == {"reviewed": "2024-06-06", "source": "updated", "max_age_months": 12, "due": "2025-06-06",
                      "status": "overdue", "page_kinds": []}
    assert "REV003" in {f.check for f in run.findings}
    assert "status **overdue**" in markdown.render(_report(run))
    assert "status <strong>overdue</strong>" in html.render(_report(run))


def test_the_report_and_the_review_checks_agree_on_every_kind_of_page(tmp_path):
    run = _run(tmp_path, sorted(PAGES))
    panels = _panels(_report(run))
    fired = {(f.article, f.check) for f in run.findings}
    for slug, review in panels.items():
        assert (review["status"] == "overdue") == ((slug, "REV003") in fired), (slug, review)
        assert (review["status"] == "future") == ((slug, "REV002") in fired), (slug, review)
        assert (review["status"] == "unknown") == ((slug, "REV001") in fired), (slug, review)
    assert {s: r["status"] for s, r in panels.items()} == {
        "email": "no review cycle", "forum": "not asked", "health-current": "current",
        "health-future": "future", "health-stale": "overdue", "health-undated": "unknown",
        "leaflet": "scheduled", "letter": "no review cycle", "news": "no review cycle", "newsletter": "dated",
        "podcast": "no review cycle", "shop-stale": "overdue"}
    assert panels["leaflet"]["due"] == "2028-03-31"
    assert panels["newsletter"]["reviewed"] == "2026-01-01" and panels["newsletter"]["source"] == "dateline"
    assert "correspondence" in panels["letter"]["page_kinds"] and "community" in panels["forum"]["page_kinds"]


def test_the_panel_does_not_depend_on_which_checks_run(tmp_path):
    # the engine works the panel out from the model, not from the findings of REV003
    everything = _panels(_report(_run(tmp_path / "a", sorted(PAGES))))
    none_of_review = _panels(_report(_run(tmp_path / "b", sorted(PAGES), select=frozenset({"UNT001"}))))
    assert everything == none_of_review


def test_a_review_overdue_only_by_the_day_moves_with_today(tmp_path):
    run = _run(tmp_path / "a", ["health-current"], today=dt.date(2027, 9, 1))
    assert _panels(_report(run, dt.date(2027, 9, 1)))["health-current"]["status"] == "due-soon"
    run = _run(tmp_path / "b", ["health-current"], today=dt.date(2027, 9, 2))
    assert _panels(_report(run, dt.date(2027, 9, 2)))["health-current"]["status"] == "overdue"
    assert "REV003" in {f.check for f in run.findings}


def test_the_report_of_every_kind_is_the_same_bytes_twice(tmp_path):
    first = _report(_run(tmp_path / "a", sorted(PAGES)))
    again = _report(_run(tmp_path / "a", sorted(PAGES)))
    assert dumps(first) == dumps(again)
    assert markdown.render(first) == markdown.render(again)
    assert html.render(first) == html.render(again)


def test_an_article_that_could_not_be_checked_shows_its_metadata_and_no_status():
    from medlint.report import review_info

    got = review_info({"slug": "x", "updated": "2025-01-02", "next_review": "2026-01-02"})
    assert got == {"reviewed": "2025-01-02", "source": "updated", "max_age_months": None, "due": "2026-01-02",
                   "status": None, "page_kinds": []}


@pytest.mark.parametrize("name,old,new", [
    ("review.yaml", "max_age_months: 12", "max_age_months: twelve"),      # the review panel's policy
    ("report.yaml", "max_chars: 60000", "max_chars: lots"),               # the Markdown comment's budget
])
def test_bad_check_data_for_the_report_is_one_located_line_and_no_report(tmp_path, capsys, name, old, new):
    import shutil

    from medlint import policy
    from medlint.cli import main
    from medlint.resources import checks_dir

    data = tmp_path / "checks"
    shutil.copytree(checks_dir(), data)
    text = (data / name).read_text(encoding="utf-8")
    assert old in text
    (data / name).write_text(text.replace(old, new, 1), encoding="utf-8")
    line = text[: text.index(old)].count("\n") + 1
    sections, meta = PAGES["letter"]
    article_from_records(tmp_path / "content", meta, sections, slug="letter")
    out = tmp_path / "out" / "review-report.md"
    policy.use_checks_dir(str(data))
    try:
        code = main(["report", str(tmp_path / "content"), "--no-cache", "--today", "2026-12-01", "--output", str(out)])
    finally:
        policy.use_checks_dir(None)
    err = capsys.readouterr().err
    assert code == 2, err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err, err
    assert f"{name}:{line}:" in err, err
    assert not out.exists()


def test_the_markdown_renderer_does_not_hide_a_bad_budget(tmp_path):
    import shutil

    from medlint import policy
    from medlint.errors import InputError
    from medlint.resources import checks_dir

    report = _report(_run(tmp_path / "a", ["letter"]))
    data = tmp_path / "checks"
    shutil.copytree(checks_dir(), data)
    text = (data / "report.yaml").read_text(encoding="utf-8")
    (data / "report.yaml").write_text(text.replace("max_chars: 60000", "max_chars: lots", 1), encoding="utf-8")
    policy.use_checks_dir(str(data))
    try:
        with pytest.raises(InputError, match="invalid check data"):
            markdown.render(report)
    finally:
        policy.use_checks_dir(None)
    assert markdown.render(report, max_chars=60000) == markdown.render(report)
