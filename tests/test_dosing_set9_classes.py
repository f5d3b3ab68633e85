"""Dose classes that set 9 of the corpus exposed, each as a class of text in site styles of my
own (none copied from a page): a leaflet whose brand title has the generic name as its subtitle,
missed-dose advice under a heading about a missed dose, a repeat dose added in the as-needed
wording after a once-nightly dose, a composition line that gives a product's salt and strength,
a weight chart line above the per-kg ceiling, an extra dose with no limit in a sentence of its
own, a medication list's strength line over its directions, and a numeric date's year."""

import pytest

from support import findings_for


# -- a brand title whose subtitle names the generic: the page's medicine is the generic --------

@pytest.mark.parametrize("text", [
    "PAINAWAY CAPLETS\nibuprofen 200 mg and 400 mg caplets\n\nPatient information\n\nHow to take PAINAWAY\n"
    "For a headache: one 200 mg caplet every 4 hours when needed.\n",
    "ZENTRIX GEL TABS\ndiclofenac 25 mg and 50 mg tablets\n\nConsumer leaflet\n\nUsing ZENTRIX\n"
    "For back pain: one 50 mg tablet every 6 hours as required.\n",
])
def test_an_interval_dose_under_a_brand_whose_subtitle_names_a_ceiling_medicine_fires(tmp_path, text):
    assert findings_for(text, "DOS001", tmp_path)


@pytest.mark.parametrize("text", [
    "PAINAWAY CAPLETS\nibuprofen 200 mg and 400 mg caplets\n\nPatient information\n\nHow to take PAINAWAY\n"
    "For a headache: one 200 mg caplet every 4 hours when needed, no more than 6 caplets in 24 hours.\n",
    "ZENTRIX GEL TABS\ndiclofenac 25 mg and 50 mg tablets\n\nConsumer leaflet\n\nUsing ZENTRIX\n"
    "For back pain: one 50 mg tablet every 6 hours as required; do not take more than 3 tablets a day.\n",
])
def test_the_same_dose_with_its_maximum_is_silent(tmp_path, text):
    assert not findings_for(text, "DOS001", tmp_path)


# -- missed-dose advice under a heading about a missed dose -----------------------------------

@pytest.mark.parametrize("text", [
    "Your tablets\n\nIf you forget to take CALMEX\nIf the next one is due soon, take both doses together "
    "to catch up.\n",
    "# Epilim guide\n\n## Missed doses\n\nWhen it is nearly time for the evening dose, just double the next dose.\n",
])
def test_doubling_under_a_missed_dose_heading_fires(tmp_path, text):
    assert findings_for(text, "DOS012", tmp_path, markdown=text.startswith("#"))


@pytest.mark.parametrize("text", [
    "Your tablets\n\nIf you forget to take CALMEX\nIf the next one is due soon, skip the missed one. "
    "Do not take two doses together to catch up.\n",
    "# Epilim guide\n\n## Missed doses\n\nTake the missed dose as soon as you remember, then carry on as usual.\n",
])
def test_refused_or_plain_missed_dose_advice_is_silent(tmp_path, text):
    assert not findings_for(text, "DOS012", tmp_path, markdown=text.startswith("#"))


# -- a nightly dose with a repeat offered in the next sentence --------------------------------

@pytest.mark.parametrize("text", [
    "Sleep aids we stock\n\nDirections\nTake one 3 mg tablet 30 minutes before bed. If you are still awake "
    "after an hour, you can take another tablet.\n",
    "# Dozewell FAQ\n\n## How do I take it?\n\nChew one gummy at bedtime. Should you wake later on, "
    "have another gummy whenever you wake.\n",
])
def test_a_nightly_dose_with_an_open_repeat_fires(tmp_path, text):
    assert findings_for(text, "DOS001", tmp_path, markdown=text.startswith("#"))


@pytest.mark.parametrize("text", [
    "Sleep aids we stock\n\nDirections\nTake one 3 mg tablet 30 minutes before bed. Do not take a second "
    "tablet during the night.\n",
    "# Dozewell FAQ\n\n## How do I take it?\n\nChew one gummy at bedtime. Only one gummy a night.\n",
])
def test_a_nightly_dose_without_a_repeat_is_silent(tmp_path, text):
    assert not findings_for(text, "DOS001", tmp_path, markdown=text.startswith("#"))


