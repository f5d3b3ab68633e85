"""Maxima stated beside a dose: the line, paragraph or bullet of their own that bound the doses
around them.

A page laid out one sentence a line, a blog's bullets and a dose chart's lead-in or note state
the most a day in a text with no dose of its own ("Take 4 mg at first, then 2 mg after each loose
stool." over "Do not take more than 16 mg in 24 hours."; "Give every 4 to 6 hours, no more than 4
doses in 24 hours:" over a chart by weight). The parser reads one text at a time, so such a
maximum reaches no dose. :func:`with_nearby_limits` gives each dose the maxima it lacks from:

- the texts after it in its section, up to :data:`REACH` of them and up to the next dose (the next
  line or paragraph; a later bullet of its list);
- the note right under its list or table (every row of a chart);
- the lead-in right above its list or table, or above a run of short chart lines.

A maximum that names a medicine of the section other than the dose's stays with that medicine.
"""

from __future__ import annotations

import re

from medlint.doses.model import _replace
from medlint.doses.reading import Reading
from medlint.records.model import FaqEntry, Item

REACH = 3  # texts after a dose searched for a maximum of its own line ("Repeat if needed." between)
ROW_CHARS = 100  # "6 to 11 months: 2.5 ml": a chart's line under its lead-in is short

# the kinds lent: the most a day. A duration on a line of its own ("Courses of up to 13 weeks are
# usual", "can be used for up to 7 days") speaks of the course, not of the doses of a day.
_FIELD = {"per_day": "max_per_day", "doses_per_day": "max_doses_per_day"}


def stated_limits(text: str) -> tuple:
    """The maxima a text states ("Do not take more than 16 mg in 24 hours": a Limit per day)."""
    if not text or not any(ch.isdigit() for ch in text) and " no more " not in f" {text.lower()} ":
        return ()
    reading = Reading(text)
    reading.scan()
    return tuple(m.obj for m in reading.limits)


def with_nearby_limits(fields: tuple, triples: tuple, doses_in, named, name_of, limits_in=stated_limits) -> tuple:
    """(record, field, dose) of ``triples`` with each dose given the maxima its neighbours state in
    a text of their own (the module's rules); ``fields`` are the (record, field, text) of the
    article, ``doses_in`` reads a text's doses, ``named(text)`` the medicines a text names,
    ``name_of(record, field, dose)`` a dose's medicine, ``limits_in`` a text's maxima."""
    lent: list = []
    for _section, records in _sections(fields):
        texts = [getattr(r, "text", "") or "" for r in records]
        has = [bool(doses_in(t)) for t in texts]
        names = _section_names(texts, doses_in)
        for j, record in enumerate(records):
            if has[j] or texts[j].rstrip().endswith("?"):
                continue
            limits = tuple(lim for lim in limits_in(texts[j]) if lim.kind in _FIELD)
            if not limits:
                continue
            said = _named(texts[j], names) | named(texts[j])
            lent.extend((records[k], said, limits) for k in _bounded_by(records, texts, has, j))
    if not lent:
        return triples
    return tuple((record, field, _lend(record, field, dose, lent, name_of)) for record, field, dose in triples)


def _sections(fields: tuple):
    """(section, records with running text in reading order) of the non-FAQ texts."""
    out: dict = {}
    for record, field, _text in fields:
        if field != "text" or isinstance(record, FaqEntry):
            continue
        records = out.setdefault(getattr(record, "section", None), [])
        if not records or records[-1] is not record:
            records.append(record)
    return out.items()


def _section_names(texts: list, doses_in) -> set:
    return {d.substance_key for t in texts for d in doses_in(t) if d.substance_key}


def _named(text: str, names: set) -> frozenset:
    low = text.lower()
    return frozenset(n for n in names if re.search(rf"(?<![\w-]){re.escape(n)}(?![\w-])", low))


def _block(records: list, k: int):
    """The list or table block holding record ``k`` (None for a paragraph)."""
    r = records[k] if 0 <= k < len(records) else None
    if not isinstance(r, Item):
        return None
    section = getattr(r, "section", None)
    return next((b for b in (section.blocks if section is not None else ()) if any(i is r for i in b.items)), None)


def _bounded_by(records: list, texts: list, has: list, j: int) -> list[int]:
    """The indexes of the dose texts a maximum stated by text ``j`` bounds."""
    out = []
    own = _block(records, j)
    for k in range(j - 1, max(-1, j - 1 - REACH), -1):
        if own is not None and _block(records, k) is not own:
            break  # a bullet's maximum bounds the earlier bullets of its list
        if has[k]:
            out.append(k)
            row = _block(records, k)
            if own is None and row is not None:  # the note under a chart: every row of it
                out.extend(i for i in range(k) if _block(records, i) is row and has[i])
            if own is None:
                break
    if own is None and texts[j].rstrip().endswith(":") or own is None and _block(records, j + 1) is not None:
        out.extend(_rows_after(records, texts, has, j))
    return out


def _rows_after(records: list, texts: list, has: list, j: int) -> list[int]:
    """The rows a lead-in ``j`` heads: every item of the list or table right after it, else the
    run of short dose lines after a lead-in ending with a colon."""
    if j + 1 >= len(records):
        return []
    block = _block(records, j + 1)
    out = []
    for k in range(j + 1, len(records)):
        same = _block(records, k) is block if block is not None else \
            _block(records, k) is None and has[k] and len(texts[k].strip()) <= ROW_CHARS
        if not same:
            break
        if has[k]:
            out.append(k)
    return out


def _lend(record, field: str, dose, lent: list, name_of):
    """The dose with the maxima lent to its text that it lacks (the first given of each kind): not
    one that names another medicine ("Acetaminophen ... Don't take more than 3,000 mg a day" is not
    the naproxen's), nor one counted in another unit ("6 tablets" does not bound lozenges)."""
    for to, said, limits in lent:
        if to is not record:
            continue
        if said and not ({dose.substance_key, name_of(record, field, dose)} & said):
            continue
        for lim in limits:
            name = _FIELD[lim.kind]
            if getattr(dose, name) is None and _same_count(dose, lim):
                dose = _replace(dose, **{name: lim})
    return dose


def _same_count(dose, lim) -> bool:
    """Is a limit counted in units (tablets, puffs) counted in the dose's own unit or form?"""
    unit = lim.amount.unit if lim.amount is not None else None
    if unit is None or unit.kind != "count":
        return True
    own = dose.amount.unit if dose.amount is not None else None
    form = dose.form.name if dose.form is not None else None
    return own is not None and own.unit == unit.unit or form == unit.unit
