"""Notation checks (NOT001-NOT010): error-prone abbreviations, symbols and dose designations.

After The Joint Commission "Do Not Use" list and the ISMP List of Error-Prone
Abbreviations, Symbols, and Dose Designations. The entries, their safe forms
and sources live in ``checks/notation.yaml``. Mechanical fixes carry
``replacement`` (the exact text to put in place of ``excerpt``).

Decisions: decimal and spacing rules look only at amounts whose unit is a
dose unit (mass, volume, activity, count), so "5.0 T MRI", "2.0 mm", angles
and statistics are left alone; "0.5 mg" and "0.025 %" are correct. Unit
abbreviations are only flagged right after a number (never "U" or "cc" inside
a word). "IV" and "subcut" are safe route forms; product suffixes ("SR") are
not abbreviations of directions and are not flagged.
"""

from __future__ import annotations

import functools
import re

from medlint.checks.dosing import doses_in, matching_in, searched, text_fields as _running_text, text_memo
from medlint.checks.posts import member_posts
from medlint.doses import find_quantities
from medlint.findings import Hit
from medlint.records.model import Block
from medlint import policy
from medlint.policy import compile_pattern, regex
from medlint.prefilter import PatternSet
from medlint.registry import check

DRUGS = "Mainstream Drug Therapies\n-\n"
SUPPS = "Dietary Molecular Supplements\n-\n"


def text_fields(article):
    """The running-text fields the dose checks read (a table row as its reading), and the
    strength lines of tables ("Tablets: 2.0 mg, 10 mg"), which no dose check reads but
    whose notation a reader copies as printed: a trailing zero in a strength is the same
    tenfold risk. Located on the row's line, which the fix writes."""
    yield from _running_text(article)
    for block in article.blocks():
        for row in block.rows:
            if row.role == "strengths":
                yield row, "line", row.line


@text_memo
def _quantities(text: str) -> tuple:
    if not any(c.isdigit() for c in text):
        return ()
    return tuple(find_quantities(text))


def _ends(text: str):
    for _, end in _amount_ends(text):
        yield end


def _amount_ends(text: str):
    """(quantity, end) for each end (low, and high of a range) of each quantity of ``text``."""
    for amount in _quantities(text):
        yield amount, amount.low
        if amount.high is not None:
            yield amount, amount.high


def _dose_amounts(text: str, data: dict, extra_kinds=()):
    """The amount ends of ``text`` whose unit is a dose unit (``dose_kinds``, and
    ``extra_kinds``), leaving out body weights (``body_weight_units``: "weigh less than 50kg")."""
    kinds = set(data["dose_kinds"]) | set(extra_kinds)
    weights = set(data.get("body_weight_units") or ())
    for end in _ends(text):
        unit = end.unit
        if unit is not None and unit.kind in kinds and unit.raw not in weights:
            yield end


def _label_spans(text: str, data: dict) -> list[tuple[int, int]]:
    pattern = data.get("label_concentration")
    if not pattern or "/" not in text:
        return []
    return [m.span() for m in regex(pattern).finditer(text)]


class _Explained:
    """``explained_quotes`` of checks/notation.yaml compiled once per data mapping."""

    def __init__(self, data: dict):
        rule = data.get("explained_quotes")
        self.quoted = compile_pattern(rule["quoted"], 0) if rule else None
        self.window = rule["window"] if rule else 0
        self.cues = [compile_pattern(c, re.I) for c in rule["cues"]] if rule else []

    def spans(self, text: str) -> list[tuple[int, int]]:
        """The quoted spans of ``text`` that the text around them explains."""
        if self.quoted is None or not any(q in text for q in "\"“‘'"):
            return []
        out = []
        for m in self.quoted.finditer(text):
            around = text[max(0, m.start() - self.window):m.start()] + " " + text[m.end():m.end() + self.window]
            if any(c.search(around) for c in self.cues):
                out.append(m.span())
        return out


