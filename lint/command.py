"""What every command does before and after its own work: the config (file, then command-line
values), the rules, one run of the engine with the executor and cache the config asks for, and
the errors about paths."""

from __future__ import annotations

import gc
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import click

from lint.cli_options import apply_options
from lint.config import Config, ConfigError, find_config, read_config_file
from lint.engine import run
from lint.errors import fail
from lint.formats import READ_GLOBS
from lint.packs import PackError
from lint.plugins import PluginError
from lint.progress import ProgressBar
from lint.registry import RuleSet, load_rule_set, select_rules
from lint.result import RunResult
from lint.rules.base import Rule
from lint.runner import make_cache, make_executor


def load_config(config_path: str | None, paths: Sequence[str]) -> Config:
    if config_path:
        found = read_config_file(Path(config_path))
        if found is None:
            raise ConfigError(f"{config_path}: no [tool.newslint] table")
        return found
    start = Path(paths[0]) if paths and paths[0] != "-" else Path.cwd()
    return find_config(start if start.exists() else Path.cwd())


def load_rules(config: Config) -> RuleSet:
    try:
        return load_rule_set(config)
    except (PackError, PluginError) as exc:
        fail(str(exc))
        raise  # unreachable


def prepare(paths: Sequence[str], params: dict[str, Any]) -> tuple[Config, RuleSet, list[Rule]]:
    """The config (file, then command-line values), the loaded rules and the selected ones; a
    config or pack problem ends the run with one error line (exit 2)."""
    try:
        config = apply_options(load_config(params.get("config"), paths), params)
        rule_set = load_rules(config)
        return config, rule_set, select_rules(rule_set, config)
    except ConfigError as exc:
        fail(str(exc))
        raise  # unreachable: fail() exits


def execute(
    paths: Sequence[str], config: Config, rules: Sequence[Rule], rule_set: RuleSet,
    bar: ProgressBar,
) -> RunResult:
    """Run the engine with the executor and cache the config asks for; warnings about the run
    itself (a corrupt cache entry, an unwritable cache folder) go to stderr."""
    try:
        executor = make_executor(config)
    except ImportError as exc:
        fail(f"--executor dask needs dask.distributed ({exc}); install it with "
             "'pip install \"newslint[dask]\"'")
        raise  # unreachable
    except OSError as exc:
        fail(f"cannot reach the Dask scheduler {config.scheduler}: {exc}")
        raise  # unreachable
    cache = make_cache(config, rules, rule_set.packs, executor)
    # Modules, rules and packs live for the whole run: keep the collector off them, and let it
    # run less often (a run allocates millions of small, short-lived, acyclic objects).
    gc.freeze()
    gc.set_threshold(50_000, 20, 50)
    try:
        result = run(paths, config, rules, rule_set.packs, executor, cache, bar.update)
    finally:
        bar.close()
        cache.remove_temporary_files(getattr(executor, "killed", ()))
        cache.close()
    for note in result.notes:
        click.echo(f"newslint: warning: {note}", err=True)
    return result


def report_missing(result: RunResult) -> None:
    for path in result.missing:
        click.echo(f"newslint: error: {path}: no such file or directory", err=True)


def nothing_checked(result: RunResult, config: Config, paths: Sequence[str]) -> bool:
    """Whether the run found no article in its paths; says so on stderr. An error (exit 2)
    unless ``allow-empty``: a gate that checked nothing must not pass."""
    if result.files or result.missing:
        return False
    where = ", ".join(paths)
    if config.allow_empty:
        click.echo(f"newslint: no article to check in {where}", err=True)
        return False
    click.echo(f"newslint: error: no article to check in {where} (formats read: {', '.join(READ_GLOBS)}; "
               "--include to choose, --allow-empty to accept an empty run)", err=True)
    return True
