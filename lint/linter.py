"""The per-file work of a run: the first pass (load, line roles, features, document rules) and
the second pass (corpus rules with the corpus index), on one file or on a batch of files.

``lint.tasks`` runs these on the executors' batches; ``lint.engine`` is the run around them.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from lint.config import Config
from lint.corpus import CorpusIndex
from lint.diagnostic import Diagnostic
from lint.document import Document
from lint.features import AnalysisEnv, DocumentAnalysis, Feature, make_features
from lint.features.base import NlpTimeLimit, ParseDeferred
from lint.loader import Loaded, load
from lint.outcomes import FileOutcome, SecondOutcome
from lint.packs import Pack
from lint.problems import internal_error, problem
from lint.roles import RoleSettings, assign_roles
from lint.rules.base import Rule, RuleContext
from lint.sites import site_key

PREFETCH_PER_DOCUMENT = 400
"""A document asking for more parses than this is parsed on its own, under its time limit."""
PREFETCH_PER_BATCH = 2000
DEFER_PER_PROCESS = 64
"""A deferring worker leaves at most this many files to another process, then loads spaCy
itself: running a file again costs a few milliseconds, loading spaCy most of a second, so a
corpus where many files parse (machine translations) pays for at most this many reruns."""


@dataclass
class _Pending:
    """A document between its analysis and its document rules (within a batch)."""

    document: Document
    ctx: RuleContext
    outcome: FileOutcome


class Linter:
    """Holds the selected rules and what they need; runs the two passes on files."""

    def __init__(self, config: Config, rules: Sequence[Rule], packs: Sequence[Pack]) -> None:
        self.config = config
        self.packs = list(packs)
        self.document_rules = [r for r in rules if r.scope == "document"]
        self.corpus_rules = [r for r in rules if r.scope == "corpus"]
        self.parses = any(r.parses or type(r).prefetch is not Rule.prefetch for r in rules)
        """Whether a selected rule may ask spaCy for parses."""
        self.features: list[Feature] = make_features(rules, config, self.packs)
        self.role_settings = RoleSettings.from_packs(self.packs)
        self.env = AnalysisEnv(config, self.packs)
        self.defer_parses = False
        """Set by the engine for a pool's first pass: a worker without spaCy does not load it
        for the few files whose document rules parse; it marks them ``deferred`` and the engine
        has one process run them again (each worker would otherwise spend most of a second
        loading spaCy, for about one article in a hundred on clean copy)."""
        self.deferred_here = 0
        """Files this process has deferred (see ``DEFER_PER_PROCESS``)."""
        self._reloaded: tuple[str, dict[int | None, Document]] | None = None

    def __getstate__(self) -> dict[str, Any]:
        state = dict(self.__dict__)
        state["_reloaded"] = None
        return state

    def warm_up(self) -> None:
        """Load the spaCy pipeline, when a rule may parse, before the first file comes (a
        pool worker's start). The packs' patterns are compiled as lines first need them: a
        run uses a fraction of them."""
        if self.parses and not self.defer_parses:
            self.env.nlp()

    def compile_patterns(self) -> None:
        """Compile every pack pattern now (a server that must answer its first request at
        full speed)."""
        for pack in self.packs:
            for entry in pack.entries:
                entry.pattern  # noqa: B018 -- compiled on first use

    def load(self, path: str, data: bytes | None = None) -> Loaded:
        """Read one file (``data``: its bytes, when the caller has them) into documents."""
        return load(path, self.config.encoding, self.config.max_file_size, self.config.jsonl_fields,
                    data)

    # -- first pass ---------------------------------------------------------------------------

    def first_pass(self, path: str, check: bool = True, data: bytes | None = None) -> FileOutcome:
        """Load one file (from ``data``, its bytes, when the caller has them), give its lines
        roles, analyse it and (with ``check``) run the document rules."""
        return self.first_pass_batch([(path, check, data)])[0]

    def first_pass_batch(
        self, items: Sequence[tuple[str, bool, bytes | None]]
    ) -> list[FileOutcome]:
        """The first pass over several files (path, run the document rules, the bytes when the
        caller read them); their parse requests go to spaCy together."""
        return self.first_pass_loaded([(self.load(path, data), check) for path, check, data in items])

    def first_pass_loaded(self, items: Sequence[tuple[Loaded, bool]]) -> list[FileOutcome]:
        """The first pass over files already read (or an editor's unsaved text, see
        ``lint.live``)."""
        outcomes: list[FileOutcome] = []
        pending: list[_Pending] = []
        for loaded, check in items:
            path = loaded.path
            outcome = FileOutcome(
                path, diagnostics=list(loaded.problems), input_error=loaded.input_error,
                key=loaded.key, checked=check, directives=loaded.directives,
            )
            for document in loaded.documents:
                ctx = self._analyse(document, outcome)
                if check:
                    pending.append(_Pending(document, ctx, outcome))
            outcomes.append(outcome)
        self.env.deferring = self.defer_parses and self.deferred_here < DEFER_PER_PROCESS
        try:
            self._prefetch(pending)
            for item in pending:
                if item.outcome.deferred:
                    continue  # another of its documents parses: the whole file runs again
                try:
                    self._run_rules(self.document_rules, item.ctx, item.outcome.diagnostics, item.outcome)
                except ParseDeferred:
                    item.outcome.deferred = True
                    self.deferred_here += 1
        finally:
            self.env.deferring = False
        return outcomes

    def _analyse(self, document: Document, outcome: FileOutcome) -> RuleContext:
        roles = assign_roles(document.lines, self.role_settings)
        analysis = DocumentAnalysis(
            document.path, document.record, document.content_hash, roles,
            site=site_key(document.path, document.site),
        )
        for feature in self.features:
            try:
                analysis.data[feature.key] = feature.analyze(document, roles, self.env)
            except Exception as exc:
                outcome.diagnostics.append(internal_error(document.path, None, "", exc))
                outcome.internal_errors += 1
        outcome.analyses.append(analysis)
        outcome.documents.append((document.record, document.content_hash))
        outcome.roles[document.record] = roles.to_list()
        return RuleContext(document, roles, analysis.data, self.config, env=self.env)

    def _prefetch(self, pending: Sequence[_Pending]) -> None:
        """Parse, in one spaCy call, the sentences the batch's document rules will ask for.

        An optimisation only: a rule asks ``env.parse`` again in ``check`` and finds its parses
        in the memo. spaCy is much faster on one batch than on many small calls.
        """
        requests: dict[bool, list[str]] = {True: [], False: []}
        total = 0
        for item in pending:
            asked: dict[bool, list[str]] = {True: [], False: []}
            for rule in self.document_rules:
                try:
                    for text, entities in rule.prefetch(item.ctx):
                        asked[entities].append(text)
                except Exception:  # check() will meet the same problem and report it
                    continue
            count = len(asked[True]) + len(asked[False])
            if count > PREFETCH_PER_DOCUMENT or total + count > PREFETCH_PER_BATCH:
                continue
            total += count
            for entities, texts in asked.items():
                requests[entities].extend(texts)
        limit = self.config.nlp_time_limit
        self.env.deadline = time.monotonic() + limit * max(1, len(pending)) if limit else None
        try:
            for entities, texts in requests.items():
                if texts:
                    self.env.parse(texts, entities=entities)
        except Exception:  # NlpTimeLimit too: each check() parses what is missing, under its own limit
            pass
        finally:
            self.env.deadline = None

    def _run_rules(
        self, rules: Sequence[Rule], ctx: RuleContext, out: list[Diagnostic], outcome: Any
    ) -> None:
        limit = self.config.nlp_time_limit
        self.env.deadline = time.monotonic() + limit if limit else None
        stopped: list[str] = []
        try:
            for rule in rules:
                try:
                    out.extend(rule.check(ctx))
                except NlpTimeLimit:
                    stopped.append(rule.code)
                except ParseDeferred:
                    raise
                except Exception as exc:
                    out.append(internal_error(ctx.document.path, rule.code, rule.name, exc))
                    outcome.internal_errors += 1
        finally:
            self.env.deadline = None
        if stopped:
            message = (
                f"NLP stopped after {limit:g} s (--nlp-time-limit); rule"
                f"{'s' if len(stopped) > 1 else ''} {' and '.join(stopped)} skipped the rest "
                "of this file"
            )
            out.append(problem(ctx.document.path, "NL009", message))

    # -- second pass --------------------------------------------------------------------------

    def _reload(self, path: str, record: int | None, data: bytes | None) -> Document | None:
        """The document ``record`` of ``path``, reading each file once for all its records
        (a JSONL file's records arrive one after another); ``data``: its bytes, when the
        caller kept them from the first pass."""
        if self._reloaded is None or self._reloaded[0] != path:
            by_record = {d.record: d for d in self.load(path, data).documents}
            self._reloaded = (path, by_record)
        return self._reloaded[1].get(record)

    def second_pass(
        self, analysis: DocumentAnalysis, index: CorpusIndex, data: bytes | None = None
    ) -> SecondOutcome:
        """Run the corpus rules on one document, reloading its text (from ``data``, the file's
        bytes, when the caller kept them)."""
        outcome = SecondOutcome(analysis.path)
        if not self.corpus_rules:
            return outcome
        document = self._reload(analysis.path, analysis.record, data)
        if document is None or document.content_hash != analysis.content_hash:
            return outcome  # changed or vanished since the first pass: nothing consistent to say
        return self.corpus_check(document, analysis, index)

    def corpus_check(
        self, document: Document, analysis: DocumentAnalysis, index: CorpusIndex
    ) -> SecondOutcome:
        """Run the corpus rules on a document in memory, with its first-pass analysis."""
        outcome = SecondOutcome(analysis.path)
        ctx = RuleContext(document, analysis.roles, analysis.data, self.config, index, self.env)
        self._run_rules(self.corpus_rules, ctx, outcome.diagnostics, outcome)
        story = story_of(index, analysis.path, analysis.record)
        if story is not None:
            outcome.stories[analysis.record] = story
        return outcome


def story_of(index: CorpusIndex, path: str, record: int | None) -> str | None:
    """The id of the story a document belongs to, if the index has stories."""
    part = index.part("story")
    if not isinstance(part, dict):
        return None
    story: str | None = part.get("story_of", {}).get((path, record))
    return story
