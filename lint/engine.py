"""The run: discover, then map (load, roles, features, document rules), reduce (corpus index),
map again (corpus rules), then filter. One code path whatever executes the maps.

Every map step goes through an executor (this process, a local process pool, or Dask) in
batches, and through the cache: a file whose path and bytes are unchanged is not analysed
again, an unchanged corpus reuses its index, and a file whose corpus did not change reuses its
corpus-rule results. Memory follows the batches in flight: analyses go to the cache folder (a
temporary one with ``--no-cache``), and only the corpus index is held whole.
"""

from __future__ import annotations

import dataclasses
import fnmatch
import os
import re
import stat
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from lint.cache import Cache, KeyMemo, MemoryCache, digest
from lint.config import Config
from lint.corpus import CorpusIndex, IndexBuilder
from lint.diagnostic import Diagnostic, Severity
from lint.discover import Missing, discover, display_path
from lint.executors import Executor, SerialExecutor
from lint.linter import (
    FIRST_PASS,
    SECOND_PASS,
    FileOutcome,
    Linter,
    SecondOutcome,
    internal_error,
)
from lint.packs import Pack
from lint.registry import matches
from lint.rules.base import Rule
from lint.state import keep_state, kept_manifest, start_builder
from lint.suppress import apply_inline_suppressions

__all__ = ["FileOutcome", "Linter", "RunResult", "internal_error", "run"]

BATCH_FILES = 16
BATCH_BYTES = 512 * 1024
PRELOAD_WHEN_NEW = 32
PRELOAD_MAX = 50_000
"""With at most PRELOAD_WHEN_NEW files to analyse, the cached analyses of up to PRELOAD_MAX
others are read while the workers run, instead of after (memory: all of them at once)."""


@dataclass
class RunResult:
    """Everything a reporter needs."""

    diagnostics: list[Diagnostic]
    files: int
    documents: int
    input_errors: int
    internal_errors: int
    missing: list[str] = field(default_factory=list)
    index: CorpusIndex | None = None
    roles: dict[tuple[str, int | None], list[str]] = field(default_factory=dict)
    """Line roles of each reported document, keyed by (display path, record); for scoring."""
    stats: dict[str, int] = field(default_factory=dict)
    """How the run went: files analysed, taken from the cache, corpus-rule results reused,
    files whose analyses came with the kept corpus state."""
    notes: list[str] = field(default_factory=list)
    """Warnings about the run itself (a corrupt cache entry, an unwritable cache folder)."""
    before_baseline: list[Diagnostic] | None = None
    """Every finding, when a baseline hid the known ones from ``diagnostics`` (for scores)."""
    stories: dict[str, list[tuple[str, int | None]]] = field(default_factory=dict)
    """Each story of the reported documents: its id and its documents (display path, record)."""

    def exit_code(self, fail_on: Severity) -> int:
        """0 clean, 1 findings at or above ``fail_on``, 2 input or internal errors."""
        if self.input_errors or self.internal_errors or self.missing:
            return 2
        return 1 if any(d.severity >= fail_on for d in self.diagnostics) else 0


def _read_key(path: str, config: Config, memo: KeyMemo) -> str | None:
    """The first-pass key of a regular, readable file within the size limit, else None (the
    loader then reports what is wrong, without the parent opening a FIFO or a huge file)."""

    def read() -> bytes:
        with open(path, "rb") as handle:
            return handle.read()

    try:
        info = os.stat(path)
        if not stat.S_ISREG(info.st_mode) or (config.max_file_size and info.st_size > config.max_file_size):
            return None
        return memo.key(path, info, read)
    except OSError:
        return None


