"""A change whose two ends a translation swapped: "eased to 4.0 percent from 3.8 percent"
where the story's other articles say it eased to 3.8 from 4.0.

Each figure of the pair still agrees with a figure of the siblings' sentence, so the per-figure
vote of :mod:`lint.story.facts` sees no odd one out; what differs is which end is which. The
ends are read from the words before the figures ("to" for the end, "from" for the start),
whatever their order in the sentence, so "from 4.0 to 3.8" and "to 3.8 from 4.0" agree.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from lint.story.align import Alignment, Place
from lint.story.evidence import StoryFinding, describe, other_articles, vote, witness
from lint.story.figures import Figure, same_value
from lint.story.text import Sentence, Token

Ends = tuple[Figure, Figure]
"""The figure a change goes to, and the one it comes from."""


def change_ends(tokens: Sequence[Token], figures: Sequence[Figure]) -> Ends | None:
    """The sentence's one figure after "to" and one after "from", of the same kind and unit
    and of different values (None when there is not exactly one of each)."""
    to = [f for f in figures if f.first > 0 and tokens[f.first - 1].norm == "to"]
    start = [f for f in figures if f.first > 0 and tokens[f.first - 1].norm == "from"]
    if len(to) != 1 or len(start) != 1:
        return None
    end, begin = to[0], start[0]
    if (end.kind, end.unit) != (begin.kind, begin.unit) or same_value(end, begin):
        return None
    return end, begin


def _same_ends(a: Ends, b: Ends) -> bool:
    return same_value(a[0], b[0]) and same_value(a[1], b[1])


def swapped_ends(
    alignment: Alignment, groups: dict[int, int], doc: int, sentence: Sentence,
    tokens: Sequence[Token], ends: Ends, figures: dict[Place, list[Figure]],
    counterparts: dict[int, tuple[Place, float]],
) -> Iterator[StoryFinding]:
    """A finding when the siblings' sentences that say the same give this change the other way
    round (their end is this sentence's start and the reverse), by the vote of
    :func:`lint.story.evidence.vote`."""
    theirs: dict[int, Ends] = {}
    places: dict[int, Place] = {}
    for other, (place, _) in counterparts.items():
        found = change_ends(alignment.tokens(place), figures[place])
        if found is not None and found[0].kind == ends[0].kind and found[0].unit == ends[0].unit:
            theirs[other], places[other] = found, place
    if not theirs:
        return
    verdict = vote(ends, theirs, _same_ends, groups, groups.get(doc, doc))
    value = verdict.value
    if verdict.severity != "warning" or not isinstance(value, tuple):
        return
    if not (same_value(value[0], ends[1]) and same_value(value[1], ends[0])):
        return  # another disagreement: the per-figure vote speaks of it
    witnesses = []
    for other in verdict.agreeing:
        there, (end, begin) = alignment.tokens(places[other]), theirs[other]
        first, last = min(end.first, begin.first) - 1, max(end.last, begin.last)  # from "to"/"from"
        witnesses.append(witness(alignment, places[other], there[first].start, there[last].end))
    end, begin = ends
    text = sentence.text
    mine_to = text[tokens[end.first].start : tokens[end.last].end]
    mine_from = text[tokens[begin.first].start : tokens[begin.last].end]
    shown = verdict.agreeing[0]  # its own figure: the vote's representative may be another's
    there_to = alignment.tokens(places[shown])[theirs[shown][0].first : theirs[shown][0].last + 1]
    suggestion = alignment.sentence(places[shown]).text[there_to[0].start : there_to[-1].end]
    count = len(verdict.agreeing)
    yield StoryFinding(
        "figure", sentence.start + tokens[end.first].start, sentence.start + tokens[end.last].end,
        f"'to {mine_to}' and 'from {mine_from}' are the other way round in the story: "
        f"{other_articles(verdict)} ({describe(witnesses)}) give{'s' if count == 1 else ''} "
        f"'{witnesses[0].text}'",
        "warning", suggestion, tuple(witnesses),
    )
