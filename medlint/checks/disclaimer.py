"""Disclaimer family: the cautions a section or an article must carry.

The policy lives in ``checks/disclaimers.yaml``: which section kinds need which
disclaimer, the wordings (patterns) that satisfy each part of it, the wording
of the article-wide disclaimer, and the emergency cues that call for a
"see a doctor immediately" section.
"""

from __future__ import annotations

import re
from typing import Iterator, NamedTuple

from medlint.checks.dosing import per_text, said_in_lines, text_memo
from medlint.checks.owed import owed
from medlint.checks.posts import member_posts
from medlint.findings import Hit
from medlint.records.model import Article, Section
from medlint.policy import derived, regex as _rx
from medlint.prefilter import PatternSet, haystack
from medlint.registry import check

_BYLINE = "The article is written by Jane Roe and reviewed by Dr. Sam Lee, MD\nLast Updated: May 19, 2025."
_CLOSING = "Disclaimer: This article is general information only and is not a substitute for professional medical advice."


def _matches(patterns, text: str) -> bool:
    """Does any of ``patterns`` match ``text``? Answered once per text and wording list: the
    three disclaimer checks and the section rules ask the same questions of the same texts.
    A wording is searched only when the text holds its literals (medlint.prefilter)."""
    low, answers = _answers_for(text)
    key = tuple(patterns)
    found = answers.get(key)
    if found is None:
        found = answers[key] = any(rx.could_match(text, low) and rx.compiled().search(text) is not None
                                   for rx in map(_rx, patterns))
    return found


@text_memo
def _answers_for(text: str) -> tuple[str, dict]:
    """``text`` lowered for the prefilter, and the answers ``_matches`` has given about it
    (kept while its article is checked)."""
    return haystack(text), {}


def _says(data: dict, concepts, patterns, text: str) -> bool:
    """Does ``text`` say any of ``concepts`` (names in ``data["concepts"]``) or match ``patterns``?"""
    if patterns and _matches(patterns, text):
        return True
    return bool(concepts) and not per_text(_concepts_said, text, derived(_Concepts, data["concepts"])).isdisjoint(concepts)


class _Concepts:
    """Every concept's wordings asked of a text at once (:class:`medlint.prefilter.PatternSet`):
    which concepts it says, worked out once per text (``_says`` asks many concepts of
    every text of the page)."""

    def __init__(self, concepts: dict) -> None:
        self.by_name = {name: frozenset(map(_rx, wordings)) for name, wordings in concepts.items()}
        self.wordings = PatternSet(dict.fromkeys(_rx(p) for wordings in concepts.values() for p in wordings))

    def said(self, text: str) -> frozenset:
        found = self.wordings.matching(text)
        if not found:
            return frozenset()
        return frozenset(name for name, wordings in self.by_name.items() if not wordings.isdisjoint(found))


def _concepts_said(text: str, concepts: _Concepts) -> frozenset:
    return concepts.said(text)


def parent_of(section: Section, sections: list[Section]) -> Section | None:
    """The level-1 section a level-2 subsection belongs to (the nearest preceding one)."""
    if section.level < 2:
        return None
    for other in reversed(sections[: sections.index(section)]):
        if other.level == 1:
            return other
    return None


def _texts(section: Section) -> Iterator[str]:
    """The section's own words about itself: paragraphs, disclaimers and FAQ entries,
    whatever the importer called them (list items describe the treatments)."""
    for block in section.blocks:
        if block.type in ("paragraph", "disclaimer"):
            yield block.text
        for entry in block.entries:
            yield entry.text


def _meta_lines(article: Article) -> list[str]:
    """The texts of the page's header and footer lines (bylines, footers, badges)."""
    out = []
    for key in ("header", "footer"):
        value = article.meta.get(key)
        for line in value if isinstance(value, list) else [value] if isinstance(value, str) else []:
            text = line.get("text") if isinstance(line, dict) else line
            if isinstance(text, str):
                out.append(text)
    return out


def _says_article_concept(article: Article, ctx) -> bool:
    """Does any text, heading (a badge read as a heading: "Educational purpose only")
    or byline/footer line of the article say an article-wide concept?"""
    data = ctx.data("disclaimers")
    if article_wide_texts(article, data):
        return True
    concepts = data["article"]["concepts"]
    if any(_says(data, concepts, (), s.heading or "") for s in article.sections):
        return True
    return _says_page_kind_disclaimer(article, ctx)


def _says_page_kind_disclaimer(article: Article, ctx) -> bool:
    """Does a page of a kind with its own disclaimer (``article.page_kind_concepts``: a
    shop's product page and the dietary-supplement statement) say it in any text?"""
    data = ctx.data("disclaimers")
    by_kind = data["article"].get("page_kind_concepts") or {}
    concepts = [c for kind in sorted(page_kinds(article, ctx)) for c in by_kind.get(kind) or ()]
    return bool(concepts) and any(_says(data, concepts, (), r.text) for r in article.texts())


def article_wide_texts(article: Article, data: dict) -> list[str]:
    """Texts anywhere in the article - its title, a line above it, running text, or a
    header or footer line - that
    say an article-wide concept ("general information", "no substitute for advice"):
    they speak for every section. Worked out once per article (three checks ask)."""
    return article.once(_article_wide_texts, data)


def _article_wide_texts(article: Article, data: dict) -> list[str]:
    concepts = data["article"]["concepts"]
    # the title and the lines above it too: a badge over the title ("Educational content only")
    texts = [article.title or "", *_preamble_lines(article)] + [record.text for record in article.texts()] \
        + _meta_lines(article)
    return [_continued(t, texts[i + 1:i + 2]) for i, t in enumerate(texts) if _says(data, concepts, (), t)]


def _continued(text: str, following: list[str]) -> str:
    """``text`` with the text after it when its sentence runs on into it: a page printed as
    lines (a PDF's text, a hard-wrapped leaflet) may break a disclaimer mid-sentence ("It
    does not replace the advice of" / "your epilepsy specialist, GP ...")."""
    if following and text.rstrip() and text.rstrip()[-1].isalnum() and following[0][:1].islower():
        return f"{text} {following[0]}"
    return text


def _heading_hit(section: Section, message: str, suggestion: str, severity: str | None) -> Hit:
    return Hit(section, excerpt=section.heading or "", field="heading", message=message,
               suggestion=suggestion, severity=severity)


def _title_hit(article: Article, message: str, suggestion: str, severity: str | None) -> Hit:
    return Hit(article, excerpt=article.title, field="title", message=message,
               suggestion=suggestion, severity=severity)


