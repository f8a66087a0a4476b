"""Source reliability: a 0-100 score and verdicts per article, and aggregates per outlet.

Every weight and threshold is here, in :class:`Scoring`, and can be changed in the
``[tool.newslint.scoring]`` config table (keys are the field names in kebab-case).

How an article is scored:

1. Each finding costs ``family_weights[family] * severity_weights[severity]`` points. The k-th
   finding of the same rule in the same article costs 1/k of that (one systemic problem, such
   as no-break spaces on every line, must not drown out many different problems).
2. Each distinct machine-translation signal type beyond the first adds ``mt_signal_weight``
   points: independent MT artifacts corroborate each other.
3. The sum is normalized by length: divided by ``sqrt(prose_lines / reference_lines)`` where
   prose lines are the non-blank lines that are not page chrome (at least ``min_lines``).
4. ``score = 100 * exp(-normalized / scale)``, rounded: 100 is spotless, 37 is ``scale`` points.

Verdicts: "likely machine-translated" when at least ``mt_min_signals`` distinct MT signal types
occur in findings of severity ``mt_min_severity`` or above (info findings are hints: a quote that
differs between two outlets is evidence against one of them, not both); "boilerplate-heavy" when at least ``boilerplate_share`` of the non-blank lines are chrome
(a chrome line role, or a line a boilerplate rule flagged); "clean" when neither holds and the
score is at least ``clean_score``; otherwise "needs review".
"""

from __future__ import annotations

import json
import math
import os
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, fields, replace
from typing import Any

from lint.diagnostic import Diagnostic, Severity

FAMILY_WEIGHTS: dict[str, float] = {
    "input": 0.0,  # unreadable input is reported, not scored
    "boilerplate": 1.0,  # stale page chrome: untidy, rarely misleading
    "repetition": 2.0,
    "transcription": 3.0,
    "names": 8.0,  # a corrupted name misinforms
    "translation": 6.0,  # meaning changed in translation
    "internal": 0.0,
    "other": 2.0,
}
SEVERITY_WEIGHTS: dict[str, float] = {"error": 2.0, "warning": 1.0, "info": 0.25}

MT_SIGNALS: dict[str, tuple[str, ...]] = {
    "name corruption": ("NL4",),
    "altered quote": ("NL501",),
    "wrong institution": ("NL502",),
    "mistranslated verb or collocation": ("NL503", "NL504"),
    "locale slip": ("NL505",),
    "doubled word": ("NL301",),
    "detokenizer spacing": ("NL302",),
}
"""Machine-translation signal types and the rule codes (or prefixes) that evidence them."""

MT_VERDICT = "likely machine-translated"
BOILERPLATE_VERDICT = "boilerplate-heavy"
CLEAN_VERDICT = "clean"
REVIEW_VERDICT = "needs review"
VERDICTS = (MT_VERDICT, BOILERPLATE_VERDICT, REVIEW_VERDICT, CLEAN_VERDICT)

CHROME_ROLE_NAMES = frozenset({"caption", "promo", "widget", "link-list", "bio", "metadata"})
FAMILIES = {"0": "input", "1": "boilerplate", "2": "repetition", "3": "transcription",
            "4": "names", "5": "translation", "9": "internal"}


def family_of(code: str) -> str:
    """The rule family of a code, from its hundreds digit (as RuleMeta.family)."""
    return FAMILIES.get(code[2:3], "other")


@dataclass(frozen=True)
class Scoring:
    """Weights and thresholds of the score (defaults documented in docs/report.md)."""

    family_weights: dict[str, float] = field(default_factory=lambda: dict(FAMILY_WEIGHTS))
    severity_weights: dict[str, float] = field(default_factory=lambda: dict(SEVERITY_WEIGHTS))
    mt_signal_weight: float = 6.0
    mt_min_signals: int = 2
    mt_min_severity: str = "warning"
    boilerplate_share: float = 0.35
    clean_score: float = 85.0
    scale: float = 30.0
    reference_lines: int = 20
    min_lines: int = 5

    @classmethod
    def from_table(cls, table: Mapping[str, Any]) -> Scoring:
        """Defaults overridden by a ``[tool.newslint.scoring]`` table; ValueError if invalid."""
        known = {f.name.replace("_", "-"): f.name for f in fields(cls)}
        values: dict[str, Any] = {}
        for raw_key, value in table.items():
            key = raw_key.replace("_", "-")
            if key not in known:
                raise ValueError(f"unknown key {raw_key!r} (expected one of {', '.join(known)})")
            name = known[key]
            if name in ("family_weights", "severity_weights"):
                values[name] = _weights(raw_key, value, getattr(cls(), name))
            elif name == "mt_min_severity":
                if value not in ("info", "warning", "error"):
                    raise ValueError(f"key {raw_key!r}: expected info, warning or error")
                values[name] = value
            elif name in ("mt_min_signals", "reference_lines", "min_lines"):
                if isinstance(value, bool) or not isinstance(value, int) or value < 1:
                    raise ValueError(f"key {raw_key!r}: expected a positive integer")
                values[name] = value
            else:
                values[name] = _number(raw_key, value)
        scoring = replace(cls(), **values)
        if not 0 < scoring.boilerplate_share <= 1:
            raise ValueError("key 'boilerplate-share': expected a fraction between 0 and 1")
        if scoring.scale <= 0 or not 0 <= scoring.clean_score <= 100:
            raise ValueError("'scale' must be positive and 'clean-score' between 0 and 100")
        return scoring


