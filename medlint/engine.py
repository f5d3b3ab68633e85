"""The engine: articles in, sorted findings and an exit code out.

For each article folder: load (safe YAML with marks) -> validate (schema
findings) -> model -> every enabled check -> hits located as findings. Articles
stream through one at a time; only their findings are kept.
"""

from __future__ import annotations

import datetime as _dt
import gc
import os
from dataclasses import dataclass, field
from functools import lru_cache

from medlint.errors import InputError
from medlint.findings import SEVERITY_RANK, Finding, Hit
from medlint.records.model import Article, FaqEntry, Record, section_of
from medlint.records.yamlio import Document


@dataclass(frozen=True)
class Options:
    """What a run checks and how: the one injectable today, and the check selection."""

    today: _dt.date
    select: frozenset[str] = frozenset()      # only these check IDs (empty: all)
    ignore: frozenset[str] = frozenset()      # never these
    severity: tuple[tuple[str, str], ...] = ()  # (check ID, severity) overrides


@dataclass
class ArticleResult:
    """One article's outcome: its findings (open and waived) or the error that stopped it."""

    folder: str
    slug: str
    findings: list[Finding] = field(default_factory=list)
    error: str | None = None       # an unreadable file: the one-line message
    checked: bool = False          # the battery ran (records were valid)
    info: dict = field(default_factory=dict)  # title, dates, sections: what reports show
    waived: list = field(default_factory=list)    # (Finding, Waiver) pairs silenced by waivers.yaml
    expired: list = field(default_factory=list)   # waivers past their expiry date


def article_info(article: Article) -> dict:
    """What a report shows about an article besides its findings (plain JSON data)."""
    from medlint.checks.safety import safety_info

    meta = article.meta
    return {
        "slug": article.slug,
        "title": article.title,
        "path": _rel(article.folder),
        "authors": [p.get("name", "") for p in meta.get("authors", [])],
        "reviewers": [
            {"name": p.get("name", ""), "credentials": list(p.get("credentials", []))}
            for p in meta.get("reviewers", [])
        ],
        "last_reviewed": meta.get("last_reviewed"),
        "updated": meta.get("updated"),
        "next_review": meta.get("next_review"),
        "sections": [
            {"heading": s.heading, "kind": s.kind, "level": s.level, "path": _rel(s.path)}
            for s in article.sections
        ],
        "safety": safety_info(article),  # the report's "Reader safety" panel
    }


@dataclass
class RunResult:
    """Every article's result of one in-memory run, in the order checked."""

    articles: list[ArticleResult]

    @property
    def findings(self) -> list[Finding]:
        out = [f for a in self.articles for f in a.findings]
        out.sort(key=Finding.sort_key)
        return out

    @property
    def waived(self) -> list:
        out = [pair for a in self.articles for pair in a.waived]
        out.sort(key=lambda pair: pair[0].sort_key())
        return out

    @property
    def errors(self) -> list[str]:
        return [a.error for a in self.articles if a.error]


@lru_cache(maxsize=8)
def enabled_checks(options: Options) -> tuple:
    """The checks a run uses, in ID order (worked out once per run, not per article)."""
    from medlint.registry import all_checks

    return tuple(info for cid, info in all_checks().items()
                 if (not options.select or cid in options.select) and cid not in options.ignore)


def _rel(path: str) -> str:
    rel = os.path.relpath(path)
    return path if rel.startswith("..") else rel


def locate(doc: Document, record: Record, hit: Hit) -> tuple[int, int]:
    """Line and column of ``hit.excerpt`` inside ``record`` in ``doc``."""
    fields = [hit.field]
    if isinstance(record, FaqEntry) and hit.field == "text":
        fields = ["question", "answer"]
    for name in fields:
        ptr = record.field_pointer(name)
        if ptr not in doc.marks:
            continue
        line, col = doc.marks[ptr]
        value = _field_value(record, name)
        if hit.excerpt and isinstance(value, str) and hit.excerpt in value:
            nth = value.count(hit.excerpt, 0, hit.start) if hit.start is not None else 0
            raw = doc.line_text(line)
            pos = col - 1
            for _ in range(nth + 1):
                pos = raw.find(hit.excerpt, pos if _ == 0 else pos + 1)
                if pos < 0:
                    break
            return (line, pos + 1) if pos >= 0 else (line, col)
        if len(fields) == 1 or (hit.excerpt and isinstance(value, str) and hit.excerpt in value):
            return line, col
    return doc.mark(record.pointer)


