"""Other languages' typography in English prose.

NL306 foreign-quotes: quotation marks of other languages (guillemets, low-high quotes, corner
brackets), a closing mark that opens a quotation, and quotation marks left unbalanced in a
paragraph. NL307 foreign-punctuation: other scripts' stops (Devanagari danda, Arabic comma),
full-width punctuation and digits, middle dots between the items of a list. NL308
punctuation-spacing: a missing space after a comma or period between words, spaces inside
quotation marks or parentheses. NL309 number-format: a decimal comma, or thousands grouped with
dots or spaces, in an article whose own numbers are written the English way.

The character tables are data (rules/typography.toml); finding the marks is a few ``in``
tests per line before any pattern runs, so the rules cost little on clean English text.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field

import regex

from lint.config import Config
from lint.context.foreign import foreign_spans
from lint.diagnostic import Diagnostic, Edit, Fix, Severity
from lint.features.vocab import url_spans
from lint.packs import Pack
from lint.roles import PROSE_ROLES, Role
from lint.rules.base import Rule, RuleContext, RuleMeta
from lint.text import word_count

CHECKED_ROLES = PROSE_ROLES | {Role.CAPTION}
INNER_SPACE = " \t\u00a0\u202f\u2009"


@dataclass(frozen=True)
class QuotePair:
    name: str
    open: str
    close: str
    languages: tuple[str, ...]


@dataclass(frozen=True)
class Stop:
    char: str
    name: str
    replacement: str
    languages: tuple[str, ...]


@dataclass
class TypographyTable:
    """The pack's quotation pairs, stops, list separators and number words."""

    pairs: list[QuotePair] = field(default_factory=list)
    stops: dict[str, Stop] = field(default_factory=dict)
    separators: str = ""
    separator_languages: tuple[str, ...] = ()
    count_nouns: frozenset[str] = frozenset()
    magnitudes: frozenset[str] = frozenset()
    currencies: tuple[str, ...] = ()
    months: frozenset[str] = frozenset()

    @classmethod
    def from_packs(cls, packs: Sequence[Pack]) -> TypographyTable:
        table = cls()
        for pack in packs:
            data = pack.data.get("typography")
            if not isinstance(data, dict):
                continue
            for raw in data.get("quotes", []):
                table.pairs.append(QuotePair(str(raw["name"]), str(raw["open"]), str(raw["close"]),
                                             tuple(str(x) for x in raw.get("languages", []))))
            for raw in data.get("stops", []):
                stop = Stop(str(raw["char"]), str(raw["name"]), str(raw["replacement"]),
                            tuple(str(x) for x in raw.get("languages", [])))
                table.stops[stop.char] = stop
            separators = data.get("separators", {})
            table.separators += "".join(str(c) for c in separators.get("chars", []))
            table.separator_languages += tuple(str(x) for x in separators.get("languages", []))
            numbers = data.get("numbers", {})
            table.count_nouns |= {str(w).lower() for w in numbers.get("count_nouns", [])}
            table.magnitudes |= {str(w).lower() for w in numbers.get("magnitudes", [])}
            table.currencies += tuple(str(w) for w in numbers.get("currencies", []))
            table.months |= {str(w) for w in numbers.get("months", [])}
        return table

    @property
    def foreign_marks(self) -> frozenset[str]:
        """Every character that only another language's typography uses."""
        marks = {p.open for p in self.pairs} | {p.close for p in self.pairs}
        marks -= {"“", "”", "‘", "’"}
        return frozenset(marks | set(self.stops) | set(self.separators))

    def languages_of(self, text: str) -> dict[str, int]:
        """Languages whose marks the text carries, with how many marks point at each."""
        votes: dict[str, int] = {}
        for pair in self.pairs:
            if pair.open in text and pair.open not in "“”‘’":
                for lang in pair.languages:
                    votes[lang] = votes.get(lang, 0) + text.count(pair.open)
        for char, stop in self.stops.items():
            if char in text:
                for lang in stop.languages:
                    votes[lang] = votes.get(lang, 0) + text.count(char)
        return votes


_TABLES: dict[int, TypographyTable] = {}


def typography_table(packs: Sequence[Pack]) -> TypographyTable:
    """The table for these packs, built once per process."""
    key = id(packs[0]) if packs else 0
    if key not in _TABLES:
        _TABLES[key] = TypographyTable.from_packs(packs)
    return _TABLES[key]


