"""Who owes what: which absence checks a page owes, from the kind of page it is.

The absence checks (REV001, REV003-REV006, DSC001-DSC004, SAF001's class warnings) fire
when something is not on the page. Whether the page owes it depends on its kind
(``checks/owed.yaml`` ``kinds``: what each kind owes). A kind its owner declares always
wins: ``page_kind`` in article.yaml (``medlint import --page-kind KIND``), else a source
profile the editor names (``source_profiles``: a publisher recognised in the page's
furniture). Only when nothing is declared is the kind inferred from the page's own
lines, along a few dimensions: whom it addresses (one person, the public, staff, a
group's members) and who speaks (a person in a byline, an organisation naming no one, a
screen the reader uses, a periodical's columnist). An editorial health article for the
public owes everything; a kind the page shows with enough cues waives what it does not
owe, and one the page shows with a single cue leaves the page unplaced: the finding is
still given, at the data's ``unsure_severity`` (a kind may ask more than one cue for
that, ``min_unsure_cues``).

Also here, because the review checks and the disclaimer checks both read them: the lines
a page prints about itself, its datelines (a date the importer kept in a heading or a
text) and a writer named in its head.
"""

from __future__ import annotations

import datetime as _dt

from medlint.dates import find_date
from medlint.checks.dosing import said_in_lines
from medlint.policy import derived, regex
from medlint.prefilter import PatternSet

#: What a waived name stands for, for the docs and the messages.
OWED = ("author", "reviewer", "review_date", "review_cycle", "article_disclaimer", "section_disclaimers",
        "red_flags", "class_warnings")

#: The checks that read each owed name.
OWED_CHECKS = {"author": "REV005", "reviewer": "REV006", "review_date": "REV001", "review_cycle": "REV003, REV004",
               "article_disclaimer": "DSC003", "section_disclaimers": "DSC001, DSC002", "red_flags": "DSC004",
               "class_warnings": "SAF001"}

#: The kind assumed of a page that declares none and shows no evidence of another.
DEFAULT_KIND = "editorial"

#: The kind of a page nothing declares or places and that prints no byline (checks/owed.yaml).
UNSIGNED = "unsigned"


def meta_lines(meta: dict, where: str) -> list[str]:
    """The texts of the ``header`` or ``footer`` (or ``preamble``) lines, as printed."""
    value = meta.get(where)
    out = []
    for line in value if isinstance(value, list) else [value] if isinstance(value, str) else []:
        text = line.get("text") if isinstance(line, dict) else line
        if isinstance(text, str):
            out.append(text)
    return out


def reading_lines(article) -> list[str]:
    """The title, the preamble and header lines, then every heading and text of the body
    (paragraphs, disclaimers, chrome lines, list items, FAQ entries) in reading order,
    then the footer lines: the page as a reader goes down it."""
    lines = [article.title] + meta_lines(article.meta, "preamble") + meta_lines(article.meta, "header")
    for section in article.sections:
        if section.heading:
            lines.append(section.heading)
        for block in section.blocks:
            if block.type in ("paragraph", "disclaimer", "chrome"):
                lines.append(block.text)
            lines.extend(item.text for item in block.items)
            lines.extend(line for entry in block.entries for line in (entry.question, entry.answer))  # two printed lines
    return [t for t in lines + meta_lines(article.meta, "footer") if isinstance(t, str) and t.strip()]


def furniture_lines(article) -> list[str]:
    """The page's furniture: its title, the lines before it, its header and footer lines and
    the lines of chrome kept among the blocks."""
    meta = article.meta
    return ([article.title] + meta_lines(meta, "preamble") + meta_lines(meta, "header")
            + meta_lines(meta, "footer") + [b.text for b in article.blocks() if b.type == "chrome"])


