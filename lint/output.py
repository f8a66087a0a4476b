"""Where newslint's output goes: standard output, or a file (``--output-file``, a report, the
allow list in a config file)."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

from lint.safe_write import write_text


def write_file(path: str | Path, text: str) -> None:
    """Write an output file (the one place newslint writes one, so that all are written alike):
    to a temporary file beside it, flushed and renamed (see :mod:`lint.safe_write`)."""
    write_text(Path(path), text)


def emit(text: str, path: str | None) -> None:
    """``text`` to the file ``path``, or to standard output."""
    if path:
        write_file(path, text)
    else:
        sys.stdout.write(text)


def console_options(color: str | None, terminal: bool) -> dict[str, Any]:
    """rich Console settings for ``--color``: ``never`` (and ``auto`` with NO_COLOR set, or
    when the output is not a terminal) prints no escape codes at all, not even bold;
    ``always`` prints them into a pipe or a file too."""
    choice = color or "auto"
    if choice == "never" or (choice == "auto" and (os.environ.get("NO_COLOR") or not terminal)):
        return {"color_system": None, "force_terminal": False}
    if choice == "always":
        return {"force_terminal": True, "color_system": "standard"}
    return {}
