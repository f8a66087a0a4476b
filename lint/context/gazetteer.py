"""The institutions gazetteer: national institutions by role and country, with the countries'
aliases and demonyms (rules/institutions.toml, ``[institutions]``).

Every institution name of every pack is filed under its first word (longest first), so a line
is scanned once for words that start a name, and only there are the names tried; only a match
looks at its few neighbouring words for an explicit country ("X in Canada", "Canada's X",
"Canadian X"). NL502 (lint/rules/jurisdiction.py) and the
article's country (lint/context/country.py) read it.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import regex

from lint.packs import Pack
from lint.roles import Role
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
    demonym_names: set[str] = field(default_factory=set)
    names_re: LazyPattern | None = None
    """Every name in one alternation, longest first: only for names that do not start with a
    letter or digit (see ``by_head``)."""
    by_head: dict[str, tuple[tuple[str, ...], ...]] | None = None
    """First word -> the names it starts, longest first, each as its space-separated parts: a
    line without one of these words holds no name. None: some name does not start with a
    letter or digit, so every line is searched with ``names_re``."""
    prefix_re: LazyPattern | None = None
    suffix_re: LazyPattern | None = None
    mention_re: LazyPattern | None = None
    """Any country's alias or demonym, as a word."""
    famous: set[str] = field(default_factory=set)
    """Names known abroad by themselves ("Federal Reserve", "Pentagon"): an article elsewhere
    may name them bare, so only an explicit context reports them."""
    self_marked: set[str] = field(default_factory=set)
    """Names that carry their country's name ("Reserve Bank of India", "U.S. Border Patrol")."""

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
        gazetteer.by_head = _names_by_head(names)
        places = _alternation(aliases)
        adjectives = _alternation(demonyms)
        gazetteer.prefix_re = LazyPattern(
            rf"(?:{_NOT_BEFORE_ALIAS}(?<![\p{{L}}\p{{N}}.])(?P<alias>{places})(?:['’]s|['’])"
            rf"|(?<![\p{{L}}\p{{N}}.-])(?P<demonym>{adjectives}))\s+$"
        )
        gazetteer.suffix_re = LazyPattern(
            rf"\s+(?P<prep>in|of)\s+(?:the\s+)?{_NOT_BEFORE_ALIAS}(?P<alias>{places})(?![\p{{L}}\p{{N}}])"
        )
        gazetteer.mention_re = LazyPattern(
            rf"{_NOT_BEFORE_ALIAS}(?<![\p{{L}}\p{{N}}.])(?:{_alternation(aliases | demonyms)})(?![\p{{L}}\p{{N}}$])"
        )
        marker = regex.compile(
            rf"(?<![\p{{L}}\p{{N}}]){_alternation(aliases | demonyms)}(?![\p{{L}}\p{{N}}])"
        )
        gazetteer.self_marked = {name for name in gazetteer.owners if marker.search(name)}
        return gazetteer

    def _read(self, table: Mapping[str, Any], aliases: set[str], demonyms: set[str]) -> None:
        for role, spec in table.get("roles", {}).items():
            self._read_role(role, spec)
        self.famous.update(str(n) for n in table.get("famous", []))
        for role, names in table.get("generic", {}).items():
            for name in names:
                self.generic[str(name)] = role
        for code, spec in table.get("countries", {}).items():
            self._read_country(code, spec, aliases, demonyms)
        for code, names in table.get("demonyms", {}).items():
            for name in names:  # evidence of where an article happens, no institutions
                self.places.setdefault(str(name), str(code))
                self.demonym_names.add(str(name))

    def _read_role(self, role: str, spec: Mapping[str, Any]) -> None:
        """A role's label, cue words, confusable roles and whether it works abroad."""
        self.labels[role] = str(spec.get("label", role))
        words = [str(w) for w in spec.get("cues", [])]
        if words:
            self.cues[role] = regex.compile(
                rf"(?<![\p{{L}}]){_alternation(set(words))}(?![\p{{L}}])", regex.IGNORECASE
            )
        self.confusable[role] = tuple(str(r) for r in spec.get("confusable", []))
        if spec.get("abroad", False):
            self.abroad.add(role)

    def _read_country(
        self, code: str, spec: Mapping[str, Any], aliases: set[str], demonyms: set[str]
    ) -> None:
        """A country with its roles, aliases, demonyms and institution names."""
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
            self.demonym_names.add(str(demonym))
        for role, names in roles.items():
            for name in names:
                for form in (name, *_inverted(name)):
                    self.owners.setdefault(form, {}).setdefault(code, role)

    def institutions(self, text: str) -> Iterator[NameHit]:
        """The institution names in ``text``, as ``names_re.finditer`` finds them (the first
        of the longest-first names that matches, then on after it), but trying names only
        where a word that starts one stands. A dictionary of first words instead of the
        compiled alternation: compiling its thousands of names took each worker a fifth of a
        second."""
        if self.names_re is None:
            return
        if self.by_head is None:
            for match in self.names_re.finditer(text):
                yield NameHit(match.start(), match.end(), match.group())
            return
        by_head = self.by_head
        if by_head.keys().isdisjoint(_WORD_RE.findall(text)):
            return  # most lines: one pass in C says no name can start there
        taken = 0
        for word in _WORD_RE.finditer(text):
            if word.start() < taken:
                continue
            names = by_head.get(word.group())
            if names is None:
                continue
            for parts in names:
                end = _name_end(text, word.start(), parts)
                if end is not None:
                    taken = end
                    yield NameHit(word.start(), end, text[word.start() : end])
                    break

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
_SPACES_RE = regex.compile(r"\s+")


