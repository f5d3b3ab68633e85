"""DOS003 on the ceilings added for issues #15/#16 (metformin, cetirizine, loratadine,
fexofenadine, amlodipine, sertraline, citalopram, colchicine): a dose above the sourced
ceiling is an error that quotes its source, and a dose within it stays silent. Written in
several writers' styles: a UK medicine page, a US drug handbook line, a pharmacy Q&A, a
patient leaflet table row."""

import pytest

from medlint import policy
from support import findings_for

DRUGS = "Medicines\n-\n"


@pytest.mark.parametrize("text,limit", [
    ("Metformin 1,000 mg four times a day – For type 2 diabetes.", "3 g/day"),
    ("Glucophage 1000 mg four times a day – With meals.", "3 g/day"),
    ("Cetirizine 10 mg twice a day – For hives.", "10 mg/day"),
    ("Zyrtec 10mg tablets – take one tablet every 8 hours.", "10 mg/day"),
    ("Loratadine 10 mg twice daily – Hay fever.", "10 mg/day"),
    ("Allegra 180 mg twice daily – Seasonal allergies.", "180 mg/day"),
    ("Amlodipine 10 mg BID – Hypertension.", "10 mg/day"),
    ("Sertraline 150 mg twice a day – Depression.", "200 mg/day"),
    ("Citalopram 40 mg twice daily – Depression and panic.", "40 mg/day"),
    ("Colchicine 500 micrograms every 2 hours – Gout flare.", "2.4 mg/day"),
])
def test_above_the_sourced_ceiling(text, limit, tmp_path):
    (f,) = findings_for(DRUGS + text, "DOS003", tmp_path)
    assert f.severity == "error" and f"> {limit}" in f.message


@pytest.mark.parametrize("text", [
    "Metformin 1,000 mg three times a day – For type 2 diabetes.",   # 3 g: the UK label's maximum
    "Metformin 500 mg twice daily with meals – For type 2 diabetes.",
    "Cetirizine 10 mg once a day – For hay fever.",
    "Loratadine 10mg once daily – Allergy.",
    "Fexofenadine 60 mg every 12 hours – Allergy.",
    "Amlodipine 5 mg once daily – Blood pressure.",
    "Sertraline 100 mg twice a day – Depression.",
    "Citalopram 20 mg once daily – Depression.",
    "Colchicine 500 micrograms four times a day – Gout flare.",
    "Colchicine 0.6 mg twice daily – Gout prevention.",
])
def test_within_the_sourced_ceiling(text, tmp_path):
    assert findings_for(DRUGS + text, "DOS003", tmp_path) == []


def test_the_message_names_the_source(tmp_path):
    (f,) = findings_for(DRUGS + "Citalopram 40 mg tablets, twice daily – Depression.", "DOS003", tmp_path)
    assert "nhs.uk" in f.message and "80 mg/day" in f.message


def test_every_added_ceiling_says_where_and_when_it_was_read():
    added = {"metformin", "cetirizine", "loratadine", "fexofenadine", "amlodipine", "sertraline", "citalopram", "colchicine"}
    entries = {e["name"]: e for e in policy.load("dosing")["ceilings"]}
    assert added <= set(entries)
    for name in added:
        e = entries[name]
        assert e["url"].startswith("http") and e["read_on"] and e["says"], name