def _gives_doses(section: Section, children: list[Section], data: dict) -> bool:
    """Does the section (or a same-kind subsection) give the reader a dose: a list item the
    dose reader read as one, or a text with a dose cue? An item read as a pack ("Paracetamol
    500 mg 24 tablets  R24.99": a product's strength, then how many it holds) gives none,
    whatever its words."""
    for s in [section, *children]:
        if any(not _pack(dose) for item in s.items for dose in item.doses):
            return True
        texts = [s.heading or "", *_texts(s)] + [item.text for item in s.items if not item.doses]
        if any(_gives_a_dose(t, data) for t in texts):
            return True
    return False


#: the fields of a dose reading (schema/dose.schema.json) that say how or when it is taken
_SCHEDULE_FIELDS = ("frequency", "as_needed", "directions", "route", "duration", "taper", "max_per_dose",
                    "max_per_day", "max_doses_per_day", "max_duration_days", "titration", "weight_based")


def _pack(dose: dict) -> bool:
    """Is ``dose`` a pack as a shop or a label lists it - a strength, then a count of tablets
    or millilitres, and no schedule, route or limit ("500 mg 24 tablets", "120 mg/5 ml 100
    ml") - not a dose to take ("two 500 mg tablets", "Curcumin 500 mg")?"""
    strength = (dose.get("strength") or {}).get("raw")
    amount = dose.get("amount") or {}
    if not strength or any(dose.get(f) for f in _SCHEDULE_FIELDS) or dose.get("per", "dose") != "dose":
        return False
    text = dose.get("text") or ""
    count = re.search(rf"(?<![\d.]){re.escape(_number(amount.get('low')))}\b", text[text.find(strength) + len(strength):])
    return text.find(strength) >= 0 and count is not None


def _number(value) -> str:
    return str(int(value)) if isinstance(value, (int, float)) and float(value).is_integer() else str(value)


def _gives_a_dose(text: str, data: dict) -> bool:
    """Does ``text`` give the reader a dose (``dose_cues``), read without the limits it sets
    ("Stay under 2,000 mg a day", ``limit_dose_cues``), in a sentence that does not report
    it from research, the past or history (``reported_dose_cues``), nor only says what the
    medicine comes as ("Pantoprazole comes as 20 mg and 40 mg tablets", ``form_dose_cues``)?"""
    if not _matches(data["dose_cues"], text):
        return False
    text = _without_limits(text, data.get("limit_dose_cues") or ())
    if not _matches(data["dose_cues"], text):
        return False
    reported = data.get("reported_dose_cues") or ()
    forms = data.get("form_dose_cues") or ()
    if forms and _matches(forms, text):  # the text tells the reader to take nothing: its forms are no dose
        reported = [*reported, *forms]
    if not reported or not _matches(reported, text):
        return True  # the cheap answer: no sentence of it reports anything
    return any(_matches(data["dose_cues"], s) and not _matches(reported, s) for s in _SENTENCE.split(text))


def _without_limits(text: str, limits) -> str:
    """``text`` with every limit it sets the reader cut out (amount and all)."""
    if not limits or not _matches(limits, text):
        return text
    for pattern in limits:
        text = _rx(pattern).compiled().sub(" ", text)
    return text


_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z(\"'])")


def _same_kind_children(section: Section, sections: list[Section]) -> list[Section]:
    out = []
    for other in sections[sections.index(section) + 1:]:
        if other.level <= section.level:
            break
        if other.kind == section.kind:
            out.append(other)
    return out


class _Need:
    """One section (with its same-kind subsections and its level-1 parent) a rule asks."""

    def __init__(self, section: Section, children: list[Section], parent: Section | None, asked_kinds=()):
        self.section = section
        self.family = [section, *children] + ([parent] if parent is not None else [])
        # a heading-only parent ("Treating a flare" over "Steroid creams" and "Tablets")
        # groups its medicine subsections: the caution belongs under it, once; a parent
        # another rule asks of ("Treating a flare", medicines, over "Supplements") has
        # its own caution, and the subsection's belongs at the subsection
        groups = parent is not None and parent.is_empty() and parent.kind not in asked_kinds
        self.anchor = parent if groups else section


def _needs(article: Article, rule: dict, data: dict) -> list[_Need]:
    """The sections ``rule`` asks, in reading order. A level-2 subsection of the same
    kind as its parent is covered by the parent's result; with ``only_with_doses`` only
    a section that (with its same-kind subsections) gives a dose is asked."""
    sections = article.sections
    out = []
    for section in sections:
        if section.kind != rule["kind"]:
            continue
        parent = parent_of(section, sections)
        if parent is not None and parent.kind == section.kind:
            continue
        if _matches(rule.get("not_asked_when_heading") or (), section.heading or ""):
            continue
        children = _same_kind_children(section, sections)
        if rule.get("only_with_doses") and not _gives_doses(section, children, data):
            continue
        if not _asked_by_text(rule, [section, *children]):
            continue
        out.append(_Need(section, children, parent, {r["kind"] for r in data["sections"]}))
    return out


def _asked_by_text(rule: dict, family: list[Section]) -> bool:
    """Do the family's own words call for the rule: each of ``asked_when_text`` (they speak
    of an operation) and ``asked_when_outcome`` (they sell it by its results), when given,
    matched by some text or list item of it?"""
    texts = _cover_texts(family)
    return all(any(_matches(patterns, t) for t in texts)
               for patterns in (rule.get("asked_when_text"), rule.get("asked_when_outcome")) if patterns)


def _asked(rule: dict, section: Section) -> list[dict]:
    """The rule's elements asked of ``section``: an element with ``not_asked_when_heading``
    is left out where the heading matches (a "Medicines and supplements" section doses
    licensed medicines, of which "not approved to treat disease" would be untrue)."""
    heading = section.heading or ""
    return [e for e in rule["elements"] if not _matches(e.get("not_asked_when_heading") or (), heading)]


def _element_said(element: dict, data: dict, texts: list[str], page_texts: list[str],
                  family: list[Section], sections: list[Section], title: str) -> bool:
    if any(_says(data, element.get("concepts"), element.get("patterns"), t)
           for t in texts + _also_in(element, family, sections, title)):
        return True
    page = element.get("page_concepts")
    return bool(page) and any(_says(data, page, (), t) for t in page_texts)


def _referral_covers(rule: dict, wide: list[str], data: dict, kind_rules: list[dict] = (),
                     page_texts: list[str] = ()) -> bool:
    """Does an article-wide disclaimer that sends the reader to their own clinician
    (``article_wide_covers``) speak for the whole rule, or, on a page of a kind with
    ``article_wide_covers`` for this rule (a care provider's page for its own patients),
    a text saying one of the kind's concepts - in the disclaimer, or with ``covers_in:
    page`` anywhere on the page ("If you have any questions, ring the Eye Unit")?"""
    concepts = rule.get("article_wide_covers") or ()
    if concepts and any(_says(data, concepts, (), t) for t in wide):
        return True
    for kind in kind_rules:
        concepts = (kind.get("article_wide_covers") or {}).get(rule["kind"]) or ()
        texts = page_texts if kind.get("covers_in") == "page" else wide
        if concepts and any(_says(data, concepts, (), t) for t in texts):
            return True
    return False


