"""Suppression directives that do nothing: a malformed one, or one naming no rule, is reported
instead of being ignored in silence (flake8 and ruff warn about unknown ``noqa`` codes too)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from lint.diagnostic import Diagnostic, Severity
from lint.rules.base import Rule, RuleContext, RuleMeta, matches

DIRECTIVE = re.compile(
    r"<!--\s*newslint:\s*(?P<action>disable|enable)\b\s*(?:=\s*(?P<codes>[\w\s,*-]*?))?\s*-->",
    re.IGNORECASE,
)
"""``<!-- newslint: disable=NL101,NL2 -->`` or ``<!-- newslint: enable -->`` (lint.suppress)."""
_ANY = re.compile(r"<!--\s*newslint\b.*?(?:-->|$)", re.IGNORECASE)
"""Anything that looks meant as a directive, well-formed or not."""
FORM = "<!-- newslint: disable=CODES --> or <!-- newslint: enable -->"


def selectors(raw: str | None) -> tuple[str, ...]:
    """The comma-separated selectors of a directive."""
    return tuple(c.strip() for c in (raw or "").split(",") if c.strip())


class BadDirective(Rule):
    meta = RuleMeta(
        code="NL010",
        name="bad-directive",
        severity=Severity.WARNING,
        category="other",
        summary="A suppression directive that is malformed or names no rule: it silences nothing.",
        what=(
            "An HTML comment starting with `newslint` that is not `" + FORM + "` (a misspelled "
            "action, a missing `:` or `-->`), or whose codes match no rule (a typo, codes "
            "separated by spaces instead of commas)."
        ),
        why=(
            "A directive that does nothing leaves the findings it was meant to silence, or "
            "silences nothing while its writer believes it does."
        ),
        example="<!-- newslint: disabel=NL101 -->   <- NL010, or disable=NL9O1 (no such rule)",
    )

    def __init__(self) -> None:
        self.known: tuple[RuleMeta, ...] = ()

    def know_rules(self, metas: Sequence[RuleMeta]) -> None:
        self.known = tuple(metas)

    def check(self, ctx: RuleContext) -> Iterable[Diagnostic]:
        doc = ctx.document
        for number, line in enumerate(doc.lines, start=1):
            if "newslint" not in line.lower():
                continue
            base = doc.line_start(number)
            for found in _ANY.finditer(line):
                problem = self._problem(found.group())
                if problem:
                    yield self.diagnostic(ctx, base + found.start(), base + found.end(), problem)

    def _problem(self, comment: str) -> str | None:
        directive = DIRECTIVE.fullmatch(comment)
        if directive is None:
            return f"Malformed newslint directive: it silences nothing (expected {FORM})"
        if not self.known:
            return None
        unknown = [s for s in selectors(directive["codes"])
                   if not any(matches(meta, s) for meta in self.known)]
        if unknown:
            return (f"Directive names no rule: {', '.join(repr(s) for s in unknown)} "
                    "(codes, prefixes or names, comma-separated; see 'newslint rules')")
        return None


RULES: list[type[Rule]] = [BadDirective]
