"""Command line: ``medlint import|export|check|report|review|explain``.

Heavy modules are imported inside each command so that start-up stays close
to the interpreter's own. Settings come from ``[tool.medlint]`` in the
``pyproject.toml`` of the working directory, and the command line overrides them.
"""

from __future__ import annotations

import argparse
import gc
import os
import sys

EXIT_OK, EXIT_FINDINGS, EXIT_INPUT = 0, 1, 2
REPORT_NAME = "review-report"


def _say(text: str, stream=None) -> None:
    """Print one line whose text may hold record values (keys, tags, file names):
    control characters shown as escapes, never a CI workflow command (medlint.textsafe)."""
    from medlint.textsafe import line

    print(line(text), file=stream or sys.stdout)


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # usage errors: one line, exit 2
        from medlint.textsafe import line

        self.exit(EXIT_INPUT, line(f"{self.prog}: {message} (see `{self.prog} --help`)") + "\n")


def _build_parser() -> argparse.ArgumentParser:
    from medlint import __version__

    p = _Parser(prog="medlint", description="Lint consumer medical articles stored as YAML records.")
    p.add_argument("--version", action="version", version=f"medlint {__version__}")
    sub = p.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    sub.required = True
    for add in (_add_import_parser, _add_export_parser, _add_check_parser, _add_report_parser,
                _add_review_parser, _add_upkeep_parsers, _add_doses_parser, _add_server_parser,
                _add_explain_parser):
        add(sub)
    return p


def _add_import_parser(sub) -> None:
    imp = sub.add_parser("import", help="decompose a text or Markdown article into records")
    imp.add_argument("file")
    imp.add_argument("--out", default="content", help="folder of articles (default: content)")
    imp.add_argument("--slug", help="article slug (default: from the file name)")
    imp.add_argument("--title", help="title, when the text has no title line")
    imp.add_argument("--force", action="store_true", help="replace an existing article")
    imp.add_argument("--page-kind", metavar="KIND", help="the kind of page it is (checks/owed.yaml kinds: editorial, "
                     "manufacturer-labelling, organisation, ...), written to article.yaml as page_kind: it decides "
                     "what the page owes (`medlint explain kinds`)")
    imp.add_argument("--no-cache", action="store_true", help="read checks/ without the cache folder's copy")


def _add_export_parser(sub) -> None:
    exp = sub.add_parser("export", help="reassemble an article from its records")
    exp.add_argument("path", help="an article folder (or a file in it)")
    exp.add_argument("--format", choices=("text", "md"), default="text")


def _run_options(sp, formats) -> None:
    """The options `check` and `report` share: what to run, on what, judged by which date."""
    sp.add_argument("paths", nargs="*", metavar="PATH", help="articles, folders of articles, or files in them "
                    "(default: [tool.medlint] paths)")
    sp.add_argument("--format", choices=formats, default=None)
    sp.add_argument("--today", help="the date to judge review ages by (YYYY-MM-DD; default: the system date)")
    sp.add_argument("--config", metavar="FILE", help="read [tool.medlint] from FILE (default: the first "
                    "pyproject.toml with one, walking up from the checked paths)")
    for name, what in (("select", "run only these checks (default: all)"), ("ignore", "skip these checks"),
                       ("extend-select", "add these checks to the selection"),
                       ("extend-ignore", "skip these checks as well")):
        sp.add_argument(f"--{name}", action="append", default=None, metavar="CHECKS",
                        help=f"{what}: IDs, ID prefixes (DOS) or categories (notation), comma-separated, "
                             "repeatable")
    sp.add_argument("--jobs", "-j", type=int, default=None, help="check articles in N processes")
    sp.add_argument("--shard", metavar="K/N", help="check only shard K of N (articles split by slug)")
    sp.add_argument("--no-cache", action="store_true", help="ignore and do not update the result cache")


def _add_check_parser(sub) -> None:
    chk = sub.add_parser("check", help="validate records and run the battery of checks")
    _run_options(chk, ("text", "json", "sarif", "github"))
    chk.add_argument("--fail-on", choices=("error", "warning", "info"), default=None)
    chk.add_argument("--baseline", metavar="FILE", help="report only findings not recorded in FILE")
    chk.add_argument("--write-baseline", metavar="FILE", help="record the current findings in FILE and exit 0")
    chk.add_argument("--fix", action="store_true", help="apply the safe fixes in place")
    chk.add_argument("--unsafe-fixes", action="store_true", help="with --fix or --diff, apply the unsafe fixes "
                     "too (rewordings that are an editorial judgement; see `medlint explain ID`)")
    chk.add_argument("--diff", action="store_true", help="print the fixes as a unified diff; change no file")
    chk.add_argument("--show-fixes", action="store_true", help="list each fix applied (with --fix)")
    chk.add_argument("--statistics", action="store_true", help="print the number of findings per check "
                     "instead of the findings")


