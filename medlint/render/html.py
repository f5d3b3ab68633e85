"""The review report as one self-contained HTML page for a review board.

Inline CSS only: no scripts, no fonts or images fetched, nothing that needs a
network. The layout is a single column that reflows to a phone's width
without horizontal scrolling. Per article: the scorecard, the "fix first"
cards, every section with its status, the other cards by section, the
waivers, each check's rationale once, and the sign-off. A print stylesheet
starts each article on a new page and folds what the screen repeats: each card
runs as one paragraph (head, sentence, message, fix; the decision beside the
head) and is never split across pages, the fix every finding of a check shares
and the sources several messages end with are printed once (under "Why these
checks" and "Sources several findings cite", the cards pointing to them), and
the passed sections are counted in the heading instead of listed. Every card
stays in print; the screen keeps every card whole. Decisions are one choice per finding (radio buttons). Record paths
are relative links (``links_from``: the way from the report's folder to the
working directory). Every piece of article text goes through
:func:`html.escape`, its line breaks and tabs first made spaces (which is how
HTML shows them, and no line of the page starts inside a field) and its other
control characters written as escapes (``\\x1b``, :mod:`medlint.textsafe`).
"""

from __future__ import annotations

import html as _html

from medlint.render import fold
from medlint.render.links import file_url
from medlint.textsafe import visible

_DASH = "\u2014"
_SPACE = {9: " ", 10: " ", 13: " "}
_SEV = {"error": "Error", "warning": "Warning", "info": "Info"}
_BM = {"met": ("\u2713", "Met"), "not met": ("\u2717", "Not met"), "not assessed": ("\u2013", "Not assessed")}

