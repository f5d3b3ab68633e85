"""Dose classes met on pharmacy, charity, shop, leaflet and forum pages (issue 15, corpus
articles 61-72): strengths and product descriptions that are not doses, one dose for an
occasion, titrations to a test result, single timed steps, a clause that names a dose instead
of a medicine, counted doses of the product a label page is about, weekly mefloquine, the
vitamin B6 upper level, and prices. Each class in more than one writer's style; the
"must still fire" cases keep each rule from swallowing real doses."""

import pytest

from support import findings_for

DRUGS = "Mainstream Drug Therapies\n-\n"


def found(text, cid, tmp_path):
    return [f.excerpt for f in findings_for(text, cid, tmp_path)]


# --------------------------------------------------------------- DOS002: not doses to take

STRENGTHS_AND_PRODUCTS = [
    # strength lists and strength statements
    "Your dose\n-\nTablets come in 12.5, 25, 50, 75 and 100 microgram strengths.\n",
    "Taking methotrexate\n-\nYour tablets are 2.5 mg. We only prescribe the 2.5 mg strength.\n",
    "Prescription options\n-\nRizatriptan 10 mg and zolmitriptan 2.5 mg are available on prescription.\n",
    "About sertraline\n-\nSertraline comes in 50 mg and 100 mg tablets.\n",
    # what each unit holds
    "What it is\n-\nEach white caplet contains 300 mg acetaminophen and 8 mg codeine phosphate.\n",
    "About the softgels\n-\nEvery softgel contains 1000 IU of vitamin D3.\n",
    "Vitamin D for babies\n-\nVitamin D drops for babies usually give 8.5 to 10 micrograms per dose.\n",
    "The spray\n-\nThe pump delivers 50 micrograms per spray.\n",
    # a shop's product name with its pack count, a facts panel
    "Magnesium\n-\nCalm Magnesium Bisglycinate 200 mg, 120 Vegan Capsules\n",
    "Fish oil\n-\nTriple Strength Omega-3 1000 mg - 90 Softgels\n",
    "Supplement Facts\n-\nServing Size: 2 Capsules\n",
    "Label\n-\nServing size 1 tablet. Amount per serving: zinc 15 mg.\n",
    # an estimate of a dose by body weight, explained
    "Your dose\n-\nThe full replacement dose is roughly 1.6 micrograms per kilogram of body weight.\n",
    "How much\n-\nMost people need about 1.7 mcg per kg of body weight, worked out by your GP.\n",
]


@pytest.mark.parametrize("text", STRENGTHS_AND_PRODUCTS)
def test_strengths_and_product_descriptions_are_not_incomplete_doses(text, tmp_path):
    assert found(text, "DOS002", tmp_path) == []


@pytest.mark.parametrize("text,excerpt", [
    (DRUGS + "Recombinant BMP-7 0.5 mg – Off-label.", "0.5 mg"),
    ("How to take it\n-\nTake 400 mg with food. The tablets are white.", "400 mg"),
    ("Directions\n-\nAdults: 2 capsules with a meal.", "2 capsules"),
    ("Fever\n-\nGive paracetamol 15 mg per kg of body weight.", "15 mg"),
])
def test_an_amount_with_no_frequency_still_fires(text, excerpt, tmp_path):
    assert any(excerpt in e for e in found(text, "DOS002", tmp_path))


@pytest.mark.parametrize("text", [
    "Colchicine\n-\nIf your doctor has started you on a loading dose: then 500 micrograms one hour later.\n",
    "Emergency contraception\n-\nTake a second 750 microgram tablet 12 hours after the first one.\n",
    "Loading doses\n-\nThen 250 mg two hours later.\n",
])
def test_a_single_timed_step_is_complete(text, tmp_path):
    assert found(text, "DOS002", tmp_path) == []


# --------------------------------------------------------------- DOS001: bounded as written

