"""Reader classes of dev set 11, each written for this test in two page styles (an Asian online
pharmacy's product page, a UK or Australian leaflet): a product line that names each substance
with its own strength where one substance is not in the name tables ("Paracetamol 450 mg /
Orphenadrine Citrate 35 mg"); later classes of the same set follow."""

from __future__ import annotations

import pytest

from medlint.doses.reading import Reading
from support import findings_for


def _combination(text: str):
    found = Reading(text).combinations
    assert len(found) == 1, found
    return {(i.substance, i.strength.value if i.strength else None) for i in found[0].ingredients}


@pytest.mark.parametrize("text, known, other", [
    ("Myorelax Caplets (Paracetamol 500 mg / Chlorzoxazone 250 mg) x 30", ("acetaminophen", 500.0),
     ("chlorzoxazone", 250.0)),
    ("Each tablet: Tolperisone Hydrochloride 150 mg + Ibuprofen 200 mg", ("ibuprofen", 200.0),
     ("tolperisone", 150.0)),
])
def test_a_product_line_with_a_substance_the_tables_do_not_know_is_one_product(text, known, other):
    assert _combination(text) == {known, other}


@pytest.mark.parametrize("text", [
    "Zinc 10 mg / Selenium 50 mcg softgels",              # no substance the tables know
    "Take ibuprofen 400 mg and paracetamol 500 mg together",  # two medicines taken together (a word joins)
    "Tablets 500 mg / 5 mL suspension",                     # a form word is no substance
])
def test_no_known_substance_or_a_word_join_is_no_product(text):
    assert all(len(c.ingredients) < 2 or all(i.substance not in ("tablets",) for i in c.ingredients)
               for c in Reading(text).combinations)
    assert not [c for c in Reading(text).combinations if c.strengths_span and "paracetamol" not in c.name.raw.lower()
                and "ibuprofen" not in c.name.raw.lower()]


OVER = [
    # an online pharmacy's product page: 2 caplets up to 6 times a day, 12 x 500 mg = 6 g of paracetamol
    ("Myorelax Caplets (Paracetamol 500 mg / Chlorzoxazone 250 mg) 30s\n\nA muscle relaxant with a pain reliever, "
     "for back strain.\n\nHow to use\n\nAdults: 2 caplets every 4 hours as needed for muscle pain.\n", False),
    # a UK-style leaflet in markdown: two tablets every four hours, 12 x 450 mg = 5.4 g of paracetamol
    ("# Spasmolin Tablets - Paracetamol 450 mg + Orphenadrine Citrate 35 mg\n\n## How to take them\n\n"
     "Adults: two tablets every four hours when required.\n", True),
]
WITHIN = [
    # 2 tablets every 6 hours: 8 x 325 mg = 2.6 g
    ("# Spasmolin Tablets - Paracetamol 325 mg + Orphenadrine Citrate 25 mg\n\n## How to take them\n\n"
     "Adults: 2 tablets every 6 hours when required.\n", True),
]


@pytest.mark.parametrize("text, markdown", OVER)
def test_a_count_of_the_product_line_is_judged_by_its_known_substance(text, markdown, tmp_path):
    got = findings_for(text, "DOS003", tmp_path, markdown=markdown)
    assert len(got) == 1 and "the title names" in got[0].message, [f.message for f in got]


@pytest.mark.parametrize("text, markdown", WITHIN)
def test_a_count_within_the_ceiling_passes(text, markdown, tmp_path):
    assert findings_for(text, "DOS003", tmp_path, markdown=markdown) == []


# Thousands written with K and the Indian lakh: "60K" is 60,000 (a vitamin D strength, in IU
# before a count form), "1 lakh IU" is 100,000 IU; a bare "50K" with no form keeps no unit.

from medlint.doses import parse_doses  # noqa: E402


@pytest.mark.parametrize("text, value, unit", [
    ("Rx: Cholecalciferol granules 60K sachet, one weekly x 8 weeks", 60000.0, "IU"),   # a clinic's slip
    ("My doctor said one 60K capsule every Sunday with milk.", 60000.0, "IU"),          # a forum post
])
def test_a_k_number_before_a_count_form_is_a_strength_in_iu(text, value, unit):
    d = parse_doses(text)[0]
    assert d.strength is not None and d.strength.value == value and d.strength.unit.lower() == unit.lower(), d


