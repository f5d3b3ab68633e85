"""SARIF 2.1.0 for code-scanning tools (one run; rules from the check registry).

Each finding is a result located at its record file's line and column, with
the excerpt as the region's snippet. ``partialFingerprints`` carries the
baseline fingerprint (check, article, record, excerpt) so a finding keeps its
identity when unrelated edits move it to another line. Waived findings are
included with an external, accepted suppression whose justification is the
waiver's reason.
"""

from __future__ import annotations

import json
from urllib.parse import quote

from medlint.baseline import fingerprint
from medlint.findings import Finding
from medlint.textsafe import json_inert

SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
LEVEL = {"error": "error", "warning": "warning", "info": "note"}
FINGERPRINT_KEY = "medlint/v1"


def _uri(path: str) -> str:
    return quote(path.replace("\\", "/"), safe="/")


def _rule(info) -> dict:
    rationale = info.rationale or info.name
    short = rationale.strip().split("\n\n", 1)[0]
    return {
        "id": info.id,
        "name": info.name,
        "shortDescription": {"text": " ".join(short.split())},
        "fullDescription": {"text": rationale},
        "help": {"text": info.fix},
        "defaultConfiguration": {"level": LEVEL[info.severity]},
        "properties": {"category": info.category},
    }


def _result(f: Finding, rule_index: dict[str, int]) -> dict:
    text = f.message + (f" Fix: {f.suggestion}" if f.suggestion else "")
    region = {"startLine": max(1, f.line), "startColumn": max(1, f.column)}
    if f.excerpt:
        region["snippet"] = {"text": f.excerpt}
    result = {
        "ruleId": f.check,
        "level": LEVEL.get(f.severity, "warning"),
        "message": {"text": text},
        "locations": [{"physicalLocation": {"artifactLocation": {"uri": _uri(f.path)}, "region": region}}],
        "partialFingerprints": {FINGERPRINT_KEY: fingerprint(f)},
        "properties": {"article": f.article, "record": f.record, "category": f.category},
    }
    if f.check in rule_index:
        result["ruleIndex"] = rule_index[f.check]
    if f.section:
        result["properties"]["section"] = f.section
    return result


def document(findings: list[Finding], registry: dict | None = None, waived=()) -> dict:
    """The SARIF log as data. ``registry``: check ID -> CheckInfo (all checks when None);
    ``waived``: ``(Finding, Waiver)`` pairs, reported as suppressed results."""
    from medlint import __version__

    if registry is None:
        from medlint.registry import all_checks

        registry = all_checks()
    ids = sorted(registry)
    rule_index = {cid: i for i, cid in enumerate(ids)}
    results = [_result(f, rule_index) for f in sorted(findings, key=Finding.sort_key)]
    for f, w in sorted(waived, key=lambda p: Finding.sort_key(p[0])):
        r = _result(f, rule_index)
        expires = getattr(w, "expires", None)
        expires = expires.isoformat() if hasattr(expires, "isoformat") else expires
        r["suppressions"] = [{
            "kind": "external",
            "status": "accepted",
            "justification": f"{getattr(w, 'reason', '')} (accepted by {getattr(w, 'accepted_by', '')}, "
                             f"expires {expires})",
            "properties": {"acceptedBy": getattr(w, "accepted_by", ""), "expires": expires},
        }]
        results.append(r)
    results.sort(key=lambda r: (r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
                                r["locations"][0]["physicalLocation"]["region"]["startLine"],
                                r["locations"][0]["physicalLocation"]["region"]["startColumn"],
                                r["ruleId"], r["message"]["text"], "suppressions" in r))
    return {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "medlint",
                "version": __version__,
                "rules": [_rule(registry[cid]) for cid in ids],
            }},
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    }


def render(findings: list[Finding], summary: dict | None = None, *, registry: dict | None = None,
           waived=()) -> str:
    """SARIF text (deterministic: sorted rules and results, no timestamps); C1 controls,
    separators and bidi controls in it are ``\\u`` escapes, so no terminal acts on them."""
    return json_inert(json.dumps(document(findings, registry, waived), indent=2, ensure_ascii=False)) + "\n"
