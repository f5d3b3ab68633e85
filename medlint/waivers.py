"""Waivers: findings a named reviewer accepted, for a limited time.

An article folder may hold ``waivers.yaml`` (validated by
``schema/waivers.schema.json``)::

    waivers:
      - check: CLM001
        record: 230-mainstream-drug-therapies.yaml#/blocks/1/list/0
        excerpt: ">90 %"
        reason: The figure is quoted from the cited trial's abstract.
        accepted_by: Dr A. Rivera, medical reviewer
        expires: 2026-12-31

A waiver silences exactly the findings it matches -- same article, same check,
same ``record`` (when given) and same ``excerpt`` (when given) -- up to and
including its ``expires`` day. From the next day on it no longer silences
anything: the finding counts again and reports list the expired waiver.

A waiver that is invalid (no reason, no accepted_by, a bad date...) silences
nothing and is itself a finding (WAI001); a waiver that matches no finding is
stale and is a finding too (WAI002). Both are located at the waiver's line in
waivers.yaml.

Everything here except :func:`load_waivers` is pure.
"""

from __future__ import annotations

import datetime as _dt
import os
import re
from dataclasses import dataclass

from medlint.checks.waivers import INVALID, STALE  # the IDs live with the checks' definitions
from medlint.findings import Finding

_DEFAULT_SEVERITY = {INVALID: "error", STALE: "warning"}


@dataclass(frozen=True)
class Waiver:
    """One entry of an article's waivers.yaml (valid or not).

    ``errors`` holds ``(message, line, column)`` for every problem found while
    validating the entry; a waiver with errors never silences anything.
    ``index`` is the entry's position in the ``waivers`` list (None for a
    problem with the file as a whole).
    """

    article: str
    path: str
    line: int
    column: int
    index: int | None
    check: str = ""
    record: str | None = None
    excerpt: str | None = None
    reason: str = ""
    accepted_by: str = ""
    expires: _dt.date | None = None
    errors: tuple[tuple[str, int, int], ...] = ()
    accepted_on: _dt.date | None = None     # written by `medlint review`, with decision
    decision: str | None = None

    @property
    def valid(self) -> bool:
        return not self.errors

    @property
    def pointer(self) -> str:
        return "" if self.index is None else f"/waivers/{self.index}"

    def active(self, today: _dt.date) -> bool:
        """True up to and including the expiry day."""
        return self.valid and self.expires is not None and today <= self.expires

    def expired(self, today: _dt.date) -> bool:
        return self.valid and self.expires is not None and today > self.expires

    def matches(self, finding: Finding) -> bool:
        if not self.valid or finding.article != self.article or finding.check != self.check:
            return False
        if self.record is not None and finding.record != self.record:
            return False
        if self.excerpt is not None and finding.excerpt != self.excerpt:
            return False
        return True

    @classmethod
    def from_json(cls, data: dict, article: str) -> "Waiver":
        """A valid waiver back from :meth:`to_json` (merged shard outputs, cache entries)."""
        expires = data.get("expires")
        return cls(article=article, path=data.get("path") or "", line=int(data.get("line") or 1), column=1,
                   index=None, check=data.get("check") or "", record=data.get("record"), excerpt=data.get("excerpt"),
                   reason=data.get("reason") or "", accepted_by=data.get("accepted_by") or "",
                   expires=_dt.date.fromisoformat(expires) if expires else None,
                   accepted_on=_dt.date.fromisoformat(data["accepted_on"]) if data.get("accepted_on") else None,
                   decision=data.get("decision"))

    def to_json(self) -> dict:
        out = {
            "check": self.check,
            "record": self.record,
            "excerpt": self.excerpt,
            "reason": self.reason,
            "accepted_by": self.accepted_by,
            "expires": self.expires.isoformat() if self.expires else None,
            "path": self.path,
            "line": self.line,
        }
        if self.accepted_on is not None:
            out["accepted_on"] = self.accepted_on.isoformat()
        if self.decision is not None:
            out["decision"] = self.decision
        return out


