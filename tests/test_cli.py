"""The CLI as CI and editors use it: the JSON contract, exit codes, determinism, jobs, config, waivers."""

import json
import os
import shutil
import subprocess
import sys

import pytest

from medlint.cli import main
from support import copy_article

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CONTENT = os.path.join(REPO, "content")
SEED = os.path.join(CONTENT, "lumbar-disc-sequestration-l3-l4")
FIELDS = ["check", "category", "severity", "path", "line", "column", "article", "record", "section", "excerpt",
          "context", "message", "suggestion"]


def cli(args, capsys):
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


def test_json_contract(capsys):
    code, out, err = cli(["check", CONTENT, "--format", "json", "--today", "2026-11-24"], capsys)
    doc = json.loads(out)
    assert doc["version"] == 1
    assert code == 1  # the seed has errors
    assert doc["findings"], "the seed has findings"
    for f in doc["findings"]:
        for key in FIELDS:
            assert key in f, key
        assert f["severity"] in ("error", "warning", "info")
        assert f["category"] in ("schema", "units", "notation", "dosing", "disclaimer", "claims", "review",
                                 "consistency", "safety")
        assert isinstance(f["line"], int) and f["line"] >= 1 and f["column"] >= 1
        # the excerpt is the exact text and sits at the reported place in the file
        if f["excerpt"] and f["context"]:
            assert f["excerpt"] in f["context"] or f["excerpt"] in open(f["path"], encoding="utf-8").read()
    s = doc["summary"]
    assert s["findings"] == len(doc["findings"]) and s["articles"] == 1
    assert sum(s["by_severity"].values()) == s["findings"]
    assert doc["articles"][0]["slug"] == "lumbar-disc-sequestration-l3-l4"
    keys = [(f["path"], f["line"], f["column"], f["check"]) for f in doc["findings"]]
    assert [k[:3] for k in keys] == sorted(k[:3] for k in keys)


def test_excerpt_column_points_at_excerpt(capsys):
    code, out, err = cli(["check", CONTENT, "--format", "json", "--today", "2026-11-24"], capsys)
    located = 0
    for f in json.loads(out)["findings"]:
        line = open(f["path"], encoding="utf-8").read().split("\n")[f["line"] - 1]
        if f["excerpt"] and line[f["column"] - 1:].startswith(f["excerpt"]):
            located += 1
    assert located >= 0.9 * len(json.loads(out)["findings"])


def test_text_format_one_line_per_finding(capsys):
    code, out, err = cli(["check", SEED, "--today", "2026-11-24"], capsys)
    lines = out.strip().split("\n")
    for ln in lines[:-1]:
        path, line, col, rest = ln.split(":", 3)
        assert path.endswith(".yaml") and line.isdigit() and col.isdigit() and rest.split()[0][:3].isalpha()
    assert lines[-1].endswith("in 1 article")


def test_fail_on_levels(capsys):
    assert cli(["check", SEED, "--select", "REV003", "--today", "2026-11-24"], capsys)[0] == 0  # a warning
    assert cli(["check", SEED, "--select", "REV003", "--today", "2026-11-24", "--fail-on", "warning"], capsys)[0] == 1
    assert cli(["check", SEED, "--select", "REV003", "--today", "2025-12-01", "--fail-on", "info"], capsys)[0] == 0


def test_jobs_give_identical_output(tmp_path):
    for i in range(4):
        copy_article(tmp_path / f"a{i}", f"a{i}")
    outs = []
    for jobs in ("1", "2"):
        r = subprocess.run([sys.executable, "-m", "medlint", "check", str(tmp_path), "--format", "json",
                            "--today", "2026-11-24", "--jobs", jobs], capture_output=True, cwd=REPO)
        assert r.returncode == 1, r.stderr
        outs.append(r.stdout)
    assert outs[0] == outs[1]
    assert b'"articles": 4' in outs[0]


def test_no_progress_line_when_not_a_terminal():
    r = subprocess.run([sys.executable, "-m", "medlint", "check", CONTENT, "--today", "2026-11-24"],
                       capture_output=True, text=True, cwd=REPO)
    assert r.stderr == ""


@pytest.mark.parametrize("fmt", ["json", "sarif", "github", "text"])
def test_check_output_is_deterministic(fmt, capsys):
    a = cli(["check", CONTENT, "--format", fmt, "--today", "2026-11-24"], capsys)[1]
    b = cli(["check", CONTENT, "--format", fmt, "--today", "2026-11-24"], capsys)[1]
    assert a == b and a


