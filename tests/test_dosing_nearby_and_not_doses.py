"""Dose classes a probe of real pages exposed, each as a class of text in site styles of my own
writing (none copied from a page): a maximum on a line, paragraph or bullet of its own; amounts
that are not instructions (questions, thresholds, restated conversions, reference intakes, the
strength a reader has at home); a first dose followed by doses after each episode; directions
deferred to the prescriber; a cap after a bracket; the unit spelling "IUs"."""

import pytest

from support import findings_for


def dosing(text, tmp_path, cid):
    return findings_for(text, cid, tmp_path)


# -- 1. a maximum stated nearby bounds the dose --------------------------------------------------

NEARBY_BOUNDED = [
    # news layout: one sentence a line
    "Upset stomach\n\nLoperamide: take 4 mg at first, followed by 2 mg after each loose stool.\n"
    "Do not take more than 16 mg in 24 hours.\n",
    # the next paragraph
    "Headache\n\nTake 1,000 mg of paracetamol every 4 to 6 hours when needed.\n\n"
    "Do not take more than 4,000 mg in 24 hours.\n",
    # a blog's bullets: the maximum is a later bullet of the same list
    "Dosing tips\n\n- Start with 4 mg of loperamide.\n- Then take 2 mg after every loose stool.\n"
    "- Never take more than 16 mg a day.\n",
    # a sentence of its own naming the most
    "Stomach bug\n\nAdults can take loperamide 4 mg, then 2 mg after each episode of diarrhoea.\n\n"
    "The most you can take in a day is 16 mg.\n",
]


@pytest.mark.parametrize("text", NEARBY_BOUNDED)
@pytest.mark.parametrize("cid", ["DOS001", "DOS002", "DOS003"])
def test_a_maximum_on_a_line_of_its_own_bounds_the_dose_before_it(tmp_path, text, cid):
    assert not dosing(text, tmp_path, cid)


@pytest.mark.parametrize("text", [
    "Upset stomach\n\nLoperamide: take 4 mg at first, followed by 2 mg after each loose stool.\n",
    "Headache\n\nTake 1,000 mg of paracetamol every 4 to 6 hours when needed.\n\nRest and drink water.\n",
])
def test_the_same_dose_with_no_maximum_anywhere_still_fires(tmp_path, text):
    assert dosing(text, tmp_path, "DOS001")


def test_a_maximum_of_another_medicine_does_not_bound_the_dose(tmp_path):
    text = ("Pain relief\n\nTake 400 mg of ibuprofen every 4 hours when needed. Take paracetamol 1 g every 4 to 6 "
            "hours when needed.\n\nDo not take more than 4 g of paracetamol in 24 hours.\n")
    found = dosing(text, tmp_path, "DOS001")
    assert any("400 mg" in f.excerpt for f in found)


@pytest.mark.parametrize("text", [
    # a children's weight chart as a table under its lead-in
    "Children's paracetamol dose chart\n\nGive the dose for your child's weight every 4 to 6 hours if needed. "
    "Do not give more than 4 doses in 24 hours.\n\n| Weight | Dose |\n|---|---|\n| 5-7 kg | 2.5 mL |\n"
    "| 8-10 kg | 4 mL |\n| 11-15 kg | 6 mL |\n",
    # a handbook's age chart as short lines under a lead-in ending with a colon
    "Ibuprofen for children\n\nDoses can be given every 6 to 8 hours, no more than 3 times in 24 hours:\n\n"
    "6 to 11 months: 2.5 ml\n1 to 3 years: 5 ml\n4 to 6 years: 7.5 ml\n",
])
@pytest.mark.parametrize("cid", ["DOS001", "DOS002"])
def test_a_charts_rows_inherit_the_lead_ins_maximum(tmp_path, text, cid):
    assert not dosing(text, tmp_path, cid)


@pytest.mark.parametrize("text", [
    "Cold and flu\n\nVitamin C: take 500 mg.\nYou can take it twice a day.\n",
    "Magnesium\n\nThe usual amount is 300 mg.\n\nTake it once a day with food.\n",
])
def test_a_frequency_on_the_next_line_completes_the_amount(tmp_path, text):
    assert not dosing(text, tmp_path, "DOS002")


