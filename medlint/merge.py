"""``medlint report --merge``: one report from the JSON outputs of sharded runs.

Each file is checked against ``schema/check-output.schema.json`` before any of
it is used, and the shards must not contradict each other (an article in two
shards, a finding for an article its shard does not list). Anything wrong
stops the merge with one line, ``<file>: <what is wrong>`` (exit 2). An
article a shard could not check keeps its ``error``: the merged report shows
it and ``report --merge`` exits 2, as the single run does.
"""

from __future__ import annotations

import json

from medlint.errors import InputError
from medlint.findings import Finding
from medlint.records.yamlio import read_text
from medlint.waivers import Waiver

SCHEMA = "check-output"
_JSON_TYPES = ((bool, "a boolean"), (int, "an integer"), (float, "a number"), (str, "a string"),
               (list, "an array"), (dict, "an object"), (type(None), "null"))


def _short(value) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 40 else text[:37] + "..."


def _kind(value) -> str:
    return next(name for t, name in _JSON_TYPES if isinstance(value, t))


def _no_duplicate_keys(pairs):
    out = {}
    for key, value in pairs:
        if key in out:
            raise InputError(f"duplicate key {_short(key)} in one object")
        out[key] = value
    return out


def _describe(error) -> str:
    """One line for a schema error: where (a JSON pointer) and what is wrong."""
    where = "".join(f"/{p}" for p in error.absolute_path)
    value, rule, expected = error.instance, error.validator, error.validator_value
    if rule == "const" and where == "/version":
        what = f"version {_short(value)} is not supported (this medlint reads version 1)"
    elif rule == "type":
        names = expected if isinstance(expected, list) else [expected]
        what = f"expected {' or '.join(names)}, got {_kind(value)} {_short(value)}"
    elif rule == "required":
        missing = [k for k in expected if isinstance(value, dict) and k not in value]
        what = f"missing key {_short(missing[0] if missing else expected[0])}"
    elif rule == "additionalProperties":
        known = set(error.schema.get("properties", {}))
        extra = sorted(k for k in value if k not in known) if isinstance(value, dict) else []
        what = f"unknown key {_short(extra[0] if extra else '')}"
    elif rule in ("minimum", "maximum"):
        what = f"{_short(value)} is out of range ({rule} {expected})"
    elif rule == "enum":
        what = f"{_short(value)} is not one of: {', '.join(map(str, expected))}"
    elif rule == "format":
        what = f"{_short(value)} is not a valid {expected}"
    elif rule == "pattern":
        what = f"{_short(value)} is not a check ID (three capitals and three digits)"
    else:
        what = f"{_short(value)} is invalid ({rule})"
    return f"{where}: {what}" if where else what


def load_output(path: str) -> dict:
    """One ``check --format json`` output, parsed and validated (else InputError)."""
    text = read_text(path)
    try:
        doc = json.loads(text, object_pairs_hook=_no_duplicate_keys)
    except json.JSONDecodeError as exc:
        raise InputError(f"not JSON: {exc.msg}", path, exc.lineno, exc.colno) from None
    except InputError as exc:  # from _no_duplicate_keys
        raise InputError(f"not a `medlint check --format json` output: {exc.message}", path) from None
    except RecursionError:
        raise InputError("not a `medlint check --format json` output: nested too deeply", path) from None
    except ValueError as exc:  # e.g. an integer of more digits than Python converts
        raise InputError(f"not JSON: {str(exc).split(':')[0]}", path) from None
    from medlint.records.validate import is_valid, validator

    if not is_valid(SCHEMA)(doc):
        from jsonschema.exceptions import best_match

        error = best_match(validator(SCHEMA).iter_errors(doc))
        raise InputError(f"not a `medlint check --format json` output: {_describe(error)}", path)
    return doc


def _finding(data: dict) -> Finding:
    return Finding.from_json(dict(data, line=int(data["line"]), column=int(data["column"])))


def _carry_errors(doc: dict, path: str) -> None:
    """Each line of the shard's ``summary.errors`` stays with its article (``error``), so the merged
    report shows it and exits 2 like the single run. A line no article carries (a shard written
    before articles carried their error) goes to the article whose folder its path names."""
    infos = doc["articles"]
    carried = {i.get("error") for i in infos if i.get("error")}
    for line in doc["summary"].get("errors", []):
        if line in carried:
            continue
        where = line.split(":", 1)[0].replace("\\", "/").split("/")
        owner = next((i for i in infos if i["slug"] in where and not i.get("error")), None)
        if owner is None:
            raise InputError(f"summary error {_short(line)} names none of this file's articles", path)
        owner["error"] = line
        carried.add(line)


def merge_outputs(paths: list[str]) -> tuple[list[dict], list[Finding], list[tuple[Finding, Waiver]]]:
    """Article infos, open findings and waived pairs from ``check --format json`` files."""
    infos: dict[str, dict] = {}
    where: dict[str, str] = {}
    findings: list[Finding] = []
    waived: list[tuple[Finding, Waiver]] = []
    for path in paths:
        doc = load_output(path)
        mine = set()
        for info in doc["articles"]:
            slug = info["slug"]
            if slug in infos:
                also = "twice in this file" if slug in mine else f"also in {where[slug]}"
                raise InputError(f"article {_short(slug)} is listed {also}", path)
            infos[slug], where[slug] = info, path
            mine.add(slug)
        for key in ("findings", "waived"):
            for i, item in enumerate(doc.get(key, [])):
                if item["article"] not in mine:
                    raise InputError(f"/{key}/{i}: article {_short(item['article'])} is not among this file's "
                                     "articles", path)
        _carry_errors(doc, path)
        findings += [_finding(f) for f in doc["findings"]]
        for item in doc.get("waived", []):
            w = item.pop("waiver")
            f = _finding(item)
            waived.append((f, Waiver.from_json(w, f.article)))
    findings.sort(key=Finding.sort_key)
    waived.sort(key=lambda p: p[0].sort_key())
    return [infos[k] for k in sorted(infos)], findings, waived
