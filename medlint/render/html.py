"""The review report as one self-contained HTML page for a review board.

Inline CSS only: no scripts, no fonts or images fetched, nothing that needs a
network. The layout is a single column that reflows to a phone's width
without horizontal scrolling, and a print stylesheet keeps each finding on
one page with its decision boxes. Every piece of article text goes through
:func:`html.escape`, its line breaks and tabs first made spaces (which is how
HTML shows them, and no line of the page starts inside a field) and its other
control characters written as escapes (``\\x1b``, :mod:`medlint.textsafe`).
"""

from __future__ import annotations

import html as _html

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
table.cats{table-layout:auto}table.cats td,table.cats th{overflow-wrap:normal;word-break:normal}table.cats .num{width:1%;white-space:nowrap}
th{overflow-wrap:normal;word-break:normal;font-size:.85rem}
ul.benchmarks{list-style:none;padding:0;margin:.6rem 0;display:grid;grid-template-columns:repeat(auto-fit,minmax(11rem,1fr));gap:.5rem}
ul.benchmarks li{border:1px solid #e2ded6;border-radius:8px;padding:.45rem .6rem;font-size:.9rem}
ul.benchmarks .mark{font-weight:700;margin-right:.3rem}
ul.benchmarks .met .mark{color:#2e6b3f}ul.benchmarks .not-met .mark{color:#a33a32}ul.benchmarks .not-assessed .mark{color:#7a828c}
ul.benchmarks small{display:block;color:#5b6470}
.review{font-size:.95rem;margin:.6rem 0 0}
.finding{background:#fff;border:1px solid #e2ded6;border-left:5px solid #7a828c;border-radius:8px;padding:.8rem .9rem;margin:.8rem 0;break-inside:avoid;page-break-inside:avoid}
.finding.error{border-left-color:#a33a32}.finding.warning{border-left-color:#c08a1e}.finding.info{border-left-color:#5b86b0}
.finding .head{margin:0 0 .4rem;font-size:.92rem}
.badge{display:inline-block;border-radius:999px;padding:0 .55rem;font-size:.78rem;font-weight:600;background:#eee;margin-right:.3rem}
.error .badge{background:#f6e3e1;color:#8c2f28}.warning .badge{background:#f7eed8;color:#6e4a00}.info .badge{background:#e3edf6;color:#244c70}
.loc{color:#5b6470}
blockquote.excerpt{margin:.4rem 0;padding:.4rem .7rem;background:#fbf7e9;border-left:3px solid #d9c98f;border-radius:4px;font-size:.95rem}
.finding p{margin:.35rem 0}
.why,.fix{font-size:.92rem}
fieldset.decision{border:1px dashed #bdb7ab;border-radius:6px;margin:.6rem 0 0;padding:.4rem .7rem .6rem}
fieldset.decision legend{font-size:.8rem;color:#5b6470;padding:0 .3rem}
fieldset.decision label{display:inline-block;margin:.15rem 1.1rem .15rem 0;white-space:nowrap}
fieldset.decision input{width:1.05rem;height:1.05rem;vertical-align:-.15rem;margin:0 .35rem 0 0}
.notes{margin-top:.45rem;font-size:.85rem;color:#5b6470;border-bottom:1px solid #bdb7ab;min-height:1.7rem}
.waived li,.expired li{margin:.4rem 0;font-size:.92rem}
.safety h3{margin-top:0}ul.combos{margin:.3rem 0;padding-left:1.2rem;font-size:.92rem}
.empty{color:#2e6b3f}
.err{color:#8c2f28}
footer{color:#7a828c;font-size:.8rem;margin-top:2rem}
@media (max-width:600px){
 main{padding:.8rem .6rem 2rem}
 .panel{padding:.8rem}
 table.corpus thead{display:none}
 table.corpus,table.corpus tbody,table.corpus tr,table.corpus td{display:block;width:auto}
 table.corpus tr{border-bottom:1px solid #e2ded6;padding:.4rem 0}
 table.corpus td{border:0;padding:.1rem 0;text-align:left}
 table.corpus td[data-label]::before{content:attr(data-label) ": ";color:#5b6470}
}
@media print{
 @page{margin:16mm 14mm}
 body{background:#fff;font-size:11pt}
 main{max-width:none;padding:0}
 .panel,.finding{border-color:#999}
 .article{break-before:page}
 .article:first-of-type{break-before:auto}
 h3{break-after:avoid}
 a{color:inherit;text-decoration:none}
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
            parts.append(f'<tr><td>{e(c)}</td><td class="num">{v["error"]}</td><td class="num">{v["warning"]}</td>'
                         f'<td class="num">{v["info"]}</td></tr>')
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
        bits.append(f"Last reviewed <strong>{e(r['reviewed'])}</strong>{src}")
    else:
        bits.append("No review date")
    if r.get("due"):
        bits.append(f"due <strong>{e(r['due'])}</strong>")
    if r.get("status"):
        bits.append(f"status <strong>{e(r['status'])}</strong>")
    parts.append('<p class="review">' + " \u00b7 ".join(bits) + "</p>")
    if card["waived"] or card["expired_waivers"]:
        parts.append(f'<p class="meta">{_plural(card["waived"], "finding")} waived; '
                     f'{_plural(card["expired_waivers"], "expired waiver")}.</p>')
    parts.append("</section>")
    return "".join(parts)


def _safety(a: dict) -> str:
    panel = a.get("safety") or {}
    if not panel.get("medicines"):
        return ""
    parts = ['<section class="panel safety" aria-label="Reader safety"><h3>Reader safety</h3>',
             '<table class="safety"><thead><tr><th>Medicine</th><th>Warnings present</th><th>Warnings missing</th>'
             "</tr></thead><tbody>"]
    for m in panel["medicines"]:
        shown = [c for c in m["classes"] if c != m["substance"]]
        classes = f' <span class="meta">({e(", ".join(shown))})</span>' if shown else ""
        parts.append(f'<tr><td>{e(m["medicine"])}{classes}</td><td>{e("; ".join(m["present"]) or _DASH)}</td>'
                     f'<td class="{"err" if m["missing"] else ""}">{e("; ".join(m["missing"]) or _DASH)}</td></tr>')
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


def _finding(item: dict, n: int) -> str:
    sev = item["severity"] if item["severity"] in _SEV else "info"
    name = f" {e(item['name'])}" if item.get("name") else ""
    out = [f'<div class="finding {sev}">',
           f'<p class="head"><span class="badge">{_SEV[sev]}</span><code>{e(item["check"])}</code>{name} '
           f'<span class="loc mono">{e(item["path"])}:{e(item["line"])}:{e(item["column"])}</span></p>']
    if item.get("excerpt"):
        out.append(f'<blockquote class="excerpt">{e(item["excerpt"])}</blockquote>')
    out.append(f'<p class="msg">{e(item["message"])}</p>')
    if item.get("rationale"):
        out.append(f'<p class="why"><strong>Why:</strong> {e(item["rationale"])}</p>')
    fix = item.get("suggestion") or item.get("fix")
    if fix:
        out.append(f'<p class="fix"><strong>Fix:</strong> {e(fix)}</p>')
    out.append('<fieldset class="decision"><legend>Reviewer decision</legend>')
    for option in item["decision"]["options"]:
        out.append(f'<label><input type="checkbox" name="f{n}-{e(option)}"> {e(option.capitalize())}</label>')
    out.append('<div class="notes">Notes:</div></fieldset></div>')
    return "".join(out)


def _waived(a: dict) -> str:
    out = []
    if a["waived"]:
        out.append(f'<section class="waived"><h3>Waived ({len(a["waived"])})</h3><ul>')
        for item in a["waived"]:
            w = item["waiver"]
            out.append(f'<li><code>{e(item["check"])}</code> <span class="loc mono">{e(item["path"])}:{e(item["line"])}'
                       f'</span> \u201c{e(item["excerpt"])}\u201d \u2014 {e(w.get("reason"))} '
                       f'<span class="meta">(accepted by {e(w.get("accepted_by"))}; expires {e(w.get("expires"))})</span></li>')
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


def render(report: dict) -> str:
    """The whole page (deterministic: the same report gives the same bytes)."""
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
    n = 0
    for a in articles:
        out.append(f'<article class="article" id="a-{e(a["slug"])}">')
        out.append(f'<h2>{e(a.get("title") or a["slug"])}</h2>')
        if a.get("path"):
            out.append(f'<p class="path mono">{e(a["path"])}</p>')
        out.append(_scorecard(a))
        out.append(_safety(a))
        if not a["groups"]:
            out.append('<p class="empty">No open findings.</p>')
        for group in a["groups"]:
            heading = group.get("heading") or "Whole article"
            out.append(f'<section class="group"><h3>{e(heading)}</h3>')
            for item in group["findings"]:
                n += 1
                out.append(_finding(item, n))
            out.append("</section>")
        out.append(_waived(a))
        out.append("</article>")
    out.append('<footer>Decisions ticked here are not saved; record them in the review ticket or waivers.yaml.'
               "</footer></main></body></html>")
    return "\n".join(out) + "\n"
