"""The language server's parts that need no client: checking unsaved buffers, ranges, settings, the command."""

from __future__ import annotations

import datetime as _dt
import json
import os
import shutil
import subprocess
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from medlint import buffers, cli
from medlint.engine import Options
from medlint.errors import InputError
from support import REPO, SEED_SLUG, seed_folder

TODAY = _dt.date(2026, 11, 25)
OPTIONS = Options(today=TODAY)


@pytest.fixture(scope="module")
def seed(tmp_path_factory):
    return seed_folder(tmp_path_factory.mktemp("seed"))


def _largest_section(folder: str) -> str:
    names = [n for n in os.listdir(folder) if n[0].isdigit()]
    return max(names, key=lambda n: os.path.getsize(os.path.join(folder, n)))


def _cli_findings(folder: str, capsys) -> list[dict]:
    capsys.readouterr()
    cli.main(["check", folder, "--format", "json", "--no-cache", "--today", TODAY.isoformat()])
    return json.loads(capsys.readouterr().out)["findings"]


EDITS = [
    ("mg every", "mg every"),                          # no change
    ("mg", "mg.0"),                                    # a new trailing zero or a broken dose
    ("500", "500.0"),
    ("mg", "µg"),
    ("Acetaminophen", "Paracetamol"),
    ("– ", "– 90 % faster relief "),
]


@pytest.mark.parametrize("old,new", EDITS)
def test_buffers_give_what_check_gives_once_saved(seed, tmp_path, capsys, old, new):
    folder = shutil.copytree(seed, tmp_path / SEED_SLUG)
    name = _largest_section(folder)
    path = os.path.join(folder, name)
    with open(path, "rb") as fh:
        on_disk = fh.read()
    edited = on_disk.replace(old.encode(), new.encode(), 3)
    live = buffers.check_buffers(str(folder), {name: edited}, OPTIONS)
    with open(path, "rb") as fh:
        assert fh.read() == on_disk, "checking a buffer writes nothing"
    with open(path, "wb") as fh:
        fh.write(edited)
    assert [f.to_json() for f in live.findings] == _cli_findings(str(folder), capsys)


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(at=st.integers(0, 10_000), text=st.sampled_from(["5.0 mg ", ".5 mg ", "QD ", "[1] ", "\n", "'", "µg", "é"]))
def test_any_insertion_checks_as_the_saved_file_does(seed, tmp_path_factory, capsys, at, text):
    folder = shutil.copytree(seed, tmp_path_factory.mktemp("h") / SEED_SLUG)
    name = _largest_section(folder)
    path = os.path.join(folder, name)
    with open(path, encoding="utf-8") as fh:
        source = fh.read()
    at = min(at, len(source))
    edited = (source[:at] + text + source[at:]).encode("utf-8")
    live = buffers.check_buffers(str(folder), {name: edited}, OPTIONS)
    with open(path, "wb") as fh:
        fh.write(edited)
    capsys.readouterr()
    code = cli.main(["check", str(folder), "--format", "json", "--no-cache", "--today", TODAY.isoformat()])
    out = capsys.readouterr()
    if live.error:  # unreadable as typed: the command says the same line
        assert code == 2 and live.error in out.err
    else:
        assert [f.to_json() for f in live.findings] == json.loads(out.out)["findings"]


def test_an_unsaved_new_section_is_part_of_the_article(seed):
    name = "990-new-doses.yaml"
    raw = b"heading: New Doses\nlevel: 1\nkind: drug-therapy\nblocks:\n- paragraph: Baclofen 10.0 mg daily.\n"
    live = buffers.check_buffers(seed, {name: raw}, Options(today=TODAY, select=frozenset({"NOT004"})))
    assert [(os.path.basename(f.path), f.excerpt) for f in live.findings if f.path.endswith(name)] == [(name, "10.0")]
    assert not os.path.exists(os.path.join(seed, name))


def test_a_load_error_is_located(seed):
    name = _largest_section(seed)
    live = buffers.check_buffers(seed, {name: b"heading: [\n"}, OPTIONS)
    error = buffers.load_error(seed, {name: b"heading: [\n"})
    assert live.error and error is not None and error.path.endswith(name) and error.line == 2
    assert buffers.load_error(seed, {}) is None


def test_article_folder_is_the_folder_beside_article_yaml(seed, tmp_path):
    assert buffers.article_folder(os.path.join(seed, "010-overview.yaml")) == os.path.abspath(seed)
    assert buffers.article_folder(os.path.join(seed, "notes.md")) is None
    (tmp_path / "x.yaml").write_text("a: 1\n", encoding="utf-8")
    assert buffers.article_folder(str(tmp_path / "x.yaml")) is None