def _checked_lines(ctx: RuleContext) -> Iterator[tuple[int, int, str]]:
    doc = ctx.document
    for number, line in enumerate(doc.lines, start=1):
        if ctx.roles[number] in CHECKED_ROLES:
            yield number, doc.line_start(number), line


_TYPEWRITER_RE = regex.compile(r"(?<!`)``(?!`)(?P<inner>(?:(?!``|'').)+)''(?!')")
MIN_QUOTE_LINE_WORDS = 6
"""Guillemets on shorter lines are navigation arrows ("Read more »"), not quotations."""
_WORDS_RE = regex.compile(r"\p{L}{2,}")


def _opens_quotation(line: str, at: int) -> bool:
    """A mark inside a sentence, before a word: a quotation opens here."""
    before = line[:at].rstrip(INNER_SPACE)
    after = line[at + 1 :].lstrip(INNER_SPACE)
    return bool(before) and bool(after) and after[0].isalpha() and before[-1] not in "|/•·>-–—"


def _mojibake(line: str, at: int) -> bool:
    """Whether the mark at ``at`` is a byte of a character decoded with the wrong encoding
    ('â€”', 'â‚¹'): NL304 reports those."""
    return at > 0 and line[at - 1] in "âÃÂÄÅ€"


def _curly_style(text: str) -> bool:
    """Whether the article writes curly double quotes rather than straight ones."""
    return text.count("“") + text.count("”") >= text.count('"')


# ---------------------------------------------------------------------------------------------
# NL306


def _quote_marks(line: str, taken: list[tuple[int, int]]) -> list[tuple[int, str]]:
    """Curly and straight double quotes outside the foreign pairs, with their offsets."""
    straight = '":' not in line  # a JSON record leaked into the text is NL108's
    return [
        (i, c) for i, c in enumerate(line)
        if (c in "“”" or (c == '"' and straight)) and not _mojibake(line, i)
        and not any(a <= i < b for a, b in taken)
    ]


_ATTRIBUTION_RE = regex.compile(
    r"[,?!](?=\s+(?:(?:he|she|they|we|it)\s+)?(?:said|says|added|adds|told|asked|explained|"
    r"insisted|warned|stressed)\b(?!\s+to\b))\s+\w+"
)
"""Punctuation then a speech verb: where a quotation ends and its attribution starts."""


def _lone_straight_close(line: str, open_at: int, index: int) -> bool:
    """A straight mark that closes the curly quotation opened at ``open_at``: after a word or
    punctuation, and the only straight mark before the next curly one (a straight pair inside
    is a quotation within the quotation)."""
    if index == 0 or line[index - 1].isspace():
        return False
    following = [i for i in (line.find("“", index + 1), line.find("”", index + 1)) if i != -1]
    stop = min(following) if following else len(line)
    return line.count('"', open_at, stop) == 1


def _opening_position(before: str, after: str, index: int) -> bool:
    """A mark after a space, bracket or dash (or at the start) and before a word or quote."""
    opens = before.isspace() or before in "([—–-" or index == 0
    return opens and (after.isalnum() or after in "‘'")


