"""The battery's data kept in the result cache's folder, so that a run does not parse
and validate ``checks/*.yaml``, nor read the needles of its patterns, again.

Two kinds of entry, in ``<cache folder>/data/<key>.entry``, written and checked as
the result entries are (:class:`medlint.cache.CacheFolder`: a sha256 of the body in
the header line, written atomically, only into a folder marked as the cache's own):

* **check data**: one data file as ``policy.load`` returns it, parsed and validated.
  Its key is a hash of the file's bytes, its name, medlint's version and the size and
  modification time of medlint's modules and schemas. The bytes are read once, when
  the run starts (the result cache's key is made from the same reading), so an edited
  file is a new key at once, and a file saved during the run is never stored under
  the key of other bytes.
* **needles**: what :func:`medlint.prefilter.needles` read from every pattern the run
  asked (the literals that decide whether a pattern is compiled for a text), keyed by
  the same code hash, the hash of every data file and the command (check or import).

An entry is used only if its checksum, format, kind, key and every value's shape
hold; anything else is deleted and rebuilt, never trusted. Data is stored only when
its JSON reads back as exactly the same values and types. ``--no-cache`` attaches no
data cache: checks/ is then read and validated as without one.
"""

from __future__ import annotations

import hashlib
import json
import os

from medlint import prefilter
from medlint.cache import DATA_DIR, FORMAT, CacheFolder, checked_json

_DATA_KIND = "check-data"
_NEEDLES_KIND = "needles"
_FEW_NEW = 8  # needles read again each run rather than the entry rewritten for them


class DataCache:
    """One run's reading of the check data folder, and the entries made from it."""

    def __init__(self, folder: CacheFolder, data_dir: str, command: str = "check") -> None:
        """``command``: whose needles the entry holds (a check and an import ask
        different patterns; each reads only its own)."""
        from medlint import __version__

        self.folder = folder
        self._salt = f"medlint {__version__} cache {FORMAT}\n{folder.code}\n"
        self.files = _read_folder(data_dir)  # path -> bytes, read once for the run
        h = hashlib.sha256()  # the same hash as policy.fingerprint(), of this reading
        for path in sorted(self.files, key=os.path.basename):
            h.update(os.path.basename(path).encode())
            h.update(self.files[path])
        self.fingerprint = h.hexdigest()
        self._needles_key = _key(self._salt, f"{_NEEDLES_KIND} {command}", self.fingerprint.encode())
        self._needles_held = self._read_needles()

    # --- check data ---------------------------------------------------------------

    def held(self, path: str) -> bytes | None:
        """The bytes of the data file at ``path`` as this run read them (None: not read)."""
        return self.files.get(path)

    def data(self, name: str, raw: bytes) -> dict | None:
        """``checks/<name>.yaml`` of bytes ``raw`` as stored, parsed and validated; or None."""
        key = _key(self._salt, f"{_DATA_KIND} {name}", raw)
        return self.folder.read(self._path(key), lambda blob: _data_from(blob, key, name))

    def keep(self, name: str, raw: bytes, data: dict) -> None:
        """Store what ``raw`` parsed and validated to, if JSON gives it back exactly."""
        key = _key(self._salt, f"{_DATA_KIND} {name}", raw)
        entry = {"format": FORMAT, "kind": _DATA_KIND, "key": key, "name": name, "data": data}
        try:
            body = json.dumps(entry, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        except (TypeError, ValueError, UnicodeError):
            return
        if not same(json.loads(body)["data"], data):
            return  # a value JSON would change: parsed again each run rather than stored changed
        self.folder.write(self._path(key), body)

    # --- needles ------------------------------------------------------------------

    def _read_needles(self) -> int:
        """Give prefilter the needles of the stored entry; how many there were."""
        held = self.folder.read(self._path(self._needles_key), lambda blob: _needles_from(blob, self._needles_key))
        if not held:
            return 0
        prefilter.remember(held)
        return len(held)

    def finish(self) -> None:
        """Store the needles known so far (the entry's and the run's), when the run read
        more than a few that the entry did not hold. (A pattern that is not the same string
        in every process, such as an alternation joined from a set, is read again each run
        rather than rewriting the entry each run.)"""
        known = prefilter.known_needles()
        fresh = len(known) - self._needles_held
        if fresh <= 0 or (self._needles_held and fresh <= _FEW_NEW):
            return
        rows = [[pattern, int(flags), None if clauses is None else [list(c) for c in clauses]]
                for (pattern, flags), clauses in known.items()]
        entry = {"format": FORMAT, "kind": _NEEDLES_KIND, "key": self._needles_key, "needles": rows}
        try:
            body = json.dumps(entry, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        except (TypeError, ValueError, UnicodeError):
            return
        self.folder.write(self._path(self._needles_key), body)
        self._needles_held = len(known)

    def _path(self, key: str) -> str:
        return os.path.join(self.folder.root, DATA_DIR, key + ".entry")


def _key(salt: str, what: str, raw: bytes) -> str:
    h = hashlib.sha256(f"{salt}{what}\n".encode())
    h.update(raw)
    return h.hexdigest()


def _read_folder(folder: str) -> dict[str, bytes]:
    """Every ``*.yaml`` of ``folder`` by path; a file that cannot be read is left to policy.load."""
    files = {}
    try:
        names = sorted(n for n in os.listdir(folder) if n.endswith(".yaml"))
    except OSError:
        return files
    for name in names:
        path = os.path.join(folder, name)
        try:
            with open(path, "rb") as fh:
                files[path] = fh.read()
        except OSError:
            continue
    return files


def _entry(blob: bytes, key: str, kind: str):
    data = checked_json(blob)
    if not isinstance(data, dict) or data.get("format") != FORMAT or data.get("kind") != kind \
            or data.get("key") != key:
        return None
    return data


def _data_from(blob: bytes, key: str, name: str) -> dict | None:
    entry = _entry(blob, key, _DATA_KIND)
    if entry is None or entry.get("name") != name or not isinstance(entry.get("data"), dict):
        return None
    return entry["data"]


def _needles_from(blob: bytes, key: str) -> dict | None:
    """(pattern, flags) -> needles, or None unless every row has the shape needles() gives."""
    entry = _entry(blob, key, _NEEDLES_KIND)
    rows = entry.get("needles") if entry is not None else None
    if type(rows) is not list:
        return None
    out = {}
    for row in rows:
        if type(row) is not list or len(row) != 3:
            return None
        pattern, flags, clauses = row
        if type(pattern) is not str or type(flags) is not int:
            return None
        if clauses is not None:
            clauses = _clauses(clauses)
            if clauses is None:
                return None
        out[(pattern, flags)] = clauses
    return out or None


def _clauses(value) -> tuple | None:
    """A non-empty list of non-empty lists of non-empty strings, as needles() gives
    them (tuples); None for anything else."""
    if type(value) is not list or not value:
        return None
    clauses = []
    for clause in value:
        if type(clause) is not list or not clause:
            return None
        for needle in clause:
            if type(needle) is not str or not needle:
                return None
        clauses.append(tuple(clause))
    return tuple(clauses)


def same(a, b) -> bool:
    """Equal values of the same types, dictionaries in the same order (``1 == 1.0 == True``
    would not do: a check may tell them apart)."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return list(a) == list(b) and all(same(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b))
    return a == b
