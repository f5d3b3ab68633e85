"""Consistency family: an article that contradicts or repeats itself.

Stated counts that do not match what follows, duplicated list items, empty
sections and leftovers of copying the page from the web. Tunable data lives
in ``checks/consistency.yaml``.
"""

from __future__ import annotations

import re
from functools import lru_cache

from medlint.checks.dosing import doses_in, matching_in, sentence_span
from medlint.checks.safety import tables as _safety_tables
from medlint.findings import Hit
from medlint.prefilter import PatternSet
from medlint.records.model import Article, FaqEntry, Section
from medlint.policy import alternation, compile_pattern, derived, regex as _rx
from medlint.registry import check

_UNITS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
          "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
         "ninety": 90}
NUMBER_WORDS: dict[str, int] = {w: i for i, w in enumerate(_UNITS)}
NUMBER_WORDS.update(_TENS)
NUMBER_WORDS.update({f"{t}-{u}": v + i for t, v in _TENS.items() for i, u in enumerate(_UNITS) if 1 <= i <= 9})
NUMBER_WORDS["a dozen"] = 12
# Every key of NUMBER_WORDS, longest first where one is a prefix of another
# ("sixty-four", "sixty", "six"): the same matches as one long alternation of
# the words sorted by length, at a tenth of its compile time.
_NUMBER = (r"(?P<num>\d{1,3}|a\ dozen|(?:" + "|".join(_TENS) + r")(?:-(?:" + "|".join(_UNITS[1:10]) + r"))?|"
           + "|".join(sorted(_UNITS, key=len, reverse=True)) + r")")


def number_value(token: str) -> int:
    token = token.lower()
    return int(token) if token.isdigit() else NUMBER_WORDS[token]


@lru_cache(maxsize=None)
def _count_rx(nouns: tuple[str, ...], max_words: int) -> re.Pattern:
    words = r"(?:[A-Za-z][\w'’-]*\s+){0," + str(max_words) + "}"
    return compile_pattern(r"(?<![\w.,–-])" + _NUMBER + r"\s+" + words + r"(?P<noun>" + "|".join(nouns) + r")\b",
                           re.I, nouns)


def _subsections(article: Article, section: Section) -> list[Section]:
    """The level-2 sections directly after a level-1 ``section``."""
    if section.level != 1:
        return []
    out = []
    for other in article.sections[article.sections.index(section) + 1:]:
        if other.level < 2:
            break
        out.append(other)
    return out


def stated_counts(article: Article, data: dict):
    """(paragraph, match, stated number, noun, what follows) for every count a paragraph introduces.

    ``what follows`` is ("list", items) for a list after the paragraph in the
    same section (only paragraphs between), or ("subsections", sections) for
    the level-2 subsections after a level-1 section whose paragraph has no
    list after it.
    """
    cfg = data["count"]
    item_nouns, group_nouns = set(cfg["item_nouns"]), set(cfg["group_nouns"])
    rx = _count_rx(tuple(sorted(item_nouns | group_nouns, key=len, reverse=True)), cfg["max_words_between"])
    hedge = compile_pattern(r"\b(?:" + "|".join(cfg["hedges"]) + r")\s+$", re.I, cfg["hedges"])
    units = {u.casefold() for u in cfg.get("units_after_number") or ()}
    for section in article.sections:
        subs = None
        for j, block in enumerate(section.blocks):
            if block.type != "paragraph":
                continue
            following = None
            for later in section.blocks[j + 1:]:
                if later.type == "list":
                    following = ("list", later.items)
                    break
                if later.type != "paragraph":
                    break
            # (a paragraph ending in a colon introduces the paragraphs after it in its own section,
            # "two medicines that work well together:" / "Paracetamol liquid ..." / "Ibuprofen liquid
            # ...", not the subsections after it: nothing to compare it with)
            introduces_lines = block.text.rstrip().endswith(":") and j + 1 < len(section.blocks)
            if following is None and not introduces_lines and all(b.type == "paragraph" for b in section.blocks[j + 1:]):
                if subs is None:
                    subs = _subsections(article, section)
                if subs:
                    following = ("subsections", subs)
            if following is None:
                continue
            for m in rx.finditer(block.text):
                if hedge.search(block.text[:m.start()]):
                    continue
                first = block.text[m.end("num"):m.start("noun")].split()
                if first and first[0].casefold() in units:
                    continue  # an amount, not a count: "in 30 mg steps"
                noun = m.group("noun").lower()
                yield block, m, number_value(m.group("num")), ("group" if noun in group_nouns else "item"), following


_SENTENCE_END = re.compile(r"[.;!?](?:\s|$)")


