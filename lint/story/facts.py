"""Fact drift: a figure, unit, date, year or weekday that disagrees with the same fact elsewhere.

For each figure of a sentence, each sibling article's counterpart sentence is searched for the
figure that states the same fact (same kind and unit, the most shared context words; in two
sentences that say the same thing also the same number in another unit or currency, and
people counted by another noun); the siblings then vote (see
:func:`lint.story.evidence.vote`). A sentence that says the figure changed ("had risen to",
"by evening", "raised the estimate"), or an article that also gives the siblings' value, is
not drift, unless the two differ by a power of ten or in the order of their digits: the
article then contradicts itself as the siblings do (a dropped zero). Units that many outlets
use loosely (percent for percentage points, miles for nautical miles) differ at info. A
weekday next to a date is also checked against the calendar, within the article alone; so is
a weekday before an ordinal day ("Wednesday the 18th"), in its month if one follows ("of
March"), else in the month of the article's own dates and the months either side of it.
"""

from __future__ import annotations

import functools
import math
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence

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
from lint.story.figures import MONTHS, UNIT_SIZES, WEEKDAYS, Figure, same_value, weekday_of
from lint.story.ranges import change_ends, swapped_ends
from lint.story.text import Sentence, Token, stem

UPDATE_WORDS = frozenset({
    "rise", "rises", "rose", "risen", "rising", "raise", "raised", "raises", "climb", "climbed",
    "climbs", "grew", "grown", "grows", "increased", "increases", "jumped", "reached", "revised",
    "updated", "update", "later", "latest", "now", "since", "initially", "originally", "first",
    "earlier", "previous", "previously", "fell", "fallen", "dropped", "declined", "lowered",
    "cut", "put", "second", "third", "another", "new", "again", "still", "until", "plan",
    "planned", "next", "expected", "forecast", "estimate", "estimated", "projected", "evening",
    "morning", "afternoon", "night", "tonight", "overnight", "meanwhile", "total", "toll",
})
"""Words that let a figure differ from its siblings' (it changed, or it is another one)."""
DATE_KINDS = frozenset({"weekday", "month", "date", "time", "year"})
MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August",
               "September", "October", "November", "December")


Matches = dict[int, tuple[Figure, Place]]
"""For one figure: by witness article, its figure that states the same fact and where."""
Paired = dict[tuple[int, int], dict[int, Figure]]
"""The figure pairs of two sentences (nodes of the alignment), by their nodes."""
ByUnit = dict[tuple[int, str, str], list[tuple[Figure, Place]]]
"""The figures of a story's articles (and where they stand) by article, kind and unit."""


def fact_findings(
    alignment: Alignment, groups: dict[int, int], doc: int, figures: dict[Place, list[Figure]],
    by_unit: ByUnit, paired: Paired | None = None,
) -> Iterator[StoryFinding]:
    """The fact-drift findings of article ``doc`` of the story (``by_unit``: the story's
    :func:`figures_by_unit`, made once for all its articles; ``paired`` remembers the figure
    pairs of two sentences across the story's articles: copies reuse them)."""
    paired = {} if paired is None else paired
    own_values = _values(alignment, figures, doc)
    witnesses = alignment.witnesses(doc)
    sole = _sole_units(own_values)
    year = _year_of(alignment, doc)
    months = functools.cache(lambda: _months_of(figures, doc, len(alignment.docs[doc].sentences)))
    for s, sentence in enumerate(alignment.docs[doc].sentences):
        place = Place(doc, s)
        own = figures[place]
        if not own:
            continue
        tokens = alignment.tokens(place)
        counterparts = alignment.counterparts_of(place)
        matched = _matches(alignment, figures, paired, place, own, tokens, counterparts, witnesses, by_unit, sole)
        judged: list[StoryFinding] = []
        dated_until = dateline_end(sentence.text)
        for figure, witnessed in zip(own, matched, strict=True):
            if figure.kind in DATE_KINDS and tokens[figure.first].start < dated_until:
                continue  # the dateline's date is the day the article was filed, not a fact
            if witnessed:
                aligned = {d for d in witnessed if d in counterparts and witnessed[d][1] == counterparts[d][0]}
                judged.extend(_judge(alignment, groups, doc, sentence, tokens, figure, witnessed, aligned,
                                     own_values, _dated_weekdays(figures, place, figure, witnessed),
                                     figures, own))
        yield from judged
        ends = change_ends(tokens, own)
        if ends is not None and not judged:
            yield from swapped_ends(alignment, groups, doc, sentence, tokens, ends, figures, counterparts)
        yield from _calendar(sentence.start, tokens, figures[place], year)
        yield from _numeric_calendar(sentence.start, sentence.text, tokens, figures[place])
        yield from _ordinal_calendar(sentence.start, tokens, figures[place], year, months)


