"""Stage 1, normalise: the length-preserving fold of a text (offsets never drift), the lazily
compiled pattern, and span bookkeeping shared by the later stages."""

from __future__ import annotations

import bisect

from medlint.prefilter import LazyPattern


# normalisation (length preserving: one character in, one character out)

_FOLD = str.maketrans({
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-",
    "\u2015": "-", "\u2212": "-", "\ufe63": "-", "\uff0d": "-",
    "\u00a0": " ", "\u2007": " ", "\u2009": " ", "\u200a": " ", "\u202f": " ",
    "\t": " ", "\u3000": " ",
    "\u03bc": "\u00b5",  # Greek mu -> micro sign
    "\u00d7": "x", "\u2715": "x", "\u2a2f": "x",
    "\u2019": "'",
})


def normalize(text: str) -> str:
    """Length-preserving fold used internally; exposed for tests and checks."""
    out = text.translate(_FOLD)
    assert len(out) == len(text)
    return out


# lexical patterns


# A regex compiled on first use, so importing this module stays cheap (compiling
# all patterns up front costs ~20 ms), and searched only in a text holding one of
# its literals (medlint.prefilter).
_lazy = LazyPattern

# a sentence ends here and the next opens on a capital ("... is another option. Vaginal oestrogen
# can be used"; "Bro I did exactly this. Just take one"): the stages that ask whether a sentence
# ends between two places (assemble, substance)
SENTENCE_END_BEFORE_CAPITAL = _lazy(r"[.!?][ ]{1,3}(?=[A-Z])")


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


class _Spans:
    """Spans asked "does any of you overlap (or hold) this one?" in logarithmic time, so
    a text with thousands of doses is not compared pair by pair."""

    __slots__ = ("starts", "reach")

    def __init__(self, spans) -> None:
        spans = sorted(spans)
        self.starts = [a for a, _ in spans]
        self.reach = []  # reach[i]: the largest end among spans[:i + 1]
        top = -1
        for _, b in spans:
            top = max(top, b)
            self.reach.append(top)

    def overlaps(self, span: tuple[int, int]) -> bool:
        i = bisect.bisect_left(self.starts, span[1])  # spans starting before this one ends
        return i > 0 and self.reach[i - 1] > span[0]

    def holds(self, a: int, b: int) -> bool:
        i = bisect.bisect_right(self.starts, a)  # spans starting at or before a
        return i > 0 and self.reach[i - 1] >= b


def _sentence(norm: str, pos: int) -> tuple[int, int]:
    """Bounds of the sentence around ``pos`` (at most 300 characters either way)."""
    lo = max(0, pos - 300)
    cut = max(norm.rfind(c, lo, pos) for c in ".!?\n")
    a = cut + 1 if cut >= 0 else lo
    ends = [i for i in (norm.find(c, pos, pos + 300) for c in ".!?\n") if i >= 0]
    return a, min(ends) if ends else min(len(norm), pos + 300)
