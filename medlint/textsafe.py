"""Text bound for a terminal or a CI log, made inert and visible.

Record values (headings, keys, slugs, excerpts, file names, YAML tags) reach
the text and GitHub formats and every line medlint prints on stderr. A
terminal obeys escape sequences (clear the screen, OSC 8 hyperlinks, a bell)
and GitHub Actions obeys workflow commands (``::error file=...::``, and the
legacy ``##[error]`` anywhere in a line) in every step's output. Here each such
character is written as a Python-style escape, in plain ASCII, so nothing is
obeyed and nothing is hidden:

* control characters (C0, DEL, C1) -- ``\\n``, ``\\r``, ``\\t``, else ``\\x1b``-style;
* the line and paragraph separators U+2028/U+2029 and the bidirectional
  embedding, override and isolate controls (U+202A-U+202E, U+2066-U+2069),
  which reorder what a reader sees -- ``\\u2028``-style;
* ``##[`` -- ``#\\x23[``.

A backslash already in the text is left alone, so text without any of these
characters prints exactly as before. :func:`line` also keeps a line from
starting with ``::`` (after any blank space, as GitHub trims it): only
``--format github`` writes workflow commands.
"""

from __future__ import annotations

import re
from functools import lru_cache

_UNSAFE = "[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]|##\\["
#: What json.dumps(ensure_ascii=False) leaves raw although a terminal or log may act on it.
_JSON_RAW = "[\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]|##\\["
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


@lru_cache(maxsize=None)
def _pattern(source: str) -> re.Pattern:
    """Compiled on first use (~1 ms, kept off the pre-commit hook when every line is printable)."""
    return re.compile(source)


def _escape(match: re.Match) -> str:
    s = match.group()
    if s == "##[":
        return "#\\x23["
    if s in _NAMED:
        return _NAMED[s]
    code = ord(s)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(text) -> str:
    """``text`` with every control, separator and bidi control written as an escape."""
    text = "" if text is None else str(text)
    if text.isprintable() and "##[" not in text:  # the common case, without a pattern
        return text
    return _pattern(_UNSAFE).sub(_escape, text)


def line(text) -> str:
    """One output line: :func:`visible`, and never a workflow command."""
    out = visible(text)
    stripped = out.lstrip()
    if stripped.startswith("::"):
        at = len(out) - len(stripped)
        out = out[:at] + "\\x3a" + out[at + 1:]
    return out


def _json_escape(match: re.Match) -> str:
    s = match.group()
    return "#\\u0023[" if s == "##[" else f"\\u{ord(s):04x}"


def json_inert(text: str) -> str:
    """JSON text with DEL, C1, the separators, bidi controls and ``##[`` as ``\\uXXXX``
    escapes (the same data; json.dumps escapes the C0 controls itself)."""
    return _pattern(_JSON_RAW).sub(_json_escape, text)