@dataclass(frozen=True)
class NameHit:
    """An institution name found in a text: where it stands, and its words as written."""

    start: int
    end: int
    text: str


def _names_by_head(names: Iterable[str]) -> dict[str, tuple[tuple[str, ...], ...]] | None:
    """First word -> names, in the alternation's order (longest first), split at spaces; None
    when a name does not start with a letter or digit."""
    by_head: dict[str, list[tuple[str, ...]]] = {}
    for name in sorted(set(names), key=lambda s: (-len(s), s)):
        head = _WORD_RE.match(name)
        if head is None:
            return None
        by_head.setdefault(head.group(), []).append(tuple(name.split(" ")))
    return {head: tuple(parts) for head, parts in by_head.items()}


def _name_end(text: str, start: int, parts: Sequence[str]) -> int | None:
    """Where the name made of ``parts`` ends if it stands at ``start`` of ``text`` (its spaces
    may be any run of white space, as ``\\s+`` in the alternation), not followed by a letter or
    digit; None when it does not stand there."""
    at = start
    for number, part in enumerate(parts):
        if number:
            gap = at
            while at < len(text) and text[at].isspace():
                at += 1
            if at == gap:
                return None
        if not text.startswith(part, at):
            return None
        at += len(part)
    return None if at < len(text) and text[at].isalnum() else at


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
    explicit: bool = True
    """False when only the article's country, not the words next to the name, places it."""
    weak: bool = False
    """The owner country is named elsewhere in the article: weaker evidence (info)."""


def misplaced(gazetteer: Gazetteer, line: str) -> Iterable[Misplaced]:
    """Institution names on a line that an explicit context puts in a country not their own."""
    for hit in gazetteer.institutions(line):
        name = regex.sub(r"\s+", " ", hit.text)
        placed = gazetteer.placed_in(line, hit.start, hit.end)
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
        sentence = _sentence_at(line, hit.start)
        chosen = gazetteer.suggestion_role(role, country, sentence)
        suggestion = country.roles[chosen][0] if chosen else None
        yield Misplaced(name, hit.start, hit.end, country, role, tuple(owners), suggestion)


def _sentence_bounds(line: str, offset: int) -> tuple[int, int]:
    for match in _SENTENCE_RE.finditer(line):
        if match.start() <= offset < max(match.end(), match.start() + 1):
            return match.start(), match.end()
    return 0, len(line)


def names_owner(gazetteer: Gazetteer, text: str, owners: Iterable[str]) -> bool:
    """Whether ``text`` names one of the ``owners`` countries (alias, capital or demonym)."""
    if gazetteer.mention_re is None:
        return False
    wanted = set(owners)
    return any(gazetteer.places.get(m.group()) in wanted for m in gazetteer.mention_re.finditer(text))


