"""Nothing lost, nothing hidden: where the result cache may live, what `cache clear`
may delete, entries that are not what medlint wrote, files saved during a run,
and runs that find no article."""

from __future__ import annotations

import builtins
import os
import pickle
import random

import pytest

from medlint import cache as cache_mod
from medlint import engine
from medlint.cli import main
from support import article_from_text

TODAY = ["--today", "2026-11-24"]
CLEAN = "Back Pain\n-\nRest – >90 % fast pain relief [1].\n"        # CLM001 satisfied
FLAGGED = "Back Pain\n-\nRest – >90 % fast pain relief.\n"           # CLM001: an unsourced statistic
SMALL = "Back Pain\n\nSurgical Procedures\n-\nMicrodiscectomy – >90 % fast pain relief.\n"


def run(args, capsys):
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


def tree(root) -> dict[str, bytes | None]:
    """Every file (with its bytes) and folder under ``root``."""
    out = {}
    for dirpath, dirnames, filenames in os.walk(root):
        for d in dirnames:
            out[os.path.relpath(os.path.join(dirpath, d), root) + "/"] = None
        for f in filenames:
            with open(os.path.join(dirpath, f), "rb") as fh:
                out[os.path.relpath(os.path.join(dirpath, f), root)] = fh.read()
    return out


@pytest.fixture
def project(tmp_path, monkeypatch):
    """tmp_path/project: a git working copy with pyproject.toml, content/ (two articles) and sentinels."""
    root = tmp_path / "project"
    (root / ".git").mkdir(parents=True)
    (root / ".git" / "HEAD").write_text("ref: refs/heads/main\n")
    (root / "sentinel.txt").write_text("keep me\n")
    (tmp_path / "outside.txt").write_text("keep me too\n")
    for slug in ("alpha", "beta"):
        article_from_text(SMALL, root / "content", slug=slug)
    (root / "content" / "sentinel.txt").write_text("keep me\n")
    monkeypatch.chdir(root)
    return root


def configure(root, cache_dir: str | None, paths=("content",)) -> None:
    lines = ["[project]", 'name = "site"', "", "[tool.medlint]", f"paths = {list(paths)!r}".replace("'", '"')]
    if cache_dir is not None:
        lines.append(f"cache-dir = {cache_dir!r}".replace("'", '"'))
    (root / "pyproject.toml").write_text("\n".join(lines) + "\n")


# --- where the cache may live ---------------------------------------------------------

@pytest.mark.parametrize("where", ["content", ".", "", "ROOT", "..", "content/alpha", "content/..", "PARENT"])
def test_cache_dir_at_or_above_content_or_project_is_refused(project, capsys, where):
    where = {"ROOT": str(project), "PARENT": str(project.parent)}.get(where, where)
    configure(project, where)
    before, outside = tree(project), tree(project.parent)
    for args in (["check"] + TODAY, ["check", "content/alpha"] + TODAY, ["report"] + TODAY, ["cache", "clear"]):
        code, out, err = run(args, capsys)
        assert code == 2, (args, out, err)
        assert len(err.splitlines()) == 1 and err.startswith("medlint: pyproject.toml:6: cache-dir"), err
        assert tree(project) == before and tree(project.parent) == outside, f"{args} changed files"


def test_cache_dir_holding_articles_is_refused(project, capsys):
    article_from_text(SMALL, project / "library" / "group", slug="gamma")
    configure(project, "library/group", paths=["library"])
    before = tree(project)
    code, out, err = run(["check"] + TODAY, capsys)
    assert code == 2 and "holds the article" in err and len(err.splitlines()) == 1
    code, out, err = run(["cache", "clear"], capsys)
    assert code == 2 and len(err.splitlines()) == 1
    assert tree(project) == before


