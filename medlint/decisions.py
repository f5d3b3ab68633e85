"""The review board's decisions, recorded: ``medlint review DECISIONS.yaml``.

A decisions file (``schema/decisions.schema.json``) names one reviewer, the
day, and a decision per finding by the ID the report shows on its card::

    reviewer: Dr A. Rivera, medical reviewer
    date: 2026-11-25
    decisions:
      - id: 2690ba130a6f
        decision: accept
        reason: The label's own maximum for this salt; reference added in the next edit.
      - id: c51e27fc51c0
        decision: fix

Accepted and waived findings become entries of their article's
``waivers.yaml`` (check, record, excerpt, reason, accepted_by, accepted_on,
decision, expires), appended to what is there; ``fix`` writes nothing (the
finding stays open until the text changes). Everything is checked before
anything is written: a bad file, an ID that names no open finding (or
several), a decision without a reason, a date in the past -- each stops the
command with one located line (exit 2) and no file changed. Each
``waivers.yaml`` is written atomically and is read back and validated against
``schema/waivers.schema.json`` before it is written. A finding already waived
is skipped, so running the same file twice changes nothing.
"""

from __future__ import annotations

import datetime as _dt
import json
import os
import re
from dataclasses import dataclass, field

from medlint.errors import InputError

RECORDING = ("accept", "waive")
_RECORD = re.compile(r"[^#/]+\.yaml#(/.*)?")  # a waiver's record (schema/waivers.schema.json)
_DEFAULT_MONTHS = {"accept": 12, "waive": 3}  # checks/report.yaml decisions overrides them


@dataclass(frozen=True)
class Decision:
    id: str
    decision: str
    reason: str
    expires: _dt.date | None
    line: int
    column: int


@dataclass(frozen=True)
class Decisions:
    path: str
    reviewer: str
    date: _dt.date | None
    entries: tuple[Decision, ...]


@dataclass
class Plan:
    """What a decisions file will do: new waiver entries per article folder."""

    entries: dict[str, list[dict]] = field(default_factory=dict)   # folder -> waiver mappings
    skipped: list[Decision] = field(default_factory=list)          # already waived
    to_fix: list[Decision] = field(default_factory=list)


def _date(value, path: str, line: int, column: int, what: str) -> _dt.date | None:
    if value is None:
        return None
    try:
        return _dt.date.fromisoformat(value)
    except ValueError:
        raise InputError(f"{what} {value!r} is not a date (YYYY-MM-DD)", path, line, column) from None


def load_decisions(path: str) -> Decisions:
    """Read and validate a decisions file; the first problem is an InputError at its place."""
    from medlint.records.validate import validate
    from medlint.records.yamlio import load_yaml, read_text

    doc = load_yaml(path, text=read_text(path))
    problems = validate(doc, "decisions")
    if problems:
        v = problems[0]
        raise InputError(f"invalid decisions: {v.message}", path, v.line, v.column)
    data = doc.data
    date = _date(data.get("date"), path, *doc.mark("/date"), "date")
    entries, seen = [], {}
    for i, entry in enumerate(data["decisions"]):
        line, col = doc.mark(f"/decisions/{i}")
        if entry["id"] in seen:
            raise InputError(f"finding {entry['id']} is decided twice (first at line {seen[entry['id']]})",
                             path, line, col)
        seen[entry["id"]] = line
        if entry["decision"] in RECORDING and not entry.get("reason"):
            raise InputError(f"decision {entry['decision']} needs a reason (why the finding is acceptable)",
                             path, line, col)
        expires = _date(entry.get("expires"), path, *doc.mark(f"/decisions/{i}/expires"), "expires")
        entries.append(Decision(entry["id"], entry["decision"], (entry.get("reason") or "").strip(), expires,
                                line, col))
    return Decisions(path, data["reviewer"].strip(), date, tuple(entries))


def _by_fingerprint(findings) -> dict[str, list]:
    from medlint.baseline import fingerprint

    out: dict[str, list] = {}
    for f in findings:
        out.setdefault(fingerprint(f), []).append(f)
    return out


def _lookup(decision: Decision, index: dict[str, list], path: str) -> list:
    """The findings a decision's ID names (all with one fingerprint), or an InputError."""
    prefix = decision.id.split("-", 1)[0]
    keys = [k for k in index if k.startswith(prefix)]
    if len(keys) > 1:
        raise InputError(f"ID {decision.id} names {len(keys)} different findings; give more of its digits",
                         path, decision.line, decision.column)
    return index[keys[0]] if keys else []


