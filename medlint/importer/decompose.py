"""Decompose a plain-text or Markdown article into record mappings.

The structure is inferred from what the text is: the title is the page's first
title-like line (or a Markdown ``#``/setext title); byline and date lines, wherever
the page prints them, give the authors, reviewers and dates; the site's chrome
(banners, widgets, share lines, breadcrumbs, link lists) is kept but is never a
heading; headings are short bare lines with content under them (or Markdown
``#``/setext headings), never a byline, date, label line, dose line or table row;
list items follow a lone marker line or start with one; FAQ entries are question
items, "Q:/A:" pairs, ``###`` questions under an FAQ heading or, on an FAQ page,
bare question lines, each with its answer; a section that doses medicines is a
drug section whatever its heading. Every word of the source ends up in exactly
one record field, in order, so ``export`` can give the same word sequence back.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field
from functools import lru_cache

from medlint.importer.cues import ImportCues, KindTable
from medlint.importer.meta import MetaLine, columnist_of, is_credential, labelled_dates, person_of, read_meta_line
from medlint.importer import tables
from medlint.records.model import row_reading

_PREFIX_ITEM = [
    ("dash", re.compile(r"^-\s+(?=\S)")),
    ("bullet", re.compile(r"^•\s*(?=\S)")),
    ("star", re.compile(r"^\*\s+(?=\S)")),
    ("plus", re.compile(r"^\+\s+(?=\S)")),
    ("numbered", re.compile(r"^\d{1,3}\.\s+(?=\S)")),
    ("numbered-paren", re.compile(r"^\d{1,3}\)\s+(?=\S)")),
]
_LONE_MARKERS = {"-": "dash-line", "•": "bullet-line", "*": "star-line", "–": "en-dash-line"}
_GLUED_MARKER = re.compile(r"\s+[-•]$")
_NAME_SPLIT = re.compile(r"\s+[–—]\s+|\s+-\s+")
_MD_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_SETEXT = re.compile(r"^(=+|-+)\s*$")
DOSING_KINDS = ("drug-therapy", "supplements", "investigational")


_TRAILING_MARKS = re.compile(r"(?:[\u00b9\u00b2\u00b3\u2070-\u2079]+|\[\d+(?:[,\u2013-]\s*\d+)*\])$")
# emoji after a sentence's end, as social posts write them ("... by week 16! \U0001F4AA")
_TRAILING_EMOJI = re.compile("[\\s\u2600-\u27bf\U0001f000-\U0001faff\ufe0f\u200d]+$")


def heading_like(line: str, max_words: int = 12, max_len: int = 90) -> bool:
    """A short, unpunctuated, capitalised line reads as a heading (a trailing
    superscript or [n] reference mark does not hide its final full stop)."""
    s = _TRAILING_MARKS.sub("", line.strip()).rstrip()
    bare = _TRAILING_EMOJI.sub("", s)
    if bare[-1:] in (".", ",", ";", "!"):
        return False  # a sentence, its emoji after it
    if not s or len(s) > max_len:
        return False
    if s[-1] == ":" and s[0].isupper() and (len(s.split()) <= 2 or (s.isupper() and len(s.split()) <= max_words)):
        return True  # "Key takeaways:", a discharge sheet's "CALL YOUR DOCTOR IF:"
    if s[-1] in ".,;:!" or s[0] in "(-•*[|>" or s[0].islower():
        return False
    return len(s.split()) <= max_words


def title_case(line: str) -> bool:
    """Every word of four letters or more is capitalised, and there is one."""
    long_words = [w for w in re.findall(r"[A-Za-z][A-Za-z'’-]*", line) if len(w) >= 4]
    return bool(long_words) and all(w[0].isupper() for w in long_words)


def label_line(line: str) -> bool:
    """'Tablets: 250 mg, 500 mg', 'Adults 19 to 50: 1,000 mg a day': a label and its values."""
    m = re.search(r"[:?]\s+(.+)$", line)
    return bool(m and re.search(r"\d", m.group(1)))


@dataclass
class _Builder:
    cues: ImportCues
    kinds: KindTable
    markdown: bool
    sections: list[dict] = field(default_factory=list)
    current: dict | None = None
    parent_kind: str | None = None
    open_block: dict | None = None
    last: str = ""  # what the previous source line became: heading, paragraph, item, chrome
    answer_open: dict | None = None  # Markdown: the FAQ entry whose answer is being read
    faq_page: bool = False  # the title says FAQ: bare question lines with answers are entries

    # sections -------------------------------------------------------------
    def run_in_section(self, label: str, separator: str, text: str) -> None:
        """'USES: Cyclobenzaprine is used ...': a heading printed at the start of its first
        paragraph; ``separator`` (': ') is what stands between them on the line."""
        self.start_section(label, md_depth=2)
        self.current["run_in"] = separator
        self.paragraph(text)

    def start_section(self, heading: str | None, md_depth: int | None = None, kind: str | None = None) -> None:
        rule = self.kinds.rule_of(heading) if heading and not kind else None
        own = heading is None or kind is not None or rule is not None
        matched = kind or (rule.kind if rule else None)
        if heading is None:
            level, kind = 1, matched or "overview"
            self.parent_kind = None
        elif md_depth is not None:
            level = 1 if md_depth <= 2 else 2
            if level == 2 and matched is None:
                kind = self.parent_kind or "other"
            else:
                kind = matched or "other"
            if level == 1:
                self.parent_kind = kind
        elif matched is None or (matched == self.parent_kind and self.current is not None and self.current.get("heading")) \
                or (matched in DOSING_KINDS and self.parent_kind == "treatment"):
            # unmatched, of its main section's kind, or medicines under a treatment heading: a subsection
            level, kind = 2, matched or self.parent_kind or "other"
        else:
            level, kind = 1, matched
            self.parent_kind = kind
        self.current = {"heading": heading, "level": level, "kind": kind, "blocks": [],
                        "_rule": rule, "_own": own}
        self.sections.append(self.current)
        self.open_block = None
        self.last = "heading"

    def _ensure_section(self) -> dict:
        if self.current is None:
            self.start_section(None)
        return self.current

    # blocks ---------------------------------------------------------------
    def chrome(self, text: str, role: str = "chrome") -> None:
        """A line of site chrome or a byline/date line inside the body, kept verbatim."""
        section = self._ensure_section()
        block = {"chrome": text}
        if role != "chrome":
            block["role"] = role
        section["blocks"].append(block)
        self.open_block = None
        self.last = "chrome"

    def paragraph(self, text: str) -> None:
        self._paragraph(text)
        self.last = "paragraph"

    def _paragraph(self, text: str) -> None:
        section = self._ensure_section()
        if self.cues.closing_disclaimer(text):
            if section["blocks"] or section["heading"] is not None:
                self.start_section(None, kind="disclaimer")
            else:
                section["kind"] = "disclaimer"
            self.current["blocks"].append({"disclaimer": text})
            self.open_block = None
            return
        key = "disclaimer" if self.cues.section_disclaimer(text) else "paragraph"
        section["blocks"].append({key: text})
        self.open_block = None

    def append_to_paragraph(self, text: str) -> None:
        block = self.current["blocks"][-1]
        key = "disclaimer" if "disclaimer" in block else "paragraph"
        block[key] = f"{block[key]} {text}"

    def _open(self, key: str, style: str, number: int | None) -> dict:
        """The open list or FAQ block (``key``) an entry of ``style`` numbered ``number`` joins,
        or a new one: a numbered entry that does not follow the block's last number starts a
        block of its own, which keeps its first number (``start``) for the way back."""
        section = self._ensure_section()
        block = self.open_block
        restart = number is not None and block is not None and number != block.get("_next")
        if block is None or key not in block or block.get("style") != style or restart:
            block = {"style": style}
            if number is not None and number != 1:
                block["start"] = number
            block[key] = []
            section["blocks"].append(block)
            self.open_block = block
        if number is not None:
            block["_next"] = number + 1
        return block

    def item(self, text: str, style: str, parse_doses, number: int | None = None) -> None:
        self.last = "item"
        block = self._open("list", style, number)
        record = {"text": text}
        m = _NAME_SPLIT.search(text)
        if m and 0 < m.start() <= 120:
            record["name"] = text[: m.start()]
        if parse_doses is not None:
            doses = parse_doses(text)
            if doses:
                record["doses"] = doses
        block["list"].append(record)

    def faq(self, question: str, answer: str, style: str, note: str | None = None,
            number: int | None = None) -> dict:
        self.last = "item"
        block = self._open("faq", style, number)
        entry = {"question": question, "answer": answer}
        if note:
            entry["note"] = note
        block["faq"].append(entry)
        return entry

    def table(self, block: dict, parse_doses) -> None:
        """A table block; each data row's doses are parsed from the row as the checks read it."""
        section = self._ensure_section()
        for row in block["table"]:
            doses = parse_doses(_reading(block, row)) if parse_doses is not None and "role" not in row else None
            if doses:
                row["doses"] = doses
        section["blocks"].append(block)
        self.open_block = None
        self.last = "table"

    def close_list(self) -> None:
        self.open_block = None


def _item_prefix(line: str) -> tuple[str, str] | None:
    for style, rx in _PREFIX_ITEM:
        m = rx.match(line)
        if m:
            return style, line[m.end():]
    return None


def _number(line: str) -> int | None:
    m = re.match(r"^(\d{1,3})[.)]\s", line)
    return int(m.group(1)) if m else None


def _strip_emphasis(line: str) -> str:
    s = line.strip()
    for mark in ("**", "__", "*", "_"):
        if len(s) > 2 * len(mark) and s.startswith(mark) and s.endswith(mark):
            return s[len(mark):-len(mark)].strip()
    return s


@dataclass
class _Page:
    """The source lines and what the importer has read of them."""

    lines: list[str]
    cues: ImportCues
    kinds: KindTable
    markdown: bool
    parse_doses: object = None
    columns: tables.ColumnCues | None = None
    dose_memo: dict = field(default_factory=dict)
    setext: dict[int, int] = field(default_factory=dict)  # heading line -> depth (Markdown)
    metas: list[MetaLine] = field(default_factory=list)
    run_ins: int | None = None  # how many lines of the page open with a capitals label
    subject_line: int | None = None  # the mail's 'Subject:' (a letter's 'Re:') line that gives the title
    accordion_count: int | None = None  # accordion headings on the page ('+ Folic acid')
    contents_lines: set[int] = field(default_factory=set)  # unmarked lines of a contents list
    running: set[int] = field(default_factory=set)  # a printed document's running header and footer lines
    slides: bool = False  # the page opens with a slide's marker: each marker opens a slide
    last_letter: str | None = None  # the letter of the last lettered sub-heading read ('b) Physiotherapy')
    wrap: int = 0  # the width a hard-wrapped page (PDF text, a plain-text mail) breaks its lines at, or 0

    def text(self, i: int) -> str:
        return self.lines[i].strip()

    def next_nonblank(self, i: int, end: int | None = None) -> int | None:
        end = len(self.lines) if end is None else end
        while i < end:
            if self.lines[i].strip() and i not in self.underlines:
                return i
            i += 1
        return None

    @property
    def underlines(self) -> set[int]:
        return {i + 1 for i in self.setext}

    def meta(self, line: str, strict: bool = False) -> MetaLine | None:
        found = read_meta_line(line, self.cues, strict=strict)
        if found is not None:
            self.metas.append(found)
        return found

    def accordions(self, body: list[str], end: int) -> int:
        """How many accordion headings the page prints (counted once)."""
        if self.accordion_count is None:
            self.accordion_count = sum(1 for k in range(end) if self.cues.accordion(body[k]) is not None
                                       and _accordion_shaped(self, body, k, end))
        return self.accordion_count

    def marker(self, s: str) -> bool:
        """A slide's or printed page's marker line ('--- Slide 3 ---', 'Page 2 of 4')."""
        return not self.markdown and self.cues.page_marker(s)

    def is_item_start(self, s: str) -> bool:
        return s in _LONE_MARKERS or _item_prefix(s) is not None

    def holds_doses(self, text: str) -> bool:
        """Whether ``text`` outside parentheses states a dose (asks the dose parser)."""
        if self.parse_doses is None:
            return False
        bare = re.sub(r"\([^)]*\)", " ", text)
        return any(not _product_name(d) for d in self.doses(bare))

    def column_row(self, text: str) -> bool:
        """Whether ``text`` is a row of aligned columns ending in an amount ("Vitamin C    70 mg",
        "Face and neck ...... 2.5 FTU"): a row of a list, never a heading (asks the dose reader,
        which reads no dose in such a row on its own)."""
        if self.parse_doses is None:
            return False
        from medlint.doses import column_row  # the reader's, imported with the parser

        return column_row(text)

    def caption(self, text: str, nxt: str) -> bool:
        """'Paracetamol oral suspension 120 mg/5 mL' over a table: a product and its strength
        with no regimen, the caption of the table under it (a heading), not a dose line."""
        if self.parse_doses is None or not (tables.tab_row(nxt) or tables.pipe_row(nxt.strip())):
            return False
        bare = re.sub(r"\([^)]*\)", " ", text).strip()
        return self.cues.product_line(bare) and not any(_regimen(d) or d.get("as_needed") for d in self.doses(bare))

    def doses(self, text: str) -> list[dict]:
        """The dose parser's reading of ``text``, parsed once per page (the structure is
        asked of the same text several times). Read-only: a record gets a copy. With no
        dose reader (``decompose`` called without one) the text doses nothing."""
        if self.parse_doses is None:
            return []
        found = self.dose_memo.get(text)
        if found is None:
            found = self.dose_memo[text] = self.parse_doses(text)
        return found

    def record_doses(self, text: str) -> list[dict]:
        """The doses to store on a record: a copy of the page's reading, so no two
        records share a mapping (the YAML writer would print an alias)."""
        return copy.deepcopy(self.doses(text))


