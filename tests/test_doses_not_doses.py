"""What is a dose and what is only a quantity (issue 15): each class of text that is
not a dose must stay silent, in several writers' styles, and the doses written beside
them must still be read (and flagged when open or incomplete)."""

import pytest

from medlint.doses import parse_doses
from support import findings_for

DRUGS = "Mainstream Drug Therapies\n-\n"


def doses(text):
    return [d.text for d in parse_doses(text)]


def only(text):
    found = parse_doses(text)
    assert len(found) == 1, [d.text for d in found]
    return found[0]


# ---------------------------------------------------------------- must stay silent

@pytest.mark.parametrize("text", [
    # strength lists and label lines
    "Capsules: 250 mg, 500 mg",
    "Chewable tablets: 125 mg, 250 mg",
    "Tablets: 0.6 mg",
    "Naproxen tablets: 250 mg, 375 mg, 500 mg.",
    "Sertraline tablets come in 2 strengths: 50mg and 100mg.",
    "It is available as 5 mg and 10 mg tablets.",
    "Azo Standard comes as 95 mg and 97.5 mg tablets.",
    "Strengths: 20 mg, 40 mg, 80 mg",
    # concentrations and combination strengths
    "Oral suspension: 125 mg/5 mL, 200 mg/5 mL, 250 mg/5 mL, 400 mg/5 cc",
    "Oral solution: 0.6 mg/5 mL",
    "We have Calpol Infant (120mg/5ml) in the cupboard.",
    # rates and laboratory values
    "CrCl 30 mL/min or more: no adjustment needed.",
    "when creatinine clearance is 30–49 mL/min",
    "eGFR below 30 mL/min/1.73 m²",
    "a fasting plasma glucose of 126 mg/dL or higher",
    # body weights and ages
    "weigh less than 50kg",
    "Children weighing 40 kg or more: use adult dosing.",
    "Do not give ibuprofen to a baby who weighs less than 5 kg.",
    "if you weigh under 8 stone",
    # alcohol units, everyday measures
    "regularly drink more than 14 units of alcohol a week",
    "A small amount of alcohol (1 or 2 units) is unlikely to cause problems.",
    "more than 2 units of wine in an evening",
    "cutting 500 kcal a day",
    "Drink 6 to 8 glasses a day.",
    "limit fresh fruit to 3 portions a day",
    # contents, packs, excess
    "Each tablet contains 500 mg of paracetamol.",
    "Each puff of a standard inhaler contains 100 µg of salbutamol.",
    "A standard inhaler holds 200 puffs.",
    "in blister packs of 16 or 32 tablets.",
    "Packs of 4 tablets (one month's supply).",
    "Taking 1 or 2 extra tablets by accident is unlikely to harm you.",
    "Do not take two tablets on the same day.",
    "each tablet contains: sodium 20 mg",
    "A 1,250 mg tablet of calcium carbonate provides 500 mg of elemental calcium.",
    # foods
    "Milk, 1 cup: about 300 mg",
    "Cheddar cheese, 1.5 ounces: about 307 mg",
    "| Food | Serving | Vitamin D |\n|---|---|---|\n| Cod liver oil | 1 tablespoon | 34 mcg (1,360 IU) |",
])
def test_quantities_that_are_not_doses(text):
    # nothing with an amount taken (a concentration stays a product strength, never flagged)
    assert [d.text for d in parse_doses(text) if d.amount is not None] == []


def test_amount_restated_in_brackets_is_one_dose():
    d = only("For most adults, 15 to 25 mcg (600 to 1,000 IU) a day is enough.")
    assert d.amount.unit.raw == "mcg" and d.frequency is not None


def test_combination_strength_is_no_second_dose():
    d = only("one double-strength tablet (160 mg/800 mg) twice daily for 3 days")
    assert d.frequency is not None and d.strength is not None


@pytest.mark.parametrize("text", [
    "CrCl 10–30 mL/min: 250–500 mg every 12 hours",
    "Adults and teenagers can take 200 mg every 4 hours",
    "0 to 12 months | 10 mcg a day",
])
def test_a_population_or_measure_is_no_medicine(text):
    assert all(d.substance is None for d in parse_doses(text))


# ---------------------------------------------------------------- tables

JOINED = ("| Medicine | Brands | Dose | Max per day (OTC) | |---|---|---|---| "
          "| Acetaminophen 500 mg | Tylenol | 2 caplets every 6 hours | 6 caplets (3,000 mg) | "
          "| Ibuprofen 200 mg | Advil | 2 tablets every 4 hours | 12 tablets (2,400 mg) |")
