"""Scale features end to end: executors, the cache, worker death, the NLP time limit, Ctrl-C.

Everything here runs the real thing: the installed ``newslint`` command in a subprocess, or
``lint.engine.run`` with a real process pool and a real cache folder (in this process, or in
a child process when the test interrupts it). Each CLI test works in its own ``tmp_path``
with an empty ``newslint.toml`` (so the repository's own config is not picked up) and passes
relative paths, so that the paths in the output match whichever executor produced them.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest

from bench.corpus import write_corpus as write_bench_corpus
from lint import engine
from lint.cache import Cache, MemoryCache, namespace, unseal
from lint.config import Config
from lint.diagnostic import Diagnostic, Severity
from lint.engine import RunResult, run
from lint.executors import ProcessExecutor, SerialExecutor
from lint.features.base import Feature
from lint.linter import Linter
from lint.packs import Pack
from lint.registry import load_rule_set, select_rules
from lint.rules.base import Rule, RuleContext, RuleMeta
from tests.conftest import SEEDS, newslint_command, run_cli

Row = tuple[str, int, int, str, str]
"""(path, line, column, code, message) of one diagnostic."""

DOUBLED_SENTENCE = "The mayor said the the plan would go ahead next spring."


# ---------------------------------------------------------------------------------------------
# Helpers


def _isolated(tmp_path: Path) -> Path:
    """``tmp_path`` with an empty config file, so that no config above it is used."""
    (tmp_path / "newslint.toml").write_text("", encoding="utf-8")
    return tmp_path


def _copy_seeds(tmp_path: Path, name: str = "seeds") -> Path:
    target = tmp_path / name
    shutil.copytree(SEEDS, target)
    return target


def _env(tmp_path: Path) -> dict[str, str]:
    """The environment with an isolated default cache folder."""
    return {**os.environ, "NEWSLINT_CACHE_DIR": str(tmp_path / "default-cache")}


def _rows_from_json(stdout: str) -> list[Row]:
    data = json.loads(stdout)
    return [
        (d["path"], d["line"], d["column"], d["code"], d["message"]) for d in data["diagnostics"]
    ]


def _rows(diagnostics: Iterable[Diagnostic]) -> list[Row]:
    return [(d.path, d.line, d.column, d.code, d.message) for d in diagnostics]


def _json_run(args: Sequence[str], cwd: Path) -> tuple[int, list[Row], str]:
    """Run the CLI with ``--format json``: exit code, diagnostics, stderr."""
    proc = run_cli([*args, "--format", "json"], cwd=cwd)
    assert proc.returncode in (0, 1, 2), proc.stderr
    assert proc.stdout.strip(), f"no output (exit {proc.returncode}): {proc.stderr}"
    return proc.returncode, _rows_from_json(proc.stdout), proc.stderr


def _cache_files(root: Path) -> list[Path]:
    """Every file under the cache's versioned folder (entries and leftovers)."""
    found: list[Path] = []
    for folder, _dirs, names in os.walk(root / "v1"):
        found.extend(Path(folder) / name for name in names)
    return found


def _count_entries(root: Path) -> int:
    return sum(1 for path in _cache_files(root) if not path.name.startswith(".tmp-"))


def _unreadable_entries(root: Path) -> list[str]:
    """Cache entries (not ``.tmp-`` files) that do not decode with a good tag."""
    bad: list[str] = []
    for path in _cache_files(root):
        if path.name.startswith(".tmp-"):
            continue
        parts = path.relative_to(root / "v1").parts
        context = "keys" if parts == ("keys",) else f"{parts[0]}/{parts[1]}/{parts[3]}"
        try:
            unseal(context, path.read_bytes())
        except Exception as exc:
            bad.append(f"{path.relative_to(root)}: {type(exc).__name__}: {exc}")
    return bad


def _default_rules(config: Config) -> tuple[list[Rule], list[Pack]]:
    rule_set = load_rule_set(config)
    return select_rules(rule_set, config), list(rule_set.packs)


def _mt_verb_article() -> str:
    """Prose with many NL503 candidates (a listed transitive verb, then a time adjunct) and
    one doubled word."""
    verbs = (
        "sued", "imposed", "banned", "condemned", "sanctioned", "arrested", "detained",
        "postponed", "suspended", "unveiled", "endorsed", "rejected", "ratified", "revoked",
        "deported", "expelled", "indicted", "impeached", "vetoed", "scrapped",
    )
    subjects = ("The council", "Ottawa", "The ministry", "The court", "The government", "The board")
    times = ("in March", "on Monday", "in 2012", "last year", "in April", "on Friday")
    lines = ["Officials act on several files", ""]
    for n, verb in enumerate(verbs * 2):
        lines += [
            f"{subjects[n % len(subjects)]} {verb} {times[(n // 2) % len(times)]}. Residents of "
            f"ward {n + 1} had waited {n + 2} weeks for a decision on the matter.",
            "",
        ]
    lines.append(DOUBLED_SENTENCE)
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------------------------------------
# 1. Executors


