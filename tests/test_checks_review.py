"""Review and attribution checks (REV001-REV006) and review_status()."""

import datetime as dt
import os

import pytest

from medlint import policy
from medlint.checks.review import add_months, review_status
from medlint.engine import Options, check_article
from support import article_from_text, seed_folder, findings_for

HERE = os.path.dirname(os.path.abspath(__file__))
SEED = os.path.join(HERE, "data", "articles", "lumbar-disc-sequestration-l3-l4.txt")
FIXTURES = os.path.join(HERE, "fixtures", "articles")
IDS = frozenset({"REV001", "REV002", "REV003", "REV004", "REV005", "REV006"})
OVERVIEW = "Overview\nSciatica is pain along the sciatic nerve.\n"
DATA = {"max_age_months": 12, "max_age_by_kind": {"investigational": 6}, "due_soon_days": 30, "team_names": []}


def _run(folder, today):
    result = check_article(folder, Options(today=today, select=IDS))
    assert result.error is None, result.error
    return result.findings


@pytest.fixture(scope="module", name="seed_folder")
def seed_records(tmp_path_factory):
    return seed_folder(tmp_path_factory.mktemp("seed"))


def test_seed_date_is_stale_on_2026_11_24(seed_folder):
    stale = [f for f in _run(seed_folder, dt.date(2026, 11, 24)) if f.check == "REV003"]
    assert len(stale) == 1
    f = stale[0]
    assert f.excerpt == "May 19, 2025" and f.path.endswith("article.yaml")
    assert "Last Updated" in f.message and "2026-05-19" in f.message


def test_seed_date_is_current_on_2025_12_01(seed_folder):
    found = _run(seed_folder, dt.date(2025, 12, 1))
    assert not [f for f in found if f.check in ("REV001", "REV002", "REV003", "REV004")]


def test_seed_reviewer_without_credentials_is_flagged(seed_folder):
    found = [f for f in _run(seed_folder, dt.date(2026, 11, 24)) if f.check == "REV006"]
    assert len(found) == 1 and found[0].excerpt == "Rx Editorial Board Members"


def test_seed_findings_are_exactly_these(seed_folder):
    found = _run(seed_folder, dt.date(2026, 11, 24))
    assert sorted((f.check, f.excerpt) for f in found) == [
        ("REV003", "May 19, 2025"), ("REV005", "Team Rxharun"), ("REV006", "Rx Editorial Board Members")]


def test_credentialed_reviewer_passes(tmp_path):
    with open(os.path.join(FIXTURES, "thoracic-disc-herniation.txt"), encoding="utf-8") as fh:
        folder = article_from_text(fh.read(), tmp_path, slug="thoracic-disc-herniation")
    assert not [f for f in _run(folder, dt.date(2026, 11, 24)) if f.check == "REV006"]


def test_named_reviewer_without_credentials_is_flagged(tmp_path):
    found = findings_for(OVERVIEW + "The article is written by Jane Roe and reviewed by Sam Lee", "REV006", tmp_path)
    assert len(found) == 1 and "without credentials" in found[0].message


@pytest.mark.parametrize("line", ["Last reviewed: 19 May 2025", "Last Updated: 2025-05-19", "Updated on May 19, 2025"])
def test_every_written_date_form_is_read(line, tmp_path):
    found = findings_for(OVERVIEW + line, "REV003", tmp_path)
    assert len(found) == 1 and "2026-05-19" in found[0].message


def test_future_date(tmp_path):
    found = findings_for(OVERVIEW + "Last Updated: May 19, 2027.", "REV002", tmp_path)
    assert len(found) == 1 and found[0].excerpt == "May 19, 2027"
    assert not findings_for(OVERVIEW + "Last Updated: May 19, 2027.", "REV003", tmp_path)


def test_missing_date_is_located_at_title(tmp_path):
    found = findings_for(OVERVIEW.rstrip("\n"), "REV001", tmp_path)
    assert len(found) == 1 and found[0].path.endswith("article.yaml")


def test_next_review_from_footer_line(tmp_path):
    text = OVERVIEW + "Last Updated: May 19, 2025. Next review: May 19, 2026."
    found = findings_for(text, "REV004", tmp_path)
    assert len(found) == 1 and found[0].excerpt == "May 19, 2026"
    assert not findings_for(text, "REV004", tmp_path, today=dt.date(2026, 1, 1))


def test_review_status_states():
    meta = {"updated": "2025-05-19"}
    s = lambda d, kinds=(): review_status(meta, list(kinds), dt.date.fromisoformat(d), DATA)  # noqa: E731
    assert s("2026-11-24") == {"reviewed": "2025-05-19", "source": "updated", "max_age_months": 12,
                               "due": "2026-05-19", "status": "overdue"}
    assert s("2025-12-01")["status"] == "current"
    assert s("2026-05-01")["status"] == "due-soon"
    assert s("2026-05-19")["status"] == "due-soon"
    assert s("2025-05-01")["status"] == "future"
    assert s("2025-12-01", ["overview", "investigational"])["max_age_months"] == 6
    assert s("2025-12-01", ["investigational"])["status"] == "overdue"


def test_review_status_sources():
    today = dt.date(2026, 1, 1)
    both = {"last_reviewed": "2025-10-01", "updated": "2025-05-19"}
    assert review_status(both, [], today, DATA)["source"] == "last_reviewed"
    footer = {"footer": [{"role": "byline", "text": "By Jane Roe"}, {"role": "other", "text": "Reviewed 3 March 2025"}]}
    st = review_status(footer, [], today, DATA)
    assert st["source"] == "footer" and st["reviewed"] == "2025-03-03"
    assert review_status({}, [], today, DATA) == {"reviewed": None, "source": None, "max_age_months": 12,
                                                  "due": None, "status": "unknown"}


def test_shipped_policy_keeps_seed_current_in_december_2025():
    st = review_status({"updated": "2025-05-19"}, ["drug-therapy", "supplements", "investigational", "surgery"],
                       dt.date(2025, 12, 1), policy.load("review"))
    assert st["status"] == "current"


def test_add_months_clamps_to_month_end():
    assert add_months(dt.date(2025, 1, 31), 1) == dt.date(2025, 2, 28)
    assert add_months(dt.date(2024, 11, 30), 12) == dt.date(2025, 11, 30)


def test_review_status_with_empty_data_uses_defaults():
    st = review_status({"updated": "2025-05-19"}, [], dt.date(2026, 5, 1), {})
    assert st["max_age_months"] == 12 and st["status"] == "due-soon"
