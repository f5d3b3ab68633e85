"""Baselines: record today's findings so that CI fails only on new ones.

A finding's fingerprint hashes what identifies the problem -- its check, its
article, its record and its excerpt -- and nothing that moves when unrelated
text is edited (line, column) or that a check author may reword (message,
suggestion, severity). The same excerpt flagged twice in one record gives two
equal fingerprints; the baseline keeps a count so that a third copy is new.

The baseline file is JSON, sorted and free of timestamps, so writing it twice
over the same findings gives the same bytes (and a readable diff in review).
"""

from __future__ import annotations

import hashlib
import json

from medlint.findings import Finding

VERSION = 1


def fingerprint(finding: Finding) -> str:
    """A stable hex digest of (check, article, record, excerpt)."""
    key = json.dumps([finding.check, finding.article, finding.record, finding.excerpt],
                     ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]


def write_baseline(findings: list[Finding]) -> str:
    """The baseline file's text for these findings (deterministic JSON)."""
    entries: dict[str, dict] = {}
    for f in findings:
        fp = fingerprint(f)
        entry = entries.get(fp)
        if entry is None:
            entries[fp] = {"fingerprint": fp, "check": f.check, "article": f.article, "record": f.record,
                           "excerpt": f.excerpt, "count": 1}
        else:
            entry["count"] += 1
    doc = {"version": VERSION, "findings": [entries[k] for k in sorted(entries)]}
    return json.dumps(doc, indent=2, ensure_ascii=False, sort_keys=True) + "\n"


def read_baseline(text: str) -> dict[str, int]:
    """Fingerprint -> count from a baseline file's text; ValueError if it is not one."""
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ValueError(f"baseline is not JSON (line {exc.lineno}: {exc.msg})") from None
    if not isinstance(doc, dict) or doc.get("version") != VERSION or not isinstance(doc.get("findings"), list):
        raise ValueError(f"not a medlint baseline (expected {{\"version\": {VERSION}, \"findings\": [...]}})")
    counts: dict[str, int] = {}
    for i, entry in enumerate(doc["findings"]):
        fp = entry.get("fingerprint") if isinstance(entry, dict) else None
        count = entry.get("count", 1) if isinstance(entry, dict) else None
        if not isinstance(fp, str) or not isinstance(count, int) or isinstance(count, bool) or count < 1:
            raise ValueError(f"baseline entry {i} needs a 'fingerprint' string and a positive 'count'")
        counts[fp] = counts.get(fp, 0) + count
    return counts


class Baseline:
    """The known findings of a baseline file, absorbed one by one as findings arrive."""

    def __init__(self, baseline_text: str) -> None:
        self.remaining = read_baseline(baseline_text)
        self.known = 0

    def absorb(self, finding: Finding) -> bool:
        """True (and one fewer left) when ``finding`` is a known one.

        Each baseline entry absorbs at most ``count`` findings with its
        fingerprint, in the order they arrive (the findings' sorted order).
        """
        fp = fingerprint(finding)
        if self.remaining.get(fp, 0) > 0:
            self.remaining[fp] -= 1
            self.known += 1
            return True
        return False


def filter_new(findings: list[Finding], baseline_text: str) -> tuple[list[Finding], int]:
    """Findings not in the baseline, and how many were known."""
    baseline = Baseline(baseline_text)
    new = [f for f in sorted(findings, key=Finding.sort_key) if not baseline.absorb(f)]
    return new, baseline.known
