"""Stage 7b, assemble: modifiers and limits attached to the anchors of their clause, titration
chains, and the Doses built from them."""

from __future__ import annotations

import bisect
import re

from . import lexicon as _lexicon

from .amounts import _scan_amounts
from .anchors import _Anchor, _merge_anchors, _scheduled, _without_mentions, column_row_at, find_anchors
from .identities import without_identities
from .limits import _share_standalone_limits
from .model import Dose, Frequency, Limit, Piece, _piece, _replace
from .modifiers import _Mod, time_of_day
from .reading import Reading
from .substance import _substance, _substance_key
from .text import SENTENCE_END_BEFORE_CAPITAL, _lazy, _Spans, normalize
from .units import DOSE_KINDS


def may_hold_dose(text: str) -> bool:
    """Could ``text`` hold a dose the reader reads?  A cheap test before :func:`parse_doses`
    (never False where that finds a dose): a digit, else a wording of the lexicon that makes
    a dose without one (a count in words, as needed, as directed, "dose", "pack")."""
    if not text:
        return False
    if any(c.isdigit() for c in text):
        return True
    from .modifiers import _PRN_RE
    return _lexicon.lexicon().wordy_dose.search(text) is not None or _PRN_RE.search(text) is not None


def column_row(text: str) -> bool:
    """Is ``text`` one row of aligned columns ending in an amount ("Vitamin C    70 mg")? The
    reader reads no dose in it (:func:`anchors.column_row_at`), but the line is a row of a
    list, never a heading: the importer asks this beside :func:`parse_doses`."""
    if not text or len(text) > 200 or not any(c.isdigit() for c in text):
        return False
    norm = normalize(text)
    amounts = [a for a in _scan_amounts(text, norm) if a.unit is not None and a.unit.kind in DOSE_KINDS]
    return bool(amounts) and column_row_at(norm, amounts[-1].span[0], amounts[-1].span[1],
                                           _lexicon.lexicon().not_doses)


def parse_doses(text: str) -> list[Dose]:
    """Parse every dose in ``text``.  Never raises on str input."""
    if not isinstance(text, str):
        raise TypeError("text must be str")
    if not text.strip():
        return []
    r = Reading(text)
    if not r.has_anchor() and _too_long_for_directions(r):
        return []
    r.scan()
    anchors = find_anchors(r)
    r.cut()
    sched = r.spans_of("freq", "dur", "prn")
    anchors = _merge_anchors(r.text, r.norm, anchors, r.clause_of, r.titrations, sched) or _dose_pack(r)
    if not anchors:
        return _directions_only(r)
    by_clause = _by_clause(r, anchors)
    chains, markers = _attach(r, by_clause)
    chains = _without_mentions(r.norm, chains, anchors, r.clause_of, {r.clause_of(l.start) for l in r.limits})
    chains = without_identities(r, chains, _scheduled)
    if not chains:
        return []
    _same_amount_again(r, chains, markers, by_clause)
    _repeat_of_dose_before(r, chains, by_clause)
    chain_limits, standalone = _limits_of_chains(r, chains)
    doses = _doses(r, chains, markers, chain_limits)
    doses = _share_standalone_limits(doses, standalone)
    doses = _each_time_of_dose_before(r, doses)
    doses, told = _directions_after(r, doses)
    prns = [m for m in r.mods if m.cat == "prn" and r.clause_of(m.start) not in by_clause
            and not told.overlaps((m.start, m.end))]
    doses = _share_standalone_as_needed(r.norm, doses, prns)
    return [_with_ingredients(r, d) for d in doses] if r.combinations else doses


_COMBINATION_REACH = 80  # characters between a combination's name (and strengths) and the dose after it


def _with_ingredients(r: Reading, d: Dose) -> Dose:
    """A dose of a product named by joining its substances' names: the whole name as its
    medicine, each substance with its strength as its ingredients, and no strength of its own
    read from theirs. The product is the one its medicine's name falls in, else, for a dose
    naming none, the last one named just before it in its sentence."""
    c = _combination_of(r, d)
    if c is None:
        return d
    strength = d.strength
    if strength is not None and c.strengths_span is not None and c.strengths_span[0] <= strength.span[0] \
            and strength.span[1] <= c.strengths_span[1]:
        strength = None  # "5/325 mg": the second of the pair read as the product's strength
    return _replace(d, substance=c.name, substance_key=_substance_key(c.name.raw), strength=strength,
                    ingredients=c.ingredients)