def _clean_lines(text: str) -> list[str]:
    lines = [ln.rstrip() for ln in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    while lines and not lines[-1].strip():
        lines.pop()
    start = 0
    while start < len(lines) and not lines[start].strip():
        start += 1
    return lines[start:]


def _setext_headings(lines: list[str]) -> dict[int, int]:
    """Markdown setext headings: a one-line paragraph underlined with === (1) or --- (2)."""
    found: dict[int, int] = {}
    for i in range(1, len(lines)):
        m = _SETEXT.match(lines[i].strip()) if lines[i].strip() else None
        prev = lines[i - 1].strip()
        if not m or not prev or (i >= 2 and lines[i - 2].strip()) or _MD_HEADING.match(prev) \
                or _item_prefix(prev) is not None or prev.startswith(("|", ">")) or _SETEXT.match(prev):
            continue
        found[i - 1] = 1 if m.group(1).startswith("=") else 2
    return found


_PAGE_NUMBER = re.compile(r"\bpage\s{0,3}\d{1,4}(?:\s{0,3}(?:of|/)\s{0,3}\d{1,4})?\b", re.I)
_RUNNING_MIN = 3  # fewest printed pages a line repeats on to be a running header or footer


def _running_lines(page: _Page) -> set[int]:
    """A printed document's running header and footer: a line printed the same on three
    pages or more (its page number aside: 'Page 2 of 4'), set out as furniture (two parts
    apart, a separator, a page number) or in a block with another such line ('SeizureCare
    UK      Factsheet F07' over the title). A heading a page prints under each of its
    medicines stands alone and stays a heading."""
    if page.markdown:
        return set()
    seen: dict[str, list[int]] = {}
    for n, line in enumerate(page.lines):
        s = line.strip()
        if 3 <= len(s) <= 160 and not s.startswith("|") and s not in _LONE_MARKERS and _item_prefix(s) is None:
            seen.setdefault(_PAGE_NUMBER.sub("page #", s), []).append(n)
    repeated = {n for where in seen.values() if len(where) >= _RUNNING_MIN for n in where}
    out = set()
    for n in repeated:
        s = page.lines[n].strip()
        apart = re.search(r"\S\s{3,}\S|\s[|·•]\s", s) or _PAGE_NUMBER.search(s)
        if (apart or n - 1 in repeated or n + 1 in repeated) and not _amount_line(page, s):
            out.add(n)
    return out


def _amount_line(page: _Page, s: str) -> bool:
    """A line holding an amount (a chart's 'Metformin      500 mg' under each time of day):
    the page's content, however often it is printed."""
    return page.parse_doses is not None and (any(d.get("amount") for d in page.doses(s)) or page.column_row(s))


_TABLE_ROW = re.compile(r"\s{2,}\S.*\S\s{3,}\S")  # an indented row of columns ('  Week 1    1 drop    ...')


def _wrap_width(page: _Page) -> int:
    """The width a hard-wrapped page breaks its text at (PDF text, a plain-text mail wrapped
    at 72): most of its longer lines end within a few characters of one width, of 100 or
    less; 0 for a page whose paragraphs are one line each. The running header and footer
    and a table's indented rows are laid out, not wrapped, and do not count."""
    if page.markdown:
        return 0
    lengths = sorted(len(line.rstrip()) for n, line in enumerate(page.lines) if len(line.strip()) >= 20
                     and n not in page.running and not _TABLE_ROW.match(line))
    if len(lengths) < 6:
        return 0
    width = lengths[int(0.9 * (len(lengths) - 1))]
    near = sum(1 for n in lengths if width - 15 <= n <= width + 2)
    return width if width <= 100 and near >= max(5, 0.4 * len(lengths)) else 0


def _wrapped_on(page: _Page, b: "_Builder", body: list[str], j: int, s: str) -> bool:
    """On a hard-wrapped page, a line that carries on the sentence of the line above (which
    runs to the wrap width with no closing punctuation; this one opens in lower case, with a
    number or with a bracket: '(NICE, 2022).'): joined to that paragraph or list item, so a
    dose broken over two lines ('raised to 500 mg' / 'twice a day') is read whole. Returns
    whether it was joined."""
    if not page.wrap or j < 2 or (j - 2) in page.running or b.current is None or not b.current["blocks"]:
        return False
    prev = body[j - 2].rstrip()
    if len(prev) < page.wrap - 15 or prev[-1:] in ".!?:;" or not (s[:1].islower() or s[:1].isdigit() or s[:1] == "(") \
            or _item_prefix(s) is not None:
        return False
    block = b.current["blocks"][-1]
    if b.last == "paragraph" and ("paragraph" in block or "disclaimer" in block):
        b.append_to_paragraph(s)
        return True
    if b.last == "item" and "list" in block:
        return _continue_item(page, b, s, prev.strip())
    return False


def _title_like(s: str) -> bool:
    return heading_like(s, max_words=18, max_len=160) or (s.endswith("?") and len(s) <= 160 and s[0].isupper()) \
        or bool(_LOWER_TITLE.fullmatch(s))


# A drug reference's title in lower case, the medicine's name with its status ('ketorolac
# (Rx)', 'amoxicillin and clavulanate'): a few words, no colon, no closing punctuation.
_LOWER_TITLE = re.compile(r"[a-z][\w'’-]{2,30}(?:[ /-]{1,3}[\w'’()/-]{1,30}){0,4}(?<![.,;:!])")


def _site_name(page: _Page, i: int) -> bool:
    """The site's name over its breadcrumb ('Northfield Clinic' then 'Home > Patients > ...'), its
    controls or its section menu."""
    k = page.next_nonblank(i + 1)
    if page.markdown or k is None or not heading_like(page.text(i), max_words=6):
        return False
    nxt = page.text(k)
    return _trail(page, nxt) or ((_nav_bar(page, nxt) or _control_row(page, nxt)) and not page.cues.chrome(nxt)) \
        or bool(_menu_under(page, k))  # ... or over its controls or its section menu


def _nav_bar(page: _Page, s: str) -> bool:
    """A site's navigation bar, not a byline that looks like one ('Written by A · Reviewed by B · ...')."""
    return page.cues.nav_bar(s) and read_meta_line(s, page.cues, strict=True) is None


_FRONT_KEY = re.compile(r"([A-Za-z][\w -]{0,40}?)\s*:\s*(.*)")


def _front_matter_end(page: _Page) -> int:
    """The index after a Markdown page's YAML front matter ('---', 'key: value' lines,
    '---'), or 0 when it has none."""
    if not page.markdown or not page.lines or page.lines[0].strip() != "---":
        return 0
    for k in range(1, min(len(page.lines), 80)):
        t = page.lines[k].strip()
        if t in ("---", "..."):
            return k + 1 if k > 1 else 0
        if t and not (_FRONT_KEY.fullmatch(t) or t.startswith("- ") or page.lines[k][:1].isspace()):
            return 0
    return 0


def _read_front_matter(page: _Page, end: int) -> str | None:
    """Read the front matter's byline and date keys as statements (checks/import.yaml,
    `front_matter`); returns the title it names, if any."""
    title, key = None, None
    for k in range(1, end - 1):
        raw = page.lines[k]
        t = raw.strip()
        m = _FRONT_KEY.fullmatch(t) if not raw[:1].isspace() else None
        if m:
            key, value = m.group(1), m.group(2)
        elif key and t.startswith("- "):
            value = t[2:]
        else:
            continue
        value = value.strip().strip("'\"")
        if not value:
            continue
        if page.cues.front_title(key):
            title = title or value
            continue
        statement = page.cues.front_statement(key, value)
        found = read_meta_line(statement, page.cues) if statement else None
        if found is not None:
            found.entry, found.line = {"role": found.role, "text": page.lines[k]}, k
            page.metas.append(found)
    return title


def _find_title(page: _Page, start: int = 0) -> tuple[int | None, list[int]]:
    """(index of the title line or None, indexes of the chrome lines printed before it).

    The line the site's furniture leaves is the title unless the page shows it is not:
    a sub-page menu under it prints its current item again (that item is the title), or
    it is a masthead the text shares no words with, over more furniture and the line
    the text is about."""
    i, pre = _title_by_furniture(page, start)
    if i is None or page.markdown or i == page.subject_line:
        return i, pre
    k = _menu_echo(page, i)
    if k is None:
        k = _past_masthead(page, i)
    if k is None:
        k = _past_opening_block(page, i, start)
    if k is None:
        return i, pre
    return k, pre + [n for n in range(i, k) if page.lines[n].strip()]


def _past_opening_block(page: _Page, i: int, start: int) -> int | None:
    """The site's opening block read as the title: the page opens with a block of lines
    set solid (its name, its menu, then an address, opening hours, an on-call number, a
    delivery promise or a leaflet's office line), the line taken for the title closes that
    block, and the text shares next to none of its words; the next block opens with a
    title-like line whose words the text repeats. That line is the title, and the whole
    opening block the site's furniture. A closing line that is a banner row offering the
    site's services (a phone line, opening hours, delivery) needs no such share."""
    evidence = page.cues.title_evidence
    first = page.next_nonblank(start)
    if evidence is None or first is None or i == first or i + 1 >= len(page.lines) or page.lines[i + 1].strip() \
            or any(not page.lines[n].strip() for n in range(first, i)):
        return None
    k = page.next_nonblank(i + 1)
    if k is None or _sentence(page.text(k)) or not _title_at(page, k) \
            or (page.kinds.kind_of(page.text(k)) is not None and len(page.text(k).split()) <= 3):
        return None  # ... not a section's heading ('Dosage', 'Side effects')
    if page.cues.service_row(page.text(i)) and read_meta_line(page.text(i), page.cues) is None:
        return k  # ... a banner row offering the site's services: furniture
    counts = _stems_below(page, k)
    top, shared = evidence.share(page.text(i), counts), evidence.share(page.text(k), counts)
    if top is None or shared is None or top > evidence.masthead_share:
        return None
    return k if shared >= evidence.title_share and shared > top else None


_MENU_ITEMS = 3  # fewest links of a sub-page menu under the title


def _menu_echo(page: _Page, i: int) -> int | None:
    """'Naproxen' over its sub-pages ('About naproxen', 'How and when to take naproxen',
    ...) and one of them printed again under the menu: the page is that sub-page, and the
    repeated item is its title. A contents list whose first item follows it (the first
    section's heading) is no menu of sub-pages: the title stands."""
    items: list[str] = []
    k = page.next_nonblank(i + 1)
    while k is not None and len(items) <= 12:
        s = page.text(k)
        folded = [x.casefold() for x in items]
        if s.casefold() in folded:
            at = folded.index(s.casefold())
            return k if at > 0 and len(items) >= _MENU_ITEMS and _title_like(s) else None
        if page.cues.contents_heading(s):
            return None  # 'In this article' over the page's own headings: a contents list
        if not heading_like(s, max_words=10) or s.endswith(":") or page.is_item_start(s) \
                or read_meta_line(s, page.cues) is not None or _amount_line(page, s):
            return None  # ... or a chart's rows ('Metformin   500 mg' under each time of day)
        items.append(s)
        k = page.next_nonblank(k + 1)
    return None


_MASTHEAD_LINES = 6  # the lines under a masthead where the site's furniture and the title stand


def _past_masthead(page: _Page, i: int) -> int | None:
    """A masthead read as the title ('The Western Herald', 'Trusted health advice, 24/7 |
    Symptom checker', a formulary's or drug guide's name): it shares next to none of its
    words with the text (or is a row of links), and under it, past the site's furniture (a
    row of links, a search box, a trail, a section's name), the first other line is
    title-like and its words the text repeats. A byline or a sentence straight under the
    line says it was the title after all."""
    evidence = page.cues.title_evidence
    k = page.next_nonblank(i + 1)
    if evidence is None or k is None:
        return None
    above = [i]
    while k is not None and len(above) <= _MASTHEAD_LINES:
        s = page.text(k)
        if not (_head_furniture(page, s, above) or _tagline(page, k, above)):
            break
        above.append(k)
        k = page.next_nonblank(k + 1)
    if k is None or len(above) == 1 or len(above) > _MASTHEAD_LINES or not _title_at(page, k):
        return None
    counts = _stems_below(page, k)
    top, shared = evidence.share(page.text(i), counts), evidence.share(page.text(k), counts)
    if top is None or (top > evidence.masthead_share and not _row_of_items(page, page.text(i))):
        return None
    return k if shared is not None and shared >= evidence.title_share and shared > top else None


def _stems_below(page: _Page, k: int) -> dict[str, int]:
    """How often each word stem (`title_evidence`) stands in the text under line ``k``."""
    counts: dict[str, int] = {}
    for line in page.lines[k + 1:]:
        for w in page.cues.title_evidence.stems(line):
            counts[w] = counts.get(w, 0) + 1
    return counts


def _tagline(page: _Page, k: int, above: list[int]) -> bool:
    """'Independent medicines information since 1998' under the site's name and over its
    furniture: a short line sharing next to none of its words with the text, with a line of
    furniture straight under it (a masthead's second line, not the title)."""
    s, nxt = page.text(k), page.next_nonblank(k + 1)
    if nxt is None or not heading_like(s, max_words=10) or not _head_furniture(page, page.text(nxt), above + [k]):
        return False
    shared = page.cues.title_evidence.share(s, _stems_below(page, k))
    return shared is not None and shared <= page.cues.title_evidence.masthead_share


def _head_furniture(page: _Page, s: str, above: list[int]) -> bool:
    """A line of the site's furniture between a masthead and the title: chrome (a search
    box), a trail, a row of links or controls, or a section named in the row over it."""
    return page.cues.chrome(s) or _trail(page, s) or _nav_bar(page, s) or _control_row(page, s) \
        or _row_of_items(page, s) or _names_an_item_over(page, above, s)


def _row_of_items(page: _Page, s: str) -> bool:
    """'Trusted health advice, 24/7 | Symptom checker | Service finder': three items or more
    between printed separators (or four set apart by spaces), the shape of a site's links,
    never of a title."""
    nav = page.cues.nav
    if nav is None:
        return False
    if nav.marked_rx.search(s):
        return len(nav.items(s)) >= nav.marked_min_items
    spaced = [p for p in re.split(r"\s{2,}", s) if p]  # 'News  Sport  Opinion  Health  Farming'
    return len(spaced) >= nav.min_items and all(nav.menu_item(p) for p in spaced)


def _band_under_running_head(page: _Page, i: int, pre: list[int]) -> bool:
    """'Ophthalmology Outpatients' printed straight under a PDF's running head ('Southern
    Coast Health      Patient Information', repeated on each page), over a title set apart
    below it: a short line of the head's band that shares next to none of its words with the
    text, while the line under it names what the text is about. The band says who publishes;
    the title what the page is about."""
    evidence = page.cues.title_evidence
    if evidence is None or not pre or pre[-1] not in page.running or i != pre[-1] + 1 \
            or not heading_like(page.text(i), max_words=6):
        return False
    k = page.next_nonblank(i + 1)
    if k is None or k == i + 1 or not _title_at(page, k):
        return False
    counts = _stems_below(page, k)
    top, shared = evidence.share(page.text(i), counts), evidence.share(page.text(k), counts)
    return top is not None and shared is not None and top <= evidence.masthead_share and shared >= evidence.title_share


def _names_an_item_over(page: _Page, above: list[int], s: str) -> bool:
    """'Health & Wellbeing' under 'News  Sport  Health & Wellbeing  Farming': the section's
    name, an item of a row printed over it, not the title."""
    low = s.casefold()
    return any(low in page.text(k).casefold() and len(page.text(k)) > len(s) for k in above)


def _title_by_furniture(page: _Page, start: int = 0) -> tuple[int | None, list[int]]:
    """(index of the title line or None, indexes of the chrome lines printed before it).

    The site's furniture before the title is skipped: chrome, a kicker, the site's
    name over its breadcrumb, an organisation's name, a department line. When the
    line after such furniture is no title, the last furniture line is tried as one."""
    pre: list[int] = [k for k in range(start) if page.lines[k].strip()]  # a Markdown page's front matter
    furniture: set[int] = set()
    echoed = _echoed_title(page, start) or _title_under_trail(page, start)
    if echoed is not None:
        return echoed[0], pre + echoed[1]
    i = page.next_nonblank(start)
    while i is not None and len(pre) < 20:
        s = _link_text(page.text(i)) if page.markdown else page.text(i)
        if page.cues.chrome(s) or _nav_bar(page, s) or page.cues.kicker(s) or page.cues.notice_kind(s) or _site_name(page, i) \
                or (not page.markdown and (_control_row(page, s) or page.marker(s) or _running_head(page, i)
                                           or _menu_under(page, i) or _slash_trail(page, i))):
            pre.append(i)
            pre += _menu_under(page, i)
            i = pre[-1]
        elif not page.markdown and _byline_before_title(page, i, bool(furniture)):
            pre.append(i)
        elif page.cues.preamble_furniture(s) or _band_under_running_head(page, i, pre):
            pre.append(i)
            furniture.add(i)
        elif not page.markdown and (_letter_furniture(page, i) or _letterhead_line(page, i, pre, furniture)
                                    or _section_label(page, i, pre)):
            pre.append(i)
        elif not page.markdown and _menu_run(page, i) >= _MENU_RUN:
            pre += list(range(i, i + _menu_run(page, i)))  # a menu printed one link a line
            i = pre[-1]
        elif not page.markdown and page.cues.subject(s) and _subject_title(page, i):
            page.subject_line = i
            return i, pre  # a mail's 'Subject: ...' or a letter's 'Re: ...': its text is the title
        else:
            break
        i = page.next_nonblank(i + 1)
    if i is not None and _title_at(page, i):
        k = page.next_nonblank(i + 1)
        if k is not None and _category_over_title(page, i, k):
            return k, pre + [i]  # a blog's category label ("Men's health") over the title
        return i, pre
    while len(pre) > 1 and pre[-2] in furniture \
            and (page.cues.contact_line(page.text(pre[-1])) or page.cues.staff_line(page.text(pre[-1]))):
        pre.pop()  # an address, phone or staff line under the organisation's name is never the title ...
    if pre and (pre[-1] in furniture or page.cues.label(page.text(pre[-1]))) and _title_at(page, pre[-1]):
        return pre[-1], pre[:-1]  # an organisation's name (a leaflet's label) over its text is the title after all
    return None, []


_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)\s]*(?:\s+\"[^\"]*\")?\)")


def _link_text(s: str) -> str:
    """A Markdown line as the reader sees it: each link its words ('[Rheumatology](index.md)
    > Methotrexate' -> 'Rheumatology > Methotrexate'), so a site's trail of links over the
    title reads as the trail it is."""
    return _MD_LINK.sub(lambda m: m.group(1), s)


_MENU_RUN = 4  # fewest short lines printed straight under each other that make a menu before the title
_HEAD_LINES = 8  # the page's first lines where a site prints its name, its section and the title


def _head_lines(page: _Page, start: int) -> list[int]:
    """The first short lines of a plain-text page, up to its first sentence."""
    head: list[int] = []
    k = page.next_nonblank(start)
    while k is not None and len(head) < _HEAD_LINES:
        s = page.text(k)
        if not (heading_like(s, max_words=12) or page.cues.chrome(s) or _trail(page, s)) or s.endswith((".", ":")):
            break
        head.append(k)
        k = page.next_nonblank(k + 1)
    return head


def _crumb_end(page: _Page, s: str) -> str | None:
    """The last part of a breadcrumb line ('Home > Conditions > Gout' -> 'Gout')."""
    for sep in page.cues.breadcrumb_separators:
        parts = s.split(f" {sep} ")
        if len(parts) >= 2 and all(0 < len(p.split()) <= 6 for p in parts):
            return parts[-1].strip()
    return None


def _echoed_title(page: _Page, start: int) -> tuple[int, list[int]] | None:
    """(title, the furniture before it) where the site names the title twice or names its
    library over it: the title printed again under itself, the last part of the breadcrumb
    printed as the next line, or the line under the site's library section ('Health
    library', 'Medicines A-Z'). The site's name and menus before it are furniture."""
    if page.markdown:
        return None
    head = _head_lines(page, start)
    for n, j in enumerate(head[:-1]):
        s, k = page.text(j), head[n + 1]
        nxt = page.text(k)
        if s.casefold() == nxt.casefold() and _title_like(s) and not page.cues.chrome(s):
            return j, head[:n]  # the title printed twice; the second is read as the header's chrome
        crumbed = (_crumb_end(page, s) or "").casefold() == nxt.casefold()
        if (crumbed or (page.cues.site_section_rx.fullmatch(s) and page.kinds.kind_of(nxt) is None)) \
                and _title_like(nxt) and not page.cues.chrome(nxt):
            return k, head[:n + 1]  # ... the breadcrumb's last part, or the line under the site's library
    return None


_TRAIL_LINES = 8  # the page's first lines where a site's breadcrumb stands over the title


def _title_under_trail(page: _Page, start: int) -> tuple[int, list[int]] | None:
    """(title, the furniture before it) where a plain-text page prints a breadcrumb trail
    among its first short lines ('Live Well > Body > Pain', 'Blog > Medicine safety') and
    a title-like line under it, past any chrome ('Print this file'): the trail says where
    the page sits, so every line over it (the site's name, menus, banners, a language
    switch, opening hours) is the site's furniture and the first title-like line under it
    is the title. A sentence before the trail says the page has begun: no title here."""
    if page.markdown:
        return None
    k, seen = page.next_nonblank(start), []
    while k is not None and len(seen) < _TRAIL_LINES:
        s = page.text(k)
        if _sentence(s) or (len(s.split()) > 20 and not _row_of_items(page, s)):
            return None  # ... a long menu row ('Home | Prices | ... | EN | DE | TR') is no text
        seen.append(k)
        if _trail(page, s) and not _stops_like_text(s):
            return _title_past_chrome(page, k, seen)
        k = page.next_nonblank(k + 1)
    return None


def _stops_like_text(s: str) -> bool:
    """A trail is a line of links: one ending in a colon or with a sentence's stop is not."""
    return s.endswith((":", ".", "?", "!"))


