"""TOML rule packs: declarative rules (Vale-style) whose entries carry self-tests.

A pack is a TOML file with a ``[pack]`` table, optional ``[[rules]]`` that declare rules, and
``[[entries]]`` that give each rule its phrases or patterns. Every entry has an ``id`` and
``examples`` (``match`` lines that must match, ``no_match`` lines that must not); the examples
are checked when the pack loads, so a broken pattern fails loudly and early.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import tomllib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any, NamedTuple

import regex

from lint.pack_schema import RESERVED_TABLES, table_problem
from lint.text import word_count

MATCH_MODES = ("line", "start", "search")
_SEPARATOR_RE = regex.compile(r"\s+[·|•]\s+")
SEGMENTED_MAX_WORDS = 30


def _has_separator(line: str) -> bool:
    return ("·" in line or "|" in line or "•" in line) and _SEPARATOR_RE.search(line) is not None

"""Longer lines joined with separators are prose or tables, not a widget's parts."""
RULE_KINDS = ("existence", "substitution")


class PackError(Exception):
    """A rule pack that cannot be used, with the file and key at fault."""


class PackTimeout(Exception):
    """A user pack's pattern ran over its time limit on one line (the rule reports NL999 for
    that file and the run goes on)."""


PATTERN_SECONDS = 1.0
"""Time limit of one match of a user pack's pattern, plus PATTERN_SECONDS_PER_MB per megabyte
of the text it runs on."""
PATTERN_SECONDS_PER_MB = 1.0
BACKTRACK_SECONDS = 0.05
"""At load, a pattern that takes longer than this on a short adversarial line is rejected."""
BACKTRACK_REPEAT = 40


class LineFacts(NamedTuple):
    """A line and what entries ask of it, computed once when many entries are tried on it."""

    line: str
    lower: str
    stripped: str
    words: int
    separated: bool
    """Whether a widget's separator joins parts of the line ("Share · Comments")."""

    @classmethod
    def of(cls, line: str, lower: str | None = None) -> LineFacts:
        return cls(line, line.lower() if lower is None else lower, line.strip(), word_count(line),
                   _has_separator(line))


@dataclass(frozen=True)
class PackRuleSpec:
    """A rule declared in a pack."""

    code: str
    name: str
    severity: str
    kind: str
    summary: str
    what: str
    why: str
    example: str
    category: str = ""
    skip_roles: tuple[str, ...] = ()
    default_enabled: bool = True
    source: str = ""


MAX_WINDOWS = 6
"""Lines around an entry's words that :meth:`PackEntry.matches_in` searches before it searches
the whole text instead (a word such as "at" is on most lines)."""
MAX_WINDOWED_TEXT = 100_000
"""Characters of a text beyond which :meth:`PackEntry.matches_in` searches the whole text at
once (a file of one 50 MB line has no lines to pick)."""