def _combination_of(r: Reading, d: Dose):
    if d.substance is not None:
        a, b = d.substance.span
        for c in r.combinations:
            end = c.strengths_span[1] if c.strengths_span else c.name.span[1]
            if a < end and c.name.span[0] < b or b <= c.name.span[0] and r.norm[b:c.name.span[0]].strip() == "(":
                return c  # its name, or its substances' names in brackets after it ("Norco (hydrocodone/...)")
        return None
    before = [c for c in r.combinations if c.name.span[1] <= d.span[0]
              and d.span[0] - (c.strengths_span or c.name.span)[1] <= _COMBINATION_REACH
              and not any(ch in r.norm[c.name.span[1]:d.span[0]] for ch in ".;!?\n")]
    return before[-1] if before else None


def _too_long_for_directions(r: Reading, said: _Spans | None = None, part: tuple[int, int] | None = None) -> bool:
    """Is the text too long to be an instruction with no amount? Its words outside the wordings
    ``said`` (its frequencies, as-needed wordings and limits, once scanned) are counted: "You can
    give a dose every 4 to 6 hours if needed" is five words and its wordings. An instruction that
    says how much of a cream to put on ("Apply a thin layer to the rash twice a day for up to 7
    days") has no length limit: :func:`_only_directions` still allows it few words of its own."""
    lex = _lexicon.lexicon()
    a, b = part or (0, len(r.norm))
    words = [m for m in _TOKENS.finditer(r.norm, a, b) if said is None or not said.overlaps(m.span())]
    return len(words) > lex.directions_max_words and lex.topical.search(r.norm, a, b) is None


_TOKENS = _lazy(r"\S+")


def _directions_only(r: Reading) -> list[Dose]:
    """A short instruction with no amount ("take as needed", "PRN q6h", "every 4 hours as
    needed", "TAKE AS DIRECTED", "Take as needed, maximum 4 doses a day", "apply thinly
    twice daily"): one dose with no amount, carrying what the text says of when and how much
    at most (``r`` is scanned). The whole text is read first, then, in a text of several
    sentences, each sentence alone ("Use the weight chart above and the syringe that comes with
    the bottle. Give a dose every 4 to 6 hours if needed.")."""
    whole = (0, len(r.norm))
    found = _directions_within(r, whole)
    if found:
        return found
    for part in (s for s in _sentences(r.norm) if s != whole):
        # a sentence of a longer text says "as needed" ("Give a dose every 4 to 6 hours if needed"):
        # "Increase your walking a little each day" is none
        if any(m.cat == "prn" and part[0] <= m.start and m.end <= part[1] for m in r.mods):
            found = _directions_within(r, part)
            if found:
                return found
    return []


# where a sentence of a text ends, for _sentences (the narrower "a sentence ends between two
# places" is text.SENTENCE_END_BEFORE_CAPITAL)
_SENTENCE_BREAK = _lazy(r"(?<=[.!?])[ \n]+(?=[^\W\d_¿¡])|\n+")


def _sentences(norm: str) -> list[tuple[int, int]]:
    """The sentences of ``norm``, split after a full stop, a question or exclamation mark before a
    word, or at a line break (never inside "2.5 mL")."""
    out, a = [], 0
    for m in _SENTENCE_BREAK.finditer(norm):
        out.append((a, m.start()))
        a = m.end()
    out.append((a, len(norm)))
    return [(x, y) for x, y in out if norm[x:y].strip()]


