"""The per-text memo the checks share (medlint.checks.dosing.per_text): each answer about a
text is worked out once while an article is checked, an edited article reuses the answers
about the texts it kept, and the texts it no longer holds are let go (a language server
re-checks an article at every edit: memory must stay flat)."""

from __future__ import annotations

import re
from types import SimpleNamespace

from medlint.checks.dosing import _answers, per_text, searched, text_fields


class _Article:
    def __init__(self, *texts: str):
        self.records = [SimpleNamespace(text=t) for t in texts]

    def texts(self):
        return iter(self.records)

    def once(self, build, *data):  # an Article works it out once; asked again here, the same answer
        return build(self, *data)


def _read(article, func, *args) -> list:
    return [per_text(func, text, *args) for _, _, text in text_fields(article)]


def _counting():
    calls = []

    def words(text: str, sep: str = " ") -> tuple:
        calls.append(text)
        return tuple(text.split(sep))

    return words, calls


def test_an_answer_is_worked_out_once_per_text_while_the_article_is_checked():
    words, calls = _counting()
    article = _Article("take 1 tablet", "take 1 tablet", "see a doctor")
    assert _read(article, words) == [("take", "1", "tablet"), ("take", "1", "tablet"), ("see", "a", "doctor")]
    assert _read(article, words) == _read(article, words)  # another check asks again
    assert sorted(calls) == ["see a doctor", "take 1 tablet"]


def test_other_arguments_are_other_questions():
    words, calls = _counting()
    article = _Article("a-b c")
    assert _read(article, words) == [("a-b", "c")]
    assert _read(article, words, "-") == [("a", "b c")]
    assert calls == ["a-b c", "a-b c"]


def test_an_edit_reuses_the_texts_it_kept_and_drops_the_others():
    words, calls = _counting()
    texts = [f"text {i}" for i in range(50)]
    _read(_Article(*texts), words)
    for edit in range(200):  # the edited text changes at every edit, as an editor types
        calls.clear()
        edited = _Article(*texts[:-1], f"text 49, edit {edit}")
        _read(edited, words)
        assert calls == [f"text 49, edit {edit}"]
    # held: this article's texts and the last one's (the edited text of each), never the 200 edits
    assert len(_answers.memo) + len(_answers.previous) <= 2 * len(texts) + 2
    assert "text 49, edit 0" not in _answers.memo and "text 49, edit 0" not in _answers.previous


def test_searched_answers_true_or_false_for_a_pattern_or_a_cue_list():
    class Cues:  # a family's cue list: search answers True or False
        def search(self, text):
            return "dose" in text

    article, cues, dose = _Article("one dose a day", "no match here"), Cues(), re.compile(r"\bdose\b")
    found = [(searched(dose, t), searched(cues, t)) for _, _, t in text_fields(article)]
    assert found == [(True, True), (False, False)]


def test_a_memo_never_told_of_an_article_stays_bounded(monkeypatch):
    """The disclaimer or claims checks alone never walk text_fields: every edit's new text
    would stay in the memo for good without a bound."""
    words, calls = _counting()
    monkeypatch.setattr(type(_answers), "limit", 100)
    for edit in range(1_000):
        per_text(words, f"the edited text, edit {edit}")
    assert len(_answers.memo) <= 100 and len(_answers.previous) <= 100
    calls.clear()
    per_text(words, "the edited text, edit 999")  # the latest are still read
    assert calls == []