class _Reported:
    """``reported_words`` of checks/notation.yaml compiled once per data mapping."""

    def __init__(self, data: dict):
        rule = data.get("reported_words")
        self.quoted = compile_pattern(rule["quoted"], 0) if rule else None
        self.window = rule["window"] if rule else 0
        self.attribution = [compile_pattern(c, re.I) for c in rule["attribution"]] if rule else []

    def spans(self, text: str, above: str | None) -> list[tuple[int, int]]:
        """The quoted spans of ``text`` that are a person's words: an attribution around the
        quote, or, when the quote is the whole text, in what the page prints just above it
        (the heading, or a post's header line: '2. "Lower dose?" - posted by Margaret_W')."""
        if self.quoted is None or not any(q in text for q in "\"“"):
            return []
        out = []
        for m in self.quoted.finditer(text):
            before = text[max(0, m.start() - self.window):m.start()]
            after = text[m.end():m.end() + self.window]
            whole = not text[:m.start()].strip() and not text[m.end():].strip()
            if self._said(before, after) or whole and above and self._said(above, ""):
                out.append(m.span())
        return out

    def _said(self, before: str, after: str) -> bool:
        return any(c.search(before) or c.search(after) for c in self.attribution)


def _as_written(check_func):
    """A notation check that leaves alone what the page does not write in its own voice: the
    posts of a forum thread's members (checks/posts.yaml), a notation quoted to explain
    it to readers (``explained_quotes``) and a person's own words quoted (``reported_words``)."""

    @functools.wraps(check_func)
    def wrapper(article, ctx):
        posts = member_posts(article, ctx)
        data = ctx.data("notation")
        explained = policy.derived(_Explained, data)
        reported = policy.derived(_Reported, data)
        spans: dict[tuple, list] = {}
        for hit in check_func(article, ctx):
            if hit.record in posts:
                continue
            if hit.start is not None:
                key = (hit.record, hit.field)
                if key not in spans:
                    text = getattr(hit.record, hit.field, "") or ""
                    spans[key] = explained.spans(text) + reported.spans(text, _text_above(hit.record))
                if any(a <= hit.start < b for a, b in spans[key]):
                    continue
            yield hit

    return wrapper


def _text_above(record) -> str | None:
    """What the page prints just above ``record``: the block before it in its section, or the
    heading (for an item, a row or an FAQ entry, the section's heading)."""
    section = getattr(record, "section", None)
    if section is None:
        return None
    return section.text_before(record) if isinstance(record, Block) else section.heading


def _sources(entry, data) -> str:
    titles = {s["key"]: s["title"] for s in data["sources"]}
    return "; ".join(titles[k] for k in entry["source"])


def _glossed_by_metric(text: str, amount, rule: dict | None) -> bool:
    """Is ``amount`` (an IU figure) given beside its metric equivalent ("25 micrograms (1,000
    IU)", "1,000 IU (25 mcg)": ``metric_equivalent``)? The dose is then designated in micrograms."""
    if not rule:
        return False
    a, b = amount.span
    return bool(regex(rule["before"]).search(text[max(0, a - 40):a])
                or regex(rule["after"]).match(text[b:b + 40]))


def _unit_hits(article, ctx, check_id):
    data = ctx.data("notation")
    table = {w: e for e in data["units"] if e["check"] == check_id for w in e["written"]}
    lab = data.get("laboratory_result_after")
    dotted = data.get("dotted_abbreviation_after")
    gloss = data.get("metric_equivalent")
    glossable = set(gloss["units"]) if gloss else set()
    for record, field, text in text_fields(article):
        for amount, end in _amount_ends(text):
            unit = end.unit
            if unit is None or unit.raw not in table:
                continue
            if lab and regex(lab).match(text[unit.span[1]:unit.span[1] + 12]):
                continue  # a laboratory result ("100 IU/L"), not a dose
            if dotted and compile_pattern(dotted, 0).match(text[unit.span[1]:unit.span[1] + 6]):
                continue  # "2 U.K. studies": an abbreviation, not a unit
            if unit.raw in glossable and _glossed_by_metric(text, amount, gloss):
                continue  # "25 micrograms (1,000 IU)": designated in micrograms
            e = table[unit.raw]
            yield Hit(record, excerpt=unit.raw, start=unit.span[0], field=field,
                      message=f"\"{end.raw}\" uses \"{unit.raw}\" ({e['risk']}); write \"{e['write']}\".",
                      suggestion=f"Write \"{text[end.span[0]:unit.span[0]]}{e['write']}\" "
                                 f"(source: {_sources(e, data)}).",
                      replacement=e["write"])


