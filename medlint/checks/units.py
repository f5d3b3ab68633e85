"""Unit checks (UNT001-UNT004): unreadable, mixed, ill-fitting and missing dose units.

Doses are re-parsed from the text with :func:`medlint.doses.parse_doses`; the
parser reports ``unit_problem`` (unknown_unit, not_dose_unit, mixed_units,
missing_unit) and these checks turn it into findings. Which unit kinds fit a
dose form is in ``checks/units.yaml``; which dimension a substance is dosed in
comes from its sourced ceiling in ``checks/dosing.yaml``.
"""

from __future__ import annotations

import re

from medlint.checks.dosing import all_doses, ceiling_for, doses_in, not_a_dose, safe_text, sentence_span, wordings
from medlint.doses import get_registry, lookup_spelling
from medlint import policy
from medlint.findings import Hit
from medlint.registry import check

DRUGS = "Mainstream Drug Therapies\n-\n"


def _in_context(dose, data) -> bool:
    return any(getattr(dose, name) is not None for name in data["dose_context"])


def _priced(record, field: str, dose, signs) -> bool:
    """Is the amount a price: written straight after a currency sign ("$21.24")?"""
    before = (getattr(record, field, "") or "")[max(0, dose.amount.span[0] - 4):dose.amount.span[0]].rstrip()
    return any(before.endswith(sign) for sign in signs)


def _limit_of_dose_before(record, field: str, dose, pattern) -> bool:
    """Is a bare number the daily limit of the dose before it in its sentence, counted in that
    dose's unit ("1 tablet every 2 hours, up to 6 a day"): written after a limit wording
    (``limit_before``) with a dose that has its unit earlier in the sentence?"""
    text = getattr(record, field, "") or ""
    start = dose.amount.span[0]
    if not pattern.search(text[max(0, start - 30):start]):
        return False
    begin, _ = sentence_span(text, start)
    return any(begin <= other.span[0] and other.span[1] <= start and other.amount is not None
               and other.amount.unit is not None for other in doses_in(text))


def _unit_in_words_before(record, field: str, dose, limit, words) -> bool:
    """Is a bare number, after a limit wording (``limit_before``), the daily limit of a dose written
    in words earlier in its sentence ("that's a thousand milligrams, every six hours, and don't go
    over 3,000 a day": ``amount_in_words``), a dose unit of the lexicon that is no count?"""
    text = getattr(record, field, "") or ""
    start = dose.amount.span[0]
    if not limit.search(text[max(0, start - 30):start]):
        return False
    begin, _ = sentence_span(text, start)
    for m in words.finditer(text, begin, start):
        spelling = lookup_spelling(m.group("unit"))
        if spelling is not None and spelling.kind in ("mass", "volume", "activity"):
            return True
    return False


def _rated(record, field: str, dose, scales) -> bool:
    """Is the number a rating on a named scale ("SPF 50", ``rating_scales``)?"""
    text = getattr(record, field, "") or ""
    start = dose.amount.span[0]
    return bool(scales.search(text[max(0, start - 30):start]))


def _amount_hit(record, field, dose, message, suggestion):
    a = dose.amount
    return Hit(record, excerpt=a.raw, start=a.span[0], field=field, message=message, suggestion=suggestion)


@check("UNT001", name="unreadable-unit", category="units", severity="error",
       fix="Write a standard dose unit: mg, g, mcg, mL, units, or a count (tablets, capsules).",
       bad=(DRUGS + "Ibuprofen 400 mgs every 6 h, max 1200 mg/day – NSAID.",
            DRUGS + "Baclofen 5 mm tablet three times daily – Relaxant."),
       good=(DRUGS + "Ibuprofen 400 mg every 6 h, max 1200 mg/day – NSAID.",
             "Surgical Procedures\n-\nMicrodiscectomy – 2–3 cm incision under microscope."))
