"""Schedules as a pharmacist reads them: how many days lie between two doses.

Reads, from the words in ``checks/schedule.yaml``:

- **schedules**: "every 7 days", "q8h", "every other day", "once a week", "twice daily",
  "3 times a day", "4 hourly", "3-monthly", "daily", "every morning", "every Monday",
  "on the same day each week", "70 mg od" — each as the days between two doses at the
  most frequent end ("every 4-6 hours" is every 4 hours);
- **masses**: "70 mg", "2.5 mg", "1 g" in milligrams (a range keeps both ends);
- **per-kg doses**: "15 mg/kg" and the body weights of the sentence ("weighing 10 to
  20 kg"), multiplied into the quantity per dose and, with the schedule, per day.

Every pattern is built from the data's literal words (escaped alternations, bounded gaps),
so each runs in time linear in the text (``tests/test_schedule.py`` times them the way
``tests/test_linear_time.py`` times the others). Nothing here judges a dose: the checks
(``medlint/checks/schedule.py``) and ``medlint doses`` read these values.
"""

from __future__ import annotations

import re

from medlint import policy
from medlint.prefilter import LazyPattern

_SENTENCE_END = re.compile(r"[.!?](?=[ ]{1,10}[A-Z(\"'\d]|[ ]{0,10}$)|\n")
_NUM = r"\d{1,4}(?:\.\d{1,3})?"


def _alts(words, boundary: bool = True) -> str:
    """An alternation of literal words, longest first; spaces match 1-3 spaces. A word that
    starts or ends with a letter gets a word boundary on that side (``boundary``); the words
    that need the same boundaries share them, so the pattern stays short and compiles fast."""
    groups: dict[tuple[bool, bool], list[str]] = {}
    for w in sorted(set(words), key=lambda s: (-len(s), s)):
        key = (boundary and w[:1].isalnum(), boundary and w[-1:].isalnum())
        groups.setdefault(key, []).append(re.escape(w).replace(r"\ ", "[ ]{1,3}"))
    out = []
    for (lead, tail), alts in sorted(groups.items(), reverse=True):
        out.append(("(?<![A-Za-z])" if lead else "") + "(?:" + "|".join(alts) + ")" + ("(?![A-Za-z])" if tail else ""))
    return "(?:" + "|".join(out) + ")"


def _rx(pattern: str) -> LazyPattern:
    return LazyPattern(pattern, re.I)


class Schedule:
    """A schedule read from a text: ``days`` between two doses, the words (``raw``, ``span``)
    and how it was read (``how``: every, other, times, per-unit, wording, day-of-week)."""

    __slots__ = ("raw", "span", "days", "how")

    def __init__(self, raw: str, span: tuple[int, int], days: float, how: str) -> None:
        self.raw, self.span, self.days, self.how = raw, span, days, how

    @property
    def time_of_day(self) -> bool:
        """"at night", "in the morning": when in the day, not how often (never judged as daily)."""
        return self.how == "time-of-day"

    def __repr__(self) -> str:
        return f"Schedule({self.raw!r}, every {self.days:g} days, {self.how})"

    def as_dict(self) -> dict:
        return {"text": self.raw, "span": list(self.span), "every_days": round(self.days, 6),
                "in_words": in_words(self.days), "read_as": self.how}


class Mass:
    """An amount of a medicine by mass: ``low``/``high`` in milligrams."""

    __slots__ = ("raw", "span", "low", "high")

    def __init__(self, raw: str, span: tuple[int, int], low: float, high: float) -> None:
        self.raw, self.span, self.low, self.high = raw, span, low, high

    def __repr__(self) -> str:
        return f"Mass({self.raw!r}, {self.low:g}-{self.high:g} mg)"


