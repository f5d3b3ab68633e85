"""Stage 9, arithmetic: the largest amount a day a dose allows, with the working spelled out."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from . import units as _units
from .values import _set, _Value

if TYPE_CHECKING:
    from .model import Dose, Frequency


class DailyMax(_Value):
    """The largest amount a dose allows per day, and the arithmetic that gives it:
    ``quantity`` is a pint Quantity per day (e.g. milligram / day), ``explanation``
    the working (e.g. "1000 mg × 4/day = 4 g/day")."""

    __slots__ = ("quantity", "explanation")

    def __init__(self, quantity: Any, explanation: str) -> None:
        _set(self, "quantity", quantity)
        _set(self, "explanation", explanation)


# daily maximum


def _step_daily(d: Dose, freq: Frequency | None, lims: Dose) -> tuple[Any, str] | None:
    if d.amount is None:
        return None
    if d.strength is not None and d.strength.kind == "unit":
        return _count_daily(d, freq, lims)
    if d.content is not None:
        return _content_daily(d, freq, lims)
    u = d.amount.unit
    if u is None and d.strength is None and d.form is not None and d.form.name in _units.COUNT_FORMS:
        return _form_count_daily(d, freq, lims)
    if u is None or u.unit is None or u.kind not in _units.DOSE_KINDS or d.amount.mixed_units and False:
        return None
    reg = _units.get_registry()
    q = d.amount.quantity("upper")
    if q is None or q.magnitude != q.magnitude:
        return None
    weight = ""
    if d.per_weight is not None:
        q = q / reg.Quantity(1, "kilogram")
        weight = "/kg"
    fq = _units.format_quantity
    if d.amount.mixed_units:
        # compare ends in one unit so the "upper" really is the larger
        lq = d.amount.quantity("low")
        if lq is not None and lq.dimensionality == q.dimensionality and lq > q:
            q = lq
    amount_txt = f"{_units.format_number(d.amount.upper.value)} {u.written}{weight}"
    if lims.max_per_dose is not None and lims.max_per_dose.amount is not None:
        cap = lims.max_per_dose.amount.quantity("upper")
        if cap is not None and cap.dimensionality == (q * (reg.Quantity(1, "kilogram") if weight else 1)).dimensionality and not weight:
            if cap < q:
                q = cap.to(q.units)
                amount_txt = f"{fq(cap)} (stated max per dose)"
    day = reg.Quantity(1, "day")
    if d.per == "day":
        return q / day, f"{amount_txt}/day"
    n = None
    how = ""
    if freq is not None and freq.max_administrations_per_24h is not None:
        n = freq.max_administrations_per_24h
        how = f" × {n}/day"
        apd = freq.administrations_per_day or 0
        if abs(apd - n) > 1e-9:
            how += f" (at most {n} in any 24 h: {freq.raw})"
    n, how = _capped_by_stated_doses(n, how, lims)
    if n is None:
        return None
    return q * n / day, f"{amount_txt}{how}"


def _form_count_daily(d: Dose, freq: Frequency | None, lims: Dose) -> tuple[Any, str] | None:
    """A bare count of a product's form with no strength × doses a day ("Co-codamol 30/500
    tablets: take 2 every 4 hours": 2 tablets × 6/day), in the form's units, capped by a
    stated count of doses."""
    n, how = _doses_a_day(d, freq, lims)
    if n is None:
        return None
    reg = _units.get_registry()
    count = d.amount.upper.value
    noun = d.form.name if count == 1 else d.form.name + "s"
    return reg.Quantity(count * n, d.form.name) / reg.Quantity(1, "day"), \
        f"{_units.format_number(count)} {noun}{how}"


def _doses_a_day(d: Dose, freq: Frequency | None, lims: Dose) -> tuple:
    """(doses a day or None, how it was read): one for a dose written per day, else the
    frequency's most in 24 hours, lowered to a stated maximum number of doses."""
    n, how = (1, "/day") if d.per == "day" else (None, "")
    if n is None and freq is not None and freq.max_administrations_per_24h is not None:
        n = freq.max_administrations_per_24h
        how = f" × {n}/day"
    return _capped_by_stated_doses(n, how, lims)


def _capped_by_stated_doses(n, how: str, lims: Dose) -> tuple:
    """Doses a day ``n`` (and how it was read), lowered to a stated maximum number of doses."""
    if lims.max_doses_per_day is not None:
        m = int(lims.max_doses_per_day.value)
        if n is None or m < n:
            return m, f" × {m}/day (stated max doses)"
    return n, how