@check("NOT001", name="iu-or-u", category="notation", severity="warning", fixable=True,
       fix="Write \"units\" in full: \"2000 units/day\".",
       bad=(SUPPS + "Vitamin D3 (2000 IU/day) – Bone health.",),
       good=(SUPPS + "Vitamin D3 (2000 units/day) – Bone health.",
             DRUGS + "Zoledronic Acid 5 mg IV yearly – Bisphosphonate; Unit of care."))
@_as_written
def iu_or_u(article, ctx):
    """"IU" and "U" after a dose amount are on the "Do Not Use" list.

    **What it does.** Flags "IU", "U" or "u" written right after a number
    ("2000 IU/day", "10 U"). "U" inside a word, a dotted abbreviation ("2 U.K.
    studies") and "IV" (the route) are not flagged, nor is an IU figure given
    beside its metric equivalent ("25 micrograms (1,000 IU)", "1,000 IU (25
    mcg)": the dose is designated in micrograms, ``metric_equivalent``); "IU"
    alone is. Mechanical fix: replace the unit with "units".

    **Why it matters.** "IU" is misread as "IV" or "10"; "U" as 0, 4 or cc —
    a tenfold overdose.

    **Example.** "Vitamin D3 (2000 IU/day)" → "Vitamin D3 (2000 units/day)".

    **Fix.** Write "units".

    **Source.** The Joint Commission Official "Do Not Use" List; ISMP List of
    Error-Prone Abbreviations, Symbols, and Dose Designations.
    """
    yield from _unit_hits(article, ctx, "NOT001")


@check("NOT002", name="microgram-symbol", category="notation", severity="warning", fixable=True,
       fix="Write \"mcg\": \"250 mcg\".",
       bad=("Advanced or Regenerative Drug-Like Interventions\n-\nBPC-157 Peptide 250 µg subcut daily – Experimental.",),
       good=("Advanced or Regenerative Drug-Like Interventions\n-\nBPC-157 Peptide 250 mcg subcut daily – Experimental.",))
@_as_written
def microgram_symbol(article, ctx):
    """"µg", "μg" and "ug" are misread as "mg".

    **What it does.** Flags the microgram symbol (micro sign or Greek mu) or
    "ug" after a dose amount. Mechanical fix: replace it with "mcg".

    **Why it matters.** A smudged or unfamiliar "µ" reads as "m": a
    thousandfold overdose.

    **Example.** "250 µg subcut daily" → "250 mcg subcut daily".

    **Fix.** Write "mcg".

    **Source.** ISMP List of Error-Prone Abbreviations, Symbols, and Dose
    Designations.
    """
    yield from _unit_hits(article, ctx, "NOT002")


def _abbrev_table(data, check_id):
    """[(entry, compiled pattern)] for one check, the compiled interval pattern, and the
    entries' patterns as one PatternSet (asked once per text): compiled once per data
    mapping (``ctx.data`` returns the same dict)."""
    held = policy.derived(_abbrev_tables, data)
    table = held.get(check_id)
    if table is None:
        # the whole alternation sits between the boundaries ("HS" in "NHS" is no abbreviation)
        entries = [(e, compile_pattern(rf"(?<![\w.])(?:{e['pattern']})(?![\w])", 0, [e["pattern"]]))
                   for e in data["abbreviations"] if e["check"] == check_id]
        interval = None
        if check_id == data["interval"]["check"]:
            pattern = data["interval"]["pattern"]
            interval = compile_pattern(rf"(?<![\w.])(?:{pattern})(?![\w])", 0, [pattern])
        table = held[check_id] = (entries, interval, PatternSet(p for _, p in entries))
    return table


def _abbrev_tables(data) -> dict:
    """check ID -> its compiled abbreviations, filled as each check first asks."""
    return {}


def _glossed(text: str, start: int, data: dict) -> bool:
    """Is the abbreviation at ``start`` offered in brackets after its frequency wording
    ("Once daily (QD)": ``glossed_frequency``)?"""
    rule = data.get("glossed_frequency")
    return bool(rule) and regex(rule["before"]).search(text[max(0, start - 40):start]) is not None


