"""The editor's loop: pre-commit configuration, only changed articles, a progress line on terminals only."""

import os
import pty
import subprocess
import sys

from support import copy_article

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SEED = os.path.join(REPO, "content", "lumbar-disc-sequestration-l3-l4")


def test_pre_commit_files_are_valid():
    for cmd, name in (("validate-config", ".pre-commit-config.yaml"), ("validate-manifest", ".pre-commit-hooks.yaml")):
        r = subprocess.run([sys.executable, "-m", "pre_commit", cmd, os.path.join(REPO, name)],
                           capture_output=True, text=True)
        assert r.returncode == 0, r.stdout + r.stderr


def test_changed_files_check_only_their_articles(tmp_path):
    for slug in ("one", "two"):
        copy_article(tmp_path / slug, slug)
    # what pre-commit passes: the changed files, two of them in the same article
    changed = [str(tmp_path / "two" / "230-mainstream-drug-therapies.yaml"), str(tmp_path / "two" / "article.yaml")]
    r = subprocess.run([sys.executable, "-m", "medlint", "check", "--no-cache", "--today", "2026-11-24", *changed],
                       capture_output=True, text=True, cwd=REPO)
    assert r.returncode == 1
    assert r.stdout.strip().endswith("in 1 article")
    assert "/one/" not in r.stdout


def test_progress_line_only_on_a_terminal(tmp_path):
    for slug in ("one", "two", "three"):
        copy_article(tmp_path / slug, slug)
    args = [sys.executable, "-m", "medlint", "check", str(tmp_path), "--no-cache", "--today", "2026-11-24"]
    piped = subprocess.run(args, capture_output=True, text=True, cwd=REPO)
    assert piped.stderr == ""
    # stderr on a pseudo-terminal: the progress line appears there (and stdout is unchanged)
    master, slave = pty.openpty()
    proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=slave, cwd=REPO)
    os.close(slave)
    out, _ = proc.communicate(timeout=60)
    seen = b""
    while True:
        try:
            chunk = os.read(master, 4096)
        except OSError:
            break
        if not chunk:
            break
        seen += chunk
    os.close(master)
    assert b"checked 3/3 articles" in seen
    assert out.decode() == piped.stdout


# --- through a real `pre-commit run` in a temporary git repository ------------------------------

ISSUE_LINE = "Ibuprofen 750mg as needed, or naproxen 5.0 mg as needed – NSAIDs."


def _git(repo, *args):
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True, env=env)


def _content_repo(tmp_path, files_pattern: str, extra_args: str = ""):
    """A content repository whose local hook runs this venv's medlint (no network)."""
    repo = tmp_path / "site"
    repo.mkdir(parents=True)
    _git(repo, "init", "-q")
    copy_article(repo / "content" / "lumbar-disc-sequestration-l3-l4", "lumbar-disc-sequestration-l3-l4")
    (repo / ".github" / "workflows").mkdir(parents=True)
    (repo / ".github" / "workflows" / "ci.yml").write_text("on: push\njobs: {}\n")
    entry = f"{sys.executable} -m medlint check --no-cache --today 2026-11-24 {extra_args}".strip()
    (repo / ".pre-commit-config.yaml").write_text(
        "repos:\n- repo: local\n  hooks:\n  - id: medlint\n    name: medlint\n"
        f"    entry: {entry}\n    language: system\n    files: '{files_pattern}'\n    require_serial: true\n")
    (repo / "pyproject.toml").write_text('[tool.medlint]\npaths = ["content"]\n')
    _git(repo, "add", "-A")
    return repo


def _pre_commit(repo, *files):
    env = {**os.environ, "PRE_COMMIT_HOME": str(repo.parent / "pre-commit-home")}
    return subprocess.run([sys.executable, "-m", "pre_commit", "run", "--files", *files], cwd=repo,
                          capture_output=True, text=True, env=env)


def _add_issue_line(repo):
    drugs = repo / "content" / "lumbar-disc-sequestration-l3-l4" / "230-mainstream-drug-therapies.yaml"
    text = drugs.read_text(encoding="utf-8")
    first = text.index("  - text: ")  # the first item of the section
    drugs.write_text(text[:first] + f"  - text: {ISSUE_LINE}\n" + text[first:], encoding="utf-8")
    return os.path.relpath(drugs, repo)


def test_pre_commit_blocks_tenfold_notation_and_shows_every_finding(tmp_path):
    repo = _content_repo(tmp_path, r"^content/.*\.ya?ml$", "--select NOT004,DOS001")
    changed = _add_issue_line(repo)
    _git(repo, "add", "-A")
    r = _pre_commit(repo, changed)
    assert r.returncode == 1, r.stdout
    assert "NOT004 [error]" in r.stdout and "tenfold" in r.stdout
    assert r.stdout.count("DOS001 [error]") >= 2  # ibuprofen and naproxen, as needed without a maximum


def test_the_repositorys_own_yaml_files_are_not_articles(tmp_path):
    # even under a hook that passes every YAML file, medlint skips what is not a record of an article
    repo = _content_repo(tmp_path, r"\.ya?ml$", "--select NOT004")
    r = _pre_commit(repo, ".pre-commit-config.yaml", ".github/workflows/ci.yml")
    assert r.returncode == 0, r.stdout
    # and the shipped hook never passes them at all
    import re

    import yaml

    with open(os.path.join(REPO, ".pre-commit-hooks.yaml"), encoding="utf-8") as fh:
        hooks = {h["id"]: h for h in yaml.safe_load(fh)}
    pattern = re.compile(hooks["medlint"]["files"])
    assert not pattern.search(".pre-commit-config.yaml") and not pattern.search(".github/workflows/ci.yml")
    assert pattern.search("content/some-article/010-causes.yaml")
    assert re.search(hooks["medlint-data"]["files"], "checks/notation.yaml")


def test_legacy_content_commits_through_a_baseline(tmp_path):
    repo = _content_repo(tmp_path, r"^content/.*\.ya?ml$", "--baseline medlint-baseline.json")
    # the documented step: record the old findings once, commit the baseline
    r = subprocess.run([sys.executable, "-m", "medlint", "check", "--no-cache", "--today", "2026-11-24",
                        "--write-baseline", "medlint-baseline.json"], cwd=repo, capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    article = repo / "content" / "lumbar-disc-sequestration-l3-l4" / "article.yaml"
    article.write_text(article.read_text(encoding="utf-8").replace("title: ", "title: The ", 1), encoding="utf-8")
    _git(repo, "add", "-A")
    r = _pre_commit(repo, os.path.relpath(article, repo))
    assert r.returncode == 0, r.stdout
    # without the baseline the same edit is blocked by the old findings
    plain = _content_repo(tmp_path / "plain", r"^content/.*\.ya?ml$")
    r = _pre_commit(plain, "content/lumbar-disc-sequestration-l3-l4/article.yaml")
    assert r.returncode == 1