class PerKg:
    """A dose per kilogram of body weight and what it gives for the weights its sentence
    names: ``per_kg`` (low, high) in mg/kg; ``weights`` (low, high) in kg or None;
    ``per_dose`` (low, high) in mg or None; ``per_day`` the most per day in mg (None
    without a weight or a schedule); ``schedule`` the schedule of its sentence."""

    __slots__ = ("raw", "span", "per_kg", "weights", "weight_raw", "per_dose", "per_day", "schedule")

    def __init__(self, raw, span, per_kg, weights, weight_raw, schedule) -> None:
        self.raw, self.span, self.per_kg = raw, span, per_kg
        self.weights, self.weight_raw, self.schedule = weights, weight_raw, schedule
        self.per_dose = None if weights is None else (per_kg[0] * weights[0], per_kg[1] * weights[1])
        self.per_day = None
        if self.per_dose is not None and schedule is not None:
            self.per_day = self.per_dose[1] * max(1.0, round(1.0 / schedule.days, 6))

    def cap(self, doses_per_day: float) -> None:
        """Honour a stated most doses a day ("max 4 doses in 24 hours")."""
        if self.per_dose is not None and self.schedule is not None:
            self.per_day = self.per_dose[1] * min(max(1.0, round(1.0 / self.schedule.days, 6)), doses_per_day)

    def as_dict(self) -> dict:
        return {"text": self.raw, "span": list(self.span), "mg_per_kg": [_num(x) for x in self.per_kg],
                "weight": None if self.weight_raw is None else self.weight_raw,
                "weight_kg": None if self.weights is None else [_num(x) for x in self.weights],
                "mg_per_dose": None if self.per_dose is None else [_num(x) for x in self.per_dose],
                "mg_per_day_at_most": None if self.per_day is None else _num(self.per_day),
                "schedule": None if self.schedule is None else self.schedule.raw}


def _num(x: float) -> int | float:
    r = round(x, 3)
    return int(r) if r == int(r) else r


def fmt(x: float) -> str:
    """A number as a pharmacist writes it: no trailing zero, thousands apart ("1,500")."""
    r = round(x, 3)
    if r == int(r):
        return f"{int(r):,}"
    return f"{r:,.3f}".rstrip("0").rstrip(".")


def in_words(days: float) -> str:
    """Days between doses in words: "every 8 hours", "every day", "every 2 weeks", "every 6 months"."""
    if days < 1 - 1e-6:
        per_day = 1 / days
        if abs(per_day - round(per_day)) < 1e-3 and round(per_day) <= 4:
            return {1: "once a day", 2: "twice a day"}.get(round(per_day), f"{round(per_day)} times a day")
        return f"every {fmt(days * 24)} hours"
    for unit, length in (("year", 365.0), ("month", 365 / 12), ("week", 7.0), ("day", 1.0)):
        n = days / length
        if n >= 1 - 1e-6 and abs(n - round(n)) < 0.02:
            n = round(n)
            return f"every {unit}" if n == 1 else ("every other day" if (unit, n) == ("day", 2) else f"every {n} {unit}s")
    return f"every {fmt(days)} days"


def days_of(period: str, data: dict) -> float:
    """"7 days", "6 months", "1 year" in days, by the data's units."""
    value, unit = period.split(" ", 1)
    return float(value) * _unit_days(unit.rstrip("s"), data)


def _unit_days(unit: str, data: dict) -> float:
    return float(data["units"][unit]["days"])