def named_inline(text: str, end: int, n: int, cfg: dict) -> bool:
    """Does the sentence name the ``n`` things it counts right after the count ("two supplements
    every pregnant woman is advised to take, folic acid and vitamin D, and a few ...")? After a
    mark of ``inline_marks``, the first k comma-separated names and a last pair joined by one of
    ``inline_joiners`` (each name up to ``max_inline_words`` words) make n."""
    stop = _SENTENCE_END.search(text, end)
    rest = text[end:stop.start() if stop else len(text)]
    joiner = re.compile(r"\s+(?:" + "|".join(map(re.escape, cfg["inline_joiners"])) + r")\s+")
    for mark in cfg["inline_marks"]:
        at = rest.find(mark)
        if at < 0:
            continue
        named = rest[at + len(mark):]
        if mark == "(":
            named = named.split(")", 1)[0]  # "Two medicines (ibuprofen or naproxen) are used"
        parts = [p.strip(" ()") for p in named.split(",")]
        for k, part in enumerate(parts):
            pair = joiner.split(re.sub(r"^(?:and|or)\s+", "", part), maxsplit=1)
            names = parts[:k] + pair
            if len(pair) == 2 and all(0 < len(x.split()) <= cfg["max_inline_words"] for x in names):
                if len(names) == n:
                    return True
                break
    return False


def _compare(n: int, what: str, following) -> tuple[bool, str]:
    """Whether ``n`` matches what follows, and a description of what does."""
    how, things = following
    if how == "list":
        return n == len(things), f"the list after it has {len(things)} item{'s' * (len(things) != 1)}"
    subs = things
    items = sum(len(list(s.items)) for s in subs)
    headings = ", ".join(f"\"{s.heading}\"" for s in subs)
    count = f"{len(subs)} subsection{'s' * (len(subs) != 1)} follow ({headings})"
    if what == "group":
        return n == len(subs), count
    return n in (len(subs), items), f"{count} with {items} item{'s' * (items != 1)}"


@check("CON001", name="count-mismatch", category="consistency", severity="warning",
       fix="Make the stated number match the list (add the missing items or correct the number).",
       bad=("Everyday Habits\nThese five simple habits can make a real difference:\n-\nWalk every day.\n-\n"
            "Wear cushioned shoes.\n-\nLose a little weight.\n-\nDo thigh-strengthening exercises.",
            "Non-Pharmacological Treatments\nBelow are 6 conservative options grouped into three clusters.\n"
            "Physiotherapy\n-\nManual Traction – Widens the disc space.\n-\nTENS – Closes the pain gate.\n"
            "Exercise-Based Therapies\n-\nMcKenzie Protocol – Centralizes pain.\n-\nCore Training – Builds a corset."),
       good=("Everyday Habits\nThese four simple habits can make a real difference:\n-\nWalk every day.\n-\n"
             "Wear cushioned shoes.\n-\nLose a little weight.\n-\nDo thigh-strengthening exercises.",
             "Non-Pharmacological Treatments\nBelow are 4 conservative options grouped into two clusters.\n"
             "Physiotherapy\n-\nManual Traction – Widens the disc space.\n-\nTENS – Closes the pain gate.\n"
             "Exercise-Based Therapies\n-\nMcKenzie Protocol – Centralizes pain.\n-\nCore Training – Builds a corset."))
def count_mismatch(article, ctx):
    """A stated count must match what follows it.

    **What it does.** In a paragraph that introduces a list (or, at the end of
    a level-1 section, the level-2 subsections after it), finds counts such
    as "five simple habits" or "30 options grouped into four clusters"
    (digits or number words, then up to three words, then a counted noun
    from ``checks/consistency.yaml``). Item nouns are compared with the
    items of the list that follows, or with the subsections and their
    items; group nouns ("clusters", "categories") with the number of
    subsections. Approximate counts ("about 20 tips") are not compared, nor
    a count its own sentence names ("two supplements ..., folic acid and
    vitamin D": ``inline_marks``, ``inline_joiners``).

    **Why it matters.** A count that does not match tells the reader
    something was lost or never written (a missing cluster of treatments, a
    dropped habit) and undermines trust in every other number on the page.

    **Example.** "Below are 30 conservative options grouped into four
    clinically familiar clusters." followed by three subsections.

    **Fix.** Add the missing group or item, or correct the number.

    **Source.** The site's editorial policy (internal consistency);
    JAMA benchmarks (Silberg, Lundberg & Musacchio, JAMA 1997) on
    trustworthy presentation of content.
    """
    data = ctx.data("consistency")
    for block, m, n, what, following in stated_counts(article, data):
        ok, actual = _compare(n, what, following)
        if ok or named_inline(block.text, m.end(), n, data["count"]):
            continue
        phrase = m.group(0)
        yield Hit(block, excerpt=phrase, start=m.start(),
                  message=f"\"{phrase}\" states {n}, but {actual}.",
                  suggestion="Correct the number, or add the missing items or subsections.")


def _norm(text: str) -> str:
    # str.split() parts at exactly the characters re's \s matches: the same text as
    # re.sub(r"\s+", " ", text).strip(), in a quarter of the time (asked of every item per check)
    return " ".join(text.split()).rstrip(".;:!").casefold()


@check("CON002", name="duplicate-item", category="consistency", severity="warning",
       fix="Delete the repeated item (or merge the two).",
       bad=("Common Symptoms\n-\nKnee pain that is worse after activity\n-\nMorning stiffness\n-\n"
            "knee pain that is  worse after activity.",),
       good=("Common Symptoms\n-\nKnee pain that is worse after activity\n-\nMorning stiffness\n"
             "When Should You See a Doctor Immediately?\n-\nMorning stiffness",))