class Owed:
    """What one article owes: for each name of :data:`OWED`, True (asked at the check's
    severity), the unsure severity (asked, lowered: the page is not placed with
    confidence) or False (waived); the kind declared (and by what), or the kinds its
    evidence placed it in."""

    def __init__(self, placed: dict[str, int], unsure: dict[str, int], data: dict,
                 declared: str | None = None, declared_by: str = "", unknown: str | None = None):
        self.placed = placed      # kind -> cues seen (at least min_cues)
        self.unsure = unsure      # kind -> cues seen (fewer than min_cues)
        self.declared = declared  # the declared kind, or None
        self.declared_by = declared_by
        self.unknown = unknown    # a page_kind article.yaml names that is no kind of the data
        self._severity = data.get("unsure_severity", "info")
        kinds = data.get("kinds") or {}
        if declared is not None:
            self._waived, self._lowered = set(OWED) - set(kinds[declared]["owes"]), set()
        else:
            self._waived = {w for k in placed for w in set(OWED) - set(kinds[k]["owes"])}
            self._lowered = {w for k in unsure for w in set(OWED) - set(kinds[k]["owes"])} - self._waived
        self._about = {name: rule.get("about", name) for name, rule in kinds.items()}
        self._owes = {name: set(rule.get("owes") or ()) for name, rule in kinds.items()}

    def waives(self, what: str) -> bool:
        return what in self._waived

    def decided(self, what: str) -> bool:
        """Is ``what`` owed because the page's kind is declared? The checks' own readings of
        what a page is (a forum, a shop, a leaflet) then give way: a declared kind wins."""
        return self.declared is not None and what not in self._waived

    def severity(self, what: str) -> str | None:
        """None (the check's own severity) or the lowered severity for ``what``."""
        return self._severity if what in self._lowered else None

    def summary(self) -> list[str]:
        return [self.declared] if self.declared else sorted(self.placed)

    def kind(self) -> str:
        """The kind assumed: the declared one, else the one its evidence placed it in (of
        several, the one that waives the most, then the first by name), else the default."""
        if self.declared or not self.placed:
            return self.declared or DEFAULT_KIND
        return min(self.placed, key=lambda k: (-len(set(OWED) - self._owes.get(k, set(OWED))), k))

    def _wrong(self) -> str:
        """The note's opening for a page_kind that names no kind ("" when there is none)."""
        return f"page_kind \"{self.unknown}\" is no kind; " if self.unknown else ""

    def owed_by(self) -> str:
        """The kind, short and with its leading space, for a message that ends with its own
        source (" (page kind organisation, read from the page)"); nothing for a page judged
        editorial by default, as :meth:`note`."""
        if self.declared:
            return f" (page kind {self.declared}, declared)"
        wrong = self._wrong()
        if self.placed:
            return f" ({wrong}page kind {self.kind()}, read from the page)"
        if self.unsure:
            return f" ({wrong}page kind {self.kind()}, one sign of {', '.join(sorted(self.unsure))})"
        return f" ({wrong.rstrip('; ')})" if wrong else ""

    def note(self) -> str:
        """What the message of an owed finding adds (with its leading space), short: the kind
        it was judged as and, where the page's own reading could be wrong, how to declare
        another; nothing for a page judged editorial by default (the site's own article, which
        owes everything: the note would only lengthen every owed line)."""
        declare = "declare page_kind in article.yaml if it is another (`medlint explain kinds`)"
        if self.declared:
            return f" (Page kind {self.declared}, {self.declared_by}.)"
        wrong = self._wrong()
        if self.placed:
            return f" ({wrong}Page kind {self.kind()}, read from the page; {declare}.)"
        if self.unsure:
            return (f" ({wrong}Page kind {self.kind()}, with one sign of "
                    f"{', '.join(sorted(self.unsure))}; {declare}.)")
        return f" ({wrong.rstrip('; ')}: `medlint explain kinds`.)" if wrong else ""


def owed(article, ctx) -> Owed:
    """The article's :class:`Owed`, worked out once per article (eight checks ask)."""
    return article.once(_owed, ctx.data("owed"), ctx.data("review"))


