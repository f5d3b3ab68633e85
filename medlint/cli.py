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

    imp = sub.add_parser("import", help="decompose a text or Markdown article into records")
    imp.add_argument("file")
    imp.add_argument("--out", default="content", help="folder of articles (default: content)")
    imp.add_argument("--slug", help="article slug (default: from the file name)")
    imp.add_argument("--title", help="title, when the text has no title line")
    imp.add_argument("--force", action="store_true", help="replace an existing article")

    exp = sub.add_parser("export", help="reassemble an article from its records")
    exp.add_argument("path", help="an article folder (or a file in it)")
    exp.add_argument("--format", choices=("text", "md"), default="text")

    def run_options(sp, formats):
        sp.add_argument("paths", nargs="*", metavar="PATH", help="articles, folders of articles, or files in them "
                        "(default: [tool.medlint] paths)")
        sp.add_argument("--format", choices=formats, default=None)
        sp.add_argument("--today", help="the date to judge review ages by (YYYY-MM-DD; default: the system date)")
        sp.add_argument("--select", default=None, help="comma-separated check IDs to run (default: all)")
        sp.add_argument("--ignore", default=None, help="comma-separated check IDs to skip")
        sp.add_argument("--jobs", "-j", type=int, default=None, help="check articles in N processes")
        sp.add_argument("--shard", metavar="K/N", help="check only shard K of N (articles split by slug)")
        sp.add_argument("--no-cache", action="store_true", help="ignore and do not update the result cache")

    chk = sub.add_parser("check", help="validate records and run the battery of checks")
    run_options(chk, ("text", "json", "sarif", "github"))
    chk.add_argument("--fail-on", choices=("error", "warning", "info"), default=None)
    chk.add_argument("--baseline", metavar="FILE", help="report only findings not recorded in FILE")
    chk.add_argument("--write-baseline", metavar="FILE", help="record the current findings in FILE and exit 0")
    chk.add_argument("--fix", action="store_true", help="apply the mechanical notation fixes in place")

    rep = sub.add_parser("report", help="write the editorial review report")
    run_options(rep, ("md", "html", "json"))
    rep.add_argument("--output", "-o", help="file to write (default: reports/review-report.{md,html,json})")
    rep.add_argument("--merge", nargs="+", metavar="JSON", help="build the report from `check --format json` outputs")

    rev = sub.add_parser("review", help="record the review board's decisions (accept, waive) in waivers.yaml")
    rev.add_argument("decisions", metavar="DECISIONS", help="a decisions file (reviewer, date, one decision per finding ID)")
    rev.add_argument("paths", nargs="*", metavar="PATH", help="the articles the IDs are from (default: [tool.medlint] paths)")
    rev.add_argument("--today", help="the date judged by and the default decision date (YYYY-MM-DD)")
    rev.add_argument("--no-cache", action="store_true", help="ignore and do not update the result cache")
    rev.set_defaults(format=None, select=None, ignore=None, jobs=None, shard=None)

    cache = sub.add_parser("cache", help="manage the result cache")
    cache.add_argument("action", choices=("clear",))

    dat = sub.add_parser("data", help="check the battery's data (checks/*.yaml): schemas and every pattern")
    dat.add_argument("files", nargs="*", metavar="FILE", help="data files (default: every checks/*.yaml in use)")

    ex = sub.add_parser("explain", help="print a check's rationale, or list every check")
    ex.add_argument("check_id", nargs="?")
    return p


# --- configuration -------------------------------------------------------------

def _config() -> dict:
    """``[tool.medlint]`` from ./pyproject.toml (empty when absent)."""
    path = "pyproject.toml"
    from medlint.errors import InputError

    try:
        with open(path, "rb") as fh:
            raw = fh.read()
    except FileNotFoundError:
        return {}
    except OSError as exc:
        raise InputError(f"cannot read [tool.medlint]: {exc}", path) from None
    if b"medlint" not in raw:
        return {}  # no [tool.medlint] table can be in it: skip the TOML parser (~6 ms of the hook)
    import tomllib

    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read [tool.medlint]: {exc}", path) from None
    conf = data.get("tool", {}).get("medlint", {})
    known = {"paths", "fail-on", "select", "ignore", "severity", "jobs", "report-dir", "cache-dir"}
    unknown = sorted(set(conf) - known)
    if unknown:
        raise InputError(f"unknown [tool.medlint] key {', '.join(unknown)} (known: {', '.join(sorted(known))})", path)
    return conf