CSS = """
*,*::before,*::after{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;background:#f6f5f2;color:#24292f;font:16px/1.55 -apple-system,BlinkMacSystemFont,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;overflow-wrap:anywhere;word-break:break-word}
main{max-width:52rem;margin:0 auto;padding:1.25rem 1rem 3rem}
h1{font-size:1.5rem;margin:.2rem 0 .25rem;font-weight:600}
h2{font-size:1.3rem;margin:0 0 .25rem;font-weight:600}
h3{font-size:1.05rem;margin:1.6rem 0 .6rem;padding-bottom:.25rem;border-bottom:1px solid #d8d4cc;font-weight:600;color:#3d4650}
.meta,.path{color:#5b6470;font-size:.9rem;margin:0}
code,.mono{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.85em;white-space:normal;overflow-wrap:anywhere}
.panel{background:#fff;border:1px solid #e2ded6;border-radius:10px;padding:1rem 1.1rem;margin:1.2rem 0}
.counts{display:flex;flex-wrap:wrap;gap:.6rem;margin:.8rem 0}
.count{flex:1 1 5.5rem;border-radius:8px;padding:.5rem .7rem;background:#f3f1ec;text-align:center}
.count .n{display:block;font-size:1.6rem;font-weight:600;line-height:1.2}
.count .l{font-size:.85rem;color:#5b6470}
.count.error .n{color:#a33a32}.count.warning .n{color:#8a5d00}.count.info .n{color:#2f5f8a}
table{width:100%;border-collapse:collapse;table-layout:fixed;font-size:.9rem;margin:.6rem 0}
th,td{text-align:left;padding:.35rem .4rem;border-bottom:1px solid #ebe8e1;vertical-align:top}
th{font-weight:600;color:#3d4650}
td.num,th.num{text-align:right;width:5.6rem}
table.cats{table-layout:auto;width:auto;min-width:60%}table.cats td,table.cats th{overflow-wrap:normal;word-break:normal}table.cats .num{width:1%;white-space:nowrap}
th{overflow-wrap:normal;word-break:normal;font-size:.85rem}
ul.benchmarks{list-style:none;padding:0;margin:.6rem 0;display:grid;grid-template-columns:repeat(auto-fit,minmax(11rem,1fr));gap:.5rem}
ul.benchmarks li{border:1px solid #e2ded6;border-radius:8px;padding:.45rem .6rem;font-size:.9rem}
ul.benchmarks .mark{font-weight:700;margin-right:.3rem}
ul.benchmarks .met .mark{color:#2e6b3f}ul.benchmarks .not-met .mark{color:#a33a32}ul.benchmarks .not-assessed .mark{color:#7a828c}
ul.benchmarks small{display:block;color:#5b6470}
.review{font-size:.95rem;margin:.6rem 0 0}
.finding{background:#fff;border:1px solid #e2ded6;border-left:5px solid #7a828c;border-radius:8px;padding:.8rem .9rem;margin:.8rem 0;break-inside:avoid;page-break-inside:avoid}
.finding.error{border-left-color:#a33a32}.finding.warning{border-left-color:#c08a1e}.finding.info{border-left-color:#5b86b0}
.finding{display:flex;flex-direction:column}.finding>fieldset.decision{order:1}
.print-only{display:none}
.finding .head{margin:0 0 .4rem;font-size:.92rem}
.badge{display:inline-block;border-radius:999px;padding:0 .55rem;font-size:.78rem;font-weight:600;background:#eee;margin-right:.3rem}
.error .badge{background:#f6e3e1;color:#8c2f28}.warning .badge{background:#f7eed8;color:#6e4a00}.info .badge{background:#e3edf6;color:#244c70}
.loc{color:#5b6470}
blockquote.sentence{margin:.4rem 0;padding:.4rem .7rem;background:#fbf9f3;border-left:3px solid #d9c98f;border-radius:4px;font-size:.95rem}
mark{background:#f6df8b;color:inherit;padding:0 .1em;border-radius:2px}
.finding p{margin:.35rem 0}
.ord{display:inline-block;min-width:1.5rem;margin-right:.35rem;padding:0 .3rem;border-radius:4px;background:#24292f;color:#fff;font-size:.78rem;font-weight:700;text-align:center}
.fix{font-size:.92rem}
a.why{font-size:.85rem;white-space:nowrap}
fieldset.decision{border:1px dashed #bdb7ab;border-radius:6px;margin:.6rem 0 0;padding:.3rem .7rem .5rem}
fieldset.decision legend{font-size:.8rem;color:#5b6470;padding:0 .3rem}
fieldset.decision label{display:inline-block;margin:.15rem 1.1rem .15rem 0;white-space:nowrap}
fieldset.decision input{width:1.05rem;height:1.05rem;vertical-align:-.15rem;margin:0 .35rem 0 0}
.notes{display:inline-block;min-width:8rem;font-size:.85rem;color:#5b6470;border-bottom:1px solid #bdb7ab}
h3 small{font-weight:400;color:#5b6470;font-size:.85rem}
h3.part{border:0;margin-top:2rem;font-size:1.15rem}
ol.seclist{list-style:none;padding:0;margin:.5rem 0;columns:15rem;column-gap:1.2rem;font-size:.9rem}
ol.seclist li{padding:.15rem 0 .15rem 1.2rem;text-indent:-1.2rem;border-bottom:1px solid #ebe8e1;break-inside:avoid}
ol.seclist .mark{display:inline-block;width:1.2rem;font-weight:700}
ol.seclist .passed .mark{color:#2e6b3f}ol.seclist .open .mark{color:#a33a32}
ol.seclist .st{color:#5b6470;font-size:.85rem;white-space:nowrap}ol.seclist .open .st{color:#8c2f28;font-weight:600}
ul.refs{margin:.3rem 0 .6rem;padding-left:1.1rem;font-size:.9rem}
.checks dl{margin:.4rem 0;font-size:.9rem}.checks dt{font-weight:600;margin-top:.5rem}.checks dd{margin:.1rem 0 0 1rem}
.signoff h3{margin-top:0}table.decisions{table-layout:auto}table.decisions td:nth-child(2){width:45%}
.signoff .status{font-size:1rem;margin:.3rem 0 .6rem}.status.open{color:#8c2f28}.status.ready{color:#2e6b3f}
.sign{margin:1.2rem 0 .2rem}.sign .line{display:inline-block;width:14rem;max-width:45%;border-bottom:1px solid #5b6470;margin:0 .6rem}.sign .line.short{width:7rem}
.waived li,.expired li{margin:.4rem 0;font-size:.92rem}
.checks .shared-fix{display:block;margin-top:.15rem}
.notes-list ol{margin:.3rem 0;padding-left:1.6rem;font-size:.85rem}.notes-list li{margin:.2rem 0}
.safety h3{margin-top:0}ul.combos{margin:.3rem 0;padding-left:1.2rem;font-size:.92rem}
.empty{color:#2e6b3f}
.err{color:#8c2f28}
footer{color:#5b6470;font-size:.8rem;margin-top:2rem}
@media (max-width:600px){
 main{padding:.8rem .6rem 2rem}
 .panel{padding:.8rem}
 ul.benchmarks{grid-template-columns:1fr 1fr}
 ul.benchmarks small{display:none}
 table.corpus thead{display:none}
 table.corpus,table.corpus tbody,table.corpus tr,table.corpus td{display:block;width:auto}
 table.corpus tr{border-bottom:1px solid #e2ded6;padding:.4rem 0}
 table.corpus td{border:0;padding:.1rem 0;text-align:left}
 table.corpus td[data-label]::before{content:attr(data-label) ": ";color:#5b6470}
 table.safety thead{display:none}
 table.safety,table.safety tbody,table.safety tr,table.safety td{display:block;width:auto}
 table.safety tr{border-bottom:1px solid #e2ded6;padding:.35rem 0}
 table.safety td{border:0;padding:.05rem 0}table.safety td.med{font-weight:600}
 table.safety td[data-label]::before{content:attr(data-label) ": ";color:#5b6470;font-weight:400}
 table.decisions thead{display:none}
 table.decisions,table.decisions tbody,table.decisions tr,table.decisions td{display:block;width:auto}
 table.decisions tr{border-bottom:1px solid #e2ded6;padding:.4rem 0}
 table.decisions td{border:0;padding:.1rem 0}
 table.decisions td[data-label]::before{content:attr(data-label) ": ";color:#5b6470}
 fieldset.decision label{margin-right:.8rem}
}
@media print{
 @page{size:A4;margin:7mm 8mm}
 html{font-size:8.5pt}
 body{background:#fff;font-size:1rem;line-height:1.13}
 main{max-width:none;padding:0 2px 0 0}
 header{display:flex;flex-direction:row-reverse;justify-content:space-between;align-items:baseline}
 header h1{font-size:9pt;margin:0}header .meta{font-size:inherit}
 h2{font-size:11pt;margin:0}
 h3{font-size:9pt;margin:.45rem 0 .15rem;padding-bottom:0;break-after:avoid}
 h3.part{margin-top:.5rem}
 .meta,.path{font-size:inherit}
 .panel{border-color:#999;border-radius:0;padding:.25rem .45rem;margin:.3rem 0}
 .counts{margin:.1rem 0;gap:.3rem}.count{padding:0 .3rem}.count .n{font-size:10pt;display:inline;margin-right:.3rem}
 table{margin:.15rem 0;font-size:inherit}th,td{padding:0 .3rem}th{font-size:inherit}
 table.cats{display:block;width:auto;margin:.1rem 0}table.cats thead{display:none}table.cats tbody{display:block}
 table.cats tr{display:inline-block;margin-right:.9rem}table.cats td{display:inline;border:0;padding:0 .1rem}
 table.cats td:first-child{font-weight:600}table.cats td.num::before{content:attr(data-label);color:#5b6470;margin-right:.05rem}
 table.safety{display:block}table.safety thead{display:none}
 table.safety tbody{display:grid;grid-template-columns:1fr 1fr;column-gap:1rem}
 table.safety tr{display:grid;grid-template-columns:34% 30% 36%;border-bottom:1px solid #ebe8e1}table.safety td{border:0}
 .safety .legend{display:block}
 ul.benchmarks{margin:.15rem 0;gap:.2rem;grid-template-columns:repeat(4,1fr);font-size:inherit}ul.benchmarks li{padding:0 .3rem;font-size:inherit}
 ul.benchmarks small{display:none}
 .review{font-size:inherit;margin:.1rem 0 0}.status{margin:.1rem 0}
 .finding{display:block;border-color:#999;border-left-width:3px;border-radius:0;padding:.04rem .35rem;margin:.08rem 0}
 .finding p,.finding .head{margin:0;font-size:inherit}
 .finding .head,.finding .msg,.finding .fix,.finding blockquote.sentence{display:inline}
 .finding .msg::before,.finding .fix::before{content:" "}
 .finding blockquote.sentence{border:0;padding:0;background:none}
 .finding blockquote.sentence::before{content:" \\201c"}.finding blockquote.sentence::after{content:"\\201d"}
 .finding .fix.shared,.finding .src{display:none}
 .print-only{display:inline}.finding .fix.print-only{display:inline}
 .finding .sec,.finding .name{display:none}.finding .loc{font-family:inherit;font-size:inherit}
 blockquote.sentence{margin:0;padding:0 .35rem;font-size:inherit;border-left-width:2px}
 mark{background:none;font-weight:700;text-decoration:underline}
 a.why{display:none}
 fieldset.decision{float:right;border:0;margin:0 0 0 .6rem;padding:0;display:block}
 fieldset.decision legend{float:left;padding:0 .4rem 0 0;font-size:inherit}
 .notes{display:none}
 fieldset.decision label{margin:0 .45rem 0 0}fieldset.decision input{width:.75rem;height:.75rem;margin:0 .15rem 0 0;vertical-align:-.12rem}
 ol.seclist{display:block;columns:auto;font-size:inherit;margin:.1rem 0}
 ol.seclist li{display:inline;padding:0;border:0;text-indent:0}ol.seclist li::after{content:" \\b7  "}ol.seclist .mark{width:auto;margin-right:.15rem}
 ol.seclist .st{font-size:inherit}
 ul.refs{margin:0 0 .1rem;font-size:inherit;padding-left:0;list-style:none}ul.refs li{display:inline}ul.refs li:not(:last-child)::after{content:", "}
 ul.refs .more,fieldset.decision .more{display:none}ul.refs::before{content:"Also in Fix first: "}
 ol.seclist li.passed{display:none}
 .checks dl{font-size:6.3pt;columns:3;column-gap:1rem;margin:.1rem 0}.checks dt{margin-top:.15rem;break-after:avoid}.checks dd{margin-left:.5rem;break-inside:avoid}
 .notes-list ol{font-size:6.5pt;margin:.1rem 0;padding-left:1.2rem}.notes-list li{margin:0}
 .signoff{break-inside:avoid}.signoff p{margin:.1rem 0}.sign{margin-top:.5rem}
 .article{break-before:page}
 .article:first-of-type,.summary+.article{break-before:auto}
 a{color:inherit;text-decoration:none}
 footer{margin-top:.2rem}
}
"""