def section_disclaimer_gaps(article: Article, ctx) -> list[Gap]:
    """A :class:`Gap` (section, requirement, matched, missing and own element names) for
    every section a rule asks; the section is the one a finding is located at.

    What the section, its same-kind subsections and (for a level-2 subsection) its
    level-1 parent say counts. A rule with ``scope: page`` is one caution for the
    whole page: what any section of its kind says (and, for an element with
    ``page_concepts``, those wordings anywhere on the page outside the sections
    another rule asks - a medicine section's caution is the medicine's: "Ask a
    pharmacist before taking them if …") speaks for every section it asks, and a
    gap is reported once, at the first section asked. A section whose heading
    matches the rule's ``not_asked_when_heading`` is not asked. With
    ``article_wide`` an article-wide disclaimer may say the elements; with
    ``article_wide_covers`` one that sends the reader to their own doctor or
    pharmacist speaks for the whole rule. A regulated leaflet or label
    (``article.not_required_when``) and a page kind with ``section_rules: false``
    (a forum thread) are not asked. Worked out once per article (DSC001 and DSC002 read it).
    """
    return article.once(_listed_gaps, ctx)


def _listed_gaps(article: Article, ctx) -> list:
    return list(_gaps(article, ctx))


def _gaps(article: Article, ctx) -> Iterator["Gap"]:
    data, owes = ctx.data("disclaimers"), owed(article, ctx)
    if not data["sections"] or owes.waives("section_disclaimers") or (
            not owes.decided("section_disclaimers") and (
                _exempt_page(article, data["article"]) or personal_plan(article, data)
                or _no_section_rules(article, ctx))):
        return
    wide = article_wide_texts(article, data)
    asked_kinds = {r["kind"] for r in data["sections"]}
    # a declared kind wins over the kinds the page is read to be (a shop, a forum)
    kinds = frozenset() if owes.declared else page_kinds(article, ctx)
    kind_rules = _kind_rules(article, ctx)
    for rule in data["sections"]:
        if rule.get("asked") is False or kinds & set(rule.get("not_asked_on_page_kinds") or ()):
            continue
        needs = _needs(article, rule, data)
        if not needs:
            continue
        if (rule["kind"] in _shared_kinds(data) and page_cautioned(article, ctx)) or (
                rule.get("article_wide") and _referral_covers(rule, wide, data, kind_rules, _all_texts(article))):
            for need in needs:
                yield Gap(need.anchor, rule, [e["name"] for e in _asked(rule, need.section)], [])
            continue
        others = asked_kinds - {rule["kind"]}
        page_texts = [r.text for r in article.texts() if getattr(r.section, "kind", None) not in others]
        yield from _rule_gaps(article, rule, data, needs, page_texts, wide)


def _shared_kinds(data: dict) -> frozenset:
    """The section kinds that share the page's one caution (``page_caution.kinds``)."""
    return frozenset((data.get("page_caution") or {}).get("kinds") or ())


def page_cautioned(article: Article, ctx) -> bool:
    """Does the page caution its medicines and supplements at once (``page_caution``, the
    owner's ruling of 2026-12-04): does any line of it - a section's text, a parenthetical
    line, a list item, the page's or footer's disclaimer, a heading - tell the reader to ask a
    doctor or pharmacist before taking or trying them, or say the prescriber
    sets the dose (``concepts``), or does its article-wide disclaimer send the
    reader to their own clinician (``article_wide_concepts``)? Worked out once per article."""
    return article.once(_page_caution_said, ctx.data("disclaimers"))


def _page_caution_said(article: Article, data: dict) -> bool:
    rule = data.get("page_caution") or {}
    concepts, wide = rule.get("concepts") or (), rule.get("article_wide_concepts") or ()
    if concepts and any(_cautions_every_reader(t, concepts, rule, data) for t in _page_lines(article)):
        return True
    return bool(wide) and any(_says(data, wide, (), t) for t in article_wide_texts(article, data))


def _cautions_every_reader(text: str, concepts, rule: dict, data: dict) -> bool:
    """Does a sentence of ``text`` say one of ``concepts`` to every reader, not to one group
    of them (``not_for_one_group``: "... before taking calcium if you have kidney disease")?"""
    if not _says(data, concepts, (), text):
        return False
    group = rule.get("not_for_one_group") or ()
    return any(_says(data, concepts, (), s) and not (group and _matches(group, s)) for s in _SENTENCE.split(text))


def _all_texts(article: Article) -> list[str]:
    """Every running text of the page and its header and footer lines."""
    return [r.text for r in article.texts()] + _meta_lines(article)


def _kind_rules(article: Article, ctx) -> list[dict]:
    """The ``page_kinds`` entries of the kinds the article is."""
    kinds = ctx.data("disclaimers").get("page_kinds") or {}
    return [kinds[k] for k in sorted(page_kinds(article, ctx))]


def _no_article_disclaimer(article: Article, ctx) -> bool:
    """Is the page of a kind not asked for the general-information disclaimer
    (``article_disclaimer: false``: a letter or an email, a news story)?"""
    return any(rule.get("article_disclaimer") is False for rule in _kind_rules(article, ctx))


def _no_section_rules(article: Article, ctx) -> bool:
    """Is the page of a kind the section rules are not asked of (``section_rules: false``:
    a forum thread, whose posts are its members')?"""
    kinds = ctx.data("disclaimers").get("page_kinds") or {}
    return any(kinds[k].get("section_rules") is False for k in page_kinds(article, ctx))


def personal_plan(article: Article, data: dict) -> bool:
    """Is the article a personal plan (an asthma action plan; ``personal_plan_when``),
    the advice of the reader's own clinician? Worked out once per article."""
    return article.once(_personal_plan, data)


def _personal_plan(article: Article, data: dict) -> bool:
    if _matches(data.get("personal_plan_titles") or (), article.title):
        return True
    patterns = data.get("personal_plan_when") or ()
    return bool(patterns) and any(_matches(patterns, t) for t in _page_lines(article))


def page_kinds(article: Article, ctx) -> frozenset[str]:
    """The kinds of page the article is, other than an editor's article (``page_kinds``:
    a forum thread, a shop's product page), told by what it prints. Worked out once per
    article (the review and disclaimer checks ask)."""
    return article.once(_page_kinds, ctx.data("disclaimers"), bool(member_posts(article, ctx)))


