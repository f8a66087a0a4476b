"""Pronouns: "he" for a person whom the other articles of the story call "she", or the reverse.

Languages that drop the subject (Spanish, Korean, Japanese, Chinese) or whose verb forms carry
no gender (Hindi honorifics) leave a translation system to guess the pronoun, and it guesses
the default. A third-person pronoun is tied to the one person named in its sentence before it,
or in the nearest of the two sentences before that names exactly one person; each article then
says how it refers to each person, and the siblings vote (see :func:`lint.story.evidence.vote`).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from lint.story.align import Alignment, Place
from lint.story.evidence import StoryFinding, Witness, describe, vote, witness
from lint.story.people import People, linked
from lint.story.text import Token

PRONOUNS = {
    "he": "m", "him": "m", "his": "m", "himself": "m",
    "she": "f", "her": "f", "hers": "f", "herself": "f",
}
WORDS = {"m": ("he", "his"), "f": ("she", "her")}
LOOKBACK = 2
"""Sentences before a pronoun searched for the person it stands for."""
SUBJECT_REACH = 8
"""A person named within this many words of a sentence's start is taken as its subject."""


@dataclass(frozen=True)
class Reference:
    """A pronoun and the person (name form) it stands for."""

    place: Place
    token: int
    gender: str
    person: tuple[str, ...]


def references(alignment: Alignment, people: People, doc: int) -> list[Reference]:
    """The article's third-person pronouns that stand for one named person."""
    mentions: dict[int, list[tuple[int, tuple[str, ...]]]] = defaultdict(list)
    for mention in people.mentions.get(doc, []):
        mentions[mention.place.sentence].append((mention.first, mention.form))
    surnames = {m.form[-1]: m.form for m in people.mentions.get(doc, [])}
    out: list[Reference] = []
    for s in range(len(alignment.docs[doc].sentences)):
        place = Place(doc, s)
        tokens = alignment.tokens(place)
        for i, token in enumerate(tokens):
            gender = PRONOUNS.get(token.norm)
            if gender is None:
                continue
            person = _antecedent(tokens, i, s, mentions, surnames, alignment, doc)
            if person is not None:
                out.append(Reference(place, i, gender, person))
    return out


def _antecedent(
    tokens: Sequence[Token], i: int, s: int, mentions: dict[int, list[tuple[int, tuple[str, ...]]]],
    surnames: dict[str, tuple[str, ...]], alignment: Alignment, doc: int,
) -> tuple[str, ...] | None:
    """The one person the pronoun at ``tokens[i]`` of sentence ``s`` can stand for: named
    before it in its sentence, else in the nearest earlier sentence that names someone. When
    several are named there, a subject pronoun ("she said", "He added") continues the
    sentence's subject: the person named first, near its start."""
    subject = tokens[i].norm in ("he", "she")
    for back in range(0, LOOKBACK + 1):
        if s - back < 0:
            return None
        words = tokens[:i] if back == 0 else alignment.tokens(Place(doc, s - back))
        named = sorted((first, form) for first, form in mentions.get(s - back, []) if back or first < i)
        found = {form for _, form in named}
        found |= {surnames[t.norm] for t in words if t.norm in surnames and t.surface[:1].isupper()}
        if len(found) == 1:
            return found.pop()
        if found:
            if subject and named and named[0][0] <= SUBJECT_REACH:
                return named[0][1]
            return None
    return None


def pronoun_findings(
    alignment: Alignment, groups: dict[int, int], doc: int, people: People,
    refs: dict[int, list[Reference]],
) -> Iterator[StoryFinding]:
    """Article ``doc``'s pronouns whose gender the story's other articles contradict."""
    by_person: dict[tuple[str, ...], list[Reference]] = defaultdict(list)
    for ref in refs.get(doc, []):
        by_person[ref.person].append(ref)
    for person, mine in by_person.items():
        own = Counter(r.gender for r in mine)
        if len(own) > 1:
            continue  # the article itself uses both: nothing clear to compare
        gender = mine[0].gender
        values: dict[int, str] = {}
        evidence: dict[int, Reference] = {}
        for other in alignment.witnesses(doc):
            theirs = refs.get(other, [])
            about = [r for r in theirs if linked(alignment, people, r.person, person)]
            counts = Counter(r.gender for r in about)
            if len(counts) == 1:
                values[other] = next(iter(counts))
                evidence[other] = about[0]
        if not values:
            continue
        verdict = vote(gender, values, lambda a, b: a == b, groups, groups.get(doc, doc))
        if not verdict.severity:
            continue
        witnesses = [_witness(alignment, evidence[d]) for d in verdict.agreeing]
        for ref in mine:
            name = people.surface.get(person, " ".join(person))
            yield _finding(alignment, ref, name, str(verdict.value), witnesses, verdict.severity)


def _witness(alignment: Alignment, ref: Reference) -> Witness:
    token = alignment.tokens(ref.place)[ref.token]
    return witness(alignment, ref.place, token.start, token.end)


def _finding(
    alignment: Alignment, ref: Reference, name: str, theirs: str,
    witnesses: Sequence[Witness], severity: str,
) -> StoryFinding:
    token = alignment.tokens(ref.place)[ref.token]
    sentence = alignment.sentence(ref.place)
    subject = token.norm in ("he", "she")
    word = WORDS[theirs][0 if subject else 1]
    if token.norm in ("him", "himself", "hers", "herself"):
        word = {"him": "her", "himself": "herself", "hers": "his", "herself": "himself"}[token.norm]
    if token.surface[:1].isupper():
        word = word.capitalize()
    count = len(witnesses)
    return StoryFinding(
        "pronoun", sentence.start + token.start, sentence.start + token.end,
        f"'{token.surface}' for {name}, whom {count} other article{'s' if count != 1 else ''} of "
        f"the story call{'s' if count == 1 else ''} '{WORDS[theirs][0]}' ({describe(witnesses)}): a "
        "translation that guessed the pronoun?",
        severity, word, tuple(witnesses),
    )
