"""Articles on disk: find them, load and validate them, write them atomically.

An article is a folder ``<slug>/`` holding ``article.yaml`` (metadata) and one
file per section, ``NNN-<heading-slug>.yaml``, read in file-name order.
"""

from __future__ import annotations

import errno
import os
import re
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from medlint.errors import InputError
from medlint.records.model import Article, build_section
from medlint.records.validate import SchemaViolation, validate
from medlint.records.yamlio import MAX_BYTES, Document, atomic_write, dump_yaml, load_yaml, read_text

ARTICLE_FILE = "article.yaml"
WAIVERS_FILE = "waivers.yaml"  #: an article's accepted findings (medlint.waivers)
SECTION_FILE = re.compile(r"^\d{3}-[a-z0-9][a-z0-9-]*\.yaml$")
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
    """
    found: set[str] = set()
    for raw in paths:
        p = _resolve(raw)
        if p.is_file():
            parent = p.parent
            if not is_article_folder(parent):
                raise InputError("not inside an article folder (no article.yaml beside it)", raw)
            found.add(os.path.normpath(str(parent)))
            continue
        if is_article_folder(p):
            found.add(os.path.normpath(str(p)))
            continue
        for dirpath, dirnames, filenames in os.walk(p, followlinks=False):
            dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
            if ARTICLE_FILE in filenames:
                found.add(os.path.normpath(dirpath))
                dirnames[:] = []
    return sorted(found)


def section_files(folder: str, names: list[str] | None = None) -> list[str]:
    """The section files of ``folder`` in reading order (``names``: its listing, when already read)."""
    return sorted(n for n in (os.listdir(folder) if names is None else names) if SECTION_FILE.match(n))


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


def _load_file(folder: str, name: str, files: FolderFiles) -> Document:
    path = os.path.join(folder, name)
    raw = files.data.get(name)
    return load_yaml(path, None if raw is None else read_text(path, raw))


def load_article(folder: str, files: FolderFiles | None = None) -> LoadedArticle:
    """Load, validate and model one article folder.

    ``files`` is the folder as read_folder read it (read here when not given):
    everything is parsed from those bytes, and ``loaded.files`` keeps them.
    Raises InputError for unreadable files (exit 2). Schema violations are
    collected; the model is built only when every file is valid.
    """
    folder = os.path.normpath(folder)
    slug = os.path.basename(folder)
    if files is None:
        files = read_folder(folder)
    loaded = LoadedArticle(folder=folder, slug=slug, files=files)
    meta_path = os.path.join(folder, ARTICLE_FILE)
    meta_doc = _load_file(folder, ARTICLE_FILE, files)
    loaded.documents[meta_path] = meta_doc
    for v in validate(meta_doc, "article"):
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
    sections_docs = []
    for name in section_files(folder, files.names):
        path = os.path.join(folder, name)
        doc = _load_file(folder, name, files)
        loaded.documents[path] = doc
        for v in validate(doc, "section"):
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
    for i, sec in enumerate(sections):
        base = _slugify(sec.get("heading") or sec.get("kind") or "section")[:48].strip("-") or "section"
        name = f"{(i + 1) * 10:03d}-{base}.yaml"
        n = 2
        while name in used:
            name = f"{(i + 1) * 10:03d}-{base}-{n}.yaml"
            n += 1
        used.add(name)
        files[name] = dump_yaml(sec, "# yaml-language-server: $schema=../../schema/section.schema.json\n")
    return files


def _slugify(text: str) -> str:
    import unicodedata

    text = re.sub(r"[\u2010-\u2015\u2212]", "-", text)
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def write_article(out_dir: str, slug: str, files: dict[str, str], force: bool = False) -> str:
    """Write an article folder atomically: build it beside the target, then rename.

    Without ``force`` an existing article is never touched. With ``force`` the old
    folder is swapped out only once the new one is complete.
    """
    target = os.path.join(out_dir, slug)
    if os.path.lexists(target) and not force:
        raise InputError("article already exists (use --force to replace it)", target)
    os.makedirs(out_dir, exist_ok=True)
    tmp = tempfile.mkdtemp(prefix=f".{slug}.", suffix=".tmp", dir=out_dir)
    try:
        for name, text in files.items():
            with open(os.path.join(tmp, name), "w", encoding="utf-8", newline="\n") as fh:
                fh.write(text)
                fh.flush()
                os.fsync(fh.fileno())
        os.chmod(tmp, 0o755)
        if os.path.lexists(target):
            old = tempfile.mkdtemp(prefix=f".{slug}.", suffix=".old", dir=out_dir)
            os.rmdir(old)
            os.rename(target, old)
            try:
                os.rename(tmp, target)
            except BaseException:
                os.rename(old, target)
                raise
            shutil.rmtree(old, ignore_errors=True)
        else:
            os.rename(tmp, target)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return target


__all__ = [
    "ARTICLE_FILE", "LoadedArticle", "find_articles", "load_article", "write_article",
    "article_files", "atomic_write",
]
