"""Reader-safety checks (SAF001-SAF002): the class warnings a consumer page carries
beside each medicine it doses, and the combinations it doses without a warning.

The medicines come from the doses the parser reads (:func:`medlint.checks.dosing.all_doses`):
the dose's substance, else the sentence that introduces the dose, else the section heading
or the article title. Names as readers meet them (Tylenol, paracetamol, Fosamax) map to one
substance through ``checks/medicine-names.yaml``; classes, risks, wordings, combinations and
their sources are in ``checks/safety.yaml``. One :class:`Analysis` per article scans each
text once for names and once for wordings; both checks and the report's "Reader safety"
panel (:func:`safety_info`) read it.
"""

from __future__ import annotations

import re

from medlint.checks.advice import reassured_pairs
from medlint.checks.dosing import all_doses, per_text, said_in_lines, sentence_span, states_frequency
from medlint.checks.owed import owed
from medlint.checks.posts import member_posts
from medlint.checks.safety_duplicates import DuplicateProducts, duplicate_advice
from medlint.doses.schedule import sentences
from medlint.findings import Hit
from medlint.policy import alternation, compile_pattern, derived
from medlint.prefilter import PatternSet
from medlint.records.model import FaqEntry, Row
from medlint.registry import check

DRUGS = "Medicines\n-\n"
_SENTENCE_END = re.compile(r"[.!?](?:\s|$)|\n")


# ---------------------------------------------------------------------------
# the data, compiled once per process


class Tables:
    """checks/safety.yaml and checks/medicine-names.yaml, compiled: one pattern for every
    medicine name, one for every wording, and the lookups from a match to what it means."""

    def __init__(self, data: dict, names: dict):
        self.data = data
        self.classes = data["classes"]
        self.combinations = data["combinations"]
        self.substances: dict[str, tuple[str, ...]] = {}  # lower-case name -> substances
        self.class_words: dict[str, str] = {}              # lower-case word -> class ID
        self.classes_of: dict[str, list[dict]] = {}        # substance -> its classes
        self.members_of: dict[str, set] = {}               # class ID -> its substances
        for entry in names["medicines"]:
            for alias in entry["names"]:
                self._name(alias["name"], entry["substance"])
        self._read_classes()
        self._read_stop_at_will(data.get("stop_at_will") or {})
        self._read_combinations(names["combinations"])
        self.duplicates = DuplicateProducts(data.get("duplicate_products"), self._member)
        self.names = Phrases([*self.substances, *self.class_words], stems=False)
        self._read_warnings()
        self._read_readers(data)
        self._read_pages(data)

    def _read_classes(self) -> None:
        """Each class's members (by substance) and the words that name the class."""
        for cls in self.classes:
            for member in cls["members"]:
                substance = self._member(member)
                self.members_of.setdefault(cls["id"], set()).add(substance)
                if cls not in self.classes_of.setdefault(substance, []):
                    self.classes_of[substance].append(cls)
            for word in cls["mentioned_as"]:
                self.class_words[word.lower()] = cls["id"]

    def _read_combinations(self, products: list) -> None:
        """The combinations' groups by substance, and the combination products' names."""
        self.groups = {}  # (combination ID, group index) -> its substances
        for combo in self.combinations:
            for i, group in enumerate(combo["groups"]):
                self.groups[combo["id"], i] = frozenset(self._member(m) for m in group)
        self.combination_members = frozenset().union(*self.groups.values())
        for entry in products:
            self.substances[entry["name"].lower()] = tuple(s.lower() for s in entry["substances"])

    def _read_warnings(self) -> None:
        """The wordings that satisfy a risk or a combination, and the products that hold a
        class's medicine too (``also_in``) with the wordings that keep a reader from them."""
        terms = {t.lower() for c in self.classes for r in c["risks"] for t in r["satisfied_by"]}
        terms |= {t.lower() for c in self.combinations for t in c["satisfied_by"]}
        self.terms = Phrases(terms, stems=True)
        risks = [(c["id"], r) for c in self.classes for r in c["risks"] if r.get("also_in")]
        self.also_in = {(cid, r["name"]): Phrases(r["also_in"]["names"], stems=True) for cid, r in risks}
        self.also_in_refused = {(cid, r["name"]): [compile_pattern(p, re.I) for p in r["also_in"].get("refused_by") or ()]
                                for cid, r in risks}

    def _read_readers(self, data: dict) -> None:
        """Who the page speaks to and what it reports: readerships, stated ages, reported use,
        the roles of a reporter, what staff give, and the wordings of what is not dosing."""
        self.not_dosing = tuple(c.lower() for c in data["not_dosing_cues"])
        self.pronoun_subjects = frozenset(w.lower() for w in data.get("pronoun_subjects") or ())
        self.premises = [compile_pattern(p, re.I) for p in data.get("not_dosing_premises") or ()]
        self.coverage = [compile_pattern(p, re.I) for p in data.get("coverage_limits") or ()]
        readerships = data.get("readerships") or ()
        self.readerships = [(r["id"], Phrases(r["title_cues"], stems=False)) for r in readerships if r.get("title_cues")]
        self.age_readers = [(r["id"], r["min_stated_age"]) for r in readerships if "min_stated_age" in r]
        self.stated_age = [compile_pattern(p, re.I) for p in (data.get("stated_age") or {}).get("patterns") or ()]
        self.reported = [compile_pattern(p, re.I) for p in (data.get("reported") or {}).get("patterns") or ()]
        self.staff_cues = tuple(c.lower() for c in data.get("given_by_staff_cues") or ())
        self.reporter_roles = Phrases((data.get("reporting") or {}).get("author_roles") or (), stems=False)

    def _read_pages(self, data: dict) -> None:
        """The page's own layout: tool pages, checklists, option lists, local use, shared
        warnings, stand-ins, courses apart and the safety sections."""
        tool = data.get("tool_pages") or {}
        self.tool_cues = [compile_pattern(p, re.I) for p in tool.get("cues") or ()]
        self.tool_min = tool.get("min_cues", 2)
        self.tool_furniture = [compile_pattern(p, re.I) for p in tool.get("furniture") or ()]
        # the cues and the furniture asked of a line at once (the cues first)
        self.tool_set = PatternSet(self.tool_cues + self.tool_furniture)
        self.checklist = [compile_pattern(p, re.I) for p in data.get("checklist_items") or ()]
        options = data.get("option_lists") or {}
        told = options.get("instructions") or ()
        self.option_instructions = alternation(told, re.I) if told else None
        self.prescriber_choice = [compile_pattern(p, re.I) for p in options.get("prescriber_choice") or ()]
        self.alternative_leads = [compile_pattern(p, re.I) for p in options.get("alternative_leads") or ()]
        local = data.get("local_use") or {}
        self.local_units = frozenset(local.get("units") or ())
        self.local_classes = {c["id"]: c["source"] for c in local.get("classes") or ()}
        self.shared = [compile_pattern(p, re.I) for p in data.get("shared_warnings") or ()]
        self.stand_ins = [compile_pattern(p, re.I) for p in data.get("stand_ins") or ()]
        apart = data.get("courses_apart") or {}
        self.course_limits = [compile_pattern(p, re.I) for p in apart.get("course_limits") or ()]
        self.later_starts = [compile_pattern(p, re.I) for p in apart.get("later_starts") or ()]
        kinds = data["safety_sections"]
        self.safety_kinds = frozenset(kinds["kinds"])
        self.safety_heading = [compile_pattern(p, re.I) for p in kinds["headings"]]

    def _read_stop_at_will(self, stop: dict) -> None:
        """``stop_at_will`` compiled: its wordings, caveats and classes (SAF003)."""
        self.stop_patterns = [compile_pattern(p, re.I) for p in stop.get("patterns") or ()]
        self.stop_caveats = [compile_pattern(p, re.I) for p in stop.get("caveats") or ()]
        self.stop_negations = [compile_pattern(p, re.I) for p in stop.get("caveat_negations") or ()]
        self.stop_classes = {c["id"]: c for c in stop.get("classes") or ()}
        # a class's own caveats ("a short course": a steroid course of 3 weeks or less is stopped at once)
        self.stop_class_caveats = {c["id"]: tuple(compile_pattern(p, re.I) for p in c.get("caveats") or ())
                                   for c in stop.get("classes") or ()}
        self.stop_advice = stop.get("advice", "")
        own = stop.get("own_decision") or {}
        self.own_stop_patterns = [compile_pattern(p, re.I) for p in own.get("patterns") or ()]
        self.own_stop_source = own.get("source", "")
        self.own_stop_advice = own.get("advice", "")
        # taper classes that name their own members (no class of ``classes``): substance -> entries
        self.stop_members: dict[str, list[dict]] = {}
        for entry in stop.get("classes") or ():
            for member in entry.get("members") or ():
                self.stop_members.setdefault(self._member(member), []).append(entry)

    def _member(self, member: str) -> str:
        """The substance a member name of checks/safety.yaml stands for (an alias maps to its substance)."""
        held = self.substances.get(member.lower())
        if held is None:
            self._name(member, member)
            return member.lower()
        return held[0]

    def _name(self, name: str, substance: str) -> None:
        key = name.lower()
        held = self.substances.get(key, ())
        if substance.lower() not in held:
            self.substances[key] = held + (substance.lower(),)

    def is_safety_section(self, section) -> bool:
        if section is None:
            return False
        if section.kind in self.safety_kinds:
            return True
        return per_text(_safety_heading, section.heading or "", self)


