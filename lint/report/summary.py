"""Counts shared by the reporters."""

from __future__ import annotations

from collections import Counter
from typing import Any

from lint.engine import RunResult


def summary(result: RunResult) -> dict[str, Any]:
    by_severity = Counter(str(d.severity) for d in result.diagnostics)
    by_code = Counter(d.code for d in result.diagnostics)
    return {
        "files": result.files,
        "documents": result.documents,
        "diagnostics": len(result.diagnostics),
        "by_severity": {s: by_severity.get(s, 0) for s in ("error", "warning", "info")},
        "by_code": dict(sorted(by_code.items())),
        "files_with_findings": len({d.path for d in result.diagnostics}),
        "input_errors": result.input_errors,
        "internal_errors": result.internal_errors,
        "missing_paths": result.missing,
    }
