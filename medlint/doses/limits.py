"""Stage 5, limits: stated maxima ("max 8/24h", "do not exceed 4 g in 24 hours", "no more than
4 doses a day") and their reach over the doses of a text."""

from __future__ import annotations

import bisect
import math
import re

from . import units as _units
from .model import Amount, Dose, Limit, _piece, _replace
from .modifiers import _Mod
from .numbers import _N, _num_word
from .quantities import _PER_KG_RE
from .tables import _Tables
from .text import _lazy


_MAX_PREFIX = (
    r"(?:never[ ]+more[ ]+than|max(?:imum)?\.?(?P<daily>[ ]+daily)?(?:[ ]+(?:dose|total))?(?:[ ]+of)?"
    r"|(?:do[ ]+)?not[ ]+(?:to[ ]+)?exceed(?:ing)?|don't[ ]+exceed|never[ ]+exceed"
    r"|(?:do[ ]+)?not[ ]+(?:take|use|give)[ ]+more[ ]+than|take[ ]+no[ ]+more[ ]+than"
    r"|no[ ]+more[ ]+than|not[ ]+more[ ]+than|up[ ]+to|at[ ]+most|limit(?:ed)?[ ]+to|≤|<=)"
)
_MAX_HEAD_RE = _lazy(rf"(?<![A-Za-z])(?P<pre>{_MAX_PREFIX})[ ]*:?[ ]*", re.I)
_MAX_PERDAY_RE = _lazy(
    r"(?<![ ])[ ]*(?:/[ ]?(?:day|d|24[ ]?h(?:ours?|rs?)?)|(?:per|a|each)[ ]+day|daily"
    r"|(?:in|per|every)[ ]+(?:(?:any|a|one)[ ]+)?(?:24|twenty[ -]?four)[ -]?h(?:ours?|rs?|our[ ]+period)?(?:[ ]+period)?"
    r"|in[ ]+(?:a|one)[ ]+day)(?![A-Za-z])", re.I)
_OTHER_PERIOD_RE = _lazy(r"[ ]{1,3}(?:in|within|per)[ ]{1,3}(?:any[ ]{1,3}|a[ ]{1,3}|the[ ]{1,3}first[ ]{1,3})?"
                         r"(?:\d{1,3}|hour|one)", re.I)
_MAX_PERDOSE_RE = _lazy(r"(?<![ ])[ ]*(?:/[ ]?dose|per[ ]+dose|at[ ]+(?:a[ ]+time|once))(?![A-Za-z])", re.I)
_MAX_DOSES_RE = _lazy(
    rf"(?P<n>{_N})[ ]+(?:doses|dose|times|applications|administrations|injections)"
    r"(?P<per>[ ]*(?:/[ ]?day|(?:per|a|each)[ ]+day|daily|in[ ]+24[ ]?h(?:ours?)?|per[ ]+24[ ]?h(?:ours?)?))?(?![A-Za-z])",
    re.I)
_MAX_DAYS_RE = _lazy(rf"(?P<a>{_N})[ ]?(?P<u>days?|weeks?|months?)(?![A-Za-z])", re.I)


def _scan_limits(text: str, norm: str, amounts: list[Amount], tables: "_Tables") -> list[_Mod]:
    by_start = {a.span[0]: a for a in amounts}
    out: list[_Mod] = []
    for hm in _MAX_HEAD_RE.finditer(norm):
        pre = hm.group("pre").lower()
        up_to = pre.startswith("up")
        daily_prefix = bool(hm.group("daily"))
        p = hm.end()
        lim = None
        md = _MAX_DOSES_RE.match(norm, p)
        if md and not (up_to and not md.group("per")):
            if up_to and re.search(r"times|x", md.group(0), re.I):
                continue  # "up to 4 times daily" is a frequency
            end = md.end()
            lim = Limit("doses_per_day", _num_word(md.group("n")), text[hm.start():end], (hm.start(), end))
        elif p in by_start and by_start[p].unit is not None and by_start[p].unit.kind in _units.DOSE_KINDS:
            am = by_start[p]
            end = am.span[1]
            value = am.upper.value
            if not math.isfinite(value):
                continue
            km = _PER_KG_RE.match(norm, end)
            per_kg = None
            if km:
                per_kg = _piece(text, km.start() + (len(km.group(0)) - len(km.group(0).lstrip(" "))), km.end())
                end = km.end()
            pd = _MAX_PERDAY_RE.match(norm, end)
            pdo = _MAX_PERDOSE_RE.match(norm, end)
            if not pd and _OTHER_PERIOD_RE.match(norm, end):
                continue  # "2 tablets in any 8- to 12-hour period", "within the first hour": not per day
            if pd:
                kind, assumed, end = "per_day", False, pd.end()
            elif pdo:
                kind, assumed, end = "per_dose", False, pdo.end()
            elif daily_prefix:
                kind, assumed = "per_day", False
            elif up_to:
                kind, assumed = "per_dose", True
            else:
                kind, assumed = "per_day", True
            lim = Limit(kind, value, text[hm.start():end], (hm.start(), end), am, assumed, per_kg)
        elif not up_to and p in by_start and _count_or_bare(by_start[p]) and _MAX_PERDAY_RE.match(norm, by_start[p].span[1]):
            # "max 8/24h", "(max 8 daily)", "not more than 8 tablets in 24 hours": a count of units a day
            am = by_start[p]
            end = _MAX_PERDAY_RE.match(norm, am.span[1]).end()
            if not math.isfinite(am.upper.value):
                continue
            lim = Limit("per_day", am.upper.value, text[hm.start():end], (hm.start(), end), am)
        else:
            mdays = _MAX_DAYS_RE.match(norm, p)
            if mdays and not (p in by_start and by_start[p].unit is not None
                              and by_start[p].unit.kind != "time"):
                u = mdays.group("u").lower()
                mult = 7 if u.startswith("w") else 30 if u.startswith("mo") else 1
                end = mdays.end()
                lim = Limit("duration", _num_word(mdays.group("a")) * mult,
                            text[hm.start():end], (hm.start(), end))
        if lim is not None:
            out.append(_Mod("max", lim.span[0], lim.span[1], lim, prio=2))
    out.extend(_table_limits(text, norm, by_start, tables))
    return out


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
