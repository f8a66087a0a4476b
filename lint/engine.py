"""The run, in named phases over a small plan object:

1. collect: the files to analyse and those to report on (``lint.collect``);
2. plan: each file's key, the key of the whole run's result, the kept corpus state (:func:`plan`);
   a run whose files, spellings and settings did not change returns its cached result;
3. first pass and index: a summary per file (from the cache or the executor) and the corpus
   index, built as the files arrive (:meth:`_Run.first_pass`);
4. second pass: the corpus rules on the reported files, reusing results for this corpus
   (:meth:`_Run.second_pass`);
5. assemble: the findings that survive the filters, as a ``RunResult`` (:meth:`_Run.assemble`).

Every map step goes through an executor (this process, a local process pool, or Dask) in
batches, and through the cache: a file whose path and bytes are unchanged is not analysed
again, an unchanged corpus reuses its index, and a file whose corpus did not change reuses its
corpus-rule results. Memory follows the batches in flight: analyses go to the cache folder (a
temporary one with ``--no-cache``), and only the corpus index is held whole. The bytes read to
hash a file travel with it to both passes (up to :data:`KEEP_BYTES` in all), so that it is read
once.
"""

from __future__ import annotations

import dataclasses
import os
import stat
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from lint.cache import Cache, KeyMemo, MemoryCache
from lint.cache_kinds import CacheKind
from lint.collect import Collected, Shown, collect, corpus_files
from lint.config import Config
from lint.corpus import CorpusIndex, IndexBuilder
from lint.diagnostic import Diagnostic
from lint.executors import Executor, SerialExecutor
from lint.filters import config_filters, filter_configured, filter_diagnostics
from lint.hashing import digest
from lint.linter import Linter
from lint.outcomes import FileOutcome, SecondOutcome
from lint.packs import Pack
from lint.result import RunResult
from lint.rules.base import Rule
from lint.state import Manifest, keep_state, kept_manifest, start_builder
from lint.tasks import (
    FIRST_PASS,
    FIRST_PASS_PARSING,
    REDUCE_PIECES,
    SECOND_PASS,
    FirstItem,
    SecondItem,
    summary_analyses,
)

__all__ = [
    "FileOutcome", "Linter", "RunResult", "config_filters", "corpus_builder", "corpus_files",
    "filter_configured", "run",
]

BATCH_FILES = 16
BATCH_BYTES = 512 * 1024
PRELOAD_WHEN_NEW = 32
PRELOAD_MAX = 50_000
"""With at most PRELOAD_WHEN_NEW files to analyse, the cached analyses of up to PRELOAD_MAX
others are read while the workers run, instead of after (memory: all of them at once)."""
SHORTCUT_MAX_BYTES = 1024 * 1024
"""The pre-commit shortcut analyses the new files twice (here, for the index, and on a
worker) to save a worker's start (about 2 s: spaCy); a megabyte of text takes about as long
to analyse, so beyond it the shortcut costs more than it saves."""
RERUN_ONE_BATCH = 128
"""Up to this many files deferred for their parses are run again in one batch (one worker
loads spaCy); more are spread over the workers, each of which then loads it."""
SPREAD_MIN_PIECES = 8
"""With fewer pieces of reduce work than this (a pre-commit run redoes one story), they are
computed in the run's own process rather than sent to the workers."""
KEEP_BYTES = 64 * 1024 * 1024
"""The bytes read to hash files that are kept for their passes (beyond, a file is read again)."""


@dataclass
class Plan:
    """What a run works on, decided before any file is analysed."""

    collected: Collected
    keys: dict[str, str | None]
    """Each file's first-pass key (path and bytes); None when it cannot be read."""
    reads: dict[str, bytes]
    """The bytes of the files read to hash them, for their passes."""
    whole: str | None
    """The key of the whole run's result; None when it is not kept."""
    shown: Shown
    kept: Manifest | None = None
    """The corpus state kept by an earlier run, when close enough to this run's files."""
    fresh: int = 0
    """Files read to hash them (new or changed since the key memo last saw them)."""

    @property
    def files(self) -> list[str]:
        return self.collected.files

    @property
    def reported(self) -> set[str]:
        return self.collected.reported