def declared_kind(article, data: dict) -> tuple[str | None, str, str | None]:
    """(kind, what declared it, an unknown page_kind) of the page: article.yaml's
    ``page_kind`` when it is a kind of the data, else the first source profile whose
    ``match`` is in the page's furniture, else None."""
    kinds = data.get("kinds") or {}
    named = article.meta.get("page_kind")
    if isinstance(named, str) and named in kinds:
        return named, "declared in article.yaml", None
    unknown = named if isinstance(named, str) else None
    furniture = furniture_lines(article)
    for profile in data.get("source_profiles") or ():
        if profile.get("kind") in kinds and any(regex(profile["match"]).search(t) for t in furniture if isinstance(t, str)):
            return profile["kind"], f"declared by the source profile {profile['name']}", unknown
    return None, "", unknown


def _owed(article, data: dict, review: dict) -> Owed:
    kind, by, unknown = declared_kind(article, data)
    if kind is not None:
        return Owed({kind: 0}, {}, data, declared=kind, declared_by=by, unknown=unknown)
    lines = reading_lines(article) + [b.text for b in article.blocks() if b.type == "chrome"]
    furniture = furniture_lines(article)
    named = _names_a_person(article.meta, review)
    writer = _names_a_person(article.meta, review, ("authors",))
    wordings = derived(_cue_wordings, data)
    said = said_in_lines(lines, wordings)
    said_furniture = said_in_lines(furniture, wordings)
    masthead = [article.title] + meta_lines(article.meta, "preamble") + meta_lines(article.meta, "header")
    placed, unsure = {}, {}
    for name, rule in (data.get("kinds") or {}).items():
        if not _read_for(article, rule, furniture, named, writer):
            continue
        seen = sum(1 for cue in rule.get("cues") or () if regex(cue) in said)
        seen += sum(1 for cue in rule.get("furniture_cues") or () if regex(cue) in said_furniture)
        seen += sum(1 for cue in rule.get("masthead_cues") or () if any(regex(cue).search(t) for t in masthead))
        if seen >= rule["min_cues"]:
            placed[name] = seen
        elif seen >= rule.get("min_unsure_cues", 1):
            unsure[name] = seen
    if "own-practice" in (data.get("kinds") or {}) and clinician_owns_page(article, data):
        placed["own-practice"] = 1
    if not placed and UNSIGNED in (data.get("kinds") or {}) and not _signed(article, data, review):
        placed[_unsigned_kind(article, data)] = 1
    return Owed(placed, unsure, data, unknown=unknown)


def _unsigned_kind(article, data: dict) -> str:
    """The kind of a page nobody signs: one laid out as a licence holder's labelling
    (``unsigned_labelling``: two fixed lines of a Drug Facts panel, a package leaflet or a
    CMI) is that labelling, whose publisher's policy is its regulator's; any other is
    :data:`UNSIGNED`."""
    rule = data.get("unsigned_labelling") or {}
    if rule.get("kind") in (data.get("kinds") or {}):
        lines = reading_lines(article)
        if sum(1 for cue in rule.get("cues") or () if any(regex(cue).search(t) for t in lines)) >= rule["min_cues"]:
            return rule["kind"]
    return UNSIGNED


def _signed(article, data: dict, review: dict) -> bool:
    """Does the page print a byline of any kind: a writer (a person or a team), a reviewer, or
    a line of its head or foot naming who speaks (``head_writer``)? A page that does is
    judged by the byline's own evidence; one that does not is :data:`UNSIGNED`."""
    meta = article.meta
    if meta.get("authors") or meta.get("reviewers") or article.writer_team:
        return True
    teams = review.get("team_names") or ()
    return head_writer(article, data, lambda name: any(regex(t).search(name) for t in teams)) is not None


