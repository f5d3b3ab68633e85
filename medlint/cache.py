"""The result cache: one entry per article in a folder of its own (``.medlint_cache/``).

An entry is keyed by a hash of everything the article's result depends on:
medlint's version and code, the check data (``checks/*.yaml``), the run's
options (date, selected and ignored checks, severities), the working directory,
the folder's listing and the bytes of its record files. Those bytes are read
once (``records.store.read_folder``): the key and the check see the same bytes,
so a file saved during a run cannot leave a result under the wrong key.

An entry is a header line carrying a sha256 of the rest, then the result as
JSON. One that fails the checksum, or fails to load in any other way, is
deleted and rebuilt, never trusted. Entries are written atomically (temporary
file + rename, in the cache folder).

The cache folder is marked as medlint's own (``CACHEDIR.TAG`` with the standard
signature, and a ``.gitignore`` of ``*``). medlint writes only into a folder that
is new, empty or marked; it refuses a cache folder at or above the working
directory or a content path, or one holding articles; and ``clear`` deletes
nothing from a folder without the mark, and only cache entries from one with it.
"""

from __future__ import annotations

import hashlib
import json
import os
import re

from medlint.errors import InputError
from medlint.findings import Finding
from medlint.records.store import WRITE_TEMP

FORMAT = 2
DEFAULT_DIR = ".medlint_cache"
TAG_FILE = "CACHEDIR.TAG"
SIGNATURE = b"Signature: 8a477f597d28d172789f06886806bc55"  # https://bford.info/cachedir/
TAG_TEXT = SIGNATURE + (b"\n# This file is a cache directory tag created by medlint (its result cache).\n"
                        b"# For information about cache directory tags see https://bford.info/cachedir/\n")
GITIGNORE_FILE = ".gitignore"
GITIGNORE_TEXT = b"# medlint's result cache: nothing here belongs in version control\n*\n"
_MARK_FILES = {TAG_FILE, GITIGNORE_FILE}
_SUBDIR = re.compile(r"[0-9a-f]{2}")
_ENTRY = re.compile(r"[0-9a-f]{64}\.json")
DATA_DIR = "data"  # the check data's entries (medlint.datacache): data/<key>.entry
DATA_ENTRY = re.compile(r"[0-9a-f]{64}\.entry")
_TEMP_PREFIX = ".entry-"
_TEMP = re.compile(r"(\.entry-|tmp)[a-z0-9_]+\.tmp")  # ours, and those of medlint before FORMAT 2


def _code_fingerprint() -> str:
    """Size and modification time of every module of medlint and of every schema: a changed
    check, or a changed schema (which decides what is valid), changes the key."""
    import medlint
    from medlint.resources import schema_dir

    h = hashlib.sha256()
    for top, suffixes in ((os.path.dirname(medlint.__file__), (".py", ".txt")), (str(schema_dir()), (".json",))):
        h.update(f"{os.path.basename(top)}\n".encode())
        for dirpath, dirnames, filenames in os.walk(top):
            dirnames.sort()
            for name in sorted(filenames):
                if name.endswith(suffixes):
                    st = os.stat(os.path.join(dirpath, name))
                    h.update(f"{os.path.relpath(os.path.join(dirpath, name), top)}:{st.st_size}:{st.st_mtime_ns}\n".encode())
    return h.hexdigest()


def _header(body: bytes) -> bytes:
    return f"medlint-cache {FORMAT} sha256={hashlib.sha256(body).hexdigest()}".encode()


