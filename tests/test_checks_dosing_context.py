"""Amounts that are not doses, and doses bounded by the text around them (issue 15):
DOS001/DOS002/UNT002-UNT004 on short texts written the ways UK leaflets, US Drug Facts,
prescription labels, magazine pages and Q&A columns write them."""

import pytest

from support import findings_for

DRUGS = "Mainstream Drug Therapies\n-\n"


def found(text, cid, tmp_path):
    return [f.excerpt for f in findings_for(text, cid, tmp_path)]


SILENT_DOS002 = [
    # strength lines and product descriptions, by their heading
    "Active ingredients (in each tablet)\n-\nIbuprofen 200 mg\n",
    "6. Contents of the pack and other information\n-\nEach film-coated tablet contains 500 mg of paracetamol.\n",
    "What Nurofen looks like\n-\nWhite sugar-coated tablets, 200 mg, in packs of 16.\n",
    # missed-dose advice
    "If you forget to take your tablets\n-\nIf you miss a dose, take one tablet as soon as you remember.\n",
    "Missed doses\n-\nTake 5 mg when you remember, unless it is nearly time for the next one.\n",
    # nutrient amounts in foods and reference intakes
    "Food sources of vitamin D\n-\nTwo eggs give about 3 mcg.\n",
    "How much vitamin D do I need?\n-\nAdults need 10 micrograms.\n",
    # strengths written with %
    DRUGS + "Lidocaine 4% patches – Local anaesthetic.",
    # a procedure a clinician gives
    DRUGS + "An injection of methylprednisolone 40 mg into the joint relieves pain for weeks.",
    DRUGS + "Your surgeon may inject 10 mL of local anaesthetic around the wound.",
    # the frequency or limit is in the same sentence or text
    DRUGS + "Salbutamol: take 1 puff every 30 to 60 seconds, up to 10 puffs.",
    DRUGS + "Children's ibuprofen: 5 mg/kg to 10 mg/kg up to three times a day, no more than 30 mg/kg in 24 hours.",
    DRUGS + "Calcium 1,000 mg and vitamin D 800 units daily – Supplement.",
    DRUGS + "The dose on the bottle is 10 ml. Give 10 ml every 6 hours, no more than 4 times in 24 hours.",
]


@pytest.mark.parametrize("text", SILENT_DOS002)
def test_not_doses_and_bounded_amounts_pass_dos002(text, tmp_path):
    assert found(text, "DOS002", tmp_path) == []


FLAGGED_DOS002 = [
    (DRUGS + "Recombinant BMP-7 0.5 mg – Off-label.", "0.5 mg"),
    ("How to take it\n-\nAspirin 300 mg for headache. Paracetamol 1 g every 6 hours.", "300 mg"),
]


@pytest.mark.parametrize("text,excerpt", FLAGGED_DOS002)
def test_incomplete_amounts_are_still_flagged(text, excerpt, tmp_path):
    assert excerpt in found(text, "DOS002", tmp_path)


@pytest.mark.parametrize("text", [
    DRUGS + "Cyclizine 50mg tds prn – Nausea.",
    DRUGS + "Zopiclone 3.75mg: take 1 at night when required – Sleep.",
    DRUGS + "Take 1 tablet up to 3 times a day as needed – Allergy.",
    DRUGS + "Hydroxyzine 25 mg: 1-2 tabs PO q6h PRN itching.",
    DRUGS + "Take 1 tablet by mouth every 8 hours as needed for nausea.",
])
def test_counted_or_interval_doses_without_a_ceiling_pass_dos001(text, tmp_path):
    assert found(text, "DOS001", tmp_path) == []


@pytest.mark.parametrize("text", [
    DRUGS + "Codeine: 30 mg to 60 mg every 4 hours when needed.",          # at will, labelled maximum
    DRUGS + "Chlorphenamine 4 mg tablets: 1 tablet every 4 to 6 hours.",
    DRUGS + "Acetaminophen 650 mg every 4 h – Pain.",                    # ceiling medicine
    DRUGS + "Melatonin 5mg–10mg each night, and take another if you wake.",
    DRUGS + "Take 1-2 tablets when needed, several times a day.",
    DRUGS + "Gabapentin 300 mg three times a day, then increase further as needed.",
    "Children's paracetamol (Calpol Infant)\n-\nGive 5 ml every 4 hours if needed.",
])
def test_open_ended_doses_are_still_flagged(text, tmp_path):
    assert found(text, "DOS001", tmp_path)


