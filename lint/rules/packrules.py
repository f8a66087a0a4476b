"""Rules declared in TOML packs: existence (report a match) and substitution (suggest a fix)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from lint.diagnostic import Diagnostic, Edit, Fix, Severity
from lint.packs import Pack, PackEntry, PackRuleSpec
from lint.roles import CHROME_ROLES, Role
from lint.rules.base import Rule, RuleContext, RuleMeta, line_deletion


class PackRule(Rule):
    """A rule whose phrases or patterns are pack entries."""

    def __init__(self, spec: PackRuleSpec, entries: Sequence[PackEntry]) -> None:
        self.spec = spec
        self.entries = tuple(entries)
        self.skip_roles = frozenset(Role(r) for r in spec.skip_roles)
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
            hint = ctx.roles.hints.get(number)
            for entry in self.entries:
                if entry.role and entry.id != hint:
                    continue  # the role pass tried every role entry: only its first match counts
                found = list(entry.finditer(line))
                if not found:
                    continue
                yield from self._report(ctx, number, line, entry, found)
                break

    def _report(
        self, ctx: RuleContext, number: int, line: str, entry: PackEntry, found: list[object]
    ) -> Iterable[Diagnostic]:
        doc = ctx.document
        base = doc.line_start(number)
        message = entry.message or self.spec.summary
        if self.spec.kind == "substitution":
            for match in found:
                start, end = match.span()  # type: ignore[attr-defined]
                fixed = match.expand(entry.replacement or "")  # type: ignore[attr-defined]
                fix = Fix((Edit(base + start, base + end, fixed),), safe=entry.safe_fix,
                          description=f"replace with {fixed!r}")
                yield self.diagnostic(
                    ctx, base + start, base + end, f"{message}: use {fixed!r}",
                    suggestion=fixed, fix=fix,
                )
            return
        if (entry.role and Role(entry.role) in CHROME_ROLES) or entry.mode == "line":
            leading = len(line) - len(line.lstrip())
            yield self.diagnostic(
                ctx, base + leading, base + len(line.rstrip()), message,
                suggestion="", fix=line_deletion(ctx, number),
            )
            return
        first = found[0]
        start, end = first.span()  # type: ignore[attr-defined]
        yield self.diagnostic(
            ctx, base + start, base + end, message, suggestion="",
            fix=Fix((Edit(base + start, base + end, ""),), safe=True, description="delete it"),
        )


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
