"""The reliability report's data: articles ranked by score, outlets, corpus summary.

Shared by the three renderings of ``newslint report`` (HTML, JSON, Markdown).
"""

from __future__ import annotations

import json
import statistics
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

from lint import __version__
from lint.diagnostic import Diagnostic
from lint.result import RunResult
from lint.score import (
    VERDICTS,
    ArticleScore,
    OutletScore,
    Scoring,
    aggregate_outlets,
    family_of,
    find_outlets,
    score_result,
)

GENERATOR = "newslint report"
"""Written into every report; ``newslint report`` overwrites only files that carry it."""

Key = tuple[str, int | None]


@dataclass
class Article:
    """One ranked document: its score, findings and line roles."""

    score: ArticleScore
    diagnostics: list[Diagnostic]
    roles: list[str]
    story: str | None = None
    """The story (articles about one event) the article belongs to, if any."""
    siblings: list[Key] = field(default_factory=list)
    """The story's other articles."""


@dataclass
class Report:
    """Everything the renderings show."""

    articles: list[Article]
    outlets: list[OutletScore]
    summary: dict[str, Any]
    by_family: dict[str, int]
    scoring: Scoring
    other_findings: list[Diagnostic] = field(default_factory=list)


def build_report(result: RunResult, scoring: Scoring, source_field: str = "source") -> Report:
    """Score every document of ``result`` and gather what the report shows."""
    outlets = find_outlets(result.roles, source_field)
    scores = score_result(result.diagnostics, result.roles, scoring, outlets)
    grouped: dict[Key, list[Diagnostic]] = defaultdict(list)
    for d in result.diagnostics:
        grouped[(d.path, d.record)].append(d)
    story_of = {doc: story for story, docs in result.stories.items() for doc in docs}
    articles = [
        Article(s, grouped.pop(s.key, []), list(result.roles.get(s.key, [])), story_of.get(s.key),
                [doc for doc in result.stories.get(story_of.get(s.key, ""), []) if doc != s.key])
        for s in scores
    ]
    other = [d for ds in grouped.values() for d in ds]  # input problems: files, not articles
    by_family = Counter(family_of(d.code) for d in result.diagnostics)
    verdicts = Counter(v for s in scores for v in s.verdicts)
    values = [s.score for s in scores]
    summary = {
        "files": result.files,
        "documents": result.documents,
        "articles": len(scores),
        "outlets": len(aggregate_outlets(scores)) if scores else 0,
        "findings": len(result.diagnostics),
        "mean_score": round(statistics.fmean(values), 1) if values else None,
        "median_score": statistics.median(values) if values else None,
        "verdicts": {v: verdicts.get(v, 0) for v in VERDICTS},
        "by_severity": dict(Counter(str(d.severity) for d in result.diagnostics)),
        "input_problems": len(other),
        "missing_paths": list(result.missing),
        "stories": len(result.stories),
    }
    return Report(articles, aggregate_outlets(scores), summary,
                  dict(sorted(by_family.items(), key=lambda kv: -kv[1])), scoring, other)


def scoring_table(scoring: Scoring) -> dict[str, Any]:
    """The weights and thresholds used, for the record."""
    return {
        "family_weights": scoring.family_weights,
        "severity_weights": scoring.severity_weights,
        "mt_signal_weight": scoring.mt_signal_weight,
        "mt_min_signals": scoring.mt_min_signals,
        "mt_min_severity": scoring.mt_min_severity,
        "boilerplate_share": scoring.boilerplate_share,
        "clean_score": scoring.clean_score,
        "scale": scoring.scale,
        "reference_lines": scoring.reference_lines,
        "min_lines": scoring.min_lines,
    }


def render_report_json(report: Report) -> str:
    """``{"generator": "newslint report", "version": 1, "summary", "outlets", "articles"}``."""
    payload = {
        "generator": GENERATOR,
        "version": 1,
        "newslint": __version__,
        "summary": report.summary,
        "by_family": report.by_family,
        "scoring": scoring_table(report.scoring),
        "outlets": [o.to_json() for o in report.outlets],
        "articles": [
            {"rank": rank, **a.score.to_json(),
             **({"story": a.story} if a.story else {}),
             "diagnostics": [d.to_json() for d in a.diagnostics]}
            for rank, a in enumerate(report.articles, start=1)
        ],
    }
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"
