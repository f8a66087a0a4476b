"""Normalized-line hashes per document and their document counts across the corpus."""

from __future__ import annotations

from collections import Counter
from typing import Any

from lint.document import Document
from lint.features.base import AnalysisEnv, DocumentAnalysis, Feature, Reducer
from lint.roles import LineRoles, Role
from lint.text import line_hash, word_count

MAX_WORDS = 30
"""Only lines this short are counted: long prose lines repeated across files are syndication,
not chrome."""


class LineCountReducer(Reducer):
    incremental = True

    def __init__(self) -> None:
        self.counts: Counter[str] = Counter()
        self.documents = 0

    def add(self, analysis: DocumentAnalysis, data: Any) -> None:
        self.documents += 1
        self.counts.update({h for _, h in data})

    def remove(self, analysis: DocumentAnalysis, data: Any) -> None:
        self.documents -= 1
        for hashed in {h for _, h in data}:
            left = self.counts[hashed] - 1
            if left > 0:
                self.counts[hashed] = left
            else:
                del self.counts[hashed]

    def result(self) -> dict[str, Any]:
        return {"documents": self.documents, "counts": {h: c for h, c in self.counts.items() if c > 1}}


class LineHashes(Feature):
    """(line number, hash) for every short non-blank line."""

    key = "lines"

    def analyze(self, document: Document, roles: LineRoles, env: AnalysisEnv) -> Any:
        out: list[tuple[int, str]] = []
        for number, line in enumerate(document.lines, start=1):
            if roles[number] is Role.BLANK or word_count(line) > MAX_WORDS:
                continue
            digest = line_hash(line)
            if digest:
                out.append((number, digest))
        return out

    def reducer(self) -> Reducer:
        return LineCountReducer()
