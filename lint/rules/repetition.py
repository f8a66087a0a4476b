"""Repeated text: lines or paragraphs printed twice, sentences repeated inside a line, and
an appended list of unrelated headlines."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import regex
from rapidfuzz import fuzz

from lint.diagnostic import Diagnostic, Edit, Fix, Related, Severity
from lint.roles import CHROME_ROLES, Role
from lint.rules.base import Rule, RuleContext, RuleMeta, line_deletion
from lint.text import STOPWORDS, line_key, word_count, words

PROMO_LABEL_RE = regex.compile(r"^\s*(?:\p{Lu}[\p{Lu} ]{1,24}|Read more|Related|Watch|Listen)\s*:\s*")
SENTENCE_SPLIT_RE = regex.compile(r"(?<=[.!?)”\"’])\s+(?=[\p{Lu}\p{N}“\"‘'(])")
MIN_WORDS = 4
NEAR_DUPLICATE = 92.0


class RepeatedLine(Rule):
    meta = RuleMeta(
        code="NL201",
        name="repeated-line",
        severity=Severity.WARNING,
        category="fluency/inconsistency",
        fixable=True,
        summary="A line or paragraph printed twice in the same article.",
        what=(
            "A line of at least four words whose normalized form (case, digits, punctuation and "
            "quote marks ignored, a promo label such as 'WATCH:' stripped) already appeared "
            "earlier in the article, next to it or further up, exactly or nearly (92% similar). "
            "Items of a list or table inside the article (short lines, or lines that do not "
            "end like a sentence: a recipe's ingredients, a table's rows), repeated further "
            "down and not next to their first copy, are not reported."
        ),
        why=(
            "Scrapers print captions twice, templates repeat the lead paragraph, and a doubled "
            "paragraph skews any statistic or model trained on the text."
        ),
        example=(
            "The new harbour bridge opens to cyclists in spring\n"
            "The new harbour bridge opens to cyclists in spring   <- NL201, same as line 22"
        ),
    )

    def check(self, ctx: RuleContext) -> Iterable[Diagnostic]:
        doc = ctx.document
        seen: dict[str, int] = {}
        buckets: dict[tuple[str, ...], list[tuple[str, int]]] = {}
        before = 0  # the previous non-blank line
        for number, line in enumerate(doc.lines, start=1):
            role = ctx.roles[number]
            if role is Role.BLANK:
                continue
            previous, before = before, number
            if word_count(line) < MIN_WORDS:
                continue
            key = line_key(PROMO_LABEL_RE.sub("", line))
            if not key:
                continue
            bucket_key = tuple(key.split()[:2])
            first = seen.get(key)
            exact = first is not None
            if first is None:
                for other_key, other_line in buckets.get(bucket_key, ()):
                    if fuzz.ratio(key, other_key) >= NEAR_DUPLICATE:
                        first = other_line
                        break
            if first is None:
                seen[key] = number
                buckets.setdefault(bucket_key, []).append((key, number))
                continue
            if role in CHROME_ROLES and number in ctx.roles.hints:
                continue  # a promo or widget line: its own rule reports it
            if first != previous and _list_item(ctx, number):
                continue  # a recipe's or a table's repeated item, not a paragraph printed twice
            how = "repeats" if exact else "nearly repeats"
            yield self.line_diagnostic(
                ctx,
                number,
                f"Line {how} line {first}",
                related=[Related(doc.path, first, 1, "first occurrence", doc.record)],
                fix=line_deletion(ctx, number) if exact else _unsafe(line_deletion(ctx, number)),
                suggestion="",
            )


LIST_ITEM_MAX_WORDS = 10
LIST_ITEM_MAX_FUNCTION_WORDS = 0.15


def _list_item(ctx: RuleContext, number: int) -> bool:
    """A line inside the article's main block that is short, does not end like a sentence or
    has almost no function words: an item of a list, a recipe or a table, which may recur
    further down."""
    if not ctx.roles.in_article(number):
        return False
    line = ctx.document.line(number).rstrip()
    if word_count(line) <= LIST_ITEM_MAX_WORDS or line.rstrip(_CLOSING)[-1:] not in ".!?":
        return True
    tokens = [w.lower() for w in words(line) if not w[0].isdigit()]
    function_words = sum(w in STOPWORDS for w in tokens) / max(1, len(tokens))
    return function_words < LIST_ITEM_MAX_FUNCTION_WORDS  # "2 cups flour, 1 tsp. salt."


_CLOSING = "\"'”’»"


def _unsafe(fix: Fix) -> Fix:
    return Fix(fix.edits, safe=False, description=fix.description)


class RepeatedSentence(Rule):
    meta = RuleMeta(
        code="NL202",
        name="repeated-sentence",
        severity=Severity.WARNING,
        category="fluency/inconsistency",
        fixable=True,
        summary="A sentence repeated inside one line.",
        what=(
            "A sentence (or caption with its credit) of at least four words that appears again "
            "later on the same line."
        ),
        why="A caption or paragraph pasted twice into one line is a scraping fault.",
        example="A caption. (AP Photo/Name) A caption. (AP Photo/Name)   <- NL202 on the second copy",
    )

    def check(self, ctx: RuleContext) -> Iterable[Diagnostic]:
        doc = ctx.document
        for number, line in enumerate(doc.lines, start=1):
            if len(line) < 40 or ctx.roles[number] is Role.BLANK:
                continue
            spans = _sentence_spans(line)
            if len(spans) < 2 or not _may_repeat(line, spans):
                continue
            seen: set[str] = set()
            repeated: list[tuple[int, int]] = []
            for start, end in spans:
                key = line_key(line[start:end])
                if len(key.split()) < MIN_WORDS and not (repeated and repeated[-1][1] >= start - 1):
                    seen.add(key)
                    continue
                if key in seen:
                    if repeated and line[repeated[-1][1] : start].strip() == "":
                        repeated[-1] = (repeated[-1][0], end)
                    else:
                        repeated.append((start, end))
                seen.add(key)
            base = doc.line_start(number)
            for start, end in repeated:
                cut_from = start
                while cut_from > 0 and line[cut_from - 1].isspace():
                    cut_from -= 1
                yield self.diagnostic(
                    ctx,
                    base + start,
                    base + end,
                    "Sentence repeated on the same line",
                    suggestion="",
                    fix=Fix((Edit(base + cut_from, base + end, ""),), safe=True,
                            description="delete the repeated copy"),
                )


_ASCII_WORD_RE = regex.compile(r"[A-Za-z0-9]+")
_DIGITS_TO_ZERO = str.maketrans("123456789", "000000000")


def _may_repeat(line: str, spans: Sequence[tuple[int, int]]) -> bool:
    """Whether two sentences of the line could have the same key: on an ASCII line (where the
    key's normalization is only case, digits and punctuation) they would start with the same
    word. Any other line is checked in full."""
    if not line.isascii():
        return True
    firsts = []
    for start, end in spans:
        found = _ASCII_WORD_RE.search(line, start, end)
        firsts.append(found.group().lower().translate(_DIGITS_TO_ZERO) if found else "")
    return len(set(firsts)) < len(firsts)


def _sentence_spans(line: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    start = 0
    for match in SENTENCE_SPLIT_RE.finditer(line):
        spans.append((start, match.start()))
        start = match.end()
    if start < len(line.rstrip()):
        spans.append((start, len(line.rstrip())))
    return spans


class UnrelatedLinks(Rule):
    meta = RuleMeta(
        code="NL203",
        name="unrelated-links",
        severity=Severity.WARNING,
        category="other",
        fixable=True,
        summary="A list of unrelated headlines after or inside the article.",
        what=(
            "A run of at least six short lines at the end of the article (headlines and "
            "teasers of other stories) whose words the article itself barely uses, or, "
            "anywhere in the article, a run of at least four headline-shaped lines (short, "
            "capitalized, no closing stop; rank numbers, dates and labels between them) that "
            "share on average at most half of their words with the article. It is reported "
            "once, with its line range."
        ),
        why=(
            "Sidebar and footer lists ('Latest Headlines', 'Most Popular') are scraped into the text: "
            "a reader, a search index or a model would take them for part of the story."
        ),
        example="Latest Headlines\n\nBakery on Elm Street wins regional bread award\n...  <- NL203",
    )

    def check(self, ctx: RuleContext) -> Iterable[Diagnostic]:
        for block in ctx.roles.blocks:
            if block.kind not in ("link-list", "headline-list"):
                continue
            where = "Appended list" if block.kind == "link-list" else "List"
            yield self.line_diagnostic(
                ctx,
                block.first,
                f"{where} of unrelated headlines (lines {block.first}-{block.last}; "
                f"{block.evidence})",
                last_line=block.last,
                suggestion="",
                fix=line_deletion(ctx, block.first, block.last),
            )


RULES: list[type[Rule]] = [RepeatedLine, RepeatedSentence, UnrelatedLinks]
