"""Inline suppression: ``<!-- newslint: disable=NL101,NL2 -->`` ... ``<!-- newslint: enable -->``.

A directive takes effect on its own line and stays in force until a matching ``enable``;
``disable`` without codes silences every rule. Codes are selectors as in ``--ignore`` (a code,
a prefix such as NL1, or a rule name). The directive is an HTML comment so that it is invisible
when Markdown or HTML is rendered; it works in plain-text files and JSONL records too.

HTML pages are checked on trafilatura's extracted text, which has no comments: a directive there
applies from the extracted line that holds the first text following the comment in the page.
Directives are found with the file in the first pass (``lint.directives``).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from lint.diagnostic import Diagnostic
from lint.directives import Directive, html_directives, parse_directives
from lint.document import Document
from lint.formats import format_of
from lint.meta import RuleMeta, matches

__all__ = [
    "Directive", "apply_inline_suppressions", "apply_text_suppressions", "html_directives",
    "parse_directives",
]

FileDirectives = Mapping[int | None, Sequence[Directive]]
"""A file's directives by record (None: a plain document), as ``lint.directives`` finds them."""


@dataclass
class _State:
    everything: bool = False
    disabled: set[str] = field(default_factory=set)
    exceptions: set[str] = field(default_factory=set)

    def apply(self, directive: Directive) -> None:
        if directive.action == "disable":
            if directive.codes:
                self.disabled.update(directive.codes)
                self.exceptions.difference_update(directive.codes)
            else:
                self.everything, self.disabled, self.exceptions = True, set(), set()
        elif directive.codes:
            self.disabled.difference_update(directive.codes)
            if self.everything:
                self.exceptions.update(directive.codes)
        else:
            self.everything, self.disabled, self.exceptions = False, set(), set()

    def silences(self, meta: RuleMeta) -> bool:
        if self.everything:
            return not any(matches(meta, s) for s in self.exceptions)
        return any(matches(meta, s) for s in self.disabled)


def _silenced(diagnostics: Sequence[Diagnostic], directives: Sequence[Directive]) -> set[int]:
    """Indexes (into ``diagnostics``) of the findings that the directives silence."""
    silenced = set()
    for index, diagnostic in enumerate(diagnostics):
        state = _State()
        for directive in directives:
            if directive.line > diagnostic.line:
                break
            state.apply(directive)
        meta = RuleMeta(diagnostic.code, diagnostic.name, diagnostic.severity, "", "", "", "")
        if state.silences(meta):
            silenced.add(index)
    return silenced


def apply_inline_suppressions(
    diagnostics: Iterable[Diagnostic], directives: Mapping[str, FileDirectives]
) -> list[Diagnostic]:
    """Drop the findings silenced by inline directives in their own files (``directives``: by
    path, read with each file in the first pass)."""
    by_path: dict[str, list[Diagnostic]] = defaultdict(list)
    ordered = list(diagnostics)
    for diagnostic in ordered:
        by_path[diagnostic.path].append(diagnostic)
    dropped: set[int] = set()
    for path, found in by_path.items():
        known = directives.get(path)
        if known:
            dropped |= _dropped(found, known)
    return [d for d in ordered if id(d) not in dropped]


def apply_text_suppressions(
    diagnostics: Iterable[Diagnostic], path: str, text: str, documents: Sequence[Document]
) -> list[Diagnostic]:
    """Drop the findings silenced by the directives of a text in memory (an editor's
    unsaved article): ``documents`` are that text's, as ``lint.loader.load_text`` makes them."""
    ordered = list(diagnostics)
    if "newslint" not in text.lower():
        return ordered
    directives: dict[int | None, list[Directive]] = {}
    if format_of(path) == "html":
        if documents:
            directives[None] = html_directives(text, documents[0].text)
    else:
        directives = {d.record: parse_directives(d.lines) for d in documents}
    dropped = _dropped(ordered, directives)
    return [d for d in ordered if id(d) not in dropped]


def _dropped(found: Sequence[Diagnostic], directives: FileDirectives) -> set[int]:
    """ids of the findings (of one file) that the file's directives silence."""
    by_record: dict[int | None, list[Diagnostic]] = defaultdict(list)
    for diagnostic in found:
        by_record[diagnostic.record].append(diagnostic)
    dropped: set[int] = set()
    for record, group in by_record.items():
        wanted = directives.get(record)
        if wanted:
            dropped.update(id(group[i]) for i in _silenced(group, wanted))
    return dropped
