"""The importer's data, read from checks/section-kinds.yaml and checks/import.yaml."""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass, field

from medlint import policy
from medlint.prefilter import AnyOf


@dataclass(frozen=True)
class KindRule:
    kind: str
    patterns: tuple[re.Pattern, ...]
    fixed: bool = False  # the text's doses do not change the kind
    needs_doses: bool = False  # the kind only for a section whose text states a dose
    on_supplement_page: str | None = None  # the kind on a page whose title names supplements


@dataclass(frozen=True)
class KindTable:
    rules: tuple[KindRule, ...]
    not_doses_rx: re.Pattern = re.compile(r"(?!)")  # amounts that are not doses ("30 g of fibre a day")
    not_medicine_before_rx: re.Pattern = re.compile(r"(?!)")  # "saline (around 20 to 40 mL)"
    class_rx: re.Pattern = re.compile(r"(?!)")  # "SGLT2 inhibitors": a class, not a medicine
    instruction_rx: re.Pattern = re.compile(r"(?!)")  # "Apply once or twice a day"
    not_dose_after_rx: re.Pattern = re.compile(r"(?!)")  # "6 micrograms in each puff", "20 puffs left"
    timing_rx: re.Pattern = re.compile(r"(?!)")  # "4 IU before your largest meal"
    naming_rx: re.Pattern = re.compile(r"(?!)")  # "the usual dose is 10 mg"
    imperative_rx: re.Pattern = re.compile(r"(?!)")  # "Take treatment as early as possible"
    population_rx: re.Pattern = re.compile(r"(?!)")  # "Adult: Initially, 150 mg daily": who a dose is for
    procedure_rx: re.Pattern = re.compile(r"(?!)")  # "A steroid injection into the painful area": a clinician's procedure
    single_unit_rx: re.Pattern = re.compile(r"(?!)")  # "your tablet", "fingertip units": one unit named with an instruction
    _rules_of: dict = field(default_factory=dict, compare=False, hash=False, repr=False)  # heading -> its rule, asked once

    @classmethod
    def load(cls) -> "KindTable":
        data = policy.load("section-kinds")
        return cls(tuple(KindRule(r["kind"], tuple(policy.compile_pattern(p, re.I) for p in r["patterns"]),
                                  bool(r.get("fixed")), bool(r.get("needs_doses")), r.get("on_supplement_page"))
                         for r in data["kinds"]),
                   _any(data.get("not_doses") or _NEVER),
                   _any(data.get("not_medicines_before") or _NEVER),
                   _any(data.get("class_substances") or _NEVER),
                   _instruction(data.get("instructions")),
                   _any(data.get("not_doses_after") or _NEVER),
                   _any(data.get("dose_timings") or _NEVER),
                   _any(data.get("dose_namings") or _NEVER),
                   _imperative(data.get("instructions")),
                   _any(data.get("dose_population_labels") or _NEVER),
                   _any(data.get("procedure_sentences") or _NEVER),
                   _any((data.get("instructions") or {}).get("single_units") or _NEVER))

    def not_a_dose(self, dose: dict, text: str = "") -> bool:
        """An amount that doses no medicine or supplement: a body weight (kg), one of
        ``not_doses`` ("30 g of fibre", "3 portions", "500 kcal"), what a procedure gives
        ("saline (around 20 to 40 mL)", read in ``text`` before the amount, or a sentence
        describing an injection into a joint) or a class of medicines ("SGLT2 inhibitors:
        one tablet a day")."""
        amount = dose.get("amount") or {}
        if amount.get("unit") == "kilogram" or self.not_doses_rx.search(dose.get("text", "")):
            return True
        if dose.get("substance") and self.class_rx.search(dose["substance"]):
            return True
        at = text.find(dose["text"]) if text and dose.get("text") else -1
        if at >= 0 and self.not_dose_after_rx.search(self._after(dose, text, at)):
            return True
        if at >= 0 and self.procedure_rx.search(_sentence_at(text, at)):
            return True  # what a clinician gives in a procedure ("a steroid injection into the knee (40 mg)")
        return at > 0 and bool(self.not_medicine_before_rx.search(text[max(0, at - 60):at]))

    def timed(self, dose: dict, text: str) -> bool:
        """An amount said with when to take it ('4 IU before your largest meal')."""
        at = text.find(dose["text"]) if text and dose.get("text") and dose.get("amount") else -1
        return at >= 0 and bool(self.timing_rx.search(self._after(dose, text, at)))

    def named(self, dose: dict, text: str) -> bool:
        """An amount its sentence names as a dose ('For adults the usual dose is 10 mg')."""
        at = text.find(dose["text"]) if text and dose.get("text") and dose.get("amount") else -1
        if at <= 0:
            return False
        before = re.split(r"[.!?;]\s", text[max(0, at - 60):at])[-1]
        return bool(self.naming_rx.search(before))

    @staticmethod
    def _after(dose: dict, text: str, at: int) -> str:
        end = at + len(dose["text"])
        return text[end:end + 60]

    def tells_to_take(self, text: str) -> bool:
        """A sentence telling the reader to take or use something ('Take treatment as early
        as possible in the headache phase'), with or without how often."""
        return bool(self.imperative_rx.search(text))

    def for_population(self, text: str) -> bool:
        """A line opening with who its dose is for, as a label ('Adult: Initially, 150 mg
        daily', '▶ Child 1-3 years: 100 mg 3 times a day')."""
        return bool(self.population_rx.match(_MARKER.sub("", text, count=1)))

    def instructs(self, text: str) -> bool:
        """A dosing instruction with no amount: 'Apply once or twice a day to the inflamed areas'."""
        return bool(self.instruction_rx.search(text))

    def names_one_unit(self, text: str) -> bool:
        """One unit of a dose form or a measure ('Swallow the tablet whole', 'measured in
        fingertip units'): with an instruction, the amount to take."""
        return bool(self.single_unit_rx.search(text))

    def rule_of(self, heading: str | None) -> KindRule | None:
        if not heading:
            return None
        h = heading.strip()
        if h in self._rules_of:
            return self._rules_of[h]
        found = next((rule for rule in self.rules if any(p.search(h) for p in rule.patterns)), None)
        if len(self._rules_of) < 4096:
            self._rules_of[h] = found
        return found

    def kind_of(self, heading: str | None) -> str | None:
        rule = self.rule_of(heading)
        return rule.kind if rule else None


_SENTENCE_END = re.compile(r"[.!?](?=\s+[\"“(]?[A-Z])")


def _sentence_at(text: str, at: int) -> str:
    """The sentence of ``text`` holding the character at ``at``."""
    start = max((m.end() for m in _SENTENCE_END.finditer(text, 0, at)), default=0)
    end = _SENTENCE_END.search(text, at)
    return text[start:end.start() if end else len(text)].strip()


