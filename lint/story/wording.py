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

from collections.abc import Callable, Iterator, Sequence

from rapidfuzz import fuzz

from lint.story.align import Alignment, Op, Place, word_alignment
from lint.story.evidence import StoryFinding, Witness, describe, other_articles, vote, witness
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
    yield StoryFinding(
        "wording", sentence.start + a, sentence.start + b,
        f"'{sentence.text[a:b]}': a light verb standing in for one verb? {other_articles(verdict)} of "
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


MIN_SUBSTITUTION_DICE = 0.5
"""Aligned sentences this close may show a substituted word."""
MIN_KNOWN_ZIPF = 2.0
"""The article's word must be an English word (wordfreq knows it at least this well)."""
MIN_ZIPF_GAP = 1.0
"""The siblings' word must be this much more common (wordfreq's Zipf scale: ten times) than
the article's for the article's to look like a literal rendering ("annulled" for "cancelled")."""


def substitution_findings(
    alignment: Alignment, groups: dict[int, int], doc: int, roles: frozenset[str] = frozenset(),
    memo: SubstitutionMemo | None = None,
) -> Iterator[StoryFinding]:
    """Info: a plain word of the article where the siblings' sentence that says the same has
    another, far more common word between the same neighbours ("flights were annulled" where
    they write "flights were cancelled"), a word no other article of the story uses. Independent
    outlets choose words freely, so this is never more than a hint of a literal translation.
    Words for what a person is or does (``roles``) are left out: "economist" for "doctor" is
    another person or a wrong fact, not a rendering. ``memo``: the story's
    :class:`SubstitutionMemo`, shared by its articles."""
    from lint.names.fold import zipf

    vocabularies: dict[int, frozenset[str]] = {}
    memo = memo if memo is not None and memo.alignment is alignment else SubstitutionMemo(alignment)
    for s in range(len(alignment.docs[doc].sentences)):
        place = Place(doc, s)
        node = alignment.node_of[place]
        plain = memo.plain(node)
        if not plain:
            continue
        tokens = alignment.tokens(place)
        slots: dict[int, dict[int, str]] = {}
        where: dict[tuple[int, int], tuple[Place, Token]] = {}
        agreeing: dict[str, list[int]] = {}
        for other, (there, score) in alignment.counterparts_of(place).items():
            if score < MIN_SUBSTITUTION_DICE or alignment.node_of[there] == node:
                continue
            for word in plain & memo.words(alignment.node_of[there]):
                agreeing.setdefault(word, []).append(other)
            for i, found in memo.substitutions(node, alignment.node_of[there], zipf):
                slots.setdefault(i, {})[other] = found.norm
                where[(i, other)] = (there, found)
        for i, values in sorted(slots.items()):
            mine = tokens[i]
            if not (_plain_word(mine) and is_content(mine)) or mine.norm in roles:
                continue
            values = {other: word for other, word in values.items() if word not in roles}
            values = {**values, **{other: mine.norm for other in agreeing.get(mine.norm, ())}}
            finding = _substitution(alignment, groups, doc, place, mine, values, where, vocabularies, zipf)
            if finding is not None:
                yield finding


class SubstitutionMemo:
    """What the substitution search computes once per sentence node and node pair (copies of
    one wire story share their sentences' nodes)."""

    def __init__(self, alignment: Alignment) -> None:
        self.alignment = alignment
        self._plain: dict[int, frozenset[str]] = {}
        self._words: dict[int, frozenset[str]] = {}
        self._pairs: dict[tuple[int, int], list[tuple[int, Token]]] = {}

    def plain(self, node: int) -> frozenset[str]:
        """The plain content words of a sentence."""
        if node not in self._plain:
            tokens = self.alignment.nodes[node].tokens
            self._plain[node] = frozenset(t.norm for t in tokens if _plain_word(t) and is_content(t))
        return self._plain[node]

    def _marks(self, node: int, i: int) -> tuple[str, str]:
        """The punctuation between word ``i`` of a sentence and its neighbours: a word in
        another clause ("the mosquito, said the ministry" / "the mosquito control, the
        ministry") is no substitute for the other, though the alignment puts them side by
        side."""
        tokens = self.alignment.nodes[node].tokens
        text = self.alignment.sentence(self.alignment.nodes[node].places[0]).text
        return (text[tokens[i - 1].end : tokens[i].start].strip(),
                text[tokens[i].end : tokens[i + 1].start].strip())

    def words(self, node: int) -> frozenset[str]:
        if node not in self._words:
            self._words[node] = frozenset(t.norm for t in self.alignment.nodes[node].tokens)
        return self._words[node]

    def substitutions(self, mine: int, theirs: int, zipf: Callable[[str], float]) -> list[tuple[int, Token]]:
        """(word index, the sibling's word) of each one-word substitution between two sentences."""
        key = (mine, theirs)
        if key not in self._pairs:
            found: list[tuple[int, Token]] = []
            plain, their_words = self.plain(mine), self.words(theirs)
            if _rarer_words(set(plain - their_words), set(self.plain(theirs) - self.words(mine)), zipf):
                a, b = self.alignment.nodes[mine].tokens, self.alignment.nodes[theirs].tokens
                ops = word_alignment(a, b)
                found = [(op.a_start, b[op.b_start]) for k, op in enumerate(ops)
                         if _substituted(ops, k) and _plain_word(b[op.b_start]) and is_content(b[op.b_start])
                         and self._marks(mine, op.a_start) == self._marks(theirs, op.b_start)]
            self._pairs[key] = found
        return self._pairs[key]


def _rarer_words(mine: set[str], theirs: set[str], zipf: Callable[[str], float]) -> bool:
    """Whether some word only this sentence has is MIN_ZIPF_GAP rarer than some word only the
    sibling's has (else no substitution can qualify and the alignment is skipped)."""
    known = [f for f in map(zipf, mine) if f >= MIN_KNOWN_ZIPF]
    if not known or not theirs:
        return False
    return min(known) <= max(map(zipf, theirs)) - MIN_ZIPF_GAP


def _substitution(
    alignment: Alignment, groups: dict[int, int], doc: int, place: Place, mine: Token,
    values: dict[int, str], where: dict[tuple[int, int], tuple[Place, Token]],
    vocabularies: dict[int, frozenset[str]], zipf: Callable[[str], float],
) -> StoryFinding | None:
    verdict = vote(mine.norm, values, lambda x, y: x == y, groups, groups.get(doc, doc))
    word = str(verdict.value) if verdict.severity else ""
    if not word or word == mine.norm or stem(word) == stem(mine.norm):
        return None
    if fuzz.ratio(word, mine.norm) >= 80 or zipf(word) - zipf(mine.norm) < MIN_ZIPF_GAP:
        return None
    if zipf(mine.norm) < MIN_KNOWN_ZIPF:
        return None  # not an English word at all: a misspelling (NL507) or a name
    if any(mine.norm in _vocabulary(alignment, other, vocabularies) for other in alignment.witnesses(doc)):
        return None  # another article of the story writes it too: a word of the story
    index = alignment.tokens(place).index(mine)
    witnesses = []
    for other in verdict.agreeing:
        found = where.get((index, other))
        if found is not None:
            witnesses.append(witness(alignment, found[0], found[1].start, found[1].end))
    if not witnesses:
        return None
    sentence = alignment.sentence(place)
    count = len(verdict.agreeing)
    return StoryFinding(
        "wording", sentence.start + mine.start, sentence.start + mine.end,
        f"'{mine.surface}' where {other_articles(verdict)} of the "
        f"story write{'s' if count == 1 else ''} the far more common '{witnesses[0].text}' "
        f"between the same words ({describe(witnesses)}): a literal translation?",
        "info", None, tuple(witnesses),
    )


def _substituted(ops: Sequence[Op], k: int) -> bool:
    """A one-word replacement with equal words on both sides (both plain content words: see
    the caller)."""
    op = ops[k]
    return (op.tag == "replace" and op.a_end - op.a_start == 1 and op.b_end - op.b_start == 1
            and 0 < k < len(ops) - 1 and ops[k - 1].tag == "equal" and ops[k + 1].tag == "equal")


def _vocabulary(alignment: Alignment, doc: int, known: dict[int, frozenset[str]]) -> frozenset[str]:
    """The words article ``doc`` writes (remembered in ``known``)."""
    if doc not in known:
        known[doc] = frozenset(t.norm for _, t in alignment.doc_tokens(doc))
    return known[doc]
