"""CLM004 on a superlative said of a product by its kind ("the most effective sleep aid you can
buy", "the most powerful joint formula available", "the strongest pain reliever on the shelf"), in
the manner of a pharmacy blog, a supplement brand's page and a shop's product card, with the plain
descriptions that must stay silent. Every sentence here is written for this test."""

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
