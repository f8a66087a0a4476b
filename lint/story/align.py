"""Sentence alignment inside a story, and word alignment of a pair of sentences.

Identical sentences (a wire paragraph printed by every site that carries the story) collapse
into one node before any pair is compared; identical means the same characters, so every
offset of a node's tokens is right for each of its places. Candidate pairs share at least two content words
that are not common across the story's sentences (an inverted index, so a sentence is compared
with a few others, not with all); a pair is kept when its content words overlap enough (Dice),
which admits an edited copy and most paraphrased translations, since those keep the names,
figures and rare words of the original. Each sentence then gets, in each other article, its
best counterpart.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import combinations
from typing import NamedTuple

from rapidfuzz.distance import Levenshtein

from lint.story.text import Sentence, Token, is_content, stem, tokenize

MIN_DICE = 0.34
"""Content-word overlap (Dice) for two sentences to be counterparts."""
MIN_SHARED = 3
"""...and at least this many shared content words."""
MAX_POSTING = 64
"""A content word in more of a story's distinct sentences than this does not propose pairs."""


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

    @property
    def docs(self) -> frozenset[int]:
        return frozenset(p.doc for p in self.places)


@dataclass(frozen=True)
class StoryDoc:
    """One article of a story: its key, its sentences and the years of its full dates."""

    key: tuple[str, int | None]
    sentences: Sequence[Sentence]
    years: Sequence[int] = ()


@dataclass
class Alignment:
    """The story's distinct sentences and, for each, its best counterpart in each article."""

    docs: list[StoryDoc]
    nodes: list[Node]
    node_of: dict[Place, int]
    counterparts: dict[int, dict[int, tuple[int, float]]]
    """node -> article -> (counterpart node, Dice), for articles other than the node's own."""

    def tokens(self, place: Place) -> tuple[Token, ...]:
        return self.nodes[self.node_of[place]].tokens

    def sentence(self, place: Place) -> Sentence:
        return self.docs[place.doc].sentences[place.sentence]

    def counterparts_of(self, place: Place) -> dict[int, tuple[Place, float]]:
        """Article -> (its sentence that says the same, Dice) for every other article."""
        node = self.node_of[place]
        out: dict[int, tuple[Place, float]] = {}
        for doc, (other, score) in self.counterparts.get(node, {}).items():
            if doc == place.doc:
                continue
            match = next((p for p in self.nodes[other].places if p.doc == doc), None)
            if match is not None:
                out[doc] = (match, score)
        for p in self.nodes[node].places:  # verbatim copies in other articles
            if p.doc != place.doc and p.doc not in out:
                out[p.doc] = (p, 1.0)
        return out


def align_story(docs: list[StoryDoc]) -> Alignment:
    """Collapse the story's sentences into nodes and find each node's counterparts."""
    nodes: list[Node] = []
    node_of: dict[Place, int] = {}
    by_form: dict[str, int] = {}
    for d, doc in enumerate(docs):
        for s, sentence in enumerate(doc.sentences):
            number = by_form.get(sentence.text)
            if number is None:
                tokens = tokenize(sentence.text)
                number = by_form[sentence.text] = len(nodes)
                nodes.append(Node(tokens, frozenset(stem(t.norm) for t in tokens if is_content(t))))
            nodes[number].places.append(Place(d, s))
            node_of[Place(d, s)] = number
    postings: dict[str, list[int]] = defaultdict(list)
    for number, node in enumerate(nodes):
        for word in node.content:
            postings[word].append(number)
    shared: dict[tuple[int, int], int] = defaultdict(int)
    for numbers in postings.values():
        if len(numbers) > MAX_POSTING:
            continue
        for pair in combinations(numbers, 2):
            shared[pair] += 1
    counterparts: dict[int, dict[int, tuple[int, float]]] = defaultdict(dict)
    for (a, b), count in shared.items():
        if count < MIN_SHARED:
            continue
        na, nb = nodes[a], nodes[b]
        score = 2 * len(na.content & nb.content) / (len(na.content) + len(nb.content))
        if score < MIN_DICE:
            continue
        for here, there in ((a, b), (b, a)):
            for doc in nodes[there].docs - nodes[here].docs:
                best = counterparts[here].get(doc)
                if best is None or (score, -there) > (best[1], -best[0]):
                    counterparts[here][doc] = (there, score)
    return Alignment(docs, nodes, node_of, dict(counterparts))


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