def article_misplaced(
    gazetteer: Gazetteer,
    line: str,
    home: str,
    mentions: Mapping[str, float],
    introduced: set[str],
    previous: str = "",
) -> Iterable[Misplaced]:
    """Institution names on a line of an article about ``home`` that belong to another country
    and have no marker of that country near them.

    A marker is the owner's name, capital or demonym before the name or in the same or the
    previous sentence ("the U.S. Coast Guard", "Washington's ... the State
    Department"), or the name itself ("Reserve Bank of India"). Not reported either: generic
    names, names several countries use, names known abroad by themselves (``famous``), roles
    that work abroad (troops, spies, diplomats), a name the article introduced earlier with its
    country (``introduced``, filled as the lines go). A country the pack does not list
    (:func:`untabled_country`) has no known roles: there only a name of one owner with a word
    of its own is reported, weakly; so it is for a listed country that lacks the name's role,
    weakly when the article names the owner anywhere. ``mentions``: how much
    the article names each country (a named owner makes the finding weak)."""
    country = gazetteer.countries.get(home) or untabled_country(home)
    if country is None:
        return
    for hit in gazetteer.institutions(line):
        name = _SPACES_RE.sub(" ", hit.text)
        owners = gazetteer.owners.get(name, {})
        placed = gazetteer.placed_in(line, hit.start, hit.end)
        if placed is not None:
            if placed[0] in owners:
                introduced.add(name)
            continue
        role = _reportable_role(gazetteer, name, owners, home, introduced)
        if role is None:
            continue
        first, last = _sentence_bounds(line, hit.start)
        sentence = line[first:last]
        before = previous if first == 0 else line[:first]
        if names_owner(gazetteer, sentence, owners) or names_owner(gazetteer, _last_sentence(before), owners):
            introduced.add(name)
            continue
        if not country.roles:  # a country the pack does not list: nothing to suggest, info
            if len(owners) == 1 and _distinctive(name):
                yield Misplaced(name, hit.start, hit.end, country, role, tuple(owners),
                                None, explicit=False, weak=True)
            continue
        weak = any(mentions.get(code, 0.0) >= 1.0 for code in owners)
        chosen = gazetteer.suggestion_role(role, country, sentence)
        if chosen is None:  # a role the pack does not give the country: nothing to suggest
            if len(owners) == 1 and _distinctive(name):
                yield Misplaced(name, hit.start, hit.end, country, role, tuple(owners),
                                None, explicit=False, weak=weak)
            continue
        yield Misplaced(name, hit.start, hit.end, country, role, tuple(owners),
                        country.roles[chosen][0], explicit=False, weak=weak)


GENERIC_WORDS = frozenset({
    "department", "ministry", "of", "the", "for", "and", "justice", "court", "appeal", "appeals",
    "supreme", "high", "national", "police", "service", "services", "office", "agency", "health",
    "interior", "home", "affairs", "finance", "defence", "defense", "foreign", "state", "public",
    "prosecution", "prosecutions", "prosecutor", "director", "attorney", "general", "electoral",
    "commission", "central", "bank", "statistics", "meteorological", "weather", "institute",
    "security", "revenue", "customs", "immigration", "education", "transport", "agriculture",
    "environment", "energy", "labour", "labor", "trade", "industry", "parliament", "senate",
    "assembly", "council", "authority", "board", "disaster", "management", "emergency",
})
"""Words of institution names that many countries share ("Court of Appeal", "Department of
Justice"): a name made of them alone may be the article's own country's, whose names the pack
does not list."""


def _distinctive(name: str) -> bool:
    """Whether a name has a word no generic institution name has ("Crown Prosecution Service",
    "Federal Bureau of Investigation")."""
    return any(word.lower() not in GENERIC_WORDS for word in _WORD_RE.findall(name))


@functools.lru_cache(maxsize=64)
def untabled_country(code: str) -> Country | None:
    """A country the institutions pack does not list, by its ISO 3166 code (pycountry's
    common name, "Czechia", "Bolivia"): its own institutions are unknown, so another country's
    institution in an article about it is reported without a suggestion, at info."""
    import pycountry

    found = pycountry.countries.get(alpha_2=code) if len(code) == 2 else None
    if found is None:
        return None
    name = str(getattr(found, "common_name", None) or found.name)
    return Country(code=code, name=name, generic_names=True, roles={})


def _reportable_role(
    gazetteer: Gazetteer, name: str, owners: Mapping[str, str], home: str, introduced: set[str]
) -> str | None:
    """The role of a foreign institution name worth reporting in an article about ``home``, or
    None for an exempt name (generic, shared, famous, self-marked, introduced) or a role that
    works abroad."""
    if (
        not owners or home in owners or len(owners) >= 4 or name in gazetteer.generic
        or (name.isupper() and len(name) <= 3)  # short acronyms are ambiguous: "SNS", "CMA"
        or name in gazetteer.famous or name in gazetteer.self_marked or name in introduced
    ):
        return None
    role = next(iter(owners.values()))
    if role in gazetteer.abroad:
        return None
    return role


def _last_sentence(text: str) -> str:
    text = text.rstrip()
    if not text:
        return ""
    starts = [m.start() for m in _SENTENCE_RE.finditer(text) if m.group().strip()]
    return text[starts[-1]:] if starts else text


def _sentence_at(line: str, offset: int) -> str:
    for match in _SENTENCE_RE.finditer(line):
        if match.start() <= offset < max(match.end(), match.start() + 1):
            return str(match.group())
    return line


_GAZETTEERS: dict[tuple[int, ...], Gazetteer] = {}


def gazetteer_for(packs: Sequence[Pack]) -> Gazetteer:
    """The gazetteer of these packs, built once per process (rules and features share it)."""
    key = tuple(id(p) for p in packs)
    found = _GAZETTEERS.get(key)
    if found is None:
        found = _GAZETTEERS[key] = Gazetteer.from_packs(packs)
    return found
