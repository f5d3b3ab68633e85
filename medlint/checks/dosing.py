"""Dosing checks (DOS001-DOS004): open-ended, incomplete, too high and inconsistent doses.

Every check re-parses the text of items, paragraphs and FAQ entries with
:func:`medlint.doses.parse_doses`; the stored ``doses:`` field is not trusted.
Ceilings and the completeness rules live in ``checks/dosing.yaml``.
"""

from __future__ import annotations

import bisect
import math
import re
import weakref
from functools import lru_cache

from medlint.doses import may_hold_dose, parse_doses
from medlint.doses import units as _units
from medlint.doses.lexicon import lexicon as _dose_lexicon
from medlint.doses.model import Form, _replace
from medlint.doses.modifiers import _ROUTES
from medlint.doses.reading import Reading
from medlint.checks.dose_context import _population_of, _same_population, stated_limits, with_nearby_limits
from medlint.checks.dose_products import with_lead_frequencies, with_named_products
from medlint import policy
from medlint.prefilter import LazyPattern
from medlint.findings import Hit
from medlint.records.model import FaqEntry, Item
from medlint.registry import check

DRUGS = "Mainstream Drug Therapies\n-\n"


# ---------------------------------------------------------------------------
# shared helpers (also used by the units and notation checks)


class TextMemo:
    """A pure function of a text, worked out once per distinct text.

    Nothing is dropped while one article is checked, so a list of 10,000 items is
    parsed once per distinct text whatever the number of checks that read it. When the
    next article begins, only the texts the last article used are carried over (an
    article re-checked after an edit, as the language server does, reuses every text
    but the edited one; text repeated across a corpus, such as a disclaimer, stays), so
    memory holds at most two articles' texts however many articles or edits go by.

    A memo asked only by checks that never walk :func:`text_fields` (a run that selects
    only the disclaimer or claims checks) is never told that an article began: past
    ``limit`` texts it starts a new generation as if one had (the last one is still read),
    so memory stays bounded there too; an article of fewer distinct texts loses nothing."""

    limit = 20_000

    def __init__(self, func) -> None:
        self.func = func
        self.memo: dict[str, object] = {}      # the texts of the article being checked
        self.previous: dict[str, object] = {}  # those of the article before it
        self.article = None  # a weak reference to the article being checked

    def begin(self, article) -> None:
        if self.article is None or self.article() is not article:
            self.previous, self.memo = self.memo, {}
            self.article = weakref.ref(article)

    def __call__(self, text: str):
        found = self.memo.get(text, _NONE)
        if found is _NONE:
            found = self.previous.get(text, _NONE)
            if found is _NONE:
                found = self.func(text)
            if len(self.memo) >= self.limit:
                self.previous, self.memo = self.memo, {}
            self.memo[text] = found
        return found


_NONE = object()
_MEMOS: list[TextMemo] = []


def text_memo(func) -> TextMemo:
    """``func`` memoised per text (a decorator); every such memo follows the article being checked."""
    memo = TextMemo(func)
    _MEMOS.append(memo)
    return memo


@text_memo
def _answers(text: str) -> dict:
    """The answers :func:`per_text` has worked out about ``text``."""
    return {}


def per_text(func, text: str, *args):
    """``func(text, *args)``, worked out once per text, ``func`` and ``args`` while the article
    is checked and carried over to the next as :class:`TextMemo` carries its texts (``func``
    must be a pure function of its arguments; ``args`` hashable, such as a family's compiled
    tables: they stand for the data they were built from)."""
    answers = _answers.memo.get(text)  # the article's own texts read directly: ~6,000 calls a warm edit
    if answers is None:
        answers = _answers(text)
    key = (func, *args)
    found = answers.get(key, _NONE)
    if found is _NONE:
        found = answers[key] = func(text, *args)
    return found


def said_in_lines(lines, wordings) -> frozenset:
    """The patterns of ``wordings`` (a :class:`medlint.prefilter.PatternSet`) that some line
    matches; each line is asked once (:func:`per_text`), so a page checked again after an
    edit asks only its changed lines."""
    said: set = set()
    for line in lines:
        said |= per_text(_matching, line, wordings)
    return frozenset(said)


def matching_in(text: str, wordings) -> frozenset:
    """The patterns of ``wordings`` (a :class:`medlint.prefilter.PatternSet`) that find
    something in ``text``, worked out once per text (:func:`per_text`): a list of patterns
    asked of every text of the page costs an edit only its changed texts."""
    return per_text(_matching, text, wordings)


def _matching(text: str, wordings) -> frozenset:
    return wordings.matching(text)


def searched(pattern, text: str) -> bool:
    """Whether ``pattern`` (a compiled pattern, or anything with a ``search`` method such as a
    family's cue list) finds something in ``text``: asked once per text (:func:`per_text`)."""
    return per_text(_search, text, pattern)


def _search(text: str, pattern) -> bool:
    return bool(pattern.search(text))


def text_fields(article) -> tuple:
    """(record, field name, field text) for every running-text field of the article (listed
    once per article: some twenty checks walk them, each edit in the language server)."""
    for memo in _MEMOS:
        memo.begin(article)
    return article.once(_text_fields)


def _text_fields(article) -> tuple:
    out = []
    for record in article.texts():
        if isinstance(record, FaqEntry):
            out.append((record, "question", record.question))
            out.append((record, "answer", record.answer))
        else:
            out.append((record, "text", record.text or ""))
    return tuple(out)


@text_memo
def doses_in(text: str) -> tuple:
    """Parsed doses of one text (cached: the parser is a pure function of the text)."""
    if not may_hold_dose(text):
        return ()
    return tuple(parse_doses(text))


def all_doses(article) -> tuple:
    """(record, field, dose) for every dose in the article, in reading order (gathered once
    per article: a dozen checks read them)."""
    return article.once(_all_doses)


def _all_doses(article) -> tuple:
    return tuple((record, name, dose) for record, name, text in text_fields(article) for dose in doses_in(text))


def doses_near(article, data) -> tuple:
    """:func:`all_doses`, each dose with the most a day its neighbouring lines state in a text of
    their own (:mod:`medlint.checks.dose_context`): what DOS001-DOS003 judge."""
    return article.once(_doses_near, data)


def _doses_near(article, data) -> tuple:
    def named(text: str) -> frozenset:
        return frozenset(entry["name"] for _, entry in _ceilings_named(text.lower(), data))

    def name_of(record, field: str, dose):
        c = ceiling_in_context(dose, record, field, data)
        return c["name"] if c is not None else None

    words = wordings(data)
    triples = with_named_products(all_doses(article), text_fields(article), lambda text: _unit_products(text, data),
                                  words.defined_products, words.product_units)
    triples = with_lead_frequencies(triples, _lead_frequency)
    return with_nearby_limits(text_fields(article), triples, doses_in, named, name_of)


def _lead_frequency(record):
    """The one frequency of the lead-in a list line opens under ("Every evening, about an hour
    before bed:", "And in the morning, with breakfast:"): a paragraph right before the list,
    ending with a colon, with no amount of its own; None otherwise."""
    if not isinstance(record, Item):
        return None
    block, i = _block_of(record)
    section = getattr(record, "section", None)
    if block is None or block.type != "list" or i < 1:
        return None
    lead = section.blocks[i - 1]
    text = (lead.text or "") if lead.type == "paragraph" else ""
    if not text.rstrip().endswith(":") or not _gives_no_amount(text):
        return None
    return per_text(_one_frequency, text)


def _one_frequency(text: str):
    reading = Reading(text)
    reading.scan()
    found = [m.obj for m in reading.mods if m.cat == "freq"]
    if not found or len({(f.kind, f.administrations_per_day) for f in found}) > 1:
        return None  # none, or two schedules ("in the morning and every 6 hours")
    return found[0]  # "Every evening, about an hour before bed": one time of day said twice


def _unit_products(text: str, data) -> list:
    """(entry, strength, as written) of what one unit of the product ``text`` names holds: each
    substance of a combination ("tramadol 37.5 mg / acetaminophen 325 mg"), else its one medicine."""
    return _combined_products_in(text, data) or _products_in(text, data, strengths=True)


def _hit(record, field, dose, message, suggestion, severity=None):
    return Hit(record, excerpt=dose.text, start=dose.span[0], field=field, message=message,
               suggestion=suggestion, severity=severity)


def _name_re(name: str) -> LazyPattern:
    """A medicine's name as a whole word, compiled only for a text that holds it."""
    return LazyPattern(rf"(?<![\w-]){re.escape(name.lower())}(?![\w-])")


def _ceiling_table(data) -> tuple[dict, list, dict]:
    """(data, [(entry, [name patterns])], {names: entry or None}): compiled once per data
    mapping (``ctx.data`` returns the same dict each call), by ``policy.derived``. A ceiling
    is found by its own names and by the brands checks/medicine-names.yaml gives the same
    substance ("Tylenol", "Panadol" for acetaminophen; "Nurofen", "Advil" for ibuprofen)."""
    return policy.derived(_build_ceiling_table, data, policy.load("medicine-names"))


def _build_ceiling_table(data, medicine_names) -> tuple[dict, list, dict]:
    same = _same_substance(medicine_names)
    table = []
    for entry in data["ceilings"]:
        own = [entry["name"], *entry.get("synonyms", [])]
        mine = {n.lower() for n in own}
        others = sorted({n for name in mine for n in same.get(name, ())} - mine)
        table.append((entry, [_name_re(n) for n in own + others]))
    return data, table, {}


def _same_substance(medicine_names) -> dict[str, tuple[str, ...]]:
    """lower-case name -> the substance's name and its brands (the international and US
    names a ceiling lists itself, with the strength or salt its source is for)."""
    out: dict[str, tuple[str, ...]] = {}
    for group in medicine_names["medicines"]:
        brands = [x["name"] for x in group["names"] if x["kind"] == "brand"]
        group_names = tuple(n.lower() for n in [group["substance"], *brands])
        for name in group_names:
            out[name] = group_names
    return out


def ceiling_for(dose, data) -> dict | None:
    """The sourced ceiling entry for a dose's substance (or None)."""
    names = " ".join(x for x in (dose.substance_key, dose.substance.raw.lower() if dose.substance else None) if x)
    if not names:
        return None
    _, table, memo = _ceiling_table(data)
    if names in memo:
        return memo[names]
    found = None
    for entry, patterns in table:
        if any(p.search(names) for p in patterns):
            found = entry
            break
    memo[names] = found
    return found


class Wordings:
    """The wordings of checks/dosing.yaml that DOS001 and DOS002 read, compiled once per data
    mapping (``policy.derived``)."""

    def __init__(self, data) -> None:
        def one(patterns):
            return policy.any_of(patterns, re.I) if patterns else re.compile(r"(?!)")
        self.at_will = [[_name_re(n) for n in [e["name"], *e.get("synonyms", [])]] for e in data["at_will_medicines"]]
        self.self_care = [(e, [_name_re(n) for n in [e["name"], *e.get("synonyms", [])]]) for e in data["self_care_courses"]]
        self.open_course = one(data["open_course_wordings"])
        self.continuation = one(data["continuation_wordings"])
        self.beyond_count = one(data["beyond_count"])
        self.occasion = one(data["occasion_wordings"])
        self.titration_target = one(data["titration_targets"])
        self.dose_noun = one(data["dose_nouns"])
        self.not_dose_headings = one([h["pattern"] for h in data["not_dose_headings"]])
        self.reference_notes = one(data.get("reference_intake_notes", ()))
        self.procedure = one(data["procedure_wordings"])
        self.description = one(data["description_wordings"])
        self.repeat = one(data["repeat_wordings"])
        self.chart_timing = one(data["chart_timings"])
        self.counted_repeat = one(data["counted_repeat"])
        self.following = one(data["following_frequency"])
        self.device_forms = set(data["device_forms"])
        self.rescue = one(data["rescue_wordings"])
        self.single_step = one(data["single_step_wordings"])
        self.day_step = one(data.get("day_step_labels", ()))
        self.event = one(data["event_timings"])
        self.aside = one(data["aside_wordings"])
        self.product_count = one(data["product_counts"])
        self.fill_in = one(data["fill_in_blanks"])
        self.contents_lead = one(data["contents_leads"])
        self.contents_header = one(data["contents_headers"])
        self.food = one(data["food_and_drink"])
        self.reported = one(data["reported_wordings"])
        self.harm = one(data["harm_wordings"]["says"])
        self.harm_instruction = one(data["harm_wordings"]["instructions"])
        self.courses = [policy.compile_pattern(p, re.I, [p]) for p in data["course_wordings"]]
        self.instruction = one(data["instruction_wordings"])
        self.dose_context = one(data["dose_context_wordings"])
        self.comparison = one(data["comparison_wordings"])
        self.single_dose_lead = one(data["single_dose_leads"])
        self.schedule_heading = one(data["schedule_headings"])
        self.age_band = policy.compile_pattern(data["age_band"], re.I, [data["age_band"]])
        self.band_line = one(data["band_lines"])
        self.extra_dose = policy.compile_pattern(data["extra_doses"], re.I, [data["extra_doses"]])
        self.extra_on_top = [policy.compile_pattern(p, re.I, [p]) for p in data["extra_on_top"]]
        self.limit_not_daily = one(data["stated_limit_not_daily"])
        self.limit_not_schedules = one(data["stated_limit_not_the_schedules"])
        self.limit_groups = [policy.compile_pattern(p, re.I, [p]) for p in data["stated_limit_groups"]]
        self.open_amount = policy.compile_pattern(data["open_amount_leads"], re.I, [data["open_amount_leads"]])
        self.limit_strengths = policy.compile_pattern(data["stated_limit_strengths"], re.I, [data["stated_limit_strengths"]])
        self.chart_pointer = one(data["chart_pointers"])
        self.clinician_check = one(data["clinician_checks"])
        self.own_use = one(data["own_use_wordings"])
        self.bare_lead = policy.compile_pattern(data["bare_leads"], re.I, [data["bare_leads"]])
        self.refusal = one(data["double_up"]["refusals"])
        self.replacement = one(data["replacement_wordings"])
        self.restated_interval = policy.compile_pattern(data["restated_intervals"], re.I,
                                                        [data["restated_intervals"]])
        self.section_limits = [policy.compile_pattern(p, re.I, [p]) for p in data["section_daily_limits"]]
        self.note_interval = one(data["note_intervals"])
        self.limit = one(data["limit_wordings"])
        self.otc = one(data["otc_wordings"])
        self.permitted_limit = one(data.get("permitted_limit_leads", ()))
        self.defined_products = policy.compile_pattern(data["defined_products"], 0, [data["defined_products"]])
        self.prescribed = one(data["prescribed_wordings"])
        self.deferred = one(data["deferred_directions"])
        self.threshold = one(data["threshold_leads"])
        self.threshold_trail = one(data.get("threshold_trails", ()))
        self.strength_lead = one(data.get("strength_leads", ()))
        self.course_total = one(data.get("course_totals", ()))
        self.call_limit = one(data.get("call_limits", ()))
        self.concurrent = one(data["concurrent_wordings"])
        self.volume_mass = policy.compile_pattern(data["volume_mass"], re.I, [data["volume_mass"]])
        self.bracketed_strength = policy.compile_pattern(data["bracketed_strength"], re.I, [data["bracketed_strength"]])
        self.child = one(data["child_wordings"])
        self.product_units = frozenset(data["product_units"])
        self.serving_size = policy.compile_pattern(data["serving_size"], re.I, [data["serving_size"]])
        self.per_serving = one(data["per_serving_wordings"])
        self.otc_strengths = {(e["name"], e["strength"]) for e in data["otc_strengths"]}
        self.data = data  # the mapping these were built from (per_text answers keyed by this object)
        self.fluid_amount = [policy.compile_pattern(p, re.I, [p]) for p in data["fluid_amounts"]]
        self.food_after = one(data["food_amounts"]["after"])
        self.food_before = one(data["food_amounts"]["before"])
        self.food_between = one(data["food_amounts"]["between"])
        self.unit_strength = [policy.compile_pattern(p, re.I, [p]) for p in data["unit_strength_wordings"]]
        self.composition = [policy.compile_pattern(p, re.I, [p]) for p in data["composition_wordings"]]
        self.fluid_replacements = [_name_re(n) for e in data["fluid_replacements"]
                                   for n in [e["name"], *e.get("synonyms", [])]]

    def taken_at_will(self, names: str) -> bool:
        return any(p.search(names) for patterns in self.at_will for p in patterns)

    def fluid(self, record, field: str, dose) -> bool:
        """Is the amount water or another drink ("200 ml of safe drinking water"), or a dose of a
        fluid replacement its sentence names, drunk as much as needed (``fluid_replacements``: oral
        rehydration salts; a heading's name does not make loperamide under it one)?"""
        if dose.amount is not None:
            text = getattr(record, field, "") or ""
            end = dose.amount.span[1]
            if any(p.match(text[end:end + 80]) for p in self.fluid_amount):
                return True
        names = f"{_sentence_before(record, field, dose)} {dose.text}".lower()  # its own sentence, not a heading
        return any(p.search(names) for p in self.fluid_replacements)


    def food_or_fuel(self, record, field: str, dose) -> bool:
        """Is the amount a food or fuel, not a medicine (``food_amounts``): named right after it
        ("15 g of glucose", "500 mg of sodium"), or before it in its sentence when the amount counts
        no medicine form and the sentence names no medicine with a ceiling ("caffeine, about 3
        milligrams per kilogram an hour before the start")?"""
        if dose.amount is None or dose.form is not None:
            return False
        text = getattr(record, field, "") or ""
        a, b = dose.amount.span
        if self.food_after.match(text[b:b + 60]):
            return True
        start, end = sentence_span(text, a)
        named = [m.end() for m in self.food_before.finditer(text, start, a)]
        if not named or self.food_between.search(text, named[-1], a):
            return False  # "Check your glucose, then take morphine 10 mg": the medicine's amount
        return not _ceilings_named(text[start:end].lower(), self.data)


def wordings(data) -> Wordings:
    return policy.derived(Wordings, data)


def _names_of(dose, record, field: str) -> str:
    """The words that may name a dose's medicine: its own, else those before it in its
    sentence and its section's heading."""
    own = " ".join(x for x in (dose.substance_key, dose.substance.raw if dose.substance else None) if x)
    if own:
        return own.lower()
    section = getattr(record, "section", None)
    heading = (section.heading or "") if section is not None else ""
    return f"{_sentence_before(record, field, dose)} {heading}".lower()


_LEAD_WINDOW = 160  # a dose's medicine is named just before it


def _sentence_before(record, field: str, dose) -> str:
    """The words of a dose's sentence (or clause) just before it."""
    text = getattr(record, field, "") or ""
    start, _ = sentence_span(text, dose.span[0])
    return text[max(start, dose.span[0] - _LEAD_WINDOW):dose.span[0]]


def ceiling_in_context(dose, record, field: str, data) -> dict | None:
    """The sourced ceiling of a dose's medicine: the one it names, else (when it names none)
    the medicine named before it in its sentence, by the question an FAQ answer answers or by
    its section's heading ("Paracetamol (Calpol Infant)" over "You can give 5 ml every 4 hours"). Of
    a question or heading that names several, the one the paragraph before the dose names
    (:func:`_named_in_lead`), else the first, is the dose's: "Can I take tramadol while I'm on
    sertraline?" asks about tramadol."""
    found = ceiling_for(dose, data)
    if found is None:
        found = _last_named(_named_after_amount(dose), data)  # "1 g of paracetamol every 4 hours"
    if found is None and _labelled_use(dose, record, field, data):
        # a dose's label names it after itself ("Dosage for adults: Paracetamol 500 mg: 1-2 tablets");
        # a use's label does not ("Epilepsy: Initially, 300 mg PO tid" on the gabapentin page)
        after = _last_named(_sentence_before(record, field, dose).lower(), data) if names_a_dose(dose, data) else None
        return after or _named_by_title(record, data)
    if found is None and dose.substance is not None:
        found = _named_between(dose, record, field, data)  # "vitamin K2 100 mcg and magnesium glycinate 500 mg"
    if found is not None or dose.substance is not None and not names_a_dose(dose, data):
        return found
    text = _sentence_before(record, field, dose).lower()
    section = getattr(record, "section", None)
    heading = (section.heading or "").lower() if section is not None else ""
    asked = (getattr(record, "question", "") or "").lower() if field == "answer" else ""  # an answer's heading
    found = _last_named(text, data) or _named_just_before(dose, record, field, data)
    if found is not None:  # the medicine named last before the dose in its sentence, else in the one before
        return found
    for source in (asked, heading):
        hits = _ceilings_named(source, data)
        if len({e["name"] for _, e in hits}) > 1:  # "Can I take tramadol while I'm on sertraline?"
            return _named_in_lead(record, field, dose, data) or min(hits, key=lambda h: h[0])[1]
        if hits:
            return hits[0][1]
    found = _named_in_lead(record, field, dose, data)
    if found is None and not _named_after_amount(dose):  # "1,000 mg of calcium a day" names its own
        found = _named_by_title(record, data) or _asked_by_title(dose, record, field, data) \
            or _combined_by_title(record, data)
    return found


def _named_just_before(dose, record, field: str, data) -> dict | None:
    """The one ceiling medicine the sentence right before a dose's names, in the dose's own text
    ("Nurofen is on every supermarket shelf. If the ache keeps you awake you can have 600 mg every
    6 hours"): a text goes on about what it just named. None when that sentence names several or
    names a route or form (a gel's grams are not the tablets' ceiling)."""
    text = getattr(record, field, "") or ""
    start, _ = sentence_span(text, dose.span[0])
    if start <= 0:
        return None
    before = text[sentence_span(text, start - 1)[0]:start].lower()
    if any(rx.search(before) for _, rx in _ROUTES):
        return None  # "Diclofenac 1% gel can be applied ...": the route is that sentence's, not read here
    hits = _ceilings_named(before, data)
    return hits[0][1] if len({e["name"] for _, e in hits}) == 1 else None


def _combined_by_title(record, data) -> dict | None:
    """The one ceiling medicine of a combination product the page's title names with its
    strengths ("Relaxgesic Tablets (Paracetamol 450 mg / Orphenadrine Citrate 35 mg)"), whose
    tablets a dose that names nothing counts, as DOS003 counts them (:func:`_combined_products_in`);
    of several ("Paracetamol 500 mg / Caffeine 65 mg"), the first the title names."""
    article = getattr(getattr(record, "section", None), "article", None)
    title = getattr(article, "title", None) or ""
    found = _combined_products_in(title, data) if title else []
    return found[0][0] if found else None


