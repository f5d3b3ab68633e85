"""Stage 3, quantities and units: every number or range with the unit after it, counts written
as words, and the per-day, per-kg and per-dose tails of an amount."""

from __future__ import annotations

import math
import re

from . import lexicon as _lexicon
from . import units as _units
from .model import Amount, AmountEnd, Piece, UnitToken
from .numbers import _parse_value, _PLAIN_NUM_AT, _VALUE_AT, _VALUE_RE
from .text import _lazy, normalize, _Spans


_UNIT_RE = _lazy(
    r"(?P<sp>[ ]{0,2}|-)(?P<u>international units?|per cent|finger-?tip units?|%|°"
    r"|[A-Za-zµ]+)(?![A-Za-zµ])"
)
_SEP_RE = _lazy(r"(?<![ ])(?P<pre>[ ]*)(?P<sep>-|to|or)(?P<post>[ ]*)(?=[\d.])", re.I)

# words that can follow a number without being its unit
_STOP_WORDS = frozenset("""
every each times time twice thrice daily a an at to and or with without for in of on off per
the than then as by from up max maximum not no do dose doses tid bid qid qd qod qhs hs prn
iv im sc sq po od bd tds qds nightly weekly monthly yearly annually once single stat orally
oral x is are was be day-old mg/kg after before until over under about approximately
""".split())

_PER_DAY_RE = _lazy(
    r"(?<![ ])(?P<q>[ ]+(?:elemental|total|base|daily))?"
    r"(?P<per>[ ]?/[ ]?(?:day|d|24[ ]?h(?:ours?|rs?)?)(?![A-Za-z])"
    r"|[ ]+(?:per|a|each|every)[ ]+day(?![A-Za-z])"
    r"|[ ]+daily[ ]+total(?![A-Za-z])"
    r"|[ ]+(?:per|in|every)[ ]+24[ ]?h(?:ours?|rs?)?(?![A-Za-z]))",
    re.I,
)
_PER_KG_RE = _lazy(r"(?<![ ])(?:[ ]?/[ ]?kg(?![A-Za-z])|[ ]+(?:per|a|each)[ ]+(?:kg|kilogram|kilo)(?![A-Za-z]))", re.I)
_PER_DOSE_RE = _lazy(r"(?<![ ])(?:[ ]?/[ ]?dose(?![A-Za-z])|[ ]+per[ ]+dose(?![A-Za-z]))", re.I)
# "10 mg/mL", "125 mg/5 mL", "120mg/5ml", "160 mg/800 mg" (a combination's two strengths)
# "25 micrograms/hour", "4.6 mg/24 h", "25 mg/16 hours": what a patch delivers in a time
_RATE_RE = _lazy(r"[ ]?/[ ]?(?:\d{1,2}[ ]?)?(?:hours?|hrs?|hr|h)(?![A-Za-z])", re.I)
_CONC_RE = _lazy(r"[ ]?/[ ]?(?:\d{1,4}(?:\.\d{1,3})?[ ]?)?(?P<d>mL|ml|cc|L|g|mg|mcg|µg"
                 r"|tab(?:let)?|cap(?:sule)?|actuation|puff|spray|drop)(?![A-Za-z])")
_FROM_TITRATION_RE = _lazy(
    r"\b(?:increas|titrat|escalat|reduc|decreas|taper)\w*(?:[ ]+\w+)?[ ]+from[ ]*$", re.I)


def _classify_unit(word: str, sp: str) -> tuple[str | None, str] | None:
    """(canonical, kind) for a unit word, or None if the word is no unit."""
    spl = _units.lookup_spelling(word)
    if spl is not None:
        return spl.unit, spl.kind
    if sp == "-":
        return None  # "5-LOX": a name, not a unit
    low = word.lower()
    if low in _STOP_WORDS or len(word) > 14 or low in _lexicon.lexicon().stop_words:
        return None
    return None, "unknown"


