"""What a rule is, apart from what it does: its metadata, its family and how selectors pick it.

The one table of rule families is here: a code's family is its hundreds digit (NL1xx
boilerplate, NL4xx names...). Low in the layers: the loader, the engine, the reporters and the
scores read it without importing any rule.
"""

from __future__ import annotations

import fnmatch
from dataclasses import dataclass

from lint.diagnostic import Severity

FAMILIES = {
    "0": "input",
    "1": "boilerplate",
    "2": "repetition",
    "3": "transcription",
    "4": "names",
    "5": "translation",
    "9": "internal",
}
"""Rule families by the hundreds digit of the code."""
OTHER_FAMILY = "other"
"""The family of a code whose digit is not in :data:`FAMILIES` (a plugin's NL6xx)."""


def family_of(code: str) -> str:
    """The family of a rule code, from its hundreds digit."""
    return FAMILIES.get(code[2:3], OTHER_FAMILY)


@dataclass(frozen=True)
class RuleMeta:
    """What a rule is: code, name, default severity, MQM category and its documentation.

    The input and internal codes (NL0xx, NL999) have their family as category: they are not
    translation-quality errors; their diagnostics are built from these metas
    (:mod:`lint.problems`)."""

    code: str
    name: str
    severity: Severity
    summary: str
    what: str
    why: str
    example: str
    category: str = ""
    fixable: bool = False
    default_enabled: bool = True

    @property
    def family(self) -> str:
        return family_of(self.code)

    def doc(self) -> str:
        """The rule's documentation in ruff's three parts."""
        parts = [
            f"{self.code} {self.name} ({self.severity}, {self.family}"
            + (f", MQM: {self.category}" if self.category not in ("", self.family) else "")
            + ")",
            "",
            self.summary,
            "",
            "## What it finds",
            self.what,
            "",
            "## Why it matters",
            self.why,
            "",
            "## Example",
            self.example,
        ]
        if not self.default_enabled:
            parts += ["", "Off by default: enable it with --select " + self.code + "."]
        return "\n".join(parts)


def matches(meta: RuleMeta, selector: str) -> bool:
    """Whether a selector picks the rule: ALL, a code or code prefix (NL1, NL30), a rule
    name, or a glob of names."""
    wanted = selector.strip()
    if wanted.upper() == "ALL":
        return True
    if wanted.upper().startswith("NL") or wanted[:1].isupper():
        return meta.code.startswith(wanted.upper())
    return meta.name == wanted.lower() or fnmatch.fnmatch(meta.name, wanted.lower())
