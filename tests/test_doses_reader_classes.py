"""Classes of sig the dose reader reads as a pharmacist does (issue #15), each in several
writers' styles: UK prescriptions, US pharmacy labels, OTC packs, consumer pages. None of
these sentences is in the corpus sig table."""

from __future__ import annotations

import pytest

from medlint.doses import parse_doses


def first(text: str):
    doses = parse_doses(text)
    assert doses, text
    return doses[0]


# -- ranged frequencies: the fewest to the most administrations a day

@pytest.mark.parametrize("text, want", [
    ("Hyoscine 10mg 1 bd-tds", (2, 3)),                                  # UK prescription
    ("Senna 7.5mg ii od-bd", (1, 2)),
    ("Take one or two capsules two to three times a day", (2, 3)),       # leaflet
    ("Apply 1 g of the gel 2 or 3 times daily", (2, 3)),                # consumer page
    ("Adults: 10 ml three to four times daily after food", (3, 4)),     # OTC pack
    ("Use 1 spray in each nostril once or twice daily", (1, 2)),
    ("Take 1 tablet every 8 hours", (3, 3)),
    ("1 cap qid", (4, 4)),
])
def test_ranged_frequency(text, want):
    assert first(text).frequency.per_day_range == pytest.approx(want)


@pytest.mark.parametrize("text", [
    "Take 2 tablets up to four times a day",          # OTC pack
    "1 sachet up to 4 times in 24 hours",
    "Chew 1 tablet up to qds",                         # UK abbreviation after the ceiling
    "You can take 400 mg up to three times daily",     # consumer page
])
def test_up_to_a_frequency_is_a_ceiling(text):
    lo, hi = first(text).frequency.per_day_range
    assert lo == 1 and hi > 1


# -- as-needed wordings of packs and leaflets

@pytest.mark.parametrize("text", [
    "Adults: take 2 tablets every 4 hours while symptoms last",
    "Take 1 capsule every 6 hours while symptoms persist. Max 4 capsules in 24 hours",
    "Chew 1-2 tablets as symptoms occur",
    "Child 6-11 years: 5 ml every 4-6 hours when necessary",
    "Give 2.5 ml if necessary, every 4-6 hours",
])
def test_as_needed_wordings(text):
    assert first(text).as_needed is not None


@pytest.mark.parametrize("text", [
    "Take 1 tablet three times a day for 7 days",
    "Apply 1 g of the cream twice daily until the rash clears",
    "Take 2 tablets in the morning",
])
def test_not_as_needed(text):
    assert first(text).as_needed is None


# -- multi-phase sigs: the envelope over every step; the checks keep reading the first

@pytest.mark.parametrize("text, amount, per_day", [
    # UK prescription: loading dose then maintenance
    ("Clarithromycin 500 mg stat then 250 mg bd for 5 days", (250, 500), (2, 2)),
    # US label: taper written with "then"
    ("Take 3 tablets daily for 2 days, then 2 tablets daily for 2 days, then 1 tablet daily", (1, 3), (1, 1)),
    # consumer page: titration to a target
    ("Start with 50 mg once a day, then increase to 100 mg twice a day", (50, 100), (1, 2)),
    # leaflet: "followed by"
    ("Adults: initially 400 mg, followed by 200 mg every 8 hours", (200, 400), (3, 3)),
    # titration by steps up to a stated maximum: the cadence of the change is no dose frequency
    ("Gabapentin 300 mg at night, increasing by 300 mg every 3 days to a maximum of 1800 mg a day",
     (300, 1800), (1, 1)),
    # a taper by steps reaches the size of its step
    ("Prednisolone 20 mg daily for a week, then reduce by 5 mg every week", (5, 20), (1, 1)),
])
def test_envelope(text, amount, per_day):
    d = first(text)
    env = d.envelope()
    assert (env.low, env.high) == pytest.approx(amount)
    assert env.per_day == pytest.approx(per_day)
    assert d.amount is d.steps[0].amount  # the first step is still the dose the checks read


def test_envelope_leaves_the_first_step_to_the_checks():
    d = first("Ciprofloxacin 750 mg stat then 500 mg bd for 7 days")
    assert d.amount.low.value == 750 and d.frequency.kind == "single"
    assert d.envelope().per_day == (2, 2)  # the stat dose is not a regular phase