def _number(key: str, value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
        raise ValueError(f"key {key!r}: expected a non-negative number")
    return float(value)


def _weights(key: str, value: Any, defaults: dict[str, float]) -> dict[str, float]:
    if not isinstance(value, dict):
        raise ValueError(f"key {key!r}: expected a table of name = weight")
    unknown = set(value) - set(defaults)
    if unknown:
        raise ValueError(f"key {key!r}: unknown name {sorted(unknown)[0]!r} "
                         f"(expected {', '.join(defaults)})")
    return {**defaults, **{k: _number(f"{key}.{k}", v) for k, v in value.items()}}


@dataclass
class ArticleScore:
    """One document's score, verdicts and the reasons for them."""

    path: str
    record: int | None
    outlet: str
    score: int
    verdicts: list[str]
    reasons: list[str]
    penalty: float
    findings: int
    by_family: dict[str, int]
    mt_signals: list[str]
    chrome_lines: int
    nonblank_lines: int

    @property
    def key(self) -> tuple[str, int | None]:
        return (self.path, self.record)

    @property
    def label(self) -> str:
        return self.path if self.record is None else f"{self.path}:{self.record}"

    @property
    def chrome_share(self) -> float:
        return self.chrome_lines / self.nonblank_lines if self.nonblank_lines else 0.0

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "path": self.path, "outlet": self.outlet, "score": self.score,
            "verdicts": self.verdicts, "reasons": self.reasons,
            "penalty": round(self.penalty, 2), "findings": self.findings,
            "by_family": self.by_family, "mt_signals": self.mt_signals,
            "chrome_share": round(self.chrome_share, 3),
        }
        if self.record is not None:
            data["record"] = self.record
        return data


@dataclass
class OutletScore:
    """The articles of one outlet, summarized."""

    outlet: str
    articles: int
    mean_score: float
    min_score: int
    verdicts: dict[str, int]
    findings: int

    def to_json(self) -> dict[str, Any]:
        return {"outlet": self.outlet, "articles": self.articles,
                "mean_score": round(self.mean_score, 1), "min_score": self.min_score,
                "verdicts": self.verdicts, "findings": self.findings}


def mt_signals(codes: Iterable[str]) -> list[str]:
    """The distinct machine-translation signal types among ``codes``, in MT_SIGNALS order."""
    present = set(codes)
    return [name for name, prefixes in MT_SIGNALS.items()
            if any(code.startswith(p) for code in present for p in prefixes)]


def _flagged_lines(diagnostics: Sequence[Diagnostic]) -> set[int]:
    lines: set[int] = set()
    for d in diagnostics:
        if family_of(d.code) == "boilerplate":
            lines.update(range(d.line, max(d.line, d.end_line) + 1))
    return lines


def _verdicts(
    scoring: Scoring, signals: Sequence[str], score: int, chrome: int, nonblank: int
) -> tuple[list[str], list[str]]:
    """The article's verdicts and the reasons for them."""
    share = chrome / nonblank if nonblank else 0.0
    verdicts: list[str] = []
    reasons: list[str] = []
    if len(signals) >= scoring.mt_min_signals:
        verdicts.append(MT_VERDICT)
        reasons.append(f"{len(signals)} machine-translation signal types: {', '.join(signals)}")
    if nonblank and share >= scoring.boilerplate_share:
        verdicts.append(BOILERPLATE_VERDICT)
        reasons.append(f"{share:.0%} of the lines are page chrome ({chrome} of {nonblank})")
    if not verdicts:
        verdicts.append(CLEAN_VERDICT if score >= scoring.clean_score else REVIEW_VERDICT)
    return verdicts, reasons


def _largest_penalties(contributions: Mapping[str, float], diagnostics: Sequence[Diagnostic]) -> str:
    """The three codes that cost the most, as a reason ("" when nothing cost anything)."""
    top = sorted(contributions.items(), key=lambda kv: (-kv[1], kv[0]))[:3]
    if not (top and top[0][1] > 0):
        return ""
    counts = Counter(d.code for d in diagnostics)
    names = {d.code: d.name for d in diagnostics}
    parts = [f"{code} {names[code]}" + (f" ×{counts[code]}" if counts[code] > 1 else "")
             for code, c in top if c > 0]
    return "largest penalties: " + ", ".join(parts)