@dataclass
class FirstPass:
    """What the first pass leaves for the second: every file's summary and the corpus index."""

    summaries: dict[str, FileOutcome]
    real: str
    """The key of the corpus index: the ordered first-pass keys of every file."""
    index: CorpusIndex | None = None
    stats: dict[str, int] = field(default_factory=dict)


def run(
    paths: Sequence[str],
    config: Config,
    rules: Sequence[Rule],
    packs: Sequence[Pack],
    executor: Executor | None = None,
    cache: Cache | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> RunResult:
    """Check ``paths`` and return every diagnostic that survives the filters.

    ``executor`` runs the map steps (default: this process); ``cache`` keeps analyses between
    steps and between runs (default: in memory, for this run only).
    """
    linter = Linter(config, rules, packs)
    executor = executor or SerialExecutor()
    cache = cache if cache is not None else MemoryCache()
    executor.start(linter)
    try:
        return _Run(linter, executor, cache, progress).run(paths)
    finally:
        executor.close()


def plan(collected: Collected, config: Config, cache: Cache) -> Plan:
    """Each file's key (hashing only the files the key memo does not know) and the key of the
    whole run's result."""
    memo = cache.key_memo()
    reads = _KeptReads()
    keys = {path: _read_key(path, config, memo, reads) for path in collected.files}
    cache.save_key_memo()
    whole = None if collected.missing else _whole_run_key(cache, collected, keys)
    return Plan(collected, keys, reads.kept, whole, Shown(collected.spelled), fresh=reads.count)


def cached_result(plan: Plan, cache: Cache) -> RunResult | None:
    """The result of an earlier run with the same files, spellings and settings."""
    if plan.whole is None:
        return None
    hit = cache.get(CacheKind.RUN, plan.whole)
    if not isinstance(hit, RunResult):
        return None
    count = len(plan.files)
    hit.stats = {"files": count, "analysed": 0, "cached": count, "whole_run": 1}
    return hit


class _Run:
    """One run's phases, with what they share: the linter, the executor, the cache and the
    progress count."""

    def __init__(
        self, linter: Linter, executor: Executor, cache: Cache,
        progress: Callable[[int, int], None] | None,
    ) -> None:
        self.linter = linter
        self.config = linter.config
        self.executor = executor
        self.cache = cache
        self.ticker = _Progress(progress)

    def run(self, paths: Sequence[str]) -> RunResult:
        planned = plan(collect(paths, self.config), self.config, self.cache)
        cached = cached_result(planned, self.cache)
        if cached is not None:
            return cached
        if self.linter.parses:  # there is work: workers load spaCy while the cache is read
            self.linter.defer_parses = self._defer_parses(planned)
            self.executor.warm_up(self._workers_wanted(planned))
        if self.linter.corpus_rules:
            planned.kept = kept_manifest(self.linter.features, self.cache, planned.keys)
        first = self.first_pass(planned)
        seconds = self.second_pass(planned, first)
        return self.assemble(planned, first, seconds)

    def _defer_parses(self, plan: Plan) -> bool:
        """Whether the first pass's workers leave the files whose document rules parse to
        one process (see ``Linter.defer_parses``): when many files are new and the workers are
        separate processes. A few new files (pre-commit) keep the warmed-up worker."""
        return self.executor.separate_workers and plan.fresh > PRELOAD_WHEN_NEW

    def _workers_wanted(self, plan: Plan) -> int:
        """How many workers the first pass will keep busy: one for a few new files (pre-commit:
        one worker loads spaCy, the other core builds the index), all of them when many files
        are new or changed (a cold run: each worker loads spaCy now, none is started twice)."""
        return self.executor.jobs if plan.fresh > PRELOAD_WHEN_NEW else 1

    # -- first pass and index -----------------------------------------------------------------

    def first_pass(self, plan: Plan) -> FirstPass:
        """A summary per file, from the cache or from the executor, and the corpus index."""
        summaries, todo = self._cached_summaries(plan)
        stats = {"files": len(plan.files), "analysed": len(todo),
                 "cached": len(plan.files) - len(todo)}
        # One total for both passes, known now: the second pass counts every reported file, and
        # those it need not check (cached results, no document) are stepped over when it starts.
        self.ticker.add_total(len(todo) + self._second_planned(plan))
        few = self._few_new(plan, todo)
        items: list[FirstItem] = [(path, check, plan.reads.get(path)) for path, check in todo]
        fresh = _flatten(self.executor.map(FIRST_PASS, self._batches(items), self.cache))
        builder, applied = self._start_builder(plan, todo, stats)
        pending = {path for path, _ in todo}
        early, own = self._precommit_shortcut(plan, summaries, pending, applied) if few else ({}, {})
        stats["analysed_here"] = len(own)
        deferred: list[str] = []
        for path in plan.files:
            analyses = early.pop(path, None)
            if path in own:
                summaries[path] = own[path].summary()  # until the worker's arrives, below
                analyses = own[path].analyses
            elif path in pending:
                outcome = next(fresh)
                self.ticker.step(1)
                summaries[path] = outcome.summary()
                analyses = outcome.analyses
                if outcome.deferred:
                    deferred.append(path)
            if builder is not None and path not in applied:
                if analyses is None:
                    analyses = summary_analyses(self.linter, self.cache, summaries[path])
                for analysis in analyses:
                    builder.add(analysis)
        if not own:
            for _ in fresh:  # run the executor's map to its end (it has nothing left to yield)
                pass
        stats["parses_deferred"] = len(deferred)
        # Submitted now: one worker loads spaCy for them while the index is built.
        reruns = self._rerun(plan, deferred) if not own else None
        first = FirstPass(summaries, digest(self.cache.dir.name,
                                            *[summaries[p].key or "-" for p in plan.files]),
                          stats=stats)
        if builder is not None:  # the workers are free for the index unless a map is in flight
            first.index = self._finish_index(plan, first, builder, applied, spread=not own)
        for path, outcome in zip([p for p in plan.files if p in own], fresh, strict=True):
            self.ticker.step(1)  # the index is built: now the workers' passes of the files
            summaries[path] = outcome.summary()  # analysed here too (the same bytes)
        if reruns is None:
            reruns = self._rerun(plan, [p for p in plan.files if summaries[p].deferred])
        for outcome in reruns:
            summaries[outcome.path] = outcome.summary()
        return first

    def _rerun(self, plan: Plan, deferred: Sequence[str]) -> Iterator[FileOutcome]:
        """The first pass again, with spaCy, of the files a worker deferred (their analyses
        stand; their document rules had not run): in one batch, so that one worker loads the
        pipeline, unless they are many. The batches are submitted now."""
        if not deferred:
            return iter(())
        items: list[FirstItem] = [(path, path in plan.reported, plan.reads.get(path))
                                  for path in deferred]
        batches = (list(self._batches(items)) if len(items) > RERUN_ONE_BATCH
                   else [items])
        return _flatten(self.executor.map(FIRST_PASS_PARSING, batches, self.cache))

    def _cached_summaries(self, plan: Plan) -> tuple[dict[str, FileOutcome], list[tuple[str, bool]]]:
        """The summaries the cache (or the kept corpus state) has, and the files to analyse
        (path, whether reported)."""
        in_kept = plan.kept[1] if plan.kept else frozenset()
        summaries: dict[str, FileOutcome] = {}
        todo: list[tuple[str, bool]] = []
        for path in plan.files:
            key = plan.keys[path]
            if path in plan.reported:
                entry = self.cache.get(CacheKind.SUMMARY, key) if key else None
                if isinstance(entry, FileOutcome) and entry.checked:
                    entry.path = path
                    summaries[path] = entry
                    continue
            elif key and (key in in_kept or self.cache.has(CacheKind.SUMMARY, key)):
                # compared with, not reported: its analyses are all the run needs
                summaries[path] = FileOutcome(path, key=key, checked=False, documents=[(None, "?")])
                continue
            todo.append((path, path in plan.reported))
        return summaries, todo

    def _second_planned(self, plan: Plan) -> int:
        return len(plan.reported) if self.linter.corpus_rules else 0

    def _few_new(self, plan: Plan, todo: Sequence[tuple[str, bool]]) -> bool:
        """Whether the pre-commit shortcut applies: a few new files in a corpus with corpus
        rules (their bytes are then read now if hashing did not, for both of their reads)."""
        if not (self.linter.corpus_rules and todo and len(todo) <= PRELOAD_WHEN_NEW
                and len(plan.files) <= PRELOAD_MAX):
            return False
        for path, _ in todo:
            if path not in plan.reads and plan.keys[path]:  # a regular file within the limit
                data = _read_bytes(path)
                if data is not None:
                    plan.reads[path] = data
        return True

    def _start_builder(
        self, plan: Plan, todo: Sequence[tuple[str, bool]], stats: dict[str, int]
    ) -> tuple[IndexBuilder | None, dict[str, str]]:
        """The index builder (from the kept corpus state when there is one: only the files
        that changed are applied), and path -> key of the files it holds already. None when
        nothing is to be analysed and this corpus's index is cached: it is loaded only if a
        reported file's corpus-rule results are missing."""
        if not self.linter.corpus_rules:
            return None, {}
        guess = digest(self.cache.dir.name, *[plan.keys[p] or "-" for p in plan.files])
        if not todo and self.cache.has(CacheKind.INDEX, guess):
            return None, {}
        builder, applied = start_builder(self.linter.features, self.cache, plan.kept, plan.keys)
        stats["from_kept_state"] = len(applied)
        return builder, applied

    def _precommit_shortcut(
        self, plan: Plan, summaries: dict[str, FileOutcome], pending: set[str],
        applied: dict[str, str],
    ) -> tuple[dict[str, list[Any]], dict[str, FileOutcome]]:
        """A few new files (pre-commit): read the others' analyses while workers run, and
        analyse the new ones here too (no spaCy: features only, from the same bytes as the
        workers), so that the index is built while a worker loads spaCy for their document
        rules. Returns the analyses read early and the outcomes of the files analysed here."""
        early = {p: summary_analyses(self.linter, self.cache, summaries[p]) for p in plan.files
                 if p not in pending and p not in applied}
        own: dict[str, FileOutcome] = {}
        if (self.executor.jobs > 1 and all(p in plan.reads for p in pending)
                and sum(len(plan.reads[p]) for p in pending) <= SHORTCUT_MAX_BYTES):
            own = {p: self.linter.first_pass(p, check=False, data=plan.reads[p]) for p in pending}
        return early, own

    def _finish_index(
        self, plan: Plan, first: FirstPass, builder: IndexBuilder, applied: dict[str, str],
        spread: bool = False,
    ) -> CorpusIndex:
        """Build the index (``spread``: its independent pieces on the workers), keep the
        builder's state for later runs, and cache the index."""
        summaries = first.summaries
        if any(summaries[p].key != key for p, key in applied.items()):
            # a file changed between hashing and reading: the kept state is not this corpus
            builder = IndexBuilder(self.linter.features)
            for path in plan.files:
                for analysis in summary_analyses(self.linter, self.cache, summaries[path]):
                    builder.add(analysis)
            first.stats["from_kept_state"] = 0
        keep_state(self.cache, builder, plan.kept, [summaries[p].key for p in plan.files])
        index = builder.build(self._spread if spread else None)
        self.cache.put(CacheKind.INDEX, first.real, index)
        return index

    def _spread(self, key: str, payloads: Sequence[Any]) -> list[Any]:
        """A reducer's pieces (see ``Reducer.result_spread``) on the workers, in interleaved
        batches (the reducer puts the largest first); here when there are few of them or one
        worker. A piece whose worker died is computed here."""
        feature = next(f for f in self.linter.features if f.key == key)
        if len(payloads) < SPREAD_MIN_PIECES or self.executor.workers < 2:
            return [feature.reduce_piece(payload) for payload in payloads]
        count = min(len(payloads), self.executor.jobs * 4)
        order = [i for start in range(count) for i in range(start, len(payloads), count)]
        batches = [[payloads[i] for i in range(start, len(payloads), count)] for start in range(count)]
        results: list[Any] = [None] * len(payloads)
        done = _flatten(self.executor.map(REDUCE_PIECES, batches, key))
        for index, result in zip(order, done, strict=True):
            results[index] = result if result is not None else feature.reduce_piece(payloads[index])
        return results

    # -- second pass --------------------------------------------------------------------------

    def second_pass(self, plan: Plan, first: FirstPass) -> dict[str, SecondOutcome]:
        """Corpus rules on the reported files, reusing the results for this corpus."""
        seconds: dict[str, SecondOutcome] = {}
        if not self.linter.corpus_rules:
            return seconds
        todo: list[SecondItem] = []
        for path in plan.files:
            summary = first.summaries[path]
            if path not in plan.reported or not summary.documents or summary.key is None:
                continue
            key2 = digest(summary.key, first.real)
            hit = self.cache.get(CacheKind.CORPUS_RESULTS, key2)
            if isinstance(hit, SecondOutcome):
                seconds[path] = hit
            else:
                todo.append((path, summary.key, key2, plan.reads.get(path)))
        first.stats["corpus_rules_cached"] = len(seconds)
        self.ticker.step(self._second_planned(plan) - len(todo))
        if todo:
            index = first.index or self._load_index(plan, first)
            handle = self.executor.share(index, self.cache.stored(CacheKind.INDEX, first.real))
            for outcome in _flatten(self.executor.map(SECOND_PASS, self._batches(todo),
                                                      (handle, self.cache))):
                seconds[outcome.path] = outcome
                self.ticker.step(1)
        return seconds

    def _load_index(self, plan: Plan, first: FirstPass) -> CorpusIndex:
        """This corpus's cached index; built again when it is gone (evicted, corrupt, or a
        file changed while it was read)."""
        index = self.cache.get(CacheKind.INDEX, first.real)
        if isinstance(index, CorpusIndex):
            return index
        builder = IndexBuilder(self.linter.features)
        for path in plan.files:
            for analysis in summary_analyses(self.linter, self.cache, first.summaries[path]):
                builder.add(analysis)
        index = builder.build()
        self.cache.put(CacheKind.INDEX, first.real, index)
        return index

    # -- assemble -----------------------------------------------------------------------------

    def assemble(
        self, plan: Plan, first: FirstPass, seconds: dict[str, SecondOutcome]
    ) -> RunResult:
        """The reported files' findings that survive the filters, shown as they were found,
        with their documents' line roles and stories; kept whole for an unchanged rerun."""
        found = _Findings()
        for path in plan.files:
            if path in plan.reported:
                found.add(plan.shown, first.summaries[path], seconds.get(path))
        directives = {path: first.summaries[path].directives for path in plan.reported
                      if first.summaries[path].directives}
        kept = filter_diagnostics(found.diagnostics, self.config, plan.shown, directives)
        for diagnostic in kept:
            diagnostic.story = found.story_of.get((diagnostic.path, diagnostic.record))
            diagnostic.path = plan.shown(diagnostic.path)
            for related in diagnostic.related:
                object.__setattr__(related, "path", plan.shown(related.path))
        kept.sort(key=Diagnostic.sort_key)
        result = RunResult(
            kept, len(plan.reported), found.documents, found.input_errors, found.internal_errors,
            plan.collected.missing, first.index, found.roles, first.stats, self.cache.notes(),
            stories={k: sorted(v, key=lambda d: (d[0], d[1] or 0))
                     for k, v in sorted(found.stories.items())},
        )
        if plan.whole is not None and not result.notes:
            self.cache.put(CacheKind.RUN, plan.whole, dataclasses.replace(result, index=None))
        return result

    def _batches(self, items: Sequence[Any]) -> Iterator[list[Any]]:
        """Consecutive batches: at most BATCH_FILES files or BATCH_BYTES bytes, and small
        enough that every worker gets several (items: a path first, its bytes last)."""
        per_batch = max(1, min(BATCH_FILES, -(-len(items) // (self.executor.jobs * 4)) if items else 1))
        batch: list[Any] = []
        weight = 0
        for item in items:
            batch.append(item)
            weight += len(item[-1]) if item[-1] is not None else _size(item[0])
            if len(batch) >= per_batch or weight >= BATCH_BYTES:
                yield batch
                batch, weight = [], 0
        if batch:
            yield batch


@dataclass
class _Findings:
    """The reported files' findings and what the result says about their documents."""

    diagnostics: list[Diagnostic] = field(default_factory=list)
    documents: int = 0
    input_errors: int = 0
    internal_errors: int = 0
    roles: dict[tuple[str, int | None], list[str]] = field(default_factory=dict)
    story_of: dict[tuple[str, int | None], str] = field(default_factory=dict)
    stories: dict[str, list[tuple[str, int | None]]] = field(default_factory=dict)

    def add(self, shown: Shown, summary: FileOutcome, second: SecondOutcome | None) -> None:
        path = summary.path
        self.documents += len(summary.documents)
        self.diagnostics.extend(summary.diagnostics)
        self.input_errors += summary.input_error
        self.internal_errors += summary.internal_errors
        for record, line_roles in summary.roles.items():
            self.roles[shown(path), record] = line_roles
        if second is not None:
            self.diagnostics.extend(second.diagnostics)
            self.internal_errors += second.internal_errors
            for record, story in second.stories.items():
                self.story_of[path, record] = story
                self.stories.setdefault(story, []).append((shown(path), record))


def corpus_builder(
    linter: Linter, cache: Cache, files: Sequence[str]
) -> tuple[IndexBuilder, dict[str, str]]:
    """An index builder holding the analyses of ``files`` (absolute paths), and the key of
    each readable one. They come from the kept corpus state where it has them, otherwise from
    the cache (a file missing there is analysed here): run the engine over the files first.
    For an editor (``lint.live``), which then swaps an open article's analyses in and out."""
    memo = cache.key_memo()
    read = {path: _read_key(path, linter.config, memo, None) for path in files}
    keys = {path: key for path, key in read.items() if key}
    base = kept_manifest(linter.features, cache, read)
    builder, applied = start_builder(linter.features, cache, base, read)
    for path, key in keys.items():
        if path not in applied:
            summary = FileOutcome(path, key=key, checked=False, documents=[(None, "?")])
            for analysis in summary_analyses(linter, cache, summary):
                builder.add(analysis)
    return builder, keys


class _KeptReads:
    """The bytes read to hash files, kept for their passes up to :data:`KEEP_BYTES`."""

    def __init__(self) -> None:
        self.kept: dict[str, bytes] = {}
        self.room = KEEP_BYTES
        self.count = 0
        """Files read (the key memo did not know them: new or changed), kept or not."""

    def offer(self, path: str, data: bytes) -> None:
        self.count += 1
        if len(data) <= self.room:
            self.kept[path] = data
            self.room -= len(data)


def _read_key(path: str, config: Config, memo: KeyMemo, reads: _KeptReads | None) -> str | None:
    """The first-pass key of a regular, readable file within the size limit, else None (the
    loader then reports what is wrong, without the parent opening a FIFO or a huge file)."""

    def read() -> bytes:
        with open(path, "rb") as handle:
            data = handle.read()
        if reads is not None:
            reads.offer(path, data)
        return data

    try:
        info = os.stat(path)
        if not stat.S_ISREG(info.st_mode) or (config.max_file_size and info.st_size > config.max_file_size):
            return None
        return memo.key(path, info, read)
    except OSError:
        return None


def _read_bytes(path: str) -> bytes | None:
    """A regular file's bytes, or None."""
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            return None
        with open(path, "rb") as handle:
            return handle.read()
    except OSError:
        return None


def _whole_run_key(
    cache: Cache, collected: Collected, keys: dict[str, str | None]
) -> str | None:
    """The key of a whole run's result: every file's key, spelling and whether it is reported,
    and the working directory (output paths are relative to it). None when a file could not
    be read (its input error is looked at again), or for a cache that lasts one run."""
    if cache.temporary or not all(keys.values()):
        return None
    parts = [f"{collected.spelled[p]}\0{keys[p]}\0{int(p in collected.reported)}"
             for p in collected.files]
    return digest(cache.dir.name, "run", os.getcwd(), *parts)


def _size(path: str) -> int:
    try:
        return os.stat(path).st_size
    except OSError:
        return 0


def _flatten(batches: Iterable[list[Any]]) -> Iterator[Any]:
    for batch in batches:
        yield from batch


class _Progress:
    """Counts files through both passes for an optional callback."""

    def __init__(self, callback: Callable[[int, int], None] | None) -> None:
        self.callback = callback
        self.total = 0
        self.done = 0

    def add_total(self, count: int) -> None:
        self.total += count
        if self.callback:
            self.callback(self.done, self.total)

    def step(self, count: int) -> None:
        self.done += count
        if self.callback:
            self.callback(self.done, self.total)
