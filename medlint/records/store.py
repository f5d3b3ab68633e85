"""Articles on disk: find them, load and validate them, write them atomically.

An article is a folder ``<slug>/`` holding ``article.yaml`` (metadata) and one
file per section, ``NNN-<heading-slug>.yaml`` (three digits or more), read in the
order of their numbers.

Safety on disk:

* a record that is a symbolic link leading out of the content tree (the folder
  holding the article folder) is refused before anything is read
  (:func:`guard_article`);
* :func:`write_article` replaces an article so that at every instant either the
  old or the new folder is complete, under a marked name while it is set aside;
  an interrupted swap is undone by the next import (:func:`recover_import`) and
  reported by :func:`find_articles` meanwhile.
"""

from __future__ import annotations

import errno
import os
import re
import shutil
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from medlint.errors import InputError, WriteError
from medlint.records.model import Article, build_section
from medlint.records.validate import SchemaViolation, validate
from medlint.records.yamlio import MAX_BYTES, Document, atomic_write, dump_yaml, load_yaml, read_text

ARTICLE_FILE = "article.yaml"
WAIVERS_FILE = "waivers.yaml"  #: an article's accepted findings (medlint.waivers)
SECTION_FILE = re.compile(r"^\d{3,}-[a-z0-9][a-z0-9-]*\.yaml$")
OUTSIDE_TREE = "symlink to outside the content tree"
#: The marked names of an import in progress: ``.<slug>.medlint-new`` (being built)
#: and ``.<slug>.medlint-old`` (the article it replaces, while set aside).
SWAP_NAME = re.compile(r"^\.(?P<tag>[a-z0-9-]+)\.medlint-(?P<kind>new|old)$")
#: The temporary file of :func:`atomic_write` (``.<name>.<random>.tmp``): one still on
#: disk was left by a write that was killed before its rename.
WRITE_TEMP = re.compile(r"^\.(?P<of>.{1,64})\.[a-z0-9_]{8}\.tmp$")
#: Other YAML files an article folder may hold, by name -> schema.
EXTRA_FILES: dict[str, str] = {WAIVERS_FILE: "waivers"}


@dataclass
class LoadedArticle:
    """An article folder read from disk: its model (when valid) and what was wrong."""

    folder: str
    slug: str
    documents: dict[str, Document] = field(default_factory=dict)
    violations: list[tuple[str, SchemaViolation]] = field(default_factory=list)
    article: Article | None = None
    files: FolderFiles | None = None  #: the bytes everything above was parsed from


def _resolve(path: str) -> Path:
    p = Path(path)
    try:
        p.resolve(strict=True)
    except FileNotFoundError:
        raise InputError("no such file or directory", path) from None
    except (RuntimeError, OSError) as exc:
        if isinstance(exc, RuntimeError) or getattr(exc, "errno", None) == errno.ELOOP:
            raise InputError("symbolic link loop", path) from None
        raise InputError(f"cannot open: {exc.strerror or exc}", path) from None
    return p


def is_article_folder(path: Path) -> bool:
    return (path / ARTICLE_FILE).is_file()


def find_articles(paths: list[str]) -> list[str]:
    """Article folders under the given paths, sorted and de-duplicated.

    A path may be an article folder, a folder of article folders (searched
    recursively, hidden folders skipped), or a file inside an article folder.
    A leftover of an interrupted import beside an article, or a linked article
    folder leading out of the tree, stops the run (InputError, exit 2).
    """
    found: set[str] = set()
    for raw in paths:
        p = _resolve(raw)
        if p.is_file():
            parent = p.parent
            if not is_article_folder(parent):
                raise InputError("not inside an article folder (no article.yaml beside it)", raw)
            found.add(_found_article(str(parent)))
            continue
        if is_article_folder(p):
            found.add(_found_article(str(p)))
            continue
        root = os.path.realpath(p)
        for dirpath, dirnames, filenames in os.walk(p, followlinks=False):
            _check_subfolders(dirpath, dirnames, root)
            dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
            if ARTICLE_FILE in filenames:
                found.add(os.path.normpath(dirpath))
                dirnames[:] = []
    return sorted(found)


