"""GitHub Actions workflow commands: one annotation per finding.

``::error file=PATH,line=N,col=N,title=ID::message`` (``warning`` and
``notice`` for the other severities). GitHub reads ``%``, CR and LF as
escapes in the message, and additionally ``:`` and ``,`` in property values,
so article text can neither end the command early nor forge properties.
Every other control character (ESC, BEL, C1, ...) is written visibly first
(:func:`medlint.textsafe.visible`), so nothing reaches the log raw.
"""

from __future__ import annotations

from medlint.findings import Finding
from medlint.textsafe import visible

COMMAND = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    """Escape a workflow command's message."""
    return visible(text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


def escape_property(text: str) -> str:
    """Escape a workflow command's property value."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def line(f: Finding) -> str:
    props = ",".join(f"{k}={escape_property(str(v))}" for k, v in (
        ("file", f.path), ("line", f.line), ("col", f.column), ("title", f.check)))
    message = f.message + (f" Fix: {f.suggestion}" if f.suggestion else "")
    return f"::{COMMAND.get(f.severity, 'warning')} {props}::{escape_data(message)}"


def render(findings: list[Finding], summary: dict | None = None) -> str:
    return "".join(line(f) + "\n" for f in sorted(findings, key=Finding.sort_key))
