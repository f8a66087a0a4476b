"""Lists under a widget heading inside the article's main block: "Most Read", "Related
Stories" or "More from ..." followed by other stories' headlines and teasers.

A page's main block (see :mod:`lint.mainblock`) runs on over such a list when its teasers are
long enough to look like paragraphs. The heading itself is known (a pack entry gives it the
widget role). Under it, either headlines (short lines with no closing stop: the list ends at
the first sentence, where the article resumes after a "Related" box in the middle of a story)
or teasers (a headline and its dek run together, each sharing few of its words with the
article above the heading: the list ends at the first line that shares more).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from lint.text import content_words, ends_like_sentence, word_count

BLOCK_KIND = "widget-list"
"""The kind of the blocks these lists make (NL111 reports them, inside the article)."""
MIN_ARTICLE_WORDS = 60
"""Body words above the heading: without them there is no article to compare the list with
(a timestamp or share bar above the story is no list heading)."""
MAX_HEADLINE_WORDS = 14
MAX_OVERLAP = 0.15
"""A teaser shares at most this share of its content words with the article above."""
MIN_TEASER_WORDS = 6
"""Content words a line needs for its overlap to say anything ("Here are the highlights:")."""


def widget_lists(
    lines: Sequence[str], article: tuple[int, int], is_heading: Callable[[int], bool],
    is_body: Callable[[int], bool], is_chrome: Callable[[int], bool],
) -> list[tuple[int, int, int]]:
    """(heading, first, last) of each list under a widget heading inside ``article`` (first and
    last line, 1-based); lines already known as chrome may sit inside a list."""
    found: list[tuple[int, int, int]] = []
    first_line, last_line = article
    above: set[str] = set()
    words_above = 0
    number = first_line
    while number <= last_line:
        if is_heading(number) and words_above >= MIN_ARTICLE_WORDS:
            end = _list_end(lines, number, last_line, above, is_chrome)
            if end > number:
                found.append((number, number + 1, end))
                number = end + 1
                continue
        if is_body(number):
            above |= content_words(lines[number - 1])
            words_above += word_count(lines[number - 1])
        number += 1
    return found


def _list_end(
    lines: Sequence[str], heading: int, last_line: int, above: set[str], is_chrome: Callable[[int], bool],
) -> int:
    """The last line of the list under ``heading`` (``heading`` itself when none follows). A
    list of headlines ends at the first sentence that is not a dek between two headlines (the
    article resumes under a "Related" box); a list of teasers (headline and dek run together)
    goes on while its lines share few words with the article."""
    end = heading
    headlines: bool | None = None
    numbers = [n for n in range(heading + 1, last_line + 1) if lines[n - 1].strip() and not is_chrome(n)]
    for position, number in enumerate(numbers):
        text = lines[number - 1]
        own = content_words(text)
        unrelated = len(own) >= MIN_TEASER_WORDS and len(own & above) / len(own) < MAX_OVERLAP
        headline = _headline_shaped(text)
        if headlines is None:
            headlines = headline
        if headlines and not headline:
            # a headline's dek, if another headline follows; else the article resumes
            following = numbers[position + 1] if position + 1 < len(numbers) else None
            if not (unrelated and following is not None and _headline_shaped(lines[following - 1])):
                break
        elif not headlines and not unrelated:
            break
        end = number
    return end


def _headline_shaped(text: str) -> bool:
    """Short, with no closing stop and no colon that leads into what follows."""
    stripped = text.rstrip()
    return word_count(stripped) <= MAX_HEADLINE_WORDS and not ends_like_sentence(stripped) and not stripped.endswith(":")