def _content_daily(d: Dose, freq: Frequency | None, lims: Dose) -> tuple[Any, str] | None:
    """What the measured dose holds × doses a day ("10 mL (10 mg) twice a day": 10 mg × 2/day)."""
    spl = _units.lookup_spelling(d.content.unit)
    if spl is None or spl.unit is None:
        return None
    n, how = _doses_a_day(d, freq, lims)
    if n is None:
        return None
    reg = _units.get_registry()
    amount = f"{_units.format_number(d.amount.upper.value)} {d.amount.unit.written}" if d.amount.unit else ""
    return reg.Quantity(d.content.value, spl.unit) * n / reg.Quantity(1, "day"), \
        f"{amount} ({d.content.raw}){how}"


def _count_daily(d: Dose, freq: Frequency | None, lims: Dose) -> tuple[Any, str] | None:
    """Strength × count × doses a day ("2 × 500 mg × 4/day"), capped by a stated
    count of doses; a stated per-day limit in the product's units caps the count."""
    spl = _units.lookup_spelling(d.strength.unit)
    if spl is None or spl.unit is None:
        return None
    reg = _units.get_registry()
    per_unit = reg.Quantity(d.strength.value, spl.unit)
    count = d.amount.upper.value
    n, how = None, ""
    if d.per == "day":
        n, how = 1, "/day"
    elif freq is not None and freq.max_administrations_per_24h is not None:
        n = freq.max_administrations_per_24h
        how = f" × {n}/day"
    n, how = _capped_by_stated_doses(n, how, lims)
    if n is None:
        return None
    total = count * n
    cap = lims.max_per_day
    if cap is not None and cap.amount is not None and (cap.amount.unit is None or cap.amount.unit.kind == "count"):
        if cap.value < total:
            total = cap.value
            return per_unit * total / reg.Quantity(1, "day"), \
                f"{_units.format_number(total)} × {_strength_shown(d.strength)} (stated max a day)"
    txt = f"{_units.format_number(count)} × {_strength_shown(d.strength)}{how}"
    return per_unit * total / reg.Quantity(1, "day"), txt


def _strength_shown(st) -> str:
    """A strength as written, with its unit when the text left it to the last of a pair
    ("5" of "5/325 mg": 5 mg)."""
    return st.raw if any(c.isalpha() for c in st.raw) else f"{st.raw} {st.unit}"


def _with_parts_daily(step: "Dose", r: tuple | None, d: "Dose") -> tuple | None:
    """The step's daily amount with the other doses of its day added ("2 tablets in the
    morning and 1 at lunchtime"); a bare count of a part counts what the step counts."""
    if r is None or not step.parts:
        return r
    q, expl = r
    for part in step.parts:
        pr = _step_daily(part, part.frequency, d)
        if pr is None and part.amount is not None and part.amount.unit is None and step.amount is not None \
                and part.frequency is not None and part.frequency.max_administrations_per_24h:
            share = part.amount.upper.value / step.amount.upper.value  # as many of the step's units
            n = part.frequency.max_administrations_per_24h
            base = _step_daily(step, part.frequency, d)
            each = f" × {step.strength.raw}" if step.strength is not None else ""
            pr = None if base is None else (
                base[0] * share, f"{_units.format_number(part.amount.upper.value)}{each} × {n}/day")
        if pr is None or pr[0].dimensionality != q.dimensionality:
            continue  # a part in another dimension: not added
        q = q + pr[0].to(q.units)
        expl = f"{expl} + {pr[1]}"
    return q, expl