def test_envelope_as_needed_only_from_the_schedule_itself():
    # "if needed" on a change of dose is about the change
    assert not first("Propranolol 40 mg bd, increase to 80 mg bd after 2 weeks if needed").envelope().as_needed
    assert first("Paracetamol 1 g now, then 1 g every 6 hours when required").envelope().as_needed


def test_envelope_of_a_range_across_two_units_is_in_its_first_unit():
    env = first("Paracetamol 500mg-1g every 4-6 hours").envelope()
    assert (env.low, env.high, env.unit) == (500, 1000, "milligram")


def test_envelope_record_only_where_it_says_more():
    assert "envelope" not in first("Take 2 tablets four times a day").to_record()
    rec = first("Citalopram 10 mg od for 1 week, then 20 mg od").to_record()
    assert rec["envelope"]["low"] == 10 and rec["envelope"]["high"] == 20


# -- a limit that is a bare count counts what the dose counts

@pytest.mark.parametrize("text, unit", [
    ("1-2 tabs qds prn, max 8/24h", "tablet"),                                  # UK prescription
    ("Take 2 capsules every 4 hours, not more than 12 in 24 hours", "capsule"),  # OTC pack
    ("Chew 1 lozenge every 2 hours, max 12 daily", "lozenge"),
])
def test_limit_count_inherits_the_unit(text, unit):
    d = first(text)
    rec = d.to_record()["max_per_day"]
    assert rec["unit"] == unit and rec["unit_inherited"] is True


# -- a product line, then the count taken of it: the unit is the form the line names

@pytest.mark.parametrize("text, count, unit, per_day", [
    ("Lansoprazole 30mg caps 1 daily", (1, 1), "capsule", (1, 1)),                   # UK prescription
    ("Naproxen 250mg tablets: 2 bd pc", (2, 2), "tablet", (2, 2)),
    ("Cetirizine 10 mg tablets. One to be taken daily", (1, 1), "tablet", (1, 1)),    # dispensing label
    ("Fexofenadine 120mg tablets, one daily", (1, 1), "tablet", (1, 1)),              # consumer page
    ("Codeine 15mg tabs 1-2 qds prn", (1, 2), "tablet", (4, 4)),
    ("Bisacodyl 10 mg suppositories: insert one at night", (1, 1), "suppository", (1, 1)),
])
def test_product_line_then_count(text, count, unit, per_day):
    d = first(text)
    assert (d.amount.low.value, d.amount.upper.value) == count
    assert d.strength is not None and d.strength.kind == "unit"
    assert d.count_unit == unit
    assert d.frequency.per_day_range == per_day


def test_label_strength_before_a_product_line_is_not_a_dose():
    doses = parse_doses("20 mg: Citalopram 20mg tablets: 1 om, max 1 in 24 hours")
    assert len(doses) == 1 and doses[0].amount.low.value == 1


def test_a_number_before_daily_is_a_count_not_a_frequency():
    d = first("Take 2 daily with food")
    assert d.amount.low.value == 2 and d.frequency.per_day_range == (1, 1)
    assert first("Take 1 tablet 2 times daily").frequency.per_day_range == (2, 2)


# -- liquids: the volume is the dose, the concentration its strength

@pytest.mark.parametrize("text, volume, per_day", [
    ("Amoxicillin 250mg/5ml suspension: 5ml tds", (5, 5), (3, 3)),                    # UK prescription
    ("Oramorph 10mg/5ml oral solution 2.5-5ml 4 hourly prn", (2.5, 5), (6, 6)),
    ("Give 7.5 mL of the 120 mg/5 mL suspension four times a day", (7.5, 7.5), (4, 4)),  # consumer page
    ("10 ml (250 mg/5 ml) every 6 hours", (10, 10), (4, 4)),                          # US label
])
def test_liquid_with_a_concentration(text, volume, per_day):
    d = first(text)
    assert (d.amount.low.value, d.amount.upper.value) == volume
    assert d.amount.unit.kind == "volume"
    assert d.strength is not None and d.strength.kind == "concentration"
    assert d.frequency.per_day_range == per_day


