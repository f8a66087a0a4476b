"""Apply the fixes that rules attach to diagnostics: safe ones with --fix, the others with
--unsafe-fixes; --diff shows a unified diff instead of writing.

Edits of one fix go in together or not at all; a fix that overlaps one already taken waits for
the next pass (the caller re-lints and calls again, like ruff). Files are written atomically
(temp file in the same folder, then ``os.replace``) in their own encoding, byte-order mark and
newline style, and only if their bytes did not change since they were read
(``lint.safe_write``). A fix never writes through a symbolic link (a linked file is skipped
with a message; a file reached through a linked folder must lie inside the paths given), and a
read-only file is left alone unless ``force`` (as editors do).
"""

from __future__ import annotations

import difflib
import hashlib
import itertools
import os
import stat
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from lint.diagnostic import Diagnostic, Edit, Fix
from lint.document import Document
from lint.formats import format_of
from lint.loader import load
from lint.safe_write import remove_stale_temporaries, write_bytes

MAX_PASSES = 4


@dataclass
class FileFix:
    """The outcome of fixing one file."""

    path: str
    original: str
    fixed: str
    applied: int
    newline: str = "\n"

    @property
    def changed(self) -> bool:
        return self.fixed != self.original


@dataclass
class FixReport:
    """What one pass did over all files."""

    files: list[FileFix] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    @property
    def applied(self) -> int:
        return sum(f.applied for f in self.files if f.changed)


def wanted(diagnostic: Diagnostic, unsafe: bool) -> Fix | None:
    """The fix of a diagnostic if this run applies it."""
    fix = diagnostic.fix
    if fix is None or not fix.edits or (not fix.safe and not unsafe):
        return None
    return fix


def _consistent(document: Document, diagnostic: Diagnostic) -> bool:
    """Whether the document still holds the flagged text where the linter saw it."""
    if diagnostic.line > document.line_count:
        return False
    start = document.offset(diagnostic.line, diagnostic.column)
    return document.text.startswith(diagnostic.text, start)


def apply_edits(text: str, fixes: Sequence[Fix]) -> tuple[str, int]:
    """Apply the non-overlapping fixes (earliest first); return the text and how many."""
    taken: list[Edit] = []
    applied = 0
    for fix in sorted(fixes, key=lambda f: (min(e.start for e in f.edits), max(e.end for e in f.edits))):
        edits = sorted(fix.edits, key=lambda e: e.start)
        if any(e.end < e.start or e.end > len(text) for e in edits):
            continue
        if any(a.end > b.start for a, b in itertools.pairwise(edits)):
            continue  # a malformed fix whose own edits overlap
        if any(_overlap(e, t) for e in edits for t in taken):
            continue
        taken.extend(edits)
        applied += 1
    for edit in sorted(taken, key=lambda e: e.start, reverse=True):
        text = text[: edit.start] + edit.replacement + text[edit.end :]
    return text, applied


def _overlap(a: Edit, b: Edit) -> bool:
    if a.start == a.end == b.start == b.end:
        return True  # two insertions at the same place: order would be arbitrary
    return a.start < b.end and b.start < a.end


