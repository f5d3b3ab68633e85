"""Stage 4, modifiers: frequencies, as-needed wordings, routes, forms, durations, tapers and
titration markers, each with its span."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import Any

from medlint.prefilter import haystack

from . import lexicon as _lexicon
from .grids import find_grids, grid_frequency
from .model import _COUNT_FORM_NAMES, Duration, Form, Frequency, _piece, Route
from .numbers import _H, _N, _N_HALF, _WORD_NUM, _num_word
from .text import _lazy, normalize


# frequency ------------------------------------------------------------------

_FREQ_PATTERNS: list[tuple[str, _lazy, Any]] = []


def _freq(kind: str, pattern: str, value: Any, flags: int = re.I) -> None:
    _FREQ_PATTERNS.append((kind, _lazy(pattern, flags), value))


def _echoes_agree(m: re.Match) -> bool:
    """Does each number's repeat in words ("6 (six)") say the same number? (No repeat agrees.)"""
    pairs = [(m.groupdict().get(n), m.groupdict().get(e)) for n, e in (("a", "ea"), ("b", "eb"))]
    return all(word is None or word.lower() in _WORD_NUM and float(_WORD_NUM[word.lower()]) == _num_word(num)
               for num, word in pairs if num is not None)


def _every_hours(m: re.Match) -> tuple[float, tuple[float, float]]:
    if not _echoes_agree(m):
        return (None, None)  # type: ignore[return-value]  # "every 6 (eight) hours": which is meant?
    lo = _num_word(m.group("a"))
    hi = _num_word(m.group("b")) if m.group("b") else lo
    lo, hi = min(lo, hi), max(lo, hi)
    if lo <= 0:
        return (None, None)  # type: ignore[return-value]
    return 24.0 / lo, (lo, hi)


# ("after each 4 hr of dialysis" is a dose per session of something else, not an interval)
# ("every 6 (six) hours": an electronic prescription repeats the number in words; _echoes_agree)
_freq("interval", rf"\b(?:every|each)[ ]+(?P<a>{_N_HALF})(?:[ ]\((?P<ea>[a-z]{{3,9}})\))?"
      rf"(?:[ ]?(?:-|to)[ ]?(?P<b>{_N_HALF})(?:[ ]\((?P<eb>[a-z]{{3,9}})\))?)?"
      rf"[ ]?{_H}(?![ ]+of[ ])", _every_hours)
_freq("interval", rf"\bq\.?[ ]?(?P<a>\d+)(?:[ ]?(?:-|to)[ ]?(?P<b>\d+))?[ ]?{_H}", _every_hours)
# "every hour or two" (nicotine gum, lozenges): every 1 to 2 hours
_freq("interval", r"\b(?:every|each)[ ]+hour[ ]+or[ ]+two\b", lambda m: (24.0, (1.0, 2.0)))
_freq("interval", r"\b(?:every|each)[ ]+hour\b|\bhourly\b", lambda m: (24.0, (1.0, 1.0)))
_freq("interval", rf"\b(?:every|each)[ ]+(?P<a>{_N})(?:[ ]?(?:-|to)[ ]?(?P<b>{_N}))?[ ]?(?:min(?:utes?|s)?)(?![A-Za-z])",
      lambda m: (1440.0 / _num_word(m.group("a")), None) if _num_word(m.group("a")) > 0 else (None, None))
# "every 30 to 60 seconds" (a reliever in an attack): at most as often as the shortest gap
_freq("interval", rf"\b(?:every|each)[ ]+(?P<a>{_N})(?:[ ]?(?:-|to)[ ]?(?P<b>{_N}))?[ ]?(?:sec(?:ond)?s?)(?![A-Za-z])",
      lambda m: (86400.0 / _num_word(m.group("a")), None) if _num_word(m.group("a")) > 0 else (None, None))
_freq("every_n_days", rf"\b(?:every|each)[ ]+(?P<a>{_N})(?:[ ]?(?:-|to)[ ]?(?P<b>{_N}))?[ ]?days?\b",
      lambda m: (1.0 / _num_word(m.group("a")), None) if _num_word(m.group("a")) > 0 else (None, None))
