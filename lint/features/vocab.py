"""Corpus vocabulary: words unknown to the lexicon (:mod:`lint.lexicon`) and locale spelling
votes, per document."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import regex

from lint.document import Document
from lint.features.base import AnalysisEnv, DocumentAnalysis, Feature, Reducer
from lint.lexicon import lexicon
from lint.memo import LineMemo, per_line
from lint.packs import Pack
from lint.roles import PROSE_ROLES, LineRoles, Role

LOCALE_ROLES = PROSE_ROLES | {Role.CAPTION}
SKIPPED_ROLES = frozenset({Role.BLANK, Role.METADATA})

TOKEN_RE = regex.compile(r"(?<![\p{L}\p{M}\p{N}_])\p{L}[\p{L}\p{M}]*(?:['’]\p{L}+)*(?![\p{L}\p{M}\p{N}_])")
LETTERS_RE = regex.compile(r"(?<![\p{L}\p{N}_])\p{L}+(?![\p{L}\p{N}_])")
_URLISH_RE = regex.compile(r"://|www\.|@|/|\.(?:com|org|net|gov|edu|ca|uk|io|co)\b", regex.IGNORECASE)
_CHUNK_RE = regex.compile(r"\S+")


def url_spans(line: str) -> list[tuple[int, int]]:
    """Spans of whitespace-separated chunks that look like URLs, e-mail addresses or paths."""
    if not _URLISH_RE.search(line):
        return []
    return [m.span() for m in _CHUNK_RE.finditer(line) if _URLISH_RE.search(m.group())]


def in_mojibake(line: str, start: int, end: int) -> bool:
    """Whether the word at ``start:end`` is part of text that ftfy's detector calls mojibake
    ("mayorâ€™s" read as a word "mayorâ"): NL304 reports that, not a misspelling or a foreign
    word."""
    from ftfy.badness import is_bad  # imported when a word is in doubt, not at start

    while start > 0 and not line[start - 1].isspace():
        start -= 1
    while end < len(line) and not line[end].isspace():
        end += 1
    return bool(is_bad(line[start:end]))


def word_tokens(line: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, word) for the letter words of a line, outside URL-like chunks."""
    skip = url_spans(line)
    for match in TOKEN_RE.finditer(line):
        start = match.start()
        if skip and any(a <= start < b for a, b in skip):
            continue
        yield start, match.end(), match.group()


def in_quotation(line: str, offset: int) -> bool:
    """True when ``offset`` is inside a direct quotation opened earlier on the line."""
    before = line[:offset]
    if before.count("“") > before.count("”"):
        return True
    return before.count('"') % 2 == 1


# ---------------------------------------------------------------------------------------------
# Locale spellings


LOCALES = ("en-US", "en-GB", "en-CA", "en-AU", "en-IN", "en-IE", "en-NZ", "en-ZA")
_DEFAULT_TAKE = {"en-US": "us", "en-GB": "gb", "en-CA": "gb", "en-AU": "gb"}
_LIKE_BRITISH = ("en-IN", "en-IE", "en-NZ", "en-ZA")
"""Locales that follow British spelling wherever a table does not name them."""


@dataclass
class FormInfo:
    """A spelling: the locales that accept it and what each other locale writes instead."""

    accepted: set[str] = field(default_factory=set)
    instead: dict[str, str] = field(default_factory=dict)
    votes: bool = True
    """Whether the spelling counts towards the article's locale (see ``votes`` in
    rules/locale.toml), or is only reported against a locale decided without it."""


@dataclass(frozen=True)
class LocaleHit:
    """One locale-marked spelling on a line."""

    start: int
    end: int
    word: str
    accepted: frozenset[str]
    instead: Mapping[str, str]
    skipped: bool
    """A proper name, a title, a quotation or a spelling right after another country's name:
    no vote, no finding."""
    reason: str = ""
    """Why it is skipped: "proper", "marked" or "quoted"."""
    votes: bool = True
    """Whether it counts towards the article's locale (see :class:`FormInfo`)."""


@dataclass(frozen=True)
class Convention:
    """A locale convention that is not a spelling ("per cent", "3 March"): votes only."""

    name: str
    pattern: regex.Pattern[str]
    locales: frozenset[str]
    cap: int = 2