def e(text) -> str:
    return _html.escape(visible("" if text is None else str(text).translate(_SPACE)), quote=True)


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _counts(c: dict) -> str:
    cells = []
    for sev, label in (("error", "errors"), ("warning", "warnings"), ("info", "info")):
        cells.append(f'<div class="count {sev}"><span class="n">{c[sev]}</span><span class="l">{label}</span></div>')
    return '<div class="counts">' + "".join(cells) + "</div>"


def _summary(report: dict) -> str:
    s = report["summary"]
    rows = []
    for r in s["table"]:
        rows.append(
            "<tr>"
            f'<td><a href="#a-{e(r["slug"])}">{e(r["title"] or r["slug"])}</a></td>'
            f'<td class="num" data-label="Errors">{r["error"]}</td>'
            f'<td class="num" data-label="Warnings">{r["warning"]}</td>'
            f'<td class="num" data-label="Info">{r["info"]}</td>'
            f'<td class="num" data-label="Benchmarks met">{r["benchmarks_met"]}/{r["benchmarks_assessed"]}</td>'
            f'<td data-label="Review">{e(r["review_status"] or _DASH)}</td>'
            f'<td data-label="Due">{e(r["due"] or _DASH)}</td>'
            "</tr>")
    return (
        '<section class="panel summary" aria-label="Corpus summary">'
        f"<h2>{s['articles']} articles</h2>"
        + _counts(s["counts"])
        + f'<p class="meta">{_plural(s["waived"], "finding")} waived.</p>'
        '<table class="corpus"><thead><tr><th>Article</th><th class="num">Errors</th><th class="num">Warnings</th>'
        '<th class="num">Info</th><th class="num">Bench&shy;marks</th><th>Review</th><th>Due</th></tr></thead><tbody>'
        + "".join(rows) + "</tbody></table></section>")


