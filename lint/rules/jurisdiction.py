"""NL502 wrong-jurisdiction: a country's institution placed in another country.

The data is the gazetteer in rules/institutions.toml (``[institutions]``): roles, generic names
and, per country, aliases, demonyms and the names it uses for each role. Every institution name
of every pack goes into one compiled alternation (longest first), so a line is scanned once;
only a match looks at its few neighbouring words for an explicit country ("X in Canada",
"Canada's X", "Canadian X").
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import regex

from lint.config import Config
from lint.diagnostic import Diagnostic, Edit, Fix, Severity
from lint.packs import Pack
from lint.roles import Role
from lint.rules.base import Rule, RuleContext, RuleMeta
from lint.rules.stories import overlaps, story_diagnostics
from lint.text import LazyPattern

SKIPPED_ROLES = frozenset({Role.BLANK, Role.METADATA})
_NOT_BEFORE_ALIAS = r"(?<!(?:North|South|Latin|Central|New|East|West|Northern|Southern)\s)"
_SENTENCE_RE = regex.compile(r"[^.!?]*(?:[.!?]+|$)")


@dataclass(frozen=True)
class Country:
    code: str
    name: str
    generic_names: bool
    roles: Mapping[str, tuple[str, ...]]

    @property
    def possessive(self) -> str:
        return self.name + ("'" if self.name.endswith("s") else "'s")


@dataclass
class Gazetteer:
    """Institutions by name, countries by alias and demonym, and the compiled patterns."""

    countries: dict[str, Country] = field(default_factory=dict)
    owners: dict[str, dict[str, str]] = field(default_factory=dict)
    """Institution name -> {country code: role}."""
    generic: dict[str, str] = field(default_factory=dict)
    """Generic name -> role."""
    labels: dict[str, str] = field(default_factory=dict)
    cues: dict[str, regex.Pattern[str]] = field(default_factory=dict)
    confusable: dict[str, tuple[str, ...]] = field(default_factory=dict)
    abroad: set[str] = field(default_factory=set)
    """Roles that work abroad by design (intelligence, armed forces): "X in Country" is no
    evidence against them."""
    places: dict[str, str] = field(default_factory=dict)
    """Alias or demonym -> country code."""
    names_re: LazyPattern | None = None
    heads: frozenset[str] | None = None
    """The first word of every name: a line without one of them holds no name (None: some
    name does not start with a letter or digit, so every line is searched)."""
    prefix_re: LazyPattern | None = None
    suffix_re: LazyPattern | None = None

    @classmethod
    def from_packs(cls, packs: Sequence[Pack]) -> Gazetteer:
        gazetteer = cls()
        aliases: set[str] = set()
        demonyms: set[str] = set()
        for pack in packs:
            table = pack.data.get("institutions")
            if isinstance(table, dict):
                gazetteer._read(table, aliases, demonyms)
        names = set(gazetteer.owners) | set(gazetteer.generic)
        if not names:
            return gazetteer
        gazetteer.names_re = LazyPattern(
            rf"(?<![\p{{L}}\p{{N}}]){_alternation(names)}(?![\p{{L}}\p{{N}}])"
        )
        heads = {_WORD_RE.match(name) for name in names}
        if all(heads):
            gazetteer.heads = frozenset(head.group() for head in heads if head)
        places = _alternation(aliases)
        adjectives = _alternation(demonyms)
        gazetteer.prefix_re = LazyPattern(
            rf"(?:{_NOT_BEFORE_ALIAS}(?<![\p{{L}}\p{{N}}.])(?P<alias>{places})(?:['’]s|['’])"
            rf"|(?<![\p{{L}}\p{{N}}.-])(?P<demonym>{adjectives}))\s+$"
        )
        gazetteer.suffix_re = LazyPattern(
            rf"\s+(?P<prep>in|of)\s+(?:the\s+)?{_NOT_BEFORE_ALIAS}(?P<alias>{places})(?![\p{{L}}\p{{N}}])"
        )
        return gazetteer

    def _read(self, table: Mapping[str, Any], aliases: set[str], demonyms: set[str]) -> None:
        for role, spec in table.get("roles", {}).items():
            self.labels[role] = str(spec.get("label", role))
            words = [str(w) for w in spec.get("cues", [])]
            if words:
                self.cues[role] = regex.compile(
                    rf"(?<![\p{{L}}]){_alternation(set(words))}(?![\p{{L}}])", regex.IGNORECASE
                )
            self.confusable[role] = tuple(str(r) for r in spec.get("confusable", []))
            if spec.get("abroad", False):
                self.abroad.add(role)
        for role, names in table.get("generic", {}).items():
            for name in names:
                self.generic[str(name)] = role
        for code, spec in table.get("countries", {}).items():
            roles = {role: tuple(str(n) for n in names) for role, names in spec.get("roles", {}).items()}
            known = self.countries.get(code)
            if known is not None:  # a later pack extends a country: its names come after
                roles = {r: (*known.roles.get(r, ()), *roles.get(r, ())) for r in {*known.roles, *roles}}
            self.countries[code] = Country(
                code,
                str(spec.get("name", known.name if known else code)),
                bool(spec.get("generic_names", known.generic_names if known else True)),
                roles,
            )
            for alias in spec.get("aliases", []):
                self.places[str(alias)] = code
                aliases.add(str(alias))
            for demonym in spec.get("demonyms", []):
                self.places[str(demonym)] = code
                demonyms.add(str(demonym))
            for role, names in roles.items():
                for name in names:
                    for form in (name, *_inverted(name)):
                        self.owners.setdefault(form, {})[code] = role

    def placed_in(self, line: str, start: int, end: int) -> tuple[str, bool] | None:
        """The country an explicit context places the name at ``start:end`` in, if any, and
        whether that context is only a location ("X in Country") rather than ownership."""
        assert self.prefix_re is not None and self.suffix_re is not None
        before = self.prefix_re.search(line[max(0, start - 60) : start])
        if before:
            return self.places[before.group("alias") or before.group("demonym")], False
        after = self.suffix_re.match(line, end)
        return (self.places[after.group("alias")], after.group("prep") == "in") if after else None

    def suggestion_role(self, role: str, country: Country, sentence: str) -> str | None:
        """The role whose institution to suggest: the name's own, or a confusable one the
        sentence's cue words point at."""
        candidates = [r for r in (role, *self.confusable.get(role, ())) if r in country.roles]
        if not candidates:
            return None

        def score(r: str) -> int:
            cue = self.cues.get(r)
            return len(cue.findall(sentence)) if cue else 0

        return max(candidates, key=lambda r: (score(r), r == role))


