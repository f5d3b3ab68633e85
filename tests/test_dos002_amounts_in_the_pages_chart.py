"""DOS002: a dose with no amount of its own ("Give a dose every 6 hours if needed") on a page that
gives the amounts in a chart by weight or age is complete: the interval is the sentence's, the
amount the reader's row's. Without such a chart the amount is still asked. Every line is
written for this test, in the manner of a US clinic's fever handout and a UK pharmacy leaflet
for parents."""

from __future__ import annotations

import pytest

from support import findings_for

US_CHART = """| Weight | Children's acetaminophen 160 mg/5 mL |
|---|---|
| 24-35 lb (11-15.9 kg) | 5 mL |
| 36-47 lb (16-21.9 kg) | 7.5 mL |
"""

UK_CHART = """| Age | Infant paracetamol 120 mg/5 ml |
|---|---|
| 6 to 23 months | 5 ml |
| 2 to 3 years | 7.5 ml |
"""


def _page(title, lead, chart):
    return f"{title}\n\nHow to give it\n{lead}\n\n{chart}"


@pytest.mark.parametrize("title, lead, chart", [
    ("Fever medicine for children", "Find your child's weight in the chart. Give a dose every 6 hours if needed.",
     US_CHART),
    ("Paracetamol for babies and toddlers", "Look up your child's age below. Give it every 4 to 6 hours if needed.",
     UK_CHART),
])
def test_an_interval_whose_amounts_the_pages_chart_gives_is_complete(tmp_path, title, lead, chart):
    assert findings_for(_page(title, lead, chart), "DOS002", tmp_path) == []


def test_without_a_chart_the_amount_is_still_asked(tmp_path):
    text = "Fever medicine for children\n\nHow to give it\nGive a dose of acetaminophen every 6 hours if needed.\n"
    assert [f.check for f in findings_for(text, "DOS002", tmp_path)] == ["DOS002"]
