"""Dosing checks (DOS001-DOS004) on the seed article, the fixtures and short texts."""

import datetime as _dt
import os

import pytest

from medlint.engine import Options, check_article
from support import article_from_text, findings_for

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SEED = os.path.join(ROOT, "tests", "data", "articles", "lumbar-disc-sequestration-l3-l4.txt")
FIXTURES = os.path.join(ROOT, "tests", "fixtures", "articles")
IDS = frozenset({"DOS001", "DOS002", "DOS003", "DOS004"})
DRUGS = "Mainstream Drug Therapies\n-\n"
SUPPS = "Dietary Molecular Supplements\n-\n"


def run(folder):
    result = check_article(folder, Options(today=_dt.date(2026, 11, 24), select=IDS))
    assert result.error is None
    return result.findings


@pytest.fixture(scope="module")
def seed_text():
    with open(SEED, encoding="utf-8") as fh:
        return fh.read()


@pytest.fixture(scope="module")
def seed(seed_text, tmp_path_factory):
    return run(article_from_text(seed_text, tmp_path_factory.mktemp("seed"), slug="seed"))


def test_seed_findings(seed):
    got = sorted((f.check, f.excerpt, f.severity) for f in seed)
    assert got == sorted([
        ("DOS001", "500–1000 mg every 6 h", "error"),           # acetaminophen
        ("DOS001", "400-600 mg every 6 h", "error"),            # ibuprofen
        # gabapentin "300 mg at night ⇧ to 900–1200 mg TID" titrates to a stated target on a fixed
        # schedule (at most 3,600 mg a day, the label maximum): bounded, no DOS001 since issue 15
        ("DOS001", "50-100 mg every 6 h PRN", "error"),         # tramadol
        ("DOS001", "50-100 mg every 8 h", "error"),             # tapentadol
        ("DOS002", "Dose-Pack (6-day)", "info"),                  # methylprednisolone: no amount
        ("DOS002", "1–2 mL", "warning"),                          # hyaluronic acid hydrogel: how often?
        ("DOS002", "0.1–0.5 mg", "warning"),                      # rhBMP-7: how often?
        ("DOS003", "400 mg elemental/day", "error"),              # magnesium UL 350 mg (IOM)
        ("DOS003", "250 mg/day", "error"),                        # resveratrol EU max 150 mg
    ])


def test_seed_silent_on_bounded_schedules(seed):
    flagged = " ".join(f.context for f in seed)
    for name in ("Naproxen", "Celecoxib", "Methocarbamol", "Pregabalin", "Ketorolac", "Triamcinolone",
                 "Alendronate", "Zoledronic", "Capsaicin", "Lidocaine", "Vitamin D3"):
        assert name not in flagged, name


@pytest.mark.parametrize("old,new,arith", [
    ("Acetaminophen 500–1000 mg every 6 h", "Acetaminophen 1500 mg every 4 h", "1500 mg × 6/day = 9 g/day > 4 g/day"),
    ("Vitamin D3 (2000 IU/day)", "Vitamin D3 (20000 IU/day)", "20000 IU/day > 4000 IU/day"),
    ("Ibuprofen 400-600 mg every 6 h", "Ibuprofen 400-1000 mg every 6 h", "1000 mg × 4/day = 4 g/day > 3.2 g/day"),
    ("Tramadol 50-100 mg every 6 h", "Tramadol 50-150 mg every 6 h", "150 mg × 4/day = 600 mg/day > 400 mg/day"),
])
def test_raising_a_seed_dose_is_an_error_with_arithmetic(seed_text, tmp_path, old, new, arith):
    assert old in seed_text
    found = [f for f in run(article_from_text(seed_text.replace(old, new), tmp_path, slug="seed"))
             if f.check == "DOS003" and f.severity == "error"]
    msgs = [f.message for f in found if arith in f.message]
    assert msgs, [f.message for f in found]
    if "Ibuprofen" in new:
        assert "OTC limit" in msgs[0] and "1200 mg" in msgs[0]


def test_thoracic_fixture_all_bounded(tmp_path):
    with open(os.path.join(FIXTURES, "thoracic-disc-herniation.txt"), encoding="utf-8") as fh:
        found = run(article_from_text(fh.read(), tmp_path))
    assert [f for f in found if f.check in ("DOS001", "DOS003")] == []


def test_sciatica_fixture_prn_without_max(tmp_path):
    with open(os.path.join(FIXTURES, "sciatica-numbered.txt"), encoding="utf-8") as fh:
        found = run(article_from_text(fh.read(), tmp_path))
    dos1 = {f.excerpt for f in found if f.check == "DOS001"}
    assert {"400 mg PRN", "1 g PRN"} <= dos1
    assert not [f for f in found if f.check == "DOS002"]  # the injection amounts are one-off procedures