def unreadable_unit(article, ctx):
    """A dose unit must be one a reader (and pint) can read, and a dose unit at all.

    **What it does.** Flags a dose amount whose unit the unit lexicon does
    not accept ("mgs", "mgr") and a dose whose unit is not a dose unit — a
    length, angle or time ("5 mm tablet three times daily") — when the
    expression is a dose in context (it has a frequency, route, form or "as
    needed"). Lengths in prose ("2–3 cm incision") are not doses, nor is
    what a reader smokes or drinks ("10 cigarettes a day": ``counted_things``
    in checks/units.yaml), nor a distance, speed, heart rate, blood pressure,
    temperature or energy ("40 km on Sunday", "under 140 bpm": ``measures``).

    **Why it matters.** An unknown or wrong unit cannot be checked against a
    maximum, and readers guess: "mgs" may be a typo for mcg.

    **Example.** "Ibuprofen 400 mgs every 6 h".

    **Fix.** Write the standard unit ("400 mg").

    **Source.** ISMP List of Error-Prone Abbreviations, Symbols, and Dose
    Designations (non-standard unit abbreviations); the unit lexicon in
    medlint/doses/units.py.
    """
    data = ctx.data("units")
    for record, field, dose in all_doses(article):
        if dose.amount is None or dose.unit_problem not in ("unknown_unit", "not_dose_unit"):
            continue
        unit = dose.amount.unit
        if dose.unit_problem == "not_dose_unit" and not _in_context(dose, data):
            continue
        if unit is not None and unit.raw.lower() in data["counted_things"]:
            continue  # "more than 10 cigarettes a day": what the reader smokes, not a dose
        if unit is not None and unit.raw.lower() in (data.get("measures") or ()):
            continue  # "I did 40 km on Sunday", "under 140 bpm": a measurement, not a dose
        raw = unit.raw if unit is not None else ""
        what = "is not a unit medlint can read" if dose.unit_problem == "unknown_unit" else \
            f"is a {unit.kind if unit else 'non-dose'} unit, not a dose unit"
        yield _amount_hit(record, field, dose, f"\"{dose.amount.raw}\": \"{raw}\" {what}.",
                          "Write a standard dose unit (mg, g, mcg, mL, units) or a count (tablets, capsules).")


@check("UNT002", name="mixed-units-in-range", category="units", severity="warning",
       fix="Use one unit for both ends of a range: \"400–600 mg\".",
       bad=(DRUGS + "Ibuprofen 400 mg–0.6 g every 6 h, max 1200 mg/day – NSAID.",
            DRUGS + "Paracetamol 1 g–500 mg every 6 h, max 4 g/day – Pain.",
            DRUGS + "Melatonin 300 mcg to 1 mg at bedtime – Jet lag."),
       good=(DRUGS + "Ibuprofen 400–600 mg every 6 h, max 1200 mg/day – NSAID.",
             DRUGS + "Paracetamol 500 mg to 1 g every 4 to 6 hours, max 4 g in 24 hours – Pain.",
             "Tablets\nAdults can take 500mg-1g up to four times in 24 hours, no more than 4g in 24 hours."))
def mixed_units_in_range(article, ctx):
    """Both ends of a range should be in the same unit.

    **What it does.** Flags a range whose two ends carry different units
    when it can be misread: an end below one of its unit ("400 mg–0.6 g"),
    a range that falls once converted ("1 g–500 mg"), ends in two
    dimensions. Whole amounts rising from the smaller unit to the larger
    ("500 mg to 1 g") are how labels and leaflets write a range and pass;
    mcg and mg (checks/units.yaml ``confusable_unit_pairs``) are never
    mixed ("300 mcg to 1 mg").

    **Why it matters.** Mixed units hide a thousandfold slip and make readers
    convert in their heads; "400 mg–0.6 g" reads as 400 to 0.6.

    **Example.** "Ibuprofen 400 mg–0.6 g every 6 h".

    **Fix.** Convert one end: "400–600 mg".

    **Source.** ISMP List of Error-Prone Abbreviations, Symbols, and Dose
    Designations (dose designations); ISMP guidance on consistent units.
    """
    pairs = [frozenset(pair) for pair in ctx.data("units")["confusable_unit_pairs"]]
    for record, field, dose in all_doses(article):
        a = dose.amount
        if a is None or not (dose.unit_problem == "mixed_units" or a.mixed_units) or not _misleading_range(a, pairs):
            continue
        yield _amount_hit(record, field, dose,
                          f"\"{a.raw}\" mixes \"{a.low.unit.raw}\" and \"{a.high.unit.raw}\" in one range.",
                          "Write both ends in one unit, e.g. \"400–600 mg\".")


