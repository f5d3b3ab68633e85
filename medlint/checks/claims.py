"""Claims family: statements a reader could act on that need a source.

All checks here share one reading of the article (:func:`_analyse`): each
text record is split into sentences, each sentence is marked cited or not,
and the claim cues from ``checks/claims.yaml`` are matched in it.

What counts as a citation (the notations and names are data in ``citations``)
    * ``record.citations`` (items, FAQ entries and paragraph blocks) covers the
      whole record;
    * known source names glued to the end of a record, with or without a
      space, one after another and with "+N" chips ("…fragments. Radiopaedia",
      "…damage.Mayo ClinicPMC +1") cover the whole record;
    * inside a sentence: a bracketed number ``[2]`` / ``[1, 3]`` / ``[1–3]``
      (resolved or not: an unresolved one is reported by CLM006 instead),
      a superscript mark ("…function.²"), ``PMID``, ``DOI``, ``PMCID``, a URL,
      an author–year ("Smith 2020", "Smith et al., 2020", "(NICE, 2023)") or
      a known source name cover that sentence;
    * on a page with a numbered reference list that ends sentences with bare
      reference numbers ("…acute pain 1, 2."), such a trailing number covers
      its sentence (and is resolved like a bracketed one).

Reference lists are sections of kind ``references`` or headed "References",
"Sources", … (``citations.reference_headings``); their entries are numbered
by their own number ("1.", "[1]", "[1]:", "¹") or their position, and a
Markdown definition ("[1]: …") anywhere defines its number. A notes list under a
heading of any name ("Notes") defines its numbers too: two or more lines leading
with "[1]", "[2]" … (or "¹", "²" …) in order, one at least reading as a reference
(:func:`numbered_note_runs`).

Sentences end at . ! ? before a capital, digit or bracket, keeping any
superscript marks; not after an abbreviation of ``sentence_abbreviations``
("Fig. 2", "vs.", "e.g.").

What is never read as a claim
    Sections of the kinds in ``skip_section_kinds`` (red flags, references,
    the disclaimer) and reference lists by heading ("Sources"), the sentences
    of a disclaimer block that say a disclaimer concept (the wordings of
    ``checks/disclaimers.yaml``), FAQ questions and any sentence ending in a
    question mark.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from medlint.checks.dosing import per_text, searched
from medlint.checks.disclaimer import parent_of
from medlint.checks.safety import Phrases, is_news_report, tables
from medlint.findings import Hit
from medlint.records.model import Article, Block, FaqEntry, Item, Record
from medlint.policy import compile_pattern, derived, regex
from medlint.prefilter import haystack
from medlint.registry import check

# "[2]", "[1, 3]", "[2–4]": reference numbers of up to three digits ("[2016]", the year a
# guideline prints after its title, is no reference number)
_BRACKET = re.compile(r"\[(\d{1,3}(?:\s{0,2}[,–-]\s{0,2}\d{1,3}){0,20})\]")
# "Smith 2020", "Smith et al., 2020", "(Smith & Jones 2019)", "Collins and colleagues (2016)":
# a capitalised surname (not an all-caps acronym such as "DHA 2000 mg") and a year that is
# not an amount.
_AUTHOR_YEAR = re.compile(
    r"\b([A-Z][a-z][A-Za-z'’-]{0,40})(?:\s+(?:et\s+al\.?|and\s+(?:colleagues|co-?workers|co-?authors|others)|(?:and|&)\s+[A-Z][a-z][A-Za-z'’-]{0,40}))?,?\s+\(?((?:19|20)\d{2})[a-z]?\b"
    r"(?![.,]\d)(?!\s*(?:[–-]\s*\d+\s*)?(?:mg|g|µg|μg|mcg|IU|mL|ml|units?|cells|kg|mm|cm)\b)")
# "(NICE, 2023)", "(American Diabetes Association, 2024)", "(Ailani et al.,
# 2021; Zinman 2015)": inside brackets, a capitalised first word (an
# organisation's acronym too), a comma and a year.
_AUTHOR_YEAR_BRACKETED = re.compile(
    r"\(\s?([A-Z][A-Za-z'’&.-]{0,40})[^()\d]{0,80}?,\s{0,2}(?:19|20)\d{2}[a-z]?\b[^()]{0,160}\)")
_SUPERSCRIPTS = "¹²³⁴⁵⁶⁷⁸⁹⁰"
_SUPERSCRIPT_VALUE = str.maketrans(_SUPERSCRIPTS, "1234567890")
# A candidate sentence end: . ! ? (with any superscript reference marks or
# footnote marks right after it, "…into energy.* Clinically proven …", which
# belong to the sentence before), space, and a capital, digit,
# quote, bracket or comparison sign; not before a bracketed citation (which
# belongs to the sentence before it). Abbreviations are ruled out from data.
_SENTENCE_END = re.compile(r"([.!?])[¹²³⁴⁵⁶⁷⁸⁹⁰*†‡]{0,6}(?:[ ,]{1,2}[¹²³⁴⁵⁶⁷⁸⁹⁰]{1,6}){0,4}(?:\[\^[\w.-]{1,30}\]){0,4}"
                           r"\s+(?=[A-Z0-9“\"‘(<>~≈≤≥])")
_WORD_BEFORE = re.compile(r"[\w.]{1,20}$")
# A trailing reference number at the end of a sentence: "… pain 1, 2." /
# "… months 2" (the word before it is checked against data).
_TRAILING_NUMBER = re.compile(r"([^\W_]{1,40}|[\d/%)]{1,12})\s(\d{1,2}(?:\s?,\s?\d{1,2}){0,5})\s?[.;]?\s{0,3}$")
# A reference entry's own number: "1. Dworkin …", "[2] Cohen …", "[1]: NICE …", "¹ NICE …"
_ENTRY_NUMBER = re.compile(r"(?<!\s)\s*(?:\[?(\d{1,3})(?:\]:?|[.)])|([¹²³⁴⁵⁶⁷⁸⁹⁰]{1,3}))\s")
# Markdown reference definitions anywhere in a text ("[1]: NICE …")
_MD_DEFINITION = re.compile(r"(?:^|\s)\[(\d{1,3})\]:\s")


class _Patterns:
    """One cue list from check data. A text is asked only the patterns it could
    match: each pattern is compiled, on first need, only for a text holding one of
    its literals (:mod:`medlint.prefilter`), so a text that matches none costs a few
    ``in`` tests and most cues of a list are never compiled."""

    __slots__ = ("sources", "flags", "_fold", "_each")

    def __init__(self, sources, flags=re.IGNORECASE):
        self.sources = tuple(sources)
        self.flags = flags
        self._fold = bool(flags & re.IGNORECASE)
        self._each = None

    def __iter__(self):
        if self._each is None:
            # case-insensitive ones through policy.regex: the disclaimer family asks the same wordings
            self._each = [regex(p) if self.flags == re.IGNORECASE else compile_pattern(p, self.flags)
                          for p in self.sources]
        return iter(self._each)

    def __add__(self, other: "_Patterns") -> "_Patterns":
        return _Patterns(self.sources + other.sources, self.flags)

    def each(self, text: str) -> list[re.Pattern]:
        """The patterns, compiled, that could match somewhere in ``text``, in order."""
        low = haystack(text) if self._fold else text
        return [p.compiled() for p in self if p.could_match(text, low)]

    def search(self, text: str) -> bool:
        """True when any of the patterns matches somewhere in ``text``."""
        return any(p.search(text) for p in self.each(text))


class _Cues:
    """``checks/claims.yaml`` compiled once per data mapping."""

    def __init__(self, data: dict):
        self.skip_kinds = set(data["skip_section_kinds"])
        cit = data["citations"]
        self.sources = cit["known_sources"]
        names = "|".join(re.escape(s) for s in sorted(self.sources, key=len, reverse=True))
        self.source_any = re.compile(rf"(?<![\w-])(?:{names})(?![\w-])") if names else None
        chip = f"|{cit['glued_tail_chip']}" if cit.get("glued_tail_chip") else ""
        # one name after the record's last sentence end (a space or none), then
        # more names or "+N" chips glued on: "…damage.Mayo ClinicPMC +1"
        self.source_tail = (re.compile(
            rf"(?:^|[.!?)”\"\]])\s{{0,3}}(?:{names})(?:\s{{0,2}}(?:{names}{chip})){{0,7}}\.?\s{{0,3}}$")
            if names else None)
        self.not_authors = {w.lower() for w in cit["not_authors"]}
        self.citation = _Patterns(cit["patterns"])
        self.marked_numbers = _Patterns(cit.get("marked_numbers") or (), 0)
        notes = cit.get("footnotes")
        self.footnote = compile_pattern(notes["marker"], 0) if notes else None
        self.footnote_definition = compile_pattern(notes["definition"], 0) if notes else None
        self.attributed = _Attributed(cit.get("attributed_speech"))
        self.named_bodies = _Patterns(cit.get("named_bodies") or (), 0)
        self.source_lines = _Patterns(cit.get("source_lines") or ())
        trailing = cit["trailing_numbers"]
        self.trailing_min_uses = trailing["min_uses"]
        self.trailing_not_after = {w.lower() for w in trailing["not_after"]}
        self.reference_headings = _Patterns(cit["reference_headings"])
        abbr = data["sentence_abbreviations"]
        self.abbreviations = {a.lower() for a in abbr["always"]}
        self.number_abbreviations = {a.lower() for a in abbr["before_number"]}
        st = data["statistics"]
        self.stats = _Patterns(st["patterns"])
        self.after_stat = _Patterns(st["concentration_after"]) + _Patterns(st["composition_after"])
        self.before_stat = _Patterns(st["strength_before"])
        self.stat_exceptions = _Patterns(st["exceptions"])
        evidence = st.get("evidence")
        self.stat_window = evidence["window"] if evidence else 0
        self.stat_subjects = _Patterns(evidence["subjects"]) if evidence else None
        self.stat_predicates = _Patterns(evidence["predicates"]) if evidence else None
        self.stat_benefits = _Patterns(evidence.get("benefits") or ()) if evidence else None
        questioned = st.get("questioned") or {}
        self.reported = _Patterns([questioned["reported"]]) if questioned else None
        self.asked = _Patterns([questioned["asked"]]) if questioned else None
        self.timelines = _Patterns(data["outcome_timelines"]["patterns"])
        self.furniture_lists = _Patterns(data.get("furniture_lists") or ())
        self.research = _Patterns(data["research_appeals"])
        self.research_exceptions = _Patterns(data["research_appeal_exceptions"])
        sup = data["superlatives"]
        self.superlatives = _Patterns(sup["patterns"])
        self.negations = (_Patterns(sup["negations"]) + _Patterns(sup.get("descriptions_before") or ())
                          + _Patterns(sup.get("reference_test_before") or ()))
        self.relative_after = (_Patterns(sup.get("relative_after") or ()) + _Patterns(sup.get("hedged_after") or ())
                               + _Patterns(sup.get("reference_test_after") or ()))
        self.natural_course = _Patterns(data["outcome_timelines"].get("natural_course") or ())
        self.hypothetical = _Patterns(data["outcome_timelines"].get("hypothetical_before") or ())
        self.usual_course = _Patterns(data["outcome_timelines"].get("usual_course") or ())
        self.treatment_tied = _Patterns(data["outcome_timelines"].get("treatment_tied") or ())
        mech = data["mechanism"]
        self.mech_kinds = set(mech["section_kinds"])
        self.mechanisms = _Patterns(mech["patterns"])
        self.body_heals = _Patterns(mech.get("body_heals_before") or ())
        inv = data["investigational"]
        self.inv_statuses = _Patterns(inv["statuses"])
        self.inv_research = _Patterns(inv.get("research_mentions") or ())
        self.inv_products = _Patterns(inv.get("products") or ())
        self.inv_headings = _Patterns(inv.get("heading_statuses") or ())
        self.dose_patterns = _Patterns(inv["dose_patterns"], 0)
        self.evidence = _Patterns(inv["evidence_statements"])
        # Per-text results (pure functions of the text for this data), reused
        # across records and articles in one process: text -> result.
        self.cites_memo: dict[str, bool] = {}
        self.sentence_memo: dict[str, list] = {}


class _Attributed:
    """``citations.attributed_speech``: a sentence of a news report that reports a named expert
    or body saying it (a speech verb and a named speaker)."""

    def __init__(self, rule: dict | None):
        self.verbs = _Patterns(rule["verbs"]) if rule else None
        self.speakers = _Patterns(rule["speakers"], 0) if rule else None

    def covers(self, sentence: str) -> bool:
        return self.verbs is not None and self.verbs.search(sentence) and self.speakers.search(sentence)


def _wording_patterns(data: dict) -> "_Patterns":
    return _Patterns([p for wordings in data["concepts"].values() for p in wordings])


def _disclaimer_wording(ctx) -> "_Patterns":
    """Every wording of every disclaimer concept in checks/disclaimers.yaml, compiled once."""
    return derived(_wording_patterns, ctx.data("disclaimers"))


def _cues(ctx) -> _Cues:
    """checks/claims.yaml compiled, once per data mapping."""
    return derived(_Cues, ctx.data("claims"))


# --------------------------------------------------------------------------
# Reading the article once


@dataclass
class Claim:
    """A claim found in the text: what kind, where, and whether a citation backs it."""

    kind: str          # statistic | timeline | research | superlative | mechanism
    record: Record
    field: str
    start: int
    excerpt: str
    sentence: str
    cited: bool


@dataclass
class Reading:
    """Everything the claims checks need from one reading of the article."""

    claims: list[Claim] = field(default_factory=list)
    #: (record, field, start, "[4]", unresolved ids) for bracketed numbers (and footnote markers) with no reference
    unresolved: list[tuple[Record, str, int, str, list[str]]] = field(default_factory=list)
    #: (record, dose excerpt, start) for experimental items with a dose and no evidence statement
    investigational: list[tuple[Record, str, int]] = field(default_factory=list)
    has_references: bool = False
    #: some sentence or record of the page carries a citation mark (cited, or a bracket unresolved)
    marks_citations: bool = False

    def listed_only(self) -> bool:
        """Does the page list its sources without marking any sentence with one?"""
        return self.has_references and not self.marks_citations and not self.unresolved \
            and not any(c.cited for c in self.claims)


def is_reference_list(section, cues: "_Cues") -> bool:
    """A section that lists sources: kind ``references`` or a heading such as "Sources"."""
    return section.kind == "references" or bool(
        section.heading and _heading_is_reference(cues, section.heading))


def _heading_is_reference(cues: "_Cues", heading: str) -> bool:
    return _reference_title(cues, heading)


def reference_ids(article: Article, cues: "_Cues") -> set[str]:
    """Ids a bracketed number may resolve to: article.meta references, the entries of
    reference lists (their own number, "[n]", "[n]:" or superscript, else their
    position), Markdown reference definitions ("[1]: NICE …") anywhere and Markdown footnote
    definitions ("[^2]: Cohen AS …", as the id "^2")."""
    ids = {str(ref.get("id")) for ref in article.meta.get("references") or [] if isinstance(ref, dict)}
    for section in article.sections:
        if is_reference_list(section, cues):
            _entry_ids(section.blocks, ids)
    for block in titled_reference_lists(article, cues):
        _entry_ids([block], ids)
    for run in numbered_note_runs(article):
        ids.update(str(_note_number(record)) for record in run)
    for record in article.texts():
        ids.update(per_text(_definition_ids, record.text, cues.footnote_definition))
    return ids


def _entry_ids(blocks, ids: set) -> None:
    """Add the ids of a reference list's entries: their own number ("1.", "[1]", "[1]:",
    "¹"), else their position: an item's, or a paragraph's that reads as a reference (a year,
    DOI, URL or PMID: an introductory line, "We used these sources:", is no entry)."""
    n = 0
    for block in blocks:
        if block.type == "list" and block.style == "numbered":
            n = block.start - 1
        entries = list(block.items) if block.type == "list" else [block] if block.type == "paragraph" else []
        for record in entries:
            if not record.text.strip():
                continue
            lead = _ENTRY_NUMBER.match(record.text)
            if lead:
                n += 1
                ids.add(lead.group(1) or lead.group(2).translate(_SUPERSCRIPT_VALUE))
            elif isinstance(record, Item) or _LOOKS_CITED.search(record.text):
                n += 1  # an item, or a paragraph that reads as a reference (a year, DOI, URL, PMID)
                ids.add(str(n))


# a reference entry printed as a paragraph: "Lin K. Vitamin D status. BMJ Open. 2020;10:e03."
_LOOKS_CITED = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)|\bdoi\b|https?://|\bPMID\b", re.IGNORECASE)
# the number a notes-list entry leads with as the page's markers print it: "[1] Chen M …", "¹ Chen M …"
_NOTE_LEAD = re.compile(r"\s{0,2}(?:\[(\d{1,3})\]|([¹²³⁴⁵⁶⁷⁸⁹⁰]{1,3}))\s")


def numbered_note_runs(article: Article) -> tuple:
    """The notes lists a page prints under a heading of any name ("Notes", "End notes") or none:
    a run of two or more lines (paragraphs or list items) of one section, each leading with a
    reference number as the page's markers print it ("[1] …", "¹ …"), numbered 1, 2, 3 … in
    order, at least one reading as a reference (a year, DOI, URL or PMID). Each a tuple of its
    entry records; their numbers are reference ids and they are read as no claim."""
    return article.once(_numbered_note_runs)


def _numbered_note_runs(article: Article) -> tuple:
    out = []
    for section in article.sections:
        run: list = []
        for record in _section_lines(section):
            n = _note_number(record)
            if n and n == len(run) + 1:
                run.append(record)
                continue
            _close_note_run(run, out)
            run = [record] if n == 1 else []
        _close_note_run(run, out)
    return tuple(out)


def _note_number(record) -> int:
    m = _NOTE_LEAD.match(record.text or "")
    return int(m.group(1) or m.group(2).translate(_SUPERSCRIPT_VALUE)) if m else 0


def _section_lines(section):
    for block in section.blocks:
        if block.type == "list":
            yield from block.items
        elif block.type in ("paragraph", "chrome"):
            yield block


def _close_note_run(run: list, out: list) -> None:
    if len(run) >= 2 and any(_LOOKS_CITED.search(r.text) for r in run):
        out.append(tuple(run))


def titled_reference_lists(article: Article, cues: "_Cues") -> tuple:
    """The lists a line of their own titles as the page's sources, inside a section of another
    kind: "**Sources**" or "References:" printed as a paragraph (or chrome) line right above a
    list, as chat exports, blogs and scraped pages print them (``citations.reference_headings``,
    the whole line: "Sources of vitamin D" above a list of foods is no reference list)."""
    return article.once(_titled_reference_lists, cues)


def _titled_reference_lists(article: Article, cues: "_Cues") -> tuple:
    out = []
    for section in article.sections:
        if is_reference_list(section, cues):
            continue
        before = None
        for block in section.blocks:
            if (block.type == "list" and before is not None and before.type in ("paragraph", "chrome")
                    and _reference_title(cues, before.text)):
                out.append(block)
            before = block
    return tuple(out)


_TITLE_DRESS = re.compile(r"^[\s*_#]{0,6}|[\s*_:.]{0,6}$")
# what may follow the reference word on a title line: "and further reading", "used"
_TITLE_REST = re.compile(r"\s{0,2}(?:(?:and|&)\s{1,2}[\w ]{1,25}|used|cited)?\s{0,2}$", re.IGNORECASE)


def _reference_title(cues: "_Cues", line: str) -> bool:
    """Is ``line`` (a heading, or a line of its own) a reference list's title: a word of
    ``citations.reference_headings`` and at most "and further reading" after it, not
    "Sources of vitamin D"?"""
    if not line or len(line) > 60:
        return False
    text = _TITLE_DRESS.sub("", line)
    if not 0 < len(text) <= 40:
        return False
    for p in cues.reference_headings.each(text):
        m = p.match(text)
        if m and _TITLE_REST.fullmatch(text, m.end()):
            return True
    return False


def _definition_ids(text: str, footnote=None) -> tuple[str, ...]:
    found = tuple(m.group(1) for m in _MD_DEFINITION.finditer(text))
    if footnote is not None and "[^" in text:
        found += tuple("^" + m.group("id") for m in footnote.finditer(text))
    return found


def _expand(ids: str) -> list[str]:
    out: list[str] = []
    for part in re.split(r"\s*,\s*", ids):
        bounds = re.split(r"\s*[–-]\s*", part)
        if len(bounds) == 2 and bounds[0].isdigit() and bounds[1].isdigit() and int(bounds[0]) < int(bounds[1]) <= int(bounds[0]) + 50:
            out.extend(str(n) for n in range(int(bounds[0]), int(bounds[1]) + 1))
        else:
            out.extend(b for b in bounds if b)
    return out


def _sentences(cues: "_Cues", text: str) -> tuple:
    """(offset, sentence) pairs; a sentence keeps its end mark and any superscript
    reference marks after it, and does not end at an abbreviation from data. Split once
    per text (:func:`per_text`): the sentences are then the same strings at every edit,
    so the memos asked of each sentence find them by identity, their hashes kept."""
    return per_text(_split_sentences, text, cues)


def _split_sentences(text: str, cues: "_Cues") -> tuple:
    return tuple(_each_sentence(cues, text))


def _each_sentence(cues: "_Cues", text: str):
    start = 0
    for m in _SENTENCE_END.finditer(text):
        word = _WORD_BEFORE.search(text, max(0, m.start(1) - 20), m.start(1) + 1)
        if word is not None and _abbreviation(cues, word.group(0).lower(), text[m.end():m.end() + 1]):
            continue
        yield start, text[start:m.start(1) + len(m.group(0).rstrip())]
        start = m.end()
    if start < len(text):
        yield start, text[start:]


def _abbreviation(cues: "_Cues", word: str, following: str) -> bool:
    if word in cues.abbreviations:
        return True
    return word in cues.number_abbreviations and following.isdigit()


def _trailing_number(cues: "_Cues", sentence: str):
    """(offset, "pain 1, 2", ["1", "2"]) when the sentence ends with a bare reference
    number the word before it does not take, else None; the excerpt keeps that
    word, so the number can be found in the text."""
    m = _TRAILING_NUMBER.search(sentence)
    if m is None or m.group(1).lower() in cues.trailing_not_after:
        return None
    return m.start(1), m.group(0)[:m.end(2) - m.start(0)], re.split(r"\s?,\s?", m.group(2))


_MEMO_LIMIT = 8_192  # bounded: memory must not grow with the corpus


def _cites(cues: _Cues, text: str) -> bool:
    memo = cues.cites_memo
    found = memo.get(text)
    if found is None:
        if len(memo) >= _MEMO_LIMIT:
            memo.clear()
        found = memo[text] = _cites_uncached(cues, text)
    return found


def _cites_uncached(cues: _Cues, text: str, named: bool = True) -> bool:
    """Does ``text`` carry a citation? ``named``: a body named as the source counts too."""
    if _BRACKET.search(text) or cues.citation.search(text):
        return True
    if cues.footnote is not None and "[^" in text and cues.footnote.search(text):
        return True
    if cues.source_any is not None and cues.source_any.search(text):
        return True
    if named and cues.named_bodies.search(text):
        return True
    for rx in (_AUTHOR_YEAR, _AUTHOR_YEAR_BRACKETED):
        for m in rx.finditer(text):
            if m.group(1).lower() not in cues.not_authors:
                return True
    return False


def _marks(cues: _Cues, text: str) -> bool:
    """Does ``text`` mark a source, resolved or not: a citation (``_cites``) or a reference
    number written another way ("... 20-40% (3).", "^2"; not a number led by a zero, as in
    "call triple zero (000)")?"""
    if _cites(cues, text):
        return True
    if not any(c.isdigit() for c in text):
        return False
    return any(not m.group("ids").startswith("0")
               for pattern in cues.marked_numbers.each(text) for m in pattern.finditer(text))


def _marked_number(cues: _Cues, sentence: str, refs) -> bool:
    """Whether ``sentence`` cites by a reference number marked otherwise than in brackets
    ("(1)", "^2", "...%.3") that resolves to the page's reference list (``marked_numbers``)."""
    if not any(c.isdigit() for c in sentence):
        return False
    for pattern in cues.marked_numbers.each(sentence):
        for m in pattern.finditer(sentence):
            ids = _expand(m.group("ids"))
            if ids and all(i in refs for i in ids):
                return True
    return False


