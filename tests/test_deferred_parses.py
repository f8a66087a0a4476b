"""Parses left to one process: a pool's workers do not load spaCy for the rare files whose
document rules parse; they mark them deferred and the engine runs them again where the pipeline
is loaded, with the findings a serial run has (real spaCy, a real process pool)."""

from __future__ import annotations

from pathlib import Path

import pytest

from lint import linter as linter_module
from lint import nlp
from lint.cache import Cache, MemoryCache, namespace
from lint.cache_kinds import CacheKind
from lint.config import Config
from lint.engine import RunResult, run
from lint.executors import ProcessExecutor, SerialExecutor
from lint.linter import Linter
from lint.registry import load_rule_set, select_rules
from lint.tasks import FIRST_PASS

PARSING = {
    "extra/harbour.txt": (
        "Harbour dues rise for the third year running\n\n"
        "Portugal fined in 2017, with the transport minister defending the new port charges.\n\n"
        "Shipping firms said the increase would be passed on to importers.\n"
    ),
    "extra/orchard.txt": (
        "Orchard growers count the cost of a late frost\n\n"
        "Chile expropriated last year, after a long debate in the senate about the drought.\n\n"
        "Growers said the spring frost had destroyed half of the blossom.\n"
    ),
}
"""Articles whose NL503 candidates (a listed transitive verb, then a time adjunct) need a parse."""


def _rows(result: RunResult) -> list[tuple[str, int, int, str, str]]:
    return [(d.path, d.line, d.column, d.code, d.message) for d in result.diagnostics]


def _plain(number: int) -> str:
    """An article no rule needs a parse for."""
    district = ("north", "south", "east", "west", "upper", "lower")[number % 6]
    return (
        f"Town council approves budget for year {2000 + number}\n\n"
        f"The council of the {district} district approved its budget for {2000 + number} on "
        f"Monday, with {10 + number} votes in favour.\n\n"
        f"The mayor said the budget of {number + 3} million euros would pay for new schools and "
        "roads.\n"
    )


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """40 articles no rule parses for, and the two above."""
    root = tmp_path_factory.mktemp("deferred") / "corpus"
    (root / "generated").mkdir(parents=True)
    for number in range(40):
        (root / "generated" / f"{number:02d}.txt").write_text(_plain(number), encoding="utf-8")
    for name, text in PARSING.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    return root


def _run(paths: list[str], executor: ProcessExecutor | SerialExecutor, cache: Cache) -> RunResult:
    config = Config()
    rule_set = load_rule_set(config)
    rules, packs = select_rules(rule_set, config), list(rule_set.packs)
    return run(paths, config, rules, packs, executor, cache)


def _disk_cache(root: Path) -> Cache:
    config = Config()
    rule_set = load_rule_set(config)
    rules = select_rules(rule_set, config)
    space = namespace(config.fingerprint(), [p.source for p in rule_set.packs],
                      [f"{r.code}:{type(r).__module__}.{type(r).__qualname__}" for r in rules])
    return Cache(root, space)


def test_a_pool_defers_the_parsing_files_and_finds_what_a_serial_run_finds(
    corpus: Path, tmp_path: Path
) -> None:
    """Workers started by a fork server have no spaCy: the two files whose rules parse come
    back deferred, run again in one batch, and the findings equal a serial run's; a second run
    reads every file's summary from the cache (the deferred files' complete ones)."""
    serial = _run([str(corpus)], SerialExecutor(), MemoryCache())
    pooled = _run([str(corpus)], ProcessExecutor(2, start_method="forkserver"),
                  _disk_cache(tmp_path / "cache"))
    assert pooled.stats["parses_deferred"] == len(PARSING)
    assert _rows(pooled) == _rows(serial)
    assert sorted(d.text for d in pooled.diagnostics if d.code == "NL503") == ["expropriated", "fined"]
    warm = _run([str(corpus)], ProcessExecutor(2, start_method="forkserver"),
                _disk_cache(tmp_path / "cache"))
    assert warm.stats["analysed"] == 0
    assert _rows(warm) == _rows(serial)


def test_a_pool_defers_nothing_when_no_rule_parses(corpus: Path, tmp_path: Path) -> None:
    paths = [str(p) for p in sorted((corpus / "generated").rglob("*.txt"))]
    pooled = _run(paths, ProcessExecutor(2, start_method="forkserver"), _disk_cache(tmp_path / "c"))
    assert pooled.stats["analysed"] == len(paths) > 32
    assert pooled.stats["parses_deferred"] == 0


def test_a_deferring_linter_marks_only_the_files_that_parse(
    corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """In a process without the pipeline a deferring linter runs no parse: the file that asks
    for one is marked deferred (its analyses kept and cached, its incomplete summary not), the
    other is checked as usual; once the pipeline is loaded nothing is deferred."""
    config = Config()
    rule_set = load_rule_set(config)
    linter = Linter(config, select_rules(rule_set, config), rule_set.packs)
    linter.defer_parses = True
    plain = str(next((corpus / "generated").rglob("*.txt")))
    parsing = str(corpus / "extra/harbour.txt")
    monkeypatch.setattr(nlp, "_LOADED", set())
    cache = MemoryCache()
    deferred, checked = FIRST_PASS.run(linter, [(parsing, True, None), (plain, True, None)], cache)
    assert deferred.deferred and deferred.analyses
    assert not checked.deferred
    assert deferred.key and checked.key
    assert cache.get(CacheKind.ANALYSES, deferred.key) is not None
    assert cache.get(CacheKind.SUMMARY, deferred.key) is None
    assert cache.get(CacheKind.SUMMARY, checked.key) is not None
    assert not linter.env.deferring  # only while the document rules run
    nlp.load_pipeline.cache_clear()
    linter.env.nlp()
    again = linter.first_pass(parsing)
    assert not again.deferred
    assert [d.text for d in again.diagnostics if d.code == "NL503"] == ["fined"]


def test_a_worker_defers_a_bounded_number_of_files(
    corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Past its limit a deferring worker parses itself: a corpus where most files parse does
    not run most of them twice."""
    monkeypatch.setattr(linter_module, "DEFER_PER_PROCESS", 1)
    monkeypatch.setattr(nlp, "_LOADED", set())
    config = Config()
    rule_set = load_rule_set(config)
    linter = Linter(config, select_rules(rule_set, config), rule_set.packs)
    linter.defer_parses = True
    first = linter.first_pass(str(corpus / "extra/harbour.txt"))
    second = linter.first_pass(str(corpus / "extra/orchard.txt"))
    assert first.deferred and not second.deferred
    assert [d.text for d in second.diagnostics if d.code == "NL503"] == ["expropriated"]
    assert linter.deferred_here == 1
