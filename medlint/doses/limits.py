"""Stage 5, limits: stated maxima ("max 8/24h", "do not exceed 4 g in 24 hours", "no more than
4 doses a day") and their reach over the doses of a text."""

from __future__ import annotations

import bisect
import math
import re
from functools import lru_cache

from . import lexicon as _lexicon
from . import units as _units
from .model import Amount, AmountEnd, Dose, Limit, _piece, _replace
from .modifiers import _FREQ_PATTERNS, _Mod
from .numbers import _N, _num_word
from .amounts import _PER_KG_RE
from .tables import _Tables
from .text import _lazy


_MAX_PREFIX = (
    r"(?:never[ ]+more[ ]+than|max(?:imum)?\.?(?P<daily>[ ]+daily)?(?:[ ]+(?:dose|total))?(?:[ ]+of)?"
    r"|(?:do[ ]+)?not[ ]+(?:to[ ]+)?exceed(?:ing)?|don't[ ]+exceed|never[ ]+exceed"
    r"|(?:do[ ]+)?not[ ]+(?:take|use|give)[ ]+more[ ]+than|take[ ]+no[ ]+more[ ]+than"
    r"|no[ ]+more[ ]+than|not[ ]+more[ ]+than|up[ ]+to|at[ ]+most|limit(?:ed)?[ ]+to|≤|<=)"
)
_MAX_PERDAY_RE = _lazy(
    r"(?<![ ])[ ]*(?:/[ ]?(?:day|d|24[ ]?h(?:ours?|rs?)?)|(?:per|a|each)[ ]+day|daily"
    r"|(?:in|per|every)[ ]+(?:(?:any|a|one)[ ]+)?(?:24|twenty[ -]?four)[ -]?h(?:ours?|rs?|our[ ]+period)?(?:[ ]+period)?"
    r"|in[ ]+(?:any[ ]+one|any|a|one)[ ]+day)(?![A-Za-z])", re.I)
_OTHER_PERIOD_RE = _lazy(r"[ ]{1,3}(?:in|within|per)[ ]{1,3}(?:any[ ]{1,3}|a[ ]{1,3}|the[ ]{1,3}first[ ]{1,3})?"
                         r"(?:\d{1,3}|hour|one)", re.I)
_MAX_PERDOSE_RE = _lazy(r"(?<![ ])[ ]*(?:/[ ]?dose|per[ ]+dose|at[ ]+(?:a[ ]+time|once))(?![A-Za-z])", re.I)
@lru_cache(maxsize=4)
def _max_doses_rx(words: tuple[str, ...], per_day: tuple[str, ...]) -> re.Pattern:
    """A count of doses a day after a limit wording ("4 doses in 24 hours"), with the count and
    day words of ``sig_languages`` ("4 dosis en 24 horas")."""
    doses = "|".join(["doses", "dose", "times", "applications", "administrations", "injections",
                      *(re.escape(w) for w in words)])
    days = "|".join([r"/[ ]?day", r"(?:per|a|each)[ ]+day", "daily", r"in[ ]+24[ ]?h(?:ours?)?", r"per[ ]+24[ ]?h(?:ours?)?",
                     *(re.escape(w).replace(r"\ ", "[ ]+") for w in per_day)])
    return re.compile(rf"(?P<n>{_N})[ ]+(?:{doses})(?P<per>[ ]*(?:{days}))?(?![A-Za-z])", re.I)


def _max_doses_match(norm: str, p: int):
    lex = _lexicon.lexicon()
    return _max_doses_rx(lex.dose_count_words, lex.per_day_words).match(norm, p)
_MAX_DAYS_RE = _lazy(rf"(?P<a>{_N})[ ]?(?P<u>days?|weeks?|months?)(?![A-Za-z])", re.I)


@lru_cache(maxsize=8)
def _limit_head(words: tuple[str, ...]) -> re.Pattern:
    """The limit opening: the lexicon's ``limit_words`` and the built-in wordings."""
    alts = sorted({re.escape(w).replace(r"\ ", "[ ]+") for w in words}, key=lambda s: (-len(s), s))
    return re.compile(rf"(?<![A-Za-z])(?P<pre>(?:{'|'.join(alts)})|{_MAX_PREFIX})[ ]*:?[ ]*", re.I)


def _scan_limits(text: str, norm: str, amounts: list[Amount], tables: "_Tables") -> list[_Mod]:
    """Every stated maximum: a number of doses, an amount (per day, per dose, or assumed),
    a count of units a day, or a number of days; and the cells under a limit heading."""
    by_start = {a.span[0]: a for a in amounts}
    ends = sorted((a.span[1], a.span[0]) for a in amounts)
    out: list[_Mod] = []
    for hm in _limit_head(_lexicon.lexicon().limit_words).finditer(norm):
        if _in_product_name(norm, hm):
            continue
        lim = _limit_at(text, norm, hm, by_start, ends)
        if lim is not None:
            out.append(_Mod("max", lim.span[0], lim.span[1], lim, prio=2))
    out.extend(_daily_abbreviation_limits(text, norm, by_start, ends))
    out.extend(_table_limits(text, norm, by_start, tables))
    return out


