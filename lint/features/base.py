"""Features: per-document analysis computed once (and cached), reduced into the corpus index."""

from __future__ import annotations

import time
from abc import ABC, abstractmethod
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar

from lint.document import Document
from lint.roles import LineRoles

if TYPE_CHECKING:
    from lint.config import Config
    from lint.packs import Pack


Pieces = Callable[[Sequence[Any]], list[Any]]
"""Runs independent pieces of a reducer's result: :meth:`Feature.reduce_piece` on each payload,
in this process or on the run's workers; the results come back in the order of the payloads."""


class NlpTimeLimit(Exception):
    """The per-file NLP time limit ran out; the rule that asked for a parse stops there."""


class ParseDeferred(Exception):
    """A rule asked for a parse in a worker that leaves parses to another process (see
    ``Linter.defer_parses``): the file's document rules are run again where spaCy is loaded."""


DocKey = tuple[str, int | None]
"""A document of the corpus: its path and its record in the file (None for a whole file)."""


@dataclass
class AnalysisEnv:
    """What a feature may read besides the document: config and loaded packs."""

    config: Config
    packs: list[Pack] = field(default_factory=list)
    _parsed: dict[tuple[str, bool], Any] = field(default_factory=dict, repr=False)
    deadline: float | None = None
    """``time.monotonic()`` after which :meth:`parse` raises :class:`NlpTimeLimit`."""
    deferring: bool = False
    """While set, a parse this process would have to load spaCy for raises
    :class:`ParseDeferred` instead (the linter sets it around a worker's document rules)."""

    MEMO_LIMIT: ClassVar[int] = 4096
    CHUNK: ClassVar[int] = 64

    def __getstate__(self) -> dict[str, Any]:
        state = dict(self.__dict__)
        state["_parsed"] = {}  # spaCy Docs stay in the process that parsed them
        state["deadline"] = None
        state["deferring"] = False
        return state

    def nlp(self) -> Any:
        """The spaCy pipeline (loaded lazily, once per process)."""
        from lint.nlp import load_pipeline

        return load_pipeline(self.config.spacy_model)

    def _loaded_pipeline(self) -> Any:
        """The pipeline; the time a process takes to load it (on its first parse) does not
        count against the NLP time limit."""
        started = time.monotonic()
        nlp = self.nlp()
        if self.deadline is not None:
            self.deadline += time.monotonic() - started
        return nlp

    def parse(self, texts: Sequence[str], entities: bool = True) -> list[Any]:
        """spaCy Docs for ``texts`` (sentences, usually), parsed in batches.

        Features and rules share this: a sentence two of them need is parsed once, and the
        engine parses a whole batch of documents' requests in one call before their rules run
        (see ``Rule.prefetch``). Only pass the sentences a cheap filter selected; full NLP on
        every word is too slow. ``entities=False`` skips the entity recognizer, about half of
        the pipeline's time, for rules that read only tags and the dependency parse.
        """
        missing = [t for t in dict.fromkeys(texts) if (t, entities) not in self._parsed]
        if missing and self.deferring:
            from lint.nlp import pipeline_loaded

            if not pipeline_loaded(self.config.spacy_model):
                raise ParseDeferred()
        if missing:
            if len(self._parsed) + len(missing) > self.MEMO_LIMIT:
                self._parsed.clear()
            nlp = self._loaded_pipeline()
            disable = () if entities else ("ner",)
            for first in range(0, len(missing), self.CHUNK):
                if self.deadline is not None and time.monotonic() > self.deadline:
                    raise NlpTimeLimit()
                chunk = missing[first : first + self.CHUNK]
                for text, doc in zip(chunk, nlp.pipe(chunk, batch_size=self.CHUNK, disable=disable), strict=True):
                    self._parsed[text, entities] = doc
        return [self._parsed[t, entities] for t in texts]


@dataclass
class DocumentAnalysis:
    """Everything computed for one document in the first pass."""

    path: str
    record: int | None
    content_hash: str
    roles: LineRoles
    data: dict[str, Any] = field(default_factory=dict)
    site: str = ""
    """The site whose template lines the document is compared with (see :mod:`lint.sites`)."""


class Reducer(ABC):
    """Folds per-document feature data into one part of the corpus index.

    A reducer that sets ``incremental`` promises that its result depends only on the set of
    documents added (not their order), that :meth:`remove` undoes :meth:`add` exactly, that
    :meth:`result` leaves the state unchanged, and that its state is plain data and ``lint``
    classes (the cache stores it with ``lint.codec``). The engine then
    keeps the state between runs and applies only the files that changed (pre-commit on a
    large corpus); otherwise it adds every document again.
    """

    incremental: ClassVar[bool] = False

    @abstractmethod
    def add(self, analysis: DocumentAnalysis, data: Any) -> None:
        """Take one document's data."""

    def remove(self, analysis: DocumentAnalysis, data: Any) -> None:
        """Take out one document's data, added earlier (incremental reducers only)."""
        raise NotImplementedError(f"{type(self).__name__} is not incremental")

    uses: ClassVar[tuple[str, ...]] = ()
    """Index parts this reducer's result reads (built before it, passed to :meth:`result_with`)."""

    @abstractmethod
    def result(self) -> Any:
        """The finished index part."""

    def result_with(self, parts: Mapping[str, Any]) -> Any:
        """The finished index part, given the parts named in ``uses``."""
        return self.result()

    def result_spread(self, parts: Mapping[str, Any], pieces: Pieces) -> Any:
        """As :meth:`result_with`, handing independent pieces of the work to ``pieces`` (which
        may run them on the run's workers; the same value either way)."""
        return self.result_with(parts)

    def result_for(self, analyses: Sequence[DocumentAnalysis], parts: Mapping[str, Any]) -> Any:
        """The index part as the corpus rules of these documents (already added) read it: a
        reducer whose full result is costly on a large corpus returns only the entries that
        concern them, with the same values as :meth:`result_with` has there."""
        return self.result_with(parts)


class Feature(ABC):
    """A named per-document analysis with an optional corpus reduction."""

    key: ClassVar[str]

    def configure(self, config: Config, packs: Sequence[Pack]) -> None:
        """Read settings and pack data once, before any document is analysed or any reducer
        is made."""
        return None

    @abstractmethod
    def analyze(self, document: Document, roles: LineRoles, env: AnalysisEnv) -> Any:
        """The feature's data for one document (picklable)."""

    def reducer(self) -> Reducer | None:
        """A fresh reducer for the corpus index, or None for document-only features."""
        return None

    def reduce_piece(self, payload: Any) -> Any:
        """One independent piece of the reducer's result (see :meth:`Reducer.result_spread`),
        computed where the feature is configured: a worker, or the run's own process."""
        raise NotImplementedError(f"{type(self).__name__} has no reduce pieces")
