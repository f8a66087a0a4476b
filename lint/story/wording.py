"""Wording: a light verb with a noun ("gave an order to") where the other articles of the story
say it in one verb ("ordered", "told").

In two sentences that say the same thing, the word alignment shows where the wording differs
between anchors that agree ("___ the crews to leave"). Independent outlets and
independent translations word everything differently, so a different word is no evidence; but
a translation system that renders one verb of the source as a light verb and a noun leaves a
telltale periphrasis. It is reported when at least two independent siblings say it in fewer
words without a light verb (see :func:`lint.story.evidence.vote`).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from rapidfuzz import fuzz

from lint.story.align import Alignment, Op, Place, word_alignment
from lint.story.evidence import StoryFinding, Witness, describe, vote, witness
from lint.story.text import Token, is_content, stem
from lint.text import STOPWORDS

MIN_SENTENCE_DICE = 0.4
MAX_MINE = 4
MAX_THEIRS = 3
LIGHT_VERBS = frozenset({
    "make", "made", "makes", "making", "take", "took", "taken", "takes", "taking", "do", "did",
    "does", "doing", "give", "gave", "given", "gives", "giving", "hold", "held", "holds",
    "holding", "put", "puts", "putting", "express", "expressed", "expresses", "expressing",
    "carry", "carried", "carries", "perform", "performed", "performs", "realize", "realized",
    "realise", "realised", "effect", "effected", "undertake", "undertook", "undertaken",
    "sustain", "sustained", "sustains", "meet", "met", "turn", "turned", "turns", "raise",
    "raised", "launch", "launched", "emit", "emitted", "emits", "issue", "issued",
})
"""Verbs that carry little meaning of their own and take it from a noun: a translation
system's stand-in for one verb of the source ("gave an order to" for "ordered")."""


def wording_findings(alignment: Alignment, groups: dict[int, int], doc: int) -> Iterator[StoryFinding]:
    """Article ``doc``'s wordings that its siblings agree against."""
    for s in range(len(alignment.docs[doc].sentences)):
        place = Place(doc, s)
        tokens = alignment.tokens(place)
        if not any(t.norm in LIGHT_VERBS for t in tokens):
            continue
        siblings: dict[int, tuple[Place, list[Op]]] = {}
        for other, (there, score) in alignment.counterparts_of(place).items():
            if score >= MIN_SENTENCE_DICE and alignment.node_of[there] != alignment.node_of[place]:
                siblings[other] = (there, word_alignment(tokens, alignment.tokens(there)))
        slots: set[tuple[int, int]] = set()
        for there, ops in siblings.values():
            theirs = alignment.tokens(there)
            for index, op in enumerate(ops):
                if op.tag == "replace" and _candidate(tokens, theirs, ops, index):
                    slots.add((op.a_start, op.a_end))
        for start, end in sorted(slots):
            yield from _judge(alignment, groups, doc, place, tokens, start, end, siblings)


def _candidate(mine: Sequence[Token], theirs: Sequence[Token], ops: Sequence[Op], index: int) -> bool:
    """A replaced run of lowercase words between agreeing anchors, not a spelling variant."""
    op = ops[index]
    a, b = mine[op.a_start : op.a_end], theirs[op.b_start : op.b_end]
    return _other_wording(a, b) and _anchored(mine, ops, index)


def _other_wording(a: Sequence[Token], b: Sequence[Token]) -> bool:
    """Whether run ``a`` is a short light-verb periphrasis of lowercase words that run ``b``
    says in other words (not another inflection, word order or spelling)."""
    if not (1 <= len(a) <= MAX_MINE and 1 <= len(b) <= MAX_THEIRS):
        return False
    if not _light(tuple(t.norm for t in a)):
        return False  # only a light-verb periphrasis is ever reported
    if not all(_plain_word(t) for t in (*a, *b)) or not any(is_content(t) for t in a):
        return False
    if _content_stems(a) == _content_stems(b):
        return False  # inflection or word order, not another word
    # not spelling variants (labour/labor, programme/program)
    return not (len(a) == len(b) == 1 and fuzz.ratio(a[0].norm, b[0].norm) >= 80)


def _content_stems(tokens: Sequence[Token]) -> set[str]:
    """The stems of the content words of a run."""
    return {stem(t.norm) for t in tokens if is_content(t)}


def _anchored(mine: Sequence[Token], ops: Sequence[Op], index: int) -> bool:
    """Whether an equal op next to op ``index`` has a content word beside it: on the left
    within its last two words, on the right within its first two."""
    left = ops[index - 1] if index > 0 else None
    right = ops[index + 1] if index + 1 < len(ops) else None
    left_anchor = left is not None and left.tag == "equal" and any(
        is_content(t) for t in mine[max(left.a_start, left.a_end - 2) : left.a_end]
    )
    right_anchor = right is not None and right.tag == "equal" and any(
        is_content(t) for t in mine[right.a_start : right.a_start + 2]
    )
    return left_anchor or right_anchor


def _plain_word(token: Token) -> bool:
    return token.surface[:1].isalpha() and not token.surface[:1].isupper()


def _judge(
    alignment: Alignment, groups: dict[int, int], doc: int, place: Place, tokens: Sequence[Token],
    start: int, end: int, siblings: dict[int, tuple[Place, list[Op]]],
) -> Iterator[StoryFinding]:
    mine = tuple(t.norm for t in tokens[start:end])
    if not _light(mine):
        return
    values: dict[int, str] = {}
    spans: dict[int, tuple[Place, int, int]] = {}
    for other, (there, ops) in siblings.items():
        found = _theirs(ops, start, end)
        if found is None:
            continue
        if found[2] == -1:
            values[other] = "same"
            continue
        theirs = tuple(t.norm for t in alignment.tokens(there)[found[0] : found[1]])
        values[other] = "plain" if not _light(theirs) and len(theirs) < len(mine) else "other"
        spans[other] = (there, found[0], found[1])
    verdict = vote("light", values, lambda x, y: x == y, groups, groups.get(doc, doc))
    if verdict.severity != "warning" or verdict.value != "plain":
        return  # only independent siblings that all say it in one word make a periphrasis odd
    witnesses: list[Witness] = []
    for other in verdict.agreeing:
        there, a, b = spans[other]
        their_tokens = alignment.tokens(there)
        witnesses.append(witness(alignment, there, their_tokens[a].start, their_tokens[b - 1].end))
    sentence = alignment.sentence(place)
    a, b = tokens[start].start, tokens[end - 1].end
    count = len(verdict.agreeing)
    yield StoryFinding(
        "wording", sentence.start + a, sentence.start + b,
        f"'{sentence.text[a:b]}': a light verb standing in for one verb? {count} other articles of "
        f"the story say it in one word in the same sentence ({describe(witnesses)}: "
        f"'{witnesses[0].text}')",
        "warning", None, tuple(witnesses),
    )


def _light(words: Sequence[str]) -> bool:
    """A light verb followed, within the run, by a noun-like content word."""
    return any(w in LIGHT_VERBS and any(x not in STOPWORDS for x in words[i + 1 :]) for i, w in enumerate(words))


def _theirs(ops: Sequence[Op], start: int, end: int) -> tuple[int, int, int] | None:
    """What the sibling writes at words start..end: (start, end, 0) of its words when one
    replace op covers exactly that run, (start, end, -1) when equal ops do, else None."""
    for op in ops:
        if op.tag == "replace" and op.a_start == start and op.a_end == end:
            return op.b_start, op.b_end, 0
        if op.tag == "equal" and op.a_start <= start and end <= op.a_end:
            return start, end, -1
    return None
