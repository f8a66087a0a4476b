"""Rules declared in TOML packs: existence (report a match) and substitution (suggest a fix)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from lint.diagnostic import Diagnostic, Edit, Fix, Severity
from lint.memo import LineMemo
from lint.packs import LineFacts, Pack, PackEntry, PackRuleSpec
from lint.roles import CHROME_ROLES, Role
from lint.rules.base import Rule, RuleContext, RuleMeta, line_deletion

MEMO_LINES = 4_096
"""Lines each pack rule remembers (it has many siblings: see :mod:`lint.memo`)."""
Spans = tuple[tuple[int, int, str], ...]
"""The spans an entry matched on a line, each with its replacement expanded."""
LineHit = tuple[PackEntry, Spans]
LineHits = tuple[LineHit, ...]
"""What the entries matched on a line: the first entry only for an existence rule (a line is
chrome once), every entry for a substitution rule (a line may hold two slips)."""


class PackRule(Rule):
    """A rule whose phrases or patterns are pack entries."""

    def __init__(self, spec: PackRuleSpec, entries: Sequence[PackEntry]) -> None:
        self.spec = spec
        self.entries = tuple(entries)
        self.skip_roles = frozenset(Role(r) for r in spec.skip_roles)
        self._seen: LineMemo[LineHits] = LineMemo(MEMO_LINES)
        self._gate: tuple[str, ...] | None = (
            tuple(sorted({r.lower() for e in self.entries for r in e.requires}))
            if self.entries and all(e.requires for e in self.entries) else None
        )
        """Every entry's ``requires`` literals, lowercased, when every entry has some: a line
        that holds none of them is skipped at once (most lines, for most rules)."""
        self.meta = RuleMeta(
            code=spec.code,
            name=spec.name,
            severity=Severity.parse(spec.severity),
            summary=spec.summary,
            what=spec.what,
            why=spec.why,
            example=spec.example,
            category=spec.category,
            fixable=True,
            default_enabled=spec.default_enabled,
        )

    def check(self, ctx: RuleContext) -> Iterable[Diagnostic]:
        doc = ctx.document
        for number, line in enumerate(doc.lines, start=1):
            role = ctx.roles[number]
            if role is Role.BLANK or role in self.skip_roles:
                continue
            for hit in self._line_hits(line, ctx.roles.hints.get(number)):
                yield from self._report(ctx, number, line, *hit)

    def _line_hits(self, line: str, hint: str | None) -> LineHits:
        """The entries that match the line and their matches' spans (with the fixed text of
        each), once per distinct line and role hint (see :mod:`lint.memo`): a line that many
        pages repeat (a wire paragraph, a site's footer) is searched once."""
        return self._seen.get(line, lambda: self._search(line, hint), hint)

    def _search(self, line: str, hint: str | None) -> LineHits:
        lower = line.lower()
        if self._gate is not None and not any(literal in lower for literal in self._gate):
            return ()
        facts: LineFacts | None = None  # computed once, when an entry first needs it
        hits: list[LineHit] = []
        taken: list[tuple[int, int]] = []
        for entry in self.entries:
            if entry.role and entry.id != hint:
                continue  # the role pass tried every role entry: only its first match counts
            if facts is None and not entry.plain_search:
                facts = LineFacts.of(line, lower)
            found = [m for m in entry.finditer(line, facts, lower)
                     if not any(a < m.end() and m.start() < b for a, b in taken)]
            if not found:
                continue
            hits.append((entry, tuple((*m.span(), m.expand(entry.replacement or "")) for m in found)))
            if self.spec.kind != "substitution":
                break
            taken.extend(m.span() for m in found)
        return tuple(hits)

    def _report(
        self, ctx: RuleContext, number: int, line: str, entry: PackEntry, found: Spans
    ) -> Iterable[Diagnostic]:
        doc = ctx.document
        base = doc.line_start(number) + _matched_from(entry, line)
        message = entry.message or self.spec.summary
        if self.spec.kind == "substitution":
            for start, end, fixed in found:
                if entry.replacement is None:  # the message says what to write; no fix
                    yield self.diagnostic(ctx, base + start, base + end, message)
                    continue
                fix = Fix((Edit(base + start, base + end, fixed),), safe=entry.safe_fix,
                          description=f"replace with {fixed!r}")
                yield self.diagnostic(
                    ctx, base + start, base + end, f"{message}: use {fixed!r}",
                    suggestion=fixed, fix=fix,
                )
            return
        line_start = doc.line_start(number)
        if (entry.role and Role(entry.role) in CHROME_ROLES) or entry.mode == "line":
            leading = len(line) - len(line.lstrip())
            yield self.diagnostic(
                ctx, line_start + leading, line_start + len(line.rstrip()), message,
                suggestion="", fix=line_deletion(ctx, number),
            )
            return
        start, end, _ = found[0]
        yield self.diagnostic(
            ctx, base + start, base + end, message, suggestion="",
            fix=_deletion(ctx, number, line, base - line_start + start, base - line_start + end),
        )


def _matched_from(entry: PackEntry, line: str) -> int:
    """Where the text the entry matched against starts in the line: line and start modes
    match the line without its leading whitespace, so their spans start that much later."""
    return len(line) - len(line.lstrip()) if entry.mode in ("line", "start") else 0


def _deletion(ctx: RuleContext, number: int, line: str, start: int, end: int) -> Fix:
    """Delete ``line[start:end]`` with the spaces between it and the rest of the line (the
    spaces before it at the end of a line, after it elsewhere); the whole line when nothing
    else is left on it."""
    before, after = line[:start], line[end:]
    if not before.strip() and not after.strip():
        return line_deletion(ctx, number)
    if not before.strip():
        start = 0
    if after.strip():
        end += len(after) - len(after.lstrip())
    else:
        start = len(before.rstrip())
        end = len(line)
    base = ctx.document.line_start(number)
    return Fix((Edit(base + start, base + end, ""),), safe=True, description="delete it")


def rules_from_packs(packs: Sequence[Pack]) -> list[Rule]:
    """One rule object per ``[[rules]]`` table, with the entries that name it."""
    rules: list[Rule] = []
    for pack in packs:
        for spec in pack.rules:
            entries = [
                e for p in packs for e in p.entries if e.rule in (spec.name, spec.code)
            ]
            rules.append(PackRule(spec, entries))
    return rules
