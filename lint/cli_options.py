"""Command-line options built from the settings table (``lint.config.SETTINGS``), their values
applied over the config file's, and ``--help`` with the options under headings, as ruff's.

An option exists once: its key, kind, help and heading are in the table; this module only
turns them into click options (as flake8 builds its parser and ``parse_from_config`` from one
option manager).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any

import click

from lint.config import GROUPS, SETTINGS, Config, Setting
from lint.diagnostic import Severity

F = Callable[..., Any]


class GroupedOption(click.Option):
    """An option that knows the heading it is listed under in ``--help``."""

    def __init__(self, *args: Any, group: str = "", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.group = group


class GroupedCommand(click.Command):
    """A command whose ``--help`` lists its options under the headings of :data:`GROUPS`."""

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        write_grouped_options(self, ctx, formatter)


def write_grouped_options(
    command: click.Command, ctx: click.Context, formatter: click.HelpFormatter,
    others: bool = True,
) -> None:
    """The options of ``command`` under their headings, then (with ``others``) the rest."""
    rows: dict[str, list[tuple[str, str]]] = {}
    for param in command.get_params(ctx):
        if not isinstance(param, click.Option):
            continue
        record = param.get_help_record(ctx)
        if record is not None:
            rows.setdefault(getattr(param, "group", "") or "", []).append(record)
    for group, heading in GROUPS.items():
        if rows.get(group):
            with formatter.section(heading):
                formatter.write_dl(rows[group])
    if others and rows.get(""):
        with formatter.section("Other options"):
            formatter.write_dl(rows[""])


def _click_option(setting: Setting) -> Callable[[F], F]:
    names = [f"--{setting.key}"] + ([setting.short] if setting.short else [])
    common: dict[str, Any] = {"cls": GroupedOption, "group": setting.group,
                              "help": setting.help, "metavar": setting.metavar}
    kind = setting.kind
    if kind == "flag":
        return click.option(*names, is_flag=True, default=False, **common)
    if kind == "bool":
        flags = f"--{setting.key}/--no-{setting.key}"
        return click.option(flags, *names[1:], setting.param, default=None, **common)
    if kind in ("strings", "paths"):
        value_type = click.Path() if kind == "paths" else str
        return click.option(*names, multiple=True, type=value_type, **common)
    value_types: dict[str, Any] = {
        "path": click.Path(), "string": str, "count": click.IntRange(min=setting.minimum),
        "seconds": click.FloatRange(min=0), "choice": click.Choice(setting.choices),
        "severity": click.Choice(setting.choices),
    }
    return click.option(*names, type=value_types[kind], default=None, **common)


def setting_options(command: str) -> Callable[[F], F]:
    """Decorate a command with the options of every setting it takes, in table order."""
    chosen = [s for s in SETTINGS if s.cli and command in s.commands]

    def decorate(function: F) -> F:
        for setting in reversed(chosen):
            function = _click_option(setting)(function)
        return function

    return decorate


def split(values: tuple[str, ...]) -> tuple[str, ...]:
    """Repeated and comma-separated values as one tuple."""
    return tuple(v.strip() for value in values for v in value.split(",") if v.strip())


def _config_value(setting: Setting, value: Any) -> Any:
    """A command-line value as the config holds it (None: not given)."""
    if value is None or value == ():
        return None
    kind = setting.kind
    if kind == "strings":
        return split(value) or None
    if kind == "paths":
        return tuple(Path(p) for p in value)
    if kind == "path":
        return Path(value)
    if kind == "severity":
        return Severity.parse(value)
    return value


def apply_options(config: Config, params: Mapping[str, Any]) -> Config:
    """``config`` with the command-line values of its settings applied over the file's (a
    list marked ``extend`` is added to; the others replace)."""
    changes: dict[str, Any] = {}
    for setting in SETTINGS:
        if setting.field is None or not setting.cli or setting.param not in params:
            continue
        value = _config_value(setting, params[setting.param])
        if value is None:
            continue
        if setting.extend:
            value = (*getattr(config, setting.field), *value)
        changes[setting.field] = value
    if params.get("scheduler") and not params.get("executor"):
        changes["executor"] = "dask"  # a scheduler address means a Dask run
    return replace(config, **changes)