def _directions_within(r: Reading, part: tuple[int, int]) -> list[Dose]:
    """The instruction with no amount of ``part`` of the text, if it is one."""
    lex = _lexicon.lexicon()
    a0, b0 = part
    inside = lambda span: a0 <= span[0] and span[1] <= b0  # noqa: E731
    mods = [m for m in r.mods if inside((m.start, m.end))]
    limits = [l for l in r.limits if inside((l.start, l.end))]
    if _too_long_for_directions(r, _Spans([(m.start, m.end) for m in mods if m.cat in ("freq", "prn")]
                                          + [(l.start, l.end) for l in limits]), part):
        return []
    counts = _Spans([(l.start, l.end) for l in limits if l.obj.kind in ("doses_per_day", "duration")]
                    + [(m.start, m.end) for m in mods if m.cat in ("freq", "dur")])
    if any(not counts.overlaps(a.span) for a in r.amounts if inside(a.span)):
        return []  # an amount the reader did not take for a dose ("Take up to 2 tablets daily")
    said = [m for m in mods if m.cat in ("freq", "prn")] + limits
    direction = lex.directions.search(r.norm, a0, b0)
    spans = [(m.start, m.end) for m in said] + ([direction.span()] if direction else [])
    topical = [m.span() for m in lex.topical.finditer(r.norm, a0, b0)]
    if not spans or not _only_directions(r, spans + topical + [(m.start, m.end) for m in mods], lex, mods, part):
        return []
    anc = _Anchor(min(a for a, _ in spans + topical), max(b for _, b in spans + topical))
    for m in mods:
        if m.cat in ("freq", "prn", "route", "dur", "directions"):
            anc.mods.setdefault(m.cat, m)
    lims: dict[str, Limit] = {}
    for lm in limits:
        lims.setdefault(lm.obj.kind, lm.obj)
    return [_chain_dose(r, [_build(r.text, anc, None, None, None)], lims, (0, len(r.norm)))]


_WORDS = _lazy(r"(?:[^\W\d_]|')+")  # words of any alphabet ("dé", "Déselo")


def _only_directions(r: Reading, spans: list, lex, mods: list, part: tuple[int, int]) -> bool:
    """Is ``part`` of the text only directions: past a name before a colon, it opens on a dose
    verb (and at most two other words are left besides the recognised wordings and filler
    words), or it says "as needed" and nothing else is left?"""
    start = r.norm.find(":", part[0], part[1]) + 1 or part[0]
    covered = _Spans(spans)
    words = list(_WORDS.finditer(r.norm, start, part[1]))
    if not words:
        return False
    subject = lex.directions_subject.match(r.norm, words[0].start())  # "You can give a dose ..."
    if subject is not None:
        words = [w for w in words if w.start() >= subject.end()] or words
    # a sig opens on its dose verb ("take as needed"), or says "as needed" ("PRN q6h"):
    # "Exercise daily", "Weekly tablets", "Daily dose" are none
    first = words[0].group(0)
    verb = lex.not_doses.dose_verb.fullmatch(first) is not None or first.lower() in lex.other_dose_verbs
    if not (verb or any(m.cat == "prn" for m in mods)):
        return False
    left = [m.group(0) for m in words
            if not covered.overlaps(m.span()) and m.group(0).lower() not in lex.directions_filler]
    return len(left) <= (2 if verb else 0)  # "Drink fluids as needed" is no sig


def _dose_pack(r: Reading) -> list[_Anchor]:
    """A regimen-only item ("Methylprednisolone Dose-Pack (6-day)"): the pack is the anchor."""
    for fm in r.forms:
        if fm.obj.name == "dose-pack":
            return [_Anchor(fm.start, fm.end, None, None, fm.obj)]
    return []


def _by_clause(r: Reading, anchors: list[_Anchor]) -> dict[tuple[int, int], list[_Anchor]]:
    by_clause: dict[tuple[int, int], list[_Anchor]] = {}
    for anc in anchors:
        by_clause.setdefault(r.clause_of(anc.start), []).append(anc)
    for ancs in by_clause.values():
        ancs.sort(key=lambda a: a.start)
    return by_clause


