"""Stories per corpus (index part "story"): each article's sentences and rare terms, grouped
into stories and aligned, with each article's odd ones out.

The per-document data is small (the prose sentences and a few dozen rare terms); the work is
in the reducer's result, once per run: stories from an inverted index of rare terms, then each
story's sentences aligned and its findings collected (see :mod:`lint.story`). A story's
findings depend only on its articles, so they are remembered by the story's content and a
pre-commit run recomputes only the story that changed.
"""

from __future__ import annotations

import calendar
from collections import Counter
from collections.abc import Hashable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

import regex

from lint.context.country import leaning_country
from lint.context.places import places
from lint.document import Document
from lint.features.base import AnalysisEnv, DocKey, DocumentAnalysis, Feature, Pieces, Reducer
from lint.features.vocab import locale_table_for
from lint.hashing import digest
from lint.lexicon import lexicon
from lint.memo import per_line
from lint.names.extract import NameData
from lint.roles import LineRoles, Role
from lint.story.align import StoryDoc
from lint.story.analysis import StoryAnalysis, analyze_story
from lint.story.cluster import StorySettings, group_stories
from lint.story.evidence import StoryFinding
from lint.story.places import PlaceCountries
from lint.story.text import Sentence, Token, is_content, split_sentences, tokenize

if TYPE_CHECKING:
    from lint.config import Config
    from lint.packs import Pack

STORY_ROLES = frozenset({Role.BODY, Role.HEADLINE, Role.DEK, Role.SUBHEAD, Role.DATELINE})
RARE_COUNT = 10_000_000
"""A lowercase word less frequent than this in the lexicon (symspellpy's English counts) is a
rare term of the article."""
MAX_TERMS = 400
MAX_SENTENCES = 2000
"""A news article has a few hundred sentences at most; beyond this the rest is not compared."""
MAX_SENTENCE_CHARS = 2000
MAX_LINE_CHARS = 200_000


_DATED_YEAR_RE = regex.compile(
    r"(?i)\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2},?\s+((?:19|20)\d\d)\b"
    r"|\b\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?,?\s+((?:19|20)\d\d)\b"
    r"|\b((?:19|20)\d\d)-[01]\d-[0-3]\d\b"
)


def sentences_of(document: Document, roles: LineRoles) -> list[Sentence]:
    """The prose sentences of a document (chrome, captions and blank lines left out)."""
    out: list[Sentence] = []
    for number, line in enumerate(document.lines, start=1):
        if roles[number] not in STORY_ROLES or not line.strip():
            continue
        if len(out) >= MAX_SENTENCES:
            break
        base = document.line_start(number)
        for start, end in split_sentences(line[:MAX_LINE_CHARS]):
            if end - start > MAX_SENTENCE_CHARS:
                continue  # not prose a sibling could repeat: a table, a list run together, a dump
            out.append(Sentence(number, start + 1, base + start, line[start:end]))
    return out


def with_names(sentences: Sequence[Sentence], mentions: Sequence[Sequence[Any]]) -> tuple[Sentence, ...]:
    """The sentences with the spans of the people's names in them, from the name mentions the
    names feature found (line, start and end columns: :class:`lint.names.extract.Mention`)."""
    by_line: dict[int, list[tuple[int, int]]] = {}
    for mention in mentions:
        by_line.setdefault(int(mention[0]), []).append((int(mention[1]), int(mention[2])))
    out: list[Sentence] = []
    for sentence in sentences:
        first = sentence.column - 1
        last = first + len(sentence.text)
        spans = tuple(
            (a - first, b - first) for a, b in by_line.get(sentence.line, ()) if first <= a and b <= last
        )
        out.append(sentence._replace(names=spans) if spans else sentence)
    return tuple(out)


def dated_years(document: Document, roles: LineRoles) -> list[int]:
    """Years written as part of a full date anywhere in the document, publication lines
    included ("Updated 4 March 2031"): what the article's weekdays are checked against."""
    years: list[int] = []
    for number, line in enumerate(document.lines, start=1):
        if roles[number] is Role.BLANK or not any(c.isdigit() for c in line):
            continue
        for match in _DATED_YEAR_RE.finditer(line):
            years.append(int(next(g for g in match.groups() if g)))
    return years


CALENDAR_WORDS = frozenset(
    name.lower() for name in (*calendar.day_name, *calendar.month_name, *calendar.day_abbr) if name
)
"""Days and months: every news article dates itself, so they tell no story from another."""


def rare_terms(sentences: list[Sentence]) -> tuple[list[str], list[int]]:
    """The article's rare terms: names (capitalized words inside a sentence), figures of two
    digits or more, and lowercase words the lexicon counts as rare; and for each term the index
    of the first term of its name ("Deputy Mayor Ines Varga" is one piece of evidence, not four).
    """
    terms: dict[str, int] = {}
    for sentence in sentences:
        if _add_terms(sentence_terms(sentence.text), terms):
            break
    return _with_units(terms)


