"""Reader-safety checks on personal plans, stand-ins, reported partners and wordings said of others.

- A record of one person's care (a dispensing sheet, a pharmacy's text thread, a discharge guide)
  owes no class warnings (SAF001): each pack's leaflet carries them; combinations are still judged.
- A product named after a refusal ("Never give cough and cold remedies ...") is not offered beside
  the medicine: the class finding stays at the dose. Products said to "also contain it" name the
  other-products risk.
- SAF003: "you can stop the dexamethasone tablets straight away"; a writer's own reported
  antidepressant followed by "if you feel better you can just stop taking it".
- SAF005: a refusal word in the condition a sentence opens with ("If the pharmacy does not stock
  it, ...") or "instead" after the leftover is named is no refusal.
- SAF002: a medicine dosed to someone who reports taking a partner ("I take sertraline"), unless
  the page reassures about that pair (SAF004 names it, once).
- SAF001: a medicine given in place of a dosed class-mate while that one cannot be had shares the
  class-mate's warnings.
- SAF002: a wording said only of another medicine ("Avoid aspirin ... it can make the wound
  bleed") is no warning about the pair.

Styles: a pharmacy dispensing sheet, a pharmacy's text-message export, a hospital discharge guide,
a UK leaflet, a US pharmacy Q&A, a blog, a chat transcript, a newspaper column, a hospice leaflet,
a dental aftercare page. Every sentence here is written for this test.
"""

from __future__ import annotations

import pytest

from tests.support import findings_for


def _found(tmp_path, text, check_id):
    return findings_for(text, check_id, tmp_path)


# ---------------------------------------------------------------- one person's plan

DISPENSING_SHEET = (
    "Riverside Community Pharmacy\n"
    "MEDICINE INFORMATION SHEET\n"
    "Patient: BRENNAN, Aoife   DOB 1983.05.17\n"
    "Prescribed by: Dr L. Moreau\n"
    "Medicines\n"
    "Naproxen 500 mg tablets: 1 tablet twice a day with food for 7 days.\n"
    "Sertraline 50 mg tablets: 1 tablet every morning.\n"
)

TEXT_THREAD = (
    "Messages export - Harbour Pharmacy\n"
    "Harbour Pharmacy 09:12\n"
    "Dear Mr Okonkwo, your repeat is ready (Rx 55821). Reply 1 to have it delivered.\n"
    "Harbour Pharmacy 09:40\n"
    "Your plan: tramadol 50 mg, 1 capsule every 6 hours, no more than 8 capsules in 24 hours. "
    "Amitriptyline 10 mg, 1 tablet at night.\n"
)


@pytest.mark.parametrize("text", [DISPENSING_SHEET, TEXT_THREAD])
def test_a_record_of_one_persons_care_owes_no_class_warnings(tmp_path, text):
    assert _found(tmp_path, text, "SAF001") == []


@pytest.mark.parametrize("text, pair", [
    (DISPENSING_SHEET, "sertraline"),
    (TEXT_THREAD, "Amitriptyline"),
])
def test_its_combinations_are_still_judged(tmp_path, text, pair):
    got = _found(tmp_path, text, "SAF002")
    assert got and all(pair.lower() in f.message.lower() for f in got)


def test_a_page_for_the_public_still_owes_class_warnings(tmp_path):
    text = ("Back pain: what helps\nMedicines\nNaproxen 500 mg tablets: 1 tablet twice a day with food for 7 days.\n")
    assert len(_found(tmp_path, text, "SAF001")) == 1


# ---------------------------------------------------------------- products kept from the reader

@pytest.mark.parametrize("text, excerpt", [
    # a UK leaflet
    ("Colds in toddlers\nWhat you can give\nChildren aged 2 to 5 can have paracetamol 120 mg in 5 mL, 7.5 mL every "
     "6 hours if needed.\nNever give cough and cold remedies to children under 6.\n", "7.5 mL every 6 hours if needed"),
    # a US pharmacy Q&A
    ("Ask our pharmacist\nQ: My son has a fever. What can I give him?\nA: Children's acetaminophen, 10 mL every 4 to 6 "
     "hours if needed. Avoid cough and cold medicines at his age.\n", "10 mL every 4 to 6 hours if needed"),
])
def test_a_product_named_after_a_refusal_is_no_offer(tmp_path, text, excerpt):
    got = _found(tmp_path, text, "SAF001")
    assert [f.excerpt for f in got] == [excerpt]