def _found_article(folder: str) -> str:
    """An article folder named directly: refused while an import of it was interrupted."""
    folder = os.path.normpath(folder)
    parent, slug = os.path.split(os.path.abspath(folder))
    shown = os.path.dirname(folder) if os.path.basename(folder) == slug else parent  # "." names its parent
    for path in reversed(swap_paths(shown, slug)):  # the article set aside first
        if os.path.lexists(path) and not import_running(shown or "."):
            raise leftover_error(path)
    return folder


def _check_subfolders(dirpath: str, dirnames: list[str], root: str) -> None:
    """Leftovers of interrupted imports, and linked article folders leading out of ``root``."""
    swaps = sorted((n for n in dirnames if SWAP_NAME.match(n)), key=lambda n: (not n.endswith("-old"), n))
    if swaps and not import_running(dirpath):  # an article set aside first: it may be the only copy
        raise leftover_error(os.path.join(dirpath, swaps[0]))
    for name in sorted(dirnames):
        path = os.path.join(dirpath, name)
        if not name.startswith(".") and os.path.islink(path) and not _inside(os.path.realpath(path), root) \
                and is_article_folder(Path(path)):
            raise InputError(OUTSIDE_TREE, os.path.normpath(path), 1)


def leftover_error(path: str) -> InputError:
    """What a marked folder left by an interrupted import is, and what to do about it."""
    path = os.path.normpath(path)
    folder, name = os.path.split(path)
    m = SWAP_NAME.match(name)
    slug = m["tag"]
    target = os.path.join(folder, slug)
    if m["kind"] == "new":
        what = f"a partly written article left by an interrupted `medlint import` of {slug}: delete this folder"
    elif os.path.lexists(target):
        what = (f"the replaced copy of {slug} left by an interrupted `medlint import --force` "
                f"({target} holds the new article): delete this folder")
    else:
        what = (f"the article {slug}, set aside by an interrupted `medlint import --force`: "
                f"rename this folder back to {target}")
    return InputError(f"{what} (the next `medlint import` of it does this itself)", path)


def _inside(path: str, root: str) -> bool:
    return path == root or path.startswith(root.rstrip(os.sep) + os.sep)


def guard_article(folder: str) -> None:
    """Refuse an article whose folder or YAML files are symbolic links leading out
    of the content tree, before anything in them is read.

    The content tree is the folder holding the article folder (e.g. ``content/``):
    a link to a file or folder inside it is followed as any other path.
    """
    linked = os.path.islink(folder)
    try:
        with os.scandir(folder) as entries:
            links = sorted(e.path for e in entries if e.is_symlink() and e.name.endswith((".yaml", ".yml")))
    except OSError as exc:
        raise InputError(f"cannot read folder: {exc.strerror or exc}", folder) from None
    if not linked and not links:
        return  # the usual case: no link to follow, nothing to resolve
    root = os.path.realpath(os.path.dirname(os.path.abspath(folder)))
    if linked and not _inside(os.path.realpath(folder), root):
        raise InputError(OUTSIDE_TREE, folder, 1)
    for path in links:
        if not _inside(os.path.realpath(path), root):
            raise InputError(OUTSIDE_TREE, path, 1)


def section_files(folder: str, names: list[str] | None = None) -> list[str]:
    """The section files' names in reading order: by number (any number of digits), then name
    (``names``: the folder's listing, when already read)."""
    listing = os.listdir(folder) if names is None else names
    return sorted((n for n in listing if SECTION_FILE.match(n)), key=_section_order)


def _section_order(name: str) -> tuple:
    number = name.split("-", 1)[0].lstrip("0")
    return (len(number), number, name)  # numeric order without int() (a name may have 5,000 digits)


@dataclass
class FolderFiles:
    """One reading of an article folder: what load_article parses, and what the
    result cache keys an article by (the same bytes, read once)."""

    names: list[str] = field(default_factory=list)        # every entry of the folder, sorted
    data: dict[str, bytes] = field(default_factory=dict)  # the bytes of each file an article is read from
    complete: bool = True  # False: some such file was not a regular file or not readable here


def _is_record_file(name: str) -> bool:
    return name == ARTICLE_FILE or name in EXTRA_FILES or bool(SECTION_FILE.match(name))


