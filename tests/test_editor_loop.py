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
