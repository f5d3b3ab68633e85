"""Dose classes that set 8 of the corpus exposed, each as a class of text in several site
styles of my own (none copied from a page): a table row whose first cell names a use rather
than a medicine, a label before the medicine's own name ("Dosage for adults: Paracetamol 500
mg: ..."), a clause that opens on a share of people ("Most people start at ..."), and a count
of units whose strength one sentence of the page gives ("Each softgel provides ...")."""

import pytest

from support import findings_for

MD = dict(markdown=True)


# -- a table row headed by a use: the page's medicine is the row's ----------------------------

@pytest.mark.parametrize("text, kw", [
    ("# Naproxen\n\n## Doses\n\n| Use | Adult dose |\n|---|---|\n| Period pain | 250 mg |\n"
     "| Gout flare | 500 mg four times daily |\n", MD),
    ("# Diclofenac\n\n## How much to take\n\n| Condition | Dose | Notes |\n|---|---|---|\n"
     "| Joint pain | 75 mg three times a day | With meals |\n", MD),
])
def test_a_row_headed_by_a_use_is_judged_as_the_pages_medicine(tmp_path, text, kw):
    assert findings_for(text, "DOS003", tmp_path, **kw)


@pytest.mark.parametrize("text, kw", [
    ("# Naproxen\n\n## Doses\n\n| Use | Adult dose |\n|---|---|\n| Period pain | 250 mg |\n"
     "| Gout flare | 500 mg twice daily |\n", MD),
    ("# Diclofenac\n\n## How much to take\n\n| Condition | Dose | Notes |\n|---|---|---|\n"
     "| Joint pain | 50 mg three times a day | With meals |\n", MD),
])
def test_a_row_headed_by_a_use_within_the_ceiling_is_silent(tmp_path, text, kw):
    assert not findings_for(text, "DOS003", tmp_path, **kw)


# -- a label, then the medicine's name: the name is the dose's ---------------------------------

@pytest.mark.parametrize("text", [
    "Painkillers we stock\n\nDosage for adults: Paracetamol 500 mg: 1-2 tablets every 4 hours.\n",
    "Our advice\n\nFor grown-ups: Ibuprofen 200 mg: 2 tablets every 4 hours as needed.\n",
])
def test_a_labelled_dose_of_a_ceiling_medicine_with_no_cap_fires(tmp_path, text):
    assert findings_for(text, "DOS001", tmp_path)


@pytest.mark.parametrize("text", [
    "Painkillers we stock\n\nDosage for adults: Paracetamol 500 mg: 1-2 tablets every 4 hours, "
    "no more than 8 tablets in 24 hours.\n",
    "Our advice\n\nFor grown-ups: Ibuprofen 200 mg: 2 tablets every 4 hours as needed; "
    "do not take more than 6 tablets in 24 hours.\n",
])
def test_a_labelled_dose_with_its_cap_is_silent(tmp_path, text):
    assert not findings_for(text, "DOS001", tmp_path)


# -- a share of people is no medicine's name ---------------------------------------------------

@pytest.mark.parametrize("text", [
    "# Calmly Health\n\n## How much sertraline will I take?\n\nMost people start on 50 mg once a day. "
    "Depending on the response, the range is 50 mg to 250 mg once daily.\n",
    "# Our clinic\n\n## Your citalopram dose\n\nMany adults begin with 20 mg once a day, and some people need 60 mg once daily.\n",
])
def test_a_dose_opened_by_a_share_of_people_takes_the_heading_medicine(tmp_path, text):
    assert findings_for(text, "DOS003", tmp_path, markdown=True)


@pytest.mark.parametrize("text", [
    "# Calmly Health\n\n## How much sertraline will I take?\n\nMost people start on 50 mg once a day. "
    "Depending on the response, the range is 50 mg to 200 mg once daily.\n",
    "# Our clinic\n\n## Your citalopram dose\n\nMany adults begin with 20 mg once a day, and some people need 40 mg once daily.\n",
])
def test_a_share_of_people_within_the_ceiling_is_silent(tmp_path, text):
    assert not findings_for(text, "DOS003", tmp_path, markdown=True)


# -- a count of units whose strength one sentence gives, beside a facts panel ------------------

_PANEL = "Supplement Facts\n\nServing size: 2 softgels | Servings per container: 30\n"


@pytest.mark.parametrize("text", [
    "SunCap D3 Softgels\n\nHow to use\n\nAdults: take 2 softgels daily with food. "
    "Each softgel provides vitamin D3 125 mcg (5,000 IU).\n\n" + _PANEL,
    "Bright Bones D3\n\nDirections\n\nTake one softgel twice a day. "
    "Each softgel contains cholecalciferol 75 mcg.\n",
])
def test_a_count_of_units_above_the_upper_level_fires(tmp_path, text):
    found = findings_for(text, "DOS003", tmp_path)
    assert found and "mcg" in found[0].message


@pytest.mark.parametrize("text", [
    "SunCap D3 Softgels\n\nHow to use\n\nAdults: take 2 softgels daily with food. "
    "Each softgel provides vitamin D3 25 mcg (1,000 IU).\n\n" + _PANEL,
    "Bright Bones D3\n\nDirections\n\nTake one softgel once a day. "
    "Each softgel contains cholecalciferol 50 mcg.\n",
])
def test_a_count_of_units_within_the_upper_level_is_silent(tmp_path, text):
    assert not findings_for(text, "DOS003", tmp_path)


