"""SAF002, the same ingredient twice: a sentence that advises taking a medicine together with a
product named by what it is ("cold and flu combination tablets", "your nighttime cold
medicine") that already contains that medicine or one of its class (checks/safety.yaml
``duplicate_products``, each product and class with its source); or two products it names
(brand, generic or combination names, or a product the page names with its ingredients) that
share an ingredient of ``duplicate_products.named`` ("you can take 2 Panadol tablets in between
your Relaxgesic doses")."""

from __future__ import annotations

import re

from medlint.doses.schedule import sentences
from medlint.findings import Hit
from medlint.records.model import FaqEntry

_CLAUSE = re.compile(r"[,;:]\s+")
_FIRST_WORD = re.compile(r"\s*[\w-]+")


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
        named = data.get("named") or {}
        self.named_together = tuple(w.lower() for w in named.get("together") or ())
        self.definitions = [re.compile(p) for p in named.get("definitions") or ()]
        self.not_names = frozenset(w.lower() for w in named.get("not_names") or ())
        self.named_advice = named.get("advice", "")
        self.ingredients: dict[str, dict] = {}  # substance -> its entry (risk, source)
        for entry in named.get("ingredients") or ():
            for substance in entry["substances"]:
                self.ingredients[member(substance)] = entry

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


    def together_between(self, between: str) -> bool:
        """Whether the words between two product names join them as taken together."""
        low = between.lower()
        return any(w in low for w in self.together + self.named_together)

    def hedged(self, sentence: str) -> bool:
        return sentence.rstrip().endswith("?") or any(h.search(sentence) for h in self.hedges)


def page_products(texts, d: DuplicateProducts, names_in) -> dict:
    """{lower-case name: its substances} of the products the page names with their ingredients
    (``named.definitions``: "Relaxgesic Tablets (Paracetamol 450 mg / Orphenadrine 35 mg)"), a
    name no checks/medicine-names.yaml name already holds (``names_in`` gives the substances a
    text names)."""
    out: dict = {}
    for text in texts:
        for pattern in d.definitions:
            for m in pattern.finditer(text or ""):
                name, what = m.group("name"), m.group("what")
                # (the ingredients come first: "(Paracetamol 450 mg / ...)", not "(for example ...)")
                first = _FIRST_WORD.match(what)
                if name.lower() in d.not_names or names_in(name) or first is None or not names_in(first.group()):
                    continue
                held = frozenset(s for s in names_in(what) if not s.startswith("class:"))
                if held:
                    out[name.lower()] = out.get(name.lower(), frozenset()) | held
    return out


def _named_in(sentence: str, find_names, products: dict) -> list:
    """(start, end, substances) of every product named in ``sentence``, in order: the names of
    checks/medicine-names.yaml (``find_names``) and the page's own products."""
    found = list(find_names(sentence))
    for name, held in products.items():
        for m in re.finditer(r"(?<![\w-])" + re.escape(name) + r"(?![\w-])", sentence, re.I):
            found.append((m.start(), m.end(), held))
    return sorted(found)


def _named_hit(record, field, sentence: str, at: int, d: DuplicateProducts, find_names, products):
    """The finding for a sentence that advises two named products together that share an
    ingredient of ``named.ingredients`` ("you can take 2 Panadol tablets in between your
    Relaxgesic doses"), or None."""
    if not d.ingredients or d.hedged(sentence):
        return None
    named = _named_in(sentence, find_names, products)
    # two names side by side (no other between), joined as taken together, not one name twice
    for (a0, a1, first), (b0, b1, second) in zip(named, named[1:]):
        a, b = sentence[a0:a1], sentence[b0:b1]
        if a1 > b0 or a.lower() == b.lower() or not d.together_between(sentence[a1:b0]):
            continue
        shared = sorted(s for s in first & second if s in d.ingredients)
        if not shared:
            continue
        entry = d.ingredients[shared[0]]
        advice = d.named_advice.format(a=a, b=b, c=shared[0])
        start = at + len(sentence) - len(sentence.lstrip())
        return Hit(record, excerpt=sentence.strip(), start=start, field=field, severity="warning",
                   message=f"This advises {a} together with {b}, and both contain {shared[0]}: "
                           f"{entry['risk']} ({entry['source']}).",
                   suggestion=f"Say instead: {advice[0].upper()}{advice[1:]}.")
    return None


def _fields(record):
    if isinstance(record, FaqEntry):
        return [("answer", record.answer or "")]
    return [("text", record.text or "")]


def duplicate_advice(article, d: DuplicateProducts, names_in, title_names, find_names=None, lines=()):
    """One finding per sentence that advises a medicine with a product already holding it: the
    medicine the sentence names, else the page's own (``title_names``: the single substance its
    title names, or else the single one it doses; "Pyrexol 650 is taken together with ..."); or
    two named products that share an ingredient (``find_names``: (start, end, substances) of
    each medicine name in a text; ``lines``: the page's lines, where it names its products)."""
    if not d.products and not d.ingredients:
        return
    own = next(iter(title_names)) if len(title_names) == 1 else None
    products = page_products(lines, d, names_in) if find_names is not None and d.ingredients else {}
    for record in article.texts():
        for field, text in _fields(record):
            for start, end in sentences(text):
                said = text[start:end]
                hit = _sentence_hit(record, field, said, start, d, names_in, own) if d.products else None
                if hit is None and find_names is not None:
                    hit = _named_hit(record, field, said, start, d, find_names, products)
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
