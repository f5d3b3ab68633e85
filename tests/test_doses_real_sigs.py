"""Real prescription and label wordings, read as a pharmacist reads them (issue 15).

Each table is a CLASS of wordings (UK Latin abbreviations, hourly intervals, counts
written as words...), with sentences written for these tests, not taken from the
accuracy corpus (tests/corpus/sigs.yaml)."""

import pytest

from medlint.doses.parser import parse_doses


def _first(text):
    doses = parse_doses(text)
    assert doses, f"no dose read in {text!r}"
    return doses[0]


def _per_day(d):
    return d.frequency.administrations_per_day if d.frequency is not None else None


# -- 1. frequency abbreviations and words ------------------------------------

FREQUENCIES = [
    ("Prednisolone 10mg bd for 5 days", 2),
    ("Lansoprazole 30 mg BD", 2),
    ("Quinine 200mg b.d.", 2),
    ("Flucloxacillin 500mg tds", 3),
    ("Take 1 tab TDS after meals", 3),
    ("Doxycycline 100mg qds", 4),
    ("Levothyroxine 50 micrograms om", 1),
    ("Citalopram 20mg OM", 1),
    ("Bisoprolol 5mg mane", 1),
    ("Simvastatin 40mg on", 1),
    ("Melatonin 2mg ON", 1),
    ("Temazepam 10mg nocte", 1),
    ("Losartan 50mg qAM", 1),
    ("Pravastatin 20mg qHS", 1),
    ("Loratadine 10mg OD", 1),
    ("1 od", 1),
    ("2 morning and evening", 2),
    ("Warfarin 3mg once daily", 1),
    ("Metformin 850 mg TWICE a day", 2),
    ("Nifedipine 10mg THREE TIMES DAILY", 3),
]


@pytest.mark.parametrize("text,per_day", FREQUENCIES)
def test_frequency_words_are_read(text, per_day):
    assert _per_day(_first(text)) == per_day


HOURLY = [
    ("Oxycodone liquid 5mg 4 hourly", (4, 4)),
    ("Ibuprofen 200mg 6-8 hourly with food", (6, 8)),
    ("Salbutamol 2 puffs 4-6 hrly", (4, 6)),
    ("Paracetamol 1g q 8 hours", (8, 8)),
]


@pytest.mark.parametrize("text,interval", HOURLY)
def test_hourly_is_an_interval_not_every_hour(text, interval):
    f = _first(text).frequency
    assert f is not None and f.interval_hours == interval
    assert f.administrations_per_day == 24 / interval[0]


# "on" and "od" are English words too: only a frequency right after an amount
PLAIN_ENGLISH = [
    "Take 2 tablets on Monday and Thursday",
    "Ibuprofen 400 mg on an empty stomach is unwise",
    "Apply 1 patch on the upper arm",
]


@pytest.mark.parametrize("text", PLAIN_ENGLISH)
def test_on_as_a_word_is_no_frequency(text):
    for d in parse_doses(text):
        assert d.frequency is None or d.frequency.raw.lower() != "on"


# -- 2. counts written as words, ranges with "or", halves ---------------------

COUNTS = [
    ("take three qds", 3, None, None),
    ("TAKE TWO TWICE DAILY", 2, None, None),
    ("One capsule at night", 1, None, "capsule"),
    ("Take FOUR tablets each morning", 4, None, "tablet"),
    ("half a tablet bd", 0.5, None, "tablet"),
    ("take 2 or 3 tablets at night", 2, 3, "tablet"),
    ("1 or 2 caps qds when required", 1, 2, "capsule"),
    ("3 tabs tds", 3, None, "tablet"),
]


@pytest.mark.parametrize("text,low,high,unit", COUNTS)
def test_word_counts_and_or_ranges(text, low, high, unit):
    d = _first(text)
    assert d.amount is not None
    assert d.amount.low.value == low
    assert (d.amount.high.value if d.amount.high is not None else None) == high
    assert (d.amount.unit.unit if d.amount.unit is not None else None) == unit
    assert d.frequency is not None


def test_number_words_in_prose_are_no_doses():
    assert parse_doses("One of the oldest remedies is willow bark, two of them say") == []


# -- 3. product strength x count ---------------------------------------------

STRENGTH_COUNTS = [
    # text, strength (value, unit), count, per day, daily total in mg
    ("Paracetamol 500 mg tablets: take 2 four times a day", (500, "mg"), 2, 4, 4000),
    ("Ramipril 2.5mg 1 od", (2.5, "mg"), 1, 1, 2.5),
    ("Carbocisteine 375mg caps 2 morning and evening", (375, "mg"), 2, 2, 1500),
    ("Codeine 30mg tablets, 1-2 qds prn", (30, "mg"), 2, 4, 240),
    ("Naproxen 250 mg: two tablets bd with food", (250, "mg"), 2, 2, 1000),
    ("Sertraline 100mg half a tablet each morning", (100, "mg"), 0.5, 1, 50),
]


