"""Pronouns: "he" for a person whom the other articles of the story call "she", or the reverse;
and gendered nouns for a named person ("spokesman" for the one the others call "spokeswoman").

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

from lint.quotes.extract import ATTRIBUTION_VERBS
from lint.story.align import Alignment, Place
from lint.story.evidence import StoryFinding, Witness, describe, vote, witness
from lint.story.people import Mention, People, linked
from lint.story.text import Token

PRONOUNS = {
    "he": "m", "him": "m", "his": "m", "himself": "m",
    "she": "f", "her": "f", "hers": "f", "herself": "f",
}
WORDS = {"m": ("he", "his"), "f": ("she", "her")}
_PAIRS = (
    ("spokesman", "spokeswoman"), ("chairman", "chairwoman"), ("businessman", "businesswoman"),
    ("congressman", "congresswoman"), ("councilman", "councilwoman"), ("policeman", "policewoman"),
    ("sportsman", "sportswoman"), ("salesman", "saleswoman"), ("anchorman", "anchorwoman"),
    ("alderman", "alderwoman"), ("assemblyman", "assemblywoman"), ("frontman", "frontwoman"),
    ("actor", "actress"), ("waiter", "waitress"), ("headmaster", "headmistress"),
)
"""Role nouns only: kinship nouns and "man" or "woman" name someone else as often as the
person beside them ("the son of Ana Ruiz", "the man who shot ...")."""
GENDERED_NOUNS = {**{m: ("m", f) for m, f in _PAIRS}, **{f: ("f", m) for m, f in _PAIRS}}
"""English nouns that give a person's gender, with the other gender's noun (one person)."""
NOUN_BEFORE_NAME = 4
"""A gendered noun stands for a name that starts within this many words after it
("spokeswoman Ana Ruiz", "the spokesman of the agency Ana Ruiz")..."""
NOUN_AFTER_NAME = 3
"""...or that ends within this many words before it ("Ana Ruiz, a spokeswoman")."""
LOOKBACK = 2
"""Sentences before a pronoun searched for the person it stands for."""
SUBJECT_REACH = 8
"""A person named within this many words of a sentence's start is taken as its subject."""
SPEECH_VERBS = frozenset(v for v in ATTRIBUTION_VERBS.split("|") if " " not in v)
"""Verbs that attribute words to their subject ("she said", "told reporters")."""
SPEAKER_REACH = 3
"""A speech verb this many words or fewer before a name ("said his lawyer Ana Ruiz") makes
the name its speaker, as does one right after it ("Ana Ruiz told reporters")."""


@dataclass(frozen=True)
class Reference:
    """A pronoun and the person (name form) it stands for."""

    place: Place
    token: int
    gender: str
    person: tuple[str, ...]


def references(alignment: Alignment, people: People, doc: int) -> list[Reference]:
    """The article's third-person pronouns that stand for one named person."""
    mentions: dict[int, list[tuple[int, tuple[str, ...], int]]] = defaultdict(list)
    for mention in people.mentions.get(doc, []):
        mentions[mention.place.sentence].append((mention.first, mention.form, mention.last))
    surnames = {m.form[-1]: m.form for m in people.mentions.get(doc, [])}
    out: list[Reference] = []
    for s in range(len(alignment.docs[doc].sentences)):
        place = Place(doc, s)
        tokens = alignment.tokens(place)
        for i, token in enumerate(tokens):
            gender = PRONOUNS.get(token.norm)
            if gender is not None:
                person = _antecedent(tokens, i, s, mentions, surnames, alignment, doc)
            elif token.norm in GENDERED_NOUNS and token.surface.islower():
                gender = GENDERED_NOUNS[token.norm][0]
                person = _named_beside(tokens, i, people.mentions.get(doc, []), s)
            else:
                continue
            if person is not None:
                out.append(Reference(place, i, gender, person))
    return out


_NOT_THE_SAME = frozenset({"for", "to", "and", "or", "with", "by", "from", "against", "than", "at"})
"""A word between a role noun and a name that makes them two people ("the spokesman for Ana
Ruiz", "Ana Ruiz and a spokesman")."""


