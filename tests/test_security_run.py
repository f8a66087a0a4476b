"""Trust nothing on disk, part 2: fixes that stay inside the paths given, output files replaced
atomically, user regexes that cannot hang a run, crashes that say so, workers that die with
their parent, and the smaller holes (file names that forge output, diff headers, read-only
and UTF-16 BE articles, over-long paths, huge per-file-ignores).

Everything runs the real ``newslint`` command on real files, links, packs and processes.
"""

from __future__ import annotations

import contextlib
import fnmatch
import json
import os
import resource
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import psutil
import pytest

from bench.corpus import write_corpus as write_bench_corpus
from lint.config import Config
from lint.diagnostic import Diagnostic, Severity
from lint.engine import filter_diagnostics
from lint.packs import PackError, check_backtracking, load_packs
from tests.conftest import newslint_command

FIXABLE = (
    "Council approves new transit plan\n\n"
    "The council voted on Monday to approve the plan , which adds two bus routes to the east "
    "end of the city.\n"
)
FIXED = FIXABLE.replace("plan ,", "plan,")
DOUBLED = "The mayor said the the budget would be tabled next week at city hall.\n"


def _cli(
    args: Sequence[str], cwd: Path, timeout: float = 240, preexec: Callable[[], None] | None = None,
    env: dict[str, str] | None = None,
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*newslint_command(), *args], cwd=cwd, capture_output=True, text=True, timeout=timeout,
        check=False, preexec_fn=preexec,
        env={**os.environ, "XDG_CACHE_HOME": str(cwd / ".home"), **(env or {})},
    )


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "newslint.toml").write_text("", encoding="utf-8")
    return tmp_path


# ---------------------------------------------------------------------------------------------
# 2. --fix stays inside the paths given


def test_fix_does_not_write_through_a_folder_link_to_outside(folder: Path) -> None:
    outside = folder / "outside"
    outside.mkdir()
    (outside / "article.txt").write_text(FIXABLE, encoding="utf-8")
    corpus = folder / "corpus"
    corpus.mkdir()
    (corpus / "own.txt").write_text(FIXABLE, encoding="utf-8")
    (corpus / "linked").symlink_to(outside, target_is_directory=True)
    proc = _cli(["corpus", "--fix", "--no-cache"], folder)
    assert (outside / "article.txt").read_text(encoding="utf-8") == FIXABLE, proc.stderr
    assert "outside the checked paths" in proc.stderr
    assert (corpus / "own.txt").read_text(encoding="utf-8") == FIXED  # its own files are fixed


def test_fix_keeps_a_file_link_a_link_and_leaves_its_target(folder: Path) -> None:
    elsewhere = folder / "elsewhere.txt"
    elsewhere.write_text(FIXABLE, encoding="utf-8")
    corpus = folder / "corpus"
    corpus.mkdir()
    (corpus / "link.txt").symlink_to(elsewhere)
    proc = _cli(["corpus", "--fix", "--no-cache"], folder)
    assert (corpus / "link.txt").is_symlink()
    assert elsewhere.read_text(encoding="utf-8") == FIXABLE
    assert "symbolic link; not fixed" in proc.stderr


def test_help_says_fixes_never_write_through_links(folder: Path) -> None:
    text = " ".join(_cli(["check", "--help"], folder).stdout.split())
    assert "never write through symbolic links" in text


# ---------------------------------------------------------------------------------------------
# 3. A user regex cannot hang the run

HANGING_PACK = """
[pack]
name = "house"

[[rules]]
code = "NL190"
name = "house-pattern"
severity = "warning"
summary = "A house pattern."

[[entries]]
id = "{entry}"
rule = "house-pattern"
regex = ['{regex}']
examples = {{ match = ["{match}"], no_match = ["Council met on Monday."] }}
"""


def _pack(folder: Path, entry: str, pattern: str, match: str) -> Path:
    path = folder / "house.toml"
    path.write_text(HANGING_PACK.format(entry=entry, regex=pattern, match=match), encoding="utf-8")
    return path


