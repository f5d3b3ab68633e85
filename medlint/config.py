"""Project configuration: ``[tool.medlint]`` in a ``pyproject.toml``, found by walking up.

Usage::

    conf = config.discover(["content/some-article"])      # or discover([], explicit="ci.toml")
    conf.get("fail-on", "error"); conf.root; conf.resolve("cache-dir", ".medlint_cache")
    raise conf.error("jobs", "must be at least 1")       # pyproject.toml:12: jobs: must be ...

The search starts at the folder of the checked paths (their common folder; the
working directory when none is given) and walks up to the first folder holding a
``pyproject.toml`` with a ``[tool.medlint]`` table, stopping at the first folder
that holds ``.git`` (a repository's top). That folder is the project root: the
result cache lives there, and relative ``paths``, ``report-dir`` and
``cache-dir`` are read relative to it. Every value is validated on load; a bad
one is a one-line error naming the file, line and key (exit 2).
"""

from __future__ import annotations

import os
import re

from medlint.errors import InputError
from medlint.findings import SEVERITIES

FILE = "pyproject.toml"
_TABLE = "tool.medlint"


def _strings(value) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) for v in value)


def _ids(value) -> bool:
    return isinstance(value, str) or _strings(value)


#: key -> (test of the value, what a valid value is)
KEYS = {
    "paths": (_strings, "a list of strings"),
    "fail-on": (lambda v: v in SEVERITIES, f"one of {', '.join(SEVERITIES)}"),
    "select": (_ids, "a list of check IDs, prefixes or categories"),
    "ignore": (_ids, "a list of check IDs, prefixes or categories"),
    "extend-select": (_ids, "a list of check IDs, prefixes or categories"),
    "extend-ignore": (_ids, "a list of check IDs, prefixes or categories"),
    "severity": (lambda v: isinstance(v, dict) and all(s in SEVERITIES for s in v.values()),
                 f"a table of check ID = one of {', '.join(SEVERITIES)}"),
    "jobs": (lambda v: isinstance(v, int) and not isinstance(v, bool) and v >= 1, "a whole number of at least 1"),
    "report-dir": (lambda v: isinstance(v, str) and v != "", "a folder name"),
    "cache-dir": (lambda v: isinstance(v, str) and v != "", "a folder name"),
}


class Config(dict):
    """The ``[tool.medlint]`` values (a dict), where they came from and the project root."""

    def __init__(self, values: dict, path: str | None, root: str, lines: dict[str, int] | None = None):
        super().__init__(values)
        self.path = path
        self.root = root
        self.lines = lines or {}

    def where(self) -> str:
        """The config file as shown in messages (relative to the working directory when inside it)."""
        return _shown(self.path) if self.path else FILE

    def error(self, key: str, message: str) -> InputError:
        """``pyproject.toml:LINE: key: message``."""
        return InputError(f"{key}: {message}", self.where(), self.lines.get(key))

    def resolve(self, key: str, default: str) -> str:
        """A folder setting as a path: relative values are relative to the project root."""
        value = self.get(key, default)
        if os.path.isabs(value):
            return value
        return _shown(os.path.join(self.root, value))

    def paths(self) -> list[str]:
        return [p if os.path.isabs(p) else _shown(os.path.join(self.root, p)) for p in self.get("paths") or []]


def _shown(path: str) -> str:
    rel = os.path.relpath(os.path.abspath(path))
    return path if rel.startswith("..") else rel


def discover(paths: list[str], explicit: str | None = None) -> Config:
    """The configuration for a run over ``paths`` (``explicit``: the file given by ``--config``)."""
    if explicit is not None:
        if not os.path.isfile(explicit):
            raise InputError("--config: no such file", explicit)
        return load(explicit, os.path.dirname(os.path.abspath(explicit)), required=True)
    start = _start(paths)
    folder = start
    while True:
        candidate = os.path.join(folder, FILE)
        if os.path.isfile(candidate):
            conf = load(candidate, folder)
            if conf.path is not None:
                return conf
        if os.path.exists(os.path.join(folder, ".git")):
            return Config({}, None, folder)
        parent = os.path.dirname(folder)
        if parent == folder:
            return Config({}, None, os.getcwd())  # no project above: the working directory, as before
        folder = parent


def project_root(paths: list[str]) -> str:
    """The folder holding pyproject.toml with [tool.medlint], or .git, above ``paths``."""
    return discover(paths).root


def _start(paths: list[str]) -> str:
    folders = []
    for p in paths:
        a = os.path.abspath(p)
        folders.append(a if os.path.isdir(a) else os.path.dirname(a))
    if not folders:
        return os.getcwd()
    try:
        return os.path.commonpath(folders)
    except ValueError:  # different drives
        return os.getcwd()


def load(path: str, root: str, required: bool = False) -> Config:
    """``[tool.medlint]`` of one file, validated (path None when the file has no such table)."""
    shown = _shown(path)
    try:
        with open(path, "rb") as fh:
            raw = fh.read()
    except OSError as exc:
        raise InputError(f"cannot read [tool.medlint]: {exc.strerror or exc}", shown) from None
    if b"medlint" not in raw and not required:
        return Config({}, None, root)  # no [tool.medlint] table can be in it: skip the TOML parser
    import tomllib

    try:
        text = raw.decode("utf-8")
        data = tomllib.loads(text)
    except UnicodeDecodeError as exc:
        raise InputError(f"cannot read [tool.medlint]: {exc}", shown) from None
    except tomllib.TOMLDecodeError as exc:
        line = getattr(exc, "lineno", None) or _line_of_error(str(exc))
        raise InputError(f"cannot read [tool.medlint]: {str(exc).split(' (at ')[0]}", shown, line) from None
    table = data.get("tool", {}).get("medlint")
    if table is None:
        if required:
            raise InputError("no [tool.medlint] table", shown)
        return Config({}, None, root)
    conf = Config(table, path, root, _key_lines(text))
    _validate(conf)
    return conf


def _line_of_error(message: str) -> int | None:
    m = re.search(r"line (\d+)", message)
    return int(m.group(1)) if m else None


def _validate(conf: Config) -> None:
    unknown = sorted(set(conf) - set(KEYS))
    if unknown:
        raise conf.error(unknown[0], f"unknown key (known: {', '.join(sorted(KEYS))})")
    for key, value in conf.items():
        test, expected = KEYS[key]
        if not test(value):
            raise conf.error(key, f"{_toml(value)} is not {expected}")


def _toml(value) -> str:
    if isinstance(value, str):
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k} = {_toml(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(_toml(v) for v in value) + "]"
    return str(value)


def _key_lines(text: str) -> dict[str, int]:
    """The line of each key of the [tool.medlint] table (a dotted or sub-table key by its first part)."""
    lines: dict[str, int] = {}
    table = None
    for number, line in enumerate(text.splitlines(), 1):
        header = re.match(r"\s*\[\s*([^\]]+?)\s*\]", line)
        if header:
            table = header.group(1).replace('"', "").replace("'", "").replace(" ", "")
            if table.startswith(_TABLE + "."):  # [tool.medlint.severity]
                lines.setdefault(table[len(_TABLE) + 1:].split(".")[0], number)
            continue
        key = re.match(r"\s*[\"']?([A-Za-z0-9_-]+)[\"']?\s*[=.]", line)
        if key and table == _TABLE:
            lines.setdefault(key.group(1), number)
    return lines