@pytest.mark.parametrize("text", [
    "Colchicine\n-\n1 mg (two tablets) at the first sign of a flare.\n",
    "Cold sores\n-\nAciclovir 800 mg at the first signs of a cold sore.\n",
    "Gout\n-\nAllopurinol is started at 100 mg once a day and increased by 100 mg every 4 weeks until your "
    "uric acid level is below 360 micromol/L.\n",
    "Thyroid\n-\nLevothyroxine 25 micrograms a day, increased by 25 micrograms every 4 weeks until your TSH "
    "is normal.\n",
])
def test_the_first_dose_of_an_attack_and_a_titration_to_a_test_result_pass(text, tmp_path):
    assert found(text, "DOS001", tmp_path) == []


@pytest.mark.parametrize("text", [
    "How much to use\n-\nTake 1 or 2 puffs whenever you need them.\n",
    "Colchicine\n-\n500 micrograms every 2 to 3 hours at the first sign of a flare.\n",
    DRUGS + "Gabapentin 300 mg at night, increased by 300 mg every few days – Nerve pain.",
])
def test_open_doses_still_fire_dos001(text, tmp_path):
    assert found(text, "DOS001", tmp_path) != []


def test_one_dose_before_exercise_is_bounded_as_written(tmp_path):
    # One dose for the event it is taken for (the corpus gold of article 03 rules it bounded as
    # written; the sig table's form-067 still labels the same wording unbounded).
    text = "Ventolin\n-\nBefore exercise: 2 puffs 10 to 15 minutes before you start.\n"
    assert found(text, "DOS001", tmp_path) == []


# --------------------------------------------------------------- DOS003: the medicine a dose is of

@pytest.mark.parametrize("text", [
    "Vitamin D supplements\n-\nYour doctor may prescribe a short course. One common regimen is 50,000 IU daily "
    "for 8 weeks.\n",
    "Vitamin D\n-\nThe usual dose is 20,000 IU a day.\n",
    "Taking ibuprofen\n-\nThe usual adult dose is 800 mg five times a day.\n",
])
def test_a_clause_that_names_a_dose_takes_the_heading_medicine(text, tmp_path):
    assert found(text, "DOS003", tmp_path) != []


def test_a_named_medicine_without_a_ceiling_is_not_given_the_headings(tmp_path):
    text = "Vitamin D and fish oil\n-\nFerrous sulfate 200 mg three times a day.\n"
    assert found(text, "DOS003", tmp_path) == []


LABEL_PAGES = [
    # a UK leaflet: the title gives the strength, the directions count tablets
    ("Ibuprofen 200 mg Film-coated Tablets\nHow to take\nAdults: take 1 or 2 tablets with water, up to every 4 "
     "hours as required. Do not take more than 10 tablets in any 24 hour period.\n", "2 g"),
    # US Drug Facts: the label's own limit is above the OTC limit
    ("Naproxen Sodium Tablets 220 mg\nDirections\ntake 1 tablet every 8 to 12 hours; do not exceed 4 tablets in a "
     "24-hour period\n", "880 mg"),
    # a pharmacy page for a prescription strength, counted
    ("Paracetamol 500 mg Tablets\nDosage\nTake 2 tablets every 4 hours.\n", "6 g"),
]


@pytest.mark.parametrize("text,total", LABEL_PAGES)
def test_counted_doses_of_the_page_product_are_totalled(text, total, tmp_path):
    messages = [f.message for f in findings_for(text, "DOS003", tmp_path)]
    assert messages and any(total in m for m in messages), messages


@pytest.mark.parametrize("text", [
    "Ibuprofen 200 mg Film-coated Tablets\nHow to take\nAdults: take 1 or 2 tablets up to three times a day. Do "
    "not take more than 6 tablets in any 24 hour period.\n",
    "Naproxen Sodium Tablets 220 mg\nDirections\ntake 1 tablet every 8 to 12 hours; do not exceed 3 tablets in a "
    "24-hour period\n",
    "Paracetamol 500 mg Tablets\nDosage\nTake 1 or 2 tablets every 4 to 6 hours, no more than 8 tablets in 24 "
    "hours.\n",
    # the title names two products: no single product to count
    "Ibuprofen 200 mg and paracetamol 500 mg\nDosage\nTake 2 tablets every 4 hours, up to 8 tablets a day.\n",
])
def test_counted_doses_within_the_label_pass(text, tmp_path):
    assert found(text, "DOS003", tmp_path) == []


