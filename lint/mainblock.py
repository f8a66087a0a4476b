"""The article's main block on a scraped page, judged from text alone as jusText judges
paragraphs.

Each non-blank line is a paragraph. Its own evidence (length, share of function words, a chrome
role the packs gave it) classes it good, near-good, short or bad; the classes of its neighbours
then decide the short and near-good ones (jusText's context step). The main block is the run of
good lines with the most text, where runs may be joined across a few unknown lines (a caption,
a subheading) and across any number of lines whose chrome role is already known (ad markers,
promos). Comments and teasers of other stories are runs of their own: a username, a vote count
and a timestamp between each of them split them from the article and from each other.

Stopwords are jusText's lists (the most frequent words of each language's Wikipedia), the list
chosen per document as the one that covers most of its words.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from enum import Enum

import regex

from lint.headlines import HeadlineList, dateline_teasers, headline_lists
from lint.lineshape import (
    choose_stoplist,
    coherence,
    headline_shaped,
    is_date_line,
    shares_words,
    stopword_density,
    templated_lines,
    topic_words,
)
from lint.text import ends_like_sentence, word_count


class Quality(Enum):
    GOOD = "good"
    NEAR = "near-good"
    SHORT = "short"
    BAD = "bad"


@dataclass(frozen=True)
class BlockSettings:
    """jusText's default thresholds (characters and stopword density) and the joining gap."""

    length_low: int = 70
    length_high: int = 200
    stopwords_low: float = 0.30
    stopwords_high: float = 0.32
    max_gap: int = 2
    """Unknown bad lines that may sit between two parts of one main block."""
    few_short_lines: int = 3
    """A document with no more short lines than this (a headline, a dek, a dateline) besides
    its bylines and known chrome is all article: the page analysis is skipped."""


def classify(
    lines: Sequence[str],
    numbers: Sequence[int],
    chrome: Collection[int],
    stoplist: frozenset[str],
    settings: BlockSettings,
) -> dict[int, Quality]:
    """jusText's context-free class of each line (1-based ``numbers``); ``chrome`` lines are bad."""
    classes: dict[int, Quality] = {}
    for number in numbers:
        if number in chrome:
            classes[number] = Quality.BAD
            continue
        text = lines[number - 1].strip()
        if len(text) < settings.length_low:
            classes[number] = Quality.SHORT
            continue
        density = stopword_density(text, stoplist)
        if density >= settings.stopwords_high:
            classes[number] = Quality.GOOD if len(text) > settings.length_high else Quality.NEAR
        elif density >= settings.stopwords_low:
            classes[number] = Quality.NEAR
        else:
            classes[number] = Quality.BAD
    return classes


def _nearest(classes: Sequence[Quality], skip_near: bool, backwards: bool) -> list[Quality]:
    """For each position, the class of the nearest line before it (or after it) that is not
    short (nor near-good, with ``skip_near``); the page's edge counts as bad."""
    out = [Quality.BAD] * len(classes)
    last = Quality.BAD
    indexes = range(len(classes) - 1, -1, -1) if backwards else range(len(classes))
    for i in indexes:
        out[i] = last
        found = classes[i]
        if found is not Quality.SHORT and not (skip_near and found is Quality.NEAR):
            last = found
    return out


def revise(order: Sequence[int], classes: dict[int, Quality]) -> dict[int, Quality]:
    """jusText's context step: short lines take the class of their surroundings, near-good
    lines are good unless bad text surrounds them and no prose line sits right next to them
    (two near-good paragraphs in a row are prose; a lone one between headlines is a teaser)."""
    revised = dict(classes)
    seq = [classes[n] for n in order]
    before, after = _nearest(seq, True, False), _nearest(seq, True, True)
    before_near, after_near = _nearest(seq, False, False), _nearest(seq, False, True)
    good, near, bad, short = Quality.GOOD, Quality.NEAR, Quality.BAD, Quality.SHORT
    for i, number in enumerate(order):
        found = seq[i]
        if found is short:
            if before[i] is after[i]:
                revised[number] = before[i]
            elif (before[i] is bad and before_near[i] is near) or (
                after[i] is bad and after_near[i] is near
            ):
                revised[number] = good
            else:
                revised[number] = bad
        elif found is near:
            both_bad = before[i] is bad and after[i] is bad
            paired = (i > 0 and seq[i - 1] in (good, near)) or (
                i + 1 < len(seq) and seq[i + 1] in (good, near)
            )
            revised[number] = bad if both_bad and not paired else good
    return revised


