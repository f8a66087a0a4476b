"""Lists of other stories' headlines anywhere in the article: a run of headline-shaped lines
(short, capitalized, no closing stop) whose words the article itself barely uses, with the
list's own filler between them (rank numbers, dates, one-word section labels); and runs of
teasers that print each story's headline, dateline and first words on one line."""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Sequence
from dataclasses import dataclass

import regex

from lint.lineshape import coherence, filler, headline_shaped, shares_words, topic_words

MIN_HEADLINES = 4
MAX_TRAILING_FILLERS = 2
MAX_OVERLAP = 0.5
"""A run whose headlines share on average more than this share of their content words with
the article is the article's own (a list of its sections, a table of contents)."""
MIN_COPIES = 3
"""A page may print a list of other stories twice (a sidebar and a footer); items printed three
times or more are the article's own structure (a meal plan for each day, a table per team)."""
MAX_COHERENCE = 0.4
"""Other stories' headlines share few words with each other; a list of the article's own
(steps, ingredients, a schedule) repeats its words from item to item."""


EMBEDDED_DATELINE = regex.compile(
    r"(?<=[\p{Ll}\p{N}’'\"”)?!:])\s+\p{Lu}{2,}[\p{Lu}'’.-]*(?:\s+\p{Lu}{2,}[\p{Lu}'’.-]*){0,3}"
    r"(?:,\s+\p{Lu}[\p{L}'’.-]+(?:\s+\p{Lu}[\p{L}'’.-]+){0,2})?"
    r"\s*(?::|\s[—–-])\s+\p{Lu}[\p{L}'’-]*(?:\s+\S+){4}"
)
"""A dateline in the middle of a line, after a headline that has no closing stop and before
five words of a lead: "Mayor opens the new bridge KESTON: The mayor of ..."."""
MIN_TEASERS = 3
MIN_TEASER_HEADLINE = 20
"""Characters before the dateline (a headline's worth)."""


@dataclass(frozen=True)
class HeadlineList:
    """A list found: its lines, how many headlines, their mean share of the article's words."""

    first: int
    last: int
    headlines: int
    overlap: float


def headline_lists(
    lines: Sequence[str],
    numbers: Sequence[int],
    stops: Collection[int],
    article: set[str],
    context: Sequence[int],
) -> list[HeadlineList]:
    """Runs of headline-shaped and filler lines among ``numbers`` (``stops`` end a run) with
    at least four headlines sharing on average at most half of their words with ``article``
    and with the other ``context`` lines (a recipe's items recur from one list to the next).
    Headlines that share the article's words are left out of the lists found: the article's
    own headline and dek may sit next to such lists, or inside them."""
    bags = {n: topic_words(lines[n - 1]) for n in {*numbers, *context}}
    copies = Counter(lines[n - 1].strip() for n in numbers)
    counts: Counter[str] = Counter()
    for n in context:
        counts.update(bags[n])
    found: list[HeadlineList] = []
    run: list[int] = []
    for number in [*numbers, 0]:
        line = lines[number - 1] if number else ""
        if number and number not in stops and (headline_shaped(line) or filler(line)):
            run.append(number)
            continue
        if sum(headline_shaped(lines[n - 1]) for n in run) >= MIN_HEADLINES:
            inside: Counter[str] = Counter()
            for n in run:
                if n in context:
                    inside.update(bags[n])
            elsewhere = {w for w, c in counts.items() if c > inside[w]}
            listed = _judge(lines, run, article | elsewhere, copies)
            if listed is not None:
                found.extend(_without_own_headlines(lines, run, listed, article))
        run = []
    return found


def _without_own_headlines(
    lines: Sequence[str], run: list[int], listed: HeadlineList, article: set[str]
) -> list[HeadlineList]:
    """The list in pieces around the headlines that share the article's words: the
    article's own headline may sit among other stories' headlines, and keeps its role."""
    pieces: list[HeadlineList] = []
    piece: list[int] = []
    for number in [*(n for n in run if listed.first <= n <= listed.last), 0]:
        own = number and headline_shaped(lines[number - 1]) and shares_words(
            lines[number - 1], article)
        if number and not own:
            piece.append(number)
            continue
        if piece:
            pieces.append(HeadlineList(piece[0], piece[-1], listed.headlines, listed.overlap))
            piece = []
    return pieces


def _judge(
    lines: Sequence[str], run: list[int], article: set[str], copies: Counter[str]
) -> HeadlineList | None:
    heads = [n for n in run if headline_shaped(lines[n - 1])]
    if len(heads) < MIN_HEADLINES:
        return None
    recurring = sum(copies[lines[n - 1].strip()] >= MIN_COPIES for n in heads)
    if recurring * 2 >= len(heads):
        return None  # items printed again and again: a plan or schedule of the article's own
    shares = []
    for number in heads:
        own = topic_words(lines[number - 1])
        shares.append(len(own & article) / len(own) if own else 0.0)
    overlap = sum(shares) / len(shares)
    if overlap > MAX_OVERLAP:
        return None
    bags = [topic_words(lines[n - 1].replace("-", " ")) for n in heads]  # post-match: match
    if coherence(bags) > MAX_COHERENCE:
        return None  # items that keep to one topic: the article's own list (steps, a menu)
    tail = [n for n in run if n > max(heads)]
    last = run[-1] if len(tail) <= MAX_TRAILING_FILLERS else max(heads)
    return HeadlineList(run[0], last, len(heads), overlap)


def dateline_teasers(lines: Sequence[str], numbers: Sequence[int], stops: Collection[int]) -> list[HeadlineList]:
    """Runs of at least three lines among ``numbers`` that each run a headline, a dateline and
    a lead together (a list of other stories' teasers; an article has one dateline, at its
    start). ``stops`` end a run."""
    found: list[HeadlineList] = []
    run: list[int] = []
    for number in [*numbers, 0]:
        match = EMBEDDED_DATELINE.search(lines[number - 1]) if number and number not in stops else None
        if match is not None and match.start() >= MIN_TEASER_HEADLINE:
            run.append(number)
            continue
        if len(run) >= MIN_TEASERS:
            found.append(HeadlineList(run[0], run[-1], len(run), 0.0))
        run = []
    return found
