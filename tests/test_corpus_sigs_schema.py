"""The sig table of the accuracy corpus (tests/corpus/sigs.yaml) is well formed: it validates
against tests/corpus/sigs.schema.json, its ids are unique, its ranges run low to high, and its
labels keep the table's own rules (README "The sig table")."""

import collections
import json
import os
import re

import pytest
import yaml
from jsonschema import Draft202012Validator

CORPUS = os.path.join(os.path.dirname(__file__), "corpus")
CLASSES = ("uk", "us", "lab", "sched", "wk", "kg", "form", "unb")


@pytest.fixture(scope="module")
def schema():
    with open(os.path.join(CORPUS, "sigs.schema.json"), encoding="utf-8") as fh:
        return json.load(fh)


@pytest.fixture(scope="module")
def rows():
    with open(os.path.join(CORPUS, "sigs.yaml"), encoding="utf-8") as fh:
        return yaml.load(fh, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def test_schema_is_well_formed(schema):
    Draft202012Validator.check_schema(schema)


def test_table_validates_against_schema(schema, rows):
    errors = sorted(Draft202012Validator(schema).iter_errors(rows), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors[:20])


def test_ids_are_unique(rows):
    counts = collections.Counter(row["id"] for row in rows)
    assert [i for i, n in counts.items() if n > 1] == []


def test_every_class_has_at_least_twenty_rows(rows):
    counts = collections.Counter(row["id"].split("-")[0] for row in rows)
    assert {c: counts[c] for c in CLASSES if counts[c] < 20} == {}
    assert len(rows) >= 420


def test_ranges_run_low_to_high(rows):
    bad = [row["id"] for row in rows if row["amount"] and row["amount"]["low"] > row["amount"]["high"]]
    bad += [row["id"] for row in rows if row["per_day"] and row["per_day"]["min"] > row["per_day"]["max"]]
    assert bad == []


def test_unbounded_rows_have_nothing_that_caps_them(rows):
    # bounded is false only when nothing caps the daily intake: no count a day, no max,
    # no schedule longer than a day
    capped = [row["id"] for row in rows if not row["bounded"]
              and (row["per_day"] or row["max"] or row["every_days"])]
    assert capped == []


def test_ids_are_numbered_in_order_within_each_class(rows):
    seen = collections.defaultdict(list)
    for row in rows:
        cls, num = re.fullmatch(r"([a-z][a-z0-9]*)-([0-9]{3})", row["id"]).groups()
        seen[cls].append(int(num))
    assert {c: n for c, n in seen.items() if n != list(range(1, len(n) + 1))} == {}


def test_a_schedule_longer_than_a_day_has_no_daily_count(rows):
    both = [row["id"] for row in rows if row["every_days"] and row["per_day"]]
    assert both == []