def _in_product_name(text: str, m, doses, data: dict) -> bool:
    """Is the abbreviation at ``m`` part of a product's printed name ("Augmentin BID 1000 mg"):
    a capitalised name right before it and a strength right after it (``product_names``), in (or
    right before) a dose whose schedule the text writes out in words ("one tablet every 12 hours")?"""
    rule = data.get("product_names")
    if not rule or not compile_pattern(rule["before"], 0, [rule["before"]]).search(text[max(0, m.start() - 40):m.start()]) \
            or not compile_pattern(rule["after"], 0, [rule["after"]]).match(text, m.end()):
        return False
    return any((d.span[0] <= m.start() < d.span[1] or 0 <= d.span[0] - m.end() <= 2) and d.frequency is not None
               and not (d.frequency.span[0] < m.end() and m.start() < d.frequency.span[1]) for d in doses)


def _any(patterns, text: str) -> bool:
    return any(regex(p).search(text) for p in patterns)


class _Audience:
    """The audience statements of checks/notation.yaml, each list asked of a text at once."""

    def __init__(self, audience: dict) -> None:
        self.consumer = PatternSet(dict.fromkeys(map(regex, audience["consumer_statements"])))
        self.professional = PatternSet(dict.fromkeys(map(regex, audience["professional_statements"])))


def professional_page(article, data: dict) -> bool:
    """Is the page addressed to prescribers (``audience`` in checks/notation.yaml)? It says
    so, or is prescribing information, or has ``min_conventions`` of a professional
    monograph's conventions (its headings, and its dosing lines: "Adult: Initially ...", a
    dose by creatinine clearance); a page that says it is for patients or carers is not."""
    audience = data.get("audience")
    if not audience:
        return False
    headings = [s.heading or "" for s in article.sections]
    texts = [article.meta.get("title") or ""] + headings + [t for _, _, t in _running_text(article)]
    says = policy.derived(_Audience, audience)
    if any(matching_in(t, says.consumer) for t in texts):
        return False
    if any(matching_in(t, says.professional) for t in texts):
        return True
    kinds = {i for h in headings for i, p in enumerate(audience["professional_headings"]) if regex(p).search(h)}
    if len(kinds) >= audience["min_conventions"]:
        return True
    lines = audience.get("professional_lines") or ()
    if len(kinds) + len(lines) < audience["min_conventions"]:
        return False
    kinds |= {("line", i) for i, p in enumerate(lines) if any(searched(regex(p), t) for t in texts)}
    return len(kinds) >= audience["min_conventions"]


def _abbrev_hits(article, ctx, check_id):
    data = ctx.data("notation")
    entries, interval, wordings = _abbrev_table(data, check_id)
    to_prescribers = check_id == "NOT008" and professional_page(article, data)
    for record, field, text in text_fields(article):
        if to_prescribers and not _any(data["audience"]["consumer_address"], text):
            continue  # the prescriber's convention, on a page addressed to prescribers
        doses = doses_in(text)
        # a finding needs a dose in the text, or the abbreviation offered beside its wording
        spans = [d.span for d in doses] + [s.span for d in doses for s in d.titration]
        found = matching_in(text, wordings)
        for e, pattern in entries:
            if pattern not in found:
                continue
            for m in pattern.finditer(text):
                within = any(a <= m.start() and m.end() <= b for a, b in spans)
                if e.get("within_dose") and not within:
                    continue
                if not doses and not _glossed(text, m.start(), data):
                    continue
                if check_id == "NOT008" and _in_product_name(text, m, doses, data):
                    continue  # "Augmentin BID 1000 mg), one tablet every 12 hours": the brand's name
                yield Hit(record, excerpt=m.group(0), start=m.start(), field=field,
                          message=f"\"{m.group(0)}\" is an error-prone abbreviation ({e['risk']}); "
                                  f"write \"{e['write']}\".",
                          suggestion=f"Write \"{e['write']}\" (source: {_sources(e, data)}).",
                          replacement=e["write"])
        if interval is not None and doses:
            iv = data["interval"]
            for m in interval.finditer(text):
                n = m.group("a") + (f"–{m.group('b')}" if m.group("b") else "")
                write = iv["write"].format(n=n)
                yield Hit(record, excerpt=m.group(0), start=m.start(), field=field,
                          message=f"\"{m.group(0)}\" is prescription shorthand; write \"{write}\".",
                          suggestion=f"Write \"{write}\" (source: {_sources(iv, data)}).",
                          replacement=write)


