"""Notation (NOT004, NOT005, NOT007, NOT008) on text other writers print: body weights run
into "kg", a product's labelled concentration quoted in brackets, and glued source names
("…an alternative.NHS") next to prescription shorthand. Every sentence here is written
for this test."""

import datetime as _dt

from medlint.engine import Options, check_article
from support import article_from_text

IDS = frozenset(f"NOT00{i}" for i in range(1, 10))
DRUGS = "How much to take\n"


def found(text, root):
    result = check_article(article_from_text(text, root), Options(today=_dt.date(2026, 12, 1), select=IDS))
    assert result.error is None, result.error
    return sorted((f.check, f.excerpt) for f in result.findings)


def test_a_body_weight_is_not_a_dose_amount(tmp_path):
    for i, line in enumerate([
            "If you weigh less than 50kg, take 500 mg at most 4 times in 24 hours.",
            "Children over 40kg can take the adult dose of 10 mg once a day.",
            "For adults under 110lbs, give 250 mg twice a day.",
            "A body weight of 60.0 kg or less means 2.5 mg twice a day."]):
        assert found(DRUGS + line, tmp_path / str(i)) == [], line


def test_a_glued_dose_beside_a_body_weight_is_still_flagged(tmp_path):
    line = "If you weigh less than 50kg, take 500mg at most 4 times in 24 hours."
    assert found(DRUGS + line, tmp_path / "a") == [("NOT007", "500mg")]
    # a per-kilogram dose is a dose
    assert found(DRUGS + "Give 15mg/kg every 6 hours, at most 4 doses in 24 hours.", tmp_path / "b") == [
        ("NOT007", "15mg")]


def test_a_labelled_concentration_in_brackets_is_the_packs_text(tmp_path):
    for i, line in enumerate([
            "We have Calpol Infant (120mg/5ml) at home; give 5 ml up to 4 times in 24 hours.",
            "Amoxicillin suspension (250mg/5mL): 5 ml three times a day for 5 days.",
            "Ibuprofen for children ( 100mg/5ml ) is given 3 times a day."]):
        assert found(DRUGS + line, tmp_path / str(i)) == [], line


def test_the_pages_own_glued_doses_and_strengths_are_flagged(tmp_path):
    assert found(DRUGS + "Calpol Infant 120mg/5ml: give 5ml up to 4 times in 24 hours.", tmp_path / "a") == [
        ("NOT007", "120mg"), ("NOT007", "5ml"), ("NOT007", "5ml")]
    assert found(DRUGS + "Paracetamol 500mg tablets: 2 tablets up to 4 times a day.", tmp_path / "b") == [
        ("NOT007", "500mg")]
    # brackets around a dose, not a concentration, do not excuse it
    assert found(DRUGS + "Naproxen (250mg) twice a day with food.", tmp_path / "c") == [("NOT007", "250mg")]


def test_shorthand_inside_a_word_or_a_glued_source_name_is_not_shorthand(tmp_path):
    for i, line in enumerate([
            "Gabapentin is started at 300 mg at bedtime; pregabalin 75 mg twice a day is an alternative.NHS",
            "Ibuprofen 400 mg three times a day with food (see the PHS leaflet).",
            "Take 1 tablet twice a day; Macrobid 100 mg is the usual brand."]):
        assert found(DRUGS + line, tmp_path / str(i)) == [], line


def test_shorthand_as_a_token_is_still_flagged(tmp_path):
    assert found(DRUGS + "Amitriptyline 10 mg HS for nerve pain.", tmp_path / "a") == [("NOT008", "HS")]
    assert found(DRUGS + "Nitrofurantoin 100 mg BID for 5 days.", tmp_path / "b") == [("NOT008", "BID")]
    assert found(DRUGS + "Tramadol 50 mg q.i.d. with food.", tmp_path / "c") == [("NOT008", "q.i.d.")]
    assert found(DRUGS + "Ibuprofen 400 mg q6h with food.", tmp_path / "d") == [("NOT008", "q6h")]


def test_uk_prescription_latin_in_a_dose_is_written_out(tmp_path):
    assert found(DRUGS + "Paracetamol 1 g qds, no more than 4 g in 24 hours.", tmp_path / "a") == [
        ("NOT008", "qds")]
    assert found(DRUGS + "Amoxicillin 500 mg tds for 5 days.", tmp_path / "b") == [("NOT008", "tds")]
    assert found(DRUGS + "Naproxen 250 mg bd with food.", tmp_path / "c") == [("NOT008", "bd")]
    assert found(DRUGS + "Amitriptyline 10 mg nocte for nerve pain.", tmp_path / "d") == [("NOT008", "nocte")]
    # "qd" inside "qds" is not once daily
    assert "NOT003" not in {c for c, _ in found(DRUGS + "Ibuprofen 400 mg qds with food.", tmp_path / "e")}
    # outside a dose the letters are left alone ("the BD team", "a tds report")
    assert found(DRUGS + "Ask the BD team about the tds report. Take 1 g four times a day.", tmp_path / "f") == []


def test_a_laboratory_result_per_litre_is_not_a_dose_in_iu(tmp_path):
    for i, line in enumerate([
            "We will lower the dose if your ALT rises above 100 IU/L.",
            "A CK of 300 U/L after exercise is common.",
            "Your amylase was 250 IU / L on the last test."]):
        assert found("Blood tests\n" + line, tmp_path / str(i)) == [], line
    # a dose, and a product's concentration per millilitre, are still flagged
    assert found(DRUGS + "Inject 10 IU at bedtime.", tmp_path / "a") == [("NOT001", "IU")]
    assert found(DRUGS + "The pen holds insulin at 100 IU/mL.", tmp_path / "b") == [("NOT001", "IU")]