def _named_beside(
    tokens: Sequence[Token], i: int, mentions: Sequence[Mention], sentence: int
) -> tuple[str, ...] | None:
    """The one person named next to the role noun at token ``i``: just after it ("spokeswoman
    Ana Ruiz"), or just before it ("Ana Ruiz, a spokeswoman"), and not someone else's ("Ana
    Ruiz's spokesman")."""
    near: set[tuple[str, ...]] = set()
    for m in mentions:
        if m.place.sentence != sentence:
            continue
        if i < m.first <= i + NOUN_BEFORE_NAME:
            between = tokens[i + 1 : m.first]
        elif i - NOUN_AFTER_NAME <= m.last < i and not tokens[m.last].surface.endswith(("'s", "’s")):
            between = tokens[m.last + 1 : i]
        else:
            continue
        if not any(t.norm in _NOT_THE_SAME for t in between):
            near.add(m.form)
    return near.pop() if len(near) == 1 else None


def _antecedent(
    tokens: Sequence[Token], i: int, s: int, mentions: dict[int, list[tuple[int, tuple[str, ...], int]]],
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
        named = sorted(m for m in mentions.get(s - back, []) if back or m[0] < i)
        found = {form for _, form, _ in named}
        found |= {surnames[t.norm] for t in words if t.norm in surnames and t.surface[:1].isupper()}
        if len(found) == 1:
            return found.pop()
        if found:
            speaker = _speaker(words, named) if back and _speaks(tokens, i) else None
            if speaker is not None:
                return speaker
            if subject and named and named[0][0] <= SUBJECT_REACH:
                return named[0][1]
            return None
    return None


def _speaks(tokens: Sequence[Token], i: int) -> bool:
    """Whether the pronoun at ``tokens[i]`` is the subject of a speech verb ("she said")."""
    return tokens[i].norm in ("he", "she") and i + 1 < len(tokens) and tokens[i + 1].norm in SPEECH_VERBS


def _speaker(
    words: Sequence[Token], named: Sequence[tuple[int, tuple[str, ...], int]]
) -> tuple[str, ...] | None:
    """The one person an earlier sentence names as a speaker: a speech verb just after the
    name ("his lawyer Ana Ruiz told reporters") or a few words before it ("said his lawyer Ana
    Ruiz"). "X will appeal, his lawyer Ana Ruiz said. '...,' she said" continues the lawyer,
    not the sentence's first name."""
    speakers: set[tuple[str, ...]] = set()
    for first, form, last in named:
        after = words[last + 1 : last + 2]
        before = words[max(0, first - SPEAKER_REACH) : first]
        if any(t.norm in SPEECH_VERBS for t in (*after, *before)):
            speakers.add(form)
    return speakers.pop() if len(speakers) == 1 else None


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
    count = len(witnesses)
    others = f"{count} other article{'s' if count != 1 else ''} of the story"
    if token.norm in GENDERED_NOUNS:
        word = GENDERED_NOUNS[token.norm][1]
        return StoryFinding(
            "pronoun", sentence.start + token.start, sentence.start + token.end,
            f"'{token.surface}' for {name}, whom {others} refer{'s' if count == 1 else ''} to as "
            f"a {'woman' if theirs == 'f' else 'man'} ({describe(witnesses)}): a translation that "
            "guessed the gender?",
            severity, word, tuple(witnesses),
        )
    subject = token.norm in ("he", "she")
    word = WORDS[theirs][0 if subject else 1]
    if token.norm in ("him", "himself", "hers", "herself"):
        word = {"him": "her", "himself": "herself", "hers": "his", "herself": "himself"}[token.norm]
    if token.surface[:1].isupper():
        word = word.capitalize()
    return StoryFinding(
        "pronoun", sentence.start + token.start, sentence.start + token.end,
        f"'{token.surface}' for {name}, whom {others} call{'s' if count == 1 else ''} "
        f"'{WORDS[theirs][0]}' ({describe(witnesses)}): a translation that guessed the pronoun?",
        severity, word, tuple(witnesses),
    )
