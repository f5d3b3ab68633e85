"""The schemas are documentation: $ids, closed objects, a description on every property;
and every file in checks/ has a schema and validates against it."""

import json
import os

import pytest
from jsonschema import Draft202012Validator

from medlint import policy
from medlint.resources import checks_dir, schema_dir

SCHEMAS = sorted(p for p in os.listdir(schema_dir()) if p.endswith(".json"))


def walk(node, path="#"):
    if isinstance(node, dict):
        yield path, node
        for k, v in node.items():
            yield from walk(v, f"{path}/{k}")
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield from walk(v, f"{path}/{i}")


@pytest.mark.parametrize("name", SCHEMAS)
def test_schema_is_well_formed(name):
    schema = json.load(open(os.path.join(schema_dir(), name), encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    assert schema["$id"].endswith("/" + name)
    for path, node in walk(schema):
        if node.get("type") == "object" or "properties" in node:
            extra = node.get("additionalProperties")
            if isinstance(extra, dict) and "properties" not in node:
                # a map keyed by names: the keys themselves must be constrained
                assert "propertyNames" in node, f"{name} {path}: a map must constrain its keys (propertyNames)"
            else:
                assert extra is False, f"{name} {path}: objects must reject unknown keys"
        for prop, sub in node.get("properties", {}).items() if isinstance(node.get("properties"), dict) else []:
            assert sub.get("description") or ("$ref" in sub and len(sub) == 1 and False) or sub.get("$ref"), \
                f"{name} {path}/properties/{prop}: every property needs a description"


@pytest.mark.parametrize("name", sorted(n[:-5] for n in os.listdir(checks_dir()) if n.endswith(".yaml")))
def test_every_check_data_file_has_a_schema_and_is_valid(name):
    assert os.path.exists(os.path.join(schema_dir(), f"checks-{name}.schema.json")), f"checks/{name}.yaml has no schema"
    policy.load.cache_clear()
    assert isinstance(policy.load(name), dict)


def test_unknown_key_in_check_data_is_rejected(tmp_path):
    import shutil
    from medlint.errors import InputError

    for n in os.listdir(checks_dir()):
        shutil.copy(os.path.join(checks_dir(), n), tmp_path / n)
    with open(tmp_path / "section-kinds.yaml", "a", encoding="utf-8") as fh:
        fh.write("extra: 1\n")
    policy.use_checks_dir(str(tmp_path))
    try:
        with pytest.raises(InputError) as exc:
            policy.load("section-kinds")
        assert "section-kinds.yaml" in str(exc.value) and "extra" in str(exc.value)
    finally:
        policy.use_checks_dir(None)


def _regex_validator(name):
    from medlint.records.validate import validator

    return validator(name, strict=True)


def test_every_pattern_in_shipped_check_data_compiles():
    """Patterns compile lazily at run time, so a bad one would only surface when
    a text first needs it; here every `format: regex` string is compiled."""
    from medlint.records.yamlio import load_yaml

    names = sorted(n[:-5] for n in os.listdir(checks_dir()) if n.endswith(".yaml"))
    assert len(names) >= 9
    for name in names:
        data = load_yaml(os.path.join(checks_dir(), f"{name}.yaml")).data
        problems = [e.message for e in _regex_validator(f"checks-{name}").iter_errors(data)]
        assert problems == [], (name, problems)


def test_a_bad_pattern_in_check_data_fails_that_compile():
    from medlint.records.yamlio import load_yaml

    data = load_yaml(os.path.join(checks_dir(), "claims.yaml")).data
    data["research_appeals"].append("studies (show")
    assert any("regex" in e.message for e in _regex_validator("checks-claims").iter_errors(data))