def test_serial_pool_and_dask_give_identical_diagnostics(tmp_path: Path) -> None:
    folder = _isolated(tmp_path)
    _copy_seeds(folder)
    results = {
        name: _json_run(["seeds", *args, "--no-cache"], folder)
        for name, args in {
            "serial": ["--jobs", "1"],
            "pool": ["--jobs", "2"],
            "dask": ["--executor", "dask", "--jobs", "2"],
        }.items()
    }
    serial_code, serial_rows, _ = results["serial"]
    assert serial_rows, "the seeds must have findings for this comparison to mean anything"
    assert {path for path, *_ in serial_rows} <= {f"seeds/{p.name}" for p in SEEDS.iterdir()}
    for name, (code, rows, stderr) in results.items():
        assert "Traceback" not in stderr, (name, stderr)
        assert code == serial_code, (name, stderr)
        assert rows == serial_rows, name


# ---------------------------------------------------------------------------------------------
# 2-4. The cache: reuse, corrupt entries, two runs at once


def test_cli_cache_second_run_same_diagnostics_and_folder_is_tagged(tmp_path: Path) -> None:
    folder = _isolated(tmp_path)
    _copy_seeds(folder)
    cache = folder / "cache"
    first = _json_run(["seeds", "--cache-dir", str(cache), "--jobs", "2"], folder)
    assert first[1], first[2]
    assert _count_entries(cache) > 0
    second = _json_run(["seeds", "--cache-dir", str(cache), "--jobs", "2"], folder)
    assert second[:2] == first[:2]
    assert "warning" not in second[2], second[2]
    tag = (cache / "CACHEDIR.TAG").read_text(encoding="utf-8")
    assert tag.startswith("Signature: 8a477f597d28d172789f06886806bc55")
    assert (cache / ".gitignore").read_text(encoding="utf-8").splitlines()[-1] == "*"


def test_engine_cache_stats_skip_unchanged_files_and_redo_an_edited_one(tmp_path: Path) -> None:
    seeds = _copy_seeds(tmp_path)
    config = Config()
    rules, packs = _default_rules(config)
    space = namespace(
        config.fingerprint(),
        [pack.source for pack in packs],
        [f"{rule.code}:{type(rule).__module__}.{type(rule).__qualname__}" for rule in rules],
    )
    root = tmp_path / "cache"

    def lint() -> RunResult:
        return run([str(seeds)], config, rules, packs, SerialExecutor(), Cache(root, space))

    first = lint()
    assert first.stats["files"] == 5
    assert first.stats["analysed"] == 5
    assert first.notes == []
    assert first.diagnostics

    second = lint()
    assert second.stats["analysed"] == 0
    assert second.stats["cached"] == 5
    assert _rows(second.diagnostics) == _rows(first.diagnostics)
    assert (root / "CACHEDIR.TAG").is_file()
    assert (root / ".gitignore").is_file()

    edited = sorted(seeds.iterdir())[2]
    text = edited.read_text(encoding="utf-8")
    edited.write_text(text.rstrip("\n") + "\n\n" + DOUBLED_SENTENCE + "\n", encoding="utf-8")
    new_line = len(edited.read_text(encoding="utf-8").splitlines())
    third = lint()
    assert third.stats["analysed"] == 1
    assert third.stats["cached"] == 4
    shown = {(d.path, d.line) for d in third.diagnostics if d.code == "NL301"}
    before = {(d.path, d.line) for d in second.diagnostics if d.code == "NL301"}
    added = shown - before
    assert len(added) == 1, added
    (path, line), = added
    assert Path(path).name == edited.name
    assert line == new_line