def _page_kinds(article: Article, data: dict, thread: bool) -> frozenset[str]:
    kinds = data.get("page_kinds") or {}
    if not kinds:
        return frozenset()
    said = said_in_lines(_page_lines(article) + _preamble_lines(article), derived(_cue_wordings, data))
    found = {name for name, rule in kinds.items() if _is_kind(rule, said, data, thread)}
    # a kind is not the page's when the page is also of a kind in its `not_with` (a
    # newsletter that opens "Dear patients" is no letter)
    return frozenset(name for name in found if not found & set(kinds[name].get("not_with") or ()))


def _is_kind(rule: dict, said: frozenset, data: dict, thread: bool) -> bool:
    """Does the page print enough of the kind's cues (``cues``, and the wordings of its
    ``cue_concepts`` as one cue each: ``min_cues`` of them, one by default), or, for a kind
    with ``member_posts``, is it a thread of members' posts (checks/posts.yaml)? ``said``:
    the cue wordings some line of the page matches (:func:`_cues_said`)."""
    if rule.get("member_posts") and thread:
        return True
    cues = _cues(rule, data)
    count = sum(1 for cue in cues if any(_rx(p) in said for p in cue))
    return bool(cues) and count >= rule.get("min_cues", 1)


def _cues(rule: dict, data: dict) -> list[tuple]:
    """A page kind's cues, each a tuple of wordings (one of which says it)."""
    return [(cue,) for cue in rule.get("cues") or ()] + [tuple(data["concepts"][c]) for c in rule.get("cue_concepts") or ()]


def _cue_wordings(data: dict) -> PatternSet:
    """Every wording of every page kind's cues, asked of a line at once."""
    patterns = [p for rule in (data.get("page_kinds") or {}).values() for cue in _cues(rule, data) for p in cue]
    return PatternSet(dict.fromkeys(map(_rx, patterns)))


def _preamble_lines(article: Article) -> list[str]:
    """The texts of the lines printed before the title (a site's name, its navigation)."""
    value = article.meta.get("preamble")
    return [line["text"] for line in value if isinstance(line, dict) and isinstance(line.get("text"), str)] \
        if isinstance(value, list) else []


def _page_lines(article: Article) -> list[str]:
    """Every line the page prints about itself: the title, the headings, every text, the
    header and footer lines and the lines of chrome kept among the blocks (a leaflet's
    "Consumer Medicine Information" banner is read as a header line)."""
    return ([article.title] + [s.heading or "" for s in article.sections] + [r.text for r in article.texts()]
            + _meta_lines(article) + [b.text for b in article.blocks() if b.type == "chrome"])


def _cover_texts(sections: list[Section]) -> list[str]:
    """Where a page may leave the dose to the prescriber: any text or list item of it
    ("This leaflet explains how to take hydroxychloroquine. Your doctor will tell you
    how much to take." in its opening, a bullet under "How to take it")."""
    out = []
    for s in sections:
        out.extend(_texts(s))
        out.extend(item.text for item in s.items)
    return out


def _covered(rule: dict, data: dict, texts: list[str]) -> bool:
    """Does a text say one of the rule's ``covered_by`` concepts (the page leaves the
    dose to the prescriber), which speaks for every element?"""
    concepts = rule.get("covered_by")
    return bool(concepts) and any(_says(data, concepts, (), t) for t in texts)


def _rule_gaps(article: Article, rule: dict, data: dict, needs: list[_Need], page_texts: list[str],
               wide: list[str]) -> Iterator["Gap"]:
    sections = article.sections
    on_page = rule.get("scope") == "page"
    if on_page:
        # every section of the rule's kind, and the parents of those asked
        kin = [s for s in sections if s.kind == rule["kind"]]
        kin += [s for need in needs for s in need.family if s not in kin]
    for need in needs:
        family = kin if on_page else need.family
        texts = [t for s in family for t in _texts(s)]
        if rule.get("article_wide"):
            texts += wide
        if _covered(rule, data, texts + _cover_texts(sections)):
            yield Gap(need.anchor, rule, [e["name"] for e in _asked(rule, need.section)], [])
            continue
        matched, missing, own, labelled = [], [], [], []
        own_texts = [t for s in family for t in _texts(s)]
        for element in _asked(rule, need.section):
            said = _element_said(element, data, texts, page_texts if on_page else [], family,
                                 sections, article.title)
            if not said and element.get("owed") is False:
                continue  # good practice, not owed: its absence is no gap
            (matched if said else missing).append(element["name"])
            if said and _said_in_caution(element, data, own_texts):
                own.append(element["name"])
            elif said and _element_said(element, data, own_texts, [], family, sections, article.title):
                labelled.append(element["name"])
        yield Gap(need.anchor, rule, matched, missing, own, labelled)
        if on_page and missing:
            return  # the page's one caution is missing: said once, at the first section asked


class Gap(NamedTuple):
    """What one section a rule asks says of its disclaimer: the elements said anywhere
    that speaks for it (``matched``), those not said (``missing``), those the section says
    in a caution of its own words (``own``: a sentence of its texts that gives no dose
    itself) and those it says only on its doses, headings or items (``labelled``: "Adults
    and children over 12: take 2 tablets" labels a dose, it cautions no one)."""
    section: Section
    rule: dict
    matched: list
    missing: list
    own: list = []
    labelled: list = []

    def uncautioned(self) -> bool:
        """Does the section label its doses (whom they are for) with no caution of its own?"""
        return bool(self.missing and self.labelled and not self.own)


def _page_cautions(article: Article, ctx) -> bool:
    """Does any text of the page - its running text, its header, footer and chrome lines -
    caution the reader in any words (``caution_concepts``: "consult a doctor if fever lasts",
    "not a substitute for professional medical care", the supplement statement)? A section
    that gives doses with only an age label on them ("Adults: take 2 tablets") and no
    caution of its own is then cautioned by the page; on a page with none it has no
    disclaimer at all (DSC001). Worked out once per article."""
    return article.once(_cautions, ctx.data("disclaimers"))


def _cautions(article: Article, data: dict) -> bool:
    concepts = data.get("caution_concepts") or ()
    return bool(concepts) and any(_says(data, concepts, (), t) for t in _page_lines(article))


def _said_in_caution(element: dict, data: dict, texts: list[str]) -> bool:
    """Does a sentence of ``texts`` that gives no dose say ``element``?"""
    return any(_says(data, element.get("concepts"), element.get("patterns"), sentence)
               and not _gives_a_dose(sentence, data)
               for text in texts for sentence in _SENTENCE.split(text))


def _also_in(element: dict, family: list[Section], sections: list[Section], title: str = "") -> list[str]:
    """The headings and list items an element is read in as well (``also_in``):
    the section family's, every heading of the article (a handbook's "Adult
    dosing" labels the doses its other sections refer back to), or the title
    ("Paracetamol for adults")."""
    where = element.get("also_in") or ()
    out = [s.heading or "" for s in sections] if "article_headings" in where else []
    if "article_title" in where:
        out.append(title)
    for s in family:
        if "headings" in where:
            out.append(s.heading or "")
        if "items" in where:
            out.extend(item.text for item in s.items)
    return out