_LOCALE_TABLES: dict[tuple[int, ...], LocaleTable] = {}


def locale_table_for(packs: Sequence[Pack]) -> LocaleTable:
    """The locale table of these packs, built once per process (NL505, the vocab feature and
    the story layer share it)."""
    key = tuple(id(p) for p in packs)
    found = _LOCALE_TABLES.get(key)
    if found is None:
        found = _LOCALE_TABLES[key] = LocaleTable(packs)
    return found


def _expand(spec: str) -> list[tuple[str, str]]:
    stem, *suffixes = spec.split("|")
    return [(stem, suffix) for suffix in (suffixes or [""])]


class LocaleTable:
    """Every locale-marked spelling from the packs' ``[locale]`` tables."""

    def __init__(self, packs: Sequence[Pack]) -> None:
        self.forms: dict[str, FormInfo] = {}
        self.markers: dict[str, regex.Pattern[str]] = {}
        self._hits_seen: LineMemo[tuple[LocaleHit, ...]] = LineMemo()
        self.conventions: list[Convention] = []
        self.official: frozenset[str] = frozenset()
        """Names that keep another locale's spelling on purpose ("Australian Labor Party")."""
        self.british_to_american: dict[str, str] = {}
        """Each pair's British form -> its American form (lowercase)."""
        self.min_votes = 5
        self.majority = 0.75
        marker_words: dict[str, list[str]] = {}
        official: set[str] = set()
        for pack in packs:
            table = pack.data.get("locale")
            if not isinstance(table, dict):
                continue
            self.min_votes = int(table.get("min_votes", self.min_votes))
            self.majority = float(table.get("majority", self.majority))
            for locale, words in table.get("markers", {}).items():
                marker_words.setdefault(locale, []).extend(str(w) for w in words)
            for family in table.get("families", []):
                self._family(family)
            for pair in table.get("pairs", []):
                self._pair(str(pair["us"]), str(pair["gb"]), pair.get("take", {}), bool(pair.get("votes", True)))
            for raw in table.get("conventions", []):
                self.conventions.append(Convention(
                    str(raw["name"]), regex.compile(str(raw["regex"])),
                    frozenset(str(x) for x in raw["locales"]), int(raw.get("cap", 2)),
                ))
            official.update(str(n) for n in table.get("official_names", []))
        self.official = frozenset(official)
        for locale, words in marker_words.items():
            alternatives = "|".join(regex.escape(w) for w in sorted(set(words), key=len, reverse=True))
            self.markers[locale] = regex.compile(rf"(?<![\p{{L}}.])(?:{alternatives})(?!\p{{L}})")

    def _family(self, family: Mapping[str, Any]) -> None:
        gb_end, us_end = family["change"]
        take = family.get("take", {})
        for spec in family.get("words", []):
            for stem, suffix in _expand(str(spec)):
                if not stem.endswith(gb_end):
                    continue
                us_stem = stem[: len(stem) - len(gb_end)] + us_end
                self._pair(us_stem + suffix, stem + suffix, take)

    def _pair(self, us: str, gb: str, take: Mapping[str, str], votes: bool = True) -> None:
        us, gb = us.lower(), gb.lower()
        if us == gb:
            return
        if not votes:
            for form in (us, gb):
                self.forms.setdefault(form, FormInfo()).votes = False
        self.british_to_american.setdefault(gb, us)
        for locale in LOCALES:
            choice = take.get(locale) or (
                take.get("en-GB") if locale in _LIKE_BRITISH else None
            ) or _DEFAULT_TAKE.get(locale, "gb")
            if choice in ("us", "both"):
                self.forms.setdefault(us, FormInfo()).accepted.add(locale)
            if choice in ("gb", "both"):
                self.forms.setdefault(gb, FormInfo()).accepted.add(locale)
            if choice == "us":
                self.forms.setdefault(gb, FormInfo()).instead.setdefault(locale, us)
            elif choice == "gb":
                self.forms.setdefault(us, FormInfo()).instead.setdefault(locale, gb)

    def line_hits(self, line: str) -> tuple[LocaleHit, ...]:
        """:meth:`hits` as a tuple, once per distinct line (see :mod:`lint.memo`): a wire
        paragraph that many outlets carry is read once."""
        return self._hits_seen.get(line, lambda: tuple(self.hits(line)))

    def hits(self, line: str) -> Iterator[LocaleHit]:
        """The locale-marked spellings of a line, each with whether it is skipped."""
        if not self.forms:
            return
        forms = self.forms
        if forms.keys().isdisjoint(w.lower() for w in LETTERS_RE.findall(line)):
            return
        skip = None
        for match in LETTERS_RE.finditer(line):
            word = match.group()
            info = forms.get(word.lower())
            if info is None:
                continue
            if skip is None:
                skip = url_spans(line)
            start, end = match.span()
            if any(a <= start < b for a, b in skip):
                continue
            accepted = frozenset(info.accepted)
            if len(accepted) == len(LOCALES):
                continue  # accepted everywhere: says nothing about the locale
            reason = (
                "proper" if self._proper(line, start, end, word)
                else "marked" if self._marked(line, start, accepted)
                else "quoted" if in_quotation(line, start)
                else ""
            )
            yield LocaleHit(start, end, word, accepted, info.instead, bool(reason), reason, info.votes)

    def convention_votes(self, text: str) -> list[tuple[str, int, frozenset[str]]]:
        """(convention, count up to its cap, locales that use it) for the text's conventions."""
        found = []
        for convention in self.conventions:
            count = 0
            for _ in convention.pattern.finditer(text):
                count += 1
                if count >= convention.cap:
                    break
            if count:
                found.append((convention.name, count, convention.locales))
        return found

    def owner_locale(self, line: str, start: int) -> str | None:
        """The locale whose country's name or demonym opens the capitalized name that holds the
        word at ``start`` ("Australian Defense Force" -> en-AU), if any."""
        run = regex.search(r"(?:\p{Lu}[\p{L}.'’-]*\s+(?:(?:of|for|and|the)\s+)?){1,6}$", line[:start])
        if run is None:
            return None
        for word in regex.finditer(r"\S+", line[run.start() : start]):
            for locale, pattern in self.markers.items():
                if pattern.match(line, run.start() + word.start()) is not None:
                    return locale
        return None

    @staticmethod
    def _proper(line: str, start: int, end: int, word: str) -> bool:
        """A capitalized spelling that is part of a name or title, not a capitalized common word."""
        if not word[:1].isupper():
            return False
        if word.isupper() and len(word) > 1:
            return True
        before = line[:start].rstrip()
        sentence_start = not before or before[-1] in ".!?:;\"“‘(—–-"
        after = line[end:].lstrip(" \t\u00a0-")
        next_lower = bool(after) and after[0].islower()
        return not (sentence_start and next_lower)

    def _marked(self, line: str, start: int, accepted: frozenset[str]) -> bool:
        """True when another country's name or title shortly precedes the spelling."""
        window = " ".join(line[:start].split()[-4:])
        return any(
            pattern.search(window) for locale, pattern in self.markers.items() if locale in accepted
        )


