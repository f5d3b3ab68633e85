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

from medlint.render import fold
from medlint.render.links import file_url
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
    out += ["**Review:** " + _review_line(card["review"]), ""]
    if a.get("signoff"):
        out += [_status(a["signoff"]), ""]
    return out


def _review_line(r: dict) -> str:
    """The scorecard's review line: the date and where it was read, the due date, the status
    and the page's kinds, as the review checks worked them out."""
    word = "dated" if r.get("source") == "dateline" else "last reviewed"
    parts = [f"{word} {escape(r['reviewed'])}" + (f" (from {escape(r['source'])})" if r.get("source") else "")
             if r.get("reviewed") else "no review date"]
    if r.get("due"):
        parts.append(f"due {escape(r['due'])}")
    if r.get("status"):
        parts.append(f"status **{escape(r['status'])}**")
    if r.get("page_kinds"):
        parts.append("page: " + ", ".join(escape(k) for k in r["page_kinds"]))
    return " \u00b7 ".join(parts)


def _piece(text: str) -> str:
    """Part of a sentence, escaped, keeping one space at either edge where it had one."""
    if not text:
        return ""
    body = escape(text)
    lead = " " if text[:1].isspace() and body else ""
    tail = " " if text[-1:].isspace() and body else ""
    return lead + body + tail if body else " "


def _sentence(item: dict) -> str:
    """The sentence around the flagged words, the words in bold."""
    sentence, excerpt = item.get("sentence") or "", item.get("excerpt") or ""
    at = sentence.find(excerpt) if excerpt else -1
    if at < 0:
        return escape(sentence)
    return (_piece(sentence[:at]) + "<b>" + escape(excerpt) + "</b>" + _piece(sentence[at + len(excerpt):])).strip()


def _loc(item: dict, root) -> str:
    name = str(item.get("path") or "").rsplit("/", 1)[-1]
    text = f"{escape(name)}:{escape(item['line'])}"
    url = file_url(item.get("path"), root, item.get("line"))
    return f"[{text}]({url})" if url else text


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


class _Fold:
    """What the cards of one article state once instead of on every card: the fix all findings of
    a check share (``checks[ID].shared_fix``) and the sources several messages end with (notes)."""

    def __init__(self, a: dict | None = None, items=()):
        checks = (a or {}).get("checks") or {}
        self.shared = {cid: c.get("shared_fix") for cid, c in checks.items()}
        self.notes = fold.shared_notes(items)

    def fix(self, item: dict) -> str:
        if self.shared.get(item["check"]):
            return f"as for every {escape(item['check'])} finding (*Why these checks*)"
        return escape(item.get("suggestion") or item.get("fix") or "")

    def message(self, item: dict) -> str:
        got = fold.trailing_note(item.get("message") or "")
        if got and got[1] in self.notes:
            return f"{escape(got[0])} (sources: note {self.notes[got[1]]}, below){got[2]}"
        return escape(item.get("message"))

    def lines(self) -> list[str]:
        if not self.notes:
            return []
        out = ["### Sources several findings cite", ""]
        out += [f"{n}. {escape(note)}" for note, n in self.notes.items()]
        return out + [""]


def _finding(item: dict, root=None, folded: _Fold | None = None) -> list[str]:
    """A whole card: head, the sentence quoted, the message, the fix."""
    sev = _SEV.get(item["severity"], escape(item["severity"]))
    place = f"{item['fix_first']}. " if item.get("fix_first") else ""
    out = [f"- [ ] **{place}{sev}** {escape(item['check'])} {_loc(item, root)} \u00b7 ID `{escape(item['id'])}`"]
    if item.get("sentence") or item.get("excerpt"):
        out += [f"  > {_sentence(item)}", ""]
    folded = folded or _Fold()
    out.append(f"  {folded.message(item)}")
    fix = folded.fix(item)
    if fix:
        out.append(f"  *Fix:* {fix}")
    return out


def _compact(item: dict, root=None, folded: _Fold | None = None) -> list[str]:
    """A card on one line (under its section's heading): the sentence, the message, the fix."""
    sev = _SEV.get(item["severity"], escape(item["severity"]))
    place = f"{item['fix_first']}. " if item.get("fix_first") else ""
    line = f"- [ ] **{place}{sev}** {escape(item['check'])} {_loc(item, root)} \u00b7 ID `{escape(item['id'])}`"
    if item.get("sentence") or item.get("excerpt"):
        line += f" \u2014 \u201c{_sentence(item)}\u201d"
    folded = folded or _Fold()
    line += f" {folded.message(item)}"
    fix = folded.fix(item)
    return [line + (f" *Fix:* {fix}" if fix else "")]