def _title_past_chrome(page: _Page, k: int, seen: list[int]) -> tuple[int, list[int]] | None:
    """The first line under the trail at ``k`` past the site's rows (chrome, a menu, a row
    of links or controls), when it is title-like. A related-links heading there ('In this
    section') or a label straight over a longer line ('Guidance') leaves the choice to the
    other readings of the page's furniture."""
    j = page.next_nonblank(k + 1)
    while j is not None and _row_under_trail(page, page.text(j)):
        seen.append(j)
        j = page.next_nonblank(j + 1)
    if j is None or not _title_like(page.text(j)) or _sentence(page.text(j)) or not _title_at(page, j) \
            or page.cues.link_list_heading(page.text(j)) or _label_over_line(page, k, j):
        return None
    return j, seen


def _row_under_trail(page: _Page, s: str) -> bool:
    """Furniture between a trail and the title: chrome, a kicker, a menu, a row of links."""
    return page.cues.chrome(s) or page.cues.kicker(s) or page.cues.notice_kind(s) or _nav_bar(page, s) or _control_row(page, s) \
        or _row_of_items(page, s)


def _label_over_line(page: _Page, k: int, j: int) -> bool:
    """'Guidance' straight over a longer title-like line: a short label (no echo of the
    trail's last part) that may be the page's type, not its title."""
    s, nxt = page.text(j), page.next_nonblank(j + 1)
    if len(s.split()) > 2 or nxt != j + 1 or (_crumb_end(page, page.text(k)) or "").casefold() == s.casefold():
        return False
    return _title_like(page.text(nxt)) and len(page.text(nxt).split()) > len(s.split())


def _trail(page: _Page, s: str) -> bool:
    """Where the page sits: a breadcrumb of three parts, or of two joined by an arrow
    ('Secure message centre > Visit summaries'; a slash joins two words of a title too:
    'Hay fever / allergic rhinitis')."""
    return page.cues.breadcrumb(s) or (bool(re.search(r"\s[>›»]\s", s)) and page.cues.breadcrumb(s, 2))


def _slash_trail(page: _Page, i: int) -> bool:
    """'Health Library / Diseases & Conditions' straight over the title: a trail of two
    parts, each in title case, joined by a spaced slash, with a title-like line under it
    that has text of its own (a title's slash joins two names of one thing: 'Hay fever /
    allergic rhinitis' over its text)."""
    parts = page.text(i).split(" / ")
    if len(parts) != 2 or not all(p.strip() and title_case(p) and heading_like(p, max_words=5) for p in parts):
        return False
    k = page.next_nonblank(i + 1)
    return k is not None and _title_like(page.text(k)) and not _sentence(page.text(k)) and _title_at(page, k)


_FIELD = re.compile(r"(?:^|\s{2,}|\t)[A-Z][\w'’ -]{0,30}:\s+\S")


def _field_row(s: str) -> bool:
    """'Patient: Jamie Morgan        Date of birth: 04/07/1988': a form's fields set out
    along a line, never a title."""
    return len(_FIELD.findall(s)) >= 2


def _running_head(page: _Page, i: int) -> bool:
    """A running header's line set out as furniture (two parts apart, a page number), not
    the title printed again on every page (which is still the title where it first stands)."""
    s = page.text(i)
    return i in page.running and bool(re.search(r"\S\s{3,}\S|\s[|·•]\s", s) or _PAGE_NUMBER.search(s))


def _control_row(page: _Page, s: str) -> bool:
    """Before the title, a row of the site's controls: short items split by printed
    separators or runs of spaces ('Free delivery over £25 | Click & Collect | Sign in |
    Basket (0)', 'Help Centre   Search for articles...   Submit a request'), none a
    sentence, one at least a control (a button, an account action, a count, a search box)."""
    nav = page.cues.nav
    if nav is None or len(s) > 240 or read_meta_line(s, page.cues, strict=True) is not None:
        return False
    items = nav.items(s)
    if len(items) < 2 or any(len(p.split()) > 8 or re.search(r"(?<!\.)[.!?]$|[;:]\s", p) for p in items):
        return False
    return any(page.cues.chrome(p) or nav.numeric_rx.fullmatch(p) or nav.account_rx.fullmatch(p) for p in items)


def _menu_run(page: _Page, i: int, apart: bool = True) -> int:
    """How many short lines, none a sentence, a label, a byline, a date or chrome, are
    printed straight under each other from line ``i`` (a site menu one link a line);
    0 when ``apart`` and the run is not set apart by blank lines (a page printed without
    blank lines runs its title into its text)."""
    n = i
    while n < len(page.lines) and n - i < 30:
        s = page.text(n)
        if not s or not heading_like(s, max_words=8) or ":" in s or read_meta_line(s, page.cues) is not None \
                or page.cues.job_title(s) or page.is_item_start(s) or (apart and page.cues.chrome(s)):
            break
        n += 1
    if apart and ((i > 0 and page.lines[i - 1].strip()) or (n < len(page.lines) and page.lines[n].strip())):
        return 0
    return n - i


def _menu_under(page: _Page, i: int) -> list[int]:
    """The link lines straight under a menu's heading before the title ('In this section'
    over 'Register with us', 'Book an appointment', ...): two or more short lines."""
    if not page.cues.link_list_heading(page.text(i)) or i + 1 >= len(page.lines):
        return []
    run = _menu_run(page, i + 1, apart=False)
    return list(range(i + 1, i + 1 + run)) if run >= 2 else []


def _letter_furniture(page: _Page, i: int) -> bool:
    """A mail's header line ('From: ...', 'Date: ...'; its date read), a letter's date line
    ('12th September 2025') or its salutation over the 'Re:' line, before the title."""
    s = page.text(i)
    if page.cues.mail_header(s) and not page.cues.subject(s):
        found = page.meta(s)
        if found is not None:
            found.entry, found.line = {"role": found.role, "text": page.lines[i]}, i
        return True
    if _bare_date(page, s):
        found = page.meta(s)
        if found is not None:
            found.entry, found.line = {"role": found.role, "text": page.lines[i]}, i
            return True
        return False
    if page.cues.salutation(s):
        k = page.next_nonblank(i + 1)
        return k is not None and page.cues.subject(page.text(k)) is not None
    return False


def _subject_title(page: _Page, i: int) -> bool:
    """A 'Subject:' line among a mail's headers, or a 'Re:' line under a letter's
    salutation or letterhead: the page's title."""
    k = i - 1
    while k >= 0 and not page.lines[k].strip():
        k -= 1
    if k < 0:
        return page.cues.mail_header(page.text(i))
    before = page.text(k)
    return page.cues.mail_header(before) or page.cues.salutation(before) or page.cues.preamble_furniture(before) \
        or _bare_date(page, before)


def _letterhead_line(page: _Page, i: int, pre: list[int], furniture: set[int]) -> bool:
    """A line printed straight under the organisation's name, in one block with it
    ('Eye Unit - Patient Information', 'Quit Well Ridgeshire - free stop smoking
    support'): the letterhead's, when the block ends within a few lines and a title
    follows it."""
    if not pre or pre[-1] != i - 1 or not furniture & set(pre) or read_meta_line(page.text(i), page.cues, strict=True):
        return False
    parts = [p for p in re.split(r"\s+[-–—|·•]\s+", page.text(i)) if p]
    named = len(parts) >= 2 and any(page.cues.preamble_furniture(p) or p[:1].islower() for p in parts)
    if not named and not _service_name(page, i):
        return False  # a name and what it is ('Eye Unit - Patient Information', 'Quit Well - free support')
    top = i - 1
    while top in pre and top - 1 in pre and page.lines[top - 1].strip():
        top -= 1
    if not (top in furniture and page.cues.organisation(page.text(top))):
        return False
    end = i
    while end < len(page.lines) and page.lines[end].strip():
        if end - top >= 5 or _sentence(page.text(end)) or read_meta_line(page.text(end), page.cues, strict=True):
            return False  # ... a byline in the block: the line over it is the title
        end += 1
    k = page.next_nonblank(end)
    if k is not None and not named:  # ... a service's name the text does not talk about, over the line it does
        evidence, counts = page.cues.title_evidence, _stems_below(page, k)
        shared = evidence.share(page.text(k), counts)
        return _title_at(page, k) and shared is not None and shared >= evidence.title_share
    return k is not None and (_title_at(page, k) or _section_label(page, k, [i]))


def _service_name(page: _Page, i: int) -> bool:
    """'Medicines Use Review' under 'Ridgeway Community Pharmacy': a short title-case line in
    the organisation's block sharing next to none of its words with the text (the service or
    scheme the leaflet comes from)."""
    s, evidence = page.text(i), page.cues.title_evidence
    if evidence is None or not heading_like(s, max_words=6) or not title_case(s):
        return False
    shared = evidence.share(s, _stems_below(page, i))
    return shared is not None and shared <= evidence.masthead_share


def _section_label(page: _Page, i: int, pre: list[int]) -> bool:
    """A news page's or leaflet's section label in capitals over the title ('HEALTH',
    'PATIENT AFTERCARE SHEET'), after the site's furniture: a kicker, not the title."""
    s = page.text(i)
    if not pre or not s.isupper() or len(s.split()) > 4 or ":" in s or not heading_like(s) or page.kinds.kind_of(s) is not None:
        return False
    k = page.next_nonblank(i + 1)
    if k is None:
        return False
    title = page.text(k)
    return not title.isupper() and len(title.split()) >= 3 and not page.cues.form_field(title) and _title_at(page, k)


def _category_over_title(page: _Page, i: int, k: int) -> bool:
    """'Sexual health' straight over 'How to Treat a UTI at Home (and When You Need
    Antibiotics)' with the byline or reading time under that: the short line is the blog's
    category, the long one the title."""
    short, title = page.text(i), page.text(k)
    if page.markdown or k != i + 1 or len(short.split()) > 3 or len(title.split()) < max(4, 2 * len(short.split())):
        return False
    if not _title_like(title) or title.endswith(".") or page.kinds.kind_of(short) is not None or not _title_at(page, k) \
            or read_meta_line(title, page.cues) is not None:
        return False  # ... or the long line is the byline under the title ("By Riverbend Clinic Staff")
    m = page.next_nonblank(k + 1)
    if m is None:
        return False
    under = page.text(m)
    if read_meta_line(under, page.cues, strict=True) is None and not page.cues.chrome(under) \
            and not _type_over_title(page, i, k, m):
        return False
    # a title names what the page is about: its words recur below ("Methotrexate tablets"
    # over "Brand names: Maxtrex, Jylamvo"); a category's words need not
    body = " ".join(page.lines[m:]).lower()
    words = [w.lower() for w in re.findall(r"[A-Za-z][A-Za-z'’-]{3,}", short)]
    return not words or not all(body.count(w) >= 3 for w in words)


def _type_over_title(page: _Page, i: int, k: int, m: int) -> bool:
    """'Guidance' straight over 'Hot weather and medicines: advice for people who take
    regular medicines', a blank line, then the summary: a one-word label saying what kind of
    document it is over a title several times as long, which is set apart from its text."""
    short, title = page.text(i), page.text(k)
    return len(short.split()) == 1 and short[:1].isupper() and m > k + 1 and len(title.split()) >= 5 \
        and _sentence(page.text(m))


def _byline_before_title(page: _Page, i: int, letterhead: bool = False) -> bool:
    """A byline or date line printed above the title (a blog's 'Written by A | Reviewed by B'),
    with a title-like line after it; its people and dates are read. Under a letterhead (a
    clinic's name and address) the doctor's own line needs no opening: 'Dr. S. Rao, MBBS, MD |
    Reg. No. 12345' names the clinician who issues the plan under it."""
    k = page.next_nonblank(i + 1)
    strict = not (letterhead and _credited_person(page, page.text(i)))
    if k is None or not _title_like(page.text(k)) or read_meta_line(page.text(i), page.cues, strict=strict) is None:
        return False
    found = page.meta(page.text(i), strict=strict)
    found.entry, found.line = {"role": found.role, "text": page.lines[i]}, i
    return True


def _credited_person(page: _Page, s: str) -> bool:
    """A line opening with a person named with their credentials ('Dr. A. Rao, MBBS, MD')."""
    found = read_meta_line(s, page.cues)
    return found is not None and found.first_known and bool(found.authors) \
        and all(p.get("credentials") for p in found.authors)


def _preamble(page: _Page, pre: list[int]) -> list[dict]:
    """The lines before the title, each with what it is (chrome, or a byline/date line)."""
    read = {m.line: m.entry for m in page.metas if m.line is not None}
    return [read.get(k) or {"role": "subject" if k == page.subject_line else "chrome", "text": page.lines[k]} for k in pre]


def _title_at(page: _Page, i: int) -> bool:
    """Whether line ``i`` is the page's title (a Markdown level-1 heading, or a title-like line)."""
    s = page.text(i)
    if page.markdown:
        m = _MD_HEADING.match(s)
        return bool((m and len(m.group(1)) == 1) or page.setext.get(i) == 1)
    if not _title_like(s) or page.is_item_start(s) or read_meta_line(s, page.cues) is not None \
            or _trail(page, s) or page.marker(s) or _field_row(s) \
            or page.cues.record_line(s):
        return False  # ... a trail of where the page sits ('Secure messages > Visit summaries'), a form's fields, a patient's record
    k = page.next_nonblank(i + 1)
    if k is None or page.is_item_start(page.text(k)):
        return False
    blank_after = k > i + 1
    if not blank_after and page.kinds.kind_of(s) is not None and len(s.split()) <= 3 \
            and not _bare_date(page, page.text(k)) and read_meta_line(page.text(k), page.cues, strict=True) is None \
            and not page.cues.chrome(page.text(k)) and not _dek_under(page, k):
        return False  # "Causes" over its paragraph: a section, not a title (one over its date line is the title)
    return True


def _dek_under(page: _Page, k: int) -> bool:
    """'A guide for adults starting warfarin' under 'Your warfarin treatment', set apart from
    the text under it: a title's subtitle (a short line with no closing stop and a blank line
    after it), not the paragraph of a section."""
    s, nxt = page.text(k), page.next_nonblank(k + 1)
    return nxt is not None and nxt > k + 1 and heading_like(s) and not _sentence(s) and not s.endswith(":") \
        and len(s.split()) >= 3 and read_meta_line(s, page.cues) is None


def _read_header(page: _Page, i: int, title: str | None) -> tuple[list[dict], int]:
    """The byline, date, chrome and subtitle lines right after the title."""
    header: list[dict] = []
    deks = 0
    while i < len(page.lines):
        s = page.text(i)
        if not s:
            i += 1
            continue
        if page.cues.record_line(s) and not page.cues.form_field(s):  # one patient's record ('PATIENT: ...  DOB: ...'):
            header.append({"role": "chrome", "text": page.lines[i]})  # kept as it stands, its birth date no date of the page
            i += 1
            continue
        wrapped = _wrapped_byline(page, i)
        if wrapped is not None:
            header += wrapped
            i += 2
            continue
        control = _control_table(page, i) if title is not None and not header else None
        if control is not None:
            header += control
            i += len(control)
            continue
        if title is not None and header and header[-1]["role"] == "byline" and page.cues.job_line(s):
            _job_of_writer(page, header[-1], s)
            header.append({"role": "chrome", "text": page.lines[i]})  # the byline's job line: what the writer is, where
            i += 1
            continue
        found = page.meta(s)
        if found is None and title is not None and _stacked_byline(page, i):
            found = page.metas[-1]
            header.append(found.entry)
            header.append({"role": "chrome", "text": page.lines[i + 1]})
            i += 2
            continue
        if found is None and title is not None and not header and _columnist(page, i):
            header.append(page.metas[-1].entry)
            i += 1
            continue
        if found is None and title is not None and _team_over_date(page, i):
            header.append(page.metas[-1].entry)
            i += 1
            continue
        if found is not None:
            found.entry = {"role": found.role, "text": page.lines[i]}
            header.append(found.entry)
        elif page.subject_line is not None and page.cues.mail_header(s):
            header.append({"role": "chrome", "text": page.lines[i]})  # the headers under a mail's subject line
        elif title is not None and all(e["role"] == "subtitle" for e in header) and page.cues.department(s):
            header.append(_issuer(page, i, s))
        elif page.cues.chrome(s) or (title is not None and page.cues.furniture(s)) \
                or (title is not None and s.casefold() == title.casefold()) \
                or (title is not None and _spaced_tabs(page, page.lines, i + 1, s)) \
                or (title is not None and all(e["role"] == "chrome" for e in header) and page.cues.preamble_furniture(s)):
            header.append({"role": "chrome", "text": page.lines[i]})
        elif title is not None and len(header) == deks and deks < 2 and _subtitle(page, i, s, title, deks):
            header.append({"role": "subtitle", "text": page.lines[i]})
            deks += 1
        else:
            break
        i += 1
    return header, i


_CONTROL_ROWS = 2  # fewest rows of a table under the title that read as byline or date lines


def _control_table(page: _Page, i: int) -> list[dict] | None:
    """A table of the page's document control straight under the title ('| **Written by** |
    Aoife Brennan |', '| Approved | 12 March 2024 |', '| Document ID | PIL-014 |'): each row a
    label and its value. When every row is the table's frame (an empty header row, the
    rule), reads as a byline or date line ('Written by: Aoife Brennan') or is document
    control, and two rows or more read, the table is the header's, each row its own entry."""
    entries: list[dict] = []
    found: list[MetaLine] = []
    k = i
    while k < len(page.lines) and tables.pipe_row(page.lines[k]):
        s = page.text(k)
        cells = [_strip_emphasis(c) for c in tables.pipe_cells(s)]
        statement = f"{cells[0]}: {cells[1]}" if len(cells) == 2 and all(cells) else ""
        line = read_meta_line(statement, page.cues) if statement else None
        if line is not None:
            line.entry, line.line = {"role": line.role, "text": page.lines[k]}, k
            found.append(line)
            entries.append(line.entry)
        elif tables.is_rule(s) or not any(cells) or page.cues.document_control_rx.search(statement):
            entries.append({"role": "chrome", "text": page.lines[k]})
        else:
            return None
        k += 1
    if len(found) < _CONTROL_ROWS:
        return None
    page.metas += found
    return entries