@check("NOT003", name="qd-qod", category="notation", severity="warning", fixable=True,
       fix="Write \"daily\" or \"every other day\".",
       bad=(DRUGS + "Celecoxib 200 mg QD – COX-2 selective.", DRUGS + "Prednisone 10 mg QOD – Steroid."),
       good=(DRUGS + "Celecoxib 200 mg daily – COX-2 selective.",))
@_as_written
def qd_qod(article, ctx):
    """"QD" and "QOD" are on the "Do Not Use" list.

    **What it does.** Flags QD, q.d., qd, q1d, QOD, q.o.d. and qod as whole
    tokens in a text that contains a dose, and "OD" / "od" for once daily
    inside a dose ("Etoricoxib 90 mg OD"; "an OD of paracetamol" is no dose),
    on every page. Mechanical fix: "daily" / "every other day" / "once a
    day".

    **Why it matters.** QD is misread as QID (four times daily) and QOD as
    QD or QID: fourfold overdoses; OD is read as "right eye" (oculus dexter).

    **Example.** "Celecoxib 200 mg QD" → "Celecoxib 200 mg daily".

    **Fix.** Write "daily" or "every other day".

    **Source.** The Joint Commission Official "Do Not Use" List; ISMP List of
    Error-Prone Abbreviations, Symbols, and Dose Designations.
    """
    yield from _abbrev_hits(article, ctx, "NOT003")


def _decimal_hits(article, ctx, kind):
    data = ctx.data("notation")
    extra = data.get("naked_decimal_kinds") or () if kind == "naked" else ()
    for record, field, text in text_fields(article):
        for end in _dose_amounts(text, data, extra):
            num = end.number.raw
            if kind == "trailing" and re.fullmatch(r"\d+\.0+", num):
                safe = num.split(".")[0]
                what = "a trailing zero"
                risk = "the decimal point is missed and 5.0 is read as 50: tenfold overdose"
            elif kind == "naked" and re.fullmatch(r"\.\d+", num):
                safe = "0" + num
                what = "a naked decimal (no leading zero)"
                risk = "the decimal point is missed and .5 is read as 5: tenfold overdose"
            else:
                continue
            yield Hit(record, excerpt=num, start=end.number.span[0], field=field,
                      message=f"\"{end.raw}\" has {what} ({risk}); write \"{safe}\".",
                      suggestion=f"Write \"{safe}{text[end.number.span[1]:end.span[1]]}\".",
                      replacement=safe)


@check("NOT004", name="trailing-zero", category="notation", severity="warning", fixable=True,
       fix="Drop the trailing zero: \"5 mg\", not \"5.0 mg\".",
       bad=(DRUGS + "Cyclobenzaprine 5.0 mg at bedtime – Muscle relaxant.",),
       good=(DRUGS + "Cyclobenzaprine 5 mg at bedtime – Muscle relaxant.",
             "Imaging Tests\n-\nMRI at 3.0 T – Sharper images of the disc.",
             DRUGS + "Capsaicin 0.025 % Cream four times daily – Depletes substance P."))
@_as_written
def trailing_zero(article, ctx):
    """A trailing zero after a dose amount ("5.0 mg") is on the "Do Not Use" list.

    **What it does.** Flags a whole-number amount written with ".0" when its
    unit is a dose unit (mass, volume, units, count). Field strengths
    ("3.0 T"), lengths ("2.0 mm"), angles and statistics are not doses and
    are not flagged. Mechanical fix: "5.0" → "5".

    **Why it matters.** A missed decimal point turns 5.0 mg into 50 mg.

    **Example.** "Cyclobenzaprine 5.0 mg at bedtime" → "5 mg at bedtime".

    **Fix.** Write the whole number.

    **Source.** The Joint Commission Official "Do Not Use" List; ISMP List of
    Error-Prone Abbreviations, Symbols, and Dose Designations.
    """
    yield from _decimal_hits(article, ctx, "trailing")


