"""Exit codes, and what the command does when newslint itself fails.

CI must tell a failing article from a crash, so each has its own code. A crash prints one line
(the traceback with ``--verbose``), never a traceback that exits 1 like findings.
"""

from __future__ import annotations

import sys
import traceback
from typing import NoReturn

import click

EXIT_OK = 0
"""Nothing at or above --fail-on."""
EXIT_FINDINGS = 1
"""Findings at or above --fail-on."""
EXIT_ERROR = 2
"""A usage, configuration or input error (or a rule that crashed on a file: NL999)."""
EXIT_INTERNAL = 3
"""newslint itself failed: a bug, reported in one line (the traceback with --verbose)."""
EXIT_OUTPUT = 4
"""An output could not be written: a report, baseline or fixed file (read-only folder, full
disk), or standard output."""

EXIT_CODES_HELP = (
    "Exit codes: 0 nothing at or above --fail-on, 1 findings, 2 usage, config or input error, "
    "3 internal error (newslint crashed; --verbose shows the traceback), 4 an output file could "
    "not be written."
)

VERBOSE_FLAG = "--verbose"
verbose = False
"""Set by the command line (``--verbose`` anywhere before ``--``): tracebacks are shown."""


def take_verbose_flag(args: list[str]) -> list[str]:
    """``args`` without ``--verbose`` (before a ``--``), remembering that it was there."""
    global verbose
    end = args.index("--") if "--" in args else len(args)
    if VERBOSE_FLAG in args[:end]:
        verbose = True
        return [a for a in args[:end] if a != VERBOSE_FLAG] + args[end:]
    return args


def _line(text: str) -> str:
    return " ".join(text.split()) or "(no message)"


def fail(message: str) -> NoReturn:
    """A usage, configuration or input error: one clear line on stderr, exit 2."""
    click.echo(f"newslint: error: {message}", err=True)
    sys.exit(EXIT_ERROR)


def output_failed(message: str) -> NoReturn:
    """An output could not be written: one line, exit 4."""
    print(f"newslint: error: {_line(message)}", file=sys.stderr)
    sys.exit(EXIT_OUTPUT)


def crashed(exc: BaseException) -> NoReturn:
    """newslint failed: one line (the traceback with --verbose), exit 3."""
    if verbose:
        traceback.print_exception(exc, file=sys.stderr)
    where = ""
    frames = traceback.extract_tb(exc.__traceback__) if exc.__traceback__ else []
    if frames:
        last = frames[-1]
        where = f" at {last.filename.rsplit('/', 1)[-1]}:{last.lineno}"
    print(
        f"newslint: internal error{where}: {type(exc).__name__}: {_line(str(exc))}"
        + ("" if verbose else " (run with --verbose for the traceback)"),
        file=sys.stderr,
    )
    sys.exit(EXIT_INTERNAL)
