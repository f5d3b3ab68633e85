"""An open encyclopedia's page (two signs: the site calls itself a free encyclopedia,
the foot says when the page was last edited or that its text is under an open licence)
is not asked for a signed author or a medical reviewer (REV005, REV006), nor for the
section cautions of an editor's dose section (DSC001, DSC002); its general-information
disclaimer is still asked (DSC003). One sign alone is no wiki. Pages written for this
test; none is in the corpus."""

from __future__ import annotations

import pytest
from datetime import date

from medlint.engine import Options, check_article
from support import article_from_text

IDS = frozenset({"REV005", "REV006", "DSC001", "DSC002", "DSC003"})
BODY = ("\nUses\nIbuprofen eases pain, fever and swelling.\n\nDosage\n"
        "Adults usually take 200 mg to 400 mg every 4 to 6 hours.\n")

MARKDOWN_WIKI = ("# Ibuprofen\n\n*From PharmaPedia, the free drug encyclopedia*\n" + BODY.replace("\nUses\n", "\n## Uses\n")
                 .replace("\nDosage\n", "\n## Dosage\n")
                 + "\n*This page was last edited on 2 October 2026. Text is available under the Creative Commons "
                 "Attribution licence.*\n")
PLAIN_WIKI = ("Ibuprofen\nFrom HealthWiki, the free encyclopedia of medicines\n" + BODY
              + "\nThis page was last modified on 14 September 2026.\nView history   Edit this page\n")
ONE_SIGN = "Ibuprofen\nFrom HealthWiki, the free encyclopedia of medicines\n" + BODY


def _ids(text, tmp_path, markdown=False) -> set[str]:
    folder = article_from_text(text, tmp_path, slug="page", markdown=markdown)
    result = check_article(folder, Options(today=date(2026, 11, 1), select=IDS))
    assert result.error is None, result.error
    return {f.check for f in result.findings}


@pytest.mark.parametrize("text, markdown", [(MARKDOWN_WIKI, True), (PLAIN_WIKI, False)])
def test_an_open_wiki_page_is_asked_only_its_general_disclaimer(text, markdown, tmp_path):
    assert _ids(text, tmp_path, markdown) == {"DSC003"}


def test_one_sign_of_a_wiki_leaves_the_byline_asked(tmp_path):
    assert {"REV005", "REV006"} <= _ids(ONE_SIGN, tmp_path)
