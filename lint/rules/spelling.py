"""NL507 misspelling: common-word misspellings, conservatively.

Layers, cheapest and surest first: the configured vocabulary.accept, the pack's list
of known typos, then symspellpy's frequency dictionary for words the lexicon does not know.
Dictionary suggestions are kept only for rare words (wordfreq) at edit distance 1 from a
common word; a capitalized word must be unknown even as a name and close to a very common
word ("Comittee" -> Committee), and any word the corpus uses in two documents, or three
times, is accepted. Spell checkers flag dozens of names per article; this rule must not.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from functools import lru_cache

import regex

from lint.config import Config
from lint.context.foreign import foreign_spans
from lint.diagnostic import Diagnostic, Edit, Fix, Severity
from lint.lexicon import lexicon
from lint.names.fold import fold
from lint.packs import Pack
from lint.rules.base import Rule, RuleContext, RuleMeta
from lint.rules.false_friends import FalseFriends, false_friends_for
from lint.rules.locale import match_case
from lint.rules.mt import parser, sentence_span

SUGGESTION_MIN_COUNT = 1_000_000
"""Only words at least this frequent in the lexicon (Google Books counts) are suggestions..."""
LONG_WORD = 8
LONG_SUGGESTION_MIN_COUNT = 100_000
"""...or, for a word of LONG_WORD letters or more, this frequent: one edit rarely turns a long
word into another word, so a long unknown word one edit from "dormitory" is a typo of it."""
INFLECTIONS = frozenset({"s", "d", "r", "y"})
"""One letter that makes a regular form of the suggested word (plural, past, comparative,
adjective): the word is that form, not a typo of the word."""
LONG_MAX_ZIPF = 1.0
"""A word next to such a less common suggestion must be all but unknown on the web."""
CAPITALIZED_MIN_COUNT = 10_000_000
"""A capitalized word is reported only next to a word this common."""
LOWER_MAX_ZIPF = 3.0
"""A lowercase word this frequent on the web (wordfreq) is a real word the lexicon lacks."""
CAPITALIZED_MAX_ZIPF = 2.0
"""A capitalized word this frequent is probably a name."""
NAME_ENTITIES = frozenset({"PERSON", "GPE", "LOC", "NORP", "FAC"})
"""Entity labels under which a capitalized near-word is taken for a name; ORG is not among
them, since organization names end in common words ("Artists Association")."""
MIN_LENGTH = 5
CORPUS_DOCUMENTS = 2
CORPUS_COUNT = 3
CAPITALIZED_CORPUS_COUNT = 2
"""A name is usually mentioned more than once; a typo of a common word rarely is."""


@lru_cache(maxsize=1)
def suggestions() -> tuple[dict[str, int], str]:
    """The words a suggestion may be (common words of the lexicon, with their counts) and the
    letters they are made of.

    A dict, not SymSpell's delete index: building that index costs a third of a second in every
    process that reports a misspelling, while the rule looks up a handful of words per run, and
    a word's one-edit neighbours (a few hundred strings) are checked against a dict in
    microseconds."""
    words = {word: count for word, count in lexicon().items()
             if count >= (LONG_SUGGESTION_MIN_COUNT if len(word) >= LONG_WORD else SUGGESTION_MIN_COUNT)}
    return words, "".join(sorted({letter for word in words for letter in word}))


def one_edit(word: str, alphabet: str) -> set[str]:
    """The strings one edit from ``word``: a letter dropped, two neighbours swapped, a letter
    replaced or inserted (optimal string alignment distance 1, as SymSpell counts)."""
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    edits = {left + right[1:] for left, right in splits if right}
    edits.update(left + right[1] + right[0] + right[2:] for left, right in splits if len(right) > 1)
    edits.update(left + letter + right[1:] for left, right in splits if right for letter in alphabet)
    edits.update(left + letter + right for left, right in splits for letter in alphabet)
    edits.discard(word)
    return edits


def zipf(word: str) -> float:
    """The word's web frequency on the Zipf scale (wordfreq)."""
    from wordfreq import zipf_frequency

    return float(zipf_frequency(word, "en"))


