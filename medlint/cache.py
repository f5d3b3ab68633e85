"""The result cache: one checksummed entry per article in ``.medlint_cache/``.

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
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile

from medlint.findings import Finding

FORMAT = 2
DEFAULT_DIR = ".medlint_cache"
_TEMP_PREFIX = ".entry-"


def _code_fingerprint() -> str:
    """Size and modification time of every module of medlint: a changed check changes the key."""
    import medlint

    h = hashlib.sha256()
    top = os.path.dirname(medlint.__file__)
    for dirpath, dirnames, filenames in os.walk(top):
        dirnames.sort()
        for name in sorted(filenames):
            if name.endswith((".py", ".txt")):
                st = os.stat(os.path.join(dirpath, name))
                h.update(f"{os.path.relpath(os.path.join(dirpath, name), top)}:{st.st_size}:{st.st_mtime_ns}\n".encode())
    return h.hexdigest()


def _header(body: bytes) -> bytes:
    return f"medlint-cache {FORMAT} sha256={hashlib.sha256(body).hexdigest()}".encode()


class ResultCache:
    def __init__(self, root: str, options) -> None:
        from medlint import __version__, policy

        self.root = root
        h = hashlib.sha256()
        h.update(f"medlint {__version__} cache {FORMAT}\n".encode())
        h.update(policy.fingerprint().encode())
        h.update(repr((options.today.isoformat(), sorted(options.select), sorted(options.ignore),
                       options.severity)).encode())
        h.update(os.fsencode(os.getcwd()))  # findings carry paths relative to the working directory
        h.update(_code_fingerprint().encode())
        self.salt = h.hexdigest()

    def key(self, folder: str, files) -> str | None:
        """The key of an article read as ``files`` (records.store.FolderFiles); None when
        some record file could not be read with the others (then nothing is cached)."""
        if not files.complete:
            return None
        h = hashlib.sha256(self.salt.encode())
        h.update(os.fsencode(os.path.normpath(folder)) + b"\0")
        for name in files.names:  # the listing: an unexpected file is a finding
            if name.startswith("."):
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
        path = self._path(key)
        try:
            with open(path, "rb") as fh:
                blob = fh.read()
        except OSError:
            return None
        result = _decode(blob, key)
        if result is None:
            try:
                os.unlink(path)
            except OSError:
                pass
        return result

    def put(self, key: str, result) -> None:
        if result.error:
            return  # unreadable input is re-read every time
        body = json.dumps(_encode(key, result), ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        path = self._path(key)
        try:
            os.makedirs(os.path.dirname(path), exist_ok=True)
            _write_atomic(path, _header(body) + b"\n" + body)
        except OSError:
            pass  # a cache that cannot be written is only slower


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
    head, newline, body = blob.partition(b"\n")
    if not newline or head != _header(body):
        return None
    try:
        return _result_from(json.loads(body), key)
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


def clear(root: str) -> int:
    """Delete the cache folder; returns the number of entries removed."""
    import shutil

    if not os.path.isdir(root):
        return 0
    n = sum(len([f for f in files if f.endswith(".json")]) for _, _, files in os.walk(root))
    shutil.rmtree(root)
    return n