TermStep = tuple[str | None, bool, bool]
"""One step of a sentence's terms: the term (None: a word that ends a name), whether it is a
capitalized word, and whether it continues the name the previous step began."""


@per_line
def sentence_terms(text: str) -> tuple[TermStep, ...]:
    """The rare-term steps of one sentence. A wire sentence repeated by a hundred outlets is
    read once: the steps depend on the sentence's text alone."""
    known = lexicon()
    steps: list[TermStep] = []
    in_name = False
    previous_end = -2
    for position, token in enumerate(tokenize(text)):
        term, capital = _term(token, position, known)
        naming = capital and term is not None
        if term is not None:
            steps.append((term, capital, naming and in_name and token.start <= previous_end + 1))
        elif in_name:
            steps.append((None, False, False))
        in_name = naming
        previous_end = token.end
    return tuple(steps)


def _add_terms(steps: Sequence[TermStep], terms: dict[str, int]) -> bool:
    """Add a sentence's new rare terms to ``terms`` (term -> index of its name's first term);
    True when MAX_TERMS are reached."""
    run_head: int | None = None
    for term, capital, joined in steps:
        if term is None:
            run_head = None
            continue
        if term not in terms:
            terms[term] = run_head if joined and run_head is not None else len(terms)
            if len(terms) >= MAX_TERMS:
                return True
        if not capital:
            run_head = None
        elif not joined:
            run_head = terms[term]
    return False


def _term(token: Token, position: int, known: Mapping[str, int]) -> tuple[str | None, bool]:
    """The rare term a token is (None when none: a short figure, a function word, a calendar
    word, a common word) and whether it is a capitalized word."""
    if token.surface[:1].isdigit():
        return ("#" + token.norm if len(token.norm.replace(".", "")) >= 2 else None), False
    if not is_content(token) or token.norm in CALENDAR_WORDS:
        return None, False
    rare = known.get(token.norm, 0) < RARE_COUNT
    if token.surface[:1].isupper():
        return (token.norm if position > 0 or rare else None), True
    return (token.norm if rare else None), False


def _with_units(terms: dict[str, int]) -> tuple[list[str], list[int]]:
    return list(terms), list(terms.values())


def _place_countries() -> PlaceCountries:
    """One-word place names -> their countries, from the place table (lint.context.places)."""
    table = places()

    def countries(name: str) -> frozenset[str] | None:
        found = table.lookup(name) if name in table.raw else None
        return frozenset(found[1]) if found is not None else None

    return countries


class StoryReducer(Reducer):
    """Keeps each article's sentences and terms; the result groups and aligns them."""

    incremental = True

    def __init__(self, settings: StorySettings) -> None:
        self.settings = settings
        self.documents: dict[DocKey, StoryDoc] = {}
        self.terms: dict[DocKey, tuple[str, ...]] = {}
        self.units: dict[DocKey, tuple[int, ...]] = {}
        """For each term, the index of the first term of its name (see :func:`rare_terms`)."""
        self.memo: dict[str, StoryAnalysis] = {}
        """Findings by story content: a story whose articles did not change is not redone."""
        self.countries: dict[DocKey, str] = {}
        """The country each article is about, where its context feature could tell."""
        self.leans: dict[DocKey, str] = {}
        """The country each article that cannot tell its own leans towards (see
        ``leaning_country``)."""

    def add(self, analysis: DocumentAnalysis, data: Any) -> None:
        key = (analysis.path, analysis.record)
        sentences = [Sentence(*s[:4]) for s in data["sentences"]]
        names = analysis.data.get("names") or {}
        self.documents[key] = StoryDoc(key, with_names(sentences, names.get("mentions", ())), tuple(data["years"]))
        self.terms[key] = tuple(data["terms"])
        self.units[key] = tuple(data.get("units") or range(len(self.terms[key])))
        context = analysis.data.get("context") or {}
        if context.get("country"):
            self.countries[key] = str(context["country"])
        elif (lean := leaning_country(context.get("scores") or {})) is not None:
            self.leans[key] = lean

    def remove(self, analysis: DocumentAnalysis, data: Any) -> None:
        key = (analysis.path, analysis.record)
        self.documents.pop(key, None)
        self.terms.pop(key, None)
        self.units.pop(key, None)
        self.countries.pop(key, None)
        self.leans.pop(key, None)

    def result(self) -> dict[str, Any]:
        return self._result(lambda payloads: [analyse_members(self.settings, p) for p in payloads])

    def result_spread(self, parts: Mapping[str, Any], pieces: Pieces) -> dict[str, Any]:
        """Each story not remembered is a piece: analysed on the run's workers."""
        return self._result(pieces)

    def _result(self, pieces: Pieces) -> dict[str, Any]:
        terms: dict[Hashable, tuple[str, ...]] = {key: found for key, found in self.terms.items()}
        units: dict[Hashable, tuple[int, ...]] = {key: found for key, found in self.units.items()}
        stories: list[tuple[str, list[DocKey], str]] = []
        told: dict[Hashable, str] = {key: country for key, country in self.countries.items()}
        for group in group_stories(terms, self.settings, units, told):
            keys: list[DocKey] = [k for k in group if isinstance(k, tuple)]
            story = "s" + digest(*(f"{p}\0{r}" for p, r in keys))[:10]
            stories.append((story, keys, digest(story, *(repr(self.documents[k]) for k in keys))))
        memo = {signature: self.memo[signature] for _, _, signature in stories if signature in self.memo}
        # the largest stories first: the workers finish together
        todo = sorted({signature: keys for _, keys, signature in stories if signature not in memo}.items(),
                      key=lambda item: -sum(len(self.documents[k].sentences) for k in item[1]))
        analysed = pieces([[self.documents[k] for k in keys] for _, keys in todo])
        memo.update(zip((signature for signature, _ in todo), analysed, strict=True))
        story_of: dict[DocKey, str] = {}
        members: dict[str, list[DocKey]] = {}
        countries: dict[str, str] = {}
        leaned: list[str] = []
        """Stories whose country only its articles' leans give (see ``story_country``)."""
        findings: dict[DocKey, list[StoryFinding]] = {}
        copy_of: dict[DocKey, DocKey] = {}
        for story, keys, signature in stories:
            members[story] = keys
            said = [self.countries[k] for k in keys if k in self.countries]
            country = story_country(said)
            if country is None:
                country = story_country(said, [self.leans[k] for k in keys if k in self.leans])
                if country is not None:
                    leaned.append(story)
            if country:
                countries[story] = country
            found = memo[signature]
            for key, items, first in zip(keys, found.findings, found.copies, strict=True):
                story_of[key] = story
                copy_of[key] = keys[first]
                if items:
                    findings[key] = items
        self.memo = memo
        return {"story_of": story_of, "members": members, "findings": findings, "copy_of": copy_of,
                "countries": countries, "leaned": leaned}


