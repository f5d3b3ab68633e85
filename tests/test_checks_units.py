"""Unit checks (UNT001-UNT004) on the seed, the fixtures and short texts."""

import datetime as _dt
import os

import pytest

from medlint.engine import Options, check_article
from support import article_from_text, findings_for

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SEED = os.path.join(ROOT, "tests", "data", "articles", "lumbar-disc-sequestration-l3-l4.txt")
FIXTURES = os.path.join(ROOT, "tests", "fixtures", "articles")
IDS = frozenset({"UNT001", "UNT002", "UNT003", "UNT004"})
DRUGS = "Mainstream Drug Therapies\n-\n"


def run(text, root):
    result = check_article(article_from_text(text, root), Options(today=_dt.date(2026, 11, 24), select=IDS))
    assert result.error is None
    return result.findings


@pytest.mark.parametrize("name", [SEED, os.path.join(FIXTURES, "sciatica-numbered.txt"),
                                  os.path.join(FIXTURES, "thoracic-disc-herniation.txt")])
def test_clean_articles_are_silent(tmp_path, name):
    if not os.path.isfile(name):
        pytest.skip("article not available")
    with open(name, encoding="utf-8") as fh:
        assert run(fh.read(), tmp_path) == []


@pytest.mark.parametrize("text,cid,excerpt", [
    (DRUGS + "Ibuprofen 400 mgs every 6 h, max 1200 mg/day – NSAID.", "UNT001", "400 mgs"),
    (DRUGS + "Baclofen 5 mm tablet three times daily – Relaxant.", "UNT001", "5 mm"),
    (DRUGS + "Ibuprofen 400 mg–0.6 g every 6 h, max 1200 mg/day – NSAID.", "UNT002", "400 mg–0.6 g"),
    (DRUGS + "Naproxen 5 mL tablet twice daily – NSAID.", "UNT003", "5 mL"),
    (DRUGS + "Ibuprofen 400 IU three times daily – NSAID.", "UNT003", "400 IU"),
    (DRUGS + "Aspirin 300 every 6 h, max 4 doses a day – Pain.", "UNT004", "300"),
])
def test_flagged(tmp_path, text, cid, excerpt):
    found = findings_for(text, cid, tmp_path)
    assert [f.excerpt for f in found] == [excerpt]
    assert excerpt in found[0].message


@pytest.mark.parametrize("text", [
    DRUGS + "Naproxen 500 mg tablet twice daily – NSAID.",
    "Dietary Molecular Supplements\n-\nVitamin D3 25 mcg daily – Bone.\n-\nVitamin D3 (1000 IU/day) – Bone.",
    DRUGS + "Lidocaine 5 % Patch, 12 h on / 12 h off – Patch.",
    "Surgical Procedures\n-\nMicrodiscectomy – 2–3 cm incision; >90 % fast pain relief.",
    "Imaging Tests\n-\nMRI 3 T – 5 mm slices every 2 h in trials.",
])
def test_silent(tmp_path, text):
    assert run(text, tmp_path) == []


@pytest.mark.parametrize("text", [
    # a US pharmacy Q&A: the cap after "do not go over", in the dose's unit
    "Acetaminophen questions\nTake 500 mg every 6 hours, and do not go over 3000 a day.\n",
    # a UK leaflet in the reader's words: "don't take more than"
    "Paracetamol for adults\nTake 1000 mg every 4 to 6 hours and don't take more than 4000 in 24 hours.\n",
    # a clinic handout: "never exceed"
    "After your dental work\nTake ibuprofen 400 mg every 8 hours; never exceed 1200 in any day.\n",
])
def test_a_bare_cap_after_a_limit_wording_is_counted_in_the_doses_unit(tmp_path, text):
    assert findings_for(text, "UNT004", tmp_path) == []


def test_a_bare_number_with_no_dose_before_it_still_needs_its_unit(tmp_path):
    text = DRUGS + "Aspirin 300 every 6 h, do not go over 1200 mg a day – Pain.\n"
    assert [f.excerpt for f in findings_for(text, "UNT004", tmp_path)] == ["300"]
