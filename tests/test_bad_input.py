"""Every kind of bad input: one located line on stderr, exit 2, no traceback, nothing changed."""

import hashlib
import os
import subprocess
import sys

import pytest

from medlint.cli import main

SECTION_OK = "heading: Causes\nkind: causes\nblocks:\n  - paragraph: Smoking weakens the annulus.\n"


def make_article(root, files: dict[str, bytes | str], slug="bad"):
    folder = root / slug
    folder.mkdir(parents=True, exist_ok=True)
    base = {"article.yaml": f"title: T\nslug: {slug}\nlanguage: en\n", "010-causes.yaml": SECTION_OK}
    base.update(files)
    for name, body in base.items():
        data = body if isinstance(body, bytes) else body.encode("utf-8")
        (folder / name).write_bytes(data)
    return folder


def snapshot(root):
    out = {}
    for dirpath, _, names in os.walk(root):
        for n in names:
            p = os.path.join(dirpath, n)
            with open(p, "rb") as fh:
                out[p] = hashlib.sha256(fh.read()).hexdigest()
    return out


def run_cli(args, capsys):
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


CASES = {
    "unparseable": ("010-causes.yaml", "heading: Causes\nkind: [causes\nblocks: []\n", "010-causes.yaml:", "invalid YAML"),
    "duplicate-key": ("010-causes.yaml", "heading: Causes\nkind: causes\nkind: faq\nblocks: []\n", "010-causes.yaml:3:1", "duplicate key 'kind'"),
    "not-utf8": ("010-causes.yaml", b"heading: Caus\xe9s\nkind: causes\nblocks: []\n", "010-causes.yaml:1:", "not UTF-8"),
    "binary": ("010-causes.yaml", b"\x89PNG\r\n\x1a\n\x00\x00\x00", "010-causes.yaml:", "binary file"),
    "empty": ("010-causes.yaml", "", "010-causes.yaml:1", "empty file"),
    "only-comments": ("010-causes.yaml", "# nothing here\n", "010-causes.yaml:1", "empty"),
    "alias-bomb": ("010-causes.yaml",
                   "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
                   "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n",
                   "010-causes.yaml:1:", "anchors"),
    "deep-nesting": ("010-causes.yaml", "a: " + "[" * 5000 + "]" * 5000 + "\n", "010-causes.yaml:1:", "nesting"),
    "python-tag": ("010-causes.yaml", "heading: !!python/object/apply:os.system ['true']\nkind: causes\nblocks: []\n",
                   "010-causes.yaml:1:", "unsupported YAML tag"),
    "two-documents": ("010-causes.yaml", SECTION_OK + "---\nheading: x\n", "010-causes.yaml:", "more than one YAML document"),
    "scalar-document": ("article.yaml", "just a string\n", "article.yaml", "SCH001"),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_bad_record_file(case, tmp_path, capsys):
    name, body, where, what = CASES[case]
    folder = make_article(tmp_path, {name: body})
    before = snapshot(tmp_path)
    code, out, err = run_cli(["check", str(folder)], capsys)
    after = snapshot(tmp_path)
    assert before == after, "check must never change or delete a file"
    assert "Traceback" not in err + out
    if what == "SCH001":  # parsed, so it is a schema finding, not an input error
        assert code == 1 and "SCH001" in out and where in out
        return
    assert code == 2
    lines = [ln for ln in err.splitlines() if ln.strip()]
    assert len(lines) == 1, err
    assert where in lines[0] and what in lines[0], lines[0]


# What a check-data file is read without marks (policy.load: marks only locate a problem)
# must refuse the same texts with the same located message, and give the same data.
UNMARKED = [body for _name, body, _where, _what in CASES.values() if isinstance(body, str) and body.strip()] + [
    "a: 1\n? [x]\n: 2\n", "a: {b: [1, {c: &n 2}]}\n", "a: !!int nine\n", "a: [x, *y]\n", "a: !!str 3\nb: !!float 1\n",
    "true: 1\n'true': 2\n", "1: a\n'1': b\n", "- [a, {b: c, 'd/e~f': [g]}]\n- ~\n", "a: .nan\n", "x:\n  - y: 1\n    y: 2\n",
    "a: " + "[" * 63 + "]" * 63 + "\n", "a: " + "[" * 64 + "]" * 64 + "\n",
]


@pytest.mark.parametrize("text", UNMARKED, ids=range(len(UNMARKED)))
def test_a_file_read_without_marks_gives_the_same_data_and_refusals(text):
    from medlint.errors import InputError
    from medlint.records.yamlio import load_yaml

    def read(marks):
        try:
            doc = load_yaml("f.yaml", text, marks=marks)
        except InputError as exc:
            return "refused", str(exc), exc.line, exc.column
        return "read", doc.data, doc.marks if marks else (doc.marks, doc.key_marks)

    marked, unmarked = read(True), read(False)
    assert unmarked[:2] == marked[:2]
    if marked[0] == "refused":
        assert unmarked == marked
    else:
        assert unmarked[2] == ({}, {}) and marked[2][""] == (1, 1)


def test_marks_of_nested_values_and_their_keys():
    from medlint.records.yamlio import load_yaml

    doc = load_yaml("f.yaml", "top:\n  - x\n  - 'a/b~c': 2\n    n: [7, {m: 8}]\nnext: 1\n")
    assert doc.marks == {"": (1, 1), "/top": (2, 3), "/top/0": (2, 5), "/top/1": (3, 5), "/top/1/a~1b~0c": (3, 14),
                         "/top/1/n": (4, 8), "/top/1/n/0": (4, 9), "/top/1/n/1": (4, 12), "/top/1/n/1/m": (4, 16),
                         "/next": (5, 7)}
    assert doc.key_marks == {"/top": (1, 1), "/top/1/a~1b~0c": (3, 5), "/top/1/n": (4, 5), "/top/1/n/1/m": (4, 13),
                             "/next": (5, 1)}


def test_missing_path(tmp_path, capsys):
    code, out, err = run_cli(["check", str(tmp_path / "nope")], capsys)
    assert code == 2 and "no such file or directory" in err and str(tmp_path / "nope") in err


def test_symlink_loop(tmp_path, capsys):
    (tmp_path / "a").symlink_to(tmp_path / "b")
    (tmp_path / "b").symlink_to(tmp_path / "a")
    code, out, err = run_cli(["check", str(tmp_path / "a")], capsys)
    assert code == 2 and "symbolic link loop" in err


def test_symlink_loop_inside_tree_is_not_followed(tmp_path, capsys):
    make_article(tmp_path, {})
    (tmp_path / "loop").symlink_to(tmp_path, target_is_directory=True)
    code, out, err = run_cli(["check", str(tmp_path)], capsys)
    assert code in (0, 1) and not err, err
    assert "in 1 article" in out


def test_one_bad_article_does_not_hide_the_others(tmp_path, capsys):
    make_article(tmp_path, {"010-causes.yaml": "kind: [\n"}, slug="broken")
    make_article(tmp_path, {"010-causes.yaml": SECTION_OK.replace("kind: causes", "kind: bogus")}, slug="invalid")
    code, out, err = run_cli(["check", str(tmp_path), "--format", "json"], capsys)
    assert code == 2
    assert "broken/010-causes.yaml" in err
    assert '"SCH001"' in out  # the other article was still checked


def test_import_refuses_to_overwrite(tmp_path, capsys):
    src = tmp_path / "a.txt"
    src.write_text("Causes\n-\nSmoking – weakens discs.\n", encoding="utf-8")
    out_dir = tmp_path / "content"
    assert run_cli(["import", str(src), "--out", str(out_dir)], capsys)[0] == 0
    before = snapshot(out_dir)
    src.write_text("Symptoms\n-\nPain – sharp.\n", encoding="utf-8")
    code, out, err = run_cli(["import", str(src), "--out", str(out_dir)], capsys)
    assert code == 2 and "already exists" in err and "--force" in err
    assert snapshot(out_dir) == before
    code, out, err = run_cli(["import", str(src), "--out", str(out_dir), "--force"], capsys)
    assert code == 0 and out.strip().endswith("a")
    assert snapshot(out_dir) != before
    assert not [n for n in os.listdir(out_dir) if n.startswith(".")], "no temporary folders left behind"


@pytest.mark.parametrize("body,what", [(None, "no such file"), ("", "empty article"), ("   \n\n", "empty article"),
                                       (b"\x00\x01binary", "binary file"), (b"caf\xe9", "not UTF-8")])
def test_import_bad_source(body, what, tmp_path, capsys):
    src = tmp_path / "src.txt"
    if body is not None:
        src.write_bytes(body if isinstance(body, bytes) else body.encode())
    code, out, err = run_cli(["import", str(src), "--out", str(tmp_path / "content")], capsys)
    assert code == 2 and what in err and "src.txt" in err
    assert not (tmp_path / "content").exists() or not os.listdir(tmp_path / "content")


def test_interrupted_import_leaves_no_half_article(tmp_path, monkeypatch):

    src = tmp_path / "a.txt"
    src.write_text("Causes\n-\nSmoking – weakens discs.\n", encoding="utf-8")
    real_open = open
    calls = {"n": 0}

    def flaky_open(path, *a, **k):
        if str(path).endswith(".yaml") and "w" in (a[0] if a else k.get("mode", "r")):
            calls["n"] += 1
            if calls["n"] == 2:
                raise KeyboardInterrupt
        return real_open(path, *a, **k)

    monkeypatch.setattr("builtins.open", flaky_open)
    from medlint.importer import import_file

    with pytest.raises(KeyboardInterrupt):
        import_file(str(src), out_dir=str(tmp_path / "content"))
    monkeypatch.undo()
    assert os.listdir(tmp_path / "content") == []


def test_usage_error_exit_code(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["check", "--format", "xml"])
    assert exc.value.code == 2
    assert "invalid choice" in capsys.readouterr().err


def test_no_paths_and_no_config(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    code, out, err = run_cli(["check"], capsys)
    assert code == 2 and "no PATH given" in err


def test_bad_today(tmp_path, capsys):
    folder = make_article(tmp_path, {})
    code, out, err = run_cli(["check", str(folder), "--today", "24/11/2026"], capsys)
    assert code == 2 and "YYYY-MM-DD" in err


def test_loader_is_libyaml_safe_loader():
    from medlint.records import yamlio
    import yaml

    assert yamlio._Loader in (yaml.CSafeLoader, yaml.SafeLoader)


def test_no_traceback_from_subprocess(tmp_path):
    folder = make_article(tmp_path, {"010-causes.yaml": b"\xff\xfe"})
    r = subprocess.run([sys.executable, "-m", "medlint", "check", str(folder)], capture_output=True, text=True)
    assert r.returncode == 2 and "Traceback" not in r.stderr and r.stderr.count("\n") == 1


# A broken regular expression in checks/ data: (file, text to replace, its
# replacement, the bad pattern as the message quotes it). Each is compiled only
# when a check first needs it, and must still stop the run with its file:line.
BAD_PATTERNS = [
    ("claims.yaml", "research_appeals:\n", "research_appeals:\n  - 'studies (show'\n", "studies (show"),
    ("notation.yaml", 'pattern: "TID|t\\\\.i\\\\.d\\\\."', 'pattern: "TID|t(i"', "TID|t(i"),
    ("consistency.yaml", "'roughly'", "'rough(ly'", "rough(ly"),
    ("disclaimers.yaml", "  consult-a-clinician:\n    - '\\b(consult",
     "  consult-a-clinician:\n    - 'not\\s+a\\s+[prescription'\n    - '\\b(consult", "not\\\\s+a\\\\s+[prescription"),
]


@pytest.mark.parametrize("name,old,new,quoted", BAD_PATTERNS, ids=[c[0] for c in BAD_PATTERNS])
@pytest.mark.parametrize("jobs", ["1", "2"])
def test_bad_pattern_in_check_data_is_located(name, old, new, quoted, jobs, tmp_path, capsys):
    import shutil

    from medlint import policy
    from medlint.resources import checks_dir
    from support import copy_article

    data = tmp_path / "checks"
    shutil.copytree(checks_dir(), data)
    text = (data / name).read_text(encoding="utf-8")
    assert old in text, old
    (data / name).write_text(text.replace(old, new, 1), encoding="utf-8")
    line = text.replace(old, new, 1)[: text.index(old)].count("\n") + 1 + new[: new.index(quoted[:4])].count("\n")
    copy_article(tmp_path / "content" / "a", "a")
    copy_article(tmp_path / "content" / "b", "b")
    before = snapshot(tmp_path)
    policy.use_checks_dir(str(data))
    try:
        code, out, err = run_cli(["check", str(tmp_path / "content"), "--no-cache", "--jobs", jobs,
                                  "--today", "2026-11-25"], capsys)
    finally:
        policy.use_checks_dir(None)
    assert code == 2, err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err, err
    assert f"{name}:{line}:" in err and "is not a valid regular expression" in err and quoted in err, err
    assert snapshot(tmp_path) == before
