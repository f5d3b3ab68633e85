"""Tables on a page (pipe tables, tab-separated rows, runs of "Label: value" lines)
become table blocks: rows kept verbatim, cells read out, never headings; each data row
is one text the checks read, with its own medicine and dose."""

import glob
import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from medlint.exporter import export_article
from medlint.records.model import Row, row_reading
from medlint.records.store import load_article
from support import article_from_text

HERE = os.path.dirname(os.path.abspath(__file__))
TABLES = sorted(glob.glob(os.path.join(HERE, "fixtures", "tables", "*")))


def load(text, root, markdown=False):
    loaded = load_article(article_from_text(text, root, markdown=markdown))
    assert not loaded.violations, loaded.violations[:3]
    return loaded.article


def tables_of(article):
    return [(s, b) for s in article.sections for b in s.blocks if b.type == "table"]


@pytest.mark.parametrize("path", TABLES, ids=[os.path.basename(p) for p in TABLES])
def test_fixture_exports_byte_for_byte(path, tmp_path):
    """Four writers' styles (NHS-like tab rows, a US handbook's label runs, a pharmacy's
    pipe table without a rule, a Markdown blog's padded table): the export is the source."""
    text = open(path, encoding="utf-8").read()
    md = path.endswith(".md")
    article = load(text, tmp_path, markdown=md)
    assert tables_of(article)
    assert export_article(article, "md" if md else "text") == text


@pytest.mark.parametrize("path", TABLES, ids=[os.path.basename(p) for p in TABLES])
def test_no_heading_is_a_table_row(path, tmp_path):
    text = open(path, encoding="utf-8").read()
    article = load(text, tmp_path, markdown=path.endswith(".md"))
    rows = {r.line for _, b in tables_of(article) for r in b.rows}
    for section in article.sections:
        assert section.heading not in rows
        assert not (section.heading or "").startswith("|")


def test_markdown_table_rows_cells_header_and_rule(tmp_path):
    text = open(os.path.join(HERE, "fixtures", "tables", "markdown-blog-migraine.md"), encoding="utf-8").read()
    [(section, block)] = tables_of(load(text, tmp_path, markdown=True))
    assert section.heading == "My rescue plan" and section.kind == "drug-therapy"
    assert block.style == "pipe"
    assert [r.role for r in block.rows] == ["header", "rule", None, None, None]
    assert block.rows[0].cells == ["Medicine", "Dose", "How often", "Max per day"]
    assert block.columns == ["medicine", "other", "other", "daily-maximum"]
    paracetamol = block.items[0]
    assert isinstance(paracetamol, Row)
    assert paracetamol.line == "| Paracetamol | 500 mg–1 g              | every 4–6 hours          | 4 g         |"
    assert paracetamol.text == "Paracetamol | 500 mg–1 g | every 4–6 hours | max 4 g in 24 hours"


def test_row_reads_as_one_dose_of_its_medicine(tmp_path):
    text = open(os.path.join(HERE, "fixtures", "tables", "markdown-blog-migraine.md"), encoding="utf-8").read()
    [(_, block)] = tables_of(load(text, tmp_path, markdown=True))
    [dose] = block.items[0].doses
    assert dose["substance"].rstrip(" |") == "Paracetamol"  # the parser keeps the cell bar (doses helper)
    assert dose["frequency"]["interval_hours"] == [4, 6]
    assert dose["max_per_day"]["value"] == 4 and dose["max_per_day"]["unit"] == "gram"


def test_checks_iterate_data_rows_not_header_or_rule(tmp_path):
    text = "# Doses\n\n## Adults\n\n| Medicine | Dose |\n|---|---|\n| Ibuprofen | 400 mg three times a day |\n"
    article = load(text, tmp_path, markdown=True)
    texts = [r.text for r in article.texts()]
    assert "Ibuprofen | 400 mg three times a day" in texts
    assert not any("Medicine" in t or "---" in t for t in texts)
    assert [i.text for i in article.items()] == ["Ibuprofen | 400 mg three times a day"]


def test_tab_rows_with_header_of_labels(tmp_path):
    text = open(os.path.join(HERE, "fixtures", "tables", "nhs-style-hay-fever.txt"), encoding="utf-8").read()
    first, second = [b for _, b in tables_of(load(text, tmp_path))]
    assert first.style == "tab" and first.rows[0].role == "header"
    assert first.columns == ["medicine", "other", "daily-maximum"]
    assert first.items[2].text == "Chlorphenamine 4mg tablets | 1 tablet every 4 to 6 hours | max 6 tablets in 24 hours"
    assert second.rows[0].role is None  # no labels, no header: every row is a data row
    assert second.items[0].cells == ["Beclometasone", "50 micrograms per spray", "2 sprays into each nostril twice a day"]