def good_runs(
    numbers: Sequence[int], classes: dict[int, Quality], chrome: Collection[int], max_gap: int
) -> list[list[int]]:
    """Runs of good lines, joined across at most ``max_gap`` unknown lines in a row (lines of
    a known chrome role do not count); each run lists its good lines."""
    runs: list[list[int]] = []
    current: list[int] = []
    gap = 0
    for number in numbers:
        if classes[number] is Quality.GOOD:
            current.append(number)
            gap = 0
        elif current and number not in chrome:
            gap += 1
            if gap > max_gap:
                runs.append(current)
                current, gap = [], 0
    if current:
        runs.append(current)
    return runs


def _paired(numbers: Sequence[int], raw: dict[int, Quality]) -> set[int]:
    """Lines of prose (good or near-good) right next to another line of prose."""
    prose = [raw[n] in (Quality.GOOD, Quality.NEAR) for n in numbers]
    return {
        n
        for i, n in enumerate(numbers)
        if prose[i] and ((i > 0 and prose[i - 1]) or (i + 1 < len(numbers) and prose[i + 1]))
    }


def run_score(
    lines: Sequence[str], run: Sequence[int], raw: dict[int, Quality], paired: Collection[int]
) -> float:
    """The run's paragraph weights (a repeated line counts once), times how much its
    paragraphs share their words with each other: an article keeps to its topic, a list of
    other stories' teasers does not."""
    seen: set[str] = set()
    weight = 0.0
    bags: list[frozenset[str]] = []
    for number in run:
        text = lines[number - 1].strip()
        if text in seen:
            continue
        seen.add(text)
        weight += paragraph_weight(text, raw[number], number in paired)
        if raw[number] is not Quality.SHORT:
            bags.append(topic_words(text))
    return weight * (0.25 + coherence(bags))


def paragraph_weight(text: str, quality: Quality, paired: bool = False) -> float:
    """How much a good line says that its run is the article, as Readability scores
    paragraphs: one, plus its commas, plus a point per hundred characters (at most three).
    Lines that are good only by their neighbours (short lines, a lone teaser sentence) or do
    not end like a sentence (headlines) count for little; near-good prose next to other
    prose counts in full."""
    if quality is Quality.SHORT or quality is Quality.BAD:
        return 0.0
    if (quality is Quality.NEAR and not paired) or not ends_like_sentence(text):
        return 0.25
    return 1.0 + text.count(",") + min(len(text) / 100, 3.0)


@dataclass(frozen=True)
class MainBlock:
    """The first and last line of the article's dense prose (1-based, inclusive), and the
    class of every non-blank line."""

    first: int
    last: int
    classes: dict[int, Quality]
    raw: dict[int, Quality]
    paired: set[int]
    templated: set[int]


def find_main_block(
    lines: Sequence[str],
    numbers: Sequence[int],
    chrome: Collection[int],
    settings: BlockSettings,
    stoplist: frozenset[str] | None = None,
) -> MainBlock | None:
    """The run of good lines with the most text, or None when the page has no good line.

    Templated lines (a vote count, a timestamp under each comment) are bad and, unlike lines
    of a known chrome role, they split runs: comments are not the article."""
    if stoplist is None:
        stoplist = choose_stoplist(lines)
    templated = templated_lines(lines, numbers)
    raw = classify(lines, numbers, {*chrome, *templated}, stoplist, settings)
    classes = revise(numbers, raw)
    runs = good_runs(numbers, classes, set(chrome) - templated, settings.max_gap)
    if not runs:
        return None
    paired = _paired(numbers, raw)
    best = max(runs, key=lambda run: run_score(lines, run, raw, paired))
    return MainBlock(best[0], best[-1], classes, raw, paired, templated)