_OPEN_BYLINE = re.compile(r"\b(?:by|and|authors?|reviewers?)\s*[:&]?$", re.I)


def _job_of_writer(page: _Page, byline: dict, line: str) -> None:
    """The job line under a byline that names one writer with no post ("Dr. A Perera, MBBS,
    MD" over "Consultant Physician, Lakeview Hospitals") is that writer's post: recorded as
    their ``role`` (the line itself stays a header line, word for word)."""
    found = next((m for m in reversed(page.metas) if m.entry is byline), None)
    if found is None or len(found.authors) != 1 or found.authors[0].get("role"):
        return
    found.authors[0]["role"] = line.strip().strip("*_ ")


def _wrapped_byline(page: _Page, i: int) -> list[dict] | None:
    """A byline wrapped at the printed line's end, its names on the next line ('Written by
    the information team. Medically reviewed by' / 'Dr Helen Marsh, Consultant
    Neurologist.'): read as one line; both lines are kept as they stand."""
    s = page.text(i)
    if not _OPEN_BYLINE.search(s) or i + 1 >= len(page.lines) or not page.text(i + 1):
        return None
    found = page.meta(f"{s} {page.text(i + 1)}")
    if found is None or not (found.authors or found.reviewers):
        return None
    found.entry = {"role": found.role, "text": page.lines[i]}
    return [found.entry, {"role": found.role, "text": page.lines[i + 1]}]


def _columnist(page: _Page, i: int) -> bool:
    """Straight under the title, a columnist's byline ('Our resident GP, Dr Amara Osei,
    answers your health questions'): the name is read as the author."""
    person = columnist_of(page.text(i), page.cues)
    if person is None:
        return False
    found = MetaLine(role="byline", authors=[person])
    found.entry = {"role": "byline", "text": page.lines[i]}
    page.metas.append(found)
    return True


def _name_over_date(page: _Page, i: int) -> bool:
    """'Clodagh Byrne' straight over 'Sun 8 Nov 2026 at 07:00': a name (every word
    capitalised, a few words) over the line that dates the page."""
    s = page.text(i)
    return heading_like(s, max_words=5) and ":" not in s and not page.cues.chrome(s) \
        and all(w[:1].isupper() for w in s.split()) and _date_under(page, i)


def _team_over_date(page: _Page, i: int) -> bool:
    """Under the title, a team's or writer's name straight over the date line ('PillPal
    Support' / 'Updated 3 months ago'): the byline of a help article; a person's name
    is read as its author."""
    s = page.text(i)
    if not _name_over_date(page, i):
        return False
    found = MetaLine(role="byline")
    person = None if page.cues.team_rx.search(s) else person_of(s, page.cues)
    if person is not None and 2 <= len(person["name"].split()) <= 4:
        found.authors.append(person)
    else:
        found.teams.append(s)
    found.entry = {"role": "byline", "text": page.lines[i]}
    page.metas.append(found)
    return True


def _date_under(page: _Page, i: int) -> bool:
    """Whether the line under line ``i`` dates the page: 'Updated 3 months ago', 'Updated:
    4 May 2026', or an issue's date and time alone ('Sun 8 Nov 2026 at 07:00')."""
    if i + 1 >= len(page.lines):
        return False
    nxt = page.text(i + 1)
    if page.cues.relative_date_rx.fullmatch(nxt) or page.cues.chrome(nxt) and re.search(r"\bago\b", nxt) \
            or (read_meta_line(nxt, page.cues, strict=True) or MetaLine()).dates:
        return True
    found = read_meta_line(nxt, page.cues) if len(nxt) <= 40 else None
    return found is not None and bool(found.dates) and not (found.unknown or found.authors or found.reviewers)


def _stacked_byline(page: _Page, i: int) -> bool:
    """A news byline in stacked lines under the title: the writer's name alone ('Sam Jones')
    straight over their job ('Health reporter'); the name is read as the author."""
    if i + 1 >= len(page.lines) or not page.cues.job_title(page.text(i + 1)):
        return False
    person = person_of(page.text(i), page.cues)
    if person is None or not 2 <= len(person["name"].split()) <= 4:
        return False
    person["role"] = page.text(i + 1)
    found = MetaLine(role="byline", authors=[person])
    found.entry = {"role": "byline", "text": page.lines[i]}
    page.metas.append(found)
    return True


def _issuer(page: _Page, i: int, s: str) -> dict:
    """A department printed straight under the title ("Children's Emergency Department"):
    the leaflet's writer, when no byline of the page names one."""
    found = MetaLine(role="byline", authors=[{"name": s.strip("*_ "), "credentials": []}], issuer=True)
    found.entry = {"role": "byline", "text": page.lines[i]}
    page.metas.append(found)
    return found.entry


def _subtitle(page: _Page, i: int, s: str, title: str, deks: int) -> bool:
    """A dek under the title: a label line ('Package leaflet: Information for the user'),
    or the medicine's name repeated from the title."""
    if page.markdown or page.cues.section_disclaimer(s) or page.cues.closing_disclaimer(s) \
            or page.cues.faq_question(s) or s.endswith("?") or page.cues.form_field(s):
        return False
    k = page.next_nonblank(i + 1)
    if k is None or page.is_item_start(page.text(k)):
        return False
    if s.lower() in title.lower() and len(s) < len(title):
        return True
    if not deks and len(title.split()) <= 6 and page.cues.product_line(s) and not tables.tab_row(page.lines[k]) \
            and not tables.pipe_row(page.text(k)):
        return True  # a leaflet's brand name over its generic name and strength (not a chart's caption)
    if deks or not heading_like(s, max_words=30, max_len=220):
        return False
    if heading_like(s) and (re.search(r"\w:\s|\w/\w", s) or page.cues.not_heading(s) or page.cues.dek(s)):
        return True  # a label-shaped dek: "Package leaflet: ...", "Pain reliever/fever reducer", "A guide for ..."
    # a magazine's dek straight under the title with the byline under it (a newspaper's
    # standfirst, a longer one: the writer's name over the issue's date)
    if k != i + 1 or i < 1 or not page.text(i - 1):
        return False
    return (heading_like(s) and read_meta_line(page.text(k), page.cues, strict=True) is not None) or _name_over_date(page, k)


def _read_footer(page: _Page, start: int, end: int) -> tuple[list[dict], int]:
    """Byline, date and chrome lines at the end of the page. A leaflet's own 'Supplier'
    or 'Sponsor' heading over the sponsor's lines is a section of the leaflet: it and
    those lines are given back to the body."""
    footer: list[dict] = []
    taken: list[int] = []
    while end > start:
        s = page.text(end - 1)
        if not s:
            end -= 1
            continue
        if end >= 2 and page.text(end - 2) in _LONE_MARKERS:
            break  # a line after a lone '-' is a list item, whatever it looks like
        stacked, names = _stacked_credit(page, end - 1, start)
        found = read_meta_line(s, page.cues) if stacked is None else None
        if stacked is not None:  # 'Edited By' over 'Dana Whitfield': the lines, read as one
            page.metas.append(stacked)
            top = end - 1 - names
            stacked.entry = {"role": stacked.role, "text": page.lines[top]}
            footer[:0] = [stacked.entry] + [{"role": stacked.role, "text": page.lines[n]} for n in range(top + 1, end)]
            for _ in range(names):
                end -= 1
                taken.insert(0, end)
        elif found is not None:
            page.metas.append(found)
            found.entry = {"role": found.role, "text": page.lines[end - 1]}
            footer.insert(0, found.entry)
        elif page.cues.sponsor_heading(s) and _sponsor_lines(page, footer, taken):
            n = _sponsor_lines(page, footer, taken)
            return footer[n:], taken[n - 1] + 1
        elif page.cues.chrome(s) or page.cues.organisation(s) or page.cues.department(s) or page.cues.sponsor(s):
            footer.insert(0, {"role": "chrome", "text": page.lines[end - 1]})
            dated = labelled_dates(s, page.cues)  # a copyright line ending 'Last updated: 10/02/2022'
            if dated is not None:
                dated.entry = footer[0]
                page.metas.append(dated)
        else:
            break
        end -= 1
        taken.insert(0, end)
    return footer, end


_STACKED_NAMES = 6  # most name lines a credit's label stands over at the page's foot


def _stacked_credit(page: _Page, k: int, start: int) -> tuple[MetaLine | None, int]:
    """A credit printed in lines at the page's foot, the role alone ('Written By', 'Medical
    Reviewers:') straight over the names, one a line ('Kelsey Marsh'; 'Raymond Kowalczyk MD'
    over 'Dana Whitfield RN BSN'): read as one line, each name in the label's role. Returns
    (what they say, how many name lines) or (None, 0)."""
    names = [k]
    while names[0] - 1 >= start and len(names) < _STACKED_NAMES and page.text(names[0] - 1) \
            and not _OPEN_BYLINE.search(page.text(names[0] - 1)) and person_of(page.text(names[0] - 1), page.cues, need_credentials=True):
        names.insert(0, names[0] - 1)  # 'Raymond Kowalczyk MD' over the last name: one more of the label's
    at = names[0] - 1
    if at < start or not page.text(at):
        return None, 0
    label = page.text(at)
    if len(label.split()) > 5 or not _OPEN_BYLINE.search(label):
        return None, 0
    if len(names) > 1 and not all(person_of(page.text(n), page.cues, need_credentials=True) for n in names):
        return None, 0
    found = read_meta_line(f"{label} {' and '.join(page.text(n) for n in names)}", page.cues)
    ok = found is not None and (found.authors or found.reviewers or found.editors)
    return (found, len(names)) if ok else (None, 0)


def _closing_matter(page: _Page, start: int, end: int) -> tuple[list[dict], int]:
    """A letter's or mail's closing: the valediction ('Yours faithfully,', 'Best wishes,')
    and the signature's short lines under it (the writer's name, read as the author, role,
    organisation, registration), then a mail's '--' delimiter or confidentiality notice and
    what follows it (on a mail, or under a valediction). Returns (footer entries, index
    where the body ends)."""
    if page.markdown:
        return [], end
    lines = [k for k in range(start, end) if page.lines[k].strip()][-12:]
    mail_at = next((n for n, k in enumerate(lines) if page.cues.mail_footer(page.text(k)) and len(lines) - n <= 4), None)
    v = _valediction_at(page, lines[:mail_at] if mail_at is not None else lines)
    if mail_at is not None and v is None and page.subject_line is None:
        mail_at = None  # a '--' line on a page that is no mail: its text stays the page's
    first = v if v is not None else mail_at
    if first is None:
        return [], end
    entries = [{"role": "chrome", "text": page.lines[k]} for k in lines[first:]]
    if v is not None:
        person = person_of(page.text(lines[v + 1]), page.cues)
        if person is not None:
            found = MetaLine(role="byline", authors=[person])
            found.entry = entries[1]
            found.entry["role"] = "byline"
            page.metas.append(found)
    return entries, lines[first]


def _foot_block(page: _Page, start: int, end: int) -> tuple[list[dict], int]:
    """A site's promotional block after the last real section ('Care at <Clinic>', 'Make an
    appointment', 'Find a doctor', 'Get the app'): from its first foot heading to the end,
    where every line is chrome, a foot heading, a short link line or one sentence in the
    site's own voice under a foot heading. Kept as the footer's chrome, not a section."""
    if page.markdown:
        return [], end
    lines = [k for k in range(start, end) if page.text(k)]
    first = len(lines)
    while first > 0 and _foot_line(page, lines, first - 1):
        first -= 1
    heads = [n for n in range(first, len(lines)) if _foot_heading(page, lines, n)]
    if not heads or heads[0] == 0:
        return [], end
    taken = lines[heads[0]:]
    return [{"role": "chrome", "text": page.lines[k]} for k in taken], taken[0]


def _foot_link(page: _Page, s: str) -> bool:
    s = s.lstrip("-*•· ").strip()
    return bool(s) and heading_like(s, max_words=page.cues.foot_link_max_words) and not s.endswith((".", ":", ";", ","))


def _foot_heading(page: _Page, lines: list[int], n: int) -> bool:
    s = page.text(lines[n])
    if page.cues.foot_heading_rx.fullmatch(s):
        return True
    nxt = page.text(lines[n + 1]) if n + 1 < len(lines) else ""
    return bool(page.cues.foot_care_rx.fullmatch(s)) and bool(nxt) and _foot_link(page, nxt) \
        and not page.cues.foot_voice_rx.search(nxt)


def _foot_line(page: _Page, lines: list[int], n: int) -> bool:
    """Whether line ``n`` can stand in a foot block."""
    s = page.text(lines[n])
    if page.cues.chrome(s) or _foot_heading(page, lines, n) or _foot_link(page, s):
        return True
    return n > 0 and len(s.split()) <= 40 and bool(page.cues.foot_voice_rx.search(s)) and _foot_heading(page, lines, n - 1)


def _valediction_at(page: _Page, lines: list[int]) -> int | None:
    """The index in ``lines`` of the last valediction, when one to six signature lines
    and nothing else follow it."""
    v = next((n for n in range(len(lines) - 1, -1, -1) if page.cues.valediction(page.text(lines[n]))), None)
    if v is None or not 1 <= len(lines) - v - 1 <= 6 or not all(_signature_line(page.text(k)) for k in lines[v + 1:]):
        return None
    return v


def _signature_line(s: str) -> bool:
    """A short line of a signature: a name, a role, an organisation, a registration."""
    return len(s) <= 80 and len(s.split()) <= 10 and not _sentence(s) and not s.endswith((":", "?"))


def _signed_writer(page: _Page, start: int, end: int) -> dict | None:
    """The writer a signature in the body names, where no byline does: the last line that
    opens with a signer's mark (``mail.signer_openings``: "— ", a messaging app's sender
    prefix) and holds only a person's name with a title before it or credentials after it,
    their credentials or their role on it or on the line under it ("— Dra. Maria Luisa
    Reyes, FPDS" over "Board-certified dermatologist"; "Dr. Sana Qureshi" over "MBBS, FCPS
    (Medicine)"), or the line under a valediction ("Warmly," over "Dana Whitfield, RN", the
    mail's notice after the signature keeping it in the body), or None."""
    found = None
    for k in range(start, end):
        m = page.cues.signer_rx.match(page.text(k))
        if m is not None:
            below = page.text(k + 1) if k + 1 < end else ""
            found = _signer(page.text(k)[m.end():].strip(), below, page.cues) or found
        elif k + 1 < end and page.cues.valediction(page.text(k)):  # 'Warmly,' over 'Dana Whitfield, RN'
            below = page.text(k + 2) if k + 2 < end else ""
            found = _signer(page.text(k + 1), below, page.cues) or found
    return found


def _signer(line: str, below: str, cues) -> dict | None:
    """The person a signature line names (see :func:`_signed_writer`), or None."""
    person = person_of(line, cues) if line and not _sentence(line) else None
    if person is None:
        return None
    titled = person["name"].split()[0].rstrip(".") in cues.name_abbreviations
    if not (titled or person["credentials"]) or len(person["name"].split()) < 2:
        return None
    if below and is_credential(below.split(",")[0], cues) and person_of(f"{line}, {below}", cues):
        person = person_of(f"{line}, {below}", cues)
    elif below and _signature_line(below) and len(below.split()) <= 5 and not person.get("role") \
            and not person_of(below, cues):
        person["role"] = below.strip()
    return person if person["credentials"] or person.get("role") else None


def _with_signer(meta: dict, person: dict | None) -> dict:
    """``meta`` with ``person`` as its author, after its language (article.yaml's order)."""
    if person is None:
        return meta
    out = {}
    for key, value in meta.items():
        out[key] = value
        if key == "language":
            out["authors"] = [person]
    return out


def _sponsor_lines(page: _Page, footer: list[dict], taken: list[int]) -> int:
    """How many of the footer's first lines are a sponsor's name and address lines."""
    n = 0
    while n < len(footer) and footer[n]["role"] == "chrome" and not page.cues.sponsor_heading(footer[n]["text"]) \
            and (page.cues.sponsor_line(footer[n]["text"]) or page.cues.organisation(footer[n]["text"])):
        n += 1
    return n


def decompose(text: str, *, slug: str, markdown: bool = False, title: str | None = None,
              source_name: str | None = None, cues: ImportCues | None = None,
              kinds: KindTable | None = None, parse_doses=None) -> tuple[dict, list[dict]]:
    """Article text -> (article metadata mapping, list of section mappings)."""
    page = _Page(_clean_lines(text), cues or ImportCues.load(), kinds or KindTable.load(), markdown, parse_doses,
                 tables.ColumnCues.load())
    front = _front_matter_end(page)
    if markdown:
        page.setext = {k: v for k, v in _setext_headings(page.lines).items() if k >= front}
    date_order = _read_date_order(page)
    page.slides = bool(page.lines) and page.marker(page.lines[0].strip())
    page.running = _running_lines(page)
    page.wrap = _wrap_width(page)
    head = _read_head(page, front, title, slug)
    closing, end = _closing_matter(page, head.body, len(page.lines))
    footer, end = _read_footer(page, head.body, end)
    foot, end = _foot_block(page, head.body, end)
    sections = _read_sections(page, head, end)
    _title_over_form(page, head, sections)
    meta_out: dict = {"title": head.title, "slug": slug, "language": "en"}
    meta_out.update(_people_and_dates(page.metas, controlled=page.cues.document_controlled(page.lines)))
    if not meta_out.get("authors") and not meta_out.get("writer_team"):
        meta_out = _with_signer(meta_out, _signed_writer(page, head.body, end))
    meta_out["source"] = {"format": "markdown" if markdown else "text",
                          "title_line": head.title_idx is not None and head.title_idx != page.subject_line}
    if source_name:
        meta_out["source"]["file"] = source_name
    if date_order:
        meta_out["source"]["numeric_dates"] = date_order
    for key, value in (("preamble", _preamble(page, head.pre) if head.pre else None), ("header", head.header),
                       ("footer", foot + footer + closing)):
        if value:
            meta_out[key] = value
    return meta_out, sections


