"""Read files into documents; bad input becomes a diagnostic, never a traceback."""

from __future__ import annotations

import codecs
import os
import stat
from dataclasses import dataclass, field

from lint.diagnostic import Diagnostic
from lint.directives import Directive, file_directives
from lint.document import Document, normalize_newlines
from lint.formats import JsonlFields, TableError, format_of, table_documents, to_documents
from lint.hashing import file_key
from lint.problems import problem

BINARY_MAGIC = (
    b"\x89PNG", b"%PDF", b"PK\x03\x04", b"\x1f\x8b", b"\x7fELF", b"\xff\xd8\xff", b"GIF8",
    b"BZh", b"\xfd7zXZ", b"7z\xbc\xaf", b"RIFF", b"\x00\x00\x01\x00", b"ID3", b"OggS",
)
_BOMS = (  # the byte order is kept in the name, so that a fix writes the file back in it
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_CONTROL_BYTES = bytes([*range(9), *range(14, 32)])
_SURROGATE_LEADS = {bytes((0xED, b)) for b in range(0xA0, 0xC0)}

@dataclass
class Loaded:
    """The outcome of reading one file: documents to check and problems to report."""

    path: str
    documents: list[Document] = field(default_factory=list)
    problems: list[Diagnostic] = field(default_factory=list)
    input_error: bool = False
    key: str | None = None
    """The cache key of what was read (path and bytes); None when nothing could be read."""
    directives: dict[int | None, list[Directive]] = field(default_factory=dict)
    """The inline suppression directives of each document that has some."""


def looks_binary(data: bytes) -> bool:
    """Magic numbers, or many NUL and control bytes, in the first 8 KiB."""
    head = data[:8192]
    if head.startswith(BINARY_MAGIC):
        return True
    if not head:
        return False
    controls = len(head) - len(head.translate(None, _CONTROL_BYTES))
    return controls / len(head) > 0.10


def _position_of_byte(data: bytes, offset: int) -> tuple[int, int]:
    """Line and column (in characters, decoding leniently) of a byte offset."""
    before = data[:offset].decode("utf-8", errors="replace")
    before = normalize_newlines(before)
    line = before.count("\n") + 1
    column = len(before) - (before.rfind("\n") + 1) + 1
    return line, column


def _guess_legacy(data: bytes) -> str:
    try:
        data.decode("cp1252")
    except UnicodeDecodeError:
        return "latin-1"
    return "windows-1252"


def decode(path: str, data: bytes, encoding: str | None) -> tuple[str, str, bool] | Diagnostic:
    """Text, encoding and whether a BOM was present; or an encoding diagnostic."""
    if encoding:
        try:
            return data.decode(encoding), encoding, False
        except (UnicodeDecodeError, LookupError) as exc:
            return problem(path, "NL001", f"cannot decode as {encoding}: {exc}")
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(name)
            except UnicodeDecodeError as exc:
                return problem(path, "NL001", f"invalid {name} after a byte-order mark: {exc.reason}")
            return text.lstrip("\ufeff"), name, True
    try:
        return data.decode("utf-8"), "utf-8", False
    except UnicodeDecodeError as exc:
        line, column = _position_of_byte(data, exc.start)
        guess = _guess_legacy(data)
        hint = f"looks like {guess}; rerun with --encoding {guess} to check its text"
        if data[exc.start:exc.start + 2] in _SURROGATE_LEADS:
            hint = "a UTF-8-encoded surrogate (CESU-8/WTF-8): repair the export"
        return problem(
            path,
            "NL001",
            f"not valid UTF-8: byte 0x{data[exc.start]:02x} at offset {exc.start} ({hint})",
            line,
            column,
        )


def load(
    path: str,
    encoding: str | None = None,
    max_size: int = 0,
    jsonl_fields: JsonlFields | None = None,
    data: bytes | None = None,
) -> Loaded:
    """Read one file into documents, turning every failure into a problem; ``data``: the
    file's bytes when the caller has read them already (for its key), so it is read once."""
    if data is None:
        read = read_bytes(path, max_size)
        if isinstance(read, Loaded):
            return read
        data = read
    return load_bytes(path, data, encoding, jsonl_fields)


def read_bytes(path: str, max_size: int = 0) -> bytes | Loaded:
    """The bytes of a regular file within the size limit, or what was wrong (a :class:`Loaded`
    without documents)."""
    result = Loaded(path)
    try:
        info = os.stat(path)
        if not stat.S_ISREG(info.st_mode):
            result.problems.append(problem(path, "NL004", "not a regular file (skipped)"))
            result.input_error = True
            return result
        if max_size and info.st_size > max_size:
            result.problems.append(
                problem(path, "NL005", f"{info.st_size:,} bytes is over --max-file-size "
                        f"{max_size:,} (skipped)")
            )
            return result
        with open(path, "rb") as handle:
            return handle.read(max_size + 1 if max_size else -1)
    except FileNotFoundError:
        result.problems.append(problem(path, "NL004", "file vanished before it could be read"))
        result.input_error = True
        return result
    except OSError as exc:
        result.problems.append(problem(path, "NL004", f"cannot read: {exc.strerror or exc}"))
        result.input_error = True
        return result


def load_bytes(
    path: str, data: bytes, encoding: str | None = None, jsonl_fields: JsonlFields | None = None
) -> Loaded:
    """The documents of a file read as ``data``, and its inline directives."""
    result = Loaded(path, key=file_key(path, data))
    if not data.strip():
        result.problems.append(problem(path, "NL003", "empty file: no article text"))
        return result
    kind = format_of(path)
    if kind in ("parquet", "arrow"):
        try:
            items = table_documents(path, kind, data, jsonl_fields or JsonlFields())
        except TableError as exc:
            result.problems.append(problem(path, "NL004", str(exc)))
            result.input_error = True
            return result
        for item in items:
            if isinstance(item, Document):
                result.documents.append(item)
            else:
                result.problems.append(item)
    elif looks_binary(data) and not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        result.problems.append(problem(path, "NL002", "binary file (skipped)"))
        return result
    else:
        decoded = decode(path, data, encoding)
        if isinstance(decoded, Diagnostic):
            result.problems.append(decoded)
            return result
        text, used, bom = decoded
        _add_documents(result, text, used, bom, jsonl_fields)
    result.directives = file_directives(path, data, result.documents)
    return result


def load_text(path: str, text: str, jsonl_fields: JsonlFields | None = None) -> Loaded:
    """The documents of a text already in memory (an editor's unsaved article), as
    :func:`load` makes them from the file's bytes."""
    result = Loaded(path, key=file_key(path, text.encode("utf-8", "surrogatepass")))
    if not text.strip():
        result.problems.append(problem(path, "NL003", "empty file: no article text"))
        return result
    _add_documents(result, text, "utf-8", False, jsonl_fields)
    return result


def _add_documents(
    result: Loaded, text: str, encoding: str, bom: bool, jsonl_fields: JsonlFields | None
) -> None:
    newline = "\r\n" if "\r\n" in text else ("\r" if "\r" in text else "\n")
    for item in to_documents(result.path, text, encoding, newline, bom, jsonl_fields):
        if isinstance(item, Document):
            result.documents.append(item)
        else:
            result.problems.append(item)
