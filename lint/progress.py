"""A progress bar on the terminal for runs that take more than a moment."""

from __future__ import annotations

import sys
import time
from typing import Any

DELAY = 1.0
"""Seconds before the bar appears: short runs print nothing extra."""


class ProgressBar:
    """rich's progress bar on stderr, shown only when stderr is a terminal and after ``DELAY``
    seconds: one bar whose total covers both passes (set once, when the run knows it)."""

    def __init__(self, enabled: bool, console_options: dict[str, Any] | None = None) -> None:
        self.enabled = enabled and sys.stderr.isatty()
        self.console_options = console_options or {}
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
            from rich.progress import BarColumn, Progress, TaskProgressColumn, TimeRemainingColumn

            self.progress = Progress(
                "[progress.description]{task.description}", BarColumn(), TaskProgressColumn(),
                TimeRemainingColumn(), console=Console(stderr=True, **self.console_options),
                transient=True,
            )
            self.progress.start()
            self.task = self.progress.add_task("checking", total=total)
        self.progress.update(self.task, completed=done, total=total)

    def close(self) -> None:
        if self.progress is not None:
            self.progress.stop()
            self.progress = None
