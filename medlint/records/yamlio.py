"""Safe YAML reading with line marks, and atomic YAML writing.

Records are read from the parser's event stream (libyaml's C parser where
available) instead of PyYAML's composer and constructor, so that in one pass:

* every value gets its position (a JSON pointer -> 1-based line and column);
* duplicate keys are rejected (PyYAML silently keeps the last one);
* anchors and aliases are rejected (records never need them, and refusing them
  defuses alias bombs);
* nesting is bounded without recursion (a deeply nested document cannot blow
  the C stack);
* only plain data comes out: str, int, float, bool, None, list, dict.
  Timestamps stay strings ("2025-05-19") so JSON Schema sees what the editor wrote.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field

import yaml

from medlint.errors import InputError, WriteError

try:  # libyaml: fast and safe
    _Loader = yaml.CSafeLoader
    _Dumper = yaml.CSafeDumper
except AttributeError:  # pragma: no cover - pure-Python fallback
    _Loader = yaml.SafeLoader
    _Dumper = yaml.SafeDumper

MAX_DEPTH = 64
MAX_BYTES = 8 * 1024 * 1024
#: Integers wider than a float can hold (~308 decimal digits) are refused where they
#: are read: no record needs one, and a check or message would fail on it later.
MAX_INT_BITS = 1023

_INT = "tag:yaml.org,2002:int"
_FLOAT = "tag:yaml.org,2002:float"
_BOOL = "tag:yaml.org,2002:bool"
_NULL = "tag:yaml.org,2002:null"
_STR = "tag:yaml.org,2002:str"
_TIMESTAMP = "tag:yaml.org,2002:timestamp"
_SCALAR_TAGS = {_INT, _FLOAT, _BOOL, _NULL, _STR, _TIMESTAMP}
_MAP_TAG = "tag:yaml.org,2002:map"
_SEQ_TAG = "tag:yaml.org,2002:seq"


@dataclass
class Document:
    """A loaded YAML file: its data, where each value sits, and its lines."""

    path: str
    data: object
    marks: dict[str, tuple[int, int]] = field(default_factory=dict)
    key_marks: dict[str, tuple[int, int]] = field(default_factory=dict)
    text: str = ""

    def mark(self, pointer: str) -> tuple[int, int]:
        """Line and column of the value at ``pointer`` (or its nearest parent)."""
        while True:
            if pointer in self.marks:
                return self.marks[pointer]
            if not pointer:
                return (1, 1)
            pointer = pointer.rsplit("/", 1)[0]

    def line_text(self, line: int) -> str:
        lines = self.__dict__.get("_lines")
        if lines is None:
            lines = self.__dict__["_lines"] = self.text.split("\n")  # split once, on first use
        return lines[line - 1] if 0 < line <= len(lines) else ""


def escape_pointer(token: str) -> str:
    return token.replace("~", "~0").replace("/", "~1")


def read_text(path: str | os.PathLike, raw: bytes | None = None) -> str:
    """Read a file as UTF-8 text, refusing binary, oversized and undecodable files
    (``raw``: its bytes, when the caller has read them already)."""
    p = str(path)
    try:
        if raw is None:
            with open(p, "rb") as fh:
                raw = fh.read(MAX_BYTES + 1)
    except IsADirectoryError:
        raise InputError("is a directory, expected a file", p) from None
    except OSError as exc:
        raise InputError(f"cannot read file: {exc.strerror or exc}", p) from None
    if len(raw) > MAX_BYTES:
        raise InputError(f"file is larger than {MAX_BYTES // (1024 * 1024)} MiB", p)
    if b"\x00" in raw:
        line = raw.count(b"\n", 0, raw.index(b"\x00")) + 1
        raise InputError("binary file (contains NUL bytes), expected UTF-8 text", p, line)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        raise InputError(f"not UTF-8 text (byte 0x{raw[exc.start]:02x})", p, line, col) from None
    if text.startswith("\ufeff"):
        text = text[1:]
    return text


def load_yaml(path: str | os.PathLike, text: str | None = None, marks: bool = True) -> Document:
    """Load one YAML file safely; raise InputError (located) on anything unusable.
    ``marks``: False leaves the document's marks empty (the data, refused or not,
    is the same), for a caller that parses again with marks to locate a problem."""
    p = str(path)
    if text is None:
        text = read_text(p)
    if not text.strip():
        raise InputError("empty file, expected a YAML mapping", p, 1)
    doc = Document(path=p, data=None, text=text)
    loader = _Loader(text)
    try:
        doc.data = _TreeBuilder(loader, doc, marks).build()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or exc.context or "invalid YAML"
        line, col = (mark.line + 1, mark.column + 1) if mark else (None, None)
        raise InputError(f"invalid YAML: {problem}", p, line, col) from None
    except yaml.reader.ReaderError as exc:
        raise _reader_error(exc, text, p) from None
    except yaml.YAMLError as exc:
        raise InputError(f"invalid YAML: {exc}", p) from None
    finally:
        loader.dispose()
    if doc.data is None:
        raise InputError("empty document, expected a YAML mapping", p, 1)
    return doc


def _reader_error(exc, text: str, path: str) -> InputError:
    """A character YAML does not allow (a control character), located at its first occurrence."""
    code = exc.character
    if not isinstance(code, int):
        return InputError(f"invalid YAML: {exc.reason}", path)
    offset = text.find(chr(code))  # the reader stops at the first forbidden character
    if offset < 0:
        return InputError(f"invalid YAML: character U+{code:04X} is not allowed", path)
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return InputError(f"invalid YAML: control character U+{code:04X} is not allowed "
                      "(remove it, or write it as an escape in a double-quoted string)", path, line, column)


class _NoKey:
    __slots__ = ()


_NO_KEY = _NoKey()


class _TreeBuilder:
    """Turns the parser's event stream into plain data, recording where each value sits
    (``marks``: False records nothing, for a caller that needs the data only and parses
    again, with marks, to locate a problem).

    Iterative (a stack of open containers, bounded by MAX_DEPTH), so deep nesting cannot
    exhaust the C stack; every refusal is an InputError at the event's position. The loop
    keeps the open container, its pointer and the key waiting for its value in locals: it
    runs once per event of every record and data file a run reads."""

    def __init__(self, loader, doc: Document, marks: bool = True) -> None:
        self.loader = loader
        self.doc = doc
        self.marks = marks

    def located(self, msg: str, mark) -> InputError:
        return InputError(msg, self.doc.path, mark.line + 1, mark.column + 1)

    def build(self):
        loader, located = self.loader, self.located
        check_event, get_event = loader.check_event, loader.get_event
        marks = self.doc.marks if self.marks else None
        key_marks = self.doc.key_marks
        # the open containers below the current one: (container, pointer, key, key mark)
        stack: list[tuple] = []
        root = container = None  # the open mapping or sequence (None: at the top)
        is_map = False
        pointer = ""  # the open container's pointer
        key = _NO_KEY  # the open mapping's key waiting for its value
        key_mark = None  # where that key was written
        documents = 0
        while check_event():
            event = get_event()
            etype = type(event)
            if etype is _SCALAR:
                if event.anchor is not None:
                    raise _anchor(event, located)
                value = _scalar(loader, event, located)
                if is_map and key is _NO_KEY:
                    key = _key(value, container, event, located)
                    key_mark = (event.start_mark.line + 1, event.start_mark.column + 1)
                    continue
            elif etype is _MAP_START or etype is _SEQ_START:
                if event.anchor is not None:
                    raise _anchor(event, located)
                mapping = etype is _MAP_START
                if event.tag not in (None, "!", _MAP_TAG if mapping else _SEQ_TAG):
                    raise located(f"unsupported YAML tag {event.tag}", event.start_mark)
                if is_map and key is _NO_KEY:
                    raise located("a mapping key must be a plain scalar", event.start_mark)
                if len(stack) >= MAX_DEPTH:
                    raise located(f"nesting deeper than {MAX_DEPTH} levels", event.start_mark)
                value = {} if mapping else []
            elif etype is _MAP_END or etype is _SEQ_END:
                container, pointer, key, key_mark = stack.pop()
                is_map = type(container) is dict
                continue
            elif etype is _DOC_START:
                documents += 1
                if documents > 1:
                    raise located("more than one YAML document in the file", event.start_mark)
                continue
            elif etype is _ALIAS:
                raise located("YAML aliases (*name) are not allowed in records", event.start_mark)
            else:
                continue
            # a value: marked where it sits, then attached to the open container
            if marks is not None:
                if container is None:
                    child = ""
                elif is_map:
                    child = f"{pointer}/{escape_pointer(key)}"
                    key_marks[child] = key_mark
                else:
                    child = f"{pointer}/{len(container)}"
                marks[child] = (event.start_mark.line + 1, event.start_mark.column + 1)
            else:
                child = ""
            if container is None:
                root = value
            elif is_map:
                container[key] = value
                key = _NO_KEY
            else:
                container.append(value)
            if etype is not _SCALAR:
                stack.append((container, pointer, key, key_mark))
                container, pointer, key, key_mark, is_map = value, child, _NO_KEY, None, etype is _MAP_START
        return root


_SCALAR, _ALIAS, _DOC_START = yaml.ScalarEvent, yaml.AliasEvent, yaml.DocumentStartEvent
_MAP_START, _MAP_END = yaml.MappingStartEvent, yaml.MappingEndEvent
_SEQ_START, _SEQ_END = yaml.SequenceStartEvent, yaml.SequenceEndEvent


def _anchor(event, located) -> InputError:
    return located("YAML anchors (&name) are not allowed in records", event.start_mark)


def _key(value, mapping: dict, event, located) -> str:
    """A scalar read as the open mapping's next key (as text); a key it holds already is refused."""
    key = value if isinstance(value, str) else str(value).lower() if isinstance(value, bool) else str(value)
    if key in mapping:
        raise located(f"duplicate key '{key}' (an earlier value would be silently lost)", event.start_mark)
    return key


