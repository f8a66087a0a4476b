"""What a story finding carries: where, what is wrong, how sure, and the siblings that say so."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Mapping, Sequence
from typing import NamedTuple, TypeVar

from lint.story.align import Alignment, Place

WARNING_SHARE = 2 / 3
"""The other articles' wording must hold at least this share of the siblings that have one."""
MIN_AGREEING = 2
"""...and be printed by at least this many independent articles."""


class Witness(NamedTuple):
    """Evidence in another article: where, and what it says there."""

    path: str
    record: int | None
    line: int
    column: int
    text: str


class StoryFinding(NamedTuple):
    """An odd one out in a story, ready for a corpus rule to report (document offsets)."""

    kind: str
    """figure, date, name, institution, wording, pronoun, negation (and the kinds their rules add)"""
    start: int
    end: int
    message: str
    severity: str
    """"warning" when independent siblings agree against this article, else "info"."""
    suggestion: str | None
    witnesses: tuple[Witness, ...]


V = TypeVar("V")


class Verdict(NamedTuple):
    """How the siblings vote on one slot."""

    severity: str
    """"warning", "info" or "" (nothing to report)"""
    value: object
    """The value most siblings give instead (a representative)."""
    agreeing: tuple[int, ...]
    """The story articles (indexes) that give it."""
    same: int
    """Independent witnesses that give this article's value."""
    total: int
    """Independent witnesses with a value for the slot."""
    top: int = 0
    """Independent witnesses that give the other value (the rest give a third one, or this)."""


def vote(
    own: V,
    values: Mapping[int, V],
    same: Callable[[V, V], bool],
    group_of: Mapping[int, Hashable],
    own_group: Hashable,
) -> Verdict:
    """Compare this article's value of a slot with the siblings' values.

    Articles that copy each other (a wire story and the sites that republish it) are one
    witness: ``group_of`` maps each article to its group, and a group's articles that give the
    same value count once. A copy of this article that agrees with it is no evidence at all; one
    that differs is. A warning needs at least two independent siblings agreeing on another
    value, at least two thirds of those with a value, and none for this one. One sibling
    against it is info; so is a majority too small for a warning, when no witness gives a third
    value. When the witnesses disagree among themselves, or more articles print this value
    than the other, there is nothing to report.
    """
    entries, differing = _entries(own, values, same, group_of, own_group)
    total = len(entries)
    agree_own = sum(1 for _, v, _ in entries if same(own, v))
    classes = _classes(own, entries, same)
    if not classes:
        return Verdict("", None, (), agree_own, total)
    classes.sort(key=lambda bucket: -len(bucket))
    top = classes[0]
    agreeing = tuple(sorted(doc for _, _, docs in top for doc in docs))
    if agree_own:
        severity = "info" if len(top) > agree_own else ""
    elif (len(top) >= MIN_AGREEING and len(top) >= WARNING_SHARE * total) or _deviant_copy(own, values, same, group_of, own_group):
        severity = "warning"
    else:
        severity = "info"
    if severity == "info" and _nothing_to_say(own, values, same, differing, len(top) < total, len(agreeing)):
        severity = ""
    return Verdict(severity, top[0][1], agreeing, agree_own, total, len(top))


_Entry = tuple[Hashable, V, list[int]]
"""A witness: its group, its value and the articles of the group that give it."""


def _entries(
    own: V, values: Mapping[int, V], same: Callable[[V, V], bool],
    group_of: Mapping[int, Hashable], own_group: Hashable,
) -> tuple[list[_Entry[V]], list[V]]:
    """The independent witnesses, and the distinct values that differ from this article's."""
    entries: list[_Entry[V]] = []
    by_group: dict[Hashable, list[_Entry[V]]] = {}  # a value is merged only within its group
    for doc in sorted(values):
        group, value = group_of.get(doc, doc), values[doc]
        if group == own_group and same(own, value):
            continue
        kin = by_group.setdefault(group, [])
        for entry in kin:
            if same(entry[1], value):
                entry[2].append(doc)
                break
        else:
            kin.append((group, value, [doc]))
            entries.append(kin[-1])
    differing = _distinct([v for _, v, _ in entries if not same(own, v)])
    # a value alike to both sides (a fragment that both wordings contain) is no evidence
    entries = [e for e in entries if not (same(own, e[1]) and any(same(e[1], v) for v in differing))]
    return entries, differing


