"""Sentence alignment inside a story, and word alignment of a pair of sentences.

Identical sentences (a wire paragraph printed by every site that carries the story) collapse
into one node before any pair is compared; identical means the same characters, so every
offset of a node's tokens is right for each of its places. Articles whose sentences are the
same nodes are copies of one story; copies are one witness (see
:func:`lint.story.evidence.vote`), so each article is compared with one representative of each
other copy group and a few of its own copies, at most MAX_WITNESSES articles: a story printed
by hundreds of sites costs as much per article as one printed by ten.

Sentences of two articles are paired through an inverted index of the witness article's
content words (stems): a pair shares at least MIN_SHARED of them and overlaps enough (Dice),
which admits an edited copy and most paraphrased translations, since those keep the names,
figures and rare words of the original. Pairs are computed once per node and article and
remembered, so copies reuse them. A short sentence whose differing words are its subject ("the
X said it was monitoring the situation") shares too few words to pass alone: where neither it
nor the sentence at the same place of the other article (between the counterparts of its
neighbours) has a counterpart, the two pair on ANCHORED_SHARED shared words.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from rapidfuzz.distance import Levenshtein

from lint.story.text import Sentence, Token, is_content, stem, tokenize

MIN_DICE = 0.34
"""Content-word overlap (Dice) for two sentences to be counterparts."""
MIN_SHARED = 3
"""...and at least this many shared content words."""
ANCHORED_SHARED = 2
"""Shared content words for two unpaired sentences between paired neighbours."""
ANCHOR_DICE = 0.5
"""A neighbour pair this close anchors the sentences next to it."""
MAX_WITNESSES = 12
"""Other articles an article is compared with: one per copy group, nearest groups first."""
OWN_COPIES = 3
"""Copies of the article itself among them (a copy that changed a word is told by these)."""
COPY_SHARE = 0.6
"""Articles sharing this share of the smaller one's sentences verbatim copy each other."""
MAX_GROUPING = 400
"""Distinct articles compared pairwise to find copies; beyond, only identical ones group."""
PARALLEL_SHARE = 0.8
"""Share of an article's sentences that must have a counterpart in another, and the least
ratio of their lengths in sentences, for the two to tell one text sentence for sentence."""


class Place(NamedTuple):
    """A sentence of the story: which article (index in the story) and which sentence."""

    doc: int
    sentence: int


@dataclass
class Node:
    """A distinct sentence of the story (identical ones collapse) and where it occurs."""

    tokens: tuple[Token, ...]
    content: frozenset[str]
    places: list[Place] = field(default_factory=list)
    _first: dict[int, int] = field(default_factory=dict, repr=False)
    """Article -> the first of its sentences that is this one."""

    def add(self, place: Place) -> None:
        self.places.append(place)
        self._first.setdefault(place.doc, place.sentence)

    def holds(self, doc: int) -> bool:
        """Whether article ``doc`` has this sentence (a look-up: a wire sentence that three
        hundred copies carry is not scanned)."""
        return doc in self._first

    def sentence_in(self, doc: int) -> int:
        """The index of the first sentence of article ``doc`` that is this one."""
        return self._first[doc]


@dataclass(frozen=True)
class StoryDoc:
    """One article of a story: its key, its sentences and the years of its full dates."""

    key: tuple[str, int | None]
    sentences: Sequence[Sentence]
    years: Sequence[int] = ()


