"""A negation that a translation dropped or added: "the plan would be approved" where the
story's other articles say it "would not be approved".

Each sentence is word-aligned with the counterparts that say the same thing in the sibling
articles. Where the two differ by a negation alone (an inserted or deleted "not", "never" or
"no", or a verb and its contraction: "would" and "wouldn't"), the sibling gives that clause the
other polarity; a sibling whose counterpart has the same negations agrees with the article, and
one that words the clause otherwise ("remained closed" against "did not reopen") gives no
value. The siblings vote (:func:`lint.story.evidence.vote`) and only a warning is reported:
translations word a statement in many ways, but none of them is its opposite.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import NamedTuple

from rapidfuzz.distance import Levenshtein

from lint.story.align import Alignment, Op, Place, word_alignment
from lint.story.evidence import (
    StoryFinding,
    Verdict,
    Witness,
    describe,
    other_articles,
    vote,
    witness,
)
from lint.story.text import Token

NEGATIONS = frozenset({"not", "never", "no", "cannot"})
NEGATIVE_WORDS = frozenset({
    "deny", "denies", "denied", "denying", "refuse", "refuses", "refused", "refusing", "reject",
    "rejects", "rejected", "fail", "fails", "failed", "failing", "unable", "lack", "lacks",
    "lacked", "without", "neither", "nor", "hardly", "barely", "scarcely", "impossible",
    "unlikely", "unclear", "dismissed", "ruled", "declined", "declines", "decline", "nobody",
    "nothing", "none", "nowhere", "absent", "avoid", "avoided", "prevent", "prevented", "stop",
    "stopped", "halted", "instead", "rather", "only", "yet",
})
"""Words that negate or limit without "not" ("denied", "failed to", "without", "only"): a sentence
with one of them may say with it what another says with a negation."""
CHANGE_WORDS = frozenset({
    "now", "anymore", "later", "eventually", "finally", "reversed", "reverses", "reversing",
    "overturned", "backtracked", "updated", "latest", "revised", "meanwhile",
})
"""Words that say a statement changed: "the council now says the bridge will reopen" where
earlier reports say it will not is an update, not a dropped negation."""
CONTRACTED = {"won't": "will", "can't": "can", "cannot": "can", "shan't": "shall"}
"""Negated forms that are not the verb with "n't" added."""
MIN_NEGATION_DICE = 0.5
"""Counterparts this close or closer say the same thing (see ``Alignment.counterparts_of``)."""
MAX_NEGATION_WORDS = 2
"""An inserted or deleted run of at most this many negations ("not", "never")."""


class Flip(NamedTuple):
    """Where a sibling's counterpart differs from the article's sentence by a negation only:
    the op's word ranges in each sentence (``antonym``: a word against its negative-prefixed
    form, "lucky" and "unlucky")."""

    a_start: int
    a_end: int
    b_start: int
    b_end: int
    antonym: bool = False


NEGATIVE_PREFIXES = (("un", 4, ""), ("non-", 3, ""), ("im", 6, "pbm"), ("il", 5, "l"), ("ir", 6, "r"),
                     ("in", 7, ""))
"""Prefixes that make a word's opposite, with the shortest word they are read on and the
letters it must start with ("impossible", "illegal", "irregular"): "impress", "informed" and
"until" are no opposites of "press", "formed" and "til"."""
NOT_OPPOSITES = frozenset({
    "unless", "until", "under", "union", "unite", "united", "unity", "unit", "units", "universe",
    "university", "uniform", "unique", "unison", "unravel", "unraveled", "unravelled", "unloose",
    "invaluable", "inflammable", "infighting", "inbreeding", "inpatient", "inpatients",
    "indwelling", "incoming", "increase", "increased", "increases", "increasing", "infusion",
})
"""Words that look negative-prefixed but are not the opposite of the rest."""


def opposite_by_prefix(a: str, b: str) -> bool:
    """Whether one word is the other with a negative prefix, both English words ("lucky" and
    "unlucky", "possible" and "impossible", "binding" and "non-binding")."""
    from lint.lexicon import lexicon

    short, long_ = sorted((a, b), key=len)
    if long_ in NOT_OPPOSITES:
        return False
    for prefix, shortest, first in NEGATIVE_PREFIXES:
        if long_ == prefix + short and len(short) >= shortest and (not first or short[0] in first):
            known = lexicon()
            return short in known and (long_ in known or prefix.endswith("-"))
    return False


def antonym_flips(
    mine: Sequence[Token], theirs: Sequence[Token], antonyms: Mapping[str, frozenset[str]] | None = None,
) -> list[Flip]:
    """The words of the article's sentence that the sibling's counterpart writes with the
    opposite prefix or as a word of opposite meaning (``antonyms``), everything around them
    alike ("We were [un]lucky that it happened", "far too [light]" / "[heavy]"). The word
    alignment is costly: call it on a pair whose :meth:`Polarity.may_turn` says so."""
    ops = word_alignment(mine, theirs)
    return [
        Flip(op.a_start, op.a_end, op.b_start, op.b_end, antonym=True)
        for index, op in enumerate(ops)
        if op.tag == "replace" and op.a_end - op.a_start == op.b_end - op.b_start == 1
        and _opposite(mine[op.a_start].norm, theirs[op.b_start].norm, antonyms or {})
        and _kept_around(ops, index, -1) and _kept_around(ops, index, 1)
    ]


def _opposite(a: str, b: str, antonyms: Mapping[str, frozenset[str]]) -> bool:
    return b in antonyms.get(a, ()) or opposite_by_prefix(a, b)


_PREFIXES = tuple(prefix for prefix, _, _ in NEGATIVE_PREFIXES)


def _unprefixed(words: frozenset[str]) -> set[str]:
    """The words without the negative prefix they start with ("unlucky": "lucky")."""
    return {w[len(p):] for w in words if w.startswith(_PREFIXES) for p in _PREFIXES if w.startswith(p)}


def is_negation(token: Token) -> bool:
    return token.norm in NEGATIONS or token.norm.endswith(("n't", "n’t"))


def _positive(norm: str) -> str | None:
    """The verb a negated form negates ("wouldn't": "would", "won't": "will"), else None."""
    if norm in CONTRACTED:
        return CONTRACTED[norm]
    for ending in ("n't", "n’t"):
        if norm.endswith(ending) and len(norm) > len(ending) + 1:
            return norm[: -len(ending)]
    return None


def negations(tokens: Sequence[Token]) -> list[bool]:
    """Which words of a sentence are negations ("No. 5" and "no 10" are numbers, not "no")."""
    return [is_negation(t) and not (t.norm == "no" and i + 1 < len(tokens) and tokens[i + 1].norm[:1].isdigit())
            for i, t in enumerate(tokens)]


def negation_flips(mine: Sequence[Token], theirs: Sequence[Token], ops: Sequence[Op]) -> list[Flip]:
    """The ops of the alignment that add or drop a negation and nothing else (neighbouring
    changes read as one: "was equipped" against "has not yet been equipped")."""
    mine_negated, their_negated = negations(mine), negations(theirs)
    flips: list[Flip] = _joined_auxiliary_flips(mine, theirs, ops)
    for index, op in enumerate(ops):
        if not (_kept_around(ops, index, -1) and _kept_around(ops, index, 1)):
            continue
        if op.tag in ("insert", "delete"):
            added = their_negated[op.b_start : op.b_end] if op.tag == "insert" else mine_negated[op.a_start : op.a_end]
            if len(added) <= MAX_NEGATION_WORDS and all(added):
                flips.append(Flip(op.a_start, op.a_end, op.b_start, op.b_end))
        elif op.tag == "replace":
            a, b = mine[op.a_start : op.a_end], theirs[op.b_start : op.b_end]
            contracted = len(a) == len(b) == 1 and (_positive(b[0].norm) == a[0].norm or _positive(a[0].norm) == b[0].norm)
            if contracted or _auxiliaries_and_negation(a, b):
                flips.append(Flip(op.a_start, op.a_end, op.b_start, op.b_end))
    return flips


def _joined_auxiliary_flips(mine: Sequence[Token], theirs: Sequence[Token], ops: Sequence[Op]) -> list[Flip]:
    """Runs of neighbouring changes that, read as one, change a negation and auxiliaries only
    (an inserted "has not yet" beside "was" replaced by "been": "was equipped" against "has
    not yet been equipped"), the sentence alike around the run."""
    joined: list[tuple[Op, int]] = []  # each run, with how many ops it joins
    for op in ops:
        if joined and op.tag != "equal" and joined[-1][0].tag != "equal":
            last, count = joined[-1]
            joined[-1] = (Op("replace", last.a_start, op.a_end, last.b_start, op.b_end), count + 1)
        else:
            joined.append((op, 1))
    runs = [op for op, _ in joined]
    return [
        Flip(op.a_start, op.a_end, op.b_start, op.b_end)
        for index, (op, count) in enumerate(joined)
        if count > 1 and _kept_around(runs, index, -1) and _kept_around(runs, index, 1)
        and _auxiliaries_and_negation(mine[op.a_start : op.a_end], theirs[op.b_start : op.b_end])
    ]


AUXILIARIES = frozenset({"is", "are", "was", "were", "be", "been", "being", "am", "has", "have",
                         "had", "having", "do", "does", "did", "will", "would", "can", "could",
                         "shall", "should", "may", "might", "must", "yet", "still", "already"})
"""Words that may change with a negation in one clause: auxiliaries, modals, "yet" and "still"."""
MAX_AUXILIARY_RUN = 4


def _auxiliaries_and_negation(a: Sequence[Token], b: Sequence[Token]) -> bool:
    """Whether two changed runs differ by a negation and otherwise only in their auxiliaries
    ("there have been reports" / "there are no reports"): the tense moved, the polarity too."""
    if max(len(a), len(b)) > MAX_AUXILIARY_RUN:
        return False
    a_negated, b_negated = sum(negations(a)), sum(negations(b))
    if (a_negated == 0) == (b_negated == 0):
        return False
    rest = [t.norm for t in (*a, *b) if not is_negation(t)]
    return bool(rest) and all(word in AUXILIARIES for word in rest)


SPELLED_NEGATIONS = frozenset({"not", "never"})


def misspelled_negations(mine: Sequence[Token], theirs: Sequence[Token], ops: Sequence[Op]) -> list[Flip]:
    """The ops of the alignment that put a word one letter from "not" or "never" in place of it
    ("will now allow" / "will not allow", "ever" / "never"): a slip of the keyboard or of the
    transcriber that turns the sentence round, whatever else the sentence says."""
    flips: list[Flip] = []
    for index, op in enumerate(ops):
        if op.tag != "replace" or not (op.a_end - op.a_start == op.b_end - op.b_start == 1):
            continue
        a, b = mine[op.a_start], theirs[op.b_start]
        negated = [t for t in (a, b) if t.norm in SPELLED_NEGATIONS]
        if (len(negated) == 1 and not is_negation(a if negated[0] is b else b)
                and Levenshtein.distance(a.norm, b.norm) == 1
                and _kept_around(ops, index, -1) and _kept_around(ops, index, 1)):
            flips.append(Flip(op.a_start, op.a_end, op.b_start, op.b_end))
    return flips


QUANTIFIER_OPPOSITES = {
    "nobody": frozenset({"everyone", "everybody", "somebody", "someone", "all"}),
    "nothing": frozenset({"everything", "something", "all"}),
    "none": frozenset({"all", "each", "both"}),
    "never": frozenset({"always", "ever"}),
    "nowhere": frozenset({"everywhere", "somewhere"}),
    "neither": frozenset({"both", "either"}),
}
"""A negative quantifier and the words that say the opposite ("nobody panicked" against
"everyone panicked")."""
_QUANTIFIERS = frozenset({*QUANTIFIER_OPPOSITES, *(w for ws in QUANTIFIER_OPPOSITES.values() for w in ws)})
CONNECTIVES = frozenset({"and", "but", "yet", "so", "while", "though", "although", "then"})
"""Words that may change beside a quantifier ("and nobody" against ", but everyone")."""
MAX_QUANTIFIER_OP = 3
"""Words of a changed run that holds an opposite quantifier ("and no one" / "but everyone")."""


def quantifiers(tokens: Sequence[Token]) -> frozenset[str]:
    """The quantifiers of a sentence, "no one" read as "nobody"."""
    words = _folded([t.norm for t in tokens])
    return frozenset(w for w in words if w in _QUANTIFIERS)


def _inverts(mine: frozenset[str], theirs: frozenset[str]) -> bool:
    return any(QUANTIFIER_OPPOSITES[q] & theirs for q in mine if q in QUANTIFIER_OPPOSITES)


def _folded(words: Sequence[str]) -> list[str]:
    """Words with "no one" and "no-one" as "nobody"."""
    out: list[str] = []
    for word in words:
        if word == "one" and out and out[-1] == "no":
            out[-1] = "nobody"
        elif word == "no-one":
            out.append("nobody")
        else:
            out.append(word)
    return out


def _opposite_quantifiers(a: Sequence[str], b: Sequence[str]) -> bool:
    """Whether one run says with a negative quantifier what the other says with its opposite,
    the rest of both runs connectives ("and nobody" / "but everyone")."""
    x, y = set(_folded(a)), set(_folded(b))
    for one, other in ((x, y), (y, x)):
        negative = [w for w in one if w in QUANTIFIER_OPPOSITES]
        if len(negative) == 1 and (QUANTIFIER_OPPOSITES[negative[0]] & other):
            rest = (one - {negative[0]}) | (other - QUANTIFIER_OPPOSITES[negative[0]])
            return rest <= CONNECTIVES
    return False


def quantifier_flips(mine: Sequence[Token], theirs: Sequence[Token], ops: Sequence[Op]) -> list[Flip]:
    """The ops of the alignment that put a negative quantifier where the sibling writes its
    opposite, everything around them alike ("The crew stayed calm and [nobody] panicked" /
    "[everyone]")."""
    flips: list[Flip] = []
    for index, op in enumerate(ops):
        if op.tag != "replace" or max(op.a_end - op.a_start, op.b_end - op.b_start) > MAX_QUANTIFIER_OP:
            continue
        a = [t.norm for t in mine[op.a_start : op.a_end]]
        b = [t.norm for t in theirs[op.b_start : op.b_end]]
        if (_opposite_quantifiers(a, b) and _kept_around(ops, index, -1)
                and _kept_around(ops, index, 1)):
            flips.append(Flip(op.a_start, op.a_end, op.b_start, op.b_end, antonym=True))
    return flips


MAX_CHANGED_BESIDE = 2
"""Words that may change right beside a negation ("have [not] found" / "have located")."""


def _kept_around(ops: Sequence[Op], index: int, step: int) -> bool:
    """Whether the sentence goes on alike on one side of op ``index`` (``step`` -1: before, 1:
    after): an equal op, the sentence's end, or a change of a word or two and then an equal op.
    A negation beside a longer change belongs to another clause ("was [not] the end of the
    matter" against "was local but necessary")."""
    near = index + step
    if not 0 <= near < len(ops) or ops[near].tag == "equal":
        return True
    op = ops[near]
    if op.a_end - op.a_start > MAX_CHANGED_BESIDE or op.b_end - op.b_start > MAX_CHANGED_BESIDE:
        return False
    beyond = near + step
    return not 0 <= beyond < len(ops) or ops[beyond].tag == "equal"


SO_FAR_BEFORE_NOW = frozenset({"until", "till", "to", "of", "by", "for", "right"})
"""Words before "now" that make it "so far" ("until now", "up to now", "as of now"), not an
update."""


def polarity_unclear(tokens: Sequence[Token]) -> bool:
    """Whether a sentence negates with a word of its own ("denied it was true" says what "said it
    was not true" says), or says that something changed ("now", "later", "reversed": an update
    may turn a statement round; "until now" is "so far"; "not yet" is a negation): its
    negations cannot be compared."""
    return any(
        (t.norm in NEGATIVE_WORDS and not (t.norm == "yet" and i > 0 and is_negation(tokens[i - 1])))
        or (t.norm in CHANGE_WORDS and not (t.norm == "now" and i > 0 and tokens[i - 1].norm in SO_FAR_BEFORE_NOW))
        for i, t in enumerate(tokens)
    )


class Polarity(NamedTuple):
    """A sentence's negations, counted once per distinct sentence of the story."""

    negations: int
    unclear: bool
    """It negates with a word of its own, or says the statement changed: its count says nothing
    (see :func:`polarity_unclear`)."""
    words: frozenset[str] = frozenset()
    unprefixed: frozenset[str] = frozenset()
    """Its words, and those of them that start with a negative prefix without it: a pair of
    sentences may hold an opposite (:func:`antonym_flips`) only where one's words meet the
    other's unprefixed ones."""
    quantified: frozenset[str] = frozenset()
    """Its quantifiers ("nobody", "everyone"; see :func:`quantifiers`)."""
    opposed: frozenset[str] = frozenset()
    """The opposites of its words (rules/antonyms.toml)."""

    def may_turn(self, other: Polarity) -> bool:
        return not (self.words.isdisjoint(other.unprefixed) and other.words.isdisjoint(self.unprefixed)
                    and self.words.isdisjoint(other.opposed))

    def may_invert(self, other: Polarity) -> bool:
        """Whether one holds a negative quantifier whose opposite the other holds."""
        return _inverts(self.quantified, other.quantified) or _inverts(other.quantified, self.quantified)


def polarities(alignment: Alignment, antonyms: Mapping[str, frozenset[str]] | None = None) -> list[Polarity]:
    """The polarity of each node (distinct sentence) of the story's alignment (``antonyms``:
    each word's opposites)."""
    found = []
    table = antonyms or {}
    for node in alignment.nodes:
        words = frozenset(t.norm for t in node.tokens)
        opposed = frozenset(o for w in words if w in table for o in table[w])
        found.append(Polarity(sum(negations(node.tokens)), polarity_unclear(node.tokens), words,
                              frozenset(_unprefixed(words)), quantifiers(node.tokens), opposed))
    return found


def negation_findings(
    alignment: Alignment, groups: dict[int, int], doc: int, polarity: Sequence[Polarity] | None = None,
    antonyms: Mapping[str, frozenset[str]] | None = None,
) -> Iterator[StoryFinding]:
    """Article ``doc``'s sentences whose polarity its siblings agree against (``polarity``: the
    story's :func:`polarities`, computed once for all its articles; ``antonyms``: each word's
    opposites)."""
    polarity = polarities(alignment, antonyms) if polarity is None else polarity
    for s in range(len(alignment.docs[doc].sentences)):
        place = Place(doc, s)
        mine = polarity[alignment.node_of[place]]
        agree: dict[int, frozenset[str]] = {}
        flips: dict[int, tuple[Place, Flip]] = {}
        tokens = alignment.tokens(place)
        for other, (there, score) in alignment.counterparts_of(place).items():
            theirs = polarity[alignment.node_of[there]]
            if score < MIN_NEGATION_DICE:
                continue
            their_tokens = alignment.tokens(there)
            inverts = mine.may_invert(theirs)
            if theirs.negations == mine.negations and not inverts:
                may_turn = mine.may_turn(theirs)
                turned = antonym_flips(tokens, their_tokens, antonyms) if may_turn else []
                if len(turned) == 1:
                    flips[other] = (there, turned[0])  # "unlucky" against "lucky"
                elif not (may_turn or mine.unclear or theirs.unclear):
                    agree[other] = theirs.words  # the same sentence, or as many negations ("will not", "cannot")
                continue  # (one that writes the word's opposite in other words gives no value)
            ops = word_alignment(tokens, their_tokens)
            inverted = quantifier_flips(tokens, their_tokens, ops) if inverts else []
            if len(inverted) == 1:
                flips[other] = (there, inverted[0])  # "nobody panicked" against "everyone panicked"
                continue
            if theirs.negations == mine.negations:
                continue
            if mine.unclear or theirs.unclear:
                # "denied" against "said ... not", or an update ("now"): no count of negations
                # holds, but a negation misspelled into another word ("will now allow" for
                # "will not allow") is still one
                found = misspelled_negations(tokens, their_tokens, ops)
            else:
                found = negation_flips(tokens, their_tokens, ops)
            if len(found) == 1:
                flips[other] = (there, found[0])
        for start, end in _touching_spans({(f.a_start, f.a_end) for _, f in flips.values()}):
            values = {other: "same" for other, words in agree.items() if _covers(tokens, start, end, words)}
            values.update({other: "flipped" for other, (_, f) in flips.items() if start <= f.a_start and f.a_end <= end})
            verdict = vote("same", values, lambda x, y: x == y, groups, groups.get(doc, doc))
            if verdict.severity == "warning" and verdict.value == "flipped":
                yield _finding(alignment, place, tokens, start, end, verdict, flips)


def _covers(tokens: Sequence[Token], start: int, end: int, words: frozenset[str]) -> bool:
    """Whether a sibling's sentence holds the words either side of the article's changed run:
    it states the clause, so its polarity agrees; a sentence that pairs with another part of
    the article's says nothing of this clause."""
    around = [tokens[i].norm for i in (start - 1, end) if 0 <= i < len(tokens)]
    return all(word in words for word in around)


def _touching_spans(spans: set[tuple[int, int]]) -> list[tuple[int, int]]:
    """Word ranges of the article's sentence merged where they overlap or touch: siblings that
    word the flip around it otherwise ("there [have been] reports" / "there [are no] reports",
    "there has been [] reports" / "has been [no] report") flip the same clause."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def _finding(
    alignment: Alignment, place: Place, tokens: Sequence[Token], start: int, end: int,
    verdict: Verdict, flips: dict[int, tuple[Place, Flip]],
) -> StoryFinding:
    witnesses: list[Witness] = []
    for other in verdict.agreeing:
        there, flip = flips[other]
        theirs = alignment.tokens(there)
        first, last = _around(flip.b_start, flip.b_end, len(theirs))
        witnesses.append(witness(alignment, there, theirs[first].start, theirs[last].end))
    first, last = _around(start, end, len(tokens))
    sentence = alignment.sentence(place)
    a, b = tokens[first].start, tokens[last].end
    mine, shown = sentence.text[a:b], f"({describe(witnesses)}: '{witnesses[0].text}')"
    if any(flips[other][1].antonym for other in verdict.agreeing):
        said = f"where {other_articles(verdict)} of the story write the opposite word {shown}"
    elif any(negations(tokens)[start:end]):
        said = f"has a negation that {other_articles(verdict)} of the story do not have {shown}"
    else:
        said = f"lacks the negation that {other_articles(verdict)} of the story write {shown}"
    return StoryFinding(
        "negation", sentence.start + a, sentence.start + b,
        f"'{mine}' {said}: the sentence says the opposite?", "warning", witnesses[0].text,
        tuple(witnesses),
    )


def _around(start: int, end: int, count: int) -> tuple[int, int]:
    """The first and last word of a changed run ``start..end`` with the word either side (an
    insertion point, ``start == end``, gets the words either side of it)."""
    return max(0, start - 1), min(count - 1, end)
