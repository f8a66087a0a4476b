"""Which findings a run keeps: the config's ignore list, per-file ignores and allow list, and
the inline directives of each file."""

from __future__ import annotations

import fnmatch
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from lint.config import Config
from lint.diagnostic import Diagnostic
from lint.discover import display_path
from lint.meta import matches
from lint.suppress import FileDirectives, apply_inline_suppressions


def filter_diagnostics(
    diagnostics: Iterable[Diagnostic], config: Config, shown: Callable[[str], str],
    directives: Mapping[str, FileDirectives] | None = None,
) -> list[Diagnostic]:
    """Apply the config's filters (:func:`config_filters`) and the inline directives (by file,
    as the first pass found them; none when not given)."""
    return apply_inline_suppressions(config_filters(diagnostics, config, shown), directives or {})


def config_filters(
    diagnostics: Iterable[Diagnostic], config: Config, shown: Callable[[str], str] = display_path
) -> list[Diagnostic]:
    """Apply ignore (for input codes too), per-file ignores and the allow list; ``shown`` maps
    a file's path in the run to the path shown for it (the one globs are written for)."""
    kept: list[Diagnostic] = []
    per_file = _PerFileIgnores(config.per_file_ignores) if config.per_file_ignores else None
    for diagnostic in diagnostics:
        meta_like = _MetaView(diagnostic.code, diagnostic.name)
        if any(matches(meta_like, s) for s in config.ignore):  # type: ignore[arg-type]
            continue
        display = shown(diagnostic.path)
        if per_file is not None and any(
            matches(meta_like, s)  # type: ignore[arg-type]
            for selectors in per_file.selectors(display, diagnostic.path)
            for s in selectors
        ):
            continue
        if any(
            a.covers(diagnostic, display) and matches(meta_like, a.rule)  # type: ignore[arg-type]
            for a in config.allow
        ):
            continue
        kept.append(diagnostic)
    return kept


filter_configured = config_filters
"""The config's filters alone (the editor server applies the inline directives of the unsaved
text itself)."""


class _PerFileIgnores:
    """``per-file-ignores`` compiled once per run: literal paths in a dict, each glob compiled
    once (fnmatch's own cache holds 32,768 patterns: a longer table recompiled every glob for
    every finding), and the answer remembered per file."""

    def __init__(self, table: dict[str, tuple[str, ...]]) -> None:
        self.literal: dict[str, list[tuple[str, ...]]] = {}
        self.globs: list[tuple[re.Pattern[str], tuple[str, ...]]] = []
        for glob, selectors in table.items():
            if any(c in glob for c in "*?["):
                self.globs.append((re.compile(fnmatch.translate(glob)), selectors))
            else:
                self.literal.setdefault(glob, []).append(selectors)
        self.memo: dict[tuple[str, str], list[tuple[str, ...]]] = {}

    def selectors(self, display: str, path: str) -> list[tuple[str, ...]]:
        """The selector lists of every entry whose glob matches the file (shown or full path)."""
        found = self.memo.get((display, path))
        if found is None:
            found = [*self.literal.get(display, ()), *(self.literal.get(path, ()) if path != display else ())]
            found += [selectors for pattern, selectors in self.globs
                      if pattern.match(display) or pattern.match(path)]
            self.memo[display, path] = found
        return found


@dataclass(frozen=True)
class _MetaView:
    code: str
    name: str