def test_a_foreign_folder_is_neither_used_nor_marked(project, capsys):
    configure(project, "build")
    (project / "build").mkdir()
    (project / "build" / "app.bin").write_bytes(b"\x00\x01")
    before = tree(project)
    code, out, err = run(["check"] + TODAY, capsys)
    assert code == 2 and "no CACHEDIR.TAG" in err and len(err.splitlines()) == 1
    assert tree(project) == before
    assert run(["check", "--no-cache"] + TODAY, capsys)[0] == 1  # without the cache the run goes ahead


def test_the_cache_marks_its_folder(project, capsys):
    configure(project, "var/cache")
    assert run(["check"] + TODAY, capsys)[0] == 1
    tag = (project / "var" / "cache" / "CACHEDIR.TAG").read_bytes()
    assert tag.startswith(b"Signature: 8a477f597d28d172789f06886806bc55")
    assert "*" in (project / "var" / "cache" / ".gitignore").read_text().splitlines()


def test_a_cache_from_before_the_mark_is_adopted(project, capsys):
    configure(project, None)
    legacy = project / ".medlint_cache" / "ab"
    legacy.mkdir(parents=True)
    (legacy / ("ab" + "0" * 62 + ".json")).write_text('{"format": 1}')
    assert run(["check"] + TODAY, capsys)[0] == 1
    assert cache_mod.is_marked(str(project / ".medlint_cache"))


# --- cache clear ------------------------------------------------------------------------

def test_clear_refuses_a_folder_without_the_mark(project, capsys):
    configure(project, None)
    assert run(["check"] + TODAY, capsys)[0] == 1
    (project / ".medlint_cache" / "CACHEDIR.TAG").write_text("Signature: something else\n")
    before = tree(project)
    code, out, err = run(["cache", "clear"], capsys)
    assert code == 2 and len(err.splitlines()) == 1 and out == ""
    assert tree(project) == before
    # an empty unmarked folder, and a folder of someone else's files: refused too
    for name, files in (("empty", {}), ("other", {"notes.txt": "mine\n", "ab/cd.json": "{}"})):
        folder = project / name
        folder.mkdir()
        for rel, text in files.items():
            (folder / rel).parent.mkdir(parents=True, exist_ok=True)
            (folder / rel).write_text(text)
        configure(project, name)
        before = tree(project)
        code, out, err = run(["cache", "clear"], capsys)
        assert code == 2 and len(err.splitlines()) == 1 and tree(project) == before, (name, err)


def test_clear_removes_only_entries(project, capsys):
    configure(project, None)
    assert run(["check"] + TODAY, capsys)[0] == 1
    root = project / ".medlint_cache"
    entries = [p for p in root.rglob("*.json")]
    assert len(entries) == 2
    (root / "notes.txt").write_text("someone's\n")
    sub = entries[0].parent
    (sub / "README").write_text("someone's too\n")
    (sub / ".entry-leftover1.tmp").write_bytes(b"half an entry")
    data = list((root / "data").glob("*.entry"))  # the check data's entries (medlint.datacache) go too
    before = tree(project)
    code, out, err = run(["cache", "clear"], capsys)
    assert code == 0 and "removed 2 cache entries" in out
    after = tree(project)
    rel = lambda p: os.path.relpath(p, project)  # noqa: E731
    emptied = {rel(p.parent) + "/" for p in entries if p.parent != sub}
    assert not data or "and %d of check data" % len(data) in out
    data_folder = {rel(root / "data") + "/"} if data else set()
    assert set(before) - set(after) == ({rel(p) for p in entries} | {rel(sub / ".entry-leftover1.tmp")} | emptied
                                        | {rel(p) for p in data} | data_folder)
    assert all(after[k] == before[k] for k in after)
    assert cache_mod.is_marked(str(root))
    # with nothing of anyone else's left, the folder goes
    (root / "notes.txt").unlink()
    (sub / "README").unlink()
    assert run(["cache", "clear"], capsys)[0] == 0
    assert not root.exists() and (project / "sentinel.txt").exists()


