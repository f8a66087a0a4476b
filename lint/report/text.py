"""Human output: ``path:line:col: CODE severity message``, the line with the span underlined,
and a summary."""

from __future__ import annotations

from collections import Counter

from rich.console import Console
from rich.markup import escape

from lint.diagnostic import Diagnostic, Severity
from lint.report.summary import fixable, fixable_counts
from lint.result import RunResult
from lint.score import Scoring, score_result

_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}
MAX_SOURCE_WIDTH = 160


_CONTROLS = {c: f"\\x{c:02x}" for c in [*range(0x20), *range(0x7F, 0xA0)]} | {
    0x09: "\\t", 0x0A: "\\n", 0x0D: "\\r", 0x2028: "\\u2028", 0x2029: "\\u2029",
}


def printable(text: str) -> str:
    """``text`` with control characters escaped (``\\n``, ``\\x1b``): a file name or an
    article can neither start a new output line nor colour the terminal."""
    return text.translate(_CONTROLS)


def location(d: Diagnostic) -> str:
    """``path:line:col`` in the file (a JSONL record's own line); ``path:row N:line:col`` for a
    row of a file without lines (Parquet, Arrow), where line and column are in its text."""
    if d.record is not None and d.in_file is None:
        return f"{printable(d.path)}:row {d.record}:{d.line}:{d.column}"
    line, column, _, _ = d.file_position()
    return f"{printable(d.path)}:{line}:{column}"


def record_suffix(d: Diagnostic) -> str:
    note = d.record_note()
    return f" [{note}]" if note else ""


def _source_excerpt(d: Diagnostic, lines: list[str]) -> list[str]:
    """The flagged line, cut around the span when long, with carets under the span."""
    if d.line - 1 >= len(lines):
        return []
    line = lines[d.line - 1].replace("\t", " ")
    start = d.column - 1
    end = d.end_column - 1 if d.end_line == d.line else len(line)
    end = max(end, start + 1)
    offset = 0
    if len(line) > MAX_SOURCE_WIDTH:
        offset = max(0, min(start - 20, len(line) - MAX_SOURCE_WIDTH))
        line = line[offset : offset + MAX_SOURCE_WIDTH]
    caret_start = start - offset
    caret_len = max(1, min(end - start, len(line) - caret_start))
    return [f"    {line}", "    " + " " * caret_start + "^" * caret_len]


def render_text(
    result: RunResult,
    console: Console,
    *,
    show_source: bool,
    quiet: bool,
    sources: dict[str, list[str]] | None = None,
    scoring: Scoring | None = None,
    reliability: bool = False,
) -> None:
    """Print diagnostics and (unless quiet) a summary with the fixable count, and with
    ``reliability`` the scores of the least reliable documents."""
    safe, _ = fixable(result.diagnostics)
    for d in result.diagnostics:
        suggestion = f" (suggestion: {d.suggestion!r})" if d.suggestion else ""
        marker = "[*] " if id(d) in safe else ""
        console.print(
            f"[bold]{escape(location(d))}:[/bold] [{_STYLE[d.severity]}]{d.code}[/] "
            f"[{_STYLE[d.severity]}]{d.severity}[/] {escape(marker)}{escape(printable(d.message))}"
            f"{escape(printable(suggestion))}{escape(record_suffix(d))}",
            soft_wrap=True,
            highlight=False,
        )
        if show_source and sources is not None and d.path in sources:
            for text in _source_excerpt(d, sources[d.path]):
                console.print(escape(printable(text)), soft_wrap=True, highlight=False, style="dim")
    if not quiet:
        render_summary(result, console)
    if reliability and result.roles:
        render_score_table(result, console, scoring)


def render_summary(result: RunResult, console: Console) -> None:
    """``Checked N files (M documents): ...``, and how many findings --fix would fix."""
    counts = Counter(d.severity for d in result.diagnostics)
    parts = [f"{counts.get(s, 0)} {s}{'s' if counts.get(s, 0) != 1 else ''}"
             for s in (Severity.ERROR, Severity.WARNING, Severity.INFO)]
    files_hit = len({d.path for d in result.diagnostics})
    console.print(
        f"Checked {result.files} file{'s' if result.files != 1 else ''} "
        f"({result.documents} document{'s' if result.documents != 1 else ''}): "
        f"{', '.join(parts)} in {files_hit} file{'s' if files_hit != 1 else ''}.",
        highlight=False,
    )
    hint = fix_hint(result.diagnostics)
    if hint:
        console.print(escape(hint), highlight=False)


SCORE_TABLE_ROWS = 10


def render_score_table(result: RunResult, console: Console, scoring: Scoring | None) -> None:
    """The least reliable documents, one line each (see ``newslint report`` for all), scored
    from every finding of the run, before a baseline hid the known ones."""
    found = result.diagnostics if result.before_baseline is None else result.before_baseline
    scores = score_result(found, result.roles, scoring)
    console.print("\nReliability (0-100, least reliable first):", highlight=False)
    for s in scores[:SCORE_TABLE_ROWS]:
        style = "bold red" if s.score < 50 else "yellow" if s.score < 85 else "green"
        console.print(f"  [{style}]{s.score:>3}[/]  {', '.join(s.verdicts):<28} {escape(printable(s.label))}",
                      highlight=False, soft_wrap=True)
    if len(scores) > SCORE_TABLE_ROWS:
        console.print(f"  ... and {len(scores) - SCORE_TABLE_ROWS} more: "
                      "'newslint report PATH --html report.html' ranks them all.", highlight=False)


def fix_hint(diagnostics: list[Diagnostic]) -> str:
    """``[*] 3 fixable with --fix (2 more with --fix --unsafe-fixes).``, as ruff says it."""
    safe, unsafe = fixable_counts(diagnostics)
    if not safe and not unsafe:
        return ""
    more = f" ({unsafe} more with --fix --unsafe-fixes)" if unsafe else ""
    if not safe:
        return f"No fix applies with --fix; {unsafe} with --fix --unsafe-fixes."
    return f"[*] {safe} fixable with --fix{more}."


def render_statistics(result: RunResult, console: Console) -> None:
    """ruff-style counts per code (``[*]``: fixable with --fix), the total and the fixable."""
    counts = Counter((d.code, d.name, d.severity) for d in result.diagnostics)
    safe_ids, _ = fixable(result.diagnostics)
    safe_codes = {d.code for d in result.diagnostics if id(d) in safe_ids}
    for (code, name, severity), count in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0][0])):
        marker = "[*]" if code in safe_codes else "   "
        console.print(f"{count:>6}  {code}  {escape(marker)} {name:<28} {severity}", highlight=False)
    total = len(result.diagnostics)
    console.print(f"Found {total} finding{'s' if total != 1 else ''}.", highlight=False)
    hint = fix_hint(result.diagnostics)
    if hint:
        console.print(escape(hint), highlight=False)