def test_strength_column_listing_strengths_is_not_a_dose(tmp_path):
    text = open(os.path.join(HERE, "fixtures", "tables", "pharmacy-table-pain-relief.txt"), encoding="utf-8").read()
    [(_, block)] = tables_of(load(text, tmp_path))
    assert block.columns == ["medicine", "strength", "other", "daily-maximum"]
    ibuprofen = block.items[1]
    assert "200 mg, 400 mg" in ibuprofen.line and "200 mg, 400 mg" not in ibuprofen.text
    assert [d["text"] for d in ibuprofen.doses] == ["200 mg to 400 mg every 6 to 8 hours | max 1,200 mg in 24 hours"]
    paracetamol = block.items[0]  # one strength beside the dose is the dose's strength
    assert paracetamol.doses[0]["strength"]["value"] == 500


def test_label_runs_and_strength_lists(tmp_path):
    text = open(os.path.join(HERE, "fixtures", "tables", "us-handbook-metronidazole.txt"), encoding="utf-8").read()
    article = load(text, tmp_path)
    forms, dosing = [b for _, b in tables_of(article)]
    assert forms.style == "label"
    assert [r.role for r in forms.rows] == ["strengths", "strengths", None]  # "Oral suspension" is no form the parser knows
    assert forms.rows[0].cells == ["Tablets", "250 mg, 375 mg, 500 mg"]
    assert "Tablets: 250 mg, 375 mg, 500 mg" not in [r.text for r in article.texts()]
    # a label and its regimen reads as printed and is checked
    assert dosing.items[0].text == "Bacterial vaginosis: 500 mg orally twice daily for 7 days."
    assert [s.kind for s in article.sections if s.heading == "Adult dosing"] == ["drug-therapy"]


def test_single_strength_label_line_is_a_table_but_a_lone_label_sentence_is_not(tmp_path):
    text = "Ibuprofen\nDosage forms\nTablets: 200 mg, 400 mg\nHow to take it\nNote: take it with food.\nTake 1 tablet three times a day.\n"
    article = load(text, tmp_path)
    blocks = [(s.heading, b.type) for s in article.sections for b in s.blocks]
    assert ("Dosage forms", "table") in blocks
    assert ("How to take it", "paragraph") in blocks
    assert not any(b == "table" for h, b in blocks if h == "How to take it")


def test_table_without_medicine_column_takes_the_heading_medicine(tmp_path):
    text = ("# Children's doses\n\n## Paracetamol: infant suspension\n\n| Age | How much | How often |\n|---|---|---|\n"
            "| 2 to 3 years | 7.5 ml | Up to 4 times in 24 hours |\n| 3 to 5 months (over 5 kg) | 2.5 ml | Up to 4 times in 24 hours |\n")
    [(_, block)] = tables_of(load(text, tmp_path, markdown=True))
    assert block.medicine == "Paracetamol" and block.columns == ["condition", "other", "other"]
    assert block.items[0].text == "Paracetamol | 7.5 ml | Up to 4 times in 24 hours | 2 to 3 years"
    assert "kg" not in block.items[1].text  # the age is read, the weight in brackets is not a dose


def test_the_row_line_is_the_source_of_truth(tmp_path):
    """An editor (or --fix) changes the row's line: the cells and the reading follow."""
    text = "# Doses\n\n## Adults\n\n| Medicine | Dose |\n|---|---|\n| Ibuprofen | 400mg three times a day |\n"
    folder = article_from_text(text, tmp_path, markdown=True)
    path = [os.path.join(folder, f) for f in sorted(os.listdir(folder)) if "adults" in f][0]
    with open(path, encoding="utf-8") as fh:
        body = fh.read()
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(body.replace("text: '| Ibuprofen | 400mg three", "text: '| Ibuprofen | 400 mg three"))
    article = load_article(folder).article
    row = next(article.items())
    assert row.cells == ["Ibuprofen", "400 mg three times a day"]
    assert row.text == "Ibuprofen | 400 mg three times a day"


