"""The article model the checks read.

Every text-bearing record knows where it came from (file, JSON pointer) so the
engine can turn a check's hit into a located finding. Checks only read these
objects; they never see files.
"""

from __future__ import annotations

from dataclasses import dataclass, field
import re
from typing import Iterator


@dataclass(eq=False)
class Record:
    """Something a finding can point at: a file, a pointer and its text fields."""

    path: str = ""
    pointer: str = ""

    #: field name -> pointer suffix of the field's scalar (for locating excerpts)
    def field_pointer(self, name: str) -> str:
        return f"{self.pointer}/{name}" if self.pointer or name else ""

    @property
    def context(self) -> str:  # pragma: no cover - overridden
        return ""


@dataclass(eq=False)
class Item(Record):
    """One list item: its text, the name before a dash, citations and stored doses."""

    text: str = ""
    name: str | None = None
    citations: list[str] = field(default_factory=list)
    doses: list[dict] = field(default_factory=list)
    section: "Section | None" = None

    @property
    def context(self) -> str:
        return self.text


@dataclass(eq=False)
class Row(Item):
    """One row of a table block. ``line`` is the row as printed (the record's ``text``
    on disk); ``text`` is the row as the checks read it (``row_reading``): its cells
    joined with " | ", led by the table's medicine when no column names one. Header
    and rule rows are kept (``role``) but never checked."""

    line: str = ""
    cells: list[str] = field(default_factory=list)
    role: str | None = None  # 'header', 'rule' or None for a data row

    def field_pointer(self, name: str) -> str:
        # ``line`` is the row as printed: on disk it is the record's ``text``.
        return super().field_pointer("text" if name == "line" else name)

    @property
    def context(self) -> str:
        return self.line


@dataclass(eq=False)
class FaqEntry(Record):
    """One question and its answer."""

    question: str = ""
    answer: str = ""
    citations: list[str] = field(default_factory=list)
    section: "Section | None" = None
    note: str | None = None  # a line printed between question and answer (who asked); not checked

    @property
    def text(self) -> str:
        return f"{self.question} {self.answer}".strip()

    @property
    def context(self) -> str:
        return self.text


@dataclass(eq=False)
class Block(Record):
    """A paragraph, disclaimer, list, faq, table or chrome block (chrome is kept, never checked).

    A table's data rows are its ``items`` (so every check that reads items or texts
    reads each row with its own medicine and dose); ``rows`` holds all of them,
    header and rule lines included, in order."""

    type: str = "paragraph"
    text: str = ""  # paragraph, disclaimer and chrome blocks
    role: str | None = None  # chrome blocks: 'byline', 'updated', ... or None for site chrome
    style: str | None = None
    start: int = 1  # numbered lists: the first item's number
    citations: list[str] = field(default_factory=list)
    items: list[Item] = field(default_factory=list)
    entries: list[FaqEntry] = field(default_factory=list)
    rows: list[Row] = field(default_factory=list)
    columns: list[str] = field(default_factory=list)  # tables: what each column holds
    medicine: str | None = None  # tables: the medicine of a table with no medicine column
    section: "Section | None" = None

    def field_pointer(self, name: str) -> str:
        # A paragraph's text lives under its type key.
        if name == "text":
            return f"{self.pointer}/{self.type}"
        return super().field_pointer(name)

    @property
    def context(self) -> str:
        return self.text


@dataclass(eq=False)
class Section(Record):
    """One section record: heading, kind, level and blocks in reading order."""

    heading: str | None = None
    kind: str = "other"
    level: int = 1
    blocks: list[Block] = field(default_factory=list)
    run_in: str | None = None  # the heading is printed at the start of its first paragraph, then this
    marker: str = ""  # an accordion's marker printed before the heading ('+ ')
    index: int = 0
    article: "Article | None" = None

    @property
    def text(self) -> str:
        return self.heading or ""

    def field_pointer(self, name: str) -> str:
        return "/heading" if name in ("text", "heading") else f"/{name}"

    @property
    def context(self) -> str:
        return self.heading or ""

    @property
    def items(self) -> Iterator[Item]:
        for block in self.blocks:
            yield from block.items

    @property
    def faq_entries(self) -> Iterator[FaqEntry]:
        for block in self.blocks:
            yield from block.entries

    @property
    def paragraphs(self) -> Iterator[Block]:
        for block in self.blocks:
            if block.type in ("paragraph", "disclaimer"):
                yield block

    def disclaimers(self) -> Iterator[Block]:
        for block in self.blocks:
            if block.type == "disclaimer":
                yield block

    def text_before(self, block: "Block") -> str | None:
        """What the page prints just before ``block``: the block above it (a list's last
        item), or the heading when ``block`` comes first."""
        above = None
        for candidate in self.blocks:
            if candidate is block:
                break
            above = candidate
        else:
            return self.heading
        if above is None:
            return self.heading
        return above.items[-1].text if above.items else above.text

    def is_empty(self) -> bool:
        """No content: no blocks, or only lines of site chrome."""
        return all(block.type == "chrome" for block in self.blocks)


