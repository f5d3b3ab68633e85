"""Unit checks (UNT001-UNT004): unreadable, mixed, ill-fitting and missing dose units.

Doses are re-parsed from the text with :func:`medlint.doses.parse_doses`; the
parser reports ``unit_problem`` (unknown_unit, not_dose_unit, mixed_units,
missing_unit) and these checks turn it into findings. Which unit kinds fit a
dose form is in ``checks/units.yaml``; which dimension a substance is dosed in
comes from its sourced ceiling in ``checks/dosing.yaml``.
"""

from __future__ import annotations

from medlint.checks.dosing import all_doses, ceiling_for, doses_in, safe_text
from medlint.doses import lookup_spelling
from medlint.findings import Hit
from medlint.records.model import section_of
from medlint.registry import check

DRUGS = "Mainstream Drug Therapies\n-\n"


def _in_context(dose, data) -> bool:
    return any(getattr(dose, name) is not None for name in data["dose_context"])


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
    needed"). Lengths in prose ("2–3 cm incision") are not doses.

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
        raw = unit.raw if unit is not None else ""
        what = "is not a unit medlint can read" if dose.unit_problem == "unknown_unit" else \
            f"is a {unit.kind if unit else 'non-dose'} unit, not a dose unit"
        yield _amount_hit(record, field, dose, f"\"{dose.amount.raw}\": \"{raw}\" {what}.",
                          "Write a standard dose unit (mg, g, mcg, mL, units) or a count (tablets, capsules).")


@check("UNT002", name="mixed-units-in-range", category="units", severity="warning",
       fix="Use one unit for both ends of a range: \"400–600 mg\".",
       bad=(DRUGS + "Ibuprofen 400 mg–0.6 g every 6 h, max 1200 mg/day – NSAID.",),
       good=(DRUGS + "Ibuprofen 400–600 mg every 6 h, max 1200 mg/day – NSAID.",))
def mixed_units_in_range(article, ctx):
    """Both ends of a range should be in the same unit.

    **What it does.** Flags a range whose two ends carry different units
    ("400 mg–0.6 g"), which the parser reports as mixed units.

    **Why it matters.** Mixed units hide a thousandfold slip and make readers
    convert in their heads; "400 mg–0.6 g" reads as 400 to 0.6.

    **Example.** "Ibuprofen 400 mg–0.6 g every 6 h".

    **Fix.** Convert one end: "400–600 mg".

    **Source.** ISMP List of Error-Prone Abbreviations, Symbols, and Dose
    Designations (dose designations); ISMP guidance on consistent units.
    """
    for record, field, dose in all_doses(article):
        if dose.amount is not None and (dose.unit_problem == "mixed_units" or dose.amount.mixed_units):
            a = dose.amount
            yield _amount_hit(record, field, dose,
                              f"\"{a.raw}\" mixes \"{a.low.unit.raw}\" and \"{a.high.unit.raw}\" in one range.",
                              "Write both ends in one unit, e.g. \"400–600 mg\".")


def _kind_of(quantity_text: str) -> str | None:
    sp = lookup_spelling(quantity_text.split(" ", 1)[1])
    return sp.kind if sp else None


@check("UNT003", name="unit-does-not-fit", category="units", severity="warning",
       fix="Use a unit that fits the product: a count or mg for tablets, the unit the label uses for the substance.",
       bad=(DRUGS + "Naproxen 5 mL tablet twice daily – NSAID.",
            DRUGS + "Ibuprofen 400 IU three times daily – NSAID."),
       good=(DRUGS + "Naproxen 500 mg tablet twice daily – NSAID.",
             "Dietary Molecular Supplements\n-\nVitamin D3 25 mcg daily – Bone health.",
             DRUGS + "Paracetamol (120 mg/5 ml) 5 ml up to 4 times in 24 hours – Fever."))