class ForeignQuotes(Rule):
    meta = RuleMeta(
        code="NL306",
        name="foreign-quotes",
        severity=Severity.WARNING,
        category="fluency/punctuation",
        fixable=True,
        summary="Quotation marks of another language, a closing mark that opens, or an unbalanced quotation.",
        what=(
            "Quotation marks that English does not use, kept from the source language: "
            "guillemets («…», »…«, ‹…›), low-high quotes („…“, „…”, ‚…‘), corner and angle brackets "
            "(「…」, 『…』, 《…》); TeX's and tokenized corpora's ``…'' (a corpus turned "
            "back into text); a closing mark used to open a quotation (”We …); and, in a "
            "paragraph, a closing quotation mark with no opening one, or an opening one never "
            "closed (unless the next paragraph opens with a quotation mark, the English way of "
            "continuing a quotation); a quotation opened with a curly mark and closed with a "
            "straight one, or the reverse (a warning, with a safe fix to the matching mark); a "
            "quotation never closed that runs into its own attribution (', said the mayor': a "
            "warning at the attribution, with a safe fix that closes it there). The marks "
            "table is rules/typography.toml. A matched pair "
            "gets a safe fix to the article's own quotation marks (curly or straight), without "
            "the spaces French typography puts inside. A quotation whose words are of that "
            "other language (a slogan quoted as written) is reported at info."
        ),
        why=(
            "A translation system often keeps the source's quotation marks: the text is no "
            "longer English typography, and tools that find quotations (attribution, quote "
            "comparison) miss them."
        ),
        example="called it «a night to remember»   <- NL306, suggestion: '“a night to remember”'",
    )
    needs = ("context",)

    table: TypographyTable

    def setup(self, packs: Sequence[Pack], config: Config) -> None:
        self.table = typography_table(packs)

    def check(self, ctx: RuleContext) -> Iterable[Diagnostic]:
        curly = _curly_style(ctx.document.text)
        opener, closer = ("“", "”") if curly else ('"', '"')
        lines = ctx.document.lines
        foreign = foreign_spans(ctx.analysis)
        for number, base, line in _checked_lines(ctx):
            taken: list[tuple[int, int]] = []
            if any(p.open in line for p in self.table.pairs):
                yield from self._pairs(ctx, base, line, opener, closer, taken, foreign.get(number, ()))
            if "``" in line:
                yield from self._typewriter(ctx, base, line, opener, closer, taken)
            if "“" in line or "”" in line or '"' in line:
                following = next((x.lstrip() for x in lines[number:] if x.strip()), "")
                yield from self._english(ctx, base, line, taken, following)

    def _pairs(
        self, ctx: RuleContext, base: int, line: str, opener: str, closer: str,
        taken: list[tuple[int, int]], foreign: Sequence[tuple[int, int]] = (),
    ) -> Iterator[Diagnostic]:
        """Quotations in another language's marks (``foreign``: the spans of the line's words of
        another language; a quotation of such words keeps its own marks at info)."""
        by_open: dict[str, list[QuotePair]] = {}
        for pair in self.table.pairs:
            if pair.open not in ("“", "”", "‘", "’") and pair.open in line:
                by_open.setdefault(pair.open, []).append(pair)
        prose = word_count(line) >= MIN_QUOTE_LINE_WORDS
        for mark, pairs in by_open.items():
            start = line.find(mark)
            while start != -1:
                if any(a <= start < b for a, b in taken) or _mojibake(line, start):
                    start = line.find(mark, start + 1)
                    continue
                closes = [(line.find(p.close, start + 1), p) for p in pairs]
                closes = [(at, p) for at, p in closes if at != -1]
                nested = line.find(mark, start + 1)
                end, pair = min(closes, key=lambda c: c[0]) if closes else (-1, pairs[0])
                if end == -1 or (nested != -1 and nested < end):
                    taken.append((start, start + 1))
                    if prose and _opens_quotation(line, start):
                        yield self.diagnostic(
                            ctx, base + start, base + start + 1,
                            f"{mark!r} ({pair.name}) opens a quotation: not English punctuation",
                            suggestion=opener,
                        )
                    start = nested
                    continue
                taken.append((start, end + 1))
                text = line[start + 1 : end].strip(INNER_SPACE)
                if not prose or len(_WORDS_RE.findall(text)) < 2:
                    start = line.find(mark, end + 1)
                    continue  # an arrow or a page widget ("« Previous | Next »"), not a quotation
                fixed = f"{opener}{text}{closer}"
                languages = ", ".join(pair.languages[:4])
                in_its_language = any(start < at < end for at, _ in foreign)
                yield self.diagnostic(
                    ctx, base + start, base + end + 1,
                    f"Quotation in {pair.name} ({pair.open}…{pair.close}, as in {languages}): "
                    "English uses “…”" + (" (the quotation is in that language)" if in_its_language else ""),
                    severity=Severity.INFO if in_its_language else None,
                    suggestion=fixed,
                    fix=Fix((Edit(base + start, base + end + 1, fixed),), safe=True,
                            description="use English quotation marks"),
                )
                start = line.find(mark, end + 1)

    def _typewriter(
        self, ctx: RuleContext, base: int, line: str, opener: str, closer: str,
        taken: list[tuple[int, int]],
    ) -> Iterator[Diagnostic]:
        """A quotation in two backticks and two apostrophes (``like this''), the convention of
        TeX and of tokenized corpora (the Penn Treebank's): a corpus turned back into text."""
        if word_count(line) < MIN_QUOTE_LINE_WORDS:
            return
        for match in _TYPEWRITER_RE.finditer(line):
            text = match.group("inner").strip()
            if len(_WORDS_RE.findall(text)) < 2:
                continue
            start, end = match.span()
            taken.append((start, end))
            fixed = f"{opener}{text}{closer}"
            yield self.diagnostic(
                ctx, base + start, base + end,
                "Quotation in `` and '' (TeX's and tokenized corpora's marks): English uses “…”",
                suggestion=fixed,
                fix=Fix((Edit(base + start, base + end, fixed),), safe=True,
                        description="use English quotation marks"),
            )

    def _english(
        self, ctx: RuleContext, base: int, line: str, taken: list[tuple[int, int]], following: str
    ) -> Iterator[Diagnostic]:
        """A closing mark that opens, and curly or straight quotes left unbalanced."""
        marks = _quote_marks(line, taken)
        if not marks:
            return
        open_at: int | None = None
        for index, char in marks:
            open_at, found = self._mark(ctx, base, line, index, char, open_at)
            if found is not None:
                yield found
        if open_at is not None and not following.startswith(("“", '"', "‘", "'")):
            attribution = _ATTRIBUTION_RE.search(line, open_at + 1)
            if attribution is not None and line[open_at] in "“\"":
                yield self._attribution_inside(ctx, base, line, attribution)
            else:
                yield self._unclosed(ctx, base, line, open_at)

    def _mark(
        self, ctx: RuleContext, base: int, line: str, index: int, char: str, open_at: int | None
    ) -> tuple[int | None, Diagnostic | None]:
        """One quotation mark: where a quotation is open after it, and its diagnostic if any."""
        before = line[index - 1] if index else " "
        after = line[index + 1] if index + 1 < len(line) else " "
        if before.isdigit() or before == "=":
            return open_at, None  # an inch mark (12", 14”) or a markup attribute (link=”...”)
        if char == '"':
            if open_at is not None and line[open_at] == "“" and _lone_straight_close(line, open_at, index):
                return None, self._mixed_pair(ctx, base, index, "”")
            return (index if open_at is None else None), None
        if char == "”" and _opening_position(before, after, index) and open_at is None:
            return index, self._closer_opens(ctx, base, line, index)
        if char == "”" and open_at is not None and line[open_at] == '"' and line.count('"', 0, index) == 1:
            return None, self._mixed_pair(ctx, base, open_at, "“")
        if char == "“":
            if open_at is not None and line[open_at] == "“":
                return index, self._unclosed(ctx, base, line, open_at)
            return index, None
        if char == "”":
            if open_at is None:
                return None, self.diagnostic(
                    ctx, base + index, base + index + 1,
                    "A closing quotation mark (”) with no opening one in this paragraph",
                    severity=Severity.INFO,
                )
            return None, None
        return open_at, None

    def _attribution_inside(
        self, ctx: RuleContext, base: int, line: str, attribution: regex.Match[str]
    ) -> Diagnostic:
        """A quotation never closed, whose attribution ("…, said the mayor") follows inside
        it: the closing mark was lost before the attribution."""
        mark = "”" if "“" in line else '"'
        at = attribution.start() + 1
        return self.diagnostic(
            ctx, base + attribution.start(), base + attribution.end(),
            f"The quotation is not closed before its attribution ({attribution[0].strip()!r}): "
            f"a closing mark ({mark}) is missing",
            suggestion=line[attribution.start() : at] + mark,
            fix=Fix((Edit(base + at, base + at, mark),), safe=True,
                    description="close the quotation before its attribution"),
        )

    def _mixed_pair(self, ctx: RuleContext, base: int, index: int, mark: str) -> Diagnostic:
        """One end of a quotation curly, the other straight: the straight one takes the curly
        shape of its end."""
        return self.diagnostic(
            ctx, base + index, base + index + 1,
            "A quotation opened with one kind of mark and closed with another (curly and "
            f"straight): use {mark!r}",
            suggestion=mark,
            fix=Fix((Edit(base + index, base + index + 1, mark),), safe=True,
                    description="match the quotation's other mark"),
        )

    def _closer_opens(self, ctx: RuleContext, base: int, line: str, index: int) -> Diagnostic:
        """A closing mark (”) used to open a quotation."""
        close = line.find("”", index + 1)
        end = close + 1 if close != -1 else index + 1
        return self.diagnostic(
            ctx, base + index, base + end,
            "A closing quotation mark (”) opens this quotation: English opens with “",
            suggestion="“",
            fix=Fix((Edit(base + index, base + index + 1, "“"),), safe=True,
                    description="use an opening quotation mark"),
        )

    def _unclosed(self, ctx: RuleContext, base: int, line: str, at: int) -> Diagnostic:
        return self.diagnostic(
            ctx, base + at, base + at + 1,
            f"A quotation opened here ({line[at]}) is not closed in this paragraph, and the next "
            "paragraph does not continue it",
            severity=Severity.INFO,
        )


