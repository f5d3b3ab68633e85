"""The check data kept in the cache folder (medlint.datacache) never changes a finding:
a warm entry gives the same bytes as a fresh reading, an edited data file is seen at
once, a stale, corrupt or foreign entry is rebuilt, and --no-cache reads checks/ only."""

from __future__ import annotations

import json
import os
import re
import shutil

import pytest

from medlint import cache as cache_mod
from medlint import datacache, policy, prefilter
from medlint.cli import main
from medlint.resources import checks_dir
from support import article_from_text, copy_article

TODAY = ["--today", "2026-11-24"]
SMALL = ("Back Pain\n\nSurgical Procedures\n-\nMicrodiscectomy – >90 % fast pain relief.\n\n"
         "Medicines\n-\nIbuprofen 400 mg three times a day with food.\n")


def run(args, capsys):
    policy.load.cache_clear()  # a new process would load every data file again
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def site(tmp_path, monkeypatch):
    """A site with a small article, and its own copy of checks/ in use."""
    monkeypatch.chdir(tmp_path)
    article_from_text(SMALL, tmp_path / "content", slug="small")
    data = tmp_path / "checks"
    shutil.copytree(checks_dir(), data)
    policy.use_checks_dir(str(data))
    yield tmp_path
    policy.use_checks_dir(None)


def data_entries(site) -> list:
    return sorted((site / ".medlint_cache" / cache_mod.DATA_DIR).glob("*.entry"))


def drop_results(site) -> None:
    """Remove the result entries, keeping the check data's: the next run checks again."""
    for sub in (site / ".medlint_cache").iterdir():
        if sub.is_dir() and re.fullmatch("[0-9a-f]{2}", sub.name):
            shutil.rmtree(sub)


def parsed_data_files(monkeypatch, site) -> list:
    """The check data files the run parses from YAML (not taken from the cache)."""
    from medlint.records import yamlio

    seen, real = [], yamlio.load_yaml

    def spy(path, text=None, marks=True):
        if str(path).startswith(str(site / "checks")):
            seen.append(os.path.basename(str(path)))
        return real(path, text, marks)

    monkeypatch.setattr(yamlio, "load_yaml", spy)
    return seen


ARGS = ["check", "content", "--format", "json"] + TODAY


def test_a_warm_data_cache_gives_the_same_bytes_and_parses_nothing(site, capsys, monkeypatch):
    copy_article(site / "content" / "seed", "seed")
    fresh = run(ARGS + ["--no-cache"], capsys)
    assert not (site / ".medlint_cache").exists(), "--no-cache writes no cache, data included"
    first = run(ARGS, capsys)
    names = {json.loads(e.read_bytes().partition(b"\n")[2]).get("name") for e in data_entries(site)}
    assert {"claims", "dosing", "disclaimers", "safety"} <= names
    drop_results(site)
    parsed = parsed_data_files(monkeypatch, site)
    warm = run(ARGS, capsys)
    assert fresh == first == warm
    assert parsed == [], "every data file came from its entry"


def test_no_cache_neither_reads_nor_writes_the_data_entries(site, capsys, monkeypatch):
    run(ARGS, capsys)
    before = {p: p.read_bytes() for p in data_entries(site)}
    monkeypatch.setattr(datacache.DataCache, "data", lambda *a: pytest.fail("read with --no-cache"))
    parsed = parsed_data_files(monkeypatch, site)
    run(ARGS + ["--no-cache"], capsys)
    assert "claims.yaml" in parsed
    assert {p: p.read_bytes() for p in data_entries(site)} == before


@pytest.mark.parametrize("cached", [False, True], ids=["no-cache", "cache"])
def test_a_data_file_against_its_schema_is_located_at_its_line(site, capsys, cached):
    """Check data is parsed without marks: a file its schema refuses is read again, with
    them, so the run still stops at the offending value's line and column."""
    posts = site / "checks" / "posts.yaml"
    text = posts.read_text(encoding="utf-8")
    assert "\nmin_headers: 2\n" in text
    posts.write_text(text.replace("\nmin_headers: 2\n", "\nmin_headers: two\n"), encoding="utf-8")
    line = text[: text.index("\nmin_headers: 2\n")].count("\n") + 2
    if cached:
        run(ARGS, capsys)  # a run that stops writes no entry for the file: the second sees none either
    code, out, err = run(ARGS + ([] if cached else ["--no-cache"]), capsys)
    assert code == 2
    assert f"posts.yaml:{line}:14: invalid check data: 'min_headers': 'two' is not of type 'integer'" in err, err