def _asked_by_title(dose, record, field: str, data) -> dict | None:
    """The one ceiling medicine a question title names ("Should Runners Take Ibuprofen? A Sports
    Medicine Doctor Explains"), for a dose whose clause names nothing before its amount ("here's how
    I'd do it: 400 milligrams before the start", "Just take one 60,000 IU sachet daily": the words
    before it are ``bare_leads``): a thread or a talk doses what it asks about. None for a title that
    asks nothing or names several things, for a dose led by another name ("Many doctors add
    calcium carbonate 500 mg twice daily") and for one whose text named a medicine before it."""
    section = getattr(record, "section", None)
    article = getattr(section, "article", None)
    title = (getattr(article, "title", None) or "") if article is not None else ""
    if "?" not in title or dose.substance is not None:
        return None
    text = getattr(record, field, "") or ""
    a = (dose.amount or dose).span[0]
    start, _ = sentence_span(text, a)
    if not wordings(data).bare_lead.search(text[max(start, a - _LEAD_WINDOW):a]) or _named_all(text[:a].lower(), data):
        return None  # "For the daytime, ibuprofen works well ... The usual adult dose is 400 mg": its text named it
    named = {entry["name"]: entry for entry in _named_all(title.lower(), data)}
    return next(iter(named.values())) if len(named) == 1 else None


def _named_between(dose, record, field: str, data) -> dict | None:
    """The ceiling medicine named last between a dose's own medicine and its amount, in its text:
    the amount's, when a list of two runs on ("vitamin K2 MK-7 100 mcg and magnesium glycinate 500 mg
    daily" reads the 500 mg as the vitamin's; magnesium glycinate is named right before it)."""
    if dose.amount is None:
        return None
    text = getattr(record, field, "") or ""
    b, a = dose.substance.span[1], dose.amount.span[0]
    if not 0 <= b < a or a - b > _LEAD_WINDOW or text[b:a].count(".") or _named_all(dose.substance.raw.lower(), data):
        return None
    hits = _ceilings_named(text[b:a].lower(), data)
    return max(hits, key=lambda h: h[0])[1] if hits else None


def _labelled_use(dose, record, field: str, data) -> bool:
    """Is the dose's "medicine" a label before a colon that names no medicine with a ceiling
    ("Epilepsy: Initially, 300 mg PO tid", "Postherpetic neuralgia: Day 1, 300 mg PO"), or the
    first cell of a table row ("| Ankylosing spondylitis | 500 mg three to four times daily |")?
    A drug guide heads each use's doses so; the medicine is the page's."""
    sub = dose.substance
    if sub is None or _named_all(sub.raw.lower(), data):
        return False
    text = getattr(record, field, "") or ""
    return text[sub.span[1]:sub.span[1] + 2].lstrip()[:1] in (":", "|")  # "| Ankylosing spondylitis | 500 mg"


def _named_by_title(record, data) -> dict | None:
    """The ceiling medicine a page is about, for a dose that names none and has none named before
    it: the one its title opens with ("Pregabalin", "Ibuprofen 200 mg tablets", "Alendronate weekly
    - oral"), else the one the short first line of its untitled opening opens with ("ketorolac (Rx)"
    over a drug reference's doses): a drug reference or a medicine's leaflet gives its doses under
    headings such as "Oral" or "Adult" that do not repeat the name. A title naming more than one
    thing ("Gout: allopurinol and colchicine", "Do I need vitamin D and calcium tablets?") names
    no one medicine, and neither does one that does not open with it."""
    section = getattr(record, "section", None)
    article = getattr(section, "article", None)
    return article.once(_page_subject, data) if article is not None else None


_SEVERAL = re.compile(r"\b(?:and|or|vs|versus|with|plus|compared)\b|[&,+/]", re.I)
_HEAD_WORDS = 8  # the opening line that names the page's medicine is short


_OPENING_LINES = 3  # the paragraphs of an untitled opening read for the page's medicine


def subject_lines(article) -> list[str]:
    """The lines that may name the one medicine a page is about: its title, the first short
    paragraphs of its untitled opening (a drug guide's "gabapentin" under the site's search box)
    and the heading of its first headed section (a formulary's "IBUPROFEN" under the site's
    banner)."""
    lines = [article.title or ""] + _subtitles(article)
    sections = article.sections
    first = sections[0] if sections else None
    if first is not None and not first.heading:
        lines += [b.text or "" for b in first.blocks[:_OPENING_LINES] if b.type == "paragraph"]
    headed = next((s for s in sections[:2] if s.heading), None)
    if headed is not None:
        lines.append(headed.heading)
    return lines


def _subtitles(article) -> list[str]:
    """The header lines the importer read as the title's subtitle: a leaflet's generic name and
    strengths under its brand ("NAPROSAN TABLETS" over "naproxen 250 mg and 500 mg tablets")."""
    header = (getattr(article, "meta", None) or {}).get("header")
    return [line["text"] for line in header if isinstance(line, dict) and line.get("role") == "subtitle"
            and isinstance(line.get("text"), str)] if isinstance(header, list) else []


# "250 mg and 500 mg", "30/500", "5, 10 or 20 mg": the strengths of one medicine joined, not two medicines
_STRENGTH_LIST = re.compile(r"(?<=\d)(?:[ ]?[A-Za-zµ]{1,12})?[ ]{0,2}(?:and|or|,|/|&)[ ]{0,2}(?=\d)", re.I)


def _without_title_lead(line: str, data) -> str:
    """The title without the task its sub-page opens with ("How and when to take naproxen"
    gives "naproxen"; ``subject_title_leads``)."""
    lower = line.lower()
    for lead in data.get("subject_title_leads", ()):
        if lower.startswith(lead + " "):
            return line[len(lead) + 1:]
    return line


def _page_subject(article, data) -> dict | None:
    for line in subject_lines(article):
        line = _without_title_lead(line.strip(), data)
        if not line or len(line.split()) > _HEAD_WORDS or _SEVERAL.search(_STRENGTH_LIST.sub(" ", line)):
            continue
        _, table, _ = _ceiling_table(data)
        lower = line.lower()
        hits = [(m.start(), entry["name"], entry) for entry, patterns in table for p in patterns
                for m in [p.search(lower)] if m]
        if hits and min(hits, key=lambda h: h[0])[0] == 0 and len({h[1] for h in hits}) == 1:
            return hits[0][2]
    return None


_OF_NAME = re.compile(r"^[ ]{0,2}(?:(?:tablets?|capsules?|caplets?)[ ]+)?of[ ]+(?:the[ ]+)?[\w-]{2,40}"
                      r"(?:[ ][A-Za-z]\d{0,2}(?![\w-]))?", re.I)  # "of vitamin D", "of vitamin B12"


def _named_after_amount(dose) -> str:
    """The medicine a dose names right after its amount ("1 g of paracetamol every 4 hours", "a 500
    mg tablet of paracetamol"), lower case, else ""."""
    if dose.amount is None:
        return ""
    rest = dose.text[dose.amount.span[1] - dose.span[0]:]
    if dose.form is not None:
        rest = dose.text[max(dose.amount.span[1], dose.form.span[1]) - dose.span[0]:]
    m = _OF_NAME.match(rest)
    return m.group(0).lower() if m else ""


_LEAD_BLOCKS = 2  # "Use ONLY paracetamol for the fever." over "Adults: 500 mg to 1 g every 6 hours."


def _named_in_lead(record, field: str, dose, data) -> dict | None:
    """The ceiling medicine of the paragraph just before a text that names none before its dose
    ("Use ONLY acetaminophen (paracetamol) for the fever and the pain." over "Adults: 500 mg to
    1 g every 6 hours"), when that paragraph names one ceiling medicine and the text opens with
    the dose or a population ("Adults:")."""
    section = getattr(record, "section", None)
    if section is None or field != "text" or getattr(record, "type", None) != "paragraph":
        return None
    text = getattr(record, field, "") or ""
    start = _first_position(dose)
    if _last_named(text[:start].lower(), data) is not None or not _POPULATION_OPENING.match(text[:start]):
        return None
    blocks = section.blocks
    i = next((k for k, b in enumerate(blocks) if b is record), 0)
    for lead in reversed(blocks[max(0, i - _LEAD_BLOCKS):i]):
        if lead.type != "paragraph":
            return None
        names = {e["name"] for e in _named_all(lead.text.lower(), data)}
        if len(names) == 1:
            return _last_named(lead.text.lower(), data)
        if names:
            return None
    return None


def _first_position(dose) -> int:
    """Where a dose starts in its text; a dose repeated on a new interval ("..., you can take it
    every 4 hours") starts at the amount it repeats, written before it."""
    if dose.amount is not None and dose.amount.span[0] < dose.span[0]:
        return dose.amount.span[0]
    return dose.span[0]


_POPULATION_OPENING = re.compile(r"\W{0,3}(?:(?:adults?|children|teenagers|older[ ]+people)(?:[ ]+(?:and|or)[ ]+[\w ]{1,30})?[ ]{0,2}[:,-][ ]{0,2})?$", re.I)


def _named_all(text: str, data) -> list:
    _, table, _ = _ceiling_table(data)
    return [entry for entry, patterns in table if any(p.search(text) for p in patterns)]


def names_a_dose(dose, data) -> bool:
    """Does the dose's clause opening name a dose rather than a medicine ("One common regimen
    is 50,000 IU daily", "The usual adult dose is 400 mg": ``dose_nouns``)?"""
    raw = dose.substance.raw if dose.substance is not None else ""
    return bool(raw) and bool(wordings(data).dose_noun.search(raw))


def _last_named(text: str, data) -> dict | None:
    """The ceiling entry of the medicine named last in ``text`` (lower case), else None."""
    hits = _ceilings_named(text, data)
    return max(hits, key=lambda h: h[0])[1] if hits else None


def _ceilings_named(text: str, data) -> list:
    """(start, entry) of each ceiling medicine whose name ``text`` holds, worked out once per text."""
    return per_text(_names_in, text, policy.derived(_Names, _ceiling_table(data)[1]))


class _Names:
    """The ceiling table's name patterns, as a key of :func:`per_text` (a list is not one)."""

    def __init__(self, table: list) -> None:
        self.table = table


def _names_in(text: str, names: _Names) -> list:
    return [(m.start(), entry) for entry, patterns in names.table for p in patterns for m in [p.search(text)] if m]


_ROUTE_REACH = 3  # characters between a medicine's name and the form word that gives its route ("Diclofenac gel")


def _route_in_context(record, field: str, dose, data) -> str:
    """The dose's route: its own, else the one of the form named right after the medicine it was
    read with ("Diclofenac gel (Voltaren 1%) puts the medicine where it hurts. Use the dosing
    card: 4 g on each painful knee": topical), else the default."""
    sub = dose.substance
    if dose.route is None and sub is not None:
        after = (getattr(record, field, "") or "")[sub.span[1]:sub.span[1] + 24]
        for name, rx in _ROUTES:
            m = rx.search(after)
            if m is not None and m.start() <= _ROUTE_REACH:
                return _equivalent_route(name, data)
    return _route_of(dose, data)


def _route_of(dose, data) -> str:
    return _equivalent_route(dose.route.name if dose.route is not None else data["default_route"], data)


def _equivalent_route(name: str, data) -> str:
    for eq in data["route_equivalents"]:
        if name in eq["also"]:
            return eq["route"]
    return name


@lru_cache(maxsize=256)
def _per_day(text: str):
    reg = _units.get_registry()
    value, unit = text.split(" ", 1)
    return _units.quantity(float(value), unit) / reg.Quantity(1, "day")


def _days(text: str) -> float:
    value, unit = text.split(" ", 1)
    unit = unit.rstrip("s")
    return float(value) * {"day": 1, "week": 7, "month": 30, "year": 365}[unit]


def _same_dim(a, b) -> bool:
    try:
        return a.dimensionality == b.dimensionality
    except Exception:  # pragma: no cover - defensive
        return False


# ---------------------------------------------------------------------------
# suggestions safe to follow: never the defect again, never a limit below one dose

_TRAILING_ZERO = re.compile(r"(?<![\d.])(\d{1,9})\.0{1,9}(?![\d.])")
_NAKED_DECIMAL = re.compile(r"(?<![\d.])\.(\d)")
_MICRO = re.compile(r"(?<![A-Za-z])[µμu]g(?![A-Za-z])")


def safe_text(text: str) -> str:
    """A dose's words as a suggestion may repeat them: no trailing zero ("5.0 mg" -> "5 mg"),
    no naked decimal (".5 mg" -> "0.5 mg"), no "µg" (read as mg) -> "mcg"."""
    text = _TRAILING_ZERO.sub(r"\1", text)
    text = _NAKED_DECIMAL.sub(r"0.\1", text)
    return _MICRO.sub("mcg", text)


def _one_dose_above(dose, limit_text: str) -> bool:
    """Is a single dose already more than the daily limit ``limit_text`` ("4000 mg")?"""
    q = dose.amount.quantity("upper") if dose.amount is not None else None
    if q is None or dose.weight_based or dose.strength is not None:
        return False
    cap = _units.quantity(*_split(limit_text))
    return _same_dim(q, cap) and q.to(cap.units).magnitude > cap.magnitude * (1 + 1e-9)


def _maximum_suggestion(dose, c) -> str:
    """What DOS001 suggests: the sourced ceiling after the dose (the over-the-counter one where
    the source gives it and one dose is within it: "1200 mg", not the prescriber's "3200 mg", for
    a reader who doses themselves); a lower dose when one dose is already above that ceiling; in
    words, when no ceiling is known."""
    text = safe_text(dose.text)
    q = dose.amount.quantity("upper") if dose.amount is not None else None
    if getattr(dose, "per_weight", None) is not None:
        q = None  # "15 mg/kg every 4 to 6 hours": a child's dose, never given an adult's daily total
    if c and c.get("per_day") and q is not None and _same_dim(q, _units.quantity(*_split(c["per_day"]))):
        if _one_dose_above(dose, c["per_day"]):
            return (f"One dose of \"{text}\" is already more than {c['name']}'s daily maximum of "
                    f"{c['per_day']} ({c['source']}): lower the dose, then state the maximum per 24 hours.")
        otc = c.get("otc_per_day")
        if otc and not _one_dose_above(dose, otc):  # a reader dosing themselves: the label they buy
            return (f"Add the maximum from the product label, e.g. \"{text}; no more than {otc} in 24 hours\" "
                    f"(the over-the-counter limit; a prescriber may allow up to {c['per_day']}).")
        return f"Add the maximum from the product label, e.g. \"{text}; no more than {c['per_day']} in 24 hours\"."
    if c:  # a liquid's mL, a count or a per-kg dose against a ceiling in mg: the label's own limit
        return (f"Add the most doses in 24 hours from the product label after \"{text}\" ({c['name']}: "
                f"{c['source']}).")
    return (f"Add the maximum per 24 hours (or the longest course) from the product label after \"{text}\"; "
            "medlint knows no sourced ceiling for this medicine.")


# ---------------------------------------------------------------------------
# DOS001


def _open_ended(dose) -> str | None:
    """Why a dose is open-ended (as needed, interval, titrating), or None."""
    if dose.as_needed is not None:
        return f"as needed (\"{dose.as_needed.raw}\")"
    if dose.directions is not None:
        return f"left to directions given elsewhere (\"{dose.directions.raw}\")"
    last_step = dose.steps[-1] if dose.titration else None
    if last_step is not None and last_step.as_needed is not None and not _rises(dose.steps) \
            and (last_step.frequency is None or last_step.frequency.kind != "interval"):
        # "4 mg at first, followed by 2 mg after each loose stool": a first (loading) dose, then doses as needed
        return f"a first dose, then as needed (\"{last_step.as_needed.raw}\")"
    if dose.titration and _titration_open(dose) or not dose.titration and dose.titration_marker is not None:
        last = next((s.frequency for s in reversed(dose.steps) if s.frequency is not None), None)
        stepped_by = any(_is_increment(s) for s in dose.titration)
        if dose.titration and not stepped_by and not _rises(dose.steps):
            if last is not None and last.kind == "interval":
                return f"repeated on an interval (\"{last.raw}\")"  # "20 mg once, then 10 mg q4-6hr PRN"
            if _high_phase_without_end(dose.steps):
                return "stepped down with no end to the higher phase"  # "10 mg twice daily, then 5 mg twice daily"
        return "titrating (increased step by step)"
    interval = _repeat_interval(dose)
    if interval is not None and dose.titration:
        return f"repeated on an interval (\"{interval.raw}\")"  # "20 mg once, then 10 mg q4-6hr PRN"
    if interval is not None:
        return f"interval-based (\"{interval.raw}\")"
    return None


def _rises(steps) -> bool:
    """Does any step give more than the one before it (in one unit)?"""
    qs = [s.amount.quantity("upper") if s.amount is not None else None for s in steps]
    return any(a is not None and b is not None and _same_dim(a, b) and b.to(a.units).magnitude > a.magnitude * (1 + 1e-9)
               for a, b in zip(qs, qs[1:]))


def _is_increment(step) -> bool:
    """Is the step the size of a change ("increase by 25 mg"), not a target (checks/dose-lexicon.yaml
    ``step_size_words``)?"""
    m = step.titration_marker
    return m is not None and _dose_lexicon().step_size(m.raw)


def _titration_open(dose) -> bool:
    """A titration is open unless its last step is a fixed amount on a schedule (its own or
    the step's before): "300 mg at night ⇧ 600 mg TID" stops at 1,800 mg a day, and so does
    a change by steps that names its target ("increased by 500 mg each week to 1 g twice a
    day"); "then increase further as needed" and "increasing by 300 mg every few days" do not
    stop. A last step on an interval ("750 mg to start, then 250 mg every 8 hours") is judged
    as an interval (``_interval_caps``)."""
    last = dose.steps[-1]
    if last.amount is None or _is_increment(last):
        return True  # "increasing by 300 mg every few days": steps without an end
    freq = next((s.frequency for s in reversed(dose.steps) if s.frequency is not None), None)
    return freq is None or _high_phase_without_end(dose.steps)


def _high_phase_without_end(steps) -> bool:
    """A step higher than the one after it with no duration ("10 mg twice daily, then 5 mg
    twice daily"): the reader is not told when the loading phase stops."""
    steps = [s for s in steps if not _is_increment(s)]  # "increased by 500 mg each week": a change's size
    freq = None
    daily = []
    for s in steps:
        freq = s.frequency or freq
        q = s.amount.quantity("upper") if s.amount is not None else None
        n = freq.administrations_per_day if freq is not None else None
        daily.append(q * n if q is not None and n else None)
    for s, a, b in zip(steps, daily, daily[1:]):
        if a is not None and b is not None and _same_dim(a, b) and a.to(b.units).magnitude > b.magnitude * (1 + 1e-9):
            if s.duration is None and s.max_duration_days is None and not s.single:
                return True  # "2 tablets on day 1, then 1 daily": a single day ends by itself
    return False


def _interval_bounds(dose) -> bool:
    """An interval, regular or as needed, with no titration ("every 8 hours", "q4-6h prn"):
    the most doses that fit into a day bound it."""
    f = dose.frequency
    return (not dose.titration and dose.titration_marker is None and f is not None and f.kind == "interval"
            and f.interval_hours is not None)


def _repeat_interval(dose):
    """The interval that repeats a dose: its own ("every 8 hours"), or its last phase's after
    a first dose or a change that ends ("750 mg to start, then 250 mg every 8 hours", "20 mg
    once, then 10 mg q4-6hr PRN"); None when no interval repeats it, or the steps go on
    rising ("increase by 25 mg every 6 hours")."""
    if dose.titration and _titration_open(dose):
        return None
    f = next((s.frequency for s in reversed(dose.steps) if s.frequency is not None), None)
    return f if f is not None and f.kind == "interval" and f.interval_hours is not None else None


def _taken_as_needed(dose) -> bool:
    return any(s.as_needed is not None for s in dose.steps)


def _interval_caps(record, field: str, dose, c, words) -> bool:
    """Does a dose's interval cap the day? The most doses that fit into a day bound it ("amoxicillin
    500 mg every 8 hours", "1 tab q6h prn"), unless it is of a medicine taken at will (a sourced
    ceiling, ``at_will_medicines``): the reader of "650 mg every 4 hours" must be told the most in
    24 hours. A written regimen of one, a first dose and then a regular interval ("750 mg to start,
    then 250 mg every 8 hours"), is a prescriber's course bounded by its interval; taken as needed
    ("500 mg to start, then 250 mg every 6 to 8 hours as needed") it is at will again."""
    if c is None and not _at_will_in_context(dose, record, field, words):
        return True  # "Suck one lozenge every two to three hours": the lozenge names it
    return c is not None and bool(dose.titration) and not _taken_as_needed(dose) and dose.amount is not None


def _at_will_in_context(dose, record, field: str, words) -> bool:
    """Is a dose's medicine one taken at will (``at_will_medicines``), named by the dose, before it
    in its sentence or by its heading; else, for a dose that names no medicine, by the medicine
    line right above its text ("Codeine phosphate 30 mg tablets" over "ONE or TWO tablets every
    four hours when required") or by the page's title ("Chlorphenamine Tablets" over "Take 1 tablet
    every 4 to 6 hours"), as :func:`ceiling_in_context` finds a ceiling medicine?"""
    if words.taken_at_will(f"{_names_of(dose, record, field)} {dose.text.lower()}"):
        return True
    if dose.substance is not None and not names_a_dose(dose, words.data):
        return False
    lead = _lead_paragraph(record, field, dose)
    if lead is not None and words.taken_at_will(lead.lower()):
        return True
    article = getattr(getattr(record, "section", None), "article", None)
    return article is not None and article.once(_at_will_subject, words)


def _lead_paragraph(record, field: str, dose) -> str | None:
    """The paragraph right above a paragraph that opens with its dose or a population ("Adults:"),
    else None: the medicine line of a chart or a leaflet over its directions."""
    section = getattr(record, "section", None)
    if section is None or field != "text" or getattr(record, "type", None) != "paragraph":
        return None
    text = getattr(record, field, "") or ""
    if not _POPULATION_OPENING.match(text[:_first_position(dose)]):
        return None
    blocks = section.blocks
    i = next((k for k, b in enumerate(blocks) if b is record), 0)
    return blocks[i - 1].text or "" if i > 0 and blocks[i - 1].type == "paragraph" else None


def _at_will_subject(article, words) -> bool:
    """Does a line that names the page's one medicine (:func:`subject_lines`) open with a medicine
    taken at will ("Chlorphenamine (Chlorpheniramine) Tablets")?"""
    for line in subject_lines(article):
        line = _without_title_lead(line.strip(), words.data)
        if not line or len(line.split()) > _HEAD_WORDS or _SEVERAL.search(_STRENGTH_LIST.sub(" ", line)):
            continue
        lower = line.lower()
        starts = [m.start() for patterns in words.at_will for p in patterns for m in [p.search(lower)] if m]
        if starts and min(starts) == 0:
            return True
    return False


_COUNTED = ("times_daily", "daily", "nightly", "weekly", "every_n_days")


def _counted_per_day(dose) -> bool:
    """Does the schedule say how many doses a day at most ("1 qds prn", "up to 3 times a day as
    needed", "at night when required")? The count is then the dose's maximum."""
    f = dose.frequency
    return f is not None and f.kind in _COUNTED and not dose.titration and dose.titration_marker is None