@check("NOT005", name="naked-decimal", category="notation", severity="warning", fixable=True,
       fix="Write a leading zero: \"0.5 mg\", not \".5 mg\".",
       bad=(DRUGS + "Clonazepam .5 mg at bedtime – Short term only.",),
       good=(DRUGS + "Clonazepam 0.5 mg at bedtime – Short term only.",
             "Advanced or Regenerative Drug-Like Interventions\n-\nRecombinant BMP-7 (OP-1) 0.1–0.5 mg once – Off-label."))
@_as_written
def naked_decimal(article, ctx):
    """A dose below one without a leading zero (".5 mg") is on the "Do Not Use" list.

    **What it does.** Flags a dose amount that starts with a decimal point.
    "0.5 mg", "0.1–0.5 mg" and "0.025 %" are correct and pass. Mechanical
    fix: ".5" → "0.5".

    **Why it matters.** The point is missed and .5 mg is read as 5 mg.

    **Example.** "Clonazepam .5 mg" → "Clonazepam 0.5 mg".

    **Fix.** Always write a zero before the decimal point.

    **Source.** The Joint Commission Official "Do Not Use" List; ISMP List of
    Error-Prone Abbreviations, Symbols, and Dose Designations.
    """
    yield from _decimal_hits(article, ctx, "naked")


@check("NOT006", name="cc-for-ml", category="notation", severity="warning", fixable=True,
       fix="Write \"mL\": \"2 mL\".",
       bad=("Injections\nA typical injection places 2 cc of local anaesthetic near the nerve.",),
       good=("Injections\nA typical injection places 2 mL of local anaesthetic near the nerve; accurate dosing.",))
@_as_written
def cc_for_ml(article, ctx):
    """"cc" after a volume is misread as "U" (units).

    **What it does.** Flags "cc" written right after a number ("2 cc"); "cc"
    inside a word ("accurate") is not flagged. Mechanical fix: "mL".

    **Why it matters.** Handwritten or copied "cc" is read as "U" (units),
    and "cc" is unfamiliar to patients, who dose with mL syringes and cups.

    **Example.** "2 cc of local anaesthetic" → "2 mL of local anaesthetic".

    **Fix.** Write "mL".

    **Source.** ISMP List of Error-Prone Abbreviations, Symbols, and Dose
    Designations.
    """
    yield from _unit_hits(article, ctx, "NOT006")


@check("NOT007", name="number-glued-to-unit", category="notation", severity="warning", fixable=True,
       fix="Put a space between the number and the unit: \"750 mg\".",
       bad=(DRUGS + "Methocarbamol 750mg four times daily – Muscle relaxant.",),
       good=(DRUGS + "Methocarbamol 750 mg four times daily – Muscle relaxant.",
             DRUGS + "Lidocaine 5% Patch, 12 h on / 12 h off – Patch."))
@_as_written
def number_glued_to_unit(article, ctx):
    """A number run into its unit ("750mg") is misread.

    **What it does.** Flags a dose amount whose unit (mass, volume, units,
    count) follows the number with no space. Percentages ("5%") are strengths
    and not flagged; nor are body weights ("weigh less than 50kg",
    ``body_weight_units``) or a product's labelled concentration quoted in
    brackets as the pack prints it ("Calpol Infant (120mg/5ml)",
    ``label_concentration``). Mechanical fix: insert one space ("750mg" →
    "750 mg").

    **Why it matters.** The "m" of "10mg" can be read as a zero (100 mg),
    and "100mL" as "1000 L": 10- to 100-fold errors.

    **Example.** "Methocarbamol 750mg four times daily" → "750 mg".

    **Fix.** Write a space between number and unit.

    **Source.** ISMP List of Error-Prone Abbreviations, Symbols, and Dose
    Designations ("number and unit run together").
    """
    data = ctx.data("notation")
    for record, field, text in text_fields(article):
        labels = _label_spans(text, data)
        for end in _dose_amounts(text, data):
            unit = end.unit
            if unit.span[0] != end.number.span[1]:
                continue
            if any(a <= end.number.span[0] and unit.span[1] <= b for a, b in labels):
                continue
            if not unit.raw[:1].isalpha() and unit.raw[:1] not in "µμ":
                continue
            safe = f"{end.number.raw} {unit.raw}"
            glued = text[end.number.span[0]:unit.span[1]]
            yield Hit(record, excerpt=glued, start=end.number.span[0], field=field,
                      message=f"\"{glued}\" runs the number into the unit; write \"{safe}\".",
                      suggestion=f"Write \"{safe}\".", replacement=safe)