def _unit_at(text: str, norm: str, pos: int) -> UnitToken | None:
    m = _UNIT_RE.match(norm, pos)
    if not m:
        return None
    word = m.group("u")
    sp = m.group("sp")
    # "1,000 mg" ok; reject a unit after "-" unless lexicon knows it (8-mm)
    cls = _classify_unit(word, sp)
    if cls is None:
        # two-word spellings ("international units", "per cent") already in regex
        return None
    canon, kind = cls
    a, b = m.start("u"), m.end("u")
    if kind == "unknown":
        nm = _UNIT_RE.match(norm, b)
        spl = _units.lookup_spelling(nm.group("u")) if nm and nm.group("sp") == " " else None
        if spl is not None and spl.kind == "count":
            a, b = nm.start("u"), nm.end("u")  # "1 or 2 extra tablets": the unit is "tablets"
            canon, kind = spl.unit, spl.kind
    return UnitToken(text[a:b], (a, b), canon, kind)


def _end(text: str, norm: str, m: re.Match, unit: UnitToken | None) -> AmountEnd:
    a, b = m.start(), m.end()
    e = unit.span[1] if unit is not None else b
    try:
        value = _parse_value(text[a:b])
    except (ValueError, OverflowError):
        value = float("nan")
    if not math.isfinite(value):
        value = float("nan")
    return AmountEnd(value, Piece(text[a:b], (a, b)), unit, text[a:e], (a, e))


def _scan_amounts(text: str, norm: str) -> list[Amount]:
    """Every number (or range) with the unit that follows it, if any."""
    out: list[Amount] = []
    pos = 0
    for m in _VALUE_RE.finditer(norm):
        if m.start() < pos:
            # a number cut by the previous range ("1 or 2 500 mg": "2 500" read as 2, then 500 mg)
            m = _VALUE_RE.search(norm, pos) if m.end() > pos else None
            if m is None or m.start() < pos:
                continue
        mult = _multiplier_at(norm, m.end())
        if mult is not None:  # "60K sachet", "1 lakh IU"
            lo = _multiplied(text, norm, m, *mult)
            out.append(Amount(lo, None, None, lo.raw, lo.span))
            pos = lo.span[1]
            continue
        # "5-LOX", "10-day" handled by unit classification; skip name-glued numbers
        nxt = norm[m.end():m.end() + 1]
        if nxt.isalpha() and _unit_at(text, norm, m.end()) is None and norm[m.end():m.end() + 1].lower() != "x":
            pos = m.end()
            # number glued to an unknown word: "3D", "2nd" -> not a quantity
            continue
        if norm[m.end():m.end() + 1] == "-" and norm[m.end() + 1:m.end() + 2].isalpha() \
                and _unit_at(text, norm, m.end()) is None:
            continue  # "5-LOX"
        lo_unit = _unit_at(text, norm, m.end())
        lo = _end(text, norm, m, lo_unit)
        k = lo.span[1]
        high = None
        sep_piece = None
        sm = _SEP_RE.match(norm, k)
        if sm:
            spaced = bool(sm.group("pre") or sm.group("post"))
            is_to = sm.group("sep").lower() in ("to", "or")
            ok = not (lo_unit is not None and spaced and not is_to)
            if lo_unit is not None and lo_unit.kind == "time":
                ok = False
            if is_to and _FROM_TITRATION_RE.search(norm[max(0, m.start() - 40):m.start()]):
                ok = False
            if ok:
                hm = _VALUE_AT.match(norm, sm.end())
                if hm and " " in hm.group(0):
                    hm = _PLAIN_NUM_AT.match(norm, sm.end())  # "1 or 2 500 mg tablets": 2, then 500 mg
                if hm and not (hm.end() < len(norm) and (norm[hm.end()].isdigit()
                               or (norm[hm.end()] == "-" and norm[hm.end() + 1:hm.end() + 2].isalpha()
                                   and _unit_at(text, norm, hm.end()) is None))):
                    hi_unit = _unit_at(text, norm, hm.end())
                    if lo_unit is not None and hi_unit is None:
                        pass  # "5 mg - 10": not a range
                    else:
                        high = _end(text, norm, hm, hi_unit)
                        sa, sb = sm.start("sep"), sm.end("sep")
                        sep_piece = Piece(text[sa:sb], (sa, sb))
        end = high.span[1] if high is not None else lo.span[1]
        a = m.start()
        out.append(Amount(lo, high, sep_piece, text[a:end], (a, end)))
        pos = end
    return out


