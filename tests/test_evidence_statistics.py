"""CLM001 on positive evidence: a figure is an unsourced statistic only when the sentence shows
it is one, its subject people or cases ("70% of patients", "1 in 20 extractions") or an
outcome, risk, effect, prevalence or benefit beside it ("cuts the risk by half", "twice as
likely", "100% effective"). Every other number with a % stays silent on any kind of page. The
writers here are ones the corpus does not have: a gadget review, a garden-centre page, a
nutrition blog, a sports-science newsletter, a pharmacy chain's offers, a GP's survey notice,
a clinical audit summary. Every sentence is written for this test."""

from __future__ import annotations

import pytest

from tests.test_claims_other_writers import found


def stats(root, *paragraphs, kind="overview"):
    return found(root, [("About it", kind, list(paragraphs))], {"CLM001"})


@pytest.mark.parametrize("text, excerpt", [
    # a sports-science newsletter
    ("Runners who foam-roll daily are 40% less likely to pull a hamstring.", "40%"),
    ("Roughly one in five marathon runners will develop a stress fracture in their first year.",
     "one in five"),
    # a nutrition blog
    ("Swapping white rice for brown cuts your diabetes risk by 20% in women.", "20%"),
    ("Green tea extract boosts fat burning by 17%.", "17%"),
    # a clinic's marketing
    ("Our laser treatment clears 95% of fungal nails for good.", "95%"),
    ("Over 80 percent of our clients are pain-free after three sessions.", "80 percent"),
    # a community health trust's bulletin
    ("Around 3 in 10 adults in the borough have high blood pressure without knowing it.", "3 in 10"),
    ("Vaccination is 90% effective at preventing severe illness.", "90%"),
])
def test_figures_about_people_outcomes_and_risks_are_statistics(tmp_path, text, excerpt):
    assert stats(tmp_path, text) == [("CLM001", excerpt)]


@pytest.mark.parametrize("text", [
    # a gadget review of a pulse oximeter and a humidifier
    "The battery charges to 80% in 40 minutes and lasts a week.",
    "Keep the room at 40% to 60% humidity; the display shows it at a glance.",
    "The humidifier works best at 45% humidity and needs 20% less water than the old model.",
    "Our poll: 62% of the vote went to the new logo; the common room is 30% bigger.",
    "It scored 92% in our lab tests for build quality.",
    # a pharmacy chain's offers page
    "Members get 25% back in points on every order over £20.",
    "Prices include 20% VAT.",
    # a garden-centre page selling sun care
    "This SPF 50 lotion blocks about 98% of UVB rays; reapply every two hours.",
    "Our bamboo sunhat is made from 70% recycled fibre.",
    # a GP practice's survey notice and a poll
    "The survey closes when 100% of the forms are back; so far we are at 64%.",
    "Progress: 75% complete.",
    # a nutrition panel and a recipe
    "One bar gives 12% of the fibre on the label and 3% fat.",
    "Use 85% dark chocolate for the sauce.",
    # a clinical audit summary's interval (the figure it qualifies is cited)
    "The estimate came with a 95% confidence interval.",
])
def test_numbers_with_a_percent_sign_that_are_not_health_statistics_stay_silent(tmp_path, text):
    assert stats(tmp_path, text) == []