def _beyond_count(record, field: str, dose, words) -> bool:
    """Does the dose add doses beyond its count ("each night, and take another if you wake"), in
    its words or in the sentence after it whose as-needed wording the dose was read with ("...
    before bed. If you wake during the night, you can take another tablet each time you wake")?"""
    if words.beyond_count.search(dose.text):
        return True
    need = dose.as_needed
    if need is None or need.span[0] < dose.span[1]:
        return False
    text = getattr(record, field, "") or ""
    return bool(words.beyond_count.search(text, dose.span[1], sentence_span(text, need.span[0])[1]))


def _section_limited_units(article, words) -> set:
    """{(section, count unit)} of the daily limits a section states on their own ("I usually
    need no more than 8 puffs in a day in total"), in a text that gives no dose:
    ``section_daily_limits``."""
    out = set()
    for record, _, text in text_fields(article):
        units = per_text(_limited_units, text, words)
        if units and not doses_in(text):  # a limit given with a dose belongs to that dose
            out.update((getattr(record, "section", None), unit) for unit in units)
    return out


def _limited_units(text: str, words) -> tuple[str, ...]:
    return tuple(m.group("unit").lower() for pattern in words.section_limits for m in pattern.finditer(text or ""))


def _bounded_in_sentence(record, field: str, dose, words) -> bool:
    """Does the dose's sentence bound it: a limit ("1 puff every 1 to 3 minutes, up to 6
    puffs") or one more dose of a stated count, in the dose's words or the rest of its sentence
    ("take another 6 puffs, one at a time"; "inject ...; may repeat after 5 minutes with a second
    pen")?"""
    if in_sentence(record, field, dose, words.limit) or words.counted_repeat.search(dose.text):
        return True
    text = getattr(record, field, "") or ""
    end = _FULL_STOP.search(text, dose.span[1])
    return bool(words.counted_repeat.search(text, dose.span[0], min(end.start() if end else len(text),
                                                                     dose.span[1] + _REPEAT_REACH)))


_FULL_STOP = re.compile(r"[.!?](?:\s|$)")
_REPEAT_REACH = 200  # characters after a dose searched for the one repeat that bounds it


def _open_course(record, field: str, dose, words, seen: set):
    """(message, suggestion) when a dose's sentence gives its course no end ("keep going with it
    until the ankle feels normal": ``open_course_wordings``) and its medicine is one bought
    without a prescription whose label limits the days of use (``self_care_courses``); once a
    sentence, never a prescriber's course, and not when a duration stated with the dose ends it
    (unless the sentence carries on past it: ``continuation_wordings``)."""
    text = getattr(record, field, "") or ""
    found = sentences_of(text)
    k = found.index(dose.span[0])
    if (record, field, k) in seen or not found.matches(words.open_course, k) or found.matches(words.prescribed, k):
        return None
    names = _names_of(dose, record, field)
    entry = next((e for e, patterns in words.self_care if any(p.search(names) for p in patterns)), None)
    if entry is None:
        return None
    a, b = found.span(k)
    m = words.open_course.search(text, a, b)
    ends = [x.span[1] for x in (dose.duration, dose.max_duration_days) if x is not None]
    if ends and not words.continuation.search(text, max(ends), m.start()):
        return None  # "for up to 5 days or until the pain settles": the duration ends it
    seen.add((record, field, k))
    return (f"\"{dose.text}\" is to go on \"{m.group(0)}\" with no end; the label of {entry['name']} bought without "
            f"a prescription says to see a doctor after {entry['days']} days ({entry['source']}).",
            f"Give the longest course (\"for up to {entry['days']} days\") and say to see a doctor or pharmacist if it "
            "is still needed then.")


_STEP_TAIL = 40  # characters after a sequence read for the time of its last dose ("8 hours later")


def _single_doses_counted(record, field: str, dose, words) -> bool:
    """Is a written sequence a count of single doses: steps with no schedule and none as needed,
    the last given at a stated time after the one before ("1 tablet immediately, then 1 tablet 8
    hours later", "2 tablets now, then 2 more 12 hours after the first": ``single_step_wordings``)?
    A fixed course of so many doses is bounded by its count."""
    if not dose.titration or any(s.as_needed is not None or s.frequency is not None and not s.single
                                 for s in dose.steps):
        return False
    text = getattr(record, field, "") or ""
    end = _FULL_STOP.search(text, dose.span[1])
    tail = text[dose.span[1]:min(end.start() if end else len(text), dose.span[1] + _STEP_TAIL)]
    m = words.single_step.search(tail)
    return m is not None and not tail[:m.start()].strip(" ,")


def _one_occasion(dose, words) -> bool:
    """Is the dose the first of a course its as-needed wording starts ("1 mg at the first sign
    of a flare"), with no interval to repeat it, in its own words or a later step's ("then 0.6 mg
    every hour until the pain eases" repeats it without end)?"""
    repeated = any(s.frequency is not None and s.frequency.kind == "interval" for s in dose.steps)
    f = dose.frequency
    return (dose.as_needed is not None and bool(words.occasion.search(dose.as_needed.raw))
            and (f is None or f.kind != "interval") and not repeated)


def _interval_of_ceiling_medicine(dose, record, field: str, data) -> bool:
    """Is a dose with no amount an interval of a medicine with a sourced ceiling ("you can give
    Calpol (paracetamol 120mg/5ml) every 4 hours")? Every 4 hours is six doses a day whatever
    the amount; the reader must be told the most in 24 hours."""
    return _repeat_interval(dose) is not None and ceiling_in_context(dose, record, field, data) is not None


def _extra_doses_without_limit(article, data, words: Wordings):
    """Hits for a sentence of a text with no dose of its own that offers one more dose of a
    medicine a reader takes at will ("If your child wakes in the night in a lot of pain, you can
    give another dose of paracetamol as well": ``extra_doses``) with no limit or interval in it
    (``limit_wordings``, ``note_intervals``), no missed-dose advice (``aside_wordings``, DOS012
    judges it) and no dose lost to replace (``replacement_wordings``: "If she is sick within 30
    minutes, give another dose"): a dose on top of the schedule, with no most. The
    medicine is the one the sentence names, else its heading's or its page's."""
    for record, field, text in text_fields(article):
        if not text or doses_in(text) or not words.extra_dose.search(text):
            continue
        found = sentences_of(text)
        for m in words.extra_dose.finditer(text):
            a, b = found.span(found.index(m.start()))
            if words.limit.search(text, a, b) or words.note_interval.search(text, a, b) or \
                    words.aside.search(text, a, b) or words.replacement.search(text, a, b) or \
                    text[a:b].rstrip().endswith("?"):
                continue  # bounded; missed-dose advice (DOS012's); a dose vomited, replaced; a question
            sentence = text[a:b].lower()
            section = getattr(record, "section", None)
            heading = ((section.heading or "") if section is not None else "").lower()
            c = _last_named(sentence, data) or _last_named(heading, data) or _named_by_title(record, data)
            if c is None and not words.taken_at_will(f"{sentence} {heading}"):
                continue
            name = c["name"] if c is not None else "this medicine"
            yield Hit(record, excerpt=text[a:b].strip(), start=a, field=field,
                      message=f"\"{m.group(0)}\" offers a dose beyond the schedule with no limit: the sentence "
                              "states neither how long to wait nor the most doses in 24 hours.",
                      suggestion=f"Say that the extra dose counts towards the most in 24 hours of {name} and "
                                 "how long to wait after the last one, from the product label; or leave it out.",
                      severity=None if c is not None else "warning")


def _states_maximum(dose) -> bool:
    return any(x is not None for x in (dose.max_per_day, dose.max_doses_per_day, dose.max_duration_days,
                                       dose.duration)) or dose.per == "day" and not dose.titration


@check("DOS001", name="no-stated-maximum", category="dosing", severity="warning",
       fix="State the maximum: per day (\"no more than 4 g in 24 hours\") or as a duration (\"for up to 5 days\").",
       bad=(DRUGS + "Tramadol 50-100 mg every 6 h PRN – Weak opioid.",
            "Paracetamol (Calpol Infant, 120mg/5ml)\n-\nYou can give 5 ml every 4 hours if she still seems uncomfortable.",
            DRUGS + "Gabapentin 300 mg at night, then increase as needed – Nerve pain."),
       good=(DRUGS + "Naproxen 500 mg twice daily – Longer-acting NSAID.",
             DRUGS + "Codeine phosphate 30 mg tablets: 1 qds prn – Pain.",
             DRUGS + "Cyclizine 50 mg up to three times a day when needed – Nausea.",
             DRUGS + "Ondansetron 4 mg ODT: dissolve 1 tablet on the tongue q8h prn nausea.",
             DRUGS + "Ketorolac 10 mg every 6 h, max 5 days – Short burst.",
             DRUGS + "Acetaminophen 500–1000 mg every 6 h, no more than 4 g in 24 hours – Pain reliever."))
def no_stated_maximum(article, ctx):
    """An open-ended dose must say how much is too much.

    **What it does.** Flags a dose that the reader may repeat or increase at
    will — as needed ("PRN", "if needed"), interval-based ("every 6 h") or
    titrating ("300 mg at night, increase to 900 mg three times daily") —
    when the expression states no maximum: neither per day ("max 3 g/day",
    "not more than 4 doses a day") nor as a duration ("max 5 days", "for up
    to 2 weeks"). A fixed schedule ("500 mg twice daily", "75–150 mg twice
    daily", "200 mg daily") is bounded by itself and passes; a per-day total
    ("2000 mg/day") is its own maximum, and so is a count of doses a day,
    as needed or not ("1 qds prn", "up to 3 times a day when needed", "1 at
    night when required": the count is the most). An interval, regular or as
    needed ("amoxicillin 500 mg every 8 hours", "1 tab q6h prn"), caps the
    doses that fit into a day, unless the medicine is one with a labelled
    daily ceiling in checks/dosing.yaml (the analgesics and other symptom
    relievers a reader takes at will up to "every 4 hours"): those must state
    the ceiling. A written regimen of such a medicine, a first dose and then a
    regular interval ("750 mg to start, then 250 mg every 8 hours"), is a
    prescriber's course bounded by its interval (taken "as needed" it is at will
    again); a change by steps that names its target ("increased by 500 mg each
    week to 1 g twice a day") is bounded, one without a target is not; a dose
    counted in lozenges at an interval is one of the at-will products; an
    interval with a count in words ("every four hours, up to six times a day") is
    bounded by the count. A dose that names no medicine takes the one named before it
    in its text or by its section's heading ("Paracetamol (Calpol Infant)"
    over "5 ml every 4 hours"); a medicine taken at will is also found on the medicine line right
    above the dose's text ("Codeine phosphate 30 mg tablets" over "ONE or TWO tablets every four
    hours when required", a chart's layout) or in the page's title. A written sequence of single
    doses, the last at a stated time after the one before ("1 tablet immediately, then 1 tablet 8
    hours later"), is bounded by its count. A duration counts as a stated maximum here,
    but the daily ceiling (DOS003) still applies. The first dose of a course
    taken at the first sign of an attack ("1 mg at the first sign of a
    flare": ``occasion_wordings``) and a titration that stops at a test
    result ("until your uric acid level is below 360 micromol/L":
    ``titration_targets``) are bounded as written. A course with no end
    ("keep going with it until the ankle feels normal", "apply ... until the
    rash clears": ``open_course_wordings``) of a medicine bought without a
    prescription whose label limits the days of use (``self_care_courses``:
    ibuprofen 10 days, hydrocortisone 1% cream 7 days) is flagged too, unless
    a prescriber gives it or a duration stated with it ends it first.
    The most a day stated in a text of its own beside the dose bounds it: the next line or
    paragraph, a later bullet of its list, the note under its chart or the lead-in above it
    ("Do not take more than 16 mg in 24 hours." under "4 mg at first, followed by 2 mg after each
    loose stool"), unless it names another medicine or counts another unit
    (:mod:`medlint.checks.dose_context`). Directions that defer to the prescriber ("as
    prescribed", "as directed by your doctor": ``deferred_directions``), a shortest interval
    stated as a limit ("no more often than every 6 hours": ``limit_wordings``), a point at which
    the page tells the reader to call for a review ("If you need to give more than 3 extra doses
    in 24 hours, call the palliative nurse": ``call_limits``) and a threshold ("more
    than 6 g a day can damage the liver": ``threshold_leads``) are not open doses. A first dose
    followed by doses after each episode is as needed, not a titration.

    **Why it matters.** "Every 6 h as needed" with a range invites the
    reader to take the top dose around the clock; unintentional overdose of
    acetaminophen and NSAIDs happens exactly this way.

    **Example.** "Tramadol 50-100 mg every 6 h PRN".

    **Fix.** Add the ceiling: "…every 6 hours as needed; no more than 400 mg
    in 24 hours" (the value from the product label, see checks/dosing.yaml).

    **Source.** FDA Drug Facts labeling rule (21 CFR 201.66: "do not exceed
    … in 24 hours"); ISMP guidance that as-needed orders state a maximum.
    """
    data = ctx.data("dosing")
    words = wordings(data)
    limited = _section_limited_units(article, words)
    yield from _open_table_notes(article, words)
    yield from _extra_doses_without_limit(article, data, words)
    open_courses: set = set()
    for record, field, dose in doses_near(article, data):
        course = _open_course(record, field, dose, words, open_courses)
        if course is not None:
            yield _hit(record, field, dose, *course, severity="warning")
            continue
        hit = _unbounded_dose_hit(record, field, dose, data, words, limited)
        if hit is not None:
            yield hit


def _open_table_notes(article, words: Wordings):
    """Hits for a note under a dose table that repeats its doses as needed with no interval or
    limit ("Repeat as needed for itching or hives": ``repeat_wordings``)."""
    for _table, note in repeated_tables(article, words):
        if not (words.note_interval.search(note.text) or words.limit.search(note.text)):
            m = words.repeat.search(note.text)
            yield Hit(note, excerpt=note.text.strip(), start=m.start(), field="text",
                      message=f"\"{note.text.strip()}\" repeats the doses of the table above as needed "
                              "but states no interval or maximum per day.",
                      suggestion="Say how long to wait between doses and the most doses in 24 hours, "
                                 "from the product label.", severity="warning")


def _unbounded_dose_hit(record, field: str, dose, data, words: Wordings, limited: set):
    """The hit for one open-ended dose (as needed, on an interval, titrating: :func:`_open_ended`)
    that nothing bounds, else None (the rules of :func:`no_stated_maximum`)."""
    if dose.amount is None and dose.as_needed is None and dose.directions is None \
            and not _interval_of_ceiling_medicine(dose, record, field, data):
        return None  # "take as needed", "TAKE AS DIRECTED" are open; "Dose-Pack (6-day)" is DOS002's
    if deferred_to_prescriber(record, field, dose, words) or a_threshold(record, field, dose, words) \
            or strength_in_hand(record, field, dose, words) or _asked(record, field, dose):
        return None  # "50 mg as directed by your doctor": the prescriber's; "higher than 3 mg": a threshold;
        # "Can you take 1 paracetamol every 2 hours?": a reader's question, which the answer doses
    why = _open_ended(dose)
    if why is None or _states_maximum(dose) or _counted_per_day(dose) and not _beyond_count(record, field, dose, words):
        return None
    if _bounded_as_written(record, field, dose, words, limited):
        return None
    c = ceiling_in_context(dose, record, field, data)
    if _repeat_interval(dose) is not None and _interval_caps(record, field, dose, c, words):
        return None  # "amoxicillin 500 mg every 8 hours", "1 tab q6h prn": the interval caps the day
    if c is None and words.fluid(record, field, dose):
        return None  # "1 sachet in 200 ml of water after each loose stool": drunk as much as needed
    if c is None and words.food_or_fuel(record, field, dose):
        return None  # "15 g of glucose at once ... repeat if still below 70": sugar for a low, not a medicine
    return _hit(record, field, dose,
                f"\"{dose.text}\" is {why} but states no maximum per day or duration.",
                _maximum_suggestion(dose, c),
                severity=None if c else "warning")  # no known ceiling: see checks/severity.yaml


def _asked(record, field: str, dose) -> bool:
    """Is the amount in a question ("Can I take 1g?", "Is 20 mg too much?")?"""
    text = getattr(record, field, "") or ""
    _, end = sentence_span(text, dose.span[0])
    return text[:end].rstrip().endswith("?") or text[end:end + 1] == "?"


_THRESHOLD_LEAD = 30  # characters before an amount read for the comparison that makes it a threshold


def a_threshold(record, field: str, dose, words: Wordings) -> bool:
    """Is the amount a threshold the text compares with, not a dose to take ("Doses higher than 3
    mg do not work better", "more than 10,000 IU daily can be toxic": ``threshold_leads``; "doses of 1 mg
    or less": ``threshold_trails``)?"""
    if dose.amount is None:
        return False
    text = getattr(record, field, "") or ""
    a = dose.amount.span[0]
    start, end = sentence_span(text, a)
    return bool(words.threshold.search(text[max(start, a - _THRESHOLD_LEAD):a])) or \
        bool(words.threshold_trail.match(text[dose.amount.span[1]:end]))


_STRENGTH_LEAD = 40  # characters before an amount read for "if you have"


def strength_in_hand(record, field: str, dose, words: Wordings) -> bool:
    """Is the amount the strength of the units the reader has ("If you have 10 mg capsules, then
    take two": ``strength_leads``), not a dose of its own?"""
    if dose.amount is None:
        return False
    text = getattr(record, field, "") or ""
    a = dose.amount.span[0]
    return bool(words.strength_lead.search(text[max(0, a - _STRENGTH_LEAD):a]))


def deferred_to_prescriber(record, field: str, dose, words: Wordings) -> bool:
    """Is a dose given no schedule of its own but its prescriber's ("Amlodipine 5 mg tablets: take as
    prescribed", "50 mg as directed by your doctor": ``deferred_directions``)? Not when it is also
    taken as needed, on an interval or by steps: those are judged as written."""
    if dose.directions is None or dose.as_needed is not None or dose.titration or _repeat_interval(dose) is not None:
        return False
    text = getattr(record, field, "") or ""
    a, b = sentence_span(text, dose.directions.span[0])
    return bool(words.deferred.search(text, a, b))


def _bounded_as_written(record, field: str, dose, words: Wordings, limited: set) -> bool:
    """Is an open-ended dose bounded by its words or its place: a product described, a limit in
    its sentence, the first dose of an attack, a titration's target, or a section's own daily
    limit in the dose's count unit?"""
    if describes_product(record, field, dose, words) or _bounded_in_sentence(record, field, dose, words):
        return True
    if _one_occasion(dose, words) or dose.titration and in_sentence(record, field, dose, words.titration_target):
        return True  # "1 mg at the first sign of a flare"; "... increased by 100 mg until your uric acid is below 360"
    if _single_doses_counted(record, field, dose, words):
        return True  # "Day 1: 1 tablet immediately, then 1 tablet 8 hours later": two doses, no more
    if _taken_for_an_event(record, field, dose, words):
        return True  # "Before exercise: 2 puffs 10 to 15 minutes before you start": one dose for the event
    if in_sentence(record, field, dose, words.clinician_check) or _own_use(record, field, dose, words):
        return True  # "one when needed, after checking with the nurse in charge"; "When it flares I take ..."
    if _call_limited(record, field, dose, words):
        return True  # "... If you need to give more than 3 extra doses in 24 hours, call the palliative nurse"
    return dose.count_unit is not None and (getattr(record, "section", None), dose.count_unit) in limited


def _call_limited(record, field: str, dose, words: Wordings) -> bool:
    """Does the page set a point at which the reader is to call for a review of the doses of a day
    ("If you need to give more than 3 extra doses in 24 hours, call the palliative nurse":
    ``call_limits``), in the dose's text from its sentence on or in a text of its section that gives
    no dose? That is the page's own limit, as a stated maximum is."""
    text = getattr(record, field, "") or ""
    if words.call_limit.search(text, sentence_span(text, dose.span[0])[0]):
        return True
    section = getattr(record, "section", None)
    article = getattr(section, "article", None)
    return section is not None and article is not None and section in article.once(_call_limited_sections, words)


def _call_limited_sections(article, words: Wordings) -> frozenset:
    """The sections with a text of their own, giving no dose, that sets a call-us limit."""
    return frozenset(getattr(record, "section", None) for record, _, text in text_fields(article)
                     if text and words.call_limit.search(text) and not doses_in(text))


# ---------------------------------------------------------------------------
# DOS002


@check("DOS002", name="incomplete-dose", category="dosing", severity="warning",
       fix="Give both the amount and how often (\"400 mg every 6 hours\"), or say it is a single injection.",
       bad=("Advanced or Regenerative Drug-Like Interventions\n-\nRecombinant BMP-7 (OP-1) 0.1–0.5 mg – Off-label.",
            DRUGS + "Methylprednisolone Dose-Pack (6-day) – Blister pack."),
       good=(DRUGS + "Epidural Triamcinolone 40–80 mg single shot – Fluoroscopy-guided.",
             DRUGS + "Celecoxib 200 mg daily – COX-2 selective.",
             "Active ingredient (in each caplet)\n-\nAcetaminophen 500 mg",
             "If you forget to take your tablets\n-\nIf you miss a dose, take one tablet as soon as you remember.",
             DRUGS + "An injection of methylprednisolone 40 mg, 1 mL, into the carpal tunnel – Steroid.",
             DRUGS + "Lidocaine 4% patches – Local anaesthetic.",
             DRUGS + "Salbutamol: take 1 puff every 30 to 60 seconds, up to 10 puffs – Asthma attack.",
             DRUGS + "Capsaicin 0.025 % Cream four times daily – Depletes substance P."))