def read_folder(folder: str) -> FolderFiles:
    """List an article folder and read the bytes of its record files, once.

    A record file that is not a regular file (a folder, a symbolic link) or
    cannot be read is left out and the result marked incomplete: load_article
    then opens it itself and reports why, and the cache stores nothing for it.
    """
    try:
        with os.scandir(folder) as it:
            entries = sorted((e.name, e.is_file(follow_symlinks=False)) for e in it)
    except OSError as exc:
        raise InputError(f"cannot read folder: {exc.strerror or exc}", folder) from None
    files = FolderFiles(names=[name for name, _ in entries])
    for name, regular in entries:
        if not _is_record_file(name):
            continue
        if not regular:
            files.complete = False
            continue
        try:
            files.data[name] = _read_capped(os.path.join(folder, name))
        except OSError:
            files.complete = False
    return files


def _read_capped(path: str) -> bytes:
    """A file's bytes, stopping past MAX_BYTES (read_text then refuses the file). Plain
    os.read: about a third faster than open().read() on a warm cache's many small files."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
    try:
        chunks, size = [], 0
        while size <= MAX_BYTES:
            chunk = os.read(fd, 1 << 20)
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    finally:
        os.close(fd)
    return b"".join(chunks)


def parse_record(path: str, raw: bytes | None, schema: str) -> tuple[Document, list[SchemaViolation]]:
    """One record file parsed from ``raw`` (read from ``path`` when None) and validated
    against ``schema/<schema>.schema.json``; InputError when it cannot be read."""
    doc = load_yaml(path, None if raw is None else read_text(path, raw))
    return doc, validate(doc, schema)


def load_article(folder: str, files: FolderFiles | None = None, parse=parse_record) -> LoadedArticle:
    """Load, validate and model one article folder.

    ``files`` is the folder as read_folder read it (read here when not given):
    everything is parsed from those bytes, and ``loaded.files`` keeps them.
    ``parse`` is :func:`parse_record` or one that gives the same for the same bytes
    (the language server keeps the records of unchanged files between edits).
    Raises InputError for unreadable files (exit 2). Schema violations are
    collected; the model is built only when every file is valid.
    """
    folder = os.path.normpath(folder)
    guard_article(folder)
    slug = os.path.basename(folder)
    if files is None:
        files = read_folder(folder)
    loaded = LoadedArticle(folder=folder, slug=slug, files=files)
    meta_path = os.path.join(folder, ARTICLE_FILE)
    meta_doc, found = parse(meta_path, files.data.get(ARTICLE_FILE), "article")
    loaded.documents[meta_path] = meta_doc
    for v in found:
        loaded.violations.append((meta_path, v))
    if isinstance(meta_doc.data, dict) and isinstance(meta_doc.data.get("slug"), str) and meta_doc.data["slug"] != slug:
        line, col = meta_doc.mark("/slug")
        loaded.violations.append((meta_path, SchemaViolation(
            "/slug", line, col, f"'slug': '{meta_doc.data['slug']}' does not match the folder name '{slug}'",
            meta_doc.data["slug"])))
    for name in files.names:
        full = os.path.join(folder, name)
        if name.endswith((".yaml", ".yml")) and name != ARTICLE_FILE and not SECTION_FILE.match(name) \
                and name not in EXTRA_FILES and not name.startswith("."):
            loaded.violations.append((full, SchemaViolation(
                "", 1, 1, "unexpected file in article folder: section files are named NNN-<heading>.yaml, e.g. 010-causes.yaml", name)))
        m = WRITE_TEMP.match(name)
        if m:
            loaded.violations.append((full, SchemaViolation(
                "", 1, 1, f"temporary file left by a write of {m['of']} that was interrupted before it "
                "replaced the file", name,
                f"Delete this file: {m['of']} beside it still holds its text from before that write.")))
    sections_docs = []
    for name in section_files(folder, files.names):
        path = os.path.join(folder, name)
        doc, found = parse(path, files.data.get(name), "section")
        loaded.documents[path] = doc
        for v in found:
            loaded.violations.append((path, v))
        sections_docs.append((path, doc))
    if loaded.violations:
        return loaded
    article = Article(path=meta_path, pointer="", slug=slug, folder=folder, meta=meta_doc.data)
    for index, (path, doc) in enumerate(sections_docs):
        article.sections.append(build_section(doc.data, path, index, article))
    loaded.article = article
    return loaded


# ---------------------------------------------------------------------------
# writing whole articles


def article_files(meta: dict, sections: list[dict]) -> dict[str, str]:
    """File name -> YAML text for an article (metadata and section mappings)."""
    files = {ARTICLE_FILE: dump_yaml(meta, "# yaml-language-server: $schema=../../schema/article.schema.json\n")}
    used: set[str] = set()
    width = max(3, len(str(len(sections) * 10)))  # every number as wide as the last one
    for i, sec in enumerate(sections):
        base = _slugify(sec.get("heading") or sec.get("kind") or "section")[:48].strip("-") or "section"
        name = f"{(i + 1) * 10:0{width}d}-{base}.yaml"
        n = 2
        while name in used:
            name = f"{(i + 1) * 10:0{width}d}-{base}-{n}.yaml"
            n += 1
        used.add(name)
        files[name] = dump_yaml(sec, "# yaml-language-server: $schema=../../schema/section.schema.json\n")
    return files


def _slugify(text: str) -> str:
    import unicodedata

    text = re.sub(r"[\u2010-\u2015\u2212]", "-", text)
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def write_article(out_dir: str, slug: str, files: dict[str, str], force: bool = False,
                  notes: list[str] | None = None) -> str:
    """Write an article folder atomically; returns its path.

    The new folder is built complete beside the target (``.<slug>.medlint-new``) and
    renamed into place. Without ``force`` an existing article is never touched. With
    ``force`` the old folder is first renamed aside (``.<slug>.medlint-old``), then the
    new one in, then the old one removed: at every instant one complete article is on
    disk. A failure undoes what it can; a kill leaves the marked folders, which the
    next call sets right first (what it did is appended to ``notes``). A failure of
    the file system is a WriteError naming the article folder.
    """
    target = os.path.join(out_dir, slug)
    try:
        os.makedirs(out_dir, exist_ok=True)
        with import_lock(out_dir):
            done = recover_import(out_dir, slug)
            if notes is not None:
                notes.extend(done)
            if os.path.lexists(target) and not force:
                raise InputError("article already exists (use --force to replace it)", target)
            old = _swap_in(target, files, *swap_paths(out_dir, slug))
    except OSError as exc:
        raise WriteError.from_os(exc, target) from None
    if old is not None:
        try:
            _remove(old, missing_ok=True)
        except OSError as exc:  # the new article is in place: only the replaced copy is left over
            if notes is not None:
                notes.append(f"{old}: could not remove the replaced copy ({exc.strerror or exc}): delete this folder")
    return target


def _fcntl():
    """The ``fcntl`` module, or None where it is missing (not POSIX: no import lock)."""
    try:
        import fcntl
    except ImportError:
        return None
    return fcntl


@contextmanager
def import_lock(out_dir: str):
    """Hold the import lock of ``out_dir`` (an exclusive ``flock`` on the folder itself,
    so no lock file is left in the content tree): imports into one folder write one at
    a time. Without it a second import of the same slug would take the first one's
    half-built ``.medlint-new`` folder for a leftover, or write its files into it. A
    waiting import blocks until the other has finished; a killed one releases the lock
    with its process. Where locks are not to be had (no ``fcntl``, or a file system that
    refuses ``flock``) the import goes on unlocked, as it did before the lock."""
    fcntl = _fcntl()
    fd = os.open(out_dir, os.O_RDONLY) if fcntl is not None else None
    try:
        if fd is not None:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX)
            except OSError:
                pass  # ENOLCK, EINVAL (some network file systems): no lock, nothing else changes
        yield
    finally:
        if fd is not None:
            os.close(fd)  # closing the descriptor releases the lock


def import_running(out_dir: str) -> bool:
    """True while an import holds ``out_dir``'s lock: its marked folders are work in
    progress, not leftovers of an interrupted import. Only a lock held by another
    process says so; a file system that refuses locks reports the leftovers as before."""
    fcntl = _fcntl()
    if fcntl is None:
        return False
    try:
        fd = os.open(out_dir, os.O_RDONLY)
    except OSError:
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    except OSError:
        return False
    finally:
        os.close(fd)
    return False


def swap_paths(out_dir: str, slug: str) -> tuple[str, str]:
    """The marked names beside ``out_dir/slug`` while it is written: (new, old)."""
    tag = slug
    if len(slug) > 200:
        import hashlib  # here: a check imports it only for the cache

        tag = f"{slug[:180]}-{hashlib.sha256(slug.encode()).hexdigest()[:16]}"
    return (os.path.join(out_dir, f".{tag}.medlint-new"), os.path.join(out_dir, f".{tag}.medlint-old"))


def _swap_in(target: str, files: dict[str, str], new: str, old: str) -> str | None:
    """Build ``new`` and put it in ``target``'s place; returns the folder set aside, if any."""
    os.mkdir(new)
    try:
        paths = [os.path.join(new, name) for name in files]
        for path, text in zip(paths, files.values()):
            _write_file(path, text)
        _sync_files(paths)
        os.chmod(new, 0o755)
        _sync(new)
        if os.path.lexists(target):
            os.rename(target, old)  # until the next rename the article lives at `old`
            os.rename(new, target)
            _sync(os.path.dirname(target) or ".")
            return old
        os.rename(new, target)
        _sync(os.path.dirname(target) or ".")
        return None
    except BaseException:
        _undo(target, new, old)
        raise


