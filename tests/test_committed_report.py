"""reports/ holds the review report for content/, made for the date it records; CI fails when it is stale."""

import json
import os

import pytest

from medlint.cli import main

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
REPORTS = os.path.join(REPO, "reports")


@pytest.mark.parametrize("fmt", ["md", "html", "json"])
def test_committed_report_is_up_to_date(fmt, tmp_path, monkeypatch, capsys):
    committed = os.path.join(REPORTS, f"review-report.{fmt}")
    assert os.path.exists(committed), "run the README's main command to generate reports/"
    today = json.load(open(os.path.join(REPORTS, "review-report.json"), encoding="utf-8"))["today"]
    monkeypatch.chdir(REPO)
    out = tmp_path / f"fresh.{fmt}"
    assert main(["report", "content", "--today", today, "--output", str(out)]) == 0
    assert out.read_bytes() == open(committed, "rb").read(), (
        f"reports/review-report.{fmt} is out of date: run `medlint report content --today {today}` "
        "(or the README's main command) and commit reports/")
