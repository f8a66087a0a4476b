"""Normalized-line hashes per document and their document counts across the corpus."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import Any

from lint.document import Document
from lint.features.base import AnalysisEnv, DocumentAnalysis, Feature, Reducer
from lint.roles import LineRoles, Role
from lint.text import line_hash, word_count

MAX_WORDS = 30
"""Only lines this short are counted: long prose lines repeated across files are syndication,
not chrome."""


class LineCountReducer(Reducer):
    """Document counts of each line hash, across the corpus and within each site."""

    incremental = True

    def __init__(self) -> None:
        self.counts: Counter[str] = Counter()
        self.documents = 0
        self.site_counts: Counter[tuple[str, str]] = Counter()
        self.site_documents: Counter[str] = Counter()

    def add(self, analysis: DocumentAnalysis, data: Any) -> None:
        hashes = {h for _, h in data}
        self.documents += 1
        self.counts.update(hashes)
        site = getattr(analysis, "site", "")
        self.site_documents[site] += 1
        self.site_counts.update((site, h) for h in hashes)

    def remove(self, analysis: DocumentAnalysis, data: Any) -> None:
        hashes = {h for _, h in data}
        self.documents -= 1
        _take(self.counts, hashes)
        site = getattr(analysis, "site", "")
        _take(self.site_documents, [site])
        _take(self.site_counts, [(site, h) for h in hashes])

    def result(self) -> dict[str, Any]:
        sites: dict[str, dict[str, Any]] = {}
        for (site, digest), count in self.site_counts.items():
            if count > 1:
                entry = sites.setdefault(site, {"documents": self.site_documents[site], "counts": {}})
                entry["counts"][digest] = count
        return {
            "documents": self.documents,
            "counts": {h: c for h, c in self.counts.items() if c > 1},
            "sites": sites,
        }


def _take(counter: Counter[Any], keys: Iterable[Any]) -> None:
    for key in keys:
        left = counter[key] - 1
        if left > 0:
            counter[key] = left
        else:
            del counter[key]


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