def _fix_first_head(n: int) -> list[str]:
    if not n:
        return ["### Fix first", "", "No errors and no dose or safety findings open.", ""]
    return [f"### Fix first ({n})", "", "Errors, then dose and safety findings, in reading order.", ""]


class _Budget:
    """Characters left for the comment: what is taken must fit, unless forced."""

    def __init__(self, limit: int, used: int):
        self.limit, self.used = limit, used

    def take(self, lines: list[str], force: bool = False) -> bool:
        size = sum(len(x) + 1 for x in lines)
        if not force and self.used + size > self.limit:
            return False
        self.used += size
        return True

    def give(self, lines: list[str]) -> None:
        self.used -= sum(len(x) + 1 for x in lines)


def _sections(a: dict) -> list[str]:
    sections = a.get("sections") or []
    if not sections:
        return []
    passed = sum(1 for s in sections if s["status"] == "passed")
    marks = []
    for s in sections:
        heading = escape(s.get("heading") or str(s.get("path") or _DASH).rsplit("/", 1)[-1])
        if s["status"] == "passed":
            marks.append(f"\u2705 {heading}")
        else:
            marks.append(f"\u274c {heading} ({_plural(s['counts']['total'], 'finding')})")
    return [f"### Sections ({len(sections)}: {passed} passed, {len(sections) - passed} with findings)", "",
            " \u00b7 ".join(marks), ""]


def _refs(items: list[dict]) -> list[str]:
    """One line naming this section's cards of the fix-first list (by number and check)."""
    refs = [f"{i['fix_first']} {escape(i['check'])}"
            for i in sorted((i for i in items if i.get("fix_first")), key=lambda i: i["fix_first"])]
    return [f"Also here, in *Fix first* above: {', '.join(refs)}.", ""] if refs else []


def _checks(a: dict) -> list[str]:
    checks = a.get("checks") or {}
    if not checks:
        return []
    out = ["### Why these checks", ""]
    for cid, c in checks.items():
        shared = f" *Fix, for each of them:* {escape(c['shared_fix'])}" if c.get("shared_fix") else ""
        out.append(f"- **{escape(cid)}** {escape(c.get('name'))} ({_plural(c['findings'], 'finding')}): "
                   f"{escape(c.get('rationale'))}{shared}")
    return out + [""]


def _status(s: dict) -> str:
    o = s["open"]
    if s["ready"]:
        return "**Ready for sign-off**" + (f" ({_plural(s['open_total'], 'finding')} open, none blocking)."
                                           if s["open_total"] else ".")
    return (f"**Not ready for sign-off:** still open {_plural(o['error'], 'error')}, "
            f"{_plural(o['warning'], 'warning')}, {o['info']} info.")


def _signoff(a: dict) -> list[str]:
    s = a.get("signoff")
    if not s:
        return []
    out = ["### Sign-off", "", _status(s), ""]
    if s["decisions"]:
        for d in s["decisions"]:
            out.append(f"- {escape(d['decision'])}: {escape(d['check'])} \u201c{escape(d['excerpt'])}\u201d \u2014 "
                       f"{escape(d['accepted_by'])}, {escape(d['accepted_on'] or 'undated')}, until "
                       f"{escape(d['expires'])}: {escape(d['reason'])}")
    else:
        out.append("No decisions recorded yet (`medlint review` writes them to waivers.yaml).")
    return out + ["", "- [ ] Signed off by the review board", ""]


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


_HOWTO = ("Each finding is a task: tick it once decided, and record *accept*, *fix* or *waive* with "
          "`medlint review` by its ID. Why each check matters is stated once, under *Why these checks*.")


def _max_chars(max_chars: int | None) -> int:
    if max_chars is not None:
        return max_chars
    from medlint import policy

    return policy.load("report").get("markdown", {}).get("max_chars", DEFAULT_MAX_CHARS)


def _check_command(a: dict) -> str:
    """`medlint check <the article's folder>`, as a code span when the path is plain."""
    path = str(a.get("path") or "")
    if re.fullmatch(r"[A-Za-z0-9._/-]{1,300}", path):
        return f"`medlint check {path}`"  # a code span: the plain path, nothing in it to escape
    return f"`medlint check` on {escape(path)}" if path else "`medlint check`"


def _omitted_line(n: int, total: int, a: dict) -> list[str]:
    where = _check_command(a)
    return [f"**{n} of {_plural(total, 'finding')} of this article not shown here** (comment size limit): "
            f"the HTML report (`medlint report --format html`) and {where} list every one.", ""]


