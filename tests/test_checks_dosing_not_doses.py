"""Amounts that are not doses to follow (DOS002, UNT001, UNT004), in the styles of pages the corpus
lacked: contents lists and drink tables, pack and device sizes, per-kg doses timed by an event,
missed-dose and instillation advice, oral rehydration, fluids, doses talked about in a
transcript, a product's name at the head of a numbered medicines list, smoking counts and a
bare daily limit after a counted dose. Each class has a twin that is still flagged."""

import pytest

from support import findings_for

PAGE = "{heading}\n\n{body}\n\nThis is general information. Ask your pharmacist; doses are for adults.\n"


def page(body: str, heading: str = "How much to take") -> str:
    return PAGE.format(heading=heading, body=body)


SILENT_DOS002 = [
    # a supplement's contents, led by the sentence that says so (maternity page, vitamin shop)
    "If you qualify you can get free vitamins. Each tablet contains:\n\nFolic acid   400 micrograms\n\n"
    "Vitamin C    70 mg\n\nVitamin D    10 micrograms\n\nAsk your midwife whether you qualify.",
    "Our daily multivitamin is vegan. One capsule provides:\n\nZinc   10 mg\n\nIron   14 mg",
    # drinks and their caffeine (pregnancy advice, a sports blog's table)
    "Keep caffeine below 200 mg a day. As a rough guide:\n\nMug of filter coffee   140 mg\n\nCan of cola   40 mg",
    "For comparison:\n\n| Source | Caffeine (approx.) |\n|---|---|\n| Pre-workout, 1 scoop | 150–300 mg |\n"
    "| Energy drink, 250 ml can | 80 mg |",
    # pack sizes and what a topical measure stands for (dermatology sheet)
    "A 500 g tub should last an adult about two weeks.",
    "Paracetamol 500 mg tablets, packs of 16 and 32.",
    "One fingertip unit (about 0.5 g) covers an area the size of two adult palms.",
    # an injector's strength by weight band (school nurse letter)
    "Children weighing 15 to 30 kg usually use a 150 microgram pen, and heavier children a 300 microgram pen.",
    # per-kg and single doses timed by the event they are for (sports nutrition, travel clinic)
    "The sweet spot in studies is 3–6 mg per kg of body weight, 45–60 minutes before training.",
    "Caffeine: 3 mg per kg, about an hour before you train.",
    "Some runners take 400 mg of ibuprofen before a marathon. Don't.",
    "For a 70 kg lifter that is 210–420 mg.",
    # missed-dose and instillation advice (eye unit leaflet)
    "If you miss a drop, put it in when you remember; do not put in two drops to make up.",
    "Hold the bottle upside down over the eye and squeeze one drop into the pocket.",
    "Wait at least 5 minutes between two different drops so the second does not wash out the first.",
    # oral rehydration and fluids (translated dengue sheet)
    "An adult needs 2 to 3 litres in the day. To prepare the suero oral, dissolve 1 sachet in 1 litre of clean "
    "water and use it in 24 hours.",
    # doses talked about, not given (podcast transcript)
    "[00:07:30] SARAH: My dad's on simvastatin, 80 milligrams, and he likes it.",
    "[00:07:41] KEMI: And 80 milligrams of simvastatin is a dose we very rarely use now.",
    # the product's name at the head of a numbered medicines list (a clinic's email)
    "1. Doxycycline 100 mg capsules - an antibiotic. Take 2 capsules (200 mg) today, then 1 capsule (100 mg) "
    "once a day for the next 4 days.",
    # the first step given now (asthma attack in school)
    "Give 2 puffs of the reliever through the spacer straight away.",
]


@pytest.mark.parametrize("body", SILENT_DOS002)
def test_not_a_dose_to_follow_is_not_incomplete(tmp_path, body):
    assert not findings_for(page(body), "DOS002", tmp_path), body


STILL_FLAGGED_DOS002 = [
    # the same classes with the dose in them left incomplete
    ("Each tablet should be taken as follows:\n\nFolic acid   400 micrograms\nVitamin D    10 micrograms",
     "400 micrograms"),
    ("Give 15 mg per kg of paracetamol.", "15 mg per kg"),
    ("A 90 kg athlete can take up to 540 mg pre-workout and top up with another 200 mg mid-session.", "200 mg"),
    ("1. Doxycycline 100 mg capsules - an antibiotic.", "100 mg"),
    ("Some runners take 400 mg of ibuprofen on race day.", "400 mg"),
    ("Put in two drops after you wash your hands.", "two drops"),
]