# -- a chart by weight or age under the line that says how often -------------------------------

@pytest.mark.parametrize("text", [
    # a hospital leaflet: a weight band a line, the schedule on the medicine's line
    "How much to give\n\nIbuprofen 100 mg/5 mL: give every 8 hours, no more than 3 doses in 24 hours\n\n"
    "Weight 8–10 kg: 4 mL (80 mg)\n\nWeight 11–14 kg: 6 mL (120 mg)\n\nWeight 15–19 kg: 8.5 mL (170 mg)\n",
    # a pharmacy page: pounds and ages, "repeat every 4 to 6 hours" on the lead
    "Children's dosing\n\nInfant paracetamol 160 mg/5 mL: repeat every 4 to 6 hours, up to 5 times a day:\n\n"
    "Weighing 24-35 lbs: 5 mL\n\nWeighing 36-47 lbs: 7.5 mL\n",
])
def test_band_lines_under_a_timed_line_are_timed(tmp_path, text):
    assert not findings_for(text, "DOS002", tmp_path)


@pytest.mark.parametrize("text", [
    # the same lines under a line that says nothing of how often
    "How much to give\n\nIbuprofen 100 mg/5 mL, the children's liquid:\n\n"
    "Weight 8–10 kg: 4 mL (80 mg)\n\nWeight 11–14 kg: 6 mL (120 mg)\n",
    "Children's dosing\n\nInfant paracetamol 160 mg/5 mL comes with a syringe:\n\n"
    "Weighing 24-35 lbs: 5 mL\n\nWeighing 36-47 lbs: 7.5 mL\n",
])
def test_band_lines_under_an_untimed_line_still_lack_a_frequency(tmp_path, text):
    assert findings_for(text, "DOS002", tmp_path)


# -- one more dose offered on top of a fixed count a day ---------------------------------------

@pytest.mark.parametrize("text", [
    # a health library paragraph, the prescriber's verb before the medicine
    "Treatment\n\nIf the spasms are bad, your doctor may prescribe cyclobenzaprine 10 mg three times a day. "
    "You can take a fourth tablet at night if they wake you.\n",
    # a blog's plain advice, "another dose"
    "What worked for me\n\nMy GP suggests citalopram 20 mg twice a day. On a bad day I take another dose after lunch.\n",
])
def test_an_extra_dose_beyond_a_fixed_count_is_judged(tmp_path, text):
    found = findings_for(text, "DOS003", tmp_path)
    assert found and "adds a dose" in found[0].message


@pytest.mark.parametrize("text", [
    # within the ceiling with the extra dose
    "Treatment\n\nIf the spasms are bad, your doctor may prescribe cyclobenzaprine 5 mg three times a day. "
    "You can take a fourth tablet at night if they wake you.\n",
    # no extra dose offered
    "What worked for me\n\nMy GP suggests citalopram 20 mg twice a day. On a bad day I rest after lunch.\n",
])
def test_a_fixed_count_with_no_extra_dose_beyond_the_ceiling_is_silent(tmp_path, text):
    assert not findings_for(text, "DOS003", tmp_path)


# -- a thread asking about missed doses: its replies' advice is about them ---------------------

@pytest.mark.parametrize("text", [
    "Forgot my levetiracetam for two days - what now?\n\nReply from sam_k\n\n"
    "Happened to me too. Just take both tomorrow morning to catch up, it worked fine for me.\n",
    "Skipped 3 days of my blood pressure tablets, should I double up?\n\nTop answer\n\n"
    "Yes, double the next dose and you'll be level again.\n",
])
def test_a_reply_under_a_missed_dose_question_that_doubles_fires(tmp_path, text):
    assert findings_for(text, "DOS012", tmp_path)


@pytest.mark.parametrize("text", [
    # the same thread, the reply refusing
    "Forgot my levetiracetam for two days - what now?\n\nReply from sam_k\n\n"
    "Do not take both tomorrow to catch up; just carry on with your usual dose.\n",
    # a question about something else: "take two" is no make-up dose
    "Travelling with my tablets - any tips?\n\nReply from sam_k\n\n"
    "Pack two strips and take two tomorrow only if your doctor has said so.\n",
])
def test_a_reply_that_refuses_or_a_question_about_something_else_is_silent(tmp_path, text):
    assert not findings_for(text, "DOS012", tmp_path)


# -- one dose of the reader's own regimen ------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Pharmacist's answer\n\nPlease don't double up. Take your usual 50 mg tablet tomorrow morning and carry on.\n",
    "If you forget a dose\n\nSkip it, then swallow your regular 10 mg tablet at the normal time the next day.\n",
])
def test_one_dose_of_the_readers_own_regimen_is_complete(tmp_path, text):
    assert not findings_for(text, "DOS002", tmp_path)


@pytest.mark.parametrize("text", [
    "Pharmacist's answer\n\nTake a 50 mg tablet tomorrow morning and carry on.\n",
    "If you forget a dose\n\nSkip it, then swallow a 10 mg tablet at the normal time the next day.\n",
])
def test_an_amount_that_is_no_ones_regimen_still_lacks_a_frequency(tmp_path, text):
    assert findings_for(text, "DOS002", tmp_path)