def _attach(r: Reading, by_clause: dict) -> tuple[list[list[_Anchor]], dict[int, Piece]]:
    """Give each anchor the modifiers of its stretch of clause, and chain the anchors a
    titration marker joins ("25 mg daily, then 50 mg daily"): (chains, marker of each step)."""
    chains: list[list[_Anchor]] = []
    markers: dict[int, Piece] = {}
    mod_starts = [m.start for m in r.mods]  # mods are sorted by start
    for clause, ancs in sorted(by_clause.items()):
        for i, anc in enumerate(ancs):
            lo = clause[0] if i == 0 else anc.start
            # the last anchor reads to its clause's end, or to the end of the clause it reaches
            # into ("Paracetamol 500 mg tablets – take 2 twice daily")
            hi = ancs[i + 1].start if i + 1 < len(ancs) else max(clause[1], r.clause_of(anc.end - 1)[1])
            _attach_mods(r, anc, bisect.bisect_left(mod_starts, lo), bisect.bisect_left(mod_starts, hi), hi)
        current: list[_Anchor] = [ancs[0]]
        chains.append(current)
        for prev, anc in zip(ancs, ancs[1:]):
            mk = r.titrations.between(prev.end, anc.start)
            marker = mk.obj if mk is not None else _target_after_increment(r, prev, anc, markers)
            if marker is not None:
                markers[id(anc)] = marker
                current.append(anc)
            elif _part_of(r, prev, anc):
                current[-1].parts.append(anc)
            elif (joint := _next_phase(r, prev, anc)) is not None:
                markers[id(anc)] = joint
                current.append(anc)
            else:
                current = [anc]
                chains.append(current)
    return chains, markers


_AGAIN_REACH = 40  # characters between a lone frequency and the "then" or "take it" before it


def _same_amount_again(r: Reading, chains: list, markers: dict, by_clause: dict) -> None:
    """A frequency in a clause with no amount, after a dose, is that amount again: as the next
    step when "then" leads to it ("one drop four times a day for two weeks, then twice a day
    for two weeks"), as a dose of its own when a repeat wording does ("500 mg to 1 g every 6
    hours. If the fever is very high, you can take it every 4 hours"). Other lone
    frequencies stay unread, and so does one after an amount said with no frequency."""
    used = {id(m) for ch in chains for anc in ch for m in list(anc.mods.values())}
    mod_starts = [m.start for m in r.mods]
    for m in list(r.mods):
        if m.cat != "freq" or id(m) in used or time_of_day(m.obj) or m.obj.kind in ("nightly", "single") \
                or any(a.start > m.start for a in by_clause.get(r.clause_of(m.start), ())):
            continue  # a time of day says when, not how often ("Take it first thing in the morning");
            # a frequency before the amount of its clause is that amount's
        ch = next((c for c in reversed(chains) if c[-1].end <= m.start), None)
        if ch is None or m.start - ch[-1].end > 200 or "freq" not in ch[-1].mods:
            continue  # only a dose said with how often is said again ("I use it every day": the inhaler)
        cl = r.clause_of(m.start)
        step = _then_before(r, ch[-1].end, m.start)
        if step is None and not _repeat_before(r, max(cl[0], m.start - _AGAIN_REACH), m.start):
            continue
        again = _again(ch[-1], m)
        _attach_mods(r, again, bisect.bisect_left(mod_starts, m.start), bisect.bisect_left(mod_starts, cl[1]), cl[1])
        if step is not None:
            markers[id(again)] = step
            ch.append(again)
        else:
            chains.append([again])
        used.update(id(x) for x in again.mods.values())


def _repeat_of_dose_before(r: Reading, chains: list, by_clause: dict) -> None:
    """"Take 1 tablet at onset; may repeat once after 2 hours": a repeat wording of the lexicon
    (``of_the_dose_before``) in a clause with no amount is the frequency of the dose before it in
    the same text, when that dose says none."""
    lex = _lexicon.lexicon()
    if lex.of_the_dose_before is None:
        return
    used = {id(m) for ch in chains for anc in ch for m in anc.mods.values()}
    for m in r.mods:
        if m.cat != "freq" or id(m) in used or by_clause.get(r.clause_of(m.start)) \
                or not lex.of_the_dose_before.match(m.obj.raw):
            continue
        ch = next((c for c in reversed(chains) if c[-1].end <= m.start), None)
        if ch is not None and m.start - ch[-1].end <= _AGAIN_REACH * 3 and "freq" not in ch[-1].mods:
            ch[-1].mods["freq"] = m
            used.add(id(m))


def _then_before(r: Reading, a: int, b: int) -> Piece | None:
    """The "then" right before a lone frequency (at most commas and blanks between)."""
    mk = r.titrations.between(max(a, b - _AGAIN_REACH), b)
    if mk is None or r.norm[mk.end:b].strip(" ,") or mk.obj.raw.lower().strip() != "then":
        return None
    return mk.obj