_DATELINE_RE = regex.compile(r"\p{Lu}{3,}[\p{Lu} .'’-]*,[\p{L}\p{N}.,'’()/ ]{0,80}?\s[-–—]\s")
"""A wire dateline before the story's first words ("ZANESVILLE, Ohio, Nov. 4, 2025 - ")."""


def dateline_end(text: str) -> int:
    """Where a sentence's dateline ends (0: none)."""
    found = _DATELINE_RE.match(text)
    return found.end() if found else 0


def _matches(
    alignment: Alignment, figures: dict[Place, list[Figure]], paired: Paired, place: Place,
    own: Sequence[Figure], tokens: Sequence[Token], counterparts: dict[int, tuple[Place, float]],
    witnesses: Sequence[int], by_unit: ByUnit,
    sole: frozenset[tuple[str, str]] = frozenset(),
) -> list[Matches]:
    """For each of the sentence's figures ``own``, the witnesses' figures that state the same
    fact: in the counterpart sentence first, else anywhere in the witness article (``sole``:
    the kinds and units the article gives one figure of)."""
    own_units = _units(own, loose=True)
    keys = [(figure.kind, _unit_key(figure)) for figure in own]
    matched: list[Matches] = [{} for _ in own]
    for other in witnesses:
        if other in counterparts:
            there = counterparts[other][0]
            pairs = _counterpart_pairs(alignment, figures, paired, place, there, own, tokens, own_units)
            for i, paired_figure in pairs.items():
                matched[i][other] = (paired_figure, there)
        for i, figure in enumerate(own):
            if other not in matched[i]:
                key = keys[i]
                anywhere = _anywhere(figure, by_unit.get((other, *key), ()), key in sole)
                if anywhere is not None:
                    matched[i][other] = anywhere
    return matched


def _counterpart_pairs(
    alignment: Alignment, figures: dict[Place, list[Figure]], paired: Paired, place: Place,
    there: Place, own: Sequence[Figure], tokens: Sequence[Token], own_units: set[tuple[str, str]],
) -> dict[int, Figure]:
    """The pairs of the sentence's figures with those of its counterpart ``there`` (computed
    once per pair of sentences, and only when they have a kind and unit in common)."""
    key = (alignment.node_of[place], alignment.node_of[there])
    pairs = paired.get(key)
    if pairs is None and not own_units.isdisjoint(_units(figures[there], loose=True)):
        pairs = paired[key] = pair_figures(own, tokens, figures[there], alignment.tokens(there), True)
    return pairs or {}


def _judge(
    alignment: Alignment, groups: dict[int, int], doc: int, sentence: Sentence, tokens: Sequence[Token],
    figure: Figure, matched: dict[int, tuple[Figure, Place]], aligned: set[int],
    own_values: Sequence[Figure], same_date: bool = False,
    figures: dict[Place, list[Figure]] | None = None, beside: Sequence[Figure] = (),
) -> Iterator[StoryFinding]:
    """Vote on one figure; ``aligned`` are the siblings whose figure stands in the sentence
    that says the same (the others' were found by their context words alone); ``same_date``:
    a weekday whose date the siblings give too, so that another weekday contradicts it;
    ``figures``: the story's figures by sentence, ``beside``: this sentence's."""
    values = [f for f, _ in matched.values()]
    if any(_same_fact(figure, f) for f in values):
        return  # a witness gives this value too: no odd one out (and the usual case)
    matched = _steady(alignment, matched, {t.norm for t in tokens})
    matched = _own_elsewhere(figure, matched, beside)
    values = [f for f, _ in matched.values()]
    if any(not (_same_fact(values[0], f) or converted(values[0], f)) for f in values[1:]):
        return  # the witnesses disagree among themselves: figures that are not one fact
    verdict = vote(figure, {d: f for d, (f, _) in matched.items()}, _same_fact, groups, groups.get(doc, doc))
    if not verdict.severity:
        return
    theirs = verdict.value
    assert isinstance(theirs, Figure)
    related = _related(figure, theirs) or same_date
    if not related and any(_comparable(theirs, v) and _same_fact(theirs, v) for v in own_values):
        return  # the article gives the other value too: maybe another fact (a dropped zero is not)
    if not related and (verdict.severity != "warning" or not aligned & set(verdict.agreeing)):
        return  # one outlet against another, or a tie by context words alone, over unrelated values
    if not related and figures is not None and _crossed(figure, theirs, beside, [
            (matched[d][0], figures[matched[d][1]]) for d in verdict.agreeing]):
        return  # "nine deaths and three people missing": both sentences give both counts
    said = {t.norm for d in verdict.agreeing for t in alignment.tokens(matched[d][1])}
    updated = _updated(tokens, figure, said) and not _unit_swapped(figure, theirs)
    if updated or _loose_units(figure, theirs):
        verdict = verdict._replace(severity="info")  # a changed figure, or a loose unit: weak
    yield _finding(alignment, sentence, tokens, figure, theirs, matched, verdict)


