"""Inline suppression directives: ``<!-- newslint: disable=NL101,NL2 -->`` ...
``<!-- newslint: enable -->``, found in a file's text (how they silence findings is
``lint.suppress``; the rule that reports a directive that does nothing is NL010).

They are read with the file in the first pass (:func:`file_directives`), kept in its cached
summary, and applied when the run's findings are filtered: the file is not read again for them.
"""

from __future__ import annotations

import codecs
import html as html_lib
import re
from collections.abc import Sequence
from dataclasses import dataclass

from lint.document import Document, normalize_newlines
from lint.formats import extract_html, format_of

DIRECTIVE = re.compile(
    r"<!--\s*newslint:\s*(?P<action>disable|enable)\b\s*(?:=\s*(?P<codes>[\w\s,*-]*?))?\s*-->",
    re.IGNORECASE,
)
"""``<!-- newslint: disable=NL101,NL2 -->`` or ``<!-- newslint: enable -->`` (lint.suppress)."""
_TAG = re.compile(r"<!--.*?-->|<(script|style)\b.*?</\1\s*>|<[^>]*>", re.IGNORECASE | re.DOTALL)
_SPACE = re.compile(r"\s+")
_MARKERS = (b"newslint", "newslint".encode("utf-16-le"), "newslint".encode("utf-16-be"))
_WIDE_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)


def selectors(raw: str | None) -> tuple[str, ...]:
    """The comma-separated selectors of a directive."""
    return tuple(c.strip() for c in (raw or "").split(",") if c.strip())


@dataclass(frozen=True)
class Directive:
    """``disable`` or ``enable`` from ``line`` on; no codes means every rule."""

    line: int
    action: str
    codes: tuple[str, ...]


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


def may_have_directives(data: bytes) -> bool:
    """Whether a file's bytes may hold a directive (a cheap test before decoding them)."""
    return data.startswith(_WIDE_BOMS) or any(marker in data for marker in _MARKERS)


def file_directives(
    path: str, data: bytes, documents: Sequence[Document]
) -> dict[int | None, list[Directive]]:
    """The directives of each document of a file read as ``data`` (None: a plain document;
    an HTML page's are placed on its extracted text)."""
    if not may_have_directives(data):
        return {}
    if format_of(path) == "html":
        if not documents:
            return {}
        source = normalize_newlines(data.decode(documents[0].encoding, errors="replace"))
        found = html_directives(source, extract_html(source) or "")
        return {None: found} if found else {}
    by_record = {document.record: parse_directives(document.lines) for document in documents}
    return {record: found for record, found in by_record.items() if found}
