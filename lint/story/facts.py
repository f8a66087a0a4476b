"""Fact drift: a figure, unit, date or weekday that disagrees with the same fact elsewhere.

For each figure of a sentence, each sibling article's counterpart sentence is searched for the
figure that states the same fact (same kind and unit, the most shared context words); the
siblings then vote (see :func:`lint.story.evidence.vote`). A sentence that says the figure
changed ("had risen to", "by evening", "raised the estimate"), or an article that also gives
the siblings' value, is not drift. A weekday next to a date is also checked against the
calendar, within the article alone.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence

from lint.story.align import Alignment, Place
from lint.story.evidence import StoryFinding, Verdict, Witness, describe, vote, witness
from lint.story.figures import MONTHS, WEEKDAYS, Figure, extract_figures, same_value, weekday_of
from lint.story.text import Token

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
DATE_KINDS = frozenset({"weekday", "date", "time", "year"})
MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August",
               "September", "October", "November", "December")


def fact_findings(
    alignment: Alignment, groups: dict[int, int], doc: int, figures: dict[Place, list[Figure]]
) -> Iterator[StoryFinding]:
    """The fact-drift findings of article ``doc`` of the story."""
    own_values = _values(figures, doc)
    for s, sentence in enumerate(alignment.docs[doc].sentences):
        place = Place(doc, s)
        own = figures[place]
        if not own:
            continue
        tokens = alignment.tokens(place)
        counterparts = alignment.counterparts_of(place)
        for figure in own:
            if figure.kind == "year":
                continue
            matched: dict[int, tuple[Figure, Place]] = {}
            for other, (there, _score) in counterparts.items():
                found = _counterpart(figure, figures[there])
                if found is not None:
                    matched[other] = (found, there)
            if not matched:
                continue
            verdict = vote(figure, {d: f for d, (f, _) in matched.items()}, _same_fact,
                           groups, groups.get(doc, doc))
            if not verdict.severity:
                continue
            theirs = verdict.value
            assert isinstance(theirs, Figure)
            if any(_same_fact(theirs, v) for v in own_values):
                continue  # the article gives the other value too
            if _updated(tokens, figure):  # the text says the figure changed: weak evidence
                verdict = verdict._replace(severity="info")
            yield _finding(alignment, sentence.start, tokens, figure, theirs, matched, verdict)
        yield from _calendar(sentence.start, tokens, own, _year_of(alignment, doc))


UPDATE_BEFORE = 6
UPDATE_AFTER = 3


def _updated(tokens: Sequence[Token], figure: Figure) -> bool:
    """Whether words near the figure say it changed or is another one."""
    window = tokens[max(0, figure.first - UPDATE_BEFORE) : figure.last + 1 + UPDATE_AFTER]
    return any(t.norm in UPDATE_WORDS for t in window)


def _values(figures: dict[Place, list[Figure]], doc: int) -> list[Figure]:
    return [f for place, found in figures.items() if place.doc == doc for f in found]


def _comparable(a: Figure, b: Figure) -> bool:
    if a.kind != b.kind:
        return False
    if a.kind == "measure":
        return a.unit.partition(":")[0] == b.unit.partition(":")[0]
    if a.kind in ("amount", "count"):
        return a.unit == b.unit
    return True


def _counterpart(figure: Figure, candidates: Sequence[Figure]) -> Figure | None:
    """The figure of a counterpart sentence that states the same fact, if one stands out."""
    scored = [(len(figure.context & c.context), c) for c in candidates if _comparable(figure, c)]
    if not scored:
        return None
    scored.sort(key=lambda item: -item[0])
    best = scored[0]
    if len(scored) > 1 and scored[1][0] == best[0]:
        exact = [c for _, c in scored if c.context and _same_fact(figure, c)]
        return exact[0] if exact else None  # two candidates as likely: only a match is safe
    if best[0] == 0 and figure.kind not in DATE_KINDS and len(scored) > 1:
        return None
    return best[1]


def _same_fact(a: Figure, b: Figure) -> bool:
    if a.kind == "measure" and a.unit != b.unit:
        return False  # 58,000 acres is not 58,000 hectares
    return same_value(a, b)


def _text(tokens: Sequence[Token], figure: Figure) -> str:
    return " ".join(t.surface for t in tokens[figure.first : figure.last + 1])


def _finding(
    alignment: Alignment, base: int, tokens: Sequence[Token], figure: Figure, theirs: Figure,
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
    mine = _text(tokens, figure)
    what = _difference(figure, theirs)
    count = len(verdict.agreeing)
    tail = (
        f"{count} other article{'s' if count != 1 else ''} ({describe(witnesses)}) "
        f"give '{shown}'"
    )
    if verdict.same:
        tail += f", {verdict.same} give{'s' if verdict.same == 1 else ''} '{mine}' too"
    return StoryFinding(
        "figure", base + start, base + end, f"'{mine}' disagrees with the story{what}: {tail}",
        verdict.severity, shown, tuple(witnesses),
    )


def _difference(mine: Figure, theirs: Figure) -> str:
    """A short account of how the figures differ (a unit, a scale, swapped digits)."""
    if mine.kind == "measure" and mine.unit != theirs.unit and mine.value == theirs.value:
        return f" (the unit: {mine.unit.partition(':')[2]} for {theirs.unit.partition(':')[2]})"
    if mine.value and theirs.value:
        ratio = max(mine.value, theirs.value) / min(mine.value, theirs.value)
        for factor, name in ((1e3, "a thousand"), (1e2, "a hundred"), (10.0, "ten")):
            if abs(ratio - factor) < 1e-6 * factor:
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


__all__ = ["MONTHS", "fact_findings"]