def _steady(
    alignment: Alignment, matched: dict[int, tuple[Figure, Place]], said: set[str],
) -> dict[int, tuple[Figure, Place]]:
    """The witnesses without the ones whose own sentence says their figure changed ("rose to
    515,000 litres by Thursday evening") to a value no other gives, when at least two others
    remain: a later figure is no disagreement about the one the other witnesses give. ``said``: the
    article's words (a cue it uses too, "an estimated 410,000", marks no change)."""
    steady = {d: m for d, m in matched.items() if not _updated(alignment.tokens(m[1]), m[0], said)}
    return _enough_left(matched, {d: m for d, m in matched.items()
                                  if d in steady or any(_same_fact(m[0], f) for f, _ in steady.values())}, steady)


MIN_STEADY_WITNESSES = 2


def _enough_left(
    matched: dict[int, tuple[Figure, Place]], kept: dict[int, tuple[Figure, Place]],
    basis: dict[int, tuple[Figure, Place]] | None = None,
) -> dict[int, tuple[Figure, Place]]:
    """``kept``, the witnesses a filter leaves, when ``basis`` (``kept`` itself by default)
    holds at least MIN_STEADY_WITNESSES of them; else all the witnesses."""
    return kept if len(kept if basis is None else basis) >= MIN_STEADY_WITNESSES else matched


def _own_elsewhere(
    figure: Figure, matched: dict[int, tuple[Figure, Place]], beside: Sequence[Figure],
) -> dict[int, tuple[Figure, Place]]:
    """The witnesses without those whose figure is another figure of the article's own
    sentence ("7 people to die and 164 injured": a witness's "164" was paired with the "7"),
    when at least two others remain: that witness states the other fact."""
    return _enough_left(matched, {d: m for d, m in matched.items() if not any(
        f is not figure and f.kind == m[0].kind and same_value(f, m[0]) for f in beside)})


def _crossed(
    figure: Figure, theirs: Figure, beside: Sequence[Figure],
    witnessed: Sequence[tuple[Figure, Sequence[Figure]]],
) -> bool:
    """Whether the sentence gives the witnesses' value in another figure of the same kind, and
    every witness sentence gives this one's: two counts paired crosswise ("nine deaths and
    three people missing" against "nine people dead and three missing"), not a changed fact."""
    if not any(f is not figure and f.kind == figure.kind and same_value(f, theirs) for f in beside):
        return False
    return all(any(g is not paired and g.kind == figure.kind and same_value(g, figure) for g in sentence)
               for paired, sentence in witnessed)


def pair_figures(
    mine: Sequence[Figure], my_tokens: Sequence[Token], theirs: Sequence[Figure],
    their_tokens: Sequence[Token], aligned: bool,
) -> dict[int, Figure]:
    """Which figure of a sibling sentence states the same fact as each of ours: pairs scored by
    shared context words, by the word alignment putting them at the same place, and by a value
    that is equal or off by a power of ten or a digit order (which outweighs one shared word,
    not two); each figure is used once. In two sentences that say the same thing, a pair must
    stand at the same place of the word alignment or have related values."""
    ops = word_alignment(my_tokens, their_tokens) if aligned and mine and theirs else []
    dated = _dated_pair(mine, theirs) if aligned else None
    scored: list[tuple[int, int, int]] = []
    for i, a in enumerate(mine):
        for j, b in enumerate(theirs):
            score = _pair_score(a, b, ops, aligned, (i, j) == dated)
            if score is not None:
                scored.append((score, i, j))
    scored.sort(key=lambda item: (-item[0], item[1], item[2]))
    need = 2 if aligned else 2 * MIN_ANYWHERE_CONTEXT
    return _choose_pairs(mine, theirs, scored, need)


def _pair_score(a: Figure, b: Figure, ops: Sequence[Op], aligned: bool, dated: bool = False) -> int | None:
    """The score of pairing figure ``a`` with ``b``, in half-points (None: not a pair);
    ``dated``: the two sentences' only weekdays, each beside the same date."""
    if not (_comparable(a, b, loose=aligned) or (aligned and _renamed_count(a, b))):
        return None
    score = 2 * len(a.context & b.context)  # in half-points: a shared word is 2
    placed = dated or (bool(ops) and _same_place(ops, a, b))
    related = _related(a, b)
    if aligned and not (placed or related):
        return None  # in two similar sentences, a figure elsewhere may state another fact
    return score + 4 * placed + 3 * related


def _choose_pairs(
    mine: Sequence[Figure], theirs: Sequence[Figure], scored: Sequence[tuple[int, int, int]], need: int
) -> dict[int, Figure]:
    """The pairs taken best score first, each figure once, skipping a pair whose figure has an
    equally likely rival that states another fact."""
    pairs: dict[int, Figure] = {}
    used: set[int] = set()
    for score, i, j in scored:
        if score < need or i in pairs or j in used or _convertible(mine[i], theirs[j]):
            continue
        rivals = [k for s2, i2, k in scored if i2 == i and s2 == score and k != j and k not in used]
        if any(not _same_fact(theirs[j], theirs[k]) for k in rivals):
            continue  # two figures as likely: no pair is safe
        pairs[i] = theirs[j]
        used.add(j)
    return pairs


