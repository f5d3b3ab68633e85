"""The battery's editor-tunable data: ``checks/<name>.yaml``, each validated by
``schema/checks-<name>.schema.json``. Loaded once per process, on first use."""

from __future__ import annotations

import os
import re
from functools import lru_cache

from medlint.errors import InputError
from medlint.resources import checks_dir

_override_dir: str | None = None


def use_checks_dir(path: str | None) -> None:
    """Read check data from another folder (``--checks DIR``); clears the cache."""
    global _override_dir
    _override_dir = path
    load.cache_clear()


def data_dir() -> str:
    return _override_dir or str(checks_dir())


@lru_cache(maxsize=None)
def load(name: str) -> dict:
    """``checks/<name>.yaml`` as validated data; a bad file is a located InputError."""
    from medlint.records.validate import validate
    from medlint.records.yamlio import load_yaml

    path = os.path.join(data_dir(), f"{name}.yaml")
    if not os.path.isfile(path) and _override_dir is not None:
        path = os.path.join(str(checks_dir()), f"{name}.yaml")
    doc = load_yaml(path)
    problems = validate(doc, f"checks-{name}")
    if problems:
        v = problems[0]
        raise InputError(f"invalid check data: {v.message}", path, v.line, v.column)
    return doc.data


def fingerprint() -> str:
    """A hash of every check data file (for caches keyed on the battery's data)."""
    import hashlib

    h = hashlib.sha256()
    folder = data_dir()
    for name in sorted(os.listdir(folder)):
        if name.endswith(".yaml"):
            h.update(name.encode())
            with open(os.path.join(folder, name), "rb") as fh:
                h.update(fh.read())
    return h.hexdigest()


@lru_cache(maxsize=None)
def regex(pattern: str) -> re.Pattern:
    """A case-insensitive pattern from check data, compiled once per process."""
    return re.compile(pattern, re.I)