_freq("every_n_weeks", rf"\b(?:every|each)[ ]+(?P<a>{_N})(?:[ ]?(?:-|to)[ ]?(?P<b>{_N}))?[ ]?(?:weeks?|wks?)\b",
      lambda m: (1.0 / (7 * _num_word(m.group("a"))), None) if _num_word(m.group("a")) > 0 else (None, None))
_freq("every_n_months", rf"\b(?:every|each)[ ]+(?P<a>{_N})(?:[ ]?(?:-|to)[ ]?(?P<b>{_N}))?[ ]?months?\b",
      lambda m: (1.0 / (30 * _num_word(m.group("a"))), None) if _num_word(m.group("a")) > 0 else (None, None))
_freq("every_other_day", r"\bevery[ ]+other[ ]+day\b|\b(?:on[ ]+)?alternate[ ]+days\b|\bq\.?o\.?d\.?(?![A-Za-z])", 0.5)
def _times(per: float):
    """The rate of "N times a day" / "N to M times a week" (``per`` days): (most, None, fewest)."""
    def rate(m: re.Match) -> tuple[float, None, float | None]:
        a = _num_word(m.group("a"))
        b = _num_word(m.group("b")) if m.group("b") else a
        return max(a, b) / per, None, (min(a, b) / per if b != a else None)
    return rate


_TIMES = r"(?:\d{1,6}(?:\.\d{1,6})?|one|two|three|four|five|six|seven|eight|once|twice|thrice)"
# a count of times: "3 times", "3 x", "3-4 times", or once/twice/thrice; a bare number before
# "daily" is a count of units ("Ramipril 5mg caps 1 daily", "one daily"), not of times
# ("three (3) times daily": the count in words repeated in digits, as electronic prescriptions print it)
_TIMES_OF = (rf"(?P<a>{_TIMES})(?:[ ]\(\d{{1,2}}\))?(?:[ ]?(?:-|to|or)[ ]?(?P<b>{_TIMES}))?"
             r"(?:[ ]?(?:times|x)|(?<=once)|(?<=twice)|(?<=thrice))")
_freq("times_daily",
      rf"\b{_TIMES_OF}[ ]*"
      r"(?:daily|a[ ]+day|per[ ]+day|/[ ]?day|each[ ]+day|every[ ]+day|in[ ]+24[ ]?h(?:ours?)?)\b",
      _times(1.0))
_freq("times_weekly",
      rf"\b{_TIMES_OF}[ ]*"
      r"(?:weekly|a[ ]+week|per[ ]+week|/[ ]?week|each[ ]+week|every[ ]+week)\b",
      _times(7.0))
# "a day", never "for a day", "more than a day" or "within a day" (a duration, as for a week below)
_freq("daily", r"\b(?:daily|every[ ]+day|each[ ]+day|(?<!for[ ])(?<!than[ ])(?<!within[ ])a[ ]+day|per[ ]+day"
      r"|q\.?d\.?(?![A-Za-z]))", 1.0)
_freq("daily", r"\b(?:QD|QAM|QPM|qAM|qPM)\b", 1.0, 0)  # od, o.d.: checks/dose-lexicon.yaml
_freq("nightly",
      r"\b(?:at[ ]+(?:(?:your|their|the|the[ ]+[a-z]{1,15}(?:'s|’s|s')|[a-z]{1,15}(?:'s|’s))[ ]+(?:usual[ ]+|normal[ ]+|local[ ]+)?)?"
      r"(?:night|bedtime|bed[ ]?time)|nightly|every[ ]+(?:night|evening)|each[ ]+night"
      r"|before[ ]+bed(?:time)?|in[ ]+the[ ]+(?:evening|morning)|(?:every|each)[ ]+morning|each[ ]+evening|nocte|mane"
      r"|q\.?h\.?s\.?|h\.s\.)(?![A-Za-z])", 1.0)
