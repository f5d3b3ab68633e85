"""Check an article as an editor holds it: the folder's files, with unsaved buffers in place of theirs.

Usage::

    from medlint.buffers import article_folder, check_buffers
    folder = article_folder("/site/content/back-pain/230-drugs.yaml")   # None outside an article
    result = check_buffers(folder, {"230-drugs.yaml": b"heading: ..."}, options)

The folder is read as ``medlint check`` reads it (:func:`medlint.records.store.read_folder`);
the bytes of each open buffer then stand in for the file of that name, and the
engine checks the article from those bytes (:func:`medlint.engine.check_article`),
so the findings are those ``medlint check`` gives once the buffers are saved. Nothing
is written. Used by the language server (``medlint server``), which keeps a
:class:`ParsedRecords` between edits so that only the changed file is parsed and
validated again.
"""

from __future__ import annotations

import bisect
import os
from collections import OrderedDict

from medlint.engine import ArticleResult, Options, check_article
from medlint.errors import InputError
from medlint.records.store import (ARTICLE_FILE, EXTRA_FILES, SECTION_FILE, FolderFiles, load_article,
                                   parse_record, read_folder)


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


class ParsedRecords:
    """The parsed and validated record of each file last checked, for at most ``limit`` bytes
    of source: an edit parses and validates the file it changed, and every other file of the
    article is taken as it was (a pure function of its path and bytes, so the result is that
    of :func:`medlint.records.store.parse_record`).

    One version per file: a file's new bytes replace its old record, so editing one file a
    thousand times keeps one record of it (a record takes about 17 times its source in memory:
    167 KB for the seed's 9.6 KB drug section; keeping every version would grow by that much
    an edit). Past ``limit`` bytes of source (1 MiB: about 18 articles the size of the seed,
    some 17 MB of records) the files used longest ago go first; :meth:`forget` drops an
    article's files (the server calls it when its last buffer closes)."""

    def __init__(self, limit: int = 1 << 20) -> None:
        self.limit = limit
        self.size = 0  # bytes of source held
        self.held: OrderedDict[str, tuple] = OrderedDict()  # path -> (bytes, schema, document, violations)

    def parse(self, path: str, raw: bytes | None, schema: str):
        """:func:`medlint.records.store.parse_record`, reusing the record of bytes already parsed."""
        if raw is None:  # not read (not a regular file): store.parse_record reports why
            return parse_record(path, raw, schema)
        held = self.held.get(path)
        if held is not None and held[1] == schema and held[0] == raw:
            self.held.move_to_end(path)
            return held[2], held[3]
        self._drop(path)
        doc, violations = parse_record(path, raw, schema)  # an unreadable file raises: nothing is kept
        self.held[path] = (raw, schema, doc, violations)
        self.size += len(raw)
        while self.size > self.limit and len(self.held) > 1:
            self._drop(next(iter(self.held)))
        return doc, violations

    def forget(self, folder: str) -> None:
        """Drop the records of the files in ``folder``."""
        for path in [p for p in self.held if os.path.dirname(p) == folder]:
            self._drop(path)

    def _drop(self, path: str) -> None:
        held = self.held.pop(path, None)
        if held is not None:
            self.size -= len(held[0])


def check_buffers(folder: str, buffers: dict[str, bytes], options: Options,
                  records: ParsedRecords | None = None, with_info: bool = True) -> ArticleResult:
    """Check the article in ``folder`` with ``buffers`` (file name -> bytes) in place of its files
    (``records``: the parsed records kept between calls, if any; ``with_info``: as for
    :func:`medlint.engine.check_article`, False when only the findings are wanted)."""
    try:
        files = overlay(read_folder(folder), buffers)
    except InputError as exc:
        return ArticleResult(folder=folder, slug=os.path.basename(folder), error=str(exc))
    return check_article(folder, options, files, records.parse if records is not None else None, with_info)


def load_error(folder: str, buffers: dict[str, bytes], records: ParsedRecords | None = None) -> InputError | None:
    """Why the article cannot be loaded as the buffers hold it, located (None when it can).

    :func:`check_buffers` gives the reason as one line; an editor needs its file, line
    and column to place it, so this loads the article again (only after a failure)."""
    try:
        parse = records.parse if records is not None else parse_record
        load_article(folder, overlay(read_folder(folder), buffers), parse)
    except InputError as exc:
        return exc
    return None
