"""Check time grows linearly with the text: every pattern of checks/*.yaml and every
module-level pattern of the checks and the dose parser is timed on 100,000-character
pathological texts (long digit runs, repeated cue words, "1-" runs, spaces,
punctuation), and must stay fast there and grow about tenfold from 10,000 characters.

A quadratic pattern takes seconds at 100,000 characters and ~100x its 10,000-character
time, so both bounds fail for it; a linear one takes milliseconds."""

from __future__ import annotations

import os
import re
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator, FormatChecker

from medlint.records.validate import _registry, _schema_id
from medlint.records.yamlio import load_yaml
from medlint.resources import checks_dir

BIG = 100_000
SMALL = 10_000
LIMIT_S = 0.5          # per pattern and shape at 100,000 characters
GROWTH = 3 * 10        # 10x the text may take at most 30x the time (quadratic: ~100x)
NOISE_S = 0.004        # below this a time is noise, not growth


def data_patterns() -> list[tuple[str, str, int]]:
    """(where, pattern, flags) for every `format: regex` string of checks/*.yaml."""
    out: list[tuple[str, str, int]] = []
    for name in sorted(n[:-5] for n in os.listdir(checks_dir()) if n.endswith(".yaml")):
        found: list[str] = []
        checker = FormatChecker(())
        checker.checks("regex")(lambda s, found=found: found.append(s) or True)
        schema = _registry().contents(_schema_id(f"checks-{name}"))
        validator = Draft202012Validator(schema, registry=_registry(), format_checker=checker)
        list(validator.iter_errors(load_yaml(os.path.join(checks_dir(), f"{name}.yaml")).data))
        out += [(f"checks/{name}.yaml", p, re.I) for p in dict.fromkeys(found)]
    return out


def module_patterns() -> list[tuple[str, re.Pattern]]:
    """(where, compiled pattern) for the module-level patterns of the checks and the dose parser."""
    import importlib

    from medlint.doses import parser

    names = ["claims", "consistency", "dosing", "notation", "units", "review", "disclaimer", "waivers", "schema"]
    modules = [importlib.import_module(f"medlint.checks.{n}") for n in names] + [parser]
    out: list[tuple[str, re.Pattern]] = []

    def collect(where, value, depth=0):
        if isinstance(value, re.Pattern):
            out.append((where, value))
        elif isinstance(value, parser._lazy):
            out.append((where, value._get()))
        elif isinstance(value, str) and where.endswith("_PATTERNS"):
            out.append((where, re.compile(value, re.I)))
        elif isinstance(value, (list, tuple)) and depth < 2:
            for v in value:
                collect(where, v, depth + 1)

    for mod in modules:
        for key, value in vars(mod).items():
            collect(f"{mod.__name__}.{key}", value)
    return out


def _words(pattern: str) -> str:
    """The literal words of a pattern, as a phrase to repeat ("some studies show ")."""
    words = re.findall(r"[A-Za-z]{2,}", re.sub(r"\\[A-Za-z]", " ", pattern))
    return " ".join(words[:12]) + " " if words else "word "


