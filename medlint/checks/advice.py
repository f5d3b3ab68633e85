"""Reader-safety checks on advice that tells the reader something unsafe is fine (SAF004-SAF005):
a sentence that plays down a labelled interaction, and advice to take an antibiotic left over
from an earlier illness or prescribed for someone else.

Both fire on positive evidence in one sentence (or a short run of sentences): the named pair
and a wording of reassurance with no hedge; a leftover antibiotic and a sentence that permits
taking it with no refusal. Wordings, hedges, cues and sources are in ``checks/safety.yaml``
(``reassurance``, ``leftover_antibiotics``); medicine names as readers meet them come from
``checks/medicine-names.yaml``.
"""

from __future__ import annotations

import re

from medlint.checks.dosing import per_text, text_fields
from medlint.findings import Hit
from medlint.policy import alternation, compile_pattern, derived
from medlint.registry import check

_SENTENCE = re.compile(r"[^.!?;\n]+(?:[.!?;]+|$)", re.M)


def _words(names) -> re.Pattern:
    """One pattern finding any of ``names`` as whole words, case-insensitively (a plural "s"
    allowed; either apostrophe)."""
    if not names:
        return re.compile("(?!)")
    parts = sorted({re.escape(n.lower()).replace("'", "['’]") for n in names}, key=len, reverse=True)
    # compiled only for a sentence that holds one of the names (medlint.prefilter)
    return compile_pattern(r"(?<![\w-])(?:" + "|".join(parts) + r")(?:s|es)?(?![\w-])", re.I)


class Tables:
    """checks/safety.yaml's ``reassurance`` and ``leftover_antibiotics``, compiled."""

    def __init__(self, data: dict, names: dict):
        aliases: dict[str, set] = {}  # substance -> the names readers meet it by
        self.substances: dict[str, str] = {}  # lower-case name -> its substance
        for entry in names["medicines"]:
            aliases.setdefault(entry["substance"].lower(), set()).update(a["name"] for a in entry["names"])
            for a in entry["names"]:
                self.substances[a["name"].lower()] = entry["substance"].lower()
        for entry in names.get("combinations") or ():
            for substance in entry["substances"]:
                aliases.setdefault(substance.lower(), set()).add(entry["name"])
        told = data.get("reassurance") or {}
        self.reassure = alternation(told.get("wordings") or ["(?!)"], re.I)
        self.hedges = alternation(told.get("hedges") or ["(?!)"], re.I)
        self.anaphors = _words(told.get("anaphors") or ())
        self.lookback = told.get("lookback", 0)
        self.anaphors_after = alternation(told.get("anaphors_after") or ["(?!)"], re.I)
        self.alternatives = alternation(told.get("alternatives_between") or ["(?!)"], re.I)
        self.pairs = []  # (entry, pattern of group A, pattern of group B)
        for entry in [*data["combinations"], *(told.get("interactions") or ())]:
            a, b = ([*g, *(n for m in g for n in aliases.get(m.lower(), ()))] for g in entry["groups"][:2])
            self.pairs.append((entry, _words(a), _words(b)))
        left = data.get("leftover_antibiotics") or {}
        drugs = left.get("antibiotics") or []
        self.antibiotics = _words([*drugs, *(n for d in drugs for n in aliases.get(d.lower(), ()))])
        self.cues = _words(left.get("cues") or ())
        self.permits = alternation(left.get("permits") or ["(?!)"], re.I | re.M)
        self.refusals = alternation(left.get("refusals") or ["(?!)"], re.I)
        self.replacements = alternation(left.get("replacements") or ["(?!)"], re.I)
        self.premises = alternation(left.get("premises") or ["(?!)"], re.I)
        self.pronouns = _words(left.get("pronouns") or ())
        self.window = left.get("window", 4)
        self.left = left

    def substance_of(self, name: str) -> str:
        """The substance ``name`` (as written, a plural "s" allowed) stands for; the name itself when unknown."""
        key = name.lower().replace("’", "'")
        return self.substances.get(key) or self.substances.get(key.rstrip("s")) or key


def tables(ctx) -> Tables:
    return derived(Tables, ctx.data("safety"), ctx.data("medicine-names"))


def _sentences(text: str) -> tuple:
    """(start, end) of each sentence (or clause ended by ';') of ``text``."""
    return tuple((m.start(), m.end()) for m in _SENTENCE.finditer(text) if m.group(0).strip())


