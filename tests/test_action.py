"""The GitHub Action (action.yml): its shell steps run here as GitHub runs them (bash -eo
pipefail, inputs in the environment, outputs through $GITHUB_OUTPUT) on a temporary git
repository; the SARIF it writes validates against the official schema. What cannot run here:
actions/setup-python and github/codeql-action/upload-sarif (GitHub's own actions)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from tests.conftest import ROOT

ACTION = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
STEPS = {step.get("name", step.get("uses", "")): step for step in ACTION["runs"]["steps"]}
SARIF_SCHEMA = json.loads((ROOT / "tests" / "data" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
CHROME = "Sections | Harbour | Ferries"


def git(repo: Path, *args: str) -> str:
    env = {**os.environ, "GIT_AUTHOR_NAME": "Desk", "GIT_AUTHOR_EMAIL": "desk@example.org",
           "GIT_COMMITTER_NAME": "Desk", "GIT_COMMITTER_EMAIL": "desk@example.org"}
    done = subprocess.run(["git", *args], cwd=repo, capture_output=True, text=True, env=env,
                          check=True)
    return done.stdout.strip()


def article(title: str, body: str, chrome: bool = False) -> str:
    return f"{title}\n\n" + (f"{CHROME}\n\n" if chrome else "") + f"{body}\n"


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A newsroom repository: three committed articles (two with the site's chrome line), then
    a commit that adds a damaged article, edits a clean one, deletes one and edits the README."""
    root = tmp_path / "newsroom"
    (root / "articles").mkdir(parents=True)
    git(root, "init", "-q", "-b", "main")
    (root / "pyproject.toml").write_text(
        '[tool.newslint]\ncorpus = ["articles"]\nchrome-min-documents = 3\nlocale = "en-CA"\n',
        encoding="utf-8")
    (root / "README.md").write_text("# Newsroom\n\nThe the desk's notes.\n", encoding="utf-8")
    texts = {
        "a.txt": article("Harbour plan approved", "The council approved the plan on Monday.", True),
        "b.txt": article("Ferry fares rise", "Riders said the fares were too high.", True),
        "c.txt": article("Library reopens", "The library reopened after repairs to its roof."),
        "d.txt": article("Bridge closes", "The bridge closed for a week of inspections."),
    }
    for name, text in texts.items():
        (root / "articles" / name).write_text(text, encoding="utf-8")
    git(root, "add", ".")
    git(root, "commit", "-q", "-m", "articles")
    (root / "articles" / "new.txt").write_text(
        article("Market opens", "Vendors said the the market would open on Saturday.", True),
        encoding="utf-8")
    (root / "articles" / "c.txt").write_text(
        article("Library reopens", "The library reopened on Tuesday after repairs to its roof."),
        encoding="utf-8")
    (root / "articles" / "d.txt").unlink()
    (root / "README.md").write_text("# Newsroom\n\nThe the desk's notes, edited.\n", encoding="utf-8")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "new article")
    return root


def run_step(name: str, repo: Path, env: dict[str, str], tmp_path: Path) -> tuple[int, str, dict[str, str]]:
    """Run an action step's script as GitHub does; its exit code, output and step outputs."""
    step = STEPS[name]
    outputs = tmp_path / f"output-{len(list(tmp_path.glob('output-*')))}"
    outputs.write_text("", encoding="utf-8")
    script = tmp_path / "step.sh"
    script.write_text(step["run"], encoding="utf-8")
    bin_dir = str(Path(sys.executable).parent)  # this checkout's newslint, as if pip-installed
    full_env = {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}", **env,
                "GITHUB_OUTPUT": str(outputs), "RUNNER_TEMP": str(tmp_path)}
    done = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", str(script)],
                          cwd=repo, env=full_env, capture_output=True, text=True, timeout=600,
                          check=False)
    values = dict(line.split("=", 1) for line in outputs.read_text(encoding="utf-8").splitlines())
    return done.returncode, done.stdout + done.stderr, values


def find_changed(repo: Path, tmp_path: Path, **env: str) -> dict[str, str]:
    base = {"PATHS": "articles", "CHANGED_ONLY": "true", "BASE_REF": "", "PR_BASE_SHA": "",
            "PUSH_BEFORE_SHA": ""}
    code, log, outputs = run_step("Find the changed articles", repo, {**base, **env}, tmp_path)
    assert code == 0, log
    return outputs


def changed_files(outputs: dict[str, str]) -> list[str]:
    return [p for p in Path(outputs["list"]).read_text(encoding="utf-8").split("\0") if p]


