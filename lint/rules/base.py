"""The rule model: metadata, contexts and the two rule scopes."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar

from lint.diagnostic import Diagnostic, Edit, Fix, Related, Severity
from lint.document import Document
from lint.meta import FAMILIES, RuleMeta, family_of, matches
from lint.roles import LineRoles

if TYPE_CHECKING:
    from lint.config import Config
    from lint.corpus import CorpusIndex
    from lint.features.base import AnalysisEnv
    from lint.packs import Pack

__all__ = [
    "FAMILIES", "Rule", "RuleContext", "RuleMeta", "family_of", "line_deletion", "matches",
]


@dataclass
class RuleContext:
    """What a rule sees: the document, its line roles and analysis, the config, the corpus."""

    document: Document
    roles: LineRoles
    analysis: dict[str, Any]
    config: Config
    index: CorpusIndex | None = None
    env: AnalysisEnv | None = None
    """Shared helpers (the spaCy pipeline, memoized parses); None in unit tests that omit it."""
    extra: dict[str, Any] = field(default_factory=dict)


class Rule(ABC):
    """A rule reports diagnostics; corpus rules also read the corpus index."""

    meta: RuleMeta
    scope: ClassVar[str] = "document"
    """"document" rules run in the first pass; "corpus" rules run after the index is built."""
    needs: ClassVar[tuple[str, ...]] = ()
    """Feature keys whose data the rule reads from ``ctx.analysis`` or the index."""
    parses: ClassVar[bool] = False
    """Whether the rule may ask spaCy for parses (``ctx.env.parse``): the engine then has a
    worker load the pipeline while the run is still finding and hashing files."""

    def setup(self, packs: Sequence[Pack], config: Config) -> None:
        """Read pack data or settings once, before any document is checked."""
        return None

    def know_rules(self, metas: Sequence[RuleMeta]) -> None:
        """Called once with every rule of the run's rule set (for a rule that checks rule
        selectors, as in suppression directives)."""
        return None

    @abstractmethod
    def check(self, ctx: RuleContext) -> Iterable[Diagnostic]:
        """Yield the diagnostics for one document."""

    def prefetch(self, ctx: RuleContext) -> Iterable[tuple[str, bool]]:
        """The texts ``check`` will pass to ``ctx.env.parse``, with its ``entities`` flag.

        Optional: the engine parses a batch of documents' requests in one spaCy call before
        their rules run, which is several times faster than one small call per document.
        """
        return ()

    @property
    def code(self) -> str:
        return self.meta.code

    @property
    def name(self) -> str:
        return self.meta.name

    def diagnostic(
        self,
        ctx: RuleContext,
        start: int,
        end: int,
        message: str,
        *,
        severity: Severity | None = None,
        suggestion: str | None = None,
        related: Iterable[Related] = (),
        fix: Fix | None = None,
    ) -> Diagnostic:
        """A diagnostic for the 0-based offsets ``start``..``end`` of the document text."""
        doc = ctx.document
        first = doc.position(start)
        last = doc.position(max(start, end))
        return Diagnostic(
            path=doc.path,
            line=first.line,
            column=first.column,
            end_line=last.line,
            end_column=last.column,
            code=self.meta.code,
            name=self.meta.name,
            severity=severity or self.meta.severity,
            message=message,
            category=self.meta.category,
            suggestion=suggestion,
            related=list(related),
            fix=fix,
            text=doc.text[start:end][:200],
            record=doc.record,
            record_id=doc.record_id,
            in_file=doc.origin.span(start, max(start, end)) if doc.origin else None,
        )

    def line_diagnostic(
        self,
        ctx: RuleContext,
        first_line: int,
        message: str,
        *,
        last_line: int | None = None,
        **kwargs: Any,
    ) -> Diagnostic:
        """A diagnostic that covers whole lines ``first_line``..``last_line``."""
        doc = ctx.document
        last_line = last_line or first_line
        start = doc.line_start(first_line)
        end = doc.line_start(last_line) + len(doc.line(last_line))
        return self.diagnostic(ctx, start, end, message, **kwargs)


def line_deletion(ctx: RuleContext, first_line: int, last_line: int | None = None) -> Fix:
    """A safe fix that deletes whole lines and the newline after them.

    When the deleted lines stand alone between blank lines, one of the blank lines goes too, so
    that removing a paragraph-sized piece of chrome does not leave a double gap.
    """
    doc = ctx.document
    last_line = last_line or first_line
    start = doc.line_start(first_line)
    if last_line < doc.line_count:
        end = doc.line_start(last_line + 1)
        blank_before = first_line == 1 or not doc.line(first_line - 1).strip()
        if blank_before and last_line + 1 < doc.line_count and not doc.line(last_line + 1).strip():
            end = doc.line_start(last_line + 2)
    else:
        end = len(doc.text)
        if start > 0:
            start -= 1  # take the newline before the last line instead
    return Fix((Edit(start, end, ""),), safe=True, description="delete the line")