_freq("nightly", r"\b(?:HS|QHS)\b", 1.0, 0)
# a clock time: "at 8am", "at 2 pm", "at 10.30 p.m." (once a day at that time)
_freq("daily", r"\bat[ ]{1,2}\d{1,2}(?:[.:]\d{2})?[ ]?(?:am|pm|a\.m\.|p\.m\.)(?![A-Za-z])", 1.0)
_freq("weekly", r"\b(?:(?:once[ ]+)?weekly|(?:every|each)[ ]+week|once[ ]+(?:a|per)[ ]+week)\b", 1.0 / 7)
# "250 g to 500 g a week" (an amount a week), never "for a week" or "in a week" (a duration)
_freq("weekly", r"(?<!for[ ])(?<!in[ ])(?<!after[ ])(?<!within[ ])\b(?:a|per)[ ]+week\b", 1.0 / 7)
_freq("monthly", r"\b(?:(?:once[ ]+)?monthly|(?:every|each)[ ]+month|once[ ]+(?:a|per)[ ]+month)\b", 1.0 / 30)
_freq("yearly", r"\b(?:(?:once[ ]+)?(?:yearly|annually)|every[ ]+year|once[ ]+(?:a|per)[ ]+year)\b", 1.0 / 365)
_freq("times_daily", r"\b(?:t\.i\.d\.?|tid|t\.d\.s\.?|tds)(?![A-Za-z])", 3.0)
_freq("times_daily", r"\b(?:b\.i\.d\.?|bid|b\.d\.)(?![A-Za-z])", 2.0)
_freq("times_daily", r"\bBD\b", 2.0, 0)
_freq("times_daily", r"\b(?:q\.i\.d\.?|qid|q\.d\.s\.?|qds)(?![A-Za-z])", 4.0)
_freq("single",
      r"\b(?:single[ ]+(?:shot|dose|injection|infusion|application)|one[- ]time(?:[ ]+dose)?|once[ ]+only"
      r"|(?:for[ ]+the|as[ ]+a|the)[ ]+(?:first|loading|initial)[ ]+dose|on[ ]+day[ ]+\d{1,2}(?![\d-])"
      r"|on[ ]+the[ ]+first[ ]+day|on[ ]+day[ ]+one"
      r"|stat|once)\b", 1.0)
# "on days 1 and 2", "on days 1 to 3", "on days 1-5": once a day on each of those days
_freq("daily", r"\bon[ ]+days[ ]+\d{1,2}(?:[ ]?(?:,|and|to|-|&)[ ]?\d{1,2}){1,6}(?![\d-])", 1.0)
_freq("on_off",
      rf"\b(?P<a>\d+(?:\.\d+)?)[ ]?{_H}[ ]+on[ ]*[/,;]?[ ]*(?:and[ ]+)?(?P<b>\d+(?:\.\d+)?)[ ]?{_H}[ ]+off\b",
      lambda m: (24.0 / (float(m.group("a")) + float(m.group("b")))
                 if float(m.group("a")) + float(m.group("b")) > 0 else None, None))

_PRN_RE = _lazy(
    r"\b(?:p\.r\.n\.?|prn|as[ ]+needed|as[ ]+required|when[ ]+required|when[ ]+needed|if[ ]+needed"
    r"|as[ ]+necessary|on[ ]+demand)(?![A-Za-z])", re.I)

_ROUTES: list[tuple[str, _lazy]] = []


def _route(name: str, pattern: str, flags: int = re.I) -> None:
    _ROUTES.append((name, _lazy(pattern, flags)))


_route("oral", r"\b(?:oral(?:ly)?|by[ ]+mouth|per[ ]+os)\b")
_route("oral", r"\bPO\b|\bp\.o\.(?![A-Za-z])", 0)
# a prescriber's lowercase "po" right before the sig's frequency ("1 po qd", "2 caps po bid prn")
_route("oral", r"(?<![A-Za-z])po(?=[ ]{1,2}(?:q\d{1,2}(?:-\d{1,2})?(?:h|hr|hrs)?|qd|qh|qam|qpm|qhs|qid|qod|bid|tid|od|bd|tds|qds|daily|once|twice"
       r"|every|prn|hs|nightly|x[ ]?\d)(?![A-Za-z]))", 0)
