"""Find the files to check: directories recursed, globs applied, symlink loops avoided."""

from __future__ import annotations

import errno
import fnmatch
import functools
import os
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

ALWAYS_EXCLUDED = (".git", ".hg", ".svn", ".venv", "venv", "node_modules", "__pycache__",
                   ".newslint_cache", ".mypy_cache", ".ruff_cache", ".pytest_cache", ".tox")


@dataclass(frozen=True)
class Missing:
    """A path given on the command line that does not exist."""

    path: str


@functools.lru_cache(maxsize=64)
def _glob_regex(patterns: tuple[str, ...]) -> re.Pattern[str] | None:
    """One compiled regex for a list of globs (fnmatch's translation, case as on POSIX)."""
    if not patterns:
        return None
    return re.compile("|".join(f"(?:{fnmatch.translate(p)})" for p in patterns))


def _matches(path: str, patterns: Sequence[str]) -> bool:
    """Whether the path, or its last component, matches one of the globs."""
    regex = _glob_regex(tuple(patterns))
    if regex is None:
        return False
    return bool(regex.match(os.path.basename(path)) or regex.match(path))


def discover(
    paths: Sequence[str], include: Sequence[str], exclude: Sequence[str]
) -> Iterator[str | Missing]:
    """Yield files to check in a stable order, or :class:`Missing` for absent paths.

    Files named explicitly are always checked (pre-commit passes them one by one) unless
    excluded; directories are walked for files matching ``include``.
    """
    seen: set[str] = set()
    for given in paths:
        if not os.path.lexists(given):
            yield Missing(given)
            continue
        if os.path.isdir(given):
            for found in _walk(given, include, exclude):
                if found not in seen:
                    seen.add(found)
                    yield found
        elif not _matches(given, exclude) and given not in seen:
            seen.add(given)
            yield given


def _walk(root: str, include: Sequence[str], exclude: Sequence[str]) -> Iterator[str]:
    visited: set[tuple[int, int]] = set()
    stack = [(root, "")]
    while stack:
        folder, rel_folder = stack.pop()
        try:
            info = os.stat(folder)
        except OSError as exc:
            if exc.errno == errno.ENAMETOOLONG:
                yield folder  # over the system's path limit: the loader reports it (NL004)
            continue
        key = (info.st_dev, info.st_ino)
        if key in visited:  # a symlink loop or a second route to the same folder
            continue
        visited.add(key)
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError:
            continue
        subfolders = []
        for entry in entries:
            path = os.path.join(folder, entry.name)
            rel = f"{rel_folder}{entry.name}"
            if entry.name in ALWAYS_EXCLUDED or _matches(rel, exclude) or _matches(path, exclude):
                continue
            try:
                is_dir = entry.is_dir()
            except OSError:
                continue
            if is_dir:
                subfolders.append((path, f"{rel}{os.sep}"))
            elif _matches(entry.name, include) and not is_dataset_card(path):
                yield path
        stack.extend(reversed(subfolders))


DATASET_CARD_KEYS = ("configs:", "dataset_info:")


def is_dataset_card(path: str) -> bool:
    """Whether ``path`` is the README.md card of a Hugging Face dataset (YAML front matter
    with ``configs`` or ``dataset_info``): a folder walk reads the dataset's data files, not
    its card."""
    if os.path.basename(path).lower() != "readme.md":
        return False
    try:
        with open(path, encoding="utf-8", errors="replace") as handle:
            head = handle.read(16384)
    except OSError:
        return False
    if not head.startswith("---"):
        return False
    front = head[3:].split("\n---", 1)[0]
    return any(line.startswith(DATASET_CARD_KEYS) for line in front.splitlines())


def display_path(path: str) -> str:
    """The path as shown in output: relative to the working directory when inside it."""
    try:
        rel = os.path.relpath(path)
    except ValueError:
        return path
    return path if rel.startswith("..") else Path(rel).as_posix()
