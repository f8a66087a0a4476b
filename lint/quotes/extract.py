"""Direct quotations of an article: where they are, their words, and who said them.

Extraction is cheap (a character scan per paragraph, regexes for the attribution): curly,
straight and guillemet double quotes, top-level curly single quotes, nested single quotes kept
inside their quotation, a paragraph left open (continued quotation), and quotations split by an
attribution (``"A," he said. "B."``) joined into one. Each quotation keeps its speaker when the
sentence or paragraph attributes one; a pronoun takes the last speaker named in the article.
"""

from __future__ import annotations

import struct
import sys
from collections.abc import Iterator, Sequence
from itertools import pairwise
from typing import NamedTuple

import regex
from rapidfuzz import fuzz

from lint.document import Document
from lint.memo import per_line
from lint.names.fold import fold
from lint.roles import CHROME_ROLES, LineRoles, Role
from lint.text import WORD_RE, plain_quotes

MIN_WORDS = 4
"""Shorter quotations ("paramount", "remain the same") are not indexed."""
OPEN_DOUBLE = "“„«"
CLOSE_DOUBLE = "”»"
ATTRIBUTION_VERBS = (
    "said|says|say|added|adds|told|tells|wrote|writes|stated|states|continued|explained|"
    "noted|notes|asked|insisted|argued|warned|declared|replied|recalled|stressed|tweeted|"
    "posted|announced|acknowledged|admitted|conceded|reads|read|according to|suggested|"
    "adding|saying|telling|writing|noting|explaining|"
    "claimed|urged|predicted|remarked|commented|emphasized|emphasised|observed"
)
_NAME = r"\p{Lu}[\p{L}\p{M}'’.-]*(?:\s+(?:\p{Lu}[\p{L}\p{M}'’.-]*|de|da|van|von|bin|al))*"
_VERB_RE = regex.compile(rf"\b(?:{ATTRIBUTION_VERBS})\b", regex.IGNORECASE)
_SPEECH_VERBS = ATTRIBUTION_VERBS.replace("according to|", "")
"""The verbs whose subject is the speaker ("according to" names the speaker after it)."""
_NAME_VERB_RE = regex.compile(
    rf"(?P<name>{_NAME})(?:,(?P<aside>[^,“”\"]{{1,60}}),|,\s+who|(?P<comma>,))?(?:\s+(?:has|had|have|also|then|later))?\s+(?P<verb>{_SPEECH_VERBS})\b"
)
_APPOSED_NAME_RE = regex.compile(rf"\s*(?P<name>\p{{Lu}}[\p{{L}}\p{{M}}'’.-]*\s+{_NAME})\s*")
"""An aside that is itself a full name: "The mayor of Vila Nova, Ana Reis, said" quotes the
person of the aside, not the place before it."""
_PLACE_PREPOSITIONS = "in|at|on|from|during|after|before|outside|inside|near|to|with|by|for|of|across"
"""Words that put a place or a time between a verb and a name: "told reporters in Rome" does
not quote Rome."""
_VERB_NAME_RE = regex.compile(
    rf"\b(?:{ATTRIBUTION_VERBS})\s+(?:(?!(?:{_PLACE_PREPOSITIONS})\s)(?:the|a|an|[\p{{Ll}}-]+)\s+){{0,4}}?(?P<name>{_NAME})"
    r"(?=\s*(?:[,.;:!?…]|$)|\s+(?:of|at|in|on|during|after|following|to|from|who|when|while|before)\b)"
)
_SUBJECT_RE = regex.compile(
    rf"(?:^|[.!?]\s+)(?P<name>\p{{Lu}}[\p{{L}}\p{{M}}'’.-]*(?:\s+{_NAME}))(?:,[^,“”\"]{{1,60}},)?\s+\p{{Ll}}"
)
"""A sentence opened by a name of two words or more (an aside may follow it: "Ana Reis, the
mayor, put ..."): a person's first mention is a full name,
while a single capitalized word there is as often a demonym or a place ("American officials")."""
_APPOSED_SUBJECT_RE = regex.compile(
    rf"(?:^|[.!?]\s+)(?:The|A|An|Its|Their)\s+\p{{Ll}}[^,.!?“”\"]{{0,60}}?,\s*"
    rf"(?P<name>\p{{Lu}}[\p{{L}}\p{{M}}'’.-]*(?:\s+{_NAME})),\s+\p{{Ll}}"
)
"""A sentence opened by a person's role with the name set off after it: "The chairman of the
union, Rolf Amsel, criticized ..."."""
_PRONOUN_RE = regex.compile(rf"\b(?:he|she|they|we|I)\s+(?:(?:also|then|later|had|has)\s+)?(?:{ATTRIBUTION_VERBS})\b")
_NOT_NAMES = frozenset(
    str.split(
    "the a an but and it this that these those there he she they we i in on at as if when "
    "while after before then so yet also however meanwhile mayor minister president prime "
    "premier chancellor secretary senator sen. rep. representative governor general gen. "
    "colonel col. lieutenant lt. major sgt. sergeant captain capt. commander admiral chief "
    "judge justice dr. mr. mrs. ms. prof. professor sir dame lord lady king queen prince "
    "princess pope bishop ayatollah sheikh spokesman spokeswoman spokesperson "
    "monday tuesday wednesday thursday friday saturday sunday january february march april "
    "may june july august september october november december today yesterday tomorrow"
    )
)
_SENTENCE_END_RE = regex.compile(r"[.!?](?=\s|$)")
CONTRACTIONS = {
    "we're": ("we", "are"), "they're": ("they", "are"), "you're": ("you", "are"),
    "it's": ("it", "is"), "that's": ("that", "is"), "there's": ("there", "is"),
    "he's": ("he", "is"), "she's": ("she", "is"), "i'm": ("i", "am"), "we've": ("we", "have"),
    "they've": ("they", "have"), "i've": ("i", "have"), "we'll": ("we", "will"),
    "they'll": ("they", "will"), "i'll": ("i", "will"), "it'll": ("it", "will"),
    "won't": ("will", "not"), "can't": ("cannot",), "cannot": ("cannot",),
    "don't": ("do", "not"), "doesn't": ("does", "not"), "didn't": ("did", "not"),
    "isn't": ("is", "not"), "aren't": ("are", "not"), "wasn't": ("was", "not"),
    "weren't": ("were", "not"), "haven't": ("have", "not"), "hasn't": ("has", "not"),
    "shouldn't": ("should", "not"), "wouldn't": ("would", "not"), "couldn't": ("could", "not"),
    "let's": ("let", "us"),
}