def test_corrupt_cache_entries_are_rebuilt_with_a_warning(tmp_path: Path) -> None:
    folder = _isolated(tmp_path)
    _copy_seeds(folder)
    cache = folder / "cache"
    args = ["seeds", "--cache-dir", str(cache), "--jobs", "2"]
    code, rows, stderr = _json_run(args, folder)
    assert "corrupt" not in stderr
    entries = _cache_files(cache)
    assert entries
    for path in entries:
        path.write_bytes(b"\x80\x05garbage, not a pickle\xff\x00" * 3)

    code2, rows2, stderr2 = _json_run(args, folder)
    assert code2 == code, stderr2
    assert rows2 == rows
    warning = [line for line in stderr2.splitlines() if "corrupt cache" in line]
    assert warning, stderr2
    assert str(cache) in warning[0]
    assert "Traceback" not in stderr2

    code3, rows3, stderr3 = _json_run(args, folder)  # the entries were rebuilt
    assert (code3, rows3) == (code, rows)
    assert "corrupt" not in stderr3
    assert _unreadable_entries(cache) == []


def test_two_concurrent_runs_share_one_cache(tmp_path: Path) -> None:
    folder = _isolated(tmp_path)
    _copy_seeds(folder, "corpus/seeds")
    write_bench_corpus(folder / "corpus" / "generated", 40)
    cache = folder / "cache"
    command = [*newslint_command(), "corpus", "--format", "json", "--jobs", "2"]
    procs = [
        subprocess.Popen(
            [*command, "--cache-dir", str(cache)], cwd=folder, env=_env(folder),
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )
        for _ in range(2)
    ]
    outputs = [proc.communicate(timeout=300) for proc in procs]
    reference = _json_run(["corpus", "--jobs", "2", "--no-cache"], folder)
    assert reference[1]
    for proc, (stdout, stderr) in zip(procs, outputs, strict=True):
        assert proc.returncode == reference[0], stderr
        assert "Traceback" not in stderr and "warning" not in stderr, stderr
        assert _rows_from_json(stdout) == reference[1]
    assert not [p for p in _cache_files(cache) if p.name.startswith(".tmp-")]
    assert _unreadable_entries(cache) == []


# ---------------------------------------------------------------------------------------------
# 5. A worker that dies

MARKER = "KILL-THE-WORKER"
_TEST_PROCESS = os.getpid()


class KillTheWorker(Rule):
    """Ends its process on a marked document, as a segfault or the OOM killer would."""

    meta = RuleMeta(
        code="NL890",
        name="kill-the-worker",
        severity=Severity.ERROR,
        summary="Test rule: ends the worker process on a marked document.",
        what=f"Calls os._exit(1) when the document contains {MARKER}.",
        why="To check that a worker death is reported and the other files are still checked.",
        example=MARKER,
    )

    def check(self, ctx: RuleContext) -> Iterator[Diagnostic]:
        if MARKER in ctx.document.text:
            if os.getpid() == _TEST_PROCESS:  # never take pytest down with it
                raise RuntimeError("KillTheWorker ran in the test process, not in a worker")
            os._exit(1)
        yield from ()