_OF_FORM_RE = regex.compile(r"(Department|Ministry) of (?:the )?(\p{Lu}[\p{L}-]*(?: \p{Lu}[\p{L}-]*)?)")


def _inverted(name: str) -> tuple[str, ...]:
    """'Justice Department' for 'Department of Justice', 'Health Ministry' for 'Ministry of Health'."""
    match = _OF_FORM_RE.fullmatch(name)
    return (f"{match.group(2)} {match.group(1)}",) if match else ()


_WORD_RE = regex.compile(r"[\p{L}\p{N}]+")


def _alternation(items: Iterable[str]) -> str:
    ordered = sorted(set(items), key=lambda s: (-len(s), s))
    return "(?:" + "|".join(regex.escape(s).replace(r"\ ", r"\s+") for s in ordered) + ")"


@dataclass(frozen=True)
class Misplaced:
    name: str
    start: int
    end: int
    country: Country
    role: str
    owners: tuple[str, ...]
    suggestion: str | None


def misplaced(gazetteer: Gazetteer, line: str) -> Iterable[Misplaced]:
    """Institution names on a line that an explicit context puts in a country not their own."""
    if gazetteer.names_re is None:
        return
    if gazetteer.heads is not None and gazetteer.heads.isdisjoint(_WORD_RE.findall(line)):
        return
    for match in gazetteer.names_re.finditer(line):
        name = regex.sub(r"\s+", " ", match.group())
        placed = gazetteer.placed_in(line, match.start(), match.end())
        if placed is None or placed[0] not in gazetteer.countries:
            continue
        code, location_only = placed
        country = gazetteer.countries[code]
        owners = gazetteer.owners.get(name, {})
        if code in owners:
            continue
        if name in gazetteer.generic:
            role = gazetteer.generic[name]
            if country.generic_names or role not in country.roles:
                continue
        elif owners:
            role = next((r for r in owners.values() if r in country.roles), next(iter(owners.values())))
        else:
            continue
        if location_only and role in gazetteer.abroad:
            continue
        sentence = _sentence_at(line, match.start())
        chosen = gazetteer.suggestion_role(role, country, sentence)
        suggestion = country.roles[chosen][0] if chosen else None
        yield Misplaced(name, match.start(), match.end(), country, role, tuple(owners), suggestion)