class Word(NamedTuple):
    """One word of a quotation: its comparison form and where it is."""

    norm: str
    start: int
    end: int
    line: int
    column: int


_PLACE = struct.Struct("<4i")
"""A word's place in a quotation's ``places``: document start and end offsets, line, column."""


class Quote(NamedTuple):
    """A direct quotation (possibly joined across an attribution) and its speaker.

    Compact, because the corpus state keeps every quotation of the corpus and is read back on
    each pre-commit run: the words' comparison forms (interned, so a pickle stores each once)
    and their places packed in bytes; :meth:`word` unpacks one.
    """

    norms: tuple[str, ...]
    speaker: str
    """The speaker's name as written, or "" when the text attributes none."""
    places: bytes

    @classmethod
    def of(cls, words: Sequence[Word], speaker: str) -> Quote:
        return cls(
            tuple(sys.intern(w.norm) for w in words),
            speaker,
            b"".join(_PLACE.pack(w.start, w.end, w.line, w.column) for w in words),
        )

    def word(self, number: int) -> Word:
        return Word(self.norms[number], *_PLACE.unpack_from(self.places, number * _PLACE.size))

    @property
    def line(self) -> int:
        return self.word(0).line


# ---------------------------------------------------------------------------------------------
# Extraction


def _opens_single(text: str, i: int) -> bool:
    """Whether the single mark at ``i`` opens a quotation (not an apostrophe in a word)."""
    return (i == 0 or not text[i - 1].isalnum()) and i + 1 < len(text) and text[i + 1].isalnum()


def _closes_single(text: str, i: int, start: int) -> bool:
    """Whether the single mark at ``i`` closes the quotation opened before ``start``."""
    return (i + 1 == len(text) or not text[i + 1].isalpha()) and i > start and not text[i - 1].isspace()


