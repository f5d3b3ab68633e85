"""The review report: findings arranged for a review board (plain data).

:func:`build_report` takes what a run produced -- each article's info dict
(``ArticleResult.info``: title, dates, sections), the open findings, the
waived ones and the check registry -- and arranges it:

* a corpus summary first, when there are several articles;
* per article a scorecard: open findings by severity and category, the JAMA
  benchmarks (authorship, attribution, disclosure, currency) met or not, and
  the review status and due date;
* a "fix first" list: every open finding of the severities
  ``checks/report.yaml`` ``fix_first`` names (errors), then the other open
  findings of its categories (doses, reader safety), each with its sentence;
* every section in reading order with its status (passed, or how many open
  findings it has);
* a "Reader safety" panel: each medicine the article doses, its class warnings
  present or missing, and the combinations flagged (from ``info["safety"]``, which
  :mod:`medlint.checks.safety` works out);
* the open findings grouped by section in reading order (article-level ones
  first), each with its excerpt, the sentence around it (the finding's
  ``context``), the suggested fix and an empty reviewer-decision slot; each
  check's rationale once per article (``checks``), which the cards refer to,
  with the fix its findings share when they all suggest the same;
* the waived findings with the waiver's reason, who accepted it and until
  when, and the waivers that have expired;
* a sign-off block: the recorded decisions (who accepted what, when) and what
  is still open.

The report never decides what is wrong. Benchmarks are scored only from open
findings, as ``checks/report.yaml`` maps them; the review status is the one
``medlint.checks.review.review_summary`` worked out for the engine
(``info["review"]``: the rules REV001-REV003 judge by, page kinds included).
Output is plain JSON-able data with a deterministic order; nothing in it
depends on the clock except through ``today``.
"""

from __future__ import annotations

import datetime as _dt
import json
import os

from medlint.findings import CATEGORIES, SEVERITIES, Finding
from medlint.textsafe import json_inert

VERSION = 1
DECISIONS = ("accept", "fix", "waive")
MET, NOT_MET, NOT_ASSESSED = "met", "not met", "not assessed"
_ARTICLE_FILES = ("article.yaml", "waivers.yaml")
#: How many hex digits of a finding's fingerprint the report shows as its ID (``medlint review`` takes it).
ID_LENGTH = 12
PASSED, HAS_FINDINGS = "passed", "findings"


# ---------------------------------------------------------------------------
# helpers


def first_paragraph(text: str) -> str:
    """The first paragraph of a rationale, on one line."""
    text = (text or "").strip()
    para = text.split("\n\n", 1)[0]
    return " ".join(para.split())


def _counts(findings) -> dict:
    out = {s: 0 for s in SEVERITIES}
    for f in findings:
        out[f.severity] = out.get(f.severity, 0) + 1
    out["total"] = len(findings)
    return out


def _by_category(findings) -> dict:
    out = {c: {s: 0 for s in SEVERITIES} for c in CATEGORIES}
    for f in findings:
        out.setdefault(f.category, {s: 0 for s in SEVERITIES})
        out[f.category][f.severity] = out[f.category].get(f.severity, 0) + 1
    return out


def _iso(value) -> str | None:
    if value is None:
        return None
    if isinstance(value, (_dt.date, _dt.datetime)):
        return value.isoformat()[:10]
    return str(value)


_REVIEW_KEYS = ("reviewed", "source", "max_age_months", "due", "status", "page_kinds")


def review_info(info: dict) -> dict:
    """Review status and due date of one article (dates as YYYY-MM-DD strings).

    What the review checks worked out (``info["review"]``, which the engine fills in with
    :func:`medlint.checks.review.review_summary`: the same rules REV001-REV003 judge by).
    An article without it (one that could not be checked) shows its metadata's dates:
    ``reviewed`` is ``last_reviewed`` (else ``updated``), ``due`` is ``next_review``, and
    ``status`` stays None.
    """
    got = info.get("review")
    if isinstance(got, dict):
        return {k: list(got.get(k) or ()) if k == "page_kinds" else got.get(k) for k in _REVIEW_KEYS}
    reviewed = info.get("last_reviewed")
    source = "last_reviewed" if reviewed else None
    if not reviewed and info.get("updated"):
        reviewed, source = info.get("updated"), "updated"
    return {"reviewed": _iso(reviewed), "source": source, "max_age_months": None,
            "due": _iso(info.get("next_review")), "status": None, "page_kinds": []}


