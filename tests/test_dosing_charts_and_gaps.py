"""A dose chart timed by the paragraph beside it (DOS002) and an interval that is the least gap
between doses, not a rate (DOS006): found when the dose reader and the importer learnt aligned
columns, fingertip units and "every 2 hours, up to 6 a day"."""

import pytest

from support import findings_for

TAIL = "\n\nThis is general information. Ask your pharmacist; doses are for adults.\n"

CHART = ("How much to apply\n\nTypical amounts for one application in an adult:\n"
         "  Face and neck ............ 2.5 FTU\n  One hand (both sides) .... 1 FTU\n"
         "  One arm .................. 3 FTU\n  One leg .................. 6 FTU\n\n{after}" + TAIL)


@pytest.mark.parametrize("after", [
    "Apply a thin layer once or twice a day to the patches only, not to healthy skin.",
    "Use it twice a day for a week, then once a day.",
])
def test_a_chart_timed_by_the_line_after_it_is_complete(tmp_path, after):
    assert not findings_for(CHART.format(after=after), "DOS002", tmp_path)


@pytest.mark.parametrize("after", [
    "Do not use it on broken skin.",  # no timing: the amounts are still open
    "Apply 2 FTU to the back twice a day.",  # a dose of its own, not the chart's timing
])
def test_a_chart_with_no_timing_beside_it_is_still_incomplete(tmp_path, after):
    assert findings_for(CHART.format(after=after), "DOS002", tmp_path)


def _schedule(rows: str) -> str:
    return "Cytisine tablets\n\nTake the tablets as the table shows.\n\n" + rows + TAIL


def test_an_interval_with_a_lower_daily_count_is_the_least_gap(tmp_path):
    text = _schedule("Days 1 to 3: cytisine 1.5 mg, 1 tablet every 2 hours, up to 6 a day.")
    assert not findings_for(text, "DOS006", tmp_path)


def test_a_rate_above_its_stated_daily_limit_is_still_flagged(tmp_path):
    text = _schedule("Ibuprofen 400 mg every 4 hours, no more than 1,200 mg in 24 hours.")
    assert findings_for(text, "DOS006", tmp_path)
