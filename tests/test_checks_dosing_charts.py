"""Children's dose charts, product descriptions and repeat notes (DOS001/DOS002), written the
ways a paediatric office chart, a UK leaflet and a pharmacy handout write them."""

import pytest

from support import findings_for

TITLE = "Medicines for children\n"


def found(text, cid, tmp_path):
    return [f.excerpt for f in findings_for(text, cid, tmp_path)]


# A weight-band chart whose header row names product strengths, under a heading, with
# (or without) a note that repeats the doses as needed.
CHART_US = (TITLE + "Diphenhydramine (Benadryl)\n"
            "Child's weight\tLiquid 12.5 mg/5 mL\tChewable 12.5 mg\tTablet 25 mg\n"
            "25–37 lbs (12–16 kg)\t5 mL\t1 tablet\tDo not use\n"
            "50–99 lbs (23–45 kg)\t10 mL\t2 tablets\t1 tablet\n")
CHART_UK = (TITLE + "Chlorphenamine (Piriton) for children\n"
            "Your child's weight\tSyrup 2 mg/5 mL\tTablet 4 mg\n"
            "12–18 kg\t2.5 mL\tDo not use\n"
            "18–30 kg\t5 mL\t½ tablet\n")
CHART_PHARMACY = (TITLE + "Hay fever syrup\n"
                  "Body weight\tSyrup 5 mg/5 mL\tChewable 5 mg\n"
                  "11–21 kg\t5 mL\t1 tablet\n"
                  "22 kg and over\t10 mL\t2 tablets\n")


@pytest.mark.parametrize("chart,note", [
    (CHART_US, "Repeat as needed for itching or hives.\n"),
    (CHART_UK, "The dose can be given again when needed.\n"),
    (CHART_PHARMACY, "Repeat if needed.\n"),
])
def test_a_repeat_note_makes_the_rows_as_needed_and_needs_an_interval(chart, note, tmp_path):
    text = chart + note
    assert found(text, "DOS002", tmp_path) == []
    assert found(text, "DOS001", tmp_path) == [note.strip()]


@pytest.mark.parametrize("chart,note", [
    (CHART_US, "Repeat every 4 to 6 hours as needed, no more than 6 doses in 24 hours.\n"),
    (CHART_UK, "Repeat when needed, up to 4 times a day.\n"),
    (CHART_PHARMACY, "Repeat if needed, not more than once in 24 hours.\n"),
])
def test_a_repeat_note_with_an_interval_or_limit_passes(chart, note, tmp_path):
    assert found(chart + note, "DOS001", tmp_path) == []


def test_a_chart_without_any_frequency_is_still_incomplete(tmp_path):
    assert found(CHART_US, "DOS002", tmp_path) != []


@pytest.mark.parametrize("sentence", [
    "Children's cetirizine liquid contains 1 mg/mL (5 mg in each 5 mL).",
    "The syrup has 5 mg per 5 mL.",
    "My inhaler is Symbicort 200/6 (budesonide 200 micrograms and formoterol 6 micrograms in each puff).",
    "Each pen holds 300 units per pen of insulin glargine.",
    "Toujeo is U-300 (300 units in each mL), so the same dose takes a third of the volume.",
    "Each blister pack contains 30 tablets.",
])
def test_product_descriptions_are_not_doses(sentence, tmp_path):
    text = TITLE + "About your medicine\n" + sentence + "\n"
    assert found(text, "DOS002", tmp_path) == []
    assert found(text, "DOS001", tmp_path) == []


@pytest.mark.parametrize("sentence,dose", [
    ("Oramorph (morphine oral solution, 10 mg in 5 ml): 2.5 ml to 5 ml when needed for breakthrough pain.",
     "2.5 ml to 5 ml when needed"),
    ("Oxycodone liquid 5 mg per 5 mL – take 5 mL to 10 mL as required.", "5 mL to 10 mL as required"),
    ("The inhaler gives 100 micrograms in each puff; take 2 puffs whenever you are wheezy.",
     "2 puffs whenever"),
])
def test_a_dose_scheduled_beside_a_description_is_still_judged(sentence, dose, tmp_path):
    """The description bounds nothing: an as-needed dose in the same sentence still needs its maximum."""
    text = TITLE + "Pain relief\n" + sentence + "\n"
    assert any(dose in excerpt for excerpt in found(text, "DOS001", tmp_path))


def test_a_blister_pack_is_packaging_not_a_regimen(tmp_path):
    text = TITLE + "Storage\nKeep the tablets in the blister pack until it is time to take them.\n"
    assert found(text, "DOS002", tmp_path) == []


@pytest.mark.parametrize("sentence", [
    "Take 1 puff of Symbicort every 1 to 3 minutes, up to 6 puffs.",
    "Use 2 puffs of salbutamol every 2 minutes, up to a maximum of 10 puffs.",
    "Give 1 puff every minute as needed, no more than 10 puffs in total.",
    "While I wait, I can take another 6 puffs, one at a time, if I still feel unwell.",
    "If the ambulance has not come, give another 5 mL and call again.",
])
def test_attack_sigs_bounded_in_their_sentence_pass_dos001(sentence, tmp_path):
    text = TITLE + "In an asthma attack\n" + sentence + "\n"
    assert found(text, "DOS001", tmp_path) == []



PRESCRIBED_NSAIDS = [
    "Ibuprofen (Motrin, Advil) 600 mg tablets: take 1 tablet every 6 hours with food for the first 5 days, then stop.",
    "Ibuprofen 400 mg (Nurofen is the same medicine): 1 tablet three times a day for the next 7 days.",
    "Naproxen 500 mg tablets (the same medicine as Aleve): take 1 tablet twice a day for the first 10 days.",
]