# ---------------------------------------------------------------------------------------------
# NL307

_LATIN_RE = regex.compile(r"[\p{Latin}\p{N}]")
_FULLWIDTH_RE = regex.compile(r"[\uff01-\uff5e]+")
_SPACE_AFTER = frozenset(",.;:!?")


def _latin_near(line: str, start: int, end: int) -> bool:
    """Whether the nearest non-space character before or after is Latin script or a digit."""
    before = line[:start].rstrip()
    after = line[end:].lstrip()
    return bool((before and _LATIN_RE.match(before[-1])) or (after and _LATIN_RE.match(after[0])))


def _list_suggestion(items: Sequence[str]) -> str:
    if len(items) == 2:
        return f"{items[0]} and {items[1]}"
    return ", ".join(items[:-1]) + f" and {items[-1]}"


class ForeignPunctuation(Rule):
    meta = RuleMeta(
        code="NL307",
        name="foreign-punctuation",
        severity=Severity.WARNING,
        category="fluency/punctuation",
        fixable=True,
        summary="Punctuation of another script, full-width characters, or a middle dot between words.",
        what=(
            "Next to English words: other scripts' stops and commas (Devanagari danda '।', "
            "Arabic comma '،', semicolon '؛' and question mark '؟', ideographic '。' and '、', "
            "from rules/typography.toml), full-width punctuation, letters and digits "
            "('，', '：', '２０'), and a middle dot ('·', '・') between the items of a list "
            "('interns·residents'), as Korean and Japanese write them. Stops and full-width "
            "characters get a safe fix to their English form; a list gets 'and'. Catalan's "
            "'l·l' and units such as 'N·m' are not lists."
        ),
        why=(
            "A translation system that carries the source's punctuation into English leaves "
            "characters that English readers, search and tokenizers do not treat as punctuation."
        ),
        example="the fair drew over 2,000 visitors।   <- NL307 (Devanagari danda), suggestion: '.'",
    )

    table: TypographyTable
    _marks: frozenset[str] = frozenset()

    def setup(self, packs: Sequence[Pack], config: Config) -> None:
        self.table = typography_table(packs)
        self._marks = frozenset(self.table.stops) | frozenset(self.table.separators)

    def check(self, ctx: RuleContext) -> Iterable[Diagnostic]:
        for number, base, line in _checked_lines(ctx):
            if line.isascii():
                continue
            if not self._marks.isdisjoint(line):
                yield from self._stops(ctx, base, line)
                if ctx.roles[number] is not Role.CAPTION:
                    yield from self._separators(ctx, base, line)
            if any("\uff01" <= c <= "\uff5e" for c in line):
                yield from self._fullwidth(ctx, base, line)

    def _stops(self, ctx: RuleContext, base: int, line: str) -> Iterator[Diagnostic]:
        for index, char in enumerate(line):
            stop = self.table.stops.get(char)
            if stop is None or not _latin_near(line, index, index + 1):
                continue
            replacement = stop.replacement
            after = line[index + 1 : index + 2]
            if replacement in _SPACE_AFTER and after.isalpha():
                replacement += " "
            languages = ", ".join(stop.languages[:3])
            yield self.diagnostic(
                ctx, base + index, base + index + 1,
                f"{char!r} ({stop.name}, as in {languages}) in English text: {stop.replacement!r}",
                suggestion=replacement,
                fix=Fix((Edit(base + index, base + index + 1, replacement),), safe=True,
                        description=f"use {stop.replacement!r}"),
            )

    def _separators(self, ctx: RuleContext, base: int, line: str) -> Iterator[Diagnostic]:
        dots = regex.escape(self.table.separators)
        # without spaces: " · " between spaced items is a web page's separator, not a list
        pattern = rf"(?<![\p{{L}}\p{{N}}])\p{{L}}+(?:[{dots}]\p{{L}}+)+(?![\p{{L}}\p{{N}}])"
        for match in regex.finditer(pattern, line):
            items = [s.strip() for s in regex.split(rf"[{dots}]", match.group())]
            if any(len(item) <= 2 for item in items) or regex.search(rf"[lL][{dots}][lL]", match.group()):
                continue  # l·l (Catalan), N·m (units)
            if not all(_LATIN_RE.match(item) for item in items):
                continue
            fixed = _list_suggestion(items)
            yield self.diagnostic(
                ctx, base + match.start(), base + match.end(),
                f"A middle dot between the items of a list ({match.group()!r}): English writes "
                f"{fixed!r}",
                suggestion=fixed,
                fix=Fix((Edit(base + match.start(), base + match.end(), fixed),), safe=False,
                        description=f"write {fixed!r}"),
            )

    def _fullwidth(self, ctx: RuleContext, base: int, line: str) -> Iterator[Diagnostic]:
        if not _LATIN_RE.search(_FULLWIDTH_RE.sub("", line)):
            return  # a line of CJK text: its own typography
        for match in _FULLWIDTH_RE.finditer(line):
            text = match.group()
            fixed = unicodedata.normalize("NFKC", text)
            after = line[match.end() : match.end() + 1]
            if fixed[-1:] in _SPACE_AFTER and after.isalpha():
                fixed += " "
            yield self.diagnostic(
                ctx, base + match.start(), base + match.end(),
                f"Full-width character{'s' if len(text) > 1 else ''} {text!r} in English text: "
                f"{fixed.strip()!r}",
                suggestion=fixed,
                fix=Fix((Edit(base + match.start(), base + match.end(), fixed),), safe=True,
                        description="use the ordinary characters"),
            )


