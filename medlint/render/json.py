"""The JSON contract (version 1): stable keys, sorted findings, no timestamps."""

from __future__ import annotations

import json

from medlint.findings import Finding

VERSION = 1


def document(findings: list[Finding], summary: dict, articles: list[dict] | None = None, waived=()) -> dict:
    """The contract: ``version``, ``findings``, ``summary``; then ``articles`` (what a
    report shows about each article) and ``waived`` (findings silenced by a waiver,
    each with its ``waiver``), so shard outputs can be merged into one report."""
    doc = {"version": VERSION, "findings": [f.to_json() for f in findings], "summary": summary}
    if articles is not None:
        doc["articles"] = articles
        doc["waived"] = [dict(f.to_json(), waiver=w.to_json()) for f, w in waived]
    return doc


def render(findings: list[Finding], summary: dict, articles: list[dict] | None = None, waived=()) -> str:
    return json.dumps(document(findings, summary, articles, waived), indent=2, ensure_ascii=False) + "\n"