_FIGURE_RE = regex.compile(r"[(\[]?[\p{Sc}+\-–]?\d[\d.,:/%–\-]*(?:[\p{L}%]{1,3}|\p{Sc})?[)\].,;:]?")
"""A figure: a number, an amount, a percentage, a time or a measure ("63", "$4.50", "85%",
"2–3", "500g"), not a name that holds digits ("user_77")."""
_HANDLE_RE = regex.compile(r"\(@\w{1,30}\)")
HEAD_WINDOW = 8
"""Lines above the main block searched for the headline, dek, byline and date."""
HEAD_MAX_TITLES = 3
TAIL_WINDOW = 6
LOOSE_TOP_LINES = 2
"""A page with at most this many chrome-shaped lines above its main block has no top chrome:
the lines above are the article's own title lines and lead."""


def _prose_sentence(line: str, stoplist: frozenset[str]) -> bool:
    text = line.strip()
    return (
        word_count(text) >= 6
        and ends_like_sentence(text)
        and stopword_density(text, stoplist) >= 0.3
    )


@dataclass(frozen=True)
class PageLayout:
    """Where the article sits on the page: its main block (extended over its closing lines),
    the title lines above it with their roles, and the non-blank lines outside it."""

    first: int
    last: int
    head: dict[int, str]
    outside: frozenset[int]
    core_words: frozenset[str]
    """The content words of the main block's good lines, before it reached over lists."""
    lists: tuple[HeadlineList, ...] = ()
    """Lists of other stories' headlines on the page, inside the article or not."""


_PROSE = (Quality.GOOD, Quality.NEAR)


@dataclass
class _Page:
    """The page around a main block while the block reaches up and down over it."""

    lines: Sequence[str]
    block: MainBlock
    known: set[int]
    credits: Collection[int]
    article: set[str]
    seen: set[str]
    stoplist: frozenset[str]

    def chrome_like(self, number: int) -> bool:
        if number in self.known or number in self.block.templated:
            return True
        text = self.lines[number - 1].strip()
        if number in self.credits or text in self.seen:  # a list repeats its own labels
            return False
        return _chrome_shaped(text, self.article, self.stoplist)

    def chrome_below(self, number: int) -> bool:
        return number not in self.block.paired and self.chrome_like(number)  # prose goes on

    def absorb(self, number: int) -> None:
        self.seen.add(self.lines[number - 1].strip())
        self.article.update(topic_words(self.lines[number - 1]))

    def resumes(self, number: int) -> bool:
        return self.block.classes[number] is Quality.GOOD and shares_words(self.lines[number - 1], self.article)

    def good(self, number: int) -> bool:
        return self.block.classes[number] is Quality.GOOD

    def prose(self, numbers: Sequence[int]) -> list[int]:
        return [n for n in numbers if _prose_sentence(self.lines[n - 1], self.stoplist)]


def _few_short_lines(
    lines: Sequence[str], numbers: Sequence[int], known: Collection[int], credits: Collection[int],
    settings: BlockSettings,
) -> bool:
    """Paragraphs and title lines only: no page around the article."""
    short = sum(
        1 for n in numbers
        if n not in known and n not in credits and len(lines[n - 1].strip()) < settings.length_low
    )
    return short <= settings.few_short_lines


def _close_below(page: _Page, numbers: Sequence[int], index: dict[int, int], last: int) -> int:
    """The block's last line, down to the page's last prose when no footer follows it."""
    below = [n for n in numbers[index[last] + 1 :] if n not in page.known and n not in page.credits]
    prose_below = page.prose(below)
    if prose_below and sum(page.chrome_like(n) for n in below if n not in prose_below) <= LOOSE_TOP_LINES:
        last = max(prose_below)  # no footer below: the page closes with the article's lines
    return last


def _kept_credits(
    numbers: Sequence[int], index: dict[int, int], page: _Page, first: int, last: int
) -> set[int]:
    """Bylines and datelines inside the article, and a wire credit or byline just after it."""
    kept = {n for n in page.credits if first <= n <= last}
    for number in numbers[index[last] + 1 : index[last] + 1 + TAIL_WINDOW]:
        if number in page.credits:
            kept.add(number)  # a wire credit or byline after the story
        elif number not in page.known:
            break
    return kept


CLOSING_SHARED_WORDS = 2
"""Content words of the article that prose below an ad slot must have to be its closing
paragraph (a closing paragraph adds facts: it need not share half its words)."""
CLOSING_MAX_CHROME = 2
"""Inline chrome lines (an ad marker, a promo) that may sit between the block and it."""