LINES = ("| Medicine | Adult dose | Max per day | Children |\n|---|---|---|---|\n"
         "| Cetirizine 10 mg tablets | 1 tablet once a day | 10 mg | 6 to 11 years: 5 mg twice a day |\n"
         "| Chlorphenamine 4 mg tablets | 1 tablet every 4 to 6 hours | — | 6 to 11 years: half a tablet every 4 to 6 hours |")


def test_table_joined_into_a_paragraph_reads_the_max_column_as_each_rows_limit():
    found = parse_doses(JOINED)
    assert [d.substance.raw for d in found] == ["Acetaminophen", "Ibuprofen"]
    assert [d.max_per_day.value for d in found] == [6, 12]
    assert "3 g/day" in found[0].daily_maximum().explanation


def test_table_on_lines_keeps_the_empty_max_cell_open():
    found = {d.text: d for d in parse_doses(LINES)}
    assert found["10 mg tablets | 1 tablet once a day | 10 mg"].max_per_day.value == 10
    chlor = [d for t, d in found.items() if t.startswith("4 mg tablets")]
    assert chlor and chlor[0].max_per_day is None  # "—": no limit, still open (DOS001)
    half = [d for t, d in found.items() if t.startswith("half a tablet")]
    assert half and half[0].substance.raw == "Chlorphenamine" and half[0].max_per_day is None


def test_table_per_day_heading_makes_a_daily_amount_and_upper_limit_a_limit():
    d = only("| Age | RDA per day | Upper limit per day |\n|---|---|---|\n| 1 to 70 years | 15 mcg (600 IU) | 100 mcg (4,000 IU) |")
    assert d.per == "day" and d.max_per_day.value == 100


# ---------------------------------------------------------------- must still fire

@pytest.mark.parametrize("text", [
    "Valerian root 600 mg.",
    "Prochlorperazine 3 mg to 6 mg buccal tablets, placed between the gum and upper lip, can ease nausea.",
    "For many people aspirin 900 mg, ibuprofen 400 mg or paracetamol 1 g taken early all help.",
    "Recombinant BMP-7 (OP-1) 0.1–0.5 mg – Off-label.",
    "Hyaluronic Acid Hydrogel 1–2 mL – Injected into the disc.",
])
def test_incomplete_doses_are_still_read(text):
    found = parse_doses(text)
    assert found and all(d.frequency is None and d.amount is not None for d in found)


@pytest.mark.parametrize("text", [
    "Insulin glargine 10 units at night",                          # units that are not alcohol
    "Oral rehydration solution: 10 mL/kg after each loose stool",  # a label opening a per-kg dose
    "Difflam spray: 4 sprays to the back of the throat every 3 hours",
    "Sodium chloride 0.9% nasal drops: 1-2 drops in each nostril",
    "Tablets: 500 mg twice daily",                                  # a label line with its schedule
    "Calpol Infant (120mg/5ml): give 5 ml four times a day",
])
def test_doses_beside_the_cues_are_still_read(text):
    assert parse_doses(text) and all(d.amount is not None for d in parse_doses(text))


def test_checks_stay_silent_on_quantities_and_still_fire_on_doses(tmp_path):
    text = (DRUGS + "Capsules: 250 mg, 500 mg\n-\nCrCl 30 mL/min or more: no adjustment needed.\n-\n"
            "Children weighing 40 kg or more: use adult dosing.\n-\n"
            "Codeine 30 mg to 60 mg every 4 hours when needed.\n-\nValerian root 600 mg.")
    dos1 = {f.excerpt for f in findings_for(text, "DOS001", tmp_path / "a")}
    dos2 = {f.excerpt for f in findings_for(text, "DOS002", tmp_path / "b")}
    assert dos1 == {"30 mg to 60 mg every 4 hours when needed"}
    assert dos2 == {"600 mg"}


# ---------------------------------------------------------------- limits and schedules

def test_a_limit_in_its_own_sentence_bounds_every_dose_of_that_medicine():
    found = parse_doses("Naproxen sodium: 220 mg every 8 to 12 hours; you may take 440 mg for the first dose. "
                        "Do not exceed 660 mg in 24 hours.")
    assert [d.max_per_day.value for d in found] == [660, 660]