@dataclass
class _Head:
    """What stands before the body: the title (and its line), the furniture before it, the header under it."""

    title: str
    title_idx: int | None
    pre: list[int]
    header: list[dict]
    body: int  # the index where the body begins


def _read_head(page: _Page, front: int, title: str | None, slug: str) -> _Head:
    """The page's title (the one given, the front matter's, or its title line), the
    furniture before it and the header under it."""
    front_title = _read_front_matter(page, front) if front else None
    title_idx, pre = _find_title(page, front)
    found = title or front_title or ""
    i = front
    if title_idx is None and front:
        pre = [k for k in range(front) if page.lines[k].strip()]
    if title_idx is not None:
        s = page.text(title_idx)
        m = _MD_HEADING.match(s) if page.markdown else None
        found = m.group(2) if m else s
        if title_idx == page.subject_line:
            found, pre = page.cues.subject(s), pre + [title_idx]
        i = title_idx + (2 if title_idx in page.setext else 1)
    if not found:
        found = slug.replace("-", " ").strip().capitalize()
    header, i = _read_header(page, i, found if title_idx is not None else None)
    masthead = _masthead(page, title_idx, header, i)
    if masthead is not None:  # a mail's own title under its headers: the title, the subject kept as it stands
        pre += [k for k in range(title_idx + 1, masthead) if page.lines[k].strip()]
        title_idx, found = masthead, page.text(masthead)
        header, i = _read_header(page, masthead + 1, found)
    return _Head(found, title_idx, pre, header, i)


def _title_over_form(page: _Page, head: _Head, sections: list[dict]) -> None:
    """'GREENWAY PHARMACY #0412' over a dispensing label ('PATIENT: ...', 'RX# ...'), then the
    leaflet's own title line ('ALENDRONATE WEEKLY - ORAL (a-LEN-droe-nate)') over its
    sections: the organisation's name is the letterhead (kept before the title), the label
    opens the body, and the line the text is about is the page's title. It stays where it
    stands, as a line of the body, so the page reads back in its order."""
    if page.markdown or head.title_idx is None or any(e["role"] != "chrome" for e in head.header) \
            or len(sections) < 2 + _LEAFLET_SECTIONS or not page.cues.organisation(head.title):
        return
    first, top = sections[0], sections[1]
    form = any(b.get("style") in ("label", "aligned") for b in first["blocks"]) \
        or any(page.cues.record_line(e["text"]) for e in head.header)  # the label's rows, or its record lines
    if first["heading"] is not None or not form or top["heading"] is None or top.get("marker") or top.get("run_in"):
        return
    k = next((n for n in range(head.body, len(page.lines)) if page.text(n) == top["heading"]), None)
    if k is None or not _title_like(top["heading"]) or page.kinds.kind_of(top["heading"]) is not None:
        return
    evidence = page.cues.title_evidence
    stems = evidence.stems(top["heading"]) if evidence else []
    if not stems or _stems_below(page, k).get(stems[0], 0) < evidence.body_count \
            or not any(page.kinds.kind_of(s["heading"]) for s in sections[2:2 + _LEAFLET_SECTIONS]):
        return  # ... the text goes on about what it names ('alendronate'), under a leaflet's own sections ('USES', 'HOW TO USE')
    first["blocks"] += [{"chrome": page.lines[k]}] + top["blocks"]
    del sections[1]
    head.pre.append(head.title_idx)
    head.title, head.title_idx = top["heading"], None


_LEAFLET_SECTIONS = 3  # the sections under a leaflet's title line, one at least of a known kind


def _read_sections(page: _Page, head: _Head, end: int) -> list[dict]:
    """The body's sections (lines ``head.body`` to ``end``), read again as FAQ entries on a
    Q&A page, with their kinds."""
    i, markdown = head.body, page.markdown
    b = _Builder(cues=page.cues, kinds=page.kinds, markdown=markdown)
    b.faq_page = page.kinds.kind_of(head.title) == "faq" and head.title_idx is not None
    furniture = [page.lines[k] for k in head.pre] + [e["text"] for e in head.header]
    letter = head.title_idx is not None and page.cues.letter_page(head.title, furniture) \
        and not _forum_thread(page, i, end)
    if letter and _questions_answered(page, i, end) >= _COLUMN_QUESTIONS:
        b.faq_page = True  # a Q&A column answering several readers: each question line is an entry
    read_from = len(page.metas)
    _read_body(page, b, i, end)
    if not b.faq_page and not markdown and _question_page(b.sections) \
            and (page.cues.qa_page([head.title] + furniture) or page.cues.qa_intro(_opening_text(b.sections))):
        # a Q&A page of question headings: read again, each question and its text an FAQ entry
        del page.metas[read_from:]
        page.contents_lines, page.last_letter = set(), None
        b = _Builder(cues=page.cues, kinds=page.kinds, markdown=markdown, faq_page=True)
        _read_body(page, b, i, end)
    if letter and not any("faq" in block for section in b.sections for block in section["blocks"]):
        _reader_letter(page.cues, b.sections)
    _heading_runs(page, b.sections)
    _label_lines(page, b.sections)
    _parents(b.sections)
    _indication_labels(page, b.sections)
    _kinds_from_content(page, b.sections, head.title)
    return b.sections


_THREAD_ANSWERS = 2  # fewest forum answer headers that make a page a thread of members' answers


def _forum_thread(page: _Page, start: int, end: int) -> bool:
    """A forum thread ('Answer from hollybrook_k · 18 votes' over each member's answer, two
    or more): the members answer the asker's post, which is the thread's question, not a
    reader's letter a columnist answers."""
    return sum(1 for k in range(start, end) if page.cues.forum_answer(page.lines[k])) >= _THREAD_ANSWERS


_COLUMN_QUESTIONS = 3  # fewest question lines, each over its answer, that make a column of several letters


def _question_page(sections: list[dict]) -> bool:
    """Every heading is a question (three or more, each over its answer; a list of
    references or a disclaimer aside), or every heading up to the last question is one and
    what follows it are lists under headings of their own (a closing 'Five ways to avoid a
    mix-up'): on a page that says it answers readers' questions, the questions are its FAQ
    entries, not sections. One heading that asks nothing and heads text ('Storage', 'In case
    of emergency') makes them a medicine page's own sections."""
    heads = [s for s in sections if s["heading"] and s["kind"] not in ("references", "disclaimer")]
    asks = [n for n, s in enumerate(heads) if s["heading"].rstrip().endswith("?")]
    if not asks:
        return False
    last = asks[-1]
    # ... a question of two sentences ('My son took two syrups. Is that dangerous?') was read as text
    more = sum(_text_questions(s) for s in heads[:last + 1])
    return len(asks) + more >= _COLUMN_QUESTIONS and all(n in asks and _own_text(s) for n, s in enumerate(heads[:last + 1])) \
        and all(_heads_a_list(s) for s in heads[last + 1:])


def _text_questions(section: dict) -> int:
    """How many of the section's paragraphs are a question (forty words or fewer) over a
    paragraph that asks nothing: a question line read as text."""
    texts = [block.get("paragraph") for block in section["blocks"]]
    return sum(1 for n, t in enumerate(texts[:-1]) if t and t.rstrip().endswith("?") and len(t.split()) <= 40
               and texts[n + 1] and not texts[n + 1].rstrip().endswith("?"))


def _heads_a_list(section: dict) -> bool:
    """A section whose text opens with a list (a tips list under its heading)."""
    blocks = [block for block in section["blocks"] if set(block) - {"chrome", "role"}]
    return bool(blocks) and "list" in blocks[0]


def _opening_text(sections: list[dict], most: int = 3) -> str:
    """The body's first paragraphs (up to ``most``) before its first question heading: a
    Q&A page's introduction."""
    found: list[str] = []
    for section in sections:
        if (section["heading"] or "").rstrip().endswith("?"):
            break
        found += [block["paragraph"] for block in section["blocks"] if "paragraph" in block]
    return " ".join(found[:most])


def _questions_answered(page: _Page, start: int, end: int) -> int:
    """How many lines of the body are a question standing alone ('My back is killing me.
    How much Aleve can I take?') with a line of text, no question, under it."""
    n = 0
    for k in range(start, end):
        s = page.text(k)
        if not s.endswith("?") or len(s.split()) > 40 or page.cues.chrome(s) or page.is_item_start(s):
            continue
        nxt = page.next_nonblank(k + 1, end)
        if nxt is not None and not page.text(nxt).endswith("?") and not page.is_item_start(page.text(nxt)):
            n += 1
    return n


def _masthead(page: _Page, title_idx: int | None, header: list[dict], i: int) -> int | None:
    """The index of a mail's masthead: under the headers (and the mail's chrome, 'View this
    email in your browser'), a title-like line naming what the subject line names
    ('HeartRhythm Community - weekly digest' under 'Subject: Your weekly digest: ...'),
    with text under it. None when the mail prints none."""
    if title_idx is None or title_idx != page.subject_line or any(e["role"] != "chrome" for e in header):
        return None
    k = page.next_nonblank(i)
    if k is None or not heading_like(page.text(k)) or page.kinds.kind_of(page.text(k)) is not None:
        return None
    words = {w.lower() for w in re.findall(r"[A-Za-z]{4,}", page.cues.subject(page.text(title_idx)) or "")}
    shared = words & {w.lower() for w in re.findall(r"[A-Za-z]{4,}", page.text(k))}
    nxt = page.next_nonblank(k + 1)
    return k if len(shared) >= 2 and nxt is not None and _sentence(page.text(nxt)) else None


def _reader_letter(cues: ImportCues, sections: list[dict]) -> None:
    """On a Q&A column's page, the reader's letter (the first paragraph that asks
    something, under no heading or a 'Question' heading, before the answer) is the
    page's FAQ entry: its question is the letter, its answer the rest of the page."""
    for section in sections[:2]:
        if not cues.letter_heading(section["heading"]):
            return
        for n, block in enumerate(section["blocks"]):
            text = block.get("paragraph")
            if text is not None and "?" in text:
                section["blocks"][n] = {"style": "plain", "faq": [{"question": text, "answer": ""}]}
                return
        if section["blocks"] and any("paragraph" in b for b in section["blocks"]):
            return  # the body's first text asks nothing: no letter


def _people_and_dates(metas: list[MetaLine], controlled: bool = False) -> dict:

    out: dict = {}
    scheduled = _review_date_lines(metas, controlled)
    authors = _unique([p for m in metas for p in m.authors if not m.issuer]) \
        or _unique([p for m in metas for p in m.editors]) \
        or _unique([p for m in metas for p in m.authors])  # an editor, or a department under the title, when no one else
    reviewers = _unique([p for m in metas for p in m.reviewers])
    if authors:
        out["authors"] = authors
    if teams := [t for m in metas for t in m.writer_teams]:
        out["writer_team"] = teams[0]  # a team the byline credits: no author (REV005 reads it)
    if reviewers:
        out["reviewers"] = reviewers
    dates: dict = {}
    for m in metas:
        for key, value in m.dates.items():
            if key == "next_review" and m.role != "next-review" and not m.in_body:
                continue  # REV004 reads it, with its printed excerpt, from the header/footer line
            dates.setdefault(key, value)
    if "updated" not in dates and "published" in dates:
        dates["updated"] = dates["published"]
    if scheduled is not None:
        dates.setdefault("next_review", scheduled)
    for key in ("updated", "last_reviewed", "next_review"):
        if key in dates:
            out[key] = dates[key].isoformat()
    return out


def _review_date_lines(metas: list[MetaLine], controlled: bool = False):
    """'Review date: 16 May 2025' on a page that also prints an earlier date
    ('Published: 16 May 2022'), or on a page under document control (``controlled``: a
    leaflet number, a version), is the next review (returned); alone, the last review."""
    printed = [v for m in metas for k, v in m.dates.items() if k in ("published", "updated", "last_reviewed")]
    scheduled = None
    for m in metas:
        value = m.dates.get("review_date")
        if value is None:
            continue
        value = m.resolve_review_date(earlier=controlled or any(v < value for v in printed))
        if value is not None and scheduled is None:
            scheduled = value
    return scheduled


def _read_date_order(page: _Page) -> dict | None:
    """How the page's ambiguous numeric dates (01/08/2024) are read, from the page's own
    signals (a US or a UK page); the page's cues then read them so. Returns what was
    decided and on what basis, or None when the page prints no such date."""
    from dataclasses import replace

    from medlint.dates import ambiguous_numeric_dates

    default = page.cues.numeric_dates
    text = "\n".join(page.lines)
    ambiguous = ambiguous_numeric_dates(text) if default else []
    if not ambiguous:
        return None
    order, signals = page.cues.date_order(text)
    note = {"order": order or default, "dates": list(dict.fromkeys(ambiguous))[:3], "assumed": order is None}
    if order is None:
        note["basis"] = (f"the page gives no signal of its date order ({len(signals)} each way); "
                         f"{default} assumed, as numeric_dates in checks/import.yaml says")
    else:
        note["basis"] = f"{'US' if order == 'month-first' else 'UK or Commonwealth'} page: " + ", ".join(
            dict.fromkeys(signals[:4]))
        page.cues = replace(page.cues, numeric_dates=order)
    return note


def _unique(people: list[dict]) -> list[dict]:
    seen, out = set(), []
    for p in people:
        key = p["name"].lower()
        if key not in seen:
            seen.add(key)
            out.append(p)
    return out


def _read_body(page: _Page, b: _Builder, i: int, end: int) -> None:
    """The body's lines, in order, into sections and blocks."""
    body = page.lines[:end]
    pending_marker = False
    in_paragraph = False  # markdown: joining wrapped lines
    link_list = False
    j = i
    while j < end:
        raw = body[j]
        s = raw.strip()
        j += 1
        if not s or (j - 1) in page.underlines:
            in_paragraph = False
            if b.answer_open is not None and b.answer_open["answer"]:
                b.answer_open = None  # a blank line after the answer's text ends it
            continue
        if s in _LONE_MARKERS:
            pending_marker = _LONE_MARKERS[s]
            in_paragraph = False
            continue
        if markdown_heading(page, b, j - 1, s):
            in_paragraph = pending_marker = link_list = False
            continue
        if not pending_marker and _wrapped_on(page, b, body, j, s):
            continue
        step = _author_card(page, b, body, j, s, end) if not pending_marker else None
        if step is not None:
            j = step
            in_paragraph = link_list = False
            continue
        if not pending_marker and _item_prefix(s) is None:
            kind = _line_role(page, b, body, j, s, link_list)
            if kind is not None:
                link_list = kind == "link-list" or (link_list and kind == "chrome")
                in_paragraph = False
                continue
        link_list = False
        run_in = _run_in_heading(page, s) if not pending_marker and not page.markdown else None
        if run_in is not None:
            b.run_in_section(*run_in)
            in_paragraph = False
            continue
        if not pending_marker and not page.markdown and _run_in_line(page, s):
            b.paragraph(s)  # 'NOTE: ...' among a monograph's run-in headings: its text, never a table row
            continue
        step = _table(page, b, body, j, s, end) if not pending_marker and _item_prefix(s) is None else None
        if step is not None:
            j = step
            in_paragraph = False
            continue
        accordion = _accordion_heading(page, body, j, s, end) if not pending_marker else None
        if accordion is not None:
            b.start_section(accordion[1])
            b.current["marker"] = accordion[0]
            in_paragraph = False
            continue
        step = _qa_pair(page, b, body, j, s, end)
        if step is not None:
            j = step
            in_paragraph = False
            continue
        style, content, number = None, s, None
        if pending_marker:
            style, pending_marker = pending_marker, False
        else:
            pref = _item_prefix(s)
            if pref is not None:
                style, content = pref
                if style.startswith("numbered"):
                    number = _number(s)
                    if _numbered_heading(page, b, body, j, content, number, end):
                        b.start_section(s)
                        continue
        step = _bare_question(page, b, body, j, s) if style is None else None
        if step is not None:
            j = step
            continue
        if style is not None:
            in_paragraph = False
            j, pending_marker = _list_line(page, b, body, j, style, content, number)
            continue
        if page.markdown:
            if raw[:1].isspace() and b.last == "item" and _continue_item(page, b, s, body[j - 2].strip()):
                continue
            in_paragraph = _markdown_text(b, s, in_paragraph)
            continue
        if _is_heading(page, b, body, j, s):
            b.start_section(s)
            continue
        if _lettered_heading(page, body, j, s):
            b.start_section(s, md_depth=3)  # a subsection of the numbered heading over it
            continue
        b.paragraph(s)


def _accordion_heading(page: _Page, body: list[str], j: int, s: str, end: int) -> tuple[str, str] | None:
    """(marker, heading) of an accordion's marked heading ('+ Folic acid' over its text,
    on a page printing two or more such lines, each with a blank line and text under it)."""
    found = page.cues.accordion(s) if not page.markdown else None
    if found is None or not _accordion_shaped(page, body, j - 1, end) or page.accordions(body, end) < 2:
        return None
    return found


def _accordion_shaped(page: _Page, body: list[str], at: int, end: int) -> bool:
    found = page.cues.accordion(body[at])
    if found is None or not heading_like(found[1]) or page.holds_doses(found[1]):
        return False
    if at + 1 >= end or body[at + 1].strip():
        return False  # a marked list's item, not a heading over its text
    k = page.next_nonblank(at + 1, end)
    return k is not None and page.cues.accordion(body[k]) is None and not page.is_item_start(page.text(k))


