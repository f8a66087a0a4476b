"""Suppression directives that do nothing: a malformed one, or one naming no rule, is reported
instead of being ignored in silence (flake8 and ruff warn about unknown ``noqa`` codes too)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from lint.diagnostic import Diagnostic, Severity
from lint.directives import DIRECTIVE, selectors
from lint.rules.base import Rule, RuleContext, RuleMeta, matches

__all__ = ["DIRECTIVE", "FORM", "RULES", "BadDirective", "selectors"]

_ANY = re.compile(r"<!--\s*newslint\b.*?(?:-->|$)", re.IGNORECASE)
"""Anything that looks meant as a directive, well-formed or not."""
FORM = "<!-- newslint: disable=CODES --> or <!-- newslint: enable -->"


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