def _ids(value) -> frozenset[str]:
    if value is None:
        return frozenset()
    items = value.split(",") if isinstance(value, str) else value
    return frozenset(t.strip().upper() for t in items if t.strip())


def _options(args, conf: dict):
    from medlint import dates, engine
    from medlint.errors import InputError
    from medlint.findings import SEVERITIES
    from medlint.registry import all_checks

    today = dates.today(args.today)
    select = _ids(args.select if args.select is not None else conf.get("select"))
    ignore = _ids(args.ignore if args.ignore is not None else conf.get("ignore"))
    severity = {k.upper(): v for k, v in (conf.get("severity") or {}).items()}
    bad_sev = sorted(v for v in severity.values() if v not in SEVERITIES)
    if bad_sev:
        raise InputError(f"[tool.medlint] severity must be error, warning or info (got {bad_sev[0]})", "pyproject.toml")
    unknown = sorted((select | ignore | set(severity)) - set(all_checks()))
    if unknown:
        raise InputError(f"unknown check ID {', '.join(unknown)} (see `medlint explain`)")
    return engine.Options(today=today, select=select, ignore=ignore, severity=tuple(sorted(severity.items())))


def _prepare(args, conf: dict):
    """(options, ordered article folders, jobs, cache, progress) for a run."""
    from medlint import engine
    from medlint.errors import InputError

    paths = args.paths or conf.get("paths") or []
    if not paths:
        raise InputError("no PATH given and no [tool.medlint] paths configured")
    options = _options(args, conf)
    folders = sorted(_find_articles(list(paths)), key=engine.order_key)
    if args.shard:
        k, n = _parse_shard(args.shard)
        folders = engine.shard(folders, k, n)
    jobs = args.jobs if args.jobs is not None else int(conf.get("jobs", 1))
    if jobs < 1:
        raise InputError("--jobs must be at least 1")
    cache = None
    if not args.no_cache:
        from medlint.cache import ResultCache, check_location

        root = _cache_dir(conf)
        with _located(conf, "cache-dir"):
            check_location(root, paths, folders)
        cache = ResultCache(root, options)
    progress = _Progress(len(folders)) if sys.stderr.isatty() else None
    return options, folders, jobs, cache, progress


def _find_articles(paths: list[str]) -> list[str]:
    """The article folders under ``paths``; a path that holds none is a usage error."""
    from medlint.errors import InputError
    from medlint.records.store import find_articles

    found: set[str] = set()
    empty = []
    for path in paths:
        folders = find_articles([path])
        if not folders:
            empty.append(path)
        found.update(folders)
    if empty:
        raise InputError(f"no article in {', '.join(empty)} (an article is a folder holding article.yaml)")
    return sorted(found)


def _cache_dir(conf: dict) -> str:
    from medlint.cache import DEFAULT_DIR

    return conf.get("cache-dir", DEFAULT_DIR)


class _located:
    """Locate an InputError raised inside at the ``[tool.medlint]`` key it comes from."""

    def __init__(self, conf: dict, key: str):
        self.conf, self.key = conf, key

    def __enter__(self):
        return self

    def __exit__(self, kind, exc, tb):
        from medlint.errors import InputError

        if isinstance(exc, InputError) and self.key in self.conf and exc.path is None:
            raise InputError(exc.message, "pyproject.toml", _config_line(self.key)) from None
        return False


