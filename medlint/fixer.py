"""Mechanical fixes (``medlint check --fix``): apply findings' ``replacement`` to the YAML records.

Usage::

    from medlint.fixer import plan_fixes, apply_fixes
    loaded = load_article(folder)
    plan = plan_fixes(result.findings, loaded.documents)   # {path: new_text}
    written = apply_fixes(plan)                            # atomic, per file
    plan.applied, plan.skipped                             # what was done / left, with reasons

For each finding with a ``replacement`` the excerpt is located in the file at
the finding's line and column and exactly that span is replaced. Every single
substitution is verified by re-loading the new text: the data must be
identical except for one string in the finding's record, which must equal the
old string with the excerpt replaced once. Anything else (the excerpt not at
that position, escapes in a quoted scalar changing the meaning, a YAML error)
skips that fix and reports it. Fixes in one file are applied right to left;
a fix overlapping one already taken is skipped. Nothing else in the file —
comments, key order, quoting — is touched.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from medlint.errors import InputError
from medlint.records.yamlio import atomic_write, load_yaml, read_text


@dataclass(frozen=True)
class Skipped:
    """A fixable finding the fixer left alone, and why."""

    finding: object
    reason: str


class FixPlan(dict):
    """``{path: new_text}`` for every file that changes, plus what was applied and skipped."""

    def __init__(self):
        super().__init__()
        self.applied: list = []
        self.skipped: list[Skipped] = []
        self.held_back = 0  # unsafe fixes left out of the plan (``check --fix`` without --unsafe-fixes)
        self.read_as: dict[str, str] = {}  # each planned file's text when the plan was made


def _key(path: str) -> str:
    return os.path.normcase(os.path.realpath(os.path.abspath(path)))


def _line_starts(text: str) -> list[int]:
    starts = [0]
    for i, ch in enumerate(text):
        if ch == "\n":
            starts.append(i + 1)
    return starts


def _leaves(data, pointer: str = ""):
    """Flatten data into (pointer, kind, value) in document order (keys included)."""
    if isinstance(data, dict):
        yield pointer, "map", tuple(data.keys())
        for k, v in data.items():
            yield from _leaves(v, f"{pointer}/{k}")
    elif isinstance(data, list):
        yield pointer, "seq", len(data)
        for i, v in enumerate(data):
            yield from _leaves(v, f"{pointer}/{i}")
    else:
        yield pointer, type(data).__name__, data


def _verify(old_data, new_data, record_pointer: str, excerpt: str, replacement: str) -> str | None:
    """None if the only change is excerpt -> replacement in one string of the record; else why not."""
    old = list(_leaves(old_data))
    new = list(_leaves(new_data))
    if len(old) != len(new):
        return "the structure of the file would change"
    diffs = [(a, b) for a, b in zip(old, new) if a != b]
    if len(diffs) != 1:
        return f"{len(diffs)} values would change instead of one"
    (p_old, kind_old, v_old), (p_new, kind_new, v_new) = diffs[0]
    if p_old != p_new or kind_old != "str" or kind_new != "str":
        return "a value other than a string would change"
    if record_pointer and not (p_old == record_pointer or p_old.startswith(record_pointer + "/")):
        return f"the change would land in {p_old}, not in {record_pointer}"
    i = v_old.find(excerpt)
    while i >= 0:
        if v_old[:i] + replacement + v_old[i + len(excerpt):] == v_new:
            return None
        i = v_old.find(excerpt, i + 1)
    return "the new value is not the old one with the excerpt replaced"


def plan_fixes(findings, documents) -> FixPlan:
    """New texts for the files the findings' replacements change (nothing is written)."""
    plan = FixPlan()
    docs = {_key(p): d for p, d in documents.items()}
    by_file: dict[str, list] = {}
    for f in findings:
        if f.replacement is None:
            continue
        k = _key(f.path)
        if k not in docs:
            plan.skipped.append(Skipped(f, "file not among the loaded documents"))
            continue
        by_file.setdefault(k, []).append(f)
    for k, fixes in by_file.items():
        doc = docs[k]
        text = doc.text
        starts = _line_starts(text)
        located = []
        for f in fixes:
            if not (1 <= f.line <= len(starts)):
                plan.skipped.append(Skipped(f, f"line {f.line} is outside the file"))
                continue
            off = starts[f.line - 1] + f.column - 1
            if not f.excerpt or text[off:off + len(f.excerpt)] != f.excerpt:
                plan.skipped.append(Skipped(f, f"excerpt {f.excerpt!r} not found at {f.line}:{f.column}"))
                continue
            located.append((off, off + len(f.excerpt), f))
        # right to left; identical fixes (same span, same text) collapse into one
        located.sort(key=lambda t: (-t[0], -t[1], t[2].check))
        data = doc.data
        limit = len(text) + 1
        taken: set[tuple[int, int, str]] = set()
        changed = False
        for start, end, f in located:
            if (start, end, f.replacement) in taken:
                continue
            if end > limit:
                plan.skipped.append(Skipped(f, "overlaps another fix"))
                continue
            new_text = text[:start] + f.replacement + text[end:]
            try:
                new_data = load_yaml(doc.path, new_text).data
            except InputError as exc:
                plan.skipped.append(Skipped(f, f"the file would not load: {exc}"))
                continue
            pointer = f.record.split("#", 1)[1] if "#" in f.record else ""
            why = _verify(data, new_data, pointer, f.excerpt, f.replacement)
            if why is not None:
                plan.skipped.append(Skipped(f, why))
                continue
            text, data, limit = new_text, new_data, start
            taken.add((start, end, f.replacement))
            plan.applied.append(f)
            changed = True
        if changed:
            plan[doc.path] = text
            plan.read_as[doc.path] = doc.text
    return plan


def apply_fixes(plan) -> list[str]:
    """Write each planned file atomically (temporary file + rename); returns the paths written.

    A file whose text is no longer what the plan was made from (an editor saved it in
    the meantime) is left as it is: its fixes move to ``plan.skipped``, so an edit is
    never overwritten by a fix computed on the text before it."""
    written = []
    for path, text in plan.items():
        if _changed_since(path, plan.read_as.get(path)):
            _skip_file(plan, path, "the file changed after medlint read it: run the fix again")
            continue
        atomic_write(path, text)
        written.append(path)
    return written


def _changed_since(path: str, read_as: str | None) -> bool:
    """True when ``path`` no longer holds ``read_as`` (or cannot be read as text)."""
    if read_as is None:
        return False  # a plan made by hand: nothing to compare with
    try:
        return read_text(path) != read_as
    except InputError:
        return True


def _skip_file(plan, path: str, reason: str) -> None:
    k = _key(path)
    moved = [f for f in plan.applied if _key(f.path) == k]
    plan.applied = [f for f in plan.applied if _key(f.path) != k]
    plan.skipped.extend(Skipped(f, reason) for f in moved)
