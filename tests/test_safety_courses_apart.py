"""SAF002 and a stepped plan: two medicines the page gives at different times are no combination.
One whose every dose limits its course ("for no more than 2 weeks") and one started only when the
problem has lasted at least that long ("If the pain goes on beyond 12 weeks, ...") are not taken
together (checks/safety.yaml ``courses_apart``). Courses that overlap, or a later medicine with no
start of its own, are still paired. Styles: a US clinical answer site, a UK GP practice leaflet.
Every sentence here is written for this test."""

from __future__ import annotations

import pytest

from tests.support import findings_for

ANSWER_SITE = ("Which medicines help a slipped disc?\nMuscle spasm\n{first}\nLonger-lasting pain\n{later}\n")
GP_LEAFLET = ("Back pain: your treatment plan\nThe first weeks\n{first}\nIf it does not settle\n{later}\n")


def _saf002(tmp_path, text):
    return findings_for(text, "SAF002", tmp_path)


@pytest.mark.parametrize("page, first, later", [
    (ANSWER_SITE, "Cyclobenzaprine 5 mg three times daily for no more than 2 weeks can ease spasm.",
     "For pain lasting beyond 6 weeks, amitriptyline 10 mg at night is an option."),
    (GP_LEAFLET, "Your GP may give tramadol 50 mg every 6 hours, no more than 400 mg a day, for up to 5 days.",
     "If the pain goes on beyond 12 weeks, amitriptyline 10 mg at night can be started."),
])
def test_a_limited_course_and_a_later_start_are_not_paired(tmp_path, page, first, later):
    got = _saf002(tmp_path, page.format(first=first, later=later))
    assert [f for f in got if "amitriptyline" in f.message.lower()] == []


@pytest.mark.parametrize("page, first, later", [
    # the courses overlap: a 4-week course and a start after 2 weeks
    (ANSWER_SITE, "Cyclobenzaprine 5 mg three times daily for no more than 4 weeks can ease spasm.",
     "For pain lasting beyond 2 weeks, amitriptyline 10 mg at night is an option."),
    # no start of its own: given alongside
    (GP_LEAFLET, "Your GP may give tramadol 50 mg every 6 hours, no more than 400 mg a day, for up to 5 days.",
     "Amitriptyline 10 mg at night can help you sleep through the pain."),
    # no limit on the first course
    (ANSWER_SITE, "Cyclobenzaprine 5 mg three times daily can ease spasm.",
     "For pain lasting beyond 6 weeks, amitriptyline 10 mg at night is an option."),
])
def test_overlapping_or_open_courses_are_still_paired(tmp_path, page, first, later):
    got = _saf002(tmp_path, page.format(first=first, later=later))
    assert [f for f in got if "amitriptyline" in f.message.lower()]