def _fields(record: Record):
    """(field name, text) pairs a claim may sit in."""
    if isinstance(record, FaqEntry):
        return [("answer", record.answer)]
    return [("text", record.text)]


def _in_span(pos: int, spans) -> bool:
    """Whether ``pos`` lies in one of ``spans`` (sorted by start, see :func:`_dose_spans`)."""
    i = bisect.bisect_right(spans, (pos, float("inf")))  # the spans starting at or before pos
    return i > 0 and spans.reach[i - 1] > pos


class _SpanList(list):
    """Sorted spans and, for each, the furthest end so far (``reach``)."""

    reach: list


def _dose_spans(record: Record, text: str) -> _SpanList:
    spans = _SpanList()
    for dose in getattr(record, "doses", None) or []:
        t = dose.get("text") or ""
        i = text.find(t) if t else -1
        if i >= 0:
            spans.append((i, i + len(t)))
    spans.sort()
    spans.reach, top = [], -1
    for _, b in spans:
        top = max(top, b)
        spans.reach.append(top)
    return spans


def _matches(patterns, text: str):
    """Non-overlapping matches of any of ``patterns`` (a :class:`_Patterns`), leftmost first."""
    found = sorted((m for p in patterns.each(text) for m in p.finditer(text) if m.group(0).strip()),
                   key=lambda m: (m.start(), -m.end()))
    out, end = [], -1
    for m in found:
        if m.start() >= end:
            out.append(m)
            end = m.end()
    return out