def _scorecard(a: dict) -> str:
    card = a["scorecard"]
    parts = ['<section class="panel scorecard" aria-label="Scorecard">']
    if a.get("error"):
        parts.append(f'<p class="err"><strong>Could not be checked:</strong> {e(a["error"])}</p>')
    parts.append(_counts(card["counts"]))
    cats = [(c, v) for c, v in card["by_category"].items() if any(v.values())]
    if cats:
        parts.append('<table class="cats"><thead><tr><th>Category</th><th class="num">Errors</th>'
                     '<th class="num">Warnings</th><th class="num">Info</th></tr></thead><tbody>')
        for c, v in cats:
            parts.append(f'<tr><td>{e(c)}</td><td class="num" data-label="E">{v["error"]}</td>'
                         f'<td class="num" data-label="W">{v["warning"]}</td><td class="num" data-label="I">{v["info"]}</td></tr>')
        parts.append("</tbody></table>")
    if card["benchmarks"]:
        parts.append('<ul class="benchmarks" aria-label="JAMA benchmarks">')
        for bm in card["benchmarks"]:
            mark, word = _BM.get(bm["status"], ("?", bm["status"]))
            cls = bm["status"].replace(" ", "-")
            extra = f" ({_plural(bm['findings'], 'finding')})" if bm["status"] == "not met" else ""
            parts.append(f'<li class="{e(cls)}"><span class="mark" aria-hidden="true">{mark}</span>'
                         f'<strong>{e(bm["label"])}</strong>: {e(word)}{e(extra)}'
                         + (f'<small>{e(bm["question"])}</small>' if bm.get("question") else "") + "</li>")
        parts.append("</ul>")
    r = card["review"]
    bits = []
    if r.get("reviewed"):
        src = f" ({e(r['source'])})" if r.get("source") else ""
        word = "Dated" if r.get("source") == "dateline" else "Last reviewed"
        bits.append(f"{word} <strong>{e(r['reviewed'])}</strong>{src}")
    else:
        bits.append("No review date")
    if r.get("due"):
        bits.append(f"due <strong>{e(r['due'])}</strong>")
    if r.get("status"):
        bits.append(f"status <strong>{e(r['status'])}</strong>")
    if r.get("page_kinds"):
        bits.append("page: " + e(", ".join(r["page_kinds"])))
    parts.append('<p class="review">' + " \u00b7 ".join(bits) + "</p>")
    if a.get("signoff"):
        parts.append(_open_line(a["signoff"]))
    if card["waived"] or card["expired_waivers"]:
        parts.append(f'<p class="meta">{_plural(card["waived"], "finding")} waived; '
                     f'{_plural(card["expired_waivers"], "expired waiver")}.</p>')
    parts.append("</section>")
    return "".join(parts)


