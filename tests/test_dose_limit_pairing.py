"""DOS006 fires only when the limit it reads is this schedule's daily cap: the same product and
strength, the same people, a most a day (not per dose or per week), not a first-day or titration
figure, against the least the schedule asks for (a range's lower end, "up to" a count). Each class
is written here in two page styles (a national medicine page's "How much to take" paragraph or
bullet, a drug handbook's dose block, a children's table, an OTC "Directions" block, a pharmacy
Q&A answer), each with a true finding beside it that must still fire. Wordings are this test's own."""

import pytest

from support import findings_for


def _fires(text, tmp_path):
    return findings_for(text, "DOS006", tmp_path)


# each: (a limit that is not this schedule's cap, the same page with one that is)
PAIRS = {
    "per dose, not a day": [
        ("How much to take\n\nAdults: take 1 or 2 tablets every 4 hours. Never take more than 2 tablets at a time.\n",
         "How much to take\n\nAdults: take 2 tablets every 4 hours. Never take more than 4 tablets in 24 hours.\n"),
        ("Directions\n\n- Take 2 capsules every 4 hours while symptoms last\n- Do not take more than 2 capsules at once\n",
         "Directions\n\n- Take 2 capsules every 4 hours while symptoms last\n- Do not take more than 4 capsules in 24 hours\n"),
    ],
    "per week or course, not a day": [
        ("Dosage\n\nTake 2 tablets three times a day. Do not take more than 4 tablets in a week.\n",
         "Dosage\n\nTake 2 tablets three times a day. Do not take more than 4 tablets in a day.\n"),
        ("Q: How should I take the sachets?\n\nA: One sachet every 6 hours; no more than 3 sachets per course of treatment.\n",
         "Q: How should I take the sachets?\n\nA: One sachet every 6 hours; no more than 2 sachets in 24 hours.\n"),
    ],
    "a titration most": [
        ("Dose\n\nGabapentin 300 mg three times a day. Your doctor may increase this gradually to no more than 600 mg a day.\n",
         "Dose\n\nGabapentin 300 mg three times a day. Do not take more than 600 mg a day.\n"),
        ("Adult: 20 mg twice daily. If needed the dose may be raised to max 30 mg daily.\n",
         "Adult: 20 mg twice daily. Max 30 mg daily.\n"),
    ],
    "a first-day figure": [
        ("How to take it\n\nTake 250 mg three times a day. On the first day, take no more than 500 mg in 24 hours.\n",
         "How to take it\n\nTake 250 mg three times a day. Take no more than 500 mg a day.\n"),
        ("- Ondansetron 8 mg every 8 hours\n- On day 1 do not exceed 16 mg in 24 hours\n",
         "- Ondansetron 8 mg every 8 hours\n- Do not exceed 16 mg in 24 hours\n"),
    ],
    "another population's limit": [
        ("How much to give\n\nParacetamol 500 mg: 2 tablets four times a day. "
         "Children aged 6 to 9 years: no more than 4 tablets in 24 hours.\n",
         "How much to give\n\nParacetamol 500 mg: 2 tablets four times a day. "
         "No more than 4 tablets in 24 hours.\n"),
        ("Dosage\n\nTake 1 g four times a day.\n\nIn older people, do not take more than 3 g a day.\n",
         "Dosage\n\nTake 1 g four times a day.\n\nDo not take more than 3 g a day.\n"),
    ],
    "a population named after the limit": [
        ("Directions\n\nAdults: take 2 caplets every 4 to 6 hours. "
         "No more than 3 caplets a day for children aged 7 to 11.\n",
         "Directions\n\nAdults: take 2 caplets every 4 to 6 hours. "
         "No more than 3 caplets a day for adults.\n"),
        ("- Syrup 10 ml every 4 hours\n- Never more than 20 ml a day in babies under 2 years\n",
         "- Syrup 10 ml every 4 hours\n- Never more than 20 ml a day\n"),
    ],
    "another strength's limit": [
        ("Directions\n\nIbuprofen 200 mg: take 2 tablets three times a day.\n\n"
         "Ibuprofen 400 mg tablets: no more than 3 tablets in 24 hours.\n",
         "Directions\n\nIbuprofen 200 mg: take 2 tablets three times a day.\n\n"
         "Ibuprofen 200 mg tablets: no more than 3 tablets in 24 hours.\n"),
        ("Q: How many can I take?\n\nA: For the 250 mg capsules, 2 capsules 3 times a day.\n\n"
         "For the 500 mg capsules: never more than 4 capsules in 24 hours.\n",
         "Q: How many can I take?\n\nA: For the 250 mg capsules, 2 capsules 3 times a day.\n\n"
         "Never more than 4 capsules in 24 hours.\n"),
    ],
    "an open least a day": [
        ("Directions\n\nTake up to 2 tablets every 4 hours. Do not take more than 6 tablets in 24 hours.\n",
         "Directions\n\nTake 2 tablets every 4 hours. Do not take more than 6 tablets in 24 hours.\n"),
        ("How much to take\n\n- 2 tablets up to 4 times a day\n- No more than 6 tablets in 24 hours\n",
         "How much to take\n\n- 2 tablets 4 times a day\n- No more than 6 tablets in 24 hours\n"),
    ],
}

CASES = [(name, i, pair) for name, pairs in PAIRS.items() for i, pair in enumerate(pairs)]


@pytest.mark.parametrize("name,i,pair", CASES, ids=[f"{n}-{i}" for n, i, _ in CASES])
def test_a_limit_that_is_not_the_schedules_cap_is_silent(tmp_path, name, i, pair):
    assert not _fires(pair[0], tmp_path)


@pytest.mark.parametrize("name,i,pair", CASES, ids=[f"{n}-{i}" for n, i, _ in CASES])
def test_the_same_page_with_its_own_cap_fires(tmp_path, name, i, pair):
    found = _fires(pair[1], tmp_path)
    assert len(found) == 1 and "more than the limit" in found[0].message


def test_a_fewest_times_a_day_is_the_least_read(tmp_path):
    # "2 to 3 times a day": two doses at the least; 2 x 2 tablets is within 4, 3 x 2 is not
    assert not _fires("Dosage\n\nTake 2 tablets 2 to 3 times a day. No more than 4 tablets a day.\n", tmp_path)
    assert _fires("Dosage\n\nTake 2 tablets 3 to 4 times a day. No more than 4 tablets a day.\n", tmp_path)


def test_a_group_limit_bounds_a_dose_of_that_group(tmp_path):
    text = "Dosage\n\nIn older people, take 1 g four times a day. In older people, do not take more than 3 g a day.\n"
    assert _fires(text, tmp_path)