@dataclass
class Alignment:
    """The story's distinct sentences, its copy groups, and counterparts computed on demand."""

    docs: list[StoryDoc]
    nodes: list[Node]
    node_of: dict[Place, int]
    groups: dict[int, int] = field(default_factory=dict)
    """Each article's copy group: the smallest index of the group."""
    spelling: Mapping[str, str] = field(default_factory=dict)
    """A locale's spelling -> one form for every locale ("labour" -> "labor")."""
    _witnesses: dict[int, tuple[int, ...]] = field(default_factory=dict, repr=False)
    _index: dict[int, dict[str, list[int]]] = field(default_factory=dict, repr=False)
    _best: dict[tuple[int, int], tuple[int, float] | None] = field(default_factory=dict, repr=False)
    _counterparts: dict[Place, dict[int, tuple[Place, float]]] = field(default_factory=dict, repr=False)

    _members: dict[int, list[int]] | None = field(default=None, repr=False)
    _largest: list[int] | None = field(default=None, repr=False)

    def tokens(self, place: Place) -> tuple[Token, ...]:
        return self.nodes[self.node_of[place]].tokens

    def members(self) -> dict[int, list[int]]:
        """Each copy group's articles, in order (computed once)."""
        if self._members is None:
            self._members = defaultdict(list)
            for d in range(len(self.docs)):
                self._members[self.groups.get(d, d)].append(d)
        return self._members

    def largest_groups(self) -> list[int]:
        """The copy groups, those with most articles first, then in order (computed once)."""
        if self._largest is None:
            members = self.members()
            self._largest = sorted(members, key=lambda g: (-len(members[g]), g))
        return self._largest

    def sentence(self, place: Place) -> Sentence:
        return self.docs[place.doc].sentences[place.sentence]

    def doc_tokens(self, doc: int) -> Iterator[tuple[Place, Token]]:
        """Every word of article ``doc``, with the place of its sentence."""
        for s in range(len(self.docs[doc].sentences)):
            place = Place(doc, s)
            for token in self.tokens(place):
                yield place, token

    def witnesses(self, doc: int) -> tuple[int, ...]:
        """The articles ``doc`` is compared with (see the module's docstring)."""
        found = self._witnesses.get(doc)
        if found is None:
            found = self._witnesses[doc] = _choose_witnesses(self, doc)
        return found

    def counterparts_of(self, place: Place) -> dict[int, tuple[Place, float]]:
        """Witness article -> (its sentence that says the same, Dice); computed once per
        sentence (every kind of finding asks)."""
        out = self._counterparts.get(place)
        if out is not None:
            return out
        node = self.node_of[place]
        out = {}
        for doc in self.witnesses(place.doc):
            best = self._counterpart(node, doc)
            if best is not None:
                out[doc] = (Place(doc, self.nodes[best[0]].sentence_in(doc)), best[1])
            else:
                anchored = self._anchored(place, doc)
                if anchored is not None:
                    out[doc] = anchored
        self._counterparts[place] = out
        return out

    def parallel(self, doc: int, others: Sequence[int]) -> bool:
        """Whether article ``doc`` and each of ``others`` (its witnesses) tell one text sentence
        for sentence, as translations of one source do: about as many sentences, nearly all
        with a counterpart. Outlets that each wrote their own report are not parallel."""
        mine = len(self.docs[doc].sentences)
        for other in others:
            theirs = len(self.docs[other].sentences)
            if not mine or min(mine, theirs) < PARALLEL_SHARE * max(mine, theirs):
                return False
            paired = sum(1 for s in range(mine) if other in self.counterparts_of(Place(doc, s)))
            if paired < PARALLEL_SHARE * mine:
                return False
        return bool(others)

    def _anchored(self, place: Place, doc: int) -> tuple[Place, float] | None:
        """The sentence of ``doc`` at the place of ``place`` between the counterparts of its
        neighbours, when neither has a counterpart of its own and they share enough words."""
        mine = self.nodes[self.node_of[place]]
        for step in (-1, 1):
            near = place.sentence + step
            if not 0 <= near < len(self.docs[place.doc].sentences):
                continue
            anchor = self._counterpart(self.node_of[Place(place.doc, near)], doc)
            if anchor is None or anchor[1] < ANCHOR_DICE:
                continue
            at = self.nodes[anchor[0]].sentence_in(doc) - step
            if not 0 <= at < len(self.docs[doc].sentences):
                continue
            there = Place(doc, at)
            if self._counterpart(self.node_of[there], place.doc) is not None:
                continue  # that sentence pairs with another one
            theirs = self.nodes[self.node_of[there]]
            shared = len(mine.content & theirs.content)
            score = 2 * shared / max(1, len(mine.content) + len(theirs.content))
            if shared >= ANCHORED_SHARED and score >= MIN_DICE:
                return there, score
        return None

    def _counterpart(self, node: int, doc: int) -> tuple[int, float] | None:
        key = (node, doc)
        if key in self._best:
            return self._best[key]
        mine = self.nodes[node]
        best: tuple[int, float] | None = None
        if mine.holds(doc):
            best = (node, 1.0)  # the same sentence, verbatim
        else:
            shared: dict[int, int] = defaultdict(int)
            index = self._doc_index(doc)
            for word in mine.content:
                for other in index.get(word, ()):
                    shared[other] += 1
            for other, count in shared.items():
                if count < MIN_SHARED:
                    continue
                theirs = self.nodes[other]
                score = 2 * count / (len(mine.content) + len(theirs.content))
                if score >= MIN_DICE and (best is None or (score, -other) > (best[1], -best[0])):
                    best = (other, score)
        self._best[key] = best
        return best

    def _doc_index(self, doc: int) -> dict[str, list[int]]:
        index = self._index.get(doc)
        if index is None:
            index = defaultdict(list)
            for node in dict.fromkeys(self.node_of[Place(doc, s)] for s in range(len(self.docs[doc].sentences))):
                for word in self.nodes[node].content:
                    index[word].append(node)
            self._index[doc] = index
        return index


