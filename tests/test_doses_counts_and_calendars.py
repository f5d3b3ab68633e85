"""Counted forms the labels name (softgels, pieces of gum, pens, nebules, gummies, pessaries,
plasters, "mls") and schedules by the calendar (every other week, named weekdays, "on days 1
and 2", a single dose "x1", an interval with a half, a least interval between doses), each in
several writers' styles. None of these sentences is in the corpus sig table."""

from __future__ import annotations

import pytest

from medlint.doses import parse_doses
from medlint.doses import units as U


def first(text: str):
    doses = parse_doses(text)
    assert doses, text
    return doses[0]


@pytest.mark.parametrize("text, unit", [
    ("Fish oil 1000 mg: take 2 softgels twice daily with food", "softgel"),          # US supplement label
    ("Omega-3 softgels: 1 softgel daily", "softgel"),
    ("Nicorette 4 mg gum: chew 1 piece when you feel the urge, up to 15 pieces a day", "piece"),  # UK pack
    ("Dupilumab 300 mg: inject 1 pen every 2 weeks", "pen"),                         # specialist letter
    ("Ipratropium 500 micrograms nebules: 1 neb four times daily", "nebule"),         # hospital chart
    ("Budesonide respules: 2 nebules twice a day", "nebule"),
    ("Vitamin C 250 mg: chew 2 gummies a day", "gummy"),                              # consumer page
    ("Clotrimazole: insert 1 pessary at night for 3 nights", "pessary"),             # UK leaflet
    ("Capsaicin 179 mg cutaneous patch: apply 1 plaster every 90 days", "patch"),      # a plaster is a patch
    ("Lactulose 15mls twice a day", "milliliter"),                                    # UK GP shorthand
])
def test_counted_forms_are_units(text, unit):
    d = first(text)
    assert d.amount.unit is not None and d.amount.unit.unit == unit
    assert d.unit_problem is None


def test_counted_forms_are_dimensions_of_their_own():
    reg = U.get_registry()
    assert not U.same_dimension(reg.Quantity(1, "softgel"), reg.Quantity(1, "capsule"))
    assert U.pint_registry().Quantity(2, "pessary").to("pessary").magnitude == 2
    assert U.lookup_spelling("plasters").unit == "patch" and U.lookup_spelling("mls").unit == "milliliter"


@pytest.mark.parametrize("text, per_day", [
    ("Humira 40 mg pen: inject every other week", 1 / 14),                          # consumer page
    ("Etanercept 25 mg sc fortnightly", 1 / 14),                                     # UK clinic letter
    ("Methotrexate 10 mg every Monday", 1 / 7),                                      # pharmacy label
    ("Take 2 tablets on Tuesdays and Saturdays", 2 / 7),                             # discharge sheet
    ("Co-trimoxazole 480 mg: 1 tab on Mon, Wed & Fri", 3 / 7),                       # hospital chart
    ("WARFARIN 3 MG EVERY TUESDAY, FRIDAY, AND SUNDAY", 3 / 7),                       # US pharmacy system
    ("Prednisolone 40 mg on days 1 to 5", 1),                                        # oncology protocol
    ("Metronidazole 2 g PO x1", 1),                                                  # US order
    ("Azithromycin 1 g x 1 dose", 1),
])
def test_calendar_schedules(text, per_day):
    f = first(text).frequency
    assert f is not None and f.administrations_per_day == pytest.approx(per_day)


def test_a_single_dose_x1_is_no_ten():
    assert first("Ondansetron 4 mg x10 tablets").frequency is None or \
        first("Ondansetron 4 mg x10 tablets").frequency.kind != "single"


@pytest.mark.parametrize("text, hours", [
    ("Benzydamine spray: 4 sprays every 1 1/2 to 3 hours", (1.5, 3)),               # UK pack
    ("Oxymetazoline: 2 sprays every 1½ hours", (1.5, 1.5)),
])
def test_intervals_with_a_half(text, hours):
    assert first(text).frequency.interval_hours == pytest.approx(hours)


@pytest.mark.parametrize("text, most", [
    ("Take 1 capsule when needed, leaving at least 4 hours between doses", 6),        # UK leaflet
    ("Ibuprofen 200 mg: 1-2 tablets as required, at least 6 hours apart", 4),          # consumer page
    ("Give 5 mL if needed, waiting at least 8 hours before the next dose", 3),        # children's sheet
])
def test_a_least_interval_is_the_interval(text, most):
    f = first(text).frequency
    assert f is not None and f.kind == "interval" and f.administrations_per_day == pytest.approx(most)
    assert f.fewest_per_day == 1


def test_a_least_interval_in_its_own_sentence_leaves_the_stated_frequency():
    d = first("Take 1 or 2 tablets up to 3 times a day. Leave at least 4 hours between doses.")
    assert d.frequency.per_day_range == (1, 3)


@pytest.mark.parametrize("text, most", [
    ("In an attack: 1 puff every 30 to 60 seconds, up to 10 puffs", 10),           # asthma action plan
    ("Ventolin: take one puff every 60 seconds, up to 10 puffs, then call 999", 10),  # UK leaflet
    ("Give 2 puffs every 2 minutes, up to 10 puffs", 10),                             # school inhaler card
])
def test_repeats_every_few_seconds_up_to_a_total(text, most):
    d = first(text)
    assert d.frequency is not None and d.frequency.kind == "interval"
    assert d.max_per_dose is None and d.max_per_day is not None and d.max_per_day.value == most
    assert d.daily_maximum().quantity.magnitude == most


def test_an_up_to_count_no_larger_than_the_dose_is_per_dose():
    d = first("Take 1-2 tablets every 4-6 hours, up to 2 tablets")
    assert d.max_per_dose is not None and d.max_per_day is None
