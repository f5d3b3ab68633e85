"""CON006: a cap written per dose with how often ("Max: 600 mg tid") whose daily total is above
every daily cap the page writes for the same medicine ("Max: 600 mg daily"): the page says two
things about the most a day. Every line is written for this test, in the manner of a drug index, a
hospital formulary card, a pharmacy's Q&A and a care home's medicines sheet."""

from __future__ import annotations

import pytest

from tests.support import findings_for


def con(tmp_path, text):
    return [f.excerpt for f in findings_for(text, "CON006", tmp_path)]


@pytest.mark.parametrize("text, said", [
    # a drug index: the slip in one indication, the daily cap in another
    ("Gabapentin\nNeuropathic pain\nAdult: 300 mg on day 1, then 300 mg twice daily. Max: 1200 mg tid.\n"
     "Epilepsy\nAdult: 300 mg three times daily. Max: 1800 mg daily.\n", "Max: 1200 mg tid"),
    # a formulary card in grams
    ("Paracetamol\nAdults: 1 g every 4 to 6 hours. Maximum 2 g four times a day.\nLiver disease: maximum 3 g "
     "daily.\nAll adults: no more than 4 g in 24 hours.\n", "Maximum 2 g four times a day"),
    # a pharmacy Q&A in tablets
    ("Co-codamol 30/500\nTake 1 or 2 tablets every 4 to 6 hours, no more than 8 tablets in 24 hours. The maximum "
     "is 4 tablets four times a day.\n", "maximum is 4 tablets four times a day"),
])
def test_a_per_dose_cap_above_the_pages_daily_cap_is_flagged(tmp_path, text, said):
    got = con(tmp_path, text)
    assert len(got) == 1 and said in got[0], got


@pytest.mark.parametrize("text", [
    # the same total written both ways
    "Paracetamol\nAdults: 1 g every 4 to 6 hours, maximum 1 g four times a day (no more than 4 g daily).\n",
    # two medicines, each its own cap
    "Pain relief\nIbuprofen: no more than 1,200 mg daily. Gabapentin: maximum 600 mg three times a day.\n",
    # no daily cap on the page to contradict
    "Pregabalin\nAdult: 75 mg twice daily. Max: 300 mg twice daily.\n",
    # a per-dose cap under the daily one
    "Ibuprofen\nAdults: 200 mg to 400 mg three times a day, maximum 400 mg three times a day; no more than "
    "1,200 mg in 24 hours.\n",
])
def test_caps_that_agree_are_silent(tmp_path, text):
    assert con(tmp_path, text) == []


def test_a_cap_in_brackets_takes_no_frequency_from_outside_them(tmp_path):
    # a children's formulary line: the per-dose cap in brackets, how often for the dose
    text = ("Ibuprofen for children\nGive 10 mg/kg (max 400 mg) every 6 to 8 hours. Older children: no more "
            "than 1,200 mg a day.\n")
    assert con(tmp_path, text) == []