def test_worker_death_is_reported_for_its_file_only(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    good: dict[str, str] = {}
    for n, place in enumerate(("Ottawa", "Regina", "Halifax", "Victoria", "Winnipeg")):
        name = f"good{n}.txt"
        good[name] = (
            f"{place} council meets\n\nThe council in {place} met the the residents on "
            f"day {n + 1} of the consultation.\n"
        )
        (folder / name).write_text(good[name], encoding="utf-8")
    (folder / "bad.txt").write_text(
        f"Headline\n\nThis article carries {MARKER} and a doubled the the word.\n", encoding="utf-8"
    )
    config = Config()
    rules, packs = _default_rules(config)
    cache = Cache.temporary_dir()
    try:
        result = run([str(folder)], config, [*rules, KillTheWorker()], packs, ProcessExecutor(2), cache)
    finally:
        cache.close()
    assert not cache.root.exists()
    by_file: dict[str, list[Diagnostic]] = {}
    for diagnostic in result.diagnostics:
        by_file.setdefault(Path(diagnostic.path).name, []).append(diagnostic)
    bad = by_file.get("bad.txt", [])
    assert [d.code for d in bad] == ["NL999"], bad
    assert "worker process died" in bad[0].message
    for name in good:
        codes = [d.code for d in by_file.get(name, [])]
        assert "NL301" in codes, (name, codes)
        assert "NL999" not in codes, (name, codes)
    assert result.internal_errors >= 1
    assert result.exit_code(Severity.WARNING) == 2


def _exit_in_worker(linter: object, batch: Sequence[int], shared: object) -> list[int]:
    if os.getpid() == _TEST_PROCESS:
        raise RuntimeError("ran in the test process, not in a worker")
    os._exit(1)


def _double(linter: object, batch: Sequence[int], shared: object) -> list[int]:
    return [2 * n for n in batch]


def _crashed(item: int, reason: str) -> int:
    return -1


def test_a_pool_broken_after_a_map_is_replaced_by_the_next_map() -> None:
    """A worker can die after its map was submitted but before anyone waits on it (the
    engine's first pass while the parent builds the index); the next map must not fail."""
    from lint.executors import Task

    executor = ProcessExecutor(2)
    executor.start(Linter(Config(), [], []))
    try:
        executor.map(Task(_exit_in_worker, _crashed), [[1]])  # submitted, never waited on
        deadline = time.monotonic() + 30
        while not executor._broken() and time.monotonic() < deadline:
            time.sleep(0.05)
        assert executor._broken()
        results = list(executor.map(Task(_double, _crashed), [[1, 2, 3]]))  # the same pool size
        assert results == [[2, 4, 6]]
    finally:
        executor.close()


def _worker_pid(linter: object, batch: Sequence[int], shared: object) -> list[int]:
    time.sleep(0.2)  # long enough that both workers take a batch
    return [os.getpid() for _ in batch]


class _CountingLinter(Linter):
    """A linter whose warm-up leaves a file per warmed worker (the real one loads spaCy)."""

    def __init__(self, folder: Path) -> None:
        super().__init__(Config(), [], [])
        self.folder = folder

    def warm_up(self) -> None:
        (self.folder / str(os.getpid())).touch()


@pytest.mark.parametrize(("asked", "replaced"), [(2, False), (1, True)])
def test_a_warmed_pool_the_size_of_the_run_is_used_not_replaced(
    tmp_path: Path, asked: int, replaced: bool
) -> None:
    """A cold run asks every worker to warm up and its first map runs on those workers; a
    pre-commit run warms one, and a map that needs two gets a new pool."""
    from lint.executors import Task

    executor = ProcessExecutor(2)
    executor.start(_CountingLinter(tmp_path))
    try:
        executor.warm_up(asked)
        deadline = time.monotonic() + 30
        while len(list(tmp_path.iterdir())) < asked and time.monotonic() < deadline:
            time.sleep(0.05)
        warmed = {int(p.name) for p in tmp_path.iterdir()}
        assert len(warmed) == asked
        ran = {pid for batch in executor.map(Task(_worker_pid, _crashed), [[1], [2]]) for pid in batch}
        assert len(ran) == 2
        assert ran.isdisjoint(warmed) is replaced
    finally:
        executor.close()


_STORY_WORDS = ("Ellesmere", "Riverline", "Brightwater", "Corran", "Clearwater", "Achterberg",
                "Marchetti", "Kinross")


def _many_stories(folder: Path, count: int) -> None:
    """``count`` copies of the invented story of tests/test_stories.py, each with its own rare
    words and figures (so each is a story of its own), each with its translated odd one out."""
    from tests.test_stories import STORY

    folder.mkdir()
    for n in range(count):
        tag = "abcdefghijklmnopqrstuvwxyz"[n]
        for name, text in STORY.items():
            for word in _STORY_WORDS:
                text = text.replace(word, f"{word}{tag}")
            text = text.replace("41,000", f"{41 + n},000").replace("12,000", f"{12 + n},500")
            (folder / f"{tag}-{name}").write_text(text, encoding="utf-8")


def test_stories_analysed_on_the_workers_give_the_index_of_one_process(tmp_path: Path) -> None:
    """A cold run with a pool sends the stories to its workers; the story index and the
    findings are those of a run in one process."""
    _many_stories(tmp_path / "corpus", 10)
    config = Config()
    rules, packs = _default_rules(config)
    serial = run([str(tmp_path / "corpus")], config, rules, packs, SerialExecutor())
    pooled = run([str(tmp_path / "corpus")], config, rules, packs, ProcessExecutor(2))
    assert serial.index is not None and pooled.index is not None
    story = serial.index.part("story")
    assert len(story["members"]) == 10 >= engine.SPREAD_MIN_PIECES
    assert sum(map(len, story["findings"].values())) >= 10, "each story has its odd one out"
    assert pooled.index.part("story") == story
    assert pooled.diagnostics == serial.diagnostics


class _PidFeature(Feature):
    """A feature whose reduce pieces say which process computed them, and end a worker on
    the piece -1 (as the OOM killer would)."""

    key = "pid"

    def analyze(self, document: object, roles: object, env: object) -> None:
        return None

    def reduce_piece(self, payload: Any) -> int:
        if payload == -1 and os.getpid() != _TEST_PROCESS:
            os._exit(1)
        return os.getpid()


def test_reduce_pieces_run_on_the_workers_and_a_killed_one_is_redone_here() -> None:
    linter = Linter(Config(), [], [])
    linter.features.append(_PidFeature())
    executor = ProcessExecutor(2)
    executor.start(linter)
    try:
        spread = engine._Run(linter, executor, MemoryCache(), None)._spread
        pids = spread("pid", list(range(engine.SPREAD_MIN_PIECES)))
        assert len(pids) == engine.SPREAD_MIN_PIECES
        assert _TEST_PROCESS not in pids
        few = spread("pid", list(range(engine.SPREAD_MIN_PIECES - 1)))
        assert set(few) == {_TEST_PROCESS}, "a few pieces are not worth sending"
        with_killed = spread("pid", [0, 1, 2, -1, 4, 5, 6, 7])
        assert with_killed[3] == _TEST_PROCESS
        assert _TEST_PROCESS not in with_killed[:3] + with_killed[4:]
    finally:
        executor.close()


# ---------------------------------------------------------------------------------------------
# 6. The NLP time limit


def test_nlp_time_limit_reports_nl009_and_keeps_other_rules(tmp_path: Path) -> None:
    folder = _isolated(tmp_path)
    (folder / "mt.txt").write_text(_mt_verb_article(), encoding="utf-8")
    code, rows, stderr = _json_run(
        ["mt.txt", "--nlp-time-limit", "0.000001", "--jobs", "1", "--no-cache"], folder
    )
    found = {(path, c) for path, _, _, c, _ in rows}
    assert ("mt.txt", "NL009") in found, rows
    assert ("mt.txt", "NL301") in found, rows
    assert ("mt.txt", "NL503") not in found, "NL503 should have stopped at the limit"
    nl009 = next(r for r in rows if r[3] == "NL009")
    assert "NL503" in nl009[4] and "--nlp-time-limit" in nl009[4]
    assert code == 1, stderr  # NL009 is a warning, not an error


def test_default_nlp_time_limit_has_no_nl009(tmp_path: Path) -> None:
    folder = _isolated(tmp_path)
    (folder / "mt.txt").write_text(_mt_verb_article(), encoding="utf-8")
    code, rows, stderr = _json_run(["mt.txt", "--jobs", "1", "--no-cache"], folder)
    codes = {c for _, _, _, c, _ in rows}
    assert "NL009" not in codes, rows
    assert {"NL301", "NL503"} <= codes, rows  # the parses did run to the end
    assert code == 1, stderr


def test_loading_the_pipeline_does_not_count_against_the_nlp_time_limit() -> None:
    """A process's first parse loads spaCy (about a second): a limit shorter than the load
    but long enough for the parse itself stops nothing (NL401's entity check parses
    without a prefetch, so the first file of a run can meet the load)."""
    from lint.features.base import AnalysisEnv
    from lint.nlp import load_pipeline

    load_pipeline.cache_clear()
    env = AnalysisEnv(Config())
    env.deadline = time.monotonic() + 0.25
    parsed = env.parse(["The council met on Monday in the town hall."], entities=False)
    assert [t.text for t in parsed[0]][:2] == ["The", "council"]


# ---------------------------------------------------------------------------------------------
# 7. Ctrl-C


@pytest.fixture(scope="module")
def big_corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A 300-article corpus (several seconds of work) in an isolated folder."""
    folder = _isolated(tmp_path_factory.mktemp("big"))
    write_bench_corpus(folder / "corpus", 300)
    return folder


def _default_sigint() -> None:
    """In the child before exec: SIGINT as a terminal would deliver it, even when the tests
    were started with it ignored (``pytest &`` in a script)."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


class _InterruptedRun:
    """A ``newslint --cache-dir CACHE --jobs 2`` run on ``big_corpus`` to send SIGINT to.

    It runs in its own session so that, should it hang, it and its pool workers (which hold
    its stdout and stderr open) can be killed as one process group.
    """

    def __init__(self, folder: Path, cache: Path, after_entries: int) -> None:
        self.cache = cache
        self.after_entries = after_entries
        self.proc = subprocess.Popen(
            [*newslint_command(), "corpus", "--cache-dir", str(cache), "--jobs", "2",
             "--format", "json"],
            cwd=folder, env=_env(folder), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
            text=True, start_new_session=True, preexec_fn=_default_sigint,
        )
        self.interrupted = False
        self.finished_first = False
        """The run ended before the interrupt was due (an inconclusive attempt)."""
        self.returncode: int | None = None
        """None: still running 30 s after SIGINT (then killed)."""
        self.stderr = ""

    def poll(self) -> bool:
        """Send SIGINT once ``after_entries`` cache entries exist: the pool is then mid-way
        through the first pass. True when there is nothing left to wait for."""
        if self.interrupted or self.finished_first:
            return True
        if self.proc.poll() is not None:
            self.finished_first = True
            return True
        if _count_entries(self.cache) >= self.after_entries:
            self.proc.send_signal(signal.SIGINT)
            self.interrupted = True
            return True
        return False

    def finish(self, deadline: float) -> None:
        try:
            _, self.stderr = self.proc.communicate(timeout=max(0.1, deadline - time.monotonic()))
            self.returncode = self.proc.returncode
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.proc.pid, signal.SIGKILL)
            _, self.stderr = self.proc.communicate()
            self.returncode = None

    def problems(self) -> list[str]:
        found: list[str] = []
        if self.returncode is None:
            found.append("still running 30 s after SIGINT (killed)")
        elif self.returncode != 130:
            tail = " | ".join(self.stderr.strip().splitlines()[-3:])
            found.append(f"exit {self.returncode}, not 130 (stderr: {tail})")
        if "Traceback" in self.stderr:
            found.append("a traceback on stderr: " + self.stderr.strip().splitlines()[-1])
        leftovers = [p for p in _cache_files(self.cache) if p.name.startswith(".tmp-")]
        if leftovers:
            found.append(f"{len(leftovers)} .tmp- file(s) left in the cache")
        found.extend(f"unreadable entry {bad}" for bad in _unreadable_entries(self.cache))
        return [f"SIGINT after {self.after_entries} entries: {problem}" for problem in found]