def _repeat_before(r: Reading, a: int, b: int) -> bool:
    return _lexicon.lexicon().repeat_again.search(r.norm, a, b) is not None


def _again(prev: _Anchor, freq: _Mod) -> _Anchor:
    """The dose ``prev`` again, at the frequency ``freq``."""
    anc = _Anchor(freq.start, freq.end, prev.amount, prev.strength, prev.form, None, prev.per, prev.per_piece,
                  prev.per_weight, content=prev.content, substance=prev.substance)
    anc.mods["freq"] = freq
    return anc


# between two doses of one day: "2 tablets in the morning and 1 at lunchtime", "10 mg on waking, 5 mg at noon"
_PART_JOIN = _lazy(r"[ ]{0,2}(?:,|&|and|plus|,[ ]{0,2}and|,[ ]{0,2}then)?[ ]{1,2}$", re.I)


def _part_of(r: Reading, prev: _Anchor, anc: _Anchor) -> bool:
    """Are ``prev`` and ``anc`` two doses of the same day, each at a time of the day, joined
    by "and" or a comma?"""
    pf, af = prev.mods.get("freq"), anc.mods.get("freq")
    if pf is None or af is None or pf.start < prev.end or af.start < anc.end:
        return False
    if not (time_of_day(pf.obj) and time_of_day(af.obj)) or pf.end > anc.start:
        return False
    return _PART_JOIN.match(r.norm[pf.end:anc.start]) is not None


# between the days of one course: "300 mg on day 1, 300 mg twice daily on day 2" (choices,
# "5 mg twice daily or 10 mg once daily", stay doses of their own: a step is read as titrating)
_COMMA_JOIN = _lazy(r"[ ]{0,2}(?P<j>,)[ ]{1,2}$")


def _next_phase(r: Reading, prev: _Anchor, anc: _Anchor) -> Piece | None:
    """The joint (",") when ``anc`` is the next day of a course after a one-day dose ("on
    day 1", "6 tabs day 1, 5 tabs day 2"), each with its own frequency; None otherwise."""
    pf, af = prev.mods.get("freq"), anc.mods.get("freq")
    if pf is None or af is None or pf.start < prev.end or af.start < anc.end or pf.end > anc.start:
        return None
    if pf.obj.kind != "single" or not pf.obj.raw.lower().startswith(("on", "day")):
        return None
    m = _COMMA_JOIN.match(r.norm[pf.end:anc.start])
    if m is None:
        return None
    return _piece(r.text, pf.end + m.start("j"), pf.end + m.end("j"))


# the target after the size of a change: "increase by 25 mg weekly to 100 mg"
_TO_TARGET = _lazy(r"(?<![A-Za-z])to[ ]{1,3}$", re.I)


def _target_after_increment(r: Reading, prev: _Anchor, anc: _Anchor, markers: dict) -> Piece | None:
    """The "to" that joins a change's size to the dose it reaches ("by 25 mg weekly to
    100 mg"), as the marker of that step; None when ``prev`` is no change's size."""
    mk = markers.get(id(prev))
    if mk is None or not mk.raw.lower().rstrip().endswith(" by"):
        return None
    gap = r.norm[prev.end:anc.start]
    m = _TO_TARGET.search(gap)
    if m is None or len(gap) > 40 or any(c in gap for c in ",;"):
        return None
    return _piece(r.text, prev.end + m.start(), prev.end + m.start() + 2)


def _attach_mods(r: Reading, anc: _Anchor, first: int, last: int, hi: int) -> None:
    """The modifiers ``r.mods[first:last]`` ending by ``hi``: those after the amount are its
    own; a frequency or duration before it only when none follows."""
    pre: dict[str, _Mod] = {}
    for m in r.mods[first:last]:
        if m.cat == "titrate" or m.end > hi:
            continue
        if m.cat == "form" and anc.form is not None:
            continue
        if m.start < anc.start and m.cat not in ("route", "form", "prn", "taper"):
            pre.setdefault(m.cat, m)  # fallback only
            continue
        anc.mods.setdefault(m.cat, m)
    for cat, m in pre.items():
        anc.mods.setdefault(cat, m)
    freq = anc.mods.get("freq")
    if freq is not None and time_of_day(freq.obj):
        skip = _lexicon.lexicon().weekday_exception
        week = next((m for m in r.mods[first:last] if m.cat == "freq" and m.start >= freq.end and m.end <= hi
                     and m.obj.kind in _WEEK_KINDS and not skip.search(r.norm[max(0, m.start - 20):m.start])), None)
        if week is not None:
            anc.mods["freq"] = week  # "1 tablet 30 min before breakfast, Sunday only": the day of the week says how often


