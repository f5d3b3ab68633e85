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
from pathlib import Path

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

    from medlint.doses import text as dose_text

    names = ["claims", "consistency", "dosing", "notation", "units", "review", "disclaimer", "waivers", "schema"]
    # the dose reader's stages (medlint/doses/*.py), every one of them
    stages = sorted(p.stem for p in Path(dose_text.__file__).parent.glob("*.py") if p.stem != "__init__")
    modules = ([importlib.import_module(f"medlint.checks.{n}") for n in names]
               + [importlib.import_module(f"medlint.doses.{n}") for n in stages])
    out: list[tuple[str, re.Pattern]] = []

    def collect(where, value, depth=0):
        if isinstance(value, re.Pattern):
            out.append((where, value))
        elif isinstance(value, dose_text._lazy):
            out.append((where, value.compiled()))
        elif isinstance(value, str) and where.endswith("_PATTERNS"):
            out.append((where, re.compile(value, re.I)))
        elif isinstance(value, (list, tuple)) and depth < 2:
            for v in value:
                collect(where, v, depth + 1)

    for mod in modules:
        for key, value in vars(mod).items():
            collect(f"{mod.__name__}.{key}", value)
    # the dose reader's patterns built from checks/dose-lexicon.yaml, and the limit opening
    from medlint.doses import lexicon as dose_lexicon
    from medlint.doses import limits as dose_limits

    lex = dose_lexicon.lexicon()
    for obj, name in ((lex, "lexicon"), (lex.not_doses, "lexicon.not_doses")):
        for key in getattr(type(obj), "__slots__", ()) or vars(obj):
            collect(f"medlint.doses.{name}.{key}", getattr(obj, key))
    collect("medlint.doses.limits._limit_head", dose_limits._limit_head(lex.limit_words))
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
    small = min(_time(rx, pathological(SMALL // 5, "")) for _ in range(3))
    big = _time(rx, pathological(BIG // 5, ""))  # 10x the text, as above
    assert big > GROWTH * max(small, NOISE_S / 10)


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


# --------------------------------------------------------------------------
# Whole checks on pathological records

#: One run of each, side by side in one item (the reviewer's shapes and a few more).
ITEM_SHAPES = ["1", "some ", "1-", " ", ".,;:-–%()[]/", "cures ", "Ab-", "collagen and ", "1."]
#: Shapes dense in numbers: every few characters a dose for the parser.
DOSE_SHAPES = ["1% ", "1 mg ", "1-1-1-1 mg every 6 h; ", "Ibuprofen 400 mg every 6 h, max 1200 mg/day. ",
               "studies show most patients heal by 3 months regenerate 5 mg experimental "]


def pathological_item(n: int, units=ITEM_SHAPES) -> str:
    part = n // len(units)
    runs = [(u * (part // len(u) + 1))[:part] for u in units]
    return " x ".join(runs) + " x " + "1-" * (part // 10) + "1 mg every 6 h"


def article_with_item(root, text: str, slug: str = "p", kind: str = "investigational") -> str:
    from medlint.records.yamlio import dump_yaml

    folder = os.path.join(str(root), slug)
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, "article.yaml"), "w", encoding="utf-8") as fh:
        fh.write(f"title: Example\nslug: {slug}\nlanguage: en\n")
    section = {"heading": "Advanced Interventions", "level": 1, "kind": kind,
               "blocks": [{"style": "dash-line", "list": [{"text": text}]}]}
    with open(os.path.join(folder, "010-advanced-interventions.yaml"), "w", encoding="utf-8") as fh:
        fh.write(dump_yaml(section))
    return folder


def _check_time(root, text: str, slug: str) -> float:
    from medlint.engine import Options, check_article
    from medlint.registry import EXAMPLE_TODAY

    folder = article_with_item(root, f"{slug} {text}", slug)  # a text of its own: no memo answers for it
    t = time.thread_time()
    result = check_article(folder, Options(today=EXAMPLE_TODAY))
    assert result.error is None and result.checked
    return time.thread_time() - t


@pytest.mark.parametrize("units,small,big", [(ITEM_SHAPES, 10_000, 100_000), (DOSE_SHAPES, 2_000, 20_000)],
                         ids=["shapes", "dose-dense"])
def test_check_time_grows_linearly_with_a_pathological_item(units, small, big, tmp_path):
    _check_time(tmp_path, pathological_item(small, units), "warm-up")  # imports, compiled patterns
    t_small = min(_check_time(tmp_path, pathological_item(small, units), f"s{i}") for i in range(2))
    t_big = _check_time(tmp_path, pathological_item(big, units), "big")
    assert t_big < 3.0, f"{t_big:.2f} s for {big:,} characters"
    assert t_big <= GROWTH * max(t_small, 0.01), f"{t_small:.2f} s at {small:,} characters, {t_big:.2f} s at {big:,}"


def _check_json(root, text: str, slug: str, capsys) -> str:
    from medlint.cli import main

    folder = article_with_item(root, text, slug)
    capsys.readouterr()
    assert main(["check", folder, "--format", "json", "--no-cache", "--today", "2026-11-24"]) == 1
    return capsys.readouterr().out


def test_json_for_a_repeated_cue_is_a_small_multiple_of_the_text(tmp_path, capsys):
    """32 KB of "cures " once gave 174 MB of JSON: every finding repeated the whole record."""
    import json

    text = ("cures " * 6000)[:32_000]
    out = _check_json(tmp_path, text, "cures", capsys)
    assert len(out.encode()) <= 3 * len(text.encode()), f"{len(out):,} characters of JSON for {len(text):,}"
    doc = json.loads(out)
    assert all(len(f["context"]) <= 302 for f in doc["findings"])
    records = doc["articles"][0]["records"]
    assert list(records.values()).count(text) == 1 and sum(map(len, records.values())) < len(text) + 100
    superlative = [f for f in doc["findings"] if f["check"] == "CLM004"]
    assert len(superlative) == 1 and "Repeated 5,333 times in this record" in superlative[0]["message"]
    double = _check_json(tmp_path, text * 2, "cures2", capsys)
    assert len(double) <= 2.2 * len(out)


def test_cli_check_of_a_1mb_pathological_item(tmp_path):
    """The issue's done-when: `medlint check` on an article with a 1 MB pathological item."""
    import resource
    import subprocess
    import sys

    folder = article_with_item(tmp_path, pathological_item(1_000_000), "mb")
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    run = subprocess.run([sys.executable, "-m", "medlint", "check", folder, "--format", "json", "--no-cache",
                          "--today", "2026-11-24"], capture_output=True, text=True, timeout=120)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)  # a busy machine's waits do not count
    assert run.returncode == 1, run.stderr
    assert len(run.stdout) < 3 * 1_000_000  # the item once (records), bounded contexts
    import json

    for f in json.loads(run.stdout)["findings"]:
        assert len(f["context"]) <= 302 and (f["excerpt"] in f["context"] or len(f["excerpt"]) > 290), f
    # Linear, at about 8-10 s of CPU per MB on a 2-core machine (2026-12-01: 2.2, 4.9 and 9.6 s for
    # 0.25, 0.5 and 1 MB); it was 5-7 s before the dose reader gained its not-a-dose classes and
    # schedule words. A quadratic pattern would take minutes here (100x per 10x of text).
    assert cpu < 15, f"{cpu:.1f} s of CPU"


def test_a_long_list_parses_each_text_once(tmp_path, monkeypatch):
    """A 10,000-item list once overflowed the dose memo and was parsed 110,000 times."""
    from medlint.checks import dosing, notation
    from medlint.engine import Options, check_article
    from medlint.records.yamlio import dump_yaml
    from medlint.registry import EXAMPLE_TODAY

    calls: dict[str, int] = {}

    def counting(text):
        calls[text] = calls.get(text, 0) + 1
        return []

    monkeypatch.setattr(dosing, "parse_doses", counting)
    monkeypatch.setattr(notation, "find_quantities", lambda text: counting("quantities: " + text))
    items = [{"text": f"Longlist item {i} – 5 mg of nothing {i}."} for i in range(10_000)]
    folder = article_with_item(tmp_path, "x", "long")
    section = {"heading": "Mainstream Drug Therapies", "level": 1, "kind": "drug-therapy",
               "blocks": [{"style": "dash-line", "list": items}]}
    with open(os.path.join(folder, "010-advanced-interventions.yaml"), "w", encoding="utf-8") as fh:
        fh.write(dump_yaml(section))
    check_article(folder, Options(today=EXAMPLE_TODAY, select=frozenset({"DOS001", "DOS002", "DOS003", "DOS004",
                                                                           "UNT001", "NOT001", "NOT003"})))
    assert len(calls) == 20_000 and set(calls.values()) == {1}


def test_each_of_many_fixes_is_located_where_it_is(tmp_path):
    """5,000 hits in one record are located from one map of the record, each at its own place."""
    from medlint.engine import Options, check_article
    from medlint.registry import EXAMPLE_TODAY

    text = "Vitamin B12 " + ", ".join(f"{i} µg" for i in range(1, 5001))
    folder = article_with_item(tmp_path, text, "micro", kind="supplements")
    t = time.thread_time()
    found = check_article(folder, Options(today=EXAMPLE_TODAY, select=frozenset({"NOT002"}))).findings
    assert time.thread_time() - t < 3
    assert len(found) == 5000
    line = open(os.path.join(folder, "010-advanced-interventions.yaml"), encoding="utf-8").read().split("\n")[found[0].line - 1]
    assert [line[f.column - 1:f.column + 1] for f in found] == ["µg"] * 5000
    assert len({f.column for f in found}) == 5000


def test_a_long_record_s_findings_show_the_sentence_they_are_in(tmp_path):
    from medlint.engine import Options, check_article
    from medlint.registry import EXAMPLE_TODAY

    filler = "It is a plain sentence about the disc. " * 40
    text = filler + "This supplement cures back pain for good. " + filler
    folder = article_with_item(tmp_path, text, "long", kind="supplements")
    found = check_article(folder, Options(today=EXAMPLE_TODAY, select=frozenset({"CLM004"}))).findings
    assert [(f.excerpt, f.context) for f in found] == [("cures", "This supplement cures back pain for good.")]


def test_context_is_the_sentence_around_the_excerpt():
    from medlint.findings import CONTEXT_LIMIT, context_around

    assert context_around("Short text. Kept whole.", 12, 4) == "Short text. Kept whole."
    text = "An opening sentence. " + "Filler words here. " * 30 + "This one cures pain. " + "More after. " * 30
    at = text.index("cures")
    assert context_around(text, at, 5) == "This one cures pain."
    long = "x " * 500 + "cures " + "y " * 500
    cut = context_around(long, long.index("cures"), 5)
    assert "cures" in cut and cut.startswith("…") and cut.endswith("…") and len(cut) <= CONTEXT_LIMIT + 2
