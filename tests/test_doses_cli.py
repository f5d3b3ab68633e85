"""`medlint doses "TEXT"`: what the dose reader reads from a sentence, as text and as JSON."""

import json
import subprocess
import sys

import pytest

from medlint.cli import main


def run(capsys, *argv):
    code = main(["doses", *argv])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_a_counted_weekly_medicine_written_daily(capsys):
    code, out, _ = run(capsys, "Methotrexate 2.5 mg tablets: take 4 tablets every day")
    assert code == 0
    assert "  medicine       Methotrexate (methotrexate, weekly or longer: DOS010)" in out
    assert "  count          4 tablets" in out and "  strength       2.5 mg" in out
    assert "  daily maximum  4 × 2.5 mg" in out and "= 10 mg/day" in out
    assert "schedules: every day = every day (every 1 days, read as every)" in out


def test_brand_names_map_to_their_substance(capsys):
    _, out, _ = run(capsys, "Fosamax 70 mg once weekly")
    assert "Fosamax (alendronate, weekly or longer: DOS010)" in out
    assert "once weekly = every week (every 7 days, read as times)" in out


@pytest.mark.parametrize("sig,what", [
    ("Ibuprofen 200 mg 1-2 tablets every 4-6 hours when required, max 6 in 24 hours", "  as needed      when required"),
    ("Ibuprofen 200 mg 1-2 tablets every 4-6 hours when required, max 6 in 24 hours", "  interval       every 4-6 hours"),
    ("Naproxen 250 mg twice daily for 5 days", "  duration       for 5 days"),
    ("Zoledronic acid 5 mg infusion every month", "every month = every month"),
])
def test_what_each_stage_read(capsys, sig, what):
    _, out, _ = run(capsys, sig)
    assert what in out, out


def test_per_kg_reading_with_a_weight_band(capsys):
    _, out, _ = run(capsys, "Children weighing 10 to 20 kg: paracetamol 15 mg/kg every 4-6 hours, max 4 doses in 24 hours")
    assert ("per kg: 15 mg/kg × weighing 10 to 20 kg = 150-300 mg a dose, at most 1200 mg a day "
            "(no sourced per-kg ceiling to compare with)") in out


def test_json(capsys):
    code, out, _ = run(capsys, "Take alendronate 70 mg every day", "--format", "json")
    doc = json.loads(out)
    assert code == 0 and set(doc) == {"text", "doses", "schedules", "per_kg"}
    (dose,) = doc["doses"]
    assert dose["medicine"] == {"as_written": "alendronate", "substance": "alendronate", "weekly_or_longer": True}
    assert dose["amount"]["low"] == 70 and dose["amount"]["unit"] == "milligram" and dose["count"] is None
    assert dose["frequency"]["doses_per_day"] == 1 and dose["schedule"][0]["every_days"] == 1
    assert doc["schedules"] == dose["schedule"]
    again = run(capsys, "Take alendronate 70 mg every day", "--format", "json")[1]
    assert again == out  # same input, same bytes


def test_no_dose(capsys):
    code, out, _ = run(capsys, "Rest and gentle stretching help.")
    assert code == 0 and "no dose read" in out and "schedules: none" in out


def test_control_characters_are_escaped(capsys):
    _, out, _ = run(capsys, "Tramadol\x1b[31m 50 mg daily")
    assert "\x1b" not in out and "\\x1b" in out


def test_missing_text_is_a_usage_error():
    r = subprocess.run([sys.executable, "-m", "medlint", "doses"], capture_output=True, text=True)
    assert r.returncode == 2 and "TEXT" in r.stderr and "Traceback" not in r.stderr
