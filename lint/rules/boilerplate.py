"""Boilerplate found from structure rather than phrases: author bios and corpus-wide chrome.

The phrase-based boilerplate rules (NL101-NL108) are declared in rules/boilerplate.toml.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

import regex

from lint.diagnostic import Diagnostic, Fix, Severity
from lint.roles import CHROME_ROLES, Role
from lint.rules.base import Rule, RuleContext, RuleMeta, line_deletion
from lint.sites import site_key
from lint.text import word_count
from lint.widget_lists import BLOCK_KIND


class AuthorBio(Rule):
    meta = RuleMeta(
        code="NL109",
        name="author-bio",
        severity=Severity.WARNING,
        category="other",
        fixable=True,
        summary="Author bio block appended to the article.",
        what=(
            "At the end of the article, a line holding only a name, optionally a job line, and "
            "a paragraph that starts with the same name followed by 'is', 'was' or 'covers' and "
            "a journalism job word (reporter, writer, correspondent...)."
        ),
        why="The bio is page chrome about the writer, not part of the story.",
        example=(
            "Ines Marlowe\n\nSenior reporter, science and health\n\n"
            "Ines Marlowe is a senior science writer for the Harbour Ledger...   <- NL109"
        ),
    )

    def check(self, ctx: RuleContext) -> Iterable[Diagnostic]:
        for block in ctx.roles.blocks:
            if block.kind == "bio":
                yield self.line_diagnostic(
                    ctx,
                    block.first,
                    f"Author bio block for {block.evidence} (lines {block.first}-{block.last})",
                    last_line=block.last,
                    suggestion="",
                    fix=line_deletion(ctx, block.first, block.last),
                )


SITE_MIN_DOCUMENTS = 2
"""A line on more than half of a site's pages, and on two at least, is the site's template."""
REPORTED_SPEECH = regex.compile(
    r"\b(?:said|says|told|tells|added|according\s+to|announced|stated|urged|warned)\b.*[.!?][\"”’']?\s*$|"
    r"^\s*[\"“].+[,.!?][\"”]\s+.+[.!?]\s*$",
    regex.IGNORECASE,
)
"""A sentence of reported speech ("..., officials said.", "“...,” she told reporters."): a
wire story's copies repeat it, no site prints it as chrome. Narrower than the quotation
extractor's ATTRIBUTION_VERBS, whose "read", "posted" and "wrote" also open chrome lines."""


class CorpusChrome(Rule):
    meta = RuleMeta(
        code="NL110",
        name="corpus-chrome",
        severity=Severity.WARNING,
        category="other",
        fixable=True,
        summary="A short line that many documents of the corpus carry: site chrome.",
        what=(
            "A short line whose normalized form (CCNet-style: lowercase, digits to 0, no "
            "punctuation) appears in at least `chrome-min-documents` files (default 3), or on "
            "more than half of the pages of its site (two at least: the site is the page's URL "
            "or domain field in JSONL, its canonical URL in HTML, else its folder; a sentence "
            "is not a template line there), and that "
            "is not a byline, a headline, a sentence of the article or a line inside the "
            "article's main block (a table header, a list label); a short sentence that only "
            "the articles of one story hold is that story's sentence, not chrome."
        ),
        why=(
            "Lines a site prints on every page (section names, share bars, footers) are "
            "boilerplate even when no phrase list knows them."
        ),
        example="Sections | Politics | World   (in 412 of 9,870 files)   <- NL110",
    )
    scope = "corpus"
    needs = ("lines",)

    def check(self, ctx: RuleContext) -> Iterable[Diagnostic]:
        if ctx.index is None:
            return
        part = ctx.index.part("lines") or {}
        counts: dict[str, int] = part.get("counts", {})
        total = part.get("documents", 0)
        threshold = max(2, ctx.config.chrome_min_documents)
        site = part.get("sites", {}).get(site_key(ctx.document.path, ctx.document.site), {})
        site_counts: dict[str, int] = site.get("counts", {})
        site_total = site.get("documents", 0)
        story_sentence = _story_sentences(ctx, part)
        for number, digest, *_ in ctx.analysis.get("lines", ()):
            count = counts.get(digest, 0)
            on_site = site_counts.get(digest, 0)
            template = (
                on_site >= SITE_MIN_DOCUMENTS and on_site * 2 > site_total
                and ctx.document.line(number).rstrip()[-1:] not in ".!?"  # labels, not prose
            )
            if (count < threshold and not template) or number in ctx.roles.hints:
                continue
            role = ctx.roles[number]
            if role in (Role.BYLINE, Role.HEADLINE, Role.BLANK):
                continue
            if role not in CHROME_ROLES and ctx.roles.in_article(number):
                continue  # a table header or list label of the article that other pages share
            line = ctx.document.line(number)
            if role in (Role.BODY, Role.DATELINE, Role.DEK) and word_count(line) > 8:
                continue  # a sentence, the lede a dateline opens, a dek (a wire story's copies share them)
            if story_sentence(digest):
                continue  # "The volcano last erupted in 1998.": the articles of one story share it
            if word_count(line) > 8 and REPORTED_SPEECH.search(line):
                continue  # a quotation or an attributed sentence that copies of a story share
            where = (
                f"on {on_site} of {site_total} pages of its site" if template
                else f"in {count} of {total} documents"
            )
            yield self.line_diagnostic(
                ctx,
                number,
                f"Line appears {where}: site chrome",
                suggestion="",
                fix=line_deletion(ctx, number),
            )


