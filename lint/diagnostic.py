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

    def sort_key(self) -> tuple[str, int, int, int, str]:
        return (self.path, self.record or 0, self.line, self.column, self.code)

    def to_json(self) -> dict[str, Any]:
        """The JSON form documented in the README."""
        data: dict[str, Any] = {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "code": self.code,
            "name": self.name,
            "severity": str(self.severity),
            "category": self.category,
            "message": self.message,
            "text": self.text,
        }
        if self.record is not None:
            data["record"] = self.record
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
