"""Stage 7a, anchors: the quantities that are doses (not rates, contents, strengths in a list),
and the joining of a product's strength with the count taken of it."""

from __future__ import annotations

import bisect
import math
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from . import lexicon as _lexicon
from . import units as _units
from .model import Amount, AmountEnd, Form, Piece, Strength, UnitToken, _piece
from .modifiers import _COUNT_FORMS, _Titrations
from .amounts import _CONC_RE, _RATE_RE, _COUNT_OF, _count_of_strength_at, spoonful, _PER_DAY_RE, _PER_DOSE_RE, _PER_KG_RE
from .named import count_of_named, taken
from .tables import _Tables
from .text import _lazy, _sentence, _Spans

if TYPE_CHECKING:
    from .reading import Reading


# between an amount and the same amount in other units: "10 mcg (400 IU)", "220 mg (naproxen 200 mg)"
_EQUIVALENT_GAP = _lazy(r"[ ]{0,2}\([ ]{0,2}(?:[A-Za-z-]{1,20}[ ]){0,3}$")


@dataclass
class _Anchor:
    """A dose being assembled around an amount, strength or dose pack."""

    start: int
    end: int
    amount: Amount | None = None
    strength: Strength | None = None
    form: Form | None = None
    unit_problem: str | None = None
    per: str = "dose"
    per_piece: Piece | None = None
    per_weight: Piece | None = None
    mods: dict = field(default_factory=dict)
    parts: list = field(default_factory=list)  # the other doses of the same day (assemble._part_of)
    content: Strength | None = None  # what one dose holds: "10 mL (10 mg)"
    substance: Piece | None = None  # the medicine named after the count ("Take 2 co-codamol tablets")


# the first strength of a combination glued to the second: "30/500 tablets", "8/500 caplets"
_COMBINATION_BEFORE = _lazy(r"(?<![\d.])\d{1,4}(?:\.\d{1,2})?/$")


_CLOCK_BEFORE = re.compile(r"\d[:.]$")  # "8:00", "20.30": the hour before the minutes
_DATE_BEFORE = re.compile(r"(?<![\d/.-])\d{1,2}([/.-])\d{1,2}\1$")  # "11/24/2026", "24.11.2026": the year of a date


def _not_a_dose_quantity(norm: str, am: Amount, tables: "_Tables") -> bool:
    """A quantity that is never a dose, whatever stands beside it: a rate or laboratory value
    ("30 mL/min", "126 mg/dL"), a body weight ("11 kg"), an everyday measure ("500 kcal",
    "6 glasses"), units of alcohol, or a cell of a table column that holds no doses."""
    nd = _lexicon.lexicon().not_doses
    u = am.unit
    if u is not None and u.kind == "count" and _COMBINATION_BEFORE.search(norm, max(0, am.span[0] - 10), am.span[0]):
        return True  # "Co-codamol 30/500 tablets": the two strengths of a combination product
    if u is not None:
        word = u.raw.lower()
        if word in nd.body_weight_units or word in nd.measure_words or word in nd.clock_units:
            return True  # "weighs 11 kg", "6 glasses", "8am to 10pm"
        if nd.rate.match(norm, am.span[1]) or nd.container.match(norm, am.span[1]):
            return True  # "30 mL/min"; "a 500 g tub": a rate, a pack's size
        if u.unit == "enzyme_unit" and nd.alcohol.search(norm, *_sentence(norm, am.span[0])):
            return True
    if nd.repetition_lead.search(norm, max(0, am.span[0] - 20), am.span[0]):
        return True  # "Do 3 sets of 15": an exercise's repetitions
    if _CLOCK_BEFORE.search(norm, max(0, am.span[0] - 3), am.span[0]):
        return True  # "open 8:00 to 20:00": the minutes of a clock time
    if u is None and _DATE_BEFORE.search(norm[max(0, am.span[0] - 8):am.span[0]]):
        return True  # "printed on 11/24/2026 at 4:12 PM": the year of a date, not an amount
    if nd.excess.match(norm, am.low.number.span[1]) or (am.high and nd.excess.match(norm, am.high.number.span[1])):
        return True  # "1 or 2 extra tablets"
    return tables.not_dose(am.span[0])


