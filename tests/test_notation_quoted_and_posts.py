"""Notation the page does not write in its own voice: a label's notation quoted to explain it
to readers, and the posts of a forum thread's members (checks/posts.yaml). Each class in
more than one writer's words, with the cases that must still be flagged. Every sentence here
is written for this test."""

from __future__ import annotations

import pytest

from tests.support import findings_for

LEAFLET = "Your dose\n{}\n"


@pytest.mark.parametrize("sentence", [
    'Some prescriptions still say "levothyroxine 100 µg QD". This means 100 micrograms once a day.',
    "You may see 'mcg' written as 'µg' on the box: 'levothyroxine 50 µg tablets' is the same medicine.",
    "Your label might read “take 1 tab PO BID”, which means one tablet by mouth twice a day.",
    "Older packs show ‘25 µg’ on the carton; it stands for 25 micrograms.",
])
@pytest.mark.parametrize("check_id", ["NOT002", "NOT003", "NOT008"])
def test_a_notation_quoted_to_explain_it_is_not_flagged(tmp_path, sentence, check_id):
    text = LEAFLET.format(sentence + " Take 50 micrograms once a day.")
    assert findings_for(text, check_id, tmp_path) == []


@pytest.mark.parametrize("sentence, check_id, excerpt", [
    ('The pharmacist wrote "levothyroxine 100 µg QD" on the bag.', "NOT003", "QD"),  # quoted, not explained
    ("Take levothyroxine 100 µg QD before breakfast.", "NOT003", "QD"),
    ('You may see "mcg" on the box. Take levothyroxine 100 µg once a day.', "NOT002", "µg"),  # the dose is outside
])
def test_a_notation_the_page_uses_is_still_flagged(tmp_path, sentence, check_id, excerpt):
    got = findings_for(LEAFLET.format(sentence), check_id, tmp_path)
    assert [f.excerpt for f in got] == [excerpt]


THREAD_DOTS = """Can I take naproxen with my blood pressure tablets?
bex_r · 3 days ago
My GP has put me on naproxen 500mg twice a day and amlodipine 5mg once a day. Is that ok?
Reply   Like (2)
Dave_T62 · 2 days ago
I take 250mg three times a day and I'm fine.
Reply   Like (1)
"""

THREAD_POSTED = """Community questions: vitamin D for my toddler
Posted by sunnymum 5 hours ago
We give 10mcg a day from a dropper. Is that the right amount?
Posted by health_visitor_jo 2 hours ago
Yes, 10 mcg a day is what UK guidance suggests for under-fives. Our drops give 10mcg in one drop.
"""


@pytest.mark.parametrize("thread", [THREAD_DOTS, THREAD_POSTED])
def test_members_posts_are_not_respaced(tmp_path, thread):
    assert findings_for(thread, "NOT007", tmp_path) == []


def test_one_byline_does_not_make_a_thread(tmp_path):
    blog = ("Rolled your ankle?\nPosted by sam_physio 3 days ago\nWhat to take\n"
            "Take ibuprofen 400mg three times a day with food, for up to a week.\n")
    assert [f.excerpt for f in findings_for(blog, "NOT007", tmp_path)] == ["400mg"]


def test_the_page_above_the_first_post_is_still_checked(tmp_path):
    page = "Pain relief forum\nOur guide: paracetamol 500mg tablets, two at a time.\n" + THREAD_DOTS
    assert [f.excerpt for f in findings_for(page, "NOT007", tmp_path)] == ["500mg"]


THREAD_DATED = """Ibuprofen gel for a sprained wrist?
wristy_wendy · 14 Mar 2025 at 10:14
I use the 5% gel 4 times a day and take 400mg tablets too. Is that too much?
kim_pharm · Pharmacist · 14 Mar 2025 at 12:40
Using the gel and tablets together is not usually advised; use one or the other.
wristy_wendy wrote:
Thanks, I'll stop the 400mg tablets then.
"""


def test_dated_and_quoting_post_headers_make_a_thread(tmp_path):
    assert findings_for(THREAD_DATED, "NOT007", tmp_path) == []


def test_a_byline_with_bars_and_a_date_is_no_post_header(tmp_path):
    page = ("Wrist sprains\nBy Hannah Price, RGN | Updated 12 August 2026\n"
            "Reviewed by Dr. Sam Lee | 14 Mar 2025\nWhat to take\nIbuprofen 400mg three times a day with food.\n")
    assert [f.excerpt for f in findings_for(page, "NOT007", tmp_path)] == ["400mg"]
