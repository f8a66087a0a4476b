"""JSON Lines: one diagnostic per line, in the JSON format's diagnostic form (for streaming
into jq, a database or a log pipeline); no summary line."""

from __future__ import annotations

import json

from lint.result import RunResult


def render_jsonlines(result: RunResult) -> str:
    return "".join(
        json.dumps(d.to_json(), ensure_ascii=False) + "\n" for d in result.diagnostics
    )