_route("intravenous", r"\bintravenous(?:ly)?\b|\bi\.v\.(?![A-Za-z])")
_route("intravenous", r"\bIV\b", 0)
_route("intramuscular", r"\bintramuscular(?:ly)?\b|\bi\.m\.(?![A-Za-z])")
_route("intramuscular", r"\bIM\b", 0)
_route("subcutaneous", r"\bsub-?cut(?:aneous(?:ly)?)?\b|\bsub-?q\b|\bs\.c\.(?![A-Za-z])")
_route("subcutaneous", r"\b(?:SC|SQ)\b", 0)
_route("epidural", r"\bepidural(?:ly)?\b")
_route("intradiscal", r"\bintra-?discal(?:ly)?\b")
_route("intra-articular", r"\bintra-?articular(?:ly)?\b")
_route("intrathecal", r"\bintrathecal(?:ly)?\b")
_route("intra-articular", r"\binto[ ]+the[ ]+(?:knee|joint|shoulder|hip|elbow)\b")
_route("topical", r"\btopical(?:ly)?\b|\b(?:cream|gel|ointment|lotion|foam)s?\b")
_route("transdermal", r"\btransdermal(?:ly)?\b|\bpatch(?:es)?\b")
_route("inhaled", r"\binhaled\b|\bby[ ]+inhalation\b|\binhaler\b|\bnebuli[sz]ed\b")
_route("rectal", r"\brectal(?:ly)?\b|\bper[ ]+rectum\b")
_route("rectal", r"\bPR\b", 0)
_route("sublingual", r"\bsublingual(?:ly)?\b")
_route("sublingual", r"\bSL\b", 0)
_route("nasal", r"\b(?:intra)?nasal(?:ly)?\b")
# "1 spray in each nostril", "2 drops into one nostril", "per nostril": a dose into the nose
_route("nasal", r"\b(?:(?:in|into|up)[ ]+(?:each|one|the|both|either|your|alternate|the[ ]+other)|per)[ ]+nostrils?\b")

_FORM_RE = _lazy(
    r"\b(?P<f>dose[- ]?pack|dosepak|patch(?:es)?|cream|gel|ointment|lotion|foam|spray"
    r"|solution|drops|tablets?|caplets?|capsules?|injection|infusion|suppositor(?:y|ies)|supps?|lozenges?|inhaler"
    r"|sachets?)\b", re.I)
_FORM_CANON = {
    "dose-pack": "dose-pack", "dosepack": "dose-pack", "dose pack": "dose-pack", "dosepak": "dose-pack",
    "patches": "patch", "tablets": "tablet", "caplet": "tablet", "caplets": "tablet", "capsules": "capsule",
    "suppositories": "suppository", "supp": "suppository", "supps": "suppository", "lozenges": "lozenge",
    "sachets": "sachet",
}
_COUNT_FORMS = _COUNT_FORM_NAMES
_STRENGTH_FORMS = {"patch", "cream", "gel", "ointment", "lotion", "foam", "spray", "solution",
                   "drops", "injection", "infusion", "suppository"}

_DUR_UNIT = r"(?P<u>days?|d|weeks?|wks?|months?)(?![A-Za-z])"
_DUR_RE = _lazy(
    rf"\b(?:for|over|x|during)[ ]+(?:(?:up[ ]+to|about|approximately|the[ ]+(?:first|next))[ ]+)?"
    rf"(?P<a>{_N})(?:[ ]?(?:-|to)[ ]?(?P<b>{_N}))?[ ]?{_DUR_UNIT}"
    rf"|\b(?P<a2>\d+)-(?P<u2>day|week|month)(?![A-Za-z])", re.I)
_TAPER_RE = _lazy(r"\btaper(?:ed|ing)?\b", re.I)

_TITRATE_RE = _lazy(
    r"(?:[⇧↑→⟶➔➜⇨⇒]|->|=>)(?:[ ]*(?:up[ ]+)?to\b)?"
    r"|\b(?:then[ ]+)?(?:increas(?:e|ed|ing)|rais(?:e|ed|ing)|titrat(?:e|ing)|escalat(?:e|ing)|up-?titrat(?:e|ing)"
    r"|reduc(?:e|ing)|decreas(?:e|ing)|taper(?:ing)?|step(?:ping)?[ ]+(?:up|down))"
    r"(?:[ ]+(?:up|down|gradually|slowly|weekly|as[ ]+tolerated|the[ ]+dose))*[ ]+(?:up[ ]+)?to\b"
    r"|\b(?:then[ ]+)?(?:increas(?:e|ed|ing)|rais(?:e|ed|ing)|reduc(?:e|ed|ing)|decreas(?:e|ed|ing))"
    r"[ ]+(?:the[ ]+dose[ ]+)?by\b"
    r"|\bthen(?:[ ]+by\b)?", re.I)


