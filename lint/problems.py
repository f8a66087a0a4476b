"""The input and internal codes: their documentation, and the diagnostics built from it.

The loader, the formats and the engine report a file that cannot be read, a record that is not
an article, the NLP time limit and a rule that crashed through :func:`problem`, which takes
the code's name, severity and category from its :class:`RuleMeta` here: each fact is written
once.
"""

from __future__ import annotations

import traceback

from lint.diagnostic import Diagnostic, Severity
from lint.meta import RuleMeta

INPUT_RULES: list[RuleMeta] = [
    RuleMeta(
        "NL001", "encoding-error", Severity.ERROR,
        category="input",
        summary="The file is not valid UTF-8 (or not valid in the encoding given).",
        what="Bytes that do not decode; the message gives the byte offset and a likely encoding.",
        why="A wrong encoding corrupts every non-ASCII character; the file is not checked further.",
        example="not valid UTF-8: byte 0xe9 at offset 118 (looks like windows-1252; rerun with --encoding windows-1252)",
    ),
    RuleMeta(
        "NL002", "binary-file", Severity.INFO,
        category="input",
        summary="A binary file among the articles: skipped.",
        what="Magic numbers (PNG, PDF, ZIP, ELF...) or many control bytes in the first 8 KiB.",
        why="It is not an article; it is reported so that nothing is skipped silently.",
        example="image.txt:1:1: NL002 info binary file (skipped)",
    ),
    RuleMeta(
        "NL003", "empty-file", Severity.WARNING,
        category="input",
        summary="An empty (or whitespace-only) article.",
        what="A file with no text.",
        why="An empty article usually means a failed scrape or a truncated write.",
        example="empty.txt:1:1: NL003 warning empty file: no article text",
    ),
    RuleMeta(
        "NL004", "unreadable-file", Severity.ERROR,
        category="input",
        summary="A file that cannot be read: permission denied, vanished, a FIFO or device.",
        what="An operating-system error while opening or reading the file. The run exits with 2.",
        why="A corpus check that silently skips files cannot be trusted.",
        example="secret.txt:1:1: NL004 error cannot read: Permission denied",
    ),
    RuleMeta(
        "NL005", "file-too-large", Severity.WARNING,
        category="input",
        summary="A file over --max-file-size: skipped.",
        what="Files larger than the limit (64 MiB by default) are not read.",
        why="One enormous file should not stall a corpus run; raise the limit to check it.",
        example="dump.txt:1:1: NL005 warning 90,000,000 bytes is over --max-file-size 67,108,864 (skipped)",
    ),
    RuleMeta(
        "NL006", "malformed-record", Severity.ERROR,
        category="input",
        summary="A JSONL line that is not a JSON object: the record is skipped.",
        what="Invalid JSON (the message gives the column) or a JSON value other than an object.",
        why="A broken export line usually means a truncated or concatenated record; the other "
        "records are still checked.",
        example='wire.jsonl:3:1:22: NL006 error record 3 is not valid JSON: Unterminated string',
    ),
    RuleMeta(
        "NL007", "record-without-text", Severity.WARNING,
        category="input",
        summary="A JSONL record without a usable text field.",
        what="The configured text field (`jsonl-text-field`, default `text`) is missing, empty "
        "or not a string.",
        why="Either the record has no article or the corpus uses another field name.",
        example="wire.jsonl:4:1:1: NL007 warning record 4 (id='a4') has no 'text' field",
    ),
    RuleMeta(
        "NL008", "no-extractable-text", Severity.WARNING,
        category="input",
        summary="An HTML page from which trafilatura extracts no article text.",
        what="The page holds no main text (a navigation page, a script-only shell, an error "
        "page).",
        why="A saved page without an article usually means a failed or blocked download.",
        example="page.html:1:1: NL008 warning trafilatura found no article text in this page",
    ),
    RuleMeta(
        "NL009", "nlp-time-limit", Severity.WARNING,
        category="input",
        summary="NLP on this file stopped at the per-file time limit.",
        what="The spaCy parses the rules asked for on this file took longer than "
        "--nlp-time-limit (60 s by default); the rules that needed a parse skipped the rest of "
        "the file. The other rules and files were checked as usual.",
        why="One pathological file (megabytes on one line, thousands of candidate sentences) "
        "must not stall a corpus run; the finding says which file was only partly checked.",
        example="dump.txt:1:1: NL009 warning NLP stopped after 60 s (--nlp-time-limit); "
        "rules NL503 and NL504 skipped the rest of this file",
    ),
    RuleMeta(
        "NL999", "internal-error", Severity.ERROR,
        category="internal",
        summary="A rule failed on this file, or its worker process died.",
        what="A rule raised an exception, or the process checking the file died (killed, out of "
        "memory, crashed); the other rules and files were still checked. Exit code 2.",
        why="A crash in one rule must not hide the findings of the others; please report it.",
        example="a.txt:1:1: NL999 error rule NL201 failed: ValueError: ...",
    ),
]

INPUT_METAS: dict[str, RuleMeta] = {meta.code: meta for meta in INPUT_RULES}
INTERNAL_ERROR = "NL999"


def problem(
    path: str, code: str, message: str, line: int = 1, column: int = 1, *,
    record: int | None = None, record_id: str | None = None,
    in_file: tuple[int, int, int, int] | None = None,
) -> Diagnostic:
    """A file-level (or record-level) diagnostic of an input or internal code."""
    meta = INPUT_METAS[code]
    return Diagnostic(
        path, line, column, line, column, meta.code, meta.name, meta.severity, message,
        meta.category, record=record, record_id=record_id, in_file=in_file,
    )


def internal_error(path: str, rule_code: str | None, rule_name: str, exc: BaseException) -> Diagnostic:
    """NL999 for a rule (or, without ``rule_code``, the analysis) that raised ``exc``."""
    where = f"rule {rule_code} ({rule_name})" if rule_code else "analysis"
    last = traceback.extract_tb(exc.__traceback__)[-1] if exc.__traceback__ else None
    at = f" at {last.filename.rsplit('/', 1)[-1]}:{last.lineno}" if last else ""
    return problem(path, INTERNAL_ERROR, f"{where} failed{at}: {type(exc).__name__}: {exc}")


def crash_diagnostic(path: str, reason: str) -> Diagnostic:
    """NL999 for a file whose worker died or whose task failed."""
    return problem(
        path, INTERNAL_ERROR, f"checking this file stopped: {reason}; the other files were checked"
    )