def _sentence(item: dict) -> str:
    """The sentence around the flagged words, the words marked."""
    sentence, excerpt = item.get("sentence") or "", item.get("excerpt") or ""
    at = sentence.find(excerpt) if excerpt else -1
    if at < 0:
        body = e(sentence)
    else:
        body = f"{e(sentence[:at])}<mark>{e(excerpt)}</mark>{e(sentence[at + len(excerpt):])}"
    return f'<blockquote class="sentence">{body}</blockquote>'


def _loc(item: dict, root) -> str:
    name = str(item.get("path") or "").rsplit("/", 1)[-1]
    text = f"{e(name)}:{e(item['line'])}"
    url = file_url(item.get("path"), root)
    if url is None:
        return f'<span class="loc mono">{text}</span>'
    return f'<a class="loc mono" href="{e(url)}">{text}</a>'


def _why_id(slug: str, check: str) -> str:
    return f"why-{e(slug)}-{e(check)}"


class _Fold:
    """What the cards of one article repeat, stated once in print (the screen keeps every card whole):
    the fix all findings of a check share and the sources several messages end with (numbered notes)."""

    def __init__(self, a: dict):
        self.slug = a["slug"]
        self.shared = {cid: c.get("shared_fix") for cid, c in (a.get("checks") or {}).items()}
        first = sorted((i for g in a["groups"] for i in g["findings"] if i.get("fix_first")),
                       key=lambda i: i["fix_first"])
        rest = [i for g in a["groups"] for i in g["findings"] if not i.get("fix_first")]
        self.notes = fold.shared_notes(first + rest)

    def message(self, item: dict) -> str:
        got = fold.trailing_note(item.get("message") or "")
        if not got or got[1] not in self.notes:
            return f'<p class="msg">{e(item["message"])}</p>'
        n = self.notes[got[1]]
        return (f'<p class="msg">{e(got[0])}<span class="src"> ({e(got[1])})</span>'
                f'<span class="print-only"> (sources: <a href="#{self.note_id(n)}">note {n}</a>)</span>'
                f'{e(got[2])}</p>')

    def note_id(self, n: int) -> str:
        return f"note-{e(self.slug)}-{n}"

    def fix(self, item: dict) -> str:
        fix = item.get("suggestion") or item.get("fix")
        why = f' <a class="why" href="#{_why_id(self.slug, item["check"])}">Why?</a>' if item.get("rationale") else ""
        if not fix:
            return f'<p class="fix">{why}</p>' if why else ""
        if not self.shared.get(item["check"]):
            return f'<p class="fix"><strong>Fix:</strong> {e(fix)}{why}</p>'
        return (f'<p class="fix shared"><strong>Fix:</strong> {e(fix)}{why}</p>'
                f'<p class="fix print-only"><strong>Fix:</strong> as for all {e(item["check"])}, '
                'under Why these checks.</p>')

    def notes_html(self) -> str:
        if not self.notes:
            return ""
        out = ['<section class="notes-list" aria-label="Sources"><h3>Sources several findings cite</h3><ol>']
        out += [f'<li id="{self.note_id(n)}">{e(note)}</li>' for note, n in self.notes.items()]
        return "".join(out) + "</ol></section>"


