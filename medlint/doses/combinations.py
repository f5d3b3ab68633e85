"""Stage 1b, combinations: a product of several substances named by joining their names.

"Hydrocodone-acetaminophen 5-500 mg", "oxycodone/paracetamol 5/325", "codeine and paracetamol
30 mg/500 mg": each part is a name of checks/medicine-names.yaml or of the ceilings of
checks/dosing.yaml, and the parts are of different substances ("paracetamol/acetaminophen" is
one substance written twice). The strengths written with the names are each substance's, in
the order of the names: "5-500 mg" is 5 mg of hydrocodone and 500 mg of acetaminophen, not a
range, and "30/500" (no unit) is in milligrams. The joins, the salts written after a name and
the words between the names and their strengths are ``combination_names`` of
checks/dose-lexicon.yaml."""

from __future__ import annotations

import re
from dataclasses import dataclass

from medlint import policy
from medlint.prefilter import LazyPattern

from .lexicon import _words_rx
from .model import Amount, AmountEnd, Ingredient, Piece, Strength

_NUM = r"\d{1,4}(?:\.\d{1,3})?"
_MASS = r"(?:mg|mcg|µg|micrograms?|milligrams?|g)(?![A-Za-z])"
_BARE_UNIT = "mg"  # "30/500", "5/325": a product's strengths written without a unit


class CombinationNames:
    """The known names (lower case -> substance) and the compiled joined-name pattern."""

    def __init__(self, lex: dict, names: dict, dosing: dict) -> None:
        known: dict[str, str] = {}
        for med in names["medicines"]:
            substance = med["substance"].lower()
            known.setdefault(substance, substance)
            for n in med["names"]:
                known.setdefault(n["name"].lower(), substance)
        for c in dosing["ceilings"]:
            for n in [c["name"], *c.get("synonyms", [])]:
                known.setdefault(n.lower(), known.get(c["name"].lower(), c["name"].lower()))
        self.known = {k: v for k, v in known.items() if re.fullmatch(r"[a-z][a-z0-9 -]*", k)}
        data = lex.get("combination_names")
        self.source = None if data is None or not self.known else _source(data, self.known)
        self.pattern = None if self.source is None else LazyPattern(self.source, re.I)
        # each name with its own strength: "paracetamol 500 mg/codeine 30 mg"
        self.inline = None if data is None or not self.known else \
            LazyPattern(_source({**data, "joins_with_strengths": []}, self.known, rf"[ ]{{0,2}}{_NUM}[ ]?{_MASS}"),
                        re.I)  # not "ibuprofen 400 mg and paracetamol 500 mg": two medicines taken together
        # ... and a product line naming a substance the tables do not know beside one they do, each
        # with its strength ("Paracetamol 450 mg / Orphenadrine Citrate 35 mg"): the unknown part is
        # one word (and its salt), joined by a mark, never a word
        self.open = None if data is None or not self.known or not data["joins"] else \
            LazyPattern(_open_source(data, self.known), re.I)
        self.pair = None if data is None else _pair_pattern(data)
        # a product line ending after the strengths ("... 5/325 mg tablets:", "30/500 tablets - take"):
        # the count follows, the strengths are no amount of their own
        self.line_end = None if data is None else LazyPattern(
            rf"[ ]{{0,2}}\)?(?:[ ]{{1,2}}{_words_rx(data['before_strengths'])})?[ ]{{0,2}}(?:[:.;–—]|-[ ])", re.I)
        data = data or {"tight_joins": [], "joins": [], "joins_with_strengths": [], "salts": []}
        worded = data["joins_with_strengths"]
        # a join of the names, to split them; and one read only when the strengths follow
        marks = [*data["tight_joins"], *data["joins"]]
        self.split = re.compile(rf"[ ]{{0,2}}(?:{_words_rx(marks) if marks else '(?!)'}"
                                rf"|[ ]{_words_rx(worded) if worded else '(?!)'}[ ])[ ]{{0,2}}", re.I)
        self.worded = re.compile(rf"[ ]{_words_rx(worded)}[ ]", re.I) if worded else None
        self.salts = frozenset(w.lower() for w in data["salts"])
        # words of a sig that are no substance's name ("tablets", "take", "daily")
        self.not_names = frozenset(w.lower() for w in [*data.get("before_strengths", []), *lex.get("not_substances", []),
                                                      *lex.get("sig_followers", [])])


def _source(data: dict, known: dict, strength: str = "") -> str:
    """The joined names: two or three names, each with its salt (and ``strength``, when given),
    joined as ``data`` says."""
    salt = rf"(?:[ ]{{1,2}}{_words_rx(data['salts'])})?"
    name = rf"{_words_rx(known)}{salt}{strength}"
    tight = _words_rx(data["tight_joins"])
    loose = _words_rx(data["joins"])
    words = data["joins_with_strengths"]
    worded = rf"|[ ]{{1,2}}{_words_rx(words)}[ ]{{1,2}}" if words else ""
    join = rf"(?:{tight}|[ ]{{0,2}}{loose}[ ]{{0,2}}{worded})"
    return rf"(?<![\w-])(?P<names>{name}(?:{join}{name}){{1,2}})(?![\w-])"