@dataclass(frozen=True)
class PackEntry:
    """One pattern of a pack, compiled, with its self-test examples."""

    id: str
    rule: str
    expression: str
    """The entry's regular expression (its phrases and regexes as one alternation)."""
    mode: str
    message: str
    role: str = ""
    max_words: int = 0
    min_words: int = 0
    replacement: str | None = None
    safe_fix: bool = False
    examples_match: tuple[str, ...] = ()
    examples_no_match: tuple[str, ...] = ()
    source: str = ""
    requires: tuple[str, ...] = ()
    """Literal prefilter: a line can match only if it contains one of these (lowercase unless
    the entry is case-sensitive). Checked against the examples when the pack loads."""
    case_sensitive: bool = False
    languages: tuple[str, ...] = ()
    """Source languages whose translations make this error (ISO 639-1 codes)."""
    needs_source: bool = False
    """Report only in an article whose likely source languages include one of ``languages``
    (for patterns that are also ordinary English outside translated text)."""
    severity: str = ""
    """The entry's own severity, when it differs from its rule's."""
    bounded: bool = False
    """A user pack's entry: every match runs under a time limit (``regex``'s timeout). The
    shipped packs' patterns are checked by the test suite instead, and run without one."""

    @functools.cached_property
    def pattern(self) -> regex.Pattern[str]:
        """The compiled expression, compiled on first use: a run whose files are all cached
        never pays for the packs' hundred patterns. ``^`` and ``$`` match at each line's start
        and end, so a search of a whole document (:meth:`search`) agrees with the line
        matches."""
        flags = regex.MULTILINE | (0 if self.case_sensitive else regex.IGNORECASE)
        return regex.compile(self.expression, flags)

    def admits(self, line: str, lower: str | None = None) -> bool:
        """Whether the ``requires`` prefilter lets the line through (a substring test in C is
        ten times cheaper than a regex with a leading ``.*`` on a line of prose); ``lower`` is
        the lowercased line when the caller has it."""
        if not self.requires:
            return True
        text = line if self.case_sensitive else (lower if lower is not None else line.lower())
        return any(literal in text for literal in self.requires)

    @property
    def plain_search(self) -> bool:
        """A search anywhere in the line with no word limits: it needs no :class:`LineFacts`."""
        return self.mode == "search" and not (self.max_words or self.min_words)

    def find(self, line: str, lower: str | None = None) -> regex.Match[str] | None:
        """The match of this entry on one line, honouring its prefilter, mode and word limits
        (``lower``: the lowercased line, when the caller has it)."""
        return self.find_in(LineFacts.of(line, lower))

    def find_in(self, facts: LineFacts) -> regex.Match[str] | None:
        """:meth:`find` on a line whose facts were computed once for many entries."""
        if self.max_words and facts.words > self.max_words:
            return None
        if facts.words < self.min_words:
            return None
        if self.requires and not self.admits(facts.line, facts.lower):
            return None
        if self.mode == "line":
            found = self._run(self.pattern.fullmatch, facts.stripped)
            if found is None and facts.separated:
                found = self._segment(facts.line)
            return found
        if self.mode == "start":
            return self._run(self.pattern.match, facts.line.lstrip())
        return self._run(self.pattern.search, facts.line)

    def matches_in(self, text: str, lower: str) -> bool:
        """Whether the entry matches a line of ``text`` (``lower``: its lowercase form): only
        the lines that hold one of its ``requires`` literals can, so those are searched, not the
        whole text (a pattern that opens with an alternation of words costs a try at every
        character). Past MAX_WINDOWS such lines, over MAX_WINDOWED_TEXT characters, or for a
        user's entry, which runs under a time limit, the whole text is searched."""
        if (self.bounded or not self.requires or len(text) > MAX_WINDOWED_TEXT
                or len(lower) != len(text)):  # (a lowercase form of another length: "İ")
            return self.search(text) is not None
        haystack = text if self.case_sensitive else lower
        starts: set[int] = set()
        for literal in self.requires:
            at = haystack.find(literal)
            while at != -1:  # each line once: the next look starts at the end of this one
                starts.add(text.rfind("\n", 0, at) + 1)
                if len(starts) > MAX_WINDOWS:
                    return self.search(text) is not None
                end = text.find("\n", at)
                at = haystack.find(literal, end) if end != -1 else -1
        for start in sorted(starts):
            end = text.find("\n", start)
            if self.pattern.search(text, start, end if end != -1 else len(text)) is not None:
                return True
        return False

    def search(self, text: str) -> regex.Match[str] | None:
        """The first match anywhere in ``text``, a line or a whole document (no prefilter,
        mode or word limits)."""
        return self._run(self.pattern.search, text)

    def _run(self, method: Any, text: str) -> regex.Match[str] | None:
        """``method(text)``, under the time limit for a user pack's entry."""
        if not self.bounded:
            found: regex.Match[str] | None = method(text)
            return found
        with self._time_limit(text) as limit:
            found = method(text, timeout=limit)
            return found

    def _segment(self, line: str) -> regex.Match[str] | None:
        """A whole-line entry also matches one segment of a line that a widget joined with
        separators ("Comments (9) · Add yours", "Posted ... · 5 hours ago")."""
        if word_count(line) > SEGMENTED_MAX_WORDS:
            return None
        for segment in _SEPARATOR_RE.split(line.strip()):
            if not segment or (self.max_words and word_count(segment) > self.max_words):
                continue
            found = self._run(self.pattern.fullmatch, segment)
            if found is not None:
                return found
        return None

    def finditer(
        self, line: str, facts: LineFacts | None = None, lower: str | None = None
    ) -> Iterable[regex.Match[str]]:
        """All matches on a line (one at most for line and start modes); ``facts``: the line's,
        when the caller tries many entries on it; ``lower``: the lowercased line, for the
        ``requires`` prefilter of a plain search."""
        if self.plain_search:
            if self.requires and not self.admits(line, lower):
                return []
            if not self.bounded:
                return list(self.pattern.finditer(line))
            with self._time_limit(line) as limit:
                return list(self.pattern.finditer(line, timeout=limit))
        found = self.find_in(facts or LineFacts.of(line))
        return [found] if found else []

    @contextlib.contextmanager
    def _time_limit(self, text: str) -> Iterator[float]:
        limit = PATTERN_SECONDS + PATTERN_SECONDS_PER_MB * len(text) / 1e6
        try:
            yield limit
        except TimeoutError:
            raise PackTimeout(
                f"{self.source}: entry {self.id!r}: the pattern ran over its {limit:.1f} s time "
                f"limit on a line of {len(text):,} characters (catastrophic backtracking?)"
            ) from None