def test_row_reading_rules():
    assert row_reading(["Paracetamol", "500 mg–1 g", "every 4–6 hours", "max 4 g in 24 h"], [], None) == \
        "Paracetamol | 500 mg–1 g | every 4–6 hours | max 4 g in 24 h"
    assert row_reading(["A", "—", "10 tablets (3,250 mg)"], ["medicine", "other", "daily-maximum"], None) == \
        "A | max 10 tablets in 24 hours"
    assert row_reading(["5 to 7 kg", "2.5 ml"], ["weight", "other"], "Ibuprofen") == "Ibuprofen | 2.5 ml"
    assert row_reading(["Max 3 g", "x"], ["maximum", "medicine"], "Ignored") == "Max 3 g | x"


# --- generated tables: the export gives every row back as printed -------------------

CELL = st.from_regex(r"[A-Za-z0-9][A-Za-z0-9 .,%/()–-]{0,20}[A-Za-z0-9)]", fullmatch=True)


@st.composite
def pipe_table(draw):
    width = draw(st.integers(2, 5))
    rows = draw(st.lists(st.lists(CELL, min_size=width, max_size=width), min_size=1, max_size=6))
    pad = draw(st.integers(0, 3))
    lines = ["| " + " | ".join(c + " " * pad for c in row) + " |" for row in rows]
    if draw(st.booleans()):
        lines.insert(1, "|" + "|".join("---" for _ in range(width)) + "|")
    return lines


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(pipe_table(), st.booleans())
def test_generated_pipe_tables_round_trip(tmp_path_factory, lines, markdown):
    root = tmp_path_factory.mktemp("tab")
    if markdown:
        text = "# Title here\n\n## Doses\n\n" + "\n".join(lines) + "\n\nTake them with water every day please.\n"
    else:
        text = "A short page about doses\nThe first paragraph of the page says what it covers today.\nDoses\n" + \
            "\n".join(lines) + "\nTake them with water every day please.\n"
    article = load(text, root, markdown=markdown)
    [(_, block)] = tables_of(article)
    assert [r.line for r in block.rows] == lines
    assert export_article(article, "md" if markdown else "text") == text
    assert all(not (s.heading or "").startswith("|") for s in article.sections)


def test_label_run_of_regimens_is_checked(tmp_path):
    """'Adults and children: take 1 or 2 puffs whenever you need them': a label and a dose
    (no dose form in the label), so a data row, and the section is a drug section."""
    text = ("Salbutamol inhaler\nSalbutamol eases wheezing within minutes and lasts 4 to 6 hours.\nHow much to use\n"
            "Adults and children: take 1 or 2 puffs whenever you need them.\n"
            "Before exercise: 2 puffs 10 to 15 minutes before you start.\nSide effects\nShaking and headache.\n")
    article = load(text, tmp_path)
    [(section, block)] = tables_of(article)
    assert [r.role for r in block.rows] == [None, None]
    assert section.kind == "drug-therapy"


def test_fix_in_a_table_row_changes_the_line_and_the_checks_see_it(tmp_path, capsys):
    from medlint.cli import main

    text = open(os.path.join(HERE, "fixtures", "tables", "nhs-style-hay-fever.txt"), encoding="utf-8").read()
    folder = article_from_text(text, tmp_path)
    main(["check", folder, "--fix", "--select", "NOT007", "--today", "2026-12-01"])
    capsys.readouterr()
    article = load_article(folder).article
    lines = [r.line for _, b in tables_of(article) for r in b.rows]
    assert "Cetirizine 10 mg tablets\t1 tablet once a day\t1 tablet" in lines
    assert main(["check", folder, "--select", "NOT007", "--today", "2026-12-01"]) == 0
    assert export_article(article, "text") == text.replace("10mg", "10 mg").replace("4mg", "4 mg")


CORPUS = sorted(glob.glob(os.path.join(HERE, "corpus", "articles", "*.md")))


@pytest.mark.parametrize("path", CORPUS, ids=[os.path.basename(p) for p in CORPUS])
def test_corpus_table_rows_come_back_byte_for_byte(path, tmp_path):
    """Every pipe-table line of the corpus's Markdown pages is a row (or a line of the
    document-control table under the title, kept in the header), and the export prints
    it exactly as the page did, in order."""
    text = open(path, encoding="utf-8").read()
    article = load(text, tmp_path, markdown=True)
    source_rows = [line for line in text.splitlines() if line.startswith("|")]
    control = [e["text"] for e in article.meta.get("header", []) if e["text"].startswith("|")]
    rows = [r.line for _, b in tables_of(article) for r in b.rows]
    assert control + rows == source_rows
    exported = [line for line in export_article(article, "md").splitlines() if line.startswith("|")]
    assert exported == source_rows
