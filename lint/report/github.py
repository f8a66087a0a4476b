"""GitHub Actions workflow commands: one annotation line per diagnostic."""

from __future__ import annotations

from lint.diagnostic import Severity
from lint.result import RunResult

_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def _escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(value: str) -> str:
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")


def render_github(result: RunResult) -> str:
    lines = []
    for d in result.diagnostics:
        line, column, end_line, end_column = d.file_position()
        where = (f"line={line},col={column},endLine={end_line},endColumn={end_column},"
                 if d.record is None or d.in_file is not None else "")  # a Parquet row: the file
        props = (
            f"file={_escape_property(d.path)},{where}"
            f"title={_escape_property(f'{d.code} {d.name}')}"
        )
        message = d.message + (f" (suggestion: {d.suggestion})" if d.suggestion else "")
        if d.record is not None:
            message += f" [{d.record_note()}]"
        lines.append(f"::{_LEVEL[d.severity]} {props}::{_escape_data(message)}")
    return "\n".join(lines) + ("\n" if lines else "")
