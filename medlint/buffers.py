"""Check an article as an editor holds it: the folder's files, with unsaved buffers in place of theirs.

Usage::

    from medlint.buffers import article_folder, check_buffers
    folder = article_folder("/site/content/back-pain/230-drugs.yaml")   # None outside an article
    result = check_buffers(folder, {"230-drugs.yaml": b"heading: ..."}, options)

The folder is read as ``medlint check`` reads it (:func:`medlint.records.store.read_folder`);
the bytes of each open buffer then stand in for the file of that name, and the
engine checks the article from those bytes (:func:`medlint.engine.check_article`),
so the findings are those ``medlint check`` gives once the buffers are saved. Nothing
is written. Used by the language server (``medlint server``).
"""

from __future__ import annotations

import bisect
import os

from medlint.engine import ArticleResult, Options, check_article
from medlint.errors import InputError
from medlint.records.store import ARTICLE_FILE, EXTRA_FILES, SECTION_FILE, FolderFiles, load_article, read_folder


def article_folder(path: str) -> str | None:
    """The article folder a YAML file belongs to (``article.yaml`` beside it), else None."""
    if not path.endswith((".yaml", ".yml")):
        return None
    folder = os.path.dirname(os.path.abspath(path))
    return folder if os.path.isfile(os.path.join(folder, ARTICLE_FILE)) else None


def is_record_name(name: str) -> bool:
    """A file name whose bytes an article is read from (metadata, sections, waivers)."""
    return name == ARTICLE_FILE or name in EXTRA_FILES or bool(SECTION_FILE.match(name))


def overlay(files: FolderFiles, buffers: dict[str, bytes]) -> FolderFiles:
    """``files`` with each buffer's bytes in place of its file's (a buffer not yet saved is added)."""
    data = dict(files.data)
    names = list(files.names)
    for name, raw in buffers.items():
        if name not in names:
            bisect.insort(names, name)
        if is_record_name(name):
            data[name] = raw
    return FolderFiles(names=names, data=data, complete=files.complete)


def check_buffers(folder: str, buffers: dict[str, bytes], options: Options) -> ArticleResult:
    """Check the article in ``folder`` with ``buffers`` (file name -> bytes) in place of its files."""
    try:
        files = overlay(read_folder(folder), buffers)
    except InputError as exc:
        return ArticleResult(folder=folder, slug=os.path.basename(folder), error=str(exc))
    return check_article(folder, options, files)


def load_error(folder: str, buffers: dict[str, bytes]) -> InputError | None:
    """Why the article cannot be loaded as the buffers hold it, located (None when it can).

    :func:`check_buffers` gives the reason as one line; an editor needs its file, line
    and column to place it, so this loads the article again (only after a failure)."""
    try:
        load_article(folder, overlay(read_folder(folder), buffers))
    except InputError as exc:
        return exc
    return None
