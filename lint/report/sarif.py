"""SARIF 2.1.0 output that GitHub code scanning accepts."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any
from urllib.parse import quote

from lint import __version__
from lint.diagnostic import Diagnostic, Related, Severity
from lint.formats import format_of
from lint.result import RunResult
from lint.rules.base import RuleMeta

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def _uri(path: str) -> str:
    """A URI reference GitHub code scanning can map: relative to the working folder when the
    file is under it, else an absolute ``file://`` URI (never a bare absolute path)."""
    candidate = Path(path)
    if not candidate.is_absolute():
        return quote(os.fsencode(candidate.as_posix()))  # bytes: a name that is not UTF-8 too
    resolved = candidate.resolve()
    try:
        return quote(os.fsencode(resolved.relative_to(Path.cwd().resolve()).as_posix()))
    except ValueError:
        return resolved.as_uri()


def _rule(meta: RuleMeta) -> dict[str, Any]:
    return {
        "id": meta.code,
        "name": meta.name,
        "shortDescription": {"text": meta.summary},
        "fullDescription": {"text": meta.what},
        "help": {"text": meta.doc(), "markdown": meta.doc()},
        "defaultConfiguration": {"level": _LEVEL[meta.severity]},
        "properties": {"category": meta.category, "family": meta.family},
    }


def _physical(d: Diagnostic) -> dict[str, Any]:
    """The file and region of a finding; a row of a Parquet or Arrow file has no region."""
    location: dict[str, Any] = {"artifactLocation": {"uri": _uri(d.path)}}
    if d.record is None or d.in_file is not None:
        line, column, end_line, end_column = d.file_position()
        location["region"] = {
            "startLine": line, "startColumn": column, "endLine": end_line,
            "endColumn": max(end_column, 1),
        }
    return location


def _related_physical(r: Related) -> dict[str, Any]:
    """Evidence elsewhere: its line; a JSONL record's own line; a Parquet row's file."""
    location: dict[str, Any] = {"artifactLocation": {"uri": _uri(r.path)}}
    if r.record is None:
        location["region"] = {"startLine": r.line, "startColumn": max(r.column, 1)}
    elif format_of(r.path) == "jsonl":
        location["region"] = {"startLine": r.record, "startColumn": 1}
    return location


def _result(d: Diagnostic, rule_index: dict[str, int]) -> dict[str, Any]:
    message = d.message + (f" (suggestion: {d.suggestion})" if d.suggestion else "")
    if d.record is not None:
        message += f" [{d.record_note()}]"
    location: dict[str, Any] = {"physicalLocation": _physical(d)}
    if d.record is not None:
        location["logicalLocations"] = [
            {"name": d.record_id or str(d.record), "kind": "object",
             "fullyQualifiedName": f"{d.path}:record {d.record}"}
        ]
    result: dict[str, Any] = {
        "ruleId": d.code,
        "level": _LEVEL[d.severity],
        "message": {"text": message},
        "locations": [location],
        "partialFingerprints": {"newslint/v1": f"{d.code}:{d.text}"},
    }
    if d.record is not None:
        result["properties"] = {
            "record": d.record, "recordId": d.record_id,
            "inRecord": {"line": d.line, "column": d.column, "endLine": d.end_line,
                         "endColumn": d.end_column},
        }
    if d.code in rule_index:
        result["ruleIndex"] = rule_index[d.code]
    if d.related:
        result["relatedLocations"] = [
            {
                "id": i,
                "message": {"text": r.message or "evidence"},
                "physicalLocation": _related_physical(r),
            }
            for i, r in enumerate(d.related, start=1)
        ]
    return result


def render_sarif(result: RunResult, metas: list[RuleMeta]) -> str:
    used = sorted({d.code for d in result.diagnostics})
    by_code = {m.code: m for m in metas}
    rules = [by_code[c] for c in used if c in by_code]
    rule_index = {m.code: i for i, m in enumerate(rules)}
    log = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "newslint",
                        "version": __version__,
                        "informationUri": "https://pypi.org/project/newslint/",
                        "rules": [_rule(m) for m in rules],
                    }
                },
                "results": [_result(d, rule_index) for d in result.diagnostics],
                "columnKind": "unicodeCodePoints",
            }
        ],
    }
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"
