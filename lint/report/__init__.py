"""Output formats. Each reporter turns a run result into text."""

from collections.abc import Callable

from lint.report.github import render_github
from lint.report.gitlab import render_gitlab
from lint.report.json import render_json
from lint.report.jsonlines import render_jsonlines
from lint.report.junit import render_junit
from lint.report.rdjson import render_rdjson
from lint.report.sarif import render_sarif
from lint.report.text import render_statistics, render_text
from lint.result import RunResult
from lint.rules.base import RuleMeta

Renderer = Callable[[RunResult, list[RuleMeta]], str]

RENDERERS: dict[str, Renderer] = {
    "json": lambda result, metas: render_json(result),
    "jsonl": lambda result, metas: render_jsonlines(result),
    "sarif": render_sarif,
    "github": lambda result, metas: render_github(result),
    "junit": lambda result, metas: render_junit(result),
    "gitlab": lambda result, metas: render_gitlab(result),
    "rdjson": lambda result, metas: render_rdjson(result),
}
"""The machine-readable formats, by ``--format`` name (``text`` is rendered on a console)."""

FORMATS = ("text", *RENDERERS)

__all__ = [
    "FORMATS", "RENDERERS", "render_github", "render_json", "render_sarif", "render_statistics",
    "render_text",
]