def test_a_product_offered_beside_it_still_takes_the_finding(tmp_path):
    text = ("Colds at university\nAt night\nTake paracetamol 1 g every 6 hours, no more than 4 g a day, and you can have "
            "a hot cold and flu sachet as well at bedtime.\n")
    got = _found(tmp_path, text, "SAF001")
    assert [f.excerpt for f in got] == ["cold and flu sachet"]


@pytest.mark.parametrize("text", [
    ("Fever at home\nAdults\nParacetamol 1 g up to four times a day, no more than 4 g in 24 hours. It harms the liver "
     "in overdose, and many flu remedies sold here also contain it.\n"),
    ("Flu season tips\nQ: What should I take for a fever?\nA: Acetaminophen 500 mg, two caplets every 6 hours, no more "
     "than 6 caplets a day. Large amounts hurt the liver, and lots of cold capsules contain it too.\n"),
])
def test_products_said_to_contain_it_too_meet_the_warning(tmp_path, text):
    assert _found(tmp_path, text, "SAF001") == []


# ---------------------------------------------------------------- SAF003

@pytest.mark.parametrize("text, said", [
    ("Your child's medicines after chemotherapy\nAnti-sickness medicines\nDexamethasone 2 mg: 1 tablet every morning "
     "while the sickness lasts. When the nausea has gone, you can stop the dexamethasone tablets straight away.\n",
     "you can stop the dexamethasone tablets straight away"),
    ("Managing your asthma flare\nSteroid tablets\nTake prednisolone 40 mg once a day. Once your breathing is easier, "
     "you can stop your prednisolone tablets at any time.\n", "you can stop your prednisolone tablets at any time"),
])
def test_a_named_medicine_and_its_form_stopped_at_will(tmp_path, text, said):
    assert [f.excerpt for f in _found(tmp_path, text, "SAF003")] == [said]


@pytest.mark.parametrize("text", [
    ("Sleeping better in winter\nBy Dana Holt\nWhat worked for me\nTwo winters ago I was taking escitalopram 10 mg for "
     "anxiety. When the light came back I came off it, and if you feel better you can just stop taking it too.\n"),
    ("My year of running\nLessons\nI was on venlafaxine 75 mg through the spring. Honestly, once you feel better you "
     "can simply stop, like I did.\n"),
])
def test_advice_to_stop_a_reported_antidepressant_at_will(tmp_path, text):
    assert len(_found(tmp_path, text, "SAF003")) == 1


@pytest.mark.parametrize("text", [
    ("Sleeping better in winter\nWhat worked for me\nTwo winters ago I was taking escitalopram 10 mg for anxiety. "
     "Coming off it took my doctor and me three months of slow steps.\n"),
    ("My year of running\nLessons\nI was on venlafaxine 75 mg through the spring. Once you feel better you can stop, "
     "but talk to your doctor first so the dose is reduced gradually.\n"),
])
def test_a_reported_antidepressant_with_no_stop_at_will_is_silent(tmp_path, text):
    assert _found(tmp_path, text, "SAF003") == []


# ---------------------------------------------------------------- SAF005

@pytest.mark.parametrize("text", [
    ("After your implant surgery\nAntibiotic cover\nTake amoxicillin 500 mg three times a day for 5 days. If the "
     "pharmacy near your home does not stock it, you can use antibiotics left from an earlier course instead.\n"),
    ("Travel clinic FAQ\nQ: I lost my antibiotic pack on the trip. What now?\nA: When your bag does not turn up, just "
     "take the spare antibiotics from last year that you keep at home.\n"),
])
def test_a_refusal_word_in_the_condition_is_no_refusal(tmp_path, text):
    assert len(_found(tmp_path, text, "SAF005")) == 1


@pytest.mark.parametrize("text", [
    ("Travel clinic FAQ\nQ: I lost my antibiotic pack. What now?\nA: If you have antibiotics left over from last year, "
     "do not take them, but you can take paracetamol for the pain.\n"),
    ("Travel clinic FAQ\nQ: I lost my antibiotic pack. What now?\nA: Instead of the old antibiotics from last time, you "
     "can see a local doctor today.\n"),
])
def test_a_refusal_of_the_leftover_still_holds(tmp_path, text):
    assert _found(tmp_path, text, "SAF005") == []


# ---------------------------------------------------------------- SAF002 with a reported partner

CHAT = (
    "Chat with a pharmacist\nTranscript\n"
    "[10:01] Customer (Sam): Hi, my neck keeps going into spasm. I take fluoxetine 20 mg every morning.\n"
    "[10:03] Pharmacist Lena: For the spasm I can send cyclobenzaprine 5 mg tablets: take 1 tablet three times a day "
    "when it is bad. It can make you drowsy, so do not drive.\n"
)