def incomplete_dose(article, ctx):
    """A dose needs an amount and a frequency.

    **What it does.** Flags (1) an amount with no frequency ("BMP-7 0.1–0.5
    mg") and (2) a regimen with no amount ("Methylprednisolone Dose-Pack
    (6-day)"). An amount is asked how often only where the page presents it
    as a dose to take: in a sentence or line that tells or offers the reader
    to take, give or use it or names it as a dose (``instruction_wordings``),
    or in a place that presents doses: a heading ("How much to take",
    "Medicines for pain", "When required"), a list's lead-in, a table's dose
    column, or sibling lines that say how often (``dose_context_wordings``
    such as "Adults" count only there); a strength list, an ingredient or
    nutrition panel, research findings, a product's name in a story, a recall
    or a delivery note is not. A heading, lead-in or table header that says
    how often ("Twice a day", "Give once a day:", "| Morning | Night |")
    times the lines under it; "a single 150 mg capsule" (``single_dose_leads``)
    is one dose, and two amounts weighed in one sentence
    (``comparison_wordings``) are not doses. Complete without a frequency: per-day totals ("1500 mg/day"),
    single shots ("40–80 mg single shot"), tapers and courses with a stated
    duration ("60 mg taper over 7 days"), one-off procedural routes and forms
    listed in checks/dosing.yaml (epidural, intradiscal, injection). As-needed
    doses without an interval are left to DOS001. A topical product with a
    strength and a frequency ("0.025 % Cream four times daily") is complete.
    Not doses to follow, and so not flagged: amounts under the section
    headings of checks/dosing.yaml ``not_dose_headings`` (active-ingredient
    strength lines, product descriptions and pack contents, missed-dose
    advice, food tables, reference intakes), in a sentence describing a
    procedure a clinician gives (``procedure_wordings``: "an injection of
    methylprednisolone 40 mg, 1 mL"), and a "%" strength with no amount
    ("Lidocaine 4% patches"). Bounded by the text around it, and so not
    flagged: an amount whose sentence states a limit (``limit_wordings``: "1
    puff every 30 to 60 seconds, up to 10 puffs") or holds a dose that says
    how often ("5 mg/kg to 10 mg/kg up to three times a day"), an amount its
    text repeats with how often ("the dose on the pack is 5 ml. You can give
    5 ml every 4 hours"), and an amount of a medicine its section gave in
    full before ("paracetamol 1 g taken early" after "paracetamol 1 g up to
    four times in 24 hours"), one timed step of a sequence ("then 500
    micrograms one hour later": ``single_step_wordings``), and a step of a
    day-by-day schedule ("Day 2: 600 mg; Days 3 to 6: 900 mg":
    ``day_step_labels``). Strength
    statements, what each unit holds, a shop's product name with its pack
    count and a label's serving size are product descriptions
    (``description_wordings``), and so is each amount of a strength list run
    into one line with semicolons after such a clause ("Applies to these
    strengths: 100 mg; 300 mg; 400 mg"); so is a "Supplement Facts" panel (by its
    heading). Not doses either: the lines of a contents list ("Each tablet
    contains:" over "Folic acid   400 micrograms", a "Caffeine (approx.)"
    column, "Mug of filter coffee   140 mg": ``contents_leads``,
    ``contents_headers``, ``food_and_drink``), missed-dose advice,
    instillation steps, making up a solution, fluids to drink and doses
    talked about rather than given, blood taken for a test, a drip's flow
    rate and a label quoted to the reader (``aside_wordings``), a dose
    reported from research ("Earlier studies used ... 100 to 800 mg a day":
    ``reported_wordings``), amounts under a schedule's time of the day
    ("Morning (08:00)": ``schedule_headings``, once a day then), "two different
    drops" (``product_counts``), a product's name heading its directions
    ("Doxycycline 100 mg capsules - an antibiotic. Take 2 capsules ..."), a chart line left to
    fill in ("15.0 mg (____ tablets)": ``fill_in_blanks``),
    the lines of a dose chart by age (DOS005 reads those), and the rows of a dose table that a
    paragraph beside it times ("Apply a thin layer once or twice a day" after fingertip units by
    body area: ``chart_timings``). An amount
    timed by the event it is for ("3–6 mg per kg, 45–60 minutes before
    training": ``event_timings``) or given "straight away" is complete.
    Nor doses: an amount in a question ("Can I take 1g?"), a threshold ("Doses higher than 3 mg":
    ``threshold_leads``), directions deferred to the prescriber (``deferred_directions``), what one
    unit of a product gives ("one drop of most products gives 400 units"), a prescription status
    ("Desloratadine 5 mg needs a prescription"), an injector's strength in its name ("methotrexate
    17.5 mg auto-injector": ``description_wordings``), a whole course's cumulative target ("a total
    of 120 to 150 mg/kg over the whole course": ``course_totals``), the rows
    of a list or table whose lead-in or header is one of the ``not_dose_headings`` ("Recommended
    dietary allowance (RDA):"). Complete: an amount whose next line says how often ("Take it
    twice a day": ``following_frequency``) or offers the same again on an interval ("take one
    tablet and wait. If the pain comes back you can take another tablet every 4 hours"), a most a day on a line of its own beside it (see
    DOS001), and a chart's row by age or weight under the sentence of its paragraph that says how
    often.
    A named pre-packed regimen (dose-pack) is reported as **info**: the pack
    fixes the schedule, but the reader still cannot see how much is taken.

    **Why it matters.** "0.5 mg" alone cannot be followed or checked against
    a ceiling; "Dose-Pack (6-day)" hides a starting dose several times the
    maintenance dose.

    **Example.** "Hyaluronic Acid Hydrogel 1–2 mL" — once? weekly?

    **Fix.** Write the amount and how often: "1–2 mL injected once into the
    disc"; "Dose-Pack: 24 mg on day 1, tapering over 6 days" (from the pack).

    **Source.** ISMP guidance on complete medication orders (dose, route,
    frequency); FDA Drug Facts labeling (21 CFR 201.66 directions).
    """
    data = ctx.data("dosing")
    words = wordings(data)
    complete = _complete_doses(article, data)
    repeated = {row for table, _ in repeated_tables(article, words) for row in table.items}
    repeated |= {row for table in timed_tables(article, words) for row in table.items}
    for record, field, dose in doses_near(article, data):
        if dose.titration_marker is not None or record in repeated:
            continue
        if dose.amount is None:
            if _amount_in_the_pages_chart(record, dose, words):
                continue
            hit = _regimen_without_amount(record, field, dose, data)
        elif _timed_or_once(dose, data):
            continue
        elif not offered_as_dose(record, field, dose, words) or timed_by_its_lead(record, words) \
                or deferred_to_prescriber(record, field, dose, words) \
                or _not_a_dose_to_follow(record, field, dose, words) \
                or _bounded_nearby(record, field, dose, words, complete, data):
            continue
        else:
            hit = _hit(record, field, dose,
                       f"\"{dose.text}\" gives an amount but not how often.",
                       f"Say how often \"{safe_text(dose.text)}\" is taken (and the most in 24 hours), from the "
                       "product label, or that it is a single injection.")
        if hit is not None:
            yield hit


def _amount_in_the_pages_chart(record, dose, words: Wordings) -> bool:
    """Is a dose with no amount of its own ("Give a dose every 4 to 6 hours if needed", "Dele una
    dosis cada 6 a 8 horas") one whose amounts the page gives in a chart by weight or age (a
    table whose rows open with a band, ``band_lines``): the interval is the sentence's, the
    amount the reader's row's?"""
    section = getattr(record, "section", None)
    article = getattr(section, "article", None)
    return dose.frequency is not None and dose.form is None and dose.strength is None \
        and article is not None and article.once(_has_band_chart, words)


def _has_band_chart(article, words: Wordings) -> bool:
    """Does the page hold a chart by weight or age: a table with a row that opens with a band?"""
    return any(block.type == "table" and any(row.role != "header" and row.cells
                                             and words.band_line.search(row.cells[0].strip()) for row in block.rows)
               for block in article.blocks())


def _regimen_without_amount(record, field: str, dose, data):
    """The hit for a regimen named with no amount ("Methylprednisolone Dose-Pack (6-day)", "every 4
    hours as needed"), info for a pre-packed one; None for a strength alone or no regimen."""
    if dose.strength is not None or dose.form is None and dose.frequency is None and dose.duration is None:
        return None
    packaged = dose.form is not None and dose.form.name in data["packaged_forms"]
    return _hit(record, field, dose,
                f"\"{dose.text}\" names a regimen but no amount.",
                "State the amount taken (and how it changes), e.g. the starting daily dose from the "
                "product label.", severity="info" if packaged else None)


def _timed_or_once(dose, data) -> bool:
    """Does the amount come with how often or how long (a frequency, a per-day total, as needed, a
    duration, a taper or steps, a daily limit), or by a route or form given once (an epidural,
    an injection)?"""
    if dose.frequency is not None or dose.per == "day" or dose.as_needed is not None:
        return True
    if dose.duration is not None or dose.taper is not None or dose.titration:
        return True
    if dose.route is not None and dose.route.name in data["once_only_routes"]:
        return True
    if dose.form is not None and dose.form.name in data["once_only_forms"]:
        return True
    return dose.max_per_day is not None or dose.max_doses_per_day is not None


def offered_as_dose(record, field: str, dose, words: Wordings) -> bool:
    """Does the page present the amount as a dose to take? Only on evidence: its sentence (or
    its line of a list or table) tells or offers the reader to take, give or use it, or names it
    as a dose (``instruction_wordings``); or it stands in a place that presents doses: a section
    headed as the doses ("How much to take", "Dosage"; the page's title over the untitled
    opening section), a list led by a line that does ("The usual dose is:", "Adults:"), a table
    whose header names a dose column, or a list or table whose other lines are doses that say
    how often (one line of a list of regimens left untimed). Whom a dose is for or what it is
    taken with (``dose_context_wordings``: "Adults: 500 mg") counts only in such a place. A
    strength in prose, a list of ingredients, forms or research findings, a monograph's label
    line and a product's title are not presented as doses, and are not asked how often."""
    if in_sentence(record, field, dose, words.instruction):
        return True
    section = getattr(record, "section", None)
    if section is None:
        return False
    heading = section.heading or (section.article.title if section.article is not None else "")
    if heading and _presents_doses(heading, words):
        return True
    return isinstance(record, Item) and _listed_as_dose(record, words)


def _presents_doses(text: str, words: Wordings) -> bool:
    """Does a heading, lead-in or table header present doses: an instruction, whom or what doses
    are for ("Adults", "Medicines for pain"), or when they are taken ("When required")?"""
    return bool(words.instruction.search(text) or words.dose_context.search(text)) \
        or "prn" in schedule_words_of(text)


def _listed_as_dose(record, words: Wordings) -> bool:
    """Is a line of a list or table in a block that presents doses: led by a line that says so,
    under a table header that names a dose column, or beside lines that are doses with a
    frequency?"""
    block, i = _block_of(record)
    if block is None:
        return False
    if block.type == "table" and any(_presents_doses(row.line, words) for row in block.rows if row.role == "header"):
        return True
    lead = record.section.blocks[i - 1] if i > 0 else None
    if block.type == "list" and lead is not None and lead.type == "paragraph" and _presents_doses(lead.text or "", words):
        return True
    return any(d.frequency is not None for other in block.items if other is not record
               for d in doses_in(getattr(other, "line", "") or other.text or ""))


@text_memo
def schedule_words_of(text: str) -> frozenset:
    """The kinds of schedule a text with no amount of its own states, read by the dose model's
    modifier stage: "freq" for how often ("Twice a day", "Give once a day:", "Dose (every 4 to 6
    hours)"), "prn" for when needed ("When required")."""
    reading = Reading(text)
    reading.scan()
    return frozenset(m.cat for m in reading.mods)


def states_frequency(text: str) -> bool:
    return "freq" in schedule_words_of(text)


def timed_by_its_lead(record, words: Wordings) -> bool:
    """Is the amount timed by what governs it from outside its own line: its section's heading
    ("Twice a day" over "Adults: 500 mg"), the line leading its list ("Give once a day:") or its
    table's header ("Dose (every 4 to 6 hours)", or columns for times of the day: "Morning |
    Night", ``schedule_headings``)?"""
    section = getattr(record, "section", None)
    if section is None:
        return False
    if section.heading and states_frequency(section.heading):
        return True
    if _band_under_timed_lead(record, section, words):
        return True
    if not isinstance(record, Item):
        return False
    block, i = _block_of(record)
    if block is None:
        return False
    if block.type == "table" and _band_row_of_pointed_chart(record, section, words):
        return True
    if block.type == "table":
        headers = [row for row in block.rows if row.role == "header"]
        if any(states_frequency(row.line) or any(words.schedule_heading.search(cell) for cell in row.cells)
               for row in headers):  # "Dose (every 6 hours)"; "| Morning | Night |" columns
            return True
    return block.type in ("list", "table") and _timed_lead_in(section.blocks, i)


def _band_row_of_pointed_chart(record, section, words: Wordings) -> bool:
    """Is the row one by weight or age ("| 24-35 lb (11-15.9 kg) | 5 mL | 5 mL |", ``band_lines``) of
    a table that a paragraph of the page points the reader to while saying how often ("Use the
    weight chart below ... Give a dose every 4 to 6 hours": ``chart_pointers``)?"""
    cells = getattr(record, "cells", None) or ()
    if not cells or not words.band_line.search(cells[0].strip()):
        return False
    article = getattr(section, "article", None)
    return article is not None and article.once(_pointed_and_timed, words)


def _pointed_and_timed(article, words: Wordings) -> bool:
    """Does a paragraph of the article point to a chart of the page and say how often?"""
    return any(block.type == "paragraph" and words.chart_pointer.search(block.text or "")
               and states_frequency(block.text) for block in article.blocks())


def points_to_chart(record, field: str, dose, words: Wordings) -> bool:
    """Is the amount in a sentence that sends the reader to a chart or table of the page for the
    doses ("Oxycodone 5 mg capsules: follow the step-down table below": ``chart_pointers``): the
    product's strength, its doses being the table's?"""
    return in_sentence(record, field, dose, words.chart_pointer)


def _timed_lead_in(blocks, i: int) -> bool:
    """Does the paragraph leading block ``i`` say how often ("Give once a day:"), or, a lead-in
    with no amount of its own ("Find your child's weight below:"), the paragraph before it?"""
    lead = blocks[i - 1] if i > 0 else None
    if lead is None or lead.type != "paragraph":
        return False
    text = lead.text or ""
    if not (_label_line(text) or text.rstrip().endswith(":")):
        return False
    return states_frequency(text) or _timed_before_lead_in(blocks, i)


def _timed_before_lead_in(blocks, i: int) -> bool:
    """Is block ``i`` under a lead-in that gives no amount of its own ("Use this chart by weight:")
    right after the paragraph that says how often ("Give it every 6 hours, ...")?"""
    lead = blocks[i - 1] if i > 0 else None
    before = blocks[i - 2] if i > 1 else None
    return lead is not None and before is not None and lead.type == before.type == "paragraph" \
        and (lead.text or "").rstrip().endswith(":") and states_frequency(before.text) \
        and _gives_no_amount(lead.text or "")


def _gives_no_amount(text: str) -> bool:
    return all(d.amount is None for d in doses_in(text))


_BAND_LINE_CHARS = 100  # "Weight 10–12 kg: 7.5 mL of 240 mg/5 mL (360 mg)": one short line


def _band_line(block, words: Wordings) -> bool:
    text = (block.text or "").strip() if block.type == "paragraph" else ""
    return 0 < len(text) <= _BAND_LINE_CHARS and not _SENTENCE_MARK.search(text) and bool(words.band_line.search(text))


def _band_under_timed_lead(record, section, words: Wordings) -> bool:
    """Is the record a line of a chart by weight or age ("Weight 10–12 kg: 7.5 mL (360 mg)") in a
    run of such lines under the line that states how often ("Paracetamol 120 mg/5 mL: give every 6
    hours, no more than 4 doses in 24 hours"), or under a lead-in with no amount of its own ("Find
    your child's weight below:") right after the paragraph that states it?"""
    if getattr(record, "type", None) != "paragraph" or not _band_line(record, words):
        return False
    blocks = section.blocks
    i = next((k for k, b in enumerate(blocks) if b is record), None)
    if i is None:
        return False
    while i > 0 and _band_line(blocks[i - 1], words):
        i -= 1
    lead = blocks[i - 1] if i > 0 else None
    if lead is None or lead.type != "paragraph" or ":" not in (lead.text or ""):
        return False
    return states_frequency(lead.text) or _timed_before_lead_in(blocks, i)


def repeated_tables(article, words: Wordings):
    """(table, note) for each dose table followed in its section by a paragraph that says its
    amounts are given again as needed ("Repeat as needed for itching or hives")."""
    for section in article.sections:
        blocks = section.blocks
        for table, note in zip(blocks, blocks[1:]):
            if table.type == "table" and note.type == "paragraph" and words.repeat.search(note.text or ""):
                yield table, note


def timed_tables(article, words: Wordings):
    """Each dose table that a paragraph beside it times: the lead-in or the line after the
    chart says how often and gives no amount of its own ("Apply a thin layer once or twice
    a day" under a chart of fingertip units by body area; ``chart_timings``), so the rows'
    amounts are the amounts it times."""
    for section in article.sections:
        blocks = section.blocks
        for i, table in enumerate(blocks):
            if table.type != "table":
                continue
            near = (blocks[k] for k in (i - 1, i + 1) if 0 <= k < len(blocks))
            if any(b.type == "paragraph" and _times_the_chart(b.text or "", words) for b in near):
                yield table


def _times_the_chart(text: str, words: Wordings) -> bool:
    return bool(words.chart_timing.search(text)) and _gives_no_amount(text)


_SENTENCE_END = re.compile(r"[.;!?](?=\s)|\n")


def _amount_text(dose) -> str:
    return dose.amount.raw.replace(" ", "").lower() if dose.amount is not None else ""


class _Sentences:
    """A text's sentences (or clauses ended by ';') and what DOS002 asks of them, worked out
    once per text: which sentences hold a dose that says how often, which amounts the text
    gives with how often, and (on demand) which sentences a wording matches."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.ends = [m.end() for m in _SENTENCE_END.finditer(text)] + [len(text)]
        self.with_frequency: set[int] = set()
        self.amounts_with_frequency: set[str] = set()
        for dose in doses_in(text):
            if dose.frequency is not None:
                self.with_frequency.add(self.index(dose.span[0]))
                self.amounts_with_frequency.add(_amount_text(dose))
        self.matched: dict = {}

    def index(self, offset: int) -> int:
        return bisect.bisect_right(self.ends, offset)

    def span(self, k: int) -> tuple[int, int]:
        return (self.ends[k - 1] if k > 0 else 0), self.ends[min(k, len(self.ends) - 1)]

    def starts_with(self, pattern: re.Pattern, k: int) -> bool:
        """Does sentence ``k`` (if there is one) open with ``pattern``?"""
        a, b = self.span(k)
        return k < len(self.ends) and a < b and bool(pattern.match(self.text[a:b].lstrip()))

    def matches(self, pattern: re.Pattern, k: int) -> bool:
        key = (pattern, k)
        if key not in self.matched:
            self.matched[key] = bool(pattern.search(self.text, *self.span(k)))
        return self.matched[key]


@text_memo
def sentences_of(text: str) -> _Sentences:
    return _Sentences(text)


def sentence_span(text: str, offset: int) -> tuple[int, int]:
    """(start, end) of the sentence (or clause ended by ';') of ``text`` that holds ``offset``."""
    found = sentences_of(text)
    return found.span(found.index(offset))


def not_a_dose(record, field: str, dose, words: Wordings) -> bool:
    """Is the amount one a reader is not asked to take on a schedule: a strength line, product
    description, missed-dose advice, food table or reference intake (by its section's
    heading), a one-off procedure a clinician gives, or a sentence aside from the doses
    (``aside_wordings``: missed-dose advice, how to put a drop in, making up a solution,
    fluids to drink, a dose talked about rather than given)?"""
    section = getattr(record, "section", None)
    if section is not None and section.heading and words.not_dose_headings.search(section.heading):
        return True  # a strength line, a food table ...
    if in_schedule_slot(record, words):
        return True  # a schedule's slot ("Morning (08:00)", "7:00 am" over a list): once a day then
    if _under_lead(record, words.not_dose_headings) or _over_note(record, words.reference_notes):
        return True  # "Recommended dietary allowance (RDA):" over "- Men: 90 mg": the lead-in heads its list
    return in_sentence(record, field, dose, words.procedure) or in_sentence(record, field, dose, words.aside) \
        or in_sentence(record, field, dose, words.reported) \
        or describes_product(record, field, dose, words) or listed_contents(record, words)


def _under_lead(record, pattern) -> bool:
    """Does the lead-in of the record's list or table (the paragraph ending with a colon right above
    it) or the table's header match ``pattern``, as a heading over it would?"""
    if not isinstance(record, Item):
        return False
    block, i = _block_of(record)
    if block is None:
        return False
    if block.type == "table" and any(pattern.search(row.line or "") for row in block.rows if row.role == "header"):
        return True
    lead = record.section.blocks[i - 1] if i > 0 else None
    text = (lead.text or "").rstrip() if lead is not None and lead.type == "paragraph" else ""
    return text.endswith(":") and bool(pattern.search(text))


def _over_note(record, pattern) -> bool:
    """Does the note right under the record's list or table, or under its run of short lines
    ("Adults 19 to 70 years: 600 IU (15 mcg)" / "Over 70: 800 IU (20 mcg)"), match ``pattern``, as a
    heading over them would ("These are the recommended dietary allowances ...")? The first
    paragraph after them that is no short line is the note."""
    block, i = _block_of(record)
    if block is None or block.type == "paragraph" and not _label_line(block.text or ""):
        return False
    for after in record.section.blocks[i + 1:]:
        if after.type != "paragraph":
            return False
        text = after.text or ""
        if block.type == "paragraph" and _label_line(text):
            continue  # the next line of the run
        return bool(pattern.search(text))
    return False


def compares_amounts(record, field: str, dose, words: Wordings) -> bool:
    """Does the amount's sentence weigh two amounts or more against each other
    (``comparison_wordings``: "A 1000 mg dose is stronger than a 500 mg dose")?"""
    if not in_sentence(record, field, dose, words.comparison):
        return False
    text = getattr(record, field, "") or ""
    a, b = sentence_span(text, dose.span[0])
    return sum(1 for d in doses_in(text) if d.amount is not None and a <= d.span[0] < b) >= 2


_SENTENCE_MARK = re.compile(r"[.!?;](?:\s|$)")


def _label_line(text: str) -> bool:
    """Is the text a short line with no sentence in it ("Folic acid   400 micrograms", "8 to 10
    years   7.5 ml")?"""
    text = text.strip()
    return 0 < len(text) <= 80 and len(text.split()) <= 10 and not _SENTENCE_MARK.search(text)


def _block_of(record):
    """(block, index in its section) of a record: a paragraph is its own block, a row or an item
    is in the block that lists it."""
    section = getattr(record, "section", None)
    for i, block in enumerate(section.blocks if section is not None else ()):
        if block is record or any(item is record for item in block.items):
            return block, i
    return None, -1


def listed_contents(record, words: Wordings) -> bool:
    """Is the record a line of a list of what a product or food holds: a row of a table whose
    header says so ("Caffeine (approx.)"), a row or short line naming a drink or food ("Mug of
    filter coffee   140 mg"), or a line of such a list led by "Each tablet contains:"
    (``contents_leads``, ``contents_headers``, ``food_and_drink``)?"""
    block, i = _block_of(record)
    if block is None:
        return False
    listed = block.type in ("table", "list")  # a row or an item: the block before leads them all
    line = getattr(record, "line", None) or getattr(record, "text", "") or ""
    if not _label_line(line if listed else block.text) and block.type != "table":
        return False
    if words.food.search(line):
        return True
    if block.type == "table" and any(words.contents_header.search(row.line) for row in block.rows
                                     if row.role == "header"):
        return True
    blocks = record.section.blocks
    k = i - 1
    while k >= 0 and not listed and blocks[k].type == "paragraph" and _label_line(blocks[k].text):
        k -= 1  # the lines of the list above this one
    return k >= 0 and blocks[k].type == "paragraph" and bool(words.contents_lead.search(blocks[k].text))


