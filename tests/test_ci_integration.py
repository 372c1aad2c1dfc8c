"""The pre-commit hook, the GitHub Action and the GitLab snippet: valid, and the action's
check script run for real on a small git repository of drafts."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "docs" / "ci" / "action-check.sh"


def test_pre_commit_hook_definition() -> None:
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    hook = next(h for h in hooks if h["id"] == "redactcheck")
    assert hook["entry"].startswith("redactcheck check")
    assert hook["language"] == "python"
    import re

    pattern = re.compile(hook["files"])
    for name in ("review.docx", "draft.docm", "published.pdf", "notes.md", "notes.txt"):
        assert pattern.search(name)
    assert not pattern.search("chart.xlsx")


def test_action_and_gitlab_snippet_are_valid() -> None:
    action = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
    assert action["runs"]["using"] == "composite"
    steps = action["runs"]["steps"]
    assert any("action-check.sh" in str(s.get("run", "")) for s in steps)
    assert any(str(s.get("uses", "")).startswith("github/codeql-action/upload-sarif")
               for s in steps)
    gitlab = yaml.safe_load((ROOT / "docs" / "ci" / "gitlab-ci.yml").read_text(encoding="utf-8"))
    job = gitlab["redactcheck"]
    assert job["artifacts"]["reports"]["junit"] == "redactcheck.xml"


def _git(repo: Path, *args: str) -> str:
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.invalid",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.invalid"}
    return subprocess.run(["git", *args], cwd=repo, env=env, check=True, capture_output=True,
                          text=True).stdout.strip()


@pytest.mark.skipif(shutil.which("git") is None or shutil.which("bash") is None,
                    reason="git and bash are needed")
def test_the_action_checks_only_changed_drafts(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    repo.mkdir()
    _git(repo, "init", "-q")
    (repo / "clean.txt").write_text("The panel met and agreed the plan.\n", encoding="utf-8")
    _git(repo, "add", ".")
    _git(repo, "commit", "-q", "-m", "first")
    base = _git(repo, "rev-parse", "HEAD")
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}",
           "BASE_SHA": base, "INPUT_SARIF": "out.sarif", "INPUT_PATH": "."}
    unchanged = subprocess.run(["bash", str(SCRIPT)], cwd=repo, env=env, capture_output=True,
                               text=True)
    assert unchanged.returncode == 0, unchanged.stdout + unchanged.stderr
    assert json.loads((repo / "out.sarif").read_text())["runs"][0]["results"] == []
    (repo / "leaky.txt").write_text("On 21/06/2015 Bethany Okafor moved.\n", encoding="utf-8")
    _git(repo, "add", ".")
    _git(repo, "commit", "-q", "-m", "second")
    changed = subprocess.run(["bash", str(SCRIPT)], cwd=repo, env=env, capture_output=True,
                             text=True)
    assert changed.returncode == 1, changed.stdout + changed.stderr
    sarif = json.loads((repo / "out.sarif").read_text())
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
            for r in sarif["runs"][0]["results"]}
    assert uris == {"leaky.txt"}
    assert "Bethany" not in (repo / "out.sarif").read_text()  # masked for public logs