@dataclass(eq=False)
class Article(Record):
    """One article: metadata (article.yaml) and its sections in reading order."""

    slug: str = ""
    folder: str = ""
    meta: dict = field(default_factory=dict)
    sections: list[Section] = field(default_factory=list)
    worked: dict = field(default_factory=dict, repr=False)  # see once()

    def once(self, build, *data):
        """``build(self, *data)``, worked out once for this article while ``data`` are the
        same objects: the analyses several checks (and the report) read, such as the
        claims reading, reader safety and the article-wide disclaimers. They live on the
        article, so they go when it goes."""
        held = self.worked.get(build)
        if held is None or len(held[0]) != len(data) or any(a is not b for a, b in zip(held[0], data)):
            held = self.worked[build] = (data, build(self, *data))
        return held[1]

    @property
    def title(self) -> str:
        return self.meta.get("title", "")

    @property
    def writer_team(self) -> str | None:
        """The team a byline credits as the writer (``writer_team``): no named author."""
        team = self.meta.get("writer_team")
        return team if isinstance(team, str) and team.strip() else None

    @property
    def text(self) -> str:
        return self.title

    def field_pointer(self, name: str) -> str:
        return "/title" if name in ("text", "title") else f"/{name}"

    @property
    def context(self) -> str:
        return self.title

    def release(self) -> None:
        """Break the parent links (item -> section -> article) once the article is checked,
        so it is freed at once by reference counting instead of waiting for the cyclic
        garbage collector (which runs ever more rarely as a long run's heap grows)."""
        self.worked.clear()
        for section in self.sections:
            section.article = None
            for block in section.blocks:
                block.section = None
                for record in block.items:
                    record.section = None
                for record in block.entries:
                    record.section = None
                for record in block.rows:
                    record.section = None
        self.sections = []

    # Walkers the checks use -------------------------------------------------
    def items(self) -> Iterator[Item]:
        for section in self.sections:
            yield from section.items

    def faq_entries(self) -> Iterator[FaqEntry]:
        for section in self.sections:
            yield from section.faq_entries

    def blocks(self) -> Iterator[Block]:
        for section in self.sections:
            yield from section.blocks

    def texts(self) -> Iterator[Record]:
        """Every record holding running text (paragraphs, disclaimers, items, FAQ entries), in reading order."""
        for section in self.sections:
            for block in section.blocks:
                if block.type in ("paragraph", "disclaimer"):
                    yield block
                yield from block.items
                yield from block.entries


def section_of(record: Record) -> "Section | None":
    if isinstance(record, Section):
        return record
    return getattr(record, "section", None)


def build_section(data: dict, path: str, index: int, article: Article | None = None) -> Section:
    """Turn a validated section mapping into model objects."""
    section = Section(
        path=path,
        pointer="",
        heading=data.get("heading"),
        kind=data.get("kind", "other"),
        level=data.get("level", 1),
        run_in=data.get("run_in"),
        marker=data.get("marker") or "",
        index=index,
        article=article,
    )
    for b, raw in enumerate(data.get("blocks") or []):
        bptr = f"/blocks/{b}"
        btype = next(k for k in ("paragraph", "disclaimer", "list", "faq", "table", "chrome") if k in raw)
        block = Block(path=path, pointer=bptr, type=btype, style=raw.get("style"), start=raw.get("start", 1),
                      citations=list(raw.get("citations") or []), section=section, role=raw.get("role"))
        if btype in ("paragraph", "disclaimer", "chrome"):
            block.text = raw[btype]
        elif btype == "list":
            for i, it in enumerate(raw["list"]):
                block.items.append(Item(
                    path=path, pointer=f"{bptr}/list/{i}", text=it["text"], name=it.get("name"),
                    citations=list(it.get("citations") or []), doses=list(it.get("doses") or []),
                    section=section))
        elif btype == "table":
            _build_table(block, raw, path, bptr, section)
        else:
            for i, qa in enumerate(raw["faq"]):
                block.entries.append(FaqEntry(
                    path=path, pointer=f"{bptr}/faq/{i}", question=qa["question"], answer=qa.get("answer", ""),
                    citations=list(qa.get("citations") or []), section=section, note=qa.get("note")))
        section.blocks.append(block)
    return section


