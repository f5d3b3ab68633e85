"""A fast yes/no answer to "is this document valid?" for medlint's own schemas.

Almost every record medlint loads is valid, and jsonschema spends most of its
time producing the located errors that a valid record never needs. This module
compiles each schema once into nested Python closures that answer only yes or
no. ``validate.validate`` asks it first and runs jsonschema, still the one
source of every error message, only when the answer is no.

It implements the 2020-12 vocabulary that ``schema/`` uses and nothing more:
compiling a schema with any other assertion keyword raises ``UnsupportedSchema``
(``tests/test_schemacheck.py`` compiles every shipped schema and compares the
two validators on valid and mutated records), so a new keyword in a schema
cannot be silently skipped. Like ``validate.validator``, it asserts the "date"
format only.
"""

from __future__ import annotations

import datetime as _dt
import re
from typing import Any, Callable
from urllib.parse import urldefrag, urljoin

Check = Callable[[Any], bool]

# Keywords that never change the answer.
_ANNOTATIONS = frozenset({
    "$schema", "$id", "$defs", "$comment", "title", "description", "examples", "default",
    "deprecated", "readOnly", "writeOnly",
})
_ASSERTED_FORMATS = frozenset({"date"})
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)


class UnsupportedSchema(ValueError):
    """The schema uses a keyword this checker does not implement."""


def _is_number(x: Any) -> bool:
    return isinstance(x, (int, float)) and not isinstance(x, bool)


_TYPES: dict[str, Check] = {
    "object": lambda x: isinstance(x, dict),
    "array": lambda x: isinstance(x, list),
    "string": lambda x: isinstance(x, str),
    "number": _is_number,
    "integer": lambda x: (isinstance(x, int) and not isinstance(x, bool))
    or (isinstance(x, float) and x.is_integer()),
    "boolean": lambda x: isinstance(x, bool),
    "null": lambda x: x is None,
}


def json_equal(a: Any, b: Any) -> bool:
    """Equality as JSON Schema means it: ``true`` is not ``1``, ``1`` is ``1.0``."""
    if isinstance(a, str) or isinstance(b, str):
        return a == b
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(json_equal(x, y) for x, y in zip(a, b))
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(json_equal(a[k], b[k]) for k in a)
    if isinstance(a, bool) or isinstance(b, bool):
        return isinstance(a, bool) and isinstance(b, bool) and a == b
    return a == b


def _is_date(x: Any) -> bool:
    if not isinstance(x, str):
        return True
    if not _DATE.fullmatch(x):
        return False
    try:
        _dt.date.fromisoformat(x)
    except ValueError:
        return False
    return True


def _all(checks: list[Check]) -> Check:
    if not checks:
        return lambda x: True
    if len(checks) == 1:
        return checks[0]
    checks = tuple(checks)

    def every(x: Any) -> bool:
        for c in checks:
            if not c(x):
                return False
        return True

    return every