def _instruction(data: dict | None) -> re.Pattern:
    """A clause opening with a verb of taking or using, with a frequency within 80 characters."""
    if not data:
        return re.compile(r"(?!)")
    verbs = "|".join(re.escape(v) for v in data["verbs"])
    subjects = "|".join(re.escape(v) for v in data.get("subjects") or []) or "(?!)"
    freqs = "|".join(f"(?:{p})" for p in data["frequencies"])
    return policy.compile_pattern(rf"(?:^|(?<=[.;:!?)]\s))\s{{0,3}}(?:then\s+|(?:{subjects})\s+(?:should\s+|will\s+|can\s+)?)?"
                                  rf"(?:{verbs})\b[^.;!?]{{0,80}}?(?:{freqs})", re.I, data["frequencies"])


def _imperative(data: dict | None) -> re.Pattern:
    """A sentence opening with a verb of taking or using ('Take treatment as early as ...')."""
    if not data:
        return re.compile(r"(?!)")
    verbs = "|".join(re.escape(v) for v in data["verbs"])
    return re.compile(rf"(?:^|(?<=[.;:!?]\s))\s{{0,3}}(?:{verbs})\s+\w", re.I)


def _any(patterns: list[str]) -> re.Pattern:
    return policy.alternation(patterns, re.I)


_NEVER = [r"(?!)"]
_PAIRED_WORDS = 4  # fewest words of each half of a line printed in two languages, never a trail's two short parts
_MARKER = re.compile(r"^\s*(?:[^\w\s]{1,3}\s+)?")  # a list or accordion marker before a line's text


def _whole(patterns: list[str]) -> AnyOf:
    """Matching a whole line that one of ``patterns`` matches (each wording compiled only
    for a line holding its literals, not one alternation of them all)."""
    return AnyOf([policy.compile_pattern(f"(?:{p})\\s*", re.I, [p]) for p in patterns])


def _organisation(ends: list[str]) -> re.Pattern:
    """A whole line of capitalised name words ending in an organisation word, then
    optionally ', <place>' ('St Anne's Hospital, Leeds')."""
    if not ends:
        return re.compile(r"(?!)")
    words = r"(?:(?:St\.?|[A-Z0-9][\w'’.&-]{0,30}|of|the|and|for|&)\s+){0,8}"
    place = r"(?:\s*[,–—-]\s*[A-Z][\w'’.-]{0,30}(?:\s+[A-Z][\w'’.-]{0,30}){0,3})?"
    body = "|".join(f"(?:{p})" for p in ends)
    return policy.compile_pattern(words + f"(?i:{body})" + place, 0, ends)


def _columnist(verbs: list[str]) -> re.Pattern:
    """A columnist's byline: an optional descriptor ending in a comma ('Our resident GP,'),
    the name (group 1; its credentials or a role after a comma allowed) and a verb of the
    column with what follows it."""
    if not verbs:
        return re.compile(r"(?!)")
    verb = "|".join(re.escape(v) for v in verbs)
    return policy.compile_pattern(rf"(?:(?i:our|the|your)\s+[\w'’ -]{{1,40}},\s+)?([A-Z][^,]{{2,60}}?)(?:,\s+[^,]{{1,60}})?,?\s+(?:{verb})\b[^|]{{0,100}}",
                                  0, verbs)


def _each(patterns: list[str], flags: int = re.I) -> tuple[re.Pattern, ...]:
    return tuple(policy.compile_pattern(p, flags) for p in patterns)


@dataclass(frozen=True)
class TitleEvidence:
    """What a line shares with the text under it: the share of its words (of ``min_letters``
    letters or more, compared by their first ``stem`` letters, not ``stop_words``) that the
    text repeats ``body_count`` times or more. A title names what the page is about; a
    masthead (a site's or publication's name, a service tagline) shares little or nothing."""
    min_letters: int = 4
    stem: int = 5
    body_count: int = 2
    masthead_share: float = 0.34
    title_share: float = 0.5
    stop_words: frozenset[str] = frozenset()

    @classmethod
    def load(cls, d: dict) -> "TitleEvidence":
        return cls(min_letters=int(d.get("min_letters") or 4), stem=int(d.get("stem") or 5),
                   body_count=int(d.get("body_count") or 2), masthead_share=float(d.get("masthead_share") or 0.34),
                   title_share=float(d.get("title_share") or 0.5),
                   stop_words=frozenset(w.lower() for w in d.get("stop_words") or []))

    def stems(self, text: str) -> list[str]:
        words = re.findall(r"[^\W\d_][\w’'-]*", text.lower())
        words = [w.strip("’'-") for w in words]
        return [(w[:-1] if w.endswith("s") and len(w) > self.min_letters else w)[:self.stem] for w in words
                if len(w) >= self.min_letters and w not in self.stop_words]  # 'knees' and 'knee' alike

    def share(self, line: str, counts: dict[str, int]) -> float | None:
        """The share of ``line``'s words the text (its stems counted in ``counts``) repeats;
        None for a line with no word that counts."""
        stems = set(self.stems(line))
        if not stems:
            return None
        return sum(1 for w in stems if counts.get(w, 0) >= self.body_count) / len(stems)


@dataclass(frozen=True)
class NavBars:
    """A site's menu line: short capitalised items between separators, or menu words
    ending in an account action ('... Mental health Log in')."""
    separator_rx: re.Pattern
    account_rx: re.Pattern
    min_items: int = 4
    max_item_words: int = 4
    not_menu_words: frozenset[str] = frozenset()
    marked_rx: re.Pattern = re.compile(r"(?!)")  # a printed separator ('|', '·')
    marked_min_items: int = 4
    numeric_rx: re.Pattern = re.compile(r"(?!)")  # an item that may hold digits ('Cart (0)', a phone number)

    @classmethod
    def load(cls, d: dict) -> "NavBars":
        return cls(separator_rx=_any(d.get("separators") or _NEVER),
                   account_rx=policy.compile_pattern(r"(?:.{1,160}\s)?(?:" + "|".join(d.get("account_actions") or ["(?!)"]) + r")", re.I),
                   min_items=int(d.get("min_items") or 4), max_item_words=int(d.get("max_item_words") or 4),
                   not_menu_words=frozenset(w.lower() for w in d.get("not_menu_words") or []),
                   marked_rx=_any(d.get("marked_separators") or _NEVER),
                   marked_min_items=int(d.get("marked_min_items") or d.get("min_items") or 4),
                   numeric_rx=_whole(d.get("numeric_items") or _NEVER))

    def items(self, s: str) -> list[str]:
        return [p.strip(" \t|·•") for p in self.separator_rx.split(s) if p.strip(" \t|·•")]

    def matches(self, s: str) -> bool:
        if not s or len(s) > 200 or re.search(r"[.,;:!]\s*$", s) or (s.endswith("?") and not self.marked_rx.search(s)):
            return False
        items = self.items(s)
        fewest = self.marked_min_items if self.marked_rx.search(s) else self.min_items
        if len(items) >= fewest:
            return all(self._menu_item(p) for p in items)
        words = s.split()
        return (len(items) == 1 and 5 <= len(words) <= 16 and not re.search(r"\d", s) and bool(self.account_rx.fullmatch(s))
                and not re.search(r"[,;:?!]", s) and not any(w.lower() in self.not_menu_words for w in words))

    def menu_item(self, p: str) -> bool:
        return self._menu_item(p)

    def _menu_item(self, p: str) -> bool:
        """'Shop All', 'Sleep & Stress', 'Cart (0)', '0117 496 0730': one item of a menu."""
        if re.search(r"\d", p):
            return bool(self.numeric_rx.fullmatch(p))
        words = [w for w in p.split() if re.search(r"[A-Za-z]", w)]
        return 0 < len(words) <= self.max_item_words and p[0].isupper() and not re.search(r"[.;:!]|\?(?!$)", p) \
            and not (p.endswith("?") and len(words) > 2)  # 'Need Help?': a help link, not a question


