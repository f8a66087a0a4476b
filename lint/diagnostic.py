"""Diagnostics: what a rule reports, where, and how to fix it."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from enum import IntEnum
from typing import Any


class Severity(IntEnum):
    """Ordered severities: a higher value is more serious."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    @classmethod
    def parse(cls, value: str) -> Severity:
        try:
            return cls[value.strip().upper()]
        except KeyError:
            raise ValueError(f"unknown severity {value!r} (expected error, warning or info)") from None

    def __str__(self) -> str:
        return self.name.lower()


@dataclass(frozen=True)
class Related:
    """A place elsewhere in the corpus that holds evidence for a finding."""

    path: str
    line: int
    column: int = 1
    message: str = ""
    record: int | None = None


@dataclass(frozen=True)
class Edit:
    """Replace ``text[start:end]`` (0-based code-point offsets) with ``replacement``."""

    start: int
    end: int
    replacement: str


@dataclass(frozen=True)
class Fix:
    """A set of edits that repairs one finding; ``safe`` fixes never change meaning."""

    edits: tuple[Edit, ...]
    safe: bool = True
    description: str = ""


@dataclass
class Diagnostic:
    """One finding: a rule, a span, a message and optional evidence and fix."""

    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    code: str
    name: str
    severity: Severity
    message: str
    category: str = ""
    suggestion: str | None = None
    related: list[Related] = field(default_factory=list)
    fix: Fix | None = None
    text: str = ""
    record: int | None = None
    """The record's number in a file of several articles (JSONL: its line; Parquet: its row);
    ``line`` and ``column`` are then inside the record's text."""
    record_id: str | None = None
    """The record's identifier (its id or url field)."""
    in_file: tuple[int, int, int, int] | None = None
    """Line, column, end line and end column in the file itself, where they differ from the
    place in the record's text (a JSONL record: its physical line, escaped columns)."""
    story: str | None = None
    """The story (articles about one event, docs/stories.md) of the finding's article."""

    def sort_key(self) -> tuple[str, int, int, int, str]:
        return (self.path, self.record or 0, self.line, self.column, self.code)

    def file_position(self) -> tuple[int, int, int, int]:
        """Line, column, end line and end column in the file: what CI tools and editors open."""
        return self.in_file or (self.line, self.column, self.end_line, self.end_column)

    def record_note(self) -> str:
        """The record a finding is in, for messages: ``record id=a2, text 5:16`` ('' when the
        file is one article; no text position when the file has no lines, as Parquet)."""
        if self.record is None:
            return ""
        name = f"id={self.record_id}" if self.record_id is not None else f"#{self.record}"
        where = f", text {self.line}:{self.column}" if self.in_file is not None else ""
        return f"record {name}{where}"

    def to_json(self) -> dict[str, Any]:
        """The JSON form documented in the README."""
        line, column, end_line, end_column = self.file_position()
        data: dict[str, Any] = {
            "path": self.path,
            "line": line,
            "column": column,
            "end_line": end_line,
            "end_column": end_column,
            "code": self.code,
            "name": self.name,
            "severity": str(self.severity),
            "category": self.category,
            "message": self.message,
            "text": self.text,
        }
        if self.record is not None:
            data["record"] = self.record
            data["record_id"] = self.record_id
            data["in_record"] = {"line": self.line, "column": self.column,
                                 "end_line": self.end_line, "end_column": self.end_column}
        if self.story is not None:
            data["story"] = self.story
        if self.suggestion is not None:
            data["suggestion"] = self.suggestion
        if self.related:
            data["related"] = [
                {k: v for k, v in asdict(r).items() if v not in ("", None)} for r in self.related
            ]
        if self.fix is not None:
            data["fix"] = {
                "safe": self.fix.safe,
                "description": self.fix.description,
                "edits": [asdict(e) for e in self.fix.edits],
            }
        return data