def _daily_maximum(d: Dose) -> DailyMax | None:
    best = None
    prev_freq = None
    for step in d.steps:
        freq = step.frequency or prev_freq
        prev_freq = freq
        r = _with_parts_daily(step, _step_daily(step, freq, d), d)
        if r is None:
            continue
        q, expl = r
        if best is None:
            best = (q, expl)
        else:
            # a step in another dimension than the largest so far is taken, as before
            if not _units.same_dimension(q, best[0]) or q.to(best[0].units).magnitude > best[0].magnitude:
                best = (q, expl)
    reg = _units.get_registry()
    fq = _units.format_quantity
    lim = d.max_per_day
    cap = None
    if lim is not None and lim.amount is not None:
        cq = lim.amount.quantity("upper")
        du = d.amount.unit if d.amount is not None else None
        if cq is None and lim.amount.unit is None and du is not None and du.kind == "count" and du.unit:
            cq = reg.Quantity(lim.value, du.unit)  # "1-2 tabs ... max 8/24h": 8 tablets
        if cq is not None:
            cap = cq / reg.Quantity(1, "day")
            if lim.per_weight is not None:
                cap = cap / reg.Quantity(1, "kilogram")
    if best is None:
        if cap is None:
            return None
        return DailyMax(cap, f"stated max {fq(cap)}")
    q, expl = best
    text = f"{expl} = {fq(q)}"
    if cap is not None and not _units.same_dimension(cap, q):
        cap = _count_cap_as_content(d, lim) or cap
    if cap is not None and _units.same_dimension(cap, q) and cap.to(q.units).magnitude < q.magnitude:
        return DailyMax(cap.to(q.units), f"{text}, capped by stated max {fq(cap)}")
    return DailyMax(q, text)


def _count_cap_as_content(d: Dose, lim) -> Any | None:
    """A most a day counted in the dose's units, as what those units hold: "1 or 2 tablets
    (200 mg to 400 mg) ... no more than 6 tablets in 24 hours" is 6 × 200 mg = 1,200 mg a day
    (the content of the most a dose counts, over that count); None when the dose states no
    content or the limit counts another unit."""
    a, content = d.amount, d.content
    if a is None or content is None or a.unit is None or a.unit.kind != "count" or not a.upper.value:
        return None
    lu = lim.amount.unit
    if lu is None or lu.kind != "count" or lu.unit != a.unit.unit:
        return None
    spl = _units.lookup_spelling(content.unit)
    if spl is None or spl.unit is None:
        return None
    reg = _units.get_registry()
    each = reg.Quantity(content.value, spl.unit) / a.upper.value
    return each * lim.value / reg.Quantity(1, "day")


class Envelope(_Value):
    """What a multi-phase dose spans, as a pharmacist reads it (the sig table's convention):
    ``low`` and ``high`` the smallest and largest single amount any step gives, in ``unit``
    (the canonical name of the first step's first end: "500 mg-1 g" spans 500-1000 mg);
    ``per_day`` the (fewest, most) administrations a day over the regular phases, a one-off
    dose (stat, now, on day 1) left out, None when no regular phase says how often;
    ``as_needed`` whether any step is taken as needed."""

    __slots__ = ("low", "high", "unit", "per_day", "as_needed")

    def __init__(self, low: float, high: float, unit: str | None, per_day: tuple[float, float] | None,
                 as_needed: bool) -> None:
        _set(self, "low", low)
        _set(self, "high", high)
        _set(self, "unit", unit)
        _set(self, "per_day", per_day)
        _set(self, "as_needed", as_needed)


def envelope(d: "Dose") -> Envelope | None:
    """The dose's :class:`Envelope`; None when its first step has no amount.  A step read
    after "increase by" / "reduce by" is the size of a change: the taper reaches it, so its
    amount counts, but its cadence ("by 25 mg weekly") is no dose frequency; a schedule
    that ends on such a change goes up to its stated maximum ("increasing by 10 mg every
    week to a max of 50 mg").  "If needed" on a change of dose is about the change, so
    only the first step and the steps after "then" make the envelope as needed."""
    if d.amount is None:
        return None
    unit = _end_unit(d.amount, d.amount.low) or d.count_unit
    measure = measure_of(d)
    if measure is not None:  # "two 5ml spoonfuls": a count of a measured volume
        return Envelope(d.amount.low.value * measure[0], d.amount.upper.value * measure[0], measure[1],
                        _per_day_span(d), d.as_needed is not None)
    every = [x for step in d.steps for x in (step,) + step.parts]
    ends = [e for e in (_ends_in(x, unit) for x in every) if e is not None]
    ends = ends or [(d.amount.low.value, d.amount.upper.value)]
    divided = _divided(d)
    if divided is not None:  # "80-90 mg/kg/day divided BID": 40-45 mg/kg a dose
        ends = [(lo / divided[1], hi / divided[0]) for lo, hi in ends]
    high = max(e[1] for e in ends)
    if _increment(d.steps[-1]):
        high = max(high, _cap_in(d, unit) or high)
    as_needed = any(step.as_needed is not None for step in d.steps if not _dose_change(step))
    return Envelope(min(e[0] for e in ends), high, unit, _per_day_span(d), as_needed)