class Compiler:
    """Compiles schemas (by ``$id``) from a set of resources, each node once."""

    def __init__(self, resources: dict[str, dict]):
        self._resources = resources
        self._memo: dict[tuple[str, str], Check] = {}
        self._pending: list[tuple[list[Check], str]] = []

    def check(self, uri: str) -> Check:
        """The compiled check for a schema URI (with an optional JSON-pointer fragment)."""
        base, fragment = urldefrag(uri)
        key = (base, fragment)
        found = self._memo.get(key)
        if found is not None:
            return found
        if base not in self._resources:
            raise UnsupportedSchema(f"unknown schema {base!r}")
        node: Any = self._resources[base]
        for token in (fragment.lstrip("/").split("/") if fragment else []):
            token = token.replace("~1", "/").replace("~0", "~")
            node = node[int(token)] if isinstance(node, list) else node[token]
        cell: list[Check] = []
        self._memo[key] = lambda x: cell[0](x)  # recursive refs go through the cell
        fn = self._node(node, base)
        cell.append(fn)
        self._memo[key] = fn
        return fn

    def _node(self, schema: Any, base: str) -> Check:
        if schema is True:
            return lambda x: True
        if schema is False:
            return lambda x: False
        if not isinstance(schema, dict):
            raise UnsupportedSchema(f"a schema must be an object or a boolean, not {schema!r}")
        if "$id" in schema:
            base = urljoin(base, schema["$id"])
        unknown = set(schema) - _ANNOTATIONS - _KEYWORDS
        if unknown:
            raise UnsupportedSchema(f"keyword(s) not implemented: {', '.join(sorted(unknown))}")
        checks: list[Check] = []
        if "type" in schema:
            names = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
            tests = tuple(_TYPES[n] for n in names)
            checks.append(tests[0] if len(tests) == 1 else (lambda x: any(t(x) for t in tests)))
        if "enum" in schema:
            options = tuple(schema["enum"])
            checks.append(lambda x: any(json_equal(x, o) for o in options))
        if "const" in schema:
            value = schema["const"]
            checks.append(lambda x: json_equal(x, value))
        if "$ref" in schema:
            target = urljoin(base, schema["$ref"])
            cell: list[Check] = []
            checks.append(lambda x: cell[0](x))
            self._pending.append((cell, target))
        for word in ("anyOf", "oneOf", "allOf"):
            if word in schema:
                subs = tuple(self._node(s, base) for s in schema[word])
                if word == "anyOf":
                    checks.append(lambda x, subs=subs: any(s(x) for s in subs))
                elif word == "oneOf":
                    checks.append(lambda x, subs=subs: sum(1 for s in subs if s(x)) == 1)
                else:
                    checks.append(_all(list(subs)))
        if "not" in schema:
            inner = self._node(schema["not"], base)
            checks.append(lambda x: not inner(x))
        obj = self._object(schema, base)
        if obj is not None:
            checks.append(lambda x: not isinstance(x, dict) or obj(x))
        arr = self._array(schema, base)
        if arr is not None:
            checks.append(lambda x: not isinstance(x, list) or arr(x))
        text = self._string(schema)
        if text is not None:
            checks.append(lambda x: not isinstance(x, str) or text(x))
        num = self._number(schema)
        if num is not None:
            checks.append(lambda x: not _is_number(x) or num(x))
        return _all(checks)

    def compile(self, uri: str) -> Check:
        """Like ``check``, with every ``$ref`` it reaches compiled too."""
        fn = self.check(uri)
        while self._pending:
            cell, target = self._pending.pop()
            cell.append(self.check(target))
        return fn

    def _object(self, schema: dict, base: str) -> Check | None:
        props = {k: self._node(v, base) for k, v in schema.get("properties", {}).items()}
        required = tuple(schema.get("required", ()))
        extra = schema.get("additionalProperties", True)
        extra_check = None if extra is True else self._node(extra, base)
        names = self._node(schema["propertyNames"], base) if "propertyNames" in schema else None
        lo = schema.get("minProperties")
        hi = schema.get("maxProperties")
        if not props and not required and extra_check is None and names is None and lo is None and hi is None:
            return None

        def obj(x: dict) -> bool:
            for r in required:
                if r not in x:
                    return False
            if lo is not None and len(x) < lo or hi is not None and len(x) > hi:
                return False
            for k, v in x.items():
                if names is not None and not names(k):
                    return False
                c = props.get(k)
                if c is not None:
                    if not c(v):
                        return False
                elif extra_check is not None and not extra_check(v):
                    return False
            return True

        return obj

    def _array(self, schema: dict, base: str) -> Check | None:
        items = self._node(schema["items"], base) if "items" in schema else None
        lo = schema.get("minItems")
        hi = schema.get("maxItems")
        unique = schema.get("uniqueItems", False)
        if items is None and lo is None and hi is None and not unique:
            return None

        def arr(x: list) -> bool:
            if lo is not None and len(x) < lo or hi is not None and len(x) > hi:
                return False
            if items is not None:
                for v in x:
                    if not items(v):
                        return False
            if unique:
                for i, a in enumerate(x):
                    for b in x[i + 1:]:
                        if json_equal(a, b):
                            return False
            return True

        return arr

    def _string(self, schema: dict) -> Check | None:
        lo = schema.get("minLength")
        hi = schema.get("maxLength")
        pattern = re.compile(schema["pattern"]) if "pattern" in schema else None
        date = schema.get("format") in _ASSERTED_FORMATS
        if lo is None and hi is None and pattern is None and not date:
            return None

        def text(x: str) -> bool:
            if lo is not None and len(x) < lo or hi is not None and len(x) > hi:
                return False
            if pattern is not None and not pattern.search(x):
                return False
            return not date or _is_date(x)

        return text

    def _number(self, schema: dict) -> Check | None:
        bounds = [(schema.get(k), op) for k, op in (
            ("minimum", lambda x, b: x >= b), ("maximum", lambda x, b: x <= b),
            ("exclusiveMinimum", lambda x, b: x > b), ("exclusiveMaximum", lambda x, b: x < b),
        ) if k in schema]
        if not bounds:
            return None
        return lambda x: all(op(x, b) for b, op in bounds)


_KEYWORDS = frozenset({
    "type", "enum", "const", "$ref", "anyOf", "oneOf", "allOf", "not",
    "properties", "required", "additionalProperties", "propertyNames", "minProperties", "maxProperties",
    "items", "minItems", "maxItems", "uniqueItems",
    "minLength", "maxLength", "pattern", "format",
    "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum",
})