@check("DSC001", name="section-disclaimer-missing", category="disclaimer", severity="error",
       fix="Add a disclaimer paragraph to the section in the wording the policy asks for "
           "(see checks/disclaimers.yaml).",
       bad=("Dietary Supplements\n-\nOmega-3 Fish Oil (2000 mg/day) – Lowers inflammation.\n" + _BYLINE + "\n" + _CLOSING,
            "Mainstream Drug Therapies\n-\nNaproxen 500 mg twice daily – Longer-acting NSAID.\n" + _BYLINE + "\n"
            + _CLOSING),
       good=("Dietary Supplements\nThese products are not intended to diagnose, treat, cure, or prevent any disease. "
             "They can interact with medicines, so ask your doctor before starting any supplement.\n-\n"
             "Omega-3 Fish Oil (2000 mg/day) – Lowers inflammation.\n" + _CLOSING,
             "Mainstream Drug Therapies\n(Always consult a physician; doses below are adult averages.)\n-\n"
             "Naproxen 500 mg twice daily – Longer-acting NSAID.\n" + _CLOSING,
             "Mainstream Drug Therapies\n-\nNaproxen 500 mg twice daily – Longer-acting NSAID.\n"
             "This guide is general information. It does not replace your GP, rheumatologist or pharmacist.\n"))
def section_disclaimer_missing(article, ctx):
    """A section on medicines, supplements or investigational therapies needs a caution.

    **What it does.** For every section whose kind appears in
    ``checks/disclaimers.yaml`` (drug therapy, supplements, investigational or
    regenerative therapies; surgery only where an editor switches its rule on,
    ``asked: true``), looks for a paragraph, ``disclaimer``
    block or FAQ entry - whatever the importer called it - in the section or
    its same-kind subsections, or for a level-2 subsection in its level-1
    parent, that says each part of the required disclaimer in any of its
    wordings (``concepts``: "ask your pharmacist first", "the amounts given
    are for grown-ups", a parenthetical note under the heading …). Medicines
    and supplements get one caution for the page (``scope: page``): what one
    medicine section says speaks for the others, as does a line anywhere on
    the page telling every reader to ask before taking the medicines ("Ask a
    pharmacist before taking them if …") or saying whom the doses are for
    ("The doses here are for adults"), an article-wide disclaimer that says
    the parts, or one that sends the reader to their own doctor or
    pharmacist ("does not replace advice from your own doctor"). By the
    owner's ruling of 2026-12-04 (``page_caution``) medicines and supplements
    share that one caution: a medicine or supplement section is cautioned
    when any text of the page - the section, a parenthetical line, the page's
    or footer's disclaimer - tells the reader to ask a doctor or pharmacist
    before taking, starting or trying them ("So always seek the advice of a
    qualified professional before trying any treatments", "please consult one
    before trying any of these": the page's treatments as a whole, not one
    named medicine, "before starting one"), says the prescriber sets the
    dose ("Your doctor will tell you how much to take"), or when the page's
    disclaimer leaves the decision to the reader's own clinician ("does not
    replace the advice of your own doctor"). "Your doctor decides which
    medicine suits you" under the medicines cautions them, not the page's
    supplements. For a
    supplement section the part owed is asking before starting; "not approved
    to treat disease" and "interactions" are good practice (named in the
    message, not owed). A page with no general-information disclaimer either
    is one defect, named once by DSC003, not here; a page whose general
    disclaimer sends the reader nowhere ("for information only") is told
    once, at its first medicine or supplement section asked, or at the
    heading-only section that groups it. A warning to one group ("people who
    drink should ask a doctor", "talk to your doctor before taking calcium if
    you have kidney disease") does not count. Investigational, regenerative
    and off-label sections need their own caution (investigational or
    off-label; regulatory status), whatever the page says of its medicines.
    Only a section that gives a dose needs one (a dose a sentence
    reports from a trial, the past or history - "In the trial, 2,000 people
    took 1,000 IU a day" - is none; ``reported_dose_cues``; nor is a sentence that
    only says what the medicine comes as, "Pantoprazole comes as 20 mg and 40 mg
    tablets", ``form_dose_cues``; nor is a limit to
    keep under, "Stay under 2,000 mg of vitamin C a day", ``limit_dose_cues``,
    nor a shop's pack, "Paracetamol 500 mg 24 tablets"). A page that leaves
    the dose to the prescriber ("Your doctor will tell you how much to
    take", ``covered_by``) says the whole medicine caution. On a shop's
    product page the dietary-supplement statement and the label's "consult
    before use if you take any medication" speak for its supplement
    sections. Regulated leaflets and labels, personal plans (an asthma
    action plan), forum threads (``page_kinds``: the posts are the
    members'), letters and emails and news stories (``section_rules:
    false``: a letter's doses are its writer's instructions to its
    addressees, a story reports what others advise) are not asked; on a care
    provider's page for its own patients ("for patients of the Eye Unit") a
    disclaimer that sends the reader to the team treating them ("the advice
    of the team looking after you") speaks for the medicine and supplement
    cautions (``article_wide_covers`` of the kind), as on a student health
    service's page "for Westbrook students" that sends them to its nurse line.
    The surgery rule is off by default (the 2026-12-04 rulings: the surgeon's
    consent conversation gives an operation's risks); switched on, it is not
    asked of the instructions for a booked operation ("On the day of your
    operation"), of the aftercare of one already done (page kind
    ``aftercare``), nor of a section whose words speak of no operation
    (``asked_when_text``: a heading naming a GP surgery), and it is asked only
    of a section that sells an operation by its results (an outcome figure:
    ">90 % fast pain relief", "8 in 10 people are satisfied";
    ``asked_when_outcome``): one that lists what a surgeon may offer, or says
    when an operation is considered, promises nothing, and its risks are the
    surgeon's consent conversation; "Ask your surgeon about the risks" and
    "Your urologist will explain the risks and benefits" are its shared
    decision. US pages send the reader to "your provider". A disclaimer that
    says what it does not replace, naming the reader's own clinicians ("It
    does not replace your GP, neurologist or headache nurse", "advice from
    the resident's GP"), sends the reader to them (``own-clinician``), and
    "Always follow the directions from your prescriber" or "follow the dose
    on your own prescription label" leaves the dose to the prescriber. From
    what the page shows about itself (``checks/owed.yaml``, two signs of a
    dimension), a record of one person's care (a visit summary, a discharge
    summary: its doses are their clinician's instructions), a group's own
    page (the doses its members report) and a page for staff are not asked;
    with one sign alone the finding is given at info. When none of it is
    said, the section heading is flagged.

    **Why it matters.** Readers act on treatment lists. A dose or supplement
    list on a page that never sends the reader to a doctor or pharmacist
    before they start, or a list of stem-cell injections without
    "investigational, not approved", invites self-treatment with real harm.

    **Example.** ``Dietary Molecular Supplements`` followed straight away by
    "Curcumin 500 mg twice daily – blocks NF-kB", on a page whose only
    disclaimer says it is for information.

    **Fix.** Add a short paragraph, or a line to the page's disclaimer, e.g.
    "Ask your doctor or pharmacist before starting any of these; supplements
    are not intended to diagnose, treat, cure or prevent any disease and can
    interact with medicines."

    **Source.** FDA/FTC dietary-supplement disclaimer wording (21 CFR
    101.93(c)): "not intended to diagnose, treat, cure, or prevent any
    disease"; HONcode principle 2 (complementarity); JAMA benchmarks
    (Silberg, Lundberg & Musacchio, JAMA 1997): disclosure; the site's
    editorial policy for the per-kind wording.
    """
    for gap in _unsaid_gaps(article, ctx):
        section, rule, missing = gap.section, gap.rule, gap.missing
        heading = section.heading or "(untitled section)"
        yield _heading_hit(
            section,
            f"Section \"{heading}\" ({rule['kind']}) has no {rule['label']}: it should say "
            f"{'; '.join(missing)}.{_good_practice(rule, section)}{owed(article, ctx).note()}",
            f"Add a paragraph to \"{heading}\" that says: {'; '.join(missing)}.",
            owed(article, ctx).severity("section_disclaimers") or rule.get("severity"))