_OPEN_NAME = r"[A-Za-z][A-Za-z]{3,24}"  # a substance's name the tables do not know: one word


def _open_source(data: dict, known: dict) -> str:
    """Two or three names each with its own strength, joined by a mark ("/", "+"), where a name
    is a known one or one word (with its salt) of a substance the tables do not know."""
    salt = rf"(?:[ ]{{1,2}}{_words_rx(data['salts'])})?"
    strength = rf"[ ]{{0,2}}{_NUM}[ ]?{_MASS}"
    name = rf"(?:{_words_rx(known)}|{_OPEN_NAME}){salt}{strength}"
    join = rf"[ ]{{0,2}}{_words_rx(data['joins'])}[ ]{{0,2}}"
    return rf"(?<![\w-])(?P<names>{name}(?:{join}{name}){{1,2}})(?![\w-])"


def _pair_pattern(data: dict) -> LazyPattern:
    """Two or three strengths: "5-500 mg", "5/325", "5 mg/325 mg", "320/30/16 mg" (not a
    concentration: "250 mg/5 mL", "7.5 mg/325 mg per 15 mL")."""
    before = _words_rx(data["before_strengths"])
    one = rf"{_NUM}(?:[ ]?{_MASS})?"
    return LazyPattern(
        rf"[ ]{{0,2}}[,()]?[ ]{{0,2}}(?:{before}[ ,]{{1,3}})?(?P<pair>{one}(?:[ ]?[-/][ ]?{one}){{1,2}})"
        rf"(?![\d./]|[ ]?(?:/|per)[ ]?\d{{0,4}}[ ]?(?:ml|l)(?![A-Za-z]))", re.I)


def combination_names() -> CombinationNames:
    return policy.derived(CombinationNames, policy.load("dose-lexicon"), policy.load("medicine-names"),
                          policy.load("dosing"))


@dataclass(frozen=True)
class Combination:
    """A joined name in the text: its span, its ingredients (with their strengths where the
    text gives them) and the span of the strengths."""

    name: Piece
    ingredients: tuple[Ingredient, ...]
    strengths_span: tuple[int, int] | None

    def one_unit(self, text: str, norm: str) -> Amount | None:
        """The strengths as the amount they say: one unit of the product ("Hydrocodone-
        acetaminophen 5-500 mg every 4 hours" is one tablet of it every 4 hours), implied; none
        when they end a product line the count follows ("5/325 mg tablets: take 2")."""
        if self.strengths_span is None or combination_names().line_end.match(norm, self.strengths_span[1]):
            return None
        a, b = self.strengths_span
        piece = Piece(text[a:b], (a, b))
        return Amount(AmountEnd(1.0, piece, None, piece.raw, piece.span), None, None, piece.raw, piece.span,
                      implied=True)


def find_combinations(text: str, norm: str) -> list[Combination]:
    """Every joined name of known substances in ``norm`` (the normalised ``text``)."""
    cn = combination_names()
    if cn.pattern is None or not _may_join(norm):
        return []
    out = [c for c in (_read_inline(text, norm, m, cn) for m in cn.inline.finditer(norm)) if c is not None]
    taken = [c.name.span for c in out]
    for m in cn.open.finditer(norm) if cn.open is not None else ():
        if not any(a < m.end() and m.start() < b for a, b in taken):
            found = _read_inline(text, norm, m, cn, unknown=True)
            if found is not None:
                out.append(found)
                taken.append(found.name.span)
    for m in cn.pattern.finditer(norm):
        if any(a < m.end() and m.start() < b for a, b in taken):
            continue
        found = _read(text, norm, m, cn)
        if found is not None:
            out.append(found)
    return sorted(out, key=lambda c: c.name.span)


def _read_inline(text: str, norm: str, m: re.Match, cn: CombinationNames,
                 unknown: bool = False) -> Combination | None:
    """A joined name whose every part carries its strength ("paracetamol 500 mg/codeine 30 mg");
    ``unknown``: one part may name a substance the tables do not know, but one must be known."""
    parts = _parts(norm, m.start("names"), m.end("names"), cn, inline=True, unknown=unknown)
    if parts is None or len({s for s, _, _ in parts}) < len(parts) or any(st is None for _, _, st in parts):
        return None
    ingredients = tuple(Ingredient(s, Piece(text[a:b], (a, b)), _strength_at(text, norm, st))
                        for s, (a, b), st in parts)
    if any(i.strength is None for i in ingredients):
        return None
    name = Piece(text[m.start("names"):m.end("names")], m.span("names"))
    return Combination(name, ingredients, (parts[0][2][0], parts[-1][2][1]))


