"""The review board's loop through the command line, one test per problem of the report (issue 17, point 7):
what matters first, the sentence on every card, every section's status, links to the records, each
rationale once, one decision per finding, decisions recorded in waivers.yaml with a sign-off, task lists."""

from __future__ import annotations

import hashlib
import html as _html
import json
import os
import re

import jsonschema
import pytest
from medlint.cli import main
from medlint.records.yamlio import load_yaml
from medlint.render import fold, markdown
from support import SEED_RECORDS, SEED_SLUG, copy_article

TODAY = "2026-11-25"
REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


@pytest.fixture()
def site(tmp_path, monkeypatch):
    copy_article(str(tmp_path / "content" / SEED_SLUG), SEED_SLUG, SEED_RECORDS)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def report(capsys, *options: str) -> dict:
    """reports/review-report.{md,html,json} of the site, as main writes them."""
    assert main(["report", "content", "--today", TODAY, "--no-cache", *options]) == 0
    capsys.readouterr()
    out = {}
    for fmt in ("md", "html", "json"):
        with open(os.path.join("reports", f"review-report.{fmt}"), encoding="utf-8") as fh:
            out[fmt] = fh.read()
    out["data"] = json.loads(out["json"])
    return out


def items(data: dict) -> list[dict]:
    return [i for a in data["articles"] for g in a["groups"] for i in g["findings"]]


def test_what_matters_comes_first(site, capsys):
    r = report(capsys)
    first = [i for i in items(r["data"]) if i["fix_first"]]
    first.sort(key=lambda i: i["fix_first"])
    severities = [i["severity"] for i in first]
    n_errors = severities.count("error")
    assert n_errors and severities[:n_errors] == ["error"] * n_errors  # errors, then the dose and safety findings
    assert all(i["category"] in ("dosing", "safety") for i in first[n_errors:]) and len(first) > n_errors
    page = r["html"]
    cards = [m.group(1) for m in re.finditer(r'<div class="finding (\w+)"', page)]
    assert cards[0] == "error"
    ceiling = page.index("DOS003")
    whole_article = page.index("CLM010</code>")  # the whole-article warning the page used to open with
    assert ceiling < whole_article and ceiling < len(page) * 0.2
    md = r["md"]
    assert md.index("### Fix first") < md.index("DOS003") < md.index("#### Whole article")


def test_every_card_shows_its_sentence(site, capsys):
    r = report(capsys)
    repair = [i for i in items(r["data"]) if i["excerpt"] == "repair"]
    assert repair
    for i in items(r["data"]):
        assert i["excerpt"] in i["sentence"]
        at = i["sentence"].index(i["excerpt"])
        marked = (_html.escape(i["sentence"][:at]) + "<mark>" + _html.escape(i["excerpt"]) + "</mark>"
                  + _html.escape(i["sentence"][at + len(i["excerpt"]):]))
        assert f'<blockquote class="sentence">{marked}</blockquote>' in r["html"], i["id"]
    sentence = repair[0]["sentence"]
    assert len(sentence) > len("repair") + 20
    assert "<b>repair</b>" in r["md"] and sentence.split("repair")[0].strip()[:20] in r["md"]


def test_every_section_is_listed_with_its_status(site, capsys):
    r = report(capsys)
    files = sorted(n for n in os.listdir(os.path.join("content", SEED_SLUG)) if n[:3].isdigit())
    sections = r["data"]["articles"][0]["sections"]
    assert [os.path.basename(s["path"]) for s in sections] == files
    with_findings = {os.path.basename(i["path"]) for i in items(r["data"]) if i["path"].split("/")[-1][:3].isdigit()}
    assert {os.path.basename(s["path"]) for s in sections if s["status"] == "findings"} == with_findings
    passed = len(files) - len(with_findings)
    assert passed > 10
    assert r["html"].count('<li class="passed">') == passed and r["html"].count('<li class="open">') == len(with_findings)
    assert f"### Sections ({len(files)}: {passed} passed, {len(with_findings)} with findings)" in r["md"]
    line = r["md"].split(f"{len(with_findings)} with findings)\n\n", 1)[1].split("\n", 1)[0]
    assert line.count("\u2705") == passed and line.count("\u274c") == len(with_findings)


def test_paths_are_links_relative_to_the_report(site, capsys):
    r = report(capsys)  # every family: every finding fits the Markdown comment budget
    for i in items(r["data"]):
        name = i["path"].rsplit("/", 1)[1]
        assert f"[{name.replace('_', chr(92) + '_')}:{i['line']}](../{i['path']}#L{i['line']})" in r["md"]
        assert f'href="../{i["path"]}"' in r["html"]
        assert os.path.isfile(os.path.join("reports", "..", i["path"]))
    # written elsewhere, the links follow the report
    os.makedirs("out/deep")
    assert main(["report", "content", "--today", TODAY, "--no-cache", "--output", "out/deep/r.md"]) == 0
    with open("out/deep/r.md", encoding="utf-8") as fh:
        assert f"](../../content/{SEED_SLUG}/" in fh.read()