def test_a_pattern_that_backtracks_catastrophically_is_rejected_at_load(folder: Path) -> None:
    _pack(folder, "a-runs", "^(a|aa)+$", "aa")
    (folder / "a.txt").write_text("a" * 48 + "\n", encoding="utf-8")
    proc = _cli(["a.txt", "--rules", "house.toml", "--no-cache"], folder, timeout=60)
    assert proc.returncode == 2, proc.stderr
    (line,) = proc.stderr.strip().splitlines()
    assert "house.toml" in line and "'a-runs'" in line and "backtracks catastrophically" in line


def test_a_pattern_that_times_out_on_a_line_is_nl999_and_the_run_goes_on(folder: Path) -> None:
    # Greek letters only: the load-time check's lines do not trigger it, one article's line does
    _pack(folder, "greek-runs", r"^(\p{Greek}|\p{Greek}{2})+$", "αα")
    (folder / "greek.txt").write_text("α" * 60 + "!\n", encoding="utf-8")
    (folder / "other.txt").write_text(DOUBLED, encoding="utf-8")
    proc = _cli([".", "--rules", "house.toml", "--no-cache", "--format", "json", "--jobs", "1"],
                folder, timeout=120)
    assert proc.returncode == 2, proc.stderr
    found = [(Path(d["path"]).name, d["code"], d["message"])
             for d in json.loads(proc.stdout)["diagnostics"]]
    timeouts = [f for f in found if f[1] == "NL999"]
    assert len(timeouts) == 1 and timeouts[0][0] == "greek.txt"
    assert "NL190" in timeouts[0][2] and "'greek-runs'" in timeouts[0][2] and "time limit" in timeouts[0][2]
    assert ("other.txt", "NL301") in {(f[0], f[1]) for f in found}


def test_the_shipped_packs_pass_the_backtracking_check() -> None:
    entries = [e for pack in load_packs() for e in pack.entries]
    assert len(entries) > 20
    for entry in entries:
        check_backtracking(entry)


def test_the_backtracking_check_rejects_exponential_patterns_only() -> None:
    """The check is dynamic (the ``regex`` module already copes with many nested quantifiers):
    patterns that take exponential time on a short line are rejected, others are not."""
    from lint.packs import PackEntry

    def entry(expression: str) -> PackEntry:
        return PackEntry("e", "r", expression, "search", "", source="p.toml")

    for bad in ("^(a|aa)+$", r"^(\w|\w\w)+$", "^(ab|a|b)+$"):
        with pytest.raises(PackError, match="catastrophically"):
            check_backtracking(entry(bad))
    for good in (r"(?:\s+\w+)*\s*:", r"^READ MORE\s*:", r"\b(?:click|tap) here\b", r"^(?:\w+\s?)*$"):
        check_backtracking(entry(good))


# ---------------------------------------------------------------------------------------------
# 4. Crashes have their own exit code and one line


def _crashing(folder: Path, verbose: bool) -> subprocess.CompletedProcess[str]:
    """The real command with its JSON reporter replaced by one that raises (a bug)."""
    code = (
        "import sys, lint.cli\n"
        "def boom(result, metas): raise RuntimeError('reporter bug')\n"
        "lint.cli.RENDERERS['json'] = boom\n"
        f"sys.argv = ['newslint', 'a.txt', '--format', 'json', '--no-cache'{', ' + repr('--verbose') if verbose else ''}]\n"
        "lint.cli.main()\n"
    )
    return subprocess.run([sys.executable, "-c", code], cwd=folder, capture_output=True,
                          text=True, timeout=120, check=False)


def test_a_crash_exits_3_with_one_line_and_the_traceback_with_verbose(folder: Path) -> None:
    (folder / "a.txt").write_text(DOUBLED, encoding="utf-8")
    quiet = _crashing(folder, verbose=False)
    assert quiet.returncode == 3, quiet.stderr
    assert "Traceback" not in quiet.stderr
    (line,) = quiet.stderr.strip().splitlines()
    assert "internal error" in line and "RuntimeError: reporter bug" in line
    loud = _crashing(folder, verbose=True)
    assert loud.returncode == 3
    assert "Traceback" in loud.stderr and "reporter bug" in loud.stderr


def test_exit_codes_are_in_the_help(folder: Path) -> None:
    text = " ".join(_cli(["--help"], folder).stdout.split())
    assert "3 internal error" in text and "4 an output file could not be written" in text