# ---------------------------------------------------------------------------
# parsing


def _friendly(message: str) -> str:
    if "is not valid under any of the given schemas" in message:
        where = message.split(": ", 1)[0] + ": " if message.startswith("'") else ""
        return f"{where}a waiver names the finding's 'record' and/or its 'excerpt'"
    if "does not match '\\\\S'" in message or "does not match '\\S'" in message:
        where = message.split(": ", 1)[0] + ": " if message.startswith("'") else ""
        return f"{where}must not be blank"
    if "should be non-empty" in message or "is too short" in message:
        where = message.split(": ", 1)[0] + ": " if message.startswith("'") else ""
        return f"{where}must not be empty"
    return message


def parse_waivers(text: str, path: str, article: str) -> list[Waiver]:
    """Every waiver in a waivers.yaml text, each with its line and its problems.

    ``path`` is how findings should name the file (relative to the working
    directory, as the engine does); ``article`` is the article's slug.
    """
    from medlint.errors import InputError
    from medlint.records.validate import validate
    from medlint.records.yamlio import load_yaml

    try:
        doc = load_yaml(path, text=text)
    except InputError as exc:
        return [Waiver(article=article, path=path, line=exc.line or 1, column=exc.column or 1, index=None,
                       errors=((exc.message, exc.line or 1, exc.column or 1),))]
    violations = validate(doc, "waivers")
    per_entry: dict[int | None, list[tuple[str, int, int]]] = {}
    for v in violations:
        parts = v.pointer.split("/")
        index = int(parts[2]) if len(parts) >= 3 and parts[1] == "waivers" and parts[2].isdigit() else None
        bucket = per_entry.setdefault(index, [])
        if all((line, col) != (v.line, v.column) for _, line, col in bucket):  # one problem per spot
            message = re.sub(r"^'waivers/\d+/", "'", re.sub(r"^'waivers/\d+': ", "", _friendly(v.message)))
            bucket.append((message, v.line, v.column))
    out: list[Waiver] = []
    if None in per_entry:
        out.append(Waiver(article=article, path=path, line=per_entry[None][0][1], column=per_entry[None][0][2],
                          index=None, errors=tuple(per_entry[None])))
    data = doc.data if isinstance(doc.data, dict) else {}
    entries = data.get("waivers") if isinstance(data.get("waivers"), list) else []
    for i, entry in enumerate(entries):
        line, col = doc.mark(f"/waivers/{i}")
        errors = tuple(per_entry.get(i, ()))
        if not isinstance(entry, dict):
            if not errors:
                errors = (("a waiver is a mapping of check, record/excerpt, reason, accepted_by, expires", line, col),)
            out.append(Waiver(article=article, path=path, line=line, column=col, index=i, errors=errors))
            continue
        expires, accepted_on = _date(entry.get("expires")), _date(entry.get("accepted_on"))
        out.append(Waiver(
            article=article, path=path, line=line, column=col, index=i,
            check=entry.get("check") if isinstance(entry.get("check"), str) else "",
            record=entry.get("record") if isinstance(entry.get("record"), str) else None,
            excerpt=entry.get("excerpt") if isinstance(entry.get("excerpt"), str) else None,
            reason=entry.get("reason").strip() if isinstance(entry.get("reason"), str) else "",
            accepted_by=entry.get("accepted_by").strip() if isinstance(entry.get("accepted_by"), str) else "",
            expires=expires,
            errors=errors,
            accepted_on=accepted_on,
            decision=entry.get("decision") if isinstance(entry.get("decision"), str) else None,
        ))
    return out


def _date(raw) -> _dt.date | None:
    if isinstance(raw, str):
        try:
            return _dt.date.fromisoformat(raw)
        except ValueError:
            return None
    return None


