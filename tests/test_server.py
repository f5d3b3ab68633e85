"""`medlint server` driven by a real LSP client (pytest-lsp) over the server's stdio pipes.

One server process serves the whole module (start-up imports the battery once);
each test works on its own article so the tests do not see each other's buffers.
"""

from __future__ import annotations

import asyncio
import os
import sys

import pytest
import pytest_lsp
from lsprotocol import types as lsp
from pygls.uris import from_fs_path
from pytest_lsp import ClientServerConfig, LanguageClient
from pytest_lsp.client import DEFAULT_CLIENT_FEATURES, register_lsp_features

pytestmark = pytest.mark.asyncio(loop_scope="module")

TODAY = "2026-11-25"
META = "title: Back Pain Relief\nslug: {slug}\nlanguage: en\n"
#: A drug section as an editor types it: a pill emoji (two UTF-16 code units) before a trailing-zero dose.
DRUGS = """heading: Mainstream Drug Therapies
level: 1
kind: drug-therapy
blocks:
- disclaimer: (Always consult a physician; doses below are adult averages.)
- list:
  - text: Cyclobenzaprine \U0001F48A 5.0 mg at bedtime – Muscle relaxant.
  - text: Gabapentin 300 mg TID, at most 3600 mg a day – Nerve pain.
"""


def _client() -> LanguageClient:
    """pytest-lsp's client, keeping every publishDiagnostics it receives, in order."""
    client = LanguageClient(converter_factory=__import__("pygls.protocol", fromlist=["x"]).default_converter)
    client.published = []

    def published(ls: LanguageClient, params: lsp.PublishDiagnosticsParams):
        ls.diagnostics[params.uri] = params.diagnostics
        ls.published.append(params)

    features = dict(DEFAULT_CLIENT_FEATURES)
    features[lsp.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS] = published
    register_lsp_features(client, features)
    return client


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = tmp_path_factory.mktemp("site")
    (root / "pyproject.toml").write_text('[tool.medlint]\npaths = ["content"]\n', encoding="utf-8")
    (root / "content").mkdir()
    return root


def article(site, slug: str, section: str = DRUGS) -> str:
    """An article folder under the module's site: article.yaml and 010-drugs.yaml; returns the section's path."""
    folder = site / "content" / slug
    folder.mkdir()
    (folder / "article.yaml").write_text(META.format(slug=slug), encoding="utf-8")
    path = folder / "010-drugs.yaml"
    path.write_text(section, encoding="utf-8")
    return str(path)


@pytest_lsp.fixture(scope="module",
                    config=ClientServerConfig(server_command=[sys.executable, "-m", "medlint", "server"],
                                              client_factory=_client))
async def client(lsp_client: LanguageClient):
    await lsp_client.initialize_session(lsp.InitializeParams(
        capabilities=lsp.ClientCapabilities(), initialization_options={"today": TODAY, "debounce": 0}))
    yield
    await lsp_client.shutdown_session()


async def _next(client: LanguageClient, uri: str, seen: int) -> lsp.PublishDiagnosticsParams:
    """The first diagnostics published for ``uri`` after the first ``seen`` ones."""
    for _ in range(2000):
        mine = [p for p in client.published if p.uri == uri]
        if len(mine) > seen:
            return mine[seen]
        await asyncio.sleep(0.005)
    raise AssertionError(f"no diagnostics published for {uri}")


def _count(client: LanguageClient, uri: str) -> int:
    return sum(p.uri == uri for p in client.published)


async def _open(client: LanguageClient, path: str) -> tuple[str, lsp.PublishDiagnosticsParams]:
    uri = from_fs_path(path)
    seen = _count(client, uri)
    with open(path, encoding="utf-8") as fh:
        text = fh.read()
    client.text_document_did_open(lsp.DidOpenTextDocumentParams(
        lsp.TextDocumentItem(uri=uri, language_id="yaml", version=1, text=text)))
    return uri, await _next(client, uri, seen)