class _Article:
    """One article's part of the comment, fitted to the budget: whole cards for the fix-first list
    while they fit, one-line cards after it (and for a fix-first card that no longer fits whole),
    and a count of what is left out when even those do not fit."""

    RESERVE = 320  # room kept for the line that says what is left out

    def __init__(self, a: dict, budget: _Budget, root, several: bool):
        self.a, self.budget, self.root, self.several = a, budget, root, several
        first = sorted((i for g in a["groups"] for i in g["findings"] if i.get("fix_first")),
                       key=lambda i: i["fix_first"])
        self.first = first
        self.folded = _Fold(a, first + [i for g in a["groups"] for i in g["findings"] if not i.get("fix_first")])
        self.total = sum(len(g["findings"]) for g in a["groups"])
        self.omitted = 0

    def where(self) -> str:
        return _check_command(self.a)

    def fits(self) -> bool:
        """Take room for the head, the tail and the left-out line, if the budget has it."""
        self.top, self.bottom = self.head(), self.tail()
        return self.budget.take(self.top + self.bottom + ["x" * self.RESERVE])

    def head(self) -> list[str]:
        a, card = self.a, self.a["scorecard"]
        waived = _h(", %d waived" % card["waived"]) if card["waived"] else ""
        return (["<details>" if self.several else "<details open>",
                 f"<summary><b>{_h(_title(a))}</b> \u2014 {_h(_counts_line(card['counts']))}{waived}</summary>", ""]
                + _scorecard(a) + _safety(a))

    def tail(self) -> list[str]:
        return _waived(self.a) + _checks(self.a) + self.folded.lines() + _signoff(self.a) + ["</details>", ""]

    def card(self, item: dict, whole: bool) -> list[str]:
        for make in ((_finding, _compact) if whole else (_compact,)):
            lines = make(item, self.root, self.folded)
            if self.budget.take(lines):
                return lines
        self.omitted += 1
        return []

    def body(self) -> list[str]:
        first = self.first  # the room for the left-out line was taken with the head (fits)
        out = _fix_first_head(len(first))
        self.budget.take(out, force=True)
        shown = set()
        for item in first:
            lines = self.card(item, whole=True)
            if lines:
                shown.add(item["id"])
            out += lines
        out.append("")
        sections = _sections(self.a)
        if self.budget.take(sections):
            out += sections
        for group in self.a["groups"]:
            out += self.group(group, shown)
        self.budget.give(["x" * self.RESERVE])
        if self.omitted:
            note = _omitted_line(self.omitted, self.total, self.a)
            self.budget.take(note, force=True)
            out += note
        return out

    def group(self, group: dict, shown: set) -> list[str]:
        heading = escape(group["heading"]) if group.get("heading") else "Whole article"
        url = file_url(group.get("path"), self.root)
        if url:
            heading += f" \u00b7 [{escape(str(group['path']).rsplit('/', 1)[-1])}]({url})"
        lines = [f"#### {heading}", ""]
        self.budget.take(lines, force=True)
        refs = _refs([i for i in group["findings"] if i["id"] in shown])
        if self.budget.take(refs):
            lines += refs
        for item in group["findings"]:
            if not item.get("fix_first"):
                lines += self.card(item, whole=False)
        if len(lines) > 2:
            return lines + [""]
        self.budget.give(lines)
        return []


def render(report: dict, max_chars: int | None = None, links_from: str | None = None) -> str:
    """The report as one Markdown comment of at most ``max_chars`` characters
    (``checks/report.yaml`` markdown.max_chars when None). Every finding is shown while the
    budget holds it; what it cannot hold is counted, per article and in all, with where to read it."""
    max_chars = _max_chars(max_chars)
    articles = report["articles"]
    lines = [f"## medlint review \u2014 {_plural(len(articles), 'article')} ({escape(report['today'])})", "",
             _HOWTO, ""]
    if report.get("summary"):
        lines += _summary(report)
    budget = _Budget(max_chars - 400, sum(len(x) + 1 for x in lines))  # 400: room for the closing lines
    parts = [_Article(a, budget, links_from, len(articles) > 1) for a in articles]
    shown = [p for p in parts if p.fits()]  # every article's scorecard first, then the cards
    left_out = [f"{escape(_title(p.a))} ({p.where()})" for p in parts if p not in shown]
    total = sum(p.total for p in parts)
    omitted = sum(p.total for p in parts if p not in shown)
    for part in shown:
        lines += part.top + part.body() + part.bottom
        omitted += part.omitted
    if omitted:
        names = f"; articles left out whole: {', '.join(left_out)}" if left_out else ""
        lines += [f"_{omitted} of {_plural(total, 'finding')} not shown (comment size limit){names}: "
                  "the HTML report (`medlint report --format html`) and `medlint check` list every one._", ""]
    return "\n".join(lines).rstrip("\n") + "\n"