def test_config_from_pyproject(tmp_path, monkeypatch, capsys):
    shutil.copytree(SEED, tmp_path / "content" / "lumbar-disc-sequestration-l3-l4")
    (tmp_path / "pyproject.toml").write_text(
        '[tool.medlint]\npaths = ["content"]\nfail-on = "warning"\nselect = ["REV003"]\n'
        'severity = { REV003 = "error" }\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, out, err = cli(["check", "--today", "2026-11-24", "--format", "json"], capsys)
    doc = json.loads(out)
    assert code == 1 and {f["check"] for f in doc["findings"]} == {"REV003"}
    assert doc["findings"][0]["severity"] == "error"
    # the command line overrides the configuration
    code, out, err = cli(["check", "--today", "2026-11-24", "--select", "REV005", "--fail-on", "error"], capsys)
    assert code == 0 and "REV005" in out
    (tmp_path / "pyproject.toml").write_text('[tool.medlint]\nfail_on = "x"\n', encoding="utf-8")
    code, out, err = cli(["check", "--today", "2026-11-24"], capsys)
    assert code == 2 and err.startswith("medlint: pyproject.toml:2: fail_on: unknown key") and err.count("\n") == 1
    (tmp_path / "pyproject.toml").write_text('[tool.medlint\npaths = ["content"]\n', encoding="utf-8")
    code, out, err = cli(["check", "--today", "2026-11-24"], capsys)
    assert code == 2 and err.startswith("medlint: pyproject.toml:1: cannot read [tool.medlint]") and err.count("\n") == 1
    # a pyproject.toml that never names medlint is not read as TOML at all
    (tmp_path / "pyproject.toml").write_text('[project\nname = "site"\n', encoding="utf-8")
    code, out, err = cli(["check", "content", "--today", "2026-11-24", "--select", "REV005"], capsys)
    assert code == 0 and "REV005" in out and err == ""


def test_waiver_silences_exactly_its_finding_until_it_expires(tmp_path, capsys):
    folder = tmp_path / "lumbar-disc-sequestration-l3-l4"
    shutil.copytree(SEED, folder)
    code, out, err = cli(["check", str(folder), "--format", "json", "--today", "2026-11-24"], capsys)
    before = json.loads(out)["findings"]
    target = next(f for f in before if f["check"] == "CLM001")
    (folder / "waivers.yaml").write_text(
        "waivers:\n"
        f"  - check: {target['check']}\n"
        f"    record: \"{target['record']}\"\n"
        f"    excerpt: \"{target['excerpt']}\"\n"
        "    reason: Figure quoted from the cited trial; reference being added.\n"
        "    accepted_by: Dr. Sam Lee, MD\n"
        "    expires: 2026-12-31\n", encoding="utf-8")
    code, out, err = cli(["check", str(folder), "--format", "json", "--today", "2026-11-24"], capsys)
    after = json.loads(out)
    assert len(after["findings"]) == len(before) - 1
    assert target not in after["findings"]
    assert after["summary"]["waived"] == 1 and after["waived"][0]["waiver"]["reason"].startswith("Figure")
    # after the expiry date the finding counts again
    code, out, err = cli(["check", str(folder), "--format", "json", "--today", "2027-01-01"], capsys)
    assert target["excerpt"] in [f["excerpt"] for f in json.loads(out)["findings"] if f["check"] == "CLM001"]
    # the report lists the waived finding
    code, out, err = cli(["report", str(folder), "--format", "md", "--today", "2026-11-24"], capsys)
    assert "Figure quoted from the cited trial" in out


def test_waiver_without_reason_is_an_error(tmp_path, capsys):
    folder = tmp_path / "lumbar-disc-sequestration-l3-l4"
    shutil.copytree(SEED, folder)
    (folder / "waivers.yaml").write_text(
        "waivers:\n  - check: CLM001\n    excerpt: \">90 %\"\n    reason: \"\"\n    accepted_by: Ed\n"
        "    expires: 2026-12-31\n", encoding="utf-8")
    code, out, err = cli(["check", str(folder), "--format", "json", "--today", "2026-11-24"], capsys)
    found = [f for f in json.loads(out)["findings"] if f["check"] == "WAI001"]
    assert found and found[0]["path"].endswith("waivers.yaml") and found[0]["line"] >= 2
    assert any(f["excerpt"] == ">90 %" and f["check"] == "CLM001" for f in json.loads(out)["findings"])


def test_baseline_blocks_only_new_findings(tmp_path, capsys):
    folder = tmp_path / "lumbar-disc-sequestration-l3-l4"
    shutil.copytree(SEED, folder)
    base = tmp_path / "baseline.json"
    code, out, err = cli(["check", str(folder), "--today", "2026-11-24", "--write-baseline", str(base)], capsys)
    assert code == 0 and base.exists()
    code, out, err = cli(["check", str(folder), "--today", "2026-11-24", "--baseline", str(base)], capsys)
    assert code == 0 and out.startswith("0 findings")
    sec = folder / "230-mainstream-drug-therapies.yaml"
    sec.write_text(sec.read_text(encoding="utf-8").replace(
        "Celecoxib 200 mg daily – COX-2 selective;", "Celecoxib 200 mg daily – COX-2 selective; cures 95 % of pain;"),
        encoding="utf-8")
    code, out, err = cli(["check", str(folder), "--today", "2026-11-24", "--baseline", str(base)], capsys)
    assert code == 1 and "95 %" in out


def test_report_is_deterministic_and_escaped(tmp_path, capsys):
    outs = []
    for i in range(2):
        target = tmp_path / f"r{i}.html"
        assert cli(["report", CONTENT, "--today", "2026-11-24", "--output", str(target)], capsys)[0] == 0
        outs.append(target.read_bytes())
    assert outs[0] == outs[1]
    assert b"<script" not in outs[0].lower()


def test_explain(capsys):
    code, out, err = cli(["explain"], capsys)
    assert code == 0 and "SCH001" in out
    code, out, err = cli(["explain", "sch001"], capsys)
    assert code == 0 and "Source" in out
    code, out, err = cli(["explain", "XYZ999"], capsys)
    assert code == 2 and "unknown check ID" in err


def test_fix_changes_only_flagged_notation(tmp_path, capsys):
    folder = tmp_path / "lumbar-disc-sequestration-l3-l4"
    shutil.copytree(SEED, folder)
    before = {p.name: p.read_text(encoding="utf-8") for p in folder.iterdir()}
    code, out, err = cli(["check", str(folder), "--today", "2026-11-24", "--fix", "--unsafe-fixes", "--format", "json",
                          "--no-cache"], capsys)
    assert "fixed 5 findings in 3 files" in err
    after = {p.name: p.read_text(encoding="utf-8") for p in folder.iterdir()}
    changed = {n for n in before if before[n] != after[n]}
    assert changed == {"230-mainstream-drug-therapies.yaml", "240-dietary-molecular-supplements.yaml",
                       "250-advanced-or-regenerative-drug-like-interventions.yaml"}
    import difflib
    diff = [ln for n in sorted(changed) for ln in difflib.unified_diff(before[n].splitlines(), after[n].splitlines(),
                                                                         lineterm="", n=0)
            if ln[:1] in "+-" and not ln.startswith(("+++", "---"))]
    assert len(diff) == 8  # four lines out, four in (the gabapentin line carries two fixes: ⇧ and TID)
    # the remaining findings are fresh: no notation finding that was fixed is still reported
    remaining = json.loads(out)["findings"]
    assert not [f for f in remaining if f["check"] in ("NOT001", "NOT002", "NOT008")]
    assert any(f["check"] == "DOS001" for f in remaining)


def test_streamed_json_equals_the_in_memory_document(tmp_path):
    """check streams findings article by article; the bytes equal json.render of the whole run."""
    from medlint import engine
    from medlint.render import json as json_out
    from medlint.records.store import find_articles

    for i in range(3):
        copy_article(tmp_path / f"a{i}", f"a{i}")
    (tmp_path / "a1" / "waivers.yaml").write_text(
        "waivers:\n  - check: CLM001\n    excerpt: \">90 %\"\n    reason: Being sourced.\n    accepted_by: Ed\n"
        "    expires: 2026-12-31\n", encoding="utf-8")
    r = subprocess.run([sys.executable, "-m", "medlint", "check", str(tmp_path), "--format", "json", "--no-cache",
                        "--today", "2026-11-24"], capture_output=True, cwd=REPO)
    options = engine.Options(today=__import__("datetime").date(2026, 11, 24))
    cwd = os.getcwd()
    os.chdir(REPO)
    try:
        result = engine.run(sorted(find_articles([str(tmp_path)]), key=engine.order_key), options)
        expected = json_out.render(result.findings, engine.summary(result),
                                   articles=[a.info for a in result.articles], waived=result.waived)
    finally:
        os.chdir(cwd)
    assert r.stdout.decode() == expected
    assert json.loads(r.stdout)["summary"]["waived"] == 1


def test_empty_shard_streams_valid_json(tmp_path, capsys):
    copy_article(tmp_path / "only", "only")
    docs = [json.loads(cli(["check", str(tmp_path), "--format", "json", "--shard", f"{k}/2", "--no-cache",
                            "--today", "2026-11-24"], capsys)[1]) for k in (1, 2)]
    empty = [d for d in docs if d["summary"]["articles"] == 0]
    assert len(empty) == 1 and empty[0]["findings"] == [] and empty[0]["articles"] == []


def test_fix_keeps_the_requested_format(tmp_path, capsys):
    folder = tmp_path / "lumbar-disc-sequestration-l3-l4"
    shutil.copytree(SEED, folder)
    code, out, err = cli(["check", str(folder), "--today", "2026-11-24", "--fix", "--format", "github",
                          "--no-cache"], capsys)
    assert out and all(line.startswith("::") for line in out.splitlines())


def test_data_command_passes_the_shipped_check_data(capsys):
    code, out, err = cli(["data"], capsys)
    assert code == 0 and out == "", out
    assert "check data files valid" in err


def test_data_command_locates_every_problem(tmp_path, capsys):
    from medlint.resources import checks_dir

    shutil.copytree(checks_dir(), tmp_path / "checks")
    claims = tmp_path / "checks" / "claims.yaml"
    text = claims.read_text(encoding="utf-8")
    claims.write_text(text.replace("research_appeals:\n", "research_appeals:\n  - 'studies (show'\n", 1),
                      encoding="utf-8")
    review = tmp_path / "checks" / "review.yaml"
    review.write_text(review.read_text(encoding="utf-8") + "surprise: 1\n", encoding="utf-8")
    stray = tmp_path / "checks" / "extra.yaml"
    stray.write_text("a: 1\n", encoding="utf-8")
    code, out, err = cli(["data", str(claims), str(review), str(stray)], capsys)
    assert code == 2
    lines = out.strip().splitlines()
    assert len(lines) == 3, out
    line = text[: text.index("research_appeals:\n")].count("\n") + 2
    assert lines[0].startswith(f"{claims}:{line}:") and "'studies (show' is not a valid regular expression" in lines[0]
    assert lines[1].startswith(f"{review}:") and "unknown key 'surprise'" in lines[1]
    assert lines[2].startswith(f"{stray}: no schema for check data named 'extra'")
    assert "3 problems in check data" in err


def test_a_command_leaves_the_garbage_collector_as_it_found_it(capsys):
    import gc

    assert gc.isenabled()
    cli(["check", CONTENT, "--today", "2026-11-24", "--select", "REV001"], capsys)
    assert gc.isenabled()
    cli(["check", "/nonexistent/path"], capsys)  # an error path too
    assert gc.isenabled()


# --- the console entry point (console_main): ends the process without teardown ---

def _console(args, env=None, stdout=subprocess.PIPE, prelude=""):
    code = (prelude + "import sys; from medlint.cli import console_main; "
            f"sys.argv = ['medlint'] + {args!r}; console_main()")
    return subprocess.run([sys.executable, "-c", code], stdout=stdout, stderr=subprocess.PIPE, cwd=REPO,
                          env={**os.environ, **(env or {})})


def test_console_main_flushes_everything_to_a_file(tmp_path, capsys):
    """Block-buffered stdout (a file) is flushed before the process ends."""
    out = tmp_path / "out.json"
    with open(out, "wb") as fh:
        r = _console(["check", CONTENT, "--format", "json", "--today", "2026-11-24"], stdout=fh)
    code, expected = cli(["check", CONTENT, "--format", "json", "--today", "2026-11-24"], capsys)[:2]
    assert r.returncode == code == 1, r.stderr
    assert out.read_text(encoding="utf-8") == expected and len(expected) > 8192  # several buffers


def test_console_main_exit_codes_and_usage_errors():
    assert _console(["--version"]).returncode == 0
    r = _console(["check", "--no-such-option"])
    assert r.returncode == 2 and b"--no-such-option" in r.stderr
    r = _console(["check", "/no/such/folder", "--today", "2026-11-24"])
    assert r.returncode == 2 and r.stderr.count(b"\n") == 1


def test_console_main_skips_exit_handlers_unless_debugging():
    """The fast exit is the default; MEDLINT_DEBUG (like a tracer or profiler) gets a normal exit."""
    prelude = "import atexit; atexit.register(lambda: print('exit handlers ran')); "
    args = ["explain", "DOS001"]
    fast = _console(args, prelude=prelude)
    slow = _console(args, env={"MEDLINT_DEBUG": "1"}, prelude=prelude)
    assert fast.returncode == slow.returncode == 0
    assert b"DOS001" in fast.stdout and b"exit handlers ran" not in fast.stdout
    assert slow.stdout.endswith(b"exit handlers ran\n")


def test_console_main_exits_normally_while_a_worker_is_alive():
    """A live child process (a pool an error left open) is ended by the normal exit's handlers."""
    prelude = ("import atexit, multiprocessing, time; atexit.register(lambda: print('exit handlers ran')); "
               "w = multiprocessing.get_context('fork').Process(target=time.sleep, args=(60,), daemon=True); "
               "w.start(); ")
    r = _console(["explain", "DOS001"], prelude=prelude)
    assert r.returncode == 0 and r.stdout.endswith(b"exit handlers ran\n")