def test_a_concentration_heading_a_line_is_not_a_dose():
    doses = parse_doses("125 mg/5 mL: Cefalexin 125mg/5ml suspension: 10 ml bd")
    assert doses[0].amount.low.value == 10 and doses[0].strength.raw == "125mg/5ml"


# -- Latin numerals of prescriptions

@pytest.mark.parametrize("text, count", [
    ("iii tds", 3), ("Sig: ii tabs po qid", 2), ("i cap nocte", 1), ("Rx ii puffs bd", 2),
])
def test_roman_numerals(text, count):
    assert first(text).amount.low.value == count


@pytest.mark.parametrize("text", [
    "I take my tablets every morning",        # the pronoun
    "Type II diabetes affects adults",
])
def test_roman_numerals_only_in_lower_case(text):
    assert all(d.amount is None or d.amount.low.raw.lower() not in ("i", "ii") for d in parse_doses(text))


# -- measuring spoons: a count of a stated volume

@pytest.mark.parametrize("text, ml", [
    ("Adults: two 5ml spoonfuls three times a day", 10),       # OTC pack
    ("Give 2 x 5 ml spoonfuls every 4 hours", 10),             # consumer page
    ("one 5 mL spoonful at night", 5),
    ("Take three 5ml measuring spoonfuls daily", 15),
])
def test_spoonfuls_are_millilitres(text, ml):
    env = first(text).envelope()
    assert (env.low, env.high, env.unit) == (ml, ml, "milliliter")


def test_spoonfuls_daily_amount_is_the_volume():
    dm = first("two 5ml spoonfuls four times a day").daily_maximum()
    assert dm.quantity.to("milliliter / day").magnitude == pytest.approx(40)


# -- limits: pack wordings, and a bracketed cap on a weight-based dose

@pytest.mark.parametrize("text, value", [
    ("1 tablet every 8 hours, with a max dosage of 660mg a day", 660),
    ("Take 2 tablets every 4 hours. Maximum dosage 8 tablets in 24 hours", 8),
])
def test_limit_wordings(text, value):
    assert first(text).max_per_day.value == value


@pytest.mark.parametrize("text", [
    "Amoxicillin 25 mg/kg (max 1 g) three times a day",        # BNF for children style
    "Ibuprofen 10 mg/kg (maximum 400 mg) every 8 hours",
    "Ceftriaxone 80 mg/kg IV once daily (max 4 g)",
])
def test_bracketed_cap_on_a_weight_based_dose_is_per_dose(text):
    d = first(text)
    assert d.max_per_dose is not None and d.max_per_day is None


def test_cap_after_a_dose_per_day_in_its_own_sentence_stays_per_day():
    d = first("Paracetamol 15 mg/kg every 6 hours. Max 4 g")
    assert d.max_per_day is not None


# -- doses at two times of one day are parts of that day

@pytest.mark.parametrize("text, per_day, amount", [
    ("Prednisolone 5mg: 4 tablets in the morning and 2 at lunchtime", (2, 2), (2, 4)),   # UK label
    ("Take 1 tablet every morning and 1 tablet every evening", (2, 2), (1, 1)),         # US label
    ("Hydrocortisone 15 mg on waking, 5 mg at noon and 5 mg at 5pm", (3, 3), (5, 15)),   # endocrine clinic
    ("Take ONE capsule at 8am and ONE at 2pm", (2, 2), (1, 1)),
])
def test_parts_of_a_day(text, per_day, amount):
    d = first(text)
    assert len(parse_doses(text)) == 1 and d.parts
    env = d.envelope()
    assert env.per_day == per_day and (env.low, env.high) == amount


def test_parts_add_up_in_the_daily_amount():
    d = first("Hydrocortisone 10 mg on waking, 5 mg at noon and 5 mg at 4pm")
    assert d.daily_maximum().quantity.to("milligram / day").magnitude == pytest.approx(20)
    d = first("Furosemide 40mg: 2 tablets in the morning and 1 at lunchtime")
    assert d.daily_maximum().quantity.to("milligram / day").magnitude == pytest.approx(120)