STORY_COUNTRY_MIN = 2
"""Articles of a story that must name its country, more than name any other, for the story to
have one: an article that cannot tell its country (a translation without its dateline) takes
its story's."""


STORY_LEAN_MIN = 3
"""Articles that must lean towards one country, where no article of the story names one
clearly, for the story to be about it: weak evidence repeated by independent articles."""


def story_country(countries: Sequence[str], leans: Sequence[str] = ()) -> str | None:
    """The country most of a story's articles are about, when at least STORY_COUNTRY_MIN say so
    and more than say any other; else the one that at least STORY_LEAN_MIN articles say or lean
    towards, when none says or leans otherwise."""
    ranked = Counter(countries).most_common(2)
    if ranked and ranked[0][1] >= STORY_COUNTRY_MIN:
        return None if len(ranked) > 1 and ranked[1][1] == ranked[0][1] else ranked[0][0]
    named = {*countries, *leans}
    if len(named) != 1 or len(countries) + len(leans) < STORY_LEAN_MIN:
        return None
    return named.pop()


def antonym_table(packs: Sequence[Pack]) -> dict[str, frozenset[str]]:
    """Word -> its opposites, read both ways, from the packs' ``[antonyms] opposites``."""
    found: dict[str, set[str]] = {}
    for pack in packs:
        table = pack.data.get("antonyms")
        opposites = table.get("opposites", {}) if isinstance(table, dict) else {}
        for word, others in opposites.items():
            for other in others:
                found.setdefault(word.lower(), set()).add(other.lower())
                found.setdefault(other.lower(), set()).add(word.lower())
    return {word: frozenset(others) for word, others in found.items()}


def analyse_members(settings: StorySettings, docs: Sequence[StoryDoc]) -> StoryAnalysis:
    """The findings of one story's articles (a piece of the reducer's result)."""
    return analyze_story(docs, settings.roles, settings.spelling, settings.cognates, _place_countries(),
                         settings.antonyms)


class Story(Feature):
    """Prose sentences and rare terms of each article, for stories and alignment; the names in
    them come from the names feature (rules that need stories need names too)."""

    key = "story"

    def __init__(self) -> None:
        self.settings = StorySettings()

    def configure(self, config: Config, packs: Sequence[Pack]) -> None:
        names = NameData.from_packs(packs)
        self.settings = StorySettings(
            config.story_min_shared, enabled=config.stories, roles=names.roles,
            spelling=locale_table_for(packs).british_to_american, cognates=names.cognates or {},
            antonyms=antonym_table(packs),
        )

    def analyze(self, document: Document, roles: LineRoles, env: AnalysisEnv) -> Any:
        sentences = sentences_of(document, roles)
        terms, units = rare_terms(sentences)
        return {
            "sentences": [tuple(s)[:4] for s in sentences],
            "terms": terms,
            "units": units,
            "years": dated_years(document, roles),
        }

    def reducer(self) -> Reducer:
        return StoryReducer(self.settings)

    def reduce_piece(self, payload: Any) -> StoryAnalysis:
        return analyse_members(self.settings, payload)