def _change(client: LanguageClient, uri: str, version: int, text: str) -> None:
    client.text_document_did_change(lsp.DidChangeTextDocumentParams(
        lsp.VersionedTextDocumentIdentifier(uri=uri, version=version),
        [lsp.TextDocumentContentChangeWholeDocument(text=text)]))


def _by_code(params: lsp.PublishDiagnosticsParams, code: str) -> list[lsp.Diagnostic]:
    return [d for d in params.diagnostics if d.code == code]


def _apply(text: str, edits: list[lsp.TextEdit]) -> str:
    """Apply text edits whose positions count UTF-16 code units (as the protocol does)."""
    lines = text.split("\n")

    def offset(pos: lsp.Position) -> int:
        before = sum(len(line) + 1 for line in lines[:pos.line])
        units, i, line = 0, 0, lines[pos.line] if pos.line < len(lines) else ""
        while units < pos.character:
            units += 2 if ord(line[i]) > 0xFFFF else 1
            i += 1
        return before + i

    for edit in sorted(edits, key=lambda e: (e.range.start.line, e.range.start.character), reverse=True):
        text = text[:offset(edit.range.start)] + edit.new_text + text[offset(edit.range.end):]
    return text


async def test_trailing_zero_is_flagged_at_its_range_and_fixed_by_the_code_action(client, site):
    path = article(site, "fix-me")
    uri, published = await _open(client, path)
    [diag] = _by_code(published, "NOT004")
    line = DRUGS.split("\n").index("  - text: Cyclobenzaprine \U0001F48A 5.0 mg at bedtime – Muscle relaxant.")
    col = len("  - text: Cyclobenzaprine ") + 2 + 1  # the emoji is two UTF-16 code units, then a space
    assert diag.range == lsp.Range(lsp.Position(line, col), lsp.Position(line, col + len("5.0")))
    assert diag.severity == lsp.DiagnosticSeverity.Error and diag.source == "medlint"
    assert diag.message.startswith('"5.0 mg" has a trailing zero') and 'Fix: Write "5 mg".' in diag.message
    assert diag.data["explain"] == "medlint explain NOT004" and diag.data["fixSafety"] == "safe"
    assert published.version == 1

    actions = await client.text_document_code_action_async(lsp.CodeActionParams(
        lsp.TextDocumentIdentifier(uri), diag.range, lsp.CodeActionContext(diagnostics=[diag])))
    [fix] = [a for a in actions if a.kind == lsp.CodeActionKind.QuickFix]
    assert fix.is_preferred and fix.diagnostics[0].code == "NOT004"
    fixed = _apply(DRUGS, fix.edit.changes[uri])
    assert "Cyclobenzaprine \U0001F48A 5 mg at bedtime" in fixed

    seen = _count(client, uri)
    _change(client, uri, 2, fixed)
    after = await _next(client, uri, seen)
    assert after.version == 2 and not _by_code(after, "NOT004")
    assert _by_code(after, "SAF001"), "the rest of the article is still checked"
    with open(path, encoding="utf-8") as fh:
        assert fh.read() == DRUGS, "an unsaved buffer is checked without touching the disk"


async def test_hover_on_a_flagged_span_shows_the_rationale(client, site):
    uri, published = await _open(client, article(site, "hover"))
    [diag] = _by_code(published, "NOT004")
    inside = lsp.Position(diag.range.start.line, diag.range.start.character + 1)
    hover = await client.text_document_hover_async(lsp.HoverParams(lsp.TextDocumentIdentifier(uri), inside))
    assert hover.contents.kind == lsp.MarkupKind.Markdown
    assert "**NOT004** trailing-zero" in hover.contents.value
    assert "**Why it matters.**" in hover.contents.value and "medlint explain NOT004" in hover.contents.value
    outside = lsp.Position(0, 0)
    assert await client.text_document_hover_async(lsp.HoverParams(lsp.TextDocumentIdentifier(uri), outside)) is None


