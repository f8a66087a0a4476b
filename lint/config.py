"""Configuration: ``[tool.newslint]`` in pyproject.toml or a ``newslint.toml``.

The file is found by walking up from the first checked path. Keys are kebab-case (snake_case is
accepted too); unknown keys and bad values are errors that name the file and the key.
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any, Literal

from lint.allowlist import Allowance, parse_allow
from lint.diagnostic import Severity
from lint.formats import READ_GLOBS, JsonlFields
from lint.score import Scoring

CONFIG_FILES = ("newslint.toml", ".newslint.toml", "pyproject.toml")
LOCALES = ("en-CA", "en-GB", "en-US", "en-AU", "en-IN", "en-IE", "en-NZ", "en-ZA")
EXECUTORS = ("local", "dask")
OUTPUT_FORMATS = ("text", "json", "jsonl", "sarif", "github", "junit", "gitlab", "rdjson")
RUN_ONLY = frozenset({
    "source", "fail_on", "scoring", "baseline", "jobs", "cache", "cache_dir", "executor",
    "scheduler", "corpus", "include", "exclude", "allow_empty",
})
"""Settings that change how a run executes, which files it reads or how it reports, not what
the rules find in a file (the cache keys files and corpora by their content)."""


class ConfigError(Exception):
    """A configuration problem, with the file and key at fault."""


@dataclass(frozen=True)
class Vocabulary:
    """Accepted spellings are never reported; rejected ones always are, with their fix."""

    accept: frozenset[str] = frozenset()
    reject: dict[str, str] = field(default_factory=dict)



@dataclass(frozen=True)
class Config:
    """Every setting newslint reads, with its default."""

    select: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    per_file_ignores: dict[str, tuple[str, ...]] = field(default_factory=dict)
    fail_on: Severity = Severity.WARNING
    rules: tuple[Path, ...] = ()
    locale: str | None = None
    include: tuple[str, ...] = READ_GLOBS
    exclude: tuple[str, ...] = ()
    encoding: str | None = None
    max_file_size: int = 64 * 1024 * 1024
    spacy_model: str | None = None
    languagetool_url: str | None = None
    vocabulary: Vocabulary = field(default_factory=Vocabulary)
    chrome_min_documents: int = 3
    stories: bool = True
    """Group articles into stories and compare each with its siblings (docs/stories.md)."""
    story_min_shared: int = 4
    """Rare terms (names, figures, rare words) an article must share with a story to join it."""
    corpus: tuple[Path, ...] = ()
    baseline: Path | None = None
    jsonl_text_field: str = "text"
    jsonl_id_field: str = "id"
    jsonl_source_field: str = "source"
    jsonl_url_field: str = "url"
    allow: tuple[Allowance, ...] = ()
    """Findings accepted in config (``[[tool.newslint.allow]]``)."""
    allow_empty: bool = False
    """Whether a run whose paths hold no article exits 0 instead of 2."""
    scoring: Scoring = field(default_factory=Scoring)
    nlp_time_limit: float = 60.0
    """Seconds of spaCy parsing per file before its parse-based rules stop (0: no limit)."""
    jobs: int = 0
    """Worker processes (0: one per core)."""
    cache: bool = True
    cache_dir: Path | None = None
    executor: str = "local"
    scheduler: str | None = None
    source: Path | None = None

    @property
    def jsonl_fields(self) -> JsonlFields:
        """The JSONL field names as one value for the loader."""
        return JsonlFields(
            self.jsonl_text_field, self.jsonl_id_field, self.jsonl_source_field,
            self.jsonl_url_field,
        )

    def fingerprint(self) -> str:
        """A string that changes whenever a setting that affects results changes."""
        parts = [
            f"{f.name}={getattr(self, f.name)!r}" for f in fields(self) if f.name not in RUN_ONLY
        ]
        return "|".join(parts)


def _as_strings(source: Path, key: str, value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(value)
    raise ConfigError(f"{source}: key {key!r}: expected a list of strings")


def _as_int(source: Path, key: str, value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ConfigError(f"{source}: key {key!r}: expected a non-negative integer")
    return value


def _as_str(source: Path, key: str, value: Any) -> str:
    if not isinstance(value, str):
        raise ConfigError(f"{source}: key {key!r}: expected a string")
    return value


def _as_seconds(source: Path, key: str, value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0:
        raise ConfigError(f"{source}: key {key!r}: expected a non-negative number of seconds")
    return float(value)


def _as_bool(source: Path, key: str, value: Any) -> bool:
    if not isinstance(value, bool):
        raise ConfigError(f"{source}: key {key!r}: expected true or false")
    return value


def _per_file_ignores(source: Path, key: str, value: Any) -> dict[str, tuple[str, ...]]:
    if not isinstance(value, dict):
        raise ConfigError(f"{source}: key {key!r}: expected a table of glob = [codes]")
    return {glob: _as_strings(source, f"{key}.{glob}", codes) for glob, codes in value.items()}


def _scoring(source: Path, key: str, value: Any) -> Scoring:
    if not isinstance(value, dict):
        raise ConfigError(f"{source}: key {key!r}: expected a table")
    try:
        return Scoring.from_table(value)
    except ValueError as exc:
        raise ConfigError(f"{source}: [tool.newslint.scoring]: {exc}") from None


def _allow(source: Path, key: str, value: Any) -> tuple[Allowance, ...]:
    try:
        return parse_allow(value, f"[[tool.newslint.{key}]]")
    except ValueError as exc:
        raise ConfigError(f"{source}: {exc}") from None


def parse_value(setting: Setting, value: Any, source: Path, key: str) -> Any:
    """A config file's value for ``setting``, checked and converted (paths are relative to the
    file's folder); :class:`ConfigError` naming the file and the key when it is wrong."""
    kind, base = setting.kind, source.parent
    if kind == "strings":
        return _as_strings(source, key, value)
    if kind == "paths":
        return tuple(base / p for p in _as_strings(source, key, value))
    if kind == "path":
        return base / _as_str(source, key, value)
    if kind == "string":
        return _as_str(source, key, value)
    if kind == "count":
        return _as_int(source, key, value)
    if kind == "seconds":
        return _as_seconds(source, key, value)
    if kind == "bool":
        return _as_bool(source, key, value)
    if kind in ("choice", "severity"):
        chosen = _as_str(source, key, value)
        if chosen not in setting.choices:
            raise ConfigError(f"{source}: key {key!r}: expected one of {', '.join(setting.choices)}")
        return Severity.parse(chosen) if kind == "severity" else chosen
    assert setting.table is not None, setting.key
    return setting.table(source, key, value)


