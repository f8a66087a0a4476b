"""The ``newslint`` command."""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import click
from rich.console import Console

from lint import __version__, workflow
from lint.config import (
    EXECUTORS,
    Config,
    ConfigError,
    find_config,
    read_config_file,
    with_overrides,
)
from lint.diagnostic import Severity
from lint.engine import RunResult, run
from lint.packs import PackError
from lint.progress import ProgressBar
from lint.registry import RuleError, RuleSet, load_rule_set, select_rules
from lint.report import (
    FORMATS,
    render_github,
    render_json,
    render_sarif,
    render_statistics,
    render_text,
)
from lint.rules.base import Rule
from lint.runner import make_cache, make_executor
from lint.score import Scoring

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


class DefaultGroup(click.Group):
    """A group whose default command is ``check``: ``newslint PATH...`` lints."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if not args or (args[0] not in self.commands and args[0] not in ("--help", "-h", "--version")):
            args = ["check", *args]
        return super().parse_args(ctx, args)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt:
            click.echo("newslint: interrupted (no files were changed after the interrupt)", err=True)
            sys.stdout.flush()
            sys.stderr.flush()
            os._exit(130)  # worker pools are already stopped; exit hooks must not wait on them


def _split(values: Sequence[str]) -> tuple[str, ...]:
    return tuple(v.strip() for value in values for v in value.split(",") if v.strip())


def fail(message: str) -> None:
    """Print one clear error line and exit 2."""
    click.echo(f"newslint: error: {message}", err=True)
    sys.exit(EXIT_ERROR)


def load_config(config_path: str | None, paths: Sequence[str]) -> Config:
    if config_path:
        found = read_config_file(Path(config_path))
        if found is None:
            raise ConfigError(f"{config_path}: no [tool.newslint] table")
        return found
    start = Path(paths[0]) if paths else Path.cwd()
    return find_config(start if start.exists() else Path.cwd())


def load_rules(config: Config, packs: Sequence[str]) -> RuleSet:
    try:
        return load_rule_set(config, packs)
    except (PackError, RuleError) as exc:
        fail(str(exc))
        raise  # unreachable


def prepare(
    config_path: str | None,
    paths: Sequence[str],
    packs: Sequence[str],
    select: Sequence[str],
    extend_select: Sequence[str],
    ignore: Sequence[str],
    include: Sequence[str],
    exclude: Sequence[str],
    **overrides: Any,
) -> tuple[Config, RuleSet, list[Rule]]:
    """The config (file plus command-line values), the loaded rules and the selected ones;
    a config or pack problem ends the run with one error line (exit 2)."""
    try:
        config = load_config(config_path, paths)
        config = with_overrides(
            config,
            select=_split(select) or None,
            extend_select=_split(extend_select) or None,
            ignore=(config.ignore + _split(ignore)) if ignore else None,
            include=_split(include) or None,
            exclude=(config.exclude + _split(exclude)) if exclude else None,
            **overrides,
        )
        rule_set = load_rules(config, packs)
        return config, rule_set, select_rules(rule_set, config)
    except ConfigError as exc:
        fail(str(exc))
        raise  # unreachable: fail() exits


def run_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """The options that choose how a run executes (not what it finds)."""
    options = [
        click.option("-j", "--jobs", type=click.IntRange(min=0), default=None,
                     help="Worker processes (default: one per core; 1: no pool)."),
        click.option("--no-cache", is_flag=True, default=False,
                     help="Neither read nor write the cache."),
        click.option("--cache-dir", type=click.Path(file_okay=False), default=None,
                     help="Cache folder (default: .newslint_cache beside the config file, "
                          "or $NEWSLINT_CACHE_DIR)."),
        click.option("--executor", type=click.Choice(EXECUTORS), default=None,
                     help="local: a process pool on this machine (default); dask: a "
                          "dask.distributed cluster."),
        click.option("--scheduler", default=None,
                     help="Dask scheduler address (tcp://host:8786); without it --executor "
                          "dask starts a LocalCluster."),
        click.option("--nlp-time-limit", type=click.FloatRange(min=0), default=None,
                     help="Seconds of spaCy parsing per file before its parse-based rules "
                          "stop (default: 60; 0: no limit)."),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def run_overrides(
    jobs: int | None, no_cache: bool, cache_dir: str | None, executor: str | None,
    scheduler: str | None, nlp_time_limit: float | None,
) -> dict[str, Any]:
    """The run options as config overrides (None: keep the config's value)."""
    return {
        "jobs": jobs, "cache": False if no_cache else None,
        "cache_dir": Path(cache_dir) if cache_dir else None,
        "executor": executor or ("dask" if scheduler else None), "scheduler": scheduler,
        "nlp_time_limit": nlp_time_limit,
    }


def execute(
    paths: Sequence[str], config: Config, rules: Sequence[Rule], rule_set: RuleSet,
    show_progress: bool,
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
    bar = ProgressBar(enabled=show_progress)
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


@click.group(cls=DefaultGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="newslint")
def main() -> None:
    """newslint: find machine-translation artifacts, corrupted names and web boilerplate in a
    corpus of news articles.

    \b
    newslint PATH...           check files and folders (same as 'newslint check PATH...')
    newslint rules             list the rules
    newslint explain CODE      a rule's documentation
    newslint report PATH... --html report.html   reliability scores and report

    Run 'newslint check --help' for the options.
    Exit codes: 0 nothing at or above --fail-on, 1 findings, 2 usage, config or input error.
    """


@main.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--select", multiple=True, help="Only these rules: codes, prefixes (NL1) or names; comma-separated.")
@click.option("--extend-select", multiple=True, help="Rules to add to the selection.")
@click.option("--ignore", multiple=True, help="Rules to skip: codes, prefixes or names.")
@click.option("--format", "output_format", type=click.Choice(FORMATS), default="text", show_default=True)
@click.option("--fail-on", type=click.Choice(["error", "warning", "info"]), default=None,
              help="Lowest severity that makes the exit code 1 (default: warning).")
@click.option("--statistics", is_flag=True, help="Print counts per rule instead of each finding.")
@click.option("-q", "--quiet", is_flag=True, help="No summary; text findings only.")
@click.option("--config", "config_path", type=click.Path(), help="Config file (default: found upward).")
@click.option("--rules", "packs", multiple=True, type=click.Path(), help="Extra rule pack (TOML file or folder).")
@click.option("--include", multiple=True, help="File globs to check in folders (default: *.txt, *.md).")
@click.option("--exclude", multiple=True, help="Globs of files or folders to skip.")
@click.option("--locale", type=click.Choice(["en-CA", "en-GB", "en-US", "en-AU"]), help="Spelling locale of the corpus.")
@click.option("--encoding", help="Decode files with this encoding instead of UTF-8.")
@click.option("--max-file-size", type=click.IntRange(min=1), help="Skip files over this many bytes.")
@click.option("--show-source/--no-show-source", default=None, help="Show the line under each finding (default: on a terminal).")
@click.option("--corpus", "corpus_roots", multiple=True, type=click.Path(),
              help="Corpus root to compare with (repeatable; default: 'corpus' in config). "
                   "Its files are analysed but only PATHS are reported on.")
@click.option("--skip-outside-corpus", is_flag=True,
              help="Silently skip given files outside the corpus roots or not matching --include "
                   "(for pre-commit, which passes every changed text file).")
@click.option("--baseline", "baseline_path", type=click.Path(dir_okay=False),
              help="Report only findings not recorded in this baseline file.")
@click.option("--write-baseline", "write_baseline_path", type=click.Path(dir_okay=False),
              help="Record the current findings in this file (replacing it) and exit 0.")
@click.option("--fix", is_flag=True, help="Apply safe fixes in place, then report what is left.")
@click.option("--unsafe-fixes", is_flag=True, help="With --fix or --diff, apply unsafe fixes too.")
@click.option("--diff", is_flag=True, help="Print a unified diff of the fixes instead of writing them.")
@run_options
def check(
    paths: tuple[str, ...],
    select: tuple[str, ...],
    extend_select: tuple[str, ...],
    ignore: tuple[str, ...],
    output_format: str,
    fail_on: str | None,
    statistics: bool,
    quiet: bool,
    config_path: str | None,
    packs: tuple[str, ...],
    include: tuple[str, ...],
    exclude: tuple[str, ...],
    locale: str | None,
    encoding: str | None,
    max_file_size: int | None,
    show_source: bool | None,
    corpus_roots: tuple[str, ...],
    skip_outside_corpus: bool,
    baseline_path: str | None,
    write_baseline_path: str | None,
    fix: bool,
    unsafe_fixes: bool,
    diff: bool,
    **run_settings: Any,
) -> None:
    """Check PATHS (files or folders; default: the current folder)."""
    paths = paths or (".",)
    config, rule_set, rules = prepare(
        config_path, paths, packs, select, extend_select, ignore, include, exclude,
        fail_on=Severity.parse(fail_on) if fail_on else None,
        locale=locale,
        encoding=encoding,
        max_file_size=max_file_size,
        corpus=tuple(Path(p) for p in corpus_roots) or None,
        **run_overrides(**run_settings),
    )
    if skip_outside_corpus:
        paths = workflow.in_corpus(paths, config)
        if not paths:
            sys.exit(EXIT_OK)

    show_progress = output_format == "text" and not quiet and not statistics

    def lint() -> RunResult:
        return execute(paths, config, rules, rule_set, show_progress)

    options = workflow.Options(baseline_path, write_baseline_path, fix, unsafe_fixes, diff)
    result = workflow.run_workflow(lint, config, options)
    if result is None:
        return
    emit(result, rule_set, output_format, statistics, quiet, show_source, config.scoring)
    sys.exit(result.exit_code(config.fail_on))


def emit(
    result: RunResult,
    rule_set: RuleSet,
    output_format: str,
    statistics: bool,
    quiet: bool,
    show_source: bool | None,
    scoring: Scoring | None = None,
) -> None:
    out = Console(soft_wrap=True, highlight=False)
    err = Console(stderr=True, highlight=False)
    for path in result.missing:
        if output_format != "text":
            err.print(f"newslint: error: {path}: no such file or directory")
    if output_format == "json":
        sys.stdout.write(render_json(result))
    elif output_format == "sarif":
        sys.stdout.write(render_sarif(result, rule_set.metas()))
    elif output_format == "github":
        sys.stdout.write(render_github(result))
    elif statistics:
        render_statistics(result, out)
    else:
        show = out.is_terminal if show_source is None else show_source
        sources = _sources(result) if show else None
        render_text(result, out, show_source=show, quiet=quiet, sources=sources, scoring=scoring)


def _sources(result: RunResult) -> dict[str, list[str]]:
    from lint.loader import load

    sources: dict[str, list[str]] = {}
    unread = {d.path for d in result.diagnostics if d.code in ("NL002", "NL004", "NL005")}
    for path in {d.path for d in result.diagnostics} - unread:  # never re-read a skipped file
        loaded = load(path)
        if loaded.documents and loaded.documents[0].record is None:  # not for JSONL records
            sources[path] = loaded.documents[0].lines
    return sources


@main.command("report")
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--html", "html_path", type=click.Path(dir_okay=False),
              help="Write the self-contained HTML report to this file.")
@click.option("--format", "output_format", type=click.Choice(["html", "json", "markdown"]),
              default=None, help="Report format (default: html with --html, else markdown).")
@click.option("-o", "--output", "output_path", type=click.Path(dir_okay=False),
              help="Write to this file instead of standard output.")
@click.option("--force", is_flag=True,
              help="Overwrite an existing file that is not a previous newslint report.")
@click.option("--select", multiple=True, help="Only these rules.")
@click.option("--extend-select", multiple=True, help="Rules to add to the selection.")
@click.option("--ignore", multiple=True, help="Rules to skip.")
@click.option("--config", "config_path", type=click.Path(), help="Config file.")
@click.option("--rules", "packs", multiple=True, type=click.Path(), help="Extra rule pack.")
@click.option("--include", multiple=True, help="File globs to check in folders.")
@click.option("--exclude", multiple=True, help="Globs of files or folders to skip.")
@click.option("--locale", type=click.Choice(["en-CA", "en-GB", "en-US", "en-AU"]))
@click.option("--encoding", help="Decode files with this encoding instead of UTF-8.")
@run_options
def report(
    paths: tuple[str, ...],
    html_path: str | None,
    output_format: str | None,
    output_path: str | None,
    force: bool,
    select: tuple[str, ...],
    extend_select: tuple[str, ...],
    ignore: tuple[str, ...],
    config_path: str | None,
    packs: tuple[str, ...],
    include: tuple[str, ...],
    exclude: tuple[str, ...],
    locale: str | None,
    encoding: str | None,
    **run_settings: Any,
) -> None:
    """Score every article of PATHS and write a reliability report (see docs/report.md).

    Exit 0 when the report was written (findings do not fail it), 2 on errors.
    """
    from lint.report.reliability import is_report_file, render_report

    if html_path and output_path and html_path != output_path:
        fail("give either --html FILE or -o FILE, not both")
    target = html_path or output_path
    fmt = output_format or ("html" if html_path else "markdown")
    if target and Path(target).exists() and not force and not is_report_file(target):
        fail(f"{target} exists and is not a newslint report; use --force to overwrite it")
    paths = paths or (".",)
    config, rule_set, rules = prepare(
        config_path, paths, packs, select, extend_select, ignore, include, exclude,
        locale=locale, encoding=encoding, **run_overrides(**run_settings),
    )
    result = execute(paths, config, rules, rule_set, show_progress=True)
    for path in result.missing:
        click.echo(f"newslint: error: {path}: no such file or directory", err=True)
    text = render_report(result, config, fmt)
    if target:
        Path(target).write_text(text, encoding="utf-8")
        click.echo(f"newslint: wrote {fmt} report of {result.documents} documents to {target}",
                   err=True)
    else:
        sys.stdout.write(text)
    sys.exit(EXIT_ERROR if result.missing or result.internal_errors else EXIT_OK)


@main.command("rules")
@click.option("--config", "config_path", type=click.Path())
@click.option("--rules", "packs", multiple=True, type=click.Path(), help="Extra rule pack.")
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text")
def list_rules(config_path: str | None, packs: tuple[str, ...], output_format: str) -> None:
    """List every rule: code, name, default severity, family and summary."""
    try:
        config = load_config(config_path, [])
    except ConfigError as exc:
        fail(str(exc))
        return
    rule_set = load_rules(config, packs)
    metas = rule_set.metas()
    if output_format == "json":
        import json

        rows: list[dict[str, Any]] = [
            {"code": m.code, "name": m.name, "severity": str(m.severity), "family": m.family,
             "category": m.category, "summary": m.summary, "default_enabled": m.default_enabled}
            for m in metas
        ]
        click.echo(json.dumps(rows, indent=2))
        return
    for m in metas:
        flag = "" if m.default_enabled else "  (off by default)"
        click.echo(f"{m.code}  {m.name:<26} {m.severity!s:<8} {m.family:<14} {m.summary}{flag}")


@main.command()
@click.argument("code")
@click.option("--rules", "packs", multiple=True, type=click.Path(), help="Extra rule pack.")
def explain(code: str, packs: tuple[str, ...]) -> None:
    """Print the documentation of rule CODE (a code such as NL201, or a name)."""
    try:
        config = load_config(None, [])
    except ConfigError as exc:
        fail(str(exc))
        return
    meta = load_rules(config, packs).find(code)
    if meta is None:
        fail(f"unknown rule {code!r} (see 'newslint rules')")
        return
    click.echo(meta.doc())


@main.command("server")
def server() -> None:
    """Run the language server for editors (LSP over standard input and output; see the
    README's "In an editor")."""
    try:
        from lint.server import serve
    except ImportError as exc:
        fail(f"newslint server needs pygls ({exc}); install it with "
             "'pip install \"newslint[server]\"'")
        return
    serve()


@main.group("cache")
def cache_group() -> None:
    """Manage the cache (.newslint_cache)."""


@cache_group.command("clean")
@click.option("--cache-dir", type=click.Path(file_okay=False), default=None,
              help="The cache folder (default: the one the config in this folder uses).")
def cache_clean(cache_dir: str | None) -> None:
    """Delete the cache folder."""
    from lint.cache import clean, default_root

    if cache_dir:
        root = Path(cache_dir)
    else:
        try:
            config = load_config(None, [])
        except ConfigError as exc:
            fail(str(exc))
            return
        root = config.cache_dir or default_root(config.source)
    try:
        freed = clean(root)
    except (ValueError, OSError) as exc:
        fail(str(exc))
        return
    click.echo(f"newslint: removed {root} ({freed / 1e6:.1f} MB)" if freed else
               f"newslint: no cache at {root}")


if __name__ == "__main__":
    main()