def suggest(word: str) -> tuple[str, int] | None:
    """The most frequent common word at edit distance 1, with its count, or None (also when
    the word is itself a common word)."""
    words, alphabet = suggestions()
    if word in words:
        return None
    found = [(count, term) for term in one_edit(word, alphabet) if (count := words.get(term))]
    if not found:
        return None
    count, term = min(found, key=lambda pair: (-pair[0], pair[1]))
    return term, count


REGULAR_SUFFIXES = (("ing", "ing"), ("ed", "ed"), ("es", "s"), ("s", "s"))
"""Regular endings (and the inflection each makes) by which a word is another word's form."""


def regular_forms(word: str) -> set[tuple[str, str]]:
    """(common word, inflection) pairs of which ``word`` is a regular form: a plain ending,
    the consonant doubled ("quitted": quit), an "e" dropped ("hoping": hope) or a "y" turned
    to "i" ("carried": carry)."""
    common = suggestions()[0]
    forms: set[tuple[str, str]] = set()
    for ending, inflection in REGULAR_SUFFIXES:
        if not word.endswith(ending) or len(word) - len(ending) < 3:
            continue
        base = word[: -len(ending)]
        stems = {base, base + "e"}
        if base[-1] == base[-2]:
            stems.add(base[:-1])
        if base.endswith("i") and inflection != "ing":
            stems.add(base[:-1] + "y")
        forms.update((stem, inflection) for stem in stems if stem in common)
    return forms


def inner_edit(word: str, term: str) -> bool:
    """True when the one edit between ``word`` and ``term`` spares their first and last
    letters: "Comittee" (Committee) is a typo; "Milei" (miles) and "Amini" (mini) are
    names that happen to sit one edit from a common word."""
    prefix = 0
    while prefix < min(len(word), len(term)) and word[prefix] == term[prefix]:
        prefix += 1
    suffix = 0
    while suffix < min(len(word), len(term)) - prefix and word[-1 - suffix] == term[-1 - suffix]:
        suffix += 1
    return prefix >= 1 and suffix >= 1


def _sentence_initial(line: str, start: int) -> bool:
    """Whether the word at ``start`` opens a sentence (the line's first word, or the first
    after a full stop, a question or exclamation mark, past any opening quote or bracket)."""
    before = line[:start].rstrip(" \t\"'“‘(")
    return not before or before[-1] in ".!?"


def _hyphenated(line: str, start: int, end: int) -> bool:
    """Part of a hyphenated compound ("Afenyo-Markin"): a name more often than not."""
    before = line[start - 1 : start] if start else ""
    after = line[end : end + 1]
    return before in ("-", "‐") or after in ("-", "‐")


