"""One settings table (lint.config.SETTINGS) from which both the config keys and the command-line
options are built: every setting exists once, and a value means the same in either place."""

from __future__ import annotations

from dataclasses import fields
from pathlib import Path
from typing import Any

import click
import pytest

from lint.cli import main
from lint.cli_options import apply_options
from lint.config import CONFIG_KEYS, OUTPUT_FORMATS, SETTINGS, Config, ConfigError, parse_table
from lint.diagnostic import Severity
from lint.report import FORMATS


def test_every_config_field_is_one_setting() -> None:
    by_field = [s.field for s in SETTINGS if s.field is not None]
    assert len(by_field) == len(set(by_field))  # no field declared twice
    assert set(by_field) == {f.name for f in fields(Config)} - {"source"}
    keys = [s.key for s in SETTINGS]
    assert len(keys) == len(set(keys))


def test_every_command_line_setting_is_an_option_of_its_commands() -> None:
    for setting in SETTINGS:
        for name in setting.commands:
            command = main.commands[name]
            options = {o for p in command.params if isinstance(p, click.Option) for o in p.opts}
            assert (f"--{setting.key}" in options) is setting.cli, (setting.key, name)


def test_the_output_formats_are_the_reporters() -> None:
    assert FORMATS == OUTPUT_FORMATS


def _from_cli(args: list[str]) -> dict[str, Any]:
    """The parameters ``newslint check`` receives for ``args``."""
    command = main.commands["check"]
    with command.make_context("check", args) as ctx:
        return dict(ctx.params)


@pytest.mark.parametrize(("toml", "args"), [
    ({"jobs": 3}, ["--jobs", "3"]),
    ({"fail-on": "error"}, ["--fail-on", "error"]),
    ({"select": ["NL1", "NL301"]}, ["--select", "NL1,NL301"]),
    ({"locale": "en-GB"}, ["--locale", "en-GB"]),
    ({"cache": False}, ["--no-cache"]),
    ({"nlp-time-limit": 2.5}, ["--nlp-time-limit", "2.5"]),
    ({"executor": "dask", "scheduler": "tcp://127.0.0.1:1"}, ["--scheduler", "tcp://127.0.0.1:1"]),
    ({"max-file-size": 1000}, ["--max-file-size", "1000"]),
    ({"allow-empty": True}, ["--allow-empty"]),
])
def test_a_value_means_the_same_in_config_and_on_the_command_line(
    tmp_path: Path, toml: dict[str, Any], args: list[str]
) -> None:
    source = tmp_path / "newslint.toml"
    from_file = parse_table(toml, source)
    from_cli = apply_options(Config(source=source), _from_cli(args))
    assert from_file == from_cli


def test_lists_marked_extend_add_to_the_config() -> None:
    config = Config(ignore=("NL305",), exclude=("drafts/",), rules=(Path("house.toml"),))
    merged = apply_options(config, _from_cli(["--ignore", "NL1", "--exclude", "old/",
                                              "--rules", "more.toml", "--select", "NL3"]))
    assert merged.ignore == ("NL305", "NL1") and merged.exclude == ("drafts/", "old/")
    assert merged.rules == (Path("house.toml"), Path("more.toml"))
    assert merged.select == ("NL3",)  # select replaces
    assert merged.fail_on is Severity.WARNING  # not given: the config's value stays


def test_config_paths_are_relative_to_the_config_file(tmp_path: Path) -> None:
    config = parse_table({"corpus": ["articles"], "cache-dir": ".c", "baseline": "b.json"},
                         tmp_path / "newslint.toml")
    assert config.corpus == (tmp_path / "articles",)
    assert config.cache_dir == tmp_path / ".c" and config.baseline == tmp_path / "b.json"


def test_older_keys_and_snake_case_are_read() -> None:
    old = parse_table({"jsonl_text_field": "body", "jsonl-id-field": "guid"}, Path("x.toml"))
    new = parse_table({"text-field": "body", "id-field": "guid"}, Path("x.toml"))
    assert old == new and new.jsonl_text_field == "body"


@pytest.mark.parametrize("key", ["format", "fix", "output-file", "selekt"])
def test_command_line_only_options_and_unknown_keys_are_not_config_keys(key: str) -> None:
    assert key not in CONFIG_KEYS
    with pytest.raises(ConfigError, match=f"unknown key '{key}'"):
        parse_table({key: "x"}, Path("newslint.toml"))