def _decision(item: dict) -> str:
    out = [f'<fieldset class="decision"><legend><span class="more">Decision \u00b7 </span>ID <code>{e(item["id"])}</code>'
           '</legend>']
    for option in item["decision"]["options"]:
        out.append(f'<label><input type="radio" name="d-{e(item["id"])}" value="{e(option)}"> '
                   f'{e(option.capitalize())}</label>')
    out.append('<span class="notes">Notes:</span></fieldset>')
    return "".join(out)


def _finding(item: dict, root, folded: _Fold) -> str:
    sev = item["severity"] if item["severity"] in _SEV else "info"
    name = f' <span class="name">{e(item["name"])}</span>' if item.get("name") else ""
    place = f'<span class="ord">{item["fix_first"]}</span>' if item.get("fix_first") else ""
    section = f' <span class="meta sec">\u00b7 {e(item["section"])}</span>' if item.get("section") else ""
    out = [f'<div class="finding {sev}" id="f-{e(item["id"])}">', _decision(item),
           f'<p class="head">{place}<span class="badge">{_SEV[sev]}</span><code>{e(item["check"])}</code>{name} '
           f'{_loc(item, root)}{section}</p>']
    if item.get("sentence") or item.get("excerpt"):
        out.append(_sentence(item))
    out.append(folded.message(item))
    out.append(folded.fix(item))
    out.append("</div>")
    return "".join(out)


def _fix_first(a: dict, root, folded: _Fold) -> str:
    items = sorted((i for g in a["groups"] for i in g["findings"] if i.get("fix_first")), key=lambda i: i["fix_first"])
    if not items:
        return ('<section class="fixfirst" aria-label="Fix first"><h3>Fix first</h3>'
                '<p class="empty">No errors and no dose or safety findings open.</p></section>')
    out = [f'<section class="fixfirst" aria-label="Fix first"><h3>Fix first ({len(items)})</h3>'
           '<p class="meta">Errors, then dose and safety findings, in reading order.</p>']
    out += [_finding(i, root, folded) for i in items]
    out.append("</section>")
    return "".join(out)


def _group_id(a: dict, n: int) -> str:
    return f"s-{e(a['slug'])}-{n}"


def _sections(a: dict) -> str:
    """Every section with its status; a section with findings links to its cards."""
    sections = a.get("sections") or []
    if not sections:
        return ""
    passed = sum(1 for s in sections if s["status"] == "passed")
    anchors = {g.get("path"): n for n, g in enumerate(a["groups"]) if g.get("path")}
    out = [f'<section class="sections" aria-label="Sections"><h3>Sections ({len(sections)}: {passed} passed, '
           f'{len(sections) - passed} with findings)</h3><ol class="seclist">']
    for s in sections:
        heading = e(s.get("heading") or str(s.get("path") or _DASH).rsplit("/", 1)[-1])
        if s["status"] == "passed":
            out.append(f'<li class="passed"><span class="mark" aria-hidden="true">\u2713</span>{heading} '
                       '<span class="st">passed</span></li>')
            continue
        c = s["counts"]
        label = _plural(c["total"], "finding")
        if s.get("path") in anchors:
            heading = f'<a href="#{_group_id(a, anchors[s["path"]])}">{heading}</a>'
        out.append(f'<li class="open"><span class="mark" aria-hidden="true">\u2717</span>{heading} '
                   f'<span class="st">{e(label)}</span></li>')
    out.append("</ol></section>")
    return "".join(out)