def _all_sentences(article):
    """(record, field, text, start, end) of every sentence of the article, in reading order."""
    for record, field, text in text_fields(article):
        for start, end in per_text(_sentences, text or ""):
            yield record, field, text or "", start, end


def _outside(text: str, span: tuple) -> str:
    """``text`` with ``span`` blanked (a hedge inside the wording, "won't interact", is the wording's)."""
    a, b = span
    return text[:a] + " " * (b - a) + text[b:]


# ---------------------------------------------------------------------------
# SAF004


def _reassurance(sentence: str, t: Tables):
    """(entry, name of group A, name of group B, wording match) when ``sentence`` plays down a
    pair it names, else None."""
    m = _reassuring(sentence, t)
    return None if m is None else _pair_in(sentence, t, m)


def _reassuring(sentence: str, t: Tables):
    """The wording of reassurance of ``sentence`` with no hedge outside it, else None (a question
    is not advice)."""
    if sentence.rstrip().endswith("?"):
        return None
    m = t.reassure.search(sentence)
    if m is None or t.hedges.search(_outside(sentence, m.span())):
        return None
    return m


def _pair_in(said: str, t: Tables, m):
    for entry, group_a, group_b in t.pairs:
        a = group_a.search(said)
        b = _partner(said, group_b, a, entry.get("distinct"), t) if a else None
        if a and b:
            return entry, a.group(0), b.group(0), m
    return None


def _partner(said: str, group_b, a, distinct: bool, t: Tables):
    """The first name of ``group_b`` in ``said``; for a ``distinct`` pair (two NSAIDs), the first
    of another substance than ``a``'s ("Can I take naproxen with ibuprofen?": ibuprofen, not
    naproxen again; "ibuprofen (Advil)": one medicine)."""
    if not distinct:
        return group_b.search(said)
    skipped = {t.substance_of(a.group(0))}  # a's own substance, and those offered as a choice to it
    for b in group_b.finditer(said):
        substance = t.substance_of(b.group(0))
        if substance in skipped:
            continue
        if t.alternatives.search(said[a.end():b.start()]):
            skipped.add(substance)  # "ibuprofen (Advil) or naproxen (Aleve)": Aleve is that naproxen
            continue
        return b
    return None


def _referring(sentence: str, t: Tables):
    """The wording of a reassurance with an anaphor before it ("they are fine with warfarin") or
    just after it ("there is no problem taking them together": ``anaphors_after``), else None."""
    m = _reassuring(sentence, t)
    if m is None:
        return None
    return m if t.anaphors.search(sentence[:m.start()]) or t.anaphors_after.search(sentence[m.end():]) else None


def _referred_pair(sentence: str, before: list, t: Tables):
    """(the pair's finding, as :func:`_reassurance`, and how many of ``before`` it reads) when
    ``sentence`` reassures with an anaphor before its wording and the pair is named in it and the
    sentences ``before`` it (nearest last), none hedged; else None."""
    m = per_text(_referring, sentence, t)
    if m is None or not t.lookback:
        return None
    said = sentence
    for k, earlier in enumerate(reversed(before), start=1):
        if t.hedges.search(earlier):
            return None
        said = earlier + " " + said
        found = _pair_in(said, t, m)
        if found is not None:
            return found, k
    return None


@check("SAF004", name="interaction-reassurance", category="safety", severity="error",
       fix="Say that the two interact and what to do (ask a pharmacist, keep the dose low, avoid large amounts), "
           "never that they are fine together.",
       bad=("Pain relief\nIbuprofen is generally fine with lisinopril for a short course.\n",
            "Grapefruit\nWith atorvastatin, honestly, you can have as much grapefruit juice as you like.\n",
            "Your questions\nDoes naproxen clash with my ramipril? No, naproxen won't interact with ramipril.\n"),
       good=("Pain relief\nIbuprofen can interact with lisinopril: ask a pharmacist before taking them together.\n",
             "Grapefruit\nWith atorvastatin, avoid drinking large amounts of grapefruit juice.\n",
             "Your questions\nIs ibuprofen fine with lisinopril?\n"))
