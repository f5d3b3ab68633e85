"""The sourced per-kg ceilings for children (checks/schedule.yaml `per_kg_ceilings`, issue #16)
against what the schedule reader reads from per-kg sentences: the data is pinned to the reader's
units, so that DOS011 (tests/test_per_kg_check.py) compares like with like: mg/kg per dose, and
mg/kg per day as the per-dose amount times the doses a day."""

import pytest

from medlint import policy
from medlint.doses.schedule import reader


def ceiling(substance: str) -> tuple[float, float]:
    (entry,) = [e for e in policy.load("schedule")["per_kg_ceilings"] if e["substance"] == substance]
    per = lambda text: float(text.split(" ")[0])  # "15 mg/kg"
    assert entry["per_dose"].endswith(" mg/kg") and entry["per_day"].endswith(" mg/kg")
    assert entry["url"].startswith("http") and entry["read_on"] and entry["says"]
    return per(entry["per_dose"]), per(entry["per_day"])


def per_kg_day(text: str) -> tuple[float, float]:
    (p,) = reader().per_kg(text)
    return p.per_kg[1], p.per_kg[1] * max(1.0, round(1.0 / p.schedule.days, 6))


@pytest.mark.parametrize("substance,text,over", [
    ("acetaminophen", "Paracetamol 20 mg/kg four times a day for a child with a fever", (True, True)),
    ("acetaminophen", "Give paracetamol 15 mg/kg every 4 hours", (False, True)),          # 6 doses: 90 mg/kg
    ("acetaminophen", "Paracetamol 15 mg/kg every 6 hours, no more than 4 doses in 24 hours", (False, False)),
    ("ibuprofen", "Ibuprofen 10 mg/kg every 6 to 8 hours", (False, False)),
    ("ibuprofen", "Ibuprofen 15 mg/kg three times a day", (True, True)),
    ("ibuprofen", "ibuprofen 10 mg/kg 4 hourly", (False, True)),                           # 60 mg/kg a day
])
def test_reader_amounts_against_the_sourced_ceiling(substance, text, over):
    per_dose, per_day = ceiling(substance)
    dose, day = per_kg_day(text)
    assert (dose > per_dose, day > per_day) == over