# -- 2. amounts that are not instructions ----------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Questions\n\nCan I take 1g of paracetamol?\n\nYes, adults can take 1 g every 4 to 6 hours, no more than "
    "4 g in 24 hours.\n",
    "Ask the pharmacist\n\nIs 20 mg of melatonin too much? Most adults need far less.\n",
    "Children's dosing\n\nThe chart gives 0.5 mL for each kg, twice a day. For a 10 kg child this translates to "
    "5 mL.\n",
    "Melatonin\n\nDoses higher than 3 mg do not work better.\n",
    "Sleep aids\n\nStudies found that amounts greater than 10 mg gave no extra benefit.\n",
    "Vitamin C\n\nRecommended dietary allowance (RDA):\n- Men: 90 mg\n- Women: 75 mg\n- Pregnancy: 85 mg\n",
    "Vitamin C\n\n| Group | RDA |\n|---|---|\n| Men | 90 mg |\n| Women | 75 mg |\n",
    "Dose\n\nIf you have 10 mg capsules, take two.\n",
    "Your tablets\n\nIf your tablets are 5 mg, take one tablet.\n",
])
def test_amounts_that_are_not_instructions_are_not_incomplete_doses(tmp_path, text):
    assert not dosing(text, tmp_path, "DOS002")


@pytest.mark.parametrize("text", [
    "Paracetamol safety\n\nTaking more than 6 g of paracetamol a day can cause liver damage.\n",
    "Liver warning\n\nAmounts above 8 g of paracetamol daily are dangerous.\n",
])
def test_a_toxicity_threshold_is_not_a_dose_above_the_ceiling(tmp_path, text):
    assert not dosing(text, tmp_path, "DOS003")


@pytest.mark.parametrize("text", [
    "Paracetamol\n\nTake 2 g of paracetamol four times a day.\n",
    "Paracetamol\n\n- Adults: paracetamol 2 g every 6 hours\n",
])
def test_a_dose_above_the_ceiling_still_fires(tmp_path, text):
    assert dosing(text, tmp_path, "DOS003")


def test_a_negated_limit_is_not_a_threshold(tmp_path):
    text = "Paracetamol\n\nTake 1 g every 4 hours when needed; do not take more than 6 g a day.\n"
    assert dosing(text, tmp_path, "DOS003")


# -- 3. a first dose, then a dose after each episode ---------------------------------------------

@pytest.mark.parametrize("text", [
    "Diarrhoea\n\nLoperamide: take 4 mg at first, followed by 2 mg after each loose stool.\n",
    "Travel tummy\n\n1. Take loperamide 4 mg, then 2 mg after each episode of diarrhoea.\n",
])
def test_a_loading_dose_then_doses_per_episode_is_as_needed_not_a_titration(tmp_path, text):
    found = dosing(text, tmp_path, "DOS001")
    assert found and all("titrating" not in f.message and "as needed" in f.message for f in found)


@pytest.mark.parametrize("text", [
    "Diarrhoea\n\nLoperamide: take 4 mg at first, followed by 2 mg after each loose stool, up to 16 mg a day.\n",
    "Travel tummy\n\n1. Take loperamide 4 mg, then 2 mg after each episode of diarrhoea (max 16 mg in 24 hours).\n",
])
def test_the_loading_dose_with_its_daily_maximum_is_silent(tmp_path, text):
    assert not dosing(text, tmp_path, "DOS001")


# -- 4. directions deferred to the prescriber ---------------------------------------------------

@pytest.mark.parametrize("text", [
    "Your medicine\n\nTake sertraline 50 mg as directed by your doctor.\n",
    "Blood pressure\n\n- Amlodipine 5 mg tablets: take as prescribed.\n",
    "Steroid tablets\n\nPrednisolone 5 mg, as your doctor has told you.\n",
])
@pytest.mark.parametrize("cid", ["DOS001", "DOS002"])
def test_directions_deferred_to_the_prescriber_are_not_open(tmp_path, text, cid):
    assert not dosing(text, tmp_path, cid)


@pytest.mark.parametrize("text", [
    "Pain\n\nTramadol 50 mg as directed.\n",
    "Pain\n\nTake codeine 30 mg every 4 hours as needed, as prescribed.\n",
])
def test_a_bare_as_directed_or_an_as_needed_interval_is_still_judged(tmp_path, text):
    assert dosing(text, tmp_path, "DOS001")