def in_schedule_slot(record, words: Wordings) -> bool:
    """Is the record under a time of the day of a schedule (``schedule_headings``): its section's
    heading ("Morning (08:00)"), or, for an item, the short line just before its list ("7:00 am")?"""
    section = getattr(record, "section", None)
    if section is not None and section.heading and words.schedule_heading.search(section.heading):
        return True
    block, i = _block_of(record)
    if block is None or block.type != "list" or i < 1:
        return False
    lead = section.blocks[i - 1]
    return lead.type == "paragraph" and _label_line(lead.text or "") and bool(words.schedule_heading.search(lead.text))


def _slot_total_problems(article, data, words: Wordings):
    """The doses of one medicine a schedule gives at its times of the day ("7:00 am" / "- Pregabalin
    300 mg", "12:30 pm" / "- Pregabalin 300 mg", ...), each once a day, added up against the daily
    ceiling; reported at the slot that takes the total over it."""
    totals: dict = {}
    for record, field, dose in all_doses(article):
        if dose.frequency is not None or dose.as_needed is not None or dose.amount is None \
                or dose.weight_based or not in_schedule_slot(record, words):
            continue
        c = ceiling_in_context(dose, record, field, data)
        q = dose.amount.quantity("upper")
        if c is None or not c.get("per_day") or q is None or _route_of(dose, data) != c["route"]:
            continue
        cap = _units.quantity(*_split(c["per_day"]))
        if not _same_dim(q, cap):
            continue
        before = totals.get(c["name"], 0.0)
        total = before + q.to(cap.units).magnitude
        totals[c["name"]] = total
        if before <= cap.magnitude * (1 + 1e-9) < total:
            yield _hit(record, field, dose,
                       f"\"{dose.text}\" brings the schedule's {c['name']} to {total:g} {c['per_day'].split(' ', 1)[1]} "
                       f"a day > {c['per_day']}/day ({c['source']}).",
                       f"Keep {c['name']} within {c['per_day']} a day over all the times of the schedule.")


def in_sentence(record, field: str, dose, pattern: re.Pattern) -> bool:
    found = sentences_of(getattr(record, field, "") or "")
    return found.matches(pattern, found.index(dose.span[0]))


def describes_product(record, field: str, dose, words: Wordings) -> bool:
    """Is the amount part of what a product holds ("1 mg/mL (5 mg in each 5 mL)", "6 micrograms
    in each puff", "300 units per pen"): ``description_wordings`` in its sentence, and the
    amount either part of that description or given with no schedule of its own. A dose the
    sentence schedules beside the description ("Oramorph (10 mg in 5 ml): 2.5 to 5 ml when
    needed") is a dose to take, judged as any other."""
    if not in_sentence(record, field, dose, words.description):
        return _listed_after_description(record, field, dose, words)
    if dose.frequency is None and dose.as_needed is None:
        return True
    text = getattr(record, field, "") or ""
    found = sentences_of(text)
    a, b = found.span(found.index(dose.span[0]))
    start, end = dose.amount.span if dose.amount is not None else dose.span
    return any(m.start() < end and start < m.end() for m in words.description.finditer(text, a, b))


_LIST_JOINS = re.compile(r"[\W_]*(?:(?:and|or)\b[\W_]*)?")


def _listed_after_description(record, field: str, dose, words: Wordings) -> bool:
    """Is the amount one item of a list run into a line with semicolons, after a clause that
    describes the product ("Applies to the following strengths: 100 mg; 300 mg; 400 mg",
    "Available strengths: 5 mg; 10 mg; 20 mg"): its clause holds nothing but amounts, as do
    the clauses back to the description (``description_wordings``)?"""
    text = getattr(record, field, "") or ""
    found = sentences_of(text)
    k = found.index(dose.span[0])
    amounts = [d.amount.span for d in doses_in(text) if d.amount is not None]
    j = k
    while j >= 0 and _only_amounts(text, found.span(j), amounts):
        j -= 1
    return 0 <= j < k and found.matches(words.description, j)


def _only_amounts(text: str, span: tuple[int, int], amounts) -> bool:
    """Does the text of ``span`` hold an amount and nothing else but punctuation, "and" and "or"?"""
    a, b = span
    inside = sorted((s, e) for s, e in amounts if a <= s and e <= b)
    if not inside:
        return False
    rest, at = [], a
    for s, e in inside:
        rest.append(text[at:s])
        at = e
    rest.append(text[at:b])
    return all(_LIST_JOINS.fullmatch(part) for part in rest)


def _described_by_its_lead(record, words: Wordings) -> bool:
    """Is a line of a list led by a sentence that describes the product rather than doses it
    ("They come in different strengths:", "It is available as:", "Each tablet contains:":
    ``description_wordings``), the lead itself giving no amount or schedule? Its lines are the
    strengths and forms sold, not doses to take."""
    if not isinstance(record, Item):
        return False
    block, i = _block_of(record)
    if block is None or block.type != "list" or i == 0:
        return False
    lead = record.section.blocks[i - 1]
    text = (lead.text or "").rstrip() if lead.type == "paragraph" else ""
    if not text:
        return False
    last = text[sentence_span(text, len(text) - 1)[0]:]  # the sentence the list completes
    return bool(words.description.search(last)) and not doses_in(last) and not _presents_doses(last, words)


def _not_a_dose_to_follow(record, field: str, dose, words: Wordings) -> bool:
    a = dose.amount
    if a.implied and dose.strength is not None:
        return True  # "(40% elemental calcium)", "Lidocaine 4% patches": a product's strength
    if a.unit is None and dose.form is not None and dose.form.name in words.device_forms \
            and 0 <= dose.form.span[0] - a.span[1] <= 1:
        return True  # "patients who use one inhaler": a count of devices
    text = getattr(record, field, "") or ""
    if words.product_count.match(text, a.span[0]):
        return True  # "between two different drops": kinds of product
    if _named_strength(dose, text):
        return True  # "1. Doxycycline 100 mg capsules - an antibiotic. Take 2 capsules ...": the product's name
    if _strength_line_over_directions(record, field, dose):
        return True  # "methotrexate 2.5 mg tablet" over "Take 6 tablets (15 mg) by mouth ...": a medication list
    if _repeats_title(record, field, dose):
        return True  # "*Omeprazole 20 mg: a guide for patients*" under "Omeprazole 20 mg: uses and dose"
    if _described_by_its_lead(record, words):
        return True  # "They come in different strengths:" over "tablet – 500mg or 1g": a product list
    if words.fill_in.search(text, *sentence_span(text, dose.span[0])):
        return True  # "15.0 mg (____ tablets)": a chart's line left to fill in
    if points_to_chart(record, field, dose, words):
        return True  # "5 mg capsules (OxyNorm): follow the step-down table below": the table doses it
    if in_age_chart(record, words):
        return True  # "8 to 10 years   7.5 ml": a chart's dose for the band (DOS005 reads the chart)
    if words.fluid(record, field, dose):
        return True  # "200 ml of safe drinking water", "Oral rehydration sachets: 1 sachet ...": a drink
    if words.food_or_fuel(record, field, dose):
        return True  # "15 g of glucose", "caffeine, about 3 mg per kg before the start": food or fuel
    if words.single_dose_lead.search(text[max(0, a.span[0] - 40):a.span[0]]):
        return True  # "a single 150 mg capsule": one dose, complete without a frequency
    if strength_in_hand(record, field, dose, words):
        return True  # "If you only have 250 mg tablets, take two each time": the tablets' strength
    if _asked(record, field, dose):
        return True  # "Can I take 1g of paracetamol?": the reader's question; its answer gives the dose
    if compares_amounts(record, field, dose, words) or a_threshold(record, field, dose, words):
        return True  # "A 1000 mg dose is stronger than a 500 mg dose", "higher than 3 mg": amounts weighed
    if in_sentence(record, field, dose, words.course_total):
        return True  # "a total of 120 to 150 mg/kg over the whole course": what the course adds up to
    return not_a_dose(record, field, dose, words)


_TITLE_LINES = 2  # the opening blocks of a page read for a subtitle that repeats its title
_MARKUP = re.compile(r"[*_#>`\s]+")


def _repeats_title(record, field: str, dose) -> bool:
    """Is the text a subtitle that repeats the title's medicine and strength up to the amount (the
    page's "Omeprazole 20 mg: uses and dose" over "Omeprazole 20 mg: a guide for patients"): one of
    the first blocks of the page's first section, opening with the title's words through the amount?"""
    section = getattr(record, "section", None)
    article = getattr(section, "article", None)
    if article is None or not article.sections or article.sections[0] is not section or field != "text":
        return False
    if not any(b is record for b in section.blocks[:_TITLE_LINES]):
        return False
    head = _MARKUP.sub(" ", (getattr(record, field, "") or "")[:dose.amount.span[1]]).strip().lower()
    title = _MARKUP.sub(" ", article.title or "").strip().lower()
    return len(head.split()) >= 2 and title.startswith(head) and not title[len(head):len(head) + 1].isalnum()


def _named_strength(dose, text: str) -> bool:
    """Is the amount a product's strength in its name ("Doxycycline 100 mg capsules", "Prednisolone
    5 mg tablets"): a mass straight before a plural form, in a text that goes on to give a dose
    on a schedule?"""
    a, form = dose.amount, dose.form
    if form is None or a.unit is None or a.unit.kind != "mass" or not 0 <= form.span[0] - a.span[1] <= 1:
        return False
    if not form.raw.lower().endswith("s"):
        return False
    return any(other is not dose and other.span[0] >= dose.span[1] and _scheduled(other) for other in doses_in(text))


_PRODUCT_LINE_WORDS = 8  # "predniSONE 10 mg tablet": a medicine, its strength and form


def _strength_line_over_directions(record, field: str, dose) -> bool:
    """Is the amount the strength in a line that only names a product ("methotrexate 2.5 mg
    tablet", "Lisinopril 10 mg Tablet"), a mass straight before its form, with the next
    paragraph giving a dose of that form on a schedule ("Take 6 tablets (15 mg) by mouth
    daily")? A medication list (an after-visit summary, a discharge letter) heads each
    medicine's directions so."""
    a, form = dose.amount, dose.form
    if form is None or a.unit is None or a.unit.kind != "mass" or not 0 <= form.span[0] - a.span[1] <= 1:
        return False
    text = getattr(record, field, "") or ""
    if field != "text" or getattr(record, "type", None) != "paragraph" or len(text.split()) > _PRODUCT_LINE_WORDS \
            or text[form.span[1]:].strip(" .") or len(doses_in(text)) != 1:
        return False
    blocks = record.section.blocks if getattr(record, "section", None) is not None else []
    i = next((k for k, b in enumerate(blocks) if b is record), None)
    after = blocks[i + 1] if i is not None and i + 1 < len(blocks) else None
    if after is None or after.type != "paragraph":
        return False
    return any(_scheduled(d) and d.form is not None and d.form.name == form.name for d in doses_in(after.text or ""))


def _scheduled(dose) -> bool:
    return dose.frequency is not None or dose.duration is not None or len(dose.steps) > 1 or dose.per == "day"


def _taken_for_an_event(record, field: str, dose, words: Wordings) -> bool:
    """Is a dose with no frequency of its own one dose for an event: timed by it in the words after
    it, or taken "as needed" only by the event that labels it ("Before exercise: 2 puffs",
    ``event_timings``)?"""
    if dose.frequency is not None or dose.titration:
        return False
    label = dose.as_needed.raw if dose.as_needed is not None else ""
    return bool(label and words.event.match(label)) or _for_an_event(record, field, dose, words)


_OWN_USE_LEAD = 40  # characters before an amount read for the writer's own routine


def _own_use(record, field: str, dose, words: Wordings) -> bool:
    """Is the dose the writer's own routine told in the first person ("When it flares I take 3 of the
    30/500 co-codamol every 4 hours", ``own_use_wordings``): a report of what they take, which owes
    no maximum (the ceiling still judges what it adds up to)?"""
    if dose.amount is None:
        return False
    text = getattr(record, field, "") or ""
    a = dose.amount.span[0]
    start, _ = sentence_span(text, a)
    return bool(words.own_use.search(text, max(start, a - _OWN_USE_LEAD), a))


def _for_an_event(record, field: str, dose, words: Wordings) -> bool:
    """Is the amount timed by an event it is taken for, in the words right after it ("3–6 mg
    per kg of body weight, 45–60 minutes before training", "400 mg before a marathon")?"""
    text = getattr(record, field, "") or ""
    _, end = sentence_span(text, dose.span[0])
    return bool(words.event.match(text[dose.span[1]:end]))


def _bounded_nearby(record, field: str, dose, words: Wordings, complete: dict, data) -> bool:
    """Is the amount bounded by the text around it: a limit in its sentence ("1 puff every 30 to
    60 seconds, up to 10 puffs"), another dose of its sentence that says how often ("5 mg/kg
    to 10 mg/kg up to three times a day", "calcium 1,000 mg and vitamin D 800 units daily"),
    the same amount with how often elsewhere in its text ("the dose on the pack is 5 ml. You
    can give 5 ml every 4 hours"), or the same amount of the medicine given in full earlier
    in its section ("paracetamol 1 g up to four times in 24 hours" … "paracetamol 1 g taken
    early")?"""
    found = sentences_of(getattr(record, field, "") or "")
    k = found.index(dose.span[0])
    if found.matches(words.limit, k) or k in found.with_frequency or _amount_text(dose) in found.amounts_with_frequency:
        return True
    if found.matches(words.rescue, k) or found.starts_with(words.following, k + 1):
        return True  # "... and call 911": a rescue dose; "... 8 to 16 units. Take it at the same time every day."
    if _next_sentence_matches(record, field, found, k, words.rescue) or \
            not found.text[found.span(k)[1]:].strip() and _next_sentence_matches(record, field, found, k, words.following):
        return True  # "... Only give a second dose if the care plan says so."; "Take 500 mg." over "Take it twice a day."
    if found.matches(words.single_step, k):
        return True  # "then 500 micrograms one hour later": one timed step of a sequence
    if found.matches(words.day_step, k):
        return True  # "Day 2: 600 mg; Days 3 to 6: 900 mg": the amount given on those days
    if _row_under_lead_sentence(found, k, words):
        return True  # "Give it every 6 to 8 hours, up to 3 doses in 24 hours. Children 4 to 6 years: 7.5 ml."
    if _for_an_event(record, field, dose, words):
        return True  # "45–60 minutes before training": one dose for each event
    key = _dose_key(dose, record, field, data)
    return key is not None and key in complete.get(getattr(record, "section", None), ())


def _row_under_lead_sentence(found: _Sentences, k: int, words: Wordings) -> bool:
    """Is sentence ``k`` a chart's row by age or weight ("Children 4 to 6 years: 7.5 ml", ``band_lines``)
    under a sentence of its text that says how often and gives no amount (the rows before it
    between)? A chart run into one paragraph: its rows inherit the lead sentence's schedule."""
    text = found.text
    a, b = found.span(k)
    if not words.band_line.search(text[a:b].strip()):
        return False
    amounts = [d.span[0] for d in doses_in(text) if d.amount is not None]
    for j in range(k - 1, -1, -1):
        ja, jb = found.span(j)
        if not any(ja <= at < jb for at in amounts):
            return states_frequency(text[ja:jb])
        if not words.band_line.search(text[ja:jb].strip()):
            return False
    return False


def _next_sentence_matches(record, field: str, found: _Sentences, k: int, pattern) -> bool:
    """Does the sentence after sentence ``k`` match ``pattern``: the next one of the text, else the
    first of the paragraph after the record (a page whose lines the importer kept apart)?"""
    a, b = found.span(k)
    if found.text[b:].strip():
        return found.matches(pattern, k + 1)
    block, i = _block_of(record)
    blocks = record.section.blocks if block is not None else ()
    if field != "text" or block is not record or i + 1 >= len(blocks) or blocks[i + 1].type != "paragraph":
        return False
    after = sentences_of(blocks[i + 1].text or "")
    return after.matches(pattern, 0)


def _dose_key(dose, record, field: str, data):
    """(medicine, amount) of a dose: the ceiling medicine it names or its sentence names last
    before it ("aspirin 900 mg, ibuprofen 400 mg or ..."), else the last word of its own; a dose
    that names none takes the ceiling medicine of its heading or page (:func:`ceiling_in_context`)."""
    q = dose.amount.quantity("upper") if dose.amount is not None else None
    if q is None:
        return None
    found = ceiling_for(dose, data)
    if found is None:
        before = _sentence_before(record, field, dose).lower()
        named = _ceilings_named(before, data)
        found = max(named, key=lambda h: h[0])[1] if named else None
    own = (dose.substance_key or "").split()
    if found is None and not own:  # "three doses of 200 to 400 mg" on the ibuprofen page: its heading's or title's
        found = ceiling_in_context(dose, record, field, data)
    name = found["name"] if found is not None else own[-1] if own else None
    return (name, _units.format_quantity(q)) if name else None


def _complete_doses(article, data) -> dict:
    """{section: {(medicine, amount)}} of the doses given with how often they are taken."""
    out: dict = {}
    for record, field, dose in all_doses(article):
        key = _dose_key(dose, record, field, data)
        if key is not None and (dose.frequency is not None or dose.max_per_day is not None):
            out.setdefault(getattr(record, "section", None), set()).add(key)
    return out


# ---------------------------------------------------------------------------
# DOS003


def _ceiling_problems(dose, c):
    """(arithmetic, limit text) pairs where the dose exceeds the ceiling ``c``."""
    fq = _units.format_quantity
    out = []
    if dose.weight_based:
        return out
    freq = dose.frequency
    apd = freq.administrations_per_day if freq is not None else None
    period = c.get("per_period")
    if c.get("treatment_course_why") and _course_then_maintenance(dose):
        return [p for step in dose.titration for p in _ceiling_problems(step, c)]  # the course left out (see the entry)
    if c.get("averaged") and apd is not None and apd < 1 and dose.amount is not None and not dose.titration:
        if c.get("treatment_course_why") and (dose.duration is not None or dose.max_duration_days is not None):
            return out  # "60,000 IU once a week for 8 weeks": a treatment course, not an intake (see the entry)
        return _average_problems(dose, c, apd)
    if period and apd is not None and apd < 1 and dose.amount is not None and not dose.titration:
        q = dose.amount.quantity("upper")
        cap = _units.quantity(*_split(period["amount"]))
        days = _days(period["period"])
        if q is not None and _same_dim(q, cap):
            total = q * apd * days
            if total.to(cap.units).magnitude > cap.magnitude * (1 + 1e-9):
                out.append((f"{fq(q)} {freq.raw} = {fq(total)} per {period['period']}",
                            f"{period['amount']} per {period['period']}"))
        return out
    if period and apd is not None and apd >= 1 and _within_period_amount(dose, period):
        return out  # "Alendronate 70 mg PO daily": the weekly dose written daily is DOS010's finding
    dm = dose.daily_maximum()
    if dm is not None and c.get("per_day"):
        for text in [c["per_day"], *c.get("also_per_day", [])]:
            cap = _per_day(text)
            q = dm.quantity
            if _same_dim(q, cap) and q.to(cap.units).magnitude > cap.magnitude * (1 + 1e-9):
                out.append((dm.explanation, f"{fq(cap)}"))
    if c.get("max_duration"):
        longest = None
        if dose.max_duration_days is not None:
            longest = dose.max_duration_days.value
        if dose.duration is not None:
            d = dose.duration.days_high or dose.duration.days
            longest = d if longest is None else max(longest, d)
        if longest is not None and longest > _days(c["max_duration"]) + 1e-9:
            out.append((f"a course of {_units.format_number(longest)} days", c["max_duration"]))
    return out


def _course_then_maintenance(dose) -> bool:
    """Does a dose open with a course taken less often than daily for a stated time, then go on
    to a dose of its own ("50,000 units once a week for 8 weeks, then 1,000 units daily"): a
    treatment course followed by the intake, each step judged apart?"""
    f = dose.frequency
    return bool(dose.titration) and dose.amount is not None and f is not None \
        and f.administrations_per_day is not None and f.administrations_per_day < 1 \
        and (dose.duration is not None or dose.max_duration_days is not None)


def _within_period_amount(dose, period) -> bool:
    """Is a dose's amount no more than what a weekly (or yearly) medicine's period allows at once
    ("70 mg" of alendronate, 70 mg a week; "one tablet" of "Alendronate 70 mg")? Given daily, it is
    that dose on the wrong schedule."""
    q = _mass_of_one_dose(dose)
    cap = _units.quantity(*_split(period["amount"]))
    return q is not None and _same_dim(q, cap) and q.to(cap.units).magnitude <= cap.magnitude * (1 + 1e-9)


def _mass_of_one_dose(dose):
    """The amount of one dose: its own ("70 mg"), else a count times the strength of each unit
    ("Alendronate 70 mg: take one tablet") or the content it states ("1 tablet (4 mg)")."""
    if dose.amount is None:
        return None
    q = dose.amount.quantity("upper")
    unit = dose.amount.unit
    if unit is None or unit.kind != "count":
        return q
    st = dose.content if dose.content is not None else dose.strength
    spelling = _units.lookup_spelling(st.unit) if st is not None and st.kind in ("content", "unit") else None
    if spelling is None or spelling.unit is None:
        return q
    each = _units.quantity(st.value, st.unit)
    return each if st is dose.content else each * dose.amount.upper.value


def _average_problems(dose, c, apd: float):
    """(arithmetic, limit text) when a dose taken less than daily gives more on average a day than
    a ceiling that is an average daily intake (``averaged``: vitamin D's upper level): 20,000 IU
    once a week is about 2,857 IU a day, within 4,000 IU; 50,000 IU once a week is over it."""
    fq = _units.format_quantity
    q = dose.amount.quantity("upper")
    if q is None:
        return []
    reg = _units.get_registry()
    average = q * apd / reg.Quantity(1, "day")
    out = []
    for text in [c["per_day"], *c.get("also_per_day", [])]:
        cap = _per_day(text)
        if _same_dim(average, cap) and average.to(cap.units).magnitude > cap.magnitude * (1 + 1e-9):
            shown = fq(average.to(cap.units) * reg.Quantity(1, "day"))
            out.append((f"{fq(q)} {dose.frequency.raw} = {shown} a day on average", f"{fq(cap)}"))
    return out[:1]


def _split(text: str):
    value, unit = text.split(" ", 1)
    return float(value), unit


@check("DOS003", name="above-ceiling", category="dosing", severity="error",
       fix="Lower the dose or the frequency so the daily total stays within the labelled maximum.",
       bad=(DRUGS + "Acetaminophen 500–1500 mg every 4 h – Pain reliever.",
            DRUGS + "Ibuprofen 200 mg tablets: 2 tablets every 4 hours – Pain.",
            DRUGS + "Naproxen sodium (Aleve) 440 mg every 8 hours with food – Pain.",
            DRUGS + "Diclofenac 50 mg three times a day, plus diclofenac 75 mg slow-release once a day.",
            "Dietary Molecular Supplements\n-\nVitamin D3 (20000 IU/day) – Bone health.",
            DRUGS + "Hydrocodone-acetaminophen 5-500 mg: 2 tablets every 4 hours as needed, up to 12 tablets a day."),
       good=(DRUGS + "Acetaminophen 500–1000 mg every 6 h, max 4 g/day – Pain reliever.",
             DRUGS + "Oxycodone/acetaminophen 5/325 mg: 1 tablet every 6 hours as needed, max 4 tablets a day.",
             DRUGS + "Ibuprofen 200 mg tablets: 1 or 2 tablets every 4 to 6 hours, max 6 tablets in 24 hours.",
             DRUGS + "Diclofenac 50 mg three times a day or diclofenac 75 mg twice a day – NSAID.",
             DRUGS + "Ketorolac 10 mg every 6 h, max 5 days – Short burst.",
             "Advanced or Regenerative Drug-Like Interventions\n-\nAlendronate 70 mg weekly – Oral."))
