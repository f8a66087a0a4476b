"""Name mentions from capitalized runs: cheap, regex-only, one pass over a line.

A run is a sequence of capitalized tokens separated by single spaces, with lowercase particles
(van, de, bin) inside it and hyphenated prefixes (al-Hakim) as part of a token. An acronym, a
lowercase word, punctuation, a possessive or a sentence-ending period closes it. Everything up
to the last title of the run is set apart ("Peruvian Gen. Tomas Ferrand" -> title "Peruvian
Gen.", name "Tomas Ferrand"); sentence-initial function words are dropped.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple

import regex

TOKEN_RE = regex.compile(
    r"(?<![\p{L}\p{M}\p{N}])\p{L}[\p{L}\p{M}]*(?:(?:\.?[-\u2010\u2011]|['\u2019.])\p{L}[\p{L}\p{M}]*)*\.?"
)
POSSESSIVE = ("'s", "\u2019s", "'S", "\u2019S")
SPACES = frozenset({" ", "\u00a0"})
MAX_NAME_TOKENS = 4
SUFFIXES = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"})


class Mention(NamedTuple):
    """One name mention on a line; columns are 0-based code points of the line."""

    line: int
    start: int
    end: int
    surface: str
    """The name as written, titles and possessive set apart."""
    given: tuple[str, ...]
    surname: str
    surname_start: int
    title: str
    attached: str = ""
    """For a surname-only mention: the full name it abbreviates in the same document."""


@dataclass(frozen=True)
class NameData:
    """Word lists from the ``[names]`` tables of the packs."""

    titles: frozenset[str] = frozenset()
    particles: frozenset[str] = frozenset()
    hyphen_prefixes: frozenset[str] = frozenset()
    compound_heads: frozenset[str] = frozenset()
    """Lowercase last parts that make a capitalized compound an adjective ("Lisbon-based",
    "Vermont-sized"); a name's hyphenated part ("Min-jun", "Ha-eun") is none of them."""
    function_words: frozenset[str] = frozenset()
    not_names: frozenset[str] = frozenset()
    derivation_suffixes: tuple[str, ...] = ()
    accept: frozenset[str] = frozenset()
    reject: Mapping[str, str] | None = None
    roles: frozenset[str] = frozenset()
    cognates: Mapping[str, str] | None = None
    """Folded given name -> its family ("istvan" -> "stephen"), rules/names.toml."""

    @classmethod
    def from_packs(cls, packs: Iterable[Any]) -> NameData:
        lists: dict[str, set[str]] = {
            k: set()
            for k in ("titles", "particles", "hyphen_prefixes", "compound_heads", "function_words",
                      "not_names", "derivation_suffixes", "accept", "roles")
        }
        reject: dict[str, str] = {}
        cognates: dict[str, str] = {}
        for pack in packs:
            table = pack.data.get("names")
            if not isinstance(table, dict):
                continue
            for key, bucket in lists.items():
                bucket.update(str(w).lower() for w in table.get(key, []))
            for key in ("given_name_cognates", "romanized_surnames"):
                for family, names in table.get(key, {}).items():
                    cognates.update({str(name).lower(): f"{key}:{family}" for name in names})
            vocabulary = table.get("vocabulary", {})
            lists["accept"].update(str(w) for w in vocabulary.get("accept", []))
            reject.update({str(k): str(v) for k, v in vocabulary.get("reject", {}).items()})
        return cls(
            titles=frozenset(lists["titles"]),
            particles=frozenset(lists["particles"]),
            hyphen_prefixes=frozenset(lists["hyphen_prefixes"]),
            compound_heads=frozenset(lists["compound_heads"]),
            function_words=frozenset(lists["function_words"]),
            not_names=frozenset(lists["not_names"]),
            derivation_suffixes=tuple(sorted(lists["derivation_suffixes"], key=len, reverse=True)),
            accept=frozenset(lists["accept"]),
            reject=reject,
            roles=frozenset(lists["roles"]),
            cognates=cognates,
        )


class _Token(NamedTuple):
    start: int
    end: int
    text: str
    kind: str
    """name, particle, title-only punctuation is not a token; "stop" closes the run before it;
    "compound" (a capitalized adjective: "Lisbon-based") discards it."""
    closes: bool
    """The run ends after this token (possessive, sentence-ending period)."""


def _classify(raw: str, data: NameData) -> tuple[str, str, bool]:
    """(kind, text without possessive or final period, closes-after)."""
    lower = raw.lower()
    if raw.endswith(POSSESSIVE) and len(raw) > 2:
        return _possessive(raw)
    text = raw
    closes = False
    if text.endswith(".") and lower not in data.titles and not _initial(text):
        if lower.rstrip(".") in data.titles or _dotted_title(lower, data):
            return "name", text, False  # "Gen." checked as a title later
        text = text[:-1]
        closes = True
    if _closing_stop(text, lower, data):
        return "stop", text, True
    return _kind(text, lower, data), text, closes


def _possessive(text: str) -> tuple[str, str, bool]:
    """A possessive token closes the run: a name unless its base is lowercase or an acronym."""
    base = text[:-2]
    acronym = base.isupper() and len(base) > 1
    return ("name" if base[:1].isupper() and not acronym else "stop"), base, True


def _closing_stop(text: str, lower: str, data: NameData) -> bool:
    """An inner period that is no title (U.S, e.g), or a listed non-name."""
    if "." in text and lower not in data.titles and not _dotted_title(lower, data):
        return True
    return lower.rstrip(".") in data.not_names or lower in data.not_names