def _closing_after_inline(
    page: _Page, numbers: Sequence[int], index: dict[int, int], last: int, inline: Collection[int]
) -> int:
    """The block's last line, past closing paragraphs that an ad slot or a promo cut from it:
    a lone prose line between an ad marker and a widget is bad by its surroundings in
    jusText's context step, yet it is the article's last paragraph."""
    position = index[last] + 1
    while position < len(numbers):
        skipped = 0
        while position < len(numbers) and numbers[position] in inline and skipped < CLOSING_MAX_CHROME:
            position, skipped = position + 1, skipped + 1
        if not skipped or position >= len(numbers):
            break
        number = numbers[position]
        line = page.lines[number - 1]
        if (number in page.known or page.block.raw[number] not in _PROSE or not page.prose([number])
                or len(topic_words(line) & page.article) < CLOSING_SHARED_WORDS):
            break
        last = number
        page.absorb(number)
        position += 1
    return last


LEAD_LINES = 2
"""Short prose lines between a byline and the main block that open the article ("Remember the
town's quest for a slogan?")."""


def _lead_below_credit(page: _Page, numbers: Sequence[int], index: dict[int, int], first: int) -> int:
    """The article's first line: up to LEAD_LINES prose sentences right below its byline or
    dateline join the block (too short to be good lines, they are still its lead)."""
    taken: list[int] = []
    for number in reversed(numbers[: index[first]]):
        if number in page.credits:
            return min(taken, default=first)
        if len(taken) == LEAD_LINES or number in page.known or not page.prose([number]):
            break
        taken.append(number)
    return first


def _open_above(
    page: _Page, numbers: Sequence[int], index: dict[int, int], first: int
) -> tuple[int, dict[int, str]]:
    """The article's first line and its title lines with their roles."""
    above = numbers[: index[first]]
    head = _head(page.lines, above, page.known, page.credits, page.article)
    rest = [n for n in above if n not in page.known and n not in head and n not in page.credits]
    prose = page.prose(rest)
    if sum(page.chrome_like(n) for n in rest if n not in prose) <= LOOSE_TOP_LINES:
        # No menu above: the page opens with the article, its title lines and its lead.
        if prose:
            first = min(first, *prose)
        titles = [n for n in rest if n not in prose]
        head.update({n: "dek" for n in titles})
        head.update({n: "byline" for n in above if n in page.credits and n < first})
        if titles and not any(role == "headline" for role in head.values()):
            head[min(titles)] = "headline"
    return first, head


def page_layout(
    lines: Sequence[str],
    numbers: Sequence[int],
    known: Collection[int],
    credits: Collection[int],
    settings: BlockSettings,
    inline: Collection[int] = (),
) -> PageLayout | None:
    """The article's place on the page, or None when no line reads as article prose.

    ``known`` lines already have a chrome role (``inline``: of them, the ad markers and promos
    that sit inside articles); ``credits`` are bylines and datelines."""
    if _few_short_lines(lines, numbers, known, credits, settings):
        return None  # paragraphs and title lines only: no page around the article
    stoplist = choose_stoplist(lines)
    block = find_main_block(lines, numbers, known, settings, stoplist)
    if block is None:
        return None
    article: set[str] = set()
    for number in numbers:
        if block.first <= number <= block.last and block.raw[number] in _PROSE:
            article |= topic_words(lines[number - 1])  # the prose, not the lines it carries
    core = frozenset(article)
    index = {n: i for i, n in enumerate(numbers)}
    context = [n for n in numbers if block.first <= n <= block.last]
    lists = headline_lists(lines, numbers, {*known, *credits}, article, context)
    lists += dateline_teasers(lines, numbers, {*known, *credits})
    chrome = {*known, *(n for found in lists for n in numbers if found.first <= n <= found.last)}
    seen = {lines[n - 1].strip() for n in numbers if block.first <= n <= block.last}
    page = _Page(lines, block, chrome, credits, article, seen, stoplist)
    # Upwards only good lines join (teasers of the same story sit above many articles);
    # downwards the block takes list items, table rows and closing lines too.
    first = _reach(numbers, index[block.first], -1, page.chrome_like, page.absorb, page.resumes, page.good)
    last = _reach(numbers, index[block.last], 1, page.chrome_below, page.absorb, page.resumes,
                  lambda n: True)
    last = _close_below(page, numbers, index, last)
    last = _closing_after_inline(page, numbers, index, last, inline)
    first = _lead_below_credit(page, numbers, index, first)
    kept = _kept_credits(numbers, index, page, first, last)
    first, head = _open_above(page, numbers, index, first)
    outside = frozenset(
        n
        for n in numbers
        if not first <= n <= last and n not in chrome and n not in head and n not in kept
    )
    return PageLayout(first, last, head, outside, core, tuple(lists))


