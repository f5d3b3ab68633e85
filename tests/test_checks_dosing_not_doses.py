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
    ("Each tablet should be taken as follows:\n\nFolic acid   400 micrograms", "400 micrograms"),
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
