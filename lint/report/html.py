"""The self-contained HTML reliability report.

One file, no network requests: CSS and JS (lint/report/assets) are inlined, charts are inline
SVG. The page carries a small index (one row per article: label, outlet, score, verdicts,
finding count) and renders the ranked table one page at a time. Article texts, findings and
reasons are gzip-compressed JSON chunks of ``CHUNK_SIZE`` articles, base64 in script tags,
inflated by the browser (DecompressionStream) only when an article is opened, so a 10,000
article report opens as fast as a small one.
"""

from __future__ import annotations

import base64
import gzip
import json
from collections import Counter
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from html import escape
from importlib.resources import files
from typing import Any

from lint import __version__
from lint.report.reliability import GENERATOR, Article, Key, Report
from lint.score import (
    BOILERPLATE_VERDICT,
    CHROME_ROLE_NAMES,
    CLEAN_VERDICT,
    MT_VERDICT,
    REVIEW_VERDICT,
    VERDICTS,
    Scoring,
    family_of,
)

CHUNK_SIZE = 100
PAGE_SIZE = 50
FAMILY_ORDER = ("names", "translation", "transcription", "repetition", "boilerplate", "input",
                "internal", "other")
FAMILY_COLORS = {
    "boilerplate": "#8a94a3", "repetition": "#9b59b6", "transcription": "#e0a030",
    "names": "#d1495b", "translation": "#2e86ab", "input": "#6c7a89", "internal": "#34495e",
    "other": "#95a5a6",
}
SEVERITIES = ("info", "warning", "error")
VERDICT_CLASSES = {MT_VERDICT: "v-mt", BOILERPLATE_VERDICT: "v-bp", REVIEW_VERDICT: "v-review",
                   CLEAN_VERDICT: "v-clean"}
MAX_OUTLET_ROWS = 500


def _asset(name: str) -> str:
    return (files("lint.report") / "assets" / name).read_text(encoding="utf-8")


