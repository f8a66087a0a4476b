"""GitHub Actions workflow commands: one annotation line per diagnostic."""

from __future__ import annotations

from lint.diagnostic import Severity
from lint.engine import RunResult

_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def _escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(value: str) -> str:
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")


def render_github(result: RunResult) -> str:
    lines = []
    for d in result.diagnostics:
        props = (
            f"file={_escape_property(d.path)},line={d.line},col={d.column},"
            f"endLine={d.end_line},endColumn={d.end_column},"
            f"title={_escape_property(f'{d.code} {d.name}')}"
        )
        message = d.message + (f" (suggestion: {d.suggestion})" if d.suggestion else "")
        lines.append(f"::{_LEVEL[d.severity]} {props}::{_escape_data(message)}")
    return "\n".join(lines) + ("\n" if lines else "")