def _daily_abbreviation_limits(text: str, norm: str, by_start: dict, ends: list) -> list[_Mod]:
    """"1-2 tabs PO QHS PRN itch, MDD 100 mg": an abbreviation of the most a day
    (``daily_limit_abbreviations``), read only after a dose and before an amount with no schedule
    after it ("sertraline for MDD 50 mg daily" names what the dose is for)."""
    words = _lexicon.lexicon().daily_limit_abbreviations
    if not words or not ends:
        return []
    out = []
    for hm in _abbreviation_head(words).finditer(norm):
        am = by_start.get(hm.end())
        if am is None or am.unit is None or am.unit.kind not in _units.DOSE_KINDS \
                or not _after_a_dose(hm.start(), ends) or _scheduled_after(norm, am.span[1]):
            continue
        end = am.span[1]
        m = _MAX_PERDAY_RE.match(norm, end)
        end = m.end() if m else end
        out.append(_Mod("max", hm.start(), end, Limit("per_day", am.upper.value, text[hm.start():end],
                                                       (hm.start(), end), am), prio=2))
    return out


@lru_cache(maxsize=8)
def _abbreviation_head(words: tuple[str, ...]) -> re.Pattern:
    alts = sorted({re.escape(w) for w in words}, key=lambda s: (-len(s), s))
    return re.compile(rf"(?<![A-Za-z])(?:{'|'.join(alts)})(?![A-Za-z])[ ]*:?[ ]*")  # as written: "MDD", not "mdd"


def _scheduled_after(norm: str, end: int) -> bool:
    """Does a frequency follow the amount ending at ``end`` ("50 mg daily", "50 mg once a day")?"""
    rest = norm[end:end + 24]
    return any(p.search(rest) for _, p, *_ in _lexicon.lexicon().frequencies) \
        or any(rx.search(rest) for _, rx, _ in _FREQ_PATTERNS) \
        or _MAX_PERDAY_RE.match(norm, end) is not None and "/" not in norm[end:end + 2]


# "Solpadeine Max:", "Nurofen Maximum Strength", "Anadin Max Strength": a capitalised "Max"
# right after a capitalised name, then a colon or another capitalised word, names the product
_NAME_BEFORE = _lazy(r"(?<![.;:!?])[A-Z][A-Za-z0-9-]{1,24}[ ]$")
_NAME_AFTER = _lazy(r"[ ]{0,2}(?::|[A-Z][a-z]{2,})")


def _in_product_name(norm: str, hm: re.Match) -> bool:
    """Is the limit wording ``hm`` a word of a product's name ("Solpadeine Max: 2 tablets")?"""
    word = norm[hm.start():hm.start() + 3]
    if word != "Max":
        return False
    end = hm.start() + len(hm.group("pre"))
    return _NAME_BEFORE.search(norm, max(0, hm.start() - 26), hm.start()) is not None \
        and _NAME_AFTER.match(norm, end) is not None


def _limit_at(text: str, norm: str, hm: re.Match, by_start: dict, ends: list) -> Limit | None:
    """The limit a limit wording ``hm`` opens, if what follows it is one."""
    up_to = hm.group("pre").lower().startswith("up")
    p = hm.end()
    am = by_start.get(p)
    md = _max_doses_match(norm, p)
    if md and not (up_to and not md.group("per")):
        if up_to and re.search(r"times|x", md.group(0), re.I) and not _after_an_interval(norm, hm.start(), ends):
            return None  # "up to 4 times daily" is a frequency; after "every 4 to 6 hours" it caps the interval
        end = md.end()
        return Limit("doses_per_day", _num_word(md.group("n")), text[hm.start():end], (hm.start(), end))
    if up_to and am is not None and not _after_a_dose(hm.start(), ends) and _times_a_day_or_interval(norm, am):
        return None  # "Paracetamol: up to 1.5 g four times a day": the dose itself, at its most
    if up_to and _verb_takes_count(norm, hm.start(), am):
        return None  # "Lidocaine 5% plaster: apply up to 3 plasters at once": the dose itself, at its most
    if am is not None and am.unit is not None and am.unit.kind in _units.DOSE_KINDS:
        return _amount_limit(text, norm, hm, am, _caps_weight_dose(norm, hm.start(), ends))
    if (not up_to or _after_a_dose(hm.start(), ends)) and am is not None and _count_or_bare(am) \
            and _MAX_PERDAY_RE.match(norm, am.span[1]):
        # "max 8/24h", "(max 8 daily)", "not more than 8 tablets in 24 hours": a count of units a
        # day; "up to 6 a day" too after the dose it caps ("1 tablet every 2 hours, up to 6 a day")
        end = _MAX_PERDAY_RE.match(norm, am.span[1]).end()
        if not math.isfinite(am.upper.value):
            return None
        return Limit("per_day", am.upper.value, text[hm.start():end], (hm.start(), end), am)
    mdays = _MAX_DAYS_RE.match(norm, p)
    if mdays and not (am is not None and am.unit is not None and am.unit.kind != "time"):
        u = mdays.group("u").lower()
        mult = 7 if u.startswith("w") else 30 if u.startswith("mo") else 1
        end = mdays.end()
        return Limit("duration", _num_word(mdays.group("a")) * mult, text[hm.start():end], (hm.start(), end))
    return None