def _interrupt_together(runs: Sequence[_InterruptedRun], wait: float = 30) -> None:
    """Interrupt each run when it is due, then give each ``wait`` seconds to end."""
    give_up = time.monotonic() + 120
    while not all([attempt.poll() for attempt in runs]):
        assert time.monotonic() < give_up, "the runs wrote too few cache entries in 120 s"
        time.sleep(0.005)
    deadline = time.monotonic() + wait
    for attempt in runs:
        attempt.finish(deadline)


def test_a_signal_that_arrives_while_workers_fork_is_delivered_after_not_lost() -> None:
    """Starting a pool forks, and an interrupt raised inside a fork hook is printed and ignored
    (the run then went on to its end and exited 1): the pool defers the signals meanwhile."""
    from lint.processes import signals_deferred

    delivered: list[float] = []
    previous = signal.signal(signal.SIGHUP, lambda signum, frame: delivered.append(time.monotonic()))
    try:
        with signals_deferred():
            os.kill(os.getpid(), signal.SIGHUP)
            time.sleep(0.05)
            deferred_until = time.monotonic()
            assert delivered == []
        assert len(delivered) == 1 and delivered[0] >= deferred_until
    finally:
        signal.signal(signal.SIGHUP, previous)


def test_ctrl_c_exits_130_and_leaves_a_clean_cache(big_corpus: Path, tmp_path: Path) -> None:
    """Ctrl-C in the first pass, as a worker writes its first entries (two runs at a time):
    exit 130 within 30 s, no traceback, whole entries and no .tmp- files; then a normal run on
    the cache finishes with the findings of an uninterrupted run."""
    runs = [_InterruptedRun(big_corpus, tmp_path / f"cache-{after}", after) for after in (1, 33)]
    _interrupt_together(runs)
    assert all(attempt.interrupted for attempt in runs), "a run ended before the interrupt"
    assert [problem for attempt in runs for problem in attempt.problems()] == []
    for attempt in runs:
        assert "newslint: interrupted" in attempt.stderr
        written = _count_entries(attempt.cache)
        assert 0 < written < 2 * 300, written  # stopped mid-way through the first pass

    cache = runs[0].cache
    written = _count_entries(cache)
    resumed = _json_run(["corpus", "--cache-dir", str(cache), "--jobs", "2"], big_corpus)
    assert resumed[0] in (0, 1), resumed[2]
    assert "Traceback" not in resumed[2] and "corrupt" not in resumed[2], resumed[2]
    assert _count_entries(cache) > written
    fresh = _json_run(["corpus", "--no-cache", "--jobs", "2"], big_corpus)
    assert resumed[:2] == fresh[:2]