def _field_value(record: Record, name: str):
    if name == "text":
        return getattr(record, "text", None)
    if isinstance(record, Article):
        value = record.meta  # a pointer into article.yaml, e.g. "footer/1/text"
        for part in name.split("/"):
            if isinstance(value, list) and part.isdigit() and int(part) < len(value):
                value = value[int(part)]
            elif isinstance(value, dict):
                value = value.get(part)
            else:
                return None
        return value
    return getattr(record, name, None)


def check_article(folder: str, options: Options) -> ArticleResult:
    """Run the whole battery over one article folder."""
    from medlint.checks.schema import SCHEMA_CHECK
    from medlint.records.store import load_article
    from medlint.registry import Context

    slug = os.path.basename(os.path.normpath(folder))
    result = ArticleResult(folder=folder, slug=slug)
    try:
        loaded = load_article(folder)
    except InputError as exc:
        result.error = str(InputError(exc.message, _rel(exc.path) if exc.path else None, exc.line, exc.column))
        return result
    overrides = dict(options.severity)
    checks = enabled_checks(options)
    schema_on = any(c.id == SCHEMA_CHECK for c in checks)
    if schema_on:
        for path, v in loaded.violations:
            sev = overrides.get(SCHEMA_CHECK, "error")
            result.findings.append(Finding(
                check=SCHEMA_CHECK, category="schema", severity=sev, path=_rel(path), line=v.line,
                column=v.column, article=slug, record=f"{os.path.basename(path)}#{v.pointer}", section=None,
                excerpt=v.excerpt, context="", message=v.message,
                suggestion="Fix the value to match schema/ (see `medlint explain SCH001`)."))
    article = loaded.article
    if article is None:
        return result
    result.checked = True
    result.info = article_info(article)
    ctx = Context(today=options.today)
    try:
        for info in checks:
            if info.id == SCHEMA_CHECK:
                continue
            for hit in info.func(article, ctx) or ():
                result.findings.append(to_finding(info, hit, loaded.documents, slug, overrides))
    finally:
        article.release()
    _apply_waivers(result, {c.id for c in checks}, options.today)
    return result


def _apply_waivers(result: ArticleResult, enabled: set[str], today: _dt.date) -> None:
    """Split the article's findings into open and waived (waivers.yaml beside the records)."""
    from medlint.records.store import WAIVERS_FILE

    findings = sorted(set(result.findings), key=Finding.sort_key)
    if not os.path.isfile(os.path.join(result.folder, WAIVERS_FILE)):
        result.findings = findings  # most articles: no waivers, and no need to import medlint.waivers
        return
    from medlint.waivers import apply_waivers, expired_waivers, load_waivers

    waivers = [w for w in load_waivers(result.folder) if not w.valid or w.check in enabled]
    if not waivers:
        result.findings = findings
        return
    by_article = {result.slug: waivers}
    open_findings, waived, problems = apply_waivers(findings, by_article, today)
    result.findings = sorted(open_findings + [p for p in problems if p.check in enabled], key=Finding.sort_key)
    result.waived = waived
    result.expired = expired_waivers(by_article, today)


def to_finding(info, hit: Hit, documents: dict[str, Document], slug: str, overrides: dict) -> Finding:
    record = hit.record
    doc = documents.get(record.path)
    line, col = locate(doc, record, hit) if doc is not None else (1, 1)
    section = section_of(record)
    return Finding(
        check=info.id,
        category=info.category,
        severity=overrides.get(info.id) or hit.severity or info.severity,
        path=_rel(record.path),
        line=line,
        column=col,
        article=slug,
        record=f"{os.path.basename(record.path)}#{record.pointer}",
        section=section.heading if section is not None else None,
        excerpt=hit.excerpt,
        context=record.context,
        message=hit.message,
        suggestion=hit.suggestion,
        replacement=hit.replacement,
    )


# While the command line keeps the cyclic garbage collector off (cli.main),
# each process collects after this many articles, so garbage stays bounded.
COLLECT_EVERY = 200
_checked_here = 0


