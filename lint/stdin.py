"""An article read from standard input (``newslint - --stdin-filename PATH``), as ruff and Vale
read one, for editors and pipelines.

The bytes go to a temporary file named like PATH (its suffix chooses the format), which is
checked against the corpus named in config; the saved copy of PATH, if the corpus holds one, is
left out of the corpus, so that the new text is not compared with its own old version. Findings
are shown under PATH (``-`` without ``--stdin-filename``), and per-file ignores and the allow
list match that name.
"""

from __future__ import annotations

import glob
import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace

from lint.config import Config
from lint.filters import config_filters
from lint.result import RunResult

DEFAULT_NAME = "stdin.txt"


@dataclass(frozen=True)
class StdinArticle:
    """The article read from standard input: the name it is shown under, and its file."""

    name: str
    path: str

    def rename(self, result: RunResult, config: Config) -> RunResult:
        """Show the temporary file's findings under the article's name, and apply the
        config's per-file ignores and allow list to that name."""
        real = os.path.realpath(self.path)
        for diagnostic in result.diagnostics:
            if os.path.realpath(diagnostic.path) == real:
                diagnostic.path = self.name
            for related in diagnostic.related:
                if os.path.realpath(related.path) == real:
                    object.__setattr__(related, "path", self.name)
        result.roles = {
            (self.name if os.path.realpath(path) == real else path, record): roles
            for (path, record), roles in result.roles.items()
        }
        result.diagnostics = config_filters(result.diagnostics, config, lambda path: path)
        return result


@contextmanager
def stdin_article(data: bytes, filename: str | None) -> Iterator[StdinArticle]:
    """The bytes of standard input in a temporary file, removed afterwards."""
    folder = tempfile.mkdtemp(prefix="newslint-stdin-")
    try:
        path = os.path.join(folder, os.path.basename(filename) if filename else DEFAULT_NAME)
        with open(path, "wb") as handle:
            handle.write(data)
        yield StdinArticle(filename or "-", path)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def without_saved_copy(config: Config, filename: str | None) -> Config:
    """The config with the article's saved copy (``filename`` under a corpus root) left out of
    the corpus: an exclude glob spelled as the folder walk will find it."""
    if not filename or not config.corpus:
        return config
    target = os.path.realpath(filename)
    globs: list[str] = []
    for root in config.corpus:
        real_root = os.path.realpath(root)
        if target == real_root:
            globs.append(glob.escape(str(root)))
        elif target.startswith(real_root.rstrip(os.sep) + os.sep):
            globs.append(glob.escape(os.path.join(str(root), os.path.relpath(target, real_root))))
    return replace(config, exclude=(*config.exclude, *globs)) if globs else config