def _digest(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()


_WITH_BOM = ("utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be")


def encode(document: Document, text: str) -> bytes:
    """The bytes of ``text`` in the document's encoding, BOM and newline style (UTF-16 and
    UTF-32 keep their byte order)."""
    if document.newline != "\n":
        text = text.replace("\n", document.newline)
    encoding = document.encoding.lower().replace("_", "-")
    if document.had_bom and encoding == "utf-8":
        encoding = "utf-8-sig"
    elif document.had_bom and encoding in _WITH_BOM:
        text = "\ufeff" + text
    return text.encode(encoding)


def write_atomically(path: str, data: bytes, expected_digest: str) -> bool:
    """Replace ``path`` with ``data`` unless its bytes changed; False when they did."""

    def unchanged() -> bool:
        with open(path, "rb") as handle:
            return _digest(handle.read()) == expected_digest

    if not unchanged():
        return False
    return write_bytes(path, data, check=unchanged)  # a last look, just before the rename


def _inside(real: str, roots: Sequence[str]) -> bool:
    return any(real == root or real.startswith(root.rstrip(os.sep) + os.sep) for root in roots)


def real_roots(paths: Sequence[str]) -> list[str]:
    """The real locations of the paths given on the command line: fixes stay inside them."""
    return [os.path.realpath(p) for p in paths]


def unsafe_to_write(path: str, roots: Sequence[str] | None, force: bool) -> str | None:
    """Why a fix must not write ``path``, or None: a symbolic link, a file reached through a
    linked folder that leads outside the paths given, or a read-only file (without ``force``)."""
    if os.path.islink(path):
        return f"{path}: a symbolic link; not fixed (fix the file it points to instead)"
    real = os.path.realpath(path)
    if roots is not None and not _inside(real, roots):
        return f"{path}: leads outside the checked paths (to {real}) through a link; not fixed"
    try:
        info = os.stat(path)
    except OSError as exc:
        return f"{path}: cannot read: {exc.strerror or exc}"
    if not force and (not info.st_mode & stat.S_IWUSR or not os.access(path, os.W_OK)):
        return f"{path}: read-only; not fixed (--force to fix it anyway)"
    return None


def fix_file(
    path: str, diagnostics: Sequence[Diagnostic], unsafe: bool, *, write: bool, encoding: str | None,
    roots: Sequence[str] | None = None, force: bool = False,
) -> FileFix | str:
    """Fix one plain-text or Markdown file; a string explains why it was left alone."""
    if format_of(path) != "text":
        return f"{path}: fixes are not applied to {format_of(path).upper()} files"
    if write:
        refused = unsafe_to_write(path, roots, force)
        if refused:
            return refused
        remove_stale_temporaries(path)
    try:
        with open(path, "rb") as handle:
            before = handle.read()
    except OSError as exc:
        return f"{path}: cannot read: {exc.strerror or exc}"
    loaded = load(path, encoding)
    if len(loaded.documents) != 1:
        return f"{path}: cannot be fixed (it could not be read as one article)"
    document = loaded.documents[0]
    fixes = [
        fix for d in diagnostics
        if (fix := wanted(d, unsafe)) is not None and _consistent(document, d)
    ]
    if len(fixes) < sum(1 for d in diagnostics if wanted(d, unsafe)):
        return f"{path}: changed since it was checked; not fixed"
    fixed, applied = apply_edits(document.text, fixes)
    outcome = FileFix(path, document.text, fixed, applied, document.newline)
    if write and outcome.changed and not write_atomically(path, encode(document, fixed), _digest(before)):
        return f"{path}: changed while it was being fixed; left as it is"
    return outcome


def fix_all(
    diagnostics: Iterable[Diagnostic], unsafe: bool, *, write: bool, encoding: str | None = None,
    roots: Sequence[str] | None = None, force: bool = False,
) -> FixReport:
    """One pass over every file that has a fix to apply."""
    by_path: dict[str, list[Diagnostic]] = defaultdict(list)
    for diagnostic in diagnostics:
        if wanted(diagnostic, unsafe) is not None:
            by_path[diagnostic.path].append(diagnostic)
    report = FixReport()
    for path in sorted(by_path):
        outcome = fix_file(path, by_path[path], unsafe, write=write, encoding=encoding,
                           roots=roots, force=force)
        if isinstance(outcome, str):
            report.problems.append(outcome)
        else:
            report.files.append(outcome)
    return report


_C_ESCAPES = {"\\": "\\\\", '"': '\\"', "\t": "\\t", "\n": "\\n", "\r": "\\r"}


def diff_name(name: str) -> str:
    """A file name for a diff header, in double quotes with C escapes (as git writes them, and
    GNU patch reads them) when it holds whitespace, a quote, a backslash, a control character
    or bytes that are not UTF-8; as it is otherwise."""
    if name.isprintable() and not any(c in name for c in ' "\\'):
        return name
    out = []
    for char in name:
        if char in _C_ESCAPES:
            out.append(_C_ESCAPES[char])
        elif char.isprintable() and not 0xDC80 <= ord(char) <= 0xDCFF:
            out.append(char)
        else:  # a control character, or a byte of a name that is not UTF-8: octal bytes
            out.extend(f"\\{byte:03o}" for byte in char.encode("utf-8", "surrogateescape"))
    return '"' + "".join(out) + '"'


def unified_diff(fixes: Iterable[FileFix]) -> str:
    """A unified diff of every changed file (``patch -p1`` applies it from the working folder)."""
    chunks = []
    for item in fixes:
        if not item.changed:
            continue
        name = Path(item.path).as_posix()
        before = item.original.replace("\n", item.newline).splitlines(keepends=True)
        after = item.fixed.replace("\n", item.newline).splitlines(keepends=True)
        from_name, to_name = diff_name(f"a/{name}"), diff_name(f"b/{name}")
        for line in difflib.unified_diff(before, after, fromfile=from_name, tofile=to_name):
            if line.endswith("\n") or line.endswith("\r"):
                chunks.append(line)
            else:
                chunks.append(line + "\n\\ No newline at end of file\n")
    return "".join(chunks)