def _analyse(article: Article, ctx) -> Reading:
    """The article's claims reading, made once per article (every claims check reads it)."""
    return article.once(_read_claims, _cues(ctx), _disclaimer_wording(ctx), is_news_report(article, ctx),
                        _known_medicines(ctx))


class _KnownMedicines:
    """The medicines the data knows, by name: checks/medicine-names.yaml and the safety
    classes' members (the safety tables) and the dose ceilings' names and synonyms."""

    def __init__(self, t, dosing: dict):
        names = set(t.substances)
        for entry in dosing.get("ceilings") or ():
            names.update(n.lower() for n in [entry["name"], *entry.get("synonyms", [])])
        self.phrases = Phrases(names, stems=False)

    def named_in(self, text: str) -> bool:
        return bool(text) and any(True for _ in self.phrases.find(text))


def _known_medicines(ctx) -> _KnownMedicines:
    return derived(_KnownMedicines, tables(ctx), ctx.data("dosing"))


def _read_claims(article: Article, cues: _Cues, wording: "_Patterns", news: bool = False,
                 known: "_KnownMedicines | None" = None) -> Reading:
    reading = Reading()
    attributed = cues.attributed if news else None
    refs = reference_ids(article, cues)
    listings = {section: is_reference_list(section, cues) for section in article.sections}
    reading.has_references = bool(refs) or any(
        listed and not section.is_empty() for section, listed in listings.items())
    trailing = _uses_trailing_numbers(cues, article, refs)
    furniture = _furniture_lists(article, cues) | {r for run in numbered_note_runs(article) for r in run}
    titled = titled_reference_lists(article, cues)
    if titled:
        reading.has_references = True
        furniture = furniture | {item for block in titled for item in block.items}
    carried = _continued_sentences(article, cues)
    sourced = _sourced_by_next_line(article, cues)
    labels = item_labels(article)
    for record in article.texts():
        if record in furniture:
            continue
        section = record.section
        kind = section.kind if section is not None else "other"
        listing = section is not None and (listings[section] if section in listings
                                           else is_reference_list(section, cues))
        if getattr(record, "citations", None):
            reading.has_references = reading.marks_citations = True
        # Bracketed numbers are checked everywhere except the reference list itself.
        if not listing:
            _unresolved_brackets(record, refs, reading, cues.footnote, labels)
            if not reading.marks_citations and kind not in cues.skip_kinds and _marks(cues, record.text):
                reading.marks_citations = True
        if listing or kind in cues.skip_kinds:
            continue
        # A block the importer marked as a disclaimer is read too, all but the
        # sentences that say a disclaimer concept (checks/disclaimers.yaml):
        # pages mark paragraphs of advice and claims as disclaimers as well.
        caution = wording if isinstance(record, Block) and record.type == "disclaimer" else None
        for name, text in _fields(record):
            if text:
                _read_field(cues, record, name, text, kind, (refs if trailing else None), reading, caution, refs,
                            attributed, carried.get(record), record in sourced)
        if isinstance(record, Item):
            hit = _investigational_dose(cues, record, _heading_status(article, section, cues), known)
            if hit is not None:
                reading.investigational.append(hit)
    return reading