def _read_for(article, rule: dict, furniture: list[str], named: bool, writer: bool) -> bool:
    """Is the page read for the kind's evidence at all: the kind has cues, and the page is
    not held to a byline the kind does not read (``when_no_person_named``,
    ``when_no_writer_named``, ``when_no_byline``) nor shows furniture that rules it out
    (``not_with_furniture``)?"""
    if not (rule.get("cues") or rule.get("furniture_cues") or rule.get("masthead_cues")):
        return False
    if (rule.get("when_no_person_named") and named) or (rule.get("when_no_writer_named") and writer) \
            or (rule.get("when_no_byline") and (writer or _team_byline(article, rule))):
        return False
    return not any(regex(p).search(t) for p in rule.get("not_with_furniture") or () for t in furniture)


def _team_byline(article, rule: dict) -> bool:
    """Does the page credit a team as its writer: the importer's ``writer_team``, or a line of
    its preamble, header or footer that ``team_bylines`` reads ("Submitted by clinic staff")?"""
    if article.writer_team:
        return True
    lines = [t for where in ("preamble", "header", "footer") for t in meta_lines(article.meta, where)]
    return any(regex(p).search(t) for p in rule.get("team_bylines") or () for t in lines)


def _cue_wordings(data: dict) -> PatternSet:
    """Every dimension's cues (and furniture cues), asked of a line at once."""
    cues = [c for rule in (data.get("kinds") or {}).values()
            for c in [*(rule.get("cues") or ()), *(rule.get("furniture_cues") or ())]]
    return PatternSet(dict.fromkeys(map(regex, cues)))


def _names_a_person(meta: dict, review: dict, roles=("authors", "reviewers")) -> bool:
    """Does article.yaml name a person (not a team, ``team_names``) in one of ``roles``
    (as author or reviewer)?"""
    teams = review.get("team_names") or ()
    people = [p for role in roles for p in meta.get(role) or []]
    return any(isinstance(p, dict) and p.get("name") and not any(regex(t).search(p["name"]) for t in teams)
               for p in people)


def body_dateline(article, data: dict, next_cues=()) -> tuple[_dt.date, str, str] | None:
    """(date, line, excerpt) of the latest dateline in the page's head or foot
    (``datelines``: "Last checked: April 2026", "Care Home Training Day, 14 May 2024"),
    or None. A line that schedules a review (``next_cues``) is none."""
    rule = data.get("datelines") or {}
    lines = reading_lines(article)
    head, foot = rule.get("head_lines", 0), rule.get("foot_lines", 0)
    chosen = lines[:head] + [t for t in lines[max(head, len(lines) - foot):]]
    order = source_numeric_order(article.meta)
    best = None
    for text in chosen:  # the latest: a page "Published 3 June 2024" and "Updated 20 May 2026" was updated
        found = _dated(text, rule, next_cues, order)
        if found is not None and (best is None or found[0] > best[0]):
            value, (a, b) = found
            best = value, text, text[a:b]
    return best


def source_numeric_order(meta: dict) -> str | None:
    """The order the importer read the page's numeric dates in (``source.numeric_dates``:
    "Admitted: 21/11/2026" is day-first), or None."""
    source = meta.get("source")
    dates = source.get("numeric_dates") if isinstance(source, dict) else None
    order = dates.get("order") if isinstance(dates, dict) else None
    return order if order in ("day-first", "month-first") else None


def _dated(text: str, rule: dict, next_cues, order: str | None = None) -> tuple[_dt.date, tuple[int, int]] | None:
    found = find_date(text, numeric=order, month_year=True)
    if order is None and any(regex(p).match(text) for p in rule.get("stamps") or ()):
        # an unambiguous stamp ("18/11/2026") is read in the one order its numbers allow
        found = find_date(text, numeric="day-first") or find_date(text, numeric="month-first")
    if found is None:
        found = year_first_date(text, rule)
    if found is None:
        return None
    before = text[:found[1][0]]
    if any(regex(p).search(before) for p in list(rule.get("not_labels") or ()) + list(next_cues)):
        return None
    if any(regex(p).search(before) for p in rule.get("labels") or ()) \
            or any(regex(p).match(text) for p in rule.get("stamps") or ()):
        return found
    # a short line of a few words around a whole date ("Care Home Training Day, 14 May 2024")
    line = text.strip()
    words = [w for w in line.split() if any(ch.isalnum() for ch in w)]
    if len(line) > rule.get("short_line", 0) or len(words) > 8 or line.endswith((".", "?", "!")):
        return None
    return find_date(text)