def test_an_edited_data_file_is_seen_at_once(site, capsys):
    copy_article(site / "content" / "seed", "seed")
    before = run(ARGS, capsys)
    claims = site / "checks" / "claims.yaml"
    claims.write_text(claims.read_text(encoding="utf-8").replace("gold[- ]standard", "gold[- ]standardX"),
                      encoding="utf-8")
    drop_results(site)  # the data's own entries alone must not hide the edit
    after = run(ARGS, capsys)
    assert after == run(ARGS + ["--no-cache"], capsys)
    assert after != before


def test_a_stale_entry_under_the_new_key_is_not_used(site, capsys):
    """An entry holding other data than its file's is refused: its key names the bytes."""
    expected = run(ARGS + ["--no-cache"], capsys)
    run(ARGS, capsys)
    drop_results(site)
    for path in data_entries(site):
        entry = json.loads(path.read_bytes().partition(b"\n")[2])
        if entry.get("kind") != "check-data":
            continue
        stale = dict(entry, key="0" * 64)  # another file's entry copied over this one
        body = json.dumps(stale).encode()
        path.write_bytes(cache_mod._header(body) + b"\n" + body)
    assert run(ARGS, capsys) == expected


def _flip(blob: bytes, i: int) -> bytes:
    return blob[:i] + bytes([blob[i] ^ 0x04]) + blob[i + 1:]