async def test_unsafe_fixes_are_offered_only_when_the_setting_allows(client, site):
    uri, published = await _open(client, article(site, "unsafe"))
    [latin] = _by_code(published, "NOT008")
    assert latin.data["fixSafety"] == "unsafe"
    ask = lsp.CodeActionParams(lsp.TextDocumentIdentifier(uri), latin.range, lsp.CodeActionContext(diagnostics=[]))
    assert not [a for a in await client.text_document_code_action_async(ask) if a.kind == lsp.CodeActionKind.QuickFix]
    client.workspace_did_change_configuration(lsp.DidChangeConfigurationParams(
        {"medlint": {"today": TODAY, "debounce": 0, "unsafeFixes": True}}))
    try:
        await _next(client, uri, _count(client, uri))  # checked again with the new settings
        [action] = [a for a in await client.text_document_code_action_async(ask)
                    if a.kind == lsp.CodeActionKind.QuickFix]
        assert "(unsafe fix)" in action.title and not action.is_preferred
    finally:
        client.workspace_did_change_configuration(lsp.DidChangeConfigurationParams(
            {"medlint": {"today": TODAY, "debounce": 0}}))


async def test_fix_all_applies_every_safe_fix_of_the_file(client, site):
    section = DRUGS + "  - text: Baclofen 10.0 mg three times daily, at most 80 mg a day – Muscle relaxant.\n"
    uri, published = await _open(client, article(site, "fix-all", section))
    assert len(_by_code(published, "NOT004")) == 2
    actions = await client.text_document_code_action_async(lsp.CodeActionParams(
        lsp.TextDocumentIdentifier(uri), lsp.Range(lsp.Position(0, 0), lsp.Position(0, 0)),
        lsp.CodeActionContext(diagnostics=[], only=["source.fixAll"])))
    [action] = actions
    fixed = _apply(section, action.edit.changes[uri])
    assert "5 mg at bedtime" in fixed and "Baclofen 10 mg" in fixed and "TID" in fixed  # the unsafe one is left


async def test_selection_settings_apply_as_on_the_command_line(client, site):
    uri, published = await _open(client, article(site, "select"))
    assert _by_code(published, "NOT004") and _by_code(published, "SAF001")
    seen = _count(client, uri)
    client.workspace_did_change_configuration(lsp.DidChangeConfigurationParams(
        {"medlint": {"today": TODAY, "debounce": 0, "select": ["notation"], "ignore": ["NOT008"]}}))
    try:
        after = await _next(client, uri, seen)
        assert {d.code for d in after.diagnostics} == {"NOT004"}
    finally:
        client.workspace_did_change_configuration(lsp.DidChangeConfigurationParams(
            {"medlint": {"today": TODAY, "debounce": 0}}))


async def test_a_file_outside_an_article_gets_no_diagnostics_and_no_error(client, site):
    loose = site / "notes"
    loose.mkdir()
    path = loose / "draft.yaml"
    path.write_text("heading: Notes\ntext: Cyclobenzaprine 5.0 mg\n", encoding="utf-8")
    uri = from_fs_path(str(path))
    client.text_document_did_open(lsp.DidOpenTextDocumentParams(
        lsp.TextDocumentItem(uri=uri, language_id="yaml", version=1, text=path.read_text(encoding="utf-8"))))
    # requests are answered in order: a publish for the open would have arrived before this answer
    hover = await client.text_document_hover_async(lsp.HoverParams(lsp.TextDocumentIdentifier(uri), lsp.Position(1, 8)))
    assert hover is None and _count(client, uri) == 0
    assert client.error is None and not [m for m in client.messages if m.type == lsp.MessageType.Error]


async def test_invalid_yaml_while_typing_is_one_located_diagnostic(client, site):
    uri, _ = await _open(client, article(site, "typing"))
    broken = DRUGS.replace("- list:", "- list: [", 1)
    seen = _count(client, uri)
    _change(client, uri, 2, broken)
    after = await _next(client, uri, seen)
    [diag] = after.diagnostics
    assert diag.severity == lsp.DiagnosticSeverity.Error and diag.message.startswith("invalid YAML")
    assert diag.range.start.line >= 5
    seen = _count(client, uri)
    _change(client, uri, 3, DRUGS)
    assert _by_code(await _next(client, uri, seen), "NOT004")