def year_first_date(text: str, rule: dict) -> tuple[_dt.date, tuple[int, int]] | None:
    """(date, span) of the first numeric date written year first in ``text`` ("Issue date:
    2025/9/14", "Printed: 2026.11.20 14:32"; ``datelines.year_first``, with groups ``y``,
    ``m`` and ``d``): one order only, so it is read whatever order the page's other dates
    take. None when there is none or it is no calendar day."""
    for pattern in rule.get("year_first") or ():
        for m in regex(pattern).finditer(text):
            try:
                return _dt.date(int(m.group("y")), int(m.group("m")), int(m.group("d"))), m.span()
            except ValueError:
                continue
    return None


def head_writer(article, data: dict, is_team=lambda name: False) -> str | None:
    """The line of the page's head (or foot) that names who speaks (``head_writer``), or
    None; a team's name ("written by Team Rxharun", ``is_team``) names no one."""
    rule = data.get("head_writer") or {}
    longest = rule.get("max_length", 120)
    lines = reading_lines(article)
    head, foot = rule.get("head_lines", 0), rule.get("foot_lines", 0)
    for text in lines[:head] + lines[max(head, len(lines) - foot):]:
        if len(text) > longest:
            continue
        for pattern in rule.get("patterns") or ():
            m = regex(pattern).search(text)
            if m and not is_team(m.group(0)):
                return text
    return None


def writer_answers(meta: dict, data: dict) -> bool:
    """Is one of the page's authors a named medical practitioner writing under the medical
    post they hold (``writer_answers``: "Dr Tan Wei Ling, Senior Consultant, Department of
    Orthopaedic Surgery"), who answers for the page as its clinical check?"""
    rule = data.get("writer_answers") or {}
    posts, titles = rule.get("post_roles") or (), rule.get("medical_titles") or ()
    for person in meta.get("authors") or []:
        if not isinstance(person, dict) or not isinstance(person.get("role"), str):
            continue
        marks = [person.get("name") or ""] + [c for c in person.get("credentials") or [] if isinstance(c, str)]
        if any(regex(p).search(person["role"]) for p in posts) \
                and any(regex(t).search(m) for t in titles for m in marks):
            return True
    return False


def clinician_owns_page(article, data: dict) -> bool:
    """Is one of the page's authors a named clinician of a profession that prescribes or
    dispenses medicines (``own_practice.professions``: "Thandeka Mokoena, BPharm",
    "Dr. Priya Sandhu, DDS") on a page through which their practice offers its own care
    in its furniture or its foot ("Book Online", "WhatsApp us on ...";
    ``own_practice.practice_cues``)? The clinician
    answers for the page as its clinical check (REV006)."""
    rule = data.get("own_practice") or {}
    professions, cues = rule.get("professions") or (), rule.get("practice_cues") or ()
    if not professions or not cues:
        return False
    clinicians = [p for p in article.meta.get("authors") or []
                  if isinstance(p, dict) and p.get("name") and _of_profession(p, professions)]
    if not clinicians:
        return False
    lines = reading_lines(article)
    lines = furniture_lines(article) + lines[max(0, len(lines) - rule.get("foot_lines", 0)):]
    return any(regex(c).search(t) for c in cues for t in lines)


def _of_profession(person: dict, professions) -> bool:
    marks = [c for c in person.get("credentials") or [] if isinstance(c, str)]
    if isinstance(person.get("role"), str):
        marks += [person["role"]] + [part.strip() for part in person["role"].split(",")]
    return any(regex(p).search(m) for p in professions for m in marks)
