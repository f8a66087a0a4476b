"""Stories: articles about one event, found from the rare terms they share.

Translations and rewrites of one story share few word shingles but many rare terms: the names
of its people and places, its figures, its unusual words. So stories come from an inverted
index of rare terms (weighted by inverse document frequency), not from MinHash of shingles,
which finds near-duplicates only.

The grouping is near-linear: each document is scored against the stories that already hold one
of its terms (a posting lists stories, not documents, so a wire story copied by hundreds of
sites costs one comparison per term, not one per copy), joins the best one when they share
enough of the story's core (each term weighs by the share of the story's articles that hold
it), or starts a story of its own. Documents are taken in key order, and a second pass lets
each document move to the story it fits best once all stories exist, so the result depends on
the set of documents, not on the order they were added in. A document with figures of its own
that shares too few of them with every other member leaves its story (see :func:`_anchored`).
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass, field

MIN_SHARED_TERMS = 4
"""Rare terms an article must share with a story to join it."""
MIN_SHARED_WEIGHT = 0.2
"""...carrying at least this share of the article's linkable weight."""
CORE_SHARE = 0.5
"""A story's core terms are held by at least this share of its articles; an article joins by
sharing core terms, so stories do not grow by chaining (A shares a name with B, B a place with
C...)."""
MAX_STORIES_PER_TERM = 64
MAX_DOCUMENT_SHARE = 0.5
"""A term in more than this share of a corpus of 10 or more articles links nothing."""


@dataclass(frozen=True)
class StorySettings:
    """How much evidence makes two articles one story (config ``story-min-shared``...)."""

    min_shared_terms: int = MIN_SHARED_TERMS
    min_shared_weight: float = MIN_SHARED_WEIGHT
    enabled: bool = True
    roles: frozenset[str] = frozenset()
    """Words for what a person is or does (rules/names.toml ``[names] roles``)."""
    spelling: Mapping[str, str] = field(default_factory=dict, compare=False, hash=False)
    """British spelling -> American (rules/locale.toml), one form when sentences are paired."""
    cognates: Mapping[str, str] = field(default_factory=dict, compare=False, hash=False)
    """Given name -> its family across languages (rules/names.toml)."""
    antonyms: Mapping[str, frozenset[str]] = field(default_factory=dict, compare=False, hash=False)
    """Word -> the words that say its opposite (rules/antonyms.toml), for negation drift."""


def group_stories(
    terms: Mapping[Hashable, Sequence[str]],
    settings: StorySettings = StorySettings(),
    units: Mapping[Hashable, Sequence[int]] | None = None,
    countries: Mapping[Hashable, str] | None = None,
) -> list[list[Hashable]]:
    """The stories of a corpus: lists of document keys (in key order), stories of two or more
    articles only, ordered by their first key. ``terms`` maps each document to its rare terms;
    ``units`` gives, for each term, the index of the first term of the name it belongs to: the
    words of one name count as one shared term ("Vice Admiral Ruth Okoye" is one person).
    ``countries``: the country an article clearly tells it is about, where it can: it joins no
    story whose articles tell only other countries (a wildfire in Portugal and one in Argentina
    share their words, not their event).
    """
    if not settings.enabled:
        return []
    keys = sorted(terms, key=_order)
    sets = {key: frozenset(terms[key]) for key in keys}
    weight = _weights(keys, sets)
    linkable = {key: [t for t in sets[key] if t in weight] for key in keys}
    unit_of = {key: _units(terms[key], (units or {}).get(key)) for key in keys}
    mass = {key: sum(weight[t] for t in linkable[key]) for key in keys}
    grouping = _Grouping(settings, weight, linkable, unit_of, mass, countries or {})
    for number, key in enumerate(keys):
        chosen = grouping.best(key)
        grouping.join(key, number if chosen is None else chosen)
    for key in keys:  # once every story exists: move to the best fit
        grouping.move(key)
    figures = {key: _figures(sets[key]) for key in keys}
    stories = [sorted(group, key=_order) for group in (_anchored(g, figures) for g in grouping.members.values())
               if len(group) > 1]
    return sorted(stories, key=lambda group: _order(group[0]))


MIN_OWN_FIGURES = 5
"""An article with this many figures of its own..."""
MIN_SHARED_FIGURES = 2.0
"""...shares figures of at least this weight with another article of its story: articles about
one event repeat its counts, sums and times; alike events (two floods of one week, two fires of
one summer, two storms of one winter) share their words and places, and at most a few small
numbers. A figure of three digits or more, a decimal or a time weighs 1; a number of two
digits, which alike events share by chance (12 inches, 30 degrees), weighs half."""
SMALL_FIGURE_WEIGHT = 0.5
_YEAR = re.compile(r"#(?:1[89]|20)\d\d")


def _figures(terms: frozenset[str]) -> frozenset[str]:
    """A document's figure terms, years left out (every article of a season writes them)."""
    return frozenset(t for t in terms if t.startswith("#") and not _YEAR.fullmatch(t))


def _anchored(group: Sequence[Hashable], figures: Mapping[Hashable, frozenset[str]]) -> list[Hashable]:
    """The story's members that share its figures: a member with figures of its own that
    shares too few with every other member tells another event and stands alone."""
    return [key for key in group
            if len(figures[key]) < MIN_OWN_FIGURES
            or any(_weight(figures[key] & figures[other]) >= MIN_SHARED_FIGURES for other in group if other != key)]