def test_stated_maximum_counts(tmp_path):
    assert not findings_for(DRUGS + "Ibuprofen 200–400 mg every 4–6 hours as needed, max 1200 mg/day – NSAID.",
                            "DOS001", tmp_path)
    assert findings_for(DRUGS + "Ibuprofen 200–400 mg every 4–6 hours as needed – NSAID.", "DOS001", tmp_path)


def test_duration_counts_as_maximum_but_ceiling_applies(tmp_path):
    text = DRUGS + "Ketorolac 20 mg every 4 h, max 5 days – Short burst."
    assert not findings_for(text, "DOS001", tmp_path)
    found = findings_for(text, "DOS003", tmp_path)
    assert found and "20 mg × 6/day = 120 mg/day > 40 mg/day" in found[0].message


def test_per_period_regimens(tmp_path):
    assert not findings_for("Bone\n-\nAlendronate 70 mg weekly – Oral.", "DOS003", tmp_path)
    found = findings_for("Bone\n-\nZoledronic Acid 5 mg IV monthly – Bone.", "DOS003", tmp_path)
    assert found and "per 1 year" in found[0].message


def test_faq_answer_is_checked(tmp_path):
    text = ("Frequently Asked Questions\nHow much paracetamol can I take?\n"
            "Paracetamol 1000 mg every 4 hours is what some people take.\nLast Updated: May 19, 2025.")
    found = findings_for(text, "DOS003", tmp_path)
    assert found and found[0].excerpt == "1000 mg every 4 hours"


def test_inconsistent_dose(tmp_path):
    found = findings_for(SUPPS + "Collagen Peptides (10 g/day) – A.\n-\nCollagen Peptides (10 mg/day) – B.",
                         "DOS004", tmp_path)
    assert [f.excerpt for f in found] == ["10 mg/day"] and "1000×" in found[0].message
    assert not findings_for(SUPPS + "Fish Oil 1000 mg twice daily – A.\n-\nFish Oil (2 g/day) – B.", "DOS004", tmp_path)


def test_single_shot_and_per_day_total_are_complete(tmp_path):
    for t in ("Epidural Triamcinolone 40–80 mg single shot – X.", "Glucosamine Sulfate (1500 mg/day) – X."):
        assert not findings_for(DRUGS + t, "DOS002", tmp_path)
    assert findings_for(DRUGS + "Hyaluronic Acid Hydrogel 1–2 mL – Cushion.", "DOS002", tmp_path)


@pytest.mark.parametrize("text,arith", [
    ("Nurofen 800 mg every 4 hours – NSAID.", "800 mg × 6/day = 4.8 g/day > 3.2 g/day"),
    ("Tylenol 1000 mg every 4 hours, no more than 6 doses a day – Analgesic.", "1000 mg × 6/day = 6 g/day > 4 g/day"),
    ("Panadol 1 g every 4 hours – Analgesic.", "1 g × 6/day = 6 g/day > 4 g/day"),
])
def test_a_brand_name_reaches_its_substances_ceiling(tmp_path, text, arith):
    """checks/medicine-names.yaml's brands find the ceiling of their substance."""
    found = findings_for(DRUGS + text, "DOS003", tmp_path)
    assert found and arith in found[0].message, [f.message for f in found]


def test_a_brand_within_its_ceiling_and_a_weekly_brand_pass(tmp_path):
    assert not findings_for(DRUGS + "Advil 400 mg every 6 hours, no more than 1200 mg in 24 hours – NSAID.",
                            "DOS003", tmp_path / "a")
    assert not findings_for(DRUGS + "Fosamax 70 mg once a week – Bisphosphonate.", "DOS003", tmp_path / "b")


WEEKLY_PAGE = ("{title}\n\nBy Jane Roe, PharmD. Updated November 2, 2026.\n\nHow to take it\n\n{sig}\n\n"
               "This is general information, not medical advice. Ask your pharmacist; doses are for adults.\n")


@pytest.mark.parametrize("title", ["Fosamax 70 mg tablets", "Alendronate 70 mg tablets"])
def test_a_weekly_tablet_of_the_titled_product_is_judged_by_the_week(tmp_path, title):
    """A less-than-daily count of the page's product is measured against the ceiling's
    period (70 mg a week), not its day (10 mg)."""
    ok = article_from_text(WEEKLY_PAGE.format(title=title, sig="Take one tablet a week, on the same day each week."),
                           tmp_path / "ok")
    assert not [f for f in run(ok) if f.check == "DOS003"]
    over = article_from_text(WEEKLY_PAGE.format(title=title, sig="Take two tablets a week."), tmp_path / "over")
    found = [f for f in run(over) if f.check == "DOS003"]
    assert found and "140 mg per 1 week > 70 mg" in found[0].message, [f.message for f in found]