def parse_table(table: dict[str, Any], source: Path) -> Config:
    """Turn a ``[tool.newslint]`` table into a :class:`Config` (keys and values from
    :data:`SETTINGS`; an unknown key is an error)."""
    values: dict[str, Any] = {"source": source}
    for raw_key, value in table.items():
        setting = CONFIG_KEYS.get(raw_key.replace("_", "-"))
        if setting is None or setting.field is None:
            raise ConfigError(f"{source}: unknown key {raw_key!r} in [tool.newslint]")
        values[setting.field] = parse_value(setting, value, source, raw_key)
    return Config(**values)


def _vocabulary(source: Path, key: str, value: Any) -> Vocabulary:
    if not isinstance(value, dict):
        raise ConfigError(f"{source}: key {key!r}: expected a table with 'accept' and 'reject'")
    unknown = set(value) - {"accept", "reject"}
    if unknown:
        raise ConfigError(f"{source}: unknown key {key}.{sorted(unknown)[0]!r}")
    accept = frozenset(_as_strings(source, f"{key}.accept", value.get("accept", [])))
    reject = value.get("reject", {})
    if not isinstance(reject, dict) or not all(isinstance(v, str) for v in reject.values()):
        raise ConfigError(f"{source}: key {key}.reject: expected a table of wrong = \"right\"")
    return Vocabulary(accept, dict(reject))


Group = Literal["input", "rules", "output", "fixes", "run"]
GROUPS: dict[Group, str] = {
    "input": "Input: what to check and how to read it",
    "rules": "Rules: which rules run, with what data",
    "output": "Output: what is reported, where and how",
    "fixes": "Fixes",
    "run": "Run: workers, cache and configuration",
}
"""The headings of ``newslint check --help``, in order."""

Kind = Literal[
    "strings", "paths", "path", "string", "count", "seconds", "bool", "choice", "severity",
    "table", "flag",
]


@dataclass(frozen=True)
class Setting:
    """One setting, declared once: its config key, its command-line option, or both.

    ``kind`` says how a value is read: a list of strings (``--opt`` repeatable and
    comma-separated on the command line), paths (relative to the config file), a string, a
    non-negative count or number of seconds, a boolean (``--opt/--no-opt``), one of
    ``choices``, a severity, a table (config only, read by ``table``), or a flag (command line
    only).
    """

    key: str
    """kebab-case: the config key and the long option (``--key``)."""
    kind: Kind
    group: Group
    help: str
    field: str | None = None
    """The :class:`Config` field it sets; None for a command-line-only option."""
    cli: bool = True
    """Whether it is a command-line option (False: a config key only)."""
    commands: tuple[str, ...] = ("check", "report", "allow", "clean")
    """The commands that take the option (default: every command that checks articles)."""
    choices: tuple[str, ...] = ()
    short: str | None = None
    extend: bool = False
    """On the command line, add to the config's list instead of replacing it."""
    minimum: int = 0
    aliases: tuple[str, ...] = ()
    """Older config keys still read."""
    table: Callable[[Path, str, Any], Any] | None = None
    metavar: str | None = None

    @property
    def param(self) -> str:
        """The name of the command's parameter."""
        return self.key.replace("-", "_")


