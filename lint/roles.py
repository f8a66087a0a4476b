"""Line roles: what each line of an article is, from cheap evidence.

Evidence, in order: pack entries that carry a ``role`` (promo, caption, widget, byline...), the
shape of the line (length, terminal punctuation, capitalization), its position (headline and
dek at the top), its neighbours (a video widget's title and description, short lines that
belong to a block), and blocks found at the end of the article (an appended list of unrelated
headlines, an author bio). Corpus evidence (the same normalized line in many documents) is
added later by :func:`mark_corpus_chrome`, once the corpus index exists.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum

import regex

from lint.mainblock import BlockSettings, page_layout
from lint.packs import LineFacts, Pack, PackEntry, PackTimeout
from lint.text import content_words, counted, ends_like_sentence, word_count, words
from lint.widget_lists import BLOCK_KIND, widget_lists


class Role(StrEnum):
    BLANK = "blank"
    HEADLINE = "headline"
    DEK = "dek"
    BYLINE = "byline"
    DATELINE = "dateline"
    BODY = "body"
    SUBHEAD = "subhead"
    CAPTION = "caption"
    PROMO = "promo"
    WIDGET = "widget"
    LINK_LIST = "link-list"
    BIO = "bio"
    METADATA = "metadata"
    PAGE = "page-chrome"
    """A line of the page around the article: menus, footers, teasers, comments."""


CHROME_ROLES = frozenset(
    {Role.CAPTION, Role.PROMO, Role.WIDGET, Role.LINK_LIST, Role.BIO, Role.METADATA, Role.PAGE}
)
"""Roles of lines that are not part of the article itself."""

PROSE_ROLES = frozenset({Role.BODY, Role.HEADLINE, Role.DEK, Role.SUBHEAD, Role.DATELINE})


@dataclass(frozen=True)
class Block:
    """A run of lines that belong together (1-based, inclusive)."""

    kind: str
    first: int
    last: int
    evidence: str = ""


@dataclass
class LineRoles:
    """The role of every line, the pack entry that decided it, and blocks found."""

    roles: list[Role]
    hints: dict[int, str] = field(default_factory=dict)
    blocks: list[Block] = field(default_factory=list)
    article: tuple[int, int] | None = None
    """The first and last line of the article's main block on a scraped page."""

    def in_article(self, line: int) -> bool:
        """Whether the line lies inside the article's main block (lists and tables there are
        the article's own)."""
        return self.article is not None and self.article[0] <= line <= self.article[1]

    def __getitem__(self, line: int) -> Role:
        return self.roles[line - 1]

    def is_chrome(self, line: int) -> bool:
        return self.roles[line - 1] in CHROME_ROLES

    def to_list(self) -> list[str]:
        return [str(r) for r in self.roles]


@dataclass(frozen=True)
class RoleSettings:
    """Data the classifier reads from packs (``[roles]`` tables)."""

    hint_entries: tuple[PackEntry, ...] = ()
    bio_job_words: frozenset[str] = frozenset()
    list_min_lines: int = 6
    list_max_words: int = 32
    list_max_overlap: float = 0.34
    body_min_words: int = 8
    headline_max_words: int = 24
    block: BlockSettings = field(default_factory=BlockSettings)
    hints_seen: dict[str, int] = field(default_factory=dict, compare=False, repr=False)
    """Line -> index of its hint entry (-1: none), for lines met before: a wire story's lines
    and a site's chrome recur across a corpus, and the entries are tried once per distinct
    line (at most :data:`HINT_MEMO_LINES`, then the memo starts again)."""

    @classmethod
    def from_packs(cls, packs: Sequence[Pack]) -> RoleSettings:
        entries = tuple(e for p in packs for e in p.entries if e.role)
        job_words: set[str] = set()
        numbers: dict[str, float] = {}
        for pack in packs:
            table = pack.data.get("roles", {})
            job_words.update(w.lower() for w in table.get("bio_job_words", []))
            for key in ("list_min_lines", "list_max_words", "list_max_overlap"):
                if key in table:
                    numbers[key] = table[key]
        return cls(
            hint_entries=entries,
            bio_job_words=frozenset(job_words),
            list_min_lines=int(numbers.get("list_min_lines", 6)),
            list_max_words=int(numbers.get("list_max_words", 32)),
            list_max_overlap=float(numbers.get("list_max_overlap", 0.34)),
        )