def _take_content(norm: str, anc: "_Anchor", am: Amount) -> None:
    """A mass in brackets after a measured volume or a count ("10 mL (10 mg)", "1 chewable
    tablet (5 mg)", "2 tablets (1 g)") is what that dose holds: the dose's ``content``, so
    its arithmetic is in the mass. A strength of each unit after a count ("3 tablets (200 mg
    each)") is the strength of the units counted, as in "three 200 mg tablets"; a restated
    equivalent of a mass ("10 mcg (400 IU)") is left as it is."""
    a, u = anc.amount, am.unit
    if a is None or a.unit is None or u is None or u.kind != "mass":
        return
    if _EACH.match(norm, am.span[1]):
        if a.unit.kind == "count" and anc.strength is None and not am.is_range:
            anc.strength = Strength(am.upper.value, u.written, "unit", am.raw, am.span)  # "3 tablets (200 mg each)"
        return
    if a.unit.kind not in ("volume", "count") or anc.per_weight is not None or _PER_KG_RE.match(norm, am.span[1]):
        return  # "5 mL (15 mg/kg)" is the child's dose by weight, not what the 5 mL holds
    anc.content = Strength(am.upper.value, u.written, "content", am.raw, am.span)


_EACH = _lazy(r"[ ]{1,2}(?:each|per|a[ ]piece|apiece)(?![A-Za-z])", re.I)


def _equivalent_of(norm: str, anchors: list, am: Amount) -> bool:
    """``am`` restates the amount just before it in brackets ("10 mcg (400 IU)")."""
    if not anchors or anchors[-1].amount is None:
        return False
    gap_start = anchors[-1].end
    return 0 <= am.span[0] - gap_start <= 40 and bool(_EQUIVALENT_GAP.match(norm[gap_start:am.span[0]]))


_OPEN_GAP = _lazy(r"[ ]{0,2}\([ ]{0,2}$")


def _restates_limit(r: "Reading", am: Amount) -> bool:
    """Is ``am`` in brackets right after a stated maximum, the same limit in other units ("not
    to exceed 126 mg/day (8 sprays)", "Do not take more than 4g (8 tablets) in 24 hours")?"""
    for lim in r.limits:
        if 0 <= am.span[0] - lim.end <= 4 and _OPEN_GAP.match(r.norm[lim.end:am.span[0]]):
            return True
    return False


def _restated_count_end(norm: str, anchors: list, am: Amount, starts_of: dict) -> int | None:
    """Where a bracketed count of a strength ends that restates the mass dose just before it
    ("400mg (2 x 200mg tablets)", "1 g (2 x 500 mg)"), else None: the count and its strength are
    the same dose again, not a second dose (a count in words, "(three 200 mg tablets)", is no
    amount of its own and is read by :func:`_equivalent_of`)."""
    if am.unit is not None or not anchors or anchors[-1].amount is None:
        return None
    prev = anchors[-1].amount
    if prev.unit is None or prev.unit.kind != "mass" or not 0 <= am.span[0] - anchors[-1].end <= 4 \
            or not _OPEN_GAP.match(norm[anchors[-1].end:am.span[0]]):
        return None
    m = _COUNT_OF.match(norm, am.span[1])
    nxt = starts_of.get(m.end()) if m else None
    if nxt is None or nxt.unit is None or nxt.unit.kind != "mass" or nxt.is_range:
        return None
    return nxt.span[1]


# amounts of one list of strengths: "250 mg, 500 mg", "50mg and 100mg", "10 mg, and 20 mg"
_RUN_GAP = _lazy(r"[ ]{0,2}(?:,|/|&|and|,[ ]?and)[ ]{0,2}$", re.I)


def _scheduled(anc: "_Anchor") -> bool:
    """Does the anchor carry a schedule of its own (frequency, as needed, duration, per day)?"""
    return anc.per == "day" or any(c in anc.mods for c in ("freq", "prn", "dur", "taper"))


def _strength_runs(norm: str, anchors: list) -> set[int]:
    """ids of the amount anchors that stand in a list of two or more amounts of one
    kind, none of them scheduled ("Tablets: 250 mg, 500 mg", "come in 50mg and 100mg")."""
    out: set[int] = set()
    run: list = []
    for anc in list(anchors) + [None]:
        joined = (anc is not None and run and anc.amount is not None and run[-1].amount is not None
                  and anc.amount.unit is not None and run[-1].amount.unit is not None
                  and anc.amount.unit.kind == run[-1].amount.unit.kind
                  and _RUN_GAP.match(norm[run[-1].end:anc.start]) is not None)
        if joined:
            run.append(anc)
            continue
        if len(run) > 1 and not any(_scheduled(a) for a in run):
            out.update(id(a) for a in run)
        run = [anc] if anc is not None else []
    return out


