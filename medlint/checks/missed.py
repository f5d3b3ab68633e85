"""Missed doses (DOS012): advice to make up a missed dose by taking a double or extra one.

The wordings are ``double_up`` of checks/dosing.yaml: the advice, the words that say a sentence
is about a missed dose, and the words that refuse it ("Do not take a double dose to make up for a
forgotten one") or allow it once by the label ("even if this means taking two pills").
"""

from __future__ import annotations

import re

from medlint import policy
from medlint.checks.dosing import per_text, sentences_of, text_fields
from medlint.findings import Hit
from medlint.registry import check

_CLAUSE_MARK = re.compile(r"[,:;–—(]")
_REFUSAL_WINDOW = 40  # characters before the advice, within its clause, searched for "do not"


class DoubleUp:
    """The ``double_up`` wordings of checks/dosing.yaml, compiled once per data mapping."""

    def __init__(self, data: dict) -> None:
        spec = data["double_up"]

        def each(key):
            return [policy.compile_pattern(p, re.I, [p]) for p in spec[key]]

        self.source = spec["source"]
        self.missed, self.wordings = each("missed"), each("wordings")
        self.refusals, self.allowed = each("refusals"), each("allowed")

    def about_missed(self, text: str, a: int, b: int) -> bool:
        return any(p.search(text, a, b) for p in self.missed)

    def refused(self, text: str, sentence: tuple[int, int], at: int) -> bool:
        """Is the advice at ``at`` refused by the words before it in its clause ("Do not take two
        doses together"), or allowed once by its sentence ("take the missed pill with the next
        one, even if this means taking two pills in one day")?"""
        start = max(sentence[0], at - _REFUSAL_WINDOW)
        marks = [m.end() for m in _CLAUSE_MARK.finditer(text, start, at)]
        start = marks[-1] if marks else start
        if any(p.search(text, start, at) for p in self.refusals):
            return True
        return any(p.search(text, *sentence) for p in self.allowed)


def double_up(ctx) -> DoubleUp:
    return policy.derived(DoubleUp, ctx.data("dosing"))


def _advice(text: str, words: DoubleUp, asked: bool = False) -> tuple:
    """(start, end) of each piece of advice in ``text`` to make up a missed dose with more;
    ``asked``: the page asks about a missed dose (a forum thread's question "Missed two days of
    sertraline - should I double up?") or the text's heading is about one ("If you forget to
    take it"), so every piece of advice in it is about one."""
    if not asked and not words.about_missed(text, 0, len(text)):
        return ()
    found = sentences_of(text)
    out = []
    for pattern in words.wordings:
        for m in pattern.finditer(text):
            k = found.index(m.start())
            a, b = found.span(k)
            before = found.span(k - 1)[0] if k > 0 else a
            if not (asked or words.about_missed(text, before, b)) or words.refused(text, (a, b), m.start()):
                continue
            if text[a:b].rstrip().endswith("?"):
                continue  # "Should I take two at teatime to catch up?": a question asks; its answer is judged
            if not any(s < m.end() and m.start() < e for s, e in out):
                out.append((m.start(), m.end()))
    return tuple(sorted(out))


def _headed_missed(record, words: DoubleUp) -> bool:
    """Is the record under a heading about a missed dose ("If you forget to use NAPROSAN",
    "Missed doses")? A leaflet's section then gives its advice without saying "missed" again
    ("If it is almost time for your next dose, take two doses together to catch up")."""
    section = getattr(record, "section", None)
    heading = (getattr(section, "heading", None) or "") if section is not None else ""
    return bool(heading) and words.about_missed(heading, 0, len(heading))


def _asks_about_missed(text: str, words: DoubleUp) -> bool:
    """Does the text before a reply ask about a missed dose ("I forgot this morning's tablet
    completely ... What do I do?")? A chat's, a text thread's or a forum's reply then answers it:
    its advice is about that missed dose without saying "missed" again."""
    return "?" in text and words.about_missed(text, 0, len(text))


@check("DOS012", name="missed-dose-doubled", category="dosing", severity="error",
       fix="Say what the leaflet says: take the missed dose when you remember unless the next one is "
           "nearly due, and never take a double dose to make up for it.",
       bad=("Missed doses\n-\nIf you miss a dose of your medicine, take two doses next time to catch up.",
            "If you forget a tablet\n-\nIf you forget a tablet, double the next dose."),
       good=("Missed doses\n-\nIf you miss a dose, take it when you remember. Do not take two doses together "
             "to make up for a missed one.",
             "Missed pills\n-\nIf you miss one pill, take it as soon as you remember, even if this means taking "
             "two pills at the same time."))
def missed_dose_doubled(article, ctx):
    """A missed dose must not be made up with a double one.

    **What it does.** Flags advice to make up a missed or forgotten dose by taking more: "take
    two doses next time to catch up", "double the next dose", "take an extra tablet to make up
    for it" (checks/dosing.yaml ``double_up``), in a sentence about a missed dose (or right after
    one, or under a heading about one: a leaflet's "If you forget to use it"; or in the reply
    to a question about one: a text thread's "I forgot this morning's tablet ... What do I do?"). Silent when the sentence says not to ("Do not take a double dose to make up for a
    forgotten one") and when a double is allowed once by the label ("take it as soon as you
    remember, even if this means taking two pills at the same time": the combined pill).

    **Why it matters.** Two doses at once double the peak level: dizziness and unsteadiness
    with anti-seizure medicines, bleeding with anticoagulants, low blood sugar with diabetes
    tablets. Every patient leaflet says not to.

    **Example.** "If you miss a dose of your medicine, take two doses next time to catch up."

    **Fix.** "If you miss a dose, take it as soon as you remember, unless it is nearly time for
    the next one. Never take two doses together."

    **Source.** EMA QRD patient-leaflet template, section 3 ("Do not take a double dose to make
    up for a forgotten tablet"), as every UK and EU leaflet words it.
    """
    words = double_up(ctx)
    title = getattr(article, "title", None) or ""
    asked = title.rstrip().endswith("?") and words.about_missed(title, 0, len(title))
    previous = ""
    for record, field, text in text_fields(article):
        if not text:
            continue
        about = asked or _headed_missed(record, words) or _asks_about_missed(previous, words)
        previous = text
        for start, end in per_text(_advice, text, words, about):  # worked out once per text
            excerpt = text[start:end]
            yield Hit(record, excerpt=excerpt, start=start, field=field,
                      message=f"\"{excerpt}\" makes up a missed dose with a double or extra one; patient leaflets "
                              f"say never to ({words.source}).",
                      suggestion="Write: take the missed dose as soon as you remember, unless it is nearly time "
                                 "for the next one; never take two doses together to make up for a missed one.")