def _add_report_parser(sub) -> None:
    rep = sub.add_parser("report", help="write the editorial review report")
    _run_options(rep, ("md", "html", "json"))
    rep.add_argument("--output", "-o", help="file to write (default: reports/review-report.{md,html,json})")
    rep.add_argument("--merge", nargs="+", metavar="JSON", help="build the report from `check --format json` outputs")


def _add_review_parser(sub) -> None:
    rev = sub.add_parser("review", help="record the review board's decisions (accept, waive) in waivers.yaml")
    rev.add_argument("decisions", metavar="DECISIONS", help="a decisions file (reviewer, date, one decision per finding ID)")
    rev.add_argument("paths", nargs="*", metavar="PATH", help="the articles the IDs are from (default: [tool.medlint] paths)")
    rev.add_argument("--today", help="the date judged by and the default decision date (YYYY-MM-DD)")
    rev.add_argument("--no-cache", action="store_true", help="ignore and do not update the result cache")
    rev.set_defaults(format=None, select=None, ignore=None, jobs=None, shard=None)


def _add_upkeep_parsers(sub) -> None:
    cache = sub.add_parser("cache", help="manage the result cache")
    cache.add_argument("action", choices=("clear",))
    cache.add_argument("--config", metavar="FILE", help="read [tool.medlint] from FILE")
    dat = sub.add_parser("data", help="check the battery's data (checks/*.yaml): schemas and every pattern")
    dat.add_argument("files", nargs="*", metavar="FILE", help="data files (default: every checks/*.yaml in use)")


def _add_explain_parser(sub) -> None:
    ex = sub.add_parser("explain", help="print a check's rationale, or list every check")
    ex.add_argument("check_id", nargs="?")
    ex.add_argument("--format", choices=("text", "json"), default="text")


def _add_server_parser(sub) -> None:
    srv = sub.add_parser("server", help="run the language server (LSP over stdio) for editors")
    srv.add_argument("--stdio", action="store_true", help="talk over standard input and output (the default "
                     "and only transport; accepted because editors pass it)")


# --- configuration -------------------------------------------------------------

def _config(args=None):
    """``[tool.medlint]`` for this run (medlint.config): found upward from the paths, or ``--config``."""
    from medlint import config

    return config.discover(list(getattr(args, "paths", None) or []), getattr(args, "config", None))


def _tokens(values) -> list[str]:
    """Check selectors from a config value (a string or list) or repeated, comma-separated options."""
    if values is None:
        return []
    items = [values] if isinstance(values, str) else values
    return [t.strip() for item in items for t in item.split(",") if t.strip()]


def _resolve(tokens: list[str], checks) -> tuple[set[str], list[str]]:
    """The check IDs ``tokens`` name (an ID, an ID prefix, a category, or ALL), and the unknown tokens."""
    ids: set[str] = set()
    unknown = []
    for token in tokens:
        up = token.upper()
        named = {cid for cid, info in checks.items()
                 if up == "ALL" or cid.startswith(up) or info.category == token.lower()}
        if not named:
            unknown.append(token)
        ids |= named
    return ids, unknown


def _selection(args, conf, checks) -> tuple[frozenset[str], frozenset[str]]:
    """(select, ignore) from the command line over [tool.medlint]; --select replaces, --extend-* adds."""
    from medlint.errors import InputError

    chosen = {}
    for key in ("select", "ignore", "extend-select", "extend-ignore"):
        cli = getattr(args, key.replace("-", "_"), None)
        from_conf = _tokens(conf.get(key))
        tokens = _tokens(cli) if cli is not None and key in ("select", "ignore") else from_conf + _tokens(cli)
        ids, unknown = _resolve(tokens, checks)
        if unknown:
            message = f"unknown check ID, prefix or category {', '.join(unknown)} (see `medlint explain`)"
            if cli is None or not set(unknown) & set(_tokens(cli)):
                raise conf.error(key, message)
            raise InputError(f"--{key}: {message}")
        chosen[key] = ids
    select = chosen["select"] | chosen["extend-select"]
    if chosen["extend-select"] and not chosen["select"]:
        select = set(checks)  # extend-select alone adds to the default of every check
    return frozenset(select), frozenset(chosen["ignore"] | chosen["extend-ignore"])


def _options(args, conf):
    from medlint import dates, engine
    from medlint.registry import all_checks

    checks = all_checks()
    today = dates.today(args.today)
    select, ignore = _selection(args, conf, checks)
    severity = {k.upper(): v for k, v in (conf.get("severity") or {}).items()}
    unknown = sorted(set(severity) - set(checks))
    if unknown:
        raise conf.error("severity", f"unknown check ID {', '.join(unknown)} (see `medlint explain`)")
    return engine.Options(today=today, select=select, ignore=ignore, severity=tuple(sorted(severity.items())))