def _config_line(key: str) -> int | None:
    """The line of ``key`` in the ``[tool.medlint]`` table of ./pyproject.toml."""
    import re

    table = None
    try:
        with open("pyproject.toml", encoding="utf-8") as fh:
            lines = fh.read().splitlines()
    except (OSError, UnicodeDecodeError):
        return None
    for number, line in enumerate(lines, 1):
        header = re.match(r"\s*\[\s*([^\]]+?)\s*\]", line)
        if header:
            table = header.group(1).replace('"', "").replace(" ", "")
        elif table == "tool.medlint" and re.match(rf"\s*[\"']?{re.escape(key)}[\"']?\s*=", line):
            return number
    return None


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

    notes: list[str] = []
    try:
        folder = import_file(args.file, out_dir=args.out, slug=args.slug, force=args.force, title=args.title,
                             notes=notes)
    finally:
        for note in notes:  # what an earlier, interrupted import had left, and what was done about it
            _say(f"medlint: {note}", sys.stderr)
    _say(folder)
    return EXIT_OK


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
    conf = _config()
    fmt = args.format or "text"
    if args.fix:
        result = _run(args, conf)[1]
        _fix(result, result.findings)  # then check again: what is left, at its new position
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
    return article_result.info or {"slug": article_result.slug}


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
    stream = None
    if fmt == "json":
        from medlint.render import json as json_out

        stream = json_out.Stream(out)
    elif fmt == "github":
        from medlint.render import github as line_out
    else:
        from medlint.render import text as line_out
    for result in engine.iter_run(folders, options, jobs=jobs, progress=progress, cache=cache):
        findings = result.findings
        if baseline is not None:
            findings = [f for f in findings if not baseline.absorb(f)]
        tally.add_article(result)
        tally.add(findings)
        if stream is not None:
            stream.findings(findings)
            stream.article(_info(result), result.waived)
        else:
            for f in findings:
                out.write(line_out.line(f) + "\n")
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


def _fix(result, findings) -> bool:
    """Apply the mechanical fixes (atomically, file by file); True when a file changed."""
    from medlint.fixer import apply_fixes, plan_fixes
    from medlint.records.store import load_article

    fixable = [f for f in findings if f.replacement is not None]
    if not fixable:
        return False
    documents = {}
    for a in result.articles:
        if a.checked and any(f.article == a.slug for f in fixable):
            documents.update(load_article(a.folder).documents)
    plan = plan_fixes(fixable, documents)
    written = apply_fixes(plan)
    n = len(plan.applied)
    print(f"medlint: fixed {n} finding{'s' if n != 1 else ''} in {len(written)} file{'s' if len(written) != 1 else ''}",
          file=sys.stderr)
    for skipped in plan.skipped:
        f = skipped.finding
        _say(f"medlint: not fixed {f.path}:{f.line}:{f.column}: {f.check}: {skipped.reason}", sys.stderr)
    return bool(written)


def _cmd_report(args) -> int:
    from medlint import dates
    from medlint import report as rep
    from medlint.registry import all_checks

    conf = _config()
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
    folder = conf.get("report-dir", "reports")
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
    from medlint.cache import check_location, clear

    conf = _config()
    root = _cache_dir(conf)
    with _located(conf, "cache-dir"):
        check_location(root, conf.get("paths") or [])
        n = clear(root)
    print(f"medlint: removed {n} cache entr{'y' if n == 1 else 'ies'} from {root}")
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

    checks = all_checks()
    if not args.check_id:
        for cid, info in checks.items():
            print(f"{cid}  {info.category:<12} {info.severity:<8} {info.name}")
        return EXIT_OK
    info = checks.get(args.check_id.upper())
    if info is None:
        raise InputError(f"unknown check ID {args.check_id} (run `medlint explain` for the list)")
    print(f"{info.id} {info.name} ({info.category}, default severity {info.severity})\n")
    print(info.rationale)
    print(f"\nHow to fix: {info.fix}")
    for title, examples in (("Flagged", info.bad), ("Not flagged", info.good)):
        if examples:
            print(f"\n{title}:")
            for ex in examples:
                print("  " + ex.strip().replace("\n", "\n  "))
    return EXIT_OK


COMMANDS = {"import": _cmd_import, "export": _cmd_export, "check": _cmd_check, "report": _cmd_report,
            "review": _cmd_review,
            "cache": _cmd_cache, "data": _cmd_data, "explain": _cmd_explain}


def main(argv: list[str] | None = None) -> int:
    from medlint.errors import InputError

    parser = _build_parser()
    args = parser.parse_args(argv)
    # A command is a short-lived process whose models free their own reference
    # cycles (Article.release), so the cyclic collector would only cost time
    # (about 3% of the hook); it runs every engine.COLLECT_EVERY articles instead.
    collector_was_on = gc.isenabled()
    gc.disable()
    try:
        code = COMMANDS[args.command](args)
        sys.stdout.flush()  # a full disk or a closed pipe shows here, not after the exit code is chosen
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
    except BrokenPipeError:
        try:
            sys.stdout.close()
        except Exception:
            pass
        return EXIT_OK
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
        if collector_was_on:
            gc.enable()


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