def _distinct(values: list[V]) -> list[V]:
    """``values`` with equal ones once (all of them when a value cannot be hashed), so a test
    against each costs one call per distinct value: a wire story's hundred copies are one."""
    try:
        return list(dict.fromkeys(values))
    except TypeError:
        return values


def _classes(own: V, entries: list[_Entry[V]], same: Callable[[V, V], bool]) -> list[list[_Entry[V]]]:
    """The witnesses that differ from this article, in classes of alike values."""
    classes: list[list[_Entry[V]]] = []
    for entry in entries:
        if same(own, entry[1]):
            continue
        for bucket in classes:
            if same(bucket[0][1], entry[1]):
                bucket.append(entry)
                break
        else:
            classes.append([entry])
    return classes


def _nothing_to_say(
    own: V, values: Mapping[int, V], same: Callable[[V, V], bool], differing: list[V],
    divided: bool, agreeing: int,
) -> bool:
    """Whether an info verdict is withdrawn: the witnesses disagree among themselves
    (``divided``: independent wordings, no odd one), or more articles print this value than the
    other."""
    if divided:
        return True
    neutral = {doc for doc in values if same(own, values[doc]) and any(same(values[doc], v) for v in differing)}
    backing = sum(1 for doc, v in values.items() if doc not in neutral and same(own, v))
    return 1 + backing > agreeing


def _deviant_copy(
    own: V, values: Mapping[int, V], same: Callable[[V, V], bool],
    group_of: Mapping[int, Hashable], own_group: Hashable,
) -> bool:
    """This article copies a story that at least two other copies print alike, and it alone
    changed the slot (a site that altered a wire story it otherwise reprints)."""
    copies = [values[d] for d in values if group_of.get(d, d) == own_group]
    if len(copies) < MIN_AGREEING or any(same(own, v) for v in copies):
        return False
    return all(same(copies[0], v) for v in copies[1:])


def translated_alike(alignment: Alignment, doc: int, verdict: Verdict) -> bool:
    """The siblings that give the other value are independent texts (none of them copies
    another or is republished in the story: a wire text, whose wording its copies print as it
    stands) parallel to article ``doc`` (see :meth:`Alignment.parallel`). In an article about a
    country that writes another language they are then so many translations of one source."""
    members = alignment.members()
    return bool(verdict.agreeing) and all(
        len(members[alignment.groups.get(d, d)]) == 1 for d in verdict.agreeing
    ) and alignment.parallel(doc, verdict.agreeing)


def witness(alignment: Alignment, place: Place, start: int, end: int) -> Witness:
    """The sibling's sentence ``place`` as evidence, pointing at characters start..end of it."""
    doc = alignment.docs[place.doc]
    sentence = alignment.sentence(place)
    path, record = doc.key
    return Witness(path, record, sentence.line, sentence.column + start, sentence.text[start:end])


def other_articles(verdict: Verdict) -> str:
    """'3 other articles', or '3 other articles (2 independent)' when copies of one another
    are among them: a wire story and the sites that republish it are one witness in the vote."""
    count = len(verdict.agreeing)
    text = f"{count} other article{'s' if count != 1 else ''}"
    return text + (f" ({verdict.top} independent)" if 0 < verdict.top < count else "")


def describe(witnesses: Sequence[Witness], shown: int = 3) -> str:
    """'a.txt:3, b.txt:7 and 2 more'."""
    from lint.discover import display_path

    names = [f"{display_path(w.path)}{'' if w.record is None else f'#{w.record}'}:{w.line}" for w in witnesses[:shown]]
    more = len(witnesses) - shown
    if more > 0:
        names.append(f"{more} more")
    return ", ".join(names[:-1]) + (" and " if len(names) > 1 else "") + names[-1] if names else ""