# ---------------------------------------------------------------------------------------------
# NL308

MIN_PROSE_WORDS = 8
"""Shorter lines are often page chrome ("Log in.Register now"): info there."""
_COMMA_RE = regex.compile(r"(?<=\p{Ll}\p{Ll}),(?=\p{L}\p{L})")
_PERIOD_RE = regex.compile(r"(?<=(?<![\p{L}.])\p{L}\p{Ll}+)\.(?=\p{Lu}\p{Ll}+(?![\p{L}.]))")
_INSIDE_RE = regex.compile(
    r"(?P<open>[“(])(?P<a>[ \t\u00a0\u202f]+)(?=\S)|(?<=\S)(?P<b>[ \t\u00a0\u202f]+)(?P<close>[”)])"
    r"(?=[\s.,;:!?)\]]|$)"
)


class PunctuationSpacing(Rule):
    meta = RuleMeta(
        code="NL308",
        name="punctuation-spacing",
        severity=Severity.WARNING,
        category="fluency/punctuation",
        fixable=True,
        summary="A missing space after a comma or period, or spaces inside quotation marks or parentheses.",
        what=(
            "A comma or period between two words with no space after it ('increase.Some', "
            "'farmers,who'), outside web addresses; and spaces just inside quotation marks "
            "or parentheses ('“ We will ”', '( the ministry )'). The comma gets a safe fix "
            "(a space); the period an unsafe one, since a brand or file name can have a "
            "capital after a dot; inner spaces are removed safely."
        ),
        why=(
            "A detokenizer or a translation system that joined sentences, or kept another "
            "language's spacing, leaves text that tokenizers split wrongly and readers stumble on."
        ),
        example="a record harvest.Most growers   <- NL308, suggestion: 'harvest. Most'",
    )

    def check(self, ctx: RuleContext) -> Iterable[Diagnostic]:
        for _, base, line in _checked_lines(ctx):
            if "," in line or "." in line:
                yield from self._missing(ctx, base, line)
            if "(" in line or "“" in line:
                yield from self._inside(ctx, base, line)

    def _missing(self, ctx: RuleContext, base: int, line: str) -> Iterator[Diagnostic]:
        found = [(m.start(), ",", True) for m in _COMMA_RE.finditer(line)]
        found += [(m.start(), ".", False) for m in _PERIOD_RE.finditer(line)]
        if not found:
            return
        skip = url_spans(line)
        severity = None if word_count(line) >= MIN_PROSE_WORDS else Severity.INFO
        for at, mark, safe in sorted(found):
            if any(a <= at < b for a, b in skip):
                continue
            start, end = at, at + 1
            while start > 0 and line[start - 1].isalpha():
                start -= 1
            while end < len(line) and line[end].isalpha():
                end += 1
            fixed = line[start:at] + mark + " " + line[at + 1 : end]
            yield self.diagnostic(
                ctx, base + start, base + end,
                f"No space after {mark!r} between two words",
                severity=severity,
                suggestion=fixed,
                fix=Fix((Edit(base + at + 1, base + at + 1, " "),), safe=safe,
                        description="add a space"),
            )

    def _inside(self, ctx: RuleContext, base: int, line: str) -> Iterator[Diagnostic]:
        for match in _INSIDE_RE.finditer(line):
            if match.group("open"):
                mark, space = match.group("open"), match.span("a")
                where = "after"
                if match.start() and not line[match.start() - 1].isspace() and line[match.start() - 1] not in "([—–-":
                    continue  # “ closing a low-high quotation: NL306's business
            else:
                mark, space = match.group("close"), match.span("b")
                where = "before"
                if mark == "”" and line[: space[0]].count("“") <= line[: space[0]].count("”"):
                    continue  # not a closing mark here: NL306's business
            yield self.diagnostic(
                ctx, base + space[0], base + space[1],
                f"Space {where} {mark!r}",
                severity=Severity.INFO if mark in "()" else None,
                suggestion="",
                fix=Fix((Edit(base + space[0], base + space[1], ""),), safe=True,
                        description="remove the space"),
            )


