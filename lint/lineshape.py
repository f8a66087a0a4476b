"""The shapes of single lines that page analysis reads: stopword density (jusText's
stoplists), topic words, dates, headlines, list filler, templated widget lines."""

from __future__ import annotations

import functools
import importlib.util
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

import regex

from lint.text import content_words, word_count, words

CANDIDATE_LANGUAGES = (
    "English", "French", "German", "Spanish", "Portuguese", "Italian", "Dutch", "Polish",
    "Swedish", "Danish", "Norwegian_Bokmal", "Finnish", "Czech", "Romanian", "Hungarian",
    "Turkish", "Indonesian", "Croatian", "Slovak", "Catalan",
)
"""Languages whose stoplists a document is matched against (jusText has a hundred; these are
the ones news corpora carry most, kept short so that the choice stays cheap)."""


@functools.cache
def _stoplists() -> dict[str, frozenset[str]]:
    """jusText's stoplists, read from its package folder (importing jusText would load lxml,
    which the line roles do not need)."""
    spec = importlib.util.find_spec("justext")
    folders = spec.submodule_search_locations if spec else None
    if not folders:
        return {}
    found: dict[str, frozenset[str]] = {}
    for name in CANDIDATE_LANGUAGES:
        path = Path(folders[0]) / "stoplists" / f"{name}.txt"
        if path.is_file():
            text = path.read_text(encoding="utf-8")
            found[name] = frozenset(w.strip().lower() for w in text.splitlines() if w.strip())
    return found


def choose_stoplist(lines: Sequence[str], sample: int = 300) -> frozenset[str]:
    """The candidate stoplist that covers most words of the document's prose lines (lines of
    seventy characters or more, the first ``sample`` words of them)."""
    counts: Counter[str] = Counter()
    taken = 0
    for line in lines:
        if len(line) < 70:
            continue
        found = words(line.lower())
        counts.update(found)
        taken += len(found)
        if taken >= sample:
            break
    lists = _stoplists()
    best = lists.get("English", frozenset())
    best_hits = -1
    seen = set(counts)
    for stoplist in lists.values():
        hits = sum(counts[t] for t in seen & stoplist)
        if hits > best_hits:
            best, best_hits = stoplist, hits
    return best


@functools.lru_cache(maxsize=8192)
def topic_words(text: str) -> frozenset[str]:
    """Content words with a plural ``s`` dropped, to compare a line's topic with the
    article's ("cases" and "case")."""
    return frozenset(w[:-1] if len(w) > 3 and w.endswith("s") else w for w in content_words(text))


def stopword_density(line: str, stoplist: frozenset[str]) -> float:
    """The share of the line's words (figures left out: a sentence full of numbers is still
    prose) that are stopwords."""
    tokens = [w for w in words(line) if not w[0].isdigit()]
    if not tokens:
        return 0.0
    return sum(t.lower() in stoplist for t in tokens) / len(tokens)


def coherence(bags: Sequence[frozenset[str] | set[str]]) -> float:
    """The mean share of a paragraph's content words that another paragraph also uses."""
    if len(bags) < 2:
        return 0.5
    counts: dict[str, int] = {}
    for bag in bags:
        for word in bag:
            counts[word] = counts.get(word, 0) + 1
    shares = [sum(counts[w] > 1 for w in bag) / len(bag) for bag in bags if bag]
    return sum(shares) / len(shares) if shares else 0.0


_MONTH = (
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
)
_DATE_RE = regex.compile(
    rf"\b{_MONTH}\s+\d{{1,2}}\b|\b\d{{1,2}}\s+{_MONTH}(?:\s|$)|\b\d{{4}}-\d{{2}}-\d{{2}}\b"
    r"|\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b|\b\d{1,2}:\d{2}\s*(?:[ap]\.?m\b|gmt|utc|[ecmp][sd]t\b)",
    regex.IGNORECASE,
)
DATE_LINE_MAX_WORDS = 16
def is_date_line(line: str) -> bool:
    return word_count(line) <= DATE_LINE_MAX_WORDS and _DATE_RE.search(line) is not None


def shares_words(line: str, article: set[str]) -> bool:
    """At least half of the line's content words (and two of them, or all of one or two) are
    the article's: a headline or dek of the article, not of another story."""
    own = topic_words(line)
    if not own:
        return False
    shared = len(own & article)
    return shared / len(own) >= 0.5 and shared >= min(2, len(own))


HEADLINE_MIN_WORDS = 4
HEADLINE_MAX_WORDS = 20
FILLER_MAX_WORDS = 3
_OPENERS = "\"'“‘«("
_CLOSER_RE = regex.compile(r"[\p{L}\p{N}.!?:;,](?=[^\p{L}\p{N}.!?:;,]*$)")
"""The last letter, figure or stop of a line, past closing quotes, brackets and emoji."""
_INNER_STOP_RE = regex.compile(r"(?:\p{Ll}{2}\.|[!?])\s+\p{Lu}")
"""Two sentences in one line: prose or a quoted review, not a headline."""


@functools.lru_cache(maxsize=16384)
def headline_shaped(line: str) -> bool:
    """Four to twenty words, opening with a capital, a figure or a quote, not closed by a
    stop, a colon or a comma (a question mark may close a headline), one sentence only."""
    text = line.strip()
    count = word_count(text)
    if not HEADLINE_MIN_WORDS <= count <= HEADLINE_MAX_WORDS:
        return False
    opener = text.lstrip(_OPENERS)[:1]
    closer = _CLOSER_RE.search(text)
    return (
        (opener.isupper() or opener.isdigit())
        and (closer is None or closer.group() not in ".!:;,")
        and _INNER_STOP_RE.search(text) is None
    )


@functools.lru_cache(maxsize=16384)
def filler(line: str) -> bool:
    """A line a headline list carries between its headlines: a rank number, a date, a label."""
    text = line.strip()
    count = word_count(text)
    if count <= FILLER_MAX_WORDS and text[-1:] not in (".", "!", "?", ";", ","):
        return True
    return count <= 8 and is_date_line(text)


TEMPLATE_MIN_LINES = 3
_DIGIT_RE = regex.compile(r"\d")
_LETTER_RE = regex.compile(r"\p{L}")
_FIGURES_RE = regex.compile(r"\d+(?:[.,:]\d+)*")
TEMPLATE_MAX_WORDS = 8


def templated_lines(lines: Sequence[str], numbers: Sequence[int]) -> set[int]:
    """Short lines with words and figures that recur on the page with other figures: a
    widget's template ("Rating: 12 votes", "3 days ago at 8:15 am" under each comment or
    teaser). Lines repeated word for word are not counted: a list may repeat its items."""
    by_key: dict[str, list[int]] = {}
    for number in numbers:
        text = lines[number - 1]
        if _DIGIT_RE.search(text) is None or _LETTER_RE.search(text) is None:
            continue
        if word_count(text) > TEMPLATE_MAX_WORDS:
            continue
        by_key.setdefault(_FIGURES_RE.sub("0", text.strip().lower()), []).append(number)
    found: set[int] = set()
    for group in by_key.values():
        texts = {lines[n - 1].strip() for n in group}
        if len(group) >= TEMPLATE_MIN_LINES and len(texts) > 1:
            found.update(group)
    return found


