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

A maximum that names a medicine of the section other than the dose's stays with that medicine, and
one that names a population ("Adults: no more than 8 tablets in 24 hours") bounds only the doses
before it that name the same population: a children's line above it stays unbounded.
"""

from __future__ import annotations

import re

from medlint.doses.lexicon import lexicon as _lexicon
from medlint.doses.limits import _limit_head
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
    lent: dict = {}  # record -> [(medicines named, limits)] lent to its doses
    for _section, records in _sections(fields):
        texts = [getattr(r, "text", "") or "" for r in records]
        has = [bool(doses_in(t)) for t in texts]
        blocks = _blocks_of(records)
        names = _section_names(texts, doses_in)
        for j, record in enumerate(records):
            text, limits = _limit_text(record, texts[j], has[j], limits_in)
            if not limits:
                continue
            upto = _through_sentence(text, max(lim.span[1] for lim in limits))
            said = _named(upto, names) | named(upto)
            label = _population_label(text, limits)
            for k in _bounded_by(blocks, texts, has, j):
                if k < j and label and not _same_population(label, texts[k]):
                    continue  # "Adults: no more than 8 tablets a day" does not bound the children's line above
                lent.setdefault(records[k], []).append((said, limits))
    if not lent:
        return triples
    return tuple((record, field, _lend(record, field, dose, lent.get(record, ()), name_of))
                 for record, field, dose in triples)


_SENTENCE_END = re.compile(r"[.!?;](?:\s|$)")


def _population_label(text: str, limits) -> tuple | None:
    """The population a limit's text names before its limit, as (its population words, its
    numbers): "Adults and children over 12: do not take more than 8 tablets" gives ({adults,
    children}, {12}); None when it names none (``population_words``)."""
    head = text[:min(lim.span[0] for lim in limits)]
    colon = head.find(":")
    return _population_of(head[:colon] if colon >= 0 else head)


def _population_of(text: str) -> tuple | None:
    words = frozenset(m.group().lower() for m in _lexicon().not_doses.population.finditer(text))
    return (words, frozenset(re.findall(r"\d+", text))) if words else None


def _same_population(label: tuple, text: str) -> bool:
    """Does a dose's text name every population word and number of a limit's label?"""
    own = _population_of(text)
    return own is not None and label[0] <= own[0] and label[1] <= own[1]


def _through_sentence(text: str, at: int) -> str:
    """``text`` up to the end of the sentence holding ``at``: the limit's words and what leads to them
    ("Do not take more than 4 g of paracetamol in 24 hours."), not the sentences after it."""
    m = _SENTENCE_END.search(text, at)
    return text[:m.end()] if m else text


def _limit_text(record, text: str, has_doses: bool, limits_in) -> tuple:
    """(text read, its most-a-day limits) of a text that states a limit of its own: a text with no
    dose ("Do not take more than 16 mg in 24 hours."), or a table row labelled as the limit ("|
    Maximum dose | 4 g in 24 hours |"); else (text, ())."""
    cells = [c for c in getattr(record, "cells", None) or () if c.strip()]
    if has_doses and len(cells) == 2 and _limit_head(_lexicon().limit_words).search(cells[0]):
        text = f"{cells[0]}: {cells[1]}"
        limits = tuple(lim for lim in limits_in(text) if lim.kind in _FIELD and lim.span[0] < len(cells[0]))
        return text, limits
    if has_doses or text.rstrip().endswith("?"):
        return text, ()
    return text, tuple(lim for lim in limits_in(text) if lim.kind in _FIELD)


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


def _blocks_of(records: list) -> list:
    """The list or table block holding each record (None for a paragraph), read once per section."""
    section = getattr(records[0], "section", None) if records else None
    holder = {item: b for b in (section.blocks if section is not None else ()) for item in b.items}
    return [holder.get(r) if isinstance(r, Item) else None for r in records]


def _block(blocks: list, k: int):
    return blocks[k] if 0 <= k < len(blocks) else None


def _bounded_by(blocks: list, texts: list, has: list, j: int) -> list[int]:
    """The indexes of the dose texts a maximum stated by text ``j`` bounds."""
    out = []
    own = _block(blocks, j)
    for k in range(j - 1, max(-1, j - 1 - REACH), -1):
        if own is not None and _block(blocks, k) is not own:
            break  # a bullet's maximum bounds the earlier bullets of its list
        if has[k]:
            out.append(k)
            row = _block(blocks, k)
            if own is None and row is not None:  # the note under a chart: every row of it
                out.extend(i for i in range(k) if _block(blocks, i) is row and has[i])
            if own is None:
                break
    lead_in = texts[j].rstrip().endswith(":") or not out and _block(blocks, j + 1) is not None
    if own is None and lead_in:  # a note after a dose is that dose's, not the next list's
        out.extend(_rows_after(blocks, texts, has, j))
    return out


def _rows_after(blocks: list, texts: list, has: list, j: int) -> list[int]:
    """The rows a lead-in ``j`` heads: every item of the list or table right after it, else the
    run of short dose lines after a lead-in ending with a colon."""
    if j + 1 >= len(blocks):
        return []
    block = _block(blocks, j + 1)
    out = []
    for k in range(j + 1, len(blocks)):
        same = _block(blocks, k) is block if block is not None else \
            _block(blocks, k) is None and has[k] and len(texts[k].strip()) <= ROW_CHARS
        if not same:
            break
        if has[k]:
            out.append(k)
    return out


def _lend(record, field: str, dose, lent, name_of):
    """The dose with the maxima lent to its text that it lacks (the first given of each kind): not
    one that names another medicine ("Acetaminophen ... Don't take more than 3,000 mg a day" is not
    the naproxen's), nor one counted in another unit ("6 tablets" does not bound lozenges)."""
    for said, limits in lent:
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
