"""Locale conventions: a spelling that breaks the article's own English locale (NL505) and an
abbreviation written two ways in one article (NL506)."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

import regex

from lint.config import Config
from lint.diagnostic import Diagnostic, Edit, Fix, Severity
from lint.features.vocab import (
    LOCALE_ROLES,
    LocaleHit,
    LocaleTable,
    corpus_locales,
    locale_table_for,
    outlet_key,
)
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


LOCALE_LABELS = {
    "en-US": "U.S.", "en-GB": "British", "en-CA": "Canadian", "en-AU": "Australian",
    "en-IN": "Indian", "en-IE": "Irish", "en-NZ": "New Zealand", "en-ZA": "South African",
}
CONFIG_PRIOR = 2.0
"""Votes the configured locale adds to an article's own: an article must clearly write another
locale to leave it."""
FOLDER_PRIOR = 1.0
CORPUS_PRIOR = 1.0
COUNTRY_LEANING = 1.5
"""Votes an article about an English-speaking country (lint/context/country.py: its dateline,
places, demonyms) adds to that country's English when the article mixes locales: a Leeds
story with both spellings leans British. A consistent article keeps its own locale (an
American wire story about London), an article about any other country says nothing, and the
leaning only chooses: a finding it decides is info."""
COUNTRY_LOCALES = {"US": "en-US", "GB": "en-GB", "CA": "en-CA", "AU": "en-AU", "IN": "en-IN",
                   "IE": "en-IE", "NZ": "en-NZ", "ZA": "en-ZA"}


def locale_label(locales: Iterable[str]) -> str:
    """'U.S.', 'British', 'British and Commonwealth' for a set of winning locales."""
    chosen = set(locales)
    if len(chosen) == 1:
        return LOCALE_LABELS.get(next(iter(chosen)), next(iter(chosen)))
    if "en-GB" in chosen and "en-US" not in chosen:
        return "British"
    return " or ".join(LOCALE_LABELS.get(loc, loc) for loc in sorted(chosen))


@dataclass
class ArticleLocale:
    """An article's locale vote: its own spellings and conventions, plus the priors."""

    own: Counter[str] = field(default_factory=Counter)
    total: int = 0
    prior: dict[str, float] = field(default_factory=dict)
    evidence: dict[str, frozenset[str]] = field(default_factory=dict)
    leaning: dict[str, float] = field(default_factory=dict)
    """Votes that help choose the winner but never make a finding stronger (the country)."""

    def add(self, locales: frozenset[str], count: int, what: str) -> None:
        for locale in locales:
            self.own[locale] += count
        self.total += count
        self.evidence.setdefault(what, locales)

    def shown(self, winners: frozenset[str], leave_out: str) -> str:
        """The article's evidence for the winning locales, for a message."""
        items = [f"'{what}'" for what, locales in self.evidence.items()
                 if locales & winners and what != leave_out]
        return ", ".join(items[:4])

    def winners(self) -> tuple[frozenset[str], float, int, float]:
        """The winning locales, their combined votes, how many own votes go against them, and
        their votes without the leaning (what a finding's strength is judged on)."""
        firm: dict[str, float] = {k: float(v) for k, v in self.own.items()}
        for locale, votes in self.prior.items():
            firm[locale] = firm.get(locale, 0.0) + votes
        combined = dict(firm)
        for locale, votes in self.leaning.items():
            combined[locale] = combined.get(locale, 0.0) + votes
        if not combined:
            return frozenset(), 0.0, 0, 0.0
        best = max(combined.values())
        winners = frozenset(loc for loc, votes in combined.items() if votes == best)
        against = self.total - max(self.own.get(loc, 0) for loc in winners)
        return winners, float(best), against, max(firm.get(loc, 0.0) for loc in winners)


