"""Words of other languages inside English prose, with wordfreq's multilingual lists.

A lowercase word the English lexicon does not know and that is rare in English (wordfreq) is
another language's when it is common in one of the pack's languages (wordfreq's small lists,
cheap to load) or carries letters only other languages write ("bénévoles", "złotych").
Adjacent foreign words, with the short function words between them ("de", "del", "w"), make
one phrase. Kept apart, so rules can leave them alone: glossed terms ("the aguinaldo de
Navidad, or Christmas bonus"; "X (meaning ...)"; "what locals call X"), words in a quotation of
the other language, words in parentheses, established loanwords (rules/foreign.toml), and a
title before a name. Names are capitalized and never candidates.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import regex

from lint.data_memo import read_memo, versioned_memo_path, write_memo
from lint.document import Document
from lint.features.vocab import TOKEN_RE, in_mojibake, url_spans
from lint.lexicon import lexicon
from lint.packs import Pack
from lint.roles import PROSE_ROLES, LineRoles, Role

CHECKED_ROLES = PROSE_ROLES | {Role.CAPTION}
_LOWER_WORD_RE = regex.compile(r"(?<![\p{L}\p{M}\p{N}_])\p{Ll}[\p{L}\p{M}]{3,}(?![\p{L}\p{M}\p{N}_])")
"""Lowercase words of four letters or more: the only foreign-word candidates."""
MIN_LENGTH = 4
MAX_LINE = 10_000
"""A longer line is not a paragraph of prose (a page scraped onto one line): not read."""
GAP_WORDS = frozenset(
    ["de", "del", "da", "do", "dos", "das", "di", "du", "des", "la", "le", "les", "el", "los", "las", "y", "e", "et", "und", "i", "w", "z", "na", "no", "em", "en", "a", "von", "der", "den", "zu", "al"]
)
"""Short function words that join a foreign phrase ("fiesta de la vendimia")."""
_OTHER_SCRIPT_RE = regex.compile(r"[\p{Cyrillic}\p{Greek}\p{Arabic}\p{Hebrew}\p{Devanagari}\p{Bengali}\p{Hangul}\p{Han}\p{Hiragana}\p{Katakana}\p{Thai}]+(?:\s+[\p{Cyrillic}\p{Greek}\p{Arabic}\p{Hebrew}\p{Devanagari}\p{Bengali}\p{Hangul}\p{Han}\p{Hiragana}\p{Katakana}\p{Thai}]+)*")
_SCRIPTS = (
    ("Cyrillic", ("ru", "uk")), ("Greek", ("el",)), ("Arabic", ("ar",)), ("Hebrew", ("he",)),
    ("Devanagari", ("hi",)), ("Bengali", ("bn",)), ("Hangul", ("ko",)), ("Han", ("zh", "ja")),
    ("Hiragana", ("ja",)), ("Katakana", ("ja",)), ("Thai", ("th",)),
)


@dataclass(frozen=True)
class ForeignSettings:
    languages: tuple[str, ...] = ()
    min_zipf: float = 3.0
    max_english_zipf: float = 2.0
    letters: tuple[tuple[str, tuple[str, ...]], ...] = ()
    loanwords: frozenset[str] = frozenset()
    gloss_before: tuple[str, ...] = ()
    gloss_after: tuple[str, ...] = ()

    @classmethod
    def from_packs(cls, packs: Sequence[Pack]) -> ForeignSettings:
        languages: list[str] = []
        letters: dict[str, tuple[str, ...]] = {}
        loanwords: set[str] = set()
        before: list[str] = []
        after: list[str] = []
        min_zipf, max_english = 3.0, 2.0
        for pack in packs:
            table = pack.data.get("foreign")
            if not isinstance(table, dict):
                continue
            languages += [str(x) for x in table.get("languages", []) if str(x) not in languages]
            min_zipf = float(table.get("min_zipf", min_zipf))
            max_english = float(table.get("max_english_zipf", max_english))
            letters.update({str(k): tuple(str(x) for x in v) for k, v in table.get("letters", {}).items()})
            loanwords.update(str(w).lower() for w in table.get("loanwords", []))
            gloss = table.get("gloss", {})
            before += [str(x).lower() for x in gloss.get("before", [])]
            after += [str(x) for x in gloss.get("after", [])]
        return cls(tuple(languages), min_zipf, max_english, tuple(letters.items()),
                   frozenset(loanwords), tuple(before), tuple(after))


_SETTINGS: dict[tuple[int, ...], ForeignSettings] = {}


def foreign_spans(analysis: Mapping[str, Any]) -> dict[int, list[tuple[int, int]]]:
    """Line -> the (start, end) columns of its words of another language, from a document's
    analysis (the context feature's ``foreign`` list)."""
    spans: dict[int, list[tuple[int, int]]] = {}
    for line, start, end, *_ in (analysis.get("context") or {}).get("foreign", []):
        spans.setdefault(int(line), []).append((int(start), int(end)))
    return spans


def settings_for(packs: Sequence[Pack]) -> ForeignSettings:
    key = tuple(id(p) for p in packs)
    if key not in _SETTINGS:
        _SETTINGS[key] = ForeignSettings.from_packs(packs)
    return _SETTINGS[key]


@dataclass(frozen=True)
class ForeignWord:
    """A word or phrase of another language on a line (0-based offsets within the line)."""

    line: int
    start: int
    end: int
    text: str
    language: str
    kind: str
    """"word", "phrase", "script" (a run of another script) or "weak" (:func:`weak_in`)."""
    glossed: bool = False
    quoted: bool = False

    @property
    def reportable(self) -> bool:
        return not self.glossed and not self.quoted

    def to_tuple(self) -> tuple[int, int, int, str, str, str, bool, bool]:
        return (self.line, self.start, self.end, self.text, self.language, self.kind,
                self.glossed, self.quoted)

    @classmethod
    def from_tuple(cls, data: Sequence[object]) -> ForeignWord:
        line, start, end, text, language, kind, glossed, quoted = data
        return cls(int(line), int(start), int(end), str(text), str(language), str(kind),  # type: ignore[call-overload]
                   bool(glossed), bool(quoted))


@functools.lru_cache(maxsize=65536)
def english_zipf(word: str) -> float:
    from wordfreq import zipf_frequency

    return float(zipf_frequency(word, "en"))


@functools.lru_cache(maxsize=65536)
def _other_zipf(word: str, lang: str) -> float:
    from wordfreq import zipf_frequency

    return float(zipf_frequency(word, lang, wordlist="small"))


def word_language(word: str, settings: ForeignSettings) -> str | None:
    """The language ``word`` (lowercase) belongs to, if it is not English; None otherwise."""
    if len(word) < MIN_LENGTH or word in settings.loanwords:
        return None
    if word.endswith("s") and (word[:-1] in settings.loanwords or word[:-2] in settings.loanwords):
        return None
    if word in lexicon():
        return None
    found = None
    best_zipf = 0.0
    for lang in settings.languages:
        zipf = _other_zipf(word, lang)
        if zipf > best_zipf:
            found, best_zipf = lang, zipf
    if found is None or best_zipf < settings.min_zipf:
        found = next((languages[0] for letter, languages in settings.letters if letter in word), None)
    if found is None:
        return None
    # English last: its full list is the costly one to load, and most words never get here
    return None if english_zipf(word) >= settings.max_english_zipf else found


WEAK_MIN_ZIPF = 2.0
"""A word this common in another language but under the pack's ``min_zipf`` ('brigadistas') is a
"weak" foreign word, looked for only in an article translated from that language."""
WEAK_MAX_ZIPF = 3.0
"""The top of the weak band: the default ``min_zipf``, where :func:`word_language` takes over."""
WEAK_BAND_SCHEMA = 1


def _weak_band_path(language: str) -> Path | None:
    """Where a language's weak band is kept between runs, keyed by wordfreq's version."""
    return versioned_memo_path(f"weak-{language}", ("wordfreq",), WEAK_BAND_SCHEMA)


@functools.lru_cache(maxsize=16)
def weak_band(language: str) -> frozenset[str]:
    """The words of ``language`` with a Zipf frequency from :data:`WEAK_MIN_ZIPF` up to
    :data:`WEAK_MAX_ZIPF` in wordfreq's largest list for it. Reading that list takes a tenth of
    a second; the band alone, kept in the user's cache folder (:mod:`lint.data_memo`), a
    sixtieth."""
    path = _weak_band_path(language)
    raw = read_memo(path, path.name) if path is not None else None
    if isinstance(raw, list):
        return frozenset(str(w) for w in raw)
    from wordfreq import get_frequency_dict

    low, high = 10 ** (WEAK_MIN_ZIPF - 9), 10 ** (WEAK_MAX_ZIPF - 9)
    words = sorted(w for w, f in get_frequency_dict(language, wordlist="best").items()
                   if low <= f < high and w.isalpha())
    if path is not None:
        write_memo(path, path.name, words)
    return frozenset(words)


@functools.lru_cache(maxsize=65536)
def weak_in(word: str, language: str, settings: ForeignSettings) -> bool:
    """Whether a lowercase word the English lexicon does not know (the caller checks) is a word
    of ``language``, though rarer than :func:`word_language` asks (:func:`weak_band`, read for
    the one language an article was translated from)."""
    if len(word) < MIN_LENGTH or word in settings.loanwords:
        return False
    if word.endswith("s") and (word[:-1] in settings.loanwords or word[:-2] in settings.loanwords):
        return False
    if word not in weak_band(language) or _other_zipf(word, language) >= settings.min_zipf:
        return False
    return english_zipf(word) < settings.max_english_zipf


def _in_parentheses(line: str, start: int) -> bool:
    before = line[:start]
    return before.count("(") > before.count(")")


def _quotation_at(line: str, start: int) -> tuple[int, int] | None:
    """The bounds of the quotation around ``start``, if it is inside one."""
    for opener, closer in (("“", "”"), ('"', '"'), ("«", "»"), ("„", "“"), ("„", "”")):
        left = line.rfind(opener, 0, start)
        if left == -1:
            continue
        if opener == closer and line[:left].count(opener) % 2 == 1:
            continue
        right = line.find(closer, start)
        if right != -1 and (opener != closer or line.find(closer, left + 1) >= start):
            return left + 1, right
    return None


def _translation_follows(line: str, closing: int) -> bool:
    """Whether a quotation ending at ``closing`` (its closing mark) is followed by its
    translation in parentheses: «Non si passa» ("They shall not pass")."""
    after = line[closing + 1 : closing + 4].lstrip()
    return after.startswith("(")


def _glossed(line: str, start: int, end: int, settings: ForeignSettings) -> bool:
    before = line[max(0, start - 40) : start].lower().rstrip(" “\"'‘(")
    before = regex.sub(r"\b(?:the|a|an)$", "", before).rstrip()
    if any(before.endswith(cue) for cue in settings.gloss_before):
        return True
    after = line[end : end + 14]
    after = after.lstrip("”\"'’")
    return any(after.startswith(cue) for cue in settings.gloss_after)


def _title_before_name(line: str, end: int) -> bool:
    """'wójt Jan Kowal': a title right before a capitalized name."""
    return bool(regex.match(r"\s+\p{Lu}\p{Ll}+\s+\p{Lu}\p{Ll}+", line[end:]))


def _line_words(line: str, settings: ForeignSettings) -> list[tuple[int, int, str, str | None]]:
    skip = url_spans(line)
    found: list[tuple[int, int, str, str | None]] = []
    for match in TOKEN_RE.finditer(line):
        start, end = match.span()
        if skip and any(a <= start < b for a, b in skip):
            continue
        word = match.group()
        language = None
        if word[:1].islower() and word.isalpha():
            language = word_language(word, settings)
            if language is not None and in_mojibake(line, start, end):
                language = None
        found.append((start, end, word, language))
    return found



def foreign_words(document: Document, roles: LineRoles, packs: Sequence[Pack]) -> list[ForeignWord]:
    """Every word or phrase of another language in the document's prose."""
    settings = settings_for(packs)
    if not settings.languages:
        return []
    known = lexicon()
    lines = [(number, line) for number, line in enumerate(document.lines, start=1)
             if roles[number] in CHECKED_ROLES and line.strip() and len(line) <= MAX_LINE]
    text = "\n".join(line for _, line in lines)
    unknown = {w for w in _LOWER_WORD_RE.findall(text) if w not in known}
    ascii_text = text.isascii()
    if not unknown and ascii_text:
        return []
    found: list[ForeignWord] = []
    for number, line in lines:
        if unknown and not unknown.isdisjoint(_LOWER_WORD_RE.findall(line)):
            found.extend(_phrases(number, line, settings))
        if not ascii_text and not line.isascii():
            found.extend(_scripts(number, line))
    return found


def _phrases(number: int, line: str, settings: ForeignSettings) -> list[ForeignWord]:
    words = _line_words(line, settings)
    found: list[ForeignWord] = []
    index = 0
    while index < len(words):
        start, end, _, language = words[index]
        if language is None:
            index += 1
            continue
        last, count, languages = index, 1, [language]
        probe = index + 1
        while probe < len(words):
            word_lang = words[probe][3]
            if word_lang is not None:
                last, count = probe, count + 1
                languages.append(word_lang)
                probe += 1
            elif words[probe][2].lower() in GAP_WORDS:
                probe += 1
            else:
                break
        end = words[last][1]
        text = line[start:end]
        kind = "phrase" if count > 1 else "word"
        lang = max(set(languages), key=languages.count)
        quoted_span = _quotation_at(line, start)
        quoted = False
        if quoted_span is not None:
            inside = [w for w in words if quoted_span[0] <= w[0] < quoted_span[1]]
            foreign_share = sum(1 for w in inside if w[3] is not None) / max(1, len(inside))
            quoted = foreign_share >= 0.5
        glossed = (
            _glossed(line, start, end, settings)
            or _in_parentheses(line, start)
            or (kind == "word" and _title_before_name(line, end))
            or (quoted_span is not None and _translation_follows(line, quoted_span[1]))
        )
        found.append(ForeignWord(number, start, end, text, lang, kind, glossed, quoted))
        index = last + 1
    return found


def weak_foreign_words(
    document: Document, roles: LineRoles, packs: Sequence[Pack], language: str,
    found: Sequence[ForeignWord],
) -> list[ForeignWord]:
    """The document's weak words of ``language``, the language it was likely translated from
    (:func:`weak_in`), outside the foreign words ``found`` already; glossed or quoted ones
    marked as such."""
    settings = settings_for(packs)
    if language not in settings.languages:
        return []
    known = lexicon()
    taken = {(w.line, w.start) for w in found}
    weak: list[ForeignWord] = []
    for number, line in enumerate(document.lines, start=1):
        if roles[number] not in CHECKED_ROLES or len(line) > MAX_LINE:
            continue
        skip = url_spans(line)
        for match in _LOWER_WORD_RE.finditer(line):
            start, end = match.span()
            word = match.group()
            if word in known or (number, start) in taken or any(a <= start < b for a, b in skip):
                continue
            if (start and line[start - 1] in "-'’") or line[end : end + 1] == "-":
                continue  # part of a hyphenated word
            if not weak_in(word, language, settings) or in_mojibake(line, start, end):
                continue
            glossed = _glossed(line, start, end, settings) or _in_parentheses(line, start)
            weak.append(ForeignWord(number, start, end, word, language, "weak", glossed,
                                    _quotation_at(line, start) is not None))
    return weak


def _scripts(number: int, line: str) -> list[ForeignWord]:
    """Runs of another script in a line of English."""
    latin = len(regex.findall(r"\p{Latin}", line))
    found: list[ForeignWord] = []
    for match in _OTHER_SCRIPT_RE.finditer(line):
        text = match.group()
        if latin < 2 * len(text):
            return []  # a line mostly in that script is not English prose with a stray word
        language = next((langs[0] for script, langs in _SCRIPTS
                         if regex.match(rf"\p{{{script}}}", text)), "")
        glossed = _in_parentheses(line, match.start())
        quoted = _quotation_at(line, match.start()) is not None
        found.append(ForeignWord(number, match.start(), match.end(), text, language, "script",
                                 glossed, quoted))
    return found
