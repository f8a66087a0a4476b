"""The run: discover, then map (load, roles, features, document rules), reduce (corpus index),
map again (corpus rules), then filter. One code path whatever executes the maps."""

from __future__ import annotations

import fnmatch
import os
import traceback
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

from lint.config import Config
from lint.corpus import CorpusIndex, IndexBuilder
from lint.diagnostic import Diagnostic, Severity
from lint.discover import Missing, discover, display_path
from lint.document import Document
from lint.features import FEATURES, AnalysisEnv, DocumentAnalysis, Feature
from lint.loader import Loaded, load
from lint.packs import Pack
from lint.registry import matches
from lint.roles import RoleSettings, assign_roles
from lint.rules.base import Rule, RuleContext
from lint.suppress import apply_inline_suppressions

T = TypeVar("T")
R = TypeVar("R")
Mapper = Callable[[Callable[[T], R], Iterable[T]], Iterator[R]]


@dataclass
class FileOutcome:
    """First-pass result for one file: analyses for the index and diagnostics so far."""

    path: str
    analyses: list[DocumentAnalysis] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    input_error: bool = False
    internal_errors: int = 0


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

    def exit_code(self, fail_on: Severity) -> int:
        """0 clean, 1 findings at or above ``fail_on``, 2 input or internal errors."""
        if self.input_errors or self.internal_errors or self.missing:
            return 2
        return 1 if any(d.severity >= fail_on for d in self.diagnostics) else 0


def internal_error(path: str, rule: Rule | None, exc: BaseException) -> Diagnostic:
    where = f"rule {rule.code} ({rule.name})" if rule else "analysis"
    last = traceback.extract_tb(exc.__traceback__)[-1] if exc.__traceback__ else None
    at = f" at {last.filename.rsplit('/', 1)[-1]}:{last.lineno}" if last else ""
    return Diagnostic(
        path, 1, 1, 1, 1, "NL999", "internal-error", Severity.ERROR,
        f"{where} failed{at}: {type(exc).__name__}: {exc}", "internal",
    )


class Linter:
    """Holds the selected rules and what they need; runs the two passes on one file."""

    def __init__(self, config: Config, rules: Sequence[Rule], packs: Sequence[Pack]) -> None:
        self.config = config
        self.packs = list(packs)
        self.document_rules = [r for r in rules if r.scope == "document"]
        self.corpus_rules = [r for r in rules if r.scope == "corpus"]
        needed = {key for rule in rules for key in rule.needs}
        self.features: list[Feature] = [FEATURES[key]() for key in sorted(needed) if key in FEATURES]
        self.role_settings = RoleSettings.from_packs(self.packs)
        self.env = AnalysisEnv(config, self.packs)
        self._reloaded: tuple[str, dict[int | None, Document]] | None = None

    def load(self, path: str) -> Loaded:
        return load(path, self.config.encoding, self.config.max_file_size, self.config.jsonl_fields)

    def first_pass(self, path: str) -> FileOutcome:
        """Load one file, give its lines roles, analyse it and run the document rules."""
        loaded = self.load(path)
        outcome = FileOutcome(path, diagnostics=list(loaded.problems), input_error=loaded.input_error)
        for document in loaded.documents:
            self._first_pass_document(document, outcome)
        return outcome

    def _first_pass_document(self, document: Document, outcome: FileOutcome) -> None:
        roles = assign_roles(document.lines, self.role_settings)
        analysis = DocumentAnalysis(document.path, document.record, document.content_hash, roles)
        for feature in self.features:
            try:
                analysis.data[feature.key] = feature.analyze(document, roles, self.env)
            except Exception as exc:
                outcome.diagnostics.append(internal_error(document.path, None, exc))
                outcome.internal_errors += 1
        outcome.analyses.append(analysis)
        ctx = RuleContext(document, roles, analysis.data, self.config, env=self.env)
        self._run_rules(self.document_rules, ctx, outcome.diagnostics, outcome)

    def _run_rules(
        self, rules: Sequence[Rule], ctx: RuleContext, out: list[Diagnostic], outcome: Any
    ) -> None:
        for rule in rules:
            try:
                out.extend(rule.check(ctx))
            except Exception as exc:
                out.append(internal_error(ctx.document.path, rule, exc))
                outcome.internal_errors += 1

    def _reload(self, path: str, record: int | None) -> Document | None:
        """The document ``record`` of ``path``, reading each file once for all its records
        (a JSONL file's records arrive one after another)."""
        if self._reloaded is None or self._reloaded[0] != path:
            by_record = {d.record: d for d in self.load(path).documents}
            self._reloaded = (path, by_record)
        return self._reloaded[1].get(record)

    def second_pass(self, analysis: DocumentAnalysis, index: CorpusIndex) -> FileOutcome:
        """Run the corpus rules on one document, reloading its text."""
        outcome = FileOutcome(analysis.path)
        if not self.corpus_rules:
            return outcome
        document = self._reload(analysis.path, analysis.record)
        if document is None or document.content_hash != analysis.content_hash:
            return outcome  # changed or vanished since the first pass: nothing consistent to say
        ctx = RuleContext(document, analysis.roles, analysis.data, self.config, index, self.env)
        self._run_rules(self.corpus_rules, ctx, outcome.diagnostics, outcome)
        return outcome