def plan_decisions(decisions: Decisions, result, today: _dt.date, months: dict | None = None) -> Plan:
    """Match every decision with the run's open findings and build the waiver entries."""
    from medlint.checks.waivers import INVALID, STALE

    months = {**_DEFAULT_MONTHS, **(months or {})}
    day = decisions.date or today
    folders = {a.slug: a.folder for a in result.articles}
    open_index = _by_fingerprint(result.findings)
    waived_index = _by_fingerprint(f for f, _ in result.waived)
    plan = Plan()
    for d in decisions.entries:
        hits = _lookup(d, open_index, decisions.path)
        if not hits:
            if _lookup(d, waived_index, decisions.path):
                plan.skipped.append(d)
                continue
            raise InputError(f"no open finding has ID {d.id} (the report shows each finding's ID on its card)",
                             decisions.path, d.line, d.column)
        f = hits[0]
        if d.decision == "fix":
            plan.to_fix.append(d)
            continue
        if f.check in (INVALID, STALE):
            raise InputError(f"{f.check} is about waivers.yaml itself and cannot be waived; correct the waiver",
                             decisions.path, d.line, d.column)
        expires = d.expires or _add_months(day, months[d.decision])
        if expires < day:
            raise InputError(f"expires {expires.isoformat()} is before the decision's date {day.isoformat()}",
                             decisions.path, d.line, d.column)
        plan.entries.setdefault(folders[f.article], []).append(_waiver(f, d, decisions.reviewer, day, expires))
    return plan


def _add_months(day: _dt.date, n: int) -> _dt.date:
    from medlint.checks.review import add_months

    return add_months(day, n)


def _waiver(f, d: Decision, reviewer: str, day: _dt.date, expires: _dt.date) -> dict:
    entry = {"check": f.check}
    if _RECORD.fullmatch(f.record or ""):
        entry["record"] = f.record
    if f.excerpt:
        entry["excerpt"] = f.excerpt
    entry.update(reason=d.reason, accepted_by=reviewer, accepted_on=day.isoformat(), decision=d.decision,
                 expires=expires.isoformat())
    return entry


# ---------------------------------------------------------------------------
# writing


def _scalar(value: str) -> str:
    """A YAML double-quoted scalar: JSON's escapes, and any character that is not printable as \\u."""
    text = json.dumps(value, ensure_ascii=False)
    return "".join(ch if ch.isprintable() else f"\\u{ord(ch):04x}" if ord(ch) < 0x10000 else f"\\U{ord(ch):08x}"
                   for ch in text)


def _entry_lines(entry: dict, indent: str) -> list[str]:
    lines = []
    for n, (key, value) in enumerate(entry.items()):
        text = value if key in ("accepted_on", "expires", "decision", "check") else _scalar(value)
        lines.append(f"{indent}{'- ' if n == 0 else '  '}{key}: {text}")
    return lines


_HEADER = "# yaml-language-server: $schema=../../schema/waivers.schema.json\n"


def waivers_text(existing: str | None, entries: list[dict]) -> str:
    """The waivers.yaml text with ``entries`` appended to its list (block style kept as it is)."""
    if existing is None or not existing.strip():
        return _HEADER + "waivers:\n" + "".join(line + "\n" for e in entries for line in _entry_lines(e, "  "))
    item = re.search(r"^([ ]*)- ", existing, re.M)
    flow = re.search(r"^waivers:[ ]*\[", existing, re.M)
    if flow or item is None:
        raise ValueError("its waivers list is not in block style (one '- ' line per waiver)")
    text = existing if existing.endswith("\n") else existing + "\n"
    return text + "".join(line + "\n" for e in entries for line in _entry_lines(e, item.group(1)))


def _new_text(folder: str, entries: list[dict]) -> tuple[str, str]:
    """(path, text) of a folder's waivers.yaml with the entries added, checked by reading it back."""
    from medlint.records.store import WAIVERS_FILE
    from medlint.records.yamlio import read_text
    from medlint.waivers import parse_waivers

    path = os.path.join(folder, WAIVERS_FILE)
    existing = read_text(path) if os.path.isfile(path) else None
    slug = os.path.basename(os.path.normpath(folder))
    if existing is not None:
        bad = [w for w in parse_waivers(existing, path, slug) if not w.valid]
        if bad:
            message, line, col = bad[0].errors[0]
            raise InputError(f"invalid waiver: {message}; correct waivers.yaml before recording decisions",
                             path, line, col)
    try:
        text = waivers_text(existing, entries)
    except ValueError as exc:
        raise InputError(f"cannot append to waivers.yaml: {exc}", path) from None
    after = parse_waivers(text, path, slug)
    before = len(after) - len(entries)
    got = [{k: v for k, v in w.to_json().items() if k not in ("path", "line") and v is not None} for w in after[before:]]
    if any(not w.valid for w in after) or got != entries:
        raise InputError("the decisions would not read back as the same waivers (nothing written)", path)
    return path, text


def write_plan(plan: Plan) -> list[tuple[str, int]]:
    """Write every folder's waivers.yaml (all checked first); (path, entries added) per file."""
    from medlint.records.yamlio import atomic_write

    texts = [(_new_text(folder, entries), len(entries)) for folder, entries in sorted(plan.entries.items())]
    written = []
    for (path, text), n in texts:
        atomic_write(path, text)
        written.append((path, n))
    return written