def _reading(block: dict, row: dict) -> str:
    """A data row as the checks read it (the model's reading)."""
    if block["style"] == "label":
        return row["text"]
    return row_reading(row["cells"], block.get("columns") or [], block.get("medicine"))


def _table(page: _Page, b: _Builder, body: list[str], j: int, s: str, end: int) -> int | None:
    """Pipe-table rows, tab-separated rows or a run of "Label: value" lines from line
    ``j - 1``: one table block; returns the index after its last row. A case heading over
    its paragraph ('Patch: more than 48 hours late') is no row."""
    style = _table_style(page, body, j, s, end)
    if style is None or (style == "label" and _case_heading(page, body, j, s)):
        return None
    k = j - 1
    rows: list[str] = []
    while k < end and body[k].strip() and _row_of(page, body[k].strip(), style):
        rows.append(body[k])
        k += 1
    if style != "pipe" and len(rows) < 2 and not (style == "label" and _strength_list(page, s)):
        return None
    heading = b.current.get("heading") if b.current is not None else None
    block = tables.read_table(rows, style, heading, page.columns)
    if style == "label":
        for row in block["table"]:
            if _strength_list(page, row["text"]):
                row["role"] = "strengths"
    if style == "aligned" and _composition_lead(page, _last_text(b)):
        for row in block["table"]:
            row.setdefault("role", "strengths")  # 'Each tablet contains:' over what it holds
    b.table(block, page.record_doses if page.parse_doses is not None else None)
    return k


def _composition_lead(page: _Page, text: str) -> bool:
    """'... Each tablet contains:': the line over a table of what a product holds (a
    content cue of checks/dose-lexicon.yaml in its last sentence, no negation)."""
    if page.parse_doses is None or not text.rstrip().endswith(":"):
        return False
    from medlint.doses.lexicon import lexicon

    lead = re.split(r"[.!?]\s+", text.rstrip())[-1]
    return lexicon().not_doses.content_cue(lead) and not re.search(r"\b(?:not|never|don.t|no)\b", lead, re.I)


def _strength_list(page: _Page, line: str) -> bool:
    """'Tablets: 250 mg, 375 mg, 500 mg': a dose form and the strengths it comes in, not a
    dose. The label names a product form the dose reader knows (``label_forms`` in
    checks/dose-lexicon.yaml), the value holds an amount, and the reader finds no regimen
    in the line (it drops the strengths as mentions, or reads them as bare amounts)."""
    if page.parse_doses is None or not tables.label_row(line):
        return False
    from medlint.doses.lexicon import lexicon

    label, _, value = line.partition(":")
    if not lexicon().not_doses.label_line(label + ":") or not any(c.isdigit() for c in value):
        return False
    return not any(set(d) - _BARE_DOSE_KEYS for d in page.doses(line))


def _table_style(page: _Page, body: list[str], j: int, s: str, end: int) -> str | None:
    nxt = body[j].strip() if j < end else ""
    if tables.pipe_row(s) or (" | " in s and tables.is_rule(nxt)):
        return "pipe"
    if tables.tab_row(body[j - 1]) and j < end and tables.tab_row(body[j]):
        return "tab"
    if _label_line_of_table(page, s) and ((j < end and _label_line_of_table(page, nxt)) or _strength_list(page, s)):
        return "label"
    if not page.markdown and j < end and _aligned_row_of(page, body[j - 1]) and _aligned_row_of(page, body[j]):
        return "aligned"
    return None


def _aligned_row_of(page: _Page, line: str) -> bool:
    """A row of aligned columns, not a byline or date line set out with runs of spaces."""
    return tables.aligned_row(line) and read_meta_line(line, page.cues, strict=True) is None \
        and not page.cues.chrome(line) and not page.cues.contact_line(line)


def _row_of(page: _Page, s: str, style: str) -> bool:
    if style == "aligned":
        return _aligned_row_of(page, s)
    if style == "pipe":
        return tables.pipe_row(s) or tables.is_rule(s) or " | " in s
    if style == "tab":
        return tables.tab_row(s)
    return _label_line_of_table(page, s)


def _label_line_of_table(page: _Page, s: str) -> bool:
    """'Tablets: 250 mg, 500 mg': a line of a label run, not a question, an answer,
    a disclaimer or a byline."""
    cues = page.cues
    return (tables.label_row(s) and not cues.faq_question(s) and not cues.faq_answer(s)
            and not cues.closing_disclaimer(s) and not cues.section_disclaimer(s) and not s.endswith("?")
            and read_meta_line(s, cues, strict=True) is None and not cues.chrome(s)
            and not (not page.markdown and _run_in_line(page, s)))


_BOLD_QUESTION = re.compile(r"(\*\*|__)([^*_]{2,200}\?)\1")


def _bare_question(page: _Page, b: _Builder, body: list[str], j: int, s: str) -> int | None:
    """On an FAQ page or under an FAQ heading, a bare question line and its answer line:
    one FAQ entry; returns the index after the answer."""
    if not s.endswith("?") and not (page.markdown and _BOLD_QUESTION.fullmatch(s)):
        return None
    if page.markdown and not _BOLD_QUESTION.fullmatch(s):
        return None  # Markdown: only a question in bold on a line of its own ('**Can I ...?**')
    if not (b.faq_page or (b.current is not None and b.current.get("kind") == "faq"
                           and b.current.get("heading") != s)):
        return None
    answer_idx = _answer_line(body, j, b, s.rstrip("*_"), page.markdown)
    if answer_idx is None:
        return None
    b.faq(s, body[answer_idx].strip(), "plain")
    return answer_idx + 1


def markdown_heading(page: _Page, b: _Builder, idx: int, s: str) -> bool:
    """A Markdown ATX or setext heading: a section, or an FAQ question under an FAQ heading."""
    if not page.markdown:
        return False
    m = _MD_HEADING.match(s)
    if m:
        depth, heading = len(m.group(1)), m.group(2)
    elif idx in page.setext:
        depth, heading = page.setext[idx], s  # === and --- both make main sections (## is level 1 too)
    else:
        return False
    b.answer_open = None
    current = b.current
    if depth >= 3 and heading.endswith("?") and current is not None and current.get("kind") == "faq" \
            and current.get("_depth", 0) < depth:
        b.answer_open = b.faq(heading, "", "heading")
        return True
    b.start_section(heading, md_depth=depth)
    b.current["_depth"] = depth
    return True


def _continue_item(page: _Page, b: _Builder, s: str, previous: str) -> bool:
    """Markdown: an indented line right under a list item continues the item's text."""
    block = b.open_block
    if not previous or block is None or "list" not in block or not block["list"]:
        return False
    record = block["list"][-1]
    record["text"] = f"{record['text']} {s}"
    record.pop("doses", None)
    doses = page.record_doses(record["text"]) if page.parse_doses is not None else None
    if doses:
        record["doses"] = doses
    return True


def _markdown_text(b: _Builder, s: str, in_paragraph: bool) -> bool:
    """A Markdown text line: the answer of the open FAQ question, a wrapped line or a new paragraph."""
    if b.answer_open is not None:
        entry = b.answer_open
        entry["answer"] = f"{entry['answer']} {s}".strip()
        return True
    if in_paragraph and b.current is not None and b.current["blocks"] and b.open_block is None \
            and ("paragraph" in b.current["blocks"][-1] or "disclaimer" in b.current["blocks"][-1]):
        b.append_to_paragraph(s)
        return True
    b.paragraph(s)
    return True


def _line_role(page: _Page, b: _Builder, body: list[str], j: int, s: str, link_list: bool) -> str | None:
    """Site chrome or a byline/date line in the body: kept as a chrome block. Returns what it was."""
    cues = page.cues
    if cues.link_list_heading(s) and _followed_by_short_lines(page, body, j):
        b.chrome(s)
        return "link-list"
    if link_list and ((heading_like(s) and (page.kinds.kind_of(s) is None or _link_follows(body, j))) or _link_row(s)):
        b.chrome(s)
        return "chrome"
    if cues.contents_heading(s):
        k = page.next_nonblank(j, len(body))
        if k is not None and (page.is_item_start(page.text(k)) or _link_row(page.text(k))):
            b.chrome(s)  # ... over its list, or over its links along one line ('Overview | Symptoms | ...')
            return "chrome"
        run = _contents_run(page, body, j)
        if run:
            page.contents_lines.update(run)  # 'In this issue:' over the headings it lists, unmarked
            b.chrome(s)
            return "chrome"
    if j - 1 in page.contents_lines or page.marker(s) or j - 1 in page.running:
        b.chrome(s)  # ... a slide's or page's marker, a running header or footer
        return "chrome"
    found = page.meta(s, strict=True)
    if found is None and _bare_date(page, s) and b.last == "chrome" and _last_role(b) == "byline":
        found = page.meta(s)  # "Jan. 22, 2026" under a byline printed in the body
    if found is None and _set_off_dateline(page, b, s):
        found = page.metas[-1]
    if found is not None:
        b.chrome(s, found.role)
        return "meta"
    if (cues.chrome(s) or cues.post_header(s) or _tab_bar(page, body, j, s) or _spaced_tabs(page, body, j, s)) \
            and not cues.faq_question(s) and not _label_heading(page, b, body, j, s):
        b.chrome(s)
        return "chrome"
    return None


_EMPHASISED = re.compile(r"(\*{1,2}|_{1,2})[^*_].*[^*_]\1")


def _set_off_dateline(page: _Page, b: _Builder, s: str) -> bool:
    """'*Inês Carvalho · 9 November 2026 · Lisbon*' in italics straight under a newsletter
    issue's own heading (its masthead the page's title): a byline naming its writer and its
    date, set off as one emphasised line opening the section, where no byline has named anyone."""
    if not page.markdown or b.current is None or b.current["blocks"] or not _EMPHASISED.fullmatch(s.strip()) \
            or any(m.authors or m.reviewers or m.writer_teams for m in page.metas):
        return False
    found = read_meta_line(s, page.cues)
    if found is None or not found.authors or not found.dates or found.reviewers:
        return False
    page.metas.append(found)
    return True


_NAMED_STRENGTH = re.compile(r"(?P<name>[A-Z][\w'’-]{2,30}(?:\s[\w'’-]{2,30}){0,2}):\s+\d")


def _strength_heading(page: _Page, body: list[str], j: int, s: str) -> bool:
    """'Ibuprofen: 400 mg over the counter' set apart over a paragraph about ibuprofen: a
    heading naming a medicine and the strength it is sold in, saying neither when to take it
    nor telling the reader to, the text under it naming the medicine again."""
    m = _NAMED_STRENGTH.match(s)
    if m is None or (j >= 2 and body[j - 2].strip()) or j >= len(body) or not body[j].strip():
        return False
    name = m.group("name")
    if page.kinds.tells_to_take(s) or page.kinds.instructs(s) or any(_regimen(d) or page.kinds.timed(d, s) for d in page.doses(s)) \
            or page.kinds.names_one_unit(name) or page.kinds.for_population(name):
        return False  # ... or a label of a dose form ('Tablets: 250 mg') or of who takes it ('Adults: 400 mg')
    return _sentence(body[j].strip()) and name.casefold() in body[j].casefold()


def _label_heading(page: _Page, b: _Builder, body: list[str], j: int, s: str) -> bool:
    """A leaflet's label ('Patient and carer advice', 'Patient information') printed in the
    body as its sections' headings are (capitals among capitals headings), between a
    section's text and a sentence of its own: the page's section heading, not furniture."""
    heading = (b.current or {}).get("heading")
    if not heading or b.last != "paragraph" or not page.cues.label(s) or not heading_like(s) or re.search(r"\d", s):
        return False
    k = page.next_nonblank(j, len(body))
    return k is not None and heading.isupper() == s.isupper() and _sentence(page.text(k))


def _contents_run(page: _Page, body: list[str], j: int) -> list[int]:
    """The lines straight under a contents heading, up to the blank line, when every one is
    a short heading-like line (the headings it lists, printed without markers)."""
    run = []
    k = j
    while k < len(body) and body[k].strip() and len(run) < 30:
        if run and body[k].strip() == body[run[0]].strip():
            break  # the first heading it lists, printed again: a page without blank lines has begun its text
        if not heading_like(body[k].strip()) or len(body[k].split()) > 12:
            if _printed_again(body, run):
                break  # ... or its text has begun, and every line it listed heads a section below
            return []
        run.append(k)
        k += 1
    return run if len(run) >= 2 else []


def _printed_again(body: list[str], run: list[int]) -> bool:
    """Whether each line of ``run`` (two or more) is printed again, on a line of its own,
    further down the page: the headings a contents list names."""
    if len(run) < 2:
        return False
    below = {line.strip() for line in body[run[-1] + 1:]}
    return all(body[k].strip() in below for k in run)


def _bare_date(page: _Page, s: str) -> bool:
    """A line that is only a date ('Jan. 22, 2026', '3 March 2025')."""
    found = page.cues.find_date(s, page.cues.numeric_dates, month_year=True) if len(s) <= 40 else None
    if not found:
        return False
    before, after = s[:found[1][0]], s[found[1][1]:]
    return bool(_DAY_NAME.fullmatch(before) and _CLOCK.fullmatch(after))


_DAY_NAME = re.compile(r"\W*(?:[A-Z][a-z]{2}(?:[a-z]{0,6}day)?\W*)?")  # 'Sun ', 'Tuesday, '
_CLOCK = re.compile(r"\W*(?:(?:at\s+)?\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?\W*)?", re.I)  # ' at 07:00'



def _last_role(b: _Builder) -> str | None:
    block = b.current["blocks"][-1] if b.current is not None and b.current["blocks"] else {}
    return block.get("role")


def _tab_bar(page: _Page, body: list[str], j: int, s: str) -> bool:
    """A page's own tabs or jump links in its body ('Uses | Warnings | Dosage | Side effects
    | FAQ'): a menu of four items or more with a printed separator, with no row of a table
    under it."""
    nav = page.cues.nav
    if nav is None or tables.pipe_row(s) or tables.tab_row(body[j - 1]) or not nav.marked_rx.search(s) or len(nav.items(s)) < nav.min_items or not _nav_bar(page, s):
        return False
    k = _next_nonblank(body, j)
    return k is None or not nav.marked_rx.search(body[k])


_SPACED = re.compile(r"(?<=\S)[ ]{3,}(?=\S)")


def _spaced_tabs(page: _Page, body: list[str], j: int, s: str) -> bool:
    """A page's own tabs set out with runs of spaces ('Symptoms & causes   Diagnosis &
    treatment   Doctors & departments', 'Dosing & Uses   Interactions   Adverse Effects'):
    three items or more, each a short capitalised name, with no row of a table under it (a
    chart's header row is set out the same way). A heading never holds a run of spaces."""
    nav = page.cues.nav
    if nav is None or page.markdown or "   " not in s or tables.tab_row(body[j - 1]):
        return False
    items = _SPACED.split(s)
    if len(items) < 3 or not all(nav.menu_item(p) and not re.search(r"\d", p) for p in items):
        return False
    k = _next_nonblank(body, j)
    return k is None or not (_aligned_row_of(page, body[k]) or tables.tab_row(body[k]))


_RUN_IN = re.compile(r"([A-Z][A-Z0-9&/,'’() -]{0,48}[A-Z)]):(\s+)(?=\S)")


def _run_in_heading(page: _Page, s: str) -> tuple[str, str, str] | None:
    """(label, separator, text) of a line opening with a label in capitals over running
    text ('MISSED DOSE: If you miss a dose, take it ...'), on a page printing its sections
    so (`run_in_headings` in checks/import.yaml); else None."""
    m = _RUN_IN.match(s)
    if m is None or not _run_in_shape(page, m, s):
        return None
    if page.run_ins is None:
        page.run_ins = _count_run_ins(page)
    if page.run_ins < page.cues.run_in_min:
        return None
    return m.group(1), ":" + m.group(2), s[m.end():]


def _run_in_line(page: _Page, s: str) -> bool:
    """On a page of run-in headings, a line of their shape whose label is one of emphasis
    ('NOTE: This leaflet does not replace ...')."""
    m = _RUN_IN.match(s)
    if m is None or not _run_in_shape(page, m, s, emphasis=True):
        return False
    if page.run_ins is None:
        page.run_ins = _count_run_ins(page)
    return page.run_ins >= page.cues.run_in_min


def _count_run_ins(page: _Page) -> int:
    """How many lines of the page open with a run-in capitals label (counted once a page)."""
    n = 0
    for line in page.lines:
        t = line.strip()
        m = _RUN_IN.match(t)
        n += bool(m and _run_in_shape(page, m, t))
    return n


def _run_in_shape(page: _Page, m: re.Match, s: str, emphasis: bool = False) -> bool:
    """A capitals label of a few words (not an emphasis label such as 'IMPORTANT:', unless
    ``emphasis``) over a sentence of its own."""
    label, rest = m.group(1), s[m.end():]
    if len(label.split()) > 6 or sum(c.isalpha() for c in label) < 2 or (page.cues.run_in_not_label(label) and not emphasis):
        return False
    return len(rest.split()) >= 4 and rest.rstrip()[-1:] in ".!?)" and not _RUN_IN.match(rest)


def _link_follows(body: list[str], j: int) -> bool:
    """In a related-links list, a line is one more link when another short line or the
    end of the page follows it ("How to keep the weight off after GLP-1 treatment"
    names a kind, but no text of its own comes under it)."""
    k = _next_nonblank(body, j)
    return k is None or heading_like(body[k].strip())


def _author_card(page: _Page, b: _Builder, body: list[str], j: int, s: str, end: int) -> int | None:
    """'About the author' and the writer's biography under it (up to three lines, until a
    heading-like line): chrome. Returns the index after the card."""
    if not page.cues.author_card(s):
        return None
    b.chrome(s)
    k, taken = j, 0
    while k < end and taken < 3:
        line = body[k].strip()
        if line:
            if heading_like(line) or page.markdown and _MD_HEADING.match(line) or page.cues.closing_disclaimer(line) \
                    or page.cues.section_disclaimer(line):
                break
            b.chrome(line)
            taken += 1
        k += 1
    return k


