"""CLM004 on a superlative said of a product by its kind ("the most effective sleep aid you can
buy", "the most powerful joint formula available", "the strongest pain reliever on the shelf"), in
the manner of a pharmacy blog, a supplement brand's page and a shop's product card, with the plain
descriptions that must stay silent; and CLM001 on an effect told as a comparison of speed or
frequency ("back on the field 50% faster", "attend school 25% more often"). Every sentence here is
written for this test."""

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
