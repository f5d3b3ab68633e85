"""Byline and date lines: who wrote and reviewed a page, and when.

A page prints its byline in many shapes: one statement per line ("Reviewed by
Dr A, MRCGP"), several joined on one line ("By A | Reviewed by B · Updated 3 May
2026"), sentences run together ("Written by A, RPh. Reviewed by B, MD."), a bare
name with its credentials, a bare date. ``read_meta_line`` splits a line into its
pieces, reads each one, and says whether the line as a whole is a byline/date
line. The vocabulary (openings, separators, credentials) is in checks/import.yaml.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass, field


_ROLE_OF_KEY = {"next_review": "next-review", "last_reviewed": "reviewed", "updated": "updated",
                "published": "published", "review_date": "reviewed"}


@dataclass
class MetaLine:
    """What one byline/date line says."""

    role: str = "other"
    authors: list[dict] = field(default_factory=list)
    reviewers: list[dict] = field(default_factory=list)
    editors: list[dict] = field(default_factory=list)  # 'Edited by': the author only where no writer is named
    dates: dict[str, _dt.date] = field(default_factory=dict)
    unknown: list[str] = field(default_factory=list)
    teams: list[str] = field(default_factory=list)  # teams named after a byline opening
    writer_teams: list[str] = field(default_factory=list)  # a team credited as the writer ("By the X Health Team")
    first_known: bool = False
    in_body: bool = False
    entry: dict | None = None  # the header/footer record of the line, when it is one
    line: int | None = None  # the line's index, when it stands before the title
    issuer: bool = False  # a department under the title: the writer only when no byline names one

    def resolve_review_date(self, earlier: bool) -> _dt.date | None:
        """A 'Review date' statement: the next review when the page prints an ``earlier``
        date (returned, and the line's record says so), else the last review."""
        value = self.dates.pop("review_date", None)
        if value is None:
            return None
        if not earlier:
            self.dates.setdefault("last_reviewed", value)
            return None
        if self.role == "reviewed" and not (self.dates.keys() & {"last_reviewed"}):
            self.role = "next-review"
            if self.entry is not None:
                self.entry["role"] = "next-review"
        return value

    @property
    def known(self) -> bool:
        return bool(self.authors or self.reviewers or self.editors or self.dates or self.teams)


def clean(text: str, cues=None) -> str:
    """The line without Markdown emphasis marks, list/bold wrappers and a block quote's
    '>'; a run of spaces between two statements ('CED-017  Version 4  Published: ...')
    becomes a ' | ' separator (not one before a credential: 'Dr Jane Roe  MRCGP', nor one
    beside a printed separator: 'A  |  Reviewed by B')."""
    s = re.sub(r"(\*\*|__|(?<!\w)[*_]|[*_](?!\w))", "", text)
    s = re.sub(r"^\s{0,3}>\s?", "", s).strip()

    def gap(m: re.Match) -> str:
        nxt = s[m.end():].split(None, 1)
        return " " if cues is not None and nxt and is_credential(nxt[0].rstrip(",.;"), cues) else " | "

    s = re.sub(r"(?<=[^\s,|·•])[ \t]{2,}(?=[A-Z0-9])", gap, s)
    return " ".join(s.split()).strip()


def pieces(text: str, cues) -> list[str]:
    """Split a byline line at its separators and sentence ends."""
    parts = [text]
    for rx in cues.separator_rxs:
        parts = [p for part in parts for p in rx.split(part)]
    out: list[str] = []
    for part in parts:
        out += _sentences(part, cues.name_abbreviations | cues.title_qualifiers, cues.month_numbers)
    return [p.strip(" .;,") for p in out if p.strip(" .;,")]


def _sentences(text: str, abbreviations: frozenset[str], months=()) -> list[str]:
    out, start = [], 0
    for m in re.finditer(r"\.\s+(?=[A-Z])", text):
        before = text[start:m.start()].split()
        last = before[-1] if before else ""
        if last.rstrip(".") in abbreviations or re.fullmatch(r"[A-Z]", last) or re.fullmatch(r"(?:[A-Z][a-z]?\.)+[A-Z][a-z]?", last):
            continue
        if re.fullmatch(r"[0-3]?\d", last) and (text[m.end():].split() or [""])[0].strip(".,").casefold() in months:
            continue  # '4. März 2026': a day written with its stop, then its month
        out.append(text[start:m.start()])
        start = m.end()
    out.append(text[start:])
    return out


def read_meta_line(line: str, cues, strict: bool = False) -> MetaLine | None:
    """The byline/date content of ``line``, or None when it is not such a line.

    ``strict`` (a line inside the body): the line must open with a byline or date
    cue, not with a bare name or a bare date."""
    text = clean(line, cues)
    if not text or len(text) > 320 or text.endswith("?"):
        return None
    result = MetaLine()
    for n, piece in enumerate(pieces(text, cues)):
        kind = _read_piece(piece, cues, result, allow_bare=not strict or n > 0)
        if n == 0:
            result.first_known = kind is not None
        if kind is None:
            result.unknown.append(piece)
    if not result.known and not strict:
        _channel_presenter(result, cues)
    if not strict and result.dates and not (result.authors or result.reviewers or result.teams):
        _dateline_writer(text, result, cues)
    if not result.known:
        return None
    if strict and not result.first_known:
        return None
    if any(len(p.split()) > (10 if strict else 14) for p in result.unknown):
        return None
    result.role = _role(result)
    return result


def _channel_presenter(result: MetaLine, cues) -> None:
    """'Dr. Kayla Brennan, Sports Medicine · 186K subscribers': a channel line, its audience
    counted beside its name; the person it names, with a title or credentials, is the author
    (the presenter of the video or podcast)."""
    counts = [p for p in result.unknown if cues.channel_rx.fullmatch(p)]
    rest = [p for p in result.unknown if p not in counts]
    if not counts or len(rest) != 1:
        return
    person = person_of(rest[0], cues)
    titled = person is not None and person["name"].split()[0].rstrip(".") in cues.name_abbreviations
    if person is not None and (titled or person["credentials"]):
        result.first_known = result.unknown[0] == rest[0]
        result.authors.append(person)
        result.unknown = counts


def _dateline_writer(text: str, result: MetaLine, cues) -> None:
    """'Inês Carvalho · 9 November 2026 · Lisbon': a newsletter's or a blog's dateline, who
    wrote, when and where, three pieces: the first piece a person's name (two to four
    capitalised words, no organisation or team), the second the date, the third a place
    (one to three capitalised words). The name is the author."""
    parts = pieces(text, cues)
    if len(parts) != 3 or result.unknown != [parts[0], parts[2]] or _date(parts[1], cues) is None:
        return
    name, place = parts[0], parts[2].split()
    person = person_of(name, cues)
    if person is None or person.get("role") or not 2 <= len(name.split()) <= 4 or cues.organisation(name) \
            or cues.team_rx.search(name) or cues.department(name):
        return
    if not 1 <= len(place) <= 3 or not all(w[:1].isupper() for w in place):
        return
    result.authors.append(person)
    result.unknown = [parts[2]]
    result.first_known = True


def labelled_dates(line: str, cues) -> MetaLine | None:
    """The dates a furniture line states under their own labels ('© NurseRx Online. Content
    is for professionals. Last updated: 10/02/2022'): each piece that opens with a date
    label and holds a date is read; the rest of the line (a copyright, a notice) is not."""
    result = MetaLine()
    for piece in pieces(clean(line, cues), cues):
        found = _date(piece, cues)
        if not found:
            continue
        if cues.next_review_rx.match(piece):
            result.dates.setdefault("next_review", found[0])
        elif cues.review_date_label(piece):
            result.dates.setdefault("review_date", found[0])
        elif _date_key(piece, cues) is not None:
            result.dates.setdefault(_date_key(piece, cues), found[0])
    if not result.dates:
        return None
    result.role = _role(result)
    return result


def _role(result: MetaLine) -> str:
    if result.authors or result.reviewers or result.editors or result.teams:
        return "byline"
    for key in result.dates:  # the line's first statement says what it is
        return _ROLE_OF_KEY[key]
    return "other"


def _date(piece: str, cues):
    return cues.find_date(piece, cues.numeric_dates, month_year=True)


def _read_piece(piece: str, cues, result: MetaLine, allow_bare: bool) -> str | None:
    found = _date(piece, cues)
    if cues.next_review_rx.match(piece):
        if found:
            result.dates.setdefault("next_review", found[0])
            return "date"
        return None
    if found and cues.review_date_label(piece):
        result.dates.setdefault("review_date", found[0])
        return "date"
    label = cues.byline_label_rx.match(piece)  # 'Credits: Written by A': the statement after its label
    starts = (0, label.end()) if label else (0,)
    for role, rxs in (("reviewer", cues.reviewer_rxs), ("editor", cues.editor_rxs), ("author", cues.author_rxs)):
        for rx, at in ((rx, at) for at in starts for rx in rxs):
            m = rx.match(piece, at)
            if m and _read_people(piece[_past_translation(piece, m.end(), rxs):], cues, result, role, found):
                key = (_date_key(piece, cues) or "published") if found and role in ("author", "editor") else None
                if key is not None:  # "Posted on March 3, 2025 by A", "Written by A on <date>": when it was written
                    result.dates.setdefault(key, found[0])
                return role
    if found:
        key = _date_key(piece, cues)
        if key is not None:
            result.dates.setdefault(key, found[0])
            return "date"
        rest = (piece[:found[1][0]] + piece[found[1][1]:]).strip(" ,.-:")
        if allow_bare and (len(re.findall(r"[A-Za-z]{3,}", rest)) <= 1 or _dateline(piece, found, rest)):
            result.dates.setdefault("published", found[0])
            return "date"
        return None
    if allow_bare and cues.bare_name_is_author:
        person = person_of(piece, cues, need_credentials=True) or _titled_with_post(piece, cues)
        if person is not None:
            result.authors.append(person)
            return "author"
    return None


def _titled_with_post(piece: str, cues) -> dict | None:
    """'Dr. Noa Ben-David, Specialist in Dermatology', 'Op. Dr. Emre Kaya, Plastic and Aesthetic
    Surgeon': a name with a title before it and a post after it, a clinician's byline printed
    with no 'By'."""
    person = person_of(piece, cues)
    if person is None or not person.get("role"):
        return None
    words = person["name"].split()
    titles = 0
    while titles < len(words) and words[titles].rstrip(".") in cues.name_abbreviations:
        titles += 1
    post = person["role"].split(", ")[-1]
    return person if titles and len(words) - titles >= 2 and (cues.post(post) or _role_end(post, cues)) else None


_TRANSLATED = re.compile(r"/\s*")
_TRANSLATED_LABEL = re.compile(r"/\s*[^\W\d_][^:/|·]{0,30}:\s*")


def _past_translation(piece: str, at: int, rxs) -> int:
    """Where the names begin after a byline opening printed with its translation ('Reviewed
    by / Revisado por: A', 'Written by / Écrit par B'): past the second label, one of the
    same openings or a few words ending in a colon; else ``at``."""
    m = _TRANSLATED.match(piece, at)
    if m is None:
        return at
    for rx in rxs:
        again = rx.match(piece, m.end())
        if again:
            return again.end()
    label = _TRANSLATED_LABEL.match(piece, at)
    return label.end() if label else at


def columnist_of(line: str, cues) -> dict | None:
    """The writer a columnist's byline names ('Our resident GP, Dr Amara Osei, answers your
    health questions', 'GP Dr Tom Reyes writes for Living Well'), else None; a title
    before the name ('Dr') starts it, a role before the title ('GP') is left out."""
    text = clean(line, cues)
    name = cues.columnist(text) if text and not text.endswith(".") else None
    if not name:
        return None
    words = name.split()
    titled = [n for n, w in enumerate(words) if w.rstrip(".") in cues.name_abbreviations]
    if titled and titled[0] > 0:
        name = " ".join(words[titled[0]:])
    person = person_of(name, cues)
    if person is None or not (person["credentials"] or titled or len(person["name"].split()) >= 2):
        return None
    return person


def _dateline(piece: str, found, rest: str) -> bool:
    """'Care Home Training Day, 14 May 2024', 'Leeds, 3 March 2026': where (or at what) the
    text was given and when, the date last after a comma, a few capitalised words before it."""
    words = rest.split()
    return (piece[found[1][1]:].strip(" .") == "" and piece[:found[1][0]].rstrip().endswith(",")
            and 1 <= len(words) <= 6 and rest[:1].isupper() and not re.search(r"[.;:!?()]", rest))


def _date_key(piece: str, cues) -> str | None:
    if cues.reviewed_rx.match(piece):
        return "last_reviewed"
    if cues.published_rx.match(piece):
        return "published"
    if cues.updated_rx.match(piece) or cues.revised_rx.match(piece):
        return "updated"
    return None


_UNNAMED = re.compile(r"(?:an?|one\s+of\s+(?:our|the))\s", re.I)


def _read_people(text: str, cues, result: MetaLine, role: str, found) -> bool:
    """Names after a byline opening; a date in the same piece dates the review."""
    names = re.sub(r"\s+on\s*$", "", _without_date(text, cues)) if found else text
    names = re.split(r"\s+and\s+(?:medically\s+|clinically\s+)?(?:reviewed|checked)\s+by\s+", names, maxsplit=1, flags=re.I)
    if _UNNAMED.match(names[0]):
        return False  # 'reviewed by a medical professional', 'by one of our pharmacists': no one named
    people = [person_of(p, cues) for p in _with_roles(split_names(names[0], cues), cues)]
    people = [p for p in people if p is not None]
    if role == "author":  # "By the Chemist Corner Health Team": the page's writer is a team, no person
        result.writer_teams += [p["name"] for p in people if _is_team_name(p, cues)]
        people = [p for p in people if not _is_team_name(p, cues)]
    if not people:
        team = _team_of(names[0], cues) or _joint_teams(names[0], cues)
        result.teams += team
        if role == "author":
            result.writer_teams += [t for t in team if t not in result.writer_teams]
        if team and found:  # "Reviewed by our pharmacist team on 4 May 2026"
            result.dates.setdefault("last_reviewed" if role == "reviewer" else "published", found[0])
        return bool(team)  # a byline naming a team: a byline line, but no named person
    {"reviewer": result.reviewers, "editor": result.editors}.get(role, result.authors).extend(people)
    if len(names) > 1:
        result.reviewers.extend(p for p in (person_of(x, cues) for x in split_names(names[1], cues)) if p is not None)
    if found and role == "reviewer":
        result.dates.setdefault("last_reviewed", found[0])
    return True


def _is_team_name(person: dict, cues) -> bool:
    """Is the person read from a byline a team's name ("The CareCircle Team", "the County
    Community Health Services Unit": its last word one of ``team_words``), with no credential?"""
    return not person.get("credentials") and bool(cues.team_rx.search(person.get("name") or ""))


def _with_roles(parts: list[str], cues) -> list[str]:
    """'Dr A, MD, Physical Medicine' and 'Rehabilitation': a one-word part after an 'and',
    with no credential, is no one's name but the end of the role before it."""
    out: list[str] = []
    for part in parts:
        word = part.strip().rstrip(".")
        if out and "," in out[-1] and ((len(word.split()) == 1 and not is_credential(word, cues)
                                         and word.rstrip(".") not in cues.name_abbreviations) or _role_end(word, cues)):
            out[-1] = f"{out[-1]} and {part}"
        else:
            out.append(part)
    return out


def _role_end(part: str, cues) -> bool:
    """'Maxillofacial Surgeon' after 'Dr A, DDS, Oral and': a few words ending in a role
    word (`name_roles`), no title, credential or comma in them: the end of a post."""
    words = part.split()
    return 1 < len(words) <= 4 and "," not in part and words[-1].lower() in cues.name_roles \
        and words[0].rstrip(".") not in cues.name_abbreviations and not any(is_credential(w, cues) for w in words)


def _team_of(text: str, cues=None) -> list[str]:
    """'the Maple Grove Pediatrics nursing team', 'pharmacist team': a team or organisation
    named after a byline opening (the line is a byline; the team is not recorded as an
    author or reviewer)."""
    t = text.strip().rstrip(".").strip()
    words = t.split()
    if not words or len(words) > 8 or re.search(r"\d|[:;?!]", t):
        return []
    if not (words[0][0].isupper() or words[0].lower() in ("the", "our")
            or (cues is not None and len(words) <= 4 and cues.team_rx.search(t))):
        return []
    return [t]


def _joint_teams(text: str, cues) -> list[str]:
    """'the Rheumatology Unit in cooperation with the Hospital Pharmacy Department': the teams
    a byline credits together (`credit_joins`), each one a team's name."""
    parts = cues.credit_join_rx.split(text)
    teams = [_team_of(p, cues) for p in parts] if len(parts) > 1 else []
    return [t for found in teams for t in found] if teams and all(teams) else []


def _without_date(text: str, cues) -> str:
    found = _date(text, cues)
    if not found:
        return text
    return (text[:found[1][0]] + text[found[1][1]:]).strip(" ,")


_NAME_JOIN = re.compile(r"\s+(?:and|&)\s+(?=(?:dr\.?\s+|mr\.?\s+|mrs\.?\s+|ms\.?\s+|prof\.?\s+)?[A-Z])|\s*;\s*", re.I)


def split_names(text: str, cues=None) -> list[str]:
    """'A, MD and B, PhD' -> two people; commas and '&' inside parentheses stay, and so
    does the 'and' of a team's name ('our Information and Support Team')."""
    text = text.strip().rstrip(".")
    out, start, depth = [], 0, 0
    for m in _NAME_JOIN.finditer(text):
        depth = text.count("(", 0, m.start()) - text.count(")", 0, m.start())
        if depth > 0 or (cues is not None and _inside_team_name(text[start:m.start()], text[m.end():], cues)):
            continue
        out.append(text[start:m.start()])
        start = m.end()
    out.append(text[start:])
    return [p for p in out if p.strip()]


def _inside_team_name(before: str, after: str, cues) -> bool:
    """'Information' and 'Support Team': one team's name, not two people. The part before
    the 'and' is a few capitalised words with no title or comma, the rest a team's name."""
    words = re.sub(r"^(?:the|our)\s+", "", before.strip(), flags=re.I).split()
    if not 1 <= len(words) <= 3 or "," in before or words[0].rstrip(".") in cues.name_abbreviations:
        return False
    if not all(w[:1].isupper() for w in words) or "," in after or re.match(r"(?:the|our|a)\s", after, re.I):
        return False
    return bool(cues.team_rx.search(after.strip()))


def _unglue(text: str, cues) -> str:
    """'Dana KesslerPharmD' -> 'Dana Kessler, PharmD' when the glued tail is a credential."""
    def fix(m: re.Match) -> str:
        tail = m.group(2)
        if _norm_cred(tail) in cues.credentials:
            return f"{m.group(1)}, {tail}"
        return m.group(0)
    return re.sub(r"\b([A-Z][a-z]{2,})([A-Z][A-Za-z.\-]*[A-Za-z.])(?=[\s,]|$)", fix, text)


def _norm_cred(token: str) -> str:
    return token.replace(".", "").lower()


_COLLEGE = re.compile(r"(?<=[A-Za-z.])\s?\((?:[A-Z][a-z]{0,5}\.?|UK|US|USA|Ire|Eng)\)$")  # 'FRCD(C)', 'FRCS (Ed)', 'MRCP(UK)', 'B.Pharm.(Hons)'


_SCHOOL = re.compile(r"\((?-i:[A-Z])[\w.]{1,12}\)")  # '(Melit.)', '(Lond)', '(Colombo)' after a degree


def is_credential(part: str, cues) -> bool:
    """'MD', 'FRCD(C)', 'FRCS(Ed)': a credential of ``cues``, the college's country after it
    in brackets or not."""
    words = part.split()
    token = words[0] if words else ""
    if len(words) == 2 and _COLLEGE.search(part.strip(" ,")):
        token = part.strip(" ,")
    base = _COLLEGE.sub("", token.strip(",")) if _COLLEGE.search(token.strip(",")) else token
    return _norm_cred(base.strip("(),")) in cues.credentials


def person_of(text: str, cues, need_credentials: bool = False) -> dict | None:
    """A person mapping {name, credentials[, role]} from 'Dr. A Rahman, MBChB, GP', or None."""
    text = _unglue(text.strip().strip("*_ ").rstrip("."), cues)
    parts = [p.strip() for p in re.split(r",\s*(?![^()]{0,80}\))", text) if p.strip()]  # not inside brackets
    if not parts:
        return None
    head, creds, role = _name_brackets(parts[0], cues)
    name_words = head.split()
    if not name_words:
        return None
    # trailing credentials written without commas: "Dr. A Rahman MBChB MRCGP"
    while len(name_words) > 1:
        if is_credential(name_words[-1], cues):
            creds.insert(0, name_words.pop())
        elif len(name_words) > 3 and _SCHOOL.fullmatch(name_words[-1]) and is_credential(name_words[-2], cues):
            school = name_words.pop()  # 'M.Pharm. (Melit.)': the degree and, in brackets, its university
            creds.insert(0, f"{name_words.pop()} {school}")
        else:
            break
    if len(name_words) > 2 and name_words[0].lower() in cues.name_roles:
        role.append(name_words.pop(0))
    if len(parts) > 1 and name_words[-1].lower() in cues.name_roles and not creds and person_of(parts[1], cues) is not None \
            and not cues.organisation(parts[1]):
        # "our Superintendent Pharmacist, Jo Bell (GPhC 2054321)": the role, then the name
        other = person_of(", ".join(parts[1:]), cues)
        other["role"] = ", ".join(filter(None, [re.sub(r"^(?:the|our)\s+", "", " ".join(name_words), flags=re.I), other.get("role")]))
        return None if need_credentials and not other["credentials"] else other
    name = re.sub(r"^(?:the|our)\s+", "", " ".join(name_words), flags=re.I)
    lead = re.match(r"(?:[a-z][\w-]{1,20}\s+){1,3}(?=[A-Z])", name)
    if lead and not _name_like(name) and _name_like(name[lead.end():]) and len(name[lead.end():].split()) >= 2:
        role.append(lead.group(0).strip())  # "group members Kofi Boateng": what they are, then the name
        name = name[lead.end():]
    for p in parts[1:]:
        if is_credential(p, cues):
            creds.append(p)
        elif p.rstrip(".") in cues.name_abbreviations and not creds and not role:
            name = f"{name}, {p}"
        else:
            role.append(p)
    if not _name_like(name, team=bool(cues.team_rx.search(name)), qualifiers=cues.title_qualifiers) \
            or (need_credentials and not creds) or (len(name.split()) == 1 and is_credential(name, cues)):
        return None  # ... and a line of credentials alone ("MBBS, FCPS (Medicine)") names no one
    person = {"name": name, "credentials": creds}
    if role:
        person["role"] = ", ".join(role)
    return person


def _name_brackets(part: str, cues) -> tuple[str, list[str], list[str]]:
    """'Jo Bell (GPhC 2054321)' -> ('Jo Bell', [], ['(GPhC 2054321)']); 'Callum Reid (MCSP,
    HCPC)' -> ('Callum Reid', ['MCSP', 'HCPC'], []): a bracket after a name holds its
    credentials or its registration."""
    m = re.fullmatch(r"(.*?\S)\s*\(([^()]{1,60})\)", part)
    if m is None:
        return part, [], []
    inside = [t for t in re.split(r"[,;]\s*|\s+and\s+", m.group(2)) if t.strip()]
    if inside and all(is_credential(t, cues) and len(t.split()) == 1 for t in inside):
        return m.group(1), [t.strip() for t in inside], []
    return m.group(1), [], [f"({m.group(2)})"]


def _name_like(name: str, team: bool = False, qualifiers: frozenset[str] = frozenset()) -> bool:
    """A person's name, or a team's ('Information and Support Team': ``team``, its
    joining words allowed); a degree written after a title ('Dr. pharm. Lea Brunner',
    ``qualifiers``) is part of the title."""
    words = name.split()
    if not words or len(words) > 7 or re.search(r"\d|:", name):
        return False
    if not words[0][0].isupper():
        return False
    joins = ("and", "&", "of", "for") if team else ()
    lower = [w for w in words if not w[0].isupper() and w.lower() not in ("de", "da", "van", "von", "der", "del", "la", "le", "bin", "al") + joins
             and w.lower().rstrip(".") not in qualifiers]
    return not lower