def _prepare(args, conf):
    """(options, ordered article folders, jobs, cache, progress) for a run."""
    from medlint import engine
    from medlint.errors import InputError

    paths = args.paths or conf.paths()
    if not paths:
        raise InputError("no PATH given and no [tool.medlint] paths configured")
    folders = sorted(_find_articles(list(paths)), key=engine.order_key)
    if args.shard:
        k, n = _parse_shard(args.shard)
        folders = engine.shard(folders, k, n)
    jobs = args.jobs if args.jobs is not None else conf.get("jobs", 1)
    if jobs < 1:
        raise InputError("--jobs must be at least 1")
    data = None
    if not args.no_cache:  # before anything reads checks/: the run's one reading of it
        data = _data_cache(_cache_dir(conf, paths, folders))
    options = _options(args, conf)
    cache = None
    if data is not None:
        from medlint.cache import ResultCache

        cache = ResultCache(data.folder.root, options, data)
    progress = _Progress(len(folders)) if sys.stderr.isatty() else None
    return options, folders, jobs, cache, progress


def _find_articles(paths: list[str]) -> list[str]:
    """The article folders under ``paths``; a folder that holds none is a usage error.

    A file outside any article folder (what a pre-commit hook passes for the
    repository's own YAML files) is skipped with a note, not an error."""
    from medlint.errors import InputError
    from pathlib import Path

    from medlint.records.store import find_articles, is_article_folder

    found: set[str] = set()
    empty = []
    for path in paths:
        if os.path.isfile(path) and not is_article_folder(Path(os.path.abspath(path)).parent):
            _say(f"medlint: skipped {path} (not a record of an article: no article.yaml beside it)", sys.stderr)
            continue
        folders = find_articles([path])
        if not folders:
            empty.append(path)
        found.update(folders)
    if empty:
        raise InputError(f"no article in {', '.join(empty)} (an article is a folder holding article.yaml)")
    return sorted(found)


def _cache_dir(conf, paths: list[str], folders: list[str] = ()) -> str:
    """The cache folder: ``cache-dir``, relative to the project root (default: .medlint_cache there)."""
    from medlint.cache import DEFAULT_DIR, check_location
    from medlint.errors import InputError

    root = conf.resolve("cache-dir", DEFAULT_DIR)
    try:
        check_location(root, paths, folders)
    except InputError as exc:
        if "cache-dir" in conf and exc.path is None:
            raise conf.error("cache-dir", exc.message) from None
        raise
    return root


def _data_cache(root: str, command: str = "check"):
    """The check data kept in the cache folder ``root`` (medlint.datacache), taken by
    policy.load for the rest of the command (main lets it go)."""
    from medlint import policy
    from medlint.cache import CacheFolder
    from medlint.datacache import DataCache

    data = DataCache(CacheFolder(root), policy.data_dir(), command)
    policy.use_cache(data)
    return data


def _run(args, conf: dict):
    """Every result in memory."""
    from medlint import engine

    options, folders, jobs, cache, progress = _prepare(args, conf)
    result = engine.run(folders, options, jobs=jobs, progress=progress, cache=cache)
    if progress:
        progress.done()
    return options, result


def _parse_shard(text: str) -> tuple[int, int]:
    from medlint.errors import InputError

    try:
        k, n = (int(x) for x in text.split("/"))
    except ValueError:
        raise InputError(f"--shard expects K/N, e.g. 1/4 (got {text!r})") from None
    if not (n >= 1 and 1 <= k <= n):
        raise InputError(f"--shard K/N needs 1 <= K <= N (got {text!r})")
    return k, n


class _Progress:
    """A single self-overwriting line on a terminal's stderr."""

    def __init__(self, total: int):
        self.total = total

    def __call__(self, n: int) -> None:
        if self.total > 1:
            sys.stderr.write(f"\rmedlint: checked {n}/{self.total} articles")
            sys.stderr.flush()

    def done(self) -> None:
        if self.total > 1:
            sys.stderr.write("\r\033[K")
            sys.stderr.flush()


# --- commands ------------------------------------------------------------------

def _cmd_import(args) -> int:
    from medlint.importer import import_file

    if not args.no_cache:
        _import_cache(args.out)

    notes: list[str] = []
    try:
        folder = import_file(args.file, out_dir=args.out, slug=args.slug, force=args.force, title=args.title,
                             notes=notes, page_kind=args.page_kind)
    finally:
        for note in notes:  # what an earlier, interrupted import had left, and what was done about it
            _say(f"medlint: {note}", sys.stderr)
    _say(folder)
    return EXIT_OK


def _import_cache(out: str) -> None:
    """Read the check data through the project's cache folder, if a check run made one:
    an import never creates it. A folder the result cache would refuse is not used, nor
    one named by a [tool.medlint] table with an error (that is for `check` to report)."""
    from medlint import cache, config
    from medlint.errors import InputError

    try:
        conf = config.discover([out])
        root = conf.resolve("cache-dir", cache.DEFAULT_DIR)
        if not cache.is_marked(root):
            return
        cache.check_location(root, [out])
    except InputError:
        return
    _data_cache(root, "import")


def _cmd_export(args) -> int:
    from medlint.errors import InputError
    from medlint.exporter import export_article
    from medlint.records.store import load_article

    folders = _find_articles([args.path])
    if len(folders) != 1:
        raise InputError(f"expected one article, found {len(folders)}", args.path)
    loaded = load_article(folders[0])
    if loaded.article is None:
        path, v = loaded.violations[0]
        raise InputError(f"records are invalid: {v.message} (run `medlint check`)", path, v.line, v.column)
    sys.stdout.write(export_article(loaded.article, args.format))
    return EXIT_OK


