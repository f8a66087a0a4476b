"""A baseline of known findings, so that a CI gate fails on new damage only.

A finding is identified by its file (relative to the baseline's folder), its rule code and the
text it flags, never by its line: editing an article above a known finding does not bring it
back. Identical findings are counted, so a second copy of a known artifact is new.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path

from lint import __version__
from lint.diagnostic import Diagnostic
from lint.safe_write import OutputError, write_text

FORMAT_VERSION = 1
Key = tuple[str, str, str]


class BaselineError(Exception):
    """The baseline file is missing, unreadable or not a newslint baseline."""


def _relative(path: str, folder: Path) -> str:
    try:
        return Path(os.path.relpath(os.path.abspath(path), folder)).as_posix()
    except ValueError:  # another drive on Windows
        return Path(os.path.abspath(path)).as_posix()


def key_of(diagnostic: Diagnostic, folder: Path) -> Key:
    """What identifies a finding across edits: file, rule code and the flagged text."""
    return (_relative(diagnostic.path, folder), diagnostic.code, diagnostic.text or diagnostic.message)


def write_baseline(path: Path, diagnostics: Iterable[Diagnostic]) -> int:
    """Record ``diagnostics`` in ``path`` (replacing it atomically); return how many."""
    folder = path.resolve().parent
    counts = Counter(key_of(d, folder) for d in diagnostics)
    findings = [
        {"path": p, "code": c, "text": t, "count": n} for (p, c, t), n in sorted(counts.items())
    ]
    payload = {"newslint_baseline": FORMAT_VERSION, "version": __version__, "findings": findings}
    text = json.dumps(payload, ensure_ascii=False, indent=1) + "\n"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"cannot write {path}: {exc.strerror or exc}") from exc
    write_text(path, text)
    return sum(counts.values())


def read_baseline(path: Path) -> Counter[Key]:
    """The counted findings of a baseline file; :class:`BaselineError` when it is not one."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise BaselineError(f"{path}: baseline not found (create it with --write-baseline)") from None
    except OSError as exc:
        raise BaselineError(f"{path}: cannot read the baseline: {exc.strerror or exc}") from exc
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise BaselineError(f"{path}: corrupt baseline (not JSON: {exc})") from exc
    if not isinstance(data, dict) or data.get("newslint_baseline") != FORMAT_VERSION:
        raise BaselineError(f"{path}: not a newslint baseline (format {FORMAT_VERSION} expected)")
    counts: Counter[Key] = Counter()
    findings = data.get("findings")
    if not isinstance(findings, list):
        raise BaselineError(f"{path}: corrupt baseline: 'findings' must be a list")
    for number, item in enumerate(findings, start=1):
        if not (
            isinstance(item, dict)
            and all(isinstance(item.get(k), str) for k in ("path", "code", "text"))
            and isinstance(item.get("count", 1), int)
            and not isinstance(item.get("count", 1), bool)
        ):
            raise BaselineError(f"{path}: corrupt baseline: finding {number} is malformed")
        counts[(item["path"], item["code"], item["text"])] += max(1, item.get("count", 1))
    return counts


def new_findings(
    diagnostics: Sequence[Diagnostic], known: Counter[Key], baseline_path: Path
) -> list[Diagnostic]:
    """The findings not covered by the baseline: past the recorded count of their key."""
    folder = baseline_path.resolve().parent
    left = Counter(known)
    fresh = []
    for diagnostic in diagnostics:
        key = key_of(diagnostic, folder)
        if left[key] > 0:
            left[key] -= 1
        else:
            fresh.append(diagnostic)
    return fresh