def _undo(target: str, new: str, old: str) -> None:
    """After a failure inside _swap_in: the old article back in place, the new build gone."""
    try:
        if os.path.lexists(old) and not os.path.lexists(target):
            os.rename(old, target)
        _remove(new, missing_ok=True)
    except OSError:
        pass  # what is left is marked: the next import sets it right, a check reports it


def recover_import(out_dir: str, slug: str) -> list[str]:
    """Set right what an interrupted import of ``slug`` left in ``out_dir``; returns what was done.

    The article set aside is renamed back when the article is missing; otherwise it
    is the replaced copy and is removed, as is a partly built new folder.
    """
    target = os.path.join(out_dir, slug)
    new, old = swap_paths(out_dir, slug)
    done = []
    if os.path.lexists(old):
        if os.path.lexists(target):
            _remove(old)
            done.append(f"{old}: removed the replaced copy left by an interrupted `medlint import --force`")
        else:
            os.rename(old, target)
            _sync(out_dir)
            done.append(f"{target}: restored from {old}, where an interrupted `medlint import --force` had set it aside")
    if os.path.lexists(new):
        _remove(new)
        done.append(f"{new}: removed the partly written article left by an interrupted `medlint import`")
    return done


def _write_file(path: str, text: str) -> None:
    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        fh.write(text)


