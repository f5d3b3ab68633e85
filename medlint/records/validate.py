"""JSON Schema validation of loaded YAML documents, located back to file:line:col."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache

from medlint.records.yamlio import Document, escape_pointer
from medlint.resources import schema_dir


@dataclass(frozen=True)
class SchemaViolation:
    """One schema problem, located at its YAML node."""

    pointer: str
    line: int
    column: int
    message: str
    excerpt: str
    suggestion: str | None = None  #: what to do, where the schema's general advice does not fit


def _schema_id(name: str) -> str:
    return f"https://medlint.example/schema/{name}.schema.json"


@lru_cache(maxsize=None)
def _schemas() -> dict[str, dict]:
    """Every shipped schema by its ``$id``."""
    out = {}
    for path in sorted(schema_dir().glob("*.json")):
        with open(path, encoding="utf-8") as fh:
            contents = json.load(fh)
        out[contents["$id"]] = contents
    return out


@lru_cache(maxsize=None)
def _registry():
    from referencing import Registry, Resource

    return Registry().with_resources(
        (uri, Resource.from_contents(contents)) for uri, contents in _schemas().items()
    )


@lru_cache(maxsize=None)
def validator(name: str, strict: bool = False):
    """A jsonschema validator for ``schema/<name>.schema.json``: the source of every error message.

    It asserts the "date" format; ``strict`` also compiles every ``format: regex``
    string, which a run leaves to the first check that needs the pattern."""
    from jsonschema import Draft202012Validator, FormatChecker

    schema = _registry().contents(_schema_id(name))
    formats = ("date", "regex") if strict else ("date",)
    return Draft202012Validator(schema, registry=_registry(), format_checker=FormatChecker(formats))


@lru_cache(maxsize=None)
def _compiler():
    from medlint.records.schemacheck import Compiler

    return Compiler(_schemas())


@lru_cache(maxsize=None)
def is_valid(name: str):
    """A fast yes/no check for ``schema/<name>.schema.json`` (see ``schemacheck``)."""
    return _compiler().compile(_schema_id(name))


def _pointer(parts) -> str:
    return "".join(f"/{escape_pointer(str(p))}" for p in parts)


def _describe(error) -> tuple[str, str | None]:
    """An editor-facing message, and the key to point at when it is a key problem."""
    path = "/".join(str(p) for p in error.absolute_path)
    where = f"'{path}': " if path else ""
    validator_name = error.validator
    if validator_name == "additionalProperties" and isinstance(error.instance, dict):
        allowed = set(error.schema.get("properties", {}))
        extra = sorted(k for k in error.instance if k not in allowed)
        keys = ", ".join(f"'{k}'" for k in extra)
        hint = ", ".join(sorted(allowed))
        return f"{where}unknown key {keys} (allowed: {hint})", (extra[0] if extra else None)
    if validator_name == "required":
        missing = error.message.split("'")[1] if "'" in error.message else error.message
        return f"{where}missing required key '{missing}'", None
    if validator_name == "oneOf" and isinstance(error.instance, dict):
        present = [k for k in ("paragraph", "disclaimer", "list", "faq", "chrome") if k in error.instance]
        if present:
            return f"{where}a block holds exactly one of paragraph, disclaimer, list, faq, chrome (found {', '.join(present)})", None
        return f"{where}a block needs one of paragraph, disclaimer, list, faq, chrome", None
    if validator_name == "enum":
        options = ", ".join(str(o) for o in error.validator_value)
        return f"{where}{error.instance!r} is not one of: {options}", None
    if validator_name == "format" and error.validator_value == "regex":
        why = f" ({error.cause})" if error.cause is not None else ""
        return f"{where}{error.instance!r} is not a valid regular expression{why}", None
    if validator_name == "format":
        return f"{where}{error.instance!r} is not a valid {error.validator_value} (write YYYY-MM-DD)", None
    return f"{where}{error.message}", None


def validate(doc: Document, schema_name: str, strict: bool = False) -> list[SchemaViolation]:
    """Validate a loaded document; each violation located at its YAML node
    (``strict``: see :func:`validator`)."""
    if not strict and is_valid(schema_name)(doc.data):
        return []
    out: list[SchemaViolation] = []
    for error in validator(schema_name, strict).iter_errors(doc.data):
        pointer = _pointer(error.absolute_path)
        message, bad_key = _describe(error)
        if bad_key is not None:
            key_ptr = f"{pointer}/{escape_pointer(bad_key)}"
            line, col = doc.key_marks.get(key_ptr) or doc.mark(pointer)
            excerpt = bad_key
        else:
            line, col = doc.mark(pointer)
            inst = error.instance
            excerpt = inst if isinstance(inst, str) else (str(inst) if isinstance(inst, (int, float)) else "")
        out.append(SchemaViolation(pointer, line, col, message, excerpt))
    out.sort(key=lambda v: (v.line, v.column, v.message))
    return out