@pytest.mark.parametrize("text,flagged", [
    (DRUGS + "Paracetamol 500 mg to 1 g every 4 to 6 hours, max 4 g in 24 hours.", False),
    (DRUGS + "Adults: 500mg-1g up to four times a day, no more than 4g in 24 hours.", False),
    (DRUGS + "Ibuprofen 400 mg–0.6 g every 6 h, max 1200 mg/day.", True),
    (DRUGS + "Paracetamol 1 g–500 mg every 6 h, max 4 g/day.", True),
    (DRUGS + "Melatonin 300 mcg to 1 mg at bedtime.", True),
])
def test_mixed_unit_ranges(text, flagged, tmp_path):
    assert bool(found(text, "UNT002", tmp_path)) is flagged


@pytest.mark.parametrize("text", [
    DRUGS + "1 bd", DRUGS + "TAKE ONE 2 TIMES/DAY", DRUGS + "Co-codamol 30/500: 1-2 qds prn, max 8 in 24 hours.",
])
def test_small_bare_numbers_are_counts(text, tmp_path):
    assert found(text, "UNT004", tmp_path) == []


def test_a_large_bare_number_still_misses_its_unit(tmp_path):
    assert found(DRUGS + "Aspirin 300 every 6 h, max 4 doses a day – Pain.", "UNT004", tmp_path) == ["300"]


@pytest.mark.parametrize("text", [
    DRUGS + "Naproxen 500 mg: 1 tab PO BID with food.",
    DRUGS + "Gabapentin 300 mg: 1 cap PO TID.",
    DRUGS + "Acetaminophen (4-5 years): 7.5 mL every 4 hours, no more than 5 doses in 24 hours.",
    DRUGS + "Peppermint oil capsules (0.2 mL) three times a day before meals.",
    DRUGS + "A radiologist can inject saline (around 20 to 40 mL) into the joint to stretch the capsule.",
])
def test_units_that_fit(text, tmp_path):
    assert found(text, "UNT003", tmp_path) == []


def test_a_unit_of_the_wrong_dimension_is_still_flagged(tmp_path):
    assert found(DRUGS + "Ibuprofen 400 IU three times daily – NSAID.", "UNT003", tmp_path) == ["400 IU"]


@pytest.mark.parametrize("text", [
    DRUGS + "Ibuprofen 200 mg | Advil, Motrin IB | 2 tablets every 4 hours | max 12 tablets in 24 hours",
    DRUGS + "Naproxen sodium (Aleve) 440 mg every 8 hours with food.",
    DRUGS + "Ibuprofen from your pharmacy: 600 mg four times a day with food.",
    "Over-the-counter painkillers\n-\nIbuprofen: 400 mg every 4 hours as needed; do not exceed 3,200 mg per day.",
    DRUGS + "Diclofenac 50 mg three times a day, plus diclofenac 75 mg slow-release once a day.",
    "Vitamin D supplements\n-\nFor a short course, 50,000 IU daily for 8 weeks.",
])
def test_above_the_limit_the_reader_buys_under(text, tmp_path):
    assert found(text, "DOS003", tmp_path)


@pytest.mark.parametrize("text", [
    DRUGS + "Ibuprofen 400 mg three times a day – NSAID.",
    DRUGS + "Your doctor may prescribe ibuprofen 600 mg four times a day for arthritis.",
    DRUGS + "Diclofenac 50 mg three times a day or diclofenac 75 mg twice a day.",
    DRUGS + "Naproxen sodium 220 mg: 1 tablet every 8 to 12 hours, no more than 660 mg a day.",
    "Over-the-counter painkillers\n-\nIbuprofen 200 to 400 mg every 6 to 8 hours, no more than 1,200 mg a day.",
])
def test_within_the_limit_the_reader_buys_under(text, tmp_path):
    assert found(text, "DOS003", tmp_path) == []


def test_an_amount_given_in_full_earlier_in_the_section_is_a_reference_to_it(tmp_path):
    text = ("Frequently asked questions\n-\nKeep each within its own limit: paracetamol 1 g up to four times in "
            "24 hours and ibuprofen 400 mg up to three times in 24 hours.\n-\nFor many people aspirin 900 mg, "
            "ibuprofen 400 mg or paracetamol 1 g taken early in the attack all help.\n")
    assert found(text, "DOS002", tmp_path) == ["900 mg"]  # aspirin is dosed nowhere on the page
