"""Inline suppression: ``<!-- newslint: disable=NL101,NL2 -->`` ... ``<!-- newslint: enable -->``.

A directive takes effect on its own line and stays in force until a matching ``enable``;
``disable`` without codes silences every rule. Codes are selectors as in ``--ignore`` (a code,
a prefix such as NL1, or a rule name). The directive is an HTML comment so that it is invisible
when Markdown or HTML is rendered; it works in plain-text files and JSONL records too.

HTML pages are checked on trafilatura's extracted text, which has no comments: a directive there
applies from the extracted line that holds the first text following the comment in the page.
"""

from __future__ import annotations

import codecs
import html as html_lib
import os
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from lint.config import Config
from lint.diagnostic import Diagnostic
from lint.document import Document
from lint.formats import extract_html, format_of
from lint.loader import load
from lint.registry import matches
from lint.rules.base import RuleMeta
from lint.rules.directives import DIRECTIVE, selectors

_TAG = re.compile(r"<!--.*?-->|<(script|style)\b.*?</\1\s*>|<[^>]*>", re.IGNORECASE | re.DOTALL)
_SPACE = re.compile(r"\s+")
_MARKERS = (b"newslint", "newslint".encode("utf-16-le"), "newslint".encode("utf-16-be"))
_WIDE_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)


@dataclass(frozen=True)
class Directive:
    """``disable`` or ``enable`` from ``line`` on; no codes means every rule."""

    line: int
    action: str
    codes: tuple[str, ...]


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


def parse_directives(lines: Sequence[str]) -> list[Directive]:
    """The directives of a text, in order, with their 1-based lines."""
    found = []
    for number, line in enumerate(lines, start=1):
        if "newslint" not in line:
            continue
        for match in DIRECTIVE.finditer(line):
            found.append(Directive(number, match["action"].lower(), selectors(match["codes"])))
    return found


def _norm(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def html_directives(source: str, extracted: str) -> list[Directive]:
    """Directives of an HTML page, placed on the extracted-text line of the text that follows."""
    lines = extracted.split("\n")
    flat = _norm(" ".join(lines))
    # the offset in ``flat`` where each line starts, to turn a found snippet into a line
    starts, at = [], 0
    for line in lines:
        starts.append(at)
        at += len(_norm(line)) + (1 if _norm(line) else 0)
    found: list[Directive] = []
    search_from = 0
    for match in DIRECTIVE.finditer(source):
        codes, action = selectors(match["codes"]), match["action"].lower()
        where = len(lines) + 1  # nothing of the page after it made it into the extracted text
        for chunk in _TAG.split(source[match.end():])[:200]:
            snippet = _norm(html_lib.unescape(chunk or ""))[:60]
            if len(snippet) < 3:
                continue
            pos = flat.find(snippet, search_from)
            if pos != -1:
                search_from = pos
                where = max(i for i, s in enumerate(starts, start=1) if s <= pos)
                break
        found.append(Directive(where, action, codes))
    return found


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


def _may_have_directives(path: str, max_size: int = 0) -> bool:
    try:  # a FIFO or device would block; a file over the size limit was never read
        if not os.path.isfile(path) or (max_size and os.path.getsize(path) > max_size):
            return False
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError:
        return False
    return data.startswith(_WIDE_BOMS) or any(marker in data for marker in _MARKERS)


def _directives_of(path: str, config: Config) -> dict[int | None, list[Directive]]:
    """Directives per record (None for a plain document) of one file."""
    loaded = load(path, config.encoding, config.max_file_size, config.jsonl_fields)
    result: dict[int | None, list[Directive]] = {}
    if format_of(path) == "html":
        if not loaded.documents:
            return result
        try:
            with open(path, encoding=loaded.documents[0].encoding, errors="replace") as handle:
                source = handle.read()
        except OSError:
            return result
        extracted = extract_html(source) or ""
        result[None] = html_directives(source, extracted)
        return result
    for document in loaded.documents:
        result[document.record] = parse_directives(document.lines)
    return result


def apply_inline_suppressions(
    diagnostics: Iterable[Diagnostic], config: Config
) -> list[Diagnostic]:
    """Drop the findings silenced by inline directives in their own files."""
    by_path: dict[str, list[Diagnostic]] = defaultdict(list)
    ordered = list(diagnostics)
    for diagnostic in ordered:
        by_path[diagnostic.path].append(diagnostic)
    dropped: set[int] = set()
    for path, found in by_path.items():
        if not _may_have_directives(path, config.max_file_size):
            continue
        dropped |= _dropped(found, _directives_of(path, config))
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


def _dropped(
    found: Sequence[Diagnostic], directives: dict[int | None, list[Directive]]
) -> set[int]:
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
