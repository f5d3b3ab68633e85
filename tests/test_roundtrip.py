"""import -> records -> export keeps every word, in order."""

import glob
import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from medlint.exporter import export_article, words
from medlint.records.store import load_article
from support import article_from_text

HERE = os.path.dirname(os.path.abspath(__file__))
SEED = os.path.join(HERE, "data", "articles", "lumbar-disc-sequestration-l3-l4.txt")
FIXTURES = sorted(glob.glob(os.path.join(HERE, "fixtures", "articles", "*.txt")) +
                  glob.glob(os.path.join(HERE, "fixtures", "articles", "*.md")))


def roundtrip(text, root, markdown=False):
    folder = article_from_text(text, root, markdown=markdown)
    loaded = load_article(folder)
    assert not loaded.violations, loaded.violations[:3]
    return loaded.article, export_article(loaded.article, "md" if markdown else "text")


def test_seed_roundtrip_is_word_for_word(tmp_path):
    text = open(SEED, encoding="utf-8").read()
    article, out = roundtrip(text, tmp_path)
    assert words(out) == words(text)
    # and the structure was inferred, not flattened
    kinds = [s.kind for s in article.sections]
    for kind in ("overview", "anatomy", "causes", "symptoms", "diagnosis", "non-drug-treatment", "drug-therapy",
                 "supplements", "investigational", "surgery", "prevention", "red-flags", "faq", "disclaimer"):
        assert kind in kinds, kind
    assert len(list(article.faq_entries())) == 15
    assert sum(1 for s in article.sections if s.kind == "drug-therapy" for _ in s.items) == 20
    assert article.meta["authors"] == [{"name": "Team Rxharun", "credentials": []}]
    assert article.meta["updated"] == "2025-05-19"


@pytest.mark.parametrize("path", FIXTURES, ids=[os.path.basename(p) for p in FIXTURES])
def test_fixture_roundtrip(path, tmp_path):
    text = open(path, encoding="utf-8").read()
    md = path.endswith(".md")
    _, out = roundtrip(text, tmp_path, markdown=md)
    assert words(out, markup=md) == words(text, markup=md)


def test_markdown_export_of_text_article_keeps_words(tmp_path):
    text = "Causes\n-\nSmoking – weakens discs.\nSymptoms\n• Pain – sharp.\n1. Numbness – in the thigh.\n"
    article, _ = roundtrip(text, tmp_path)
    md = export_article(article, "md")
    assert words(md, markup=True)[len(article.title.split()):] == words(text, markup=True)


def test_second_import_of_export_is_identical(tmp_path):
    text = open(FIXTURES[0], encoding="utf-8").read()
    _, once = roundtrip(text, tmp_path / "a")
    _, twice = roundtrip(once, tmp_path / "b")
    assert once == twice


# --- generated articles -------------------------------------------------------

WORD = st.from_regex(r"[A-Za-z][a-z]{1,8}", fullmatch=True)
SENTENCE = st.lists(WORD, min_size=13, max_size=25).map(lambda ws: " ".join(ws).capitalize() + ".")
HEADING = st.lists(WORD, min_size=1, max_size=5).map(lambda ws: " ".join(w.capitalize() for w in ws))
ITEM = st.tuples(HEADING, st.lists(WORD, min_size=2, max_size=10)).map(lambda t: f"{t[0]} – {' '.join(t[1])}.")
QUESTION = st.lists(WORD, min_size=3, max_size=8).map(lambda ws: " ".join(ws).capitalize() + "?")


@st.composite
def article_text(draw):
    lines = [draw(SENTENCE)]
    for _ in range(draw(st.integers(1, 5))):
        lines.append(draw(HEADING))
        for _ in range(draw(st.integers(1, 3))):
            kind = draw(st.sampled_from(["para", "dash-line", "dash", "bullet", "numbered", "faq"]))
            if kind == "para":
                lines.append(draw(SENTENCE))
            elif kind == "faq":
                for _ in range(draw(st.integers(1, 3))):
                    lines += ["-", draw(QUESTION), draw(SENTENCE)]
            else:
                for n in range(draw(st.integers(1, 4))):
                    item = draw(ITEM)
                    lines += {"dash-line": ["-", item], "dash": [f"- {item}"], "bullet": [f"• {item}"],
                              "numbered": [f"{n + 1}. {item}"]}[kind]
    if draw(st.booleans()):
        lines.append("Disclaimer: " + draw(SENTENCE))
    if draw(st.booleans()):
        lines.append("The article is written by Jane Roe and reviewed by Dr. Sam Lee, MD")
    if draw(st.booleans()):
        lines.append("Last Updated: " + draw(st.sampled_from(["May 19, 2025.", "19 May 2025", "2025-05-19"])))
    return "\n".join(lines) + "\n"


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(article_text())
def test_generated_articles_roundtrip(tmp_path_factory, text):
    root = tmp_path_factory.mktemp("gen")
    _, out = roundtrip(text, root)
    assert words(out) == words(text)


