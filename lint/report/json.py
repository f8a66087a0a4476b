"""JSON output: ``{"version": 1, "diagnostics": [...], "summary": {...}}``."""

from __future__ import annotations

import json

from lint.report.summary import summary
from lint.result import RunResult


def render_json(result: RunResult) -> str:
    payload: dict[str, object] = {
        "version": 1,
        "diagnostics": [d.to_json() for d in result.diagnostics],
        "summary": summary(result),
    }
    if result.stories:
        payload["stories"] = {
            story: [{"path": path, **({"record": record} if record is not None else {})}
                    for path, record in documents]
            for story, documents in result.stories.items()
        }
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"