def above_ceiling(article, ctx):
    """The largest daily amount a dose allows must not exceed the labelled maximum.

    **What it does.** Works out the implied maximum per 24 hours — the upper
    amount × the most administrations that fit into a day, honouring stated
    maxima ("max 3 g/day", "max 4 doses") — and compares it with the sourced
    ceiling for that substance and route in checks/dosing.yaml. Weekly or
    yearly regimens with a per-period limit (alendronate 70 mg/week,
    zoledronic acid 5 mg/year) are compared per period; a course longer than
    a labelled maximum duration (ketorolac 5 days) is flagged too. The message
    shows the arithmetic and the source, and the lower OTC limit where the
    source gives one. Substances without a sourced ceiling are not checked.
    A product named by joining its substances' names ("Hydrocodone-acetaminophen
    5-500 mg", "codeine and paracetamol 30 mg/500 mg": medlint/doses/combinations.py)
    is judged as a dose of each substance, each unit holding that substance's
    strength, against each substance's own ceiling.
    A dose that names no medicine takes the one its text or section heading
    names before it ("Vitamin D supplements" over "50,000 IU daily"). A dose
    bought over the counter — of a strength sold so (checks/dosing.yaml
    ``otc_strengths``: "2 tablets" of ibuprofen 200 mg) or so worded in its
    sentence or section heading (``otc_wordings``: "from your pharmacy",
    "Aleve") and not given by a prescriber — is compared with the label's
    limit without a prescription (``otc_per_day``: 1,200 mg of ibuprofen).
    Two doses of one medicine that a sentence gives together ("50 mg three
    times a day, plus diclofenac 75 mg once a day": ``concurrent_wordings``)
    are added up; alternatives ("or") are not. On a page whose title names one
    product with its strength ("Ibuprofen 200 mg Film-coated Tablets"), a
    counted dose naming no medicine or strength of its own ("take 1 or 2
    tablets ... Do not take more than 10 tablets in any 24 hour period") is a
    count of that product: the page's stated limit (else the most the schedule
    allows) times the strength is compared with the ceiling, or with the limit
    without a prescription for a strength sold so. A clause that names a dose
    instead of a medicine ("One common regimen is 50,000 IU daily":
    ``dose_nouns``) takes the medicine named before it or by its heading; a
    text that names none, opening with its dose or a population ("Adults:"),
    takes the one medicine the paragraph before it names, and a medicine named
    right after the amount ("1 g of paracetamol every 4 hours") is the
    dose's. A later sentence
    giving the dose a shorter interval with no amount ("you can take it every
    4 hours": ``restated_intervals``) is judged as that amount on that
    interval. The doses of one medicine a schedule lists under its times of
    the day ("7:00 am" / "- Pregabalin 300 mg", "12:30 pm" / ..., each once
    a day: ``schedule_headings``) are added up against the daily ceiling. A
    dose reported from research rather than advised ("Earlier
    studies used celecoxib doses of 100 to 800 mg a day":
    ``reported_wordings``) is not judged, and neither is an amount a sentence
    says harms ("Toxicity has been reported at 50,000 IU daily": ``harm_wordings``).
    A weekly medicine's dose written daily ("Alendronate 70 mg: take one tablet
    every day") is DOS010's finding, not this one's. A most a day that a sentence with
    no dose of its own offers the reader ("You can safely take up to 10 000 units a
    day": ``permitted_limit_leads``) is judged like a dose. A count with no strength of
    its own counts the product its line's label names ("Cetirizine 10 mg: ... one tablet
    in the morning and one in the evening") or the one the page names with its strengths
    in brackets ("Ultracet tab (tramadol 37.5 mg / acetaminophen 325 mg)" ... "2 Ultracet
    tablets every 4 hours": ``defined_products``, medlint/checks/dose_products.py), and
    a list's line with no schedule takes its lead-in's ("Every evening, before bed:").

    A most a day counted in the dose's units caps what those units hold ("1 or 2 tablets
    (200 mg to 400 mg) ... no more than 6 tablets in 24 hours": 1,200 mg), and a
    time-limited course taken less often than daily, then a daily dose ("50,000 units once a
    week for 8 weeks, then 1,000 units daily"), is judged by its later steps where the
    ceiling's entry says a treatment course is no intake (``treatment_course_why``).

    **Why it matters.** A reader who follows the text at its upper end takes
    the implied total; above the label's maximum that is an overdose (liver
    failure with acetaminophen, GI bleeding with NSAIDs, seizures with
    tramadol).

    **Example.** "Acetaminophen 1500 mg every 4 h": 1500 mg × 6/day = 9 g/day
    > 4 g/day.

    **Fix.** Bring amount or frequency within the label and state the maximum.

    **Source.** The product label named for each ceiling in checks/dosing.yaml
    (US prescribing information, FDA OTC Drug Facts, IOM/EFSA upper levels).
    """
    data = ctx.data("dosing")
    words = wordings(data)
    together = _Together(words)
    product = _PageProduct(article, data, words)
    said: set = set()  # the stated maxima already judged (a limit of its own sentence bounds several doses)
    for record, field, dose in _by_ingredient(doses_near(article, data)):
        if in_sentence(record, field, dose, words.reported) or a_threshold(record, field, dose, words) \
                or said_to_harm(record, field, dose, words):
            continue  # "Earlier studies used ... 100 to 800 mg a day": reported; "more than 6 g a day can ...": a threshold
        judged = _judged_ceiling(article, ctx, record, field, dose, data, product)
        if judged is None:
            continue
        c, dose = judged
        restated = _restated_interval_problem(record, field, dose, c, words) or \
            _extra_dose_problem(record, field, dose, c, words)
        if restated is not None:
            yield restated
        hits = _ceiling_hits(record, field, dose, c)
        if hits:
            yield from hits
            together.reset()
            continue
        stated = _stated_limit_hit(record, field, dose, c, said)
        if stated is not None:
            yield stated
            continue
        counted = _counted_ceiling_problem(article, record, field, dose, c, words, product)
        if counted is not None:
            yield counted
            together.reset()
            continue
        summed = together.add(record, field, dose, c)
        if summed is not None:
            yield _hit(record, field, dose, *summed)
    yield from _slot_total_problems(article, data, words)
    yield from _course_problems(article, data, words)
    yield from _permitted_limit_problems(article, data, words)


def _permitted_limit_problems(article, data, words: Wordings):
    """A Hit for each most a day that a sentence with no dose of its own offers the reader as an
    amount to take ("You can safely take up to 10 000 units a day": ``permitted_limit_leads``
    right before the limit) above the ceiling of the medicine named before it in its text, by
    its section's heading or by the page's title. A limit a dose carries is judged with the dose
    (:func:`_stated_limit_hit`); a sentence that reports or warns is not judged."""
    for record, field, text in text_fields(article):
        if not text or not words.permitted_limit.search(text):
            continue
        for lim in stated_limits(text):
            hit = _permitted_limit_hit(record, field, text, lim, data, words)
            if hit is not None:
                yield hit


def _permitted_limit_hit(record, field: str, text: str, lim, data, words: Wordings):
    if lim.kind != "per_day" or lim.amount is None or lim.assumed or lim.per_weight is not None:
        return None
    a, b = sentence_span(text, lim.span[0])
    offered = any(m.end() == lim.span[0] for m in words.permitted_limit.finditer(text, max(a, lim.span[0] - 60), lim.span[0]))
    if not offered or any(a <= d.span[0] < b for d in doses_in(text)) \
            or words.reported.search(text[a:b]) or words.harm.search(text[a:b]) \
            or any(rx.search(text[a:b]) for _, rx in _ROUTES):
        return None  # a dose's own limit; a study's or a harm's amount; a cream's or an injection's
    c = _last_named(text[:lim.span[0]].lower(), data) or _heading_named(record, data) or _named_by_title(record, data)
    if c is None or c["route"] != _equivalent_route(data["default_route"], data) or not c.get("per_day"):
        return None
    q = lim.amount.quantity("upper")
    cap = _units.quantity(*_split(c["per_day"]))
    if q is None or not _same_dim(q, cap) or q.to(cap.units).magnitude <= cap.magnitude * (1 + 1e-9):
        return None
    fq = _units.format_quantity
    return Hit(record, excerpt=lim.raw, start=lim.span[0], field=field,
               message=f"\"{lim.raw}\" offers the reader {fq(q)} a day > {fq(cap)} ({c['source']}).".replace("µg", "mcg"),
               suggestion=f"Keep {c['name']} within {fq(cap)} a day, or say a doctor directs more and checks it.")


def _heading_named(record, data) -> dict | None:
    section = getattr(record, "section", None)
    hits = _ceilings_named((section.heading or "").lower(), data) if section is not None else []
    return hits[0][1] if len({e["name"] for _, e in hits}) == 1 else None


def said_to_harm(record, field: str, dose, words: Wordings) -> bool:
    """Does the dose's sentence say the amount harms ("Toxicity has been reported at 50,000 IU daily",
    "10,000 IU daily for months can cause high calcium": ``harm_wordings``), without telling the
    reader to take it?"""
    text = getattr(record, field, "") or ""
    spans = per_text(_harm_spans, text, words)
    if not spans:
        return False
    a, b = sentence_span(text, dose.span[0])
    i = bisect.bisect_left(spans, (a, a))
    harmed = i < len(spans) and spans[i][1] <= b  # a harm wording within the sentence
    return harmed and not words.harm_instruction.search(text[a:b])


def _harm_spans(text: str, words: Wordings) -> tuple:
    """(start, end) of each ``harm_wordings`` match in ``text``, found once per text (a page of
    many doses asks for each dose's sentence: one scan, not one per dose)."""
    return tuple(m.span() for m in words.harm.finditer(text))


def _by_ingredient(doses):
    """Each dose, a dose of a combination product as one dose of each of its substances
    ("Hydrocodone-acetaminophen 5-500 mg: 2 tablets": 2 × 500 mg of acetaminophen), each judged
    by its own ceiling."""
    for record, field, dose in doses:
        for one in dose.by_ingredient():
            yield record, field, one


def _judged_ceiling(article, ctx, record, field: str, dose, data, product):
    """(ceiling, dose) a dose is judged by, else None: the ceiling of its medicine (or of the
    page's product for a dose that names none) on the dose's route, the US value on a US page,
    and a bare count of a medicine counted in a form read as that form ("3 of the 30/500
    co-codamol")."""
    c = ceiling_in_context(dose, record, field, data)
    if c is None and dose.substance is None:
        c = product.entry  # "take 1 or 2 tablets" on the page of "Ibuprofen 200 mg Tablets"
    if c is None or _route_in_context(record, field, dose, data) != c["route"]:
        return None  # "Diclofenac gel ... 4 g on each painful knee": the gel's grams, not the oral ceiling's
    if c.get("us_per_day") and article.once(american_page, ctx.data("import")):
        c = {**c, "per_day": c["us_per_day"], "source": c["us_source"]}  # metformin on a US page: 2550 mg
    if c.get("form") and dose.form is None:
        dose = _counted_in(dose, c["form"]) or dose  # "I take 3 of the 30/500 co-codamol every 4 hours"
    if c.get("form") and (dose.form is None or dose.form.name != c["form"]):
        return None
    return c, dose


def _ceiling_hits(record, field: str, dose, c) -> list:
    """A hit for each way the dose's daily total (or course) is above its ceiling, with the
    arithmetic and the OTC limit where the source gives one."""
    out = []
    for arithmetic, limit in _ceiling_problems(dose, c):
        otc = f"; the OTC limit without medical advice is {c['otc_per_day']}/day" if c.get("otc_per_day") else ""
        lhs, _, rhs = arithmetic.partition(" = ")
        if lhs == rhs:
            arithmetic = lhs
        out.append(_hit(record, field, dose,
                        f"\"{dose.text}\" allows {arithmetic} > {limit} ({c['source']}){otc}.".replace("µg", "mcg"),
                        f"Keep {c['name']} within {limit}{otc and ' (' + c['otc_per_day'] + '/day without advice)'}: "
                        "lower the amount or the frequency and state the maximum."))
    return out


def _counted_ceiling_problem(article, record, field: str, dose, c, words: Wordings, product):
    """The hit when a dose read in another measure is above its ceiling: bought over the counter,
    a count of the page's product, a bracketed mass of what it holds, or a child's doses a day."""
    over = _over_the_counter_problem(record, field, dose, c, words)
    if over is not None:
        return _hit(record, field, dose, *over)
    counted = product.problem(record, field, dose, c)
    if counted is not None:
        return counted
    counted = _bracketed_mass_problem(record, field, dose, c, words) or _child_doses_problem(
        article, record, field, dose, c, words)
    return _hit(record, field, dose, *counted) if counted is not None else None


def _course_problems(article, data, words: Wordings):
    """A sentence with no dose that gives a course longer than the medicine's labelled maximum
    duration ("Oral therapy may be continued for up to 7 days" of ketorolac, whose label allows 5
    days in all: ``course_wordings``); the medicine is the one the sentence names last, else its
    section's heading or its page (:func:`_named_by_title`). A course reported from research is
    not judged."""
    for record, field, text in text_fields(article):
        courses = per_text(_courses_in, text, words) if text else ()
        if not courses or doses_in(text):
            continue
        for m in courses:
            a, b = sentence_span(text, m[0])
            if words.reported.search(text, a, b):
                continue
            section = getattr(record, "section", None)
            c = _last_named(text[a:m[0]].lower(), data) or _last_named(((section.heading or "") if section else "").lower(),
                                                                        data) or _named_by_title(record, data)
            if c is None or not c.get("max_duration") or m[2] <= _days(c["max_duration"]) + 1e-9:
                continue
            yield Hit(record, excerpt=m[1], start=m[0], field=field,
                      message=f"\"{m[1]}\" is a course of {_units.format_number(m[2])} days of {c['name']}, longer than "
                              f"the labelled {c['max_duration']} ({c['source']}).",
                      suggestion=f"Give the label's longest course: no more than {c['max_duration']} of {c['name']} "
                                 "in all.")


def _courses_in(text: str, words: Wordings) -> tuple:
    """(start, as written, days) of each course length ``course_wordings`` find in ``text``."""
    out = []
    for pattern in words.courses:
        for m in pattern.finditer(text):
            unit = m.group("unit").lower().rstrip("s")
            days = int(m.group("n")) * {"day": 1, "week": 7, "month": 30}[unit]
            out.append((m.start(), m.group(0), days))
    return tuple(sorted(set(out)))


def american_page(article, import_data: dict) -> bool:
    """Does the page read as American: more of its texts hold a US signal than a signal of the
    countries that write the day first (the date_order cues of checks/import.yaml: °F, a US
    phone number or 911, "acetaminophen", US spellings; °C, 999 or 111, "paracetamol", British
    spellings)? A ceiling that differs by country (``us_per_day``) follows the page's."""
    us, other = policy.derived(_country_cues, import_data)
    texts = [article.title or ""] + [t for _, _, t in text_fields(article) if t]
    return _signals(texts, us) > _signals(texts, other)


def _country_cues(data) -> tuple:
    cues = data.get("date_order") or {}
    return tuple([policy.compile_pattern(p, re.I, [p]) for p in cues.get(side, ())] for side in ("month-first", "day-first"))


def _signals(texts, patterns) -> int:
    """How many (text, pattern) pairs match: the texts that hold each signal."""
    return sum(1 for t in texts for p in patterns if p.search(t))


def _stated_limit_hit(record, field: str, dose, c, said: set):
    """A Hit when the maximum a day the page states for a dose is itself above the ceiling
    ("Max: 600 mg tid" of pregabalin: 1,800 mg a day > 600 mg; "do not take more than 6 g in 24
    hours" of paracetamol): a reader may take what the page says is the most. A maximum the
    text did not say per what ("max 1200 mg") or one by weight is not judged; each once."""
    lim = dose.max_per_day
    if lim is None or lim.assumed or lim.per_weight is not None or lim.amount is None or dose.weight_based \
            or not c.get("per_day") or (record, field, lim.span) in said:
        return None
    q = lim.amount.quantity("upper")
    cap = _units.quantity(*_split(c["per_day"]))
    if q is None or not _same_dim(q, cap) or q.to(cap.units).magnitude <= cap.magnitude * (1 + 1e-9):
        return None
    said.add((record, field, lim.span))
    fq = _units.format_quantity
    return Hit(record, excerpt=lim.raw, start=lim.span[0], field=field,
               message=f"\"{lim.raw}\" states a maximum of {fq(q)} a day > {c['per_day']} ({c['source']}): "
                       "the page's own limit allows more than the label's.".replace("µg", "mcg"),
               suggestion=f"State the label's maximum, no more than {c['per_day']} of {c['name']} in 24 hours.")


def _restated_interval_problem(record, field: str, dose, c, words: Wordings):
    """A later sentence of the dose's text that gives the same dose a shorter interval with no
    amount ("Adults: 500 mg to 1 g every 6 hours. If the fever is very high, you can take it
    every 4 hours": ``restated_intervals``) is that amount on the new interval: a Hit when its
    daily total is above the ceiling, else None."""
    if dose.amount is None or dose.frequency is None:
        return None
    m = _later_wording(record, field, dose, words.restated_interval)
    problem = m and _ceiling_problem_of(f"{dose.amount.raw} every {m.group('hours')} hours", c)
    if not problem:
        return None
    arithmetic, limit = problem
    return Hit(record, excerpt=m.group(0), start=m.start(), field=field,
               message=f"\"{m.group(0)}\" gives \"{dose.amount.raw}\" again every {m.group('hours')} hours: "
                       f"{arithmetic} > {limit} ({c['source']}).".replace("µg", "mcg"),
               suggestion=f"Keep {c['name']} within {limit}: keep the longer interval, or give a lower amount for "
                          "the shorter one, and state the maximum in 24 hours.")


def _later_wording(record, field: str, dose, pattern):
    """The first match of ``pattern`` after ``dose`` in its text, before the next dose written."""
    text = getattr(record, field, "") or ""
    later = [d.span[0] for d in doses_in(text) if d.span[0] >= dose.span[1]]
    return pattern.search(text, dose.span[1], min(later, default=len(text)))


def _ceiling_problem_of(sig: str, c):
    """(arithmetic, limit) of the first ceiling ``sig`` (a dose written out) goes above, or None."""
    again = next(iter(parse_doses(sig)), None)
    problems = _ceiling_problems(again, c) if again is not None and again.amount is not None else []
    return problems[0] if problems else None


def _extra_dose_problem(record, field: str, dose, c, words: Wordings):
    """A later sentence of the dose's text that offers one more dose on top of its fixed count a
    day, with no amount of its own ("10 mg three times a day. You can take a fourth tablet at
    bedtime": ``extra_doses``), is that amount once more a day: a Hit when that total is above
    the ceiling, else None."""
    f = dose.frequency
    if dose.amount is None or f is None or f.kind not in ("daily", "nightly", "times_daily") \
            or not f.max_administrations_per_24h:
        return None
    m = _later_wording(record, field, dose, words.extra_dose)
    n = int(f.max_administrations_per_24h) + 1
    problem = m and _ceiling_problem_of(f"{dose.amount.raw} {n} times a day", c)
    if not problem:
        return None
    arithmetic, limit = problem
    return Hit(record, excerpt=m.group(0), start=m.start(), field=field,
               message=f"\"{m.group(0)}\" adds a dose to \"{dose.text}\": {arithmetic} > {limit} "
                       f"({c['source']}).".replace("µg", "mcg"),
               suggestion=f"Keep {c['name']} within {limit}: do not offer a dose beyond the stated "
                          f"{_units.format_number(n - 1)} a day, or lower the amount.")


def _counted_in(dose, form: str):
    """A bare count of a medicine named with it and no form ("3 of the 30/500 co-codamol") counts
    the units of the product, in the form its ceiling counts (co-codamol: tablets); None for any
    other dose (a strength, a unit, a dose by weight, a medicine named elsewhere)."""
    a = dose.amount
    if a is None or a.unit is not None or dose.strength is not None or dose.per_weight is not None:
        return None
    if dose.substance is None or not (a.span[1] <= dose.substance.span[0] <= a.span[1] + 20):
        return None
    end = dose.substance.span[1]
    return _replace(dose, form=Form(form, "", (end, end)))


def _over_the_counter_problem(record, field: str, dose, c, words: Wordings):
    """(message, suggestion) when a dose bought over the counter — of an OTC strength ("2
    tablets" of ibuprofen 200 mg), or so worded in its sentence or section heading ("from your
    pharmacy", "Aleve") and not given by a prescriber — allows more a day than the label the
    reader buys (the ceiling's otc_per_day). A tablet strength of the medicine not sold over
    the counter (ibuprofen 600 mg, where otc_strengths lists 200 mg) is a prescription, whatever
    brand name its sentence gives."""
    dm = dose.daily_maximum()
    if not c.get("otc_per_day") or dm is None or dose.weight_based:
        return None
    cap = _per_day(c["otc_per_day"])
    if not _same_dim(dm.quantity, cap) or dm.quantity.to(cap.units).magnitude <= cap.magnitude * (1 + 1e-9):
        return None
    if not _bought_over_the_counter(record, field, dose, c, words) or _left_to_dos001(record, field, dose, words):
        return None
    fq = _units.format_quantity
    return (f"\"{dose.text}\" allows {dm.explanation} > {fq(cap)}, the limit without a prescription "
            f"({c['source']}).".replace("µg", "mcg"),
            f"Keep over-the-counter {c['name']} within {fq(cap)} (or say a doctor directs more): lower the "
            "amount or the frequency and state the maximum.")


def _bought_over_the_counter(record, field: str, dose, c, words: Wordings) -> bool:
    """Is the dose one bought over the counter: of an OTC strength, or so worded in its sentence
    or section heading, and not given by a prescriber?"""
    found = sentences_of(getattr(record, field, "") or "")
    k = found.index(dose.span[0])
    strength = _unit_strength_of(dose, words)
    sold = any(name == c["name"] and strength == s.replace(" ", "") for name, s in words.otc_strengths)
    if strength and not sold and any(name == c["name"] for name, _ in words.otc_strengths):
        return False  # "Ibuprofen (Motrin, Advil) 600 mg tablets": a strength sold only on prescription
    section = getattr(record, "section", None)
    worded = any(found.matches(words.otc, j) for j in _naming_sentences(found, dose, k)) \
        or section is not None and words.otc.search(section.heading or "")
    return bool(sold or worded) and not found.matches(words.prescribed, k)