@dataclass
class Pack:
    """A loaded pack: where it came from, its rules and entries."""

    name: str
    source: str
    description: str = ""
    rules: list[PackRuleSpec] = field(default_factory=list)
    entries: list[PackEntry] = field(default_factory=list)
    data: dict[str, Any] = field(default_factory=dict)


def builtin_pack_dir() -> Path:
    """The folder of the packs shipped with newslint (in the wheel or the source tree)."""
    shipped = resources.files("lint").joinpath("_packs")
    if shipped.is_dir():
        return Path(str(shipped))
    return Path(__file__).resolve().parent.parent / "rules"


def builtin_pack_paths() -> list[Path]:
    return sorted(builtin_pack_dir().glob("*.toml"))


def _expression(source: str, entry_id: str, raw: dict[str, Any]) -> str:
    alternatives: list[str] = []
    for phrase in _strings(source, entry_id, raw, "phrases"):
        escaped = regex.escape(phrase).replace(r"\ ", r"\s+")
        alternatives.append(rf"(?<![\p{{L}}\p{{N}}]){escaped}(?![\p{{L}}\p{{N}}])")
    alternatives.extend(_strings(source, entry_id, raw, "regex"))
    if not alternatives:
        raise PackError(f"{source}: entry {entry_id!r}: needs 'phrases' or 'regex'")
    return "|".join(f"(?:{alt})" for alt in alternatives)


def _strings(source: str, entry_id: str, raw: dict[str, Any], key: str) -> list[str]:
    value = raw.get(key, [])
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise PackError(f"{source}: entry {entry_id!r}: key {key!r} must be a string or a list of strings")
    return list(value)


_ENTRY_KEYS = {
    "id", "rule", "phrases", "regex", "match", "message", "role", "max_words", "min_words",
    "case_sensitive", "replacement", "safe_fix", "examples", "requires", "languages",
    "needs_source", "severity",
}
_RULE_KEYS = {
    "code", "name", "severity", "kind", "summary", "what", "why", "example", "category",
    "skip_roles", "default_enabled",
}