def _scalar(loader, event, located):
    value = event.value
    if event.tag in (None, "!"):
        tag = loader.resolve(yaml.ScalarNode, value, event.implicit)
    else:
        tag = event.tag
        if tag not in _SCALAR_TAGS:
            raise located(f"unsupported YAML tag {tag}", event.start_mark)
    if tag == _STR or tag == _TIMESTAMP:
        return value
    node = yaml.ScalarNode(tag, value, event.start_mark, event.end_mark, event.style)
    try:
        if tag == _INT:
            number = loader.construct_yaml_int(node)
            if number.bit_length() > MAX_INT_BITS:
                raise located(f"integer {_short(value)} is too large", event.start_mark)
            return number
        if tag == _FLOAT:
            number = loader.construct_yaml_float(node)
            if number != number or number in (float("inf"), float("-inf")):
                raise located(f"{_short(value)} is not a finite number", event.start_mark)
            return number
        if tag == _BOOL:
            return loader.construct_yaml_bool(node)
        if tag == _NULL:
            return None
    except (ValueError, yaml.YAMLError):
        raise located(f"cannot read {_short(value)!r} as {tag.rsplit(':', 1)[-1]}", event.start_mark) from None
    return value  # pragma: no cover


def _short(value: str, limit: int = 40) -> str:
    return value if len(value) <= limit else f"{value[:limit]}… ({len(value)} characters)"


