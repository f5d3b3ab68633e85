"""Schedule checks (DOS010): a weekly, monthly or yearly medicine written with a daily
(or any too frequent) schedule.

The minimum intervals and their sources are in ``checks/schedule.yaml`` (from
shared/reference/dose-ceilings.yaml); the schedule words are read by
:mod:`medlint.doses.schedule`. Medicines are found by the names of
``checks/medicine-names.yaml`` through the safety family's tables
(:func:`medlint.checks.safety.tables`), plus the substance names of the intervals.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from typing import NamedTuple

from medlint.checks.dosing import doses_in, doses_near, per_text, subject_lines, text_fields
from medlint.checks.safety import Phrases, tables
from medlint.doses.schedule import _alts, days_of, fmt, in_words, reader, sentences
from medlint import policy
from medlint.findings import Hit
from medlint.registry import check

DRUGS = "Medicines\n-\n"
_LEAD = 300        # characters before a sentence searched for the medicine it goes on about
_EXCERPT = 160     # longest excerpt from a medicine's name to its schedule
_NEAR = 25         # characters either side of a per-kg amount searched for a loading word
_BAND_NUM = r"\d{1,3}(?:\.\d{1,2})?"
_BAND_CHARS = 100  # a line of a weight chart is short


class Names:
    """Medicine names (medicine-names.yaml, the safety classes, the interval substances and
    their daily companions) and the interval entry of each substance."""

    def __init__(self, t, data: dict) -> None:
        self.tables, self.data = t, data
        self.substances: dict[str, tuple] = dict(t.substances)
        for entry in data["intervals"]:
            self.substances.setdefault(entry["substance"].lower(), (entry["substance"].lower(),))
        for name in data["companions"]:
            self.substances.setdefault(name.lower(), ("companion:" + name.lower(),))
        self.phrases = Phrases(self.substances, stems=False)
        self.entries = {e["substance"].lower(): e for e in data["intervals"]}
        # the names of the interval medicines, to skip a text that names none without reading it
        self.interval_names = tuple(sorted(p for p, subs in self.substances.items()
                                           if any(x in self.entries for x in subs)))

    def may_name(self, text: str) -> bool:
        """Whether ``text`` may name an interval medicine (a substring test, before any word
        lookup; asked once per text)."""
        return per_text(_may_name, text, self)

    def find(self, text: str) -> list[tuple[int, int, dict | None]]:
        """(start, end, interval entry or None) of every medicine named in ``text``."""
        return [(m.start, m.end, m.entry) for m in named(text, self)]


class Named(NamedTuple):
    """One medicine named in a text: where, as written, the substance it stands for (None for
    a daily companion only, such as folic acid) and its interval entry (None if it has none)."""

    start: int
    end: int
    as_written: str
    phrase: str                # the name as the tables hold it
    substances: tuple          # every substance it stands for, companions left out
    entry: dict | None

    @property
    def substance(self) -> str | None:
        return self.substances[0] if self.substances else None


def named(text: str | None, n: Names) -> list[Named]:
    """Every medicine ``text`` names, in reading order: the one lookup behind the heading's
    medicine, the medicine named before a dose and the one ``medlint doses`` shows."""
    out = []
    for phrase, a, b in n.phrases.find(text or ""):
        subs = [s for s in n.substances.get(phrase, ()) if not s.startswith("companion:")]
        held = [n.entries[s] for s in subs if s in n.entries]
        out.append(Named(a, b, text[a:b], phrase, tuple(subs), held[0] if held else None))
    return out


def _may_name(text: str, n: Names) -> bool:
    lower = text.lower()
    return any(name in lower for name in n.interval_names)


def names(ctx) -> Names:
    """The medicine names of the safety tables and the schedule data, built once per data."""
    return policy.derived(Names, tables(ctx), ctx.data("schedule"))


def _interval(entry: dict, masses, r) -> tuple | None:
    """(minimum days, what to write, source, strength or None) for ``entry`` and the amounts
    read beside it, or None when the entry applies only to other strengths."""
    amounts = {round(x, 6) for m in masses for x in (m.low, m.high)}
    for dose in entry.get("doses", ()):
        if round(r.milligrams(dose["amount"]), 6) in amounts:
            return days_of(dose["min_interval"], r.data), dose["write_instead"], dose["source"], dose["amount"]
    strengths = entry.get("applies_to")
    if strengths and not any(round(r.milligrams(s), 6) in amounts for s in strengths):
        return None
    return days_of(entry["min_interval"], r.data), entry["write_instead"], entry["source"], None


class _Read:
    """One text read once: its sentences, medicine names, schedules, masses, counts and route
    words, each sorted by place so that every question about one schedule is a bisection and
    a bounded window (a long item stays linear)."""

    def __init__(self, text: str, found: list, r) -> None:
        self.text, self.r = text, r
        self.sentences = sentences(text)
        self.sentence_starts = [a for a, _ in self.sentences]
        self.found = found
        self.found_starts = [m[0] for m in self.found]
        self.schedules = [s for s in r.schedules(text) if not s.time_of_day]
        self.schedule_starts = [s.span[0] for s in self.schedules]
        self.masses = r.masses(text)
        self.mass_starts = [m.span[0] for m in self.masses]
        self.counts = [a for a, _ in r.counts(text)]

    def sentence_of(self, pos: int) -> tuple[int, int]:
        return self.sentences[bisect_right(self.sentence_starts, pos) - 1]

    def between(self, starts: list, items: list, a: int, b: int) -> list:
        return items[bisect_left(starts, a):bisect_left(starts, b)]

    def medicine_for(self, sched, sentence, heading):
        """(start, end, entry, scope start) of the medicine a schedule is about: the last one named
        before it in its sentence, else (when its sentence names none) the last one named shortly
        before the sentence, else the section heading's (or the title's)."""
        a, b = sentence
        before = self.between(self.found_starts, self.found, a, sched.span[0])
        if before:
            return (*before[-1], before[-1][0])
        if self.between(self.found_starts, self.found, a, b):
            return None  # the sentence names its medicine after the schedule ("Daily methotrexate can kill")
        earlier = self.between(self.found_starts, self.found, max(0, a - _LEAD), a)
        if earlier:
            return (*earlier[-1], earlier[-1][0])
        if heading is not None:
            return (None, None, heading, 0)
        return None


def schedule_hits(text: str, heading_entry, n: Names, product_masses=()):
    """(start, end, excerpt, message, suggestion) of each too frequent schedule of an interval medicine in
    ``text``; ``product_masses`` are the strengths of the product line above it (a label's "ALENDRONATE
    SODIUM 70 MG TABLET" over its "DIRECTIONS: TAKE 1 TABLET ... EVERY DAY"), for a text that gives none."""
    if heading_entry is None and not n.may_name(text):
        return
    found = n.find(text)
    if heading_entry is None and not any(e is not None for _, _, e in found):
        return  # no weekly medicine here: nothing is compiled or scanned
    read = _Read(text, found, reader(n.data))
    done = set()
    for s in read.schedules:
        sentence = read.sentence_of(s.span[0])
        med = read.medicine_for(s, sentence, heading_entry)
        if med is None or med[2] is None or (med[2]["substance"], sentence) in done:
            continue
        hit = _judge(read, s, sentence, med, n, product_masses)
        if hit is not None:
            done.add((med[2]["substance"], sentence))
            yield hit


def _judge(read: _Read, s, sentence, med, n: Names, product_masses=()):
    """The hit for one schedule of an interval medicine, or None when it is right or not a dose."""
    r, text = read.r, read.text
    m_start, m_end, entry, scope = med
    lo, hi = max(scope, s.span[0] - _LEAD), min(sentence[1], s.span[1] + _LEAD)  # the words beside the schedule
    masses = read.between(read.mass_starts, read.masses, lo, hi)
    strengths = masses or (list(product_masses) if m_start is None else [])
    if not masses and not read.between(read.counts, read.counts, lo, s.span[0]) \
            and not r.set_up(text, s, sentence[0]):
        return None  # no dose is written: "daily life with methotrexate" (but "pick Every day" sets one)
    routes = r.routes(text[lo:hi])
    if routes and entry["route"] not in routes:
        if not _also_labelled(entry, routes):
            return None  # another route than the one the interval is labelled for
        entry = {**entry, "source": next(a["source"] for a in entry["also_routes"] if a["route"] in routes)}
    rule = _interval(entry, strengths, r)
    tol = 1 - float(n.data["tolerance"])
    if rule is None or s.days >= rule[0] * tol:
        return None
    a, b = _cell_of(text, s.span, lo, hi)
    if any(o.days >= rule[0] * tol for o in read.between(read.schedule_starts, read.schedules, a, b)):
        return None  # the right schedule is written beside it ("every morning, once a week")
    if r.warned_against(text, s, sentence[0]):
        return None
    lead = [m.span[0] for m in masses if sentence[0] <= m.span[0] < s.span[0]]
    return _finding(text, s, m_start, m_end, entry, rule, sentence, lead[-1] if lead else None)


def _cell_of(text: str, span: tuple[int, int], lo: int, hi: int) -> tuple[int, int]:
    """The words beside a schedule (``lo`` to ``hi``) within its table cell: in a row written
    with pipes ("Methotrexate | 10 mg daily | blood tests every 2 to 3 months") another cell's
    schedule is another thing's (the blood tests'), not the dose's."""
    left = text.rfind("|", lo, span[0])
    right = text.find("|", span[1], hi)
    return (left + 1 if left >= 0 else lo), (right if right >= 0 else hi)


def _also_labelled(entry: dict, routes) -> bool:
    """Do the route words beside a schedule name only routes the entry's ``also_routes`` label at
    the same interval ("17.5 mg pen": subcutaneous, methotrexate's weekly auto-injector)? A bare
    "injection" names several routes and is not judged."""
    also = {a["route"] for a in entry.get("also_routes", ())}
    return bool(also) and set(routes) <= also


def _finding(text, s, m_start, m_end, entry, rule, sentence, amount_start):
    """The hit: the excerpt runs from the medicine's name (or the amount before the schedule,
    when the name is in another sentence) to the schedule."""
    min_days, write, source, strength = rule
    near = m_start is not None and m_start >= sentence[0] and s.span[1] - m_start <= _EXCERPT
    start = s.span[0]
    if near:
        start = m_start
    elif amount_start is not None and s.span[1] - amount_start <= _EXCERPT:
        piece = text[amount_start:s.span[1]]
        start = amount_start if piece.count(")") == piece.count("(") else s.span[0]  # "10 mg) every day"
    excerpt = text[start:s.span[1]]
    shown = text[m_start:m_end] if m_start is not None else entry["substance"]
    of = f" {strength}" if strength else ""
    times = min_days / s.days
    message = (f"\"{excerpt}\" gives {shown}{of} {in_words(s.days)}, but the label gives {entry['substance']}{of} "
               f"at most one dose {in_words(min_days)} ({source}): as written, that is {fmt(round(times))} times the "
               "doses the label allows.")
    example = f"{shown}{of} {write}" if not write.startswith("the ") else write
    suggestion = f"Write \"{write}\" instead of \"{s.raw}\" (e.g. \"{example}\")." if not write.startswith("the ") \
        else f"Write {write} instead of \"{s.raw}\"."
    return start, s.span[1], excerpt, message, suggestion


@check("DOS010", name="weekly-medicine-written-daily", category="dosing", severity="error",
       fix="Write the labelled schedule (\"once a week, on the same day each week\", \"once a year\", "
           "\"every 6 months\") instead of the daily one.",
       bad=(DRUGS + "Methotrexate 10 mg daily – For rheumatoid arthritis.",
            DRUGS + "Fosamax 70 mg tablets – take one tablet every morning before breakfast.",
            DRUGS + "Zoledronic acid 5 mg infusion every month – For osteoporosis."),
       good=(DRUGS + "Methotrexate 10 mg once a week, on the same day each week – For rheumatoid arthritis.",
             DRUGS + "Fosamax 70 mg tablets – take one tablet once a week, first thing in the morning.",
             DRUGS + "Zoledronic acid 5 mg infusion once a year – For osteoporosis.",
             DRUGS + "Alendronate 10 mg every day – The daily tablet."))
def weekly_medicine_written_daily(article, ctx):
    """A medicine given weekly, monthly or yearly must not be written with a daily schedule.

    **What it does.** For each medicine of checks/schedule.yaml (methotrexate, alendronate
    35/70 mg, zoledronic acid, denosumab), named as the page names it (brands and
    international names from checks/medicine-names.yaml: Fosamax, alendronic acid, Reclast,
    Aclasta, Prolia), reads the schedule written after it in its sentence (or, when the
    sentence names no medicine, after the medicine named just before, or in the section
    heading or the title) and flags it when it gives doses more often than the labelled minimum interval:
    "daily", "every morning", "twice a week", "od", "every month" for a yearly 5 mg
    zoledronic acid infusion. Silent when a dose is not written (no amount, no tablets), when
    the right schedule stands beside it ("every morning, once a week"), when the daily
    schedule is warned against ("do not take it every day", "instead of daily"), when it
    belongs to a daily companion (folic acid, calcium, vitamin D), and for a route the
    interval is not labelled for (a bare methotrexate "injection"; its once-weekly pen or
    auto-injector, named so or "under the skin", is an ``also_routes`` of the entry). Alendronate is judged only at its
    weekly strengths (35 and 70 mg): 10 mg daily is labelled.

    **Why it matters.** Weekly methotrexate taken daily has killed patients (the label's
    boxed warning); a weekly bisphosphonate or a yearly infusion written as daily is the same
    class of error, a sevenfold to 365-fold overdose as written.

    **Example.** "Methotrexate 10 mg daily"; "Zoledronic acid 5 mg infusion every month".

    **Fix.** Write the labelled schedule: "once a week, on the same day each week", "once a
    year", "once every 6 months".

    **Source.** Each entry's source in checks/schedule.yaml (Methotrexate tablets US
    prescribing information, boxed warning; ISMP Targeted Medication Safety Best Practice 2;
    Fosamax, Reclast/Zometa and Prolia/Xgeva US prescribing information), quoted in every
    message.
    """
    n = names(ctx)
    title_entry = _named_entry(article.title, n)
    heading_entry: dict = {}  # section -> the entry its heading names (or the title's)
    for record, field, text in text_fields(article):
        if not text:
            continue
        section = getattr(record, "section", None)
        if section not in heading_entry:
            heading_entry[section] = _named_entry(getattr(section, "heading", None), n) or title_entry
        lead, product_masses = _product_line(record, n)
        for start, _end, excerpt, message, suggestion in schedule_hits(text, lead or heading_entry[section], n,
                                                                       product_masses):
            yield Hit(record, excerpt=excerpt, start=start, field=field, message=message, suggestion=suggestion)


_PRODUCT_ROWS = 3  # a label's product line is at most this many rows above its directions
_PRODUCT_WORDS = 14  # and short: a name, a strength, a form, a quantity
_SENTENCE_MARK = re.compile(r"[.!?;](?:\s|$)")


def _product_line(record, n: Names) -> tuple:
    """(interval entry, masses) of the product line a dispensing label prints above its directions
    ("ALENDRONATE SODIUM 70 MG TABLET   QTY: 4" over "DIRECTIONS: TAKE 1 TABLET BY MOUTH EVERY
    DAY"): one of the few rows, items or paragraphs just before the record that opens with the one
    interval medicine it names and gives its strength, on a short line that is no sentence, for a
    record that names no medicine; else (None, ()). The rows may be in the block before (a label's lines read as two tables), or, near the top of the
    page, in the lines the page printed under its title (the article's ``header``)."""
    section = getattr(record, "section", None)
    text = getattr(record, "text", None) or ""
    if section is None or n.may_name(text) and named(text, n):
        return None, ()
    rows = [row for block in section.blocks for row in (block.items or [block])]
    k = next((i for i, row in enumerate(rows) if row is record), None)
    lines = [getattr(row, "text", None) or "" for row in rows[max(0, k - _PRODUCT_ROWS):k]] if k is not None else []
    article = getattr(section, "article", None)
    if article is not None and article.sections and article.sections[0] is section and k is not None and k < _PRODUCT_ROWS:
        lines = [h.get("text") or "" for h in article.meta.get("header") or [] if isinstance(h, dict)] + lines
    for line in reversed(lines):
        line = line.strip()
        found = named(line, n) if n.may_name(line) else []
        if not found:
            continue  # "PRESCRIBER: DR. A. JONES"
        masses = reader(n.data).masses(line)
        product = (len(line.split()) <= _PRODUCT_WORDS and not _SENTENCE_MARK.search(line) and found[0].start == 0
                   and found[0].entry is not None and len({m.phrase for m in found}) == 1 and masses
                   and not reader(n.data).schedules(line))
        # the nearest line naming a medicine is the product line or there is none: a sentence, a line
        # opening with another medicine ("Folic acid 5 mg ... methotrexate"), or a sig of its own
        return (found[0].entry, tuple(masses)) if product else (None, ())
    return None, ()


def _named_entry(heading: str | None, n: Names):
    """The interval entry of the one interval medicine a heading or title names, else None."""
    if not heading or not n.may_name(heading):
        return None
    entries = [m.entry for m in named(heading, n) if m.entry is not None]
    return entries[0] if entries and all(e is entries[0] for e in entries) else None


def medicine_of(sentence: str, dose, n: Names) -> dict | None:
    """The medicine a dose is of, for ``medlint doses``: the parser's substance when a name of the
    tables is in it, else the last name before the dose in its sentence (``sentence`` ends at the
    dose's end); with the substance it stands for."""
    raw = getattr(getattr(dose, "substance", None), "raw", None)
    if getattr(dose, "ingredients", ()):  # "Hydrocodone-acetaminophen 5-500 mg": a combination of both
        return {"as_written": raw, "substance": " + ".join(i.substance for i in dose.ingredients),
                "weekly_or_longer": False}
    for source in ([raw] if raw else []) + [sentence]:
        found = named(source, n)
        if found:
            last = found[-1]
            return {"as_written": last.as_written, "substance": last.substance or last.phrase,
                    "weekly_or_longer": last.entry is not None}
    return {"as_written": raw, "substance": None, "weekly_or_longer": False} if raw else None


# ---------------------------------------------------------------------------
# DOS011: a children's per-kg dose above its ceiling


class PerKgCeilings:
    """The per-kg ceilings of ``checks/schedule.yaml`` by substance, in mg/kg, and the
    wordings that make a per-kg amount the day's total ("60 mg/kg a day")."""

    def __init__(self, data: dict) -> None:
        self.mass_units = {k.lower(): float(v) for k, v in data["mass_units"].items()}
        self.by_substance = {e["substance"].lower(): e for e in data["per_kg_ceilings"]}
        self.mg = {s: (self._mg_per_kg(e["per_dose"]), self._mg_per_kg(e.get("per_day")))
                   for s, e in self.by_substance.items()}
        self.daily_rx = re.compile(r"[ ]{0,2}" + _alts(data["per_kg_daily"]), re.I)
        self.loading_rx = re.compile(_alts(data["per_kg_loading"]), re.I)
        self.tolerance = float(data["tolerance"])
        self.weight_units = {k.lower(): float(v) for k, v in data["weight_units"].items()}
        # "Weight 10–12 kg: 7.5 mL (360 mg)", "10 to 12 kg - 150 mg": a chart line that opens with a band of weight
        self.band_rx = re.compile(
            rf"^\W{{0,3}}(?:{_alts(data['weight_lead'])}[ ]{{0,3}}:?[ ]{{0,3}})?(?P<a>{_BAND_NUM})[ ]{{0,2}}(?:-|–|—|to)"
            rf"[ ]{{0,2}}(?P<b>{_BAND_NUM})[ ]?(?P<unit>{_alts(self.weight_units)})[ ]{{0,2}}[:|–—-]", re.I)

    def _mg_per_kg(self, value: str | None) -> float | None:
        if value is None:
            return None
        number, unit = value.split(" ", 1)
        return float(number) * self.mass_units[unit.split("/", 1)[0].lower()]

    def milligrams(self, value: float, amount) -> float | None:
        """``value`` in ``amount``'s unit (a mass, by its pint name) in milligrams, else None."""
        factor = self.mass_units.get(getattr(amount.unit, "unit", None) or "")
        return None if factor is None else value * factor

    def loading(self, text: str, dose) -> bool:
        """Whether the amount is a one-off first dose: a loading word within a few words of it."""
        a, b = dose.amount.span
        return self.loading_rx.search(text, max(0, a - _NEAR), a) is not None \
            or self.loading_rx.search(text, b, b + _NEAR) is not None

    def band(self, text: str) -> tuple[float, float, int] | None:
        """(lightest, heaviest kg, end) of the band of weight a chart line opens with, else None."""
        m = self.band_rx.match(text)
        if m is None:
            return None
        f = self.weight_units[m.group("unit").lower()]
        return float(m.group("a")) * f, float(m.group("b")) * f, m.end()

    def daily_total(self, text: str, dose) -> bool:
        """Whether the per-kg amount is the day's total ("90 mg/kg/day", "30 mg/kg per day")."""
        return self.daily_rx.match(text, dose.per_weight.span[1]) is not None


def per_kg_ceilings(ctx) -> PerKgCeilings:
    return policy.derived(PerKgCeilings, ctx.data("schedule"))


def _substance_before(text: str, pos: int, n: Names, fallback: str | None) -> tuple[str | None, str | None]:
    """(substance, name as written) of the last medicine named before ``pos`` within the lead
    (else ``fallback``, the heading's or the title's substance)."""
    found = [m for m in named(text[max(0, pos - _LEAD):pos], n) if m.substance is not None]
    return (found[-1].substance, found[-1].as_written) if found else (fallback, fallback)


def per_kg_judgement(text: str, dose, c: PerKgCeilings, substance: str, shown: str):
    """(message, suggestion) when a per-kg dose of ``substance`` is above its ceiling, else None."""
    per_dose_max, per_day_max = c.mg[substance]
    mg = c.milligrams(dose.amount.upper.value, dose.amount)
    if mg is None:
        return None
    slack = 1 + c.tolerance
    problems = []
    if c.loading(text, dose):
        return None  # "20 mg/kg loading dose, then 15 mg/kg": one first dose, the prescriber's decision
    if c.daily_total(text, dose):
        day = mg
    else:
        if mg > per_dose_max * slack:
            problems.append(f"{fmt(mg)} mg/kg a dose is above the {fmt(per_dose_max)} mg/kg a dose")
        day = _most_per_day(dose, mg, c)
    if day is not None and per_day_max is not None and day > per_day_max * slack:
        problems.append(f"as written it allows {fmt(day)} mg/kg a day, above the {fmt(per_day_max)} mg/kg a day")
    if not problems:
        return None
    entry = c.by_substance[substance]
    source = re.sub(r"[ ]\(.*$", "", entry["source"].split(",", 1)[0])  # "NPS MedicineWise"
    message = (f"\"{dose.text}\" gives {shown} by weight: {'; '.join(problems)} that is the most for a child "
               f"({source}).")
    if per_day_max is None:
        return message, f"Give at most {fmt(per_dose_max)} mg/kg a dose."
    times = int(per_day_max // per_dose_max)
    suggestion = (f"Give at most {fmt(per_dose_max)} mg/kg a dose and no more than {fmt(per_day_max)} mg/kg in "
                  f"24 hours (e.g. \"{fmt(per_dose_max)} mg/kg up to {times} times in 24 hours\").")
    return message, suggestion


def _most_per_day(dose, mg: float, c: PerKgCeilings) -> float | None:
    """The most mg/kg a day a per-kg dose allows: its schedule's most doses in 24 hours
    (capped by a stated most doses), capped by a stated per-kg daily limit."""
    freq = dose.frequency
    n = None if freq is None else freq.max_administrations_per_24h
    limit = dose.max_doses_per_day
    if limit is not None:
        n = limit.value if n is None else min(n, limit.value)
    day = None if n is None else mg * n
    stated = _stated_daily_limit(dose, c)
    return day if day is None or stated is None else min(day, stated)


def _stated_daily_limit(dose, c: PerKgCeilings) -> float | None:
    """The per-kg daily limit stated with a dose ("no more than 40 mg/kg in 24 hours"), in mg/kg."""
    cap = dose.max_per_day
    if cap is None or cap.per_weight is None or cap.amount is None:
        return None
    return c.milligrams(cap.value, cap.amount)


@check("DOS011", name="per-kg-dose-above-ceiling", category="dosing", severity="error",
       fix="Give the children's dose within its per-kg ceilings, a dose and a day (checks/schedule.yaml "
           "per_kg_ceilings, with their sources).",
       bad=("Paracetamol for children\n-\nLiquid paracetamol – 20 mg/kg every 4 hours for fever.",
            "Fever in children\n-\nIbuprofen – 10 mg/kg every 4 hours.",
            "Fever in children\n-\nCalpol – 90 mg/kg/day."),
       good=("Paracetamol for children\n-\nLiquid paracetamol – 15 mg/kg every 4 to 6 hours, no more than 4 doses "
             "in 24 hours.",
             "Fever in children\n-\nIbuprofen – 5 to 10 mg/kg three times a day.",
             "Fever in children\n-\nIbuprofen – 10 mg/kg every 6 hours (maximum 40 mg/kg in 24 hours)."))
def per_kg_dose_above_ceiling(article, ctx):
    """A children's dose given per kilogram must stay within the per-kg ceilings.

    **What it does.** For each dose written per kilogram of body weight ("15 mg/kg",
    "20 mg/kg/dose", "90 mg/kg/day") of a medicine with a per-kg ceiling in
    checks/schedule.yaml (paracetamol and ibuprofen, by any name of
    checks/medicine-names.yaml: Calpol, Tylenol, Nurofen, Advil), named before it or in the
    section heading or the title, works out the amount a dose and the most in a day the
    schedule allows (its most doses in 24 hours, capped by a stated most doses or a stated
    per-kg daily limit, in its own text or on a neighbouring line of its own, as DOS001 reads
    them: :mod:`medlint.checks.dose_context`) and flags either above its ceiling. A per-kg amount followed by a
    day's wording ("a day", "/day", "in 24 hours") is the day's total and is judged against
    the daily ceiling only. A dose written in grams per kilogram instead of milligrams (a
    thousandfold slip) is caught as a dose above the ceiling.

    **Why it matters.** Parents give weight-based doses by the numbers on the page; 20 mg/kg
    every 4 hours is 120 mg/kg of paracetamol a day, twice the most for a child, and
    repeated doses above the ceiling have caused liver failure in children.

    **Example.** "Liquid paracetamol 20 mg/kg every 4 hours"; "Ibuprofen 10 mg/kg every 4 hours"
    (60 mg/kg a day).

    **Fix.** Give the dose within the ceiling and the day's limit with it: "15 mg/kg up to 4
    times in 24 hours".

    **Source.** Each entry's source in checks/schedule.yaml `per_kg_ceilings` (NPS
    MedicineWise paediatric paracetamol dosing; Mayo Clinic/Micromedex ibuprofen dosing for
    children), named in every message.
    """
    c = n = title_sub = None  # built at the first text that writes a dose per kg
    near = None  # each text's doses with the maxima their neighbours state (a next bullet's "60 mg/kg in 24 hours")
    for record, field, text in text_fields(article):
        if not text or "kg" not in text.lower():
            continue
        if c is None:
            c, n = per_kg_ceilings(ctx), names(ctx)
            title_sub = next((sub for line in subject_lines(article) for sub in [_named_substance(line, n)] if sub), None)
        if not c.by_substance:
            return
        section = getattr(record, "section", None)
        fallback = _named_substance(getattr(section, "heading", None), n) or title_sub
        band = c.band(text) if len(text) <= _BAND_CHARS else None
        if band is not None:
            judged = _band_judgement(record, text, band, c, n, fallback)
            if judged is not None:
                yield Hit(record, excerpt=text.strip(), start=0, field=field, message=judged[0], suggestion=judged[1])
            continue
        if near is None:
            near = _doses_by_text(article, ctx)
        for dose in near.get((record, field), ()):
            if getattr(dose, "per_weight", None) is None or dose.amount is None:
                continue
            substance, shown = _substance_before(text, dose.span[0], n, fallback)
            if substance not in c.by_substance:
                continue
            judged = per_kg_judgement(text, dose, c, substance, shown)
            if judged is not None:
                yield Hit(record, excerpt=dose.text, start=dose.span[0], field=field, message=judged[0],
                          suggestion=judged[1])


def _doses_by_text(article, ctx) -> dict:
    """(record, field) -> the doses of that text, each with the most a day its neighbouring
    lines state (:func:`medlint.checks.dosing.doses_near`, as DOS001-DOS003 read them)."""
    out: dict = {}
    for record, field, dose in doses_near(article, ctx.data("dosing")):
        out.setdefault((record, field), []).append(dose)
    return out


def _band_lead(record, c: PerKgCeilings) -> str:
    """The paragraph above a run of weight-chart lines ("Paracetamol 120 mg/5 mL: give every 6
    hours" over "Weight 10–12 kg: 7.5 mL (360 mg)"), else ""."""
    section = getattr(record, "section", None)
    blocks = getattr(section, "blocks", None) or []
    i = next((k for k, b in enumerate(blocks) if b is record), None)
    if i is None:
        return ""
    while i > 0 and getattr(blocks[i - 1], "type", None) == "paragraph" and c.band(blocks[i - 1].text or ""):
        i -= 1
    lead = blocks[i - 1] if i > 0 else None
    return (lead.text or "") if lead is not None and getattr(lead, "type", None) == "paragraph" else ""


def _band_milligrams(dose, c: PerKgCeilings) -> float | None:
    """A chart line's dose in milligrams: its amount when a mass ("150 mg"), else the mass that
    its measured volume holds ("5 mL (250 mg)")."""
    mg = c.milligrams(dose.amount.upper.value, dose.amount)
    if mg is None and dose.content is not None:
        factor = c.mass_units.get(dose.content.unit.lower())
        mg = None if factor is None else dose.content.value * factor
    return mg


def _band_judgement(record, text: str, band, c: PerKgCeilings, n: Names, fallback):
    """(message, suggestion) when a chart line's dose for a band of weight ("Weight 10–12 kg: 7.5 mL
    of 240 mg/5 mL (360 mg)") is above the per-kg ceiling a dose even for the heaviest child of the
    band, else None. The medicine is the one the line names, else the chart's lead line, the
    heading or the title; the dose is the line's largest amount by mass (the bracketed "(360 mg)")."""
    low, high, end = band
    substance, shown = _substance_before(text, len(text), n, None)
    if substance is None:
        lead = _band_lead(record, c)
        substance, shown = _substance_before(lead, len(lead), n, fallback)
    if substance not in c.by_substance:
        return None
    masses = [mg for d in doses_in(text[end:]) if d.amount is not None and d.per_weight is None
              for mg in [_band_milligrams(d, c)] if mg is not None]
    if not masses:
        return None
    mg = max(masses)
    per_dose_max = c.mg[substance][0]
    per_kg = mg / high
    if per_kg <= per_dose_max * (1 + c.tolerance):
        return None
    entry = c.by_substance[substance]
    source = re.sub(r"[ ]\(.*$", "", entry["source"].split(",", 1)[0])
    band_text = f"{fmt(low)}–{fmt(high)} kg"
    message = (f"\"{text.strip()}\" gives {fmt(mg)} mg of {shown} to a child of {band_text}: {fmt(per_kg)} mg/kg a dose "
               f"even at {fmt(high)} kg, above the {fmt(per_dose_max)} mg/kg a dose that is the most for a child "
               f"({source}).")
    suggestion = (f"Give at most {fmt(per_dose_max * low)} mg a dose for {band_text} ({fmt(per_dose_max)} mg/kg at "
                  f"{fmt(low)} kg), and check the amount and the strength of the liquid on the line.")
    return message, suggestion


def _named_substance(heading: str | None, n: Names) -> str | None:
    """The substance of the one medicine a heading or title names, else None."""
    subs = {s for m in named(heading, n) for s in m.substances}
    return subs.pop() if len(subs) == 1 else None
