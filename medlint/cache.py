"""The result cache: one JSON entry per article in ``.medlint_cache/``.

An entry is keyed by a hash of everything the article's result depends on:
medlint's version, the check data (``checks/*.yaml``), the run's options
(date, selected and ignored checks, severities) and the bytes of every file in
the article folder. A corrupt, foreign or mismatched entry is ignored and
rebuilt, never trusted. Writes are atomic (temporary file + rename).
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile

from medlint.findings import Finding

FORMAT = 1
DEFAULT_DIR = ".medlint_cache"


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


class ResultCache:
    def __init__(self, root: str, options) -> None:
        from medlint import __version__, policy

        self.root = root
        h = hashlib.sha256()
        h.update(f"medlint {__version__} cache {FORMAT}\n".encode())
        h.update(policy.fingerprint().encode())
        h.update(repr((options.today.isoformat(), sorted(options.select), sorted(options.ignore),
                       options.severity)).encode())
        h.update(os.getcwd().encode())  # findings carry paths relative to the working directory
        h.update(_code_fingerprint().encode())
        self.salt = h.hexdigest()

    def key(self, folder: str) -> str | None:
        h = hashlib.sha256(self.salt.encode())
        try:
            names = sorted(os.listdir(folder))
            for name in names:
                if name.startswith("."):
                    continue
                full = os.path.join(folder, name)
                if not os.path.isfile(full):
                    continue
                with open(full, "rb") as fh:
                    data = fh.read()
                h.update(f"{name}\0{len(data)}\0".encode())
                h.update(data)
        except OSError:
            return None  # unreadable: let the engine report it
        h.update(os.path.normpath(folder).encode())
        return h.hexdigest()

    def _path(self, key: str) -> str:
        return os.path.join(self.root, key[:2], key + ".json")

    def get(self, key: str):
        from medlint.engine import ArticleResult
        from medlint.waivers import Waiver

        try:
            with open(self._path(key), encoding="utf-8") as fh:
                data = json.load(fh)
            if data.get("format") != FORMAT or data.get("key") != key:
                return None
            r = data["result"]
            result = ArticleResult(folder=r["folder"], slug=r["slug"], error=r["error"], checked=r["checked"],
                                   info=r["info"])
            result.findings = [Finding.from_json(f) for f in r["findings"]]
            result.waived = [(Finding.from_json(p["finding"]), Waiver.from_json(p["waiver"], r["slug"]))
                             for p in r["waived"]]
            result.expired = [Waiver.from_json(w, r["slug"]) for w in r["expired"]]
            if not all(isinstance(f.line, int) and isinstance(f.check, str) for f in result.findings):
                return None
            return result
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return None

    def put(self, key: str, result) -> None:
        if result.error:
            return  # unreadable input is re-read every time
        entry = {
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
        path = self._path(key)
        try:
            os.makedirs(os.path.dirname(path), exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=os.path.dirname(path), suffix=".tmp")
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump(entry, fh, ensure_ascii=False, separators=(",", ":"))
            os.replace(tmp, path)
        except OSError:
            pass  # a cache that cannot be written is only slower


def clear(root: str) -> int:
    """Delete the cache folder; returns the number of entries removed."""
    import shutil

    if not os.path.isdir(root):
        return 0
    n = sum(len([f for f in files if f.endswith(".json")]) for _, _, files in os.walk(root))
    shutil.rmtree(root)
    return n
