"""The review report as GitHub-flavoured Markdown, sized for a pull-request comment.

One collapsible ``<details>`` block per article (open when there is only
one), the corpus table first when there are several. Everything that comes
from an article (titles, headings, excerpts, messages, paths) is escaped:
``&``, ``<`` and ``>`` become entities (no HTML gets through) and Markdown
punctuation is backslash-escaped (no links, emphasis, tables or lists can be
forged). Text inside ``<summary>`` is HTML, so it is HTML-escaped instead,
with the Markdown punctuation as numeric entities (inert whether or not the
viewer reads Markdown there). In both, an ``@`` is followed by a zero-width
joiner (U+200D) so no mention notifies anyone, the colon of a
``javascript:``/``data:``/``vbscript:`` scheme is escaped so no link can use
it, and other control characters are shown as escapes (``\\x1b``,
:mod:`medlint.textsafe`).
"""

from __future__ import annotations

import re

from medlint.textsafe import visible

DEFAULT_MAX_CHARS = 60000
# Inline Markdown syntax (emphasis, code, links, images, tables, strikethrough,
# math, mentions). Hyphens, dots and the like only matter at a line's start;
# escaped text never starts a line, but its first character is escaped anyway.
_PUNCT = set("\\`*_[]#!|~@$")
_LEADING = set("-+=:")  # ":" too, so no line of the comment can start a CI workflow command
_ZWJ = "\u200d"
_SCHEME = re.compile(r"(?i)(javascript|vbscript|data)(?=:)")
# In HTML (``<summary>``): html.escape's entities, Markdown punctuation as numeric ones, in one pass.
_HTML = {ord(c): f"&#{ord(c)};" for c in "\\`*_[]#!|~$:"}
_HTML.update({ord("&"): "&amp;", ord("<"): "&lt;", ord(">"): "&gt;", ord('"'): "&quot;", ord("'"): "&#x27;",
              ord("@"): "@" + _ZWJ})
_BOX = "\u2610"
_DASH = "\u2014"
_MARK = {"met": "\u2705", "not met": "\u274c", "not assessed": "\u2796"}
_SEV = {"error": "Error", "warning": "Warning", "info": "Info"}


def escape(text) -> str:
    """Article text as inert Markdown on one line."""
    out = []
    for ch in visible(" ".join(str(text if text is not None else "").split())):
        if ch == "&":
            out.append("&amp;")
        elif ch == "<":
            out.append("&lt;")
        elif ch == ">":
            out.append("&gt;")
        elif ch == "@":
            out.append("\\@" + _ZWJ)
        elif ch in _PUNCT:
            out.append("\\" + ch)
        elif not out and ch in _LEADING:
            out.append("\\" + ch)
        else:
            out.append(ch)
    return _SCHEME.sub(r"\1\\", "".join(out))


def _h(text) -> str:
    """For HTML contexts (``<summary>``)."""
    return visible(" ".join(str(text if text is not None else "").split())).translate(_HTML)


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _counts_line(c: dict) -> str:
    return f"{_plural(c['error'], 'error')}, {_plural(c['warning'], 'warning')}, {c['info']} info"


def _title(a: dict) -> str:
    return a.get("title") or a["slug"]


def _summary(report: dict) -> list[str]:
    s = report["summary"]
    out = [f"**{s['articles']} articles**: {_counts_line(s['counts'])}; {s['waived']} waived.", "",
           "| Article | Errors | Warnings | Info | Benchmarks met | Review | Due |",
           "|---|---:|---:|---:|---:|---|---|"]
    for row in s["table"]:
        out.append(f"| {escape(row['title'] or row['slug'])} | {row['error']} | {row['warning']} | {row['info']} | "
                   f"{row['benchmarks_met']}/{row['benchmarks_assessed']} | {escape(row['review_status'] or _DASH)} | "
                   f"{escape(row['due'] or _DASH)} |")
    out.append("")
    return out


def _scorecard(a: dict) -> list[str]:
    card = a["scorecard"]
    out = []
    if a.get("error"):
        out += [f"**Could not be checked:** {escape(a['error'])}", ""]
    cats = [(c, v) for c, v in card["by_category"].items() if any(v.values())]
    if cats:
        out += ["| Category | Errors | Warnings | Info |", "|---|---:|---:|---:|"]
        out += [f"| {escape(c)} | {v['error']} | {v['warning']} | {v['info']} |" for c, v in cats]
        out.append("")
    marks = []
    for bm in card["benchmarks"]:
        extra = f" ({bm['findings']})" if bm["status"] == "not met" else (" (not assessed)" if bm["status"] == "not assessed" else "")
        marks.append(f"{_MARK.get(bm['status'], '')} {escape(bm['label'])}{extra}")
    if marks:
        out += ["**JAMA benchmarks:** " + " \u00b7 ".join(marks), ""]
    r = card["review"]
    parts = [f"last reviewed {escape(r['reviewed'])}" + (f" (from {escape(r['source'])})" if r.get("source") else "")
             if r.get("reviewed") else "no review date"]
    if r.get("due"):
        parts.append(f"due {escape(r['due'])}")
    if r.get("status"):
        parts.append(f"status **{escape(r['status'])}**")
    out += ["**Review:** " + " \u00b7 ".join(parts), ""]
    return out


