"""The document model: normalized text with a line and column index.

Lines are 1-based; columns are 1-based Unicode code points; end columns are exclusive.
Offsets are 0-based code-point indexes into the normalized text.
"""

from __future__ import annotations

import bisect
import hashlib
from dataclasses import dataclass, field
from functools import cached_property
from typing import Protocol


def normalize_newlines(text: str) -> str:
    """Turn CRLF and lone CR into LF."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


@dataclass(frozen=True)
class Position:
    """A 1-based line and column."""

    line: int
    column: int


class Origin(Protocol):
    """Where a record's text lies in its file (a JSONL record's line and escaped columns)."""

    def span(self, start: int, end: int) -> tuple[int, int, int, int]:
        """The file's line, column, end line and end column of text offsets start..end."""
        ...


@dataclass(eq=False)
class Document:
    """One article: its path, normalized text and line index."""

    path: str
    text: str
    encoding: str = "utf-8"
    newline: str = "\n"
    had_bom: bool = False
    record: int | None = None
    """The record's number in a file of several articles (JSONL: its line; Parquet: its row)."""
    record_id: str | None = None
    """The record's identifier (its id or url field), to name it in output."""
    origin: Origin | None = None
    """Where the text lies in the file, when offsets in the text are not the file's."""
    site: str | None = None
    """The site the article comes from (a URL or domain of its record or page), if known."""
    _line_starts: list[int] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        starts = [0]
        find = self.text.find
        pos = find("\n")
        while pos != -1:
            starts.append(pos + 1)
            pos = find("\n", pos + 1)
        self._line_starts = starts

    @classmethod
    def from_text(cls, path: str, text: str, **kwargs: object) -> Document:
        """Build a document from raw text, normalizing newlines."""
        return cls(path, normalize_newlines(text), **kwargs)  # type: ignore[arg-type]

    @cached_property
    def lines(self) -> list[str]:
        """The lines without their newline characters."""
        return self.text.split("\n")

    @cached_property
    def content_hash(self) -> str:
        """A stable hash of the normalized text."""
        return hashlib.blake2b(self.text.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()

    @property
    def line_count(self) -> int:
        return len(self._line_starts)

    def line(self, number: int) -> str:
        """The text of 1-based line ``number``."""
        return self.lines[number - 1]

    def line_start(self, number: int) -> int:
        """The offset of the first character of 1-based line ``number``."""
        return self._line_starts[number - 1]

    def position(self, offset: int) -> Position:
        """The line and column of a 0-based offset (an offset at the end is allowed)."""
        offset = max(0, min(offset, len(self.text)))
        index = bisect.bisect_right(self._line_starts, offset) - 1
        return Position(index + 1, offset - self._line_starts[index] + 1)

    def offset(self, line: int, column: int) -> int:
        """The 0-based offset of a 1-based line and column."""
        return self._line_starts[line - 1] + column - 1