_BYLINE_RE = regex.compile(
    r"^(?:[-–—]\s*)?(?:with files from\b.*|by\s+\p{Lu}[\p{L}.'’-]+(?:\s+\p{Lu}[\p{L}.'’-]+){0,3}"
    r"(?:\s*(?:,|and|&)\s*.*)?|(?:reporting|writing|editing|additional reporting) by\b.*)$",
    regex.IGNORECASE,
)
_NAME_OUTLET_RE = regex.compile(
    r"^\p{Lu}[\p{L}.'’-]+(?:\s+\p{Lu}[\p{L}.'’-]+){1,3}\s*[,|/–—-]\s*(?:The\s+)?\p{Lu}[\p{L}&.'’ -]{1,60}$"
)
_NAME_ONLY_RE = regex.compile(r"^\p{Lu}[\p{L}.'’-]+(?:\s+\p{Lu}[\p{L}.'’-]+){1,3}$")
_BIO_SENTENCE_RE = regex.compile(
    r"(?P<name>\p{Lu}[\p{L}.'’-]+(?:\s+\p{Lu}[\p{L}.'’-]+){1,3})(?:\s+\((?P<handle>@\w+)\))?"
    r"\s+(?:is|was|has\s+been|covers|writes)\s"
)
_BIO_LABEL_RE = regex.compile(
    r"(?i)^(?P<label>about\s+the\s+(?:authors?|writers?|reporters?|columnist|contributors?)|author\s+bio(?:graphy)?)"
    r"\s*(?::\s*(?P<bio>\S.*)|[:.]?\s*)$"
)
"""A line the page labels as the writer's bio ("About the author: ...", "Author bio")."""
_DATELINE_RE = regex.compile(r"^\p{Lu}{3,}(?:[ ,]+\p{Lu}[\p{L}.]*){0,3}\s*$")


def assign_roles(lines: Sequence[str], settings: RoleSettings) -> LineRoles:
    """Give every line a role."""
    roles = [Role.BLANK] * len(lines)
    hints: dict[int, str] = {}
    for index, line in enumerate(lines):
        if not line.strip():
            continue
        entry = _remembered_hint(line, settings)
        if entry is not None:
            roles[index] = Role(entry.role)
            hints[index + 1] = entry.id
            continue
        roles[index] = _shape_role(line, settings)
    result = LineRoles(roles, hints)
    _top_of_article(lines, result, settings)
    _video_widgets(lines, result)
    _bio_block(lines, result, settings)
    _link_list(lines, result, settings)
    _page_chrome(lines, result, settings)
    _widget_lists(lines, result)
    return result


HINT_MEMO_LINES = 65_536


def _remembered_hint(line: str, settings: RoleSettings) -> PackEntry | None:
    """:func:`_hint`, once per distinct line."""
    seen = settings.hints_seen
    index = seen.get(line)
    if index is None:
        index, timed_out = _hint(line, settings.hint_entries)
        if timed_out:
            return None if index < 0 else settings.hint_entries[index]
        if len(seen) >= HINT_MEMO_LINES:
            seen.clear()
        seen[line] = index
    return None if index < 0 else settings.hint_entries[index]


def _hint(line: str, entries: Sequence[PackEntry]) -> tuple[int, bool]:
    """The index of the first entry that matches the line (-1: none), and whether an entry
    ran out of time on it."""
    facts = LineFacts.of(line)  # once for the twenty entries
    timed_out = False
    for index, entry in enumerate(entries):
        try:
            found = entry.find_in(facts)
        except PackTimeout:  # the entry's rule reports it (NL999) when it meets the line
            timed_out = True
            continue
        if found is not None:
            return index, timed_out
    return -1, timed_out