def _followed_by_short_lines(page: _Page, body: list[str], j: int) -> bool:
    """Link lines under a related-links heading, or nothing (the body ends: its links were
    the page's footer)."""
    k = page.next_nonblank(j, len(body))
    return k is None or heading_like(page.text(k)) or page.is_item_start(page.text(k)) or _link_row(page.text(k))


_LINK_SEPARATOR = re.compile(r"\s[|·•]\s")


def _link_row(s: str) -> bool:
    """'Five easy swaps for a healthier heart | Is your mattress ruining your back? | ...':
    links printed along one line, two or more short titles between bars."""
    items = [p.strip() for p in _LINK_SEPARATOR.split(s)]
    return len(items) >= 2 and all(0 < len(p.split()) <= 12 and not re.search(r"[.;]$", p) for p in items)


def _qa_pair(page: _Page, b: _Builder, body: list[str], j: int, s: str, end: int) -> int | None:
    """'Q: ...' then (chrome lines, e.g. who asked) then 'A: ...': one FAQ entry; returns the next index."""
    cues = page.cues
    if not cues.faq_question(s):
        return None
    k = page.next_nonblank(j, end)
    note = None
    if k is not None and not cues.faq_answer(page.text(k)) and _asker_line(page, page.text(k)):
        note = page.lines[k]
        k = page.next_nonblank(k + 1, end)
    if k is None or not cues.faq_answer(page.text(k)):
        return None
    b.faq(s, page.text(k), "plain", note=note)
    return k + 1


def _asker_line(page: _Page, s: str) -> bool:
    """The line between a question and its answer saying who asked ('Submitted by Jo, Leeds')."""
    return page.cues.chrome(s) or (len(s.split()) <= 8 and not s.endswith(("?", ".")) and not page.cues.faq_question(s))


def _numbered_heading(page: _Page, b: _Builder, body: list[str], j: int, content: str,
                      number: int | None, end: int) -> bool:
    """'3. How to take Paracetamol Tablets' over its text: a numbered heading, not a list item."""
    if page.markdown or number is None or not heading_like(content) or label_line(content):
        return False
    block = b.open_block
    if block is not None and "list" in block and block.get("_next") == number:
        return False
    if _after_indented_entry(body, j, number):
        return False
    k = page.next_nonblank(j, end)
    if k is None:
        return False
    if k == j and body[k][:1].isspace():
        return False  # an entry with its text indented straight under it
    return not page.is_item_start(page.text(k))


def _after_indented_entry(body: list[str], j: int, number: int) -> bool:
    """'2. "Lower apixaban dose at 81?" - posted by ...' after entry 1 and its indented text
    (a digest's numbered entries, each with its lines indented under it): the next entry of
    the list, not a numbered heading."""
    k = j - 2
    while k >= 0 and j - 2 - k < 40:
        line = body[k]
        if line.strip():
            m = re.match(r"(\d{1,3})[.)]\s", line)
            if m:
                return int(m.group(1)) == number - 1
            if not line[:1].isspace():
                return False
        k -= 1
    return False


def _list_line(page: _Page, b: _Builder, body: list[str], j: int, style: str, content: str,
               number: int | None) -> tuple[int, str | bool]:
    """A list item or a marked FAQ question and its answer; returns (next index, pending marker)."""
    glued = False
    if style.endswith("-line") and _GLUED_MARKER.search(content) and _has_more(body, j):
        glued = _LONE_MARKERS[_GLUED_MARKER.search(content).group(0).strip()]
        content = _GLUED_MARKER.sub("", content)
    answer_idx = _answer_line(body, j, b, content, page.markdown) if not glued else None
    if answer_idx is not None:
        answer = body[answer_idx].strip()
        j = answer_idx + 1
        if style.endswith("-line") and _GLUED_MARKER.search(answer) and _has_more(body, j):
            glued = _LONE_MARKERS[_GLUED_MARKER.search(answer).group(0).strip()]
            answer = _GLUED_MARKER.sub("", answer)
        b.faq(content, answer, style, number=number)
    else:
        b.item(content, style, page.record_doses if page.parse_doses is not None else None, number)
    return j, glued


def _is_heading(page: _Page, b: _Builder, body: list[str], j: int, s: str) -> bool:
    """A bare line is a heading when it reads as one and has content under it, and is not
    a disclaimer, a label line, a dose line, a fixed-format label or a line of a bare list."""
    cues = page.cues
    if not heading_like(s) or cues.closing_disclaimer(s) or cues.section_disclaimer(s) or cues.not_heading(s) \
            or cues.form_field(s) or tables.tab_row(body[j - 1]) or cues.sponsor_line(s):
        return False  # ... a sponsor's name line, or a tab-separated row (of a table too short to be one)
    case = _case_heading(page, body, j, s)
    if s[0].isdigit() or (label_line(s) and not case and not _strength_heading(page, body, j, s)) \
            or re.search(r"[a-z]\.\s+[A-Z]", s) or _bare_date(page, s) \
            or page.column_row(s):
        return False  # a digit-led line, a label line, two sentences (a reference), a date, a row
    if body[j - 1][:2].isspace() or cues.timestamped(s) or cues.contact_line(s) or cues.registration(s) \
            or cues.mail_header(s) or cues.valediction(s):
        return False  # an indented line (a list or table printed without markers), a timestamp, a signature's line
    if page.holds_doses(s) and not (j < len(body) and page.caption(s, body[j])) and not _names_a_schedule(page, s) \
            and not case and not _strength_heading(page, body, j, s):
        return False  # a dose line
    if _slide_title(page, body, j):
        return True
    if (b.current or {}).get("kind") == "references" and b.current.get("heading") \
            and page.kinds.kind_of(s) in (None,) + DOSING_KINDS:
        return False  # an entry of a reference list ('Aspirin British National Formulary'), not a heading
    if _label_run(page, body, j, s) or _marked_like_next(page, body, j, s):
        return False
    k = page.next_nonblank(j, len(body))
    if k is None:
        return page.kinds.kind_of(s) is not None  # a truncated page's last heading
    if k == j and _broken_at_wrap(page, s):
        return False  # the first line of a paragraph, broken where the page wraps its text
    directly_after = j >= 2 and body[j - 2].strip() != ""
    nxt = page.text(k)
    if directly_after and b.last == "paragraph" and _announced_list(b) and not _named_heading(page, s) \
            and not (_last_text(b)[:1].islower() and s[:1].isupper()):  # ... a capital after its lower-case lines ends it
        return False  # a line of what the text above announces ('Tests may include:'), printed without markers
    if directly_after and b.last == "paragraph" and _bare_list_line(_last_text(b)) and not title_case(s) \
            and not _heads_a_heading(page, b, s, nxt) and not _named_heading(page, s) \
            and (not (_opens_text(nxt) and not cues.after_list(nxt)) or len(s.split()) > _LIST_LINE_WORDS):
        return False  # a line of a list printed without markers (a long last one, over the text after it, too)
    if directly_after and b.last == "heading" and s.endswith("?"):
        return True  # a question under a section's title: the page's sub-heading ('What are the symptoms?')
    if directly_after and b.last == "heading" and not title_case(s):
        if _could_head(page, nxt) and not page.is_item_start(nxt):
            return False  # the heading's one-line content, not a subheading
        if len(s.split()) > _LIST_LINE_WORDS:
            return False  # a long line in sentence case straight under a heading is its text ('Indicated only as ...')
    if directly_after and b.last == "heading" and k == j and _names_people(page, nxt):
        return False  # a dek between a heading and its byline ('This month: missed doses' / 'by Jo Pike, RGN')
    if k == j and _bare_date(page, nxt) and _bare_name(page, s):
        return False  # a writer's name over the date of the piece: a byline, never a heading
    return True


_CASE_LABEL = re.compile(r"([^:]{2,40}):\s+(\S.*)")
_CASE_WORDS = 3  # fewest words of the case a case heading names after its colon


def _case_heading(page: _Page, body: list[str], j: int, s: str) -> bool:
    """'Combined pill: one pill missed', 'Mini pill: more than 3 hours late': a heading that
    names a case after its subject, set apart above its paragraph. The count in it is what
    happened, not a dose: nothing after the colon is a regimen or an amount in a unit, and no
    count of a dose form ends the line ('Adults: 1 tablet', 'Tablets: 250 mg, 500 mg' are
    labels and their values)."""
    m = _CASE_LABEL.fullmatch(s)
    if m is None or len(m.group(2).split()) < _CASE_WORDS or j < 2 or body[j - 2].strip() or j >= len(body):
        return False
    value, nxt = m.group(2).rstrip(), body[j].strip()
    if not nxt or not _sentence(nxt):
        return False
    for d in page.doses(value):
        if _regimen(d) or d.get("as_needed") or (d.get("amount") or {}).get("unit") in _MASS_UNITS \
                or value.endswith(d["text"]):
            return False
    return True


_WRAP_SLACK = 8  # how far short of the wrap width a line broken there may end
_WRAPPED_WORDS = 8  # fewest words of a line read as text broken at the wrap width, not a heading


def _broken_at_wrap(page: _Page, s: str) -> bool:
    """On a hard-wrapped page (PDF text), a line of many words that runs to the wrap width
    with text straight under it ('This leaflet is general information for patients of the
    Southern Coast' over 'Health Eye Clinic. It does not ...'): a sentence the page broke,
    not a heading, which stands short of the width."""
    return bool(page.wrap) and len(s) >= page.wrap - _WRAP_SLACK and len(s.split()) >= _WRAPPED_WORDS


def _bare_name(page: _Page, s: str) -> bool:
    """A line that is only a person's name ('Clodagh Byrne', 'Dr Tom Reyes'): two to four
    capitalised words the byline reader takes for a person."""
    words = s.split()
    return 2 <= len(words) <= 4 and all(w[:1].isupper() for w in words) and not re.search(r"[\d&:/]", s) \
        and person_of(s, page.cues) is not None


_LETTERED = re.compile(r"([a-hA-H])[.)]\s+(?=[A-Z])")


def _marked_like_next(page: _Page, body: list[str], j: int, s: str) -> bool:
    """'▶ BY MOUTH USING IMMEDIATE-RELEASE MEDICINES' over '▶ Adult: 300-400 mg 3 times a
    day': a line opening with the marker the line under it opens with is one more line of
    a marked list (a formulary's route line over its doses), not a heading."""
    found = page.cues.accordion(s)
    k = _next_nonblank(body, j)
    return found is not None and k is not None and body[k].strip().startswith(found[0].strip() + " ")


def _lettered_heading(page: _Page, body: list[str], j: int, s: str) -> bool:
    """'a) Medicines', 'b) Physiotherapy' under '5. What are the treatment options?': a
    lettered sub-heading over its text, when the letters run in order from a (a lettered
    list's items are sentences, or follow each other with no text between)."""
    m = _LETTERED.match(s)
    if m is None or not heading_like(s[m.end():], max_words=8) or label_line(s):
        return False
    k = _next_nonblank(body, j)
    if k is None or _LETTERED.match(body[k].strip()):
        return False
    letter = m.group(1).lower()
    if letter != "a" and page.last_letter != chr(ord(letter) - 1):
        return False
    page.last_letter = letter
    return True


def _slide_title(page: _Page, body: list[str], j: int) -> bool:
    """On a page whose slides open with a marker ('--- Slide 1 ---' as its first line), the
    line straight after a marker is the slide's title, over its bullets or its text."""
    if not page.slides:
        return False
    k = j - 2
    while k >= 0 and not body[k].strip():
        k -= 1
    return k >= 0 and page.marker(body[k].strip()) and _next_nonblank(body, j) is not None


def _names_people(page: _Page, s: str) -> bool:
    found = read_meta_line(s, page.cues, strict=True)
    return found is not None and bool(found.authors or found.reviewers)


def _names_a_schedule(page: _Page, s: str) -> bool:
    """A heading that names how often with no amount and no instruction ("Taking
    methotrexate ONCE A WEEK"), not a dose line ("Take 1 tablet once a week", "Apply twice a day")."""
    return not any(d.get("amount") for d in page.doses(s)) and not page.kinds.instructs(s)


def _announced_list(b: _Builder) -> bool:
    """Whether the lines read last are a list a sentence announces ('Secondary RLS can be
    linked to:' over 'Iron deficiency', 'Pregnancy, ...'): the paragraph ending in a colon,
    and only short bare lines after it in its section."""
    blocks = b.current["blocks"] if b.current is not None else []
    for n in range(len(blocks) - 1, max(-1, len(blocks) - 40), -1):
        text = blocks[n].get("paragraph")
        if text is None:
            return False
        if text.rstrip().endswith(":"):
            return True
        if not _bare_list_line(text):
            return False
    # ... or a question heading over nothing but them ('What are the symptoms?' over its answers)
    heading = (b.current or {}).get("heading") or ""
    return len(blocks) < 40 and heading.endswith("?")


_LIST_LINE_WORDS = 6  # a line longer than this after a list printed without markers is its last line, not a heading


def _named_heading(page: _Page, s: str) -> bool:
    """A line that says it heads a section, whatever the lines above it: a question, or a
    short heading of a kind the kind table knows ('When to see a doctor'; a longer line that
    names symptoms or tests is one more line of the list)."""
    return s.endswith("?") or (len(s.split()) <= 5 and page.kinds.kind_of(s) is not None)


def _heads_a_heading(page: _Page, b: _Builder, s: str, nxt: str) -> bool:
    """A capitalised line after a list of lower-case lines, straight over a heading of a
    known kind: a leaflet's main heading ("After taking Melocam" over "Storage"), not
    one more line of the list ("passing much less urine than usual")."""
    return _last_text(b)[:1].islower() and s[:1].isupper() and page.kinds.kind_of(nxt) is not None \
        and heading_like(nxt)


def _opens_text(line: str) -> bool:
    """A line that is text under a heading, not another line of a list: a sentence, or a
    long or lower-case line."""
    return _sentence(line) or (not heading_like(line) and (line[:1].islower() or len(line.split()) > 12))


def _could_head(page: _Page, line: str) -> bool:
    """Whether ``line`` has the shape of a heading (not a label, dose or digit-led line)."""
    return heading_like(line) and not line[0].isdigit() and not label_line(line) and not page.holds_doses(line) \
        and not page.column_row(line)


_LABEL = re.compile(r"^[A-Z][\w'’-]*(?:\s+[\w'’/-]+){0,2}:\s+\S")


def _label_run(page: _Page, body: list[str], j: int, s: str) -> bool:
    """'Drug class: ...' next to 'Brand names: ...': a line of a data sheet, not a heading."""
    if not _LABEL.match(s):
        return False
    before = body[j - 2].strip() if j >= 2 else ""
    k = page.next_nonblank(j, len(body))
    after = page.text(k) if k is not None else ""
    return bool(_LABEL.match(before) or _LABEL.match(after))


def _last_text(b: _Builder) -> str:
    if b.current is None or not b.current["blocks"]:
        return ""
    block = b.current["blocks"][-1]
    return block.get("paragraph") or block.get("disclaimer") or ""


def _sentence(text: str) -> bool:
    return len(text.split()) >= 5 and text.rstrip()[-1:] in ".!?" and not heading_like(text)


def _bare_list_line(text: str) -> bool:
    """A short line with no sentence punctuation: one line of a list printed without markers."""
    t = text.strip()
    return bool(t) and not t.startswith("|") and len(t.split()) <= 25 and not re.search(r"[.!?;:\]\"”'’]$|\.\s|:", t)


_RUN_OF_HEADINGS = 3  # bare headings in a row, none with text under it: a menu or a list, not sections


def _heading_runs(page: _Page, sections: list[dict]) -> None:
    """A heading introduces text: a run of three or more bare heading lines with no text
    under any of them ('Care at Lakeshore Clinic' / 'Spine Care' / 'Make an Appointment';
    'Written By' / 'Kelsey Marsh' / 'Edited By' / ...; a site's menu of sister pages) is a
    menu, a promotional block or a credits block: each line is kept as chrome in the
    section before it. A main heading straight over its subheading is at most two in a row."""
    n = 0
    while n < len(sections):
        m = n
        while m < len(sections) and _bare_heading(page, sections[m]):
            m += 1
        if m == len(sections) - 1 and m > n and _last_line_of_run(sections[m]):
            m += 1  # ... and the page's last heading-shaped line under the last of them
        lines = m - n + (m == len(sections) and m > n and _last_line_of_run(sections[m - 1]))
        if lines >= _RUN_OF_HEADINGS:
            _fold_into_chrome(sections, n, m)
            continue
        n = m + 1 if m == n else m


# 'Brand names: Lioresal', 'Common brand name(s): Fosamax' (a label with no number, a name
# after it: not 'Part 1: Before your operation' or 'Low blood sugar: what to do'), or a quoted
# form ("Sounds like 'am-ee-TRIP-ti-leen'")
_LABEL_AND_VALUE = re.compile(r"^[^\d:]*[A-Za-z]\)?:\s+[A-Z]|(?:^|\s)['‘\"“][^'’\"”]{2,40}['’\"”](?:\s|$)")


def _label_lines(page: _Page, sections: list[dict]) -> None:
    """A label and its value on one line ('Brand names: Lioresal, Ozobax', 'Common brand
    name(s): Fosamax', "Sounds like 'am-ee-TRIP-ti-leen'") with nothing under it, straight
    over a heading, is a line of the page's data, not a heading: it introduces nothing.
    It is kept as a paragraph of the section before it."""
    n = 0
    while n < len(sections) - 1:
        section = sections[n]
        if section["heading"] and not section["blocks"] and not page.markdown and sections[n + 1]["heading"] \
                and not section.get("run_in") and _LABEL_AND_VALUE.search(section["heading"]):
            line = {"paragraph": section["heading"]}
            if n == 0:
                sections[0] = {"heading": None, "level": 1, "kind": "overview", "blocks": [line], "_rule": None, "_own": True}
            else:
                sections[n - 1]["blocks"].append(line)
                del sections[n]
                continue
        n += 1


