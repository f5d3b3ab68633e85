"""Notation checks (NOT001-NOT009) on the seed, the sciatica fixture and short texts."""

import datetime as _dt
import os

import pytest

from medlint.engine import Options, check_article
from support import article_from_text, findings_for

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SEED = os.path.join(ROOT, "tests", "data", "articles", "lumbar-disc-sequestration-l3-l4.txt")
FIXTURES = os.path.join(ROOT, "tests", "fixtures", "articles")
IDS = frozenset(f"NOT00{i}" for i in range(1, 10))
DRUGS = "Mainstream Drug Therapies\n-\n"


def run(text, root):
    result = check_article(article_from_text(text, root), Options(today=_dt.date(2026, 11, 24), select=IDS))
    assert result.error is None
    return result.findings


def test_seed(tmp_path):
    with open(SEED, encoding="utf-8") as fh:
        found = run(fh.read(), tmp_path)
    assert sorted((f.check, f.excerpt, f.replacement) for f in found) == sorted([
        ("NOT001", "IU", "units"),
        ("NOT002", "µg", "mcg"),
        ("NOT008", "TID", "three times daily"),
        ("NOT008", "PRN", "as needed"),
        ("NOT009", "⇧", "increasing"),
    ])


def test_sciatica_fixture(tmp_path):
    with open(os.path.join(FIXTURES, "sciatica-numbered.txt"), encoding="utf-8") as fh:
        found = run(fh.read(), tmp_path)
    got = sorted((f.check, f.excerpt, f.replacement) for f in found)
    assert got == sorted([
        ("NOT008", "BID", "twice daily"), ("NOT008", "PRN", "as needed"), ("NOT008", "PRN", "as needed"),
        ("NOT008", "QHS", "at bedtime"), ("NOT008", "QHS", "at bedtime"), ("NOT008", "QHS", "at bedtime"),
        ("NOT008", "TID", "three times daily"), ("NOT007", "750mg", "750 mg"), ("NOT004", "5.0", "5"),
        ("NOT005", ".5", "0.5"), ("NOT002", "µg", "mcg"), ("NOT001", "IU", "units"), ("NOT006", "cc", "mL"),
    ])
    lines = {(f.check, f.line) for f in found}
    assert len(lines) >= 10


@pytest.mark.parametrize("text,cid,excerpt,replacement", [
    (DRUGS + "Insulin glargine 10 U nightly – Basal.", "NOT001", "U", "units"),
    (DRUGS + "Vitamin B12 1000 ug daily – B12.", "NOT002", "ug", "mcg"),
    (DRUGS + "Vitamin B12 1000 μg daily – Greek mu.", "NOT002", "μg", "mcg"),
    (DRUGS + "Prednisone 10 mg QOD – Steroid.", "NOT003", "QOD", "every other day"),
    (DRUGS + "Celecoxib 200 mg q.d. – COX-2.", "NOT003", "q.d.", "daily"),
    (DRUGS + "Ibuprofen 400 mg q4-6h – NSAID.", "NOT008", "q4-6h", "every 4–6 hours"),
    (DRUGS + "Naproxen 500 mg PO BID – NSAID.", "NOT008", "PO", "by mouth"),
    (DRUGS + "Baclofen 10mg three times daily – Relaxant.", "NOT007", "10mg", "10 mg"),
])
def test_flagged(tmp_path, text, cid, excerpt, replacement):
    found = findings_for(text, cid, tmp_path)
    assert [(f.excerpt, f.replacement) for f in found if f.excerpt == excerpt] == [(excerpt, replacement)]


@pytest.mark.parametrize("text", [
    DRUGS + "Capsaicin 0.025 % Cream four times daily – Depletes substance P.",
    "Advanced or Regenerative Drug-Like Interventions\n-\nRecombinant BMP-7 (OP-1) 0.1–0.5 mg – Off-label.",
    "Advanced or Regenerative Drug-Like Interventions\n-\nBPC-157 Peptide 250 mcg subcut daily – Experimental.",
    DRUGS + "Zoledronic Acid 5 mg IV yearly – Bisphosphonate.",
    DRUGS + "Diclofenac SR 75 mg twice daily – Unusual cases accumulate; Uncommon.",
    "Imaging Tests\n-\nMRI 3.0 T – Field strength; a 2.0 mm slice; tilt 5.0°.",
    "Overview\nAbout 10.0 % of people; a bid to QD-free writing; PRN is explained below.",
    "Overview\nPain ↑ when sitting.",
])
def test_silent(tmp_path, text):
    assert run(text, tmp_path) == []


def test_faq_answer_field(tmp_path):
    text = ("Frequently Asked Questions\nHow much vitamin D?\nMost adults take 1000 IU daily.\n"
            "Last Updated: May 19, 2025.")
    found = findings_for(text, "NOT001", tmp_path)
    assert [f.excerpt for f in found] == ["IU"]
