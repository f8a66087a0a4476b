"""Hostile input and faults: the real CLI keeps working, names the file, and loses nothing.

Each battery test writes one bad input next to a good article with a known finding (a doubled
word, NL301) and checks: the documented exit code, a one-line message naming the bad file, no
traceback, and the good article still linted.
"""

from __future__ import annotations

import os
import signal
import subprocess
import time
from collections.abc import Iterable
from pathlib import Path

import pytest

from lint.config import Config
from lint.diagnostic import Diagnostic, Severity
from lint.engine import Linter, run
from lint.registry import load_rule_set, select_rules
from lint.rules.base import Rule, RuleContext, RuleMeta
from tests.conftest import newslint_command, run_cli

GOOD = "Council approves budget\n\nThe council approved the the budget on Monday.\n"
GOOD_FINDING = "good.txt:3:22: NL301"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A folder with an empty newslint.toml (isolates the repository config) and a good file."""
    (tmp_path / "newslint.toml").write_text("", encoding="utf-8")
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    return tmp_path


def lint(folder: Path, *extra: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return run_cli([str(folder), "--no-show-source", *extra], timeout=timeout)


def assert_reported(proc: subprocess.CompletedProcess[str], name: str, code: str, exit_code: int) -> str:
    """The common battery checks; returns the line that reports ``name``."""
    out = proc.stdout + proc.stderr
    assert "Traceback" not in proc.stderr, proc.stderr
    assert proc.returncode == exit_code, out
    assert GOOD_FINDING in proc.stdout, out  # the other file was still linted
    lines = [line for line in out.splitlines() if name in line and code in line]
    assert len(lines) == 1, out
    return lines[0]


def test_latin1_file_is_nl001_with_byte_offset_and_linted_with_encoding(folder: Path) -> None:
    (folder / "latin.txt").write_bytes("Headline\n\nThe café opened and the the crowd came.\n".encode("latin-1"))
    line = assert_reported(lint(folder), "latin.txt", "NL001", 1)  # an error finding
    assert "offset 17" in line and "--encoding" in line
    proc = run_cli([str(folder / "latin.txt"), "--encoding", "latin-1", "--no-show-source"])
    assert "NL001" not in proc.stdout and "NL301" in proc.stdout, proc.stdout


def test_windows1252_file_is_nl001_and_linted_with_encoding(folder: Path) -> None:
    text = "Headline\n\nHe said \u201chello\u201d to the the crowd.\n"
    (folder / "cp.txt").write_bytes(text.encode("cp1252"))
    line = assert_reported(lint(folder), "cp.txt", "NL001", 1)
    assert "byte 0x93 at offset 18" in line and "windows-1252" in line
    proc = run_cli([str(folder / "cp.txt"), "--encoding", "windows-1252", "--no-show-source"])
    assert proc.returncode == 1 and "cp.txt:3:" in proc.stdout and "NL301" in proc.stdout


def test_utf16_with_bom_is_linted(folder: Path) -> None:
    (folder / "wide.txt").write_bytes(GOOD.encode("utf-16"))
    proc = lint(folder)
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    assert "wide.txt:3:22: NL301" in proc.stdout and GOOD_FINDING in proc.stdout


def test_binary_file_is_skipped_with_a_note(folder: Path) -> None:
    (folder / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    line = assert_reported(lint(folder), "image.txt", "NL002", 1)
    assert "skipped" in line


def test_empty_file(folder: Path) -> None:
    (folder / "empty.txt").write_bytes(b"")
    assert_reported(lint(folder), "empty.txt", "NL003", 1)


@pytest.mark.parametrize(("name", "newline"), [("crlf.txt", "\r\n"), ("cr.txt", "\r")])
def test_crlf_and_cr_line_numbers(folder: Path, name: str, newline: str) -> None:
    text = "Headline\n\nFirst paragraph here.\n\nThe mayor said the the plan works.\n"
    (folder / name).write_bytes(text.replace("\n", newline).encode())
    line = assert_reported(lint(folder), name, "NL301", 1)
    assert f"{name}:5:16:" in line


def test_nul_bytes_are_reported_not_fatal(folder: Path) -> None:
    (folder / "nul.txt").write_bytes(b"Headline\n\nThe council\x00 met on Monday.\n")
    line = assert_reported(lint(folder), "nul.txt", "NL305", 1)
    assert "nul.txt:3:" in line


def test_utf8_encoded_surrogates_are_an_encoding_error(folder: Path) -> None:
    (folder / "sur.txt").write_bytes(b"Headline\n\nA \xed\xa0\x80 b.\n")
    line = assert_reported(lint(folder), "sur.txt", "NL001", 1)
    assert "offset 12" in line and "surrogate" in line


def test_directory_symlink_loop_terminates(folder: Path) -> None:
    (folder / "sub").mkdir()
    (folder / "sub" / "up").symlink_to("..", target_is_directory=True)
    proc = lint(folder, timeout=60)
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    assert proc.stdout.count("NL301") == 1  # the good file is reached once, not via the loop


def test_unreadable_file(folder: Path) -> None:
    path = folder / "secret.txt"
    path.write_text(GOOD, encoding="utf-8")
    path.chmod(0)
    try:
        if os.access(path, os.R_OK):  # root reads anyway: chmod cannot deny it here
            pytest.skip("running as root: permission bits do not block reading")
        line = assert_reported(lint(folder), "secret.txt", "NL004", 2)
        assert "Permission denied" in line
    finally:
        path.chmod(0o644)


def test_unreadable_file_via_directory_path(folder: Path) -> None:
    """Root-proof stand-in for an open() failure: a file path whose read fails (EISDIR)."""
    (folder / "folder.txt").mkdir()
    proc = run_cli([str(folder / "good.txt"), str(folder / "folder.txt" / ""), "--no-show-source"])
    assert "Traceback" not in proc.stderr and GOOD_FINDING in proc.stdout


def test_path_that_does_not_exist(folder: Path) -> None:
    proc = run_cli([str(folder), str(folder / "nope.txt"), "--no-show-source"])
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert GOOD_FINDING in proc.stdout
    assert [line for line in (proc.stdout + proc.stderr).splitlines() if "nope.txt" in line]


def test_fifo_does_not_hang(folder: Path) -> None:
    os.mkfifo(folder / "pipe.txt")
    proc = run_cli([str(folder), str(folder / "pipe.txt"), "--no-show-source"], timeout=60)
    line = assert_reported(proc, "pipe.txt", "NL004", 2)
    assert "not a regular file" in line


def test_file_deleted_between_discovery_and_load(folder: Path) -> None:
    """Deterministic stand-in for a file removed during the run: discover, then delete, then load."""
    gone = folder / "gone.txt"
    gone.write_text(GOOD, encoding="utf-8")
    config = Config()
    rule_set = load_rule_set(config)
    linter = Linter(config, select_rules(rule_set, config), rule_set.packs)
    gone.unlink()
    outcome = linter.first_pass(str(gone))
    assert outcome.input_error
    assert [d.code for d in outcome.diagnostics] == ["NL004"]
    assert "vanished" in outcome.diagnostics[0].message
    good = linter.first_pass(str(folder / "good.txt"))
    assert "NL301" in [d.code for d in good.diagnostics]


def test_huge_file_is_not_read_before_the_size_check(folder: Path) -> None:
    big = folder / "big.txt"
    with big.open("wb") as handle:  # sparse: 1 GiB on disk costs nothing, reading it would
        handle.truncate(1 << 30)
    line = assert_reported(lint(folder, "--max-file-size", "1000000", "--show-source", timeout=60), "big.txt", "NL005", 1)
    assert "over --max-file-size" in line


def test_50mb_single_line_and_a_million_short_lines(folder: Path) -> None:
    """Both finish (no quadratic rule on a long line, none over a file's lines) and the good
    file is still reported. A million distinct lines take about 200 s here, on one worker
    while the other lints the long line (each line is tried against the line-role hints); a
    rule quadratic in them would not finish."""
    words = "the council approved a budget on Monday after debate said mayor "
    (folder / "long.txt").write_text(words * (50_000_000 // len(words)), encoding="utf-8")
    (folder / "many.txt").write_text("".join(f"Line {i} here.\n" for i in range(1_000_000)),
                                     encoding="utf-8")
    proc = lint(folder, timeout=900)
    assert "Traceback" not in proc.stderr
    assert proc.returncode == 1, proc.stdout[-2000:] + proc.stderr
    assert GOOD_FINDING in proc.stdout


# Faults ------------------------------------------------------------------------------------


class Exploding(Rule):
    meta = RuleMeta("NL998", "exploding-test-rule", Severity.WARNING,
                    "s", "w", "y", "e")

    def check(self, ctx: RuleContext) -> Iterable[Diagnostic]:
        if "Monday" in ctx.document.text:
            raise ValueError("boom")
        return []


def test_a_rule_that_raises_is_nl999_and_the_run_goes_on(folder: Path) -> None:
    (folder / "other.txt").write_text("Headline\n\nNo weekday here, only the the slip.\n", encoding="utf-8")
    config = Config()
    rule_set = load_rule_set(config)
    rules = [*select_rules(rule_set, config), Exploding()]
    result = run([str(folder)], config, rules, rule_set.packs)
    internal = [d for d in result.diagnostics if d.code == "NL999"]
    assert len(internal) == 1 and internal[0].path.endswith("good.txt")
    assert "NL998" in internal[0].message and "ValueError: boom" in internal[0].message
    assert sorted(d.path.rsplit("/", 1)[-1] for d in result.diagnostics if d.code == "NL301") == [
        "good.txt", "other.txt"]
    assert result.exit_code(config.fail_on) == 2


def test_malformed_toml_config(folder: Path) -> None:
    (folder / "newslint.toml").write_text('select = ["NL301"\n', encoding="utf-8")
    proc = lint(folder)
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert proc.stderr.count("\n") == 1 and "newslint.toml" in proc.stderr, proc.stderr


def test_unknown_rule_code_in_select(folder: Path) -> None:
    (folder / "newslint.toml").write_text('select = ["NL777"]\n', encoding="utf-8")
    proc = lint(folder)
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert "NL777" in proc.stderr and "select" in proc.stderr and proc.stderr.count("\n") == 1


def test_rule_pack_with_a_bad_regex(folder: Path, tmp_path: Path) -> None:
    pack = tmp_path / "mine.toml"
    pack.write_text(
        '[pack]\nname = "mine"\ndescription = "x"\n\n[[rules]]\ncode = "NL190"\nname = "my-rule"\n'
        'severity = "warning"\nkind = "existence"\nsummary = "s"\nwhat = "w"\nwhy = "y"\n'
        'example = "e"\n\n[[entries]]\nrule = "NL190"\nid = "x1"\nregex = "foo(bar"\n'
        'examples = { match = ["foobar"], no_match = ["baz"] }\n',
        encoding="utf-8",
    )
    proc = lint(folder, "--rules", str(pack))
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert "mine.toml" in proc.stderr and "regex" in proc.stderr and "x1" in proc.stderr


def test_ctrl_c_exits_130_without_traceback(folder: Path, tmp_path: Path) -> None:
    """SIGINT once the run is demonstrably mid-way (the first cache entries are written)."""
    for i in range(400):
        (folder / f"a{i:03}.txt").write_text(GOOD * 50, encoding="utf-8")
    cache = tmp_path / "cache"
    proc = subprocess.Popen(
        [*newslint_command(), str(folder), "--cache-dir", str(cache)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True,
        # a test run in the background (`pytest &`, nohup) would hand down "ignore SIGINT"
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    deadline = time.monotonic() + 120
    while not any(p.is_file() and not p.name.startswith(".tmp-") for p in cache.rglob("*")
                  if p.parent != cache):
        assert proc.poll() is None, "the run ended before it wrote a cache entry"
        assert time.monotonic() < deadline, "no cache entry after 120 s"
        time.sleep(0.01)
    proc.send_signal(signal.SIGINT)
    _out, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err
    assert "Traceback" not in err and "interrupted" in err
    assert len(err.strip().splitlines()) == 1