def _benchmarks(findings, config: dict, registry) -> list[dict]:
    severities = set(config.get("not_met_severities") or ("error", "warning"))
    known_ids = set(registry) if registry is not None else None
    known_cats = {getattr(i, "category", None) for i in registry.values()} if registry is not None else None
    out = []
    for bm in config.get("benchmarks", []):
        ids = set(bm.get("checks", []))
        cats = set(bm.get("categories", []))
        if known_ids is None:
            assessed = bool(ids or cats)
        else:
            assessed = bool(ids & known_ids or cats & known_cats)
        hits = [f for f in findings if f.severity in severities and (f.check in ids or f.category in cats)]
        status = NOT_ASSESSED if not assessed and not hits else (NOT_MET if hits else MET)
        out.append({
            "id": bm["id"],
            "label": bm.get("label", bm["id"]),
            "question": bm.get("question", ""),
            "status": status,
            "findings": len(hits),
            "checks": sorted({f.check for f in hits}),
        })
    return out


def _item(f: Finding, registry) -> dict:
    info = registry.get(f.check) if registry is not None else None
    from medlint.baseline import fingerprint

    digest = fingerprint(f)
    return {
        "id": digest[:ID_LENGTH],
        "check": f.check,
        "name": getattr(info, "name", "") if info is not None else "",
        "category": f.category,
        "severity": f.severity,
        "path": f.path,
        "line": f.line,
        "column": f.column,
        "record": f.record,
        "section": f.section,
        "excerpt": f.excerpt,
        "context": f.context,
        "sentence": f.context if f.excerpt and f.excerpt in (f.context or "") else f.excerpt or f.context,
        "message": f.message,
        "suggestion": f.suggestion,
        "rationale": first_paragraph(getattr(info, "rationale", "")) if info is not None else "",
        "fix": getattr(info, "fix", "") if info is not None else "",
        "fingerprint": digest,
        "fix_first": None,
        "decision": {"choice": None, "options": list(DECISIONS), "notes": ""},
    }


def _norm(path: str | None) -> str:
    return os.path.normpath(path).replace(os.sep, "/") if path else ""


class _Placer:
    """Which section of an article a finding belongs to (by its file)."""

    def __init__(self, info: dict):
        self.sections = [s for s in info.get("sections", []) if isinstance(s, dict)]
        self.by_path = {_norm(s.get("path")): i for i, s in enumerate(self.sections)}
        self.by_name: dict[str, int] = {}
        for i, s in enumerate(self.sections):
            self.by_name.setdefault(os.path.basename(_norm(s.get("path"))), i)

    def key(self, f) -> tuple:
        """(0, 0, "") for the whole article, (1, index, "") for a listed section,
        (1, len(sections), file) for a section file the info does not list."""
        p = _norm(f.path)
        name = os.path.basename(p)
        idx = self.by_path.get(p, self.by_name.get(name))
        if idx is not None:
            return (1, idx, "")
        if name in _ARTICLE_FILES or not name.endswith((".yaml", ".yml")) or not name[:3].isdigit():
            return (0, 0, "")
        return (1, len(self.sections), name)  # e.g. records that failed validation

    def meta(self, key: tuple, f) -> dict:
        if key[0] == 0:
            return {"heading": None, "kind": "article", "level": None, "path": None}
        if key[2]:
            return {"heading": f.section, "kind": None, "level": None, "path": f.path}
        s = self.sections[key[1]]
        return {"heading": s.get("heading"), "kind": s.get("kind"), "level": s.get("level"), "path": s.get("path")}


def _groups(findings, info: dict, registry) -> list[dict]:
    """Findings by section in reading order; article-level group first."""
    placer = _Placer(info)
    buckets: dict[tuple, list] = {}
    meta: dict[tuple, dict] = {}
    for f in findings:
        key = placer.key(f)
        meta[key] = placer.meta(key, f)
        buckets.setdefault(key, []).append(f)
    out = []
    for key in sorted(buckets):
        items = sorted(buckets[key], key=lambda f: (os.path.basename(f.path) != "article.yaml", f.path, f.line,
                                                    f.column, f.check, f.excerpt, f.message))
        group = dict(meta[key])
        group["findings"] = [_item(f, registry) for f in items]
        out.append(group)
    _unique_ids(out)
    return out


