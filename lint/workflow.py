"""The newsroom workflow around one run: baseline gating, writing a baseline, fixes and diffs,
and the pre-commit file filter."""

from __future__ import annotations

import fnmatch
import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import click

from lint.baseline import BaselineError, new_findings, read_baseline, write_baseline
from lint.config import Config
from lint.errors import EXIT_ERROR, EXIT_FINDINGS, EXIT_OK, fail
from lint.fixes import MAX_PASSES, fix_all, real_roots, unified_diff
from lint.formats import annotate_html
from lint.report.text import printable
from lint.result import RunResult


@dataclass(frozen=True)
class Options:
    """The workflow options of ``newslint check``."""

    baseline: str | None = None
    write_baseline: str | None = None
    fix: bool = False
    unsafe_fixes: bool = False
    diff: bool = False
    roots: tuple[str, ...] = ()
    """The paths given: fixes never write outside them."""
    force: bool = False
    """Fix read-only files too."""


def _inside(path: str, roots: Sequence[str]) -> bool:
    real = os.path.realpath(path)
    return any(real == root or real.startswith(root.rstrip(os.sep) + os.sep) for root in roots)


def in_corpus(paths: Sequence[str], config: Config) -> tuple[str, ...]:
    """The given paths that belong to the corpus: folders, and files matching ``include``
    that lie under a corpus root (any place when no root is configured)."""
    roots = [os.path.realpath(root) for root in config.corpus]
    kept = []
    for path in paths:
        if os.path.isdir(path):
            kept.append(path)
            continue
        name = os.path.basename(path)
        if not any(fnmatch.fnmatch(name, glob) for glob in config.include):
            continue
        if roots and not _inside(path, roots):
            continue
        kept.append(path)
    return tuple(kept)


def _gate(result: RunResult, baseline: Path | None) -> RunResult:
    if baseline is None:
        return result
    try:
        known = read_baseline(baseline)
    except BaselineError as exc:
        fail(str(exc))
        raise  # unreachable
    result.before_baseline = result.diagnostics
    result.diagnostics = new_findings(result.diagnostics, known, baseline)
    return result


def _check_options(config: Config, options: Options) -> Path | None:
    """The baseline to gate with; an option clash or an unreadable baseline ends the run
    before it starts (not after a long run)."""
    if options.unsafe_fixes and not (options.fix or options.diff):
        fail("--unsafe-fixes needs --fix or --diff")
    if options.write_baseline and (options.fix or options.diff or options.baseline):
        fail("--write-baseline records the findings as they are: "
               "do not combine it with --fix, --diff or --baseline")
    baseline = Path(options.baseline) if options.baseline else config.baseline
    if baseline is not None and not options.write_baseline:
        try:
            read_baseline(baseline)  # fail before the (long) run, not after
        except BaselineError as exc:
            fail(str(exc))
    return baseline


def _write_baseline(result: RunResult, target: str) -> None:
    count = write_baseline(Path(target), result.diagnostics)
    click.echo(f"newslint: wrote {count} finding{'s' if count != 1 else ''} "
               f"to {target}", err=True)
    sys.exit(EXIT_ERROR if result.input_errors or result.internal_errors else EXIT_OK)


def _show_diff(result: RunResult, config: Config, options: Options) -> None:
    report = fix_all(result.diagnostics, options.unsafe_fixes, write=False,
                     encoding=config.encoding)
    for problem in report.problems:
        click.echo(f"newslint: {printable(problem)}", err=True)
    text = unified_diff(report.files)
    sys.stdout.write(text)
    sys.exit(EXIT_FINDINGS if text else EXIT_OK)


def _fix(
    result: RunResult, lint: Callable[[], RunResult], config: Config, options: Options,
    baseline: Path | None,
) -> RunResult:
    fixed, problems = 0, dict[str, None]()
    for _ in range(MAX_PASSES):
        report = fix_all(result.diagnostics, options.unsafe_fixes, write=True,
                         encoding=config.encoding, roots=real_roots(options.roots or (".",)),
                         force=options.force)
        problems.update(dict.fromkeys(report.problems))
        fixed += report.applied
        if not report.applied:
            break
        result = _gate(lint(), baseline)
        annotate_html(result.diagnostics)
    for problem in problems:
        click.echo(f"newslint: {printable(problem)}", err=True)
    click.echo(f"newslint: applied {fixed} fix{'es' if fixed != 1 else ''}", err=True)
    return result


def run_workflow(
    lint: Callable[[], RunResult], config: Config, options: Options
) -> RunResult | None:
    """Run ``lint`` with the workflow options; None when the output is already written."""
    baseline = _check_options(config, options)
    result = lint()
    annotate_html(result.diagnostics)
    if options.write_baseline:
        _write_baseline(result, options.write_baseline)
    result = _gate(result, baseline)
    if options.diff:
        _show_diff(result, config, options)
    if options.fix:
        result = _fix(result, lint, config, options, baseline)
    return result