def _same_place(ops: Sequence[Op], a: Figure, b: Figure) -> bool:
    """Whether the word alignment maps figure ``a``'s words onto figure ``b``'s, or the word
    just before ``a`` onto the word just before ``b`` ("and 17 were hurt" against "and 11 more
    were hurt": the aligner pairs "17" with "more", but both figures follow the same "and"), or
    the word just after each ("reopen on Thursday morning" against "reopen Tuesday morning":
    the aligner pairs "on" with "Tuesday", but both weekdays precede the same "morning")."""
    if a.first and b.first and _equal_at(ops, a.first - 1) == b.first - 1:
        return True
    after = _equal_at(ops, a.last + 1)
    if after is not None and after == b.last + 1:
        return True
    for op in ops:
        if op.a_end <= a.first or op.a_start > a.last or op.tag == "delete":
            continue
        if op.tag == "equal":
            lo = max(op.a_start, a.first) - op.a_start + op.b_start
            hi = min(op.a_end, a.last + 1) - op.a_start + op.b_start
        else:
            lo, hi = op.b_start, op.b_end
        if lo <= b.last and b.first < hi:
            return True
    return False


def _equal_at(ops: Sequence[Op], i: int) -> int | None:
    """The word of the other sentence that word ``i`` is equal to in the alignment, if any."""
    for op in ops:
        if op.tag == "equal" and op.a_start <= i < op.a_end:
            return op.b_start + i - op.a_start
    return None


def _dated_weekdays(
    figures: dict[Place, list[Figure]], place: Place, figure: Figure,
    witnessed: dict[int, tuple[Figure, Place]],
) -> bool:
    """Whether a weekday stands next to a date that every witness writes next to its own
    weekday: "Thursday, 12 November" against "Wednesday, November 12" is a contradiction (a
    time zone moves the date with the day)."""
    if figure.kind != "weekday":
        return False
    mine = _date_beside(figures[place], figure)
    if mine is None:
        return False
    for theirs, there in witnessed.values():
        date = _date_beside(figures[there], theirs)
        if date is None or not same_value(date, mine):
            return False
    return True


def _dated_pair(mine: Sequence[Figure], theirs: Sequence[Figure]) -> tuple[int, int] | None:
    """The indexes of the only weekday of each of two sentences, when both stand beside the
    same date (the word order of "Thursday, 12 November" and "Wednesday, November 12" differs,
    so the word alignment does not pair them)."""
    days = [[i for i, f in enumerate(figures) if f.kind == "weekday"] for figures in (mine, theirs)]
    if len(days[0]) != 1 or len(days[1]) != 1:
        return None
    i, j = days[0][0], days[1][0]
    a, b = _date_beside(mine, mine[i]), _date_beside(theirs, theirs[j])
    return (i, j) if a is not None and b is not None and same_value(a, b) else None


def _date_beside(figures: Sequence[Figure], day: Figure) -> Figure | None:
    """The date written right before or after a weekday ("Monday, May 4", "4 May, Monday")."""
    return next((f for f in figures if f.kind == "date"
                 and (0 < f.first - day.last <= 2 or 0 < day.first - f.last <= 2)), None)


def _related(a: Figure, b: Figure) -> bool:
    """Equal, or off by a power of ten, or the same digits in another order."""
    if same_value(a, b):
        return True
    if a.value and b.value:
        ratio = max(a.value, b.value) / min(a.value, b.value)
        if any(abs(ratio - 10.0**k) < 1e-6 * 10.0**k for k in (1, 2, 3, 6)):
            return True
    x, y = f"{a.value:g}", f"{b.value:g}"
    return len(x) == len(y) and sorted(x) == sorted(y)


UPDATE_BEFORE = 10
UPDATE_AFTER = 3


def _updated(tokens: Sequence[Token], figure: Figure, said: set[str]) -> bool:
    """Whether words near the figure say it changed or is another one. ``said``: the words of
    the siblings' sentences that give the other value; a cue they use too ("exporters
    estimate losses at ...") describes the same statement, not a change."""
    window = tokens[max(0, figure.first - UPDATE_BEFORE) : figure.last + 1 + UPDATE_AFTER]
    return any(t.norm in UPDATE_WORDS and t.norm not in said for t in window)


def _units(figures: Sequence[Figure], loose: bool = False) -> set[tuple[str, str]]:
    """The kinds and units of the figures (``loose``: any count with any count and any amount
    with any amount, as sentences that say the same thing may count the same people by another
    noun, or give the same sum in the wrong currency)."""
    return {(f.kind, "" if loose and f.kind in ("count", "amount", "percent") else _unit_key(f)) for f in figures}