_CLOSING_QUOTES = "\"'”’»"


def _ends_sentence(line: str) -> bool:
    """Like :func:`ends_like_sentence`, but a closing quote ends a sentence only after a stop:
    ``... ‘vulnerable’`` is a headline, ``... he said: ‘We will act.’`` a sentence."""
    stripped = line.rstrip()
    bare = stripped.rstrip(_CLOSING_QUOTES)
    if bare == stripped:
        return ends_like_sentence(stripped)
    return bool(bare) and bare[-1] in ".!?…"


def _shape_role(line: str, settings: RoleSettings) -> Role:
    stripped = line.strip()
    count = word_count(line)
    if count <= 12 and (_BYLINE_RE.match(stripped) or _NAME_OUTLET_RE.match(stripped)):
        return Role.BYLINE
    if count <= 5 and _DATELINE_RE.match(stripped):
        return Role.DATELINE
    if count >= settings.body_min_words and _ends_sentence(stripped):
        return Role.BODY
    if count > settings.headline_max_words:
        return Role.BODY
    return Role.SUBHEAD


def _nonblank(roles: LineRoles) -> list[int]:
    return [i + 1 for i, r in enumerate(roles.roles) if r is not Role.BLANK]


def _top_of_article(lines: Sequence[str], result: LineRoles, settings: RoleSettings) -> None:
    """The first short, unpunctuated line is the headline; short lines after it are deks."""
    seen_headline = False
    for number in _nonblank(result):
        role = result[number]
        if role in CHROME_ROLES or role is Role.BYLINE or role is Role.DATELINE:
            continue
        if role is Role.BODY:
            return
        if not seen_headline:
            result.roles[number - 1] = Role.HEADLINE
            seen_headline = True
        else:
            result.roles[number - 1] = Role.DEK


def _groups(result: LineRoles) -> list[tuple[int, int]]:
    """Runs of non-blank lines (1-based, inclusive)."""
    groups: list[tuple[int, int]] = []
    start = 0
    for index, role in enumerate(result.roles, start=1):
        if role is Role.BLANK:
            if start:
                groups.append((start, index - 1))
                start = 0
        elif not start:
            start = index
    if start:
        groups.append((start, len(result.roles)))
    return groups


def _video_widgets(lines: Sequence[str], result: LineRoles) -> None:
    """A group with two widget lines (timestamp, duration) is a video widget: its title
    (a short unpunctuated line just before) and description belong to it."""
    groups = _groups(result)
    for position, (first, last) in enumerate(groups):
        widget_lines = [n for n in range(first, last + 1) if result[n] is Role.WIDGET]
        if len(widget_lines) < 2:
            continue
        for number in range(first, last + 1):
            result.roles[number - 1] = Role.WIDGET
        block_first = first
        if position > 0:
            prev_first, prev_last = groups[position - 1]
            title = lines[prev_last - 1]
            if (
                prev_first == prev_last
                and result[prev_last] in (Role.SUBHEAD, Role.DEK, Role.HEADLINE)
                and not ends_like_sentence(title)
            ):
                result.roles[prev_last - 1] = Role.WIDGET
                block_first = prev_last
        result.blocks.append(Block("video-widget", block_first, last))


def _bio_block(lines: Sequence[str], result: LineRoles, settings: RoleSettings) -> None:
    """An author bio at the end: a name line, an optional job line, "<Name> is ... writer"."""
    nonblank = _nonblank(result)
    tail = nonblank[-4:]
    for position, number in enumerate(tail):
        line = lines[number - 1].strip()
        if not _NAME_ONLY_RE.match(line):
            continue
        name = line
        rest = tail[position + 1 :]
        bio_line = next(
            (n for n in rest if lines[n - 1].lstrip().startswith(name + " ")), None
        )
        if bio_line is None:
            continue
        after_name = lines[bio_line - 1].strip()[len(name) :].lower()
        first_sentence = after_name.split(".")[0]
        if not regex.match(r"\s+(?:is|was|has been|covers|writes)\b", after_name):
            continue
        if not (set(words(first_sentence)) & settings.bio_job_words):
            continue
        last = nonblank[-1]
        for n in range(number, last + 1):
            if result[n] is not Role.BLANK:
                result.roles[n - 1] = Role.BIO
        result.blocks.append(Block("bio", number, last, name))
        return
    _author_bio_line(lines, result, settings, nonblank)


