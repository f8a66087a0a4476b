"""JSON output: ``{"version": 1, "diagnostics": [...], "summary": {...}}``."""

from __future__ import annotations

import json

from lint.engine import RunResult
from lint.report.summary import summary


def render_json(result: RunResult) -> str:
    payload = {
        "version": 1,
        "diagnostics": [d.to_json() for d in result.diagnostics],
        "summary": summary(result),
    }
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"
