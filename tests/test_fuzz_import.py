"""Fuzzing import and load: article-like text with odd characters never gives a traceback.

A seeded generator (the same 240 cases on every run) writes pages of headings,
paragraphs, lists, FAQs, doses, control characters, huge numbers and YAML-looking
text. Each import either succeeds, and then the records load without a schema
violation and the battery checks them, or stops with one located line and exit 2,
leaving nothing behind.
"""

import os
import random

import pytest

from medlint.cli import main
from medlint.engine import Options, check_article
from medlint.records.store import load_article
from medlint.registry import EXAMPLE_TODAY

CASES = 240
SEED = 20261201

ODD = ["\x01", "\x07", "\x1b", "\x7f", "\x85", "\x9f", "\u00a0", "\u2028", "\u2029", "\ufeff", "\u200b",
       "\u202e", "\ud7ff", "\ue000", "\ufffe", "\U0001f600", "e\u0301", "\t", "\r", "\\", "\"", "'"]
YAMLISH = [": ", "- ", "#", "&a", "*b", "!!python/object:os.system", "---", "...", "{x: 1}", "[1, 2", "%YAML 1.1",
           "? ", "|", ">", "@", "`", "~", "null", "yes", "0x1F", "1e400", "0o777", "12:30:45", "2025-13-45"]
NUMBERS = ["5.0 mg", ".5 mL", "500–1000 mg every 6 h", "10 µg", "2 cc", "1,000 IU", "750mg", "3 × daily",
           "9" * 30 + " mg", "1" + "0" * 30, "-0", "1e308 g", "NaN mg", "∞ mg"]
#: Numbers beyond a float or a 64-bit integer (rare: each costs the claim patterns time).
HUGE = ["9" * 330 + " mg", "1" + "0" * 400, "0x" + "f" * 300, "1" + "0" * 310 + ".5 mL"]
WORDS = ["pain", "disc", "studies show", "cures", "Ibuprofen", "Acetaminophen", "rest", "surgery", "Dr.", "MD",
         "[1]", "(see below)", "Last Updated: May 19, 2025.", "Reviewed by Dr. Sam Lee, MD", "Q:", "A:"]


def _token(rng: random.Random) -> str:
    if rng.random() < 0.004:
        return rng.choice(HUGE)
    pool = rng.choice((WORDS, WORDS, WORDS, NUMBERS, YAMLISH, ODD))
    return rng.choice(pool)


def _line(rng: random.Random, lo: int = 1, hi: int = 12) -> str:
    return " ".join(_token(rng) for _ in range(rng.randint(lo, hi)))


def _block(rng: random.Random, markdown: bool) -> list[str]:
    kind = rng.choice(("heading", "paragraph", "dash-line", "bullets", "numbered", "faq", "raw"))
    if kind == "heading":
        return [("#" * rng.randint(1, 3) + " " if markdown else "") + _line(rng, 1, 4)]
    if kind == "paragraph":
        return [_line(rng, 3, 20)]
    if kind == "dash-line":
        return [line for _ in range(rng.randint(1, 4)) for line in ("-", _line(rng) + " – " + _line(rng))]
    if kind == "bullets":
        marker = rng.choice(("• ", "- ", "* ", "+ "))
        return [marker + _line(rng) for _ in range(rng.randint(1, 5))]
    if kind == "numbered":
        return [f"{n}{rng.choice('.)')} " + _line(rng) for n in range(1, rng.randint(2, 6))]
    if kind == "faq":
        return [_line(rng, 2, 8) + "?", _line(rng, 3, 15)]
    return ["".join(rng.choice(ODD + YAMLISH) for _ in range(rng.randint(1, 20)))]


def article(rng: random.Random) -> tuple[str, bool]:
    markdown = rng.random() < 0.3
    lines = [("# " if markdown else "") + _line(rng, 1, 5), ""]
    for _ in range(rng.randint(0, 8)):
        lines.extend(_block(rng, markdown))
        if rng.random() < 0.7:
            lines.append("")
    newline = rng.choice(("\n", "\n", "\r\n", "\r"))
    text = newline.join(lines)
    if rng.random() < 0.03:  # a binary file now and then (NUL bytes are refused on sight)
        at = rng.randrange(len(text) + 1)
        text = text[:at] + "\x00" + text[at:]
    return text, markdown


def generated():
    rng = random.Random(SEED)
    return [article(rng) for _ in range(CASES)]


def test_generator_is_deterministic_and_varied():
    a, b = generated(), generated()
    assert a == b and len(set(a)) == CASES
    text = "".join(t for t, _ in a)
    assert all(ch in text for ch in ("\x01", "\x85", "\u2028", "\ufeff", "9" * 330, "0" * 400))


@pytest.fixture(scope="module")
def outcomes(tmp_path_factory):
    """(case, exit code, stderr, folder) for every generated article, imported through the command line."""
    root = tmp_path_factory.mktemp("fuzz")
    content = root / "content"
    results = []
    import io
    import sys
    real_fsync = os.fsync
    os.fsync = lambda fd: None  # hundreds of imports: the disk's speed is not under test
    try:
        for i, (text, markdown) in enumerate(generated()):
            src = root / f"case-{i}.{'md' if markdown else 'txt'}"
            src.write_bytes(text.encode("utf-8", "surrogatepass"))
            err, out = io.StringIO(), io.StringIO()
            saved = sys.stderr, sys.stdout
            sys.stderr, sys.stdout = err, out
            try:
                code = main(["import", str(src), "--out", str(content)])
            finally:
                sys.stderr, sys.stdout = saved
            results.append((i, code, err.getvalue(), out.getvalue().strip()))
    finally:
        os.fsync = real_fsync
    return content, results


def test_import_never_fails_internally(outcomes):
    content, results = outcomes
    for i, code, err, _ in results:
        assert code in (0, 2), (i, code, err)
        assert "Traceback" not in err and "internal error" not in err, (i, err)
        if code == 2:
            assert err.count("\n") == 1 and err.startswith(f"medlint: {content.parent}"), (i, err)
            assert not os.path.exists(content / f"case-{i}"), i
    imported = sum(code == 0 for _, code, _, _ in results)
    assert imported > CASES // 2  # the generator mostly makes importable pages, not only rejected ones
    assert [n for n in os.listdir(content) if n.startswith(".")] == []


def test_imported_records_load_and_check(outcomes):
    """Every import loads back valid; every third one (and each with a huge number) goes through the battery."""
    content, results = outcomes
    options = Options(today=EXAMPLE_TODAY)
    checked = 0
    for i, code, err, folder in results:
        if code != 0:
            continue
        loaded = load_article(folder)
        assert not loaded.violations, (i, loaded.violations[:1])
        text = "".join(d.text for d in loaded.documents.values())
        if i % 3 == 0 or any(h.split()[0] in text for h in HUGE):
            result = check_article(folder, options)
            assert result.error is None and result.checked, (i, result.error)
            checked += 1
    assert checked > CASES // 4