# -- 5. a cap after a bracket ---------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Pain relief\n\nAdults can take paracetamol (one or two 500 mg tablets) every four to six hours, up to four "
    "times a day.\n",
    "Fever\n\n- Paracetamol: 1 g every 4 to 6 hours (up to 4 times a day)\n",
    "Fever\n\nTake 2 tablets of paracetamol 500 mg every 6 hours, up to 4 times in 24 hours.\n",
])
@pytest.mark.parametrize("cid", ["DOS001", "DOS003"])
def test_up_to_n_times_a_day_after_an_interval_caps_it(tmp_path, text, cid):
    assert not dosing(text, tmp_path, cid)


def test_up_to_n_times_a_day_alone_is_still_a_frequency(tmp_path):
    text = "Indigestion\n\nTake 1 tablet up to 4 times a day.\n"
    assert not dosing(text, tmp_path, "DOS002")


# -- 6. the unit spelling "IUs" -------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Vitamin D for adults\n\nMost adults need 600 IUs a day. Take 1,000 IUs daily with food.\n",
    "Sunshine vitamin\n\n- Babies: 400 IUs once a day\n- Adults: 800 IUs once a day\n",
])
def test_ius_is_read_as_international_units(tmp_path, text):
    assert not dosing(text, tmp_path, "UNT001")


def test_a_negated_limit_in_words_before_the_amount_is_not_a_threshold(tmp_path):
    text = "Paracetamol\n\nTake 1 g every 4 hours when needed. Don't take more than 2 g every 4 hours.\n"
    assert not [f for f in dosing(text, tmp_path, "DOS002")]


def test_a_limit_naming_another_medicine_is_not_lent(tmp_path):
    text = ("Pain relievers\n\nNaproxen sodium (Aleve): 440 mg every 8 hours with food.\n"
            "Acetaminophen (Tylenol) eases pain. Don't take more than 3,000 mg a day.\n")
    assert dosing(text, tmp_path, "DOS001")


@pytest.mark.parametrize("text", [
    "How to take it\n\nSwallow one 2 mg tablet of melatonin before bed. You can take another tablet if you wake.\n"
    "Courses of up to 13 weeks are usual.\n",
    "Sore throat\n\nSuck one throat lozenge every 2 hours.\n\nDo not take more than 6 tablets in 24 hours.\n",
])
def test_a_course_length_or_another_units_count_on_its_own_line_is_not_lent(tmp_path, text):
    assert dosing(text, tmp_path, "DOS001")


@pytest.mark.parametrize("text", [
    "Fever in children\n\nGive ibuprofen every 6 to 8 hours, up to 3 doses in 24 hours. Children 1 to 3 years: 5 ml. "
    "Children 4 to 6 years: 7.5 ml.\n",
    "Calpol dose guide\n\nYou can give it every 4 to 6 hours, no more than 4 times in 24 hours. Weight 10 to 12 kg: "
    "5 ml. Weight 13 to 16 kg: 7.5 ml. Weight 17 to 20 kg: 10 ml.\n",
])
def test_a_chart_run_into_one_paragraph_inherits_its_lead_sentence(tmp_path, text):
    assert not dosing(text, tmp_path, "DOS002")


def test_chart_rows_with_no_lead_schedule_are_still_incomplete(tmp_path):
    text = "Fever in children\n\nIbuprofen is a good choice. Children 1 to 3 years: 5 ml. Children 4 to 6 years: 7.5 ml.\n"
    assert dosing(text, tmp_path, "DOS002")


@pytest.mark.parametrize("text", [
    "Paracetamol handbook\n\n| Field | Detail |\n|---|---|\n| Adult dose | 500 mg to 1 g every 4 to 6 hours |\n"
    "| Maximum dose | 4 g in 24 hours |\n",
    "Ibuprofen monograph\n\n| Item | Value |\n|---|---|\n| Usual dose | 200 to 400 mg every 4 to 6 hours |\n"
    "| Do not exceed | 1,200 mg in 24 hours |\n",
])
@pytest.mark.parametrize("cid", ["DOS001", "DOS003"])
def test_a_handbook_row_labelled_as_the_maximum_bounds_the_dose_row_above(tmp_path, text, cid):
    assert not dosing(text, tmp_path, cid)