def _script_json(value: Any) -> str:
    """JSON that is safe inside a <script> element."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _score_class(score: float) -> str:
    return "bad" if score < 50 else "mid" if score < 85 else "good"


def family_chart(by_family: Mapping[str, int]) -> str:
    """Horizontal bars: findings per rule family (inline SVG)."""
    rows = [(f, by_family.get(f, 0)) for f in FAMILY_ORDER if by_family.get(f, 0)]
    if not rows:
        return '<p class="empty-note">No findings.</p>'
    top = max(n for _, n in rows)
    width, label_w, bar_h, gap = 360, 100, 22, 8
    height = len(rows) * (bar_h + gap)
    parts = [f'<svg role="img" aria-label="Findings by family" width="100%" '
             f'viewBox="0 0 {width} {height}" id="family-chart">']
    for row, (family, count) in enumerate(rows):
        y = row * (bar_h + gap)
        w = max(2.0, (width - label_w - 50) * count / top)
        parts.append(
            f'<text x="{label_w - 8}" y="{y + 15}" text-anchor="end">{escape(family)}</text>'
            f'<rect x="{label_w}" y="{y}" width="{w:.1f}" height="{bar_h}" rx="3" class="bar" '
            f'data-family="{escape(family)}" tabindex="0" role="button" '
            f'fill="{FAMILY_COLORS.get(family, "#999")}"><title>{escape(family)}: {count} '
            f'(click to show these articles)</title></rect>'
            f'<text x="{label_w + w + 6:.1f}" y="{y + 15}" class="muted">{count}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def score_chart(scores: Sequence[int]) -> str:
    """Columns: how many articles fall in each band of 10 score points (inline SVG)."""
    bins = [0] * 10
    for s in scores:
        bins[min(9, s // 10)] += 1
    top = max(bins) or 1
    width, height, base = 360, 150, 128
    col = width / 10
    parts = [f'<svg role="img" aria-label="Score distribution" width="100%" '
             f'viewBox="0 0 {width} {height}" id="score-chart">']
    for k, n in enumerate(bins):
        h = (base - 16) * n / top
        x = k * col
        color = {"bad": "#c0392b", "mid": "#d68910", "good": "#1e8449"}[_score_class(k * 10 + 5)]
        parts.append(
            f'<rect x="{x + 3:.1f}" y="{base - h:.1f}" width="{col - 6:.1f}" height="{h:.1f}" '
            f'rx="2" fill="{color}" class="bar" data-band="{k}" tabindex="0" role="button">'
            f'<title>score {k * 10}-{k * 10 + 9 if k < 9 else 100}: {n} (click to show these '
            f'articles)</title></rect>'
        )
        if n:
            parts.append(f'<text x="{x + col / 2:.1f}" y="{base - h - 4:.1f}" '
                         f'text-anchor="middle" class="muted">{n}</text>')
        parts.append(f'<text x="{x + col / 2:.1f}" y="{base + 16}" text-anchor="middle" '
                     f'class="muted">{k * 10}</text>')
    parts.append("</svg>")
    return "".join(parts)


def _outlet_table(report: Report) -> str:
    rows = []
    for o in report.outlets[:MAX_OUTLET_ROWS]:
        verdicts = " ".join(
            f'<span class="chip {VERDICT_CLASSES[v]}">{escape(v)} {o.verdicts[v]}</span>'
            for v in VERDICTS if o.verdicts.get(v)
        )
        rows.append(
            f'<tr class="outlet" data-outlet="{escape(o.outlet)}" tabindex="0" '
            f'title="Show the articles of {escape(o.outlet)}"><td>{escape(o.outlet)}</td>'
            f"<td class=num>{o.articles}</td>"
            f'<td class=num><span class="score {_score_class(o.mean_score)}">{o.mean_score:.0f}'
            f"</span></td><td class=num>{o.min_score}</td><td>{verdicts}</td></tr>"
        )
    more = len(report.outlets) - MAX_OUTLET_ROWS
    note = f'<p class="empty-note">… and {more} more outlets (see --format json).</p>' if more > 0 else ""
    return (
        '<div class="outlets"><table id="outlets" class="sortable"><thead><tr>'
        '<th data-sort="text">Outlet</th><th class=num data-sort="num">Articles</th>'
        '<th class=num data-sort="num">Mean</th><th class=num data-sort="num">Min</th>'
        "<th>Verdicts</th></tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table>{note}</div>"
    )


def _article_payload(
    article: Article, text: str, position: Mapping[Key, int], families: list[str]
) -> dict[str, Any]:
    findings = []
    for d in article.diagnostics:
        family = family_of(d.code)
        related = [
            [position.get((r.path, r.record), -1), r.line,
             r.path if r.record is None else f"{r.path}:{r.record}", r.message]
            for r in d.related
        ]
        findings.append([
            d.line, d.column, d.end_line, d.end_column, d.code, d.name,
            SEVERITIES.index(str(d.severity)), families.index(family), d.message,
            d.suggestion or "", related,
        ])
    chrome = [n for n, role in enumerate(article.roles, start=1)
              if role in CHROME_ROLE_NAMES]
    story = {}
    if article.story:
        story = {"s": article.story,
                 "sib": [[position.get(doc, -1), doc[0] if doc[1] is None else f"{doc[0]}:{doc[1]}"]
                         for doc in article.siblings]}
    return {"t": text, "c": chrome, "f": findings, "r": article.score.reasons, **story}


def _rules(report: Report) -> list[tuple[str, str, int, int]]:
    """(code, name, family index, findings) of every rule with findings, by code."""
    counts: Counter[tuple[str, str]] = Counter(
        (d.code, d.name) for a in report.articles for d in a.diagnostics)
    return [(code, name, FAMILY_ORDER.index(family_of(code)), n)
            for (code, name), n in sorted(counts.items())]


def score_in_words(scoring: Scoring) -> str:
    """How an article's score comes about, without the formula (that is in docs/report.md)."""
    heavy = sorted((f for f, w in scoring.family_weights.items() if w), key=lambda f: -scoring.family_weights[f])
    return (
        "<p><b>What the score means.</b> Every article starts at 100 and loses points for each "
        f"finding. Findings cost most in the families that damage trust most ({escape(', '.join(heavy[:2]))}), "
        f"least in {escape(heavy[-1] if heavy else 'boilerplate')}; an error costs more than a warning, and "
        "a hint (info) little. The same problem repeated in one article costs less each time, so "
        "one systemic slip does not outweigh many different problems. Several different signs "
        "of machine translation together cost extra. A long article absorbs a finding better "
        "than a short one, but not in proportion. The score falls steeply with the first points "
        f"lost, then flattens: it never reaches 0. {scoring.clean_score:g} or more and no other "
        "verdict means <i>clean</i>; below that, <i>needs review</i>; each article lists the "
        "reasons and the rules that cost it the most. The exact weights are in docs/report.md "
        "and in the config's [tool.newslint.scoring].</p>"
    )


def _chunk(payload: list[dict[str, Any]]) -> str:
    raw = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return base64.b64encode(gzip.compress(raw, compresslevel=6, mtime=0)).decode("ascii")


