"""Member posts: the texts of a forum thread that the site's members wrote.

A page is a thread when at least ``min_headers`` of its lines - a section heading, a
paragraph that is only a header, a line the importer kept as chrome, or a header line the
importer kept with the page's bylines - name a member and when they posted
(``checks/posts.yaml``): "backpain_bex · 3 days ago", "Pharmacist_Amira · Verified
pharmacist · 2 days ago". Every running text from the first such header on is a member
post. The notation and reader-safety checks leave posts alone (editors publish members'
words as written, and a member's "my GP put me on naproxen 500mg" is not the page dosing a
medicine); the dose checks read them like any text.
"""

from __future__ import annotations

import re

from medlint.policy import compile_pattern, derived
from medlint.records.model import Article


class _Headers:
    """checks/posts.yaml compiled once per data mapping."""

    def __init__(self, data: dict):
        self.min_headers = data["min_headers"]
        self.patterns = [compile_pattern(p, re.I) for p in data["headers"]]

    def is_header(self, line: str | None) -> bool:
        line = (line or "").strip()
        return bool(line) and len(line) <= 160 and any(p.match(line) for p in self.patterns)


def member_posts(article: Article, ctx) -> frozenset:
    """The records of ``article`` that are members' posts (empty unless the page is a thread)."""
    return article.once(_posts, derived(_Headers, ctx.data("posts")))


def _posts(article: Article, headers: _Headers) -> frozenset:
    marks = []  # (section index, block index) of each header, in reading order
    # a header the importer kept with the page's header lines (read as the post's date) opens
    # the body: the first post starts with it
    for line in (article.meta.get("header") or []) + (article.meta.get("preamble") or []):
        if isinstance(line, dict) and headers.is_header(line.get("text")):
            marks.append((0, -1))
    for s, section in enumerate(article.sections):
        if headers.is_header(section.heading):
            marks.append((s, -1))
        for b, block in enumerate(section.blocks):
            # a paragraph that is only a header, or a header the importer kept as chrome
            if block.type in ("paragraph", "chrome") and headers.is_header(block.text):
                marks.append((s, b))
    if len(marks) < headers.min_headers:
        return frozenset()
    first = min(marks)
    posts = set()
    for s, section in enumerate(article.sections):
        for b, block in enumerate(section.blocks):
            if (s, b) < first:
                continue
            posts.add(block)
            posts.update(block.items)
            posts.update(block.entries)
            posts.update(block.rows)
    return frozenset(posts)