# -- a composition line names the product; the title names its unit ---------------------------

@pytest.mark.parametrize("text", [
    "Febrinil 500 Tablet\nStrip of 10 tablets\nSalt composition: Paracetamol (500mg)\n\nHow to use\n"
    "Adults: take 2 tablets five times a day.\n",
    "Ibucare 400 Tablet\nComposition: Ibuprofen (400mg)\n\nDosage\nTake 3 tablets three times a day after meals.\n",
])
def test_a_count_of_the_composition_product_above_its_ceiling_fires(tmp_path, text):
    assert findings_for(text, "DOS003", tmp_path)


@pytest.mark.parametrize("text", [
    "Febrinil 500 Tablet\nStrip of 10 tablets\nSalt composition: Paracetamol (500mg)\n\nHow to use\n"
    "Adults: take 2 tablets four times a day.\n",
    "Ibucare 400 Suspension\nComposition: Ibuprofen (400mg)\n\nDosage\nTake 2 tablets three times a day after meals.\n",
])
def test_a_count_within_the_ceiling_or_with_no_unit_in_the_title_is_silent(tmp_path, text):
    assert not findings_for(text, "DOS003", tmp_path)


# -- a weight chart's line above the per-kg ceiling -------------------------------------------

@pytest.mark.parametrize("text", [
    "Fever medicines\n\nHow much to give\nParacetamol 250 mg/5 mL: every 6 hours, at most 4 doses a day\n"
    "Weight 8–10 kg: 5 mL (250 mg)\nWeight 11–14 kg: 6 mL (200 mg)\n",
    "# Ward leaflet\n\n## Doses\n\nIbuprofen 100 mg/5 mL, three times a day\n\n14 to 16 kg - 10 mL (200 mg)\n\n"
    "17 to 20 kg - 10 mL (200 mg)\n",
])
def test_a_weight_band_dose_above_the_per_kg_ceiling_fires(tmp_path, text):
    assert findings_for(text, "DOS011", tmp_path, markdown=text.startswith("#"))


@pytest.mark.parametrize("text", [
    "Fever medicines\n\nHow much to give\nParacetamol 250 mg/5 mL: every 6 hours, at most 4 doses a day\n"
    "Weight 8–10 kg: 3 mL (150 mg)\nWeight 11–14 kg: 4 mL (200 mg)\n",
    "# Ward leaflet\n\n## Doses\n\nIbuprofen 100 mg/5 mL, three times a day\n\n14 to 16 kg - 7 mL (140 mg)\n\n"
    "17 to 20 kg - 8.5 mL (170 mg)\n",
])
def test_weight_band_doses_within_the_ceiling_are_silent(tmp_path, text):
    assert not findings_for(text, "DOS011", tmp_path, markdown=text.startswith("#"))


# -- an extra dose offered with no limit, in a sentence of its own ----------------------------

@pytest.mark.parametrize("text", [
    "After the operation\n\nPain relief\nGive ibuprofen 200 mg three times a day with food.\n\nAt night\n"
    "If the pain keeps her awake, you can give another dose of ibuprofen too.\n",
    "# Back pain plan\n\n## Evenings\n\nOn a bad evening you may take another tablet of naproxen as well.\n",
])
def test_an_extra_dose_with_no_limit_fires(tmp_path, text):
    assert findings_for(text, "DOS001", tmp_path, markdown=text.startswith("#"))


@pytest.mark.parametrize("text", [
    "After the operation\n\nPain relief\nGive ibuprofen 200 mg three times a day with food.\n\nAt night\n"
    "If the pain keeps her awake, you can give another dose of ibuprofen, but no more than 4 doses in 24 hours.\n",
    "# Back pain plan\n\n## Missed doses\n\nIf you miss a dose of naproxen, do not take another tablet to make up for it.\n",
    "Fever in babies\n\nIf your baby is sick\nIf he vomits within half an hour, you can give another dose of "
    "paracetamol.\n",
    "# Kids' pain relief\n\n## Spitting out\n\nIf she spits the medicine out straight away, give another dose of "
    "ibuprofen.\n",
])
def test_an_extra_dose_with_a_limit_or_in_missed_dose_advice_is_silent(tmp_path, text):
    assert not findings_for(text, "DOS001", tmp_path, markdown=text.startswith("#"))


