"""The features, by key: the built-in ones and those plugins add (entry point group
``newslint.features``, a ``Feature`` subclass)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from lint.features.base import AnalysisEnv, DocumentAnalysis, Feature, Reducer
from lint.features.context import Context
from lint.features.lines import LineHashes
from lint.features.names import Names
from lint.features.quotes import Quotes
from lint.features.story import Story
from lint.features.vocab import Vocab
from lint.plugins import FEATURES_GROUP, PluginError, load_plugins, where

if TYPE_CHECKING:
    from lint.config import Config
    from lint.packs import Pack
    from lint.rules.base import Rule

FEATURES: dict[str, type[Feature]] = {
    LineHashes.key: LineHashes,
    Vocab.key: Vocab,
    Names.key: Names,
    Quotes.key: Quotes,
    Story.key: Story,
    Context.key: Context,
}
"""The built-in features."""


def available_features() -> dict[str, type[Feature]]:
    """The built-in features and the plugins' (a plugin may not reuse a built-in key)."""
    found = dict(FEATURES)
    for name, feature in load_plugins(FEATURES_GROUP):
        if not (isinstance(feature, type) and issubclass(feature, Feature)):
            raise PluginError(f"feature plugin {name!r} ({where(feature)}) is not a newslint Feature")
        if feature.key in found:
            raise PluginError(f"feature plugin {name!r} ({where(feature)}): key {feature.key!r} "
                              "is already taken")
        found[feature.key] = feature
    return found


def check_needs(rules: Sequence[Rule], known: dict[str, type[Feature]] | None = None) -> None:
    """Raise :class:`PluginError` naming the rule's file when one needs an unknown feature."""
    known = known if known is not None else available_features()
    for rule in rules:
        for key in rule.needs:
            if key not in known:
                raise PluginError(
                    f"rule {rule.code} ({where(rule)}): needs the unknown feature {key!r} "
                    f"(features: {', '.join(sorted(known))})"
                )


def make_features(rules: Sequence[Rule], config: Config, packs: Sequence[Pack]) -> list[Feature]:
    """The features the rules need, configured, in key order."""
    known = available_features()
    check_needs(rules, known)
    features = [known[key]() for key in sorted({key for rule in rules for key in rule.needs})]
    for feature in features:
        feature.configure(config, packs)
    return features


__all__ = [
    "FEATURES", "AnalysisEnv", "DocumentAnalysis", "Feature", "Reducer", "available_features",
    "check_needs", "make_features",
]