def test_the_limit_is_reported_once_for_the_doses_it_bounds(tmp_path):
    text = ("Naproxen Sodium Tablets 220 mg\nDirections\ntake 1 tablet every 8 to 12 hours; for the first dose you may "
            "take 2 tablets within the first hour; do not exceed 4 tablets in a 24-hour period\n")
    assert len(found(text, "DOS003", tmp_path)) == 1


@pytest.mark.parametrize("text,flagged", [
    ("Carpal tunnel\n-\nVitamin B6 (pyridoxine) 200 mg a day – Not recommended.\n", True),
    ("Supplements\n-\nPyridoxine 50 mg twice a day.\n", False),
    ("Supplements\n-\nVitamin B6 10 mg daily.\n", False),
])
def test_vitamin_b6_against_its_upper_level(text, flagged, tmp_path):
    assert bool(found(text, "DOS003", tmp_path)) is flagged


# --------------------------------------------------------------- DOS010: weekly mefloquine

@pytest.mark.parametrize("text,flagged", [
    ("Malaria tablets\n-\nMefloquine (Lariam): one 250 mg tablet a day\n", True),
    ("Malaria tablets\n-\nMefloquine 250 mg every day while you are away.\n", True),
    ("Malaria tablets\n-\nMefloquine is taken once a week: one 250 mg tablet on the same day each week.\n", False),
    # treatment doses are not the weekly strength
    ("Treating malaria\n-\nMefloquine 750 mg, then 500 mg 6 to 12 hours later.\n", False),
])
def test_mefloquine_prophylaxis_is_weekly(text, flagged, tmp_path):
    assert bool(found(text, "DOS010", tmp_path)) is flagged


# --------------------------------------------------------------- UNT004: prices

@pytest.mark.parametrize("text", [
    "Magnesium\n-\n$24.99   Subscribe & Save 15%: $21.24 every 60 days\n",
    "Delivery\n-\nRepeat delivery £12.50 every 30 days.\n",
    "Abonnement\n-\nOnly €19.90 every 2 months.\n",
])
def test_prices_are_not_doses_missing_a_unit(text, tmp_path):
    assert found(text, "UNT004", tmp_path) == []


def test_a_bare_dose_number_still_misses_its_unit(tmp_path):
    assert found(DRUGS + "Aspirin 300 every 6 h, max 4 doses a day – Pain.", "UNT004", tmp_path) == ["300"]


# --------------------------------------------------------------- DOS003: a liquid dose's mass in brackets

@pytest.mark.parametrize("text,flagged", [
    ("Cetirizine (Zyrtec)\n-\n12 years and up: 10 mL (10 mg) twice a day\n", True),
    ("Cetirizine liquid\n-\nAdults: 10 ml (10mg) every 12 hours.\n", True),
    ("Loratadine syrup\n-\nGive 10 mL ( 10 mg ) twice daily.\n", True),
    ("Cetirizine (Zyrtec)\n-\n12 years and up: 10 mL (10 mg) once a day\n", False),
    ("Cetirizine (Zyrtec)\n-\n6 to 11 years: 5 mL (5 mg) twice a day\n", False),
    # a volume with no mass beside it is not converted
    ("Cetirizine (Zyrtec)\n-\n12 years and up: 10 mL twice a day\n", False),
])
def test_a_liquid_dose_with_its_mass_in_brackets_is_totalled_in_mass(text, flagged, tmp_path):
    assert bool(found(text, "DOS003", tmp_path)) is flagged


# --------------------------------------------------------------- DOS003: a single-dose course, a child's count

