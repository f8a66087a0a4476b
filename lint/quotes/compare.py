"""Comparing quotations of one statement across a corpus (NL501 quote-drift).

Identical quotations of one speaker (a wire story printed by many outlets) are one form,
compared once. Inside a story (see :mod:`lint.story`) every pair of forms of the same speaker
is compared: a small word-level difference (``align``), words dropped from the middle, or a
paraphrase (a translation round trip: the same content words, other wording). Outside stories,
only forms that share rare word bigrams are compared, and only small differences count. Each
quotation's statement is then put to the vote of the other articles that quote it (copies of
one wire story count once, see :func:`lint.story.evidence.vote`): a warning needs independent
siblings agreeing on another wording; a split or a single other outlet is info; a fragment of
a longer quotation, and marks, case, contractions and spelling variants, are not drift.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import combinations, pairwise
from typing import Any, NamedTuple

from rapidfuzz import fuzz
from rapidfuzz.distance import Indel, Levenshtein

from lint.quotes.extract import Quote, speaker_key, speaker_keys_match
from lint.story.evidence import Verdict, vote
from lint.story.text import stem
from lint.text import STOPWORDS

MIN_SHARED = 5
"""Words two quotations must share, in order, to count as the same statement."""
MIN_SHARED_IN_STORY = 3
"""...when both are quoted in one story."""
MIN_RATIO = 85.0
"""rapidfuzz ``partial_ratio`` gate before the word alignment."""
MAX_DIFFS = 3
MAX_DIFF_WORDS = 3
MAX_BIGRAM_QUOTES = 50
"""A bigram found in more quotations than this is too common to block on."""
SPELLING_VARIANT = 80.0
"""Two differing words this similar (programme/program, continue/continues) are not drift."""
MIN_PARAPHRASE_DICE = 0.4
"""Content-word overlap (stems, Dice) of two quotations of one speaker in one story that say
the same thing in other words..."""
MIN_PARAPHRASE_SHARED = 3
"""...sharing at least this many content words (or all but one of the shorter's)..."""
STRONG_PARAPHRASE_DICE = 0.5
MIN_ORDER = 0.45
STRONG_ORDER = 0.6
"""...and keeping enough of the word order (rapidfuzz Indel similarity of the word lists): at
least MIN_ORDER with a Dice of STRONG_PARAPHRASE_DICE, STRONG_ORDER with less. Two statements
of one speaker that share topic words ("close", "government") but not their frame are two."""

GRAMMAR_WORDS = frozenset({
    "a", "an", "the", "have", "has", "had", "is", "are", "was", "were", "be", "been", "will",
    "would", "do", "does", "did",
})
"""Articles and auxiliaries: a quotation that differs only in these ("people lost" for
"people have lost") was translated, not misquoted; it is info, not a warning."""
SOFT_WORDS = GRAMMAR_WORDS | frozenset({
    "even", "own", "just", "really", "very", "quite", "so", "too", "also", "still", "all",
    "whole", "entire", "simply", "actually", "indeed", "already", "ever", "that", "then",
    "there", "it", "of", "to", "in", "on", "at", "for", "with", "and", "my", "our", "your",
    "his", "her", "its", "their", "this", "these", "those", "as", "can", "could", "them",
})
"""...nor are intensifiers, possessives, prepositions and linking words ("I couldn't even see
my hands" for "I could not see my own hands"): two translations of one statement differ in
these everywhere. Negations, numbers, modals of obligation and content words are not here:
a change of those is a misquotation."""

DocKey = tuple[str, int | None]


@dataclass(frozen=True)
class Difference:
    """One word-level difference between two aligned quotations (0-based word ranges)."""

    a_start: int
    a_end: int
    b_start: int
    b_end: int


def align(a: Sequence[str], b: Sequence[str], min_shared: int = MIN_SHARED) -> list[Difference] | None:
    """The interior differences of two quotations of the same statement, or None.

    None means not the same statement (too little in common: fewer than ``min_shared`` words
    in order). An empty list means the same words where they overlap: identical, or one a
    fragment of the other.
    """
    short, long_, swapped = (a, b, False) if len(a) <= len(b) else (b, a, True)
    s_text, l_text = " ".join(short), " ".join(long_)
    found = fuzz.partial_ratio_alignment(s_text, l_text, score_cutoff=MIN_RATIO)
    if found is None:
        return None
    first = l_text.count(" ", 0, found.dest_start)
    last = l_text.count(" ", 0, found.dest_end) + 1
    lo, ops = min((_trimmed_ops(short, long_, lo, hi) for lo, hi in _windows(first, last, len(long_))),
                  key=lambda found: _edits(found[1], min(min_shared, len(short))))
    shared = sum(op.src_end - op.src_start for op in ops if op.tag == "equal")
    span = (ops[-1].src_end - ops[0].src_start) if ops else 0
    if shared < min(min_shared, len(short)) or shared < 0.75 * span:
        return None
    diffs: list[Difference] = []
    for op in _merged(ops):
        if op.tag == "equal":
            continue
        s = (op.src_start, op.src_end)
        t = (op.dest_start + lo, op.dest_end + lo)
        if max(s[1] - s[0], t[1] - t[0]) > MAX_DIFF_WORDS:
            return None
        if _spelling_variant(short[s[0] : s[1]], long_[t[0] : t[1]]):
            continue
        diffs.append(Difference(t[0], t[1], s[0], s[1]) if swapped else Difference(s[0], s[1], t[0], t[1]))
    return diffs if len(diffs) <= MAX_DIFFS else None


class _Edit(NamedTuple):
    tag: str
    src_start: int
    src_end: int
    dest_start: int
    dest_end: int


def _merged(ops: Sequence[Any]) -> list[_Edit]:
    """The word edits with neighbouring changes joined into one: "dressed up as" against
    "disguised as" is one replaced phrase, not a dropped word beside a replaced one."""
    out: list[_Edit] = []
    for op in ops:
        edit = _Edit(op.tag, op.src_start, op.src_end, op.dest_start, op.dest_end)
        if out and edit.tag != "equal" and out[-1].tag != "equal":
            last = out[-1]
            edit = _Edit("replace", last.src_start, edit.src_end, last.dest_start, edit.dest_end)
            out[-1] = edit
        else:
            out.append(edit)
    return out


def _windows(first: int, last: int, size: int) -> list[tuple[int, int]]:
    """Stretches of the longer quotation to align the shorter with: the matched words, widened
    by up to MAX_DIFF_WORDS on either side (a fragment that stops on a swapped word aligns
    best with the stretch that ends there, not with the words after it)."""
    lo, hi = max(0, first - MAX_DIFF_WORDS), min(size, last + MAX_DIFF_WORDS)
    return list(dict.fromkeys([(lo, hi), (first, hi), (lo, last), (first, last)]))


def _trimmed_ops(short: Sequence[str], long_: Sequence[str], lo: int, hi: int) -> tuple[int, list[Any]]:
    """The word edits from ``short`` to ``long_[lo:hi]``, without the words cut off at the
    edges (see :func:`_kept_at_edge`)."""
    ops = list(Levenshtein.opcodes(list(short), list(long_[lo:hi])))
    while ops and not _kept_at_edge(ops[0]):
        ops.pop(0)
    while ops and not _kept_at_edge(ops[-1]):
        ops.pop()
    return lo, ops


def _edits(ops: Sequence[Any], min_shared: int) -> tuple[bool, int, int]:
    """How bad an alignment is: too few shared words, then the words it changes, then how
    few it keeps."""
    changed = sum(max(op.src_end - op.src_start, op.dest_end - op.dest_start)
                  for op in ops if op.tag != "equal")
    kept = sum(op.src_end - op.src_start for op in ops if op.tag == "equal")
    return kept < min_shared, changed, -kept


def _kept_at_edge(op: Any) -> bool:
    """An edge of the alignment is where one quotation stops (a fragment): words only one side
    has are cut off there, but a word swapped for another at the very end is still drift."""
    return bool(op.tag == "equal" or (op.tag == "replace" and op.src_end - op.src_start == op.dest_end - op.dest_start == 1))


def _spelling_variant(x: Sequence[str], y: Sequence[str]) -> bool:
    if len(x) != len(y) or not x:
        return "".join(x) == "".join(y)  # "cannot" / "can not", "healthcare" / "health care"
    return all(fuzz.ratio(p, q) >= SPELLING_VARIANT and p[:3] == q[:3] for p, q in zip(x, y, strict=True))


def contains(words: Sequence[str], phrase: Sequence[str]) -> bool:
    """True when ``phrase`` occurs as a contiguous run of ``words``."""
    n = len(phrase)
    return any(tuple(words[i : i + n]) == tuple(phrase) for i in range(len(words) - n + 1))


@dataclass(frozen=True)
class QuoteRef:
    """A quotation somewhere in the corpus."""

    path: str
    record: int | None
    quote: Quote


@dataclass(frozen=True)
class Drift:
    """A difference of one quotation from another quotation of the same statement."""

    start: int
    end: int
    """Document offsets of this quotation's differing words (the words around an omission, the
    whole quotation for a paraphrase)."""
    wording: str
    other_wording: str
    other_path: str
    other_record: int | None
    other_line: int
    other_column: int
    support: int
    """Independent articles whose quotation has this wording (this one included)."""
    other_support: int
    """Articles whose quotation has the other wording."""
    speaker: str
    kind: str = "words"
    """words (a word-level difference), omission (words dropped), paraphrase"""
    severity: str = "warning"
    other_witnesses: int = 0
    """Independent witnesses among them (copies of one another count once)."""


class Relation(NamedTuple):
    """How two quotation forms of one statement differ: "words" (``diffs`` is empty for the
    same words or a fragment) or "paraphrase"."""

    kind: str
    diffs: tuple[Difference, ...]

    @property
    def same(self) -> bool:
        return self.kind == "words" and not self.diffs

    def swapped(self) -> Relation:
        return Relation(self.kind, tuple(Difference(d.b_start, d.b_end, d.a_start, d.a_end) for d in self.diffs))


def relation(a: Sequence[str], b: Sequence[str], in_story: bool) -> Relation | None:
    """How quotation ``a`` differs from ``b``, or None when they are not the same statement."""
    if in_story:
        dropped = _omission(a, b)
        if dropped is not None:
            return Relation("words", dropped)
    diffs = align(a, b, MIN_SHARED_IN_STORY if in_story else MIN_SHARED)
    if diffs is not None:
        return Relation("words", tuple(diffs))
    return Relation("paraphrase", ()) if in_story and _paraphrase(a, b) else None


def _omission(a: Sequence[str], b: Sequence[str]) -> tuple[Difference, ...] | None:
    """Words that one quotation drops from the middle of the other: every word of the shorter
    one appears in order in the longer, which has more words inside (not only at its ends)."""
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    if contains(long_, short):
        return None  # a fragment, word for word: nothing is dropped from its middle
    ops = Levenshtein.opcodes(list(a), list(b))
    inner = [op for op in ops if op.tag != "equal"]
    if not inner or any(op.tag == "replace" for op in inner):
        return None
    equal = [op for op in ops if op.tag == "equal"]
    kept = sum(op.src_end - op.src_start for op in equal)
    if len(equal) < 2 or kept < MIN_SHARED_IN_STORY:
        return None
    if sum(max(op.src_end - op.src_start, op.dest_end - op.dest_start) for op in inner) > kept:
        return None  # more words differ than are shared: two pieces of a statement, not a cut
    first, last = equal[0], equal[-1]
    middle = [op for op in inner if first.src_end <= op.src_start and op.src_end <= last.src_start
              and first.dest_end <= op.dest_start and op.dest_end <= last.dest_start]
    if not middle:
        return None
    return tuple(Difference(op.src_start, op.src_end, op.dest_start, op.dest_end) for op in middle)


def _paraphrase(a: Sequence[str], b: Sequence[str]) -> bool:
    ca = {stem(w) for w in a if w not in STOPWORDS and len(w) > 1}
    cb = {stem(w) for w in b if w not in STOPWORDS and len(w) > 1}
    shared = len(ca & cb)
    enough = min(MIN_PARAPHRASE_SHARED, max(2, min(len(ca), len(cb)) - 1))
    if not (ca and cb) or shared < enough:
        return False
    dice = 2 * shared / (len(ca) + len(cb))
    order = Indel.normalized_similarity(list(a), list(b))
    return (dice >= STRONG_PARAPHRASE_DICE and order >= MIN_ORDER) or (dice >= MIN_PARAPHRASE_DICE and order >= STRONG_ORDER)


def _blocking_keys(norms: Sequence[str]) -> set[tuple[str, str]]:
    return {
        (x, y) for x, y in pairwise(norms) if not (x in STOPWORDS and y in STOPWORDS)
    }


@dataclass
class _Forms:
    """Distinct quotations (identical ones of one speaker collapse) and their articles."""

    numbers: list[list[int]]
    reps: list[Quote]
    speakers: list[str]
    docs: list[frozenset[DocKey]]
    by_doc: dict[DocKey, list[int]] = field(default_factory=dict)
    """Each article's forms."""


def _forms(quotes: Sequence[QuoteRef]) -> _Forms:
    groups: dict[tuple[tuple[str, ...], str], list[int]] = defaultdict(list)
    for number, ref in enumerate(quotes):
        groups[ref.quote.norms, speaker_key(ref.quote.speaker)].append(number)
    numbers = list(groups.values())
    return _Forms(
        numbers,
        [quotes[form[0]].quote for form in numbers],
        [speaker for _, speaker in groups],
        [frozenset((quotes[n].path, quotes[n].record) for n in form) for form in numbers],
    )


def find_drift(
    quotes: Sequence[QuoteRef],
    story_of: Mapping[DocKey, str] | None = None,
    copy_of: Mapping[DocKey, DocKey] | None = None,
) -> list[tuple[int, Drift]]:
    """(quote number, drift) for every quotation whose wording the corpus does not support.

    ``story_of`` maps articles to their story (None: no stories), ``copy_of`` maps each article
    to the first article of its copy group.
    """
    story_of = story_of or {}
    copy_of = copy_of or {}
    forms = _forms(quotes)
    forms.by_doc = _forms_by_doc(forms)
    story_sets = [_stories(forms.docs[i], story_of) for i in range(len(forms.reps))]
    stories = [next(iter(found)) if len(found) == 1 else None for found in story_sets]
    relations: dict[int, dict[int, Relation]] = defaultdict(dict)

    def link(i: int, j: int) -> None:
        if j in relations[i] or not speaker_keys_match(forms.speakers[i], forms.speakers[j]):
            return
        if forms.docs[i] == forms.docs[j] and len(forms.docs[i]) == 1:
            return  # two quotations inside one article
        found = relation(forms.reps[i].norms, forms.reps[j].norms, stories[i] is not None and stories[i] == stories[j])
        if found is not None:
            relations[i][j] = found
            relations[j][i] = found.swapped()

    by_story: dict[str, list[int]] = defaultdict(list)
    for i, story in enumerate(stories):
        if story is not None:
            by_story[story].append(i)
    for members in by_story.values():
        for i, j in combinations(members, 2):
            link(i, j)
    for i, j in _blocked_pairs(forms):
        # outside one story: compare only where no story tells the two apart (a form quoted
        # in other stories than the other's is another event's statement, not its variant)
        if (stories[i] is None or stories[j] is None) and (
            not story_sets[i] or not story_sets[j] or story_sets[i] & story_sets[j]
        ):
            link(i, j)
    found: list[tuple[int, Drift]] = []
    for i in range(len(forms.reps)):
        if relations.get(i):
            found.extend(_judge(i, forms, quotes, relations, copy_of))
    return found


def _forms_by_doc(forms: _Forms) -> dict[DocKey, list[int]]:
    by_doc: dict[DocKey, list[int]] = defaultdict(list)
    for number, docs in enumerate(forms.docs):
        for doc in docs:
            by_doc[doc].append(number)
    return by_doc


def _stories(docs: frozenset[DocKey], story_of: Mapping[DocKey, str]) -> set[str]:
    """The stories of a form's articles, when every article belongs to one (else none)."""
    found = {story_of.get(doc) for doc in docs}
    return set() if None in found else {story for story in found if story is not None}


def _blocked_pairs(forms: _Forms) -> set[tuple[int, int]]:
    """Pairs of forms that share at least two rare word bigrams."""
    postings: dict[tuple[str, str], list[int]] = defaultdict(list)
    for number, quote in enumerate(forms.reps):
        for key in _blocking_keys(quote.norms):
            postings[key].append(number)
    shared: dict[tuple[int, int], int] = defaultdict(int)
    for ids in postings.values():
        if len(ids) > MAX_BIGRAM_QUOTES:
            continue
        for pair in combinations(ids, 2):
            shared[pair] += 1
    return {pair for pair, count in shared.items() if count >= 2}


def _judge(
    i: int, forms: _Forms, quotes: Sequence[QuoteRef], relations: dict[int, dict[int, Relation]],
    copy_of: Mapping[DocKey, DocKey],
) -> list[tuple[int, Drift]]:
    """Put form ``i``'s statement to the vote of the other articles that quote it."""
    related = relations[i]
    partial = _partial_quotes(i, forms, relations)
    dissent = _other_wordings(i, relations, partial)
    docs = sorted({d for j in (*related, *partial, *dissent) for d in forms.docs[j]} | forms.docs[i],
                  key=_doc_order)
    index = {doc: n for n, doc in enumerate(docs)}
    group_of = {index[d]: index.get(copy_of.get(d, d), index[d]) for d in docs}

    def same(x: int, y: int) -> bool:
        if x == y:
            return True
        found = relations.get(x, {}).get(y)
        return found is not None and found.same

    base = _witnesses(i, forms, related, docs, index, partial)
    for f in dissent:
        for doc in forms.docs[f]:
            base.setdefault(index[doc], f)
    kinds = _group_kinds(i, base, group_of)
    verdicts: dict[Hashable, Verdict] = {}
    out: list[tuple[int, Drift]] = []
    for own_doc in sorted(forms.docs[i], key=_doc_order):
        own = index[own_doc]
        kind = kinds[group_of[own]]
        verdict = verdicts.get(kind)
        if verdict is None:
            values = {doc: form for doc, form in base.items() if doc != own}
            verdict = vote(i, values, same, group_of, group_of[own])
            verdict = verdicts[kind] = verdict._replace(value=_closest(i, forms, related, values, verdict))
        if verdict.severity:
            out.extend(_verdict_drifts(i, forms, quotes, related, verdict, own_doc))
    return out


def _group_kinds(i: int, values: Mapping[int, int], group_of: Mapping[int, int]) -> dict[int, Hashable]:
    """What an article's vote depends on, by its copy group: a group whose articles all quote
    form ``i`` votes as any other such group of its size (so a line quoted by a thousand
    outlets is put to the vote once, not once per outlet); a group with another form votes
    alone."""
    members: dict[int, list[int]] = defaultdict(list)
    for doc, form in values.items():
        members[group_of[doc]].append(form)
    return {
        group: ("pure", len(forms)) if all(form == i for form in forms) else ("mixed", group)
        for group, forms in members.items()
    }


def _partial_quotes(i: int, forms: _Forms, relations: dict[int, dict[int, Relation]]) -> dict[int, int]:
    """Partial quotations that back a form related to ``i``: form f -> the related form j it
    is a fragment of, when f says something that ``i`` does not (a content word of f missing
    from ``i``). "... will be decisive" quoted by an outlet backs the wire's "... will be
    decisive because ..." against a translation's "... will be determinant because ...";
    a fragment of the words both share backs neither, and neither does one that the article
    itself quotes in another place (its quotation was split, not cut)."""
    own = _content_words(forms.reps[i].norms)
    quoted_here = {k for doc in forms.docs[i] for k in forms.by_doc.get(doc, ()) if k != i}
    partial: dict[int, int] = {}
    for j in relations[i]:
        for f, rel in relations.get(j, {}).items():
            if f == i or f in relations[i] or f in partial or not rel.same:
                continue
            if any(k == f or _same_words(relations, f, k) for k in quoted_here):
                continue  # the article quotes these words too, elsewhere: a split, not a cut
            if _content_words(forms.reps[f].norms) - own:
                partial[f] = j
    return partial


def _other_wordings(i: int, relations: dict[int, dict[int, Relation]], partial: Mapping[int, int]) -> set[int]:
    """Forms of the statement that ``i`` is not compared with, in a wording of their own: a
    third translation that paraphrases the wording ``i`` differs from. They are witnesses that
    the other articles do not agree among themselves (independent retellings of one statement
    differ everywhere), so they count in the vote as values of their own."""
    related = relations[i]
    return {
        f for j in related for f, rel in relations.get(j, {}).items()
        if f != i and f not in related and f not in partial and not rel.same
    }


def _same_words(relations: dict[int, dict[int, Relation]], f: int, k: int) -> bool:
    found = relations.get(f, {}).get(k)
    return found is not None and found.same


def _content_words(norms: Sequence[str]) -> set[str]:
    return {stem(w) for w in norms if w not in STOPWORDS and len(w) > 1}


def _witnesses(
    i: int, forms: _Forms, related: dict[int, Relation], docs: Sequence[DocKey],
    index: Mapping[DocKey, int], partial: Mapping[int, int] | None = None,
) -> dict[int, int]:
    """Each article's form of the statement (the article's number to the form): form ``i``
    for the articles that quote it, else the closest of the related forms it quotes, else the
    related form that its partial quotation backs (see :func:`_partial_quotes`)."""
    quoted: dict[DocKey, list[int]] = defaultdict(list)
    for j in related:
        for doc in forms.docs[j]:
            quoted[doc].append(j)
    for f, j in (partial or {}).items():
        for doc in forms.docs[f]:
            if not any(doc in forms.docs[k] for k in related):
                quoted[doc].append(j)
    size = len(forms.reps[i].norms)
    values: dict[int, int] = {}
    for doc in docs:
        if doc in forms.docs[i]:
            values[index[doc]] = i
        elif quoted.get(doc):
            values[index[doc]] = min(
                quoted[doc], key=lambda j: _preference(related[j], j, min(size, len(forms.reps[j].norms)))
            )
    return values


def _verdict_drifts(
    i: int, forms: _Forms, quotes: Sequence[QuoteRef], related: dict[int, Relation],
    verdict: Verdict, own_doc: DocKey,
) -> list[tuple[int, Drift]]:
    """The drifts of form ``i`` in ``own_doc`` that the vote reports."""
    j = verdict.value
    assert isinstance(j, int)
    rel = related.get(j)
    if rel is None or rel.same:
        return []  # the same words, or a wording too far from this one to show what differs
    if verdict.severity == "info" and rel.diffs and all(d.b_start == d.b_end for d in rel.diffs):
        return []  # a tie over words only this side has: reported on the side without them
    support = 1 + verdict.same
    numbers = [n for n in forms.numbers[i] if (quotes[n].path, quotes[n].record) == own_doc]
    other_ref = quotes[forms.numbers[j][0]]
    out: list[tuple[int, Drift]] = []
    for number in numbers:  # each place the article prints the words (same words: same diffs)
        for drift in _drifts(quotes[number].quote, forms.reps[j], other_ref, rel, support, verdict):
            out.append((number, drift))
    return out


def _closest(
    i: int, forms: _Forms, related: dict[int, Relation], values: Mapping[int, int], verdict: Verdict
) -> Hashable:
    """The agreeing articles' wording to show form ``i`` against: the closest by
    :func:`_preference` (a wording that differs in a few words says more than a paraphrase of
    the same statement, whichever article comes first)."""
    size = len(forms.reps[i].norms)
    agreeing = {values[doc] for doc in verdict.agreeing if values.get(doc) in related}
    if not agreeing:
        return verdict.value
    return min(agreeing, key=lambda j: _preference(related[j], j, min(size, len(forms.reps[j].norms))))


def _preference(rel: Relation, j: int, overlap: int) -> tuple[int, int, int, int]:
    """Which of an article's quotations of the statement to compare with: word-level relations
    before paraphrases, then the one that covers most of the statement (a short fragment says
    little about the words it leaves out), then the fewest differences."""
    return (0 if rel.kind == "words" else 1, -overlap, len(rel.diffs), j)


def _doc_order(doc: DocKey) -> tuple[str, int]:
    return doc[0], -1 if doc[1] is None else doc[1]


def _drifts(
    a: Quote, b: Quote, b_ref: QuoteRef, rel: Relation, support: int, verdict: Verdict
) -> list[Drift]:
    severity = verdict.severity
    other_support = len(verdict.agreeing)
    if rel.kind == "paraphrase":
        at = b.word(0)
        return [Drift(
            start=a.word(0).start, end=a.word(len(a.norms) - 1).end,
            wording=" ".join(a.norms), other_wording=" ".join(b.norms),
            other_path=b_ref.path, other_record=b_ref.record, other_line=at.line,
            other_column=at.column, support=support, other_support=other_support,
            speaker=a.speaker or b.speaker, kind="paraphrase", severity=severity,
            other_witnesses=verdict.top,
        )]
    out = []
    for diff in rel.diffs:
        words = {*a.norms[diff.a_start : diff.a_end], *b.norms[diff.b_start : diff.b_end]}
        weak = severity == "warning" and words <= SOFT_WORDS
        out.append(_drift(a, b, b_ref, diff, support, other_support, "info" if weak else severity, verdict.top))
    return out


def _drift(
    a: Quote, b: Quote, b_ref: QuoteRef, diff: Difference, support: int, other_support: int,
    severity: str, other_witnesses: int,
) -> Drift:
    an, bn = a.norms, b.norms
    if diff.a_start == diff.a_end:  # an omission: the words around the gap
        start, end = a.word(max(0, diff.a_start - 1)).start, a.word(min(len(an) - 1, diff.a_start)).end
        at = b.word(diff.b_start)
        kind = "omission"
    else:
        start, end = a.word(diff.a_start).start, a.word(diff.a_end - 1).end
        at = b.word(diff.b_start) if diff.b_start < diff.b_end else b.word(diff.b_start - 1)
        kind = "words"
    return Drift(
        start=start,
        end=end,
        wording=" ".join(an[diff.a_start : diff.a_end]),
        other_wording=" ".join(bn[diff.b_start : diff.b_end]),
        other_path=b_ref.path,
        other_record=b_ref.record,
        other_line=at.line,
        other_column=at.column,
        support=support,
        other_support=other_support,
        speaker=a.speaker or b.speaker,
        kind=kind,
        severity=severity,
        other_witnesses=other_witnesses,
    )