def test_each_rationale_once_per_article(site, capsys):
    r = report(capsys)
    checks = r["data"]["articles"][0]["checks"]
    assert checks["CLM005"]["findings"] > 5
    for cid, c in checks.items():
        assert r["html"].count(_html.escape(c["rationale"])) == 1, cid
        assert r["html"].count(f'href="#why-{SEED_SLUG}-{cid}"') == c["findings"]


def test_one_decision_per_finding_and_task_lists(site, capsys):
    r = report(capsys)  # every family: every finding fits the Markdown comment budget
    ids = [i["id"] for i in items(r["data"])]
    names = re.findall(r'<input type="radio" name="d-([^"]+)" value="(\w+)">', r["html"])
    assert 'type="checkbox"' not in r["html"]
    assert sorted({n for n, _ in names}) == sorted(ids) and len(names) == 3 * len(ids)
    assert {v for _, v in names} == {"accept", "fix", "waive"}
    md = r["md"]
    cards = [l for l in md.splitlines() if re.match(r"- \[ \] \*\*", l)]
    assert len(cards) == len(ids) and "\u2610" not in md
    assert "- [ ] Signed off by the review board" in md


DECISIONS = """\
reviewer: Dr A. Rivera, medical reviewer
date: 2026-11-25
decisions:
  - id: {repair}
    decision: accept
    reason: "'Repair' is the therapy's aim here, not a promised outcome."
  - id: {ceiling}
    decision: waive
    reason: Label maximum for this salt is being checked with the pharmacist.
    expires: 2026-12-31
  - id: {error}
    decision: fix
"""


def _ids(data):
    its = items(data)
    repair = next(i["id"] for i in its if i["excerpt"] == "repair")
    ceiling = next(i["id"] for i in its if i["check"] == "DOS003")
    error = next(i["id"] for i in its if i["check"] == "DSC001")
    return dict(repair=repair, ceiling=ceiling, error=error)


def _digest(path):
    return hashlib.sha256(open(path, "rb").read()).hexdigest() if os.path.exists(path) else None


def test_decisions_are_recorded_and_signed_off(site, capsys):
    before = report(capsys)
    assert "No decisions recorded yet" in before["html"]
    ids = _ids(before["data"])
    waivers = os.path.join("content", SEED_SLUG, "waivers.yaml")
    with open(waivers, "w", encoding="utf-8") as fh:  # an existing file keeps its words and comments
        fh.write("# accepted earlier\nwaivers:\n- check: CLM001\n  excerpt: '>90 %'\n  reason: From the cited trial.\n"
                 "  accepted_by: Dr. Sam Lee, MD\n  expires: 2027-06-30\n")
    site.joinpath("decisions.yaml").write_text(DECISIONS.format(**ids), encoding="utf-8")
    assert main(["review", "decisions.yaml", "content", "--today", TODAY, "--no-cache"]) == 0
    out, err = capsys.readouterr()
    assert out.strip() == f"{waivers}: 2 decisions recorded"
    assert "2 recorded, 1 to fix, 0 already waived" in err
    text = open(waivers, encoding="utf-8").read()
    assert text.startswith("# accepted earlier\nwaivers:\n- check: CLM001\n")
    with open(os.path.join(REPO, "schema", "waivers.schema.json"), encoding="utf-8") as fh:
        schema = json.load(fh)
    data = load_yaml(waivers).data  # medlint's loader: dates stay text, as the schema has them
    jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker()).validate(data)
    new = data["waivers"][1:]
    assert [(w["check"], w["decision"], w["accepted_by"], w["accepted_on"], w["expires"]) for w in new] == [
        ("CLM005", "accept", "Dr A. Rivera, medical reviewer", "2026-11-25", "2027-11-25"),
        ("DOS003", "waive", "Dr A. Rivera, medical reviewer", "2026-11-25", "2026-12-31")]
    after = report(capsys)
    signoff = after["data"]["articles"][0]["signoff"]
    assert [(d["check"], d["decision"], d["accepted_on"]) for d in signoff["decisions"]] == [
        ("CLM001", "waive", None), ("CLM005", "accept", "2026-11-25"), ("DOS003", "waive", "2026-11-25")]
    assert signoff["open"]["error"] == before["data"]["articles"][0]["signoff"]["open"]["error"] - 2
    assert not signoff["ready"]
    section = after["html"].split('aria-label="Sign-off"', 1)[1]
    assert "Dr A. Rivera, medical reviewer" in section and "2026-11-25" in section and "Not ready" in section
    assert "accept: CLM005 \u201crepair\u201d \u2014 Dr A. Rivera, medical reviewer, 2026-11-25" in after["md"]
    # the same file again changes nothing
    digest = _digest(waivers)
    assert main(["review", "decisions.yaml", "content", "--today", TODAY, "--no-cache"]) == 0
    assert "0 recorded, 1 to fix, 2 already waived" in capsys.readouterr().err
    assert _digest(waivers) == digest


