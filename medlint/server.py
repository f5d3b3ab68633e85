"""``medlint server``: the Language Server Protocol over stdio (pygls, lsprotocol).

An editor that opens, edits or saves a record of an article (a YAML file with
``article.yaml`` beside it) gets the article's findings in its open files as
diagnostics: the whole article is checked from its files on disk with every open
buffer in place of its file (:mod:`medlint.buffers`), so the findings are those
``medlint check`` gives once the buffers are saved; nothing is written. Each
diagnostic carries the check ID as its code (``data.explain``: the ``medlint
explain`` command), its severity, message and fix; a hover over a flagged span
shows the check's rationale; the safe fixes are code actions (the unsafe ones too
with the ``unsafeFixes`` setting, as ``--unsafe-fixes``). Edits are checked after a
pause (``debounce`` ms, 150 by default), an open or save at once.

Settings (``initializationOptions``, or ``workspace/didChangeConfiguration`` with a
``medlint`` table) are the command line's: ``select``, ``ignore``, ``extendSelect``,
``extendIgnore``, ``today``, ``config`` (a ``pyproject.toml``), over the
``[tool.medlint]`` table found upward from the article; plus ``unsafeFixes``,
``debounce`` and ``explainUrl`` (a link template such as ``https://example.org/checks/{id}``
for each diagnostic's ``codeDescription``).

The pint registry, the schemas and the compiled patterns are built on first use
and kept by the modules that own them, and the server's state keeps the parsed and
validated record of each file it has read (:class:`medlint.buffers.ParsedRecords`),
so a warm server parses only the file that changed, then checks.
"""

from __future__ import annotations

import asyncio
import gc
import os
import sys
from argparse import Namespace
from dataclasses import dataclass, field

from lsprotocol import types as lsp
from pygls.lsp.server import LanguageServer
from pygls.protocol import LanguageServerProtocol
from pygls.uris import to_fs_path

from medlint import __version__, buffers
from medlint.errors import InputError

SEVERITY = {"error": lsp.DiagnosticSeverity.Error, "warning": lsp.DiagnosticSeverity.Warning,
            "info": lsp.DiagnosticSeverity.Information}
FIX_ALL = "source.fixAll.medlint"
SOURCE = "medlint"


# --- settings --------------------------------------------------------------------

_LISTS = {"select": "select", "ignore": "ignore", "extendSelect": "extend_select", "extendIgnore": "extend_ignore"}


@dataclass(frozen=True)
class Settings:
    """What the client asked for: the command line's selection and clock, and the server's own."""

    today: str | None = None
    config: str | None = None
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] | None = None
    extend_ignore: tuple[str, ...] | None = None
    unsafe_fixes: bool = False
    debounce: float = 0.150  # seconds
    explain_url: str | None = None

    @classmethod
    def from_client(cls, raw) -> "Settings":
        """Settings from the client's JSON (camelCase keys; a ``medlint`` table may hold them).
        A value of the wrong kind is an InputError naming the key."""
        if isinstance(raw, dict) and isinstance(raw.get("medlint"), dict):
            raw = raw["medlint"]
        if not raw:
            return cls()
        if not isinstance(raw, dict):
            raise InputError("medlint settings: expected an object")
        values = {}
        for key, name in _LISTS.items():
            if raw.get(key) is not None:
                values[name] = _strings(key, raw[key])
        for key, name in (("today", "today"), ("config", "config"), ("explainUrl", "explain_url")):
            if raw.get(key) is not None:
                if not isinstance(raw[key], str):
                    raise InputError(f"medlint settings: {key}: expected a string")
                values[name] = raw[key]
        if raw.get("unsafeFixes") is not None:
            if not isinstance(raw["unsafeFixes"], bool):
                raise InputError("medlint settings: unsafeFixes: expected true or false")
            values["unsafe_fixes"] = raw["unsafeFixes"]
        if raw.get("debounce") is not None:
            ms = raw["debounce"]
            if isinstance(ms, bool) or not isinstance(ms, (int, float)) or ms < 0:
                raise InputError("medlint settings: debounce: expected milliseconds (a number, 0 or more)")
            values["debounce"] = ms / 1000
        return cls(**values)

    def arguments(self) -> Namespace:
        """The settings as ``medlint check`` options, for the command line's own selection rules."""
        return Namespace(today=self.today, **{name: getattr(self, name) for name in _LISTS.values()})


def _strings(key: str, value) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(value)
    raise InputError(f"medlint settings: {key}: expected a list of check IDs, prefixes or categories")