def _safety_heading(heading: str, t: Tables) -> bool:
    return any(p.search(heading) for p in t.safety_heading)


_WORD = re.compile(r"\w[\w-]*")
_LEAD_WINDOW = 300  # characters before a dose read for its medicine: bounded, so a long item stays linear


def tokens(text: str) -> "Words":
    """A text split into words once for every lookup."""
    return Words(text)


class Words:
    """A text in lower case and its words: ``words`` (the strings, looked up one by one) and
    ``found`` (their matches, read only where a phrase starts)."""

    __slots__ = ("lower", "words", "found")

    def __init__(self, text: str):
        lower = text.lower()
        if len(lower) != len(text):
            lower = text  # a case mapping that changes lengths: match the case as written
        self.lower = lower
        self.found = list(_WORD.finditer(lower))
        self.words = [m[0] for m in self.found]

    def gap(self, j: int) -> str | None:
        """What separates word ``j - 1`` from word ``j`` besides white space ("" for a space,
        "," for ", "); None when they touch (no white space and no mark between)."""
        between = self.lower[self.found[j - 1].end():self.found[j].start()]
        marks = between.strip()
        return marks if marks != between else None


class Phrases:
    """Words and phrases found by word lookup, not by one large regular expression: a text
    is split into words once (:func:`tokens`) and each word looks up the phrases that can
    start there.

    ``stems=False`` (medicine names): every word must be equal, the last may take a plural
    "s"/"es", and the longest phrase at a place wins. ``stems=True`` (wordings): the last word
    is a stem ("bleed" finds "bleeding") unless the phrase has three letters or fewer, and every
    phrase found at a place counts."""

    def __init__(self, phrases, stems: bool):
        self.stems = stems
        self.start: dict[str, list] = {}
        for phrase in phrases:
            found = list(_WORD.finditer(phrase.lower()))
            words = tuple(m[0] for m in found)
            if not words:
                continue
            # what stands between two words besides white space ("heart, kidney": ","); a text
            # matches where it has the same marks there
            gaps = tuple(phrase[a.end():b.start()].strip() for a, b in zip(found, found[1:]))
            if stems:
                keys = [words[0][:3]]
            elif len(words) == 1:
                keys = [words[0], words[0] + "s", words[0] + "es"]
            else:
                keys = [words[0]]
            for key in keys:
                self.start.setdefault(key, []).append((words, phrase.lower(), gaps))
        for held in self.start.values():
            held.sort(key=lambda c: (-len(c[0]), c[1]))

    def find(self, text: str, split: "Words | None" = None):
        """(phrase, start, end) of each phrase in ``text`` (``split``: its :func:`tokens`), in order;
        without ``split``, worked out once per text (:func:`per_text`: the same headings, titles
        and clauses are asked again for every dose, and on every edit in an editor)."""
        if split is None:
            return per_text(_phrases_in, text, self)
        return self._find(split)

    def _find(self, split: "Words"):
        start, words = self.start, split.words
        # the places where a phrase may start (a list comprehension: most words start none)
        if self.stems:
            places = [i for i, w in enumerate(words) if w[:3] in start]
        else:
            places = [i for i, w in enumerate(words) if w in start]
        after = 0  # names do not overlap: the next name starts after the last one found
        for i in places:
            if i < after:
                continue
            for phrase_words, phrase, gaps in start[words[i][:3] if self.stems else words[i]]:
                if self._matches(phrase_words, phrase, gaps, split, i):
                    yield phrase, split.found[i].start(), split.found[i + len(phrase_words) - 1].end()
                    if not self.stems:
                        after = i + len(phrase_words)
                        break

    def _matches(self, want_words, phrase, gaps, split: Words, i: int) -> bool:
        words = split.words
        if i + len(want_words) > len(words):
            return False
        last = len(want_words) - 1
        for j, want in enumerate(want_words):
            got = words[i + j]
            if j and split.gap(i + j) != gaps[j - 1]:
                return False
            if j < last or (self.stems and len(phrase) <= 3):
                ok = got == want
            elif self.stems:
                ok = got.startswith(want)
            else:
                ok = got in (want, want + "s", want + "es")
            if not ok:
                return False
        return True


def _phrases_in(text: str, phrases: Phrases) -> tuple:
    return tuple(phrases._find(tokens(text)))


def _joined_names(words, t: Tables) -> set:
    """The substances of the names a hyphen joins into one word ("hydrocodone-acetaminophen"),
    when every part is a medicine's name (not "co-codamol", a name of its own, nor
    "extended-release")."""
    out: set = set()
    for w in words:
        for p in _joined_parts(w, t):
            out.update(t.substances[p])
    return out


def _joined_parts(word: str, t: Tables) -> list[str]:
    """The parts of a hyphen-joined word (lower case) that are each a medicine's name, else []."""
    if "-" not in word or word in t.substances:
        return []
    parts = word.split("-")
    return parts if all(p in t.substances for p in parts) else []


_HYPHENED = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)+")


def _combination_parts(text: str, t: Tables) -> tuple:
    """(phrase, start, end) of each part of a hyphen-joined name of medicines in ``text``
    ("Hydrocodone-Acetaminophen 5-500mg"), which the name table reads as one word."""
    out = []
    for m in _HYPHENED.finditer(text):
        start = m.start()
        for part in _joined_parts(m.group().lower(), t):
            out.append((part, start, start + len(part)))
            start += len(part) + 1
    return tuple(out)


def tables(ctx) -> Tables:
    """The compiled tables of the run's checks/safety.yaml and checks/medicine-names.yaml."""
    return derived(Tables, ctx.data("safety"), ctx.data("medicine-names"))


# ---------------------------------------------------------------------------
# one article, scanned once


class Dosed:
    """A medicine the article doses: its substance, the name as written and its doses."""

    __slots__ = ("substance", "shown", "doses", "named", "local", "readers")

    def __init__(self, substance: str, shown: str):
        self.substance = substance
        self.shown = shown
        self.doses: list[tuple] = []  # (record, field, dose)
        self.named: tuple | None = None  # the first dose whose substance or sentence names it
        self.local = True  # every dose put into the eye or ear (``local_use``: counted in drops)
        self.readers: frozenset | None = None  # the readerships every dose's section answers (stated ages)


def _foreign_terms(text: str, t: Tables) -> frozenset:
    """The wordings of ``text`` said only in sentences that name a medicine, each with those names:
    {(wording, frozenset of the substances and classes its sentence names)} (a wording said in a
    sentence naming none is said of whatever the text is about, and is not listed); read once per text."""
    out = set()
    free = set()
    for start, end in sentences(text):
        said = text[start:end]
        found = {phrase for phrase, _, _ in t.terms.find(said)}
        if not found:
            continue
        names = Analysis._names(said, None, t)
        if names:
            out.update((term, names) for term in found)
        else:
            free |= found
    return frozenset((term, names) for term, names in out if term not in free)


def _read_text(text: str, t: Tables) -> tuple[frozenset, frozenset]:
    """(the substances and classes ``text`` names, the wordings it holds): a pure function of
    the text, read once per text (:func:`medlint.checks.dosing.per_text`)."""
    split = tokens(text)
    return Analysis._names(text, split, t), frozenset(phrase for phrase, _, _ in t.terms.find(text, split))