def _closer_opens(text: str, i: int) -> bool:
    """A closing mark typed where a quotation opens (”Yes,” she said): after a space, before a
    letter (NL30x reports the mark; the quotation inside is still read)."""
    return (text[i] == "”" and (i == 0 or text[i - 1].isspace() or text[i - 1] in "([")
            and i + 1 < len(text) and text[i + 1].isalnum())


@per_line
def quote_spans(text: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of the inside of each top-level quotation in a paragraph.

    A quotation still open at the end of the paragraph ends there (news style continues a
    quotation in the next paragraph with a new opening mark). Remembered by text: a wire
    paragraph that a hundred outlets carry is scanned once.
    """
    spans: list[tuple[int, int]] = []
    state = ""
    opener = ""
    start = 0
    size = len(text)
    for i, char in enumerate(text):
        if state == "":
            if char in OPEN_DOUBLE or char == '"' or _closer_opens(text, i):
                state, opener, start = "double", char, i + 1
            elif char == "‘" and _opens_single(text, i):
                state, start = "single", i + 1
        elif state == "double":
            if char in CLOSE_DOUBLE or char == '"' or (char == "“" and opener == "„"):
                spans.append((start, i))
                state = ""
            elif char == "“":  # a new opening mark before the old one closed
                spans.append((start, i))
                opener, start = char, i + 1
        elif state == "single" and char == "’" and _closes_single(text, i, start):
            spans.append((start, i))
            state = ""
    if state:
        spans.append((start, size))
    return tuple(spans)


@per_line
def _speaker_in(text: str) -> str | None:
    """A named speaker in attribution text, "" for a pronoun, None for no attribution."""
    for pattern in (_NAME_VERB_RE, _VERB_NAME_RE):
        for match in pattern.finditer(text):
            if pattern is _NAME_VERB_RE and match.group("comma"):
                after = _VERB_NAME_RE.match(text, match.start("verb"))
                if after is not None:  # "... near Santa Rosa, said the mayor Ana Reis": hers
                    match = after
            name = _clean_name(_apposed(match) or match.group("name"))
            if name:
                return name
    if _PRONOUN_RE.search(text):
        return ""
    return None


def _apposed(match: regex.Match[str]) -> str | None:
    """The full name set off by commas between a title's place and the verb, if any."""
    aside = match.groupdict().get("aside")
    found = _APPOSED_NAME_RE.fullmatch(aside) if aside else None
    return found.group("name") if found else None


@per_line
def _subject_in(text: str) -> str:
    """The last name that opens a sentence as its subject ("Minister Omar Haddad spoke ...",
    "The head of the union, Rolf Amsel, said ...")."""
    found = sorted((m.start(), _clean_name(m.group("name")))
                   for pattern in (_SUBJECT_RE, _APPOSED_SUBJECT_RE) for m in pattern.finditer(text))
    return next((n for _, n in reversed(found) if " " in n), "")  # "The Italian ..." names nobody


def _clean_name(name: str) -> str:
    parts = name.replace("’", "'").split()
    cut = max((i + 1 for i, p in enumerate(parts) if p.lower().rstrip(".,") in _NOT_NAMES), default=0)
    parts = parts[cut:]
    if not parts:
        return ""
    last = parts[-1]
    if last.endswith("'s"):
        return ""  # "Okafor's remarks": a possessive, not an attribution
    return " ".join(parts).rstrip(".,")


def speaker_key(name: str) -> str:
    """The comparison key of a speaker: the surname, folded ("Hằng" and "Hang", "Müller"
    and "Muller" are one speaker: a translation keeps or drops the accents)."""
    return fold(name.split()[-1]).rstrip(".") if name else ""


def same_speaker(a: str, b: str) -> bool:
    """Unknown speakers match anyone; known ones by surname, tolerating a corrupted spelling."""
    return speaker_keys_match(speaker_key(a), speaker_key(b))


def speaker_keys_match(ka: str, kb: str) -> bool:
    if not ka or not kb:
        return True
    return ka == kb or fuzz.ratio(ka, kb) >= 80


def _norm_words(text: str) -> Iterator[tuple[str, int, int]]:
    """(comparison form, start, end) of each word; a contraction yields its expansion."""
    for match in WORD_RE.finditer(text):
        token = plain_quotes(match.group()).lower()
        for part in CONTRACTIONS.get(token, (token,)):
            yield part, match.start(), match.end()


def _is_attribution_gap(gap: str) -> bool:
    count = len(WORD_RE.findall(gap))
    return 0 < count <= 10 and bool(_VERB_RE.search(gap))


def _sentence_around(text: str, start: int, end: int) -> str:
    """The text outside the quotation from the sentence start before it to the sentence end."""
    before = text[:start]
    ends = list(_SENTENCE_END_RE.finditer(before[:-1]))
    left = before[ends[-1].end():] if ends else before
    after = text[end:]
    stop = _SENTENCE_END_RE.search(after, 1)
    right = after[: stop.end()] if stop else after
    return left + " " + right


def _groups(line: str, spans: Sequence[tuple[int, int]]) -> list[list[tuple[int, int]]]:
    """The spans in groups: one statement interrupted by its attribution is one group."""
    groups: list[list[tuple[int, int]]] = [[spans[0]]]
    for span in spans[1:]:
        if _is_attribution_gap(line[groups[-1][-1][1] : span[0]]):
            groups[-1].append(span)
        else:
            groups.append([span])
    return groups


def _group_words(line: str, group: Sequence[tuple[int, int]], base: int, number: int) -> list[Word]:
    words: list[Word] = []
    for start, end in group:
        for norm, a, b in _norm_words(line[start:end]):
            words.append(Word(norm, base + start + a, base + start + b, number, start + a + 1))
    return words


def extract_quotes(document: Document, roles: LineRoles) -> list[Quote]:
    """The quotations of a document, in order, with speakers resolved."""
    quotes: list[Quote] = []
    last_named = ""
    for number, line in enumerate(document.lines, start=1):
        role = roles[number]
        if role is Role.BLANK or role in CHROME_ROLES:
            continue
        spans = quote_spans(line)
        if not spans:
            named = _speaker_in(line) or _subject_in(line)
            if named:
                last_named = named
            continue
        groups = _groups(line, spans)
        outside = _outside(line, spans)
        paragraph_speaker = _speaker_in(outside)
        base = document.line_start(number)
        for group in groups:
            attribution = " ".join(line[a[1] : b[0]] for a, b in pairwise(group))
            attribution += " " + _sentence_around(line, group[0][0], group[-1][1])
            speaker = _speaker_in(_strip_quotes(attribution))
            if speaker is None:
                speaker = paragraph_speaker
            if speaker == "":  # "he said": the person this paragraph names, else the last one
                speaker = paragraph_speaker or _subject_in(outside) or last_named
            elif speaker:
                last_named = speaker
            words = _group_words(line, group, base, number)
            if len(words) >= MIN_WORDS:
                quotes.append(Quote.of(words, speaker or ""))
        if paragraph_speaker:
            last_named = paragraph_speaker
    surnames = _surnames(document.text)
    return [q if _plausible_speaker(q.speaker, surnames) else q._replace(speaker="") for q in quotes]


_FULL_NAME_RE = regex.compile(r"\p{Lu}[\p{L}\p{M}'’.-]+(?:\s+\p{Lu}[\p{L}\p{M}'’.-]+)+")


def _surnames(text: str) -> frozenset[str]:
    """The last words of the article's multi-word capitalized names."""
    return frozenset(m.group().split()[-1].rstrip(".,").lower() for m in _FULL_NAME_RE.finditer(text))


def _plausible_speaker(speaker: str, surnames: frozenset[str]) -> bool:
    """A one-word speaker ("Haddad said") must be the surname of a full name in the article;
    otherwise it is a place or a word the attribution pattern caught ("Tromsø said")."""
    return not speaker or " " in speaker or speaker.lower() in surnames


def _outside(line: str, spans: Sequence[tuple[int, int]]) -> str:
    parts: list[str] = []
    previous = 0
    for start, end in spans:
        parts.append(line[previous : max(previous, start - 1)])
        previous = end + 1
    parts.append(line[previous:])
    return " … ".join(parts)


def _strip_quotes(text: str) -> str:
    spans = quote_spans(text)
    return _outside(text, spans) if spans else text