class Misspelling(Rule):
    meta = RuleMeta(
        code="NL507",
        name="misspelling",
        severity=Severity.WARNING,
        category="fluency/spelling",
        fixable=True,
        summary="A misspelled common word.",
        what=(
            "A word from the known-typo list (rules/spelling.toml; vocabulary.reject in the "
            "config is reported by NL403), or a word unknown to the frequency dictionary that is one edit away "
            "from a common word and rare on the web (a word of 8 letters or more that the web "
            "does not know may also be one inner edit from a less common long word: "
            "'dormitroy'). Names are skipped: a capitalized word is "
            "reported only when it is unknown even as a name, used once, and one inner edit "
            "(not its first or last letter) from a very common word (a sentence's first word is "
            "checked like a lowercase one, but still needs an inner edit and the parser's "
            "consent that it is no name); a regular form of another common word ('quitted', "
            "'costed') is no typo of this one ('quilted', 'posted'); words of fewer than 5 "
            "letters, words with capitals inside or digits, words in "
            "vocabulary.accept, and any word the corpus uses in two documents or three times "
            "are never reported."
        ),
        why="A misspelling in a published or archived article is a transcription or editing slip.",
        example="Riverside Allotment Comittee   <- NL507, suggestion: 'Committee'",
    )
    scope = "corpus"
    needs = ("vocab", "context")

    typos: dict[str, str]
    accept: frozenset[str] = frozenset()
    _accents_of: dict[str, int] | None = None
    _accentless: frozenset[str] = frozenset()
    false_friends: FalseFriends
    """A translation's 'obduction' is a false friend for NL504 to name, not a typo of 'abduction'."""

    def setup(self, packs: Sequence[Pack], config: Config) -> None:
        typos: dict[str, str] = {}
        accept: set[str] = set()
        self.false_friends = false_friends_for(packs)
        for pack in packs:
            table = pack.data.get("spelling")
            if isinstance(table, dict):
                typos.update({str(k).lower(): str(v) for k, v in table.get("typos", {}).items()})
                accept.update(str(w).lower() for w in table.get("accept", []))
        accept.update(w.lower() for w in config.vocabulary.accept)
        self.typos = typos
        self.accept = frozenset(accept)

    def check(self, ctx: RuleContext) -> Iterable[Diagnostic]:
        part = ctx.index.part("vocab") if ctx.index else None
        documents: dict[str, int] = part["documents"] if part else {}
        counts: dict[str, int] = part["counts"] if part else {}
        doc = ctx.document
        found: list[tuple[int, int, str, str]] = []
        names: list[tuple[int, int, str, str, int, int]] = []
        for number, start, word in self._candidates(ctx):
            lower = word.lower()
            if lower in self.accept or self.false_friends.covers(doc.line(number), start, start + len(word)):
                continue
            fixed = self._fix(word, lower, documents, counts, _sentence_initial(doc.line(number), start))
            if fixed is None:
                continue
            base = doc.line_start(number)
            end = start + len(word)
            if lower in self.typos or not word[0].isupper():
                found.append((base + start, base + end, word, fixed))
            elif not _hyphenated(doc.line(number), start, end):
                first, last = sentence_span(doc.line(number), start, end)
                names.append((base + start, base + end, word, fixed, base + first, base + last))
        found.extend(self._not_names(ctx, names))
        for start, end, word, fixed in sorted(found):
            yield self.diagnostic(
                ctx, start, end,
                f"Misspelling {word!r}: {fixed!r}?",
                suggestion=fixed,
                fix=Fix((Edit(start, end, fixed),), safe=False, description=f"replace with {fixed!r}"),
            )

    def _accented_elsewhere(self, counts: dict[str, int]) -> frozenset[str]:
        """The corpus's unknown words that carry accents, without them ("huaman" for a
        corpus that writes "Huamán"), computed once per corpus vocabulary."""
        if self._accents_of is not counts:
            self._accents_of = counts
            self._accentless = frozenset(folded for word in counts if (folded := fold(word)) != word)
        return self._accentless

    def _candidates(self, ctx: RuleContext) -> Iterable[tuple[int, int, str]]:
        """(line, column offset, word) of the words the lexicon does not know (vocab feature),
        except words of another language's phrase (context feature: NL512's to report).

        Words in ``vocabulary.reject`` are NL403's to report, not this rule's."""
        data = ctx.analysis.get("vocab") or {}
        spans = foreign_spans(ctx.analysis)
        for number, start, word in data.get("unknown_at", []):
            if any(a <= start < b for a, b in spans.get(number, ())):
                continue
            if _beside_accented(ctx.document.line(number), start, start + len(word)) and _other_language_word(word):
                continue  # "Assemblée nationale": a word of a phrase in another language
            yield number, start, word

    @staticmethod
    def _not_names(
        ctx: RuleContext, candidates: list[tuple[int, int, str, str, int, int]]
    ) -> list[tuple[int, int, str, str]]:
        """Capitalized candidates the parser does not see as a person or place name."""
        if not candidates:
            return []
        text = ctx.document.text
        sentences = [text[first:last] for *_, first, last in candidates]
        kept: list[tuple[int, int, str, str]] = []
        for (start, end, word, fixed, first, _), parsed in zip(
            candidates, parser(ctx)(sentences), strict=True
        ):
            token = next((t for t in parsed if t.idx == start - first), None)
            if token is not None and token.ent_type_ in NAME_ENTITIES:
                continue
            kept.append((start, end, word, fixed))
        return kept

    def _fix(
        self, word: str, lower: str, documents: dict[str, int], counts: dict[str, int],
        initial: bool = False,
    ) -> str | None:
        """The word's correction, or None. ``initial``: the word opens a sentence, so its
        capital says nothing about a name (the parser still checks it is none)."""
        if lower in self.typos:
            return match_case(word, self.typos[lower])
        if len(word) < MIN_LENGTH or not word.isalpha() or word.isupper():
            return None
        if any(c.isupper() for c in word[1:]):
            return None  # McDonald, iPhone
        if documents.get(lower, 0) >= CORPUS_DOCUMENTS or counts.get(lower, 0) >= CORPUS_COUNT:
            return None
        capitalized = word[0].isupper() and not initial
        if capitalized and counts.get(lower, 0) >= CAPITALIZED_CORPUS_COUNT:
            return None
        if zipf(lower) >= (CAPITALIZED_MAX_ZIPF if capitalized else LOWER_MAX_ZIPF):
            return None
        found = suggest(lower)
        if found is None:
            return None
        term, count = found
        if fold(lower) == term:
            return None  # the word with its accents ("cafés", "naïve"): a spelling, not a typo
        if lower in self._accented_elsewhere(counts):
            return None  # a word the corpus writes with accents, without them: NL402's to name
        if lower.startswith(term) and lower[len(term):] in INFLECTIONS:
            return None  # a regular form of the word the lexicon lacks ("teenaged", "autobahns")
        own = regular_forms(lower)
        if own and not own & regular_forms(term):
            return None  # a regular form of another common word ("quitted", "costed"), whatever
            # its irregular form is, not a typo of this one ("quilted", "posted")
        if word[0].isupper() and not inner_edit(lower, term):
            return None  # a name one edit from a word differs at an end ("Milei", "miles")
        if capitalized and count < CAPITALIZED_MIN_COUNT:
            return None
        if count < SUGGESTION_MIN_COUNT and (not inner_edit(lower, term) or zipf(lower) >= LONG_MAX_ZIPF):
            # next to a less common long word: not an inflection of it ("autobahns"), and not
            # a word the web knows ("redshirt" is not "redshift")
            return None
        return match_case(word, term)