def interaction_reassurance(article, ctx):
    """A sentence that tells the reader a labelled interaction does not matter.

    **What it does.** Reads every sentence of the page for a pair of medicines (or a medicine
    and a food or supplement) that interact, as listed in checks/safety.yaml (the
    ``combinations`` SAF002 asks, and the ``reassurance`` interactions: NSAIDs with ACE
    inhibitors, ARBs and diuretics; atorvastatin with grapefruit; red yeast rice with statins),
    named by their names or the brand names of checks/medicine-names.yaml. It fires when the
    same sentence also says they are fine together ("is generally fine with", "safe to take
    with", "won't interact", "you can have as much ... as you like") and carries no hedge
    outside that wording ("not", "avoid", "check with", "ask your pharmacist", "no more
    than"). A question is not advice. A sentence that names one side and refers to the other
    with "they", "it", "them" or "both" before its wording ("they are fine with warfarin") is
    read with the sentences or clauses just before it in the same text or FAQ entry (``anaphors``,
    ``lookback``), none of them hedged. One finding per sentence.

    **Why it matters.** A reader who is told a combination is fine takes it without asking;
    the labels list these pairs because people are harmed by them (an NSAID blunts an ACE
    inhibitor and, with it, can injure the kidneys; large amounts of grapefruit juice raise
    atorvastatin levels; red yeast rice is a second statin).

    **Example.** "Ibuprofen is generally fine with lisinopril for a short course."

    **Fix.** Say that they interact and what to do instead; the suggestion gives a sample
    sentence.

    **Source.** Each pair's source in checks/safety.yaml (NSAID, Lipitor and the other US
    prescribing information, NCCIH's red yeast rice fact sheet), quoted in every message.
    """
    t = tables(ctx)
    for record, field, text, start, end, found in _reassurances(article, t):
        entry, a, b, m = found
        said = text[start:end].strip()
        advice = entry["advice"].format(a=a, b=b)
        yield Hit(record, excerpt=said, start=start + (len(text[start:end]) - len(text[start:end].lstrip())),
                  field=field, severity=entry.get("severity"),
                  message=f"\"{said}\" tells the reader {a} and {b} are fine together; they interact: "
                          f"{entry['risk']} ({entry['source']}).",
                  suggestion=f"Write instead, e.g.: {advice[:1].upper()}{advice[1:]}.")


def reassured_pairs(article, ctx) -> frozenset:
    """{(entry ID, name of group A, name of group B)} (names in lower case, as written) of every pair
    SAF004 finds the page reassuring about: SAF002 does not name that defect again (one defect,
    named once)."""
    t = tables(ctx)
    return frozenset((found[0]["id"], found[1].lower(), found[2].lower())
                     for *_where, found in _reassurances(article, t))


def _reassurances(article, t: Tables):
    """(record, field, text, start, end, (entry, a, b, match)) of each sentence that plays down a pair."""
    held, before = None, []  # the record read, and its sentences so far (a question counts)
    for record, field, text, start, end in _all_sentences(article):
        if record is not held:
            held, before = record, []
        sentence = text[start:end]
        found = per_text(_reassurance, sentence, t)
        referred = None
        if found is None and before and per_text(_referring, sentence, t) is not None:
            referred = _referred_pair(sentence, [s for _f, s, _a in before[-t.lookback:]], t)
        if referred is not None:
            found, k = referred
            # the excerpt reaches back over the sentences read, within this field
            start = min([start] + [a for f, _s, a in before[-k:] if f == field])
        before.append((field, sentence, start))
        if found is not None:
            yield record, field, text, start, end, found


# ---------------------------------------------------------------------------
# SAF005


def _leftover(sentence: str, t: Tables) -> str:
    """What a sentence is to SAF005: "mention" (a leftover or someone else's antibiotic),
    "refusal" (says not to take), "permit" (permits taking it, naming it or "it", "them", "that"), or ""."""
    sentence = sentence.strip()
    refuses = bool(t.refusals.search(sentence) or t.replacements.search(sentence))
    question = sentence.endswith("?")
    named = t.antibiotics.search(sentence)
    if named and t.cues.search(sentence):
        kind = "refusal" if _refuses_leftover(sentence, named, t) else "mention"
        if kind == "mention" and not question and t.permits.search(sentence):
            return "mention+permit"
        return kind
    if refuses and t.permits.search(sentence) is None:
        return "refusal"
    if question or refuses:
        return ""
    if t.permits.search(sentence) and (named or t.pronouns.search(sentence)):
        return "permit"
    return ""