def test_a_handbook_without_a_maximum_row_still_fires(tmp_path):
    text = ("Paracetamol handbook\n\n| Field | Detail |\n|---|---|\n| Adult dose | 500 mg to 1 g every 4 to 6 hours |\n"
            "| Form | tablets |\n")
    assert dosing(text, tmp_path, "DOS001")


def test_a_limit_line_followed_by_another_medicines_name_still_bounds_the_dose(tmp_path):
    text = ("Period pain\n\nIbuprofen works well. Take 400 mg every 8 hours with food.\n"
            "Don't take more than 1,200 mg a day. Paracetamol is another option.\n")
    assert not dosing(text, tmp_path, "DOS001")


@pytest.mark.parametrize("text", [
    "Pain\n\nTake 1 g of paracetamol every 2 hours.\nDo not take more than 4 g in 24 hours.\n",
    "Pain\n\n- Take 1 g of paracetamol every 2 hours.\n- Never take more than 4 g a day.\n",
])
def test_a_schedule_above_the_limit_on_the_next_line_is_still_an_error(tmp_path, text):
    found = dosing(text, tmp_path, "DOS006") + dosing(text, tmp_path, "DOS003")
    assert found and all(f.severity == "error" for f in found)


def test_a_note_after_a_dose_does_not_reach_the_next_list(tmp_path):
    text = ("Pain\n\nTake 1 g of paracetamol every 4 to 6 hours when needed.\n\nDo not take more than 4 g in 24 hours.\n\n"
            "- Ibuprofen: 400 mg every 4 hours when needed\n")
    found = dosing(text, tmp_path, "DOS001")
    assert [f for f in found if "400 mg" in f.excerpt] and not [f for f in found if "1 g" in f.excerpt]


def test_every_unit_spelling_of_the_data_is_read_as_its_unit():
    from medlint import policy
    from medlint.doses import lookup_spelling
    from medlint.doses import quantities

    for entry in policy.load("dose-lexicon")["unit_spellings"]:
        assert entry["unit"] in quantities.DEFINITIONS, entry
        for spelling in (*entry.get("spellings", ()), *entry.get("exact_spellings", ())):
            found = lookup_spelling(spelling)
            assert found is not None and (found.unit, found.kind) == (entry["unit"], entry["kind"]), spelling
    assert lookup_spelling("u") is None  # "U" is read with its case only (an exact spelling)


# -- a maximum that names a population bounds only that population's doses ----------------------

OTHER_POPULATION = [
    # a leaflet's lines: the adults' limit under the children's as-needed dose
    "Paracetamol for fever\n\nHow much to give\nChildren 6 to 11 years: 1 tablet every 4 hours as needed.\n"
    "Adults and children over 12: do not take more than 8 tablets in 24 hours.\n",
    # a blog's bullets: the adults' daily limit as the last bullet under the children's bands
    "Ibuprofen for children\n\nDosage\n- Children 7 to 9 years: 200 mg every 4 hours when needed.\n"
    "- Adults: no more than 1,200 mg in 24 hours.\n",
]


@pytest.mark.parametrize("text", OTHER_POPULATION)
def test_a_limit_for_another_population_leaves_the_dose_above_it_open(tmp_path, text):
    assert dosing(text, tmp_path, "DOS001")


@pytest.mark.parametrize("text", [
    "Pain relief\n\nAdults: 500 mg to 1 g every 4 to 6 hours when needed.\n\n"
    "Adults should not take more than 4 g in 24 hours.\n",
    "Fever in older children\n\n- Children 12 to 15 years: 1 tablet every 4 hours as needed.\n"
    "- Children 12 to 15 years: no more than 4 tablets in 24 hours.\n",
])
def test_a_limit_for_the_same_population_bounds_the_dose(tmp_path, text):
    assert not dosing(text, tmp_path, "DOS001")


# -- a weight chart under a lead-in whose paragraph before states how often ----------------------

