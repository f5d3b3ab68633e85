"""The battery's editor-tunable data: ``checks/<name>.yaml``, each validated by
``schema/checks-<name>.schema.json``. Loaded once per process, on first use."""

from __future__ import annotations

import os
import re
from functools import lru_cache, partial
from operator import is_

from medlint.errors import InputError
from medlint.prefilter import AnyOf, LazyPattern
from medlint.resources import checks_dir

_override_dir: str | None = None
# name -> (path, the text or the bytes it was read from) of every loaded data file, to
# locate a bad pattern (read again then, with marks)
_loaded: dict[str, tuple] = {}
# build function -> (the data mappings it was built from, what it built): see derived()
_derived: dict = {}
# the run's medlint.datacache.DataCache: the data as the cache folder keeps it (None: read here)
_cache = None


def use_checks_dir(path: str | None) -> None:
    """Read check data from another folder (``--checks DIR``); clears the cache."""
    global _override_dir
    _override_dir = path
    load.cache_clear()
    regex.cache_clear()
    _loaded.clear()
    _derived.clear()


def data_dir() -> str:
    return _override_dir or str(checks_dir())


def use_cache(cache):
    """Load the check data through ``cache`` (a medlint.datacache.DataCache, which read
    every data file once) until called again; None: read checks/ here. Returns the
    cache it replaces. Data loaded already stays as it is."""
    global _cache
    previous, _cache = _cache, cache
    return previous


def check_file(path: str) -> list[InputError]:
    """Every problem of one data file, located: its schema, and every pattern
    compiled (a run compiles a pattern only when a check first needs it)."""
    from medlint.records.validate import validate
    from medlint.records.yamlio import load_yaml
    from medlint.resources import schema_dir

    name = os.path.basename(path).rsplit(".", 1)[0]
    if not (schema_dir() / f"checks-{name}.schema.json").is_file():
        return [InputError(f"no schema for check data named {name!r} (schema/checks-{name}.schema.json)", path)]
    try:
        doc = load_yaml(path)
    except InputError as exc:
        return [exc]
    return [InputError(v.message, path, v.line, v.column) for v in validate(doc, f"checks-{name}", strict=True)]


@lru_cache(maxsize=None)
def load(name: str) -> dict:
    """``checks/<name>.yaml`` as validated data; a bad file is a located InputError."""
    path = os.path.join(data_dir(), f"{name}.yaml")
    if not os.path.isfile(path) and _override_dir is not None:
        path = os.path.join(str(checks_dir()), f"{name}.yaml")
    raw = _cache.held(path) if _cache is not None else None
    if raw is not None:
        data = _cache.data(name, raw)
        if data is not None:
            _loaded[name] = (path, raw)
            return data
    from medlint.records.validate import validate
    from medlint.records.yamlio import read_text

    text = read_text(path, raw)
    # Without marks (a third of the parsing): they only locate a problem, and a file
    # with one is parsed again, with them, from the same text.
    doc = _parse(path, text, marks=False)
    if validate(doc, f"checks-{name}"):
        v = validate(_parse(path, text), f"checks-{name}")[0]
        raise InputError(f"invalid check data: {v.message}", path, v.line, v.column)
    if raw is not None:
        _cache.keep(name, raw, doc.data)
    _loaded[name] = (path, text)
    return doc.data


def _parse(path: str, held: str | bytes, marks: bool = True):
    """The data file at ``path`` as a Document, from its text or bytes ``held``."""
    from medlint.records.yamlio import load_yaml, read_text

    return load_yaml(path, read_text(path, held) if isinstance(held, bytes) else held, marks)


def derived(build, *data):
    """``build(*data)``: what a family compiles from its check data (patterns, lookup
    tables), made once and kept while ``data`` are the same mappings.

    ``data`` are what ``ctx.data(name)`` returned; a run's context returns the same
    validated mapping on every call, so the tables are built once per process (and
    again after :func:`use_checks_dir`, or for a test's own data). One entry per build
    function: the tables belong to the data they were built from, nothing else."""
    held = _derived.get(build)
    # map(is_) rather than a generator: asked for every text by the disclaimer family (~2 % of an edit)
    if held is not None and len(held[0]) == len(data) and all(map(is_, held[0], data)):
        return held[1]
    value = build(*data)
    _derived[build] = (data, value)
    return value


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
def regex(pattern: str) -> LazyPattern:
    """A case-insensitive pattern from check data, compiled once per process."""
    return compile_pattern(pattern, re.I)


def compile_pattern(pattern: str, flags: int = 0, pieces=()) -> LazyPattern:
    """A regular expression made from check data, compiled when a text first
    could match it (:mod:`medlint.prefilter`: a text holding none of the
    pattern's literals is answered without compiling it).

    A bad one stops the run, when first compiled, with an InputError located at
    the offending string in ``checks/``: the first of ``pieces`` (the data
    strings ``pattern`` was built from) that does not compile on its own, else
    ``pattern`` itself. ``medlint data`` compiles every pattern up front."""
    return LazyPattern(pattern, flags, partial(_compile_checked, pattern, flags, tuple(pieces)))


def alternation(patterns, flags: int = 0) -> LazyPattern:
    """One pattern that finds any of ``patterns`` (data strings), each located as
    :func:`compile_pattern` locates it."""
    return compile_pattern("|".join(f"(?:{p})" for p in patterns), flags, patterns)


def any_of(patterns, flags: int = 0) -> AnyOf:
    """The alternation of ``patterns`` (data strings), asked pattern by pattern
    (:class:`medlint.prefilter.AnyOf`): a text compiles only the few wordings whose
    literals it holds, not the whole list joined. Each is located as
    :func:`compile_pattern` locates it; ``finditer`` asks the alternation itself."""
    whole = alternation(patterns, flags)
    return AnyOf([compile_pattern(p, flags, [p]) for p in patterns], whole)


def _compile_checked(pattern: str, flags: int, pieces: tuple) -> re.Pattern:
    try:
        return re.compile(pattern, flags)
    except re.error as err:
        culprit, why = pattern, err
        for piece in pieces:
            try:
                re.compile(piece, flags)
            except re.error as piece_err:
                culprit, why = piece, piece_err
                break
        raise _pattern_error(culprit, why) from None


def _pattern_error(pattern: str, err: re.error) -> InputError:
    message = f"invalid check data: {pattern!r} is not a valid regular expression ({err})"
    for _name, (path, held) in sorted(_loaded.items()):
        doc = _parse(path, held)
        pointer = _find_string(doc.data, pattern, "")
        if pointer is not None:
            line, column = doc.mark(pointer)
            return InputError(message, _shown(path), line, column)
    return InputError(message)


def _find_string(node, text: str, pointer: str) -> str | None:
    from medlint.records.yamlio import escape_pointer

    if isinstance(node, str):
        return pointer if node == text else None
    items = node.items() if isinstance(node, dict) else enumerate(node) if isinstance(node, list) else ()
    for key, value in items:
        found = _find_string(value, text, f"{pointer}/{escape_pointer(str(key))}")
        if found is not None:
            return found
    return None


def _shown(path: str) -> str:
    rel = os.path.relpath(path)
    return path if rel.startswith("..") else rel