@pytest.mark.parametrize("text, value, unit", [
    ("Inj. vitamin D3 6 lakh IU single dose, then review", 600000.0, "international_unit"),
    ("He was given 3 lakh IU once, by injection", 300000.0, "international_unit"),
    ("Benzylpenicillin benzathine 2.4 million units by deep IM injection once", 2400000.0, "enzyme_unit"),
])
def test_a_lakh_or_a_million_multiplies_the_number(text, value, unit):
    d = parse_doses(text)[0]
    assert d.amount.upper.value == value and d.amount.unit.unit == unit, d


@pytest.mark.parametrize("text", ["I earn 50K a month and the sachets cost Rs 50", "She ran a 10K race last week."])
def test_a_bare_k_number_is_no_dose(text):
    assert [d for d in parse_doses(text) if d.amount is not None and d.amount.upper.value >= 10000] == []


@pytest.mark.parametrize("text, markdown", [
    ("# Vitamin D questions\n\n## Answers\n\nJust take one vitamin D3 60K sachet daily for 8 days.\n", True),
    ("Vitamin D sachets: your questions\n\nA short guide from our pharmacy.\n\nAnswer\n\n"
     "Take a 60K vitamin D sachet every day for a week.\n", False),
])
def test_a_daily_k_sachet_of_vitamin_d_is_above_its_ceiling(text, markdown, tmp_path):
    got = findings_for(text, "DOS003", tmp_path, markdown=markdown)
    assert len(got) == 1 and "60000 IU/day" in got[0].message, [f.message for f in got]


# Sig wordings of another language on a bilingual page (``sig_languages`` of the lexicon): an
# interval, as needed and a limit in Spanish are read as their English; an instruction with no
# amount may open on "you can" ("You can give a dose ...", "Puede darle una dosis ...") and stand
# as the last sentence of a longer paragraph.

@pytest.mark.parametrize("text, hours, per_day", [
    ("Puede darle una dosis cada 4 a 6 horas si la necesita.", (4.0, 6.0), 6.0),       # a clinic's handout
    ("Dele una dosis cada 8 horas si lo necesita.", (8.0, 8.0), 3.0),                   # a pharmacy's leaflet
])
def test_a_spanish_interval_as_needed_is_read(text, hours, per_day):
    d = parse_doses(text)[0]
    assert d.frequency.interval_hours == hours and d.frequency.administrations_per_day == per_day, d
    assert d.as_needed is not None


@pytest.mark.parametrize("text, most", [
    ("Tome 1 tableta cada 6 horas si la necesita. No tome más de 4 dosis en 24 horas.", 4.0),
    ("Dele una dosis cada 6 a 8 horas si es necesario; no le dé más de 3 dosis en 24 horas.", 3.0),
])
def test_a_spanish_limit_of_doses_is_read(text, most):
    d = parse_doses(text)[0]
    assert d.max_doses_per_day is not None and d.max_doses_per_day.value == most, d


def test_you_can_give_a_dose_after_a_longer_sentence_is_a_sig():
    text = ("Use the weight chart above and the measuring syringe from the box. "
            "You can give a dose every 4 to 6 hours if needed.")
    d = parse_doses(text)[0]
    assert d.amount is None and d.frequency.interval_hours == (4.0, 6.0) and d.as_needed is not None


@pytest.mark.parametrize("text", [
    "Increase your walking a little each day. Most sprains settle within six weeks.",
    "Given by the practice nurse every 12 weeks. Next due in March.",
])
def test_a_sentence_with_no_as_needed_in_a_longer_text_is_no_sig(text):
    assert parse_doses(text) == []


