"""Counts shared by the reporters."""

from __future__ import annotations

from collections import Counter
from typing import Any

from lint.diagnostic import Diagnostic
from lint.fixes import wanted
from lint.formats import format_of
from lint.result import RunResult


def fixable(diagnostics: list[Diagnostic]) -> tuple[set[int], set[int]]:
    """The ids of the findings ``--fix`` would fix, and of those only ``--unsafe-fixes``
    would (fixes apply to plain-text and Markdown files only)."""
    safe: set[int] = set()
    unsafe: set[int] = set()
    for d in diagnostics:
        if wanted(d, True) is None or format_of(d.path) != "text":
            continue
        (safe if wanted(d, False) is not None else unsafe).add(id(d))
    return safe, unsafe


def fixable_counts(diagnostics: list[Diagnostic]) -> tuple[int, int]:
    safe, unsafe = fixable(diagnostics)
    return len(safe), len(unsafe)


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
        "fixable": dict(zip(("safe", "unsafe"), fixable_counts(result.diagnostics), strict=True)),
    }
