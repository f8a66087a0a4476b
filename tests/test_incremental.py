"""The corpus index kept between runs: order-free reducers, removal, the kept state, key memo.

Pre-commit on a large corpus updates the index kept by the last run with the few files that
changed instead of reading every cached analysis again. That is only right if the index depends
on which documents were added and not on their order, and if removing a document undoes adding
it; these tests check both on real analyses, then the engine and the CLI end to end.
"""

from __future__ import annotations

import os
import random
import shutil
import time
from pathlib import Path

import pytest

from bench.corpus import write_corpus
from lint.cache import Cache, KeyMemo, MemoryCache, file_key, namespace
from lint.config import Config
from lint.corpus import IndexBuilder
from lint.engine import RunResult, run
from lint.executors import SerialExecutor
from lint.features.base import DocumentAnalysis
from lint.linter import Linter
from lint.packs import Pack
from lint.registry import load_rule_set, select_rules
from lint.rules.base import Rule
from tests.conftest import SEEDS

DOUBLED = "The mayor said the the plan would go ahead next spring."


def _rules(config: Config) -> tuple[list[Rule], list[Pack]]:
    rule_set = load_rule_set(config)
    return select_rules(rule_set, config), list(rule_set.packs)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seeds and 40 generated articles (recurring people, shared quotations, planted name
    variants and altered quotes): enough for every index part to be non-trivial."""
    root = tmp_path_factory.mktemp("incremental") / "corpus"
    write_corpus(root / "generated", 40)
    shutil.copytree(SEEDS, root / "seeds")
    return root


@pytest.fixture(scope="module")
def analyses(corpus: Path) -> list[DocumentAnalysis]:
    config = Config()
    rules, packs = _rules(config)
    linter = Linter(config, rules, packs)
    out: list[DocumentAnalysis] = []
    for path in sorted(corpus.rglob("*.txt")):
        out.extend(linter.first_pass(str(path), check=False).analyses)
    return out


def _builder() -> IndexBuilder:
    config = Config()
    rules, packs = _rules(config)
    return IndexBuilder(Linter(config, rules, packs).features)


def _index(analyses: list[DocumentAnalysis]) -> dict[str, object]:
    builder = _builder()
    for analysis in analyses:
        builder.add(analysis)
    index = builder.build()
    return {"documents": index.documents, **index.parts}


def test_the_index_parts_are_non_trivial(analyses: list[DocumentAnalysis]) -> None:
    index = _index(analyses)
    assert index["names"]["variants"], "the corpus plants name variants"  # type: ignore[index]
    assert index["quotes"]["drift"], "the corpus plants altered quotations"  # type: ignore[index]
    assert index["lines"]["counts"]  # type: ignore[index]
    assert index["vocab"]["counts"]  # type: ignore[index]


def test_every_default_reducer_is_incremental() -> None:
    assert _builder().incremental


def test_the_index_does_not_depend_on_document_order(analyses: list[DocumentAnalysis]) -> None:
    shuffled = list(analyses)
    random.Random(3).shuffle(shuffled)
    assert _index(shuffled) == _index(analyses)
    assert _index(list(reversed(analyses))) == _index(analyses)


def test_removing_documents_gives_the_index_built_without_them(
    analyses: list[DocumentAnalysis],
) -> None:
    rng = random.Random(5)
    gone = set(rng.sample(range(len(analyses)), k=len(analyses) // 3))
    kept = [a for n, a in enumerate(analyses) if n not in gone]
    builder = _builder()
    for analysis in analyses:
        builder.add(analysis)
    before = builder.build()
    for n in sorted(gone, reverse=True):
        builder.remove(analyses[n])
    shrunk = builder.build()
    assert {"documents": shrunk.documents, **shrunk.parts} == _index(kept)
    assert shrunk.parts != before.parts
    for n in sorted(gone):
        builder.add(analyses[n])
    regrown = builder.build()
    assert {"documents": regrown.documents, **regrown.parts} == _index(analyses)


def test_removing_every_document_leaves_an_empty_index(analyses: list[DocumentAnalysis]) -> None:
    builder = _builder()
    for analysis in analyses:
        builder.add(analysis)
    for analysis in analyses:
        builder.remove(analysis)
    empty = builder.build()
    assert {"documents": empty.documents, **empty.parts} == _index([])


# ---------------------------------------------------------------------------------------------
# The engine: a kept state serves a later run, with the same findings as a cold run


def _space(config: Config, rules: list[Rule], packs: list[Pack]) -> str:
    return namespace(
        config.fingerprint(), [p.source for p in packs],
        [f"{r.code}:{type(r).__module__}.{type(r).__qualname__}" for r in rules],
    )


def _rows(result: RunResult) -> list[tuple[str, int, int, str, str]]:
    return [(d.path, d.line, d.column, d.code, d.message) for d in result.diagnostics]


def test_precommit_updates_the_kept_state_and_matches_a_cold_run(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    work = tmp_path / "work"
    shutil.copytree(corpus, work / "corpus")
    monkeypatch.chdir(work)
    config = Config()
    rules, packs = _rules(config)
    root = tmp_path / "cache"

    def lint(paths: list[str], settings: Config) -> RunResult:
        return run(paths, settings, rules, packs, SerialExecutor(), Cache(root, _space(settings, rules, packs)))

    full = lint(["corpus"], config)
    assert full.stats["from_kept_state"] == 0
    total = full.stats["files"]

    # pre-commit: one new article and one edited one, checked against the corpus root, which
    # the config names by its absolute path (the full run spelled it relative)
    articles = sorted((work / "corpus" / "generated").rglob("*.txt"))
    new = articles[0].parent / "zz-new-article.txt"
    new.write_text(articles[1].read_text(encoding="utf-8") + "\n" + DOUBLED + "\n", encoding="utf-8")
    edited = articles[2]
    edited.write_text(edited.read_text(encoding="utf-8") + "\n" + DOUBLED + "\n", encoding="utf-8")
    changed = [str(new.relative_to(work)), str(edited.relative_to(work))]
    precommit = Config(corpus=((work / "corpus").resolve(),))
    incremental = lint(changed, precommit)
    assert incremental.stats["analysed"] == 2
    assert incremental.stats["from_kept_state"] == total - 1  # all but the edited file

    cold = run(changed, precommit, rules, packs, SerialExecutor(), MemoryCache())
    assert cold.stats["from_kept_state"] == 0
    assert _rows(incremental) == _rows(cold)
    assert {Path(p).name for p, *_ in _rows(cold)} == {new.name, edited.name}
    assert any(code == "NL301" for *_, code, _ in _rows(cold))


# ---------------------------------------------------------------------------------------------
# The stat-keyed memo of file keys


def _age(path: Path, seconds: float) -> None:
    then = time.time() - seconds
    os.utime(path, (then, then))


@pytest.fixture
def settled_article(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A one-line article last modified a minute ago, with the racy window closed (utime just
    set its ctime to now)."""
    monkeypatch.setattr("lint.cache.RACY_SECONDS", 0.0)
    article = tmp_path / "a.txt"
    article.write_text("One line.\n", encoding="utf-8")
    _age(article, 60)
    return article