def unit_does_not_fit(article, ctx):
    """The unit's dimension must fit the dose form and the substance.

    **What it does.** Flags (1) an amount whose unit kind does not fit the
    dose form — mL for a tablet or capsule (checks/units.yaml) — and (2) an
    amount in a dimension the substance is not dosed in, where the sourced
    ceiling in checks/dosing.yaml says so: IU for ibuprofen (dosed by mass),
    mL for acetaminophen tablets' mg. Substances the source allows in two
    units (vitamin D in IU and mcg) accept both; an amount in mL is the
    measure of a liquid whose strength the dose's text or its section's
    heading gives ("Paracetamol infant suspension 120 mg/5 ml" over a table
    of mL doses).

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
    for record, field, dose in all_doses(article):
        a = dose.amount
        if a is None or a.implied or a.unit is None or a.unit.kind not in ("mass", "volume", "activity", "count"):
            continue
        kind = a.unit.kind
        if dose.form is not None and dose.form.name in forms and kind not in forms[dose.form.name]["kinds"]:
            yield _amount_hit(record, field, dose,
                              f"\"{a.raw}\" is a {kind} amount for a {dose.form.name}.",
                              f"Write the {dose.form.name} amount as a count or its strength in mg.")
            continue
        c = ceiling_for(dose, dosing)
        if c is None or not c.get("per_day") or dose.per_weight is not None:
            continue
        allowed = {_kind_of(q) for q in [c["per_day"], *c.get("also_per_day", [])]}
        if c.get("form") and dose.form is not None and dose.form.name == c["form"]:
            allowed.add("count")
        if kind not in allowed and dose.form is None and not (kind == "volume" and _liquid_strength(record)):
            want = " or ".join(sorted(k for k in allowed if k))
            yield _amount_hit(record, field, dose,
                              f"\"{a.raw}\" doses {c['name']} by {kind}; its label doses it by {want} "
                              f"({c['source']}).",
                              f"Write the amount in the label's unit (e.g. {c['per_day'].split(' ', 1)[1]}).")


def _liquid_strength(record) -> bool:
    """Does the dose's own text or its section's heading say what strength of liquid it
    measures ("Paracetamol infant suspension 120 mg/5 ml" over a table of mL doses, "Calpol
    Infant (120mg/5ml): 5 ml")? Then an amount in mL is the liquid's measure, the unit the
    label's dosing table uses."""
    section = section_of(record)
    texts = [record.text or ""] + ([section.heading or ""] if section is not None else [])
    return any(d.strength is not None and d.strength.kind == "concentration" for t in texts for d in doses_in(t))


@check("UNT004", name="missing-unit", category="units", severity="error",
       fix="Write the unit after the number: \"300 mg\".",
       bad=(DRUGS + "Aspirin 300 every 6 h, max 4 doses a day – Pain.",),
       good=(DRUGS + "Aspirin 300 mg every 6 h, max 4 doses a day – Pain.",
             "Overview\nAbout 5 in 100 adults have back pain every year."))
def missing_unit(article, ctx):
    """A dose number needs a unit.

    **What it does.** Flags a dose amount with no unit ("Aspirin 300 every
    6 h") when the expression is a dose in context (frequency, route, form
    or "as needed"); numbers in prose are left alone.

    **Why it matters.** "300" could be mg, mcg or mL; the reader has to
    guess, and no ceiling can be checked.

    **Example.** "Aspirin 300 every 6 h".

    **Fix.** Add the unit: "300 mg every 6 hours".

    **Source.** ISMP guidance on complete dose designations; FDA Drug Facts
    labeling (21 CFR 201.66: directions state amount and unit).
    """
    data = ctx.data("units")
    for record, field, dose in all_doses(article):
        if dose.amount is None or dose.unit_problem != "missing_unit" or not _in_context(dose, data):
            continue
        yield _amount_hit(record, field, dose, f"\"{dose.amount.raw}\" has no unit.",
                          f"Write the unit after the number, e.g. \"{safe_text(dose.amount.raw)} mg\" if that is what the "
                          "source says.")