def load_waivers(folder: str, raw: bytes | None = None) -> list[Waiver]:
    """The waivers of one article folder (empty when it has no waivers.yaml).

    ``raw``: the bytes of its waivers.yaml, when already read (records.store.read_folder)."""
    from medlint.errors import InputError
    from medlint.records.store import WAIVERS_FILE
    from medlint.records.yamlio import read_text

    full = os.path.join(folder, WAIVERS_FILE)
    if raw is None and not os.path.isfile(full):
        return []
    rel = os.path.relpath(full)
    path = full if rel.startswith("..") else rel
    slug = os.path.basename(os.path.normpath(folder))
    try:
        text = read_text(full, raw)
    except InputError as exc:
        return [Waiver(article=slug, path=path, line=exc.line or 1, column=exc.column or 1, index=None,
                       errors=((exc.message, exc.line or 1, exc.column or 1),))]
    return parse_waivers(text, path, slug)


# ---------------------------------------------------------------------------
# applying


def _severity(check_id: str) -> str:
    try:
        from medlint.registry import get

        info = get(check_id)
    except Exception:  # pragma: no cover - registry unavailable
        info = None
    return info.severity if info is not None else _DEFAULT_SEVERITY[check_id]


def _problem(w: Waiver, check_id: str, message: str, suggestion: str, line: int, column: int,
             excerpt: str) -> Finding:
    return Finding(
        check=check_id, category="review", severity=_severity(check_id), path=w.path, line=line, column=column,
        article=w.article, record=f"{os.path.basename(w.path)}#{w.pointer}", section=None, excerpt=excerpt,
        context="", message=message, suggestion=suggestion)


def apply_waivers(findings: list[Finding], waivers_by_article: dict[str, list[Waiver]], today: _dt.date
                  ) -> tuple[list[Finding], list[tuple[Finding, Waiver]], list[Finding]]:
    """Split findings into open and waived; report invalid and stale waivers.

    Returns ``(open_findings, waived, problems)``: ``waived`` pairs each
    silenced finding with the first active waiver (in file order) that matches
    it; ``problems`` are WAI001/WAI002 findings about the waivers themselves
    (not included in ``open_findings``; add them before counting).
    """
    open_findings: list[Finding] = []
    waived: list[tuple[Finding, Waiver]] = []
    matched: set[tuple[str, str, int | None]] = set()
    for f in sorted(findings, key=Finding.sort_key):
        hit = None
        for w in waivers_by_article.get(f.article, ()):
            if w.matches(f):
                matched.add((w.article, w.path, w.index))
                if hit is None and w.active(today):
                    hit = w
        if hit is None:
            open_findings.append(f)
        else:
            waived.append((f, hit))
    problems: list[Finding] = []
    for slug in sorted(waivers_by_article):
        for w in waivers_by_article[slug]:
            if not w.valid:
                for message, line, col in w.errors:
                    problems.append(_problem(
                        w, INVALID, f"Invalid waiver: {message}.",
                        "Give the waiver a check, the finding's record and/or excerpt, a reason, "
                        "accepted_by and an expires date (YYYY-MM-DD); until then it waives nothing.",
                        line, col, w.check))
            elif (w.article, w.path, w.index) not in matched:
                target = w.record or w.excerpt or ""
                problems.append(_problem(
                    w, STALE, f"Waiver for {w.check} at \"{target}\" matches no finding.",
                    "Remove the waiver (the finding is gone), or correct its check, record or excerpt "
                    "to the finding's current values (`medlint check --format json` shows them).",
                    w.line, w.column, target))
    problems.sort(key=Finding.sort_key)
    return open_findings, waived, problems


def expired_waivers(waivers_by_article: dict[str, list[Waiver]], today: _dt.date) -> list[Waiver]:
    """Valid waivers whose expiry day has passed (reports list them)."""
    out = [w for slug in sorted(waivers_by_article) for w in waivers_by_article[slug] if w.expired(today)]
    return sorted(out, key=lambda w: (w.article, w.path, w.line, w.column))
