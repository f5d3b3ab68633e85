"""Baselines: fingerprints survive line moves and rewording; the file is deterministic."""

import dataclasses
import json

import pytest

from medlint.baseline import filter_new, fingerprint, write_baseline
from medlint.findings import Finding


def F(excerpt="90 %", line=4, record="010-a.yaml#/blocks/0", check="CLM001", message="m"):
    return Finding(check=check, category="claims", severity="error", path="c/x/010-a.yaml", line=line, column=2,
                   article="x", record=record, section=None, excerpt=excerpt, context="", message=message,
                   suggestion="")


def test_fingerprint_ignores_position_and_wording():
    f = F()
    assert fingerprint(f) == fingerprint(dataclasses.replace(f, line=40, column=9, message="reworded",
                                                             suggestion="new", severity="warning"))
    for change in ({"excerpt": "80 %"}, {"record": "010-a.yaml#/blocks/1"}, {"check": "CLM002"}, {"article": "y"}):
        assert fingerprint(dataclasses.replace(f, **change)) != fingerprint(f)


def test_write_is_deterministic_and_order_independent():
    fs = [F(), F(excerpt="b"), F(excerpt="b", line=9)]
    text = write_baseline(fs)
    assert text == write_baseline(list(reversed(fs)))
    doc = json.loads(text)
    assert doc["version"] == 1 and sorted(e["count"] for e in doc["findings"]) == [1, 2]
    assert [e["fingerprint"] for e in doc["findings"]] == sorted(e["fingerprint"] for e in doc["findings"])


def test_filter_new_after_lines_move():
    base = write_baseline([F(), F(excerpt="b")])
    moved = [F(line=30), F(excerpt="b", line=31), F(excerpt="new", line=32)]
    new, known = filter_new(moved, base)
    assert known == 2 and [f.excerpt for f in new] == ["new"]


def test_counts_make_an_extra_copy_new():
    base = write_baseline([F()])
    new, known = filter_new([F(line=1), F(line=2)], base)
    assert known == 1 and len(new) == 1


@pytest.mark.parametrize("text", ["", "[]", '{"version": 2, "findings": []}', '{"version": 1, "findings": [{}]}'])
def test_bad_baseline_is_a_value_error(text):
    with pytest.raises(ValueError):
        filter_new([F()], text)
