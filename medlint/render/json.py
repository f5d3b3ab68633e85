"""The JSON contract (version 1): stable keys, sorted findings, no timestamps.

Text stays UTF-8; what a terminal, a log or a JavaScript parser may act on
(DEL, C1 controls, U+2028/U+2029, bidi controls, ``##[``) is written as a
``\\uXXXX`` escape (:func:`medlint.textsafe.json_inert`): the same data.

:func:`render` builds the document in memory; :class:`Stream` writes the very
same bytes while findings arrive article by article, so a corpus of any size
is rendered without holding its findings.
"""

from __future__ import annotations

import json
import tempfile

from medlint.findings import Finding
from medlint.textsafe import json_inert

VERSION = 1


def document(findings: list[Finding], summary: dict, articles: list[dict] | None = None, waived=()) -> dict:
    """The contract: ``version``, ``findings``, ``summary``; then ``articles`` (what a
    report shows about each article) and ``waived`` (findings silenced by a waiver,
    each with its ``waiver``), so shard outputs can be merged into one report."""
    doc = {"version": VERSION, "findings": [f.to_json() for f in findings], "summary": summary}
    if articles is not None:
        doc["articles"] = articles
        doc["waived"] = [waived_json(f, w) for f, w in waived]
    return doc


def waived_json(f: Finding, w) -> dict:
    return dict(f.to_json(), waiver=w.to_json())


def render(findings: list[Finding], summary: dict, articles: list[dict] | None = None, waived=()) -> str:
    return _dumps(document(findings, summary, articles, waived)) + "\n"


def _dumps(value) -> str:
    """Indented JSON, UTF-8 kept; DEL, C1, U+2028/U+2029 and bidi controls escaped (json_inert): JSON
    allows them raw, but a JavaScript consumer reads U+2028 as a line end and a terminal obeys C1."""
    return json_inert(json.dumps(value, indent=2, ensure_ascii=False))


def _element(value) -> str:
    """``value`` as an element of a top-level list (indented two levels)."""
    return "    " + _dumps(value).replace("\n", "\n    ")


class Stream:
    """Write the document of :func:`render` piece by piece (same bytes)."""

    def __init__(self, out) -> None:
        self.out = out
        self.first = True
        self.articles = tempfile.TemporaryFile("w+", encoding="utf-8")  # spooled: they come last
        self.waived = tempfile.TemporaryFile("w+", encoding="utf-8")
        self.n_articles = 0
        self.n_waived = 0
        out.write('{\n  "version": %d,\n  "findings": [' % VERSION)

    def findings(self, findings) -> None:
        for f in findings:
            self.out.write(("\n" if self.first else ",\n") + _element(f.to_json()))
            self.first = False

    def article(self, info: dict, waived=()) -> None:
        self.articles.write(("" if not self.n_articles else ",\n") + _element(info))
        self.n_articles += 1
        for f, w in waived:
            self.waived.write(("" if not self.n_waived else ",\n") + _element(waived_json(f, w)))
            self.n_waived += 1

    def close(self, summary: dict) -> None:
        out = self.out
        out.write("\n  ],\n" if not self.first else "],\n")
        out.write('  "summary": ' + _dumps(summary).replace("\n", "\n  ") + ",\n")
        for key, spool, n, last in (("articles", self.articles, self.n_articles, False),
                                    ("waived", self.waived, self.n_waived, True)):
            if n:
                out.write(f'  "{key}": [\n')
                spool.seek(0)
                while True:
                    chunk = spool.read(1 << 16)
                    if not chunk:
                        break
                    out.write(chunk)
                out.write("\n  ]")
            else:
                out.write(f'  "{key}": []')
            out.write("\n" if last else ",\n")
            spool.close()
        out.write("}\n")
