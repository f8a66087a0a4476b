"""Name mentions per document and the corpus name authority (index part "names")."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any

from lint.document import Document
from lint.features.base import AnalysisEnv, DocumentAnalysis, Feature, Reducer
from lint.memo import LineMemo
from lint.names.authority import NameAuthority
from lint.names.extract import Mention, NameData, line_mentions
from lint.names.fold import fold
from lint.roles import LineRoles, Role

SKIPPED_ROLES = frozenset({Role.BLANK, Role.METADATA})
MEMO_LINES = 65_536


def attach_surnames(mentions: list[Mention]) -> list[Mention]:
    """Point each surname-only mention at the one full name with that surname in the document.

    When two people in the article share the surname (Dylan White, Pat White), a bare "White"
    stays unattached: it could be either.
    """
    full: dict[str, Counter[str]] = {}
    for m in mentions:
        if m.given:
            full.setdefault(fold(m.surname), Counter())[m.surface] += 1
    out: list[Mention] = []
    for m in mentions:
        people = full.get(fold(m.surname)) if not m.given else None
        if people:
            folded = {fold(s) for s in people}
            if len(folded) == 1:
                m = m._replace(attached=people.most_common(1)[0][0])
        out.append(m)
    return out


class NamesReducer(Reducer):
    incremental = True

    def __init__(self) -> None:
        self.authority = NameAuthority()

    def add(self, analysis: DocumentAnalysis, data: Any) -> None:
        self.authority.add(analysis.path, [Mention(*m) for m in data["mentions"]])

    def remove(self, analysis: DocumentAnalysis, data: Any) -> None:
        self.authority.remove(analysis.path, [Mention(*m) for m in data["mentions"]])

    def result(self) -> dict[str, Any]:
        return self.authority.build()

    def result_for(self, analyses: Sequence[DocumentAnalysis], parts: Mapping[str, Any]) -> dict[str, Any]:
        """The entries the name rules read for these documents' mentions."""
        focus = {
            fold(Mention(*m).surname)
            for analysis in analyses
            for m in analysis.data.get(Names.key, {}).get("mentions", ())
        }
        return self.authority.build(focus)


class Names(Feature):
    """Name mentions: capitalized runs split into title, given names and surname."""

    key = "names"

    def __init__(self) -> None:
        self._data: NameData | None = None
        self._seen: LineMemo[list[Mention]] = LineMemo(MEMO_LINES)
        """Line -> its mentions (line number 0): recurring lines are read once."""

    def data(self, env: AnalysisEnv) -> NameData:
        if self._data is None:
            self._data = NameData.from_packs(env.packs)
        return self._data

    def analyze(self, document: Document, roles: LineRoles, env: AnalysisEnv) -> Any:
        data = self.data(env)
        mentions: list[Mention] = []
        for number, line in enumerate(document.lines, start=1):
            if roles[number] in SKIPPED_ROLES or not line:
                continue
            mentions.extend(self._mentions(number, line, data))
        return {"mentions": [tuple(m) for m in attach_surnames(mentions)]}

    def _mentions(self, number: int, line: str, data: NameData) -> list[Mention]:
        """:func:`line_mentions`, once per distinct line (see :class:`lint.memo.LineMemo`)."""
        found = self._seen.get(line, lambda: line_mentions(0, line, data))
        return [m._replace(line=number) for m in found]

    def reducer(self) -> Reducer:
        return NamesReducer()