def _sentence_at(line: str, offset: int) -> str:
    for match in _SENTENCE_RE.finditer(line):
        if match.start() <= offset < max(match.end(), match.start() + 1):
            return str(match.group())
    return line


class WrongJurisdiction(Rule):
    meta = RuleMeta(
        code="NL502",
        name="wrong-jurisdiction",
        severity=Severity.WARNING,
        category="accuracy/mistranslation",
        fixable=True,
        summary="A country's institution placed in another country.",
        what=(
            "An institution name from the gazetteer in rules/institutions.toml (defence, foreign "
            "affairs, interior and homeland security, police, intelligence, central bank, "
            "legislature, courts, statistics, health, finance, justice, armed forces of the G20 "
            "countries and a few more) that its context explicitly places in another country: "
            "'X in Canada', 'X of Canada', 'Canada's X', 'Canadian X'. Generic names "
            "('Ministry of Defence', 'Parliament') are reported only for a country whose own "
            "name for the role differs. The suggestion is that country's institution for the "
            "same role, or for a role translation systems confuse it with when the sentence "
            "is about that role (homeland security and national defence in a sentence about "
            "troops). A name with no country next to it, or with its own country, is not "
            "reported."
        ),
        why=(
            "Machine translation renders a ministry by its nearest equivalent in the engine's "
            "dominant locale ('Department of National Defence' becomes 'Department of Homeland "
            "Security'), which puts a U.S. agency in Canada and misinforms the reader."
        ),
        example=(
            "The Department of Homeland Security in Canada said the mission was suspended.\n"
            "  <- NL502, suggestion: 'Department of National Defence'"
        ),
    )

    scope = "corpus"
    needs = ("story",)
    gazetteer: Gazetteer

    def setup(self, packs: Sequence[Pack], config: Config) -> None:
        self.gazetteer = Gazetteer.from_packs(packs)

    def check(self, ctx: RuleContext) -> Iterable[Diagnostic]:
        found = list(self._gazetteer_findings(ctx))
        yield from found
        for story in story_diagnostics(self, ctx, ("institution",)):
            if not any(overlaps(story, d) for d in found):
                yield story

    def _gazetteer_findings(self, ctx: RuleContext) -> Iterable[Diagnostic]:
        """Institutions that the gazetteer says belong to a country other than the one the
        text places them in."""
        if not hasattr(self, "gazetteer"):
            return
        doc = ctx.document
        for number, line in enumerate(doc.lines, start=1):
            if ctx.roles[number] in SKIPPED_ROLES:
                continue
            base = doc.line_start(number)
            for found in misplaced(self.gazetteer, line):
                yield self._report(ctx, base, found)

    def _report(self, ctx: RuleContext, base: int, found: Misplaced) -> Diagnostic:
        gaz = self.gazetteer
        label = gaz.labels.get(found.role, found.role)
        country = found.country
        if found.owners:
            whose = " and ".join(
                gaz.countries[c].possessive for c in found.owners if c in gaz.countries
            )
            message = f"'{found.name}' is {whose} {label}, not {country.possessive}"
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
            ctx, base + found.start, base + found.end, message, suggestion=found.suggestion, fix=fix
        )


RULES = [WrongJurisdiction]
