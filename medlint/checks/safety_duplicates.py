"""SAF002, the same ingredient twice: a sentence that advises taking a medicine together with a
product named by what it is ("cold and flu combination tablets", "your nighttime cold
medicine") that already contains that medicine or one of its class (checks/safety.yaml
``duplicate_products``, each product and class with its source)."""

from __future__ import annotations

import re

from medlint.doses.schedule import sentences
from medlint.findings import Hit
from medlint.records.model import FaqEntry

_CLAUSE = re.compile(r"[,;:]\s+")


class DuplicateProducts:
    """checks/safety.yaml ``duplicate_products``, compiled; ``member`` maps a name to its substance."""

    def __init__(self, data: dict | None, member):
        data = data or {"together": [], "hedges": [], "products": [], "same_class": [], "advice": ""}
        self.together = tuple(w.lower() for w in data["together"])
        self.hedges = [re.compile(h, re.I) for h in data["hedges"]]
        self.advice = data["advice"]
        self.products = [(p, tuple(n.lower() for n in p["names"]), frozenset(member(c) for c in p["contains"]))
                         for p in data["products"]]
        self.kin: dict[str, tuple[frozenset, dict]] = {}  # substance -> (its class, the class entry)
        for cls in data["same_class"]:
            members = frozenset(member(m) for m in cls["members"])
            for m in members:
                self.kin[m] = (members, cls)

    def product_in(self, sentence: str):
        low = sentence.lower()
        for product, names, contains in self.products:
            if any(n in low for n in names):
                return product, contains
        return None

    def advises_together(self, sentence: str) -> bool:
        low = sentence.lower()
        if sentence.rstrip().endswith("?") or not any(w in low for w in self.together):
            return False
        # a hedge counts in the clause that joins the two ("If you still can't sleep, X on top
        # of Y can help": the advice stands)
        clauses = [c for c in _CLAUSE.split(sentence) if any(w in c.lower() for w in self.together)]
        return not any(h.search(c) for c in clauses for h in self.hedges)

    def shared(self, substance: str, contains: frozenset):
        """(the ingredient the product shares with ``substance``, the class entry or None)."""
        if substance in contains:
            return substance, None
        members, cls = self.kin.get(substance, (frozenset(), None))
        for other in sorted(members & contains):
            return other, cls
        return None


def _fields(record):
    if isinstance(record, FaqEntry):
        return [("answer", record.answer or "")]
    return [("text", record.text or "")]


def duplicate_advice(article, d: DuplicateProducts, names_in, title_names):
    """One finding per sentence that advises a medicine with a product already holding it: the
    medicine the sentence names, else the page's own (``title_names``: the single substance its
    title names, or else the single one it doses; "Pyrexol 650 is taken together with ...")."""
    if not d.products:
        return
    own = next(iter(title_names)) if len(title_names) == 1 else None
    for record in article.texts():
        for field, text in _fields(record):
            for start, end in sentences(text):
                hit = _sentence_hit(record, field, text[start:end], start, d, names_in, own)
                if hit is not None:
                    yield hit


def _sentence_hit(record, field, sentence: str, at: int, d: DuplicateProducts, names_in, own):
    found = d.product_in(sentence)
    if found is None or not d.advises_together(sentence):
        return None
    product, contains = found
    substances = sorted(s for s in names_in(sentence) if not s.startswith("class:")) or ([own] if own else [])
    for substance in substances:
        shared = d.shared(substance, contains)
        if shared is None:
            continue
        ingredient, cls = shared
        source = product["source"] + (f"; {cls['source']}" if cls else "")
        start = at + len(sentence) - len(sentence.lstrip())
        advice = d.advice.format(a=substance, b="that product", c=ingredient)
        return Hit(record, excerpt=sentence.strip(), start=start, field=field, severity="warning",
                   message=f"This advises {substance} together with a product that already contains "
                           f"{ingredient}: {product['risk']} ({source}).",
                   suggestion=f"Say instead: {advice[0].upper()}{advice[1:]}.")
    return None
