"""Normalized-line hashes per document and their document counts across the corpus."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import Any

from lint.document import Document
from lint.features.base import AnalysisEnv, DocKey, DocumentAnalysis, Feature, Reducer
from lint.roles import LineRoles, Role
from lint.text import line_hash, word_count

MAX_WORDS = 30
"""Only lines this short are counted: long prose lines repeated across files are syndication,
not chrome."""
SENTENCE_MAX_WORDS = 8
"""A body line this short that ends a sentence ("The volcano last erupted in 1998.") is tracked
with the documents that hold it: shared only by the articles of one story, it is the story's
sentence, not chrome (longer body lines are never taken for chrome)."""
SENTENCE_END = ".!?\"”’'"
SENTENCE_ROLES = frozenset({Role.BODY, Role.SUBHEAD})
"""A short line between paragraphs is read as a subheading until it ends like a sentence."""


class LineCountReducer(Reducer):
    """Document counts of each line hash, across the corpus and within each site, and the
    documents that hold each short body sentence."""

    incremental = True

    def __init__(self) -> None:
        self.counts: Counter[str] = Counter()
        self.documents = 0
        self.site_counts: Counter[tuple[str, str]] = Counter()
        self.site_documents: Counter[str] = Counter()
        self.holders: dict[str, set[DocKey]] = {}
        """hash of a short body sentence -> the documents that have it as one"""

    def add(self, analysis: DocumentAnalysis, data: Any) -> None:
        hashes = {h for _, h, *_ in data}
        self.documents += 1
        self.counts.update(hashes)
        site = getattr(analysis, "site", "")
        self.site_documents[site] += 1
        self.site_counts.update((site, h) for h in hashes)
        key = (analysis.path, analysis.record)
        for h in _sentences(data):
            self.holders.setdefault(h, set()).add(key)

    def remove(self, analysis: DocumentAnalysis, data: Any) -> None:
        hashes = {h for _, h, *_ in data}
        self.documents -= 1
        _take(self.counts, hashes)
        site = getattr(analysis, "site", "")
        _take(self.site_documents, [site])
        _take(self.site_counts, [(site, h) for h in hashes])
        key = (analysis.path, analysis.record)
        for h in _sentences(data):
            held = self.holders.get(h)
            if held is not None:
                held.discard(key)
                if not held:
                    del self.holders[h]

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
            "sentences": {h: sorted(held, key=repr) for h, held in self.holders.items()
                          if len(held) > 1 and len(held) == self.counts.get(h)},
        }


def _sentences(data: Any) -> set[str]:
    """The hashes of a document's lines that are short body sentences."""
    return {item[1] for item in data if len(item) > 2 and item[2]}


def _take(counter: Counter[Any], keys: Iterable[Any]) -> None:
    for key in keys:
        left = counter[key] - 1
        if left > 0:
            counter[key] = left
        else:
            del counter[key]


class LineHashes(Feature):
    """(line number, hash, whether it is a short body sentence) for every short non-blank
    line."""

    key = "lines"

    def analyze(self, document: Document, roles: LineRoles, env: AnalysisEnv) -> Any:
        out: list[tuple[int, str, bool]] = []
        for number, line in enumerate(document.lines, start=1):
            words = word_count(line)
            if roles[number] is Role.BLANK or words > MAX_WORDS:
                continue
            digest = line_hash(line)
            if digest:
                sentence = (roles[number] in SENTENCE_ROLES and words <= SENTENCE_MAX_WORDS
                            and line.rstrip()[-1:] in SENTENCE_END)
                out.append((number, digest, sentence))
        return out

    def reducer(self) -> Reducer:
        return LineCountReducer()
