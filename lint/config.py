"""Configuration: ``[tool.newslint]`` in pyproject.toml or a ``newslint.toml``.

The file is found by walking up from the first checked path. Keys are kebab-case (snake_case is
accepted too); unknown keys and bad values are errors that name the file and the key.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from lint.diagnostic import Severity
from lint.formats import JsonlFields
from lint.score import Scoring

CONFIG_FILES = ("newslint.toml", ".newslint.toml", "pyproject.toml")
LOCALES = ("en-CA", "en-GB", "en-US", "en-AU")
EXECUTORS = ("local", "dask")
RUN_ONLY = frozenset({
    "source", "fail_on", "scoring", "baseline", "jobs", "cache", "cache_dir", "executor",
    "scheduler", "corpus", "include", "exclude",
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
    include: tuple[str, ...] = ("*.txt", "*.md")
    exclude: tuple[str, ...] = ()
    encoding: str | None = None
    max_file_size: int = 64 * 1024 * 1024
    spacy_model: str | None = None
    languagetool_url: str | None = None
    vocabulary: Vocabulary = field(default_factory=Vocabulary)
    chrome_min_documents: int = 3
    corpus: tuple[Path, ...] = ()
    baseline: Path | None = None
    jsonl_text_field: str = "text"
    jsonl_id_field: str = "id"
    jsonl_source_field: str = "source"
    jsonl_url_field: str = "url"
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


def parse_table(table: dict[str, Any], source: Path) -> Config:
    """Turn a ``[tool.newslint]`` table into a :class:`Config`."""
    values: dict[str, Any] = {"source": source}
    base = source.parent
    for raw_key, value in table.items():
        key = raw_key.replace("_", "-")
        if key in ("select", "extend-select", "ignore", "include", "exclude"):
            values[key.replace("-", "_")] = _as_strings(source, raw_key, value)
        elif key == "per-file-ignores":
            if not isinstance(value, dict):
                raise ConfigError(f"{source}: key {raw_key!r}: expected a table of glob = [codes]")
            values["per_file_ignores"] = {
                glob: _as_strings(source, f"{raw_key}.{glob}", codes) for glob, codes in value.items()
            }
        elif key == "fail-on":
            try:
                values["fail_on"] = Severity.parse(_as_str(source, raw_key, value))
            except ValueError as exc:
                raise ConfigError(f"{source}: key {raw_key!r}: {exc}") from None
        elif key == "rules":
            values["rules"] = tuple(base / p for p in _as_strings(source, raw_key, value))
        elif key == "locale":
            locale = _as_str(source, raw_key, value)
            if locale not in LOCALES:
                raise ConfigError(f"{source}: key {raw_key!r}: expected one of {', '.join(LOCALES)}")
            values["locale"] = locale
        elif key in ("encoding", "spacy-model", "languagetool-url"):
            values[key.replace("-", "_")] = _as_str(source, raw_key, value)
        elif key in ("max-file-size", "chrome-min-documents", "jobs"):
            values[key.replace("-", "_")] = _as_int(source, raw_key, value)
        elif key == "nlp-time-limit":
            if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0:
                raise ConfigError(f"{source}: key {raw_key!r}: expected a non-negative number of seconds")
            values["nlp_time_limit"] = float(value)
        elif key == "cache":
            if not isinstance(value, bool):
                raise ConfigError(f"{source}: key {raw_key!r}: expected true or false")
            values["cache"] = value
        elif key == "cache-dir":
            values["cache_dir"] = base / _as_str(source, raw_key, value)
        elif key == "executor":
            executor = _as_str(source, raw_key, value)
            if executor not in EXECUTORS:
                raise ConfigError(f"{source}: key {raw_key!r}: expected one of {', '.join(EXECUTORS)}")
            values["executor"] = executor
        elif key == "scheduler":
            values["scheduler"] = _as_str(source, raw_key, value)
        elif key == "vocabulary":
            values["vocabulary"] = _vocabulary(source, raw_key, value)
        elif key == "corpus":
            values["corpus"] = tuple(base / p for p in _as_strings(source, raw_key, value))
        elif key == "scoring":
            if not isinstance(value, dict):
                raise ConfigError(f"{source}: key {raw_key!r}: expected a table")
            try:
                values["scoring"] = Scoring.from_table(value)
            except ValueError as exc:
                raise ConfigError(f"{source}: [tool.newslint.scoring]: {exc}") from None
        elif key == "baseline":
            values["baseline"] = base / _as_str(source, raw_key, value)
        elif key in ("jsonl-text-field", "jsonl-id-field", "jsonl-source-field", "jsonl-url-field"):
            values[key.replace("-", "_")] = _as_str(source, raw_key, value)
        else:
            raise ConfigError(f"{source}: unknown key {raw_key!r} in [tool.newslint]")
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
