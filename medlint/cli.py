"""Command line: ``medlint import|export|check|explain``.

Heavy modules are imported inside each command so that start-up stays close
to the interpreter's own.
"""

from __future__ import annotations

import argparse
import os
import sys

EXIT_OK, EXIT_FINDINGS, EXIT_INPUT = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # usage errors: one line, exit 2
        self.exit(EXIT_INPUT, f"medlint: {message} (see `medlint {self.prog.split()[-1] if ' ' in self.prog else ''} --help`)\n".replace("medlint  --help", "medlint --help"))


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

    chk = sub.add_parser("check", help="validate records and run the battery of checks")
    chk.add_argument("paths", nargs="+", metavar="PATH")
    chk.add_argument("--format", choices=("text", "json"), default="text")
    chk.add_argument("--today", help="the date to judge review ages by (YYYY-MM-DD)")
    chk.add_argument("--fail-on", choices=("error", "warning", "info"), default="error")
    chk.add_argument("--select", default="", help="comma-separated check IDs to run (default: all)")
    chk.add_argument("--ignore", default="", help="comma-separated check IDs to skip")

    ex = sub.add_parser("explain", help="print a check's rationale, or list every check")
    ex.add_argument("check_id", nargs="?")
    return p


def _ids(text: str) -> frozenset[str]:
    return frozenset(t.strip().upper() for t in text.split(",") if t.strip())


def _cmd_import(args) -> int:
    from medlint.importer import import_file

    folder = import_file(args.file, out_dir=args.out, slug=args.slug, force=args.force, title=args.title)
    print(folder)
    return EXIT_OK


def _cmd_export(args) -> int:
    from medlint.errors import InputError
    from medlint.exporter import export_article
    from medlint.records.store import find_articles, load_article

    folders = find_articles([args.path])
    if len(folders) != 1:
        raise InputError(f"expected one article, found {len(folders)}", args.path)
    loaded = load_article(folders[0])
    if loaded.article is None:
        path, v = loaded.violations[0]
        raise InputError(f"records are invalid: {v.message} (run `medlint check`)", path, v.line, v.column)
    sys.stdout.write(export_article(loaded.article, args.format))
    return EXIT_OK


def _cmd_check(args) -> int:
    from medlint import dates, engine
    from medlint.records.store import find_articles

    today = dates.today(args.today)
    options = engine.Options(today=today, select=_ids(args.select), ignore=_ids(args.ignore))
    _check_ids(options.select | options.ignore)
    folders = find_articles(args.paths)
    result = engine.run(folders, options)
    findings = result.findings
    summary = engine.summary(result)
    if args.format == "json":
        from medlint.render import json as out
    else:
        from medlint.render import text as out
    sys.stdout.write(out.render(findings, summary))
    for err in result.errors:
        print(f"medlint: {err}", file=sys.stderr)
    return engine.exit_code(result, args.fail_on)


def _check_ids(ids) -> None:
    from medlint.errors import InputError
    from medlint.registry import all_checks

    unknown = sorted(set(ids) - set(all_checks()))
    if unknown:
        raise InputError(f"unknown check ID {', '.join(unknown)} (see `medlint explain`)")


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
    if info.bad:
        print("\nFlagged:")
        for ex in info.bad:
            print("  " + ex.strip().replace("\n", "\n  "))
    if info.good:
        print("\nNot flagged:")
        for ex in info.good:
            print("  " + ex.strip().replace("\n", "\n  "))
    return EXIT_OK


COMMANDS = {"import": _cmd_import, "export": _cmd_export, "check": _cmd_check, "explain": _cmd_explain}


def main(argv: list[str] | None = None) -> int:
    from medlint.errors import InputError

    parser = _build_parser()
    args = parser.parse_args(argv)
    try:
        return COMMANDS[args.command](args)
    except InputError as exc:
        print(f"medlint: {exc}", file=sys.stderr)
        return EXIT_INPUT
    except ValueError as exc:  # e.g. a malformed --today
        print(f"medlint: {exc}", file=sys.stderr)
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
    except Exception as exc:  # a bug: one line, no traceback unless asked for
        if os.environ.get("MEDLINT_DEBUG"):
            raise
        print(f"medlint: internal error: {type(exc).__name__}: {exc} (set MEDLINT_DEBUG=1 for a traceback)",
              file=sys.stderr)
        return 3