def _check_cached(folder: str, options: Options, cache=None) -> ArticleResult:
    global _checked_here
    _checked_here += 1
    if _checked_here % COLLECT_EVERY == 0 and not gc.isenabled():
        gc.collect()
    if cache is None:
        return check_article(folder, options)
    key = cache.key(folder)
    if key is not None:
        hit = cache.get(key)
        if hit is not None:
            return hit
    result = check_article(folder, options)
    if key is not None:
        cache.put(key, result)
    return result


def iter_run(folders: list[str], options: Options, jobs: int = 1, progress=None, cache=None):
    """Check every article folder, yielding each result in the order of ``folders``.

    With ``jobs`` > 1 the articles are checked in worker processes; the order
    and the bytes of every result are the same whatever the number of jobs and
    whether results come from ``cache`` (a :class:`medlint.cache.ResultCache`).
    Nothing is kept here: a caller that renders and drops each result keeps
    memory flat however large the corpus.
    """
    done = 0
    if jobs > 1 and len(folders) > 1:
        import multiprocessing as mp
        from functools import partial

        from medlint.registry import all_checks

        all_checks()  # import the battery once, before forking
        chunk = max(1, min(16, len(folders) // (jobs * 8) or 1))
        with mp.get_context("fork").Pool(jobs) as pool:
            work = partial(_check_cached, options=options, cache=cache)
            for res in pool.imap(work, folders, chunksize=chunk):
                done += 1
                if progress:
                    progress(done)
                yield res
    else:
        for folder in folders:
            res = _check_cached(folder, options, cache)
            done += 1
            if progress:
                progress(done)
            yield res


def run(folders: list[str], options: Options, jobs: int = 1, progress=None, cache=None) -> RunResult:
    """Every result in memory (for reports, SARIF, fixes and tests)."""
    return RunResult(list(iter_run(folders, options, jobs=jobs, progress=progress, cache=cache)))


def order_key(folder: str) -> str:
    """Sort key for article folders under which the articles' sorted findings,
    concatenated, are sorted as a whole (findings sort by their relative path)."""
    return _rel(os.path.normpath(folder)) + "/"


def shard(folders: list[str], k: int, n: int) -> list[str]:
    """The folders of shard ``k`` of ``n`` (1-based), chosen by a stable hash of the slug."""
    import hashlib

    def bucket(folder: str) -> int:
        slug = os.path.basename(os.path.normpath(folder))
        return int.from_bytes(hashlib.sha256(slug.encode()).digest()[:8], "big") % n

    return [f for f in folders if bucket(f) == k - 1]


def _tally(result: RunResult, findings: list[Finding] | None) -> "Tally":
    tally = Tally()
    for a in result.articles:
        tally.add_article(a)
    tally.add(result.findings if findings is None else findings)
    return tally


def exit_code(result: RunResult, fail_on: str = "error", findings: list[Finding] | None = None) -> int:
    """2 for unreadable input; 1 when an open finding is at or above ``fail_on``; else 0."""
    return _tally(result, findings).exit_code(fail_on)


class Tally:
    """Counts for the summary, kept while results stream past."""

    def __init__(self) -> None:
        self.articles = 0
        self.checked = 0
        self.findings = 0
        self.by_severity = {sev: 0 for sev in SEVERITY_RANK}
        self.by_category: dict[str, int] = {}
        self.waived = 0
        self.errors: list[str] = []

    def add_article(self, result: ArticleResult) -> None:
        self.articles += 1
        self.checked += result.checked
        self.waived += len(result.waived)
        if result.error:
            self.errors.append(result.error)

    def add(self, findings) -> None:
        for f in findings:
            self.findings += 1
            self.by_severity[f.severity] += 1
            self.by_category[f.category] = self.by_category.get(f.category, 0) + 1

    def worst(self) -> int | None:
        ranks = [SEVERITY_RANK[s] for s, n in self.by_severity.items() if n]
        return min(ranks) if ranks else None

    def exit_code(self, fail_on: str = "error") -> int:
        if self.errors:
            return 2
        worst = self.worst()
        return 1 if worst is not None and worst <= SEVERITY_RANK[fail_on] else 0

    def summary(self) -> dict:
        return {
            "articles": self.articles,
            "articles_checked": self.checked,
            "findings": self.findings,
            "by_severity": dict(self.by_severity),
            "by_category": dict(sorted(self.by_category.items())),
            "waived": self.waived,
            "errors": list(self.errors),
        }


def summary(result: RunResult, findings: list[Finding] | None = None) -> dict:
    return _tally(result, findings).summary()
