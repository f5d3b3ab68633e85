"""Error-prone notation is read in tables: each dose row as the dose checks read it, and
the strength lines ("Tablets: 2.0 mg, 10 mg") that no dose check reads. Located on the
row's line; the fix writes that line."""

import datetime
import os

from medlint.cli import main
from medlint.engine import Options, check_article
from support import article_from_text

TODAY = datetime.date(2026, 12, 1)

PAGE = (
    "Warfarin and ibuprofen: a pharmacist's table\n\n"
    "By Jane Roe, PharmD. Updated 1 March 2026.\n\n"
    "Dosage forms\n"
    "Tablets: 2.0 mg, 10 mg\n"
    "Capsules: 5 mg, 20 mg\n\n"
    "How much to take\n"
    "| Medicine | Weight | Dose | How often |\n"
    "|---|---|---|---|\n"
    "| Warfarin | 70.0 kg | 5.0 mg | once a day (max 10 mg, 2000 IU) |\n"
    "| Ibuprofen | 60 kg | .5 g | every 8 hours, max 3 doses in 24 hours |\n\n"
    "This page is not medical advice; ask your pharmacist.\n"
)


def notation(folder):
    result = check_article(folder, Options(today=TODAY, select=frozenset({"NOT001", "NOT004", "NOT005"})))
    return sorted((f.check, f.excerpt, os.path.basename(f.path), f.column) for f in result.findings)


def test_every_cell_and_every_strength_line_is_read(tmp_path):
    folder = article_from_text(PAGE, tmp_path)
    got = notation(folder)
    checks = [(c, e) for c, e, _, _ in got]
    assert ("NOT004", "2.0") in checks       # a strength line
    assert ("NOT004", "5.0") in checks       # a dose cell
    assert ("NOT001", "IU") in checks        # a dose cell's own words
    assert ("NOT005", ".5") in checks
    assert not any(e == "70.0" for _, e, _, _ in got)  # a body weight is not a dose
    assert len(got) == 4


def test_findings_sit_on_the_printed_line_and_the_fix_writes_it(tmp_path, monkeypatch):
    folder = article_from_text(PAGE, tmp_path)
    for check, excerpt, name, column in notation(folder):
        with open(os.path.join(folder, name), encoding="utf-8") as fh:
            lines = fh.read().splitlines()
        assert any(line[column - 1:].startswith(excerpt) for line in lines), (check, excerpt)
    monkeypatch.chdir(tmp_path)
    main(["check", folder, "--today", TODAY.isoformat(), "--no-cache", "--fix", "--select", "NOT"])
    assert notation(folder) == []
    text = "".join(open(os.path.join(folder, n), encoding="utf-8").read() for n in sorted(os.listdir(folder)))
    assert "Tablets: 2 mg, 10 mg" in text and "| Warfarin | 70.0 kg | 5 mg | once a day (max 10 mg, 2000 units) |" in text