def _sourced_by_next_line(article: Article, cues: _Cues) -> frozenset:
    """The blocks whose last sentence the next block of their section gives the source of: a
    line of its own such as "Source: Office for National Statistics, 2023" (``source_lines``)."""
    out = set()
    for section in article.sections:
        for before, block in zip(section.blocks, section.blocks[1:]):
            if before.type in ("paragraph", "disclaimer") and block.type in ("paragraph", "chrome") \
                    and _source_line(cues, block.text):
                out.add(before)
    return frozenset(out)


def _source_line(cues: _Cues, text: str) -> bool:
    """Does ``text`` start by giving a source ("Source: ONS, 2023")? Asked once per text."""
    return bool(text) and per_text(_starts_with_source, text, cues.source_lines)


def _starts_with_source(text: str, source_lines: "_Patterns") -> bool:
    head = text.lstrip()[:200]
    return bool(head) and any(p.match(head) for p in source_lines.each(head))


def _furniture_lists(article: Article, cues: _Cues) -> frozenset:
    """The items of the site's lists of links (``furniture_lists``): a list right under a line
    titling it as one ("Most read", "Related articles", "You may also like"), as a chrome line,
    a paragraph or its section's heading. Its headlines are other pages' titles, not claims."""
    out: set = set()
    for section in article.sections:
        titled = bool(section.heading) and _furniture_title(cues, section.heading)
        before = None
        for block in section.blocks:
            if block.type == "list" and (titled and before is None or before is not None
                                         and before.type in ("chrome", "paragraph")
                                         and _furniture_title(cues, before.text)):
                out.update(block.items)
            before = block
    return frozenset(out)


def _furniture_title(cues: _Cues, line: str) -> bool:
    line = (line or "").strip()
    return 0 < len(line) <= 60 and any(p.match(line) for p in cues.furniture_lists.each(line))


_CLOSERS = frozenset(".!?:;…\"”’)]")  # a text ending in none of these stops mid-sentence
_CARRY_LIMIT = 400


def _continued_sentences(article: Article, cues: _Cues) -> dict:
    """record -> (lead, tail) for paragraphs that carry one sentence across blocks, as a page
    hard-wrapped at a fixed width is imported line by line ("... Around 7 in 10" / "people with
    epilepsy ... medicine" / "(NICE, 2022)."): ``lead`` is the unfinished sentence the blocks
    before end with, ``tail`` the rest of the sentence the blocks after begin with. A citation
    in either covers the sentence that the record's first or last sentence is part of."""
    carried: dict = {}
    for section in article.sections:
        run: list = []
        for block in section.blocks + [None]:
            if (block is not None and block.type == "paragraph" and run
                    and _open_ended(run[-1].text) and _continues(block.text)):
                run.append(block)
                continue
            if len(run) > 1:
                _carry(cues, run, carried)
            run = [block] if block is not None and block.type == "paragraph" else []
    return carried


def _open_ended(text: str) -> bool:
    end = text.rstrip()
    return bool(end) and end[-1] not in _CLOSERS


def _continues(text: str) -> bool:
    """Does the text carry a sentence on: start with a small letter or a bracket? (Not a digit:
    a slide's or a list's unpunctuated lines start new points with figures.)"""
    start = text.lstrip()[:1]
    return bool(start) and (start.islower() or start in "([")


def _carry(cues: _Cues, run: list, carried: dict) -> None:
    lead = ""
    leads = []
    for block in run:
        leads.append(lead)
        pieces = list(_sentences(cues, block.text))
        last = pieces[-1][1] if pieces else ""
        lead = ((lead + " " + last) if len(pieces) == 1 else last)[-_CARRY_LIMIT:]
    tail = ""
    for i in range(len(run) - 1, -1, -1):
        pieces = list(_sentences(cues, run[i].text))
        if leads[i] or tail:
            carried[run[i]] = (leads[i], tail)
        first = pieces[0][1] if pieces else ""
        tail = ((first + " " + tail) if len(pieces) == 1 else first)[:_CARRY_LIMIT]


def _unresolved_brackets(record: Record, refs: set[str], reading: Reading, footnote=None, labels=frozenset()) -> None:
    names = ["question", "answer"] if isinstance(record, FaqEntry) else ["text"]
    for name in names:
        value = getattr(record, name)
        for m in _BRACKET.finditer(value):
            if (record, name, m.start()) in labels:
                continue  # "[1] Celecoxib Tablets 100 mg": the number of an item the page lists, no citation
            missing = [i for i in _expand(m.group(1)) if i not in refs]
            if missing:
                reading.unresolved.append((record, name, m.start(), m.group(0), missing))
        if footnote is None or "[^" not in value:
            continue
        for m in footnote.finditer(value):  # a footnote marker resolves to its definition
            if "^" + m.group("id") not in refs:
                reading.unresolved.append((record, name, m.start(), m.group(0), ["^" + m.group("id")]))
    for i, cited in enumerate(getattr(record, "citations", None) or []):
        m = re.fullmatch(r"\s*\[?(\d+(?:\s*[,–-]\s*\d+)*)\]?\s*", cited)
        missing = [n for n in _expand(m.group(1)) if n not in refs] if m else []
        if missing:
            reading.unresolved.append((record, f"citations/{i}", None, cited, missing))


_LINE_LABEL = re.compile(r"(?:^|\n)[ \t*#>_-]{0,6}\[(\d{1,2})\][ \t]{1,3}(?=[A-Z])")


def item_labels(article: Article) -> frozenset:
    """{(record, field, offset)} of the bracketed numbers that label the items a page lists, not
    citations: each opens its line and a capitalised name follows it ("[1] Celecoxib Tablets 100 mg
    ...", "[2] Pregabalin OD Tablets 75 mg", a dispensing sheet's medicines), and the page's
    line-opening brackets number 1, 2, 3 ... in order, two at least. A citation follows the words
    it supports; a number that starts a line supports none. (A notes list whose entries read as
    references, :func:`numbered_note_runs`, is read as one before this.)"""
    return article.once(_item_labels)


def _item_labels(article: Article) -> frozenset:
    found = []
    for record in article.texts():
        for name in (["question", "answer"] if isinstance(record, FaqEntry) else ["text"]):
            for m in _LINE_LABEL.finditer(getattr(record, name) or ""):
                found.append(((record, name, m.start(1) - 1), int(m.group(1))))
    if len(found) < 2 or [n for _, n in found] != list(range(1, len(found) + 1)):
        return frozenset()
    return frozenset(where for where, _ in found)


def _uses_trailing_numbers(cues: _Cues, article: Article, refs: set[str]) -> bool:
    """Does the page cite by trailing reference numbers ("… pain 1, 2.")? Only a page
    with a numbered reference list whose sentences end this way, with numbers that
    resolve, at least ``trailing_numbers.min_uses`` times."""
    if not refs:
        return False
    uses = 0
    for record in article.texts():
        section = record.section
        if section is not None and is_reference_list(section, cues):
            continue
        for _, text in _fields(record):
            for _, sentence in _sentences(cues, text or ""):
                found = _trailing_number(cues, sentence)
                if found is not None and all(n in refs for n in found[2]):
                    uses += 1
                    if uses >= cues.trailing_min_uses:
                        return True
    return False


def _read_field(cues: _Cues, record: Record, name: str, text: str, kind: str,
                trailing_refs: set[str] | None, reading: Reading, caution: "_Patterns | None" = None,
                refs: frozenset | set = frozenset(), attributed: "_Attributed | None" = None,
                carried: tuple[str, str] | None = None, sourced_after: bool = False) -> None:
    """Split one field into sentences and record its claims and trailing reference numbers.
    ``trailing_refs`` is the page's reference ids when it cites by trailing numbers; ``refs``
    its reference ids, which numbers marked otherwise than in brackets resolve to;
    ``attributed`` (a news report's) cites a sentence that reports a named expert saying it;
    sentences that match ``caution`` (disclaimer wordings) are not read; ``carried`` is the
    (lead, tail) of a sentence the record shares with the blocks around it
    (:func:`_continued_sentences`), whose citations cover its first and last sentence;
    ``sourced_after``: the block after gives the source of the last sentence ("Source: ONS")."""
    whole_cited = bool(getattr(record, "citations", None)) or bool(
        cues.source_tail is not None and searched(cues.source_tail, text))
    if whole_cited or not reading.has_references and _cites(cues, text) and _cites_uncached(cues, text, named=False):
        reading.has_references = True  # (a body named in a text that claims nothing is no reference:
        # "not evaluated by the Food and Drug Administration"; a claim it covers is, below)
    doses = _dose_spans(record, text)
    sentences = list(_sentences(cues, text))
    for i, (s_start, sentence) in enumerate(sentences):
        if sentence.rstrip().endswith("?"):
            continue
        upto = _before_caution(caution, sentence) if caution is not None else len(sentence)
        if not upto:
            continue
        following = sentences[i + 1][1] if i + 1 < len(sentences) else ""
        premise = _questioned(cues, sentence, following)
        if _source_line(cues, sentence):
            continue  # "Source: ONS, 2023." gives a source; it claims nothing
        cited = (whole_cited or _cites(cues, sentence) or bool(refs) and _marked_number(cues, sentence, refs)
                 or (_source_line(cues, following) if following else sourced_after)
                 or attributed is not None and attributed.covers(sentence)
                 or carried is not None and _carried_cites(cues, carried, i, len(sentences), refs))
        if trailing_refs is not None:
            found = _trailing_number(cues, sentence)
            if found is not None:
                cited = True
                missing = [n for n in found[2] if n not in trailing_refs]
                if missing:
                    reading.unresolved.append((record, name, s_start + found[0], found[1], missing))
        for kind_name, matches in _sentence_claims(cues, sentence, s_start, doses, kind):
            if premise and kind_name == "statistic":
                continue
            if matches and cited:
                reading.has_references = True  # a claim the page cites, however it names the source
            for m in matches:
                if m.end() > upto:
                    continue  # the disclaimer's own clause
                reading.claims.append(Claim(kind_name, record, name, s_start + m.start(), m.group(0).strip(),
                                            sentence.strip(), cited))


