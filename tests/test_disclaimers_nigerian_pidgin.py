"""The general-information disclaimer in Nigerian Pidgin, whose copula is "na" and whose
"it does not" is "e no" (sentences written for this test, a blog in plain text and a
clinic's Markdown page): "this post na general health education", "E no replace your
doctor" say what the English disclaimer says; a page that says neither is still asked."""

from __future__ import annotations

from support import findings_for

BLOG = ("Catarrh and cough for rainy season\nBy Pharm. Ngozi Eze, B.Pharm\nPublished 4 May 2026\n\n"
        "What to do\nDrink warm water and rest well.\n\n"
        "Abeg note: wetin we write here na general information. E no replace your doctor.\n")
CLINIC = ("# Ringworm: how to treat am\n\nReviewed 2 June 2026\n\n## Wetin to do\n\n"
          "Wash the place and keep am dry.\n\n"
          "*This page na just general health advice; e no fit replace wetin your own doctor talk.*\n")
SILENT = ("Catarrh and cough for rainy season\nBy Pharm. Ngozi Eze, B.Pharm\nPublished 4 May 2026\n\n"
          "What to do\nDrink warm water and rest well.\n")


def test_pidgin_disclaimers_are_the_article_disclaimer(tmp_path):
    assert findings_for(BLOG, "DSC003", tmp_path / "a") == []
    assert findings_for(CLINIC, "DSC003", tmp_path / "b", markdown=True) == []


def test_a_page_saying_neither_is_still_asked(tmp_path):
    assert [f.check for f in findings_for(SILENT, "DSC003", tmp_path)] == ["DSC003"]