@pytest.mark.parametrize("sentence", PRESCRIBED_NSAIDS)
def test_a_prescription_strength_with_a_course_passes(sentence, tmp_path):
    text = TITLE + "Your medicines\n" + sentence + "\n"
    assert found(text, "DOS003", tmp_path) == []
    assert found(text, "DOS001", tmp_path) == []


def test_an_otc_strength_named_by_its_brand_still_meets_the_otc_limit(tmp_path):
    text = TITLE + "Pain relief\nIbuprofen (Advil) 200 mg tablets: take 3 tablets every 6 hours.\n"
    assert found(text, "DOS003", tmp_path) != []


@pytest.mark.parametrize("sentence", [
    "Eat or drink 15 g of fast-acting carbohydrate, such as 4 glucose tablets (4 g each).",
    "Have 15 to 20 g of carbs straight away.",
    "Take 20 g of glucose or sugar, then check again in 15 minutes.",
])
def test_carbohydrate_to_treat_a_low_is_food_not_a_dose(sentence, tmp_path):
    text = TITLE + "Treating a low blood sugar\n" + sentence + "\n"
    assert found(text, "DOS002", tmp_path) == []


@pytest.mark.parametrize("sentence", [
    "A common starting dose is Humalog 4 units before your largest meal.",
    "NovoRapid: inject 6 units with your main meal.",
    "Insulin aspart: start with 4 units before breakfast, then adjust with your nurse.",
])
def test_an_insulin_dose_at_a_meal_says_how_often(sentence, tmp_path):
    text = TITLE + "Mealtime insulin\n" + sentence + "\n"
    assert found(text, "DOS002", tmp_path) == []


@pytest.mark.parametrize("sentence", [
    "I check the dose counter and order a new inhaler when it shows 20 puffs left.",
    "Ask for a repeat prescription when there are 10 doses remaining.",
    "The last step is zopiclone 3.75 mg, half the usual adult tablet.",
    "Older people often start on 5 mg, half the usual starting dose.",
])
def test_counter_readings_and_compared_strengths_are_not_doses(sentence, tmp_path):
    text = TITLE + "Looking after your medicine\n" + sentence + "\n"
    assert found(text, "DOS002", tmp_path) == []


@pytest.mark.parametrize("limit,dose", [
    ("I usually need no more than 8 puffs in a day in total.", "Before exercise I can take 1 puff if my nurse has agreed."),
    ("Do not use more than 4 sprays a day.", "Use 1 spray in each nostril when needed."),
    ("You can take up to 6 tablets a day.", "Take 1 tablet when the pain comes back."),
])
def test_a_daily_limit_elsewhere_in_the_section_bounds_its_as_needed_doses(limit, dose, tmp_path):
    text = TITLE + "Using your medicine\n" + dose + "\n" + limit + "\n"
    assert found(text, "DOS001", tmp_path) == []


def test_a_daily_limit_in_another_unit_does_not_bound(tmp_path):
    text = (TITLE + "Using your medicine\nTake 1 puff of Ventolin when needed for breathlessness.\n"
            "Take no more than 8 tablets a day of your other medicine.\n")
    assert found(text, "DOS001", tmp_path) != [] or found(text, "DOS002", tmp_path) != []


@pytest.mark.parametrize("text", [
    "A person who weighs 80 kg would start with 8 to 16 units. Take it at the same time every day.",
    "Most children need 5 mL. Give it once a day, at the same time.",
    "The usual dose is 2 tablets. Take them twice a day with food.",
])
def test_a_frequency_in_the_next_sentence_completes_the_amount(text, tmp_path):
    assert found(TITLE + "Your dose\n" + text + "\n", "DOS002", tmp_path) == []


@pytest.mark.parametrize("text", [
    "Someone should give you glucagon, either a 1 mg injection or a 3 mg nasal powder, and call 911.",
    "Use your adrenaline pen (0.3 mg) into the thigh and call 999 straight away.",
    "Give 1 mg of glucagon and phone for an ambulance.",
])
def test_rescue_doses_with_a_call_for_help_are_single(text, tmp_path):
    assert found(TITLE + "In an emergency\n" + text + "\n", "DOS002", tmp_path) == []


def test_the_next_sentence_must_give_the_frequency(tmp_path):
    text = TITLE + "Your dose\nA person who weighs 80 kg would start with 8 to 16 units. Take it with food.\n"
    assert found(text, "DOS002", tmp_path) == ["8 to 16 units"]


def test_a_limit_given_with_another_dose_does_not_bound_the_section(tmp_path):
    text = (TITLE + "Pain relief\nCodeine 30 mg: take 1 tablet every 4 hours when needed.\n"
            "Paracetamol 500 mg: take 2 tablets every 6 hours, no more than 8 tablets a day.\n")
    assert found(text, "DOS001", tmp_path) == ["30 mg: take 1 tablet every 4 hours when needed"]


@pytest.mark.parametrize("sentence", [
    "This plan is for patients who use one inhaler both as a preventer and as a reliever.",
    "You need only one inhaler, not a separate blue one.",
])
def test_a_count_of_inhalers_is_not_a_dose(sentence, tmp_path):
    assert found(TITLE + "About my plan\n" + sentence + "\n", "DOS002", tmp_path) == []


def test_a_count_after_the_inhaler_is_still_a_dose(tmp_path):
    text = TITLE + "Treatment\nBeclometasone inhaler: take 2 puffs.\n"
    assert found(text, "DOS002", tmp_path) == ["2 puffs"]