def test_a_lone_surrogate_in_jsonl_gives_valid_json_and_sarif(folder: Path) -> None:
    (folder / "a.jsonl").write_text(
        '{"id": "1", "text": "The mayor said the the plan \\ud800 would go ahead next week."}\n',
        encoding="utf-8",
    )
    for fmt in ("json", "sarif"):
        proc = _cli(["a.jsonl", "--format", fmt, "--no-cache"], folder)
        assert proc.returncode == 1, proc.stderr
        assert json.loads(proc.stdout)


def test_a_file_name_that_is_not_utf8_is_reported_everywhere(folder: Path) -> None:
    (folder / "corpus").mkdir()
    with open(os.path.join(os.fsencode(folder / "corpus"), b"caf\xe9.txt"), "wb") as handle:
        handle.write(DOUBLED.encode())
    sarif = _cli(["corpus", "--format", "sarif", "--no-cache"], folder)
    assert sarif.returncode == 1, sarif.stderr
    (result,) = json.loads(sarif.stdout)["runs"][0]["results"]
    assert result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "corpus/caf%E9.txt"
    wrote = _cli(["corpus", "--write-baseline", "base.json", "--no-cache"], folder)
    assert wrote.returncode == 0, wrote.stderr
    gated = _cli(["corpus", "--baseline", "base.json", "--no-cache", "--format", "json"], folder)
    assert (gated.returncode, json.loads(gated.stdout)["diagnostics"]) == (0, [])
    report = _cli(["report", "corpus", "--html", "r.html", "--no-cache"], folder)
    assert report.returncode == 0, report.stderr
    assert "caf" in (folder / "r.html").read_text(encoding="utf-8")


def test_an_unwritable_baseline_exits_4_with_one_line(folder: Path) -> None:
    (folder / "a.txt").write_text(DOUBLED, encoding="utf-8")
    proc = _cli(["a.txt", "--write-baseline", "a.txt/base.json", "--no-cache"], folder)
    assert proc.returncode == 4, proc.stderr
    (line,) = proc.stderr.strip().splitlines()
    assert "cannot write a.txt/base.json" in line


def test_a_100000_deep_toml_array_is_a_config_error(folder: Path) -> None:
    (folder / "newslint.toml").write_text(
        "select = " + "[" * 100_000 + "]" * 100_000 + "\n", encoding="utf-8"
    )
    (folder / "a.txt").write_text(DOUBLED, encoding="utf-8")
    proc = _cli(["a.txt", "--no-cache"], folder)
    assert proc.returncode == 2, proc.stderr
    (line,) = proc.stderr.strip().splitlines()
    assert "newslint.toml" in line and "Traceback" not in proc.stderr


# ---------------------------------------------------------------------------------------------
# 5. Output files are replaced, never truncated


def _file_size_limit(limit: int) -> Callable[[], None]:
    """In the child: files may not grow past ``limit`` bytes (a full disk, for one process)."""

    def apply() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write fails with EFBIG instead
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return apply


def test_a_report_that_cannot_be_written_leaves_the_old_one_whole(folder: Path) -> None:
    (folder / "a.txt").write_text(DOUBLED, encoding="utf-8")
    first = _cli(["report", "a.txt", "--html", "prev.html", "--no-cache"], folder)
    assert first.returncode == 0, first.stderr
    before = (folder / "prev.html").read_bytes()
    assert len(before) > 8000
    proc = _cli(["report", "a.txt", "--html", "prev.html", "--no-cache"], folder,
                preexec=_file_size_limit(4096))
    assert proc.returncode == 4, proc.stderr
    assert "cannot write prev.html" in proc.stderr and "Traceback" not in proc.stderr
    assert (folder / "prev.html").read_bytes() == before
    assert sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp")) == []


def test_a_baseline_that_cannot_be_written_leaves_the_old_one_whole(folder: Path) -> None:
    corpus = folder / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(DOUBLED, encoding="utf-8")
    assert _cli(["corpus", "--write-baseline", "base.json", "--no-cache"], folder).returncode == 0
    before = (folder / "base.json").read_bytes()
    for number in range(40):  # forty more findings: a baseline several times larger
        (corpus / f"article-{number}.txt").write_text(DOUBLED, encoding="utf-8")
    proc = _cli(["corpus", "--write-baseline", "base.json", "--no-cache"], folder,
                preexec=_file_size_limit(len(before) + 10))
    assert proc.returncode == 4, proc.stderr
    assert (folder / "base.json").read_bytes() == before


