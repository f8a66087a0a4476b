"""The corpus index: one part per feature, reduced over every document's analysis."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from lint.features.base import DocumentAnalysis, Feature, Pieces, Reducer

INDEX_VERSION = 1


@dataclass
class CorpusIndex:
    """A plain, versioned structure: ``parts[feature_key]`` holds that feature's reduction."""

    documents: int = 0
    parts: dict[str, Any] = field(default_factory=dict)
    version: int = INDEX_VERSION

    def part(self, key: str) -> Any:
        return self.parts.get(key)


class IndexBuilder:
    """Streams analyses into reducers; memory holds the reductions, not the documents."""

    def __init__(self, features: Iterable[Feature]) -> None:
        self.reducers: dict[str, Reducer] = {}
        for feature in features:
            reducer = feature.reducer()
            if reducer is not None:
                self.reducers[feature.key] = reducer
        self.documents = 0

    @property
    def incremental(self) -> bool:
        """Whether every reducer can be kept between runs and updated (see ``Reducer``)."""
        return all(r.incremental for r in self.reducers.values())

    def add(self, analysis: DocumentAnalysis) -> None:
        self.documents += 1
        for key, reducer in self.reducers.items():
            if key in analysis.data:
                reducer.add(analysis, analysis.data[key])

    def remove(self, analysis: DocumentAnalysis) -> None:
        """Take out a document added earlier (incremental builders only)."""
        self.documents -= 1
        for key, reducer in self.reducers.items():
            if key in analysis.data:
                reducer.remove(analysis, analysis.data[key])

    def build(self, spread: Callable[[str, Sequence[Any]], list[Any]] | None = None) -> CorpusIndex:
        """The index: parts that other parts use are built first and handed to them.
        ``spread(feature key, payloads)`` runs a reducer's independent pieces (on the run's
        workers); without it they run here."""
        if spread is None:
            return self._build(lambda key, reducer, parts: reducer.result_with(parts))

        def pieces_of(key: str) -> Pieces:
            return lambda payloads: spread(key, payloads)

        return self._build(lambda key, reducer, parts: reducer.result_spread(parts, pieces_of(key)))

    def build_for(self, analyses: Sequence[DocumentAnalysis]) -> CorpusIndex:
        """The index as the corpus rules of these documents (added to this builder) read it:
        right for them, not for the corpus's other documents; an editor's open article is
        checked with it at a fraction of :meth:`build`'s cost (see ``Reducer.result_for``)."""
        return self._build(lambda key, reducer, parts: reducer.result_for(analyses, parts))

    def _build(self, result: Callable[[str, Reducer, dict[str, Any]], Any]) -> CorpusIndex:
        parts: dict[str, Any] = {}
        for key, reducer in sorted(self.reducers.items(), key=lambda item: bool(item[1].uses)):
            parts[key] = result(key, reducer, {k: parts[k] for k in reducer.uses if k in parts})
        return CorpusIndex(self.documents, {k: parts[k] for k in self.reducers})
