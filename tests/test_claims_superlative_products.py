"""CLM004 on a superlative said of a product by its kind ("the most effective sleep aid you can
buy", "the most powerful joint formula available", "the strongest pain reliever on the shelf"), in
the manner of a pharmacy blog, a supplement brand's page and a shop's product card, with the plain
descriptions that must stay silent; and CLM001 on an effect told as a comparison of speed or
frequency ("back on the field 50% faster", "attend school 25% more often"); and CLM002 on a remedy
said to move a body measure by a deadline ("raise the platelet count within 24 hours"). Every
sentence here is written for this test."""

from __future__ import annotations

import pytest

from support import findings_for


def _said(text, root, markdown=False):
    return [f.excerpt for f in findings_for(text, "CLM004", root, markdown=markdown)]


@pytest.mark.parametrize("text, markdown", [
    ("Sleep\n\nValerian drops are the most effective sleep aid on the market.\n", False),     # a pharmacy blog
    ("# FlexiJoint Plus\n\nFlexiJoint Plus is the most powerful joint formula ever made.\n", True),  # a brand page
    ("Pain relief\n\nThis is the strongest pain reliever you can buy without a prescription.\n", False),  # a shop card
])
def test_a_superlative_said_of_a_product_by_its_kind_is_flagged(text, markdown, tmp_path):
    assert len(_said(text, tmp_path, markdown)) == 1


@pytest.mark.parametrize("text", [
    "Sleep\n\nA sleep aid is usually the safest painkiller-free choice for a night or two.\n",
    "Sleep\n\nAsk your pharmacist which sleep aid is best for you.\n",
    "Pain relief\n\nParacetamol is usually the safest regular painkiller for older people.\n",
])
def test_plain_or_hedged_descriptions_stay_silent(text, tmp_path):
    assert _said(text, tmp_path) == []


# ------------------------------------------------------------------ CLM001: an effect told as a comparison

def _stats(text, root, markdown=False):
    return [f.excerpt for f in findings_for(text, "CLM001", root, markdown=markdown)]


@pytest.mark.parametrize("text, markdown, figure", [
    ("Why choose us\n\nOur knee programme gets runners back on the road 40% faster than physio alone.\n", False, "40%"),  # a clinic
    ("# Health facts\n\nPupils who eat breakfast at school concentrate 30% more often in morning lessons.\n", True, "30%"),  # a school nurse's page
    ("Sleep\n\nWith the spray, people drop off 20% sooner than with a placebo.\n", False, "20%"),  # a shop's product card
])
def test_an_effect_told_as_a_comparison_of_speed_or_frequency_is_a_statistic(text, markdown, figure, tmp_path):
    assert _stats(text, tmp_path, markdown) == [figure]


@pytest.mark.parametrize("text", [
    "Offers\n\nSave 20% on your second pack; delivery is faster with click and collect.\n",
    "Sleep\n\nSoluble tablets dissolve faster than ordinary ones.\n",
])
def test_a_discount_or_a_comparison_without_a_figure_is_no_statistic(text, tmp_path):
    assert _stats(text, tmp_path) == []


# ------------------------------------------------------------------ CLM002: a remedy moving a measure by a deadline

def _timelines(text, root, markdown=False):
    return [f.excerpt for f in findings_for(text, "CLM002", root, markdown=markdown)]


@pytest.mark.parametrize("text, markdown", [
    ("Home remedies for dengue\n\nA glass of goat's milk every morning raises the platelet count within 2 days.\n", False),  # a hospital blog
    ("# Beat the winter blues\n\nOur mushroom drops boost your vitamin D levels in just 7 days.\n", True),               # a supplement shop
    ("Diabetes diet\n\nCinnamon tea lowers blood sugar within a few hours of drinking it.\n", False),                    # a wellness site
])
def test_a_remedy_said_to_move_a_measure_by_a_deadline_is_an_outcome_timeline(text, markdown, tmp_path):
    assert len(_timelines(text, tmp_path, markdown)) == 1


@pytest.mark.parametrize("text", [
    "Dengue\n\nThe team will check the platelet count within 24 hours of admission.\n",
    "Dengue\n\nSome people believe papaya leaf may raise the platelet count within a few days, but this is not proven.\n",
    "Anaemia\n\nIron tablets raise haemoglobin levels slowly, over 2 to 3 months.\n",
])
def test_a_measurement_a_hedge_or_no_deadline_is_no_timeline(text, tmp_path):
    assert _timelines(text, tmp_path) == []