def _unsaid_gaps(article: Article, ctx) -> list["Gap"]:
    """The gaps DSC001 reports: a section whose caution says nothing its rule asks (or only
    labels its doses, on a page that cautions no one). The page's one caution for medicines
    and supplements (``page_caution``) is one defect: not raised at all on a page that lacks
    the general-information disclaimer too (DSC003 names it), and raised once, at the first
    section asked, on a page whose general disclaimer sends the reader nowhere."""
    rule = ctx.data("disclaimers").get("page_caution") or {}
    shared = _shared_kinds(ctx.data("disclaimers"))
    out, first = [], None
    for gap in section_disclaimer_gaps(article, ctx):
        if gap.matched and not (gap.uncautioned() and not _page_cautions(article, ctx)):
            continue  # said or half said (DSC002); doses labelled on a page that cautions its reader
        if gap.rule["kind"] not in shared:
            out.append(gap)
        elif rule.get("named_once_with_article_disclaimer") and article_disclaimer_lacking(article, ctx):
            continue
        elif not rule.get("once_per_page"):
            out.append(gap)
        elif first is None or _index(article, gap.section) < _index(article, first.section):
            first = gap
    return out + ([first] if first is not None else [])


def _index(article: Article, section: Section) -> int:
    return article.sections.index(section)


def _good_practice(rule: dict, section: Section) -> str:
    """A note naming the rule's elements that are good practice, not owed (``owed: false``)."""
    extra = [e["name"] for e in _asked(rule, section) if e.get("owed") is False]
    return f" Good practice as well: {'; '.join(extra)}." if extra else ""


@check("DSC002", name="section-disclaimer-incomplete", category="disclaimer", severity="warning",
       fix="Extend the section's disclaimer with the missing part named in the message.",
       bad=("Dietary Supplements\nSome of these can interact with prescribed medicines.\n-\n"
            "Omega-3 Fish Oil (2000 mg/day) – Lowers inflammation.\n" + _BYLINE + "\n" + _CLOSING,
            "Mainstream Drug Therapies\nThe doses below are adult doses.\n-\n"
            "Naproxen 500 mg twice daily – Longer-acting NSAID.\n" + _BYLINE + "\n" + _CLOSING),
       good=("Dietary Supplements\nSupplements are not regulated in the same way as medicines and can interact "
             "with prescription drugs. Discuss any supplement with your doctor or pharmacist first.\n-\n"
             "Omega-3 Fish Oil (2000 mg/day) – Lowers inflammation.\n" + _CLOSING,
             "Mainstream Drug Therapies\nAdults and children over 12: naproxen 250 mg twice daily with food.\n"
             + _CLOSING))
def section_disclaimer_incomplete(article, ctx):
    """A section disclaimer that says only part of what the policy asks.

    **What it does.** For the same sections as DSC001, when the section (or its
    level-1 parent) says some parts of the required disclaimer but not all,
    names the parts that are missing and flags the section heading. Only a
    caution the page prints is called incomplete: a section whose one part is
    an age label on its doses ("Adults and children over 12 years: take 1 to 2
    tablets", "Adults: take 2 softgels daily") prints no caution to extend; it
    is cautioned by the page when any text says a caution in any words
    (``caution_concepts``: "consult a doctor if fever lasts", "not a substitute
    for professional medical care"), and has no disclaimer at all (DSC001)
    where none does. A page whose text anywhere tells the reader to ask a
    doctor or pharmacist before taking or trying its treatments, or leaves
    the decision or the dose to the reader's own clinician, has said the
    whole medicine and supplement caution (``page_caution``, the owner's
    ruling of 2026-12-04): nothing is incomplete there. For supplements the
    part owed is asking before starting; "not approved to treat disease"
    and "interactions" are good practice (``owed: false``) and their absence
    is not raised. Who owes
    it is decided as for DSC001 (``checks/owed.yaml``: not a record of one
    person's care, a group's own page or a page for staff; at info on a page
    with one sign of them alone).

    **Why it matters.** A caution that says half of what the reader needs
    leaves them to guess the rest: a dose list that says the doses are adult
    doses but never sends the reader to a pharmacist, or a supplement note
    that warns of interactions but never says to ask before starting one.

    **Example.** ``Dietary Supplements`` with only "Some of these can
    interact with prescribed medicines."

    **Fix.** Add the missing part, e.g. "Ask your doctor or pharmacist
    before starting any of these."

    **Source.** FDA/FTC dietary-supplement disclaimer wording (21 CFR
    101.93(c)); HONcode principle 2; JAMA benchmarks (Silberg, Lundberg &
    Musacchio, JAMA 1997); the site's editorial policy.
    """
    for gap in section_disclaimer_gaps(article, ctx):
        section, rule, matched, missing = gap.section, gap.rule, gap.matched, gap.missing
        if not matched or not missing or gap.uncautioned():
            continue  # nothing said, nothing lacking, or doses labelled with no caution to extend (DSC001)
        heading = section.heading or "(untitled section)"
        yield _heading_hit(
            section,
            f"The {rule['label']} for \"{heading}\" says {'; '.join(matched)} but not "
            f"{'; '.join(missing)}.{owed(article, ctx).note()}",
            f"Add to the disclaimer of \"{heading}\": {'; '.join(missing)}.",
            owed(article, ctx).severity("section_disclaimers") or "warning")