def test_a_limit_in_its_own_sentence_does_not_reach_another_medicine():
    found = {d.substance.raw: d for d in parse_doses(
        "Ibuprofen 400 mg every 4 hours. Paracetamol 1 g every 4 hours; no more than 4 g a day.")}
    assert found["Ibuprofen"].max_per_day is None and found["Paracetamol"].max_per_day.value == 4


def test_a_limit_for_another_period_is_no_daily_limit():
    found = parse_doses("take 1 tablet every 8 to 12 hours; do not exceed 2 tablets in any 8- to 12-hour period; "
                        "do not exceed 4 tablets in a 24-hour period")
    assert [d.max_per_day.value for d in found] == [4]


@pytest.mark.parametrize("text,word", [
    ("Adults and children: take 1 or 2 puffs whenever you need them.", "whenever"),
    ("If it comes back, take another 50 mg to 100 mg.", "take another"),
    ("Never more than 400 mg in 24 hours; 50 mg every 4 hours when needed.", "when needed"),
])
def test_as_needed_wordings(text, word):
    assert any(d.as_needed is not None and word in d.as_needed.raw for d in parse_doses(text))


@pytest.mark.parametrize("text,fires", [
    (DRUGS + "Gabapentin 300 mg at night ⇧ 600 mg TID – Nerve pain.", False),
    (DRUGS + "Duloxetine 30 mg daily for a week, then 60 mg daily – Pain.", False),
    (DRUGS + "Amitriptyline 10 mg at night, increased to 20 mg or 30 mg if needed – Sleep.", False),
    (DRUGS + "Gabapentin 300 mg at night, then 300 mg three times a day, increasing by 300 mg every few days "
             "until the pain is controlled – Nerve pain.", True),
    (DRUGS + "Gabapentin 300 mg on day 1, then increase further as needed – Nerve pain.", True),
])
def test_titration_to_a_stated_target_is_bounded(tmp_path, text, fires):
    assert bool(findings_for(text, "DOS001", tmp_path)) == fires


@pytest.mark.parametrize("text,fires", [
    # an interval, a range of intervals or one as needed caps the doses a day of a medicine with no
    # labelled ceiling (the sig table: "1-2 tablets 4-6 hourly when required" is bounded)
    (DRUGS + "Amoxicillin 500 mg every 8 hours for 5 days – Infection.", False),
    (DRUGS + "Valacyclovir 1 g every 12 hours – Shingles.", False),
    (DRUGS + "Amoxicillin 500 mg every 6 to 8 hours – Infection.", False),
    (DRUGS + "You can give 5 ml every 4 hours if she still seems uncomfortable – Fever.", False),
    # but a symptom reliever with a labelled ceiling, or named by the heading, stays open
    (DRUGS + "Acetaminophen 650 mg every 4 hours – Pain.", True),
    (DRUGS + "Co-codamol 8/500: 2 tablets every 4 hours – Pain.", True),
    ("Paracetamol (Calpol Infant)\n-\nYou can give 5 ml every 4 hours if she still seems uncomfortable.", True),
    (DRUGS + "Take 1 tablet at the onset of a headache; repeat if needed – Migraine.", True),
    (DRUGS + "Dissolve 1-2 sachets in water after each loose motion – Diarrhoea.", True),
])
def test_which_intervals_and_events_need_a_maximum(tmp_path, text, fires):
    assert bool(findings_for(text, "DOS001", tmp_path)) == fires


def test_a_brand_and_strength_in_brackets_is_the_products_strength():
    found = parse_doses("Omeprazole (Prilosec OTC, 20 mg) and lansoprazole (Prevacid 24HR, 15 mg): "
                        "1 capsule each morning before breakfast for 14 days.")
    assert [d.amount.upper.value for d in found if d.amount is not None] == [1]


@pytest.mark.parametrize("text", [
    "Gabapentin for nerve pain: 300 mg on day 1, 300 mg twice a day on day 2",
    "Azithromycin 250 mg: 2 tablets on day 1, then 1 tablet daily on days 2 to 5",
])
def test_a_dose_on_one_day_is_scheduled(text):
    assert all(d.frequency is not None for d in parse_doses(text))


def test_a_dose_on_day_one_then_less_is_bounded(tmp_path):
    assert not findings_for(DRUGS + "Azithromycin 250 mg: 2 tablets on day 1, then 1 tablet daily on days 2 to 5 – "
                            "Infection.", "DOS001", tmp_path)


def test_an_injection_into_a_joint_is_a_one_off():
    d = only("Platelet-Rich Plasma (4–6 mL into the knee, 3 injections)")
    assert d.route is not None and d.route.name == "intra-articular"