class Reader:
    """The schedule vocabulary of one ``checks/schedule.yaml``. Each pattern is compiled
    when a text first holds one of its words (:mod:`medlint.prefilter`): most texts
    need few of them."""

    def __init__(self, data: dict) -> None:
        self.data = data
        self.unit_of = {w.lower(): name for name, u in data["units"].items() for w in u["words"]}
        self.numbers = {k.lower(): float(v) for k, v in data["numbers"].items()}
        self.mass_units = {k.lower(): float(v) for k, v in data["mass_units"].items()}
        self.weight_units = {k.lower(): float(v) for k, v in data["weight_units"].items()}
        num = rf"(?:{_NUM}|{_alts(self.numbers)})"
        units = _alts(self.unit_of)
        rng = rf"(?P<a>{num})(?:[ ]{{0,2}}(?:-|–|—|to|or)[ ]{{0,2}}(?P<b>{num}))?"
        self.every_rx = _rx(
            rf"(?P<every>{_alts(data['every'])})\.?[ ]{{0,3}}(?:{rng}[ ]{{0,2}}-?|(?P<other>{_alts(data['other'])})"
            rf"[ ]{{1,3}})?(?P<unit>{units})")
        self.times_rx = _rx(
            rf"(?<![A-Za-z\d.]){rng}[ ]{{0,2}}(?:(?P<times>{_alts(data['times'])})[ ]{{0,3}})?"
            rf"(?:(?P<between>{_alts(data['between'], boundary=False)})[ ]{{0,3}})?-?(?P<unit>{units})")
        self.adverb_rx = _rx(rf"(?<![A-Za-z-])(?P<unit>{_alts(w for w in self.unit_of if w.endswith('ly'))})"
                             r"(?:[ ]{1,3}(?P<next>[A-Za-z]{1,20}(?:[ ]{1,3}of)?))?")
        self.wording_rx = [(_rx(_alts(g["words"])), float(g["days"]), bool(g.get("after_amount")),
                            "time-of-day" if g.get("time_of_day") else "wording") for g in data["wordings"]]
        day = _alts([d + "s" for d in data["days_of_week"]] + data["days_of_week"])
        self.day_rx = _rx(day)
        self.weekday_rx = _rx(rf"{_alts(data['day_of_week_lead'])}[ ]{{1,3}}{day}"
                              rf"(?:[ ]{{0,3}}(?:,|and|&|or|/)[ ]{{0,3}}(?:and[ ]{{1,3}})?{day}){{0,6}}")
        self.after_amount_rx = _rx(
            rf"(?:\d|(?<![A-Za-z]){_alts(self.numbers)})(?:[ ]?[A-Za-zµ]{{1,12}})?(?:[ ]{{1,3}}[A-Za-z.]{{1,12}}){{0,2}}"
            r"[ ]{0,3}$")
        self.not_before = frozenset(w.lower() for w in data["not_before"])
        self.mass_rx = _rx(
            rf"(?<![\d.,]){rng.replace(num, _NUM)}[ ]?(?P<unit>{_alts(self.mass_units)})")
        self.per_kg_rx = _rx(
            rf"(?<![\d.,])(?P<a>{_NUM})(?:[ ]{{0,2}}(?:-|to)[ ]{{0,2}}(?P<b>{_NUM}))?[ ]?(?P<unit>{_alts(self.mass_units)})"
            rf"[ ]{{0,2}}(?:{_alts(data['per_kg'], boundary=False)})(?![A-Za-z])")
        self.weight_rx = _rx(
            rf"(?:{_alts(data['weight_lead'])})[ ]{{0,3}}(?:(?:about|around|over|under|up[ ]to|from|of|between)[ ]{{1,3}})?"
            rf"(?P<a>{_NUM})(?:[ ]{{0,2}}(?:-|to|and)[ ]{{0,2}}(?P<b>{_NUM}))?[ ]?(?P<unit>{_alts(self.weight_units)})"
            rf"|(?<![\d.,/])(?P<a2>{_NUM})(?:[ ]{{0,2}}(?:-|to)[ ]{{0,2}}(?P<b2>{_NUM}))?[ ]?(?P<unit2>{_alts(self.weight_units)})"
            rf"(?:[ ]{{1,3}}(?:child|children|baby|babies|infant|infants|body[ ]weight))")
        self.count_rx = _rx(_alts(data["count_forms"]))
        cues = data["not_prescribing"]
        self.not_before_rx = _rx(_alts(cues["before"]))
        self.not_after_rx = _rx(r"[ ,]{0,3}" + _alts(cues["after"]))
        self.set_up_rx = _rx(_alts(data["set_up_cues"]) + r"[ ]{1,3}[\"'“‘]?$")
        self.route_rx = [(_rx(_alts(r["words"])), frozenset(r["routes"])) for r in data["routes"]]

    def patterns(self) -> list[re.Pattern]:
        """Every pattern this reader runs, compiled (for the linear-time test)."""
        every = [self.every_rx, self.times_rx, self.adverb_rx, self.weekday_rx, self.after_amount_rx,
                 self.mass_rx, self.per_kg_rx, self.weight_rx, self.count_rx, _SENTENCE_END,
                 self.not_before_rx, self.not_after_rx, *(rx for rx, _ in self.route_rx),
                 self.day_rx, *(rx for rx, _, _, _ in self.wording_rx)]
        return [rx.compiled() if isinstance(rx, LazyPattern) else rx for rx in every]

    # -- numbers
    def _value(self, raw: str | None) -> float | None:
        if raw is None:
            return None
        raw = raw.lower()
        return self.numbers[raw] if raw in self.numbers else float(raw)

    def _days(self, unit_word: str) -> float:
        return _unit_days(self.unit_of[unit_word.lower()], self.data)

    # -- schedules
    def schedules(self, text: str) -> list[Schedule]:
        """Every schedule in ``text``, in order, the longest reading where two overlap."""
        found: list[Schedule] = []
        found += self._every(text)
        found += self._times(text)
        found += self._adverbs(text)
        found += self._wordings(text)
        found += [Schedule(m.group(0), m.span(), 7.0 / len(self.day_rx.findall(m.group(0))), "day-of-week")
                  for m in self.weekday_rx.finditer(text)]
        found.sort(key=lambda s: (s.span[0], -(s.span[1] - s.span[0])))
        out: list[Schedule] = []
        for s in found:
            if out and s.span[0] < out[-1].span[1]:
                continue
            out.append(s)
        return out

    def _every(self, text: str):
        for m in self.every_rx.finditer(text):
            a, b, unit = self._value(m.group("a")), self._value(m.group("b")), self._days(m.group("unit"))
            if m.group("every").lower() == "q" and a is None and m.group("unit").lower().endswith("ly"):
                continue  # "Q. Daily?" is a question; "q week" and "q8h" are schedules
            if a is not None and a <= 0:
                continue
            n = 2.0 if m.group("other") else min(a, b) if b is not None else (a or 1.0)
            yield Schedule(m.group(0), m.span(), n * unit, "other" if m.group("other") else "every")

    def _times(self, text: str):
        for m in self.times_rx.finditer(text):
            a_raw, unit_word = m.group("a").lower(), m.group("unit").lower()
            a = self._value(a_raw)
            b = self._value(m.group("b"))
            counted = m.group("times") or a_raw in ("once", "twice", "thrice")
            if not counted:
                if unit_word.endswith("ly") and not m.group("between") and a_raw[:1].isdigit() and a > 0:
                    yield Schedule(m.group(0), m.span(), a * self._days(unit_word), "per-unit")  # "4 hourly", "3-monthly"
                continue
            n = max(a, b) if b is not None else a
            if n > 0:
                yield Schedule(m.group(0), m.span(), self._days(unit_word) / n, "times")

    def _adverbs(self, text: str):
        for m in self.adverb_rx.finditer(text):
            nxt = (m.group("next") or "").lower()
            if nxt and (nxt in self.not_before or nxt.split(" ")[0] in self.not_before):
                continue  # "daily activities"
            yield Schedule(m.group("unit"), m.span("unit"), self._days(m.group("unit")), "every")

    def _wordings(self, text: str):
        for rx, days, after_amount, how in self.wording_rx:
            for m in rx.finditer(text):
                if after_amount and not self.after_amount_rx.search(text[max(0, m.start() - 40):m.start()]):
                    continue  # "OD" the right eye, "a day you choose"
                yield Schedule(m.group(0), m.span(), days, how)

    def warned_against(self, text: str, schedule: Schedule, since: int) -> bool:
        """Whether ``schedule`` is warned against rather than prescribed: a cue of
        ``not_prescribing`` before it (from ``since``, within the window) or right after it."""
        start = max(since, schedule.span[0] - int(self.data["not_prescribing"]["window"]))
        if self.not_before_rx.search(text, start, schedule.span[0]):
            return True
        return self.not_after_rx.match(text, schedule.span[1]) is not None

    def set_up(self, text: str, schedule: Schedule, since: int) -> bool:
        """Whether the words right before ``schedule`` set doses to it with no amount written
        (``set_up_cues``: "pick Every day", "take it every day"), from ``since`` (the sentence)."""
        return self.set_up_rx.search(text, max(since, schedule.span[0] - 40), schedule.span[0]) is not None

    def routes(self, text: str) -> frozenset:
        """The routes the words of ``text`` may mean (empty: none named)."""
        out: frozenset = frozenset()
        for rx, routes in self.route_rx:
            if rx.search(text):
                out |= routes
        return out

    def milligrams(self, amount: str) -> float:
        """"70 mg" in milligrams, by the data's mass units."""
        value, unit = amount.split(" ", 1)
        return float(value) * self.mass_units[unit.lower()]

    # -- amounts
    def masses(self, text: str) -> list[Mass]:
        out = []
        for m in self.mass_rx.finditer(text):
            factor = self.mass_units[m.group("unit").lower()]
            low = float(m.group("a")) * factor
            high = float(m.group("b")) * factor if m.group("b") else low
            out.append(Mass(m.group(0), m.span(), low, high))
        return out

    def counts(self, text: str) -> list[tuple[int, int]]:
        """Spans of the forms that make a number a count of doses ("tablets", "injection")."""
        return [m.span() for m in self.count_rx.finditer(text)]

    # -- per kg
    def per_kg(self, text: str) -> list[PerKg]:
        """Every per-kg dose of ``text``, with the body weight and schedule of its sentence."""
        out = []
        for m in self.per_kg_rx.finditer(text):
            factor = self.mass_units[m.group("unit").lower()]
            low = float(m.group("a")) * factor
            per = (low, float(m.group("b")) * factor if m.group("b") else low)
            a, b = sentence_of(text, m.start())
            weights, weight_raw = self._weight(text[a:b])
            scheds = [s for s in self.schedules(text[a:b]) if s.span[0] + a >= m.end()] or self.schedules(text[a:b])
            out.append(PerKg(m.group(0), m.span(), per, weights, weight_raw, scheds[0] if scheds else None))
        return out

    def _weight(self, sentence: str):
        for m in self.weight_rx.finditer(sentence):
            lo, hi, unit = (m.group("a"), m.group("b"), m.group("unit")) if m.group("a") else \
                (m.group("a2"), m.group("b2"), m.group("unit2"))
            f = self.weight_units[unit.lower()]
            low = float(lo) * f
            return (low, float(hi) * f if hi else low), m.group(0)
        return None, None


def sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of ``text`` (split after . ! ? before a capital, and at line ends)."""
    out, start = [], 0
    for m in _SENTENCE_END.finditer(text):
        if m.end() > start:
            out.append((start, m.end()))
        start = m.end()
    if start < len(text):
        out.append((start, len(text)))
    return out


def sentence_of(text: str, pos: int) -> tuple[int, int]:
    for a, b in sentences(text):
        if a <= pos < b:
            return a, b
    return 0, len(text)


def reader(data: dict | None = None) -> Reader:
    """The reader of ``data`` (default: checks/schedule.yaml in use), compiled once per data."""
    return policy.derived(Reader, policy.load("schedule") if data is None else data)


# ---------------------------------------------------------------------------
# what the readers read from one text (`medlint doses`)


def _raw(value):
    return getattr(value, "raw", None) if value is not None else None


def _amount(a) -> dict | None:
    if a is None:
        return None
    low, high = getattr(a, "low", None), getattr(a, "high", None)
    unit = getattr(a, "unit", None)
    return {"text": a.raw, "low": _num(low.value) if low is not None else None,
            "high": _num(high.value) if high is not None else None,
            "unit": getattr(unit, "unit", None) if unit is not None else None,
            "kind": getattr(unit, "kind", None) if unit is not None else None}


def _frequency(f) -> dict | None:
    if f is None:
        return None
    apd = getattr(f, "administrations_per_day", None)
    return {"text": f.raw, "kind": f.kind, "doses_per_day": None if apd is None else _num(apd),
            "most_in_24_hours": getattr(f, "max_administrations_per_24h", None),
            "interval_hours": None if getattr(f, "interval_hours", None) is None else [_num(h) for h in f.interval_hours]}


_LIMITS = (("per dose", "max_per_dose"), ("per day", "max_per_day"), ("doses per day", "max_doses_per_day"),
           ("duration", "max_duration_days"))


def _ingredients(dose) -> list[dict]:
    """Each substance of a combination product with its strength and the most of it a day."""
    out = []
    for i, one in zip(getattr(dose, "ingredients", ()), dose.by_ingredient() if hasattr(dose, "by_ingredient") else ()):
        daily = one.daily_maximum()
        out.append({"substance": i.substance, "as_written": i.name.raw, "strength": _raw(i.strength),
                    "daily_maximum": None if daily is None else daily.explanation})
    return out


def dose_reading(dose, text: str, r: Reader, medicines) -> dict:
    """What the dose parser read of one dose, with the schedule and medicine of its sentence."""
    a, b = sentence_of(text, dose.span[0])
    amount = _amount(dose.amount)
    daily = dose.daily_maximum() if hasattr(dose, "daily_maximum") else None
    return {
        "text": dose.text, "span": list(dose.span),
        "medicine": medicines(text[a:dose.span[1]], dose),
        "amount": amount if amount is None or amount["kind"] != "count" else None,
        "count": amount if amount is not None and amount["kind"] == "count" else None,
        "strength": _raw(getattr(dose, "strength", None)),
        "ingredients": _ingredients(dose),
        "content": _raw(getattr(dose, "content", None)),
        "per": getattr(dose, "per", None), "per_kg": _raw(getattr(dose, "per_weight", None)),
        "frequency": _frequency(getattr(dose, "frequency", None)),
        "as_needed": _raw(getattr(dose, "as_needed", None)),
        "directions": _raw(getattr(dose, "directions", None)),
        "maxima": {k: _raw(getattr(dose, attr, None)) for k, attr in _LIMITS if getattr(dose, attr, None) is not None},
        "daily_maximum": None if daily is None else daily.explanation,
        "route": getattr(getattr(dose, "route", None), "name", None),
        "form": getattr(getattr(dose, "form", None), "name", None),
        "duration": _raw(getattr(dose, "duration", None)),
        "steps": len(getattr(dose, "titration", ()) or ()) + 1,
        "schedule": [s.as_dict() for s in r.schedules(text[a:b])],
    }


def describe(text: str, medicines=lambda text, dose: None) -> dict:
    """Everything the readers read from ``text``: the parser's doses (each with the schedule
    and the medicine of its sentence), every schedule, and every per-kg dose. ``medicines``
    (sentence up to the dose, dose) -> the medicine, from the checks' name tables."""
    from medlint.doses.parser import parse_doses

    r = reader()
    doses = parse_doses(text)
    per_kg = r.per_kg(text)
    for p in per_kg:
        for d in doses:
            limit = getattr(d, "max_doses_per_day", None)
            if d.span[0] <= p.span[0] < d.span[1] and limit is not None:
                p.cap(limit.value)
    return {"text": text, "doses": [dose_reading(d, text, r, medicines) for d in doses],
            "schedules": [s.as_dict() for s in r.schedules(text)], "per_kg": [p.as_dict() for p in per_kg]}
