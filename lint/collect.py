"""The first phase of a run: the files to analyse, the files to report on, and how each is
shown in the output."""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass

from lint.config import Config
from lint.discover import Missing, discover, display_path


@dataclass
class Collected:
    """The files of a run. Inside the run a file is known by its absolute path, whatever
    spelling found it (so the cache serves ``newslint corpus/`` and pre-commit's corpus roots
    alike); output shows it as it was found."""

    files: list[str]
    """Every file to analyse (absolute, normalized), in the order found."""
    reported: set[str]
    """The files whose findings are reported (the others are only compared with)."""
    spelled: dict[str, str]
    """Each file's path as it was found (the first spelling wins)."""
    missing: list[str]
    """Paths given (or corpus roots) that do not exist."""


def collect(paths: Sequence[str], config: Config) -> Collected:
    """The files under ``paths`` and the configured corpus roots."""
    files: list[str] = []
    missing: list[str] = []
    for found in discover(paths, config.include, config.exclude):
        if isinstance(found, Missing):
            missing.append(found.path)
        else:
            files.append(found)
    given, report_only = with_corpus_roots(files, config, missing)
    canonical = Canonical()
    spelled = {canonical(p): p for p in reversed(given)}  # the first spelling wins
    ordered = list(dict.fromkeys(canonical(p) for p in given))
    reported = set(ordered) if report_only is None else {canonical(p) for p in report_only}
    return Collected(ordered, reported, spelled, missing)


def corpus_files(config: Config) -> list[str]:
    """The absolute paths of the files under the config's corpus roots (missing roots are
    left out), in the engine's spelling of a path."""
    canonical = Canonical()
    found = discover([str(root) for root in config.corpus], config.include, config.exclude)
    return list(dict.fromkeys(canonical(f) for f in found if not isinstance(f, Missing)))


def with_corpus_roots(
    files: list[str], config: Config, missing: list[str]
) -> tuple[list[str], set[str] | None]:
    """Add the configured corpus roots' files to the analysis; report on ``files`` only.

    Returns every file to analyse and the files to report on (None: report on all). This is
    what lets pre-commit pass only the changed articles while they are still compared with
    the whole corpus.
    """
    if not config.corpus:
        return files, None
    canonical = Canonical()
    seen = {canonical(f) for f in files}
    extra: list[str] = []
    for found in discover([str(root) for root in config.corpus], config.include, config.exclude):
        if isinstance(found, Missing):
            missing.append(f"{found.path} (a corpus root)")
            continue
        key = canonical(found)
        if key not in seen:
            seen.add(key)
            extra.append(found)
    if not extra:
        return files, None
    return [*files, *extra], set(files)


class Canonical:
    """A path's absolute, normalized form: a file named on the command line and found again
    under a corpus root is analysed once. Cheaper than realpath, and than abspath, which reads
    the working directory on every call (10^4 corpus files)."""

    def __init__(self) -> None:
        self.cwd = os.getcwd()

    def __call__(self, path: str) -> str:
        return os.path.normpath(os.path.join(self.cwd, path))


class Shown:
    """The path shown for a file of the run: as it was found, relative to the working directory
    when inside it; computed when asked (relpath is slow on 10^4 corpus files)."""

    def __init__(self, spelled: dict[str, str]) -> None:
        self.spelled = spelled
        self.memo: dict[str, str] = {}

    def __call__(self, path: str) -> str:
        shown = self.memo.get(path)
        if shown is None:
            shown = self.memo[path] = display_path(self.spelled.get(path, path))
        return shown
