"""What the two passes return for one file: the small, cached part of the per-file work."""

from __future__ import annotations

from dataclasses import dataclass, field

from lint.diagnostic import Diagnostic
from lint.directives import Directive
from lint.features.base import DocumentAnalysis


@dataclass
class FileOutcome:
    """First-pass result for one file: what is cached as its summary, plus its analyses."""

    path: str
    analyses: list[DocumentAnalysis] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    input_error: bool = False
    internal_errors: int = 0
    key: str | None = None
    """The file's first-pass cache key (path and bytes); None when it could not be read."""
    checked: bool = True
    """Whether the document rules ran (not for corpus files that are only compared with)."""
    documents: list[tuple[int | None, str]] = field(default_factory=list)
    """(record, content hash) of each document in the file."""
    roles: dict[int | None, list[str]] = field(default_factory=dict)
    directives: dict[int | None, list[Directive]] = field(default_factory=dict)
    """The inline suppression directives of each document that has some: found with the file,
    so that filtering the findings does not read it again."""
    deferred: bool = False
    """A document rule asked for a parse in a worker that defers parses: the analyses stand,
    the diagnostics do not, and the engine runs the file again where spaCy is loaded (such an
    outcome is never cached as a summary)."""

    def summary(self) -> FileOutcome:
        """The outcome without its analyses (the small part of the cache entry)."""
        return FileOutcome(
            self.path, [], self.diagnostics, self.input_error, self.internal_errors, self.key,
            self.checked, self.documents, self.roles, self.directives, self.deferred,
        )


@dataclass
class SecondOutcome:
    """Second-pass result for one file."""

    path: str
    diagnostics: list[Diagnostic] = field(default_factory=list)
    internal_errors: int = 0
    stories: dict[int | None, str] = field(default_factory=dict)
    """The story of each of the file's documents that belongs to one (record -> story id)."""