@pytest.mark.parametrize("how", ["flipped-byte", "truncated", "empty", "not-json", "other-kind", "no-data"])
def test_corrupt_entries_change_no_finding_and_are_rebuilt(site, capsys, how):
    expected = run(ARGS + ["--no-cache"], capsys)
    run(ARGS, capsys)
    pristine = {p: p.read_bytes() for p in data_entries(site)}
    assert len(pristine) > 10

    def signed(entry: dict) -> bytes:
        body = json.dumps(entry).encode()
        return cache_mod._header(body) + b"\n" + body

    for path, blob in pristine.items():
        entry = json.loads(blob.partition(b"\n")[2])
        path.write_bytes({
            "flipped-byte": lambda: _flip(blob, len(blob) // 2),
            "truncated": lambda: blob[:len(blob) // 3],
            "empty": lambda: b"",
            "not-json": lambda: cache_mod._header(b"{not json") + b"\n{not json",
            "other-kind": lambda: signed(dict(entry, kind="needles" if entry["kind"] == "check-data" else "check-data")),
            "no-data": lambda: signed({k: v for k, v in entry.items() if k not in ("data", "needles")}),
        }[how]())
    drop_results(site)
    assert run(ARGS, capsys) == expected
    rebuilt = {p: p.read_bytes() for p in data_entries(site)}
    data_rebuilt = {p for p, b in pristine.items() if json.loads(b.partition(b"\n")[2])["kind"] == "check-data"}
    assert all(rebuilt.get(p) == pristine[p] for p in data_rebuilt), "each data entry is written again"


def test_malformed_needles_are_refused_whole(site, capsys):
    run(ARGS, capsys)
    [path] = [p for p in data_entries(site) if b'"kind":"needles"' in p.read_bytes()]
    entry = json.loads(path.read_bytes().partition(b"\n")[2])
    key = entry["key"]
    for bad in ([["x", 2, []]], [["x", 2, [[]]]], [["x", 2, [[""]]]], [["x", True, None]], [["x", 2]],
                [[1, 2, None]], [["x", 2, [["a", 3]]]], "rows"):
        body = json.dumps(dict(entry, needles=bad)).encode()
        assert datacache._needles_from(cache_mod._header(body) + b"\n" + body, key) is None, bad
    assert datacache._needles_from(path.read_bytes(), key)


def test_stored_needles_are_what_the_reader_gives(site, capsys):
    run(ARGS, capsys)
    [path] = [p for p in data_entries(site) if b'"kind":"needles"' in p.read_bytes()]
    entry = json.loads(path.read_bytes().partition(b"\n")[2])
    held = datacache._needles_from(path.read_bytes(), entry["key"])
    assert len(held) == len(entry["needles"]) > 100
    for (pattern, flags), clauses in held.items():
        assert prefilter.needles(pattern, flags) == clauses, pattern


def test_remembered_needles_answer_without_reading(monkeypatch):
    monkeypatch.setattr(prefilter, "_known", {})
    monkeypatch.setattr(prefilter, "needles", lambda *a: pytest.fail("read again"))
    prefilter.remember({("take (?:two|three) tablets", 2): (("tablets",), ("two", "three"))})
    rx = prefilter.LazyPattern("take (?:two|three) tablets", re.I)
    assert not rx.could_match("Take one capsule") and rx.search("Take two tablets daily")


def test_a_bad_pattern_is_located_from_a_warm_entry(site, capsys):
    claims = site / "checks" / "claims.yaml"
    text = claims.read_text(encoding="utf-8")
    claims.write_text(text.replace("research_appeals:\n", "research_appeals:\n  - 'studies (show'\n", 1),
                      encoding="utf-8")
    results = []
    for _ in range(2):  # the first run stores the (schema-valid) data, the second reads it
        code, out, err = run(ARGS, capsys)
        results.append((code, err))
        drop_results(site)
    assert results[0] == results[1]
    code, err = results[0]
    assert code == 2 and "claims.yaml:" in err and "studies (show" in err and len(err.splitlines()) == 1


def test_only_values_json_gives_back_exactly_are_stored(tmp_path):
    folder = cache_mod.CacheFolder(str(tmp_path / "c"))
    cache = datacache.DataCache(folder, str(checks_dir()))
    cache.keep("units", b"x", {"a": (1, 2)})  # a tuple would come back a list
    cache.keep("units", b"y", {"a": [1, 2.0, True, None, "µ"]})
    assert cache.data("units", b"x") is None
    assert cache.data("units", b"y") == {"a": [1, 2.0, True, None, "µ"]}
    assert datacache.same({"a": 1, "b": 2}, {"a": 1, "b": 2})
    for a, b in ((1, 1.0), (True, 1), ({"a": 1, "b": 2}, {"b": 2, "a": 1}), ([1], (1,)), ("1", 1)):
        assert not datacache.same(a, b), (a, b)


def test_import_uses_the_cache_folder_only_where_a_check_made_one(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    page = tmp_path / "page.txt"
    page.write_text(SMALL, encoding="utf-8")
    args = ["import", str(page), "--out", "content", "--force"]
    assert run(args, capsys)[0] == 0
    assert not (tmp_path / ".medlint_cache").exists(), "import makes no cache folder"
    first = {p.name: p.read_bytes() for p in (tmp_path / "content" / "page").iterdir()}
    assert run(["check", "content"] + TODAY, capsys)[0] in (0, 1)  # makes the folder
    run(args, capsys)  # stores what import reads
    before = {p: p.read_bytes() for p in data_entries(tmp_path)}
    names = {json.loads(b.partition(b"\n")[2]).get("name") for b in before.values()}
    assert "import" in names and "section-kinds" in names
    assert run(args, capsys)[0] == 0
    assert {p.name: p.read_bytes() for p in (tmp_path / "content" / "page").iterdir()} == first
    shutil.rmtree(tmp_path / ".medlint_cache" / cache_mod.DATA_DIR)
    assert run(args + ["--no-cache"], capsys)[0] == 0
    assert not data_entries(tmp_path), "--no-cache"


def test_a_new_process_takes_every_data_file_from_the_cache(tmp_path):
    """Before anything reads checks/ (the severities, read while the options are worked out)."""
    import subprocess
    import sys

    article_from_text(SMALL, tmp_path / "content", slug="small")
    cmd = [sys.executable, "-m", "medlint", "check", "content"] + TODAY
    first = subprocess.run(cmd, cwd=tmp_path, capture_output=True)
    names = {json.loads(e.read_bytes().partition(b"\n")[2]).get("name") for e in data_entries(tmp_path)}
    assert {"severity", "claims", "disclaimers"} <= names
    drop_results(tmp_path)
    assert subprocess.run(cmd, cwd=tmp_path, capture_output=True).stdout == first.stdout


def test_the_needles_table_is_bounded(monkeypatch):
    monkeypatch.setattr(prefilter, "_known", {})
    monkeypatch.setattr(prefilter, "_KNOWN_MOST", 50)
    for i in range(120):
        assert prefilter.needles_of(f"word{i} and more") == ((f"word{i} and more",),)
    assert 0 < len(prefilter.known_needles()) <= 50


def test_import_is_not_stopped_by_a_bad_configuration(tmp_path, monkeypatch, capsys):
    """An import does not read [tool.medlint] for itself: an error there is check's to report."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".git").mkdir()
    (tmp_path / "pyproject.toml").write_text("[tool.medlint]\njobs = 0\n", encoding="utf-8")
    page = tmp_path / "page.txt"
    page.write_text(SMALL, encoding="utf-8")
    code, out, err = run(["import", str(page), "--out", "content"], capsys)
    assert code == 0 and err == "", err
    assert run(["check", "content"] + TODAY, capsys)[0] == 2