BAD = {
    "unknown decision": ("reviewer: X\ndecisions:\n  - id: {repair}\n    decision: maybe\n", 4,
                         "is not one of: accept, fix, waive"),
    "no reason": ("reviewer: X\ndecisions:\n  - id: {repair}\n    decision: accept\n", 3, "needs a reason"),
    "unknown ID": ("reviewer: X\ndecisions:\n  - id: 0123456789ab\n    decision: fix\n", 3, "no open finding has ID"),
    "blank reviewer": ("reviewer: ' '\ndecisions:\n  - id: {repair}\n    decision: fix\n", 1, "reviewer"),
    "decided twice": ("reviewer: X\ndecisions:\n  - id: {repair}\n    decision: fix\n  - id: {repair}\n"
                      "    decision: accept\n    reason: r\n", 5, "decided twice"),
    "expired": ("reviewer: X\ndecisions:\n  - id: {repair}\n    decision: accept\n    reason: r\n"
                "    expires: 2020-01-01\n", 3, "is before the decision's date"),
    "not YAML": ("reviewer: X\ndecisions:\n  - id: [\n", 4, "invalid YAML"),
    "unknown key": ("reviewer: X\nsigned: yes\ndecisions:\n  - id: {repair}\n    decision: fix\n", 2, "signed"),
}


@pytest.mark.parametrize("case", sorted(BAD))
def test_bad_decisions_are_one_located_line_and_change_nothing(case, site, capsys):
    ids = _ids(report(capsys)["data"])
    text, line, expected = BAD[case]
    site.joinpath("d.yaml").write_text(text.format(**ids), encoding="utf-8")
    waivers = os.path.join("content", SEED_SLUG, "waivers.yaml")
    assert main(["review", "d.yaml", "content", "--today", TODAY, "--no-cache"]) == 2
    out, err = capsys.readouterr()
    assert out == "" and err.count("\n") == 1 and err.startswith(f"medlint: d.yaml:{line}:"), err
    assert expected in err and "Traceback" not in err
    assert not os.path.exists(waivers)


def test_a_waivers_file_in_flow_style_is_refused_unchanged(site, capsys):
    ids = _ids(report(capsys)["data"])
    waivers = os.path.join("content", SEED_SLUG, "waivers.yaml")
    with open(waivers, "w", encoding="utf-8") as fh:
        fh.write("waivers: [{check: CLM001, excerpt: '>90 %', reason: r, accepted_by: a, expires: 2027-01-01}]\n")
    digest = _digest(waivers)
    site.joinpath("d.yaml").write_text(DECISIONS.format(**ids), encoding="utf-8")
    assert main(["review", "d.yaml", "content", "--today", TODAY, "--no-cache"]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"medlint: {waivers}: cannot append") and err.count("\n") == 1
    assert _digest(waivers) == digest


# --- the decisions module on its own ----------------------------------------------------------

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from medlint.decisions import Decision, _lookup, waivers_text  # noqa: E402
from medlint.errors import InputError  # noqa: E402
from medlint.waivers import parse_waivers  # noqa: E402

_text = st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=40).filter(lambda t: t.strip())


@settings(max_examples=150, deadline=None)
@given(reason=_text, excerpt=_text, reviewer=_text, indent=st.sampled_from(["", "  ", "    "]))
def test_any_text_reads_back_from_the_waivers_it_writes(reason, excerpt, reviewer, indent):
    entry = {"check": "CLM005", "record": "200-x.yaml#/blocks/0/list/1", "excerpt": excerpt, "reason": reason.strip(),
             "accepted_by": reviewer.strip(), "accepted_on": "2026-11-25", "decision": "accept",
             "expires": "2027-11-25"}
    existing = f"waivers:\n{indent}- check: CLM001\n{indent}  excerpt: x\n{indent}  reason: r\n" \
               f"{indent}  accepted_by: a\n{indent}  expires: 2027-01-01\n"
    for before in (None, existing):
        got = parse_waivers(waivers_text(before, [entry]), "w.yaml", "a")
        assert all(w.valid for w in got), [w.errors for w in got]
        last = {k: v for k, v in got[-1].to_json().items() if k not in ("path", "line")}
        assert last == entry


