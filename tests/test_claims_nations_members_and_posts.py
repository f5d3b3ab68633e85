"""Claims on text written as broadcasts, shop pages, social posts and clinic blogs write it:
a share of a nation's people by its demonym, a business's own members, episodes of an illness
counted, a product ranked above its class, a sentence that ends in an emoji, a dose cut by a
range, and a research appeal in the clause of a figure. Each class is tried in more than one
writer's words, with the near-misses that must stay silent. Every sentence here is written
for this test.

Most articles are built as records (the checks and their data are pinned); the posts are
imported from text, as a user's page would be (the importer's reading of the emoji line)."""

from __future__ import annotations

import pytest

from medlint.engine import Options, check_article
from medlint.registry import EXAMPLE_TODAY
from support import article_from_text
from tests.test_claims_other_writers import found


def claims(root, *paragraphs, kind="overview", select=("CLM001", "CLM003", "CLM004")):
    return found(root, [("About it", kind, list(paragraphs))], set(select))


# ------------------------------------------------------------------ who is counted (CLM001)

@pytest.mark.parametrize("text, excerpt", [
    ("Around 40% of Nigerians are short of vitamin D by the end of the rainy season.", "40%"),
    ("Nearly 1 in 3 Malaysians is deficient in iron, our pharmacists say.", "1 in 3"),
    ("Fact: 65% of Filipinos have never had their blood sugar checked.", "65%"),
    ("85% of our members report fewer headaches after a month on the plan.", "85%"),
    ("Nine in ten subscribers feel more energetic within a week!", "Nine in ten"),
    ("More than half of fevers in young children are caused by viruses, not malaria; 70% of fevers "
     "we see settle without antimalarials.", "70%"),
    ("About 30% of sore throats are bacterial.", "30%"),
])
def test_nations_members_and_episodes_counted_are_statistics(tmp_path, text, excerpt):
    assert claims(tmp_path, text, select=("CLM001",)) == [("CLM001", excerpt)]


@pytest.mark.parametrize("text", [
    "Orders placed before 2 pm ship the same day; 98% of Orders arrive in two days.",   # a shop's delivery figure
    "Members save 15% on every refill.",
    "92% of our members would recommend us to a friend.",                                # a rating of the service
    "Your doctor may lower the evening dose by 20 to 30% during the fast.",
    "The nurse will reduce your night-time insulin dose by about 10-20 percent if your sugar runs low.",
    "If you are sick, lower the morning dose of gliclazide by half as your clinic told you.",
    "Store below 30 °C, away from 60% humidity.",
])
def test_ratings_discounts_and_dose_cuts_are_not_statistics(tmp_path, text):
    assert claims(tmp_path, text, select=("CLM001",)) == []


# ------------------------------------------------------------------ a product above its class (CLM004)

@pytest.mark.parametrize("text, excerpt", [
    ("Alveo is the most effective antihistamine for hay fever and hives.", "the most effective antihistamine"),
    ("Our fastest-acting decongestant spray clears a blocked nose: the fastest-acting decongestant in store.",
     "the fastest-acting decongestant"),
    ("Trust the strongest antifungal cream you can buy without a prescription.", "the strongest antifungal"),
    ("Simply the best antacid tablets on the market.", "the best antacid"),
])
def test_a_product_ranked_above_its_class_is_a_superlative(tmp_path, text, excerpt):
    assert claims(tmp_path, text, select=("CLM004",)) == [("CLM004", excerpt)]


@pytest.mark.parametrize("text", [
    "The best antihistamine for you depends on whether you need to drive.",
    "Ask the pharmacist which is the best cough syrup for your child.",
    "Take the smallest tablet first and work up.",
    "The best time to take the tablets is after breakfast.",
])
def test_a_choice_for_the_reader_is_not_a_ranking(tmp_path, text):
    assert claims(tmp_path, text, select=("CLM004",)) == []


# ------------------------------------------------------------------ one claim, one finding (CLM003)

def test_a_research_appeal_in_a_figures_clause_is_reported_as_the_figure(tmp_path):
    assert claims(tmp_path / "a", "Research shows zinc lozenges shorten colds for 60% of people.") == [
        ("CLM001", "60%")]
    assert claims(tmp_path / "b", "Studies show melatonin is the secret to better sleep. 80% of people "
                  "fall asleep faster with it.") == [("CLM001", "80%"), ("CLM003", "Studies show")]
    assert claims(tmp_path / "c", "Studies show it eases cramps, and 70% of patients feel better.") == [
        ("CLM001", "70%"), ("CLM003", "Studies show")]


# ------------------------------------------------------------------ a sentence ending in an emoji (imported)

def _imported(root, text, select, markdown=False):
    folder = article_from_text(text, root, slug="post", markdown=markdown)
    result = check_article(folder, Options(today=EXAMPLE_TODAY, select=frozenset(select)))
    assert result.error is None, result.error
    return sorted((f.check, f.excerpt) for f in result.findings)


_POST = """Bright Smile Dental Clinic
Posted 12 March 2026

Hello, Bright Smile family! Here is how to look after your gums this month.
Brush twice a day with a fluoride toothpaste and clean between your teeth every night.

Our deep-clean treatment stops gum bleeding in 90% of patients within a month! \U0001F601

Book at the front desk \u00b7 Open Monday to Saturday
\U0001F4CD 14 Harbour Road
"""

_BROADCAST = """[02/03/2026, 8:01:10 am] Green Valley Pharmacy: *Heat warning* \u2600\ufe0f
[02/03/2026, 8:01:11 am] Green Valley Pharmacy: Drink water through the day and rest in the shade.
[02/03/2026, 8:01:12 am] Green Valley Pharmacy: Our oral rehydration sachets cure heat cramps in 95% of customers! \U0001F4A7\U0001F4A7
[02/03/2026, 8:01:13 am] Green Valley Pharmacy: Open 8 am to 10 pm \u00b7 Free delivery
"""


@pytest.mark.parametrize("text, excerpt", [(_POST, "90%"), (_BROADCAST, "95%")])
def test_a_claim_that_ends_in_an_emoji_is_read_as_a_sentence(tmp_path, text, excerpt):
    assert ("CLM001", excerpt) in _imported(tmp_path, text, {"CLM001"})


def test_a_heading_with_an_emoji_is_still_a_heading(tmp_path):
    from support import headings, read

    _, sections = read("Caring for your gums\n\nWhy gums bleed \U0001F9B7\n\nPlaque irritates the gum line, "
                       "so it bleeds when you brush.\n\nWhat to do \u2705\n\nBrush gently twice a day.\n")
    assert headings(sections) == ["Why gums bleed \U0001F9B7", "What to do \u2705"]