_ALIGNED_GAP = re.compile(r"(?<=\S)[ ]*\.{4,}[ ]*(?=\S)|(?<=\S)[ ]{2,}(?=\S)")  # a dot leader, a run of spaces


def split_cells(line: str, style: str | None) -> list[str]:
    """The cells of a table row as printed: '| a | b |' (pipe; an escaped '\\|' stays in
    its cell), tab-separated (tab), 'Label: value' (label) or aligned columns (aligned)."""
    s = line.strip()
    if style == "tab":
        return [c.strip() for c in re.split(r"\t+", s)]
    if style == "label":
        label, _, value = s.partition(":")
        return [label.strip(), value.strip()]
    if style == "aligned":  # columns set apart by a run of spaces or a dot leader
        return [c.strip() for c in _ALIGNED_GAP.split(s)]
    s = s[1:] if s.startswith("|") else s
    s = s[:-1] if s.endswith("|") and not s.endswith("\\|") else s
    return [c.strip() for c in re.split(r"(?<!\\)\|", s)]


def _build_table(block: Block, raw: dict, path: str, bptr: str, section: Section) -> None:
    """The rows of a table block; the cells are read again from each row's line (the
    line is the source of truth, as an item's text is), so an edit or a fix of the
    line is what the checks see."""
    block.columns = list(raw.get("columns") or [])
    block.medicine = raw.get("medicine")
    for i, r in enumerate(raw["table"]):
        role = r.get("role")
        row = Row(path=path, pointer=f"{bptr}/table/{i}", line=r["text"], role=role,
                  cells=split_cells(r["text"], block.style) if role != "rule" else [], doses=list(r.get("doses") or []),
                  citations=list(r.get("citations") or []), section=section)
        block.rows.append(row)
    for row in block.rows:
        if row.role is None:
            row.text = row.line if block.style == "label" else row_reading(row.cells, block.columns, block.medicine)
            block.items.append(row)
        else:
            row.text = row.line


_PAREN = re.compile(r"\s*\([^()]{0,200}\)")


def row_reading(cells: list[str], columns: list[str], medicine: str | None) -> str:
    """A data row as one text: its cells joined with " | ", so "Paracetamol | 500 mg–1 g |
    every 4–6 hours | max 4 g in 24 h" reads as one dose of its medicine.

    Column meaning comes from ``columns`` (set on import from the header's labels): a
    ``maximum`` cell reads "max …" (``daily-maximum``: "max … in 24 hours"; an amount in
    brackets after the limit restates it and is left out), a
    ``condition`` cell (who the row is for: an age) comes last, after the dose, a
    ``weight`` cell and a ``strength`` cell listing several product strengths are left
    out (they are not doses; the row's line keeps them), and
    the table's ``medicine`` leads a row when no column names one. (A "Label: value"
    row reads as printed.)"""
    parts = [medicine] if medicine and "medicine" not in columns else []
    last = []
    for n, cell in enumerate(cells):
        role = columns[n] if n < len(columns) else "other"
        if cell.strip() in ("", "-", "–", "—") or role == "weight" or (role == "strength" and "," in cell):
            continue
        if role == "condition":
            last.append(_PAREN.sub("", cell).strip())  # "3 to 5 months (over 5 kg)": the age, not the weight
            continue
        if role in ("maximum", "daily-maximum"):
            cell = _PAREN.sub("", cell).strip() or cell  # "10 tablets (3,250 mg)": the same limit restated
            cell = cell if cell[:3].lower() == "max" else f"max {cell}"
            cell = f"{cell} in 24 hours" if role == "daily-maximum" else cell
        parts.append(cell)
    return " | ".join(parts + last)