def duplicate_item(article, ctx):
    """The same list item twice in one article.

    **What it does.** Compares every list item with the items before it,
    ignoring case, repeated spaces and a trailing full stop, and flags the
    later copy. A copy in a section of a kind listed in
    ``duplicates.allow_repeat_in_kinds`` (the red-flag section repeats
    emergency symptoms on purpose) is not flagged, nor a dose repeated under
    another time of the day of a schedule (``duplicates.schedule_slots``:
    "Baclofen 20 mg" under "Morning (08:00)" and under "Lunch (13:00)").

    **Why it matters.** A repeated item usually means a copy-paste slip that
    replaced a different item, so something the author meant to say is
    missing; it also makes lists look padded.

    **Example.** "Knee pain that is worse after activity and better with rest"
    appearing twice in Common Symptoms.

    **Fix.** Delete the copy, or restore the item that was meant to be there.

    **Source.** The site's editorial policy (internal consistency).
    """
    allowed = set(ctx.data("consistency")["duplicates"]["allow_repeat_in_kinds"])
    slots = ctx.data("consistency")["duplicates"].get("schedule_slots") or ()
    seen: dict[str, object] = {}
    for item in article.items():
        key = _norm(item.text)
        if not key:
            continue
        first = seen.get(key)
        if first is None:
            seen[key] = item
            continue
        if item.section.kind in allowed or first.section.kind in allowed:
            continue
        if _other_schedule_slot(first, item, slots):
            continue  # "Baclofen 20 mg" under "Morning (08:00)" and again under "Lunch (13:00)"
        where = _where_first(first, item)
        yield Hit(item, excerpt=item.text,
                  message=f"\"{item.text}\" repeats an item {where}.",
                  suggestion="Delete the repeated item, or replace it with the one that was meant to be there.")


def _where_first(first, item) -> str:
    """Where the earlier copy stands, in the words a reader of the page would use."""
    if first.section is item.section:
        return "earlier in the same list"
    if not first.section.heading:
        return "earlier, before the first heading"
    return f"earlier in \"{first.section.heading}\""


def _schedule_slot(item, slots):
    """The time of the day of a schedule an item is listed under (``duplicates.schedule_slots``):
    the short line just before its list ("7:00 am"), else its section's heading ("Morning
    (08:00)"); None when it is under none."""
    section = item.section
    blocks = section.blocks
    for i, block in enumerate(blocks):
        if any(it is item for it in block.items):
            lead = blocks[i - 1] if i > 0 else None
            text = (lead.text or "").strip() if lead is not None and lead.type == "paragraph" else ""
            if text and len(text) <= 40 and any(_rx(p).search(text) for p in slots):
                return (section, i - 1)
            break
    if section.heading and any(_rx(p).search(section.heading) for p in slots):
        return (section, -1)
    return None


def _other_schedule_slot(first, later, slots) -> bool:
    """Are two items under two different times of the day of a schedule ("Morning (08:00)" and
    "Lunch (13:00)", or "7:00 am" and "12:30 pm" over two lists)?"""
    a, b = _schedule_slot(first, slots), _schedule_slot(later, slots)
    return a is not None and b is not None and a != b


def _chrome_heading(heading: str, data: dict) -> bool:
    """Is the heading the site's furniture (a star rating, a review count;
    ``empty_section.chrome_headings``) the importer kept as a heading?"""
    patterns = (data.get("empty_section") or {}).get("chrome_headings") or ()
    return any(_rx(p).search(heading) for p in patterns)


@check("CON003", name="empty-section", category="consistency", severity="warning",
       fix="Write the section's content or remove the heading.",
       bad=("Symptoms\n-\nKnee pain after activity\nExercises\nSit on a chair and straighten one leg, hold it for "
            "five seconds, then lower it and\nWhen Should You See a Doctor Immediately?\n",
            "The low FODMAP diet\nFODMAPs are sugars that the gut absorbs poorly. Foods high in them include "
            "onions, garlic, apples, pears, milk and\nWhen to see a GP urgently\n"),
       good=("Symptoms\n-\nKnee pain after activity\nDiagnosis\nAn X-ray shows narrowing of the joint.",
             "Do’s & Don’ts\nDo\n-\nWalk short distances.\nDon’t\n-\nSlouch for hours.",
             "Treatment\nRest the knee for a day or two and walk as pain allows.\nRelated articles\n"))
