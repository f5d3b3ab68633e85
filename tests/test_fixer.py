"""The fixer: mechanical replacements land exactly on the flagged tokens and nowhere else."""

import datetime as _dt
import os

from medlint.engine import Options, check_article
from medlint.exporter import export_article, words
from medlint.findings import Finding
from medlint.fixer import apply_fixes, plan_fixes
from medlint.records.store import load_article
from support import article_from_text

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SEED = os.path.join(ROOT, "tests", "data", "articles", "lumbar-disc-sequestration-l3-l4.txt")
FIXTURES = os.path.join(ROOT, "tests", "fixtures", "articles")
TODAY = _dt.date(2026, 11, 24)


def leaves(data, pointer=""):
    if isinstance(data, dict):
        out = [(pointer, "keys", tuple(data))]
        for k, v in data.items():
            out += leaves(v, f"{pointer}/{k}")
        return out
    if isinstance(data, list):
        out = [(pointer, "len", len(data))]
        for i, v in enumerate(data):
            out += leaves(v, f"{pointer}/{i}")
        return out
    return [(pointer, "value", data)]


def fix_and_compare(text, tmp_path):
    folder = article_from_text(text, tmp_path, slug="fixme")
    before = load_article(folder)
    result = check_article(folder, Options(today=TODAY))
    fixable = [f for f in result.findings if f.replacement is not None]
    assert fixable
    plan = plan_fixes(result.findings, before.documents)
    assert not plan.skipped, [(s.finding.excerpt, s.reason) for s in plan.skipped]
    written = apply_fixes(plan)
    assert sorted(written) == sorted(plan)
    after = load_article(folder)
    for path, doc in before.documents.items():
        new = after.documents[path]
        if path not in plan:
            assert new.text == doc.text
            continue
        old_leaves, new_leaves = leaves(doc.data), leaves(new.data)
        assert [p for p, _, _ in old_leaves] == [p for p, _, _ in new_leaves]
        for (p, kind, a), (_, _, b) in zip(old_leaves, new_leaves):
            if a == b:
                continue
            assert kind == "value" and isinstance(a, str)
            fixes = [f for f in plan.applied if p.startswith(f.record.split("#", 1)[1] + "/")]
            assert fixes, p
            for f in sorted(fixes, key=lambda f: -f.column):
                a = a.replace(f.excerpt, f.replacement, 1)
            assert a == b, (p, a, b)
        # comments, key order and quoting: only the fixed lines differ, and only at the tokens
        old_lines, new_lines = doc.text.split("\n"), new.text.split("\n")
        assert len(old_lines) == len(new_lines)
        changed = {i + 1 for i, (x, y) in enumerate(zip(old_lines, new_lines)) if x != y}
        assert changed == {f.line for f in plan.applied if f.path == os.path.relpath(path) or os.path.abspath(f.path) == os.path.abspath(path)}
    # the export's words differ exactly at the fixed tokens
    old_words = words(export_article(before.article))
    new_words = words(export_article(after.article))
    import difflib
    sm = difflib.SequenceMatcher(a=old_words, b=new_words, autojunk=False)
    removed = [w for op, i1, i2, _, _ in sm.get_opcodes() if op != "equal" for w in old_words[i1:i2]]
    added = [w for op, _, _, j1, j2 in sm.get_opcodes() if op != "equal" for w in new_words[j1:j2]]
    assert all(any(f.excerpt in w for f in plan.applied) for w in removed), removed
    fixed_words = {w for f in plan.applied for w in f.replacement.split()}
    assert all(w in fixed_words or any(r in w for r in fixed_words) for w in added), added
    return plan, after


def test_seed_fix_changes_only_flagged_notation(tmp_path):
    with open(SEED, encoding="utf-8") as fh:
        text = fh.read()
    plan, after = fix_and_compare(text, tmp_path)
    assert sorted((f.check, f.excerpt) for f in plan.applied) == sorted([
        ("NOT001", "IU"), ("NOT002", "µg"), ("NOT008", "TID"), ("NOT008", "PRN"), ("NOT009", "⇧")])
    items = {i.text.split(" – ")[0] for i in after.article.items()}
    assert "Vitamin D3 (2000 units/day)" in items
    assert "BPC-157 Peptide 250 mcg subcut daily" in items
    assert "Gabapentin 300 mg at night increasing to 900–1200 mg three times daily" in items
    assert "Tramadol 50-100 mg every 6 h as needed" in items
    # fixed again: nothing left to fix
    again = check_article(after.folder, Options(today=TODAY))
    assert not [f for f in again.findings if f.replacement is not None]


