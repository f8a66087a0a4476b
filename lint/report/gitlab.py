"""GitLab Code Quality: the JSON array GitLab shows in merge requests (``artifacts: reports:
codequality``), with the fields its documentation requires: description, check_name, a unique
fingerprint, severity and location (path, lines)."""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from typing import Any

from lint.diagnostic import Diagnostic, Severity
from lint.result import RunResult

_SEVERITY = {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.INFO: "info"}


def _issue(d: Diagnostic, occurrence: int) -> dict[str, Any]:
    line, _, end_line, _ = d.file_position()
    # Stable across edits elsewhere in the file (no line number), unique within the report.
    key = f"{d.path}\0{d.code}\0{d.text or d.message}\0{occurrence}"
    description = f"{d.name}: {d.message}"
    if d.suggestion:
        description += f" (suggestion: {d.suggestion})"
    if d.record is not None:
        description += f" [{d.record_note()}]"
    return {
        "description": description,
        "check_name": d.code,
        "fingerprint": hashlib.md5(key.encode("utf-8"), usedforsecurity=False).hexdigest(),
        "severity": _SEVERITY[d.severity],
        "location": {"path": d.path, "lines": {"begin": line, "end": max(line, end_line)}},
    }


def render_gitlab(result: RunResult) -> str:
    seen: Counter[tuple[str, str, str]] = Counter()
    issues = []
    for d in result.diagnostics:
        key = (d.path, d.code, d.text or d.message)
        issues.append(_issue(d, seen[key]))
        seen[key] += 1
    return json.dumps(issues, ensure_ascii=False, indent=2) + "\n"