def _batches(items: Sequence[Any], sizes: Sequence[int], jobs: int) -> Iterator[list[Any]]:
    """Consecutive batches: at most BATCH_FILES files or BATCH_BYTES bytes, and small enough
    that every worker gets several."""
    per_batch = max(1, min(BATCH_FILES, -(-len(items) // (jobs * 4)) if items else 1))
    batch: list[Any] = []
    weight = 0
    for item, size in zip(items, sizes, strict=True):
        batch.append(item)
        weight += size
        if len(batch) >= per_batch or weight >= BATCH_BYTES:
            yield batch
            batch, weight = [], 0
    if batch:
        yield batch


def _size(path: str) -> int:
    try:
        return os.stat(path).st_size
    except OSError:
        return 0


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
        return _run(paths, config, linter, executor, cache, progress)
    finally:
        executor.close()


def _run(
    paths: Sequence[str],
    config: Config,
    linter: Linter,
    executor: Executor,
    cache: Cache,
    progress: Callable[[int, int], None] | None,
    analyse_new_here: bool = True,
) -> RunResult:
    """One run; ``analyse_new_here`` lets the parent analyse a few new files itself (see
    below), and is turned off for the one retry when a file changed during the run."""
    files: list[str] = []
    missing: list[str] = []
    for found in discover(paths, config.include, config.exclude):
        if isinstance(found, Missing):
            missing.append(found.path)
        else:
            files.append(found)
    given, report_only = with_corpus_roots(files, config, missing)
    # Inside the run a file is known by its absolute path, whatever spelling found it (so the
    # cache serves `newslint corpus/` and pre-commit's corpus roots alike); output shows it as
    # it was found.
    canonical = _Canonical()
    spelled = {canonical(p): p for p in reversed(given)}  # the first spelling wins
    files = list(dict.fromkeys(canonical(p) for p in given))
    reported = set(files) if report_only is None else {canonical(p) for p in report_only}
    shown = _Shown(spelled)
    space = cache.dir.name
    ticker = _Progress(progress)

    # First pass: a summary per file, from the cache or from the executor.
    memo = cache.key_memo()
    keys = {path: _read_key(path, config, memo) for path in files}
    cache.save_key_memo()
    # Nothing changed since a run with the same files, spellings and settings: its result.
    whole = _whole_run_key(cache, files, spelled, keys, reported) if not missing else None
    if whole is not None:
        hit = cache.get("run", whole)
        if isinstance(hit, RunResult):
            hit.stats = {"files": len(files), "analysed": 0, "cached": len(files), "whole_run": 1}
            return hit
    executor.warm_up()  # there is work: a worker loads spaCy while the cache is read
    # The corpus state kept by an earlier run: its files need neither checking nor loading.
    base = kept_manifest(linter, cache, keys) if linter.corpus_rules else None
    in_base = base[1] if base else frozenset()
    summaries: dict[str, FileOutcome] = {}
    todo: list[tuple[str, bool]] = []
    for path in files:
        key = keys[path]
        if path in reported:
            entry = cache.get("p1", key) if key else None
            if isinstance(entry, FileOutcome) and entry.checked:
                entry.path = path
                summaries[path] = entry
                continue
        elif key and (key in in_base or cache.has("p1", key)):  # compared with, not reported
            summaries[path] = FileOutcome(path, key=key, checked=False, documents=[(None, "?")])
            continue
        todo.append((path, path in reported))
    stats = {"files": len(files), "analysed": len(todo), "cached": len(files) - len(todo)}
    # One total for both passes, known now: the second pass counts every reported file, and
    # those it need not check (cached results, no document) are stepped over when it starts.
    second_planned = len(reported) if linter.corpus_rules else 0
    ticker.add_total(len(todo) + second_planned)
    guess = digest(space, *[keys[p] or "-" for p in files])
    index: CorpusIndex | None = None
    # Nothing to analyse and this corpus's index is cached: it is loaded only if a reported
    # file's corpus-rule results are missing. Otherwise the index is built as files arrive,
    # from the kept corpus state when there is one (only the files that changed are applied).
    reuse = bool(linter.corpus_rules) and not todo and cache.has("index", guess)
    builder: IndexBuilder | None = None
    applied: dict[str, str] = {}
    """path -> key of every file whose analyses the builder holds (from the kept state)."""

    fresh = _flatten(executor.map(
        FIRST_PASS, _batches(todo, [_size(p) for p, _ in todo], executor.jobs), cache
    ))
    if linter.corpus_rules and not reuse:  # while the workers start on the new files
        builder, applied = start_builder(linter, cache, base, keys)
        stats["from_kept_state"] = len(applied)
    pending = {path for path, _ in todo}
    early: dict[str, list[Any]] = {}
    own: dict[str, FileOutcome] = {}
    if builder is not None and len(todo) <= PRELOAD_WHEN_NEW and len(files) <= PRELOAD_MAX:
        # A few new files (pre-commit): read the others' analyses while workers run, and
        # analyse the new ones here too (no spaCy: features only), so that the index is built
        # while a worker loads spaCy for their document rules.
        early = {p: _cached_analyses(linter, cache, summaries[p]) for p in files
                 if p not in pending and p not in applied}
        if analyse_new_here and executor.jobs > 1:
            own = {p: linter.first_pass(p, check=False) for p in pending}
    for path in files:
        analyses = early.pop(path, None)
        if path in own:
            summaries[path] = own[path].summary()  # until the worker's arrives, below
            analyses = own[path].analyses
        elif path in pending:
            outcome = next(fresh)
            ticker.step(1)
            summaries[path] = outcome.summary()
            analyses = outcome.analyses
        if builder is not None and path not in applied:
            if analyses is None:
                analyses = _cached_analyses(linter, cache, summaries[path])
            for analysis in analyses:
                builder.add(analysis)
    if not own:
        for _ in fresh:  # run the executor's map to its end (it has nothing left to yield)
            pass

    real = digest(space, *[summaries[p].key or "-" for p in files])
    if builder is not None:
        if any(summaries[p].key != key for p, key in applied.items()):
            # a file changed between hashing and reading: the kept state is not this corpus
            builder = _fresh_builder(linter, cache, [summaries[p] for p in files])
            stats["from_kept_state"] = 0
        keep_state(cache, builder, base, [summaries[p].key for p in files])
        index = builder.build()
        cache.put("index", real, index)
    if own:  # the index is built: now the workers' first passes of the files analysed here
        for path, outcome in zip([p for p in files if p in own], fresh, strict=True):
            ticker.step(1)
            if outcome.key != own[path].key:  # the file changed between the two reads
                return _run(paths, config, linter, executor, cache, progress, False)
            summaries[path] = outcome.summary()

    # Second pass: corpus rules on the reported files, reusing results for this corpus.
    seconds: dict[str, SecondOutcome] = {}
    todo2: list[tuple[str, str, str]] = []
    if linter.corpus_rules:
        for path in files:
            summary = summaries[path]
            if path not in reported or not summary.documents or summary.key is None:
                continue
            key2 = digest(summary.key, real)
            hit = cache.get("p2", key2)
            if isinstance(hit, SecondOutcome):
                seconds[path] = hit
            else:
                todo2.append((path, summary.key, key2))
        stats["corpus_rules_cached"] = len(seconds)
        ticker.step(second_planned - len(todo2))
        if todo2 and index is None:
            index = cache.get("index", real)
            if index is None:  # evicted, corrupt, or a file changed while it was read
                index = _build_index(linter, cache, [summaries[p] for p in files])
                cache.put("index", real, index)
        if todo2:
            assert index is not None
            shared = (executor.share(index, cache, "index", real), cache)
            batches = _batches(todo2, [_size(p) for p, _, _ in todo2], executor.jobs)
            for outcome2 in _flatten(executor.map(SECOND_PASS, batches, shared)):
                seconds[outcome2.path] = outcome2
                ticker.step(1)
    result = _result(files, reported, shown, summaries, seconds, index, missing, config, stats,
                     cache)
    if whole is not None and not result.notes:
        cache.put("run", whole, dataclasses.replace(result, index=None))
    return result


def corpus_files(config: Config) -> list[str]:
    """The absolute paths of the files under the config's corpus roots (missing roots are
    left out), in the engine's spelling of a path."""
    canonical = _Canonical()
    found = discover([str(root) for root in config.corpus], config.include, config.exclude)
    return list(dict.fromkeys(canonical(f) for f in found if not isinstance(f, Missing)))


def corpus_builder(
    linter: Linter, cache: Cache, files: Sequence[str]
) -> tuple[IndexBuilder, dict[str, str]]:
    """An index builder holding the analyses of ``files`` (absolute paths), and the key of
    each readable one. They come from the kept corpus state where it has them, otherwise from
    the cache (a file missing there is analysed here): run the engine over the files first.
    For an editor (``lint.live``), which then swaps an open article's analyses in and out."""
    memo = cache.key_memo()
    read = {path: _read_key(path, linter.config, memo) for path in files}
    keys = {path: key for path, key in read.items() if key}
    base = kept_manifest(linter, cache, read)
    builder, applied = start_builder(linter, cache, base, read)
    for path, key in keys.items():
        if path not in applied:
            summary = FileOutcome(path, key=key, checked=False, documents=[(None, "?")])
            for analysis in _cached_analyses(linter, cache, summary):
                builder.add(analysis)
    return builder, keys


def _whole_run_key(
    cache: Cache, files: Sequence[str], spelled: dict[str, str], keys: dict[str, str | None],
    reported: set[str],
) -> str | None:
    """The key of a whole run's result: every file's key, spelling and whether it is reported,
    and the working directory (output paths are relative to it). None when a file could not
    be read (its input error is looked at again), or for a cache that lasts one run."""
    if cache.temporary or not all(keys.values()):
        return None
    parts = [f"{spelled[p]}\0{keys[p]}\0{int(p in reported)}" for p in files]
    return digest(cache.dir.name, "run", os.getcwd(), *parts)


def _flatten(batches: Iterable[list[Any]]) -> Iterator[Any]:
    for batch in batches:
        yield from batch


def _cached_analyses(linter: Linter, cache: Cache, summary: FileOutcome) -> list[Any]:
    if not summary.documents or summary.key is None:
        return []
    found = cache.get("p1an", summary.key)
    if isinstance(found, list):
        return found
    return linter.first_pass(summary.path, check=False).analyses  # the entry vanished


def _fresh_builder(linter: Linter, cache: Cache, summaries: Sequence[FileOutcome]) -> IndexBuilder:
    builder = IndexBuilder(linter.features)
    for summary in summaries:
        for analysis in _cached_analyses(linter, cache, summary):
            builder.add(analysis)
    return builder


def _build_index(linter: Linter, cache: Cache, summaries: Sequence[FileOutcome]) -> CorpusIndex:
    return _fresh_builder(linter, cache, summaries).build()


def _result(
    files: Sequence[str],
    reported: set[str],
    shown: Callable[[str], str],
    summaries: dict[str, FileOutcome],
    seconds: dict[str, SecondOutcome],
    index: CorpusIndex | None,
    missing: list[str],
    config: Config,
    stats: dict[str, int],
    cache: Cache,
) -> RunResult:
    diagnostics: list[Diagnostic] = []
    input_errors = internal_errors = documents = 0
    roles: dict[tuple[str, int | None], list[str]] = {}
    story_of: dict[tuple[str, int | None], str] = {}
    stories: dict[str, list[tuple[str, int | None]]] = {}
    for path in files:
        if path not in reported:
            continue
        summary = summaries[path]
        documents += len(summary.documents)
        diagnostics.extend(summary.diagnostics)
        input_errors += summary.input_error
        internal_errors += summary.internal_errors
        for record, line_roles in summary.roles.items():
            roles[shown(path), record] = line_roles
        second = seconds.get(path)
        if second is not None:
            diagnostics.extend(second.diagnostics)
            internal_errors += second.internal_errors
            for record, story in second.stories.items():
                story_of[path, record] = story
                stories.setdefault(story, []).append((shown(path), record))
    kept = filter_diagnostics(diagnostics, config, shown)
    for diagnostic in kept:
        diagnostic.story = story_of.get((diagnostic.path, diagnostic.record))
        diagnostic.path = shown(diagnostic.path)
        for related in diagnostic.related:
            object.__setattr__(related, "path", shown(related.path))
    kept.sort(key=Diagnostic.sort_key)
    notes = cache.notes()
    checked = len(reported)
    return RunResult(
        kept, checked, documents, input_errors, internal_errors, missing, index, roles, stats, notes,
        stories={k: sorted(v, key=lambda d: (d[0], d[1] or 0)) for k, v in sorted(stories.items())},
    )


def with_corpus_roots(
    files: list[str], config: Config, missing: list[str]
) -> tuple[list[str], set[str] | None]:
    """Add the configured corpus roots' files to the analysis; report on ``files`` only.

    Returns every file to analyse and the files to report on (None: report on all). This is
    what lets pre-commit pass only the changed articles while they are still compared with
    the whole corpus.
    """
    if not config.corpus:
        return files, None
    canonical = _Canonical()
    seen = {canonical(f) for f in files}
    extra: list[str] = []
    for found in discover([str(root) for root in config.corpus], config.include, config.exclude):
        if isinstance(found, Missing):
            missing.append(f"{found.path} (a corpus root)")
            continue
        key = canonical(found)
        if key not in seen:
            seen.add(key)
            extra.append(found)
    if not extra:
        return files, None
    return [*files, *extra], set(files)


class _Canonical:
    """A path's absolute, normalized form: a file named on the command line and found again
    under a corpus root is analysed once. Cheaper than realpath, and than abspath, which reads
    the working directory on every call (10^4 corpus files)."""

    def __init__(self) -> None:
        self.cwd = os.getcwd()

    def __call__(self, path: str) -> str:
        return os.path.normpath(os.path.join(self.cwd, path))


class _Shown:
    """The path shown for a file of the run: as it was found, relative to the working directory
    when inside it; computed when asked (relpath is slow on 10^4 corpus files)."""

    def __init__(self, spelled: dict[str, str]) -> None:
        self.spelled = spelled
        self.memo: dict[str, str] = {}

    def __call__(self, path: str) -> str:
        shown = self.memo.get(path)
        if shown is None:
            shown = self.memo[path] = display_path(self.spelled.get(path, path))
        return shown


def filter_diagnostics(
    diagnostics: Iterable[Diagnostic], config: Config, shown: Callable[[str], str] = display_path
) -> list[Diagnostic]:
    """Apply the config's filters (:func:`config_filters`) and the inline directives."""
    return apply_inline_suppressions(config_filters(diagnostics, config, shown), config)


def config_filters(
    diagnostics: Iterable[Diagnostic], config: Config, shown: Callable[[str], str] = display_path
) -> list[Diagnostic]:
    """Apply ignore (for input codes too), per-file ignores and the allow list; ``shown`` maps
    a file's path in the run to the path shown for it (the one globs are written for)."""
    kept: list[Diagnostic] = []
    per_file = _PerFileIgnores(config.per_file_ignores) if config.per_file_ignores else None
    for diagnostic in diagnostics:
        meta_like = _MetaView(diagnostic.code, diagnostic.name)
        if any(matches(meta_like, s) for s in config.ignore):  # type: ignore[arg-type]
            continue
        display = shown(diagnostic.path)
        if per_file is not None and any(
            matches(meta_like, s)  # type: ignore[arg-type]
            for selectors in per_file.selectors(display, diagnostic.path)
            for s in selectors
        ):
            continue
        if any(
            a.covers(diagnostic, display) and matches(meta_like, a.rule)  # type: ignore[arg-type]
            for a in config.allow
        ):
            continue
        kept.append(diagnostic)
    return kept


filter_configured = config_filters
"""The config's filters alone (the editor server applies the inline directives of the unsaved
text itself)."""


class _PerFileIgnores:
    """``per-file-ignores`` compiled once per run: literal paths in a dict, each glob compiled
    once (fnmatch's own cache holds 32,768 patterns: a longer table recompiled every glob for
    every finding), and the answer remembered per file."""

    def __init__(self, table: dict[str, tuple[str, ...]]) -> None:
        self.literal: dict[str, list[tuple[str, ...]]] = {}
        self.globs: list[tuple[re.Pattern[str], tuple[str, ...]]] = []
        for glob, selectors in table.items():
            if any(c in glob for c in "*?["):
                self.globs.append((re.compile(fnmatch.translate(glob)), selectors))
            else:
                self.literal.setdefault(glob, []).append(selectors)
        self.memo: dict[tuple[str, str], list[tuple[str, ...]]] = {}

    def selectors(self, display: str, path: str) -> list[tuple[str, ...]]:
        """The selector lists of every entry whose glob matches the file (shown or full path)."""
        found = self.memo.get((display, path))
        if found is None:
            found = [*self.literal.get(display, ()), *(self.literal.get(path, ()) if path != display else ())]
            found += [selectors for pattern, selectors in self.globs
                      if pattern.match(display) or pattern.match(path)]
            self.memo[display, path] = found
        return found


@dataclass(frozen=True)
class _MetaView:
    code: str
    name: str