@check("NOT008", name="prescription-latin", category="notation", severity="warning", fixable="unsafe",
       fix="Write the words: \"three times daily\", \"as needed\", \"at bedtime\", \"every 6 hours\".",
       bad=(DRUGS + "Tramadol 50-100 mg every 6 h PRN – Weak opioid.",
            DRUGS + "Gabapentin 300 mg TID – Nerve pain.",
            DRUGS + "Ibuprofen 400 mg q6h – NSAID."),
       good=(DRUGS + "Tramadol 50-100 mg every 6 h as needed, max 400 mg/day – Weak opioid.",
             DRUGS + "Diclofenac SR 75 mg twice daily – Potent anti-inflammatory.",
             "Advanced or Regenerative Drug-Like Interventions\n-\nBPC-157 Peptide 250 mcg subcut daily – Experimental.",
             "Antibiotic Guideline\nInformation for healthcare professionals in primary care.\n"
             "Community-acquired Pneumonia\nAmoxicillin 500 mg PO tds for 5 days.\n"))
@_as_written
def prescription_latin(article, ctx):
    """Prescription Latin in consumer text is not understood and is error-prone.

    **What it does.** Flags TID, BID, QID, PRN, HS, QHS, PO (and dotted
    forms) and interval shorthand such as "q6h" in a text that contains a
    dose; lower-case "bid"/"tid" and "PO" only inside a dose expression (they
    are also words). "IV", "subcut" and product suffixes ("SR") are not
    flagged. Mechanical fix: the words ("TID" → "three times daily", "PRN" →
    "as needed", "QHS" → "at bedtime", "q6h" → "every 6 hours"). Latin that is
    part of a brand's printed name, between the name and its strength
    ("Augmentin BID 1000 mg", ``product_names``), is the product's name when
    the dose's schedule is written out in words ("one tablet every 12 hours").

    It is a fault in an instruction to a consumer, and the professional
    convention on a page addressed to prescribers, so the page's audience is
    read from its own evidence (``audience`` in ``checks/notation.yaml``): a
    page that says it is for healthcare professionals or prescribers, is
    prescribing information or an SmPC, calls itself a clinician's reference,
    or has three of a professional monograph's headings (pharmacokinetics,
    contraindications, renal impairment, dosage and administration …) is
    addressed to prescribers, and there only a text that speaks to the
    patient ("… ask your pharmacist", "you take …") is flagged. A page that
    says it is for patients, parents or carers is a consumer page whatever
    its headings, and so is a page with no evidence either way. The ISMP
    do-not-use notations (QD, QOD, U, IU, trailing zeros: NOT001-NOT007) are
    flagged on every page. A page's monograph conventions are its headings and
    its dosing lines (``professional_lines``: "Adult: Initially 150 mg ...",
    "IV: 1 g q8h", a dose by creatinine clearance, "Max: 600 mg daily"), and a
    professional-use notice may name who is to use it ("for use by registered
    medical practitioners and pharmacists").

    **Why it matters.** Readers do not know the abbreviations; HS is misread
    as half-strength and QID/QD confusions cause fourfold errors.

    **Example.** "Tramadol 50-100 mg every 6 h PRN" → "… every 6 h as needed"
    on a patient page; "Amoxicillin 500 mg PO tds" under "Information for
    healthcare professionals" is left alone.

    **Fix.** Write the directions in words.

    **Source.** ISMP List of Error-Prone Abbreviations, Symbols, and Dose
    Designations (HS, qhs); consumer plain-language practice.
    """
    yield from _abbrev_hits(article, ctx, "NOT008")


@check("NOT009", name="arrow-in-dose", category="notation", severity="warning", fixable="unsafe",
       fix="Write the word: \"increasing to\", \"decreasing to\", \"then\".",
       bad=(DRUGS + "Gabapentin 300 mg at night ⇧ to 900–1200 mg three times daily – Nerve pain.",),
       good=(DRUGS + "Gabapentin 300 mg at night, increasing to 900 mg three times daily, max 3600 mg/day – Nerve pain.",
             "Overview\nPain ↑ when sitting; no dose here."))