_WEEK_KINDS = ("weekly", "times_weekly")


def _limits_of_chains(r: Reading, chains: list) -> tuple[dict[int, dict[str, Limit]], list[tuple[int, Limit]]]:
    """Each limit goes to the chain of its clause, else to the nearest chain before it:
    ({id(chain): {kind: limit}}, [(chain index, limit) of limits in a clause of their own])."""
    chain_limits: dict[int, dict[str, Limit]] = {}
    standalone: list[tuple[int, Limit]] = []
    chain_starts = [ch[0].start for ch in chains]  # sorted: clauses in order, anchors in order
    for lm in r.limits:
        cl = r.clause_of(lm.start)
        target = None
        k = bisect.bisect_right(chain_starts, lm.end) - 1  # the last chain starting by the limit's end
        while k >= 0 and chain_starts[k] >= cl[0] and target is None:
            if r.clause_of(chain_starts[k]) == cl:
                target = chains[k]
            k -= 1
        if target is None:
            k = bisect.bisect_right(chain_starts, lm.start) - 1
            target = chains[k] if k >= 0 else chains[0]
            if k >= 0:
                standalone.append((k, lm.obj))
        chain_limits.setdefault(id(target), {}).setdefault(lm.obj.kind, lm.obj)
    return chain_limits, standalone


def _doses(r: Reading, chains: list, markers: dict, chain_limits: dict) -> list[Dose]:
    """One Dose per chain: its first step with the later steps as its titration, the limits
    of the chain, and the medicine its clause (or the dose before, or the item) names."""
    doses: list[Dose] = []
    names = _Names(r)
    first_chain: dict[tuple[int, int], int] = {}
    named_end: dict[tuple[int, int], int] = {}  # the end of the last count of a named medicine
    for ch in chains:
        cl = r.clause_of(ch[0].start)
        first_in_clause = first_chain.setdefault(cl, ch[0].start)  # chains are in order; mentions left out
        substance = ch[0].substance
        if substance is None and cl in named_end:  # "3 of the 30/500 co-codamol every 4 hours and naproxen 500mg"
            substance = names.of(_after_joint(r.norm, named_end[cl], cl), ch[0].start)
        elif substance is None:
            substance = names.of(cl, first_in_clause)
        if substance is None and doses:
            substance = doses[-1].substance  # the medicine of the dose before ("...; you may take 440 mg")
        if substance is None:
            first = r.clauses[0] if r.clauses else (0, 0)  # the item's leading name
            if first != cl and first[1] <= ch[0].start:
                substance = names.of(first, first[1])
        key = _substance_key(substance.raw) if substance else None
        built = [_with_parts(r.text, anc, _build(r.text, anc, substance, key, markers.get(id(anc))), substance, key)
                 for anc in ch]
        doses.append(_chain_dose(r, built, chain_limits.get(id(ch), {}), cl))
        if ch[0].substance is not None:
            named_end[cl] = doses[-1].span[1]
    return doses


_JOINT = _lazy(r"[ ,]{0,3}(?:(?:and|plus|with|then|or)(?![A-Za-z]))?[ ]{0,3}", re.I)


def _after_joint(norm: str, end: int, cl: tuple[int, int]) -> tuple[int, int]:
    """The rest of the clause after a dose and the word that joins the next to it."""
    return (_JOINT.match(norm, end).end(), cl[1])