@pytest.mark.parametrize("text,flagged", [
    ("Antibiotics\n-\nFosfomycin (Monurol) 3 g sachet dissolved in water, once daily for 3 days\n", True),
    ("Cystitis\n-\nFosfomycin 3 g once a day for 5 days.\n", True),
    ("Cystitis\n-\nFosfomycin 3 g as a single dose, dissolved in water at bedtime.\n", False),
    ("Before your procedure\n-\nFosfomycin 3 g once a day for 2 days.\n", False),
])
def test_fosfomycin_is_a_single_dose_course(text, flagged, tmp_path):
    assert bool(found(text, "DOS003", tmp_path)) is flagged


@pytest.mark.parametrize("text,flagged", [
    ("# Fever in children\n\n## Paracetamol: infant suspension 120 mg/5 ml\n\n| Age | How much | How often |\n"
     "|---|---|---|\n| 2 to 3 years | 7.5 ml | Up to 6 times in 24 hours |\n", True),
    ("Paracetamol for children\n-\nInfant paracetamol 120 mg/5 ml: 5 ml up to 6 times a day.\n", True),
    ("Calpol\n-\nChildren aged 2 to 3 years: 7.5 ml paracetamol, up to 4 times in 24 hours.\n", False),
    ("Calpol\n-\nChildren aged 2 to 3 years: 7.5 ml paracetamol, no more than 5 doses in 24 hours.\n", False),
    # an adult's count is not a child's
    ("Paracetamol for adults\n-\nParacetamol 325 mg: 2 tablets up to 6 times a day.\n", False),
])
def test_a_childs_stated_count_above_the_childrens_label(text, flagged, tmp_path):
    markdown = text.startswith("#")
    got = [f.excerpt for f in findings_for(text, "DOS003", tmp_path, markdown=markdown)]
    assert bool(got) is flagged, got


# --------------------------------------------------------------- UNT003: syringe units for a mass-dosed medicine

@pytest.mark.parametrize("text,flagged", [
    ("Semaglutide\n-\nFor your first month, draw up 10 units on your syringe (0.25 mg) once a week.\n", True),
    ("Tirzepatide vial\n-\nInject 20 units (2.5 mg) once weekly.\n", True),
    ("Starting insulin\n-\nDraw up 10 units on your insulin syringe at bedtime.\n", False),
    ("Insulin\n-\nInject 8 units before each meal.\n", False),
    ("Compounded weight-loss vial\n-\nWeek 1 to 4: inject 5 U (0.25 mg) under the skin once a week.\n", True),
    # international units with their mass are a vitamin's standard equivalence, not syringe marks
    ("How much vitamin D\n-\nAdults up to 70: 600 IU (15 mcg) a day. Over 70: 800 IU (20 mcg) a day.\n", False),
    ("## Daily amounts\n\n| Group | Vitamin A |\n|---|---|\n| Men | 3,000 IU (900 mcg) |\n"
     "| Women | 2,333 international units (700 mcg) |\n", False),
])
def test_syringe_units_with_a_mass_are_an_error(text, flagged, tmp_path):
    hits = findings_for(text, "UNT003", tmp_path)
    assert bool(hits) is flagged
    assert all(h.severity == "error" for h in hits)


# --------------------------------------------------------------- DOS003: a facts panel's serving

SHOP = "Calm Magnesium 200 mg, 120 Capsules\nSupplement Facts\nServing Size: 2 Capsules\n" \
       "Amount Per Serving: Magnesium (as bisglycinate) 200 mg\nDirections\n"


@pytest.mark.parametrize("text,flagged", [
    (SHOP + "Adults: take 2 capsules daily with food. On stressful days, take up to 4 capsules.\n", True),
    (SHOP + "Take 2 capsules twice a day.\n", True),
    (SHOP + "Adults: take 2 capsules daily with food, or as directed by your practitioner.\n", False),
    (SHOP + "Take 3 capsules a day.\n", False),
    # a serving of several units whose amount is not given: the title's 200 mg may be a serving's
    ("Calm Magnesium 200 mg, 120 Capsules\nSupplement Facts\nServing Size: 2 Capsules\nDirections\n"
     "Take 2 capsules twice a day.\n", False),
    # the title's strength is a unit's when there is no facts panel
    ("Magnesium Glycinate 200 mg Tablets\nDirections\nTake 2 tablets a day.\n", True),
])
def test_a_facts_panel_gives_the_strength_of_one_unit(text, flagged, tmp_path):
    assert bool(found(text, "DOS003", tmp_path)) is flagged


