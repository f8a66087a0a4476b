"""NL508 grammar: LanguageTool's grammar matches, through language-tool-python.

Off by default. It turns on by itself when the config names a server (``languagetool-url``)
or when language-tool-python finds a local LanguageTool download and Java; ``--select NL508``
without either reports why it cannot run.

Offsets: LanguageTool counts UTF-16 code units. language-tool-python converts a match's start
to code points but not its length; :func:`utf16_span` turns the pair into a code-point span of
the text that was sent, and :class:`Segments` maps that back to the document (only prose lines
are sent, joined by blank lines).
"""

from __future__ import annotations

import bisect
import os
import shutil
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from lint.config import Config
from lint.diagnostic import Diagnostic, Edit, Fix, Severity
from lint.packs import Pack
from lint.roles import PROSE_ROLES
from lint.rules.base import Rule, RuleContext, RuleMeta

DISABLED_CATEGORIES = ("TYPOS",)
"""Spelling is NL507's job; LanguageTool's speller flags every name."""
DISABLED_RULES = ("WHITESPACE_RULE", "EN_QUOTES", "DASH_RULE")
MAX_REQUEST_CHARS = 15_000
"""The public API refuses texts over 20 KB: longer documents go in several requests."""
SEPARATOR = "\n\n"


def utf16_span(text: str, start: int, utf16_length: int) -> tuple[int, int]:
    """The code-point span that starts at code point ``start`` and covers ``utf16_length``
    UTF-16 units of ``text`` (characters outside the BMP count two units)."""
    end = start
    units = 0
    while end < len(text) and units < utf16_length:
        units += 2 if ord(text[end]) > 0xFFFF else 1
        end += 1
    return start, end


@dataclass
class Segments:
    """The text sent to LanguageTool and where each of its lines sits in the document."""

    text: str
    starts: list[int]
    """Offsets of each segment in ``text``."""
    origins: list[int]
    """Document offsets of the same segments."""
    lengths: list[int]

    @classmethod
    def build(cls, pieces: Sequence[tuple[int, str]]) -> Segments:
        starts: list[int] = []
        origins: list[int] = []
        lengths: list[int] = []
        parts: list[str] = []
        cursor = 0
        for origin, piece in pieces:
            if parts:
                parts.append(SEPARATOR)
                cursor += len(SEPARATOR)
            starts.append(cursor)
            origins.append(origin)
            lengths.append(len(piece))
            parts.append(piece)
            cursor += len(piece)
        return cls("".join(parts), starts, origins, lengths)

    def to_document(self, start: int, end: int) -> tuple[int, int] | None:
        """Document offsets of a span of :attr:`text`, clamped to its segment."""
        index = bisect.bisect_right(self.starts, start) - 1
        if index < 0:
            return None
        offset = start - self.starts[index]
        if offset >= self.lengths[index]:
            return None  # inside a separator
        length = min(end - start, self.lengths[index] - offset)
        origin = self.origins[index] + offset
        return origin, origin + max(length, 1)


def local_install() -> str | None:
    """The version of a LanguageTool download language-tool-python can start, when Java is
    installed too; None otherwise. Looks only: it never downloads or creates anything."""
    if shutil.which("java") is None:
        return None
    folder = Path(os.environ.get("LTP_PATH", Path.home() / ".cache" / "language_tool_python"))
    if not folder.is_dir():
        return None
    found = sorted(p.name for p in folder.glob("LanguageTool-*") if p.is_dir())
    return found[-1].removeprefix("LanguageTool-") if found else None


class GrammarUnavailable(RuntimeError):
    """NL508 was selected but no LanguageTool server can be reached."""


