"""A Dose as plain data for YAML (schema/dose.schema.json)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .arithmetic import measure_of

if TYPE_CHECKING:
    from .model import Amount, Dose, Limit


# records


def _num(x: float) -> int | float:
    if isinstance(x, float) and x.is_integer() and abs(x) < 1e15:
        return int(x)
    return x


def _amount_record(a: Amount) -> dict:
    # Only what is not in the dose's own text: the values and the canonical unit.
    r: dict[str, Any] = {"low": _num(a.low.value)}
    if a.high is not None:
        r["high"] = _num(a.high.value)
    u = a.unit
    if u is not None:
        if u.unit is not None:
            r["unit"] = u.unit
        else:
            r["unit_raw"] = u.raw  # a unit the lexicon cannot read: keep the spelling
    if a.implied:
        r["implied"] = True
    return r


def _limit_record(l: Limit, d: Dose) -> dict:
    r: dict[str, Any] = {"raw": l.raw, "value": _num(l.value)}
    if l.amount is not None and l.amount.unit is not None:
        r["unit_raw"] = l.amount.unit.raw
        if l.amount.unit.unit:
            r["unit"] = l.amount.unit.unit
    else:
        unit, inherited = d.limit_unit(l)
        if inherited:
            r["unit"] = unit
            r["unit_inherited"] = True
    if l.per_weight is not None:
        r["weight_based"] = True
    if l.assumed:
        r["assumed"] = True
    return r


def _dose_record(d: Dose) -> dict:
    r: dict[str, Any] = {"text": d.text}
    if d.substance is not None:
        r["substance"] = d.substance.raw
    if d.amount is not None:
        r["amount"] = _amount_record(d.amount)
    r["per"] = d.per
    if d.per_weight is not None:
        r["weight_based"] = True
    if d.strength is not None:
        r["strength"] = {"raw": d.strength.raw, "value": _num(d.strength.value),
                         "unit": d.strength.unit, "kind": d.strength.kind}
    if d.content is not None:
        r["content"] = {"raw": d.content.raw, "value": _num(d.content.value), "unit": d.content.unit,
                        "kind": "content"}
    if d.ingredients:
        r["ingredients"] = [_ingredient_record(i) for i in d.ingredients]
    if d.frequency is not None:
        f = d.frequency
        fr: dict[str, Any] = {"raw": f.raw, "kind": f.kind}
        if f.administrations_per_day is not None:
            fr["administrations_per_day"] = _num(round(f.administrations_per_day, 6))
        if f.interval_hours is not None:
            fr["interval_hours"] = [_num(f.interval_hours[0]), _num(f.interval_hours[1])]
        if f.fewest_per_day is not None:
            fr["fewest_per_day"] = _num(round(f.fewest_per_day, 6))
        r["frequency"] = fr
    if d.as_needed is not None:
        r["as_needed"] = {"raw": d.as_needed.raw}
    if d.directions is not None:
        r["directions"] = {"raw": d.directions.raw}
    if d.route is not None:
        r["route"] = {"name": d.route.name, "raw": d.route.raw}
    if d.form is not None:
        r["form"] = {"name": d.form.name, "raw": d.form.raw}
    if d.duration is not None:
        du: dict[str, Any] = {"raw": d.duration.raw, "days": _num(d.duration.days)}
        if d.duration.days_high is not None:
            du["days_high"] = _num(d.duration.days_high)
        r["duration"] = du
    if d.taper is not None:
        r["taper"] = True
    for name in ("max_per_dose", "max_per_day", "max_doses_per_day", "max_duration_days"):
        lim = getattr(d, name)
        if lim is not None:
            r[name] = _limit_record(lim, d)
    if d.titration:
        r["titration"] = [_dose_record(s) for s in d.titration]
    if d.parts:
        r["parts"] = [_dose_record(s) for s in d.parts]
    env = _envelope_record(d)
    if env is not None:
        r["envelope"] = env
    if d.titration_marker is not None:
        r["titration_marker"] = d.titration_marker.raw
    if d.unit_problem is not None:
        r["unit_problem"] = d.unit_problem
    return r


def _ingredient_record(i) -> dict:
    r: dict[str, Any] = {"substance": i.substance, "name": i.name.raw}
    if i.strength is not None:
        r["strength"] = {"raw": i.strength.raw, "value": _num(i.strength.value), "unit": i.strength.unit}
    return r


def _envelope_record(d: Dose) -> dict | None:
    """The dose's envelope, kept only where it says more than the first step's amount and
    frequency: several steps, a range across two units, or a bare count of a named form."""
    a = d.amount
    if a is None:
        return None
    mixed = a.high is not None and a.low.unit is not None and a.high.unit is not None \
        and a.low.unit.unit != a.high.unit.unit
    counted = a.unit is None and (d.count_unit is not None or measure_of(d) is not None)
    if not (d.titration or d.parts or mixed or counted or d.per == "day"):
        return None
    env = d.envelope()
    r: dict[str, Any] = {"low": _num(env.low), "high": _num(env.high)}
    if env.unit is not None:
        r["unit"] = env.unit
    if env.per_day is not None:
        r["per_day"] = [_num(round(env.per_day[0], 6)), _num(round(env.per_day[1], 6))]
    if env.as_needed:
        r["as_needed"] = True
    return r