# ---------------------------------------------------------------------------
# writing


class _RecordDumper(_Dumper):
    """Block style, keys in the order given, long lines kept whole."""


def _str_representer(dumper, data: str):
    style = None
    if "\n" in data:
        style = "|"
    return dumper.represent_scalar(_STR, data, style=style)


_RecordDumper.add_representer(str, _str_representer)


def dump_yaml(data, header: str = "") -> str:
    body = yaml.dump(
        data,
        Dumper=_RecordDumper,
        sort_keys=False,
        allow_unicode=True,
        width=1_000_000,
        default_flow_style=False,
        indent=2,
    )
    return header + body


def atomic_write(path: str | os.PathLike, text: str) -> None:
    """Write ``text`` to ``path`` via a temporary file beside it and a rename.

    A symbolic link is written through: its target gets the new text and the link
    stays a link. Any failure of the file system (a read-only folder, a full disk,
    a name too long) removes the temporary file and raises WriteError naming ``path``.
    """
    shown = str(path)
    target = os.path.realpath(shown) if os.path.islink(shown) else shown
    folder, name = os.path.split(target)
    import tempfile  # here: a command that writes nothing does not import it

    tmp = None
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{name[:64]}.", suffix=".tmp", dir=folder or ".")
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        try:
            mode = os.stat(target).st_mode & 0o777
        except FileNotFoundError:
            mode = 0o644
        os.chmod(tmp, mode)
        os.replace(tmp, target)
    except OSError as exc:
        _discard(tmp)
        raise WriteError.from_os(exc, shown) from None
    except BaseException:
        _discard(tmp)
        raise


def _discard(tmp: str | None) -> None:
    if tmp is None:
        return
    try:
        os.unlink(tmp)
    except OSError:
        pass