def test_alternatives_are_not_parts():
    # "or" gives a choice, not two doses of one day
    assert not first("Cetirizine 5 mg in the morning or 10 mg at night").parts


@pytest.mark.parametrize("text", [
    "Should I take two at teatime to catch up?",
    "My daughter asked whether she could have three at lunch instead.",
])
def test_a_time_of_day_after_a_bare_word_count_is_no_dose(text):
    assert parse_doses(text) == []


# -- a patch's delivery rate is its strength; the dose is the patches applied

@pytest.mark.parametrize("text", [
    "Fentanyl 12 micrograms/hour transdermal patch: apply one patch every 72 hours",
    "Buprenorphine 5 micrograms/hour 7-day patch: apply 1 patch weekly",
    "Rivastigmine 9.5 mg/24 h patch: apply one patch daily",
])
def test_patch_rate_is_a_strength(text):
    d = first(text)
    assert d.strength is not None and d.strength.kind == "rate"
    assert d.amount.low.value == 1 and d.count_unit == "patch"


def test_a_rate_without_a_patch_stays_an_amount():
    d = first("Morphine 2 mg/hour by syringe driver")
    assert d.amount.low.value == 2 and d.strength is None


# -- a short instruction with no amount is a sig: a dose with no amount

@pytest.mark.parametrize("text, as_needed, per_day", [
    ("Take when required", True, None),                    # UK label
    ("prn q4h", True, (6, 6)),                             # US prescription shorthand
    ("Ventolin: use your inhaler when needed", True, None),  # consumer page
    ("Use as directed", False, None),                      # pack
    ("Apply twice daily as needed", True, (2, 2)),
])
def test_directions_without_an_amount(text, as_needed, per_day):
    doses = parse_doses(text)
    assert len(doses) == 1 and doses[0].amount is None
    d = doses[0]
    assert (d.as_needed is not None) == as_needed
    assert (d.frequency.per_day_range if d.frequency else None) == per_day


@pytest.mark.parametrize("text", [
    "Weekly tablets", "Yearly drip", "Daily dose",          # headings
    "Exercise daily", "Drink fluids as needed",             # advice, not a medicine's sig
    "Rest and drink plenty of fluids as needed",
    "Take up to 2 tablets daily",                            # an amount the reader did not take stays no dose
])
def test_not_directions(text):
    assert parse_doses(text) == []


# -- counts written as words make ranges too

@pytest.mark.parametrize("text, count", [
    ("Take one or two tablets four times a day", (1, 2)),     # OTC pack
    ("Mirtazapine 30mg: half to one tablet at night", (0.5, 1)),
    ("one or 2 caps qds prn", (1, 2)),                         # UK prescription
    ("Adults: two to three capsules daily", (2, 3)),
])
def test_word_count_ranges(text, count):
    d = first(text)
    assert (d.amount.low.value, d.amount.upper.value) == count


# -- meals and bedtime are times of the day; one dose at two of them is taken at both

@pytest.mark.parametrize("text, per_day", [
    ("Creon 10000: 1 capsule with each meal", (3, 3)),
    ("Peptac liquid 10-20 ml after meals and at bedtime", (4, 4)),
    ("Take 1 tablet in the morning and at night", (2, 2)),
])
def test_meals_and_times_of_day(text, per_day):
    assert first(text).frequency.per_day_range == per_day


# -- a day's amount divided into doses

def test_divided_daily_amount():
    d = first("Amoxicillin 90 mg/kg/day divided BID")
    env = d.envelope()
    assert (env.low, env.high) == (45, 45) and env.per_day == (2, 2)
    assert d.amount.low.value == 90 and d.per == "day"  # the checks read the day's amount


def test_daily_phases_make_per_day():
    env = first("Estradiol 10 microgram vaginal tablets: insert 1 daily for 2 weeks, then 1 twice a week").envelope()
    assert env.per_day == (1, 1)


# -- the days of a course, written with commas

@pytest.mark.parametrize("text, amount, per_day", [
    ("Prednisone 5 mg: 4 tabs day 1, 3 tabs day 2, 2 tabs day 3, 1 tab day 4", (1, 4), (1, 1)),   # US taper pack
    ("Pregabalin: 75 mg on day 1, 75 mg twice daily on day 2, then 150 mg twice daily", (75, 150), (1, 2)),
])
def test_days_of_a_course(text, amount, per_day):
    env = first(text).envelope()
    assert (env.low, env.high) == amount and env.per_day == per_day