def test_an_id_shared_by_two_fingerprints_is_refused():
    d = Decision("abcdef12", "fix", "", None, 7, 5)
    index = {"abcdef12" + "0" * 24: ["one"], "abcdef12" + "1" * 24: ["two"]}
    with pytest.raises(InputError) as exc:
        _lookup(d, index, "d.yaml")
    assert str(exc.value).startswith("d.yaml:7:5: ID abcdef12 names 2 different findings")
    assert _lookup(Decision("abcdef120", "fix", "", None, 1, 1), index, "d.yaml") == ["one"]


def test_markdown_states_each_rationale_once_and_cards_refer_to_it(site, capsys):
    r = report(capsys)  # every family: every finding fits the Markdown comment budget
    md, checks = r["md"], r["data"]["articles"][0]["checks"]
    for cid, c in checks.items():
        assert md.count(c["rationale"][:40]) == 1, cid
    assert md.count("Why each check matters is stated once, under *Why these checks*.") == 1
    shared = {cid: c["shared_fix"] for cid, c in checks.items() if c["shared_fix"]}
    assert {"CLM005", "CLM003", "CLM007"} <= set(shared)  # 13, 6 and 7 findings, one suggestion each
    for cid, fix in shared.items():
        assert md.count(markdown.escape(fix)) == 1, cid  # stated once, beside the rationale
        assert md.count(f"*Fix:* as for every {cid} finding (*Why these checks*)") == checks[cid]["findings"]


def test_markdown_holds_every_finding_of_the_seed_with_every_family(site, capsys):
    r = report(capsys)
    md, found = r["md"], items(r["data"])
    assert len(md) <= 60000 and "not shown" not in md
    assert {i["category"] for i in found} >= {"safety", "dosing", "claims"}
    for i in found:
        assert md.count(f"ID `{i['id']}`") == 1, i["id"]
        assert markdown.escape(i["excerpt"]) in md
    # repeated sources: one numbered note each, every message that ends with it points to it
    notes = fold.shared_notes(found)
    assert notes
    for note, n in notes.items():
        assert md.count(markdown.escape(note)) == 1
        ending = [i for i in found if (fold.trailing_note(i["message"]) or ("", ""))[1] == note]
        assert md.count(f"(sources: note {n}, below)") == len(ending) > 1
    for i in found:  # the rest of every message is there, word for word
        got = fold.trailing_note(i["message"])
        body = got[0] if got and got[1] in notes else i["message"]
        assert markdown.escape(body) in md, i["id"]


def test_a_comment_too_small_says_how_many_are_left_out_and_where(site, capsys):
    data = report(capsys)["data"]  # the same document, held to half the comment
    total = len(items(data))
    md = markdown.render(data, max_chars=30000, links_from="..")
    shown = len(re.findall(r"^- \[ \] \*\*", md, re.M))  # the finding cards (not the sign-off box)
    left = total - shown
    assert len(md) <= 30000 and 0 < left < total
    assert f"**{left} of {total} findings of this article not shown here** (comment size limit)" in md
    assert f"`medlint check content/{SEED_SLUG}`" in md and "`medlint report --format html`" in md
    assert md.rstrip().endswith(f"_{left} of {total} findings not shown (comment size limit): the HTML report "
                                "(`medlint report --format html`) and `medlint check` list every one._")


def test_every_article_keeps_its_scorecard_and_says_what_it_leaves_out(tmp_path, monkeypatch, capsys):
    for slug in ("back-pain", "neck-pain"):
        copy_article(str(tmp_path / "content" / slug), slug, SEED_RECORDS)
    monkeypatch.chdir(tmp_path)
    assert main(["report", "content", "--today", TODAY, "--no-cache", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    md = markdown.render(data, links_from="..")
    assert len(md) <= 60000 and md.count("<details>") == 2  # both scorecards, before any card
    total = len(items(data))  # both articles' findings
    counts = [int(n) for n in re.findall(rf"\*\*(\d+) of {total // 2} findings of this article not shown here\*\*", md)]
    shown = len(re.findall(r"^- \[ \] \*\*", md, re.M))
    assert counts and shown + sum(counts) == total
    assert "`medlint check content/neck-pain` list every one" in md
    assert md.rstrip().endswith(f"_{sum(counts)} of {total} findings not shown (comment size limit): the HTML report "
                                "(`medlint report --format html`) and `medlint check` list every one._")
    # a comment too small for the second article's scorecard names it and where to read it
    small = markdown.render(data, max_chars=12000, links_from="..")
    assert len(small) <= 12000 and small.count("<details>") == 1
    assert small.rstrip().endswith("articles left out whole: Lumbar Intervertebral Disc Sequestration at L3–L4 "
                                   "(`medlint check content/neck-pain`): the HTML report (`medlint report --format "
                                   "html`) and `medlint check` list every one._")