def _group(a: dict, n: int, group: dict, root, folded: _Fold) -> str:
    heading = group.get("heading") or "Whole article"
    items = group["findings"]
    out = [f'<section class="group" id="{_group_id(a, n)}"><h3>{e(heading)} '
           f'<small>{_plural(len(items), "finding")}</small></h3>']
    refs = sorted((i for i in items if i.get("fix_first")), key=lambda i: i["fix_first"])
    if refs:
        out.append('<ul class="refs" aria-label="In the fix-first list">')
        for i in refs:
            out.append(f'<li><a href="#f-{e(i["id"])}"><span class="more">Fix first </span>{i["fix_first"]}</a><span class="more">: '
                       f'<code>{e(i["check"])}</code> {e(_SEV.get(i["severity"], i["severity"]))} '
                       f'\u201c{e(i["excerpt"])}\u201d</span></li>')
        out.append("</ul>")
    out += [_finding(i, root, folded) for i in items if not i.get("fix_first")]
    out.append("</section>")
    return "".join(out)


def _waived(a: dict, root) -> str:
    out = []
    if a["waived"]:
        out.append(f'<section class="waived"><h3>Waived ({len(a["waived"])})</h3><ul>')
        for item in a["waived"]:
            w = item["waiver"]
            out.append(f'<li><code>{e(item["check"])}</code> {_loc(item, root)} \u201c{e(item["excerpt"])}\u201d '
                       f'\u2014 {e(w.get("reason"))} <span class="meta">(accepted by {e(w.get("accepted_by"))}; '
                       f'expires {e(w.get("expires"))})</span></li>')
        out.append("</ul></section>")
    if a["expired_waivers"]:
        out.append(f'<section class="expired"><h3>Expired waivers ({len(a["expired_waivers"])})</h3>'
                   '<p class="meta">These no longer silence anything; their findings are counted above.</p><ul>')
        for w in a["expired_waivers"]:
            out.append(f'<li><code>{e(w.get("check"))}</code> {e(w.get("record") or w.get("excerpt"))} \u2014 '
                       f'{e(w.get("reason"))} <span class="meta">(accepted by {e(w.get("accepted_by"))}; '
                       f'expired {e(w.get("expires"))})</span></li>')
        out.append("</ul></section>")
    return "".join(out)


def _checks(a: dict) -> str:
    checks = a.get("checks") or {}
    if not checks:
        return ""
    out = ['<section class="checks" aria-label="About the checks"><h3>Why these checks</h3><dl>']
    for cid, c in checks.items():
        shared = (f' <span class="shared-fix"><strong>Fix, for each of them:</strong> {e(c["shared_fix"])}</span>'
                  if c.get("shared_fix") else "")
        out.append(f'<dt id="{_why_id(a["slug"], cid)}"><code>{e(cid)}</code> {e(c.get("name"))} '
                   f'<span class="meta">({_plural(c["findings"], "finding")})</span></dt>'
                   f'<dd>{e(c.get("rationale"))}{shared}</dd>')
    out.append("</dl></section>")
    return "".join(out)


def _open_line(s: dict) -> str:
    o = s["open"]
    if s["ready"]:
        rest = f" ({_plural(s['open_total'], 'finding')} open, none blocking)" if s["open_total"] else ""
        return f'<p class="status ready"><strong>Ready for sign-off</strong>{e(rest)}.</p>'
    return (f'<p class="status open"><strong>Not ready for sign-off:</strong> still open '
            f'{_plural(o["error"], "error")}, {_plural(o["warning"], "warning")}, {o["info"]} info.</p>')


def _signoff(a: dict) -> str:
    s = a.get("signoff")
    if not s:
        return ""
    out = ['<section class="panel signoff" aria-label="Sign-off"><h3>Sign-off</h3>', _open_line(s)]
    if s["decisions"]:
        out.append('<table class="decisions"><thead><tr><th>Decision</th><th>Finding</th><th>By</th><th>On</th>'
                   '<th>Until</th></tr></thead><tbody>')
        for d in s["decisions"]:
            out.append(f'<tr><td data-label="Decision">{e(d["decision"])}</td>'
                       f'<td data-label="Finding"><code>{e(d["check"])}</code> \u201c{e(d["excerpt"])}\u201d '
                       f'<span class="meta">{e(d["reason"])}</span></td>'
                       f'<td data-label="By">{e(d["accepted_by"])}</td><td data-label="On">{e(d["accepted_on"] or _DASH)}</td>'
                       f'<td data-label="Until">{e(d["expires"])}</td></tr>')
        out.append("</tbody></table>")
    else:
        out.append('<p class="meta">No decisions recorded yet (<code>medlint review</code> writes them to '
                   "waivers.yaml).</p>")
    out.append('<p class="sign">Signed off by <span class="line"></span> Date <span class="line short"></span></p>'
               "</section>")
    return "".join(out)