def check_options(folder: str, settings: Settings):
    """engine.Options for an article: ``[tool.medlint]`` found from its folder (or ``config``),
    with the settings over it, by the command line's rules."""
    from medlint import cli, config

    conf = config.discover([folder], settings.config)
    return cli._options(settings.arguments(), conf)


# --- findings as the protocol's values ---------------------------------------------

@dataclass(frozen=True)
class Flag:
    """One published diagnostic and the finding behind it."""

    finding: object
    diagnostic: lsp.Diagnostic


def finding_range(lines: list[str], line: int, column: int, excerpt: str, units) -> lsp.Range:
    """The range of ``excerpt`` at 1-based ``line``:``column`` (characters) of a text's ``lines``,
    in the client's code units (``units``: characters -> count; UTF-16 unless negotiated).
    An excerpt not written as is at that place (an escaped or folded scalar) marks the rest of the line."""
    row = min(max(line - 1, 0), max(len(lines) - 1, 0))
    text = lines[row].rstrip("\r\n") if lines else ""
    bom = 1 if row == 0 and text.startswith("\ufeff") else 0  # the records' columns do not count it
    start = min(column - 1 + bom, len(text))
    end = start + len(excerpt) if excerpt and text.startswith(excerpt, start) else max(start, len(text))
    if text.isascii():  # one code unit a character in every encoding (pygls counts them one by one)
        return lsp.Range(start=lsp.Position(row, start), end=lsp.Position(row, end))
    return lsp.Range(start=lsp.Position(row, units(text[:start])), end=lsp.Position(row, units(text[:end])))


def to_diagnostic(finding, rng: lsp.Range, explain_url: str | None = None) -> lsp.Diagnostic:
    """A finding as a diagnostic: the check ID as its code, the fix after the message."""
    from medlint.registry import get

    info = get(finding.check)
    message = finding.message + (f" Fix: {finding.suggestion}" if finding.suggestion else "")
    data = {"explain": f"medlint explain {finding.check}"}
    if finding.replacement is not None:
        data.update(replacement=finding.replacement, fixSafety=info.fix_safety if info else "")
    href = explain_url.replace("{id}", finding.check) if explain_url else None
    return lsp.Diagnostic(range=rng, message=message, severity=SEVERITY.get(finding.severity), code=finding.check,
                          code_description=lsp.CodeDescription(href=href) if href else None, source=SOURCE,
                          data=data)


def explain_markdown(finding) -> str:
    """What a hover shows over a flagged span: the finding, then ``medlint explain ID``."""
    from medlint.registry import get

    info = get(finding.check)
    head = f"**{finding.check}** {info.name if info else ''} ({finding.severity})\n\n{finding.message}"
    if finding.suggestion:
        head += f"\n\nFix: {finding.suggestion}"
    if info is None:
        return head
    return f"{head}\n\n---\n\n{info.rationale}\n\nHow to fix: {info.fix}\n\n(`medlint explain {info.id}`)"


def _before(a: lsp.Position, b: lsp.Position) -> bool:
    return (a.line, a.character) <= (b.line, b.character)


def overlaps(a: lsp.Range, b: lsp.Range) -> bool:
    return _before(a.start, b.end) and _before(b.start, a.end)


# --- the server --------------------------------------------------------------------

@dataclass
class State:
    """What the server keeps between messages."""

    settings: Settings = field(default_factory=Settings)
    flags: dict[str, list[Flag]] = field(default_factory=dict)      # uri -> what was published
    pending: dict[str, asyncio.TimerHandle] = field(default_factory=dict)  # article folder -> a debounced check
    shown: set[str] = field(default_factory=set)                    # problems already shown to the editor
    records: buffers.ParsedRecords = field(default_factory=buffers.ParsedRecords)  # unchanged files, parsed
    checked: int = 0  # articles checked: every TRIM_EVERY-th gives freed memory back (release_memory)
    drawn: dict[str, dict[tuple, Flag]] = field(default_factory=dict)  # uri -> (finding, its line) -> last flag


class Protocol(LanguageServerProtocol):
    """pygls's protocol, without its one leak: pygls 2.1 files the future of a notification
    handled by one of its built-in (generator) handlers - didOpen, didChange, didSave,
    didClose - under a fresh id in ``_request_futures``, and only a request's response
    takes it out again, so every edit left a future behind (about 2 KB: the server's
    memory grew by 3.4 MB over 1,000 edits). A notification's future leaves once done."""

    def _execute_handler(self, msg_id, handler, callback, args=None, kwargs=None):
        super()._execute_handler(msg_id, handler, callback, args, kwargs)
        if callback != self._check_handler_result:  # a request: its response removes it
            return
        future = self._request_futures.get(msg_id)
        if future is None:
            return
        if future.done():
            del self._request_futures[msg_id]
        else:
            future.add_done_callback(lambda _: self._request_futures.pop(msg_id, None))