def _verb_takes_count(norm: str, at: int, am: Amount | None) -> bool:
    """Does a dose verb right before "up to" take a count of units that its frequency follows
    ("apply up to 3 patches at once", "use up to 2 sprays twice a day")? Then the count is the
    dose itself at its most; "take up to 8 tablets in 24 hours" stays a daily cap, and "on bad
    days take up to 4 capsules" (no frequency) a cap on the dose before."""
    if am is None or am.unit is None or am.unit.kind != "count" or _MAX_PERDAY_RE.match(norm, am.span[1]) \
            or not _scheduled_after(norm, am.span[1]):
        return False
    return _lexicon.lexicon().not_doses.verb_before.search(norm, max(0, at - 16), at) is not None


# an interval closing the clause before a limit wording: "every four to six hours, " before "up to
# four times a day" (the interval's doses, at most four of them a day)
_INTERVAL_BEFORE = _lazy(r"(?:\bevery|\beach|\bq\.?)[ ]{0,2}(?:[\w-]{1,12}[ ]{1,2}){0,4}?(?:h|hrs?|hours?)\b[ ]{0,2}[,(]?[ ]{0,2}$", re.I)
_INTERVAL_REACH = 60  # characters back from the limit wording to the interval


def _after_an_interval(norm: str, at: int, ends: list) -> bool:
    """Does an interval follow a dose right before ``at`` ("1 or 2 tablets every 4 to 6 hours,
    up to 4 times a day")? Then "up to N times a day" caps the interval's doses."""
    return _after_a_dose(at, ends) and _INTERVAL_BEFORE.search(norm, max(0, at - _INTERVAL_REACH), at) is not None


def _after_a_dose(at: int, ends: list) -> bool:
    """Does an amount end before ``at`` (``ends``: (end, start) of every amount, sorted)? "Take
    up to 2 a day" gives the dose itself; "1 tablet every 2 hours, up to 6 a day" caps it."""
    return bool(ends) and ends[0][0] <= at


def _amount_limit(text: str, norm: str, hm: re.Match, am: Amount, caps_weight_dose: bool) -> Limit | None:
    """A maximum amount: per day or per dose as the text says; unsaid, "up to" and a
    bracketed cap on a weight-based dose ("10 mg/kg (max 400 mg)") are per dose, any other
    per day."""
    end = am.span[1]
    value = am.upper.value
    if not math.isfinite(value):
        return None
    km = _PER_KG_RE.match(norm, end)
    per_kg = None
    if km:
        per_kg = _piece(text, km.start() + (len(km.group(0)) - len(km.group(0).lstrip(" "))), km.end())
        end = km.end()
    aside = _lexicon.lexicon().restated_aside.match(norm, end)  # "2 tablets (1,100 mg) in a day"
    if aside and (_MAX_PERDAY_RE.match(norm, aside.end()) or _MAX_PERDOSE_RE.match(norm, aside.end())):
        end = aside.end()  # "no more than 2 tablets (1,100 mg) in a day": the period after the restated amount
    pd = _MAX_PERDAY_RE.match(norm, end)
    pdo = _MAX_PERDOSE_RE.match(norm, end)
    if not pd and _OTHER_PERIOD_RE.match(norm, end):
        return None  # "2 tablets in any 8- to 12-hour period", "within the first hour": not per day
    times = None if pd or pdo or hm.group("pre").lower().startswith("up") or per_kg else _times_a_day_at(norm, end)
    if times is not None:  # "Max: 600 mg tid": the most per dose, so the most a day is 1,800 mg
        n, end = times
        return Limit("per_day", value * n, text[hm.start():end], (hm.start(), end), _times_amount(am, n))
    if pd:
        kind, assumed, end = "per_day", False, pd.end()
    elif pdo:
        kind, assumed, end = "per_dose", False, pdo.end()
    elif hm.group("daily"):
        kind, assumed = "per_day", False
    elif hm.group("pre").lower().startswith("up") or (caps_weight_dose and per_kg is None):
        kind, assumed = "per_dose", True
    else:
        kind, assumed = "per_day", True
    return Limit(kind, value, text[hm.start():end], (hm.start(), end), am, assumed, per_kg)


