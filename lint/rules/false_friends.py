"""The words NL504's collocation entries name (false friends such as 'precised', 'obduction'):
a rule that would also report such a word (a misspelling, a foreign word) leaves it to NL504,
whose message says what the word is."""

from __future__ import annotations

from collections.abc import Sequence

from lint.packs import Pack, PackEntry


class FalseFriends:
    """Word -> the collocation entries that explain it, whatever the article's source
    language (entries that need a source language are left out: NL504 may not report them)."""

    def __init__(self, packs: Sequence[Pack]) -> None:
        self.entries: dict[str, list[PackEntry]] = {}
        for pack in packs:
            for entry in pack.entries:
                if entry.rule == "mt-collocation" and not entry.needs_source:
                    for word in entry.requires:
                        self.entries.setdefault(word.lower(), []).append(entry)

    def covers(self, line: str, start: int, end: int) -> bool:
        """Whether a collocation entry matches ``line[start:end]`` where it stands."""
        entries = self.entries.get(line[start:end].lower(), ())
        return any(m.start() <= start and end <= m.end()
                   for entry in entries for m in entry.finditer(line))


_BUILT: dict[tuple[int, ...], FalseFriends] = {}


def false_friends_for(packs: Sequence[Pack]) -> FalseFriends:
    """The false friends of these packs, built once per process (NL507 and NL512 share them)."""
    key = tuple(id(p) for p in packs)
    found = _BUILT.get(key)
    if found is None:
        found = _BUILT[key] = FalseFriends(packs)
    return found