def _end_quantity(end):
    if end is None or end.unit is None or end.unit.unit is None:
        return None
    return lookup_quantity(end.value, end.unit.unit)


def _misleading_range(a, pairs) -> bool:
    """Is a range in two units one a reader may misread? Each end written as a whole amount in
    its own unit and rising ("500 mg to 1 g") is how labels write it; an end
    below one of its unit ("400 mg–0.6 g" reads as 400 to 0.6), a range that falls once
    converted, two dimensions, an end medlint cannot convert, or units that ``pairs`` says are
    confused ("300 mcg to 1 mg") is flagged."""
    if frozenset((a.low.unit.unit, a.high.unit.unit)) in pairs:
        return True  # "300 mcg to 1 mg"
    low, high = _end_quantity(a.low), _end_quantity(a.high)
    if low is None or high is None or low.dimensionality != high.dimensionality:
        return True
    if a.low.value < 1 or a.high.value < 1:
        return True
    return low.to(high.units).magnitude >= high.magnitude


def lookup_quantity(value: float, unit: str):
    return get_registry().Quantity(value, unit)


def _kind_of(quantity_text: str) -> str | None:
    sp = lookup_spelling(quantity_text.split(" ", 1)[1])
    return sp.kind if sp else None


def _syringe_marks(dose, record, field, syringe, data) -> bool:
    """An amount in syringe "units" followed by its mass ("10 units on your syringe (0.25 mg)");
    "600 IU (15 mcg)" is a vitamin's activity with its mass equivalence, not syringe marks, and
    so is "vitamin D 1,000 units (25 micrograms)" (``international_units``)."""
    amount = dose.amount
    if amount.unit.raw.strip().lower() not in data["syringe_unit_spellings"]:
        return False
    text = getattr(record, field, "") or ""
    m = syringe.match(text, amount.span[1])
    return m is not None and not _international_units(dose, text, m, data.get("international_units") or ())


_THOUSANDS = re.compile(r"\d{1,3},\d{3}")


def _international_units(dose, text: str, mass, entries) -> bool:
    """Is an amount in "units" with its mass in brackets (``mass``: the match of
    ``syringe_units_with_mass``) a substance labelled in international units, named in its
    sentence or as the dose's medicine, at that substance's fixed equivalence (vitamin D:
    1,000 units, 25 micrograms)?"""
    raw = mass.group("value")
    value = float(raw.replace(",", "") if _THOUSANDS.fullmatch(raw) else raw.replace(",", "."))
    spelling = lookup_spelling(mass.group("unit"))
    if spelling is None or spelling.unit is None or value <= 0:
        return False
    micrograms = get_registry().Quantity(value, spelling.unit).to("microgram").magnitude
    start, _ = sentence_span(text, dose.amount.span[0])
    named = f"{text[start:dose.amount.span[0]]} {dose.substance.raw if dose.substance is not None else ''}".lower()
    ratio = dose.amount.upper.value / micrograms
    for entry in entries:
        names = [entry["name"], *entry.get("synonyms", [])]
        if any(re.search(rf"(?<![\w-]){re.escape(n.lower())}(?![\w-])", named) for n in names) \
                and abs(ratio / entry["units_per_microgram"] - 1) <= 0.02:
            return True
    return False