def _naming_sentences(found, dose, k: int) -> range:
    """The sentences of a dose's text from the one that names its medicine to its own (the one
    before, for a dose that names none): a dose whose medicine an earlier sentence of its text
    names ("Ibuprofen (Advil) is fine. During a race you can take 400 mg every 4 hours") is
    bought as that sentence says."""
    if dose.substance is None:  # the medicine is the sentence before's (:func:`_named_just_before`)
        return range(max(k - 1, 0), k + 1)
    named = dose.substance.span[0]
    first = found.index(named) if 0 <= named < dose.span[0] else k
    return range(max(first, k - 2), k + 1)


def _left_to_dos001(record, field: str, dose, words: Wordings) -> bool:
    """Is the dose an as-needed interval that states no maximum ("200 to 400 mg every four to six
    hours as you need it")? Its day above the label's limit without a prescription is the
    missing maximum DOS001 names, not a second finding."""
    return (_repeat_interval(dose) is not None and _taken_as_needed(dose) and not _states_maximum(dose)
            and not _bounded_in_sentence(record, field, dose, words))


def _unit_strength_of(dose, words: Wordings) -> str:
    """The strength of the units a dose counts, without spaces ("200mg"): its own ("2 x 200 mg
    tablets"), else the one its brackets restate its mass as ("600 mg (three 200 mg tablets)":
    ``bracketed_strength``); "" when it gives none."""
    if dose.strength is not None and dose.strength.kind == "unit":
        return dose.strength.raw.replace(" ", "")
    if dose.amount is None or dose.amount.unit is None or dose.amount.unit.kind != "mass":
        return ""
    m = words.bracketed_strength.search(dose.text, dose.amount.span[1] - dose.span[0])
    return m.group("strength").replace(" ", "") if m else ""


def _bracketed_mass_problem(record, field: str, dose, c, words: Wordings):
    """(message, suggestion) when a liquid dose with its mass in brackets ("10 mL (10 mg) twice
    a day") allows more of that mass a day than the ceiling."""
    a, dm = dose.amount, dose.daily_maximum()
    volume = a.quantity("upper") if a is not None else None
    if volume is None or dm is None or dose.strength is not None or dose.weight_based or not c.get("per_day"):
        return None
    reg = _units.get_registry()
    if not _same_dim(volume, reg.Quantity(1, "milliliter")) or not _same_dim(dm.quantity, volume / reg.Quantity(1, "day")):
        return None
    m = words.volume_mass.match(getattr(record, field, "") or "", a.span[1])
    if m is None:
        return None
    mass = _units.quantity(float(m.group("value")), m.group("unit"))
    n = (dm.quantity * reg.Quantity(1, "day") / volume).to("dimensionless").magnitude
    cap = _units.quantity(*_split(c["per_day"]))
    if not _same_dim(mass, cap) or (mass * n).to(cap.units).magnitude <= cap.magnitude * (1 + 1e-9):
        return None
    fq = _units.format_quantity
    return (f"\"{dose.text}\" allows {fq(mass)} × {_units.format_number(round(n, 6))}/day = {fq((mass * n).to(cap.units))} "
            f"a day > {fq(cap)} ({c['source']}).".replace("µg", "mcg"),
            f"Keep {c['name']} within {fq(cap)} a day: lower the amount or the frequency, as the product label states.")


def _stated_doses_a_day(dose) -> int | None:
    """The most doses in 24 hours a dose states as a count ("up to 6 times in 24 hours", "max 4
    doses a day"); an interval's count is not stated and is left to DOS001."""
    if dose.max_doses_per_day is not None:
        return int(dose.max_doses_per_day.value)
    f = dose.frequency
    if f is not None and f.kind == "times_daily" and not dose.titration:
        return f.max_administrations_per_24h
    return None


def _child_doses_problem(article, record, field: str, dose, c, words: Wordings):
    """(message, suggestion) when a child's dose ("| 2 to 3 years | 7.5 ml | Up to 6 times in 24
    hours |") states more doses in 24 hours than the children's label allows."""
    most = c.get("child_doses_per_day")
    n = _stated_doses_a_day(dose) if most else None
    if n is None or n <= most:
        return None
    section = getattr(record, "section", None)
    places = (getattr(record, field, "") or "", getattr(section, "heading", None) or "", article.title or "")
    if not any(words.child.search(p) for p in places):
        return None
    return (f"\"{dose.text}\" gives a child {c['name']} {_units.format_number(n)} times in 24 hours; the children's "
            f"label allows at most {most} doses in 24 hours ({c.get('child_source', c['source'])}).",
            f"Give it no more than {most} times in 24 hours (many labels say 4), with at least 4 hours between doses, "
            "as the product label states.")


def _products_in(text: str, data, strengths: bool = False) -> list:
    """(ceiling entry, quantity, as written) of each single amount of a ceiling medicine in ``text``;
    with ``strengths``, a count's unit strength too ("Cetirizine 10 mg Tablets (14 Tablets)": the
    14 tablets are the pack, 10 mg each)."""
    found = []
    for dose in doses_in(text or ""):
        c = ceiling_for(dose, data) or _last_named(text[:dose.span[0]].lower(), data)
        q = dose.amount.quantity("upper") if dose.amount is not None and not dose.amount.is_range else None
        raw = dose.amount.raw if dose.amount is not None else ""
        st = dose.strength
        if strengths and st is not None and st.kind == "unit" and dose.count_unit is not None:
            q, raw = _units.quantity(st.value, st.unit), st.raw
        if c and c.get("per_day") and q is not None and _same_dim(q, _units.quantity(*_split(c["per_day"]))):
            found.append((c, q, raw))
    return found


def _combined_products_in(text: str, data) -> list:
    """(ceiling entry, strength, as written) of each substance with a ceiling of a combination
    product ``text`` names with its strengths ("Hydrocodone-Acetaminophen 5-500mg": acetaminophen,
    500 mg in each tablet), so that a bare count on its page is a count of that substance."""
    found = []
    for combo in Reading(text).combinations:
        for part in combo.ingredients:
            c = _last_named(part.substance, data) if part.strength is not None else None
            if c and c.get("per_day"):
                q = _units.quantity(part.strength.value, part.strength.unit)
                if _same_dim(q, _units.quantity(*_split(c["per_day"]))):
                    found.append((c, q, f"{part.name.raw} {part.strength.raw}".strip()))
    return found


def _unit_statements(text: str, words: Wordings) -> tuple:
    """(entry, strength, as written, unit) of each statement in ``text`` of what one unit holds
    ("Each film-coated tablet contains cetirizine dihydrochloride 10 mg"); None for one that names
    several products, or none with a ceiling (worked out once per text)."""
    data, out = words.data, []
    for pattern in words.unit_strength + words.composition:
        for m in pattern.finditer(text):
            rest = text[m.end():sentence_span(text, m.start())[1]]
            named = _named_all(rest.lower(), data)
            amounts = [d.amount for d in doses_in(rest) if d.amount is not None]
            if len(named) != 1 or len(amounts) != 1 or amounts[0].is_range or not named[0].get("per_day"):
                out.append(None)
                continue
            c, q = named[0], amounts[0].quantity("upper")
            if q is None or _cap_like(c, q) is None:
                out.append(None)
                continue
            form = (m.groupdict().get("form") or "").lower() or None  # a composition line's unit is the title's
            out.append((c, q, f"the {c['name']} {amounts[0].raw} {form or '{form}'} the page describes", form))
    return tuple(out)


def _title_unit(article, words: Wordings) -> str | None:
    """The one unit of ``product_units`` the page's title names ("Pyrexo 650 Tablet"), else None."""
    title = (getattr(article, "title", None) or "").lower()
    found = {u for u in words.product_units if re.search(rf"(?<![\w-]){re.escape(u)}s?(?![\w-])", title)}
    return found.pop() if len(found) == 1 else None


def _keep_within(name: str, cap: str, most: int, unit: str, each: str) -> str:
    """The suggestion for a counted dose above its cap: the most units a day, or, when one unit
    is already more ("125 mcg" softgels of vitamin D against 100 mcg), a lower strength."""
    if most < 1:
        return (f"Keep {name} within {cap} a day: one {unit} of {each} is already more, so advise a "
                "lower strength or a doctor's supervision.")
    return (f"Keep {name} within {cap} a day: at most {_units.format_number(most)} {unit}s of {each} in 24 hours, "
            "as the product label states.")


def _cap_like(c: dict, q, cap_text: str | None = None) -> str | None:
    """The ceiling's daily cap (``cap_text``, else its ``per_day``) in the measure of ``q``, else
    the one of its ``also_per_day`` that is ("125 mcg" of vitamin D against 100 mcg, not
    4000 IU); None when none is."""
    for text in [cap_text or c["per_day"], *c.get("also_per_day", [])]:
        if _same_dim(q, _units.quantity(*_split(text))):
            return text
    return None


class _PageProduct:
    """The one product a page is about, for DOS003: the one a label's facts panel gives per
    serving ("Serving Size: 2 Capsules" with "Magnesium ... 200 mg" per serving: 100 mg a
    capsule), else the one its title names with its strength ("Ibuprofen 200 mg Film-coated
    Tablets", "Naproxen Sodium Tablets 220 mg"). A counted dose on the page that names no
    strength or medicine of its own ("take 1 or 2 tablets ... Do not take more than 10 tablets
    in any 24 hour period") is a count of that product. A page that gives a serving of several
    units without its amount per serving has no product: the title's amount may be a serving's."""

    def __init__(self, article, data, words: Wordings) -> None:
        self.entry = self.strength = self.unit = None
        self.words, self.judged = words, set()
        serving = self._serving(article, data, words)
        if serving is not None:
            found = serving
        else:
            title = getattr(article, "title", None) or ""
            found = [(c, q, f"the {raw} product the title names") for c, q, raw in
                     _products_in(title, data, strengths=True) or _combined_products_in(title, data)]
            forms = {d.form.name for d in doses_in(title) if d.form is not None and d.form.name in words.product_units}
            self.unit = forms.pop() if found and len(forms) == 1 else None  # "Cetirizine 10 mg Tablets"
        if not found:  # "Each softgel provides vitamin D3 125 mcg": one unit's own statement
            found, self.unit = self._unit_strength(article, data, words)
        if len(found) == 1:
            self.entry, self.strength, self.shown = found[0]

    @staticmethod
    def _unit_strength(article, data, words: Wordings):
        """([(entry, strength, as written)], unit) from the page's statements of what one unit holds
        ("Each film-coated tablet contains cetirizine dihydrochloride 10 mg", "Each tablet contains
        10 mg of cetirizine"), when they name one product; ([], None) otherwise."""
        texts = [text for _, _, text in text_fields(article)] + _subtitles(article)  # a subtitle "Composition: ..."
        found = [x for text in texts if text for x in per_text(_unit_statements, text, words)]
        if not found or None in found:
            return [], None
        if any(form is None for *_, form in found):  # "Salt composition: Paracetamol (650mg)" under "Pyrexo 650 Tablet"
            unit = _title_unit(article, words)
            if unit is None:
                return [], None
            found = [(c, q, raw.replace("{form}", unit), form or unit) for c, q, raw, form in found]
        if len({form for *_, form in found}) != 1:
            return [], None
        if len({(c["name"], _units.format_quantity(q)) for c, q, _, _ in found}) != 1:
            return [], None
        c, q, raw, form = found[0]
        return [(c, q, raw)], form

    @staticmethod
    def _serving(article, data, words: Wordings):
        """[(entry, strength of one unit, as written)] from a facts panel's serving size and amount
        per serving; [] when the serving is several units and its amount is not found; None when
        the page gives no serving of several units."""
        count = None
        for _, _, text in text_fields(article):
            m = words.serving_size.search(text or "")
            if m is not None:
                count = float(m.group("count"))
                break
        if not count or count <= 1:
            return None
        for _, _, text in text_fields(article):
            m = words.per_serving.search(text or "")
            if m is not None:  # the amounts after the wording ("Amount Per Serving: Magnesium 200 mg")
                found = _products_in(text[m.end():].lstrip(" :–-"), data)
                if len(found) == 1:
                    c, q, raw = found[0]
                    return [(c, q / count, f"the {raw} a serving of {_units.format_number(count)} holds")]
        return []

    def _count_a_day(self, dose):
        """(count a day, how it is read, the limit's span or None) of a counted dose: the page's
        stated daily limit in its count, else its stated most a dose at its doses a day ("2
        capsules daily ... take up to 4 capsules"), else the most its schedule allows."""
        if dose.strength is not None or dose.weight_based:
            return None
        if dose.count_unit is None and self.unit is not None:
            return self._bare_count_a_day(dose)
        if dose.count_unit not in self.words.product_units:
            return None
        unit, fn = dose.count_unit, _units.format_number
        lim = dose.max_per_day
        if lim is not None and not lim.assumed and dose.limit_unit(lim)[0] == unit:
            return lim.value, f"the stated limit of {fn(lim.value)} {unit}s a day", lim.span
        most, f = dose.max_per_dose, dose.frequency
        if most is not None and dose.limit_unit(most)[0] == unit and f is not None \
                and f.kind in ("daily", "nightly", "times_daily") and f.max_administrations_per_24h \
                and most.value > dose.amount.upper.value:
            n = most.value * f.max_administrations_per_24h
            return n, f"up to {fn(most.value)} {unit}s a dose, {f.raw}", most.span
        dm = dose.daily_maximum()
        reg = _units.get_registry()
        if dm is None or not _same_dim(dm.quantity, reg.Quantity(1, unit) / reg.Quantity(1, "day")):
            return None
        return dm.quantity.magnitude, dm.explanation.rsplit(" = ", 1)[0], None

    def _bare_count_a_day(self, dose):
        """(count a day, how it is read, None) of a count with no unit on a page whose product is
        counted in units ("two a day is fine" under "Each tablet contains cetirizine 10 mg"): the
        count is of the product's units; a count with a unit of another kind is not."""
        a, f = dose.amount, dose.frequency
        if a is None or a.unit is not None or dose.form is not None or f is None or dose.as_needed is not None:
            return None
        most = f.max_administrations_per_24h
        if not most or f.kind not in ("daily", "nightly", "times_daily"):
            return None
        n = a.upper.value * most
        return n, f"{_units.format_number(a.upper.value)} {self.unit}s {f.raw}", None

    def problem(self, record, field: str, dose, c):
        """The hit when a counted dose of the page's product allows more a day than its ceiling
        (the limit without a prescription for a strength sold so): at the page's limit when the
        count is the limit's ("do not exceed 4 tablets in a 24-hour period"), else at the dose."""
        if self.entry is None or c is not self.entry or dose.substance is not None:
            return None
        if self._less_than_daily(dose, c):
            return self._period_problem(record, field, dose, c)
        text = getattr(record, field, "") or ""
        a, b = sentence_span(text, dose.span[0])
        if dose.count_unit is None and text[a:b].rstrip().endswith("?"):
            return None  # "Can I take two a day?": a question asks, the answer is judged
        if (record, field, a) in self.judged:
            return None  # one finding a sentence ("one in the morning and one at night, so two a day")
        counted = self._count_a_day(dose)
        if counted is None:
            return None
        n, how, limit_span = counted
        if limit_span is not None and (record, limit_span) in self.judged:
            return None  # the limit is reported once, at the first dose it bounds
        fq, fn = _units.format_quantity, _units.format_number
        each = fq(self.strength)
        sold = any(a == c["name"] and b.replace(" ", "") == each.replace(" ", "") for a, b in self.words.otc_strengths)
        otc = sold and bool(c.get("otc_per_day"))
        cap_text = _cap_like(c, self.strength, c["otc_per_day"] if otc else None)
        if cap_text is None:
            return None
        cap = _units.quantity(*_split(cap_text))
        total = self.strength * n
        if total.to(cap.units).magnitude <= cap.magnitude * (1 + 1e-9):
            return None
        if limit_span is not None:
            self.judged.add((record, limit_span))
        self.judged.add((record, field, a))
        unit = dose.count_unit or self.unit
        without = ", the limit without a prescription" if otc else ""
        most = math.floor(cap.magnitude / self.strength.to(cap.units).magnitude + 1e-9)
        subject = dose.text if limit_span is None else f"{text[limit_span[0]:limit_span[1]]}\" with \"{dose.text}"
        message = (f"\"{subject}\" allows {how}: {fn(n)} × {each} (the {unit} of {self.shown}) = "
                   f"{fq(total.to(cap.units))} a day > {fq(cap)}{without} ({c['source']}).".replace("µg", "mcg"))
        suggestion = _keep_within(c["name"], fq(cap), most, unit, each)
        if limit_span is None:
            return _hit(record, field, dose, message, suggestion)
        return Hit(record, excerpt=text[limit_span[0]:limit_span[1]], start=limit_span[0], field=field,
                   message=message, suggestion=suggestion)


    @staticmethod
    def _less_than_daily(dose, c) -> bool:
        """Is the dose taken less than daily ("one tablet a week") of a medicine whose ceiling
        is per period (``per_period``: alendronate 70 mg a week)? Its day is not the measure."""
        apd = dose.frequency.administrations_per_day if dose.frequency is not None else None
        return bool(c.get("per_period")) and apd is not None and apd < 1

    def _period_problem(self, record, field: str, dose, c):
        """The hit when a less-than-daily count of the page's product gives more in the
        ceiling's period than it allows ("two tablets a week" of a 70 mg weekly tablet)."""
        if dose.strength is not None or dose.weight_based or dose.count_unit not in self.words.product_units \
                or dose.amount is None:
            return None
        fq, fn, period = _units.format_quantity, _units.format_number, c["per_period"]
        cap = _units.quantity(*_split(period["amount"]))
        count = dose.amount.upper.value
        total = self.strength * count * dose.frequency.administrations_per_day * _days(period["period"])
        if not _same_dim(total, cap) or total.to(cap.units).magnitude <= cap.magnitude * (1 + 1e-9):
            return None
        message = (f"\"{dose.text}\" gives {fn(count)} × {fq(self.strength)} (the {dose.count_unit} of {self.shown}) "
                   f"{dose.frequency.raw} = {fq(total.to(cap.units))} per {period['period']} > {period['amount']} "
                   f"({c['source']}).")
        suggestion = f"Keep {c['name']} within {period['amount']} per {period['period']}, as the product label states."
        return _hit(record, field, dose, message, suggestion)


class _Together:
    """DOS003's running sum of the doses of one medicine that a sentence gives together
    ("diclofenac 50 mg three times a day, plus diclofenac 75 mg slow-release once a day")."""

    def __init__(self, words: Wordings) -> None:
        self.words = words
        self.reset()

    def reset(self) -> None:
        self.last = None  # (record, field, sentence start, ceiling name, end of the dose, total, working)

    def add(self, record, field: str, dose, c):
        dm = dose.daily_maximum()
        if dm is None or dose.weight_based or not c.get("per_day"):
            self.reset()
            return None
        text = getattr(record, field, "") or ""
        start, _ = sentence_span(text, dose.span[0])
        last, total, working = self.last, dm.quantity, [_units.format_quantity(dm.quantity)]
        if (last is not None and last[:4] == (record, field, start, c["name"]) and _same_dim(last[5], total)
                and self.words.concurrent.search(text, last[4], dose.span[0])):
            total, working = last[5] + total.to(last[5].units), last[6] + working
        self.last = (record, field, start, c["name"], dose.span[1], total, working)
        cap = _per_day(c["per_day"])
        if len(working) < 2 or not _same_dim(total, cap) or total.to(cap.units).magnitude <= cap.magnitude * (1 + 1e-9):
            return None
        fq = _units.format_quantity
        return (f"\"{dose.text}\" is taken together with the {c['name']} before it: {' + '.join(working)} = "
                f"{fq(total.to(cap.units))} > {fq(cap)} ({c['source']}).".replace("µg", "mcg"),
                f"Keep all {c['name']} taken in a day within {fq(cap)}: drop one product or lower the doses.")


# ---------------------------------------------------------------------------
# DOS004


def _comparable(dose):
    """(quantity, as shown, basis): the daily total where it can be worked out ("day"),
    else the amount of one dose ("dose"); a daily total is only compared with daily totals,
    a dose with doses, and a per-kg dose with nothing."""
    if dose.weight_based:
        return None
    dm = dose.daily_maximum()
    if dm is not None:
        return dm.quantity, dm.explanation.rsplit("= ", 1)[-1], "day"
    if dose.amount is not None and dose.strength is None:
        q = dose.amount.quantity("upper")
        if q is not None:
            return q, dose.amount.raw, "dose"
    return None


@check("DOS004", name="inconsistent-dose", category="dosing", severity="warning",
       fix="Use one amount and unit for the substance throughout the article (check mg vs g vs mcg).",
       bad=("Dietary Molecular Supplements\n-\nCollagen Peptides (10 g/day) – Hydration.\n"
            "-\nCollagen Peptides (10 mg/day) – Same product, lower dose.",),
       good=("Dietary Molecular Supplements\n-\nCollagen Peptides (10 g/day) – Hydration.\n"
             "-\nCollagen Peptides (5 g/day) – A lower dose for beginners.",))
def inconsistent_dose(article, ctx):
    """One substance should not be dosed a hundredfold differently in one article.

    **What it does.** Groups the doses of the article by medicine (the
    ceiling entry's name and synonyms, else the parsed medicine; a clause
    opening such as "Adults:" or "CrCl 30 mL/min:" names none) and compares
    like with like in different items, paragraphs or FAQ entries: daily
    totals with daily totals, single doses with single doses, in one
    dimension (mg with g, never tablets with mg or a dose with a daily
    total). Amounts differing by the factor in checks/dosing.yaml (100×) or
    more after unit conversion are flagged at the later occurrence. Per-kg
    doses and product strengths are not compared.

    **Why it matters.** "10 g/day" in one place and "10 mg/day" in another
    means one of them is a mg/g slip — a thousandfold error either way.

    **Example.** "Collagen Peptides (10 g/day)" … "Collagen Peptides (10 mg/day)".

    **Fix.** Check the source and use one amount and unit throughout.

    **Source.** ISMP List of Error-Prone Abbreviations, Symbols, and Dose
    Designations (unit confusions mg/mcg/g); ISMP guidance on consistent
    dose expression.
    """
    data = ctx.data("dosing")
    factor = data["inconsistency_factor"]
    seen: dict[str, _Seen] = {}
    for record, field, dose in all_doses(article):
        c = ceiling_for(dose, data)
        key = c["name"] if c else dose.substance_key
        if not key:
            continue
        comp = _comparable(dose)
        if comp is None:
            continue
        q, shown, basis = comp
        known = seen.setdefault((key, basis), _Seen(factor))
        prev = known.first_conflict(record, q, True)  # like with like: one dimension only
        if prev is not None:
            prev_q, prev_shown, prev_text = prev
            a, b = q.to(prev_q.units).magnitude, prev_q.magnitude
            ratio = max(a, b) / min(a, b) if min(a, b) > 0 else float("inf")  # absurd amounts overflow
            times = _units.format_number(round(ratio)) if ratio < float("inf") else "more than 1e308"
            problem = f"differs {times}× from"
            yield _hit(record, field, dose,
                       f"\"{dose.text}\" ({shown}) {problem} \"{prev_text}\" ({prev_shown}) for {key} earlier in "
                       "the article.",
                       f"Check the source and use one amount and unit for {key} throughout.")
        known.add(record, q, shown, dose.text)