def empty_section(article, ctx):
    """A content heading the writer left with nothing under it.

    **What it does.** Flags a section with no blocks only where the page's
    structure shows content is missing: the next heading is of the same or a
    higher rank (the writer moved on to the next part without writing this
    one), or the empty heading is the page's last line right after text that
    stops mid-sentence ("… pears, milk and" / "When to see a GP urgently": the
    page was cut off). It stays silent where that evidence is absent: a
    heading over lower-ranked subsections is their parent ("Do's & Don'ts"
    over "Do" and "Don't"); the last line of a complete page is a footer or a
    label ("Related articles", "Tags"); the site's furniture (a star rating, a
    review count, a share or print widget, a list's sort controls, a results
    banner, a ward or department line; ``empty_section.chrome_headings`` in
    ``checks/consistency.yaml``). On a page imported from plain text, where
    the importer guessed which lines are headings and how they rank
    (``empty_section.inferred_levels_formats``), it is stricter: a heading
    printed straight over another is their parent or a label over it
    ("Treatment" over "Small stones with few symptoms", "Nurse's corner" over
    a column's title), so an empty heading is reported only where the
    writer's own numbering makes the next heading its sibling ("2. Causes"
    then "3. Treatment"; ``empty_section.numbered_headings``), or where it is
    a content heading the section vocabulary recognises (a section kind other
    than "other": symptoms, treatment, "When to see a GP" …) on the page's
    last line after text cut off; a short line of a scraped page the
    importer took for a heading does not read as a lost section. Whatever
    the ranks, a reference list that lists nothing is reported: a section of
    kind references (with the sections printed under it) whose first block is
    the site's furniture ("Advertisement") or missing, and none of whose texts
    reads as a source (``empty_section.source_cues``: a year, a DOI, a web
    address, a PMID).

    **Why it matters.** An empty heading promises content that is missing -
    often a whole part lost when the page was copied - and readers looking
    for, say, how the condition is diagnosed find nothing.

    **Example.** "Diagnosis" followed straight away by the next heading of
    its rank; "When to see a GP urgently" as the last line after a sentence
    cut off mid-list.

    **Fix.** Write the content or remove the heading.

    **Source.** The site's editorial policy (completeness and internal
    consistency).
    """
    data = ctx.data("consistency")
    sections = article.sections
    for i, section in enumerate(sections):
        heading = section.heading or ""
        if _lists_nothing(sections, i, data):
            yield Hit(section, excerpt=heading, field="heading",
                      message=f"Section \"{heading}\" lists no source: only the site's furniture, or nothing, under it.",
                      suggestion=f"List the page's sources under \"{heading}\" or remove the heading.")
            continue
        if not section.is_empty() or _chrome_heading(heading, data):
            continue
        nxt = sections[i + 1] if i + 1 < len(sections) else None
        prev = sections[i - 1] if i > 0 else None
        if not _content_missing(article, section, prev, nxt, data):
            continue
        yield Hit(section, excerpt=heading, field="heading",
                  message=f"Section \"{heading}\" is empty: no text, list or subsections under it.",
                  suggestion=f"Write the content of \"{heading}\" or remove the heading.")


def _content_missing(article, section, prev, nxt, data: dict) -> bool:
    """Whether the page's structure shows the empty ``section`` lost its content: a heading of
    the same or higher rank follows it, or it is the last line after a sentence cut off."""
    guessed = _levels_inferred(article, data)
    if guessed and nxt is not None and _numbered_siblings(section.heading or "", nxt.heading or "", data):
        return True  # the writer's numbering: "2. Causes" straight before "3. Treatment"
    if guessed and not _content_heading(section, data):
        return False  # a short line of a scraped page, not a heading the vocabulary knows
    if nxt is None:
        return prev is not None and _cut_off_before(prev, data)
    if nxt.level > section.level:
        return False  # the parent of the subsections under it
    # on plain text the importer's ranks are guesses: a heading printed straight over another is
    # their parent (or a label over it); only the writer's numbering (above) makes them siblings
    return not guessed


def _lists_nothing(sections, i: int, data: dict) -> bool:
    """Whether ``sections[i]`` opens a reference list that lists nothing: a section of kind
    references (the first of a run: the sections printed under it share the kind) whose first
    block, in it or the run, is the site's furniture (a chrome line) or missing, and none of whose
    texts reads as a source (``empty_section.source_cues``: a year, a DOI, a web address)."""
    section = sections[i]
    if section.kind != "references" or i > 0 and sections[i - 1].kind == "references":
        return False
    cues = (data.get("empty_section") or {}).get("source_cues") or ()
    if not cues:
        return False
    run = []
    for later in sections[i:]:
        if later.kind != "references":
            break
        run.append(later)
    blocks = [block for later in run for block in later.blocks]
    if blocks and blocks[0].type != "chrome":
        return False
    texts = [later.heading or "" for later in run[1:]]
    texts += [text for block in blocks for text in (block.text or "", *(item.text or "" for item in block.items))]
    return not any(_rx(p).search(text) for p in cues for text in texts)


def _heading_number(heading: str, data: dict):
    """(scheme, number) of a heading's own numbering ("3. Treatment", "b) Exercises", "Step 2:
    ..."; ``empty_section.numbered_headings``), or None."""
    for scheme, pattern in enumerate((data.get("empty_section") or {}).get("numbered_headings") or ()):
        m = _rx(pattern).match(heading)
        if m is not None:
            n = m.group("n").lower()
            return scheme, int(n) if n.isdigit() else ord(n) - ord("a") + 1
    return None


def _numbered_siblings(heading: str, nxt: str, data: dict) -> bool:
    """Do two headings carry the next numbers of one numbering ("2. Causes" then "3. Treatment")?"""
    a, b = _heading_number(heading, data), _heading_number(nxt, data)
    return a is not None and b is not None and a[0] == b[0] and b[1] == a[1] + 1


