"""The real ``newslint`` command: exit codes, selection, output modes and sub-commands."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from lint import __version__
from tests.conftest import run_cli

CLEAN = "Council approves budget\n\nThe council approved the budget on Monday after a short debate.\n"
DOUBLED = "Council approves budget\n\nThe council approved the the budget on Monday.\n"
CHROME = (
    "Council approves budget\n\nThe council approved the budget on Monday after a short debate.\n\n"
    "Advertisement\n\nThe mayor said work would start in the spring, pending a final vote.\n"
)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """An isolated folder with a newslint.toml so the repository's config is not picked up."""
    (tmp_path / "newslint.toml").write_text("", encoding="utf-8")
    return tmp_path


def _write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_clean_file_exits_0(folder: Path) -> None:
    path = _write(folder, "a.txt", CLEAN)
    proc = run_cli([str(path)])
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "0 errors, 0 warnings" in proc.stdout


def test_findings_exit_1(folder: Path) -> None:
    proc = run_cli([str(_write(folder, "a.txt", DOUBLED))])
    assert proc.returncode == 1
    assert "NL301" in proc.stdout


def test_fail_on_error_with_only_warnings_exits_0(folder: Path) -> None:
    proc = run_cli([str(_write(folder, "a.txt", DOUBLED)), "--fail-on", "error"])
    assert proc.returncode == 0
    assert "NL301" in proc.stdout  # still reported


def test_fail_on_error_with_an_error_exits_1(folder: Path) -> None:
    proc = run_cli([str(_write(folder, "a.txt", "Headline\n\nOsloâ€™s mayor spoke on Monday.\n")),
                    "--fail-on", "error"])
    assert proc.returncode == 1
    assert "NL304" in proc.stdout


def test_unknown_option_exits_2(folder: Path) -> None:
    proc = run_cli([str(folder), "--no-such-option"])
    assert proc.returncode == 2
    assert "no-such-option" in proc.stderr


def test_missing_path_exits_2_and_names_it(folder: Path) -> None:
    missing = folder / "nope.txt"
    proc = run_cli([str(_write(folder, "a.txt", CLEAN)), str(missing)])
    assert proc.returncode == 2
    assert f"{missing}: no such file or directory" in proc.stdout + proc.stderr
    assert "Traceback" not in proc.stderr


