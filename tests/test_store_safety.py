"""Nothing lost, nothing hidden: the importer's swap, section numbering, symlinks, and
failures of the file system (read-only folders, full disks, names too long)."""

import errno
import os
import subprocess
import sys
import textwrap

import pytest

from medlint.cli import main
from medlint.records import store

OLD_TEXT = "Causes\n-\nSmoking – weakens discs.\n\nTreatment\n-\nRest – helps.\n"
NEW_TEXT = "Causes\n-\nAge – dries discs.\n\nPrevention\n-\nWalking – keeps discs fed.\n\nOutlook\nMost recover.\n"
SLUG = "disc"


def run_cli(args, capsys):
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


def files_of(folder) -> dict[str, bytes]:
    """Every file in a folder tree, by relative path (a symlink counts as its target's bytes)."""
    out = {}
    for dirpath, _, names in os.walk(folder):
        for n in names:
            p = os.path.join(dirpath, n)
            with open(p, "rb") as fh:
                out[os.path.relpath(p, folder)] = fh.read()
    return out


def listing(folder) -> list[str]:
    return sorted(os.listdir(folder))


@pytest.fixture
def sources(tmp_path):
    old = tmp_path / "old" / f"{SLUG}.txt"
    new = tmp_path / "new" / f"{SLUG}.txt"
    for path, text in ((old, OLD_TEXT), (new, NEW_TEXT)):
        path.parent.mkdir()
        path.write_text(text, encoding="utf-8")
    return str(old), str(new)


def imported(src, out) -> dict[str, bytes]:
    """What importing ``src`` alone writes (the files of a complete article)."""
    main(["import", src, "--out", str(out)])
    return files_of(os.path.join(str(out), SLUG))


# --- the swap of `import --force` -------------------------------------------------


class Killed(BaseException):
    """The process died here: after it, nothing more reaches the disk."""


class Killer:
    """Count every call that changes the disk during an import; die before call ``at``."""

    CALLS = [(os, "mkdir"), (os, "rename"), (os, "replace"), (os, "unlink"), (os, "rmdir"), (os, "chmod"),
             (store, "_write_file")]

    def __init__(self, monkeypatch, at: int):
        self.at, self.n, self.dead = at, 0, False
        for owner, name in self.CALLS:
            monkeypatch.setattr(owner, name, self._wrap(getattr(owner, name)))

    def _wrap(self, real):
        def call(*args, **kwargs):
            if not self.dead:
                self.n += 1
                self.dead = self.n == self.at
            if self.dead:
                raise Killed(real.__name__)
            return real(*args, **kwargs)
        return call


def seams(monkeypatch, tmp_path, sources) -> int:
    """How many disk-changing calls a forced re-import makes (one kill point before each)."""
    monkeypatch.setattr(os, "fsync", lambda fd: None)  # the order of the steps is tested, not the disk's speed
    out = tmp_path / "count"
    main(["import", sources[0], "--out", str(out)])
    with monkeypatch.context() as m:
        killer = Killer(m, at=0)
        main(["import", sources[1], "--out", str(out), "--force"])
    return killer.n