_BRAND_STRENGTH = _lazy(r"\([ ]?[A-Z][^()]{1,40},[ ]{1,2}$")


def _mention(norm: str, anc: "_Anchor", clause: tuple[int, int], runs: set[int], servings) -> bool:
    """Is this unscheduled amount a mention of a quantity rather than a dose taken: one of
    a list of strengths, a label line ("Capsules: 250 mg"), a content ("Each tablet
    contains 500 mg", "packs of 16 tablets") or what a food gives ("Milk, 1 cup: 300 mg")?"""
    nd = _lexicon.lexicon().not_doses
    if id(anc) in runs or column_row_at(norm, anc.start, anc.end, nd):
        return True
    lead = norm[max(clause[0], anc.start - 80):anc.start]
    if nd.content_cue(lead[-60:]) or nd.content_after.match(norm[anc.end:min(clause[1], anc.end + 80)]):
        return True
    s_end = anc.strength.span[1] if anc.strength is not None else None
    if s_end is not None and s_end < anc.end and nd.content_after.match(norm[s_end:min(clause[1], s_end + 80)]):
        return True  # "15 g of fast-acting carbohydrate, such as 4 glucose tablets": described after its first amount
    if _BRAND_STRENGTH.search(lead) and norm[anc.end:anc.end + 2].lstrip(" ").startswith(")"):
        return True  # "Omeprazole (Prilosec OTC, 20 mg)": the strength of the product named
    u = anc.amount.unit
    strength = u is not None and u.kind in ("mass", "activity") or anc.strength is not None
    if strength and anc.per_weight is None and nd.label_line(lead[-80:]):
        return True  # "Tablets: 0.6 mg" is a strength; "Difflam spray: 4 sprays" is a dose
    return u is not None and u.kind != "count" and servings(clause)


_COLUMN_GAP = 2  # spaces or leader dots between a row's label and its amount
_COLUMN_LABEL = 60  # the longest label a row of aligned columns has


def column_row_at(norm: str, start: int, end: int, nd) -> bool:
    """Is the text one row of aligned columns, a label and the amount at ``start:end`` across
    a gap of spaces or leader dots, nothing after it ("Vitamin C    70 mg", "Face and neck
    ..... 2.5 FTU")? Such a row is what its list's lead-in gives, out of its list: how often
    is said there (or the list is what a product or a food holds), so the amount is no dose
    read on its own. A row with a dose verb is a dose as any other, and so is a row of a
    population band ("6 to 8 years    10 ml", ``population_words``): the dose of that band,
    checked against its ceiling even when how often is said above the table."""
    lead = norm[:start]
    if len(lead) > _COLUMN_LABEL + 40 or norm[end:].strip(" .;)"):
        return False
    label = lead.rstrip(" .")
    gap = lead[len(label):]
    if not label.strip() or not (" " * _COLUMN_GAP in gap or "." * _COLUMN_GAP in gap):
        return False
    return not nd.dose_verb.search(label) and not nd.population.search(label)