def score_article(
    path: str,
    record: int | None,
    diagnostics: Sequence[Diagnostic],
    roles: Sequence[str],
    scoring: Scoring,
    outlet: str = "",
) -> ArticleScore:
    """Score one document from its diagnostics and line roles."""
    by_code: dict[str, list[float]] = defaultdict(list)
    for d in diagnostics:
        weight = scoring.family_weights.get(family_of(d.code), 0.0)
        by_code[d.code].append(weight * scoring.severity_weights.get(str(d.severity), 1.0))
    contributions = {
        code: sum(w / k for k, w in enumerate(sorted(ws, reverse=True), start=1))
        for code, ws in by_code.items()
    }
    floor = Severity.parse(scoring.mt_min_severity)
    signals = mt_signals(d.code for d in diagnostics if d.severity >= floor)
    penalty = sum(contributions.values()) + scoring.mt_signal_weight * max(0, len(signals) - 1)
    nonblank = [i for i, role in enumerate(roles, start=1) if role != "blank"]
    flagged = _flagged_lines(diagnostics)
    chrome = sum(1 for i in nonblank if roles[i - 1] in CHROME_ROLE_NAMES or i in flagged)
    prose = max(len(nonblank) - chrome, scoring.min_lines)
    normalized = penalty / math.sqrt(prose / scoring.reference_lines)
    score = round(100 * math.exp(-normalized / scoring.scale))
    verdicts, reasons = _verdicts(scoring, signals, score, chrome, len(nonblank))
    penalties = _largest_penalties(contributions, diagnostics)
    if penalties:
        reasons.append(penalties)
    by_family = Counter(family_of(d.code) for d in diagnostics)
    return ArticleScore(
        path, record, outlet, score, verdicts, reasons, penalty, len(diagnostics),
        dict(sorted(by_family.items())), signals, chrome, len(nonblank),
    )


def score_result(
    diagnostics: Sequence[Diagnostic],
    roles: Mapping[tuple[str, int | None], Sequence[str]],
    scoring: Scoring | None = None,
    outlets: Mapping[tuple[str, int | None], str] | None = None,
) -> list[ArticleScore]:
    """Scores of every document in ``roles`` (files that did not load are not articles),
    worst first."""
    scoring = scoring or Scoring()
    grouped: dict[tuple[str, int | None], list[Diagnostic]] = defaultdict(list)
    for d in diagnostics:
        grouped[(d.path, d.record)].append(d)
    keys = list(roles)
    scores = [
        score_article(path, record, grouped.get((path, record), []), roles.get((path, record), []),
                      scoring, (outlets or {}).get((path, record), ""))
        for path, record in keys
    ]
    scores.sort(key=lambda s: (s.score, -s.penalty, s.path, s.record or 0))
    return scores


def aggregate_outlets(scores: Sequence[ArticleScore]) -> list[OutletScore]:
    """Per-outlet summaries, least reliable (lowest mean) first."""
    groups: dict[str, list[ArticleScore]] = defaultdict(list)
    for s in scores:
        groups[s.outlet or "(unknown)"].append(s)
    outlets = [
        OutletScore(
            name, len(items), sum(s.score for s in items) / len(items),
            min(s.score for s in items),
            dict(Counter(v for s in items for v in s.verdicts)),
            sum(s.findings for s in items),
        )
        for name, items in groups.items()
    ]
    outlets.sort(key=lambda o: (o.mean_score, o.outlet))
    return outlets


def _front_matter_source(path: str) -> str | None:
    """``source:`` (or ``outlet:``) in a YAML-style front matter block at the top of a file."""
    try:
        with open(path, encoding="utf-8", errors="replace") as handle:
            head = handle.read(4096)
    except OSError:
        return None
    if not head.startswith("---"):
        return None
    for line in head.splitlines()[1:]:
        if line.strip() in ("---", "..."):
            break
        key, sep, value = line.partition(":")
        if sep and key.strip().lower() in ("source", "outlet", "publisher"):
            return value.strip().strip("\"'") or None
    return None


def _jsonl_sources(path: str, field_name: str) -> dict[int, str]:
    sources: dict[int, str] = {}
    try:
        with open(path, encoding="utf-8", errors="replace") as handle:
            for number, raw in enumerate(handle, start=1):
                try:
                    obj = json.loads(raw)
                except ValueError:
                    continue
                if isinstance(obj, dict) and isinstance(obj.get(field_name), str):
                    sources[number] = obj[field_name]
    except OSError:
        pass
    return sources


def find_outlets(
    keys: Iterable[tuple[str, int | None]], source_field: str = "source"
) -> dict[tuple[str, int | None], str]:
    """The outlet of each document: the JSONL ``source`` field, a front-matter ``source:``, or
    the name of the folder holding the file (empty when the file is in the current folder)."""
    outlets: dict[tuple[str, int | None], str] = {}
    jsonl: dict[str, dict[int, str]] = {}
    for path, record in keys:
        found: str | None = None
        if record is not None:
            if path not in jsonl:
                jsonl[path] = _jsonl_sources(path, source_field)
            found = jsonl[path].get(record)
        else:
            found = _front_matter_source(path)
        if not found:
            folder = os.path.basename(os.path.dirname(os.path.normpath(path)))
            found = folder if folder not in ("", ".", "..") else ""
        outlets[(path, record)] = found
    return outlets