class MedlintServer(LanguageServer):
    """A language server that checks articles as their records are edited."""

    def __init__(self) -> None:
        super().__init__("medlint", __version__, protocol_cls=Protocol)
        self.state = State()

    # documents and articles

    def document_path(self, uri: str) -> str | None:
        return os.path.abspath(to_fs_path(uri)) if uri.startswith("file:") else None

    def open_documents(self, folder: str):
        """(uri, path, document) of every open buffer of the article in ``folder``."""
        for uri, doc in list(self.workspace.text_documents.items()):
            path = self.document_path(uri)
            if path is not None and os.path.dirname(path) == folder:
                yield uri, path, doc

    def folder_of(self, uri: str) -> str | None:
        path = self.document_path(uri)
        return buffers.article_folder(path) if path else None

    # checking and publishing

    def schedule(self, uri: str, delay: float) -> None:
        """Check the article ``uri`` belongs to after ``delay`` seconds (a later call replaces it)."""
        folder = self.folder_of(uri)
        if folder is None:
            return  # not a record of an article: nothing to say
        handle = self.state.pending.pop(folder, None)
        if handle is not None:
            handle.cancel()
        if delay <= 0:
            self.lint(folder)
        else:
            self.state.pending[folder] = asyncio.get_running_loop().call_later(delay, self._lint_later, folder)

    def _lint_later(self, folder: str) -> None:
        self.state.pending.pop(folder, None)
        self.lint(folder)

    def lint(self, folder: str) -> None:
        """Check the article with its open buffers and publish what it found in each of them."""
        docs = list(self.open_documents(folder))
        if not docs:
            return
        try:
            self._publish_article(folder, docs)
        except InputError as exc:  # the settings or [tool.medlint] are unusable
            self.tell(str(exc))
        except ValueError as exc:  # a malformed date in the settings
            self.tell(f"medlint settings: {exc}")
        except Exception as exc:  # a bug: said once, and the server goes on
            if os.environ.get("MEDLINT_DEBUG"):
                import traceback

                traceback.print_exc(file=sys.stderr)
            self.tell(f"medlint: internal error: {type(exc).__name__}: {exc} (set MEDLINT_DEBUG=1 for a traceback "
                      "on the server's stderr)")
        self.state.checked += 1
        if self.state.checked % TRIM_EVERY == 0:
            release_memory()  # after the publish: the editor does not wait for it

    def _publish_article(self, folder: str, docs: list) -> None:
        options = check_options(folder, self.state.settings)
        raw = {os.path.basename(path): doc.source.encode("utf-8") for _, path, doc in docs}
        result = buffers.check_buffers(folder, raw, options, self.state.records, with_info=False)  # findings only
        by_path: dict[str, list] = {}
        where: dict[str, str] = {}  # a finding's path -> the file's absolute path (a few files, many findings)
        for f in result.findings:
            path = where.get(f.path)
            if path is None:
                path = where[f.path] = os.path.normpath(os.path.abspath(f.path))
            by_path.setdefault(path, []).append(f)
        error = buffers.load_error(folder, raw, self.state.records) if result.error else None
        for uri, path, doc in docs:
            flags = self.flags_for(uri, doc.source, by_path.get(path, ()))
            diagnostics = [flag.diagnostic for flag in flags]
            if error is not None:
                diagnostics.insert(0, self.error_diagnostic(error, path, doc, result.error))
            self.state.flags[uri] = flags
            self.publish(uri, diagnostics, doc.version)

    def flags_for(self, uri: str, source: str, findings) -> list[Flag]:
        """The diagnostics of ``findings`` in the buffer ``uri`` holding ``source``. A finding
        published last time for the same text of its line keeps its diagnostic (an edit
        leaves most findings and lines as they were); the rest are built."""
        lines = source.split("\n")  # as medlint numbers lines (str.splitlines also breaks at U+2028)
        units = self.workspace.position_codec.client_num_units
        before = self.state.drawn.get(uri, {})
        drawn, flags = {}, []
        for f in findings:
            row = min(max(f.line - 1, 0), len(lines) - 1)
            key = (f, row, lines[row])  # all finding_range reads, with the codec set at initialisation
            flag = before.get(key)
            if flag is None:
                rng = finding_range(lines, f.line, f.column, f.excerpt, units)
                flag = Flag(f, to_diagnostic(f, rng, self.state.settings.explain_url))
            drawn[key] = flag
            flags.append(flag)
        self.state.drawn[uri] = drawn
        return flags

    def error_diagnostic(self, error: InputError | None, path: str, doc, line: str) -> lsp.Diagnostic:
        """Why the article cannot be read: at its place in this file, or at the top naming the file."""
        units = self.workspace.position_codec.client_num_units
        here = error is not None and error.path is not None and os.path.abspath(error.path) == path
        lines = doc.source.split("\n")
        if here:
            rng = finding_range(lines, error.line or 1, error.column or 1, "", units)
            message = error.message
        else:
            rng = finding_range(lines, 1, 1, "", units)
            message = f"the article cannot be checked: {line}"
        return lsp.Diagnostic(range=rng, message=message, severity=lsp.DiagnosticSeverity.Error, source=SOURCE)

    def publish(self, uri: str, diagnostics: list, version: int | None = None) -> None:
        self.text_document_publish_diagnostics(
            lsp.PublishDiagnosticsParams(uri=uri, diagnostics=diagnostics, version=version))

    def tell(self, message: str) -> None:
        """Show a problem to the editor once (a check per keystroke must not repeat it)."""
        if message not in self.state.shown:
            self.state.shown.add(message)
            self.window_show_message(lsp.ShowMessageParams(type=lsp.MessageType.Error, message=message))

    def closed(self, uri: str) -> None:
        """A buffer was closed: its diagnostics go; the article's other buffers now see the file on disk."""
        self.state.flags.pop(uri, None)
        self.state.drawn.pop(uri, None)
        self.publish(uri, [])
        folder = self.folder_of(uri)
        if folder is not None and any(True for _ in self.open_documents(folder)):
            self.schedule(uri, 0)
            return
        if folder is not None:
            self.state.records.forget(folder)  # no buffer of the article is open any more
        if folder is not None and folder in self.state.pending:
            self.state.pending.pop(folder).cancel()

    def configure(self, raw) -> None:
        """New settings: every open article is checked again with them."""
        try:
            self.state.settings = Settings.from_client(raw)
        except InputError as exc:
            self.tell(str(exc))
            return
        self.state.shown.clear()
        self.state.drawn.clear()  # a new explainUrl changes every diagnostic
        folders = {self.folder_of(uri) for uri in list(self.workspace.text_documents)}
        for folder in sorted(f for f in folders if f is not None):
            self.lint(folder)

    # hover and code actions

    def flags_at(self, uri: str, rng: lsp.Range) -> list[Flag]:
        return [flag for flag in self.state.flags.get(uri, ()) if overlaps(flag.diagnostic.range, rng)]

    def hover(self, params: lsp.HoverParams) -> lsp.Hover | None:
        point = lsp.Range(start=params.position, end=params.position)
        flags = self.flags_at(params.text_document.uri, point)
        if not flags:
            return None
        text = "\n\n---\n\n".join(explain_markdown(flag.finding) for flag in flags)
        return lsp.Hover(contents=lsp.MarkupContent(kind=lsp.MarkupKind.Markdown, value=text),
                         range=flags[0].diagnostic.range)

    def fixable(self, flag: Flag) -> bool:
        data = flag.diagnostic.data or {}
        return "replacement" in data and (data.get("fixSafety") == "safe" or self.state.settings.unsafe_fixes)

    def code_actions(self, params: lsp.CodeActionParams) -> list[lsp.CodeAction]:
        uri = params.text_document.uri
        path = self.document_path(uri)
        if path is None or uri not in self.workspace.text_documents:
            return []
        doc = self.workspace.get_text_document(uri)
        only = params.context.only
        actions = []
        if not only or any(lsp.CodeActionKind.QuickFix.value.startswith(k) for k in only):
            for flag in self.flags_at(uri, params.range):
                if self.fixable(flag) and fix_plan(path, doc.source, [flag.finding]):
                    actions.append(quick_fix(uri, flag))
        if not only or any(FIX_ALL.startswith(k) for k in only):
            every = [flag.finding for flag in self.state.flags.get(uri, ()) if self.fixable(flag)]
            plan = fix_plan(path, doc.source, every) if every else None
            if plan:
                actions.append(fix_all(uri, doc, plan[path], len(plan.applied),
                                       self.workspace.position_codec.client_num_units))
        return actions