_CLAUSE_BREAK = re.compile(r"[,;:–—]\s")


def _before_caution(caution: "_Patterns", sentence: str) -> int:
    """How much of a sentence of a disclaimer block is read for claims: all of it when it says no
    disclaimer concept; else the clauses before the one that says it ("Papaya leaf extract raises
    the platelet count by 40% within 48 hours, so it is worth trying, but it is not a substitute
    for a blood test": the figure stands before the caveat's clause), none when the sentence
    opens with the caveat."""
    starts = [m.start() for p in caution.each(sentence) for m in [p.search(sentence)] if m]
    if not starts:
        return len(sentence)
    breaks = [m.start() for m in _CLAUSE_BREAK.finditer(sentence, 0, min(starts))]
    return breaks[-1] if breaks else 0


def _carried_cites(cues: _Cues, carried: tuple[str, str], i: int, n: int, refs) -> bool:
    """Whether the part of the sentence in the blocks before (for the first sentence) or after
    (for the last) cites it."""
    parts = ([carried[0]] if i == 0 else []) + ([carried[1]] if i == n - 1 else [])
    return any(part and (_cites(cues, part) or bool(refs) and _marked_number(cues, part, refs)) for part in parts)


_NOT_YET = object()


def _questioned(cues: _Cues, sentence: str, following: str) -> bool:
    """Whether ``sentence`` reports a figure someone read or heard and ``following`` asks
    whether it is true ("I read that 9 out of 10 ... Is that true?"): the premise of a
    question, whose figures are not the page's statistics (``statistics.questioned``)."""
    if cues.reported is None or not following.rstrip().endswith("?"):
        return False
    return cues.asked.search(following) and cues.reported.search(sentence)


def _sentence_matches(cues: _Cues, sentence: str) -> list:
    """[statistic candidates, timelines, research appeals, superlatives,
    mechanism or _NOT_YET]: everything about a sentence that depends on its
    text alone, worked out once per distinct sentence."""
    memo = cues.sentence_memo
    held = memo.get(sentence)
    if held is not None:
        return held
    stats = _statistics(cues, sentence)
    timelines = _matches(cues.timelines, sentence)
    if timelines and cues.natural_course.search(sentence):
        timelines = []  # the illness's natural course, for safety-netting: no promise
    if timelines and cues.usual_course.search(sentence) and not cues.treatment_tied.search(sentence):
        timelines = []  # "most people feel better within 4 to 6 weeks": what to expect, no promise
    if timelines:  # "even if you feel better after the first day": a supposition, no promise
        timelines = [m for m in timelines if not cues.hypothetical.search(sentence[:m.start()])]
    research = _matches(cues.research, sentence)
    if research:
        exceptions = [m.span() for p in cues.research_exceptions.each(sentence) for m in p.finditer(sentence)]
        research = [m for m in research if not any(a < m.end() and m.start() < b for a, b in exceptions)]
    sups = []
    negated: dict[str, bool] = {}  # a cue repeated in one sentence is often preceded by the same words
    for m in _matches(cues.superlatives, sentence):
        before = sentence[max(0, m.start() - 60):m.start()]
        if before not in negated:
            negated[before] = cues.negations.search(before)
        if not negated[before] and not cues.relative_after.search(sentence[m.end():m.end() + 60]):
            sups.append(m)  # (not "the best treatment for you": a choice, not a ranking)
    held = [stats, timelines, research, sups, _NOT_YET]
    if len(memo) >= _MEMO_LIMIT:
        memo.clear()
    memo[sentence] = held
    return held


def _statistics(cues: _Cues, sentence: str) -> list:
    """Percentages and proportions that are statistics: not a product strength
    (a form word or medicine name before it, a formulation after it), not a
    composition, and not inside an exception (leaflet frequency convention,
    dose adjustment, drink strength, laboratory value)."""
    found = _matches(cues.stats, sentence)
    if not found:
        return []
    exceptions = [m.span() for p in cues.stat_exceptions.each(sentence) for m in p.finditer(sentence)]
    out = []
    for m in found:
        if cues.after_stat.search(sentence[m.end():m.end() + 60]):
            continue
        if cues.before_stat.search(sentence[max(0, m.start() - 40):m.start()]):
            continue
        if any(a < m.end() and m.start() < b for a, b in exceptions):
            continue
        if not _stat_evidence(cues, sentence, m):
            continue
        out.append(m)
    return out


def _stat_evidence(cues: _Cues, sentence: str, m) -> bool:
    """Whether the sentence shows the figure is a health statistic: its subject is people or
    cases ("70% of patients", "1 in 20 extractions"), or an outcome, risk, effect, prevalence or
    benefit word stands within the window around it ("cuts the risk by 30%", "100% effective").
    A figure with neither (a price, rating, battery or humidity level) is not read. Without the
    ``statistics.evidence`` data every candidate counts."""
    if cues.stat_subjects is None:
        return True
    last_word = " " + m.group(0).rsplit(None, 1)[-1]
    if cues.stat_subjects.search(last_word) or cues.stat_subjects.search(sentence[m.end():m.end() + 80]):
        return True
    w = cues.stat_window
    return cues.stat_predicates.search(sentence[max(0, m.start() - w):m.end() + w])


def _sentence_claims(cues: _Cues, sentence: str, offset: int, doses, kind: str):
    held = _sentence_matches(cues, sentence)
    # a figure inside a parsed dose is a dose amount or product strength
    yield "statistic", [m for m in held[0] if not _in_span(offset + m.start(), doses)]
    yield "timeline", list(held[1])
    yield "research", list(held[2])
    yield "superlative", list(held[3])
    if kind in cues.mech_kinds:
        if held[4] is _NOT_YET:
            held[4] = [m for m in _matches(cues.mechanisms, sentence)
                       if not cues.body_heals.search(sentence[max(0, m.start() - 40):m.start()])][:1]
        yield "mechanism", list(held[4])


def _investigational_dose(cues: _Cues, item: Item, heading_says: bool, known: "_KnownMedicines | None"):
    """(item, dose, start) of an item's first dose when the page says the item is experimental,
    investigational, unlicensed or off-label (:func:`_said_experimental`) and neither cites a
    source nor states the evidence or regulatory position; else None."""
    text = item.text
    if item.citations or _cites(cues, text) or cues.evidence.search(text):
        return None
    dose = _first_dose(cues, item)
    if dose is None or not (heading_says or _said_experimental(cues, item, dose[1], known)):
        return None
    return (item, *dose)


def _first_dose(cues: _Cues, item: Item):
    """(dose text, start) of the item's first stored dose found in its text, else of the first
    dose ``dose_patterns`` read there; None when it has none."""
    text = item.text
    for dose in item.doses:
        t = dose.get("text") or ""
        if t and t in text:
            return t, text.find(t)
    for p in cues.dose_patterns.each(text):
        m = p.search(text)
        if m:
            return m.group(0), m.start()
    return None


def _said_experimental(cues: _Cues, item: Item, start: int, known: "_KnownMedicines | None") -> bool:
    """Does the item's own text say it is experimental? A status ("experimental",
    "off-label", "unlicensed") said anywhere in it; or, for a product the data does not know as
    a medicine by the name it is dosed under (its lead before the dose, its stored doses'
    substances), an investigational product named ("peptide", "stem cells", "platelet-rich
    plasma", "growth factor", "gene therapy") or research it is still in ("early trials",
    "animal studies"). A licensed medicine dosed as usual in a section of its own is not."""
    text = item.text
    if searched(cues.inv_statuses, text):
        return True
    if not (searched(cues.inv_products, text) or searched(cues.inv_research, text)):
        return False
    return not _known_medicine(item, start, known)


def _known_medicine(item: Item, start: int, known: "_KnownMedicines | None") -> bool:
    if known is None:
        return False
    lead = " ".join(x for x in (item.name, item.text[:start],
                                *((d.get("substance") or "") for d in item.doses)) if x)
    return known.named_in(lead)


def _heading_status(article: Article, section, cues: _Cues) -> bool:
    """Does the item's section heading, or the level-1 heading over it, say its treatments are
    experimental ("Regenerative and experimental options", "Emerging treatments")?"""
    if section is None:
        return False
    heads = [section, parent_of(section, article.sections)]
    return any(h is not None and h.heading and searched(cues.inv_headings, h.heading) for h in heads)


def _uncited(article, ctx, kind: str):
    return [c for c in _analyse(article, ctx).claims if c.kind == kind and not c.cited]


def _reported_statistics(article, ctx) -> list:
    """The uncited figures CLM001 reports: all but, on a page whose sources are listed and
    marked nowhere, its descriptive figures (no ``statistics.evidence.benefits`` word)."""
    cues, reading = _cues(ctx), _analyse(article, ctx)
    listed = reading.listed_only()
    return [c for c in _uncited(article, ctx, "statistic")
            if not listed or cues.stat_benefits and cues.stat_benefits.search(c.sentence)]


