"""The JSON contract (version 1): stable keys, sorted findings, no timestamps."""

from __future__ import annotations

import json

from medlint.findings import Finding

VERSION = 1


def document(findings: list[Finding], summary: dict) -> dict:
    return {"version": VERSION, "findings": [f.to_json() for f in findings], "summary": summary}


def render(findings: list[Finding], summary: dict) -> str:
    return json.dumps(document(findings, summary), indent=2, ensure_ascii=False, sort_keys=False) + "\n"