# scanning helpers


@dataclass
class _Mod:
    """A modifier found in the text (frequency, route, form, limit...) with its span."""

    cat: str
    start: int
    end: int
    obj: Any
    prio: int = 0


def _candidates(patterns, norm: str) -> list[tuple]:
    """The (name, pattern, ...) entries of ``patterns`` whose pattern could match ``norm``,
    the pattern compiled (looped over directly, not through the lazy wrapper)."""
    low = haystack(norm)
    return [(name, rx.compiled(), *rest) for name, rx, *rest in patterns if rx.could_match(norm, low)]


_OPENING_REACH = 40  # characters before a condition read for the end of the sentence before it


def _opens_sentence(norm: str, at: int) -> bool:
    """Does ``at`` open its sentence (or a line, or a clause after a colon)?"""
    before = norm[max(0, at - _OPENING_REACH):at].rstrip(" \t")
    return not before and at <= _OPENING_REACH or bool(before) and before[-1] in ".!?:;\n"


def _form_mods(text: str, norm: str) -> list[_Mod]:
    out = []
    for m in _FORM_RE.finditer(norm):
        raw = text[m.start():m.end()]
        key = " ".join(normalize(raw).lower().split())
        canon = _FORM_CANON.get(key, _FORM_CANON.get(key.replace(" ", ""), key))
        out.append(_Mod("form", m.start(), m.end(), Form(canon, raw, (m.start(), m.end()))))
    return out


def _scan_mods(text: str, norm: str, forms: list[_Mod]) -> list[_Mod]:
    """Every modifier of the text, overlapping ones included (:func:`_dedupe` picks)."""
    lex = _lexicon.lexicon()
    mods = _frequency_mods(text, norm, lex)
    for rx in (_PRN_RE, lex.as_needed):
        for m in rx.finditer(norm):
            mods.append(_Mod("prn", m.start(), m.end(), _piece(text, m.start(), m.end())))
    for m in lex.as_needed_condition.finditer(norm):
        if not _opens_sentence(norm, m.start()):  # "If spasms are severe, your doctor may prescribe ...": the regimen's
            mods.append(_Mod("prn", m.start(), m.end(), _piece(text, m.start(), m.end())))
    for m in lex.directions.finditer(norm):  # "as directed", "mdu": the dose is given elsewhere
        mods.append(_Mod("directions", m.start(), m.end(), _piece(text, m.start(), m.end())))
    for name, rx in _candidates(_ROUTES, norm):
        for m in rx.finditer(norm):
            mods.append(_Mod("route", m.start(), m.end(), Route(name, text[m.start():m.end()], (m.start(), m.end()))))
    mods.extend(forms)
    mods.extend(_duration_mods(text, norm))
    for m in _TAPER_RE.finditer(norm):
        mods.append(_Mod("taper", m.start(), m.end(), _piece(text, m.start(), m.end())))
    for rx in (_TITRATE_RE, lex.step_markers):
        for m in rx.finditer(norm):
            mods.append(_Mod("titrate", m.start(), m.end(), _piece(text, m.start(), m.end()), prio=1))
    return mods


_DAY_N = _lazy(r"(?<![A-Za-z])day[ ]{1,2}(?:\d{1,2}|one|two|three|four|five|six|seven)(?![\d-])", re.I)
# right after an amount: "6 tabs ", "300 mg "
_AMOUNT_BEFORE = _lazy(r"\d[ ]?[A-Za-z]{1,12}[ ]{1,2}$")