def _story_sentences(ctx: RuleContext, part: dict[str, Any]) -> Callable[[str], bool]:
    """Whether a line hash is a short body sentence that only articles of this document's
    story hold (never, when the run groups no stories)."""
    story = ctx.index.part("story") if ctx.index is not None else None
    story_of: dict[Any, str] = (story or {}).get("story_of", {})
    mine = story_of.get((ctx.document.path, ctx.document.record))
    held: dict[str, list[Any]] = part.get("sentences", {})
    if mine is None or not held:
        return lambda digest: False
    return lambda digest: digest in held and all(story_of.get(tuple(k)) == mine for k in held[digest])


class PageChrome(Rule):
    meta = RuleMeta(
        code="NL111",
        name="page-chrome",
        severity=Severity.WARNING,
        category="other",
        fixable=True,
        summary="Page chrome around the article: menus, footers, teasers, comments.",
        what=(
            "Lines outside the article's main block: the dense run of prose found as jusText "
            "finds it (line length, share of function words, the class of the neighbouring "
            "lines). The headline, dek, byline and date next to the block and the closing "
            "sentences after it are kept; each run of other lines is reported once. Inside "
            "the block, the lines under a widget heading ('Most Read', 'Related Stories') are "
            "chrome too: headlines (up to the first sentence that is not a dek between two "
            "headlines) or teasers that share few words with the article above the heading."
        ),
        why=(
            "A naive scrape saves the whole page: navigation menus, section lists, share bars, "
            "other stories' teasers, comments and footers are not the article."
        ),
        example="Home\n\nWorld\n\nPolitics\n\nSports\n\n(the article)   <- NL111 on the menu",
    )

    def check(self, ctx: RuleContext) -> Iterable[Diagnostic]:
        for block in ctx.roles.blocks:
            if block.kind not in ("page-chrome", BLOCK_KIND):
                continue
            span = f"line {block.first}" if block.first == block.last else (
                f"lines {block.first}-{block.last}"
            )
            yield self.line_diagnostic(
                ctx,
                block.first,
                f"Page chrome {'inside' if block.kind == BLOCK_KIND else 'outside'} the article ({span}; {block.evidence})",
                last_line=block.last,
                suggestion="",
                fix=_unsafe(line_deletion(ctx, block.first, block.last)),
            )


def _unsafe(fix: Fix) -> Fix:
    """Chrome found by shape and position, not by a phrase: a person should look first."""
    return Fix(fix.edits, safe=False, description=fix.description)


RULES: list[type[Rule]] = [AuthorBio, CorpusChrome, PageChrome]