# --- the accuracy corpus: pages of many real styles -----------------------------

CORPUS = sorted(p for p in glob.glob(os.path.join(HERE, "corpus", "articles", "*"))
                if p.endswith((".txt", ".md")))


@pytest.mark.parametrize("path", CORPUS, ids=[os.path.basename(p) for p in CORPUS])
def test_corpus_article_roundtrip(path, tmp_path):
    """Every corpus page, imported then exported, keeps its word sequence (chrome,
    bylines, subtitles, FAQ notes and setext underlines included)."""
    text = open(path, encoding="utf-8").read()
    md = path.endswith(".md")
    _, out = roundtrip(text, tmp_path, markdown=md)
    assert words(out, markup=md) == words(text, markup=md)


def test_last_item_after_a_marker_line_is_not_a_footer(tmp_path):
    """Found by the generated articles: an item that reads like a name with a credential
    ("Ma" is MA) after a lone '-' stayed in the footer and its marker line was lost."""
    text = ("Aa aa aa aa aa aa aa aa aa aa aa aa aaaa.\nAaaaaaaaa Aaaa\n-\nAa – Aaaaaaa Aa.\n-\n"
            "Aaaaaaaaa Aaaaaa Aa Ma – Aa Aa.\n")
    article, out = roundtrip(text, tmp_path)
    assert words(out) == words(text)
    assert [i.text for i in article.items()][-1] == "Aaaaaaaaa Aaaaaa Aa Ma – Aa Aa."


def test_plus_marked_items_keep_their_marker(tmp_path):
    """A list marked with '+' (accordion pages print it before each entry) comes back with
    '+', not another marker."""
    text = ("Vitamins in pregnancy\n\nWhat to take and when.\n\n"
            "+ Folic acid 400 micrograms a day\n+ Vitamin D 10 micrograms a day\n")
    article, out = roundtrip(text, tmp_path)
    assert "+ Folic acid 400 micrograms a day" in out
    assert words(out) == words(text)


def test_numbered_questions_with_their_options_keep_their_numbers(tmp_path):
    """A quiz whose numbered questions carry their options on an indented line (read as
    FAQ entries) between numbered statements (read as list items): each block keeps the
    number it starts at, so the page comes back numbered 1 to 5, not 1, 1, 2, 4, 1."""
    text = ("Sun safety quiz\n\nHow much do you know? Answers at the end.\n\n"
            "1. True or false: a cloudy day needs no sunscreen.\n"
            "2. How often should you reapply sunscreen outdoors?\n   a) Every 2 hours  b) Once a day\n"
            "3. Which sunscreen suits a child under 6 months?\n   a) Any SPF 50  b) None: shade and clothing\n"
            "4. True or false: a tan protects you from burning.\n"
            "5. Which hours are strongest for UV in summer?\n   a) 8 to 10 am  b) 11 am to 3 pm\n")
    _, out = roundtrip(text, tmp_path)
    assert words(out) == words(text)
    assert [line.split(".")[0] for line in out.splitlines() if line[:1].isdigit()] == ["1", "2", "3", "4", "5"]


def test_a_numbered_question_list_starting_late_keeps_its_first_number(tmp_path):
    """The second part of a clinic's numbered FAQ (questions 6 onwards, each over its answer)
    comes back from 6."""
    text = ("After your steroid injection\n\nQuestions 1 to 5 are on the front of this sheet.\n\n"
            "6. Can I drive home afterwards?\n   Not if your leg feels numb; bring someone to drive you.\n"
            "7. When can I swim?\n   Wait 48 hours so the puncture site can close.\n")
    _, out = roundtrip(text, tmp_path / "b")
    assert words(out) == words(text)
    assert [line.split(".")[0] for line in out.splitlines() if line[:1].isdigit()] == ["6", "7"]
