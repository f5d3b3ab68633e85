"""CON005 (text cut off mid-sentence) as pages get cut: a scrape that stops inside a dose,
a paywall that swallows a numbered exercise, a list that loses its last foods, an FAQ
answer broken off, a comma where the text ran out; and the endings that look short but
are whole (a particle, a colon before a list, a bracket, a table row). Every sentence here
is written for this test.

The articles are built as records (not imported), so the tests pin the check and its
data, not the importer's reading of a page."""

from __future__ import annotations


import pytest

from medlint.engine import Options, check_article
from medlint.registry import EXAMPLE_TODAY
from support import article_from_records

META = {"title": "Example", "slug": "example", "language": "en"}


def found(root, sections) -> list[str]:
    folder = article_from_records(root, META, [{"heading": head, "level": 1, "kind": "other", "blocks": blocks}
                                               for head, blocks in sections])
    result = check_article(folder, Options(today=EXAMPLE_TODAY, select=frozenset({"CON005"})))
    assert result.error is None, result.error
    return [f.excerpt for f in result.findings]


def _para(text):
    return {"paragraph": text}


def _list(*items):
    return {"style": "bullet", "list": [{"text": t} for t in items]}


CUT = [
    # a dose that loses its maximum at the end of a scraped page
    [_list("Zolmitriptan 2.5 mg when the headache starts; a second tablet after 2 hours if it returns, "
           "but no more than")],
    # a numbered exercise swallowed by a paywall (the prompt is chrome)
    [_list("Heel raises: rise onto your toes ten times.", "Calf stretch: lean into the wall with the back knee"
           " straight and the heel on the"), {"chrome": "Subscribers read on. Log in"}],
    # a list of foods that runs out
    [_para("Iron is found in red meat and in plant foods. Good plant sources include lentils, beans, tofu, "
           "dark leafy greens, dried apricots and")],
    # an FAQ answer broken off
    [{"faq": [{"question": "How long does it take to work?",
               "answer": "Most people notice less pain within a week, though it can take longer if your"}]}],
    # a comma where the copied text ran out
    [_para("Common triggers are cheese, chocolate, red wine,")],
    # a sentence that stops on a comparison
    [_para("Children recover faster than")],
]


@pytest.mark.parametrize("blocks", CUT)
def test_a_section_that_stops_mid_sentence_is_flagged(tmp_path, blocks):
    assert len(found(tmp_path, [("Treatment", blocks), ("Next steps", [_para("See your GP if it lasts.")])])) == 1


WHOLE = [
    [_para("Stand up slowly and sit back down.")],
    [_list("Stand up", "Log in", "Turn the light off")],  # particles close a sentence
    [_para("The foods to avoid are:")],                    # a colon opens what follows
    [_para("Ask your pharmacist (or your GP)")],
    [_list("Pain relief", "Ice and rest", "Physiotherapy")],
    [{"style": "pipe", "table": ["| Age | Dose |", "| 6 to 11 years | 5 ml and |"]}],
    [_para("It is what the tablets are made of.")],
    [_para("Keep it on"), _list("Walk daily", "Swim twice a week")],  # a list follows in the section
]


@pytest.mark.parametrize("blocks", WHOLE)
def test_a_complete_ending_is_not_flagged(tmp_path, blocks):
    assert found(tmp_path, [("Treatment", blocks)]) == []


def test_only_the_last_text_of_a_section_is_read(tmp_path):
    # "such as" ends a paragraph that introduces the list after it
    blocks = [_para("Try gentle activities, such as"), _list("walking", "swimming")]
    assert found(tmp_path, [("Keeping active", blocks)]) == []
    # the excerpt is the last four words, as printed
    blocks = [_para("It works best with a warm-up of")]
    assert found(tmp_path / "b", [("Exercise", blocks)]) == ["with a warm-up of"]
