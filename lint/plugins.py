"""Plugins: what other packages add through entry points, as flake8 loads its checkers and
reporters. Three groups: ``newslint.rules`` (a ``Rule`` class or instance),
``newslint.features`` (a ``Feature`` class) and ``newslint.reporters`` (a function rendering a
run's result for a ``--format`` of the entry point's name)."""

from __future__ import annotations

import inspect
from importlib.metadata import entry_points
from typing import Any

RULES_GROUP = "newslint.rules"
FEATURES_GROUP = "newslint.features"
REPORTERS_GROUP = "newslint.reporters"


class PluginError(Exception):
    """A plugin (rule, feature or reporter) that cannot be used, or a rule that asks for
    something that does not exist; the message names the plugin and its file."""


def load_plugins(group: str) -> list[tuple[str, Any]]:
    """(entry point name, loaded object) of every plugin of ``group``."""
    loaded: list[tuple[str, Any]] = []
    for point in entry_points(group=group):
        try:
            loaded.append((point.name, point.load()))
        except Exception as exc:  # a broken plugin must not hide which one it was
            raise PluginError(f"plugin {point.name!r} ({point.value}) failed to load: {exc}") from exc
    return loaded


def where(obj: Any) -> str:
    """The module and file that define ``obj`` (its class for an instance), for messages."""
    target = obj if inspect.isclass(obj) or inspect.isfunction(obj) else type(obj)
    try:
        source = inspect.getsourcefile(target) or "?"
    except TypeError:
        source = "?"
    return f"{target.__module__}, {source}"
