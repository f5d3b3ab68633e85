"""One line per finding: ``path:line:col: ID message`` (plus the suggestion).

Record text is made inert first (:mod:`medlint.textsafe`): a control character
is shown as its escape, and no line can start a workflow command.
"""

from __future__ import annotations

from medlint.findings import Finding
from medlint.textsafe import line as _safe_line


def line(f: Finding) -> str:
    out = f"{f.path}:{f.line}:{f.column}: {f.check} [{f.severity}] {f.message}"
    if f.suggestion:
        out += f" Fix: {f.suggestion}"
    return _safe_line(out)


def footer(summary: dict) -> str:
    sev = summary["by_severity"]
    n = summary["articles"]
    text = (f"{summary['findings']} finding{'s' if summary['findings'] != 1 else ''} "
            f"({sev['error']} error, {sev['warning']} warning, {sev['info']} info) in {n} article{'s' if n != 1 else ''}")
    if summary.get("baseline_known"):
        text += f"; {summary['baseline_known']} known from the baseline"
    return text


def render(findings: list[Finding], summary: dict) -> str:
    return "".join(line(f) + "\n" for f in findings) + footer(summary) + "\n"
