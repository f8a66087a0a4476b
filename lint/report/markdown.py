"""The reliability report as Markdown: summary, outlets and the ranked articles."""

from __future__ import annotations

from lint.report.reliability import GENERATOR, Report
from lint.score import VERDICTS

MAX_ROWS = 1000


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def render_markdown(report: Report, max_rows: int = MAX_ROWS) -> str:
    """GitHub-flavoured Markdown; the article table stops after ``max_rows`` rows."""
    s = report.summary
    mean = "–" if s["mean_score"] is None else f"{s['mean_score']:.0f}"
    out = [
        f"<!-- generator: {GENERATOR} -->",
        "# newslint reliability report",
        "",
        f"{s['articles']} articles from {s['outlets']} outlet{'s' if s['outlets'] != 1 else ''}, {s['findings']} findings, "
        f"mean score {mean}.",
        "",
        "| Verdict | Articles |",
        "| --- | ---: |",
        *(f"| {v} | {s['verdicts'][v]} |" for v in VERDICTS),
        "",
        "## Findings by family",
        "",
        "| Family | Findings |",
        "| --- | ---: |",
        *(f"| {family} | {count} |" for family, count in report.by_family.items()),
        "",
        "## Outlets (least reliable first)",
        "",
        "| Outlet | Articles | Mean score | Min score | Verdicts |",
        "| --- | ---: | ---: | ---: | --- |",
    ]
    for o in report.outlets:
        verdicts = ", ".join(f"{v} {o.verdicts[v]}" for v in VERDICTS if o.verdicts.get(v))
        out.append(f"| {_cell(o.outlet or '(unknown)')} | {o.articles} | {o.mean_score:.0f} | "
                   f"{o.min_score} | {verdicts} |")
    out += [
        "",
        "## Articles (least reliable first)",
        "",
        "| # | Score | Verdict | Article | Outlet | Findings | Reasons |",
        "| ---: | ---: | --- | --- | --- | ---: | --- |",
    ]
    for rank, a in enumerate(report.articles[:max_rows], start=1):
        sc = a.score
        out.append(
            f"| {rank} | {sc.score} | {', '.join(sc.verdicts)} | `{_cell(sc.label)}` | "
            f"{_cell(sc.outlet)} | {sc.findings} | {_cell('; '.join(sc.reasons))} |"
        )
    hidden = len(report.articles) - max_rows
    if hidden > 0:
        out += ["", f"… and {hidden} more articles (use --format json or --html for all)."]
    return "\n".join(out) + "\n"