def _author_bio_line(
    lines: Sequence[str], result: LineRoles, settings: RoleSettings, nonblank: Sequence[int]
) -> None:
    """A bio sentence of the article's own writer anywhere on the page ("Ana Ruiz (@aruiz) is a
    reporter for ..."): its name stands alone on another line (the byline) or after "By", or
    it gives a handle. A person the article is about is not its writer. A line the page labels
    as the bio ("About the author: ...") is one whatever it says."""
    for number in nonblank:
        line = lines[number - 1].strip()
        label = _BIO_LABEL_RE.match(line)
        if label is not None and result[number] not in (Role.HEADLINE, Role.BIO):
            last = number
            if label.group("bio") is None:  # the label on its own line: the bio follows it
                last = next((n for n in nonblank if n > number), number)
            for n in range(number, last + 1):
                if result[n] is not Role.BLANK:
                    result.roles[n - 1] = Role.BIO
            result.blocks.append(Block("bio", number, last, f"the writer (labelled {label.group('label')!r})"))
            return
        found = _BIO_SENTENCE_RE.match(line)
        if found is None or result[number] is Role.BIO:
            continue
        name = found.group("name")
        first_sentence = line[found.end() :].split(". ")[0].lower()
        if not (set(words(first_sentence)) & settings.bio_job_words):
            continue
        credited = found.group("handle") is not None or any(
            n != number and _credits(lines[n - 1].strip(), name) for n in nonblank
        )
        if credited:
            result.roles[number - 1] = Role.BIO
            result.blocks.append(Block("bio", number, number, name))
            return


def _credits(line: str, name: str) -> bool:
    """Whether a line is a byline of ``name``: the name alone, or after "By"."""
    return line == name or bool(regex.match(rf"(?i:by)\s+(?:[^,;|]{{0,60}}?\b)?{regex.escape(name)}\b", line))


def _trailing_short_lines(
    lines: Sequence[str], result: LineRoles, settings: RoleSettings, nonblank: Sequence[int]
) -> list[int]:
    """The run of short lines at the end of the article, in order."""
    run: list[int] = []
    for position in range(len(nonblank) - 1, -1, -1):
        number = nonblank[position]
        role = result[number]
        if number in result.hints or role in (Role.BIO, Role.WIDGET, Role.PROMO, Role.METADATA):
            if run:
                break
            continue
        if word_count(lines[number - 1]) > settings.list_max_words:
            break
        if role is Role.BODY and (position == 0 or result[nonblank[position - 1]] is Role.BODY):
            break  # two sentence paragraphs in a row: the article itself (a teaser follows a title)
        run.append(number)
    run.reverse()
    return run


def _words_before(
    lines: Sequence[str], result: LineRoles, nonblank: Sequence[int], run: Sequence[int]
) -> set[str]:
    """The content words of the article's prose and byline before the run."""
    body_words: set[str] = set()
    for number in nonblank:
        if run and number >= run[0]:
            break
        if result[number] in PROSE_ROLES or result[number] is Role.BYLINE:
            body_words |= content_words(lines[number - 1])
    return body_words