class LocaleSpelling(Rule):
    meta = RuleMeta(
        code="NL505",
        name="locale-spelling",
        severity=Severity.WARNING,
        category="locale convention",
        fixable=True,
        summary=("A spelling that breaks the article's own English locale (decided per article; "
                 "config, outlet and corpus are priors)."),
        what=(
            "Each article's locale is decided by the article itself: its locale-marked "
            "spellings (rules/locale.toml: colour/color, centre/center, travelled/traveled...) "
            "and locale conventions that are not spellings ('per cent' or 'percent', "
            "'3 March' or 'March 3', 'said Tuesday' without 'on', 'tonnes', lakh and "
            "crore), for U.S., British, Canadian, Australian, Indian, Irish, New Zealand and "
            "South African English. The config's `locale`, the outlet folder's majority and "
            "the corpus's are priors that the article's own evidence can outweigh; so is the "
            "English of the country the article is about, when the article mixes locales. A spelling "
            "that breaks the article's majority is reported with the article's count of the "
            "other locale's forms (a warning when the majority is at least two and twice the "
            "other side, info when it is thinner). Proper names and titles ('U.S. Secretary "
            "of Labor', 'Pan American Health Organization', 'Labour Party'), quotations and "
            "spellings right after another country's name are not reported; but a name of the "
            "article's own country (lint/context/country.py) in another locale's spelling is "
            "('Australian Defense Force' in an article about Australia). -ize is British too "
            "(Oxford spelling); Australian English writes 'program' in every sense. A unit's "
            "spelling ('metres' in U.S. text) is reported against the locale the article's other "
            "spellings decide, but does not vote itself (a translated or converted figure often "
            "keeps its source's spelling)."
        ),
        why=(
            "A switch of locale inside an article is a sign of copy from another outlet or of "
            "machine translation, whose output follows the engine's default locale."
        ),
        example=(
            "a British article with 'programme', 'colour' and '3 March' that writes "
            "'the theater reopened'   <- NL505, suggestion: 'theatre'"
        ),
    )
    scope = "corpus"
    needs = ("vocab", "context")

    table: LocaleTable
    accept: frozenset[str] = frozenset()

    def setup(self, packs: Sequence[Pack], config: Config) -> None:
        self.table = locale_table_for(packs)
        self.accept = frozenset(w.lower() for w in config.vocabulary.accept)

    def _vote(self, ctx: RuleContext, hits: list[tuple[int, LocaleHit]]) -> ArticleLocale:
        vote = ArticleLocale()
        for _, hit in hits:
            if not hit.skipped and hit.votes:
                vote.add(hit.accepted, 1, hit.word.lower())
        prose = "\n".join(
            line for number, line in enumerate(ctx.document.lines, start=1)
            if ctx.roles[number] in LOCALE_ROLES
        )
        for name, count, locales in self.table.convention_votes(prose):
            vote.add(locales, count, name)
        if ctx.config.locale:
            vote.prior[ctx.config.locale] = vote.prior.get(ctx.config.locale, 0.0) + CONFIG_PRIOR
        home = COUNTRY_LOCALES.get((ctx.analysis.get("context") or {}).get("country") or "")
        if home and vote.own and vote.total > max(vote.own.values()):  # only a mixed article
            vote.leaning[home] = vote.leaning.get(home, 0.0) + COUNTRY_LEANING
        part = ctx.index.part("vocab") if ctx.index else None
        if part:
            folder = dict(part.get("folders", {}).get(
                outlet_key(ctx.document.path, ctx.document.record), {}))
            total = folder.pop("", 0) - vote.total
            for locale, count in folder.items():
                folder[locale] = count - vote.own.get(locale, 0)
            for locale in corpus_locales(folder, total, self.table):
                vote.prior[locale] = vote.prior.get(locale, 0.0) + FOLDER_PRIOR
            for locale in corpus_locales(part["votes"], part["variants"], self.table):
                vote.prior[locale] = vote.prior.get(locale, 0.0) + CORPUS_PRIOR
        return vote

    def check(self, ctx: RuleContext) -> Iterable[Diagnostic]:
        doc = ctx.document
        hits = self._hits(ctx)
        if not hits:
            return
        vote = self._vote(ctx, hits)
        tally = _Tally(hits, vote, *vote.winners())
        home = (ctx.analysis.get("context") or {}).get("country")
        for number, hit in hits:
            if hit.word.lower() in self.accept:
                continue
            base = doc.line_start(number)
            if hit.reason == "proper":
                found = self._own_name(ctx, doc.line(number), base, hit, home)
            else:
                found = self._off_locale(ctx, base, hit, tally)
            if found is not None:
                yield found

    def _hits(self, ctx: RuleContext) -> list[tuple[int, LocaleHit]]:
        """Locale-marked spellings on the lines whose role takes part in the vote."""
        hits: list[tuple[int, LocaleHit]] = []
        for number, line in enumerate(ctx.document.lines, start=1):
            if ctx.roles[number] in LOCALE_ROLES:
                hits.extend((number, hit) for hit in self.table.hits(line))
        return hits

    def _off_locale(
        self, ctx: RuleContext, base: int, hit: LocaleHit, tally: _Tally
    ) -> Diagnostic | None:
        """A spelling against the article's winning locales, with its fix."""
        winners, best, against = tally.winners, tally.best, tally.against
        if hit.skipped or not winners or hit.accepted & winners or best <= against:
            return None
        instead = next((hit.instead[loc] for loc in sorted(winners) if loc in hit.instead), None)
        if instead is None:
            return None
        fixed = match_case(hit.word, instead)
        strong = tally.firm >= 2 and tally.firm >= 2 * against
        label = locale_label(winners)
        own = max(tally.vote.own.get(loc, 0) for loc in winners)
        evidence = _evidence(hit, instead, tally, label, own)
        prior = _prior_note(ctx.config.locale, winners)
        return self.diagnostic(
            ctx, base + hit.start, base + hit.end,
            f"'{hit.word}' breaks this article's {label} spelling: {evidence}"
            + prior + f": '{fixed}'",
            severity=None if strong and (own or ctx.config.locale) else Severity.INFO,
            suggestion=fixed,
            fix=Fix((Edit(base + hit.start, base + hit.end, fixed),), safe=False,
                    description=f"use {fixed!r}"),
        )

    def _own_name(
        self, ctx: RuleContext, line: str, base: int, hit: LocaleHit, home: str | None
    ) -> Diagnostic | None:
        """A name of the article's own country in another locale's spelling."""
        locale = self.table.owner_locale(line, hit.start)
        if locale is None or locale in hit.accepted or home != locale[3:]:
            return None
        instead = hit.instead.get(locale)
        if instead is None:
            return None
        name_end = hit.end
        while name_end < len(line) and (line[name_end].isalpha() or (line[name_end] == " "
                                         and line[name_end + 1 : name_end + 2].isupper())):
            name_end += 1
        run = regex.search(r"(?:\p{Lu}[\p{L}.'’-]*\s+(?:(?:of|for|and|the)\s+)?){1,6}$", line[: hit.start])
        name = line[run.start() if run else hit.start : name_end].strip()
        if any(official in name for official in self.table.official):
            return None
        fixed = match_case(hit.word, instead)
        label = LOCALE_LABELS.get(locale, locale)
        return self.diagnostic(
            ctx, base + hit.start, base + hit.end,
            f"'{name}' is a name of the article's own country ({label} English), but "
            f"'{hit.word}' is not its spelling: '{fixed}'",
            suggestion=fixed,
            fix=Fix((Edit(base + hit.start, base + hit.end, fixed),), safe=False,
                    description=f"use {fixed!r}"),
        )


class _Tally(NamedTuple):
    """An article's locale hits, its vote and the vote's outcome."""

    hits: list[tuple[int, LocaleHit]]
    vote: ArticleLocale
    winners: frozenset[str]
    best: float
    against: int
    firm: float
    """The winners' votes without the leaning."""


def _evidence(hit: LocaleHit, instead: str, tally: _Tally, label: str, own: int) -> str:
    """The article's own evidence for the winning locales, for a message."""
    same = sum(1 for _, h in tally.hits if not h.skipped and h.word.lower() == instead)
    if same:
        return f"this article writes '{instead}' {same} time{'s' if same > 1 else ''}"
    if own:
        shown = tally.vote.shown(tally.winners, hit.word.lower())
        return f"this article writes {own} {label} form{'s' if own > 1 else ''} ({shown})"
    return "the article has no other locale evidence; the prior decides"


def _prior_note(locale: str | None, winners: frozenset[str]) -> str:
    """'; the configured locale is ...' when the configured locale is among the winners."""
    if locale and locale in winners:
        return f"; the configured locale is {locale}"
    return ""


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
        example="Museum says U.K will return the statues   <- NL506 when the article also has 'U.K.', suggestion: 'U.K.'",
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