class Analysis:
    """What one article doses, and for each record the medicines it names and the wordings it holds."""

    def __init__(self, article, t: Tables, posts: frozenset = frozenset()):
        self.tables = t
        self.medicines: dict[str, Dosed] = {}
        self._dosers: dict = {}  # record -> the substances it doses
        self.title_names = {s for phrase, _, _ in t.names.find(article.title or "")
                            for s in t.substances.get(phrase, ())}
        # the readerships the title writes for ("... in later life": older adults)
        self.readers = {rid for rid, cues in t.readerships if any(True for _ in cues.find(article.title or ""))}
        staff = _given_by_staff(article, t)
        tool = _tool_page(article, t)
        ages = _section_ages(article, t)
        # doses someone reports taking, by who takes them (a text; a tool page's section: the
        # reader's own list) -> {substance: Dosed}
        self.reported: dict = {}
        doses = [] if _reporting(article, t) else list(all_doses(article))
        starts = _dose_starts(doses)
        for record, field, dose in doses:
            section = getattr(record, "section", None)
            if _body_weight(dose) or section in staff or _listed_product(record, dose):
                continue
            if t.option_instructions is not None and _listed_option(record, field, dose, t.option_instructions,
                                                                    starts[record, field]):
                continue  # "Options include propranolol (usually 80 mg a day), amitriptyline (...)"

            clause = _clause(record, field, dose)
            # a member's post of a forum thread (checks/posts.yaml), a first-person report, a
            # tool's record of the reader's own medicines: reported, not the page dosing
            ticked = _checklist_item(record, field, t)
            reported = record in posts or tool or ticked or any(p.search(clause) for p in t.reported)
            for substance, shown, explicit in self._medicines_of(record, field, dose, t):
                if reported:
                    taker = self.reported.setdefault(section if tool or ticked else record, {})
                    taker.setdefault(substance, Dosed(substance, shown)).doses.append((record, field, dose))
                    continue
                med = self.medicines.setdefault(substance, Dosed(substance, shown))
                med.doses.append((record, field, dose))
                med.local = med.local and _unit_name(dose) in t.local_units
                here = ages.get(section, frozenset())
                med.readers = here if med.readers is None else med.readers & here
                if explicit and med.named is None:
                    med.named = (record, field, dose)
                    med.shown = shown
                self._dosers.setdefault(record, set()).add(substance)
        # pairs of medicines a prescriber chooses between ("your doctor may prescribe celecoxib
        # 200 mg once a day, or naproxen 500 mg twice a day"): of one class (a `distinct`
        # combination, two NSAIDs), the reader is given one, not both
        self.alternatives = _prescriber_alternatives(self.medicines.values(), t) | _listed_alternatives(article, self, t)
        self.records: list[tuple] = []  # (record, section, names, terms, in a safety section)
        self._near: dict[str, list[int]] = {}
        self._wording: dict[str, frozenset] = {}
        self._next_section: dict = {}
        if (any(s in t.classes_of or s in t.stop_members or s in t.combination_members for s in self.medicines)
                or len(self.medicines) > 1 or any(len(taken) > 1 for taken in self.reported.values())
                or any(self._stop_entries(s) for taken in self.reported.values() for s in taken)):
            self._scan(article, t)

    # -- which medicine a dose is of
    def _medicines_of(self, record, field, dose, t: Tables):
        sources = []
        if dose.substance is not None:
            sources.append(dose.substance.raw)
        lead, cut = _lead(record, field, dose)
        # the words before the dose in its sentence, and those of the dose's own text before its
        # amount: a sentence that opens with its condition is one dose from its first word ("If
        # the pain is severe, your doctor may give you ... oxycodone 5 mg every 4 to 6 hours")
        clause = (lead[cut[-1]:] if cut else lead) + _before_digits(dose.text or "")
        if any(cue in clause.lower() for cue in t.not_dosing) or _not_dosing(clause, dose, t):
            return []
        # the name just before the dose in its own sentence wins over a substance the reader
        # carried over from an earlier sentence ("... contain paracetamol ... You can also add
        # ibuprofen 400 mg three times a day"); when both name the same medicine the reader's
        # name for it is kept ("Ibuprofen (Advil, Motrin) 400 mg": Ibuprofen)
        if dose.ingredients:  # "Hydrocodone-acetaminophen 5-500 mg": a dose of each of its substances
            return [(s, i.name.raw, True) for i in dose.ingredients for s in t.substances.get(i.substance, (i.substance,))]
        if sources and not self._same_medicine(sources[0], clause, t):
            sources.insert(0, clause)
        else:
            sources.append(clause)
        section = getattr(record, "section", None)
        heading = section.heading or "" if section is not None else ""
        # a heading naming two medicines ("Can I take tramadol while I'm on sertraline?"), or a title
        # over a heading naming none, does not say which one a dose under it is of: the sentences and
        # the paragraph before it do ("Tramadol is an opioid ..." / "Adults usually take 50 mg to
        # 100 mg ..."), else the heading
        title = section.article.title or "" if section is not None and section.article is not None else ""
        named = _medicines_named(heading, t)
        paired = named > 1 or named == 0 and _medicines_named(title, t) > 1
        if section is not None and not paired:
            sources.append(heading)
        # the sentences before it in the same text ("Paracetamol on its own helps little ...
        # Adults can take 500 mg to 1 g"), when neither its clause nor the heading names one,
        # then the paragraph before it in its section when the dose's clause is only a label
        # ("Use only paracetamol for the fever." / "Adults: 500 mg to 1 g every 6 hours."; not
        # "Calcium carbonate 500 mg", which names its own medicine)
        # (not when the dose names its own substance or stands in brackets after a name of its
        # sentence, "The injections erenumab (70 mg or 140 mg)": it is that medicine's, known or not)
        own_name = (dose.substance is not None and not self._pronoun_name(dose.substance.raw, t)
                    or _BRACKETED_AFTER_NAME.search(clause) or _NAME_BRACKET.search(_before_digits(dose.text or "")))
        sources.append("" if own_name else lead[:cut[-1]] if cut else "")
        if _only_a_label(clause) or paired:
            before = _paragraph_before(record)
            sources.append("" if any(cue in before.lower() for cue in t.not_dosing) else before)
        if paired:
            sources.append(heading)
        if title:
            sources.append(title)
        for i, src in enumerate(sources):
            found = [(phrase, a, b) for phrase, a, b in t.names.find(src) if phrase in t.substances]
            if found:
                phrase, a, b = found[-1]
                return [(s, src[a:b], i < 2) for s in t.substances[phrase]]
            joined = per_text(_combination_parts, src, t) if "-" in src else ()
            if joined:  # "Hydrocodone-Acetaminophen 5-500mg": a dose of it is of each substance
                return [(s, src[a:b], i < 2) for phrase, a, b in joined for s in t.substances[phrase]]
        return []

    @staticmethod
    def _pronoun_name(raw: str, t: Tables) -> bool:
        """Whether a dose's name as read is a pronoun's clause ("It is usually started at 100 mg a
        day"): the medicine is the one the sentences before it name (``pronoun_subjects``)."""
        words = raw.split(None, 1)
        return bool(words) and words[0].lower().strip(",.") in t.pronoun_subjects

    @staticmethod
    def _same_medicine(name: str, clause: str, t: Tables) -> bool:
        """Whether ``clause`` names no medicine, or its last-named medicine (the one just before
        the dose: "I take naproxen 500 mg twice a day alongside my rivaroxaban 20 mg") is one of
        the substances ``name`` stands for."""
        found = [phrase for phrase, _, _ in t.names.find(clause) if phrase in t.substances]
        if not found:
            return True
        return not set(t.substances[found[-1]]).isdisjoint(Analysis._names(name, None, t))

    def _scan(self, article, t: Tables) -> None:
        safe = {s: t.is_safety_section(s) for s in article.sections}
        self._next_section = dict(zip(article.sections, article.sections[1:]))
        heading_names = {s: self._names(s.heading or "", None, t) for s in article.sections}
        # a heading's wording counts for its section's texts ("Withdrawal symptoms" over the
        # symptoms it introduces)
        heading_terms = {s: {phrase for phrase, _, _ in t.terms.find(s.heading or "")} for s in article.sections}
        for record in article.texts():
            text = f"{record.question} {record.answer}" if isinstance(record, FaqEntry) else (record.text or "")
            section = record.section
            names, terms = per_text(_read_text, text, t)
            self.records.append((record, section, names | heading_names.get(section, set()),
                                 terms | heading_terms.get(section, set()), safe.get(section, False)))

    @staticmethod
    def _names(text: str, split, t: Tables) -> frozenset:
        names = set()
        for phrase, _, _ in t.names.find(text, split):
            if phrase in t.substances:
                names.update(t.substances[phrase])
            else:
                names.add("class:" + t.class_words[phrase])
        if "-" in text:
            names.update(_joined_names(split.words if split is not None else tokens(text).words, t))
        return frozenset(names)

    # -- where a warning counts
    def near(self, substance: str) -> list[int]:
        """Indexes of the records whose wording counts as beside ``substance``."""
        held = self._near.get(substance)
        if held is None:
            held = self._near[substance] = self._near_records(substance)
        return held

    def _near_records(self, substance: str) -> list[int]:
        t = self.tables
        med = self.medicines[substance]
        own = {r for r, _, _ in med.doses}
        sections = {r.section for r, _, _ in med.doses}
        alone = {substance}
        words = {substance} | {"class:" + c["id"] for c in t.classes_of.get(substance, [])}
        if substance in self.title_names:  # a page about the medicine: all of it is beside it
            return list(range(len(self.records)))
        out = []
        mates = {m for c in t.classes_of.get(substance, []) for m in t.members_of.get(c["id"], ())} - alone
        after = {self._next_section.get(s) for s in sections} - {None}
        for i, (record, section, names, _terms, safe) in enumerate(self.records):
            if (record in own or safe or not names.isdisjoint(words)
                    or section in sections and self._dosers.get(record, alone) <= alone
                    or section in after and not names.isdisjoint(mates) and self._says_both(record)):
                out.append(i)
        return out

    def _says_both(self, record) -> bool:
        """Whether ``record`` speaks of two medicines at once (``shared_warnings``: "Both cause
        dizziness", "either drug"): under a class-mate's heading right after a medicine's section
        ("Gabapentin" / "Pregabalin": "... Both cause dizziness and sedation"), what it says is said
        of that medicine too."""
        text = f"{record.question} {record.answer}" if isinstance(record, FaqEntry) else (record.text or "")
        return any(p.search(text) for p in self.tables.shared)

    def wording_near(self, substance: str) -> frozenset:
        """Every wording found in the records beside ``substance`` (worked out once)."""
        held = self._wording.get(substance)
        if held is None:
            held = self._wording[substance] = frozenset().union(*(self.records[i][3] for i in self.near(substance)))
        return held

    def _pair_worded(self, a: str, b: str, wanted) -> bool:
        """Whether a wording of ``wanted`` stands beside ``a`` or ``b`` (as :meth:`wording_near`) other
        than only in sentences about other medicines ("Avoid aspirin for one week because it thins the
        blood and can make the grafts bleed", beside naproxen and prednisolone: said of aspirin)."""
        t = self.tables
        want = {w.lower() for w in wanted}
        pair = {a, b} | {"class:" + c["id"] for s in (a, b) for c in t.classes_of.get(s, [])}
        for i in sorted(set(self.near(a)) | set(self.near(b))):
            record, section, _names, terms, _safe = self.records[i]
            held = want.intersection(terms)
            if not held:
                continue
            heading = {phrase for phrase, _, _ in t.terms.find(section.heading or "")} if section is not None else set()
            text = f"{record.question} {record.answer}" if isinstance(record, FaqEntry) else (record.text or "")
            foreign = per_text(_foreign_terms, text, t)
            for term in held:
                elsewhere = [names for said, names in foreign if said == term]
                if term in heading or not elsewhere or any(not pair.isdisjoint(names) for names in elsewhere):
                    return True
        return False

    @staticmethod
    def worded(found: frozenset, wanted) -> bool:
        return any(w.lower() in found for w in wanted)

    # -- results
    def class_results(self):
        """(medicine, class, [(risk, present)]) for every dosed medicine of a class, in reading
        order; a class of ``local_use`` is not asked of a medicine only put into the eye or ear."""
        for med in self.medicines.values():
            classes = self.tables.classes_of.get(med.substance, [])
            if med.local:
                classes = [c for c in classes if c["id"] not in self.tables.local_classes]
            if not classes:
                continue
            found = self.wording_near(med.substance)
            mates = self._stands_in_for(med) if self.tables.stand_ins else set()
            for cls in classes:
                risks = [risk for risk in cls["risks"] if not self._not_for_readers(risk, med)]
                held = [m for m in mates if m in self.tables.members_of.get(cls["id"], ())]
                if held:  # given in place of a class-mate: its class warnings are this one's too
                    found = found.union(*(self.wording_near(m) for m in held))
                if risks:
                    yield med, cls, [(risk, self.worded(found, risk["satisfied_by"])) for risk in risks]

    def _stands_in_for(self, med: Dosed) -> set:
        """The other medicines the page doses that ``med`` is given in place of (``stand_ins``: the text
        of one of its doses, or its section's heading, names the other and says it cannot be had)."""
        out = set()
        own = {r for r, _, _ in med.doses}
        for record, section, names, _terms, _safe in self.records:
            if record not in own:
                continue
            others = {n for n in names if n in self.medicines and n != med.substance}
            text = f"{record.question} {record.answer}" if isinstance(record, FaqEntry) else (record.text or "")
            said = f"{section.heading or ''}\n{text}" if section is not None else text
            if others and any(p.search(said) for p in self.tables.stand_ins):
                out |= others
        return out

    def stop_results(self):
        """(medicine, class entry of ``stop_at_will``, record, field, match) for each dosed
        medicine whose class's labels say to taper, at the first text beside it that lets the
        reader stop at will."""
        for med in self.medicines.values():
            entries = self._stop_entries(med.substance)
            if not entries:
                continue
            found = self._stop_wording(self.near(med.substance) + self._unnamed_beside(med), entries[0]["id"])
            if found is not None:
                yield (med, entries[0], *found)
        # a medicine someone reports taking ("Last winter I was on sertraline 50 mg"): the page does
        # not dose it, but a text naming or reporting it that tells the reader ("you") they may stop
        # it at will advises the reader all the same
        for taken in self.reported.values():
            for med in taken.values():
                entries = self._stop_entries(med.substance) if med.substance not in self.medicines else []
                if not entries:
                    continue
                own = {r for r, _, _ in med.doses}
                held = [i for i, (record, _s, names, _t, _f) in enumerate(self.records)
                        if record in own or med.substance in names]
                found = self._stop_wording(held, entries[0]["id"])
                if found is not None:
                    yield (med, entries[0], *found)

    def _stop_entries(self, substance: str) -> list:
        """The ``stop_at_will`` entries of ``substance``'s classes and of the taper classes naming it."""
        t = self.tables
        entries = [t.stop_classes[c["id"]] for c in t.classes_of.get(substance, []) if c["id"] in t.stop_classes]
        return entries + t.stop_members.get(substance, [])

    def _unnamed_beside(self, med: Dosed) -> list[int]:
        """Indexes of the records that name no medicine, in a section that doses no other medicine
        than ``med`` ("Do I have to finish the pack?" / "No, there is no need to finish the pack"
        on a page dosing venlafaxine alone): what they say of "it" or "the tablets" is said of it."""
        other = {r.section for r, subs in self._dosers.items() if subs - {med.substance}}
        return [i for i, (_record, section, names, _terms, _safe) in enumerate(self.records)
                if not names and section not in other]

    def offered_beside(self, med: Dosed, cls: dict, missing: list):
        """(record, field, start, end) of the first text, in a section dosing ``med`` or else
        anywhere, that offers a product containing it too (a missing risk's ``also_in``: "a hot cold and flu sachet as
        well as your paracetamol tablets"), or None."""
        t = self.tables
        products = [(t.also_in[key], t.also_in_refused[key]) for key in ((cls["id"], r["name"]) for r in missing)
                    if key in t.also_in]
        if not products:
            return None
        sections = {r.section for r, _, _ in med.doses}
        held = [entry[0] for entry in self.records]
        # the sections dosing it first (a shopping list's next line), then anywhere on the page
        # (a listicle's next item, under its own heading)
        for record in [r for r in held if r.section in sections] + [r for r in held if r.section not in sections]:
            fields = ("question", "answer") if isinstance(record, FaqEntry) else ("text",)
            for field in fields:
                text = getattr(record, field, "") or ""
                for phrases, refusals in products:
                    for _phrase, start, end in phrases.find(text):
                        lead = text[sentence_span(text, start)[0]:start]
                        if not any(p.search(lead) for p in refusals):
                            return record, field, start, end
        return None

    def directions_after(self, med: Dosed, record):
        """(record, field, start, end) of the first sentence after ``record`` in its section that
        says how often to take it and gives no amount ("Children's ibuprofen – liquid, 100 mg in
        5 mL" / "Give a dose every 6 to 8 hours if needed"), before a text naming or dosing
        another medicine; else None."""
        held = [entry[0] for entry in self.records]
        if record not in held:
            return None
        section = record.section
        own = {med.substance} | {"class:" + c["id"] for c in self.tables.classes_of.get(med.substance, [])}
        for later, sec, names, _terms, _safe in self.records[held.index(record) + 1:]:
            if sec is not section or names - own or self._dosers.get(later, set()) - {med.substance}:
                return None
            for field in (("question", "answer") if isinstance(later, FaqEntry) else ("text",)):
                text = getattr(later, field, "") or ""
                for start, end in sentences(text):
                    if states_frequency(text[start:end]):
                        return later, field, start, end
        return None

    def _stop_wording(self, indexes, class_id: str):
        for i in indexes:
            record = self.records[i][0]
            fields = ("question", "answer") if isinstance(record, FaqEntry) else ("text",)
            for field in fields:
                text = getattr(record, field, "") or ""
                m = per_text(_stop_at_will, text, self.tables, class_id)
                if m is not None:
                    return record, field, m
        return None

    def _not_for_readers(self, risk: dict, med: Dosed) -> bool:
        """Whether the page writes for a readership the risk does not apply to (its ``not_for``):
        the title's, or the one every section dosing ``med`` answers (a stated age)."""
        limit = risk.get("not_for")
        if limit is None:
            return False
        readers = limit["readers"]
        readers = {readers} if isinstance(readers, str) else set(readers)
        return not readers.isdisjoint(self.readers | (med.readers or frozenset()))

    def combination_results(self):
        """(combination, medicine a, [(medicine b, warned)]) for every combination the article
        doses, then for every combination one person reports taking (``reported``: warned only
        by a wording in the section where the report is read)."""
        yield from self._combinations(list(self.medicines.values()), None)
        for taker, taken in self.reported.items():
            if len(taken) > 1:
                yield from self._combinations(list(taken.values()), getattr(taker, "section", taker))
        yield from self._with_reported()

    def _with_reported(self):
        """(combination, medicine a, [(medicine b, warned)]) for each medicine the page doses to someone
        who reports taking a partner of it the page does not dose ("I take sertraline 50 mg every
        morning" / "For the spasm I can send cyclobenzaprine 10 mg tablets: take 1 tablet ..."), warned
        by a wording beside the dosed medicine or in the section of the report."""
        t = self.tables
        for taker, taken in self.reported.items():
            section = getattr(taker, "section", taker)
            here = frozenset().union(*(terms for _r, sec, _n, terms, _s in self.records if sec is section))
            for combo in t.combinations:
                if combo.get("distinct"):
                    continue  # the reader's own medicine of one class: not a second dose of it
                first, second = t.groups[combo["id"], 0], t.groups[combo["id"], 1]
                partners = [b for b in taken.values() if b.substance in second and b.substance not in self.medicines]
                for a in self.medicines.values():
                    if a.substance not in first or not partners:
                        continue
                    if any(b.substance in second and b is not a for b in self.medicines.values()):
                        continue  # the page doses a partner itself: that pair names the defect once
                    found = self.wording_near(a.substance) | here
                    yield combo, a, [(b, self.worded(found, combo["satisfied_by"])) for b in partners]

    def taken_partner_results(self):
        """(combination, medicine a, record, field, (start, end), [partner names]) for each text
        that offers a dosed medicine to a reader who says they take a partner of the combination's
        other group, one the page does not dose ("If you take an SSRI such as sertraline, you can
        still use sumatriptan"), with no wording of the combination in it or beside the medicine.
        (Not for a `distinct` combination: the reader's own medicine of one class.)"""
        t = self.tables
        for combo in t.combinations:
            if combo.get("distinct"):
                continue
            second = t.groups[combo["id"], 1]
            for med in self.medicines.values():
                if med.substance not in t.groups[combo["id"], 0] \
                        or self.worded(self.wording_near(med.substance), combo["satisfied_by"]):
                    continue
                for record, _section, names, terms, _safe in self.records:
                    if med.substance not in names or self.worded(terms, combo["satisfied_by"]):
                        continue
                    taken = self._taken_by_reader(record, (names & second) - set(self.medicines))
                    if taken is not None:
                        yield (combo, med, record, *taken)
                        break

    def _taken_by_reader(self, record, partners):
        """(field, (start, end) of the sentence, [names]) where ``record`` says the reader takes one
        of ``partners`` (a ``not_dosing_cues`` wording before its name in one sentence), or None."""
        if not partners:
            return None
        t = self.tables
        fields = ("question", "answer") if isinstance(record, FaqEntry) else ("text",)
        for field in fields:
            text = getattr(record, field, "") or ""
            low = text.lower()
            named = [(start, end) for phrase, start, end in t.names.find(text)
                     if partners.intersection(t.substances.get(phrase, ()))]
            for start, _end in named:
                a, b = sentence_span(text, start)
                cues = [low.rfind(cue, a, start) for cue in t.not_dosing]
                if any(0 <= at and start - at <= 80 for at in cues):
                    return field, (a, b), list(dict.fromkeys(text[s:e] for s, e in named if a <= s < b))
        return None

    def _combinations(self, meds: list, section):
        for combo in self.tables.combinations:
            first, second = self.tables.groups[combo["id"], 0], self.tables.groups[combo["id"], 1]
            distinct = combo.get("distinct", False)
            for a in meds:
                if a.substance not in first:
                    continue
                # (two of one class a prescriber chooses between are prescribed instead of each other)
                partners = [b for b in meds if b.substance in second and b is not a
                            and not (distinct and frozenset((a.substance, b.substance)) in self.alternatives)
                            and not _courses_apart(a, b, self.tables)]
                if not partners:
                    continue
                if section is None:
                    yield combo, a, [(b, self._pair_worded(a.substance, b.substance, combo["satisfied_by"]))
                                     for b in partners]
                else:
                    found = frozenset().union(*(terms for _r, sec, _n, terms, _s in self.records if sec is section))
                    yield combo, a, [(b, self.worded(found, combo["satisfied_by"])) for b in partners]
                if distinct:  # one finding for the whole group, at its first member
                    break


