"""The fast yes/no schema check agrees with jsonschema, on real records and on broken ones."""

from __future__ import annotations

import copy
import functools
import glob
import os
import tempfile

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from medlint.records.schemacheck import Compiler, UnsupportedSchema, json_equal
from medlint.records.validate import is_valid, validator
from medlint.records.yamlio import load_yaml
from support import HERE, REPO, SEED_RECORDS, article_from_text

FIXTURES = os.path.join(HERE, "fixtures", "articles")
SCHEMA_NAMES = sorted(os.path.basename(p)[: -len(".schema.json")] for p in glob.glob(os.path.join(REPO, "schema", "*.json")))

# Values that break most schemas in some way; each is tried in place of a node.
BAD_VALUES = [None, True, False, 0, 1, -1, 2.5, "", " ", "x", "Two Words", "2025-02-30", "2025-02-03", [], [""], {}, {"zz": 1}]


def _schema_for(path: str) -> str:
    name = os.path.basename(path)
    if os.path.basename(os.path.dirname(path)) == "checks":
        return f"checks-{name[:-5]}"
    if name == "article.yaml":
        return "article"
    if name == "waivers.yaml":
        return "waivers"
    return "section"


@functools.lru_cache(maxsize=None)
def corpus() -> tuple[tuple[str, str, object], ...]:
    """(file name, schema name, data) for the seed's records, the imported fixtures and checks/."""
    paths = sorted(glob.glob(os.path.join(SEED_RECORDS, "*.yaml")))
    paths += sorted(glob.glob(os.path.join(REPO, "checks", "*.yaml")))
    tmp = tempfile.mkdtemp(prefix="medlint-schemacheck-")
    for name in sorted(os.listdir(FIXTURES)):
        if name.endswith((".txt", ".md")) and name != "README.md":
            with open(os.path.join(FIXTURES, name), encoding="utf-8") as fh:
                folder = article_from_text(fh.read(), tmp, slug=name.rsplit(".", 1)[0], markdown=name.endswith(".md"))
            paths += sorted(glob.glob(os.path.join(folder, "*.yaml")))
    return tuple((os.path.basename(p), _schema_for(p), load_yaml(p).data) for p in paths)


def _paths(node, prefix=()):
    yield prefix
    if isinstance(node, dict):
        for k, v in node.items():
            yield from _paths(v, prefix + (k,))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield from _paths(v, prefix + (i,))


def _mutate(data, path, how, value):
    data = copy.deepcopy(data)
    if not path:
        return value if how == "replace" else data
    parent = data
    for step in path[:-1]:
        parent = parent[step]
    last = path[-1]
    if how == "replace":
        parent[last] = value
    elif how == "delete":
        del parent[last]
    elif how == "add-key" and isinstance(parent[last], dict):
        parent[last]["zz_unknown"] = value
    elif how == "duplicate" and isinstance(parent[last], list) and parent[last]:
        parent[last].append(copy.deepcopy(parent[last][0]))
    return data


def _agree(schema: str, data) -> None:
    fast = is_valid(schema)(data)
    slow = validator(schema).is_valid(data)
    assert fast == slow, (schema, fast, [e.message for e in validator(schema).iter_errors(data)][:3])


@pytest.mark.parametrize("name", SCHEMA_NAMES)
def test_every_shipped_schema_compiles(name):
    assert callable(is_valid(name))


def test_real_records_are_valid_for_both():
    seen = set()
    for _, schema, data in corpus():
        assert is_valid(schema)(data), schema
        assert validator(schema).is_valid(data), schema
        seen.add(schema)
    assert {"article", "section"} <= seen and any(s.startswith("checks-") for s in seen)


def test_every_single_mutation_of_a_dosed_item_agrees():
    """Each node of the seed's richest dosed item (and the section's top levels) replaced by each
    bad value, deleted, or given an unknown key."""
    name, schema, data = next(c for c in corpus() if "drug" in c[0])
    items = [p for p in _paths(data) if p and p[-1] == "doses"]
    richest = max(items, key=lambda p: len(list(_paths(_get(data, p)))))[:-1]
    paths = [p for p in _paths(data) if len(p) <= 2 or p[: len(richest)] == richest]
    tried = 0
    for path in paths:
        for value in BAD_VALUES:
            _agree(schema, _mutate(data, path, "replace", value))
            tried += 1
        for how in ("delete", "add-key", "duplicate"):
            if path:
                _agree(schema, _mutate(data, path, how, 1))
                tried += 1
    assert tried > 500, name


def _get(data, path):
    for step in path:
        data = data[step]
    return data


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_random_mutations_agree(data):
    docs = corpus()
    _, schema, doc = docs[data.draw(st.integers(0, len(docs) - 1), label="doc")]
    paths = list(_paths(doc))
    mutated = doc
    for _ in range(data.draw(st.integers(1, 3), label="mutations")):
        paths = list(_paths(mutated))
        path = paths[data.draw(st.integers(0, len(paths) - 1), label="path")]
        how = data.draw(st.sampled_from(["replace", "delete", "add-key", "duplicate"]), label="how")
        value = data.draw(st.sampled_from(BAD_VALUES), label="value")
        if how == "delete" and not path:
            continue
        mutated = _mutate(mutated, path, how, value)
    _agree(schema, mutated)


def test_json_equality_keeps_booleans_apart_from_numbers():
    assert json_equal(1, 1.0)
    assert not json_equal(True, 1)
    assert not json_equal([False], [0])
    assert json_equal({"a": [1, "x"]}, {"a": [1.0, "x"]})
    assert not json_equal({"a": 1}, {"b": 1})


def _compile(schema: dict):
    schema = {"$id": "https://example.test/s.json", **schema}
    return Compiler({schema["$id"]: schema}).compile(schema["$id"])


def test_recursive_references_and_integer_floats():
    check = _compile({
        "type": "object", "additionalProperties": False,
        "properties": {"n": {"type": "integer", "minimum": 1}, "next": {"$ref": "#"}},
    })
    assert check({"n": 2.0, "next": {"n": 1, "next": {}}})
    assert not check({"n": 2, "next": {"n": 0}})
    assert not check({"n": True})
    assert not check({"n": 1, "next": {"extra": 1}})


def test_an_unimplemented_keyword_is_refused_not_skipped():
    with pytest.raises(UnsupportedSchema, match="dependentRequired"):
        _compile({"type": "object", "dependentRequired": {"a": ["b"]}})
    with pytest.raises(UnsupportedSchema, match="prefixItems"):
        _compile({"properties": {"x": {"prefixItems": [{"type": "string"}]}}})