def _labelled_disclaimers(article: Article, rule: dict):
    """Blocks that present themselves as the article's disclaimer: the blocks of a
    section of kind ``disclaimer``, or a block whose text starts with the label
    ("Disclaimer: …")."""
    for section in article.sections:
        for block in section.paragraphs:
            if section.kind == "disclaimer" or _rx(rule["label_pattern"]).search(block.text):
                yield section, block


def regulated_page(article: Article, data: dict) -> bool:
    """Is the article a regulated package leaflet or label (``article.not_required_when``
    of ``checks/disclaimers.yaml``)? Its format is its regulator's: no general-information
    disclaimer, no named writer or reviewer."""
    return _exempt_page(article, data["article"])


def _exempt_page(article: Article, rule: dict) -> bool:
    """A regulated leaflet or label, which follows its regulator's format instead (worked
    out once per article: five checks ask)."""
    return article.once(_regulated, rule)


def _regulated(article: Article, rule: dict) -> bool:
    patterns = rule.get("not_required_when") or ()
    return bool(patterns) and any(_matches(patterns, t) for t in _page_lines(article))


@check("DSC003", name="article-disclaimer-missing", category="disclaimer", severity="error",
       fix="End the article with a Disclaimer section saying it is general information and not a "
           "substitute for professional medical advice.",
       bad=("Overview\nSciatica is pain along the sciatic nerve.\n" + _BYLINE,
            "Overview\nSciatica is pain along the sciatic nerve.\nDisclaimer: Thank you for reading.\n" + _BYLINE),
       good=("Overview\nSciatica is pain along the sciatic nerve.\nDisclaimer: This guide is for general "
             "information and educational purposes only.\n" + _BYLINE,
             "After Visit Summary\nPatient: Jamie Morgan\nDate of birth: 4 July 1988\nYour medicines\n"
             "Doxycycline 100 mg: take 1 capsule twice a day for 10 days.\n"))
def article_disclaimer_missing(article, ctx):
    """The article as a whole must say it is general information, not personal advice.

    **What it does.** Looks anywhere in the article - a closing paragraph,
    a parenthetical line, a footer, an FAQ answer, a badge under the title -
    for a text that says one of ``article.concepts`` in
    ``checks/disclaimers.yaml``: general information ("for educational
    purposes only"), no substitute for professional advice ("this guide is
    no replacement for talking to your GP"), or not personal medical advice
    ("nothing here is personal medical advice"); on a shop's product page the
    supplement statement its label must print, and on a forum thread its
    terms line ("posts are the personal views of our members"), are the
    page's disclaimer (``article.page_kind_concepts``). When there is none it flags
    the block that calls itself the disclaimer ("Disclaimer: …") or, without
    one, the article title. A regulated package leaflet or Drug Facts label
    (``article.not_required_when``) follows its regulator's format and is
    not asked, nor is a personal plan (``personal_plan_when``: an asthma
    action plan is personal advice, written for one reader by their
    clinician), nor a page of a kind with ``article_disclaimer: false`` in
    ``page_kinds`` (a letter or an email to its addressees, told by its
    salutation, sign-off, From/To/Subject lines or confidentiality footer; a
    news story, told by its newsroom's lines). A page that calls itself
    general advice ("This page is general advice for our patients") or a
    general guide ("This checklist is a general guide") says it, and so does
    a tool that says what it cannot know ("it does not know about your
    health", "does not check whether a dose is right for you"). From what the
    page shows about itself (``checks/owed.yaml``), a record of one person's
    care (a visit summary, a discharge summary: not general information, and
    not asked to say it is) and a page for staff (its reader is the
    professional) are not asked, nor is a reference for prescribers (its
    professional-use notice, "Information for healthcare professionals
    only", is a disclaimer in its own words anywhere); with one sign alone
    the finding is given at info. The sign-posting disclaimer ("Always seek
    the advice of your physician or other qualified health provider",
    "Never disregard professional medical advice ..."), "does not constitute
    a medical diagnosis" and "I'm not a doctor" say it too. A disclaimer the page prints across two lines ("It does not replace
    the advice of" / "your epilepsy specialist") is read whole. On a page
    that doses medicines or supplements the message says the disclaimer must
    also ask the reader to check with a doctor or pharmacist before taking
    them (``page_caution.article_disclaimer_adds``): by the owner's ruling of
    2026-12-04 a page with no caution at all is this one defect, and DSC001
    is not raised again at its medicine and supplement sections.

    **Why it matters.** A consumer health page must make clear it supports,
    and does not replace, the relationship between a patient and their
    clinician; without it readers take lists of doses and procedures as a
    plan of care.

    **Example.** An article that ends with its FAQ and byline and never says
    it is general information.

    **Fix.** Close with "Disclaimer: This article is for general information
    only and is not a substitute for professional medical advice."

    **Source.** HONcode principle 2 (complementarity: information supports,
    not replaces, the patient-physician relationship); JAMA benchmarks
    (Silberg, Lundberg & Musacchio, JAMA 1997); the site's editorial policy.
    """
    data = ctx.data("disclaimers")
    rule = data["article"]
    owes = owed(article, ctx)
    if not article_disclaimer_lacking(article, ctx):
        return
    severity = owes.severity("article_disclaimer") or rule.get("severity")
    adds = _article_disclaimer_adds(article, ctx)
    wording = ("This article is for general information only and is not a substitute for professional medical "
               "advice" + ("; ask a doctor or pharmacist before taking any medicine or supplement it mentions."
                           if adds else "."))
    found = list(_labelled_disclaimers(article, rule))
    if found:
        section, block = found[0]
        excerpt = block.text[:60]
        message = (f"The article's disclaimer (\"{excerpt}\") does not say the article is general information "
                   f"and not a substitute for professional advice{f', nor {adds}' if adds else ''}.{owes.note()}")
        yield Hit(block, excerpt=excerpt, message=message, severity=severity, suggestion=f"Reword it: \"{wording}\"")
        return
    yield _title_hit(
        article,
        f"Article \"{article.title}\" has no {rule['label']} (general information, not a substitute for "
        f"professional advice{f', and {adds}' if adds else ''}).{owes.note()}",
        f"Add a closing section: \"Disclaimer: {wording}\"",
        severity)


def article_disclaimer_lacking(article: Article, ctx) -> bool:
    """Does the page owe the general-information disclaimer and say it nowhere (DSC003)?
    Worked out once per article (DSC001 asks it too)."""
    return article.once(_lacking, ctx)


def _lacking(article: Article, ctx) -> bool:
    data = ctx.data("disclaimers")
    owes = owed(article, ctx)
    return not (_says_article_concept(article, ctx) or owes.waives("article_disclaimer") or (
        not owes.decided("article_disclaimer") and (
            _exempt_page(article, data["article"]) or personal_plan(article, data)
            or _no_article_disclaimer(article, ctx))))


