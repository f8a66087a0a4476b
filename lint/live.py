"""Checking articles open in an editor against a corpus kept in memory (``newslint server``).

:meth:`LiveCorpus.start` runs the engine once over the corpus (first pass, with the cache,
as ``newslint check`` does) and keeps the corpus index builder. :meth:`LiveCorpus.check` then
runs both passes on an editor's text: the document rules; the builder updated with the text
in place of its file (incremental reducers: remove the old analyses, add the new); and the
corpus rules with ``IndexBuilder.build_for``, which gives the index entries this article's
rules read, the same as a full build gives, in milliseconds at 10^4 articles (a full build
takes about a second there).

The builder always holds each corpus file once: as the editor has it while it is open, as
on disk otherwise. Other open articles are not checked again when one changes (their
findings may depend on it through the corpus rules); they are on their next change.
"""

from __future__ import annotations

import gc
import os
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from lint.cache import Cache, MemoryCache
from lint.collect import corpus_files
from lint.config import Config, with_overrides
from lint.corpus import IndexBuilder
from lint.diagnostic import Diagnostic
from lint.document import Document
from lint.engine import corpus_builder, run
from lint.executors import Executor
from lint.features.base import DocumentAnalysis
from lint.filters import filter_configured
from lint.linter import Linter
from lint.loader import load_text
from lint.packs import Pack
from lint.rules.base import Rule
from lint.suppress import apply_text_suppressions
from lint.tasks import stored_analyses
from lint.workflow import in_corpus


@dataclass
class Checked:
    """One check of an editor's text: its findings and the documents they point into."""

    path: str
    text: str
    diagnostics: list[Diagnostic]
    documents: list[Document] = field(default_factory=list)


class LiveCorpus:
    """A corpus index builder kept in memory, and the articles open in an editor."""

    def __init__(self, linter: Linter, cache: Cache, builder: IndexBuilder,
                 keys: dict[str, str], root: Path) -> None:
        self.linter = linter
        self.config = linter.config
        self.cache = cache
        self.builder = builder
        self.keys = keys
        """Corpus file -> its first-pass key, for the files whose analyses from disk the
        builder holds (not the open ones)."""
        self.root = root
        self.open: dict[str, list[DocumentAnalysis]] = {}
        """Open article -> the analyses of its editor text that the builder holds."""
        self.timings: dict[str, float] = {}
        """Seconds :meth:`start` spent analysing the corpus, building the index, loading
        the models."""

    @classmethod
    def start(
        cls, config: Config, rules: Sequence[Rule], packs: Sequence[Pack], root: Path,
        executor: Executor | None = None, cache: Cache | None = None,
        progress: Callable[[int, int], None] | None = None,
    ) -> LiveCorpus:
        """Analyse the corpus (``corpus`` in the config, else every article under ``root``)
        with the engine and keep its index builder."""
        if not config.corpus:
            config = with_overrides(config, corpus=(root,))
        cache = cache if cache is not None else MemoryCache()
        linter = Linter(config, rules, packs)
        timings: dict[str, float] = {}
        began = time.perf_counter()
        files = corpus_files(config)
        if linter.corpus_rules and files:
            run([], config, rules, packs, executor, cache, progress)  # fills the cache
            timings["analysis"] = time.perf_counter() - began
            builder, keys = corpus_builder(linter, cache, files)
            timings["index"] = time.perf_counter() - began - timings["analysis"]
        else:
            builder, keys = IndexBuilder(linter.features), {}
        loading = time.perf_counter()
        linter.warm_up()  # spaCy and the packs' patterns now, not on the first keystroke
        linter.compile_patterns()
        timings["models"] = time.perf_counter() - loading
        gc.freeze()  # the corpus lives as long as the server: keep the collector off it
        live = cls(linter, cache, builder, keys, root)
        live.timings = timings
        return live

    @property
    def files(self) -> int:
        """How many corpus files the index holds."""
        return len(self.keys.keys() | self.open.keys())

    def check(self, path: str, text: str) -> Checked:
        """Lint the editor's ``text`` of the article at ``path`` (absolute) with the corpus."""
        path = os.path.normpath(path)
        loaded = load_text(path, text, self.config.jsonl_fields)
        outcome = self.linter.first_pass_loaded([(loaded, True)])[0]
        diagnostics = list(outcome.diagnostics)
        if self.linter.corpus_rules:
            self._hold(path, outcome.analyses)
            index = self.builder.build_for(outcome.analyses)
            for document, analysis in zip(loaded.documents, outcome.analyses, strict=True):
                diagnostics.extend(self.linter.corpus_check(document, analysis, index).diagnostics)
        kept = filter_configured(diagnostics, self.config, self._shown)
        kept = apply_text_suppressions(kept, path, text, loaded.documents)
        kept.sort(key=Diagnostic.sort_key)
        return Checked(path, text, kept, loaded.documents)

    def close(self, path: str) -> None:
        """The editor closed the article: the builder holds its file as on disk again."""
        path = os.path.normpath(path)
        held = self.open.pop(path, None)
        if held is None:
            return
        self._remove(held)
        if os.path.isfile(path) and in_corpus([path], self.config):
            outcome = self.linter.first_pass(path, check=False)
            if outcome.key is not None:
                self._add(outcome.analyses)
                self.keys[path] = outcome.key

    def _hold(self, path: str, analyses: list[DocumentAnalysis]) -> None:
        """Put ``analyses`` in the builder in place of what it holds for ``path``."""
        old = self.open.pop(path, None)
        if old is None:
            key = self.keys.pop(path, None)
            old = self._cached(key) if key else []
        self._remove(old)
        self._add(analyses)
        self.open[path] = analyses

    def _cached(self, key: str) -> list[DocumentAnalysis]:
        return stored_analyses(self.cache, key) or []

    def _remove(self, analyses: list[DocumentAnalysis]) -> None:
        if not self.builder.incremental:
            self.builder = self._rebuilt(exclude=analyses)
            return
        for analysis in analyses:
            self.builder.remove(analysis)

    def _add(self, analyses: list[DocumentAnalysis]) -> None:
        for analysis in analyses:
            self.builder.add(analysis)

    def _rebuilt(self, exclude: list[DocumentAnalysis]) -> IndexBuilder:
        """A new builder from the cache and the open articles (a rule plugin's reducer that
        cannot remove a document: slow on a large corpus, but right)."""
        builder = IndexBuilder(self.linter.features)
        gone = {id(a) for a in exclude}
        for key in self.keys.values():
            for analysis in self._cached(key):
                builder.add(analysis)
        for analyses in self.open.values():
            for analysis in analyses:
                if id(analysis) not in gone:
                    builder.add(analysis)
        return builder

    def _shown(self, path: str) -> str:
        """The path as per-file-ignores globs are written: relative to the workspace root."""
        try:
            relative = os.path.relpath(path, self.root)
        except ValueError:
            return path
        return path if relative.startswith("..") else Path(relative).as_posix()