def test_the_registry_schemas_and_patterns_are_built_once_per_process(seed, monkeypatch):
    import pint

    from medlint import policy
    from medlint.doses import units
    from medlint.records import validate

    buffers.check_buffers(seed, {}, OPTIONS)  # warm
    registry = units.get_registry()
    builds = (validate._schemas.cache_info().misses, validate.is_valid.cache_info().misses,
              policy.load.cache_info().misses, policy.regex.cache_info().misses)
    monkeypatch.setattr(pint, "UnitRegistry", lambda *a, **k: pytest.fail("the unit registry was built again"))
    name = _largest_section(seed)
    with open(os.path.join(seed, name), "rb") as fh:
        edited = fh.read().replace(b"mg", b"mg ", 1)
    buffers.check_buffers(seed, {name: edited}, OPTIONS)
    assert units.get_registry() is registry
    assert (validate._schemas.cache_info().misses, validate.is_valid.cache_info().misses,
            policy.load.cache_info().misses, policy.regex.cache_info().misses) == builds


# --- ranges and settings -------------------------------------------------------------

def _utf16(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def test_ranges_count_utf16_code_units():
    from medlint.server import finding_range

    lines = ["heading: x\n", "- text: Naproxen \U0001F48A\u00e9 5.0 mg\n"]
    rng = finding_range(lines, 2, len("- text: Naproxen \U0001F48A\u00e9 ") + 1, "5.0", _utf16)
    start = len("- text: Naproxen ") + 2 + 1 + 1
    assert (rng.start.line, rng.start.character, rng.end.character) == (1, start, start + 3)


def test_a_bom_shifts_the_first_line_and_an_excerpt_written_otherwise_marks_the_rest_of_the_line():
    from medlint.server import finding_range

    rng = finding_range(["\ufeffheading: 5.0 mg\n"], 1, 10, "5.0", _utf16)
    assert (rng.start.character, rng.end.character) == (10, 13)
    rng = finding_range(['  - text: "caf\\u00e9 5.0"\n'], 1, 12, "café", _utf16)
    assert (rng.start.character, rng.end.character) == (11, len('  - text: "caf\\u00e9 5.0"'))
    rng = finding_range([], 3, 1, "", _utf16)  # a finding past the end of an emptied buffer
    assert (rng.start.line, rng.start.character) == (0, 0)


def test_settings_are_the_command_lines_and_bad_ones_are_named():
    from medlint.server import Settings, check_options

    s = Settings.from_client({"medlint": {"select": "notation", "ignore": ["NOT008"], "today": "2026-11-25",
                                          "debounce": 40, "unsafeFixes": True}})
    assert s.select == ("notation",) and s.debounce == 0.04 and s.unsafe_fixes
    options = check_options(REPO, s)
    assert options.today == TODAY and "NOT004" in options.select and "NOT008" in options.ignore
    assert Settings.from_client(None) == Settings()
    for bad, key in (({"select": [1]}, "select"), ({"debounce": -1}, "debounce"), ({"unsafeFixes": "yes"}, "unsafeFixes"),
                     ({"today": 20261125}, "today")):
        with pytest.raises(InputError, match=key):
            Settings.from_client(bad)
    with pytest.raises(InputError, match="unknown check ID"):
        check_options(REPO, Settings(select=("NOPE",)))


# --- the command ----------------------------------------------------------------------

def test_server_without_pygls_says_how_to_install_it(monkeypatch, capsys):
    monkeypatch.setitem(sys.modules, "pygls", None)  # as if not installed: find_spec gives None
    assert cli.main(["server"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "pip install 'medlint-articles[server]'" in err and "Traceback" not in err


def test_the_check_command_never_imports_the_server(seed):
    code = ("import sys; from medlint import cli; cli.main(['check', sys.argv[1], '--no-cache']); "
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('pygls', 'lsprotocol', 'medlint.server')))")
    out = subprocess.run([sys.executable, "-c", code, seed], capture_output=True, text=True, check=True).stdout
    assert out.strip().splitlines()[-1] == "[]"


# --- the protocol -----------------------------------------------------------------------

def test_edits_leave_no_futures_behind_in_the_protocol(tmp_path):
    """pygls 2.1 keeps the future of every notification its own handlers answer (didOpen,
    didChange, ...) until a response that never comes; the server's protocol drops it."""
    from medlint.server import build_server

    server = build_server()
    protocol, written = server.protocol, []
    protocol.set_writer(type("Writer", (), {"write": lambda self, data: written.append(data),
                                            "close": lambda self: None})())

    def send(message: dict) -> None:
        protocol.handle_message(protocol.structure_message(dict(message, jsonrpc="2.0")))

    send({"id": 1, "method": "initialize", "params": {"capabilities": {}, "initializationOptions": {"debounce": 0}}})
    send({"method": "initialized", "params": {}})
    uri = (tmp_path / "notes.yaml").as_uri()  # outside any article: nothing is checked or published
    send({"method": "textDocument/didOpen",
          "params": {"textDocument": {"uri": uri, "languageId": "yaml", "version": 1, "text": "a: 1\n"}}})
    for version in range(2, 40):
        send({"method": "textDocument/didChange", "params": {
            "textDocument": {"uri": uri, "version": version}, "contentChanges": [{"text": f"a: {version}\n"}]}})
    assert server.workspace.get_text_document(uri).source == "a: 39\n"
    assert len(written) == 1 and protocol._request_futures == {}  # the initialize response; no future kept


# --- records kept between edits ----------------------------------------------------------

@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(edits=st.lists(st.tuples(st.sampled_from(["section", "article.yaml", "other"]), st.integers(0, 10_000),
                                st.sampled_from(["5.0 mg ", "QD ", "[1] ", "\n", "'", "x: [", "é"])),
                      min_size=1, max_size=4))
def test_records_kept_between_edits_give_what_a_fresh_load_gives(seed, edits):
    """A sequence of edits (some leave a file unreadable, some invalid) checked with the
    server's kept records gives, at every step, the findings and errors of a fresh check."""
    names = sorted(n for n in os.listdir(seed) if n.endswith(".yaml"))
    roles = {"section": _largest_section(seed), "article.yaml": "article.yaml", "other": names[0]}
    records = buffers.ParsedRecords()
    buffers.check_buffers(seed, {}, OPTIONS, records)  # every file parsed once, as the server's first check
    held: dict[str, bytes] = {}
    for role, at, text in edits:
        name = roles[role]
        with open(os.path.join(seed, name), "rb") as fh:
            source = held.get(name, fh.read())
        at = min(at, len(source))
        held[name] = source[:at] + text.encode("utf-8") + source[at:]
        kept = buffers.check_buffers(seed, dict(held), OPTIONS, records, with_info=False)  # as the server asks
        fresh = buffers.check_buffers(seed, dict(held), OPTIONS)
        assert (kept.error, [f.to_json() for f in kept.findings]) == (fresh.error, [f.to_json() for f in fresh.findings])
        error, again = buffers.load_error(seed, held, records), buffers.load_error(seed, held)
        assert (error and (error.message, error.path, error.line)) == (again and (again.message, again.path, again.line))


def test_kept_records_hold_one_version_of_each_file_and_stay_under_their_limit(seed):
    name = _largest_section(seed)
    with open(os.path.join(seed, name), "rb") as fh:
        source = fh.read()
    files = sorted(n for n in os.listdir(seed) if n.endswith(".yaml"))
    records = buffers.ParsedRecords()
    for n in range(12):
        buffers.check_buffers(seed, {name: source + f"# {n}\n".encode()}, OPTIONS, records)
    assert len(records.held) == len(files)  # the edited file's new bytes replaced its old record
    assert records.size == sum(len(raw) for raw, *_ in records.held.values())
    records.forget(os.path.abspath(seed))
    assert (records.held, records.size) == ({}, 0)
    small = buffers.ParsedRecords(limit=3 * len(source))
    buffers.check_buffers(seed, {name: source}, OPTIONS, small)
    assert 0 < small.size <= small.limit and len(small.held) < len(files)


def test_an_ascii_line_counts_characters_whatever_the_encoding():
    from medlint.server import finding_range

    def utf8(text: str) -> int:
        return len(text.encode("utf-8"))

    for units in (_utf16, utf8, len):
        rng = finding_range(["- text: Naproxen 5.0 mg\n"], 1, 18, "5.0", units)
        assert (rng.start.character, rng.end.character) == (17, 20)
    rng = finding_range(["- text: Naproxén 5.0 mg\n"], 1, 18, "5.0", utf8)  # é: two UTF-8 code units
    assert (rng.start.character, rng.end.character) == (18, 21)


def test_every_25th_check_gives_freed_memory_back(monkeypatch):
    """The C library keeps what a check frees (glibc's heap grew by ~3.5 MB per 1,000 edits
    with the memory in use flat); the server trims it every TRIM_EVERY checks."""
    from medlint import server as srv

    released = []
    monkeypatch.setattr(srv, "release_memory", lambda: released.append(1))
    monkeypatch.setattr(srv.MedlintServer, "open_documents", lambda self, folder: iter([("uri", "path", None)]))
    monkeypatch.setattr(srv.MedlintServer, "_publish_article", lambda self, folder, docs: None)
    ls = srv.build_server()
    for _ in range(srv.TRIM_EVERY * 2 + 3):
        ls.lint("/nowhere")
    assert len(released) == 2


def test_release_memory_runs_whatever_the_c_library():
    from medlint import server as srv

    srv.release_memory()  # glibc: malloc_trim; elsewhere nothing
    assert srv._trim and (srv._trim[0] is None or callable(srv._trim[0]))