def render_html(
    report: Report,
    texts: Mapping[Key, str],
    *,
    title: str = "newslint reliability report",
    page_size: int = PAGE_SIZE,
    chunk_size: int = CHUNK_SIZE,
) -> str:
    """The whole report as one HTML document."""
    families = list(FAMILY_ORDER)
    verdicts = list(VERDICTS)
    position = {a.score.key: i for i, a in enumerate(report.articles)}
    rules = _rules(report)
    rule_number = {code: n for n, (code, _, _, _) in enumerate(rules)}
    index = {
        "articles": [
            [a.score.label, a.score.outlet, a.score.score,
             [verdicts.index(v) for v in a.score.verdicts], a.score.findings,
             sorted({rule_number[d.code] for d in a.diagnostics})]
            for a in report.articles
        ],
        "rules": rules,
        "verdicts": verdicts,
        "verdict_classes": [VERDICT_CLASSES[v] for v in verdicts],
        "families": families,
        "severities": list(SEVERITIES),
        "chunk": chunk_size,
        "page": page_size,
    }
    chunk_tags = []
    for number, start in enumerate(range(0, len(report.articles), chunk_size)):
        payload = [
            _article_payload(a, texts.get(a.score.key, ""), position, families)
            for a in report.articles[start : start + chunk_size]
        ]
        chunk_tags.append(
            f'<script type="application/octet-stream" id="nl-chunk-{number}">{_chunk(payload)}</script>'
        )
    s = report.summary
    mean = "–" if s["mean_score"] is None else f'{s["mean_score"]:.0f}'
    cards = [
        (str(s["articles"]), "articles"), (str(s["outlets"]), "outlets"),
        (str(s["findings"]), "findings"), (mean, "mean score"),
    ]
    cards_html = "".join(
        f'<div class="card stat"><div class="n">{escape(n)}</div><div class="l">{escape(label)}</div></div>'
        for n, label in cards
    )
    verdict_card = "".join(
        f'<div><span class="chip {VERDICT_CLASSES[v]}">{escape(v)}</span> <b>{s["verdicts"][v]}</b></div>'
        for v in verdicts
    )
    legend = "".join(
        f'<span><i class="sw" style="background:{FAMILY_COLORS[f]}"></i>{f}</span>'
        for f in FAMILY_ORDER[:5]
    )
    generated = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="generator" content="{GENERATOR} {escape(__version__)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<title>{escape(title)}</title>
<style>{_asset("report.css")}</style>
</head>
<body>
<header><h1>{escape(title)}</h1>
<div class="sub">{s["documents"]} documents in {s["files"]} files · {s["findings"]} findings · generated {generated} by newslint {escape(__version__)}</div></header>
<main>
<section class="cards" id="summary">{cards_html}<div class="card">{verdict_card}</div></section>
<section class="grid">
<div class="card"><h2>Findings by family</h2>{family_chart(report.by_family)}<div class="legend">{legend}</div></div>
<div class="card"><h2>Score distribution</h2>{score_chart([a.score.score for a in report.articles])}</div>
<div class="card"><h2>Outlets, least reliable first</h2>{_outlet_table(report)}</div>
</section>
<section class="card">
<h2>Articles ranked by score (least reliable first)</h2>
<div class="toolbar"><input id="search" type="search" placeholder="Filter by path or outlet" aria-label="Filter">
<select id="verdict" aria-label="Verdict"><option value="-1">All verdicts</option></select>
<select id="family" aria-label="Rule family"><option value="-1">All families</option></select>
<select id="rule" aria-label="Rule"><option value="-1">All rules</option></select>
<button id="export" type="button" title="The findings of the articles shown (all pages), as CSV">Export CSV</button></div>
<div class="toolbar" id="filters-bar"><span id="active-filters"></span>
<button id="prev" type="button">‹ Prev</button><span id="page-label"></span><button id="next" type="button">Next ›</button>
<span class="count" id="page-info"></span></div>
<table id="articles"><thead><tr><th class=num data-key="rank" aria-sort="ascending"><button type="button">#</button></th><th data-key="score"><button type="button">Score</button></th><th data-key="verdict"><button type="button">Verdict</button></th><th data-key="article"><button type="button">Article</button></th><th data-key="outlet"><button type="button">Outlet</button></th><th class=num data-key="findings"><button type="button">Findings</button></th></tr></thead><tbody></tbody></table>
<p class="legend">Click a row to read the article with its findings highlighted (grey italic lines are page chrome); its address then links to it. Click a column to sort, an outlet or a chart bar to filter.</p>
</section>
<footer id="score-words">{score_in_words(report.scoring)}</footer>
</main>
<script type="application/json" id="nl-index">{_script_json(index)}</script>
{"".join(chunk_tags)}
<script>{_asset("report.js")}</script>
</body>
</html>
"""