def _frequency_mods(text: str, norm: str, lex) -> list[_Mod]:
    """The frequencies of the built-in grammar and of the lexicon (abbreviations, "4 hourly")."""
    mods: list[_Mod] = []
    for kind, rx, val in _candidates(_FREQ_PATTERNS, norm):
        for m in rx.finditer(norm):
            interval = fewest = None
            if callable(val):
                apd, interval, *rest = val(m)
                fewest = rest[0] if rest else None
            else:
                apd = val
            fr = Frequency(kind, text[m.start():m.end()], (m.start(), m.end()), apd, interval, fewest)
            mods.append(_Mod("freq", m.start(), m.end(), fr))
    for kind, m, apd, fewest in lex.frequency_matches(norm):
        fr = Frequency(kind, text[m.start():m.end()], (m.start(), m.end()), apd, None, fewest)
        mods.append(_Mod("freq", m.start(), m.end(), fr))
    for m in _DAY_N.finditer(norm):  # "6 tabs day 1, 5 tabs day 2": a one-day phase of a course
        if _AMOUNT_BEFORE.search(norm, max(0, m.start() - 24), m.start()):
            mods.append(_Mod("freq", m.start(), m.end(), Frequency("single", text[m.start():m.end()], m.span(), 1.0)))
    for m in (m for rx in (lex.hourly, *lex.other_intervals) for m in rx.finditer(norm)):
        apd, interval = _every_hours(m)
        fr = Frequency("interval", text[m.start():m.end()], (m.start(), m.end()), apd, interval)
        mods.append(_Mod("freq", m.start(), m.end(), fr))
    mods.extend(_weekday_mods(text, norm, lex))
    for g in find_grids(text, norm):  # "1-0-1": as many a day as slots give a count
        fr = grid_frequency(text, g)
        mods.append(_Mod("freq", fr.span[0], fr.span[1], fr))
    for m in lex.uncounted.finditer(norm):  # "several times a day": a frequency with no count
        mods.append(_Mod("freq", m.start(), m.end(), Frequency("uncounted", text[m.start():m.end()], m.span(), None)))
    for m in lex.minimum_interval.finditer(norm):  # a least interval: at most that many a day, maybe one
        apd, interval = _every_hours(m)
        if apd is not None:
            fr = Frequency("interval", text[m.start():m.end()], m.span(), apd, interval, 1.0 if apd > 1 else None)
            mods.append(_Mod("freq", m.start(), m.end(), fr))
    return mods


def _weekday_mods(text: str, norm: str, lex) -> list[_Mod]:
    """"on Mondays, Wednesdays and Fridays": as many doses a week as days are named."""
    mods = []
    for m in [*lex.weekdays.finditer(norm), *lex.weekdays_only.finditer(norm)]:
        days = {lex.weekday_of[w.group(0).lower()] for w in lex.weekday_word.finditer(m.group("days"))}
        kind = "weekly" if len(days) == 1 else "times_weekly"
        fr = Frequency(kind, text[m.start():m.end()], m.span(), len(days) / 7.0)
        mods.append(_Mod("freq", m.start(), m.end(), fr))
    return mods


def _duration_mods(text: str, norm: str) -> list[_Mod]:
    mods = []
    for m in _DUR_RE.finditer(norm):
        if m.group("a2"):
            n = float(m.group("a2"))
            u = m.group("u2").lower()
            hi = None
        else:
            n = _num_word(m.group("a"))
            hi = _num_word(m.group("b")) if m.group("b") else None
            u = m.group("u").lower()
        mult = 7 if u.startswith("w") else 30 if u.startswith("mo") else 1
        mods.append(_Mod("dur", m.start(), m.end(), Duration(
            n * mult, hi * mult if hi is not None else None, text[m.start():m.end()], (m.start(), m.end()))))
    return mods


# between two frequencies that make one range: "bd-tds", "bd to tds", "od or bd"
_FREQ_JOIN = _lazy(r"[ ]{0,2}(?:-|to|or)[ ]{0,2}", re.I)
_DAILY_KINDS = ("times_daily", "daily", "nightly")