def align_story(docs: list[StoryDoc], spelling: Mapping[str, str] | None = None) -> Alignment:
    """Collapse the story's sentences into nodes and find its copy groups. ``spelling`` maps
    a locale's spelling to one form for every locale ("labour" to "labor"): outlets of two
    locales then share the word when sentences are paired (their tokens keep the spelling)."""
    spelling = spelling or {}
    nodes: list[Node] = []
    node_of: dict[Place, int] = {}
    by_text: dict[str, int] = {}
    for d, doc in enumerate(docs):
        for s, sentence in enumerate(doc.sentences):
            number = by_text.get(sentence.text)
            if number is None:
                tokens = tokenize(sentence.text)
                number = by_text[sentence.text] = len(nodes)
                nodes.append(Node(tokens, frozenset(stem(spelling.get(t.norm, t.norm)) for t in tokens if is_content(t))))
            nodes[number].add(Place(d, s))
            node_of[Place(d, s)] = number
    alignment = Alignment(docs, nodes, node_of, spelling=spelling)
    alignment.groups = _copy_groups(alignment)
    return alignment


def _copy_groups(alignment: Alignment) -> dict[int, int]:
    """Articles that copy each other: at least COPY_SHARE of the smaller one's sentences are
    verbatim in the other. Articles with the same sentences group first (no pair compared);
    the distinct rest are compared pair by pair, up to MAX_GROUPING of them."""
    count = len(alignment.docs)
    parent = list(range(count))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(a: int, b: int) -> None:
        ra, rb = root(a), root(b)
        parent[max(ra, rb)] = min(ra, rb)

    signatures: dict[frozenset[int], int] = {}
    node_sets: dict[int, frozenset[int]] = {}
    for d, doc in enumerate(alignment.docs):
        nodes = frozenset(alignment.node_of[Place(d, s)] for s in range(len(doc.sentences)))
        first = signatures.setdefault(nodes, d)
        if first != d:
            union(first, d)
        else:
            node_sets[d] = nodes
    distinct = sorted(node_sets)[:MAX_GROUPING]
    overlap: dict[tuple[int, int], int] = defaultdict(int)
    holders: dict[int, list[int]] = defaultdict(list)
    for d in distinct:
        for node in node_sets[d]:
            holders[node].append(d)
    for docs in holders.values():
        for x in range(len(docs)):
            for y in range(x + 1, len(docs)):
                overlap[docs[x], docs[y]] += 1
    for (a, b), n in overlap.items():
        smaller = min(len(node_sets[a]), len(node_sets[b]))
        if smaller and n >= COPY_SHARE * smaller:
            union(a, b)
    return {i: root(i) for i in range(count)}


def _choose_witnesses(alignment: Alignment, doc: int) -> tuple[int, ...]:
    """One article per other copy group (the groups with most articles first, then in order),
    and up to OWN_COPIES other articles of this one's group."""
    groups = alignment.groups
    members = alignment.members()
    own = groups.get(doc, doc)
    others = [g for g in alignment.largest_groups()[: MAX_WITNESSES - OWN_COPIES + 1] if g != own]
    chosen = [members[g][0] for g in others[: MAX_WITNESSES - OWN_COPIES]]
    chosen += [d for d in members[own] if d != doc][:OWN_COPIES]
    return tuple(sorted(chosen))


class Op(NamedTuple):
    """One step of a word alignment: ``a[a_start:a_end]`` against ``b[b_start:b_end]``."""

    tag: str
    a_start: int
    a_end: int
    b_start: int
    b_end: int


def word_alignment(a: Sequence[Token], b: Sequence[Token]) -> list[Op]:
    """The word-level edit script from ``a`` to ``b`` (equal, replace, insert, delete)."""
    return [
        Op(op.tag, op.src_start, op.src_end, op.dest_start, op.dest_end)
        for op in Levenshtein.opcodes([t.norm for t in a], [t.norm for t in b])
    ]