LETTER = (
    "Ask the pharmacist\nYour letters\n"
    "I'm on duloxetine 60 mg a day for nerve pain and my dentist wants me to have something for a tooth extraction. "
    "What can I take?\n"
    "You could take tramadol 50 mg every 6 hours for two days, no more than 200 mg a day. It is habit-forming, can slow "
    "your breathing and must not be mixed with alcohol.\n"
)


@pytest.mark.parametrize("text, dosed", [(CHAT, "cyclobenzaprine"), (LETTER, "tramadol")])
def test_a_medicine_dosed_to_someone_who_reports_a_partner(tmp_path, text, dosed):
    got = _found(tmp_path, text, "SAF002")
    assert got and all(f.message.startswith(dosed) for f in got)


def test_a_reported_partner_warned_about_is_silent(tmp_path):
    text = CHAT.replace("so do not drive.", "so do not drive; with fluoxetine it can cause serotonin syndrome.")
    assert _found(tmp_path, text, "SAF002") == []


def test_a_pair_the_page_reassures_about_is_named_once_as_saf004(tmp_path):
    text = CHAT + ("[10:05] Customer (Sam): Can I take ibuprofen too?\n"
                   "[10:06] Pharmacist Lena: Ibuprofen 400 mg three times a day with food. Yes, ibuprofen is fine with "
                   "your fluoxetine.\n")
    assert not [f for f in _found(tmp_path, text, "SAF002") if f.message.startswith("ibuprofen")]
    assert len(_found(tmp_path, text, "SAF004")) == 1


# ---------------------------------------------------------------- SAF001 stand-ins

@pytest.mark.parametrize("text", [
    # a hospice leaflet
    ("Comfort medicines at home\nRegular pain relief\nOxycodone liquid 5 mg every 4 hours. It can be addictive, it can "
     "slow breathing, and it must not be taken with alcohol or sleeping tablets.\n"
     "If the oxycodone runs out\nUntil the new bottle arrives, give morphine liquid 10 mg every 4 hours.\n"),
    # a dental aftercare page
    ("After your extraction\nPain relief\nTake ibuprofen 400 mg three times a day with food. It can cause stomach "
     "bleeding and raise the risk of a heart attack or stroke.\nIf ibuprofen is out of stock at your pharmacy, take "
     "naproxen 250 mg twice a day in place of the ibuprofen.\n"),
])
def test_a_stand_in_shares_its_class_mates_warnings(tmp_path, text):
    assert _found(tmp_path, text, "SAF001") == []


def test_a_second_medicine_of_the_class_with_no_stand_in_wording_is_still_asked(tmp_path):
    text = ("Comfort medicines at home\nRegular pain relief\nOxycodone liquid 5 mg every 4 hours. It can be addictive, "
            "it can slow breathing, and it must not be taken with alcohol or sleeping tablets.\n"
            "Other pain relief\nAs well as the oxycodone, give tramadol 50 mg every 6 hours.\n")
    got = _found(tmp_path, text, "SAF001")
    assert [f for f in got if f.message.startswith("tramadol")]


# ---------------------------------------------------------------- SAF002 wording said of another medicine

@pytest.mark.parametrize("text", [
    ("After your hair transplant\nPainkiller\nTake naproxen 500 mg twice a day with food for 5 days. Avoid aspirin "
     "for a week because it thins the blood and can make the grafts bleed.\nSwelling\nTake prednisolone 20 mg once a "
     "day for 3 days.\n"),
    ("Knee surgery: going home\nYour medicines\nCelecoxib 200 mg once a day for 10 days. Do not restart your daily "
     "aspirin until the stitches are out, because aspirin can make the wound bleed.\nSertraline 50 mg each morning as before.\n"),
])
def test_a_bleeding_wording_said_of_another_medicine_is_no_pair_warning(tmp_path, text):
    assert len(_found(tmp_path, text, "SAF002")) == 1


@pytest.mark.parametrize("text", [
    ("After your hair transplant\nPainkiller\nTake naproxen 500 mg twice a day with food for 5 days. Naproxen with "
     "the steroid tablets raises the risk of stomach bleeding.\nSwelling\nTake prednisolone 20 mg once a day for 3 days.\n"),
    ("Knee surgery: going home\nYour medicines\nCelecoxib 200 mg once a day for 10 days. Together they can make you "
     "bleed more easily, so tell us about black stools.\nSertraline 50 mg each morning as before.\n"),
])
def test_a_bleeding_wording_said_of_the_pair_or_of_nothing_else_warns(tmp_path, text):
    assert _found(tmp_path, text, "SAF002") == []