def _setting(key: str, kind: Kind, group: Group, help: str, **more: Any) -> Setting:
    """A setting that is both a config key and a command-line option (unless ``cli=False``)."""
    return Setting(key, kind, group, help, field=more.pop("field", key.replace("-", "_")), **more)


def _option(key: str, kind: Kind, group: Group, help: str, **more: Any) -> Setting:
    """A command-line option that is not a config key."""
    return Setting(key, kind, group, help, field=None, **more)


SETTINGS: tuple[Setting, ...] = (
    # input
    _setting("include", "strings", "input", "File globs to check in folders (default: every "
             "format newslint reads).", metavar="GLOB"),
    _setting("exclude", "strings", "input", "Globs of files or folders to skip (added to the "
             "config's).", extend=True, metavar="GLOB"),
    _setting("corpus", "paths", "input", "Corpus root to compare with (repeatable; its files "
             "are analysed, only PATHS are reported on).", metavar="PATH"),
    _setting("encoding", "string", "input", "Decode files with this encoding instead of UTF-8."),
    _setting("max-file-size", "count", "input", "Skip files over this many bytes.", minimum=1,
             metavar="BYTES"),
    _setting("text-field", "string", "input", "The field holding the article in JSONL records "
             "and Parquet or dataset rows (default: text).", field="jsonl_text_field",
             cli=False, aliases=("jsonl-text-field",)),
    _setting("id-field", "string", "input", "The field naming a record in output (default: "
             "id, else the url field).", field="jsonl_id_field", cli=False,
             aliases=("jsonl-id-field",)),
    _setting("source-field", "string", "input", "The field naming a record's outlet.",
             field="jsonl_source_field", cli=False, aliases=("jsonl-source-field",)),
    _setting("url-field", "string", "input", "The field holding a record's URL.",
             field="jsonl_url_field", cli=False, aliases=("jsonl-url-field",)),
    _setting("allow-empty", "bool", "input", "Exit 0 when the paths hold no article to check "
             "(default: exit 2, a run that checks nothing is an error).",
             commands=("check", "report")),
    _option("skip-outside-corpus", "flag", "input", "Silently skip given files outside the "
            "corpus roots or not matching --include (for pre-commit).", commands=("check",)),
    _option("stdin-filename", "string", "input", "With PATH '-': the name of the article read "
            "from standard input (its format, and the name shown and matched by "
            "per-file-ignores).", commands=("check",), metavar="PATH"),
    # rules
    _setting("select", "strings", "rules", "Only these rules: codes, prefixes (NL1) or names; "
             "comma-separated.", metavar="RULES"),
    _setting("extend-select", "strings", "rules", "Rules to add to the selection.",
             metavar="RULES"),
    _setting("ignore", "strings", "rules", "Rules to skip: codes, prefixes or names (added to "
             "the config's).", extend=True, metavar="RULES"),
    _setting("per-file-ignores", "table", "rules", "Rules to skip in files matching a glob.",
             cli=False, table=_per_file_ignores),
    _setting("rules", "paths", "rules", "Extra rule pack: a TOML file or a folder of them "
             "(added to the config's).", extend=True,
             commands=("check", "report", "allow", "rules", "explain"), metavar="PACK"),
    _setting("locale", "choice", "rules", "Spelling locale of the corpus (default: the "
             "corpus majority).", choices=LOCALES),
    _setting("vocabulary", "table", "rules", "Accepted and rejected spellings.", cli=False,
             table=_vocabulary),
    _setting("allow", "table", "rules", "Accepted findings, by file, rule and text.",
             cli=False, table=_allow),
    _setting("spacy-model", "string", "rules", "The spaCy pipeline to load.", cli=False),
    _setting("languagetool-url", "string", "rules", "A LanguageTool server (turns on NL508).",
             cli=False),
    _setting("chrome-min-documents", "count", "rules", "NL110: a short line in this many "
             "files is chrome.", cli=False),
    _setting("stories", "bool", "rules", "Group articles into stories and compare each with "
             "its siblings (default: on; docs/stories.md).", cli=False),
    _setting("story-min-shared", "count", "rules", "Rare terms (names, figures, rare words) an "
             "article must share with a story to join it (default: 4).", cli=False, minimum=1),
    _setting("scoring", "table", "rules", "Weights and thresholds of the reliability score.",
             cli=False, table=_scoring),
    # output
    _option("format", "choice", "output", "Output format.", choices=OUTPUT_FORMATS,
            commands=("check",)),
    _option("output-file", "path", "output", "Write the output to this file instead of "
            "standard output.", short="-o", commands=("check",), metavar="FILE"),
    _setting("fail-on", "severity", "output", "Lowest severity that makes the exit code 1 "
             "(default: warning).", choices=("error", "warning", "info"), commands=("check",)),
    _option("statistics", "flag", "output", "Print counts per rule, with the total and how "
            "many are fixable, instead of each finding.", commands=("check",)),
    _option("quiet", "flag", "output", "No summary: the findings only.", short="-q",
            commands=("check",)),
    _option("show-source", "bool", "output", "Show the line under each finding (default: on "
            "a terminal).", commands=("check",)),
    _option("color", "choice", "output", "Colour: auto (on a terminal, unless NO_COLOR is "
            "set), always or never.", choices=("auto", "always", "never"),
            commands=("check", "report")),
    _option("reliability", "flag", "output", "Print the reliability summary (scores of the "
            "least reliable articles) after the findings.", commands=("check",)),
    _setting("baseline", "path", "output", "Report only findings not recorded in this "
             "baseline file.", commands=("check",), metavar="FILE"),
    _option("write-baseline", "path", "output", "Record the current findings in this file "
            "(replacing it) and exit 0.", commands=("check",), metavar="FILE"),
    # fixes
    _option("fix", "flag", "fixes", "Apply safe fixes in place, then report what is left.",
            commands=("check",)),
    _option("unsafe-fixes", "flag", "fixes", "With --fix or --diff, apply unsafe fixes too.",
            commands=("check",)),
    _option("diff", "flag", "fixes", "Print a unified diff of the fixes instead of writing "
            "them.", commands=("check",)),
    _option("force", "flag", "fixes", "With --fix, fix read-only files too. Fixes never write "
            "through symbolic links: a linked file, or one that a linked folder leads to outside "
            "PATHS, is skipped with a message.", commands=("check",)),
    # run
    _option("config", "path", "run", "Config file (default: found upward from the first "
            "path).", commands=("check", "report", "allow", "rules"), metavar="FILE"),
    _setting("jobs", "count", "run", "Worker processes (default: one per core; 1: no pool).",
             short="-j"),
    _setting("cache", "bool", "run", "Read and write the cache (--no-cache: neither)."),
    _setting("cache-dir", "path", "run", "Cache folder (default: .newslint_cache beside the "
             "config file, or $NEWSLINT_CACHE_DIR).", metavar="DIR"),
    _setting("executor", "choice", "run", "local: a process pool on this machine (default); "
             "dask: a dask.distributed cluster.", choices=EXECUTORS),
    _setting("scheduler", "string", "run", "Dask scheduler address (tcp://host:8786); without "
             "it --executor dask starts a LocalCluster.", metavar="ADDRESS"),
    _setting("nlp-time-limit", "seconds", "run", "Seconds of spaCy parsing per file before its "
             "parse-based rules stop (default: 60; 0: no limit).", metavar="SECONDS"),
)
"""Every setting. The config parser and the command-line options are both built from it."""