def _cmd_check(args) -> int:
    from medlint.errors import InputError

    conf = _config(args)
    fmt = args.format or "text"
    if args.statistics and fmt != "text":
        raise InputError("--statistics prints text; it cannot be combined with --format " + fmt)
    if args.diff:
        result = _run(args, conf)[1]
        return _print_diff(_plan(result, args.unsafe_fixes))
    if args.fix:
        result = _run(args, conf)[1]
        _fix(_plan(result, args.unsafe_fixes), args.show_fixes)  # then check again: what is left, where
    if fmt == "sarif" or args.write_baseline:
        return _check_in_memory(args, conf, fmt)
    return _check_streaming(args, conf, fmt)


def _check_in_memory(args, conf: dict, fmt: str) -> int:
    """SARIF and --write-baseline need every finding at once."""
    from medlint import engine
    from medlint.errors import InputError

    options, result = _run(args, conf)
    findings = result.findings
    if args.write_baseline:
        from medlint.baseline import write_baseline
        from medlint.records.yamlio import atomic_write

        atomic_write(args.write_baseline, write_baseline(findings))
        _say(f"medlint: recorded {len(findings)} findings in {args.write_baseline}", sys.stderr)
        return EXIT_INPUT if result.errors else EXIT_OK
    known = 0
    if args.baseline:
        from medlint.baseline import filter_new
        from medlint.records.yamlio import read_text

        try:
            findings, known = filter_new(findings, read_text(args.baseline))
        except ValueError as exc:
            raise InputError(f"invalid baseline: {exc}", args.baseline) from None
    summary = engine.summary(result, findings)
    if known:
        summary["baseline_known"] = known
    from medlint.render import sarif

    sys.stdout.write(sarif.render(findings, summary, waived=result.waived))
    for err in result.errors:
        _say(f"medlint: {err}", sys.stderr)
    return engine.exit_code(result, args.fail_on or conf.get("fail-on", "error"), findings)


def _info(article_result) -> dict:
    from medlint.report import output_info

    return output_info(article_result)


def _check_streaming(args, conf: dict, fmt: str) -> int:
    """Render each article's findings as it is checked, keeping only counts."""
    from medlint import engine
    from medlint.errors import InputError

    options, folders, jobs, cache, progress = _prepare(args, conf)
    baseline = None
    if args.baseline:
        from medlint.baseline import Baseline
        from medlint.records.yamlio import read_text

        try:
            baseline = Baseline(read_text(args.baseline))
        except ValueError as exc:
            raise InputError(f"invalid baseline: {exc}", args.baseline) from None
    tally = engine.Tally()
    out = sys.stdout
    statistics = {} if args.statistics else None
    stream = None
    if fmt == "json":
        from medlint.render import json as json_out

        stream = json_out.Stream(out)
    elif fmt == "github":
        from medlint.render import github as line_out
    else:
        from medlint.render import text as line_out
    # the article panel only for JSON, or a result the cache keeps (a later run may render it)
    with_info = stream is not None or cache is not None
    for result in engine.iter_run(folders, options, jobs=jobs, progress=progress, cache=cache, with_info=with_info):
        findings = result.findings
        if baseline is not None:
            findings = [f for f in findings if not baseline.absorb(f)]
        tally.add_article(result)
        tally.add(findings)
        if stream is not None:
            stream.findings(findings)
            stream.article(_info(result), result.waived)
        elif statistics is not None:
            for f in findings:
                statistics[f.check] = statistics.get(f.check, 0) + 1
        else:
            for f in findings:
                out.write(line_out.line(f) + "\n")
    if statistics is not None:
        _write_statistics(out, statistics)
    if progress:
        progress.done()
    summary = tally.summary()
    if baseline is not None and baseline.known:
        summary["baseline_known"] = baseline.known
    if stream is not None:
        stream.close(summary)
    elif fmt == "text":
        from medlint.render.text import footer

        out.write(footer(summary) + "\n")
    for err in tally.errors:
        _say(f"medlint: {err}", sys.stderr)
    return tally.exit_code(args.fail_on or conf.get("fail-on", "error"))


def _write_statistics(out, counts: dict[str, int]) -> None:
    """One line per check that found something: ID, count, default severity, name; most first."""
    from medlint.registry import all_checks

    checks = all_checks()
    for cid, n in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
        info = checks.get(cid)
        name = f"[{info.severity}] {info.name}" if info else ""
        fix = f" ({info.fix_safety} fix)" if info and info.fix_safety else ""
        out.write(f"{cid:<7} {n:>5}  {name}{fix}\n")


