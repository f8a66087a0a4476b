"""Small text helpers shared by roles, analyzers and rules."""

from __future__ import annotations

import functools
import hashlib
import unicodedata
from collections.abc import Iterator

import regex

WORD_RE = regex.compile(r"[\p{L}\p{M}\p{N}]+(?:[’'\-.][\p{L}\p{M}\p{N}]+)*")
"""A word: letters, marks and digits, with inner apostrophes, hyphens or dots."""

TERMINAL_PUNCTUATION = frozenset(".!?…:;\"'”’»)]")
"""Characters that can end a sentence-shaped line (curly quotes included)."""

_QUOTE_MAP = str.maketrans(
    {
        "‘": "'",
        "’": "'",
        "‚": "'",
        "‛": "'",
        "“": '"',
        "”": '"',
        "„": '"',
        "«": '"',
        "»": '"',
        "\u00a0": " ",
        "\u2009": " ",
        "\u202f": " ",
        "–": "-",
        "—": "-",
    }
)

_NON_KEY_RE = regex.compile(r"[^\p{L}\p{N} ]+")
_DIGIT_RE = regex.compile(r"\p{Nd}")
_SPACE_RE = regex.compile(r"\s+")

STOPWORDS = frozenset(
    ["a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any", "are", "as", "at", "be", "because", "been", "before", "being", "below", "between", "both", "but", "by", "can", "could", "did", "do", "does", "doing", "down", "during", "each", "few", "for", "from", "further", "had", "has", "have", "having", "he", "her", "here", "hers", "herself", "him", "himself", "his", "how", "i", "if", "in", "into", "is", "it", "its", "itself", "just", "me", "more", "most", "my", "myself", "no", "nor", "not", "now", "of", "off", "on", "once", "only", "or", "other", "our", "ours", "ourselves", "out", "over", "own", "same", "she", "should", "so", "some", "such", "than", "that", "the", "their", "theirs", "them", "themselves", "then", "there", "these", "they", "this", "those", "through", "to", "too", "under", "until", "up", "very", "was", "we", "were", "what", "when", "where", "which", "while", "who", "whom", "why", "will", "with", "would", "you", "your", "yours", "yourself", "yourselves", "said", "says", "say", "says", "told", "new", "one", "two", "three"]
)


class LazyPattern:
    """A regex compiled when first used: the gazetteer's alternations of thousands of names
    take a tenth of a second to compile, which a run whose files are all cached never needs."""

    def __init__(self, expression: str, flags: int = 0) -> None:
        self.expression = expression
        self.flags = flags

    @functools.cached_property
    def compiled(self) -> regex.Pattern[str]:
        return regex.compile(self.expression, self.flags)

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> regex.Match[str] | None:
        return self.compiled.search(text, pos, endpos)

    def match(self, text: str, pos: int = 0, endpos: int | None = None) -> regex.Match[str] | None:
        return self.compiled.match(text, pos, endpos)

    def finditer(self, text: str) -> Iterator[regex.Match[str]]:
        found: Iterator[regex.Match[str]] = self.compiled.finditer(text)
        return found


def counted(count: int, noun: str) -> str:
    """'1 line', '3 lines': a count with its noun in the right number (a regular plural)."""
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def plain_quotes(text: str) -> str:
    """Map curly quotes, dashes and odd spaces to their ASCII forms."""
    return text.translate(_QUOTE_MAP)


def words(text: str) -> list[str]:
    """The words of ``text`` in order."""
    found: list[str] = WORD_RE.findall(text)
    return found


@functools.lru_cache(maxsize=65536)
def word_count(text: str) -> int:
    """``len(words(text))``, remembered: line roles, packs and rules ask it of the same lines."""
    return len(WORD_RE.findall(text))


@functools.lru_cache(maxsize=4096)
def line_key(line: str) -> str:
    """A CCNet-style normalized form: lowercase, digits to 0, no punctuation, single spaces."""
    text = plain_quotes(unicodedata.normalize("NFKC", line)).lower()
    text = _DIGIT_RE.sub("0", text)
    text = _NON_KEY_RE.sub(" ", text)
    collapsed: str = _SPACE_RE.sub(" ", text)
    return collapsed.strip()


def line_hash(line: str) -> str:
    """A short hash of :func:`line_key`, or an empty string for a line with no words."""
    key = line_key(line)
    if not key:
        return ""
    return hashlib.blake2b(key.encode("utf-8"), digest_size=8).hexdigest()


def ends_like_sentence(line: str) -> bool:
    """True when the stripped line ends with terminal punctuation (curly quotes count)."""
    stripped = line.rstrip()
    return bool(stripped) and stripped[-1] in TERMINAL_PUNCTUATION


def content_words(text: str) -> set[str]:
    """Lowercased words of three or more letters that are not stopwords."""
    return {w.lower() for w in words(text) if len(w) > 2 and w.lower() not in STOPWORDS}