# --------------------------------------------------------------- the property: counted doses of a page's product

from hypothesis import HealthCheck, given, settings, strategies as st  # noqa: E402

from medlint import policy  # noqa: E402


def _ceiling_mg(name: str, key: str = "per_day") -> float:
    (entry,) = [c for c in policy.load("dosing")["ceilings"] if c["name"] == name]
    value, unit = entry[key].split(" ")
    return float(value) * {"mg": 1, "g": 1000}[unit]


# (title medicine, strength in mg, the ceiling that applies): an OTC strength is held to the
# label without a prescription (otc_strengths), any other strength to the prescription ceiling
PRODUCTS = [
    ("Ibuprofen", 200, "ibuprofen", "otc_per_day"),
    ("Ibuprofen", 400, "ibuprofen", "per_day"),
    ("Paracetamol", 500, "acetaminophen", "per_day"),
    ("Naproxen", 250, "naproxen", "per_day"),
    ("Cetirizine", 10, "cetirizine", "per_day"),
    ("Sertraline", 100, "sertraline", "per_day"),
]
WORDS = {1: "once", 2: "twice", 3: "three times", 4: "four times"}


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(product=st.sampled_from(PRODUCTS), count=st.integers(1, 3), times=st.integers(1, 4),
       style=st.sampled_from(["leaflet", "facts", "pharmacy"]))
def test_counted_doses_fire_exactly_above_the_ceiling(product, count, times, style, tmp_path_factory):
    name, mg, entry, key = product
    tablets = "tablet" if count == 1 else "tablets"
    body = {
        "leaflet": f"How to take\nAdults: take {count} {tablets} {WORDS[times]} a day.\n",
        "facts": f"Directions\nadults: {count} {tablets} {WORDS[times]} daily\n",
        "pharmacy": f"HOW TO USE\nTake {count} {tablets} by mouth {WORDS[times]} a day with water.\n",
    }[style]
    text = f"{name} {mg} mg Tablets\n{body}"
    hits = findings_for(text, "DOS003", tmp_path_factory.mktemp("p"))
    assert bool(hits) is (count * mg * times > _ceiling_mg(entry, key)), (text, [h.message for h in hits])
    assert all(h.severity == "error" for h in hits)


# --------------------------------------------------------------- the reader: a bedtime with its owner

@pytest.mark.parametrize("text", [
    "Jet lag\n-\nLow-dose melatonin: 300 micrograms to 1 mg at the destination's bedtime for a few days.\n",
    "Sleep\n-\nGive 5 ml at the child's usual bedtime.\n",
    "Sleep\n-\nTake 10 mg at your usual bedtime.\n",
])
def test_a_bedtime_with_its_owner_is_a_time_of_day(text, tmp_path):
    assert found(text, "DOS002", tmp_path) == []


# --------------------------------------------------------------- DOS001: a self-care course with no end

@pytest.mark.parametrize("text,flagged", [
    ("Painkillers\n-\nTake ibuprofen 400mg three times a day, and keep going with it until the ankle feels normal.\n",
     True),
    ("Eczema\n-\nHydrocortisone 1% cream from a pharmacy: apply as often as needed until the rash clears.\n", True),
    ("Back pain\n-\nNurofen 200 mg: 2 tablets three times a day for as long as you need to.\n", True),
    # a duration ends it first, a prescriber gives it, or the medicine's label sets no days
    ("Painkillers\n-\nTake ibuprofen 400 mg three times a day for up to 5 days or until the pain settles.\n", False),
    ("Painkillers\n-\nYour doctor may prescribe ibuprofen 400 mg three times a day until the swelling goes away.\n",
     False),
    ("Eczema\n-\nApply the emollient twice a day until the skin heals.\n", False),
])
def test_a_self_care_course_with_no_end(text, flagged, tmp_path):
    assert bool(found(text, "DOS001", tmp_path)) is flagged