def _indication_labels(page: _Page, sections: list[dict]) -> None:
    """A monograph's dose section names each indication or route on a short line over the
    doses for it, each dose line opening with who it is for ("Indications and Dosage" /
    "Fibromyalgia" / "Adult: Initially, 75 mg bid ..."; "Pain and fever" / "▶ BY MOUTH" /
    "▶ Child 1-3 years: 100 mg ..."). Such a line, straight after a dose heading with no
    text of its own or with doses of that shape, labels the doses under it: it is a line
    of the dose section, not a heading. A heading over text of another shape ("Renal
    Impairment" / "Dose adjusted according to creatinine clearance") stays a heading, and so
    does one under text of another shape ("Directions" / "Adults: take 1 tablet a day" under
    a supplement facts panel) or one the kind table knows."""
    host = None
    n = 0
    while n < len(sections):
        section = sections[n]
        if host is not None and host == n - 1 and _labels_doses(page, section) \
                and (not sections[host]["blocks"] or _population_doses(page, sections[host]["blocks"][-3:])):
            sections[host]["blocks"].append({"paragraph": section["heading"]})
            sections[host]["blocks"].extend(section["blocks"])
            del sections[n]
            continue
        host = n if section["heading"] and not page.markdown and page.kinds.kind_of(section["heading"]) in DOSING_KINDS \
            else None
        n += 1


def _labels_doses(page: _Page, section: dict) -> bool:
    """A plain heading whose first lines of text (paragraphs or list items) give a dose for a population."""
    if not section["heading"] or section.get("run_in") or not section["blocks"] \
            or page.kinds.kind_of(section["heading"]) is not None:
        return False
    return _population_doses(page, section["blocks"][:2], first=3)


def _population_doses(page: _Page, blocks: list[dict], first: int | None = None) -> bool:
    """Whether one of the lines of ``blocks`` (the first ``first`` of them) gives a dose for a population."""
    texts = [t for block in blocks for t in [block.get("paragraph") or ""] + [it["text"] for it in block.get("list", [])]]
    return any(page.kinds.for_population(t) and page.doses(t) for t in texts[:first])


def _last_line_of_run(section: dict) -> bool:
    """The page's last section after bare headings, holding one heading-shaped line: the
    run's last two lines (the page's last line is never read as a heading)."""
    blocks = section["blocks"]
    return bool(section["heading"]) and len(blocks) == 1 and heading_like(blocks[0].get("paragraph") or "")


def _bare_heading(page: _Page, section: dict) -> bool:
    """A plain-text heading line with no text under it."""
    return bool(section["heading"]) and not page.markdown and not section.get("run_in") and not section.get("marker") \
        and not any(_introduces(page, block) for block in section["blocks"])


def _introduces(page: _Page, block: dict) -> bool:
    """Whether a block is text a heading introduces: not chrome, a bare date ('Oct 12,
    2022') or a name ('Lena Ortiz' under 'Copy Edited By')."""
    if not set(block) - {"chrome", "role"}:
        return False
    text = block.get("paragraph")
    return text is None or not (_bare_date(page, text) or _bare_name(page, text))


def _fold_into_chrome(sections: list[dict], n: int, m: int) -> None:
    """Sections n..m-1 (bare headings) become chrome lines of the section before them."""
    lines = []
    for section in sections[n:m]:
        lines.append({"chrome": section["heading"]})
        lines.extend(section["blocks"])
    if n == 0:
        sections[n:m] = [{"heading": None, "level": 1, "kind": "overview", "blocks": lines, "_rule": None, "_own": True}]
    else:
        sections[n - 1]["blocks"].extend(lines)
        del sections[n:m]


def _parents(sections: list[dict]) -> None:
    """A heading printed straight over another heading, with nothing between but an aside
    in brackets ("(Your doctor will choose these; the doses are for adults.)"), is the main
    section of the subsections under it ("2. Before you take it" over "Do not take it";
    "Drug therapies" over "Treating the attack" and "Lowering urate")."""
    for n, section in enumerate(sections[:-1]):
        nxt = sections[n + 1]
        if not (section["heading"] and nxt["heading"] and all(_aside(b) for b in section["blocks"])):
            continue
        if section["level"] == 2 and nxt["level"] == 2:
            section["level"] = 1
        elif section["level"] == 1 and nxt["level"] == 1 and section["blocks"]:
            nxt["level"] = 2


def _lead_in(block: dict) -> bool:
    """A paragraph that only introduces what follows, ending in a colon ("If your pain
    lasts, your GP may offer one of these:"): no text of the section's own."""
    text = (block.get("paragraph") or "").strip() if set(block) == {"paragraph"} else ""
    return 0 < len(text) <= 200 and text.endswith(":")


def _aside(block: dict) -> bool:
    """A paragraph that is one aside in brackets, a note on what follows."""
    text = (block.get("paragraph") or "").strip() if set(block) == {"paragraph"} else ""
    return len(text) > 2 and text[0] == "(" and text[-1] == ")" and text.count("(") == 1


def _kinds_from_content(page: _Page, sections: list[dict], title: str) -> None:
    """A section whose text doses medicines (an amount with how often, a route, a limit
    or a count of a dose form) is a drug section whatever its heading (a supplement
    section on a supplement page), unless its kind rule is ``fixed``. A dosing
    kind from a ``needs_doses`` rule, or inherited from the section above, stays only
    where the section (with its subsections) states a dose."""
    supplement_page = page.kinds.kind_of(title) == "supplements"
    dosing_kind = "supplements" if supplement_page else "drug-therapy"
    rules = [_pop_private(section) for section in sections]
    regimen = [_section_doses(page, s, _regimen) for s in sections]
    stated = [_section_doses(page, s, _stated) for s in sections]
    amounts = [_section_doses(page, s, _amount) for s in sections]
    told = [_section_instructs(page, s) for s in sections]  # "Apply once or twice a day"
    told_one = [told[n] and _section_names_unit(page, s) for n, s in enumerate(sections)]  # "Take your tablet once a day"
    stated = [stated[n] or (told[n] and amounts[n]) for n in range(len(sections))]
    children = _children(sections)
    # a needs_doses kind: the section states an amount (one unit named with an instruction is
    # one), or a subsection doses with how to take it; when or how often alone is no amount
    group = [amounts[n] or regimen[n] or told_one[n] or _kids_dose(sections[n], [stated[k] for k in children[n]])
             for n in range(len(sections))]
    for n, section in enumerate(sections):
        rule, own = rules[n]
        if section["heading"] is None or section["kind"] in ("references", "disclaimer") or (rule and rule.fixed):
            continue
        if supplement_page and rule is not None and rule.on_supplement_page and section["kind"] == rule.kind:
            section["kind"] = rule.on_supplement_page
        if section["kind"] not in DOSING_KINDS:
            if regimen[n] or stated[n]:
                section["kind"] = dosing_kind
        elif (not own and not stated[n]) or (own and rule is not None and rule.needs_doses and not group[n]):
            section["kind"] = "other"  # an inherited dosing kind needs a dose said with how to take it
    _group_kinds(sections, rules, children, dosing_kind, page.kinds)


def _kids_dose(section: dict, kids: list[bool]) -> bool:
    """Whether a dosing heading's subsections make it a dose section: it has no text of
    its own and one of them doses. A leaflet's "How to take Melocam" with a line of its
    own over "How much to take", "When to take it" and "How long to take it" is not the
    dose section; "How much to take" is. A line that only introduces them ("Your GP may
    offer one of these:") or an aside in brackets is no text of its own."""
    return any(kids) and _only_introduces(section)


def _children(sections: list[dict]) -> list[list[int]]:
    """For each main section, the indexes of its subsections (none for a subsection)."""
    out: list[list[int]] = [[] for _ in sections]
    for n, section in enumerate(sections):
        k = n + 1
        while section["level"] == 1 and k < len(sections) and sections[k]["level"] == 2:
            out[n].append(k)
            k += 1
    return out


def _group_kinds(sections: list[dict], rules: list, children: list[list[int]], dosing_kind: str,
                 kinds: KindTable) -> None:
    """A main section whose subsections all dose medicines is the drug section they
    belong to when it has no text of its own, or only an aside in brackets ("Treating a
    flare" straight over "Steroid creams" and "Tablets"; "Drug therapies" over "(Your doctor
    will choose these.)", "Treating the attack" and "Lowering urate"), or when its own text
    tells the reader to take them ("Take treatment as early as possible"). A treatment
    overview whose text describes ("Treatment has two goals ...") is not a dose section: its
    subsections are; nor is a heading over a mix of dosing and other subsections
    ("Treatment" over "Rest", "Painkillers" and "Steroid injections": 99, 100, 109, 110)."""
    for n, section in enumerate(sections):
        rule, _ = rules[n]
        kids = children[n]
        if not kids or section["heading"] is None or section["kind"] in DOSING_KINDS or (rule and rule.fixed):
            continue
        dosing = [sections[k]["kind"] in DOSING_KINDS for k in kids]
        if (_only_introduces(section) or _tells_to_take(kinds, section)) and all(dosing):
            section["kind"] = dosing_kind


def _tells_to_take(kinds: KindTable, section: dict) -> bool:
    return any(kinds.tells_to_take(block.get("paragraph") or block.get("disclaimer") or "") for block in section["blocks"])


def _own_text(section: dict) -> bool:
    """Whether a section prints text of its own (a chrome line, a page marker, is none)."""
    return not all(_chrome(block) for block in section["blocks"])


def _chrome(block: dict) -> bool:
    """A block that is page chrome (a chrome line, a page marker), no text of the section's."""
    return not (set(block) - {"chrome", "role"})


def _only_introduces(section: dict) -> bool:
    """Whether a section's blocks only introduce its subsections: none, chrome, an aside in
    brackets or a lead-in line ending in a colon."""
    return all(_aside(b) or _lead_in(b) or _chrome(b) for b in section["blocks"])


def _pop_private(section: dict) -> tuple:
    rule, own = section.pop("_rule", None), section.pop("_own", False)
    section.pop("_depth", None)
    for block in section["blocks"]:
        block.pop("_next", None)
    return rule, own


def _section_doses(page: _Page, section: dict, counts) -> bool:
    """Whether the section's text states a dose (the dose parser reads one outside a strength list)."""
    if page.parse_doses is None:
        return False
    for block in section["blocks"]:
        texts = [block[k] for k in ("paragraph", "disclaimer") if k in block]
        texts += [f"{e['question']} {e['answer']}" for e in block.get("faq", [])]
        if "pack" not in (block.get("columns") or []):  # a shop's price list ('Pack', 'Price') doses nothing
            texts += [_reading(block, row) for row in block.get("table", []) if "role" not in row]
        if any(_states_dose(page, text, counts) for text in texts):
            return True
        # a list item naming a product with its amount ("Curcumin 500 mg – Eases pain") doses it
        item_counts = counts if counts is _regimen else _amount
        if block.get("style") == "numbered":  # a step of a method: 'Look up and squeeze one drop into the lid'
            item_counts = _in_a_step(item_counts)
        if any(_states_dose(page, it["text"], item_counts) for it in block.get("list", [])):
            return True
    return False


def _in_a_step(counts):
    """``counts`` for the items of a numbered list, where one unit of a dose form said alone
    (or said once) is no dose: the steps of how to put in drops or use an inhaler ('3. Squeeze
    one drop into the pocket', '3. Press down once to release one puff') give the unit each
    step handles; '2. Take 2 tablets' or '1. 10 mg at night' doses."""
    def step_counts(dose: dict) -> bool:
        amount, frequency = dose.get("amount") or {}, dose.get("frequency") or {}
        once = not frequency or (frequency.get("kind") == "single" and not (set(dose) - _BARE_DOSE_KEYS - {"frequency"}))
        one_unit = amount.get("low") == 1 and amount.get("high") is None and amount.get("unit") not in _MASS_UNITS \
            and once and not (set(dose) - _BARE_DOSE_KEYS - {"frequency"})
        return counts(dose) and not one_unit
    return step_counts


def _section_instructs(page: _Page, section: dict) -> bool:
    """Whether the section tells how often to take or use a medicine without an amount
    ('Apply once or twice a day to the inflamed areas only')."""
    for block in section["blocks"]:
        texts = [block[k] for k in ("paragraph",) if k in block] + [it["text"] for it in block.get("list", [])]
        if any(page.kinds.instructs(t) for t in texts):
            return True
    return False


def _section_names_unit(page: _Page, section: dict) -> bool:
    """Whether the section names one unit of a dose form or a measure ('your tablet',
    'fingertip units'), which an instruction in it makes the amount to take."""
    for block in section["blocks"]:
        texts = [block[k] for k in ("paragraph",) if k in block] + [it["text"] for it in block.get("list", [])]
        if any(page.kinds.names_one_unit(t) for t in texts):
            return True
    return False


def _amount(dose: dict) -> bool:
    return bool(dose.get("amount"))


_MASS_UNITS = {"milligram", "gram", "microgram", "nanogram", "kilogram", "milliliter", "liter",
               "international_unit", "unit", "percent"}
_BARE_DOSE_KEYS = {"text", "substance", "amount", "per", "form", "span"}


def _stated(dose: dict) -> bool:
    """An amount said with how to take it (a frequency, a limit, a route, 'as needed', ...),
    or a count of a dose form ('2 puffs', '1 or 2 tablets')."""
    amount = dose.get("amount") or {}
    return bool(amount) and (_regimen(dose) or bool(set(dose) - _BARE_DOSE_KEYS) or (
        "form" in dose and amount.get("unit") not in _MASS_UNITS))


def _states_dose(page: _Page, text: str, counts) -> bool:
    doses = [d for d in page.doses(text) if _measured(d) and not _product_name(d) and (counts(d) or (counts is _stated and (page.kinds.timed(d, text)
                                                                              or page.kinds.named(d, text))))
             and not page.kinds.not_a_dose(d, text)]
    if not doses:
        bare = _without_asides(text)
        return bare != text and _states_dose(page, bare, counts)
    rest = text
    for d in doses:
        rest = rest.replace(d["text"], " ")
    if any(_regimen(d) or d.get("as_needed") for d in doses):
        return True  # "Bacterial vaginosis: 500 mg twice daily", "Senna elixir: 5 ml when needed": a label and how to take it
    label, _, value = rest.partition(":")
    # "Tablets: 250 mg, 500 mg": a label and a list of strengths, not a dose
    return not (value is not None and _ and len(label.split()) <= 5 and not re.search(r"[A-Za-z]{3,}", value))


def _product_name(dose: dict) -> bool:
    """'Pyrexol 650 Tablet', 'Feverin 650 Tablet  ₹29.40 per strip': a brand with its strength
    number and a dose form in the singular, capitalised: the product's name (a count of 650
    tablets would be '650 tablets'), not a dose, when nothing says how to take it."""
    form, amount = dose.get("form") or {}, dose.get("amount") or {}
    raw, low = form.get("raw") or "", amount.get("low")
    return bool(raw[:1].isupper() and not raw.lower().endswith("s") and isinstance(low, (int, float)) and low >= 2
                and dose.get("substance") and not (set(dose) - _BARE_DOSE_KEYS))


def _measured(dose: dict) -> bool:
    """An amount in a unit or a count of a dose form: what a medicine is measured in. A
    bare number read with how often ('Do 3 sets of 15, once or twice a day', exercise
    repetitions) is no evidence that the text doses a medicine."""
    return dose.get("unit_problem") != "missing_unit" or "form" in dose


_ASIDE = re.compile(r"\s?\([^()]{1,120}\)")


def _without_asides(text: str) -> str:
    """``text`` without its parenthesised asides: 'Calcium carbonate (Tums Regular Strength,
    500 mg): chew 2 to 4 tablets ...' read as the regimen it gives, the product's
    strength in brackets aside."""
    return _ASIDE.sub("", text) if "(" in text else text


def _regimen(dose: dict) -> bool:
    return bool(dose.get("frequency") or dose.get("max_per_day") or dose.get("per") == "day")


def _has_more(body: list[str], j: int) -> bool:
    return any(x.strip() for x in body[j:])


def _next_nonblank(body: list[str], j: int) -> int | None:
    while j < len(body):
        if body[j].strip():
            return j
        j += 1
    return None


def _next_is_content(body: list[str], j: int) -> bool:
    """A heading must be followed by something (content or another heading)."""
    return _next_nonblank(body, j) is not None


def _answer_line(body: list[str], j: int, b: _Builder, content: str, markdown: bool) -> int | None:
    """Index of the answer line when the item just read is an FAQ question."""
    if not content.rstrip().endswith("?"):
        return None
    k = _next_nonblank(body, j)
    if k is None:
        return None
    nxt = body[k].strip()
    if nxt in _LONE_MARKERS or _item_prefix(nxt) is not None:
        return None
    if markdown and _MD_HEADING.match(nxt):
        return None
    in_faq = b.current is not None and b.current.get("kind") == "faq"
    if not in_faq and heading_like(nxt):
        return None
    if b.cues.closing_disclaimer(nxt):
        return None
    return k


@lru_cache(maxsize=1)
def _default_dose_parser():
    """The dose parser, as a function text -> list of record mappings (or None if absent)."""
    try:
        from medlint.doses import parse_doses
    except ImportError:  # pragma: no cover
        return None

    def parse(text: str) -> list[dict]:
        records = (d.to_record() for d in parse_doses(text))
        return [r for r in records if _finite(r)]  # "1e999 mg" stays text: no record holds an infinity

    return parse


def _finite(value) -> bool:
    """True when every number in a record mapping is finite (what the loader accepts)."""
    if isinstance(value, float):
        return value == value and value not in (float("inf"), float("-inf"))
    if isinstance(value, dict):
        return all(_finite(v) for v in value.values())
    if isinstance(value, list):
        return all(_finite(v) for v in value)
    return True
