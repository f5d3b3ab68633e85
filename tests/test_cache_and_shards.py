"""The result cache never changes the output; shards merge back into one run."""

import json
import os
import shutil

import pytest

from medlint.cli import main
from support import copy_article

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SEED = os.path.join(REPO, "content", "lumbar-disc-sequestration-l3-l4")


def corpus(root, n=6):
    for i in range(n):
        copy_article(root / "content" / f"article-{i}", f"article-{i}")
    return root / "content"


def run(args, capsys):
    code = main(args)
    out, err = capsys.readouterr()
    return code, out


@pytest.fixture
def site(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    corpus(tmp_path)
    return tmp_path


def test_cache_gives_identical_bytes_and_invalidates(site, capsys):
    args = ["check", "content", "--format", "json", "--today", "2026-11-24"]
    cold = run(args + ["--no-cache"], capsys)
    assert not (site / ".medlint_cache").exists(), "--no-cache must not write the cache"
    first = run(args, capsys)
    assert (site / ".medlint_cache").is_dir()
    warm = run(args, capsys)
    assert cold == first == warm
    # an edit of one article changes exactly that article's result
    sec = site / "content" / "article-3" / "260-surgical-procedures.yaml"
    sec.write_text(sec.read_text(encoding="utf-8").replace(">90 % fast pain relief", "fast pain relief"),
                   encoding="utf-8")
    edited = run(args, capsys)
    fresh = run(args + ["--no-cache"], capsys)
    assert edited == fresh and edited != warm
    # an edit of the check data invalidates every entry
    from medlint import policy

    data = site / "checks"
    shutil.copytree(os.path.join(REPO, "checks"), data)
    claims = data / "claims.yaml"
    text = claims.read_text(encoding="utf-8")
    policy.use_checks_dir(str(data))
    try:
        before = run(args, capsys)
        assert before == run(args + ["--no-cache"], capsys)
        claims.write_text(text.replace("gold[- ]standard", "gold[- ]standardX"), encoding="utf-8")
        policy.load.cache_clear()
        after = run(args, capsys)
        assert after == run(args + ["--no-cache"], capsys)
        assert after != before, "changing claims.yaml must change the result (and not be served from cache)"
    finally:
        policy.use_checks_dir(None)


def test_corrupt_cache_entry_is_ignored(site, capsys):
    args = ["check", "content", "--format", "json", "--today", "2026-11-24"]
    first = run(args, capsys)
    for dirpath, _, names in os.walk(site / ".medlint_cache"):
        for i, n in enumerate(sorted(n for n in names if n.endswith(".json"))):  # the entries, not the mark
            p = os.path.join(dirpath, n)
            with open(p, "w", encoding="utf-8") as fh:
                fh.write("{not json" if i % 2 else json.dumps({"format": 1, "key": "someone-else", "result": {}}))
    assert run(args, capsys) == first


def test_cache_clear(site, capsys):
    run(["check", "content", "--today", "2026-11-24"], capsys)
    code, out = run(["cache", "clear"], capsys)
    assert code == 0 and "removed 6 cache entries" in out
    assert not (site / ".medlint_cache").exists()


def test_shards_merge_into_the_single_run(site, capsys):
    base = ["--today", "2026-11-24", "--no-cache"]
    single = json.loads(run(["check", "content", "--format", "json"] + base, capsys)[1])
    parts = []
    slugs = []
    for k in (1, 2, 3):
        code, out = run(["check", "content", "--format", "json", "--shard", f"{k}/3"] + base, capsys)
        doc = json.loads(out)
        slugs += [a["slug"] for a in doc["articles"]]
        path = site / f"shard{k}.json"
        path.write_text(out, encoding="utf-8")
        parts.append(str(path))
    assert sorted(slugs) == sorted(a["slug"] for a in single["articles"]), "every article in exactly one shard"
    merged_md = run(["report", "--merge"] + parts + ["--format", "md", "--today", "2026-11-24"], capsys)[1]
    single_md = run(["report", "content", "--format", "md"] + base, capsys)[1]
    assert merged_md == single_md
    merged_json = run(["report", "--merge"] + parts + ["--format", "json", "--today", "2026-11-24"], capsys)[1]
    assert merged_json == run(["report", "content", "--format", "json"] + base, capsys)[1]


def test_bad_shard_spec(site, capsys):
    assert run(["check", "content", "--shard", "4/3"], capsys)[0] == 2
    assert run(["check", "content", "--shard", "x"], capsys)[0] == 2


def _break(site, slug="article-4"):
    (site / "content" / slug / "article.yaml").write_text("title: [unclosed\n", encoding="utf-8")


def test_a_shards_article_error_is_carried_into_the_merged_report(site, capsys):
    _break(site)
    base = ["--today", "2026-11-24", "--no-cache"]
    parts = []
    for k in (1, 2):
        code, out = run(["check", "content", "--format", "json", "--shard", f"{k}/2"] + base, capsys)
        doc = json.loads(out)
        if any(a["slug"] == "article-4" for a in doc["articles"]):
            assert code == 2
            broken = next(a for a in doc["articles"] if a["slug"] == "article-4")
            assert broken["error"] == doc["summary"]["errors"][0] and "article-4/article.yaml:" in broken["error"]
        (site / f"s{k}.json").write_text(out, encoding="utf-8")
        parts.append(str(site / f"s{k}.json"))
    for fmt in ("md", "json"):
        code = main(["report", "--merge"] + parts + ["--format", fmt, "--today", "2026-11-24"])
        merged, err = capsys.readouterr()
        assert code == 2 and "article-4/article.yaml:" in err  # as the single run: exit 2, the error said
        code = main(["report", "content", "--format", fmt] + base)
        single, _ = capsys.readouterr()
        assert code == 2 and merged == single
    data = json.loads(merged)
    assert "invalid YAML" in next(a for a in data["articles"] if a["slug"] == "article-4")["error"]


def test_an_older_shard_without_article_errors_still_carries_them(site, capsys, tmp_path):
    _break(site)
    out = run(["check", "content", "--format", "json", "--today", "2026-11-24", "--no-cache"], capsys)[1]
    doc = json.loads(out)
    for a in doc["articles"]:
        a.pop("error", None)
    old = tmp_path / "old.json"
    old.write_text(json.dumps(doc), encoding="utf-8")
    code = main(["report", "--merge", str(old), "--format", "json", "--today", "2026-11-24"])
    data = json.loads(capsys.readouterr().out)
    assert code == 2 and next(a for a in data["articles"] if a["slug"] == "article-4")["error"] == \
        doc["summary"]["errors"][0]
    doc["summary"]["errors"] = ["elsewhere/x.yaml:1:1: invalid YAML"]
    old.write_text(json.dumps(doc), encoding="utf-8")
    assert main(["report", "--merge", str(old), "--today", "2026-11-24"]) == 2
    err = capsys.readouterr().err
    assert "old.json: summary error" in err and "names none of this file's articles" in err and err.count("\n") == 1