BALLAST = "BALLAST-FOR-THE-RESULT-PIPE"
BALLAST_BYTES = 64 * 1024 * 1024


class Ballast(Rule):
    """Makes its document's first-pass result big: a worker then spends seconds sending it
    to a parent whose manager thread is slow to read (another thread holds the GIL)."""

    meta = RuleMeta(
        code="NL891",
        name="ballast",
        severity=Severity.INFO,
        summary="Test rule: a large first-pass result.",
        what=f"Adds {BALLAST_BYTES} bytes to the analysis of a document containing {BALLAST}.",
        why="To interrupt a run while a worker is sending a batch result.",
        example=BALLAST,
    )

    def check(self, ctx: RuleContext) -> Iterator[Diagnostic]:
        if BALLAST in ctx.document.text:
            ctx.analysis["ballast"] = bytes(BALLAST_BYTES)  # part of the result and its entry
            Path(ctx.document.path).with_suffix(".sending").write_text("", encoding="utf-8")
        yield from ()


def _child_writing_to_a_pipe() -> int | None:
    """A child of this process blocked in a pipe write (Linux): a pool worker mid-way through
    sending a result that the parent has not read yet."""
    me = str(os.getpid())
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="utf-8") as handle:
                parent = handle.read().rsplit(")", 1)[1].split()[1]
            with open(f"/proc/{entry}/wchan", encoding="utf-8") as handle:
                waiting_in = handle.read()
        except (OSError, IndexError):
            continue
        if parent == me and "pipe_write" in waiting_in:
            return int(entry)
    return None