def test_force_import_killed_at_every_step_keeps_a_whole_article(tmp_path, sources, monkeypatch, capsys):
    old_files = imported(sources[0], tmp_path / "ref-old")
    new_files = imported(sources[1], tmp_path / "ref-new")
    n = seams(monkeypatch, tmp_path, sources)
    assert n >= 10  # mkdir, each file, chmod, two renames, removal of the old copy
    new_path, old_path = store.swap_paths("X", SLUG)
    outcomes = set()
    for at in range(1, n + 1):
        out = tmp_path / f"kill-{at}"
        main(["import", sources[0], "--out", str(out)])
        target = out / SLUG
        with monkeypatch.context() as m:
            Killer(m, at)
            with pytest.raises(Killed):
                main(["import", sources[1], "--out", str(out), "--force"])
        capsys.readouterr()
        # at this instant: the old or the new article is whole, in place or set aside under its marked name
        aside = out / os.path.basename(old_path)
        whole = files_of(target) if target.exists() else files_of(aside)
        assert whole in (old_files, new_files), at
        leftovers = [n for n in listing(out) if n.startswith(".")]
        outcomes.add((target.exists(), tuple(leftovers)))
        # the next check reports the leftover (located, exit 2) and changes nothing
        code, _, err = run_cli(["check", str(out), "--no-cache"], capsys)
        if leftovers:
            assert code == 2 and err.count("\n") == 1, (at, err)
            first = sorted(leftovers, key=lambda n: not n.endswith("-old"))[0]  # the article set aside, if any
            assert f"medlint: {os.path.join(str(out), first)}: " in err and "interrupted `medlint import" in err, err
            assert ("rename this folder back" in err) == (not target.exists()), err
        # the next import sets it right, says so, and leaves one whole article and nothing else
        code, _, err = run_cli(["import", sources[1], "--out", str(out), "--force"], capsys)
        assert code == 0, err
        assert err.count("medlint: ") == len(leftovers), err
        assert files_of(target) == new_files and listing(out) == [SLUG]
    # every kind of interruption was met: while building, between the renames, while removing the old copy
    assert (True, (os.path.basename(new_path),)) in outcomes
    assert (False, (os.path.basename(new_path), os.path.basename(old_path))) in outcomes
    assert (True, (os.path.basename(old_path),)) in outcomes


def test_force_import_failing_at_every_step_keeps_the_old_article(tmp_path, sources, monkeypatch, capsys):
    old_files = imported(sources[0], tmp_path / "ref-old")
    new_files = imported(sources[1], tmp_path / "ref-new")
    n = seams(monkeypatch, tmp_path, sources)
    for at in range(1, n + 1):
        out = tmp_path / f"fail-{at}"
        main(["import", sources[0], "--out", str(out)])
        calls = {"n": 0}

        def failing(real):
            def call(*args, **kwargs):
                calls["n"] += 1
                if calls["n"] == at:
                    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
                return real(*args, **kwargs)
            return call

        with monkeypatch.context() as m:
            for owner, name in Killer.CALLS:
                m.setattr(owner, name, failing(getattr(owner, name)))
            code, _, err = run_cli(["import", sources[1], "--out", str(out), "--force"], capsys)
        target = out / SLUG
        if code == 0:  # makedirs of the existing folder, or the removal of the replaced copy, failed
            assert files_of(target) == new_files
            if listing(out) != [SLUG]:  # the copy is named on stderr and by the next check
                assert "could not remove the replaced copy" in err and "delete this folder" in err, err
                code, _, err = run_cli(["check", str(out), "--no-cache"], capsys)
                assert code == 2 and "the replaced copy" in err
            continue
        assert code == 2 and err == f"medlint: cannot write {target}: No space left on device\n", (at, err)
        assert files_of(target) == old_files and listing(out) == [SLUG], at


def test_kill_between_the_renames_in_a_real_process(tmp_path, sources, capsys):
    """The process really dies (os._exit) after the old article is set aside."""
    out = tmp_path / "content"
    main(["import", sources[0], "--out", str(out)])
    old_files = files_of(out / SLUG)
    script = textwrap.dedent(f"""
        import os, sys
        real = os.rename
        def rename(a, b):
            real(a, b)
            if b.endswith(".medlint-old"):
                os._exit(9)
        os.rename = rename
        from medlint.cli import main
        main(["import", {sources[1]!r}, "--out", {str(out)!r}, "--force"])
    """)
    r = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert r.returncode == 9, r.stderr
    new_path, old_path = store.swap_paths(str(out), SLUG)
    assert not (out / SLUG).exists() and files_of(old_path) == old_files and os.path.isdir(new_path)
    code, _, err = run_cli(["check", str(out / SLUG / "article.yaml")], capsys)
    assert code == 2  # the file is gone; the folder check below says where the article is
    code, _, err = run_cli(["check", str(out), "--no-cache"], capsys)
    assert code == 2 and f"{old_path}: the article {SLUG}, set aside" in err and f"back to {out / SLUG}" in err
    code, _, err = run_cli(["import", sources[1], "--out", str(out)], capsys)  # no --force: the old one is back
    assert code == 2 and "already exists" in err and f"restored from {old_path}" in err
    assert files_of(out / SLUG) == old_files and listing(out) == [SLUG]