# ---------------------------------------------------------------------------------------------
# NL309

_NUMBER_RE = regex.compile(
    r"(?<![\p{N}.,\p{L}])(?P<number>\p{N}{1,3}(?:(?P<sep>[.  \u202f\u2009])\p{N}{3})(?:(?P=sep)\p{N}{3})*"
    r"(?:,\p{N}+)?|\p{N}+,\p{N}{1,2})(?![\p{N}]|[.,]\p{N})"
)
_ENGLISH_RE = regex.compile(r"(?<![\p{N}.,])\p{N}{1,3}(?:,\p{N}{3})+(?![\p{N}]|[.,]\p{N})|(?<![\p{N}.,])\p{N}+\.\p{N}{1,2}(?![\p{N}])")
_LOWER_AFTER_RE = regex.compile(r"\s*(?:\p{Ll}|%|[.,;:)]|$)(?!\S*-)")
_DIGIT_RE = regex.compile(r"\d")
_PHONE_RE = regex.compile(r"\+\s?\d|\b(?:tel|phone|telephone|fax|call)\b", regex.IGNORECASE)
_NEXT_WORD_RE = regex.compile(r"\s*([\p{L}%]+)(?:\s+(\p{L}+))?")


@dataclass(frozen=True)
class NumberIssue:
    start: int
    end: int
    kind: str
    fixed: str