CHART_AFTER_SCHEDULE = [
    # a parenting blog: the rule of thumb, then the chart's own lead-in, then its lines
    "Fever medicine for kids\n\nThe usual amount is 10 mg per kg, given every 6 to 8 hours when needed, "
    "and no more than 4 doses in 24 hours.\n\nUse this chart by weight:\n\n"
    "13-17 lb (6-7.9 kg): 1.25 mL of infant drops (50 mg)\n"
    "24-35 lb (11-15.9 kg): 5 mL of children's liquid (100 mg)\n",
    # a clinic leaflet: the schedule, then "Find your child's weight below:"
    "How much to give\n\nGive the dose every 6 hours if your child still has a fever; do not give more than "
    "4 doses in 24 hours.\n\nFind your child's weight below:\n\n"
    "Weight 8-10 kg: 5 mL (120 mg)\nWeight 10-12 kg: 6 mL (144 mg)\n",
]


@pytest.mark.parametrize("text", CHART_AFTER_SCHEDULE)
def test_a_chart_under_a_plain_lead_in_takes_the_schedule_before_it(tmp_path, text):
    assert not dosing(text, tmp_path, "DOS002")


def test_a_chart_under_a_plain_lead_in_with_no_schedule_before_it_still_asks(tmp_path):
    text = ("How much to give\n\nChildren's liquid comes with a syringe.\n\nUse this chart by weight:\n\n"
            "13-17 lb (6-7.9 kg): 1.25 mL of infant drops (50 mg)\n"
            "24-35 lb (11-15.9 kg): 5 mL of children's liquid (100 mg)\n")
    assert dosing(text, tmp_path, "DOS002")


@pytest.mark.parametrize("text", [
    "Diarrhoea in children\n\nGive 1 mg per 10 kg of body weight only after a loose stool.\n",
    "Tummy bugs\n\n- Oral rehydration first.\n- Loperamide 2 mg after any loose motion.\n",
])
def test_a_dose_after_a_loose_stool_is_as_needed_and_asks_its_maximum(tmp_path, text):
    assert not dosing(text, tmp_path, "DOS002")
    assert dosing(text, tmp_path, "DOS001")


# -- a sentence that defines the product its strength names ---------------------------------------

@pytest.mark.parametrize("text", [
    "Omeprazole 20 mg – acid reflux guide\n\nWhat it is\n\nOmeprazole 20 mg is a proton pump inhibitor that lowers "
    "stomach acid.\n\nHow to take it\n\nTake one capsule once a day before breakfast.\n",
    "## About the medicine\n\nNaproxen 250 mg belongs to the group of medicines called NSAIDs.\n\n"
    "## Dose\n\nTake one tablet twice a day with food, no more than 2 tablets in 24 hours.\n",
])
def test_a_strength_its_sentence_defines_is_no_dose(tmp_path, text):
    assert not dosing(text, tmp_path, "DOS002")


def test_a_defining_sentence_that_speaks_of_an_amount_is_still_a_dose(tmp_path):
    from medlint.doses import parse_doses

    assert [d.amount.raw for d in parse_doses("Paracetamol 1 g is a safe dose for most adults.")] == ["1 g"]
    assert [d.amount for d in parse_doses("Omeprazole 20 mg is a proton pump inhibitor.")] == [None]


def test_a_definition_that_goes_on_to_an_amount_of_something_else_still_defines(tmp_path):
    from medlint.doses import parse_doses

    text = "Omeprazole 20 mg is a proton pump inhibitor used to reduce the amount of acid the stomach makes."
    assert [d.amount for d in parse_doses(text)] == [None]


@pytest.mark.parametrize("text", [
    "Acetaminophen 500 mg: 1-2 tabs PO q6h PRN fever, NTE 3 g/day",
    "Ibuprofen 200 mg tablets - take 1 to 2 every 4-6 hours as needed; NTE 6 tablets in 24 hours.",
])
def test_nte_is_a_stated_maximum(text):
    from medlint.doses import parse_doses

    doses = parse_doses(text)
    assert len(doses) == 1 and doses[0].max_per_day is not None


@pytest.mark.parametrize("text", ["Prednisolone 5 mg tablets: 1 tab u.d.", "Methotrexate 2.5 mg: 4 tabs ut dict."])
def test_ut_dictum_leaves_the_dose_to_directions_given_elsewhere(text):
    from medlint.doses import parse_doses

    doses = parse_doses(text)
    assert len(doses) == 1 and doses[0].directions is not None
