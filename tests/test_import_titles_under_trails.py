"""A title under a breadcrumb trail, past the site's chrome, in styles the corpus lacks.

Set 8 (articles 133-144) printed the site's name, banners, menus, a language switch or
opening hours over a breadcrumb trail, and the title under the trail (sometimes past a
'Print this file' line). The trail says where the page sits: what stands over it is the
site's furniture, and the first title-like line under it is the title. Pages written for
these tests; none is in the corpus.
"""

from __future__ import annotations

import pytest

from medlint.exporter import export_article, words
from medlint.records.store import load_article
from support import article_from_text, read

BODY = "\nWhat is it?\nA common problem that usually clears up on its own within a week or two.\n"

SHOP_BANNER = """\
Riverside Family Pharmacy
Free local delivery on prescriptions over 20 pounds
Advice > Common conditions > Hay fever
Hay fever: which antihistamine suits you?
""" + BODY
LANGUAGE_SWITCH = """\
Apotheke zum Löwen
Deutsch | English | Italiano
Mon-Sat 8.00-19.00   Tel. +41 44 555 00 11

Ratgeber > Skin
Cold sores: treating them early
""" + BODY
PRINT_LINE_UNDER_TRAIL = """\
Prairie Health Link
Topics   Services   Call 8-1-1
Health Files > Medicines > File 42b
Print this fact sheet

Giving Ibuprofen to Children
""" + BODY
TWO_PART_TRAIL = """\
Lakeside Poison Line
Call us any time: 0800 123 456 | free and confidential
Blog > Safety at home
Button batteries and small children: what to do
""" + BODY


@pytest.mark.parametrize("text, title", [
    (SHOP_BANNER, "Hay fever: which antihistamine suits you?"),
    (LANGUAGE_SWITCH, "Cold sores: treating them early"),
    (PRINT_LINE_UNDER_TRAIL, "Giving Ibuprofen to Children"),
    (TWO_PART_TRAIL, "Button batteries and small children: what to do"),
])
def test_the_first_title_like_line_under_the_trail_is_the_title(text, title, tmp_path):
    meta, _ = read(text)
    assert meta["title"] == title
    loaded = load_article(article_from_text(text, tmp_path, slug="page"))
    assert not loaded.violations, loaded.violations[:3]
    assert words(export_article(loaded.article, "text")) == words(text)


def test_a_page_whose_text_begins_before_the_trail_keeps_its_first_line_title():
    text = "Hay fever: which antihistamine suits you?\n" \
        "Most people with hay fever find a daily antihistamine tablet helps a great deal.\n" \
        "Advice > Common conditions > Hay fever\n" + BODY
    meta, _ = read(text)
    assert meta["title"] == "Hay fever: which antihistamine suits you?"


def test_a_label_straight_over_a_longer_title_under_the_trail_is_not_taken_for_it():
    text = "County Health Agency\nHome > Health > Weather\n\nGuidance\n" \
        "Cold weather and your medicines: keeping them safe\n\nPractical advice for the winter months.\n" + BODY
    meta, _ = read(text)
    assert meta["title"] != "Guidance"