def _chain_dose(r: Reading, built: list[Dose], lims: dict[str, Limit], cl: tuple[int, int]) -> Dose:
    """The chain's first step carrying the others and the limits; limits in its clause
    extend its text."""
    head, steps = built[0], tuple(built[1:])
    lims = _repeats_total(head, lims)
    extra = [l.span for l in lims.values() if r.clause_of(l.span[0]) == cl]
    s0 = min([head.span[0]] + [s.span[0] for s in steps] + [e[0] for e in extra])
    s1 = max([head.span[1]] + [s.span[1] for s in steps] + [e[1] for e in extra])
    head = _least_gap(head, lims)
    return _replace(head, text=r.text[s0:s1], span=(s0, s1), titration=steps,
                    max_per_dose=lims.get("per_dose"), max_per_day=lims.get("per_day"),
                    max_doses_per_day=lims.get("doses_per_day"), max_duration_days=lims.get("duration"))


def _least_gap(head: Dose, lims: dict[str, Limit]) -> Dose:
    """"1 tablet every 2 hours, up to 6 a day": an interval said with an "up to" count a day
    below what the interval allows is the least gap between doses, not a rate (at least one
    a day, at most the count), as "leaving at least 2 hours between doses" would be."""
    cap, f = lims.get("per_day"), head.frequency
    if cap is None or f is None or f.kind != "interval" or not f.interval_hours or f.interval_hours[0] <= 0:
        return head
    if not cap.raw.lower().startswith("up to") or cap.value >= 24 / f.interval_hours[0]:
        return head
    gap = Frequency(f.kind, f.raw, f.span, f.administrations_per_day, f.interval_hours, 1.0)
    return _replace(head, frequency=gap)


def _repeats_total(head: Dose, lims: dict[str, Limit]) -> dict[str, Limit]:
    """"1 puff every 30 to 60 seconds, up to 10 puffs": an "up to" count above the dose's own,
    after an interval of repeats, is the most of all the repeats (read per day), not one dose."""
    cap = lims.get("per_dose")
    f, a = head.frequency, head.amount
    if cap is None or not cap.assumed or "per_day" in lims or f is None or f.kind != "interval" or a is None:
        return lims
    if cap.amount is None or cap.amount.unit is None or a.unit is None or cap.amount.unit.unit != a.unit.unit \
            or a.unit.kind != "count" or cap.value <= a.upper.value:
        return lims
    out = dict(lims)
    del out["per_dose"]
    out["per_day"] = _replace_limit(cap, "per_day")
    return out


def _replace_limit(lim: Limit, kind: str) -> Limit:
    return Limit(kind, lim.value, lim.raw, lim.span, lim.amount, lim.assumed, lim.per_weight)


def _with_parts(text: str, anc: _Anchor, step: Dose, substance: Piece | None, key: str | None) -> Dose:
    """The step with the other doses of its day, its text reaching to the last of them."""
    if not anc.parts:
        return step
    parts = tuple(_build(text, p, substance, key, None) for p in anc.parts)
    s1 = max(step.span[1], parts[-1].span[1])
    return _replace(step, text=text[step.span[0]:s1], span=(step.span[0], s1), parts=parts)


class _Names:
    """The substance before each clause's first anchor, read once."""

    __slots__ = ("r", "cut_starts", "named")

    def __init__(self, r: Reading) -> None:
        self.r = r
        self.cut_starts = sorted(m.start for m in r.mods + r.limits
                                 if m.cat in ("freq", "dur", "prn", "titrate", "max"))
        self.named: dict[tuple, Piece | None] = {}

    def of(self, clause: tuple[int, int], anchor_start: int) -> Piece | None:
        if (clause, anchor_start) not in self.named:
            self.named[clause, anchor_start] = _substance(self.r.text, self.r.norm, clause, anchor_start,
                                                          self.cut_starts)
        return self.named[clause, anchor_start]


def _each_time_of_dose_before(r: Reading, doses: list[Dose]) -> list[Dose]:
    """"15 mg/kg every 6 hours, up to 4 doses a day. For the 120 mg/5 mL syrup, a 10 kg child
    takes 6.25 mL each time": an amount with no frequency, followed by an each-time wording
    (``each_time_wordings``), is each dose of the dose before's schedule, with its count a day."""
    lex = _lexicon.lexicon()
    out = list(doses)
    for k in range(1, len(out)):
        d, prev = out[k], out[k - 1]
        if d.frequency is not None or d.amount is None or prev.frequency is None \
                or lex.each_time.match(r.norm, d.amount.span[1]) is None:
            continue
        out[k] = _replace(d, frequency=prev.frequency, max_doses_per_day=d.max_doses_per_day or prev.max_doses_per_day)
    return out


