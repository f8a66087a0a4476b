"""Bare surnames that nobody in the article introduces, close to the surname of one who is.

A news article introduces each person by full name or title before it uses the bare surname
("Fisheries Minister Ana Ruiz ... Ruiz said"). A bare surname in a speaker's place that no
full name or title of the article introduces, and that resembles the surname of exactly one
person the article does introduce, is that person's name corrupted: transcription and
round-trip translation swap a rare surname for a commoner one ("Ruiz" -> "Ruiset"), which the
word-frequency and sound gates of the name authority let through.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import NamedTuple

import regex
from rapidfuzz.distance import Indel, JaroWinkler

from lint.names.extract import Mention
from lint.names.fold import fold
from lint.quotes.extract import ATTRIBUTION_VERBS

MIN_JARO_WINKLER = 0.85
"""Similarity of the two surnames (Jaro-Winkler, which weighs a shared beginning)..."""
MIN_INDEL = 0.6
"""...and their share of letters in order (normalized Indel)."""
SHARED_PREFIX = 3
"""Letters the two surnames begin with alike."""
MIN_LENGTH = 4
SPEAKER_WINDOW = 40
"""Characters before a mention searched for the speech verb it follows."""
MAX_BARE = 2
"""A bare name used more often than this is someone (or something) the article is about."""

_SPEECH = "|".join(verb for verb in ATTRIBUTION_VERBS.split("|") if " " not in verb)
_SPEAKER_AFTER = regex.compile(rf"\s+(?:(?:has|had|also|then|later)\s+)?(?:{_SPEECH})\b")
_SPEAKER_BEFORE = regex.compile(rf"\b(?:{_SPEECH})\s+$")


class Unintroduced(NamedTuple):
    """A bare surname nobody introduces, and the introduced person it resembles."""

    mention: Mention
    person: Mention


def unintroduced_surnames(lines: Sequence[str], mentions: Sequence[Mention]) -> list[Unintroduced]:
    """The bare surnames in a speaker's place ("Ruiset said", "said Ruiset") that no mention
    of the article introduces and that resemble the surname of exactly one introduced person:
    one with a full name whom the article also quotes by the surname alone."""
    introduced = {fold(m.surname) for m in mentions if m.given or m.title}
    speakers = {fold(m.attached) for m in mentions if m.attached and _speaker_place(lines[m.line - 1], m)}
    people: dict[str, Mention] = {}
    for m in mentions:
        if m.given and fold(m.surface) in speakers:
            people.setdefault(fold(m.surname), m)
    bare = Counter(fold(m.surname) for m in mentions if not (m.given or m.title))
    out: list[Unintroduced] = []
    for m in mentions:
        key = fold(m.surname)
        if (m.given or m.title or m.attached or key in introduced or bare[key] > MAX_BARE
                or len(key) < MIN_LENGTH or not m.surname.isalpha()):
            continue
        close = [person for surname, person in people.items() if resembles(key, surname)]
        if len(close) == 1 and _speaker_place(lines[m.line - 1], m):
            out.append(Unintroduced(m, close[0]))
    return out


def resembles(a: str, b: str) -> bool:
    """Two folded surnames close enough to be one name corrupted: a shared beginning and most
    letters in order, neither merely the other with an ending ("Kenya", "Kenyan")."""
    if a == b or a[:SHARED_PREFIX] != b[:SHARED_PREFIX] or a.startswith(b) or b.startswith(a):
        return False
    return JaroWinkler.similarity(a, b) >= MIN_JARO_WINKLER and Indel.normalized_similarity(a, b) >= MIN_INDEL


def _speaker_place(line: str, m: Mention) -> bool:
    """The mention is the subject of a speech verb right after it, or follows one."""
    before = line[max(0, m.start - SPEAKER_WINDOW) : m.start]  # bounded: lines may be long
    return bool(_SPEAKER_AFTER.match(line, m.end) or _SPEAKER_BEFORE.search(before))
