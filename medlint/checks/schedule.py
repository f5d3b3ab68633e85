"""Schedule checks (DOS010): a weekly, monthly or yearly medicine written with a daily
(or any too frequent) schedule.

The minimum intervals and their sources are in ``checks/schedule.yaml`` (from
shared/reference/dose-ceilings.yaml); the schedule words are read by
:mod:`medlint.doses.schedule`. Medicines are found by the names of
``checks/medicine-names.yaml`` through the safety family's tables
(:func:`medlint.checks.safety.tables`), plus the substance names of the intervals.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from medlint.checks.dosing import text_fields
from medlint.checks.safety import Phrases, tables
from medlint.doses.schedule import days_of, fmt, in_words, reader, sentences
from medlint import policy
from medlint.findings import Hit
from medlint.registry import check

DRUGS = "Medicines\n-\n"
_LEAD = 300        # characters before a sentence searched for the medicine it goes on about
_EXCERPT = 160     # longest excerpt from a medicine's name to its schedule


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
        """Whether ``text`` may name an interval medicine (a substring test, before any word lookup)."""
        lower = text.lower()
        return any(name in lower for name in self.interval_names)

    def find(self, text: str) -> list[tuple[int, int, dict | None]]:
        """(start, end, interval entry or None) of every medicine named in ``text``."""
        out = []
        for phrase, a, b in self.phrases.find(text):
            held = [self.entries[s] for s in self.substances.get(phrase, ()) if s in self.entries]
            out.append((a, b, held[0] if held else None))
        return out


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


def schedule_hits(text: str, heading_entry, n: Names):
    """(start, end, excerpt, message, suggestion) of each too frequent schedule of an interval medicine in ``text``."""
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
        hit = _judge(read, s, sentence, med, n)
        if hit is not None:
            done.add((med[2]["substance"], sentence))
            yield hit


def _judge(read: _Read, s, sentence, med, n: Names):
    """The hit for one schedule of an interval medicine, or None when it is right or not a dose."""
    r, text = read.r, read.text
    m_start, m_end, entry, scope = med
    lo, hi = max(scope, s.span[0] - _LEAD), min(sentence[1], s.span[1] + _LEAD)  # the words beside the schedule
    masses = read.between(read.mass_starts, read.masses, lo, hi)
    if not masses and not read.between(read.counts, read.counts, lo, s.span[0]):
        return None  # no dose is written: "daily life with methotrexate"
    routes = r.routes(text[lo:hi])
    if routes and entry["route"] not in routes:
        return None  # another route than the one the interval is labelled for
    rule = _interval(entry, masses, r)
    tol = 1 - float(n.data["tolerance"])
    if rule is None or s.days >= rule[0] * tol:
        return None
    if any(o.days >= rule[0] * tol for o in read.between(read.schedule_starts, read.schedules, lo, hi)):
        return None  # the right schedule is written beside it ("every morning, once a week")
    if r.warned_against(text, s, sentence[0]):
        return None
    lead = [m.span[0] for m in masses if sentence[0] <= m.span[0] < s.span[0]]
    return _finding(text, s, m_start, m_end, entry, rule, sentence, lead[-1] if lead else None)


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
    interval is not labelled for (methotrexate injection). Alendronate is judged only at its
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
        for start, _end, excerpt, message, suggestion in schedule_hits(text, heading_entry[section], n):
            yield Hit(record, excerpt=excerpt, start=start, field=field, message=message, suggestion=suggestion)


def _named_entry(heading: str | None, n: Names):
    """The interval entry of the one medicine a heading or title names, else None."""
    if not heading or not n.may_name(heading):
        return None
    entries = [e for _, _, e in n.find(heading) if e is not None]
    return entries[0] if entries and all(e is entries[0] for e in entries) else None


def medicine_of(sentence: str, dose, n: Names) -> dict | None:
    """The medicine a dose is of, for ``medlint doses``: the parser's substance when a name of the
    tables is in it, else the last name before the dose in its sentence (``sentence`` ends at the
    dose's end); with the substance it stands for."""
    raw = getattr(getattr(dose, "substance", None), "raw", None)
    for source in ([raw] if raw else []) + [sentence]:
        found = list(n.phrases.find(source))
        if found:
            phrase, a, b = found[-1]
            subs = [s for s in n.substances.get(phrase, ()) if not s.startswith("companion:")]
            return {"as_written": source[a:b], "substance": subs[0] if subs else phrase,
                    "weekly_or_longer": any(s in n.entries for s in subs)}
    return {"as_written": raw, "substance": None, "weekly_or_longer": False} if raw else None
