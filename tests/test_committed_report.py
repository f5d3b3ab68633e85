"""reports/ holds the review report for content/, made for the date it records; CI fails when it is stale."""

import json
import os

import pytest

from medlint.cli import main

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
REPORTS = os.path.join(REPO, "reports")


@pytest.mark.parametrize("fmt", ["md", "html", "json"])
def test_committed_report_is_up_to_date(fmt, monkeypatch, capsys):
    committed = os.path.join(REPORTS, f"review-report.{fmt}")
    assert os.path.exists(committed), "run the README's main command to generate reports/"
    today = json.load(open(os.path.join(REPORTS, "review-report.json"), encoding="utf-8"))["today"]
    monkeypatch.chdir(REPO)
    # written beside the committed one: its links to content/ are relative to reports/
    out = os.path.join(REPORTS, f".fresh-{os.getpid()}.{fmt}")
    try:
        assert main(["report", "content", "--today", today, "--output", out]) == 0
        with open(out, "rb") as fh:
            fresh = fh.read()
    finally:
        if os.path.exists(out):
            os.unlink(out)
    assert fresh == open(committed, "rb").read(), (
        f"reports/review-report.{fmt} is out of date: run `medlint report content --today {today}` "
        "(or the README's main command) and commit reports/")