def _unique_ids(groups: list[dict]) -> None:
    """Two findings with the same fingerprint (the same excerpt twice in a record) get -2, -3..."""
    seen: dict[str, int] = {}
    for g in groups:
        for item in g["findings"]:
            n = seen.get(item["id"], 0) + 1
            seen[item["id"]] = n
            if n > 1:
                item["id"] = f"{item['id']}-{n}"


def _sections(findings, waived_findings, info: dict) -> list[dict]:
    """Every section of the article in reading order with its status: passed or n open findings."""
    placer = _Placer(info)
    open_at: dict[int, list] = {}
    waived_at: dict[int, int] = {}
    for f in findings:
        key = placer.key(f)
        if key[0] == 1 and not key[2]:
            open_at.setdefault(key[1], []).append(f)
    for f in waived_findings:
        key = placer.key(f)
        if key[0] == 1 and not key[2]:
            waived_at[key[1]] = waived_at.get(key[1], 0) + 1
    out = []
    for i, s in enumerate(placer.sections):
        mine = open_at.get(i, [])
        out.append({"heading": s.get("heading"), "kind": s.get("kind"), "level": s.get("level"),
                    "path": s.get("path"), "status": HAS_FINDINGS if mine else PASSED,
                    "counts": _counts(mine), "waived": waived_at.get(i, 0)})
    return out


def _fix_first(groups: list[dict], config: dict) -> list[str]:
    """IDs of the findings to fix first: the severities named (errors), then the
    other findings of the categories and checks named (doses, reader safety),
    each part in reading order. Marks each item with its place (1, 2, ...)."""
    rule = config.get("fix_first") or {}
    severities = set(rule.get("severities") or ("error",))
    categories = set(rule.get("categories") or ())
    checks = set(rule.get("checks") or ())
    items = [item for g in groups for item in g["findings"]]
    first = [i for i in items if i["severity"] in severities]
    then = [i for i in items if i["severity"] not in severities
            and (i["category"] in categories or i["check"] in checks)]
    out = []
    for n, item in enumerate(first + then, 1):
        item["fix_first"] = n
        out.append(item["id"])
    return out


def _checks(groups: list[dict]) -> dict:
    """Each check with open findings in the article, once: name, rationale, fix, how many findings,
    and ``shared_fix``: the suggestion, when two or more findings of the check all make the same one
    (the renderers may then state it once, beside the rationale)."""
    out: dict[str, dict] = {}
    suggestions: dict[str, set] = {}
    for g in groups:
        for item in g["findings"]:
            slot = out.setdefault(item["check"], {"name": item["name"], "category": item["category"],
                                                  "rationale": item["rationale"], "fix": item["fix"],
                                                  "findings": 0})
            slot["findings"] += 1
            suggestions.setdefault(item["check"], set()).add(item["suggestion"] or "")
    for cid, slot in out.items():
        (only,) = suggestions[cid] if len(suggestions[cid]) == 1 else (None,)
        slot["shared_fix"] = only if only and slot["findings"] > 1 else None
    return dict(sorted(out.items()))


def _signoff(counts: dict, waived_items: list[dict], config: dict) -> dict:
    """Who accepted what and when (the waivers that hold today), and what is still open."""
    blocking = list(config.get("signoff_blocking") or ("error", "warning"))
    decisions = []
    for item in waived_items:
        w = item["waiver"]
        decisions.append({"id": item["id"], "check": item["check"], "excerpt": item["excerpt"],
                          "section": item["section"], "decision": w.get("decision") or "waive",
                          "accepted_by": w.get("accepted_by"), "accepted_on": w.get("accepted_on"),
                          "reason": w.get("reason"), "expires": w.get("expires")})
    decisions.sort(key=lambda d: (d["accepted_on"] or "", d["accepted_by"] or "", d["check"], d["id"]))
    still_open = {s: counts.get(s, 0) for s in SEVERITIES}
    return {"decisions": decisions, "open": still_open, "open_total": counts.get("total", 0),
            "blocking": blocking, "ready": not any(still_open.get(s) for s in blocking)}