@per_line
def unknown_words(line: str) -> tuple[tuple[int, str, str], ...]:
    """(column, word, lowercase form) of each word of a line the lexicon does not know, outside
    web addresses; once per distinct line."""
    known = lexicon()
    skip = url_spans(line)
    found: list[tuple[int, str, str]] = []
    for match in TOKEN_RE.finditer(line):
        word = match.group()
        lower = word.lower()
        if lower.endswith(("'s", "’s")):
            lower, word = lower[:-2], word[:-2]
        if lower in known:
            continue
        start = match.start()
        if skip and any(a <= start < b for a, b in skip):
            continue
        if not word.isascii() and in_mojibake(line, start, match.end()):
            continue
        found.append((start, word, lower))
    return tuple(found)


def _prose(document: Document, roles: LineRoles) -> str:
    """The document's prose lines (headline, body, captions), joined."""
    return "\n".join(
        line for number, line in enumerate(document.lines, start=1) if roles[number] in LOCALE_ROLES
    )


def corpus_locales(votes: Mapping[str, int], total: int, table: LocaleTable) -> frozenset[str]:
    """The locales with the most votes, when the vote is large and clear enough; else none."""
    if total < table.min_votes or not votes:
        return frozenset()
    best = max(votes.values())
    if best / total < table.majority:
        return frozenset()
    return frozenset(locale for locale, count in votes.items() if count == best)