async def test_closing_publishes_no_diagnostics(client, site):
    uri, published = await _open(client, article(site, "close"))
    assert published.diagnostics
    seen = _count(client, uri)
    client.text_document_did_close(lsp.DidCloseTextDocumentParams(lsp.TextDocumentIdentifier(uri)))
    assert len((await _next(client, uri, seen)).diagnostics) == 0


async def test_an_edit_to_one_file_rechecks_the_articles_other_open_files(client, site):
    path = article(site, "whole")
    uri, _ = await _open(client, path)
    meta_uri, meta = await _open(client, os.path.join(os.path.dirname(path), "article.yaml"))
    assert _by_code(meta, "DSC003")  # no general-information disclaimer anywhere yet
    seen = _count(client, meta_uri)
    _change(client, uri, 2, DRUGS + "- disclaimer: 'Disclaimer: This article is general information only and "
                                    "is not a substitute for professional medical advice.'\n")
    assert not _by_code(await _next(client, meta_uri, seen), "DSC003")


async def test_edits_are_debounced(client, site):
    uri, _ = await _open(client, article(site, "debounce"))
    seen = _count(client, uri)
    client.workspace_did_change_configuration(lsp.DidChangeConfigurationParams(
        {"medlint": {"today": TODAY, "debounce": 100}}))
    try:
        await _next(client, uri, seen)  # checked again with the new settings
        seen += 1
        for version in range(2, 7):  # typing: five changes well inside the pause
            _change(client, uri, version, DRUGS.replace("5.0 mg", f"5.{version} mg"))
        first = await _next(client, uri, seen)
        assert first.version == 6
        await asyncio.sleep(0.2)
        assert _count(client, uri) == seen + 1, "one check for the burst of edits"
    finally:
        client.workspace_did_change_configuration(lsp.DidChangeConfigurationParams(
            {"medlint": {"today": TODAY, "debounce": 0}}))


def _drawn(params: lsp.PublishDiagnosticsParams) -> list:
    return sorted((d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character,
                   d.code, d.message, sorted((d.data or {}).items())) for d in params.diagnostics)


async def test_diagnostics_kept_from_the_last_edit_are_those_a_fresh_buffer_gets(client, site):
    """The server keeps a finding's diagnostic while the finding and its line are unchanged:
    after each edit (a line inserted above, a wide character before the dose, the line's end
    changed, a line removed, a comment after a folded text whose finding marks the rest of its
    first line) the diagnostics equal those of the same text opened fresh."""
    path = article(site, "kept")
    uri, _ = await _open(client, path)
    item = "  - text: Cyclobenzaprine \U0001F48A 5.0 mg at bedtime – Muscle relaxant."
    folded = "  - text: >-\n      Cyclobenzaprine 5.0 mg at bedtime – Muscle relaxant."
    edits = [DRUGS.replace(item, folded), DRUGS.replace(item, folded.replace(">-", ">-  # at night")),
             DRUGS.replace("level: 1\n", "level: 1\nrun_in: false\n"),
             DRUGS.replace(item, item.replace("Cyclobenzaprine", "Cyclobenzaprine \U0001F48A\U0001F48A")),
             DRUGS.replace(item, item + " Take with food."),
             DRUGS,
             DRUGS.replace("- disclaimer: (Always consult a physician; doses below are adult averages.)\n", "")]
    for version, text in enumerate(edits, 2):
        seen = _count(client, uri)
        _change(client, uri, version, text)
        kept = await _next(client, uri, seen)
        fresh_uri, fresh = await _open(client, article(site, f"kept-fresh-{version}", text))
        assert kept.version == version and _drawn(kept) == _drawn(fresh), text
        client.text_document_did_close(lsp.DidCloseTextDocumentParams(lsp.TextDocumentIdentifier(fresh_uri)))