@check("UNT003", name="unit-does-not-fit", category="units", severity="warning",
       fix="Use a unit that fits the product: a count or mg for tablets, the unit the label uses for the substance.",
       bad=(DRUGS + "Naproxen 5 mL tablet twice daily – NSAID.",
            DRUGS + "Ibuprofen 400 IU three times daily – NSAID."),
       good=(DRUGS + "Naproxen 500 mg tablet twice daily – NSAID.",
             DRUGS + "Naproxen 500 mg: 1 tab PO BID with food – NSAID.",
             DRUGS + "Acetaminophen: 36-47 lb (4-5 years): 7.5 mL every 4 hours, no more than 5 doses in 24 hours.",
             DRUGS + "Peppermint oil capsules (0.2 mL) three times a day before meals – IBS.",
             "Dietary Molecular Supplements\n-\nVitamin D3 25 mcg daily – Bone health.",
             DRUGS + "Paracetamol (120 mg/5 ml) 5 ml up to 4 times in 24 hours – Fever.",
             "Dietary Molecular Supplements\n-\nVitamin D3 600 IU (15 mcg) daily – Bone health."))
def unit_does_not_fit(article, ctx):
    """The unit's dimension must fit the dose form and the substance.

    **What it does.** Flags (1) an amount whose unit kind does not fit the
    dose form — mL for a tablet or capsule (checks/units.yaml) — and (2) an
    amount in a dimension the substance is not dosed in, where the sourced
    ceiling in checks/dosing.yaml says so: IU for ibuprofen (dosed by mass),
    a count of tablets or puffs where the substance is dosed by mass.
    Substances the source allows in two units (vitamin D in IU and mcg)
    accept both. A count of the product's units ("1 tab", "2 caps") always
    fits: the strength times the count is the amount. An amount in mL of a
    substance dosed by mass is the measure of its liquid ("7.5 mL every 4
    hours" from a children's suspension chart) unless the dose names a solid
    form. A liquid-filled capsule is labelled by its fill ("peppermint oil
    capsules (0.2 mL)"). Amounts that are not doses to follow (under the
    headings and in the procedure sentences of checks/dosing.yaml: "a
    radiologist can inject saline (around 20 to 40 mL)") are not checked.
    An amount in units with its mass after it ("draw up 10 units on your
    syringe (0.25 mg)": ``syringe_units_with_mass``) is a medicine dosed by
    mass measured in the unit marks of an insulin syringe, and is an error;
    only the syringe's spellings count (``syringe_unit_spellings``): "600 IU
    (15 mcg)" is a vitamin's activity with its mass, as fact sheets print it, and so
    is "vitamin D 1,000 units (25 micrograms)": a substance labelled in
    international units, named in its sentence, at its fixed equivalence
    (``international_units``).

    **Why it matters.** "5 mL tablet" or "400 IU ibuprofen" cannot be
    measured; it signals a copying error that may hide a wrong amount.

    **Example.** "Naproxen 5 mL tablet twice daily".

    **Fix.** Write the amount in the unit of the product label.

    **Source.** FDA Structured Product Labeling dosage-form definitions
    (checks/units.yaml); the product labels named in checks/dosing.yaml.
    """
    data = ctx.data("units")
    forms = {f["form"]: f for f in data["forms"]}
    dosing = ctx.data("dosing")
    words = wordings(dosing)
    syringe = policy.compile_pattern(data["syringe_units_with_mass"], re.I, [data["syringe_units_with_mass"]])
    for record, field, dose in all_doses(article):
        a = dose.amount
        if a is None or a.implied or a.unit is None or a.unit.kind not in ("mass", "volume", "activity", "count"):
            continue
        if not_a_dose(record, field, dose, words):
            continue  # "a radiologist can inject … saline (around 20 to 40 mL)"
        kind = a.unit.kind
        if kind == "activity" and _syringe_marks(dose, record, field, syringe, data):
            yield Hit(record, excerpt=a.raw, start=a.span[0], field=field, severity="error",
                      message=f"\"{a.raw}\" measures a medicine dosed by mass in the unit marks of a syringe; "
                              "confusing units, mL and mg has led to five- to twentyfold overdoses (FDA, 2024).",
                      suggestion="Give the dose in mg and the volume in mL (e.g. \"0.25 mg, which is 0.1 mL of the "
                                 "2.5 mg/mL vial\"), and say which syringe to use.")
            continue
        if dose.form is not None and dose.form.name in forms and kind not in forms[dose.form.name]["kinds"]:
            yield _amount_hit(record, field, dose,
                              f"\"{a.raw}\" is a {kind} amount for a {dose.form.name}.",
                              f"Write the {dose.form.name} amount as a count or its strength in mg.")
            continue
        c = ceiling_for(dose, dosing)
        if c is None or not c.get("per_day") or dose.per_weight is not None:
            continue
        allowed = {_kind_of(q) for q in [c["per_day"], *c.get("also_per_day", [])]}
        if kind not in allowed | {"count", "volume"} and dose.form is None:
            want = " or ".join(sorted(k for k in allowed if k))
            yield _amount_hit(record, field, dose,
                              f"\"{a.raw}\" doses {c['name']} by {kind}; its label doses it by {want} "
                              f"({c['source']}).",
                              f"Write the amount in the label's unit (e.g. {c['per_day'].split(' ', 1)[1]}).")


