"""Output formats. Each reporter turns a run result into text."""

from lint.report.github import render_github
from lint.report.json import render_json
from lint.report.sarif import render_sarif
from lint.report.text import render_statistics, render_text

FORMATS = ("text", "json", "sarif", "github")

__all__ = ["FORMATS", "render_github", "render_json", "render_sarif", "render_statistics", "render_text"]