def _content_heading(section, data: dict) -> bool:
    """Is the heading a content heading: a section kind the vocabulary recognised, or one of
    ``empty_section.content_headings``?"""
    if section.kind != "other":
        return True
    patterns = (data.get("empty_section") or {}).get("content_headings") or ()
    return any(_rx(p).search(section.heading or "") for p in patterns)


def _levels_inferred(article, data: dict) -> bool:
    """Did the importer infer the heading levels (``empty_section.inferred_levels_formats``)?"""
    formats = (data.get("empty_section") or {}).get("inferred_levels_formats") or ()
    source = article.meta.get("source")
    fmt = source.get("format") if isinstance(source, dict) else None
    return fmt in formats


def _cut_off_before(prev, data: dict) -> bool:
    """Does the section before end in a sentence cut off mid-way (CON005's ``truncation``)?"""
    last = _last_text(prev)
    rule = data.get("truncation")
    return bool(last and rule and cut_off_ending(last[2], rule))


def _word_start(text: str, pos: int) -> int:
    while pos > 0 and not text[pos - 1].isspace():
        pos -= 1
    return pos


@check("CON004", name="scrape-artifact", category="consistency", severity="warning",
       fix="Delete the leftover characters.",
       bad=("Frequently Asked Questions\n-\nIs chiropractic manipulation safe?\nHigh-velocity thrusts are "
            "controversial when a free fragment exists.\\",
            "Overview\nRest&nbsp;for a day or two, then walk."),
       good=("Frequently Asked Questions\n-\nIs chiropractic manipulation safe?\nHigh-velocity thrusts are "
             "controversial when a free fragment exists.",))
def scrape_artifact(article, ctx):
    """Leftovers of copying the page from the web.

    **What it does.** Searches headings, paragraphs, list items and FAQ
    questions and answers for the artifacts in ``checks/consistency.yaml``:
    a stray backslash (the seed's last FAQ answer ends "...exists.\\"), a
    trailing lone dash, HTML entities such as ``&nbsp;``, "[edit]" links
    and the Unicode replacement character. The excerpt is the artifact with
    the word it is attached to.

    **Why it matters.** Stray markup looks careless, makes readers doubt
    the content's care, and can break the rendered page.

    **Example.** "...when a free fragment exists.\\"

    **Fix.** Delete the characters.

    **Source.** The site's editorial policy (presentation); HONcode
    principle 8 (honesty in presentation).
    """
    artifacts = ctx.data("consistency")["artifacts"]
    wordings = derived(_artifact_wordings, artifacts)
    records = [s for s in article.sections if s.heading] + list(article.texts())
    for record in records:
        if isinstance(record, FaqEntry):
            fields = [("question", record.question), ("answer", record.answer)]
        elif isinstance(record, Section):
            fields = [("heading", record.heading)]
        else:
            fields = [("text", record.text)]
        for name, text in fields:
            found = matching_in(text, wordings)
            for artifact in artifacts:
                if _rx(artifact["pattern"]) not in found:
                    continue
                for m in _rx(artifact["pattern"]).finditer(text):
                    start = _word_start(text, m.start()) if m.group(0).strip() else m.start()
                    excerpt = text[start:m.end()].strip()
                    if not excerpt:
                        continue
                    start = text.index(excerpt, start)
                    field = "text" if isinstance(record, FaqEntry) else name
                    yield Hit(record, excerpt=excerpt, field=field, start=start,
                              message=f"{artifact['name'][:1].upper()}{artifact['name'][1:]} in \"{excerpt}\": "
                                      f"a leftover from copying the page.",
                              suggestion=f"Remove the {artifact['name']} from \"{excerpt}\".")


def _denials(rules) -> PatternSet:
    """The contradiction rules' ``denied_by`` patterns, asked of a text at once (:func:`matching_in`)."""
    return PatternSet(dict.fromkeys(_rx(r["denied_by"]) for r in rules))


def _artifact_wordings(artifacts) -> PatternSet:
    """The artifacts' patterns, asked of a text at once (:func:`matching_in`)."""
    return PatternSet(dict.fromkeys(_rx(a["pattern"]) for a in artifacts))


def _last_text(section: Section):
    """(record, field, text) of the section's last running text - its last paragraph,
    list item or FAQ answer - or None (a table's last row is a cell, not a sentence)."""
    for block in reversed(section.blocks):
        if block.type == "chrome":
            continue
        if block.type in ("paragraph", "disclaimer"):
            return block, "text", block.text
        if block.type == "table":
            return None
        if block.entries:
            entry = block.entries[-1]
            return entry, "text", entry.answer
        if block.items:
            item = block.items[-1]
            return item, "text", item.text
    return None


def _last_words(text: str, n: int = 4) -> str:
    """The last ``n`` words of ``text`` as printed (its own spacing kept)."""
    words = text[-300:].split()[-n:]
    start = len(text)
    for word in reversed(words):
        start = text.rindex(word, 0, start)
    return text[start:]