def _safety(a: dict) -> list[str]:
    panel = a.get("safety") or {}
    if not panel.get("medicines"):
        return []
    out = ["**Reader safety**", "", "| Medicine | Warnings present | Warnings missing |", "|---|---|---|"]
    for m in panel["medicines"]:
        shown = [c for c in m["classes"] if c != m["substance"]]
        classes = f" ({escape(', '.join(shown))})" if shown else ""
        out.append(f"| {escape(m['medicine'])}{classes} | {escape('; '.join(m['present']) or _DASH)} | "
                   f"{escape('; '.join(m['missing']) or _DASH)} |")
    out.append("")
    for key, label in (("combinations_flagged", "Combinations not warned about"),
                       ("combinations_warned", "Combinations warned about")):
        if panel.get(key):
            out += [f"{label}:", ""]
            out += [f"- *{escape(c['risk'])}*: " + "; ".join(escape(" + ".join(p)) for p in c["pairs"])
                    for c in panel[key]]
            out.append("")
    return out


def _finding(item: dict) -> list[str]:
    where = f"{item['path']}:{item['line']}:{item['column']}"
    head = f"- **{_SEV.get(item['severity'], escape(item['severity']))}** {escape(item['check'])}"
    if item.get("name"):
        head += f" {escape(item['name'])}"
    head += f" \u2014 {escape(where)}"
    out = [head]
    if item.get("excerpt"):
        out.append(f"  > {escape(item['excerpt'])}")
        out.append("")
    out.append(f"  {escape(item['message'])}")
    if item.get("rationale"):
        out.append(f"  *Why:* {escape(item['rationale'])}")
    fix = item.get("suggestion") or item.get("fix")
    if fix:
        out.append(f"  *Fix:* {escape(fix)}")
    out.append(f"  Decision: {_BOX} accept \u00b7 {_BOX} fix \u00b7 {_BOX} waive \u00b7 Notes: \\_\\_\\_\\_\\_\\_\\_\\_")
    return out


def _waived(a: dict) -> list[str]:
    out = []
    if a["waived"]:
        out += [f"**Waived ({len(a['waived'])})**", ""]
        for item in a["waived"]:
            w = item["waiver"]
            out.append(f"- {escape(item['check'])} \u2014 {escape(item['path'])}:{escape(item['line'])}: "
                       f"\u201c{escape(item['excerpt'])}\u201d: {escape(w.get('reason'))} "
                       f"(accepted by {escape(w.get('accepted_by'))}, expires {escape(w.get('expires'))})")
        out.append("")
    if a["expired_waivers"]:
        out += [f"**Expired waivers ({len(a['expired_waivers'])})** \u2014 their findings count again:", ""]
        for w in a["expired_waivers"]:
            target = w.get("record") or w.get("excerpt") or ""
            out.append(f"- {escape(w.get('check'))} at {escape(target)}: {escape(w.get('reason'))} "
                       f"(accepted by {escape(w.get('accepted_by'))}, expired {escape(w.get('expires'))})")
        out.append("")
    return out


def render(report: dict, max_chars: int | None = None) -> str:
    """The report as one Markdown comment of at most ``max_chars`` characters
    (``checks/report.yaml`` markdown.max_chars when None)."""
    if max_chars is None:
        try:
            from medlint import policy

            max_chars = policy.load("report").get("markdown", {}).get("max_chars", DEFAULT_MAX_CHARS)
        except Exception:
            max_chars = DEFAULT_MAX_CHARS
    articles = report["articles"]
    lines = [f"## medlint review \u2014 {_plural(len(articles), 'article')} ({escape(report['today'])})", ""]
    if report.get("summary"):
        lines += _summary(report)
    reserve = 400  # room for the closing lines of the article being written
    used = sum(len(x) + 1 for x in lines)
    omitted = 0
    for a in articles:
        card = a["scorecard"]
        opening = ["<details open>" if len(articles) == 1 else "<details>",
                   f"<summary><b>{_h(_title(a))}</b> \u2014 {_h(_counts_line(card['counts']))}"
                   f"{_h(', %d waived' % card['waived']) if card['waived'] else ''}</summary>", ""]
        block = opening + _scorecard(a) + _safety(a)
        tail = _waived(a) + ["</details>", ""]
        size = sum(len(x) + 1 for x in block + tail)
        if used + size + reserve > max_chars:
            omitted += sum(len(g["findings"]) for g in a["groups"])
            continue
        body: list[str] = []
        for group in a["groups"]:
            heading = group["heading"] if group.get("heading") else "Whole article"
            glines = [f"#### {escape(heading)}", ""]
            for item in group["findings"]:
                flines = _finding(item)
                fsize = sum(len(x) + 1 for x in flines)
                if used + size + fsize + sum(len(x) + 1 for x in glines) + reserve > max_chars:
                    omitted += 1
                    continue
                glines += flines
            if len(glines) > 2:
                glines.append("")
                body += glines
                size += sum(len(x) + 1 for x in glines)
        lines += block + body + tail
        used += size
    if omitted:
        lines += [f"_{omitted} more finding{'s' if omitted != 1 else ''} not shown (comment size limit); "
                  f"see the HTML or JSON report._", ""]
    return "\n".join(lines).rstrip("\n") + "\n"
