"""Reader safety (SAF001) on pages of the newer styles: a guide written for older readers (the
antidepressant warning is for young people), an opioid taper plan that speaks of withdrawal,
and a forum thread whose members say what they take. Each class in more than one writer's
words, with the cases that must still be flagged. Every sentence here is written for this
test."""

from __future__ import annotations

import pytest

from medlint import policy
from tests.support import findings_for

AMITRIPTYLINE = "Medicines to review\nAmitriptyline 10 mg at night is often prescribed for nerve pain or sleep.\n"


@pytest.mark.parametrize("title", [
    "Too many pills? A family guide to deprescribing in later life",
    "Medicines and falls in older people",
    "Caring for elderly parents: a medicines checklist",
])
def test_the_youth_warning_is_not_asked_of_a_page_for_older_readers(tmp_path, title):
    assert findings_for(f"{title}\n{AMITRIPTYLINE}", "SAF001", tmp_path) == []


@pytest.mark.parametrize("title", [
    "Nerve pain: the medicines your GP may offer",
    "Getting older? Keep your bones strong",   # "older" alone names no readership
])
def test_other_pages_still_carry_the_antidepressant_warning(tmp_path, title):
    got = findings_for(f"{title}\n{AMITRIPTYLINE}", "SAF001", tmp_path)
    assert len(got) == 1 and "suicidal thoughts in young people" in got[0].message


def test_every_readership_a_risk_names_exists_and_has_a_source():
    data = policy.load("safety")
    known = {r["id"] for r in data.get("readerships") or ()}
    limits = [r["not_for"] for c in data["classes"] for r in c["risks"] if "not_for" in r]
    assert limits
    for limit in limits:
        readers = [limit["readers"]] if isinstance(limit["readers"], str) else limit["readers"]
        assert readers and set(readers) <= known and limit["source"].strip()


TAPER = """Reducing your oxycodone
Your plan
Weeks 1 and 2: oxycodone 10 mg twice a day.
Weeks 3 and 4: 5 mg twice a day, then stop.
{section}
Staying safe
Too much oxycodone can slow your breathing. Do not drink alcohol or take sleeping tablets with it.
"""


@pytest.mark.parametrize("section", [
    "Withdrawal symptoms\nYou may feel restless, sweaty or achy for a few days after each step.",
    "After each step\nSome people get withdrawal symptoms such as sweating and aches; they settle within a week.",
    "Why reduce?\nYour body has become dependent on oxycodone, so we lower the dose slowly.",
])
def test_a_taper_plan_that_speaks_of_withdrawal_names_dependence(tmp_path, section):
    assert findings_for(TAPER.format(section=section), "SAF001", tmp_path) == []


def test_a_taper_plan_silent_on_dependence_is_flagged(tmp_path):
    text = TAPER.format(section="Pain diary\nWrite down your pain score each evening.")
    got = findings_for(text, "SAF001", tmp_path)
    assert len(got) == 1 and "'addiction'" in got[0].message


THREAD = """Naproxen and my back?
bex_r · 3 days ago
My GP has put me on naproxen 500 mg twice a day. Is it ok with my inhaler?
Reply   Like (2)
nurse_kim · Verified nurse · 1 day ago
Naproxen is usually fine with an inhaler, but stop it if your breathing gets worse.
"""


def test_a_members_post_is_not_the_page_dosing(tmp_path):
    assert findings_for(THREAD, "SAF001", tmp_path) == []


def test_the_page_itself_still_doses_above_the_thread(tmp_path):
    page = "Back pain forum\nOur guide\nNaproxen 250 mg twice a day with food.\n" + THREAD
    got = findings_for(page, "SAF001", tmp_path)
    assert len(got) == 1 and "NSAID" in got[0].message


# ------------------------------------------------------------------ incidental words are no warning

IBUPROFEN = "After your operation\nIbuprofen 400 mg three times a day with food for 5 days.\n"


@pytest.mark.parametrize("elsewhere", [
    # an emergency symptom list names stroke and bleeding as signs to act on, not the NSAID's risks
    "When to get help\nCall 999 for signs of a stroke, or bleeding that soaks through the dressing.",
    "When to see a doctor\nSudden weakness on one side, a stroke, or vomiting blood need emergency care.",
    # "heart" alone is not the heart attack warning
    "Swelling\nKeep your foot raised above the level of your heart; it eases heartburn too. Ibuprofen can upset the stomach.",
])
def test_incidental_words_do_not_warn_about_an_nsaid(tmp_path, elsewhere):
    got = findings_for(IBUPROFEN + elsewhere + "\n", "SAF001", tmp_path)
    assert len(got) == 1 and "heart attack and stroke" in got[0].message


@pytest.mark.parametrize("warning", [
    "Side effects\nIbuprofen can cause stomach bleeding and raise the risk of heart attack or stroke.",
    "Who should not take it\nNot if you have had a stomach ulcer, or have heart problems.",
    "Important\nAnti-inflammatory painkillers like ibuprofen can cause stomach ulcers; ask first if you have heart disease.",
])
def test_a_warning_in_the_pages_words_is_enough(tmp_path, warning):
    assert findings_for(IBUPROFEN + warning + "\n", "SAF001", tmp_path) == []


def test_an_nsaid_with_a_low_molecular_weight_heparin_is_a_combination(tmp_path):
    text = ("Your medicines\nIbuprofen 400 mg three times a day with food for 5 days.\n"
            "Enoxaparin 40 mg injection once a day for 14 days to prevent clots.\n")
    got = findings_for(text, "SAF002", tmp_path)
    assert len(got) == 1 and "bleeding" in got[0].message


# ------------------------------------------------------------------ which medicine a dose is of

def test_a_dose_takes_its_medicine_from_the_sentence_before(tmp_path):
    text = ("Tablets\nParacetamol on its own helps little for knee pain, but some find it useful. "
            "Adults can take 500 mg to 1 g up to four times in 24 hours.\n")
    got = findings_for(text, "SAF001", tmp_path)
    assert len(got) == 1 and "liver" in got[0].message



def test_a_combination_finding_goes_where_the_page_offers_both(tmp_path):
    text = ("Painkillers\nIbuprofen 400 mg up to three times a day with food; it can cause stomach ulcers "
            "and raise the risk of heart attack or stroke.\n"
            "Which painkiller?\nFor many people aspirin 900 mg, ibuprofen 400 mg or paracetamol 1 g taken "
            "early works well.\n")
    got = findings_for(text, "SAF002", tmp_path)
    assert len(got) == 1 and got[0].context.startswith("For many people")