def test_sciatica_fix(tmp_path):
    with open(os.path.join(FIXTURES, "sciatica-numbered.txt"), encoding="utf-8") as fh:
        plan, after = fix_and_compare(fh.read(), tmp_path)
    texts = " ".join(getattr(r, "text", "") for r in after.article.texts())
    for good in ("750 mg four times daily", "Cyclobenzaprine 5 mg", "Clonazepam 0.5 mg at bedtime",
                 "500 mcg", "2000 units", "2 mL of local", "Naproxen 500 mg twice daily"):
        assert good in texts, good


def _doc_with(tmp_path, body):
    from medlint.records.yamlio import load_yaml
    path = tmp_path / "010-x.yaml"
    path.write_text(body, encoding="utf-8")
    return str(path), load_yaml(str(path))


def _finding(path, line, col, excerpt, repl, record="/blocks/0/list/0"):
    return Finding(check="NOT002", category="notation", severity="warning", path=path, line=line, column=col,
                   article="x", record=f"010-x.yaml#{record}", section=None, excerpt=excerpt, context="",
                   message="m", suggestion="s", replacement=repl)


BODY = ("# a comment\nheading: Supplements\nblocks:\n- list:\n  - text: 'B12 500 µg daily – it''s fine'\n"
        "    name: B12 500 µg daily  # keep\n")


def test_quoted_scalar_and_comments_kept(tmp_path):
    path, doc = _doc_with(tmp_path, BODY)
    col = doc.line_text(5).index("µg") + 1
    plan = plan_fixes([_finding(path, 5, col, "µg", "mcg")], {path: doc})
    assert plan[path] == BODY.replace("500 µg daily – it", "500 mcg daily – it")
    apply_fixes(plan)
    with open(path, encoding="utf-8") as fh:
        assert fh.read() == plan[path]


def test_a_file_saved_after_the_plan_is_not_overwritten(tmp_path):
    path, doc = _doc_with(tmp_path, BODY)
    col = doc.line_text(5).index("µg") + 1
    plan = plan_fixes([_finding(path, 5, col, "µg", "mcg")], {path: doc})
    assert plan.applied
    edited = BODY.replace("Supplements", "Vitamins")  # the editor saves while the fix is planned
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(edited)
    assert apply_fixes(plan) == []
    with open(path, encoding="utf-8") as fh:
        assert fh.read() == edited
    assert not plan.applied
    assert [s.reason for s in plan.skipped] == ["the file changed after medlint read it: run the fix again"]


def test_a_file_unchanged_since_the_plan_is_written(tmp_path):
    path, doc = _doc_with(tmp_path, BODY)
    col = doc.line_text(5).index("µg") + 1
    plan = plan_fixes([_finding(path, 5, col, "µg", "mcg")], {path: doc})
    assert apply_fixes(plan) == [path] and len(plan.applied) == 1 and not plan.skipped


def test_wrong_position_and_overlap_are_skipped(tmp_path):
    path, doc = _doc_with(tmp_path, BODY)
    col = doc.line_text(5).index("µg") + 1
    fs = [_finding(path, 5, col, "µg", "mcg"), _finding(path, 5, col - 1, " µg", "mcg"),
          _finding(path, 5, 1, "µg", "mcg")]
    plan = plan_fixes(fs, {path: doc})
    assert len(plan.applied) == 1 and len(plan.skipped) == 2
    reasons = " ".join(s.reason for s in plan.skipped)
    assert "not found" in reasons and "overlaps" in reasons


def test_change_outside_the_record_is_refused(tmp_path):
    path, doc = _doc_with(tmp_path, BODY)
    col = doc.line_text(6).index("µg") + 1
    # the finding claims another record: the fix would land in /blocks/0/list/0/name
    plan = plan_fixes([_finding(path, 6, col, "µg", "mcg", record="/blocks/1")], {path: doc})
    assert not plan and plan.skipped
    # a replacement that breaks the YAML (a plain scalar cannot hold ": #") is refused
    plan = plan_fixes([_finding(path, 6, col, "µg", "x: y")], {path: doc})
    assert not plan and plan.skipped
