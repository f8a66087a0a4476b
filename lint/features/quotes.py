"""Direct quotations per document and the corpus quote index (index part "quotes").

The quotations come from :mod:`lint.quotes.extract`; the reducer keeps each document's and,
once the stories are known (index part "story"), compares them (:mod:`lint.quotes.compare`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from typing import Any

from lint.document import Document
from lint.features.base import AnalysisEnv, DocumentAnalysis, Feature, Reducer
from lint.quotes.compare import DocKey, Drift, QuoteRef, align, find_drift
from lint.quotes.extract import Quote, extract_quotes, quote_spans, same_speaker
from lint.roles import LineRoles

__all__ = ["Drift", "QuoteRef", "Quotes", "align", "extract_quotes", "quote_spans", "same_speaker"]


class QuoteReducer(Reducer):
    incremental = True
    uses = ("story",)

    def __init__(self) -> None:
        self.quotes: dict[DocKey, list[Quote]] = {}

    def add(self, analysis: DocumentAnalysis, data: Any) -> None:
        if data:
            self.quotes.setdefault((analysis.path, analysis.record), []).extend(data)

    def remove(self, analysis: DocumentAnalysis, data: Any) -> None:
        self.quotes.pop((analysis.path, analysis.record), None)

    def result(self) -> dict[str, Any]:
        return self.result_with({})

    def result_with(self, parts: Mapping[str, Any]) -> dict[str, Any]:
        refs = [
            QuoteRef(path, record, quote)
            for (path, record), quotes in sorted(self.quotes.items(), key=_document_order)
            for quote in quotes
        ]
        story = parts.get("story") or {}
        drifts: dict[DocKey, list[Drift]] = defaultdict(list)
        for number, drift in find_drift(refs, story.get("story_of"), story.get("copy_of")):
            ref = refs[number]
            drifts[ref.path, ref.record].append(drift)
        return {"quotes": len(refs), "drift": dict(drifts)}


def _document_order(item: tuple[DocKey, Any]) -> tuple[str, int]:
    """Documents in path and record order, so the result does not depend on the order they
    were added in."""
    (path, record), _ = item
    return path, -1 if record is None else record


class Quotes(Feature):
    """The document's direct quotations of at least four words, with speakers."""

    key = "quotes"

    def analyze(self, document: Document, roles: LineRoles, env: AnalysisEnv) -> Any:
        return extract_quotes(document, roles)

    def reducer(self) -> Reducer:
        return QuoteReducer()
