"""SAF002 on two layouts: a medicine offered to readers who say they take its partner ("If you take
an SSRI such as sertraline, you can still use sumatriptan"), the partner named but not dosed; and
a prescriber's list of alternative regimens, one medicine to an item ("Usual adult regimens are:"),
whose two NSAIDs are given instead of each other. Each in more than one site's words, with the
near-misses: a triptan page that explains serotonin receptors is no warning, a page that names
serotonin syndrome is one, a shopping list of two NSAIDs is still a menu. Every sentence here is
written for this test."""

from __future__ import annotations

import pytest

from tests.support import findings_for


def _combo(tmp_path, text, markdown=False):
    return findings_for(text, "SAF002", tmp_path, markdown=markdown)


@pytest.mark.parametrize("text, partner", [
    # an online doctor's treatment page
    ("Migraine treatment\nRizatriptan\nRizatriptan works on serotonin receptors in the brain.\nTake one 10 mg wafer "
     "when the headache starts.\nIf you are taking fluoxetine or paroxetine, rizatriptan can be used as normal.\n",
     "fluoxetine or paroxetine"),
    # a pharmacy Q&A
    ("Ask our pharmacist\nCan I take zolmitriptan with my antidepressant?\nZolmitriptan 2.5 mg: one tablet at the "
     "start of the migraine, a second after 2 hours if it comes back.\nIf you already take venlafaxine, most people "
     "carry on with both.\n", "venlafaxine"),
])
def test_a_medicine_offered_to_readers_who_take_its_partner_needs_the_warning(tmp_path, text, partner):
    got = _combo(tmp_path, text)
    assert len(got) == 1, [f.message for f in got]
    assert partner in got[0].message and "serotonin syndrome" in got[0].message


@pytest.mark.parametrize("text", [
    # the warning named beside it
    ("Migraine treatment\nSumatriptan\nTake one 50 mg tablet when the headache starts.\nIf you take sertraline, "
     "tell your doctor: together they can rarely cause serotonin syndrome.\n"),
    # the partner named with no reader taking it
    ("Migraine treatment\nSumatriptan\nTake one 50 mg tablet when the headache starts.\nSertraline is an "
     "antidepressant sometimes used for other conditions.\n"),
])
def test_a_warned_or_untaken_partner_passes(tmp_path, text):
    assert _combo(tmp_path, text) == []


def test_a_prescribers_list_of_regimens_is_a_choice(tmp_path):
    text = ("Back pain: a prescriber's summary\nAnti-inflammatories\nNone is clearly better than another. Options "
            "include:\n- Diclofenac 50 mg three times daily\n- Naproxen 500 mg twice daily\n- Celecoxib 200 mg once "
            "daily\nGive the lowest dose for the shortest time; all raise the risk of stomach bleeding and heart "
            "problems.\n")
    assert _combo(tmp_path / "a", text) == []
    md = ("# Knee pain: prescribing notes\n\n## NSAIDs\n\nChoose one of the following regimens:\n\n"
          "- Ibuprofen 400 mg three times daily\n- Etodolac 300 mg twice daily\n")
    assert _combo(tmp_path / "b", md, markdown=True) == []


def test_a_shopping_list_of_two_nsaids_is_still_paired(tmp_path):
    text = ("Your pain-relief shelf\nPainkillers to keep at home\nFor over-the-counter use follow the label:\n"
            "- Ibuprofen 200 mg, 1 to 2 tablets every 4 to 6 hours\n- Naproxen 220 mg, 1 tablet every 8 to 12 hours\n")
    got = _combo(tmp_path, text)
    assert len(got) == 1 and "two NSAIDs" in got[0].message
