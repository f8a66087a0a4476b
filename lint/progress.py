"""A progress bar on the terminal for runs that take more than a moment."""

from __future__ import annotations

import sys
import time
from typing import Any

DELAY = 1.0
"""Seconds before the bar appears: short runs print nothing extra."""


class ProgressBar:
    """rich's progress bar on stderr, shown only on a terminal and after ``DELAY`` seconds."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled and sys.stderr.isatty()
        self.started = time.monotonic()
        self.progress: Any = None
        self.task: Any = None

    def update(self, done: int, total: int) -> None:
        if not self.enabled or total == 0:
            return
        if self.progress is None:
            if time.monotonic() - self.started < DELAY:
                return
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

            self.progress = Progress(
                "[progress.description]{task.description}", BarColumn(), MofNCompleteColumn(),
                TimeRemainingColumn(), console=Console(stderr=True), transient=True,
            )
            self.progress.start()
            self.task = self.progress.add_task("checking", total=total)
        self.progress.update(self.task, completed=done, total=total)

    def close(self) -> None:
        if self.progress is not None:
            self.progress.stop()
            self.progress = None