def _conflicts(q, prev_q, multi: bool, factor: float) -> bool:
    """DOS004's rule for two doses of one substance: other dimensions (unless the data
    allows two), or amounts ``factor`` or more apart."""
    if not _same_dim(q, prev_q):
        return not multi
    a, b = q.to(prev_q.units).magnitude, prev_q.magnitude
    return min(a, b) > 0 and max(a, b) / min(a, b) >= factor


class _Seen:
    """The doses of one substance met so far in an article, for DOS004.

    A dose is compared with the doses of earlier records (those of its own record
    come last and are skipped). Rather than with each of them, it is compared with
    the few that can be the first it conflicts with: the first dose of every other
    dimension, and the first doses that were the smallest or largest so far in its
    own dimension. The candidate that comes first is checked with the rule itself;
    a rounding doubt at the factor's edge falls back to the plain scan."""

    def __init__(self, factor: float) -> None:
        self.factor = factor
        self.entries: list[tuple] = []     # (record, q, shown, text)
        self.merged = 0                    # entries[:merged] are in the summaries below
        self.first: dict = {}              # dimension -> index of its first dose
        self.lows: dict = {}               # dimension -> [(-magnitude, index)], each a new minimum
        self.highs: dict = {}              # dimension -> [(magnitude, index)], each a new maximum

    def add(self, record, q, shown: str, text: str) -> None:
        self.entries.append((record, q, shown, text))

    def _merge(self, record) -> None:
        """Fold in the entries of records before ``record``."""
        end = len(self.entries)
        while end > self.merged and self.entries[end - 1][0] is record:
            end -= 1
        for i in range(self.merged, end):
            q = self.entries[i][1]
            dim, m = q.dimensionality, q.to_base_units().magnitude  # unit arithmetic only for a repeat
            self.first.setdefault(dim, i)
            if m > 0:
                lows, highs = self.lows.setdefault(dim, []), self.highs.setdefault(dim, [])
                if not lows or -m > lows[-1][0]:
                    lows.append((-m, i))
                if not highs or m > highs[-1][0]:
                    highs.append((m, i))
        self.merged = end

    def first_conflict(self, record, q, multi: bool):
        """(q, shown, text) of the first dose of an earlier record that ``q`` conflicts with, or None."""
        import bisect

        self._merge(record)
        if not self.merged:
            return None
        dim, a = q.dimensionality, q.to_base_units().magnitude
        found = [] if multi else [i for d, i in self.first.items() if d != dim]
        if a > 0:
            slack = 1 + 1e-9
            lows, highs = self.lows.get(dim, []), self.highs.get(dim, [])
            k = bisect.bisect_left(lows, (-a / self.factor * slack, -1))
            found += [lows[k][1]] if k < len(lows) else []
            k = bisect.bisect_left(highs, (a * self.factor / slack, -1))
            found += [highs[k][1]] if k < len(highs) else []
        if not found:
            return None
        first = self.entries[min(found)]
        if not _conflicts(q, first[1], multi, self.factor):  # at the edge of the factor: scan
            first = next((e for e in self.entries[:self.merged] if _conflicts(q, e[1], multi, self.factor)), None)
        return first[1:4] if first is not None else None


# ---------------------------------------------------------------------------
# DOS006


def _least_daily(dose):
    """(quantity per day, working) the schedule asks for at the least: the lower amount at
    the least frequent rate it states ("400 mg every 4 hours" = 2.4 g; "every 4-6 hours"
    counts 4 a day; an interval the reader marks as the least gap between doses counts its
    fewest a day). None for a dose without a fixed rate (as needed with no interval,
    titrations, per-kg doses)."""
    freq = dose.frequency
    if dose.amount is None or freq is None or dose.titration or dose.weight_based or dose.per == "day":
        return None
    if freq.interval_hours is not None:
        n = math.floor(24 / max(freq.interval_hours) + 1e-9)
        if freq.fewest_per_day is not None:  # "every 2 hours, up to 6 a day": the least gap, at least one a day
            n = min(n, math.floor(freq.fewest_per_day + 1e-9))
    elif freq.kind in ("times_daily", "daily", "nightly"):
        n = freq.administrations_per_day  # "2 to 3 times a day", "up to 4 times a day": the fewest
        if freq.fewest_per_day is not None:
            n = min(n, freq.fewest_per_day)
    else:
        return None
    if not n or n < 1:
        return None
    count = dose.amount.low.value
    reg = _units.get_registry()
    if dose.strength is not None and dose.strength.kind == "unit":
        spl = _units.lookup_spelling(dose.strength.unit)
        if spl is None:
            return None
        each = reg.Quantity(dose.strength.value, spl.unit)
        return each * count * n, f"{_units.format_number(count)} × {dose.strength.raw} × {_units.format_number(n)}/day"
    q = dose.amount.quantity("low")
    if q is None:
        return None
    return q * n, f"{dose.amount.low.raw if dose.amount.low.unit else dose.amount.raw} × {_units.format_number(n)}/day"


def _limit_quantity(dose, limit):
    """The stated per-day limit as a quantity (a count of the product's units times its strength)."""
    if limit is None or limit.amount is None or limit.per_weight is not None:
        return None
    unit = limit.amount.unit
    if unit is not None and unit.kind != "count":
        return limit.amount.quantity("upper")
    if dose.strength is not None and dose.strength.kind == "unit":  # "2 tablets", "two capsules" of a strength
        spl = _units.lookup_spelling(dose.strength.unit)
        if spl is not None:
            return _units.get_registry().Quantity(dose.strength.value * limit.value, spl.unit)
    own = dose.amount.unit if dose.amount is not None else None
    if own is not None and own.unit and (unit is None or unit.unit == own.unit):
        return _units.get_registry().Quantity(limit.value, own.unit)  # "max 8" or "max 8 tablets" of tablets
    return None


@check("DOS006", name="schedule-exceeds-stated-limit", category="dosing", severity="error",
       fix="Make the schedule and the limit agree: a longer interval, a smaller dose, or the limit the label gives.",
       bad=(DRUGS + "Ibuprofen 400 mg every 4 hours as needed; do not exceed 1,200 mg a day – NSAID.",
            DRUGS + "Paracetamol 500 mg tablets: 2 tablets four times a day, max 6 tablets in 24 hours – Pain."),
       good=(DRUGS + "Ibuprofen 200 to 400 mg every 6 to 8 hours as needed; do not exceed 1,200 mg a day – NSAID.",
             DRUGS + "Paracetamol 500 mg tablets: 1 or 2 tablets every 4 to 6 hours, max 8 tablets in 24 hours – Pain."))
def schedule_exceeds_stated_limit(article, ctx):
    """A page must not give a schedule that its own limit forbids.

    **What it does.** Works out the least a dose's schedule asks for in a day — the lower
    amount at the least frequent rate written ("400 mg every 4 hours" is 2,400 mg; "1 or 2
    tablets every 4 to 6 hours" is 4 tablets) — and compares it with the per-day limit the
    page states with the dose, in its sentence or paragraph ("do not exceed 1,200 mg a
    day", "max 6 tablets in 24 hours", a table's "Max per day" cell).
    It flags the dose when even the least the schedule asks for is more than the limit
    — for an interval, more than the limit by the factor in checks/dosing.yaml (labels
    write "every 6 hours" as the shortest
    spacing under a cap up to a third lower, e.g. "2 caplets every 6 hours; do not take
    more than 6 caplets in 24 hours"): a reader cannot follow both. A range of amounts or intervals that fits under the limit
    at its lower end is not flagged (the limit then says where to stop), and neither is
    an as-needed dose without an interval. It also flags more units offered on top of such a
    capped schedule ("you may take 2 more capsules on top of your daytime doses" under "1 to 2
    capsules every 4 to 6 hours, most 8 in 24 hours": ``extra_on_top``) when the schedule's
    most a day plus the extra passes the page's own limit, unless the sentence refuses the
    extra or states a limit of its own.
    The limit must be this schedule's daily cap: not one whose sentence makes it per dose or
    per week ("no more than 2 tablets at a time", "in a week"), a first-day or titration figure
    ("your doctor may increase this to a maximum of"), a limit for a group the dose's own words
    do not name (children of an age band, older people, liver problems), or one counted in
    tablets of another strength ("400 mg tablets: no more than 3 tablets"); and "take up to 2
    tablets" or "up to 4 times a day" leaves the least a day open or at its fewest.

    **Why it matters.** A reader told "every 4 hours" and "no more than 1,200 mg a day"
    follows the first instruction they read; taking 400 mg every 4 hours is twice the
    limit the page itself gives.

    **Example.** "Ibuprofen 400 mg every 4 hours as needed" and, in the next line, "do
    not exceed 1,200 mg a day".

    **Fix.** Give the schedule that keeps within the limit ("200 to 400 mg every 6 to 8
    hours"), or check the limit against the label.

    **Source.** ISMP guidance on complete and unambiguous medication orders (a maximum
    that contradicts the frequency is a prescription a pharmacist must query); FDA OTC
    Drug Facts labeling (21 CFR 201.66: directions and the "do not exceed" limit agree).
    """
    data = ctx.data("dosing")
    factor = data["stated_limit_factor"]
    words = wordings(data)
    for record, field, dose in doses_near(article, data):  # a limit on the next line contradicts it too
        if dose.max_per_day is None or dose.max_per_day.assumed:
            continue
        if _open_amount(record, field, dose, words) or not _limit_is_the_schedules(article, record, field, dose, words):
            continue
        least = _least_daily(dose)
        cap = _limit_quantity(dose, dose.max_per_day)
        if least is None or cap is None or not _same_dim(least[0], cap):
            continue
        total, working = least
        slack = factor if dose.frequency.interval_hours is not None else 1.0  # an interval is the shortest spacing
        if total.to(cap.units).magnitude <= cap.magnitude * slack * (1 + 1e-9):
            continue
        fq = _units.format_quantity
        yield _hit(record, field, dose,
                   f"\"{dose.text}\" asks for at least {working} = {fq(total)} a day, more than the limit "
                   f"\"{dose.max_per_day.raw}\" stated with it ({fq(cap)} a day).",
                   "Make the schedule and the limit agree: a longer interval or a smaller dose that stays "
                   f"within {fq(cap)} a day, or check the limit against the product label.")
    yield from _extras_past_stated_limit(article, data)


def _open_amount(record, field: str, dose, words: Wordings) -> bool:
    """Is the schedule's amount a most per dose ("take up to 2 tablets every 4 hours",
    ``open_amount_leads``)? Its least a day is then open."""
    text = getattr(record, field, "") or ""
    amount = dose.amount
    if amount is None or not amount.span or amount.span[0] > len(text):
        return False
    return bool(words.open_amount.search(text[max(0, amount.span[0] - 24):amount.span[0]]))


def _limit_sentence(article, record, field: str, lim) -> tuple[str, str, int | None] | None:
    """(head, tail, start) of the sentence stating a dose's limit: its words before and after the
    limit, read in the dose's own text, else in a text of its section (a limit lent by a nearby
    line), and where that sentence starts in the dose's own text (None when it is another text's);
    None when no text holds the limit's words (a table's limit row)."""
    own = getattr(record, field, "") or ""
    section = getattr(record, "section", None)
    texts = [own] + [t for r, f, t in text_fields(article)
                     if t and t is not own and getattr(r, "section", None) is section]
    for text in texts:
        i = text.find(lim.raw)
        if i >= 0:
            a, b = sentence_span(text, i)
            return text[a:i], text[i + len(lim.raw):max(b, i + len(lim.raw))], a if text is own else None
    return None


def _dose_words(record, field: str, dose, limit_start) -> str:
    """The words that say whom a dose is for: its own sentence when its limit is in a later
    sentence of its text (``limit_start``, the start of the limit's sentence, None when the limit
    is in another text), else its whole text (a row, a line with its label)."""
    own = getattr(record, field, "") or ""
    if limit_start is None or not dose.span:
        return own
    a, b = sentence_span(own, dose.span[0])
    return own if a == limit_start else own[a:b]


def _limit_is_the_schedules(article, record, field: str, dose, words: Wordings) -> bool:
    """Can the page's limit be read as the daily cap of this dose's schedule? Not when the words
    after it make it per dose or per week ("at a time", "in a week"), the words before it in its
    sentence a first-day or titration figure ("your doctor may increase this to a maximum of"),
    when it names a group the dose's own text does not (children, an age band, older people,
    liver problems), or a strength of its product that is not the dose's ("of the 200 mg
    tablets")."""
    lim = dose.max_per_day
    found = _limit_sentence(article, record, field, lim)
    if found is None:
        return True
    head, tail, start = found
    if words.limit_not_daily.search(tail) or words.limit_not_schedules.search(head + " " + lim.raw):
        return False
    own = _dose_words(record, field, dose, start)
    for words_for in (head, _trailing_words(tail)):  # "Children 6 to 9: no more than ..."; "... for children"
        label = _population_of(words_for)
        if label is not None and not _same_population(label, own):
            return False
    groups = [p for p in words.limit_groups if p.search(head)]
    if any(not p.search(own) for p in groups):
        return False
    return _same_strength(dose, lim, head + lim.raw + tail, words)


_PER_DAY_WORDS = re.compile(r"\b(?:in|per|within|over|any|a|one|each)?[ ]*24[- ]?hours?(?:[- ]period)?\b", re.I)


def _trailing_words(tail: str) -> str:
    """The words right after a limit that may say whom it is for ("... in 24 hours for children
    or 10 for adults" gives " for children or "): up to the next number, its "in 24 hours" aside."""
    return re.split(r"\d", _PER_DAY_WORDS.sub(" ", tail), maxsplit=1)[0]


def _same_strength(dose, lim, sentence: str, words: Wordings) -> bool:
    """Is a limit counted in the product's units (tablets, capsules) of the dose's strength? A
    sentence naming only other strengths ("no more than 3 of the 400 mg tablets",
    ``stated_limit_strengths``) is not."""
    unit = lim.amount.unit if lim.amount is not None else None
    if unit is not None and unit.kind != "count":
        return True
    named = [_strength_quantity(m.group("value"), m.group("unit")) for m in words.limit_strengths.finditer(sentence)]
    named = [q for q in named if q is not None]
    if not named:
        return True
    own = dose.strength
    mine = _strength_quantity(own.value, own.unit) if own is not None and own.kind == "unit" else None
    return mine is not None and any(_same_dim(q, mine) and abs(q.to(mine.units).magnitude - mine.magnitude)
                                    <= 1e-9 * max(1.0, mine.magnitude) for q in named)


def _strength_quantity(value, unit):
    """The strength as a quantity, or None for a unit the lexicon does not spell."""
    return _units.quantity(float(value), unit) if unit and _units.lookup_spelling(unit) is not None else None


_COUNT_WORDS = {"an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}


def _extras_past_stated_limit(article, data):
    """Hits for a sentence that offers more units on top of a schedule whose most a day its
    section states in that unit (``extra_on_top``: "you may take 2 more capsules on top of your
    daytime doses" under "1 to 2 capsules every 4 to 6 hours, most 8 in 24 hours"), when the
    schedule's most a day plus the extra passes that limit. Silent when the sentence refuses the
    extra or states a limit of its own."""
    words = wordings(data)
    capped = [(rec, d) for rec, _f, d in doses_near(article, data)
              if d.max_per_day is not None and not d.max_per_day.assumed and d.count_unit]
    if not capped:
        return
    for record, field, text in text_fields(article):
        if not text:
            continue
        for pattern in words.extra_on_top:
            for m in pattern.finditer(text):
                hit = _extra_past_limit(record, field, text, m, capped, words)
                if hit is not None:
                    yield hit
                    break
            else:
                continue
            break


def _extra_past_limit(record, field: str, text: str, m, capped, words: Wordings):
    """The hit for one extra offered at ``m`` against the capped schedules of its section, else None."""
    a, b = sentence_span(text, m.start())
    if words.limit.search(text, a, b) or words.refusal.search(text, max(a, m.start() - 40), m.start()):
        return None  # "as long as you take no more than 8 in 24 hours"; "do not take 2 more"
    raw = m.group("count").lower()
    extra = float(_COUNT_WORDS.get(raw) or raw)
    unit = m.group("unit").lower().rstrip("s")
    section = getattr(record, "section", None)
    worst = None
    for rec, dose in capped:
        if getattr(rec, "section", None) is not section or dose.count_unit != unit or rec is record:
            continue
        cap = dose.max_per_day.value
        most = _most_daily_count(dose)
        most = cap if most is None else min(most, cap)
        if most + extra > cap + 1e-9 and (worst is None or cap > worst[1]):
            worst = (dose, cap, most)
    if worst is None:
        return None
    dose, cap, most = worst
    n = _units.format_number
    return Hit(record, excerpt=text[a:b].strip(), start=a, field=field,
               message=f"\"{m.group(0)}\" adds {n(extra)} {unit}(s) on top of \"{dose.text}\", whose most is "
                       f"{n(most)} a day: up to {n(most + extra)}, more than the page's own limit "
                       f"\"{dose.max_per_day.raw}\".",
               suggestion="Make the extra doses count towards the stated most in 24 hours, or give the limit "
                          "the prescriber intends; a reader cannot follow both.")


def _most_daily_count(dose):
    """The most units a day a schedule allows before its cap (the higher amount at the shortest
    interval, or at its count a day), else None."""
    freq = dose.frequency
    if dose.amount is None or freq is None:
        return None
    top = (dose.amount.high or dose.amount.low).value
    if freq.interval_hours is not None:
        return top * math.floor(24 / min(freq.interval_hours) + 1e-9)
    if freq.administrations_per_day:
        return top * freq.administrations_per_day
    return None


# ---------------------------------------------------------------------------
# DOS005


class _AgeLine:
    """One line of a dose chart by age: its record, its band (youngest age in months) and its
    amount."""

    def __init__(self, record, field: str, band: re.Match, dose) -> None:
        self.record, self.field, self.dose = record, field, dose
        unit = band.group("unit") or "years"  # "12 and over": years
        months = 1 if unit.lower().startswith("month") else 12
        self.age = int(band.group("low")) * months
        self.band = band.group(0)
        self.quantity = dose.amount.quantity("upper")
        self.medicine = dose.substance_key or ""


def _chart_lines(record):
    """The records a section's blocks list line by line: table rows, list items and the short
    paragraphs that stand for a chart's lines ("6 to 8 years    10 ml")."""
    if record.type == "table" or record.type == "list":
        return [(item, "text") for item in record.items]
    if record.type == "paragraph" and _label_line(record.text):
        return [(record, "text")]
    return [None]  # a sentence: the chart, if any, stops here


def age_line(record, field: str, words: Wordings):
    """The chart line of a record that gives an age band and one amount ("6 to 8 years    10 ml"),
    else None."""
    text = getattr(record, field, "") or ""
    band = words.age_band.search(text)
    if band is None:
        return None
    doses = [d for d in doses_in(text) if d.amount is not None and d.amount.quantity("upper") is not None
             and d.per_weight is None and not (d.span[0] < band.end() and band.start() < d.span[1])]
    return _AgeLine(record, field, band, doses[0]) if len(doses) == 1 else None


def age_charts(article, words: Wordings):
    """Runs of two or more consecutive chart lines of one medicine (the one each line names, or
    none), each an age band with one amount."""
    for section in article.sections:
        run: list = []
        for block in section.blocks:
            for line in _chart_lines(block):
                found = age_line(*line, words) if line is not None else None
                if found is not None and run and found.medicine != run[-1].medicine:
                    yield from [run] if len(run) > 1 else []
                    run = []
                if found is not None:
                    run.append(found)
                    continue
                if len(run) > 1:
                    yield run
                run = []
        if len(run) > 1:
            yield run


def in_age_chart(record, words: Wordings) -> bool:
    article = getattr(getattr(record, "section", None), "article", None)
    return article is not None and any(line.record is record for run in per_article_charts(article, words)
                                       for line in run)


def per_article_charts(article, words: Wordings) -> list:
    return article.once(_charts_list, words)


def _charts_list(article, words: Wordings) -> list:
    return list(age_charts(article, words))


@check("DOS005", name="dose-falls-with-age", category="dosing", severity="error",
       fix="Check each row against the product label: a dose chart by age gives older children the same or more.",
       bad=("Paracetamol 250 mg/5 ml\n\nGive the dose for your child's age, up to 4 times in 24 hours:\n\n"
            "6 to 8 years    10 ml\n\n8 to 10 years   7.5 ml\n\n10 to 12 years  10 ml\n",),
       good=("Paracetamol 250 mg/5 ml\n\nGive the dose for your child's age, up to 4 times in 24 hours:\n\n"
             "6 to 8 years    5 ml\n\n8 to 10 years   7.5 ml\n\n10 to 12 years  10 ml\n",))
def dose_falls_with_age(article, ctx):
    """A dose chart by age must not give a younger band more than an older one.

    **What it does.** Reads the runs of two or more consecutive lines of a
    section (table rows, list items, or short lines) that each give an age
    band and one amount ("6 to 8 years    10 ml"; ``age_band`` in
    checks/dosing.yaml) and flags a line whose amount is above that of a
    band of older children in the same run.

    **Why it matters.** Label dose charts rise with age (and weight); a
    younger band given more than an older one is a row copied from the
    wrong band, and as printed the youngest children get the largest
    dose: "6 to 8 years 10 ml" of a 250 mg/5 ml suspension is 500 mg,
    twice the label's 5 ml for that age.

    **Example.** "6 to 8 years 10 ml / 8 to 10 years 7.5 ml / 10 to 12
    years 10 ml".

    **Fix.** Copy each band's dose from the product label.

    **Source.** UK children's paracetamol and ibuprofen labels and the BNF
    for Children give doses by age band that rise with age (Calpol Six Plus
    250 mg/5 ml: 6-8 years 5 ml, 8-10 years 7.5 ml, 10-12 years 10 ml).
    """
    words = wordings(ctx.data("dosing"))
    for run in per_article_charts(article, words):
        older = None
        for line in sorted(run, key=lambda x: -x.age):
            if older is not None and _same_dim(line.quantity, older.quantity) \
                    and line.quantity.to(older.quantity.units).magnitude > older.quantity.magnitude * (1 + 1e-9):
                yield _hit(line.record, line.field, line.dose,
                           f"\"{line.band}\" is given {line.dose.amount.raw}, more than the older \"{older.band}\" "
                           f"({older.dose.amount.raw}): a dose chart by age gives older children the same or more.",
                           "Check the row against the product label; one of the two bands has the wrong dose.")
                continue
            if older is None or _same_dim(line.quantity, older.quantity) \
                    and line.quantity.to(older.quantity.units).magnitude < older.quantity.magnitude:
                older = line