def _plan(result, unsafe: bool):
    """The fix plan for a run's findings: safe fixes only, unless ``unsafe``; and how many were held back."""
    from medlint.fixer import plan_fixes
    from medlint.records.store import load_article
    from medlint.registry import all_checks

    checks = all_checks()
    fixable = [f for f in result.findings if f.replacement is not None]
    allowed = [f for f in fixable if unsafe or _safety(checks, f.check) == "safe"]
    documents = {}
    for a in result.articles:
        if a.checked and any(f.article == a.slug for f in allowed):
            documents.update(load_article(a.folder).documents)
    plan = plan_fixes(allowed, documents)
    plan.held_back = len(fixable) - len(allowed)
    return plan


def _safety(checks, check_id: str) -> str:
    info = checks.get(check_id)
    return info.fix_safety if info else ""


def _fix(plan, show: bool) -> bool:
    """Apply a fix plan (atomically, file by file); True when a file changed."""
    from medlint.fixer import apply_fixes

    written = apply_fixes(plan)
    n = len(plan.applied)
    if show:
        for f in sorted(plan.applied, key=lambda f: (f.path, f.line, f.column)):
            _say(f"medlint: fixed {f.path}:{f.line}:{f.column}: {f.check}: {f.excerpt!r} -> {f.replacement!r}",
                 sys.stderr)
    print(f"medlint: fixed {n} finding{'s' if n != 1 else ''} in {len(written)} file{'s' if len(written) != 1 else ''}",
          file=sys.stderr)
    if plan.held_back:
        print(f"medlint: {plan.held_back} unsafe fix{'es' if plan.held_back != 1 else ''} not applied "
              "(an editorial judgement: review them, then use --unsafe-fixes)", file=sys.stderr)
    for skipped in plan.skipped:
        f = skipped.finding
        _say(f"medlint: not fixed {f.path}:{f.line}:{f.column}: {f.check}: {skipped.reason}", sys.stderr)
    return bool(written)


def _print_diff(plan) -> int:
    """The planned fixes as a unified diff on standard output; no file is changed. 1 when there is one."""
    import difflib

    from medlint.records.yamlio import read_text

    for path in sorted(plan):
        old = read_text(path)
        shown = os.path.relpath(path) if not os.path.relpath(path).startswith("..") else path
        sys.stdout.writelines(difflib.unified_diff(old.splitlines(True), plan[path].splitlines(True),
                                                   f"a/{shown}", f"b/{shown}"))
    n = len(plan.applied)
    print(f"medlint: {n} fix{'es' if n != 1 else ''} would be applied"
          + (f"; {plan.held_back} unsafe not shown (use --unsafe-fixes)" if plan.held_back else ""), file=sys.stderr)
    return EXIT_FINDINGS if plan else EXIT_OK


def _cmd_report(args) -> int:
    from medlint import dates
    from medlint import report as rep
    from medlint.registry import all_checks

    conf = _config(args)
    if args.merge:
        from medlint.merge import merge_outputs

        infos, findings, waived = merge_outputs(args.merge)
        today = dates.today(args.today)
        expired = []
        errors: list[str] = [i["error"] for i in infos if i.get("error")]
    else:
        options, result = _run(args, conf)
        today = options.today
        infos, findings, waived = rep.infos_from_run(result), result.findings, result.waived
        expired = [w for a in result.articles for w in a.expired]
        errors = result.errors
    document = rep.build_report(infos, findings, waived, all_checks(), today, expired=expired)
    outputs = _report_outputs(args, conf)
    from medlint.records.yamlio import atomic_write

    from medlint.render.links import links_from

    for fmt, path in outputs:
        text = _render_report(fmt, document, links_from(path))
        if path == "-":
            sys.stdout.write(text)
        else:
            _make_folder(os.path.dirname(path) or ".", path)
            atomic_write(path, text)
            _say(path)
    for err in errors:
        _say(f"medlint: {err}", sys.stderr)
    return EXIT_INPUT if errors else EXIT_OK


def _make_folder(folder: str, path: str) -> None:
    from medlint.errors import WriteError

    try:
        os.makedirs(folder, exist_ok=True)
    except OSError as exc:
        raise WriteError.from_os(exc, path) from None


def _report_outputs(args, conf) -> list[tuple[str, str]]:
    if args.output:
        fmt = args.format or {".html": "html", ".htm": "html", ".json": "json"}.get(
            os.path.splitext(args.output)[1].lower(), "md")
        return [(fmt, args.output)]
    if args.format:
        return [(args.format, "-")]
    folder = conf.resolve("report-dir", "reports")
    return [(fmt, os.path.join(folder, f"{REPORT_NAME}.{fmt}")) for fmt in ("md", "html", "json")]


def _render_report(fmt: str, document: dict, links: str | None = None) -> str:
    if fmt == "html":
        from medlint.render import html

        return html.render(document, links)
    if fmt == "json":
        from medlint import report

        return report.dumps(document)
    from medlint.render import markdown

    return markdown.render(document, links_from=links)