# -- a medication list: a strength line over its directions -----------------------------------

@pytest.mark.parametrize("text", [
    "Discharge medicines\n\nNEW medicines\namlodipine 5 mg tablet\nTake 1 tablet by mouth every morning.\n"
    "atorvastatin 20 mg tablet\nTake 1 tablet by mouth at bedtime.\n",
    "# Your visit\n\n## Keep taking\n\nOmeprazole 20 mg capsule\n\nTake 1 capsule by mouth once a day before breakfast.\n",
])
def test_a_strength_line_over_its_directions_is_silent(tmp_path, text):
    assert not findings_for(text, "DOS002", tmp_path, markdown=text.startswith("#"))


@pytest.mark.parametrize("text", [
    "Discharge medicines\n\nNEW medicines\nTake amlodipine 5 mg tablet.\nSee your GP next week.\n",
    "# Your visit\n\n## Keep taking\n\nOmeprazole 20 mg capsule\n\nSwallow it whole with water.\n",
])
def test_a_strength_with_no_directions_after_it_still_fires(tmp_path, text):
    assert findings_for(text, "DOS002", tmp_path, markdown=text.startswith("#"))


# -- a numeric date's year is no amount -------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Visit summary\n\nFooter\nPrinted from the patient portal on 03/15/2026 at 9:40 AM.\n",
    "Clinic letter\n\nNotes\nSeen on 15.03.2026 at 14:30 by the practice nurse; take the tablets as before.\n",
])
def test_the_year_of_a_numeric_date_is_no_dose(tmp_path, text):
    assert not findings_for(text, "UNT004", tmp_path)


# -- a gel's grams are not the oral ceiling's milligrams --------------------------------------

@pytest.mark.parametrize("text", [
    "Knee pain\n\nRub-on treatments\nDiclofenac gel (1%) works where it hurts. Apply 4 g to each knee four times "
    "a day, no more than 32 g a day.\n",
    "# Sprains\n\n## Creams\n\nIbuprofen cream 5% is an option. Rub in 2 g three times a day.\n",
])
def test_a_topical_amount_after_its_gel_or_cream_is_not_judged_as_oral(tmp_path, text):
    assert not findings_for(text, "DOS003", tmp_path, markdown=text.startswith("#"))


@pytest.mark.parametrize("text", [
    "Knee pain\n\nTablets\nDiclofenac tablets are stronger. Take 75 mg four times a day.\n",
    "# Sprains\n\n## Tablets\n\nIbuprofen is an option. Take 1,200 mg three times a day.\n",
])
def test_an_oral_dose_after_its_medicine_is_still_judged(tmp_path, text):
    assert findings_for(text, "DOS003", tmp_path, markdown=text.startswith("#"))


# -- a question naming two medicines asks about the first ------------------------------------

@pytest.mark.parametrize("text", [
    "Interaction answers\n\nCan I take gabapentin while I'm on diclofenac?\nMost adults take 300 mg three times "
    "a day.\n",
    "# Ask us\n\n## Is tramadol safe with sertraline?\n\nAdults normally take 50 mg to 100 mg every 6 hours, "
    "no more than 400 mg in 24 hours.\n",
])
def test_a_dose_under_a_question_naming_two_medicines_is_the_first_ones(tmp_path, text):
    assert not findings_for(text, "DOS003", tmp_path, markdown=text.startswith("#"))


@pytest.mark.parametrize("text", [
    "Interaction answers\n\nCan I take ibuprofen while I'm on sertraline?\nMost adults take 800 mg every 4 hours.\n",
    "# Ask us\n\n## Is naproxen safe for me?\n\nAdults normally take 750 mg every 6 hours.\n",
])
def test_a_dose_under_a_question_is_judged_as_its_first_medicines(tmp_path, text):
    assert findings_for(text, "DOS003", tmp_path, markdown=text.startswith("#"))