def _uncited_figures(article, ctx) -> dict:
    """(record, field) -> spans of the uncited figures CLM001 reports there: a research appeal
    or a superlative in a figure's clause is the same claim, reported once, as the figure."""
    figures: dict = {}
    for c in _reported_statistics(article, ctx):
        figures.setdefault((c.record, c.field), []).append((c.start, c.start + len(c.excerpt)))
    return figures


def _quote(sentence: str, limit: int = 110) -> str:
    return sentence if len(sentence) <= limit else sentence[: limit - 1].rstrip() + "…"


# --------------------------------------------------------------------------
# The checks

_REFS = "\nReferences\n-\nDahlgren A, Hu P. Outcomes of lumbar microdiscectomy. Spine J. 2021;21(4):512-520. PMID: 33211111\n"


@check("CLM001", name="unsourced-statistic", category="claims", severity="error",
       fix="Cite the study behind the figure ([n] with a reference, PMID, DOI or a named source) or remove the figure.",
       bad=("Surgical Procedures\n-\nMicrodiscectomy – 2–3 cm incision under microscope; >90 % fast pain relief.\n",
            "Frequently Asked Questions\n-\nIs steroid injection risky?\nSerious events are rare (<0.1 %); choose an experienced interventionalist.\n"),
       good=("Surgical Procedures\n-\nMicrodiscectomy – 2–3 cm incision under microscope; >90 % fast pain relief [1].\n" + _REFS,
             "Mainstream Drug Therapies\n-\nLidocaine 5 % Patch, 12 h on / 12 h off – Targets superficial ectopic firing zones.\n"
             "Prevention Strategies\n-\nStay Hydrated – Nucleus pulposus is 80 % water.\n",
             "Choosing a Humidifier\n-\nKeep the bedroom at 40% to 60% humidity; the tank lasts 12 hours.\n"))
def unsourced_statistic(article, ctx):
    """A statistic a reader could act on needs a source.

    **What it does.** Flags percentages (">90 %", "<0.1 %", "5–10 %"),
    proportions ("8 out of 10", "one in six", "about a third of people") and
    fold changes that sit in a sentence with no citation, when the sentence
    shows the figure is a health statistic: its subject is people or cases
    ("70% of patients", "one in three women", "1 in 20 extractions") or an
    outcome, risk, effect, prevalence or benefit stands beside it ("cuts the
    risk by 30%", "twice as likely", "100% effective", "lowers cholesterol by
    25%", ">90 % fast pain relief"; ``statistics.evidence`` in the YAML). A
    figure with no such evidence stays silent whatever the page: a battery
    or humidity level, a price, VAT or points, a lab score, SPF protection,
    a fibre content, a progress bar, a confidence interval. Red-flag lists,
    the reference list and the sentences of disclaimers are not read. Not
    statistics: measurements ("the disc averages 10–11 mm", "flexion
    (~12°)"), dose amounts and product strengths ("500 mg twice daily",
    "Lidocaine 5 % Patch", "0.5% eye drops", "topical solution 2%",
    "hydrocortisone 1%" — figures inside a parsed dose, next to a
    formulation word, or after a medicine name known by its INN stem or
    salt), the leaflet side-effect frequency convention ("may affect up to
    1 in 100 people"), dose adjustments ("reduce the dose by 50%"), drink
    strengths ("250 ml at 12%", "5% ABV"), laboratory values and targets
    ("an HbA1c of 6.5% or higher"), what a salt contains ("40% elemental
    calcium"; each class a list in ``statistics`` of the YAML), and
    a medicine named by its WHO stem before its strength
    ("xylometazoline 0.1%", "timolol 0.5%"), a medical gas by its
    concentration ("100% oxygen"), a page's feedback or poll counts ("214 out
    of 260 found this helpful", "64% (212 votes)") and percentages that say what a
    tissue is made of ("Nucleus pulposus is 80 % water"). The last is a
    deliberate choice: a composition figure is textbook anatomy, not a claim
    about what a treatment does or how often harm occurs, so it is treated
    like the anatomy sections' measurements, wherever it appears (the seed
    uses it inside a prevention item). Prevalence figures in anatomy
    sections ("in 15 % of people the nerve runs through the muscle") are
    statistics and are flagged. A figure is cited by any citation notation
    of the page, a Markdown footnote ("78% of people.[^2]") too, and by one in
    the rest of its sentence when a hard-wrapped page was imported line by line
    ("Around 7 in 10" / "people … medicine" / "(NICE, 2022)."). The headlines of
    a site's lists of links ("Most read", "Related articles":
    ``furniture_lists``) are other pages' titles and are not read. On a page
    that lists its sources and marks none of its sentences with one (a
    national health site's "Sources: Kidney Health Australia, Therapeutic
    Guidelines ..."), the list is the source of its descriptive figures ("a 1
    in 2 chance of another stone within 10 years"); a figure of what a
    treatment does ("works for 2 out of 3 people", "95% get complete
    relief": ``statistics.evidence.benefits`` in its sentence) still needs its
    own study. A symptom score on the 0-10 scale ("mild pain, about 3 out of
    10") is no statistic; a comparison of an outcome ("50% less pain", "30%
    fewer attacks") is one.

    **Why it matters.** Numbers look precise and readers act on them: ">90 %
    relief" sells an operation, "<0.1 %" dismisses a risk. Without the
    study, nobody can check the population, follow-up or definition behind
    the figure. A numeric efficacy or safety claim is an error.

    **Example.** ``Microdiscectomy – …; >90 % fast pain relief.`` (not
    ``The battery charges to 80% in 40 minutes.``: no people, no outcome).

    **Fix.** ``… >90 % fast pain relief [1].`` with reference 1 in the
    References section (or a PMID, DOI or named source), or drop the figure.

    **Source.** JAMA benchmarks (Silberg, Lundberg & Musacchio, JAMA 1997):
    attribution; HONcode principles 4 (attribution) and 5 (justifiability);
    the site's editorial policy.
    """
    for c in _reported_statistics(article, ctx):
        yield Hit(c.record, excerpt=c.excerpt, field=c.field, start=c.start,
                  message=f"Unsourced statistic \"{c.excerpt}\" in \"{_quote(c.sentence)}\": a figure readers act on needs the study behind it.",
                  suggestion=f"Add a citation after the figure, e.g. \"{c.excerpt} … [1]\" with the study in References (or PMID/DOI), or remove the figure.")


@check("CLM002", name="unsourced-outcome-timeline", category="claims", severity="error",
       fix="Cite the cohort or trial behind the timeline, or say it varies and who to ask.",
       bad=("Frequently Asked Questions\n-\nCan I run again after microdiscectomy?\nMost patients jog by 3 months and run by 6 months.\n",),
       good=("Frequently Asked Questions\n-\nCan I run again after microdiscectomy?\nMost patients jog by 3 months and run by 6 months [1].\n" + _REFS,
             "Frequently Asked Questions\n-\nHow long should I try conservative care before surgery?\n6–12 weeks is typical unless red-flag neuro deficits appear sooner.\n"))
def unsourced_outcome_timeline(article, ctx):
    """An outcome timeline ("most patients jog by 3 months") needs a source.

    **What it does.** Flags a share of patients ("most", "many", "the
    majority of", "few" … patients/people) reaching an outcome by or within
    a stated time ("by 3 months", "within four to six weeks") in a sentence
    with no citation. Advice about how long to do something ("Limit to 1–2
    days", "6–12 weeks is typical" of conservative care) and vague durations
    ("relief lasts weeks to months") are not outcome timelines, nor is advice
    phrased with "should" or "must" ("Most people should rest for 2 days"),
    a supposition in advice ("Finish all the doses even if you feel better
    after the first day": ``hypothetical_before``) or the course of a
    self-limiting illness ("Most cases are mild and pass in 2 to 3 days":
    ``natural_course``), nor the usual course told as what to expect ("Most
    people feel better within 4 to 6 weeks": ``usual_course``) unless it is
    tied to starting a medicine or following the page's plan (``treatment_tied``).

    **Why it matters.** A reader plans work, sport and surgery around such
    timelines; an unsourced one sets expectations nobody can check, and a
    patient who is slower may think something is wrong.

    **Example.** ``Most patients jog by 3 months.``

    **Fix.** Cite the cohort or trial (``… by 3 months [2].``) or write
    "recovery time varies; ask your surgeon".

    **Source.** JAMA benchmarks (Silberg, Lundberg & Musacchio, JAMA 1997):
    attribution; HONcode principles 4 (attribution) and 5 (justifiability);
    the site's editorial policy.
    """
    for c in _uncited(article, ctx, "timeline"):
        yield Hit(c.record, excerpt=c.excerpt, field=c.field, start=c.start,
                  message=f"Unsourced outcome timeline \"{c.excerpt}\": a promise of when patients recover needs the study behind it.",
                  suggestion="Cite the cohort or trial after the sentence (\"… [2]\"), or write that recovery time varies and who to ask.")


@check("CLM003", name="unsourced-research-appeal", category="claims", severity="warning",
       fix="Name and cite the studies (\"[n]\", PMID, DOI) or rewrite without invoking research.",
       bad=("Dietary Molecular Supplements\n-\nCollagen Peptides (10 g/day) – Supplies hydroxyproline; studies show improved disc hydration.\n",
            "Frequently Asked Questions\n-\nDo lumbar braces weaken my back?\nNo evidence for muscle atrophy during short-term use.\n"),
       good=("Dietary Molecular Supplements\n-\nCollagen Peptides (10 g/day) – Supplies hydroxyproline; one small trial found improved disc hydration (PMID: 33211111).\n",
             "Non-Drug Treatments\n-\nSitting Modifications – Use a cushion and stand up every 30 minutes.\n"))