def _link_list(lines: Sequence[str], result: LineRoles, settings: RoleSettings) -> None:
    """A run of short lines after the article whose words the article does not share."""
    nonblank = _nonblank(result)
    run = _trailing_short_lines(lines, result, settings, nonblank)
    if len(run) < settings.list_min_lines:
        return  # too short already: the article's words are not needed (the run only shrinks)
    body_words = _words_before(lines, result, nonblank, run)
    while run and _overlap(content_words(lines[run[0] - 1]), body_words) > settings.list_max_overlap:
        body_words |= content_words(lines[run.pop(0) - 1])  # still the article's own words
    if len(run) < settings.list_min_lines or not body_words:
        return
    overlaps = []
    for number in run:
        own = content_words(lines[number - 1])
        if own:
            overlaps.append(len(own & body_words) / len(own))
    unpunctuated = sum(not ends_like_sentence(lines[n - 1]) for n in run) / len(run)
    mean_overlap = sum(overlaps) / max(1, len(overlaps))
    if mean_overlap > settings.list_max_overlap or unpunctuated < 0.3:
        return
    for number in run:
        result.roles[number - 1] = Role.LINK_LIST
    result.blocks.append(
        Block("link-list", run[0], run[-1], f"{len(run)} lines, {mean_overlap:.0%} word overlap")
    )


def _page_chrome(lines: Sequence[str], result: LineRoles, settings: RoleSettings) -> None:
    """Lines of the page around the article's main block become page chrome, except the
    article's headline, dek, byline and date next to it (see :mod:`lint.mainblock`)."""
    numbers = _nonblank(result)
    known = {n for n in numbers if result[n] in CHROME_ROLES}
    credits = {n for n in numbers if result[n] in (Role.BYLINE, Role.DATELINE)}
    inline = {n for n in known if result[n] is Role.PROMO}
    layout = page_layout(lines, numbers, known, credits, settings.block, inline)
    if layout is None:
        return
    result.article = (layout.first, layout.last)
    for number, role in layout.head.items():
        if number not in known:
            result.roles[number - 1] = Role(role)
    run: list[int] = []
    for number in [*numbers, 0]:
        if number in layout.outside:
            result.roles[number - 1] = Role.PAGE
            run.append(number)
            continue
        if run:
            result.blocks.append(Block("page-chrome", run[0], run[-1], counted(len(run), "line")))
            run = []
    for found in layout.lists:
        for number in range(found.first, found.last + 1):
            if result[number] is not Role.BLANK:
                result.roles[number - 1] = Role.LINK_LIST
        result.blocks.append(Block(
            "headline-list", found.first, found.last,
            f"{found.headlines} headlines, {found.overlap:.0%} word overlap",
        ))


WIDGET_HEADINGS = frozenset({"widget-heading"})
"""The pack entries whose lines head a list of other stories ("Most Read", "Related")."""


def _widget_lists(lines: Sequence[str], result: LineRoles) -> None:
    """The teasers under a widget heading inside the article (the page's main block, or the
    whole text of an article that is no scraped page) become page chrome (see
    :mod:`lint.widget_lists`)."""
    found = widget_lists(
        lines, result.article or (1, len(lines)),
        is_heading=lambda n: result.hints.get(n) in WIDGET_HEADINGS,
        is_body=lambda n: result[n] is Role.BODY,
        is_chrome=result.is_chrome,
    )
    for heading, first, last in found:
        marked = [n for n in range(first, last + 1) if result[n] is not Role.BLANK and not result.is_chrome(n)]
        for number in marked:
            result.roles[number - 1] = Role.PAGE
        if marked:
            title = lines[heading - 1].strip()
            result.blocks.append(Block(BLOCK_KIND, marked[0], marked[-1], f"{counted(len(marked), 'line')} listed under '{title}'"))


def _overlap(own: set[str], body: set[str]) -> float:
    return len(own & body) / len(own) if own else 0.0


def mark_corpus_chrome(
    result: LineRoles, repeated_lines: Sequence[int]
) -> None:
    """Lines that many other documents carry (corpus evidence) become widget chrome unless
    they already have a chrome role."""
    for number in repeated_lines:
        if result[number] not in CHROME_ROLES:
            result.roles[number - 1] = Role.WIDGET