CONFIG_KEYS: dict[str, Setting] = {
    key: s for s in SETTINGS if s.field is not None for key in (s.key, *s.aliases)
}


def read_config_file(path: Path) -> Config | None:
    """The config in ``path``, or None for a pyproject.toml without ``[tool.newslint]``."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc.strerror or exc}") from exc
    except (tomllib.TOMLDecodeError, UnicodeDecodeError, RecursionError) as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from exc
    if path.name == "pyproject.toml":
        table = data.get("tool", {}).get("newslint")
        if table is None:
            return None
    else:
        table = data.get("tool", {}).get("newslint", data)
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: [tool.newslint] must be a table")
    return parse_table(table, path.resolve())


def find_config(start: Path) -> Config:
    """Walk up from ``start`` to the first config file; defaults when there is none."""
    here = start.resolve()
    if not here.is_dir():
        here = here.parent
    for folder in (here, *here.parents):
        for name in CONFIG_FILES:
            candidate = folder / name
            if candidate.is_file():
                found = read_config_file(candidate)
                if found is not None:
                    return found
    return Config()


def with_overrides(config: Config, **overrides: Any) -> Config:
    """A copy of ``config`` with the non-None command-line values applied."""
    return replace(config, **{k: v for k, v in overrides.items() if v is not None})
