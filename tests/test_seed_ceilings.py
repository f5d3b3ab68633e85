"""Every seed dose that has a sourced ceiling, raised tenfold, becomes a DOS003 error showing its arithmetic."""

import os
import re

import pytest

from medlint import policy
from medlint.doses import parse_doses
from medlint.engine import Options, check_article
from medlint.registry import EXAMPLE_TODAY
from support import article_from_text

HERE = os.path.dirname(os.path.abspath(__file__))
SEED = os.path.join(HERE, "data", "articles", "lumbar-disc-sequestration-l3-l4.txt")


def ceiling_names() -> set[str]:
    names = set()
    for entry in policy.load("dosing")["ceilings"]:
        names.add(entry["name"].lower())
        names.update(s.lower() for s in entry.get("synonyms", []))
    return names


def seed_doses():
    text = open(SEED, encoding="utf-8").read() if os.path.exists(SEED) else ""
    names = ceiling_names() if text else set()
    out = []
    for line in text.split("\n"):
        for dose in parse_doses(line):
            key = (dose.substance_key or "").lower()
            amounts = [step.amount.raw for step in dose.steps if step.amount is not None]
            amounts = [a for a in amounts if re.search(r"\d", a)]  # an implied "1 patch" has no number to raise
            if amounts and any(n == key or n in key or key in n for n in names if key):
                out.append((line, tuple(amounts)))
    return out


CASES = seed_doses()


def test_the_seed_has_ceilinged_doses():
    assert len(CASES) >= 15


def tenfold(amount: str) -> str:
    return re.sub(r"\d+(?:\.\d+)?", lambda m: str(float(m.group()) * 10).rstrip("0").rstrip("."), amount)


@pytest.mark.parametrize("line,amounts", CASES, ids=[c[0][:32] for c in CASES])
def test_tenfold_seed_dose_is_an_error(line, amounts, tmp_path):
    """Every step of the regimen (a titration has several) is raised tenfold."""
    text = open(SEED, encoding="utf-8").read()
    raised_line = line
    for amount in amounts:
        raised_line = raised_line.replace(amount, tenfold(amount), 1)
    folder = article_from_text(text.replace(line, raised_line), tmp_path, slug="seed")
    result = check_article(folder, Options(today=EXAMPLE_TODAY, select=frozenset({"DOS003"})))
    hits = [f for f in result.findings if f.severity == "error" and f.context == raised_line.strip()]
    assert hits, f"no DOS003 error for {raised_line!r}"
    assert any(re.search(r"\d.*(=|>).*\d", f.message) for f in hits), hits[0].message