def _without_mentions(norm: str, chains: list, anchors: list, clause_of, limited: set) -> list:
    """The chains that are doses: a single unscheduled amount that is a mention of a
    quantity (:func:`_mention`) is dropped, unless a limit shares its clause."""
    runs = _strength_runs(norm, anchors)
    nd = _lexicon.lexicon().not_doses
    seen: dict[tuple[int, int], bool] = {}

    def servings(clause: tuple[int, int]) -> bool:  # read once per clause
        if clause not in seen:
            seen[clause] = bool(nd.serving.search(norm, *clause))
        return seen[clause]

    out, mentioned = [], []
    starts = [a.start for a in anchors]
    for ch in chains:
        anc = ch[0]
        if len(ch) == 1 and anc.amount is not None and not _scheduled(anc) and (
                anc.strength is None or anc.strength.kind == "unit"):
            cl = clause_of(anc.start)
            if _label_strength(norm, anc, cl, starts):
                continue  # "500 mg: Paracetamol 500mg tablets: 2 qds, max 8/24 hours"
            if _product_label(norm, anc):
                mentioned.append(anc)  # "Oxycodone 5 mg capsules (OxyNorm): follow the table below"
                continue
            if cl not in limited and _mention(norm, anc, cl, runs, servings):
                mentioned.append(anc)
                continue
        elif len(ch) == 1 and anc.amount is None and anc.strength is not None \
                and anc.strength.kind in ("concentration", "rate") and not _scheduled(anc) \
                and _heads_line(norm, anc, clause_of(anc.start), starts):
            continue  # "10 mg/5 mL: Morphine oral solution 10mg/5ml: 2.5-5ml 2-4 hourly"
        out.append(ch)
    _lend_mentioned(norm, mentioned, [ch[0] for ch in out])
    return _without_counted_products(norm, out)


_LEND_REACH = 300  # characters from a product mentioned to the count of its units taken


def _lend_mentioned(norm: str, mentioned: list, heads: list) -> None:
    """A product mentioned, not taken ("Zolmitriptan 2.5 mg tablets are sold by most
    pharmacies"), still names what a count of its units soon after counts ("Take one tablet
    when the migraine starts"): that dose takes the strength."""
    for anc in mentioned:
        counted = _counted_later(norm, anc, heads)
        if counted is not None and counted.start - anc.end <= _LEND_REACH:
            _lend_strength(anc, counted)


def _without_counted_products(norm: str, chains: list) -> list:
    """The chains without a product line's strength whose units a later dose counts
    ("Doxycycline 100 mg capsules - an antibiotic. Take 2 capsules (200 mg) today"): that
    dose takes the strength. A product line whose count is no dose ("Sumatriptan 50 mg
    tablets can be bought ...: take one tablet when the headache starts") stays the dose."""
    heads = [ch[0] for ch in chains]
    out = []
    for ch in chains:
        counted = _counted_later(norm, ch[0], heads) if len(ch) == 1 and not _scheduled(ch[0]) else None
        if counted is not None:
            _lend_strength(ch[0], counted)
            continue
        out.append(ch)
    return out


def _counted_later(norm: str, anc: "_Anchor", anchors: list) -> "_Anchor | None":
    """The count of a product's units, later in the text, when the amount is that product's
    strength with its form ("Doxycycline 100 mg capsules - an antibiotic. Take 2 capsules (200
    mg) today"): the count is the dose; the strength names what is counted."""
    u = anc.amount.unit if anc.amount is not None else None
    if u is None or u.kind not in ("mass", "activity") or anc.per_weight is not None or anc.strength is not None:
        return None
    m = _WORD_AFTER.match(norm, anc.end)
    spl = _units.lookup_spelling(m.group("w")) if m else None
    if spl is None or spl.kind != "count" or not spl.unit:
        return None
    return next((a for a in anchors if a.start > anc.end and a.amount is not None and a.amount.unit is not None
                 and a.amount.unit.unit == spl.unit), None)


def _lend_strength(product: "_Anchor", count: "_Anchor") -> None:
    """The counted dose takes the strength of each unit from the product line before it."""
    if count.strength is None:
        pa = product.amount
        count.strength = Strength(pa.low.value, pa.unit.written, "unit", pa.raw, pa.span)


def _label_strength(norm: str, anc: "_Anchor", clause: tuple[int, int], starts: list[int]) -> bool:
    """"300 mg: Gabapentin 300mg 1 tds", "Ibuprofen 400 mg: take 1 tablet ...": a strength
    heading a line with a colon, before the dose of its clause, is the product's strength."""
    u = anc.amount.unit
    if u is None or u.kind not in ("mass", "activity") or anc.per_weight is not None:
        return False
    return _heads_line(norm, anc, clause, starts)


def _product_label(norm: str, anc: "_Anchor") -> bool:
    """Is the strength the label of a product line: a mass or activity with its form (and a
    bracketed brand) then a colon, no dose verb before it on its line ("Oxycodone immediate-release
    5 mg capsules (OxyNorm): follow the step-down table below")? Then it names the product."""
    u = anc.amount.unit
    if u is None or u.kind not in ("mass", "activity") or anc.per_weight is not None:
        return False
    nd = _lexicon.lexicon().not_doses
    if not nd.form_colon.match(norm, anc.end):
        return False
    line = norm[norm.rfind("\n", 0, anc.start) + 1:anc.start]
    return nd.dose_verb.search(line) is None


