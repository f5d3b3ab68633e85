"""Hostile record text cannot forge CI annotations, drive a terminal or inject into a report,
and a malformed ``report --merge`` input is one located line (exit 2)."""

from __future__ import annotations

import contextlib
import io
import json
import os
import re
from html.parser import HTMLParser

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from medlint.cli import main
from medlint.render import github, html as html_out, markdown
from medlint.textsafe import json_inert, line, visible

from support import SEED_RECORDS, copy_article

FORGED = "::error file=README.md,line=1::FORGED"
HOSTILE = ("\n" + FORGED + " \x1b[2J \x1b]8;;http://evil.example/\x07link\x1b]8;;\x07 \x07 \x85\x9b\x9d "
           "\u2028\u2029\u202e @everyone [x](javascript:alert(1)) <img src=x onerror=alert(1)> ##[error]LEGACY\r\n")
TODAY = "2026-11-24"

# What a terminal or a CI log may act on: C0 (tab included), DEL, C1, line/paragraph separators, bidi controls.
RAW = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
HOSTILE_CHARS = [chr(c) for c in range(0x20)] + ["\x7f"] + [chr(c) for c in range(0x80, 0xa0)] + \
    ["\u2028", "\u2029", "\u202a", "\u202e", "\u2066", "\u2069", ":", "#", "[", "%", ",", "@", "\\", " "]
hostile_text = st.text(st.one_of(st.sampled_from(HOSTILE_CHARS), st.characters()), max_size=60)


# --- the neutraliser -----------------------------------------------------------

def _decode(text: str) -> str:
    named = {"n": "\n", "r": "\r", "t": "\t"}
    return re.sub(r"\\(x[0-9a-f]{2}|u[0-9a-f]{4}|[nrt])",
                  lambda m: named.get(m.group(1)) or chr(int(m.group(1)[1:], 16)), text)


@settings(max_examples=300, deadline=None)
@given(hostile_text)
def test_visible_leaves_nothing_a_terminal_or_log_acts_on(text):
    out = visible(text)
    assert not RAW.search(out) and "\n" not in out and "##[" not in out
    if "\\" not in text:
        assert _decode(out) == text  # nothing lost: every escape reads back


@settings(max_examples=300, deadline=None)
@given(hostile_text, hostile_text)
def test_a_line_never_starts_a_workflow_command(prefix, text):
    for candidate in (text, "::" + text, " \u3000" + "::" + text, prefix + "\n::" + text):
        out = line(candidate)
        assert not out.lstrip().startswith("::"), out
        assert not RAW.search(out) and "\n" not in out


@given(st.text(st.characters(blacklist_categories=("Cc", "Zl", "Zp"),
                             blacklist_characters="\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069#")))
def test_ordinary_text_is_unchanged(text):
    assert visible(text) == text
    if not text.lstrip().startswith("::"):
        assert line(text) == text


@settings(max_examples=200, deadline=None)
@given(hostile_text)
def test_github_escapes_keep_one_command_per_line(text):
    data, prop = github.escape_data(text), github.escape_property(text)
    for out in (data, prop):
        assert not RAW.search(out) and "\r" not in out and "\n" not in out and "##[" not in out
    assert "," not in prop and ":" not in prop
    # GitHub reads %25, %0D and %0A back; no other % sequence is made from text
    assert data.replace("%25", "").replace("%0D", "").replace("%0A", "").count("%") == 0


@settings(max_examples=200, deadline=None)
@given(hostile_text)
def test_json_inert_is_the_same_data(text):
    out = json_inert(json.dumps({"k": text}, ensure_ascii=False))
    assert not RAW.search(out)
    assert json.loads(out) == {"k": text}