def _refuses_leftover(sentence: str, named, t: Tables) -> bool:
    """Whether a sentence that names a leftover antibiotic (``named``) refuses it: a refusal word
    outside the condition it opens with (``premises``: "If your pharmacy will not fill a repeat,
    ..."; unless the condition names the leftover), or a replacement word before the leftover is
    named ("Instead of the old pack, ...")."""
    said = sentence
    premise = t.premises.match(sentence)
    if premise is not None and premise.end() <= named.start():
        said = " " * premise.end() + sentence[premise.end():]
    if t.refusals.search(said):
        return True
    return any(m.start() < named.start() for m in t.replacements.finditer(said))


@check("SAF005", name="leftover-antibiotic-advice", category="safety", severity="error",
       fix="Say not to take leftover antibiotics or someone else's, and to see a doctor, dentist or pharmacist.",
       bad=("Toothache\nI've got some amoxicillin left over from last year. Can I take it?\n"
            "You can take the amoxicillin three times a day until you see your dentist.\n",
            "Ask the pharmacist\nIf you still have doxycycline from last time, it's fine to take it for a few days.\n"),
       good=("Toothache\nDo not take antibiotics left over from an earlier illness; see your dentist.\n",
             "Ask the pharmacist\nI have amoxicillin left over from last year. Should I take it?\n"
             "No. Leftover antibiotics may be the wrong medicine or too few tablets; book an appointment instead.\n"))
def leftover_antibiotic_advice(article, ctx):
    """Advice to take an antibiotic left over from before or prescribed for someone else.

    **What it does.** Reads the page's sentences in reading order for a mention of an
    antibiotic (a name in ``leftover_antibiotics`` of checks/safety.yaml, or "antibiotic")
    with a cue that it is left over or someone else's ("left over", "from last time", "you
    still have", "your partner's"). From that sentence on, for a few sentences (across texts:
    a chat's question and its answer), it looks for one that permits taking it ("you can
    take the amoxicillin", "it's fine to take it", "go ahead and start them") and names an
    antibiotic or "it"/"them". A mention or a later sentence that says not to take it
    ("Do not take leftover antibiotics", "No, don't") ends the search; a question is not
    advice. One finding per mention, at the sentence that permits.

    **Why it matters.** A leftover course is the wrong medicine or too few tablets, may be
    out of date, and started without an assessment it hides a spreading infection (a dental
    abscess needs draining) while exposing the reader to its side effects and to
    resistance. The page tells the reader to do it.

    **Example.** "I've got some amoxicillin left from last year." ... "You can take the
    amoxicillin 500 mg three times a day until you see your dentist."

    **Fix.** Say not to take it, and to see a doctor, dentist or pharmacist; the suggestion
    gives a sample sentence.

    **Source.** CDC, Be Antibiotics Aware: Antibiotic Do's and Don'ts (do not save
    antibiotics for later; do not take antibiotics prescribed for someone else), quoted in
    every message.
    """
    t = tables(ctx)
    sentences = list(_all_sentences(article))
    kinds = [per_text(_leftover, text[a:b], t) for _r, _f, text, a, b in sentences]
    i = 0
    while i < len(sentences):
        if not kinds[i].startswith("mention"):
            i += 1
            continue
        at = _permitted(kinds, i, t.window)
        if at is not None:
            yield _leftover_hit(sentences[i], sentences[at], t)
            i = at
        i += 1


def _permitted(kinds: list, i: int, window: int) -> int | None:
    """The index of the first sentence from mention ``i`` on that permits taking it, or None
    (a refusal first ends the search)."""
    if kinds[i] == "mention+permit":
        return i
    for k in range(i + 1, min(len(kinds), i + 1 + window)):
        if kinds[k] == "refusal" or kinds[k].startswith("mention"):
            return None
        if kinds[k] == "permit":
            return k
    return None


def _leftover_hit(mention, permit, t: Tables) -> Hit:
    record, field, text, a, b = permit
    said = text[a:b].strip()
    told = mention[2][mention[3]:mention[4]].strip()
    advice = t.left["advice"]
    context = "" if mention is permit else f" after \"{told}\""
    return Hit(record, excerpt=said, start=a + (len(text[a:b]) - len(text[a:b].lstrip())), field=field,
               message=f"\"{said}\"{context} tells the reader to take an antibiotic left over or prescribed for "
                       f"someone else ({t.left['source']}).",
               suggestion=f"Write instead, e.g.: {advice[:1].upper()}{advice[1:]}.")