def _unit_key(figure: Figure) -> str:
    """What a figure can be compared with: its dimension for a measure, else its unit."""
    return figure.unit.partition(":")[0] if figure.kind == "measure" else _unit_of(figure)


def _places(alignment: Alignment, doc: int) -> Iterator[Place]:
    """The places of article ``doc``'s sentences (a look-up, not a scan of the story)."""
    return (Place(doc, s) for s in range(len(alignment.docs[doc].sentences)))


def figures_by_unit(
    alignment: Alignment, figures: dict[Place, list[Figure]], docs: Iterable[int]
) -> ByUnit:
    """The figures of articles ``docs`` by article, kind and unit: a figure looks only at its
    peers."""
    out: ByUnit = {}
    for doc in docs:
        for place in _places(alignment, doc):
            for figure in figures[place]:
                out.setdefault((doc, figure.kind, _unit_key(figure)), []).append((figure, place))
    return out


def _values(alignment: Alignment, figures: dict[Place, list[Figure]], doc: int) -> list[Figure]:
    return [f for place in _places(alignment, doc) for f in figures[place]]


def _sole_units(values: Sequence[Figure]) -> frozenset[tuple[str, str]]:
    """The kinds and units the article gives exactly one figure of (a count needs its noun)."""
    counted = Counter((f.kind, _unit_key(f)) for f in values if f.unit and f.kind not in DATE_KINDS)
    return frozenset(key for key, n in counted.items() if n == 1)


def _comparable(a: Figure, b: Figure, loose: bool = False) -> bool:
    """Same kind and unit ("loose": in sentences that say the same thing, a count without its
    noun compares with one that names it, and the very number in another currency with its
    sum)."""
    if a.kind != b.kind:
        return False
    if a.kind == "measure":
        dimension = a.unit.partition(":")[0]
        if dimension == "time":
            return a.unit == b.unit  # "two years" and "18 months" are usually two facts
        return dimension == b.unit.partition(":")[0]
    if a.kind == "count" and loose and (not a.unit or not b.unit):
        return True
    if a.kind == "amount" and loose and math.isclose(a.value, b.value, rel_tol=1e-9):
        # in two sentences that say the same thing, the very number in another currency: maybe
        # the currency changed ("about $40 million" and "C$42 million" are a conversion)
        return True
    if a.kind == "amount":
        return _unit_of(a) == _unit_of(b)
    if a.kind == "count":
        return a.unit == b.unit
    if a.kind == "time":
        return a.unit == b.unit  # "4:30 a.m." local and "10:30 GMT" are one moment
    return True


PEOPLE_NOUNS = frozenset(stem(w) for w in (
    "people", "persons", "residents", "inhabitants", "citizens", "locals", "villagers",
    "townspeople", "individuals", "civilians", "evacuees", "population", "dwellers", "souls",
    "masses",  # Chinese 群众 as machine translation renders it: "3,200 masses"
))
"""Nouns that count the same people: two outlets (or translations) may count by either."""


def _renamed_count(a: Figure, b: Figure) -> bool:
    """Counts of people by two nouns ("4,000 residents", "40,000 inhabitants") in sentences
    that say the same thing: the same fact only if the values are related (equal, a power of
    ten or the digits' order apart); "300 families" and "1,000 people", "12 bridges" and "21
    schools" are two facts."""
    return (a.kind == b.kind == "count" and a.unit in PEOPLE_NOUNS and b.unit in PEOPLE_NOUNS
            and _related(a, b))


MIN_ANYWHERE_CONTEXT = 2
"""Context words a figure of an unaligned sentence must share to state the same fact."""


def _anywhere(
    figure: Figure, candidates: Sequence[tuple[Figure, Place]], sole: bool = False
) -> tuple[Figure, Place] | None:
    """The figure of a sibling article, in any sentence, that states the same fact: comparable,
    sharing at least MIN_ANYWHERE_CONTEXT context words (a related value counts as one), and
    clearly the best. With ``sole`` (the article counts this unit once), the one figure of the
    sibling's with that unit and a related value pairs with it when :func:`_one_fact` allows:
    "about 18 firefighters" against the sibling's "about 180 firefighters" (beside its "2
    firefighters were hurt"), though the sentences share no word."""
    if figure.kind in DATE_KINDS or (figure.kind == "count" and not figure.unit):
        return None  # weekdays, dates and bare numbers recur in every sentence of the story
    if sole:
        peers = [c for c in candidates if c[0].unit == figure.unit and _comparable(figure, c[0])]
        related = [c for c in peers if _related(figure, c[0])]
        if len(related) == 1 and _one_fact(figure, related[0][0], alone=len(peers) == 1):
            return related[0]
    pairs = pair_figures([figure], (), [c for c, _ in candidates], (), False)
    if 0 not in pairs:
        return None
    chosen = pairs[0]
    return next((c, p) for c, p in candidates if c is chosen)


