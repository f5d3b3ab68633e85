"""SARIF (validated against the OASIS schema), GitHub annotations, Markdown and HTML escaping."""

import json
import os
import re

from medlint.baseline import fingerprint
from medlint.findings import Finding
from medlint.registry import all_checks
from medlint.render import github, html, markdown, sarif
from medlint.report import build_report
from medlint.waivers import apply_waivers, expired_waivers
from report_fixtures import EVIL, TODAY, F, findings, info, waivers

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SARIF_SCHEMA = os.path.join(REPO, "tests", "data", "reference", "sarif-schema-2.1.0.json")
REG = all_checks()


def outcome():
    ws = waivers()
    open_, waived, problems = apply_waivers(findings(), ws, TODAY)
    return open_ + problems, waived, expired_waivers(ws, TODAY)


def report():
    open_, waived, expired = outcome()
    return build_report([info()], open_, waived, REG, TODAY, expired=expired)


# --- SARIF -----------------------------------------------------------------


def test_sarif_validates_against_the_oasis_schema():
    import jsonschema

    with open(SARIF_SCHEMA, encoding="utf-8") as fh:
        schema = json.load(fh)
    open_, waived, _ = outcome()
    doc = json.loads(sarif.render(open_, None, registry=REG, waived=waived))
    jsonschema.Draft7Validator(schema).validate(doc)
    assert doc["version"] == "2.1.0" and "$schema" in doc and len(doc["runs"]) == 1


def test_sarif_content():
    open_, waived, _ = outcome()
    doc = sarif.document(open_, REG, waived)
    run = doc["runs"][0]
    driver = run["tool"]["driver"]
    assert "informationUri" not in driver
    rules = {r["id"]: r for r in driver["rules"]}
    assert set(rules) == set(REG)
    assert rules["CLM001"]["fullDescription"]["text"] == REG["CLM001"].rationale
    assert rules["CLM001"]["help"]["text"] == REG["CLM001"].fix
    assert rules["CLM001"]["defaultConfiguration"]["level"] == "error"
    levels = {r["ruleId"]: r["level"] for r in run["results"] if "suppressions" not in r}
    assert levels["CON004"] == "note" and levels["REV005"] == "warning"
    faq = next(r for r in run["results"] if r["ruleId"] == "CLM001" and "suppressions" not in r)
    loc = faq["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"]["uri"] == "content/lumbar/030-faq.yaml"
    assert loc["region"] == {"startLine": 5, "startColumn": 3, "snippet": {"text": "works in 90 % of cases"}}
    suppressed = [r for r in run["results"] if "suppressions" in r]
    assert len(suppressed) == 1
    sup = suppressed[0]["suppressions"][0]
    assert sup["kind"] == "external" and "Quoted from the cited trial." in sup["justification"]


def test_sarif_fingerprints_survive_line_moves_and_output_is_deterministic():
    f = F("CLM001", "claims", "error", "020-drugs.yaml", 9, "/blocks/1/list/0", ">90 %")
    moved = Finding(**{**f.to_json(), "line": 90, "column": 1})
    a = sarif.document([f], REG)["runs"][0]["results"][0]["partialFingerprints"]
    b = sarif.document([moved], REG)["runs"][0]["results"][0]["partialFingerprints"]
    assert a == b == {"medlint/v1": fingerprint(f)}
    fs = findings()
    assert sarif.render(fs, None, registry=REG) == sarif.render(list(reversed(fs)), None, registry=REG)


# --- GitHub ----------------------------------------------------------------


def test_github_annotation_format_and_levels():
    out = github.render(findings())
    lines = out.splitlines()
    assert len(lines) == 5
    assert any(l.startswith("::notice file=content/lumbar/010-overview.yaml,line=2,col=3,title=CON004::") for l in lines)
    assert any(l.startswith("::error file=content/lumbar/020-drugs.yaml,line=9,col=3,title=CLM001::") for l in lines)


def test_github_escaping():
    f = Finding(check="CLM001", category="claims", severity="warning", path="c/a,b:c/0%1.yaml", line=3, column=1,
                article="a", record="x#/", section=None, excerpt="e", context="",
                message="50% of\r\npatients::error file=x::forged", suggestion="")
    out = github.line(f)
    assert out == ("::warning file=c/a%2Cb%3Ac/0%251.yaml,line=3,col=1,title=CLM001::"
                   "50%25 of%0D%0Apatients::error file=x::forged")
    assert "\n" not in out and "\r" not in out
    assert github.escape_property("a:b,c%\n") == "a%3Ab%2Cc%25%0A"


# --- Markdown --------------------------------------------------------------