# ---------------------------------------------------------------------------------------------
# The feature


def outlet_key(path: str, record: int | None) -> str:
    """Where a document's outlet prior comes from: its folder (a JSONL file's records: the file)."""
    import os

    return path if record is not None else os.path.dirname(os.path.normpath(path))


class VocabReducer(Reducer):
    incremental = True

    def __init__(self) -> None:
        self.documents: Counter[str] = Counter()
        self.counts: Counter[str] = Counter()
        self.votes: Counter[str] = Counter()
        self.forms: Counter[str] = Counter()
        self.total = 0
        self.folders: dict[str, Counter[str]] = {}
        """Locale votes per outlet folder (``outlet_key``), with "" holding the count."""

    def add(self, analysis: DocumentAnalysis, data: Any) -> None:
        unknown: dict[str, int] = data["unknown"]
        self.documents.update(unknown.keys())
        self.counts.update(unknown)
        self.votes.update(data["votes"])
        self.forms.update(data["forms"])
        self.total += data["variants"]
        folder = self.folders.setdefault(outlet_key(analysis.path, analysis.record), Counter())
        folder.update(data["votes"])
        folder[""] += data["variants"]

    def remove(self, analysis: DocumentAnalysis, data: Any) -> None:
        unknown: dict[str, int] = data["unknown"]
        self.documents.subtract(unknown.keys())
        self.counts.subtract(unknown)
        self.votes.subtract(data["votes"])
        self.forms.subtract(data["forms"])
        self.total -= data["variants"]
        key = outlet_key(analysis.path, analysis.record)
        folder = self.folders.get(key, Counter())
        folder.subtract(data["votes"])
        folder[""] -= data["variants"]
        for counter, keys in ((self.documents, unknown), (self.counts, unknown),
                              (self.votes, data["votes"]), (self.forms, data["forms"]),
                              (folder, [*data["votes"], ""])):
            for key_ in keys:
                if counter[key_] <= 0:
                    del counter[key_]
        if not folder:
            self.folders.pop(key, None)

    def result(self) -> dict[str, Any]:
        return {
            "documents": dict(self.documents),
            "counts": dict(self.counts),
            "votes": dict(self.votes),
            "forms": dict(self.forms),
            "variants": self.total,
            "folders": {k: dict(v) for k, v in self.folders.items()},
        }


class Vocab(Feature):
    """Words unknown to the lexicon (lowercased counts, and where each occurs: line, column
    offset, word without a possessive 's) and locale spelling votes."""

    key = "vocab"

    def __init__(self) -> None:
        self._table: LocaleTable | None = None

    def table(self, packs: Sequence[Pack]) -> LocaleTable:
        if self._table is None:
            self._table = locale_table_for(packs)
        return self._table

    def analyze(self, document: Document, roles: LineRoles, env: AnalysisEnv) -> Any:
        table = self.table(env.packs)
        unknown: Counter[str] = Counter()
        votes: Counter[str] = Counter()
        forms: Counter[str] = Counter()
        variants = 0
        unknown_at: list[tuple[int, int, str]] = []
        for number, line in enumerate(document.lines, start=1):
            role = roles[number]
            if role in SKIPPED_ROLES:
                continue
            for start, word, lower in unknown_words(line):
                unknown[lower] += 1
                unknown_at.append((number, start, word))
            if role not in LOCALE_ROLES:
                continue
            for hit in table.line_hits(line):
                if hit.skipped or not hit.votes:
                    continue
                variants += 1
                votes.update(hit.accepted)
                forms[hit.word.lower()] += 1
        for _, count, locales in table.convention_votes(_prose(document, roles)):
            variants += count
            for locale in locales:
                votes[locale] += count
        return {
            "unknown": dict(unknown), "unknown_at": unknown_at, "votes": dict(votes),
            "forms": dict(forms), "variants": variants,
        }

    def reducer(self) -> Reducer:
        return VocabReducer()
