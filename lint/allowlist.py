"""The allow list: findings accepted in config, keyed by content, without editing the article.

An entry names the files (a glob of the displayed path), the rule (a code, prefix or name), the
exact text it allows (the finding's flagged text) and why::

    [[tool.newslint.allow]]
    path = "articles/2024/*.txt"
    rule = "NL401"
    text = "Dana Kowalsky"
    reason = "her own spelling, in an op-ed she signed"

Like the baseline, the key is the text, never a line number: editing the article elsewhere
keeps the entry in force, and the entry stops matching once the text itself changes.
"""

from __future__ import annotations

import fnmatch
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lint.diagnostic import Diagnostic

KEYS = ("path", "rule", "text", "reason")


@dataclass(frozen=True)
class Allowance:
    """One accepted finding: files, rule, the text it allows and the reason."""

    rule: str
    text: str
    reason: str
    path: str = "*"

    def covers(self, diagnostic: Diagnostic, display: str) -> bool:
        """Whether the finding's text and file are this entry's (the caller matches the rule,
        a selector as in ``--ignore``)."""
        if _normal(diagnostic.text) != _normal(self.text):
            return False
        return fnmatch.fnmatch(display, self.path) or fnmatch.fnmatch(diagnostic.path, self.path)


def _normal(text: str) -> str:
    return " ".join(text.split())


def parse_allow(value: Any, where: str) -> tuple[Allowance, ...]:
    """The ``allow`` array of tables; ValueError (with the entry's number) when malformed."""
    if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
        raise ValueError(f"{where}: expected an array of tables ([[tool.newslint.allow]])")
    entries = []
    for number, item in enumerate(value, start=1):
        unknown = sorted(set(item) - set(KEYS))
        if unknown:
            raise ValueError(f"{where} entry {number}: unknown key {unknown[0]!r} "
                             f"(expected {', '.join(KEYS)})")
        for key in ("rule", "text", "reason"):
            if not isinstance(item.get(key), str) or not item[key].strip():
                raise ValueError(f"{where} entry {number}: {key!r} must be a non-empty string")
        if not isinstance(item.get("path", "*"), str):
            raise ValueError(f"{where} entry {number}: 'path' must be a glob string")
        entries.append(Allowance(item["rule"], item["text"], item["reason"], item.get("path", "*")))
    return tuple(entries)


def entries_for(diagnostics: Iterable[Diagnostic], reason: str) -> list[dict[str, str]]:
    """Allow-list entries for these findings (one per file, rule and text)."""
    seen: dict[tuple[str, str, str], dict[str, str]] = {}
    for d in diagnostics:
        if not d.text.strip():
            continue  # a finding without flagged text (a file-level one) has no content key
        key = (Path(d.path).as_posix(), d.code, d.text)
        seen.setdefault(key, {"path": key[0], "rule": d.code, "text": d.text, "reason": reason})
    return list(seen.values())


def write_entries(
    path: Path, entries: list[dict[str, str]], write: Callable[[Path, str], None]
) -> int:
    """Add entries to the allow list of a config file (``[tool.newslint]`` of a pyproject.toml,
    or a newslint.toml), keeping its comments and layout (tomlkit); the file is created when
    missing. Returns how many entries were new."""
    import tomlkit
    from tomlkit.items import AoT, Table

    document = tomlkit.parse(path.read_text(encoding="utf-8") if path.exists() else "")
    table: Any = document
    if path.name == "pyproject.toml" or "tool" in document:
        tool = document.setdefault("tool", tomlkit.table(is_super_table=True))
        table = tool.setdefault("newslint", tomlkit.table())
    allow = table.get("allow")
    if allow is None:
        allow = tomlkit.aot()
        table.append("allow", allow)
    if not isinstance(allow, AoT):
        raise ValueError("'allow' is not an array of tables")
    known = {(e.get("path", "*"), e.get("rule"), e.get("text")) for e in allow}
    added = 0
    for entry in entries:
        if (entry["path"], entry["rule"], entry["text"]) in known:
            continue
        item: Table = tomlkit.table()
        for key in KEYS:
            item.add(key, entry[key])
        allow.append(item)
        added += 1
    if added:
        write(path, tomlkit.dumps(document))
    return added
