"""Stage 7b, product identities: a quantity that names a product is its strength (or its pack),
not an amount to take.

A product is named by its strength in several ways, none of them a dose: a drug database's
row of strength, form and route ("250 MG | TABLET | ORAL"), one product spoken of with a
determiner ("The 550 mg naproxen sodium tablet is also used for ..."), a product's name in
the plural that a sentence then describes ("Prochlorperazine 3 mg buccal tablets dissolve
..."), a brand's strength label ("Dolo 650 Tablet": not 650 tablets), a product that is the
subject of its sentence ("Pyrexol 650mg Tablet is taken with food"), a product its sentence
defines ("Omeprazole 20 mg is a proton pump inhibitor") and a product priced
("duloxetine 60 mg is about $148 for 30 capsules"). Only a quantity with no schedule of its
own, in a sentence that tells no one to take it, is read so: a mass becomes the strength of
a dose with no amount (what a later count may take), a count of units (the label's number,
a pack's size) is no dose at all. The wordings are ``product_identities`` in
checks/dose-lexicon.yaml."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from . import lexicon as _lexicon
from . import units as _units
from .model import Strength
from .text import _sentence

if TYPE_CHECKING:
    from .anchors import _Anchor
    from .reading import Reading

_NAME_BEFORE = re.compile(r"(?<![\w-])[A-Z][\w-]*?[ -]$")  # "Dolo 650", "Dolo-650", "MW-NAPROXEN 250"


def without_identities(r: "Reading", chains: list, scheduled) -> list:
    """The chains with every product identity read as what it is: a lone unscheduled mass that
    names a product becomes a strength with no amount; a count that does is dropped."""
    out = []
    for ch in chains:
        anc = ch[0]
        if len(ch) == 1 and anc.amount is not None and anc.strength is None and not scheduled(anc) \
                and names_product(r, anc):
            if not _as_strength(anc):
                continue
        out.append(ch)
    return out


def _as_strength(anc: "_Anchor") -> bool:
    """Make a mass the strength of the product it names (True); a count is no strength (False)."""
    a = anc.amount
    if a.unit is None or a.unit.kind not in ("mass", "activity") or a.is_range or anc.per_weight is not None:
        return False
    anc.strength = Strength(a.upper.value, a.unit.written, "unit", a.raw, a.span)
    anc.amount = None
    return True


def names_product(r: "Reading", anc: "_Anchor") -> bool:
    """Does the quantity of ``anc`` name a product rather than an amount to take?"""
    ids = _lexicon.lexicon().product_identities
    nd = _lexicon.lexicon().not_doses
    s0, s1 = _sentence(r.norm, anc.start)
    form = _form_after(r, anc)
    lead = r.norm[max(s0, anc.start - 40):anc.start]
    named = _NAME_BEFORE.search(lead) is not None
    plural = form is not None and form.obj.raw.lower().endswith("s")
    if form is not None and named and not plural and anc.amount.low.value != 1 and _counted_by(anc, form):
        return True  # "Dolo 650 Tablet", "Take Gastrozol 40 Tablet": a label, never "650 tablet"
    if nd.dose_verb.search(r.norm, s0, anc.start) or ids.instruction.search(r.norm, anc.amount.span[1], s1):
        return False  # "Take a 500 mg tablet", "Sumatriptan 50 mg tablets ...: take one": an instruction
    if _listing_row(r, anc):
        return True
    if ids.price.search(r.norm, s0, s1):
        return True  # "duloxetine 60 mg is about $148 for 30 capsules"
    if form is None:
        return named and _mass(anc) and _defines_product(r, anc, s1)  # "Omeprazole 20 mg is a proton pump inhibitor"
    if ids.determiner.search(lead) and not ids.part_of.search(lead) and not plural and _mass(anc):
        return True  # "The 550 mg naproxen sodium tablet (...) is also used for"
    subject = ids.subject_verb.match(r.norm, form.end) is not None
    return subject and (named or plural and _mass(anc))  # "Pyrexol 650mg Tablet is taken", "3 mg buccal tablets dissolve"


def _defines_product(r: "Reading", anc: "_Anchor", s1: int) -> bool:
    """Does the sentence define the product its strength names ("Omeprazole 20 mg is a proton pump
    inhibitor"), rather than speak of an amount ("Paracetamol 1 g is a safe dose")?"""
    ids = _lexicon.lexicon().product_identities
    m = ids.defining.match(r.norm, anc.amount.span[1])
    return m is not None and ids.dose_noun.search(r.norm, m.end(), min(s1, m.end() + _PREDICATE_REACH)) is None


_PREDICATE_REACH = 24  # "is a safe starting dose": the few words the definition gives the product


def _mass(anc: "_Anchor") -> bool:
    u = anc.amount.unit
    return u is not None and u.kind in ("mass", "activity")


def _counted_by(anc: "_Anchor", form) -> bool:
    u = anc.amount.unit
    return u is not None and u.kind == "count" and u.span == (form.start, form.end)


_FORM_REACH = 32  # "550 mg naproxen sodium tablet": a few words between the strength and the form


def _form_after(r: "Reading", anc: "_Anchor"):
    """The product form written just after the quantity (its own unit, or a few words on)."""
    end = anc.amount.span[1]
    for f in r.forms:
        if f.start >= anc.amount.span[0] and f.start - end <= _FORM_REACH and f.end >= end:
            between = r.norm[end:f.start]
            if not any(c in between for c in ",;:.()|") and not any(ch.isdigit() for ch in between):
                return f
    return None


def _listing_row(r: "Reading", anc: "_Anchor") -> bool:
    """Is the quantity a cell of a product listing's row whose cells after it are only the
    product's form and route ("02489161 | MW-NAPROXEN | 250 MG | TABLET | ORAL")?"""
    norm = r.norm
    if "|" not in norm[anc.amount.span[1]:]:
        return False
    before = norm[:anc.amount.span[0]].rstrip(" ")
    if before and not before.endswith("|"):
        return False
    cells = [c.strip() for c in norm[anc.amount.span[1]:].split("|")]
    if cells[0] or len(cells) < 2:
        return False  # the amount alone in its cell
    named = {norm[m.start:m.end].strip().lower() for m in r.mods if m.cat in ("form", "route")}
    rest = [c.lower() for c in cells[1:] if c]
    return bool(rest) and all(c in named or _units.lookup_spelling(c) is not None
                              and _units.lookup_spelling(c).kind == "count" for c in rest)