@pytest.mark.parametrize("body,excerpt", STILL_FLAGGED_DOS002)
def test_an_incomplete_dose_of_the_same_shape_is_still_flagged(tmp_path, body, excerpt):
    found = findings_for(page(body), "DOS002", tmp_path)
    assert any(excerpt in f.excerpt for f in found), [f.excerpt for f in found]


@pytest.mark.parametrize("body", [
    "If you smoke more than 10 cigarettes a day, a typical plan is one 21 mg patch a day.",
    "Smokers of 20 cigarettes a day start on the 4 mg gum.",
])
def test_cigarettes_smoked_are_not_an_unreadable_unit(tmp_path, body):
    assert not findings_for(page(body, "Nicotine patches"), "UNT001", tmp_path)


@pytest.mark.parametrize("body", [
    "Days 1 to 3      1 tablet every 2 hours, up to 6 a day",
    "Take 1 capsule every 4 hours, no more than 4 in 24 hours.",
    "Days 4 to 12: 1 tablet every 2.5 hours, maximum 5 a day.",
])
def test_a_bare_daily_limit_after_a_counted_dose_has_its_unit(tmp_path, body):
    assert not findings_for(page(body, "Cytisine tablets"), "UNT004", tmp_path)


def test_a_bare_amount_still_needs_its_unit(tmp_path):
    found = findings_for(page("Aspirin 300 every 6 hours, up to 4 a day.", "Aspirin"), "UNT004", tmp_path)
    assert [f.excerpt for f in found] == ["300"]


# --------------------------------------------------------------- DOS005: dose charts by age

FALLING_CHARTS = [
    # a school letter's spaced lines
    ("We use Calpol Six Plus (paracetamol 250 mg/5 ml) and give the dose on the bottle for your child's age:\n\n"
     "6 to 8 years    10 ml\n\n8 to 10 years   7.5 ml\n\n10 to 12 years  10 ml", ["10 ml"]),
    # a pharmacy's pipe table
    ("Ibuprofen 100 mg/5 ml, up to 3 times in 24 hours:\n\n| Age | Dose |\n|---|---|\n| 1-3 years | 7.5 ml |\n"
     "| 4-6 years | 5 ml |\n| 7-9 years | 10 ml |", ["7.5 ml"]),
    # a leaflet's list whose oldest band is wrong: both younger bands are above it
    ("Give the dose for the age, up to 4 times in 24 hours:\n\n- 2 to 4 years: 7.5 ml\n- 4 to 6 years: 10 ml\n"
     "- 6 to 8 years: 5 ml", ["7.5 ml", "10 ml"]),
]


@pytest.mark.parametrize("body,excerpts", FALLING_CHARTS)
def test_a_younger_band_given_more_than_an_older_one_is_flagged(tmp_path, body, excerpts):
    found = findings_for(page(body, "Children's medicines"), "DOS005", tmp_path)
    assert sorted(f.excerpt for f in found) == sorted(excerpts), [f.message for f in found]
    assert all(f.severity == "error" for f in found)
    assert not findings_for(page(body, "Children's medicines"), "DOS002", tmp_path / "b")


@pytest.mark.parametrize("body", [
    "Give the dose for the age, up to 4 times in 24 hours:\n\n6 to 8 years    5 ml\n\n8 to 10 years   7.5 ml\n\n"
    "10 to 12 years  10 ml",
    "Give the dose for the age:\n\n- 3 to 6 months: 2.5 ml\n- 6 to 24 months: 5 ml\n- 2 to 4 years: 7.5 ml",
    # two medicines in one list are not one chart
    "- Ibuprofen: 6 to 12 months 50 mg three times a day\n- Paracetamol: 1 to 2 years 120 mg every 6 hours, "
    "max 4 doses in 24 hours",
])
def test_a_chart_that_rises_with_age_passes(tmp_path, body):
    assert not findings_for(page(body, "Children's medicines"), "DOS005", tmp_path)


# --------------------------------------------------------------- DOS001: an interval with no amount

@pytest.mark.parametrize("body", [
    "If your child is uncomfortable you can give Calpol (paracetamol 120mg/5ml) every 4 hours; check the packet.",
    "Give ibuprofen every 6 hours.",
])
def test_an_interval_of_a_ceiling_medicine_without_an_amount_needs_its_maximum(tmp_path, body):
    assert findings_for(page(body, "Fever"), "DOS001", tmp_path)