class CacheFolder:
    """The cache folder as its entries see it: each entry is written atomically, only into
    a folder marked as the cache's own, and read back only when its checksum holds."""

    def __init__(self, root: str) -> None:
        self.root = root
        self._writable: bool | None = None  # decided on the first write (mark_folder)
        self.code = _code_fingerprint()  # once per run: medlint's modules and schemas

    def read(self, path: str, decode):
        """``decode(blob)`` of the entry at ``path``, or None; an entry it refuses is deleted."""
        try:
            with open(path, "rb") as fh:
                blob = fh.read()
        except OSError:
            return None
        value = decode(blob)
        if value is None:
            try:
                os.unlink(path)
            except OSError:
                pass
        return value

    def write(self, path: str, body: bytes) -> None:
        """Store ``body`` (checksummed) at ``path``; a cache that cannot be written is only slower."""
        try:
            if not self._mark():
                return
            os.makedirs(os.path.dirname(path), exist_ok=True)
            _write_atomic(path, _header(body) + b"\n" + body)
        except OSError:
            pass

    def _mark(self) -> bool:
        """Make sure the folder is marked as the cache's own; False when it is someone else's."""
        if self._writable is None:
            self._writable = mark_folder(self.root)
        return self._writable


def checked_json(blob: bytes):
    """The JSON body of an entry whose checksum holds, or None."""
    head, newline, body = blob.partition(b"\n")
    if not newline or head != _header(body):
        return None
    try:
        return json.loads(body)
    except (ValueError, RecursionError):
        return None