def _kind(text: str, lower: str, data: NameData) -> str:
    """The kind of a token by its case: name, particle or stop."""
    if text.isupper() and len(text) > 1 and lower not in data.titles:
        return "stop"  # acronyms: NATO, UNESCO
    if text[0].isupper():
        if _HYPHENS_RE.search(text) and _HYPHENS_RE.split(text)[-1].lower() in data.compound_heads:
            return "compound"  # "Lisbon-based", "Vermont-sized": an adjective, not a name
        return "name"
    head, sep, rest = text.partition("-")
    if sep and head.lower() in data.hyphen_prefixes and rest[:1].isupper():
        return "name"
    if lower in data.particles:
        return "particle"
    return "stop"


_HYPHENS_RE = regex.compile(r"[-\u2010\u2011]")


def _initial(text: str) -> bool:
    return len(text) == 2 and text[0].isupper() and text[1] == "."


_TITLE_JOINER_RE = regex.compile(r"[-\u2010\u2011]")


def _dotted_title(lower: str, data: NameData) -> bool:
    if not _TITLE_JOINER_RE.search(lower):
        return False  # one part: "Gen." is checked as a title by the caller
    parts = [p for p in _TITLE_JOINER_RE.split(lower) if p]
    return len(parts) > 1 and all(p in data.titles or p + "." in data.titles for p in parts)


def _is_title(text: str, data: NameData) -> bool:
    lower = text.lower()
    return lower in data.titles or lower.rstrip(".") in data.titles or _dotted_title(lower, data)


def tokens(line: str, data: NameData) -> Iterator[_Token | None]:
    """The line's tokens; None for a plain lowercase word that is no particle (most of a
    line's words: a stop, classified without :func:`_classify` or a token object)."""
    particles, not_names = data.particles, data.not_names
    for match in TOKEN_RE.finditer(line):
        raw = match.group()
        if raw.islower() and raw.isalpha():
            if raw not in particles or raw in not_names:
                yield None
                continue
            yield _Token(match.start(), match.end(), raw, "particle", False)
            continue
        kind, text, closes = _classify(raw, data)
        yield _Token(match.start(), match.start() + len(text), text, kind, closes)


def runs(line: str, data: NameData) -> Iterable[list[_Token]]:
    """Maximal runs of name tokens and inner particles."""
    run: list[_Token] = []
    for token in tokens(line, data):
        if token is None:  # a stop
            if run:
                yield run
                run = []
            continue
        if run and (line[run[-1].end : token.start] not in SPACES or run[-1].closes):
            yield run
            run = []
        if token.kind == "compound":
            run = []  # "Los Angeles-based": the words before are the adjective's, not a name
            continue
        if token.kind == "stop":
            if run:
                yield run
            run = []
            continue
        if token.kind == "particle" and not run:
            continue
        run.append(token)
    if run:
        yield run


def mention_from_run(number: int, run: Sequence[_Token], data: NameData) -> Mention | None:
    """Split a run into title and name, or None when no name is left."""
    items = _trim_run(run, data)
    if not items:
        return None
    cut = _title_cut(items, data)
    title = " ".join(t.text for t in items[: cut + 1])
    name = items[cut + 1 :]
    while name and name[0].kind == "particle":
        name.pop(0)
    if not _plausible_name(name, data):
        return None
    first = len(name) - 1
    while first > 0 and name[first - 1].kind == "particle":
        first -= 1
    surname_tokens = name[first:]
    given = tuple(t.text for t in name[:first] if t.kind == "name")
    start, end = name[0].start, name[-1].end
    surname = " ".join(t.text for t in surname_tokens)
    surface = " ".join(t.text for t in name)
    return Mention(number, start, end, surface, given, surname, surname_tokens[0].start, title)


def _trim_run(run: Sequence[_Token], data: NameData) -> list[_Token]:
    """The run without trailing particles, leading function words and a final suffix."""
    items = list(run)
    while items and items[-1].kind == "particle":
        items.pop()
    while items and items[0].text.lower() in data.function_words:
        items.pop(0)
    if len(items) > 1 and items[-1].text.lower() in SUFFIXES:
        items.pop()
    return items


def _title_cut(items: Sequence[_Token], data: NameData) -> int:
    """Index of the last title before the final token, or -1."""
    cut = -1
    for i in range(len(items) - 1):
        if _is_title(items[i].text, data):
            cut = i
    return cut


def _plausible_name(name: Sequence[_Token], data: NameData) -> bool:
    """Whether the tokens left after the title can be a name."""
    if not name or len(name) > MAX_NAME_TOKENS:
        return False
    folded = [t.text.lower() for t in name]
    if len(set(folded)) < len(folded):
        return False  # "Mission Kenya Kenya": a doubled word, not a name
    return not (len(name) == 1 and (_is_title(name[0].text, data) or name[0].text.endswith(".")))


MIN_PLACED_RUN = 3
"""Words a run after "of" must have for its first to be read as a place ("the vice mayor of Hechi
Liang Jianhua"): "the son of Lima Barreto" keeps its two."""


def _place_first(line: str, run: list[_Token]) -> list[_Token]:
    """The run without its first word when that word is a place right after "of" ("the vice
    mayor of Hechi Liang Jianhua": Hechi is the city, Liang Jianhua the name)."""
    if len(run) < MIN_PLACED_RUN or not line[: run[0].start].rstrip().lower().endswith(" of"):
        return run
    from lint.context.places import places

    return run[1:] if places().lookup(run[0].text) is not None else run


def line_mentions(number: int, line: str, data: NameData) -> list[Mention]:
    """Every name mention on one line."""
    out: list[Mention] = []
    for run in runs(line, data):
        mention = mention_from_run(number, _place_first(line, run), data)
        if mention is not None:
            out.append(mention)
    return out