_DAYS = {"day": 1, "week": 7, "month": 30}


def _courses_apart(a: Dosed, b: Dosed, t: Tables) -> bool:
    """Whether a stepped plan gives ``a`` and ``b`` at different times (``courses_apart``): one's
    every dose limits its course ("for no more than 2-3 weeks") and the other's every dose starts
    only once the problem has lasted at least that long ("For pain lasting beyond 6-8 weeks")."""
    if not t.course_limits or not t.later_starts:
        return False
    for first, later in ((a, b), (b, a)):
        ends, starts = _said_of_doses(first, t.course_limits, max, False), _said_of_doses(later, t.later_starts, min, True)
        if ends is not None and starts is not None and ends <= starts:
            return True
    return False


def _said_of_doses(med: Dosed, patterns, pick, before: bool):
    """The days every dose's sentence of ``med`` says (``pick`` of them: the longest course, the
    earliest start), read before the dose only when ``before``; None when a dose says none."""
    said = []
    for record, field, dose in med.doses:
        text = getattr(record, field, "") or ""
        at = dose.span[0] if dose.span else 0
        a, b = sentence_span(text, at)
        days = per_text(_days_said, text[a:at] if before else text[a:b], tuple(patterns))
        if days is None:
            return None
        said.append(days)
    return pick(said) if said else None


