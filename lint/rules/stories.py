"""Story findings as diagnostics: the helpers the story-based rules share."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping

from lint.context.languages import (
    ABJADS,
    ENGLISH_FIRST,
    country_languages,
    country_script,
    writes_another_script,
)
from lint.diagnostic import Diagnostic, Edit, Fix, Related, Severity
from lint.rules.base import Rule, RuleContext
from lint.story.evidence import StoryFinding

REPLACEABLE = frozenset({"name", "name-romanization", "name-vowels", "institution", "institution-place", "date",
                         "pronoun"})
"""Finding kinds whose suggestion can replace the flagged text as it stands."""


def story_findings(ctx: RuleContext, kinds: Iterable[str]) -> list[StoryFinding]:
    """This document's story findings of the given kinds (none outside a story)."""
    part = ctx.index.part("story") if ctx.index else None
    if not isinstance(part, dict):
        return []
    wanted = frozenset(kinds)
    doc = ctx.document
    return [f for f in part["findings"].get((doc.path, doc.record), ()) if f.kind in wanted]


def story_of(ctx: RuleContext) -> str | None:
    """The id of this document's story, if it has one."""
    part = ctx.index.part("story") if ctx.index else None
    if not isinstance(part, dict):
        return None
    story: str | None = part["story_of"].get((ctx.document.path, ctx.document.record))
    return story


def article_country(ctx: RuleContext) -> tuple[str | None, bool]:
    """The country the article is about: its own context's, else its story's (most of its
    sibling articles name it: a translation that lost its dateline), with whether it came
    from the story."""
    own = (ctx.analysis.get("context") or {}).get("country")
    if own:
        return str(own), False
    part = ctx.index.part("story") if ctx.index else None
    story = story_of(ctx)
    if not isinstance(part, dict) or story is None:
        return None, False
    found = (part.get("countries") or {}).get(story)
    return (str(found), True) if found else (None, False)


def story_country_leaned(ctx: RuleContext) -> bool:
    """Whether the article's story has its country only from its articles' leans (none says
    it clearly: see ``lint.features.story.story_country``)."""
    part = ctx.index.part("story") if ctx.index else None
    story = story_of(ctx)
    return isinstance(part, dict) and story is not None and story in (part.get("leaned") or ())


def speakers_translated(ctx: RuleContext) -> bool:
    """Whether the article's speakers likely spoke another language than English: its
    country's press writes another language (lint/context/languages.py), so every English
    quotation of them is a translation, and a paraphrase says little. The country is the
    article's own, else its story's (see :func:`article_country`)."""
    country, inherited = article_country(ctx)
    if not country or country in ENGLISH_FIRST:
        return False
    if inherited:
        return bool(country_languages().get(country))
    return bool((ctx.analysis.get("context") or {}).get("languages"))


def names_unvowelled(ctx: RuleContext) -> bool:
    """Whether the article's names come from a script that writes no short vowels (Arabic,
    Hebrew): translations romanize their vowels freely ("Muhammad", "Mohamed")."""
    country, _ = article_country(ctx)
    return bool(country) and speakers_translated(ctx) and country_script(str(country)) in ABJADS


def names_romanized(ctx: RuleContext) -> bool:
    """Whether the article's names come from another script: its speakers' language (see
    :func:`speakers_translated`) is written in another script than Latin, so that each
    translation romanizes them (a Turkish or Polish name is copied as it is written)."""
    country, _ = article_country(ctx)
    return bool(country) and speakers_translated(ctx) and writes_another_script(str(country))


def story_diagnostics(
    rule: Rule, ctx: RuleContext, kinds: Iterable[str], quieter: Mapping[str, str] | None = None,
) -> Iterator[Diagnostic]:
    """One diagnostic per story finding, with the siblings as related evidence and, where the
    siblings give a replacement, an unsafe fix that writes it. ``quieter``: finding kinds
    reported at info whatever the vote, with the reason added to the message."""
    for finding in story_findings(ctx, kinds):
        severity, message = finding.severity, finding.message
        reason = (quieter or {}).get(finding.kind)
        if reason and severity == "warning":
            severity, message = "info", f"{message}; {reason}"
        fix = None
        if finding.suggestion and finding.kind in REPLACEABLE:
            fix = Fix((Edit(finding.start, finding.end, finding.suggestion),), safe=False,
                      description=f"write {finding.suggestion!r}, as the story's other articles do")
        yield rule.diagnostic(
            ctx, finding.start, finding.end, message,
            severity=Severity.parse(severity),
            suggestion=finding.suggestion,
            related=[
                Related(w.path, w.line, w.column, f"the story's article has '{w.text}'", w.record)
                for w in finding.witnesses
            ],
            fix=fix,
        )


def overlaps(a: Diagnostic, b: Diagnostic) -> bool:
    """Whether two diagnostics cover some of the same characters."""
    return (a.line, a.column) < (b.end_line, b.end_column) and (b.line, b.column) < (a.end_line, a.end_column)
