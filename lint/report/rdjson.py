"""reviewdog's Diagnostic Format (rdjson), for ``reviewdog -f=rdjson``: code review comments on
the changed lines of a pull request. Columns are UTF-8 byte counts, as the format asks."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from lint.diagnostic import Diagnostic
from lint.formats import format_of
from lint.result import RunResult

SOURCE = {"name": "newslint", "url": "https://pypi.org/project/newslint/"}
_SEVERITY = {3: "ERROR", 2: "WARNING", 1: "INFO"}


def _file_lines(path: str) -> list[str] | None:
    """The lines of a plain-text, Markdown or JSONL file as decoded, for byte columns (None
    for HTML, whose findings are on the extracted text, and for unreadable files)."""
    if format_of(path) not in ("text", "jsonl"):
        return None
    from lint.loader import decode

    try:
        with open(path, "rb") as handle:
            decoded = decode(path, handle.read(), None)
    except OSError:
        return None
    if isinstance(decoded, Diagnostic):
        return None
    return decoded[0].replace("\r\n", "\n").replace("\r", "\n").split("\n")


def _byte_column(lines: list[str] | None, line: int, column: int) -> int:
    if lines is None or not 1 <= line <= len(lines):
        return column
    return len(lines[line - 1][: column - 1].encode("utf-8")) + 1


def _diagnostic(d: Diagnostic, lines: Callable[[str], list[str] | None]) -> dict[str, Any]:
    message = d.message + (f" (suggestion: {d.suggestion})" if d.suggestion else "")
    if d.record is not None:
        message += f" [{d.record_note()}]"
    out: dict[str, Any] = {
        "message": message,
        "location": {"path": d.path},
        "severity": _SEVERITY[int(d.severity)],
        "source": SOURCE,
        "code": {"value": d.code},
    }
    if d.record is None or d.in_file is not None:  # a Parquet row has no lines
        line, column, end_line, end_column = d.file_position()
        source = lines(d.path)
        out["location"]["range"] = {
            "start": {"line": line, "column": _byte_column(source, line, column)},
            "end": {"line": end_line, "column": _byte_column(source, end_line, end_column)},
        }
    return out


def render_rdjson(result: RunResult) -> str:
    memo: dict[str, list[str] | None] = {}

    def lines(path: str) -> list[str] | None:
        if path not in memo:
            memo[path] = _file_lines(path)
        return memo[path]

    payload = {
        "source": SOURCE,
        "diagnostics": [_diagnostic(d, lines) for d in result.diagnostics],
    }
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"