def _days_said(text: str, patterns: tuple):
    for pattern in patterns:
        m = pattern.search(text)
        if m is not None:
            return int(m.group("n")) * _DAYS[m.group("unit").lower().rstrip("s")]
    return None


def analyse(article, ctx) -> Analysis:
    """The article's analysis (made once; both checks and the report panel read it)."""
    return article.once(Analysis, tables(ctx), member_posts(article, ctx))


class _DataOnly:
    """A context for :func:`safety_info`, which has no run context: only the data."""

    def __init__(self):
        from medlint import policy

        self.data = policy.load


def safety_info(article) -> dict:
    """The report's "Reader safety" panel data: each medicine dosed, its class warnings
    present or missing, and each dosed combination with whether it is warned about."""
    a = analyse(article, _DataOnly())
    warnings_of: dict[str, list] = {}  # by substance: class_results is worked out once, not once per medicine
    for m, cls, risks in a.class_results():
        warnings_of.setdefault(m.substance, []).extend(
            {"class": cls["id"], "risk": r["name"], "present": ok} for r, ok in risks)
    medicines = []
    for med in a.medicines.values():
        warnings = warnings_of.get(med.substance, [])
        medicines.append({"medicine": med.shown, "substance": med.substance,
                          "classes": [c["id"] for c in a.tables.classes_of.get(med.substance, [])],
                          "warnings": warnings})
    combinations = []
    for combo, med_a, partners in a.combination_results():
        for b, warned in partners:
            combinations.append({"combination": combo["id"], "risk": combo["risk"],
                                 "medicines": [med_a.shown, b.shown], "warned": warned})
    return {"medicines": medicines, "combinations": combinations}


# ---------------------------------------------------------------------------
# the checks


def _severity(entry: dict, t: Tables) -> str:
    return entry.get("severity") or t.data["default_severity"]


def _first_dose(med: Dosed) -> tuple:
    """Where a finding about ``med`` goes: its first dose with a schedule, else the first that names it."""
    scheduled = [d for d in med.doses if d[2].frequency is not None]
    if med.named is not None and med.named[2].frequency is not None:
        return med.named
    return scheduled[0] if scheduled else med.named or med.doses[0]


def _where_together(med: Dosed, partners: list) -> tuple:
    """Where a combination finding goes: the first dose of ``med`` in a text that doses one of
    ``partners`` too (where the page offers both: "aspirin 900 mg, ibuprofen 400 mg or
    paracetamol 1 g"), else its first dose (:func:`_first_dose`)."""
    shared = {r for b in partners for r, _, _ in b.doses}
    for held in med.doses:
        if held[0] in shared:
            return held
    return _first_dose(med)


_WEIGHT_UNITS = frozenset({"kilogram", "pound", "stone"})


def _unit_name(dose) -> str | None:
    unit = dose.amount.unit if dose.amount is not None else None
    return getattr(unit, "unit", None)


def _stop_at_will(text: str, t: Tables, class_id: str = ""):
    """The first wording of ``stop_at_will`` in ``text`` that no caveat qualifies (a caveat in its
    sentence outside the wordings, or in the next sentence: "..., but ask your doctor first so the
    dose can be reduced gradually"; or one of the class's own, "after a short course like this"),
    or None; read once per text and class."""
    return _unqualified(text, t.stop_patterns, t.stop_caveats + list(t.stop_class_caveats.get(class_id, ())), t)


def _own_decision_stop(text: str, t: Tables):
    """The first wording of ``stop_at_will.own_decision`` in ``text`` (a prescribed medicine left
    out until a date or an event, or for its cost) that no caveat qualifies, or None."""
    return _unqualified(text, t.own_stop_patterns, t.stop_caveats, t) if t.own_stop_patterns else None


def _unqualified(text: str, patterns, caveats, t: Tables):
    found = [m for pattern in patterns for m in pattern.finditer(text)]
    for m in sorted(found, key=lambda m: m.start()):
        a, b = sentence_span(text, m.start())
        said = list(text[a:b])
        for other in found:  # the wordings' own words ("no need to taper") are no caveat
            if other.start() < b and other.end() > a:
                for k in range(max(other.start(), a), min(other.end(), b)):
                    said[k - a] = " "
        after = text[b:sentence_span(text, b)[1]] if b < len(text) else ""
        if not any(_caveat(c, "".join(said), t) or _caveat(c, after, t) for c in caveats):
            return m
    return None


def _caveat(pattern: re.Pattern, text: str, t: Tables) -> bool:
    """Whether ``pattern`` finds a caveat in ``text`` that no ``caveat_negations`` wording just before
    it denies ("there is no need to see your doctor first")."""
    for m in pattern.finditer(text):
        before = text[max(0, m.start() - 25):m.start()]
        if not any(n.search(before) for n in t.stop_negations):
            return True
    return False


