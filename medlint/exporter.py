"""``medlint export``: reassemble an article's text from its records.

The text form rebuilds the page as the site prints it (bare headings, the
list's own markers); the Markdown form uses Markdown headings and markers.
Both keep every word of every record, in reading order.
"""

from __future__ import annotations

import re

from medlint.records.model import Article

_TEXT_MARKERS = {"dash": "- ", "bullet": "• ", "star": "* ", "plus": "+ "}
_LINE_MARKERS = {"dash-line": "-", "bullet-line": "•", "star-line": "*", "en-dash-line": "–"}


def _marker(style: str | None, n: int, markdown: bool) -> tuple[str | None, str]:
    """(line before the item, prefix of the item line)."""
    if style == "numbered":
        return None, f"{n}. "
    if style == "numbered-paren":
        return None, f"{n}) " if not markdown else f"{n}. "
    if markdown:
        return None, "- "
    if style == "plain":
        return None, ""
    if style in _LINE_MARKERS or style is None:
        return _LINE_MARKERS.get(style, "-"), ""
    return None, _TEXT_MARKERS.get(style, "- ")


def export_article(article: Article, fmt: str = "text") -> str:
    md = fmt == "md"
    meta = article.meta
    out: list[str] = []

    def para(text: str) -> None:
        out.append(text)
        if md:
            out.append("")

    for line in meta.get("preamble", []):
        para(line["text"])
    source = meta.get("source", {})  # a Markdown page that printed no title gets none back
    if source.get("title_line", False) or (md and source.get("format") != "markdown"):
        out.append(f"# {article.title}" if md else article.title)
        if md:
            out.append("")
    for line in meta.get("header", []):
        para(line["text"])
    for section in article.sections:
        run_in = _run_in(section, md)
        if section.heading is not None and not run_in:
            if md:
                out.append(f"{'##' if section.level == 1 else '###'} {section.heading}")
                out.append("")
            else:
                out.append(section.marker + section.heading)
        for n, block in enumerate(section.blocks):
            if block.type in ("paragraph", "disclaimer", "chrome"):
                para(section.heading + section.run_in + block.text if run_in and n == 0 else block.text)
                continue
            if block.type == "table":
                out.extend(row.line for row in block.rows)
                if md:
                    out.append("")
                continue
            if block.type == "faq" and block.style == "heading":
                _heading_faq(block, md, out)
                continue
            records = block.items if block.type == "list" else block.entries
            for n, rec in enumerate(records, start=block.start):
                before, prefix = _marker(block.style, n, md)
                if before is not None:
                    out.append(before)
                if block.type == "list":
                    out.append(prefix + rec.text)
                else:
                    out.append(prefix + rec.question)
                    if rec.note:
                        out.append(rec.note)
                    out.append(("  " if md and prefix else "") + rec.answer if rec.answer else "")
            if md:
                out.append("")
    for line in meta.get("footer", []):
        para(line["text"])
    text = "\n".join(out)
    text = re.sub(r"\n{3,}", "\n\n", text).strip("\n")
    return text + "\n"


def _run_in(section, md: bool) -> bool:
    """Whether the section's heading is printed on its first paragraph's line ('USES: ...')."""
    return (not md and section.heading is not None and bool(section.run_in) and bool(section.blocks)
            and section.blocks[0].type in ("paragraph", "disclaimer"))


def _heading_faq(block, md: bool, out: list[str]) -> None:
    """FAQ entries whose questions were headings: '### Question?' then the answer."""
    for rec in block.entries:
        out.append(f"### {rec.question}" if md else rec.question)
        if md:
            out.append("")
        if rec.answer:
            out.append(rec.answer)
            if md:
                out.append("")


_MARKUP_TOKEN = re.compile(r"^(#{1,6}|[-*+•]|\d{1,3}[.)]|={3,}|-{3,})$")


def words(text: str, markup: bool = False) -> list[str]:
    """The word sequence of a text (whitespace-separated tokens).

    With ``markup`` true, Markdown heading marks (``#``, setext underlines) and list markers are dropped,
    so a Markdown source and its Markdown export compare on their words alone.
    """
    tokens = text.split()
    if markup:
        tokens = [t for t in tokens if not _MARKUP_TOKEN.match(t)]
    return tokens