def test_clear_refuses_a_marked_folder_holding_an_article(project, capsys):
    configure(project, None)
    assert run(["check"] + TODAY, capsys)[0] == 1
    article_from_text(SMALL, project / ".medlint_cache", slug="stray")
    before = tree(project)
    code, out, err = run(["cache", "clear"], capsys)
    assert code == 2 and "holds an article" in err and tree(project) == before


def test_clear_through_a_symbolic_link_keeps_the_link_and_the_folder(project, tmp_path, capsys):
    configure(project, None)
    (tmp_path / "ramdisk").mkdir()
    os.symlink(tmp_path / "ramdisk", project / ".medlint_cache")
    assert run(["check"] + TODAY, capsys)[0] == 1
    assert len(list((tmp_path / "ramdisk").rglob("*.json"))) == 2
    code, out, err = run(["cache", "clear"], capsys)
    assert code == 0 and "removed 2 cache entries" in out, err
    assert os.path.islink(project / ".medlint_cache") and not list((tmp_path / "ramdisk").rglob("*.json"))


# --- one reading: the key and the check see the same bytes ------------------------------

def _section(folder) -> str:
    return os.path.join(folder, sorted(n for n in os.listdir(folder) if n[:3].isdigit())[0])


def _write(path: str, text: str) -> None:
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(text)


@pytest.fixture
def pair(tmp_path, monkeypatch):
    """An article's one section file in two versions: CLM001 passes on one and fails on the other."""
    monkeypatch.chdir(tmp_path)
    folder = article_from_text(CLEAN, tmp_path / "content", slug="a")
    section = _section(folder)
    clean = open(section, encoding="utf-8").read()
    _write(section, clean.replace(" [1].", "."))
    flagged = open(section, encoding="utf-8").read()
    assert clean != flagged
    return folder, section, clean, flagged


ARGS = ["check", "content", "--select", "CLM001", "--format", "json"] + TODAY


def _uncached(section, text, capsys):
    _write(section, text)
    return run(ARGS + ["--no-cache"], capsys)[:2]


@pytest.mark.parametrize("seam", ["check_article", "put"])
@pytest.mark.parametrize("first, second", [("flagged", "clean"), ("clean", "flagged")])
def test_a_file_saved_during_a_run_never_leaves_a_stale_result(pair, capsys, monkeypatch, seam, first, second):
    folder, section, clean, flagged = pair
    texts = {"clean": clean, "flagged": flagged}
    expected = {name: _uncached(section, text, capsys) for name, text in texts.items()}
    assert expected["clean"][0] == 0 and expected["flagged"][0] == 1

    _write(section, texts[first])
    saves = []

    def editor_saves():  # the editor saves the other version after medlint has read the files
        if not saves:
            _write(section, texts[second])
            saves.append(1)

    real_check, real_put = engine.check_article, cache_mod.ResultCache.put

    def checking(*args, **kwargs):  # medlint has read the files and is about to check them
        editor_saves()
        return real_check(*args, **kwargs)

    def storing(self, key, result):  # medlint has checked and is about to store the entry
        editor_saves()
        return real_put(self, key, result)

    with monkeypatch.context() as m:
        if seam == "check_article":
            m.setattr(engine, "check_article", checking)
        else:
            m.setattr(cache_mod.ResultCache, "put", storing)
        during = run(ARGS, capsys)[:2]
    assert saves, "the seam ran"
    # the disk now holds the second version; later runs report exactly what is on disk,
    # whichever entries the run above stored
    assert run(ARGS, capsys)[:2] == expected[second]
    _write(section, texts[first])
    assert run(ARGS, capsys)[:2] == expected[first], "a stale entry was served"
    _write(section, texts[second])
    assert run(ARGS, capsys)[:2] == expected[second], "a stale entry was served"
    assert during == expected[first], "the run reports the bytes it read"


