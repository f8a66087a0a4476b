"""Sentences and tokens for the story layer: cheap, regex-only, with offsets.

A token keeps its surface form, a comparison form (case-folded, transliterated to ASCII, curly
quotes made plain) and its place in the sentence, so that an aligned difference can be reported
at the exact characters of the article.
"""

from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

import regex
import snowballstemmer

from lint.lexicon import lexicon
from lint.names.fold import fold
from lint.text import STOPWORDS

_BOUNDARY_RE = regex.compile(r"(?<=[.!?…][”\"’')\]»]?)\s+(?=[“\"‘'(\[«„]?[\p{Lu}\p{N}])")
_ABBREVIATION_RE = regex.compile(
    r"(?:^|[\s(])(?:\p{Lu}\.)+$|(?:^|\s)(?:Mr|Mrs|Ms|Dr|Gen|Lt|Col|Sgt|Capt|Maj|Sen|Rep|Gov|Prof|St|"
    r"No|Jan|Feb|Aug|Sept|Oct|Nov|Dec|Inc|Corp|Co|Ltd|Jr|Sr|vs|a\.m|p\.m)\.$"
)
TOKEN_RE = regex.compile(
    r"(?<![\p{N}.,])\p{N}{1,3}(?:[ \u00a0\u202f\u2009]\p{N}{3})+(?![\p{N}.,])"  # space-grouped: 2 600
    r"|\p{N}+(?:[.,:]\p{N}+)*(?:\.\p{N}+)?"  # numbers: 3,900  9.740  8,5  1.46  7:30
    r"|[\p{L}\p{M}]+(?:['’\-][\p{L}\p{M}]+)*"  # words with inner apostrophes and hyphens
    r"|[$€£¥₹₩%]"  # currency and percent signs carry meaning for figures
)


class Token(NamedTuple):
    """One token of a sentence: comparison form, surface, and sentence-relative offsets."""

    norm: str
    surface: str
    start: int
    end: int


class Sentence(NamedTuple):
    """A sentence of a document: its line, the 1-based column and the document offset where it
    starts, its text, and the spans (sentence-relative) of the people's names in it."""

    line: int
    column: int
    start: int
    text: str
    names: tuple[tuple[int, int], ...] = ()


def split_sentences(line: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of a line; a period after an initial or a common
    abbreviation ("U.S.", "Gen.") does not end a sentence."""
    spans: list[tuple[int, int]] = []
    first = 0
    for match in _BOUNDARY_RE.finditer(line):
        if _ABBREVIATION_RE.search(line[max(0, match.start() - 12) : match.start()]):
            continue
        if line[first : match.start()].strip():
            spans.append((first, match.start()))
        first = match.end()
    if line[first:].strip():
        spans.append((first, len(line.rstrip())))
    return spans


_SPACED_THOUSANDS_RE = regex.compile(r"\d{1,3}(?:[ \u00a0\u202f\u2009]\d{3})+")
_COMMA_THOUSANDS_RE = regex.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?")


@lru_cache(maxsize=131072)
def norm(surface: str) -> str:
    """The comparison form of a token: folded (see :func:`lint.names.fold.fold`), possessive
    's dropped, thousands separators of a number removed."""
    if surface[:1].isdigit():
        if _SPACED_THOUSANDS_RE.fullmatch(surface):
            return "".join(surface.split())
        return surface.replace(",", "") if _COMMA_THOUSANDS_RE.fullmatch(surface) else surface
    folded = fold(surface)
    if folded.endswith("'s") and len(folded) > 2:
        folded = folded[:-2]
    return folded


def tokenize(text: str) -> tuple[Token, ...]:
    """The tokens of a sentence."""
    return tuple(
        Token(norm(m.group()), m.group(), m.start(), m.end()) for m in TOKEN_RE.finditer(text)
    )


_STEMMER = snowballstemmer.stemmer("english")


@lru_cache(maxsize=131072)
def stem(word: str) -> str:
    """The Porter2 stem of a folded word ("affected" and "affecting" are "affect")."""
    return str(_STEMMER.stemWord(word))


def is_content(token: Token) -> bool:
    """A word that carries meaning: not a stopword, not a one-letter word or a sign."""
    return len(token.norm) > 1 and token.norm not in STOPWORDS and token.surface[:1].isalnum()


COMMON_COUNT = 5_000_000
"""A word this frequent in the lexicon is an ordinary word: capitalized at a sentence's start,
it does not begin a name ("Scientists", "Officials", "Health")."""


def is_common_word(token: Token) -> bool:
    """A stopword or a frequent English word."""
    return token.norm in STOPWORDS or lexicon().get(token.norm, 0) >= COMMON_COUNT