def _one_fact(mine: Figure, theirs: Figure, alone: bool) -> bool:
    """Whether the article's only figure of a unit and the sibling's one related figure of it
    state one fact with no context word to say so: the sibling counts the unit once too, or
    the two share a word, or both are approximate ("about 18" and "about 180"). "2 people
    died" is not "20 people were hurt" beside the sibling's other counts of people."""
    return alone or bool(mine.context & theirs.context) or (mine.approximate and theirs.approximate)


UNIT_KINDS = frozenset({"measure", "amount", "percent"})
"""Kinds whose unit is part of the fact: 300 acres is not 300 hectares, nor 5 million euros
5 million dollars, nor 3 percent 3 percentage points."""


CURRENCY_FAMILIES = {"r-dollar": "real", "yuan": "yen/yuan", "yen": "yen/yuan"}
"""Currencies one spelling cannot tell apart: R$ is the real; ¥ writes both yen and yuan."""
LOOSE_UNITS = (
    frozenset({"%", "point"}), frozenset({"length:mile", "length:nautical mile"}),
    frozenset({"mass:ton", "mass:tonne"}),
)
"""Units that careful writers tell apart but many outlets do not ("0.5 percent" for 0.5
percentage points, "miles" for nautical miles, "tons" for metric tonnes): the majority may be
the loose one, so a difference between them is info."""


def _unit_of(figure: Figure) -> str:
    """The unit that makes two figures one fact: a currency's family for an amount ("C$" and
    "Canadian dollars" are both dollars, "$" and "A$" too), else the unit."""
    if figure.kind != "amount":
        return figure.unit
    return CURRENCY_FAMILIES.get(figure.unit, figure.unit.rpartition("-")[2])


def _same_fact(a: Figure, b: Figure) -> bool:
    if a.kind in UNIT_KINDS and _unit_of(a) != _unit_of(b):
        return False
    return same_value(a, b)


def _convertible(a: Figure, b: Figure) -> bool:
    """Measures or amounts in two units with different numbers: a conversion or another fact,
    not comparable (only the same number in another unit is a unit error)."""
    return a.kind in UNIT_KINDS and _unit_of(a) != _unit_of(b) and not same_value(a, b)


CONVERSION_ROUNDING = 0.06
"""How far a converted measure may be rounded ("200 hectares" as "about 500 acres" is 1%
off, "5 kilometres" as "3 miles" 3.5%)."""


def converted(a: Figure, b: Figure) -> bool:
    """Whether two measures in different units of one dimension state the same quantity, within
    the rounding of a conversion: a witness that converts the others' "200 hectares" into "about
    500 acres" agrees with them."""
    if not (a.kind == b.kind == "measure" and a.unit != b.unit and a.value and b.value):
        return False
    (dimension, _, unit_a), (other, _, unit_b) = a.unit.partition(":"), b.unit.partition(":")
    size_a, size_b = UNIT_SIZES.get(unit_a), UNIT_SIZES.get(unit_b)
    if dimension != other or size_a is None or size_b is None:
        return False
    x, y = a.value * size_a, b.value * size_b
    return abs(x - y) <= CONVERSION_ROUNDING * max(x, y)


def _unit_swapped(a: Figure, b: Figure) -> bool:
    """The same number in another unit of one measure ("180 centimeters" for "180
    millimeters"): an update changes the number, not the unit, so words of change near it
    ("reached") do not explain it."""
    return a.kind == b.kind == "measure" and a.unit != b.unit and same_value(a, b)


def _loose_units(a: Figure, b: Figure) -> bool:
    return frozenset({a.unit, b.unit}) in LOOSE_UNITS


def _text(sentence: Sentence, tokens: Sequence[Token], figure: Figure) -> str:
    """The figure as the sentence writes it ("$50 million", not its tokens joined)."""
    return sentence.text[tokens[figure.first].start : tokens[figure.last].end]


def _finding(
    alignment: Alignment, sentence: Sentence, tokens: Sequence[Token], figure: Figure, theirs: Figure,
    matched: dict[int, tuple[Figure, Place]], verdict: Verdict,
) -> StoryFinding:
    witnesses: list[Witness] = []
    shown = ""
    for doc in verdict.agreeing:
        other, place = matched[doc]
        there = alignment.tokens(place)
        start, end = there[other.first].start, there[other.last].end
        found = witness(alignment, place, start, end)
        witnesses.append(found)
        shown = shown or found.text
    start, end = tokens[figure.first].start, tokens[figure.last].end
    mine = _text(sentence, tokens, figure)
    what = _difference(figure, theirs, mine)
    count = len(verdict.agreeing)
    tail = (
        f"{other_articles(verdict)} ({describe(witnesses)}) "
        f"give{'s' if count == 1 else ''} '{shown}'"
    )
    if verdict.same:
        tail += f", {verdict.same} give{'s' if verdict.same == 1 else ''} '{mine}' too"
    return StoryFinding(
        "figure", sentence.start + start, sentence.start + end, f"'{mine}' disagrees with the story{what}: {tail}",
        verdict.severity, shown, tuple(witnesses),
    )