@pytest.mark.parametrize("text,strength,count,per_day,total", STRENGTH_COUNTS)
def test_strength_then_count_is_a_count_of_the_product(text, strength, count, per_day, total):
    d = _first(text)
    assert d.strength is not None and d.strength.kind == "unit"
    assert (d.strength.value, d.strength.unit) == strength
    assert d.amount.upper.value == count
    assert _per_day(d) == per_day
    assert d.unit_problem is None
    dm = d.daily_maximum()
    assert dm is not None and dm.quantity.to("mg / day").magnitude == pytest.approx(total)


NOT_STRENGTH = [
    "Ibuprofen 400 mg three times daily, 2 weeks at most",  # the mass is the dose
    "Magnesium 200 mg/day, 2 capsules",                      # a daily total keeps its meaning
    "Vitamin D 1000-2000 IU, 1 capsule daily",               # a range is a dose, not a strength
]


@pytest.mark.parametrize("text", NOT_STRENGTH)
def test_a_dose_amount_is_not_taken_for_a_strength(text):
    assert _first(text).strength is None


def test_strength_times_count_is_checked_against_the_ceiling(tmp_path):
    from support import findings_for

    drugs = "Mainstream Drug Therapies\n-\n"
    over = findings_for(drugs + "Paracetamol 500 mg tablets: take 3 four times a day.", "DOS003", tmp_path / "a")
    assert over and "6 g/day" in over[0].message
    assert not findings_for(drugs + "Paracetamol 500 mg tablets: take 2 four times a day.", "DOS003", tmp_path / "b")


def test_the_strength_alone_is_no_incomplete_dose(tmp_path):
    from support import findings_for

    drugs = "Mainstream Drug Therapies\n-\n"
    assert not findings_for(drugs + "Paracetamol 500 mg tablets: take 2 qds.", "DOS002", tmp_path)


# -- 4. maxima wordings --------------------------------------------------------

MAXIMA = [
    # text, which limit, its value
    ("1 tab 4-6 hrly prn, max 6/24h", "max_per_day", 6),
    ("2 caps qds prn (max 8 daily)", "max_per_day", 8),
    ("take two every eight hours, max six in twenty four hours", "max_per_day", 6),
    ("1-2 tablets 4 hourly. Do not take more than 8 tablets in 24 hours", "max_per_day", 8),
    ("Ibuprofen 200mg 1-2 tds prn, not to exceed 1200 mg/day", "max_per_day", 1200),
    ("1 sachet when required, no more than 3 doses in 24 hours", "max_doses_per_day", 3),
]


@pytest.mark.parametrize("text,slot,value", MAXIMA)
def test_maxima_wordings(text, slot, value):
    d = _first(text)
    lim = getattr(d, slot)
    assert lim is not None and lim.value == value
    if slot == "max_per_day" and lim.amount is not None and lim.amount.unit is None:
        assert d.max_doses_per_day is None  # a bare count caps units, not doses


def test_a_count_limit_caps_the_daily_count():
    d = _first("1-2 tabs 4 hourly prn max 8/24h")
    assert d.daily_maximum().quantity.magnitude == 8


def test_a_count_limit_caps_strength_times_count():
    d = _first("Paracetamol 500mg tablets: 2 qds prn, max 6 tablets in 24 hours")
    assert d.daily_maximum().quantity.to("mg / day").magnitude == 3000


def test_up_to_a_count_daily_is_no_limit():
    for d in parse_doses("Take up to 2 tablets daily"):
        assert d.max_per_day is None


def test_a_count_range_before_a_strength_does_not_glue_the_numbers():
    # "2 500" is not two thousand five hundred after "1 or"
    doses = parse_doses("Paracetamol: 1 or 2 500 mg tablets up to 4 times in 24 hours")
    assert doses and all(d.amount is None or d.amount.upper.value != 2500 for d in doses)
    # read as a count of 1 or 2 with each tablet's strength: 2 × 500 mg × 4/day = 4 g a day
    assert any(d.amount is not None and d.amount.upper.value == 2 and d.strength.value == 500 for d in doses)
    assert any("4 g/day" in d.daily_maximum().explanation for d in doses if d.daily_maximum())


# "od" after eye drops is the right eye (oculus dexter), not once daily
EYE = [
    ("Timolol 0.5% 1 drop od bd", 2),
    ("Chloramphenicol eye drops 1 drop OD qds", 4),
    ("Latanoprost 1 drop od", None),
]


@pytest.mark.parametrize("text,per_day", EYE)
def test_od_after_eye_drops_is_the_right_eye(text, per_day):
    for d in parse_doses(text):
        assert d.frequency is None or d.frequency.raw.lower() != "od"
    d = parse_doses(text)[-1]
    assert _per_day(d) == per_day