def _safety_panel(info: dict) -> dict:
    """The "Reader safety" panel: what the safety checks worked out (``info["safety"]``,
    medlint.checks.safety.safety_info), arranged per medicine and per combination."""
    data = info.get("safety") if isinstance(info.get("safety"), dict) else {}
    medicines = []
    for m in data.get("medicines") or []:
        warnings = m.get("warnings") or []
        medicines.append({
            "medicine": m.get("medicine"),
            "substance": m.get("substance"),
            "classes": list(m.get("classes") or []),
            "present": [w.get("risk") for w in warnings if w.get("present")],
            "missing": [w.get("risk") for w in warnings if not w.get("present")],
        })
    flagged: dict[str, dict] = {}
    warned: dict[str, dict] = {}
    for c in data.get("combinations") or []:
        into = warned if c.get("warned") else flagged
        slot = into.setdefault(c.get("combination"), {"combination": c.get("combination"), "risk": c.get("risk"),
                                                       "pairs": []})
        slot["pairs"].append(list(c.get("medicines") or []))
    return {"medicines": medicines, "combinations_flagged": list(flagged.values()),
            "combinations_warned": list(warned.values())}


def _waived_item(f: Finding, w, registry) -> dict:
    item = _item(f, registry)
    item.pop("decision")
    item["waiver"] = _waiver_json(w)
    return item


def _waiver_json(w) -> dict:
    if hasattr(w, "to_json"):
        return w.to_json()
    return {k: _iso(v) if k == "expires" else v for k, v in dict(w).items()}


# ---------------------------------------------------------------------------
# the report


def output_info(article_result) -> dict:
    """What ``check --format json`` lists for one article: its info, and for an article that could
    not be checked its slug, folder and error (so ``report --merge`` carries the error through)."""
    info = dict(article_result.info) if article_result.info else {"slug": article_result.slug,
                                                                   "path": article_result.folder}
    if article_result.error:
        info["error"] = article_result.error
    return info


def infos_from_run(result) -> list[dict]:
    """Info dicts from an engine RunResult: each article's info, plus slug/path/error."""
    out = []
    for a in result.articles:
        info = dict(a.info)
        info.setdefault("slug", a.slug)
        info.setdefault("path", a.folder)
        info.setdefault("title", None)
        if a.error:
            info["error"] = a.error
        info["checked"] = a.checked
        out.append(info)
    return out


def build_report(articles: list[dict], findings: list[Finding], waived=(), registry=None,
                 today: _dt.date | None = None, *, expired=(), config: dict | None = None) -> dict:
    """Arrange a run's results for review.

    ``articles``: info dicts (``ArticleResult.info`` or :func:`infos_from_run`);
    ``findings``: the open findings (after waivers, including waiver problems);
    ``waived``: ``(Finding, Waiver)`` pairs; ``registry``: check ID ->
    CheckInfo (``registry.all_checks()``); ``today``: the date judged by;
    ``expired``: waivers whose expiry passed (:func:`medlint.waivers.expired_waivers`);
    ``config``: ``checks/report.yaml`` data (loaded when None). Each article's review
    status is the one its info carries (:func:`review_info`).
    """
    if today is None:
        raise ValueError("build_report needs today (pass the run's date)")
    if config is None:
        from medlint import policy

        config = policy.load("report")

    infos = _article_infos(articles, findings, waived, expired)
    open_by = _by_article(infos, findings, lambda f: f.article)
    waived_by = _by_article(infos, waived, lambda pair: pair[0].article)
    expired_by = _by_article(infos, expired, lambda w: w.article)
    out_articles = [_article_entry(infos[slug], open_by[slug], waived_by[slug], expired_by[slug],
                                   registry, config)
                    for slug in sorted(infos)]

    report = {
        "version": VERSION,
        "today": today.isoformat(),
        "decisions": list(DECISIONS),
        "summary": _corpus_summary(out_articles, findings) if len(out_articles) > 1 else None,
        "articles": out_articles,
    }
    return report