def interrupt_while_a_worker_sends(folder: str, cache_root: str) -> None:
    """Run in a child process by the test below: lint ``folder`` with a pool of two and
    interrupt the main thread (SIGINT, as Ctrl-C does) while a worker is blocked sending the
    big result of the ballast file. Exits 130 when the interrupt comes back as
    KeyboardInterrupt, as the CLI does; 3 when no worker was seen sending."""
    import threading

    signal.signal(signal.SIGINT, signal.default_int_handler)  # even if started with it ignored
    config = Config(select=("NL301",))
    rules, packs = _default_rules(config)
    main = threading.get_ident()
    sending = Path(folder, "ballast.sending")

    def interrupter() -> None:
        while not sending.exists():
            time.sleep(0.001)
        # Hold the GIL between looks at the workers: the pool's manager thread, which reads
        # results in this process, then reads slowly and the worker blocks on a full pipe.
        give_up = time.monotonic() + 20
        next_look = 0.0
        writer = None
        while writer is None and time.monotonic() < give_up:
            if time.monotonic() >= next_look:
                writer = _child_writing_to_a_pipe()
                next_look = time.monotonic() + 0.05
        if writer is None:
            print("no worker was seen sending its result", flush=True)
            os._exit(3)
        print(f"interrupting while worker {writer} sends its result", flush=True)
        signal.pthread_kill(main, signal.SIGINT)
        busy_until = time.monotonic() + 1.0
        while time.monotonic() < busy_until:
            pass

    threading.Thread(target=interrupter, daemon=True).start()
    try:
        run([folder], config, [*rules, Ballast()], packs, ProcessExecutor(2),
            Cache(Path(cache_root), "driver"))
    except KeyboardInterrupt:
        print("interrupted", flush=True)
        os._exit(130)
    print("finished without the interrupt", flush=True)
    os._exit(0)


@pytest.mark.skipif(not Path("/proc/self/wchan").exists(), reason="needs Linux /proc")
def test_ctrl_c_while_a_worker_sends_its_result_does_not_hang(tmp_path: Path) -> None:
    """A race the CLI test above meets now and then, made certain: the SIGINT reaches
    ProcessExecutor.map while a worker is mid-way through sending a batch result (more than
    a pipe buffer). The worker is killed; the pool's manager thread, left waiting for the
    rest of the message, must not keep the run from ending (it did until 403937a)."""
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "ballast.txt").write_text(f"Headline\n\nThis one carries {BALLAST}.\n",
                                        encoding="utf-8")
    for n in range(3):
        (folder / f"a{n}.txt").write_text(f"Headline {n}\n\nThe the council met.\n",
                                          encoding="utf-8")
    root = Path(__file__).resolve().parent.parent
    code = (
        "from tests.test_scale import interrupt_while_a_worker_sends as f; "
        f"f({str(folder)!r}, {str(tmp_path / 'cache')!r})"
    )
    proc = subprocess.Popen(
        [sys.executable, "-c", code], cwd=root, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        text=True, start_new_session=True,
    )
    try:
        stdout, stderr = proc.communicate(timeout=30)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        stdout, stderr = proc.communicate()
        pytest.fail(f"still running 30 s after it started (killed); stdout: {stdout!r}")
    assert "interrupting while worker" in stdout, (stdout, stderr)  # the scenario happened
    assert proc.returncode == 130, (stdout, stderr)
    assert "Traceback" not in stderr, stderr


# ---------------------------------------------------------------------------------------------
# 8. newslint cache clean