def english_number_count(text: str) -> int:
    """Numbers written the English way: comma thousands (9,740) or a decimal point (4.2)."""
    return sum(1 for _ in _ENGLISH_RE.finditer(text))


class NumberFormat(Rule):
    meta = RuleMeta(
        code="NL309",
        name="number-format",
        severity=Severity.WARNING,
        category="locale convention",
        fixable=True,
        summary="A decimal comma, or thousands grouped with dots or spaces, in an English article.",
        what=(
            "Numbers in another language's format: a decimal comma ('3,7 percent', "
            "'a 4,5 km race': one or two digits after the comma), thousands grouped with dots "
            "('1.250.000', '1.234,5', or one group where only a whole number makes sense: "
            "'€ 4.350', '2.500 households') or with spaces ('3 400 tickets'). A warning "
            "when the article's own other numbers are written the English way (4,350; 1.8); "
            "info otherwise. Count nouns, magnitudes and currencies are in "
            "rules/typography.toml; '1.125 billion' keeps its decimal point."
        ),
        why=(
            "Translation systems often keep the source's number format; '4.350' then reads as "
            "four point three five, and '1,5' as fifteen, to an English reader or a parser."
        ),
        example="Bus fares rise 3,7 percent in May   <- NL309, suggestion: '3.7 percent'",
    )

    table: TypographyTable

    def setup(self, packs: Sequence[Pack], config: Config) -> None:
        self.table = typography_table(packs)

    def check(self, ctx: RuleContext) -> Iterable[Diagnostic]:
        text = ctx.document.text
        english = english_number_count(text)
        severity = Severity.WARNING if english else Severity.INFO
        for _, base, line in _checked_lines(ctx):
            if not _DIGIT_RE.search(line):
                continue
            for issue in self._issues(line):
                why = {
                    "decimal": "a decimal comma",
                    "dots": "thousands grouped with dots",
                    "spaces": "thousands grouped with spaces",
                }[issue.kind]
                evidence = (f"; this article writes {english} other number"
                            f"{'s' if english > 1 else ''} the English way") if english else ""
                yield self.diagnostic(
                    ctx, base + issue.start, base + issue.end,
                    f"{line[issue.start:issue.end]!r} is written with {why}{evidence}: "
                    f"{issue.fixed!r}",
                    severity=severity,
                    suggestion=issue.fixed,
                    fix=Fix((Edit(base + issue.start, base + issue.end, issue.fixed),), safe=False,
                            description=f"write {issue.fixed!r}"),
                )

    def _issues(self, line: str) -> Iterator[NumberIssue]:
        phone = bool(_PHONE_RE.search(line))
        for match in _NUMBER_RE.finditer(line):
            number = match.group("number")
            sep = match.group("sep")
            start, end = match.span()
            currency = self._currency_before(line, start)
            if sep is None:
                whole, _, decimals = number.partition(",")
                if self._listed(line, start, end):
                    continue
                yield NumberIssue(start, end, "decimal", f"{whole}.{decimals}")
                continue
            groups, _, decimals = number.partition(",")
            digits = groups.replace(sep, "")
            fixed = f"{int(digits):,}" + (f".{decimals}" if decimals else "")
            if sep == ".":
                certain = groups.count(".") >= 2 or bool(decimals)
                if not certain and not self._whole(line, end, currency):
                    continue
                kind = "dots"
            else:
                if phone or self._after_month(line, start) or groups.count(sep) > 3:
                    continue
                if not line[:start].strip() or not _LOWER_AFTER_RE.match(line, end):
                    continue  # "2 150-year-old" (a list number), "200 787 Dreamliners" (a model)
                kind = "spaces"
            if currency is not None:
                gap = line[currency:start]
                if gap.endswith((" ", "\u00a0")):
                    yield NumberIssue(currency, end, kind, gap.rstrip(" \u00a0") + fixed)
                    continue
            yield NumberIssue(start, end, kind, fixed)

    def _currency_before(self, line: str, start: int) -> int | None:
        """The offset of a currency sign or code right before the number, if there is one."""
        before = line[max(0, start - 6) : start]
        for currency in sorted(self.table.currencies, key=len, reverse=True):
            for gap in ("", " ", "\u00a0"):
                if before.endswith(currency + gap):
                    at = start - len(currency + gap)
                    if at == 0 or not line[at - 1].isalpha():
                        return at
        return None

    def _whole(self, line: str, end: int, currency: int | None) -> bool:
        """Whether the number must be whole: money with three decimals, or a count of things."""
        found = _NEXT_WORD_RE.match(line, end)
        word = found.group(1).lower() if found else ""
        second = (found.group(2) or "").lower() if found else ""
        if word in self.table.magnitudes or (word == "per" and second == "cent"):
            return False
        if currency is not None:
            return True
        return word in self.table.count_nouns or second in self.table.count_nouns

    def _after_month(self, line: str, start: int) -> bool:
        words = line[:start].split()
        return bool(words) and words[-1].rstrip(".,") in self.table.months

    @staticmethod
    def _listed(line: str, start: int, end: int) -> bool:
        """Digits in a list or a reference ("verses 3,4"), not a decimal number."""
        before = line[max(0, start - 12) : start].lower()
        return any(w in before for w in ("verse", "chapter", "page", "pp.", "nos", "articles "))


RULES: list[type[Rule]] = [ForeignQuotes, ForeignPunctuation, PunctuationSpacing, NumberFormat]