def test_markdown_escapes_article_text():
    esc = markdown.escape(EVIL)
    assert "<" not in esc and ">" not in esc
    assert "&lt;script&gt;" in esc
    assert "\\*bold\\*" in esc and "\\[link\\]" in esc and "\\|" in esc and "\\@\u200dteam" in esc
    assert markdown.escape("a\nb\r\n- c") == "a b - c"
    assert markdown.escape("- list") == "\\- list"
    assert markdown.escape("`code` _x_ ~~s~~ $x$ ![i]") == "\\`code\\` \\_x\\_ \\~\\~s\\~\\~ \\$x\\$ \\!\\[i\\]"


def test_markdown_report_shape():
    r = report()
    out = markdown.render(r)
    assert out.startswith("## medlint review")
    assert "<details open>" in out and "</details>" in out
    assert "<script>" not in out and "&lt;script&gt;" in out
    summary = next(l for l in out.splitlines() if l.startswith("<summary>"))
    assert "Lumbar Disc Sequestration" in summary
    assert "Waived (1)" in out and "Expired waivers (1)" in out
    for heading in ("#### Whole article", "#### Overview", "#### Drugs", "#### FAQ"):
        assert heading in out
    assert out.index("#### Overview") < out.index("#### Drugs") < out.index("#### FAQ")
    # one GitHub task-list item per open finding (4) and one for the sign-off; no loose boxes
    assert out.count("\n- [ ] ") == 5 and "\u2610" not in out
    assert "### Fix first (1)" in out and "### Sign-off" in out
    assert out == markdown.render(report())


def test_markdown_summary_title_is_html_escaped():
    open_, waived, expired = outcome()
    r = build_report([info(title=EVIL)], open_, waived, REG, TODAY, expired=expired)
    out = markdown.render(r)
    assert "<script>" not in out
    assert "<summary><b>&lt;script&gt;" in out


def test_markdown_respects_the_size_limit():
    many = [F("CLM001", "claims", "error", "020-drugs.yaml", i, f"/blocks/{i}", "x" * 200, "Drugs") for i in range(1, 400)]
    r = build_report([info()], many, [], REG, TODAY)
    out = markdown.render(r, max_chars=20000)
    assert len(out) <= 20000 and out.count("</details>") == 1
    shown = out.count("\n- [ ] **")
    assert 0 < shown < 399 and f"_{399 - shown} of 399 findings not shown (comment size limit)" in out
    assert f"**{399 - shown} of 399 findings of this article not shown here**" in out


def test_several_articles_markdown_has_a_table():
    fs = findings() + findings("neck")
    r = build_report([info(), info("neck", "Neck")], fs, [], REG, TODAY)
    out = markdown.render(r)
    assert "| Article | Errors |" in out and out.count("<details>") == 2


# --- HTML (static checks; the browser test looks at it for real) -------------


def test_html_is_self_contained_and_escaped():
    open_, waived, expired = outcome()
    r = build_report([info(title=EVIL)], open_, waived, REG, TODAY, expired=expired)
    out = html.render(r)
    assert out.startswith("<!DOCTYPE html>")
    assert "<script" not in out.lower()
    assert "&lt;script&gt;" in out
    for banned in ("http://", "https://", "@import", "url("):
        assert banned not in out.replace("http://e.x", ""), banned
    assert '<meta name="viewport"' in out and "@media print" in out
    # one choice per finding: three radio buttons sharing one name, per open finding (4)
    assert 'type="checkbox"' not in out and out.count('type="radio"') == 3 * 4
    names = re.findall(r'type="radio" name="([^"]+)"', out)
    assert len(set(names)) == 4 and all(names.count(n) == 3 for n in names)
    assert out == html.render(r)


def test_fold_takes_only_a_long_balanced_trailing_parenthetical():
    from medlint.render import fold

    src = "FDA class labeling (Boxed Warning, 2005); 21 CFR 201.326(a)(2) stomach bleeding warning"
    assert fold.trailing_note(f"Ibuprofen has no warning ({src}).") == ("Ibuprofen has no warning", src, ".")
    assert fold.trailing_note(f"No warning ({src})") == ("No warning", src, "")
    assert fold.trailing_note("Short (a note).") is None  # under MIN_NOTE: stays in the message
    assert fold.trailing_note(f"({src}).") is None  # nothing but the note: nothing to fold
    assert fold.trailing_note(f"Unbalanced {src}).") is None and fold.trailing_note("") is None
    items = [{"message": f"A ({src})."}, {"message": "B (other)."}, {"message": f"C ({src})."},
             {"message": f"D ({src[::-1]})."}]
    assert fold.shared_notes(items) == {src: 1}  # only what two or more messages end with