def fix_plan(path: str, source: str, findings: list):
    """medlint.fixer's plan for ``findings`` in a buffer's text (each fix verified as ``--fix`` does)."""
    from medlint.fixer import plan_fixes
    from medlint.records.yamlio import load_yaml

    try:
        document = load_yaml(path, source.removeprefix("\ufeff"))
    except InputError:
        return None
    plan = plan_fixes(findings, {path: document})
    return plan if plan.applied else None


def quick_fix(uri: str, flag: Flag) -> lsp.CodeAction:
    f = flag.finding
    edit = lsp.TextEdit(range=flag.diagnostic.range, new_text=f.replacement)
    safe = (flag.diagnostic.data or {}).get("fixSafety") == "safe"
    title = f"{f.check}: write {f.replacement!r} for {f.excerpt!r}" + ("" if safe else " (unsafe fix)")
    return lsp.CodeAction(title=title, kind=lsp.CodeActionKind.QuickFix, diagnostics=[flag.diagnostic],
                          is_preferred=safe, edit=lsp.WorkspaceEdit(changes={uri: [edit]}))


def fix_all(uri: str, doc, text: str, count: int, units) -> lsp.CodeAction:
    """One edit that puts the fixed text in place of the whole buffer."""
    bom = "\ufeff" if doc.source.startswith("\ufeff") else ""
    lines = doc.source.split("\n")
    whole = lsp.Range(start=lsp.Position(0, 0), end=lsp.Position(len(lines) - 1, units(lines[-1])))
    edit = lsp.TextEdit(range=whole, new_text=bom + text)
    return lsp.CodeAction(title=f"medlint: apply {count} fix{'es' if count != 1 else ''} in this file",
                          kind=FIX_ALL, edit=lsp.WorkspaceEdit(changes={uri: [edit]}))