@check("UNT004", name="missing-unit", category="units", severity="error",
       fix="Write the unit after the number: \"300 mg\".",
       bad=(DRUGS + "Aspirin 300 every 6 h, max 4 doses a day – Pain.",),
       good=(DRUGS + "Aspirin 300 mg every 6 h, max 4 doses a day – Pain.",
             DRUGS + "Co-codamol 30/500 tablets: 1-2 qds prn, max 8 in 24 hours – Pain.",
             DRUGS + "Amlodipine 5 mg tablets: TAKE ONE 2 TIMES/DAY – Blood pressure.",
             "Overview\nAbout 5 in 100 adults have back pain every year."))
def missing_unit(article, ctx):
    """A dose number needs a unit.

    **What it does.** Flags a dose amount with no unit ("Aspirin 300 every
    6 h") when the expression is a dose in context (frequency, route, form
    or "as needed"); numbers in prose are left alone. A small bare number
    (up to ``bare_count_max`` in checks/units.yaml) is a count of the
    product's units, as prescription and dispensing labels write it ("1
    bd", "take two qds", "1-2 4 hourly prn"), not a missing unit. A number after a currency
    sign (``currency_signs``: "$21.24 every 60 days") is a price, and one after a limit
    wording that follows a dose with its unit ("1 tablet every 2 hours, up to 6 a day":
    ``limit_before``) is that dose's daily limit in its unit, as is one after a dose written
    in words ("that's a thousand milligrams, every six hours, and don't go over 3,000 a day":
    ``amount_in_words``). A number after the name of a rating scale ("SPF 50 every day":
    ``rating_scales``) is a rating, not a dose.

    **Why it matters.** "300" could be mg, mcg or mL; the reader has to
    guess, and no ceiling can be checked.

    **Example.** "Aspirin 300 every 6 h".

    **Fix.** Add the unit: "300 mg every 6 hours".

    **Source.** ISMP guidance on complete dose designations; FDA Drug Facts
    labeling (21 CFR 201.66: directions state amount and unit).
    """
    data = ctx.data("units")
    limit = policy.compile_pattern(data["limit_before"], re.I, [data["limit_before"]])
    in_words = policy.compile_pattern(data["amount_in_words"], re.I, [data["amount_in_words"]])
    scales = policy.compile_pattern(data["rating_scales"], re.I, [data["rating_scales"]])
    for record, field, dose in all_doses(article):
        if dose.amount is None or dose.unit_problem != "missing_unit" or not _in_context(dose, data):
            continue
        if dose.amount.upper.value <= data["bare_count_max"]:
            continue  # "1 bd", "take two qds": a count of the product's units
        if _priced(record, field, dose, data["currency_signs"]):
            continue  # "$21.24 every 60 days": a price
        if _limit_of_dose_before(record, field, dose, limit) or _unit_in_words_before(record, field, dose, limit, in_words):
            continue  # "1 tablet every 2 hours, up to 6 a day": 6 tablets; "a thousand milligrams ... over 3,000 a day"
        if _rated(record, field, dose, scales):
            continue  # "use SPF 50 every day": a sun-protection rating
        yield _amount_hit(record, field, dose, f"\"{dose.amount.raw}\" has no unit.",
                          f"Write the unit after the number, e.g. \"{safe_text(dose.amount.raw)} mg\" if that is what the "
                          "source says.")
