"""DOS010 on the intervals and names added for issues #15/#16: weekly GLP-1 injections
(semaglutide, dulaglutide, tirzepatide), weekly and monthly risedronate, monthly ibandronate,
and the brand names (Ozempic, Wegovy, Trulicity, Mounjaro, Actonel, Boniva/Bonviva, Maxtrex,
Zometa, Xgeva). Sentences in several writers' styles: a GP handout, a US drug handbook line,
a pharmacy Q&A, a weight-loss clinic page; the labelled daily strengths and the oral forms
must stay silent."""

import datetime

import pytest

from medlint.checks.schedule import names, schedule_hits
from medlint.registry import Context
from support import findings_for


def hits(text: str):
    n = names(Context(today=datetime.date(2026, 11, 24)))
    return [h[2] for h in schedule_hits(text, None, n)]


@pytest.mark.parametrize("text,excerpt", [
    ("Ozempic 0.5 mg daily – For type 2 diabetes.", "Ozempic 0.5 mg daily"),
    ("Wegovy 2.4 mg injection every day", "Wegovy 2.4 mg injection every day"),
    ("Semaglutide 1 mg pen every morning before breakfast.", "Semaglutide 1 mg pen every morning"),
    ("Trulicity 1.5 mg od", "Trulicity 1.5 mg od"),
    ("Dulaglutide 0.75 mg SC q24h", "Dulaglutide 0.75 mg SC q24h"),
    ("Mounjaro 5 mg twice a week", "Mounjaro 5 mg twice a week"),
    ("You inject tirzepatide 2.5 mg every day for the first 4 weeks.", "tirzepatide 2.5 mg every day"),
    ("Actonel 35 mg every day", "Actonel 35 mg every day"),
    ("Risedronate 150 mg once a week", "Risedronate 150 mg once a week"),
    ("Boniva 150 mg every week", "Boniva 150 mg every week"),
    ("Bonviva 150 mg tablets: take one tablet daily", "Bonviva 150 mg tablets: take one tablet daily"),
    ("Ibandronic acid 150 mg, one tablet every other day", "Ibandronic acid 150 mg, one tablet every other day"),
    ("Maxtrex 2.5 mg tablets: take 4 tablets every day", "Maxtrex 2.5 mg tablets: take 4 tablets every day"),
])
def test_flagged(text, excerpt):
    assert hits(text) == [excerpt]


@pytest.mark.parametrize("text", [
    "Ozempic 0.5 mg once a week – For type 2 diabetes.",
    "Wegovy 2.4 mg once weekly, on the same day each week",
    "Trulicity 1.5 mg once weekly",
    "Mounjaro 5 mg once a week, on the same day",
    "Tirzepatide 15 mg every 7 days",
    "Rybelsus (oral semaglutide) 7 mg once daily",           # the tablet is daily
    "Semaglutide 14 mg tablet once daily",
    "Ozempic 0.5 mg once a week with metformin 500 mg twice daily",   # metformin's schedule
    "Do not inject Ozempic 1 mg every day.",
    "Actonel 35 mg once a week",
    "Risedronate 5 mg daily",                                 # the labelled daily strength
    "Risedronate 30 mg daily for 2 months",                   # Paget's disease
    "Risedronate 150 mg once a month, on the same date each month",
    "Boniva 150 mg once monthly",
    "Ibandronate 2.5 mg daily",                               # the labelled daily strength
    "Zometa 4 mg every 3 to 4 weeks",                         # 21 days at the least
    "Xgeva 120 mg every 4 weeks",                             # 28 days at the least
    "Otrexup 15 mg injection daily",                          # no sourced interval for the injection
])
def test_silent(text):
    assert hits(text) == []


def test_the_message_quotes_the_label_and_the_weekly_schedule():
    n = names(Context(today=datetime.date(2026, 11, 24)))
    ((_, _, _, message, suggestion),) = schedule_hits("Ozempic 0.5 mg daily", None, n)
    assert "OZEMPIC (semaglutide) injection US prescribing information" in message and "7 times" in message
    assert suggestion.startswith('Write "once a week, on the same day each week"')


def test_monthly_strength_message():
    n = names(Context(today=datetime.date(2026, 11, 24)))
    ((_, _, _, message, suggestion),) = schedule_hits("Risedronate 150 mg once a week", None, n)
    assert "risedronate 150 mg at most one dose every month" in message and "MIMS" in message
    assert "once a month, on the same date each month" in suggestion


GLP1_PAGE = """Starting Mounjaro
What to expect
Mounjaro (tirzepatide) comes as a pre-filled pen. Your nurse will show you how to inject it under the skin of your tummy or thigh.
Dosage
The starting dose is 2.5 mg. Inject it every day for 4 weeks, then your doctor will increase it to 5 mg.
"""


def test_a_page_with_a_daily_weekly_pen_is_an_error(tmp_path):
    (f,) = findings_for(GLP1_PAGE, "DOS010", tmp_path)
    assert f.severity == "error" and "tirzepatide" in f.message


def test_the_same_page_written_weekly_is_silent(tmp_path):
    assert findings_for(GLP1_PAGE.replace("every day for 4 weeks", "once a week for 4 weeks"), "DOS010", tmp_path) == []