def test_scripts_take_their_inputs_from_the_environment() -> None:
    for step in ACTION["runs"]["steps"]:
        if "run" in step:
            assert "${{" not in step["run"], step["name"]  # no injection through file names
            assert step["shell"] == "bash"
    assert {"paths", "args", "sarif-file", "upload-sarif"} <= set(ACTION["inputs"])
    upload = STEPS["Upload SARIF to code scanning"]
    assert upload["uses"].startswith("github/codeql-action/upload-sarif@")
    assert upload["with"]["sarif_file"] == "${{ inputs.sarif-file }}"


def test_changed_articles_of_a_push_or_pull_request(repo: Path, tmp_path: Path) -> None:
    first = git(repo, "rev-parse", "HEAD~1")
    for env in ({"BASE_REF": "HEAD~1"}, {"PR_BASE_SHA": first}, {"PUSH_BEFORE_SHA": first}):
        outputs = find_changed(repo, tmp_path, **env)
        assert outputs["mode"] == "changed"
        # added and modified articles; not the deleted one, not the README outside `paths`
        assert sorted(changed_files(outputs)) == ["articles/c.txt", "articles/new.txt"]
        assert outputs["count"] == "2"
    everything = find_changed(repo, tmp_path, CHANGED_ONLY="false")
    assert everything["mode"] == "all" and changed_files(everything) == ["articles"]
    first_push = find_changed(repo, tmp_path, PUSH_BEFORE_SHA="0" * 40)  # a new branch: all
    assert first_push["mode"] == "all"


def test_run_writes_valid_sarif_for_the_changed_articles_only(repo: Path, tmp_path: Path) -> None:
    changed = find_changed(repo, tmp_path, BASE_REF="HEAD~1")
    env = {"MODE": changed["mode"], "LIST": changed["list"], "SARIF": "newslint.sarif",
           "ARGS": "--no-cache"}
    code, log, outputs = run_step("Run newslint", repo, env, tmp_path)
    assert code == 0, log  # the step records the status; the gate step fails the job
    assert outputs == {"ran": "true", "exit-code": "1"}
    sarif: dict[str, Any] = json.loads((repo / "newslint.sarif").read_text(encoding="utf-8"))
    assert list(jsonschema.Draft4Validator(SARIF_SCHEMA).iter_errors(sarif)) == []
    results = sarif["runs"][0]["results"]
    where = {(r["ruleId"], r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"])
             for r in results}
    # the chrome line is site chrome only because the committed articles carry it too
    assert where == {("NL301", "articles/new.txt"), ("NL110", "articles/new.txt")}
    assert "::warning file=articles/new.txt,line=5" in log  # inline annotations too


def test_nothing_changed_checks_nothing_and_passes(repo: Path, tmp_path: Path) -> None:
    (repo / "README.md").write_text("# Newsroom, again\n", encoding="utf-8")
    git(repo, "commit", "-q", "-am", "readme only")
    changed = find_changed(repo, tmp_path, BASE_REF="HEAD~1")
    assert changed_files(changed) == []
    code, log, outputs = run_step("Run newslint", repo, {
        "MODE": "changed", "LIST": changed["list"], "SARIF": "n.sarif", "ARGS": ""}, tmp_path)
    assert code == 0 and outputs == {"ran": "false"}, log


@pytest.mark.parametrize(("status", "fail_on_findings", "expected"), [
    ("0", "true", 0), ("1", "true", 1), ("1", "false", 0), ("2", "false", 2), ("", "true", 0),
])
def test_gate(repo: Path, tmp_path: Path, status: str, fail_on_findings: str, expected: int) -> None:
    code, _, _ = run_step("Gate on the result", repo,
                          {"STATUS": status, "FAIL_ON_FINDINGS": fail_on_findings}, tmp_path)
    assert code == expected


def test_install_step_installs_the_action_checkout(tmp_path: Path) -> None:
    """The install command on this checkout, into a fresh virtual environment (newslint's
    dependencies left out, and the build backend installed first: they come from PyPI as in
    any install, and would only make the test slow)."""
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    subprocess.run([str(venv / "bin" / "python"), "-m", "pip", "install", "-q", "hatchling"],
                   check=True, capture_output=True)
    env = {"NEWSLINT_INSTALL": "", "ACTION_PATH": str(ROOT), "PIP_NO_DEPS": "1",
           "PIP_NO_BUILD_ISOLATION": "0",  # pip reads this one inverted: no isolation
           "PATH": f"{venv / 'bin'}{os.pathsep}{os.environ['PATH']}"}
    code, log, _ = run_step("Install newslint", tmp_path, env, tmp_path)
    assert code == 0, log
    assert (venv / "bin" / "newslint").exists()