@_as_written
def arrow_in_dose(article, ctx):
    """Arrows and change symbols in a dose are read as numbers or letters.

    **What it does.** Flags ⇧ ↑ ⇩ ↓ → Δ inside or right next to a dose
    expression. When the arrow is followed by "to" the mechanical fix is the
    word ("⇧ to 900 mg" → "increasing to 900 mg"); otherwise only a
    suggestion is given. Arrows in prose without a dose are left alone.

    **Why it matters.** Symbols are misread ("↑" as a 1, "Δ" as a 4) and
    readers do not know whether to increase, change or stop.

    **Example.** "300 mg at night ⇧ to 900–1200 mg TID".

    **Fix.** Write "increasing to", "decreasing to" or "then".

    **Source.** ISMP List of Error-Prone Abbreviations, Symbols, and Dose
    Designations (arrows and change symbols).
    """
    data = ctx.data("notation")
    table = {e["symbol"]: e for e in data["symbols"]}
    for record, field, text in text_fields(article):
        doses = doses_in(text)
        if not doses:
            continue
        for i, ch in enumerate(text):
            if ch not in table:
                continue
            if not any(d.span[0] - 2 <= i < d.span[1] + 2 for d in doses):
                continue
            e = table[ch]
            repl = e["write"] if re.match(r"\s+to\b", text[i + 1:]) and e["write"].endswith("ing") else None
            yield Hit(record, excerpt=ch, start=i, field=field,
                      message=f"\"{ch}\" is used as a word in a dose; write \"{e['write']}\".",
                      suggestion=f"Write \"{e['write']}\" (source: {_sources(e, data)}).",
                      replacement=repl)


@check("NOT010", name="decimal-comma", category="notation", severity="warning", fixable="unsafe",
       fix="Write a decimal point: \"5.6 ml\", not \"5,6 ml\".",
       bad=("Giving the syrup\nA child of 12 kilos takes 5,6 ml of the 160 mg/5 ml syrup each time, every 6 hours, up to 4 doses a day.",),
       good=("Giving the syrup\nA child of 12 kilos takes 5.6 ml of the 160 mg/5 ml syrup each time, every 6 hours, up to 4 doses a day.",
             "Vitamin D\nThe upper level for adults is 4,000 units a day; the loading course is 1,000 mg of calcium."))
@_as_written
def decimal_comma(article, ctx):
    """A dose written with a decimal comma ("5,6 ml") is misread on an English page.

    **What it does.** Flags a dose amount whose number has a comma followed
    by one or two digits, right before a measured unit ("5,6 ml", "2,5 mg",
    "0,5 mg"; ``decimal_comma`` in checks/notation.yaml). Three digits after
    the comma are a thousands separator ("1,000 mg") and Indian grouping
    ("2,50,000") is left alone, as are prices and counts without a unit. The
    fix writes the decimal point ("5.6 ml"); it is offered as an unsafe fix,
    since only the writer knows the comma was a decimal mark.

    **Why it matters.** English readers take the comma as a thousands
    separator or a list: "5,6 ml" reads as 56 ml (a tenfold overdose) or as
    "5 to 6 ml". Translated pages and pages written in decimal-comma countries
    carry it into English.

    **Example.** "A child of 12 kilos takes 5,6 ml each time" → "5.6 ml".

    **Fix.** Write a decimal point, with a leading zero below one ("0.5 mg").

    **Source.** ISMP List of Error-Prone Abbreviations, Symbols, and Dose
    Designations (dose designations: decimal points and commas); NHS Digital
    and BNF style (the decimal point is a point in English).
    """
    rule = ctx.data("notation").get("decimal_comma")
    if not rule:
        return
    pattern = compile_pattern(rule["pattern"], 0)
    for record, field, text in text_fields(article):
        if "," not in text:
            continue
        for m in pattern.finditer(text):
            number = m.group(0)[:m.end("frac") - m.start()]
            safe = f"{m.group('whole')}.{m.group('frac')}"
            yield Hit(record, excerpt=number, start=m.start(), field=field,
                      message=f"\"{m.group(0)}\" writes the decimal with a comma, which English readers take "
                              f"for a thousands separator or a list; write \"{safe}\".",
                      suggestion=f"Write \"{safe}{m.group(0)[len(number):]}\".", replacement=safe)
