"""A count of a medicine named after it (issue #15, strength × count): "Take 2 co-codamol
tablets every 4 hours", "I take 3 of the 30/500 co-codamol", "Take 3 paracetamol 500 mg tablets".
The count is the amount, a strength in mass multiplies it, a combination strength ("30/500")
is the product's and neither a dose nor a count."""

import pytest

from medlint.doses import parse_doses
from support import findings_for

DRUGS = "Mainstream Drug Therapies\n-\n"


def one(text):
    doses = parse_doses(text)
    assert len(doses) == 1, [d.text for d in doses]
    return doses[0]


# (text, count low, count high, strength in mg or None, medicine as written, form)
COUNTS = [
    # UK dispensing labels
    ("Take 2 co-codamol tablets every 4 hours", 2, 2, None, "co-codamol", "tablet"),
    ("Take 3 co-codamol 30/500 tablets every 4 hours", 3, 3, None, "co-codamol", "tablet"),
    ("Take ONE or TWO co-codamol 8/500 tablets every 4 to 6 hours when required", 1, 2, None, "co-codamol", "tablet"),
    ("Take 3 paracetamol 500 mg tablets every 4 hours", 3, 3, 500, "paracetamol", "tablet"),
    # US pharmacy labels with a brand
    ("Take 2 Tylenol Extra Strength caplets every 4 hours", 2, 2, None, "Tylenol", "tablet"),
    ("TAKE 2 ADVIL 200 MG TABLETS BY MOUTH EVERY 4 HOURS", 2, 2, 200, "ADVIL", "tablet"),
    # first-person forum posts
    ("I take 3 of the 30/500 co-codamol every 4 hours", 3, 3, None, "co-codamol", None),
    ("I take 2 co-codamol every 4 hours", 2, 2, None, "co-codamol", None),
    ("tbh I just take 2 of my ibuprofen 400mg tablets three times a day", 2, 2, 400, "ibuprofen", "tablet"),
    # a leaflet
    ("Adults: take one or two 500 mg paracetamol tablets up to four times a day", 1, 2, 500, "paracetamol", "tablet"),
    # NZ / AU wordings
    ("Take 2 Panadol 500 mg tablets every 4 to 6 hours as required", 2, 2, 500, "Panadol", "tablet"),
    ("Take two Panadol Osteo caplets three times a day", 2, 2, None, "Panadol", "tablet"),
    # a count of the form, the medicine after it
    ("Take 2 tablets of co-codamol 30/500 every 4 hours", 2, 2, None, "co-codamol", "tablet"),
]


@pytest.mark.parametrize("text,low,high,mg,name,form", COUNTS)
def test_count_of_a_named_medicine(text, low, high, mg, name, form):
    d = one(text)
    assert (d.amount.low.value, d.amount.upper.value) == (low, high)
    assert d.substance is not None and d.substance.raw.split()[0] == name  # "co-codamol 30/500" is a name too
    assert d.frequency is not None
    if mg is None:
        assert d.strength is None  # "30/500" is no strength of the count and no dose
    else:
        assert d.strength is not None and d.strength.kind == "unit" and d.strength.value == mg
    assert (d.form.name if d.form is not None else None) == form
    assert text[d.span[0]:d.span[1]] == d.text


def test_the_strength_multiplies_the_count():
    d = one("Take 3 paracetamol 500 mg tablets every 4 hours")
    dm = d.daily_maximum()
    assert dm.quantity.to("gram/day").magnitude == pytest.approx(9)
    assert "3 × 500 mg × 6/day" in dm.explanation


def test_a_bare_count_of_tablets_is_counted_in_tablets():
    dm = one("Co-codamol 30/500 tablets: take 3 every 4 hours").daily_maximum()
    assert dm is not None and "3 tablets × 6/day" in dm.explanation


def test_the_next_dose_of_the_clause_names_its_own_medicine():
    doses = parse_doses("When it flares I take 3 of the 30/500 co-codamol every 4 hours and naproxen 500mg "
                        "three times a day")
    assert [d.substance.raw for d in doses] == ["co-codamol", "naproxen"]


@pytest.mark.parametrize("text", [
    "a pack of 32 paracetamol 500 mg tablets",
    "Each co-codamol 30/500 tablet contains 30 mg codeine and 500 mg paracetamol",
    "2 paracetamol tablets were found in the bag",
    "We found 3 co-codamol 30/500 tablets in his coat pocket",
    "Boots sells packs of 16 Panadol 500 mg tablets, 2 for £3",
])
def test_mentions_of_counted_products_are_no_doses(text):
    assert parse_doses(text) == []


@pytest.mark.parametrize("text", [
    DRUGS + "Take 3 co-codamol 30/500 tablets every 4 hours – Pain.",
    DRUGS + "When it flares I take 3 of the 30/500 co-codamol every 4 hours.",
    DRUGS + "Take 2 tablets of co-codamol 30/500 every 4 hours – Pain.",
])
def test_above_the_counted_ceiling(text, tmp_path):
    got = findings_for(text, "DOS003", tmp_path)
    assert len(got) == 1
    assert "18 tablet/day > 8 tablet/day" in got[0].message or "12 tablet/day > 8 tablet/day" in got[0].message
    assert "co-codamol" in got[0].message


def test_within_the_counted_ceiling(tmp_path):
    text = DRUGS + "Take 1 or 2 co-codamol 30/500 tablets every 4 to 6 hours, no more than 8 tablets in 24 hours."
    assert findings_for(text, "DOS003", tmp_path) == []


def test_paracetamol_count_times_strength_above_ceiling(tmp_path):
    got = findings_for(DRUGS + "Take 3 paracetamol 500 mg tablets every 4 hours – Pain.", "DOS003", tmp_path)
    assert len(got) == 1 and "3 × 500 mg × 6/day = 9 g/day > 4 g/day" in got[0].message
