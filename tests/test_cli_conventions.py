"""The conventions users know from ruff and Vale: command suggestions, -V, --output-file,
--color and NO_COLOR, errors on stderr, the fix hint, standard input with --stdin-filename, a
progress bar on terminals only, and --help with its options under headings."""

from __future__ import annotations

import json
import os
import pty
import select
import subprocess
from pathlib import Path

import pytest

from lint import __version__
from tests.conftest import newslint_command, run_cli

DOUBLED = "Harbour plan approved\n\nThe council approved the the plan on Monday.\n"
ESCAPE = "\x1b["


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "newslint.toml").write_text("", encoding="utf-8")
    (tmp_path / "a.txt").write_text(DOUBLED, encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize(("typed", "suggested"), [
    (["rule", "NL401"], "newslint rules"), (["explian", "NL201"], "newslint explain"),
    (["version"], "newslint --version"), (["reprot", "."], "newslint report"),
])
def test_a_mistyped_command_gets_a_suggestion(folder: Path, typed: list[str], suggested: str) -> None:
    done = run_cli(typed, cwd=folder)
    assert done.returncode == 2
    assert f"did you mean '{suggested}'" in done.stderr and "no such file" not in done.stderr
    assert done.stdout == ""


def test_a_path_named_like_a_command_is_still_checked(folder: Path) -> None:
    (folder / "rule").write_text(DOUBLED, encoding="utf-8")
    done = run_cli(["rule", "--no-show-source"], cwd=folder)
    assert done.returncode == 1 and "rule:3:" in done.stdout
    missing = run_cli(["old-articles.txt"], cwd=folder)  # a path, not a word: no suggestion
    assert missing.returncode == 2 and "old-articles.txt: no such file" in missing.stderr


def test_short_version_flag() -> None:
    done = run_cli(["-V"])
    assert done.returncode == 0 and __version__ in done.stdout


def test_errors_go_to_stderr_in_every_format(folder: Path) -> None:
    for fmt in ("text", "json"):
        done = run_cli(["a.txt", "missing.txt", "--format", fmt], cwd=folder)
        assert done.returncode == 2
        assert "missing.txt: no such file or directory" in done.stderr
        if fmt == "text":
            assert "missing.txt" not in done.stdout
        else:  # the JSON summary lists it as data, and the output stays valid JSON
            assert json.loads(done.stdout)["summary"]["missing_paths"] == ["missing.txt"]


@pytest.mark.parametrize("fmt", ["text", "json", "sarif"])
def test_output_file(folder: Path, fmt: str) -> None:
    done = run_cli(["a.txt", "--format", fmt, "--output-file", "out.txt"], cwd=folder)
    assert done.returncode == 1 and done.stdout == ""
    written = (folder / "out.txt").read_text(encoding="utf-8")
    assert "NL301" in written and ESCAPE not in written
    if fmt != "text":
        json.loads(written)


def _on_a_terminal(args: list[str], cwd: Path, env: dict[str, str]) -> str:
    """Run newslint with stdout and stderr on a pseudo-terminal; what it printed."""
    leader, follower = pty.openpty()
    process = subprocess.Popen([*newslint_command(), *args], cwd=cwd, stdout=follower,
                               stderr=follower, stdin=subprocess.DEVNULL, env=env)
    os.close(follower)
    chunks: list[bytes] = []
    while True:
        ready, _, _ = select.select([leader], [], [], 120)
        if not ready:
            break
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the terminal closed: the process is done
            break
        if not chunk:
            break
        chunks.append(chunk)
    process.wait(timeout=120)
    os.close(leader)
    return b"".join(chunks).decode("utf-8", "replace")


def test_color_on_a_terminal_and_no_color(folder: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    env["TERM"] = "xterm-256color"
    assert ESCAPE in _on_a_terminal(["a.txt"], folder, env)
    assert ESCAPE not in _on_a_terminal(["a.txt", "--color", "never"], folder, env)
    # NO_COLOR: no escape code at all (rich alone would still print bold and dim)
    assert ESCAPE not in _on_a_terminal(["a.txt"], folder, {**env, "NO_COLOR": "1"})
    # an explicit --color always wins over the environment, as no-color.org asks
    assert ESCAPE in _on_a_terminal(["a.txt", "--color", "always"], folder, {**env, "NO_COLOR": "1"})


def test_color_always_into_a_pipe(folder: Path) -> None:
    assert ESCAPE in run_cli(["a.txt", "--color", "always"], cwd=folder).stdout
    assert ESCAPE not in run_cli(["a.txt"], cwd=folder).stdout


def test_fix_hint_counts_safe_and_unsafe_fixes(folder: Path) -> None:
    done = run_cli(["a.txt", "--no-show-source"], cwd=folder)
    assert done.stdout.strip().splitlines()[-1] == "[*] 1 fixable with --fix."
    data = json.loads(run_cli(["a.txt", "--format", "json"], cwd=folder).stdout)
    assert data["summary"]["fixable"] == {"safe": 1, "unsafe": 0}
    (folder / "b.txt").write_text("Harbour plan approved\n\nThe council met on Monday.\n",
                                  encoding="utf-8")
    clean = run_cli(["b.txt"], cwd=folder)
    assert clean.returncode == 0 and "fixable" not in clean.stdout


def test_help_groups_the_options_under_headings_like_ruff() -> None:
    for args in (["--help"], ["check", "--help"]):
        text = run_cli(args).stdout
        order = [line.split(":")[0] for line in text.splitlines()
                 if line.split(":")[0] in ("Input", "Rules", "Output", "Fixes", "Run")]
        assert order == ["Input", "Rules", "Output", "Fixes", "Run"], text
        rules_part = text.split("\nRules:")[1].split("\nOutput:")[0]
        assert "--select" in rules_part and "--ignore" in rules_part
        fixes_part = text.split("\nFixes:")[1].split("\nRun:")[0]
        assert "--fix" in fixes_part and "--diff" in fixes_part


# -- standard input ----------------------------------------------------------------------------

CHROME = "Sections | Harbour | Ferries"


def _newsroom(tmp_path: Path, others_with_chrome: int) -> Path:
    """A corpus of four articles, ``others_with_chrome`` of them carrying a site-chrome line,
    and the saved copy of the article being edited, which carries it too."""
    root = tmp_path / "newsroom"
    articles = root / "articles"
    articles.mkdir(parents=True)
    (root / "newslint.toml").write_text(
        'corpus = ["articles"]\nchrome-min-documents = 3\nselect = ["NL110", "NL301"]\n'
        '[per-file-ignores]\n"articles/ignored-*.txt" = ["NL301"]\n', encoding="utf-8")
    for i in range(4):
        chrome = f"{CHROME}\n\n" if i < others_with_chrome else ""
        (articles / f"story-{i}.txt").write_text(
            f"Story {i} headline\n\n{chrome}Paragraph {i} of a different article, about "
            f"topic number {i}.\n", encoding="utf-8")
    (articles / "draft.txt").write_text(f"Draft headline\n\n{CHROME}\n\nOld text.\n",
                                        encoding="utf-8")
    return root


def _stdin(root: Path, text: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*newslint_command(), "-", *args, "--no-cache"], cwd=root, input=text,
                          capture_output=True, text=True, timeout=300, check=False)


def test_stdin_is_checked_against_the_corpus_under_its_name(tmp_path: Path) -> None:
    root = _newsroom(tmp_path, others_with_chrome=2)
    edited = f"Draft headline\n\n{CHROME}\n\nThe the new text.\n"
    done = _stdin(root, edited, "--stdin-filename", "articles/draft.txt", "--no-show-source")
    assert done.returncode == 1, done.stderr
    lines = done.stdout.splitlines()
    assert any(line.startswith("articles/draft.txt:3:1: NL110") for line in lines), lines
    assert any(line.startswith("articles/draft.txt:5:1: NL301") for line in lines), lines
    assert not any("story-" in line for line in lines)  # only the article read is reported


def test_stdin_article_is_not_compared_with_its_own_saved_copy(tmp_path: Path) -> None:
    """One other article carries the line: with the saved copy it would make three (chrome);
    the saved copy is the old version of this same article, so it is left out."""
    root = _newsroom(tmp_path, others_with_chrome=1)
    edited = f"Draft headline\n\n{CHROME}\n\nNew text.\n"
    done = _stdin(root, edited, "--stdin-filename", "articles/draft.txt", "--format", "json")
    assert done.returncode == 0, done.stdout + done.stderr
    assert json.loads(done.stdout)["diagnostics"] == []


def test_stdin_filename_is_matched_by_per_file_ignores(tmp_path: Path) -> None:
    root = _newsroom(tmp_path, others_with_chrome=0)
    text = "Headline\n\nThe the text.\n"
    assert _stdin(root, text, "--stdin-filename", "articles/ignored-1.txt").returncode == 0
    shown = _stdin(root, text, "--stdin-filename", "articles/other.txt", "--format", "json")
    assert [d["path"] for d in json.loads(shown.stdout)["diagnostics"]] == ["articles/other.txt"]
    bare = _stdin(root, text, "--format", "json")
    assert [d["path"] for d in json.loads(bare.stdout)["diagnostics"]] == ["-"]


def test_stdin_cannot_be_fixed_or_mixed_with_paths(tmp_path: Path) -> None:
    root = _newsroom(tmp_path, others_with_chrome=0)
    assert _stdin(root, DOUBLED, "--fix").returncode == 2
    done = subprocess.run([*newslint_command(), "-", "articles"], cwd=root, input=DOUBLED,
                          capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 2 and "cannot be combined" in done.stderr
