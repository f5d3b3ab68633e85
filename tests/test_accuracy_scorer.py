"""The accuracy scorecard's own rules (benchmarks/accuracy.py), and the corpus's validity.

The scorecard itself is run by a README command and gated in .ci/run, not by pytest; these
tests pin how it matches, reads sigs and diffs, and that every corpus file is well formed.
"""

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _load_scorer():
    spec = importlib.util.spec_from_file_location("medlint_accuracy", ROOT / "benchmarks" / "accuracy.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


acc = _load_scorer()


def finding(check="DOS001", category="dosing", excerpt="200 mg as needed", record="010-x.yaml#/blocks/0"):
    return {"check": check, "category": category, "excerpt": excerpt, "record": record}


@pytest.mark.parametrize("entry, record_text, expected", [
    ({"check": "DOS001", "anchor": "200 mg as needed"}, "Take 200 mg as needed.", True),
    ({"check": "DOS001", "anchor": "Take 200 mg  as\nneeded"}, "x", True),        # excerpt inside the anchor
    ({"check": "DOS003", "anchor": "200 mg as needed"}, "Take 200 mg as needed.", False),
    ({"category": "dosing", "anchor": None}, "", True),                           # article-level
    ({"category": "claims", "anchor": None}, "", False),
    ({"check": "DOS001", "anchor": "400 mg daily"}, "Take 200 mg as needed.", False),
])
def test_gold_matching(entry, record_text, expected):
    assert acc.gold_matches(entry, finding(), acc._norm(record_text)) is expected


def test_silence_is_broken_only_by_an_overlapping_excerpt_of_a_listed_category():
    silent = {"anchor": "Tablets: 200 mg, 400 mg", "why": "strengths"}
    assert acc.breaks_silence(silent, finding(excerpt="200 mg"))
    assert not acc.breaks_silence(silent, finding(excerpt="600 mg"))
    assert not acc.breaks_silence({**silent, "categories": ["claims"]}, finding(excerpt="200 mg"))


def test_a_short_excerpt_breaks_a_silence_only_where_the_silent_text_stands():
    silent = {"anchor": "| Cod liver oil | 1 tablespoon | 34 mcg (1,360 IU) |"}
    unit = finding(check="NOT001", category="notation", excerpt="IU")
    # "IU" flagged in another record ("2000 IU a day") is not in the food table's row
    assert not acc.breaks_silence(silent, unit, acc._norm("Take 2000 IU a day."))
    # in the row itself it is
    assert acc.breaks_silence(silent, unit, acc._norm("| Cod liver oil | 1 tablespoon | 34 mcg (1,360 IU) |"))
    # an excerpt that covers the whole anchor is in it wherever its record is read from
    whole = {"anchor": "200 mg as needed"}
    assert acc.breaks_silence(whole, finding(excerpt="Take 200 mg as needed"), "")


def test_a_sig_read_right_scores_every_field():
    row = {"sig": "1-2 tablets every 4-6 hours when required, max 8 in 24 hours",
           "amount": {"low": 1, "high": 2, "unit": "tablet"}, "per_day": {"min": 4, "max": 6},
           "as_needed": True, "max": {"value": 8, "unit": "tablet", "per_hours": 24}, "bounded": True}
    dose = {"amount": {"low": 1, "high": 2, "unit": "tablet"},
            "frequency": {"kind": "interval", "administrations_per_day": 6, "interval_hours": [4, 6]},
            "as_needed": {"raw": "when required"}, "max_per_day": {"raw": "max 8", "value": 8, "unit_raw": "tablets"}}
    assert acc.sig_fields_right(row, acc.read_sig(dose), []) == dict.fromkeys(acc.SIG_FIELDS, True)
    # a no-maximum finding on a bounded sig is wrong; the same finding on an unbounded one is right
    assert not acc.sig_fields_right(row, acc.read_sig(dose), [finding()])["bounded"]
    assert acc.sig_fields_right({**row, "bounded": False}, acc.read_sig(dose), [finding()])["bounded"]


def test_an_unbounded_sig_a_pharmacist_would_not_raise_expects_no_finding():
    row = {"sig": "Oral rehydration solution: 10 mL/kg after each loose stool", "amount": None,
           "per_day": None, "as_needed": True, "max": None, "bounded": False}
    assert acc.expects_no_maximum_finding(row)
    assert not acc.expects_no_maximum_finding({**row, "raised": False})
    assert not acc.expects_no_maximum_finding({**row, "bounded": True})
    got = acc.read_sig(None)
    assert acc.sig_fields_right({**row, "raised": False}, got, [])["bounded"]
    assert not acc.sig_fields_right({**row, "raised": False}, got, [finding()])["bounded"]
    assert not acc.sig_fields_right(row, got, [])["bounded"]


def test_a_sig_misread_is_wrong_field_by_field():
    row = {"sig": "take 2 twice daily", "amount": {"low": 2, "unit": "tablet"}, "per_day": {"min": 2, "max": 2},
           "as_needed": False, "max": None, "bounded": True}
    strength_as_dose = {"amount": {"low": 500, "unit": "milligram"}, "frequency": {"administrations_per_day": 2}}
    right = acc.sig_fields_right(row, acc.read_sig(strength_as_dose), [])
    assert right["amount"] is False and right["per_day"] is True and right["max"] is True
    assert acc.sig_fields_right(row, acc.read_sig(None), [])["read"] is False


def test_mass_limits_compare_across_units():
    day = {"value": 4000, "unit": "mg", "per_hours": 24}
    assert acc._same_limit({"value": 4, "unit": "g", "per_hours": 24}, day)
    assert not acc._same_limit({"value": 3, "unit": "g", "per_hours": 24}, day)
    assert not acc._same_limit({"value": 4, "unit": "g", "per_hours": None}, day)   # a per-dose cap is not a daily one
    assert not acc._same_limit(None, day)
    # a number of doses is not a number of tablets
    assert not acc._same_limit({"value": 8, "unit": "tablet", "per_hours": 24}, {"value": 8, "unit": "dose", "per_hours": 24})
    assert acc._same_limit({"value": 4, "unit": "dose", "per_hours": 24}, acc._limit({"max_doses_per_day": {"value": 4}}))


def test_sig_lines_lead_with_what_the_sig_does_not_name():
    assert acc.sig_line({"sig": "take 2 twice daily", "medicine": "paracetamol", "strength": "500 mg"}) \
        == "Paracetamol 500 mg: take 2 twice daily"
    assert acc.sig_line({"sig": "Paracetamol 500 mg, take 2 twice daily", "medicine": "paracetamol"}) \
        == "Paracetamol 500 mg, take 2 twice daily"


def test_the_gate_prints_added_and_removed_findings(tmp_path, capsys):
    expected = tmp_path / "expected.txt"
    expected.write_text("a/010-x.yaml:3:4: DOS001 old message\nb/article.yaml:2:8: REV001 kept\n")
    rc = acc.gate(["b/article.yaml:2:8: REV001 kept", "a/010-x.yaml:5:1: DOS003 new message"], expected)
    out = capsys.readouterr().out
    assert rc == 1
    assert "+ a/010-x.yaml:5:1: DOS003 new message" in out and "- a/010-x.yaml:3:4: DOS001 old message" in out
    assert acc.gate(["b/article.yaml:2:8: REV001 kept", "a/010-x.yaml:3:4: DOS001 old message"], expected) == 0


def test_every_corpus_file_is_valid():
    """Gold files match their schema and every anchor is in its article; the sig table too."""
    articles = acc.load_articles()
    rows = acc.load_sigs()
    assert all(a.gold["structure"] for a in articles)
    assert len({row["id"] for row in rows}) == len(rows)


def test_a_bad_anchor_is_one_located_error(tmp_path):
    (tmp_path / "articles").mkdir()
    (tmp_path / "gold.schema.json").write_text((acc.CORPUS / "gold.schema.json").read_text())
    (tmp_path / "articles" / "01-x-y.txt").write_text("Title\n\nSome text.\n")
    (tmp_path / "articles" / "01-x-y.gold.yaml").write_text(
        "style: x\nstructure: {}\nfindings:\n- {check: DOS001, anchor: not there, level: must, why: w}\nsilent: []\n")
    saved = acc.CORPUS
    acc.CORPUS = tmp_path
    try:
        with pytest.raises(acc.CorpusError, match=r"01-x-y.gold.yaml: findings/0: anchor 'not there'"):
            acc.load_articles()
    finally:
        acc.CORPUS = saved


def test_dose_sections_are_a_set_of_headings_each_dosing_wherever_printed():
    def sec(heading, kind):
        return {"heading": heading, "kind": kind}
    twice = [sec("Allopurinol", "overview"), sec("Adult dosing", "drug-therapy"),
             sec("Colchicine", "overview"), sec("Adult dosing", "drug-therapy")]
    assert acc.dose_headings(twice) == ["adult dosing"]
    once_not = twice[:3] + [sec("Adult dosing", "other")]
    assert acc.dose_headings(once_not) == ["not all dosing: adult dosing"]
    assert acc.expected_structure({"dose_sections": ["Adult dosing", "Adult dosing"]})["dose_sections"] == ["adult dosing"]


def test_heading_lines_count_each_line_read_and_expected():
    near = acc.ArticleScore("a")
    near.structure["headings"] = (False, ["causes", "treatment", "faq"], ["causes", "treatment", "share this"])
    right = acc.ArticleScore("b")
    right.structure["headings"] = (True, ["overview"], ["overview"])
    unasserted = acc.ArticleScore("c")
    lines = acc.heading_lines([near, right, unasserted])
    assert (lines["read"], lines["expected"]) == (4, 4)
    assert lines["precision"] == lines["recall"] == 0.75


def test_one_item_under_two_names_is_one_unit():
    assert acc._same_unit("caplet", "tablet") and acc._same_unit("tablets", "caplets")
    assert acc._same_unit("teaspoon", "tsp") and acc._same_unit("application", "applicatorful")
    assert not acc._same_unit("caplet", "capsule")
    assert not acc._same_unit("teaspoon", "mL")   # a spoon with no volume written is no volume
