"""The engine: articles in, sorted findings and an exit code out.

For each article folder: load (safe YAML with marks) -> validate (schema
findings) -> model -> every enabled check -> hits located as findings. Articles
stream through one at a time; only their findings are kept.
"""

from __future__ import annotations

import bisect
import datetime as _dt
import gc
import os
from dataclasses import dataclass, field, replace
from functools import lru_cache

from medlint.errors import InputError
from medlint.findings import CONTEXT_LIMIT, SEVERITY_RANK, Finding, Hit, context_around
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


def article_info(article: Article, ctx) -> dict:
    """What a report shows about an article besides its findings (plain JSON data);
    ``ctx``: the run's context (its today and data), which the review panel is judged by."""
    from medlint.checks.review import review_summary
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
        "review": review_summary(article, ctx),  # the report's review status, as REV001-REV003 judge it
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
    """``path`` relative to the current folder, unless it lies outside it."""
    return _rel_from(os.getcwd(), path)


@lru_cache(maxsize=4096)
def _rel_from(cwd: str, path: str) -> str:
    # os.path.relpath normalises both paths in Python each call; an article's records
    # share a few dozen files, so each is worked out once (keyed on the folder too)
    rel = os.path.relpath(os.path.join(cwd, path), cwd)
    return path if rel.startswith("..") else rel


def locate(doc: Document, record: Record, hit: Hit) -> tuple[int, int]:
    """Line and column of ``hit.excerpt`` inside ``record`` in ``doc``."""
    return Locator({record.path: doc}).locate(record, hit)[:2]


class Locator:
    """Places hits for one article. Each record field's place on disk is worked out
    once, and each excerpt's occurrences in it once, so a record with thousands of
    findings is not rescanned for each of them."""

    def __init__(self, documents: dict[str, Document]) -> None:
        self.documents = documents
        self.places: dict = {}       # (record, field) -> (line, column, value, raw line, verbatim) or None
        self.found: dict = {}        # (record, field, excerpt) -> (offsets in value, offsets in the raw line)
        self.records: dict = {}      # record -> (path, "<file>#<pointer>", section heading, full text)

    def _place(self, record: Record, name: str):
        key = (record, name)
        if key not in self.places:
            doc = self.documents.get(record.path)
            ptr = record.field_pointer(name)
            place = None
            if doc is not None and ptr in doc.marks:
                line, col = doc.marks[ptr]
                value = _field_value(record, name)
                raw = doc.line_text(line)
                verbatim = isinstance(value, str) and raw.startswith(value, col - 1)
                place = (line, col, value, raw, verbatim)
            self.places[key] = place
        return self.places[key]

    def _occurrences(self, record: Record, name: str, value: str, raw: str, col: int, excerpt: str):
        key = (record, name, excerpt)
        if key not in self.found:
            in_value, i = [], value.find(excerpt)
            while i >= 0:  # as str.count counts them: apart
                in_value.append(i)
                i = value.find(excerpt, i + len(excerpt))
            in_raw, i = [], raw.find(excerpt, col - 1) if in_value else -1
            while i >= 0:
                in_raw.append(i)
                i = raw.find(excerpt, i + 1)
            self.found[key] = (in_value, in_raw)
        return self.found[key]

    def locate(self, record: Record, hit: Hit) -> tuple[int, int, str, int | None]:
        """(line, column, the field, the excerpt's offset in the field's value or None)."""
        fields = [hit.field]
        if isinstance(record, FaqEntry) and hit.field == "text":
            fields = ["question", "answer"]
        excerpt, start = hit.excerpt, hit.start
        for name in fields:
            place = self._place(record, name)
            if place is None:
                continue
            line, col, value, raw, verbatim = place
            if not excerpt or not isinstance(value, str):
                if len(fields) == 1:
                    return line, col, name, None
                continue
            if verbatim and start is not None and value.startswith(excerpt, start):
                return line, col + start, name, start  # the value sits on the line as written
            in_value, in_raw = self._occurrences(record, name, value, raw, col, excerpt)
            if in_value:
                nth = bisect.bisect_right(in_value, start - len(excerpt)) if start is not None else 0
                at = start if start is not None and value.startswith(excerpt, start) else in_value[min(nth, len(in_value) - 1)]
                return (line, in_raw[nth] + 1, name, at) if nth < len(in_raw) else (line, col, name, at)
            if len(fields) == 1:
                return line, col, name, None
        doc = self.documents.get(record.path)
        return doc.mark(record.pointer) + (hit.field, None) if doc is not None else (1, 1, hit.field, None)

    def texts(self, findings) -> dict[str, str]:
        """Record -> full text, once per record that has a finding (the JSON's ``records``)."""
        full = {pointer: text for _, pointer, _, text in self.records.values()}
        return {f.record: full[f.record] for f in sorted(findings, key=lambda f: f.record) if f.record in full}

    def about(self, record: Record) -> tuple[str, str, str | None, str]:
        """(path, record, section heading, full text) of a record, worked out once."""
        if record not in self.records:
            section = section_of(record)
            self.records[record] = (_rel(record.path), f"{os.path.basename(record.path)}#{record.pointer}",
                                    section.heading if section is not None else None, record.context)
        return self.records[record]

    def context(self, record: Record, name: str, at: int | None, excerpt: str) -> str:
        """The finding's context: the record's text, or the sentence around the excerpt when it is long."""
        full = self.about(record)[3]
        if len(full) <= CONTEXT_LIMIT:
            return full
        place = self.places.get((record, name))
        if place is not None and isinstance(place[2], str) and at is not None:
            return context_around(place[2], at, len(excerpt or ""))  # the field the excerpt was found in
        return context_around(full, None, 0)


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