def test_key_memo_reuses_the_key_of_an_unchanged_file(tmp_path: Path, settled_article: Path) -> None:
    article = settled_article
    memo = KeyMemo(tmp_path)
    reads: list[str] = []

    def read() -> bytes:
        reads.append("read")
        return article.read_bytes()

    key = memo.key(str(article), os.stat(article), read)
    assert key == file_key(str(article), article.read_bytes())
    memo.save()
    again = KeyMemo(tmp_path).key(str(article), os.stat(article), read)
    assert again == key
    assert reads == ["read"]


def test_key_memo_sees_an_edit_that_keeps_size_and_mtime(tmp_path: Path, settled_article: Path) -> None:
    article = settled_article
    memo = KeyMemo(tmp_path)
    old = memo.key(str(article), os.stat(article), article.read_bytes)
    assert memo.entries, "remembered"
    memo.save()
    mtime = os.stat(article).st_mtime_ns
    article.write_text("Two line.\n", encoding="utf-8")  # same size
    os.utime(article, ns=(mtime, mtime))  # and the old mtime: only the ctime tells
    new = KeyMemo(tmp_path).key(str(article), os.stat(article), article.read_bytes)
    assert new != old
    assert new == file_key(str(article), b"Two line.\n")


def test_key_memo_does_not_remember_a_file_modified_just_now(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("One line.\n", encoding="utf-8")
    memo = KeyMemo(tmp_path)
    memo.key(str(article), os.stat(article), article.read_bytes)
    assert memo.entries == {}


# ---------------------------------------------------------------------------------------------
# A few new files with a process pool: the parent analyses them too, and builds the index while
# a worker loads spaCy for their document rules


def _precommit_scene(corpus: Path, tmp_path: Path) -> tuple[Path, Config]:
    work = tmp_path / "work"
    shutil.copytree(corpus, work / "corpus")
    return work, Config(corpus=((work / "corpus").resolve(),))


def _new_article(work: Path) -> list[str]:
    articles = sorted((work / "corpus" / "generated").rglob("*.txt"))
    new = articles[0].parent / "zz-new-article.txt"
    new.write_text(articles[3].read_text(encoding="utf-8") + "\n" + DOUBLED + "\n", encoding="utf-8")
    return [str(new.relative_to(work))]


def _pooled_precommit(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, shortcut_max: int | None = None
) -> tuple[RunResult, RunResult]:
    """A pre-commit run with a pool on one new article after a full run (``shortcut_max``:
    the pre-commit shortcut's byte limit, by the new file's size: +1 takes it, -1 does not),
    and a serial cold run on the same file."""
    from lint import engine
    from lint.executors import ProcessExecutor

    work, settings = _precommit_scene(corpus, tmp_path)
    monkeypatch.chdir(work)
    rules, packs = _rules(settings)
    root = tmp_path / "cache"
    run(["corpus"], Config(), rules, packs, ProcessExecutor(2), Cache(root, _space(settings, rules, packs)))
    changed = _new_article(work)
    if shortcut_max is not None:
        monkeypatch.setattr(engine, "SHORTCUT_MAX_BYTES", Path(changed[0]).stat().st_size + shortcut_max)
    pooled = run(changed, settings, rules, packs, ProcessExecutor(2), Cache(root, _space(settings, rules, packs)))
    cold = run(changed, settings, rules, packs, SerialExecutor(), MemoryCache())
    return pooled, cold


def test_precommit_with_a_pool_matches_a_serial_cold_run(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pooled, cold = _pooled_precommit(corpus, tmp_path, monkeypatch)
    assert pooled.stats["analysed"] == 1
    assert pooled.stats["analysed_here"] == 1  # for the index, while a worker loads spaCy
    assert pooled.stats["from_kept_state"] == pooled.stats["files"] - 1
    assert _rows(pooled) == _rows(cold)
    assert any(code == "NL301" for *_, code, _ in _rows(cold))


def test_a_new_file_too_big_for_the_precommit_shortcut_is_analysed_once(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The shortcut analyses a new file twice; over its byte limit only the worker does."""
    pooled, cold = _pooled_precommit(corpus, tmp_path, monkeypatch, shortcut_max=-1)
    assert pooled.stats["analysed"] == 1
    assert pooled.stats["analysed_here"] == 0
    assert _rows(pooled) == _rows(cold)


def test_a_new_file_is_checked_as_it_was_hashed_even_if_it_changes_during_the_run(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The bytes read to hash a new file are the ones both passes check (the parent's own
    analysis and the worker's first pass among them): a change on disk once the run has
    planned its files does not mix two versions of the article in one run."""
    from lint.executors import ProcessExecutor

    work, settings = _precommit_scene(corpus, tmp_path)
    monkeypatch.chdir(work)
    rules, packs = _rules(settings)
    cache = MemoryCache()
    run(["corpus"], settings, rules, packs, SerialExecutor(), cache)
    changed = _new_article(work)
    cold = run(changed, settings, rules, packs, SerialExecutor(), MemoryCache())
    rewritten: list[bool] = []

    def rewrite_once(done: int, total: int) -> None:  # first called once the files are hashed
        if not rewritten:
            rewritten.append(True)
            (work / changed[0]).write_text("Headline\n\nAn entirely other text was saved.\n",
                                           encoding="utf-8")

    pooled = run(changed, settings, rules, packs, ProcessExecutor(2), cache, rewrite_once)
    assert rewritten
    assert _rows(pooled) == _rows(cold)
    assert any(code == "NL301" for *_, code, _ in _rows(pooled))


# ---------------------------------------------------------------------------------------------
# A run over files that did not change reuses the whole result


def test_a_repeated_run_reuses_its_result_only_for_the_same_files_and_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.copytree(SEEDS, tmp_path / "seeds")
    config = Config()
    rules, packs = _rules(config)
    root = tmp_path / "cache"

    def lint(paths: list[str]) -> RunResult:
        return run(paths, config, rules, packs, SerialExecutor(), Cache(root, _space(config, rules, packs)))

    monkeypatch.chdir(tmp_path)
    first = lint(["seeds"])
    again = lint(["seeds"])
    assert "whole_run" not in first.stats
    assert again.stats["whole_run"] == 1
    assert _rows(again) == _rows(first)
    assert _rows(first)[0][0].startswith("seeds/")

    monkeypatch.chdir(tmp_path / "seeds")  # the same files, shown from another folder
    inside = lint(["."])
    assert "whole_run" not in inside.stats
    assert [row[1:] for row in _rows(inside)] == [row[1:] for row in _rows(first)]
    assert not _rows(inside)[0][0].startswith("seeds/")

    monkeypatch.chdir(tmp_path)
    edited = sorted((tmp_path / "seeds").iterdir())[0]
    edited.write_text(edited.read_text(encoding="utf-8") + "\n" + DOUBLED + "\n", encoding="utf-8")
    changed = lint(["seeds"])
    assert "whole_run" not in changed.stats
    assert len(changed.diagnostics) == len(first.diagnostics) + 1


def test_only_the_latest_corpus_state_is_kept(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    work, _settings = _precommit_scene(corpus, tmp_path)
    monkeypatch.chdir(work)
    config = Config()
    rules, packs = _rules(config)
    root = tmp_path / "cache"
    cache = Cache(root, _space(config, rules, packs))

    def states() -> list[str]:
        folder = cache.dir / "state"
        return sorted(p.name for p in folder.rglob("*") if p.is_file() and p.name != "latest")

    run(["corpus"], config, rules, packs, SerialExecutor(), cache)
    first = states()
    assert len(first) == 1
    generated = sorted((work / "corpus" / "generated").rglob("*.txt"))
    for n, article in enumerate(generated[:20]):  # more changes than a kept state absorbs
        article.with_name(f"copy-{n}.txt").write_text(
            article.read_text(encoding="utf-8") + f"\nCopy {n}.\n", encoding="utf-8"
        )
    grown = run(["corpus"], config, rules, packs, SerialExecutor(), cache)
    assert grown.stats["from_kept_state"] == 0  # too many changes: built afresh, kept anew
    second = states()
    assert len(second) == 1 and second != first


def test_the_key_memo_is_written_in_a_tagged_cache_folder(
    tmp_path: Path, settled_article: Path
) -> None:
    """A run that writes only the memo still leaves a folder `newslint cache clean` accepts."""
    article = settled_article
    cache = Cache(tmp_path / "cache", "space")
    cache.key_memo().key(str(article), os.stat(article), article.read_bytes)
    cache.save_key_memo()
    assert (tmp_path / "cache" / "v1" / "keys").is_file()
    assert (tmp_path / "cache" / "CACHEDIR.TAG").is_file()