def serial_map(fn: Callable[[T], R], items: Iterable[T]) -> Iterator[R]:
    """The default executor: the calling process, one item after another."""
    return map(fn, items)


def run(
    paths: Sequence[str],
    config: Config,
    rules: Sequence[Rule],
    packs: Sequence[Pack],
    mapper: Mapper[Any, Any] = serial_map,
    progress: Callable[[int], None] | None = None,
) -> RunResult:
    """Check ``paths`` and return every diagnostic that survives the filters."""
    linter = Linter(config, rules, packs)
    files: list[str] = []
    missing: list[str] = []
    for found in discover(paths, config.include, config.exclude):
        if isinstance(found, Missing):
            missing.append(found.path)
        else:
            files.append(found)
    files, report_only = with_corpus_roots(files, config, missing)
    diagnostics: list[Diagnostic] = []
    builder = IndexBuilder(linter.features)
    analyses: list[DocumentAnalysis] = []
    input_errors = internal_errors = 0
    for outcome in mapper(linter.first_pass, files):
        diagnostics.extend(outcome.diagnostics)
        input_errors += outcome.input_error and (report_only is None or outcome.path in report_only)
        internal_errors += outcome.internal_errors
        for analysis in outcome.analyses:
            builder.add(analysis)
            analyses.append(analysis)
        if progress:
            progress(1)
    index = builder.build()
    if linter.corpus_rules:
        second = mapper(lambda a: linter.second_pass(a, index), analyses)
        for outcome in second:
            diagnostics.extend(outcome.diagnostics)
            internal_errors += outcome.internal_errors
    if report_only is not None:
        diagnostics = [d for d in diagnostics if d.path in report_only]
    kept = filter_diagnostics(diagnostics, config)
    for diagnostic in kept:
        diagnostic.path = display_path(diagnostic.path)
        for related in diagnostic.related:
            object.__setattr__(related, "path", display_path(related.path))
    kept.sort(key=Diagnostic.sort_key)
    checked = len(files) if report_only is None else len(report_only)
    roles = {
        (display_path(a.path), a.record): a.roles.to_list()
        for a in analyses
        if report_only is None or a.path in report_only
    }
    return RunResult(
        kept, checked, len(analyses), input_errors, internal_errors, missing, index, roles
    )


def with_corpus_roots(
    files: list[str], config: Config, missing: list[str]
) -> tuple[list[str], set[str] | None]:
    """Add the configured corpus roots' files to the analysis; report on ``files`` only.

    Returns every file to analyse and the files to report on (None: report on all). This is
    what lets pre-commit pass only the changed articles while they are still compared with
    the whole corpus.
    """
    if not config.corpus:
        return files, None
    seen = {os.path.realpath(f) for f in files}
    extra: list[str] = []
    for found in discover([str(root) for root in config.corpus], config.include, config.exclude):
        if isinstance(found, Missing):
            missing.append(f"{found.path} (a corpus root)")
        elif os.path.realpath(found) not in seen:
            seen.add(os.path.realpath(found))
            extra.append(found)
    if not extra:
        return files, None
    return [*files, *extra], set(files)


def filter_diagnostics(diagnostics: Iterable[Diagnostic], config: Config) -> list[Diagnostic]:
    """Apply ignore (for input codes too), per-file ignores and inline directives."""
    kept: list[Diagnostic] = []
    for diagnostic in diagnostics:
        meta_like = _MetaView(diagnostic.code, diagnostic.name)
        if any(matches(meta_like, s) for s in config.ignore):  # type: ignore[arg-type]
            continue
        shown = display_path(diagnostic.path)
        ignored = False
        for glob, selectors in config.per_file_ignores.items():
            if (fnmatch.fnmatch(shown, glob) or fnmatch.fnmatch(diagnostic.path, glob)) and any(
                matches(meta_like, s) for s in selectors  # type: ignore[arg-type]
            ):
                ignored = True
                break
        if not ignored:
            kept.append(diagnostic)
    return apply_inline_suppressions(kept, config)


@dataclass(frozen=True)
class _MetaView:
    code: str
    name: str