def _heads_line(norm: str, anc: "_Anchor", clause: tuple[int, int], starts: list[int]) -> bool:
    """Is the anchor followed by a colon (right after it, or after its product's form: "18
    microgram inhalation powder:") and, in its clause, by another anchor?"""
    if not norm[anc.end:anc.end + 3].lstrip(" ").startswith(":") \
            and not _lexicon.lexicon().not_doses.form_colon.match(norm, anc.end):
        return False
    i = bisect.bisect_right(starts, anc.start)
    return i < len(starts) and starts[i] < clause[1]


def _merge_anchors(text: str, norm: str, anchors: list[_Anchor], clause_of, titrations: "_Titrations",
                   sched: _Spans) -> list[_Anchor]:
    """Join the anchors that make one dose, in text order: a strength with the amount of its
    clause ("Capsaicin 0.025 % Cream 1 application"), a product strength with the count taken
    of it, in its clause or the next ("Paracetamol 500 mg tablets – take 2"), a count with
    the strength of each unit after it ("2 x 500mg caps")."""
    merged: list[_Anchor] = []
    ordered = sorted(anchors, key=lambda a: a.start)
    for i, anc in enumerate(ordered):
        nxt = ordered[i + 1] if i + 1 < len(ordered) else None
        if merged:
            prev = merged[-1]
            same = clause_of(prev.start) == clause_of(anc.start)
            if same and prev.strength is not None and prev.amount is None or (
                    same and prev.strength is not None and prev.amount is not None and prev.amount.implied):
                if anc.amount is not None and anc.strength is None and not titrations.between(prev.end, anc.start):
                    prev.amount = anc.amount
                    prev.end = anc.end
                    prev.per, prev.per_piece, prev.per_weight = anc.per, anc.per_piece, anc.per_weight
                    prev.unit_problem = anc.unit_problem
                    continue
            across = not same and _STRENGTH_THEN_TAKE.match(norm[prev.end:anc.start]) is not None
            own = nxt is not None and _count_then_strength(norm, anc, nxt)  # "500 mg: 2 x 500mg caps"
            if (same or across) and not own and _strength_then_count(norm, prev, anc, sched) \
                    and not titrations.between(prev.end, anc.start):
                _product_form(text, norm, prev, anc)
                _take_count(prev, anc)
                continue
            if same and _count_then_strength(norm, prev, anc):
                _take_strength(prev, anc)
                _form_after(text, norm, prev)  # "2 x 500mg caps": the count counts capsules
                continue
            if same and _volume_of(norm, prev, anc):
                prev.strength, prev.end = anc.strength, anc.end  # "10 mL of 250 mg/5 mL suspension"
                continue
        merged.append(anc)
    return merged


_STRENGTH_GAP = 40  # characters between a product strength and the count taken
# a product named in a clause of its own, the count in the next: "Paracetamol 500 mg tablets –
# take 2 twice daily", "Amlodipine 5mg tablets. One to be taken each day"
_STRENGTH_THEN_TAKE = _lazy(r"(?:[ ]{1,2}[A-Za-z]{2,14}){0,2}[ ]{0,2}[-.:][ ]{1,3}(?:[A-Za-z]{2,10}[ ]{1,3}){0,2}$")


def _strength_then_count(norm: str, prev: _Anchor, anc: _Anchor, sched: _Spans) -> bool:
    """Is ``prev`` a product strength ("Paracetamol 500 mg tablets") and ``anc``
    the count taken of it ("take 2 qds")?  The strength is a mass or activity with
    nothing of its own (no per day, no /kg, no schedule) before the count; the count
    has no unit or counts units (tablets, capsules) and no strength."""
    pa, aa = prev.amount, anc.amount
    if pa is None or aa is None or prev.strength is not None or anc.strength is not None or pa.implied:
        return False
    pu, au = pa.unit, aa.unit
    if pu is None or pu.kind not in ("mass", "activity") or prev.per != "dose" or prev.per_weight is not None:
        return False
    if prev.unit_problem is not None or pa.is_range:
        return False
    if au is not None and au.kind != "count":
        return False
    if anc.start - prev.end > _STRENGTH_GAP or anc.start <= prev.end:
        return False
    if any(c.isdigit() for c in norm[prev.end:anc.start]):
        return False
    return not sched.overlaps((prev.end, anc.start))