_DOT_GROUPED_RE = regex.compile(r"(?<![\d.,])\d{1,3}(?:\.\d{3})+(?![\d.,]\d)")
"""'12.000', '1.250.000': thousands grouped with dots, as most of continental Europe and Latin
America write them; English reads the first as twelve."""


def _difference(mine: Figure, theirs: Figure, written: str = "") -> str:
    """A short account of how the figures differ (a unit, a scale, swapped digits, thousands
    grouped with a dot); ``written``: the article's figure as it stands."""
    if mine.kind == "measure" and mine.unit != theirs.unit and mine.value == theirs.value:
        return f" (the unit: {mine.unit.partition(':')[2]} for {theirs.unit.partition(':')[2]})"
    if mine.kind == "amount" and _unit_of(mine) != _unit_of(theirs):
        return f" (the currency: {_unit_of(mine)} for {_unit_of(theirs)})"
    if mine.kind == "percent" and mine.unit != theirs.unit:
        return " (percentage points for percent)" if mine.unit == "point" else " (percent for percentage points)"
    if mine.value and theirs.value:
        ratio = max(mine.value, theirs.value) / min(mine.value, theirs.value)
        for factor, name in ((1e3, "a thousand"), (1e2, "a hundred"), (10.0, "ten")):
            if abs(ratio - factor) < 1e-6 * factor:
                if factor == 1e3 and mine.value < theirs.value and _DOT_GROUPED_RE.search(written):
                    return " (thousands grouped with a dot, as the source language writes them: English reads a decimal point)"
                return f" (off by a factor of {name}: a scale word or a zero?)"
    a, b = f"{mine.value:g}", f"{theirs.value:g}"
    if len(a) == len(b) and a != b and sorted(a) == sorted(b):
        return " (the same digits in another order)"
    return ""


def _year_of(alignment: Alignment, doc: int) -> int | None:
    """The year the article's dates belong to: the most frequent year of its own full dates,
    else of its story's."""
    for docs in ((alignment.docs[doc],), alignment.docs):
        years: Counter[int] = Counter(y for d in docs for y in d.years)
        if years:
            return years.most_common(1)[0][0]
    return None


def _calendar(
    base: int, tokens: Sequence[Token], figures: Sequence[Figure], year: int | None
) -> Iterator[StoryFinding]:
    """A weekday written next to a date that falls on another day of the week."""
    if year is None:
        return
    dates = [f for f in figures if f.kind == "date"]
    for day in (f for f in figures if f.kind == "weekday"):
        date = next((d for d in dates if 0 < d.first - day.last <= 2 or 0 < day.first - d.last <= 2), None)
        if date is None:
            continue
        explicit = next((f for f in figures if f.kind == "year" and 0 < f.first - date.last <= 2), None)
        when = int(explicit.value) if explicit else year
        month, number = divmod(int(date.value), 100)
        actual = weekday_of(when, month, number)
        if actual is None or actual == int(day.value):
            continue
        first, last = min(day.first, date.first), max(day.last, date.last)
        start, end = tokens[first].start, tokens[last].end
        written = WEEKDAYS[int(day.value)].capitalize()
        right = WEEKDAYS[actual].capitalize()
        source = "" if explicit else f" (the year {when} from the article and its story)"
        yield StoryFinding(
            "date", base + start, base + end,
            f"{written} does not match the date: {number} {MONTH_NAMES[month - 1]} {when} was a "
            f"{right}{source}",
            "warning", right, (),
        )


ORDINAL_SUFFIXES = frozenset({"st", "nd", "rd", "th"})


def _months_of(figures: dict[Place, list[Figure]], doc: int, sentences: int) -> Counter[int]:
    """How many of the article's own dates (month and day) fall in each month."""
    return Counter(int(f.value) // 100 for s in range(sentences)
                   for f in figures.get(Place(doc, s), ()) if f.kind == "date")


def _ordinal_after(
    tokens: Sequence[Token], figures: Sequence[Figure], day: Figure
) -> tuple[Figure, int | None, int | None, int] | None:
    """The ordinal day right after a weekday ("Wednesday the 18th", "Friday 3rd of April
    2026"): its figure, the month and year written after it (None when not), and the index of
    the date's last token."""
    at = day.last + 1
    if at < len(tokens) and tokens[at].norm == "the":
        at += 1
    ordinal = next((f for f in figures if f.first == at and f.kind == "count"), None)
    if ordinal is None or ordinal.unit not in ORDINAL_SUFFIXES or not 1 <= ordinal.value <= 31:
        return None
    last = ordinal.last + 1 if ordinal.last + 1 < len(tokens) and tokens[ordinal.last + 1].norm == ordinal.unit else ordinal.last
    if last + 2 < len(tokens) and tokens[last + 1].norm == "of" and tokens[last + 2].norm in MONTHS:
        year = next((f for f in figures if f.kind == "year" and f.first == last + 3), None)
        return ordinal, MONTHS[tokens[last + 2].norm], int(year.value) if year else None, year.last if year else last + 2
    return ordinal, None, None, last