def test_cache_clean_removes_the_cache_and_says_so(tmp_path: Path) -> None:
    folder = _isolated(tmp_path)
    (folder / "a.txt").write_text("Headline\n\n" + DOUBLED_SENTENCE + "\n", encoding="utf-8")
    cache = folder / "cache"
    code, _, stderr = _json_run(["a.txt", "--jobs", "1", "--cache-dir", str(cache)], folder)
    assert code == 1, stderr
    assert (cache / "CACHEDIR.TAG").is_file()
    proc = run_cli(["cache", "clean", "--cache-dir", str(cache)], cwd=folder)
    assert proc.returncode == 0, proc.stderr
    assert "removed" in proc.stdout and str(cache) in proc.stdout, proc.stdout
    assert not cache.exists()


def test_cache_clean_uses_newslint_cache_dir(tmp_path: Path) -> None:
    folder = _isolated(tmp_path)
    (folder / "a.txt").write_text("Headline\n\n" + DOUBLED_SENTENCE + "\n", encoding="utf-8")
    env = _env(folder)
    default = Path(env["NEWSLINT_CACHE_DIR"])
    command = newslint_command()
    check = subprocess.run([*command, "a.txt", "--jobs", "1"], cwd=folder, env=env,
                           capture_output=True, text=True, timeout=300, check=False)
    assert check.returncode == 1, check.stderr
    assert (default / "CACHEDIR.TAG").is_file()
    assert not (folder / ".newslint_cache").exists()
    clean = subprocess.run([*command, "cache", "clean"], cwd=folder, env=env,
                           capture_output=True, text=True, timeout=300, check=False)
    assert clean.returncode == 0, clean.stderr
    assert str(default) in clean.stdout
    assert not default.exists()


def test_cache_clean_refuses_a_folder_without_cachedir_tag(tmp_path: Path) -> None:
    folder = _isolated(tmp_path)
    precious = folder / "precious"
    precious.mkdir()
    (precious / "notes.txt").write_text("keep me\n", encoding="utf-8")
    proc = run_cli(["cache", "clean", "--cache-dir", str(precious)], cwd=folder)
    assert proc.returncode == 2
    assert "CACHEDIR.TAG" in proc.stderr and str(precious) in proc.stderr, proc.stderr
    assert "Traceback" not in proc.stderr
    assert (precious / "notes.txt").read_text(encoding="utf-8") == "keep me\n"


# ---------------------------------------------------------------------------------------------
# 9. Config keys


def test_config_run_keys_are_accepted_and_applied(tmp_path: Path) -> None:
    folder = tmp_path
    (folder / "newslint.toml").write_text(
        'jobs = 1\ncache = true\ncache-dir = "custom-cache"\nexecutor = "local"\n'
        "nlp-time-limit = 0.000001\n",
        encoding="utf-8",
    )
    (folder / "mt.txt").write_text(_mt_verb_article(), encoding="utf-8")
    code, rows, stderr = _json_run(["mt.txt"], folder)
    assert code == 1, stderr
    codes = {c for _, _, _, c, _ in rows}
    assert "NL009" in codes, rows  # nlp-time-limit was applied
    assert (folder / "custom-cache" / "CACHEDIR.TAG").is_file()  # cache-dir, beside the config

    (folder / "newslint.toml").write_text(
        'jobs = 2\ncache = false\ncache-dir = "other-cache"\nnlp-time-limit = 0\n',
        encoding="utf-8",
    )
    code, rows, stderr = _json_run(["mt.txt"], folder)
    assert code == 1, stderr
    codes = {c for _, _, _, c, _ in rows}
    assert "NL009" not in codes and "NL503" in codes, rows  # 0: no limit
    assert not (folder / "other-cache").exists()  # cache = false


@pytest.mark.parametrize(
    ("line", "key"),
    [
        ('executor = "spark"', "executor"),
        ("jobs = -1", "jobs"),
        ('cache = "yes"', "cache"),
        ('nlp-time-limit = "fast"', "nlp-time-limit"),
    ],
)
def test_bad_run_keys_are_errors_naming_file_and_key(tmp_path: Path, line: str, key: str) -> None:
    config = tmp_path / "newslint.toml"
    config.write_text(line + "\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("Headline\n\nA clean sentence.\n", encoding="utf-8")
    proc = run_cli(["a.txt"], cwd=tmp_path)
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    errors = [text for text in proc.stderr.splitlines() if text.startswith("newslint: error:")]
    assert len(errors) == 1, proc.stderr
    assert str(config.resolve()) in errors[0]
    assert repr(key) in errors[0]