def _entry(source: str, raw: dict[str, Any], position: int, check: bool) -> PackEntry:
    entry_id = raw.get("id")
    if not isinstance(entry_id, str) or not entry_id:
        raise PackError(f"{source}: entries[{position}]: missing key 'id'")
    unknown = set(raw) - _ENTRY_KEYS
    if unknown:
        raise PackError(f"{source}: entry {entry_id!r}: unknown key {sorted(unknown)[0]!r}")
    rule = raw.get("rule", "")
    if not isinstance(rule, str) or not (rule or raw.get("role")):
        raise PackError(f"{source}: entry {entry_id!r}: needs key 'rule' or 'role'")
    mode = raw.get("match", "search")
    if mode not in MATCH_MODES:
        raise PackError(f"{source}: entry {entry_id!r}: key 'match' must be one of {MATCH_MODES}")
    examples = raw.get("examples", {})
    if not isinstance(examples, dict):
        raise PackError(f"{source}: entry {entry_id!r}: key 'examples' must be a table")
    entry = PackEntry(
        id=entry_id,
        rule=rule,
        expression=_expression(source, entry_id, raw),
        mode=mode,
        message=str(raw.get("message", "")),
        role=str(raw.get("role", "")),
        max_words=int(raw.get("max_words", 0)),
        min_words=int(raw.get("min_words", 0)),
        replacement=raw.get("replacement"),
        safe_fix=bool(raw.get("safe_fix", False)),
        examples_match=tuple(_strings(source, entry_id, examples, "match")),
        examples_no_match=tuple(_strings(source, entry_id, examples, "no_match")),
        source=source,
        requires=_requires(source, entry_id, raw),
        case_sensitive=bool(raw.get("case_sensitive", False)),
        languages=tuple(_strings(source, entry_id, raw, "languages")),
        needs_source=bool(raw.get("needs_source", False)),
        severity=_severity(source, entry_id, raw),
        bounded=check,
    )
    if entry.needs_source and not entry.languages:
        raise PackError(f"{source}: entry {entry_id!r}: key 'needs_source' needs 'languages'")
    if check:
        try:
            entry.pattern  # noqa: B018 -- compile now, to report a bad pattern at load
        except regex.error as exc:
            raise PackError(f"{source}: entry {entry_id!r}: key 'regex': bad pattern: {exc}") from exc
        check_backtracking(entry)
        self_test(entry)
    return entry


def _severity(source: str, entry_id: str, raw: dict[str, Any]) -> str:
    value = raw.get("severity", "")
    if value not in ("", "error", "warning", "info"):
        raise PackError(f"{source}: entry {entry_id!r}: key 'severity' must be error, warning or info")
    return str(value)
