"""Decompose a plain-text or Markdown article into record mappings.

The structure is inferred from the text: headings are short bare lines (or
Markdown ``#`` lines), list items follow a lone marker line or start with one,
FAQ entries are a question item followed by its answer line, and byline and
date lines before or after the body go to the metadata. Every word of the
source ends up in exactly one record field, in order, so ``export`` can give
the same word sequence back.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from medlint.dates import find_date
from medlint.importer.cues import ImportCues, KindTable

_PREFIX_ITEM = [
    ("dash", re.compile(r"^-\s+(?=\S)")),
    ("bullet", re.compile(r"^•\s*(?=\S)")),
    ("star", re.compile(r"^\*\s+(?=\S)")),
    ("star", re.compile(r"^\+\s+(?=\S)")),
    ("numbered", re.compile(r"^\d{1,3}\.\s+(?=\S)")),
    ("numbered-paren", re.compile(r"^\d{1,3}\)\s+(?=\S)")),
]
_LONE_MARKERS = {"-": "dash-line", "•": "dash-line", "*": "dash-line", "–": "dash-line"}
_GLUED_MARKER = re.compile(r"\s+[-•]$")
_NAME_SPLIT = re.compile(r"\s+[–—]\s+|\s+-\s+")
_MD_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")


def heading_like(line: str) -> bool:
    """A short, unpunctuated, capitalised line reads as a heading."""
    s = line.strip()
    if not s or len(s) > 90:
        return False
    if s[-1] in ".,;:!" or s[0] in "(-•*[" or s[0].islower():
        return False
    return len(s.split()) <= 12


@dataclass
class _Builder:
    cues: ImportCues
    kinds: KindTable
    markdown: bool
    sections: list[dict] = field(default_factory=list)
    current: dict | None = None
    parent_kind: str | None = None
    open_block: dict | None = None

    # sections -------------------------------------------------------------
    def start_section(self, heading: str | None, md_depth: int | None = None, kind: str | None = None) -> None:
        matched = kind or (self.kinds.kind_of(heading) if heading else None)
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
        elif matched is None or (matched == self.parent_kind and self.current is not None and self.current.get("heading")):
            level, kind = 2, matched or self.parent_kind or "other"
        else:
            level, kind = 1, matched
            self.parent_kind = kind
        self.current = {"heading": heading, "level": level, "kind": kind, "blocks": []}
        self.sections.append(self.current)
        self.open_block = None

    def _ensure_section(self) -> dict:
        if self.current is None:
            self.start_section(None)
        return self.current

    # blocks ---------------------------------------------------------------
    def paragraph(self, text: str) -> None:
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

    def item(self, text: str, style: str, parse_doses, number: int | None = None) -> None:
        section = self._ensure_section()
        block = self.open_block
        restart = number is not None and block is not None and number != block.get("_next")
        if block is None or "list" not in block or block.get("style") != style or restart:
            block = {"style": style}
            if number is not None and number != 1:
                block["start"] = number
            block["list"] = []
            section["blocks"].append(block)
            self.open_block = block
        if number is not None:
            block["_next"] = number + 1
        record = {"text": text}
        m = _NAME_SPLIT.search(text)
        if m and 0 < m.start() <= 120:
            record["name"] = text[: m.start()]
        if parse_doses is not None:
            doses = parse_doses(text)
            if doses:
                record["doses"] = doses
        block["list"].append(record)

    def faq(self, question: str, answer: str, style: str) -> None:
        section = self._ensure_section()
        block = self.open_block
        if block is None or "faq" not in block or block.get("style") != style:
            block = {"style": style, "faq": []}
            section["blocks"].append(block)
            self.open_block = block
        block["faq"].append({"question": question, "answer": answer})

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


def decompose(text: str, *, slug: str, markdown: bool = False, title: str | None = None,
              source_name: str | None = None, cues: ImportCues | None = None,
              kinds: KindTable | None = None, parse_doses=None) -> tuple[dict, list[dict]]:
    """Article text -> (article metadata mapping, list of section mappings)."""
    cues = cues or ImportCues.load()
    kinds = kinds or KindTable.load()
    lines = [ln.rstrip() for ln in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    # Drop blank lines at both ends.
    while lines and not lines[-1].strip():
        lines.pop()
    start = 0
    while start < len(lines) and not lines[start].strip():
        start += 1
    lines = lines[start:]

    meta: dict = {"title": title or "", "slug": slug, "language": "en"}
    title_line = False
    i = 0
    # Title: a Markdown '# ' line, or a leading heading-like line that is not a known section.
    if lines:
        first = lines[0].strip()
        m = _MD_HEADING.match(first) if markdown else None
        if m and len(m.group(1)) == 1:
            meta["title"] = m.group(2)
            title_line, i = True, 1
        elif not markdown and heading_like(first) and kinds.kind_of(first) is None and len(lines) > 1 \
                and lines[1].strip() and lines[1].strip() not in _LONE_MARKERS and _item_prefix(lines[1].strip()) is None \
                and not heading_like(lines[1]):
            meta["title"] = first
            title_line, i = True, 1
    if not meta["title"]:
        meta["title"] = slug.replace("-", " ").strip().capitalize()

    # Header lines (byline, dates) right after the title; footer lines at the end.
    header: list[dict] = []
    while i < len(lines):
        s = lines[i].strip()
        if not s:
            i += 1
            continue
        role = cues.meta_role(_strip_emphasis(s))
        if role is None:
            break
        header.append({"role": role, "text": lines[i]})
        i += 1
    end = len(lines)
    footer: list[dict] = []
    while end > i:
        s = lines[end - 1].strip()
        if not s:
            end -= 1
            continue
        role = cues.meta_role(_strip_emphasis(s))
        if role is None:
            break
        footer.insert(0, {"role": role, "text": lines[end - 1]})
        end -= 1

    b = _Builder(cues=cues, kinds=kinds, markdown=markdown)
    body = lines[i:end]
    pending_marker = False
    in_paragraph = False  # markdown: joining wrapped lines
    n = len(body)
    j = 0
    while j < n:
        raw = body[j]
        s = raw.strip()
        j += 1
        if not s:
            in_paragraph = False
            continue
        if s in _LONE_MARKERS:
            pending_marker = True
            in_paragraph = False
            continue
        if markdown:
            m = _MD_HEADING.match(s)
            if m:
                b.start_section(m.group(2), md_depth=len(m.group(1)))
                in_paragraph = False
                pending_marker = False
                continue
        style = None
        content = s
        number = None
        if pending_marker:
            style = "dash-line"
            pending_marker = False
        else:
            pref = _item_prefix(s)
            if pref is not None:
                style, content = pref
                if style.startswith("numbered"):
                    number = _number(s)
        if style is None and not markdown and s.endswith("?") and b.current is not None \
                and b.current.get("kind") == "faq" and b.current.get("heading") != s:
            # an FAQ printed without markers: the question line, then its answer line
            answer_idx = _answer_line(body, j, b, s, markdown)
            if answer_idx is not None:
                b.faq(s, body[answer_idx].strip(), "plain")
                j = answer_idx + 1
                continue
        if style is not None:
            in_paragraph = False
            glued = False
            if style == "dash-line" and _GLUED_MARKER.search(content) and _has_more(body, j):
                content = _GLUED_MARKER.sub("", content)
                glued = True
            answer_idx = _answer_line(body, j, b, content, markdown) if not glued else None
            if answer_idx is not None:
                answer = body[answer_idx].strip()
                j = answer_idx + 1
                if style == "dash-line" and _GLUED_MARKER.search(answer) and _has_more(body, j):
                    answer = _GLUED_MARKER.sub("", answer)
                    glued = True
                b.faq(content, answer, style)
            else:
                b.item(content, style, parse_doses, number)
            pending_marker = glued
            continue
        if markdown:
            if in_paragraph and b.current is not None and b.current["blocks"] and b.open_block is None:
                b.append_to_paragraph(s)
                continue
            b.paragraph(s)
            in_paragraph = True
            continue
        if heading_like(s) and not b.cues.closing_disclaimer(s) and _next_is_content(body, j):
            b.start_section(s)
            continue
        b.paragraph(s)

    for section in b.sections:
        for block in section["blocks"]:
            block.pop("_next", None)
    meta_out: dict = {"title": meta["title"], "slug": slug, "language": "en"}
    authors, reviewers = [], []
    for line in header + footer:
        if line["role"] == "byline":
            a, r = cues.people(line["text"])
            authors += a
            reviewers += r
    if authors:
        meta_out["authors"] = authors
    if reviewers:
        meta_out["reviewers"] = reviewers
    for line in header + footer:
        found = find_date(line["text"])
        if found and line["role"] in ("updated", "reviewed", "next-review"):
            key = {"updated": "updated", "reviewed": "last_reviewed", "next-review": "next_review"}[line["role"]]
            meta_out.setdefault(key, found[0].isoformat())
    meta_out["source"] = {"format": "markdown" if markdown else "text", "title_line": title_line}
    if source_name:
        meta_out["source"]["file"] = source_name
    if header:
        meta_out["header"] = header
    if footer:
        meta_out["footer"] = footer
    return meta_out, b.sections


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
