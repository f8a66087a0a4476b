"""Which rules exist (built-in, packs, entry points) and which a run uses."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from lint.config import Config, ConfigError
from lint.features import check_needs
from lint.packs import Pack, load_packs
from lint.plugins import RULES_GROUP, PluginError, load_plugins, where
from lint.problems import INPUT_RULES
from lint.rules import builtin_rule_classes
from lint.rules.base import Rule, RuleMeta, matches
from lint.rules.packrules import rules_from_packs

ENTRY_POINT_GROUP = RULES_GROUP
__all__ = ["RuleError", "RuleSet", "load_rule_set", "matches", "select_rules"]


class RuleError(PluginError):
    """A plugin or pack rule that cannot be used."""


@dataclass
class RuleSet:
    """The loaded packs and every rule, before selection."""

    packs: list[Pack]
    rules: list[Rule]

    def metas(self) -> list[RuleMeta]:
        """Every documented code, including the loader's input codes."""
        return sorted([*INPUT_RULES, *(r.meta for r in self.rules)], key=lambda m: m.code)

    def find(self, code_or_name: str) -> RuleMeta | None:
        wanted = code_or_name.strip()
        for meta in self.metas():
            if wanted.upper() == meta.code or wanted.lower() == meta.name:
                return meta
        return None


def _plugin_rules() -> list[Rule]:
    rules: list[Rule] = []
    for name, loaded in load_plugins(RULES_GROUP):
        try:
            rule = loaded() if isinstance(loaded, type) else loaded
        except Exception as exc:  # a broken plugin must not hide which one it was
            raise RuleError(f"plugin {name!r} ({where(loaded)}) failed to load: {exc}") from exc
        if not isinstance(rule, Rule):
            raise RuleError(f"plugin {name!r} ({where(loaded)}) is not a newslint Rule")
        rules.append(rule)
    return rules


def load_rule_set(config: Config, extra_packs: Sequence[str] = ()) -> RuleSet:
    """Load packs (built-in, config, command line) and instantiate every rule."""
    from pathlib import Path

    packs = load_packs([*config.rules, *(Path(p) for p in extra_packs)])
    rules: list[Rule] = [cls() for cls in builtin_rule_classes()]
    rules.extend(rules_from_packs(packs))
    rules.extend(_plugin_rules())
    check_needs(rules)
    seen: dict[str, str] = {m.code: "built-in" for m in INPUT_RULES}
    for rule in rules:
        origin = type(rule).__module__
        if rule.code in seen:
            raise RuleError(f"rule code {rule.code} is defined twice ({seen[rule.code]} and {origin})")
        seen[rule.code] = origin
        rule.setup(packs, config)
    metas = [*INPUT_RULES, *(rule.meta for rule in rules)]
    for rule in rules:
        rule.know_rules(metas)
    return RuleSet(packs, rules)


def validate_selectors(metas: Iterable[RuleMeta], selectors: Iterable[str], key: str) -> None:
    """Raise :class:`ConfigError` for a selector that names no rule."""
    known = list(metas)
    for selector in selectors:
        if not any(matches(m, selector) for m in known):
            raise ConfigError(f"{key}: {selector!r} does not name any rule (see 'newslint rules')")


def is_enabled(meta: RuleMeta, config: Config) -> bool:
    """Selected (or on by default), or extended, and not ignored."""
    chosen = any(matches(meta, s) for s in config.select) if config.select else meta.default_enabled
    chosen = chosen or any(matches(meta, s) for s in config.extend_select)
    return chosen and not any(matches(meta, s) for s in config.ignore)


def select_rules(rule_set: RuleSet, config: Config) -> list[Rule]:
    metas = rule_set.metas()
    validate_selectors(metas, config.select, "select")
    validate_selectors(metas, config.extend_select, "extend-select")
    validate_selectors(metas, config.ignore, "ignore")
    for glob, codes in config.per_file_ignores.items():
        validate_selectors(metas, codes, f"per-file-ignores.{glob}")
    return [r for r in rule_set.rules if is_enabled(r.meta, config)]
