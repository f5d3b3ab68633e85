"""The claims, notation and safety checks on eight pages of styles the corpus does not have
(tests/fixtures/claims-safety-pages): every finding of the three categories must be one a gold
entry lists, and every gold entry of theirs must be found. Then each class behind the page
findings, in more than one writer's wording, with the case that must still be flagged. Every
sentence here is written for this test."""

from __future__ import annotations

import os

import pytest
import yaml

from medlint.engine import Options, check_article
from medlint.registry import EXAMPLE_TODAY, all_checks
from support import HERE, article_from_text
from tests.support import findings_for

PAGES = os.path.join(HERE, "fixtures", "claims-safety-pages", "articles")
CATEGORIES = {"claims", "notation", "safety"}
STEMS = sorted({name.split(".")[0] for name in os.listdir(PAGES) if name.endswith((".txt", ".md"))})


def _norm(text: str) -> str:
    return " ".join(str(text).split())


def _category(check_id: str) -> str:
    return all_checks()[check_id].category


def _page(tmp_path, stem):
    source = next(os.path.join(PAGES, n) for n in os.listdir(PAGES) if n.startswith(stem) and not n.endswith(".yaml"))
    with open(source, encoding="utf-8") as fh:
        text = fh.read()
    with open(os.path.join(PAGES, stem + ".gold.yaml"), encoding="utf-8") as fh:
        gold = yaml.safe_load(fh)
    folder = article_from_text(text, tmp_path, slug="page", markdown=source.endswith(".md"))
    checks = frozenset(c for c in all_checks() if _category(c) in CATEGORIES)
    result = check_article(folder, Options(today=EXAMPLE_TODAY, select=checks))
    assert result.error is None
    return gold, [f for f in result.findings if _category(f.check) in CATEGORIES]


def _matches(entry: dict, finding) -> bool:
    same = entry.get("check") == finding.check or entry.get("category") == _category(finding.check)
    anchor = _norm(entry["anchor"])
    return same and (anchor in _norm(finding.context or "") or _norm(finding.excerpt) in anchor)


@pytest.mark.parametrize("stem", STEMS)
def test_the_pages_findings_are_the_gold_ones(tmp_path, stem):
    gold, found = _page(tmp_path, stem)
    wanted = [g for g in gold["findings"] if g.get("category") in CATEGORIES
              or g.get("check") and _category(g["check"]) in CATEGORIES]
    false = [(f.check, f.excerpt) for f in found if not any(_matches(g, f) for g in wanted)]
    missed = [g["anchor"] for g in wanted if not any(_matches(g, f) for f in found)]
    assert (false, missed) == ([], [])


# -- ratings, votes and a shop's own reviewers are no statistics

@pytest.mark.parametrize("text", [
    "Reviews\nRated 4.6 out of 5 from 1,832 reviews.\n",
    "Our verdict\nOur testers rated it 4 out of 5 for taste.\n",
    "Our verdict\nIt scored 9/10 in our test and costs £2.\n",
    "Reviews\nCustomers give it 4.8 out of 5 stars.\n",
    "Reviews\n98% of reviewers would recommend this product.\n",
    "Prices\n9 in 10 users paid less than their copay last month.\n",
])
def test_ratings_and_customer_votes_are_no_statistics(tmp_path, text):
    assert findings_for(text, "CLM001", tmp_path) == []


@pytest.mark.parametrize("text, excerpt", [
    ("Results\n9 out of 10 customers saw clearer skin within a month.\n", "9 out of 10"),
    ("Results\n4 out of 5 dentists recommend a fluoride toothpaste.\n", "4 out of 5"),
    ("Results\n98% of users felt less pain after a week.\n", "98%"),
])
def test_outcomes_told_of_customers_are_still_statistics(tmp_path, text, excerpt):
    assert [f.excerpt for f in findings_for(text, "CLM001", tmp_path)] == [excerpt]


# -- a percentage followed by the substance it is a strength of

@pytest.mark.parametrize("text", [
    "Your drip\nMost people are given 0.9% sodium chloride through the drip.\n",
    "Your drip\nSome people need 5% glucose instead.\n",
    "Treatments\nA spray with 50% coconut oil suits children over 2.\n",
    "Skin care\nA 10% urea cream softens cracked heels.\n",
    "Acne\nTry a 2% salicylic acid wash first.\n",
])
def test_a_strength_named_with_its_substance_is_no_statistic(tmp_path, text):
    assert findings_for(text, "CLM001", tmp_path) == []


def test_a_share_of_people_beside_a_substance_is_still_read(tmp_path):
    text = "Treatments\nAbout 30% of people treated with 1% permethrin still have lice a week later.\n"
    assert [f.excerpt for f in findings_for(text, "CLM001", tmp_path)] == ["30%"]


# -- a superlative the writer reports as another's claim

@pytest.mark.parametrize("text", [
    "The one to avoid\nA herbal remedy we bought online claims to be clinically proven and to cure hay fever for good. It is neither.\n",
    "Be wary\nOne website markets the powder as a miracle cure for arthritis.\n",
    "Be wary\nThe advert promises to cure joint pain in a week; no trial has shown that.\n",
])
def test_a_reported_claim_is_no_superlative_of_the_page(tmp_path, text):
    assert findings_for(text, "CLM004", tmp_path) == []


@pytest.mark.parametrize("text, excerpt", [
    ("Our pick\nThis balm is clinically proven to ease joint pain.\n", "clinically proven"),
    ("Our pick\nThe only cure for hay fever is our spray.\n", "cure"),
])
def test_the_pages_own_superlatives_are_still_flagged(tmp_path, text, excerpt):
    assert [f.excerpt for f in findings_for(text, "CLM004", tmp_path)] == [excerpt]


# -- a price list or comparison table sells or lists a medicine; it does not dose it

@pytest.mark.parametrize("table", [
    "| Product | Pack | Price |\n|---|---|---|\n| Ibuprofen 400 mg tablets | 24 | £2.49 |\n| Naproxen 250 mg tablets | 9 | £4.20 |\n",
    "| Painkiller | Strength | Cost |\n|---|---|---|\n| Co-codamol | 8/500 mg tablets | £3.10 |\n",
])
def test_a_price_list_row_is_not_the_page_dosing(tmp_path, table):
    text = f"Our prices\n{table}"
    assert findings_for(text, "SAF001", tmp_path) == [] and findings_for(text, "SAF002", tmp_path) == []


def test_a_table_row_that_says_how_often_is_still_dosing(tmp_path):
    text = ("Pain relief\n| Medicine | Dose | How often |\n|---|---|---|\n"
            "| Ibuprofen | 400 mg | three times a day with food |\n")
    got = findings_for(text, "SAF001", tmp_path)
    assert len(got) == 1 and "stomach bleeding" in got[0].message