def _cmd_review(args) -> int:
    """Turn accepted and waived findings into waivers.yaml entries (medlint.decisions)."""
    from medlint import decisions, policy

    conf = _config()
    chosen = decisions.load_decisions(args.decisions)  # a bad file stops here, before any checking
    options, result = _run(args, conf)
    if result.errors:
        from medlint.errors import InputError

        raise InputError(f"cannot record decisions while an article cannot be checked: {result.errors[0]}")
    data = policy.load("report").get("decisions") or {}
    months = {k[:-len("_months")]: v for k, v in data.items() if k.endswith("_months")}
    plan = decisions.plan_decisions(chosen, result, options.today, months)
    for path, n in decisions.write_plan(plan):
        _say(f"{path}: {n} decision{'s' if n != 1 else ''} recorded")
    recorded = sum(len(v) for v in plan.entries.values())
    _say(f"medlint: {recorded} recorded, {len(plan.to_fix)} to fix, {len(plan.skipped)} already waived "
         f"(by {chosen.reviewer})", sys.stderr)
    return EXIT_OK


def _cmd_cache(args) -> int:
    from medlint.cache import clear

    conf = _config(args)
    root = _cache_dir(conf, conf.paths())
    n, data = clear(root)
    also = f" and {data} of check data" if data else ""
    print(f"medlint: removed {n} cache entr{'y' if n == 1 else 'ies'}{also} from {root}")
    return EXIT_OK


def _cmd_data(args) -> int:
    """Validate check data files: every problem as ``file:line:col: message``, exit 2 if any."""
    from medlint import policy

    files = args.files or sorted(os.path.join(policy.data_dir(), n) for n in os.listdir(policy.data_dir())
                                 if n.endswith(".yaml"))
    problems = [p for path in files for p in policy.check_file(path)]
    for problem in problems:
        _say(problem)
    if problems:
        n = len(problems)
        print(f"medlint: {n} problem{'s' if n != 1 else ''} in check data", file=sys.stderr)
        return EXIT_INPUT
    print(f"medlint: {len(files)} check data file{'s' if len(files) != 1 else ''} valid", file=sys.stderr)
    return EXIT_OK


def _cmd_explain(args) -> int:
    from medlint.errors import InputError
    from medlint.registry import all_checks

    if args.check_id and args.check_id.lower() in ("kinds", "page-kinds"):
        return _explain_kinds(args.format)
    checks = all_checks()
    if args.check_id:
        info = checks.get(args.check_id.upper())
        if info is None:
            raise InputError(f"unknown check ID {args.check_id} (run `medlint explain` for the list)")
        chosen = [info]
    else:
        chosen = list(checks.values())
    if args.format == "json":
        import json

        doc = chosen[0].as_dict() if args.check_id else [i.as_dict() for i in chosen]
        sys.stdout.write(json.dumps(doc, ensure_ascii=False, indent=2, sort_keys=True) + "\n")
        return EXIT_OK
    if not args.check_id:
        for info in chosen:
            fix = f"  ({info.fix_safety} fix)" if info.fix_safety else ""
            print(f"{info.id}  {info.category:<12} {info.severity:<8} {info.name}{fix}")
        return EXIT_OK
    _explain_text(info)
    return EXIT_OK


def _explain_kinds(fmt: str | None) -> int:
    """``medlint explain kinds``: each page kind of checks/owed.yaml and what it owes."""
    from medlint import policy
    from medlint.checks.owed import OWED, OWED_CHECKS

    data = policy.load("owed")
    kinds = data.get("kinds") or {}
    if fmt == "json":
        import json

        doc = {name: {"about": k["about"], "owes": list(k["owes"]), "inferred": bool(k.get("cues"))}
               for name, k in kinds.items()}
        sys.stdout.write(json.dumps(doc, ensure_ascii=False, indent=2, sort_keys=True) + "\n")
        return EXIT_OK
    print("Page kinds (checks/owed.yaml): what a page of each kind owes.\n")
    print("Declare a page's kind with `page_kind: KIND` in its article.yaml (or `medlint import --page-kind KIND`),")
    print("or name its publisher in a `source_profiles` entry of checks/owed.yaml; a declared kind always wins.")
    print("With nothing declared, the kind is inferred from what the page shows (kinds marked *), else")
    print("`editorial` (owes everything) is assumed. Each owed finding says which kind was assumed.\n")
    for name, k in kinds.items():
        mark = "*" if k.get("cues") else " "
        owes = ", ".join(f"{w} ({OWED_CHECKS[w]})" for w in OWED if w in k["owes"]) or "nothing"
        print(f"{mark} {name}: {k['about']}\n    owes: {owes}")
    profiles = data.get("source_profiles") or []
    print(f"\nSource profiles: {', '.join(p['name'] + ' -> ' + p['kind'] for p in profiles) or 'none'}")
    return EXIT_OK


