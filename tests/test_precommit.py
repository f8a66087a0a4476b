"""The real ``pre-commit try-repo`` against a temporary corpus repository.

try-repo installs the hook from a git commit, so the working tree (committed or not) is copied
into a temporary repository and committed there: the test checks the code as it is on disk, in
CI on a fresh clone and locally with uncommitted changes. Installing the hook environment
(newslint and spaCy from the package index) is slow, so it happens once per session.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

CHROME = "Sections | Politics | World"
OLD_ARTICLES = {
    "old0.txt": ("Council approves new transit budget",
                 "The city council approved a new transit budget on Tuesday after a long debate "
                 "over bus routes.\n\nCouncillors said the plan would add service to the eastern "
                 "suburbs by next spring."),
    "old1.txt": ("Harbour cleanup enters second phase",
                 "Crews began the second phase of the harbour cleanup this week, removing sediment "
                 "near the old shipyard.\n\nThe ministry expects the work to last until the end "
                 "of the summer."),
    "old2.txt": ("Library extends weekend hours",
                 "The public library will stay open later on weekends starting next month, "
                 "officials announced.\n\nThe change follows a survey in which most residents "
                 "asked for more evening access to study rooms."),
}
CLEAN = ("School board names new superintendent\n\nThe school board named a new superintendent "
         "on Monday after a six-month search across the country.\n\nThe appointee previously led "
         "a district of similar size and starts work in August.\n")
DAMAGED = (f"Bridge repairs delayed by supply problems\n\n{CHROME}\n\nRepairs to the river bridge "
           "will be delayed by at least two months because of a shortage of steel beams.\n\n"
           "Engineers said the the bridge remains safe for cars but heavy trucks must use a "
           "detour.\n")


def _git(*args: str, cwd: Path) -> str:
    env = dict(os.environ, GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@example.org",
               GIT_COMMITTER_NAME="t", GIT_COMMITTER_EMAIL="t@example.org")
    done = subprocess.run(["git", *args], cwd=cwd, env=env, capture_output=True, text=True,
                          check=True)
    return done.stdout


def _source_files() -> list[str]:
    """The project's files as on disk: tracked and untracked, minus what .gitignore skips."""
    listed = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard", "-z"],
        cwd=ROOT, capture_output=True, text=True, check=False,
    )
    if listed.returncode == 0 and listed.stdout:
        return [p for p in listed.stdout.split("\0") if p and (ROOT / p).is_file()]
    keep = ("lint/", "rules/", "pyproject.toml", "README.md", ".pre-commit-hooks.yaml")
    return [str(p.relative_to(ROOT)) for p in ROOT.rglob("*")
            if p.is_file() and str(p.relative_to(ROOT)).startswith(keep)]


@pytest.fixture(scope="session")
def hook_repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A git repository holding a committed copy of this working tree."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    repo = tmp_path_factory.mktemp("newslint-src")
    for rel in _source_files():
        if rel.startswith(("seeds/", "bench/", ".ci/")):
            continue
        target = repo / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / rel, target)
    _git("init", "-q", cwd=repo)
    _git("add", "-A", cwd=repo)
    _git("commit", "-q", "-m", "snapshot", cwd=repo)
    return repo


@pytest.fixture
def corpus_repo(tmp_path: Path) -> Path:
    """A newsroom repository: three committed articles sharing a chrome line, two new ones."""
    repo = tmp_path / "newsroom"
    (repo / "articles").mkdir(parents=True)
    (repo / "pyproject.toml").write_text('[tool.newslint]\ncorpus = ["articles"]\n')
    for name, (headline, body) in OLD_ARTICLES.items():
        (repo / "articles" / name).write_text(f"{headline}\n\n{CHROME}\n\n{body}\n")
    _git("init", "-q", cwd=repo)
    _git("add", "-A", cwd=repo)
    _git("commit", "-q", "-m", "corpus", cwd=repo)
    (repo / "articles" / "new_clean.txt").write_text(CLEAN)
    (repo / "articles" / "new_damaged.txt").write_text(DAMAGED)
    (repo / "notes.md").write_text("Editors' notes: the the agenda is not an article.\n")
    _git("add", "-A", cwd=repo)
    return repo


def test_pre_commit_try_repo_reports_only_new_damage(
    hook_repo: Path, corpus_repo: Path, tmp_path: Path
) -> None:
    pre_commit = Path(sys.executable).with_name("pre-commit")
    command = [str(pre_commit)] if pre_commit.exists() else [sys.executable, "-m", "pre_commit"]
    env = dict(os.environ, PRE_COMMIT_HOME=str(tmp_path / "pre-commit-home"), NO_COLOR="1")
    env.pop("VIRTUAL_ENV", None)
    done = subprocess.run(
        [*command, "try-repo", str(hook_repo), "newslint", "--color", "never", "--verbose"],
        cwd=corpus_repo, env=env, capture_output=True, text=True, timeout=1800, check=False,
    )
    out = done.stdout + done.stderr
    assert done.returncode == 1, out
    assert "Failed" in out, out
    # the doubled word, and the chrome line: found only by comparing with the committed corpus
    assert "articles/new_damaged.txt:7:16: NL301" in out, out
    assert "articles/new_damaged.txt:3:1: NL110" in out, out
    # nothing on the clean article, the committed ones, or a staged file outside the corpus
    assert "new_clean.txt:" not in out, out
    assert "old0.txt:" not in out and "notes.md:" not in out, out