def measure_of(d: "Dose") -> tuple[float, str] | None:
    """(volume, canonical unit) of the measure a bare count counts ("two 5ml spoonfuls":
    5 mL each), or None."""
    st = d.strength
    if st is None or st.kind != "unit" or d.amount is None or d.amount.unit is not None:
        return None
    spl = _units.lookup_spelling(st.unit)
    return (st.value, spl.unit) if spl is not None and spl.kind == "volume" and spl.unit else None


def _one_day(freq) -> bool:
    """"on day 1", "on the first day": a phase of one day, once that day."""
    return " ".join(freq.raw.lower().split()).startswith(("on ", "day "))


def _divided(d: "Dose") -> tuple[float, float] | None:
    """(fewest, most) doses a day a day's amount is divided into ("mg/kg/day divided BID",
    "1 g a day in 2 divided doses"), or None when the amount is per dose."""
    if d.per != "day" or d.frequency is None or d.frequency.per_day_range is None or d.titration:
        return None
    lo, hi = d.frequency.per_day_range
    return (lo, hi) if lo >= 1 - 1e-9 else None


def _increment(step: "Dose") -> bool:
    """Is the step the size of a change ("increase by 25 mg weekly", "then by 1 mg")?"""
    m = step.titration_marker
    return m is not None and m.raw.lower().rstrip().endswith(" by") and not _sequence(m.raw)


def _dose_change(step: "Dose") -> bool:
    """Was the step reached by a change of dose ("increase to", "reduce to", an arrow),
    not by a "then" of a written schedule?"""
    m = step.titration_marker
    return m is not None and not _sequence(m.raw)


def _sequence(raw: str) -> bool:
    return " ".join(raw.lower().split()) in _SEQUENCE_MARKERS


_SEQUENCE_MARKERS = frozenset({"then", "followed by", "and then", "after that", ","})


def _cap_in(d: "Dose", unit: str | None) -> float | None:
    """The dose's stated maximum (per dose or per day) in ``unit``, if it has one in it."""
    for lim in (d.max_per_dose, d.max_per_day):
        if lim is None or lim.amount is None or lim.per_weight is not None:
            continue
        u = _end_unit(lim.amount, lim.amount.upper)
        if u is None or unit is None or not _units.convertible(u, unit):
            continue  # another dimension: not comparable
        return float(_units.get_registry().Quantity(lim.value, u).to(unit).magnitude)
    return None


def _end_unit(amount, end) -> str | None:
    u = end.unit if end.unit is not None else amount.unit
    return None if u is None else u.unit


def _ends_in(step: "Dose", unit: str | None) -> tuple[float, float] | None:
    """The step's (low, high) amount in ``unit``; None when it is in a unit of another kind."""
    a = step.amount
    if a is None:
        return None
    out = []
    for end in (a.low, a.upper):
        u = _end_unit(a, end) or step.count_unit
        if u is None and a.unit is None:
            u = unit  # "2 tabs now then 1 q12h": a bare count counts what the first step does
        if u == unit:
            out.append(end.value)
        elif u is None or unit is None or not _units.convertible(u, unit):
            return None  # different dimensions (tablets vs mg): not comparable
        else:
            out.append(float(_units.get_registry().Quantity(end.value, u).to(unit).magnitude))
    return (min(out), max(out))


def _per_day_span(d: "Dose") -> tuple[float, float] | None:
    """(fewest, most) administrations a day over the regular phases: each step's own
    frequency or the one before it; one-off steps (stat, on day 1) left out."""
    spans = []
    prev = None
    for step in d.steps:
        if _increment(step):
            continue  # "increase by 25 mg weekly": the cadence of the change
        freq = step.frequency or prev
        prev = freq
        if freq is None or freq.per_day_range is None or (freq.kind == "single" and not _one_day(freq)):
            continue  # a one-off (stat, now, single dose) is no phase; "on day 1" is a day's phase
        lo, hi = freq.per_day_range
        for part in step.parts:  # the other doses of the same day add to its rate
            rng = part.frequency.per_day_range if part.frequency is not None else None
            if rng is not None:
                lo, hi = lo + rng[0], hi + rng[1]
        spans.append((lo, hi))
    if not spans:
        return (1.0, 1.0) if d.per == "day" else None  # "2 mg/kg/day": a day's amount, once a day
    daily = [s for s in spans if s[1] >= 1 - 1e-9]  # "1 daily for 2 weeks, then 1 twice a week"
    spans = daily or spans
    return (min(s[0] for s in spans), max(s[1] for s in spans))