def _explain_text(info) -> None:
    print(f"{info.id} {info.name} ({info.category}, default severity {info.severity})\n")
    print(info.rationale)
    print(f"\nHow to fix: {info.fix}")
    safety = {"safe": "safe (applied by --fix)", "unsafe": "unsafe (applied by --fix --unsafe-fixes)"}
    print(f"\nFix: {safety.get(info.fix_safety, 'none (no mechanical fix)')}")
    emitted = {"engine": " (findings emitted by the engine while loading records)",
               "waivers": " (findings emitted by the waiver loader)"}.get(info.emitted_by, "")
    print(f"Source: {info.source_file}{emitted}")
    print(f"Data: {', '.join(info.data_files) if info.data_files else 'none'}")
    for title, examples in (("Flagged", info.bad), ("Not flagged", info.good)):
        if examples:
            print(f"\n{title}:")
            for ex in examples:
                print("  " + ex.strip().replace("\n", "\n  "))


def _add_doses_parser(sub) -> None:
    """``medlint doses "TEXT" [--format text|json]``: what the dose reader reads from a sentence."""
    d = sub.add_parser("doses", help="print what the dose reader reads from a sentence (why a dose check fired)")
    d.add_argument("text", metavar="TEXT", help="the sentence or dose instruction, in quotes")
    d.add_argument("--format", choices=("text", "json"), default="text")


def _cmd_doses(args) -> int:
    """Print each dose the parser reads (amount, count, strength, frequency, as needed, maxima,
    daily maximum, route, form, schedule, medicine), every schedule and every per-kg dose."""
    from types import SimpleNamespace

    from medlint import policy
    from medlint.checks.schedule import medicine_of, names
    from medlint.doses.schedule import describe

    n = names(SimpleNamespace(data=policy.load))
    doc = describe(args.text, lambda sentence, dose: medicine_of(sentence, dose, n))
    if args.format == "json":
        import json

        sys.stdout.write(json.dumps(doc, ensure_ascii=False, indent=2, sort_keys=True) + "\n")
        return EXIT_OK
    for line in _doses_lines(doc):
        _say(line)
    return EXIT_OK


def _doses_lines(doc: dict):
    def shown(v):
        if v is None or v == {} or v == []:
            return "-"
        return v["text"] if isinstance(v, dict) and "text" in v else v

    def schedule(s):
        return f"{s['text']} = {s['in_words']} (every {s['every_days']:g} days, read as {s['read_as']})"

    yield f"text: {doc['text']}"
    if not doc["doses"]:
        yield "no dose read"
    for i, d in enumerate(doc["doses"], 1):
        med = d["medicine"]
        f = d["frequency"]
        yield f"dose {i}: \"{d['text']}\" (characters {d['span'][0]}-{d['span'][1]})"
        rows = [("medicine", "-" if med is None else f"{med['as_written']} ({med['substance'] or 'not in the name tables'}"
                 + (", weekly or longer: DOS010" if med["weekly_or_longer"] else "") + ")"),
                ("amount", shown(d["amount"])), ("count", shown(d["count"])), ("strength", shown(d["strength"])),
                ("ingredients", "; ".join(f"{i['as_written']} ({i['substance']}) {i['strength'] or 'no strength'}"
                                          + (f": {i['daily_maximum']}" if i["daily_maximum"] else "")
                                          for i in d.get("ingredients") or ()) or "-"),
                ("content", shown(d.get("content"))),
                ("per kg", shown(d["per_kg"])),
                ("frequency", "-" if f is None else f"{f['text']} ({f['kind']}): {f['doses_per_day']} dose(s) a day, "
                 f"at most {f['most_in_24_hours']} in 24 hours"),
                ("interval", "-" if f is None or f["interval_hours"] is None else
                 "every " + "-".join(f"{h:g}" for h in f["interval_hours"]) + " hours"),
                ("as needed", d["as_needed"] or "no"), ("directions", d.get("directions") or "-"),
                ("maxima", "; ".join(f"{k}: {v}" for k, v in d["maxima"].items()) or "-"),
                ("daily maximum", shown(d["daily_maximum"])), ("route", shown(d["route"])), ("form", shown(d["form"])),
                ("duration", shown(d["duration"])), ("steps", d["steps"]),
                ("schedule", "; ".join(schedule(s) for s in d["schedule"]) or "-")]
        for name, value in rows:
            yield f"  {name:<14} {value}"
    yield "schedules: " + ("; ".join(schedule(s) for s in doc["schedules"]) or "none")
    for p in doc["per_kg"]:
        per_dose = "-" if p["mg_per_dose"] is None else "-".join(f"{x:g}" for x in p["mg_per_dose"]) + " mg a dose"
        yield (f"per kg: {p['text']} × {p['weight'] or 'no weight stated'} = {per_dose}"
               + ("" if p["mg_per_day_at_most"] is None else f", at most {p['mg_per_day_at_most']:g} mg a day")
               + " (no sourced per-kg ceiling to compare with)")
def _cmd_server(args) -> int:
    """The language server (medlint.server); pygls and lsprotocol are the ``server`` extra."""
    from importlib.util import find_spec

    missing = [name for name in ("pygls", "lsprotocol") if find_spec(name) is None]
    if missing:
        print(f"medlint: `medlint server` needs {' and '.join(missing)}: "
              "pip install 'medlint-articles[server]'", file=sys.stderr)
        return EXIT_INPUT
    from medlint.server import serve

    return serve()