def cut_off_ending(text: str, rule: dict) -> str | None:
    """The last words of ``text`` when it stops mid-sentence (a dangling word or a comma
    with no closing mark, ``truncation`` in checks/consistency.yaml), else None."""
    text = (text or "").rstrip()
    if not text or _rx(rule["complete_endings"]).search(text[-5:]) or _rx(rule["sign_offs"]).search(text[-40:]):
        return None  # "Yours faithfully,": a letter's sign-off
    word = text.split()[-1].lower().strip("'’")
    if not (text.endswith(",") or word in rule["dangling_words"]):
        return None
    return _last_words(text)


@check("CON005", name="text-cut-off", category="consistency", severity="warning",
       fix="Restore the rest of the sentence (and whatever was lost after it) from the source.",
       bad=("Triptans\n-\nSumatriptan 50 mg at the start of the headache, up to a maximum of\n",
            "The low FODMAP diet\nFODMAPs are sugars that the gut absorbs poorly. Foods high in them include "
            "onions, garlic, apples, pears, milk and\n"
            "When to see a GP\nBleeding from the bottom needs a GP the same day."),
       good=("Triptans\n-\nSumatriptan 50 mg at the start of the headache, up to a maximum of 300 mg in 24 hours\n",
             "Exercises\n-\nShoulder rolls\n-\nWall walk: walk your fingers up the wall as far as is comfortable\n",
             "Getting started\nLog in to see your plan, then sign up"))
def text_cut_off(article, ctx):
    """A page or a list that stops mid-sentence.

    **What it does.** Reads the last running text of every section - its last
    paragraph, list item or FAQ answer - and flags it when it has no closing
    mark and ends in a word no sentence ends with (an article, "and", "or",
    "of", "as", "than", a possessive such as "your"; ``truncation`` in
    ``checks/consistency.yaml``) or in a comma: "... up to a maximum of",
    "walk them up the wall as far as", "apples, pears, milk and". Particles
    that can close a sentence ("stand up", "log in") are not counted, nor a
    letter's sign-off ("Yours faithfully,": ``sign_offs``). The excerpt is
    the last few words.

    **Why it matters.** A cut-off page loses what came after the break - often
    the daily maximum of a dose, the rest of a list, or the warning signs -
    and the reader cannot tell that anything is missing.

    **Example.** "Sumatriptan 50 mg to 100 mg ... a second dose can be taken
    after at least 2 hours, up to a maximum of" as the page's last line.

    **Fix.** Restore the text from the source, or remove the broken sentence.

    **Source.** The site's editorial policy (completeness and internal
    consistency); HONcode principle 8 (honesty in presentation).
    """
    rule = ctx.data("consistency")["truncation"]
    for section in article.sections:
        last = _last_text(section)
        if last is None:
            continue
        record, field, text = last
        ending = cut_off_ending(text, rule)
        if ending is None:
            continue
        yield Hit(record, excerpt=ending, field=field, start=len(text.rstrip()) - len(ending),
                  message=f"The text stops mid-sentence at \"{ending}\": the rest of the sentence, and perhaps "
                          f"of the page, is missing.",
                  suggestion="Restore the rest of the sentence from the source, or remove the broken sentence.")


def _pair(m: re.Match) -> frozenset | None:
    """The medicines a match names (its groups ``a`` and ``b``), or None when it names none."""
    names = m.re.groupindex
    if "a" not in names or "b" not in names:
        return None
    return frozenset((m.group("a").lower(), m.group("b").lower()))


def _text_fields(article: Article):
    for record in article.texts():
        yield record, ("answer" if isinstance(record, FaqEntry) else "text"), \
            (record.answer if isinstance(record, FaqEntry) else record.text) or ""


def contradictions(article: Article, data: dict):
    """(record, field, saying match, denying text, rule) for every saying the page denies elsewhere."""
    rule_data = data.get("contradictions")
    if not rule_data:
        return
    negation = compile_pattern(rule_data["negation_before"], re.I)
    fields = list(_text_fields(article))
    wordings = derived(_denials, rule_data["rules"])
    for rule in rule_data["rules"]:
        says, denied = _rx(rule["says"]), _rx(rule["denied_by"])
        denials = [(record, m) for record, _, text in fields if denied in matching_in(text, wordings)
                   for m in denied.finditer(text)]
        if not denials:
            continue
        for record, name, text in fields:
            for m in says.finditer(text):
                if negation.search(text[max(0, m.start() - 30):m.start()]):
                    continue
                pair = _pair(m)
                against = [d for r, d in denials if not (r is record and d.start() < m.end() and m.start() < d.end())
                           and (pair is None or _pair(d) in (None, pair))]
                if against:
                    yield record, name, m, against[0].group(0), rule
                    break


_DAYS = {"day": 1, "week": 7}


def _days(m) -> int:
    return int(m.group("n")) * _DAYS[m.group("unit").lower().rstrip("s")]