def _sync_files(paths: list[str]) -> None:
    """Flush every written file to the disk before the folder is renamed in. The syncs
    run side by side (the file system commits them together: 88 files in 0.05 s instead
    of 0.4 s one after the other); the first failure is raised."""
    def sync(path: str) -> None:
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)

    _side_by_side(sync, paths)


def _side_by_side(func, paths: list[str]) -> None:
    """``func`` on every path, in a few threads at once (file system calls that wait on its
    journal finish together); the first failure is raised."""
    if len(paths) <= 1:
        for path in paths:
            func(path)
        return
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=min(8, len(paths))) as pool:
        for _ in pool.map(func, paths):
            pass


def _remove(path: str, missing_ok: bool = False) -> None:
    """Remove a file or a folder. A folder's files are unlinked side by side (88 just
    written files took 0.35 s one after the other, 0.02 s together), then the rest."""
    if missing_ok and not os.path.lexists(path):
        return
    if os.path.islink(path) or not os.path.isdir(path):
        os.unlink(path)
        return
    with os.scandir(path) as entries:
        files = [e.path for e in entries if not e.is_dir(follow_symlinks=False)]
    _side_by_side(os.unlink, files)
    shutil.rmtree(path)


def _sync(folder: str) -> None:
    """Make a folder's renames durable (where the platform allows it)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


__all__ = [
    "ARTICLE_FILE", "LoadedArticle", "find_articles", "load_article", "write_article",
    "article_files", "atomic_write", "guard_article", "recover_import",
]