def _month_around(year: int, month: int, shift: int) -> tuple[int, int]:
    """The month ``shift`` months from ``month`` of ``year``, as (year, month)."""
    index = year * 12 + month - 1 + shift
    return index // 12, index % 12 + 1


def _ordinal_calendar(
    base: int, tokens: Sequence[Token], figures: Sequence[Figure], year: int | None,
    article_months: Callable[[], Counter[int]],
) -> Iterator[StoryFinding]:
    """A weekday before an ordinal day that falls on another day of the week: in the month
    written after it, else in every month the article's own dates fall in and the months
    either side of them (an article of 3 March may announce a meeting on "Tuesday the 18th"
    of February or April). Without a year, or a month written or dated, nothing is checked.
    ``article_months``: the months of the article's own dates, counted when first needed."""
    for day in (f for f in figures if f.kind == "weekday"):
        found = _ordinal_after(tokens, figures, day)
        if found is None:
            continue
        ordinal, written_month, written_year, last = found
        when = written_year or year
        months = article_months() if written_month is None else Counter()
        if when is None or (written_month is None and not months):
            continue
        number = int(ordinal.value)
        main = (when, written_month or months.most_common(1)[0][0])
        candidates = [main] if written_month else [
            _month_around(when, m, shift) for m in months for shift in (0, -1, 1)]
        readings = {c: weekday_of(*c, number) for c in candidates}
        actual = readings[main]
        if actual is None or int(day.value) in readings.values():
            continue
        written = WEEKDAYS[int(day.value)].capitalize()
        right = WEEKDAYS[actual].capitalize()
        month_name = MONTH_NAMES[main[1] - 1]
        if written_month:
            said = f"{number} {month_name} {when} was a {right}"
            if written_year is None:
                said += f" (the year {when} from the article and its story)"
        else:
            said = (f"in {month_name} {when}, the month of the article's dates, the "
                    f"{number}{ordinal.unit} was a {right}, and in neither month beside it a {written}")
        yield StoryFinding(
            "date", base + tokens[day.first].start, base + tokens[last].end,
            f"{written} does not match the date: {said}", "warning", right, (),
        )


_DOTTED_DATE_RE = regex.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})")
_DATE_SEPARATORS = frozenset({"/", ".", "-"})


def _numeric_date(text: str, tokens: Sequence[Token], i: int) -> tuple[int, int, int] | None:
    """The numbers of a date written in figures at token ``i`` ("11/3/2025", "11.03.2025"):
    (first, second, year), in the order written."""
    dotted = _DOTTED_DATE_RE.fullmatch(tokens[i].surface) if i < len(tokens) else None
    if dotted:
        return int(dotted[1]), int(dotted[2]), int(dotted[3])
    if i + 2 >= len(tokens):
        return None
    parts = tokens[i : i + 3]
    if not (all(t.surface.isdigit() for t in parts) and len(parts[0].surface) <= 2
            and len(parts[1].surface) <= 2 and len(parts[2].surface) == 4):
        return None
    gaps = {text[parts[0].end : parts[1].start], text[parts[1].end : parts[2].start]}
    if len(gaps) != 1 or not gaps <= _DATE_SEPARATORS:
        return None
    return int(parts[0].surface), int(parts[1].surface), int(parts[2].surface)


def _numeric_calendar(
    base: int, text: str, tokens: Sequence[Token], figures: Sequence[Figure]
) -> Iterator[StoryFinding]:
    """A weekday right before a date written in figures ("Wednesday (11/3/2025)") that falls
    on another day of the week in both readings, day first and month first."""
    for day in (f for f in figures if f.kind == "weekday"):
        found = _numeric_date(text, tokens, day.last + 1)
        if found is None:
            continue
        first, second, year = found
        readings: dict[tuple[int, int], int] = {}  # (day, month) -> its weekday, day first
        for d, m in ((first, second), (second, first)):
            weekday = weekday_of(year, m, d)
            if weekday is not None:
                readings[d, m] = weekday
        if not readings or int(day.value) in readings.values():
            continue
        written = WEEKDAYS[int(day.value)].capitalize()
        said = " or ".join(f"{d} {MONTH_NAMES[m - 1]} {year} was a {WEEKDAYS[w].capitalize()}"
                           for (d, m), w in readings.items())
        right = WEEKDAYS[next(iter(readings.values()))].capitalize()
        yield StoryFinding(
            "date", base + tokens[day.first].start, base + tokens[day.last].end,
            f"{written} does not match the date beside it: {said}", "warning", right, (),
        )


__all__ = ["MONTHS", "fact_findings"]