def test_leftover_beside_an_article_named_directly_is_reported(tmp_path, sources, capsys):
    out = tmp_path / "content"
    main(["import", sources[0], "--out", str(out)])
    new_path, _ = store.swap_paths(str(out), SLUG)
    os.mkdir(new_path)
    code, _, err = run_cli(["check", str(out / SLUG / "010-causes.yaml"), "--no-cache"], capsys)
    assert code == 2 and err == (f"medlint: {new_path}: a partly written article left by an interrupted "
                                 f"`medlint import` of {SLUG}: delete this folder "
                                 "(the next `medlint import` of it does this itself)\n")


# --- section numbering ----------------------------------------------------------------


def test_a_thousand_sections_import_check_and_export(tmp_path, monkeypatch, capsys):
    from medlint.engine import Options, check_article
    from medlint.exporter import export_article, words
    from medlint.records.store import load_article
    from medlint.registry import EXAMPLE_TODAY

    monkeypatch.setattr(os, "fsync", lambda fd: None)  # 1,000 syncs would time the disk, not the numbering
    body = "# Big article\n\n" + "".join(f"## Heading number {i}\n\nPart {i}: take 5.0 mg of magnesium.\n\n"
                                          for i in range(1000))
    src = tmp_path / "big.md"
    src.write_text(body, encoding="utf-8")
    code, out, err = run_cli(["import", str(src), "--out", str(tmp_path / "content")], capsys)
    assert code == 0, err
    folder = out.strip()
    names = store.section_files(folder)
    assert len(names) == 1000 and names[0] == "00010-heading-number-0.yaml" and names[-1] == "10000-heading-number-999.yaml"
    loaded = load_article(folder)
    assert not loaded.violations and [s.heading for s in loaded.article.sections] == \
        [f"Heading number {i}" for i in range(1000)]
    assert words(export_article(loaded.article, "md"), markup=True) == words(body, markup=True)
    result = check_article(folder, Options(today=EXAMPLE_TODAY, select=frozenset({"SCH001", "NOT004"})))
    assert result.error is None and result.checked
    assert not [f for f in result.findings if f.check == "SCH001"]
    assert sorted(os.path.basename(f.path) for f in result.findings if f.check == "NOT004") == names  # all checked


def test_sections_are_read_in_numeric_order_whatever_their_width(tmp_path):
    folder = tmp_path / "a"
    folder.mkdir()
    for name in ("990-z.yaml", "1000-a.yaml", "0995-m.yaml", "010-b.yaml", "10-short.yaml", "x-010.yaml"):
        (folder / name).write_text("x\n")
    assert store.section_files(str(folder)) == ["010-b.yaml", "990-z.yaml", "0995-m.yaml", "1000-a.yaml"]
    # a number of 5,000 digits (too long for a file name) still sorts, without int()
    assert sorted(["1" + "0" * 5000 + "-a.yaml", "20-b.yaml", "9-c.yaml"], key=store._section_order) == \
        ["9-c.yaml", "20-b.yaml", "1" + "0" * 5000 + "-a.yaml"]


def test_ninety_nine_sections_keep_three_digits():
    names = list(store.article_files({"slug": "a"}, [{"heading": f"h{i}"} for i in range(99)]))
    assert names[1] == "010-h0.yaml" and names[-1] == "990-h98.yaml"
    names = list(store.article_files({"slug": "a"}, [{"heading": f"h{i}"} for i in range(100)]))
    assert names[1] == "0010-h0.yaml" and names[-1] == "1000-h99.yaml"


# --- symbolic links --------------------------------------------------------------------

SECRET = "heading: SECRET-OUTSIDE-TEXT\nkind: causes\nblocks:\n  - paragraph: Take 5.0 mg.\n"


@pytest.fixture
def tree(tmp_path, sources):
    """content/disc (a whole article) and a YAML file outside content/."""
    out = tmp_path / "content"
    main(["import", sources[0], "--out", str(out)])
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "010-causes.yaml").write_text(SECRET, encoding="utf-8")
    (outside / "article.yaml").write_text(f"title: SECRET-OUTSIDE-TEXT\nslug: {SLUG}\nlanguage: en\n")
    (outside / "waivers.yaml").write_text("waivers: []\n# SECRET-OUTSIDE-TEXT\n")
    return out / SLUG, outside