def _directions_after(r: Reading, doses: list[Dose]) -> tuple[list[Dose], _Spans]:
    """A product line, then its directions with no amount in a sentence of their own
    ("Children's ibuprofen liquid, 100 mg in 5 mL" then "Give a dose every 6 to 8 hours if
    needed"): the sentence is a dose of the product named before, with what it says of when and
    how much at most. The spans of those sentences are returned: their as-needed wordings are
    their own, not the dose before's."""
    told: list[tuple[int, int]] = []
    if not doses:
        return doses, _Spans(told)
    out = list(doses)
    for part in _sentences(r.norm):
        before = [d for d in doses if d.span[1] <= part[0]]
        if not before or any(part[0] <= d.span[1] and d.span[0] < part[1] for d in doses):
            continue  # no product before, or a dose of its own in the sentence
        if before[-1].frequency is not None or before[-1].as_needed is not None \
                or "\n" not in r.norm[before[-1].span[1]:part[0]] \
                or any(d.frequency is not None and part[0] <= d.frequency.span[0] < part[1] for d in doses):
            continue  # a sig before, not a product line of its own; or the sentence's frequency is a dose's
        if not any(m.cat in ("freq", "prn") and part[0] <= m.start and m.end <= part[1] for m in r.mods):
            continue
        found = _directions_within(r, part)
        if not found or found[0].frequency is None:
            continue  # "if needed" alone repeats the dose before; a sentence of directions says how often
        product = before[-1]
        out.append(_replace(found[0], substance=product.substance, substance_key=product.substance_key))
        told.append(part)
    out.sort(key=lambda d: d.span)
    return out, _Spans(told)


def _share_standalone_as_needed(text: str, doses: list[Dose], prns: list[_Mod]) -> list[Dose]:
    """"Take 1 tablet at the onset of a headache; repeat if needed": an as-needed wording in a
    clause with no dose of its own makes the dose before it as needed."""
    if not prns or not doses:
        return doses
    starts = [d.span[0] for d in doses]
    for m in prns:
        k = bisect.bisect_right(starts, m.start) - 1
        if k < 0 or doses[k].as_needed is not None:
            continue
        if doses[k].amount is None and SENTENCE_END_BEFORE_CAPITAL.search(text, doses[k].span[1], m.start):
            continue  # a product named with no amount is no dose a later sentence repeats
        if _lexicon.lexicon().increase_before.search(text, max(0, m.start - 40), m.start):
            continue  # "The dose can be increased further if needed": the condition of a change
        doses[k] = _replace(doses[k], as_needed=m.obj)
    return doses




def _build(text: str, anc: _Anchor, substance: Piece | None, key: str | None,
           marker: Piece | None) -> Dose:
    md = anc.mods
    freq = md["freq"].obj if "freq" in md else None
    prn = md["prn"].obj if "prn" in md else None
    route = md["route"].obj if "route" in md else None
    form = anc.form or (md["form"].obj if "form" in md else None)
    dur = md["dur"].obj if "dur" in md else None
    taper = md["taper"].obj if "taper" in md else None
    directions = md["directions"].obj if "directions" in md else None
    # the expression starts at the amount; name-borne pieces before it (route
    # "Oral", form "Injection") keep their own spans outside the slice
    spans = [(anc.start, anc.end)] + [(m.start, m.end) for m in md.values()
                                      if m.start >= anc.start or m.cat not in ("route", "form")]
    s0 = min(s[0] for s in spans)
    s1 = max(s[1] for s in spans)
    # close a parenthesis opened inside the slice: "(6-day)"
    if text[s0:s1].count("(") > text[s0:s1].count(")") and text[s1:s1 + 1] == ")":
        s1 += 1
    return Dose(
        text=text[s0:s1], span=(s0, s1), substance=substance, substance_key=key,
        amount=anc.amount, per=anc.per, per_piece=anc.per_piece, per_weight=anc.per_weight,
        strength=anc.strength, frequency=freq, as_needed=prn, route=route, form=form,
        duration=dur, taper=taper, titration_marker=marker, unit_problem=anc.unit_problem,
        directions=directions, content=anc.content,
    )