def test_choices_stay_doses_of_their_own():
    # "or" gives a choice; a step would read as titrating
    assert len(parse_doses("Amoxicillin 500 mg every 12 hours or 250 mg every 8 hours")) == 2


def test_a_strength_before_a_dose_pack_is_the_pack_strength():
    d = first("Methylprednisolone 4 mg dose pack: take as directed over 6 days")
    assert d.amount is None and d.strength.value == 4 and d.form.name == "dose-pack"


# -- a count followed by a clause word ("when", "if", "unless"): the word is no unit

@pytest.mark.parametrize("text, count", [
    ("Have 1 or 2 whenever the cramps come back.", (1, 2)),                         # consumer page
    ("Ibuprofen 200 mg tablets: swallow 2 if the headache comes back, at most 3 times a day", (2, 2)),  # OTC pack
    ("Sumatriptan 50 mg: take 1 when the migraine comes back", (1, 1)),  # clinic leaflet
    ("antacid tabs - chew 2 when the heartburn is bad, up to 4 times a day", (2, 2)),  # forum post
])
def test_count_before_a_clause_word_is_a_count(text, count):
    d = first(text)
    assert (d.amount.low.value, d.amount.upper.value) == count
    assert d.amount.unit is None or d.amount.unit.kind == "count"


def test_count_before_a_clause_word_takes_the_strength_before():
    d = first("Naproxen 250 mg tablets: take 1 or 2 when the ache comes back, up to 3 times a day.")
    assert d.strength is not None and d.strength.value == 250
    assert d.daily_maximum().quantity.to("milligram / day").magnitude == pytest.approx(1500)


# -- "apply up to N patches": after a dose verb, the count itself at its most, not a cap

@pytest.mark.parametrize("text, count", [
    ("Lidocaine 5% medicated plaster - apply up to 3 plasters once a day for 12 hours.", 3),   # UK leaflet
    ("Capsaicin patch: Apply up to 4 patches at once to the sore area.", 4),                  # US handout
    ("Nicotine 2 mg lozenge. Use up to 2 lozenges twice a day when cravings are strong.", 2),  # pharmacy page
])
def test_up_to_a_count_after_a_dose_verb_is_the_dose(text, count):
    doses = [d for d in parse_doses(text) if d.amount is not None and d.amount.upper.value == count]
    assert doses, [str(d.amount) for d in parse_doses(text)]
    assert doses[0].max_per_dose is None


@pytest.mark.parametrize("text", [
    "Paracetamol 500 mg: take 2 every 4 to 6 hours; take up to 8 tablets in 24 hours.",
    "Take 1 tablet every 4 hours, up to 6 a day.",
])
def test_up_to_a_count_a_day_stays_a_cap(text):
    d = first(text)
    assert d.max_per_day is not None and d.max_per_dose is None


# -- a product line, then its directions with no amount in a sentence of their own

@pytest.mark.parametrize("text, name, per_day", [
    ("Infant paracetamol suspension 120 mg/5 mL\nShake the bottle well. Give a dose every 4 hours if she needs it.",
     "paracetamol", 6),                                                                        # leaflet lines
    ("Ibuprofeno para niños – jarabe, 100 mg en 5 mL\nAgite bien el frasco. Dele una dosis cada 6 horas si la necesita.",
     "ibuprofeno", 4),                                                                         # bilingual handout
])
def test_directions_after_a_product_line_are_its_dose(text, name, per_day):
    doses = [d for d in parse_doses(text) if d.amount is None and d.frequency is not None]
    assert len(doses) == 1
    assert name in doses[0].substance.raw.lower()
    assert doses[0].frequency.per_day_range[1] == per_day


def test_a_form_word_alone_is_no_medicine():
    d = first("Children's cetirizine (Zyrtec) - liquid, 5 mg in 5 mL: give 5 mL once a day")
    assert d.substance is not None and "cetirizine" in d.substance.raw.lower()