COMMANDS = {"import": _cmd_import, "export": _cmd_export, "check": _cmd_check, "report": _cmd_report,
            "review": _cmd_review,
            "cache": _cmd_cache, "data": _cmd_data, "explain": _cmd_explain,
            "doses": _cmd_doses, "server": _cmd_server}


def main(argv: list[str] | None = None) -> int:
    from medlint.errors import InputError

    parser = _build_parser()
    args = parser.parse_args(argv)
    # A command is a short-lived process whose models free their own reference
    # cycles (Article.release), so the cyclic collector would only cost time
    # (about 3% of the hook); it runs every engine.COLLECT_EVERY articles instead.
    collector_was_on = gc.isenabled()
    gc.disable()
    stdout = sys.stdout
    sys.stdout = _PipeSafe(stdout)
    try:
        code = COMMANDS[args.command](args)
        _finish_data_cache()
        sys.stdout.flush()  # a full disk shows here, not after the exit code is chosen
        return code
    except InputError as exc:
        _say(f"medlint: {exc}", sys.stderr)
        return EXIT_INPUT
    except ValueError as exc:  # e.g. a malformed --today
        _say(f"medlint: {exc}", sys.stderr)
        return EXIT_INPUT
    except KeyboardInterrupt:
        print("medlint: interrupted", file=sys.stderr)
        return 130
    except OSError as exc:  # the environment: a full disk, an unwritable stream or folder
        print(f"medlint: {_os_error(exc)}", file=sys.stderr)
        return EXIT_INPUT
    except Exception as exc:  # a bug: one line, no traceback unless asked for
        if os.environ.get("MEDLINT_DEBUG"):
            raise
        _say(f"medlint: internal error: {type(exc).__name__}: {exc} (set MEDLINT_DEBUG=1 for a traceback)",
             sys.stderr)
        return 3
    finally:
        sys.stdout = stdout
        if collector_was_on:
            gc.enable()
        policy = sys.modules.get("medlint.policy")
        if policy is not None:
            policy.use_cache(None)  # a caller's next command (tests, tools) starts without it


def _finish_data_cache() -> None:
    """The command is done: the check data cache keeps the needles the run read."""
    policy = sys.modules.get("medlint.policy")
    data = policy.use_cache(None) if policy is not None else None
    if data is not None:
        data.finish()


class _PipeSafe:
    """Standard output that outlives its reader: once the pipe is closed (``medlint check | head -1``),
    the rest of the output is dropped and the command still ends with the findings' exit code."""

    def __init__(self, stream):
        self._stream = stream
        self.broken = False

    def write(self, text: str) -> int:
        if not self.broken:
            try:
                return self._stream.write(text)
            except BrokenPipeError:
                self._close()
        return len(text)

    def flush(self) -> None:
        if not self.broken:
            try:
                self._stream.flush()
            except BrokenPipeError:
                self._close()

    def _close(self) -> None:
        """Point the descriptor at the null device, so that no later flush fails again."""
        self.broken = True
        try:
            null = os.open(os.devnull, os.O_WRONLY)
            os.dup2(null, self._stream.fileno())
            os.close(null)
        except (OSError, ValueError, AttributeError):  # no descriptor (a test's captured stream)
            pass

    def __getattr__(self, name):
        return getattr(self._stream, name)


def _os_error(exc: OSError) -> str:
    """One line for a failure of the file system that no command turned into an InputError."""
    reason = exc.strerror or str(exc)
    if exc.filename is None:  # every file medlint writes is named: what is left is standard output
        return f"cannot write standard output: {reason}"
    return f"{exc.filename}: {reason}"


def _child_processes() -> bool:
    """True while a worker process is still alive (a pool left open by an error):
    only the normal exit's handlers end it."""
    mp = sys.modules.get("multiprocessing")
    return mp is not None and bool(mp.active_children())


def console_main() -> None:
    """The ``medlint`` console script and ``python -m medlint``: :func:`main`, then
    end the process at once.

    Tearing the interpreter down (freeing every module, pint's registry and the
    compiled patterns) takes ~40 ms, about 13% of the pre-commit hook on a long
    article, and nothing in it matters to a finished command: every file was
    written atomically and closed inside ``main``, the worker pool was closed,
    and the standard streams are flushed here. Under a tracer or profiler
    (coverage, cProfile), with ``MEDLINT_DEBUG`` set, or while a worker process
    is somehow still alive, the interpreter exits normally so that exit
    handlers run. Anything that would need an exit handler (a logging
    handler, a temporary file) must therefore be closed inside ``main``.
    """
    try:
        code = main()
    except SystemExit as exc:  # argparse: --help, --version, usage errors
        code = exc.code
    if code is None:
        code = EXIT_OK
    elif not isinstance(code, int):
        print(code, file=sys.stderr)
        code = 1
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # the reader went away, or main closed the stream
            pass
    if sys.gettrace() is None and sys.getprofile() is None and not os.environ.get("MEDLINT_DEBUG") \
            and not _child_processes():
        os._exit(code)
    sys.exit(code)
