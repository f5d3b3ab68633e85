"""CLM006 and the other claims checks on a page that lists its sources as a notes list of
numbered lines under a heading that is no "References" ("Notes", "End notes", "About these
figures") or under none: the lines lead with the number the page's markers print ("[1] …",
"¹ …"), numbered 1, 2, 3 … in order, and at least one reads as a reference. Their numbers
resolve the page's markers; a marker they do not hold is still reported; a numbered list of
steps is no notes list. Every sentence here is written for this test."""

from __future__ import annotations

from support import findings_for


def _excerpts(text, root, check="CLM006"):
    return sorted(f.excerpt for f in findings_for(text, check, root))


# a printable fact sheet: plain-text page, bracketed notes under "Notes"
FACT_SHEET = """Iron tablets in pregnancy

What is anaemia?
About 38% of pregnant women worldwide have anaemia.[1]

Taking iron
Taking iron with orange juice helps the body absorb it.[2] Around 1 in 5 women stop early because of constipation.[3]

Notes
[1] Stevens GA, et al. Global anaemia prevalence. Lancet Glob Health. 2022;10(5):e627-e639.
[2] Hallberg L. Iron absorption and ascorbic acid. Am J Clin Nutr. 1989;49(1):140-144.
[3] As note 1, table 2.

This sheet is general information and does not replace your midwife's advice.
"""

# a Markdown blog post: the notes as list items under "## Endnotes"
BLOG_POST = """# Why your knees ache in the cold

Cold weather does not damage joints, but about 2 in 3 people with knee arthritis say their pain is worse in winter [1].

A daily walk of 30 minutes eased knee pain by a third in one trial [2].

## Endnotes

- [1] Timmermans EJ, et al. Weather and joint pain in older adults. J Rheumatol. 2014;41(9):1829-36.
- [2] Walking trial group. https://example.org/knee-walk-trial (accessed 2024).
"""


def test_a_bracketed_notes_list_resolves_its_markers(tmp_path):
    assert _excerpts(FACT_SHEET, tmp_path) == []


def test_a_notes_list_holds_no_claims_of_its_own(tmp_path):
    assert _excerpts(FACT_SHEET, tmp_path, "CLM001") == []


def test_a_marker_the_notes_list_does_not_hold_is_still_reported(tmp_path):
    text = FACT_SHEET.replace("because of constipation.[3]", "because of constipation.[4]")
    assert _excerpts(text, tmp_path) == ["[4]"]


def test_endnotes_as_list_items_of_a_markdown_page_resolve_its_markers(tmp_path):
    assert sorted(f.excerpt for f in findings_for(BLOG_POST, "CLM006", tmp_path, markdown=True)) == []


def test_numbered_lines_that_read_as_no_reference_are_no_notes_list(tmp_path):
    # a clinic's steps numbered as [1], [2]: no year, DOI, URL or PMID, so no reference list, and the
    # marker after the figure stays unresolved; the step numbers themselves label items and cite nothing
    text = """Using your inhaler

About 70% of people use their inhaler wrongly at first.[1]

Steps
[1] Shake the inhaler and take off the cap.
[2] Breathe out, then seal your lips round the mouthpiece.
"""
    assert _excerpts(text, tmp_path) == ["[1]"]


def test_notes_numbered_out_of_order_are_no_notes_list(tmp_path):
    text = FACT_SHEET.replace("[2] Hallberg", "[5] Hallberg")
    assert "[2]" in _excerpts(text, tmp_path)

