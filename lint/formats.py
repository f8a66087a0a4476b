"""Corpus formats besides plain text: JSONL (one article per line) and HTML (through trafilatura).

JSONL: each non-blank line is a JSON object; its text field (``text`` unless configured) is one
document whose ``record`` is the 1-based line number of the record in the file. Rules see the
record's text; each finding also carries its place in the file itself (the record's line, and
the column in the escaped JSON string), which is what every output format shows, with the
record's id.

HTML: trafilatura extracts the article text; paragraphs are separated by blank lines, as in the
plain-text corpus. Diagnostics point at lines of that extracted text, not of the HTML source.

Parquet and Arrow (a Hugging Face dataset's ``save_to_disk`` shards, or its hub ``data/``
files): each row is read like a JSONL record, with the same text, id, source and url fields
(columns); ``record`` is the 1-based row. Reading them needs pyarrow (the ``parquet`` extra).
"""

from __future__ import annotations

import bisect
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from lint.diagnostic import Diagnostic
from lint.document import Document, normalize_newlines
from lint.problems import problem
from lint.sites import site_of_html, site_of_record

JSONL_SUFFIXES = (".jsonl", ".ndjson")
HTML_SUFFIXES = (".html", ".htm")
TABLE_SUFFIXES = {".parquet": "parquet", ".arrow": "arrow"}
READ_GLOBS = ("*.txt", "*.md", "*.jsonl", "*.ndjson", "*.html", "*.htm", "*.parquet", "*.arrow")
"""Every format newslint reads: what a folder walk includes by default."""

@dataclass(frozen=True)
class JsonlFields:
    """The JSONL field names: article text, and the identifying metadata."""

    text: str = "text"
    id: str = "id"
    source: str = "source"
    url: str = "url"


def format_of(path: str) -> str:
    """``jsonl``, ``html``, ``parquet``, ``arrow`` or ``text``, from the file name."""
    lower = path.lower()
    if lower.endswith(JSONL_SUFFIXES):
        return "jsonl"
    if lower.endswith(HTML_SUFFIXES):
        return "html"
    for suffix, kind in TABLE_SUFFIXES.items():
        if lower.endswith(suffix):
            return kind
    return "text"


class TableError(Exception):
    """A Parquet or Arrow file that cannot be read (or pyarrow is missing)."""


def _read_table(kind: str, data: bytes, columns: list[str]) -> Any:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise TableError(f"reading {kind.title()} files needs pyarrow: pip install pyarrow "
                         "(newslint's 'parquet' extra)") from None
    try:
        if kind == "parquet":
            schema = pq.read_schema(pa.BufferReader(data))
            return pq.read_table(pa.BufferReader(data),
                                 columns=[c for c in columns if c in schema.names])
        try:  # a datasets shard is an Arrow stream; an Arrow IPC file has a footer
            table = pa.ipc.open_stream(pa.BufferReader(data)).read_all()
        except pa.ArrowInvalid:
            table = pa.ipc.open_file(pa.BufferReader(data)).read_all()
        return table.select([c for c in columns if c in table.column_names])
    except (pa.ArrowException, OSError, ValueError) as exc:
        raise TableError(f"cannot read as {kind.title()}: {exc}") from None


def table_documents(
    path: str, kind: str, data: bytes, fields: JsonlFields
) -> list[Document | Diagnostic]:
    """One document per row of a Parquet or Arrow file; :class:`TableError` if unreadable."""
    wanted = list(dict.fromkeys([fields.text, fields.id, fields.url, fields.source]))
    table = _read_table(kind, data, wanted)
    if fields.text not in table.column_names:
        return [format_problem(
            path, "NL007", f"no {fields.text!r} column in this {kind.title()} file (set "
            "text-field to the column holding the article)")]
    found: list[Document | Diagnostic] = []
    for number, row in enumerate(table.to_pylist(), start=1):
        body = row.get(fields.text)
        name = record_id(row, fields)
        if not isinstance(body, str) or not body.strip():
            what = "has no" if body is None else "has an empty or non-string"
            found.append(format_problem(
                path, "NL007", f"row {number}{_describe(row, fields)} {what} {fields.text!r} "
                "value", number, record_id=name, physical=False))
            continue
        found.append(Document(path, normalize_newlines(body), record=number, record_id=name))
    return found


def format_problem(
    path: str, code: str, message: str, record: int | None = None, line: int = 1, column: int = 1,
    record_id: str | None = None, physical: bool = True,
) -> Diagnostic:
    """A diagnostic for a record or page that cannot be read as an article; for a JSONL
    record, ``column`` is the column of its line in the file (``physical=False``: a row of a
    file without lines)."""
    in_file = (record, column, record, column) if record is not None and physical else None
    return problem(path, code, message, line, column, record=record, record_id=record_id,
                   in_file=in_file)