def _article_disclaimer_adds(article: Article, ctx) -> str:
    """What else the page's disclaimer must say on a page that doses medicines or
    supplements (a section ``page_caution`` asks gives a dose): that the reader asks a doctor
    or pharmacist before taking them (``page_caution.article_disclaimer_adds``); else ""."""
    data = ctx.data("disclaimers")
    adds = (data.get("page_caution") or {}).get("article_disclaimer_adds")
    return adds if adds and _doses_shared_kinds(article, data) else ""


def _doses_shared_kinds(article: Article, data: dict) -> bool:
    """Does a section the shared medicine and supplement caution asks give a dose?"""
    shared = _shared_kinds(data)
    return any(_needs(article, rule, data) for rule in data["sections"] if rule["kind"] in shared)


def _is_sign(rule: dict, text: str, m) -> bool:
    """Is the cue matched at ``m`` a sign the reader may have, not a risk or a past event,
    and one its own sentence does not tell the reader what to do about (``advised_in_sentence``:
    "See your doctor if you have a racing heartbeat, chest pain or shakiness")?"""
    context = rule.get("not_a_sign") or {}
    before = text[max(0, m.start() - 60):m.start()]
    after = text[m.end():m.end() + 30]
    if _matches(context.get("before") or (), before) or _matches(context.get("after") or (), after):
        return False
    advised = rule.get("advised_in_sentence") or ()
    return not (advised and _matches(advised, _sentence_at(text, m.start())))


def _sentence_at(text: str, at: int) -> str:
    """The sentence of ``text`` that holds the offset ``at``."""
    start = 0
    for boundary in _SENTENCE.finditer(text):
        if boundary.start() > at:
            return text[start:boundary.start()]
        start = boundary.end()
    return text[start:]


def emergency_cues(article: Article, data: dict) -> list[tuple[object, str, int]]:
    """(record, matched text, offset) for every emergency cue in the running text
    (the first sign of each cue per record)."""
    rule = data["red_flags"]
    out = []
    for record in article.texts():
        text = record.text
        for cue in rule["cues"]:
            for m in _rx(cue["pattern"]).finditer(text):
                if _is_sign(rule, text, m):
                    out.append((record, m.group(0), m.start()))
                    break
    return out


def _first_emergency_cue(article: Article, data: dict) -> str | None:
    """The matched text of ``emergency_cues(article, data)[0]``, or None (stops at the first)."""
    rule = data["red_flags"]
    cues = [_rx(cue["pattern"]) for cue in rule["cues"]]
    for record in article.texts():
        text = record.text
        for rx in cues:
            for m in rx.finditer(text):
                if _is_sign(rule, text, m):
                    return m.group(0)
    return None


def red_flag_sections(article: Article, data: dict) -> list[Section]:
    rule = data["red_flags"]
    return [s for s in article.sections
            if s.kind in rule["kinds"] or (s.heading and _matches(rule["headings"], s.heading))]


def gives_urgent_advice(article: Article, data: dict) -> bool:
    """Does any heading or text tell the reader to get urgent care (an FAQ answer,
    a key point, a label's "Stop use and ask a doctor" panel)?"""
    advice = data["red_flags"].get("advice") or ()
    texts = [s.heading or "" for s in article.sections] + [r.text for r in article.texts()]
    return any(_matches(advice, t) for t in texts)


@check("DSC004", name="red-flag-section-missing", category="disclaimer", severity="warning",
       fix="Add a \"When should you see a doctor immediately?\" section listing the emergency signs.",
       bad=("Overview\nA large fragment can cause cauda equina syndrome.\n" + _BYLINE + "\n" + _CLOSING,),
       good=("Overview\nA large fragment can cause cauda equina syndrome.\n"
             "When Should You See a Doctor Immediately?\n-\nLoss of bowel or bladder control\n" + _CLOSING,
             "Overview\nSciatica is pain along the sciatic nerve.\n" + _CLOSING,
             "Side effects\nSee your doctor if you get chest pain or a racing heartbeat.\n" + _CLOSING))
def red_flag_section_missing(article, ctx):
    """An article that mentions an emergency needs a "see a doctor immediately" section.

    **What it does.** Searches paragraphs, list items and FAQ entries for the
    emergency cues in ``checks/disclaimers.yaml`` (cauda equina syndrome,
    loss of bladder or bowel control, saddle numbness, chest pain, stroke,
    ...), as signs: a cue named as a risk, a past event or a contraindication
    ("the risk of stroke", "a history of stroke", ``red_flags.not_a_sign``)
    does not count. When a sign is present, no section is a red-flag section
    (kind ``red-flags`` or a heading like "When to see a doctor", "When should
    I seek help?") and no heading or text anywhere tells the reader to get
    urgent care ("Call 999 or go to A&E if …", "Seek urgent help if …", a
    label's "Stop use and ask a doctor if", in the country's own numbers and
    words: "Phone 111", "call 995", "Call 9-1-1", "go to your nearest
    emergency department", "call Poison Help"; ``red_flags.advice``), flags the article title and quotes
    the first cue. A sign whose own sentence tells the reader whom to see
    about it ("See your doctor if you have a racing heartbeat, chest pain or
    shakiness"; ``red_flags.advised_in_sentence``) is answered where it is named. A reference for prescribers (``checks/owed.yaml``
    ``prescribers``: a clinicians' drug reference, a drug index's or a formulary's monograph)
    is not asked: its reader is the clinician the section sends a reader to.

    **Why it matters.** A reader with an emergency sign must be told plainly
    to get urgent care, in a place they can find, not left to infer it from
    a paragraph about anatomy.

    **Example.** "A large fragment can cause cauda equina syndrome." with no
    section telling the reader what to do about it.

    **Fix.** Add "When Should You See a Doctor Immediately?" listing the signs
    and saying to seek emergency care.

    **Source.** NICE CKS Sciatica (lumbar radiculopathy) red flags; NHS
    pages on cauda equina syndrome, chest pain and stroke (cue by cue in
    the data file); HONcode principle 2; the site's editorial policy.
    """
    data = ctx.data("disclaimers")
    owes = owed(article, ctx)
    if owes.waives("red_flags") or red_flag_sections(article, data) or gives_urgent_advice(article, data):
        return
    cue = _first_emergency_cue(article, data)
    if cue is None:
        return
    yield _title_hit(
        article,
        f"The article mentions \"{cue}\", an emergency, but has no \"see a doctor immediately\" section."
        f"{owes.note()}",
        "Add a section \"When Should You See a Doctor Immediately?\" listing the emergency signs "
        "and saying to seek urgent care.",
        owes.severity("red_flags") or data["red_flags"].get("severity"))