def opened_paths(monkeypatch) -> list[str]:
    import builtins

    seen, real = [], builtins.open

    def spy(path, *args, **kwargs):
        seen.append(os.path.realpath(str(path)) if isinstance(path, (str, os.PathLike)) else path)
        return real(path, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", spy)
    return seen


@pytest.mark.parametrize("name", ["010-causes.yaml", "article.yaml", "waivers.yaml"])
@pytest.mark.parametrize("command", ["check", "export"])
def test_a_record_linked_out_of_the_tree_is_refused_unread(name, command, tree, monkeypatch, capsys):
    article, outside = tree
    link = article / name
    if link.exists():
        link.unlink()
    link.symlink_to(outside / name)
    seen = opened_paths(monkeypatch)
    code, out, err = run_cli([command, str(article)] + (["--no-cache"] if command == "check" else []), capsys)
    assert code == 2 and err == f"medlint: {link}:1: symlink to outside the content tree\n"
    assert "SECRET" not in out + err and str(outside / name) not in seen


def test_an_article_folder_linked_out_of_the_tree_is_refused(tree, tmp_path, capsys):
    article, outside = tree
    link = article.parent / "elsewhere"
    link.symlink_to(outside, target_is_directory=True)
    for path in (article.parent, link):
        code, out, err = run_cli(["check", str(path), "--no-cache"], capsys)
        assert code == 2 and err == f"medlint: {link}:1: symlink to outside the content tree\n", err
        assert "SECRET" not in out


def test_links_inside_the_tree_are_followed_and_fixed_through(tree, capsys):
    article, _ = tree
    shared = article.parent / "shared"
    shared.mkdir()
    section = article / "010-causes.yaml"
    (shared / "causes.yaml").write_text(SECRET.replace("SECRET-OUTSIDE-TEXT", "Causes"), encoding="utf-8")
    section.unlink()
    section.symlink_to(os.path.join("..", "shared", "causes.yaml"))
    code, out, err = run_cli(["check", str(article), "--no-cache", "--select", "NOT004"], capsys)
    assert code == 1 and "NOT004" in out and "010-causes.yaml" in out
    code, out, err = run_cli(["check", str(article), "--no-cache", "--select", "NOT004", "--fix"], capsys)
    assert "fixed 1 finding in 1 file" in err
    assert section.is_symlink() and "Take 5 mg." in (shared / "causes.yaml").read_text()
    assert [n for n in os.listdir(shared) if n.startswith(".")] == []


def test_atomic_write_writes_through_a_link(tmp_path):
    from medlint.records.yamlio import atomic_write

    (tmp_path / "real.json").write_text("old")
    (tmp_path / "link.json").symlink_to("real.json")
    atomic_write(tmp_path / "link.json", "new")
    assert (tmp_path / "link.json").is_symlink() and (tmp_path / "real.json").read_text() == "new"
    assert listing(tmp_path) == ["link.json", "real.json"]


# --- failures of the file system ---------------------------------------------------------


def enospc(*args, **kwargs):
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


def erofs(*args, **kwargs):
    raise OSError(errno.EROFS, os.strerror(errno.EROFS), args[0] if args else None)


@pytest.mark.parametrize("where", ["mkdir", "fsync", "rename"])
def test_import_on_a_full_or_read_only_disk(where, tmp_path, sources, monkeypatch, capsys):
    out = tmp_path / "content"
    out.mkdir()
    monkeypatch.setattr(os, where, erofs if where == "mkdir" else enospc)
    code, _, err = run_cli(["import", sources[1], "--out", str(out)], capsys)
    reason = os.strerror(errno.EROFS if where == "mkdir" else errno.ENOSPC)
    assert code == 2 and err == f"medlint: cannot write {out / SLUG}: {reason}\n"
    assert listing(out) == []


def test_import_with_long_slugs(tmp_path, sources, capsys):
    out = tmp_path / "content"
    long = "a" * 242
    code, stdout, err = run_cli(["import", sources[0], "--out", str(out), "--slug", long], capsys)
    assert code == 0 and listing(out) == [long], err
    code, stdout, err = run_cli(["import", sources[1], "--out", str(out), "--slug", long, "--force"], capsys)
    assert code == 0 and listing(out) == [long], err
    code, _, err = run_cli(["check", str(out / long), "--no-cache"], capsys)
    assert code in (0, 1), err
    too_long = "b" * 300
    code, _, err = run_cli(["import", sources[0], "--out", str(out), "--slug", too_long], capsys)
    assert code == 2 and err == f"medlint: cannot write {out / too_long}: File name too long\n"
    assert listing(out) == [long]


@pytest.fixture
def fixable(tmp_path, sources, capsys):
    src = tmp_path / "fix.txt"
    src.write_text("Causes\nTake 5.0 mg of magnesium.\n", encoding="utf-8")
    main(["import", str(src), "--out", str(tmp_path / "content")])
    capsys.readouterr()
    return tmp_path / "content" / "fix"


@pytest.mark.parametrize("fail", [enospc, erofs], ids=["full", "read-only"])
def test_fix_on_a_full_or_read_only_disk(fail, fixable, monkeypatch, capsys):
    import tempfile

    before = files_of(fixable)
    names = listing(fixable)
    monkeypatch.setattr(os, "replace", fail) if fail is enospc else monkeypatch.setattr(tempfile, "mkstemp", fail)
    code, _, err = run_cli(["check", str(fixable), "--no-cache", "--fix"], capsys)
    section = os.path.join(str(fixable), names[0])
    reason = os.strerror(errno.ENOSPC if fail is enospc else errno.EROFS)
    assert code == 2 and err == f"medlint: cannot write {section}: {reason}\n", err
    assert files_of(fixable) == before and listing(fixable) == names


@pytest.mark.parametrize("command", ["report", "baseline"])
@pytest.mark.parametrize("fail", ["mkdir", "mkstemp", "replace"])
def test_report_and_baseline_on_a_full_or_read_only_disk(command, fail, fixable, tmp_path, monkeypatch, capsys):
    import tempfile

    reports = tmp_path / "reports"
    if fail != "mkdir":
        reports.mkdir()
    path = reports / ("review.md" if command == "report" else "baseline.json")
    args = (["report", str(fixable), "--no-cache", "-o", str(path)] if command == "report"
            else ["check", str(fixable), "--no-cache", "--write-baseline", str(path)])
    owner = {"mkdir": os, "mkstemp": tempfile, "replace": os}[fail]
    monkeypatch.setattr(owner, fail, enospc if fail == "replace" else erofs)
    code, out, err = run_cli(args, capsys)
    reason = os.strerror(errno.ENOSPC if fail == "replace" else errno.EROFS)
    if (command, fail) == ("baseline", "mkdir"):  # a baseline's folder is not created
        reason = os.strerror(errno.ENOENT)
    assert code == 2 and err == f"medlint: cannot write {path}: {reason}\n", err
    assert not reports.exists() or listing(reports) == []


def test_report_with_a_name_too_long(fixable, tmp_path, capsys):
    path = tmp_path / ("r" * 300 + ".md")
    code, out, err = run_cli(["report", str(fixable), "--no-cache", "-o", str(path)], capsys)
    assert code == 2 and err == f"medlint: cannot write {path}: File name too long\n"
    assert listing(tmp_path) == ["content", "fix.txt", "new", "old"]


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full (Linux)")
@pytest.mark.parametrize("fmt", ["text", "json"])
def test_stdout_on_a_full_disk(fmt, fixable):
    with open("/dev/full", "w") as full:
        r = subprocess.run([sys.executable, "-m", "medlint", "check", str(fixable), "--no-cache", "--format", fmt],
                           stdout=full, stderr=subprocess.PIPE, text=True)
    assert r.returncode == 2 and r.stderr == "medlint: cannot write standard output: No space left on device\n"


# --- unusable YAML values ------------------------------------------------------------------------


@pytest.mark.parametrize("value,message", [
    ("0x" + "f" * 4000, "integer 0xffffffffffffffffffffffffffffffffffffff… (4002 characters) is too large"),
    ("9" * 5000, "cannot read '9999999999999999999999999999999999999999… (5000 characters)' as int"),
    (":".join(["59"] * 3000), "is too large"),
])
def test_a_huge_integer_is_located(value, message, fixable, capsys):
    section = os.path.join(str(fixable), listing(fixable)[0])
    with open(section, encoding="utf-8") as fh:
        text = fh.read()
    with open(section, "w", encoding="utf-8") as fh:
        fh.write(text.replace("level: 1", f"level: {value}", 1))
    line = text[: text.index("level: 1")].count("\n") + 1
    code, out, err = run_cli(["check", str(fixable), "--no-cache"], capsys)
    assert code == 2 and err.startswith(f"medlint: {section}:{line}:8: ") and message in err, err
    assert err.count("\n") == 1 and len(err) < 300


@pytest.mark.parametrize("char", ["\x01", "\x1b", "\x7f", "\x9f"])
def test_a_control_character_is_located(char, fixable, capsys):
    section = os.path.join(str(fixable), listing(fixable)[0])
    with open(section, encoding="utf-8") as fh:
        text = fh.read()
    with open(section, "w", encoding="utf-8") as fh:
        fh.write(text.replace("Take", f"Tä{char}ke", 1))
    line = text[: text.index("Take")].count("\n") + 1
    column = text.index("Take") - text.rfind("\n", 0, text.index("Take")) + 2
    code, out, err = run_cli(["check", str(fixable), "--no-cache"], capsys)
    assert code == 2, err
    assert err == (f"medlint: {section}:{line}:{column}: invalid YAML: control character U+{ord(char):04X} is not "
                   "allowed (remove it, or write it as an escape in a double-quoted string)\n")


@pytest.mark.parametrize("value", ["1.0e+400", ".inf", "-.Inf", ".nan"])
def test_a_number_that_is_not_finite_is_located(value, fixable, capsys):
    section = os.path.join(str(fixable), listing(fixable)[0])
    with open(section, encoding="utf-8") as fh:
        text = fh.read()
    with open(section, "w", encoding="utf-8") as fh:
        fh.write(text.replace("level: 1", f"level: {value}", 1))
    line = text[: text.index("level: 1")].count("\n") + 1
    code, out, err = run_cli(["check", str(fixable), "--no-cache"], capsys)
    assert code == 2 and err == f"medlint: {section}:{line}:8: {value} is not a finite number\n", err


def test_an_infinite_amount_stays_text_and_absurd_ratios_are_reported(tmp_path, capsys):
    """Found by the import fuzz test: "999…9 mg" parsed to an infinite amount, and a ratio
    of 1e305 kg (now g: a kg is a body weight) to 1 mcg overflowed in DOS004."""
    src = tmp_path / "d.txt"
    src.write_text("Dosing\n\nDrug Therapies\n-\nIbuprofen " + "9" * 330 + " mg daily – pain.\n-\n"
                   "Ibuprofen 1" + "0" * 305 + " g daily – pain.\n-\nIbuprofen 1 mcg daily – pain.\n", encoding="utf-8")
    code, out, err = run_cli(["import", str(src), "--out", str(tmp_path / "content")], capsys)
    assert code == 0, err
    loaded = store.load_article(out.strip())
    items = [i for s in loaded.article.sections for i in s.items]
    assert "9" * 330 in items[0].text and [len(i.doses) for i in items] == [0, 1, 1]
    code, out, err = run_cli(["check", out.strip(), "--no-cache", "--select", "DOS004"], capsys)
    assert code == 0 and "differs more than 1e308× from" in out, err


# --- two imports at once ----------------------------------------------------------------


def _hold_lock(folder):
    """Another process's import, in the middle of its write: it holds the folder's lock."""
    import fcntl

    fd = os.open(folder, os.O_RDONLY)
    fcntl.flock(fd, fcntl.LOCK_EX)
    return fd


@pytest.mark.skipif(sys.platform == "win32", reason="flock is POSIX")
def test_an_import_waits_for_one_writing_into_the_same_folder(tmp_path, sources):
    out = tmp_path / "content"
    out.mkdir()
    fd = _hold_lock(str(out))
    proc = subprocess.Popen([sys.executable, "-m", "medlint", "import", sources[1], "--out", str(out)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        with pytest.raises(subprocess.TimeoutExpired):
            proc.wait(timeout=3)  # it waits: while the lock is held nothing of it is on disk
        assert listing(out) == []
    finally:
        os.close(fd)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 0, err
    assert listing(out) == [SLUG]


@pytest.mark.skipif(sys.platform == "win32", reason="flock is POSIX")
def test_a_live_import_is_not_reported_as_an_interrupted_one(tmp_path, sources, capsys):
    out = tmp_path / "content"
    main(["import", sources[0], "--out", str(out)])
    new_path, _ = store.swap_paths(str(out), SLUG)
    os.mkdir(new_path)  # an import building its new folder right now
    fd = _hold_lock(str(out))
    try:
        code, _, err = run_cli(["check", str(out), "--no-cache"], capsys)
        assert "interrupted" not in err and code in (0, 1), err
        code, _, err = run_cli(["check", str(out / SLUG), "--no-cache"], capsys)
        assert "interrupted" not in err and code in (0, 1), err
    finally:
        os.close(fd)
    code, _, err = run_cli(["check", str(out), "--no-cache"], capsys)  # the lock gone: a leftover again
    assert code == 2 and "interrupted `medlint import`" in err


# --- a write killed before its rename -----------------------------------------------------


def test_a_killed_write_leaves_its_record_and_is_reported(tmp_path, sources, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    out = tmp_path / "content"
    main(["import", sources[0], "--out", str(out)])
    record = out / SLUG / "010-causes.yaml"
    before = record.read_bytes()
    assert run_cli(["check", str(out)], capsys)[0] in (0, 1)  # a warm cache entry from before the kill
    killed = ("import os, sys\nfrom medlint.records import yamlio\n"
              "os.replace = lambda a, b: os._exit(9)  # killed between the write and the rename\n"
              "yamlio.atomic_write(sys.argv[1], 'heading: half done\\n')\n")
    proc = subprocess.run([sys.executable, "-c", killed, str(record)], capture_output=True, text=True)
    assert proc.returncode == 9, proc.stderr
    [temp] = [n for n in listing(out / SLUG) if n.endswith(".tmp")]
    assert record.read_bytes() == before  # the record itself is untouched
    code, out_text, _ = run_cli(["check", str(out)], capsys)
    assert code == 1
    assert f"{temp}" in out_text and "temporary file left by a write of 010-causes.yaml that was interrupted" in out_text
    os.unlink(out / SLUG / temp)
    code, out_text, _ = run_cli(["check", str(out)], capsys)
    assert "temporary file" not in out_text


@pytest.mark.skipif(sys.platform == "win32", reason="flock is POSIX")
def test_a_file_system_without_locks_imports_and_still_reports_leftovers(tmp_path, sources, capsys, monkeypatch):
    import fcntl

    def refused(fd, op):
        raise OSError(errno.ENOLCK, "No locks available")

    monkeypatch.setattr(fcntl, "flock", refused)
    out = tmp_path / "content"
    assert main(["import", sources[0], "--out", str(out)]) == 0  # no lock to be had: imported all the same
    new_path, _ = store.swap_paths(str(out), SLUG)
    os.mkdir(new_path)
    code, _, err = run_cli(["check", str(out), "--no-cache"], capsys)
    assert code == 2 and "interrupted `medlint import`" in err  # a refused lock is no live import


def test_removing_a_replaced_folder_unlinks_its_files_and_never_follows_links(tmp_path):
    """The replaced copy's files are unlinked side by side; a link inside it goes, the
    file or folder it points to stays."""
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "keep.yaml").write_text("keep: 1\n", encoding="utf-8")
    old = tmp_path / ".a.medlint-old"
    (old / "sub").mkdir(parents=True)
    for i in range(40):
        (old / f"{i:03d}-s.yaml").write_text("x: 1\n", encoding="utf-8")
    (old / "sub" / "deep.yaml").write_text("y: 2\n", encoding="utf-8")
    os.symlink(outside / "keep.yaml", old / "link.yaml")
    os.symlink(outside, old / "linked-folder")
    store._remove(str(old))
    assert not os.path.lexists(old)
    assert (outside / "keep.yaml").read_text(encoding="utf-8") == "keep: 1\n"
    store._remove(str(old), missing_ok=True)  # gone already: nothing to do
    with pytest.raises(FileNotFoundError):
        store._remove(str(old))