def _multiplier_at(norm: str, end: int) -> tuple[float, int, bool] | None:
    """(factor, end, glued) of a multiplier right after a number: a suffix glued to it ("60K")
    or a word after it ("1 lakh"), as checks/dose-lexicon.yaml's ``number_multipliers`` lists
    them; None when there is none."""
    lex = _lexicon.lexicon()
    m = lex.suffix_rx.match(norm, end)
    if m is not None and m.group("s") in lex.suffixes:
        return lex.suffixes[m.group("s")], m.end(), True
    m = lex.multiplier_word_rx.match(norm, end)
    if m is not None:
        return lex.multiplier_words[m.group("s").lower()], m.end(), False
    return None


def _multiplied(text: str, norm: str, m: re.Match, factor: float, end: int, glued: bool) -> AmountEnd:
    """The amount of a number with its multiplier ("60K" is 60,000), with the unit after it ("1
    lakh IU"); a suffixed number with no unit of its own before a count form ("one 60K sachet")
    is in the lexicon's ``suffix_unit_before_forms`` (a sachet of 60,000 IU), the form left to
    the forms' stage."""
    a = m.start()
    try:
        value = _parse_value(text[a:m.end()]) * factor
    except (ValueError, OverflowError):
        value = float("nan")
    unit = _unit_at(text, norm, end)
    suffix_unit = _lexicon.lexicon().suffix_unit
    if glued and suffix_unit and (unit is None or unit.kind in ("count", "unknown")) and _count_form_at(norm, end):
        spl = _units.lookup_spelling(suffix_unit)
        unit = UnitToken(text[m.end():end], (m.end(), end), spl.unit, spl.kind) if spl is not None else None
    elif unit is not None and unit.kind in ("unknown", "count"):
        unit = None  # "50K a month", "60K sachets": no unit of its own
    e = unit.span[1] if unit is not None else end
    return AmountEnd(value, Piece(text[a:end], (a, end)), unit, text[a:e], (a, e))


_FORM_REACH = 4  # words after a suffixed number where its count form may stand ("60K vitamin D3 sachet")


def _count_form_at(norm: str, pos: int) -> bool:
    """Does a count form ("sachet", "capsule", "tablet") follow ``pos`` within a few words,
    with no number between ("60K sachet", "60K vitamin D sachet")?"""
    for _ in range(_FORM_REACH):
        nm = _UNIT_RE.match(norm, pos)
        if nm is None or nm.group("sp") != " ":
            return False
        spl = _units.lookup_spelling(nm.group("u"))
        if spl is not None and spl.kind == "count":
            return True
        pos = nm.end()
        if norm[pos:pos + 1].isdigit():  # "vitamin D3": a name's digit, glued; the next word after it
            pos += 1
    return False


# public entry points


def find_quantities(text: str) -> list[Amount]:
    """Every number(+range)+unit token in ``text`` (units may be None for a
    bare number, or carry ``kind == "unknown"`` for an unreadable word).

    This does not decide what is a dose; a units check can inspect each
    token's ``unit.kind``, ``unit.pint_known()`` and ``unit.dimension()``.
    """
    if not isinstance(text, str):
        raise TypeError("text must be str")
    return _scan_amounts(text, normalize(text))


def _with_word_counts(text: str, norm: str, amounts: list[Amount]) -> list[Amount]:
    """``amounts`` plus the counts written as words ("take two", "ONE tablet",
    "half a tablet"), in text order.  A word count becomes a dose only where a
    number would: with a dose unit or form after it, or a frequency."""
    lex = _lexicon.lexicon()
    taken = _Spans([a.span for a in amounts])
    extra: list[Amount] = _roman_ranges(text, norm, taken)  # "i-ii tabs"
    taken = _Spans([a.span for a in amounts + extra])
    words = [(m, lex.numbers[m.group(0).lower()]) for m in lex.number_rx.finditer(norm)]
    words += [(m, lex.roman[m.group(0)]) for m in lex.roman_rx.finditer(norm)]  # "ii tds"
    echoes = []  # "two (2) capsules": the digits that repeat a count in words
    for m, value in words:
        if taken.overlaps(m.span()):
            continue
        a, b = m.span()
        echo = _ECHO.match(norm, b)
        if echo is not None and float(echo.group("d")) == value:
            echoes.append(echo.span())
            b = echo.end()
        unit_at = b
        art = _ARTICLE_RE.match(norm, b)  # "half a tablet"
        if art and m.group(0).lower() == "half":
            unit_at = art.end()
        unit = _unit_at(text, norm, unit_at)
        if unit is not None and unit.kind != "count":
            unit = None if unit.kind == "unknown" else unit
        end = unit.span[1] if unit is not None else b
        low = AmountEnd(value, Piece(text[a:b], (a, b)), unit, text[a:end], (a, end))
        extra.append(Amount(low, None, None, text[a:end], (a, end)))
    if not extra:
        return amounts
    if echoes:
        echoed = _Spans(echoes)
        amounts = [am for am in amounts if not echoed.overlaps(am.span)]
    return _word_ranges(text, norm, sorted(amounts + extra, key=lambda am: am.span[0]), extra)


