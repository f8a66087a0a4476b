"""Locale conventions: spellings of another English locale (NL505) and an abbreviation
written two ways in one article (NL506)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence

import regex

from lint.config import Config
from lint.diagnostic import Diagnostic, Edit, Fix, Severity
from lint.features.vocab import LOCALE_ROLES, LocaleTable, corpus_locales
from lint.packs import Pack
from lint.roles import Role
from lint.rules.base import Rule, RuleContext, RuleMeta


def match_case(model: str, word: str) -> str:
    """``word`` with the capitalization of ``model`` (lower, Capitalized or UPPER)."""
    if model.isupper() and len(model) > 1:
        return word.upper()
    if model[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


class LocaleSpelling(Rule):
    meta = RuleMeta(
        code="NL505",
        name="locale-spelling",
        severity=Severity.WARNING,
        category="locale convention",
        fixable=True,
        summary="A spelling from another English locale than the corpus's.",
        what=(
            "The corpus locale is the config's `locale` (en-US, en-GB, en-CA, en-AU) or, "
            "without one, the locale whose spellings the corpus uses (at least 5 locale-marked "
            "spellings, 75% of them agreeing). A spelling that locale does not use is reported "
            "with the corpus's form ('defense minister' in an en-CA corpus -> 'defence'). "
            "Proper names and titles ('U.S. Secretary of Defense', 'Defense Secretary Mark "
            "Esper', 'Department of Defense') and spellings right after another country's name "
            "('U.S. defense budget') are not reported. The spelling pairs are in rules/locale.toml."
        ),
        why=(
            "A switch of locale inside an article is a sign of copy from another outlet or of "
            "machine translation, whose output follows the engine's default locale."
        ),
        example="the federal defense minister said   <- NL505 in an en-CA corpus, suggestion: 'defence'",
    )
    scope = "corpus"
    needs = ("vocab",)

    table: LocaleTable
    accept: frozenset[str] = frozenset()

    def setup(self, packs: Sequence[Pack], config: Config) -> None:
        self.table = LocaleTable(packs)
        self.accept = frozenset(w.lower() for w in config.vocabulary.accept)

    def check(self, ctx: RuleContext) -> Iterable[Diagnostic]:
        part = ctx.index.part("vocab") if ctx.index else None
        if ctx.config.locale:
            wanted = frozenset({ctx.config.locale})
            why = f"the configured locale is {ctx.config.locale}"
        elif part:
            wanted = corpus_locales(part["votes"], part["variants"], self.table)
            names = " or ".join(sorted(wanted))
            why = f"the corpus writes {names} spellings"
        else:
            return
        if not wanted:
            return
        forms = part["forms"] if part else {}
        doc = ctx.document
        for number, line in enumerate(doc.lines, start=1):
            if ctx.roles[number] not in LOCALE_ROLES:
                continue
            base = doc.line_start(number)
            for hit in self.table.hits(line):
                if hit.skipped or hit.accepted & wanted or hit.word.lower() in self.accept:
                    continue
                instead = next((hit.instead[loc] for loc in sorted(wanted) if loc in hit.instead), None)
                if instead is None:
                    continue
                fixed = match_case(hit.word, instead)
                seen = forms.get(instead, 0)
                evidence = f"; '{instead}' appears {seen} times in the corpus" if seen else ""
                other = "/".join(sorted(hit.accepted))
                yield self.diagnostic(
                    ctx, base + hit.start, base + hit.end,
                    f"'{hit.word}' is the {other} spelling, but {why}: '{fixed}'{evidence}",
                    suggestion=fixed,
                    fix=Fix((Edit(base + hit.start, base + hit.end, fixed),), safe=False,
                            description=f"use {fixed!r}"),
                )


FULL_RE = regex.compile(r"(?<![\p{L}\p{N}.])((?:\p{Lu}\.){2,})")
PARTIAL_RE = regex.compile(r"(?<![\p{L}\p{N}.])((?:\p{Lu}\.)+\p{Lu})(?![\p{L}\p{N}.])")


class AbbreviationForm(Rule):
    meta = RuleMeta(
        code="NL506",
        name="abbreviation-form",
        severity=Severity.WARNING,
        category="fluency/inconsistency",
        fixable=True,
        summary="A dotted abbreviation written without its last period.",
        what=(
            "A dotted abbreviation or run of initials missing its final period ('U.S', 'U.K', "
            "'J.K') in an article that writes the full form ('U.S.') elsewhere."
        ),
        why=(
            "The article itself shows the intended form; a half-dotted one is a slip of "
            "editing or of a translation system's detokenizer."
        ),
        example="Pentagon says U.S will defend allies   <- NL506 when the article also has 'U.S.', suggestion: 'U.S.'",
    )

    def check(self, ctx: RuleContext) -> Iterable[Diagnostic]:
        doc = ctx.document
        if "." not in doc.text:
            return
        full: dict[str, int] = defaultdict(int)
        partial: list[tuple[int, int, str, str]] = []
        for number, line in enumerate(doc.lines, start=1):
            if ctx.roles[number] is Role.BLANK or "." not in line:
                continue
            base = doc.line_start(number)
            for match in FULL_RE.finditer(line):
                full[match.group(1).replace(".", "")] += 1
            for match in PARTIAL_RE.finditer(line):
                text = match.group(1)
                partial.append((base + match.start(1), base + match.end(1), text, text.replace(".", "")))
        for start, end, text, key in partial:
            count = full.get(key, 0)
            if not count:
                continue
            fixed = text + "."
            yield self.diagnostic(
                ctx, start, end,
                f"'{text}' without its final period; this article writes '{fixed}' {count} "
                f"time{'s' if count > 1 else ''}",
                suggestion=fixed,
                fix=Fix((Edit(end, end, "."),), safe=True, description="add the period"),
            )


RULES: list[type[Rule]] = [LocaleSpelling, AbbreviationForm]