def test_a_temporary_file_left_by_a_killed_fix_is_removed(folder: Path) -> None:
    article = folder / "article.txt"
    article.write_text(FIXABLE, encoding="utf-8")
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    left = folder / f".article.txt.newslint-{dead.pid}-x1y2z3.tmp"
    left.write_text(FIXED[:20], encoding="utf-8")
    alive = folder / f".article.txt.newslint-{os.getpid()}-a1b2c3.tmp"  # a run still going
    alive.write_text("", encoding="utf-8")
    proc = _cli(["article.txt", "--fix", "--no-cache"], folder)
    assert article.read_text(encoding="utf-8") == FIXED, proc.stderr
    assert not left.exists()
    assert alive.exists()


# ---------------------------------------------------------------------------------------------
# 6. Workers die with their parent; the temporary folders of killed runs are removed


def _children(pid: int) -> list[psutil.Process]:
    try:
        return psutil.Process(pid).children(recursive=True)
    except psutil.NoSuchProcess:
        return []


@pytest.fixture(scope="module")
def slow_corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("slow")
    (folder / "newslint.toml").write_text("", encoding="utf-8")
    write_bench_corpus(folder / "corpus", 400)
    return folder


@pytest.mark.parametrize("signum", [signal.SIGKILL, signal.SIGTERM, signal.SIGHUP])
def test_workers_die_with_their_parent(slow_corpus: Path, tmp_path: Path, signum: int) -> None:
    temp = tmp_path / "tmp"
    temp.mkdir()
    env = {**os.environ, "TMPDIR": str(temp), "XDG_CACHE_HOME": str(tmp_path / "home")}
    proc = subprocess.Popen([*newslint_command(), "corpus", "--no-cache", "--jobs", "2", "-q"],
                            cwd=slow_corpus, env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, text=True, start_new_session=True)
    try:
        deadline = time.monotonic() + 120
        while len(_children(proc.pid)) < 2 and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.1)
        workers = _children(proc.pid)
        assert len(workers) >= 2, "the pool did not start"
        assert [p.name for p in temp.iterdir()], "no temporary run folder"
        os.kill(proc.pid, signum)
        proc.wait(timeout=60)
        _, alive = psutil.wait_procs(workers, timeout=20)
        assert not alive, f"workers outlived their parent: {alive}"
    finally:
        with contextlib.suppress(ProcessLookupError):  # whatever is left of its session
            os.killpg(proc.pid, signal.SIGKILL)
    if signum == signal.SIGKILL:
        assert proc.returncode == -signal.SIGKILL
        assert [p.name for p in temp.iterdir()], "the killed run left no folder to clean"
        (slow_corpus / "one.txt").write_text(DOUBLED, encoding="utf-8")
        try:
            subprocess.run([*newslint_command(), "one.txt", "--no-cache"], cwd=slow_corpus,
                           env=env, capture_output=True, timeout=120, check=False)
        finally:
            (slow_corpus / "one.txt").unlink()
    else:
        assert proc.returncode == 128 + signum, proc.stderr.read() if proc.stderr else ""
    assert [p.name for p in temp.iterdir()] == []


# ---------------------------------------------------------------------------------------------
# 7. Smaller holes


def test_a_newline_or_escape_in_a_file_name_cannot_forge_or_colour_output(folder: Path) -> None:
    name = "evil\nforged.txt:9:9: NL101 warning \x1b[32mall clear.txt"
    (folder / name).write_text(DOUBLED, encoding="utf-8")
    proc = _cli([name, "--no-cache", "-q"], folder)
    assert proc.returncode == 1, proc.stderr
    lines = proc.stdout.splitlines()
    assert len(lines) == 1, lines
    assert lines[0].startswith("evil\\nforged.txt:9:9: NL101 warning \\x1b[32mall clear.txt:1:")
    assert "\x1b" not in proc.stdout


