"""Corpus formats besides plain text: JSONL (one article per line) and HTML (through trafilatura).

JSONL: each non-blank line is a JSON object; its text field (``text`` unless configured) is one
document whose ``record`` is the 1-based line number of the record in the file, so findings read
``file.jsonl:RECORD:line:col`` where line and column are inside the record's text.

HTML: trafilatura extracts the article text; paragraphs are separated by blank lines, as in the
plain-text corpus. Diagnostics point at lines of that extracted text, not of the HTML source.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from lint.diagnostic import Diagnostic, Severity
from lint.document import Document, normalize_newlines
from lint.sites import site_of_html, site_of_record

JSONL_SUFFIXES = (".jsonl", ".ndjson")
HTML_SUFFIXES = (".html", ".htm")

FORMAT_CODES = {
    "NL006": ("malformed-record", Severity.ERROR),
    "NL007": ("record-without-text", Severity.WARNING),
    "NL008": ("no-extractable-text", Severity.WARNING),
}


@dataclass(frozen=True)
class JsonlFields:
    """The JSONL field names: article text, and the identifying metadata."""

    text: str = "text"
    id: str = "id"
    source: str = "source"
    url: str = "url"


def format_of(path: str) -> str:
    """``jsonl``, ``html`` or ``text``, from the file name."""
    lower = path.lower()
    if lower.endswith(JSONL_SUFFIXES):
        return "jsonl"
    if lower.endswith(HTML_SUFFIXES):
        return "html"
    return "text"


def format_problem(
    path: str, code: str, message: str, record: int | None = None, line: int = 1, column: int = 1
) -> Diagnostic:
    """A diagnostic for a record or page that cannot be read as an article."""
    name, severity = FORMAT_CODES[code]
    return Diagnostic(
        path, line, column, line, column, code, name, severity, message, "input", record=record
    )


def _describe(obj: dict[str, object], fields: JsonlFields) -> str:
    parts = [f"{key}={obj[key]!r}" for key in (fields.id, fields.source, fields.url) if key in obj]
    return f" ({', '.join(parts)})" if parts else ""


def iter_jsonl(
    path: str, text: str, fields: JsonlFields
) -> Iterator[Document | Diagnostic]:
    """One document per record; a record that is not a JSON object with text is a diagnostic."""
    for number, raw in enumerate(normalize_newlines(text).split("\n"), start=1):
        if not raw.strip():
            continue
        try:
            obj = json.loads(raw)
        except json.JSONDecodeError as exc:
            yield format_problem(
                path, "NL006", f"record {number} is not valid JSON: {exc.msg} "
                f"(column {exc.colno}); the record is skipped", number, 1, exc.colno,
            )
            continue
        if not isinstance(obj, dict):
            yield format_problem(
                path, "NL006", f"record {number} is a JSON {type(obj).__name__}, "
                "not an object; the record is skipped", number,
            )
            continue
        body = obj.get(fields.text)
        if not isinstance(body, str) or not body.strip():
            what = "has no" if body is None else "has an empty or non-string"
            yield format_problem(
                path, "NL007", f"record {number}{_describe(obj, fields)} {what} "
                f"{fields.text!r} field (set jsonl-text-field to the field holding the article)",
                number,
            )
            continue
        yield Document(path, normalize_newlines(body), record=number,
                       site=site_of_record(obj, fields.url))


def extract_html(html: str) -> str | None:
    """The article text of an HTML page, paragraphs separated by blank lines (None if nothing)."""
    import trafilatura  # imported lazily: only HTML corpora pay for it

    extracted = trafilatura.extract(
        html, include_comments=False, include_tables=True, deduplicate=False, favor_recall=True
    )
    if not extracted or not extracted.strip():
        return None
    paragraphs = [line.strip() for line in normalize_newlines(extracted).split("\n")]
    return "\n\n".join(p for p in paragraphs if p) + "\n"


def html_document(path: str, html: str) -> Document | Diagnostic:
    """The extracted article of an HTML file, or a diagnostic when there is none."""
    text = extract_html(html)
    if text is None:
        return format_problem(path, "NL008", "trafilatura found no article text in this page")
    return Document(path, text, site=site_of_html(html))


def to_documents(
    path: str,
    text: str,
    encoding: str,
    newline: str,
    had_bom: bool,
    jsonl_fields: JsonlFields | None = None,
) -> list[Document | Diagnostic]:
    """The documents (or record problems) of a decoded file, by its format."""
    kind = format_of(path)
    if kind == "jsonl":
        found = list(iter_jsonl(path, text, jsonl_fields or JsonlFields()))
        for item in found:
            if isinstance(item, Document):
                item.encoding, item.newline, item.had_bom = encoding, newline, had_bom
        return found
    if kind == "html":
        return [html_document(path, text)]
    return [Document(path, normalize_newlines(text), encoding=encoding, newline=newline,
                     had_bom=had_bom)]


HTML_NOTE = " [line of the text extracted from the HTML]"


def annotate_html(diagnostics: Iterable[Diagnostic]) -> None:
    """Say in the message that an HTML finding's line is one of the extracted text."""
    for diagnostic in diagnostics:
        if (
            format_of(diagnostic.path) == "html"
            and diagnostic.category != "input"
            and not diagnostic.message.endswith(HTML_NOTE)
        ):
            diagnostic.message += HTML_NOTE