@dataclass(frozen=True)
class ImportCues:
    byline_rx: re.Pattern
    updated_rx: re.Pattern
    reviewed_rx: re.Pattern
    next_review_rx: re.Pattern
    closing_rx: re.Pattern
    section_disclaimer_rx: re.Pattern
    credentials: frozenset[str]
    # page structure (see the second half of checks/import.yaml)
    separator_rxs: tuple[re.Pattern, ...] = ()
    name_abbreviations: frozenset[str] = frozenset()
    author_rxs: tuple[re.Pattern, ...] = ()
    reviewer_rxs: tuple[re.Pattern, ...] = ()
    editor_rxs: tuple[re.Pattern, ...] = ()  # 'Edited by': the author where no writer is named
    byline_label_rx: re.Pattern = re.compile(r"(?!)")  # 'Credits:' before a byline's opening
    bare_name_is_author: bool = False
    channel_rx: re.Pattern = re.compile(r"(?!)")  # "186K subscribers": a channel's audience count
    published_rx: re.Pattern = re.compile(r"(?!)")
    revised_rx: re.Pattern = re.compile(r"(?!)")
    numeric_dates: str | None = None
    chrome_rx: re.Pattern = re.compile(r"(?!)")
    contents_rx: re.Pattern = re.compile(r"(?!)")
    link_list_rx: re.Pattern = re.compile(r"(?!)")
    breadcrumb_separators: tuple[str, ...] = ()
    faq_question_rx: re.Pattern = re.compile(r"(?!)")
    faq_answer_rx: re.Pattern = re.compile(r"(?!)")
    not_heading_rx: re.Pattern = re.compile(r"(?!)")
    kicker_rx: re.Pattern = re.compile(r"(?!)")
    notice_kind_rx: re.Pattern = re.compile(r"(?!)")  # "PUBLIC SAFETY ALERT" over a regulator's notice
    name_roles: frozenset[str] = frozenset()
    job_posts: frozenset[str] = frozenset()  # "Director", "Educator": the last word of a post
    credit_join_rx: re.Pattern = re.compile(r"(?!)")  # " in cooperation with ": two bodies one byline credits
    title_qualifiers: frozenset[str] = frozenset()  # 'Dr. pharm.', 'Dr. med.': a degree after the title
    after_list_rx: re.Pattern = re.compile(r"(?!)")
    # institutional furniture and dates (the last part of checks/import.yaml)
    organisation_rx: re.Pattern = re.compile(r"(?!)")
    department_rx: re.Pattern = re.compile(r"(?!)")
    label_rx: re.Pattern = re.compile(r"(?!)")
    preamble_rx: re.Pattern = re.compile(r"(?!)")
    not_openings: frozenset[str] = frozenset()
    furniture_breadcrumb_parts: int = 3
    review_date_rx: re.Pattern = re.compile(r"(?!)")
    date_order_rxs: tuple[tuple[str, tuple[re.Pattern, ...]], ...] = ()
    # marketing chrome, author cards, leaflet feet, forms
    author_card_rx: re.Pattern = re.compile(r"(?!)")
    sponsor_heading_rx: re.Pattern = re.compile(r"(?!)")
    sponsor_line_rx: re.Pattern = re.compile(r"(?!)")
    product_line_rx: re.Pattern = re.compile(r"(?!)")
    form_blank_rx: re.Pattern = re.compile(r"(?!)")
    letter_title_rx: re.Pattern = re.compile(r"(?!)")
    qa_page_rx: re.Pattern = re.compile(r"(?!)")  # "our pharmacist answers your questions"
    qa_intro_rx: re.Pattern = re.compile(r"(?!)")  # "Here are the questions we hear most"
    asker_rx: re.Pattern = re.compile(r"(?!)")
    forum_answer_rx: re.Pattern = re.compile(r"(?!)")  # "Answer from dan_k · 9 votes": a forum answer's header
    letter_heading_rx: re.Pattern = re.compile(r"(?!)")
    nav: "NavBars | None" = None
    dek_rx: re.Pattern = re.compile(r"(?!)")  # "A guide for adults starting warfarin" under the title
    relative_date_rx: re.Pattern = re.compile(r"(?!)")  # "3 days ago": when a forum post was made
    document_control_rx: re.Pattern = re.compile(r"(?!)")  # "Leaflet number: PI-0342", "Version 4"
    front_title_rx: re.Pattern = re.compile(r"(?!)")  # a front matter key naming the title
    front_statements: tuple[tuple[re.Pattern, str], ...] = ()  # (key pattern, the statement it reads as)
    row_item_rx: re.Pattern = re.compile(r"(?!)")  # "Privacy", "Cookie settings": items of a footer row
    team_rx: re.Pattern = re.compile(r"(?!)")  # "... Support Team": the end of a team's name
    run_in_min: int = 3  # fewest capitals labels over text that make a page print its sections so
    run_in_not_label_rx: re.Pattern = re.compile(r"(?!)")  # "IMPORTANT", "NOTE": emphasis, not a section
    # letterheads, letters, mail and transcripts (the last part of checks/import.yaml)
    contact_item_rx: re.Pattern = re.compile(r"(?!)")  # "Tel 01632 960 418", "Mill Hill, Kelbury KL3 9PE"
    service_item_rx: re.Pattern = re.compile(r"(?!)")  # "nurse on call: 0322 ...", "Open 8:30-19:30", "same-day delivery"
    staff_line_rx: re.Pattern = re.compile(r"(?!)")  # "Headteacher: Mr D. Ashworth"
    record_line_rx: re.Pattern = re.compile(r"(?!)")  # "PATIENT: L HOLT    DOB: 03/14/1952": one patient's record
    organisation_start_rx: re.Pattern = re.compile(r"(?!)")  # "Centro de Salud ..."
    branch_rx: re.Pattern = re.compile(r"(?!)")  # "#0412", "Store 118" after an organisation's name
    mail_header_rx: re.Pattern = re.compile(r"(?!)")  # "From: ...", "Subject: ..."
    subject_rx: re.Pattern = re.compile(r"(?!)")  # "Subject: X", a letter's "Re: X"
    salutation_rx: re.Pattern = re.compile(r"(?!)")  # "Dear Maria,"
    valediction_rx: re.Pattern = re.compile(r"(?!)")  # "Yours faithfully,"
    registration_rx: re.Pattern = re.compile(r"(?!)")  # "GMC 7654321"
    mail_footer_rx: re.Pattern = re.compile(r"(?!)")  # "--", "This email ... is confidential"
    signer_rx: re.Pattern = re.compile(r"(?!)")  # "— ", "[18/11/2026, 9:14 am] Clinic: " before a signer's name
    accordion_markers: tuple[str, ...] = ()  # "+ Folic acid", "▸ Iron"
    timestamp_rx: re.Pattern = re.compile(r"(?!)")  # "01:45 Why statins?", "[00:01:45] SARAH: ..."
    job_title_rx: re.Pattern = re.compile(r"(?!)")  # "Health reporter": the job line of a stacked byline
    columnist_rx: re.Pattern = re.compile(r"(?!)")  # "Our resident GP, Dr A, answers ...": the name before the verb
    page_marker_rx: re.Pattern = re.compile(r"(?!)")  # "--- Slide 3 ---", "Page 2 of 4": where a page or slide begins or ends
    site_section_rx: re.Pattern = re.compile(r"(?!)")  # "Health library", "Medicines A-Z": over the title
    foot_heading_rx: re.Pattern = re.compile(r"(?!)")  # "Care at Northfield Clinic", "Make an appointment"
    foot_care_rx: re.Pattern = re.compile(r"(?!)")  # "Rheumatology care": a foot heading over links only
    foot_voice_rx: re.Pattern = re.compile(r"(?!)")  # "our", "we": the site speaking of itself
    foot_link_max_words: int = 7
    title_evidence: "TitleEvidence | None" = None  # what a title shares with its text
    month_date_rx: re.Pattern = re.compile(r"(?!)")  # "12 juin 2026", "3 de octubre de 2026": a month of another language
    month_numbers: dict = field(default_factory=dict)  # 'juin' -> 6

    @classmethod
    def load(cls) -> "ImportCues":
        d = policy.load("import")
        return cls(**cls._letters_cues(d), **cls._furniture_cues(d), **cls._people_cues(d),
                   **cls._dates_cues(d), **cls._body_cues(d))

    @staticmethod
    def _letters_cues(d: dict) -> dict:
        """A letterhead's and a mail's cues (contact items, staff labels, headers, valedictions)."""
        letterhead = d.get("letterhead") or {}
        mail = d.get("mail") or {}
        return dict(
            contact_item_rx=_whole(letterhead.get("contact_items") or _NEVER),
            service_item_rx=_any([rf"[^|·•]*?(?:{p})" for p in letterhead.get("service_items") or _NEVER]),
            staff_line_rx=_any([f"(?:{p})\\s{{0,2}}:\\s{{0,3}}\\S.{{0,60}}" for p in letterhead.get("staff_labels") or _NEVER]),
            record_line_rx=_any([f"(?:{p})\\s{{0,2}}[:#]" for p in letterhead.get("record_labels") or _NEVER]),
            organisation_start_rx=_any(letterhead.get("organisation_starts") or _NEVER),
            mail_header_rx=_any([rf"(?:{p})\s{{0,2}}:\s" for p in mail.get("headers") or _NEVER]),
            subject_rx=_any([rf"(?:{p})\s{{0,2}}:\s{{1,3}}(?=\S)" for p in mail.get("subjects") or _NEVER]),
            salutation_rx=_whole(mail.get("salutations") or _NEVER),
            valediction_rx=_whole([rf"(?:{p})\s{{0,2}}[,.!]?" for p in mail.get("valedictions") or _NEVER]),
            registration_rx=_whole(mail.get("registrations") or _NEVER),
            mail_footer_rx=_whole(mail.get("footer_openings") or _NEVER),
            signer_rx=_any(mail.get("signer_openings") or _NEVER),
        )

    @staticmethod
    def _furniture_cues(d: dict) -> dict:
        """The site's and an institution's furniture: chrome, menus, breadcrumbs, labels, foot blocks."""
        furniture = d.get("furniture") or {}
        site = d.get("site_chrome") or {}
        return dict(
            accordion_markers=tuple(sorted(d.get("accordion_markers") or (), key=len, reverse=True)),
            timestamp_rx=_whole(d.get("timestamps") or _NEVER),
            page_marker_rx=_whole(d.get("page_markers") or _NEVER),
            site_section_rx=_whole(site.get("site_sections") or _NEVER),
            foot_heading_rx=_whole(site.get("foot_headings") or _NEVER),
            foot_care_rx=_whole(site.get("foot_care_headings") or _NEVER),
            foot_voice_rx=_any(site.get("foot_voice") or _NEVER),
            foot_link_max_words=int(site.get("foot_link_max_words") or 7),
            title_evidence=TitleEvidence.load(d.get("title_evidence") or {}),
            chrome_rx=_whole((d.get("chrome") or []) + (d.get("more_chrome") or []) + (furniture.get("labels") or [])
                             + (d.get("marketing") or []) + (d.get("ratings") or []) + (d.get("buttons") or [])
                             + (d.get("forum_answers") or []) or _NEVER),
            row_item_rx=_whole(d.get("row_items") or _NEVER),
            nav=NavBars.load(d.get("nav_bars") or {}),
            author_card_rx=_whole(d.get("author_cards") or _NEVER),
            sponsor_heading_rx=_whole(d.get("sponsor_headings") or _NEVER),
            sponsor_line_rx=_whole(d.get("sponsor_lines") or _NEVER),
            product_line_rx=_whole(d.get("product_lines") or _NEVER),
            form_blank_rx=_any(d.get("form_blanks") or _NEVER),
            organisation_rx=_organisation(furniture.get("organisation_ends") or []),
            branch_rx=policy.compile_pattern(r"\s+(?:" + "|".join(f"(?:{p})" for p in furniture.get("branch_numbers") or ["(?!)"]) + r")\s*$", re.I),
            department_rx=_whole(furniture.get("department_lines") or _NEVER),
            label_rx=_whole(furniture.get("labels") or _NEVER),
            preamble_rx=_whole(furniture.get("preamble_lines") or _NEVER),
            not_openings=frozenset(w.lower() for w in furniture.get("not_openings") or []),
            furniture_breadcrumb_parts=int(furniture.get("breadcrumb_min_parts") or 3),
            breadcrumb_separators=tuple(d.get("breadcrumb_separators") or ()),
            kicker_rx=_whole(d.get("kickers") or _NEVER),
            notice_kind_rx=_whole(d.get("notice_kinds") or _NEVER),
            dek_rx=_whole(d.get("deks") or _NEVER),
            title_qualifiers=frozenset(w.lower().rstrip('.') for w in d.get("title_qualifiers") or []),
        )

    @staticmethod
    def _people_cues(d: dict) -> dict:
        """Bylines: who wrote or reviewed a page, their credentials, roles and teams."""
        people = d.get("people") or {}
        more_people = d.get("more_people") or {}
        return dict(
            columnist_rx=_columnist(d.get("columnist_verbs") or []),
            job_title_rx=_whole([rf"(?:[A-Z][\w'’&-]{{0,30}}\s+){{0,4}}(?:{p})" for p in d.get("job_titles") or _NEVER]),
            separator_rxs=_each((d.get("separators") or []) + (d.get("statement_breaks") or []), 0),
            name_abbreviations=frozenset(d.get("name_abbreviations") or []),
            author_rxs=_each((people.get("author") or []) + (more_people.get("author") or [])),
            reviewer_rxs=_each((people.get("reviewer") or []) + (more_people.get("reviewer") or [])),
            bare_name_is_author=bool(people.get("bare_name_is_author")),
            channel_rx=_whole(people.get("channel_counts") or _NEVER),
            editor_rxs=_each((people.get("editor") or []) + (more_people.get("editor") or [])),
            byline_label_rx=policy.compile_pattern(people.get("label") or r"(?!)", 0),
            team_rx=policy.compile_pattern(r"\b(?:" + "|".join(re.escape(w) for w in d.get("team_words") or ["(?!)"]) + r")$", re.I)
            if d.get("team_words") else re.compile(r"(?!)"),
            name_roles=frozenset(w.lower() for w in d.get("name_roles") or []),
            job_posts=frozenset(w.lower() for w in d.get("job_posts") or []),
            credit_join_rx=policy.compile_pattern(r"\s+(?:" + "|".join(f"(?:{p})" for p in d.get("credit_joins") or ["(?!)"]) + r")\s+", re.I),
            byline_rx=_any(d["byline"]),
            credentials=frozenset(c.lower().replace(".", "") for c in d["credentials"] + (d.get("more_credentials") or [])),
        )

    @staticmethod
    def _dates_cues(d: dict) -> dict:
        """Dates and document control: published, revised, reviewed, next review, front matter."""
        return dict(
            published_rx=_any((d.get("published") or []) + (d.get("more_published") or []) or _NEVER),
            revised_rx=_any((d.get("revised") or []) + (d.get("prepared") or []) or _NEVER),
            numeric_dates=d.get("numeric_dates"),
            relative_date_rx=_whole(d.get("relative_dates") or _NEVER),
            **_month_names(d.get("month_names") or []),
            document_control_rx=_any(d.get("document_control") or _NEVER),
            front_title_rx=_whole((d.get("front_matter") or {}).get("title") or _NEVER),
            front_statements=tuple((_whole(st["keys"]), st["reads_as"]) for st in (d.get("front_matter") or {}).get("statements") or ()),
            review_date_rx=_any(d.get("review_date_labels") or _NEVER),
            date_order_rxs=tuple((order, _each(d["date_order"][order])) for order in ("month-first", "day-first")
                                 if d.get("date_order", {}).get(order)),
            updated_rx=_any(d["dates"]["updated"]),
            reviewed_rx=_any(d["dates"]["reviewed"] + (d.get("review_lines") or [])),
            next_review_rx=_any((d["dates"].get("next_review") or []) + (d.get("next_review_labels") or []) or _NEVER),
        )

    @staticmethod
    def _body_cues(d: dict) -> dict:
        """The body's cues: run-in headings, Q&A and letter pages, contents, FAQ, disclaimers."""
        faq = d.get("faq") or {}
        return dict(
            run_in_min=int((d.get("run_in_headings") or {}).get("min_per_page") or 3),
            run_in_not_label_rx=_whole((d.get("run_in_headings") or {}).get("not_labels") or _NEVER),
            letter_title_rx=_any(d.get("letter_titles") or _NEVER),
            qa_page_rx=_any(d.get("qa_pages") or _NEVER),
            qa_intro_rx=_any(d.get("qa_intros") or _NEVER),
            asker_rx=_any(d.get("askers") or _NEVER),
            forum_answer_rx=_whole(d.get("forum_answers") or _NEVER),
            letter_heading_rx=_whole(d.get("letter_headings") or _NEVER),
            contents_rx=_whole(d.get("contents") or _NEVER),
            link_list_rx=_whole(d.get("link_lists") or _NEVER),
            faq_question_rx=_any(faq.get("question") or _NEVER),
            faq_answer_rx=_any(faq.get("answer") or _NEVER),
            not_heading_rx=_whole(d.get("not_headings") or _NEVER),
            after_list_rx=_any(d.get("after_list") or _NEVER),
            closing_rx=_any(d["closing_disclaimer"]),
            section_disclaimer_rx=_any(d["section_disclaimer"] + (d.get("disclaimer_banners") or [])),
        )


    def find_date(self, text: str, numeric: str | None = None, month_year: bool = False):
        """The first date written in ``text`` (medlint.dates.find_date) or with a month of
        another language (`month_names`: "12 juin 2026"), whichever comes first, and its span."""
        from medlint.dates import find_date

        found = find_date(text, numeric, month_year)
        m = self.month_date_rx.search(text) if self.month_numbers else None
        if m is None or (found is not None and found[1][0] <= m.start()):
            return found
        try:
            return _dt.date(int(m.group("y")), self.month_numbers[m.group("mon").casefold()], int(m.group("d"))), m.span()
        except ValueError:
            return found

    # page structure -----------------------------------------------------------
    def chrome(self, line: str) -> bool:
        """A line of the site's furniture (banner, widget, share line, breadcrumb)."""
        s = line.strip().strip("*_ ")
        if not s or len(s) > 200:
            return False
        return bool(self.chrome_rx.fullmatch(s)) or self.breadcrumb(s) or self._widget_row(s)

    def _widget_row(self, s: str) -> bool:
        """'Print this page   Email   Refill this prescription', 'Reply   Like (2)': a row of
        buttons, each one a line of chrome by itself."""
        if self.nav is None:
            return False
        items = self.nav.items(s)
        return len(items) >= 2 and all(self.chrome_rx.fullmatch(p) or self.row_item_rx.fullmatch(p) for p in items)

    def front_title(self, key: str) -> bool:
        return bool(self.front_title_rx.fullmatch(key.strip()))

    def front_statement(self, key: str, value: str) -> str | None:
        """'author', 'Imogen Hale, MPharm' -> 'Written by Imogen Hale, MPharm' (or None)."""
        for rx, opening in self.front_statements:
            if rx.fullmatch(key.strip()):
                return f"{opening} {value}"
        return None

    def document_controlled(self, lines: list[str]) -> bool:
        """Whether the page prints document control (a leaflet number, a version, ©)."""
        return any(self.document_control_rx.search(line) for line in lines if len(line) <= 300)

    def run_in_not_label(self, label: str) -> bool:
        """'IMPORTANT', 'PLEASE NOTE': a label of emphasis, never a run-in heading."""
        return bool(self.run_in_not_label_rx.fullmatch(label.strip()))

    def post_header(self, line: str) -> bool:
        """A forum post's header: 'dave_t62 · 3 days ago', 'Amira · Verified pharmacist ·
        2 days ago' (a handle or a short name, a badge, when it was posted)."""
        from medlint.dates import find_date

        s = line.strip().strip("*_ ")
        if not s or len(s) > 160:
            return False
        parts = [p.strip() for p in re.split(r"\s+[·|•—–]\s+", s)]
        if len(parts) == 1 and ", " in s:
            parts = [p.strip() for p in s.split(", ", 1)]  # a review's 'Sophie R., 11 May 2025'
        if not 2 <= len(parts) <= 4 or any(not p or len(p.split()) > 8 for p in parts):
            return False
        when = parts[-1]
        if not (self.relative_date_rx.fullmatch(when) or (find_date(when, self.numeric_dates) and len(when.split()) <= 4)):
            return False
        who = parts[0]
        return bool(re.fullmatch(r"@?[\w.-]{2,30}", who) or re.fullmatch(r"[A-Z][\w'’.-]{0,20}(?:\s+[A-Z][\w'’.-]{0,20}){0,3}", who))

    def breadcrumb(self, line: str, min_parts: int = 3) -> bool:
        s = line.strip()
        for sep in self.breadcrumb_separators:
            parts = s.split(f" {sep} ")
            if len(parts) == 2 and sep == "/" and all(len(p.split()) >= _PAIRED_WORDS for p in parts):
                continue  # 'Fever Medicine for Children / Medicina para la fiebre en niños': one line in two languages
            if len(parts) >= min_parts and all(0 < len(p.split()) <= 6 for p in parts) and not s.endswith("."):
                return True
        return False

    def furniture(self, line: str) -> bool:
        """An institution's furniture where a page prints it (before the title or right
        under it): the organisation's name, a department line, a leaflet label, a
        breadcrumb of two parts or more, or any line of chrome."""
        s = line.strip().strip("*_ ")
        if not s or len(s) > 120:
            return False
        return (self.organisation(s) or self.department(s) or self.chrome(s) or self.nav_bar(s)
                or self.breadcrumb(s, self.furniture_breadcrumb_parts))

    def nav_bar(self, line: str) -> bool:
        """A site's navigation bar ('Home | Our Providers | Patient Portal | ...')."""
        return self.nav is not None and self.nav.matches(line.strip().strip("*_ "))

    def preamble_furniture(self, line: str) -> bool:
        """Furniture before the title: any furniture, or a service, unit or ward line."""
        s = line.strip().strip("*_ ")
        if self.furniture(s) or self.contact_line(s) or self.staff_line(s):
            return True
        return 0 < len(s) <= 120 and self._names_a_place(s) and bool(self.preamble_rx.fullmatch(s))

    def organisation(self, line: str) -> bool:
        """'Riverside Regional Medical Center', 'Maple Grove Pediatrics': an organisation's name."""
        s = line.strip().strip("*_ ")
        m = re.search(r"\s+[|·•]\s+", s)
        if m:  # 'Maple Grove Pediatrics | Serving families since 1998': a name and its tagline
            if len(s[m.end():].split()) > 10:
                return False
            head, tail = s[:m.start()], s[m.end():]
            if not self._organisation_name(head) and self._organisation_name(tail):
                return self._service(head)  # 'Westbrook Maternity Services | Westbrook University Hospitals'
            s = head
        m = re.search(r"\s+[-–—]\s+", s)
        if m and self._organisation_name(s[m.end():]) and self._name_words(s[:m.start()]):
            return True  # 'Lakeview Regional Health - Anticoagulation Clinic': the parent body, then its clinic
        return self._organisation_name(s)

    def _name_words(self, s: str) -> bool:
        """'Lakeview Regional Health': a few capitalised words of a name, no sentence in them."""
        words = s.split()
        return 0 < len(words) <= 6 and self._names_a_place(s) and not re.search(r"[.,;:?!]", s) \
            and all(w[0].isupper() or w.lower() in ("of", "the", "and", "for", "&") for w in words)

    def _organisation_name(self, s: str) -> bool:
        s = self.branch_rx.sub("", s)  # 'Greenway Pharmacy #0412': the name and its branch number
        if not s or len(s.split()) > 10 or not self._names_a_place(s):
            return False
        if not (self.organisation_rx.fullmatch(s) or (self.organisation_start_rx.match(s) and not re.search(r"[.,;:?!]", s))):
            return False
        long_words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", s) if len(w) >= 4]
        return all(w[0].isupper() for w in long_words)

    def _service(self, s: str) -> bool:
        return 0 < len(s) <= 120 and self._names_a_place(s) and bool(self.preamble_rx.fullmatch(s) or self.department_rx.fullmatch(s))

    # letterheads, letters, mail, transcripts ---------------------------------
    def contact_line(self, line: str) -> bool:
        """'14 Mill Lane, Harrowgate HG2 7QP  |  Tel 01632 960 418  |  Mon-Fri 8.30am-5pm':
        every piece an address, a phone number, an e-mail or web address or opening hours
        (the organisation's own name may lead it)."""
        s = line.strip().strip("*_ ")
        if not s or len(s) > 240:
            return False
        parts = [p.strip() for p in re.split(r"\s+[|·•]\s+|\s+[-–—]\s+|(?<=\S)\s{2,}(?=\S)", s) if p.strip()]
        if parts and len(parts) > 1 and self._organisation_name(parts[0]):
            parts = parts[1:]
        return bool(parts) and all(self.contact_item_rx.fullmatch(p) for p in parts)

    def service_row(self, line: str) -> bool:
        """'Ward 4B, Kumasi | Palliative nurse on call: 0322 055 5123': a banner row of two
        pieces or more (split at '|', '·' or '•'), one of them offering a service
        (`letterhead.service_items`: a phone line, opening hours, delivery, a leaflet's code)."""
        s = line.strip().strip("*_ ")
        if not s or len(s) > 240:
            return False
        parts = [p.strip() for p in re.split(r"\s+[|·•]\s+", s) if p.strip()]
        return len(parts) > 1 and any(self.service_item_rx.match(p) for p in parts)

    def staff_line(self, line: str) -> bool:
        """'Headteacher: Mr D. Ashworth': a letterhead's line naming its head."""
        s = line.strip()
        return 0 < len(s) <= 100 and bool(self.staff_line_rx.fullmatch(s))

    def record_line(self, line: str) -> bool:
        """'PATIENT: LORRAINE K HOLT    DOB: 03/14/1952', 'RX# 6034127': a line of one patient's
        record on a dispensing label or form."""
        return bool(self.record_line_rx.match(line.strip()))

    def mail_header(self, line: str) -> bool:
        """'From: Harbour Health Clinic <care@...>', 'Date: Tue, 17 Nov 2026 16:42:10 +0000'."""
        s = line.strip()
        return 0 < len(s) <= 300 and bool(self.mail_header_rx.match(s))

    def subject(self, line: str) -> str | None:
        """The title a mail's 'Subject: ...' or a letter's 'Re: ...' line gives, else None."""
        s = line.strip()
        m = self.subject_rx.match(s) if 0 < len(s) <= 200 else None
        return s[m.end():].strip(" *_") or None if m else None

    def salutation(self, line: str) -> bool:
        s = line.strip()
        return 0 < len(s) <= 80 and bool(self.salutation_rx.fullmatch(s))

    def valediction(self, line: str) -> bool:
        s = line.strip()
        return 0 < len(s) <= 40 and bool(self.valediction_rx.fullmatch(s))

    def registration(self, line: str) -> bool:
        s = line.strip()
        return 0 < len(s) <= 60 and bool(self.registration_rx.fullmatch(s))

    def mail_footer(self, line: str) -> bool:
        s = line.strip()
        return 0 < len(s) <= 600 and bool(self.mail_footer_rx.fullmatch(s))

    def accordion(self, line: str) -> tuple[str, str] | None:
        """('+ ', 'Folic acid') for an accordion's marked heading line, else None."""
        s = line.strip()
        for marker in self.accordion_markers:
            if s.startswith(marker) and s[len(marker):len(marker) + 1] in (" ", "\u00a0"):
                rest = s[len(marker):].lstrip()
                return (s[:len(s) - len(rest)], rest) if rest else None
        return None

    def columnist(self, piece: str) -> str | None:
        """The name in a columnist's byline ('Our resident GP, Dr Amara Osei, answers your
        health questions' -> 'Dr Amara Osei'), else None."""
        m = self.columnist_rx.fullmatch(piece.strip()) if len(piece) <= 200 else None
        return m.group(1) if m else None

    def page_marker(self, line: str) -> bool:
        """'--- Slide 3 ---', '[Slide 3 of 12]', '=== Page 2 ===', '- 2 -': a line marking where a
        printed page or a slide begins or ends (chrome; the line after a slide's marker is its title)."""
        s = line.strip()
        return 0 < len(s) <= 60 and bool(self.page_marker_rx.fullmatch(s))

    def label(self, line: str) -> bool:
        """A leaflet's label furniture ('After Visit Summary', 'Patient information leaflet')."""
        s = line.strip().strip("*_ ")
        return 0 < len(s) <= 120 and bool(self.label_rx.fullmatch(s))

    def job_title(self, line: str) -> bool:
        """'Health reporter', 'Senior Health Correspondent': a journalist's job line."""
        s = line.strip()
        return 0 < len(s) <= 60 and bool(self.job_title_rx.fullmatch(s))

    def post(self, s: str) -> bool:
        """'Consultant Physician', 'Medical Director', 'Specialist in Dermatology': a post, a few
        capitalised words one of which is a role or post word (`name_roles`, `job_posts`), no
        title before a name in them."""
        words = s.split()
        if not 1 <= len(words) <= 6 or re.search(r"[\d.;:!?()]", s) or words[0].rstrip(".") in self.name_abbreviations:
            return False
        joins = ("of", "in", "and", "&", "for", "the")
        if not all(w[0].isupper() or w.lower() in joins for w in words) or words[-1].lower() in joins:
            return False
        return any(w.lower() in self.name_roles or w.lower() in self.job_posts for w in words)

    def job_line(self, line: str) -> bool:
        """'Consultant Physician, Ceylon Lakeview Hospitals', 'Nurse Educator': a byline's job line,
        a post and, after a comma, where it is held (a few words, no sentence)."""
        s = line.strip().strip("*_ ")
        head, _, rest = s.partition(",")
        return 0 < len(s) <= 120 and self.post(head.strip()) and len(rest.split()) <= 8 and not re.search(r"[.;:!?]\s|[.!?]$", rest)

    def timestamped(self, line: str) -> bool:
        """A chapter or transcript line opening with a timestamp."""
        s = line.strip()
        return 0 < len(s) and bool(self.timestamp_rx.fullmatch(s[:320]))

    def department(self, line: str) -> bool:
        """'Department of Orthopaedic Surgery', 'Rheumatology department'."""
        s = line.strip().strip("*_ ")
        return 0 < len(s) <= 120 and self._names_a_place(s) and bool(self.department_rx.fullmatch(s))

    def _names_a_place(self, s: str) -> bool:
        """Not a line about a place ('Finding your way around the hospital')."""
        first = s.split()[0].lower().strip("'’\"“(") if s.split() else ""
        return first not in self.not_openings

    def review_date_label(self, piece: str) -> bool:
        """A 'Review date: ...' piece (the next review or the last, as the page's other dates say)."""
        return bool(self.review_date_rx.match(piece))

    def date_order(self, text: str) -> tuple[str | None, list[str]]:
        """('month-first' | 'day-first' | None, the signals found) for the page ``text``."""
        from medlint.dates import numeric_order

        settled = numeric_order(text)
        if settled is not None:
            return settled
        found: dict[str, list[str]] = {}
        for order, rxs in self.date_order_rxs:
            hits = []
            for rx in rxs:
                m = rx.search(text)
                if m:
                    hits.append(m.group(0).strip())
            found[order] = hits
        us, uk = found.get("month-first", []), found.get("day-first", [])
        if len(us) > len(uk):
            return "month-first", us
        if len(uk) > len(us):
            return "day-first", uk
        return None, us + uk

    def author_card(self, line: str) -> bool:
        """'About the author': the heading of a writer's card."""
        return bool(self.author_card_rx.fullmatch(line.strip().strip("*_ :")))

    def sponsor(self, line: str) -> bool:
        """A line of a leaflet's foot: 'Sponsor', 'AstraZeneca Pty Ltd', 'ABN 54 009 682 311'."""
        s = line.strip().strip("*_ ")
        return 0 < len(s) <= 160 and bool(self.sponsor_heading_rx.fullmatch(s) or self.sponsor_line_rx.fullmatch(s))

    def sponsor_heading(self, line: str) -> bool:
        """A leaflet's 'Sponsor' or 'Supplier' heading line."""
        s = line.strip().strip("*_ ")
        return 0 < len(s) <= 160 and bool(self.sponsor_heading_rx.fullmatch(s))

    def sponsor_line(self, line: str) -> bool:
        s = line.strip().strip("*_ ")
        return 0 < len(s) <= 160 and bool(self.sponsor_line_rx.fullmatch(s))

    def product_line(self, line: str) -> bool:
        """'paracetamol 665 mg modified release tablets': a product and its strength."""
        s = line.strip()
        return 0 < len(s) <= 120 and bool(self.product_line_rx.fullmatch(s))

    def form_field(self, line: str) -> bool:
        """'My reliever inhaler is ____': a line with a blank to fill in."""
        return bool(self.form_blank_rx.search(line))

    def letter_page(self, title: str, furniture: list[str]) -> bool:
        """A Q&A column answering one reader's letter: its title ('Pharmacist Q&A: ...'), a
        kicker over it ('Ask the Pharmacist') or a line saying who asked ('Asked by Hollie')."""
        return bool(self.letter_title_rx.match(title.strip())) or any(
            self.kicker(line) or self.asker_rx.match(line.strip()) for line in furniture)

    def qa_page(self, lines: list[str]) -> bool:
        """The title or a line around it says the page answers readers' questions."""
        return any(self.qa_page_rx.search(line) for line in lines)

    def qa_intro(self, text: str) -> bool:
        """The body's opening paragraph says the questions under it are readers' questions."""
        return bool(self.qa_intro_rx.search(text))

    def forum_answer(self, line: str) -> bool:
        """'Answer from hollybrook_k · 18 votes', 'Verified pharmacist answer': a forum answer's header."""
        s = line.strip().strip("*_ ")
        return 0 < len(s) <= 200 and bool(self.forum_answer_rx.fullmatch(s))

    def letter_heading(self, heading: str | None) -> bool:
        return heading is None or bool(self.letter_heading_rx.fullmatch(heading.strip().strip("*_ :")))

    def contents_heading(self, line: str) -> bool:
        return bool(self.contents_rx.fullmatch(line.strip().strip("*_ :")))

    def link_list_heading(self, line: str) -> bool:
        return bool(self.link_list_rx.fullmatch(line.strip().strip("*_ :")))

    def not_heading(self, line: str) -> bool:
        return bool(self.not_heading_rx.fullmatch(line.strip()))

    def after_list(self, line: str) -> bool:
        return bool(self.after_list_rx.match(line.strip()))

    def dek(self, line: str) -> bool:
        """'A guide for adults starting warfarin': a subtitle saying what the document is and for whom."""
        return bool(self.dek_rx.fullmatch(line.strip().strip("*_ ")))

    def kicker(self, line: str) -> bool:
        return bool(self.kicker_rx.fullmatch(line.strip().strip("*_ :")))

    def notice_kind(self, line: str) -> bool:
        """'PUBLIC SAFETY ALERT': the kind of a regulator's notice, over its title."""
        return bool(self.notice_kind_rx.fullmatch(line.strip().strip("*_ :")))

    def faq_question(self, line: str) -> bool:
        return bool(self.faq_question_rx.match(line.strip().strip("*_ ")))

    def faq_answer(self, line: str) -> bool:
        return bool(self.faq_answer_rx.match(line.strip().strip("*_ ")))

    def meta_role(self, line: str) -> str | None:
        """'byline', 'updated' or 'reviewed' for a metadata line, else None."""
        if len(line) > 240:
            return None
        from medlint.dates import find_date

        if self.next_review_rx.match(line) and find_date(line):
            return "next-review"
        if self.reviewed_rx.match(line) and find_date(line):
            return "reviewed"
        if self.updated_rx.match(line) and find_date(line):
            return "updated"
        if self.byline_rx.match(line) and not line.rstrip().endswith("?"):
            return "byline"
        return None

    def closing_disclaimer(self, text: str) -> bool:
        return bool(self.closing_rx.match(text.lstrip("*_ ")))

    def section_disclaimer(self, text: str) -> bool:
        return len(text) < 400 and bool(self.section_disclaimer_rx.search(text))

    def people(self, line: str) -> tuple[list[dict], list[dict]]:
        """Authors and reviewers named in a byline."""
        text = line.strip().strip("*_").strip()
        authors: list[dict] = []
        reviewers: list[dict] = []
        m = re.search(r"\b(?:written|authored)\s+by\s+(.+?)(?=\s+and\s+(?:medically\s+)?reviewed\s+by\b|$)", text, re.I)
        if m:
            authors += [self._person(p) for p in _split_names(m.group(1))]
        m = re.search(r"\breviewed\s+by\s+(.+)$", text, re.I)
        if m:
            reviewers += [self._person(p) for p in _split_names(m.group(1))]
        if not authors and not reviewers:
            m = re.match(r"by\s+(.+)$", text, re.I)
            if m:
                authors += [self._person(p) for p in _split_names(m.group(1))]
        return authors, reviewers

    def _person(self, text: str) -> dict:
        parts = [p.strip() for p in re.split(r",\s*", text.strip().rstrip("."))]
        name = parts[0]
        name = re.sub(r"^the\s+", "", name, flags=re.I) if name.lower().startswith("the ") else name
        creds = []
        for p in parts[1:]:
            token = p.split()[0].rstrip(".") if p else ""
            if token.lower() in self.credentials:
                creds.append(p)
            else:
                name = f"{name}, {p}"
        return {"name": name, "credentials": creds}


def _month_names(months: list[list[str]]) -> dict:
    """The cues of dates written with a month of another language: the month's number of
    each name, and a pattern of a day, the month and a year ("12 juin 2026", "3 de octubre de
    2026", "12. Mai 2026")."""
    numbers = {name.casefold(): n for n, names in enumerate(months, start=1) for name in names}
    if not numbers:
        return {}
    names = "|".join(re.escape(n) for n in sorted(numbers, key=len, reverse=True))
    rx = re.compile(rf"(?<![\d.])(?P<d>[0-3]?\d)(?:\.|º|er)?\s{{1,2}}(?:de\s+)?(?P<mon>{names})\.?,?\s{{1,2}}(?:de\s+)?(?P<y>(?:19|20)\d{{2}})\b",
                    re.I)
    return {"month_date_rx": rx, "month_numbers": numbers}


def _split_names(text: str) -> list[str]:
    # "A, MD and B, PhD" -> two people; commas inside a person's credentials stay.
    return [p for p in re.split(r"\s+and\s+|\s*;\s*", text.strip().rstrip(".")) if p]
