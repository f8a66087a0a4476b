"""NL509 fact-drift: a figure, unit, date or weekday that disagrees with the rest of its story."""

from __future__ import annotations

from collections.abc import Iterable

from lint.diagnostic import Diagnostic, Severity
from lint.rules.base import Rule, RuleContext, RuleMeta
from lint.rules.stories import story_diagnostics


class FactDrift(Rule):
    meta = RuleMeta(
        code="NL509",
        name="fact-drift",
        severity=Severity.WARNING,
        category="accuracy/mistranslation",
        summary="A figure, unit, date or weekday that disagrees with the same fact elsewhere in the story.",
        what=(
            "Inside a story (articles about one event, see docs/stories.md), each figure of a "
            "sentence (an amount with its currency and scale word, a count, a percentage, a "
            "share in words such as 'by a third' or 'two thirds of', a measure with its unit, a "
            "date, a weekday, a time of day that tells its part of the day: '9:35 a.m.', "
            "'21:35', '9.35 in the evening', in its zone) is compared with the figure that "
            "states the same fact in each sibling article's counterpart sentence. When at least "
            "two independent siblings (copies of one wire story count once) agree on another "
            "value, at least two thirds of those that give one, and none gives this one, it is a "
            "warning: digits swapped, million for billion, a dropped zero, acres for hectares, "
            "lakh misconverted. One sibling against it, a split, or a sentence that says the "
            "figure changed ('had risen to', 'by evening', 'raised the estimate') is info; an "
            "article that also gives the siblings' value is not reported. A weekday written next "
            "to a date that falls on another day of the week is reported from the article alone "
            "(the year comes from the article, else from its story); so is a weekday before an "
            "ordinal day ('Wednesday the 18th'), in the month written after it, else when it "
            "fits neither the month of the article's own dates nor the months either side."
        ),
        why=(
            "Numbers are what translation systems and hurried rewrites break most silently: a "
            "figure that disagrees with every other outlet misinforms the reader and poisons a "
            "dataset built from the article."
        ),
        example=(
            "The council said 38 percent of residents voted for the plan.   <- NL509 where two other "
            "outlets of the story print '83 percent'"
        ),
    )
    scope = "corpus"
    needs = ("story",)

    def check(self, ctx: RuleContext) -> Iterable[Diagnostic]:
        yield from story_diagnostics(self, ctx, ("figure", "date"))


RULES = [FactDrift]