def test_each_record_file_is_read_once_per_run(pair, capsys, monkeypatch):
    folder, section, clean, flagged = pair
    opened: list[str] = []

    def counting(real):
        def opening(file, *args, **kwargs):
            if isinstance(file, str) and os.path.abspath(file).startswith(os.path.abspath(folder) + os.sep):
                opened.append(os.path.basename(file))
            return real(file, *args, **kwargs)
        return opening

    with monkeypatch.context() as m:
        m.setattr(builtins, "open", counting(builtins.open))
        m.setattr(os, "open", counting(os.open))
        assert run(ARGS, capsys)[0] == 1        # cold: read, keyed, checked, stored
        assert run(ARGS, capsys)[0] == 1        # warm: read, keyed, served
    names = sorted(os.listdir(folder))
    assert sorted(opened) == sorted(names * 2), opened


# --- entries that are not what medlint wrote ----------------------------------------------

@pytest.fixture
def entry(tmp_path, monkeypatch, capsys):
    """A site with one small article, its uncached output, and the path and bytes of its entry."""
    monkeypatch.chdir(tmp_path)
    article_from_text(SMALL, tmp_path / "content", slug="a")
    args = ["check", "content", "--format", "json"] + TODAY
    expected = run(args + ["--no-cache"], capsys)[:2]
    assert run(args, capsys)[:2] == expected
    [path] = list((tmp_path / ".medlint_cache").rglob("*.json"))
    return args, expected, path, path.read_bytes()


def _options():
    import datetime

    return engine.Options(today=datetime.date(2026, 11, 24))


def test_every_flipped_byte_is_caught_by_the_checksum(entry):
    args, expected, path, pristine = entry
    c = cache_mod.ResultCache(".medlint_cache", _options())
    key = path.stem
    assert c.get(key) is not None and len(pristine) > 1000
    assert cache_mod._decode(pristine, key) is not None
    for i in range(len(pristine)):
        mask = 1 << (i % 8)  # every byte, every bit position across the entry
        assert cache_mod._decode(pristine[:i] + bytes([pristine[i] ^ mask]) + pristine[i + 1:], key) is None, i
    for i in random.Random(7).sample(range(len(pristine)), 50):  # and through the file: deleted
        path.write_bytes(pristine[:i] + bytes([pristine[i] ^ 0x20]) + pristine[i + 1:])
        assert c.get(key) is None and not path.exists(), i


def test_corrupted_entries_change_no_output(entry, capsys):
    args, expected, path, pristine = entry
    rng = random.Random(20261124)
    positions = sorted(rng.sample(range(len(pristine)), 40)) + [0, len(pristine) - 1, pristine.index(b"\n")]
    for i in positions:
        path.write_bytes(pristine[:i] + bytes([pristine[i] ^ (1 << rng.randrange(8))]) + pristine[i + 1:])
        assert run(args, capsys)[:2] == expected, i
        assert path.read_bytes() == pristine, "rebuilt"


def _signed(body: bytes) -> bytes:
    return cache_mod._header(body) + b"\n" + body


def _body_entry(pristine: bytes, edit) -> bytes:
    """An entry whose body is edited and whose checksum is then made right again."""
    import json

    data = json.loads(pristine.partition(b"\n")[2])
    edit(data)
    return _signed(json.dumps(data).encode())


def _foreign_key(d):
    d["key"] = "0" * 64


def _old_format(d):
    d["format"] = 1


def _bad_line(d):
    d["result"]["findings"][0]["line"] = "7"


def _missing_field(d):
    del d["result"]["info"]


def _error_entry(d):
    d["result"]["error"] = "a.yaml: cannot read"


def _not_a_dict(d):
    d["result"]["findings"] = [[]]