_SPACES = _lazy(r"[ ]{1,3}")


def _times_a_day_at(norm: str, end: int) -> tuple[float, int] | None:
    """(doses a day, where it ends) of a fixed count of doses a day written right after a
    limit's amount ("Max: 600 mg tid", "no more than 1 g four times a day"), else None."""
    sp = _SPACES.match(norm, end)
    if sp is None:
        return None
    for kind, pattern, value in _FREQ_PATTERNS:
        if kind != "times_daily":
            continue
        m = pattern.match(norm, sp.end())
        if m is None:
            continue
        n = value(m)[0] if callable(value) else value
        return (float(n), m.end()) if n and n >= 1 else None
    return None


_INTERVAL_AFTER = _lazy(r"[ ]{1,3}(?:every|each|q\.?[ ]?\d)", re.I)


def _times_a_day_or_interval(norm: str, am: Amount) -> bool:
    """Is the amount followed by how often it is taken: a count a day or an interval ("up to
    1.5 g four times a day", "up to 1 g every 4 hours")?"""
    return _times_a_day_at(norm, am.span[1]) is not None or _INTERVAL_AFTER.match(norm, am.span[1]) is not None


def _times_amount(am: Amount, n: float) -> Amount:
    """``am`` taken ``n`` times: the most a day of a per-dose maximum given with its doses a day."""
    e = am.upper
    return Amount(AmountEnd(e.value * n, e.number, e.unit, e.raw, e.span), None, None, am.raw, am.span)


# a bracket opened right before a limit wording: "10 mg/kg (max 400 mg)"
_OPEN_BRACKET = _lazy(r"\([ ]{0,2}$")
_GAP_TO_BRACKET = 40  # characters between a weight-based dose and the bracketed cap


def _caps_weight_dose(norm: str, at: int, ends: list) -> bool:
    """Does a bracketed limit at ``at`` cap the weight-based dose before it in its clause
    ("10 mg/kg (max 400 mg)", "1-2 mg/kg once daily (max 40 mg)")?"""
    if not _OPEN_BRACKET.search(norm, max(0, at - 3), at):
        return False
    i = bisect.bisect_right(ends, (at, at)) - 1
    if i < 0 or at - ends[i][0] > _GAP_TO_BRACKET or any(c in norm[ends[i][0]:at] for c in ";.:"):
        return False
    return _PER_KG_RE.match(norm, ends[i][0]) is not None


def _table_limits(text: str, norm: str, by_start: dict, tables: "_Tables") -> list[_Mod]:
    """The daily maximum a cell under a limit heading states ("| Max per day |" over
    "| 10 tablets (3,250 mg) |"): its first amount, for the doses of its row."""
    out = []
    starts = sorted(by_start)
    for a, b, _heading in tables.limit_cells():
        i = bisect.bisect_left(starts, a)
        if i == len(starts) or starts[i] >= b:
            continue
        am = by_start[starts[i]]
        if am.unit is not None and am.unit.kind not in _units.DOSE_KINDS or not math.isfinite(am.upper.value):
            continue
        s0 = a + len(norm[a:b]) - len(norm[a:b].lstrip())
        s1 = b - (len(norm[a:b]) - len(norm[a:b].rstrip()))
        lim = Limit("per_day", am.upper.value, text[s0:s1], (s0, s1), am)
        out.append(_Mod("max", s0, s1, lim, prio=2))
    return out


def _count_or_bare(am: Amount) -> bool:
    """A number with no unit, or a count of units (tablets, capsules)."""
    return am.unit is None or am.unit.kind == "count"


_LIMIT_FIELD = {"per_dose": "max_per_dose", "per_day": "max_per_day", "doses_per_day": "max_doses_per_day",
                "duration": "max_duration_days"}


def _share_standalone_limits(doses: list[Dose], standalone: list[tuple[int, Limit]]) -> list[Dose]:
    """A limit in a sentence of its own ("220 mg every 8 to 12 hours; you may take 440 mg
    for the first dose. Do not exceed 660 mg in 24 hours.") bounds every earlier dose of
    the same medicine as the dose right before it, not that dose alone."""
    for k, lim in standalone:
        key = doses[k].substance_key
        name = _LIMIT_FIELD[lim.kind]
        for i in range(k - 1, -1, -1):
            d = doses[i]
            if d.substance_key != key or getattr(d, name) is not None:
                break  # another medicine, or a dose with a limit of its own: the limit's reach ends
            doses[i] = _replace(d, **{name: lim})
    return doses
