"""One story's analysis: align its articles, then collect each article's odd ones out."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import NamedTuple

from lint.story.align import Alignment, Place, StoryDoc, align_story
from lint.story.evidence import StoryFinding
from lint.story.facts import fact_findings, figures_by_unit
from lint.story.figures import Figure, extract_figures
from lint.story.negation import negation_findings, polarities
from lint.story.people import PLACE_HEADS, collect, name_findings
from lint.story.places import PlaceCountries, place_findings
from lint.story.pronouns import pronoun_findings, references
from lint.story.slots import (
    INSTITUTION_HEADS,
    institution_aliases,
    institution_findings,
    institution_runs_by_node,
)
from lint.story.wording import SubstitutionMemo, substitution_findings, wording_findings


class StoryAnalysis(NamedTuple):
    """A story's findings per article, and which articles copy each other."""

    findings: list[list[StoryFinding]]
    copies: list[int]
    """Each article's copy group: the index of the first article of the group."""


def analyze_story(
    docs: Sequence[StoryDoc], roles: frozenset[str] = frozenset(),
    spelling: Mapping[str, str] | None = None, cognates: Mapping[str, str] | None = None,
    places: PlaceCountries | None = None, antonyms: Mapping[str, frozenset[str]] | None = None,
) -> StoryAnalysis:
    """The findings of each article of a story (same order as ``docs``); ``roles`` are the
    words for what a person is or does, which tell two similar names apart; ``spelling`` maps
    locale spellings to one form when sentences are paired (see :func:`align_story`);
    ``cognates`` gives given-name families across languages (see :func:`same_person`);
    ``places`` tells place names and their countries (see :mod:`lint.story.places`);
    ``antonyms`` gives the words that say each word's opposite (see :mod:`lint.story.negation`)."""
    alignment = align_story(list(docs), spelling)
    groups = alignment.groups
    figures = _figures(alignment)
    people = collect(alignment, INSTITUTION_HEADS | PLACE_HEADS, roles, cognates)
    refs = {doc: references(alignment, people, doc) for doc in range(len(docs))}
    out: list[list[StoryFinding]] = []
    named: dict[int, tuple[int, ...]] = {}
    personal = people.words_by_node(alignment)
    substitutions = SubstitutionMemo(alignment)
    paired: dict[tuple[int, int], dict[int, Figure]] = {}
    by_unit = figures_by_unit(alignment, figures, range(len(docs)))
    polarity = polarities(alignment, antonyms)
    runs = institution_runs_by_node(alignment)
    aliases = institution_aliases(alignment, runs)
    for doc in range(len(docs)):
        found = list(fact_findings(alignment, groups, doc, figures, by_unit, paired))
        found.extend(name_findings(alignment, groups, doc, people))
        found.extend(place_findings(alignment, groups, doc, places, named, personal))
        found.extend(institution_findings(alignment, groups, doc, aliases, runs))
        found.extend(pronoun_findings(alignment, groups, doc, people, refs))
        found.extend(wording_findings(alignment, groups, doc))
        found.extend(negation_findings(alignment, groups, doc, polarity, antonyms))
        found.extend(substitution_findings(alignment, groups, doc, roles, substitutions))
        out.append(sorted(found, key=lambda f: (f.start, f.end, f.kind)))
    return StoryAnalysis(out, [groups[d] for d in range(len(docs))])


def _figures(alignment: Alignment) -> dict[Place, list[Figure]]:
    by_node = [extract_figures(node.tokens) for node in alignment.nodes]
    return {place: by_node[node] for place, node in alignment.node_of.items()}