def _count_then_strength(norm: str, prev: _Anchor, anc: _Anchor) -> bool:
    """Is ``prev`` a count ("2", "1 or 2 tablets") and ``anc`` the strength of each unit
    counted ("x 500mg caps", "of 500 mg")?"""
    pa, aa = prev.amount, anc.amount
    if pa is None or aa is None or prev.strength is not None or anc.strength is not None or pa.implied:
        return False
    if pa.unit is not None and pa.unit.kind != "count" or prev.per != "dose" or prev.per_weight is not None:
        return False
    if aa.unit is None or aa.is_range or anc.per != "dose" or anc.per_weight is not None \
            or anc.unit_problem is not None:
        return False
    if aa.unit.kind not in ("mass", "activity") and not spoonful(norm, aa):
        return False
    m = _COUNT_OF.match(norm, prev.end)
    return m is not None and m.end() == anc.start


# between a volume and the concentration it is measured in: "10 mL of 250 mg/5 mL", "5 mL (120 mg/5 mL)"
_VOLUME_OF = _lazy(r"[ ]{0,2}(?:of[ ]{1,2}|\([ ]{0,2})(?:(?:the|a|an)[ ]{1,2})?$", re.I)


def _volume_of(norm: str, prev: _Anchor, anc: _Anchor) -> bool:
    """Is ``prev`` a volume ("10 mL") and ``anc`` the concentration right after it?"""
    pa = prev.amount
    if pa is None or prev.strength is not None or pa.unit is None or pa.unit.kind != "volume":
        return False
    if anc.amount is not None or anc.strength is None or anc.strength.kind != "concentration":
        return False
    return anc.start - prev.end <= 12 and _VOLUME_OF.match(norm[prev.end:anc.start]) is not None


def _take_strength(prev: _Anchor, anc: _Anchor) -> None:
    """Make ``prev`` (the count) the dose, with ``anc``'s amount as the strength of each unit."""
    aa = anc.amount
    prev.strength = Strength(aa.upper.value, aa.unit.written, "unit", aa.raw, aa.span)
    prev.end = anc.end
    prev.unit_problem = None


# a word of the product line between its strength and the count taken ("5mg caps 1 daily")
_WORD = _lazy(r"[A-Za-z]{2,14}")


def _product_form(text: str, norm: str, prev: _Anchor, anc: _Anchor) -> None:
    """The form a bare count counts, named by a count unit on the product line between the
    strength and the count ("Ramipril 5mg caps 1 daily", "Co-codamol 30/500 tabs. 1-2 qds"):
    the anchor's form, when it has none and the count has no unit of its own."""
    if prev.form is not None or anc.amount is None or anc.amount.unit is not None:
        return
    for m in _WORD.finditer(norm, prev.end, anc.start):
        spl = _units.lookup_spelling(m.group(0))
        if spl is not None and spl.kind == "count" and spl.unit:
            prev.form = Form(spl.unit, text[m.start():m.end()], m.span())
            return


# the count unit right after a strength: "500mg caps", "500 mg tablets"
_WORD_AFTER = _lazy(r"[ ]{1,2}(?P<w>[A-Za-z]{2,14})")


def _form_after(text: str, norm: str, anc: _Anchor) -> None:
    """A bare count of a strength takes the count unit written right after the strength."""
    if anc.form is not None or anc.amount is None or anc.amount.unit is not None:
        return
    m = _WORD_AFTER.match(norm, anc.end)
    spl = _units.lookup_spelling(m.group("w")) if m else None
    if spl is not None and spl.kind == "count" and spl.unit:
        anc.form = Form(spl.unit, text[m.start("w"):m.end("w")], m.span("w"))


def _take_count(prev: _Anchor, anc: _Anchor) -> None:
    """Make ``prev`` the dose: its amount becomes the strength, ``anc``'s count the amount."""
    pa = prev.amount
    prev.strength = Strength(pa.low.value, pa.unit.written, "unit", pa.raw, pa.span)
    prev.amount = anc.amount
    prev.end = anc.end
    prev.per, prev.per_piece, prev.per_weight = anc.per, anc.per_piece, anc.per_weight
    # a bare count after a strength counts the product's units: not a missing unit
    prev.unit_problem = None if anc.unit_problem == "missing_unit" else anc.unit_problem