def test_bad_config_exits_2_with_one_line_naming_file_and_key(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("[tool.newslint]\nselekt = ['NL1']\n", encoding="utf-8")
    sub = tmp_path / "articles"
    sub.mkdir()
    _write(sub, "a.txt", CLEAN)
    proc = run_cli([str(sub)])
    assert proc.returncode == 2
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1
    assert str(tmp_path / "pyproject.toml") in lines[0] and "'selekt'" in lines[0]


def test_bad_config_value_exits_2(folder: Path) -> None:
    (folder / "newslint.toml").write_text('fail-on = "sometimes"\n', encoding="utf-8")
    proc = run_cli([str(_write(folder, "a.txt", CLEAN))])
    assert proc.returncode == 2
    assert "fail-on" in proc.stderr and "newslint.toml" in proc.stderr


def test_unknown_selector_exits_2(folder: Path) -> None:
    proc = run_cli([str(_write(folder, "a.txt", CLEAN)), "--select", "NL9X"])
    assert proc.returncode == 2
    assert "NL9X" in proc.stderr


def _codes(proc_stdout: str) -> set[str]:
    return {d["code"] for d in json.loads(proc_stdout)["diagnostics"]}


@pytest.mark.parametrize(
    ("option", "value", "expected"),
    [
        ("--select", "NL301", {"NL301"}),
        ("--select", "NL1", {"NL101"}),
        ("--select", "doubled-word", {"NL301"}),
        ("--select", "NL101,NL301", {"NL101", "NL301"}),
        ("--ignore", "NL301", {"NL101"}),
        ("--ignore", "NL3", {"NL101"}),
        ("--ignore", "ad-marker", {"NL301"}),
    ],
)
def test_select_and_ignore_by_code_prefix_and_name(
    folder: Path, option: str, value: str, expected: set[str]
) -> None:
    path = _write(folder, "a.txt", CHROME.replace("the budget", "the the budget"))
    proc = run_cli([str(path), "--format", "json", option, value])
    assert _codes(proc.stdout) == expected


def test_statistics_with_total_and_fixable_count(folder: Path) -> None:
    path = _write(folder, "a.txt", CHROME.replace("the budget", "the the budget"))
    proc = run_cli([str(path), "--statistics"])
    assert proc.returncode == 1
    lines = proc.stdout.strip().splitlines()
    rows = {line.split()[1]: int(line.split()[0]) for line in lines if line.split()[0].isdigit()}
    assert rows == {"NL101": 1, "NL301": 1}
    assert all("[*]" in line for line in lines if line.split()[0].isdigit())  # both fixable
    assert lines[-2:] == ["Found 2 findings.", "[*] 2 fixable with --fix."]


def test_quiet_drops_the_summary(folder: Path) -> None:
    path = _write(folder, "a.txt", DOUBLED)
    proc = run_cli([str(path), "--quiet"])
    assert proc.returncode == 1
    assert proc.stdout.strip().splitlines() == [line for line in proc.stdout.strip().splitlines() if "NL301" in line]
    assert "Checked" not in proc.stdout


def test_format_json_and_github(folder: Path) -> None:
    path = _write(folder, "a.txt", DOUBLED)
    data = json.loads(run_cli([str(path), "--format", "json"]).stdout)
    assert [d["code"] for d in data["diagnostics"]] == ["NL301"]
    github = run_cli([str(path), "--format", "github"]).stdout.splitlines()
    assert len(github) == 1 and github[0].startswith("::warning file=")


def test_folder_recursion_include_and_exclude(folder: Path) -> None:
    nested = folder / "2024" / "jan"
    nested.mkdir(parents=True)
    _write(nested, "a.txt", DOUBLED)
    _write(nested, "b.md", DOUBLED)
    _write(nested, "c.html", DOUBLED)
    _write(nested, "d.json", DOUBLED)  # not a format newslint reads
    data = json.loads(run_cli([str(folder), "--format", "json", "--include", "*.txt,*.md"]).stdout)
    assert sorted(Path(d["path"]).name for d in data["diagnostics"]) == ["a.txt", "b.md"]
    data = json.loads(run_cli([str(folder), "--format", "json", "--exclude", "*.md,*.html"]).stdout)
    assert [Path(d["path"]).name for d in data["diagnostics"]] == ["a.txt"]
    data = json.loads(run_cli([str(folder), "--format", "json", "--include", "*.html"]).stdout)
    assert [Path(d["path"]).name for d in data["diagnostics"]] == ["c.html"]


def test_rules_lists_every_family() -> None:
    proc = run_cli(["rules"])
    assert proc.returncode == 0
    codes = re.findall(r"^(NL\d{3})\s", proc.stdout, flags=re.MULTILINE)
    for code in ("NL101", "NL108", "NL109", "NL110", "NL201", "NL202", "NL203", "NL301", "NL305"):
        assert code in codes
    assert len(codes) == len(set(codes))


def test_explain_prints_the_three_part_doc() -> None:
    proc = run_cli(["explain", "NL201"])
    assert proc.returncode == 0
    assert "repeated-line" in proc.stdout
    for heading in ("What it finds", "Why it matters", "Example"):
        assert heading in proc.stdout


def test_explain_by_name() -> None:
    proc = run_cli(["explain", "doubled-word"])
    assert proc.returncode == 0 and "NL301" in proc.stdout


def test_explain_unknown_code_exits_2() -> None:
    proc = run_cli(["explain", "NL998"])
    assert proc.returncode == 2
    assert "unknown rule 'NL998'" in proc.stderr


def test_version() -> None:
    proc = run_cli(["--version"])
    assert proc.returncode == 0
    assert __version__ in proc.stdout


def test_help() -> None:
    proc = run_cli(["--help"])
    assert proc.returncode == 0
    assert "newslint rules" in proc.stdout and "Exit codes" in proc.stdout
    check_help = run_cli(["check", "--help"])
    for option in ("--select", "--ignore", "--format", "--fail-on", "--statistics", "--quiet", "--config"):
        assert option in check_help.stdout


def test_binary_and_bad_encoding_files_do_not_stop_the_run(folder: Path) -> None:
    (folder / "bad.txt").write_bytes(b"Headline\n\nCaf\xe9 owners met on Monday.\n")
    (folder / "img.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    _write(folder, "ok.txt", DOUBLED)
    proc = run_cli([str(folder), "--format", "json"])
    data = json.loads(proc.stdout)
    assert {d["code"] for d in data["diagnostics"]} >= {"NL001", "NL002", "NL301"}
    assert proc.returncode in (1, 2)  # findings (NL001 is an error diagnostic), never a crash
    assert "Traceback" not in proc.stderr