@pytest.mark.parametrize("text, markdown", [
    ("# Medicina para la fiebre\n\n## Acetaminofén para niños (Tylenol) - líquido, 160 mg en 5 mL\n\n"
     "Use la tabla de peso de arriba. Puede darle una dosis cada 4 a 6 horas si la necesita.\n", True),
    ("Fiebre en niños / Fever in children\n\nUna hoja de nuestra clínica.\n\nTylenol para niños\n\n"
     "Mida con la jeringa del frasco. Dele una dosis cada 4 horas si la necesita.\n", False),
])
def test_a_spanish_as_needed_interval_with_no_cap_is_flagged(text, markdown, tmp_path):
    got = findings_for(text, "DOS001", tmp_path, markdown=markdown)
    assert len(got) == 1, [f.message for f in got]


# Elliptical amounts: a bare number after an amount with its unit, in the same sentence, right
# after a join ("and then", "another") and before a frequency, carries that unit; a bare number
# elsewhere does not.

@pytest.mark.parametrize("text, value, unit, per_day", [
    # a video transcript's speech
    ("so what I do is 400 milligrams before the race, and then 400 every three hours while I'm running", 400.0,
     "milligram", 8.0),
    # a forum reply
    ("Take 500 mg now and another 500 at bedtime", 500.0, "milligram", 1.0),
    # a nurse line's note
    ("Give 10 ml straight away, then 5 every 6 hours", 5.0, "milliliter", 4.0),
])
def test_a_bare_number_after_an_amount_carries_its_unit(text, value, unit, per_day):
    steps = [s for d in parse_doses(text) for s in d.steps if s.frequency is not None]
    s = steps[-1]
    assert s.amount.upper.value == value and s.amount.unit.unit == unit, s
    assert s.frequency.administrations_per_day == per_day


@pytest.mark.parametrize("text", [
    "Paracetamol 500 mg tablets: take 2 now and then 1 every 4 hours",   # a count, not a mass
    "I took 400 mg. Then 2 every day for a week",                        # another sentence
    "Take 20 mg daily; 3 people in 10 get a headache",                   # no join, no schedule
])
def test_a_bare_number_elsewhere_keeps_no_unit(text):
    for d in parse_doses(text):
        for s in d.steps:
            if s.amount is not None and s.amount.raw.strip() in ("1", "2", "3"):
                assert s.amount.unit is None or s.amount.unit.kind == "count", s


@pytest.mark.parametrize("text, markdown", [
    ("# Ibuprofen for runners: a video\n\n## Transcript\n\nhere's how I'd do it: 400 milligrams of ibuprofen before "
     "the start, and then 400 every two hours while you're out there\n", True),
    ("Ibuprofen on race day\n\nA coach answers.\n\nAnswer\n\nTake ibuprofen 400 mg at the start and then 400 "
     "every 2 hours until you finish.\n", False),
])
def test_an_elliptical_interval_dose_is_judged_as_an_amount(text, markdown, tmp_path):
    got = findings_for(text, "DOS003", tmp_path, markdown=markdown)
    assert len(got) == 1 and "4.8 g" in got[0].message, [f.message for f in got]


# "For more than a day" is a duration, never "a day" of a frequency; a product line's
# strength before its form, brand and colon ("5 mg capsules (OxyNorm):") names the product.

@pytest.mark.parametrize("text", [
    "If you forget it for more than a day, take one as soon as you remember.",
    "If you have been sick within a day of starting, ring us; take one tablet now.",
])
def test_a_day_after_than_or_within_is_no_frequency(text):
    assert all(d.frequency is None or d.frequency.raw.lower() != "a day" for d in parse_doses(text))


@pytest.mark.parametrize("text", [
    "- **Morphine modified-release 10 mg tablets (Zomorph):** see your reducing plan below.",
    "Tramadol 50 mg capsules (Zamadol): follow the chart on the next page.",
])
def test_a_product_lines_strength_before_its_colon_is_no_dose(text):
    assert [d for d in parse_doses(text) if d.amount is not None] == []


def test_a_product_lines_strength_still_leads_its_directions():
    d = parse_doses("Tramadol 50 mg capsules (Zamadol): take 1 capsule every 6 hours")[0]
    assert d.strength is not None and d.strength.value == 50.0 and d.amount.upper.value == 1.0