BROKEN = {
    "empty": lambda p: b"",
    "truncated-1": lambda p: p[:1],
    "truncated-header": lambda p: p[:20],
    "truncated-half": lambda p: p[:len(p) // 2],
    "truncated-last-byte": lambda p: p[:-1],
    "extra-byte": lambda p: p + b" ",
    "foreign-pickle": lambda p: pickle.dumps({"format": 2, "result": []}),
    "old-json-entry": lambda p: p.partition(b"\n")[2],
    "wrong-version-header": lambda p: p.replace(b"medlint-cache 2 ", b"medlint-cache 1 ", 1),
    "wrong-version-body": lambda p: _body_entry(p, _old_format),
    "other-key": lambda p: _body_entry(p, _foreign_key),
    "bad-field-type": lambda p: _body_entry(p, _bad_line),
    "missing-field": lambda p: _body_entry(p, _missing_field),
    "error-result": lambda p: _body_entry(p, _error_entry),
    "finding-not-a-mapping": lambda p: _body_entry(p, _not_a_dict),
    "not-utf8": lambda p: _signed(b"\xff" + p.partition(b"\n")[2]),
    "not-json": lambda p: _signed(p.partition(b"\n")[2][:-1]),
    "json-not-a-mapping": lambda p: _signed(b"[1, 2]"),
    "pickle-signed": lambda p: _signed(pickle.dumps({"format": 2})),
}


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_broken_entries_are_rebuilt(entry, capsys, case):
    args, expected, path, pristine = entry
    path.write_bytes(BROKEN[case](pristine))
    assert run(args, capsys)[:2] == expected
    assert path.read_bytes() == pristine, "the entry is rebuilt"


def test_an_entry_that_is_a_folder_is_no_error(entry, capsys):
    args, expected, path, pristine = entry
    path.unlink()
    path.mkdir()
    assert run(args, capsys)[:2] == expected


@pytest.mark.parametrize("failure", [OSError("disk full"), KeyboardInterrupt()])
def test_a_failed_write_leaves_no_temporary_file(entry, capsys, monkeypatch, failure):
    args, expected, path, pristine = entry
    path.unlink()
    kept = set(path.parent.parent.rglob("*"))  # the check data's entries of the first run stay
    real_replace = os.replace

    def failing_replace(src, dst):
        if str(dst).endswith((".json", ".entry")):  # result and check-data entries
            raise failure
        return real_replace(src, dst)

    with monkeypatch.context() as m:
        m.setattr(os, "replace", failing_replace)
        if isinstance(failure, KeyboardInterrupt):
            assert run(args, capsys)[0] == 130
        else:
            assert run(args, capsys)[:2] == expected  # a cache that cannot be written is only slower
    leftovers = [p for p in path.parent.parent.rglob("*") if p.is_file() and p.name not in ("CACHEDIR.TAG", ".gitignore")
                 and p not in kept]
    assert leftovers == []


# --- no article --------------------------------------------------------------------------

@pytest.mark.parametrize("command", [["check"], ["check", "--format", "json"], ["report", "--format", "md"],
                                     ["export"]])
@pytest.mark.parametrize("contents", [{}, {"notes.txt": "hello\n", "sub/readme.yaml": "a: 1\n"}])
def test_a_path_without_articles_is_a_usage_error(tmp_path, monkeypatch, capsys, command, contents):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "empty").mkdir()
    for rel, text in contents.items():
        (tmp_path / "empty" / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "empty" / rel).write_text(text)
    before = tree(tmp_path)
    code, out, err = run(command + ["empty"] + (TODAY if command[0] != "export" else []), capsys)
    assert code == 2 and out == ""
    assert len(err.splitlines()) == 1 and "no article in empty" in err, err
    assert tree(tmp_path) == before


def test_every_path_without_articles_is_named(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    article_from_text(SMALL, tmp_path / "content", slug="a")
    for name in ("typo", "drafts"):
        (tmp_path / name).mkdir()
    code, out, err = run(["check", "content", "typo", "drafts"] + TODAY, capsys)
    assert code == 2 and out == "" and err == "medlint: no article in typo, drafts (an article is a folder " \
                                              "holding article.yaml)\n"
