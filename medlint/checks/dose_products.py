"""What a counted dose counts when its own words give no medicine and no strength.

A page often names a product with its strength once and then counts it: a list line's label
("Cetirizine 10 mg: adults take one tablet a day. In a bad week you can take one tablet in the
morning and one in the evening") or a product the page names with what each unit holds in
brackets ("Ultracet tab (tramadol 37.5 mg / acetaminophen 325 mg)" in a medicines table, then
"you may take 2 Ultracet tablets every 4 hours"). The reader reads each text alone, so such a
count reaches the checks as "2 tablets" of nothing. :func:`with_named_products` gives each such
dose the medicine and the strength (or, for a combination, the strength of each substance) of
the product its line's label or its own words name, so DOS001 and DOS003 judge the count as a
count of that product.

Only a dose counted in the page's product units (``product_units`` of checks/dosing.yaml) with
no strength, no ingredients and no medicine of its own is given one; a label names one product
with one strength or none is taken; a bracketed product is named in the dose's own words
(``defined_products``).
"""

from __future__ import annotations

from medlint.doses import units as _units
from medlint.doses.model import Ingredient, Piece, Strength, _replace

LABEL_CHARS = 60  # a line's label ("Cetirizine 10 mg:") is short and opens the line


def with_named_products(triples: tuple, fields: tuple, products_in, defined, units: frozenset) -> tuple:
    """(record, field, dose) of ``triples``, a counted dose with no medicine or strength of its own
    given the product its line's label names (``products_in(label)``: [(entry, strength, as
    written)]) or the page's bracketed product its words name (``defined``: a compiled
    ``defined_products`` pattern with groups "name" and "content")."""
    eligible = [t for t in triples if _counts_nothing(t[2], units)]
    if not eligible:
        return triples
    page = _page_products(fields, products_in, defined)
    out = []
    for record, field, dose in triples:
        if _counts_nothing(dose, units):
            text = getattr(record, field, "") or ""
            found = _label_product(text, dose, products_in) or _named_product(dose, page)
            if found:
                dose = _as_count_of(dose, *found)
        out.append((record, field, dose))
    return tuple(out)


def _counts_nothing(dose, units: frozenset) -> bool:
    """Does the dose count the page's product units with no strength or ingredients of its own?
    (Its medicine, if it names one, must be the product's: see the callers.)"""
    return dose.strength is None and not dose.ingredients and dose.count_unit in units and not dose.weight_based


def _own_name(dose) -> str:
    return dose.substance.raw.strip("*_ ").lower() if dose.substance is not None else ""


def _label_product(text: str, dose, products_in):
    """(products, name) of the label that opens the dose's line ("Cetirizine 10 mg: ..."), when
    it names one product with its strength; None otherwise."""
    colon = text.find(":")
    if colon < 0 or colon > LABEL_CHARS or colon >= dose.span[0]:
        return None
    label = text[:colon]
    if _own_name(dose) and _own_name(dose) not in label.lower():
        return None  # the dose names another medicine than the label's
    found = products_in(label)
    if len(found) != 1:
        return None
    return found, label.strip()


def _page_products(fields: tuple, products_in, defined) -> dict:
    """{name as written: (products, what the brackets say)} of each product the page names with
    its strengths in brackets; a name given two different contents is left out."""
    page: dict = {}
    for _record, _field, text in fields:
        if not text or "(" not in text:
            continue
        for m in defined.finditer(text):
            content = m.group("content").strip()
            found = products_in(content)
            if not found:
                continue
            name = m.group("name")
            seen = page.get(name)
            key = [(c["name"], _units.format_quantity(q)) for c, q, _ in found]
            if seen is not None and seen[2] != key:
                page[name] = (None, None, None)  # two products of one name: neither
                continue
            page[name] = (found, content, key)
    return page


def _named_product(dose, page: dict):
    """(products, name) of the page's bracketed product the dose's own words name ("2 Ultracet
    tablets every 4 hours"); None when they name none or several."""
    words = {w.strip(".,;:()") for w in dose.text.split()}
    own = _own_name(dose)
    hits = [(found, content) for name, (found, content, _) in page.items()
            if found and name in words and own in ("", name.lower())]
    return hits[0] if len(hits) == 1 else None


def _strength(q, raw: str, at: int) -> Strength:
    value, unit = _units.format_quantity(q).split(" ", 1)
    return Strength(float(value.replace(",", "")), unit, "unit", raw, (at, at))


def _as_count_of(dose, found: list, name: str):
    """The dose as a count of the product: one medicine's strength, or each substance's."""
    at = dose.span[0]  # the name is the line's or the page's, not the dose's words: no span of its own
    if len(found) == 1:
        c, q, raw = found[0]
        return _replace(dose, substance=Piece(c["name"], (at, at)), substance_key=c["name"].lower(),
                        strength=_strength(q, raw, at))
    ingredients = tuple(Ingredient(c["name"].lower(), Piece(c["name"], (at, at)), _strength(q, raw, at))
                        for c, q, raw in found)
    return _replace(dose, substance=Piece(name, (at, at)), substance_key=name.lower(), ingredients=ingredients)


def with_lead_frequencies(triples: tuple, lead_frequency) -> tuple:
    """(record, field, dose) of ``triples``, a dose of a list's line that says nothing of how
    often given the one frequency of the lead-in its list opens under ("Every evening, about an
    hour before bed:" over "1. **Resveratrol**: 500 mg"): ``lead_frequency(record)`` is that
    Frequency, else None. A list's lines are the lead's schedule; a line with a frequency, an
    as-needed or a limit of its own keeps its own."""
    out = []
    for record, field, dose in triples:
        if dose.frequency is None and dose.as_needed is None and dose.max_per_day is None \
                and dose.amount is not None and not dose.weight_based and not dose.titration:
            freq = lead_frequency(record)
            if freq is not None:
                dose = _replace(dose, frequency=freq)
        out.append((record, field, dose))
    return tuple(out)