class _DurationRules:
    """``duration_limits`` of checks/consistency.yaml, compiled: the page's own limits on how long a
    medicine is taken, the durations it offers, and the words that make a duration one of taking."""

    def __init__(self, rules: dict):
        def one(key):
            return alternation(rules[key], re.I)
        self.limits = [compile_pattern(p, re.I) for p in rules["limits"]]
        self.durations = [compile_pattern(p, re.I) for p in rules["durations"]]
        self.taking = one("taking_cues")
        self.windows = alternation(rules.get("windows") or [], re.I) if rules.get("windows") else None
        self.every = PatternSet(self.limits + self.durations)  # asked of a text at once

    def said(self, text: str) -> frozenset:
        """The limit and duration patterns that find something in ``text`` (once per text)."""
        return matching_in(text, self.every)


def _medicines_here(record, text: str, start: int, ctx) -> frozenset:
    """The substances a sentence is about: those it names, else its section heading's, else the
    title's (a page titled by its medicine is about it)."""
    t = _safety_tables(ctx)
    a, b = sentence_span(text, start)
    section = getattr(record, "section", None)
    for source in (text[a:b], (section.heading or "") if section is not None else ""):
        found = {s for phrase, _, _ in t.names.find(source) if phrase in t.substances for s in t.substances[phrase]}
        if found:
            return frozenset(found)
    title = section.article.title if section is not None and section.article is not None else ""
    return frozenset(s for phrase, _, _ in t.names.find(title or "") if phrase in t.substances for s in t.substances[phrase])


def durations_beyond_limits(article, ctx):
    """(record, field, duration match, limit text, substance) for each duration the page offers for
    a medicine ("may be continued for up to 7 days") longer than every limit the page itself sets
    on how long that medicine is taken ("must not exceed 5 days")."""
    rules = ctx.data("consistency").get("duration_limits")
    if not rules:
        return
    r = derived(_DurationRules, rules)
    fields = article.once(_numeric_fields)
    if not fields:
        return
    limits: dict[str, list] = {}  # substance -> [(days, text, record, span)]
    spans = []
    for record, _name, text in fields:
        for pattern in r.limits:
            if pattern not in r.said(text):
                continue
            for m in pattern.finditer(text):
                spans.append((record, m.start(), m.end()))
                if r.windows is not None and r.windows.match(text, m.end(), m.end() + 60):
                    continue  # time elapsed since a dose, not how long the medicine is taken
                for sub in _medicines_here(record, text, m.start(), ctx):
                    limits.setdefault(sub, []).append((_days(m), m.group(0)))
    if not limits:
        return
    for record, name, text in fields:
        for pattern in r.durations:
            if pattern not in r.said(text):
                continue
            for m in pattern.finditer(text):
                if any(rec is record and a < m.end() and m.start() < b for rec, a, b in spans):
                    continue  # the limit's own words ("not for more than 5 days")
                a, b = sentence_span(text, m.start())
                if not r.taking.search(text, a, b):
                    continue  # how long symptoms last, not how long a medicine is taken
                for sub in sorted(_medicines_here(record, text, m.start(), ctx)):
                    held = limits.get(sub)
                    if held and _days(m) > max(days for days, _ in held):
                        yield record, name, m, max(held)[1], sub
                        break


_MASS = {"milligram": 1.0, "gram": 1000.0, "microgram": 0.001}


def _quantity(dose):
    """(unit, value) of a dose's amount, masses in milligrams; None without one."""
    low = dose.amount.low if dose.amount is not None else None
    unit = getattr(getattr(low, "unit", None), "unit", None)
    if low is None or unit is None or dose.amount.high is not None:
        return None
    return ("mg", low.value * _MASS[unit]) if unit in _MASS else (unit, low.value)


_A_DIGIT = re.compile(r"\d")


def _numeric_fields(article) -> tuple:
    """The running-text fields that hold a figure (worked out once per article): only they can
    state a cap, a limit or a duration."""
    return tuple((rec, name, text) for rec, name, text in _text_fields(article) if text and _A_DIGIT.search(text))


def _caps_read(article, ctx, cue):
    """(record, field, text, cue match, dose read after it, the cap's words) for each cap the page
    writes ("Max: 600 mg daily", "Maximum 1 g four times a day"): the first dose read in the rest of
    the cue's sentence."""
    for record, name, text in article.once(_numeric_fields):
        for m in cue.finditer(text):
            a, b = sentence_span(text, m.end())
            if text.rfind("(", a, m.start()) > text.rfind(")", a, m.start()):
                # a cap in brackets ("10 mg/kg (max 400 mg) every 6-8 hours") ends with them: how
                # often is the dose's outside, not the cap's
                close = text.find(")", m.end(), b)
                b = close if close >= 0 else b
            found = doses_in(text[m.end():b])
            if found:
                yield record, name, text, m, found[0], text[m.start():m.end() + found[0].span[1]]