class ResultCache:
    """Each article's result, keyed by everything it depends on (the module docstring).
    ``data``: the run's :class:`medlint.datacache.DataCache`, whose reading of checks/
    the key is made from (else checks/ is read here)."""

    def __init__(self, root: str, options, data=None) -> None:
        from medlint import __version__, policy

        self.root = root
        self.folder = data.folder if data is not None else CacheFolder(root)
        self.data = data
        h = hashlib.sha256()
        h.update(f"medlint {__version__} cache {FORMAT}\n".encode())
        h.update((data.fingerprint if data is not None else policy.fingerprint()).encode())
        h.update(repr((options.today.isoformat(), sorted(options.select), sorted(options.ignore),
                       options.severity)).encode())
        h.update(os.fsencode(os.getcwd()))  # findings carry paths relative to the working directory
        h.update(self.folder.code.encode())
        self.salt = h.hexdigest()

    def key(self, folder: str, files) -> str | None:
        """The key of an article read as ``files`` (records.store.FolderFiles); None when
        some record file could not be read with the others (then nothing is cached)."""
        if not files.complete:
            return None
        h = hashlib.sha256(self.salt.encode())
        h.update(os.fsencode(os.path.normpath(folder)) + b"\0")
        for name in files.names:  # the listing: an unexpected file is a finding
            if name.startswith(".") and not WRITE_TEMP.match(name):
                continue
            raw = files.data.get(name)
            h.update(os.fsencode(name) + (b"\0-\0" if raw is None else f"\0{len(raw)}\0".encode()))
            if raw is not None:
                h.update(raw)
        return h.hexdigest()

    def _path(self, key: str) -> str:
        return os.path.join(self.root, key[:2], key + ".json")

    def get(self, key: str):
        """The stored result for ``key``, or None; an entry that is not exactly what
        :meth:`put` wrote for this key is deleted."""
        return self.folder.read(self._path(key), lambda blob: _decode(blob, key))

    def put(self, key: str, result) -> None:
        if result.error:
            return  # unreadable input is re-read every time
        body = json.dumps(_encode(key, result), ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        self.folder.write(self._path(key), body)


def _encode(key: str, result) -> dict:
    return {
        "format": FORMAT,
        "key": key,
        "result": {
            "folder": result.folder, "slug": result.slug, "error": result.error, "checked": result.checked,
            "info": result.info,
            "findings": [f.to_json() for f in result.findings],
            "waived": [{"finding": f.to_json(), "waiver": w.to_json()} for f, w in result.waived],
            "expired": [w.to_json() for w in result.expired],
        },
    }


def _decode(blob: bytes, key: str):
    """The result in an entry, or None unless its checksum, format, key and contents all hold."""
    data = checked_json(blob)
    if data is None:
        return None
    try:
        return _result_from(data, key)
    except Exception:  # checksummed yet unusable (a foreign writer, an old bug): rebuilt, never trusted
        return None


def _result_from(data: dict, key: str):
    from medlint.engine import ArticleResult
    from medlint.waivers import Waiver

    if data.get("format") != FORMAT or data.get("key") != key:
        return None
    r = data["result"]
    result = ArticleResult(folder=r["folder"], slug=r["slug"], error=r["error"], checked=r["checked"],
                           info=r["info"])
    result.findings = [Finding.from_json(f) for f in r["findings"]]
    result.waived = [(Finding.from_json(p["finding"]), Waiver.from_json(p["waiver"], r["slug"]))
                     for p in r["waived"]]
    result.expired = [Waiver.from_json(w, r["slug"]) for w in r["expired"]]
    fields_ok = all(isinstance(f.line, int) and isinstance(f.column, int) and isinstance(f.check, str)
                    and isinstance(f.path, str) and isinstance(f.message, str)
                    for f in result.findings + [f for f, _ in result.waived])
    if not (fields_ok and isinstance(result.folder, str) and isinstance(result.slug, str)
            and result.error is None and isinstance(result.checked, bool) and isinstance(result.info, dict)):
        return None
    return result


def _write_atomic(path: str, data: bytes) -> None:
    """Write ``data`` to a temporary file beside ``path``, then rename; the temporary
    file is removed whatever goes wrong."""
    import tempfile  # here: a run that writes no entry does not import it

    fd, tmp = tempfile.mkstemp(dir=os.path.dirname(path) or ".", prefix=_TEMP_PREFIX, suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


# --- the folder ------------------------------------------------------------------

def is_marked(root: str) -> bool:
    """True when ``root`` carries medlint's cache mark (CACHEDIR.TAG with the signature)."""
    try:
        with open(os.path.join(root, TAG_FILE), "rb") as fh:
            return fh.read(len(SIGNATURE)) == SIGNATURE
    except OSError:
        return False


def mark_folder(root: str) -> bool:
    """Create ``root`` if needed and mark it; False (nothing written) when it already
    holds something and carries no mark: the folder is not the cache's. A cache left
    by medlint before the mark (only its entry files, in its layout) is marked too."""
    os.makedirs(root, exist_ok=True)
    if not is_marked(root):
        if os.listdir(root) and not _unmarked_cache(root):
            return False
        _write_atomic(os.path.join(root, TAG_FILE), TAG_TEXT)  # first: other workers see the mark at once
    if not os.path.lexists(os.path.join(root, GITIGNORE_FILE)):
        _write_atomic(os.path.join(root, GITIGNORE_FILE), GITIGNORE_TEXT)
    return True


def _unmarked_cache(root: str) -> bool:
    """True when ``root`` holds nothing but what medlint before FORMAT 2 wrote: folders
    ``xx/`` of entries ``xx....json`` (64 hex digits) and temporary files."""
    try:
        for sub in os.scandir(root):
            if _TEMP.fullmatch(sub.name) and sub.is_file(follow_symlinks=False):
                continue  # another process writing the mark
            if not (sub.is_dir(follow_symlinks=False) and _SUBDIR.fullmatch(sub.name)):
                return False
            for entry in os.scandir(sub.path):
                if not entry.is_file(follow_symlinks=False):
                    return False
                if not (_TEMP.fullmatch(entry.name)
                        or (_ENTRY.fullmatch(entry.name) and entry.name.startswith(sub.name))):
                    return False
    except OSError:
        return False
    return True


def _within(inner: str, outer: str) -> bool:
    return inner == outer or inner.startswith(outer.rstrip(os.sep) + os.sep)


def check_location(root: str, paths=(), folders=()) -> None:
    """Refuse (InputError) a cache folder that is not a folder of its own: the working
    directory (the project root, where pyproject.toml is read) or a folder above it, a
    content path or a folder above one, a folder holding one of ``folders`` (the run's
    articles), or an existing folder that is neither empty nor marked."""
    if not isinstance(root, str) or not root.strip():
        raise InputError(f"cache-dir must be the name of a folder (got {root!r})")
    real, absolute = os.path.realpath(root), os.path.abspath(root)
    guarded = [("the working directory (the project root)", os.getcwd())]
    guarded += [(f"the content path {p}", p) for p in paths]
    for what, path in guarded:
        if _within(os.path.realpath(path), real) or _within(os.path.abspath(path), absolute):
            raise InputError(f"cache-dir {root} is {what}, or above it: the cache needs a folder "
                             f"of its own (e.g. {DEFAULT_DIR}); nothing was written or deleted")
    for folder in folders:
        f = os.path.abspath(folder)
        if _within(f, absolute) or _within(f, real):
            raise InputError(f"cache-dir {root} holds the article {folder}: the cache needs a folder "
                             f"of its own (e.g. {DEFAULT_DIR}); nothing was written or deleted")
    if os.path.lexists(root):
        if not os.path.isdir(root):
            raise InputError(f"cache-dir {root} is not a folder")
        if not is_marked(root) and os.listdir(root) and not _unmarked_cache(root):
            raise InputError(f"cache-dir {root} holds files but no {TAG_FILE}, so it is not medlint's cache: "
                             f"choose a new folder (or remove it yourself); nothing was written or deleted")


def _article_inside(root: str) -> str | None:
    from medlint.records.store import ARTICLE_FILE

    for dirpath, dirnames, filenames in os.walk(root):
        if ARTICLE_FILE in filenames:
            return dirpath
    return None


def clear(root: str) -> tuple[int, int]:
    """Delete the cache's entries (and, when nothing else is left, its mark and folder);
    returns the number of result entries and of check-data entries removed. Refuses
    (InputError, nothing deleted) a folder without the mark, or one that holds an article."""
    if not os.path.lexists(root):
        return 0, 0
    if not os.path.isdir(root) or not is_marked(root):
        raise InputError(f"{root} has no {TAG_FILE} with the cache signature, so it is not medlint's cache: "
                         f"nothing deleted")
    article = _article_inside(root)
    if article is not None:
        raise InputError(f"{root} holds an article ({article}), so it is not only a cache: nothing deleted")
    removed = data = 0
    try:
        for sub in sorted(os.scandir(root), key=lambda e: e.name):
            if sub.is_dir(follow_symlinks=False) and _SUBDIR.fullmatch(sub.name):
                removed += _clear_subdir(sub.path, _ENTRY, True)
            elif sub.is_dir(follow_symlinks=False) and sub.name == DATA_DIR:
                data += _clear_subdir(sub.path, DATA_ENTRY, False)
            elif sub.is_file(follow_symlinks=False) and _TEMP.fullmatch(sub.name):
                os.unlink(sub.path)
        if set(os.listdir(root)) <= _MARK_FILES and not os.path.islink(root):  # nothing else is left
            os.unlink(os.path.join(root, TAG_FILE))
            if os.path.lexists(os.path.join(root, GITIGNORE_FILE)):
                os.unlink(os.path.join(root, GITIGNORE_FILE))
            os.rmdir(root)
    except OSError as exc:  # only cache entries were deleted, and what is left is still a cache
        raise InputError(f"cannot clear the cache: {exc.strerror or exc} (after {removed + data} entries)",
                         exc.filename or root) from None
    return removed, data


def _clear_subdir(path: str, entry_name, prefixed: bool) -> int:
    """Delete the entries named ``entry_name`` (starting with the folder's name when
    ``prefixed``) and temporary files in ``path``, then the folder if it is empty."""
    removed = 0
    prefix = os.path.basename(path) if prefixed else ""
    for entry in os.scandir(path):
        if not entry.is_file(follow_symlinks=False):
            continue
        if entry_name.fullmatch(entry.name) and entry.name.startswith(prefix):
            os.unlink(entry.path)
            removed += 1
        elif _TEMP.fullmatch(entry.name):
            os.unlink(entry.path)
    try:
        os.rmdir(path)
    except OSError:
        pass  # something else is in it: left alone
    return removed