def _article_infos(articles, findings, waived, expired) -> dict[str, dict]:
    """Each article's info by slug; an article known only from a finding or a waiver
    gets a bare one, so nothing the run produced is left out of the report."""
    infos: dict[str, dict] = {}
    for info in articles:
        slug = info.get("slug")
        if slug and slug not in infos:
            infos[slug] = info
    named = [f.article for f in findings] + [f.article for f, _ in waived] + [w.article for w in expired]
    for slug in named:
        infos.setdefault(slug, {"slug": slug, "title": None, "path": None})
    return infos


def _by_article(infos: dict, items, article_of) -> dict[str, list]:
    grouped: dict[str, list] = {slug: [] for slug in infos}
    for item in items:
        grouped[article_of(item)].append(item)
    return grouped


def _article_entry(info: dict, open_findings, waived_pairs, expired, registry, config: dict) -> dict:
    """One article's part of the report: its scorecard, groups, panels and sign-off."""
    mine = sorted(open_findings, key=Finding.sort_key)
    pairs = sorted(waived_pairs, key=lambda p: Finding.sort_key(p[0]))
    groups = _groups(mine, info, registry)
    waived_items = [_waived_item(f, w, registry) for f, w in pairs]
    counts = _counts(mine)
    return {
        "slug": info["slug"],
        "title": info.get("title"),
        "path": info.get("path"),
        "error": info.get("error"),
        "authors": list(info.get("authors") or []),
        "reviewers": [dict(r) for r in info.get("reviewers") or []],
        "scorecard": {
            "counts": counts,
            "by_category": _by_category(mine),
            "benchmarks": _benchmarks(mine, config, registry),
            "review": review_info(info),
            "waived": len(pairs),
            "expired_waivers": len(expired),
        },
        "safety": _safety_panel(info),
        "fix_first": _fix_first(groups, config),
        "sections": _sections(mine, [f for f, _ in pairs], info),
        "article_level": sum(len(g["findings"]) for g in groups if g["kind"] == "article"),
        "groups": groups,
        "checks": _checks(groups),
        "waived": waived_items,
        "expired_waivers": [_waiver_json(w) for w in
                            sorted(expired, key=lambda w: (getattr(w, "path", ""), getattr(w, "line", 0)))],
        "signoff": _signoff(counts, waived_items, config),
    }


def _corpus_summary(articles: list[dict], findings) -> dict:
    bm_counts: dict[str, dict] = {}
    review_counts: dict[str, int] = {}
    rows = []
    waived = 0
    for a in articles:
        card = a["scorecard"]
        waived += card["waived"]
        for bm in card["benchmarks"]:
            slot = bm_counts.setdefault(bm["id"], {"label": bm["label"], MET: 0, NOT_MET: 0, NOT_ASSESSED: 0})
            slot[bm["status"]] += 1
        status = card["review"].get("status") or "unknown"
        review_counts[status] = review_counts.get(status, 0) + 1
        rows.append({
            "slug": a["slug"],
            "title": a["title"],
            "error": card["counts"]["error"],
            "warning": card["counts"]["warning"],
            "info": card["counts"]["info"],
            "benchmarks_met": sum(1 for b in card["benchmarks"] if b["status"] == MET),
            "benchmarks_assessed": sum(1 for b in card["benchmarks"] if b["status"] != NOT_ASSESSED),
            "review_status": card["review"].get("status"),
            "due": card["review"].get("due"),
            "waived": card["waived"],
        })
    return {
        "articles": len(articles),
        "counts": _counts(findings),
        "by_category": _by_category(findings),
        "benchmarks": [dict(id=k, **v) for k, v in bm_counts.items()],
        "review": dict(sorted(review_counts.items())),
        "waived": waived,
        "table": rows,
    }


def dumps(report: dict) -> str:
    """The report as JSON text (``--format json``), byte-identical for the same input; DEL, C1,
    U+2028/U+2029 and bidi controls as ``\\uXXXX`` escapes (:func:`medlint.textsafe.json_inert`)."""
    return json_inert(json.dumps(report, indent=2, ensure_ascii=False, sort_keys=True)) + "\n"
