"""The ``newslint`` command."""

from __future__ import annotations

import contextlib
import difflib
import io
import os
import signal
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import click
from rich.console import Console

from lint import __version__, errors, processes, workflow
from lint.cli_options import (
    GroupedCommand,
    GroupedOption,
    apply_options,
    setting_options,
    write_grouped_options,
)
from lint.command import (
    execute,
    load_config,
    load_rules,
    nothing_checked,
    prepare,
    report_missing,
)
from lint.config import Config, ConfigError
from lint.errors import EXIT_ERROR, EXIT_OK, fail
from lint.output import console_options, emit, write_file
from lint.progress import ProgressBar
from lint.registry import RuleSet
from lint.report import RENDERERS, render_statistics, render_text
from lint.result import RunResult
from lint.safe_write import OutputError

ALIASES = {"version": "--version", "help": "--help", "-v": "--version"}
"""Words people type for an option: suggested, not checked as paths."""


class DefaultGroup(click.Group):
    """A group whose default command is ``check``: ``newslint PATH...`` lints. A mistyped
    command that is not an existing path gets a suggestion instead of 'no such file'."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        args = errors.take_verbose_flag(args)
        first = args[0] if args else None
        if first is None or (first not in self.commands and first not in ("--help", "-h", "--version", "-V")):
            if first is not None and not first.startswith("-") and not os.path.lexists(first):
                self._suggest(first)
            args = ["check", *args]
        return super().parse_args(ctx, args)

    def _suggest(self, word: str) -> None:
        """Stop with a suggestion when ``word`` looks like a command, not a path."""
        if word.lower() in ALIASES:
            fail(f"'{word}' is not a command; did you mean 'newslint {ALIASES[word.lower()]}'?")
        close = difflib.get_close_matches(word.lower(), list(self.commands), n=1, cutoff=0.6)
        if close and "." not in word and os.sep not in word:
            fail(f"'{word}' is not a command or a path; did you mean 'newslint {close[0]}'? "
                 "(see 'newslint --help')")

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """``newslint --help``: the options of ``newslint PATH...`` (check) under their
        headings, then the commands."""
        check_command = self.commands["check"]
        with click.Context(check_command, info_name="check", parent=ctx) as sub:
            write_grouped_options(check_command, sub, formatter, others=False)
        super().format_options(ctx, formatter)

    def invoke(self, ctx: click.Context) -> Any:
        for stream in (sys.stdout, sys.stderr):  # a lone surrogate is escaped, not a crash
            with contextlib.suppress(AttributeError, ValueError):
                stream.reconfigure(errors="backslashreplace")  # type: ignore[union-attr]
        processes.on_start()
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt as exc:
            signum = exc.signum if isinstance(exc, processes.Terminated) else signal.SIGINT
            what = "interrupted" if signum == signal.SIGINT else f"stopped by {signal.Signals(signum).name}"
            click.echo(f"newslint: {what} (no files were changed after it)", err=True)
            sys.stdout.flush()
            sys.stderr.flush()
            os._exit(128 + signum)  # worker pools are already stopped; exit hooks must not wait
        except (click.exceptions.ClickException, click.exceptions.Exit, click.exceptions.Abort):
            raise
        except OutputError as exc:
            errors.output_failed(str(exc))
        except Exception as exc:
            errors.crashed(exc)


@click.group(cls=DefaultGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "-V", "--version", prog_name="newslint")
def main() -> None:
    """newslint: find machine-translation artifacts, corrupted names and web boilerplate in a
    corpus of news articles.

    \b
    newslint PATH...           check files and folders (same as 'newslint check PATH...')
    newslint - --stdin-filename articles/new.txt   check an article read from stdin
    newslint rules             list the rules
    newslint explain CODE      a rule's documentation
    newslint allow PATH --select CODE --reason WHY   accept findings in the config
    newslint report PATH... --html report.html   reliability scores and report

    Exit codes: 0 nothing at or above --fail-on, 1 findings, 2 usage, config or input error
    (also a run whose paths hold no article, unless --allow-empty), 3 internal error
    (newslint crashed), 4 an output file could not be written. --verbose (with any command)
    shows the traceback of an internal error.
    """


@main.command(cls=GroupedCommand)
@click.argument("paths", nargs=-1, type=click.Path())
@setting_options("check")
def check(paths: tuple[str, ...], **params: Any) -> None:
    """Check PATHS (files or folders; default: the current folder; '-': standard input)."""
    paths = paths or (".",)
    if "-" in paths:
        check_stdin(paths, params)
        return
    config, rule_set, rules = prepare(paths, params)
    if params["skip_outside_corpus"]:
        paths = workflow.in_corpus(paths, config)
        if not paths:
            sys.exit(EXIT_OK)
    bar = progress_bar(params)

    def lint() -> RunResult:
        return execute(paths, config, rules, rule_set, bar)

    finish(paths, config, rule_set, params, workflow.run_workflow(lint, config, options(params, paths)))


def check_stdin(paths: tuple[str, ...], params: dict[str, Any]) -> None:
    """``newslint - [--stdin-filename PATH]``: one article from standard input."""
    from lint.stdin import stdin_article, without_saved_copy

    if paths != ("-",):
        fail("'-' (standard input) cannot be combined with other paths")
    if params["fix"] or params["diff"] or params["write_baseline"]:
        fail("--fix, --diff and --write-baseline do not apply to standard input")
    name = params["stdin_filename"]
    config, rule_set, rules = prepare([name] if name else [], params)
    config = without_saved_copy(config, name)
    with stdin_article(sys.stdin.buffer.read(), name) as article:
        bar = progress_bar(params)

        def lint() -> RunResult:
            return article.rename(execute([article.path], config, rules, rule_set, bar), config)

        result = workflow.run_workflow(lint, config, options(params))
        finish(paths, config, rule_set, params, result, {article.name: article.path})


def options(params: dict[str, Any], roots: Sequence[str] = ()) -> workflow.Options:
    return workflow.Options(params["baseline"], params["write_baseline"], params["fix"],
                            params["unsafe_fixes"], params["diff"], roots=tuple(roots),
                            force=bool(params.get("force")))


def progress_bar(params: dict[str, Any]) -> ProgressBar:
    """On stderr when it is a terminal, whatever the output format; not with --quiet."""
    return ProgressBar(enabled=not params["quiet"],
                       console_options=console_options(params["color"], sys.stderr.isatty()))


def finish(
    paths: Sequence[str], config: Config, rule_set: RuleSet, params: dict[str, Any],
    result: RunResult | None, read_as: dict[str, str] | None = None,
) -> None:
    """Print the result in the chosen format and exit with its code."""
    if result is None:
        return
    empty = nothing_checked(result, config, paths)
    report_missing(result)
    emit_result(result, rule_set, params, config, read_as or {})
    sys.exit(EXIT_ERROR if empty else result.exit_code(config.fail_on))


def emit_result(
    result: RunResult, rule_set: RuleSet, params: dict[str, Any], config: Config,
    read_as: dict[str, str],
) -> None:
    """The findings in ``--format``, to ``--output-file`` or standard output."""
    output_format = params["format"] or "text"
    target = params["output_file"]
    if output_format in RENDERERS:
        emit(RENDERERS[output_format](result, rule_set.metas()), target)
        return
    buffer = io.StringIO() if target else None
    terminal = buffer is None and sys.stdout.isatty()
    out = Console(file=buffer, soft_wrap=True, highlight=False,
                  **console_options(params["color"], terminal))
    if params["statistics"]:
        render_statistics(result, out)
    else:
        show = terminal if params["show_source"] is None else params["show_source"]
        sources = _sources(result, read_as) if show else None
        render_text(result, out, show_source=show, quiet=params["quiet"], sources=sources,
                    scoring=config.scoring, reliability=params["reliability"])
    if buffer is not None:
        write_file(target, buffer.getvalue())


def _sources(result: RunResult, read_as: dict[str, str]) -> dict[str, list[str]]:
    """The lines of each file with findings, to show under them (``read_as``: a file read from
    another place, as the article from standard input)."""
    from lint.loader import load

    sources: dict[str, list[str]] = {}
    unread = {d.path for d in result.diagnostics if d.code in ("NL002", "NL004", "NL005")}
    for path in {d.path for d in result.diagnostics} - unread:  # never re-read a skipped file
        loaded = load(read_as.get(path, path))
        if loaded.documents and loaded.documents[0].record is None:  # not for JSONL records
            sources[path] = loaded.documents[0].lines
    return sources


@main.command("report", cls=GroupedCommand)
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--html", "html_path", type=click.Path(dir_okay=False), cls=GroupedOption,
              group="output", help="Write the self-contained HTML report to this file.")
@click.option("--format", "report_format", type=click.Choice(["html", "json", "markdown"]),
              default=None, cls=GroupedOption, group="output",
              help="Report format (default: html with --html, else markdown).")
@click.option("-o", "--output", "--output-file", "output_path", type=click.Path(dir_okay=False),
              cls=GroupedOption, group="output",
              help="Write to this file instead of standard output.")
@click.option("--force", is_flag=True, cls=GroupedOption, group="output",
              help="Overwrite an existing file that is not a previous newslint report.")
@setting_options("report")
def report(
    paths: tuple[str, ...], html_path: str | None, report_format: str | None,
    output_path: str | None, force: bool, **params: Any,
) -> None:
    """Score every article of PATHS and write a reliability report (see docs/report.md).

    Exit 0 when the report was written (findings do not fail it), 2 on errors.
    """
    from lint.report.publish import is_report_file, render_report

    if html_path and output_path and html_path != output_path:
        fail("give either --html FILE or -o FILE, not both")
    target = html_path or output_path
    fmt = report_format or ("html" if html_path else "markdown")
    if target and Path(target).exists() and not force and not is_report_file(target):
        fail(f"{target} exists and is not a newslint report; use --force to overwrite it")
    paths = paths or (".",)
    config, rule_set, rules = prepare(paths, params)
    bar = ProgressBar(enabled=True,
                      console_options=console_options(params["color"], sys.stderr.isatty()))
    result = execute(paths, config, rules, rule_set, bar)
    report_missing(result)
    empty = nothing_checked(result, config, paths)
    text = render_report(result, config, fmt)
    if target:
        write_file(target, text)
        click.echo(f"newslint: wrote {fmt} report of {result.documents} documents to {target}",
                   err=True)
    else:
        sys.stdout.write(text)
    sys.exit(EXIT_ERROR if empty or result.missing or result.internal_errors else EXIT_OK)


@main.command("allow", cls=GroupedCommand)
@click.argument("paths", nargs=-1, type=click.Path(), required=True)
@click.option("--reason", required=True, cls=GroupedOption, group="output",
              help="Why these findings are accepted (written with each entry).")
@click.option("--text", "texts", multiple=True, cls=GroupedOption, group="output",
              help="Only the findings that flag this text (repeatable).")
@setting_options("allow")
def allow(paths: tuple[str, ...], reason: str, texts: tuple[str, ...], **params: Any) -> None:
    """Accept the findings of PATHS (narrow them with --select and --text) in the config's
    allow list, keyed by file, rule and text: the articles are not edited."""
    from lint.allowlist import entries_for, write_entries

    config, rule_set, rules = prepare(paths, params)
    bar = ProgressBar(enabled=True,
                      console_options=console_options(None, sys.stderr.isatty()))
    result = execute(paths, config, rules, rule_set, bar)
    report_missing(result)
    if result.missing:
        sys.exit(EXIT_ERROR)
    chosen = [d for d in result.diagnostics if not texts or d.text in texts]
    entries = entries_for(chosen, reason)
    if not entries:
        click.echo("newslint: no finding to allow (nothing written)", err=True)
        return
    target = config.source or Path("newslint.toml")
    try:
        added = write_entries(target, entries, write_file)
    except (OSError, ValueError) as exc:
        fail(f"{target}: cannot write the allow list: {exc}")
    click.echo(f"newslint: added {added} allow-list entr{'y' if added == 1 else 'ies'} to {target}",
               err=True)


@main.command("rules")
@setting_options("rules")
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text")
def list_rules(output_format: str, **params: Any) -> None:
    """List every rule: code, name, default severity, family and summary."""
    try:
        config = apply_options(load_config(params.get("config"), []), params)
    except ConfigError as exc:
        fail(str(exc))
        return
    metas = load_rules(config).metas()
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
@setting_options("explain")
def explain(code: str, **params: Any) -> None:
    """Print the documentation of rule CODE (a code such as NL201, or a name)."""
    try:
        config = apply_options(load_config(None, []), params)
    except ConfigError as exc:
        fail(str(exc))
        return
    meta = load_rules(config).find(code)
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


def _add_clean() -> None:
    from lint.clean import clean_command  # it builds on the helpers above

    main.add_command(clean_command)


_add_clean()

if __name__ == "__main__":
    main()