def test_an_as_needed_repeat_stays_the_dose_befores():
    doses = parse_doses("Take 2 tablets at the first sign of a headache. Repeat after 4 hours if needed.")
    assert len([d for d in doses if d.amount is None]) == 0


# -- a decimal comma before a metric symbol ("2,5 mL"), as European and Latin American labels write it

@pytest.mark.parametrize("text, value", [
    ("Bebés de 6 a 11 meses: 2,5 ml cada 8 horas", 2.5),                   # Spanish leaflet
    ("Children 1-3 years: 3,75 mL every 6 hours if needed", 3.75),         # translated handout
    ("Colecalciferol 0,25 mg once a week", 0.25),
])
def test_decimal_comma_before_a_metric_symbol(text, value):
    assert first(text).amount.low.value == pytest.approx(value)


@pytest.mark.parametrize("text, value", [
    ("Vitamin D 1,000 units daily", 1000),       # a thousands comma keeps its three digits
    ("Paracetamol 1,500 mg a day at most", 1500),
])
def test_thousands_comma_is_no_decimal(text, value):
    assert first(text).amount.low.value == pytest.approx(value)


# -- as-needed and limit wordings of UK packs: "if required", "in any one day"

@pytest.mark.parametrize("text", [
    "If required, 2 tablets every 4 hours. Do not take more than 8 tablets in any one day.",   # UK pack
    "Adults: one capsule if required, up to three times a day. Max 3 capsules in any day.",   # leaflet
])
def test_if_required_and_any_one_day(text):
    d = first(text)
    assert d.as_needed is not None
    assert d.max_per_day is not None or d.max_doses_per_day is not None


# -- a least interval said with a bare "wait" or "leave": "wait 4 hrs between doses"

@pytest.mark.parametrize("text, most", [
    ("Dihydrocodeine 30 mg: 1 tab prn, wait 6 hrs between doses", 4),       # clinic note
    ("Give 5 ml when needed and leave 4 hours between doses.", 6),          # parent's leaflet
])
def test_bare_wait_between_doses_is_a_least_interval(text, most):
    assert first(text).frequency.per_day_range[1] == most


def test_wait_without_between_doses_is_no_interval():
    assert first("Take 1 tablet, then wait 2 hours before you drive.").frequency is None


# -- a prescriber's lowercase "po" before the frequency

@pytest.mark.parametrize("text", ["Sig: 1 po bid x 10 days", "2 caps po q8h prn", "1 po nightly"])
def test_lowercase_po_before_a_frequency_is_oral(text):
    d = first(text)
    assert d.route is not None and d.route.name == "oral" and d.frequency is not None


def test_po_as_a_word_is_no_route():
    assert all(d.route is None for d in parse_doses("Take 1 tablet a day; the Po valley trip lasts 2 days"))


@pytest.mark.parametrize("text", [
    "Magnesium 200 mg capsules: take 1 at night. On heavy training days take up to 3 capsules.",   # shop page
    "Senna 7.5 mg: 2 at bedtime; if still constipated use up to 4 tablets.",                      # pharmacy note
])
def test_up_to_a_count_with_no_frequency_stays_a_cap_on_the_dose_before(text):
    assert [d for d in parse_doses(text) if d.amount is not None and d.amount.upper.value in (3, 4)] == []


# -- "takes 6.25 mL each time": each dose of the schedule the dose before states

@pytest.mark.parametrize("text, per_day", [
    ("Give 15 mg/kg every 6 hours. With the 120 mg/5 mL syrup, a 10 kg baby has 6.25 mL each time.", 4),  # leaflet
    ("Ibuprofen 5 mg/kg three times a day; for a 20 kg child on 100 mg/5 ml that is 5 ml at each dose.", 3),  # clinic page
])
def test_each_time_takes_the_schedule_before(text, per_day):
    doses = parse_doses(text)
    assert len(doses) == 2 and doses[1].frequency is not None
    assert doses[1].frequency.per_day_range[1] == per_day


def test_an_amount_without_each_time_keeps_no_schedule():
    doses = parse_doses("Give 15 mg/kg every 6 hours. The bottle holds 100 mL.")
    assert all(d.frequency is None for d in doses[1:])