def find_anchors(r: "Reading") -> list[_Anchor]:
    """The quantities of the text that may be doses, in text order: amounts with a dose
    unit, bare counts with a schedule after them, strengths of a product form."""
    anchors: list[_Anchor] = []
    blocking = r.spans_of("freq", "dur")
    starts_of = {a.span[0]: a for a in r.amounts}
    forms_from: dict[int, object] = {}  # the first form starting / ending at each position
    forms_to: dict[int, object] = {}
    for f in r.forms:
        forms_from.setdefault(f.start, f)
        forms_to.setdefault(f.end, f)
    consumed = 0  # the end of the last concentration: its denominator is no amount
    for am in r.amounts:
        if blocking.overlaps(am.span) or am.span[0] < consumed:
            continue
        named = count_of_named(r, am, starts_of)
        if named is not None and not named.scheduled and not taken(r.norm, am.span[0]):
            continue  # "2 paracetamol tablets were found in the bag": a mention
        if named is not None and named.scheduled:  # "Take 3 paracetamol 500 mg tablets every 4 hours"
            anchors.append(_Anchor(am.span[0], named.end, named.amount, named.strength, named.form,
                                   substance=named.substance))
            consumed = named.end
            continue
        if _not_a_dose_quantity(r.norm, am, r.tables):
            continue
        if _restates_limit(r, am):
            continue  # "not to exceed 126 mg/day (8 sprays)", "no more than 4 g (8 tablets)": the limit again
        restated = _restated_count_end(r.norm, anchors, am, starts_of)
        if restated is not None:
            consumed = restated  # "400mg (2 x 200mg tablets)": the dose again, as tablets of a strength
            continue
        if _equivalent_of(r.norm, anchors, am) and not _CONC_RE.match(r.norm, am.span[1]):
            _take_content(r.norm, anchors[-1], am)  # "10 mL (10 mg)": what the measured dose holds
            continue  # "10 mcg (400 IU)"; but "5 mL (120 mg/5 mL)" names the liquid's strength
        if not all(math.isfinite(e.value) for e in (am.low, am.high) if e is not None):
            continue  # "10^6500": no usable number
        if am.unit is not None and am.unit.kind == "percent":
            anc = _percent_strength(r, am, forms_from, forms_to)
        else:
            anc = _amount_anchor(r, am, starts_of)
        if anc is None:
            continue
        if anc.strength is not None and anc.strength.kind == "concentration":
            consumed = anc.end
        anchors.append(anc)
    return anchors


def _unit_problem(r: "Reading", am: Amount, starts_of: dict) -> tuple[bool, str | None]:
    """(is it a dose?, its unit problem) for an amount that is not a percentage."""
    u, end = am.unit, am.span[1]
    problem = "mixed_units" if am.mixed_units else None
    if u is None:
        if _count_of_strength_at(r.norm, end, starts_of):
            return True, None  # "2 x 500mg caps", "two 500 mg tablets": a count of the product
        return r.context_after(end), "missing_unit"
    if u.kind in ("length", "angle"):
        return r.context_after(end), "not_dose_unit"
    if u.kind == "time":
        return False, None
    if u.kind == "unknown":
        return bool(r.context_after(end) or _PER_DAY_RE.match(r.norm, end)), problem or "unknown_unit"
    return True, problem