class _Tags(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags, self.attrs, self.text = [], [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attrs += attrs

    def handle_data(self, data):
        self.text.append(data)


@settings(max_examples=200, deadline=None)
@given(hostile_text)
def test_markdown_and_html_fields_are_inert(text):
    text = text + HOSTILE
    md = markdown.escape(text)
    assert not RAW.search(md) and "<" not in md and not re.search("(?i)(javascript|vbscript|data):", md)
    assert not re.search("@(?!\u200d)", md)
    for start in ("::", " \u3000\n::"):  # a message line of the comment starts with the escaped text
        assert not markdown.escape(start + text).startswith("::")
    summary = markdown._h(text)
    assert not RAW.search(summary) and "<" not in summary and not re.search("@(?!\u200d)", summary)
    assert not re.search(r"[\[\]`*_|~\\!#:]", re.sub(r"&#?\w+;", "", summary))  # Markdown punctuation: entities
    parser = _Tags()
    parser.feed(f"<p>{html_out.e(text)}</p>")
    assert parser.tags == ["p"] and parser.attrs == []


# --- hostile records through the command line -------------------------------------

def _yaml_str(text: str) -> str:
    return json.dumps(text)  # JSON's escaped string (ASCII only) is a YAML double-quoted scalar


def _set_line(path: str, key: str, value: str) -> None:
    with open(path, encoding="utf-8") as fh:
        lines = fh.read().split("\n")
    i = next(i for i, l in enumerate(lines) if l.startswith(key + ":"))
    lines[i] = f"{key}: {value}"
    with open(path, "w", encoding="utf-8") as fh:
        fh.write("\n".join(lines))


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    """content/ with hostile text in a title, a heading, a waiver excerpt (article a), in a slug,
    an unknown key and a file name (article b), in a YAML tag (article c), and in a folder name
    that puts ``::`` first on a line."""
    root = tmp_path_factory.mktemp("hostile")
    content = root / "content"
    a = copy_article(str(content / "a"), "a")
    _set_line(os.path.join(a, "article.yaml"), "title", _yaml_str("Title" + HOSTILE))
    _set_line(os.path.join(a, "200-physiotherapy-electrotherapy.yaml"), "heading", _yaml_str("Physio" + HOSTILE))
    with open(os.path.join(a, "waivers.yaml"), "w", encoding="utf-8") as fh:
        fh.write(f"waivers:\n- check: CLM001\n  excerpt: {_yaml_str(HOSTILE)}\n  reason: {_yaml_str('why' + HOSTILE)}\n"
                 f"  accepted_by: {_yaml_str('@everyone')}\n  expires: 2027-01-01\n")
    b = copy_article(str(content / "b"), "b")
    _set_line(os.path.join(b, "article.yaml"), "slug", _yaml_str("b" + HOSTILE))
    with open(os.path.join(b, "010-overview.yaml"), "a", encoding="utf-8") as fh:
        fh.write(f"\n{_yaml_str(HOSTILE)}: 1\n")
    with open(os.path.join(b, "x\n" + FORGED + "\x1b[2J.yaml"), "w", encoding="utf-8") as fh:
        fh.write("a: 1\n")
    c = copy_article(str(content / "c"), "c")
    _set_line(os.path.join(c, "010-overview.yaml"), "heading", "!<tag:%1B%5B2J%0A" + FORGED.replace(" ", "%20") + "> X")
    copy_article(str(root / FORGED), FORGED)  # checked as "." below: its path starts the line
    return root


def _run(argv, capsys):
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def _assert_inert(text: str, github_lines: bool = False) -> None:
    assert not RAW.search(text), repr(RAW.search(text))
    assert "##[" not in text
    for l in text.split("\n"):
        if l.lstrip().startswith("::"):
            assert github_lines and re.match(r"::(error|warning|notice) file=[^,:]*,line=\d+,col=\d+,"
                                             r"title=[A-Z]{3}\d{3}::[^\r]*$", l), l


@pytest.mark.parametrize("fmt", ["text", "github", "sarif", "json"])
def test_check_output_and_stderr_are_inert(hostile_site, fmt, capsys, monkeypatch):
    monkeypatch.chdir(hostile_site)
    code, out, err = _run(["check", ".", "--format", fmt, "--today", TODAY, "--no-cache"], capsys)
    assert code == 2  # article c cannot be read; the others are checked
    if fmt == "json":
        doc = json.loads(out)  # escaping is JSON's own; the data keeps every character
        assert any(HOSTILE in (f["message"] or "") for f in doc["findings"])
        _assert_inert(out)  # C1, U+2028/U+2029 and bidi controls as \\u escapes, not raw
    else:
        _assert_inert(out, github_lines=fmt == "github")
        assert "FORGED" in out  # shown, not dropped
    _assert_inert(err)
    assert "unsupported YAML tag" in err and "FORGED" in err and len(err.strip().split("\n")) == 1
    if fmt == "github":
        n = len(json.loads(_run(["check", ".", "--format", "json", "--today", TODAY, "--no-cache"], capsys)[1])
                ["findings"])
        assert out.count("\n") == n and all(l.startswith("::") for l in out.splitlines())
    if fmt == "text":
        assert re.search(r"^\\x3a:error file=README\.md,line=1::FORGED/article\.yaml:\d+:\d+: SCH001", out, re.M)


HTML_TAGS = {"html", "head", "meta", "title", "style", "body", "main", "header", "p", "h1", "h2", "h3", "section",
             "table", "thead", "tbody", "tr", "th", "td", "a", "div", "span", "strong", "code", "blockquote",
             "fieldset", "legend", "label", "input", "ul", "ol", "li", "small", "article", "footer", "mark",
             "dl", "dt", "dd"}
HTML_ATTRS = {"lang", "charset", "name", "content", "class", "id", "href", "aria-label", "aria-hidden",
              "data-label", "type", "value"}


def _assert_html_inert(page: str, shown=("FORGED", "<img src=x")) -> None:
    parser = _Tags()
    parser.feed(page)
    assert set(parser.tags) <= HTML_TAGS, set(parser.tags) - HTML_TAGS
    assert {k for k, _ in parser.attrs} <= HTML_ATTRS
    # links: to an anchor of the page, or a relative path with every unsafe byte percent-encoded
    assert all(v.startswith("#") or re.fullmatch(r"(\.\./)*[A-Za-z0-9%._~/-]+", v) and not v.startswith("/")
               for k, v in parser.attrs if k == "href")
    assert "img" not in parser.tags and not any(k.startswith("on") for k, _ in parser.attrs)
    _assert_inert(page)  # also safe to print in a CI log
    assert all(any(s in t for t in parser.text) for s in shown)  # shown as text, not dropped


def _assert_markdown_inert(md: str) -> None:
    _assert_inert(md)
    assert not re.search("@(?!\u200d)", md), "live @mention"
    assert not re.search("(?i)(javascript|vbscript|data):", md), "live scheme"
    assert set(re.findall(r"</?([a-zA-Z][\w-]*)", md)) <= {"details", "summary", "b"}
    assert "FORGED" in md


def test_reports_are_inert(hostile_site, capsys, monkeypatch):
    monkeypatch.chdir(hostile_site)
    base = ["report", "content", "--today", TODAY, "--no-cache"]
    code, md, err = _run(base + ["--format", "md"], capsys)
    assert code == 2  # article c could not be read
    _assert_markdown_inert(md)
    _assert_inert(err)
    _assert_html_inert(_run(base + ["--format", "html"], capsys)[1])
    report_json = _run(base + ["--format", "json"], capsys)[1]
    _assert_inert(report_json)  # the same data, with what a terminal or JavaScript acts on escaped
    assert any(HOSTILE in (i["message"] or "") for a in json.loads(report_json)["articles"]
               for g in a["groups"] for i in g["findings"])


def test_merged_hostile_shards_are_inert(hostile_site, capsys, monkeypatch, tmp_path):
    monkeypatch.chdir(hostile_site)
    shard = tmp_path / "shard.json"
    shard.write_text(_run(["check", "content", "--format", "json", "--today", TODAY, "--no-cache"], capsys)[1],
                     encoding="utf-8")
    merged = ["report", "--merge", str(shard), "--today", TODAY]
    _assert_markdown_inert(_run(merged + ["--format", "md"], capsys)[1])
    _assert_html_inert(_run(merged + ["--format", "html"], capsys)[1])


def test_usage_errors_are_inert(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["check", "--format", "\x1b[2J\n" + FORGED])
    assert exc.value.code == 2
    err = capsys.readouterr().err
    _assert_inert(err)
    assert err.count("\n") == 1


# --- malformed --merge input --------------------------------------------------------

@pytest.fixture(scope="module")
def shard_doc(tmp_path_factory):
    root = tmp_path_factory.mktemp("shard")
    folder = copy_article(str(root / "s"), "s", SEED_RECORDS)
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        main(["check", folder, "--format", "json", "--today", TODAY, "--no-cache"])
    doc = json.loads(buf.getvalue())
    assert doc["findings"]
    return doc


def _with(doc, edit):
    doc = json.loads(json.dumps(doc))
    edit(doc)
    return json.dumps(doc)


def _set(path, value):
    def edit(doc):
        node = doc
        for step in path[:-1]:
            node = node[step]
        node[path[-1]] = value
    return edit


def _delete(path):
    def edit(doc):
        node = doc
        for step in path[:-1]:
            node = node[step]
        del node[path[-1]]
    return edit


MALFORMED = {
    "not JSON": (lambda d: '{"version": 1,', "not JSON"),
    "empty file": (lambda d: "", "not JSON"),
    "a list": (lambda d: "[]", "expected object"),
    "wrong version": (lambda d: _with(d, _set(["version"], 2)), "version 2 is not supported"),
    "no findings": (lambda d: _with(d, _delete(["findings"])), 'missing key "findings"'),
    "findings not a list": (lambda d: _with(d, _set(["findings"], {"a": 1})), "/findings: expected array"),
    "line is markup": (lambda d: _with(d, _set(["findings", 0, "line"], "9<script>")), "/findings/0/line: expected integer"),
    "column huge": (lambda d: _with(d, _set(["findings", 0, "column"], 10 ** 30)), "/findings/0/column: "),
    "line infinite": (lambda d: _with(d, _set(["findings", 0, "line"], 0.25)).replace('"line": 0.25', '"line": 1e999'),
                      "/findings/0/line: expected integer"),
    "number too long": (lambda d: '{"version": ' + "9" * 5000 + "}", "not JSON"),
    "missing message": (lambda d: _with(d, _delete(["findings", 0, "message"])), 'missing key "message"'),
    "severity unknown": (lambda d: _with(d, _set(["findings", 0, "severity"], "fatal")), "/findings/0/severity"),
    "unknown key": (lambda d: _with(d, _set(["findings", 0, "evil"], 1)), 'unknown key "evil"'),
    "sections a string": (lambda d: _with(d, _set(["articles", 0, "sections"], "abc")), "/articles/0/sections"),
    "article twice": (lambda d: _with(d, lambda x: x["articles"].append(x["articles"][0])), "listed twice"),
    "finding for another article": (lambda d: _with(d, _set(["findings", 0, "article"], "other")),
                                    "/findings/0: article \"other\" is not among"),
    "duplicate key": (lambda d: '{"version": 1, "version": 2}', 'duplicate key "version"'),
    "nested too deeply": (lambda d: "[" * 100000 + "]" * 100000, "nested too deeply"),
    "bad waiver date": (lambda d: _with(d, lambda x: x.__setitem__("waived", [dict(
        x["findings"][0], waiver={"check": "CLM001", "record": None, "excerpt": "x", "reason": "r",
                                  "accepted_by": "a", "expires": "2027-13-45", "path": "w.yaml", "line": 1})])),
                        "/waived/0/waiver/expires"),
}


@pytest.mark.parametrize("case", sorted(MALFORMED))
def test_malformed_merge_input_is_one_located_line(case, shard_doc, tmp_path, capsys):
    make, expected = MALFORMED[case]
    good, bad = tmp_path / "good.json", tmp_path / "bad.json"
    good.write_text(json.dumps(dict(shard_doc, articles=[dict(a, slug="other-article") for a in shard_doc["articles"]],
                                    findings=[dict(f, article="other-article") for f in shard_doc["findings"]])),
                    encoding="utf-8")
    bad.write_text(make(shard_doc), encoding="utf-8")
    out_file = tmp_path / "report.md"
    code, out, err = _run(["report", "--merge", str(good), str(bad), "--today", TODAY, "--output", str(out_file)],
                          capsys)
    assert code == 2, err
    assert out == "" and not out_file.exists()
    assert err.count("\n") == 1 and err.startswith(f"medlint: {bad}"), err
    assert expected in err and "Traceback" not in err and "internal error" not in err


def test_the_same_shard_twice_is_refused(shard_doc, tmp_path, capsys):
    shard = tmp_path / "s.json"
    shard.write_text(json.dumps(shard_doc), encoding="utf-8")
    code, _, err = _run(["report", "--merge", str(shard), str(shard), "--today", TODAY, "--format", "md"], capsys)
    assert code == 2 and f"also in {shard}" in err and err.count("\n") == 1


def test_schema_knows_the_contract(shard_doc):
    from medlint.findings import CATEGORIES, SEVERITIES
    from medlint.records.validate import validator

    assert validator("check-output").is_valid(shard_doc)
    schema = validator("check-output").schema
    finding = schema["$defs"]["finding"]["properties"]
    assert finding["category"]["enum"] == list(CATEGORIES) and finding["severity"]["enum"] == list(SEVERITIES)


def test_renderers_escape_line_and_column_themselves():
    """Defence in depth behind the merge schema: a location that is not a number is still text."""
    from medlint.registry import all_checks
    from medlint.report import build_report
    from medlint.waivers import apply_waivers
    from report_fixtures import TODAY as DAY, findings, info, waivers

    open_, waived = apply_waivers(findings(), waivers(), DAY)[:2]
    report = build_report([info()], open_, waived, all_checks(), DAY)
    items = [i for a in report["articles"] for g in a["groups"] for i in g["findings"]] + \
        [i for a in report["articles"] for i in a["waived"]]
    assert items and any(a["waived"] for a in report["articles"])
    for item in items:
        item["line"], item["column"] = "<img src=x onerror=alert(1)>", "@everyone"
    _assert_html_inert(html_out.render(report), shown=("<img src=x",))
    md = markdown.render(report)
    assert "<img" not in md and not re.search("@(?!\u200d)", md)