def _reporting(article, t: Tables) -> bool:
    """Whether a byline role makes the page a news report (``reporting``): "Health Correspondent"."""
    for author in article.meta.get("authors") or ():
        role = author.get("role") if isinstance(author, dict) else None
        if role and any(True for _ in t.reporter_roles.find(role)):
            return True
    return False


def is_news_report(article, ctx) -> bool:
    """Whether a byline role makes ``article`` a news report (checks/safety.yaml ``reporting``);
    the claims checks read it too (a figure a named expert is reported as saying)."""
    return _reporting(article, tables(ctx))


# what joins two doses a prescriber chooses between: "or" ("200 mg once a day, or naproxen"), and
# no word that gives them together ("and", "with", "plus", "then")
_OR_BETWEEN = re.compile(r"(?:^|[\s,;(])or\s", re.IGNORECASE)
_TOGETHER_BETWEEN = re.compile(r"\b(?:and|with|plus|then|together|also|alongside)\b|\+", re.IGNORECASE)


def _prescriber_alternatives(meds, t: Tables) -> frozenset:
    """{frozenset({a, b})} of the medicines whose doses one sentence offers as a prescriber's choice:
    a wording of ``option_lists.prescriber_choice`` before the first ("your doctor may prescribe",
    "your GP might offer"), then the doses joined by "or" ("celecoxib 200 mg once a day, or
    naproxen 500 mg twice a day"). Two of one class are prescribed instead of each other, so SAF002
    does not pair them as a ``distinct`` combination (two NSAIDs); medicines of two classes often
    prescribed together (an NSAID "or" a steroid) are still paired."""
    if not t.prescriber_choice:
        return frozenset()
    held: dict = {}  # (record, field) -> [(start, end, substance)]
    for med in meds:
        for record, field, dose in med.doses:
            if dose.span:
                held.setdefault((record, field), []).append((dose.span[0], dose.span[1], med.substance))
    pairs = set()
    for (record, field), doses in held.items():
        text = getattr(record, field, "") or ""
        doses.sort()
        for (a0, a1, sa), (b0, _b1, sb) in zip(doses, doses[1:]):
            if sa == sb or sentence_span(text, a0) != sentence_span(text, b0):
                continue
            between = text[a1:b0]
            lead = text[sentence_span(text, a0)[0]:a0]
            if (_OR_BETWEEN.search(between) and not _TOGETHER_BETWEEN.search(between)
                    and any(p.search(lead) for p in t.prescriber_choice)):
                pairs.add(frozenset((sa, sb)))
    return frozenset(pairs)


def _listed_alternatives(article, analysis: "Analysis", t: Tables) -> frozenset:
    """{frozenset({a, b})} of the medicines dosed in different items, one medicine to an item, of
    a list whose lead text ends with a wording of ``option_lists.alternative_leads`` ("Usual adult
    regimens are:"): a prescriber's alternatives, as :func:`_prescriber_alternatives` finds in a
    sentence."""
    if not t.alternative_leads:
        return frozenset()
    pairs = set()
    for section in article.sections:
        for before, block in zip(section.blocks, section.blocks[1:]):
            lead = (before.text or "").rstrip() if before.type in ("paragraph", "chrome") else ""
            if block.type != "list" or not lead or not any(p.search(lead) for p in t.alternative_leads):
                continue
            dosed = [analysis._dosers.get(item, set()) for item in block.items]
            alone = sorted({next(iter(s)) for s in dosed if len(s) == 1})
            pairs.update(frozenset((a, b)) for i, a in enumerate(alone) for b in alone[i + 1:])
    return frozenset(pairs)


def _name_spans(text: str, t: Tables) -> list:
    """(start, end, substances) of each medicine name in ``text`` (a hyphen-joined name's parts
    each)."""
    out = [(a, b, frozenset(t.substances[p])) for p, a, b in t.names.find(text) if p in t.substances]
    if "-" in text:
        out += [(a, b, frozenset(t.substances[p])) for p, a, b in per_text(_combination_parts, text, t)]
    return out


def _medicines_named(text: str, t: Tables) -> int:
    """How many medicines ``text`` names (a brand and its substance are one)."""
    return len({t.substances[phrase] for phrase, _, _ in t.names.find(text) if phrase in t.substances})


def _not_dosing(clause: str, dose, t: Tables) -> bool:
    """A dose its sentence opens with a hypothetical premise ("Say you take alendronate 70 mg ...",
    ``not_dosing_premises``), or a plan's quantity limit ("zolpidem 10 mg: QL 30 tablets per 30
    days", ``coverage_limits``): a worked example or a supply, not the page dosing the reader."""
    if any(p.match(clause) for p in t.premises):
        return True
    said = clause + " " + (dose.text or "")
    return any(p.search(said) for p in t.coverage)


def _given_by_staff(article, t: Tables) -> set:
    """The sections a text of which says staff give the medicine (``given_by_staff_cues``)."""
    if not t.staff_cues:
        return set()
    out = set()
    for record in article.texts():
        text = f"{record.question} {record.answer}" if isinstance(record, FaqEntry) else record.text or ""
        if per_text(_staff_says, text, t):
            out.add(record.section)
    return out


def _staff_says(text: str, t: Tables) -> bool:
    low = text.lower()
    return any(cue in low for cue in t.staff_cues)


def _lead(record, field, dose) -> tuple[str, list[int]]:
    """The text just before a dose (bounded: a long item stays linear) and where its sentences end."""
    text = getattr(record, field, "") or ""
    start = dose.span[0] if dose.span else 0
    lead = text[max(0, start - _LEAD_WINDOW):start]  # a dose's medicine is named just before it
    return lead, [m.end() for m in _SENTENCE_END.finditer(lead)]


def _clause(record, field, dose) -> str:
    """The words before a dose in its own sentence."""
    lead, cut = _lead(record, field, dose)
    return lead[cut[-1]:] if cut else lead


def _page_lines(article) -> list[str]:
    """The article's lines as printed: the title and the lines before it, headings, texts and
    the site's furniture between them ("Was this article helpful?")."""
    lines = [line["text"] for line in article.meta.get("preamble") or ()
             if isinstance(line, dict) and isinstance(line.get("text"), str)]
    lines.append(article.title or "")
    for section in article.sections:
        lines.append(section.heading or "")
        lines += [b.text for b in getattr(section, "blocks", None) or () if b.type == "chrome" and b.text]
    for record in article.texts():
        text = f"{record.question}\n{record.answer}" if isinstance(record, FaqEntry) else (record.text or "")
        lines += text.splitlines()
    return lines


def _checklist_item(record, field, t: Tables) -> bool:
    """Whether ``record`` is a checklist's item (``checklist_items``: a tick box at its start)."""
    text = getattr(record, field, "") or ""
    return any(p.match(text) for p in t.checklist)


def _tool_page(article, t: Tables) -> bool:
    """Whether the page is an app's or an online tool's (``tool_pages``: two of its cues printed,
    one at least a cue of the tool's own, not the platform's ``furniture``)."""
    if not t.tool_cues:
        return False
    said = said_in_lines(_page_lines(article), t.tool_set)
    return len(said) >= t.tool_min and not said.issubset(t.tool_furniture)


def _section_ages(article, t: Tables) -> dict:
    """{section: the readerships of ``min_stated_age`` that every age stated in it reaches}
    for each section where a reader states their age ("I'm 44 and ...")."""
    if not t.stated_age or not t.age_readers:
        return {}
    ages: dict = {}
    for record in article.texts():
        text = f"{record.question} {record.answer}" if isinstance(record, FaqEntry) else (record.text or "")
        found = per_text(_stated_ages, text, t)
        if found:
            ages.setdefault(record.section, []).extend(found)
    return {section: frozenset(rid for rid, least in t.age_readers if min(found) >= least)
            for section, found in ages.items()}


def _stated_ages(text: str, t: Tables) -> tuple[int, ...]:
    """The ages a reader states in ``text`` ("I'm 44 and ..."), read once per text."""
    return tuple(int(m.group("age")) for pattern in t.stated_age for m in pattern.finditer(text))


_LABEL = re.compile(r"\s{0,3}(?:[\w-]{1,20}\s{1,3}){0,3}[\w-]{1,20}\s{0,2}:\s{0,3}")


def _only_a_label(clause: str) -> bool:
    """Whether the words before a dose in its sentence are none or only a short label ending
    in a colon ("Adults:", "Children over 12:")."""
    return not clause.strip() or _LABEL.fullmatch(clause) is not None


def _paragraph_before(record) -> str:
    """The text of the paragraph just before ``record`` in its section ("" if none)."""
    section = getattr(record, "section", None)
    before = ""
    for block in getattr(section, "blocks", None) or ():
        if block is record or any(item is record for item in block.items) or any(e is record for e in block.entries):
            return before
        before = block.text or "" if block.type == "paragraph" else ""
    return ""


_INSTRUCTS = ("frequency", "as_needed", "duration", "max_per_dose", "max_per_day", "max_doses_per_day",
              "max_duration_days", "directions", "taper", "route")


def _listed_product(record, dose) -> bool:
    """A table row naming a product and its strength with nothing that says how to take it (a
    price list's or a comparison's "| Ibuprofen 400 mg tablets | 24 | £2.49 |"): the page sells or
    lists the medicine there; it does not dose the reader."""
    if not isinstance(record, Row) or dose.titration:
        return False
    return not any(getattr(dose, name, None) for name in _INSTRUCTS)