def shapes(n: int, pattern: str) -> dict[str, str]:
    """Pathological runs of ``n`` characters for one pattern."""
    def rep(unit: str) -> str:
        return (unit * (n // len(unit) + 1))[:n]

    words = _words(pattern)
    return {
        "digits": rep("1"),
        "some": rep("some "),
        "1-": rep("1-"),
        "spaces": "x" + " " * (n - 2) + "x",
        "punctuation": rep(".,;:-–%()[]/"),
        "hyphenated": rep("Ab-"),
        "digit-dots": rep("1."),
        "cue-words": rep(words),
        "cue-words-glued": rep(words.replace(" ", "")),
        "numbers-and-cues": rep("1 " + words),
    }


def pathological(n: int, pattern: str) -> str:
    """One text of ``n`` characters: every shape, each a run of a tenth of it, one per line."""
    runs = shapes(n // 10 - 1, pattern)
    return "\n".join(runs.values()) + "\n"


def _time(rx: re.Pattern, text: str) -> float:
    t = time.thread_time()  # CPU time: other processes on a busy machine do not count
    rx.findall(text)  # every match, as a search does it; the C loop keeps the test fast
    return time.thread_time() - t


def _cases():
    # A pattern without a repeat does bounded work at each position: it cannot grow faster than the text.
    repeats = re.compile(r"[*+]|\{\d*,\d*\}")
    seen = set()
    for where, pattern, flags in data_patterns():
        if repeats.search(pattern) and (pattern, flags) not in seen:
            seen.add((pattern, flags))
            yield pytest.param(pattern, flags, id=f"{where}:{pattern[:40]}")
    for where, rx in module_patterns():
        if repeats.search(rx.pattern) and (rx.pattern, rx.flags) not in seen:
            seen.add((rx.pattern, rx.flags))
            yield pytest.param(rx.pattern, rx.flags, id=f"{where}:{rx.pattern[:40]}")


CASES = list(_cases())


def test_the_patterns_are_found():
    """The collectors find the data and module patterns (a test that silently times nothing would pass)."""
    assert len(data_patterns()) > 150
    assert len(module_patterns()) > 40
    assert len(CASES) > 100


@pytest.mark.parametrize("pattern,flags", CASES)
def test_pattern_time_is_linear_in_the_text(pattern, flags):
    rx = re.compile(pattern, flags)
    big = _time(rx, pathological(BIG, pattern))
    assert big < LIMIT_S, f"{big:.2f} s on {BIG:,} characters"
    if big > NOISE_S:
        small = min(_time(rx, pathological(SMALL, pattern)) for _ in range(3))
        if big > GROWTH * max(small, NOISE_S / 10):
            big = min(_time(rx, pathological(BIG, pattern)) for _ in range(2))  # a busy machine, not growth?
        assert big <= GROWTH * max(small, NOISE_S / 10), (
            f"{small * 1000:.1f} ms at {SMALL:,} characters, {big * 1000:.1f} ms at {BIG:,}")


def test_a_quadratic_pattern_fails_the_bounds():
    """The bounds catch what they are for: the statistics pattern before its (?<!\\d) took
    ~100x longer for 10x the digits."""
    rx = re.compile(r"\d+(?:[.,]\d+)?\s*%")
    small, big = _time(rx, pathological(SMALL // 2, "")), _time(rx, pathological(BIG // 5, ""))
    assert big > GROWTH * small / 2


# --------------------------------------------------------------------------
# DOS004 compares a dose with a summary of the earlier ones, not with each


def _first_conflict_by_scan(entries, record, q, multi, factor):
    from medlint.checks.dosing import _conflicts

    return next(((pq, s, t) for r, pq, s, t in entries if r is not record and _conflicts(q, pq, multi, factor)), None)


@given(st.lists(st.tuples(st.integers(0, 3), st.sampled_from([1, 5, 10, 100, 1000, 0]),
                          st.sampled_from(["mg", "g", "mcg", "mL"])), max_size=25),
       st.booleans())
@settings(max_examples=60, deadline=None)
def test_dos004_summary_finds_what_a_scan_finds(doses, multi):
    from medlint.checks.dosing import _Seen
    from medlint.doses import units

    records = [object() for _ in range(4)]
    seen, entries = _Seen(100), []
    for r, amount, unit in sorted(doses, key=lambda d: d[0]):  # a record's doses come together
        q = units.quantity(float(amount), unit)
        expected = _first_conflict_by_scan(entries, records[r], q, multi, 100)
        assert seen.first_conflict(records[r], q, multi) == expected
        seen.add(records[r], q, f"{amount} {unit}", f"{amount} {unit}")
        entries.append((records[r], q, f"{amount} {unit}", f"{amount} {unit}"))