WINDOW = 6
"""Lines looked at ahead when the main block is extended over lists and tables..."""
WINDOW_CHROME = 5
"""...and how many of them, chrome-shaped, end it..."""
JUMP = 12
"""...unless a good line sharing the article's words comes within this many lines."""


def _reach(
    numbers: Sequence[int],
    position: int,
    step: int,
    chrome_like: Callable[[int], bool],
    absorb: Callable[[int], None],
    resumes: Callable[[int], bool],
    takes: Callable[[int], bool],
) -> int:
    """How far the main block reaches from ``numbers[position]`` in direction ``step``: it
    takes the lines that are not chrome-shaped and that it ``takes`` (list items, table cells,
    short sentences; ``absorb`` learns their words) and steps over the others, until a window
    of lines is mostly chrome. Even then the article may ``resume`` a few lines further (a table's
    header row looks like a menu)."""
    reached = numbers[position]
    position += step
    while 0 <= position < len(numbers):
        number = numbers[position]
        if not chrome_like(number):
            if takes(number):
                reached = number
                absorb(number)
            position += step
            continue
        window = numbers[position : position + WINDOW] if step > 0 else (
            numbers[max(0, position - WINDOW + 1) : position + 1])
        if sum(chrome_like(n) for n in window) >= min(WINDOW_CHROME, len(window)):
            ahead = numbers[position : position + JUMP] if step > 0 else (
                numbers[max(0, position - JUMP + 1) : position + 1][::-1])
            again = next((n for n in ahead if resumes(n)), None)
            if again is None:
                break
            position = numbers.index(again)
            continue
        position += step
    return reached


def _chrome_shaped(line: str, article: set[str], stoplist: frozenset[str]) -> bool:
    """A line shaped like a menu label, another story's headline or a widget's date: short,
    no sentence, none of the article's words, no figure. List items and table cells of the
    article have figures, sentences or its words."""
    text = line.strip()
    count = word_count(text)
    if count == 0:
        return True
    if _HANDLE_RE.search(text):
        return False  # the credit line of a quoted post: "— Name (@handle) May 2, 2024"
    if is_date_line(text) and count <= 8:
        return True
    own = topic_words(text)
    shared = len(own & article)
    need = 0.5 if headline_shaped(text) else 1 / 3
    if own and shared / len(own) >= need and shared >= min(2, len(own)):
        return False
    if shared and text[-1] in ".!?" and stopword_density(text, stoplist) >= 0.3:
        return False  # a sentence that speaks of the article's subject
    if len(own) <= 2 and count >= 3 and text[-1] in ".!?" and (
        stopword_density(text, stoplist) >= 0.2
    ):
        return False  # a short sentence: "Now for the results."
    return not any(_FIGURE_RE.fullmatch(token) for token in text.split())


def _head(
    lines: Sequence[str],
    above: Sequence[int],
    known: Collection[int],
    credits: Collection[int],
    article: set[str],
) -> dict[int, str]:
    """Title lines just above the main block: bylines and dates, and up to three lines that
    share the article's words (headline and dek); the topmost of those is the headline."""
    head: dict[int, str] = {}
    titles: list[int] = []
    for number in reversed(above[-HEAD_WINDOW:]):
        line = lines[number - 1]
        if number in known:
            continue
        if number in credits:
            head[number] = "byline"
        elif is_date_line(line):
            head[number] = "dateline"
        elif len(titles) < HEAD_MAX_TITLES and shares_words(line, article):
            titles.append(number)
            head[number] = "dek"
        else:
            break
    if titles:
        head[min(titles)] = "headline"
    return head
