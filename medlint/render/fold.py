"""What several cards of one article repeat word for word, so a renderer can state it once.

A check's message often ends with its sources in parentheses ("... (FDA class
labeling for NSAIDs (Boxed Warning ...); 21 CFR 201.326(a)(2)).") and every
medicine of a class repeats them. :func:`shared_notes` numbers each such
trailing parenthetical that two or more messages of the article end with;
:func:`split` cuts a message into its body and that note. Nothing is dropped:
the renderer prints each note once, under its number.
"""

from __future__ import annotations

MIN_NOTE = 60  # shorter parentheticals stay in the message


def trailing_note(message: str) -> tuple[str, str, str] | None:
    """``(body, note, end)`` when ``message`` ends with a balanced parenthetical of at least
    MIN_NOTE characters (``note`` without its parentheses; ``end`` the full stop after it)."""
    text = (message or "").rstrip()
    end = "." if text.endswith(".") else ""
    text = text[:-1] if end else text
    if not text.endswith(")"):
        return None
    depth = 0
    for at in range(len(text) - 1, -1, -1):
        ch = text[at]
        depth += ch == ")"
        depth -= ch == "("
        if depth == 0:
            note = text[at + 1:-1]
            if len(note) < MIN_NOTE or not text[:at].strip():
                return None
            return text[:at].rstrip(), note, end
    return None


def shared_notes(items) -> dict[str, int]:
    """Each note that two or more messages end with, numbered 1, 2, ... in reading order."""
    seen: dict[str, int] = {}
    for item in items:
        got = trailing_note(item.get("message") or "")
        if got:
            seen[got[1]] = seen.get(got[1], 0) + 1
    out: dict[str, int] = {}
    for note, n in seen.items():
        if n > 1:
            out[note] = len(out) + 1
    return out
