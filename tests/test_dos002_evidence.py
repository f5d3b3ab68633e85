"""DOS002 (an amount with no frequency) fires on evidence that the reader is told to take the
amount and that nothing on the page times it: an instruction (take/give/use ..., "the dose is",
a population label line under a dosing heading) with no frequency, interval, per-day total,
single-dose wording or schedule governing it. Amounts that are not instructions stay silent:
strengths and available forms, what each unit holds, nutrient amounts, ingredient panels,
prices and packs, maxima, doses reported from research and single doses. Each site style below
is written for this test (none is copied from a real page): a Singapore hospital drug leaflet,
an Indian pharmacy product page, a Canadian monograph summary, a US urgent-care blog, a UK
community-pharmacy Q&A and an Australian consumer medicine information excerpt."""

import datetime as _dt

import pytest

from support import article_from_text
from medlint.engine import Options, check_article


def _dos002(text, tmp_path):
    folder = article_from_text(text, tmp_path)
    result = check_article(folder, Options(today=_dt.date(2026, 12, 1)))
    return [f.excerpt for f in result.findings if f.check == "DOS002"]


# --- true findings: the reader is told to take an amount and is never told how often

@pytest.mark.parametrize("text", [
    # Singapore hospital drug leaflet
    "Metformin - Patient Information Leaflet\n\nHow should I take this medicine?\nTake 500 mg. Swallow "
    "the tablet whole.\n",
    # Indian pharmacy product page
    "Cetirizine 10 mg Tablet - Buy Online\n\nDirections for use\nAdults: take 10 mg.\n",
    # Canadian monograph summary
    "Naproxen: monograph summary\n\nDosage\nAdults: 250 mg.\n",
    # US urgent-care blog
    "Treating a sprained ankle at home\n\nPain relief\nYou can take 400 mg of ibuprofen with food.\n",
    # UK community-pharmacy Q&A
    "Ask our pharmacist: hay fever\n\nHow much should my child have?\nChildren 6 to 12: give 5 ml.\n",
    # Australian CMI excerpt
    "Amoxicillin CMI\n\nHow much to take\nThe usual dose is 500 mg.\n",
])
def test_an_instruction_with_no_frequency_is_flagged(text, tmp_path):
    assert _dos002(text, tmp_path)


# --- silent: amounts the reader is not told to take, or told with a schedule

@pytest.mark.parametrize("text", [
    # strengths and available forms in prose
    "Amoxicillin - Patient Information Leaflet\n\nWhat is this medicine?\nAmoxicillin comes as 250 mg and "
    "500 mg capsules and as a 125 mg/5 ml syrup.\n",
    "Naproxen: monograph summary\n\nAvailable forms\nTablets are available in 250 mg, 375 mg and 500 mg "
    "strengths.\n",
    "Levothyroxine CMI\n\nWhat it looks like\nThe 50 microgram tablets are white and round, in packs of 28.\n",
    # what each unit holds, ingredient panels
    "Paracetamol 500 mg Tablet - Buy Online\n\nProduct details\nEach tablet contains paracetamol 500 mg.\n",
    "Multivitamin gummies - Buy Online\n\nKey ingredients\n- Vitamin C 80 mg\n- Zinc 5 mg\n- Vitamin D 10 micrograms\n",
    # prices and packs
    "Cetirizine 10 mg Tablet - Buy Online\n\nPrice\nStrip of 10 tablets: Rs 25. Cetirizine 10 mg, MRP Rs 30.\n",
    # nutrient amounts
    "Feeling tired? A guide from our urgent-care team\n\nIron in food\nA bowl of fortified cereal has about "
    "8 mg of iron, and a serving of spinach about 3 mg.\n",
    # doses reported from research
    "Ask our pharmacist: colds\n\nDoes vitamin C help?\nIn one trial, people who took 1 g of vitamin C had colds "
    "that were slightly shorter.\n",
    "Migraine and magnesium\n\nWhat the research says\nStudies have used 600 mg of magnesium in adults with "
    "migraine.\n",
    # maxima and limits
    "Naproxen: monograph summary\n\nCautions\nDo not exceed 1250 mg on the first day.\n",
    "Ibuprofen CMI\n\nHow much to take\nTake 200 to 400 mg every 6 to 8 hours. Do not take more than "
    "1200 mg in a day.\n",
    # single doses described
    "Emergency contraception: urgent-care FAQ\n\nHow is it taken?\nLevonorgestrel 1.5 mg is taken as a single "
    "dose as soon as possible.\n",
    # frequency in the section heading or the list's lead-in
    "Metformin - Patient Information Leaflet\n\nTwice a day\n- Adults: 500 mg\n- Older people: 500 mg\n",
    "Ask our pharmacist: hay fever\n\nHow much to give\nGive once a day:\n- Children 2 to 5: 2.5 ml\n"
    "- Children 6 to 11: 5 ml\n",
    # comparison
    "Ask our pharmacist: pain relief\n\nIs 200 mg enough?\nA 400 mg tablet has twice the ibuprofen of a "
    "200 mg one.\n",
])
def test_an_amount_that_is_no_instruction_or_is_timed_stays_silent(text, tmp_path):
    assert _dos002(text, tmp_path) == []


