"""``newslint report``'s format table: a run's reliability report rendered as HTML, JSON or
Markdown (the model is :mod:`lint.report.reliability`, the renderers are beside it)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from typing import Any

from lint.loader import load
from lint.report.html import render_html
from lint.report.markdown import render_markdown
from lint.report.reliability import GENERATOR, Key, build_report, render_report_json
from lint.result import RunResult


def is_report_file(path: str) -> bool:
    """True when ``path`` starts like a report newslint wrote (so it may be replaced)."""
    try:
        with open(path, encoding="utf-8", errors="replace") as handle:
            head = handle.read(4096)
    except OSError:
        return False
    return GENERATOR in head


def document_texts(
    keys: Mapping[Key, Any] | list[Key], encoding: str | None, max_size: int, fields: Any
) -> dict[Key, str]:
    """The normalized text of each document, reloaded (JSONL files are read once)."""
    by_path: dict[str, list[int | None]] = defaultdict(list)
    for path, record in keys:
        by_path[path].append(record)
    texts: dict[Key, str] = {}
    for path in by_path:
        for document in load(path, encoding, max_size, fields).documents:
            texts[(path, document.record)] = document.text
    return texts


REPORT_FORMATS = ("html", "json", "markdown")


def render_report(result: RunResult, config: Any, output_format: str) -> str:
    """Score ``result`` with ``config.scoring`` and render it as html, json or markdown."""
    report = build_report(result, config.scoring, config.jsonl_source_field)
    if output_format == "json":
        return render_report_json(report)
    if output_format == "markdown":
        return render_markdown(report)
    keys = [a.score.key for a in report.articles]
    texts = document_texts(keys, config.encoding, config.max_file_size, config.jsonl_fields)
    return render_html(report, texts)