# a count in words repeated in digits, as electronic prescriptions print it: "two (2)"
_ECHO = _lazy(r"[ ]\((?P<d>\d{1,2})\)")


def _roman_ranges(text: str, norm: str, taken: _Spans) -> list[Amount]:
    """Ranges of two Latin numerals with a count form after them ("i-ii tabs", "i to ii caps")."""
    lex = _lexicon.lexicon()
    out = []
    for m in lex.roman_range_rx.finditer(norm):
        lo, hi = lex.roman[m.group("a")], lex.roman[m.group("b")]
        unit = _unit_at(text, norm, m.end())
        if taken.overlaps(m.span()) or lo >= hi or unit is None or unit.kind != "count":
            continue
        a, e = m.start(), unit.span[1]
        (la, lb), (ha, hb) = m.span("a"), m.span("b")
        low = AmountEnd(lo, Piece(text[la:lb], (la, lb)), None, text[la:lb], (la, lb))
        high = AmountEnd(hi, Piece(text[ha:hb], (ha, hb)), unit, text[ha:e], (ha, e))
        sa, sb = m.span("sep")
        sa, sb = (sa + 1, sb - 1) if text[sa] == " " else (sa, sb)
        sep = Piece(text[sa:sb], (sa, sb))
        out.append(Amount(low, high, sep, text[a:e], (a, e)))
    return out


# between the ends of a range written with a word: "one or two", "half to one", "one to 2"
_WORD_RANGE_SEP = _lazy(r"[ ]{1,2}(?P<sep>to|or|-)[ ]{1,2}", re.I)


def _word_ranges(text: str, norm: str, amounts: list[Amount], words: list[Amount]) -> list[Amount]:
    """Join a bare count and the count after it into one range when either is written as a
    word ("one or two tablets", "half to one tablet"): the range takes the second's unit."""
    worded = {id(a) for a in words}
    out: list[Amount] = []
    for am in amounts:
        prev = out[-1] if out else None
        if prev is not None and prev.unit is None and prev.high is None and am.high is None \
                and (id(prev) in worded or id(am) in worded):
            m = _WORD_RANGE_SEP.match(norm, prev.span[1])
            if m is not None and m.end() == am.span[0] and prev.low.value < am.low.value:
                sep = Piece(text[m.start("sep"):m.end("sep")], (m.start("sep"), m.end("sep")))
                a, b = prev.span[0], am.span[1]
                out[-1] = Amount(prev.low, am.low, sep, text[a:b], (a, b))
                continue
        out.append(am)
    return out


_ARTICLE_RE = _lazy(r"(?<![ ])[ ]{1,3}an?(?=[ ]{1,3}[A-Za-z])", re.I)


# between a count and the strength of what is counted: "2 x 500mg", "1 or 2 tablets of 500 mg", "two 500 mg"
_COUNT_OF = _lazy(r"[ ]{1,2}(?:x[ ]{0,2}|of[ ]{1,2})?")


def _count_of_strength_at(norm: str, end: int, starts_of: dict) -> bool:
    """Does a mass or activity amount, or a measured volume ("5ml spoonfuls"), follow the
    bare number ending at ``end``?"""
    m = _COUNT_OF.match(norm, end)
    nxt = starts_of.get(m.end()) if m else None
    return nxt is not None and nxt.unit is not None and not nxt.is_range and (
        nxt.unit.kind in ("mass", "activity") or spoonful(norm, nxt))


def spoonful(norm: str, am: Amount) -> bool:
    """Is ``am`` the volume of a measuring spoon ("5ml spoonfuls", "5 ml spoon")?"""
    return am.unit is not None and am.unit.kind == "volume" and \
        _lexicon.lexicon().spoon.match(norm, am.span[1]) is not None