def unsourced_research_appeal(article, ctx):
    """An appeal to research ("studies show") must cite the research.

    **What it does.** Flags phrases that invoke research as their authority —
    "studies show", "MRI studies show", "animal studies", "early trials
    report", "has been reported in case series", "no evidence for" — in a
    sentence with no citation. Association wording in risk-factor lists
    ("linked to", "associated with", "correlates with") is not read as an
    appeal: it describes a cause, it does not invoke a study. Nor are
    diagnostic "studies" ("nerve conduction studies confirm the level";
    ``research_appeal_exceptions`` in the YAML).

    **Why it matters.** "Studies show" borrows the authority of research
    without letting the reader see which study, in whom, or how strong.
    "Animal studies" and "early trials" are especially misleading when they
    back a treatment a reader might buy. Severity is a warning (a verbal,
    not numeric, claim). One finding per claim: an appeal in the clause of a
    figure CLM001 reports ("Studies show melatonin helps 80% of people") is
    that figure's claim, reported once as the error it is; an appeal in a
    clause of its own is reported here.

    **Example.** ``Collagen Peptides – …; studies show improved disc hydration.``

    **Fix.** Cite the study (``… one small trial found … (PMID: 33211111)``)
    or rewrite without the appeal.

    **Source.** JAMA benchmarks (Silberg, Lundberg & Musacchio, JAMA 1997):
    attribution; HONcode principles 4 (attribution) and 5 (justifiability);
    the site's editorial policy.
    """
    figures = _uncited_figures(article, ctx)
    for c in _uncited(article, ctx, "research"):
        if any(_one_clause(c, a, b) for a, b in figures.get((c.record, c.field), ())):
            continue  # one finding per claim: CLM001 reports its figure ("Studies show it helps 80% of people")
        yield Hit(c.record, excerpt=c.excerpt, field=c.field, start=c.start,
                  message=f"Appeal to research \"{c.excerpt}\" with no study cited: readers cannot check what was studied, in whom, or how well.",
                  suggestion="Cite the study right there (\"[n]\", PMID or DOI) and say what kind it was (\"one small trial in 40 adults found …\"), or remove the appeal.")


@check("CLM004", name="unsourced-efficacy-superlative", category="claims", severity="warning",
       fix="Cite the guideline or evidence behind the superlative, or replace it with a plain description.",
       bad=("Imaging Tests\n-\nMagnetic Resonance Imaging (MRI) – Gold-standard; shows the sequestered fragment in the epidural space.\n",),
       good=("Imaging Tests\n-\nMagnetic Resonance Imaging (MRI) – Gold-standard; shows the sequestered fragment in the epidural space [1].\n" + _REFS,
             "Frequently Asked Questions\n-\nCan diet alone heal the disc?\nThere is no cure in food alone; combine nutrition with physical therapy.\n"))
def unsourced_efficacy_superlative(article, ctx):
    """Efficacy superlatives ("gold standard", "proven", "cures") need a source.

    **What it does.** Flags "gold standard", "proven", "cure(s)",
    "dissolves", "miracle", "guaranteed", "breakthrough", "100 % effective",
    "risk-free", absolute safety claims ("has no side effects", "Gentle on
    the stomach: no laxative effect") and similar in a sentence with no
    citation. Negated uses ("no cure", "not proven", "not as a cure-all",
    "unproven"), a breakthrough symptom ("breakthrough pain", "to prevent
    breakthrough convulsions"), plain descriptions (a buccal "tablet that
    dissolves between your upper lip and gum", "dissolve it in water",
    "most people have no side effects": ``descriptions_before``) and
    questions ("Will a fragment ever dissolve on its own?") are not
    flagged. One finding per claim: a superlative in the clause of a figure
    CLM001 already flags ("Malarone is 100% effective and has no side
    effects") is not flagged again; a superlative in a clause of its own
    ("the most effective medicine ever developed, and patients lose 15%")
    is.

    **Why it matters.** A superlative tells the reader to stop comparing. It
    is only fair when a guideline or body of evidence says so, and the reader
    should be able to see which.

    **Example.** ``MRI – Gold-standard; shows the fragment …``

    **Fix.** Cite the guideline (``… Gold-standard [1]``) or describe plainly
    ("the most detailed test for soft tissue").

    **Source.** JAMA benchmarks (Silberg, Lundberg & Musacchio, JAMA 1997):
    attribution; HONcode principles 4 (attribution) and 5 (justifiability);
    the site's editorial policy.
    """
    figures = _uncited_figures(article, ctx)
    for c in _uncited(article, ctx, "superlative"):
        if any(_one_clause(c, a, b) for a, b in figures.get((c.record, c.field), ())):
            continue  # one finding per claim: CLM001 reports its figure ("100% effective and has no side effects")
        yield Hit(c.record, excerpt=c.excerpt, field=c.field, start=c.start,
                  message=f"Efficacy superlative \"{c.excerpt}\" with no source: it claims more than the text shows.",
                  suggestion=f"Cite the guideline or evidence behind \"{c.excerpt}\" ([n], PMID, DOI), or describe the test or treatment plainly.")


_CLAUSE_BREAK = re.compile(r"[,;:()\u2013\u2014]|\s[-–—]\s")


def _one_clause(claim: Claim, a: int, b: int) -> bool:
    """Does the figure at ``a``-``b`` of the claim's field stand in the claim's clause: they
    overlap, or nothing between them breaks the clause ("Malarone is 100% effective and has no
    side effects"; not "the most effective medicine ever developed, and patients lose 15%")?"""
    end = claim.start + len(claim.excerpt)
    if a < end and claim.start < b:
        return True
    text = getattr(claim.record, claim.field, "") or ""
    lo, hi = (b, claim.start) if b <= claim.start else (end, a)
    gap = text[lo:hi]  # (a sentence end is read with the character after it: "sleep. 92% of")
    return len(gap) <= 80 and not _CLAUSE_BREAK.search(gap) and not _SENTENCE_END.search(text[lo:hi + 1])


def _stronger_claim_sentences(article, ctx) -> set[tuple]:
    reading = _analyse(article, ctx)
    out = {(c.record, c.sentence) for c in reading.claims if c.kind != "mechanism" and not c.cited}
    out |= {(r, "*") for r, _, _ in reading.investigational}
    return out


@check("CLM005", name="unsourced-mechanism-claim", category="claims", severity="warning",
       fix="Cite evidence that the treatment does this in people, or soften to what is known (\"may ease pain\").",
       bad=("Dietary Molecular Supplements\n-\nResveratrol (250 mg/day) – Activates SIRT1, promoting nucleus pulposus cell longevity and matrix synthesis.\n",),
       good=("Dietary Molecular Supplements\n-\nResveratrol (250 mg/day) – Activates SIRT1, promoting nucleus pulposus cell longevity and matrix synthesis in cell cultures (PMID: 33211111).\n",
             "Physiotherapy & Electrotherapy\n-\nTranscutaneous Electrical Nerve Stimulation (TENS) – Surface electrodes flood A-beta fibers with gentle current, closing the spinal pain gate.\n"))
def unsourced_mechanism_claim(article, ctx):
    """A treatment item that claims to change the disc itself needs a source.

    **What it does.** In treatment items (sections of the kinds listed under
    ``mechanism.section_kinds``: non-drug treatments, supplements,
    investigational therapies) flags the first claim that the treatment
    changes the disc or fragment itself — regenerates, repairs, heals,
    resorbs, re-hydrates, re-pressurizes or "vacuums" it, restores disc
    height, stimulates matrix synthesis — when the item has no citation.
    Symptom mechanisms ("closing the spinal pain gate", "quiets spasm"),
    the textbook pharmacology of mainstream drugs and the body's own healing
    that a treatment helps or gives time ("exercises that load the tendon and
    help it to heal", "while the tear heals"; ``mechanism.body_heals_before``)
    are not flagged. One
    finding per claim: a sentence already flagged as a statistic, outcome
    timeline, research appeal or superlative, or an item flagged by CLM007,
    is not flagged again here.

    **Why it matters.** "Promotes matrix synthesis" reads like proof that a
    supplement rebuilds the disc, usually extrapolated from cell or animal
    work. A mechanism claim is a warning (lower risk than a number), but it
    is what persuades readers to buy and keep taking a product.

    **Example.** ``Resveratrol – …promoting nucleus pulposus cell longevity and matrix synthesis.``

    **Fix.** Cite evidence in people, or say where it comes from ("in cell
    cultures [4]"), or soften to what is known.

    **Source.** JAMA benchmarks (Silberg, Lundberg & Musacchio, JAMA 1997):
    attribution; HONcode principles 4 (attribution) and 5 (justifiability);
    the site's editorial policy.
    """
    stronger = _stronger_claim_sentences(article, ctx)
    for c in _uncited(article, ctx, "mechanism"):
        if (c.record, c.sentence) in stronger or (c.record, "*") in stronger:
            continue
        yield Hit(c.record, excerpt=c.excerpt, field=c.field, start=c.start,
                  message=f"Unsourced mechanism claim \"{c.excerpt}\": the item says the treatment changes the disc itself, with no evidence cited.",
                  suggestion="Cite evidence that this happens in people (\"[n]\", PMID), say where it was seen (\"in cell cultures [n]\"), or soften to what is known.")