_BRACKETS = re.compile(r"\([^()]{0,300}\)")
_NAME_END = re.compile(r"[A-Za-z][\w-]{2,40}\s{0,2}$")
_BRACKETED_AFTER_NAME = re.compile(r"[A-Za-z][\w-]{2,40}\s{0,2}\([^()]{0,40}$")
_NAME_BRACKET = re.compile(r"[A-Za-z][\w-]{2,40}\s{0,2}\(")
_DIGIT = re.compile(r"\d")


def _before_digits(text: str) -> str:
    """The words of a dose's text before its first figure ("monthly injection erenumab (" of
    "monthly injection erenumab (70 mg or 140 mg)")."""
    m = _DIGIT.search(text)
    return text[:m.start()] if m else text


_LIST_MARKS = re.compile(r",|\s(?:and|or)\s")


_LABEL_CLOSE = re.compile(r"\)\s{0,2}[:–—-]\s")  # "(ibuprofen 200 mg): ..." closes a product's label


def _listed_option(record, field, dose, instruction: re.Pattern, starts=()) -> bool:
    """A dose in brackets after a medicine's name, in a sentence that lists several options and
    tells no one to take anything outside its brackets ("Options include propranolol (usually
    80 mg to 160 mg a day), amitriptyline (starting at 10 mg at night), topiramate and
    candesartan"): the page lists treatments and describes each in passing; it does not dose
    the reader. ``instruction`` is ``option_lists.instructions`` (checks/safety.yaml: "you can
    take", "Take ...", "adults should have"): a sentence that tells the reader to take one outside
    the brackets ("You can take ibuprofen (200 to 400 mg) or naproxen") doses the reader, as
    any other, and so does one that doses a medicine outside brackets ("celecoxib 200 mg twice a
    day, or a low dose of prednisone (5 mg to 10 mg a day)": ``starts``, where the text's doses
    start)."""
    text = getattr(record, field, "") or ""
    start = dose.span[0] if dose.span else 0
    a, b = sentence_span(text, start)
    a = max(a, start - _LEAD_WINDOW)
    before = text[a:start]
    opened = before.rfind("(")
    if opened < 0 or ")" in before[opened:] or not _NAME_END.search(before[:opened]):
        return False
    closed = text.find(")", start)
    if dose.span and 0 <= closed < dose.span[1] and _LABEL_CLOSE.match(text, closed):
        return False  # "Nurofen (ibuprofen 200 mg): 1 to 2 tablets every 6 to 8 hours": a product label, its directions after
    held = [(a + m.start(), a + m.end()) for m in _BRACKETS.finditer(text[a:b])]
    if any(a <= s < b and not any(x < s < y for x, y in held) for s in starts if s != start):
        return False
    outside = _BRACKETS.sub(" ", text[a:min(b, start + _LEAD_WINDOW)])
    return len(_LIST_MARKS.findall(outside)) >= 2 and not instruction.search(outside)


def _dose_starts(doses) -> dict:
    """{(record, field): where each of its doses starts} for ``doses``, (record, field, dose)."""
    starts: dict = {}
    for record, field, dose in doses:
        starts.setdefault((record, field), []).append(dose.span[0] if dose.span else 0)
    return starts


def _body_weight(dose) -> bool:
    """"weighs about 11 kg": a body weight the parser read as an amount, not a dose."""
    unit = dose.amount.unit if dose.amount is not None else None
    return unit is not None and getattr(unit, "unit", None) in _WEIGHT_UNITS and dose.frequency is None


def _listing(words: list[str], sep: str, last: str = "and") -> str:
    return words[0] if len(words) == 1 else sep.join(words[:-1]) + f" {last} " + words[-1]


def _sentence(advice: str) -> str:
    return advice[:1].upper() + advice[1:] + "."


@check("SAF001", name="class-warning-missing", category="safety", severity="warning",
       fix="Write the class warning beside the medicine, in its item, its section or a safety section "
           "(\"Warnings\", \"Side effects\", \"Who should not take it\").",
       bad=(DRUGS + "Tramadol 50 mg every 6 hours, no more than 400 mg a day – Pain reliever.",
            DRUGS + "Alendronate 70 mg once a week – Bone strength.",
            DRUGS + "Advil 200 mg every 6 hours, no more than 1200 mg a day – Pain reliever."),
       good=(DRUGS + "Tramadol 50 mg every 6 hours, no more than 400 mg a day – Pain reliever; it is "
                     "habit-forming, and it can slow your breathing, so never take it with alcohol.",
             DRUGS + "Alendronate 70 mg once a week – Take it with a full glass of plain water and stay "
                     "upright for half an hour; tell your dentist, as jaw problems are rare but serious.",
             DRUGS + "Advil 200 mg every 6 hours, no more than 1200 mg a day – Pain reliever.\n"
                     "Side Effects\nLike all NSAIDs it can cause stomach bleeding and raise the risk of a "
                     "heart attack or stroke."))
def class_warning_missing(article, ctx):
    """A medicine dosed on a consumer page needs its class warning nearby.

    **What it does.** For every medicine the article doses (the parser's doses; brand,
    generic and international names map to one substance through
    checks/medicine-names.yaml), looks up its classes in checks/safety.yaml (opioids,
    NSAIDs, paracetamol, antidepressants, gabapentinoids, oral bisphosphonates, …) and
    flags each class whose risks are not all named nearby: in the dose's own item or
    paragraph, in a record of its section that doses no other medicine, in a record anywhere
    that names the medicine or its class ("NSAIDs"), or in a safety section (a heading about
    warnings, side effects, safety, who should not take it, interactions; an emergency
    symptom list is not one: its "stroke" is a sign to act on, not the medicine's risk). A
    risk counts as named when any wording the data lists for it occurs there
    ("habit-forming" for addiction, "stomach" or "ulcer" for NSAID bleeding), or in the
    heading of the section it is in. One finding per medicine and class, at its first
    dose, naming the missing risks; a risk whose ``not_for`` readership the title writes
    for is not asked, and a forum member's post is not the page dosing. A medicine given in
    place of a dosed class-mate that cannot be had (``stand_ins``) shares the class-mate's
    warnings; a record of one person's care owes none (checks/owed.yaml ``one-person``).

    **Why it matters.** Readers take what a page doses. The warnings regulators require on
    every label of the class (addiction and slowed breathing with opioids, stomach bleeding
    and heart attack with NSAIDs, liver damage with paracetamol, suicidal thoughts in young
    people on antidepressants, how to swallow alendronate) are the ones a pharmacist would
    say at the counter; a page that doses without them leaves the reader to find out.

    **Example.** "Tramadol 50 mg every 6 hours" with nothing about addiction or breathing.

    **Fix.** Add the warning in your own words beside the medicine or in a "Warnings"
    section; the suggestion gives a sample sentence per missing risk.

    **Source.** Each class's source in checks/safety.yaml (FDA boxed warnings and Drug
    Safety Communications, OTC Drug Facts rules 21 CFR 201.326, product labels), quoted in
    every message.
    """
    owes = owed(article, ctx)
    if owes.waives("class_warnings"):
        return
    t = tables(ctx)
    a = analyse(article, ctx)
    for med, cls, risks in a.class_results():
        missing = [r for r, ok in risks if not ok]
        if not missing:
            continue
        record, field, dose = _first_dose(med)
        names = _listing([f"'{r['name']}'" for r in missing], ", ")
        advice = " ".join(_sentence(r["advice"].format(medicine=med.shown)) for r in missing)
        label = "" if med.shown.lower() in cls["label"].lower() or cls["label"].lower() in med.shown.lower() else f" ({cls['label']})"
        source = (cls.get("member_sources") or {}).get(med.substance) or cls["source"]
        offered = a.offered_beside(med, cls, missing)
        if offered is not None:  # where the reader would take it twice
            record, field, start, end = offered
            product = (getattr(record, field, "") or "")[start:end]
            yield Hit(record, excerpt=product, start=start, field=field, severity=_severity(cls, t),
                      message=f"{med.shown}{label} is dosed (\"{dose.text}\") and the page offers \"{product}\" beside it, "
                              f"which may contain it too, with no warning nearby about {names}{owes.owed_by()} "
                              f"({source}).",
                      suggestion=f"Write beside {med.shown} or in a \"Warnings\" section, e.g.: {advice}")
            continue
        excerpt, start = dose.text, dose.span[0]
        told = a.directions_after(med, record) if dose.frequency is None else None
        if told is not None:  # a strength, then how often to give it: where the reader is dosed
            record, field, start, end = told
            excerpt = (getattr(record, field, "") or "")[start:end].strip()
        yield Hit(record, excerpt=excerpt, start=start, field=field,
                  severity=_severity(cls, t),
                  message=f"{med.shown}{label} is dosed (\"{dose.text}\") with no warning nearby about "
                          f"{names}{owes.owed_by()} ({source}).",
                  suggestion=f"Write beside {med.shown} or in a \"Warnings\" section, e.g.: {advice}")