def _adversarial_lines(expression: str) -> list[str]:
    """Short lines that make a pattern with nested quantifiers over overlapping alternatives
    (``(a|aa)+$``, ``(x+)+y``) backtrack exponentially: runs of the characters the pattern
    names, alone and in pairs, then a character that makes the match fail at the end."""
    found = dict.fromkeys(c.lower() for c in regex.sub(r"\\[pPN]\{[^}]*\}|\\.", " ", expression)
                          if c.isalnum())
    chars = [*list(found)[:10], "a", "1", " "]
    runs = [c * BACKTRACK_REPEAT for c in dict.fromkeys(chars)]
    pairs = [(a + b) * (BACKTRACK_REPEAT // 2) for a in chars[:5] for b in chars[:5] if a != b]
    return [run + end for run in [*runs, *pairs] for end in ("!", "\x00")]


def check_backtracking(entry: PackEntry) -> None:
    """Reject a pattern that takes exponential time on a short adversarial line: one line of a
    corpus could otherwise hang the run. :class:`PackError` names the pack file and entry."""
    pattern = entry.pattern
    for line in _adversarial_lines(entry.expression):
        for attempt in (pattern.search, pattern.fullmatch):
            try:
                attempt(line, timeout=BACKTRACK_SECONDS)
            except TimeoutError:
                raise PackError(
                    f"{entry.source}: entry {entry.id!r}: key 'regex': the pattern backtracks "
                    f"catastrophically (over {BACKTRACK_SECONDS:g} s on the {len(line)}-character "
                    f"line {line[:12]!r}...): avoid nested quantifiers over overlapping "
                    "alternatives such as (a|aa)+ or (x+)+"
                ) from None


def _requires(source: str, entry_id: str, raw: dict[str, Any]) -> tuple[str, ...]:
    literals = _strings(source, entry_id, raw, "requires")
    if any(not literal for literal in literals):
        raise PackError(f"{source}: entry {entry_id!r}: key 'requires' has an empty string")
    if raw.get("case_sensitive", False):
        return tuple(literals)
    return tuple(literal.lower() for literal in literals)


def self_test(entry: PackEntry) -> None:
    """Check an entry against its own examples; raise :class:`PackError` when one fails."""
    if not entry.examples_match or not entry.examples_no_match:
        raise PackError(
            f"{entry.source}: entry {entry.id!r}: key 'examples' needs at least one 'match' "
            "and one 'no_match' line"
        )
    for line in entry.examples_match:
        if not entry.admits(line):
            raise PackError(
                f"{entry.source}: entry {entry.id!r}: key 'requires' rejects example {line!r}"
            )
        if entry.find(line) is None:
            raise PackError(f"{entry.source}: entry {entry.id!r}: example does not match: {line!r}")
    for line in entry.examples_no_match:
        if entry.find(line) is not None:
            raise PackError(
                f"{entry.source}: entry {entry.id!r}: no_match example matches: {line!r}"
            )


def _rule_spec(source: str, raw: dict[str, Any]) -> PackRuleSpec:
    unknown = set(raw) - _RULE_KEYS
    name = raw.get("name", "?")
    if unknown:
        raise PackError(f"{source}: rule {name!r}: unknown key {sorted(unknown)[0]!r}")
    for key in ("code", "name", "severity", "summary"):
        if not isinstance(raw.get(key), str) or not raw[key]:
            raise PackError(f"{source}: rule {name!r}: missing key {key!r}")
    code = raw["code"]
    if not regex.fullmatch(r"[A-Z]{1,4}\d{3}", code):
        raise PackError(f"{source}: rule {name!r}: key 'code' must look like NL123, got {code!r}")
    kind = raw.get("kind", "existence")
    if kind not in RULE_KINDS:
        raise PackError(f"{source}: rule {name!r}: key 'kind' must be one of {RULE_KINDS}")
    if raw["severity"] not in ("error", "warning", "info"):
        raise PackError(f"{source}: rule {name!r}: key 'severity' must be error, warning or info")
    return PackRuleSpec(
        code=code,
        name=raw["name"],
        severity=raw["severity"],
        kind=kind,
        summary=raw["summary"],
        what=str(raw.get("what", raw["summary"])),
        why=str(raw.get("why", "")),
        example=str(raw.get("example", "")),
        category=str(raw.get("category", "")),
        skip_roles=tuple(raw.get("skip_roles", ())),
        default_enabled=bool(raw.get("default_enabled", True)),
        source=source,
    )


def _check_tables(source: str, raw: dict[str, Any]) -> dict[str, Any]:
    """The pack's data tables; an unknown table or key, or a value of the wrong shape, is an
    error naming the pack file."""
    data = {k: v for k, v in raw.items() if k not in RESERVED_TABLES}
    for name, table in data.items():
        problem = table_problem(name, table)
        if problem is not None:
            raise PackError(f"{source}: {problem}")
    return data


def load_pack(path: Path, check: bool = True) -> Pack:
    """Load and validate one pack file; with ``check``, compile its patterns and self-test
    every entry against its examples (the shipped packs are checked by the test suite instead
    of on every run, and compile their patterns when first used)."""
    source = str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise PackError(f"{source}: cannot read rule pack: {exc.strerror or exc}") from exc
    except UnicodeDecodeError as exc:
        raise PackError(f"{source}: not valid TOML: {exc}") from exc
    return pack_from_toml(source, _parsed_toml(source, text), check)


def _parsed_toml(source: str, text: str) -> dict[str, Any]:
    try:
        return tomllib.loads(text)
    except (tomllib.TOMLDecodeError, RecursionError) as exc:
        raise PackError(f"{source}: not valid TOML: {exc}") from exc


def pack_from_toml(source: str, raw: dict[str, Any], check: bool = True) -> Pack:
    """A pack from its file's parsed TOML (``source``: the file, for messages); see
    :func:`load_pack`."""
    header = raw.get("pack", {})
    if not isinstance(header, dict) or not isinstance(header.get("name"), str):
        raise PackError(f"{source}: missing [pack] table with a 'name'")
    unknown = sorted(set(header) - {"name", "description"})
    if unknown:
        raise PackError(f"{source}: table [pack]: unknown key {unknown[0]!r} (keys: description, name)")
    pack = Pack(name=header["name"], source=source, description=str(header.get("description", "")))
    for rule_raw in raw.get("rules", []):
        pack.rules.append(_rule_spec(source, rule_raw))
    seen: set[str] = set()
    for position, entry_raw in enumerate(raw.get("entries", [])):
        entry = _entry(source, entry_raw, position, check)
        if entry.id in seen:
            raise PackError(f"{source}: entries[{position}]: id {entry.id!r} is already an earlier "
                            "entry's (entries are told apart by their ids: one of the two would be skipped)")
        seen.add(entry.id)
        pack.entries.append(entry)
    pack.data = _check_tables(source, raw)
    return pack


def _shipped_packs() -> list[Pack]:
    """The built-in packs. Their parsed TOML is kept in the user's data memo (see
    :mod:`lint.data_memo`) under a tag that names the packs' exact text: tomllib takes about
    50 ms for them at every start, the memo a tenth of that; an edited pack is parsed again."""
    from lint.data_memo import memo_dir, read_memo, write_memo

    paths = builtin_pack_paths()
    try:
        texts = [p.read_text(encoding="utf-8") for p in paths]
    except (OSError, UnicodeDecodeError):
        return [load_pack(p, check=False) for p in paths]  # the error names the file
    digest = hashlib.sha256()
    for path, text in zip(paths, texts, strict=True):
        digest.update(f"{path.name}\0{len(text)}\0{text}".encode())
    context = f"packs/{digest.hexdigest()}"
    memo = memo_dir() / "packs.msgpack"
    raws = read_memo(memo, context)
    if not (isinstance(raws, list) and len(raws) == len(paths) and all(isinstance(r, dict) for r in raws)):
        raws = [_parsed_toml(str(p), text) for p, text in zip(paths, texts, strict=True)]
        with contextlib.suppress(TypeError, ValueError, OverflowError):  # a TOML date: no memo
            write_memo(memo, context, raws)
    return [pack_from_toml(str(p), raw, check=False) for p, raw in zip(paths, raws, strict=True)]


def load_packs(extra: Sequence[Path] = ()) -> list[Pack]:
    """The built-in packs followed by the user's (files, or folders of ``*.toml``); the user's
    are compiled and self-tested as they load."""
    shipped = _shipped_packs()
    paths: list[Path] = []
    for item in extra:
        if item.is_dir():
            paths.extend(sorted(item.glob("*.toml")))
        elif item.exists():
            paths.append(item)
        else:
            raise PackError(f"{item}: rule pack not found")
    packs = [*shipped, *(load_pack(p) for p in paths)]
    owner: dict[str, str] = {}
    for pack in packs:
        for entry in pack.entries:
            first = owner.setdefault(entry.id, pack.source)
            if first != pack.source:
                raise PackError(f"{pack.source}: entry {entry.id!r}: the id of an entry of {first} "
                                "too (entries are told apart by their ids: give this one its own)")
    return packs
