"""Institution slots: an institution in an aligned sentence that the sibling articles name
otherwise.

For each institution of a sentence (a capitalized run with an institution word: Ministry,
Office, Agency, Service...), the word alignment with each sibling's counterpart gives the
institution the sibling names at the same place; when each sentence names exactly one
institution the other does not, those two fill the slot. A sibling naming the same body (or a
longer or shorter form of its name) agrees, one naming another disagrees, and the siblings vote.

A longer form is a finding of its own kind (``institution-place``) when its extra words are
capitalized ("the Institute of Civil Defense of Chile" where the siblings agree on "the
Institute of Civil Defense"): a translation may add a country to a name. NL502 keeps it only
when those words name a country other than the article's.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

import regex

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
from lint.story.figures import MONTHS, WEEKDAYS
from lint.story.text import Token, is_common_word

CONNECTORS = frozenset({"of", "for", "and", "the", "on", "de", "del", "da", "do", "dos", "van",
                        "von", "der", "la", "le", "du", "bin", "ibn", "al", "el", "y"})
"""Lowercase words that may sit inside a name ("Office of Fair Trading", "Ana de la Vega")."""
INSTITUTION_HEADS = frozenset({
    "ministry", "department", "office", "agency", "administration", "service", "services",
    "commission", "authority", "council", "bureau", "directorate", "patrol", "guard", "police",
    "court", "bank", "committee", "institute", "survey", "board", "centre", "center", "force",
    "forces", "army", "navy", "parliament", "senate", "assembly", "congress", "secretariat",
    "inspectorate", "regulator", "corporation", "association", "federation", "union",
    "organization", "organisation", "party", "cabinet", "government", "tribunal", "prosecutor",
    "prosecutors", "gendarmerie", "coastguard", "railways", "railway", "university", "hospital",
    "foundation", "fund", "program", "programme", "unit", "command", "chamber", "house",
    "reserve", "treasury", "library", "museum", "gallery", "academy", "college", "observatory",
    "archives", "theatre", "theater",
})
CALENDAR_NAMES = frozenset({*WEEKDAYS, *MONTHS})
"""Capitalized words that a connector does not join to a name ("the Ministry of X on Friday")."""
MIN_SENTENCE_DICE = 0.4
"""Aligned sentences this close or closer may show an institution slot."""
MIN_SPLIT_WITNESSES = 3
"""Independent witnesses that must each name another body than the article, where they do not
agree which, for the slot to be put to the gazetteer (kind "institution-split")."""


class Run(NamedTuple):
    """A capitalized run of a sentence, by token index (``first``..``last`` inclusive)."""

    first: int
    last: int

    def tokens(self, tokens: Sequence[Token]) -> Sequence[Token]:
        return tokens[self.first : self.last + 1]


def institution_runs(text: str, tokens: Sequence[Token]) -> list[Run]:
    """Runs of capitalized words that name an institution ("the Office of Fair Trading"):
    punctuation and a possessive end a run, lowercase connectors join two parts only after an
    institution word ("Ministry of ..."), or "and" before one, after "the" ("the Food and Drug
    Administration"), a sentence's leading common word is left out."""
    runs: list[Run] = []
    i, n = 0, len(tokens)
    while i < n:
        if not _name_word(tokens[i]) or (i == 0 and _common_start(tokens[0])):
            i += 1
            continue
        j = i
        while j + 1 < n and not _ends_run(text, tokens, j):
            if _name_word(tokens[j + 1]):
                j += 1
                continue
            k = j + 1
            while k < n and tokens[k].norm in CONNECTORS and tokens[k].surface.islower() and not _ends_run(text, tokens, k - 1):
                k += 1
            head = any(t.norm in INSTITUTION_HEADS for t in tokens[i : j + 1])
            if (head and j + 1 < k < n and _name_word(tokens[k]) and not _ends_run(text, tokens, k - 1)
                    and not _possessive(tokens[k]) and tokens[k].norm not in CALENDAR_NAMES):
                j = k
                continue
            if not head and k == j + 2 and tokens[j + 1].norm == "and" and _named_with_head(text, tokens, i, k):
                j = k
                continue
            break
        if _is_institution(tokens[i : j + 1]):
            j = _listed_tail(text, tokens, j)
            runs.append(Run(i, j))
        i = j + 1
    return runs


def _named_with_head(text: str, tokens: Sequence[Token], i: int, k: int) -> bool:
    """Whether the capitalized words from ``k`` on end, within three, in an institution word,
    and the part before "and" (from ``i``) follows "the": one name of two fields ("the National
    Meteorology and Hydrology Service"), not a person and a body ("Ruiz and Health Ministry
    officials")."""
    if i == 0 or tokens[i - 1].norm != "the" or k >= len(tokens) or not _name_word(tokens[k]):
        return False
    m = k
    while m < len(tokens) and m < k + 3 and _name_word(tokens[m]):
        if tokens[m].norm in INSTITUTION_HEADS:
            return True
        if _ends_run(text, tokens, m):
            return False
        m += 1
    return False


def _listed_tail(text: str, tokens: Sequence[Token], j: int) -> int:
    """The last token of an institution name that goes on with a list of its fields ("Ministry
    of Land, Infrastructure and Transport"), or ``j`` when no such list follows: capitalized
    words after commas, closed by "and" and a capitalized word, none of them an institution
    word ("the Ministry of Defence, Army and Navy" names three bodies)."""
    k, n = j, len(tokens)
    while k + 1 < n and text[tokens[k].end : tokens[k + 1].start].strip() == ",":
        m = k + 1
        while m < n and _name_word(tokens[m]) and (m == k + 1 or not text[tokens[m - 1].end : tokens[m].start].strip()):
            m += 1
        if m == k + 1:
            return j
        k = m - 1
        if m + 1 < n and tokens[m].norm == "and" and tokens[m].surface.islower() and _name_word(tokens[m + 1]):
            end = m + 1
            while end + 1 < n and _name_word(tokens[end + 1]) and not text[tokens[end].end : tokens[end + 1].start].strip():
                end += 1
            listed = tokens[j + 1 : end + 1]
            return j if any(t.norm in INSTITUTION_HEADS for t in listed) else end
    return j


def _possessive(token: Token) -> bool:
    return token.surface.endswith(("'s", "’s"))


OFFICE_HOLDERS = frozenset({
    "attorney", "general", "prosecutor", "prosecutors", "governor", "mayor", "president",
    "ombudsman", "auditor", "coroner", "sheriff", "comptroller", "controller", "minister",
    "chancellor", "speaker", "registrar", "commissioner", "inspector", "treasurer", "clerk",
    "people", "children", "women", "workers", "veterans",
})
"""Words whose possessive goes on into the name of a body ("the Attorney General's Office",
"the Prosecutor's Office", "the People's Bank"); another possessive ("Mexico's National
Guard") ends the run."""


def _ends_run(text: str, tokens: Sequence[Token], i: int) -> bool:
    """Whether the run stops after token ``i``: a possessive (but for an office holder's before
    an institution word), or punctuation before the next."""
    token = tokens[i]
    if i + 1 >= len(tokens):
        return True
    if _possessive(token):
        following = tokens[i + 1]
        return not (token.norm in OFFICE_HOLDERS and following.norm in INSTITUTION_HEADS
                    and _name_word(following) and text[token.end : following.start] == " ")
    gap = text[token.end : tokens[i + 1].start]
    return bool(gap.strip())


def _common_start(token: Token) -> bool:
    """A sentence's first word that is an ordinary word, capitalized only by its place."""
    return is_common_word(token)


def _name_word(token: Token) -> bool:
    surface = token.surface
    if not surface[:1].isupper() or not surface[:1].isalpha():
        return False
    return not (surface.isupper() and len(surface) > 1)  # acronyms and datelines


def _is_institution(tokens: Sequence[Token]) -> bool:
    return any(t.norm in INSTITUTION_HEADS for t in tokens) and len(tokens) > 1


@dataclass
class _Slot:
    """An institution of one article's sentence and what each sibling writes there."""

    place: Place
    run: Run
    values: dict[int, tuple[Place, Run]] = field(default_factory=dict)


NodeRuns = Sequence[Sequence[Run]]
"""The institution runs of each node (distinct sentence) of a story, by node index."""


def institution_runs_by_node(alignment: Alignment) -> list[list[Run]]:
    """The institution runs of every distinct sentence of the story, found once: each
    article's sentences and each counterpart look them up by node."""
    return [institution_runs(alignment.sentence(node.places[0]).text, node.tokens) for node in alignment.nodes]


def institution_findings(
    alignment: Alignment, groups: dict[int, int], doc: int, aliases: Sequence[Alias],
    runs: NodeRuns,
) -> Iterator[StoryFinding]:
    """The institution findings of article ``doc`` of the story (``aliases``: the story's
    :func:`institution_aliases`; ``runs``: its :func:`institution_runs_by_node`)."""
    for slot in _slots(alignment, doc, runs):
        yield from _institution(alignment, groups, slot, aliases)


Alias = tuple[tuple[str, ...], tuple[str, ...]]
_ALIAS_GLUE_RE = regex.compile(
    r"\s*\(\s*(?:the\s+)?|,?\s+(?:also\s+)?(?:known|referred\s+to)\s+as\s+(?:the\s+)?",
    regex.IGNORECASE,
)
"""What joins two names of one body: "the Port Police (Coast Guard)", "the Coast Guard, also
known as the Port Police" (not "or": "the Senate, or the House" are two)."""


def institution_aliases(alignment: Alignment, runs: NodeRuns) -> list[Alias]:
    """Pairs of names that a sentence of the story gives one body, each article's words for it
    then agreeing with the other's ("According to the Port Police" where the siblings write "the
    Coast Guard", in a story that says "the Port Police (Coast Guard)")."""
    pairs: list[Alias] = []
    for node, found in zip(alignment.nodes, runs, strict=True):
        text, tokens = alignment.sentence(node.places[0]).text, node.tokens
        for first, second in itertools.pairwise(found):
            if _ALIAS_GLUE_RE.fullmatch(text[tokens[first.last].end : tokens[second.first].start]):
                pairs.append((_name(tokens, first, alignment.spelling), _name(tokens, second, alignment.spelling)))
    return pairs


def _aliased(a: tuple[str, ...], b: tuple[str, ...], aliases: Sequence[Alias]) -> bool:
    """Whether two names are one body: alike (:func:`_same_body`), or given as one in the story."""
    return _same_body(a, b) or any(
        (_same_body(a, x) and _same_body(b, y)) or (_same_body(a, y) and _same_body(b, x)) for x, y in aliases)


def _article_names(alignment: Alignment, doc: int, runs: NodeRuns) -> list[tuple[str, ...]]:
    """The names of every institution an article names, in any sentence."""
    names: list[tuple[str, ...]] = []
    for s in range(len(alignment.docs[doc].sentences)):
        place = Place(doc, s)
        tokens = alignment.tokens(place)
        names.extend(_name(tokens, run, alignment.spelling) for run in runs[alignment.node_of[place]])
    return names


def _slots(alignment: Alignment, doc: int, runs: NodeRuns) -> Iterator[_Slot]:
    named: dict[int, list[tuple[str, ...]]] = {}

    def names_in(article: int) -> list[tuple[str, ...]]:
        if article not in named:
            named[article] = _article_names(alignment, article, runs)
        return named[article]

    for s in range(len(alignment.docs[doc].sentences)):
        place = Place(doc, s)
        tokens = alignment.tokens(place)
        bodies = runs[alignment.node_of[place]]
        if not bodies:
            continue
        siblings = []
        verbatim: list[tuple[int, Place]] = []
        for other, (there, score) in alignment.counterparts_of(place).items():
            if alignment.node_of[there] == alignment.node_of[place]:
                verbatim.append((other, there))  # the same sentence: the same name, a vote for it
                continue
            if score < MIN_SENTENCE_DICE:
                continue
            theirs = alignment.tokens(there)
            siblings.append((other, there, theirs, runs[alignment.node_of[there]]))
        for run in bodies:
            slot = _Slot(place, run)
            for other, there, theirs, their_bodies in siblings:
                found = _named_too(tokens, bodies, run, theirs, their_bodies, alignment.spelling)
                if found is None:
                    found = _aligned_run(run, word_alignment(tokens, theirs), their_bodies)
                if found is None:
                    found = _unshared_pair(tokens, bodies, run, theirs, their_bodies, alignment.spelling)
                    if found is not None and _named_elsewhere(
                        _name(tokens, run, alignment.spelling), _name(theirs, found, alignment.spelling),
                        names_in(doc), names_in(other),
                    ):
                        found = None
                if found is not None:
                    slot.values[other] = (there, found)
            if slot.values:  # a sibling names the slot otherwise: those that print this sentence vote too
                slot.values.update((other, (there, run)) for other, there in verbatim)
                yield slot


def _name(tokens: Sequence[Token], run: Run, spelling: Mapping[str, str]) -> tuple[str, ...]:
    """The words of an institution's name, each locale's spelling folded to one ("Federation
    of Labour" and "Federation of Labor" are one name)."""
    return tuple(spelling.get(t.norm, t.norm) for t in run.tokens(tokens))


def _named_too(
    tokens: Sequence[Token], mine: Sequence[Run], run: Run, theirs: Sequence[Token], runs: Sequence[Run],
    spelling: Mapping[str, str],
) -> Run | None:
    """The sibling's run that names the same body as ``run``, anywhere in its sentence: a
    paraphrase moves a name ("X said" against "according to X"), and the word alignment then
    puts another of its words at the name's place. Only for a body the sentence names once."""
    name = _name(tokens, run, spelling)
    if sum(_same_body(name, _name(tokens, r, spelling)) for r in mine) > 1:
        return None
    same = [r for r in runs if _same_body(name, _name(theirs, r, spelling))]
    return same[0] if len(same) == 1 else None


def _unshared_pair(
    tokens: Sequence[Token], mine: Sequence[Run], run: Run, theirs: Sequence[Token], runs: Sequence[Run],
    spelling: Mapping[str, str],
) -> Run | None:
    """When each sentence names exactly one institution the other does not, they fill the same
    slot."""
    my_names = [_name(tokens, r, spelling) for r in mine]
    their_names = [_name(theirs, r, spelling) for r in runs]
    alone = [i for i, a in enumerate(my_names) if not any(_same_body(a, b) for b in their_names)]
    other = [j for j, b in enumerate(their_names) if not any(_same_body(a, b) for a in my_names)]
    if len(alone) == 1 and len(other) == 1 and mine[alone[0]] == run:
        return runs[other[0]]
    return None


def _named_elsewhere(
    mine: tuple[str, ...], theirs: tuple[str, ...], my_names: Sequence[tuple[str, ...]],
    their_names: Sequence[tuple[str, ...]],
) -> bool:
    """Whether the article names the sibling's body too, or the sibling the article's, in some
    sentence: the two sentences then only name different actors of the story ("the
    prosecutor's office reported" against "the police and the National Guard arrested"), and
    neither name stands in for the other."""
    return (any(_same_body(theirs, name) for name in my_names)
            or any(_same_body(mine, name) for name in their_names))


def _aligned_run(run: Run, ops: Sequence[Op], runs: Sequence[Run]) -> Run | None:
    """The sibling's run at the place of ``run``: the run that the aligned tokens fall in."""
    hits: set[int] = set()
    for op in ops:
        if op.a_end <= run.first or op.a_start > run.last:
            continue
        if op.tag == "equal":
            lo = max(op.a_start, run.first) - op.a_start + op.b_start
            hi = min(op.a_end, run.last + 1) - op.a_start + op.b_start
            hits.update(range(lo, hi))
        elif op.tag in ("replace", "insert"):
            hits.update(range(op.b_start, op.b_end))
    found = [r for r in runs if any(r.first <= h <= r.last for h in hits)]
    return found[0] if len(found) == 1 else None


def _institution(
    alignment: Alignment, groups: dict[int, int], slot: _Slot, aliases: Sequence[Alias] = (),
) -> Iterator[StoryFinding]:
    tokens = alignment.tokens(slot.place)
    mine = _name(tokens, slot.run, alignment.spelling)
    values: dict[int, tuple[str, ...]] = {}
    where: dict[int, tuple[Place, Run]] = {}
    for other, (there, run) in slot.values.items():
        theirs = run.tokens(alignment.tokens(there))
        if _is_institution(theirs):
            values[other] = _name(alignment.tokens(there), run, alignment.spelling)
            where[other] = (there, run)
    if not values:
        return
    same = (lambda a, b: _aliased(a, b, aliases)) if aliases else _same_body
    verdict = vote(mine, values, same, groups, groups.get(slot.place.doc, slot.place.doc))
    if not verdict.severity:
        if not verdict.same and verdict.value is not None and verdict.total >= MIN_SPLIT_WITNESSES:
            # no witness names this body, but they name others among themselves: not evidence
            # enough alone; NL502 reports it where the gazetteer says whose each body is
            yield _slot_finding(alignment, slot, verdict._replace(severity="info"), where,
                                "institution-split", "")
        yield from _added_words(alignment, groups, slot, mine, values, where)
        return
    agreed = verdict.value
    if isinstance(agreed, tuple) and _level_only(mine, agreed):
        verdict = verdict._replace(severity="info")  # "Municipal" written or left out: weak
    yield _slot_finding(alignment, slot, verdict, where, "institution", "")


def _slot_finding(
    alignment: Alignment, slot: _Slot, verdict: Verdict, where: dict[int, tuple[Place, Run]],
    kind: str, without: str,
) -> StoryFinding:
    """The finding on a slot's name, with the agreeing siblings' names as evidence and the
    first of them as the suggestion (``without``: the words the siblings leave out)."""
    evidence: list[Witness] = []
    for other in verdict.agreeing:
        there, run = where[other]
        their_tokens = alignment.tokens(there)
        evidence.append(witness(alignment, there, their_tokens[run.first].start, their_tokens[run.last].end))
    tokens = alignment.tokens(slot.place)
    sentence = alignment.sentence(slot.place)
    a, b = tokens[slot.run.first].start, tokens[slot.run.last].end
    count = len(verdict.agreeing)
    expected = evidence[0].text
    left_out = f", without '{without}'," if without else ""
    return StoryFinding(
        kind, sentence.start + a, sentence.start + b,
        f"'{sentence.text[a:b]}' where {other_articles(verdict)} of the story "
        f"name{'s' if count == 1 else ''} '{expected}'{left_out} in the same sentence ({describe(evidence)})",
        verdict.severity, expected, tuple(evidence),
    )


def _added_words(
    alignment: Alignment, groups: dict[int, int], slot: _Slot, mine: tuple[str, ...],
    values: dict[int, tuple[str, ...]], where: dict[int, tuple[Place, Run]],
) -> Iterator[StoryFinding]:
    """A name that the siblings agree to write shorter, its extra words capitalized ("of
    Chile", "Chilean"): an ``institution-place`` finding with the siblings' name as the
    suggestion, for NL502 to judge with the gazetteer."""
    if not all(len(v) < len(mine) and _same_body(mine, v) for v in values.values()):
        return
    verdict = vote(mine, values, _same_words, groups, groups.get(slot.place.doc, slot.place.doc))
    if not verdict.severity:
        return
    tokens = alignment.tokens(slot.place)
    theirs = {w for other in verdict.agreeing for w in values[other]}
    extra = [t.surface for t in slot.run.tokens(tokens)
             if t.norm not in theirs and t.norm not in _LINK_WORDS and t.surface[:1].isupper()]
    if extra:
        yield _slot_finding(alignment, slot, verdict, where, "institution-place", " ".join(extra))


def _same_words(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """The same name, give or take its link words and their order."""
    return _name_words(a) == _name_words(b)


_LINK_WORDS = frozenset({"of", "the", "for", "and", "on", "in", "&"})
"""Words that join a name's parts: "the Civil Police of Ostvale" is "the Ostvale Civil
Police" with its place moved behind "of"."""


def _name_words(name: tuple[str, ...]) -> list[str]:
    return sorted(w for w in name if w not in _LINK_WORDS)


def _joined(name: tuple[str, ...]) -> str:
    """A name's letters without its link words, hyphens and spaces: "Anti-Corruption Bureau"
    and "Anticorruption Bureau" are one spelling."""
    return "".join(w for w in name if w not in _LINK_WORDS).replace("-", "")


def _same_body(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Two names of one institution: equal, written with or without a hyphen ("Anti-Corruption",
    "Anticorruption"), the same words in another order ("the Civil Police of Ostvale" and "the
    Ostvale Civil Police"), or one contained in the other ("the Federal Network Agency" and
    "Network Agency"), also in another word order when the longer adds a place ("the National
    Service of Hydrology" and "the National Hydrology Service of Peru", "the Yancheng Municipal
    Bureau of Emergency Management")."""
    if a == b or _joined(a) == _joined(b):
        return True
    words = _name_words(a)
    if len(words) >= 2 and words == _name_words(b):
        return True
    short, long_ = sorted((a, b), key=len)
    if len(short) >= 2 and any(long_[i : i + len(short)] == short for i in range(len(long_))):
        return True
    return _longer_by_place(short, long_)


ADMIN_LEVELS = frozenset({
    "municipal", "city", "provincial", "province", "state", "national", "federal", "regional",
    "local", "county", "district", "prefectural", "metropolitan", "central",
})
"""Words that say which level of government a body belongs to: "the Yancheng Municipal Bureau of
Emergency Management" is the city's "Emergency Management Bureau"."""
MAX_EXTRA_WORDS = 2


def _level_only(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Whether two names differ only by words for a level of government ("the Yancheng Municipal
    Bureau of Emergency Management", "the Yancheng Emergency Management Bureau"): translations
    write or leave out such a word, and a body of another level is rarely named so alike."""
    x, y = set(_name_words(a)), set(_name_words(b))
    return len(x & y) >= 2 and bool(x ^ y) and (x ^ y) <= ADMIN_LEVELS


def _longer_by_place(short: tuple[str, ...], long_: tuple[str, ...]) -> bool:
    """Whether the longer name is the shorter's words, in any order, plus at most two words that
    place it: a first word ("Yancheng ...") or a last word after "of" ("... of Peru"), with a
    level of government beside it ("Yancheng Municipal ..."). "the Department of State
    Security" adds "Security", another body; "Lviv Regional Library" for "Lviv Library" adds
    no place, only a word in the middle of the name (a word a translation dropped)."""
    mine, theirs = _name_words(short), _name_words(long_)
    if len(mine) < 2 or not set(mine) <= set(theirs):
        return False
    extras = [w for w in theirs if w not in set(mine)]
    if not extras or len(extras) > MAX_EXTRA_WORDS:
        return False
    placed = {long_[0]} | ({long_[-1]} if len(long_) > 2 and long_[-2] == "of" else set())
    return any(w in placed for w in extras) and all(w in ADMIN_LEVELS or w in placed for w in extras)