def check_article(folder: str, options: Options, files=None, parse=None, with_info: bool = True) -> ArticleResult:
    """Run the whole battery over one article folder (``files``: its bytes, as
    records.store.read_folder read them; read here when not given; ``parse``: how each
    record file is parsed and validated, records.store.parse_record unless given;
    ``with_info``: False leaves ``result.info`` empty, for a caller that shows findings only)."""
    from medlint.checks.schema import SCHEMA_CHECK
    from medlint.records.store import load_article, parse_record
    from medlint.registry import Context

    slug = os.path.basename(os.path.normpath(folder))
    result = ArticleResult(folder=folder, slug=slug)
    try:
        loaded = load_article(folder, files, parse or parse_record)
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
                suggestion=v.suggestion or "Fix the value to match schema/ (see `medlint explain SCH001`)."))
    article = loaded.article
    if article is None:
        return result
    result.checked = True
    ctx = Context(today=options.today)
    if with_info:
        result.info = article_info(article, ctx)
    locator = Locator(loaded.documents)
    repeats: dict[tuple, list] = {}  # the same hit again in the same record: [index, times]
    try:
        for info in checks:
            if info.id == SCHEMA_CHECK:
                continue
            for hit in info.func(article, ctx) or ():
                key = (info.id, hit.record, hit.field, hit.excerpt, hit.message, hit.suggestion, hit.severity)
                seen = repeats.get(key) if hit.replacement is None else None  # each fix is applied where it is
                if seen is not None:
                    seen[1] += 1
                    continue
                repeats[key] = [len(result.findings), 1]
                result.findings.append(to_finding(info, hit, loaded.documents, slug, overrides, locator))
    finally:
        article.release()
    for i, times in repeats.values():
        if times > 1:  # one finding, at the first place, that says how often
            f = result.findings[i]
            result.findings[i] = replace(f, message=f"{f.message} (Repeated {times:,} times in this record; located at the first.)")
    _apply_waivers(result, {c.id for c in checks}, options.today, loaded.files.data)
    if with_info:
        result.info["records"] = locator.texts(result.findings + [f for f, _ in result.waived])
    return result