def _describe(obj: dict[str, object], fields: JsonlFields) -> str:
    parts = [f"{key}={obj[key]!r}" for key in (fields.id, fields.source, fields.url) if key in obj]
    return f" ({', '.join(parts)})" if parts else ""


def record_id(obj: dict[str, object], fields: JsonlFields) -> str | None:
    """What names a record in output: its id field, else its url field (None without them)."""
    for key in (fields.id, fields.url):
        value = obj.get(key)
        if isinstance(value, (str, int)) and not isinstance(value, bool) and str(value).strip():
            return str(value)
    return None


@dataclass(frozen=True)
class JsonlOrigin:
    """Where a JSONL record's text lies in its file: the record's line, and the column at which
    each stretch of the text starts (a JSON escape such as ``\\n`` or ``\\u00e9`` makes one
    character of text take more columns of the file)."""

    line: int
    offsets: tuple[int, ...]
    """Text offsets where a stretch starts, ascending; the last one is the end of the text."""
    columns: tuple[int, ...]
    """The 1-based column of each stretch's first character (the last: the closing quote)."""

    def column(self, offset: int) -> int:
        at = max(0, bisect.bisect_right(self.offsets, offset) - 1)
        return self.columns[at] + offset - self.offsets[at]

    def span(self, start: int, end: int) -> tuple[int, int, int, int]:
        return (self.line, self.column(start), self.line, self.column(end))


_SPACE = re.compile(r"[ \t\n\r]*")
_ESCAPE = re.compile(r"\\(u[0-9a-fA-F]{4}|.)")
_DECODER = json.JSONDecoder()


def _string_value_at(raw: str, key: str) -> int | None:
    """The index of the opening quote of member ``key``'s value in the JSON object ``raw``
    (the last one, as json.loads keeps; None when it is not a string)."""
    try:
        pos = _SPACE.match(raw, 0).end()  # type: ignore[union-attr]
        if raw[pos:pos + 1] != "{":
            return None
        pos = _SPACE.match(raw, pos + 1).end()  # type: ignore[union-attr]
        found = None
        while raw[pos:pos + 1] == '"':
            name, pos = json.decoder.scanstring(raw, pos + 1)  # type: ignore[attr-defined]
            pos = _SPACE.match(raw, pos).end()  # type: ignore[union-attr]
            if raw[pos:pos + 1] != ":":
                return None
            pos = _SPACE.match(raw, pos + 1).end()  # type: ignore[union-attr]
            found = pos if name == key and raw[pos:pos + 1] == '"' else (None if name == key else found)
            _, pos = _DECODER.raw_decode(raw, pos)
            pos = _SPACE.match(raw, pos).end()  # type: ignore[union-attr]
            if raw[pos:pos + 1] == ",":
                pos = _SPACE.match(raw, pos + 1).end()  # type: ignore[union-attr]
        return found
    except (ValueError, IndexError):
        return None


def jsonl_origin(raw: str, line: int, key: str, text: str) -> JsonlOrigin | None:
    """The origin of the normalized ``text`` of member ``key`` in the JSONL line ``raw``
    (None if it cannot be traced, and the record's findings then point at its first column)."""
    quote = _string_value_at(raw, key)
    if quote is None:
        return None
    try:
        _, end = json.decoder.scanstring(raw, quote + 1)  # type: ignore[attr-defined]
    except ValueError:
        return None
    offsets, columns = [0], [quote + 2]
    at, raw_at, low_pending = 0, quote + 1, False
    for match in _ESCAPE.finditer(raw, quote + 1, end - 1):
        at += match.start() - raw_at
        code = match.group(1)
        if code == "r" and raw.startswith("\\n", match.end()):
            produced = 0  # CRLF: the text keeps the line feed only
        elif code.startswith("u") and 0xDC00 <= int(code[1:], 16) < 0xE000 and low_pending:
            produced = 0  # the second half of a surrogate pair
        else:
            produced = 1
        low_pending = code.startswith("u") and 0xD800 <= int(code[1:], 16) < 0xDC00
        at += produced
        raw_at = match.end()
        if offsets[-1] == at:
            columns[-1] = raw_at + 1
        else:
            offsets.append(at)
            columns.append(raw_at + 1)
    at += (end - 1) - raw_at
    if at != len(text):
        return None
    if offsets[-1] == at:
        columns[-1] = end
    else:
        offsets.append(at)
        columns.append(end)
    return JsonlOrigin(line, tuple(offsets), tuple(columns))


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
        name = record_id(obj, fields)
        if not isinstance(body, str) or not body.strip():
            what = "has no" if body is None else "has an empty or non-string"
            yield format_problem(
                path, "NL007", f"record {number}{_describe(obj, fields)} {what} "
                f"{fields.text!r} field (set text-field to the field holding the article)",
                number, record_id=name,
            )
            continue
        text = normalize_newlines(body)
        yield Document(path, text, record=number, record_id=name,
                       origin=jsonl_origin(raw, number, fields.text, text),
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