def _strength_at(text: str, norm: str, span: tuple[int, int]) -> Strength | None:
    o = _ONE.fullmatch(norm, span[0], span[1])
    if o is None or not o.group("u"):
        return None
    return Strength(float(o.group("n")), o.group("u").lower().replace("µg", "mcg"), "unit", text[span[0]:span[1]], span)


def _may_join(norm: str) -> bool:
    """A cheap test before the pattern: a mark or a word that may join two names."""
    if any(c in norm for c in "-/+&"):
        return True
    low = norm.lower()
    return " and " in low or " with " in low or " plus " in low


def _read(text: str, norm: str, m: re.Match, cn: CombinationNames) -> Combination | None:
    parts = _parts(norm, m.start("names"), m.end("names"), cn)
    if parts is None or len({s for s, _, _ in parts}) < len(parts):
        return None  # "paracetamol/acetaminophen": one substance under two names
    pm = cn.pair.match(norm, m.end("names"))
    strengths = _strengths(text, pm, len(parts)) if pm else None
    worded = cn.worded is not None and cn.worded.search(norm, m.start(), m.end()) is not None
    if worded and strengths is None:
        return None  # "paracetamol and ibuprofen": two medicines, unless their strengths follow
    ingredients = tuple(Ingredient(s, Piece(text[a:b], (a, b)), strengths[i] if strengths else None)
                        for i, (s, (a, b), _) in enumerate(parts))
    name = Piece(text[m.start("names"):m.end("names")], m.span("names"))
    return Combination(name, ingredients, pm.span("pair") if strengths else None)


_INLINE = re.compile(rf"(?<![\d.])[ ]{{0,2}}(?P<s>{_NUM}[ ]?{_MASS})$", re.I)  # a name's own strength, at its end


def _parts(norm: str, a: int, b: int, cn: CombinationNames, inline: bool = False,
           unknown: bool = False) -> list | None:
    """(substance, span of its name, span of its own strength or None) of each name joined in
    ``norm[a:b]``, or None when a part is no known name (a name with a hyphen of its own,
    "omega-3", is one part); ``inline``: each name followed by its strength."""
    out = []
    pos = a
    while pos < b:
        best = None
        for j in sorted({m.start() for m in cn.split.finditer(norm, pos, b)} | {b}, reverse=True):
            part = norm[pos:j].rstrip()
            own = _INLINE.search(part) if inline else None
            word = (part[:own.start()] if own else part).strip().lower()
            sub = cn.known.get(word) or cn.known.get(_without_salt(word, cn.salts))
            if sub is None and unknown and own is not None and _unknown_name(word, cn):
                sub = _without_salt(word, cn.salts)
            if sub is not None:
                name_end = pos + (own.start() if own else len(part))
                best = (sub, j, name_end, (pos + own.start("s"), pos + own.end("s")) if own else None)
                break
        if best is None:
            return None
        out.append((best[0], (pos, best[2]), best[3]))
        sep = cn.split.match(norm, best[1], b)
        pos = sep.end() if sep else b
    if unknown and sum(s in cn.known.values() for s, _, _ in out) != len(out) - 1:
        return None  # "Orphenadrine 35 mg / Foo 10 mg": no substance the tables know
    return out if len(out) > 1 else None


def _unknown_name(word: str, cn: CombinationNames) -> bool:
    """Is ``word`` one word (with its salt) that may be a substance's name: not a unit, a
    number's word or a form ("tablets 500 mg / 5 mL" is no product line)?"""
    head = _without_salt(word, cn.salts)
    return re.fullmatch(_OPEN_NAME, head) is not None and head not in cn.not_names


def _without_salt(word: str, salts: frozenset) -> str:
    head, _, last = word.rpartition(" ")
    return head if head and last in salts else word


_ONE = re.compile(rf"(?P<n>{_NUM})(?:[ ]?(?P<u>{_MASS}))?", re.I)


def _strengths(text: str, pm: re.Match, count: int) -> tuple[Strength, ...] | None:
    """The strengths of a pair, in order, each in its own unit or the last one written (a pair
    with none is in milligrams); None when there are not as many as names."""
    ones = list(_ONE.finditer(pm.string, pm.start("pair"), pm.end("pair")))
    if len(ones) != count:
        return None
    units = [o.group("u") for o in ones]
    last = next((u for u in reversed(units) if u), _BARE_UNIT)
    out = []
    for o, u in zip(ones, units):
        s, e = o.span()
        out.append(Strength(float(o.group("n")), (u or last).lower().replace("µg", "mcg"), "unit", text[s:e], (s, e)))
    return tuple(out)