class Grammar(Rule):
    meta = RuleMeta(
        code="NL508",
        name="grammar",
        severity=Severity.WARNING,
        category="fluency/grammar",
        fixable=True,
        default_enabled=False,
        summary="A grammar error found by LanguageTool.",
        what=(
            "LanguageTool's matches on the article's prose lines (headline, body, subheads), "
            "with its message, rule id and first suggestion. Spelling (category TYPOS), "
            "whitespace, quote and dash style rules are left to newslint's own rules. On when "
            "`languagetool-url` is set in [tool.newslint] (a LanguageTool server, e.g. "
            "http://localhost:8081) or a local LanguageTool download and Java are found; "
            "otherwise off."
        ),
        why="Agreement, article and word-order errors mark careless editing and machine translation.",
        example="He have resigned.   <- NL508 (LanguageTool HE_VERB_AGR), suggestion: 'has'",
    )

    url: str | None = None
    local_version: str | None = None
    language = "en-US"

    def __init__(self) -> None:
        self._tool: Any = None
        self._failed: str | None = None

    def setup(self, packs: Sequence[Pack], config: Config) -> None:
        self.url = config.languagetool_url
        self.local_version = None if self.url else local_install()
        self.language = config.locale or "en-US"
        if self.url or self.local_version:
            self.meta = replace(type(self).meta, default_enabled=True)

    def client(self) -> Any:
        """The language-tool-python client, created on first use."""
        if self._tool is not None:
            return self._tool
        if self._failed:
            return None
        try:
            import language_tool_python
        except ImportError as exc:
            self._failed = "language-tool-python is not installed: pip install 'newslint[grammar]'"
            raise GrammarUnavailable(self._failed) from exc
        try:
            if self.url:
                tool = language_tool_python.LanguageTool(self.language, remote_server=self.url)
            elif self.local_version:
                tool = language_tool_python.LanguageTool(
                    self.language, language_tool_download_version=self.local_version
                )
            else:
                self._failed = (
                    "no LanguageTool server: set languagetool-url in [tool.newslint] "
                    "(see 'newslint explain NL508')"
                )
                raise GrammarUnavailable(self._failed)
        except GrammarUnavailable:
            raise
        except Exception as exc:
            self._failed = f"cannot reach LanguageTool at {self.url or 'a local server'}: {exc}"
            raise GrammarUnavailable(self._failed) from exc
        tool.disabled_categories = set(DISABLED_CATEGORIES)
        tool.disabled_rules = set(DISABLED_RULES)
        self._tool = tool
        return tool

    def check(self, ctx: RuleContext) -> Iterable[Diagnostic]:
        doc = ctx.document
        pieces = [
            (doc.line_start(n), line)
            for n, line in enumerate(doc.lines, start=1)
            if ctx.roles[n] in PROSE_ROLES and line.strip()
        ]
        if not pieces:
            return
        tool = self.client()
        if tool is None:
            return
        for batch in _batches(pieces):
            segments = Segments.build(batch)
            for match in tool.check(segments.text):
                yield from self._diagnostic(ctx, segments, match)

    def _diagnostic(self, ctx: RuleContext, segments: Segments, match: Any) -> Iterable[Diagnostic]:
        start, end = utf16_span(segments.text, int(match.offset), int(match.error_length))
        span = segments.to_document(start, end)
        if span is None:
            return
        replacements = list(getattr(match, "replacements", []) or [])
        suggestion = replacements[0] if replacements else None
        issue = str(getattr(match, "rule_issue_type", "") or "")
        severity = Severity.WARNING if issue in ("grammar", "misspelling", "") else Severity.INFO
        fix = (
            Fix((Edit(span[0], span[1], suggestion),), safe=False, description=f"use {suggestion!r}")
            if suggestion is not None else None
        )
        yield self.diagnostic(
            ctx, span[0], span[1], f"{match.message} [{match.rule_id}]",
            severity=severity, suggestion=suggestion, fix=fix,
        )


def _batches(pieces: Sequence[tuple[int, str]]) -> Iterable[list[tuple[int, str]]]:
    batch: list[tuple[int, str]] = []
    size = 0
    for piece in pieces:
        if batch and size + len(piece[1]) > MAX_REQUEST_CHARS:
            yield batch
            batch, size = [], 0
        batch.append(piece)
        size += len(piece[1]) + len(SEPARATOR)
    if batch:
        yield batch


RULES: list[type[Rule]] = [Grammar]