def _safety(a: dict) -> str:
    panel = a.get("safety") or {}
    if not panel.get("medicines"):
        return ""
    parts = ['<section class="panel safety" aria-label="Reader safety"><h3>Reader safety</h3>',
             '<p class="meta print-only legend">Each row: medicine, warnings present, '
             '<span class="err">warnings missing</span>.</p>'
             '<table class="safety"><thead><tr><th>Medicine</th><th>Warnings present</th><th>Warnings missing</th>'
             "</tr></thead><tbody>"]
    for m in panel["medicines"]:
        shown = [c for c in m["classes"] if c != m["substance"]]
        classes = f' <span class="meta">({e(", ".join(shown))})</span>' if shown else ""
        parts.append(f'<tr><td class="med">{e(m["medicine"])}{classes}</td>'
                     f'<td data-label="Present">{e("; ".join(m["present"]) or _DASH)}</td>'
                     f'<td class="{"err" if m["missing"] else ""}" data-label="Missing">'
                     f'{e("; ".join(m["missing"]) or _DASH)}</td></tr>')
    parts.append("</tbody></table>")
    for key, label in (("combinations_flagged", "Combinations not warned about"),
                       ("combinations_warned", "Combinations warned about")):
        if panel.get(key):
            parts.append(f'<p class="meta">{label}:</p><ul class="combos">')
            parts += [f'<li><strong>{e(c["risk"])}</strong>: {e("; ".join(" + ".join(p) for p in c["pairs"]))}</li>'
                      for c in panel[key]]
            parts.append("</ul>")
    parts.append("</section>")
    return "".join(parts)


def _article(a: dict, root) -> str:
    out = [f'<article class="article" id="a-{e(a["slug"])}">', f'<h2>{e(a.get("title") or a["slug"])}</h2>']
    if a.get("path"):
        url = file_url(a["path"], root)
        path = e(a["path"]) if url is None else f'<a href="{e(url)}">{e(a["path"])}</a>'
        out.append(f'<p class="path mono">{path}</p>')
    out.append(_scorecard(a))
    out.append(_safety(a))
    folded = _Fold(a)
    out.append(_fix_first(a, root, folded))
    out.append(_sections(a))
    rest = [(n, g) for n, g in enumerate(a["groups"])]
    if not rest:
        out.append('<p class="empty">No open findings.</p>')
    else:
        out.append('<h3 class="part">Findings by section</h3>')
    out += [_group(a, n, g, root, folded) for n, g in rest]
    out.append(_waived(a, root))
    out.append(_checks(a))
    out.append(folded.notes_html())
    out.append(_signoff(a))
    out.append("</article>")
    return "\n".join(x for x in out if x)


def render(report: dict, links_from: str | None = None) -> str:
    """The whole page (deterministic: the same report gives the same bytes).

    ``links_from``: the relative way from the page's folder to the working
    directory the finding paths are relative to ("..", "."); None: no links."""
    articles = report["articles"]
    if len(articles) == 1:
        title = articles[0].get("title") or articles[0]["slug"]
    else:
        title = f"{len(articles)} articles"
    out = ["<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
           '<meta name="viewport" content="width=device-width, initial-scale=1">',
           '<meta name="referrer" content="no-referrer">',
           f"<title>medlint review \u2014 {e(title)}</title>", f"<style>{CSS}</style></head><body><main>",
           f'<header><p class="meta">medlint review \u00b7 judged on {e(report["today"])}</p>'
           f"<h1>Medical content review</h1></header>"]
    if report.get("summary"):
        out.append(_summary(report))
    out += [_article(a, links_from) for a in articles]
    out.append('<footer>Choices made on this page are not saved: record accepted and waived findings with '
               "<code>medlint review</code> (by their ID), which writes them to the article's waivers.yaml."
               "</footer></main></body></html>")
    return "\n".join(out) + "\n"