def _weight(shared: frozenset[str]) -> float:
    """The weight of shared figure terms (see MIN_SHARED_FIGURES)."""
    return sum(SMALL_FIGURE_WEIGHT if len(t) == 3 and t[1:].isdigit() else 1.0 for t in shared)


def _weights(keys: Sequence[Hashable], sets: Mapping[Hashable, frozenset[str]]) -> dict[str, float]:
    """The inverse document frequency of each term that can link articles: in two or more of
    them, and not in too many.

    Whether a term is too common counts distinct term sets: a wire story copied by sixty sites
    is one witness, so a corpus made of one story's copies still finds its terms rare enough
    to link. The weight counts every article."""
    distinct: Counter[str] = Counter()
    copies: Counter[frozenset[str]] = Counter(sets[key] for key in keys)
    held: Counter[str] = Counter()
    for terms, count in copies.items():
        distinct.update(terms)
        held.update(dict.fromkeys(terms, count))
    ceiling = len(copies) if len(copies) < 10 else max(2, int(MAX_DOCUMENT_SHARE * len(copies)))
    total = len(keys)
    return {t: math.log(1 + total / held[t]) for t, n in distinct.items() if held[t] >= 2 and n <= ceiling}


class _Grouping:
    """The stories being built: each document's story, each story's members, and for each
    term the stories that hold it."""

    def __init__(
        self,
        settings: StorySettings,
        weight: Mapping[str, float],
        linkable: Mapping[Hashable, Sequence[str]],
        unit_of: Mapping[Hashable, Mapping[str, int]],
        mass: Mapping[Hashable, float],
        countries: Mapping[Hashable, str],
    ) -> None:
        self.settings = settings
        self.countries = countries
        self.told: dict[int, Counter[str]] = defaultdict(Counter)
        """story -> the countries its members clearly tell, with how many tell each"""
        self.weight = weight
        self.linkable = linkable
        self.unit_of = unit_of
        self.mass = mass
        self.story_of: dict[Hashable, int] = {}
        self.members: dict[int, list[Hashable]] = defaultdict(list)
        self.holding: dict[str, Counter[int]] = defaultdict(Counter)
        """term -> story -> how many of the story's members have it"""

    def shared(self, key: Hashable) -> tuple[dict[int, float], dict[int, set[int]]]:
        """For each story that holds a term of the document: the weight they share, and the
        names (units) of its core terms among them.

        A term's share in a story is how many of the story's members hold it over the story's
        size, not counting the document itself (its own terms are no evidence). The loop is
        the grouping's inner loop: its lookups are hoisted."""
        shared: dict[int, float] = defaultdict(float)
        count: dict[int, set[int]] = defaultdict(set)
        own = self.story_of.get(key)
        unit = self.unit_of[key]
        members, holding, weight = self.members, self.holding, self.weight
        for t in self.linkable[key]:
            stories = holding[t]
            if len(stories) > MAX_STORIES_PER_TERM:
                continue  # a term of many stories (a city, a common given name) tells none apart
            term_weight, term_unit = weight[t], unit[t]
            for story, n in stories.items():
                size = len(members[story])
                if story == own:
                    n, size = n - 1, size - 1
                if n <= 0 or size <= 0:
                    continue  # no other member holds it
                share = n / size
                shared[story] += term_weight * share
                if share >= CORE_SHARE:
                    count[story].add(term_unit)
        return shared, count

    def best(self, key: Hashable) -> int | None:
        """The story the document fits best, if it shares enough with any."""
        shared, count = self.shared(key)
        chosen = None
        for story, value in shared.items():
            if len(count[story]) < self.settings.min_shared_terms or self._elsewhere(key, story):
                continue
            if value < self.settings.min_shared_weight * self.mass[key]:
                continue
            if chosen is None or (value, -story) > (shared[chosen], -chosen):
                chosen = story
        return chosen

    def _elsewhere(self, key: Hashable, story: int) -> bool:
        """Whether the document tells its country and the story's members tell only others."""
        mine = self.countries.get(key)
        told = self.told.get(story)
        if mine is None or not told:
            return False
        own = 1 if self.story_of.get(key) == story else 0  # its own telling is no evidence
        return sum(told.values()) > own and told[mine] <= own

    def join(self, key: Hashable, story: int) -> None:
        """Add the document to the story."""
        self.story_of[key] = story
        self.members[story].append(key)
        if key in self.countries:
            self.told[story][self.countries[key]] += 1
        for t in self.linkable[key]:
            self.holding[t][story] += 1

    def leave(self, key: Hashable) -> None:
        """Take the document out of its story."""
        story = self.story_of.pop(key)
        self.members[story].remove(key)
        if key in self.countries:
            self.told[story][self.countries[key]] -= 1
        for t in self.linkable[key]:
            self.holding[t][story] -= 1
            if not self.holding[t][story]:
                del self.holding[t][story]

    def move(self, key: Hashable) -> None:
        """Move the document to the story it fits best, if that is another one."""
        chosen = self.best(key)
        if chosen is not None and chosen != self.story_of[key]:
            self.leave(key)
            self.join(key, chosen)


def _units(terms: Sequence[str], units: Sequence[int] | None) -> dict[str, int]:
    """Term -> the index of the term that heads its name (itself when it stands alone)."""
    if units is None or len(units) != len(terms):
        return {term: number for number, term in enumerate(terms)}
    return {term: unit for term, unit in zip(terms, units, strict=True)}


def _order(key: Hashable) -> tuple[str, ...]:
    if isinstance(key, tuple):
        return tuple("" if part is None else f"{part:>12}" if isinstance(part, int) else str(part)
                      for part in key)
    return (str(key),)