RULES: list[type[Rule]] = [Misspelling]


_ACCENTED_WORD_RE = regex.compile(r"[\p{L}\x27’-]*[^\x00-\x7f\W][\p{L}\x27’-]*")


def _beside_accented(line: str, start: int, end: int) -> bool:
    """Whether the word right before or after ``line[start:end]`` has a letter English does not
    write ("Assemblée" before "nationale"): the unknown word belongs to a phrase in another
    language."""
    before = line[:start].rstrip().rsplit(None, 1)
    after = line[end:].lstrip().split(None, 1)
    return any(_ACCENTED_WORD_RE.fullmatch(word.strip(".,;:!?()\"“”")) for word in
               (before[-1] if before else "", after[0] if after else ""))


NEIGHBOUR_LANGUAGES = ("fr", "es", "pt", "it", "de", "nl", "pl", "ro", "tr", "id")
NEIGHBOUR_MIN_ZIPF = 3.0


@functools.lru_cache(maxsize=4096)
def _other_language_word(word: str) -> bool:
    """Whether a word is common in one of the languages whose phrases English copy keeps
    ("nationale"), unlike a misspelling of an English word ("recieved")."""
    from wordfreq import zipf_frequency

    lower = word.lower()
    return any(zipf_frequency(lower, lang) >= NEIGHBOUR_MIN_ZIPF for lang in NEIGHBOUR_LANGUAGES)