@check("SAF002", name="combination-not-warned", category="safety", severity="warning",
       fix="Say beside either medicine (or in an \"Interactions\" section) that they must not be taken "
           "together without advice, and name the risk.",
       bad=(DRUGS + "Tramadol 50 mg every 6 hours, no more than 400 mg a day – Pain reliever.\n"
                    "-\nSertraline 50 mg once daily – Antidepressant.",
            DRUGS + "Ibuprofen 400 mg three times a day – Pain reliever.\n"
                    "-\nNaproxen 250 mg twice daily – Pain reliever."),
       good=(DRUGS + "Tramadol 50 mg every 6 hours, no more than 400 mg a day – Pain reliever.\n"
                     "-\nSertraline 50 mg once daily – Antidepressant.\n"
                     "Taking These Together\nTramadol with an antidepressant can cause serotonin syndrome "
                     "and fits; ask your doctor first.",
             DRUGS + "Ibuprofen 400 mg three times a day – Pain reliever.\n"
                     "-\nNaproxen 250 mg twice daily – Use it instead of ibuprofen, never with it."))
def combination_not_warned(article, ctx):
    """Two medicines the page doses that are dangerous together need a warning.

    **What it does.** When one article doses a medicine of each group of a combination in
    checks/safety.yaml (serotonin syndrome: tramadol, tapentadol or cyclobenzaprine with an
    SSRI, SNRI or tricyclic; tramadol with antidepressants and seizures; opioids with
    benzodiazepines, gabapentinoids or muscle relaxants; NSAIDs with blood thinners,
    SSRIs/SNRIs or corticosteroids; two NSAIDs), it looks for the combination's wording
    ("serotonin", "do not combine", "bleed", "one at a time") near either medicine or in a
    safety or interactions section. One finding per combination and first medicine, at
    its first dose in a text that doses a partner too (where the page offers both), else at
    its first dose, naming every partner not warned about, the risk and the source. A medicine
    the page doses to someone who reports taking a partner it does not dose ("I take sertraline
    50 mg") is paired too; a pair the page reassures about is left to SAF004; a wording said only
    in sentences about other medicines is no warning about the pair.

    **Why it matters.** A page that lists medicines side by side reads as a menu; readers
    combine them. These pairs are the interactions the labels warn about because people
    are harmed by them.

    **Example.** Tramadol dosed in one item and sertraline in the next, with no word on
    serotonin syndrome.

    **Fix.** Add a sentence beside either medicine, or an "Interactions" section: which
    ones must not be taken together, and why.

    **Source.** Each combination's source in checks/safety.yaml (US prescribing
    information, FDA Drug Safety Communications 2016-03-22, 2016-08-31 and 2019-12-19,
    21 CFR 201.326), quoted in every message.
    """
    t = tables(ctx)
    a = analyse(article, ctx)
    yield from duplicate_advice(article, t.duplicates, lambda text: Analysis._names(text, None, t),
                                a.title_names or frozenset(a.medicines), lambda text: _name_spans(text, t),
                                _page_lines(article))
    reassured = _reassured(article, ctx, t)
    for combo, med, partners in a.combination_results():
        missing = [b for b, warned in partners if not warned
                   and (combo["id"], frozenset((med.substance, b.substance))) not in reassured]
        if not missing:
            continue
        record, field, dose = _where_together(med, missing)
        others = _listing([b.shown for b in missing], ", ")
        advice = _sentence(combo["advice"].format(a=med.shown, b=_listing([b.shown for b in missing], ", ", "or")))
        yield Hit(record, excerpt=dose.text, start=dose.span[0], field=field,
                  severity=_severity(combo, t),
                  message=f"{med.shown} is dosed here with {others}, and nothing warns about taking them "
                          f"together: {combo['risk']} ({combo['source']}).",
                  suggestion=f"Add beside {med.shown} or in an \"Interactions\" section, e.g.: {advice}")
    for combo, med, record, field, (start, end), taken in a.taken_partner_results():
        text = getattr(record, field, "") or ""
        advice = _sentence(combo["advice"].format(a=med.shown, b=_listing(taken, ", ", "or")))
        yield Hit(record, excerpt=text[start:end].strip(), start=start, field=field,
                  severity=_severity(combo, t),
                  message=f"{med.shown} is offered here to readers who take {_listing(taken, ', ', 'or')}, and "
                          f"nothing warns about taking them together: {combo['risk']} ({combo['source']}).",
                  suggestion=f"Add beside {med.shown}, e.g.: {advice}")


@check("SAF003", name="stop-at-will-advice", category="safety", severity="error",
       fix="Say the medicine is stopped gradually, with the doctor's plan, never all at once.",
       bad=(DRUGS + "Sertraline 50 mg once a day – Antidepressant. Once you feel better you can stop taking it "
                    "straight away.",
            DRUGS + "Amlodipine 5 mg once a day – For blood pressure. If the tablets cost too much, you can simply "
                    "leave out your blood pressure tablets until next month."),
       good=(DRUGS + "Sertraline 50 mg once a day – Antidepressant. When you feel better, keep taking it; your "
                     "doctor will help you reduce the dose gradually when it is time to stop.",
             DRUGS + "Sertraline 50 mg once a day – Antidepressant. If you get a rash, stop it and see your doctor "
                     "straight away.",
             DRUGS + "Amlodipine 5 mg once a day – For blood pressure. Your surgeon may ask you to stop some "
                     "tablets until after the operation; keep taking amlodipine unless told otherwise."))
def stop_at_will_advice(article, ctx):
    """Advice to stop, at will, a medicine whose label says to reduce it gradually.

    **What it does.** For every medicine the article doses whose class is listed under
    ``stop_at_will`` in checks/safety.yaml (antidepressants, benzodiazepines, systemic
    corticosteroids such as a prednisone taper), looks in the
    texts beside it (as SAF001 counts them) for a wording that lets the reader stop whenever
    they like ("Once you feel better you can stop taking it", "you can stop it straight
    away", "there is no need to taper"). Side-effect advice ("stop it and see your doctor
    straight away if ...") is not matched. One finding per medicine, at the first such text. A
    medicine someone reports taking ("I was on sertraline 50 mg") is read in the texts that name
    or report it: advice there that the reader may stop it is advice all the same.
    Whatever the class, a text that lets the reader stop or leave out a prescribed medicine on
    their own decision (``stop_at_will.own_decision``: until a date or an event, "you can
    simply leave out your blood pressure tablets until Eid"; for its cost, "if a copay is too
    high, you can simply stop taking the drug") is reported too, unless a caveat sends them to
    their doctor first; a prescriber's instruction to pause ("your surgeon may ask you to stop")
    and a pause until the reader has seen a clinician are not matched.

    **Why it matters.** Stopping an antidepressant at once brings on discontinuation symptoms
    and relapse; stopping a benzodiazepine at once after regular use can cause withdrawal
    reactions that are life-threatening; stopping a steroid course at once can leave the body
    short of its own cortisol. Readers who feel better stop; a page that tells them
    they may does harm.

    **Example.** "Once you feel better you can stop taking sertraline straight away."

    **Fix.** Say the dose is reduced gradually with the doctor's plan; the suggestion gives a
    sample sentence.

    **Source.** Each class's source under ``stop_at_will`` (the ZOLOFT prescribing
    information, Discontinuation Syndrome; FDA Drug Safety Communication 2020-09-23 for
    benzodiazepines; MedlinePlus on stopping or changing a medicine for the reader's own
    decision), quoted in every message.
    """
    t = tables(ctx)
    a = analyse(article, ctx)
    said = set()
    for med, entry, record, field, m in a.stop_results():
        advice = _sentence(t.stop_advice.format(medicine=med.shown))
        said.add((record, field))
        yield Hit(record, excerpt=m.group(0), start=m.start(), field=field,
                  severity=entry.get("severity"),
                  message=f"\"{m.group(0)}\" lets the reader stop {med.shown} at will; its label says to reduce "
                          f"the dose gradually ({entry['source']}).",
                  suggestion=f"Write instead, e.g.: {advice}")
    if _reporting(article, t):
        return  # a news report quotes; it does not advise
    for record, field, m in _own_decision_stops(article, t):
        if (record, field) not in said:
            yield Hit(record, excerpt=m.group(0), start=m.start(), field=field,
                      message=f"\"{m.group(0)}\" tells the reader to stop or leave out a prescribed medicine on "
                              f"their own decision ({t.own_stop_source}).",
                      suggestion=f"Write instead, e.g.: {_sentence(t.own_stop_advice)}")


def _reassured(article, ctx, t: Tables) -> set:
    """{(combination ID, frozenset of the two substances)} of each pair the page plays down (SAF004
    names that defect: "Yes, naproxen is fine with your sertraline"), which SAF002 does not name again."""
    out = set()
    for combo_id, a, b in reassured_pairs(article, ctx):
        for sa in t.substances.get(a, (a,)):
            for sb in t.substances.get(b, (b,)):
                out.add((combo_id, frozenset((sa, sb))))
    return out


def _own_decision_stops(article, t: Tables):
    """(record, field, match) of each text that lets the reader leave out a prescribed medicine on
    their own decision (``stop_at_will.own_decision``)."""
    for record in article.texts():
        for field in (("question", "answer") if isinstance(record, FaqEntry) else ("text",)):
            text = getattr(record, field, "") or ""
            m = per_text(_own_decision_stop, text, t) if text else None
            if m is not None:
                yield record, field, m
