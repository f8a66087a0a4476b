"""The kinds of cache entries: each is a folder of the cache and has its own shape
(``lint.cache_shapes``). The values are the folder names, unchanged since the first cache
layout."""

from __future__ import annotations

from enum import StrEnum


class CacheKind(StrEnum):
    SUMMARY = "p1"
    """A file's first-pass summary (``FileOutcome`` without analyses), by file key."""
    ANALYSES = "p1an"
    """A file's first-pass analyses (one ``DocumentAnalysis`` per document), by file key."""
    CORPUS_RESULTS = "p2"
    """A file's corpus-rule results (``SecondOutcome``), by file key and index key."""
    INDEX = "index"
    """A corpus index, by the ordered first-pass keys of its files."""
    STATE = "state"
    """The index builder's reducer state kept between runs, and the manifest naming it."""
    RUN = "run"
    """A whole run's result (``RunResult``), by every file's key, spelling and role."""


STATE_MANIFEST = "latest"
"""The key of the :attr:`CacheKind.STATE` entry that names the kept state."""