# --- lines of a list or table are doses only where the block presents doses

@pytest.mark.parametrize("text", [
    # Indian pharmacy page: strengths a product comes in, led by a line that names no dose
    "Cefalexin - Buy Online\n\nAbout this medicine\nIt comes in these strengths:\n- 250 mg capsules\n"
    "- 500 mg capsules\n",
    # Canadian monograph summary: a table of forms and strengths
    "Cefalexin: monograph summary\n\nDosage forms\n\n| Form | Strength |\n|---|---|\n| Capsule | 250 mg |\n"
    "| Suspension | 125 mg/5 ml |\n",
    # Australian CMI: nutrition panel lines
    "Iron and vitamin C CMI\n\nNutrition information\n- Calcium 120 mg\n- Iron 2 mg\n",
    # UK pharmacy Q&A: research findings as a list
    "Ask our pharmacist: colds\n\nWhat the research says\n- A trial of 500 mg found fewer relapses.\n"
    "- 1 g was no better than 500 mg.\n",
    # Singapore drug leaflet: a monograph's facts line, an adult toxic amount
    "Paracetamol - Patient Information Leaflet\n\nOverdose\nIn adults, liver damage is seen after 10 g or "
    "more. Half-life: 2 hours.\n",
    # US urgent-care blog: a table whose header times every row
    "Fever in kids: our urgent-care guide\n\nAcetaminophen\n\n| Age | Dose (every 4 to 6 hours) |\n|---|---|\n"
    "| 2 to 3 years | 5 ml |\n| 4 to 5 years | 7.5 ml |\n",
])
def test_a_block_that_does_not_present_doses_or_times_them_stays_silent(text, tmp_path):
    assert _dos002(text, tmp_path) == []


@pytest.mark.parametrize("text", [
    # a list headed as the doses
    "Amoxicillin CMI\n\nTaking it\n- Adults: 500 mg\n- Children: 250 mg\n",
    # a table with a dose column and no frequency anywhere
    "Amoxicillin - Buy Online\n\nDetails\n\n| Patient | Dose |\n|---|---|\n| Adult | 500 mg |\n",
    # one line of a list of timed regimens left untimed
    "Sleep aids: urgent-care blog\n\nWhat people try\n- Melatonin 2 mg at bedtime each night\n"
    "- Magnesium 200 mg once a day\n- Valerian 450 mg\n",
])
def test_a_block_that_presents_doses_still_asks_how_often(text, tmp_path):
    assert _dos002(text, tmp_path)


@pytest.mark.parametrize("text", [
    # UK pharmacy Q&A: two amounts compared
    "Ask our pharmacist\n\nCan I take 1000 mg instead of 500 mg?\nA 1000 mg dose is stronger than a 500 mg "
    "dose, and not always better.\n",
    # Canadian monograph summary: a trial's arms
    "Atorvastatin: monograph summary\n\nClinical trials\nPeople given 80 mg had fewer heart attacks than those "
    "given 10 mg.\n",
])
def test_compared_and_reported_amounts_stay_silent(text, tmp_path):
    assert _dos002(text, tmp_path) == []


@pytest.mark.parametrize("text", [
    # US urgent-care blog: a single dose described
    "Thrush: when to visit urgent care\n\nHow is it used?\nA single 150 mg capsule of fluconazole is taken "
    "by mouth.\n",
    # Australian CMI: a medicines chart whose columns are the times of the day
    "Your medicines chart\n\nYour medicines\n\nYour list is below.\n\n| Medicine | Dose | Morning | Night |\n|---|---|---|---|\n"
    "| Metformin | 500 mg | yes | yes |\n",
])
def test_a_single_dose_or_a_chart_timed_by_its_columns_stays_silent(text, tmp_path):
    assert _dos002(text, tmp_path) == []


def test_a_when_required_list_is_still_asked(tmp_path):
    # a heading that says when (not how often) presents the doses under it
    text = "Care home round\n\nWhen required\n- Loratadine 10 mg for itching.\n"
    assert _dos002(text, tmp_path)
