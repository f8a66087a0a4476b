"""The engine's tasks: what executors run, batch by batch, with the ``Linter`` as context.

The first pass loads, analyses and checks files and stores each one's summary and analyses in
the cache; the second pass runs the corpus rules on files with the corpus index. A file's bytes
travel with its item when the engine has read them already (to hash them), so that a worker
does not read the file again.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from lint.cache import Cache
from lint.cache_kinds import CacheKind
from lint.corpus import CorpusIndex
from lint.executors import Task, resolve
from lint.features.base import DocumentAnalysis
from lint.linter import Linter
from lint.outcomes import FileOutcome, SecondOutcome
from lint.problems import crash_diagnostic

FirstItem = tuple[str, bool, bytes | None]
"""(path, run the document rules, the file's bytes when already read)."""
SecondItem = tuple[str, str, str, bytes | None]
"""(path, first-pass key, second-pass key, the file's bytes when already read)."""


def stored_analyses(cache: Cache, key: str) -> list[DocumentAnalysis] | None:
    """A file's first-pass analyses as the cache has them (None: not there)."""
    found = cache.get(CacheKind.ANALYSES, key)
    return found if isinstance(found, list) else None


def analyses_of(
    linter: Linter, cache: Cache, path: str, key: str, data: bytes | None = None
) -> list[DocumentAnalysis]:
    """A file's first-pass analyses from the cache, or computed again when they are gone
    (evicted, or a cluster whose workers do not share the cache folder)."""
    found = stored_analyses(cache, key)
    if found is not None:
        return found
    return linter.first_pass(path, check=False, data=data).analyses


def summary_analyses(linter: Linter, cache: Cache, summary: FileOutcome) -> list[DocumentAnalysis]:
    """The analyses of a file known by its first-pass summary (none without documents)."""
    if not summary.documents or summary.key is None:
        return []
    return analyses_of(linter, cache, summary.path, summary.key)


def _first_pass(linter: Linter, batch: Sequence[FirstItem], cache: Cache) -> list[FileOutcome]:
    outcomes = linter.first_pass_batch(batch)
    for outcome in outcomes:
        if outcome.key is not None:
            if linter.corpus_rules:  # only the index and the corpus rules read analyses back
                cache.put(CacheKind.ANALYSES, outcome.key, outcome.analyses)
            if not outcome.deferred:  # its document rules have not run yet
                cache.put(CacheKind.SUMMARY, outcome.key, outcome.summary())
    return outcomes


def _first_pass_parsing(linter: Linter, batch: Sequence[FirstItem], cache: Cache) -> list[FileOutcome]:
    """The first pass of files a worker deferred (see ``Linter.defer_parses``), in a process
    that loads spaCy for them."""
    deferring, linter.defer_parses = linter.defer_parses, False
    try:
        return _first_pass(linter, batch, cache)
    finally:
        linter.defer_parses = deferring


def _first_crashed(item: FirstItem, reason: str) -> FileOutcome:
    return FileOutcome(item[0], diagnostics=[crash_diagnostic(item[0], reason)], internal_errors=1,
                       checked=item[1])


def _second_pass(
    linter: Linter, batch: Sequence[SecondItem], shared: tuple[Any, Cache]
) -> list[SecondOutcome]:
    handle, cache = shared
    index: CorpusIndex = resolve(handle)
    outcomes: list[SecondOutcome] = []
    for path, key, key2, data in batch:
        outcome = SecondOutcome(path)
        for analysis in analyses_of(linter, cache, path, key, data):
            found = linter.second_pass(analysis, index, data)
            outcome.diagnostics.extend(found.diagnostics)
            outcome.internal_errors += found.internal_errors
            outcome.stories.update(found.stories)
        cache.put(CacheKind.CORPUS_RESULTS, key2, outcome)
        outcomes.append(outcome)
    return outcomes


def _second_crashed(item: SecondItem, reason: str) -> SecondOutcome:
    return SecondOutcome(item[0], [crash_diagnostic(item[0], reason)], internal_errors=1)


def _reduce_pieces(linter: Linter, batch: Sequence[Any], key: str) -> list[Any]:
    feature = next(f for f in linter.features if f.key == key)
    return [feature.reduce_piece(payload) for payload in batch]


def _piece_crashed(item: Any, reason: str) -> None:
    return None  # the engine computes the piece again in its own process


FIRST_PASS: Task[FirstItem, FileOutcome] = Task(_first_pass, _first_crashed)
FIRST_PASS_PARSING: Task[FirstItem, FileOutcome] = Task(_first_pass_parsing, _first_crashed)
"""The first pass again for the files whose outcome came back ``deferred``."""
SECOND_PASS: Task[SecondItem, SecondOutcome] = Task(_second_pass, _second_crashed)
REDUCE_PIECES: Task[Any, Any] = Task(_reduce_pieces, _piece_crashed)
"""Independent pieces of a reducer's result (a story's alignment and findings), shared value:
the feature's key; a piece whose worker died comes back as None."""