@check("CLM006", name="unresolved-citation", category="claims", severity="error",
       fix="Add the missing entry to References (or article.yaml references) or correct the number.",
       bad=("Surgical Procedures\n-\nMicrodiscectomy – >90 % fast pain relief [2].\n" + _REFS,),
       good=("Surgical Procedures\n-\nMicrodiscectomy – >90 % fast pain relief [1].\n" + _REFS,))
def unresolved_citation(article, ctx):
    """A bracketed reference number must point at a reference.

    **What it does.** Resolves every bracketed number ("[4]", "[1, 3]",
    "[2–4]") in the text, every "[n]" in a record's ``citations``, and on
    a page that cites by trailing reference numbers ("… as needed 6") every
    such number, against the article's references: ``article.yaml``
    ``references`` ids, the entries of a reference list (a section of kind
    ``references`` or headed "References", "Sources", …: the entry's own
    leading number, "[n]:" or superscript if it has one, else its position)
    Markdown definitions ("[1]: …") and the lines of a notes list under any
    heading ("[1] Chen M … 2019;71:991.", "[2] …": numbered in order, one at
    least reading as a reference); and every Markdown footnote marker
    ("[^2]") against the page's footnote definitions ("[^2]: …",
    ``citations.footnotes``). A number or footnote that resolves to nothing
    is flagged. Such a claim counts as cited for the other CLM checks, so
    the problem is reported once, here. A bracketed number that opens its
    line before a capitalised name, one of a run numbered 1, 2, 3 … in order
    on the page ("[1] Celecoxib Tablets 100 mg", a dispensing sheet's
    medicines), labels an item and cites nothing.

    **Why it matters.** A dangling "[4]" looks like evidence but leads
    nowhere; it is worse than no citation because it hides the gap.

    **Example.** ``…relief [2].`` with only one reference listed.

    **Fix.** Add reference 2 to References or correct the number.

    **Source.** JAMA benchmarks (Silberg, Lundberg & Musacchio, JAMA 1997):
    attribution; HONcode principles 4 (attribution) and 5 (justifiability);
    the site's editorial policy.
    """
    for record, name, start, excerpt, missing in _analyse(article, ctx).unresolved:
        if excerpt.startswith("[^"):
            yield Hit(record, excerpt=excerpt, field=name, start=start,
                      message=f"Footnote \"{excerpt}\" has no definition (no \"{excerpt}: …\" on the page): the claim it supports is unsourced.",
                      suggestion=f"Add the footnote \"{excerpt}: <source>\" under References, or correct the label.")
            continue
        which = ", ".join(missing)
        yield Hit(record, excerpt=excerpt, field=name, start=start,
                  message=f"Citation \"{excerpt}\" points at no reference ({which} is not in the article's references): the claim it supports is unsourced.",
                  suggestion=f"Add reference {which} to the References section (or article.yaml references), or correct the number.")


@check("CLM007", name="investigational-dose-without-evidence", category="claims", severity="error",
       fix="Cite the trial behind the dose, or state the evidence and regulatory status (\"not approved; only within a clinical trial\").",
       bad=("Advanced or Regenerative Drug-Like Interventions\n-\nBPC-157 Peptide 250 µg subcut daily – Angiogenic and anti-inflammatory experimental agent.\n",
            "Mainstream Drug Therapies\n-\nRecombinant BMP-7 (OP-1) 0.1–0.5 mg – Stimulates collagen synthesis; used off-label.\n"),
       good=("Advanced or Regenerative Drug-Like Interventions\n-\nBPC-157 Peptide 250 µg subcut daily – Experimental agent; not approved for human use and not tested in humans.\n",
             "Advanced or Regenerative Drug-Like Interventions\n-\nAutologous Bone-Marrow-Derived Concentrate – Provides mesenchymal stem cells; offered in trials.\n"))
def investigational_dose_without_evidence(article, ctx):
    """An experimental or off-label therapy given with a dose needs an evidence statement.

    **What it does.** Flags the first dose ("250 µg", "0.1–0.5 mg", "3–6 mL",
    "1 × 10⁶ cells") of a list item or table row the page itself says is
    experimental, investigational, unlicensed or off-label, unless the item
    cites a source or states the evidence or regulatory position ("not
    approved", "approved for", "licensed for", "available on prescription",
    "FDA-approved", "evidence is limited", "the evidence comes from small
    studies", "only within a clinical trial", "unproven"). The page says so
    when the item's own text names such a status (``investigational.statuses``);
    when it names an investigational product (peptides, stem cells,
    platelet-rich plasma, growth factors, gene therapy: ``products``) or the
    early trials or animal studies it is still in (``research_mentions``) and
    is not a medicine the data knows by the name it is dosed under
    (checks/medicine-names.yaml, the safety classes, the dose ceilings); or
    when its section heading, or the level-1 heading over it, says its
    treatments are experimental ("Regenerative and experimental options",
    "Emerging treatments": ``heading_statuses``). The section's kind alone is
    no evidence: a licensed medicine dosed as usual under "Biologic and
    targeted treatments", "Advanced therapies" or "Other options" is not
    flagged. An appeal like "animal studies show" is not an evidence
    statement.

    **Why it matters.** A dose turns a description into instructions. Given
    for an unapproved or off-label product without saying how thin the
    evidence is, it invites readers to buy and inject it. This is the
    highest-risk kind of unsourced claim, so it is an error.

    **Example.** ``BPC-157 Peptide 250 µg subcut daily – …experimental agent.``

    **Fix.** Cite the trial that used the dose, or state plainly "not
    approved for human use; evidence is limited to animal studies [3]".

    **Source.** JAMA benchmarks (Silberg, Lundberg & Musacchio, JAMA 1997):
    attribution; HONcode principles 4 (attribution) and 5 (justifiability);
    the site's editorial policy.
    """
    for record, dose, start in _analyse(article, ctx).investigational:
        yield Hit(record, excerpt=dose, start=start,
                  message=f"Experimental or off-label therapy with a dose (\"{dose}\") and no evidence statement: readers may take this as a recommended dose.",
                  suggestion="Cite the trial that used this dose, or state the evidence and regulatory status, e.g. \"not approved; evidence is limited to animal studies [n]\"; or remove the dose.")


def _leans_on_evidence(reading: Reading, rule: dict) -> bool:
    """Are ``no_references.min_evidence_claims`` (1 by default) of the article's claim
    sentences or items of ``no_references.evidence_kinds`` (a figure, a recovery timeline, an
    appeal to research, an experimental dose)? Without the kinds every claim counts."""
    kinds = rule.get("evidence_kinds")
    if kinds is None:
        return True
    leaning = {(c.record, c.sentence) for c in reading.claims if c.kind in kinds}
    if "investigational" in kinds:
        leaning |= {r for r, _, _ in reading.investigational}
    return len(leaning) >= rule.get("min_evidence_claims", 1)


@check("CLM010", name="claims-without-any-references", category="review", severity="warning",
       fix="Add a References section listing the sources behind the article's claims, and cite them in the text.",
       bad=("Surgical Procedures\n-\nMicrodiscectomy – >90 % fast pain relief.\n-\nLaminotomy – 80 % relief.\n",),
       good=("Surgical Procedures\n-\nMicrodiscectomy – >90 % fast pain relief.\n-\nLaminotomy – 80 % relief.\n" + _REFS,
             "Surgical Procedures\n-\nMicrodiscectomy – >90 % fast pain relief.\n",
             "Prevention Strategies\n-\nLift With Hips, Not Back – Bend knees, hold load close, avoid twisting.\n"))
def claims_without_any_references(article, ctx):
    """An article that makes claims must list its sources somewhere.

    **What it does.** Reports once, at the article's title, when the
    article makes claims of the kinds CLM001–CLM005 and CLM007 look for
    (cited or not) in at least ``no_references.min_claims`` sentences or
    items (2; several cues in one sentence are one claim), two of them
    leaning on evidence (``evidence_kinds``, ``min_evidence_claims``: a
    figure, a recovery timeline, an appeal to research or an experimental
    dose; an article with one such claim beside a promise - "cures" - has
    each reported by its own check), and has no
    reference of any kind: no ``references`` in article.yaml, no References
    or Sources list (a section of kind ``references`` or headed as
    ``citations.reference_headings`` says), no ``citations`` on any record,
    and no inline citation (bracketed number, superscript, trailing
    reference number, author–year, PMID, DOI, URL) or glued named source
    anywhere. A single claim is left to its own check.

    **Why it matters.** JAMA's attribution benchmark asks for references and
    sources for all content; an article of claims with no reference list
    cannot be reviewed against its evidence at all. It is a review-level
    finding (category ``review``): the fix is editorial work on the whole
    article, not one sentence.

    **Example.** The seed article: statistics, "studies show", doses of
    experimental peptides, and not one reference.

    **Fix.** Add a References section (numbered, with PMID or DOI) and cite
    it where the claims are.

    **Source.** JAMA benchmarks (Silberg, Lundberg & Musacchio, JAMA 1997):
    attribution; HONcode principles 4 (attribution) and 5 (justifiability);
    the site's editorial policy.
    """
    reading = _analyse(article, ctx)
    if reading.has_references:
        return
    rule = ctx.data("claims")["no_references"]
    sentences = {(c.record, c.sentence) for c in reading.claims} | {r for r, _, _ in reading.investigational}
    if len(sentences) < rule["min_claims"] or not _leans_on_evidence(reading, rule):
        return
    n = len(reading.claims) + len(reading.investigational)
    yield Hit(article, excerpt=article.title, field="title",
              message=f"The article makes {n} claim(s) that need evidence (statistics, appeals to research, outcome promises) but cites no reference at all.",
              suggestion="Add a References section with the studies or guidelines behind the claims (PMID or DOI) and cite them in the text as [1], [2] ….")