def _amount_anchor(r: "Reading", am: Amount, starts_of: dict) -> _Anchor | None:
    """An amount with its tails ("/kg", "a day", "per dose"), or the concentration it
    opens ("10 mg/mL" is a strength, not an amount)."""
    is_dose, problem = _unit_problem(r, am, starts_of)
    if not is_dose:
        return None
    text, norm, u, end = r.text, r.norm, am.unit, am.span[1]
    anc = _Anchor(am.span[0], end, am, unit_problem=problem)
    cm = _CONC_RE.match(norm, end)
    if cm and u is not None and u.kind in ("mass", "activity"):
        anc.amount = None
        anc.strength = Strength(am.upper.value, text[u.span[0]:cm.end()], "concentration",
                                text[am.span[0]:cm.end()], (am.span[0], cm.end()))
        anc.end = cm.end()
        return anc
    pack = _pack_after(r, end)
    if pack is not None and u is not None and u.kind in ("mass", "activity") and not am.is_range:
        anc.amount = None  # "Methylprednisolone 4 mg dose pack": the strength of the pack's tablets
        anc.strength = Strength(am.upper.value, u.written, "unit", am.raw, am.span)
        anc.form = pack.obj
        anc.end = pack.end
        return anc
    rm = _RATE_RE.match(norm, end)
    if rm and u is not None and u.kind in ("mass", "activity") and _patch_near(r, am.span[0], rm.end()):
        anc.amount = None  # "Fentanyl 25 micrograms/hour patch": the patch's strength
        anc.strength = Strength(am.upper.value, text[u.span[0]:rm.end()], "rate",
                                text[am.span[0]:rm.end()], (am.span[0], rm.end()))
        anc.end = rm.end()
        return anc
    km = _PER_KG_RE.match(norm, end)
    if km:
        anc.per_weight = _piece(text, km.start() + (len(km.group(0)) - len(km.group(0).lstrip(" "))), km.end())
        end = km.end()
    anc.end = _per_tail(r, anc, end)
    if anc.per == "dose" and r.tables.per_day(am.span[0]):
        anc.per = "day"  # a cell under "RDA per day"
    return anc


def _pack_after(r: "Reading", end: int):
    """The dose-pack form written right after ``end`` ("4 mg dose pack"), if any."""
    return next((f for f in r.forms if f.obj.name == "dose-pack" and 0 <= f.start - end <= 2
                 and not r.norm[end:f.start].strip()), None)


_PATCH_REACH = 60  # characters between a delivery rate and the patch it is the strength of


def _patch_near(r: "Reading", start: int, end: int) -> bool:
    """Is a patch named just before or after a rate ("25 mcg/hour transdermal patch")?"""
    return any(f.obj.name == "patch" and start - _PATCH_REACH <= f.start <= end + _PATCH_REACH for f in r.forms)


def _per_tail(r: "Reading", anc: _Anchor, end: int) -> int:
    """Read "a day", "/24 h", "daily total" or "per dose" after an amount onto the anchor;
    the end of what was read."""
    text, norm = r.text, r.norm
    pm = _PER_DAY_RE.match(norm, end)
    if pm:
        ps = pm.start("per") + (len(pm.group("per")) - len(pm.group("per").lstrip(" ")))
        if pm.group("q"):
            ps = pm.start("q") + (len(pm.group("q")) - len(pm.group("q").lstrip(" ")))
        anc.per = "day"
        anc.per_piece = _piece(text, ps, pm.end())
        return pm.end()
    dm = _PER_DOSE_RE.match(norm, end)
    if dm:
        ps = dm.start() + (len(dm.group(0)) - len(dm.group(0).lstrip(" ")))
        anc.per_piece = _piece(text, ps, dm.end())
        return dm.end()
    return end


def _percent_strength(r: "Reading", am: Amount, forms_from: dict, forms_to: dict) -> _Anchor | None:
    """A percentage is a strength only when a product form is written beside it ("5 %
    Patch", "cream 1 %"); a form counted in units implies one of them ("1 patch")."""
    text, norm, end = r.text, r.norm, am.span[1]
    fm = next((forms_from[p] for p in range(end, end + 3)
               if p in forms_from and norm[end:p].strip() == ""), None)
    before = next((forms_to[p] for p in range(am.span[0] - 2, am.span[0] + 1) if p in forms_to), None)
    fm = fm or before
    if fm is None:
        return None
    st = Strength(am.upper.value, am.unit.raw, "percent", am.raw, am.span)
    implied = None
    if fm.obj.name in _COUNT_FORMS:
        fa, fb = fm.start, fm.end
        ut = UnitToken(text[fa:fb], (fa, fb), fm.obj.name, "count")
        e = AmountEnd(1.0, Piece(text[fa:fb], (fa, fb)), ut, text[fa:fb], (fa, fb))
        implied = Amount(e, None, None, text[fa:fb], (fa, fb), implied=True)
    return _Anchor(am.span[0], max(end, fm.end), implied, st, fm.obj)
