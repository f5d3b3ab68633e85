"""The article model the checks read.

Every text-bearing record knows where it came from (file, JSON pointer) so the
engine can turn a check's hit into a located finding. Checks only read these
objects; they never see files.
"""

from __future__ import annotations

from dataclasses import dataclass, field
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
    """A paragraph, disclaimer, list, faq or chrome block (chrome is kept, never checked)."""

    type: str = "paragraph"
    text: str = ""  # paragraph, disclaimer and chrome blocks
    role: str | None = None  # chrome blocks: 'byline', 'updated', ... or None for site chrome
    style: str | None = None
    start: int = 1  # numbered lists: the first item's number
    citations: list[str] = field(default_factory=list)
    items: list[Item] = field(default_factory=list)
    entries: list[FaqEntry] = field(default_factory=list)
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

    @property
    def title(self) -> str:
        return self.meta.get("title", "")

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
        for section in self.sections:
            section.article = None
            for block in section.blocks:
                block.section = None
                for record in block.items:
                    record.section = None
                for record in block.entries:
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
        index=index,
        article=article,
    )
    for b, raw in enumerate(data.get("blocks") or []):
        bptr = f"/blocks/{b}"
        btype = next(k for k in ("paragraph", "disclaimer", "list", "faq", "chrome") if k in raw)
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
        else:
            for i, qa in enumerate(raw["faq"]):
                block.entries.append(FaqEntry(
                    path=path, pointer=f"{bptr}/faq/{i}", question=qa["question"], answer=qa.get("answer", ""),
                    citations=list(qa.get("citations") or []), section=section, note=qa.get("note")))
        section.blocks.append(block)
    return section
