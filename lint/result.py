"""The result of a run: what every reporter, the workflow and the scores read."""

from __future__ import annotations

from dataclasses import dataclass, field

from lint.corpus import CorpusIndex
from lint.diagnostic import Diagnostic, Severity
from lint.errors import EXIT_ERROR, EXIT_FINDINGS, EXIT_OK


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
            return EXIT_ERROR
        return EXIT_FINDINGS if any(d.severity >= fail_on for d in self.diagnostics) else EXIT_OK