def _apply_waivers(result: ArticleResult, enabled: set[str], today: _dt.date, data: dict) -> None:
    """Split the article's findings into open and waived (waivers.yaml beside the records;
    ``data``: the article's files as read, name -> bytes)."""
    from medlint.records.store import WAIVERS_FILE

    findings = sorted(set(result.findings), key=Finding.sort_key)
    raw = data.get(WAIVERS_FILE)
    if raw is None and not os.path.isfile(os.path.join(result.folder, WAIVERS_FILE)):
        result.findings = findings  # most articles: no waivers, and no need to import medlint.waivers
        return
    from medlint.waivers import apply_waivers, expired_waivers, load_waivers

    waivers = [w for w in load_waivers(result.folder, raw) if not w.valid or w.check in enabled]
    if not waivers:
        result.findings = findings
        return
    by_article = {result.slug: waivers}
    open_findings, waived, problems = apply_waivers(findings, by_article, today)
    result.findings = sorted(open_findings + [p for p in problems if p.check in enabled], key=Finding.sort_key)
    result.waived = waived
    result.expired = expired_waivers(by_article, today)


def to_finding(info, hit: Hit, documents: dict[str, Document], slug: str, overrides: dict,
               locator: Locator | None = None) -> Finding:
    record = hit.record
    locator = locator or Locator(documents)
    line, col, name, at = locator.locate(record, hit)
    path, pointer, section, _ = locator.about(record)
    return Finding(
        check=info.id,
        category=info.category,
        severity=overrides.get(info.id) or hit.severity or info.severity,
        path=path,
        line=line,
        column=col,
        article=slug,
        record=pointer,
        section=section,
        excerpt=hit.excerpt,
        context=locator.context(record, name, at, hit.excerpt),
        message=hit.message,
        suggestion=hit.suggestion,
        replacement=hit.replacement,
    )


# While the command line keeps the cyclic garbage collector off (cli.main),
# each process collects after this many articles, so garbage stays bounded.
COLLECT_EVERY = 200
_checked_here = 0


def _check_cached(folder: str, options: Options, cache=None, with_info: bool = True) -> ArticleResult:
    global _checked_here
    _checked_here += 1
    if _checked_here % COLLECT_EVERY == 0 and not gc.isenabled():
        gc.collect()
    if cache is None:
        return check_article(folder, options, with_info=with_info)
    from medlint.records.store import read_folder

    try:
        files = read_folder(folder)  # read once: the key and the check see the same bytes
    except InputError:
        return check_article(folder, options)  # it reports why
    key = cache.key(folder, files)
    if key is not None:
        hit = cache.get(key)
        if hit is not None:
            return hit
    result = check_article(folder, options, files)
    if key is not None:
        cache.put(key, result)
    return result


def iter_run(folders: list[str], options: Options, jobs: int = 1, progress=None, cache=None, with_info: bool = True):
    """Check every article folder, yielding each result in the order of ``folders``.

    With ``jobs`` > 1 the articles are checked in worker processes; the order
    and the bytes of every result are the same whatever the number of jobs and
    whether results come from ``cache`` (a :class:`medlint.cache.ResultCache`).
    Nothing is kept here: a caller that renders and drops each result keeps
    memory flat however large the corpus. ``with_info=False`` leaves each result's ``info``
    (the report's article panel) empty where no cache keeps the result, for a caller
    that shows findings only.
    """
    done = 0
    if jobs > 1 and len(folders) > 1:
        import multiprocessing as mp
        from functools import partial

        from medlint.registry import all_checks

        all_checks()  # import the battery once, before forking
        chunk = max(1, min(16, len(folders) // (jobs * 8) or 1))
        with mp.get_context("fork").Pool(jobs) as pool:
            work = partial(_check_cached, options=options, cache=cache, with_info=with_info)
            for res in pool.imap(work, folders, chunksize=chunk):
                done += 1
                if progress:
                    progress(done)
                yield res
    else:
        for folder in folders:
            res = _check_cached(folder, options, cache, with_info)
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