def test_diff_headers_are_quoted_so_that_patch_applies_them(folder: Path) -> None:
    corpus = folder / "c"
    corpus.mkdir()
    (corpus / "my file.txt").write_text(FIXABLE, encoding="utf-8")
    (corpus / 'say "hi"\t.txt').write_text(FIXABLE, encoding="utf-8")
    diff = _cli(["c", "--diff", "--no-cache"], folder)
    assert diff.returncode == 1, diff.stderr
    assert '--- "a/c/my file.txt"' in diff.stdout
    applied = subprocess.run(["patch", "-p1"], input=diff.stdout, cwd=folder, text=True,
                             capture_output=True, timeout=60, check=False)
    assert applied.returncode == 0, applied.stdout + applied.stderr
    for path in corpus.iterdir():
        assert path.read_text(encoding="utf-8") == FIXED


def test_a_read_only_article_is_fixed_only_with_force(folder: Path) -> None:
    article = folder / "article.txt"
    article.write_text(FIXABLE, encoding="utf-8")
    article.chmod(0o444)
    proc = _cli(["article.txt", "--fix", "--no-cache"], folder)
    assert article.read_text(encoding="utf-8") == FIXABLE
    assert "read-only; not fixed" in proc.stderr
    forced = _cli(["article.txt", "--fix", "--force", "--no-cache"], folder)
    assert article.read_text(encoding="utf-8") == FIXED, forced.stderr
    assert article.stat().st_mode & 0o777 == 0o444  # still read-only


@pytest.mark.parametrize("encoding", ["utf-16-be", "utf-16-le"])
def test_a_fix_keeps_the_byte_order(folder: Path, encoding: str) -> None:
    article = folder / "article.txt"
    article.write_bytes(("\ufeff" + FIXABLE).encode(encoding))
    proc = _cli(["article.txt", "--fix", "--no-cache"], folder)
    data = article.read_bytes()
    assert data == ("\ufeff" + FIXED).encode(encoding), proc.stderr


def test_a_path_over_the_system_limit_is_reported(folder: Path) -> None:
    deep = os.fsencode(folder / "corpus")
    os.mkdir(deep)
    fd = os.open(deep, os.O_RDONLY)
    try:
        for _ in range(20):  # 20 x 250 characters: over PATH_MAX, made relative to each folder
            os.mkdir(b"d" * 250, dir_fd=fd)
            inner = os.open(b"d" * 250, os.O_RDONLY, dir_fd=fd)
            os.close(fd)
            fd = inner
        with open(os.open(b"deep.txt", os.O_WRONLY | os.O_CREAT, 0o644, dir_fd=fd), "w") as out:
            out.write(DOUBLED)
    finally:
        os.close(fd)
    proc = _cli(["corpus", "--no-cache", "--format", "json"], folder)
    assert proc.returncode == 2, proc.stderr
    (found,) = json.loads(proc.stdout)["diagnostics"]
    assert found["code"] == "NL004" and "too long" in found["message"]


def test_a_huge_per_file_ignores_table_compiles_each_glob_once(monkeypatch: pytest.MonkeyPatch) -> None:
    globs = {f"archive/{n}/*.txt": ("NL1",) for n in range(40_000)}
    globs |= {f"notes/{n}.txt": ("NL3",) for n in range(40_000)}
    globs["archive/7/*.txt"] = ("NL301",)
    config = Config(per_file_ignores=globs)
    calls = 0
    translate = fnmatch.translate

    def counting(pattern: str) -> str:
        nonlocal calls
        calls += 1
        return translate(pattern)

    monkeypatch.setattr(fnmatch, "translate", counting)

    def finding(path: str, code: str) -> Diagnostic:
        return Diagnostic(path, 1, 1, 1, 2, code, "x", Severity.WARNING, "m")

    found = [finding(p, c) for p in ("archive/7/a.txt", "archive/8/b.txt", "notes/5.txt")
             for c in ("NL301", "NL302", "NL101")]
    kept = filter_diagnostics(found, config, shown=lambda p: p)
    assert [(d.path, d.code) for d in kept] == [
        ("archive/7/a.txt", "NL302"), ("archive/7/a.txt", "NL101"),
        ("archive/8/b.txt", "NL301"), ("archive/8/b.txt", "NL302"), ("notes/5.txt", "NL101"),
    ]
    assert calls <= 40_001, calls
