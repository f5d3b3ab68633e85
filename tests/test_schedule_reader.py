"""The schedule reader (medlint/doses/schedule.py): days between doses in many writers' wordings,
amounts by mass, and per-kg doses with the body weights of their sentence."""

import pytest

from medlint.doses.schedule import in_words, reader, sentences

DAY, WEEK, MONTH, YEAR = 1.0, 7.0, 365 / 12, 365.0


@pytest.mark.parametrize("text,days", [
    # NHS-like and UK prescription wordings
    ("take it once a week, on the same day each week", WEEK),
    ("one tablet every morning", DAY),
    ("2 tablets bd", 0.5),
    ("10 mg od", DAY),
    ("one to be taken 4 hourly", 4 / 24),
    ("an injection every 3-monthly", 3 * MONTH),
    ("1 tablet on alternate days", 2.0),
    # US handbook
    ("PO 7.5 mg once weekly", WEEK),
    ("250 mg q6-8h", 0.25),
    ("1 tab PO qAM", DAY),
    ("1 cap P.O. BID", 0.5),
    ("500 mg every 4–6 hours", 4 / 24),
    ("IV 5 mg once yearly", YEAR),
    # pharmacy Q&A and leaflets
    ("you have it every 6 months", 6 * MONTH),
    ("once every six months", 6 * MONTH),
    ("every 12 months", YEAR),
    ("once a year", YEAR),
    ("twice a year", YEAR / 2),
    ("every other day", 2.0),
    ("every second week", 14.0),
    ("every 7 days", WEEK),
    ("every Monday", WEEK),
    ("on Mondays, Wednesdays and Fridays", 7 / 3),
    ("three times a week", 7 / 3),
    ("2x/day", 0.5),
    ("up to 4 times in 24 hours", 0.25),
    ("q week x 8 weeks", WEEK),
])
def test_days_between_doses(text, days):
    found = reader().schedules(text)
    assert found, text
    assert min(s.days for s in found) == pytest.approx(days, rel=1e-3)


@pytest.mark.parametrize("text", [
    "for 2 weeks", "daily activities", "your daily life", "pick a day that suits you", "1 drop in the right eye",
    "on days 1 and 2", "a 12-month supply", "the daily living scale",
])
def test_not_schedules(text):
    assert [s for s in reader().schedules(text) if not s.time_of_day] == [], text


def test_time_of_day_is_read_but_marked():
    found = reader().schedules("70 mg in the morning")
    assert [(s.raw, s.time_of_day) for s in found] == [("in the morning", True)]
    assert not reader().schedules("see you in the morning")  # only after an amount


def test_od_is_a_frequency_only_after_an_amount():
    assert [s.raw for s in reader().schedules("methotrexate 10mg od")] == ["od"]
    assert reader().schedules("the OD and the OS") == []


@pytest.mark.parametrize("text,mg", [("70 mg", (70, 70)), ("2.5mg", (2.5, 2.5)), ("1 g", (1000, 1000)),
                                     ("7.5-25 mg", (7.5, 25)), ("500 micrograms", (0.5, 0.5))])
def test_masses(text, mg):
    (m,) = reader().masses(text)
    assert (m.low, m.high) == pytest.approx(mg)


def test_per_kg_times_a_weight_band():
    (p,) = reader().per_kg("Children weighing 10 to 20 kg: paracetamol 15 mg/kg every 4-6 hours.")
    assert p.per_kg == (15, 15) and p.weights == (10, 20) and p.per_dose == (150, 300)
    assert p.per_day == pytest.approx(1800) and p.schedule.raw == "every 4-6 hours"


def test_per_kg_slip_gives_grams_per_dose():
    (p,) = reader().per_kg("Paracetamol 15 g/kg every 4 hours for a 12 kg child")
    assert p.per_dose == (180_000, 180_000)  # 180 g a dose: the reading a check would need a ceiling for


def test_per_kg_without_a_weight():
    (p,) = reader().per_kg("Amoxicillin 45 mg/kg twice a day")
    assert p.weights is None and p.per_dose is None and p.schedule.days == 0.5


@pytest.mark.parametrize("days,words", [(1, "every day"), (0.5, "twice a day"), (0.25, "4 times a day"),
                                        (1 / 6, "every 4 hours"), (2, "every other day"), (7, "every week"),
                                        (14, "every 2 weeks"), (365 / 2, "every 6 months"), (365, "every year"),
                                        (21, "every 3 weeks"), (10, "every 10 days")])
def test_in_words(days, words):
    assert in_words(days) == words


def test_sentences():
    text = "Take 70 mg. Once a week! Then stop\nNext line"
    assert [text[a:b].strip() for a, b in sentences(text)] == ["Take 70 mg.", "Once a week!", "Then stop", "Next line"]


from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

UNITS = {"day": DAY, "days": DAY, "week": WEEK, "weeks": WEEK, "month": MONTH, "months": MONTH,
         "year": YEAR, "years": YEAR, "hours": 1 / 24}


@given(st.integers(1, 99), st.sampled_from(sorted(UNITS)), st.sampled_from(["every", "each", "once every", "Every"]),
       st.sampled_from(["", "Take 10 mg ", "one tablet "]))
@settings(max_examples=150, deadline=None)
def test_every_n_units(n, unit, every, lead):
    (s,) = reader().schedules(f"{lead}{every} {n} {unit}")
    assert s.days == pytest.approx(n * UNITS[unit], rel=1e-6)


@given(st.integers(1, 12), st.sampled_from(["times a day", "times daily", "times per day", "x/day", "times a week",
                                             "times a year"]))
@settings(max_examples=100, deadline=None)
def test_n_times_per_unit(n, per):
    unit = WEEK if "week" in per else YEAR if "year" in per else DAY
    (s,) = reader().schedules(f"{n} {per}")
    assert s.days == pytest.approx(unit / n, rel=1e-6)