def build_server() -> MedlintServer:
    """The server with its features registered (not started)."""
    server = MedlintServer()

    @server.feature(lsp.INITIALIZE)
    def initialize(ls: MedlintServer, params: lsp.InitializeParams):
        ls.configure(params.initialization_options)

    @server.feature(lsp.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: MedlintServer, params: lsp.DidOpenTextDocumentParams):
        ls.schedule(params.text_document.uri, 0)

    @server.feature(lsp.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: MedlintServer, params: lsp.DidChangeTextDocumentParams):
        ls.schedule(params.text_document.uri, ls.state.settings.debounce)

    @server.feature(lsp.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: MedlintServer, params: lsp.DidSaveTextDocumentParams):
        ls.schedule(params.text_document.uri, 0)

    @server.feature(lsp.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: MedlintServer, params: lsp.DidCloseTextDocumentParams):
        ls.closed(params.text_document.uri)

    @server.feature(lsp.WORKSPACE_DID_CHANGE_CONFIGURATION)
    def did_change_configuration(ls: MedlintServer, params: lsp.DidChangeConfigurationParams):
        ls.configure(params.settings)

    @server.feature(lsp.TEXT_DOCUMENT_HOVER)
    def hover(ls: MedlintServer, params: lsp.HoverParams):
        return ls.hover(params)

    @server.feature(lsp.TEXT_DOCUMENT_CODE_ACTION,
                    lsp.CodeActionOptions(code_action_kinds=[lsp.CodeActionKind.QuickFix, FIX_ALL]))
    def code_action(ls: MedlintServer, params: lsp.CodeActionParams):
        return ls.code_actions(params)

    return server


# Each check frees memory the C library keeps: glibc's heap held 1.6 MB free after a warm-up
# and 17.5 MB after 1,500 edits of the seed's drug section while the memory in use stayed
# at 42.9-43.0 MB, so the server's resident set grew by ~3.5 MB per 1,000 edits with no
# object kept. Every TRIM_EVERY checks, malloc_trim gives the free pages back (0.4 ms median).
TRIM_EVERY = 25
_trim = []  # [malloc_trim, or None where the C library has none], looked up on first use


def release_memory() -> None:
    """Give the heap's free pages back to the system (glibc's ``malloc_trim``; nothing elsewhere)."""
    if not _trim:
        import ctypes

        try:
            _trim.append(ctypes.CDLL(None).malloc_trim)
        except (OSError, AttributeError, TypeError):  # not glibc (musl, macOS, Windows)
            _trim.append(None)
    if _trim[0] is not None:
        _trim[0](0)


def serve(server: MedlintServer | None = None) -> int:
    """Run the server (``build_server()`` unless given) over standard input and output until
    the client ends it."""
    from medlint.registry import all_checks

    from medlint.doses.units import get_registry

    all_checks()  # the battery and its data, once, before the first message
    get_registry()
    gc.collect()
    gc.freeze()  # what start-up built stays: the collector need not walk it at every edit
    gc.enable()  # a long-lived process: the command line's collector pause does not apply
    stdin, stdout = sys.stdin.buffer, sys.stdout.buffer
    sys.stdout = sys.stderr  # a stray print must not corrupt the protocol stream
    (server or build_server()).start_io(stdin, stdout)
    return 0
