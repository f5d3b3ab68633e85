"""Severity from the harm (issue 17, point 1): tenfold notation and open-ended doses block by default."""

import os
import subprocess
import sys

import yaml

from medlint.registry import all_checks
from medlint.checks.dosing import DRUGS as DRUGS_HEADING
from support import article_from_text

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ISSUE_TEXT = DRUGS_HEADING + "Ibuprofen 750mg as needed, or naproxen 5.0 mg as needed – NSAIDs."


def medlint(*args, cwd=REPO):
    return subprocess.run([sys.executable, "-m", "medlint", *args], capture_output=True, text=True, cwd=cwd)


def test_the_issues_sentence_blocks_and_says_why(tmp_path):
    folder = article_from_text(ISSUE_TEXT, tmp_path)
    r = medlint("check", folder, "--no-cache", "--today", "2026-11-24", "--select", "NOT004,NOT007,DOS001")
    assert r.returncode == 1, r.stdout + r.stderr
    lines = r.stdout.splitlines()
    assert any("NOT004" in ln and "error" in ln and "tenfold" in ln for ln in lines), r.stdout
    assert sum("DOS001" in ln and "error" in ln for ln in lines) == 2, r.stdout


def test_tenfold_notation_and_dos001_default_to_error():
    checks = all_checks()
    for cid in ("NOT001", "NOT002", "NOT003", "NOT004", "NOT005", "DOS001"):
        assert checks[cid].severity == "error", cid
    for cid in ("NOT007", "NOT008", "NOT009"):
        assert checks[cid].severity == "warning", cid


def test_an_open_ended_dose_without_a_known_ceiling_is_a_warning(tmp_path):
    folder = article_from_text(DRUGS_HEADING + "Zzyzxamab 20 mg as needed – Made up.", tmp_path)
    r = medlint("check", folder, "--no-cache", "--today", "2026-11-24", "--select", "DOS001", "--format", "json")
    assert '"severity": "warning"' in r.stdout and r.returncode == 0, r.stdout + r.stderr


def test_every_default_severity_is_justified_in_data_and_shown_by_explain():
    with open(os.path.join(REPO, "checks", "severity.yaml"), encoding="utf-8") as fh:
        data = yaml.safe_load(fh)["checks"]
    for cid, info in all_checks().items():
        assert "**Severity.**" in info.rationale, f"{cid}: no reason for its default severity"
        if cid in data:
            assert info.severity == data[cid]["severity"]
    r = medlint("explain", "NOT005")
    assert "Severity." in r.stdout and "tenfold" in r.stdout


def test_a_default_severity_is_tuned_in_the_project_config(tmp_path):
    folder = article_from_text(ISSUE_TEXT, tmp_path / "content")
    (tmp_path / "pyproject.toml").write_text('[tool.medlint]\nseverity = {NOT004 = "warning", DOS001 = "info"}\n')
    r = medlint("check", folder, "--no-cache", "--today", "2026-11-24", "--select", "NOT004,DOS001", cwd=tmp_path)
    assert r.returncode == 0, r.stdout + r.stderr
