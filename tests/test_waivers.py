"""Waivers: parsing, validation (WAI001), matching, expiry and stale waivers (WAI002)."""

import datetime as dt

import pytest

from medlint.findings import Finding
from medlint.registry import all_checks
from medlint.waivers import apply_waivers, expired_waivers, load_waivers, parse_waivers

TODAY = dt.date(2026, 11, 24)
PATH = "content/a/waivers.yaml"


def finding(check="CLM001", record="230-drugs.yaml#/blocks/1/list/0", excerpt=">90 %", article="a", line=7):
    return Finding(check=check, category="claims", severity="error", path="content/a/230-drugs.yaml", line=line,
                   column=3, article=article, record=record, section="Drugs", excerpt=excerpt, context="",
                   message="m", suggestion="s")


def waiver_yaml(**fields):
    base = {"check": "CLM001", "record": "230-drugs.yaml#/blocks/1/list/0", "reason": "Quoted from the trial.",
            "accepted_by": "Dr A. Rivera", "expires": "2026-12-31"}
    base.update(fields)
    lines = ["waivers:"]
    first = True
    for k, v in base.items():
        if v is None:
            continue
        lines.append(f"  {'- ' if first else '  '}{k}: {v!r}" if isinstance(v, str) else f"  {'- ' if first else '  '}{k}: {v}")
        first = False
    return "\n".join(lines) + "\n"


def apply(text, findings, today=TODAY):
    ws = parse_waivers(text, PATH, "a")
    return apply_waivers(findings, {"a": ws}, today)


def test_matching_waiver_silences_exactly_its_finding():
    f1, f2 = finding(), finding(record="230-drugs.yaml#/blocks/1/list/1")
    open_, waived, problems = apply(waiver_yaml(), [f1, f2])
    assert open_ == [f2]
    assert [(f, w.reason, w.accepted_by) for f, w in waived] == [(f1, "Quoted from the trial.", "Dr A. Rivera")]
    assert problems == []


def test_other_check_or_article_is_not_silenced():
    fs = [finding(check="CLM002"), finding(article="b")]
    open_, waived, problems = apply_waivers(fs, {"a": parse_waivers(waiver_yaml(), PATH, "a")}, TODAY)
    assert len(open_) == 2 and not waived
    assert [p.check for p in problems] == ["WAI002"]


def test_excerpt_narrows_the_match():
    f1, f2 = finding(excerpt=">90 %"), finding(excerpt="always works")
    open_, waived, _ = apply(waiver_yaml(excerpt="always works"), [f1, f2])
    assert open_ == [f1] and [f for f, _ in waived] == [f2]


def test_excerpt_alone_is_enough():
    open_, waived, problems = apply(waiver_yaml(record=None, excerpt=">90 %"), [finding()])
    assert not open_ and len(waived) == 1 and not problems


def test_expiry_day_still_silences_and_next_day_does_not():
    f = finding()
    _, waived, _ = apply(waiver_yaml(expires="2026-11-24"), [f], today=dt.date(2026, 11, 24))
    assert len(waived) == 1
    ws = parse_waivers(waiver_yaml(expires="2026-11-24"), PATH, "a")
    open_, waived, problems = apply_waivers([f], {"a": ws}, dt.date(2026, 11, 25))
    assert open_ == [f] and not waived and not problems  # it still matches, so it is not stale
    assert [w.check for w in expired_waivers({"a": ws}, dt.date(2026, 11, 25))] == ["CLM001"]
    assert expired_waivers({"a": ws}, dt.date(2026, 11, 24)) == []


@pytest.mark.parametrize("change,fragment", [
    ({"reason": ""}, "reason"),
    ({"reason": "   "}, "reason"),
    ({"reason": None}, "reason"),
    ({"accepted_by": None}, "accepted_by"),
    ({"expires": "end of year"}, "expires"),
    ({"expires": "2026-02-30"}, "expires"),
    ({"record": None}, "record"),
    ({"check": "clm1"}, "check"),
])
def test_invalid_waiver_is_wai001_at_its_line_and_silences_nothing(change, fragment):
    f = finding()
    text = waiver_yaml(**change)
    open_, waived, problems = apply(text, [f])
    assert open_ == [f] and not waived
    assert [p.check for p in problems] == ["WAI001"], problems
    p = problems[0]
    assert fragment in p.message and p.category == "review" and p.severity == "error"
    assert p.path == PATH and p.article == "a" and p.record == "waivers.yaml#/waivers/0"
    assert 2 <= p.line <= text.count("\n")


def test_stale_waiver_is_wai002_at_the_waiver_line():
    text = "waivers:\n  - check: CLM001\n    record: 230-drugs.yaml#/blocks/1/list/0\n    reason: r\n" \
           "    accepted_by: me\n    expires: 2026-12-31\n  - check: CLM004\n    excerpt: gone\n    reason: r\n" \
           "    accepted_by: me\n    expires: 2026-12-31\n"
    _, _, problems = apply(text, [finding()])
    assert [(p.check, p.line, p.excerpt, p.severity) for p in problems] == [("WAI002", 7, "gone", "warning")]


def test_broken_file_is_one_wai001():
    _, _, problems = apply("waivers: [\n", [finding()])
    assert [p.check for p in problems] == ["WAI001"] and "YAML" in problems[0].message
    _, _, problems = apply("waiver:\n  - check: CLM001\n", [])
    assert problems and all(p.check == "WAI001" for p in problems)


def test_load_waivers_reads_the_folder(tmp_path):
    folder = tmp_path / "a"
    folder.mkdir()
    assert load_waivers(str(folder)) == []
    (folder / "waivers.yaml").write_text(waiver_yaml(), encoding="utf-8")
    ws = load_waivers(str(folder))
    assert len(ws) == 1 and ws[0].article == "a" and ws[0].line == 2 and ws[0].expires == dt.date(2026, 12, 31)


# The registry's example runner cannot import waivers.yaml texts as articles; run them here.
@pytest.mark.parametrize("cid", ["WAI001", "WAI002"])
def test_registered_examples(cid):
    info = all_checks()[cid]
    assert info.category == "review" and len(info.rationale) > 200 and "source" in info.rationale.lower()
    target = finding(record="230-mainstream-drug-therapies.yaml#/blocks/1/list/0")
    for text in info.bad:
        _, _, problems = apply(text, [target])
        assert any(p.check == cid for p in problems), (cid, text)
    for text in info.good:
        _, waived, problems = apply(text, [target])
        assert not problems and len(waived) == 1, (cid, problems)