def daily_totals_beyond_caps(article, ctx):
    """(record, field, start, text, the page's daily cap) for each cap written per dose with how
    often ("Max: 600 mg tid") whose daily total is above every daily cap the page writes for the same
    medicine ("Max: 600 mg daily", "Max: 450 mg daily"): the page says two things about the most a
    day."""
    rules = ctx.data("consistency").get("per_dose_caps")
    if not rules:
        return
    cue = derived(_cue_pattern, tuple(rules["cues"]))
    daily: dict = {}   # (substance, unit) -> [(value, text)]
    per_dose = []
    for record, name, text, m, dose, said in _caps_read(article, ctx, cue):
        q = _quantity(dose)
        times = dose.frequency.administrations_per_day if dose.frequency is not None else None
        if q is None:
            continue
        subs = _medicines_here(record, text, m.start(), ctx)
        if dose.per == "day" or times == 1.0 and dose.frequency.kind == "daily":
            for sub in subs:
                daily.setdefault((sub, q[0]), []).append((q[1], said))
        elif times is not None and times > 1:
            per_dose.append((record, name, m.start(), said, subs, q[0], q[1] * times))
    for record, name, start, said, subs, unit, total in per_dose:
        for sub in sorted(subs):
            caps = daily.get((sub, unit))
            if caps and total > max(v for v, _ in caps):
                yield record, name, start, said, max(caps)[1]
                break


def _cue_pattern(cues: tuple):
    return alternation(cues, re.I)


@check("CON006", name="self-contradiction", category="consistency", severity="warning",
       fix="Make the page say one thing: correct the sentence that contradicts the rest, or remove it.",
       bad=("Can I give both?\nDo not give paracetamol and ibuprofen at the same time. Giving paracetamol and "
            "ibuprofen together brings a fever down faster.",
            "Which is best?\nNo tablet gives complete protection, so avoid bites. This one is 100% effective.",
            "Ketorolac tablets\nKetorolac tablets may be continued for up to 7 days.\nCautions\nThe whole course of "
            "ketorolac must not exceed 5 days."),
       good=("Can I give both?\nDo not give paracetamol and ibuprofen at the same time. If your child is still "
             "distressed before the next dose, try the other medicine instead.",
             "Which is best?\nNo tablet gives complete protection, so avoid bites too.",
             "Ketorolac tablets\nKetorolac tablets may be continued for up to 3 days.\nCautions\nThe whole course of "
             "ketorolac must not exceed 5 days."))
def self_contradiction(article, ctx):
    """A page that says one thing and, elsewhere, its opposite.

    **What it does.** For each rule of ``contradictions`` in ``checks/consistency.yaml``
    (taking two medicines together, complete protection, no side effects) looks for what
    a sentence says ("Giving paracetamol and ibuprofen together brings a fever down
    faster", "Malarone is 100% effective", "has no side effects") and for what denies it
    elsewhere on the page ("Do not give paracetamol and ibuprofen at the same time", "No
    tablet gives complete protection", "the commonest side effects are headache …"). When
    both are there, about the same two medicines when the rule names them, the saying is
    flagged, quoting the denial. A saying right after a negation is itself the denial.
    It also reads the page's own limits on how long a medicine is taken (``duration_limits``:
    "must not exceed 5 days", "do not take it for more than 3 days") and flags a duration
    the page offers for the same medicine beyond every one of them ("may be continued for
    up to 7 days"); a sentence's medicine is the one it names, else its heading's, else
    the title's, and a duration is one of taking only when its sentence says so (not "if
    the pain lasts for 5 days"). And it reads a cap written per dose with how often
    ("Max: 600 mg tid", ``per_dose_caps``) whose daily total is above every daily cap the
    page writes for the same medicine ("Max: 600 mg daily"): the page says two things about
    the most a day.

    **Why it matters.** A reader who meets both sentences cannot tell which to follow, and
    the wrong one is usually the one that invites harm: double dosing, going without bite
    protection, ignoring a side effect.

    **Example.** "Do not give paracetamol and ibuprofen at the same time." then, three lines
    on, "Giving paracetamol and ibuprofen together brings a fever down twice as fast."

    **Fix.** Correct or remove the sentence that contradicts the page's advice.

    **Source.** The site's editorial policy (internal consistency); JAMA benchmarks
    (Silberg, Lundberg & Musacchio, JAMA 1997) on trustworthy presentation of content;
    HONcode principle 8 (honesty in presentation).
    """
    for record, name, m, denial, rule in contradictions(article, ctx.data("consistency")):
        said = m.group(0)
        yield Hit(record, excerpt=said, field=name, start=m.start(),
                  message=f"\"{said}\" contradicts what the page says elsewhere about {rule['name']}: \"{denial}\".",
                  suggestion="Make the page say one thing: correct or remove this sentence, or the one it contradicts.")
    for record, name, start, said, cap in daily_totals_beyond_caps(article, ctx):
        yield Hit(record, excerpt=said, field=name, start=start,
                  message=f"\"{said}\" adds up to more a day than the page's own daily maximum: \"{cap}\".",
                  suggestion="Make the page say one thing: write the maximum as a daily total, or correct it.")
    for record, name, m, limit, substance in durations_beyond_limits(article, ctx):
        said = m.group(0)
        yield Hit(record, excerpt=said, field=name, start=m.start(),
                  message=f"\"{said}\" is longer than the page's own limit on how long {substance} is taken: \"{limit}\".",
                  suggestion="Make the page say one thing: give the duration within the stated limit, or correct the limit.")