def test_an_interval_without_an_amount_of_a_medicine_without_ceiling_passes(tmp_path):
    assert not findings_for(page("Take the amoxicillin every 8 hours until the course is finished.", "Antibiotics"),
                            "DOS001", tmp_path)


# --------------------------------------------------------------- the same dose on a shorter interval

RESTATED = [
    # a translated sheet: the medicine in the paragraph before, the dose after a population
    ("Use ONLY acetaminophen (paracetamol) for the fever and the pain.\n\n"
     "Adults: 500 mg to 1 g every 6 hours. If the fever is very high, you can take it every 4 hours.",
     "take it every 4 hours"),
    # a clinic's plain advice
    ("Ibuprofen 800 mg every 8 hours with food. On bad days you can take it every 4 hours.", "take it every 4 hours"),
]


@pytest.mark.parametrize("body,excerpt", RESTATED)
def test_the_same_dose_on_a_shorter_interval_is_judged_by_the_ceiling(tmp_path, body, excerpt):
    found = findings_for(page(body, "Medicines for the fever"), "DOS003", tmp_path)
    assert any(f.excerpt in excerpt and "every 4 hours" in f.excerpt for f in found), [f.message for f in found]


@pytest.mark.parametrize("body", [
    "Adults: 500 mg every 6 hours. If the fever is very high, you can take it every 4 hours, no more than 4 g a day.",
    "Paracetamol 500 mg every 6 hours. If you need to, you can take it every 4 hours.",
    # a paragraph before that names two medicines does not say which one the dose is
    "Use paracetamol or ibuprofen for the pain.\n\nAdults: 1 g every 4 hours.",
])
def test_a_shorter_interval_within_the_ceiling_or_an_unnamed_medicine_passes(tmp_path, body):
    assert not findings_for(page(body, "Medicines for the fever"), "DOS003", tmp_path)


def test_a_contents_list_in_bullets_is_not_doses(tmp_path):
    body = "Each capsule contains:\n\n- Zinc 10 mg\n- Selenium 55 micrograms\n- Vitamin B12 2.5 micrograms"
    assert not findings_for(page(body, "What is in it"), "DOS002", tmp_path)
    dosed = "Take these:\n\n- Zinc 10 mg\n- Selenium 55 micrograms"
    assert findings_for(page(dosed, "What to take"), "DOS002", tmp_path / "b")
    timed = "Take these each day:\n\n- Zinc 10 mg\n- Selenium 55 micrograms"  # the lead-in says how often
    assert not findings_for(page(timed, "What to take"), "DOS002", tmp_path / "c")


def test_an_open_top_band_closes_a_chart(tmp_path):
    body = ("Give the dose for the age, up to 3 times in 24 hours:\n\n| Age | Dose |\n|---|---|\n"
            "| 2-5 years | 5 ml |\n| 6-11 years | 10 ml |\n| 12 and over | 7.5 ml |")
    found = findings_for(page(body, "Children's medicines"), "DOS005", tmp_path)
    assert sorted(f.excerpt for f in found) == ["10 ml"], [f.message for f in found]


@pytest.mark.parametrize("body,arith", [
    ("Take 1 g of paracetamol every 4 hours.", "1 g × 6/day = 6 g/day > 4 g/day"),
    ("You can take 1.5 g of paracetamol every 6 hours.", "1.5 g × 4/day = 6 g/day > 4 g/day"),
    ("A 500 mg tablet of paracetamol every 2 hours.", "500 mg × 12/day = 6 g/day > 4 g/day"),
    ("Take 800 mg of ibuprofen every 4 hours.", "800 mg × 6/day = 4.8 g/day > 3.2 g/day"),
])
def test_a_medicine_named_after_its_amount_is_judged_by_its_ceiling(tmp_path, body, arith):
    found = findings_for(page(body, "Pain relief"), "DOS003", tmp_path)
    assert found and arith in found[0].message, [f.message for f in found]
    ok = body.replace("every 4 hours", "every 8 hours").replace("every 2 hours", "every 8 hours") \
        .replace("every 6 hours", "every 12 hours")
    assert not findings_for(page(ok, "Pain relief"), "DOS003", tmp_path / "ok"), ok