def _joined_frequencies(text: str, norm: str, mods: list[_Mod]) -> list[_Mod]:
    """Two daily frequencies joined by "-", "to" or "or" ("bd-tds", "od or bd") are one
    frequency ranging from the fewer to the more administrations a day; a frequency after
    a ceiling word ("up to four times a day", "up to qds") ranges from once a day."""
    out: list[_Mod] = []
    ceiling = _lexicon.lexicon().frequency_ceiling
    for m in mods:
        prev = next((p for p in reversed(out) if p.cat == "freq"), None)
        if m.cat == "freq" and prev is not None and _joinable(norm, prev, m):
            out.remove(prev)
            a, b = prev.obj, m.obj
            lo = min(a.administrations_per_day, b.administrations_per_day)
            hi = max(a.administrations_per_day, b.administrations_per_day)
            m = _Mod("freq", prev.start, m.end, Frequency(
                "times_daily", text[prev.start:m.end], (prev.start, m.end), hi, None, lo if lo != hi else None))
        elif m.cat == "freq" and prev is not None and _both_times(norm, prev, m):
            out.remove(prev)  # "after meals and at bedtime": taken at both, 3 + 1 a day
            n = prev.obj.administrations_per_day + m.obj.administrations_per_day
            m = _Mod("freq", prev.start, m.end, Frequency("times_daily", text[prev.start:m.end], (prev.start, m.end), n))
        if m.cat == "freq" and m.obj.kind in _DAILY_KINDS and m.obj.fewest_per_day is None \
                and (m.obj.administrations_per_day or 0) > 1 and ceiling.search(norm[max(0, m.start - 16):m.start]):
            f = m.obj
            m = _Mod("freq", m.start, m.end, Frequency(f.kind, f.raw, f.span, f.administrations_per_day,
                                                       f.interval_hours, 1.0))
        out.append(m)
    return out


_AND_JOIN = _lazy(r"[ ]{0,2}(?:and|&|,[ ]{0,2}and)[ ]{1,2}", re.I)


def _both_times(norm: str, a: _Mod, b: _Mod) -> bool:
    """Two times of the day joined by "and" with nothing between ("after meals and at bedtime")."""
    if not (time_of_day(a.obj) and time_of_day(b.obj)):
        return False
    if a.obj.administrations_per_day is None or b.obj.administrations_per_day is None:
        return False
    j = _AND_JOIN.match(norm, a.end)
    return j is not None and j.end() == b.start


def _joinable(norm: str, a: _Mod, b: _Mod) -> bool:
    if a.obj.kind not in _DAILY_KINDS or b.obj.kind not in _DAILY_KINDS or a.obj.interval_hours or b.obj.interval_hours:
        return False
    if a.obj.administrations_per_day is None or b.obj.administrations_per_day is None:
        return False
    j = _FREQ_JOIN.match(norm, a.end)
    return j is not None and j.end() == b.start


def _dedupe(mods: list[_Mod]) -> list[_Mod]:
    """Within each category keep the longest non-overlapping matches."""
    out: list[_Mod] = []
    by_cat: dict[str, list[_Mod]] = {}
    for m in mods:
        by_cat.setdefault(m.cat, []).append(m)
    for cat, ms in by_cat.items():
        ms.sort(key=lambda m: (-(m.end - m.start), m.start))
        kept: list[_Mod] = []
        starts: list[int] = []  # of the kept matches, which never overlap: sorted, and so are their ends
        ends: list[int] = []
        for m in ms:
            i = bisect.bisect_left(starts, m.end)  # the kept match starting last before m ends
            if i and ends[i - 1] > m.start:
                continue
            starts.insert(i, m.start)
            ends.insert(i, m.end)
            kept.append(m)
        out.extend(kept)
    return sorted(out, key=lambda m: (m.start, m.end))


class _Titrations:
    """The titration markers of a text (they never overlap: sorted by start, so by end too)."""

    __slots__ = ("mods", "starts")

    def __init__(self, mods: list[_Mod]) -> None:
        self.mods = [m for m in mods if m.cat == "titrate"]
        self.starts = [m.start for m in self.mods]

    def between(self, a: int, b: int) -> _Mod | None:
        """The first marker inside ``a``..``b``, if any."""
        i = bisect.bisect_left(self.starts, a)
        if i < len(self.mods) and self.mods[i].end <= b:
            return self.mods[i]
        return None


_CLOCK = _lazy(r"at[ ]{1,2}\d{1,2}(?:[.:]\d{2})?[ ]?(?:am|pm|a\.m\.|p\.m\.)$", re.I)


def time_of_day(freq: Frequency) -> bool:
    """Does the frequency name a time of the day ("in the morning", "at lunchtime", "at 8am")?"""
    raw = " ".join(normalize(freq.raw).lower().split())
    return raw in _lexicon.lexicon().times_of_day or _CLOCK.match(raw) is not None
